//! Golden corpus: each `tests/golden/NAME.txt` (or `.md`) sits next to
//! `NAME.expected`, `column = value` lines giving what `documents.csv` must
//! say for it (only the columns listed are checked; `#` starts a comment).
//! Adding a regression case is dropping two files into that folder.

mod common;

use common::{rows, textgauge};
use std::collections::BTreeMap;
use std::path::Path;

fn expectations(dir: &Path) -> BTreeMap<String, Vec<(String, String)>> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "expected") {
            let pairs = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .map(|l| {
                    let (key, value) = l.split_once('=').unwrap_or_else(|| {
                        panic!("{}: `{l}` is not `key = value`", path.display())
                    });
                    (key.trim().to_owned(), value.trim().to_owned())
                })
                .collect();
            found.insert(
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                pairs,
            );
        }
    }
    found
}

#[test]
fn golden_corpus_counts_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let out = tempfile::tempdir().unwrap();
    textgauge()
        .arg("analyze")
        .arg(&dir)
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let reported: BTreeMap<String, _> = rows(out.path().join("documents.csv"))
        .into_iter()
        .map(|row| {
            let stem = Path::new(&row["document"])
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (stem, row)
        })
        .collect();
    let expected = expectations(&dir);
    assert!(expected.len() >= 6, "the golden corpus is in place");
    let mut mismatches = Vec::new();
    for (name, pairs) in &expected {
        let row = reported
            .get(name)
            .unwrap_or_else(|| panic!("no report row for {name}"));
        for (column, value) in pairs {
            let actual = row
                .get(column)
                .unwrap_or_else(|| panic!("{name}: no column {column}"));
            if actual != value {
                mismatches.push(format!("{name}: {column} = {actual}, expected {value}"));
            }
        }
    }
    assert!(mismatches.is_empty(), "\n{}", mismatches.join("\n"));
}
