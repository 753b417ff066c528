//! A document's words as type ids, in order, for the diversity measures
//! that read the word sequence (MATTR forward, MTLD forward and backward).
//! Four bytes a word would make memory grow with a document's length (68
//! MB for a 100 MB file), so past [`SPILL_AT`] tokens the sequence is
//! written, in chunks, to an anonymous temporary file and read back chunk
//! by chunk, in either direction, when the measures are worked out. A
//! sequence read back is the sequence written (a test holds it to that), so
//! the measures do not depend on where it was kept.

use crate::metrics::diversity::TokenSequence;
use crate::scratch::{read_exact_at, scratch_file};
use std::fs::File;
use std::io::{self, Write};

/// Tokens a spilled chunk holds (4 MiB).
const CHUNK_TOKENS: usize = 1 << 20;

/// Tokens kept in memory before they go to the temporary file (16 MiB):
/// a document of under about 4 million words never touches the disk.
pub const SPILL_AT: usize = 4 * CHUNK_TOKENS;

/// Type ids in document order: a tail in memory after whole chunks in a
/// temporary file.
#[derive(Debug)]
pub struct TokenLog {
    spilled: Option<File>,
    /// Chunks of [`CHUNK_TOKENS`] in the file.
    chunks: usize,
    tail: Vec<u32>,
    spill_at: usize,
}

impl Default for TokenLog {
    fn default() -> Self {
        TokenLog::spilling_at(SPILL_AT)
    }
}

impl From<Vec<u32>> for TokenLog {
    fn from(tokens: Vec<u32>) -> Self {
        TokenLog {
            tail: tokens,
            ..TokenLog::default()
        }
    }
}

impl TokenLog {
    /// An empty log spilling past `spill_at` tokens (rounded up to whole
    /// chunks of `CHUNK_TOKENS`; a test sets it low).
    pub fn spilling_at(spill_at: usize) -> Self {
        TokenLog {
            spilled: None,
            chunks: 0,
            tail: Vec::new(),
            spill_at,
        }
    }

    /// Add tokens at the end.
    pub fn extend(&mut self, tokens: impl IntoIterator<Item = u32>) {
        self.tail.extend(tokens);
        if self.tail.len() >= self.spill_at.max(CHUNK_TOKENS) {
            // Without a temporary file, the tokens stay in memory: slower
            // to grow, never wrong.
            let _ = self.spill();
        }
    }

    /// Write the tail's whole chunks to the file.
    fn spill(&mut self) -> io::Result<()> {
        let whole = self.tail.len() / CHUNK_TOKENS * CHUNK_TOKENS;
        let file = match &mut self.spilled {
            Some(file) => file,
            None => self.spilled.insert(scratch_file()?),
        };
        let mut bytes = Vec::with_capacity(CHUNK_TOKENS * 4);
        for chunk in self.tail[..whole].chunks(CHUNK_TOKENS) {
            bytes.clear();
            bytes.extend(chunk.iter().flat_map(|t| t.to_le_bytes()));
            file.write_all(&bytes)?;
            self.chunks += 1;
        }
        self.tail.drain(..whole);
        Ok(())
    }

    /// Chunk `index` of the file.
    fn chunk(&self, index: usize) -> Vec<u32> {
        let file = self.spilled.as_ref().expect("spilled chunks have a file");
        let mut bytes = vec![0u8; CHUNK_TOKENS * 4];
        let offset = (index * CHUNK_TOKENS * 4) as u64;
        if let Err(err) = read_exact_at(file, &mut bytes, offset) {
            // The file was written by this run a moment ago; a disk that
            // fails under it leaves no measure worth reporting.
            panic!("textgauge: cannot read back the temporary word sequence: {err}");
        }
        let words = bytes.chunks_exact(4);
        words
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect()
    }

    /// True once some tokens are in the temporary file.
    pub fn is_spilled(&self) -> bool {
        self.chunks > 0
    }
}

impl TokenSequence for TokenLog {
    fn token_count(&self) -> usize {
        self.chunks * CHUNK_TOKENS + self.tail.len()
    }

    fn forward(&self) -> impl Iterator<Item = u32> + '_ {
        let spilled = (0..self.chunks).flat_map(|i| self.chunk(i));
        spilled.chain(self.tail.iter().copied())
    }

    fn backward(&self) -> impl Iterator<Item = u32> + '_ {
        let spilled = (0..self.chunks)
            .rev()
            .flat_map(|i| self.chunk(i).into_iter().rev());
        self.tail.iter().rev().copied().chain(spilled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::diversity::Diversity;

    #[test]
    fn a_spilled_sequence_reads_back_both_ways() {
        let tokens: Vec<u32> = (0..CHUNK_TOKENS as u32 * 3 + 1234)
            .map(|i| i.wrapping_mul(2_654_435_761) % 5_000)
            .collect();
        let mut log = TokenLog::spilling_at(1);
        for piece in tokens.chunks(70_001) {
            log.extend(piece.iter().copied());
        }
        assert!(log.is_spilled());
        assert_eq!(log.token_count(), tokens.len());
        assert!(log.forward().eq(tokens.iter().copied()));
        assert!(log.backward().eq(tokens.iter().rev().copied()));
        assert_eq!(Diversity::of(&log, 50), Diversity::of(&tokens[..], 50));
    }

    #[test]
    fn a_short_sequence_stays_in_memory() {
        let mut log = TokenLog::from(vec![1, 2, 3]);
        log.extend([4, 5]);
        assert!(!log.is_spilled());
        assert_eq!(log.forward().collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
    }
}
