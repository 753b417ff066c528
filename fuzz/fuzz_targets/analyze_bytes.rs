//! The whole analysis of arbitrary bytes: decode, shape (Markdown or plain,
//! furniture kept or not, encoding detected or forced), count, build every
//! report table and write it as CSV in two dialects; then check what must
//! hold for any input. The first byte chooses the options.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textgauge::analysis::analyze_document;
use textgauge::config::{CsvStyle, InputOptions};
use textgauge::input::document_from_bytes;
use textgauge::report::{build_tables, CsvExporter, TableOptions};
use textgauge::themes::ThemeDictionary;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, bytes)) = data.split_first() else {
        return;
    };
    let options = InputOptions {
        keep_furniture: flags & 1 != 0,
        encoding: (flags & 4 != 0).then_some(encoding_rs::WINDOWS_1252),
    };
    let Ok(document) = document_from_bytes("fuzz".into(), bytes, flags & 2 != 0, &options) else {
        return;
    };
    let dictionary = ThemeDictionary::built_in();
    let analysis = analyze_document(&document, &dictionary, true);
    let in_sentences: usize = analysis.sentences.iter().map(|s| s.words).sum();
    assert_eq!(in_sentences, analysis.counts.words);
    let analyses = [analysis];
    let themes = dictionary.themes().to_vec();
    for style in styles() {
        let exporter = CsvExporter {
            dir: Default::default(),
            style,
        };
        let tables = build_tables(&analyses, &themes, &[], TableOptions { sentences: true });
        for table in tables {
            let width = table.header.len();
            let bytes = exporter.table_bytes(table).unwrap();
            check_csv(&bytes, style.delimiter, width);
        }
    }
});

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
