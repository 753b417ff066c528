//! Plain settings the library takes, one struct per stage. The command line
//! (clap) is turned into a [`Config`] in one place (`cli.rs`); nothing in the
//! library knows about clap.

use std::path::PathBuf;

/// Where one batch input comes from, as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSpec {
    /// A file or a folder (searched recursively for text files).
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InputOptions {
    /// Keep trailing page furniture (author boxes, comment forms, CSS) in the counts.
    pub keep_furniture: bool,
    /// Decode every input with this encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// How CSV reports are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvStyle {
    /// The field separator: `,` (the default), `;` or tab.
    pub delimiter: u8,
    /// Write `,` as the decimal mark (with a delimiter other than `,`).
    pub decimal_comma: bool,
    /// Start each file with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
    /// Neutralize text cells that a spreadsheet would read as a formula,
    /// number, date or boolean (on by default; `--raw-csv` turns it off).
    pub spreadsheet_safe: bool,
}

impl Default for CsvStyle {
    fn default() -> Self {
        CsvStyle {
            delimiter: b',',
            decimal_comma: false,
            bom: false,
            spreadsheet_safe: true,
        }
    }
}

/// Which reports are written, and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Also write `sentences.csv`.
    pub sentences: bool,
    /// The CSV dialect.
    pub csv: CsvStyle,
    /// Also write every report as a sheet of this workbook.
    pub xlsx: Option<PathBuf>,
}

/// Everything `analyze` and `write_reports` need to know.
#[derive(Debug, Clone)]
pub struct Config {
    /// The inputs, in the order given.
    pub inputs: Vec<InputSpec>,
    /// Folder the reports are written to.
    pub out_dir: PathBuf,
    /// A theme dictionary file to use instead of the built-in one.
    pub themes_file: Option<PathBuf>,
    /// Worker threads (`None`: one per core).
    pub jobs: Option<usize>,
    /// How inputs are read.
    pub input: InputOptions,
    /// Which reports are written, and how.
    pub report: ReportOptions,
}

impl Config {
    /// A configuration with the SPEC's defaults: read `seeds/`, write `reports/`.
    pub fn new(inputs: Vec<InputSpec>, out_dir: PathBuf) -> Self {
        Config {
            inputs,
            out_dir,
            themes_file: None,
            jobs: None,
            input: InputOptions::default(),
            report: ReportOptions::default(),
        }
    }
}
