//! The CLI's CSV reports from Python, for a batch cut into parts: each
//! part's rows against the final statistics (`report_part`) and each
//! report's frame (`report_frames`), which `textgauge.write_reports` puts
//! together.

use crate::options::settings;
use crate::statistics::BatchStatistics;
use crate::{check_lengths, pieces, run_detached, value_error, TextArgument};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use std::sync::Arc;
use textgauge::config::CsvStyle;

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
/// keywords, are the CLI's (see the package's README).
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
