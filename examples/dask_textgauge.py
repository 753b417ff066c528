"""textgauge on Dask: the CLI's batch, its per-document work spread over a
Dask cluster's workers, with the same CSV reports, byte for byte.

    python examples/dask_textgauge.py INPUT... OUT [--workers N] [--partitions N]
        [--scheduler ADDRESS] [--group-by folder] [the report options of `textgauge analyze`]

Needs `pip install "./python[dask]"`. Without
--scheduler it starts a `dask.distributed.LocalCluster` of `--workers`
single-threaded worker processes; OUT must be on a file system every
worker can write.

How: the driver lists the files (`textgauge.files.discover`: the CLI's
order and ids) into a Dask DataFrame of (position, id, absolute path,
group).
1. `map_partitions`: each worker reads and analyzes its texts
   (`textgauge.analyze_part`) and returns only a partial summary (integer
   counts and histograms, no per-document rows).
2. The partials are merged as a tree of tasks on the workers (eight at a
   time); the client finalizes the batch statistics.
3. The merged partial is scattered to every worker; a second
   `map_partitions` pass reads each text again and writes its rows of
   every report against the batch (`textgauge.report_part`, `write_part`).
4. The client puts each report together in batch order
   (`textgauge.write_reports`).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cluster_options  # noqa: E402

import textgauge  # noqa: E402
from textgauge.files import discover, folder_of, read_file  # noqa: E402


def first_pass(frame, options):
    import pandas as pd

    ids = list(frame["id"])
    groups = [None if pd.isna(g) else g for g in frame["group"]]
    texts = [read_file(p) for p in frame["path"]]
    _, partial = textgauge.analyze_part(ids, texts, groups, arrow=True, **options)
    return pd.Series([partial], dtype=object)


def merge(*partials):
    return textgauge.merge_partials(list(partials))


def second_pass(frame, merged, out, options):
    import pandas as pd

    if len(frame) == 0:
        return pd.Series([0], dtype="int64")
    stats = textgauge.finalize_once(merged)
    ids = list(frame["id"])
    groups = [None if pd.isna(g) else g for g in frame["group"]]
    texts = [read_file(p) for p in frame["path"]]
    rows = textgauge.report_part(ids, texts, stats, groups, **options)
    textgauge.write_part(out, int(frame["position"].iloc[0]), rows)
    return pd.Series([len(ids)], dtype="int64")


def tree_merge(client, futures, fan_in=8):
    """Merge partials as a tree of tasks, `fan_in` at a time."""
    while len(futures) > 1:
        futures = [
            client.submit(merge, *futures[i : i + fan_in], pure=False)
            for i in range(0, len(futures), fan_in)
        ]
    return futures[0]


def main(argv=None):
    p = cluster_options.parser(__doc__.splitlines()[0])
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--partitions", type=int, default=None, help="default: 4 a worker")
    p.add_argument("--scheduler", help="the address of a running Dask scheduler")
    args = p.parse_args(argv)
    import dask.dataframe as dd
    import pandas as pd
    from dask.distributed import Client, LocalCluster

    started = time.perf_counter()
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    files = discover(args.inputs)
    frame = pd.DataFrame(
        {
            "position": range(len(files)),
            "id": [document for document, _ in files],
            "path": [os.path.abspath(path) for _, path in files],
            "group": [folder_of(document) if args.group_by else None for document, _ in files],
        }
    )
    table = dd.from_pandas(frame, npartitions=args.partitions or 4 * args.workers, sort=False)
    analysis, reports = cluster_options.analysis_options(args), cluster_options.report_options(args)

    partials = table.map_partitions(first_pass, analysis, meta=(None, object))
    futures = client.compute(partials.to_delayed())
    merged = tree_merge(client, [client.submit(lambda s: s.iloc[0], f) for f in futures]).result()
    stats = textgauge.finalize(merged)
    shared = client.scatter(merged, broadcast=True)
    out = os.path.abspath(args.out)
    textgauge.clear_parts(out)
    counted = table.map_partitions(second_pass, shared, out, reports, meta=(None, "int64"))
    documents = int(counted.sum().compute())
    names = textgauge.write_reports(out, stats, **reports)
    seconds = time.perf_counter() - started
    where = f"{table.npartitions} partitions, {args.workers} workers"
    print(cluster_options.summary_line(documents, where, names, out, seconds, stats), file=sys.stderr)
    client.close()


if __name__ == "__main__":
    main()
