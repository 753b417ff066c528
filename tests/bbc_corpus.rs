//! The batch layer on real news: the BBC corpus (2,225 articles in five
//! topic folders, ../shared/corpora/bbc beside the repository; it is not
//! part of it, so a fresh clone skips this test and says so). Grouped by
//! folder, every report is written, and the key terms of each topic group
//! against the others are that topic's words.

mod common;

use common::{analyze, rows};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let path = std::env::var_os("TEXTGAUGE_BBC_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc"));
    path.join("sport").is_dir().then_some(path)
}

/// The group-level key terms of `group`, best first.
fn group_key_terms(keyness: &[HashMap<String, String>], group: &str) -> Vec<String> {
    keyness
        .iter()
        .filter(|r| r["level"] == "group" && r["document"] == group)
        .map(|r| r["term"].clone())
        .collect()
}

fn overlap(found: &[String], expected: &[&str]) -> Vec<String> {
    found
        .iter()
        .filter(|term| expected.contains(&term.as_str()))
        .cloned()
        .collect()
}

#[test]
fn topic_groups_of_the_bbc_corpus_have_their_topics_key_terms() {
    let Some(corpus) = corpus() else {
        // Written past the test harness's capture, so that it shows.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED BBC corpus test: the corpus is not at ../shared/corpora/bbc \
             (set TEXTGAUGE_BBC_CORPUS to its folder to run it)"
        );
        return;
    };
    let out = tempfile::tempdir().unwrap();
    analyze(&corpus, out.path(), &["--group-by", "folder", "--quiet"]).success();
    for report in [
        "documents",
        "terms",
        "themes",
        "corpus_terms",
        "keyness",
        "compare",
        "groups",
    ] {
        assert!(
            out.path().join(format!("{report}.csv")).is_file(),
            "{report}"
        );
    }
    let keyness = rows(out.path().join("keyness.csv"));
    let sport = group_key_terms(&keyness, "sport");
    let business = group_key_terms(&keyness, "business");
    assert_eq!(sport.len(), 25, "the top 25 a group");
    let sport_words = [
        "cup", "coach", "win", "match", "game", "rugby", "season", "team", "league", "players",
        "injury", "champion", "olympic", "club", "final",
    ];
    let business_words = [
        "oil",
        "growth",
        "bank",
        "shares",
        "economy",
        "market",
        "company",
        "prices",
        "sales",
        "firm",
        "stock",
        "analysts",
        "financial",
        "profits",
        "economic",
    ];
    assert!(overlap(&sport, &sport_words).len() >= 8, "sport: {sport:?}");
    assert!(
        overlap(&business, &business_words).len() >= 8,
        "business: {business:?}"
    );
    assert!(
        overlap(&sport, &business_words).is_empty(),
        "sport: {sport:?}"
    );
    assert!(
        overlap(&business, &sport_words).is_empty(),
        "business: {business:?}"
    );

    let groups = rows(out.path().join("groups.csv"));
    let sport_words_row = groups
        .iter()
        .find(|r| r["group"] == "sport" && r["metric"] == "words")
        .unwrap();
    assert_eq!(sport_words_row["n"], "511", "511 sport articles");
    let compare = rows(out.path().join("compare.csv"));
    assert!(compare.iter().all(|r| !r["group"].is_empty()));
}
