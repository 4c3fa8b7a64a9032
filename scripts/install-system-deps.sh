#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the tests need, skipping what is already there.
#   libsecret-1-dev     keytar builds against it
#   gnome-keyring, dbus-x11, dbus-daemon   a real Secret Service for the keychain tests
#   chromium            Playwright drives Debian's Chromium (its own browser download is not used)
#   xvfb                headed runs and screenshots
set -euo pipefail
# Elsewhere the OS keychain is already there, and CI brings Playwright's Chromium.
if [ "$(uname -s)" != Linux ]; then
  exit 0
fi
packages=(libsecret-1-dev gnome-keyring dbus-x11 dbus-daemon chromium xvfb)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${missing[*]}. Install them with your package manager, then run again." >&2
  exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "Installing system packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
