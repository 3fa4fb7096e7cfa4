#!/usr/bin/env bash
# Installs what Novaland needs on Debian/Ubuntu, only where it is missing.
#   scripts/deps.sh app    the libraries the Tauri window needs (WebKitGTK, keyring, build tools)
#   scripts/deps.sh test   those plus what the tests use (Xvfb, gnome-keyring, WebKitWebDriver,
#                          PostgreSQL, exFAT tools, tauri-driver, oTree 5 and 6 from PyPI in
#                          target/otree/, the official Heroku CLI from npm in target/heroku-cli/,
#                          check-jsonschema and zizmor from PyPI in target/pytools/)
set -euo pipefail
want=(pkg-config build-essential curl file libwebkit2gtk-4.1-dev libayatana-appindicator3-dev
      librsvg2-dev libxdo-dev libssl-dev libdbus-1-dev)
if [ "${1:-app}" = test ]; then
  want+=(xvfb xauth gnome-keyring dbus-x11 webkit2gtk-driver imagemagick postgresql
         exfatprogs exfat-fuse openssl rpm)
fi
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${1:-app}" = test ] && ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  missing+=(python3 python3-venv)
fi
if [ "${1:-app}" = test ] && ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v cargo >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/cargo" ]; then
  echo "Installing Rust (rustup)"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
fi
export PATH="$HOME/.cargo/bin:$PATH"
if [ "${1:-app}" = test ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "Installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi
if [ "${1:-app}" = test ]; then
  # The real oTree the export tests run against (tests/otree_project), one environment per
  # major version, made once.
  root="$(cd "$(dirname "$0")/.." && pwd)"
  for major in 5 6; do
    venv="$root/target/otree/$major"
    req="$root/tests/otree_project/requirements.txt"
    [ "$major" = 6 ] && req="$root/tests/otree_project/requirements-otree6.txt"
    if [ ! -x "$venv/bin/otree" ]; then
      echo "Installing oTree $major for the tests (PyPI) into target/otree/$major"
      rm -rf "$venv"
      python3 -m venv "$venv"
      "$venv/bin/pip" install -q --disable-pip-version-check -r "$req"
    fi
  done
fi
if [ "${1:-app}" = test ]; then
  # The official Heroku CLI, a second client of heroku-sim (src-tauri/sim/tests/official_cli.rs).
  cli="$root/target/heroku-cli"
  if [ ! -x "$cli/node_modules/.bin/heroku" ]; then
    echo "Installing the Heroku CLI 10.17.0 for the tests (npm) into target/heroku-cli"
    mkdir -p "$cli"
    npm install --prefix "$cli" --no-audit --no-fund --loglevel=error heroku@10.17.0 >/dev/null
  fi
fi
if [ "${1:-app}" = test ]; then
  # The workflow files' checks (they cannot run here): GitHub's workflow schema and zizmor.
  tools="$root/target/pytools"
  if [ ! -x "$tools/bin/zizmor" ] || [ ! -x "$tools/bin/check-jsonschema" ]; then
    echo "Installing check-jsonschema and zizmor for the tests (PyPI) into target/pytools"
    rm -rf "$tools"
    python3 -m venv "$tools"
    "$tools/bin/pip" install -q --disable-pip-version-check check-jsonschema==0.39.0 zizmor==1.32.0
  fi
fi
if [ "${1:-app}" = test ] && { [ ! -x "$root/node_modules/.bin/tauri" ] || [ ! -f "$root/node_modules/axe-core/axe.min.js" ]; }; then
  # The Tauri CLI that builds the .deb and .rpm, and axe-core, which the end-to-end tests run
  # in the app's window (package.json, pinned by package-lock.json).
  echo "Installing the Tauri CLI and axe-core (npm ci)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
