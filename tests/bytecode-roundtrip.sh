#!/bin/sh
# bytecode-roundtrip.sh -- every kernel of the test suite and the examples
# through the bytecode, for each version 13.1 to 13.4:
#   - `tilesim asm --version V` either writes it or refuses it with one
#     "cannot write bytecode V: ..." message (exit 1), never anything else;
#   - text -> bytecode -> text: `tilesim dis` of the bytecode equals the
#     canonical text as bytecode keeps it (`tilesim dis` of the text: value
#     names, locations and the module name are not in the bytecode);
#   - bytecode -> text -> bytecode is byte-identical;
#   - the bytecode verifies (`tilesim verify` reads either form);
#   - each case of tests/bytecode/ decodes as it says (see below).
#
# usage: tests/bytecode-roundtrip.sh [FILE.mlir...]
#   TILESIM   the binary (default ./tilesim)
#   srcdir    the source tree (default .; automake sets it for make check)
TILESIM=${TILESIM:-./tilesim}
srcdir=${srcdir:-.}
[ $# -gt 0 ] || set -- "$srcdir"/tests/ir/*.mlir "$srcdir"/tests/run/*.mlir \
  "$srcdir"/examples/*.mlir

case $TILESIM in /*) tilesim=$TILESIM ;; *) tilesim=$PWD/$TILESIM ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tilesim-bc.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

fail=0 written=0 refused=0
for file in "$@"; do
  name=$(basename "$file")
  if ! "$TILESIM" dis "$file" >"$tmp/want.mlir" 2>"$tmp/err"; then
    echo "$name: does not parse"; cat "$tmp/err"; fail=1; continue
  fi
  for v in 13.1 13.2 13.3 13.4; do
    "$TILESIM" asm "$file" --version "$v" -o "$tmp/a.tileirbc" 2>"$tmp/err"
    rc=$?
    if [ $rc -eq 1 ] && [ "$(wc -l <"$tmp/err")" -le 3 ] &&
       grep -q "error: cannot write bytecode $v: " "$tmp/err"; then
      refused=$((refused + 1)); continue
    fi
    if [ $rc -ne 0 ]; then
      echo "$name $v: asm exited $rc"; cat "$tmp/err"; fail=1; continue
    fi
    written=$((written + 1))
    if ! "$TILESIM" dis "$tmp/a.tileirbc" >"$tmp/got.mlir" 2>"$tmp/err" ||
       ! cmp -s "$tmp/want.mlir" "$tmp/got.mlir"; then
      echo "$name $v: text -> bytecode -> text differs"
      cat "$tmp/err"; diff "$tmp/want.mlir" "$tmp/got.mlir" | head -20; fail=1; continue
    fi
    if ! "$TILESIM" asm "$tmp/got.mlir" --version "$v" -o "$tmp/b.tileirbc" 2>"$tmp/err" ||
       ! cmp -s "$tmp/a.tileirbc" "$tmp/b.tileirbc"; then
      echo "$name $v: bytecode -> text -> bytecode differs"; cat "$tmp/err"; fail=1; continue
    fi
    if ! "$TILESIM" verify "$tmp/a.tileirbc" 2>"$tmp/err"; then
      echo "$name $v: the bytecode does not verify"; cat "$tmp/err"; fail=1
    fi
  done
done

# tests/bytecode/CASE/in.tileirbc: `tilesim dis` prints x_output (when
# the case has one; the file must then verify and write back at its
# version to the same text) and x_err on stderr (when it has one).  The
# cutile-* cases were written by cuTile Python (gen_cutile.py).
for dir in "$srcdir"/tests/bytecode/*/; do
  [ -e "$dir/in.tileirbc" ] || continue
  case=$(basename "$dir")
  (cd "$dir" && "$tilesim" dis in.tileirbc) >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ -e "$dir/x_output" ] && { [ $rc -ne 0 ] || ! cmp -s "$dir/x_output" "$tmp/out"; }; then
    echo "bytecode/$case: output differs (exit $rc)"; cat "$tmp/err"
    diff "$dir/x_output" "$tmp/out" | head -20; fail=1
  fi
  if [ -e "$dir/x_output" ]; then
    # it verifies, and written again at its version it reads back the same
    v=$(od -An -tu1 -j8 -N2 "$dir/in.tileirbc" | awk '{ print $1 "." $2 }')
    if ! "$tilesim" verify "$dir/in.tileirbc" 2>"$tmp/err" ||
       ! "$tilesim" asm "$dir/in.tileirbc" --version "$v" -o "$tmp/c.tileirbc" 2>>"$tmp/err" ||
       ! "$tilesim" dis "$tmp/c.tileirbc" 2>>"$tmp/err" | cmp -s - "$dir/x_output"; then
      echo "bytecode/$case: does not verify or write back as $v"; cat "$tmp/err"; fail=1
    fi
  fi
  if [ -e "$dir/x_err" ] && { [ $rc -ne 1 ] || ! cmp -s "$dir/x_err" "$tmp/err"; }; then
    echo "bytecode/$case: error differs (exit $rc)"; diff "$dir/x_err" "$tmp/err"; fail=1
  fi
done

echo "bytecode-roundtrip: $written written and read back, $refused refused"
exit $fail
