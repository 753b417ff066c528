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
from tests_texts import TEXTS

ROOT = Path(__file__).resolve().parents[2]


def cli_rows(tmp_path, texts):
    """documents.csv of the CLI for these texts, as strings."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i:02}.txt").write_text(text, encoding="utf-8")
    binary = os.environ.get("TEXTGAUGE_BIN")
    command = [binary] if binary else ["cargo", "run", "-q", "--release", "--"]
    subprocess.run(
        command + ["analyze", str(folder), "--out", str(tmp_path / "out"), "--quiet"],
        cwd=ROOT,
        check=False,
    )
    with open(tmp_path / "out" / "documents.csv", encoding="utf-8") as f:
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
            textgauge.analyze_part(ids[i : i + size], TEXTS[i : i + size], first=i)[1]
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


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))


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


def test_duplicate_ids_are_refused_when_scoring():
    rows, partial = textgauge.analyze_part(["same", "same"], ["One two.", "Three four five."])
    with pytest.raises(ValueError, match="ids must be unique"):
        textgauge.score_batch(rows, textgauge.finalize(partial))
