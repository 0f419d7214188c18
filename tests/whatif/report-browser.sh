#!/bin/sh
# report-browser.sh -- the --report page as a browser renders it: headless
# Chromium loads it from a file (no network), its DOM keeps every section,
# bar, series and timeline slice, and the screenshot is not blank.
# Skipped (77) without Chromium (Debian package chromium).
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 99
CHROME=
for c in chromium chromium-browser google-chrome; do
  command -v $c >/dev/null 2>&1 && { CHROME=$c; break; }
done
[ -n "$CHROME" ] || { echo "report-browser.sh: no chromium; skipped"; exit 77; }
browse() {
  HOME=$T timeout 120 $CHROME --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$T/profile" --hide-scrollbars "$@" 2>/dev/null
}

"$TILESIM" perf "$GEMM" --entry gemm_bf16 --grid 16 $(gemm_args 1024) --report r.html > /dev/null ||
  { echo "FAIL: --report"; exit 1; }
browse --dump-dom "file://$T/r.html" > dom.html
check "the browser loaded the page" grep -q '<h1>tilesim prediction: gemm_b200.mlir on' dom.html
for id in headline prediction decisions utilization roofline timeline; do
  check "rendered page has #$id" grep -q "id=\"$id\"" dom.html
done
check "rendered bars" test "$(grep -o '<g class="bar"' dom.html | wc -l | tr -d " ")" = 8
check "rendered roofline series" grep -q 'data-name="gemm_b200.mlir (HBM)"' dom.html
check "rendered timeline slices" grep -q 'class="slice"' dom.html
check "svg stays svg" grep -q '<svg xmlns="http://www.w3.org/2000/svg" class="timeline"' dom.html

browse --screenshot="$T/r.png" --window-size=1000,2600 "file://$T/r.html" > /dev/null
check "screenshot written" test -s r.png
size=$(wc -c < r.png)
check "screenshot is not blank ($size bytes)" test "$size" -gt 40000
finish
