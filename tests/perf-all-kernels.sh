#!/bin/sh
# The mapper never rejects a valid kernel: `tilesim perf` with every
# description of hwdesc/ on the first RUN line of every kernel of
# examples/, examples/perf/ and tests/run/ (the small shapes those lines
# use keep this fast).  --expect and what follows it and --numerics are
# dropped: they concern results, not time.
tilesim=${TILESIM:-./tilesim}
src=${srcdir:-.}
fail=0
n=0
for k in "$src"/examples/*.mlir "$src"/examples/perf/*.mlir "$src"/tests/run/*.mlir; do
  line=$(grep -m1 '^// RUN: run ' "$k") || continue
  dir=$(dirname "$k")
  args=$(printf '%s\n' "$line" | sed -e 's|^// RUN: run ||' -e 's| --expect .*||' \
    -e 's|--numerics [^ ]*||' -e "s|%S|$dir|g" -e "s|%s|$k|g")
  for hw in "$src"/hwdesc/*.xml; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # the RUN line's words are the arguments
    if ! out=$("$tilesim" perf $args --hw "$hw" 2>&1 > /dev/null); then
      echo "FAIL: tilesim perf $args --hw $hw"
      echo "$out"
      fail=$((fail + 1))
    fi
  done
done
echo "perf-all-kernels: $n predictions, $fail failed"
[ $fail -eq 0 ]
