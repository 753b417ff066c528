//! A batch's CSV reports written in parts, for a batch cut across the
//! workers of a cluster (Spark, Dask): whoever finalized the batch
//! statistics writes each report's frame (its header, and the rows that
//! come from the statistics alone: `corpus_terms`, `groups`, the group rows
//! of `keyness`), each worker writes its documents' rows, and a report is
//! its frame's head, the parts' rows in batch order, then its frame's tail.
//! `errors` has a frame too, but is written (as by the CLI) only when a
//! part has failures.
//! Every row is made by the same table builders as the CLI's
//! ([`super::build_tables`]), so the assembled files are the CLI's, byte
//! for byte.

use super::tables::header;
use super::{build_tables, CsvExporter, Table, TableOptions, ERRORS_COLUMNS};
use crate::batch::{Batch, BatchStats, DocumentStore};
use crate::config::CsvStyle;
use crate::themes::ThemeLabel;
use std::io::{self, Write};
use std::sync::Arc;

/// What one report starts and ends with, around its documents' rows.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFrame {
    /// The report (`documents`, the file stem).
    pub name: &'static str,
    /// The byte-order mark (if asked for) and the header line.
    pub head: Vec<u8>,
    /// The rows that come from the batch statistics alone.
    pub tail: Vec<u8>,
}

/// The frame of every report of a batch with these statistics and themes.
pub fn report_frames(
    stats: Arc<BatchStats>,
    themes: Vec<ThemeLabel>,
    options: TableOptions,
    style: CsvStyle,
) -> io::Result<Vec<ReportFrame>> {
    let mut no_documents = DocumentStore::default();
    no_documents.seal()?;
    let batch = Batch::new(no_documents, Vec::new(), stats, themes);
    let exporter = exporter(style);
    let options = TableOptions {
        batch_rows: true,
        ..options
    };
    let mut frames = (build_tables(&batch, options).into_iter())
        .map(|table| frame(&exporter, table))
        .collect::<io::Result<Vec<ReportFrame>>>()?;
    // Parts may have failures; the statistics alone have none.
    let errors = Table::new("errors", header(&ERRORS_COLUMNS), std::iter::empty());
    frames.push(frame(&exporter, errors)?);
    Ok(frames)
}

/// One table's frame: its header, and its rows (those of the statistics).
fn frame(exporter: &CsvExporter, table: Table<'_>) -> io::Result<ReportFrame> {
    let mut head = Vec::new();
    exporter.write_header(&table.header, &mut head)?;
    let mut tail = Vec::new();
    exporter.write_rows(table.rows, &mut tail)?;
    Ok(ReportFrame {
        name: table.name,
        head,
        tail,
    })
}

/// The rows of each report for the documents of `part` (a batch part,
/// see [`Batch::part`]), without headers or the statistics' own rows.
pub fn part_rows(
    part: &Batch,
    options: TableOptions,
    style: CsvStyle,
) -> io::Result<Vec<(&'static str, Vec<u8>)>> {
    let exporter = exporter(style);
    let options = TableOptions {
        batch_rows: false,
        ..options
    };
    let rows = build_tables(part, options).into_iter().map(|table| {
        let mut bytes = Vec::new();
        exporter.write_rows(table.rows, &mut bytes)?;
        Ok((table.name, bytes))
    });
    let rows = rows.collect::<io::Result<Vec<_>>>()?;
    part.analyses.check()?;
    Ok(rows)
}

/// One report: its frame's head, the parts' rows in batch order, its tail.
pub fn assemble<'a>(
    frame: &ReportFrame,
    parts: impl IntoIterator<Item = &'a [u8]>,
    out: &mut impl Write,
) -> io::Result<()> {
    out.write_all(&frame.head)?;
    for rows in parts {
        out.write_all(rows)?;
    }
    out.write_all(&frame.tail)
}

fn exporter(style: CsvStyle) -> CsvExporter {
    CsvExporter {
        dir: Default::default(),
        style,
    }
}
