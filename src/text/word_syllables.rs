//! The syllable counter used for every word: the CMU Pronouncing Dictionary
//! first; then a camel-case word's parts; then the dictionary with a common
//! suffix or British spelling changed; then a closed compound's two known
//! parts (see [`super::word_parts`]); then acronyms letter by letter; the
//! spelling rules only when none of these finds the word. Numbers are read
//! aloud (see [`super::numbers`]); a hyphenated compound is the sum of its
//! parts.

use super::numbers::number_syllables;
use super::pronouncing::dictionary_syllables;
use super::syllables::rule_syllables;
use super::word_parts::{american_spellings, camel_parts, compound_syllables};
use super::words::undoubled;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Which step of the counter gave a word's syllables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyllableSource {
    /// Found in the pronouncing dictionary as written.
    Dictionary,
    /// Found in the dictionary after removing a suffix or respelling.
    DictionaryVariant,
    /// An unlisted all-capital acronym, spelled letter by letter.
    Acronym,
    /// A number, read aloud.
    Number,
    /// Spelling rules.
    Rules,
    /// Parts counted separately (hyphenated compounds, `G7`).
    Parts,
}

/// Syllables of one word.
pub fn syllables(word: &str) -> u32 {
    counted(word).0
}

/// Syllables of one word, and the step that counted them.
pub fn counted(word: &str) -> (u32, SyllableSource) {
    if let Some(n) = number_syllables(word) {
        return (n, SyllableSource::Number);
    }
    let lower = word.to_lowercase().replace('\u{2019}', "'");
    if is_capitals(word) && spelled_acronyms().contains(lower.as_str()) {
        return (letter_by_letter(word), SyllableSource::Acronym);
    }
    if let Some(n) = dictionary_syllables(&lower) {
        // CMUdict gives interjections such as "hmm" and "shh" no vowel; a
        // word is at least one syllable.
        return (n.max(1), SyllableSource::Dictionary);
    }
    if word.contains(['-', '\u{2010}', '\u{2011}']) || has_letters_and_digits(word) {
        return (parts(word), SyllableSource::Parts);
    }
    if let Some(n) = acronym_possessive(word) {
        return (n, SyllableSource::Acronym);
    }
    let camel = camel_parts(word);
    if !camel.is_empty() && !is_acronym_plural(word) {
        return (
            camel.iter().map(|p| counted(p).0).sum(),
            SyllableSource::Parts,
        );
    }
    if let Some(n) = variant_syllables(&lower, !is_capitals(word)) {
        return (n, SyllableSource::DictionaryVariant);
    }
    let capitalized = word.starts_with(char::is_uppercase);
    if let Some(n) = compound_syllables(&lower, capitalized, listed_or_inflected) {
        return (n, SyllableSource::Parts);
    }
    if let Some(n) = acronym_syllables(word) {
        return (n, SyllableSource::Acronym);
    }
    (rule_syllables(word), SyllableSource::Rules)
}

fn has_letters_and_digits(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) && word.chars().any(char::is_alphabetic)
}

/// Sum over hyphen-separated parts and letter/digit runs. A letter run
/// straight after digits that is an ordinal or plural ending (`4th`,
/// `1990s`) adds nothing.
fn parts(word: &str) -> u32 {
    let mut total = 0;
    for part in word
        .split(['-', '\u{2010}', '\u{2011}'])
        .filter(|p| !p.is_empty())
    {
        let mut after_digits = false;
        for run in runs(part) {
            let is_digits = run.starts_with(|c: char| c.is_ascii_digit());
            let ending = after_digits
                && matches!(run.to_lowercase().as_str(), "s" | "st" | "nd" | "rd" | "th");
            if !ending {
                total += counted(run).0;
            }
            after_digits = is_digits;
        }
    }
    total
}

/// Maximal runs of digits and of non-digits in `part`.
fn runs(part: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    let mut prev_digit = None;
    for (i, c) in part.char_indices() {
        let digit = c.is_ascii_digit() || (c == '.' && prev_digit == Some(true));
        if prev_digit.is_some_and(|p| p != digit) {
            found.push(&part[start..i]);
            start = i;
        }
        prev_digit = Some(digit);
    }
    found.push(&part[start..]);
    found
        .into_iter()
        .filter(|r| r.chars().any(char::is_alphanumeric))
        .collect()
}

/// An all-capital word of two to six letters not in the dictionary: `ISKP`
/// is I-S-K-P (4); its plural the same (`GCSEs`, `MPs`), a syllable more
/// after S, X or Z (`SOSs`).
fn acronym_syllables(word: &str) -> Option<u32> {
    if is_acronym_plural(word) {
        let capitals = &word[..word.len() - 1];
        let sibilant = capitals.ends_with(['S', 'X', 'Z']);
        return Some(letter_by_letter(capitals) + u32::from(sibilant));
    }
    let letters = word.chars().count();
    ((2..=6).contains(&letters) && is_capitals(word)).then(|| letter_by_letter(word))
}

/// An acronym's possessive (`NHS's`, `UN's`, `MPs'`): the acronym (or its
/// plural) as counted alone, a syllable more when `'s` follows S, X or Z.
fn acronym_possessive(word: &str) -> Option<u32> {
    let (base, adds_s) = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .map(|base| (base, true))
        .or_else(|| {
            word.strip_suffix(['\'', '\u{2019}'])
                .map(|base| (base, false))
        })?;
    if !(is_capitals(base) || is_acronym_plural(base)) {
        return None;
    }
    let sibilant = adds_s && base.ends_with(['S', 'X', 'Z']);
    Some(counted(base).0 + u32::from(sibilant))
}

/// An acronym's plural: two to six capitals and a lower-case `s` (`MPs`).
fn is_acronym_plural(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|capitals| (2..=6).contains(&capitals.len()) && is_capitals(capitals))
}

/// A word in the dictionary as written, or inflected when it is long
/// enough to be a word with an ending (`diggers`, not `rted`).
fn listed_or_inflected(word: &str) -> Option<u32> {
    let stem_has_vowel =
        word[..word.len().saturating_sub(2)].contains(['a', 'e', 'i', 'o', 'u', 'y']);
    dictionary_syllables(word)
        .or_else(|| (word.len() >= 5 && stem_has_vowel).then(|| inflected_syllables(word))?)
}

/// The dictionary's count for the stem of `lower` with a suffix removed,
/// plus what the suffix adds (the first suffix that finds a stem).
fn inflected_syllables(lower: &str) -> Option<u32> {
    SUFFIXES
        .iter()
        .find_map(|suffix| suffix_syllables(lower, suffix))
}

fn is_capitals(word: &str) -> bool {
    word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
}

/// Syllables of a word's letters said one by one; W is "double-u" (3).
fn letter_by_letter(word: &str) -> u32 {
    word.chars()
        .map(|c| if c.eq_ignore_ascii_case(&'w') { 3 } else { 1 })
        .sum()
}

/// Acronyms that the dictionary lists only as ordinary words (`US`, `WHO`),
/// from `data/acronyms_spelled.txt`.
fn spelled_acronyms() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| crate::data::entries(crate::data::ACRONYMS_SPELLED).collect())
}

/// A suffix: what to strip, what endings to put back on the stem (`""`
/// nothing, `"e"` a silent e, `"-"` the doubled final consonant undone:
/// `running` → `run`), and how many syllables the suffix adds to the stem's.
struct Suffix {
    ending: &'static str,
    stems: &'static [&'static str],
    adds: fn(&str) -> u32,
}

impl Suffix {
    const fn new(
        ending: &'static str,
        stems: &'static [&'static str],
        adds: fn(&str) -> u32,
    ) -> Self {
        Suffix {
            ending,
            stems,
            adds,
        }
    }
}

const fn zero(_: &str) -> u32 {
    0
}
const fn one(_: &str) -> u32 {
    1
}
/// `-es`/`'s` add a syllable after a sibilant (`boxes`, `church's`).
fn after_sibilant(stem: &str) -> u32 {
    let sibilant = ["s", "x", "z", "ch", "sh", "ce", "ge", "se", "ze"];
    u32::from(sibilant.iter().any(|s| stem.ends_with(s)))
}
/// `-ed` adds a syllable after t or d (`wanted`, `needed`).
fn after_t_or_d(stem: &str) -> u32 {
    u32::from(
        stem.ends_with('t') || stem.ends_with('d') || stem.ends_with("te") || stem.ends_with("de"),
    )
}

/// Inflections and British spellings tried against the dictionary, in order.
const SUFFIXES: [Suffix; 14] = [
    Suffix::new("'s", &[""], after_sibilant),
    Suffix::new("s'", &["s"], zero),
    Suffix::new("'", &[""], zero),
    Suffix::new("ies", &["y"], zero),
    Suffix::new("es", &["", "e"], after_sibilant),
    Suffix::new("s", &[""], zero),
    Suffix::new("ied", &["y"], zero),
    Suffix::new("ed", &["", "e", "-"], after_t_or_d),
    Suffix::new("ing", &["", "e", "-"], one),
    Suffix::new("ier", &["y"], one),
    Suffix::new("er", &["", "e", "-"], one),
    Suffix::new("est", &["", "e", "-"], one),
    Suffix::new("ily", &["y"], one),
    Suffix::new("ly", &["", "le"], ly_adds),
];

/// `-ly` adds a syllable, except after `-le` (`simply` from `simple`).
fn ly_adds(stem: &str) -> u32 {
    u32::from(!stem.ends_with("le"))
}

/// The dictionary's count for the American spelling of a British word
/// (`behavioural`, `coeliac`), or for a listed stem plus what the suffix
/// adds, the stem maybe respelled (`behaviours`).
fn variant_syllables(lower: &str, respell: bool) -> Option<u32> {
    // Not for a word in capitals (`ISAE` is no `ise`).
    let american = if respell {
        american_spellings(lower)
    } else {
        Vec::new()
    };
    if let Some(n) = american.iter().find_map(|a| dictionary_syllables(a)) {
        return Some(n);
    }
    std::iter::once(lower)
        .chain(american.iter().map(String::as_str))
        .find_map(inflected_syllables)
}

fn suffix_syllables(lower: &str, suffix: &Suffix) -> Option<u32> {
    let bare = lower.strip_suffix(suffix.ending)?;
    if bare.chars().count() < 2 {
        return None;
    }
    suffix.stems.iter().find_map(|&ending| {
        let stem = match ending {
            "-" => undoubled(bare)?.to_owned(),
            _ => format!("{bare}{ending}"),
        };
        dictionary_syllables(&stem).map(|n| n + (suffix.adds)(&stem))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_spelled_unless_the_dictionary_has_them() {
        assert_eq!(acronym_syllables("ISKP"), Some(4));
        assert_eq!(acronym_syllables("WHO"), Some(5));
        assert_eq!(acronym_syllables("Nato"), None);
        assert_eq!(acronym_syllables("A"), None);
        assert_eq!(counted("US"), (2, SyllableSource::Acronym));
        assert_eq!(counted("us"), (1, SyllableSource::Dictionary));
        assert_eq!(syllables("WHO"), 5);
        assert_eq!(syllables("NATO"), 2);
        // A word in capitals keeps its suffix rules, not the respellings.
        assert_eq!(syllables("VAPING"), 2);
        assert_eq!(syllables("ISAE"), 4);
        // Possessives of acronyms.
        assert_eq!(syllables("NHS's"), 4);
        assert_eq!(syllables("UN's"), 2);
        assert_eq!(syllables("MPs'"), 2);
    }

    #[test]
    fn unlisted_inflections_and_british_spellings_use_the_listed_form() {
        // Not in CMUdict; their stems or American spellings are.
        let cases = [
            ("organise", 3),  // organize
            ("organised", 3), // organized
            ("analyse", 3),   // analyze
            ("localised", 3), // localized
            ("twitter's", 2), // twitter + 's, no sibilant
            ("tweeting", 2),  // tweet + ing
            ("blogged", 1),   // blog, doubled g, -ed after g adds nothing
        ];
        for (word, expected) in cases {
            assert_eq!(
                counted(word),
                (expected, SyllableSource::DictionaryVariant),
                "{word}"
            );
        }
    }

    #[test]
    fn listed_hyphenated_words_come_from_the_dictionary() {
        assert_eq!(counted("brother-in-law"), (4, SyllableSource::Dictionary));
        assert_eq!(counted("mid-level"), (3, SyllableSource::Parts));
    }

    #[test]
    fn numbers_and_mixed_tokens() {
        assert_eq!(syllables("26"), 3);
        assert_eq!(counted("4th"), (1, SyllableSource::Parts));
        assert_eq!(syllables("1990s"), 4);
    }

    #[test]
    fn runs_split_letters_from_digits() {
        assert_eq!(runs("G7"), ["G", "7"]);
        assert_eq!(runs("1990s"), ["1990", "s"]);
        assert_eq!(runs("v2.5"), ["v", "2.5"]);
    }

    #[test]
    fn suffix_rules_say_what_the_suffix_adds() {
        assert_eq!(after_sibilant("church"), 1);
        assert_eq!(after_sibilant("cat"), 0);
        assert_eq!(after_t_or_d("want"), 1);
        assert_eq!(after_t_or_d("create"), 1);
        assert_eq!(after_t_or_d("walk"), 0);
        assert_eq!(ly_adds("simple"), 0);
        assert_eq!(ly_adds("quick"), 1);
    }
}
