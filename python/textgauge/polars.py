"""Polars: `pl.col("text").textgauge.analyze()`, every `documents.csv`
column of each text as one struct column, on one machine.

Importing this module registers the `textgauge` expression namespace::

    >>> import polars as pl
    >>> import textgauge.polars  # noqa: F401
    >>> frame = pl.DataFrame({"text": ["One two.", "Three four five. Six."]})
    >>> rows = frame.select(pl.col("text").textgauge.analyze()).unnest("text")
    >>> rows["words"].to_list(), rows["sentences"].to_list()
    ([2, 4], [1, 2])

Each batch of texts goes to Rust as one call, with the GIL released, and
comes back as an Arrow record batch built in Rust (`analyze_part`), so
Polars' other threads run while textgauge counts. It is a registered
namespace over `map_batches`, not a compiled pyo3-polars plugin: building
Polars' crates would add many minutes to every build of the package.
"""

import polars as pl

import textgauge

__all__ = ["TextgaugeNamespace"]


def _rows(texts, options):
    ids = [str(i + 1) for i in range(len(texts))]
    batch, _ = textgauge.analyze_part(ids, texts, arrow=True, **options)
    # The id is the row's position here: the frame has its own.
    return pl.from_arrow(batch).drop("document")


@pl.api.register_expr_namespace("textgauge")
class TextgaugeNamespace:
    """`expr.textgauge.analyze(**options)`: options as `analyze_text`'s
    (the CLI's, as keywords)."""

    def __init__(self, expr):
        self._expr = expr

    def analyze(self, **options):
        """Each text's `documents.csv` row (without `document`) as a struct;
        a missing text is an empty one."""
        dtype = _rows([], options).to_struct("row").dtype

        def analyze_batch(series):
            texts = ["" if t is None else t for t in series.to_list()]
            return _rows(texts, options).to_struct(series.name)

        return self._expr.map_batches(analyze_batch, return_dtype=dtype, is_elementwise=True)
