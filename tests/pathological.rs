//! Pathological inputs, each run through the real binary (or, for a file
//! that vanishes mid-run, the library's own two stages): none may crash or
//! hang, and every good document is still reported. That each stays linear
//! in time is measured, not asserted, by `scripts/pathological_scaling.sh`.

mod common;

use common::{analyze, rows, textgauge};
use predicates::str::contains;
use std::fs;
use tempfile::tempdir;

/// Deterministic pseudo-random bytes from `alphabet`.
fn noise(len: usize, alphabet: &[u8]) -> Vec<u8> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            alphabet[(state % alphabet.len() as u64) as usize]
        })
        .collect()
}

#[test]
fn ten_megabytes_without_white_space() {
    let dir = tempdir().unwrap();
    let file = dir.path().join("nospace.txt");
    let alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789.,;:-'\"!?()/@";
    fs::write(&file, noise(10 << 20, alphabet)).unwrap();
    let out = dir.path().join("out");
    analyze(&file, &out, &[]).success();
    let docs = rows(out.join("documents.csv"));
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["words"].parse::<usize>().unwrap() > 100_000);
}

#[test]
fn long_tokens_of_every_kind() {
    // Each once took quadratic time: a letter under 256 Ki combining accents,
    // `1.` repeated, and Markdown brackets that never close into a link.
    let dir = tempdir().unwrap();
    let batch = dir.path().join("batch");
    fs::create_dir(&batch).unwrap();
    let combining = format!("a{}", "\u{301}".repeat(1 << 18));
    fs::write(batch.join("combining.txt"), combining).unwrap();
    fs::write(batch.join("dots.txt"), "1.".repeat(1 << 19)).unwrap();
    fs::write(batch.join("brackets.md"), "[1]".repeat(1 << 18)).unwrap();
    fs::write(batch.join("apostrophes.txt"), "a'".repeat(1 << 19)).unwrap();
    fs::write(batch.join("initials.txt"), "U.S.".repeat(1 << 18)).unwrap();
    // And list markers and sentence ends: a run of 200,000 spaces, 40,000
    // inline `1.` items, 50,000 bulleted ones, 40,000 `etc.` after a
    // fronted preposition, 80,000 `Hey!`.
    let spaces = format!("a{}b", " ".repeat(200_000));
    fs::write(batch.join("spaces.txt"), spaces).unwrap();
    fs::write(batch.join("items.txt"), "1. a ".repeat(40_000)).unwrap();
    let bulleted = format!("Points {}", "\u{2022}1. cut waste ".repeat(50_000));
    fs::write(batch.join("bulleted.txt"), bulleted).unwrap();
    let etc = format!("In 1990 {}", "etc. and ".repeat(40_000));
    fs::write(batch.join("etc.txt"), etc).unwrap();
    fs::write(
        batch.join("hey.txt"),
        format!("{}.", "Hey! ".repeat(80_000)),
    )
    .unwrap();
    let out = dir.path().join("out");
    analyze(&batch, &out, &["--sentences"]).success();
    assert_eq!(rows(out.join("documents.csv")).len(), 10);
}

#[test]
fn one_sentence_of_a_megabyte() {
    let dir = tempdir().unwrap();
    let words = [
        "the", "council", "said", "that", "it", "would", "consider", "reform",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 1 << 20 {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i += 1;
    }
    text.push_str("end.");
    let file = dir.path().join("long.txt");
    fs::write(&file, &text).unwrap();
    let out = dir.path().join("out");
    analyze(&file, &out, &["--sentences"]).success();
    let docs = rows(out.join("documents.csv"));
    assert_eq!(docs[0]["sentences"], "1");
    assert_eq!(docs[0]["words"], (i + 1).to_string());
    let sentences = rows(out.join("sentences.csv"));
    assert_eq!(sentences.len(), 1);
    assert_eq!(sentences[0]["words"], docs[0]["words"]);
}

#[test]
fn twenty_thousand_one_word_files() {
    let dir = tempdir().unwrap();
    let batch = dir.path().join("batch");
    fs::create_dir(&batch).unwrap();
    for i in 0..20_000 {
        fs::write(batch.join(format!("{i:05}.txt")), format!("word{}", i % 97)).unwrap();
    }
    let out = dir.path().join("out");
    analyze(&batch, &out, &["--quiet"]).success();
    let docs = rows(out.join("documents.csv"));
    assert_eq!(docs.len(), 20_000);
    assert!(docs[19_999]["document"].ends_with("batch/19999.txt"));
    assert!(docs.iter().all(|d| d["words"] == "1"));
}

#[test]
fn folders_nested_two_hundred_deep() {
    let dir = tempdir().unwrap();
    let mut deep = dir.path().join("root");
    for _ in 0..200 {
        deep.push("d");
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("deep.txt"), "Found at the bottom.").unwrap();
    fs::write(dir.path().join("root/top.txt"), "Found at the top.").unwrap();
    let out = dir.path().join("out");
    analyze(&dir.path().join("root"), &out, &[]).success();
    let docs = rows(out.join("documents.csv"));
    assert_eq!(docs.len(), 2);
    let depth = docs[0]["document"]
        .split('/')
        .filter(|part| *part == "d")
        .count();
    assert_eq!(depth, 200);
}

#[test]
fn a_symbolic_link_loop_is_skipped_with_a_warning() {
    let dir = tempdir().unwrap();
    let root = dir.path().join("root");
    fs::create_dir_all(root.join("a/b")).unwrap();
    fs::write(root.join("a/b/piece.txt"), "A piece of text.").unwrap();
    std::os::unix::fs::symlink(&root, root.join("a/b/back_to_root")).unwrap();
    std::os::unix::fs::symlink("loop_self", root.join("loop_self")).unwrap();
    let out = dir.path().join("out");
    analyze(&root, &out, &[]).success().stderr(contains(
        "back_to_root: skipped: a symbolic link loops back",
    ));
    assert_eq!(rows(out.join("documents.csv")).len(), 1);
}

#[test]
fn a_file_that_vanishes_between_discovery_and_reading() {
    use textgauge::config::{Config, InputSpec};
    let dir = tempdir().unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        fs::write(dir.path().join(name), "Some words here.").unwrap();
    }
    let config = Config::new(
        vec![InputSpec::Path(dir.path().to_path_buf())],
        dir.path().join("out"),
    );
    let found = textgauge::input::discover(&config.inputs);
    assert_eq!(found.sources.len(), 3);
    fs::remove_file(dir.path().join("b.txt")).unwrap();
    let dictionary = textgauge::themes::ThemeDictionary::built_in();
    let batch = textgauge::analyze_sources(
        found,
        &dictionary,
        &Default::default(),
        &config,
        None,
        &textgauge::batch::NoProgress,
    )
    .unwrap();
    let ids: Vec<String> = batch
        .analyses
        .iter()
        .map(|a| a.id.rsplit('/').next().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a.txt", "c.txt"]);
    assert_eq!(batch.failures.len(), 1);
    assert!(batch.failures[0].document.ends_with("b.txt"));
    assert_eq!(batch.failures[0].message, "no such file or folder");
}

#[test]
fn hostile_file_names_are_reported_quoted_and_lossless() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempdir().unwrap();
    let batch = dir.path().join("batch");
    fs::create_dir(&batch).unwrap();
    let names: [&[u8]; 5] = [
        b"a, comma.txt",
        b"b \"quoted\".txt",
        b"c new\nline.txt",
        b"=d formula.txt",
        b"e caf\xe9 latin1.txt",
    ];
    for name in names {
        fs::write(
            batch.join(std::ffi::OsStr::from_bytes(name)),
            "Some words here.",
        )
        .unwrap();
    }
    let out = dir.path().join("out");
    textgauge()
        .current_dir(&batch)
        .args(["analyze", "."])
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let ids: Vec<String> = rows(out.join("documents.csv"))
        .into_iter()
        .map(|r| r["document"].clone())
        .collect();
    assert_eq!(
        ids,
        [
            "'=d formula.txt",
            "a, comma.txt",
            "b \"quoted\".txt",
            "c new\nline.txt",
            "e caf\\xE9 latin1.txt"
        ]
    );
    let raw = fs::read_to_string(out.join("documents.csv")).unwrap();
    assert!(
        raw.contains("\n\"'=d formula.txt\","),
        "neutralized and quoted"
    );
    assert!(
        raw.contains("\n\"c new\nline.txt\","),
        "a line break is quoted"
    );
}

#[test]
fn a_malformed_theme_dictionary_names_file_and_line_and_writes_nothing() {
    let dir = tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("documents.csv"), "from an earlier run").unwrap();
    let malformed = [
        (
            "no comma",
            "theme,pattern\nok,word\nbroken\nstill,fine\n",
            "line 3",
        ),
        (
            "unclosed quote",
            "theme,pattern\nok,word\nbroken,\"unclosed\nstill,fine\n",
            "line 3",
        ),
        ("stray star", "theme,pattern\nok,word\nok,wo*rd\n", "line 3"),
    ];
    for (case, text, line) in malformed {
        let dictionary = dir.path().join("bad themes.csv");
        fs::write(&dictionary, text).unwrap();
        textgauge()
            .args(["analyze", "seeds", "--themes"])
            .arg(&dictionary)
            .arg("--out")
            .arg(&out)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .assert()
            .code(2)
            .stderr(contains(format!("bad themes.csv, {line}")));
        let kept = fs::read_to_string(out.join("documents.csv")).unwrap();
        assert_eq!(kept, "from an earlier run", "{case}");
        assert_eq!(
            fs::read_dir(&out).unwrap().count(),
            1,
            "{case}: no reports written"
        );
    }
}
