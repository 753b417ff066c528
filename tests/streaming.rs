//! Long plain-text files are read in sections (`input::stream`): the
//! reports must be exactly those of the same file read whole. Sections are
//! made tiny here (a few KiB, every file streamed) so that a test file of
//! some hundred KiB crosses many section boundaries.

use std::fs;
use std::path::Path;
use textgauge::config::{Config, InputSpec};
use textgauge::input::Streaming;

/// Every report of `file` analyzed with `streaming` (with per-sentence
/// figures), as (file name, bytes), sorted.
fn reports(file: &Path, streaming: Streaming, out: &Path) -> Vec<(String, Vec<u8>)> {
    let mut config = Config::new(vec![InputSpec::Path(file.to_path_buf())], out.to_path_buf());
    config.input.streaming = streaming;
    config.report.sentences = true;
    let batch = textgauge::analyze(&config).expect("analyzed");
    textgauge::write_reports(&batch, &config).expect("written");
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(out)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "csv"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

const WHOLE: Streaming = Streaming {
    above: u64::MAX,
    section_bytes: 8 << 20,
};

/// Sections of a few KiB, for any file.
fn tiny(section_bytes: usize) -> Streaming {
    Streaming {
        above: 0,
        section_bytes,
    }
}

/// An op-ed page: furniture above and below, the seed article's paragraphs
/// many times over between, with credit lines standing alone inside.
fn long_page(copies: usize) -> String {
    let seed = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_8a691437fdb080e3.txt"),
    )
    .unwrap();
    let mut page = String::from(
        "Accept all cookies\n\nBy Jane Doe, Political Editor\n\n12 March 2024\n\n\
         Why the budget rules fail us\n\n",
    );
    for copy in 0..copies {
        for (index, paragraph) in seed.split("\n\n").enumerate() {
            page.push_str(paragraph);
            page.push_str("\n\n");
            // Headline-like subheadings and short lists inside the text:
            // a section may start or end with one, where a headline or
            // furniture cut would be wrong.
            match (copy + index) % 5 {
                0 => page.push_str("The cost of delay\n\n"),
                1 => page.push_str("Higher taxes\nFewer services\nMore debt\n\n"),
                _ => {}
            }
        }
        if copy % 7 == 3 {
            page.push_str("Photograph: Reuters\n\n");
        }
    }
    page.push_str("Share this article\n\nMost read\n\nSign up for our newsletter\n");
    page
}

/// The reports of a file of `text_bytes` read whole, checked equal to
/// those read in sections of each of `section_sizes`.
fn assert_same_reports(text_bytes: &[u8], section_sizes: &[usize]) -> Vec<(String, Vec<u8>)> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.txt");
    fs::write(&file, text_bytes).unwrap();
    let whole = reports(&file, WHOLE, &dir.path().join("whole"));
    assert!(whole.iter().any(|(name, _)| name == "sentences.csv"));
    for &size in section_sizes {
        let out = dir.path().join(format!("sections-{size}"));
        let streamed = reports(&file, tiny(size), &out);
        for ((name, expected), (_, got)) in whole.iter().zip(&streamed) {
            assert!(
                expected == got,
                "{name} differs with sections of {size} bytes:\n{}",
                first_difference(expected, got)
            );
        }
        assert_eq!(whole.len(), streamed.len());
    }
    whole
}

/// `documents.csv` of `reports`, parsed: its header and its one row.
fn document_row(reports: &[(String, Vec<u8>)]) -> Vec<(String, String)> {
    let (_, bytes) = reports
        .iter()
        .find(|(name, _)| name == "documents.csv")
        .unwrap();
    let mut rows = csv::Reader::from_reader(bytes.as_slice());
    let header = rows.headers().unwrap().clone();
    let row = rows.records().next().unwrap().unwrap();
    header
        .iter()
        .map(str::to_owned)
        .zip(row.iter().map(str::to_owned))
        .collect()
}

fn value<'a>(row: &'a [(String, String)], column: &str) -> &'a str {
    &row.iter().find(|(name, _)| name == column).unwrap().1
}

/// The first differing line of two reports.
fn first_difference(expected: &[u8], got: &[u8]) -> String {
    let (expected, got) = (
        String::from_utf8_lossy(expected),
        String::from_utf8_lossy(got),
    );
    let pair = expected.lines().zip(got.lines()).find(|(a, b)| a != b);
    format!("{pair:?}")
}

#[test]
fn a_long_page_read_in_sections_gives_the_reports_of_the_whole() {
    let page = long_page(40);
    assert!(page.len() > 100_000);
    let row = document_row(&assert_same_reports(
        page.as_bytes(),
        &[3_000, 16_384, 1 << 20],
    ));
    assert_eq!(value(&row, "title"), "Why the budget rules fail us");
    // At least: cookie notice, byline and date above (3); the six photo
    // credits between; the share, most-read and newsletter lines below (3).
    let furniture: usize = value(&row, "furniture_lines").parse().unwrap();
    assert!(furniture >= 12, "{furniture}");
}

#[test]
fn windows_line_ends_a_byte_order_mark_and_stray_bytes_decode_as_in_the_whole() {
    // Valid UTF-8 (curly apostrophes, dashes) outnumbering the stray
    // bytes: UTF-8 with Windows-1252 strays, not Windows-1252 throughout.
    let page = long_page(12)
        .replace('\n', "\r\n")
        .replace(", ", " \u{2014} ")
        .replace("'", "\u{2019}");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(page.as_bytes());
    // A stray Windows-1252 curly quote (0x93 … 0x94) every few paragraphs.
    let mut stray = Vec::new();
    for (index, paragraph) in bytes.split(|&b| b == b'\n').enumerate() {
        stray.extend_from_slice(paragraph);
        if index % 5 == 2 {
            stray.extend_from_slice(b" \x93quoted\x94");
        }
        stray.push(b'\n');
    }
    stray.pop();
    let row = document_row(&assert_same_reports(&stray, &[4_096, 50_000]));
    assert_eq!(value(&row, "encoding"), "UTF-8+windows-1252");
    assert_ne!(value(&row, "decode_errors"), "0");
}

#[test]
fn what_is_not_text_is_refused_after_reading_as_when_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, bytes: Vec<u8>| {
        let file = dir.path().join(name);
        fs::write(&file, bytes).unwrap();
        let mut config = Config::new(vec![InputSpec::Path(file)], dir.path().join("out"));
        config.input.streaming = tiny(1_000);
        match textgauge::analyze(&config) {
            Err(textgauge::Error::NothingAnalyzed(failures)) => failures[0].message.clone(),
            other => panic!("{name}: expected a failure, got {other:?}"),
        }
    };
    let controls: Vec<u8> = (0..50_000)
        .map(|i| if i % 3 == 0 { b'\n' } else { 0x01 })
        .collect();
    assert!(run("controls.txt", controls).contains("binary"));
    assert!(run("blank.txt", b" \n\t\n".repeat(10_000)).contains("empty"));
    // NUL bytes: read whole, as UTF-16 here.
    let utf16: Vec<u8> = "Plain words. "
        .repeat(5_000)
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let file = dir.path().join("utf16.txt");
    fs::write(&file, utf16).unwrap();
    let mut config = Config::new(vec![InputSpec::Path(file)], dir.path().join("out16"));
    config.input.streaming = tiny(1_000);
    let batch = textgauge::analyze(&config).unwrap();
    let analysis = batch.analyses.get(0).unwrap();
    assert_eq!(analysis.encoding, "UTF-16LE");
    assert_eq!(analysis.counts.words, 10_000);
}
