//! The reports that set documents against the batch: `terms` (with TF-IDF),
//! `corpus_terms`, `keyness`, `compare` and `groups`. They read the batch
//! statistics (`crate::batch`), never the texts.

use super::columns::{metadata_cells, MetadataColumn};
use super::tables::{header, per_thousand_cell};
use super::{text, Cell, Table};
use crate::batch::{Batch, DocumentSummary, GroupStats, KeyTerm};
use crate::metrics::measures::per_million;
use crate::stats::summary::Summary;

/// Decimals of TF-IDF weights and inverse document frequencies.
const WEIGHT: usize = 4;
/// Decimals of G², log ratios and expected counts.
const STATISTIC: usize = 3;
/// Decimals of z-scores.
const Z: usize = 3;
/// Decimals of percentile ranks.
const PERCENTILE: usize = 1;

/// `terms`: each document's most frequent terms (all with `all_terms`),
/// with TF-IDF and document frequency.
pub fn terms(batch: &Batch, options: super::TableOptions) -> Table<'_> {
    let stats = &batch.stats;
    let min_count = options.keyness.min_count;
    let rows = batch.summaries.iter().flat_map(move |doc| {
        let kept = doc
            .terms
            .iter()
            .enumerate()
            .filter(move |(_, (id, _))| stats.totals.count(*id) >= min_count)
            .take(if options.all_terms {
                usize::MAX
            } else {
                options.top
            });
        kept.map(move |(_, &(id, count))| {
            let rank = doc.rank(count);
            let idf = stats.idf(id);
            vec![
                text(&doc.id),
                text(stats.vocabulary.term(id)),
                Cell::Count(count as usize),
                per_thousand_cell(count as usize, doc.words as usize),
                Cell::Count(rank),
                Cell::Number(idf.map(|idf| f64::from(count) * idf), WEIGHT),
                Cell::Count(stats.doc_freq(id) as usize),
            ]
        })
    });
    let names = [
        "document",
        "term",
        "count",
        "per_1000_words",
        "rank",
        "tf_idf",
        "doc_freq",
    ];
    Table::new("terms", header(&names), rows)
        .with_shrink_hint("a smaller --top, or no --all-terms,")
}

/// `corpus_terms`: the batch vocabulary, most frequent first.
pub fn corpus_terms(batch: &Batch, options: super::TableOptions) -> Table<'_> {
    let stats = &batch.stats;
    let words = stats.totals.words;
    let terms = match options.batch_rows {
        true => stats.corpus_terms(options.keyness.min_count),
        false => Vec::new(),
    };
    let rows = terms
        .into_iter()
        .enumerate()
        .map(move |(index, (id, count))| {
            let rank = index + 1;
            vec![
                text(stats.vocabulary.term(id)),
                Cell::Count(count as usize),
                Cell::Number(per_million(count, words), 2),
                Cell::Count(stats.doc_freq(id) as usize),
                Cell::Number(stats.idf(id), WEIGHT),
                Cell::Count(rank),
            ]
        });
    let names = ["term", "count", "per_million", "doc_freq", "idf", "rank"];
    Table::new("corpus_terms", header(&names), rows).with_shrink_hint("--min-count")
}

/// `keyness`: each document's key terms against the rest of the batch (or
/// the reference corpus), then each group's against the other groups.
pub fn keyness(batch: &Batch, options: super::TableOptions) -> Table<'_> {
    let (stats, rules) = (&batch.stats, options.keyness);
    let group_rows = reported_groups(batch, options);
    let grouped = !stats.groups.is_empty();
    let documents = batch.summaries.iter().flat_map(move |doc| {
        key_rows(
            batch,
            &doc.id,
            stats.document_keyness(doc, rules),
            "document",
            grouped,
        )
    });
    let groups = group_rows.iter().flat_map(move |group| {
        key_rows(
            batch,
            &group.name,
            stats.group_keyness(group, rules),
            "group",
            grouped,
        )
    });
    let mut names = vec![
        "document",
        "term",
        "count",
        "rest_count",
        "g2",
        "log_ratio",
        "p_value",
        "expected",
        "rank",
    ];
    if grouped {
        names.push("level");
    }
    Table::new("keyness", header(&names), documents.chain(groups))
        .with_shrink_hint("a smaller --top, or a higher --min-g2,")
}

fn key_rows<'a>(
    batch: &'a Batch,
    name: &'a str,
    terms: Vec<KeyTerm>,
    level: &'static str,
    grouped: bool,
) -> impl Iterator<Item = Vec<Cell<'a>>> + 'a {
    terms.into_iter().enumerate().map(move |(index, key)| {
        let mut row = vec![
            text(name),
            text(batch.stats.vocabulary.term(key.term)),
            Cell::Count(key.count as usize),
            Cell::Count(key.rest_count as usize),
            Cell::Number(Some(key.keyness.g2), STATISTIC),
            Cell::Number(Some(key.keyness.log_ratio), STATISTIC),
            Cell::Probability(Some(key.keyness.p_value)),
            Cell::Number(Some(key.keyness.expected), STATISTIC),
            Cell::Count(index + 1),
        ];
        if grouped {
            row.push(text(level));
        }
        row
    })
}

/// The fixed columns of `compare` (`group` only when grouping).
pub const COMPARE_COLUMNS: [&str; 8] = [
    "document",
    "group",
    "metric",
    "value",
    "mean",
    "sd",
    "z",
    "percentile",
];

/// `compare`: one row per document and metric, with where the document
/// stands in the batch; the metadata columns follow `document`.
pub fn compare(batch: &Batch, metadata: Vec<MetadataColumn>) -> Table<'_> {
    let stats = &batch.stats;
    let grouped = !stats.groups.is_empty();
    let mut names: Vec<String> = vec!["document".into()];
    names.extend(metadata.iter().map(|c| c.header.clone()));
    names.extend(
        COMPARE_COLUMNS[1..]
            .iter()
            .filter(|c| grouped || **c != "group")
            .map(|c| (*c).to_owned()),
    );
    let rows = batch.summaries.iter().flat_map(move |doc| {
        let cells: Vec<Cell<'_>> = metadata_cells(&doc.metadata, &metadata).collect();
        (0..stats.metric_names.len()).map(move |metric| {
            let mut row = compare_row(batch, doc, metric, grouped);
            row.splice(1..1, cells.iter().cloned());
            row
        })
    });
    Table::new("compare", names, rows)
        .with_shrink_hint("fewer documents a run (or pivot on documents.csv)")
}

fn compare_row<'a>(
    batch: &'a Batch,
    doc: &'a DocumentSummary,
    metric: usize,
    grouped: bool,
) -> Vec<Cell<'a>> {
    let stats = &batch.stats;
    let decimals = stats.metric_decimals[metric];
    let value = doc.metrics[metric];
    let standing = stats.standing(metric, value);
    let mut row = vec![text(&doc.id)];
    if grouped {
        row.push(text(doc.group.as_deref().unwrap_or_default()));
    }
    row.extend([
        text(&stats.metric_names[metric]),
        Cell::Number(value, decimals),
        Cell::Number(standing.mean, summary_decimals(decimals)),
        Cell::Number(standing.sd, summary_decimals(decimals)),
        Cell::Number(standing.z, Z),
        Cell::Number(standing.percentile, PERCENTILE),
    ]);
    row
}

/// Decimals of a mean or standard deviation of values shown with `decimals`.
fn summary_decimals(decimals: usize) -> usize {
    (decimals + 2).min(6)
}

/// The groups whose rows a table holds: every group, or none in a part of
/// a batch cut across workers (the statistics' own rows are written once,
/// see [`super::parts`]).
fn reported_groups(batch: &Batch, options: super::TableOptions) -> &[GroupStats] {
    match options.batch_rows {
        true => &batch.stats.groups,
        false => &[],
    }
}

/// `groups`: one row per group and metric: n, mean, median, sd, min, max.
pub fn groups(batch: &Batch, options: super::TableOptions) -> Table<'_> {
    let stats = &batch.stats;
    let groups = reported_groups(batch, options);
    let rows = groups.iter().flat_map(move |group| {
        group
            .metrics
            .iter()
            .enumerate()
            .map(move |(metric, values)| {
                let decimals = stats.metric_decimals[metric];
                let wide = summary_decimals(decimals);
                let Summary {
                    n,
                    mean,
                    median,
                    sd,
                    min,
                    max,
                } = *values.summary();
                vec![
                    text(&group.name),
                    text(&stats.metric_names[metric]),
                    Cell::Count(n),
                    Cell::Number(mean, wide),
                    Cell::Number(median, wide),
                    Cell::Number(sd, wide),
                    Cell::Number(min, decimals),
                    Cell::Number(max, decimals),
                ]
            })
    });
    let names = ["group", "metric", "n", "mean", "median", "sd", "min", "max"];
    Table::new("groups", header(&names), rows)
}
