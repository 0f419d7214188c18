// gemm_fp8.mlir -- C = A @ B^T with f8E4M3FN inputs and an f32 accumulator
// and result; 128x128 output tiles, K step 128.
//
// What it teaches: an 8-bit floating-point GEMM, and reading a transposed
// operand through a view.  fp8 GEMMs take both operands K-major: A is
// M x K row-major as usual, but B is given as its transpose, an N x K
// row-major array (the "TN" layout tensor cores want for 8-bit types).
// The kernel never transposes anything: its view of B has shape K x N and
// strides [1, K], so element (k, n) of the view is element (n, k) of the
// array, and the 128x128 tiles it loads are ordinary K x N operands for
// mmaf.  With one byte per element a K step of 128 moves as many bytes as
// a K step of 64 in f16.  f8E4M3FN (4 exponent bits, 3 mantissa bits,
// largest value 448, no infinities) has exact products in f32, and mmaf
// accumulates them in f32.  Arrays of f8E4M3FN come from files saved with
// ml_dtypes, which numpy stores untyped: the spec names the type.
//
// Check it:  tilesim verify examples/gemm_fp8.mlir
// Run it:    tilesim run examples/gemm_fp8.mlir --grid 2,1 rand:f8E4M3FN:136x160:seed=1 \
//              rand:f8E4M3FN:96x160:seed=2 zeros:f32:136x96 i32:136 i32:96 i32:160 --out /tmp/g
// Test it:   tilesim test examples/gemm_fp8.mlir   (runs the RUN lines below)
// Grid:      (ceil(M/128), ceil(N/128), 1)
//
// Tested on M=136, N=96, K=160, inputs of magnitude up to 4: the float64
// reference rounded once to f32, within the f32 accumulation allowance
// sqrt(K) * 2^-24 * max sum_k |a_ik b_kj| (5.9e-4 here): --atol 8e-4.
// RUN: run %s --grid 2,1 @%S/../tests/data/examples/gemm_fp8_a.npy:f8E4M3FN @%S/../tests/data/examples/gemm_fp8_bt.npy:f8E4M3FN zeros:f32:136x96 i32:136 i32:96 i32:160 --expect c=@%S/../tests/data/examples/gemm_fp8_c.npy --atol 8e-4
cuda_tile.module @gemm_fp8 {
  entry @gemm_fp8(%a: tile<ptr<f8E4M3FN>>, %bt: tile<ptr<f8E4M3FN>>, %c: tile<ptr<f32>>,
                  %m: tile<i32>, %n: tile<i32>, %k: tile<i32>) {
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[?,1]>
    // B^T is N x K row-major; this view reads it as B, K x N, with strides [1, K]
    %tb = make_tensor_view %bt, shape = [%k, %n], strides = [1, %k] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[1,?]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(128x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(128x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[1,?]>>
    %pc = make_partition_view %tc : partition_view<tile=(128x128), tensor_view<?x?xf32, strides=[?,1]>>
    %bm, %bn, %bz = get_tile_block_id : tile<i32>
    %mt, %kt = get_index_space_shape %pa : partition_view<tile=(128x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>> -> tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %init = constant <f32: 0.0> : tile<128x128xf32>
    %acc = for %kk in (%zero to %kt, step %one) : tile<i32>
        iter_values(%sum = %init) -> (tile<128x128xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(128x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>, tile<i32> -> tile<128x128xf8E4M3FN>, token
      %bt2, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(128x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[1,?]>>, tile<i32> -> tile<128x128xf8E4M3FN>, token
      %next = mmaf %at, %bt2, %sum : tile<128x128xf8E4M3FN>, tile<128x128xf8E4M3FN>, tile<128x128xf32>
      continue %next : tile<128x128xf32>
    }
    %t3 = store_view_tko weak %acc, %pc[%bm, %bn] : tile<128x128xf32>, partition_view<tile=(128x128), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
  }
}
