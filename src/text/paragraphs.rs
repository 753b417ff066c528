//! Paragraphs and blocks: the one definition every stage uses.
//!
//! A **paragraph** of plain text is a run of lines holding something other
//! than white space; a line of only white space (spaces, tabs, no-break
//! spaces, any Unicode white space) ends it, however many there are. So
//! `A\n \nB` is two paragraphs everywhere: in `documents.csv`, in how
//! `sentences.csv` is cut, and in furniture detection.
//!
//! A document's body is a list of **blocks**. Plain text gives one
//! [`BlockKind::Text`] block a paragraph, whose inner structure (a heading
//! run into its paragraph, list items, hard-wrapped lines) the sentence
//! splitter reads from its lines. HTML and Markdown readers know their
//! structure, so their blocks come typed (heading, paragraph, list item,
//! quote) and nothing is guessed. No sentence ever runs from one block into
//! the next.
//!
//! The `paragraphs` column counts blocks of running text: every plain-text
//! paragraph (a heading on a line of its own cannot be told from a short
//! paragraph without a full stop, so it counts), and of typed blocks the
//! paragraphs, quotes and each run of consecutive list items once (a list is
//! one paragraph-level block, as it is in plain text), but no heading.

use std::borrow::Cow;
use std::ops::Range;

/// What kind of text block a piece of a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph of plain text whose inner structure is not known.
    Text,
    /// A heading (other than the document's title).
    Heading,
    /// A paragraph of running text.
    Paragraph,
    /// One item of a list.
    ListItem,
    /// A block quote (or one paragraph of it).
    Quote,
}

/// One block of a document body: its kind and its byte range in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockSpan {
    /// What kind of block.
    pub kind: BlockKind,
    /// Where it is in the body.
    pub range: Range<usize>,
}

/// Byte ranges of the paragraphs of `text`: each from the start of its
/// first line to the end of its last (no line break), in order.
pub fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    let mut current: Option<Range<usize>> = None;
    let mut lines = text.split_inclusive('\n');
    std::iter::from_fn(move || loop {
        let Some(line) = lines.next() else {
            return current.take();
        };
        let range = start..start + line.trim_end_matches(['\n', '\r']).len();
        start += line.len();
        if !line.trim().is_empty() {
            let paragraph = current.get_or_insert(range.clone());
            paragraph.end = range.end;
        } else if let Some(done) = current.take() {
            return Some(done);
        }
    })
}

/// The paragraphs of plain text as [`BlockKind::Text`] blocks.
pub fn text_blocks(text: &str) -> Vec<BlockSpan> {
    paragraphs(text)
        .map(|range| BlockSpan {
            kind: BlockKind::Text,
            range,
        })
        .collect()
}

/// How many blocks of running text there are (see the module docs).
pub fn count_paragraphs(blocks: &[BlockSpan]) -> usize {
    let mut count = 0;
    let mut previous = None;
    for block in blocks {
        count += usize::from(match block.kind {
            BlockKind::Text | BlockKind::Paragraph | BlockKind::Quote => true,
            BlockKind::ListItem => previous != Some(BlockKind::ListItem),
            BlockKind::Heading => false,
        });
        previous = Some(block.kind);
    }
    count
}

/// `blocks` with any block longer than `max` bytes cut into parts of at
/// most `max` (a paragraph of megabytes, a file without blank lines): at
/// the last line break in reach, else the last white space, else a
/// character boundary. A cut ends a sentence, which a paragraph break
/// would too; the parts keep the block's kind. Borrowed when nothing is cut.
pub fn bounded_blocks<'a>(body: &str, blocks: &'a [BlockSpan], max: usize) -> Cow<'a, [BlockSpan]> {
    if blocks.iter().all(|block| block.range.len() <= max) {
        return Cow::Borrowed(blocks);
    }
    let mut parts = Vec::with_capacity(blocks.len());
    for block in blocks {
        let mut start = block.range.start;
        while block.range.end - start > max {
            let (end, next) = cut_before(body, start, start + max);
            parts.push(BlockSpan {
                kind: block.kind,
                range: start..end,
            });
            start = next;
        }
        if start < block.range.end {
            parts.push(BlockSpan {
                kind: block.kind,
                range: start..block.range.end,
            });
        }
    }
    Cow::Owned(parts)
}

/// Where to cut `body[start..limit]`, as (end of this part, start of the
/// next): at its last line break, else its last space or tab (which go
/// with neither part), else at the last character boundary (at least one
/// character in).
fn cut_before(body: &str, start: usize, limit: usize) -> (usize, usize) {
    let mut limit = limit;
    while !body.is_char_boundary(limit) {
        limit -= 1;
    }
    let reach = &body[start..limit];
    let at = reach
        .rfind('\n')
        .or_else(|| reach.rfind([' ', '\t']))
        .filter(|&at| at > 0);
    match at {
        Some(at) => (start + at, start + at + 1),
        None if limit > start => (limit, limit),
        None => {
            let first = body[start..].chars().next().map_or(1, char::len_utf8);
            (start + first, start + first)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn white_space_only_lines_separate_paragraphs() {
        assert_eq!(texts("A\n \nB c."), ["A", "B c."]);
        assert_eq!(texts("A\n\t\u{a0}\nB"), ["A", "B"]);
        assert_eq!(texts("A\r\n\r\nB\r\nC\r\n"), ["A", "B\r\nC"]);
        assert_eq!(texts("\n\n  A\nB  \n\n\n"), ["  A\nB  "]);
        assert!(texts(" \n\t\n").is_empty());
    }

    #[test]
    fn long_blocks_are_cut_at_line_breaks_then_spaces_then_characters() {
        let cut = |body: &str, max| -> Vec<String> {
            let blocks = text_blocks(body);
            bounded_blocks(body, &blocks, max)
                .iter()
                .map(|b| body[b.range.clone()].to_owned())
                .collect()
        };
        assert_eq!(
            cut("one two\nthree four\n\nfive", 12),
            ["one two", "three four", "five"]
        );
        assert_eq!(cut("one two three", 9), ["one two", "three"]);
        assert_eq!(cut("abcdef", 4), ["abcd", "ef"]);
        assert_eq!(cut("ééé", 1), ["é", "é", "é"]);
        let short = text_blocks("a\n\nb");
        assert!(matches!(
            bounded_blocks("a\n\nb", &short, 5),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn typed_headings_are_not_paragraphs_and_a_list_counts_once() {
        let body = "Why it matters\n\nOne two three.\n\n- a\n- b";
        assert_eq!(count_paragraphs(&text_blocks(body)), 3);
        let span = |kind, range| BlockSpan { kind, range };
        let typed = [
            span(BlockKind::Heading, 0..1),
            span(BlockKind::Paragraph, 0..1),
            span(BlockKind::ListItem, 0..1),
            span(BlockKind::ListItem, 0..1),
            span(BlockKind::Quote, 0..1),
            span(BlockKind::ListItem, 0..1),
        ];
        assert_eq!(count_paragraphs(&typed), 4);
    }
}
