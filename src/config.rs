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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputOptions {
    /// Keep page furniture (author boxes, comment forms, CSS) in the counts.
    pub keep_furniture: bool,
    /// Decode every input with this encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Which files a folder walk reads.
    pub folders: FolderOptions,
    /// How rows of `.csv`, `.tsv` and `.jsonl` files become documents.
    pub rows: RowOptions,
    /// A CSV file attaching metadata columns to documents by id or file name.
    pub metadata: Option<PathBuf>,
    /// Which plain-text files are read in sections, and how large those are.
    pub streaming: crate::input::Streaming,
}

/// The file textgauge writes into every report folder, listing the
/// reports of the last run. A folder walk skips a folder that holds one,
/// so that reports written inside an input folder are never read back.
pub const REPORTS_MANIFEST: &str = ".textgauge-reports";

/// File endings read from folders when none are given.
pub const DEFAULT_EXTENSIONS: [&str; 8] = [
    "txt", "md", "markdown", "html", "htm", "csv", "tsv", "jsonl",
];

/// Which files a folder walk reads (a file named directly is always read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderOptions {
    /// File endings read, lowercase, without the dot.
    pub extensions: Vec<String>,
    /// Globs a file's path must match one of (none: every file).
    pub include: Vec<String>,
    /// Globs that leave a file out.
    pub exclude: Vec<String>,
}

impl Default for FolderOptions {
    fn default() -> Self {
        FolderOptions {
            extensions: DEFAULT_EXTENSIONS.iter().map(|e| (*e).to_owned()).collect(),
            include: Vec::new(),
            exclude: Vec::new(),
        }
    }
}

/// Which columns (CSV, TSV) or fields (JSON lines) of a row hold what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowOptions {
    /// The column holding the text (`--text-column`; default `text`).
    pub text_column: String,
    /// The column holding the row's id (`--id-column`; default: the row number).
    pub id_column: Option<String>,
    /// The column holding the headline (`--title-column`).
    pub title_column: Option<String>,
    /// The JSON field holding the text (`--text-field`; default `text`).
    pub text_field: String,
    /// The JSON field holding the id (`--id-field`).
    pub id_field: Option<String>,
    /// The JSON field holding the headline (`--title-field`).
    pub title_field: Option<String>,
}

impl Default for RowOptions {
    fn default() -> Self {
        RowOptions {
            text_column: "text".into(),
            id_column: None,
            title_column: None,
            text_field: "text".into(),
            id_field: None,
            title_field: None,
        }
    }
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

/// Which words are left out of the terms (never out of readability counts).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Stopwords {
    /// The built-in English list (Snowball's).
    #[default]
    English,
    /// None: every word is a term.
    None,
    /// A list read from a file: words separated by white space or commas,
    /// `#` starts a comment line.
    File(PathBuf),
}

/// How words become terms (`terms.csv`, keyness, TF-IDF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermOptions {
    /// Words left out.
    pub stopwords: Stopwords,
    /// Count the Snowball English stem instead of the word.
    pub stem: bool,
    /// Count n-grams of this many words, shortest to longest (both ≥ 1).
    pub ngrams: (usize, usize),
}

impl Default for TermOptions {
    fn default() -> Self {
        TermOptions {
            stopwords: Stopwords::English,
            stem: false,
            ngrams: (1, 1),
        }
    }
}

/// How one document is analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisOptions {
    /// The MATTR window, in words.
    pub mattr_window: usize,
    /// Count theme matches after a negator apart, as `negated`.
    pub theme_negation: bool,
    /// Also count the commentary pack's themes (hedging, boosters,
    /// attribution, concession, first-person stance).
    pub commentary: bool,
    /// How words become terms.
    pub terms: TermOptions,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            // Covington & McFall (2010); `metrics::diversity::MATTR_WINDOW`.
            mattr_window: 50,
            theme_negation: false,
            commentary: true,
            terms: TermOptions::default(),
        }
    }
}

/// What documents are grouped by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupBy {
    /// The folder that holds the file (`bbc/sport/012.txt` → `sport`).
    Folder,
    /// A metadata column of the inputs.
    Column(String),
}

/// How the batch is compared.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchOptions {
    /// Group documents, and compare the groups.
    pub group_by: Option<GroupBy>,
    /// Compare against this reference corpus instead of the rest of the batch.
    pub reference: Vec<PathBuf>,
    /// Terms kept a document (and a group) in `terms.csv` and `keyness.csv`.
    pub top: usize,
    /// Keep every term of every document in `terms.csv`.
    pub all_terms: bool,
    /// Leave out terms seen fewer times than this in the whole batch.
    pub min_count: u64,
    /// Keep keyness rows with a signed G² above this (0: over-used terms).
    pub min_g2: f64,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            group_by: None,
            reference: Vec::new(),
            top: 25,
            all_terms: false,
            min_count: 1,
            min_g2: 0.0,
        }
    }
}

/// Which reports are written, and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Also write `sentences.csv`.
    pub sentences: bool,
    /// Also write `kwic.csv`, each theme match with this many words of its
    /// sentence either side.
    pub kwic: Option<usize>,
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
    /// How each document is analyzed.
    pub analysis: AnalysisOptions,
    /// How the batch is compared.
    pub batch: BatchOptions,
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
            analysis: AnalysisOptions::default(),
            batch: BatchOptions::default(),
            report: ReportOptions::default(),
        }
    }
}
