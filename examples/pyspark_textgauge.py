"""textgauge on Spark: the CLI's batch, its per-document work spread over
Spark's workers, with the same CSV reports, byte for byte.

    python examples/pyspark_textgauge.py INPUT... OUT [--partitions N] [--workers N]
        [--group-by folder] [the report options of `textgauge analyze`]

Needs `pip install "./python[spark]"` and Java 17 or later. Run directly,
it starts Spark in local mode (`--workers` cores); under `spark-submit` (or
on Databricks) it uses the master it is given. INPUT and OUT must then be
on a file system every executor reads and writes at the same path (DBFS,
NFS, a mounted bucket).

How: the driver lists the files (`textgauge.files.discover`: the CLI's
order and ids); a DataFrame of (position, id, absolute path, group) is cut
into partitions.
1. `mapInArrow`: each worker reads and analyzes its texts
   (`textgauge.analyze_part`, single-threaded) and sends back only a
   partial summary (integer counts and histograms, no per-document rows).
2. `treeReduce` merges the partials on the executors, so the driver merges
   only the last few; the driver finalizes the batch statistics. With
   `--shards N` each partial is cut by term into N shards and Spark's own
   `reduceByKey` merges each shard on an executor (pruned there of the
   terms under `--min-count`), so the driver holds only the pruned
   shards' terms.
3. The statistics are broadcast (pickled as the merged partial); a second
   `mapInArrow` pass reads each text again and writes its rows of every
   report against the batch (`textgauge.report_part`, `write_part`).
4. The driver puts each report together in batch order
   (`textgauge.write_reports`).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cluster_options  # noqa: E402

import textgauge  # noqa: E402
from textgauge.files import discover, folder_of, read_file  # noqa: E402


def first_pass(batches, options, shards):
    import pyarrow as pa

    for batch in batches:
        ids = batch.column("id").to_pylist()
        groups = batch.column("group").to_pylist()
        texts = [read_file(p) for p in batch.column("path").to_pylist()]
        _, partial = textgauge.analyze_part(ids, texts, groups, arrow=True, **options)
        parts = textgauge.split_partial(partial, shards) if shards else [partial]
        shard = pa.array(range(len(parts)), pa.int32())
        yield pa.RecordBatch.from_pydict({"shard": shard, "partial": pa.array(parts, pa.binary())})


def merge_two(a, b):
    return textgauge.merge_partials([a, b])


def reduce_on_driver(partials):
    """Every term merged up a tree on the executors, the last merges on
    the driver, which holds the whole vocabulary."""
    return partials.rdd.map(lambda row: bytes(row.partial)).treeReduce(merge_two, depth=2)


def reduce_by_shard(partials, shards, min_count):
    """Each shard of the vocabulary merged on an executor (Spark's own
    group-by), pruned there of terms seen fewer than `min_count` times; the
    driver only joins the pruned shards."""
    pairs = partials.rdd.map(lambda row: (row.shard, bytes(row.partial)))
    merged = pairs.reduceByKey(merge_two, numPartitions=shards)
    if min_count > 1:
        merged = merged.mapValues(lambda partial: textgauge.prune_partial(partial, min_count))
    return textgauge.merge_partials(merged.values().collect())


def second_pass(batches, merged, out, options):
    import pyarrow as pa

    stats = textgauge.finalize_once(merged)
    for batch in batches:
        if batch.num_rows == 0:
            continue
        first = batch.column("position")[0].as_py()
        ids = batch.column("id").to_pylist()
        groups = batch.column("group").to_pylist()
        texts = [read_file(p) for p in batch.column("path").to_pylist()]
        rows = textgauge.report_part(ids, texts, stats, groups, **options)
        textgauge.write_part(out, first, rows)
        yield pa.RecordBatch.from_pydict({"documents": [len(ids)]})


def main(argv=None):
    p = cluster_options.parser(__doc__.splitlines()[0])
    p.add_argument("--partitions", type=int, default=2)
    p.add_argument("--workers", type=int, default=2, help="local mode: cores (default 2)")
    p.add_argument(
        "--shards",
        type=int,
        default=0,
        help="merge the vocabulary in this many shards on the executors (with --min-count N, "
        "pruned there of terms seen fewer than N times) instead of on the driver",
    )
    args = p.parse_args(argv)
    from pyspark.sql import SparkSession

    # Workers run this Python (with textgauge installed), not the first on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark import SparkConf

    started = time.perf_counter()
    builder = SparkSession.builder
    if not SparkConf().contains("spark.master"):
        # Not under spark-submit (which sets the master): local mode.
        builder = builder.master(f"local[{args.workers}]")
    spark = (
        builder.appName("textgauge")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    files = discover(args.inputs)
    rows = [
        (i, document, os.path.abspath(path), folder_of(document) if args.group_by else None)
        for i, (document, path) in enumerate(files)
    ]
    schema = "position long, id string, path string, group string"
    table = spark.sparkContext.parallelize(rows, args.partitions).toDF(schema)
    analysis, reports = cluster_options.analysis_options(args), cluster_options.report_options(args)

    shards = args.shards
    partials = table.mapInArrow(lambda b: first_pass(b, analysis, shards), "shard int, partial binary")
    if shards:
        merged = reduce_by_shard(partials, shards, args.min_count)
    else:
        merged = reduce_on_driver(partials)
    stats = textgauge.finalize(merged)
    shared = spark.sparkContext.broadcast(merged)
    out = os.path.abspath(args.out)
    textgauge.clear_parts(out)
    written = table.mapInArrow(
        lambda b: second_pass(b, shared.value, out, reports), "documents long"
    ).collect()
    names = textgauge.write_reports(out, stats, **reports)
    seconds = time.perf_counter() - started
    where = f"{args.partitions} partitions, {args.workers} workers"
    documents = sum(r.documents for r in written)
    print(cluster_options.summary_line(documents, where, names, out, seconds, stats), file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
