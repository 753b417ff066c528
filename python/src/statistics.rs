//! Partials and batch statistics from Python: merging, splitting and
//! pruning partial summaries, finalizing them (`BatchStatistics`), and the
//! columns of each row that need the whole batch (`score_batch`).

use crate::options::settings;
use crate::{check_lengths, pieces, run_detached, value_error, TextArgument};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use std::sync::Arc;
use textgauge::batch::{BatchPartial, BatchStats};
use textgauge::piece::KeyTermOf;

fn partial(bytes: &[u8]) -> PyResult<BatchPartial> {
    BatchPartial::from_bytes(bytes).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The partials of several parts merged into one, in any order.
#[pyfunction]
pub fn merge_partials<'py>(
    py: Python<'py>,
    partials: Vec<Vec<u8>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let merged = run_detached(py, move || -> PyResult<Vec<u8>> {
        let mut merged: Option<BatchPartial> = None;
        for bytes in &partials {
            let next = partial(bytes)?;
            merged = Some(match merged {
                None => next,
                Some(done) => done
                    .try_merge(next)
                    .map_err(|e| PyValueError::new_err(e.to_string()))?,
            });
        }
        merged
            .map(|m| m.to_bytes())
            .ok_or_else(|| PyValueError::new_err("no partials to merge"))
    })??;
    Ok(PyBytes::new(py, &merged))
}

/// A partial cut by term into `shards` partials (shard 0 also holding the
/// document totals and histograms), so that an engine can merge each
/// shard's vocabulary on its own worker; merging every shard gives back
/// the partial.
#[pyfunction]
pub fn split_partial<'py>(
    py: Python<'py>,
    merged: Vec<u8>,
    shards: usize,
) -> PyResult<Bound<'py, PyList>> {
    let parts = run_detached(py, move || {
        let shards = partial(&merged)?.split(shards);
        Ok::<_, PyErr>(
            shards
                .iter()
                .map(BatchPartial::to_bytes)
                .collect::<Vec<_>>(),
        )
    })??;
    let list = PyList::empty(py);
    for bytes in parts {
        list.append(PyBytes::new(py, &bytes))?;
    }
    Ok(list)
}

/// The partial without the terms seen fewer than `min_count` times: only
/// for a partial of the whole batch, or a shard merged from every part.
/// Reports of pruned statistics need `min_count` at least as high.
#[pyfunction]
pub fn prune_partial<'py>(
    py: Python<'py>,
    merged: Vec<u8>,
    min_count: u64,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = run_detached(py, move || {
        Ok::<_, PyErr>(partial(&merged)?.prune(min_count).to_bytes())
    })??;
    Ok(PyBytes::new(py, &bytes))
}

/// The statistics of a whole batch, finalized from its merged partial.
/// Pickled as that partial (so a Spark broadcast or a Dask scatter sends
/// bytes, and each worker finalizes once).
#[pyclass(frozen, module = "textgauge._textgauge")]
pub struct BatchStatistics {
    pub(crate) stats: Arc<BatchStats>,
    /// The merged partial, the caller's bytes object itself (no copy).
    partial: Py<PyBytes>,
}

#[pymethods]
impl BatchStatistics {
    /// The compared metrics, in order.
    #[getter]
    fn metric_names(&self) -> Vec<String> {
        self.stats.metric_names.clone()
    }

    /// Documents in the statistics (those with words).
    #[getter]
    fn documents(&self) -> u64 {
        self.stats.totals.documents
    }

    /// Distinct terms of the batch.
    #[getter]
    fn vocabulary(&self) -> usize {
        self.stats.vocabulary.len()
    }

    /// One metric's batch summary: n, mean, sd, median, min, max (of the
    /// values as `documents.csv` prints them).
    fn summary<'py>(&self, py: Python<'py>, metric: &str) -> PyResult<Bound<'py, PyDict>> {
        let index = self.metric_index(metric)?;
        let summary = self.stats.metrics[index].summary();
        let dict = PyDict::new(py);
        dict.set_item("n", summary.n)?;
        dict.set_item("mean", summary.mean)?;
        dict.set_item("sd", summary.sd)?;
        dict.set_item("median", summary.median)?;
        dict.set_item("min", summary.min)?;
        dict.set_item("max", summary.max)?;
        Ok(dict)
    }

    /// The merged partial these statistics were finalized from.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        self.partial.bind(py).clone()
    }

    /// Pickled as `finalize(partial)`: an engine sends the bytes, and the
    /// receiver finalizes them.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let finalize = py.import("textgauge._textgauge")?.getattr("finalize")?;
        Ok((finalize, (self.to_bytes(py),)))
    }
}

impl BatchStatistics {
    fn metric_index(&self, metric: &str) -> PyResult<usize> {
        self.stats
            .metric_names
            .iter()
            .position(|m| m == metric)
            .ok_or_else(|| PyValueError::new_err(format!("no metric `{metric}`")))
    }
}

/// The statistics of the batch whose merged partial is `merged`.
#[pyfunction]
pub fn finalize(py: Python<'_>, merged: Bound<'_, PyBytes>) -> PyResult<BatchStatistics> {
    let bytes = merged.as_bytes();
    let stats = run_detached(py, move || partial(bytes).map(BatchPartial::finalize))??;
    Ok(BatchStatistics {
        stats: Arc::new(stats),
        partial: merged.unbind(),
    })
}

/// `rows` (as `analyze_part` gave them) with each compared metric's
/// standing in the batch: `<metric>_z` and `<metric>_percentile` (0–100),
/// as `compare.csv` has them. A row without words (no part in the
/// statistics) gets None. Given the rows' `texts` too, each row also gets
/// `key_terms`: the terms of its `keyness.csv` rows (most distinctive
/// first, by falling G²), joined by `; `. Options are `report_part`'s
/// (`top`, `min_g2`, `min_count`, and the analysis options the texts were
/// analyzed with), with the CLI's defaults.
#[pyfunction]
#[pyo3(signature = (rows, stats, texts=None, **options))]
pub fn score_batch<'py>(
    py: Python<'py>,
    rows: Vec<Bound<'py, PyDict>>,
    stats: &BatchStatistics,
    texts: Option<Vec<Option<TextArgument>>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let keys = match texts {
        Some(texts) => Some(key_terms(py, &rows, texts, stats, options)?),
        None => None,
    };
    let scored = PyList::empty(py);
    for (index, row) in rows.iter().enumerate() {
        let dict = row.copy()?;
        add_standings(&dict, row, &stats.stats)?;
        if let Some(keys) = &keys {
            let terms: Vec<&str> = keys[index].iter().map(|key| key.term.as_str()).collect();
            dict.set_item("key_terms", terms.join("; "))?;
        }
        scored.append(dict)?;
    }
    Ok(scored)
}

/// Each compared metric's z-score and percentile of `row`, into `scored`.
fn add_standings(
    scored: &Bound<'_, PyDict>,
    row: &Bound<'_, PyDict>,
    stats: &BatchStats,
) -> PyResult<()> {
    let words: Option<u64> = row.get_item("words")?.map(|w| w.extract()).transpose()?;
    for (metric, name) in stats.metric_names.iter().enumerate() {
        let value: Option<f64> = match row.get_item(name)? {
            Some(cell) if !cell.is_none() => Some(cell.extract()?),
            _ => None,
        };
        let standing = (words.unwrap_or(0) > 0).then(|| stats.standing(metric, value));
        scored.set_item(format!("{name}_z"), standing.and_then(|s| s.z))?;
        scored.set_item(
            format!("{name}_percentile"),
            standing.and_then(|s| s.percentile),
        )?;
    }
    Ok(())
}

/// The key terms of each row's text.
fn key_terms(
    py: Python<'_>,
    rows: &[Bound<'_, PyDict>],
    texts: Vec<Option<TextArgument>>,
    stats: &BatchStatistics,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<Vec<KeyTermOf>>> {
    let ids = rows
        .iter()
        .map(|row| match row.get_item("document")? {
            Some(id) => id.extract::<String>(),
            None => Err(PyValueError::new_err("a row without a `document`")),
        })
        .collect::<PyResult<Vec<String>>>()?;
    check_lengths(&ids, &texts, None)?;
    let (analyzer, options) = settings(options)?;
    let stats = Arc::clone(&stats.stats);
    run_detached(py, move || {
        analyzer.key_terms(&pieces(&ids, &texts, None), &stats, options.keyness)
    })?
    .map_err(value_error)
}
