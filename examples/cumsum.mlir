// cumsum.mlir -- inclusive prefix sums along each row of an M x N matrix:
// y[i, j] = x[i, 0] + x[i, 1] + ... + x[i, j].
//
// What it teaches: `scan`, and carrying a value from one tile to the next.
// Each tile block handles 4 rows and walks along them 128 columns at a
// time.  `scan` with an addi (or addf) combiner turns a 4x128 tile into
// its running sums along dimension 1; adding the carry (the total of the
// columns before this tile, one value per row, broadcast along the row)
// makes them running sums of the whole row.  The new carry is the last
// column of the result, taken with `extract` (a 4x1 slice: slice index 127
// along dimension 1).  The views pad with zeros; lanes past N are scanned
// but never stored.
//   @cumsum_i32  integers: every addition is exact, results bit for bit
//   @cumsum_f32  floats: the sums are rounded at each step, in an order the
//                reference does not share
//
// Check it:  tilesim verify examples/cumsum.mlir
// Run it:    tilesim run examples/cumsum.mlir --entry cumsum_i32 --grid 2 \
//              iota:i32:6x300 zeros:i32:6x300 i32:6 i32:300 --out /tmp/cs
// Test it:   tilesim test examples/cumsum.mlir   (runs the RUN lines below)
// Grid:      (ceil(M/4), 1, 1)
//
// Tested on M=6, N=300 (a partial block of rows, 3 column tiles, the last
// one partial).  i32 inputs in [-1000, 1000): the exact prefix sums, bit
// for bit.  f32 inputs in [-1, 1): the float64 prefix sums rounded to f32;
// the kernel's f32 sums may differ by about sqrt(N) * 2^-24 * sum_j |x_ij|
// (1.6e-4 here): --atol 2e-4.
// RUN: run %s --entry cumsum_i32 --grid 2 @%S/../tests/data/examples/cumsum_x_i32.npy zeros:i32:6x300 i32:6 i32:300 --expect y=@%S/../tests/data/examples/cumsum_y_i32.npy
// RUN: run %s --entry cumsum_f32 --grid 2 @%S/../tests/data/examples/cumsum_x_f32.npy zeros:f32:6x300 i32:6 i32:300 --expect y=@%S/../tests/data/examples/cumsum_y_f32.npy --atol 2e-4
cuda_tile.module @cumsum {
  entry @cumsum_i32(%x: tile<ptr<i32>>, %y: tile<ptr<i32>>, %m: tile<i32>, %n: tile<i32>) {
    %tx = make_tensor_view %x, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xi32, strides=[?,1]>
    %ty = make_tensor_view %y, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xi32, strides=[?,1]>
    %px = make_partition_view %tx : partition_view<tile=(4x128), padding_value = zero, tensor_view<?x?xi32, strides=[?,1]>>
    %py = make_partition_view %ty : partition_view<tile=(4x128), tensor_view<?x?xi32, strides=[?,1]>>
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %rt, %ct = get_index_space_shape %px : partition_view<tile=(4x128), padding_value = zero, tensor_view<?x?xi32, strides=[?,1]>> -> tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %last = constant <i32: 127> : tile<i32>
    %carry0 = constant <i32: 0> : tile<4x1xi32>
    %final = for %j in (%zero to %ct, step %one) : tile<i32>
        iter_values(%carry = %carry0) -> (tile<4x1xi32>) {
      %v, %t1 = load_view_tko weak %px[%bid, %j] : partition_view<tile=(4x128), padding_value = zero, tensor_view<?x?xi32, strides=[?,1]>>, tile<i32> -> tile<4x128xi32>, token
      // running sums within the tile
      %s = scan %v dim=1 reverse=false identities=[0 : i32] : tile<4x128xi32> -> tile<4x128xi32>
      (%a: tile<i32>, %b: tile<i32>) {
        %r = addi %a, %b : tile<i32>
        yield %r : tile<i32>
      }
      // plus everything before the tile
      %cb = broadcast %carry : tile<4x1xi32> -> tile<4x128xi32>
      %out = addi %s, %cb : tile<4x128xi32>
      %t2 = store_view_tko weak %out, %py[%bid, %j] : tile<4x128xi32>, partition_view<tile=(4x128), tensor_view<?x?xi32, strides=[?,1]>>, tile<i32> -> token
      // the last column is the carry into the next tile
      %next = extract %out[%zero, %last] : tile<4x128xi32> -> tile<4x1xi32>
      continue %next : tile<4x1xi32>
    }
  }

  entry @cumsum_f32(%x: tile<ptr<f32>>, %y: tile<ptr<f32>>, %m: tile<i32>, %n: tile<i32>) {
    %tx = make_tensor_view %x, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %ty = make_tensor_view %y, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %px = make_partition_view %tx : partition_view<tile=(4x128), padding_value = zero, tensor_view<?x?xf32, strides=[?,1]>>
    %py = make_partition_view %ty : partition_view<tile=(4x128), tensor_view<?x?xf32, strides=[?,1]>>
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %rt, %ct = get_index_space_shape %px : partition_view<tile=(4x128), padding_value = zero, tensor_view<?x?xf32, strides=[?,1]>> -> tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %last = constant <i32: 127> : tile<i32>
    %carry0 = constant <f32: 0.0> : tile<4x1xf32>
    %final = for %j in (%zero to %ct, step %one) : tile<i32>
        iter_values(%carry = %carry0) -> (tile<4x1xf32>) {
      %v, %t1 = load_view_tko weak %px[%bid, %j] : partition_view<tile=(4x128), padding_value = zero, tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> tile<4x128xf32>, token
      %s = scan %v dim=1 reverse=false identities=[0.0 : f32] : tile<4x128xf32> -> tile<4x128xf32>
      (%a: tile<f32>, %b: tile<f32>) {
        %r = addf %a, %b : tile<f32>
        yield %r : tile<f32>
      }
      %cb = broadcast %carry : tile<4x1xf32> -> tile<4x128xf32>
      %out = addf %s, %cb : tile<4x128xf32>
      %t2 = store_view_tko weak %out, %py[%bid, %j] : tile<4x128xf32>, partition_view<tile=(4x128), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
      %next = extract %out[%zero, %last] : tile<4x128xf32> -> tile<4x1xf32>
      continue %next : tile<4x1xf32>
    }
  }
}
