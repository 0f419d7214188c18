#!/bin/sh
# sweep.sh -- tilesim sweep: every CSV row equals a single `tilesim perf`
# of the same point (description, --vary value, shape); the CSV does not
# depend on the thread count; the SVG is well-formed and has one line per
# series; bad options are usage errors.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 99

"$TILESIM" sweep "$GEMM" --entry gemm_bf16 --hw b200 --hw gb200 --shape N=512,1024 \
  --grid "$GEMM_GRID" --vary memory.hbm.bandwidth=2TB/s,8TB/s --svg s.svg --threads 2 \
  $GEMM_TMPL > s.csv || { echo "FAIL: sweep"; exit 1; }
check "8 rows and a header" test "$(wc -l < s.csv | tr -d " ")" = 9
check "header" grep -q '^hw,N,memory.hbm.bandwidth,seconds,tflops,util,bottleneck,busy_mma,' s.csv

# each row against tilesim perf
tail -n +2 s.csv | while IFS=, read -r hw n bw seconds tflops util rest; do
  grid=$(( ((n + 255) / 256) * ((n + 255) / 256) ))
  "$TILESIM" perf "$GEMM" --entry gemm_bf16 --hw "$hw" --grid $grid --format json \
    --set memory.hbm.bandwidth="$bw" $(gemm_args "$n") > one.json || { echo "FAIL: perf $hw $n $bw"; echo x >> bad; continue; }
  for k in seconds:$seconds tflops:$tflops util:$util; do
    want=$(json_num "${k%%:*}" < one.json)
    close "${k#*:}" "$want" || { echo "FAIL: $hw N=$n bw=$bw ${k%%:*}: sweep ${k#*:}, perf $want"; echo x >> bad; }
  done
done
check "rows equal single perf runs" test ! -f bad

"$TILESIM" sweep "$GEMM" --entry gemm_bf16 --hw b200 --hw gb200 --shape N=512,1024 \
  --grid "$GEMM_GRID" --vary memory.hbm.bandwidth=2TB/s,8TB/s --threads 1 $GEMM_TMPL > s1.csv
check "same CSV with 1 and 2 threads" cmp -s s.csv s1.csv

# the plot: x = the varied number, one series per (description, N)
check "svg has 4 series" test "$(grep -c '<g class="series"' s.svg)" = 4
check "svg names a series" grep -q 'data-name="gb200, N=1024"' s.svg
if command -v xmllint >/dev/null 2>&1; then
  check "svg is well-formed" xmllint --noout s.svg
fi

# description-only sweeps plot against the descriptions
"$TILESIM" sweep "$GEMM" --entry gemm_bf16 --hw b200 --hw h200 --grid 16 --svg h.svg \
  $(gemm_args 1024) > h.csv
check "hw-only sweep" test "$(wc -l < h.csv | tr -d " ")" = 3
check "hw-only plot has ticks" grep -q '>h200</text>' h.svg

# usage errors
"$TILESIM" sweep "$GEMM" --vary bogus $GEMM_TMPL > /dev/null 2>&1
check "bad --vary is a usage error" test $? = 2
"$TILESIM" sweep "$GEMM" --entry gemm_bf16 --grid '{M}' $GEMM_TMPL > /dev/null 2> err
check "unknown shape variable" grep -q 'bad expression' err
"$TILESIM" sweep "$GEMM" --entry gemm_bf16 --grid 4 --vary sm.nothing=1,2 $(gemm_args 512) > /dev/null 2> err
check "unknown --vary path fails" grep -q "unknown hardware parameter 'sm.nothing'" err
finish
