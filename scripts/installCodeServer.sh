#!/bin/sh
# Installs code-server (the real VS Code workbench, served to a browser) from the npm registry, for the
# extension-host and UI tests, on Debian 12 + Node 20 with no other network. Idempotent.
# Usage: scripts/installCodeServer.sh [prefix]   -> <prefix>/node_modules/.bin/code-server
# Needs: libkrb5-dev (kerberos builds from source), ripgrep (seeds @vscode/ripgrep's download cache).
set -eu
PREFIX=${1:-${CODE_SERVER_PREFIX:-.harness/code-server}}
CS_VERSION=${CS_VERSION:-4.100.3}   # newest code-server whose engines allow Node 20
BIN="$PREFIX/node_modules/.bin/code-server"
if [ -x "$BIN" ]; then echo "code-server already installed: $BIN"; exit 0; fi

missing=""
command -v rg >/dev/null 2>&1 || missing="$missing ripgrep"
[ -e /usr/include/gssapi/gssapi.h ] || missing="$missing libkrb5-dev"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q >/dev/null
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null
fi

# @vscode/ripgrep (pinned by code-server) downloads rg from GitHub in postinstall; it first looks in
# $TMPDIR/vscode-ripgrep-cache-<ver>/, so seed that cache with Debian's rg.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/vscode-ripgrep-cache-1.15.11"
cp "$(command -v rg)" "$WORK/rg"
tar -C "$WORK" -czf "$WORK/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg

mkdir -p "$PREFIX"
cd "$PREFIX"
[ -f package.json ] || echo '{"private":true}' > package.json
# --unsafe-perm: code-server's postinstall refuses to run as root without it.
# npm_config_yes=true: node-pty's postinstall runs `npx node-gyp`, which must not prompt.
TMPDIR=$WORK npm_config_yes=true npm install --no-audit --no-fund --no-save --unsafe-perm=true "code-server@$CS_VERSION"
XDG_CONFIG_HOME=$WORK XDG_DATA_HOME=$WORK XDG_CACHE_HOME=$WORK ./node_modules/.bin/code-server --version
echo "code-server installed: $PREFIX/node_modules/.bin/code-server"
