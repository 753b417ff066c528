//! The merge property of the batch statistics, as a cluster uses it: a
//! batch cut into parts, each part summarized on its own, the partial
//! summaries sent as bytes and merged in any order and grouping, then each
//! part's documents written against the merged statistics and the parts'
//! rows put together, gives byte-identical reports to one pass over the
//! whole batch.

use proptest::prelude::*;
use std::sync::Arc;
use textgauge::analysis::{analyze_document, Analysis, AnalysisRules, TermRules};
use textgauge::batch::{
    group_of, metric_decimals, metric_names, summarize, Batch, BatchPartial, BatchStats,
    KeynessRules,
};
use textgauge::config::{CsvStyle, GroupBy};
use textgauge::input::Document;
use textgauge::report::parts::{assemble, part_rows, report_frames};
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

fn options() -> TableOptions {
    options_with_min_count(1)
}

fn options_with_min_count(min_count: u64) -> TableOptions {
    let defaults = TableOptions::default();
    TableOptions {
        all_terms: true,
        sentences: true,
        kwic: true,
        keyness: KeynessRules {
            min_count,
            ..defaults.keyness
        },
        ..defaults
    }
}

/// Every report of a batch, as CSV bytes.
fn report_bytes(batch: &Batch) -> Vec<(String, Vec<u8>)> {
    report_bytes_with(batch, options())
}

fn report_bytes_with(batch: &Batch, options: TableOptions) -> Vec<(String, Vec<u8>)> {
    let exporter = CsvExporter {
        dir: Default::default(),
        style: CsvStyle::default(),
    };
    build_tables(batch, options)
        .into_iter()
        .map(|table| (table.name.to_owned(), exporter.table_bytes(table).unwrap()))
        .collect()
}

/// The first pass over one part: its partial summary.
fn partial_of(mut part: Vec<Analysis>, themes: &[ThemeLabel]) -> BatchPartial {
    let mut partial = BatchPartial::new(metric_names(themes), metric_decimals(themes));
    for analysis in &mut part {
        summarize(&mut partial, analysis, Some(&GroupBy::Folder));
    }
    partial
}

/// The second pass: each part's rows against the final statistics, put
/// together with the statistics' frames.
fn reports_in_parts(
    parts: Vec<Vec<Analysis>>,
    stats: BatchStats,
    themes: &[ThemeLabel],
) -> Vec<(String, Vec<u8>)> {
    reports_in_parts_with(parts, stats, themes, options())
}

fn reports_in_parts_with(
    parts: Vec<Vec<Analysis>>,
    stats: BatchStats,
    themes: &[ThemeLabel],
    options: TableOptions,
) -> Vec<(String, Vec<u8>)> {
    let stats = Arc::new(stats);
    let style = CsvStyle::default();
    let rows: Vec<Vec<(&'static str, Vec<u8>)>> = parts
        .into_iter()
        .map(|part| {
            let groups = part
                .iter()
                .map(|a| Some(group_of(a, &GroupBy::Folder)))
                .collect();
            let batch = Batch::part(part, groups, Arc::clone(&stats), themes.to_vec()).unwrap();
            part_rows(&batch, options, style).unwrap()
        })
        .collect();
    let frames = report_frames(stats, themes.to_vec(), options, style).unwrap();
    let of = |part: &'_ Vec<(&'static str, Vec<u8>)>, name: &str| -> Vec<u8> {
        let found = part.iter().find(|(n, _)| *n == name);
        found.map(|(_, rows)| rows.clone()).unwrap_or_default()
    };
    frames
        .iter()
        // As the CLI: errors.csv only when an input failed.
        .filter(|frame| frame.name != "errors" || rows.iter().any(|p| !of(p, "errors").is_empty()))
        .map(|frame| {
            let mut bytes = Vec::new();
            let pieces: Vec<Vec<u8>> = rows.iter().map(|part| of(part, frame.name)).collect();
            assemble(frame, pieces.iter().map(Vec::as_slice), &mut bytes).unwrap();
            (frame.name.to_owned(), bytes)
        })
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

/// `analyses` cut into `parts` parts (some may be empty past the end).
fn cut(analyses: Vec<Analysis>, parts: usize) -> Vec<Vec<Analysis>> {
    let size = analyses.len().div_ceil(parts).max(1);
    let mut cut: Vec<Vec<Analysis>> = Vec::new();
    for (i, analysis) in analyses.into_iter().enumerate() {
        if i % size == 0 {
            cut.push(Vec::new());
        }
        cut.last_mut().unwrap().push(analysis);
    }
    cut
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn parts_merged_in_order_or_as_a_tree_give_the_reports_of_the_whole(
        texts in prop::collection::vec((prose(), 0u8..3), 1..14),
        parts in prop::sample::select(vec![1usize, 2, 3, 7, 64]),
        tree in any::<bool>(),
    ) {
        let themes = ThemeDictionary::built_in().labels();
        let whole = Batch::from_analyses(analyses(&texts), themes.clone(), Some(&GroupBy::Folder)).unwrap();
        let expected = report_bytes(&whole);

        let parts = cut(analyses(&texts), parts);
        let partials: Vec<BatchPartial> =
            parts.iter().map(|part| partial_of(part.clone(), &themes)).collect();
        let merged = match tree {
            true => tree_merge(partials),
            false => partials.into_iter().reduce(BatchPartial::merge).unwrap(),
        };
        prop_assert_eq!(&reports_in_parts(parts, merged.finalize(), &themes), &expected);
    }

    #[test]
    fn partials_sent_as_bytes_and_merged_in_any_order_give_the_whole(
        texts in prop::collection::vec((prose(), 0u8..3), 1..14),
        parts in prop::sample::select(vec![1usize, 2, 3, 7, 64]),
        order in prop::collection::vec(any::<u32>(), 64),
    ) {
        let themes = ThemeDictionary::built_in().labels();
        let whole = Batch::from_analyses(analyses(&texts), themes.clone(), Some(&GroupBy::Folder)).unwrap();
        let expected = report_bytes(&whole);

        let parts = cut(analyses(&texts), parts);
        let mut sent: Vec<(u32, Vec<u8>)> = parts
            .iter()
            .enumerate()
            .map(|(i, part)| (order[i % order.len()], partial_of(part.clone(), &themes).to_bytes()))
            .collect();
        // Any order of arrival.
        sent.sort_by_key(|(key, _)| *key);
        let merged = sent
            .iter()
            .map(|(_, bytes)| BatchPartial::from_bytes(bytes).unwrap())
            .reduce(|a, b| a.try_merge(b).unwrap())
            .unwrap();
        prop_assert_eq!(&reports_in_parts(parts, merged.finalize(), &themes), &expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The engine's group-by reduce: each part's partial cut into shards by
    /// term, each shard merged across the parts and pruned of the terms
    /// under --min-count, the pruned shards joined: the reports (with that
    /// --min-count) are those of one pass.
    #[test]
    fn shards_merged_apart_and_pruned_give_the_reports_of_the_whole(
        texts in prop::collection::vec((prose(), 0u8..3), 1..14),
        parts in prop::sample::select(vec![1usize, 2, 3, 7]),
        shards in 1usize..6,
        min_count in 1u64..4,
    ) {
        let themes = ThemeDictionary::built_in().labels();
        let whole = Batch::from_analyses(analyses(&texts), themes.clone(), Some(&GroupBy::Folder)).unwrap();
        let expected = report_bytes_with(&whole, options_with_min_count(min_count));

        let parts = cut(analyses(&texts), parts);
        let mut by_shard: Vec<Vec<BatchPartial>> = vec![Vec::new(); shards];
        for part in &parts {
            for (k, shard) in partial_of(part.clone(), &themes).split(shards).into_iter().enumerate() {
                by_shard[k].push(shard);
            }
        }
        let merged = by_shard
            .into_iter()
            .map(|shard| shard.into_iter().reduce(BatchPartial::merge).unwrap().prune(min_count))
            .rev()
            .reduce(BatchPartial::merge)
            .unwrap();
        let got = reports_in_parts_with(parts, merged.finalize(), &themes, options_with_min_count(min_count));
        prop_assert_eq!(&got, &expected);
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
    for name in [
        "terms",
        "corpus_terms",
        "keyness",
        "compare",
        "groups",
        "sentences",
        "kwic",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
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

#[test]
fn a_part_of_another_batch_is_refused() {
    let themes = ThemeDictionary::built_in().labels();
    let texts = vec![("War and peace.".to_owned(), 0)];
    let stats = partial_of(analyses(&texts), &themes).finalize();
    let other = analyses(&[("Entirely different words.".to_owned(), 0)]);
    let error = Batch::part(other, vec![None], Arc::new(stats), themes).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("has terms these batch statistics lack"),
        "{error}"
    );
}
