//! The merge property of the batch statistics: a batch cut into parts, each
//! part summarized on its own and the partial summaries merged (in order,
//! left to right or as a tree, or sent as bytes and merged in any order),
//! gives byte-identical batch reports to one pass over the whole batch.
//! This is what lets the statistics be reduced across threads or machines.

use proptest::prelude::*;
use textgauge::analysis::{analyze_document, Analysis, AnalysisRules, TermRules};
use textgauge::batch::{
    metric_decimals, metric_names, summarize, Batch, BatchPartial, DocumentStore,
};
use textgauge::config::{CsvStyle, GroupBy};
use textgauge::input::Document;
use textgauge::report::{build_tables, CsvExporter, TableOptions};
use textgauge::themes::{ThemeDictionary, ThemeLabel};

/// Sentences of common words (shared across documents, so that document
/// frequencies and group counts add up across parts) and made-up words (so
/// that each part's vocabulary has terms the others lack, and merging must
/// renumber them).
fn prose() -> impl Strategy<Value = String> {
    let common = prop::sample::select(vec![
        "the",
        "war",
        "peace",
        "minister",
        "said",
        "budget",
        "rule",
        "of",
        "law",
        "Kabul",
        "militants",
        "economy",
        "growth",
        "and",
        "fell",
        "rose",
        "2025",
        "corruption",
    ])
    .prop_map(str::to_owned);
    let word = prop_oneof![3 => common, 1 => "[a-z]{2,7}"];
    let sentence = prop::collection::vec(word, 1..12).prop_map(|words| words.join(" ") + ".");
    prop::collection::vec(sentence, 1..6).prop_map(|sentences| sentences.join(" "))
}

fn analyses(texts: &[(String, u8)]) -> Vec<Analysis> {
    let rules = AnalysisRules {
        terms: TermRules::new(textgauge::wordlists::english_stopwords(), false, (1, 2)),
        ..AnalysisRules::default()
    };
    let dictionary = ThemeDictionary::built_in();
    texts
        .iter()
        .enumerate()
        .map(|(i, (text, group))| {
            let id = format!("group{group}/{i}.txt");
            analyze_document(&Document::from_text(id, text, false), &dictionary, &rules)
        })
        .collect()
}

/// The partial of `analyses`, the first of which is at position `first` of
/// the batch.
fn partial_from(analyses: &mut [Analysis], themes: &[ThemeLabel], first: u64) -> BatchPartial {
    let mut partial =
        BatchPartial::new(metric_names(themes), metric_decimals(themes)).starting_at(first);
    for analysis in analyses {
        summarize(&mut partial, analysis, Some(&GroupBy::Folder));
    }
    partial
}

/// Every report of a batch, as CSV bytes.
fn report_bytes(batch: &Batch) -> Vec<(String, Vec<u8>)> {
    let exporter = CsvExporter {
        dir: Default::default(),
        style: CsvStyle::default(),
    };
    let options = TableOptions {
        all_terms: true,
        ..TableOptions::default()
    };
    build_tables(batch, options)
        .into_iter()
        .map(|table| (table.name.to_owned(), exporter.table_bytes(table).unwrap()))
        .collect()
}

/// Merge partials as a balanced tree, keeping their order.
fn tree_merge(mut partials: Vec<BatchPartial>) -> BatchPartial {
    while partials.len() > 1 {
        let mut next = Vec::new();
        let mut iter = partials.into_iter();
        while let Some(left) = iter.next() {
            next.push(match iter.next() {
                Some(right) => left.merge(right),
                None => left,
            });
        }
        partials = next;
    }
    partials.pop().unwrap()
}

/// A store holding every analysis in its temporary file.
fn spooled(analyses: Vec<Analysis>) -> DocumentStore {
    let mut store = DocumentStore::with_budget(0);
    for analysis in analyses {
        store.push(analysis).unwrap();
    }
    store.seal().unwrap();
    store
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merged_parts_give_the_statistics_of_the_whole(
        texts in prop::collection::vec((prose(), 0u8..3), 1..14),
        parts in prop::sample::select(vec![1usize, 2, 3, 7, 64]),
    ) {
        let themes = ThemeDictionary::built_in().labels();
        let whole = Batch::from_analyses(analyses(&texts), themes.clone(), Some(&GroupBy::Folder)).unwrap();
        let expected = report_bytes(&whole);

        let mut cut = analyses(&texts);
        let size = cut.len().div_ceil(parts).max(1);
        let partials: Vec<BatchPartial> = cut
            .chunks_mut(size)
            .enumerate()
            .map(|(i, chunk)| partial_from(chunk, &themes, (i * size) as u64))
            .collect();
        let left_to_right = partials.clone().into_iter().reduce(BatchPartial::merge).unwrap();
        // Reports are the same whether the analyses are in memory or in the
        // store's temporary file.
        let batch = Batch::from_partial(spooled(cut.clone()), left_to_right, themes.clone());
        prop_assert_eq!(&report_bytes(&batch), &expected);

        let kept = DocumentStore::from_analyses(cut).unwrap();
        let batch = Batch::from_partial(kept, tree_merge(partials), themes);
        prop_assert_eq!(&report_bytes(&batch), &expected);
    }
}

#[test]
fn the_merge_is_tested_on_every_batch_report() {
    let texts = vec![
        ("War and peace. The minister said.".to_owned(), 0),
        ("Growth rose and the economy grew.".to_owned(), 1),
    ];
    let themes = ThemeDictionary::built_in().labels();
    let batch = Batch::from_analyses(analyses(&texts), themes, Some(&GroupBy::Folder)).unwrap();
    let names: Vec<String> = report_bytes(&batch)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    for name in ["terms", "corpus_terms", "keyness", "compare", "groups"] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn partials_sent_as_bytes_and_merged_in_any_order_give_the_whole(
        texts in prop::collection::vec((prose(), 0u8..3), 1..14),
        parts in prop::sample::select(vec![1usize, 2, 3, 7, 64]),
        order in prop::collection::vec(any::<u32>(), 64),
    ) {
        let themes = ThemeDictionary::built_in().labels();
        let whole = Batch::from_analyses(analyses(&texts), themes.clone(), Some(&GroupBy::Folder)).unwrap();
        let expected = report_bytes(&whole);

        let mut cut = analyses(&texts);
        let size = cut.len().div_ceil(parts).max(1);
        let mut sent: Vec<(u32, Vec<u8>)> = cut
            .chunks_mut(size)
            .enumerate()
            .map(|(i, chunk)| {
                let partial = partial_from(chunk, &themes, (i * size) as u64);
                (order[i % order.len()], partial.to_bytes())
            })
            .collect();
        // Any order of arrival.
        sent.sort_by_key(|(key, _)| *key);
        let received: Vec<BatchPartial> = sent
            .iter()
            .map(|(_, bytes)| BatchPartial::from_bytes(bytes).unwrap())
            .collect();
        let merged = received.into_iter().reduce(|a, b| a.try_merge(b).unwrap()).unwrap();
        let batch = Batch::from_partial(DocumentStore::from_analyses(cut).unwrap(), merged, themes);
        prop_assert_eq!(&report_bytes(&batch), &expected);
    }
}

#[test]
fn bytes_that_are_not_a_partial_are_refused() {
    assert!(BatchPartial::from_bytes(b"not a partial").is_err());
    let themes = ThemeDictionary::built_in().labels();
    let bytes = BatchPartial::new(metric_names(&themes), metric_decimals(&themes)).to_bytes();
    assert!(BatchPartial::from_bytes(&bytes).is_ok());
    assert!(BatchPartial::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    let other = BatchPartial::new(vec!["words".into()], vec![0]);
    let ours = BatchPartial::from_bytes(&bytes).unwrap();
    assert!(ours.try_merge(other).is_err());
}
