//! XLSX: every report as a sheet of one workbook, named after its CSV file
//! (`documents`, `terms`, …), written with `rust_xlsxwriter`.
//!
//! Numbers are number cells, rounded to the decimals the CSV shows and
//! displayed with them; text is a text cell, which no spreadsheet evaluates
//! or converts, so it is written as it is (no `'` mark). Each sheet has a
//! bold header row, frozen, with an autofilter over the table, and columns
//! as wide as their content (within limits).
//!
//! Excel's limits are respected: 1,048,576 rows a sheet (the header and
//! 1,048,575 data rows) and 32,767 characters a cell. Past either, the sheet
//! holds what fits and a warning names the sheet; the CSV file has it all.
//! Sheets are written in "low memory" mode: a row at a time to a temporary
//! file, strings shared, so memory grows with distinct strings only.

use super::{Cell, Exporter, Staging, Table};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::path::{Path, PathBuf};

/// Rows a sheet may have, header included (Excel's limit).
pub const EXCEL_MAX_ROWS: usize = super::SPREADSHEET_MAX_ROWS;
/// Characters (UTF-16 code units) a cell may hold (Excel's limit).
pub const EXCEL_MAX_CELL_CHARS: usize = 32_767;
/// Narrowest and widest column, in Excel character widths.
const COLUMN_WIDTH: (usize, usize) = (6, 60);

/// Writes all tables as one workbook at `path`.
#[derive(Debug, Clone)]
pub struct XlsxExporter {
    /// The workbook file.
    pub path: PathBuf,
    /// Rows a sheet may have, header included: [`EXCEL_MAX_ROWS`] unless a
    /// test asks for fewer.
    pub max_rows: usize,
}

impl XlsxExporter {
    /// An exporter writing the workbook `path` within Excel's limits.
    pub fn new(path: PathBuf) -> Self {
        XlsxExporter {
            path,
            max_rows: EXCEL_MAX_ROWS,
        }
    }

    fn workbook(&self, tables: Vec<Table<'_>>) -> Result<(Workbook, Vec<String>), XlsxError> {
        let mut workbook = Workbook::new();
        workbook.set_tempdir(temp_dir(&self.path))?;
        let formats = SheetFormats::new();
        let mut warnings = Vec::new();
        for table in tables {
            let sheet = workbook.add_worksheet_with_low_memory()?;
            warnings.extend(self.write_sheet(sheet, table, &formats)?);
        }
        Ok((workbook, warnings))
    }

    fn write_sheet(
        &self,
        sheet: &mut Worksheet,
        table: Table<'_>,
        formats: &SheetFormats,
    ) -> Result<Vec<String>, XlsxError> {
        sheet.set_name(table.name)?;
        let mut widths: Vec<usize> = table.header.iter().map(|h| h.chars().count() + 3).collect();
        for (col, name) in table.header.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, name, &formats.header)?;
        }
        let (mut rows, mut cut_cells) = (0usize, 0usize);
        let mut rows_left_out = 0usize;
        for row in table.rows {
            if rows + 1 >= self.max_rows {
                rows_left_out += 1;
                continue;
            }
            rows += 1;
            for (col, cell) in row.iter().enumerate() {
                let width = write_cell(
                    sheet,
                    rows as u32,
                    col as u16,
                    cell,
                    formats,
                    &mut cut_cells,
                )?;
                widths[col] = widths[col].max(width);
            }
        }
        finish_sheet(sheet, rows, &widths)?;
        Ok(limit_warnings(table.name, rows, rows_left_out, cut_cells))
    }
}

/// Bold header, frozen first row, autofilter, column widths.
fn finish_sheet(sheet: &mut Worksheet, rows: usize, widths: &[usize]) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, 0)?;
    let last_col = widths.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, rows as u32, last_col)?;
    for (col, width) in widths.iter().enumerate() {
        let width = (*width).clamp(COLUMN_WIDTH.0, COLUMN_WIDTH.1);
        sheet.set_column_width(col as u16, width as f64 + 1.0)?;
    }
    Ok(())
}

/// Write one cell; return its display width in characters.
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell<'_>,
    formats: &SheetFormats,
    cut_cells: &mut usize,
) -> Result<usize, XlsxError> {
    match cell {
        Cell::Text(text) if text.is_empty() => Ok(0),
        Cell::Text(text) => {
            let fitted = fit_cell(text);
            *cut_cells += usize::from(fitted.len() < text.len());
            sheet.write_string(row, col, fitted)?;
            Ok(fitted.chars().count().min(COLUMN_WIDTH.1))
        }
        _ => {
            let Some((value, width)) = shown_number(cell) else {
                return Ok(0);
            };
            match cell {
                Cell::Number(_, decimals) => {
                    sheet.write_number_with_format(row, col, value, formats.decimals(*decimals))?
                }
                _ => sheet.write_number(row, col, value)?,
            };
            Ok(width)
        }
    }
}

/// The number a cell shows in the CSV (rounded to its decimals; flags as
/// 1 or 0) and its width in characters, rendered once; `None` for text and
/// undefined values.
fn shown_number(cell: &Cell<'_>) -> Option<(f64, usize)> {
    if let Cell::Text(_) = cell {
        return None;
    }
    let shown = cell.render();
    shown.parse().ok().map(|value| (value, shown.len()))
}

/// The longest head of `text` within Excel's cell limit, cut at a character.
fn fit_cell(text: &str) -> &str {
    if text.len() <= EXCEL_MAX_CELL_CHARS {
        return text;
    }
    let mut units = 0;
    for (index, c) in text.char_indices() {
        units += c.len_utf16();
        if units > EXCEL_MAX_CELL_CHARS {
            return &text[..index];
        }
    }
    text
}

fn limit_warnings(sheet: &str, rows: usize, left_out: usize, cut_cells: usize) -> Vec<String> {
    let mut warnings = Vec::new();
    if left_out > 0 {
        warnings.push(format!(
            "workbook sheet `{sheet}`: {} rows exceed Excel's limit of {EXCEL_MAX_ROWS} rows a sheet; \
             the sheet holds the first {rows} and leaves out {left_out} (`{sheet}.csv` has them all)",
            rows + left_out
        ));
    }
    if cut_cells > 0 {
        warnings.push(format!(
            "workbook sheet `{sheet}`: {cut_cells} cell(s) longer than Excel's limit of \
             {EXCEL_MAX_CELL_CHARS} characters were cut to fit (`{sheet}.csv` has them whole)"
        ));
    }
    warnings
}

/// The cell formats a sheet uses: bold headers, and numbers with a fixed
/// count of decimals.
struct SheetFormats {
    header: Format,
    by_decimals: Vec<Format>,
}

impl SheetFormats {
    fn new() -> Self {
        let by_decimals = (0..=6)
            .map(|d| {
                let pattern = if d == 0 {
                    "0".to_owned()
                } else {
                    format!("0.{}", "0".repeat(d))
                };
                Format::new().set_num_format(pattern)
            })
            .collect();
        SheetFormats {
            header: Format::new().set_bold(),
            by_decimals,
        }
    }

    fn decimals(&self, decimals: usize) -> &Format {
        &self.by_decimals[decimals.min(self.by_decimals.len() - 1)]
    }
}

/// Where the writer keeps each sheet's rows until it saves: beside the
/// workbook, so a large batch needs no space in the system's temporary folder.
fn temp_dir(path: &Path) -> &Path {
    super::staging::parent_dir(path)
}

impl Exporter for XlsxExporter {
    fn export(
        &self,
        tables: Vec<Table<'_>>,
        staging: &mut Staging,
    ) -> std::io::Result<Vec<String>> {
        std::fs::create_dir_all(temp_dir(&self.path))?;
        let (mut workbook, warnings) = self.workbook(tables).map_err(std::io::Error::other)?;
        staging.write_file(&self.path, |out| {
            workbook.save_to_writer(out).map_err(std::io::Error::other)
        })?;
        Ok(warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_the_csv_shows_them() {
        let value = |cell: Cell<'_>| shown_number(&cell).map(|(value, _)| value);
        assert_eq!(value(Cell::Number(Some(2.345678), 2)), Some(2.35));
        assert_eq!(value(Cell::Number(Some(-0.0001), 2)), Some(0.0));
        assert_eq!(value(Cell::Number(None, 2)), None);
        assert_eq!(value(crate::report::text("12")), None);
        assert_eq!(shown_number(&Cell::Flag(true)), Some((1.0, 1)));
        assert_eq!(shown_number(&Cell::Count(1019)), Some((1019.0, 4)));
    }

    #[test]
    fn a_cell_is_cut_at_a_character_within_excels_limit() {
        let long = "é".repeat(EXCEL_MAX_CELL_CHARS + 5);
        assert_eq!(fit_cell(&long).chars().count(), EXCEL_MAX_CELL_CHARS);
        let emoji = "😀".repeat(EXCEL_MAX_CELL_CHARS);
        let fitted = fit_cell(&emoji);
        assert_eq!(fitted.encode_utf16().count(), EXCEL_MAX_CELL_CHARS - 1);
        assert_eq!(fit_cell("short"), "short");
    }
}
