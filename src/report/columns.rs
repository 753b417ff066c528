//! The columns of `documents.csv`: one row per document carrying every
//! number a user compares on. SPEC fixes the first twelve names; the rest
//! follow, grouped: more readability, the counts behind them, furniture,
//! decoding.
//! Theme rates are appended per dictionary (see `tables.rs`).

use super::{text, Cell};
use crate::analysis::Analysis;
use crate::metrics::readability as r;

/// A column: its name and how to fill it from one document's analysis.
pub type Column = (&'static str, for<'a> fn(&'a Analysis) -> Cell<'a>);

/// Decimals for scores and grades.
const SCORE: usize = 2;
/// Decimals for per-word and per-sentence ratios.
const RATIO: usize = 3;

fn score(measure: fn(&crate::counts::Counts) -> Option<f64>, a: &Analysis) -> Cell<'static> {
    Cell::Number(measure(&a.counts), SCORE)
}

/// A sample-length flag; no flag for a document without words (its scores
/// are empty anyway).
fn flag(too_short: fn(&crate::counts::Counts) -> bool, a: &Analysis) -> Cell<'static> {
    Cell::Flag(a.counts.words > 0 && too_short(&a.counts))
}

fn grade_band(a: &Analysis) -> Option<r::GradeBand> {
    r::dale_chall(&a.counts).map(r::dale_chall_grade)
}

fn grade_bound(grade: Option<u8>) -> Cell<'static> {
    Cell::Number(grade.map(f64::from), 0)
}

/// The columns of `documents.csv`, in order.
pub const DOCUMENT_COLUMNS: &[Column] = &[
    ("document", |a| text(&a.id)),
    ("title", |a| text(a.title.as_deref().unwrap_or_default())),
    ("words", |a| Cell::Count(a.counts.words)),
    ("sentences", |a| Cell::Count(a.counts.sentences)),
    ("syllables", |a| Cell::Count(a.counts.syllables)),
    ("flesch_reading_ease", |a| score(r::flesch_reading_ease, a)),
    ("flesch_kincaid_grade", |a| {
        score(r::flesch_kincaid_grade, a)
    }),
    ("gunning_fog", |a| score(r::gunning_fog, a)),
    ("smog", |a| score(r::smog, a)),
    ("coleman_liau", |a| score(r::coleman_liau, a)),
    ("ari", |a| score(r::ari, a)),
    ("dale_chall", |a| score(r::dale_chall, a)),
    ("dale_chall_grade", |a| {
        Cell::Text(
            grade_band(a)
                .map(r::GradeBand::label)
                .unwrap_or_default()
                .into(),
        )
    }),
    ("dale_chall_grade_low", |a| {
        grade_bound(grade_band(a).and_then(|band| band.low))
    }),
    ("dale_chall_grade_high", |a| {
        grade_bound(grade_band(a).and_then(|band| band.high))
    }),
    ("coleman_liau_grade", |a| score(r::coleman_liau_grade, a)),
    ("coleman_liau_cloze", |a| score(r::coleman_liau_cloze, a)),
    ("spache", |a| score(r::spache, a)),
    ("powers_sumner_kearl", |a| score(r::powers_sumner_kearl, a)),
    ("linsear_write", |a| score(r::linsear_write, a)),
    ("lix", |a| score(r::lix, a)),
    ("rix", |a| score(r::rix, a)),
    ("forcast", |a| score(r::forcast, a)),
    ("mcalpine_eflaw", |a| score(r::mcalpine_eflaw, a)),
    ("wiener_sachtextformel_1", |a| {
        score(r::wiener_sachtextformel_1, a)
    }),
    ("wiener_sachtextformel_2", |a| {
        score(r::wiener_sachtextformel_2, a)
    }),
    ("wiener_sachtextformel_3", |a| {
        score(r::wiener_sachtextformel_3, a)
    }),
    ("wiener_sachtextformel_4", |a| {
        score(r::wiener_sachtextformel_4, a)
    }),
    ("consensus_grade", |a| score(r::consensus_grade, a)),
    ("smog_short_text", |a| flag(r::smog_sample_too_short, a)),
    ("short_text", |a| flag(r::word_sample_too_short, a)),
    ("forcast_short_text", |a| {
        flag(r::forcast_sample_too_short, a)
    }),
    ("paragraphs", |a| Cell::Count(a.counts.paragraphs)),
    ("characters", |a| Cell::Count(a.counts.characters)),
    ("letters", |a| Cell::Count(a.counts.letters)),
    ("monosyllables", |a| Cell::Count(a.counts.monosyllables)),
    ("polysyllables", |a| Cell::Count(a.counts.polysyllables)),
    ("complex_words", |a| Cell::Count(a.counts.complex_words)),
    ("long_words", |a| Cell::Count(a.counts.long_words)),
    ("mini_words", |a| Cell::Count(a.counts.mini_words)),
    ("difficult_words", |a| Cell::Count(a.counts.difficult_words)),
    ("spache_unfamiliar_words", |a| {
        Cell::Count(a.counts.spache_unfamiliar_distinct)
    }),
    ("unique_terms", |a| Cell::Count(a.terms.len())),
    ("words_per_sentence", |a| {
        Cell::Number(r::words_per_sentence(&a.counts), RATIO)
    }),
    ("syllables_per_word", |a| {
        Cell::Number(r::syllables_per_word(&a.counts), RATIO)
    }),
    ("letters_per_word", |a| {
        Cell::Number(r::letters_per_word(&a.counts), RATIO)
    }),
    ("reading_time_minutes", |a| {
        Cell::Number(Some(r::reading_time_minutes(&a.counts)), SCORE)
    }),
    ("furniture_lines", |a| Cell::Count(a.furniture_lines)),
    ("furniture_words", |a| Cell::Count(a.furniture_words)),
    ("encoding", |a| text(a.encoding)),
    ("decode_errors", |a| Cell::Count(a.decode_errors)),
];
