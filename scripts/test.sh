#!/usr/bin/env bash
# Runs every test: format and lint checks, unit and integration tests, the real keychain
# (gnome-keyring in dbus-run-session), the real window (Xvfb, tauri-driver, WebKitWebDriver) and
# real oTree 5.11.5 and 6.0.15 servers (target/otree/, made by scripts/deps.sh) and the official
# Heroku CLI against heroku-sim (target/heroku-cli/, also from scripts/deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
export PATH="$HOME/.cargo/bin:$PATH"

cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
# The GitHub workflows (release installers, Windows/macOS tests) cannot run here: check them
# against GitHub's workflow schema (vendored in check-jsonschema) and for unsafe patterns.
target/pytools/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
target/pytools/bin/zizmor --offline --quiet .github/workflows/

# The Linux packages a researcher installs (release build), tried by tests/package.rs.
bash scripts/tauri.sh build --bundles deb,rpm

exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -euo pipefail
  # A throwaway login keyring, unlocked, as a desktop session would have.
  eval "$(printf "novaland-test" | gnome-keyring-daemon --unlock --components=secrets)"
  export NOVALAND_REAL_KEYCHAIN=1 NOVALAND_E2E=1
  export NOVALAND_OTREE_5="$PWD/target/otree/5" NOVALAND_OTREE_6="$PWD/target/otree/6"
  export NOVALAND_HEROKU_CLI="$PWD/target/heroku-cli/node_modules/.bin/heroku"
  # Exports on a real exFAT stick and a full disk mount file systems: root only (CI is root).
  # So do the package tests, which install the .deb with apt and remove it again.
  if [ "$(id -u)" -eq 0 ]; then export NOVALAND_FS_TESTS=1 NOVALAND_PACKAGE_TESTS=1; fi
  cargo test --workspace
'
