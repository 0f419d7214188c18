// RUN: run %s --grid 6 x=@%S/../data/run/softmax_x.npy y=zeros:f32:48x100 --expect y=@%S/../data/run/softmax_y.npy --rtol 1e-5 --atol 1e-30
//
// Row softmax of a 48x100 f32 matrix, one 8x128 tile per block: the
// padding is -inf, so the extra columns give exp(-inf) = 0 and do not
// change the sums.  exp and the sums round differently from numpy's
// float64 reference, hence the tolerance.
cuda_tile.module @softmax {
  entry @softmax(%x: tile<ptr<f32>>, %y: tile<ptr<f32>>) {
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %tx = make_tensor_view %x, shape = [48, 100], strides = [100, 1] : tensor_view<48x100xf32, strides=[100,1]>
    %px = make_partition_view %tx : partition_view<tile=(8x128), padding_value = neg_inf, tensor_view<48x100xf32, strides=[100,1]>>
    %v, %t0 = load_view_tko weak %px[%bid, %zero] : partition_view<tile=(8x128), padding_value = neg_inf, tensor_view<48x100xf32, strides=[100,1]>>, tile<i32> -> tile<8x128xf32>, token
    %m = reduce %v dim=1 identities=[0xFF800000 : f32] : tile<8x128xf32> -> tile<8xf32>
    (%e: tile<f32>, %acc: tile<f32>) {
      %r = maxf %e, %acc : tile<f32>
      yield %r : tile<f32>
    }
    %m2 = reshape %m : tile<8xf32> -> tile<8x1xf32>
    %mb = broadcast %m2 : tile<8x1xf32> -> tile<8x128xf32>
    %d = subf %v, %mb : tile<8x128xf32>
    %e = exp %d : tile<8x128xf32>
    %s = reduce %e dim=1 identities=[0.0 : f32] : tile<8x128xf32> -> tile<8xf32>
    (%a: tile<f32>, %acc: tile<f32>) {
      %r = addf %a, %acc : tile<f32>
      yield %r : tile<f32>
    }
    %s2 = reshape %s : tile<8xf32> -> tile<8x1xf32>
    %sb = broadcast %s2 : tile<8x1xf32> -> tile<8x128xf32>
    %q = divf %e, %sb : tile<8x128xf32>
    %ty = make_tensor_view %y, shape = [48, 100], strides = [100, 1] : tensor_view<48x100xf32, strides=[100,1]>
    %py = make_partition_view %ty : partition_view<tile=(8x128), tensor_view<48x100xf32, strides=[100,1]>>
    %t1 = store_view_tko weak %q, %py[%bid, %zero] : tile<8x128xf32>, partition_view<tile=(8x128), tensor_view<48x100xf32, strides=[100,1]>>, tile<i32> -> token
  }
}
