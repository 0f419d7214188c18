#!/bin/sh
# A faster unit never makes a kernel slower: sweeps of the exp rate
# (sm.sfu.ex2) on the B200 attention reference and of HBM bandwidth on the
# GEMM references must give TFLOP/s that never fall as the rate grows.
# Regression test for the list schedule's fill of idle intervals (a task
# that did not fit an interval whole went to the unit's tail, and a faster
# SFU made the attention iteration serial).  A fall of at most 0.3% is
# allowed: the schedule stays greedy and an op may take its unit a cycle
# later when the order of a few ops changes.
. "$(dirname "$0")/lib.sh"
E=$srcdir/examples/perf
ATTN='shape:bf16:1x{S}x16x128 shape:bf16:1x{S}x16x128 shape:bf16:1x{S}x16x128 shape:bf16:1x{S}x16x128 shape:f32:1x16x{S} i32:1 i32:16 i32:{S}'

# monotone CSV: TFLOP/s never falls along the rows of each series (the
# rows of a series are consecutive values of the last column before seconds)
monotone() {
  awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "seconds") s = i; if ($i == "tflops") t = i }; next }
    { key = ""; for (i = 1; i < s - 1; i++) key = key $i ","
      if (key == last && $t < prev * 0.997) { print "falls: " $0 " after " prev; bad = 1 }
      last = key; prev = $t }
    END { exit bad }' "$1"
}

# shellcheck disable=SC2086 # the templates are several arguments
check 'b200 attention over sm.sfu.ex2' sh -c "
  '$TILESIM' sweep '$E/attention_fwd.mlir' --entry attention_fwd_bf16 --hw b200 --shape S=16384 \
    --grid '{S/128},16' --vary sm.sfu.ex2=8,12,16,20,24,28,32,48,64 --csv '$T/ex2.csv' $ATTN > /dev/null"
monotone "$T/ex2.csv" || fails=$((fails + 1))
for hw in b200 mi355x; do
  k=$E/gemm_b200.mlir
  [ $hw = mi355x ] && k=$E/gemm_mi355x.mlir
  check "$hw gemm over memory.hbm.bandwidth" sh -c "
    '$TILESIM' sweep '$k' --entry gemm_bf16 --hw $hw --shape N=4096 --grid '$GEMM_GRID' \
      --vary memory.hbm.bandwidth=2TB/s,4TB/s,6TB/s,8TB/s,12TB/s,16TB/s --csv '$T/hbm-$hw.csv' $GEMM_TMPL > /dev/null"
  monotone "$T/hbm-$hw.csv" || fails=$((fails + 1))
done
finish
