//! The committed `reports/` must be exactly what the README's main command
//! (`cargo run --release -- analyze`) writes for `seeds/`. If this fails
//! after an intended change, regenerate with that command and commit.

mod common;

use common::{read, textgauge};

#[test]
fn committed_reports_match_what_the_main_command_writes() {
    let out = tempfile::tempdir().unwrap();
    textgauge()
        .args(["analyze", "--out"])
        .arg(out.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .assert()
        .success();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut committed: Vec<String> = std::fs::read_dir(root.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut written: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    committed.sort();
    written.sort();
    assert_eq!(committed, written, "same files");
    for name in written {
        assert!(
            read(root.join("reports").join(&name)) == read(out.path().join(&name)),
            "reports/{name} is out of date: run `cargo run --release -- analyze` and commit"
        );
    }
}
