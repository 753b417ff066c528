//! The command line as the user types it (clap derive), and the one function
//! that turns it into the library's plain [`Config`].

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use textgauge::config::{
    AnalysisOptions, BatchOptions, Config, CsvStyle, FolderOptions, GroupBy, InputOptions,
    InputSpec, ReportOptions, RowOptions, Stopwords, TermOptions,
};

/// Measure commentary pieces: readability, terms, themes, as CSV reports.
#[derive(Debug, Parser)]
#[command(name = "textgauge", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyze articles and write CSV reports.
    Analyze(Box<AnalyzeArgs>),
    /// Print syllable counts as CSV `word,syllables` (words from arguments, or one per line on stdin).
    Syllables(SyllablesArgs),
    /// Print the built-in theme dictionary as CSV (the format --themes reads).
    Themes(ThemesArgs),
}

/// Options of `textgauge themes`.
#[derive(Debug, Args)]
pub struct ThemesArgs {
    /// Which built-in dictionary to print: `themes` (the topic themes) or
    /// one of the commentary pack's (`hedging`, `boosters`, `attribution`,
    /// `concession`, `first_person`).
    #[arg(default_value = "themes", value_parser = parse_built_in)]
    pub name: String,
    /// List every built-in dictionary with its size instead, as CSV.
    #[arg(long)]
    pub list: bool,
}

fn parse_built_in(name: &str) -> Result<String, String> {
    match textgauge::themes::built_in::find(name) {
        Some(found) => Ok(found.name.to_owned()),
        None => {
            let names: Vec<&str> = textgauge::themes::built_in::BUILT_INS
                .iter()
                .map(|b| b.name)
                .collect();
            Err(format!(
                "no built-in dictionary `{name}`: one of {}",
                names.join(", ")
            ))
        }
    }
}

/// Options of `textgauge analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Files, folders (searched recursively for .txt .md .html .csv .tsv
    /// .jsonl…) or `-` for standard input [default: seeds/].
    pub paths: Vec<PathBuf>,
    /// Folder to write the reports to.
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// Use the theme dictionary in this file: CSV (header `theme,pattern`,
    /// optionally `weight` and `case`), LIWC `.dic` or `.dicx`, or quanteda
    /// YAML (`.yml`).
    #[arg(long, value_name = "FILE")]
    pub themes: Option<PathBuf>,
    /// Also write sentences.csv.
    #[arg(long)]
    pub sentences: bool,
    /// Count a theme match that `not`, `no`, `never`, `without`… comes
    /// before (within three words, in its sentence) as negated, apart.
    #[arg(long)]
    pub theme_negation: bool,
    /// Leave out the commentary pack (hedging, boosters, attribution,
    /// concession, first-person stance: see `textgauge themes --list`).
    #[arg(long)]
    pub no_commentary: bool,
    /// Also write kwic.csv: every theme match with the words around it in
    /// its sentence, to check what the matches mean.
    #[arg(long)]
    pub kwic: bool,
    /// Words of context either side of a match in kwic.csv.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub kwic_window: usize,
    /// Keep trailing page furniture (author boxes, comment forms, CSS) in the counts.
    #[arg(long)]
    pub keep_furniture: bool,
    /// Worker threads [default: one per core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// Start each CSV with a UTF-8 byte-order mark (Excel then reads it as UTF-8).
    #[arg(long)]
    pub bom: bool,
    /// Also write every report as a sheet of this Excel workbook.
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// Write text cells exactly as they are, without the `'` that stops
    /// spreadsheets evaluating `=…` or turning `11-12` into a date.
    #[arg(long)]
    pub raw_csv: bool,
    /// CSV field separator: `,` `;` `tab` or `|`.
    #[arg(long, value_name = "CHAR", default_value = ",", value_parser = parse_delimiter)]
    pub delimiter: u8,
    /// Write decimals with a comma (needs --delimiter other than `,`).
    #[arg(long)]
    pub decimal_comma: bool,
    /// CSV for Excel in a decimal-comma locale (German, French, Spanish, …):
    /// the same as --delimiter ';' --decimal-comma --bom.
    #[arg(long, conflicts_with_all = ["delimiter", "decimal_comma"])]
    pub european: bool,
    /// Read every input in this encoding (e.g. windows-1252, latin1, utf-16le, shift_jis)
    /// instead of detecting it.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Group documents by the folder that holds them (`folder`) or by a
    /// metadata column; adds groups.csv and group keyness.
    #[arg(long, value_name = "folder|COLUMN")]
    pub group_by: Option<String>,
    /// Compare against this reference corpus (a file or folder; repeat for
    /// several) instead of against the rest of the batch.
    #[arg(long, value_name = "PATH")]
    pub reference: Vec<PathBuf>,
    /// Terms kept a document (and a group) in terms.csv and keyness.csv.
    #[arg(long, value_name = "N", default_value_t = 25, value_parser = clap::value_parser!(u32).range(1..))]
    pub top: u32,
    /// Keep every term of every document in terms.csv.
    #[arg(long)]
    pub all_terms: bool,
    /// Keyness rows only for a signed G² above X (3.84: p < 0.05; 6.63:
    /// p < 0.01; 10.83: p < 0.001) [default: 0, every over-used term].
    #[arg(
        long,
        value_name = "X",
        default_value_t = 0.0,
        allow_negative_numbers = true,
        value_parser = parse_finite
    )]
    pub min_g2: f64,
    /// Leave out of the term reports terms seen fewer than N times in the batch.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_count: u64,
    /// Words left out of terms, keyness and TF-IDF (never out of readability):
    /// `english` (Snowball's list), `none`, or a file of words.
    #[arg(long, value_name = "english|none|FILE", default_value = "english")]
    pub stopwords: String,
    /// Count n-grams of A to B words (`1-3`, or `2` for bigrams only); they
    /// never cross a sentence boundary.
    #[arg(long, value_name = "A-B", default_value = "1", value_parser = parse_ngrams)]
    pub ngrams: (usize, usize),
    /// Count terms by their Snowball (Porter 2) English stem.
    #[arg(long)]
    pub stem: bool,
    /// CSV/TSV inputs: the column holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_column: String,
    /// CSV/TSV inputs: the column holding each row's id [default: the row number].
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,
    /// CSV/TSV inputs: the column holding the headline.
    #[arg(long, value_name = "NAME")]
    pub title_column: Option<String>,
    /// JSON lines inputs: the field holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// JSON lines inputs: the field holding each line's id [default: the line number].
    #[arg(long, value_name = "NAME")]
    pub id_field: Option<String>,
    /// JSON lines inputs: the field holding the headline.
    #[arg(long, value_name = "NAME")]
    pub title_field: Option<String>,
    /// A CSV file whose first column names documents (by id or file name)
    /// and whose other columns are attached to them as metadata.
    #[arg(long, value_name = "FILE")]
    pub metadata: Option<PathBuf>,
    /// File endings read from folders, comma-separated
    /// [default: txt,md,markdown,html,htm,csv,tsv,jsonl].
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub ext: Vec<String>,
    /// Read from folders only files whose path below the folder matches
    /// this glob (repeatable; `*.html`, `sport/**`).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Leave out files of folders whose path matches this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// The MATTR window, in words.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub mattr_window: usize,
}

/// A finite number (not `nan` or `inf`).
fn parse_finite(value: &str) -> Result<f64, String> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| format!("`{value}` is not a finite number"))
}

/// `A-B` or `N`: n-gram lengths from 1 to 5.
fn parse_ngrams(value: &str) -> Result<(usize, usize), String> {
    let parse = |n: &str| {
        n.trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=5).contains(n))
    };
    let range = match value.split_once('-') {
        Some((a, b)) => parse(a).zip(parse(b)),
        None => parse(value).map(|n| (n, n)),
    };
    range.filter(|(a, b)| a <= b).ok_or_else(|| {
        format!("`{value}` is not an n-gram range: write A-B with 1 <= A <= B <= 5, e.g. 1-3")
    })
}

/// `,`, `;`, `|`, or a tab written `tab` or `\t`.
fn parse_delimiter(value: &str) -> Result<u8, String> {
    match value {
        "," | ";" | "|" => Ok(value.as_bytes()[0]),
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ => Err(format!(
            "`{value}` is not a delimiter: use `,` `;` `tab` or `|`"
        )),
    }
}

/// An encoding by any of its WHATWG labels.
fn parse_encoding(value: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(value.trim().as_bytes()).ok_or_else(|| {
        format!("unknown encoding `{value}`: try utf-8, windows-1252, latin1, utf-16le, utf-16be, shift_jis")
    })
}

/// Options of `textgauge syllables`.
#[derive(Debug, Args)]
pub struct SyllablesArgs {
    /// Words to count [default: one per line from standard input].
    pub words: Vec<String>,
    /// Use the spelling rules alone, without the pronouncing dictionary.
    #[arg(long)]
    pub rules_only: bool,
}

impl AnalyzeArgs {
    /// The library configuration for these options.
    pub fn to_config(&self) -> Config {
        let inputs = if self.paths.is_empty() {
            vec![InputSpec::Path(PathBuf::from("seeds"))]
        } else {
            self.paths
                .iter()
                .map(|p| {
                    if p.as_os_str() == "-" {
                        InputSpec::Stdin
                    } else {
                        InputSpec::Path(p.clone())
                    }
                })
                .collect()
        };
        let mut config = Config::new(inputs, self.out.clone());
        config.themes_file = self.themes.clone();
        config.jobs = self.jobs.map(usize::from);
        config.input = InputOptions {
            keep_furniture: self.keep_furniture,
            encoding: self.encoding,
            folders: FolderOptions {
                extensions: if self.ext.is_empty() {
                    FolderOptions::default().extensions
                } else {
                    self.ext.iter().map(|e| e.trim().to_owned()).collect()
                },
                include: self.include.clone(),
                exclude: self.exclude.clone(),
            },
            rows: RowOptions {
                text_column: self.text_column.clone(),
                id_column: self.id_column.clone(),
                title_column: self.title_column.clone(),
                text_field: self.text_field.clone(),
                id_field: self.id_field.clone(),
                title_field: self.title_field.clone(),
            },
            metadata: self.metadata.clone(),
            streaming: Default::default(),
        };
        config.analysis = AnalysisOptions {
            mattr_window: self.mattr_window,
            theme_negation: self.theme_negation,
            commentary: !self.no_commentary,
            terms: TermOptions {
                stopwords: match self.stopwords.as_str() {
                    "english" => Stopwords::English,
                    "none" => Stopwords::None,
                    file => Stopwords::File(PathBuf::from(file)),
                },
                stem: self.stem,
                ngrams: self.ngrams,
            },
        };
        config.batch = BatchOptions {
            group_by: self.group_by.as_deref().map(|by| match by {
                "folder" => GroupBy::Folder,
                column => GroupBy::Column(column.to_owned()),
            }),
            reference: self.reference.clone(),
            top: self.top as usize,
            all_terms: self.all_terms,
            min_count: self.min_count,
            min_g2: self.min_g2,
        };
        config.report = ReportOptions {
            sentences: self.sentences,
            kwic: self.kwic.then_some(self.kwic_window),
            csv: CsvStyle {
                delimiter: if self.european { b';' } else { self.delimiter },
                decimal_comma: self.decimal_comma || self.european,
                bom: self.bom || self.european,
                spreadsheet_safe: !self.raw_csv,
            },
            xlsx: self.xlsx.clone(),
        };
        config
    }
}
