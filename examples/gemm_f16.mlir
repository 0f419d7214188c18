// gemm_f16.mlir -- C = A @ B with f16 inputs, an f32 accumulator and an f16
// result; 128x128 output tiles, K step 64 (the classic tensor-core GEMM).
//
// What it teaches: the GEMM main loop and its epilogue.  A is M x K, B is
// K x N, C is M x N, all row-major.  Tile block (i, j) owns the 128x128
// tile of C at (i, j).  The K loop carries the f32 accumulator as an
// iter_value; each step loads a 128x64 tile of A and a 64x128 tile of B
// and accumulates their product with mmaf.  Only at the end is the
// accumulator rounded to f16 (ftof) and stored.  The partition views read
// zeros past the edges of A and B (padding_value = zero), so partial tiles
// in M, N and K need no masks: the zeros add nothing to the sums, and the
// store through the view of C writes only the elements inside C.
// examples/gemm_views.mlir is the same kernel with an f32 result.
//
// Check it:  tilesim verify examples/gemm_f16.mlir
// Run it:    tilesim run examples/gemm_f16.mlir --grid 2,2 rand:f16:144x80:seed=1 \
//              rand:f16:80x136:seed=2 zeros:f16:144x136 i32:144 i32:136 i32:80 --out /tmp/g
// Test it:   tilesim test examples/gemm_f16.mlir   (runs the RUN lines below)
// Grid:      (ceil(M/128), ceil(N/128), 1)
//
// Tested on M=144, N=136, K=80: every tile is partial in some dimension.
// The reference is the float64 product of the same f16 inputs rounded once
// to f16.  The kernel sums in f32 in a fixed order (products of f16 values
// are exact in f32), so before the final rounding it may differ by about
// sqrt(K) * 2^-24 * sum_k |a_ik b_kj|, under 2e-5 here; after it, by one
// f16 rounding step: --rtol 2^-10 (one f16 ulp) plus --atol 2e-5 for
// results near zero.
// RUN: run %s --grid 2,2 @%S/../tests/data/examples/gemm_f16_a.npy @%S/../tests/data/examples/gemm_f16_b.npy zeros:f16:144x136 i32:144 i32:136 i32:80 --expect c=@%S/../tests/data/examples/gemm_f16_c.npy --rtol 0.0009765625 --atol 2e-5
cuda_tile.module @gemm_f16 {
  entry @gemm_f16(%a: tile<ptr<f16>>, %b: tile<ptr<f16>>, %c: tile<ptr<f16>>,
                  %m: tile<i32>, %n: tile<i32>, %k: tile<i32>) {
    // the whole matrices, row-major
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tb = make_tensor_view %b, shape = [%k, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    // their tiles: A in 128x64, B in 64x128, C in 128x128
    %pa = make_partition_view %ta : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(64x128), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pc = make_partition_view %tc : partition_view<tile=(128x128), tensor_view<?x?xf16, strides=[?,1]>>
    %bm, %bn, %bz = get_tile_block_id : tile<i32>
    // the number of K steps: A's index space is (M tiles) x (K tiles)
    %mt, %kt = get_index_space_shape %pa : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>> -> tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %init = constant <f32: 0.0> : tile<128x128xf32>
    %acc = for %kk in (%zero to %kt, step %one) : tile<i32>
        iter_values(%sum = %init) -> (tile<128x128xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<128x64xf16>, token
      %bt, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(64x128), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<64x128xf16>, token
      %next = mmaf %at, %bt, %sum : tile<128x64xf16>, tile<64x128xf16>, tile<128x128xf32>
      continue %next : tile<128x128xf32>
    }
    // epilogue: one rounding of the f32 sums to f16
    %out = ftof %acc : tile<128x128xf32> -> tile<128x128xf16>
    %t3 = store_view_tko weak %out, %pc[%bm, %bn] : tile<128x128xf16>, partition_view<tile=(128x128), tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> token
  }
}
