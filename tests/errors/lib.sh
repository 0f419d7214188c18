# lib.sh -- shared by the tests/errors/*.sh scripts: each runs $TILESIM on
# bad input and checks the exit status and a piece of stderr.
#
#   . "$(dirname "$0")/lib.sh"
#   kernel NAME <<'EOF' ... EOF     writes $T/NAME.mlir
#   expect RC 'ERE' ARGS...          runs $TILESIM ARGS, wants status RC
#                                    and a stderr line matching ERE
#                                    (an empty ERE checks the status only)
#   finish                           exits 1 if any expectation failed
#
# A run that takes longer than $LIMIT seconds (default 20) counts as a
# hang, whatever it was expected to do.

TILESIM=${TILESIM:-./tilesim}
case $TILESIM in                      # the runs happen in $T
  /*) ;;
  */*) TILESIM=$(pwd)/$TILESIM ;;
esac
LIMIT=${LIMIT:-20}
T=$(mktemp -d "${TMPDIR:-/tmp}/tilesim-err.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
fails=0
count=0

kernel() {
  cat > "$T/$1.mlir"
}

expect() {
  want_rc=$1
  want_msg=$2
  shift 2
  count=$((count + 1))
  if command -v timeout >/dev/null 2>&1; then
    (cd "$T" && timeout "$LIMIT" "$TILESIM" "$@") > "$T/out" 2> "$T/err"
  else
    (cd "$T" && "$TILESIM" "$@") > "$T/out" 2> "$T/err"
  fi
  rc=$?
  if [ "$rc" = 124 ] && [ "$want_rc" != 124 ]; then
    echo "FAIL: tilesim $*: no answer in $LIMIT s (hangs)"
    fails=$((fails + 1))
    return
  fi
  if [ "$rc" != "$want_rc" ]; then
    echo "FAIL: tilesim $*: exit status $rc, want $want_rc"
    sed 's/^/  | /' "$T/err"
    fails=$((fails + 1))
    return
  fi
  if [ -n "$want_msg" ] && ! grep -E -q -- "$want_msg" "$T/err"; then
    echo "FAIL: tilesim $*: stderr lacks /$want_msg/"
    sed 's/^/  | /' "$T/err"
    fails=$((fails + 1))
    return
  fi
}

finish() {
  echo "$((count - fails)) of $count checks passed"
  [ "$fails" = 0 ]
  exit $?
}
