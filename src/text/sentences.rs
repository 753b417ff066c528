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
//! - A single newline inside a paragraph is just a space (hard-wrapped
//!   text), except where the paragraph's shape says its lines are list
//!   items, a heading or items one a line (see `text::line_runs`).
//! - List items, at the start of a line or run together on one
//!   (`1.) cut waste 2.) raise pay`, see `text::list_markers`), are each at
//!   least one sentence, their marker kept at the start of the first.
//! - Segments with no letter or digit (`* * *`, `---`) are dropped.
//!
//! Punctuation-level rules (end punctuation, abbreviations, initials,
//! numbers, URLs, missing spaces) are in the sibling module `sentence_rules`; the
//! abbreviation list is `data/abbreviations.txt`, whose header documents its
//! classes.

use std::ops::Range;
use std::sync::OnceLock;

use super::abbreviations::Abbreviations;
use super::line_runs::{runs, Run};
use super::list_markers::{inline_item_starts, item_marker_len};
use super::paragraphs::{text_blocks, BlockKind, BlockSpan};
use super::sentence_rules::sentence_ends;

/// The abbreviation list, compiled into the binary.
const ABBREVIATIONS_DATA: &str = crate::data::ABBREVIATIONS;

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
                push_items(text, run, abbreviations, &mut sentences);
            }
        } else {
            let run = Run {
                range: block.range.clone(),
                body: block.range.start,
            };
            push_items(text, run, abbreviations, &mut sentences);
        }
    }
    sentences
}

/// The parsed `data/abbreviations.txt`, parsed on first use.
pub(super) fn abbreviations() -> &'static Abbreviations {
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

/// Cuts a run at the list items run together in it (`1.) cut waste 2.)
/// raise pay`) and appends the sentences of each item.
fn push_items(text: &str, run: Run, abbreviations: &Abbreviations, out: &mut Vec<Range<usize>>) {
    let starts = inline_item_starts(&text[run.range.clone()]);
    let mut cuts: Vec<usize> = starts.iter().map(|s| run.range.start + s).collect();
    cuts.push(run.range.end);
    let (mut from, mut body) = (run.range.start, run.body);
    for cut in cuts {
        if cut > from {
            push_sentences(text, from..cut, body, abbreviations, out);
        }
        let marker = item_marker_len(&text[cut..run.range.end]);
        (from, body) = (cut, (cut + marker).max(run.body));
    }
}

/// Splits `block` at its sentence ends (looked for from `body` on, after
/// its list marker) and appends the trimmed sentences that have a letter
/// or digit after the marker; the marker stays with the first.
fn push_sentences(
    text: &str,
    block: Range<usize>,
    body: usize,
    abbreviations: &Abbreviations,
    out: &mut Vec<Range<usize>>,
) {
    let slice = &text[body..block.end];
    let mut start = 0;
    for end in sentence_ends(slice, abbreviations)
        .into_iter()
        .chain([slice.len()])
    {
        let piece = &slice[start..end];
        let from = if start == 0 {
            block.start
        } else {
            body + start
        };
        let written = &text[from..body + end];
        let trimmed = written.trim_start();
        let offset = from + (written.len() - trimmed.len());
        if piece.chars().any(char::is_alphanumeric) {
            out.push(offset..offset + trimmed.trim_end().len());
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
        assert_eq!(parsed.class_of("dr"), Some(AbbrevClass::Title));
        assert_eq!(parsed.class_of("gen"), Some(AbbrevClass::Inner));
        assert_eq!(parsed.class_of("inc"), Some(AbbrevClass::Final));
        assert_eq!(parsed.class_of("et al"), Some(AbbrevClass::Final));
        assert_eq!(parsed.class_of("u.s"), Some(AbbrevClass::End));
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
                "- money",
                "* time",
                "• luck",
                "1. first",
                "2) second",
                "(c) third"
            ]
        );
    }

    #[test]
    fn list_item_continuation() {
        assert_eq!(
            split("- a long item that\n  wraps here\n- next"),
            ["- a long item that\n  wraps here", "- next"]
        );
        assert_eq!(
            split("- item one\nThen a new line."),
            ["- item one", "Then a new line."]
        );
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
