#!/usr/bin/env bash
# Runs Novaland from source: installs missing system libraries, builds, opens the window.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh app
export PATH="$HOME/.cargo/bin:$PATH"
exec cargo run -p novaland "$@"
