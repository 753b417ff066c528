//! Paths from a word missing from the pronouncing dictionary back to words
//! in it, tried before the spelling rules (which count a silent `e` inside a
//! compound, `livestream`, as a syllable):
//!
//! - British spellings respelled the American way, anywhere in the word
//!   (`behavioural` → `behavioral`, `coeliac` → `celiac`, `anaemic` →
//!   `anemic`, `travelled` → `traveled`, `defence` → `defense`,
//!   `data/british_spellings.txt`);
//! - closed compounds split into two known words (`live|stream`,
//!   `grave|diggers`, `Swan|sea`): each part in the dictionary (a part of
//!   three letters only if it is a familiar word of the Dale–Chall list), the
//!   split with the longest shorter part (then the longest head), and no
//!   split between a doubled
//!   consonant (`model|led` is an inflection, counted by the suffix rules);
//! - words written in camel case split at each inner capital
//!   (`DaimlerChrysler`, `GameCube`, `iPhone`).

use super::pronouncing::dictionary_syllables;
use std::sync::OnceLock;

/// Shortest part of a compound.
const MIN_PART: usize = 3;

/// The British-to-American respellings of `data/british_spellings.txt`.
fn respellings() -> &'static [(String, String)] {
    static LIST: OnceLock<Vec<(String, String)>> = OnceLock::new();
    LIST.get_or_init(|| {
        crate::data::entries(crate::data::BRITISH_SPELLINGS)
            .filter_map(|line| line.split_once(char::is_whitespace))
            .map(|(british, american)| (british.to_owned(), american.trim().to_owned()))
            .collect()
    })
}

/// The spellings `lower` may have in American English: each respelling
/// applied alone, then all of them together; `lower` itself not included.
pub fn american_spellings(lower: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut all = lower.to_owned();
    for (british, american) in respellings() {
        if applies(lower, british) {
            found.push(lower.replace(british.as_str(), american));
            all = all.replace(british.as_str(), american);
        }
    }
    if all != lower && !found.contains(&all) {
        found.push(all);
    }
    found
}

/// Whether the respelling of `british` applies to `lower`: anywhere for an
/// ending (`our`, `ise`), but a digraph `ae` or `oe` only with two letters
/// or more after it, so `salvoes`, `Faroe` and `toe` keep their `oe`.
fn applies(lower: &str, british: &str) -> bool {
    if british != "ae" && british != "oe" {
        return lower.contains(british);
    }
    lower
        .match_indices(british)
        .any(|(at, _)| lower.len() >= at + british.len() + 2)
}

/// Syllables of a closed compound of two dictionary words (`lower`, not
/// itself in the dictionary), counted part by part with `count_part`
/// (which also finds inflected parts: `diggers`). For a name
/// (`capitalized`), a second part of four letters or fewer must be a
/// familiar word of the Dale–Chall list (`Swan|sea`, `Gates|head`), so that
/// a foreign name that happens to hold two short dictionary entries
/// (`Kate|rina`) is not split.
pub fn compound_syllables(
    lower: &str,
    capitalized: bool,
    count_part: impl Fn(&str) -> Option<u32>,
) -> Option<u32> {
    if !lower.is_ascii() || !lower.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut best: Option<(usize, u32)> = None;
    for cut in MIN_PART..=lower.len().saturating_sub(MIN_PART) {
        let (head, tail) = lower.split_at(cut);
        if head.as_bytes()[cut - 1] == tail.as_bytes()[0] || !known_part(head) {
            continue;
        }
        let familiar_tail =
            !capitalized || tail.len() >= 5 || crate::wordlists::dale_chall().is_familiar(tail);
        let Some(counted) = count_part(tail).filter(|_| familiar_enough(tail) && familiar_tail)
        else {
            continue;
        };
        let Some(first) = dictionary_syllables(head) else {
            continue;
        };
        let shorter = head.len().min(tail.len());
        // Among equals the longer head wins: `score|line`, not `scor|eline`.
        if best.is_none_or(|(s, _)| shorter >= s) {
            best = Some((shorter, first + counted));
        }
    }
    best.map(|(_, n)| n)
}

/// Whether `part` is a dictionary word with a vowel sound that may start a
/// compound.
fn known_part(part: &str) -> bool {
    dictionary_syllables(part).is_some_and(|n| n > 0) && familiar_enough(part)
}

/// A part of three letters must be a familiar word (`sea`, `fed`), not one
/// of the dictionary's many short names and fragments (`ged`, `les`).
fn familiar_enough(part: &str) -> bool {
    part.len() > MIN_PART || crate::wordlists::dale_chall().is_familiar(part)
}

/// The parts of a camel-case word (`DaimlerChrysler` → `Daimler`,
/// `Chrysler`; `iPhone` → `i`, `Phone`), or none for a word without a
/// capital after a lower-case letter.
pub fn camel_parts(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut previous_lower = false;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && previous_lower {
            parts.push(&word[start..i]);
            start = i;
        }
        previous_lower = c.is_lowercase();
    }
    if parts.is_empty() {
        return parts;
    }
    parts.push(&word[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_spellings_become_american_anywhere() {
        let spellings = |w: &str| american_spellings(w);
        assert!(spellings("behavioural").contains(&"behavioral".to_owned()));
        assert!(spellings("coeliac").contains(&"celiac".to_owned()));
        assert!(spellings("anaemic").contains(&"anemic".to_owned()));
        assert!(spellings("paediatricians").contains(&"pediatricians".to_owned()));
        assert!(spellings("colourised").contains(&"colorized".to_owned()));
        assert!(spellings("plain").is_empty());
        assert!(spellings("salvoes").is_empty());
        assert!(spellings("faroe").is_empty());
    }

    #[test]
    fn compounds_of_known_words_count_part_by_part() {
        let count = |w: &str| compound_syllables(w, false, dictionary_syllables);
        assert_eq!(count("livestream"), Some(2));
        assert_eq!(count("rideshare"), Some(2));
        assert_eq!(count("gravediggers"), Some(3));
        assert_eq!(count("swansea"), Some(2));
        assert_eq!(count("scoreline"), Some(2));
        // An inflection's doubled consonant is no place to split.
        assert_eq!(count("modelled"), None);
        assert_eq!(count("ged"), None);
        // A name splits only before a familiar word.
        assert_eq!(
            compound_syllables("swansea", true, dictionary_syllables),
            Some(2)
        );
        assert_eq!(
            compound_syllables("katerina", true, dictionary_syllables),
            None
        );
    }

    #[test]
    fn camel_case_splits_at_inner_capitals() {
        assert_eq!(camel_parts("DaimlerChrysler"), ["Daimler", "Chrysler"]);
        assert_eq!(camel_parts("iPhone"), ["i", "Phone"]);
        assert!(camel_parts("NATO").is_empty());
        assert!(camel_parts("London").is_empty());
    }
}
