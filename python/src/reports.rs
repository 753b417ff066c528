//! The CLI's CSV reports from Python, for a batch cut into parts: each
//! part's rows against the final statistics (`report_part`) and each
//! report's frame (`report_frames`), which `textgauge.write_reports` puts
//! together.

use crate::statistics::BatchStatistics;
use crate::{analyzer_of, check_lengths, config, pieces, run_detached, value_error, TextArgument};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use std::path::PathBuf;
use std::sync::Arc;
use textgauge::config::CsvStyle;
use textgauge::piece::PieceAnalyzer;
use textgauge::report::TableOptions;

/// The analysis and report options of `report_part`, `report_frames` and
/// `score_batch`,
/// as keyword arguments, with the CLI's defaults: `themes`, `commentary`,
/// `theme_negation`, `keep_furniture` (as `analyze_text`), and `top`,
/// `all_terms`, `min_g2`, `min_count`, `sentences`, `kwic` (as `textgauge
/// analyze`). An unknown keyword is an error, not ignored.
pub(crate) fn settings(
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<(PieceAnalyzer, TableOptions)> {
    let mut config = config(None, true, false, false);
    for (key, value) in options.into_iter().flat_map(|o| o.iter()) {
        let key: String = key.extract()?;
        match key.as_str() {
            "themes" => config.themes_file = value.extract::<Option<PathBuf>>()?,
            "commentary" => config.analysis.commentary = value.extract()?,
            "theme_negation" => config.analysis.theme_negation = value.extract()?,
            "keep_furniture" => config.input.keep_furniture = value.extract()?,
            "top" => config.batch.top = value.extract()?,
            "all_terms" => config.batch.all_terms = value.extract()?,
            "min_g2" => config.batch.min_g2 = value.extract()?,
            "min_count" => config.batch.min_count = value.extract()?,
            "sentences" => config.report.sentences = value.extract()?,
            "kwic" => {
                let kwic: bool = value.extract()?;
                config.report.kwic = kwic.then_some(DEFAULT_KWIC_WINDOW);
            }
            other => return Err(PyTypeError::new_err(format!("unexpected option `{other}`"))),
        }
    }
    Ok((analyzer_of(&config)?, textgauge::table_options(&config)))
}

/// Words each side of a match in `kwic.csv`, as the CLI's default.
const DEFAULT_KWIC_WINDOW: usize = 5;

/// The second pass over a part of a batch: each report's CSV rows for
/// these texts (no header), as the CLI writes them, against the final
/// statistics. `write_reports` puts the parts together. Options: see
/// `report_frames`.
#[pyfunction]
#[pyo3(signature = (ids, texts, stats, groups=None, **options))]
pub fn report_part<'py>(
    py: Python<'py>,
    ids: Vec<String>,
    texts: Vec<Option<TextArgument>>,
    stats: &BatchStatistics,
    groups: Option<Vec<Option<String>>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    check_lengths(&ids, &texts, groups.as_deref())?;
    let (analyzer, options) = settings(options)?;
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
/// statistics alone (`corpus_terms`, `groups`, group keyness). Options, as
/// keywords, with the CLI's defaults: `themes`, `commentary`,
/// `theme_negation`, `keep_furniture`, `top` (25), `all_terms`, `min_g2`
/// (0), `min_count` (1), `sentences`, `kwic`.
#[pyfunction]
#[pyo3(signature = (stats, **options))]
pub fn report_frames<'py>(
    py: Python<'py>,
    stats: &BatchStatistics,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let (analyzer, options) = settings(options)?;
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
