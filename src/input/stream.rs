//! Long plain-text files read in sections, so that memory does not grow
//! with a document's length. A `.txt` file larger than
//! [`Streaming::above`] (64 MiB) is read twice, a segment at a time, each
//! segment cut right after a line feed:
//!
//! 1. a survey ([`ByteSurvey`]) decides the decoding from the whole file,
//!    exactly as for a file read whole (UTF-8, UTF-8 with stray
//!    Windows-1252 bytes, or UTF-8 with replaced bytes; a file with NUL
//!    bytes, a UTF-16 byte-order mark or Windows-1252 throughout is read
//!    whole instead);
//! 2. the segments are decoded and gathered into sections cut at the first
//!    paragraph boundary past [`Streaming::section_bytes`] (8 MiB),
//!    each made a [`Document`] and handed on to be counted, then dropped.
//!
//! Sentences never cross a paragraph, so counting sections one after
//! another gives what counting the whole would. Furniture is looked for as
//! in a whole document: the top cut in the first section, the end cut in
//! the last (a short remainder is joined to the section before it, so the
//! last is never a scrap), credit and share lines in every section. The
//! headline is looked for in the first. The binary and empty checks are
//! made on the whole text, at the end ([`TextSections::finish`]).

use super::decode::{decode_segment, ByteSurvey, ControlShare, SegmentDecoding};
use super::furniture::Reach;
use super::{Document, InputError, Source};
use crate::config::InputOptions;
use crate::text::paragraphs::paragraphs;
use std::fs::File;
use std::io::Read;

/// Which files are read in sections, and how large the sections are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streaming {
    /// Plain-text files larger than this many bytes are read in sections.
    pub above: u64,
    /// Bytes of text a section gathers before it is cut.
    pub section_bytes: usize,
}

impl Default for Streaming {
    /// Files over 64 MiB, in sections of 8 MiB.
    fn default() -> Self {
        Streaming {
            above: 64 << 20,
            section_bytes: 8 << 20,
        }
    }
}

/// Bytes read at a time.
const SEGMENT_BYTES: usize = 1 << 20;

/// Bytes read without a line feed before the file is read whole instead.
const LONGEST_LINE: usize = 16 << 20;

/// A plain-text file read in sections: an iterator of [`Document`]s, one a
/// section, then [`TextSections::finish`].
pub struct TextSections {
    id: String,
    /// The file's size, in bytes.
    size: u64,
    keep_furniture: bool,
    section_bytes: usize,
    segments: Segments,
    decoding: SegmentDecoding,
    /// Decoded text not yet made a section.
    pending: String,
    /// The last section cut, held back until it is known whether it is
    /// the last one.
    held: Option<String>,
    /// Sections handed on.
    handed: usize,
    controls: ControlShare,
    decode_errors: usize,
    any_text: bool,
    failed: bool,
}

/// Open `source` for reading in sections, when it is a plain-text file
/// large enough (and its encoding is for textgauge to detect); `None` when
/// it is to be read whole.
pub fn text_sections(
    source: &Source,
    options: &InputOptions,
) -> Result<Option<TextSections>, InputError> {
    let Source::File { path, .. } = source else {
        return Ok(None);
    };
    if source.format() != super::Format::Text || options.encoding.is_some() {
        return Ok(None);
    }
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size <= options.streaming.above {
        return Ok(None);
    }
    let Some(decoding) = survey(path)? else {
        return Ok(None);
    };
    Ok(Some(TextSections {
        id: source.id(),
        size,
        keep_furniture: options.keep_furniture,
        section_bytes: options.streaming.section_bytes.max(1),
        segments: Segments::open(path)?,
        decoding,
        pending: String::new(),
        held: None,
        handed: 0,
        controls: ControlShare::default(),
        decode_errors: 0,
        any_text: false,
        failed: false,
    }))
}

/// Read the whole file once: how its segments decode, or `None` when it is
/// to be read whole.
fn survey(path: &std::path::Path) -> Result<Option<SegmentDecoding>, InputError> {
    let mut segments = Segments::open(path)?;
    let mut survey = ByteSurvey::default();
    while let Some(segment) = segments.next_segment()? {
        survey.add(&segment);
    }
    if segments.whole_file_needed {
        return Ok(None);
    }
    Ok(survey.decoding())
}

impl TextSections {
    /// The file's size, in bytes, as found when it was opened.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// After the last section: the encoding read and the bytes re-decoded
    /// or replaced; or why the file is not text after all.
    pub fn finish(&self) -> Result<(&'static str, usize), InputError> {
        if self.controls.too_many() {
            return Err(InputError::Binary);
        }
        if !self.any_text {
            return Err(InputError::Empty);
        }
        Ok((self.decoding.encoding(), self.decode_errors))
    }

    /// The next section's text, cut at a paragraph boundary (the rest
    /// stays pending), or what is left at the end of the file.
    fn next_text(&mut self) -> Result<Option<String>, InputError> {
        loop {
            if self.pending.len() >= self.section_bytes {
                if let Some(cut) = paragraph_start_after(&self.pending, self.section_bytes) {
                    let rest = self.pending.split_off(cut);
                    return Ok(Some(std::mem::replace(&mut self.pending, rest)));
                }
            }
            match self.segments.next_segment()? {
                Some(segment) => self.take(segment),
                None if self.segments.whole_file_needed => {
                    return Err(InputError::Structure(
                        "the file changed while it was read".into(),
                    ))
                }
                None if self.pending.is_empty() => return Ok(None),
                None => return Ok(Some(std::mem::take(&mut self.pending))),
            }
        }
    }

    /// Decode a segment into the pending text.
    fn take(&mut self, segment: Vec<u8>) {
        let (text, errors) = decode_segment(segment, self.decoding);
        self.decode_errors += errors;
        self.controls.add(ControlShare::of(&text));
        self.any_text |= !text.trim().is_empty();
        self.pending.push_str(&text);
    }

    /// The next section and its place in the document, a short last one
    /// joined to the one before.
    fn next_section(&mut self) -> Result<Option<(String, Reach)>, InputError> {
        let mut held = match self.held.take() {
            Some(held) => held,
            None => match self.next_text()? {
                Some(text) => text,
                None => return Ok(None),
            },
        };
        match self.next_text()? {
            None => Ok(Some((held, self.reach(true)))),
            Some(next) if self.finished() && next.len() < self.section_bytes / 2 => {
                held.push_str(&next);
                Ok(Some((held, self.reach(true))))
            }
            Some(next) => {
                self.held = Some(next);
                Ok(Some((held, self.reach(false))))
            }
        }
    }

    /// Nothing left to read.
    fn finished(&self) -> bool {
        self.segments.at_end() && self.pending.is_empty()
    }

    /// The place of the next section handed on.
    fn reach(&self, last: bool) -> Reach {
        match (self.handed == 0, last) {
            (true, true) => Reach::Whole,
            (true, false) => Reach::Start,
            (false, true) => Reach::End,
            (false, false) => Reach::Middle,
        }
    }
}

impl Iterator for TextSections {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        match self.next_section() {
            Ok(Some((text, reach))) => {
                self.handed += 1;
                let id = self.id.clone();
                Some(Ok(Document::from_section(
                    id,
                    text,
                    self.keep_furniture,
                    reach,
                )))
            }
            Ok(None) => None,
            Err(err) => {
                self.failed = true;
                Some(Err(err))
            }
        }
    }
}

/// Where the first paragraph of `text` that starts after byte `at` starts:
/// the text before it is whole paragraphs. (Any paragraph found after the
/// first in the text from `at` on starts a true paragraph, whatever line
/// `at` falls in.)
fn paragraph_start_after(text: &str, at: usize) -> Option<usize> {
    let mut from = at.min(text.len());
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let start = paragraphs(&text[from..]).nth(1)?.start;
    Some(from + start)
}

/// A file read in segments, each ending right after a line feed (or at the
/// end of the file), a UTF-8 byte-order mark dropped.
struct Segments {
    file: File,
    carry: Vec<u8>,
    at_start: bool,
    eof: bool,
    /// A byte-order mark other than UTF-8's, or a line too long to read in
    /// segments: the file is for reading whole.
    whole_file_needed: bool,
}

impl Segments {
    fn open(path: &std::path::Path) -> Result<Self, InputError> {
        Ok(Segments {
            file: File::open(path)?,
            carry: Vec::new(),
            at_start: true,
            eof: false,
            whole_file_needed: false,
        })
    }

    fn at_end(&self) -> bool {
        self.eof && self.carry.is_empty()
    }

    /// The next segment, or `None` at the end (or when the file is for
    /// reading whole).
    fn next_segment(&mut self) -> Result<Option<Vec<u8>>, InputError> {
        loop {
            if let Some(end) = self.carry.iter().rposition(|&b| b == b'\n') {
                if end + 1 == self.carry.len() || self.carry.len() >= SEGMENT_BYTES {
                    let rest = self.carry.split_off(end + 1);
                    return Ok(Some(std::mem::replace(&mut self.carry, rest)));
                }
            }
            if self.eof {
                return Ok((!self.carry.is_empty()).then(|| std::mem::take(&mut self.carry)));
            }
            if self.carry.len() >= LONGEST_LINE {
                self.whole_file_needed = true;
                return Ok(None);
            }
            self.fill()?;
        }
    }

    /// Read up to a segment's worth more.
    fn fill(&mut self) -> Result<(), InputError> {
        let before = self.carry.len();
        let limit = SEGMENT_BYTES as u64;
        (&mut self.file).take(limit).read_to_end(&mut self.carry)?;
        self.eof = self.carry.len() == before;
        if self.at_start && (self.carry.len() >= 3 || self.eof) {
            self.at_start = false;
            if self.carry.starts_with(&[0xEF, 0xBB, 0xBF]) {
                self.carry.drain(..3);
            } else if self.carry.starts_with(&[0xFF, 0xFE]) || self.carry.starts_with(&[0xFE, 0xFF])
            {
                self.whole_file_needed = true;
                self.eof = true;
                self.carry.clear();
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::paragraph_start_after;

    #[test]
    fn sections_are_cut_where_a_paragraph_starts_after_the_size() {
        let text = "One two.\n\nThree four five.\n \nSix.\n\n\nSeven é.";
        assert_eq!(paragraph_start_after(text, 0), Some(10));
        assert_eq!(paragraph_start_after(text, 3), Some(10));
        assert_eq!(
            paragraph_start_after(text, 10),
            Some(29),
            "a start at `at` is passed"
        );
        // From inside a blank line the first paragraph seen may be a whole
        // one; the cut goes to the next: later, never wrong.
        assert_eq!(paragraph_start_after(text, 27), Some(36));
        assert_eq!(
            paragraph_start_after(text, 33),
            None,
            "no paragraph after Seven"
        );
        assert_eq!(
            paragraph_start_after(text, 43),
            None,
            "inside a multi-byte letter"
        );
        assert_eq!(&text[29..33], "Six.");
        assert_eq!(&text[36..], "Seven é.");
    }
}
