#!/usr/bin/env bash
# Runs a command with a fresh, unlocked GNOME Keyring as the Secret Service, in a
# throwaway HOME so a keyring left by another run can never be locked or reused.
set -euo pipefail
# macOS and Windows run their own keychain already (Keychain, Credential Manager).
if [ "$(uname -s)" != Linux ]; then
  export MTP_KEYRING_READY=1
  exec "$@"
fi
if [ -z "${MTP_KEYRING_READY:-}" ]; then
  tmp_home=$(mktemp -d)
  trap 'rm -rf "$tmp_home"' EXIT
  export MTP_KEYRING_READY=1 MTP_REAL_HOME="$HOME"
  HOME="$tmp_home" XDG_DATA_HOME="$tmp_home/.local/share" dbus-run-session -- "$0" "$@"
  exit $?
fi
# Inside the D-Bus session: start the daemon unlocked with a throwaway password.
eval "$(printf 'throwaway' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
export GNOME_KEYRING_CONTROL
# Tools that read ~/.npmrc or caches keep using the real home.
export npm_config_userconfig="$MTP_REAL_HOME/.npmrc"
"$@"
