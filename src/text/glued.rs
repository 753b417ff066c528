//! Sentences glued together in scraped text: `the economy.Ministers say`,
//! `$2.5bn.Critics`, `really?Ministers`. End punctuation with no space after
//! it ends a sentence when a lowercase letter or a digit comes before it
//! (maybe then a closing bracket or quote: `years).It`) and
//! a capitalized word (a capital, then lower case; or a lone `I`/`A`) after
//! it, unless the token is an abbreviation (`U.S.Army`, `e.g.The`), a web
//! address, e-mail address or path, or ends in a domain or file ending
//! (`example.Com`, `report.Final.docx`, `data/web_suffixes.txt`). Decimals
//! (`3.5`) and versions (`v2.1`) have a digit after the dot, so they never
//! qualify.

use super::abbreviations::{is_sentence_starter, AbbrevClass, Abbreviations};
use super::period_rules::{abbreviation_before, after_last_space};
use super::sentence_rules::{CLOSERS, MAX_TOKEN_BYTES, TERMINALS};
use crate::data::EntrySet;
use std::ops::Range;

/// Whether the run `run`, with no space after it, is a break between glued
/// sentences; `period` for a single full stop.
pub(super) fn glued_break(
    block: &str,
    run: Range<usize>,
    period: bool,
    abbr: &Abbreviations,
) -> bool {
    // A closing bracket or quote may come between the word and the stop.
    let head = block[..run.start].trim_end_matches(CLOSERS);
    let before = head.chars().next_back();
    let left_ok = match period {
        true => before.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()),
        false => before.is_some_and(char::is_alphanumeric),
    };
    let next = &block[run.end..];
    // After a capitalized word, a short capitalized one is more likely the
    // rest of a name (`One.Tel`, `Zafi.D`) unless it opens sentences.
    let name_before = capitalized_word_before(head);
    let next_letters = next.chars().take_while(|c| c.is_alphabetic()).count();
    let opens = next_letters >= 4 || starts_with_sentence_starter(next) || title_at(next, abbr);
    left_ok
        && starts_capitalized_word(next)
        && (!name_before || opens)
        && !in_web_token(block, run.clone())
        && !(period && abbreviation_before(block, run.start, abbr))
}

/// Whether `next` starts with a courtesy title and its stop (`Mr.`).
fn title_at(next: &str, abbr: &Abbreviations) -> bool {
    let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    next[word.len()..].starts_with('.')
        && abbr.class_of(&word.to_lowercase()) == Some(AbbrevClass::Title)
}

/// Whether the word that ends `head` starts with a capital letter.
fn capitalized_word_before(head: &str) -> bool {
    let word: Vec<char> = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    word.last().is_some_and(|c| c.is_uppercase())
}

/// Whether `next` starts with a word of `data/sentence_starters.txt`.
fn starts_with_sentence_starter(next: &str) -> bool {
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '\'')
        .collect();
    is_sentence_starter(&word.to_lowercase())
}

/// Whether `s` starts with a capital followed by a lowercase letter, or is
/// `I` or `A` alone, followed by a space or apostrophe.
fn starts_capitalized_word(s: &str) -> bool {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() => {
            let alone =
                matches!(first, 'I' | 'A') && (second.is_whitespace() || "'’".contains(second));
            second.is_lowercase() || alone
        }
        _ => false,
    }
}

/// Whether the whitespace-delimited token around `run` is a URL, e-mail
/// address or path, or ends, after the run, in a domain or file ending.
fn in_web_token(block: &str, run: Range<usize>) -> bool {
    let start = after_last_space(&block[..run.start]);
    let ahead = block.floor_char_boundary(run.end + MAX_TOKEN_BYTES);
    let end = block[run.end..ahead]
        .find(char::is_whitespace)
        .map_or(ahead, |i| run.end + i);
    let token = block[start..end]
        .trim_end_matches(|c| TERMINALS.contains(&c) || CLOSERS.contains(&c) || ",;:".contains(c));
    let lower = token.to_lowercase();
    let ending = lower.rsplit_once('.').map_or("", |(_, ending)| ending);
    lower.contains("://")
        || lower.starts_with("www.")
        || token.contains(['@', '/', '\\'])
        || is_web_suffix(ending)
}

/// Whether `ending` (lowercase) is a domain or file ending.
fn is_web_suffix(ending: &str) -> bool {
    static SUFFIXES: EntrySet = EntrySet::new(crate::data::WEB_SUFFIXES);
    SUFFIXES.contains(ending)
}
