#!/bin/sh
# doc/validation.sh TILESIM SRCDIR -- write doc/validation.md to stdout:
# every anchor of SRCDIR/tests/data/measured/perf-anchors.csv (or
# $PERF_ANCHORS_DIR) predicted by `tilesim validate`, with the command
# that reproduces each row.  `make validation` runs it.
set -eu
tilesim=$1
cd "$2"                        # the commands in the table are relative to the source tree
data=${PERF_ANCHORS_DIR:-tests/data/measured}
cat <<HEAD
# Validation of the performance model

Every row of \`perf-anchors.csv\` (published measurements: cuBLAS and
torch.matmul GEMMs, HipKittens, FlashAttention-3 and -4) predicted with the
reference kernels of \`examples/perf\` and the descriptions of \`hwdesc/\`.
Written by \`make validation\` ($(date -u +%Y-%m-%d)); \`doc/model.md\` explains the model.
Reproduce the whole table with

    tilesim validate tests/data/measured/perf-anchors.csv --kernels examples/perf

and one row with the command in its last column (\`tilesim perf\` prints
the time; TFLOP/s = the anchor's FLOPs / time, FLOPs = 2MNK for a GEMM and
4 B H S^2 d for attention, half of it when causal).

The sustained clocks (\`clocks/sustained\`, an estimate) of H100, B200 and
MI355X are inferred from one GEMM row each (h100-gemm-bf16-8192,
b200-gemm-bf16-mamf, mi355x-gemm-bf16-8192); every other row is a
prediction.  The micro-benchmark anchors (\`perf-anchors-micro.csv\`) are
checked by the unit tests (\`CK_RUN_SUITE=perf_map tests/unit/check_models\`
and \`CK_RUN_SUITE=perf_model\`): every one within 10%.

HEAD
"$tilesim" validate --markdown "$data/perf-anchors.csv" --kernels examples/perf
cat <<MID

## Further published measurements

\`tests/data/perf-anchors-extra.csv\` holds published figures the model was
not built against, each with its source: FlashAttention-3's forward
figures on H100 for head dimensions 64 and 256, causal runs and fp8
(e4m3; which panel of the fp8 figure is causal is inferred from the
values, see the \`kind\` column), and the best-shape bf16 and fp8 GEMMs of
the MAMF table for GB200, MI300X, B200, H100 and H200.  It is not part of
\`make check\` (several rows are more than 25% off; see doc/model.md,
"Known limits").

    tilesim validate tests/data/perf-anchors-extra.csv --kernels examples/perf

MID
"$tilesim" validate --markdown tests/data/perf-anchors-extra.csv --kernels examples/perf || true
