//! Word segments of ASCII text by the rules of Unicode's word boundaries
//! (UAX #29, "Word Boundary Rules"), written out for the ASCII characters
//! so that the common case needs no table lookups. In ASCII the rules that
//! join characters into one segment are:
//! - WB5, WB8–WB10, WB13a, WB13b: letters, digits and `_` run together;
//! - WB6, WB7: a letter, then `:` (MidLetter) or `.` `'` (MidNumLet,
//!   Single_Quote), then a letter (`a:b`, `e.g`, `don't`);
//! - WB11, WB12: a digit, then `,` `;` (MidNum) or `.` `'`, then a digit
//!   (`1,000`, `3.5`).
//!
//! Everything else breaks; white space and punctuation never belong to a
//! word segment, so only the word-like runs are returned.
//!
//! The same rules also cover text whose only other characters are the
//! typographic ones of ordinary prose ([`common_word_runs`]): curly single
//! quotes (MidNumLet, so `don’t` is one word), and curly double quotes,
//! dashes, hyphens, the ellipsis and the no-break space, which all break.

use std::ops::Range;

/// The word-boundary class of an ASCII byte, as far as joining goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Underscore,
    /// `:` joins letters only.
    MidLetter,
    /// `,` `;` join digits only.
    MidNum,
    /// `.` `'` join letters and digits.
    MidNumLet,
    Other,
}

fn class(byte: u8) -> Class {
    match byte {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidNumLet,
        _ => Class::Other,
    }
}

fn runs_on(class: Class) -> bool {
    matches!(class, Class::Letter | Class::Digit | Class::Underscore)
}

/// Whether `mid` between `before` and `after` keeps one segment (WB6/7, WB11/12).
fn joins_across(before: Class, mid: Class, after: Class) -> bool {
    match (before, after) {
        (Class::Letter, Class::Letter) => matches!(mid, Class::MidLetter | Class::MidNumLet),
        (Class::Digit, Class::Digit) => matches!(mid, Class::MidNum | Class::MidNumLet),
        _ => false,
    }
}

/// The byte ranges of the segments of `text` (ASCII) made of letters,
/// digits and underscores, in order.
pub fn word_runs(text: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    runs(text.len(), move |i| class(text[i]))
}

/// The runs, as index ranges, of a sequence of `len` characters whose
/// classes `class_at` gives: the one loop of these rules.
fn runs(len: usize, class_at: impl Fn(usize) -> Class) -> impl Iterator<Item = Range<usize>> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < len && !runs_on(class_at(at)) {
            at += 1;
        }
        if at == len {
            return None;
        }
        let start = at;
        at += 1;
        while at < len {
            if runs_on(class_at(at)) {
                at += 1;
            } else if at + 1 < len && joins_across(class_at(at - 1), class_at(at), class_at(at + 1))
            {
                at += 2;
            } else {
                break;
            }
        }
        Some(start..at)
    })
}

/// The class of a character of ordinary prose, `None` for any other.
fn prose_class(c: char) -> Option<Class> {
    match c {
        _ if c.is_ascii() => Some(class(c as u8)),
        '\u{2018}' | '\u{2019}' => Some(Class::MidNumLet),
        '\u{201C}' | '\u{201D}' | '\u{2013}' | '\u{2014}' | '\u{2026}' | '\u{a0}' | '\u{2010}'
        | '\u{2011}' => Some(Class::Other),
        _ => None,
    }
}

/// [`word_runs`] for text of ASCII and the typographic characters of
/// ordinary prose; `None` if it holds any other character.
pub fn common_word_runs(text: &str) -> Option<Vec<Range<usize>>> {
    let mut chars: Vec<(usize, Class)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        chars.push((at, prose_class(c)?));
    }
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    let runs = runs(chars.len(), |i| chars[i].1).map(|run| byte_at(run.start)..byte_at(run.end));
    Some(runs.collect())
}
