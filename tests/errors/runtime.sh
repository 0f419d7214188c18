#!/bin/sh
# Kernel errors at run time: each is reported once, at the op, with the
# tile block and the element, and `tilesim run` exits with status 1.
. "$(dirname "$0")/lib.sh"

# --- out of bounds through pointers ---
kernel ptr <<'EOF'
cuda_tile.module @t {
  entry @k(%in: tile<ptr<f32>>, %off: tile<i32>, %out: tile<ptr<f32>>) {
    %x, %y, %z = get_tile_block_id : tile<i32>
    %i = iota : tile<8xi32>
    %o1 = reshape %off : tile<i32> -> tile<1xi32>
    %ob = broadcast %o1 : tile<1xi32> -> tile<8xi32>
    %idx = addi %i, %ob : tile<8xi32>
    %p1 = reshape %in : tile<ptr<f32>> -> tile<1xptr<f32>>
    %pv = broadcast %p1 : tile<1xptr<f32>> -> tile<8xptr<f32>>
    %pp = offset %pv, %idx : tile<8xptr<f32>>, tile<8xi32> -> tile<8xptr<f32>>
    %v, %t0 = load_ptr_tko weak %pp : tile<8xptr<f32>> -> tile<8xf32>, token
    %q1 = reshape %out : tile<ptr<f32>> -> tile<1xptr<f32>>
    %qv = broadcast %q1 : tile<1xptr<f32>> -> tile<8xptr<f32>>
    %qp = offset %qv, %idx : tile<8xptr<f32>>, tile<8xi32> -> tile<8xptr<f32>>
    %t1 = store_ptr_tko weak %qp, %v : tile<8xptr<f32>>, tile<8xf32> -> token
  }
}
EOF
expect 1 'ptr.mlir:11:[0-9]+: error: block \(0,0,0\): load out of bounds: element \[6\] address 0x[0-9a-f]+ is 4 bytes past the end of .in. \(24 bytes' \
  run ptr.mlir zeros:f32:6 i32:0 zeros:f32:8
expect 1 'load out of bounds: element \[0\] address 0x[0-9a-f]+ is 8 bytes before the start of .in.' \
  run ptr.mlir zeros:f32:8 i32:-2 zeros:f32:8
expect 1 'ptr.mlir:15:[0-9]+: error: block \(0,0,0\): store out of bounds: element \[4\]' \
  run ptr.mlir zeros:f32:8 i32:0 zeros:f32:4
# the first failing block in grid order is the one reported
expect 1 'block \(0,0,0\): load out of bounds' run ptr.mlir --grid 4 --threads 2 zeros:f32:6 i32:0 zeros:f32:8

# --- out of bounds through a view: the tensor claims more than the memory ---
kernel view <<'EOF'
cuda_tile.module @t {
  entry @k(%in: tile<ptr<f32>>, %rows: tile<i32>, %i: tile<i32>) {
    %tv = make_tensor_view %in, shape = [%rows, 4], strides = [4, 1] : tile<i32> -> tensor_view<?x4xf32, strides=[4,1]>
    %pv = make_partition_view %tv : partition_view<tile=(2x4), tensor_view<?x4xf32, strides=[4,1]>>
    %z = constant <i32: 0> : tile<i32>
    %v, %t0 = load_view_tko weak %pv[%i, %z] : partition_view<tile=(2x4), tensor_view<?x4xf32, strides=[4,1]>>, tile<i32> -> tile<2x4xf32>, token
    %t1 = store_view_tko weak %v, %pv[%z, %i] : tile<2x4xf32>, partition_view<tile=(2x4), tensor_view<?x4xf32, strides=[4,1]>>, tile<i32> -> token
  }
}
EOF
expect 1 'view.mlir:6:[0-9]+: error: block \(0,0,0\): load out of bounds: element \[0,0\] address 0x[0-9a-f]+ is 4 bytes past the end of .in. \(32 bytes' \
  run view.mlir zeros:f32:8 i32:8 i32:1
# a row partly inside the memory: the first element outside is named
expect 1 'view.mlir:6:[0-9]+: error: block \(0,0,0\): load out of bounds: element \[0,2\] address 0x[0-9a-f]+ is 4 bytes past the end of .in. \(40 bytes' \
  run view.mlir zeros:f32:10 i32:3 i32:1
# an index outside the index space (4 rows in 2-row tiles: [0, 2))
expect 1 'view.mlir:6:[0-9]+: error: block \(0,0,0\): view index 2 of dimension 0 is outside the index space \[0, 2\)' \
  run view.mlir zeros:f32:16 i32:4 i32:2
# the store's index [0, 1] is outside dimension 1's space [0, 1)
expect 1 'view.mlir:7:[0-9]+: error: .*view index 1 of dimension 1 is outside the index space \[0, 1\)' \
  run view.mlir zeros:f32:16 i32:4 i32:1
# a zero-sized dynamic dimension
expect 1 'view.mlir:3:[0-9]+: error: .*tensor_view dimension 0 has shape 0' \
  run view.mlir zeros:f32:16 i32:0 i32:0

# --- arithmetic ---
kernel div <<'EOF'
cuda_tile.module @t {
  entry @k(%a: tile<i32>, %b: tile<i32>) {
    %i = iota : tile<4xi32>
    %b1 = reshape %b : tile<i32> -> tile<1xi32>
    %bb = broadcast %b1 : tile<1xi32> -> tile<4xi32>
    %d = subi %bb, %i : tile<4xi32>
    %a1 = reshape %a : tile<i32> -> tile<1xi32>
    %ab = broadcast %a1 : tile<1xi32> -> tile<4xi32>
    %q = divi %ab, %d signed : tile<4xi32>
    %r = remi %ab, %d unsigned : tile<4xi32>
  }
}
EOF
expect 1 'div.mlir:9:[0-9]+: error: block \(0,0,0\): integer division by zero at element \[2\]' run div.mlir i32:7 i32:2
expect 1 'div.mlir:9:[0-9]+: error: .*signed integer division overflows .* at element \[0\]' run div.mlir i32:-2147483648 i32:-1

kernel remz <<'EOF'
cuda_tile.module @t {
  entry @k(%a: tile<i64>, %b: tile<i64>) {
    %r = remi %a, %b unsigned : tile<i64>
  }
}
EOF
expect 1 'remz.mlir:3:[0-9]+: error: .*integer division by zero at element \[\]' run remz.mlir i64:5 i64:0

kernel ftoi <<'EOF'
cuda_tile.module @t {
  entry @k(%x: tile<f32>) {
    %c = constant <f32: [1.0, 2.0, 0x7FC00000, 4.0]> : tile<4xf32>
    %x1 = reshape %x : tile<f32> -> tile<1xf32>
    %xb = broadcast %x1 : tile<1xf32> -> tile<4xf32>
    %s = addf %c, %xb : tile<4xf32>
    %i = ftoi %s signed : tile<4xf32> -> tile<4xi16>
  }
}
EOF
expect 1 'ftoi.mlir:7:[0-9]+: error: block \(0,0,0\): ftoi of nan at element \[2\] is undefined' run ftoi.mlir f32:0
expect 1 'ftoi.mlir:7:[0-9]+: error: .*ftoi of .* at element \[0\] is undefined \(NaN or out of the range of i16\)' run ftoi.mlir f32:40000

# --- shape ---
kernel extract <<'EOF'
cuda_tile.module @t {
  entry @k(%i: tile<i32>) {
    %a = iota : tile<16xi32>
    %m = reshape %a : tile<16xi32> -> tile<4x4xi32>
    %z = constant <i32: 0> : tile<i32>
    %e = extract %m[%z, %i] : tile<4x4xi32> -> tile<4x2xi32>
  }
}
EOF
expect 1 'extract.mlir:6:[0-9]+: error: block \(0,0,0\): slice index 2 of dimension 1 is out of range \[0, 2\)' run extract.mlir i32:2
expect 1 'slice index 4294967295 of dimension 1 is out of range' run extract.mlir i32:-1

# --- control ---
kernel assert <<'EOF'
cuda_tile.module @t {
  entry @k(%n: tile<i32>) {
    %x, %y, %z = get_tile_block_id : tile<i32>
    %ok = cmpi less_than %x, %n, signed : tile<i32> -> tile<i1>
    assert %ok, "block id below n" : tile<i1>
  }
}
EOF
expect 0 '' run assert.mlir --grid 4 i32:4
expect 1 'assert.mlir:5:[0-9]+: error: block \(3,0,0\): assertion failed at element \[\]: block id below n' \
  run assert.mlir --grid 4 --threads 2 i32:3

kernel step <<'EOF'
cuda_tile.module @t {
  entry @k(%s: tile<i32>) {
    %z = constant <i32: 0> : tile<i32>
    %n = constant <i32: 10> : tile<i32>
    for %i in (%z to %n, step %s) : tile<i32> {
    }
  }
}
EOF
expect 1 'step.mlir:5:[0-9]+: error: .*loop step must be positive, got 0' run step.mlir i32:0
expect 1 'loop step must be positive, got -1' run step.mlir i32:-1

# --- memory ---
kernel rodata <<'EOF'
cuda_tile.module @t {
  global private constant @c <i32: [1, 2]> : tile<2xi32>
  entry @k() {
    %p = get_global @c : tile<ptr<i32>>
    %v = constant <i32: 5> : tile<i32>
    %t = store_ptr_tko weak %p, %v : tile<ptr<i32>>, tile<i32> -> token
  }
}
EOF
expect 1 'rodata.mlir:6:[0-9]+: error: .*store to read-only memory: element \[\] address 0x[0-9a-f]+ in .@c.' run rodata.mlir

finish
