//! Reports: the batch's results as tables, and one exporter per file format
//! behind one small trait ("tables in, files out"), so CSV and later formats
//! sit side by side. Files are written whole or not at all.

mod columns;
mod csv_format;
mod tables;
mod write;

pub use csv_format::CsvExporter;
pub use tables::{build_tables, TableOptions};
pub use write::write_atomically;

/// One value of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A whole number.
    Count(usize),
    /// A measure with this many decimals; `None` (undefined) is an empty cell.
    Number(Option<f64>, usize),
    /// Yes or no, written `true`/`false`.
    Flag(bool),
}

impl Cell {
    /// The cell as text: `.` decimal point, no thousands separators, an
    /// empty string for an undefined or non-finite value, never `-0.00`.
    pub fn render(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Flag(flag) => flag.to_string(),
            Cell::Number(Some(value), decimals) if value.is_finite() => {
                let text = format!("{value:.decimals$}");
                let is_zero = text
                    .trim_start_matches('-')
                    .chars()
                    .all(|c| c == '0' || c == '.');
                if is_zero {
                    text.trim_start_matches('-').to_owned()
                } else {
                    text
                }
            }
            Cell::Number(..) => String::new(),
        }
    }
}

/// A report: a file stem (`documents`), a header and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// File stem, e.g. `documents`, `terms`.
    pub name: &'static str,
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

/// A report format: turns tables into named files' bytes.
pub trait Exporter {
    /// The files to write: (file name, contents).
    fn export(&self, tables: &[Table]) -> Result<Vec<(String, Vec<u8>)>, std::io::Error>;
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
    }
}
