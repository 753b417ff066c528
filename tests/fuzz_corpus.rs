//! Replays the fuzz corpora kept in `fuzz/corpus/` (the interesting inputs
//! found by `cargo fuzz`) through the same checks the fuzz targets run, so
//! every input that once found a new path keeps being checked on stable
//! Rust, in every test run.

#[path = "../fuzz/fuzz_targets/checks.rs"]
#[allow(dead_code)]
mod checks;

use std::path::Path;

fn corpus(target: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn the_analysis_corpus_passes_its_checks() {
    let files = corpus("analyze_bytes");
    assert!(files.len() > 100, "the corpus is kept in the repository");
    for file in files {
        checks::check_analysis(&std::fs::read(&file).unwrap());
    }
}

#[test]
fn the_dictionary_corpus_passes_its_checks() {
    let files = corpus("theme_dictionary");
    assert!(!files.is_empty());
    for file in files {
        checks::check_dictionary(&std::fs::read(&file).unwrap());
    }
}
