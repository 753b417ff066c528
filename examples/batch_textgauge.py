"""textgauge in one Python process, from a pandas DataFrame: the CLI's
batch and reports through `analyze_batch`, byte for byte.

    python examples/batch_textgauge.py INPUT... OUT [--group-by folder]
        [the report options of `textgauge analyze`]

The same two passes as on an engine, with one part: `analyze_batch` gives
the rows and the partial summary, `finalize` the statistics, `report_part`
the reports' rows and `write_reports` the files.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cluster_options  # noqa: E402

import textgauge  # noqa: E402
from textgauge.files import discover, folder_of, read_file  # noqa: E402


def main(argv=None):
    args = cluster_options.parser(__doc__.splitlines()[0]).parse_args(argv)
    import pandas as pd

    started = time.perf_counter()
    files = discover(args.inputs)
    frame = pd.DataFrame(
        {"id": [i for i, _ in files], "text": [read_file(path) for _, path in files]}
    )
    frame["group"] = [folder_of(i) for i, _ in files] if args.group_by else None
    group_column = "group" if args.group_by else None
    analysis, reports = cluster_options.analysis_options(args), cluster_options.report_options(args)
    rows, partial = textgauge.analyze_batch(
        frame, text_column="text", id_column="id", group_column=group_column, **analysis
    )
    stats = textgauge.finalize(partial)
    groups = list(frame["group"]) if args.group_by else None
    part = textgauge.report_part(list(frame["id"]), list(frame["text"]), stats, groups, **reports)
    names = textgauge.write_reports(args.out, stats, [part], **reports)
    seconds = time.perf_counter() - started
    where = f"one process, {os.environ.get('TEXTGAUGE_NUM_THREADS', '1')} threads"
    print(cluster_options.summary_line(len(rows), where, names, args.out, seconds, stats), file=sys.stderr)


if __name__ == "__main__":
    main()
