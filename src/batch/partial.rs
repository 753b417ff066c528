//! Partial batch summaries: what the batch statistics are computed from.
//! Each document leaves a small [`DocumentSummary`] (its metric row and its
//! term counts as numbers) and adds to the running totals; two partials of
//! consecutive parts of a batch [`merge`](BatchPartial::merge) into the
//! partial of the whole. No text is kept, so memory grows with the number
//! of documents and the vocabulary, never with the length of the texts.
//!
//! Everything merged is an integer or a list of values whose statistics
//! are taken after sorting, and every document carries its position in the
//! batch, so partials merged in any grouping and any order give the same
//! statistics, bit for bit, as one pass over the whole batch. A partial
//! travels as bytes ([`BatchPartial::to_bytes`]): what a worker of a
//! cluster sends to be merged.

use super::statistics::{BatchStats, GroupStats};
use super::vocabulary::{TermId, Vocabulary};
use crate::stats::summary::SortedValues;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// What one document leaves for the batch statistics.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocumentSummary {
    /// Its position in the batch (input order): merged partials are put
    /// back in this order.
    pub position: u64,
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
            *self.doc_freq.entry(id).or_default() += 1;
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
            *self.doc_freq.entry(remap[id as usize]).or_default() += n;
        }
    }

    /// Occurrences of `id`.
    pub fn count(&self, id: TermId) -> u64 {
        self.counts.get(&id).copied().unwrap_or(0)
    }
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
    /// The documents, in input order.
    pub documents: Vec<DocumentSummary>,
    /// Term totals of all documents.
    pub totals: TermTotals,
    /// Each metric's defined values.
    values: Vec<Vec<f64>>,
    /// Per group: term totals and each metric's values.
    groups: BTreeMap<String, (TermTotals, Vec<Vec<f64>>)>,
    /// The position the next document added takes.
    next_position: u64,
}

/// What starts a partial's bytes: the format and its version.
const PARTIAL_MAGIC: &[u8; 8] = b"TGPART01";

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
}

impl BatchPartial {
    /// An empty partial for metric rows of these names and decimals.
    pub fn new(metric_names: Vec<String>, metric_decimals: Vec<usize>) -> Self {
        let metrics = metric_names.len();
        BatchPartial {
            metric_names,
            metric_decimals,
            vocabulary: Vocabulary::default(),
            documents: Vec::new(),
            totals: TermTotals::default(),
            values: vec![Vec::new(); metrics],
            groups: BTreeMap::new(),
            next_position: 0,
        }
    }

    /// The same empty partial, whose first document takes position `first`
    /// in the batch: a worker's part that starts at row `first`.
    pub fn starting_at(mut self, first: u64) -> Self {
        self.next_position = first;
        self
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
        Ok(postcard::from_bytes(body)?)
    }

    /// [`BatchPartial::merge`], refusing partials of other metrics instead
    /// of panicking.
    pub fn try_merge(self, other: BatchPartial) -> Result<BatchPartial, PartialError> {
        if self.metric_names != other.metric_names {
            return Err(PartialError::Unlike);
        }
        Ok(self.merge(other))
    }

    /// Add one document: its id, group, words, metric row and term counts
    /// (as counted by the analysis, most frequent first).
    pub fn add(
        &mut self,
        id: String,
        group: Option<String>,
        metadata: Vec<(String, String)>,
        words: u64,
        metrics: Vec<Option<f64>>,
        terms: &[(String, usize)],
    ) {
        assert_eq!(metrics.len(), self.metric_names.len(), "metric row width");
        let terms: Vec<(TermId, u32)> = terms
            .iter()
            .map(|(term, n)| (self.vocabulary.intern(term), saturating_u32(*n)))
            .collect();
        let position = self.next_position;
        self.next_position += 1;
        self.push(DocumentSummary {
            position,
            id,
            group,
            metadata,
            words,
            metrics,
            terms,
        });
    }

    /// Add a summary whose term numbers are already ours.
    fn push(&mut self, summary: DocumentSummary) {
        self.totals.add(summary.words, &summary.terms);
        push_values(&mut self.values, &summary.metrics);
        if let Some(group) = &summary.group {
            let width = self.metric_names.len();
            let (totals, values) = self
                .groups
                .entry(group.clone())
                .or_insert_with(|| (TermTotals::default(), vec![Vec::new(); width]));
            totals.add(summary.words, &summary.terms);
            push_values(values, &summary.metrics);
        }
        self.documents.push(summary);
    }

    /// This partial and `later`: the partial of both parts, whichever part
    /// came first in the batch (documents keep their positions).
    pub fn merge(mut self, later: BatchPartial) -> BatchPartial {
        assert_eq!(
            self.metric_names, later.metric_names,
            "merging unlike partials"
        );
        let remap: Vec<TermId> = later
            .vocabulary
            .terms()
            .map(|term| self.vocabulary.intern(term))
            .collect();
        self.totals.merge(later.totals, &remap);
        for (values, more) in self.values.iter_mut().zip(later.values) {
            values.extend(more);
        }
        for (name, (totals, values)) in later.groups {
            let width = self.metric_names.len();
            let (ours, our_values) = self
                .groups
                .entry(name)
                .or_insert_with(|| (TermTotals::default(), vec![Vec::new(); width]));
            ours.merge(totals, &remap);
            for (v, more) in our_values.iter_mut().zip(values) {
                v.extend(more);
            }
        }
        self.documents
            .extend(later.documents.into_iter().map(|mut summary| {
                for (id, _) in &mut summary.terms {
                    *id = remap[*id as usize];
                }
                summary
            }));
        self.next_position = self.next_position.max(later.next_position);
        self
    }

    /// The batch statistics, and the documents' summaries in input order.
    pub fn finalize(mut self) -> (Vec<DocumentSummary>, BatchStats) {
        self.documents.sort_by_key(|summary| summary.position);
        let groups = self
            .groups
            .into_iter()
            .map(|(name, (totals, values))| GroupStats {
                name,
                totals,
                metrics: values.into_iter().map(SortedValues::new).collect(),
            })
            .collect();
        let metrics: Vec<SortedValues> = self.values.into_iter().map(SortedValues::new).collect();
        let stats = BatchStats {
            metric_names: self.metric_names,
            metric_decimals: self.metric_decimals,
            metric_summaries: metrics.iter().map(SortedValues::summary).collect(),
            metrics,
            groups,
            vocabulary: self.vocabulary,
            totals: self.totals,
            reference: None,
        };
        (self.documents, stats)
    }
}

fn push_values(values: &mut [Vec<f64>], row: &[Option<f64>]) {
    for (values, value) in values.iter_mut().zip(row) {
        values.extend(value.filter(|v| v.is_finite()));
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
        partial.add("d".into(), None, Vec::new(), 6, Vec::new(), &counted);
        let document = &partial.documents[0];
        let ranks: Vec<usize> = document
            .terms
            .iter()
            .map(|&(_, n)| document.rank(n))
            .collect();
        assert_eq!(ranks, [1, 1, 3, 3]);
    }

    #[test]
    fn a_merge_renumbers_the_later_parts_terms() {
        let names = vec!["words".to_owned()];
        let mut first = BatchPartial::new(names.clone(), vec![0]);
        first.add(
            "a".into(),
            Some("g".into()),
            Vec::new(),
            3,
            vec![Some(3.0)],
            &terms(&[("war", 2), ("peace", 1)]),
        );
        let mut second = BatchPartial::new(names, vec![0]);
        second.add(
            "b".into(),
            Some("g".into()),
            Vec::new(),
            2,
            vec![Some(2.0)],
            &terms(&[("peace", 1), ("trade", 1)]),
        );
        let merged = first.merge(second);
        let peace = merged.vocabulary.id("peace").unwrap();
        let trade = merged.vocabulary.id("trade").unwrap();
        assert_eq!(merged.totals.count(peace), 2);
        assert_eq!(merged.totals.doc_freq[&peace], 2);
        assert_eq!(merged.documents[1].terms, [(peace, 1), (trade, 1)]);
        let (_, stats) = merged.finalize();
        assert_eq!(stats.groups[0].totals.count(peace), 2);
        assert_eq!(stats.metric_summaries[0].mean, Some(2.5));
    }
}
