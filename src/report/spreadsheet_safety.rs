//! Spreadsheet safety for CSV: a text cell must reach the spreadsheet as the
//! same text, never as a formula and never as a number, date, time or
//! boolean.
//!
//! - **Formula injection** (OWASP, "CSV Injection"): a cell that begins with
//!   `=`, `+`, `-`, `@`, a tab or a carriage return can be evaluated as a
//!   formula by Excel, LibreOffice or Google Sheets (`=HYPERLINK(…)`,
//!   `=cmd|…`). The same characters after leading spaces, and their
//!   full-width forms, are treated alike. A lone `-` (the id of standard
//!   input) is text everywhere and left alone.
//! - **Type detection**: a spreadsheet opening a CSV turns text such as
//!   `11-12` (a grade band) into a date, `1,000` into 1000 (or 1 in a German
//!   locale), `26:3` into a time and `true` into a boolean. A text cell is
//!   at risk when it holds a digit and nothing but digits, the punctuation of
//!   numbers, dates, times, currencies and percentages, and words listed in
//!   `data/spreadsheet_words.txt` (month names, `am`/`pm`, the exponent `e`);
//!   or when it is a boolean word of a common locale.
//!
//! Both are neutralized the way OWASP recommends and every spreadsheet
//! understands: the cell is prefixed with a single quote (`'=1+1`, `'11-12`)
//! and the field is quoted. A spreadsheet then shows it as text, apostrophe
//! included; nothing is evaluated or converted. Numbers (negative ones
//! included) are number cells, never neutralized. `--raw-csv` turns this off.

use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::sync::OnceLock;

/// What neutralizes a cell: the spreadsheets' own "this is text" mark.
pub const TEXT_MARK: char = '\'';

/// Characters that start a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Formula starters again, as typed after leading spaces, and their
/// full-width forms.
const FORMULA_STARTS_LOOSE: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// Punctuation that can sit inside a number, date, time, currency or
/// percentage in some locale.
const VALUE_PUNCTUATION: &[char] = &[
    '.', ',', ':', '/', '-', '+', '(', ')', '%', '\'', '’', '$', '€', '£', '¥', '₹', '₽', '₩', '¢',
    '₺', '₪', '\u{a0}', '\u{202f}',
];

/// Whether a spreadsheet could read `text` as anything but that text.
pub fn needs_neutralizing(text: &str) -> bool {
    starts_like_formula(text) || reads_as_value(text)
}

/// `text`, prefixed with [`TEXT_MARK`] when it needs neutralizing.
pub fn neutralized(text: &str) -> Cow<'_, str> {
    if needs_neutralizing(text) {
        Cow::Owned(format!("{TEXT_MARK}{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `text` begins like a formula. A lone `-` (the id of standard
/// input, and a common "nothing" mark) is text in every spreadsheet.
pub fn starts_like_formula(text: &str) -> bool {
    text != "-"
        && (text.starts_with(FORMULA_STARTS) || text.trim_start().starts_with(FORMULA_STARTS_LOOSE))
}

/// Whether a spreadsheet's type detection would read `text` as a number,
/// date, time, percentage, currency or boolean in some common locale.
pub fn reads_as_value(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.len() <= 12
        && value_words()
            .booleans
            .contains(trimmed.to_lowercase().as_str())
    {
        return true;
    }
    if !trimmed
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return false;
    }
    let only_value_characters = trimmed
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || VALUE_PUNCTUATION.contains(&c));
    only_value_characters
        && trimmed
            .split(|c: char| !c.is_alphabetic())
            .filter(|run| !run.is_empty())
            .all(|run| value_words().words.contains(run.to_lowercase().as_str()))
}

/// The parsed `data/spreadsheet_words.txt`.
struct ValueWords {
    words: FxHashSet<&'static str>,
    booleans: FxHashSet<&'static str>,
}

fn value_words() -> &'static ValueWords {
    static PARSED: OnceLock<ValueWords> = OnceLock::new();
    PARSED.get_or_init(|| {
        let mut parsed = ValueWords {
            words: FxHashSet::default(),
            booleans: FxHashSet::default(),
        };
        let source = include_str!("../../data/spreadsheet_words.txt");
        for entry in crate::wordlists::entries(source) {
            match entry.strip_prefix("boolean ") {
                Some(word) => parsed.booleans.insert(word.trim()),
                None => parsed.words.insert(entry),
            };
        }
        parsed
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralized() {
        for text in [
            "=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "  =1+1", "＝1+1",
        ] {
            assert!(needs_neutralizing(text), "{text:?}");
            assert_eq!(neutralized(text), format!("'{text}"));
        }
        assert_eq!(
            neutralized("=HYPERLINK(\"http://x\",\"x\")"),
            "'=HYPERLINK(\"http://x\",\"x\")"
        );
    }

    #[test]
    fn text_that_would_become_a_value_is_neutralized() {
        let values = [
            "11-12",
            "9-10",
            "26",
            "1,000",
            "2.5",
            "1/2",
            "10:30",
            "26:3",
            "May 2024",
            "3 März",
            "5 mai 2024",
            "Jan-12",
            "5%",
            "$5",
            "€5",
            "(5)",
            "1e5",
            "2024-01-05T10:00Z",
            "10:30 am",
            "1 000",
            "1.000,5",
            "true",
            "FALSE",
            "Wahr",
            "vrai",
            "１２",
        ];
        for text in values {
            assert!(reads_as_value(text), "{text:?}");
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        let texts = [
            "Why Afghan Officials Drift Toward ISKP",
            "11 to 12",
            "4 and below",
            "covid-19",
            "g7",
            "1990s",
            "1st",
            "iskp:27; defections:3",
            "seeds/000_8a691437fdb080e3.txt",
            "UTF-8",
            "may",
            "march",
            "truth",
            "½",
            "",
            "'tis",
            "-",
        ];
        for text in texts {
            assert!(!needs_neutralizing(text), "{text:?}");
            assert_eq!(neutralized(text), text);
        }
    }
}
