#!/usr/bin/env bash
# Runs every benchmark on a release build (cargo bench) and prints one table: measure, the
# reference measured in the same run, their ratio, and the goal. docs/status.md's figures
# come from here. (The window measurements of issue 16 are not in it yet.)
#   scripts/bench.sh            all five
#   scripts/bench.sh NAME ...   only these (time_to_overview, log_parse, metrics, table_export, workbook)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=(time_to_overview log_parse metrics table_export workbook)
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
for bench in "${benches[@]}"; do
  echo "== $bench" >&2
  # Each benchmark prints its own lines (to stderr here) and one BENCH line per table row.
  cargo bench -q -p novaland-core --bench "$bench" 2>/dev/null | tee /dev/stderr | grep '^BENCH' >> "$rows" || {
    echo "benchmark $bench failed" >&2
    exit 1
  }
done
echo
echo "Novaland benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo
{
  printf 'measure\tvalue\treference (same run)\tratio\tgoal\n'
  cut -f2- "$rows"
} | column -t -s "$(printf '\t')"
