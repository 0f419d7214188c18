#!/bin/sh
# Bad command lines and bad inputs to `tilesim run`: status 2 for usage
# errors (the command line itself), 1 for invalid input (arguments that
# do not fit the kernel, malformed files), 3 for files that cannot be
# read.
. "$(dirname "$0")/lib.sh"

kernel add <<'EOF'
cuda_tile.module @t {
  entry @add(%a: tile<ptr<f32>>, %n: tile<i32>, %c: tile<ptr<f32>>) {
    %i = iota : tile<4xi32>
    %a1 = reshape %a : tile<ptr<f32>> -> tile<1xptr<f32>>
    %av = broadcast %a1 : tile<1xptr<f32>> -> tile<4xptr<f32>>
    %ap = offset %av, %i : tile<4xptr<f32>>, tile<4xi32> -> tile<4xptr<f32>>
    %x, %t0 = load_ptr_tko weak %ap : tile<4xptr<f32>> -> tile<4xf32>, token
    %c1 = reshape %c : tile<ptr<f32>> -> tile<1xptr<f32>>
    %cv = broadcast %c1 : tile<1xptr<f32>> -> tile<4xptr<f32>>
    %cp = offset %cv, %i : tile<4xptr<f32>>, tile<4xi32> -> tile<4xptr<f32>>
    %t1 = store_ptr_tko weak %cp, %x : tile<4xptr<f32>>, tile<4xf32> -> token
  }
}
EOF
kernel two <<'EOF'
cuda_tile.module @t {
  entry @one() {
  }
  entry @two() {
  }
}
EOF
kernel broken <<'EOF'
cuda_tile.module @t {
  entry @k( {
}
EOF
# fixtures made by tests/gen_run_refs.py (numpy); copied next to the kernels
D=${srcdir:-$(dirname "$0")/../..}/tests/data/run
for f in bad_c8 bad_short arg_i32 arg_f32; do cp "$D/$f.npy" "$T/" || exit 99; done
printf 'not a numpy file\n' > "$T/garbage.npy"
mkdir "$T/dir.npy"

# the good run, as a baseline
expect 0 '' run add.mlir zeros:f32:4 i32:4 zeros:f32:4

# --- usage: the command line itself ---
expect 2 'no kernel file' run
expect 2 "bad grid '0'" run add.mlir --grid 0 zeros:f32:4 i32:4 zeros:f32:4
expect 2 "bad grid '1,2,3,4'" run add.mlir --grid 1,2,3,4 zeros:f32:4 i32:4 zeros:f32:4
expect 2 "bad grid 'x'" run add.mlir --grid x zeros:f32:4 i32:4 zeros:f32:4
expect 2 "option '--grid' needs a value" run add.mlir --grid
expect 2 "unknown option '--bogus'" run add.mlir --bogus zeros:f32:4 i32:4 zeros:f32:4
expect 2 "bad thread count '0'" run add.mlir --threads 0 zeros:f32:4 i32:4 zeros:f32:4
expect 2 "unknown numerics 'fast'" run add.mlir --numerics fast zeros:f32:4 i32:4 zeros:f32:4
expect 2 "bad --expect 'c'" run add.mlir --expect c zeros:f32:4 i32:4 zeros:f32:4
expect 2 "bad tolerance '-1'" run add.mlir --atol -1 zeros:f32:4 i32:4 zeros:f32:4
expect 2 "several entries or none" run two.mlir
expect 2 "no entry named 'three'" run two.mlir --entry three
# an argument spec that does not parse is a command-line error too
expect 2 "bad argument spec 'bogus:f32:4'" run add.mlir bogus:f32:4 i32:4 zeros:f32:4
expect 2 "bad scalar spec 'i32:abc'" run add.mlir zeros:f32:4 i32:abc zeros:f32:4
expect 2 "bad scalar spec 'i32:99999999999'" run add.mlir zeros:f32:4 i32:99999999999 zeros:f32:4
expect 2 "bad array spec 'zeros:f32:4x': expected dimensions" run add.mlir zeros:f32:4x i32:4 zeros:f32:4
expect 2 "bad array spec 'zeros:q32:4': unknown element type 'q32'" run add.mlir zeros:q32:4 i32:4 zeros:f32:4
expect 2 "--expect: no array parameter named '%n'" run add.mlir zeros:f32:4 i32:4 c=zeros:f32:4 --expect n=@arg_f32.npy
# arrays given as shapes only are for tilesim perf
expect 2 "argument 'shape:f32:4' is a shape without data" run add.mlir shape:f32:4 i32:4 zeros:f32:4

# --- invalid input: arguments that do not fit the kernel ---
expect 1 "no argument for parameter '%c' \(entry 'add' takes 3, 2 given\)" run add.mlir zeros:f32:4 i32:4
expect 1 "too many arguments: entry 'add' takes 3" run add.mlir zeros:f32:4 i32:4 zeros:f32:4 i32:1
expect 1 "the entry has no parameter named '%d'" run add.mlir zeros:f32:4 i32:4 d=zeros:f32:4
expect 1 "argument for '%n' is a f32 scalar but the parameter has type tile<i32>" run add.mlir zeros:f32:4 f32:4 zeros:f32:4
expect 1 "argument for '%n' is an array but the parameter has type tile<i32>" run add.mlir zeros:f32:4 zeros:i32:4 zeros:f32:4
expect 1 "argument for '%a' is a i32 scalar but the parameter has type tile<ptr<f32>>" run add.mlir i32:4 i32:4 zeros:f32:4
expect 1 "argument for '%a' has elements of i32, the parameter points to f32" run add.mlir @arg_i32.npy i32:4 zeros:f32:4
expect 1 "argument for '%a' has elements of f64, the parameter points to f32" run add.mlir zeros:f64:4 i32:4 zeros:f32:4
# malformed .npy files
expect 1 "'garbage.npy': not a .npy file" run add.mlir @garbage.npy i32:4 zeros:f32:4
expect 1 "'bad_c8.npy': unsupported dtype '<c8'" run add.mlir @bad_c8.npy i32:4 zeros:f32:4
expect 1 "'bad_short.npy': truncated data" run add.mlir @bad_short.npy i32:4 zeros:f32:4
# a reference that does not match, or is malformed
expect 1 "c differs from the reference in 3 of 4 elements" run add.mlir zeros:f32:4 i32:4 c=zeros:f32:4 --expect c=@arg_f32.npy
expect 1 "reference has 4 elements of i32, the result 4 of f32" run add.mlir zeros:f32:4 i32:4 c=zeros:f32:4 --expect c=@arg_i32.npy
expect 1 "'garbage.npy': not a .npy file" run add.mlir zeros:f32:4 i32:4 c=zeros:f32:4 --expect c=@garbage.npy
# an invalid kernel
expect 1 'broken.mlir:2:[0-9]+: error:' run broken.mlir

# --- files that cannot be read ---
expect 3 "cannot read 'missing.mlir'" run missing.mlir
expect 3 "cannot open 'missing.npy'" run add.mlir @missing.npy i32:4 zeros:f32:4
expect 3 "cannot read 'dir.npy'" run add.mlir @dir.npy i32:4 zeros:f32:4
expect 3 "cannot open 'missing.npy'" run add.mlir zeros:f32:4 i32:4 c=zeros:f32:4 --expect c=@missing.npy
expect 3 "cannot create 'garbage.npy/out'" run add.mlir zeros:f32:4 i32:4 zeros:f32:4 --out garbage.npy/out

finish
