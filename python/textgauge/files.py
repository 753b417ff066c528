"""Folders of articles as the textgauge CLI finds and reads them, for the
engines' examples (`examples/pyspark_textgauge.py`,
`examples/dask_textgauge.py`): the CLI's own discovery (in Rust), so the
same files in the same batch order, with the same ids, and the CLI's
groups, so that a batch run on an engine writes the CLI's reports byte for
byte.
"""

import os
import sys

from ._textgauge import discover_files

__all__ = ["discover", "folder_of", "read_file"]


def discover(inputs, extensions=("txt",)):
    """The plain-text files under `inputs` (folders, searched recursively,
    or files) as ``(id, path)`` pairs in the CLI's batch order: each
    folder's files sorted, hidden entries and symbolic-link loops skipped,
    each file once, ids as the CLI names documents. Only files with these
    endings are listed (the CLI also reads `.md`, `.html`, `.csv`, …: run
    the CLI on such inputs). An input that cannot be searched is named on
    standard error, as the CLI does, and left out.

        >>> import tempfile, pathlib
        >>> root = pathlib.Path(tempfile.mkdtemp())
        >>> for name in ("b/2.txt", "a/1.txt", "a-z/3.txt", ".hidden/4.txt", "notes.bin"):
        ...     (root / name).parent.mkdir(exist_ok=True)
        ...     _ = (root / name).write_text("Words.")
        >>> [i[len(str(root)) + 1:] for i, _ in discover([str(root)])]
        ['a/1.txt', 'a-z/3.txt', 'b/2.txt']
    """
    found, failures = discover_files([os.fspath(i) for i in inputs], list(extensions))
    for document, message in failures:
        print(f"textgauge: {document}: {message}", file=sys.stderr)
    return [(document, os.fspath(path)) for document, path in found]


def folder_of(document):
    """The group `--group-by folder` gives a document: the name of the
    folder holding it (`.` for a file named without a folder).

        >>> folder_of("bbc/sport/012.txt"), folder_of("1.txt")
        ('sport', '.')
    """
    parent = document.rsplit("/", 1)[0] if "/" in document else ""
    names = [part for part in parent.split("/") if part not in ("", ".")]
    if names:
        return names[-1]
    return "/" if document.startswith("/") else "."


def read_file(path):
    """A file's bytes, for `analyze_part` and `report_part`, which decode
    them as the CLI reads a `.txt` file (encoding detected, bytes that are
    not valid re-decoded as Windows-1252, `encoding` and `decode_errors`
    reported); None when the file cannot be opened, which those report as
    a read failure (`errors.csv`), as the CLI does."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None
