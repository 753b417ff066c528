//! A metadata file (`--metadata FILE.csv`) attaches columns to documents
//! that carry none of their own, such as plain `.txt` files: its first
//! column names a document, by its id (the path as reported in `document`)
//! or by its file name, and every other column is a metadata column.

use rustc_hash::FxHashMap;

/// Metadata by document id or file name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetadataTable {
    columns: Vec<String>,
    rows: FxHashMap<String, Vec<String>>,
}

impl MetadataTable {
    /// Parse the CSV text of a metadata file named `origin`.
    pub fn parse(text: &str, origin: &str) -> Result<Self, String> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header = reader
            .headers()
            .map_err(|e| format!("metadata file {origin}: {e}"))?
            .clone();
        if header.len() < 2 {
            return Err(format!(
                "metadata file {origin}: needs a first column naming the document and at least one more"
            ));
        }
        let columns: Vec<String> = header.iter().skip(1).map(|c| c.trim().to_owned()).collect();
        let mut rows = FxHashMap::default();
        for record in reader.records() {
            let record = record.map_err(|e| format!("metadata file {origin}: {e}"))?;
            let line = record.position().map_or(0, |p| p.line());
            let key = record.get(0).unwrap_or("").trim().to_owned();
            let values = (1..header.len())
                .map(|i| record.get(i).unwrap_or("").trim().to_owned())
                .collect();
            if key.is_empty() {
                continue;
            }
            if rows.insert(key.clone(), values).is_some() {
                return Err(format!(
                    "metadata file {origin}, line {line}: `{key}` is named twice"
                ));
            }
        }
        Ok(MetadataTable { columns, rows })
    }

    /// Read and parse a metadata file.
    pub fn from_file(path: &std::path::Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read metadata file {}: {e}", path.display()))?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Whether the table names no document.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The row for document `id`: by the whole id, else by its end after
    /// any `/` (`in/two.txt` and `two.txt` both name `/data/in/two.txt`),
    /// the longest that is named.
    fn row(&self, id: &str) -> Option<&Vec<String>> {
        self.rows.get(id).or_else(|| {
            id.match_indices('/')
                .find_map(|(slash, _)| self.rows.get(&id[slash + 1..]))
        })
    }

    /// Add the table's columns for `id` to `metadata`: a column the document
    /// has with a value keeps it; an empty or missing one takes the table's.
    pub fn attach(&self, id: &str, metadata: &mut Vec<(String, String)>) {
        let Some(values) = self.row(id) else {
            return;
        };
        for (name, value) in self.columns.iter().zip(values) {
            match metadata.iter_mut().find(|(n, _)| n == name) {
                Some((_, own)) if own.is_empty() => own.clone_from(value),
                Some(_) => {}
                None => metadata.push((name.clone(), value.clone())),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_attach_by_id_or_file_name() {
        let table = MetadataTable::parse(
            "\u{feff}document,author,outlet\nseeds/a.txt,Ann,Daily\nb.txt,Bo,\n",
            "m.csv",
        )
        .unwrap();
        let mut a = Vec::new();
        table.attach("seeds/a.txt", &mut a);
        assert_eq!(
            a,
            [
                ("author".into(), "Ann".into()),
                ("outlet".into(), "Daily".into())
            ]
        );
        let mut b = vec![
            ("outlet".to_owned(), "Own".to_owned()),
            ("author".to_owned(), String::new()),
        ];
        table.attach("other/b.txt", &mut b);
        assert_eq!(
            b,
            [
                ("outlet".into(), "Own".into()),
                ("author".into(), "Bo".into())
            ]
        );
        let mut deep = Vec::new();
        table.attach("/data/seeds/a.txt", &mut deep);
        assert_eq!(deep[0].1, "Ann", "by the end of the path");
        let mut none = Vec::new();
        table.attach("c.txt", &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn a_document_named_twice_or_a_single_column_is_an_error() {
        let twice =
            MetadataTable::parse("document,author\na.txt,A\na.txt,B\n", "m.csv").unwrap_err();
        assert_eq!(twice, "metadata file m.csv, line 3: `a.txt` is named twice");
        assert!(MetadataTable::parse("document\na.txt\n", "m.csv").is_err());
    }
}
