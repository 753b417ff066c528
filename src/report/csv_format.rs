//! CSV per SPEC: UTF-8, a header row, commas, RFC 4180 quoting where needed,
//! `\n` line ends; one file per table. An optional byte-order mark helps
//! spreadsheet programs that otherwise guess a legacy encoding.

use super::{Exporter, Table};

/// Writes each table as `NAME.csv`.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvExporter {
    /// Start each file with a UTF-8 byte-order mark.
    pub bom: bool,
}

impl CsvExporter {
    /// One table's CSV bytes.
    pub fn table_bytes(&self, table: Table<'_>) -> Result<Vec<u8>, std::io::Error> {
        let start = if self.bom {
            b"\xEF\xBB\xBF".to_vec()
        } else {
            Vec::new()
        };
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(start);
        writer.write_record(&table.header)?;
        let mut field = String::new();
        for row in table.rows {
            for cell in &row {
                field.clear();
                cell.render_into(&mut field);
                writer.write_field(&field)?;
            }
            writer.write_record(None::<&[u8]>)?;
        }
        writer.into_inner().map_err(|err| err.into_error())
    }
}

impl Exporter for CsvExporter {
    fn export(&self, tables: Vec<Table<'_>>) -> Result<Vec<(String, Vec<u8>)>, std::io::Error> {
        tables
            .into_iter()
            .map(|table| Ok((format!("{}.csv", table.name), self.table_bytes(table)?)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Cell;

    #[test]
    fn quotes_only_where_needed() {
        let table = || {
            let rows = vec![
                vec![Cell::Text("x, \"y\"".into()), Cell::Number(Some(1.5), 2)],
                vec![Cell::Count(3), Cell::Flag(true)],
            ];
            Table::new("t", vec!["a".into(), "b".into()], rows.into_iter())
        };
        let bytes = CsvExporter::default().table_bytes(table()).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "a,b\n\"x, \"\"y\"\"\",1.50\n3,true\n"
        );
        let with_bom = CsvExporter { bom: true }.table_bytes(table()).unwrap();
        assert!(with_bom.starts_with(b"\xEF\xBB\xBFa,b"));
    }
}
