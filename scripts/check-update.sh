#!/usr/bin/env bash
# One full update of an installed Novaland .deb from 0.1.0 to 0.2.0, as a researcher gets it:
# a signing key made here (`tauri signer generate`), both versions built as releases with that
# key and a loopback address as their update source, 0.1.0 installed with apt, and the
# installed window's "Install and restart" (tests/package.rs,
# an_installed_deb_updates_itself_to_the_next_release). Two release builds make it too slow
# for every test run; run it by hand, as root, after ./scripts/deps.sh, and report the result
# in docs/status.md. It leaves target/release/bundle as a normal build would (0.1.0 only).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "Run as root: it installs and removes a .deb." >&2; exit 2; }
# The updater installs a .deb with pkexec, a password dialog or sudo (tauri-plugin-updater);
# this machine has none of the first two.
command -v sudo >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q sudo
command -v jq >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q jq

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
npx --no-install tauri signer generate --ci -p "" -w "$work/release.key" >/dev/null
pubkey=$(cat "$work/release.key.pub")

# What a release build gets from release.yml, with this key and a loopback address (http is
# allowed only with dangerousInsecureTransportProtocol, which no shipped build sets).
config() {
  jq -n --arg key "$pubkey" --arg url "http://127.0.0.1:$port/latest.json" --arg version "$1" \
    '{version: $version, bundle: {createUpdaterArtifacts: true},
      plugins: {updater: {pubkey: $key, endpoints: [$url], dangerousInsecureTransportProtocol: true}}}'
}
TAURI_SIGNING_PRIVATE_KEY=$(cat "$work/release.key")
export TAURI_SIGNING_PRIVATE_KEY TAURI_SIGNING_PRIVATE_KEY_PASSWORD=""
for version in 0.1.0 0.2.0; do
  config "$version" > "$work/$version.json"
  start=$(date +%s)
  bash scripts/tauri.sh build --bundles deb --config "$work/$version.json"
  echo "release build $version: $(( $(date +%s) - start )) s"
  cp target/release/bundle/deb/Novaland_${version}_amd64.deb "$work/"
  if [ -f "target/release/bundle/deb/Novaland_${version}_amd64.deb.sig" ]; then
    cp "target/release/bundle/deb/Novaland_${version}_amd64.deb.sig" "$work/"
  else
    echo "the bundler wrote no .deb.sig: signing it as tauri build would"
    npx --no-install tauri signer sign --app-version "$version" "$work/Novaland_${version}_amd64.deb" >/dev/null
  fi
done
rm -rf target/release/bundle/deb/Novaland_0.2.0_amd64*

NOVALAND_OLD_DEB="$work/Novaland_0.1.0_amd64.deb" NOVALAND_NEW_DEB="$work/Novaland_0.2.0_amd64.deb" \
NOVALAND_UPDATE_PORT="$port" \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test -p novaland --test package -- --ignored --nocapture an_installed_deb_updates_itself
