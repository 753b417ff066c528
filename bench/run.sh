#!/usr/bin/env bash
# Throughput and memory of `textgauge analyze` against `cat FILES | wc -w`,
# timed interleaved on the same inputs (a run of one, then a run of the
# other, RUNS times), with the median wall time, MB/s, peak memory and the
# ratio to wc printed for each. Run from the repository root:
#
#   bash bench/run.sh            # RUNS=5 by default
#
# Inputs:
# - a corpus: ../shared/corpora/bbc when present (not part of the
#   repository), else one built here from the repository's own texts;
# - one file of at least 100 MB, the corpus concatenated over and over.
# Also: the start-up time of `analyze` on one small file.
# Needs GNU time (/usr/bin/time) for peak memory.
set -euo pipefail
runs="${RUNS:-5}"
jobs_list="${JOBS:-1 2}"
big_mb="${BIG_MB:-100}"
corpus="${CORPUS:-../shared/corpora/bbc}"
work=$(mktemp -d "${TMPDIR:-/tmp}/textgauge-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=$(pwd)/target/release/textgauge

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "textgauge $("$bin" --version | cut -d' ' -f2), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), runs: $runs"

# A corpus of the repository's own texts when the BBC corpus is absent:
# every .txt under seeds/ and tests/, copied 40 times into numbered folders.
if [ ! -d "$corpus" ]; then
  corpus="$work/corpus"
  for copy in $(seq 40); do
    mkdir -p "$corpus/$copy"
    find seeds tests -name '*.txt' -size -200k | while read -r f; do
      cp "$f" "$corpus/$copy/$(echo "$f" | tr / _)"
    done
  done
fi

# The corpus's text files, in a stable order.
find "$corpus" -type f -name '*.txt' -print0 | sort -z > "$work/files"
corpus_bytes=$(du -cb --files0-from="$work/files" | tail -1 | cut -f1)
corpus_files=$(tr -cd '\0' < "$work/files" | wc -c)

# One big file: the corpus's texts one after another, blank lines between,
# repeated until it holds at least $big_mb MB.
big="$work/big/all.txt"
mkdir -p "$work/big"
while [ "$(stat -c %s "$big" 2>/dev/null || echo 0)" -lt $((big_mb * 1000000)) ]; do
  xargs -0 awk 'FNR==1 && NR>1 {print ""} {print}' < "$work/files" >> "$big"
  echo >> "$big"
done
big_bytes=$(stat -c %s "$big")

# time_once OUT_FILE CMD...: wall seconds (to the microsecond, from bash's
# clock; GNU time's own is to the hundredth) and peak KB of one run, appended.
time_once() {
  local out=$1 start end
  shift
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || {
    echo "failed: $*" >&2
    cat "$work/stderr" >&2
    exit 1
  }
  end=$EPOCHREALTIME
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.6f", b - a}') $(tail -n 1 "$work/time")" >> "$out"
}

# median COLUMN FILE: the median of one column.
median() {
  sort -g -k"$1","$1" "$2" | awk -v c="$1" '{v[NR]=$c} END {
    if (NR % 2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2 }'
}

printf '\n%-10s %-22s %10s %10s %12s %10s\n' input run "median s" "MB/s" "peak MiB" "vs wc"
# bench NAME BYTES INPUT FILE_LIST: wc and textgauge, interleaved.
bench() {
  local name=$1 bytes=$2 input=$3 list=$4
  rm -f "$work"/t.*
  for _ in $(seq "$runs"); do
    time_once "$work/t.wc" sh -c "xargs -0 cat < '$list' | wc -w"
    for jobs in $jobs_list; do
      time_once "$work/t.j$jobs" "$bin" analyze "$input" --jobs "$jobs" --quiet --out "$work/reports"
    done
  done
  local wc_s
  wc_s=$(median 1 "$work/t.wc")
  report "$name" "cat | wc -w" "$bytes" "$work/t.wc" "$wc_s"
  for jobs in $jobs_list; do
    report "$name" "analyze --jobs $jobs" "$bytes" "$work/t.j$jobs" "$wc_s"
  done
}

# report NAME RUN BYTES TIMES WC_SECONDS: one line of the table.
report() {
  local s kb
  s=$(median 1 "$4")
  kb=$(median 2 "$4")
  awk -v n="$1" -v r="$2" -v b="$3" -v s="$s" -v kb="$kb" -v w="$5" 'BEGIN {
    printf "%-10s %-22s %10.3f %10.1f %12.1f %9.2fx\n", n, r, s, b / 1e6 / s, kb / 1024, (b / 1e6 / s) / (b / 1e6 / w) }'
}

printf '%s\0' "$big" > "$work/big_list"
bench corpus "$corpus_bytes" "$corpus" "$work/files"
bench "big file" "$big_bytes" "$big" "$work/big_list"
echo
echo "corpus: $corpus_files files, $corpus_bytes bytes; big file: $big_bytes bytes"

# Start-up: analyze one small file (the seed), median of 21 runs.
rm -f "$work/t.start"
for _ in $(seq 21); do
  time_once "$work/t.start" "$bin" analyze seeds --quiet --out "$work/seed_reports"
done
echo "start-up: analyze seeds/ (one small file): median $(awk '{printf "%.1f ms\n", $1 * 1000}' <<< "$(median 1 "$work/t.start")"), peak $(awk '{print int($2/1024)}' "$work/t.start" | sort -n | tail -1) MiB"
