#!/usr/bin/env bash
# Runs every benchmark on a release build (cargo bench) and prints one table: measure, the
# reference measured in the same run, their ratio, and the goal. docs/status.md's figures
# come from here. `window` is issue 16's window measurements (tests/window_bench.rs): the
# release app and an empty Tauri window (src-tauri/empty-window) under Xvfb with a throwaway
# gnome-keyring; NOVALAND_BENCH_LOG_MINUTES shortens its memory run (default 10 minutes), and
# NOVALAND_BENCH_ONLY_START=1 stops it after the cold start (half a minute, for trying a change).
#   scripts/bench.sh            all seven
#   scripts/bench.sh NAME ...   only these (time_to_overview, log_parse, metrics, table_export, workbook, window, installer)
# `installer` builds Novaland's .deb and the empty window's the way releases are built
# (scripts/tauri.sh: the release profile, then packed with xz) and compares their sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=(time_to_overview log_parse metrics table_export workbook window installer)
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
for bench in "${benches[@]}"; do
  echo "== $bench" >&2
  if [ "$bench" = installer ]; then
    debs=target/release/bundle/deb
    rm -f "$debs"/Novaland_*.deb "$debs"/empty-window_*.deb
    bash scripts/tauri.sh build --bundles deb >&2
    NOVALAND_TAURI_APP=src-tauri/empty-window bash scripts/tauri.sh build --bundles deb \
      --config '{"bundle": {"active": true}}' >&2
    ours=$(stat -c %s "$debs"/Novaland_*.deb)
    empty=$(stat -c %s "$debs"/empty-window_*.deb)
    awk -v o="$ours" -v e="$empty" 'BEGIN { printf "BENCH\tinstaller (.deb)\t%d bytes (%.2f MB)\tempty Tauri window %d bytes (%.2f MB)\t%.2f\tat most 6 MB (issue 16)\n", o, o / 1e6, e, e / 1e6, o / e }' \
      | tee >(cat >&2) >> "$rows"
    continue
  fi
  if [ "$bench" = window ]; then
    cargo build -q --release -p novaland -p empty-window
    [ -x target/heroku-cli/node_modules/.bin/heroku ] && export NOVALAND_HEROKU_CLI="$PWD/target/heroku-cli/node_modules/.bin/heroku"
    dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
      eval "$(printf novaland-test | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
      cargo test -q -p novaland --test window_bench -- --ignored --nocapture' 2>/dev/null \
      | tee >(cat >&2) | grep '^BENCH' >> "$rows" || { echo "benchmark window failed" >&2; exit 1; }
    continue
  fi
  # Each benchmark prints its own lines (to stderr here) and one BENCH line per table row.
  # (Not `tee /dev/stderr`: with stderr sent to a file, that opens the file again and cuts
  # away what the benchmarks before wrote.)
  cargo bench -q -p novaland-core --bench "$bench" 2>/dev/null | tee >(cat >&2) | grep '^BENCH' >> "$rows" || {
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
