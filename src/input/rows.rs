//! Rows as documents: a CSV or TSV file (RFC 4180, a header row) or a JSON
//! lines file (one object a line) holds one document a row. One column or
//! field is the text (`--text-column`, `--text-field`; default `text`), one
//! may be the id and one the headline; every other column or field is
//! carried into the reports as metadata, in its original order.
//!
//! A row's id is `FILE#ID` with an id column, else `FILE#ROW` (the 1-based
//! row number, the header not counted). A column named that does not exist
//! fails the whole file, naming the columns that do; a row with an empty
//! text, a repeated id or a line that is not a JSON object fails alone.

use crate::config::RowOptions;
use rustc_hash::FxHashMap;

/// One row, ready to become a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `FILE#ID` or `FILE#ROW`.
    pub id: String,
    /// The headline, from the title column.
    pub title: Option<String>,
    /// The text.
    pub text: String,
    /// Every other column: (name, value), in the file's order.
    pub metadata: Vec<(String, String)>,
}

/// A row that could not become a document: its id and why.
pub type RowFailure = (String, String);

/// The rows of a file, each a document or a failure, in file order.
pub type Rows = Vec<Result<Row, RowFailure>>;

/// Which columns hold the text, id and headline.
struct Roles {
    text: usize,
    id: Option<usize>,
    title: Option<usize>,
}

/// The rows of CSV (`delimiter` `,`) or TSV (`\t`) text from the file `file`.
pub fn table_rows(
    file: &str,
    text: &str,
    delimiter: u8,
    options: &RowOptions,
) -> Result<Rows, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| format!("cannot read the header row: {e}"))?
        .iter()
        .map(|name| name.trim().to_owned())
        .collect();
    let roles = Roles {
        text: column(&header, &options.text_column, "--text-column")?,
        id: optional_column(&header, options.id_column.as_deref(), "--id-column")?,
        title: optional_column(&header, options.title_column.as_deref(), "--title-column")?,
    };
    let mut ids = Ids::default();
    let rows = reader.records().enumerate().map(|(index, record)| {
        let number = index + 1;
        let record =
            record.map_err(|e| (format!("{file}#{number}"), format!("not a CSV row: {e}")))?;
        let cells: Vec<String> = header
            .iter()
            .enumerate()
            .map(|(i, _)| record.get(i).unwrap_or("").to_owned())
            .collect();
        row(file, number, &header, cells, &roles, &mut ids)
    });
    Ok(rows.collect())
}

/// The rows of JSON lines text from the file `file`.
pub fn json_rows(file: &str, text: &str, options: &RowOptions) -> Result<Rows, String> {
    let mut ids = Ids::default();
    let mut rows = Vec::new();
    let lines = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty());
    for (number, (index, line)) in lines.enumerate() {
        let number = number + 1;
        let object = match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(object)) => object,
            Ok(_) => {
                rows.push(Err((
                    format!("{file}#{number}"),
                    format!("line {}: not a JSON object", index + 1),
                )));
                continue;
            }
            Err(e) => {
                rows.push(Err((
                    format!("{file}#{number}"),
                    format!("line {}: not JSON: {e}", index + 1),
                )));
                continue;
            }
        };
        let header: Vec<String> = object.keys().cloned().collect();
        let cells: Vec<String> = object.values().map(json_text).collect();
        let roles = match json_roles(&header, options) {
            Ok(roles) => roles,
            Err(message) => {
                rows.push(Err((format!("{file}#{number}"), message)));
                continue;
            }
        };
        rows.push(row(file, number, &header, cells, &roles, &mut ids));
    }
    Ok(rows)
}

fn json_roles(fields: &[String], options: &RowOptions) -> Result<Roles, String> {
    Ok(Roles {
        text: column(fields, &options.text_field, "--text-field")?,
        id: optional_column(fields, options.id_field.as_deref(), "--id-field")?,
        title: optional_column(fields, options.title_field.as_deref(), "--title-field")?,
    })
}

/// A JSON value as the text of a cell: strings as they are, numbers and
/// booleans as written, null empty, a list of plain values joined by `; `,
/// anything else as compact JSON.
fn json_text(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(items) if items.iter().all(|v| !v.is_array() && !v.is_object()) => {
            items.iter().map(json_text).collect::<Vec<_>>().join("; ")
        }
        other => other.to_string(),
    }
}

/// Ids seen so far in one file, with the row that used each first.
#[derive(Default)]
struct Ids(FxHashMap<String, usize>);

fn row(
    file: &str,
    number: usize,
    header: &[String],
    mut cells: Vec<String>,
    roles: &Roles,
    ids: &mut Ids,
) -> Result<Row, RowFailure> {
    let own_id = roles
        .id
        .map(|i| cells[i].trim().to_owned())
        .filter(|id| !id.is_empty());
    let id = format!(
        "{file}#{}",
        own_id.as_deref().map_or(number.to_string(), str::to_owned)
    );
    if let Some(first) = ids.0.get(&id) {
        return Err((
            format!("{id}~{number}"),
            format!("row {number}: the id is already used by row {first}"),
        ));
    }
    ids.0.insert(id.clone(), number);
    let text = std::mem::take(&mut cells[roles.text]);
    if text.trim().is_empty() {
        return Err((
            id,
            format!(
                "row {number}: the text (column `{}`) is empty",
                header[roles.text]
            ),
        ));
    }
    let title = roles
        .title
        .map(|i| cells[i].trim().to_owned())
        .filter(|t| !t.is_empty());
    let metadata = header
        .iter()
        .zip(cells)
        .enumerate()
        .filter(|(i, _)| *i != roles.text && Some(*i) != roles.id && Some(*i) != roles.title)
        .map(|(_, (name, value))| (name.clone(), value.trim().to_owned()))
        .collect();
    Ok(Row {
        id,
        title,
        text,
        metadata,
    })
}

/// The index of the column (or field) named `name`: exactly, else ignoring
/// case; an error listing those there are when none is.
fn column(header: &[String], name: &str, option: &str) -> Result<usize, String> {
    let what = if option.ends_with("field") {
        "field"
    } else {
        "column"
    };
    header
        .iter()
        .position(|h| h == name)
        .or_else(|| header.iter().position(|h| h.eq_ignore_ascii_case(name)))
        .ok_or_else(|| {
            format!(
                "no {what} `{name}` (the {what}s are: {}); name the right one with {option}",
                header.join(", ")
            )
        })
}

fn optional_column(
    header: &[String],
    name: Option<&str>,
    option: &str,
) -> Result<Option<usize>, String> {
    name.map(|name| column(header, name, option)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> RowOptions {
        RowOptions {
            id_column: Some("id".into()),
            title_column: Some("headline".into()),
            ..RowOptions::default()
        }
    }

    #[test]
    fn csv_rows_carry_their_other_columns_in_order() {
        let text = "id,author,headline,text,outlet\n7,Ann,Taxes Again,Taxes rose.,Daily\n8,Bo,,\"Spending fell, again.\",Weekly\n";
        let rows = table_rows("a.csv", text, b',', &options()).unwrap();
        let first = rows[0].as_ref().unwrap();
        assert_eq!(first.id, "a.csv#7");
        assert_eq!(first.title.as_deref(), Some("Taxes Again"));
        assert_eq!(first.text, "Taxes rose.");
        assert_eq!(
            first.metadata,
            [
                ("author".into(), "Ann".into()),
                ("outlet".into(), "Daily".into())
            ]
        );
        let second = rows[1].as_ref().unwrap();
        assert_eq!(
            (second.title.as_deref(), second.text.as_str()),
            (None, "Spending fell, again.")
        );
    }

    #[test]
    fn rows_without_an_id_column_are_numbered() {
        let rows = table_rows(
            "a.tsv",
            "text\tauthor\nOne.\tA\nTwo.\tB\n",
            b'\t',
            &RowOptions::default(),
        )
        .unwrap();
        let ids: Vec<&str> = rows
            .iter()
            .map(|r| r.as_ref().unwrap().id.as_str())
            .collect();
        assert_eq!(ids, ["a.tsv#1", "a.tsv#2"]);
    }

    #[test]
    fn a_missing_column_lists_the_columns_there_are() {
        let err =
            table_rows("a.csv", "body,author\nx,y\n", b',', &RowOptions::default()).unwrap_err();
        assert_eq!(err, "no column `text` (the columns are: body, author); name the right one with --text-column");
    }

    #[test]
    fn empty_texts_and_repeated_ids_fail_alone() {
        let text = "id,text\n1,Fine.\n2,\n1,Again.\n3,Also fine.\n";
        let rows = table_rows("a.csv", text, b',', &options_without_title()).unwrap();
        assert!(rows[0].is_ok() && rows[3].is_ok());
        assert_eq!(
            rows[1].as_ref().unwrap_err(),
            &(
                "a.csv#2".to_owned(),
                "row 2: the text (column `text`) is empty".to_owned()
            )
        );
        assert_eq!(
            rows[2].as_ref().unwrap_err().1,
            "row 3: the id is already used by row 1"
        );
    }

    fn options_without_title() -> RowOptions {
        RowOptions {
            id_column: Some("id".into()),
            ..RowOptions::default()
        }
    }

    #[test]
    fn json_lines_keep_field_order_and_flatten_values() {
        let text = "{\"url\":\"u1\",\"text\":\"Hello there.\",\"tags\":[\"a\",\"b\"],\"score\":3.5,\"draft\":false,\"extra\":null}\n\nnot json\n[1,2]\n{\"title\":\"x\"}\n";
        let rows = json_rows("f.jsonl", text, &RowOptions::default()).unwrap();
        let first = rows[0].as_ref().unwrap();
        assert_eq!(first.id, "f.jsonl#1");
        let names: Vec<&str> = first.metadata.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["url", "tags", "score", "draft", "extra"]);
        assert_eq!(first.metadata[1].1, "a; b");
        assert_eq!(first.metadata[2].1, "3.5");
        assert_eq!(first.metadata[4].1, "");
        assert!(rows[1]
            .as_ref()
            .unwrap_err()
            .1
            .starts_with("line 3: not JSON"));
        assert_eq!(rows[2].as_ref().unwrap_err().1, "line 4: not a JSON object");
        assert!(rows[3]
            .as_ref()
            .unwrap_err()
            .1
            .starts_with("no field `text` (the fields are: title)"));
    }
}
