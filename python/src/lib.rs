//! The Python module `textgauge._textgauge`: the library's single-text and
//! partial-batch API (`textgauge::piece`, `textgauge::batch::partial`) for
//! Python, with the GIL released while Rust works. `textgauge/__init__.py`
//! wraps it with the pandas and pyarrow conveniences.
//!
//! Threads: every call runs in this process's own worker pool, of
//! `TEXTGAUGE_NUM_THREADS` threads (1 by default: an engine's worker is one
//! of many processes already), never in rayon's global pool. A process
//! forked from one that used the pool (Spark and Dask workers, Python's
//! multiprocessing) sees a new process id and builds a pool of its own, so
//! it neither hangs on the parent's threads, which it does not have, nor
//! warns.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use textgauge::batch::{BatchPartial, BatchStats, DocumentSummary};
use textgauge::config::Config;
use textgauge::piece::{Piece, PieceAnalyzer, Row};
use textgauge::report::Cell;

/// The pool of this process (made again after a fork) and its process id.
static POOL: Mutex<Option<(u32, Arc<rayon::ThreadPool>)>> = Mutex::new(None);

/// The worker threads of this process: `TEXTGAUGE_NUM_THREADS` (1 when
/// unset or not a number from 1 up).
fn threads() -> usize {
    std::env::var("TEXTGAUGE_NUM_THREADS")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(1)
}

/// This process's pool, made on first use and again in a forked child.
fn pool() -> PyResult<Arc<rayon::ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((owner, pool)) = slot.as_ref() {
        if *owner == pid {
            return Ok(Arc::clone(pool));
        }
        // The parent's pool: its threads do not exist in this child, so it
        // is never used, nor dropped (which would wait for them).
        std::mem::forget(slot.take());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads())
        .thread_name(|i| format!("textgauge-{i}"))
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start worker threads: {e}")))?;
    let pool = Arc::new(pool);
    *slot = Some((pid, Arc::clone(&pool)));
    Ok(pool)
}

/// Run `work` without the GIL, in this process's pool.
fn run_detached<T: Send>(py: Python<'_>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    let pool = pool()?;
    Ok(py.detach(move || pool.install(work)))
}

/// The options every call takes, as the CLI's.
fn analyzer(
    themes: Option<PathBuf>,
    commentary: bool,
    theme_negation: bool,
    keep_furniture: bool,
) -> PyResult<PieceAnalyzer> {
    let mut config = Config::new(Vec::new(), PathBuf::from("reports"));
    config.themes_file = themes;
    config.analysis.commentary = commentary;
    config.analysis.theme_negation = theme_negation;
    config.input.keep_furniture = keep_furniture;
    PieceAnalyzer::new(&config).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// A cell as Python has it: a count an int, a measure the float the CSV
/// prints, an undefined value None, text a str, a flag a bool.
fn cell_object<'py>(py: Python<'py>, cell: &Cell<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match cell {
        Cell::Text(text) => text.as_ref().into_pyobject(py)?.into_any(),
        Cell::Count(n) => n.into_pyobject(py)?.into_any(),
        Cell::Flag(flag) => flag.into_pyobject(py)?.to_owned().into_any(),
        Cell::Number(None, _) | Cell::Probability(None) => py.None().into_bound(py),
        number => match number.render().parse::<f64>() {
            Ok(value) => value.into_pyobject(py)?.into_any(),
            Err(_) => py.None().into_bound(py),
        },
    })
}

/// A row as a dict, column → value, in the report's column order.
fn row_dict<'py>(py: Python<'py>, row: &Row) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, cell) in row {
        dict.set_item(name, cell_object(py, cell)?)?;
    }
    Ok(dict)
}

/// One text's `documents.csv` row, as a dict (every column, in order).
#[pyfunction]
#[pyo3(signature = (text, id="text", themes=None, commentary=true, theme_negation=false, keep_furniture=false))]
fn analyze_text<'py>(
    py: Python<'py>,
    text: &str,
    id: &str,
    themes: Option<PathBuf>,
    commentary: bool,
    theme_negation: bool,
    keep_furniture: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let analyzer = analyzer(themes, commentary, theme_negation, keep_furniture)?;
    let (text, id) = (text.to_owned(), id.to_owned());
    let row = run_detached(py, move || analyzer.row(&id, &text))?;
    row_dict(py, &row)
}

/// The rows of a part of a batch (texts at positions `first`, `first + 1`,
/// …), and the part's partial summary as bytes.
#[pyfunction]
#[pyo3(signature = (ids, texts, groups=None, first=0, themes=None, commentary=true, theme_negation=false, keep_furniture=false))]
#[allow(clippy::too_many_arguments)]
fn analyze_part<'py>(
    py: Python<'py>,
    ids: Vec<String>,
    texts: Vec<String>,
    groups: Option<Vec<Option<String>>>,
    first: u64,
    themes: Option<PathBuf>,
    commentary: bool,
    theme_negation: bool,
    keep_furniture: bool,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyBytes>)> {
    if ids.len() != texts.len() || groups.as_ref().is_some_and(|g| g.len() != texts.len()) {
        return Err(PyValueError::new_err(
            "ids, texts and groups differ in length",
        ));
    }
    let analyzer = analyzer(themes, commentary, theme_negation, keep_furniture)?;
    let (rows, bytes) = run_detached(py, move || {
        let pieces: Vec<Piece<'_>> = (0..texts.len())
            .map(|i| Piece {
                id: &ids[i],
                text: &texts[i],
                group: groups.as_ref().and_then(|g| g[i].as_deref()),
            })
            .collect();
        let (rows, partial) = analyzer.part(&pieces, first);
        (rows, partial.to_bytes())
    })?;
    let list = PyList::empty(py);
    for row in &rows {
        list.append(row_dict(py, row)?)?;
    }
    Ok((list, PyBytes::new(py, &bytes)))
}

fn partial(bytes: &[u8]) -> PyResult<BatchPartial> {
    BatchPartial::from_bytes(bytes).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The partials of several parts merged into one, in any order.
#[pyfunction]
fn merge_partials<'py>(py: Python<'py>, partials: Vec<Vec<u8>>) -> PyResult<Bound<'py, PyBytes>> {
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

/// The statistics of a whole batch, finalized from its merged partial.
#[pyclass(frozen, module = "textgauge._textgauge")]
struct BatchStatistics {
    stats: BatchStats,
    documents: Vec<DocumentSummary>,
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
    fn documents(&self) -> usize {
        self.documents.len()
    }

    /// One metric's batch summary: n, mean, sd, median, min, max.
    fn summary<'py>(&self, py: Python<'py>, metric: &str) -> PyResult<Bound<'py, PyDict>> {
        let index = self.metric_index(metric)?;
        let summary = &self.stats.metric_summaries[index];
        let dict = PyDict::new(py);
        dict.set_item("n", summary.n)?;
        dict.set_item("mean", summary.mean)?;
        dict.set_item("sd", summary.sd)?;
        dict.set_item("median", summary.median)?;
        dict.set_item("min", summary.min)?;
        dict.set_item("max", summary.max)?;
        Ok(dict)
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
fn finalize(py: Python<'_>, merged: Vec<u8>) -> PyResult<BatchStatistics> {
    let merged = partial(&merged)?;
    let (documents, stats) = run_detached(py, move || merged.finalize())?;
    Ok(BatchStatistics { stats, documents })
}

/// `rows` (as `analyze_part` gave them) with each compared metric's
/// standing in the batch: `<metric>_z` and `<metric>_percentile` (0–100),
/// as `compare.csv` has them. A row whose document takes no part in the
/// statistics (no words) gets None.
#[pyfunction]
fn score_batch<'py>(
    py: Python<'py>,
    rows: Vec<Bound<'py, PyDict>>,
    stats: &BatchStatistics,
) -> PyResult<Bound<'py, PyList>> {
    let mut by_id: std::collections::HashMap<&str, &DocumentSummary> = Default::default();
    for document in &stats.documents {
        if by_id.insert(document.id.as_str(), document).is_some() {
            return Err(PyValueError::new_err(format!(
                "two documents of the batch have the id `{}`: ids must be unique \
                 (give analyze_batch an id_column, or `first` for each part)",
                document.id
            )));
        }
    }
    let scored = PyList::empty(py);
    for row in rows {
        let id: String = row
            .get_item("document")?
            .ok_or_else(|| PyValueError::new_err("a row without a `document`"))?
            .extract()?;
        let dict = row.copy()?;
        for (index, name) in stats.stats.metric_names.iter().enumerate() {
            let value = by_id.get(id.as_str()).and_then(|d| d.metrics[index]);
            let standing = by_id
                .get(id.as_str())
                .map(|_| stats.stats.standing(index, value));
            dict.set_item(format!("{name}_z"), standing.as_ref().and_then(|s| s.z))?;
            dict.set_item(
                format!("{name}_percentile"),
                standing.as_ref().and_then(|s| s.percentile),
            )?;
        }
        scored.append(dict)?;
    }
    Ok(scored)
}

/// The module.
#[pymodule]
fn _textgauge(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_text, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_part, m)?)?;
    m.add_function(wrap_pyfunction!(merge_partials, m)?)?;
    m.add_function(wrap_pyfunction!(finalize, m)?)?;
    m.add_function(wrap_pyfunction!(score_batch, m)?)?;
    m.add_class::<BatchStatistics>()?;
    Ok(())
}
