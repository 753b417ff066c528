//! The columns of `documents.csv`: one row per document carrying every
//! number a user compares on. `document` and `title` first, then every
//! measure of the registry ([`crate::metrics::measures::MEASURES`]) in its
//! order (SPEC fixes the first ten), then facts about the input (furniture
//! set aside, encoding), then each theme's rate per 1,000 words.

use super::{text, Cell};
use crate::analysis::Analysis;
use crate::batch::theme_rate_name;
use crate::metrics::measures::{per_thousand, Figures, Measure, Value, MEASURES};

/// Columns before the measures.
const IDENTITY: [&str; 2] = ["document", "title"];

/// Columns after the measures: what the input stage found.
const INPUT_FACTS: [&str; 4] = [
    "furniture_lines",
    "furniture_words",
    "encoding",
    "decode_errors",
];

/// The header of `documents.csv` for a dictionary of these themes.
pub fn document_header(themes: &[String]) -> Vec<String> {
    IDENTITY
        .iter()
        .copied()
        .chain(MEASURES.iter().map(|m| m.name))
        .chain(INPUT_FACTS)
        .map(str::to_owned)
        .chain(themes.iter().map(|theme| theme_rate_name(theme)))
        .collect()
}

/// One document's row of `documents.csv`.
pub fn document_row(a: &Analysis) -> Vec<Cell<'_>> {
    let figures = Figures {
        counts: &a.counts,
        diversity: &a.diversity,
    };
    let mut row = vec![text(&a.id), text(a.title.as_deref().unwrap_or_default())];
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
