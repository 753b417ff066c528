//! Term features of one document, for `terms.csv`, keyness and TF-IDF:
//! words with stopwords left out, optionally stemmed (the Snowball English
//! stemmer, Porter 2), as n-grams that never cross a sentence boundary.
//! Readability and diversity never see these: they count every word.
//!
//! An n-gram of two or more words is kept unless it begins or ends with a
//! stopword, so `rule of law` and `prime minister` are terms while `of the`
//! and `the government` are not; a single word is kept unless it is a
//! stopword. Stopwords are matched on the lowercased word before stemming.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::fmt;

/// How a document's words become its terms.
pub struct TermRules {
    stopwords: FxHashSet<String>,
    stemmer: Option<Stemmer>,
    shortest: usize,
    longest: usize,
}

impl fmt::Debug for TermRules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TermRules")
            .field("stopwords", &self.stopwords.len())
            .field("stem", &self.stemmer.is_some())
            .field("ngrams", &(self.shortest..=self.longest))
            .finish()
    }
}

impl Default for TermRules {
    /// Single words, no stopwords left out, no stemming.
    fn default() -> Self {
        TermRules::new(FxHashSet::default(), false, (1, 1))
    }
}

impl TermRules {
    /// Rules leaving out `stopwords` (lowercase), stemming when `stem`, and
    /// counting n-grams of `ngrams.0` to `ngrams.1` words (both at least 1).
    pub fn new(stopwords: FxHashSet<String>, stem: bool, ngrams: (usize, usize)) -> Self {
        TermRules {
            stopwords,
            stemmer: stem.then(|| Stemmer::create(Algorithm::English)),
            shortest: ngrams.0.max(1),
            longest: ngrams.1.max(ngrams.0).max(1),
        }
    }

    /// Whether `term` (lowercase) is a stopword.
    pub fn is_stopword(&self, term: &str) -> bool {
        self.stopwords.contains(term)
    }

    /// The form a word is counted under: stemmed when asked for.
    fn form<'a>(&self, term: &'a str) -> Cow<'a, str> {
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(term),
            None => Cow::Borrowed(term),
        }
    }

    /// Add the terms of one sentence (its words' lowercase terms, in order)
    /// to `counts`: its single words and its n-grams.
    pub fn count_sentence(&self, terms: &[&str], counts: &mut FxHashMap<String, usize>) {
        for term in terms {
            self.count_word(term, 1, counts);
        }
        self.count_ngrams(terms, counts);
    }

    /// Add `occurrences` of one word (its lowercase term) to `counts`, if
    /// single words are terms under these rules and it is not a stopword.
    pub fn count_word(
        &self,
        term: &str,
        occurrences: usize,
        counts: &mut FxHashMap<String, usize>,
    ) {
        if self.shortest > 1 || occurrences == 0 || self.is_stopword(term) {
            return;
        }
        let form = self.form(term);
        match counts.get_mut(form.as_ref()) {
            Some(n) => *n += occurrences,
            None => {
                counts.insert(form.into_owned(), occurrences);
            }
        }
    }

    /// Add the n-grams of two or more words of one sentence to `counts`.
    pub fn count_ngrams(&self, terms: &[&str], counts: &mut FxHashMap<String, usize>) {
        let shortest = self.shortest.max(2);
        if self.longest < shortest || terms.len() < shortest {
            return;
        }
        let words: Vec<(Cow<'_, str>, bool)> = terms
            .iter()
            .map(|term| (self.form(term), self.is_stopword(term)))
            .collect();
        let mut key = String::new();
        for n in shortest..=self.longest.min(words.len()) {
            for gram in words.windows(n) {
                if gram[0].1 || gram[n - 1].1 {
                    continue;
                }
                key.clear();
                for (i, (form, _)) in gram.iter().enumerate() {
                    key.push_str(if i == 0 { "" } else { " " });
                    key.push_str(form);
                }
                bump(counts, &key);
            }
        }
    }
}

/// Add one to `key`'s count, allocating only for a new key.
fn bump(counts: &mut FxHashMap<String, usize>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_owned(), 1);
        }
    }
}

/// Counts sorted most frequent first, ties in term order.
pub fn sorted_counts(counts: FxHashMap<String, usize>) -> Vec<(String, usize)> {
    let mut terms: Vec<(String, usize)> = counts.into_iter().collect();
    terms.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(rules: &TermRules, sentences: &[&[&str]]) -> Vec<(String, usize)> {
        let mut counts = FxHashMap::default();
        for sentence in sentences {
            rules.count_sentence(sentence, &mut counts);
        }
        sorted_counts(counts)
    }

    fn stopwords(words: &[&str]) -> FxHashSet<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn stopwords_are_left_out_of_single_words() {
        let rules = TermRules::new(stopwords(&["the", "of"]), false, (1, 1));
        let found = terms(&rules, &[&["the", "rule", "of", "the", "law"]]);
        assert_eq!(found, [("law".into(), 1), ("rule".into(), 1)]);
    }

    #[test]
    fn ngrams_keep_inner_stopwords_but_not_outer_ones() {
        let rules = TermRules::new(stopwords(&["the", "of"]), false, (2, 3));
        let found = terms(&rules, &[&["the", "rule", "of", "law"]]);
        let names: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            names,
            ["rule of law"],
            "`the rule`, `rule of`, `of law` dropped"
        );
    }

    #[test]
    fn ngrams_never_cross_sentences() {
        let rules = TermRules::new(FxHashSet::default(), false, (2, 2));
        let found = terms(&rules, &[&["a", "b"], &["c", "d"]]);
        let names: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["a b", "c d"], "no `b c`");
    }

    #[test]
    fn stemming_merges_inflections_and_checks_stopwords_first() {
        let rules = TermRules::new(stopwords(&["having"]), true, (1, 1));
        let found = terms(&rules, &[&["elections", "election", "elected", "having"]]);
        assert_eq!(found[0], ("elect".into(), 3), "{found:?}");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn counts_are_sorted_by_count_then_term() {
        let rules = TermRules::default();
        let found = terms(&rules, &[&["b", "a", "b", "c", "a", "d"]]);
        let names: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["a", "b", "c", "d"]);
    }
}
