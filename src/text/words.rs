//! Words: Unicode word boundaries (UAX #29, via unicode-segmentation) over
//! NFC text, with two joins the standard does not make: a hyphenated compound
//! (`mid-level`, `empty-handed`, `COVID-19`) is one word. Contractions and
//! possessives (`don't`, `Afghanistan’s`) are already one word under UAX #29,
//! since the apostrophe (straight or typographic) is a mid-word letter there.
//! A token is a word when it holds a letter or a digit, so numbers are words.

use unicode_segmentation::UnicodeSegmentation;

/// One word of a text, as a slice of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offset of its first character in the text.
    pub start: usize,
}

impl Word<'_> {
    /// Byte offset just past its last character.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Characters that join two words into a hyphenated compound when nothing
/// stands between them: hyphen-minus, hyphen, non-breaking hyphen.
fn is_joining_hyphen(segment: &str) -> bool {
    matches!(segment, "-" | "\u{2010}" | "\u{2011}")
}

fn is_word_segment(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word<'_>> {
    if text.is_ascii() {
        return words_of_runs(text, super::ascii_segments::word_runs(text.as_bytes()));
    }
    match super::ascii_segments::common_word_runs(text) {
        Some(runs) => words_of_runs(text, runs.into_iter()),
        None => unicode_words(text),
    }
}

/// [`words`] by the Unicode segmenter: any text.
fn unicode_words(text: &str) -> Vec<Word<'_>> {
    let mut found: Vec<Word<'_>> = Vec::new();
    let mut pending_hyphen: Option<usize> = None;
    for (start, segment) in text.split_word_bound_indices() {
        if is_word_segment(segment) {
            let joins = pending_hyphen.take().is_some_and(|end| end == start);
            match found.last_mut() {
                Some(last) if joins => last.text = &text[last.start..start + segment.len()],
                _ => found.push(Word {
                    text: segment,
                    start,
                }),
            }
        } else {
            let after_word = found.last().is_some_and(|w| w.end() == start);
            pending_hyphen =
                (after_word && is_joining_hyphen(segment)).then(|| start + segment.len());
        }
    }
    found
}

/// [`words`] from word-like runs found without the general segmenter
/// (ASCII text, or ASCII with the typographic characters of prose: see
/// `ascii_segments`), with the same hyphen joins. A property test holds it
/// to the Unicode segmenter.
fn words_of_runs(text: &str, runs: impl Iterator<Item = std::ops::Range<usize>>) -> Vec<Word<'_>> {
    let mut found: Vec<Word<'_>> = Vec::new();
    for run in runs {
        if !text[run.clone()].bytes().any(|b| b.is_ascii_alphanumeric()) {
            continue; // underscores only: not a word
        }
        let joins = found
            .last()
            .is_some_and(|last| is_joining_hyphen(&text[last.end()..run.start]));
        match found.last_mut() {
            Some(last) if joins => last.text = &text[last.start..run.end],
            _ => found.push(Word {
                text: &text[run.clone()],
                start: run.start,
            }),
        }
    }
    found
}

/// [`words`] as the fast path for prose finds them, for the tests.
#[cfg(test)]
fn prose_path_words(text: &str) -> Vec<Word<'_>> {
    match super::ascii_segments::common_word_runs(text) {
        Some(runs) => words_of_runs(text, runs.into_iter()),
        None => panic!("not text of the fast path: {text:?}"),
    }
}

/// A word's term for frequency counts: lowercased, with the typographic
/// apostrophe written as `'`.
pub fn term(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.contains('\u{2019}') {
        lower.replace('\u{2019}', "'")
    } else {
        lower
    }
}

/// The stem before a doubled final consonant, as inflection leaves it:
/// `stopp` (from `stopped`) → `stop`, `runn` → `run`. `None` when the last
/// two letters are not the same consonant or the stem would be too short.
pub fn undoubled(bare: &str) -> Option<&str> {
    let mut chars = bare.char_indices().rev();
    let ((at, last), (_, before)) = (chars.next()?, chars.next()?);
    let doubled = last == before && last.is_ascii_alphabetic() && !"aeiou".contains(last);
    (doubled && at >= 2).then(|| &bare[..at])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text).iter().map(|w| w.text).collect()
    }

    #[test]
    fn hyphenated_compounds_are_one_word() {
        assert_eq!(
            texts("Mid-level men came empty-handed, decision-making aside."),
            [
                "Mid-level",
                "men",
                "came",
                "empty-handed",
                "decision-making",
                "aside"
            ]
        );
    }

    #[test]
    fn spaced_or_trailing_hyphens_and_dashes_do_not_join() {
        assert_eq!(texts("well - known"), ["well", "known"]);
        assert_eq!(texts("pre- and post-war"), ["pre", "and", "post-war"]);
        assert_eq!(texts("left—right"), ["left", "right"]);
    }

    #[test]
    fn contractions_and_possessives_are_one_word() {
        assert_eq!(
            texts("Don't say Afghanistan\u{2019}s o'clock."),
            ["Don't", "say", "Afghanistan\u{2019}s", "o'clock"]
        );
    }

    #[test]
    fn numbers_are_words() {
        assert_eq!(
            texts("It cost $3.50, or 1,000 rupees in 2024."),
            ["It", "cost", "3.50", "or", "1,000", "rupees", "in", "2024"]
        );
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "  alpha  beta-gamma";
        for word in words(text) {
            assert_eq!(&text[word.start..word.end()], word.text);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_fast_paths_split_as_the_unicode_segmenter_does(
            text in "[aZq09_.,;:'\\-\" \n\t!?()$%/\u{2018}\u{2019}\u{201C}\u{201D}\u{2013}\u{2014}\u{2026}\u{a0}\u{2010}\u{2011}]{0,40}"
        ) {
            proptest::prop_assert_eq!(prose_path_words(&text), unicode_words(&text));
            // Pure ASCII takes the byte path; the rest the prose path.
            proptest::prop_assert_eq!(words(&text), unicode_words(&text));
        }

        #[test]
        fn the_byte_path_splits_as_the_unicode_segmenter_does(
            text in "[aZq09_.,;:'\\-\" \n\t!?()$%/]{0,40}"
        ) {
            proptest::prop_assert_eq!(words(&text), unicode_words(&text));
        }
    }

    #[test]
    fn the_fast_path_on_the_hard_joins() {
        for text in [
            "a:b 1,000 3.5 a.b 1'2 a'b a,b 1:2 _a a_ __ a-__b a-__ b x-y-z a--b 4th e.g. U.S.",
            "end. Next 2-3 x_1 1_x ' : , ; . - _",
            "Don\u{2019}t \u{201C}quote\u{201D} a\u{2014}b a\u{2010}b 1\u{2019}2 x\u{2026} \u{a0}y",
        ] {
            assert_eq!(prose_path_words(text), unicode_words(text), "{text}");
        }
    }

    #[test]
    fn undoubles_only_a_doubled_consonant() {
        assert_eq!(undoubled("stopp"), Some("stop"));
        assert_eq!(undoubled("runn"), Some("run"));
        assert_eq!(undoubled("free"), None);
        assert_eq!(undoubled("walk"), None);
        assert_eq!(undoubled("x𑙙𑙙"), None);
    }

    #[test]
    fn terms_are_lowercase_with_straight_apostrophes() {
        assert_eq!(term("Afghanistan\u{2019}s"), "afghanistan's");
        assert_eq!(term("ISKP"), "iskp");
    }
}
