//! Build the report tables from the batch's analyses: `documents`, `terms`,
//! `themes`, optionally `sentences`, and `errors` when an input failed.

use super::columns::DOCUMENT_COLUMNS;
use super::{text, Cell, Table};
use crate::analysis::Analysis;
use crate::Failure;

/// Decimals of per-1,000-word rates.
const RATE: usize = 2;

/// The name of every report this module can build, so that a run can
/// remove those of an earlier run that it did not write.
pub const REPORT_NAMES: [&str; 5] = ["documents", "terms", "themes", "sentences", "errors"];

/// Which optional tables to build.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableOptions {
    /// Build `sentences`.
    pub sentences: bool,
}

/// All report tables for a batch, in the order they are written.
pub fn build_tables<'a>(
    analyses: &'a [Analysis],
    themes: &'a [String],
    failures: &'a [Failure],
    options: TableOptions,
) -> Vec<Table<'a>> {
    let mut tables = vec![
        documents(analyses, themes),
        terms(analyses),
        theme_table(analyses, themes),
    ];
    if options.sentences {
        tables.push(sentences(analyses));
    }
    if !failures.is_empty() {
        tables.push(errors(failures));
    }
    tables
}

/// Occurrences per 1,000 words; undefined for a document without words.
fn per_thousand(count: usize, words: usize) -> Cell<'static> {
    Cell::Number(
        (words > 0).then(|| 1000.0 * count as f64 / words as f64),
        RATE,
    )
}

fn documents<'a>(analyses: &'a [Analysis], themes: &[String]) -> Table<'a> {
    let mut header: Vec<String> = DOCUMENT_COLUMNS
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    header.extend(themes.iter().map(|theme| format!("theme_{theme}_per_1000")));
    let rows = analyses.iter().map(|a| {
        let fixed = DOCUMENT_COLUMNS.iter().map(|(_, fill)| fill(a));
        let rates = a
            .themes
            .iter()
            .map(|t| per_thousand(t.count, a.counts.words));
        fixed.chain(rates).collect()
    });
    Table::new("documents", header, rows)
}

fn terms(analyses: &[Analysis]) -> Table<'_> {
    let rows = analyses.iter().flat_map(|a| {
        a.terms.iter().map(|(term, count)| {
            // Terms are sorted by count, most frequent first: a term's rank
            // is one more than the number of more frequent terms.
            let rank = a.terms.partition_point(|(_, n)| n > count) + 1;
            vec![
                text(&a.id),
                text(term),
                Cell::Count(*count),
                per_thousand(*count, a.counts.words),
                Cell::Count(rank),
            ]
        })
    });
    let names = ["document", "term", "count", "per_1000_words", "rank"];
    Table::new("terms", header(&names), rows)
}

fn theme_table<'a>(analyses: &'a [Analysis], themes: &'a [String]) -> Table<'a> {
    let rows = analyses.iter().flat_map(move |a| {
        themes.iter().zip(&a.themes).map(|(theme, tally)| {
            vec![
                text(&a.id),
                text(theme),
                Cell::Count(tally.count),
                per_thousand(tally.count, a.counts.words),
                Cell::Count(tally.matched.len()),
                Cell::Text(matched_terms(&tally.matched).into()),
            ]
        })
    });
    let names = [
        "document",
        "theme",
        "count",
        "per_1000_words",
        "distinct_terms",
        "matched_terms",
    ];
    Table::new("themes", header(&names), rows)
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

fn sentences(analyses: &[Analysis]) -> Table<'_> {
    let rows = analyses.iter().flat_map(|a| {
        a.sentences.iter().enumerate().map(|(index, s)| {
            vec![
                text(&a.id),
                Cell::Count(index + 1),
                text(&s.text),
                Cell::Count(s.words),
                Cell::Count(s.syllables),
                Cell::Number(Some(s.syllables as f64 / s.words as f64), 3),
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

fn errors(failures: &[Failure]) -> Table<'_> {
    let rows = failures.iter().map(|f| {
        vec![
            text(&f.document),
            Cell::Text(f.stage.to_string().into()),
            text(&f.message),
        ]
    });
    Table::new("errors", header(&["document", "stage", "message"]), rows)
}

fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| (*name).to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_document;
    use crate::input::Document;
    use crate::themes::ThemeDictionary;

    fn batch(texts: &[&str]) -> (Vec<Analysis>, Vec<String>) {
        let dictionary = ThemeDictionary::built_in();
        let analyses = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                analyze_document(
                    &Document::from_text(format!("d{i}"), t, false, false),
                    &dictionary,
                    true,
                )
            })
            .collect();
        (analyses, dictionary.themes().to_vec())
    }

    #[test]
    fn every_document_has_a_row_for_every_theme() {
        let (analyses, themes) = batch(&["War came.", "Peace came."]);
        let tables = build_tables(&analyses, &themes, &[], TableOptions::default());
        assert_eq!(
            tables.iter().map(|t| t.name).collect::<Vec<_>>(),
            ["documents", "terms", "themes"]
        );
        let widths: Vec<(usize, Vec<usize>)> = tables
            .into_iter()
            .map(|t| (t.header.len(), t.rows.map(|r| r.len()).collect()))
            .collect();
        assert_eq!(widths[2].1.len(), 2 * themes.len());
        assert!(widths
            .iter()
            .all(|(header, rows)| rows.iter().all(|r| r == header)));
    }

    #[test]
    fn ties_share_a_rank() {
        let (analyses, themes) = batch(&["b a b c a d"]);
        let terms = build_tables(&analyses, &themes, &[], TableOptions::default()).swap_remove(1);
        let ranks: Vec<String> = terms.rows.map(|r| r[4].render()).collect();
        assert_eq!(ranks, ["1", "1", "3", "3"]);
    }
}
