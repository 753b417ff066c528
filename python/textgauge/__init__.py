"""textgauge: measure commentary pieces (op-eds, news analysis, policy
briefs) with the same counts and batch statistics as the textgauge CLI.

One text::

    >>> import textgauge
    >>> row = textgauge.analyze_text("Ministers met. The budget rose by a tenth.")
    >>> row["words"], row["sentences"]
    (8, 2)

A batch cut into parts (one a worker), merged in any order::

    >>> rows_a, part_a = textgauge.analyze_part(["a"], ["One two three."])
    >>> rows_b, part_b = textgauge.analyze_part(["b"], ["Four five six seven."])
    >>> stats = textgauge.finalize(textgauge.merge_partials([part_b, part_a]))
    >>> stats.summary("words")["mean"]
    3.5
    >>> scored = textgauge.score_batch(rows_a + rows_b, stats)
    >>> scored[0]["words_percentile"]
    25.0

The CLI's CSV reports of a batch cut into parts: a second pass over each
part against the final statistics (`report_part`), put together in batch
order by `write_reports`::

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> parts = [textgauge.report_part(["a"], ["One two three."], stats),
    ...          textgauge.report_part(["b"], ["Four five six seven."], stats)]
    >>> sorted(textgauge.write_reports(out, stats, parts))[:3]
    ['compare', 'corpus_terms', 'documents']
    >>> len((out / "documents.csv").read_text().splitlines())
    3

`analyze_batch` takes a pandas DataFrame (or a pyarrow Table) instead.
All Rust work runs with the GIL released. Errors are `ValueError`s with the
CLI's messages.
"""

import os

from ._textgauge import (
    BatchStatistics,
    analyze_part,
    analyze_text,
    finalize,
    merge_partials,
    prune_partial,
    report_frames,
    report_part,
    score_batch,
    split_partial,
)

__all__ = [
    "BatchStatistics",
    "analyze_batch",
    "analyze_part",
    "analyze_text",
    "clear_parts",
    "finalize",
    "finalize_once",
    "merge_partials",
    "prune_partial",
    "report_frames",
    "report_part",
    "score_batch",
    "split_partial",
    "write_part",
    "write_reports",
]

_FINALIZED = [None, None]


def finalize_once(merged):
    """`finalize(merged)`, kept for the next call with the same bytes
    object: an engine hands every task of a worker process the same
    broadcast partial, which is then finalized once a process."""
    if _FINALIZED[0] is not merged:
        _FINALIZED[:] = [merged, finalize(merged)]
    return _FINALIZED[1]


#: The folder under a report folder where workers leave their parts.
PARTS_FOLDER = ".textgauge-parts"


def write_part(out, first, rows):
    """Leave a part's report rows (from `report_part`) for `write_reports`:
    one file a report under ``OUT/.textgauge-parts/NAME/``, named by the
    position of the part's first document in the batch, so that the parts
    are put together in batch order whichever worker finished first.
    Each file is written aside and renamed: a retried task replaces it."""
    for name, data in rows.items():
        if not data:
            continue
        folder = os.path.join(out, PARTS_FOLDER, name)
        os.makedirs(folder, exist_ok=True)
        target = os.path.join(folder, f"{first:015d}.csv")
        temporary = f"{target}.{os.getpid()}.tmp"
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, target)


def clear_parts(out):
    """Remove the parts an earlier run left under `out` (a run that
    stopped before `write_reports`), so that they cannot mix with this
    run's: call it before the second pass."""
    import shutil

    shutil.rmtree(os.path.join(out, PARTS_FOLDER), ignore_errors=True)


def _parts_in_order(out, name):
    folder = os.path.join(out, PARTS_FOLDER, name)
    if not os.path.isdir(folder):
        return
    for entry in sorted(e for e in os.listdir(folder) if e.endswith(".csv")):
        with open(os.path.join(folder, entry), "rb") as f:
            yield f.read()


#: The file listing the reports of the last run in a folder, as the CLI's.
MANIFEST = ".textgauge-reports"


def _previous_reports(out):
    try:
        with open(os.path.join(out, MANIFEST), encoding="utf-8") as f:
            names = [line.strip() for line in f]
    except OSError:
        return []
    return [n for n in names if n and not n.startswith(".") and "/" not in n and "\\" not in n]


def _stage(out, name, pieces):
    """Write `pieces` (bytes) to a temporary file beside OUT/NAME; its path."""
    temporary = os.path.join(out, f".textgauge-{name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as f:
        for data in pieces:
            f.write(data)
    return temporary


def write_reports(out, stats, parts=None, **options):
    """Write the batch's CSV reports into folder `out`, as the CLI would:
    each report's header and the rows of the statistics alone
    (`report_frames`), with the parts' rows between them in batch order.
    `parts` is a list of `report_part` results in batch order, or None for
    the parts `write_part` left under `out` (removed once used). Options
    must be those given to `report_part`. As the CLI: `errors.csv` only
    when an input failed; every file written aside first, then all renamed
    into place; the reports of an earlier run that this one did not write
    removed; the folder's `.textgauge-reports` lists the reports. Returns
    the names of the reports written.
    """
    os.makedirs(out, exist_ok=True)
    staged = []
    for name, (head, tail) in report_frames(stats, **options).items():
        rows = (p.get(name, b"") for p in parts) if parts is not None else _parts_in_order(out, name)
        if name == "errors":
            rows = [data for data in rows if data]
            if not rows:
                continue
        staged.append((name, _stage(out, name, [head, *rows, tail])))
    files = [f"{name}.csv" for name, _ in staged]
    manifest = _stage(out, "manifest", ["".join(f + "\n" for f in files).encode()])
    for name, temporary in staged:
        os.replace(temporary, os.path.join(out, f"{name}.csv"))
    for stale in set(_previous_reports(out)) - set(files):
        try:
            os.remove(os.path.join(out, stale))
        except FileNotFoundError:
            pass
    os.replace(manifest, os.path.join(out, MANIFEST))
    if parts is None:
        clear_parts(out)
    return [name for name, _ in staged]


def analyze_batch(table, text_column="text", id_column=None, group_column=None, first=0, **options):
    """Analyze every row of `table` (a pandas DataFrame, or anything with
    `to_pandas()` such as a pyarrow Table or RecordBatch).

    Returns ``(rows, partial)``: the rows as a pandas DataFrame with every
    `documents.csv` column (a pyarrow Table when `table` was one; either
    way built from an Arrow record batch made in Rust), and the
    part's partial summary as bytes, for `merge_partials` and `finalize`.
    `first` is the position of the table's first row in the whole batch.
    Ids default to the row number, from 1 (``first + i + 1``).
    A text cell may hold a file's `bytes`, decoded as the CLI reads a
    `.txt` file. Options are the CLI's, as keywords (`themes`,
    `stopwords`, `ngrams`, …); give `report_part` the same ones.

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

    def text_or_bytes(value):
        # A file's bytes are decoded as the CLI reads them.
        return bytes(value) if isinstance(value, (bytes, bytearray)) else text_of(value) or ""

    texts = [text_or_bytes(t) for t in table[text_column]]
    if id_column is None:
        ids = [str(first + i + 1) for i in range(len(texts))]
    else:
        ids = [text_of(v) or "" for v in table[id_column]]
    groups = None
    if group_column is not None:
        groups = [text_of(g) for g in table[group_column]]
    # The rows come back as one Arrow record batch built in Rust.
    batch, partial = analyze_part(ids, texts, groups=groups, arrow=True, **options)
    if arrow is not None:
        import pyarrow as pa

        return pa.Table.from_batches([batch]), partial
    return batch.to_pandas(), partial
