#!/usr/bin/env bash
# Benchmarks for the README: corpus throughput and peak memory at 1 and 2
# threads, binary size, and the start-up cost of the embedded pronouncing
# dictionary. Uses the BBC corpus in ../shared/corpora/bbc when present (it
# is not part of the repository), or any folder given as the first argument.
# Needs GNU time (/usr/bin/time). Run from the repository root.
set -euo pipefail
corpus="${1:-../shared/corpora/bbc}"
runs="${RUNS:-5}"
cargo build --release --quiet
bin=target/release/textgauge
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "binary: $(stat -c %s "$bin") bytes"
if [ -d "$corpus" ]; then
  files=$(find "$corpus" -type f \( -iname '*.txt' -o -iname '*.md' \) | wc -l)
  bytes=$(find "$corpus" -type f \( -iname '*.txt' -o -iname '*.md' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  echo "corpus: $corpus, $files files, $bytes bytes"
  for jobs in 1 2; do
    best=""
    for _ in $(seq "$runs"); do
      /usr/bin/time -f "%e %M" -o "$out/time" "$bin" analyze "$corpus" --jobs "$jobs" --quiet --out "$out/reports" 2>/dev/null || true
      read -r wall rss < <(tail -n 1 "$out/time")
      if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; best_rss=$rss; fi
    done
    mbps=$(awk "BEGIN{printf \"%.1f\", $bytes / 1048576 / $best}")
    echo "analyze --jobs $jobs: best of $runs ${best}s wall, ${mbps} MiB/s, peak RSS ${best_rss} KB"
  done
else
  echo "corpus $corpus not found: skipping throughput"
fi

# Start-up: mean wall time of 50 runs counting one word, with and without
# the dictionary (the difference is building its lookup table).
mean_ms() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq 50); do "$@" > /dev/null; done
  end=$(date +%s%N)
  awk "BEGIN{printf \"%.2f\", ($end - $start) / 50 / 1000000}"
}
echo "start-up, rules only: $(mean_ms "$bin" syllables --rules-only word) ms"
echo "start-up, with dictionary: $(mean_ms "$bin" syllables word) ms"
