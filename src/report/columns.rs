//! The columns of `documents.csv`: one row per document carrying every
//! number a user compares on. `document` and `title` first, then every
//! measure of the registry ([`crate::metrics::measures::MEASURES`]) in its
//! order (SPEC fixes the first ten), then facts about the input (furniture
//! set aside, encoding), then each theme's rate per 1,000 words.

use super::{text, Cell};
use crate::analysis::Analysis;
use crate::metrics::measures::{per_thousand, Figures, Measure, Value, MEASURES};
use crate::themes::ThemeLabel;

/// Columns before the measures.
const IDENTITY: [&str; 2] = ["document", "title"];

/// Columns after the measures: what the input stage found.
const INPUT_FACTS: [&str; 4] = [
    "furniture_lines",
    "furniture_words",
    "encoding",
    "decode_errors",
];

/// A metadata column: its header in the reports, and the metadata name
/// whose values it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataColumn {
    /// The column's header.
    pub header: String,
    /// The metadata name.
    pub name: String,
}

/// The metadata columns of a batch: every name any document has, in the
/// order first seen. A name that is already a column of the report
/// (`title`, `words`, `group`…) is written `meta_NAME`.
pub fn metadata_columns(names: &[String], reserved: &[String]) -> Vec<MetadataColumn> {
    let mut columns: Vec<MetadataColumn> = Vec::new();
    for name in names {
        if columns.iter().any(|c| c.name == *name) {
            continue;
        }
        let taken = |header: &str| reserved.iter().any(|r| r.eq_ignore_ascii_case(header));
        let mut header = name.clone();
        while taken(&header)
            || columns
                .iter()
                .any(|c| c.header.eq_ignore_ascii_case(&header))
        {
            header = format!("meta_{header}");
        }
        columns.push(MetadataColumn {
            header,
            name: name.clone(),
        });
    }
    columns
}

/// One document's cells of the metadata columns (empty where it has none).
pub fn metadata_cells<'a>(
    metadata: &'a [(String, String)],
    columns: &[MetadataColumn],
) -> impl Iterator<Item = Cell<'a>> {
    columns
        .iter()
        .map(|column| {
            let value = metadata.iter().find(|(n, _)| *n == column.name);
            text(value.map_or("", |(_, v)| v.as_str()))
        })
        .collect::<Vec<_>>()
        .into_iter()
}

/// The header of `documents.csv` for a dictionary of these themes, without
/// metadata columns.
pub fn document_header(themes: &[ThemeLabel]) -> Vec<String> {
    IDENTITY
        .iter()
        .copied()
        .chain(MEASURES.iter().map(|m| m.name))
        .chain(INPUT_FACTS)
        .map(str::to_owned)
        .chain(themes.iter().map(ThemeLabel::rate_name))
        .collect()
}

/// The header of `documents.csv` with the metadata columns right after
/// `document`.
pub fn document_header_with(themes: &[ThemeLabel], metadata: &[MetadataColumn]) -> Vec<String> {
    let mut header = document_header(themes);
    let names = metadata.iter().map(|c| c.header.clone());
    header.splice(1..1, names);
    header
}

/// One document's row of `documents.csv`.
pub fn document_row<'a>(a: &'a Analysis, metadata: &[MetadataColumn]) -> Vec<Cell<'a>> {
    let figures = Figures {
        counts: &a.counts,
        diversity: &a.diversity,
    };
    let mut row = vec![text(&a.id)];
    row.extend(metadata_cells(&a.metadata, metadata));
    row.push(text(a.title.as_deref().unwrap_or_default()));
    row.extend(MEASURES.iter().map(|m| measure_cell(m, &figures)));
    row.extend([
        Cell::Count(a.furniture_lines),
        Cell::Count(a.furniture_words),
        text(a.encoding),
        Cell::Count(a.decode_errors),
    ]);
    row.extend(a.themes.iter().map(|tally| {
        Cell::Number(
            per_thousand(tally.count, a.counts.words),
            crate::batch::THEME_RATE_DECIMALS,
        )
    }));
    row
}

/// A measure's cell.
fn measure_cell(measure: &Measure, figures: &Figures<'_>) -> Cell<'static> {
    match measure.value {
        Value::Count(count) => Cell::Count(count(figures.counts)),
        Value::Number(number, decimals) => Cell::Number(number(figures), decimals),
        Value::Flag(flag) => Cell::Flag(flag(figures.counts)),
        Value::Label(label) => Cell::Text(label(figures).unwrap_or_default().into()),
    }
}
