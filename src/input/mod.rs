//! Input stage: find the documents a user named, read and decode them, and turn
//! each into a [`Document`]: an id, an optional headline and the body text that
//! the later stages count, with trailing web-page furniture set aside.

pub(crate) mod decode;
mod discover;
mod document;
mod format;
pub mod formats;
mod furniture;
mod metadata;
pub mod rows;
pub mod stream;

pub use decode::{
    decode_owned, decode_segment, decode_text, decoding_note, encoding_named, encoding_serde,
    ByteSurvey, ControlShare, Decoded, SegmentDecoding, UTF8_WITH_WINDOWS_1252, WINDOWS_1252,
};
pub use discover::{discover, discover_with, path_id, Discovered, FileFilter, Source, Unexpanded};
pub use document::{split_title, Document};
pub use format::Format;
pub use furniture::{strip_furniture, strip_furniture_within, FurnitureCut, Reach};
pub use metadata::MetadataTable;
pub use stream::{text_sections, Streaming, TextSections};

use crate::config::InputOptions;
use std::io::Read;

/// Why one input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("no such file or folder")]
    Missing,
    /// A folder held no file that the walk reads.
    #[error(
        "folder holds no file to read (by default .txt .md .markdown .html .htm .csv .tsv .jsonl)"
    )]
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
    /// The file's structure could not be read (a row file without the
    /// text column, front matter that is not YAML).
    #[error("{0}")]
    Structure(String),
    /// Larger than [`MAX_INPUT_BYTES`]: refused before it is read.
    #[error(
        "too large: {0} bytes, over the limit of {MAX_INPUT_BYTES} bytes (1 GiB) for a file read \
         whole (only plain-text files are read in sections, at any size); split it into smaller files"
    )]
    TooLarge(u64),
}

/// The largest file read whole, 1 GiB: a page, a row file or standard
/// input is read whole and its body kept while it is counted (a little
/// more than its size at the peak, see README), so this bounds memory on
/// any such input; it is refused, named in `errors.csv`, never half-read.
/// A plain-text file over [`Streaming::above`] is read in sections
/// instead ([`stream`]), whatever its size.
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// One document read from a source, or one row of it that failed: (the
/// row's id, why).
pub type Loaded = Result<Document, rows::RowFailure>;

/// Read the whole of one source into bytes.
pub fn read_source(source: &Source) -> Result<Vec<u8>, InputError> {
    match source {
        Source::Stdin => read_limited(std::io::stdin().lock(), 0, MAX_INPUT_BYTES),
        Source::File { path, .. } => {
            let file = std::fs::File::open(path).map_err(|err| match err.kind() {
                std::io::ErrorKind::NotFound => InputError::Missing,
                _ => InputError::Io(err),
            })?;
            let size = file.metadata()?.len();
            if size > MAX_INPUT_BYTES {
                return Err(InputError::TooLarge(size));
            }
            read_limited(file, size as usize, MAX_INPUT_BYTES)
        }
    }
}

/// Read all of `reader`, about `size` bytes, refusing more than `limit`
/// ([`MAX_INPUT_BYTES`]: a file may grow after its size was checked;
/// standard input has none).
fn read_limited(reader: impl Read, size: usize, limit: u64) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::with_capacity(size + 1);
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    match bytes.len() as u64 {
        n if n > limit => Err(InputError::TooLarge(n)),
        _ => Ok(bytes),
    }
}

/// Read, decode and shape one source into its documents: one for a text,
/// Markdown or HTML file, one a row for a CSV, TSV or JSON lines file.
/// Also returns how many bytes were read (0 if the source could not be).
pub fn load_documents(
    source: &Source,
    options: &InputOptions,
) -> (u64, Result<Vec<Loaded>, InputError>) {
    match read_source(source) {
        Err(err) => (0, Err(err)),
        Ok(bytes) => {
            let size = bytes.len() as u64;
            let documents =
                documents_from_owned_bytes(source.id(), bytes, source.format(), options);
            (size, documents)
        }
    }
}

/// Decode and shape one input's bytes, in `format`, into its documents.
pub fn documents_from_bytes(
    id: String,
    bytes: &[u8],
    format: Format,
    options: &InputOptions,
) -> Result<Vec<Loaded>, InputError> {
    documents_from_owned_bytes(id, bytes.to_vec(), format, options)
}

/// [`documents_from_bytes`] taking the bytes: clean UTF-8 text becomes
/// its document's body without a copy.
pub fn documents_from_owned_bytes(
    id: String,
    bytes: Vec<u8>,
    format: Format,
    options: &InputOptions,
) -> Result<Vec<Loaded>, InputError> {
    let decoded = decode_owned(bytes, options.encoding)?;
    if decoded.text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    let keep = options.keep_furniture;
    let (encoding, decode_errors) = (decoded.encoding, decoded.decode_errors);
    if format == Format::Text {
        let mut document = Document::from_string(id, decoded.text, keep);
        document.encoding = encoding;
        document.decode_errors = decode_errors;
        return Ok(vec![Ok(document)]);
    }
    let text = decoded.text.as_str();
    let mut documents = match format {
        Format::Text => unreachable!("plain text is shaped above"),
        Format::Markdown => {
            let extracted = formats::markdown::read_markdown(text)
                .map_err(|e| InputError::Structure(e.to_string()))?;
            vec![Ok(Document::from_extracted(id, extracted, keep))]
        }
        Format::Html => {
            let extracted = formats::html::read_html(text);
            vec![Ok(Document::from_extracted(id, extracted, keep))]
        }
        Format::Csv | Format::Tsv | Format::JsonLines => row_documents(&id, text, format, options)?,
    };
    for document in documents.iter_mut().flatten() {
        document.encoding = encoding;
        document.decode_errors = decode_errors;
    }
    Ok(documents)
}

/// The documents of a row file, one a row.
fn row_documents(
    file: &str,
    text: &str,
    format: Format,
    options: &InputOptions,
) -> Result<Vec<Loaded>, InputError> {
    let found = match format {
        Format::JsonLines => rows::json_rows(file, text, &options.rows),
        Format::Tsv => rows::table_rows(file, text, b'\t', &options.rows),
        _ => rows::table_rows(file, text, b',', &options.rows),
    }
    .map_err(InputError::Structure)?;
    let keep = options.keep_furniture;
    Ok(found
        .into_iter()
        .map(|row| row.map(|row| Document::from_row(row, keep)))
        .collect())
}

/// Decode and shape one input's bytes into a [`Document`] named `id`.
pub fn document_from_bytes(
    id: String,
    bytes: &[u8],
    markdown: bool,
    options: &InputOptions,
) -> Result<Document, InputError> {
    let format = if markdown {
        Format::Markdown
    } else {
        Format::Text
    };
    let mut documents = documents_from_bytes(id, bytes, format, options)?;
    // Text and Markdown give exactly one document.
    documents
        .swap_remove(0)
        .map_err(|(_, why)| InputError::Structure(why))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_past_the_limit_is_refused_not_read_whole() {
        let read = |text: &str| read_limited(text.as_bytes(), 0, 10);
        assert_eq!(read("0123456789").unwrap(), b"0123456789");
        let refused = read("0123456789 and more").unwrap_err();
        assert!(matches!(refused, InputError::TooLarge(11)), "{refused}");
        assert!(refused
            .to_string()
            .contains("over the limit of 1073741824 bytes (1 GiB)"));
    }
}
