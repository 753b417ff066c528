//! Build the report tables from a batch: `documents`, `terms`, `themes`,
//! `corpus_terms`, `keyness`, `compare`, `groups` (when grouped),
//! optionally `sentences`, and `errors` when an input failed.

use super::columns::{
    document_header, document_header_with, document_row, metadata_columns, MetadataColumn,
};
use super::comparison;
use super::{text, Cell, Table};
use crate::analysis::Analysis;
use crate::batch::{Batch, DocumentStore, Failure, KeynessRules};
use crate::metrics::measures::per_thousand;
use crate::themes::{theme_parent, ThemeLabel};

/// Decimals of per-1,000-word rates.
const RATE: usize = 2;

/// The name of every report this module can build, so that a run can
/// remove those of an earlier run that it did not write.
pub const REPORT_NAMES: [&str; 10] = [
    "documents",
    "terms",
    "themes",
    "corpus_terms",
    "keyness",
    "compare",
    "groups",
    "sentences",
    "kwic",
    "errors",
];

/// Which optional tables to build, and how big the term tables get.
#[derive(Debug, Clone, Copy)]
pub struct TableOptions {
    /// Build `sentences`.
    pub sentences: bool,
    /// Build `kwic`.
    pub kwic: bool,
    /// Terms a document in `terms` (unless `all_terms`).
    pub top: usize,
    /// Every term of every document in `terms`.
    pub all_terms: bool,
    /// Which keyness rows to keep (and the batch count a term needs to
    /// appear in any term report).
    pub keyness: KeynessRules,
    /// Build the rows that come from the batch statistics alone
    /// (`corpus_terms`, `groups`, the group rows of `keyness`). A part of a
    /// batch cut across workers leaves them out: they are written once,
    /// by whoever finalized the statistics (see [`super::parts`]).
    pub batch_rows: bool,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            sentences: false,
            kwic: false,
            top: 25,
            all_terms: false,
            keyness: KeynessRules {
                top: 25,
                min_g2: 0.0,
                min_count: 1,
            },
            batch_rows: true,
        }
    }
}

/// All report tables for a batch, in the order they are written.
pub fn build_tables(batch: &Batch, options: TableOptions) -> Vec<Table<'_>> {
    let metadata = batch_metadata_columns(batch);
    let mut tables = vec![
        documents(&batch.analyses, &batch.themes, metadata.clone()),
        comparison::terms(batch, options),
        theme_table(&batch.analyses, &batch.themes),
        comparison::corpus_terms(batch, options),
        comparison::keyness(batch, options),
        comparison::compare(batch, metadata),
    ];
    if !batch.stats.groups.is_empty() {
        tables.push(comparison::groups(batch, options));
    }
    if options.sentences {
        tables.push(sentences(&batch.analyses));
    }
    if options.kwic {
        tables.push(kwic(&batch.analyses, &batch.themes));
    }
    if !batch.failures.is_empty() {
        tables.push(errors(&batch.failures));
    }
    tables
}

/// Occurrences per 1,000 words; empty for a document without words.
pub(super) fn per_thousand_cell(count: usize, words: usize) -> Cell<'static> {
    Cell::Number(per_thousand(count, words), RATE)
}

/// The metadata columns of a batch, named apart from every fixed column of
/// `documents.csv` and `compare.csv`.
fn batch_metadata_columns(batch: &Batch) -> Vec<MetadataColumn> {
    let mut reserved = document_header(&batch.themes);
    reserved.extend(comparison::COMPARE_COLUMNS.iter().map(|c| (*c).to_owned()));
    metadata_columns(batch.analyses.metadata_names(), &reserved)
}

fn documents<'a>(
    analyses: &'a DocumentStore,
    themes: &[ThemeLabel],
    metadata: Vec<MetadataColumn>,
) -> Table<'a> {
    Table::new(
        "documents",
        document_header_with(themes, &metadata),
        analyses
            .iter()
            .map(move |a| owned(document_row(&a, &metadata))),
    )
}

/// A row whose cells own their text (a row of an analysis read back from
/// the store outlives it).
fn owned(row: Vec<Cell<'_>>) -> Vec<Cell<'static>> {
    row.into_iter().map(Cell::into_owned).collect()
}

fn theme_table<'a>(analyses: &'a DocumentStore, themes: &'a [ThemeLabel]) -> Table<'a> {
    let rows = analyses.iter().flat_map(move |a| {
        let rows: Vec<Vec<Cell>> = themes
            .iter()
            .zip(&a.themes)
            .map(|(theme, tally)| {
                vec![
                    Cell::Text(a.id.clone().into()),
                    text(&theme.name),
                    Cell::Count(tally.count),
                    per_thousand_cell(tally.count, a.counts.words),
                    Cell::Count(tally.matched.len()),
                    Cell::Text(matched_terms(&tally.matched).into()),
                    text(theme_parent(&theme.name)),
                    Cell::Count(tally.negated),
                    Cell::Number(Some(tally.weighted_score()), WEIGHTED_DECIMALS),
                    Cell::Number(
                        per_thousand_weighted(tally.weighted_score(), a.counts.words),
                        RATE,
                    ),
                    text(&theme.dictionary),
                ]
            })
            .collect();
        rows
    });
    let names = [
        "document",
        "theme",
        "count",
        "per_1000_words",
        "distinct_terms",
        "matched_terms",
        "parent",
        "negated",
        "weighted",
        "weighted_per_1000_words",
        "dictionary",
    ];
    Table::new("themes", header(&names), rows)
}

/// Decimals of weighted scores.
const WEIGHTED_DECIMALS: usize = 4;

/// A weighted score per 1,000 words; none for a document without words.
fn per_thousand_weighted(score: f64, words: usize) -> Option<f64> {
    (words > 0).then(|| score * 1000.0 / words as f64)
}

/// `term:count` pairs, most frequent first, joined by `; `.
fn matched_terms(matched: &std::collections::BTreeMap<String, usize>) -> String {
    let mut pairs: Vec<(&String, &usize)> = matched.iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    pairs
        .iter()
        .map(|(term, n)| format!("{term}:{n}"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn sentences(analyses: &DocumentStore) -> Table<'_> {
    let rows = analyses.iter().flat_map(|a| {
        let Analysis { id, sentences, .. } = a.into_owned();
        sentences.into_iter().enumerate().map(move |(index, s)| {
            let syllables_per_word = s.syllables as f64 / s.words as f64;
            vec![
                Cell::Text(id.clone().into()),
                Cell::Count(index + 1),
                Cell::Text(s.text.into()),
                Cell::Count(s.words),
                Cell::Count(s.syllables),
                Cell::Number(Some(syllables_per_word), 3),
            ]
        })
    });
    let names = [
        "document",
        "sentence",
        "text",
        "words",
        "syllables",
        "syllables_per_word",
    ];
    Table::new("sentences", header(&names), rows)
}

fn kwic<'a>(analyses: &'a DocumentStore, themes: &'a [ThemeLabel]) -> Table<'a> {
    let rows = analyses.iter().flat_map(move |a| {
        let Analysis { id, kwic, .. } = a.into_owned();
        kwic.into_iter().map(move |line| {
            vec![
                Cell::Text(id.clone().into()),
                text(&themes[line.theme].name),
                Cell::Text(line.matched.into()),
                Cell::Text(line.left.into()),
                Cell::Text(line.right.into()),
                Cell::Count(line.sentence),
                Cell::Flag(line.negated),
            ]
        })
    });
    let names = [
        "document", "theme", "match", "left", "right", "sentence", "negated",
    ];
    Table::new("kwic", header(&names), rows)
}

fn errors(failures: &[Failure]) -> Table<'_> {
    let rows = failures.iter().map(|f| {
        vec![
            text(&f.document),
            Cell::Text(f.stage.to_string().into()),
            text(&f.message),
        ]
    });
    Table::new("errors", header(&ERRORS_COLUMNS), rows)
}

/// The columns of `errors`.
pub const ERRORS_COLUMNS: [&str; 3] = ["document", "stage", "message"];

/// Owned column names.
pub(super) fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| (*name).to_owned()).collect()
}
