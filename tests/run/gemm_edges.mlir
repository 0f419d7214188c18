// RUN: run %s --grid 4,3 a=@%S/../data/run/gemm_a.npy b=@%S/../data/run/gemm_b.npy c=zeros:f32:100x72 m=i32:100 n=i32:72 k=i32:80 --expect c=@%S/../data/run/gemm_c.npy
// RUN: run %s --grid 4,3 --numerics exact a=@%S/../data/run/gemm_a.npy b=@%S/../data/run/gemm_b.npy c=zeros:f32:100x72 m=i32:100 n=i32:72 k=i32:80 --expect c=@%S/../data/run/gemm_c.npy
//
// C = A @ B, f16 inputs, f32 accumulator, 32x32 output tiles and a K step
// of 32, with M, N and K that are not multiples of the tiles: the edge
// tiles read zero padding.  The inputs are small integers, so every sum
// is exact and every accumulation order gives the reference's bits.
cuda_tile.module @gemm_edges {
  entry @gemm(%a: tile<ptr<f16>>, %b: tile<ptr<f16>>, %c: tile<ptr<f32>>,
              %m: tile<i32>, %n: tile<i32>, %k: tile<i32>) {
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tb = make_tensor_view %b, shape = [%k, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(32x32), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(32x32), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pc = make_partition_view %tc : partition_view<tile=(32x32), tensor_view<?x?xf32, strides=[?,1]>>
    %bm, %bn, %bz = get_tile_block_id : tile<i32>
    %nk:2 = get_index_space_shape %pa : partition_view<tile=(32x32), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>> -> tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %init = constant <f32: 0.0> : tile<32x32xf32>
    %acc = for %kk in (%zero to %nk#1, step %one) : tile<i32> iter_values(%sum = %init) -> (tile<32x32xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(32x32), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<32x32xf16>, token
      %bt, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(32x32), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<32x32xf16>, token
      %next = mmaf %at, %bt, %sum : tile<32x32xf16>, tile<32x32xf16>, tile<32x32xf32>
      continue %next : tile<32x32xf32>
    }
    %t3 = store_view_tko weak %acc, %pc[%bm, %bn] : tile<32x32xf32>, partition_view<tile=(32x32), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
  }
}
