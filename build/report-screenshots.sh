#!/usr/bin/env bash
# Rebuilds the pictures of the seed's report kept under docs/ (README shows them): the page of
# seeds/nottinghamshire-pdu-2025-cases.json rendered by headless Chromium at 1280 and 390 pixels wide,
# and printed to an A4 PDF with the page's own print style. Needs Debian's chromium package (or CHROMIUM=path).
# Chromium's --screenshot takes the window only, so the heights are the page's heights at those widths;
# change them here when the page grows or shrinks.
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$chromium" ] || { echo "no chromium found: apt-get install -y chromium, or set CHROMIUM" >&2; exit 1; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet run --project src/Probation.Standards.Cli -c Release -- report seeds/nottinghamshire-pdu-2025-cases.json -o "$out/report.html" >&2
page="file://$out/report.html"
browse() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$out/profile" "$@" "$page" 2>/dev/null
}
browse --window-size=1280,${HEIGHT_1280:-5440} --screenshot="$PWD/docs/report-1280.png"
browse --window-size=390,${HEIGHT_390:-7860} --screenshot="$PWD/docs/report-390.png"
browse --no-pdf-header-footer --print-to-pdf="$PWD/docs/report-example.pdf"
ls -l docs/report-1280.png docs/report-390.png docs/report-example.pdf
