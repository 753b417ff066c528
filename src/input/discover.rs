//! Turn what the user named (files, folders, `-`) into an ordered list of
//! sources. Folders are walked recursively in sorted order so the batch order,
//! and so every report, is the same on every run and machine.

use super::{Format, InputError};
use crate::config::{FolderOptions, InputSpec, REPORTS_MANIFEST};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Which files a folder walk reads: by ending, and by `--include` and
/// `--exclude` globs matched against the path below the folder named (a
/// glob without `/` also matches at any depth: `*.html`, `draft-*`). A
/// file named directly is read whatever its ending.
#[derive(Debug, Clone)]
pub struct FileFilter {
    extensions: Vec<String>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl Default for FileFilter {
    fn default() -> Self {
        FileFilter::new(&FolderOptions::default()).expect("no globs to fail")
    }
}

impl FileFilter {
    /// The filter for these options; a glob that does not parse is an error.
    pub fn new(options: &FolderOptions) -> Result<Self, String> {
        Ok(FileFilter {
            extensions: options
                .extensions
                .iter()
                .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
                .collect(),
            include: glob_set(&options.include, "--include")?,
            exclude: glob_set(&options.exclude, "--exclude")?,
        })
    }

    /// Whether the walk reads `path`, found below `root`.
    fn reads(&self, root: &Path, path: &Path) -> bool {
        let ending_ok = extension(path).is_some_and(|ext| self.extensions.contains(&ext));
        let relative = path.strip_prefix(root).unwrap_or(path);
        let included = self
            .include
            .as_ref()
            .is_none_or(|set| set.is_match(relative));
        let excluded = self
            .exclude
            .as_ref()
            .is_some_and(|set| set.is_match(relative));
        ending_ok && included && !excluded
    }
}

/// The globs as one set, `None` for none.
fn glob_set(globs: &[String], option: &str) -> Result<Option<GlobSet>, String> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut set = GlobSetBuilder::new();
    for glob in globs {
        let parsed = GlobBuilder::new(glob)
            .literal_separator(glob.contains('/'))
            .build()
            .map_err(|e| format!("{option} {glob}: {e}"))?;
        set.add(parsed);
    }
    set.build().map(Some).map_err(|e| format!("{option}: {e}"))
}

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

    /// How the source is read (by file ending; standard input is text).
    pub fn format(&self) -> Format {
        match self {
            Source::Stdin => Format::Text,
            Source::File { path, .. } => Format::of(path),
        }
    }
}

/// What the inputs expand to.
#[derive(Debug, Default)]
pub struct Discovered {
    /// The documents to read, in order, each once.
    pub sources: Vec<Source>,
    /// Inputs (or folders inside them) that could not be expanded.
    pub failures: Vec<Unexpanded>,
    /// Things skipped on purpose, named: folders reached again through a
    /// symbolic-link loop.
    pub warnings: Vec<(String, String)>,
}

/// An input, or a folder inside one, that could not be expanded.
#[derive(Debug)]
pub struct Unexpanded {
    /// Its id (the path as named).
    pub id: String,
    /// Why.
    pub error: InputError,
    /// How many sources were found before it: where it falls in input order.
    pub position: usize,
}

impl Discovered {
    /// Record a failure at the current position in input order.
    fn fail(&mut self, id: String, error: InputError) {
        let position = self.sources.len();
        self.failures.push(Unexpanded {
            id,
            error,
            position,
        });
    }
}

/// Expand the inputs into sources, in order, each file once. Folders are
/// walked recursively in sorted order, following symbolic links, but each
/// real folder is walked once: a link back to a folder being walked (a
/// loop), or to one already walked, is skipped with a warning, so links
/// can never multiply the files. Inside folders only regular files are
/// read (a named pipe or device there is skipped with a warning; named
/// directly, it is read). An unreadable folder is a failure and the walk
/// goes on.
pub fn discover(inputs: &[InputSpec]) -> Discovered {
    discover_with(inputs, &FileFilter::default())
}

/// [`discover`], reading from folders the files `filter` lets through.
pub fn discover_with(inputs: &[InputSpec], filter: &FileFilter) -> Discovered {
    let mut found = Discovered::default();
    let mut seen = HashSet::new();
    for input in inputs {
        match input {
            InputSpec::Stdin => push_unique(&mut found.sources, &mut seen, Source::Stdin),
            InputSpec::Path(path) => match expand_path(path, filter, &mut found) {
                Ok(files) => files
                    .into_iter()
                    .for_each(|source| push_unique(&mut found.sources, &mut seen, source)),
                Err(err) => found.fail(path_id(path), err),
            },
        }
    }
    found
}

fn push_unique(sources: &mut Vec<Source>, seen: &mut HashSet<String>, source: Source) {
    if seen.insert(source.id()) {
        sources.push(source);
    }
}

fn expand_path(
    path: &Path,
    filter: &FileFilter,
    found: &mut Discovered,
) -> Result<Vec<Source>, InputError> {
    let meta = std::fs::metadata(path).map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => InputError::Missing,
        _ => InputError::Io(err),
    })?;
    if !meta.is_dir() {
        return Ok(vec![file_source(path)]);
    }
    let mut walk = Walk {
        root: path,
        filter,
        ancestors: Vec::new(),
        walked: HashSet::new(),
        files: Vec::new(),
        found,
    };
    walk.folder(path)?;
    let mut files = walk.files;
    if files.is_empty() {
        return Err(InputError::NoTextFiles);
    }
    files.sort();
    Ok(files.iter().map(|file| file_source(file)).collect())
}

/// A recursive folder walk.
struct Walk<'a> {
    /// The folder named.
    root: &'a Path,
    /// Which files to read.
    filter: &'a FileFilter,
    /// Canonical paths of the folders being walked, outermost first.
    ancestors: Vec<PathBuf>,
    /// Canonical paths of every folder walked so far.
    walked: HashSet<PathBuf>,
    files: Vec<PathBuf>,
    found: &'a mut Discovered,
}

impl Walk<'_> {
    /// Walk `dir`; an error here means `dir` itself could not be listed.
    fn folder(&mut self, dir: &Path) -> Result<(), InputError> {
        let canonical = std::fs::canonicalize(dir)?;
        if self.ancestors.contains(&canonical) {
            self.warn(
                dir,
                "skipped: a symbolic link loops back to a folder being read",
            );
            return Ok(());
        }
        if !self.walked.insert(canonical.clone()) {
            self.warn(
                dir,
                "skipped: a symbolic link leads to a folder already read",
            );
            return Ok(());
        }
        if dir.join(REPORTS_MANIFEST).is_file() && dir != self.root {
            self.warn(dir, "skipped: a folder of textgauge reports");
            return Ok(());
        }
        let entries = std::fs::read_dir(dir)?;
        self.ancestors.push(canonical);
        for entry in entries {
            let path = match entry {
                Ok(entry) => entry.path(),
                Err(err) => {
                    self.found.fail(path_id(dir), InputError::Io(err));
                    continue;
                }
            };
            self.entry(path);
        }
        self.ancestors.pop();
        Ok(())
    }

    fn entry(&mut self, path: PathBuf) {
        if is_hidden(&path) {
            return;
        }
        let meta = std::fs::metadata(&path);
        if meta.as_ref().is_ok_and(|m| m.is_dir()) {
            if let Err(err) = self.folder(&path) {
                self.found.fail(path_id(&path), err);
            }
            return;
        }
        if !self.filter.reads(self.root, &path) {
            return;
        }
        match meta {
            Ok(meta) if !meta.is_file() => self.warn(
                &path,
                "skipped: not a regular file (a pipe, socket or device)",
            ),
            // A dangling link is kept, to be reported when it cannot be read.
            _ => self.files.push(path),
        }
    }

    fn warn(&mut self, path: &Path, message: &str) {
        self.found
            .warnings
            .push((path_id(path), message.to_owned()));
    }
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

/// A path as the user would recognise it, with no leading `./`, kept
/// lossless: on Unix a byte that is not UTF-8 is written `\xNN` and a
/// backslash `\\`, so two different file names never share an id; on
/// Windows, `\` separators become `/`.
pub fn path_id(path: &Path) -> String {
    let text = path_text(path);
    match text.strip_prefix("./") {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

#[cfg(unix)]
fn path_text(path: &Path) -> String {
    use std::fmt::Write;
    use std::os::unix::ffi::OsStrExt;
    let mut text = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => text.push_str("\\\\"),
                _ => text.push(c),
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(text, "\\x{byte:02X}");
        }
    }
    text
}

#[cfg(not(unix))]
fn path_text(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
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
        let found = discover(&[InputSpec::Path(dir.path().to_path_buf())]);
        assert!(found.failures.is_empty());
        let names: Vec<String> = found.sources.iter().map(|s| s.id()).collect();
        let root = path_id(dir.path());
        let expected = ["a.md", "b.txt", "sub/c.TXT"].map(|n| format!("{root}/{n}"));
        assert_eq!(names, expected);
    }

    #[test]
    fn names_missing_paths_and_empty_folders() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.txt");
        let inputs = [InputSpec::Path(missing), InputSpec::Path(dir.path().into())];
        let found = discover(&inputs);
        assert!(found.sources.is_empty());
        assert!(matches!(found.failures[0].error, InputError::Missing));
        assert!(matches!(found.failures[1].error, InputError::NoTextFiles));
    }

    #[test]
    fn a_file_named_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let inputs = [InputSpec::Path(file.clone()), InputSpec::Path(file)];
        assert_eq!(discover(&inputs).sources.len(), 1);
    }

    #[test]
    fn a_symbolic_link_loop_is_walked_once_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
        let found = discover(&[InputSpec::Path(dir.path().to_path_buf())]);
        assert_eq!(found.sources.len(), 1);
        assert_eq!(found.warnings.len(), 1);
        assert!(
            found.warnings[0].0.ends_with("sub/loop"),
            "{:?}",
            found.warnings
        );
    }

    #[test]
    fn links_to_one_folder_never_multiply_its_files() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..12 {
            std::fs::create_dir(dir.path().join(format!("d{i}"))).unwrap();
        }
        std::fs::write(dir.path().join("d11/a.txt"), "x").unwrap();
        for i in 0..11 {
            for link in ["x", "y"] {
                let target = dir.path().join(format!("d{}", i + 1));
                std::os::unix::fs::symlink(target, dir.path().join(format!("d{i}/{link}")))
                    .unwrap();
            }
        }
        let found = discover(&[InputSpec::Path(dir.path().join("d0"))]);
        assert_eq!(found.sources.len(), 1, "not 2^11");
        assert_eq!(found.warnings.len(), 11);
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_in_a_folder_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|status| status.success()) {
            return; // no mkfifo on this system
        }
        let found = discover(&[InputSpec::Path(dir.path().to_path_buf())]);
        assert_eq!(found.sources.len(), 1);
        assert!(found.warnings[0].1.contains("not a regular file"));
    }

    #[cfg(unix)]
    #[test]
    fn ids_are_lossless_for_bytes_that_are_not_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9 a\\b.txt");
        assert_eq!(path_id(Path::new(name)), "caf\\xE9 a\\\\b.txt");
        assert_eq!(path_id(Path::new("./x/y.txt")), "x/y.txt");
    }
}
