//! Reports: the batch's results as tables, and one exporter per file format
//! behind one small trait ("tables in, files out"), so CSV and XLSX sit side
//! by side. Spreadsheet safety (formula neutralizing, cells that must not
//! change type on import) lives here, once, in [`spreadsheet_safety`].
//! Files are staged beside their targets and renamed into place together,
//! so a run writes its reports whole or not at all.

use std::borrow::Cow;

mod columns;
mod csv_format;
pub mod spreadsheet_safety;
mod staging;
mod tables;
#[cfg(feature = "xlsx")]
mod xlsx_format;

pub use csv_format::CsvExporter;
pub use staging::{
    previous_reports, remove_stale_reports, remove_stale_temporaries, Staging, MANIFEST,
};
pub use tables::{build_tables, TableOptions, REPORT_NAMES};
#[cfg(feature = "xlsx")]
pub use xlsx_format::{XlsxExporter, EXCEL_MAX_CELL_CHARS, EXCEL_MAX_ROWS};

/// One value of a report; text is borrowed from the analyses where it can be.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Text.
    Text(Cow<'a, str>),
    /// A whole number.
    Count(usize),
    /// A measure with this many decimals; `None` (undefined) is an empty cell.
    Number(Option<f64>, usize),
    /// Yes or no, written as the number 1 or 0 so that every spreadsheet in
    /// every locale imports it the same way (a word such as `true` is a
    /// boolean in English Excel and text in German Excel).
    Flag(bool),
}

impl Cell<'_> {
    /// The cell as text: `.` decimal point, no thousands separators, an
    /// empty string for an undefined or non-finite value, never `-0.00`.
    pub fn render(&self) -> String {
        let mut text = String::new();
        self.render_into(&mut text);
        text
    }

    /// Append the cell's text to `out` (see [`Cell::render`]).
    pub fn render_into(&self, out: &mut String) {
        use std::fmt::Write;
        let start = out.len();
        match self {
            Cell::Text(text) => out.push_str(text),
            // Writing into a String cannot fail.
            Cell::Count(n) => {
                let _ = write!(out, "{n}");
            }
            Cell::Flag(flag) => out.push(if *flag { '1' } else { '0' }),
            Cell::Number(Some(value), decimals) if value.is_finite() => {
                let _ = write!(out, "{value:.decimals$}");
                let digits = &out[start + 1..];
                if out[start..].starts_with('-') && digits.chars().all(|c| c == '0' || c == '.') {
                    out.remove(start);
                }
            }
            Cell::Number(..) => {}
        }
    }
}

/// A text cell borrowing `text`.
pub fn text(text: &str) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(text))
}

/// The rows of a report, produced one at a time as an exporter writes them,
/// so a large batch is never held as cells all at once.
pub type Rows<'a> = Box<dyn Iterator<Item = Vec<Cell<'a>>> + 'a>;

/// A report: a name (`documents`, the CSV file stem and the sheet name), a
/// header and rows.
pub struct Table<'a> {
    /// File stem and sheet name, e.g. `documents`, `terms`.
    pub name: &'static str,
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as long as the header, in report order.
    pub rows: Rows<'a>,
}

impl<'a> Table<'a> {
    /// A table whose rows come from `rows`.
    pub fn new(
        name: &'static str,
        header: Vec<String>,
        rows: impl Iterator<Item = Vec<Cell<'a>>> + 'a,
    ) -> Self {
        Table {
            name,
            header,
            rows: Box::new(rows),
        }
    }
}

/// A report format: writes tables as files, each staged through `staging`
/// so that nothing is in place until the whole run commits.
pub trait Exporter {
    /// Write `tables`; return warnings for the user (a sheet cut at a
    /// format's limit, say), each naming what it is about.
    fn export(&self, tables: Vec<Table<'_>>, staging: &mut Staging)
        -> std::io::Result<Vec<String>>;
}

#[cfg(test)]
mod tests {
    use super::Cell;

    #[test]
    fn numbers_render_plainly() {
        assert_eq!(Cell::Number(Some(12.3456), 2).render(), "12.35");
        assert_eq!(Cell::Number(Some(-0.001), 2).render(), "0.00");
        assert_eq!(Cell::Number(Some(-1.5), 1).render(), "-1.5");
        assert_eq!(Cell::Number(Some(1234567.0), 0).render(), "1234567");
        assert_eq!(Cell::Number(None, 2).render(), "");
        assert_eq!(Cell::Number(Some(f64::NAN), 2).render(), "");
        assert_eq!(Cell::Number(Some(f64::INFINITY), 2).render(), "");
        assert_eq!(super::text("-").render(), "-");
        assert_eq!(
            super::text("-0.00").render(),
            "-0.00",
            "text is never rewritten"
        );
    }

    #[test]
    fn flags_are_one_and_zero() {
        assert_eq!(Cell::Flag(true).render(), "1");
        assert_eq!(Cell::Flag(false).render(), "0");
    }
}
