#!/bin/sh
# The performance model against the published measurements it is held to
# (tests/data/measured, or $PERF_ANCHORS_DIR): every row of perf-anchors.csv is predicted by
# `tilesim validate` with the reference kernels of examples/perf and must
# lie within 20% of the measurement, with a mean absolute percentage error
# of at most 10%.  Exits 77 (skip) when the data is absent.
tilesim=${TILESIM:-./tilesim}
src=${srcdir:-.}
data=${PERF_ANCHORS_DIR:-$src/tests/data/measured}
csv=$data/perf-anchors.csv

if [ ! -f "$csv" ]; then
  echo "perf-anchors: no anchors at $csv; skipped"
  exit 77
fi
out=$("$tilesim" validate "$csv" --kernels "$src/examples/perf") || {
  echo "$out"
  echo "perf-anchors: tilesim validate failed"
  exit 1
}
echo "$out"
echo "$out" | awk '
  /^MAPE / { mape = $2 + 0; next }
  NR > 1 && NF >= 5 {
    e = $NF; sub(/%$/, "", e); e = e + 0; if (e < 0) e = -e
    if (e > 20) { print "perf-anchors: " $1 " is " $NF " off (20% allowed)"; bad = 1 }
  }
  END {
    if (mape > 10) { print "perf-anchors: MAPE " mape "% (10% allowed)"; bad = 1 }
    exit bad
  }'
