//! Reports: the batch's results as tables, and one exporter per file format
//! behind one small trait ("tables in, files out"), so CSV and XLSX sit side
//! by side. Spreadsheet safety (formula neutralizing, cells that must not
//! change type on import) lives here, once, in [`spreadsheet_safety`].
//! Files are staged beside their targets and renamed into place together,
//! so a run writes its reports whole or not at all.

use crate::stats::histogram::fast_units;
use std::borrow::Cow;

mod columns;
pub use columns::{document_header, document_row};
mod comparison;
mod csv_format;
pub mod parts;
pub mod spreadsheet_safety;
mod staging;
mod tables;
#[cfg(feature = "xlsx")]
mod xlsx_format;

pub use csv_format::CsvExporter;
pub use staging::{
    previous_reports, remove_stale_reports, remove_stale_temporaries, Staging, MANIFEST,
};
pub use tables::{build_tables, TableOptions, ERRORS_COLUMNS, REPORT_NAMES};
#[cfg(feature = "xlsx")]
pub use xlsx_format::{XlsxExporter, EXCEL_MAX_CELL_CHARS, EXCEL_MAX_ROWS};

/// Rows a spreadsheet sheet holds, header included (Excel since 2007,
/// LibreOffice since 7.4): 2^20.
pub const SPREADSHEET_MAX_ROWS: usize = 1_048_576;

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
    /// A probability: six decimals, or scientific notation (`2.311e-9`)
    /// below 0.0001, so that very small p-values keep their size.
    Probability(Option<f64>),
}

impl Cell<'_> {
    /// The same cell owning its text.
    pub fn into_owned(self) -> Cell<'static> {
        match self {
            Cell::Text(text) => Cell::Text(Cow::Owned(text.into_owned())),
            Cell::Count(n) => Cell::Count(n),
            Cell::Number(value, decimals) => Cell::Number(value, decimals),
            Cell::Flag(flag) => Cell::Flag(flag),
            Cell::Probability(p) => Cell::Probability(p),
        }
    }

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
                if !push_fixed(out, *value, *decimals) {
                    let _ = write!(out, "{value:.decimals$}");
                }
                let digits = &out[start + 1..];
                if out[start..].starts_with('-') && digits.chars().all(|c| c == '0' || c == '.') {
                    out.remove(start);
                }
            }
            Cell::Number(..) => {}
            Cell::Probability(Some(p)) if p.is_finite() && *p > 0.0 && *p < 1e-4 => {
                let _ = write!(out, "{p:.3e}");
            }
            Cell::Probability(Some(p)) => Cell::Number(Some(*p), 6).render_into(out),
            Cell::Probability(None) => {}
        }
    }
}

/// Write `value` with `decimals` decimals the fast way, through a whole
/// number ([`fast_units`]), when that gives the same digits as
/// `{value:.decimals$}`. Returns false, writing nothing, otherwise.
fn push_fixed(out: &mut String, value: f64, decimals: usize) -> bool {
    use std::fmt::Write;
    let Some(units) = fast_units(value, decimals) else {
        return false;
    };
    let unit = 10u64.pow(decimals as u32);
    let whole = units.unsigned_abs();
    if units < 0 || (units == 0 && value < 0.0) {
        out.push('-');
    }
    let _ = write!(out, "{}", whole / unit);
    if decimals > 0 {
        let _ = write!(out, ".{:0width$}", whole % unit, width = decimals);
    }
    true
}

/// A text cell borrowing `text`.
pub fn text(text: &str) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(text))
}

/// The rows of a report, produced one at a time as an exporter writes them,
/// so a large batch is never held as cells all at once.
pub type Rows<'a> = Box<dyn Iterator<Item = Vec<Cell<'a>>> + Send + 'a>;

/// A report: a name (`documents`, the CSV file stem and the sheet name), a
/// header and rows.
pub struct Table<'a> {
    /// File stem and sheet name, e.g. `documents`, `terms`.
    pub name: &'static str,
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as long as the header, in report order.
    pub rows: Rows<'a>,
    /// The option that makes the report smaller, named in the warning when
    /// it passes a spreadsheet's row limit.
    pub shrink_hint: Option<&'static str>,
}

impl<'a> Table<'a> {
    /// A table whose rows come from `rows`.
    pub fn new(
        name: &'static str,
        header: Vec<String>,
        rows: impl Iterator<Item = Vec<Cell<'a>>> + Send + 'a,
    ) -> Self {
        Table {
            name,
            header,
            rows: Box::new(rows),
            shrink_hint: None,
        }
    }

    /// The same table, naming the option that makes it smaller.
    pub fn with_shrink_hint(mut self, hint: &'static str) -> Self {
        self.shrink_hint = Some(hint);
        self
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
    fn the_fast_fixed_format_matches_the_standard_one() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for i in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let magnitude = 10f64.powi((i % 12) as i32 - 4);
            let value = (state as f64 / u64::MAX as f64 - 0.3) * magnitude;
            let decimals = i % 7;
            let mut fast = String::new();
            if super::push_fixed(&mut fast, value, decimals) && value != 0.0 {
                assert_eq!(
                    fast,
                    format!("{value:.decimals$}"),
                    "{value:e} to {decimals}"
                );
            }
        }
        for (value, decimals) in [(0.125, 2), (2.5, 0), (1.005, 2), (-0.5, 0), (999.9995, 3)] {
            let cell = Cell::Number(Some(value), decimals).render();
            let mut standard = format!("{value:.decimals$}");
            if standard.starts_with('-') && standard[1..].chars().all(|c| c == '0' || c == '.') {
                standard.remove(0);
            }
            assert_eq!(cell, standard, "ties keep the standard rounding");
        }
    }

    #[test]
    fn probabilities_keep_small_values() {
        assert_eq!(Cell::Probability(Some(0.05)).render(), "0.050000");
        assert_eq!(Cell::Probability(Some(2.311e-9)).render(), "2.311e-9");
        assert_eq!(Cell::Probability(Some(0.0)).render(), "0.000000");
        assert_eq!(Cell::Probability(Some(1.0)).render(), "1.000000");
        assert_eq!(Cell::Probability(None).render(), "");
    }

    #[test]
    fn flags_are_one_and_zero() {
        assert_eq!(Cell::Flag(true).render(), "1");
        assert_eq!(Cell::Flag(false).render(), "0");
    }
}
