#!/bin/sh
# determinism.sh -- run every RUN line of examples/*.mlir with --threads 1
# and with more threads, and compare the arrays they write byte for byte.
# A tilesim result must not depend on the thread count (DESIGN.md: blocks
# run in parallel with OpenMP, the result never depends on it).
#
# usage: tests/determinism.sh [FILE.mlir...]
#   TILESIM   the binary (default ./tilesim)
#   srcdir    the source tree (default .; automake sets it for make check)
#   THREADS   thread counts compared with 1 (default 2; e.g. THREADS="2 8")
# Exit status: 0 all equal, 1 a difference or a failed run, 77 (automake's
# "skipped") when this tilesim has no run command.
TILESIM=${TILESIM:-./tilesim}
srcdir=${srcdir:-.}
THREADS=${THREADS:-2}

# (`help run` works in every build; a build without the command says so)
if "$TILESIM" run 2>&1 | grep -q "unknown command"; then
  echo "determinism.sh: '$TILESIM' has no run command; skipped"
  exit 77
fi
[ $# -gt 0 ] || set -- "$srcdir"/examples/*.mlir

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tilesim-det.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
set -f                                 # RUN arguments are never globs

fail=0 runs=0
for file in "$@"; do
  dir=$(dirname "$file")
  n=0
  # one RUN line per line; %s is the file, %S its directory
  grep '^// RUN: run ' "$file" | sed -e 's|^// RUN: run ||' \
      -e "s|%S|$dir|g" -e "s|%s|$file|g" > "$tmp/lines"
  while IFS= read -r line; do
    n=$((n + 1))
    runs=$((runs + 1))
    where="$file: RUN line $n"
    rm -rf "$tmp/t1"
    # shellcheck disable=SC2086   # split the RUN line into arguments
    if ! "$TILESIM" run $line --threads 1 --out "$tmp/t1" >"$tmp/log" 2>&1; then
      echo "FAIL: $where: the run with --threads 1 failed:"; cat "$tmp/log"; fail=1; continue
    fi
    for t in $THREADS; do
      rm -rf "$tmp/tn"
      # shellcheck disable=SC2086
      if ! "$TILESIM" run $line --threads "$t" --out "$tmp/tn" >"$tmp/log" 2>&1; then
        echo "FAIL: $where: the run with --threads $t failed:"; cat "$tmp/log"; fail=1; continue
      fi
      outs=$(ls "$tmp/t1")             # parameter names: no blanks
      [ -n "$outs" ] || { echo "FAIL: $where: the run wrote no arrays"; fail=1; }
      for b in $outs; do
        if ! cmp -s "$tmp/t1/$b" "$tmp/tn/$b"; then
          echo "FAIL: $where: $b differs between --threads 1 and --threads $t"; fail=1
        fi
      done
    done
  done < "$tmp/lines"
done
[ $fail = 0 ] && echo "determinism.sh: $runs runs, each the same with --threads 1 and $THREADS"
exit $fail
