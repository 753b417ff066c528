"""The Python package against the CLI: the same row for a text, and batch
statistics that are the same whatever the split and the order of merging.
Run with `python -m pytest python/tests` after `pip install ./python`."""

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import textgauge
from tests_texts import MANY, TEXTS

ROOT = Path(__file__).resolve().parents[2]


def cli_reports(tmp_path, texts, *options):
    """Run the CLI on these texts (as files in folders `a/` and `b/`);
    returns their ids as the CLI names them and the report folder."""
    folder = tmp_path / "in"
    ids = []
    for i, text in enumerate(texts):
        path = folder / "ab"[i % 2] / f"{i:02}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        ids.append(str(path))
    binary = os.environ.get("TEXTGAUGE_BIN")
    command = [binary] if binary else ["cargo", "run", "-q", "--release", "--"]
    out = tmp_path / "out"
    subprocess.run(
        command + ["analyze", str(folder), "--out", str(out), "--quiet", *options],
        cwd=ROOT,
        check=False,
    )
    return sorted(ids), out


def cli_rows(tmp_path, texts):
    """documents.csv of the CLI for these texts, as strings."""
    _, out = cli_reports(tmp_path, texts)
    with open(out / "documents.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def as_text(value):
    """A Python value as the CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def test_a_row_holds_the_cli_s_values(tmp_path):
    expected = cli_rows(tmp_path, TEXTS[:1])[0]
    row = textgauge.analyze_text(TEXTS[0], id=expected["document"])
    assert list(row) == list(expected)
    for column, value in expected.items():
        got = row[column]
        if isinstance(got, float):
            assert got == pytest.approx(float(value)), column
        else:
            assert as_text(got) == value, column


def test_merged_parts_in_any_order_give_the_whole():
    ids = [f"d{i}" for i in range(len(TEXTS))]
    _, whole = textgauge.analyze_part(ids, TEXTS)
    expected = textgauge.finalize(whole)
    rng = random.Random(7)
    for parts in (1, 2, 3, 7):
        size = -(-len(TEXTS) // parts)
        partials = [
            textgauge.analyze_part(ids[i : i + size], TEXTS[i : i + size])[1]
            for i in range(0, len(TEXTS), size)
        ]
        rng.shuffle(partials)
        stats = textgauge.finalize(textgauge.merge_partials(partials))
        assert stats.documents == expected.documents == len(TEXTS) - 1
        for metric in expected.metric_names:
            assert stats.summary(metric) == expected.summary(metric), metric


def test_scores_are_the_standings_of_compare_csv():
    ids = [f"d{i}" for i in range(len(TEXTS))]
    rows, partial = textgauge.analyze_part(ids, TEXTS)
    scored = textgauge.score_batch(rows, textgauge.finalize(partial))
    words = [row["words_percentile"] for row in scored if row["words"] > 0]
    assert min(words) > 0 and max(words) < 100
    empty = next(row for row in scored if row["words"] == 0)
    assert empty["words_z"] is None


def test_reports_written_in_parts_are_the_cli_s(tmp_path):
    ids, cli = cli_reports(tmp_path, TEXTS, "--group-by", "folder", "--sentences", "--kwic")
    texts = [Path(i).read_text(encoding="utf-8") for i in ids]
    groups = [Path(i).parent.name for i in ids]
    options = dict(sentences=True, kwic=True)
    cuts = [(0, 2), (2, 3), (3, len(ids))]
    partials = [textgauge.analyze_part(ids[a:b], texts[a:b], groups[a:b])[1] for a, b in cuts]
    stats = textgauge.finalize(textgauge.merge_partials(partials[::-1]))
    out = tmp_path / "parts"
    # Parts left by workers in any order, put together in batch order.
    for a, b in reversed(cuts):
        rows = textgauge.report_part(ids[a:b], texts[a:b], stats, groups[a:b], **options)
        textgauge.write_part(out, a, rows)
    written = textgauge.write_reports(out, stats, **options)
    reports = ("documents", "terms", "themes", "corpus_terms", "keyness", "compare", "groups", "sentences", "kwic", "errors")
    for name in reports:
        assert name in written
        assert (out / f"{name}.csv").read_bytes() == (cli / f"{name}.csv").read_bytes(), name
    assert not (out / textgauge.PARTS_FOLDER).exists()


def test_term_options_are_the_cli_s(tmp_path):
    ids, cli = cli_reports(
        tmp_path, TEXTS, "--ngrams", "1-2", "--stopwords", "none", "--stem", "--kwic", "--kwic-window", "2"
    )
    texts = [Path(i).read_bytes() for i in ids]
    options = dict(ngrams=(1, 2), stopwords="none", stem=True, kwic=True, kwic_window=2)
    _, partial = textgauge.analyze_part(ids, texts, **options)
    stats = textgauge.finalize(partial)
    out = tmp_path / "parts"
    textgauge.write_reports(out, stats, [textgauge.report_part(ids, texts, stats, **options)], **options)
    for name in ("terms", "corpus_terms", "keyness", "compare", "kwic", "documents"):
        assert (out / f"{name}.csv").read_bytes() == (cli / f"{name}.csv").read_bytes(), name
    with pytest.raises(ValueError, match="ngrams"):
        textgauge.analyze_text("One two.", ngrams=(2, 1))


def test_scores_match_compare_csv(tmp_path):
    ids, cli = cli_reports(tmp_path, TEXTS)
    texts = [Path(i).read_text(encoding="utf-8") for i in ids]
    rows, partial = textgauge.analyze_part(ids, texts)
    scored = {row["document"]: row for row in textgauge.score_batch(rows, textgauge.finalize(partial))}
    with open(cli / "compare.csv", encoding="utf-8") as f:
        compared = list(csv.DictReader(f))
    assert compared
    for line in compared:
        row = scored[line["document"]]
        for column in ("z", "percentile"):
            value = row[f"{line['metric']}_{column}"]
            decimals = 3 if column == "z" else 1
            assert ("" if value is None else f"{value:.{decimals}f}").replace("-0.000", "0.000") == line[column]


def test_key_terms_are_those_of_keyness_csv(tmp_path):
    ids, cli = cli_reports(tmp_path, TEXTS)
    texts = [Path(i).read_bytes() for i in ids]
    rows, partial = textgauge.analyze_part(ids, texts)
    stats = textgauge.finalize(partial)
    scored = textgauge.score_batch(rows, stats, texts=texts)
    with open(cli / "keyness.csv", encoding="utf-8") as f:
        keyness = list(csv.DictReader(f))
    assert keyness
    for row in scored:
        expected = [k["term"] for k in keyness if k["document"] == row["document"]]
        assert row["key_terms"] == "; ".join(expected), row["document"]


def test_pruned_statistics_need_as_high_a_min_count():
    ids = [f"d{i}" for i in range(len(TEXTS))]
    _, partial = textgauge.analyze_part(ids, TEXTS)
    pruned = textgauge.finalize(textgauge.prune_partial(partial, 2))
    assert pruned.vocabulary < textgauge.finalize(partial).vocabulary
    with pytest.raises(ValueError, match="min-count of at least"):
        textgauge.report_part(ids, TEXTS, pruned)
    shards = textgauge.split_partial(partial, 3)
    assert textgauge.finalize(textgauge.merge_partials(shards)).vocabulary == textgauge.finalize(partial).vocabulary
    assert textgauge.report_part(ids, TEXTS, pruned, min_count=2)["documents"]


def test_arrow_rows_are_built_in_rust_with_the_csv_s_values():
    pa = pytest.importorskip("pyarrow")
    ids = [f"d{i}" for i in range(len(TEXTS))]
    batch, partial = textgauge.analyze_part(ids, TEXTS, arrow=True)
    assert isinstance(batch, pa.RecordBatch)
    rows, same = textgauge.analyze_part(ids, TEXTS)
    assert same == partial
    assert batch.schema.names == list(rows[0])
    assert batch.schema.field("words").type == pa.int64()
    assert batch.schema.field("flesch_reading_ease").type == pa.float64()
    assert batch.schema.field("document").type == pa.string()
    assert batch.to_pylist() == rows
    table, _ = textgauge.analyze_batch(pa.table({"text": TEXTS}))
    assert isinstance(table, pa.Table) and table.num_rows == len(TEXTS)
    empty, _ = textgauge.analyze_part([], [], arrow=True)
    assert empty.num_rows == 0 and empty.schema == batch.schema


def test_the_polars_namespace_gives_the_rows():
    pl = pytest.importorskip("polars")
    import textgauge.polars  # noqa: F401

    frame = pl.DataFrame({"body": TEXTS + [None]})
    rows = frame.select(pl.col("body").textgauge.analyze()).unnest("body")
    expected, _ = textgauge.analyze_part([str(i + 1) for i in range(len(TEXTS) + 1)], TEXTS + [""])
    assert rows.columns == [c for c in expected[0] if c != "document"]
    for got, want in zip(rows.to_dicts(), expected):
        del want["document"]
        assert got == want


def test_an_unknown_report_option_is_refused():
    _, partial = textgauge.analyze_part(["a"], ["One two."])
    with pytest.raises(TypeError, match="unexpected option `mincount`"):
        textgauge.report_frames(textgauge.finalize(partial), mincount=2)


def test_statistics_pickle_as_their_partial():
    import pickle

    _, partial = textgauge.analyze_part(["a", "b"], ["One two.", "Three four five."])
    stats = textgauge.finalize(partial)
    again = pickle.loads(pickle.dumps(stats))
    assert again.summary("words") == stats.summary("words")
    assert again.to_bytes() == partial


def test_errors_are_value_errors_with_the_cli_s_message(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("theme,pattern,weigth\nx,y,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown column `weigth`"):
        textgauge.analyze_text("text", themes=str(bad))
    with pytest.raises(ValueError, match="not a textgauge batch partial"):
        textgauge.finalize(b"nonsense")


def test_a_dataframe_batch():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"body": TEXTS, "outlet": ["a", "b"] * 3 + ["a"]})
    rows, partial = textgauge.analyze_batch(frame, text_column="body", group_column="outlet")
    assert list(rows["document"]) == [str(i + 1) for i in range(len(TEXTS))]
    assert textgauge.finalize(partial).documents == len(TEXTS) - 1




def test_a_forked_child_analyzes_without_hanging_or_warning(tmp_path):
    # The parent uses its pool on a text long enough to be counted in
    # pieces, in parallel (paragraphs over 1 MiB); a child forked from it
    # then does the same. With rayon's global pool the child would wait
    # for ever on threads it does not have.
    long_text = "The minister said the budget may rise.\n\n" * 30000
    parent = textgauge.analyze_text(long_text)
    script = tmp_path / "fork.py"
    script.write_text(
        "import os, sys, textgauge\n"
        "text = 'The minister said the budget may rise.\\n\\n' * 30000\n"
        "words = textgauge.analyze_text(text)['words']\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    os._exit(0 if textgauge.analyze_text(text)['words'] == words else 3)\n"
        "_, status = os.waitpid(pid, 0)\n"
        "sys.exit(os.waitstatus_to_exitcode(status))\n",
        encoding="utf-8",
    )
    for threads in ("1", "2"):
        env = dict(os.environ, TEXTGAUGE_NUM_THREADS=threads)
        done = subprocess.run(
            [sys.executable, str(script)], env=env, capture_output=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == b"", "no warning"
    assert parent["words"] == 7 * 30000


def test_rows_and_partials_are_the_same_whatever_the_threads():
    code = (
        "import sys, textgauge, tests_texts\n"
        "rows, partial = textgauge.analyze_part([str(i) for i in range(len(tests_texts.MANY))], tests_texts.MANY)\n"
        "sys.stdout.buffer.write(partial + repr(rows).encode())\n"
    )
    outputs = []
    for threads in ("1", "2"):
        env = dict(os.environ, TEXTGAUGE_NUM_THREADS=threads, PYTHONPATH=str(Path(__file__).parent))
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]


def test_missing_cells_are_no_text_and_line_ends_are_the_cli_s():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"text": ["Hello there.", None, float("nan")]})
    rows, _ = textgauge.analyze_batch(frame)
    assert list(rows["words"]) == [2, 0, 0]
    crlf = textgauge.analyze_text("Heading\r\rThe minister said it was over. She left.")
    lf = textgauge.analyze_text("Heading\n\nThe minister said it was over. She left.")
    assert crlf == lf and crlf["title"] == "Heading"


def test_python_threads_calling_at_once_get_the_same_results():
    from concurrent.futures import ThreadPoolExecutor

    ids = [f"d{i}" for i in range(len(MANY))]
    expected = textgauge.analyze_part(ids, MANY)
    with ThreadPoolExecutor(max_workers=4) as threads:
        results = list(threads.map(lambda _: textgauge.analyze_part(ids, MANY), range(8)))
    assert all(result == expected for result in results)


def test_missing_groups_are_the_none_group_and_unreadable_files_are_errors(tmp_path):
    ids = ["a", "b", "c", "d"]
    texts = [TEXTS[0], TEXTS[1], TEXTS[2], None]
    groups = ["left", None, "", "left"]
    _, partial = textgauge.analyze_part(ids, texts, groups)
    stats = textgauge.finalize(partial)
    rows = textgauge.report_part(ids, texts, stats, groups)
    written = textgauge.write_reports(tmp_path, stats, [rows])
    groups_csv = (tmp_path / "groups.csv").read_text()
    assert "\n(none),words,2," in groups_csv and "\nleft,words,1," in groups_csv
    assert "errors" in written
    assert (tmp_path / "errors.csv").read_text() == "document,stage,message\nd,read,no such file or folder\n"


def test_write_reports_replaces_an_earlier_run_whole(tmp_path):
    ids = [f"d{i}" for i in range(len(TEXTS))]
    _, partial = textgauge.analyze_part(ids, TEXTS)
    stats = textgauge.finalize(partial)
    first = textgauge.write_reports(tmp_path, stats, [textgauge.report_part(ids, TEXTS, stats, sentences=True)], sentences=True)
    assert "sentences" in first and (tmp_path / "sentences.csv").exists()
    textgauge.write_part(tmp_path, 99, {"documents": b"left,over\n"})
    textgauge.clear_parts(tmp_path)
    second = textgauge.write_reports(tmp_path, stats)
    assert "sentences" not in second and not (tmp_path / "sentences.csv").exists()
    assert (tmp_path / textgauge.MANIFEST).read_text().split() == [n + ".csv" for n in second]
    assert b"left,over" not in (tmp_path / "documents.csv").read_bytes()
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_key_terms_of_pruned_statistics_need_as_high_a_min_count():
    ids = [f"d{i}" for i in range(len(TEXTS))]
    rows, partial = textgauge.analyze_part(ids, TEXTS)
    pruned = textgauge.finalize(textgauge.prune_partial(partial, 2))
    with pytest.raises(ValueError, match="min-count of at least"):
        textgauge.score_batch(rows, pruned, texts=TEXTS)
    whole = textgauge.score_batch(rows, textgauge.finalize(partial), texts=TEXTS, min_count=2)
    cut = textgauge.score_batch(rows, pruned, texts=TEXTS, min_count=2)
    assert [r["key_terms"] for r in cut] == [r["key_terms"] for r in whole]


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
