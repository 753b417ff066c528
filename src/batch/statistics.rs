//! The batch statistics, finalized from a [`super::BatchPartial`]: each
//! metric's distribution over the documents (for `compare.csv`) and over
//! each group (for `groups.csv`), the batch vocabulary with document
//! frequencies (for TF-IDF and `corpus_terms.csv`), and keyness of a
//! document or a group against the rest of the batch or a reference corpus
//! (for `keyness.csv`). The formulas live in [`crate::stats`].

use super::partial::{saturating_u32, DocumentSummary, TermTotals};
use super::vocabulary::{TermId, Vocabulary};
use crate::stats::histogram::Distribution;
use crate::stats::keyness::{keyness, Keyness};
use crate::stats::summary::{z_score, Summary};

/// The statistics of a whole batch.
#[derive(Debug, Clone)]
pub struct BatchStats {
    /// Names of the compared metrics, in metric-row order.
    pub metric_names: Vec<String>,
    /// Decimals each metric is shown with.
    pub metric_decimals: Vec<usize>,
    /// Each metric's values over the batch, at their printed precision,
    /// with their summary (n, mean, median, sd, min, max).
    pub metrics: Vec<Distribution>,
    /// The groups, in name order (none when the batch is not grouped).
    pub groups: Vec<GroupStats>,
    /// Every term of the batch.
    pub vocabulary: Vocabulary,
    /// Term totals of the batch.
    pub totals: TermTotals,
    /// The corpus keyness compares against, when not the batch itself.
    pub reference: Option<ReferenceCorpus>,
    /// Terms seen fewer times than this in the batch were pruned from the
    /// vocabulary (1: none was; see [`super::BatchPartial::prune`]).
    pub pruned_below: u64,
}

/// The statistics of one group of documents.
#[derive(Debug, Clone)]
pub struct GroupStats {
    /// The group's name.
    pub name: String,
    /// Its term totals.
    pub totals: TermTotals,
    /// Each metric's values over the group, at their printed precision.
    pub metrics: Vec<Distribution>,
}

/// A reference corpus: term counts only.
#[derive(Debug, Clone, Default)]
pub struct ReferenceCorpus {
    /// Its terms.
    pub vocabulary: Vocabulary,
    /// Its term totals.
    pub totals: TermTotals,
}

impl ReferenceCorpus {
    /// Add one reference document of `words` words and these term counts.
    pub fn add(&mut self, words: u64, terms: &[(String, usize)]) {
        let terms: Vec<(TermId, u32)> = terms
            .iter()
            .map(|(term, n)| (self.vocabulary.intern(term), saturating_u32(*n)))
            .collect();
        self.totals.add(words, &terms);
    }

    fn count(&self, term: &str) -> u64 {
        self.vocabulary
            .id(term)
            .map_or(0, |id| self.totals.count(id))
    }
}

/// Which keyness rows to keep.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeynessRules {
    /// At most this many terms a document or group.
    pub top: usize,
    /// Only terms whose signed G² is above this.
    pub min_g2: f64,
    /// Only terms seen at least this often in the batch.
    pub min_count: u64,
}

/// One term's keyness in a document or group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyTerm {
    /// The term.
    pub term: TermId,
    /// Its count in the document or group.
    pub count: u64,
    /// Its count in what it is compared against.
    pub rest_count: u64,
    /// The statistics.
    pub keyness: Keyness,
}

/// Where one value stands in the batch.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Standing {
    /// The batch mean of the metric.
    pub mean: Option<f64>,
    /// The batch standard deviation (n − 1).
    pub sd: Option<f64>,
    /// (value − mean) / sd.
    pub z: Option<f64>,
    /// Percentile rank, 0–100 (mid-rank: below + half of the ties).
    pub percentile: Option<f64>,
}

impl BatchStats {
    /// Where `value` of metric `metric` stands in the batch, taken (as the
    /// batch's values are) at its printed precision.
    pub fn standing(&self, metric: usize, value: Option<f64>) -> Standing {
        let values = &self.metrics[metric];
        let Summary { mean, sd, .. } = *values.summary();
        let value = value.and_then(|v| values.printed(v));
        Standing {
            mean,
            sd,
            z: value
                .zip(mean.zip(sd))
                .and_then(|(v, (m, s))| z_score(v, m, s)),
            percentile: value.and_then(|v| values.percentile_rank(v)),
        }
    }

    /// Inverse document frequency of a term, log10(N / df): quanteda's
    /// default (`dfm_tfidf`, scheme "inverse"), 0 for a term in every document.
    pub fn idf(&self, term: TermId) -> Option<f64> {
        let df = self.totals.doc_freq.get(&term).copied().unwrap_or(0);
        (df > 0).then(|| (self.totals.documents as f64 / f64::from(df)).log10())
    }

    /// Documents a term occurs in.
    pub fn doc_freq(&self, term: TermId) -> u32 {
        self.totals.doc_freq.get(&term).copied().unwrap_or(0)
    }

    /// The batch vocabulary with at least `min_count` occurrences, most
    /// frequent first, ties by term.
    pub fn corpus_terms(&self, min_count: u64) -> Vec<(TermId, u64)> {
        let mut terms: Vec<(TermId, u64)> = self
            .totals
            .counts
            .iter()
            .map(|(&id, &n)| (id, n))
            .filter(|&(_, n)| n >= min_count)
            .collect();
        terms.sort_unstable_by(|a, b| self.by_count_then_term(a, b));
        terms
    }

    fn by_count_then_term(&self, a: &(TermId, u64), b: &(TermId, u64)) -> std::cmp::Ordering {
        b.1.cmp(&a.1)
            .then_with(|| self.vocabulary.term(a.0).cmp(self.vocabulary.term(b.0)))
    }

    /// The key terms of one document against the rest of the batch (or the
    /// reference corpus).
    pub fn document_keyness(
        &self,
        document: &DocumentSummary,
        rules: KeynessRules,
    ) -> Vec<KeyTerm> {
        let terms = document.terms.iter().map(|&(id, n)| (id, u64::from(n)));
        self.key_terms(terms, document.words, rules)
    }

    /// The key terms of one group against the other groups (or the
    /// reference corpus).
    pub fn group_keyness(&self, group: &GroupStats, rules: KeynessRules) -> Vec<KeyTerm> {
        let terms = group.totals.counts.iter().map(|(&id, &n)| (id, n));
        self.key_terms(terms, group.totals.words, rules)
    }

    fn key_terms(
        &self,
        terms: impl Iterator<Item = (TermId, u64)>,
        words: u64,
        rules: KeynessRules,
    ) -> Vec<KeyTerm> {
        let mut found: Vec<KeyTerm> = terms
            // A pruned term (count 0 here) is never a key term.
            .filter(|&(id, _)| id != super::PRUNED && self.totals.count(id) >= rules.min_count)
            .filter_map(|(id, count)| {
                let (rest_count, rest_words) = self.rest(id, count, words);
                let keyness = keyness(count, rest_count, words, rest_words)?;
                (keyness.g2 > rules.min_g2).then_some(KeyTerm {
                    term: id,
                    count,
                    rest_count,
                    keyness,
                })
            })
            .collect();
        found.sort_unstable_by(|a, b| {
            b.keyness.g2.total_cmp(&a.keyness.g2).then_with(|| {
                self.vocabulary
                    .term(a.term)
                    .cmp(self.vocabulary.term(b.term))
            })
        });
        found.truncate(rules.top);
        found
    }

    /// A term's count and the word total of what a target (with `count` of
    /// the term in `words` words) is compared against.
    fn rest(&self, term: TermId, count: u64, words: u64) -> (u64, u64) {
        match &self.reference {
            Some(reference) => (
                reference.count(self.vocabulary.term(term)),
                reference.totals.words,
            ),
            // Saturating: a target from another batch must not wrap around.
            None => (
                self.totals.count(term).saturating_sub(count),
                self.totals.words.saturating_sub(words),
            ),
        }
    }
}
