#!/usr/bin/env bash
# Linear time on pathological inputs, measured (tests only check that they
# finish): text without white space, one long sentence, a letter under
# combining accents, `1.` repeated and Markdown brackets, at 1, 2, 4 and
# 8 MB. Linear time shows as a steady MB/s down each kind. Wall time also
# grows with cache misses as the term tables outgrow the caches, so for text
# without white space the script also counts instructions (valgrind's
# callgrind, when installed) at 1 and 2 MB: linear work doubles them.
# Run from the repository root; needs python3 and GNU time (/usr/bin/time).
set -euo pipefail
cargo build --release --quiet
bin=$PWD/target/release/textgauge
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
random.seed(2026)
alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789.,;:-'\"!?()/@"
words = ["the", "council", "said", "that", "it", "would", "consider", "1,000", "U.S.", "reform"]
for mb in (1, 2, 4, 8):
    n = mb << 20
    with open(f"{work}/nospace_{mb}.txt", "w") as f:
        f.write("".join(random.choice(alphabet) for _ in range(n)))
    text, size = [], 0
    while size < n:
        w = random.choice(words); text.append(w); size += len(w) + 1
    with open(f"{work}/sentence_{mb}.txt", "w") as f:
        f.write(" ".join(text) + ".")
    with open(f"{work}/combining_{mb}.txt", "w") as f:
        f.write("a" + "\u0301" * (n // 2))
    with open(f"{work}/dots_{mb}.txt", "w") as f:
        f.write("1." * (n // 2))
    with open(f"{work}/brackets_{mb}.md", "w") as f:
        f.write("[1]" * (n // 3))
PY
printf '%-10s %4s %8s %8s %9s\n' input MB seconds MB/s peak_MiB
for kind in nospace sentence combining dots brackets; do
  for mb in 1 2 4 8; do
    file=$(ls "$work/${kind}_$mb".*)
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" analyze "$file" --sentences --quiet --out "$work/out"
    read -r secs kb < "$work/time"
    awk -v k="$kind" -v mb="$mb" -v s="$secs" -v kb="$kb" 'BEGIN{printf "%-10s %4d %8.2f %8.2f %9.0f\n", k, mb, s, mb/(s>0?s:0.01), kb/1024}'
  done
done
if command -v valgrind >/dev/null; then
  for mb in 1 2; do
    valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$bin" analyze "$work/nospace_$mb.txt" --sentences --quiet --out "$work/out" 2>"$work/cg.log"
    echo "nospace $mb MB: $(grep -o 'refs: *[0-9,]*' "$work/cg.log" | tr -s ' ') instructions"
  done
fi
