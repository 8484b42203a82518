#!/usr/bin/env bash
# Debian's Chromium for the browser tests and the portal benchmark: found, or installed with
# apt when root and apt are there (with the fonts the screens need); never a downloaded browser.
set -euo pipefail
say() { printf 'rilon: %s\n' "$*" >&2; }

CHROMIUM=${RILON_CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing Debian's chromium and fonts-noto-core (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # One install at a time: the tests and a benchmark may ask together.
  mkdir -p "$(dirname "$0")/../.data"
  exec 8>"$(dirname "$0")/../.data/chromium.lock"
  flock 8
  [ -x "$CHROMIUM" ] && exit 0
  apt-get update -qq >/dev/null && apt-get install -y -qq chromium fonts-noto-core >/dev/null \
    || { say "apt-get could not install chromium"; exit 1; }
else
  say "Chromium is needed at $CHROMIUM: install it (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-core) or set RILON_CHROMIUM"
  exit 1
fi
