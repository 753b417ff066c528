//! The progress bar: on a terminal (a pseudo-terminal made by `script`),
//! after the delay, unless `--quiet`; never on a pipe; never in reports.

mod common;

use common::{read, textgauge};
use std::fs;
use std::path::Path;
use std::process::Command;
use tempfile::tempdir;

/// 600 small articles: three chunks of work, so the bar advances.
fn corpus(dir: &Path) {
    for n in 0..600 {
        let text = format!(
            "Article {n} on rates.\n\nRates rose again. Savers cheered, borrowers did not."
        );
        fs::write(dir.join(format!("{n:03}.txt")), text).unwrap();
    }
}

/// Run `textgauge analyze` under a pseudo-terminal; what it showed there.
fn on_terminal(input: &Path, out: &Path, extra: &str) -> Option<String> {
    let binary = assert_cmd::cargo::cargo_bin("textgauge");
    let command = format!(
        "{} analyze {} --out {} {extra}",
        binary.display(),
        input.display(),
        out.display()
    );
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("TEXTGAUGE_PROGRESS_DELAY_MS", "0")
        .output()
        .ok()?;
    assert!(output.status.success(), "{output:?}");
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn the_bar_shows_on_a_terminal_only_and_never_reaches_the_reports() {
    let dir = tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    corpus(&input);
    let Some(shown) = on_terminal(&input, &dir.path().join("a"), "") else {
        eprintln!("SKIPPED: `script` (util-linux) is not installed, so no terminal can be made");
        return;
    };
    assert!(shown.contains("/600 files"), "{shown}");
    assert!(shown.contains("MB/s"), "{shown}");
    let quiet = on_terminal(&input, &dir.path().join("b"), "--quiet").unwrap();
    assert!(!quiet.contains("files,"), "{quiet}");
    let piped = textgauge()
        .arg("analyze")
        .arg(&input)
        .arg("--out")
        .arg(dir.path().join("c"))
        .env("TEXTGAUGE_PROGRESS_DELAY_MS", "0")
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&piped.get_output().stderr).into_owned();
    assert!(!stderr.contains("files,"), "{stderr}");
    for report in ["documents.csv", "compare.csv", "terms.csv"] {
        let a = read(dir.path().join("a").join(report));
        assert_eq!(a, read(dir.path().join("c").join(report)), "{report}");
    }
}
