//! One document as the counting stages see it: a stable id, the headline (per
//! SPEC: a short first line without end punctuation, standing alone as the
//! first paragraph; not counted) and the body, with trailing page furniture
//! set aside but kept, so reports can say how much was dropped.

use super::formats::{body_of, Extracted};
use super::furniture::{strip_block_furniture, strip_furniture_within, FurnitureCut, Reach};
use super::rows::Row;
use crate::text::paragraphs::{paragraphs, text_blocks, BlockSpan};

/// Longest line, in characters, that can be a headline.
const MAX_TITLE_CHARS: usize = 200;
/// Most words a headline may have.
const MAX_TITLE_WORDS: usize = 25;

/// A document ready to be counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The stable id reported in the `document` column.
    pub id: String,
    /// The headline, if the text starts with one (or the source names one).
    pub title: Option<String>,
    /// Metadata (author, date, URL, a row's other columns…): (name,
    /// value) pairs in the order the source gives them; values may be empty.
    pub metadata: Vec<(String, String)>,
    /// The text that is counted: no headline, no trailing furniture.
    pub body: String,
    /// The blocks of the body, in order: typed by the reader for HTML and
    /// Markdown, one [`crate::text::paragraphs::BlockKind::Text`] a paragraph for plain text. Empty
    /// means "read the body as plain text" (see [`Document::blocks`]).
    pub blocks: Vec<BlockSpan>,
    /// What was set aside as trailing page furniture.
    pub furniture: FurnitureCut,
    /// The encoding the bytes were read in (see [`super::Decoded`]).
    pub encoding: &'static str,
    /// Bytes re-decoded or replaced because they were not valid in it.
    pub decode_errors: usize,
}

impl Document {
    /// Shape plain text into a document: headline split off, furniture
    /// set aside unless `keep_furniture`. The text is taken to be clean
    /// UTF-8; a loader that decoded bytes sets `encoding` and
    /// `decode_errors` afterwards.
    pub fn from_text(id: String, text: &str, keep_furniture: bool) -> Self {
        Self::from_string(id, text.to_owned(), keep_furniture)
    }

    /// [`Document::from_text`] for text the caller owns: it becomes the
    /// body in place, without a copy, however large.
    pub fn from_string(id: String, text: String, keep_furniture: bool) -> Self {
        Self::from_section(id, text, keep_furniture, Reach::Whole)
    }

    /// A document of one section of a long plain-text document (see
    /// `input::stream`), the `reach` part of it: furniture set aside as
    /// far as that part has it, the headline looked for only at the start.
    pub fn from_section(id: String, text: String, keep_furniture: bool, reach: Reach) -> Self {
        // Furniture first: a cookie notice or byline above the headline
        // would otherwise hide it (the top cut never removes a headline).
        let (mut body, furniture) = furniture_set_aside(text, keep_furniture, reach);
        let (title, rest) = match reach {
            Reach::Whole | Reach::Start => split_title(&body),
            Reach::Middle | Reach::End => (None, body.as_str()),
        };
        let start = rest.as_ptr() as usize - body.as_ptr() as usize;
        let (end, lead) = (
            start + rest.trim_end().len(),
            rest.len() - rest.trim_start().len(),
        );
        body.truncate(end);
        body.drain(..(start + lead).min(end));
        Self::assembled(id, title, Vec::new(), body, furniture)
    }

    /// A document from what a reader extracted (HTML, Markdown): its title
    /// and metadata as found, its blocks one paragraph each, so that no
    /// sentence runs from one block into the next.
    pub fn from_extracted(id: String, extracted: Extracted, keep_furniture: bool) -> Self {
        let (blocks, furniture) = if keep_furniture {
            (extracted.blocks, FurnitureCut::default())
        } else {
            strip_block_furniture(extracted.blocks)
        };
        let (body, blocks) = body_of(&blocks);
        Document {
            blocks,
            ..Self::assembled(id, extracted.title, extracted.metadata, body, furniture)
        }
    }

    /// The blocks of the body: [`Document::blocks`], or the body's
    /// paragraphs as plain text when a caller built the document without them.
    pub fn blocks(&self) -> std::borrow::Cow<'_, [BlockSpan]> {
        if self.blocks.is_empty() {
            std::borrow::Cow::Owned(text_blocks(&self.body))
        } else {
            std::borrow::Cow::Borrowed(&self.blocks)
        }
    }

    /// A document from one row of a table or JSON lines file: its title
    /// from the title column, or else split off its text as for plain text.
    pub fn from_row(row: Row, keep_furniture: bool) -> Self {
        match row.title {
            Some(title) => {
                Self::shaped(row.id, Some(title), &row.text, row.metadata, keep_furniture)
            }
            None => Document {
                metadata: row.metadata,
                ..Self::from_string(row.id, row.text, keep_furniture)
            },
        }
    }

    /// Set furniture aside (unless kept) and assemble.
    fn shaped(
        id: String,
        title: Option<String>,
        rest: &str,
        metadata: Vec<(String, String)>,
        keep_furniture: bool,
    ) -> Self {
        let (body, furniture) = furniture_set_aside(rest.to_owned(), keep_furniture, Reach::Whole);
        Self::assembled(id, title, metadata, body, furniture)
    }

    /// A document of these parts, read as clean UTF-8, its body plain text.
    fn assembled(
        id: String,
        title: Option<String>,
        metadata: Vec<(String, String)>,
        body: String,
        furniture: FurnitureCut,
    ) -> Self {
        Document {
            id,
            title,
            metadata,
            blocks: text_blocks(&body),
            body,
            furniture,
            encoding: "UTF-8",
            decode_errors: 0,
        }
    }
}

/// `text` with its page furniture set aside, unless it is kept.
fn furniture_set_aside(
    mut text: String,
    keep_furniture: bool,
    reach: Reach,
) -> (String, FurnitureCut) {
    if keep_furniture {
        text.truncate(text.trim_end().len());
        text.drain(..text.len() - text.trim_start().len());
        (text, FurnitureCut::default())
    } else {
        strip_furniture_within(text, reach)
    }
}

/// Split a headline off the front of `text`: the first paragraph, if it is a
/// single short line with no end punctuation and more text follows.
pub fn split_title(text: &str) -> (Option<String>, &str) {
    let text = text.trim_start();
    let Some(break_at) = paragraphs(text).next().map(|first| first.end) else {
        return (None, text);
    };
    let (first, rest) = text.split_at(break_at);
    let line = first.trim();
    if (is_headline(line) || is_question_headline(line, rest)) && !rest.trim().is_empty() {
        (Some(line.to_owned()), rest)
    } else {
        (None, text)
    }
}

/// Fewest words of a question that can be a headline
/// (`Could Yukos be a blessing in disguise?`).
const MIN_QUESTION_TITLE_WORDS: usize = 4;
/// Fewest words after a question for it to be a headline, not an opening.
const MIN_WORDS_AFTER_QUESTION_TITLE: usize = 15;

/// Whether a first line ending in `?` is a question headline: long enough
/// to be a headline and followed by a body of its own.
fn is_question_headline(line: &str, rest: &str) -> bool {
    line.ends_with('?')
        && line.split_whitespace().count() >= MIN_QUESTION_TITLE_WORDS
        && rest.split_whitespace().count() >= MIN_WORDS_AFTER_QUESTION_TITLE
        && is_headline(line.trim_end_matches('?'))
}

fn is_headline(line: &str) -> bool {
    let ends_like_prose = line.ends_with(['.', '!', '?', '…', ',', ';', ':']);
    !line.is_empty()
        && !line.contains('\n')
        && !ends_like_prose
        && line.chars().count() <= MAX_TITLE_CHARS
        && line.split_whitespace().count() <= MAX_TITLE_WORDS
        && line.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_unpunctuated_first_line_is_the_title() {
        let (title, rest) = split_title("Why It Matters\n\nBody text here.");
        assert_eq!(title.as_deref(), Some("Why It Matters"));
        assert_eq!(rest.trim(), "Body text here.");
    }

    #[test]
    fn a_first_sentence_is_not_a_title() {
        assert_eq!(split_title("It rained.\n\nThen it stopped.").0, None);
        assert_eq!(split_title("Was it rain?\n\nYes.").0, None);
    }

    #[test]
    fn a_question_headline_over_a_body_is_a_title() {
        let text = "Could Yukos be a blessing in disguise?\n\nRussia's oil giant has been broken up, and some investors now think the sale could help the market grow.";
        let (title, rest) = split_title(text);
        assert_eq!(
            title.as_deref(),
            Some("Could Yukos be a blessing in disguise?")
        );
        assert!(rest.trim().starts_with("Russia's"));
        assert_eq!(split_title("What now?\n\nA long answer follows here with many words in it for sure, really many.").0, None, "too short");
    }

    #[test]
    fn a_lone_line_is_the_body_not_a_title() {
        assert_eq!(split_title("Just one line").0, None);
    }

    #[test]
    fn a_wrapped_first_paragraph_is_not_a_title() {
        assert_eq!(split_title("one line\nand another\n\nBody.").0, None);
    }
}
