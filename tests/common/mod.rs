//! Shared helpers for the integration tests: run the real binary.

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::Path;

/// The `textgauge` binary built by cargo for these tests.
pub fn textgauge() -> Command {
    Command::cargo_bin("textgauge").expect("binary is built")
}

/// `textgauge analyze INPUT --out OUT EXTRA…`, run; the caller asserts on it.
pub fn analyze(input: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    textgauge()
        .arg("analyze")
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(extra)
        .assert()
}

/// Read a report as text.
pub fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path.as_ref())
        .unwrap_or_else(|e| panic!("{}: {e}", path.as_ref().display()))
}

/// The rows of a CSV report as maps from column name to cell.
pub fn rows(path: impl AsRef<Path>) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path.as_ref()).expect("csv");
    let headers = reader.headers().expect("header").clone();
    reader
        .records()
        .map(|r| {
            headers
                .iter()
                .map(String::from)
                .zip(r.expect("row").iter().map(String::from))
                .collect()
        })
        .collect()
}
