//! Invariants of the written reports, for any text: every report parses
//! back with the csv crate with as many fields a row as its header, in both
//! CSV dialects; no count is negative; the sentences of a document add up
//! to its words; and a batch analyzed in two parts gives the same
//! per-document rows as the whole.

use proptest::prelude::*;
use textgauge::analysis::{analyze_document, Analysis, AnalysisRules};
use textgauge::batch::Batch;
use textgauge::config::{Config, CsvStyle, InputSpec};
use textgauge::input::{document_from_bytes, Document};
use textgauge::report::{build_tables, CsvExporter, TableOptions};
use textgauge::themes::{ThemeDictionary, ThemeLabel};

/// Prose laced with what breaks CSV files and spreadsheets: formula
/// starters, quotes, delimiters, tabs, line ends, number-like and
/// date-like words, and text in several scripts.
fn hostile_prose() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        "[A-Za-z]{1,10}",
        "[0-9]{1,4}([.,:/-][0-9]{1,3})?",
        prop_oneof![
            Just("=1+1"),
            Just("=HYPERLINK(\"http://x\",\"y\")"),
            Just("+SUM(1)"),
            Just("-2+3"),
            Just("@cmd"),
            Just("\"quoted\""),
            Just(";"),
            Just(","),
            Just("\t"),
            Just("\r\n"),
            Just("\n\n"),
            Just(". "),
            Just("? "),
            Just("11-12"),
            Just("true"),
            Just("May 2024"),
            Just("“curly”"),
            Just("café"),
            Just("مرحبا"),
            Just("Привет"),
            Just("🎉"),
            Just("'"),
        ]
        .prop_map(String::from),
    ];
    proptest::collection::vec(token, 1..60).prop_map(|tokens| tokens.join(" "))
}

fn analyze(text: &str) -> Analysis {
    let options = Default::default();
    let document = document_from_bytes("p".into(), text.as_bytes(), false, &options)
        .unwrap_or_else(|_| Document::from_text("p".into(), "placeholder words here.", false));
    analyze_document(&document, &ThemeDictionary::built_in(), &with_sentences())
}

fn with_sentences() -> AnalysisRules {
    AnalysisRules {
        sentences: true,
        ..AnalysisRules::default()
    }
}

/// Every report of `analyses` as CSV in `style`, parsed back: (name, header, rows).
fn reports(analyses: &[Analysis], style: CsvStyle) -> Vec<(String, Vec<String>, Vec<Vec<String>>)> {
    reports_of(analyses, ThemeDictionary::built_in().labels(), style)
}

/// [`reports`] of analyses of a dictionary of these themes.
fn reports_of(
    analyses: &[Analysis],
    themes: Vec<ThemeLabel>,
    style: CsvStyle,
) -> Vec<(String, Vec<String>, Vec<Vec<String>>)> {
    let exporter = CsvExporter {
        dir: Default::default(),
        style,
    };
    let batch = Batch::from_analyses(analyses.to_vec(), themes, None).unwrap();
    let options = TableOptions {
        sentences: true,
        ..TableOptions::default()
    };
    build_tables(&batch, options)
        .into_iter()
        .map(|table| {
            let name = table.name.to_owned();
            let bytes = exporter.table_bytes(table).unwrap();
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(style.delimiter)
                .flexible(true)
                .from_reader(&bytes[..]);
            let header = reader.headers().unwrap().iter().map(String::from).collect();
            let rows = reader
                .records()
                .map(|r| r.unwrap().iter().map(String::from).collect())
                .collect();
            (name, header, rows)
        })
        .collect()
}

fn european() -> CsvStyle {
    CsvStyle {
        delimiter: b';',
        decimal_comma: true,
        bom: false,
        spreadsheet_safe: true,
    }
}

/// Columns of `documents.csv` that hold counts.
const COUNT_COLUMNS: [&str; 19] = [
    "words",
    "sentences",
    "syllables",
    "paragraphs",
    "characters",
    "letters",
    "monosyllables",
    "polysyllables",
    "complex_words",
    "long_words",
    "mini_words",
    "difficult_words",
    "spache_unfamiliar_words",
    "unique_terms",
    "furniture_lines",
    "furniture_words",
    "decode_errors",
    "smog_short_text",
    "short_text",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_report_reads_back_with_a_field_for_every_column(text in hostile_prose()) {
        let analyses = [analyze(&text)];
        for style in [CsvStyle::default(), european(), CsvStyle { spreadsheet_safe: false, ..CsvStyle::default() }] {
            for (name, header, rows) in reports(&analyses, style) {
                for row in &rows {
                    prop_assert_eq!(row.len(), header.len(), "{} {:?}", name, row);
                }
            }
        }
    }

    #[test]
    fn no_count_is_negative(text in hostile_prose()) {
        let documents = reports(&[analyze(&text)], CsvStyle::default()).swap_remove(0);
        prop_assert_eq!(&documents.0, "documents");
        for column in COUNT_COLUMNS {
            let index = documents.1.iter().position(|h| h == column).unwrap();
            for row in &documents.2 {
                prop_assert!(row[index].parse::<u64>().is_ok(), "{} = {:?}", column, row[index]);
            }
        }
        for (name, header, rows) in reports(&[analyze(&text)], CsvStyle::default()) {
            if let Some(count) = header.iter().position(|h| h == "count") {
                prop_assert!(rows.iter().all(|r| r[count].parse::<u64>().is_ok()), "{}", name);
            }
        }
    }

    #[test]
    fn the_sentences_report_adds_up_to_the_words(text in hostile_prose()) {
        let all = reports(&[analyze(&text)], CsvStyle::default());
        let words_column = |header: &[String]| header.iter().position(|h| h == "words").unwrap();
        let documents = &all[0];
        let sentences = all.iter().find(|(name, _, _)| name == "sentences").unwrap();
        let total: u64 = sentences.2.iter().map(|r| r[words_column(&sentences.1)].parse::<u64>().unwrap()).sum();
        prop_assert_eq!(total.to_string(), documents.2[0][words_column(&documents.1)].clone());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn a_batch_split_in_two_gives_the_same_rows(texts in proptest::collection::vec(hostile_prose(), 2..6), cut in 1usize..5) {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<std::path::PathBuf> = texts.iter().enumerate().map(|(i, text)| {
            let path = dir.path().join(format!("{i}.txt"));
            std::fs::write(&path, text).unwrap();
            path
        }).collect();
        let cut = cut.min(paths.len() - 1);
        let rows = |paths: &[std::path::PathBuf]| -> Vec<Vec<Vec<String>>> {
            let inputs = paths.iter().cloned().map(InputSpec::Path).collect();
            match textgauge::analyze(&Config::new(inputs, dir.path().join("out"))) {
                // Reports with a row per document and nothing from the rest of
                // the batch; the batch-wide ones are checked by the merge
                // property in `tests/batch_merge.rs`.
                Ok(batch) => reports_of(&batch.analyses.iter().map(|a| a.into_owned()).collect::<Vec<_>>(), batch.themes.clone(), CsvStyle::default())
                    .into_iter()
                    .filter(|(name, _, _)| ["documents", "themes", "sentences"].contains(&name.as_str()))
                    .map(|(_, _, rows)| rows)
                    .collect(),
                Err(_) => Vec::new(),
            }
        };
        let whole = rows(&paths);
        let (first, second) = (rows(&paths[..cut]), rows(&paths[cut..]));
        for (index, whole_rows) in whole.iter().enumerate() {
            let mut joined = first.get(index).cloned().unwrap_or_default();
            joined.extend(second.get(index).cloned().unwrap_or_default());
            prop_assert_eq!(&joined, whole_rows, "report {}", index);
        }
    }
}
