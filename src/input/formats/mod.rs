//! One reader per input format. A reader turns one file's decoded text into
//! one or more extracted documents, each with its metadata (author, date,
//! URL, the other columns of a row…) and its blocks (headings, paragraphs,
//! list items, quotes), so that the structure of HTML and Markdown reaches
//! sentence splitting as it was written instead of being guessed.

pub mod html;
pub mod markdown;

pub use crate::text::paragraphs::BlockKind;
use crate::text::paragraphs::BlockSpan;

/// One block of a document's text: never split across sentences with
/// another block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What kind of block.
    pub kind: BlockKind,
    /// Its text, white space inside collapsed to single spaces, no markup.
    pub text: String,
}

impl Block {
    /// A block of `kind` holding `text`.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
        }
    }
}

/// What a reader found in one document: its title, its metadata in the
/// order found (names as the source writes them, lowercased), its blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The headline, when the source names one.
    pub title: Option<String>,
    /// Metadata: (name, value) pairs in first-seen order, names unique.
    pub metadata: Vec<(String, String)>,
    /// The text, block by block, in reading order; the title is not one.
    pub blocks: Vec<Block>,
}

impl Extracted {
    /// Set metadata `name` to `value` unless it is already set or empty.
    pub fn add_metadata(&mut self, name: &str, value: &str) {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = name.trim().to_lowercase();
        if value.is_empty() || name.is_empty() || self.metadata.iter().any(|(n, _)| *n == name) {
            return;
        }
        self.metadata.push((name, value));
    }

    /// The blocks as plain text: one paragraph a block, separated by blank
    /// lines, which is where the sentence splitter always ends a sentence.
    pub fn body_text(&self) -> String {
        body_of(&self.blocks).0
    }
}

/// A body made of `blocks`: their texts joined by blank lines, and where
/// each one (with its kind) is in it. Blocks without text are left out.
pub fn body_of(blocks: &[Block]) -> (String, Vec<BlockSpan>) {
    let mut body = String::new();
    let mut spans = Vec::with_capacity(blocks.len());
    for block in blocks.iter().filter(|b| !b.text.trim().is_empty()) {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(&block.text);
        spans.push(BlockSpan {
            kind: block.kind,
            range: start..body.len(),
        });
    }
    (body, spans)
}
