//! Word lists: the English stopwords left out of terms, and the
//! familiar-word lists for the Dale–Chall (Chall & Dale 1995, the 3,000-word
//! list) and revised Spache (Spache 1974) formulas, embedded from `data/`.
//!
//! What counts as familiar follows the formula authors' rules: a listed word,
//! or a regular inflection of one: plural or third person `-s`/`-es`/`-ies`,
//! past `-ed`/`-d`/`-ied`, `-ing`, comparative and superlative `-er`/`-est`
//! (with the final `e` restored, the doubled consonant undone, `i` back to
//! `y`), and the possessive `'s`; Spache also allows `-ly` and `-ily`
//! adverbs, Dale–Chall does not. A hyphenated compound is familiar when every
//! part is. Proper names and numbers are decided by the caller, which sees
//! capitals and digits (see `counts.rs`).

use crate::text::words::undoubled;
use rustc_hash::FxHashSet;
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// A familiar-word list.
pub struct WordList {
    words: HashSet<&'static str>,
    /// Whether `-ly`/`-ily` adverbs of listed words are familiar (Spache: yes;
    /// Dale–Chall: no).
    adverbs_familiar: bool,
}

impl WordList {
    fn parse(source: &'static str, adverbs_familiar: bool) -> Self {
        let words = crate::data::entries(source).collect();
        WordList {
            words,
            adverbs_familiar,
        }
    }

    /// Number of words on the list.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `term` (lowercase, straight apostrophes) is on the list or is
    /// a regular inflection of a listed word.
    pub fn is_familiar(&self, term: &str) -> bool {
        if self.words.contains(term) {
            return true;
        }
        if term.contains('-') {
            return term
                .split('-')
                .all(|part| !part.is_empty() && self.is_familiar(part));
        }
        let adverb_stems = if self.adverbs_familiar {
            adverb_stems(term)
        } else {
            Vec::new()
        };
        stems(term)
            .iter()
            .chain(&adverb_stems)
            .any(|stem| self.words.contains(stem.as_str()))
    }
}

/// Candidate base forms of an inflected word.
fn stems(term: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bare = term.strip_suffix("'s").or_else(|| term.strip_suffix("s'"));
    if let Some(bare) = bare {
        found.push(bare.to_owned());
    }
    for (ending, restore) in INFLECTIONS {
        if let Some(bare) = term.strip_suffix(ending).filter(|b| b.len() >= 2) {
            found.push(format!("{bare}{restore}"));
            if let Some(single) = undoubled(bare) {
                found.push(single.to_owned());
            }
        }
    }
    found
}

/// Base forms of an `-ly`/`-ily` adverb (`quickly`, `happily`).
fn adverb_stems(term: &str) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(bare) = term.strip_suffix("ily") {
        found.push(format!("{bare}y"));
    }
    if let Some(bare) = term.strip_suffix("ly").filter(|b| b.len() >= 2) {
        found.push(bare.to_owned());
    }
    found
}

/// Inflectional endings and what to put back on the stem.
const INFLECTIONS: [(&str, &str); 13] = [
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ied", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ier", "y"),
    ("er", ""),
    ("er", "e"),
    ("iest", "y"),
    ("est", ""),
];

/// The built-in English stopwords (the Snowball project's list, 174 words).
pub fn english_stopwords() -> FxHashSet<String> {
    parse_stopwords(crate::data::STOPWORDS_ENGLISH)
}

/// A stopword list written by a user: words separated by white space or
/// commas, lines starting with `#` ignored, a leading byte-order mark
/// skipped; each word made a term as the text's words are (NFC, lowercased,
/// typographic apostrophes made straight).
pub fn parse_stopwords(source: &str) -> FxHashSet<String> {
    use unicode_normalization::UnicodeNormalization;
    crate::data::entries(source.trim_start_matches('\u{feff}'))
        .flat_map(|line| line.split(|c: char| c.is_whitespace() || c == ','))
        .filter(|word| !word.is_empty())
        .map(|word| crate::text::words::term(&word.nfc().collect::<String>()))
        .collect()
}

/// The Dale–Chall list of familiar words (Chall & Dale 1995).
pub fn dale_chall() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::parse(crate::data::DALE_CHALL, false))
}

/// The revised Spache list of familiar words (Spache 1974).
pub fn spache() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::parse(crate::data::SPACHE, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_the_published_size() {
        assert!((2900..=3100).contains(&dale_chall().len()));
        assert!((950..=1100).contains(&spache().len()));
    }

    #[test]
    fn regular_inflections_of_listed_words_are_familiar() {
        let list = dale_chall();
        for word in [
            "boy",
            "boys",
            "boxes",
            "babies",
            "jumped",
            "baked",
            "hurried",
            "jumping",
            "baking",
            "stopped",
            "running",
            "taller",
            "tallest",
            "happier",
            "boy's",
            "good-bye",
            "mother-in-law",
        ] {
            assert!(list.is_familiar(word), "{word}");
        }
    }

    #[test]
    fn unlisted_words_are_difficult() {
        let list = dale_chall();
        for word in [
            "fragmentation",
            "insurgency",
            "defections",
            "ideology",
            "resilience",
        ] {
            assert!(!list.is_familiar(word), "{word}");
        }
    }

    #[test]
    fn stopwords_are_snowballs_list() {
        let stopwords = english_stopwords();
        assert_eq!(stopwords.len(), 174);
        for word in ["the", "of", "don't", "ourselves", "very"] {
            assert!(stopwords.contains(word), "{word}");
        }
        assert!(!stopwords.contains("us"), "left out, as in the source");
    }

    #[test]
    fn a_byte_order_mark_crlf_and_decomposed_accents_are_read_as_text_is() {
        let parsed = parse_stopwords("\u{feff}# list\r\nwar\r\nCafe\u{301}\r\n");
        let mut words: Vec<&str> = parsed.iter().map(String::as_str).collect();
        words.sort_unstable();
        assert_eq!(words, ["café", "war"], "the comment is a comment");
    }

    #[test]
    fn user_stopword_lists_take_any_separator() {
        let parsed = parse_stopwords(
            "# mine
The, of
Don’t  said
",
        );
        let mut words: Vec<&str> = parsed.iter().map(String::as_str).collect();
        words.sort_unstable();
        assert_eq!(words, ["don't", "of", "said", "the"]);
    }

    #[test]
    fn spache_is_the_shorter_list() {
        assert!(spache().is_familiar("mother"));
        assert!(!spache().is_familiar("government"));
        assert!(spache().is_familiar("sadly"));
        assert!(!dale_chall().is_familiar("sadly"));
    }
}
