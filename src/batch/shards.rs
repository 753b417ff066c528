//! A partial summary cut by term into shards, and pruned of rare terms:
//! what lets an engine merge a large vocabulary on its own workers (a
//! group-by on the shard) instead of on one driver. Merging every shard
//! gives back the partial; pruning a partial of the whole batch (or a shard
//! merged from every part) keeps the reports of any `--min-count` at least
//! the pruning's unchanged (`tests/batch_merge.rs`).

use super::partial::{empty_histograms, BatchPartial, GroupTotals, TermTotals};
use super::vocabulary::{TermId, Vocabulary};

/// What a cut of a partial does with everything but its terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rest {
    /// Kept: document and word totals, histograms.
    Kept,
    /// Zeroed (every shard but the first), so shards add up to the whole.
    Zeroed,
}

impl Rest {
    fn only_in(first: bool) -> Rest {
        if first {
            Rest::Kept
        } else {
            Rest::Zeroed
        }
    }
}

impl BatchPartial {
    /// The partial cut by term into `shards` partials, so that an engine
    /// can merge each shard's vocabulary on its own worker (a group-by on
    /// the shard number) instead of merging every term on one driver.
    /// Shard `k` holds the terms whose stable hash is `k` modulo `shards`,
    /// with their counts, document frequencies and group counts; shard 0
    /// also holds everything else (document and word totals, histograms),
    /// the others zeros. Merging every shard gives back the partial.
    pub fn split(self, shards: usize) -> Vec<BatchPartial> {
        let shards = shards.max(1);
        let shard_of: Vec<usize> = (self.vocabulary.terms())
            .map(|term| (stable_hash(term) % shards as u64) as usize)
            .collect();
        (0..shards)
            .map(|k| self.with_terms(|id| shard_of[id as usize] == k, Rest::only_in(k == 0)))
            .collect()
    }

    /// The partial without the terms seen fewer than `min_count` times.
    /// Only a partial of the whole batch (or a shard of it merged from every
    /// part) knows a term's count: prune it then, never a part. Reports of
    /// pruned statistics need `--min-count` at least `min_count`; they are
    /// then those of the statistics unpruned.
    pub fn prune(self, min_count: u64) -> BatchPartial {
        let counts = &self.totals.counts;
        let kept = |id| counts.get(&id).copied().unwrap_or(0) >= min_count;
        let mut pruned = self.with_terms(kept, Rest::Kept);
        pruned.pruned_below = self.pruned_below.max(min_count);
        pruned
    }

    /// This partial keeping only the terms `keep` says (renumbered), and
    /// the rest (document and word totals, histograms) as `rest` says.
    fn with_terms(&self, keep: impl Fn(TermId) -> bool, rest: Rest) -> BatchPartial {
        let mut vocabulary = Vocabulary::default();
        let remap: Vec<Option<TermId>> = (self.vocabulary.terms().enumerate())
            .map(|(id, term)| keep(id as TermId).then(|| vocabulary.intern(term)))
            .collect();
        let decimals = &self.metric_decimals;
        let groups = (self.groups.iter())
            .map(|(name, group)| {
                let histograms = match rest {
                    Rest::Kept => group.histograms.clone(),
                    Rest::Zeroed => empty_histograms(decimals),
                };
                let totals = group.totals.keeping(&remap, rest);
                (name.clone(), GroupTotals { totals, histograms })
            })
            .collect();
        BatchPartial {
            metric_names: self.metric_names.clone(),
            metric_decimals: self.metric_decimals.clone(),
            vocabulary,
            totals: self.totals.keeping(&remap, rest),
            histograms: match rest {
                Rest::Kept => self.histograms.clone(),
                Rest::Zeroed => empty_histograms(decimals),
            },
            groups,
            pruned_below: self.pruned_below,
        }
    }
}

impl TermTotals {
    /// The totals of the terms `remap` keeps, renumbered; the document and
    /// word totals as `rest` says.
    fn keeping(&self, remap: &[Option<TermId>], rest: Rest) -> TermTotals {
        let renumbered = |id: &TermId| remap[*id as usize];
        let kept = rest == Rest::Kept;
        TermTotals {
            documents: if kept { self.documents } else { 0 },
            words: if kept { self.words } else { 0 },
            counts: (self.counts.iter())
                .filter_map(|(id, &n)| renumbered(id).map(|new| (new, n)))
                .collect(),
            doc_freq: (self.doc_freq.iter())
                .filter_map(|(id, &n)| renumbered(id).map(|new| (new, n)))
                .collect(),
        }
    }
}

/// A hash of a term that is the same in every process and on every machine
/// (FNV-1a, 64 bits), to pick its shard.
fn stable_hash(term: &str) -> u64 {
    term.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::BatchStats;

    fn terms(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
        pairs.iter().map(|(t, n)| ((*t).to_owned(), *n)).collect()
    }

    fn sample() -> BatchPartial {
        let mut partial = BatchPartial::new(vec!["words".to_owned()], vec![0]);
        partial.add(
            Some("g"),
            3,
            &[Some(3.0)],
            &terms(&[("war", 2), ("peace", 1)]),
        );
        partial.add(
            Some("h"),
            4,
            &[Some(4.0)],
            &terms(&[("peace", 3), ("trade", 1)]),
        );
        partial.add(None, 2, &[Some(2.0)], &terms(&[("law", 1), ("order", 1)]));
        partial
    }

    /// The statistics as comparable text: terms with their counts and
    /// document frequencies, per group too, and the metric summaries.
    fn described(stats: &BatchStats) -> String {
        let terms = |totals: &TermTotals| {
            let mut listed: Vec<String> = (totals.counts.iter())
                .map(|(&id, n)| {
                    format!("{}:{n}/{}", stats.vocabulary.term(id), totals.doc_freq[&id])
                })
                .collect();
            listed.sort();
            format!(
                "{} docs {} words {listed:?}",
                totals.documents, totals.words
            )
        };
        let groups: Vec<String> = (stats.groups.iter())
            .map(|g| {
                format!(
                    "{} {} {:?}",
                    g.name,
                    terms(&g.totals),
                    g.metrics[0].summary()
                )
            })
            .collect();
        format!(
            "{} {:?} {groups:?}",
            terms(&stats.totals),
            stats.metrics[0].summary()
        )
    }

    #[test]
    fn shards_merged_give_back_the_partial() {
        let whole = described(&sample().finalize());
        for shards in [1, 2, 3, 7] {
            let parts = sample().split(shards);
            assert_eq!(parts.len(), shards);
            let merged = parts.into_iter().rev().reduce(BatchPartial::merge).unwrap();
            assert_eq!(described(&merged.finalize()), whole, "{shards} shards");
        }
    }

    #[test]
    fn pruning_drops_rare_terms_only() {
        let stats = sample().prune(2).finalize();
        let kept: Vec<&str> = stats.vocabulary.terms().collect();
        assert_eq!(kept, ["war", "peace"], "seen 2 and 4 times");
        assert_eq!((stats.totals.documents, stats.totals.words), (3, 9));
        assert_eq!(stats.pruned_below, 2);
        let h = stats.groups.iter().find(|g| g.name == "h").unwrap();
        assert_eq!(h.totals.counts.len(), 1, "trade pruned from group h too");
        assert_eq!(stats.metrics[0].summary().n, 3);
    }
}
