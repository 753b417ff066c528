//! Input stage: find the documents a user named, read and decode them, and turn
//! each into a [`Document`]: an id, an optional headline and the body text that
//! the later stages count, with trailing web-page furniture set aside.

mod decode;
mod discover;
mod document;
mod furniture;
mod markdown;

pub use decode::{decode_text, decoding_note, Decoded, UTF8_WITH_WINDOWS_1252, WINDOWS_1252};
pub use discover::{discover, path_id, Discovered, Source, Unexpanded};
pub use document::{split_title, Document};
pub use furniture::{strip_furniture, FurnitureCut};

use crate::config::InputOptions;
use std::io::Read;

/// Why one input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("no such file or folder")]
    Missing,
    /// A folder held no `.txt` or `.md` files.
    #[error("folder holds no text files (.txt, .md)")]
    NoTextFiles,
    /// The operating system refused to read it.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The bytes hold NUL characters (and are not UTF-16) or mostly
    /// control characters: not a text file.
    #[error("looks like a binary file (NUL or control bytes), not text")]
    Binary,
    /// Zero bytes, or only white space.
    #[error("empty file")]
    Empty,
}

/// Read the whole of one source into bytes.
pub fn read_source(source: &Source) -> Result<Vec<u8>, InputError> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().lock().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
        Source::File { path, .. } => std::fs::read(path).map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => InputError::Missing,
            _ => InputError::Io(err),
        }),
    }
}

/// Read, decode and shape one source into a [`Document`].
pub fn load_document(source: &Source, options: &InputOptions) -> Result<Document, InputError> {
    let bytes = read_source(source)?;
    document_from_bytes(source.id(), &bytes, source.is_markdown(), options)
}

/// Decode and shape one input's bytes into a [`Document`] named `id`.
pub fn document_from_bytes(
    id: String,
    bytes: &[u8],
    markdown: bool,
    options: &InputOptions,
) -> Result<Document, InputError> {
    let decoded = decode_text(bytes, options.encoding)?;
    if decoded.text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    let mut document = Document::from_text(id, &decoded.text, markdown, options.keep_furniture);
    document.encoding = decoded.encoding;
    document.decode_errors = decoded.decode_errors;
    Ok(document)
}
