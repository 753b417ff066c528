//! Partials and batch statistics from Python: merging, splitting and
//! pruning partial summaries, finalizing them (`BatchStatistics`), and the
//! columns of each row that need the whole batch (`score_batch`).

use crate::{analyzer, check_lengths, pieces, run_detached, value_error, TextArgument};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use std::sync::Arc;
use textgauge::batch::{BatchPartial, BatchStats, KeynessRules};
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
    let whole = partial(&merged)?;
    let parts = run_detached(py, move || {
        whole
            .split(shards)
            .iter()
            .map(BatchPartial::to_bytes)
            .collect::<Vec<_>>()
    })?;
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
    let whole = partial(&merged)?;
    let bytes = run_detached(py, move || whole.prune(min_count).to_bytes())?;
    Ok(PyBytes::new(py, &bytes))
}

/// The statistics of a whole batch, finalized from its merged partial.
/// Pickled as that partial (so a Spark broadcast or a Dask scatter sends
/// bytes, and each worker finalizes once).
#[pyclass(frozen, module = "textgauge._textgauge")]
pub struct BatchStatistics {
    pub(crate) stats: Arc<BatchStats>,
    partial: Vec<u8>,
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
        PyBytes::new(py, &self.partial)
    }

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
pub fn finalize(py: Python<'_>, merged: Vec<u8>) -> PyResult<BatchStatistics> {
    let parsed = partial(&merged)?;
    let stats = run_detached(py, move || parsed.finalize())?;
    Ok(BatchStatistics {
        stats: Arc::new(stats),
        partial: merged,
    })
}

/// `rows` (as `analyze_part` gave them) with each compared metric's
/// standing in the batch: `<metric>_z` and `<metric>_percentile` (0–100),
/// as `compare.csv` has them. A row without words (no part in the
/// statistics) gets None. Given the rows' `texts` too, each row also gets
/// `key_terms`: its most distinctive terms against the rest of the batch
/// (the terms of its `keyness.csv` rows, at most `top`, by falling G²),
/// joined by `; `.
#[pyfunction]
#[pyo3(signature = (rows, stats, texts=None, top=10, min_g2=0.0, min_count=1))]
pub fn score_batch<'py>(
    py: Python<'py>,
    rows: Vec<Bound<'py, PyDict>>,
    stats: &BatchStatistics,
    texts: Option<Vec<TextArgument>>,
    top: usize,
    min_g2: f64,
    min_count: u64,
) -> PyResult<Bound<'py, PyList>> {
    let keys = match texts {
        Some(texts) => Some(key_terms(py, &rows, texts, stats, top, min_g2, min_count)?),
        None => None,
    };
    let scored = PyList::empty(py);
    for (index, row) in rows.iter().enumerate() {
        let dict = row.copy()?;
        let words: Option<u64> = row.get_item("words")?.map(|w| w.extract()).transpose()?;
        for (metric, name) in stats.stats.metric_names.iter().enumerate() {
            let value: Option<f64> = match row.get_item(name)? {
                Some(cell) if !cell.is_none() => Some(cell.extract()?),
                _ => None,
            };
            let standing = (words.unwrap_or(0) > 0).then(|| stats.stats.standing(metric, value));
            dict.set_item(format!("{name}_z"), standing.and_then(|s| s.z))?;
            dict.set_item(
                format!("{name}_percentile"),
                standing.and_then(|s| s.percentile),
            )?;
        }
        if let Some(keys) = &keys {
            let terms: Vec<&str> = keys[index].iter().map(|key| key.term.as_str()).collect();
            dict.set_item("key_terms", terms.join("; "))?;
        }
        scored.append(dict)?;
    }
    Ok(scored)
}

/// The key terms of each row's text.
fn key_terms(
    py: Python<'_>,
    rows: &[Bound<'_, PyDict>],
    texts: Vec<TextArgument>,
    stats: &BatchStatistics,
    top: usize,
    min_g2: f64,
    min_count: u64,
) -> PyResult<Vec<Vec<KeyTermOf>>> {
    let ids = rows
        .iter()
        .map(|row| match row.get_item("document")? {
            Some(id) => id.extract::<String>(),
            None => Err(PyValueError::new_err("a row without a `document`")),
        })
        .collect::<PyResult<Vec<String>>>()?;
    check_lengths(&ids, &texts, None)?;
    let analyzer = analyzer(None, true, false, false)?;
    let stats = Arc::clone(&stats.stats);
    let rules = KeynessRules {
        top,
        min_g2,
        min_count,
    };
    run_detached(py, move || {
        analyzer.key_terms(&pieces(&ids, &texts, None), &stats, rules)
    })?
    .map_err(value_error)
}
