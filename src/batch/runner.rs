//! The batch runner: read and analyze every source in parallel (rayon),
//! fold the results in input order whatever the thread count, and remember
//! every input that failed, and why, without stopping the others.

use super::failures::{Failure, Stage, Warning};
use super::partial::BatchPartial;
use super::progress::{NoProgress, Progress};
use super::statistics::ReferenceCorpus;
use super::store::DocumentStore;
use super::{metric_decimals, metric_names, summarize, Batch};
use crate::analysis::{analyze_document, analyze_sections, Analysis, AnalysisRules};
use crate::config::{Config, GroupBy};
use crate::input::{
    decoding_note, load_documents, text_sections, Discovered, Source, TextSections,
};
use crate::themes::ThemeDictionary;
use crate::Error;
use rayon::prelude::*;
use std::sync::Arc;

/// Read and analyze what [`crate::input::discover`] found, and compute the
/// batch statistics (against `reference` when given).
pub fn analyze_sources(
    found: Discovered,
    dictionary: &ThemeDictionary,
    rules: &AnalysisRules,
    config: &Config,
    reference: Option<ReferenceCorpus>,
    progress: &dyn Progress,
) -> Result<Batch, Error> {
    let pool = Pool::new(config.jobs)?;
    progress.start(found.sources.len());
    let mut failures: Vec<(usize, Failure)> = found
        .failures
        .into_iter()
        .map(|missed| {
            let failure = Failure::new(missed.id, Stage::Discover, missed.error);
            (missed.position, failure)
        })
        .collect();
    let mut warnings: Vec<Warning> = found
        .warnings
        .into_iter()
        .map(|(document, message)| Warning { document, message })
        .collect();
    let themes = dictionary.labels();
    let mut partial = BatchPartial::new(metric_names(&themes), metric_decimals(&themes));
    let mut analyses = DocumentStore::default();
    let mut summaries = Vec::new();
    let results = analyses_by_source(&pool, &found.sources, dictionary, rules, config, progress)
        .enumerate()
        .flat_map(|(position, per_source)| per_source.into_iter().map(move |r| (position, r)));
    for (position, result) in results {
        match result {
            Ok(mut analysis) => {
                if analysis.counts.words == 0 {
                    let id = analysis.id.clone();
                    failures.push((position, Failure::no_words(id)));
                }
                warnings.extend(decode_warning(&analysis));
                let group_by = config.batch.group_by.as_ref();
                summaries.extend(summarize(&mut partial, &mut analysis, group_by));
                analyses.push(analysis).map_err(Error::Spool)?;
            }
            Err(failed) => failures.push((position, failed)),
        }
    }
    progress.finish();
    analyses.seal().map_err(Error::Spool)?;
    // Discovery failures come before the source at their position.
    failures.sort_by_key(|(position, failure)| (*position, failure.stage != Stage::Discover));
    let failures = failures.into_iter().map(|(_, failure)| failure).collect();
    if analyses.is_empty() {
        return Err(Error::NothingAnalyzed(failures));
    }
    if let Some(GroupBy::Column(column)) = &config.batch.group_by {
        check_group_column(analyses.metadata_names(), column)?;
    }
    let mut stats = partial.finalize();
    stats.reference = reference;
    let mut batch = Batch::new(analyses, summaries, Arc::new(stats), themes);
    batch.failures = failures;
    batch.warnings = warnings;
    Ok(batch)
}

/// A metadata column to group by must exist in some document.
fn check_group_column(names: &[String], column: &str) -> Result<(), Error> {
    if names.iter().any(|name| name.eq_ignore_ascii_case(column)) {
        return Ok(());
    }
    let names = if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    };
    Err(Error::Config(format!(
        "--group-by {column}: no input has a metadata column `{column}` (the columns are: {names}); \
         group by `folder` or one of those"
    )))
}

/// Read and analyze a reference corpus: its term counts only. Its failures
/// are returned for the user; a reference with no readable document is an
/// error.
pub fn analyze_reference(
    found: Discovered,
    dictionary: &ThemeDictionary,
    rules: &AnalysisRules,
    config: &Config,
) -> Result<(ReferenceCorpus, Vec<Failure>), Error> {
    let pool = Pool::new(config.jobs)?;
    let mut failures: Vec<Failure> = found
        .failures
        .into_iter()
        .map(|missed| Failure::new(missed.id, Stage::Discover, missed.error))
        .collect();
    let mut reference = ReferenceCorpus::default();
    let results = analyses_by_source(
        &pool,
        &found.sources,
        dictionary,
        rules,
        config,
        &NoProgress,
    );
    for result in results.flatten() {
        match result {
            Ok(analysis) if analysis.counts.words == 0 => {
                failures.push(Failure::no_words(analysis.id));
            }
            Ok(analysis) => reference.add(analysis.counts.words as u64, &analysis.terms),
            Err(failed) => failures.push(failed),
        }
    }
    // Named as the reference's, so that they are not taken for the batch's.
    for failure in &mut failures {
        failure.message = format!("reference corpus: {}", failure.message);
    }
    if reference.totals.words == 0 {
        return Err(Error::Config(format!(
            "--reference: no words could be read from the reference corpus ({} input(s) failed)",
            failures.len()
        )));
    }
    Ok((reference, failures))
}

/// Each source's analyses, in source order, [`CHUNK`] sources analyzed in
/// parallel at a time: the next chunk starts only when the caller has
/// folded this one.
fn analyses_by_source<'a>(
    pool: &'a Pool,
    sources: &'a [Source],
    dictionary: &'a ThemeDictionary,
    rules: &'a AnalysisRules,
    config: &'a Config,
    progress: &'a dyn Progress,
) -> impl Iterator<Item = Vec<Result<Analysis, Failure>>> + 'a {
    sources.chunks(CHUNK).flat_map(move |chunk| {
        let analyzed = pool.run(|| analyze_all(chunk, dictionary, rules, config));
        let bytes = analyzed.iter().map(|(bytes, _)| bytes).sum();
        progress.advance(chunk.len(), bytes);
        analyzed.into_iter().map(|(_, analyses)| analyses)
    })
}

/// Each source's size in bytes and its analyses (one a document it holds;
/// a row that could not be read is a failure named by its row id), in
/// source order.
fn analyze_all(
    sources: &[Source],
    dictionary: &ThemeDictionary,
    rules: &AnalysisRules,
    config: &Config,
) -> Vec<(u64, Vec<Result<Analysis, Failure>>)> {
    sources
        .par_iter()
        .map(|source| {
            match text_sections(source, &config.input) {
                Ok(Some(sections)) => return analyze_streamed(source, sections, dictionary, rules),
                Ok(None) => {}
                Err(err) => return (0, vec![Err(Failure::new(source.id(), Stage::Read, err))]),
            }
            let (size, loaded) = load_documents(source, &config.input);
            let analyses = match loaded {
                Err(err) => vec![Err(Failure::new(source.id(), Stage::Read, err))],
                Ok(documents) => documents
                    .into_iter()
                    .map(|loaded| match loaded {
                        Ok(document) => Ok(analyze_document(&document, dictionary, rules)),
                        Err((id, why)) => Err(Failure::new(id, Stage::Read, why)),
                    })
                    .collect(),
            };
            (size, analyses)
        })
        .collect()
}

/// A long plain-text file analyzed section by section (see
/// [`crate::input::stream`]): its size, and its analysis or why it failed.
fn analyze_streamed(
    source: &Source,
    mut sections: TextSections,
    dictionary: &ThemeDictionary,
    rules: &AnalysisRules,
) -> (u64, Vec<Result<Analysis, Failure>>) {
    let size = sections.size();
    let analyzed = analyze_sections(&mut sections, dictionary, rules).and_then(|mut analysis| {
        (analysis.encoding, analysis.decode_errors) = sections.finish()?;
        Ok(analysis)
    });
    let analyzed = analyzed.map_err(|err| Failure::new(source.id(), Stage::Read, err));
    (size, vec![analyzed])
}

/// Documents analyzed in parallel at a time. Each chunk's results are
/// folded into the batch totals, in input order, before the next chunk
/// starts, so what waits to be folded (a document's terms as strings) is
/// bounded by the chunk, not the batch.
const CHUNK: usize = 256;

/// The worker threads: `jobs` of them, or rayon's global pool (one a core).
pub struct Pool(Option<rayon::ThreadPool>);

impl Pool {
    /// `jobs` threads, or one a core when `None`.
    pub fn new(jobs: Option<usize>) -> Result<Self, Error> {
        let Some(jobs) = jobs else {
            return Ok(Pool(None));
        };
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map(|pool| Pool(Some(pool)))
            .map_err(|e| Error::Threads(e.to_string()))
    }

    /// Run `work` on the pool.
    pub fn run<T: Send>(&self, work: impl FnOnce() -> T + Send) -> T {
        match &self.0 {
            Some(pool) => pool.install(work),
            None => work(),
        }
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
