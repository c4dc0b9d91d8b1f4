#!/usr/bin/env bash
# Sets up a fresh clone: the Debian packages the demo and the tests need (Chromium, Firefox ESR,
# a CJK font, LibreOffice Writer and poppler-utils, rclone for a WebDAV server, only when missing), then the exact npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
# The Firefox smoke test (tests/e2e/firefox.e2e.ts) drives Debian's Firefox ESR.
command -v firefox-esr >/dev/null 2>&1 || [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
# The Word export's check (tests/unit/export/office.test.ts) and `npm run demo` open the .docx in
# LibreOffice and read the PDF with poppler-utils.
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 || missing+=(poppler-utils)
# The sync tests (tests/unit/sync/engine.test.ts, tests/e2e/sync.e2e.ts) run a real WebDAV server.
command -v rclone >/dev/null 2>&1 || missing+=(rclone)
if ! fc-list 2>/dev/null | grep -qiE 'WenQuanYi|Noto Sans CJK|Source Han'; then
  missing+=(fonts-wqy-microhei)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "研读 setup: installing ${missing[*]} from Debian"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
