//! `documents.csv` rows as an Arrow record batch, built in Rust and handed
//! to pyarrow through the Arrow C data interface (`arrow-pyarrow`): what
//! `analyze_batch` returns, without a Python object per value on the way.
//! Each column's type comes from its cells: text is `utf8`, a count
//! `int64`, a measure or probability the `float64` the CSV prints (null
//! where undefined), a flag `bool`.

use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::Array;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, Field, Schema};
use std::sync::Arc;
use textgauge::piece::Row;
use textgauge::report::Cell;

/// One column being built.
enum Column {
    Text(StringBuilder),
    Count(Int64Builder),
    Number(Float64Builder),
    Flag(BooleanBuilder),
}

impl Column {
    /// An empty column for cells like `cell`.
    fn like(cell: &Cell<'_>) -> Column {
        match cell {
            Cell::Text(_) => Column::Text(StringBuilder::new()),
            Cell::Count(_) => Column::Count(Int64Builder::new()),
            Cell::Number(..) | Cell::Probability(_) => Column::Number(Float64Builder::new()),
            Cell::Flag(_) => Column::Flag(BooleanBuilder::new()),
        }
    }

    fn push(&mut self, cell: &Cell<'_>) {
        match (self, cell) {
            (Column::Text(b), Cell::Text(text)) => b.append_value(text),
            (Column::Count(b), Cell::Count(n)) => {
                b.append_value(i64::try_from(*n).unwrap_or(i64::MAX))
            }
            (Column::Flag(b), Cell::Flag(flag)) => b.append_value(*flag),
            // The value the CSV prints; null where it prints nothing.
            (Column::Number(b), number) => b.append_option(number.render().parse::<f64>().ok()),
            (Column::Text(b), _) => b.append_null(),
            (Column::Count(b), _) => b.append_null(),
            (Column::Flag(b), _) => b.append_null(),
        }
    }

    fn finish(self) -> ArrayRef {
        match self {
            Column::Text(mut b) => Arc::new(b.finish()),
            Column::Count(mut b) => Arc::new(b.finish()),
            Column::Number(mut b) => Arc::new(b.finish()),
            Column::Flag(mut b) => Arc::new(b.finish()),
        }
    }
}

/// The rows as one record batch; `template` (a row of the same columns,
/// such as an empty text's) gives the column names and types, so that no
/// rows still give the right schema.
pub fn record_batch(rows: &[Row], template: &Row) -> Result<RecordBatch, ArrowError> {
    let mut columns: Vec<Column> = template
        .iter()
        .map(|(_, cell)| Column::like(cell))
        .collect();
    for row in rows {
        for (column, (_, cell)) in columns.iter_mut().zip(row) {
            column.push(cell);
        }
    }
    let arrays: Vec<ArrayRef> = columns.into_iter().map(Column::finish).collect();
    // Every field nullable, whatever this part holds, so that the batches
    // of every part have one schema and concatenate.
    let fields: Vec<Field> = (template.iter().zip(&arrays))
        .map(|((name, _), array)| Field::new(name, array.data_type().clone(), true))
        .collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
}
