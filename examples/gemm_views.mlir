// gemm_views.mlir -- C = A @ B with f16 inputs and an f32 accumulator,
// 128x128 output tiles and a K step of 64, through tensor views.
//
// What it teaches: the standard tiled GEMM.  Each tile block owns one
// 128x128 tile of C.  The K loop carries the accumulator as an iter_value,
// loads one 128x64 tile of A and one 64x128 tile of B per step from
// partition views, and accumulates with mmaf.  Partial edge tiles read
// zeros (padding_value = zero) and are masked on store.
//
// Check it:  tilesim verify examples/gemm_views.mlir
//
// Tested on M=144, N=136, K=80 (the inputs of gemm_f16.mlir): the float64
// reference rounded once to f32, within the f32 accumulation allowance
// sqrt(K) * 2^-24 * max sum_k |a_ik b_kj| (1.5e-5 here): --atol 2e-5.
// RUN: run %s --grid 2,2 @%S/../tests/data/examples/gemm_f16_a.npy @%S/../tests/data/examples/gemm_f16_b.npy zeros:f32:144x136 i32:144 i32:136 i32:80 --expect c=@%S/../tests/data/examples/gemm_views_c.npy --atol 2e-5
cuda_tile.module @gemm {
  entry @gemm(%a: tile<ptr<f16>>, %b: tile<ptr<f16>>, %c: tile<ptr<f32>>,
              %m: tile<i32>, %n: tile<i32>, %k: tile<i32>) {
    %a16 = assume div_by<16>, %a : tile<ptr<f16>>
    %b16 = assume div_by<16>, %b : tile<ptr<f16>>
    %c16 = assume div_by<16>, %c : tile<ptr<f32>>
    %one = constant <i32: 1> : tile<i32>
    %ta = make_tensor_view %a16, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tb = make_tensor_view %b16, shape = [%k, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tc = make_tensor_view %c16, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(64x128), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pc = make_partition_view %tc : partition_view<tile=(128x128), tensor_view<?x?xf32, strides=[?,1]>>
    %bm, %bn, %bz = get_tile_block_id : tile<i32>
    %nk:2 = get_index_space_shape %pa : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>> -> tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %init = constant <f32: 0.0> : tile<128x128xf32>
    %acc = for %kk in (%zero to %nk#1, step %one) : tile<i32>
        iter_values(%sum = %init) -> (tile<128x128xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<128x64xf16>, token
      %bt, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(64x128), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<64x128xf16>, token
      %next = mmaf %at, %bt, %sum : tile<128x64xf16>, tile<64x128xf16>, tile<128x128xf32>
      continue %next : tile<128x128xf32>
    }
    %t3 = store_view_tko weak %acc, %pc[%bm, %bn] : tile<128x128xf32>, partition_view<tile=(128x128), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
  }
}
