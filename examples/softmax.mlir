// softmax.mlir -- y = softmax(x) along each row of an M x N f32 matrix:
// y[i, j] = exp(x[i, j] - max_j x[i, :]) / sum_j exp(x[i, j] - max_j x[i, :]).
//
// What it teaches: reductions along one dimension of a tile, and how a
// row that does not fit in one tile is handled.  Subtracting the row's
// maximum first keeps exp from overflowing (every exponent is <= 0).
// `reduce` folds dimension 1 of a 4xN tile with the combiner in its region
// (maxf, then addf), giving one value per row; reshape and broadcast turn
// that column of 4 values back into a 4xN tile for the elementwise ops.
// The views pad with -inf, so padded lanes add exp(-inf) = 0 to the sums.
//   @softmax         one 4x512 tile covers 4 whole rows (N <= 512): max,
//                    exp, sum and divide, all in registers
//   @softmax_looped  rows of any length, 128 columns at a time.  A first
//                    loop keeps a running maximum m and a running sum l of
//                    exp(x - m); when a tile raises the maximum from m to
//                    m', the sum so far is rescaled by exp(m - m').  That
//                    is the "online softmax" FlashAttention is built on
//                    (see attention_fwd.mlir).  A second loop writes
//                    exp(x - m) / l.
// Rows past M (a partial last block) see only padding and compute NaNs
// (-inf - -inf); they are never stored.
//
// Check it:  tilesim verify examples/softmax.mlir
// Run it:    tilesim run examples/softmax.mlir --entry softmax_looped --grid 3 \
//              rand:f32:10x300:seed=1 zeros:f32:10x300 i32:10 i32:300 --out /tmp/s
// Test it:   tilesim test examples/softmax.mlir   (runs the RUN lines below)
// Grid:      (ceil(M/4), 1, 1)
//
// Tested on M=10, N=300 (a partial block of rows; 3 column tiles for the
// looped entry, the last one partial), inputs in [-8, 8).  The reference
// is float64 softmax rounded once to f32.  The kernel rounds x - max, each
// exp, the N-term sum and the division in f32, each off by at most an
// ulp or so relative to the quotient (the sum by about sqrt(N) ulps in
// practice, N ulps at worst): --rtol 1e-5 (about 170 ulps).
// RUN: run %s --entry softmax --grid 3 @%S/../tests/data/examples/softmax_x.npy zeros:f32:10x300 i32:10 i32:300 --expect y=@%S/../tests/data/examples/softmax_y.npy --rtol 1e-5
// RUN: run %s --entry softmax_looped --grid 3 @%S/../tests/data/examples/softmax_x.npy zeros:f32:10x300 i32:10 i32:300 --expect y=@%S/../tests/data/examples/softmax_y.npy --rtol 1e-5
cuda_tile.module @softmax {
  entry @softmax(%x: tile<ptr<f32>>, %y: tile<ptr<f32>>, %m: tile<i32>, %n: tile<i32>) {
    %tx = make_tensor_view %x, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %ty = make_tensor_view %y, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %px = make_partition_view %tx : partition_view<tile=(4x512), padding_value = neg_inf, tensor_view<?x?xf32, strides=[?,1]>>
    %py = make_partition_view %ty : partition_view<tile=(4x512), tensor_view<?x?xf32, strides=[?,1]>>
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %v, %t1 = load_view_tko weak %px[%bid, %zero] : partition_view<tile=(4x512), padding_value = neg_inf, tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> tile<4x512xf32>, token
    // the maximum of each row, as a 4x512 tile
    %mx = reduce %v dim=1 identities=[0xFF800000 : f32] : tile<4x512xf32> -> tile<4xf32>
    (%a: tile<f32>, %b: tile<f32>) {
      %r = maxf %a, %b : tile<f32>
      yield %r : tile<f32>
    }
    %mx1 = reshape %mx : tile<4xf32> -> tile<4x1xf32>
    %mxb = broadcast %mx1 : tile<4x1xf32> -> tile<4x512xf32>
    // exp(x - max): padded lanes give exp(-inf) = 0
    %d = subf %v, %mxb : tile<4x512xf32>
    %e = exp %d : tile<4x512xf32>
    // the sum of each row
    %s = reduce %e dim=1 identities=[0.0 : f32] : tile<4x512xf32> -> tile<4xf32>
    (%a: tile<f32>, %b: tile<f32>) {
      %r = addf %a, %b : tile<f32>
      yield %r : tile<f32>
    }
    %s1 = reshape %s : tile<4xf32> -> tile<4x1xf32>
    %sb = broadcast %s1 : tile<4x1xf32> -> tile<4x512xf32>
    %out = divf %e, %sb : tile<4x512xf32>
    %t2 = store_view_tko weak %out, %py[%bid, %zero] : tile<4x512xf32>, partition_view<tile=(4x512), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
  }

  entry @softmax_looped(%x: tile<ptr<f32>>, %y: tile<ptr<f32>>, %m: tile<i32>, %n: tile<i32>) {
    %tx = make_tensor_view %x, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %ty = make_tensor_view %y, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %px = make_partition_view %tx : partition_view<tile=(4x128), padding_value = neg_inf, tensor_view<?x?xf32, strides=[?,1]>>
    %py = make_partition_view %ty : partition_view<tile=(4x128), tensor_view<?x?xf32, strides=[?,1]>>
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %rt, %ct = get_index_space_shape %px : partition_view<tile=(4x128), padding_value = neg_inf, tensor_view<?x?xf32, strides=[?,1]>> -> tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %m0 = constant <f32: 0xFF800000> : tile<4xf32>
    %l0 = constant <f32: 0.0> : tile<4xf32>
    // pass 1: running max m and running sum l of exp(x - m), per row
    %ml:2 = for %j in (%zero to %ct, step %one) : tile<i32>
        iter_values(%mrun = %m0, %lrun = %l0) -> (tile<4xf32>, tile<4xf32>) {
      %v, %t1 = load_view_tko weak %px[%bid, %j] : partition_view<tile=(4x128), padding_value = neg_inf, tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> tile<4x128xf32>, token
      %tmax = reduce %v dim=1 identities=[0xFF800000 : f32] : tile<4x128xf32> -> tile<4xf32>
      (%a: tile<f32>, %b: tile<f32>) {
        %r = maxf %a, %b : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %mrun, %tmax : tile<4xf32>
      // the old sum was relative to mrun: scale it by exp(mrun - mnew)
      %dm = subf %mrun, %mnew : tile<4xf32>
      %alpha = exp %dm : tile<4xf32>
      %lscaled = mulf %lrun, %alpha : tile<4xf32>
      %mnew1 = reshape %mnew : tile<4xf32> -> tile<4x1xf32>
      %mnewb = broadcast %mnew1 : tile<4x1xf32> -> tile<4x128xf32>
      %d = subf %v, %mnewb : tile<4x128xf32>
      %e = exp %d : tile<4x128xf32>
      %ts = reduce %e dim=1 identities=[0.0 : f32] : tile<4x128xf32> -> tile<4xf32>
      (%a: tile<f32>, %b: tile<f32>) {
        %r = addf %a, %b : tile<f32>
        yield %r : tile<f32>
      }
      %lnew = addf %lscaled, %ts : tile<4xf32>
      continue %mnew, %lnew : tile<4xf32>, tile<4xf32>
    }
    %mrow1 = reshape %ml#0 : tile<4xf32> -> tile<4x1xf32>
    %mrow = broadcast %mrow1 : tile<4x1xf32> -> tile<4x128xf32>
    %lrow1 = reshape %ml#1 : tile<4xf32> -> tile<4x1xf32>
    %lrow = broadcast %lrow1 : tile<4x1xf32> -> tile<4x128xf32>
    // pass 2: y = exp(x - m) / l
    for %j in (%zero to %ct, step %one) : tile<i32> {
      %v, %t1 = load_view_tko weak %px[%bid, %j] : partition_view<tile=(4x128), padding_value = neg_inf, tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> tile<4x128xf32>, token
      %d = subf %v, %mrow : tile<4x128xf32>
      %e = exp %d : tile<4x128xf32>
      %out = divf %e, %lrow : tile<4x128xf32>
      %t2 = store_view_tko weak %out, %py[%bid, %j] : tile<4x128xf32>, partition_view<tile=(4x128), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
    }
  }
}
