//! Spreadsheet safety and failure behaviour of the real binary: formula
//! neutralizing and `--raw-csv`, the European CSV dialect, decoding of
//! files that are not UTF-8, the workbook and its limits, and reports that
//! are written whole or not at all.

mod common;

#[cfg(feature = "xlsx")]
use calamine::{open_workbook, Data, Reader, Xlsx};
use common::{analyze, read, rows, textgauge};
use predicates::str::contains;
use std::fs;
use std::path::Path;
use tempfile::tempdir;

const HOSTILE: &str = "=HYPERLINK(\"http://example.com\",\"x\")\n\nVoters said =1+1 and @SUM(A1) on 11-12 May. Turnout was 26 of 1,000.";

/// Analyze `text` given on standard input with `args`; return the output folder.
fn analyze_stdin(text: &[u8], args: &[&str], out: &Path) -> assert_cmd::assert::Assert {
    textgauge()
        .args(["analyze", "-", "--out"])
        .arg(out)
        .args(args)
        .write_stdin(text)
        .assert()
}

#[test]
fn text_cells_are_neutralized_unless_raw_csv() {
    let dir = tempdir().unwrap();
    analyze_stdin(HOSTILE.as_bytes(), &[], &dir.path().join("safe")).success();
    analyze_stdin(HOSTILE.as_bytes(), &["--raw-csv"], &dir.path().join("raw")).success();
    let safe = read(dir.path().join("safe/documents.csv"));
    assert!(
        safe.contains(",\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\","),
        "{safe}"
    );
    let docs = rows(dir.path().join("safe/documents.csv"));
    assert_eq!(docs[0]["document"], "-", "a lone - is text everywhere");
    assert_eq!(docs[0]["smog_short_text"], "1", "flags are 1 or 0");
    let raw = rows(dir.path().join("raw/documents.csv"));
    assert_eq!(raw[0]["title"], "=HYPERLINK(\"http://example.com\",\"x\")");
    let terms = |name: &str| -> Vec<String> {
        rows(dir.path().join(name))
            .into_iter()
            .map(|r| r["term"].clone())
            .collect()
    };
    let safe_terms = terms("safe/terms.csv");
    for term in ["'26", "'1,000", "'11-12"] {
        assert!(
            safe_terms.contains(&term.to_owned()),
            "{term} in {safe_terms:?}"
        );
    }
    assert!(terms("raw/terms.csv").contains(&"11-12".to_owned()));
}

#[test]
fn european_csv_has_semicolons_decimal_commas_and_a_bom() {
    let dir = tempdir().unwrap();
    let out = dir.path().join("eu");
    analyze_stdin(HOSTILE.as_bytes(), &["--european"], &out).success();
    let bytes = fs::read(out.join("documents.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFdocument;title;words;"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_owned();
    assert!(
        cell("flesch_reading_ease").contains(','),
        "{}",
        cell("flesch_reading_ease")
    );
    assert!(!cell("words_per_sentence").contains('.'));
    let manual = dir.path().join("manual");
    analyze_stdin(
        HOSTILE.as_bytes(),
        &["--delimiter", ";", "--decimal-comma", "--bom"],
        &manual,
    )
    .success();
    assert_eq!(bytes, fs::read(manual.join("documents.csv")).unwrap());
}

#[test]
fn a_decimal_comma_needs_another_delimiter() {
    let dir = tempdir().unwrap();
    analyze_stdin(
        b"Some words here.",
        &["--decimal-comma"],
        &dir.path().join("o"),
    )
    .code(2)
    .stderr(contains("--decimal-comma needs a delimiter other than `,`"));
    assert!(!dir.path().join("o").exists());
    analyze_stdin(b"Some words.", &["--delimiter", "x"], &dir.path().join("o")).code(2);
    analyze_stdin(
        b"Some words.",
        &["--european", "--delimiter", "tab"],
        &dir.path().join("o"),
    )
    .code(2)
    .stderr(contains("'--european' cannot be used with '--delimiter"));
}

#[test]
fn files_that_are_not_utf8_are_decoded_and_counted() {
    let dir = tempdir().unwrap();
    let p = dir.path();
    fs::write(
        p.join("a_cp1252.txt"),
        b"\x93Caf\xe9\x94 costs \xa315, said the na\xefve critic.",
    )
    .unwrap();
    let mut utf16: Vec<u8> = Vec::new();
    for unit in "Hello “world”. It works.".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    fs::write(p.join("b_utf16.txt"), &utf16).unwrap();
    fs::write(
        p.join("c_mixed.txt"),
        b"UTF-8 \xe2\x80\x9cquotes\xe2\x80\x9d and one stray \x92 byte.",
    )
    .unwrap();
    let out = p.join("out");
    textgauge()
        .arg("analyze")
        .arg(p)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(contains(
            "a_cp1252.txt: not UTF-8: read as Windows-1252 (5 byte(s) re-decoded)",
        ))
        .stderr(contains(
            "c_mixed.txt: 1 byte(s) not valid UTF-8 were read as Windows-1252",
        ));
    let docs = rows(out.join("documents.csv"));
    let facts: Vec<(&str, &str, &str)> = docs
        .iter()
        .map(|d| {
            (
                d["encoding"].as_str(),
                d["decode_errors"].as_str(),
                d["words"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        facts,
        [
            ("windows-1252", "5", "7"),
            ("UTF-16LE", "0", "4"),
            ("UTF-8+windows-1252", "1", "6")
        ]
    );
    let terms: Vec<String> = rows(out.join("terms.csv"))
        .into_iter()
        .map(|r| r["term"].clone())
        .collect();
    assert!(terms.contains(&"café".to_owned()) && terms.contains(&"naïve".to_owned()));
}

#[test]
fn a_forced_encoding_is_used_for_every_input() {
    let dir = tempdir().unwrap();
    let out = dir.path().join("out");
    analyze_stdin(
        b"\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0.",
        &["--encoding", "windows-1251"],
        &out,
    )
    .success();
    let terms: Vec<String> = rows(out.join("terms.csv"))
        .into_iter()
        .map(|r| r["term"].clone())
        .collect();
    assert_eq!(terms, ["мир", "привет"]);
    assert_eq!(
        rows(out.join("documents.csv"))[0]["encoding"],
        "windows-1251"
    );
    analyze_stdin(b"x", &["--encoding", "klingon"], &out)
        .code(2)
        .stderr(contains("unknown encoding `klingon`"));
}

#[cfg(feature = "xlsx")]
#[test]
fn the_workbook_has_a_typed_sheet_per_report() {
    let dir = tempdir().unwrap();
    let out = dir.path().join("out");
    let workbook_path = dir.path().join("book/all.xlsx");
    analyze_stdin(
        HOSTILE.as_bytes(),
        &["--sentences", "--xlsx", workbook_path.to_str().unwrap()],
        &out,
    )
    .success();
    let mut workbook: Xlsx<_> = open_workbook(&workbook_path).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "documents",
            "terms",
            "themes",
            "corpus_terms",
            "keyness",
            "compare",
            "sentences"
        ]
    );
    let documents = workbook.worksheet_range("documents").unwrap();
    let header: Vec<String> = documents
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let cell = |name: &str| {
        documents
            .get((1, header.iter().position(|h| h == name).unwrap()))
            .unwrap()
            .clone()
    };
    assert_eq!(
        cell("title"),
        Data::String("=HYPERLINK(\"http://example.com\",\"x\")".into())
    );
    assert_eq!(cell("words"), Data::Float(15.0));
    assert!(matches!(cell("flesch_reading_ease"), Data::Float(_)));
    assert_eq!(cell("smog_short_text"), Data::Float(1.0));
    let terms = workbook.worksheet_range("terms").unwrap();
    assert!(
        terms.rows().any(|r| r[1] == Data::String("11-12".into())),
        "text stays text"
    );
    let sheet_xml = zip_entry(&workbook_path, "xl/worksheets/sheet1.xml");
    assert!(sheet_xml.contains("ySplit=\"1\""), "frozen header row");
    assert!(sheet_xml.contains("<autoFilter ref=\"A1:"), "autofilter");
    assert!(sheet_xml.contains("<col "), "column widths");
    assert!(
        zip_entry(&workbook_path, "xl/styles.xml").contains("<b/>"),
        "bold header"
    );
}

#[cfg(feature = "xlsx")]
fn zip_entry(path: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    std::io::read_to_string(archive.by_name(name).unwrap()).unwrap()
}

#[cfg(feature = "xlsx")]
#[test]
fn a_cell_past_excels_limit_is_cut_with_a_warning_naming_the_sheet() {
    let dir = tempdir().unwrap();
    let long_sentence = "word ".repeat(8_000) + "end.";
    let workbook_path = dir.path().join("w.xlsx");
    analyze_stdin(long_sentence.as_bytes(), &["--sentences", "--xlsx", workbook_path.to_str().unwrap()], &dir.path().join("o"))
        .success()
        .stderr(contains("workbook sheet `sentences`: 1 cell(s) longer than Excel's limit of 32767 characters were cut"));
    let mut workbook: Xlsx<_> = open_workbook(&workbook_path).unwrap();
    let sentences = workbook.worksheet_range("sentences").unwrap();
    let text = sentences.get((1, 2)).unwrap().to_string();
    assert_eq!(text.chars().count(), 32_767);
    let csv_text = &rows(dir.path().join("o/sentences.csv"))[0]["text"];
    assert_eq!(csv_text.len(), long_sentence.len(), "the CSV has it whole");
}

#[test]
fn a_report_of_an_earlier_run_that_this_run_did_not_write_is_removed() {
    let dir = tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    analyze_stdin(b"One sentence here.", &["--sentences"], &out).success();
    assert!(out.join("sentences.csv").exists());
    analyze_stdin(b"One sentence here.", &[], &out).success();
    assert!(
        !out.join("sentences.csv").exists(),
        "no folder mixes two runs"
    );
    assert_eq!(
        read(out.join("notes.txt")),
        "mine",
        "files not ours are kept"
    );
}

#[cfg(feature = "xlsx")]
#[test]
fn a_sheet_past_excels_row_limit_is_cut_with_a_warning_and_still_opens() {
    use textgauge::report::{Cell, Exporter, Staging, Table, XlsxExporter, EXCEL_MAX_ROWS};
    let dir = tempdir().unwrap();
    let path = dir.path().join("big.xlsx");
    let too_many = EXCEL_MAX_ROWS + 4;
    let rows = (0..too_many).map(|i| vec![Cell::Count(i), Cell::Text("t".into())]);
    let table = Table::new("terms", vec!["n".into(), "term".into()], rows);
    let mut staging = Staging::new();
    let warnings = XlsxExporter::new(path.clone())
        .export(vec![table], &mut staging)
        .unwrap();
    staging.commit().unwrap();
    assert_eq!(
        warnings,
        [format!(
            "workbook sheet `terms`: {too_many} rows exceed Excel's limit of {EXCEL_MAX_ROWS} rows a sheet; \
             the sheet holds the first {} and leaves out 5 (`terms.csv` has them all)",
            EXCEL_MAX_ROWS - 1
        )]
    );
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = workbook.worksheet_range("terms").unwrap();
    assert_eq!(sheet.height(), EXCEL_MAX_ROWS);
    assert_eq!(
        sheet.get((EXCEL_MAX_ROWS - 1, 0)),
        Some(&Data::Float((EXCEL_MAX_ROWS - 2) as f64))
    );
}

/// A folder of `n` distinct articles of a few hundred words each.
fn write_batch(dir: &Path, n: usize) {
    const WORDS: [&str; 24] = [
        "council", "budget", "minister", "argued", "reform", "voters", "security", "local",
        "policy", "the", "and", "of", "planning", "decades", "housing", "roads", "critics", "said",
        "would", "fund", "years", "public", "debate", "court",
    ];
    let mut state = 12345u64;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let mut text = format!("Piece {i}\n\n");
        for s in 0..30 {
            let words: Vec<String> = (0..10)
                .map(|w| {
                    format!(
                        "{}{}",
                        WORDS[next() % WORDS.len()],
                        if w == 0 { s % 7 } else { next() % 50 }
                    )
                })
                .collect();
            text.push_str(&words.join(" "));
            text.push_str(". ");
        }
        fs::write(dir.join(format!("{i:05}.txt")), text).unwrap();
    }
}

/// Every file in `dir` with its bytes, sorted by name.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn temporaries(dir: &Path) -> Vec<String> {
    snapshot(dir)
        .into_iter()
        .map(|(name, _)| name)
        .filter(|n| n.starts_with(".textgauge-") && n.ends_with(".tmp"))
        .collect()
}

/// The same files with the same bytes (named, not dumped, when they differ).
fn assert_same_files(left: &[(String, Vec<u8>)], right: &[(String, Vec<u8>)], what: &str) {
    let names = |files: &[(String, Vec<u8>)]| -> Vec<String> {
        files.iter().map(|(n, _)| n.clone()).collect()
    };
    assert_eq!(names(left), names(right), "{what}");
    for ((name, a), (_, b)) in left.iter().zip(right) {
        assert!(a == b, "{what}: {name} differs");
    }
}

/// Start `textgauge analyze BATCH --sentences --jobs 1 --out OUT` and
/// SIGKILL it once `ready` says so; panic if it finishes first.
fn kill_run_when(batch: &Path, out: &Path, ready: impl Fn() -> bool) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("textgauge"))
        .arg("analyze")
        .arg(batch)
        .args(["--sentences", "--jobs", "1", "--quiet", "--out"])
        .arg(out)
        .spawn()
        .unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the run finished ({status}) before it could be killed: make the batch larger");
        }
        if ready() {
            child.kill().unwrap(); // SIGKILL
            let status = child.wait().unwrap();
            assert!(!status.success(), "killed, not finished");
            return;
        }
        std::thread::sleep(std::time::Duration::from_micros(200));
    }
}

#[test]
fn a_run_killed_half_way_leaves_the_previous_reports_whole() {
    let dir = tempdir().unwrap();
    let batch = dir.path().join("batch");
    let out = dir.path().join("out");
    write_batch(&batch, 3000);
    analyze(&batch, &out, &[]).success();
    let before = snapshot(&out);
    assert_eq!(before.len(), 7, "six reports and the folder's list of them");

    // Killed while analyzing: nothing written yet.
    let started = std::time::Instant::now();
    kill_run_when(&batch, &out, || started.elapsed().as_millis() > 150);
    assert_same_files(&snapshot(&out), &before, "killed while analyzing");

    // Killed while writing: its temporary files are there, the reports are the old ones.
    kill_run_when(&batch, &out, || !temporaries(&out).is_empty());
    let after_kill = snapshot(&out);
    assert!(!temporaries(&out).is_empty(), "it was killed mid-write");
    let reports: Vec<_> = after_kill
        .iter()
        .filter(|(name, _)| !temporaries(&out).contains(name))
        .cloned()
        .collect();
    assert_same_files(&reports, &before, "killed while writing");

    // The next run cleans up what the killed one left.
    analyze(&batch, &out, &[]).success();
    assert_eq!(temporaries(&out), Vec::<String>::new());
    assert_same_files(&snapshot(&out), &before, "after the next run");
}

#[cfg(not(feature = "xlsx"))]
#[test]
fn without_the_xlsx_feature_a_workbook_is_refused_before_any_work() {
    let dir = tempdir().unwrap();
    analyze_stdin(b"Some words.", &["--xlsx", "w.xlsx"], &dir.path().join("o"))
        .code(2)
        .stderr(contains("no XLSX support"));
    assert!(!dir.path().join("o").exists());
}
