//! Write files whole or not at all: each goes to a temporary file beside its
//! target and is renamed into place once complete.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Write every `(file name, bytes)` into `dir` (created if missing); return
/// the paths written.
pub fn write_atomically(dir: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut staged = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let result = std::fs::File::create(&temp).and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        });
        if let Err(err) = result {
            let _ = std::fs::remove_file(&temp);
            staged
                .iter()
                .for_each(|(t, _): &(PathBuf, PathBuf)| drop(std::fs::remove_file(t)));
            return Err(err);
        }
        staged.push((temp, dir.join(name)));
    }
    for (temp, target) in &staged {
        std::fs::rename(temp, target)?;
    }
    Ok(staged.into_iter().map(|(_, target)| target).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new");
        let written = write_atomically(&out, &[("a.csv".into(), b"x\n".to_vec())]).unwrap();
        assert_eq!(written, [out.join("a.csv")]);
        assert_eq!(std::fs::read(out.join("a.csv")).unwrap(), b"x\n");
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    }
}
