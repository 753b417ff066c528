//! What must hold for any input, shared by the fuzz targets and by
//! `tests/fuzz_corpus.rs`, which replays the kept corpora on stable Rust.

use textgauge::analysis::{analyze_document, AnalysisRules};
use textgauge::batch::Batch;
use textgauge::config::{CsvStyle, InputOptions};
use textgauge::input::document_from_bytes;
use textgauge::report::{build_tables, CsvExporter, TableOptions};
use textgauge::themes::{ThemeDictionary, ThemeTally};

/// The whole analysis of arbitrary bytes: decode, shape (Markdown or plain,
/// furniture kept or not, encoding detected or forced by the first byte),
/// count, build every report table and write it as CSV in two dialects.
/// Every record must parse back with as many fields as its header, and the
/// sentences must add up to the words.
pub fn check_analysis(data: &[u8]) {
    let Some((&flags, bytes)) = data.split_first() else {
        return;
    };
    let options = InputOptions {
        keep_furniture: flags & 1 != 0,
        encoding: (flags & 4 != 0).then_some(encoding_rs::WINDOWS_1252),
        ..InputOptions::default()
    };
    let Ok(document) = document_from_bytes("fuzz".into(), bytes, flags & 2 != 0, &options) else {
        return;
    };
    let rules = AnalysisRules {
        sentences: true,
        ..AnalysisRules::default()
    };
    let analysis = analyze_document(&document, dictionary(), &rules);
    let in_sentences: usize = analysis.sentences.iter().map(|s| s.words).sum();
    assert_eq!(in_sentences, analysis.counts.words);
    let themes = dictionary().labels();
    let batch = Batch::from_analyses(vec![analysis], themes, None).expect("a store in memory");
    for style in styles() {
        let exporter = CsvExporter {
            dir: Default::default(),
            style,
        };
        let options = TableOptions {
            sentences: true,
            ..TableOptions::default()
        };
        let tables = build_tables(&batch, options);
        for table in tables {
            let width = table.header.len();
            let bytes = exporter.table_bytes(table).unwrap();
            check_csv(&bytes, style.delimiter, width);
        }
    }
}

/// The theme-dictionary parser on arbitrary text, and the matcher on the
/// dictionary's own words: it loads or refuses with a line number, and
/// matching never counts more matches than words.
pub fn check_dictionary(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match ThemeDictionary::parse(text, "fuzz.csv") {
        Ok(dictionary) => {
            let terms: Vec<String> = text
                .split(|c: char| c == ',' || c.is_whitespace())
                .map(|t| t.trim_end_matches('*').to_lowercase())
                .filter(|t| !t.is_empty())
                .collect();
            let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
            let mut tallies = vec![ThemeTally::default(); dictionary.themes().len()];
            dictionary.match_sentence(&terms, &mut tallies);
            for tally in &tallies {
                assert!(tally.count <= terms.len());
            }
        }
        Err(err) => assert!(err.to_string().contains("line"), "{err}"),
    }
}

/// The built-in dictionary, parsed once for the whole run.
fn dictionary() -> &'static ThemeDictionary {
    static DICTIONARY: std::sync::OnceLock<ThemeDictionary> = std::sync::OnceLock::new();
    DICTIONARY.get_or_init(ThemeDictionary::built_in)
}

fn styles() -> [CsvStyle; 2] {
    let european = CsvStyle {
        delimiter: b';',
        decimal_comma: true,
        bom: false,
        spreadsheet_safe: true,
    };
    [CsvStyle::default(), european]
}

/// Every record parses back with as many fields as the header.
fn check_csv(bytes: &[u8], delimiter: u8, width: usize) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(bytes);
    assert_eq!(reader.headers().unwrap().len(), width);
    for record in reader.records() {
        assert_eq!(record.unwrap().len(), width);
    }
}
