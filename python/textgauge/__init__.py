"""textgauge: measure commentary pieces (op-eds, news analysis, policy
briefs) with the same counts and batch statistics as the textgauge CLI.

One text::

    >>> import textgauge
    >>> row = textgauge.analyze_text("Ministers met. The budget rose by a tenth.")
    >>> row["words"], row["sentences"]
    (8, 2)

A batch cut into parts (one a worker), merged in any order::

    >>> rows_a, part_a = textgauge.analyze_part(["a"], ["One two three."], first=0)
    >>> rows_b, part_b = textgauge.analyze_part(["b"], ["Four five six seven."], first=1)
    >>> stats = textgauge.finalize(textgauge.merge_partials([part_b, part_a]))
    >>> stats.summary("words")["mean"]
    3.5
    >>> scored = textgauge.score_batch(rows_a + rows_b, stats)
    >>> scored[0]["words_percentile"]
    25.0

`analyze_batch` takes a pandas DataFrame (or a pyarrow Table) instead.
All Rust work runs with the GIL released. Errors are `ValueError`s with the
CLI's messages.
"""

from ._textgauge import (
    BatchStatistics,
    analyze_part,
    analyze_text,
    finalize,
    merge_partials,
    score_batch,
)

__all__ = [
    "BatchStatistics",
    "analyze_batch",
    "analyze_part",
    "analyze_text",
    "finalize",
    "merge_partials",
    "score_batch",
]


def analyze_batch(table, text_column="text", id_column=None, group_column=None, first=0, **options):
    """Analyze every row of `table` (a pandas DataFrame, or anything with
    `to_pandas()` such as a pyarrow Table or RecordBatch).

    Returns ``(rows, partial)``: the rows as a pandas DataFrame with every
    `documents.csv` column (a pyarrow Table when `table` was one), and the
    part's partial summary as bytes, for `merge_partials` and `finalize`.
    `first` is the position of the table's first row in the whole batch.
    Ids default to the row number (``first + i``, from 1 as in the CLI).
    Options are those of `analyze_text` (themes, commentary,
    theme_negation, keep_furniture).

        >>> import pandas as pd
        >>> frame = pd.DataFrame({"text": ["One two.", "Three four five."]})
        >>> rows, partial = analyze_batch(frame)
        >>> list(rows["words"])
        [2, 3]
    """
    arrow = None
    if hasattr(table, "to_pandas") and not hasattr(table, "iloc"):
        arrow = table
        table = table.to_pandas()
    import pandas as pd

    def text_of(value):
        # A missing cell (None, NaN) is no text, not the word "nan".
        return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)

    texts = [text_of(t) or "" for t in table[text_column]]
    if id_column is None:
        ids = [str(first + i + 1) for i in range(len(texts))]
    else:
        ids = [text_of(v) or "" for v in table[id_column]]
    groups = None
    if group_column is not None:
        groups = [text_of(g) for g in table[group_column]]
    rows, partial = analyze_part(ids, texts, groups=groups, first=first, **options)

    frame = pd.DataFrame(rows)
    if arrow is not None:
        import pyarrow as pa

        return pa.Table.from_pandas(frame, preserve_index=False), partial
    return frame, partial
