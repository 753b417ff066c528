//! The batch layer end to end, on a batch small enough to compute by hand:
//! three documents in two folders, stopwords off so every word is a term.
//!
//! ```text
//! left/a.txt   "War war war peace."           4 words: war 3, peace 1
//! left/b.txt   "Peace and war."               3 words: peace 1, and 1, war 1
//! right/c.txt  "Trade and trade and peace."   5 words: trade 2, and 2, peace 1
//! batch: 12 words; war 4 (in 2 documents), and 3 (2), peace 3 (3), trade 2 (1)
//! ```

mod common;

use common::{analyze, read, rows};
use std::collections::HashMap;
use std::fs;
use std::path::Path;
use tempfile::tempdir;

type Row = HashMap<String, String>;

fn hand_batch(root: &Path) {
    fs::create_dir_all(root.join("left")).unwrap();
    fs::create_dir_all(root.join("right")).unwrap();
    fs::write(root.join("left/a.txt"), "War war war peace.").unwrap();
    fs::write(root.join("left/b.txt"), "Peace and war.").unwrap();
    fs::write(root.join("right/c.txt"), "Trade and trade and peace.").unwrap();
}

fn run(extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempdir().unwrap();
    let input = dir.path().join("in");
    hand_batch(&input);
    let out = dir.path().join("out");
    let mut args = vec!["--stopwords", "none"];
    args.extend_from_slice(extra);
    analyze(&input, &out, &args).success();
    (dir, out)
}

fn find<'a>(rows: &'a [Row], pairs: &[(&str, &str)]) -> &'a Row {
    rows.iter()
        .find(|row| pairs.iter().all(|(k, v)| row[*k] == *v))
        .unwrap_or_else(|| panic!("no row with {pairs:?} in {rows:#?}"))
}

#[test]
fn corpus_terms_count_rate_and_spread_every_term() {
    let (_dir, out) = run(&[]);
    let terms = rows(out.join("corpus_terms.csv"));
    let got: Vec<[&str; 5]> = terms
        .iter()
        .map(|r| {
            [
                r["term"].as_str(),
                r["count"].as_str(),
                r["per_million"].as_str(),
                r["doc_freq"].as_str(),
                r["idf"].as_str(),
            ]
        })
        .collect();
    // idf = log10(3 / doc_freq): log10(1.5) = 0.1761, log10(3) = 0.4771.
    assert_eq!(
        got,
        [
            ["war", "4", "333333.33", "2", "0.1761"],
            ["and", "3", "250000.00", "2", "0.1761"],
            ["peace", "3", "250000.00", "3", "0.0000"],
            ["trade", "2", "166666.67", "1", "0.4771"],
        ]
    );
}

#[test]
fn terms_carry_tf_idf_and_document_frequency() {
    let (_dir, out) = run(&[]);
    let terms = rows(out.join("terms.csv"));
    let war = find(&terms, &[("term", "war"), ("count", "3")]);
    assert!(war["document"].ends_with("left/a.txt"));
    assert_eq!(war["per_1000_words"], "750.00");
    assert_eq!(war["rank"], "1");
    // 3 × log10(3/2) = 0.52827
    assert_eq!(war["tf_idf"], "0.5283");
    assert_eq!(war["doc_freq"], "2");
    let trade = find(&terms, &[("term", "trade")]);
    assert_eq!(trade["tf_idf"], "0.9542", "2 × log10(3)");
    let peace = find(&terms, &[("term", "peace"), ("count", "1")]);
    assert_eq!(peace["tf_idf"], "0.0000", "in every document");
}

#[test]
fn document_keyness_against_the_rest_of_the_batch() {
    let (_dir, out) = run(&[]);
    let keyness = rows(out.join("keyness.csv"));
    // a.txt: war a=3 of c=4 words, rest b=1 of d=8. E1 = 4·4/12 = 1.333,
    // E2 = 2.667; G² = 2(3 ln(3/1.333) + 1 ln(1/2.667)) = 2.904;
    // log ratio = log2((3/4)/(1/8)) = log2 6 = 2.585; p = erfc(√(G²/2)) = 0.0884.
    // peace: 1/4 against 2/8, the same rate: G² = 0, not listed.
    let a: Vec<&Row> = keyness
        .iter()
        .filter(|r| r["document"].ends_with("a.txt"))
        .collect();
    assert_eq!(a.len(), 1, "{a:#?}");
    let war = a[0];
    assert_eq!(
        [
            &war["term"],
            &war["count"],
            &war["rest_count"],
            &war["g2"],
            &war["log_ratio"],
            &war["p_value"],
            &war["expected"],
            &war["rank"],
        ],
        ["war", "3", "1", "2.904", "2.585", "0.088364", "1.333", "1"]
    );
    // c.txt: trade (2 of 5 against 0 of 7) G² = 3.502, then `and` (2 of 5
    // against 1 of 7) G² = 0.761; peace is under-used (1/5 < 2/7): left out.
    let c: Vec<(&str, &str)> = keyness
        .iter()
        .filter(|r| r["document"].ends_with("c.txt"))
        .map(|r| (r["term"].as_str(), r["g2"].as_str()))
        .collect();
    assert_eq!(c, [("trade", "3.502"), ("and", "0.761")]);
    assert!(!keyness[0].contains_key("level"), "no level without groups");
}

#[test]
fn keyness_options_cut_rows() {
    let (_dir, out) = run(&["--min-g2", "3.84"]);
    assert!(
        rows(out.join("keyness.csv")).is_empty(),
        "no term passes p < 0.05 here"
    );
    let (_dir, out) = run(&["--top", "1"]);
    let keyness = rows(out.join("keyness.csv"));
    assert_eq!(
        keyness
            .iter()
            .filter(|r| r["document"].ends_with("c.txt"))
            .count(),
        1
    );
    let (_dir, out) = run(&["--min-count", "3"]);
    let corpus: Vec<String> = rows(out.join("corpus_terms.csv"))
        .into_iter()
        .map(|r| r["term"].clone())
        .collect();
    assert_eq!(corpus, ["war", "and", "peace"]);
}

#[test]
fn compare_places_each_document_in_the_batch() {
    let (_dir, out) = run(&[]);
    let compare = rows(out.join("compare.csv"));
    // words: 4, 3, 5 → mean 4, sd 1; z = 0, −1, 1; mid-rank percentiles
    // 100·(below + ½·equal)/3 = 50.0, 16.7, 83.3.
    let expected = [
        ("a.txt", "4", "0.000", "50.0"),
        ("b.txt", "3", "-1.000", "16.7"),
        ("c.txt", "5", "1.000", "83.3"),
    ];
    for (doc, value, z, percentile) in expected {
        let row = compare
            .iter()
            .find(|r| r["document"].ends_with(doc) && r["metric"] == "words")
            .unwrap();
        assert_eq!(row["value"], value);
        assert_eq!(row["mean"], "4.00");
        assert_eq!(row["sd"], "1.00");
        assert_eq!(row["z"], z);
        assert_eq!(row["percentile"], percentile);
    }
    let metrics: Vec<&str> = compare
        .iter()
        .filter(|r| r["document"].ends_with("a.txt"))
        .map(|r| r["metric"].as_str())
        .collect();
    for metric in [
        "flesch_reading_ease",
        "ttr",
        "mtld",
        "theme_security_violence_per_1000",
    ] {
        assert!(metrics.contains(&metric), "{metric}");
    }
    assert!(!metrics.contains(&"short_text"), "flags are not compared");
    assert!(
        !metrics.contains(&"dale_chall_grade"),
        "labels are not compared"
    );
}

#[test]
fn groups_by_folder_summarize_and_compare_groups() {
    let (_dir, out) = run(&["--group-by", "folder"]);
    let groups = rows(out.join("groups.csv"));
    let left = find(&groups, &[("group", "left"), ("metric", "words")]);
    // left: 4 and 3 words → mean 3.5, median 3.5, sd √0.5 = 0.7071.
    assert_eq!(
        [
            &left["n"],
            &left["mean"],
            &left["median"],
            &left["sd"],
            &left["min"],
            &left["max"]
        ],
        ["2", "3.50", "3.50", "0.71", "3", "4"]
    );
    let right = find(&groups, &[("group", "right"), ("metric", "words")]);
    assert_eq!(right["sd"], "", "one document has no standard deviation");
    let keyness = rows(out.join("keyness.csv"));
    // left (7 words) against right (5): war 4 against 0. E1 = 7·4/12 =
    // 2.333; G² = 2·4·ln(4/2.333) = 4.312; a zero count enters the log
    // ratio as 0.5: log2((4/7)/(0.5/5)) = 2.515; p = 0.0378.
    let war = find(
        &keyness,
        &[("level", "group"), ("document", "left"), ("term", "war")],
    );
    assert_eq!(
        [
            &war["count"],
            &war["rest_count"],
            &war["g2"],
            &war["log_ratio"],
            &war["p_value"]
        ],
        ["4", "0", "4.312", "2.515", "0.037845"]
    );
    let compare = rows(out.join("compare.csv"));
    assert!(compare[0]["document"].ends_with("left/a.txt"));
    assert_eq!(compare[0]["group"], "left");
    assert!(keyness.iter().any(|r| r["level"] == "document"));
}

#[test]
fn a_reference_corpus_replaces_the_rest_of_the_batch() {
    let dir = tempdir().unwrap();
    let input = dir.path().join("in");
    hand_batch(&input);
    let reference = dir.path().join("reference.txt");
    fs::write(&reference, "Peace peace peace and trade.").unwrap();
    let out = dir.path().join("out");
    let reference_arg = reference.to_str().unwrap();
    analyze(
        &input.join("left/a.txt"),
        &out,
        &["--stopwords", "none", "--reference", reference_arg],
    )
    .success();
    // war: 3 of 4 words against 0 of the reference's 5. E1 = 4·3/9 = 1.333;
    // G² = 2·3·ln(3/1.333) = 4.866; log ratio log2((3/4)/(0.5/5)) = 2.907.
    let keyness = rows(out.join("keyness.csv"));
    let war = find(&keyness, &[("term", "war")]);
    assert_eq!(
        [&war["rest_count"], &war["g2"], &war["log_ratio"]],
        ["0", "4.866", "2.907"]
    );
}

#[test]
fn stopwords_stems_and_ngrams_shape_the_terms_only() {
    let dir = tempdir().unwrap();
    let input = dir.path().join("piece.txt");
    fs::write(
        &input,
        "The rule of law matters. Ruling parties ignore the rule of law.",
    )
    .unwrap();
    let out = dir.path().join("out");
    analyze(&input, &out, &["--ngrams", "1-3", "--stem"]).success();
    let terms: Vec<(String, String)> = rows(out.join("terms.csv"))
        .into_iter()
        .map(|r| (r["term"].clone(), r["count"].clone()))
        .collect();
    let has = |term: &str, count: &str| terms.iter().any(|(t, c)| t == term && c == count);
    assert!(has("rule of law", "2"), "{terms:?}");
    assert!(has("rule", "3"), "rule, rule, ruling stem alike: {terms:?}");
    assert!(
        !terms.iter().any(|(t, _)| t == "the" || t == "of"),
        "{terms:?}"
    );
    let documents = rows(out.join("documents.csv"));
    assert_eq!(documents[0]["words"], "12", "readability counts every word");
    assert_eq!(documents[0]["unique_terms"], "8");
}

#[test]
fn a_stopword_file_replaces_the_built_in_list() {
    let dir = tempdir().unwrap();
    let input = dir.path().join("piece.txt");
    fs::write(&input, "The minister said the budget was fair.").unwrap();
    let list = dir.path().join("stop.txt");
    fs::write(&list, "# mine\nsaid, minister\n").unwrap();
    let out = dir.path().join("out");
    analyze(&input, &out, &["--stopwords", list.to_str().unwrap()]).success();
    let terms: Vec<String> = rows(out.join("terms.csv"))
        .into_iter()
        .map(|r| r["term"].clone())
        .collect();
    assert!(!terms.contains(&"said".to_owned()) && !terms.contains(&"minister".to_owned()));
    assert!(
        terms.contains(&"the".to_owned()),
        "the built-in list is not used"
    );
    let missing = dir.path().join("missing.txt");
    analyze(&input, &out, &["--stopwords", missing.to_str().unwrap()])
        .code(2)
        .stderr(predicates::str::contains("cannot read stopword list"));
}

#[test]
fn terms_keep_the_top_n_a_document_unless_all_are_asked_for() {
    let dir = tempdir().unwrap();
    let input = dir.path().join("piece.txt");
    let words: Vec<String> = (0..40).map(|i| format!("word{i}x")).collect();
    fs::write(&input, format!("{}.", words.join(" "))).unwrap();
    let out = dir.path().join("out");
    analyze(&input, &out, &[]).success();
    assert_eq!(rows(out.join("terms.csv")).len(), 25);
    analyze(&input, &out, &["--top", "5"]).success();
    assert_eq!(rows(out.join("terms.csv")).len(), 5);
    analyze(&input, &out, &["--all-terms"]).success();
    assert_eq!(rows(out.join("terms.csv")).len(), 40);
}

#[test]
fn bad_batch_options_are_refused_before_any_work() {
    let dir = tempdir().unwrap();
    let input = dir.path().join("piece.txt");
    fs::write(&input, "Some words.").unwrap();
    let out = dir.path().join("out");
    for (args, message) in [
        (&["--ngrams", "3-1"][..], "not an n-gram range"),
        (&["--ngrams", "0-2"][..], "not an n-gram range"),
        (
            &["--group-by", "author"][..],
            "no input has a metadata column `author`",
        ),
        (&["--mattr-window", "0"][..], "mattr-window"),
        (&["--top", "0"][..], "--top"),
        (&["--min-g2", "nan"][..], "not a finite number"),
        (&["--min-g2", "inf"][..], "not a finite number"),
    ] {
        analyze(&input, &out, args)
            .code(2)
            .stderr(predicates::str::contains(message));
    }
    assert!(!out.exists());
}

#[test]
fn one_document_alone_has_no_keyness_but_every_report() {
    let dir = tempdir().unwrap();
    let input = dir.path().join("piece.txt");
    fs::write(&input, "One lone piece of writing here.").unwrap();
    let out = dir.path().join("out");
    analyze(&input, &out, &[]).success();
    assert_eq!(
        read(out.join("keyness.csv")),
        "document,term,count,rest_count,g2,log_ratio,p_value,expected,rank\n"
    );
    let compare = rows(out.join("compare.csv"));
    let words = compare.iter().find(|r| r["metric"] == "words").unwrap();
    assert_eq!(words["sd"], "", "one value has no standard deviation");
    assert_eq!(words["z"], "");
    assert_eq!(words["percentile"], "50.0");
}

#[test]
fn a_document_without_words_is_reported_but_left_out_of_the_statistics() {
    let dir = tempdir().unwrap();
    let input = dir.path().join("in");
    hand_batch(&input);
    fs::create_dir_all(input.join("right")).unwrap();
    fs::write(input.join("right/d.txt"), "... !!! ---").unwrap();
    let out = dir.path().join("out");
    analyze(
        &input,
        &out,
        &["--stopwords", "none", "--group-by", "folder"],
    )
    .code(1)
    .stderr(predicates::str::contains("d.txt: no words found"));
    assert_eq!(rows(out.join("documents.csv")).len(), 4, "its row is kept");
    let compare = rows(out.join("compare.csv"));
    assert!(compare.iter().all(|r| !r["document"].ends_with("d.txt")));
    let words = find(&compare, &[("metric", "words")]);
    assert_eq!(
        words["mean"], "4.00",
        "the mean of 4, 3 and 5, not of 4, 3, 5 and 0"
    );
    let terms = rows(out.join("terms.csv"));
    let war = find(&terms, &[("term", "war"), ("count", "3")]);
    assert_eq!(war["tf_idf"], "0.5283", "N is 3 documents, not 4");
    let groups = rows(out.join("groups.csv"));
    let right = find(&groups, &[("group", "right"), ("metric", "words")]);
    assert_eq!(right["n"], "1");
}

#[test]
fn failures_in_the_reference_corpus_are_named_as_such() {
    let dir = tempdir().unwrap();
    let input = dir.path().join("in");
    hand_batch(&input);
    let reference = dir.path().join("reference");
    fs::create_dir_all(&reference).unwrap();
    fs::write(reference.join("good.txt"), "Peace and trade.").unwrap();
    fs::write(reference.join("binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    fs::write(reference.join("nowords.txt"), "... ---").unwrap();
    let out = dir.path().join("out");
    analyze(&input, &out, &["--reference", reference.to_str().unwrap()])
        .code(1)
        .stderr(predicates::str::contains(
            "binary.txt: reference corpus: looks like a binary file",
        ))
        .stderr(predicates::str::contains(
            "nowords.txt: reference corpus: no words found",
        ));
    let errors = rows(out.join("errors.csv"));
    assert_eq!(errors.len(), 2);
    assert!(errors
        .iter()
        .all(|r| r["message"].starts_with("reference corpus: ")));

    let empty = dir.path().join("empty_reference");
    fs::create_dir_all(&empty).unwrap();
    fs::write(empty.join("nowords.txt"), "... ---").unwrap();
    analyze(&input, &out, &["--reference", empty.to_str().unwrap()])
        .code(2)
        .stderr(predicates::str::contains(
            "no words could be read from the reference corpus",
        ));
}
