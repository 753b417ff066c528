//! The per-document counts every measure is computed from. A document is
//! read once into [`WordFacts`] (one per word) and these sums; readability
//! formulas (`metrics/`) see only this struct, never text.

use crate::text::words::term;
use crate::wordlists;
use rustc_hash::{FxHashMap, FxHashSet};

/// Words of this many syllables or more are polysyllables (SMOG, Fog,
/// Linsear Write "hard" words, Wiener Sachtextformel).
pub const POLYSYLLABLE_MIN: u32 = 3;
/// Words of more letters than this are long words (LIX, RIX, Wiener).
pub const LONG_WORD_LETTERS: usize = 6;
/// Words of at most this many letters are mini-words (McAlpine EFLAW).
pub const MINI_WORD_LETTERS: usize = 3;

/// Sums over one document's counted text (headline and furniture excluded).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Paragraphs: blocks of running text (see `text::paragraphs`).
    pub paragraphs: usize,
    /// Sentences.
    pub sentences: usize,
    /// Words.
    pub words: usize,
    /// Distinct words (types): lowercased terms, each counted once.
    pub types: usize,
    /// Syllables of all words.
    pub syllables: usize,
    /// Characters other than white space.
    pub characters: usize,
    /// Letters in words.
    pub letters: usize,
    /// Letters and digits in words (ARI's "characters").
    pub letters_and_digits: usize,
    /// Words of one syllable.
    pub monosyllables: usize,
    /// Words of three or more syllables.
    pub polysyllables: usize,
    /// Gunning's complex words: three or more syllables, not a proper noun,
    /// not a hyphenated compound, not three syllables only by -es/-ed/-ing.
    pub complex_words: usize,
    /// Words of more than six letters.
    pub long_words: usize,
    /// Words of at most three letters.
    pub mini_words: usize,
    /// Dale–Chall difficult words: not familiar, not a proper noun or number.
    pub difficult_words: usize,
    /// Distinct words not on the Spache list (Spache counts each once).
    pub spache_unfamiliar_distinct: usize,
}

/// What is known about one word, computed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordFacts {
    /// The lowercased term.
    pub term: String,
    /// Syllables.
    pub syllables: u32,
    /// Letters.
    pub letters: usize,
    /// Digits.
    pub digits: usize,
    /// Starts with a capital letter.
    pub capitalized: bool,
    /// First word of its sentence.
    pub sentence_initial: bool,
    /// A hyphenated compound.
    pub hyphenated: bool,
}

impl WordFacts {
    /// The facts of `word`; `sentence_initial` if it starts its sentence.
    pub fn new(word: &str, sentence_initial: bool) -> Self {
        Self::with_syllables(word, sentence_initial, crate::text::syllables(word))
    }

    /// The facts of `word` whose syllables are already known.
    pub fn with_syllables(word: &str, sentence_initial: bool, syllables: u32) -> Self {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        WordFacts {
            term: term(word),
            syllables,
            letters,
            digits: word.chars().filter(char::is_ascii_digit).count(),
            capitalized: word.chars().next().is_some_and(char::is_uppercase),
            sentence_initial,
            hyphenated: word.contains(['-', '\u{2010}', '\u{2011}']),
        }
    }

    /// A number written in digits (no letters).
    pub fn is_number(&self) -> bool {
        self.letters == 0
    }

    /// Three or more syllables only because of an -es, -ed or -ing ending
    /// that adds a syllable (`processes`, `created`, `remaining`).
    pub fn polysyllabic_by_ending(&self) -> bool {
        let adds = if self.term.ends_with("ing") {
            1
        } else if let Some(stem) = self.term.strip_suffix("ed") {
            u32::from(stem.ends_with(['t', 'd']))
        } else if let Some(stem) = self.term.strip_suffix("es") {
            u32::from(
                ["s", "x", "z", "ch", "sh", "c", "g"]
                    .iter()
                    .any(|s| stem.ends_with(s)),
            )
        } else {
            0
        };
        self.syllables - adds < POLYSYLLABLE_MIN
    }
}

/// Add up the facts of a document's words. `proper` says whether a word is
/// a proper noun (decided from the whole document, see [`proper_nouns`]).
pub fn sum_words(facts: &[WordFacts], proper: impl Fn(&WordFacts) -> bool) -> Counts {
    let mut counts = Counts::default();
    let mut familiar: FxHashMap<&str, Familiarity> = FxHashMap::default();
    let mut spache_unfamiliar = FxHashSet::default();
    for word in facts {
        let is_proper = proper(word);
        let exempt = is_proper || word.is_number();
        let known = *familiar
            .entry(word.term.as_str())
            .or_insert_with(|| Familiarity::of(&word.term));
        add_word(&mut counts, word, is_proper);
        counts.difficult_words += usize::from(!exempt && !known.dale_chall);
        if !exempt && !known.spache {
            spache_unfamiliar.insert(word.term.as_str());
        }
    }
    counts.spache_unfamiliar_distinct = spache_unfamiliar.len();
    counts
}

/// Whether a term is on each familiar-word list (looked up once a term).
#[derive(Debug, Clone, Copy)]
struct Familiarity {
    dale_chall: bool,
    spache: bool,
}

impl Familiarity {
    fn of(term: &str) -> Self {
        Familiarity {
            dale_chall: wordlists::dale_chall().is_familiar(term),
            spache: wordlists::spache().is_familiar(term),
        }
    }
}

fn add_word(counts: &mut Counts, word: &WordFacts, proper: bool) {
    let polysyllable = word.syllables >= POLYSYLLABLE_MIN;
    counts.words += 1;
    counts.syllables += word.syllables as usize;
    counts.letters += word.letters;
    counts.letters_and_digits += word.letters + word.digits;
    counts.monosyllables += usize::from(word.syllables == 1);
    counts.polysyllables += usize::from(polysyllable);
    counts.complex_words +=
        usize::from(polysyllable && !proper && !word.hyphenated && !word.polysyllabic_by_ending());
    counts.long_words += usize::from(word.letters > LONG_WORD_LETTERS);
    counts.mini_words += usize::from(word.letters + word.digits <= MINI_WORD_LETTERS);
}

/// Terms that are proper nouns in this document: written with a capital
/// inside a sentence, and never written in lower case. A capitalized word at
/// the start of a sentence is a proper noun only if it is one of these.
pub fn proper_nouns(facts: &[WordFacts]) -> FxHashSet<&str> {
    let mut lower_seen = FxHashSet::default();
    let mut capital_inside = FxHashSet::default();
    for word in facts.iter().filter(|w| !w.is_number()) {
        if !word.capitalized {
            lower_seen.insert(word.term.as_str());
        } else if !word.sentence_initial {
            capital_inside.insert(word.term.as_str());
        }
    }
    capital_inside.retain(|term| !lower_seen.contains(term));
    capital_inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(words: &[(&str, bool)]) -> Vec<WordFacts> {
        words
            .iter()
            .map(|(w, initial)| WordFacts::new(w, *initial))
            .collect()
    }

    #[test]
    fn gunning_complex_words_exclude_names_compounds_and_endings() {
        let words = facts(&[
            ("Government", true),
            ("Afghanistan", false),
            ("decision-making", false),
            ("created", false),
            ("processes", false),
            ("remaining", false),
            ("institution", false),
        ]);
        let proper = proper_nouns(&words);
        let counts = sum_words(&words, |w| proper.contains(w.term.as_str()));
        assert_eq!(counts.polysyllables, 7);
        assert_eq!(counts.complex_words, 2, "government, institution");
    }

    #[test]
    fn proper_nouns_are_capitalized_inside_sentences_and_never_lowercase() {
        let words = facts(&[
            ("Kabul", true),
            ("is", false),
            ("in", false),
            ("Kabul", false),
            ("The", true),
            ("the", false),
            ("Then", false),
        ]);
        let proper = proper_nouns(&words);
        assert!(proper.contains("kabul"));
        assert!(!proper.contains("the"));
        assert!(
            proper.contains("then"),
            "capital inside a sentence, never lowercase"
        );
    }

    #[test]
    fn dale_chall_difficult_words_skip_names_and_numbers() {
        let words = facts(&[
            ("Insurgency", true),
            ("in", false),
            ("Kabul", false),
            ("grew", false),
            ("1,000", false),
            ("percent", false),
        ]);
        let proper = proper_nouns(&words);
        let counts = sum_words(&words, |w| proper.contains(w.term.as_str()));
        assert_eq!(counts.difficult_words, 2, "insurgency, percent");
    }

    #[test]
    fn letters_mini_and_long_words() {
        let words = facts(&[
            ("a", true),
            ("cat", false),
            ("mid-level", false),
            ("26", false),
        ]);
        let counts = sum_words(&words, |_| false);
        assert_eq!(counts.letters, 1 + 3 + 8);
        assert_eq!(counts.letters_and_digits, 14);
        assert_eq!(counts.mini_words, 3, "a, cat, 26");
        assert_eq!(counts.long_words, 1);
    }
}
