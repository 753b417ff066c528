//! What went wrong with single inputs: failures (an input not analyzed) and
//! warnings (an input analyzed, with something to say about it). A batch
//! keeps going past both and reports them in input order.

/// The stage of the pipeline where an input failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Finding the input (missing path, empty folder).
    Discover,
    /// Reading or decoding it.
    Read,
    /// Counting it (e.g. no words).
    Analyze,
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Stage::Discover => "discover",
            Stage::Read => "read",
            Stage::Analyze => "analyze",
        })
    }
}

/// One input that could not be (fully) analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The input, as named (path or `-`).
    pub document: String,
    /// Where it failed.
    pub stage: Stage,
    /// What went wrong, for a person.
    pub message: String,
}

impl Failure {
    /// A failure of `document` at `stage`, for the reason `why`.
    pub fn new(document: String, stage: Stage, why: impl std::fmt::Display) -> Self {
        Failure {
            document,
            stage,
            message: why.to_string(),
        }
    }

    /// The failure of a document that was read but has no words: it keeps
    /// its row in `documents.csv` and takes no part in the statistics.
    pub fn no_words(document: String) -> Self {
        Failure::new(document, Stage::Analyze, "no words found")
    }
}

/// Something the user should know about one input that was still analyzed
/// (bytes that were not valid UTF-8, a folder loop skipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The input, as named.
    pub document: String,
    /// What happened, for a person.
    pub message: String,
}
