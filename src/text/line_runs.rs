//! The lines of a plain-text paragraph, read for their shape: list items
//! (a marker at the start of a line), a heading run directly into the
//! paragraph below it, a paragraph of line items (a menu, an agenda, a fact
//! box: one item a line), and hard-wrapped prose, whose single line breaks
//! are spaces. `super::sentences` then splits each run at its sentence ends.
//!
//! - List items (`- `, `* `, `+ `, `• `, `1. `, `2) `, `a) `, `(3) `) are
//!   each at least one sentence, punctuated or not; the line before the list
//!   ends a sentence. A following line continues the item only if it is
//!   indented or starts lowercase.
//! - A heading directly followed by its paragraph on the next line (a short
//!   line of at most 12 words, under 70% of the paragraph's longest line or
//!   a capitalized label of at most 3 words, without end punctuation, not
//!   ending in a word like `and`/`of`/`the`, starting a sentence, before a
//!   capitalized line) is its own sentence.
//! - Line items: see [`are_line_items`]; the test is the shape of the whole
//!   paragraph, never one line: wrapped prose breaks where the next word
//!   did not fit, items break where the writer chose.

use super::abbreviations::AbbrevClass;
use super::list_markers::line_item_start;
use super::sentence_rules::ends_with_terminal;
use super::sentences::abbreviations;
use std::ops::Range;

/// What the last block of a paragraph can absorb.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    /// Nothing: the next line starts a new block.
    Closed,
    /// Running text: any following line continues it.
    Text,
    /// A list item: continued only by indented or lowercase lines.
    Item,
}

/// One run of a paragraph's text: a list item, a heading, a line of a
/// paragraph of line items, or the hard-wrapped text between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The run, a list item's marker included.
    pub range: Range<usize>,
    /// Where its words start: after a list item's marker, else at its start.
    pub body: usize,
}

impl Run {
    fn plain(range: Range<usize>) -> Self {
        Run {
            body: range.start,
            range,
        }
    }
}

/// Splits a paragraph's lines into runs of text: list items, headings,
/// and the hard-wrapped text between them; each line its own run in a
/// paragraph of line items (see [`are_line_items`]).
pub fn runs(text: &str, lines: &[Range<usize>]) -> Vec<Run> {
    let longest = lines
        .iter()
        .map(|l| collapsed_len(&text[l.clone()]))
        .max()
        .unwrap_or(0);
    let items = are_line_items(text, lines);
    let mut runs: Vec<Run> = Vec::new();
    let mut open = Open::Closed;
    for (index, line) in lines.iter().enumerate() {
        let raw = &text[line.clone()];
        let continues = open == Open::Text || (open == Open::Item && continues_item(raw));
        if let Some(offset) = line_item_start(raw) {
            let indent = raw.len() - raw.trim_start().len();
            runs.push(Run {
                range: line.start + indent..line.end,
                body: line.start + offset,
            });
            open = Open::Item;
        } else if items || is_heading(text, lines, index, longest) {
            runs.push(Run::plain(line.clone()));
            open = Open::Closed;
        } else if let (true, Some(last)) = (continues, runs.last_mut()) {
            last.range.end = line.end;
        } else {
            runs.push(Run::plain(line.clone()));
            open = Open::Text;
        }
    }
    runs
}

/// Whether the lines of a paragraph are items, one a line (a menu, an
/// agenda, a fact box), not hard-wrapped prose. Decided from the whole
/// paragraph: at least two lines besides an introduction ending in `:`;
/// no break that shows a wrapped sentence (a line ending in a comma, a
/// dash or a word such as `the` or `and`); and either at most half the
/// breaks forced (where the next line's first word would not have fitted
/// on the line before, as every break of text wrapped at a width is), or
/// every line starting with a capital or digit while the lines are short
/// (at most eight words) or some break is not forced.
fn are_line_items(text: &str, lines: &[Range<usize>]) -> bool {
    let lines: Vec<&str> = lines.iter().map(|l| text[l.clone()].trim()).collect();
    if lines.iter().any(|l| l.is_empty()) {
        return false;
    }
    let intro = usize::from(lines.len() > 2 && lines[0].ends_with(':'));
    let items = &lines[intro..];
    if items.len() < 2 || items.windows(2).any(|pair| wrapped_at(pair[0])) {
        return false;
    }
    // One sentence wrapped: only the last line ends it.
    let (last, before) = items.split_last().expect("two items or more");
    if ends_with_terminal(last) && !before.iter().any(|l| ends_with_terminal(l)) {
        return false;
    }
    let longest = items.iter().map(|l| collapsed_len(l)).max().unwrap_or(0);
    let breaks = items.len() - 1;
    let forced = items
        .windows(2)
        .filter(|pair| {
            let first_word = pair[1].split_whitespace().next().unwrap_or("");
            collapsed_len(pair[0]) + collapsed_len(first_word) > longest
        })
        .count();
    let capitalized = items.iter().all(|l| starts_like_sentence(l));
    let short = items.iter().all(|l| l.split_whitespace().count() <= 8);
    forced * 2 <= breaks || (capitalized && (short || forced < breaks))
}

/// Whether a line break after `line` shows a sentence wrapped over it: the
/// line ends in a comma, a dash, a word such as `the` or `and`, or an
/// abbreviation that never ends a sentence (`Dr.`, `e.g.`).
fn wrapped_at(line: &str) -> bool {
    let last_word = line.split_whitespace().next_back().unwrap_or("");
    let inner = last_word.strip_suffix('.').is_some_and(|word| {
        let class = abbreviations().class_of(&word.to_lowercase());
        matches!(class, Some(AbbrevClass::Inner | AbbrevClass::Title))
    });
    line.ends_with([',', ';', '-', '–', '—', '(', '/', '&']) || ends_phrase_only(last_word) || inner
}

/// Whether a non-item line after a list item continues that item.
fn continues_item(line: &str) -> bool {
    line.starts_with(char::is_whitespace) || line.trim_start().starts_with(char::is_lowercase)
}

/// Whether line `index` is a heading run directly into the paragraph below it.
fn is_heading(text: &str, lines: &[Range<usize>], index: usize, longest: usize) -> bool {
    let line = text[lines[index].clone()].trim();
    let Some(next) = lines.get(index + 1).map(|l| text[l.clone()].trim()) else {
        return false;
    };
    let starts_sentence = index == 0 || ends_with_terminal(&text[lines[index - 1].clone()]);
    let unpunctuated = !ends_with_terminal(line) && !line.ends_with([',', ';', ':', '-', '–', '—']);
    let words: Vec<&str> = line.split_whitespace().collect();
    let short = collapsed_len(line) * 10 < longest * 7;
    let capitalized_label = words.len() <= 3 && words.iter().all(|w| starts_like_sentence(w));
    starts_sentence
        && unpunctuated
        && words.len() <= 12
        && (short || capitalized_label)
        && !words.last().is_some_and(|w| ends_phrase_only(w))
        && starts_like_sentence(line)
        && starts_like_sentence(next)
}

/// Characters of `line` with each run of white space counted as one, so
/// that spacing does not change which lines look like headings.
fn collapsed_len(line: &str) -> usize {
    line.split_whitespace()
        .map(|word| word.chars().count() + 1)
        .sum()
}

/// Whether `word` is a function word that ends a wrapped line but never a heading.
fn ends_phrase_only(word: &str) -> bool {
    const LINKERS: &[&str] = &[
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
        "or", "than", "that", "the", "to", "with",
    ];
    LINKERS.contains(&word.to_lowercase().as_str())
}

/// Whether `line` starts with a capital letter or digit, possibly after an
/// opening quote or Markdown heading marks (`## `).
fn starts_like_sentence(line: &str) -> bool {
    let first = line
        .trim_start_matches(['#', ' ', '"', '“', '‘', '\''])
        .chars()
        .next();
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(paragraph: &str) -> bool {
        let mut start = 0;
        let lines: Vec<Range<usize>> = paragraph
            .split('\n')
            .map(|line| {
                let range = start..start + line.len();
                start += line.len() + 1;
                range
            })
            .collect();
        are_line_items(paragraph, &lines)
    }

    #[test]
    fn a_menu_or_an_agenda_is_line_items() {
        assert!(shape(
            "Soup of the day\nGrilled halloumi with figs\nRoast chicken\nApple tart"
        ));
        assert!(shape(
            "Agenda:\nWelcome\nMinutes of the last meeting\nBudget for 2026"
        ));
        assert!(shape("Ingredients:\n200g flour\ntwo eggs\na pinch of salt"));
    }

    #[test]
    fn wrapped_prose_is_not() {
        assert!(!shape(
            "The minister said on Tuesday that the\ngovernment would not raise taxes before\nthe election, despite pressure from\nbackbenchers."
        ));
        assert!(!shape(
            "Officials from both countries held talks with\nPresident Macron on the future of the\nalliance, which has been strained since"
        ));
        assert!(!shape("One line only"));
    }
}
