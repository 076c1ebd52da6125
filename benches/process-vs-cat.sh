#!/usr/bin/env bash
# The whole `planner week` process against `cat` reading the same file, side by side in
# one run, and the peak memory of one `planner week`.
#
#   benches/process-vs-cat.sh [EXAMPLE] [ITERATIONS]
#
# EXAMPLE is a name in examples/ (default base-week), ITERATIONS the runs of each
# command (default 1000). The runs alternate in blocks of 50, ABBA, so that a change in
# machine load falls on both sides. Targets (issue 6): planner at most 1.25 times cat;
# peak RSS under 4 MiB. Exits 1 if a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

example=${1:-base-week}
iterations=${2:-1000}
file=examples/$example.toml
block=50
[[ -f $file ]] || { echo "no such example: $file" >&2; exit 2; }

cargo build --release --locked --quiet
bin=target/release/planner
cat=$(command -v cat)

# Nanoseconds for $block runs of the command in "$@".
run_block() {
  local start end i
  start=$(date +%s%N)
  for ((i = 0; i < block; i++)); do
    "$@" >/dev/null
  done
  end=$(date +%s%N)
  echo $((end - start))
}

planner_ns=0
cat_ns=0
version_ns=0
# Warm the page cache and the binary.
run_block "$bin" week "$file" --format json >/dev/null
run_block "$cat" "$file" >/dev/null
for ((round = 0; round < iterations / block; round++)); do
  if ((round % 2 == 0)); then
    planner_ns=$((planner_ns + $(run_block "$bin" week "$file" --format json)))
    cat_ns=$((cat_ns + $(run_block "$cat" "$file")))
    version_ns=$((version_ns + $(run_block "$bin" --version)))
  else
    version_ns=$((version_ns + $(run_block "$bin" --version)))
    cat_ns=$((cat_ns + $(run_block "$cat" "$file")))
    planner_ns=$((planner_ns + $(run_block "$bin" week "$file" --format json)))
  fi
done
runs=$((iterations / block * block))

per_run_us() { awk -v ns="$1" -v n="$runs" 'BEGIN { printf "%.0f", ns / n / 1000 }'; }
ratio=$(awk -v p="$planner_ns" -v c="$cat_ns" 'BEGIN { printf "%.2f", p / c }')
startup_ratio=$(awk -v p="$version_ns" -v c="$cat_ns" 'BEGIN { printf "%.2f", p / c }')

echo "$runs runs each of $file, alternating in blocks of $block:"
printf '  %-42s %6s µs/run\n' "planner week $file --format json" "$(per_run_us "$planner_ns")"
printf '  %-42s %6s µs/run\n' "planner --version (startup only)" "$(per_run_us "$version_ns")"
printf '  %-42s %6s µs/run\n' "cat $file" "$(per_run_us "$cat_ns")"
echo "  ratio planner week / cat: $ratio (target <= 1.25)"
echo "  ratio planner --version / cat: $startup_ratio"

# Peak resident memory (VmHWM) of one run, from GNU time.
status=0
if [[ -x /usr/bin/time ]]; then
  peak_kib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
  planner_kib=$(peak_kib "$bin" week "$file" --format json)
  cat_kib=$(peak_kib "$cat" "$file")
  echo "peak RSS: planner week $planner_kib KiB, cat $cat_kib KiB (target < 4096 KiB)"
  ((planner_kib < 4096)) || status=1

  # Hostile files near the 1 MiB limit must be refused with memory still bounded.
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  awk 'BEGIN { printf "[week]\nmon = ["; for (i = 0; i < 100000; i++) printf "\"easy\","; print "]" }' >"$tmp/runs.toml"
  awk 'BEGIN { printf "[lifts]\n"; for (i = 0; i < 60000; i++) printf "l%d = 1\n", i }' >"$tmp/lifts.toml"
  awk 'BEGIN { printf "x = "; for (i = 0; i < 500000; i++) printf "[" }' >"$tmp/nested.toml"
  head -c 2000000 /dev/zero | tr '\0' '#' >"$tmp/too-big.toml"
  for hostile in runs lifts nested too-big; do
    kib=$( (/usr/bin/time -f %M "$bin" week "$tmp/$hostile.toml" >/dev/null 2>"$tmp/err") || true; tail -n 1 "$tmp/err")
    printf '  %-28s %6s KiB  %s\n' "hostile $hostile.toml ($(wc -c <"$tmp/$hostile.toml") B)" "$kib" \
      "$(head -n 1 "$tmp/err" | cut -c1-60)"
  done
else
  echo "peak RSS: /usr/bin/time not found (apt-get install time)"
fi

size=$(stat -c %s "$bin")
stripped=$(mktemp)
strip -o "$stripped" "$bin" 2>/dev/null && stripped_size=$(stat -c %s "$stripped") || stripped_size=?
rm -f "$stripped"
echo "binary: $size bytes ($stripped_size stripped)"

awk -v r="$ratio" 'BEGIN { exit !(r <= 1.25) }' || status=1
exit $status
