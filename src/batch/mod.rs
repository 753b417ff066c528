//! The batch layer, between the analysis of single documents and the
//! reports: the runner that analyzes every input in parallel and keeps
//! them in input order, the failures and warnings it collects, and the
//! statistics that need the whole batch (how each document and group stands
//! against the rest, keyness, document frequencies).
//!
//! The statistics are built from partial summaries (integer term counts
//! and histograms of each metric at its printed precision, see
//! [`partial`]) that merge: a batch cut in parts and merged, in any order,
//! gives the same statistics as the whole. That is what lets the same
//! statistics be reduced across threads or machines; each document keeps a
//! small summary of its own for the per-document reports.

mod failures;
pub mod partial;
mod progress;
mod runner;
mod shards;
pub mod statistics;
pub mod store;
pub mod vocabulary;

pub use failures::{Failure, Stage, Warning};
pub use partial::{BatchPartial, DocumentSummary, PartialError, TermTotals};
pub use progress::{NoProgress, Progress};
pub use runner::{analyze_reference, analyze_sources, Pool};
pub use statistics::{BatchStats, GroupStats, KeyTerm, KeynessRules, ReferenceCorpus, Standing};
pub use store::DocumentStore;
pub use vocabulary::{TermId, Vocabulary};

use crate::analysis::Analysis;
use crate::config::GroupBy;
use crate::metrics::measures::{compared, per_thousand, Figures};
use crate::themes::ThemeLabel;
use std::sync::Arc;

/// The results of a batch.
#[derive(Debug)]
pub struct Batch {
    /// One analysis per readable document, in input order (in memory up to
    /// a budget, then in a temporary file: see [`store`]). Their `terms`
    /// have been moved into `summaries` (as numbers of the vocabulary).
    pub analyses: DocumentStore,
    /// One summary per analysis with words, in the same order. A document
    /// without words has its row in `documents.csv` (and a failure) but
    /// takes no part in the batch statistics.
    pub summaries: Vec<DocumentSummary>,
    /// The statistics of the whole batch (shared by the parts of a batch
    /// cut across workers).
    pub stats: Arc<BatchStats>,
    /// The themes of the dictionary used (and of the commentary pack).
    pub themes: Vec<ThemeLabel>,
    /// Inputs that could not be analyzed, in input order.
    pub failures: Vec<Failure>,
    /// Inputs analyzed with something to say about them.
    pub warnings: Vec<Warning>,
}

impl Batch {
    /// A batch of these analyses, summaries and statistics; no failures or
    /// warnings yet.
    pub fn new(
        analyses: DocumentStore,
        summaries: Vec<DocumentSummary>,
        stats: Arc<BatchStats>,
        themes: Vec<ThemeLabel>,
    ) -> Batch {
        Batch {
            analyses,
            summaries,
            stats,
            themes,
            failures: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The batch of `analyses` made already (in input order), with its
    /// statistics: what [`analyze_sources`] returns, for callers that
    /// analyze documents themselves.
    pub fn from_analyses(
        mut analyses: Vec<Analysis>,
        themes: Vec<ThemeLabel>,
        group_by: Option<&GroupBy>,
    ) -> std::io::Result<Batch> {
        let mut partial = BatchPartial::new(metric_names(&themes), metric_decimals(&themes));
        let summaries = analyses
            .iter_mut()
            .filter_map(|analysis| summarize(&mut partial, analysis, group_by))
            .collect();
        let analyses = DocumentStore::from_analyses(analyses)?;
        Ok(Batch::new(
            analyses,
            summaries,
            Arc::new(partial.finalize()),
            themes,
        ))
    }

    /// One part of a batch whose statistics are final (merged from every
    /// part's partial): its analyses (in the batch's order) with their
    /// groups, summarized against the batch vocabulary, ready for the
    /// per-document reports. Fails on a term the statistics do not have: a
    /// part that is not of this batch, or was analyzed with other options.
    pub fn part(
        mut analyses: Vec<Analysis>,
        groups: Vec<Option<String>>,
        stats: Arc<BatchStats>,
        themes: Vec<ThemeLabel>,
    ) -> Result<Batch, crate::Error> {
        assert_eq!(analyses.len(), groups.len(), "one group an analysis");
        let mut summaries = Vec::with_capacity(analyses.len());
        for (analysis, group) in analyses.iter_mut().zip(groups) {
            summaries.extend(summary_against(&stats, analysis, group)?);
        }
        let analyses = DocumentStore::from_analyses(analyses).map_err(crate::Error::Spool)?;
        Ok(Batch::new(analyses, summaries, stats, themes))
    }
}

/// The summary of an analysis of a batch whose statistics are final, its
/// terms moved out and numbered in the statistics' vocabulary (none for an
/// analysis without words). A term the statistics lack is an error, unless
/// they were pruned of rare terms ([`BatchStats::pruned_below`]): then it
/// is [`PRUNED`], kept for the ranks of the document's other terms.
pub fn summary_against(
    stats: &BatchStats,
    analysis: &mut Analysis,
    group: Option<String>,
) -> Result<Option<DocumentSummary>, crate::Error> {
    if analysis.counts.words == 0 {
        return Ok(None);
    }
    let terms = std::mem::take(&mut analysis.terms);
    let ids = terms
        .iter()
        .map(|(term, n)| match stats.vocabulary.id(term) {
            Some(id) => Ok((id, partial::saturating_u32(*n))),
            None if stats.pruned_below > 1 => Ok((PRUNED, partial::saturating_u32(*n))),
            None => Err(crate::Error::NotOfThisBatch(analysis.id.clone())),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(document_summary(
        analysis,
        group,
        ids,
        metric_row(analysis),
    )))
}

/// The number of a term pruned from the batch statistics (seen fewer times
/// in the batch than they keep): its count is 0, so every term report,
/// whose `--min-count` is at least the pruning threshold, leaves it out.
pub const PRUNED: TermId = TermId::MAX;

/// Add one analysis to the batch totals, moving its terms out, and return
/// its summary; an analysis without words is left out of them (it has no
/// rates, no diversity and no terms: counting it would only drag means and
/// document frequencies).
pub fn summarize(
    partial: &mut BatchPartial,
    analysis: &mut Analysis,
    group_by: Option<&GroupBy>,
) -> Option<DocumentSummary> {
    let group = group_by.map(|by| group_of(analysis, by));
    summarize_in(partial, analysis, group)
}

/// [`summarize`] for a document whose group the caller already knows.
pub fn summarize_in(
    partial: &mut BatchPartial,
    analysis: &mut Analysis,
    group: Option<String>,
) -> Option<DocumentSummary> {
    if analysis.counts.words == 0 {
        return None;
    }
    let terms = std::mem::take(&mut analysis.terms);
    let row = metric_row(analysis);
    let words = analysis.counts.words as u64;
    let ids = partial.add(group.as_deref(), words, &row, &terms);
    Some(document_summary(analysis, group, ids, row))
}

/// The summary of an analysis whose terms are numbered `terms` and whose
/// metric row ([`metric_row`]) is `metrics`.
fn document_summary(
    analysis: &Analysis,
    group: Option<String>,
    terms: Vec<(TermId, u32)>,
    metrics: Vec<Option<f64>>,
) -> DocumentSummary {
    DocumentSummary {
        id: analysis.id.clone(),
        group,
        metadata: analysis.metadata.clone(),
        words: analysis.counts.words as u64,
        metrics,
        terms,
    }
}

/// The names of the compared metrics: every compared measure of the
/// registry, then each theme's rate per 1,000 words.
pub fn metric_names(themes: &[ThemeLabel]) -> Vec<String> {
    compared()
        .map(|m| m.name.to_owned())
        .chain(themes.iter().map(ThemeLabel::rate_name))
        .collect()
}

/// Decimals of each compared metric (rates have 2).
pub fn metric_decimals(themes: &[ThemeLabel]) -> Vec<usize> {
    compared()
        .map(|m| m.decimals())
        .chain(themes.iter().map(|_| THEME_RATE_DECIMALS))
        .collect()
}

/// Decimals of theme rates.
pub const THEME_RATE_DECIMALS: usize = 2;

/// One document's values of the compared metrics, in [`metric_names`] order.
pub fn metric_row(analysis: &Analysis) -> Vec<Option<f64>> {
    let figures = Figures {
        counts: &analysis.counts,
        diversity: &analysis.diversity,
    };
    compared()
        .map(|measure| measure.number(&figures))
        .chain(
            analysis
                .themes
                .iter()
                .map(|tally| per_thousand(tally.count, analysis.counts.words)),
        )
        .collect()
}

/// The group a document without a value in the grouping column is in.
pub const NO_GROUP: &str = "(none)";

/// The group of a document: the folder holding it, or its value of a
/// metadata column ([`NO_GROUP`] when it has none).
pub fn group_of(analysis: &Analysis, group_by: &GroupBy) -> String {
    match group_by {
        GroupBy::Folder => folder_of(&analysis.id).to_owned(),
        GroupBy::Column(column) => metadata_value(analysis, column)
            .filter(|value| !value.is_empty())
            .unwrap_or(NO_GROUP)
            .to_owned(),
    }
}

/// A document's value of metadata column `name` (ignoring case).
pub fn metadata_value<'a>(analysis: &'a Analysis, name: &str) -> Option<&'a str> {
    analysis
        .metadata
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// The name of the folder holding the file `id` (`bbc/sport/012.txt` →
/// `sport`): `.` for a file named without a folder, `-` for standard input.
pub fn folder_of(id: &str) -> &str {
    if id == "-" {
        return "-";
    }
    let parent = id.rsplit_once('/').map_or("", |(parent, _)| parent);
    match parent
        .rsplit('/')
        .find(|part| !part.is_empty() && *part != ".")
    {
        Some(name) => name,
        None if id.starts_with('/') => "/",
        None => ".",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_group_is_the_parent_folder_name() {
        assert_eq!(folder_of("bbc/sport/012.txt"), "sport");
        assert_eq!(folder_of("/data/bbc/business/1.txt"), "business");
        assert_eq!(folder_of("./sport/1.txt"), "sport");
        assert_eq!(folder_of("sport/./1.txt"), "sport");
        assert_eq!(folder_of("1.txt"), ".");
        assert_eq!(folder_of("/1.txt"), "/");
        assert_eq!(folder_of("-"), "-");
    }
}
