//! The per-document counts every measure is computed from. A document is
//! read once; each distinct spelling's [`SpellingFacts`] are worked out once
//! and added up by occurrences into these sums; readability formulas
//! (`metrics/`) see only [`Counts`], never text.

use crate::wordlists;

/// Words of this many syllables or more are polysyllables (SMOG, Fog,
/// Linsear Write "hard" words, Wiener Sachtextformel).
pub const POLYSYLLABLE_MIN: u32 = 3;
/// Words of more letters than this are long words (LIX, RIX, Wiener).
pub const LONG_WORD_LETTERS: usize = 6;
/// Words of at most this many letters are mini-words (McAlpine EFLAW).
pub const MINI_WORD_LETTERS: usize = 3;

/// Sums over one document's counted text (headline and furniture excluded).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// Words inside a match of any theme of the dictionary, each once
    /// however many themes match it (for `dictionary_coverage`).
    pub theme_words: usize,
}

/// What is known about one spelling of a word (`Kabul`, `kabul`, `U.S.`),
/// computed once: everything a count needs except whether its term is a
/// proper noun, which only the whole document can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SpellingFacts {
    /// Syllables.
    pub syllables: u32,
    /// Letters.
    pub letters: u32,
    /// Digits.
    pub digits: u32,
    /// Starts with a capital letter.
    pub capitalized: bool,
    /// Written in capitals: two letters or more, none of them lower case
    /// (`US`, `MAY`).
    pub in_capitals: bool,
    /// A hyphenated compound.
    pub hyphenated: bool,
    /// Three or more syllables only by an -es, -ed or -ing ending.
    pub polysyllabic_by_ending: bool,
    /// On the Dale–Chall familiar list (by its term).
    pub dale_chall: bool,
    /// On the Spache familiar list (by its term).
    pub spache: bool,
}

impl SpellingFacts {
    /// The facts of `word`, whose lowercased term is `term`.
    pub fn of(word: &str, term: &str) -> Self {
        let syllables = crate::text::syllables(word);
        SpellingFacts {
            syllables,
            letters: word.chars().filter(|c| c.is_alphabetic()).count() as u32,
            digits: word.bytes().filter(u8::is_ascii_digit).count() as u32,
            capitalized: word.chars().next().is_some_and(char::is_uppercase),
            in_capitals: word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !word.chars().any(char::is_lowercase),
            hyphenated: word.contains(['-', '\u{2010}', '\u{2011}']),
            polysyllabic_by_ending: polysyllabic_by_ending(term, syllables),
            dale_chall: wordlists::dale_chall().is_familiar(term),
            spache: wordlists::spache().is_familiar(term),
        }
    }

    /// A number written in digits (no letters).
    pub fn is_number(&self) -> bool {
        self.letters == 0
    }

    /// Add `occurrences` of this spelling to `counts`; `proper` if its term
    /// is a proper noun in the document. Spache's distinct count is the
    /// caller's, as it goes by term.
    pub fn add_to(&self, counts: &mut Counts, occurrences: usize, proper: bool) {
        let n = occurrences;
        let polysyllable = self.syllables >= POLYSYLLABLE_MIN;
        let (letters, digits) = (self.letters as usize, self.digits as usize);
        let complex = polysyllable && !proper && !self.hyphenated && !self.polysyllabic_by_ending;
        let difficult = !proper && !self.is_number() && !self.dale_chall;
        counts.words += n;
        counts.syllables += n * self.syllables as usize;
        counts.letters += n * letters;
        counts.letters_and_digits += n * (letters + digits);
        counts.monosyllables += n * usize::from(self.syllables == 1);
        counts.polysyllables += n * usize::from(polysyllable);
        counts.complex_words += n * usize::from(complex);
        counts.long_words += n * usize::from(letters > LONG_WORD_LETTERS);
        counts.mini_words += n * usize::from(letters + digits <= MINI_WORD_LETTERS);
        counts.difficult_words += n * usize::from(difficult);
    }
}

/// Whether a word of `syllables` is a polysyllable only because of an -es,
/// -ed or -ing ending that adds a syllable (`processes`, `created`,
/// `remaining`); `term` is lowercase.
fn polysyllabic_by_ending(term: &str, syllables: u32) -> bool {
    let adds = if term.ends_with("ing") {
        1
    } else if let Some(stem) = term.strip_suffix("ed") {
        u32::from(stem.ends_with(['t', 'd']))
    } else if let Some(stem) = term.strip_suffix("es") {
        u32::from(
            ["s", "x", "z", "ch", "sh", "c", "g"]
                .iter()
                .any(|s| stem.ends_with(s)),
        )
    } else {
        0
    };
    syllables.saturating_sub(adds) < POLYSYLLABLE_MIN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_facts_of_a_compound_a_number_and_an_ending() {
        let compound = SpellingFacts::of("mid-level", "mid-level");
        assert!(compound.hyphenated && compound.letters == 8 && !compound.capitalized);
        let number = SpellingFacts::of("1,000", "1,000");
        assert!(number.is_number() && number.digits == 4);
        assert!(SpellingFacts::of("remaining", "remaining").polysyllabic_by_ending);
        assert!(SpellingFacts::of("created", "created").polysyllabic_by_ending);
        assert!(!SpellingFacts::of("institution", "institution").polysyllabic_by_ending);
        assert!(SpellingFacts::of("Kabul", "kabul").capitalized);
    }

    #[test]
    fn occurrences_multiply_and_proper_nouns_are_neither_complex_nor_difficult() {
        let facts = SpellingFacts::of("Afghanistan", "afghanistan");
        let mut counts = Counts::default();
        facts.add_to(&mut counts, 3, true);
        assert_eq!((counts.words, counts.syllables), (3, 12));
        assert_eq!((counts.polysyllables, counts.complex_words), (3, 0));
        assert_eq!(counts.difficult_words, 0);
        facts.add_to(&mut counts, 1, false);
        assert_eq!((counts.complex_words, counts.difficult_words), (1, 1));
    }

    #[test]
    fn letters_mini_and_long_words() {
        let mut counts = Counts::default();
        for word in ["a", "cat", "mid-level", "26"] {
            SpellingFacts::of(word, word).add_to(&mut counts, 1, false);
        }
        assert_eq!(counts.letters, 1 + 3 + 8);
        assert_eq!(counts.letters_and_digits, 14);
        assert_eq!(counts.mini_words, 3, "a, cat, 26");
        assert_eq!(counts.long_words, 1);
    }
}
