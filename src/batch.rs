//! The batch runner: read and analyze every source in parallel (rayon),
//! keep the results in input order whatever the thread count, and remember
//! every input that failed, and why, without stopping the others.

use crate::analysis::{analyze_document, Analysis};
use crate::config::Config;
use crate::input::{decoding_note, load_document, Discovered, Source};
use crate::themes::ThemeDictionary;
use crate::Error;
use rayon::prelude::*;

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

/// Something the user should know about one input that was still analyzed
/// (bytes that were not valid UTF-8, a folder loop skipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The input, as named.
    pub document: String,
    /// What happened, for a person.
    pub message: String,
}

/// The results of a batch: one analysis per readable document, in input
/// order, and the inputs that failed.
#[derive(Debug, Clone)]
pub struct Batch {
    /// Analyses, in input order.
    pub analyses: Vec<Analysis>,
    /// Theme names of the dictionary used.
    pub themes: Vec<String>,
    /// Inputs that could not be analyzed, in input order.
    pub failures: Vec<Failure>,
    /// Inputs analyzed with something to say about them, in input order.
    pub warnings: Vec<Warning>,
}

/// Read and analyze what [`crate::input::discover`] found.
pub fn analyze_sources(
    found: Discovered,
    dictionary: &ThemeDictionary,
    config: &Config,
) -> Result<Batch, Error> {
    let mut failures: Vec<Failure> = found
        .failures
        .into_iter()
        .map(|(document, err)| failure(document, Stage::Discover, err))
        .collect();
    let mut warnings: Vec<Warning> = found
        .warnings
        .into_iter()
        .map(|(document, message)| Warning { document, message })
        .collect();
    let results = run_in_pool(config.jobs, || {
        analyze_all(&found.sources, dictionary, config)
    })?;
    let mut analyses = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(analysis) => {
                if analysis.counts.words == 0 {
                    let id = analysis.id.clone();
                    failures.push(failure(id, Stage::Analyze, "no words found"));
                }
                warnings.extend(decode_warning(&analysis));
                analyses.push(analysis);
            }
            Err(failed) => failures.push(failed),
        }
    }
    if analyses.is_empty() {
        return Err(Error::NothingAnalyzed(failures));
    }
    Ok(Batch {
        analyses,
        themes: dictionary.themes().to_vec(),
        failures,
        warnings,
    })
}

fn analyze_all(
    sources: &[Source],
    dictionary: &ThemeDictionary,
    config: &Config,
) -> Vec<Result<Analysis, Failure>> {
    sources
        .par_iter()
        .map(|source| {
            let document = load_document(source, &config.input)
                .map_err(|err| failure(source.id(), Stage::Read, err))?;
            Ok(analyze_document(
                &document,
                dictionary,
                config.report.sentences,
            ))
        })
        .collect()
}

/// Run `work` on `jobs` threads (`None`: rayon's global pool, one a core).
fn run_in_pool<T: Send>(jobs: Option<usize>, work: impl FnOnce() -> T + Send) -> Result<T, Error> {
    match jobs {
        Some(jobs) => Ok(rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| Error::Threads(e.to_string()))?
            .install(work)),
        None => Ok(work()),
    }
}

/// A warning for a document whose bytes were not all valid in the
/// encoding read.
fn decode_warning(analysis: &Analysis) -> Option<Warning> {
    let message = decoding_note(analysis.encoding, analysis.decode_errors)?;
    Some(Warning {
        document: analysis.id.clone(),
        message,
    })
}

fn failure(document: String, stage: Stage, why: impl std::fmt::Display) -> Failure {
    Failure {
        document,
        stage,
        message: why.to_string(),
    }
}
