//! Plain settings the library takes. The command line (clap) is turned into a
//! [`Config`] in one place (`cli.rs`); nothing in the library knows about clap.

use std::path::PathBuf;

/// Where one batch input comes from, as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSpec {
    /// A file or a folder (searched recursively for text files).
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

/// Everything `analyze` needs to know.
#[derive(Debug, Clone)]
pub struct Config {
    /// The inputs, in the order given.
    pub inputs: Vec<InputSpec>,
    /// Folder the reports are written to.
    pub out_dir: PathBuf,
    /// A theme dictionary file to use instead of the built-in one.
    pub themes_file: Option<PathBuf>,
    /// Also write `sentences.csv`.
    pub write_sentences: bool,
    /// Keep trailing page furniture (author boxes, comment forms, CSS) in the counts.
    pub keep_furniture: bool,
    /// Worker threads (`None`: one per core).
    pub jobs: Option<usize>,
    /// Start CSV files with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
}

impl Config {
    /// A configuration with the SPEC's defaults: read `seeds/`, write `reports/`.
    pub fn new(inputs: Vec<InputSpec>, out_dir: PathBuf) -> Self {
        Config {
            inputs,
            out_dir,
            themes_file: None,
            write_sentences: false,
            keep_furniture: false,
            jobs: None,
            bom: false,
        }
    }
}
