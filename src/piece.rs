//! Texts analyzed one at a time by a caller that holds them in memory (a
//! Python process, a worker of a cluster), not read from files: each
//! text's `documents.csv` row, and for a part of a batch the partial
//! summary that merges into the batch statistics ([`crate::batch::partial`]).
//! The rows and statistics are the CLI's, column for column.

use crate::analysis::{analyze_document, Analysis, AnalysisRules};
use crate::batch::{metric_decimals, metric_names, summarize_in, BatchPartial};
use crate::config::Config;
use crate::input::Document;
use crate::report::{document_header, document_row, Cell};
use crate::themes::{ThemeDictionary, ThemeLabel};
use crate::Error;
use rayon::prelude::*;

/// One text to analyze: its id, its text, and its group (for group
/// statistics) if the batch is grouped.
#[derive(Debug, Clone)]
pub struct Piece<'a> {
    /// Its id (the `document` column).
    pub id: &'a str,
    /// Its text.
    pub text: &'a str,
    /// Its group, if any.
    pub group: Option<&'a str>,
}

/// Analyzes texts under one configuration (dictionary and rules compiled
/// once).
#[derive(Debug)]
pub struct PieceAnalyzer {
    dictionary: ThemeDictionary,
    rules: AnalysisRules,
    themes: Vec<ThemeLabel>,
    keep_furniture: bool,
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
            keep_furniture: config.input.keep_furniture,
        })
    }

    /// The analysis of one text, its line ends and Unicode normalized as
    /// the CLI's reader does (CRLF and CR to LF, NFC).
    pub fn analyze(&self, id: &str, text: &str) -> Analysis {
        let text = crate::input::decode::unix_nfc(text.to_owned());
        let document = Document::from_string(id.to_owned(), text, self.keep_furniture);
        analyze_document(&document, &self.dictionary, &self.rules)
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

    /// The rows of a part of a batch whose first text is at position
    /// `first` of the batch, and the part's partial summary (to merge with
    /// the other parts' and finalize). A text without words has its row
    /// but no part in the statistics, as in the CLI. The texts are
    /// analyzed in parallel on the current rayon pool (whose size the
    /// caller chooses) and folded in order, so the result is the same
    /// whatever the threads.
    pub fn part(&self, pieces: &[Piece<'_>], first: u64) -> (Vec<Row>, BatchPartial) {
        let names = metric_names(&self.themes);
        let decimals = metric_decimals(&self.themes);
        let mut partial = BatchPartial::new(names, decimals).starting_at(first);
        let mut rows = Vec::with_capacity(pieces.len());
        // In parallel on the current rayon pool, folded in order.
        let analyses: Vec<Analysis> = pieces
            .par_iter()
            .map(|piece| self.analyze(piece.id, piece.text))
            .collect();
        for (piece, mut analysis) in pieces.iter().zip(analyses) {
            rows.push(self.row_of(&analysis));
            summarize_in(&mut partial, &mut analysis, piece.group.map(str::to_owned));
        }
        (rows, partial)
    }

    /// The themes, as the rows name their rates.
    pub fn themes(&self) -> &[ThemeLabel] {
        &self.themes
    }
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
    fn a_part_starts_at_its_position() {
        let pieces = [
            Piece {
                id: "a",
                text: "One two three.",
                group: None,
            },
            Piece {
                id: "b",
                text: "",
                group: None,
            },
            Piece {
                id: "c",
                text: "Four five.",
                group: None,
            },
        ];
        let (rows, partial) = analyzer().part(&pieces, 10);
        assert_eq!(rows.len(), 3);
        let positions: Vec<u64> = partial.documents.iter().map(|d| d.position).collect();
        assert_eq!(positions, [10, 11], "the empty text takes no part");
    }
}
