//! The command line as the user types it (clap derive), and the one function
//! that turns it into the library's plain [`Config`].

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use textgauge::config::{Config, CsvStyle, InputOptions, InputSpec, ReportOptions};

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
    Analyze(AnalyzeArgs),
    /// Print syllable counts as CSV `word,syllables` (words from arguments, or one per line on stdin).
    Syllables(SyllablesArgs),
    /// Print the built-in theme dictionary as CSV (the format --themes reads).
    Themes,
}

/// Options of `textgauge analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Files, folders (searched recursively for .txt and .md) or `-` for standard input [default: seeds/].
    pub paths: Vec<PathBuf>,
    /// Folder to write the reports to.
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// Use the theme dictionary in this CSV file (header `theme,pattern`).
    #[arg(long, value_name = "FILE")]
    pub themes: Option<PathBuf>,
    /// Also write sentences.csv.
    #[arg(long)]
    pub sentences: bool,
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
        };
        config.report = ReportOptions {
            sentences: self.sentences,
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
