# lib.sh -- shared by tests/whatif/*.sh: the binary, a scratch directory,
# a small GEMM problem as sweep and perf arguments, and check/finish.
#
#   . "$(dirname "$0")/lib.sh"
#   check 'what' COMMAND...    runs COMMAND, counts a failure when it fails
#   finish                     exits 1 if any check failed

TILESIM=${TILESIM:-./tilesim}
case $TILESIM in
  /*) ;;
  */*) TILESIM=$(pwd)/$TILESIM ;;
esac
srcdir=${srcdir:-.}
case $srcdir in /*) ;; *) srcdir=$(pwd)/$srcdir ;; esac
TILESIM_HWDESC=${TILESIM_HWDESC:-$srcdir/hwdesc}
export TILESIM_HWDESC
T=$(mktemp -d "${TMPDIR:-/tmp}/tilesim-whatif.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
fails=0

# The B200 reference GEMM on an N x N x N problem: sweep templates and
# the arguments of one shape.
GEMM=$srcdir/examples/perf/gemm_b200.mlir
gemm_args() {
  echo "shape:bf16:$1x$1 shape:bf16:$1x$1 shape:bf16:$1x$1 i32:$1 i32:$1 i32:$1"
}
GEMM_TMPL="shape:bf16:{N}x{N} shape:bf16:{N}x{N} shape:bf16:{N}x{N} i32:{N} i32:{N} i32:{N}"
GEMM_GRID='{(N+255)/256*((N+255)/256)}'

check() {
  what=$1
  shift
  if ! "$@"; then
    echo "FAIL: $what"
    fails=$((fails + 1))
  fi
}

finish() {
  [ "$fails" = 0 ] || { echo "$fails check(s) failed"; exit 1; }
  exit 0
}

# Whether the numbers a and b agree to a relative tolerance (default 1e-5:
# perf prints 6 digits).
close() {
  awk -v a="$1" -v b="$2" -v r="${3:-1e-5}" 'BEGIN { d = a - b; if (d < 0) d = -d; m = (a < 0 ? -a : a);
    exit !(d <= r * m + 1e-300) }'
}

# The value of "key": in the JSON object of one perf --format json run.
json_num() {
  sed -n "s/.*\"$1\": \\([^,}]*\\).*/\\1/p" | head -1
}
