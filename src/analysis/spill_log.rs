//! Per-document records that together are as long as the document: its
//! per-sentence figures (`--sentences`, each with the sentence's text) and
//! its theme matches in context (`--kwic`). Past [`SPILL_BYTES`] they go,
//! as they are counted, to an anonymous scratch file and are read back one
//! at a time while their report is written. (A 100 MB file with
//! `--sentences` peaked at 700 MB when they were all kept.) A log read
//! back holds the records written, in order (a test holds it to that).

use super::{KwicLine, SentenceStats};
use crate::scratch::{scratch_file, RecordReader};
use serde::{de::DeserializeOwned, Serialize};
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Write};
use std::sync::Arc;

/// A record a [`SpillLog`] holds.
pub trait Record: Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static {
    /// About how many bytes it holds in memory.
    fn bytes(&self) -> usize;
}

impl Record for SentenceStats {
    fn bytes(&self) -> usize {
        self.text.len() + std::mem::size_of::<Self>()
    }
}

impl Record for KwicLine {
    fn bytes(&self) -> usize {
        self.left.len() + self.matched.len() + self.right.len() + std::mem::size_of::<Self>()
    }
}

/// A document's per-sentence figures, in order.
pub type SentenceLog = SpillLog<SentenceStats>;

/// A document's theme matches in context, in order.
pub type KwicLog = SpillLog<KwicLine>;

/// Bytes of records kept in memory before they go to the scratch file.
pub const SPILL_BYTES: usize = 8 << 20;

/// Records in document order: those in the scratch file come first, then
/// those kept in memory. Cloning shares the scratch file.
#[derive(Debug, Clone)]
pub struct SpillLog<T> {
    spilled: Option<Arc<Spilled>>,
    kept: Vec<T>,
    kept_bytes: usize,
    spill_failed: bool,
}

impl<T> Default for SpillLog<T> {
    fn default() -> Self {
        SpillLog {
            spilled: None,
            kept: Vec::new(),
            kept_bytes: 0,
            spill_failed: false,
        }
    }
}

/// Records written to the scratch file, `postcard`-encoded.
#[derive(Debug)]
struct Spilled {
    file: File,
    /// `ends[i]` is the offset just past record `i`.
    ends: Vec<u64>,
}

impl<T: Record> From<Vec<T>> for SpillLog<T> {
    fn from(records: Vec<T>) -> Self {
        let mut log = SpillLog::default();
        records.into_iter().for_each(|r| log.push(r));
        log
    }
}

impl<T: Record> PartialEq for SpillLog<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<T: Record + Eq> Eq for SpillLog<T> {}

impl<T: Record> SpillLog<T> {
    /// Add the next record.
    pub fn push(&mut self, record: T) {
        self.kept_bytes += record.bytes();
        self.kept.push(record);
        if self.kept_bytes > SPILL_BYTES && !self.spill_failed {
            // Without a scratch file the records stay in memory: more
            // memory, never a wrong report.
            self.spill_failed = self.spill().is_err();
        }
    }

    /// Add every record of `more`, which follow these.
    pub fn append(&mut self, more: SpillLog<T>) {
        for record in more.iter() {
            self.push(record.into_owned());
        }
    }

    /// Sentences held.
    pub fn len(&self) -> usize {
        self.spilled.as_ref().map_or(0, |s| s.ends.len()) + self.kept.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True once some records are in the scratch file.
    pub fn is_spilled(&self) -> bool {
        self.spilled.is_some()
    }

    /// Bytes of the records kept in memory, about.
    pub fn kept_bytes(&self) -> usize {
        self.kept_bytes
    }

    /// The records kept in memory: all of them unless [`is_spilled`](Self::is_spilled).
    pub fn kept(&self) -> &[T] {
        &self.kept
    }

    /// Every record, in order.
    pub fn iter(&self) -> impl Iterator<Item = Cow<'_, T>> + Send + '_ {
        let spilled = self.spilled.as_deref().into_iter().flat_map(|spilled| {
            let mut reader = Reader::default();
            (0..spilled.ends.len()).map(move |index| Cow::Owned(reader.record(spilled, index)))
        });
        spilled.chain(self.kept.iter().map(Cow::Borrowed))
    }

    /// Write the kept records to the scratch file.
    fn spill(&mut self) -> io::Result<()> {
        if self.spilled.is_none() {
            let file = scratch_file()?;
            let ends = Vec::new();
            self.spilled = Some(Arc::new(Spilled { file, ends }));
        }
        let spilled = (self.spilled.as_mut())
            .and_then(Arc::get_mut)
            .ok_or_else(|| io::Error::other("a shared log cannot grow"))?;
        let mut bytes = Vec::with_capacity(self.kept_bytes + self.kept.len() * 8);
        let mut end = spilled.ends.last().copied().unwrap_or(0);
        let mut ends = Vec::with_capacity(self.kept.len());
        for record in &self.kept {
            let before = bytes.len();
            bytes = postcard::to_extend(record, bytes).map_err(io::Error::other)?;
            end += (bytes.len() - before) as u64;
            ends.push(end);
        }
        (&spilled.file).write_all(&bytes)?;
        spilled.ends.extend(ends);
        self.kept.clear();
        self.kept_bytes = 0;
        Ok(())
    }
}

impl<T: Record> IntoIterator for SpillLog<T> {
    type Item = T;
    type IntoIter = Box<dyn Iterator<Item = T> + Send>;

    /// Every record, in order, owned.
    fn into_iter(self) -> Self::IntoIter {
        let spilled = self.spilled.into_iter().flat_map(|spilled| {
            let mut reader = Reader::default();
            (0..spilled.ends.len()).map(move |index| reader.record(&spilled, index))
        });
        Box::new(spilled.chain(self.kept))
    }
}

/// Reads spilled records back in order.
#[derive(Default)]
struct Reader(RecordReader);

impl Reader {
    fn record<T: Record>(&mut self, spilled: &Spilled, index: usize) -> T {
        match self.0.record(&spilled.file, &spilled.ends, index) {
            Ok(bytes) => postcard::from_bytes(bytes).expect("a record written by this run"),
            // Written by this run a moment ago: a disk failing under it
            // leaves no report worth writing.
            Err(err) => panic!("textgauge: cannot read back a scratch file of this run: {err}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(i: usize) -> SentenceStats {
        SentenceStats {
            text: format!(
                "Sentence number {i} says something {}.",
                "long ".repeat(i % 40)
            ),
            words: 4 + i % 40,
            syllables: 7 + i % 50,
        }
    }

    #[test]
    fn a_spilled_log_reads_back_every_sentence_in_order() {
        let written: Vec<SentenceStats> = (0..120_000).map(sentence).collect();
        let mut log = SentenceLog::default();
        for part in written.chunks(777) {
            log.append(SentenceLog::from(part.to_vec()));
        }
        assert!(log.is_spilled());
        assert!(log.kept_bytes() <= SPILL_BYTES);
        assert_eq!(log.len(), written.len());
        assert!(log.iter().map(Cow::into_owned).eq(written.iter().cloned()));
        let shared = log.clone();
        assert_eq!(shared, log);
        assert_eq!(shared, SentenceLog::from(written));
    }

    #[test]
    fn a_short_log_stays_in_memory() {
        let log = SentenceLog::from(vec![sentence(1), sentence(2)]);
        assert!(!log.is_spilled());
        assert_eq!(log.kept(), [sentence(1), sentence(2)]);
    }
}
