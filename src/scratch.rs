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
