//! The command line as the user types it (clap derive), and the one function
//! that turns it into the library's plain [`Config`].

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use textgauge::config::{Config, InputSpec};

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
    /// Start each CSV with a UTF-8 byte-order mark (helps Excel).
    #[arg(long)]
    pub bom: bool,
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
        config.write_sentences = self.sentences;
        config.keep_furniture = self.keep_furniture;
        config.jobs = self.jobs.map(usize::from);
        config.bom = self.bom;
        config
    }
}
