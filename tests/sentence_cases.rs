//! Runs the sentence splitter over the hand-written cases in
//! `tests/sentences/cases.txt` (all must pass) and `tests/sentences/hard_cases.txt`
//! (truly ambiguous cases: measured and reported, never failing).
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

#[test]
fn sentence_cases_all_pass() {
    let cases = load("cases.txt");
    assert!(
        cases.len() >= 90,
        "expected at least 90 cases, found {}",
        cases.len()
    );
    let failures = report("cases.txt", &cases);
    assert_eq!(
        failures, 0,
        "{failures} sentence case(s) failed; run with --nocapture for details"
    );
}

#[test]
fn hard_cases_are_reported() {
    let cases = load("hard_cases.txt");
    report("hard_cases.txt", &cases);
}

#[test]
fn case_names_are_unique() {
    let mut names: Vec<String> = load("cases.txt").into_iter().map(|c| c.name).collect();
    names.extend(load("hard_cases.txt").into_iter().map(|c| c.name));
    let total = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), total, "duplicate case names");
}
