#!/bin/sh
# perf-view.sh -- what `tilesim perf` shows besides the prediction:
# several --hw side by side (each column equal to a single run), the
# --timeline trace (gzip, valid JSON, one process per SM with one thread
# per unit, slices named after op and line), the --report page (well-formed,
# with its sections), and `tilesim hw diff`.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 99
ARGS="--entry gemm_bf16 --grid 16 $(gemm_args 1024)"

# side by side
"$TILESIM" perf "$GEMM" --hw b200 --hw h100 $ARGS > both.txt || { echo "FAIL: perf --hw --hw"; exit 1; }
check "columns named" grep -Eq '^ +b200 +h100$' both.txt
for hw in b200 h100; do
  "$TILESIM" perf "$GEMM" --hw $hw --format json $ARGS > $hw.json
done
tf=$(awk '/^TFLOP\/s/ { print $2, $3 }' both.txt)
check "b200 column = single run" close "${tf% *}" "$(json_num tflops < b200.json)" 1e-3
check "h100 column = single run" close "${tf#* }" "$(json_num tflops < h100.json)" 1e-3
"$TILESIM" perf "$GEMM" --hw b200 --hw h100 --format json $ARGS > both.json
check "json array of two" test "$(grep -o '"chip": ' both.json | wc -l | tr -d " ")" = 2
if command -v python3 >/dev/null 2>&1; then
  check "json array parses" python3 -c 'import json; a = json.load(open("both.json")); assert [x["chip"] for x in a] == ["b200", "h100"]'
fi
"$TILESIM" perf "$GEMM" --hw b200 --hw h100 --explain $ARGS > both.txt
check "--explain with several --hw prints each mapping" test "$(grep -c '^mapping:' both.txt)" = 2

# timeline
"$TILESIM" perf "$GEMM" $ARGS --timeline t.json.gz --timeline-sms 0-3 > /dev/null || { echo "FAIL: --timeline"; exit 1; }
check "timeline is gzip" gzip -t t.json.gz
gzip -dc t.json.gz > t.json
check "4 SM tracks" test "$(grep -c '"name":"process_name"' t.json)" = 4
check "SM 3 track" grep -q '"args":{"name":"SM 3"}' t.json
check "mma thread" grep -q '"name":"thread_name","pid":0,"tid":0,"args":{"name":"mma"}' t.json
check "slices named after op and line" grep -Eq '"ph":"X","name":"mmaf @ gemm_b200.mlir:[0-9]+"' t.json
if command -v python3 >/dev/null 2>&1; then
  check "timeline is valid JSON with the expected tracks" python3 -c '
import json, sys
d = json.load(open("t.json"))
ev = d["traceEvents"]
procs = {e["args"]["name"] for e in ev if e["ph"] == "M" and e["name"] == "process_name"}
threads = {e["args"]["name"] for e in ev if e["ph"] == "M" and e["name"] == "thread_name"}
xs = [e for e in ev if e["ph"] == "X"]
assert procs == {"SM 0", "SM 1", "SM 2", "SM 3"}, procs
assert {"mma", "load"} <= threads, threads
assert xs and all(e["dur"] >= 0 and e["pid"] < 4 for e in xs)
'
fi
"$TILESIM" perf "$GEMM" $ARGS --timeline /nonexistent/t.json.gz > /dev/null 2> err
check "unwritable timeline" grep -q "cannot write '/nonexistent/t.json.gz'" err
"$TILESIM" perf "$GEMM" $ARGS --timeline-sms 5-2 > /dev/null 2>&1
check "bad --timeline-sms is a usage error" test $? = 2

# report
"$TILESIM" perf "$GEMM" $ARGS --report r.html > /dev/null || { echo "FAIL: --report"; exit 1; }
for id in headline prediction decisions utilization roofline timeline; do
  check "report has #$id" grep -q "id=\"$id\"" r.html
done
check "report has a bar per unit" test "$(grep -c '<g class="bar"' r.html)" = 8
check "report has slices" grep -q 'class="slice"' r.html
check "report is self-contained" sh -c '! grep -Eq "<script|<link|src=\"|href=\"http" r.html'
if command -v xmllint >/dev/null 2>&1; then
  check "report is well-formed XML" xmllint --noout r.html
fi

# roofline
"$TILESIM" perf "$GEMM" $ARGS --hw h100 --roofline roof.svg > /dev/null || { echo "FAIL: --roofline"; exit 1; }
check "roofline has the bf16 ceiling" grep -q 'data-name="f16/bf16 989"' roof.svg
check "roofline has the HBM slope" grep -q 'data-name="HBM ' roof.svg
check "roofline has the kernel" grep -q 'data-name="gemm_b200.mlir (HBM)"' roof.svg
if command -v xmllint >/dev/null 2>&1; then
  check "roofline is well-formed" xmllint --noout roof.svg
fi

# hw diff
"$TILESIM" hw diff b200 gb200 > d.txt
check "hw diff lists the clock" grep -Eq '^ +chip.clocks.sm +1856 MHz +2062 MHz' d.txt
check "hw diff skips equal numbers" sh -c '! grep -q "chip.sms " d.txt'
"$TILESIM" hw diff b200 b200 > d.txt
check "no differences" grep -q '(no differences)' d.txt
"$TILESIM" hw diff b200 > /dev/null 2>&1
check "hw diff needs two" test $? = 2
finish
