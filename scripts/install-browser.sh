#!/usr/bin/env bash
# Headless Chromium and CJK fonts for the browser tests, from Debian's packages.
# Installs only when missing and when run as root; otherwise the browser tests say what is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "note: /usr/bin/chromium or fonts-noto-cjk missing; run as root or: sudo apt-get install -y chromium fonts-noto-cjk" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
