//! Every kind of input end to end: plain text, Markdown with front matter,
//! saved web pages, CSV and TSV rows, JSON lines, a metadata file, folder
//! filters; and a folder mixing them all, whose reports line their metadata
//! columns up.

mod common;

use common::{analyze, rows};
use predicates::str::contains;
use std::fs;
use std::path::Path;
use tempfile::tempdir;

fn mixed() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/inputs/mixed")
}

#[test]
fn csv_tsv_and_json_rows_are_documents_with_their_other_columns() {
    let dir = tempdir().unwrap();
    let p = dir.path();
    fs::write(
        p.join("a.csv"),
        "id,author,headline,text\nx1,Ann,Rates Rise,\"Rates rose, again. Savers cheered.\"\n",
    )
    .unwrap();
    fs::write(
        p.join("b.tsv"),
        "text\tdesk\nMarkets fell sharply.\tmoney\n",
    )
    .unwrap();
    fs::write(
        p.join("c.jsonl"),
        "{\"text\":\"Talks resumed in Geneva.\",\"tags\":[\"peace\",\"talks\"],\"score\":2}\n",
    )
    .unwrap();
    let out = p.join("out");
    analyze(
        p,
        &out,
        &["--id-column", "id", "--title-column", "headline"],
    )
    .code(1);
    // b.tsv has no `id` column: the whole file fails, naming its columns.
    let errors = rows(out.join("errors.csv"));
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["document"].ends_with("b.tsv"));
    assert_eq!(
        errors[0]["message"],
        "no column `id` (the columns are: text, desk); name the right one with --id-column"
    );
    analyze(p, &out, &[]).success();
    let documents = rows(out.join("documents.csv"));
    let ids: Vec<&str> = documents
        .iter()
        .map(|r| r["document"].rsplit('/').next().unwrap())
        .collect();
    assert_eq!(ids, ["a.csv#1", "b.tsv#1", "c.jsonl#1"]);
    let a = &documents[0];
    assert_eq!(a["id"], "x1", "without --id-column, `id` is metadata");
    assert_eq!(a["author"], "Ann");
    assert_eq!(a["headline"], "Rates Rise");
    assert_eq!(a["words"], "5");
    assert_eq!(documents[1]["desk"], "money");
    assert_eq!(documents[2]["tags"], "peace; talks");
    assert_eq!(
        documents[2]["score"], "'2",
        "text, kept from turning into a number"
    );
    assert_eq!(
        documents[1]["author"], "",
        "empty where a document has none"
    );
}

#[test]
fn a_row_id_and_title_come_from_the_named_columns() {
    let dir = tempdir().unwrap();
    let p = dir.path();
    fs::write(
        p.join("a.csv"),
        "id,author,headline,text\nx1,Ann,Rates Rise,\"Rates rose, again. Savers cheered.\"\nx2,Bo,,\n",
    )
    .unwrap();
    let out = p.join("out");
    analyze(
        &p.join("a.csv"),
        &out,
        &["--id-column", "id", "--title-column", "headline"],
    )
    .code(1)
    .stderr(contains(
        "a.csv#x2: row 2: the text (column `text`) is empty",
    ));
    let documents = rows(out.join("documents.csv"));
    assert_eq!(documents.len(), 1);
    assert!(documents[0]["document"].ends_with("a.csv#x1"));
    assert_eq!(documents[0]["title"], "Rates Rise");
    assert_eq!(documents[0]["author"], "Ann");
    assert!(!documents[0].contains_key("headline") && !documents[0].contains_key("id"));
}

#[test]
fn a_metadata_file_attaches_columns_to_plain_text() {
    let dir = tempdir().unwrap();
    let p = dir.path();
    fs::create_dir(p.join("in")).unwrap();
    fs::write(p.join("in/one.txt"), "Growth is slow this year.").unwrap();
    fs::write(p.join("in/two.txt"), "Prices rose again.").unwrap();
    fs::write(
        p.join("meta.csv"),
        "document,author,outlet\none.txt,Ann,Daily\nin/two.txt,Bo,Weekly\n",
    )
    .unwrap();
    let out = p.join("out");
    let meta = p.join("meta.csv");
    analyze(
        &p.join("in"),
        &out,
        &["--metadata", meta.to_str().unwrap(), "--group-by", "outlet"],
    )
    .success();
    let documents = rows(out.join("documents.csv"));
    assert_eq!(
        [&documents[0]["author"], &documents[0]["outlet"]],
        ["Ann", "Daily"]
    );
    let groups: Vec<String> = rows(out.join("groups.csv"))
        .into_iter()
        .filter(|r| r["metric"] == "words")
        .map(|r| r["group"].clone())
        .collect();
    assert_eq!(groups, ["Daily", "Weekly"]);
    analyze(&p.join("in"), &out, &["--group-by", "author"])
        .code(2)
        .stderr(contains(
            "--group-by author: no input has a metadata column `author` (the columns are: none)",
        ));
}

#[test]
fn folder_filters_choose_the_files() {
    let dir = tempdir().unwrap();
    let p = dir.path();
    fs::create_dir_all(p.join("in/drafts")).unwrap();
    for name in ["a.txt", "b.md", "drafts/c.txt", "notes.text"] {
        fs::write(p.join("in").join(name), "Some words of prose here.").unwrap();
    }
    let ids = |extra: &[&str]| -> Vec<String> {
        let out = p.join("out");
        analyze(&p.join("in"), &out, extra).success();
        rows(out.join("documents.csv"))
            .into_iter()
            .map(|r| r["document"].rsplit("in/").next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(&[]), ["a.txt", "b.md", "drafts/c.txt"]);
    assert_eq!(ids(&["--exclude", "drafts/**"]), ["a.txt", "b.md"]);
    assert_eq!(ids(&["--include", "*.txt"]), ["a.txt", "drafts/c.txt"]);
    assert_eq!(ids(&["--ext", "text,md"]), ["b.md", "notes.text"]);
    analyze(&p.join("in"), &p.join("out"), &["--include", "[bad"])
        .code(2)
        .stderr(contains("--include [bad"));
}

#[test]
fn a_folder_mixing_every_kind_lines_its_metadata_up() {
    let dir = tempdir().unwrap();
    let out = dir.path().join("out");
    let args = [
        "--id-column",
        "id",
        "--id-field",
        "id",
        "--title-field",
        "headline",
        "--group-by",
        "outlet",
    ];
    analyze(&mixed(), &out, &args).success();
    let documents = rows(out.join("documents.csv"));
    let ids: Vec<&str> = documents
        .iter()
        .map(|r| r["document"].rsplit("mixed/").next().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "01-harbour.txt",
            "02-schools.md",
            "03-water.html",
            "04-letters.csv#L-101",
            "04-letters.csv#L-102",
            "05-wire.jsonl#w1",
            "05-wire.jsonl#w2",
        ]
    );
    let by_id = |suffix: &str| {
        documents
            .iter()
            .find(|r| r["document"].ends_with(suffix))
            .unwrap()
    };
    let titles: Vec<&str> = documents.iter().map(|r| r["title"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "The Harbour Plan Needs a Second Look",
            "Small Schools Are Not a Luxury",
            "Who Pays for Clean Water?",
            "",
            "",
            "Port Strike Enters Second Week",
            "Ferry Fares to Rise",
        ]
    );
    let schools = by_id("02-schools.md");
    assert_eq!(schools["author"], "Priya Natarajan");
    assert_eq!(schools["date"], "'2025-03-14", "a date stays text");
    assert_eq!(schools["tags"], "education; rural policy");
    let water = by_id("03-water.html");
    assert_eq!(water["author"], "Tomás Ruiz");
    assert_eq!(
        water["url"],
        "https://civic-ledger.example/opinion/who-pays-for-clean-water"
    );
    assert_eq!(water["outlet"], "", "a page has no `outlet`, only `site`");
    let letter = by_id("04-letters.csv#L-101");
    assert_eq!(
        [&letter["author"], &letter["outlet"]],
        ["Grace Obi", "The Valley Review"]
    );
    let wire = by_id("05-wire.jsonl#w2");
    assert_eq!(
        [&wire["url"], &wire["author"]],
        ["https://wire.example/ferry", ""]
    );
    // Every row has every metadata column, in the same place.
    let header: Vec<String> = csv::Reader::from_path(out.join("documents.csv"))
        .unwrap()
        .headers()
        .unwrap()
        .iter()
        .map(String::from)
        .collect();
    let title_at = header.iter().position(|h| h == "title").unwrap();
    for column in ["author", "date", "outlet", "tags", "url"] {
        let at = header.iter().position(|h| h == column).unwrap();
        assert!(
            at > 0 && at < title_at,
            "{column} sits between document and title"
        );
    }
    let compare_header: Vec<String> = csv::Reader::from_path(out.join("compare.csv"))
        .unwrap()
        .headers()
        .unwrap()
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        compare_header[1..title_at],
        header[1..title_at],
        "the same metadata columns"
    );
    // The page's furniture is not counted.
    let terms = rows(out.join("corpus_terms.csv"));
    for furniture in ["cookies", "facebook", "rivers"] {
        assert!(terms.iter().all(|r| r["term"] != furniture), "{furniture}");
    }
    let groups: std::collections::BTreeSet<String> = rows(out.join("groups.csv"))
        .into_iter()
        .map(|r| r["group"].clone())
        .collect();
    let groups: Vec<&str> = groups.iter().map(String::as_str).collect();
    assert_eq!(
        groups,
        [
            "(none)",
            "Harbour Wire",
            "The Civic Ledger",
            "The Valley Review"
        ]
    );
}

#[test]
fn web_page_and_markdown_structure_reaches_the_counts_unguessed() {
    let dir = tempdir().unwrap();
    let p = dir.path();
    let page = "<html><body><article><h1>Rates</h1>\
        <p>Rates rose again this week</p>\
        <h2>Why it matters</h2>\
        <p>Savers gain. Borrowers lose.</p>\
        <ul><li>Mortgages cost more</li><li>Rents follow</li><li>Deposits pay</li></ul>\
        <blockquote><p>It is a squeeze, one banker said.</p></blockquote>\
        </article></body></html>";
    fs::write(p.join("page.html"), page).unwrap();
    let markdown = "# Rates\n\nRates rose again this week\n\n## Why it matters\n\n\
        Savers gain. Borrowers lose.\n\n- Mortgages cost more\n- Rents follow\n- Deposits pay\n\n\
        > It is a squeeze, one banker said.\n";
    fs::write(p.join("draft.md"), markdown).unwrap();
    let out = p.join("out");
    analyze(p, &out, &["--sentences"]).success();
    let documents = rows(out.join("documents.csv"));
    assert_eq!(documents.len(), 2);
    for document in &documents {
        // Paragraph, paragraph, the list (once), the quote; not the heading.
        assert_eq!(document["paragraphs"], "4", "{}", document["document"]);
        // Unpunctuated paragraph, heading, two, three items, the quote.
        assert_eq!(document["sentences"], "8", "{}", document["document"]);
    }
    let sentences = rows(out.join("sentences.csv"));
    let of_page: Vec<&str> = sentences
        .iter()
        .filter(|r| r["document"].ends_with("page.html"))
        .map(|r| r["text"].as_str())
        .collect();
    assert_eq!(
        of_page,
        [
            "Rates rose again this week",
            "Why it matters",
            "Savers gain.",
            "Borrowers lose.",
            "Mortgages cost more",
            "Rents follow",
            "Deposits pay",
            "It is a squeeze, one banker said."
        ]
    );
}

#[test]
fn a_line_of_white_space_separates_paragraphs_in_every_report() {
    let dir = tempdir().unwrap();
    let p = dir.path();
    fs::write(
        p.join("a.txt"),
        "The first part is here.\n \t \nSecond part here.",
    )
    .unwrap();
    let out = p.join("out");
    analyze(p, &out, &["--sentences"]).success();
    let documents = rows(out.join("documents.csv"));
    assert_eq!(documents[0]["paragraphs"], "2");
    assert_eq!(documents[0]["sentences"], "2");
    let sentences = rows(out.join("sentences.csv"));
    let texts: Vec<&str> = sentences.iter().map(|r| r["text"].as_str()).collect();
    assert_eq!(texts, ["The first part is here.", "Second part here."]);
}
