//! The Python module `textgauge._textgauge`: the library's single-text and
//! partial-batch API (`textgauge::piece`, `textgauge::batch::partial`) for
//! Python, with the GIL released while Rust works. `textgauge/__init__.py`
//! wraps it with the pandas and pyarrow conveniences.
//!
//! Threads: every call runs in a worker pool of the calling thread, of
//! `TEXTGAUGE_NUM_THREADS` threads (1 by default: an engine's worker is one
//! of many processes already), never in rayon's global pool; Python threads
//! calling at once (a threaded Dask worker, Polars) each have their own, so
//! they run at once. A process forked from one that used a pool (Spark and
//! Dask workers, Python's multiprocessing) sees a new process id and builds
//! a pool of its own, so it neither hangs on the parent's threads, which it
//! does not have, nor warns.

mod arrow_rows;
mod files;
mod options;
mod reports;
mod statistics;

use reports::{report_frames, report_part};
use statistics::{
    finalize, merge_partials, prune_partial, score_batch, split_partial, BatchStatistics,
};

use arrow_pyarrow::ToPyArrow;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use std::cell::RefCell;
use std::sync::Arc;
use textgauge::batch::NO_GROUP;
use textgauge::piece::{Piece, PieceText, Row};
use textgauge::report::Cell;

thread_local! {
    /// The pool of the calling thread and the process that made it (one
    /// a calling thread, so that Python threads calling at once run at
    /// once; made again in a forked child).
    static POOL: RefCell<Option<(u32, Arc<rayon::ThreadPool>)>> = const { RefCell::new(None) };
}

/// The worker threads of this process: `TEXTGAUGE_NUM_THREADS` (1 when
/// unset or not a number from 1 up).
fn threads() -> usize {
    std::env::var("TEXTGAUGE_NUM_THREADS")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(1)
}

/// The calling thread's pool, made on its first call and again in a
/// forked child.
fn pool() -> PyResult<Arc<rayon::ThreadPool>> {
    POOL.with(|slot| pool_in(&mut slot.borrow_mut()))
}

fn pool_in(slot: &mut Option<(u32, Arc<rayon::ThreadPool>)>) -> PyResult<Arc<rayon::ThreadPool>> {
    let pid = std::process::id();
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

/// Run `work` without the GIL, in the calling thread's pool.
fn run_detached<T: Send>(py: Python<'_>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    let pool = pool()?;
    Ok(py.detach(move || pool.install(work)))
}

/// A library error as Python's `ValueError`, with the CLI's message.
fn value_error(error: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(error.to_string())
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
/// Options, as keywords, are the CLI's (`themes`, `commentary`,
/// `stopwords`, …; see the package's README).
#[pyfunction]
#[pyo3(signature = (text, id="text", **options))]
fn analyze_text<'py>(
    py: Python<'py>,
    text: &str,
    id: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let (analyzer, _) = options::settings(options)?;
    let (text, id) = (text.to_owned(), id.to_owned());
    let row = run_detached(py, move || analyzer.row(&id, &text))?;
    row_dict(py, &row)
}

/// The rows of a part of a batch, and the part's partial summary as bytes.
/// The rows are a list of dicts, or with `arrow=True` one
/// `pyarrow.RecordBatch` built in Rust.
#[pyfunction]
#[pyo3(signature = (ids, texts, groups=None, arrow=false, **options))]
fn analyze_part<'py>(
    py: Python<'py>,
    ids: Vec<String>,
    texts: Vec<Option<TextArgument>>,
    groups: Option<Vec<Option<String>>>,
    arrow: bool,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyBytes>)> {
    check_lengths(&ids, &texts, groups.as_deref())?;
    let (analyzer, _) = options::settings(options)?;
    let (rows, bytes, batch) = run_detached(py, move || {
        let (rows, partial) = analyzer.part(&pieces(&ids, &texts, groups.as_deref()));
        let batch = arrow.then(|| arrow_rows::record_batch(&rows, &analyzer.row("", "")));
        (rows, partial.to_bytes(), batch)
    })?;
    let bytes = PyBytes::new(py, &bytes);
    if let Some(batch) = batch {
        let batch = batch.map_err(value_error)?;
        return Ok((batch.to_pyarrow(py)?, bytes));
    }
    let list = PyList::empty(py);
    for row in &rows {
        list.append(row_dict(py, row)?)?;
    }
    Ok((list.into_any(), bytes))
}

/// A text as Python gives it: `str`, or the `bytes` of a file (decoded as
/// the CLI reads a `.txt` file); `None` in its place is a file that could
/// not be read.
#[derive(FromPyObject)]
enum TextArgument {
    Text(String),
    Bytes(Vec<u8>),
}

fn check_lengths(
    ids: &[String],
    texts: &[Option<TextArgument>],
    groups: Option<&[Option<String>]>,
) -> PyResult<()> {
    if ids.len() != texts.len() || groups.is_some_and(|g| g.len() != texts.len()) {
        return Err(PyValueError::new_err(
            "ids, texts and groups differ in length",
        ));
    }
    Ok(())
}

fn pieces<'a>(
    ids: &'a [String],
    texts: &'a [Option<TextArgument>],
    groups: Option<&'a [Option<String>]>,
) -> Vec<Piece<'a>> {
    (0..texts.len())
        .map(|i| Piece {
            id: &ids[i],
            text: match &texts[i] {
                Some(TextArgument::Text(text)) => PieceText::Text(text),
                Some(TextArgument::Bytes(bytes)) => PieceText::Bytes(bytes),
                None => PieceText::Unreadable,
            },
            // As the CLI: a document without a value is in the group "(none)".
            group: groups.map(|g| {
                g[i].as_deref()
                    .filter(|v| !v.is_empty())
                    .unwrap_or(NO_GROUP)
            }),
        })
        .collect()
}

/// The module.
#[pymodule]
fn _textgauge(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_text, m)?)?;
    m.add_function(wrap_pyfunction!(files::discover_files, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_part, m)?)?;
    m.add_function(wrap_pyfunction!(merge_partials, m)?)?;
    m.add_function(wrap_pyfunction!(finalize, m)?)?;
    m.add_function(wrap_pyfunction!(score_batch, m)?)?;
    m.add_function(wrap_pyfunction!(report_part, m)?)?;
    m.add_function(wrap_pyfunction!(report_frames, m)?)?;
    m.add_function(wrap_pyfunction!(split_partial, m)?)?;
    m.add_function(wrap_pyfunction!(prune_partial, m)?)?;
    m.add_class::<BatchStatistics>()?;
    Ok(())
}
