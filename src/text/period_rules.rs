//! Whether a single full stop followed by white space ends a sentence: after
//! an ordinary word it does, unless the next word is lowercase; after an
//! abbreviation it depends on the abbreviation's class in
//! `data/abbreviations.txt` (whose header documents the classes): `inner`
//! and `title` (`Dr.`, `e.g.`) never split; `end` (`U.S.`, `St.`) splits
//! only before an opening quote, a common sentence starter
//! (`data/sentence_starters.txt`) or a courtesy title (`Mr.`); `final`
//! (`etc.`, `Inc.`, `p.m.`) splits before any capitalized word but a day or
//! month name, an acronym or another `final` abbreviation; `num` (`No.`,
//! `p.`) is an abbreviation only before a number, `unit` (`in.`) only after
//! one, `cap` (`Sat.`) only when capitalized. Unlisted single capitals
//! (initials: `George W. Bush`) and dotted single-letter acronyms (`U.N.`)
//! count as `end`.

use super::abbreviations::{is_calendar_name, is_sentence_starter, AbbrevClass, Abbreviations};
use super::sentence_rules::{
    next_word_is_lowercase, speaker_follows, CLOSERS, MAX_TOKEN_BYTES, OPENERS,
};
use crate::data::EntrySet;
use std::ops::Range;

/// Prepositions (`data/prepositions.txt`).
static PREPOSITIONS: EntrySet = EntrySet::new(crate::data::PREPOSITIONS);

/// Decision for a single period at the end of `sentence` (the text from
/// the last sentence end to it) followed by whitespace and then `next`.
pub(super) fn period_ends_sentence(
    block: &str,
    sentence: Range<usize>,
    next: &str,
    abbr: &Abbreviations,
) -> bool {
    let dot = sentence.end;
    let (previous, word) = words_before(block, dot);
    let class = match could_be_abbreviation(word) {
        true => resolve_class(strip_quotes(previous), strip_quotes(word), next, abbr),
        false => None,
    };
    match class {
        Some(AbbrevClass::Inner | AbbrevClass::Title) => false,
        Some(AbbrevClass::Unit) => {
            !next_word_is_lowercase(next) && !next.starts_with(|c: char| c.is_ascii_digit())
        }
        Some(AbbrevClass::Final) => {
            !is_opening_phrase(&block[sentence]) && final_abbreviation_ends(next, abbr)
        }
        Some(_) => {
            starts_new_sentence(next, abbr)
                || (ends_object_phrase(&block[..dot]) && speaker_follows(next))
        }
        None => !next_word_is_lowercase(next),
    }
}

/// Whether the token before the period at `dot` is an abbreviation (listed,
/// an initial or a dotted acronym): a glued full stop after it is no break.
pub(super) fn abbreviation_before(block: &str, dot: usize, abbr: &Abbreviations) -> bool {
    let (_, word) = words_before(block, dot);
    let word = strip_quotes(word);
    abbr.class_of(&word.to_lowercase()).is_some() || is_initial_or_acronym(word)
}

/// The raw whitespace-delimited token right before `pos` and the one before it.
fn words_before(block: &str, pos: usize) -> (&str, &str) {
    let head = &block[..pos];
    let word_start = after_last_space(head);
    let before = head[..word_start].trim_end();
    let previous_start = after_last_space(before);
    (&before[previous_start..], &head[word_start..])
}

/// Whether the token before a period can be an abbreviation: not when a
/// closing quote or bracket separates it from the period (`(capt).`), and not
/// an all-capitals undotted acronym (`MS.`, `NATO.`), which is a plain word.
fn could_be_abbreviation(token: &str) -> bool {
    let word = token.trim_start_matches(OPENERS);
    let closed = word.ends_with(CLOSERS);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2 && !word.contains('.') && word.chars().all(|c| !c.is_lowercase());
    !closed && !acronym
}

/// Byte offset just after the last whitespace character of `head`, or 0.
/// Only the last [`MAX_TOKEN_BYTES`] are searched: a longer run without
/// white space is cut there, so text without spaces stays linear to split.
pub(super) fn after_last_space(head: &str) -> usize {
    let window = head.floor_char_boundary(head.len().saturating_sub(MAX_TOKEN_BYTES));
    head[window..]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(window, |(i, c)| window + i + c.len_utf8())
}

fn strip_quotes(token: &str) -> &str {
    token.trim_start_matches(OPENERS).trim_end_matches(CLOSERS)
}

/// The effective class of `word` (the text before a period), or `None` for
/// an ordinary word: `num` and `unit` resolved by the numbers around them,
/// `cap` by the word's case.
fn resolve_class(
    previous: &str,
    word: &str,
    next: &str,
    abbr: &Abbreviations,
) -> Option<AbbrevClass> {
    let lower = word.to_lowercase();
    let pair = format!("{} {lower}", previous.to_lowercase());
    // In glued text (`Tuesday.Mr.`) the word after the last dot may be a
    // title or rank of its own.
    let glued = lower
        .rsplit_once('.')
        .map(|(_, last)| last)
        .and_then(|last| abbr.class_of(last))
        .filter(|class| matches!(class, AbbrevClass::Title | AbbrevClass::Inner));
    let class = abbr
        .class_of(&pair)
        .or_else(|| abbr.class_of(&lower))
        .or(glued);
    match class {
        Some(AbbrevClass::Number) => next
            .starts_with(|c: char| c.is_ascii_digit() || c == '#')
            .then_some(AbbrevClass::Inner),
        Some(AbbrevClass::Unit) => previous
            .starts_with(|c: char| c.is_ascii_digit())
            .then_some(AbbrevClass::Unit),
        Some(AbbrevClass::Capitalized) => word
            .starts_with(char::is_uppercase)
            .then_some(AbbrevClass::End),
        Some(other) => Some(other),
        None => is_initial_or_acronym(word).then_some(AbbrevClass::End),
    }
}

/// A single capital letter (`J`) or single letters joined by periods (`U.N`, `a.k.a`).
fn is_initial_or_acronym(word: &str) -> bool {
    let segments: Vec<&str> = word.split('.').collect();
    let single_letters = segments
        .iter()
        .all(|s| s.chars().count() == 1 && s.chars().all(char::is_alphabetic));
    single_letters && (segments.len() > 1 || word.starts_with(char::is_uppercase))
}

/// The first word of `next` (letters and apostrophes), and the token it
/// starts (up to white space).
fn first_word(next: &str) -> (String, &str) {
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '\'' || *c == '’')
        .collect();
    let token = next.split_whitespace().next().unwrap_or("");
    (word.replace('’', "'"), token)
}

/// Whether `token` is a listed abbreviation of `class` with its period
/// (`Mr.`, `Ltd.`).
fn is_abbreviation_of(token: &str, class: AbbrevClass, abbr: &Abbreviations) -> bool {
    let bare = token.trim_end_matches(CLOSERS);
    bare.strip_suffix('.')
        .is_some_and(|word| abbr.class_of(&word.to_lowercase()) == Some(class))
}

/// When `next` opens with a quotation mark: whether a capital follows it
/// (a quotation that opens a new sentence); `None` when it does not open
/// with one.
fn quoted_capital(next: &str) -> Option<bool> {
    let unquoted = next.trim_start_matches(['"', '“', '‘', '\'', '«']);
    (unquoted.len() < next.len()).then(|| unquoted.starts_with(char::is_uppercase))
}

/// After an `end` abbreviation: does `next` look like the start of a new
/// sentence? Yes for an opening quote before a capital, a capitalized
/// sentence starter (`data/sentence_starters.txt`) or a courtesy title.
fn starts_new_sentence(next: &str, abbr: &Abbreviations) -> bool {
    if let Some(capital) = quoted_capital(next) {
        return capital;
    }
    let (word, token) = first_word(next);
    next.starts_with(char::is_uppercase)
        && (is_sentence_starter(&word.to_lowercase())
            || is_abbreviation_of(token, AbbrevClass::Title, abbr))
}

/// After a `final` abbreviation (`Inc.`, `p.m.`): a new sentence starts at
/// an opening quote before a capital or at any capitalized word, unless it
/// is an acronym (`CEO`), another `final` abbreviation (`Co. Ltd.`) or a
/// day or month name (`6 p.m. Tuesday`).
fn final_abbreviation_ends(next: &str, abbr: &Abbreviations) -> bool {
    if let Some(capital) = quoted_capital(next) {
        return capital;
    }
    let (word, token) = first_word(next);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2 && !word.chars().any(char::is_lowercase);
    next.starts_with(char::is_uppercase)
        && !acronym
        && !is_abbreviation_of(token, AbbrevClass::Final, abbr)
        && !is_calendar_name(&word.to_lowercase())
}

/// Whether `so_far` (a sentence up to an abbreviation's period) is only a
/// fronted phrase: a preposition of `data/prepositions.txt`, then at
/// most four words (`At 5 a.m`, `By 9 a.m`), which cannot be a sentence.
fn is_opening_phrase(so_far: &str) -> bool {
    let mut words = so_far.split_whitespace();
    let first = words
        .next()
        .map(|w| w.trim_start_matches(OPENERS).to_lowercase());
    first.is_some_and(|w| PREPOSITIONS.contains(&w)) && words.take(5).count() <= 4
}

/// Whether `before` (the text up to an abbreviation's period) ends in a
/// preposition, `the` and the abbreviation (`moved to the U.S`): a noun
/// phrase that closes its clause, so a speaker and a verb of saying after
/// it (`Collins said`) start a new sentence.
fn ends_object_phrase(before: &str) -> bool {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .skip(1)
        .take(2)
        .map(str::to_lowercase)
        .collect();
    matches!(words.as_slice(), [the, preposition] if the == "the" && PREPOSITIONS.contains(preposition))
}
