//! The CLI's own file discovery for Python (`textgauge.files.discover`):
//! the same files, in the same batch order, with the same ids, so that a
//! batch an engine reads file by file is the CLI's batch.

use pyo3::prelude::*;
use std::path::PathBuf;
use textgauge::config::{FolderOptions, InputSpec};
use textgauge::input::{discover_with, FileFilter, Source};

/// The plain-text files under `inputs` (folders searched recursively, as
/// the CLI does: sorted, hidden entries and symbolic-link loops skipped,
/// each file once) whose ending is one of `extensions`, as (id, path)
/// pairs in batch order, and what could not be searched as (id, message)
/// pairs.
#[pyfunction]
#[pyo3(signature = (inputs, extensions=vec!["txt".to_owned()]))]
#[allow(clippy::type_complexity)]
pub fn discover_files(
    inputs: Vec<PathBuf>,
    extensions: Vec<String>,
) -> PyResult<(Vec<(String, PathBuf)>, Vec<(String, String)>)> {
    let options = FolderOptions {
        extensions,
        ..FolderOptions::default()
    };
    let filter = FileFilter::new(&options).map_err(crate::value_error)?;
    let specs: Vec<InputSpec> = inputs.into_iter().map(InputSpec::Path).collect();
    let found = discover_with(&specs, &filter);
    let files = found
        .sources
        .into_iter()
        .filter_map(|source| match source {
            Source::File { path, id } => Some((id, path)),
            Source::Stdin => None,
        })
        .collect();
    let failures = found
        .failures
        .into_iter()
        .map(|missed| (missed.id, missed.error.to_string()))
        .collect();
    Ok((files, failures))
}
