//! Partial batch summaries: what the batch statistics are computed from.
//! Each document adds its words, its metric row and its term counts to the
//! running totals of a [`BatchPartial`]; two partials of two parts of a
//! batch [`merge`](BatchPartial::merge) into the partial of the whole.
//!
//! Everything a partial holds is an integer: term counts and document
//! frequencies (overall and per group) and, for each metric, a histogram of
//! its values at their printed precision ([`Histogram`]). So partials merged
//! in any grouping and any order give the same statistics, bit for bit, as
//! one pass over the whole batch. A partial holds no document: it grows
//! with the vocabulary and the distinct printed values, never with the
//! number of documents, so whoever merges the partials of a cluster's
//! workers (a driver) holds one vocabulary, not one row a document. A
//! partial travels as bytes ([`BatchPartial::to_bytes`]).
//!
//! Whoever holds the documents keeps their [`DocumentSummary`]s (the CLI,
//! in input order; a worker, for its own part) to write the per-document
//! reports once the statistics are final.

use super::statistics::{BatchStats, GroupStats};
use super::vocabulary::{TermId, Vocabulary};
use crate::stats::histogram::Histogram;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// What the per-document reports need of one document besides its analysis:
/// its metric row and its term counts as numbers of the batch vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentSummary {
    /// The document id.
    pub id: String,
    /// Its group, when the batch is grouped.
    pub group: Option<String>,
    /// Its metadata, (name, value) in the order the source gives them.
    pub metadata: Vec<(String, String)>,
    /// Its words (the size used for keyness).
    pub words: u64,
    /// One value per compared metric ([`BatchPartial::metric_names`]);
    /// `None` where undefined.
    pub metrics: Vec<Option<f64>>,
    /// Its terms and their counts, most frequent first, ties by term.
    pub terms: Vec<(TermId, u32)>,
}

impl DocumentSummary {
    /// The frequency rank of a term seen `count` times in this document:
    /// one more than the number of more frequent terms, so ties share a
    /// rank (1, 1, 3).
    pub fn rank(&self, count: u32) -> usize {
        // Terms are sorted by count, most frequent first.
        self.terms.partition_point(|&(_, n)| n > count) + 1
    }
}

/// Term totals of a body of documents: a batch, a group, a reference corpus.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct TermTotals {
    /// Documents added.
    pub documents: u64,
    /// Their words.
    pub words: u64,
    /// Occurrences of each term.
    pub counts: FxHashMap<TermId, u64>,
    /// Documents each term occurs in.
    pub doc_freq: FxHashMap<TermId, u32>,
}

impl TermTotals {
    /// Add one document of `words` words and these term counts.
    pub fn add(&mut self, words: u64, terms: &[(TermId, u32)]) {
        self.documents += 1;
        self.words += words;
        for &(id, count) in terms {
            *self.counts.entry(id).or_default() += u64::from(count);
            let df = self.doc_freq.entry(id).or_default();
            *df = df.saturating_add(1);
        }
    }

    /// Add `other`, whose term numbers `remap` turns into ours.
    fn merge(&mut self, other: TermTotals, remap: &[TermId]) {
        self.documents += other.documents;
        self.words += other.words;
        for (id, count) in other.counts {
            *self.counts.entry(remap[id as usize]).or_default() += count;
        }
        for (id, n) in other.doc_freq {
            let df = self.doc_freq.entry(remap[id as usize]).or_default();
            *df = df.saturating_add(n);
        }
    }

    /// Occurrences of `id`.
    pub fn count(&self, id: TermId) -> u64 {
        self.counts.get(&id).copied().unwrap_or(0)
    }
}

/// The totals of one group: its terms and each metric's histogram.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct GroupTotals {
    pub(super) totals: TermTotals,
    pub(super) histograms: Vec<Histogram>,
}

/// The running totals of part of a batch.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct BatchPartial {
    /// Names of the compared metrics, in metric-row order.
    pub metric_names: Vec<String>,
    /// Decimals each metric is shown with.
    pub metric_decimals: Vec<usize>,
    /// Every term seen.
    pub vocabulary: Vocabulary,
    /// Term totals of all documents.
    pub totals: TermTotals,
    /// Each metric's values at their printed precision.
    pub(super) histograms: Vec<Histogram>,
    /// Per group, in name order.
    pub(super) groups: BTreeMap<String, GroupTotals>,
    /// Terms seen fewer times than this were pruned (1: none were).
    pub(super) pruned_below: u64,
}

/// What starts a partial's bytes: the format and its version.
const PARTIAL_MAGIC: &[u8; 8] = b"TGPART02";

/// Why bytes are not a partial.
#[derive(Debug, thiserror::Error)]
pub enum PartialError {
    /// Not a partial of this version of textgauge.
    #[error("not a textgauge batch partial (or one of another version)")]
    NotAPartial,
    /// The bytes are cut or damaged.
    #[error("damaged batch partial: {0}")]
    Damaged(#[from] postcard::Error),
    /// Partials of different metrics (other theme dictionaries or options).
    #[error("partials of different metrics cannot be merged")]
    Unlike,
    /// Bytes that decode but do not hold together (a histogram a metric,
    /// term numbers inside the vocabulary).
    #[error("damaged batch partial: {0}")]
    Inconsistent(&'static str),
}

impl BatchPartial {
    /// An empty partial for metric rows of these names and decimals.
    pub fn new(metric_names: Vec<String>, metric_decimals: Vec<usize>) -> Self {
        BatchPartial {
            histograms: empty_histograms(&metric_decimals),
            metric_names,
            metric_decimals,
            vocabulary: Vocabulary::default(),
            totals: TermTotals::default(),
            groups: BTreeMap::new(),
            pruned_below: 1,
        }
    }

    /// The partial as bytes, to send to whoever merges.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = PARTIAL_MAGIC.to_vec();
        postcard::to_io(self, &mut bytes).expect("writing to memory does not fail");
        bytes
    }

    /// A partial from [`BatchPartial::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, PartialError> {
        let body = bytes
            .strip_prefix(PARTIAL_MAGIC.as_slice())
            .ok_or(PartialError::NotAPartial)?;
        let partial: BatchPartial = postcard::from_bytes(body)?;
        partial.check()?;
        Ok(partial)
    }

    /// That the parts of a partial read from bytes hold together, so that
    /// no later step indexes past them.
    fn check(&self) -> Result<(), PartialError> {
        let metrics = self.metric_names.len();
        let fits = |histograms: &[Histogram]| {
            histograms.len() == metrics
                && (histograms.iter().zip(&self.metric_decimals)).all(|(h, &d)| h.decimals() == d)
        };
        if self.metric_decimals.len() != metrics || !fits(&self.histograms) {
            return Err(PartialError::Inconsistent("not one histogram a metric"));
        }
        let terms = self.vocabulary.len();
        let known = |totals: &TermTotals| {
            (totals.counts.keys().chain(totals.doc_freq.keys())).all(|&id| (id as usize) < terms)
        };
        let groups_fit = (self.groups.values()).all(|g| fits(&g.histograms) && known(&g.totals));
        if !known(&self.totals) || !groups_fit {
            return Err(PartialError::Inconsistent(
                "term numbers outside its vocabulary",
            ));
        }
        Ok(())
    }

    /// Documents added.
    pub fn documents(&self) -> u64 {
        self.totals.documents
    }

    /// [`BatchPartial::merge`], refusing partials of other metrics instead
    /// of panicking.
    pub fn try_merge(self, other: BatchPartial) -> Result<BatchPartial, PartialError> {
        if self.metric_names != other.metric_names || self.metric_decimals != other.metric_decimals
        {
            return Err(PartialError::Unlike);
        }
        Ok(self.merge(other))
    }

    /// Add one document: its group, words, metric row and term counts (as
    /// counted by the analysis, most frequent first). Returns its terms as
    /// numbers of this partial's vocabulary.
    pub fn add(
        &mut self,
        group: Option<&str>,
        words: u64,
        metrics: &[Option<f64>],
        terms: &[(String, usize)],
    ) -> Vec<(TermId, u32)> {
        assert_eq!(metrics.len(), self.metric_names.len(), "metric row width");
        let terms: Vec<(TermId, u32)> = terms
            .iter()
            .map(|(term, n)| (self.vocabulary.intern(term), saturating_u32(*n)))
            .collect();
        self.totals.add(words, &terms);
        add_values(&mut self.histograms, metrics);
        if let Some(group) = group {
            let decimals = &self.metric_decimals;
            let totals = self
                .groups
                .entry(group.to_owned())
                .or_insert_with(|| GroupTotals {
                    totals: TermTotals::default(),
                    histograms: empty_histograms(decimals),
                });
            totals.totals.add(words, &terms);
            add_values(&mut totals.histograms, metrics);
        }
        terms
    }

    /// This partial and `other`: the partial of both parts, in either order.
    pub fn merge(mut self, other: BatchPartial) -> BatchPartial {
        assert!(
            self.metric_names == other.metric_names
                && self.metric_decimals == other.metric_decimals,
            "merging unlike partials"
        );
        let remap: Vec<TermId> = other
            .vocabulary
            .terms()
            .map(|term| self.vocabulary.intern(term))
            .collect();
        self.totals.merge(other.totals, &remap);
        self.pruned_below = self.pruned_below.max(other.pruned_below);
        merge_histograms(&mut self.histograms, other.histograms);
        for (name, group) in other.groups {
            match self.groups.get_mut(&name) {
                Some(ours) => {
                    ours.totals.merge(group.totals, &remap);
                    merge_histograms(&mut ours.histograms, group.histograms);
                }
                None => {
                    let mut totals = TermTotals::default();
                    totals.merge(group.totals, &remap);
                    let histograms = group.histograms;
                    self.groups.insert(name, GroupTotals { totals, histograms });
                }
            }
        }
        self
    }

    /// The statistics of the batch.
    pub fn finalize(self) -> BatchStats {
        let groups = self
            .groups
            .into_iter()
            .map(|(name, group)| GroupStats {
                name,
                totals: group.totals,
                metrics: group
                    .histograms
                    .iter()
                    .map(Histogram::distribution)
                    .collect(),
            })
            .collect();
        BatchStats {
            metric_names: self.metric_names,
            metric_decimals: self.metric_decimals,
            metrics: self
                .histograms
                .iter()
                .map(Histogram::distribution)
                .collect(),
            groups,
            vocabulary: self.vocabulary,
            totals: self.totals,
            reference: None,
            pruned_below: self.pruned_below,
        }
    }
}

/// One empty histogram a metric, of these decimals.
pub(super) fn empty_histograms(decimals: &[usize]) -> Vec<Histogram> {
    decimals.iter().map(|&d| Histogram::new(d)).collect()
}

fn add_values(histograms: &mut [Histogram], row: &[Option<f64>]) {
    for (histogram, value) in histograms.iter_mut().zip(row) {
        if let Some(value) = value {
            histogram.add(*value);
        }
    }
}

fn merge_histograms(ours: &mut [Histogram], theirs: Vec<Histogram>) {
    for (histogram, more) in ours.iter_mut().zip(theirs) {
        histogram.merge(more);
    }
}

/// A count as `u32`, saturating (a term seen over 4 billion times in one document).
pub(super) fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
        pairs.iter().map(|(t, n)| ((*t).to_owned(), *n)).collect()
    }

    #[test]
    fn tied_terms_share_a_rank() {
        let mut partial = BatchPartial::new(Vec::new(), Vec::new());
        let counted = terms(&[("a", 2), ("b", 2), ("c", 1), ("d", 1)]);
        let document = DocumentSummary {
            id: "d".into(),
            group: None,
            metadata: Vec::new(),
            words: 6,
            metrics: Vec::new(),
            terms: partial.add(None, 6, &[], &counted),
        };
        let ranks: Vec<usize> = document
            .terms
            .iter()
            .map(|&(_, n)| document.rank(n))
            .collect();
        assert_eq!(ranks, [1, 1, 3, 3]);
    }

    #[test]
    fn a_merge_renumbers_the_other_parts_terms() {
        let names = vec!["words".to_owned()];
        let mut first = BatchPartial::new(names.clone(), vec![0]);
        first.add(
            Some("g"),
            3,
            &[Some(3.0)],
            &terms(&[("war", 2), ("peace", 1)]),
        );
        let mut second = BatchPartial::new(names, vec![0]);
        second.add(
            Some("g"),
            2,
            &[Some(2.0)],
            &terms(&[("peace", 1), ("trade", 1)]),
        );
        let merged = first.merge(second);
        let peace = merged.vocabulary.id("peace").unwrap();
        assert_eq!(merged.totals.count(peace), 2);
        assert_eq!(merged.totals.doc_freq[&peace], 2);
        assert_eq!(merged.documents(), 2);
        let stats = merged.finalize();
        assert_eq!(stats.groups[0].totals.count(peace), 2);
        assert_eq!(stats.metrics[0].summary().mean, Some(2.5));
    }

    #[test]
    fn bytes_that_do_not_hold_together_are_refused() {
        let mut partial = BatchPartial::new(vec!["words".to_owned()], vec![0]);
        partial.add(None, 3, &[Some(3.0)], &terms(&[("war", 2)]));
        let mut extra_histogram = partial.clone();
        extra_histogram.histograms.push(Histogram::new(0));
        let mut unknown_term = partial.clone();
        unknown_term.totals.counts.insert(99, 1);
        for damaged in [extra_histogram, unknown_term] {
            let error = BatchPartial::from_bytes(&damaged.to_bytes()).unwrap_err();
            assert!(matches!(error, PartialError::Inconsistent(_)), "{error}");
        }
        assert!(BatchPartial::from_bytes(&partial.to_bytes()).is_ok());
    }

    #[test]
    fn a_partial_does_not_grow_with_its_documents() {
        let mut partial = BatchPartial::new(vec!["words".to_owned()], vec![0]);
        let counted = terms(&[("war", 2), ("peace", 1)]);
        partial.add(None, 3, &[Some(3.0)], &counted);
        let one = partial.to_bytes().len();
        for _ in 0..1_000 {
            partial.add(None, 3, &[Some(3.0)], &counted);
        }
        // The counts grow by a few bytes of varint, never a row a document.
        assert!(
            partial.to_bytes().len() <= one + 8,
            "{}",
            partial.to_bytes().len()
        );
    }
}
