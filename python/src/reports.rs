//! The CLI's CSV reports from Python, for a batch cut into parts: each
//! part's rows against the final statistics (`report_part`) and each
//! report's frame (`report_frames`), which `textgauge.write_reports` puts
//! together.

use crate::statistics::BatchStatistics;
use crate::{analyzer_of, check_lengths, config, pieces, run_detached, value_error, TextArgument};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use std::path::PathBuf;
use std::sync::Arc;
use textgauge::config::{Config, CsvStyle};
use textgauge::report::TableOptions;

/// The report options of the CLI's `analyze` (`--top`, `--all-terms`,
/// `--min-g2`, `--min-count`, `--sentences`, `--kwic`).
fn table_options(
    config: &mut Config,
    top: usize,
    all_terms: bool,
    min_g2: f64,
    min_count: u64,
    sentences: bool,
    kwic: bool,
) -> TableOptions {
    config.batch.top = top;
    config.batch.all_terms = all_terms;
    config.batch.min_g2 = min_g2;
    config.batch.min_count = min_count;
    config.report.sentences = sentences;
    config.report.kwic = kwic.then_some(config.report.kwic.unwrap_or(DEFAULT_KWIC_WINDOW));
    textgauge::table_options(config)
}

/// Words each side of a match in `kwic.csv`, as the CLI's default.
const DEFAULT_KWIC_WINDOW: usize = 5;

/// The second pass over a part of a batch: each report's CSV rows for
/// these texts (no header), as the CLI writes them, against the final
/// statistics. `write_reports` puts the parts together.
#[pyfunction]
#[pyo3(signature = (ids, texts, stats, groups=None, themes=None, commentary=true, theme_negation=false, keep_furniture=false, top=25, all_terms=false, min_g2=0.0, min_count=1, sentences=false, kwic=false))]
#[allow(clippy::too_many_arguments)]
pub fn report_part<'py>(
    py: Python<'py>,
    ids: Vec<String>,
    texts: Vec<TextArgument>,
    stats: &BatchStatistics,
    groups: Option<Vec<Option<String>>>,
    themes: Option<PathBuf>,
    commentary: bool,
    theme_negation: bool,
    keep_furniture: bool,
    top: usize,
    all_terms: bool,
    min_g2: f64,
    min_count: u64,
    sentences: bool,
    kwic: bool,
) -> PyResult<Bound<'py, PyDict>> {
    check_lengths(&ids, &texts, groups.as_deref())?;
    let mut config = config(themes, commentary, theme_negation, keep_furniture);
    let options = table_options(
        &mut config,
        top,
        all_terms,
        min_g2,
        min_count,
        sentences,
        kwic,
    );
    let analyzer = analyzer_of(&config)?;
    let stats = Arc::clone(&stats.stats);
    let rows = run_detached(py, move || {
        let pieces = pieces(&ids, &texts, groups.as_deref());
        analyzer.report_part(&pieces, stats, options, CsvStyle::default())
    })?
    .map_err(value_error)?;
    let dict = PyDict::new(py);
    for (name, bytes) in rows {
        dict.set_item(name, PyBytes::new(py, &bytes))?;
    }
    Ok(dict)
}

/// Each report's frame for a batch with these statistics: a dict of
/// name → (head, tail), the header line and the rows that come from the
/// statistics alone (`corpus_terms`, `groups`, group keyness).
#[pyfunction]
#[pyo3(signature = (stats, themes=None, commentary=true, theme_negation=false, keep_furniture=false, top=25, all_terms=false, min_g2=0.0, min_count=1, sentences=false, kwic=false))]
#[allow(clippy::too_many_arguments)]
pub fn report_frames<'py>(
    py: Python<'py>,
    stats: &BatchStatistics,
    themes: Option<PathBuf>,
    commentary: bool,
    theme_negation: bool,
    keep_furniture: bool,
    top: usize,
    all_terms: bool,
    min_g2: f64,
    min_count: u64,
    sentences: bool,
    kwic: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let mut config = config(themes, commentary, theme_negation, keep_furniture);
    let options = table_options(
        &mut config,
        top,
        all_terms,
        min_g2,
        min_count,
        sentences,
        kwic,
    );
    let analyzer = analyzer_of(&config)?;
    let stats = Arc::clone(&stats.stats);
    let frames = run_detached(py, move || {
        analyzer.report_frames(stats, options, CsvStyle::default())
    })?
    .map_err(value_error)?;
    let dict = PyDict::new(py);
    for frame in frames {
        let pair = (PyBytes::new(py, &frame.head), PyBytes::new(py, &frame.tail));
        dict.set_item(frame.name, pair)?;
    }
    Ok(dict)
}
