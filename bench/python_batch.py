"""Throughput of the Python package against the CLI, and the size of a
batch partial against its vocabulary: the figures of README's "From
Python". Needs `pip install ./python` and the BBC corpus beside the
checkout (../shared/corpora/bbc); run from the repository root:

    python bench/python_batch.py [CORPUS]
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import textgauge

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora" / "bbc"


def load(corpus):
    paths = sorted(p for p in corpus.rglob("*.txt"))
    texts = [p.read_bytes().decode("utf-8", errors="replace") for p in paths]
    return [str(p) for p in paths], texts


def timed(work, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    ids, texts = load(CORPUS)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} documents, {megabytes:.2f} MB")
    seconds, (_, partial) = timed(lambda: textgauge.analyze_part(ids, texts))
    print(f"analyze_part, one process, 1 thread: {seconds:.2f} s, {megabytes / seconds:.2f} MB/s")
    os.environ["TEXTGAUGE_NUM_THREADS"] = "2"
    # The pool is made per process: a fresh interpreter for 2 threads.
    code = (
        "import statistics,sys,time,textgauge; from pathlib import Path;"
        f"paths=sorted(Path({str(CORPUS)!r}).rglob('*.txt'));"
        "texts=[p.read_bytes().decode('utf-8','replace') for p in paths]; ids=[str(p) for p in paths];"
        "t=[];\n"
        "for _ in range(5):\n s=time.perf_counter(); textgauge.analyze_part(ids,texts); t.append(time.perf_counter()-s)\n"
        "print(statistics.median(t))"
    )
    two = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    print(f"analyze_part, one process, 2 threads: {two:.2f} s, {megabytes / two:.2f} MB/s")
    del os.environ["TEXTGAUGE_NUM_THREADS"]
    stats = textgauge.finalize(partial)
    print(f"partial: {len(partial) / 1e6:.2f} MB for {stats.documents} documents")
    binary = ROOT / "target" / "release" / "textgauge"
    with tempfile.TemporaryDirectory() as out:
        for jobs in ("1", "2"):
            cli, _ = timed(
                lambda: subprocess.run(
                    [str(binary), "analyze", str(CORPUS), "--out", out, "--quiet", "--jobs", jobs],
                    check=False,
                )
            )
            print(f"CLI --jobs {jobs} (reports included): {cli:.2f} s, {megabytes / cli:.2f} MB/s")


if __name__ == "__main__":
    main()
