// gemm_bf16.mlir -- C = A @ B with bf16 inputs and an f32 accumulator and
// result; 128x256 output tiles, K step 64.
//
// What it teaches: the same tiled GEMM as gemm_f16.mlir with the other
// 16-bit input type and a wide, non-square output tile.  Tile sizes are
// chosen per kernel: a 128x256 tile of C reuses each loaded A tile for
// twice as many columns, at the price of a bigger accumulator (128x256
// f32 = 128 KiB per tile block).  bf16 has f32's exponent range and only
// 8 significant bits, so products of bf16 values are exact in f32, and
// mmaf accumulates them in f32.  The views pad A and B with zeros past
// their edges and the store to C is clipped to C, as in gemm_f16.mlir.
// Arrays of bf16 come from files saved with ml_dtypes, which numpy stores
// untyped: the argument spec names the type (@a.npy:bf16).
//
// Check it:  tilesim verify examples/gemm_bf16.mlir
// Run it:    tilesim run examples/gemm_bf16.mlir --grid 2,1 rand:bf16:136x72:seed=1 \
//              rand:bf16:72x200:seed=2 zeros:f32:136x200 i32:136 i32:200 i32:72 --out /tmp/g
// Test it:   tilesim test examples/gemm_bf16.mlir   (runs the RUN lines below)
// Grid:      (ceil(M/128), ceil(N/256), 1)
//
// Tested on M=136, N=200, K=72: a full and a partial tile in M, one
// partial tile in N, a full and a partial step in K.  The reference is the
// float64 product of the same bf16 inputs rounded once to f32; the kernel
// sums in f32 in a fixed order, which may differ from it by about
// sqrt(K) * 2^-24 * max sum_k |a_ik b_kj| (1.3e-5 here): --atol 2e-5.
// RUN: run %s --grid 2,1 @%S/../tests/data/examples/gemm_bf16_a.npy:bf16 @%S/../tests/data/examples/gemm_bf16_b.npy:bf16 zeros:f32:136x200 i32:136 i32:200 i32:72 --expect c=@%S/../tests/data/examples/gemm_bf16_c.npy --atol 2e-5
cuda_tile.module @gemm_bf16 {
  entry @gemm_bf16(%a: tile<ptr<bf16>>, %b: tile<ptr<bf16>>, %c: tile<ptr<f32>>,
                   %m: tile<i32>, %n: tile<i32>, %k: tile<i32>) {
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xbf16, strides=[?,1]>
    %tb = make_tensor_view %b, shape = [%k, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xbf16, strides=[?,1]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    // A in 128x64 tiles, B in 64x256, C in 128x256
    %pa = make_partition_view %ta : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(64x256), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>
    %pc = make_partition_view %tc : partition_view<tile=(128x256), tensor_view<?x?xf32, strides=[?,1]>>
    %bm, %bn, %bz = get_tile_block_id : tile<i32>
    %mt, %kt = get_index_space_shape %pa : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>> -> tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %init = constant <f32: 0.0> : tile<128x256xf32>
    %acc = for %kk in (%zero to %kt, step %one) : tile<i32>
        iter_values(%sum = %init) -> (tile<128x256xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>, tile<i32> -> tile<128x64xbf16>, token
      %bt, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(64x256), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>, tile<i32> -> tile<64x256xbf16>, token
      %next = mmaf %at, %bt, %sum : tile<128x64xbf16>, tile<64x256xbf16>, tile<128x256xf32>
      continue %next : tile<128x256xf32>
    }
    %t3 = store_view_tko weak %acc, %pc[%bm, %bn] : tile<128x256xf32>, partition_view<tile=(128x256), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
  }
}
