//! The real binary on real files: the main job, every subcommand and every
//! kind of bad input named in the issue.

mod common;

use common::{analyze, read, rows, textgauge};
use predicates::str::contains;
use std::fs;
use tempfile::tempdir;

const ARTICLE: &str = "A Headline Here\n\nThe council met on Monday. It argued about money and security for hours.\n\nNothing was decided";

#[test]
fn analyze_the_seed_writes_the_three_reports() {
    let out = tempdir().unwrap();
    textgauge()
        .args(["analyze", "seeds", "--out"])
        .arg(out.path())
        .assert()
        .success();
    for name in ["documents.csv", "terms.csv", "themes.csv"] {
        assert!(out.path().join(name).exists(), "{name}");
    }
    let docs = rows(out.path().join("documents.csv"));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["title"], "Why Afghan Officials Drift Toward ISKP");
    assert_eq!(docs[0]["paragraphs"], "13");
    assert_eq!(docs[0]["words"], "1019");
    assert_eq!(docs[0]["sentences"], "60");
    assert_eq!(docs[0]["furniture_lines"], "6");
}

#[test]
fn a_folder_of_many_files_gives_one_row_each_in_path_order() {
    let dir = tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    for i in 0..12 {
        let sub = if i % 3 == 0 { "sub/" } else { "" };
        fs::write(
            dir.path().join(format!("{sub}piece{i:02}.txt")),
            ARTICLE.repeat(i + 1),
        )
        .unwrap();
    }
    let out = dir.path().join("out");
    analyze(dir.path(), &out, &[]).success();
    let ids: Vec<String> = rows(out.join("documents.csv"))
        .into_iter()
        .map(|r| r["document"].clone())
        .collect();
    assert_eq!(ids.len(), 12);
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
}

#[test]
fn reports_are_byte_identical_whatever_the_thread_count() {
    // More documents than the runner analyzes at a time (256), in three
    // folders, so that work is reordered across threads and chunks; long
    // enough (about 10 MB of analyses with their sentences) that most go
    // through the batch's scratch file (past 4 MiB, `batch::store`).
    let dir = tempdir().unwrap();
    for i in 0..300 {
        let folder = dir.path().join(["alpha", "beta", "gamma"][i % 3]);
        fs::create_dir_all(&folder).unwrap();
        let text = format!(
            "{}\n\nPiece {i} adds word{i} and word{}.",
            ARTICLE.repeat(80 + i % 80),
            i % 7
        );
        fs::write(folder.join(format!("{i:03}.txt")), text).unwrap();
    }
    let run = |jobs: &str, out: &str| {
        let out = dir.path().join(out);
        textgauge()
            .arg("analyze")
            .arg(dir.path())
            .args([
                "--sentences",
                "--group-by",
                "folder",
                "--jobs",
                jobs,
                "--out",
            ])
            .arg(&out)
            .assert()
            .success();
        [
            "documents.csv",
            "terms.csv",
            "themes.csv",
            "sentences.csv",
            "corpus_terms.csv",
            "keyness.csv",
            "compare.csv",
            "groups.csv",
        ]
        .map(|n| read(out.join(n)))
    };
    let one = run("1", "one");
    assert_eq!(one, run("2", "two"));
    assert_eq!(one, run("3", "three"));
}

#[test]
fn standard_input_is_a_document_named_dash() {
    let out = tempdir().unwrap();
    textgauge()
        .args(["analyze", "-", "--out"])
        .arg(out.path())
        .write_stdin(ARTICLE)
        .assert()
        .success();
    let docs = rows(out.path().join("documents.csv"));
    assert_eq!(docs[0]["document"], "-");
    assert_eq!(docs[0]["title"], "A Headline Here");
    assert_eq!(docs[0]["sentences"], "3");
}

#[test]
fn bom_and_crlf_count_the_same_as_plain_text() {
    let dir = tempdir().unwrap();
    fs::write(dir.path().join("plain.txt"), ARTICLE).unwrap();
    fs::write(
        dir.path().join("windows.txt"),
        format!("\u{feff}{}", ARTICLE.replace('\n', "\r\n")),
    )
    .unwrap();
    let out = dir.path().join("out");
    analyze(dir.path(), &out, &[]).success();
    let mut docs = rows(out.join("documents.csv"));
    for doc in &mut docs {
        doc.remove("document");
    }
    assert_eq!(docs[0], docs[1]);
}

#[test]
fn sentences_option_writes_one_row_per_sentence() {
    let out = tempdir().unwrap();
    textgauge()
        .args(["analyze", "-", "--sentences", "--out"])
        .arg(out.path())
        .write_stdin(ARTICLE)
        .assert()
        .success();
    let sentences = rows(out.path().join("sentences.csv"));
    let numbers: Vec<&str> = sentences.iter().map(|r| r["sentence"].as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    assert_eq!(sentences[2]["text"], "Nothing was decided");
    assert_eq!(sentences[0]["words"], "5");
}

#[test]
fn bad_inputs_are_named_and_the_rest_still_reported() {
    let dir = tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("good.txt"), ARTICLE).unwrap();
    fs::write(p.join("empty.txt"), "").unwrap();
    fs::write(p.join("blank.txt"), "  \n\n  ").unwrap();
    fs::write(p.join("nowords.txt"), "... --- !!! ***").unwrap();
    fs::write(p.join("binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    fs::write(p.join("latin1.txt"), b"caf\xe9 au lait").unwrap();
    std::os::unix::fs::symlink(p.join("nowhere"), p.join("dangling.txt")).unwrap();
    let out = p.join("out");
    textgauge()
        .arg("analyze")
        .arg(p)
        .arg(p.join("missing.txt"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("empty.txt: empty file"))
        .stderr(contains("blank.txt: empty file"))
        .stderr(contains("nowords.txt: no words found"))
        .stderr(contains("binary.txt: looks like a binary file"))
        .stderr(contains(
            "latin1.txt: not UTF-8: read as Windows-1252 (1 byte(s) re-decoded)",
        ))
        .stderr(contains("dangling.txt: no such file"))
        .stderr(contains("missing.txt: no such file or folder"));
    let docs = rows(out.join("documents.csv"));
    let ids: Vec<&str> = docs
        .iter()
        .map(|r| r["document"].rsplit('/').next().unwrap())
        .collect();
    assert_eq!(ids, ["good.txt", "latin1.txt", "nowords.txt"]);
    assert_eq!(docs[1]["encoding"], "windows-1252");
    assert_eq!(docs[1]["decode_errors"], "1");
    assert_eq!(docs[1]["words"], "3", "café au lait");
    assert_eq!(docs[0]["decode_errors"], "0");
    assert_eq!(docs[2]["words"], "0");
    assert_eq!(
        docs[2]["flesch_reading_ease"], "",
        "undefined is an empty cell"
    );
    let errors = rows(out.join("errors.csv"));
    let failed: Vec<&str> = errors
        .iter()
        .map(|r| r["document"].rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        failed,
        [
            "binary.txt",
            "blank.txt",
            "dangling.txt",
            "empty.txt",
            "nowords.txt",
            "missing.txt"
        ],
        "in input order: the folder's files, then the second input"
    );
}

#[test]
fn no_report_cell_is_nan_or_infinite() {
    let dir = tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    fs::write(dir.path().join("b.txt"), "???").unwrap();
    fs::write(dir.path().join("c.txt"), "one").unwrap();
    let out = dir.path().join("out");
    textgauge()
        .arg("analyze")
        .arg(dir.path())
        .args(["--sentences", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    for name in [
        "documents.csv",
        "terms.csv",
        "themes.csv",
        "sentences.csv",
        "errors.csv",
    ] {
        for row in rows(out.join(name)) {
            for (column, cell) in row {
                let lower = cell.to_lowercase();
                let bad = ["nan", "inf", "-inf", "infinity", "-infinity"].contains(&lower.as_str());
                assert!(!bad, "{name}: {column} = {cell}");
            }
        }
    }
}

#[test]
fn nothing_to_analyze_is_exit_2() {
    let dir = tempdir().unwrap();
    fs::write(dir.path().join("notes.pdf"), "x").unwrap();
    textgauge()
        .arg("analyze")
        .arg(dir.path())
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(contains("folder holds no file to read"));
    assert!(!dir.path().join("out").exists(), "no reports written");
    textgauge()
        .args(["analyze", "/no/such/path"])
        .assert()
        .code(2)
        .stderr(contains("/no/such/path: no such file or folder"));
}

#[test]
fn bad_usage_is_exit_2() {
    textgauge()
        .args(["analyze", "--jobs", "0"])
        .assert()
        .code(2);
    textgauge().arg("frobnicate").assert().code(2);
}

#[test]
fn errors_csv_goes_away_when_a_later_run_succeeds() {
    let dir = tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let out = dir.path().join("out");
    textgauge()
        .arg("analyze")
        .arg(dir.path().join("a.txt"))
        .arg(dir.path().join("zzz.txt"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1);
    assert!(out.join("errors.csv").exists());
    textgauge()
        .arg("analyze")
        .arg(dir.path().join("a.txt"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert!(!out.join("errors.csv").exists());
}

#[test]
fn syllables_prints_csv_for_arguments_and_stdin() {
    textgauge()
        .args(["syllables", "readability", "ISKP", "mid-level", "26"])
        .assert()
        .success()
        .stdout("word,syllables\nreadability,5\nISKP,4\nmid-level,3\n26,3\n");
    textgauge()
        .arg("syllables")
        .write_stdin("the\n\nfire\n")
        .assert()
        .success()
        .stdout("word,syllables\nthe,1\nfire,2\n");
    textgauge()
        .args(["syllables", "--rules-only", "table"])
        .assert()
        .success()
        .stdout("word,syllables\ntable,2\n");
}

#[test]
fn the_printed_dictionary_reads_back_as_the_same_themes() {
    let dir = tempdir().unwrap();
    let printed = textgauge().arg("themes").output().unwrap().stdout;
    let header = printed
        .split(|&b| b == b'\n')
        .find(|line| !line.starts_with(b"#"))
        .unwrap();
    assert_eq!(header, b"theme,pattern", "after the comment lines");
    let file = dir.path().join("themes.csv");
    fs::write(&file, &printed).unwrap();
    let run = |extra: &[&std::ffi::OsStr], out: &str| {
        let out = dir.path().join(out);
        textgauge()
            .args(["analyze", "seeds", "--out"])
            .arg(&out)
            .args(extra)
            .assert()
            .success();
        // All but the last column, `dictionary`: the file's name or `built-in`.
        let themes = read(out.join("themes.csv"));
        let cut = |line: &str| line.rsplit_once(',').unwrap().0.to_owned();
        themes.lines().map(cut).collect::<Vec<_>>()
    };
    assert_eq!(
        run(&["--themes".as_ref(), file.as_os_str()], "custom"),
        run(&[], "default")
    );
}

#[test]
fn a_custom_dictionary_replaces_the_themes() {
    let dir = tempdir().unwrap();
    let file = dir.path().join("mine.csv");
    fs::write(
        &file,
        "theme,pattern\nmoney,money\nmoney,financ*\nmeetings,council\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    textgauge()
        .args(["analyze", "-", "--themes"])
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .write_stdin(ARTICLE)
        .assert()
        .success();
    let themes = rows(out.join("themes.csv"));
    let summary: Vec<(&str, &str)> = themes
        .iter()
        .filter(|r| r["dictionary"] != "commentary")
        .map(|r| (r["theme"].as_str(), r["count"].as_str()))
        .collect();
    assert_eq!(summary, [("money", "1"), ("meetings", "1")]);
    let docs = rows(out.join("documents.csv"));
    assert!(docs[0].contains_key("theme_meetings_per_1000"));
}

#[test]
fn a_broken_theme_dictionary_is_exit_2_with_its_line() {
    let dir = tempdir().unwrap();
    let file = dir.path().join("bad.csv");
    fs::write(&file, "theme,pattern\nok,word\nbad,wo*rd\n").unwrap();
    textgauge()
        .args(["analyze", "seeds", "--themes"])
        .arg(&file)
        .arg("--out")
        .arg(dir.path().join("o"))
        .assert()
        .code(2)
        .stderr(contains("line 3"));
}

#[test]
fn keep_furniture_counts_everything() {
    let out = tempdir().unwrap();
    textgauge()
        .args(["analyze", "seeds", "--keep-furniture", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let docs = rows(out.path().join("documents.csv"));
    assert_eq!(docs[0]["furniture_lines"], "0");
    assert!(docs[0]["words"].parse::<usize>().unwrap() > 1019 + 50);
}
