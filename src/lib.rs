//! textgauge: measure commentary pieces (op-eds, news analysis, policy
//! briefs) so that many can be compared side by side in a spreadsheet.
//!
//! Data flows one way: [`input`] (files → [`input::Document`]) → [`text`]
//! (words, sentences, syllables) → [`counts`] → [`metrics`] → [`report`].
//! [`analyze`] runs the whole batch; [`write_reports`] writes it.

pub mod analysis;
pub mod config;
pub mod counts;
pub mod input;
pub mod metrics;
pub mod report;
pub mod text;
pub mod themes;
pub mod wordlists;

use analysis::{analyze_document, Analysis};
use config::Config;
use input::{discover, load_document, InputError};
use rayon::prelude::*;
use report::{build_tables, CsvExporter, Exporter, TableOptions};
use std::path::PathBuf;
use themes::{ThemeDictionary, ThemeError};

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

/// What stops a whole run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The theme dictionary could not be loaded.
    #[error(transparent)]
    Themes(#[from] ThemeError),
    /// No input could be analyzed; the failures say why.
    #[error("nothing to analyze")]
    NothingAnalyzed(Vec<Failure>),
    /// The worker pool could not start.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
    /// Reports could not be written.
    #[error("cannot write reports to {dir}: {source}")]
    Write {
        /// The output folder.
        dir: PathBuf,
        /// Why.
        source: std::io::Error,
    },
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
}

/// Analyze every input named in `config`.
pub fn analyze(config: &Config) -> Result<Batch, Error> {
    let dictionary = match &config.themes_file {
        Some(path) => ThemeDictionary::from_file(path)?,
        None => ThemeDictionary::built_in(),
    };
    let (sources, discover_failures) = discover(&config.inputs);
    let mut failures: Vec<Failure> = discover_failures
        .into_iter()
        .map(|(document, err)| failure(document, Stage::Discover, &err))
        .collect();
    let run = || -> Vec<Result<Analysis, Failure>> {
        sources
            .par_iter()
            .map(|source| {
                let document = load_document(source, config.keep_furniture)
                    .map_err(|err| failure(source.id(), Stage::Read, &err))?;
                Ok(analyze_document(
                    &document,
                    &dictionary,
                    config.write_sentences,
                ))
            })
            .collect()
    };
    let results = match config.jobs {
        Some(jobs) => rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| Error::Threads(e.to_string()))?
            .install(run),
        None => run(),
    };
    let mut analyses = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(analysis) if analysis.counts.words == 0 => {
                failures.push(Failure {
                    document: analysis.id.clone(),
                    stage: Stage::Analyze,
                    message: "no words found".into(),
                });
                analyses.push(analysis);
            }
            Ok(analysis) => analyses.push(analysis),
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
    })
}

fn failure(document: String, stage: Stage, err: &InputError) -> Failure {
    Failure {
        document,
        stage,
        message: err.to_string(),
    }
}

/// Write the batch's reports as CSV into `config.out_dir`; an `errors.csv`
/// left from an earlier run is removed when nothing failed. Returns the
/// files written.
pub fn write_reports(batch: &Batch, config: &Config) -> Result<Vec<PathBuf>, Error> {
    let options = TableOptions {
        sentences: config.write_sentences,
    };
    let tables = build_tables(&batch.analyses, &batch.themes, &batch.failures, options);
    let write_error = |source| Error::Write {
        dir: config.out_dir.clone(),
        source,
    };
    let files = CsvExporter { bom: config.bom }
        .export(tables)
        .map_err(write_error)?;
    let written = report::write_atomically(&config.out_dir, &files).map_err(write_error)?;
    if batch.failures.is_empty() {
        let stale = config.out_dir.join("errors.csv");
        if stale.exists() {
            std::fs::remove_file(stale).map_err(write_error)?;
        }
    }
    Ok(written)
}
