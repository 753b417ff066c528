//! Texts analyzed one at a time by a caller that holds them in memory (a
//! Python process, a worker of a cluster), not read from files: each
//! text's `documents.csv` row, and for a part of a batch the partial
//! summary that merges into the batch statistics ([`crate::batch::partial`]).
//! The rows and statistics are the CLI's, column for column. A text given
//! as bytes (a file's contents) is decoded as the CLI reads a `.txt` file:
//! its encoding detected, bytes that are not valid re-decoded, and the
//! `encoding` and `decode_errors` columns filled in.

use crate::analysis::{analyze_document, Analysis, AnalysisRules};
use crate::batch::{
    metric_decimals, metric_names, summarize_in, summary_against, Batch, BatchPartial, BatchStats,
    Failure, KeynessRules, Stage,
};
use crate::config::{Config, CsvStyle, InputOptions};
use crate::input::{documents_from_owned_bytes, Document, Format, InputError};
use crate::report::parts::{self, ReportFrame};
use crate::report::{document_header, document_row, Cell, TableOptions};
use crate::themes::{ThemeDictionary, ThemeLabel};
use crate::Error;
use rayon::prelude::*;
use std::sync::Arc;

/// One text to analyze: its id, its text, and its group (for group
/// statistics) if the batch is grouped.
#[derive(Debug, Clone)]
pub struct Piece<'a> {
    /// Its id (the `document` column).
    pub id: &'a str,
    /// Its text.
    pub text: PieceText<'a>,
    /// Its group, if any.
    pub group: Option<&'a str>,
}

/// A piece's text: decoded already, or the bytes of a file.
#[derive(Debug, Clone, Copy)]
pub enum PieceText<'a> {
    /// Text (its line ends and Unicode are normalized as the CLI's).
    Text(&'a str),
    /// A plain-text file's bytes, decoded as the CLI reads them.
    Bytes(&'a [u8]),
    /// A file its reader could not find or open: a read failure, as in
    /// the CLI.
    Unreadable,
}

/// Analyzes texts under one configuration (dictionary and rules compiled
/// once).
#[derive(Debug)]
pub struct PieceAnalyzer {
    dictionary: ThemeDictionary,
    rules: AnalysisRules,
    themes: Vec<ThemeLabel>,
    input: InputOptions,
}

/// One key term of a text, as `keyness.csv` has it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyTermOf {
    /// The term.
    pub term: String,
    /// Its signed G² against the rest of the batch.
    pub g2: f64,
    /// Its log ratio (binary log of the ratio of relative frequencies).
    pub log_ratio: f64,
}

/// A `documents.csv` row: (column, cell) in the report's order.
pub type Row = Vec<(String, Cell<'static>)>;

impl PieceAnalyzer {
    /// An analyzer for the options of `config` (its theme dictionary,
    /// stopwords, n-grams, furniture, …; its inputs are not used).
    pub fn new(config: &Config) -> Result<Self, Error> {
        let dictionary = crate::theme_dictionary(config)?;
        let themes = dictionary.labels();
        Ok(PieceAnalyzer {
            rules: crate::analysis_rules(config)?,
            dictionary,
            themes,
            input: config.input.clone(),
        })
    }

    /// The analysis of one text, its line ends and Unicode normalized as
    /// the CLI's reader does (CRLF and CR to LF, NFC).
    pub fn analyze(&self, id: &str, text: &str) -> Analysis {
        let text = crate::input::decode::unix_nfc(text.to_owned());
        let document = Document::from_string(id.to_owned(), text, self.input.keep_furniture);
        analyze_document(&document, &self.dictionary, &self.rules)
    }

    /// The analysis of a piece, or why the CLI would not analyze it (a
    /// blank text is an empty file; bytes may not decode).
    pub fn try_analyze(&self, piece: &Piece<'_>) -> Result<Analysis, InputError> {
        let bytes = match piece.text {
            PieceText::Text(text) if text.trim().is_empty() => return Err(InputError::Empty),
            PieceText::Text(text) => return Ok(self.analyze(piece.id, text)),
            PieceText::Bytes(bytes) => bytes.to_vec(),
            PieceText::Unreadable => return Err(InputError::Missing),
        };
        let loaded = documents_from_owned_bytes(piece.id.into(), bytes, Format::Text, &self.input)?;
        // A plain-text file is one document.
        let document = loaded.into_iter().next().ok_or(InputError::Empty)?;
        let document =
            document.map_err(|failure| InputError::Io(std::io::Error::other(failure.1)))?;
        Ok(analyze_document(&document, &self.dictionary, &self.rules))
    }

    /// The `documents.csv` row of one text.
    pub fn row(&self, id: &str, text: &str) -> Row {
        self.row_of(&self.analyze(id, text))
    }

    /// The `documents.csv` row of an analysis.
    fn row_of(&self, analysis: &Analysis) -> Row {
        let cells = document_row(analysis, &[])
            .into_iter()
            .map(Cell::into_owned);
        document_header(&self.themes)
            .into_iter()
            .zip(cells)
            .collect()
    }

    /// The rows of a part of a batch, and the part's partial summary (to
    /// merge with the other parts' and finalize). A text without words (or
    /// that the CLI would not read: blank, undecodable) has its row, of
    /// zeros, but no part in the statistics. The texts are analyzed in
    /// parallel on the current rayon pool (whose size the caller chooses)
    /// and folded in order, so the result is the same whatever the threads.
    pub fn part(&self, pieces: &[Piece<'_>]) -> (Vec<Row>, BatchPartial) {
        let names = metric_names(&self.themes);
        let mut partial = BatchPartial::new(names, metric_decimals(&self.themes));
        let mut rows = Vec::with_capacity(pieces.len());
        for (piece, analysis) in pieces.iter().zip(self.analyze_all(pieces)) {
            let mut analysis = analysis.unwrap_or_else(|_| self.analyze(piece.id, ""));
            rows.push(self.row_of(&analysis));
            summarize_in(&mut partial, &mut analysis, piece.group.map(str::to_owned));
        }
        (rows, partial)
    }

    /// The second pass over a part of a batch, once the statistics of the
    /// whole batch are final: each report's rows for these texts (CSV,
    /// without header), as [`crate::report::parts`] puts them together.
    /// As in the CLI, a text that cannot be read (blank: "empty file") is a
    /// failure without a row, and a text without words has its row and a
    /// failure; the failures are the part's `errors` rows.
    pub fn report_part(
        &self,
        pieces: &[Piece<'_>],
        stats: Arc<BatchStats>,
        options: TableOptions,
        style: CsvStyle,
    ) -> Result<Vec<(&'static str, Vec<u8>)>, Error> {
        self.check_stats(&stats)?;
        check_min_count(&stats, options.keyness.min_count)?;
        let mut failures = Vec::new();
        let (mut analyses, mut groups) = (Vec::new(), Vec::new());
        for (piece, analysis) in pieces.iter().zip(self.analyze_all(pieces)) {
            match analysis {
                Err(why) => failures.push(Failure::new(piece.id.into(), Stage::Read, why)),
                Ok(analysis) => {
                    if analysis.counts.words == 0 {
                        failures.push(Failure::no_words(analysis.id.clone()));
                    }
                    analyses.push(analysis);
                    groups.push(piece.group.map(str::to_owned));
                }
            }
        }
        let mut part = Batch::part(analyses, groups, stats, self.themes.clone())?;
        part.failures = failures;
        parts::part_rows(&part, options, style).map_err(Error::Spool)
    }

    /// Each text's key terms against the rest of the batch (the rows of
    /// `keyness.csv` for it), by falling G², at most
    /// `rules.top`; none for a text without words or that cannot be read.
    pub fn key_terms(
        &self,
        pieces: &[Piece<'_>],
        stats: &BatchStats,
        rules: KeynessRules,
    ) -> Result<Vec<Vec<KeyTermOf>>, Error> {
        // Terms do not depend on the theme options: no check of the metrics.
        check_min_count(stats, rules.min_count)?;
        let mut found = Vec::with_capacity(pieces.len());
        for analysis in self.analyze_all(pieces) {
            let Ok(mut analysis) = analysis else {
                found.push(Vec::new());
                continue;
            };
            let keys = match summary_against(stats, &mut analysis, None)? {
                Some(summary) => stats.document_keyness(&summary, rules),
                None => Vec::new(),
            };
            let keys = keys.into_iter().map(|key| KeyTermOf {
                term: stats.vocabulary.term(key.term).to_owned(),
                g2: key.keyness.g2,
                log_ratio: key.keyness.log_ratio,
            });
            found.push(keys.collect());
        }
        Ok(found)
    }

    /// The frame of each report (header, and the rows of the statistics
    /// alone) for a batch with these statistics.
    pub fn report_frames(
        &self,
        stats: Arc<BatchStats>,
        options: TableOptions,
        style: CsvStyle,
    ) -> Result<Vec<ReportFrame>, Error> {
        self.check_stats(&stats)?;
        check_min_count(&stats, options.keyness.min_count)?;
        parts::report_frames(stats, self.themes.clone(), options, style).map_err(Error::Spool)
    }

    /// Statistics of other metrics (another dictionary, other options)
    /// cannot score these texts.
    fn check_stats(&self, stats: &BatchStats) -> Result<(), Error> {
        if stats.metric_names != metric_names(&self.themes) {
            return Err(Error::Config(
                "the batch statistics are of other options (theme dictionary, commentary)".into(),
            ));
        }
        Ok(())
    }

    /// The analyses of `pieces`, in parallel on the current rayon pool, in
    /// order.
    fn analyze_all(&self, pieces: &[Piece<'_>]) -> Vec<Result<Analysis, InputError>> {
        pieces
            .par_iter()
            .map(|piece| self.try_analyze(piece))
            .collect()
    }
}

/// Statistics pruned of rare terms give the reports of the unpruned ones
/// only for a `--min-count` at least as high as the pruning's.
fn check_min_count(stats: &BatchStats, min_count: u64) -> Result<(), Error> {
    if min_count >= stats.pruned_below {
        return Ok(());
    }
    Err(Error::Config(format!(
        "the batch statistics were pruned of terms seen fewer than {} times: \
         the reports need a --min-count of at least that",
        stats.pruned_below
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn analyzer() -> PieceAnalyzer {
        PieceAnalyzer::new(&Config::new(Vec::new(), PathBuf::from("unused"))).unwrap()
    }

    #[test]
    fn a_row_holds_every_documents_column_in_order() {
        let row = analyzer().row("piece", "Ministers met. The budget rose by a tenth.");
        let names: Vec<&str> = row.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[..3], ["document", "title", "words"]);
        assert_eq!(row[2].1.render(), "8");
        assert!(names.contains(&"hedging_per_1000"));
    }

    #[test]
    fn a_text_without_words_has_a_row_but_no_part_in_the_statistics() {
        let pieces = [
            Piece {
                id: "a",
                text: PieceText::Text("One two three."),
                group: None,
            },
            Piece {
                id: "b",
                text: PieceText::Text(""),
                group: None,
            },
            Piece {
                id: "c",
                text: PieceText::Text("Four five."),
                group: None,
            },
        ];
        let (rows, partial) = analyzer().part(&pieces);
        assert_eq!(rows.len(), 3);
        assert_eq!(partial.documents(), 2, "the empty text takes no part");
    }
}
