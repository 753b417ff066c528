//! Reports: the batch's results as tables, and one exporter per file format
//! behind one small trait ("tables in, files out"), so CSV and later formats
//! sit side by side. Files are written whole or not at all.

use std::borrow::Cow;

mod columns;
mod csv_format;
mod tables;
mod write;

pub use csv_format::CsvExporter;
pub use tables::{build_tables, TableOptions};
pub use write::write_atomically;

/// One value of a report; text is borrowed from the analyses where it can be.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Text.
    Text(Cow<'a, str>),
    /// A whole number.
    Count(usize),
    /// A measure with this many decimals; `None` (undefined) is an empty cell.
    Number(Option<f64>, usize),
    /// Yes or no, written `true`/`false`.
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
            Cell::Flag(flag) => out.push_str(if *flag { "true" } else { "false" }),
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

/// A report: a file stem (`documents`), a header and rows.
pub struct Table<'a> {
    /// File stem, e.g. `documents`, `terms`.
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

/// A report format: turns tables into named files' bytes.
pub trait Exporter {
    /// The files to write: (file name, contents).
    fn export(&self, tables: Vec<Table<'_>>) -> Result<Vec<(String, Vec<u8>)>, std::io::Error>;
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
}
