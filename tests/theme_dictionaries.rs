//! Theme dictionaries in the formats researchers bring: LIWC-style `.dic`
//! files (a realistic one and a deliberately irregular one, in
//! `tests/dictionaries/`), counted on small hand-counted texts; errors
//! that name the file and line and write nothing.

mod common;

use common::textgauge;
use predicates::str::contains;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use tempfile::tempdir;

/// `themes.csv` of `text` analyzed with the dictionary `dictionary`:
/// theme → count, in the file's order of themes.
fn theme_counts(text: &str, dictionary: &Path) -> Vec<(String, usize)> {
    let dir = tempdir().unwrap();
    let input = dir.path().join("piece.txt");
    fs::write(&input, text).unwrap();
    let out = dir.path().join("out");
    textgauge()
        .arg("analyze")
        .arg(&input)
        .arg("--themes")
        .arg(dictionary)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(out.join("themes.csv")).unwrap();
    reader
        .deserialize::<BTreeMap<String, String>>()
        .map(|row| {
            let row = row.unwrap();
            (row["theme"].clone(), row["count"].parse().unwrap())
        })
        .collect()
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/dictionaries")
        .join(name)
}

fn counts(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
    pairs.iter().map(|(t, n)| ((*t).to_owned(), *n)).collect()
}

#[test]
fn a_liwc_dictionary_counts_words_prefixes_and_phrases() {
    let text = "Officials say the budget may rise. According to the minister, interest \
                rates will clearly fall. Taxes might rise, she said, without doubt.";
    let found = theme_counts(text, &fixture("commentary.dic"));
    // hedging: may, might; boosters: clearly, without doubt; attribution:
    // officials say, according to, said; economy: budget, interest rates
    // (`interest rate*`), taxes.
    let expected = counts(&[
        ("hedging", 2),
        ("boosters", 2),
        ("attribution", 3),
        ("economy", 3),
    ]);
    assert_eq!(found, expected);
}

#[test]
fn an_irregular_liwc_file_is_read_as_meant() {
    // Byte-order mark, CRLF, a comment, tabs and runs of spaces, `bad`
    // listed twice, `good` listed twice with different categories, a
    // category no entry uses, LIWC 2007's conditional `like` entry, an
    // emoticon entry, a hyphenated entry.
    let text = "It was a good day and a great one. Then things got bad, and the crisis \
                got worse. I like it, definitely. Good for sure. Al-Qaeda :) struck.";
    let found = theme_counts(text, &fixture("irregular.dic"));
    // posemo: good, great, like, Good (never `:)`, not a word); negemo:
    // bad, crisis, worse (the repeated `bad` counts once a use), Al-Qaeda
    // (one word, as in the text); certain: good
    // and Good (its second listing), definitely, for sure.
    let expected = counts(&[("posemo", 4), ("negemo", 4), ("unused", 0), ("certain", 4)]);
    assert_eq!(found, expected);
}

#[test]
fn dictionary_coverage_is_the_share_of_words_any_theme_matched() {
    let dir = tempdir().unwrap();
    let input = dir.path().join("piece.txt");
    // 25 words; in a theme: good, great, bad, crisis, worse, like,
    // definitely, Good, for sure (10; `good` is in two themes, once here).
    let text = "It was a good day and a great one. Then things got bad, and the crisis \
                got worse. I like it, definitely. Good for sure.";
    fs::write(&input, text).unwrap();
    let out = dir.path().join("out");
    textgauge()
        .arg("analyze")
        .arg(&input)
        .arg("--themes")
        .arg(fixture("irregular.dic"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(out.join("documents.csv")).unwrap();
    let row: BTreeMap<String, String> = reader.deserialize().next().unwrap().unwrap();
    assert_eq!(row["words"], "25");
    assert_eq!(row["theme_words"], "10");
    assert_eq!(row["dictionary_coverage"], "0.4000");
}

#[test]
fn the_conditional_entries_left_out_are_said() {
    let dir = tempdir().unwrap();
    let input = dir.path().join("piece.txt");
    fs::write(&input, "I like it.").unwrap();
    textgauge()
        .arg("analyze")
        .arg(&input)
        .arg("--themes")
        .arg(fixture("irregular.dic"))
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .success()
        .stderr(contains(
            "irregular.dic: 2 conditional category reference(s)",
        ))
        .stderr(contains("irregular.dic: 1 entr(ies) with no word in them"));
}

#[test]
fn what_a_dic_file_cannot_say_is_an_error_naming_its_line() {
    let dir = tempdir().unwrap();
    let out = dir.path().join("out");
    let cases = [
        (
            "undeclared",
            "%\n1\tsecurity\n%\nattack*\t1\nwar\t2\n",
            "line 5",
            "category 2",
        ),
        (
            "unclosed",
            "%\n1\tsecurity\nattack* 1\n",
            "line 3",
            "`attack*`",
        ),
        (
            "not a number",
            "%\n1\tsecurity\n%\nwar\tone\n",
            "line 4",
            "`one`",
        ),
        (
            "no header",
            "attack*\t1\n",
            "line 1",
            "starts with a `%` line",
        ),
        (
            "twice",
            "%\n1\ta\n1\tb\n%\nx\t1\n",
            "line 3",
            "declared twice",
        ),
        ("bad star", "%\n1\ta\n%\nwa*r\t1\n", "line 4", "`*`"),
    ];
    for (case, text, line, message) in cases {
        let dictionary = dir.path().join(format!("{case}.dic"));
        fs::write(&dictionary, text).unwrap();
        textgauge()
            .args(["analyze", "seeds", "--themes"])
            .arg(&dictionary)
            .arg("--out")
            .arg(&out)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .assert()
            .code(2)
            .stderr(contains(format!("{case}.dic, {line}")))
            .stderr(contains(message));
        assert!(!out.exists(), "{case}: nothing written");
    }
}

#[test]
fn a_csv_column_the_reader_does_not_know_is_an_error_not_ignored() {
    let dir = tempdir().unwrap();
    let dictionary = dir.path().join("weighted.csv");
    fs::write(&dictionary, "theme,pattern,weight\nsecurity,attack*,2\n").unwrap();
    textgauge()
        .args(["analyze", "seeds", "--themes"])
        .arg(&dictionary)
        .arg("--out")
        .arg(dir.path().join("out"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .assert()
        .code(2)
        .stderr(contains("unknown column `weight`"));
}

#[test]
fn nested_themes_roll_up_and_name_their_parent() {
    let dir = tempdir().unwrap();
    let dictionary = dir.path().join("nested.csv");
    fs::write(
        &dictionary,
        "theme,pattern\nsecurity/violence,attack*\nsecurity/violence,armed*\n\
         security/policing,police\nsecurity/policing,armed police\nsecurity,security\n",
    )
    .unwrap();
    let input = dir.path().join("piece.txt");
    fs::write(
        &input,
        "Armed police attacked protesters. The police said security was tight.",
    )
    .unwrap();
    let out = dir.path().join("out");
    textgauge()
        .arg("analyze")
        .arg(&input)
        .arg("--themes")
        .arg(&dictionary)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(out.join("themes.csv")).unwrap();
    let rows: Vec<(String, String, String)> = reader
        .deserialize::<BTreeMap<String, String>>()
        .map(|row| {
            let row = row.unwrap();
            (
                row["theme"].clone(),
                row["parent"].clone(),
                row["count"].clone(),
            )
        })
        .collect();
    // violence: armed, attacked; policing: armed police, police; security:
    // armed police (once, though both children match inside it), attacked,
    // police, security.
    let expected = [
        ("security", "", "4"),
        ("security/violence", "security", "2"),
        ("security/policing", "security", "2"),
    ]
    .map(|(t, p, n)| (t.to_owned(), p.to_owned(), n.to_owned()));
    assert_eq!(rows, expected);
}

#[test]
fn theme_negation_counts_negated_matches_apart() {
    let dir = tempdir().unwrap();
    let dictionary = dir.path().join("themes.csv");
    fs::write(
        &dictionary,
        "theme,pattern\nsecurity,attack*\nsecurity,threat*\n",
    )
    .unwrap();
    let input = dir.path().join("piece.txt");
    // attack (counted); "not an imminent threat" (negated: `not` three
    // words before); "don’t fear attacks" (negated, curly apostrophe);
    // "It was not. Attacks…" (counted: the negator is in the sentence
    // before); "no one doubts the threat" (counted: `no` four words before).
    fs::write(
        &input,
        "The attack came at night. It is not an imminent threat. We don\u{2019}t fear attacks. \
         It was not. Attacks followed. No one here doubts the threat.",
    )
    .unwrap();
    let run = |extra: &[&str], out: &str| -> BTreeMap<String, String> {
        let out = dir.path().join(out);
        textgauge()
            .arg("analyze")
            .arg(&input)
            .arg("--themes")
            .arg(&dictionary)
            .args(extra)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        let mut reader = csv::Reader::from_path(out.join("themes.csv")).unwrap();
        reader.deserialize().next().unwrap().unwrap()
    };
    let negation = run(&["--theme-negation"], "on");
    assert_eq!(
        (negation["count"].as_str(), negation["negated"].as_str()),
        ("3", "2")
    );
    assert_eq!(negation["matched_terms"], "attack:1; attacks:1; threat:1");
    let plain = run(&[], "off");
    assert_eq!(
        (plain["count"].as_str(), plain["negated"].as_str()),
        ("5", "0")
    );
}
