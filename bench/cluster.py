"""The figures of README's "Running on a cluster": throughput of the CLI,
of one Python process and of Spark and Dask (local mode) with 1 and 2
workers, the engines' overhead, the driver's peak memory, and the size of
the merged partial against the vocabulary. Needs `pip install ./python
pyspark "dask[distributed]" pandas`, Java 17, a release build, and the BBC
corpus beside the checkout (or a folder given); run from the repository
root:

    python bench/cluster.py [CORPUS] [--runs N]
"""

import argparse
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import textgauge
from textgauge.files import discover, read_file

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def timed_run(command, env=None, runs=3):
    """Median wall time of `command` and its last stderr line."""
    times, line = [], ""
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            done = subprocess.run(
                command + [out],
                capture_output=True,
                text=True,
                env={**os.environ, **(env or {})},
            )
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                sys.exit(f"{command} failed:\n{done.stderr}")
            line = (done.stderr.strip().splitlines() or [""])[-1]
    return statistics.median(times), line


def configurations(corpus):
    cli = str(ROOT / "target" / "release" / "textgauge")
    py = sys.executable
    grouped = ["--group-by", "folder"]
    for jobs in ("1", "2"):
        yield f"CLI, --jobs {jobs}", [cli, "analyze", corpus, "--quiet", "--jobs", jobs, *grouped, "--out"], {}
    for threads in ("1", "2"):
        yield (
            f"one Python process, {threads} thread(s)",
            [py, str(EXAMPLES / "batch_textgauge.py"), corpus, *grouped],
            {"TEXTGAUGE_NUM_THREADS": threads},
        )
    for workers in ("1", "2"):
        spark = [py, str(EXAMPLES / "pyspark_textgauge.py"), corpus, *grouped]
        yield f"Spark local, {workers} worker(s), 4 partitions", spark + ["--workers", workers, "--partitions", "4"], {}
    for workers in ("1", "2"):
        dask = [py, str(EXAMPLES / "dask_textgauge.py"), corpus, *grouped, "--workers", workers]
        yield f"Dask LocalCluster, {workers} worker(s)", dask + ["--partitions", "8"], {}


def partial_growth(paths):
    """Merged partial size and vocabulary for growing prefixes of the corpus."""
    rows = []
    for n in (250, 500, 1000, len(paths)):
        texts = [read_file(p) for p in paths[:n]]
        _, partial = textgauge.analyze_part(paths[:n], texts)
        stats = textgauge.finalize(partial)
        words = stats.summary("words")
        tokens = round(words["mean"] * words["n"])
        rows.append((n, tokens, stats.vocabulary, len(partial)))
    return rows


def heaps(rows):
    """Heaps' law V = K·N^β fitted (least squares in logs) to (tokens, terms)."""
    xs = [math.log(t) for _, t, _, _ in rows]
    ys = [math.log(v) for _, _, v, _ in rows]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    beta = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return math.exp(my - beta * mx), beta


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "bbc"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    paths = discover([args.corpus])
    megabytes = sum(os.path.getsize(p) for p in paths) / 1e6
    print(f"{len(paths)} documents, {megabytes:.2f} MB, {os.cpu_count()} cores; medians of {args.runs}\n")
    print("| run | time | MB/s | driver peak | |\n| --- | --- | --- | --- | --- |")
    for name, command, env in configurations(args.corpus):
        seconds, line = timed_run(command, env, args.runs)
        peak = re.search(r"driver peak (\d+) MiB", line)
        inner = re.search(r"\(([\d.]+) s;", line)
        print(
            f"| {name} | {seconds:.2f} s | {megabytes / seconds:.2f} | "
            f"{peak.group(1) + ' MiB' if peak else ''} | {'inside: ' + inner.group(1) + ' s' if inner else ''} |"
        )
    print("\n| documents | tokens | terms | merged partial | bytes a term |\n| --- | --- | --- | --- | --- |")
    rows = partial_growth(paths)
    for n, tokens, terms, size in rows:
        print(f"| {n} | {tokens} | {terms} | {size / 1e6:.2f} MB | {size / terms:.1f} |")
    k, beta = heaps(rows)
    print(f"\nHeaps' law fit: terms = {k:.1f} x tokens^{beta:.3f}")
    per_doc = rows[-1][1] / rows[-1][0]
    for articles in (10_000_000, 1_000_000_000):
        tokens = per_doc * articles
        terms = k * tokens**beta
        size = terms * rows[-1][3] / rows[-1][2]
        print(f"{articles:,} articles: ~{tokens:.2e} tokens, ~{terms:.2e} terms, merged partial ~{size / 1e9:.1f} GB")


if __name__ == "__main__":
    main()
