//! textgauge: measure commentary pieces (op-eds, news analysis, policy
//! briefs) so that many can be compared side by side in a spreadsheet.
//!
//! Data flows one way: [`input`] (files → [`input::Document`]) → [`text`]
//! (words, sentences, syllables) → [`analysis`] (one document's [`counts`],
//! diversity, terms and themes) → [`metrics`] (pure formulas, one registry)
//! → [`batch`] (the runner, and statistics over the whole batch from
//! mergeable per-document summaries) → [`report`] (CSV, XLSX).
//! [`analyze`] runs the whole batch; [`write_reports`] writes it.
//!
//! ```
//! use textgauge::config::{Config, InputSpec};
//!
//! let dir = std::env::temp_dir().join(format!("textgauge-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let article = dir.join("piece.txt");
//! std::fs::write(&article, "Ministers met. The budget rose by a tenth.")?;
//!
//! let config = Config::new(vec![InputSpec::Path(article)], dir.join("reports"));
//! let batch = textgauge::analyze(&config)?;
//! let piece = batch.analyses.get(0).unwrap();
//! assert_eq!(piece.counts.words, 8);
//! assert_eq!(piece.counts.sentences, 2);
//!
//! let written = textgauge::write_reports(&batch, &config)?;
//! assert!(written.files.iter().any(|file| file.ends_with("compare.csv")));
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod analysis;
pub mod batch;
pub mod config;
pub mod counts;
pub mod data;
pub mod input;
pub mod metrics;
pub mod piece;
pub mod report;
pub mod scratch;
pub mod stats;
pub mod text;
pub mod themes;
pub mod wordlists;

use analysis::{AnalysisRules, TermRules};
pub use batch::{analyze_sources, Batch, Failure, Stage, Warning};
use config::{Config, InputSpec, Stopwords};
use input::discover_with;
use report::{build_tables, CsvExporter, Exporter, Staging, TableOptions, REPORT_NAMES};
use std::path::{Path, PathBuf};
use themes::{ThemeDictionary, ThemeError};

/// What stops a whole run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The settings contradict each other or ask for what this build lacks.
    #[error("{0}")]
    Config(String),
    /// The theme dictionary could not be loaded.
    #[error(transparent)]
    Themes(#[from] ThemeError),
    /// No input could be analyzed; the failures say why.
    #[error("nothing to analyze")]
    NothingAnalyzed(Vec<Failure>),
    /// The worker pool could not start.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
    /// Analyses could not be kept in (or read back from) the temporary
    /// file that holds them until the reports are written.
    #[error("cannot keep analyses in a temporary file (set TMPDIR to a folder with room): {0}")]
    Spool(std::io::Error),
    /// A document has a term the batch statistics lack: the statistics are
    /// of another batch, or of other options.
    #[error(
        "`{0}` has terms these batch statistics lack (they are of another batch, or of other options)"
    )]
    NotOfThisBatch(String),
    /// Reports could not be written.
    #[error("cannot write reports to {dir}: {source}")]
    Write {
        /// The output folder (or the workbook).
        dir: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Analyze every input named in `config`, and the batch statistics.
pub fn analyze(config: &Config) -> Result<Batch, Error> {
    analyze_with_progress(config, &batch::NoProgress)
}

/// [`analyze`], telling `progress` how far the batch has got.
pub fn analyze_with_progress(
    config: &Config,
    progress: &dyn batch::Progress,
) -> Result<Batch, Error> {
    check_config(config)?;
    let dictionary = theme_dictionary(config)?;
    let rules = analysis_rules(config)?;
    let filter = input::FileFilter::new(&config.input.folders).map_err(Error::Config)?;
    let (reference, reference_failures) = if config.batch.reference.is_empty() {
        (None, Vec::new())
    } else {
        let inputs: Vec<InputSpec> = config
            .batch
            .reference
            .iter()
            .cloned()
            .map(InputSpec::Path)
            .collect();
        let (reference, failures) =
            batch::analyze_reference(discover_with(&inputs, &filter), &dictionary, &rules, config)?;
        (Some(reference), failures)
    };
    let mut batch = analyze_sources(
        discover_with(&config.inputs, &filter),
        &dictionary,
        &rules,
        config,
        reference,
        progress,
    )?;
    batch.failures.extend(reference_failures);
    if let Some(path) = &config.themes_file {
        batch
            .warnings
            .extend(dictionary.notes().iter().map(|note| Warning {
                document: path.display().to_string(),
                message: note.clone(),
            }));
    }
    Ok(batch)
}

/// The theme dictionary a run uses: the `--themes` file or the built-in
/// one, the commentary pack appended unless left out, negation as asked.
pub fn theme_dictionary(config: &Config) -> Result<ThemeDictionary, Error> {
    let mut dictionary = match &config.themes_file {
        Some(path) => ThemeDictionary::from_file(path)?,
        None => ThemeDictionary::built_in(),
    };
    if config.analysis.commentary {
        dictionary = dictionary.with_commentary(&themes::built_in::commentary());
    }
    Ok(dictionary.with_negation(config.analysis.theme_negation))
}

/// How every document of the batch is analyzed, from the settings.
pub fn analysis_rules(config: &Config) -> Result<AnalysisRules, Error> {
    let terms = &config.analysis.terms;
    let stopwords = match &terms.stopwords {
        Stopwords::English => wordlists::english_stopwords(),
        Stopwords::None => Default::default(),
        Stopwords::File(path) => {
            let text = std::fs::read_to_string(path).map_err(|err| {
                Error::Config(format!(
                    "cannot read stopword list {}: {err}",
                    path.display()
                ))
            })?;
            wordlists::parse_stopwords(&text)
        }
    };
    let metadata = match &config.input.metadata {
        Some(path) => input::MetadataTable::from_file(path).map_err(Error::Config)?,
        None => Default::default(),
    };
    Ok(AnalysisRules {
        sentences: config.report.sentences,
        kwic_window: config.report.kwic,
        mattr_window: config.analysis.mattr_window,
        terms: TermRules::new(stopwords, terms.stem, terms.ngrams),
        metadata,
    })
}

/// Settings that cannot work together, refused before any work is done.
pub fn check_config(config: &Config) -> Result<(), Error> {
    let csv = &config.report.csv;
    if csv.decimal_comma && csv.delimiter == b',' {
        return Err(Error::Config(
            "--decimal-comma needs a delimiter other than `,` (use --delimiter ';')".into(),
        ));
    }
    let (shortest, longest) = config.analysis.terms.ngrams;
    if shortest == 0 || longest < shortest || longest > 5 {
        return Err(Error::Config(format!(
            "--ngrams {shortest}-{longest}: give n-gram lengths from 1 to 5, shortest first"
        )));
    }
    if config.batch.top == 0 || !config.batch.min_g2.is_finite() {
        return Err(Error::Config(
            "--top must be at least 1 and --min-g2 a finite number".into(),
        ));
    }
    if config.analysis.mattr_window == 0 {
        return Err(Error::Config("--mattr-window must be at least 1".into()));
    }
    if config.report.xlsx.is_some() && !cfg!(feature = "xlsx") {
        return Err(Error::Config(
            "--xlsx: this build of textgauge has no XLSX support (cargo feature `xlsx`)".into(),
        ));
    }
    Ok(())
}

/// What [`write_reports`] wrote.
#[derive(Debug, Clone, Default)]
pub struct Written {
    /// The reports now in place.
    pub files: Vec<PathBuf>,
    /// Things the user should know (a workbook sheet cut at Excel's limits).
    pub warnings: Vec<String>,
}

/// Write the batch's reports: CSV files into `config.out_dir` and, when
/// asked, the workbook. All are staged and renamed into place together;
/// afterwards the folder holds this run's reports only (an `errors.csv`,
/// `sentences.csv` or workbook that an earlier run wrote there and this one
/// did not is removed; the folder's `.textgauge-reports` lists what each
/// run wrote) and no temporary file of a killed earlier run.
pub fn write_reports(batch: &Batch, config: &Config) -> Result<Written, Error> {
    let out_dir = &config.out_dir;
    let mut staging = Staging::new();
    let warnings = stage_reports(batch, config, &mut staging)?;
    let mut earlier: Vec<String> = REPORT_NAMES
        .iter()
        .map(|name| format!("{name}.csv"))
        .collect();
    earlier.extend(report::previous_reports(out_dir));
    staging
        .write_manifest(out_dir)
        .map_err(write_error(out_dir))?;
    let files = staging.commit().map_err(write_error(out_dir))?;
    report::remove_stale_reports(out_dir, &earlier, &files).map_err(write_error(out_dir))?;
    let mut folders = vec![out_dir.as_path()];
    folders.extend(config.report.xlsx.as_deref().and_then(Path::parent));
    for dir in folders {
        report::remove_stale_temporaries(dir).map_err(write_error(dir))?;
    }
    let files = files
        .into_iter()
        .filter(|file| !file.ends_with(report::MANIFEST))
        .collect();
    Ok(Written { files, warnings })
}

/// Write every report aside: the CSV files and, when asked, the workbook.
fn stage_reports(
    batch: &Batch,
    config: &Config,
    staging: &mut Staging,
) -> Result<Vec<String>, Error> {
    let options = table_options(config);
    let tables = || build_tables(batch, options);
    let csv = CsvExporter {
        dir: config.out_dir.clone(),
        style: config.report.csv,
    };
    // The CSV files are written side by side, on `--jobs` threads.
    let pool = batch::Pool::new(config.jobs)?;
    let mut warnings = pool
        .run(|| csv.export(tables(), staging))
        .map_err(write_error(&config.out_dir))?;
    if let Some(path) = &config.report.xlsx {
        warnings.extend(export_xlsx(path, tables(), staging).map_err(write_error(path))?);
    }
    // Reports written while an analysis could not be read back are
    // incomplete: nothing staged is committed.
    batch.analyses.check().map_err(Error::Spool)?;
    Ok(warnings)
}

/// What the report tables hold, from the settings.
pub fn table_options(config: &Config) -> TableOptions {
    let batch = &config.batch;
    TableOptions {
        sentences: config.report.sentences,
        kwic: config.report.kwic.is_some(),
        top: batch.top,
        all_terms: batch.all_terms,
        keyness: batch::KeynessRules {
            top: batch.top,
            min_g2: batch.min_g2,
            min_count: batch.min_count,
        },
        batch_rows: true,
    }
}

/// Turns an I/O error while writing into `dir` (or a workbook) into [`Error::Write`].
fn write_error(dir: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let dir = dir.to_path_buf();
    move |source| Error::Write { dir, source }
}

#[cfg(feature = "xlsx")]
fn export_xlsx(
    path: &Path,
    tables: Vec<report::Table<'_>>,
    staging: &mut Staging,
) -> std::io::Result<Vec<String>> {
    report::XlsxExporter::new(path.to_path_buf()).export(tables, staging)
}

#[cfg(not(feature = "xlsx"))]
fn export_xlsx(
    _path: &Path,
    _tables: Vec<report::Table<'_>>,
    _staging: &mut Staging,
) -> std::io::Result<Vec<String>> {
    Err(std::io::Error::other("this build has no XLSX support"))
}
