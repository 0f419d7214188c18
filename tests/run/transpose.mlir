// RUN: run %s --grid 4,2 in=@%S/../data/run/transpose_in.npy out=zeros:f32:60x100 --expect out=@%S/../data/run/transpose_out.npy
//
// out = in^T for a 100x60 f32 matrix in 32x32 tiles.  The load goes
// through a partition view with dim_map=[1, 0], so tile [i, j] of the
// view is the transpose of tensor tile [j, i]; edge tiles hang over the
// tensor (loads pad, stores are masked).  Block (x, y) writes out tile
// [y, x].
cuda_tile.module @transpose {
  entry @transpose(%in: tile<ptr<f32>>, %out: tile<ptr<f32>>) {
    %bx, %by, %bz = get_tile_block_id : tile<i32>
    %src = make_tensor_view %in, shape = [100, 60], strides = [60, 1] : tensor_view<100x60xf32, strides=[60,1]>
    %dst = make_tensor_view %out, shape = [60, 100], strides = [100, 1] : tensor_view<60x100xf32, strides=[100,1]>
    %sv = make_partition_view %src : partition_view<tile=(32x32), tensor_view<100x60xf32, strides=[60,1]>, dim_map=[1, 0]>
    %dv = make_partition_view %dst : partition_view<tile=(32x32), tensor_view<60x100xf32, strides=[100,1]>>
    %t, %t0 = load_view_tko weak %sv[%by, %bx] : partition_view<tile=(32x32), tensor_view<100x60xf32, strides=[60,1]>, dim_map=[1, 0]>, tile<i32> -> tile<32x32xf32>, token
    %t1 = store_view_tko weak %t, %dv[%by, %bx] : tile<32x32xf32>, partition_view<tile=(32x32), tensor_view<60x100xf32, strides=[100,1]>>, tile<i32> -> token
  }
}
