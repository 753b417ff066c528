//! The commentary pack (hedging, boosters, attribution, concession,
//! first-person stance), run through the real binary on a small
//! hand-counted piece: its rates in `documents.csv`, its rows in
//! `themes.csv` and `kwic.csv`, its place outside `dictionary_coverage`,
//! and `textgauge themes --list`.

mod common;

use common::textgauge;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::tempdir;

/// 40 words. Hand-counted:
/// - hedging 5: `may` (lower case), `arguably`, `might`, `May` opening
///   the fourth sentence, `might`; not `May` the month inside the first;
/// - boosters 2: `clearly`, `of course`;
/// - attribution 2: `said`, `According to`;
/// - concession 2: `although`, `of course`;
/// - first person 3: `We`, `I`, `we`; not `US` (in capitals), inside a
///   sentence or opening one.
const PIECE: &str = "In May, officials said the US economy may slow. We think it is \
                     clearly fragile, although the data are arguably mixed. According \
                     to analysts, the outlook might improve; of course, I doubt it. \
                     May we hope? US voters might not.";

/// Analyze [`PIECE`] with `extra` options; its reports' folder.
fn analyzed(dir: &Path, extra: &[&str]) -> PathBuf {
    let input = dir.join("piece.txt");
    fs::write(&input, PIECE).unwrap();
    let out = dir.join("out");
    textgauge()
        .arg("analyze")
        .arg(&input)
        .args(extra)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    out
}

/// The rows of one report, each column → value.
fn report(out: &Path, name: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(out.join(name)).unwrap();
    reader.deserialize().map(Result::unwrap).collect()
}

const PACK: [(&str, usize); 5] = [
    ("hedging", 5),
    ("boosters", 2),
    ("attribution", 2),
    ("concession", 2),
    ("first_person", 3),
];

#[test]
fn the_pack_counts_stance_markers_and_reports_their_rates() {
    let dir = tempdir().unwrap();
    let out = analyzed(dir.path(), &["--kwic"]);
    let documents = report(&out, "documents.csv");
    assert_eq!(documents[0]["words"], "40");
    for (theme, count) in PACK {
        let rate = format!("{:.2}", count as f64 * 1000.0 / 40.0);
        assert_eq!(documents[0][&format!("{theme}_per_1000")], rate, "{theme}");
    }
    let themes: Vec<(String, String)> = report(&out, "themes.csv")
        .into_iter()
        .filter(|row| row["dictionary"] == "commentary")
        .map(|row| (row["theme"].clone(), row["count"].clone()))
        .collect();
    let expected: Vec<(String, String)> = PACK
        .iter()
        .map(|(t, n)| ((*t).to_owned(), n.to_string()))
        .collect();
    assert_eq!(themes, expected);
    let hedges: Vec<(String, String)> = report(&out, "kwic.csv")
        .into_iter()
        .filter(|row| row["theme"] == "hedging")
        .map(|row| (row["sentence"].clone(), row["match"].clone()))
        .collect();
    let expected = [
        ("1", "may"),
        ("2", "arguably"),
        ("3", "might"),
        ("4", "May"),
        ("5", "might"),
    ];
    assert_eq!(hedges, expected.map(|(s, m)| (s.to_owned(), m.to_owned())));
}

#[test]
fn the_pack_stays_out_of_coverage_and_can_be_left_out() {
    let dir = tempdir().unwrap();
    let dictionary = dir.path().join("economy.csv");
    fs::write(
        &dictionary,
        "theme,pattern\neconomy,economy\neconomy,data\n",
    )
    .unwrap();
    let themes = ["--themes", dictionary.to_str().unwrap()];
    let out = analyzed(dir.path(), &themes);
    let row = &report(&out, "documents.csv")[0];
    assert_eq!(row["theme_words"], "2", "economy, data: no stance marker");
    assert_eq!(row["dictionary_coverage"], format!("{:.4}", 2.0 / 40.0));
    assert_eq!(row["hedging_per_1000"], "125.00");
    let without = dir.path().join("without");
    fs::create_dir(&without).unwrap();
    let out = analyzed(&without, &[&themes[..], &["--no-commentary"]].concat());
    let row = &report(&out, "documents.csv")[0];
    assert!(!row.contains_key("hedging_per_1000"));
    assert_eq!(row["dictionary_coverage"], format!("{:.4}", 2.0 / 40.0));
    let names: Vec<String> = report(&out, "themes.csv")
        .into_iter()
        .map(|r| r["theme"].clone())
        .collect();
    assert_eq!(names, ["economy"]);
}

#[test]
fn the_list_gives_every_built_in_dictionary_and_its_size() {
    let list = textgauge().args(["themes", "--list"]).output().unwrap();
    assert!(list.status.success());
    let mut reader = csv::Reader::from_reader(list.stdout.as_slice());
    let rows: Vec<BTreeMap<String, String>> = reader.deserialize().map(Result::unwrap).collect();
    let names: Vec<&str> = rows.iter().map(|r| r["dictionary"].as_str()).collect();
    assert_eq!(
        names,
        [
            "themes",
            "hedging",
            "boosters",
            "attribution",
            "concession",
            "first_person"
        ]
    );
    for row in &rows {
        // The size is the printed dictionary's rows.
        let name = &row["dictionary"];
        let printed = textgauge().args(["themes", name]).output().unwrap().stdout;
        let text = String::from_utf8(printed).unwrap();
        let patterns = text.lines().filter(|l| !l.starts_with('#')).count() - 1;
        assert_eq!(row["patterns"], patterns.to_string(), "{name}");
        assert!(!row["summary"].is_empty());
    }
}

#[test]
fn a_printed_pack_dictionary_reads_back_with_its_case_rules() {
    let dir = tempdir().unwrap();
    let printed = textgauge().args(["themes", "hedging"]).output().unwrap();
    let file = dir.path().join("hedging.csv");
    fs::write(&file, printed.stdout).unwrap();
    let out = analyzed(
        dir.path(),
        &["--themes", file.to_str().unwrap(), "--no-commentary"],
    );
    let row = &report(&out, "themes.csv")[0];
    assert_eq!(
        (row["theme"].as_str(), row["count"].as_str()),
        ("hedging", "5")
    );
}
