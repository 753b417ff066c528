//! Sentence splitting for commentary articles.
//!
//! Readability formulas (Flesch, Fog, SMOG, Dale–Chall, ...) divide by the
//! number of sentences, so a splitter that breaks at every period (`Dr.`,
//! `U.S.`, `3.5`) or misses unpunctuated headings and list items skews every
//! score. This module finds sentences in a whole document body with rules
//! modelled on the "Golden Rules" of rule-based segmenters such as pySBD.
//!
//! Block-level rules (this module):
//! - A block always ends a sentence, even without end punctuation. In plain
//!   text a block is a paragraph (see `text::paragraphs`: lines of only white
//!   space separate them), so a heading followed by a blank line is its own
//!   sentence; HTML and Markdown readers hand over typed blocks (headings,
//!   paragraphs, list items, quotes) that are split only at sentence ends,
//!   and the line rules below apply to plain-text paragraphs alone.
//! - A single newline inside a paragraph is just a space (hard-wrapped text),
//!   except before a list item.
//! - List items (`- `, `* `, `+ `, `• `, `1. `, `2) `, `a) `, `(3) `) are each
//!   at least one sentence, punctuated or not; the line before the list ends a
//!   sentence. The marker is not part of the sentence. A following line
//!   continues the item only if it is indented or starts lowercase.
//! - A heading directly followed by its paragraph on the next line (a short
//!   line of at most 12 words, under 70% of the paragraph's longest line or a
//!   capitalized label of at most 3 words, without end punctuation, not ending
//!   in a word like `and`/`of`/`the`, starting a sentence, before a capitalized
//!   line) is its own sentence.
//! - Segments with no letter or digit (`* * *`, `---`) are dropped.
//!
//! Punctuation-level rules (end punctuation, abbreviations, initials,
//! numbers, URLs, missing spaces) are in the sibling module `sentence_rules`; the
//! abbreviation list is `data/abbreviations.txt`, whose header documents its
//! classes.

use std::ops::Range;
use std::sync::OnceLock;

use super::abbreviations::Abbreviations;
use super::paragraphs::{text_blocks, BlockKind, BlockSpan};
use super::sentence_rules::{ends_with_terminal, sentence_ends};

/// The abbreviation list, compiled into the binary.
const ABBREVIATIONS_DATA: &str = crate::data::ABBREVIATIONS;

/// Bullet characters that start a list item when followed by whitespace.
const BULLETS: &[char] = &['-', '*', '+', '•', '◦', '▪', '‣', '·'];

/// Byte ranges of the sentences of plain `text`, in order, trimmed of
/// surrounding whitespace, never empty.
///
/// `text` is a whole document body: paragraphs separated by one or more blank
/// lines, `\n` line endings. Every range starts and ends on a character
/// boundary and contains at least one letter or digit; list markers (`- `,
/// `1. `) are left out of the item's sentence.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    split_blocks(text, &text_blocks(text))
}

/// Byte ranges of the sentences of a body made of `blocks`: the lines of a
/// [`BlockKind::Text`] block are read for headings and list items; any other
/// block is running text, split only at its sentence ends.
pub fn split_blocks(text: &str, blocks: &[BlockSpan]) -> Vec<Range<usize>> {
    let abbreviations = abbreviations();
    let mut sentences = Vec::new();
    for block in blocks {
        if block.kind == BlockKind::Text {
            let lines = lines_of(text, block.range.clone());
            for run in runs(text, &lines) {
                push_sentences(text, run, abbreviations, &mut sentences);
            }
        } else {
            push_sentences(text, block.range.clone(), abbreviations, &mut sentences);
        }
    }
    sentences
}

/// The parsed `data/abbreviations.txt`, parsed on first use.
fn abbreviations() -> &'static Abbreviations {
    static PARSED: OnceLock<Abbreviations> = OnceLock::new();
    PARSED.get_or_init(|| {
        Abbreviations::parse(ABBREVIATIONS_DATA).expect("data/abbreviations.txt is malformed")
    })
}

/// The lines of one paragraph (ranges without the line break).
fn lines_of(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let mut start = paragraph.start;
    text[paragraph]
        .split('\n')
        .map(|line| {
            let range = start..start + line.trim_end_matches('\r').len();
            start += line.len() + 1;
            range
        })
        .collect()
}

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

/// Splits a paragraph's lines into runs of text: list items, headings,
/// and the hard-wrapped text between them.
fn runs(text: &str, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let longest = lines
        .iter()
        .map(|l| collapsed_len(&text[l.clone()]))
        .max()
        .unwrap_or(0);
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut open = Open::Closed;
    for (index, line) in lines.iter().enumerate() {
        let raw = &text[line.clone()];
        let continues = open == Open::Text || (open == Open::Item && continues_item(raw));
        if let Some(offset) = list_item_start(raw) {
            blocks.push(line.start + offset..line.end);
            open = Open::Item;
        } else if is_heading(text, lines, index, longest) {
            blocks.push(line.clone());
            open = Open::Closed;
        } else if let (true, Some(last)) = (continues, blocks.last_mut()) {
            last.end = line.end;
        } else {
            blocks.push(line.clone());
            open = Open::Text;
        }
    }
    blocks
}

/// Whether a non-item line after a list item continues that item.
fn continues_item(line: &str) -> bool {
    line.starts_with(char::is_whitespace) || line.trim_start().starts_with(char::is_lowercase)
}

/// If `line` is a list item, the byte offset where its content starts.
fn list_item_start(line: &str) -> Option<usize> {
    let body = line.trim_start();
    let indent = line.len() - body.len();
    let marker = bullet_len(body).or_else(|| enumerator_len(body))?;
    let rest = &body[marker..];
    let gap = rest.len() - rest.trim_start().len();
    (gap > 0 || rest.is_empty()).then_some(indent + marker + gap)
}

/// Length of a bullet character at the start of `body`.
fn bullet_len(body: &str) -> Option<usize> {
    let first = body.chars().next()?;
    BULLETS.contains(&first).then(|| first.len_utf8())
}

/// Length of an enumerator at the start of `body`: `12.`, `12)`, `12.)`,
/// `a)`, `(12)`, `(a)`.
fn enumerator_len(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let open = usize::from(bytes.first() == Some(&b'('));
    let digits = bytes[open..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let label = match digits {
        1..=3 => digits,
        0 if bytes.get(open).is_some_and(u8::is_ascii_lowercase) => 1,
        _ => return None,
    };
    let tail = &body[open + label..];
    let close = if open == 1 || digits == 0 {
        [")"].iter().find(|p| tail.starts_with(**p))
    } else {
        [".)", ".", ")"].iter().find(|p| tail.starts_with(**p))
    }?;
    Some(open + label + close.len())
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

/// Splits one block at its sentence ends and appends the trimmed, non-empty sentences.
fn push_sentences(
    text: &str,
    block: Range<usize>,
    abbreviations: &Abbreviations,
    out: &mut Vec<Range<usize>>,
) {
    let slice = &text[block.clone()];
    let mut start = 0;
    for end in sentence_ends(slice, abbreviations)
        .into_iter()
        .chain([slice.len()])
    {
        let piece = &slice[start..end];
        let trimmed = piece.trim_start();
        let offset = block.start + start + (piece.len() - trimmed.len());
        let trimmed = trimmed.trim_end();
        if trimmed.chars().any(char::is_alphanumeric) {
            out.push(offset..offset + trimmed.len());
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn shipped_abbreviation_list_parses() {
        use crate::text::abbreviations::AbbrevClass;
        let parsed = Abbreviations::parse(ABBREVIATIONS_DATA).unwrap();
        assert_eq!(parsed.class_of("dr"), Some(AbbrevClass::Inner));
        assert_eq!(parsed.class_of("et al"), Some(AbbrevClass::End));
        assert_eq!(parsed.class_of("no"), Some(AbbrevClass::Number));
    }

    #[test]
    fn empty_and_blank_text_have_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\n \n").is_empty());
        assert!(split("* * *\n\n---").is_empty());
    }

    #[test]
    fn ranges_are_trimmed_and_ordered() {
        let text = "  One here.   Two here.  \n\n  Three  ";
        assert_eq!(split(text), ["One here.", "Two here.", "Three"]);
    }

    #[test]
    fn paragraph_break_ends_a_sentence() {
        assert_eq!(
            split("No full stop\n\nNext paragraph"),
            ["No full stop", "Next paragraph"]
        );
        assert_eq!(split("Mr.\n\nSmith"), ["Mr.", "Smith"]);
    }

    #[test]
    fn single_newline_is_a_space() {
        assert_eq!(
            split("The minister said\nthat it was over."),
            ["The minister said\nthat it was over."]
        );
        assert_eq!(
            split("He met Dr.\nJones today."),
            ["He met Dr.\nJones today."]
        );
    }

    #[test]
    fn list_items_are_sentences() {
        let text = "We need three things:\n- money\n* time\n• luck\n1. first\n2) second\n(c) third";
        assert_eq!(
            split(text),
            [
                "We need three things:",
                "money",
                "time",
                "luck",
                "first",
                "second",
                "third"
            ]
        );
    }

    #[test]
    fn list_item_continuation() {
        assert_eq!(
            split("- a long item that\n  wraps here\n- next"),
            ["a long item that\n  wraps here", "next"]
        );
        assert_eq!(
            split("- item one\nThen a new line."),
            ["item one", "Then a new line."]
        );
    }

    #[test]
    fn enumerators() {
        assert_eq!(list_item_start("1. x"), Some(3));
        assert_eq!(list_item_start("  12) x"), Some(6));
        assert_eq!(list_item_start("3.) x"), Some(4));
        assert_eq!(list_item_start("(a) x"), Some(4));
        assert_eq!(list_item_start("10.30 today"), None);
        assert_eq!(list_item_start("2024. It was"), None);
        assert_eq!(list_item_start("-5 degrees"), None);
        assert_eq!(list_item_start("A. Lincoln"), None);
    }

    #[test]
    fn ranges_are_valid_on_scrambled_input() {
        const PIECES: &[&str] = &[
            "a",
            "Dr",
            "U.S",
            ".",
            ". ",
            "?",
            "!",
            "…",
            "...",
            " ",
            "\n",
            "\n\n",
            "\u{a0}",
            "\"",
            "”",
            "(",
            ")",
            "- ",
            "1. ",
            "é",
            "The",
            "etc",
            "www.x.org",
            "@",
            "[3]",
            "2.5",
            "\t",
            ". . .",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let mut previous_end = 0;
            for range in split_sentences(&text) {
                let sentence = &text[range.clone()];
                assert!(range.start >= previous_end, "{text:?}");
                assert_eq!(sentence, sentence.trim(), "{text:?}");
                assert!(sentence.chars().any(char::is_alphanumeric), "{text:?}");
                previous_end = range.end;
            }
        }
    }

    #[test]
    fn heading_before_paragraph_line() {
        let text = "Why Officials Drift\nThe interim government is fragile, and its insiders know it well.";
        assert_eq!(split(text).len(), 2);
        let wrapped =
            "The minister and the Foreign Secretary met with\nPresident Smith on Tuesday to talk.";
        assert_eq!(split(wrapped).len(), 1);
    }
}
