"""Folders of articles as the textgauge CLI finds and reads them, for the
engines' examples (`examples/pyspark_textgauge.py`,
`examples/dask_textgauge.py`): the same files in the same batch order, with
the same ids and folder groups, so that a batch run on an engine writes the
CLI's reports byte for byte.
"""

import os

#: The extensions of plain-text articles (the CLI reads more formats; the
#: engines' examples read these).
TEXT_EXTENSIONS = (".txt", ".text")


def discover(inputs):
    """The text files under `inputs` (folders, searched recursively, or
    files), in the CLI's batch order: each folder's files sorted by path
    component, inputs in the order given, each file once. Ids are the paths
    as found, as the CLI names documents.

        >>> import tempfile, pathlib
        >>> root = pathlib.Path(tempfile.mkdtemp())
        >>> for name in ("b/2.txt", "a/1.txt", "a-z/3.txt", "notes.bin"):
        ...     (root / name).parent.mkdir(exist_ok=True)
        ...     _ = (root / name).write_text("Words.")
        >>> [p[len(str(root)) + 1:] for p in discover([str(root)])]
        ['a/1.txt', 'a-z/3.txt', 'b/2.txt']
    """
    found, seen = [], set()
    for root in inputs:
        paths = [root] if os.path.isfile(root) else sorted(_walk(root), key=_components)
        for path in paths:
            if path not in seen:
                seen.add(path)
                found.append(path)
    return found


def _walk(root):
    for folder, folders, files in os.walk(root, followlinks=True):
        folders.sort()
        for name in files:
            if name.lower().endswith(TEXT_EXTENSIONS) and not name.startswith("."):
                yield os.path.join(folder, name)


def _components(path):
    # The CLI sorts paths component by component, each by its bytes.
    return [part.encode("utf-8", "surrogateescape") for part in path.split(os.sep)]


def folder_of(document):
    """The group `--group-by folder` gives a document: the name of the
    folder holding it (`.` for a file named without a folder).

        >>> folder_of("bbc/sport/012.txt"), folder_of("1.txt")
        ('sport', '.')
    """
    parent = os.path.dirname(document)
    names = [part for part in parent.split("/") if part not in ("", ".")]
    if names:
        return names[-1]
    return "/" if document.startswith("/") else "."


def read_file(path):
    """A file's bytes, for `analyze_part` and `report_part`, which decode
    them as the CLI reads a `.txt` file (encoding detected, bytes that are
    not valid re-decoded as Windows-1252, `encoding` and `decode_errors`
    reported)."""
    with open(path, "rb") as f:
        return f.read()
