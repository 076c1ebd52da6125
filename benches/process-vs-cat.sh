#!/usr/bin/env bash
# The whole `planner week` process against `cat` reading the same file, side by side in
# one run, and the peak memory of one `planner week`.
#
#   benches/process-vs-cat.sh [EXAMPLE] [ITERATIONS]
#
# EXAMPLE is a name in examples/ (default base-week), ITERATIONS the runs of each
# command (default 1000). The runs alternate in blocks of 50, ABBA, so that a change in
# machine load falls on both sides.
#
# Two builds are measured: the default `cargo build --release` (glibc linked
# dynamically) and, on Linux with glibc, the static build the README recommends for
# installing (`-C target-feature=+crt-static`, a static position-independent binary:
# no dynamic loader, no shared libraries to map and relocate, address randomisation
# kept). Targets (issue 6): planner at most 1.25 times cat; peak RSS under 4 MiB.
# Exits 1 if the recommended build misses a target.
set -euo pipefail
cd "$(dirname "$0")/.."

example=${1:-base-week}
iterations=${2:-1000}
file=examples/$example.toml
block=50
[[ -f $file ]] || { echo "no such example: $file" >&2; exit 2; }

cargo build --release --locked --quiet
target_dir=${CARGO_TARGET_DIR:-target}
builds=("$target_dir/release/planner")
names=("default build")
host=$(rustc -vV | sed -n 's/^host: //p')
if [[ $host == *-linux-gnu ]]; then
  RUSTFLAGS="-C target-feature=+crt-static" \
    cargo build --release --locked --quiet --target "$host"
  builds+=("$target_dir/$host/release/planner")
  names+=("static build")
fi
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

# Warm the page cache and the binaries.
for bin in "${builds[@]}"; do run_block "$bin" week "$file" --format json >/dev/null; done
run_block "$cat" "$file" >/dev/null

declare -a week_ns version_ns
for i in "${!builds[@]}"; do week_ns[i]=0; version_ns[i]=0; done
cat_ns=0
for ((round = 0; round < iterations / block; round++)); do
  order=("${!builds[@]}")
  ((round % 2 == 0)) || order=($(printf '%s\n' "${order[@]}" | tac))
  if ((round % 2 == 0)); then cat_ns=$((cat_ns + $(run_block "$cat" "$file"))); fi
  for i in "${order[@]}"; do
    week_ns[i]=$((week_ns[i] + $(run_block "${builds[i]}" week "$file" --format json)))
    version_ns[i]=$((version_ns[i] + $(run_block "${builds[i]}" --version)))
  done
  if ((round % 2 == 1)); then cat_ns=$((cat_ns + $(run_block "$cat" "$file"))); fi
done
runs=$((iterations / block * block))

per_run_us() { awk -v ns="$1" -v n="$runs" 'BEGIN { printf "%.0f", ns / n / 1000 }'; }
ratio_of() { awk -v p="$1" -v c="$cat_ns" 'BEGIN { printf "%.2f", p / c }'; }

echo "$runs runs each of $file, alternating in blocks of $block:"
printf '  %-44s %6s µs/run\n' "cat $file" "$(per_run_us "$cat_ns")"
for i in "${!builds[@]}"; do
  printf '  %-44s %6s µs/run  %s × cat\n' "planner week --format json (${names[i]})" \
    "$(per_run_us "${week_ns[i]}")" "$(ratio_of "${week_ns[i]}")"
  printf '  %-44s %6s µs/run  %s × cat\n' "planner --version (${names[i]})" \
    "$(per_run_us "${version_ns[i]}")" "$(ratio_of "${version_ns[i]}")"
done
last=$((${#builds[@]} - 1))
ratio=$(ratio_of "${week_ns[last]}")
echo "  target: planner week at most 1.25 × cat (${names[last]}: $ratio)"

# Peak resident memory (VmHWM) of one run, from GNU time.
status=0
if [[ -x /usr/bin/time ]]; then
  peak_kib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
  for i in "${!builds[@]}"; do
    echo "peak RSS of planner week (${names[i]}): $(peak_kib "${builds[i]}" week "$file" --format json) KiB"
  done
  planner_kib=$(peak_kib "${builds[last]}" week "$file" --format json)
  echo "peak RSS of cat: $(peak_kib "$cat" "$file") KiB (target for planner: < 4096 KiB)"
  ((planner_kib < 4096)) || status=1

  # Hostile files near the 1 MiB limit must be refused with memory still bounded.
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  awk 'BEGIN { printf "[week]\nmon = ["; for (i = 0; i < 100000; i++) printf "\"easy\","; print "]" }' >"$tmp/runs.toml"
  awk 'BEGIN { printf "[lifts]\n"; for (i = 0; i < 60000; i++) printf "l%d = 1\n", i }' >"$tmp/lifts.toml"
  awk 'BEGIN { printf "x = "; for (i = 0; i < 500000; i++) printf "[" }' >"$tmp/nested.toml"
  head -c 2000000 /dev/zero | tr '\0' '#' >"$tmp/too-big.toml"
  for hostile in runs lifts nested too-big; do
    kib=$( (/usr/bin/time -f %M "${builds[last]}" week "$tmp/$hostile.toml" >/dev/null 2>"$tmp/err") || true; tail -n 1 "$tmp/err")
    printf '  %-28s %6s KiB  %s\n' "hostile $hostile.toml ($(wc -c <"$tmp/$hostile.toml") B)" "$kib" \
      "$(head -n 1 "$tmp/err" | cut -c1-60)"
  done
else
  echo "peak RSS: /usr/bin/time not found (apt-get install time)"
fi

for i in "${!builds[@]}"; do
  echo "binary (${names[i]}): $(stat -c %s "${builds[i]}") bytes"
done

awk -v r="$ratio" 'BEGIN { exit !(r <= 1.25) }' || status=1
exit $status
