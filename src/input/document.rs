//! One document as the counting stages see it: a stable id, the headline (per
//! SPEC: a short first line without end punctuation, standing alone as the
//! first paragraph; not counted) and the body, with trailing page furniture
//! set aside but kept, so reports can say how much was dropped.

use super::furniture::{strip_furniture, FurnitureCut};

/// Longest line, in characters, that can be a headline.
const MAX_TITLE_CHARS: usize = 200;
/// Most words a headline may have.
const MAX_TITLE_WORDS: usize = 25;

/// A document ready to be counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The stable id reported in the `document` column.
    pub id: String,
    /// The headline, if the text starts with one.
    pub title: Option<String>,
    /// The text that is counted: no headline, no trailing furniture.
    pub body: String,
    /// What was set aside as trailing page furniture.
    pub furniture: FurnitureCut,
    /// The encoding the bytes were read in (see [`super::Decoded`]).
    pub encoding: &'static str,
    /// Bytes re-decoded or replaced because they were not valid in it.
    pub decode_errors: usize,
}

impl Document {
    /// Shape decoded text into a document: Markdown markup removed (for
    /// `.md`), headline split off, trailing furniture set aside unless
    /// `keep_furniture`. The text is taken to be clean UTF-8; a loader that
    /// decoded bytes sets `encoding` and `decode_errors` afterwards.
    pub fn from_text(id: String, text: &str, markdown: bool, keep_furniture: bool) -> Self {
        let plain = if markdown {
            super::markdown::to_plain(text)
        } else {
            text.to_owned()
        };
        let (title, rest) = split_title(&plain);
        let (body, furniture) = if keep_furniture {
            (rest.trim().to_owned(), FurnitureCut::default())
        } else {
            strip_furniture(rest)
        };
        Document {
            id,
            title,
            body,
            furniture,
            encoding: "UTF-8",
            decode_errors: 0,
        }
    }
}

/// Split a headline off the front of `text`: the first paragraph, if it is a
/// single short line with no end punctuation and more text follows.
pub fn split_title(text: &str) -> (Option<String>, &str) {
    let text = text.trim_start();
    let Some(break_at) = text.find("\n\n") else {
        return (None, text);
    };
    let (first, rest) = text.split_at(break_at);
    let line = first.trim();
    if is_headline(line) && !rest.trim().is_empty() {
        (Some(line.to_owned()), rest)
    } else {
        (None, text)
    }
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
    fn a_lone_line_is_the_body_not_a_title() {
        assert_eq!(split_title("Just one line").0, None);
    }

    #[test]
    fn a_wrapped_first_paragraph_is_not_a_title() {
        assert_eq!(split_title("one line\nand another\n\nBody.").0, None);
    }
}
