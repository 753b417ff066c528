//! Spreadsheet safety for CSV: a text cell must reach the spreadsheet as the
//! same text, never as a formula and never as a number, date, time, boolean
//! or error value.
//!
//! - **Formula injection** (OWASP, "CSV Injection"): a cell that begins with
//!   `=`, `+`, `-`, `@`, a tab or a carriage return can be evaluated as a
//!   formula by Excel, LibreOffice or Google Sheets (`=HYPERLINK(…)`,
//!   `=cmd|…`). The same characters after leading spaces, and their
//!   full-width forms, are treated alike. A lone `-` (the id of standard
//!   input) is text everywhere and left alone.
//! - **Cell breaks inside a cell** (OWASP's note on separators): a file opened
//!   with another separator than it was written with (a comma CSV in a
//!   German Excel, which splits at `;`) starts a new cell at every `,`, `;`,
//!   tab, `|` or line break inside a field, so `x;=1+1` would become the
//!   cells `x` and `=1+1`. A formula character that follows such a break
//!   (after optional spaces or a double quote) gets the mark too: `x;'=1+1`.
//! - **Type detection**: a spreadsheet opening a CSV turns text such as
//!   `11-12` (a grade band) into a date, `1,000` into 1000 (or 1 in a German
//!   locale), `26:3` into a time, `true` into a boolean and `#N/A` into an
//!   error. A text cell is at risk when it holds a digit (of any script) and
//!   nothing but digits, the punctuation of numbers, dates, times,
//!   currencies and percentages, and words listed in
//!   `data/spreadsheet_words.txt` (month and weekday names, `am`/`pm`,
//!   currency codes, the exponent `e`); or when it is a boolean word or an
//!   error literal of a common locale.
//!
//! All are neutralized the way OWASP recommends and every spreadsheet
//! understands: a single quote goes in front (`'=1+1`, `'11-12`) and the
//! field is quoted. A spreadsheet then shows the text, apostrophe included;
//! nothing is evaluated or converted. Numbers (negative ones included) are
//! number cells, never neutralized. `--raw-csv` turns this off.

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

/// Characters at which a spreadsheet splitting the file at another separator
/// (or at every line) would start a new cell.
const CELL_BREAKS: [char; 6] = [',', ';', '\t', '|', '\n', '\r'];

/// Punctuation that can sit inside a number, date, time, currency or
/// percentage in some locale.
const VALUE_PUNCTUATION: &[char] = &[
    '.', ',', ':', '/', '-', '+', '(', ')', '%', '\'', '’', '−', '$', '€', '£', '¥', '₹', '₽', '₩',
    '¢', '₺', '₪', '₴', '₦', '₱', '₫', '₭', '₮', '₲', '₵', '₸', '₼', '₾', '৳', '฿', '﷼', '٫', '٬',
    '\u{a0}', '\u{202f}',
];

/// Whether a spreadsheet could read `text` as anything but that text.
pub fn needs_neutralizing(text: &str) -> bool {
    matches!(neutralized(text), Cow::Owned(_))
}

/// `text` made safe: a [`TEXT_MARK`] in front when the cell would be read
/// as a formula or value, and before each formula character that follows a
/// cell break inside it.
pub fn neutralized(text: &str) -> Cow<'_, str> {
    let inner = inner_formula_starts(text);
    let whole = starts_like_formula(text) || reads_as_value(text);
    if inner.is_empty() && !whole {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + inner.len() + 1);
    if whole {
        out.push(TEXT_MARK);
    }
    let mut copied = 0;
    for at in inner {
        out.push_str(&text[copied..at]);
        out.push(TEXT_MARK);
        copied = at;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Whether `text` begins like a formula.
pub fn starts_like_formula(text: &str) -> bool {
    text != "-"
        && (text.starts_with(FORMULA_STARTS) || text.trim_start().starts_with(FORMULA_STARTS_LOOSE))
}

/// Byte offsets of formula characters that would start a cell if the text
/// were split at a cell break: each follows a break, then optional spaces
/// or double quotes.
fn inner_formula_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    for (index, _) in text.match_indices(CELL_BREAKS) {
        let after = &text[index + 1..];
        let skipped = after.len() - after.trim_start_matches([' ', '"']).len();
        let at = index + 1 + skipped;
        if text[at..].starts_with(FORMULA_STARTS_LOOSE) && starts.last() != Some(&at) {
            starts.push(at);
        }
    }
    starts
}

/// Whether a spreadsheet's type detection would read `text` as a number,
/// date, time, percentage, currency, boolean or error in some common locale.
pub fn reads_as_value(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.chars().count() <= 14 && is_listed_literal(trimmed) {
        return true;
    }
    if !trimmed.chars().any(char::is_numeric) {
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

/// A boolean word or an error literal, in any case.
fn is_listed_literal(text: &str) -> bool {
    let lower = text.to_lowercase();
    value_words().booleans.contains(lower.as_str()) || value_words().errors.contains(lower.as_str())
}

/// The parsed `data/spreadsheet_words.txt`.
struct ValueWords {
    words: FxHashSet<&'static str>,
    booleans: FxHashSet<&'static str>,
    errors: FxHashSet<&'static str>,
}

fn value_words() -> &'static ValueWords {
    static PARSED: OnceLock<ValueWords> = OnceLock::new();
    PARSED.get_or_init(|| {
        let mut parsed = ValueWords {
            words: FxHashSet::default(),
            booleans: FxHashSet::default(),
            errors: FxHashSet::default(),
        };
        for entry in crate::data::entries(crate::data::SPREADSHEET_WORDS) {
            if let Some(word) = entry.strip_prefix("boolean ") {
                parsed.booleans.insert(word.trim());
            } else if let Some(word) = entry.strip_prefix("error ") {
                parsed.errors.insert(word.trim());
            } else {
                parsed.words.insert(entry);
            }
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
    fn a_formula_after_a_cell_break_inside_the_text_is_marked() {
        assert_eq!(neutralized("x;=1+1;y"), "x;'=1+1;y");
        assert_eq!(neutralized("a, @SUM(1), b"), "a, '@SUM(1), b");
        assert_eq!(neutralized("\"x\";\"=2+2\""), "\"x\";\"'=2+2\"");
        assert_eq!(neutralized("line\n-cmd|x"), "line\n'-cmd|x");
        assert_eq!(neutralized("=a,+b"), "'=a,'+b");
        assert_eq!(neutralized("a,,=b"), "a,,'=b");
        assert!(needs_neutralizing("tab\t+1"));
        assert_eq!(neutralized("costs, 5 - 3 = 2"), "costs, 5 - 3 = 2");
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
            "iskp:27; defections:3",
            "seeds/000_8a691437fdb080e3.txt",
            "UTF-8",
            "may",
            "march",
            "truth",
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
