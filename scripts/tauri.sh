#!/usr/bin/env bash
# The Tauri CLI (package.json's @tauri-apps/cli) as every build here runs it: scripts/test.sh,
# scripts/check-update.sh and the release workflow (tauri-action's tauriScript on Linux).
# After `build`, each .deb is packed again with xz: Tauri's bundler writes a .deb's files with
# gzip and has no setting for it (tauri-apps/tauri#9846, open; the .rpm has one, see
# tauri.conf.json), and xz makes the download about a third smaller (issue 16: 9.2 MiB with
# gzip, 6.1 MiB with xz, same files). dpkg reads xz since 1.15.6 (2010). A .deb the bundler
# signed for the updater is signed again, since the signature is over the file's bytes.
# NOVALAND_TAURI_APP names another app's folder to build the same way (scripts/bench.sh
# installer: the empty Tauri window, the installer's reference).
set -euo pipefail
cd "$(dirname "$0")/.."
(cd "${NOVALAND_TAURI_APP:-.}" && npx --no-install tauri "$@")
[ "${1:-}" = build ] || exit 0
for deb in target/release/bundle/deb/*.deb target/*/release/bundle/deb/*.deb; do
  [ -f "$deb" ] || continue
  # Packed already (an earlier build's file left in the folder).
  ar t "$deb" | grep -qx data.tar.xz && continue
  work=$(mktemp -d)
  dpkg-deb -R "$deb" "$work/files"
  dpkg-deb --root-owner-group -Zxz -z9 --build "$work/files" "$work/packed.deb" >/dev/null
  mv "$work/packed.deb" "$deb"
  rm -rf "$work"
  if [ -f "$deb.sig" ]; then
    rm "$deb.sig"
    if [ -n "${TAURI_SIGNING_PRIVATE_KEY:-}${TAURI_SIGNING_PRIVATE_KEY_PATH:-}" ]; then
      npx --no-install tauri signer sign --app-version "$(dpkg-deb -f "$deb" Version)" "$deb" >/dev/null
    fi
  fi
  echo "packed with xz: $deb ($(stat -c %s "$deb") bytes)"
done
