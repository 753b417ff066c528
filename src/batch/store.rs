//! The analyses a batch keeps for its per-document reports
//! (`documents.csv`, `themes.csv`, `sentences.csv`).
//!
//! The first few MiB of analyses stay in memory; past that budget each
//! analysis is written, as soon as it has been folded into the batch totals,
//! to an anonymous temporary file (deleted by the system when the run ends,
//! even if it is killed) and read back one at a time, in input order, while
//! the reports are written. So a batch of any number of documents holds in
//! memory only what the batch statistics need, never every document's
//! title, metadata, theme matches and sentences.
//!
//! Records are `postcard` (a compact serde format); a record read back is
//! the analysis written, bit for bit, so reports do not depend on whether a
//! document was kept or spooled (a test holds it to that).

use crate::analysis::spill_log::{Record as LogRecord, SpillLog};
use crate::analysis::{Analysis, KwicLine, KwicLog, SentenceLog, SentenceStats};
use crate::scratch::{scratch_file, RecordReader, READ_AHEAD};
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::sync::Mutex;

/// Bytes of analyses kept in memory before the rest go to a temporary file.
pub const MEMORY_BUDGET: usize = 4 << 20;

/// The analyses of a batch, in input order: in memory up to a budget, then
/// in a temporary file.
#[derive(Debug)]
pub struct DocumentStore {
    kept: Vec<Analysis>,
    kept_bytes: usize,
    budget: usize,
    spool: Option<Spool>,
    /// Every metadata name any analysis has, in the order first seen.
    metadata_names: Vec<String>,
    /// The first failure to read the temporary file back.
    read_failure: Mutex<Option<io::Error>>,
}

/// The temporary file: records written one after another, and where each
/// ends. A record is an analysis with its sentences and matches in
/// context, unless those are in a scratch file of their own already (a
/// long document's, see [`SpillLog`]): such logs are kept aside, by record
/// number, and shared with the analysis read back.
#[derive(Debug)]
struct Spool {
    writer: Option<BufWriter<File>>,
    file: Option<File>,
    /// `ends[i]` is the offset just past record `i`.
    ends: Vec<u64>,
    /// (record number, its sentences), in record order.
    aside: Vec<(usize, SentenceLog)>,
    /// (record number, its matches in context), in record order.
    kwic_aside: Vec<(usize, KwicLog)>,
}

impl Default for DocumentStore {
    fn default() -> Self {
        DocumentStore::with_budget(MEMORY_BUDGET)
    }
}

impl DocumentStore {
    /// An empty store keeping `budget` bytes of analyses in memory (0: every
    /// analysis goes to the temporary file).
    pub fn with_budget(budget: usize) -> Self {
        DocumentStore {
            kept: Vec::new(),
            kept_bytes: 0,
            budget,
            spool: None,
            metadata_names: Vec::new(),
            read_failure: Mutex::new(None),
        }
    }

    /// A store of `analyses`, sealed (see [`DocumentStore::seal`]).
    pub fn from_analyses(analyses: Vec<Analysis>) -> io::Result<Self> {
        let mut store = DocumentStore::default();
        for analysis in analyses {
            store.push(analysis)?;
        }
        store.seal()?;
        Ok(store)
    }

    /// Add the next analysis.
    pub fn push(&mut self, analysis: Analysis) -> io::Result<()> {
        for (name, _) in &analysis.metadata {
            if !self.metadata_names.contains(name) {
                self.metadata_names.push(name.clone());
            }
        }
        let size = approximate_size(&analysis);
        if self.spool.is_none() && self.kept_bytes + size <= self.budget {
            self.kept_bytes += size;
            self.kept.push(analysis);
            return Ok(());
        }
        let spool = match &mut self.spool {
            Some(spool) => spool,
            None => self.spool.insert(Spool::new()?),
        };
        spool.append(&analysis)
    }

    /// Finish writing: the store can be read only once sealed (reading
    /// an unsealed store's temporary part yields nothing and a failure).
    pub fn seal(&mut self) -> io::Result<()> {
        match &mut self.spool {
            Some(spool) => spool.seal(),
            None => Ok(()),
        }
    }

    /// Analyses held.
    pub fn len(&self) -> usize {
        self.kept.len() + self.spool.as_ref().map_or(0, |spool| spool.ends.len())
    }

    /// True when no analysis is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every metadata name any analysis has, in the order first seen.
    pub fn metadata_names(&self) -> &[String] {
        &self.metadata_names
    }

    /// Analysis `index` (in input order), if there is one and it can be read.
    pub fn get(&self, index: usize) -> Option<Cow<'_, Analysis>> {
        if let Some(kept) = self.kept.get(index) {
            return Some(Cow::Borrowed(kept));
        }
        let mut records = self.spooled_from(index - self.kept.len());
        records.next().map(Cow::Owned)
    }

    /// Every analysis, in input order. A failure to read the temporary
    /// file ends the iteration early; [`DocumentStore::check`] reports it.
    pub fn iter(&self) -> impl Iterator<Item = Cow<'_, Analysis>> + Send + '_ {
        let spooled = self.spooled_from(0).map(Cow::Owned);
        self.kept.iter().map(Cow::Borrowed).chain(spooled)
    }

    /// The first failure to read the temporary file back, if any: a report
    /// written while it happened is incomplete and must not be kept.
    pub fn check(&self) -> io::Result<()> {
        match self.read_failure.lock().map(|mut failure| failure.take()) {
            Ok(Some(failure)) => Err(failure),
            Ok(None) => Ok(()),
            Err(_) => Err(io::Error::other("a report writer panicked")),
        }
    }

    /// The spooled analyses from record `first` on.
    fn spooled_from(&self, first: usize) -> SpoolRecords<'_> {
        SpoolRecords {
            store: self,
            next: first,
            reader: RecordReader::default(),
        }
    }

    fn fail(&self, error: io::Error) {
        if let Ok(mut failure) = self.read_failure.lock() {
            failure.get_or_insert(error);
        }
    }
}

/// About how many bytes an analysis holds: its text and the fixed parts.
fn approximate_size(analysis: &Analysis) -> usize {
    let text = |s: &str| s.len() + std::mem::size_of::<String>();
    let metadata: usize = analysis
        .metadata
        .iter()
        .map(|(name, value)| text(name) + text(value))
        .sum();
    let matched: usize = (analysis.themes.iter())
        .flat_map(|tally| tally.matched.keys())
        .map(|term| text(term) + 32)
        .sum();
    let logs = analysis.sentences.kept_bytes() + analysis.kwic.kept_bytes();
    std::mem::size_of::<Analysis>()
        + text(&analysis.id)
        + analysis.title.as_deref().map_or(0, text)
        + metadata
        + matched
        + logs
}

impl Spool {
    fn new() -> io::Result<Self> {
        Ok(Spool {
            writer: Some(BufWriter::with_capacity(READ_AHEAD, scratch_file()?)),
            file: None,
            ends: Vec::new(),
            aside: Vec::new(),
            kwic_aside: Vec::new(),
        })
    }

    fn append(&mut self, analysis: &Analysis) -> io::Result<()> {
        let writer = self
            .writer
            .as_mut()
            .ok_or_else(|| io::Error::other("the document store is sealed"))?;
        let sentences = inline_or_aside(&analysis.sentences, &mut self.aside, self.ends.len());
        let kwic = inline_or_aside(&analysis.kwic, &mut self.kwic_aside, self.ends.len());
        let record = postcard::to_stdvec(&(analysis, sentences, kwic)).map_err(io::Error::other)?;
        writer.write_all(&record)?;
        let start = self.ends.last().copied().unwrap_or(0);
        self.ends.push(start + record.len() as u64);
        Ok(())
    }

    fn seal(&mut self) -> io::Result<()> {
        if let Some(writer) = self.writer.take() {
            self.file = Some(writer.into_inner().map_err(|e| e.into_error())?);
        }
        Ok(())
    }
}

/// A record read back: an analysis without its sentences and matches in
/// context, and those unless they were kept aside.
type Record = (Analysis, Option<Vec<SentenceStats>>, Option<Vec<KwicLine>>);

/// A log's records to write inline (when they are all in memory), or
/// `None` with the log kept aside as record `index`'s.
fn inline_or_aside<'a, T: LogRecord>(
    log: &'a SpillLog<T>,
    aside: &mut Vec<(usize, SpillLog<T>)>,
    index: usize,
) -> Option<&'a [T]> {
    if log.is_spilled() {
        aside.push((index, log.clone()));
        return None;
    }
    Some(log.kept())
}

/// The log kept aside for record `index` (empty if none was).
fn aside<T: LogRecord>(aside: &[(usize, SpillLog<T>)], index: usize) -> SpillLog<T> {
    match aside.binary_search_by_key(&index, |(at, _)| *at) {
        Ok(found) => aside[found].1.clone(),
        Err(_) => SpillLog::default(),
    }
}

/// Reads spooled records back in order.
struct SpoolRecords<'a> {
    store: &'a DocumentStore,
    next: usize,
    reader: RecordReader,
}

impl Iterator for SpoolRecords<'_> {
    type Item = Analysis;

    fn next(&mut self) -> Option<Analysis> {
        let spool = self.store.spool.as_ref()?;
        let index = self.next;
        if index >= spool.ends.len() {
            return None;
        }
        self.next += 1;
        match self.record(spool, index) {
            Ok((mut analysis, sentences, kwic)) => {
                analysis.sentences =
                    sentences.map_or_else(|| aside(&spool.aside, index), From::from);
                analysis.kwic = kwic.map_or_else(|| aside(&spool.kwic_aside, index), From::from);
                Some(analysis)
            }
            Err(error) => {
                self.store.fail(error);
                self.next = usize::MAX;
                None
            }
        }
    }
}

impl SpoolRecords<'_> {
    /// Decode record `index`.
    fn record(&mut self, spool: &Spool, index: usize) -> io::Result<Record> {
        let file = spool
            .file
            .as_ref()
            .ok_or_else(|| io::Error::other("the document store was read before it was sealed"))?;
        let bytes = self.reader.record(file, &spool.ends, index)?;
        postcard::from_bytes(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze_document, AnalysisRules};
    use crate::input::Document;
    use crate::themes::ThemeDictionary;

    fn analyses(n: usize) -> Vec<Analysis> {
        let rules = AnalysisRules {
            sentences: true,
            ..AnalysisRules::default()
        };
        let themes = ThemeDictionary::built_in();
        (0..n)
            .map(|i| {
                let text = format!("Piece {i}\n\nThe minister said {i} times that the economy grew. Critics disagreed.");
                let mut document = Document::from_text(format!("doc{i}.txt"), &text, false);
                document.encoding = if i % 2 == 0 { "UTF-8" } else { crate::input::UTF8_WITH_WINDOWS_1252 };
                let mut analysis = analyze_document(&document, &themes, &rules);
                analysis.metadata = vec![(format!("key{}", i % 3), format!("value {i}"))];
                analysis
            })
            .collect()
    }

    #[test]
    fn spooled_analyses_read_back_exactly_in_order() {
        let written = analyses(40);
        for budget in [0, 3_000, MEMORY_BUDGET] {
            let mut store = DocumentStore::with_budget(budget);
            for analysis in written.clone() {
                store.push(analysis).unwrap();
            }
            store.seal().unwrap();
            assert_eq!(store.len(), 40);
            let read: Vec<Analysis> = store.iter().map(Cow::into_owned).collect();
            assert_eq!(read, written, "budget {budget}");
            assert_eq!(store.get(33).unwrap().into_owned(), written[33]);
            assert!(store.get(40).is_none());
            store.check().unwrap();
            assert_eq!(store.metadata_names(), ["key0", "key1", "key2"]);
        }
    }

    #[test]
    fn sentences_in_their_own_scratch_file_come_back_with_their_analysis() {
        let mut written = analyses(3);
        let long: Vec<SentenceStats> = (0..100_000)
            .map(|i| SentenceStats {
                text: format!("Sentence {i} of a very long document, padded to spill."),
                words: 10,
                syllables: 15 + i % 7,
            })
            .collect();
        written[1].sentences = SentenceLog::from(long);
        assert!(written[1].sentences.is_spilled());
        let mut store = DocumentStore::with_budget(0);
        for analysis in written.clone() {
            store.push(analysis).unwrap();
        }
        store.seal().unwrap();
        let read: Vec<Analysis> = store.iter().map(Cow::into_owned).collect();
        assert_eq!(read, written);
        assert_eq!(read[1].sentences.len(), 100_000);
    }

    #[test]
    fn only_the_budget_stays_in_memory() {
        let mut store = DocumentStore::with_budget(3_000);
        for analysis in analyses(40) {
            store.push(analysis).unwrap();
        }
        assert!(!store.kept.is_empty() && store.kept.len() < 40);
        assert!(store.kept_bytes <= 3_000);
        store.seal().unwrap();
        assert_eq!(store.iter().count(), 40);
    }

    #[test]
    fn reading_before_sealing_is_a_failure_not_a_silent_gap() {
        let mut store = DocumentStore::with_budget(0);
        for analysis in analyses(3) {
            store.push(analysis).unwrap();
        }
        assert_eq!(store.iter().count(), 0);
        assert!(store.check().is_err());
    }
}
