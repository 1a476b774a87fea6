#!/usr/bin/env bash
# Screenshots of the public pages of a running dev instance (./mvnw spring-boot:run), for the README.
# Needs Debian's chromium and fonts-noto-cjk.
set -euo pipefail
cd "$(dirname "$0")"
base=${1:-http://localhost:8080}
shot() { # name width height path
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --hide-scrollbars \
    --window-size="$2,$3" --virtual-time-budget=15000 --screenshot="$1.png" "$base/$4" 2>/dev/null
}
shot home 1280 860 ""
shot reading 1280 900 "drafts/1"
shot reading-deep-link 1280 900 "drafts/1/a13"
shot redline 1280 900 "drafts/1/versions/2/diff"
shot login 1280 760 "login"
shot phone-reading 390 844 "drafts/1/a12"
