#!/bin/sh
# build.sh -- build the libFuzzer targets of tests/fuzz against src/ir.
#
#   tests/fuzz/build.sh [OUTDIR]        (default OUTDIR: ./fuzz-build)
#
# Compiles the sources of src/ir directly with clang, -fsanitize=fuzzer,
# address and undefined, so it needs neither configure nor make.  A
# minimal config.h is written to OUTDIR.  Runs from any directory.
# Environment: CC (default clang), CFLAGS (added at the end).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${1:-$PWD/fuzz-build}
CC=${CC:-clang}
mkdir -p "$out"
out=$(cd "$out" && pwd)

cat >"$out/config.h" <<'EOF'
/* config.h for the fuzz build (tests/fuzz/build.sh): what the sources of
** src/ir need from configure, and nothing else. */
#define PACKAGE "tilesim"
#define PACKAGE_NAME "tilesim"
#define PACKAGE_TARNAME "tilesim"
#define PACKAGE_VERSION "fuzz"
#define PACKAGE_STRING "tilesim fuzz"
#define VERSION "fuzz"
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
EOF

# -fno-sanitize-recover: a UBSan finding must stop the run like a crash.
flags="-std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer \
 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
 -Wall -Wextra -Wno-missing-field-initializers"

# A dictionary for -dict=: every mnemonic of ops.def, plus the words of
# the types and attributes, so mutations produce plausible text.
{
  sed -n 's/^OP([a-z_0-9]*, *\("[^"]*"\).*/\1/p' "$top/src/ir/ops.def"
  for w in cuda_tile.module module entry 'testing$func' global constant private \
      public tile ptr token tensor_view partition_view strided_view \
      gather_scatter_view strides traversal_strides padding_value dim_map \
      sparse_dim i1 i4 i8 i16 i32 i64 f16 bf16 f32 f64 tf32 f8E4M3FN f8E5M2 \
      f8E8M0FNU f8E5M3FNU f4E2M1FN rounding overflow flush_to_zero \
      propagate_nan fast_acc signed unsigned ordered unordered equal \
      less_than weak relaxed acquire release acq_rel tl_blk device sys \
      iter_values in to step else dim identities reverse true false shape \
      optimization_hints div_by same_elements bounded every along loc \
      attributes alignment num_elem array dense nan zero neg_zero pos_inf \
      neg_inf '#cuda_tile.' '!cuda_tile.' '0x7FC00000' '1.0e+38' '-0.0' \
      '%0#1' '%a:2' '->' '// -----' '^bb0'; do
    printf '"%s"\n' "$w"
  done
} >"$out/tile_ir.dict"

for target in fuzz_parse fuzz_bytecode; do
  # shellcheck disable=SC2086
  $CC $flags -I"$out" -I"$top/include" -I"$top/src/ir" ${CFLAGS:-} \
    "$here/$target.c" "$top"/src/ir/*.c -lm -o "$out/$target"
  echo "built $out/$target"
done
