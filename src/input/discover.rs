//! Turn what the user named (files, folders, `-`) into an ordered list of
//! sources. Folders are walked recursively in sorted order so the batch order,
//! and so every report, is the same on every run and machine.

use super::InputError;
use crate::config::InputSpec;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// File endings read from folders (a file named directly is read whatever its ending).
const TEXT_EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

/// One document to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input; its id is `-`.
    Stdin,
    /// A file, with its id: the path as found, with `/` separators.
    File {
        /// Where to read it.
        path: PathBuf,
        /// The stable id reported in the `document` column.
        id: String,
    },
}

impl Source {
    /// The document id used in every report.
    pub fn id(&self) -> String {
        match self {
            Source::Stdin => "-".to_owned(),
            Source::File { id, .. } => id.clone(),
        }
    }

    /// Whether the text should be read as Markdown (by file ending).
    pub fn is_markdown(&self) -> bool {
        match self {
            Source::Stdin => false,
            Source::File { path, .. } => {
                matches!(extension(path).as_deref(), Some("md" | "markdown"))
            }
        }
    }
}

/// Expand the inputs into sources, in order, each file once. Inputs that
/// cannot be expanded come back as `(name, error)` pairs.
pub fn discover(inputs: &[InputSpec]) -> (Vec<Source>, Vec<(String, InputError)>) {
    let mut sources = Vec::new();
    let mut failures = Vec::new();
    let mut seen = HashSet::new();
    for input in inputs {
        match input {
            InputSpec::Stdin => push_unique(&mut sources, &mut seen, Source::Stdin),
            InputSpec::Path(path) => match expand_path(path) {
                Ok(found) => found
                    .into_iter()
                    .for_each(|source| push_unique(&mut sources, &mut seen, source)),
                Err(err) => failures.push((path_id(path), err)),
            },
        }
    }
    (sources, failures)
}

fn push_unique(sources: &mut Vec<Source>, seen: &mut HashSet<String>, source: Source) {
    if seen.insert(source.id()) {
        sources.push(source);
    }
}

fn expand_path(path: &Path) -> Result<Vec<Source>, InputError> {
    let meta = std::fs::metadata(path).map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => InputError::Missing,
        _ => InputError::Io(err),
    })?;
    if !meta.is_dir() {
        return Ok(vec![file_source(path)]);
    }
    let mut files = Vec::new();
    walk(path, &mut files)?;
    if files.is_empty() {
        return Err(InputError::NoTextFiles);
    }
    files.sort();
    Ok(files.iter().map(|file| file_source(file)).collect())
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), InputError> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if is_hidden(&path) {
            continue;
        }
        if path.is_dir() {
            walk(&path, files)?;
        } else if extension(&path).is_some_and(|ext| TEXT_EXTENSIONS.contains(&ext.as_str())) {
            files.push(path);
        }
    }
    Ok(())
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with('.'))
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase)
}

fn file_source(path: &Path) -> Source {
    Source::File {
        path: path.to_path_buf(),
        id: path_id(path),
    }
}

/// A path as the user would recognise it, with `/` separators and no leading `./`.
fn path_id(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").unwrap_or(&text).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_folders_in_sorted_order_and_skips_other_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for name in ["b.txt", "a.md", "sub/c.TXT", "notes.pdf", ".hidden.txt"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let (sources, failures) = discover(&[InputSpec::Path(dir.path().to_path_buf())]);
        assert!(failures.is_empty());
        let names: Vec<String> = sources.iter().map(|s| s.id()).collect();
        let root = path_id(dir.path());
        let expected = ["a.md", "b.txt", "sub/c.TXT"].map(|n| format!("{root}/{n}"));
        assert_eq!(names, expected);
    }

    #[test]
    fn names_missing_paths_and_empty_folders() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.txt");
        let inputs = [InputSpec::Path(missing), InputSpec::Path(dir.path().into())];
        let (sources, failures) = discover(&inputs);
        assert!(sources.is_empty());
        assert!(matches!(failures[0].1, InputError::Missing));
        assert!(matches!(failures[1].1, InputError::NoTextFiles));
    }

    #[test]
    fn a_file_named_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let inputs = [InputSpec::Path(file.clone()), InputSpec::Path(file)];
        assert_eq!(discover(&inputs).0.len(), 1);
    }
}
