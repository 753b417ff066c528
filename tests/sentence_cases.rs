//! Runs the sentence splitter over the hand-written cases in every `.txt`
//! file of `tests/sentences/` (a group each; all must pass): the general
//! `cases.txt`, the ambiguous `hard_cases.txt`, and one file for each kind
//! of hard case (inline lists, line items and wrapped prose, abbreviations
//! that can end a sentence, ellipses, glued sentences). A regression case
//! is a case added to a file.
//!
//! File format: `#` lines are comments; `=== name` starts a case; the input
//! follows up to a `---` line (blank lines inside are paragraph breaks); then
//! the expected sentences, one per line. Sentences are compared after
//! collapsing runs of whitespace to one space.

use std::path::Path;

use textgauge::text::sentences::split_sentences;

struct Case {
    name: String,
    input: String,
    expected: Vec<String>,
}

/// Parses the cases file format described in the module doc.
fn parse_cases(data: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut in_input = false;
    for line in data.lines() {
        if let Some(name) = line.strip_prefix("===") {
            let name = name.trim().to_string();
            cases.push(Case {
                name,
                input: String::new(),
                expected: Vec::new(),
            });
            in_input = true;
        } else if line.starts_with('#') {
            continue;
        } else if let Some(case) = cases.last_mut() {
            if in_input && line.trim_end() == "---" {
                in_input = false;
            } else if in_input {
                case.input.push_str(line);
                case.input.push('\n');
            } else if !line.trim().is_empty() {
                case.expected.push(collapse(line));
            }
        }
    }
    cases
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs every case; returns the names of failing cases with a diff-like report.
fn run(cases: &[Case]) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases {
        let got: Vec<String> = split_sentences(&case.input)
            .into_iter()
            .map(|range| collapse(&case.input[range]))
            .collect();
        if got != case.expected {
            failures.push(format!(
                "  {}\n    expected: {:?}\n    got:      {:?}",
                case.name, case.expected, got
            ));
        }
    }
    failures
}

fn load(file: &str) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sentences")
        .join(file);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let cases = parse_cases(&data);
    for case in &cases {
        assert!(
            !case.expected.is_empty(),
            "{file}: case `{}` has no expected sentences",
            case.name
        );
    }
    cases
}

/// Prints the pass rate and failing cases; returns the number of failures.
fn report(file: &str, cases: &[Case]) -> usize {
    let failures = run(cases);
    let passed = cases.len() - failures.len();
    println!(
        "{file}: {passed}/{} cases split exactly ({:.1}%)",
        cases.len(),
        100.0 * passed as f64 / cases.len().max(1) as f64
    );
    for failure in &failures {
        println!("{failure}");
    }
    failures.len()
}

/// Every group of cases: each `.txt` file of `tests/sentences/`, by name.
fn groups() -> Vec<(String, Vec<Case>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sentences");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    files.sort();
    files.into_iter().map(|f| (f.clone(), load(&f))).collect()
}

#[test]
fn every_sentence_case_passes() {
    let mut failed = 0;
    let mut total = 0;
    for (file, cases) in groups() {
        failed += report(&file, &cases);
        total += cases.len();
    }
    assert!(total >= 250, "expected at least 250 cases, found {total}");
    assert_eq!(
        failed, 0,
        "{failed} sentence case(s) failed; run with --nocapture for details"
    );
}

/// The kinds of hard case of issue 11, each a group of at least ten: the
/// case names start with the kind.
#[test]
fn each_kind_has_its_group_of_at_least_ten_cases() {
    let names: Vec<String> = groups()
        .into_iter()
        .flat_map(|(_, cases)| cases.into_iter().map(|c| c.name))
        .collect();
    for kind in [
        "inline list",
        "line items",
        "wrapped prose",
        "abbrev",
        "ellipsis",
        "glued",
    ] {
        let n = names.iter().filter(|n| n.starts_with(kind)).count();
        assert!(n >= 10, "{kind}: {n} cases");
    }
}

#[test]
fn case_names_are_unique() {
    let mut names: Vec<String> = groups()
        .into_iter()
        .flat_map(|(_, cases)| cases.into_iter().map(|c| c.name))
        .collect();
    let total = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), total, "duplicate case names");
}
