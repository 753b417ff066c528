//! Theme dictionaries in the formats researchers bring: LIWC-style `.dic`
//! files (a realistic one and a deliberately irregular one, in
//! `tests/dictionaries/`), counted on small hand-counted texts; errors
//! that name the file and line and write nothing.

mod common;

use common::textgauge;
use predicates::str::contains;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::tempdir;

/// Analyze `text` with the dictionary `dictionary` and `extra` options,
/// without the commentary pack (tested on its own in `tests/commentary.rs`);
/// the run's stderr and its reports' folder (inside `dir`).
fn analyzed(dir: &Path, text: &str, dictionary: &Path, extra: &[&str]) -> (String, PathBuf) {
    let input = dir.join("piece.txt");
    fs::write(&input, text).unwrap();
    let out = dir.join(format!("out{}", extra.join("")));
    let run = textgauge()
        .arg("analyze")
        .arg(&input)
        .arg("--themes")
        .arg(dictionary)
        .args(extra)
        .arg("--no-commentary")
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    (stderr, out)
}

/// The rows of one report, each column → value.
fn report(out: &Path, name: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(out.join(name)).unwrap();
    reader.deserialize().map(Result::unwrap).collect()
}

/// `themes.csv` of `text` analyzed with the dictionary `dictionary`:
/// theme → count, in the file's order of themes.
fn theme_counts(text: &str, dictionary: &Path) -> Vec<(String, usize)> {
    let dir = tempdir().unwrap();
    let (_, out) = analyzed(dir.path(), text, dictionary, &[]);
    report(&out, "themes.csv")
        .into_iter()
        .map(|row| (row["theme"].clone(), row["count"].parse().unwrap()))
        .collect()
}

/// `kwic.csv`'s sentence, left context, match and right context, a row each.
fn kwic_contexts(out: &Path) -> Vec<[String; 4]> {
    report(out, "kwic.csv")
        .into_iter()
        .map(|row| {
            [&row["sentence"], &row["left"], &row["match"], &row["right"]].map(String::clone)
        })
        .collect()
}

/// Run with the dictionary `dictionary`, which must be refused (exit 2)
/// with a message holding `message`, writing nothing.
fn refused(dictionary: &Path, message: &str) {
    let out = dictionary.with_extension("out");
    textgauge()
        .args(["analyze", "seeds", "--themes"])
        .arg(dictionary)
        .arg("--out")
        .arg(&out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .assert()
        .code(2)
        .stderr(contains(message));
    assert!(!out.exists(), "{message}: nothing written");
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/dictionaries")
        .join(name)
}

fn counts(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
    pairs.iter().map(|(t, n)| ((*t).to_owned(), *n)).collect()
}

/// A commentary paragraph for the dictionaries in `tests/dictionaries/`:
/// hedging: may, might; boosters: clearly, without doubt; attribution:
/// officials say, according to, said; economy: budget, interest rates
/// (`interest rate*`), taxes.
const COMMENTARY: &str = "Officials say the budget may rise. According to the minister, \
                          interest rates will clearly fall. Taxes might rise, she said, \
                          without doubt.";

#[test]
fn a_liwc_dictionary_counts_words_prefixes_and_phrases() {
    let found = theme_counts(COMMENTARY, &fixture("commentary.dic"));
    let expected = [
        ("hedging", 2),
        ("boosters", 2),
        ("attribution", 3),
        ("economy", 3),
    ];
    assert_eq!(found, counts(&expected));
}

#[test]
fn a_yaml_dictionary_nests_its_keys() {
    let found = theme_counts(COMMENTARY, &fixture("commentary.yml"));
    // As with the same entries in commentary.dic; `stance` holds its
    // children's four.
    let nested = [("stance", 4), ("stance/hedging", 2), ("stance/boosters", 2)];
    let expected = [nested.as_slice(), &[("attribution", 3), ("economy", 3)]].concat();
    assert_eq!(found, counts(&expected));
    let dir = tempdir().unwrap();
    let broken = dir.path().join("broken.yaml");
    fs::write(&broken, "security:\n  - attack\n  - [bomb, war]\n").unwrap();
    refused(&broken, "broken.yaml, line 3");
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
    // 25 words; in a theme: good, great, bad, crisis, worse, like,
    // definitely, Good, for sure (10; `good` is in two themes, once here).
    let text = "It was a good day and a great one. Then things got bad, and the crisis \
                got worse. I like it, definitely. Good for sure.";
    let (_, out) = analyzed(dir.path(), text, &fixture("irregular.dic"), &[]);
    let row = &report(&out, "documents.csv")[0];
    assert_eq!(row["words"], "25");
    assert_eq!(row["theme_words"], "10");
    assert_eq!(row["dictionary_coverage"], "0.4000");
}
#[test]
fn the_entries_left_out_are_said() {
    let dir = tempdir().unwrap();
    let (stderr, _) = analyzed(dir.path(), "I like it.", &fixture("irregular.dic"), &[]);
    assert!(
        stderr.contains("irregular.dic: 2 conditional category reference(s)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("irregular.dic: 1 entr(ies) with no word in them"),
        "{stderr}"
    );
}

#[test]
fn what_a_dic_file_cannot_say_is_an_error_naming_its_line() {
    let dir = tempdir().unwrap();
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
        refused(&dictionary, &format!("{case}.dic, {line}"));
        refused(&dictionary, message);
    }
}

#[test]
fn a_csv_column_the_reader_does_not_know_is_an_error_not_ignored() {
    let dir = tempdir().unwrap();
    let dictionary = dir.path().join("weighted.csv");
    fs::write(&dictionary, "theme,pattern,weigth\nsecurity,attack*,2\n").unwrap();
    refused(&dictionary, "unknown column `weigth`");
}

#[test]
fn a_dicx_dictionary_counts_as_its_dic_twin() {
    // The LIWC-22 layout, saved with a byte-order mark and Windows line ends.
    let found = theme_counts(COMMENTARY, &fixture("commentary.dicx"));
    assert_eq!(found, theme_counts(COMMENTARY, &fixture("commentary.dic")));
    assert_eq!(found[2], ("attribution".to_owned(), 3));
}

/// A piece for the weighted dictionaries (21 words): tone matches good (2),
/// bad (-1.5), costly (-1), mistake (-0.5) and very bad (-3, the longest
/// match, so its `bad` is not counted again): 5 matches, weighted -4;
/// economy matches reform (0.5) and costly (1): 2 matches, weighted 1.5.
const WEIGHTED: &str = "The reform is a good step, though critics call it a bad and costly \
                        mistake. A very bad one, they said.";

#[test]
fn weighted_dictionaries_add_a_weighted_score_beside_the_count() {
    for name in ["tone_weighted.csv", "tone_weighted.dicx"] {
        let dir = tempdir().unwrap();
        let (_, out) = analyzed(dir.path(), WEIGHTED, &fixture(name), &[]);
        let rows: Vec<[String; 4]> = report(&out, "themes.csv")
            .into_iter()
            .map(|row| {
                let cells = [&row["theme"], &row["count"], &row["weighted"]];
                let [theme, count, weighted] = cells.map(String::clone);
                [
                    theme,
                    count,
                    weighted,
                    row["weighted_per_1000_words"].clone(),
                ]
            })
            .collect();
        let expected = [
            ["tone", "5", "-4.0000", "-190.48"],
            ["economy", "2", "1.5000", "71.43"],
        ];
        assert_eq!(rows, expected.map(|r| r.map(str::to_owned)), "{name}");
    }
}

#[test]
fn a_dicx_file_that_cannot_be_read_names_its_line_and_category() {
    let dir = tempdir().unwrap();
    let dictionary = dir.path().join("broken.dicx");
    fs::write(&dictionary, "DicTerm,tone,economy\ngood,2,\nbad,yes,\n").unwrap();
    refused(&dictionary, "line 3: entry `bad`, category `tone`");
    let wrong = dir.path().join("wrong.dicx");
    fs::write(&wrong, "Word,tone\ngood,X\n").unwrap();
    refused(
        &wrong,
        "line 1: a .dicx file's first column is headed `DicTerm`",
    );
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
    let text = "Armed police attacked protesters. The police said security was tight.";
    let (_, out) = analyzed(dir.path(), text, &dictionary, &[]);
    let rows: Vec<[String; 3]> = report(&out, "themes.csv")
        .into_iter()
        .map(|row| [&row["theme"], &row["parent"], &row["count"]].map(String::clone))
        .collect();
    // violence: armed, attacked; policing: armed police, police; security:
    // armed police (once, though both children match inside it), attacked,
    // police, security.
    let expected = [
        ["security", "", "4"],
        ["security/violence", "security", "2"],
        ["security/policing", "security", "2"],
    ]
    .map(|row| row.map(str::to_owned));
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
    // attack (counted); "not an imminent threat" (negated: `not` three
    // words before); "don’t fear attacks" (negated, curly apostrophe);
    // "It was not. Attacks…" (counted: the negator is in the sentence
    // before); "no one here doubts the threat" (counted: `no` four words before).
    let text = "The attack came at night. It is not an imminent threat. We don\u{2019}t fear \
                attacks. It was not. Attacks followed. No one here doubts the threat.";
    let themes = |extra: &[&str]| {
        let (_, out) = analyzed(dir.path(), text, &dictionary, extra);
        report(&out, "themes.csv").remove(0)
    };
    let negation = themes(&["--theme-negation"]);
    assert_eq!(
        (negation["count"].as_str(), negation["negated"].as_str()),
        ("3", "2")
    );
    assert_eq!(negation["matched_terms"], "attack:1; attacks:1; threat:1");
    let plain = themes(&[]);
    assert_eq!(
        (plain["count"].as_str(), plain["negated"].as_str()),
        ("5", "0")
    );
}

#[test]
fn kwic_shows_each_match_in_its_sentence() {
    let dir = tempdir().unwrap();
    let text = "Officials say the budget may rise. According to the minister, interest \
                rates will clearly fall.";
    let (_, out) = analyzed(
        dir.path(),
        text,
        &fixture("commentary.dic"),
        &["--kwic", "--kwic-window", "2"],
    );
    let rows: Vec<[String; 5]> = report(&out, "kwic.csv")
        .into_iter()
        .map(|row| {
            assert_eq!(row["negated"], "0");
            [
                &row["sentence"],
                &row["theme"],
                &row["left"],
                &row["match"],
                &row["right"],
            ]
            .map(String::clone)
        })
        .collect();
    // In each sentence, matches by their first word, then theme order;
    // two words of the sentence either side, as written.
    let expected = [
        ["1", "attribution", "", "Officials say", "the budget"],
        ["1", "economy", "say the", "budget", "may rise"],
        ["1", "hedging", "the budget", "may", "rise"],
        ["2", "attribution", "", "According to", "the minister"],
        [
            "2",
            "economy",
            "the minister",
            "interest rates",
            "will clearly",
        ],
        ["2", "boosters", "rates will", "clearly", "fall"],
    ]
    .map(|row| row.map(str::to_owned));
    assert_eq!(rows, expected);
    // Without --kwic there is no kwic.csv.
    let (_, plain) = analyzed(dir.path(), text, &fixture("commentary.dic"), &[]);
    assert!(!plain.join("kwic.csv").exists());
}

#[test]
fn kwic_context_is_exact_when_a_sentence_opens_with_a_quote_and_holds_a_pound_sign() {
    // The sentence starts before its first word (a quotation mark) and
    // holds multi-byte characters: the context is still cut at words.
    let dir = tempdir().unwrap();
    let text = "\u{201c}Taxes rose,\u{201d} she said. The \u{a3}2bn budget fell, officials say.";
    let (_, out) = analyzed(dir.path(), text, &fixture("commentary.dic"), &["--kwic"]);
    let rows = kwic_contexts(&out);
    let expected = [
        ["1", "", "Taxes", "rose,\u{201d} she said"],
        ["1", "Taxes rose,\u{201d} she", "said", ""],
        ["2", "The \u{a3}2bn", "budget", "fell, officials say"],
        ["2", "The \u{a3}2bn budget fell", "officials say", ""],
    ]
    .map(|row| row.map(str::to_owned));
    assert_eq!(rows, expected);
}

#[test]
fn kwic_context_stops_at_a_glued_sentence_end() {
    // `rose.Critics` is one word that the sentence rules cut in two: its
    // first sentence's context ends at the full stop.
    let dir = tempdir().unwrap();
    let text = "Taxes rose.Critics said so.";
    let (_, out) = analyzed(dir.path(), text, &fixture("commentary.dic"), &["--kwic"]);
    let rows = kwic_contexts(&out);
    let expected =
        [["1", "", "Taxes", "rose."], ["2", "", "said", "so"]].map(|row| row.map(str::to_owned));
    assert_eq!(rows, expected);
}
