#!/bin/sh
# doc/what-if/figures.sh [TILESIM] -- rerun the studies of doc/what-if.md:
# writes the CSV and SVG files next to this script and doc/report.png (the
# screenshot of an HTML report, taken with headless Chromium when present).
# Run it from anywhere after the model changes; each command is the one the
# document shows.
set -e
TILESIM=${1:-tilesim}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
: "${TILESIM_HWDESC:=$top/hwdesc}"
export TILESIM_HWDESC
cd "$top"
E=examples/perf
GEMM_ARGS='shape:bf16:{N}x{N} shape:bf16:{N}x{N} shape:bf16:{N}x{N} i32:{N} i32:{N} i32:{N}'
ATTN_ARGS='shape:bf16:1x{S}x16x128 shape:bf16:1x{S}x16x128 shape:bf16:1x{S}x16x128 shape:bf16:1x{S}x16x128 shape:f32:1x16x{S} i32:1 i32:16 i32:{S}'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. B200 GEMM with and without 2-CTA MMA: the same kernel with the
# num_cta_in_cga hint at 1, over shared-memory bandwidth and over sizes.
sed 's/num_cta_in_cga = 2/num_cta_in_cga = 1/' $E/gemm_b200.mlir > "$tmp/gemm_b200_1cta.mlir"
$TILESIM sweep $E/gemm_b200.mlir --kernel "$tmp/gemm_b200_1cta.mlir" --entry gemm_bf16 \
  --shape N=8192 --grid '{(N/256)*(N/256)}' --vary sm.smem.bandwidth=32,48,64,80,96,128,192,256 \
  --plot tflops --csv "$here/cta2-smem.csv" --svg "$here/cta2-smem.svg" $GEMM_ARGS
$TILESIM sweep $E/gemm_b200.mlir --kernel "$tmp/gemm_b200_1cta.mlir" --entry gemm_bf16 \
  --shape N=1024,2048,4096,8192,16384 --grid '{((N+255)/256)*((N+255)/256)}' \
  --plot tflops --csv "$here/cta2-sizes.csv" --svg "$here/cta2-sizes.svg" $GEMM_ARGS

# 2. Attention on B200 with MUFU.EX2 throughput from half to four times.
$TILESIM sweep $E/attention_fwd.mlir --entry attention_fwd_bf16 --shape S=4096,16384 \
  --grid '{S/128},16' --vary sm.sfu.ex2=8,12,16,24,32,48,64 \
  --csv "$here/attention-ex2.csv" --svg "$here/attention-ex2.svg" $ATTN_ARGS

# 3. MI450 against MI355X: GEMM and attention over problem sizes.
$TILESIM sweep $E/gemm_mi355x.mlir --entry gemm_bf16 --hw mi355x --hw mi450 \
  --shape N=2048,4096,8192,16384 --grid '{((N+255)/256)*((N+255)/256)}' \
  --plot tflops --csv "$here/mi450-gemm.csv" --svg "$here/mi450-gemm.svg" $GEMM_ARGS
$TILESIM sweep $E/attention_fwd.mlir --entry attention_fwd_bf16 --hw mi355x --hw mi450 \
  --shape S=2048,4096,8192,16384 --grid '{S/128},16' \
  --plot tflops --csv "$here/mi450-attention.csv" --svg "$here/mi450-attention.svg" $ATTN_ARGS

$TILESIM sweep $E/gemm_mi355x.mlir --entry gemm_bf16 --hw mi450 \
  --shape N=4096,8192,16384 --grid '{((N+255)/256)*((N+255)/256)}' \
  --vary memory.hbm.bandwidth=4TB/s,8TB/s,19.6TB/s --plot tflops \
  --csv "$here/mi450-hbm.csv" --svg "$here/mi450-hbm.svg" $GEMM_ARGS

# The report of the attention forward on B200, and its screenshot.
s=16384
$TILESIM perf $E/attention_fwd.mlir --entry attention_fwd_bf16 --grid $((s / 128)),16 \
  shape:bf16:1x${s}x16x128 shape:bf16:1x${s}x16x128 shape:bf16:1x${s}x16x128 \
  shape:bf16:1x${s}x16x128 shape:f32:1x16x$s i32:1 i32:16 i32:$s --report "$tmp/report.html" > /dev/null
for c in chromium chromium-browser google-chrome; do
  if command -v $c > /dev/null 2>&1; then
    HOME=$tmp $c --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$tmp/p" \
      --window-size=1000,2150 --screenshot="$top/doc/report.png" "file://$tmp/report.html" 2> /dev/null
    break
  fi
done
