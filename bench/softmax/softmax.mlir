// softmax.mlir -- row softmax of an M x 8192 f32 matrix, 8 rows per tile
// block: y = exp(x - max(x)) / sum(exp(x - max(x))), row by row.
// Used by bench/softmax/run (8192 x 8192 against numpy).
cuda_tile.module @softmax_bench {
  entry @softmax(%x: tile<ptr<f32>>, %y: tile<ptr<f32>>, %m: tile<i32>) {
    %tx = make_tensor_view %x, shape = [%m, 8192], strides = [8192, 1] : tile<i32> -> tensor_view<?x8192xf32, strides=[8192,1]>
    %ty = make_tensor_view %y, shape = [%m, 8192], strides = [8192, 1] : tile<i32> -> tensor_view<?x8192xf32, strides=[8192,1]>
    %px = make_partition_view %tx : partition_view<tile=(8x8192), tensor_view<?x8192xf32, strides=[8192,1]>>
    %py = make_partition_view %ty : partition_view<tile=(8x8192), tensor_view<?x8192xf32, strides=[8192,1]>>
    %b, %by, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %v, %t = load_view_tko weak %px[%b, %zero] : partition_view<tile=(8x8192), tensor_view<?x8192xf32, strides=[8192,1]>>, tile<i32> -> tile<8x8192xf32>, token
    %mx = reduce %v dim=1 identities=[0xFF800000 : f32] : tile<8x8192xf32> -> tile<8xf32>
    (%e: tile<f32>, %a: tile<f32>) {
      %r = maxf %e, %a : tile<f32>
      yield %r : tile<f32>
    }
    %mx2 = reshape %mx : tile<8xf32> -> tile<8x1xf32>
    %mxb = broadcast %mx2 : tile<8x1xf32> -> tile<8x8192xf32>
    %d = subf %v, %mxb : tile<8x8192xf32>
    %ex = exp %d : tile<8x8192xf32>
    %s = reduce %ex dim=1 identities=[0.000000e+00 : f32] : tile<8x8192xf32> -> tile<8xf32>
    (%e2: tile<f32>, %a2: tile<f32>) {
      %r2 = addf %e2, %a2 : tile<f32>
      yield %r2 : tile<f32>
    }
    %s2 = reshape %s : tile<8xf32> -> tile<8x1xf32>
    %sb = broadcast %s2 : tile<8x1xf32> -> tile<8x8192xf32>
    %out = divf %ex, %sb : tile<8x8192xf32>
    %t2 = store_view_tko weak %out, %py[%b, %zero] : tile<8x8192xf32>, partition_view<tile=(8x8192), tensor_view<?x8192xf32, strides=[8192,1]>>, tile<i32> -> token
  }
}
