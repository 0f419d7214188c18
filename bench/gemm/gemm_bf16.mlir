// gemm_bf16.mlir -- the benchmark kernel of bench/gemm/run: C = A @ B with
// bf16 inputs and an f32 accumulator, 128x128 output tiles, K step 64,
// through tensor views (examples/gemm_views.mlir with bf16 inputs).
// Grid: (ceil(M/128), ceil(N/128), 1).
// RUN: run %s --grid 2,2 rand:bf16:144x80:seed=1 rand:bf16:80x136:seed=2 zeros:f32:144x136 i32:144 i32:136 i32:80
cuda_tile.module @gemm_bf16 {
  entry @gemm_bf16(%a: tile<ptr<bf16>>, %b: tile<ptr<bf16>>, %c: tile<ptr<f32>>,
                   %m: tile<i32>, %n: tile<i32>, %k: tile<i32>) {
    %a16 = assume div_by<16>, %a : tile<ptr<bf16>>
    %b16 = assume div_by<16>, %b : tile<ptr<bf16>>
    %c16 = assume div_by<16>, %c : tile<ptr<f32>>
    %ta = make_tensor_view %a16, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xbf16, strides=[?,1]>
    %tb = make_tensor_view %b16, shape = [%k, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xbf16, strides=[?,1]>
    %tc = make_tensor_view %c16, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(64x128), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>
    %pc = make_partition_view %tc : partition_view<tile=(128x128), tensor_view<?x?xf32, strides=[?,1]>>
    %bm, %bn, %bz = get_tile_block_id : tile<i32>
    %mt, %kt = get_index_space_shape %pa : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>> -> tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %init = constant <f32: 0.0> : tile<128x128xf32>
    %acc = for %kk in (%zero to %kt, step %one) : tile<i32>
        iter_values(%sum = %init) -> (tile<128x128xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>, tile<i32> -> tile<128x64xbf16>, token
      %bt, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(64x128), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>, tile<i32> -> tile<64x128xbf16>, token
      %next = mmaf %at, %bt, %sum : tile<128x64xbf16>, tile<64x128xbf16>, tile<128x128xf32>
      continue %next : tile<128x128xf32>
    }
    %t3 = store_view_tko weak %acc, %pc[%bm, %bn] : tile<128x128xf32>, partition_view<tile=(128x128), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
  }
}
