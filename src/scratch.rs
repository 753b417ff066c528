//! Scratch files: anonymous temporary files (the system deletes them when
//! the run ends, even if it is killed) for what a run would otherwise keep
//! in memory, read back by offset so that several readers can share one.

use std::fs::File;
use std::io;

/// A new anonymous temporary file, in `TMPDIR`.
pub fn scratch_file() -> io::Result<File> {
    tempfile::tempfile()
}

/// Fill `buffer` from `file` at `offset`, leaving the file's position alone.
#[cfg(unix)]
pub fn read_exact_at(file: &File, buffer: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

/// Fill `buffer` from `file` at `offset`.
#[cfg(windows)]
pub fn read_exact_at(file: &File, mut buffer: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buffer.is_empty() {
        match file.seek_read(buffer, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buffer = &mut buffer[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// Bytes read from a scratch file at a time.
pub const READ_AHEAD: usize = 1 << 20;

/// Reads back, in order, records written one after another to a scratch
/// file, where `ends[i]` is the offset just past record `i`: through a
/// read-ahead buffer, so that small records cost one read a megabyte.
#[derive(Debug, Default)]
pub struct RecordReader {
    buffer: Vec<u8>,
    /// The file offset of `buffer[0]`.
    buffer_start: u64,
}

impl RecordReader {
    /// The bytes of record `index` of `file`.
    pub fn record(&mut self, file: &File, ends: &[u64], index: usize) -> io::Result<&[u8]> {
        let end = *ends.get(index).ok_or(io::ErrorKind::UnexpectedEof)?;
        let start = index.checked_sub(1).map_or(0, |before| ends[before]);
        let buffered_end = self.buffer_start + self.buffer.len() as u64;
        if start < self.buffer_start || end > buffered_end {
            let total = ends.last().copied().unwrap_or(0);
            let len = ((end - start) as usize).max(READ_AHEAD);
            self.buffer.resize(len.min((total - start) as usize), 0);
            self.buffer_start = start;
            if let Err(err) = read_exact_at(file, &mut self.buffer, start) {
                self.buffer.clear();
                return Err(err);
            }
        }
        let from = (start - self.buffer_start) as usize;
        Ok(&self.buffer[from..from + (end - start) as usize])
    }
}
