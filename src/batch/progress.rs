//! How a batch tells its caller how far it has got, without the library
//! drawing anything itself: the command-line tool turns these calls into a
//! progress bar on a terminal; a library user may log them or ignore them.

/// Told, after each chunk of sources is counted, how far the batch is.
pub trait Progress: Sync {
    /// The batch will read `sources` files (rows of a file count as one).
    fn start(&self, _sources: usize) {}
    /// `sources` more files are counted, `bytes` of them.
    fn advance(&self, _sources: usize, _bytes: u64) {}
    /// Counting is over (the reports are yet to be written).
    fn finish(&self) {}
}

/// Progress that nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}
