//! CSV per SPEC: UTF-8, a header row, RFC 4180 quoting, `\n` line ends; one
//! file per table. By default comma-separated with `.` as the decimal mark;
//! for spreadsheets set to a European locale, `;` and a decimal comma
//! (`--delimiter ';' --decimal-comma`). An optional byte-order mark makes
//! Excel read the file as UTF-8.
//!
//! Text cells are made spreadsheet-safe here (see [`super::spreadsheet_safety`]):
//! a neutralized cell is marked with `'` and always quoted, as OWASP
//! recommends. The `csv` crate cannot force quotes on one field, so fields
//! are encoded here: quoted when they hold the delimiter, a quote, a line
//! break, or were neutralized; quotes inside doubled.

use super::spreadsheet_safety::neutralized;
use super::staging::write_aside;
use super::{Cell, Exporter, Staging, Table, SPREADSHEET_MAX_ROWS};
use crate::config::CsvStyle;
use rayon::prelude::*;
use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;

/// Writes each table as `DIR/NAME.csv`.
#[derive(Debug, Clone)]
pub struct CsvExporter {
    /// The folder the files go to.
    pub dir: PathBuf,
    /// Delimiter, decimal mark, byte-order mark and spreadsheet safety.
    pub style: CsvStyle,
}

impl CsvExporter {
    /// One table as CSV, written to `out`; returns its rows (header included).
    pub fn write_table(&self, table: Table<'_>, out: &mut impl Write) -> std::io::Result<usize> {
        self.write_header(&table.header, out)?;
        Ok(1 + self.write_rows(table.rows, out)?)
    }

    /// The byte-order mark (if asked for) and the header line.
    pub fn write_header(&self, header: &[String], out: &mut impl Write) -> std::io::Result<()> {
        if self.style.bom {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        let mut line = Vec::with_capacity(256);
        for (i, name) in header.iter().enumerate() {
            self.push_separator(&mut line, i);
            push_field(&mut line, name, self.style.delimiter, false);
        }
        line.push(b'\n');
        out.write_all(&line)
    }

    /// The rows of a table, without its header (a part of a report whose
    /// parts are written apart); returns how many.
    pub fn write_rows(
        &self,
        rows: super::Rows<'_>,
        out: &mut impl Write,
    ) -> std::io::Result<usize> {
        let mut line = Vec::with_capacity(1 << 16);
        let mut field = String::new();
        let mut written = 0;
        for row in rows {
            written += 1;
            for (i, cell) in row.iter().enumerate() {
                self.push_separator(&mut line, i);
                self.push_cell(&mut line, cell, &mut field);
            }
            line.push(b'\n');
            if line.len() >= 1 << 16 {
                out.write_all(&line)?;
                line.clear();
            }
        }
        out.write_all(&line)?;
        Ok(written)
    }

    /// One table's CSV bytes.
    pub fn table_bytes(&self, table: Table<'_>) -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.write_table(table, &mut bytes)?;
        Ok(bytes)
    }

    fn push_separator(&self, line: &mut Vec<u8>, column: usize) {
        if column > 0 {
            line.push(self.style.delimiter);
        }
    }

    fn push_cell(&self, line: &mut Vec<u8>, cell: &Cell<'_>, field: &mut String) {
        field.clear();
        match cell {
            Cell::Text(text) if self.style.spreadsheet_safe => match neutralized(text) {
                Cow::Borrowed(text) => push_field(line, text, self.style.delimiter, false),
                Cow::Owned(safe) => push_field(line, &safe, self.style.delimiter, true),
            },
            Cell::Text(text) => push_field(line, text, self.style.delimiter, false),
            Cell::Number(..) | Cell::Probability(_) if self.style.decimal_comma => {
                cell.render_into(field);
                let comma = field.replace('.', ",");
                push_field(line, &comma, self.style.delimiter, false);
            }
            _ => {
                cell.render_into(field);
                push_field(line, field, self.style.delimiter, false);
            }
        }
    }
}

/// A warning for a file longer than a spreadsheet can open whole.
fn row_limit_warning(name: &str, rows: usize, hint: Option<&str>) -> Option<String> {
    (rows > SPREADSHEET_MAX_ROWS).then(|| {
        let shrink = hint.map_or(String::new(), |hint| format!("; {hint} makes it smaller"));
        format!(
            "`{name}.csv` has {rows} rows, more than the {SPREADSHEET_MAX_ROWS} a spreadsheet \
             (Excel, LibreOffice) opens: it is written whole, but a spreadsheet will show only \
             the first {SPREADSHEET_MAX_ROWS}{shrink}"
        )
    })
}

/// Append one field, quoted when it must be (or `always`), quotes doubled.
fn push_field(line: &mut Vec<u8>, field: &str, delimiter: u8, always: bool) {
    let special = |b: &u8| matches!(*b, b'"' | b'\n' | b'\r') || *b == delimiter;
    if !always && !field.as_bytes().iter().any(special) {
        line.extend_from_slice(field.as_bytes());
        return;
    }
    line.push(b'"');
    for (i, part) in field.split('"').enumerate() {
        if i > 0 {
            line.extend_from_slice(b"\"\"");
        }
        line.extend_from_slice(part.as_bytes());
    }
    line.push(b'"');
}

impl Exporter for CsvExporter {
    fn export(
        &self,
        tables: Vec<Table<'_>>,
        staging: &mut Staging,
    ) -> std::io::Result<Vec<String>> {
        let mut staged = Vec::with_capacity(tables.len());
        for table in tables {
            let target = self.dir.join(format!("{}.csv", table.name));
            staged.push((staging.reserve(&target)?, table));
        }
        // Each file on its own task, on the caller's thread pool; the
        // results (and so the warnings) come back in table order.
        let written: Vec<std::io::Result<Option<String>>> = staged
            .into_par_iter()
            .map(|(temp, table)| {
                let (name, hint) = (table.name, table.shrink_hint);
                let mut rows = 0;
                write_aside(&temp, |out| {
                    rows = self.write_table(table, out)?;
                    Ok(())
                })?;
                Ok(row_limit_warning(name, rows, hint))
            })
            .collect();
        written.into_iter().filter_map(Result::transpose).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Cell;

    fn table() -> Table<'static> {
        let rows = vec![
            vec![Cell::Text("x, \"y\"".into()), Cell::Number(Some(1.5), 2)],
            vec![Cell::Count(3), Cell::Flag(true)],
            vec![Cell::Text("=1+1".into()), Cell::Number(Some(-2.25), 2)],
            vec![Cell::Text("11-12".into()), Cell::Text("a;b".into())],
        ];
        Table::new("t", vec!["a".into(), "b".into()], rows.into_iter())
    }

    fn csv(style: CsvStyle) -> String {
        let exporter = CsvExporter {
            dir: PathBuf::new(),
            style,
        };
        String::from_utf8(exporter.table_bytes(table()).unwrap()).unwrap()
    }

    #[test]
    fn quotes_where_needed_and_neutralizes_risky_text() {
        assert_eq!(
            csv(CsvStyle::default()),
            "a,b\n\"x, \"\"y\"\"\",1.50\n3,1\n\"'=1+1\",-2.25\n\"'11-12\",a;b\n"
        );
    }

    #[test]
    fn raw_csv_writes_text_as_it_is() {
        let raw = CsvStyle {
            spreadsheet_safe: false,
            ..CsvStyle::default()
        };
        assert_eq!(
            csv(raw),
            "a,b\n\"x, \"\"y\"\"\",1.50\n3,1\n=1+1,-2.25\n11-12,a;b\n"
        );
    }

    #[test]
    fn european_style_uses_semicolons_and_decimal_commas() {
        let european = CsvStyle {
            delimiter: b';',
            decimal_comma: true,
            bom: true,
            spreadsheet_safe: true,
        };
        assert_eq!(
            csv(european),
            "\u{feff}a;b\n\"x, \"\"y\"\"\";1,50\n3;1\n\"'=1+1\";-2,25\n\"'11-12\";\"a;b\"\n"
        );
    }

    #[test]
    fn every_row_reads_back_with_the_csv_crate() {
        let text = csv(CsvStyle::default());
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(&rows[0][0], "x, \"y\"");
        assert_eq!(&rows[2][0], "'=1+1");
    }

    #[test]
    fn a_file_past_the_spreadsheet_row_limit_is_written_whole_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let exporter = CsvExporter {
            dir: dir.path().to_path_buf(),
            style: CsvStyle::default(),
        };
        let rows = (0..SPREADSHEET_MAX_ROWS).map(|n| vec![Cell::Count(n)]);
        let table = Table::new("terms", vec!["n".into()], rows).with_shrink_hint("--top");
        let mut staging = Staging::new();
        let warnings = exporter.export(vec![table], &mut staging).unwrap();
        staging.commit().unwrap();
        assert_eq!(
            warnings,
            [format!(
                "`terms.csv` has {} rows, more than the {SPREADSHEET_MAX_ROWS} a spreadsheet \
                 (Excel, LibreOffice) opens: it is written whole, but a spreadsheet will show \
                 only the first {SPREADSHEET_MAX_ROWS}; --top makes it smaller",
                SPREADSHEET_MAX_ROWS + 1
            )]
        );
        let written = std::fs::read_to_string(dir.path().join("terms.csv")).unwrap();
        assert_eq!(
            written.lines().count(),
            SPREADSHEET_MAX_ROWS + 1,
            "written whole"
        );

        let at_limit = (1..SPREADSHEET_MAX_ROWS).map(|n| vec![Cell::Count(n)]);
        let table = Table::new("terms", vec!["n".into()], at_limit);
        let mut staging = Staging::new();
        assert!(exporter
            .export(vec![table], &mut staging)
            .unwrap()
            .is_empty());
    }
}
