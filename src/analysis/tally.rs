//! What counted blocks add up to, free of the worker's lexicon: so that the
//! pieces of one huge document, counted on different threads (each with
//! its own lexicon), can be put together in document order, and the
//! measures that need the whole document (proper nouns, diversity, terms)
//! worked out once at the end. Putting pieces together gives exactly what
//! counting the whole would: types are numbered in order of first use
//! either way, and every other figure is a sum.

use super::terms::sorted_counts;
use super::token_log::TokenLog;
use super::{AnalysisRules, KwicLog, SentenceLog};
use crate::counts::{Counts, SpellingFacts};
use crate::metrics::diversity::{Diversity, TokenSequence};
use crate::themes::ThemeTally;
use rustc_hash::FxHashMap;

/// One spelling's occurrences (a spelling may appear once a piece).
#[derive(Debug, Clone, Copy)]
pub struct SpellingTally {
    /// What is known of it.
    pub facts: SpellingFacts,
    /// Its type, an index into [`DocumentTally::types`].
    pub word_type: u32,
    /// How often it occurs.
    pub occurrences: usize,
}

/// One type (lowercased term) and the evidence on it.
#[derive(Debug, Clone)]
pub struct TypeTally {
    /// The term.
    pub term: String,
    /// Written in lower case somewhere.
    pub lower_seen: bool,
    /// Written with a capital inside a sentence somewhere.
    pub capital_inside: bool,
    /// Occurrences.
    pub occurrences: usize,
}

impl TypeTally {
    /// A proper noun: capitalized inside a sentence and never lower case.
    pub fn is_proper(&self) -> bool {
        self.capital_inside && !self.lower_seen
    }
}

/// Counted blocks of one document, in order.
#[derive(Debug, Default)]
pub struct DocumentTally {
    /// Spellings and their occurrences.
    pub spellings: Vec<SpellingTally>,
    /// Types, in order of first use.
    pub types: Vec<TypeTally>,
    /// Each word as its type, in order.
    pub tokens: TokenLog,
    /// Sentences with words.
    pub sentences: usize,
    /// Characters other than white space.
    pub characters: usize,
    /// Words inside a match of any theme.
    pub theme_words: usize,
    /// N-grams of two or more words (single words are counted by type).
    pub ngrams: FxHashMap<String, usize>,
    /// One tally per theme.
    pub themes: Vec<ThemeTally>,
    /// Per-sentence figures, when kept.
    pub sentence_stats: SentenceLog,
    /// Theme matches in context, when kept; sentence numbers from 1 for
    /// the first sentence of these blocks.
    pub kwic: KwicLog,
    /// Where each term is in `types`, once pieces are put together.
    pub(super) type_index: FxHashMap<String, u32>,
    /// Where each (type, facts) is in `spellings`, likewise: a spelling
    /// met in many pieces is kept once.
    pub(super) spelling_index: FxHashMap<(u32, SpellingFacts), u32>,
}

impl DocumentTally {
    /// Add the blocks counted in `next`, which follow these in the document.
    pub fn append(&mut self, next: DocumentTally) {
        self.index();
        let mut remap = Vec::with_capacity(next.types.len());
        for seen in next.types {
            let next_id = self.types.len() as u32;
            let id = *self.type_index.entry(seen.term.clone()).or_insert(next_id);
            if id == next_id {
                self.types.push(seen);
            } else {
                let mine = &mut self.types[id as usize];
                mine.lower_seen |= seen.lower_seen;
                mine.capital_inside |= seen.capital_inside;
                mine.occurrences += seen.occurrences;
            }
            remap.push(id);
        }
        let tokens = next.tokens.forward().map(|t| remap[t as usize]);
        self.tokens.extend(tokens);
        for spelling in next.spellings {
            let word_type = remap[spelling.word_type as usize];
            self.add_spelling(SpellingTally {
                word_type,
                ..spelling
            });
        }
        for mut line in next.kwic {
            line.sentence += self.sentences;
            self.kwic.push(line);
        }
        self.sentences += next.sentences;
        self.characters += next.characters;
        self.theme_words += next.theme_words;
        for (ngram, n) in next.ngrams {
            *self.ngrams.entry(ngram).or_default() += n;
        }
        add_theme_tallies(&mut self.themes, next.themes);
        self.sentence_stats.append(next.sentence_stats);
    }

    /// Build the indexes of types and spellings, if not yet built.
    fn index(&mut self) {
        if self.type_index.len() == self.types.len() {
            return;
        }
        let types = self.types.iter().enumerate();
        self.type_index = types.map(|(id, t)| (t.term.clone(), id as u32)).collect();
        let spellings = std::mem::take(&mut self.spellings);
        spellings.into_iter().for_each(|s| self.add_spelling(s));
    }

    /// Add a spelling's occurrences, to its entry if it has one.
    fn add_spelling(&mut self, spelling: SpellingTally) {
        let key = (spelling.word_type, spelling.facts);
        let next = self.spellings.len() as u32;
        let index = *self.spelling_index.entry(key).or_insert(next);
        match self.spellings.get_mut(index as usize) {
            Some(mine) => mine.occurrences += spelling.occurrences,
            None => self.spellings.push(spelling),
        }
    }

    /// Everything counted, with the measures that need the whole document.
    pub fn finish(mut self, rules: &AnalysisRules) -> super::Counted {
        let mut counts = Counts::default();
        let mut spache_unfamiliar = vec![false; self.types.len()];
        for seen in &self.spellings {
            let proper = self.types[seen.word_type as usize].is_proper();
            seen.facts.add_to(&mut counts, seen.occurrences, proper);
            spache_unfamiliar[seen.word_type as usize] |=
                !proper && !seen.facts.is_number() && !seen.facts.spache;
        }
        counts.spache_unfamiliar_distinct = spache_unfamiliar.iter().filter(|&&u| u).count();
        counts.sentences = self.sentences;
        counts.characters = self.characters;
        counts.theme_words = self.theme_words;
        counts.types = self.types.len();
        for seen in &self.types {
            rules
                .terms
                .count_word(&seen.term, seen.occurrences, &mut self.ngrams);
        }
        super::Counted {
            counts,
            diversity: Diversity::of(&self.tokens, rules.mattr_window),
            terms: sorted_counts(self.ngrams),
            themes: self.themes,
            sentences: self.sentence_stats,
            kwic: self.kwic,
        }
    }
}

/// Add `more` theme tallies (one per theme) to `tallies`.
fn add_theme_tallies(tallies: &mut Vec<ThemeTally>, more: Vec<ThemeTally>) {
    if tallies.is_empty() {
        *tallies = more;
        return;
    }
    for (tally, extra) in tallies.iter_mut().zip(more) {
        tally.count += extra.count;
        tally.negated += extra.negated;
        tally.weighted += extra.weighted;
        for (text, n) in extra.matched {
            *tally.matched.entry(text).or_default() += n;
        }
    }
}
