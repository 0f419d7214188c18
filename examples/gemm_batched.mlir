// gemm_batched.mlir -- C[z] = A[z] @ B[z] for a batch of matrices, f16
// inputs, f32 accumulator and result; 64x64 output tiles, K step 32.
//
// What it teaches: rank-3 views and the third grid dimension.  A is
// batch x M x K, B is batch x K x N and C is batch x M x N, each one
// contiguous block of memory, so the views have three dimensions and the
// strides are computed in the kernel (M*K, K, 1 for A).  The grid is
// (M tiles, N tiles, batch): tile block (i, j, z) computes tile (i, j) of
// C[z].  Its tiles are rank 3 with a batch extent of 1 (1x64x32 of A,
// 1x32x64 of B), and mmaf multiplies rank-3 tiles batch by batch, so the
// accumulator is a 1x64x64 tile and no reshape is needed.
//
// Check it:  tilesim verify examples/gemm_batched.mlir
// Run it:    tilesim run examples/gemm_batched.mlir --grid 2,1,3 rand:f16:3x72x48:seed=1 \
//              rand:f16:3x48x40:seed=2 zeros:f32:3x72x40 i32:72 i32:40 i32:48 i32:3 --out /tmp/g
// Test it:   tilesim test examples/gemm_batched.mlir   (runs the RUN lines below)
// Grid:      (ceil(M/64), ceil(N/64), batch)
//
// Tested on batch=3, M=72, N=40, K=48: the float64 reference rounded once
// to f32, within the f32 accumulation allowance sqrt(K) * 2^-24 *
// max sum_k |a_ik b_kj| (8e-6 here): --atol 1e-5.
// RUN: run %s --grid 2,1,3 @%S/../tests/data/examples/gemm_batched_a.npy @%S/../tests/data/examples/gemm_batched_b.npy zeros:f32:3x72x40 i32:72 i32:40 i32:48 i32:3 --expect c=@%S/../tests/data/examples/gemm_batched_c.npy --atol 1e-5
cuda_tile.module @gemm_batched {
  entry @gemm_batched(%a: tile<ptr<f16>>, %b: tile<ptr<f16>>, %c: tile<ptr<f32>>,
                      %m: tile<i32>, %n: tile<i32>, %k: tile<i32>, %batch: tile<i32>) {
    // the stride from one matrix of the batch to the next
    %mk = muli %m, %k : tile<i32>
    %kn = muli %k, %n : tile<i32>
    %mn = muli %m, %n : tile<i32>
    %ta = make_tensor_view %a, shape = [%batch, %m, %k], strides = [%mk, %k, 1] : tile<i32> -> tensor_view<?x?x?xf16, strides=[?,?,1]>
    %tb = make_tensor_view %b, shape = [%batch, %k, %n], strides = [%kn, %n, 1] : tile<i32> -> tensor_view<?x?x?xf16, strides=[?,?,1]>
    %tc = make_tensor_view %c, shape = [%batch, %m, %n], strides = [%mn, %n, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    // one matrix of the batch per tile: the first tile extent is 1
    %pa = make_partition_view %ta : partition_view<tile=(1x64x32), padding_value = zero, tensor_view<?x?x?xf16, strides=[?,?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(1x32x64), padding_value = zero, tensor_view<?x?x?xf16, strides=[?,?,1]>>
    %pc = make_partition_view %tc : partition_view<tile=(1x64x64), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bm, %bn, %z = get_tile_block_id : tile<i32>
    %nb, %mt, %kt = get_index_space_shape %pa : partition_view<tile=(1x64x32), padding_value = zero, tensor_view<?x?x?xf16, strides=[?,?,1]>> -> tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %init = constant <f32: 0.0> : tile<1x64x64xf32>
    %acc = for %kk in (%zero to %kt, step %one) : tile<i32>
        iter_values(%sum = %init) -> (tile<1x64x64xf32>) {
      %at, %t1 = load_view_tko weak %pa[%z, %bm, %kk] : partition_view<tile=(1x64x32), padding_value = zero, tensor_view<?x?x?xf16, strides=[?,?,1]>>, tile<i32> -> tile<1x64x32xf16>, token
      %bt, %t2 = load_view_tko weak %pb[%z, %kk, %bn] : partition_view<tile=(1x32x64), padding_value = zero, tensor_view<?x?x?xf16, strides=[?,?,1]>>, tile<i32> -> tile<1x32x64xf16>, token
      // a batched mma: [1, 64, 32] @ [1, 32, 64] -> [1, 64, 64]
      %next = mmaf %at, %bt, %sum : tile<1x64x32xf16>, tile<1x32x64xf16>, tile<1x64x64xf32>
      continue %next : tile<1x64x64xf32>
    }
    %t3 = store_view_tko weak %acc, %pc[%z, %bm, %bn] : tile<1x64x64xf32>, partition_view<tile=(1x64x64), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }
}
