//! Build the report tables from the batch's analyses: `documents`, `terms`,
//! `themes`, optionally `sentences`, and `errors` when an input failed.

use super::columns::DOCUMENT_COLUMNS;
use super::{text, Cell, Table};
use crate::analysis::Analysis;
use crate::Failure;

/// Decimals of per-1,000-word rates.
const RATE: usize = 2;

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
    let rows = analyses
        .iter()
        .map(|a| {
            let mut row: Vec<Cell> = DOCUMENT_COLUMNS.iter().map(|(_, fill)| fill(a)).collect();
            row.extend(
                a.themes
                    .iter()
                    .map(|t| per_thousand(t.count, a.counts.words)),
            );
            row
        })
        .collect();
    Table {
        name: "documents",
        header,
        rows,
    }
}

fn terms(analyses: &[Analysis]) -> Table<'_> {
    let mut rows = Vec::new();
    for a in analyses {
        let mut rank = 0;
        for (index, (term, count)) in a.terms.iter().enumerate() {
            if index == 0 || a.terms[index - 1].1 != *count {
                rank = index + 1;
            }
            rows.push(vec![
                text(&a.id),
                text(term),
                Cell::Count(*count),
                per_thousand(*count, a.counts.words),
                Cell::Count(rank),
            ]);
        }
    }
    Table {
        name: "terms",
        header: header(&["document", "term", "count", "per_1000_words", "rank"]),
        rows,
    }
}

fn theme_table<'a>(analyses: &'a [Analysis], themes: &'a [String]) -> Table<'a> {
    let mut rows = Vec::new();
    for a in analyses {
        for (theme, tally) in themes.iter().zip(&a.themes) {
            rows.push(vec![
                text(&a.id),
                text(theme),
                Cell::Count(tally.count),
                per_thousand(tally.count, a.counts.words),
                Cell::Count(tally.matched.len()),
                Cell::Text(matched_terms(&tally.matched).into()),
            ]);
        }
    }
    let names = [
        "document",
        "theme",
        "count",
        "per_1000_words",
        "distinct_terms",
        "matched_terms",
    ];
    Table {
        name: "themes",
        header: header(&names),
        rows,
    }
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
    let mut rows = Vec::new();
    for a in analyses {
        for (index, s) in a.sentences.iter().enumerate() {
            rows.push(vec![
                text(&a.id),
                Cell::Count(index + 1),
                text(&s.text),
                Cell::Count(s.words),
                Cell::Count(s.syllables),
                Cell::Number(Some(s.syllables as f64 / s.words as f64), 3),
            ]);
        }
    }
    let names = [
        "document",
        "sentence",
        "text",
        "words",
        "syllables",
        "syllables_per_word",
    ];
    Table {
        name: "sentences",
        header: header(&names),
        rows,
    }
}

fn errors(failures: &[Failure]) -> Table<'_> {
    let rows = failures
        .iter()
        .map(|f| {
            vec![
                text(&f.document),
                Cell::Text(f.stage.to_string().into()),
                text(&f.message),
            ]
        })
        .collect();
    Table {
        name: "errors",
        header: header(&["document", "stage", "message"]),
        rows,
    }
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
        assert_eq!(tables[2].rows.len(), 2 * themes.len());
        assert!(tables
            .iter()
            .all(|t| t.rows.iter().all(|r| r.len() == t.header.len())));
    }

    #[test]
    fn ties_share_a_rank() {
        let (analyses, themes) = batch(&["b a b c a d"]);
        let tables = build_tables(&analyses, &themes, &[], TableOptions::default());
        let ranks: Vec<String> = tables[1].rows.iter().map(|r| r[4].render()).collect();
        assert_eq!(ranks, ["1", "1", "3", "3"]);
    }
}
