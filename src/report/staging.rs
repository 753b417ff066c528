//! Whole or nothing: every report file is first written to a temporary file
//! beside its target (`.textgauge-PID-NAME.tmp`), flushed to disk, and only
//! when every file of the run is complete are they renamed into place, one
//! right after the other. A run that fails or is killed before that leaves
//! the previous reports untouched; its temporary files are removed when it
//! fails, and by the next run when it was killed.
//!
//! After a run, the folder holds only that run's reports: a report of ours
//! that the run did not write (a `sentences.csv` from an earlier run with
//! `--sentences`) is removed, so no folder mixes two runs.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The list, in each output folder, of the files the last run wrote there,
/// so that the next run can remove those it does not write again.
pub const MANIFEST: &str = crate::config::REPORTS_MANIFEST;

/// Start of every temporary file name.
const TEMP_PREFIX: &str = ".textgauge-";
/// End of every temporary file name.
const TEMP_SUFFIX: &str = ".tmp";

/// Files written aside, waiting to be renamed into place.
#[derive(Debug, Default)]
pub struct Staging {
    /// (temporary file, target), in the order written.
    staged: Vec<(PathBuf, PathBuf)>,
}

impl Staging {
    /// Nothing staged yet.
    pub fn new() -> Self {
        Staging::default()
    }

    /// Write `target`'s contents aside with `write`; the folder is created
    /// if missing. The file is flushed and synced before this returns.
    pub fn write_file(
        &mut self,
        target: &Path,
        write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let temp = self.reserve(target)?;
        write_aside(&temp, write)
    }

    /// Stage a file for `target` and return the temporary path to write it
    /// at (with [`write_aside`], from any thread) before the commit. The
    /// folder is created if missing.
    pub fn reserve(&mut self, target: &Path) -> std::io::Result<PathBuf> {
        let dir = parent_dir(target);
        std::fs::create_dir_all(dir)?;
        let name = target.file_name().unwrap_or_default().to_string_lossy();
        let temp = dir.join(format!(
            "{TEMP_PREFIX}{}-{}-{name}{TEMP_SUFFIX}",
            std::process::id(),
            self.staged.len()
        ));
        self.staged.push((temp.clone(), target.to_path_buf()));
        Ok(temp)
    }

    /// Stage `dir`'s [`MANIFEST`]: the names of the files staged so far
    /// that go into `dir`.
    pub fn write_manifest(&mut self, dir: &Path) -> std::io::Result<()> {
        let here = std::fs::canonicalize(dir).ok();
        let names: Vec<String> = self
            .staged
            .iter()
            .map(|(_, target)| target)
            .filter(|target| std::fs::canonicalize(parent_dir(target)).ok() == here)
            .filter_map(|target| target.file_name()?.to_str().map(str::to_owned))
            .collect();
        self.write_file(&dir.join(MANIFEST), |out| {
            names.iter().try_for_each(|name| writeln!(out, "{name}"))
        })
    }

    /// Rename every staged file into place; return the targets.
    pub fn commit(mut self) -> std::io::Result<Vec<PathBuf>> {
        let staged = std::mem::take(&mut self.staged);
        for (index, (temp, target)) in staged.iter().enumerate() {
            if let Err(err) = std::fs::rename(temp, target) {
                self.staged = staged[index..].to_vec();
                return Err(err);
            }
        }
        Ok(staged.into_iter().map(|(_, target)| target).collect())
    }
}

/// Write a staged file's contents with `write`, then flush and sync it.
pub fn write_aside(
    temp: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, File::create(temp)?);
    write(&mut out)?;
    out.into_inner().map_err(|e| e.into_error())?.sync_all()
}

impl Drop for Staging {
    /// Files never committed are removed.
    fn drop(&mut self) {
        for (temp, _) in &self.staged {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// The folder `path` is in (`.` for a bare file name).
pub(super) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Remove temporary files that an earlier run, killed before it could
/// clean up, left in `dir`: those of processes no longer running.
pub fn remove_stale_temporaries(dir: &Path) -> std::io::Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(pid) = temp_owner(&name.to_string_lossy()) else {
            continue;
        };
        if pid != std::process::id() && !process_is_running(pid, &entry.path()) {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// The process id in a temporary file name of ours.
fn temp_owner(name: &str) -> Option<u32> {
    let middle = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    middle.split('-').next()?.parse().ok()
}

/// Whether process `pid` still runs: asked of `/proc` where there is one;
/// elsewhere a temporary file untouched for a day counts as abandoned.
fn process_is_running(pid: u32, temp: &Path) -> bool {
    if Path::new("/proc/self").exists() {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    let age = std::fs::metadata(temp)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok());
    age.is_none_or(|age| age.as_secs() < 24 * 3600)
}

/// The files that the last run wrote into `dir`, from its [`MANIFEST`]
/// (plain file names only; nothing outside `dir`).
pub fn previous_reports(dir: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(dir.join(MANIFEST)) else {
        return Vec::new();
    };
    text.lines()
        .filter(|name| !name.is_empty() && !name.starts_with('.'))
        .filter(|name| !name.contains(['/', '\\']))
        .map(str::to_owned)
        .collect()
}

/// Remove from `dir` the reports named in `names` (file names) that this
/// run did not write, so the folder holds one run's reports only.
pub fn remove_stale_reports(
    dir: &Path,
    names: &[String],
    written: &[PathBuf],
) -> std::io::Result<()> {
    for name in names {
        let path = dir.join(name);
        if !written.contains(&path) && path.is_file() {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn writes_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new");
        let mut staging = Staging::new();
        staging
            .write_file(&out.join("a.csv"), |w| w.write_all(b"x\n"))
            .unwrap();
        assert!(
            !out.join("a.csv").exists(),
            "nothing in place before commit"
        );
        let written = staging.commit().unwrap();
        assert_eq!(written, [out.join("a.csv")]);
        assert_eq!(std::fs::read(out.join("a.csv")).unwrap(), b"x\n");
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.csv");
        std::fs::write(&target, "old").unwrap();
        let mut staging = Staging::new();
        staging
            .write_file(&dir.path().join("b.csv"), |w| w.write_all(b"b"))
            .unwrap();
        let failed = staging.write_file(&target, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        drop(staging);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_manifest_lists_the_files_written_into_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let mut staging = Staging::new();
        for target in [dir.path().join("a.csv"), elsewhere.path().join("b.xlsx")] {
            staging.write_file(&target, |w| w.write_all(b"x")).unwrap();
        }
        staging.write_manifest(dir.path()).unwrap();
        staging.commit().unwrap();
        assert_eq!(previous_reports(dir.path()), ["a.csv"]);
        std::fs::write(
            dir.path().join(MANIFEST),
            "../escape.csv\n.hidden\nok.xlsx\n",
        )
        .unwrap();
        assert_eq!(previous_reports(dir.path()), ["ok.xlsx"]);
    }

    #[test]
    fn temporaries_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // No process has id 0 in /proc; u32::MAX - 1 is far above any pid limit.
        let dead = dir
            .path()
            .join(format!(".textgauge-{}-0-documents.csv.tmp", u32::MAX - 1));
        let ours = dir
            .path()
            .join(format!(".textgauge-{}-0-terms.csv.tmp", std::process::id()));
        let other = dir.path().join(".unrelated.tmp");
        for path in [&dead, &ours, &other] {
            std::fs::write(path, "x").unwrap();
        }
        remove_stale_temporaries(dir.path()).unwrap();
        assert!(!dead.exists());
        assert!(ours.exists() && other.exists());
    }
}
