// gemm_splitk.mlir -- C += A @ B with the K dimension split across tile
// blocks that accumulate into C with atomic adds; f16 inputs, f32
// accumulator and result; 64x64 output tiles, K step 32.
//
// What it teaches: split-K, the way to keep many tile blocks busy when
// M and N are small but K is long.  The grid is (M tiles, N tiles, S):
// the S tile blocks that share an output tile each take one contiguous
// range of K steps, compute a partial product, and add it to C with an
// atomic floating-point add.  C must hold zeros at launch (or a bias: the
// kernel computes C + A @ B).  Two entries do the same thing two ways:
//   @gemm_splitk       atomic_red_view_tko: an atomic add of a whole tile
//                      through the partition view of C (clipped at C's
//                      edges like a store)
//   @gemm_splitk_ptrs  atomic_rmw_tko on a 64x64 tile of pointers into C,
//                      with a mask for the elements past C's edges (the
//                      form that needs no views, and that returns the old
//                      values)
// The order in which the S partial sums reach C is up to the hardware, so
// on a GPU the last bits of C vary from run to run; tilesim runs the
// blocks of a kernel with atomics in one fixed order and gives the same
// bits every time.
//
// Check it:  tilesim verify examples/gemm_splitk.mlir
// Run it:    tilesim run examples/gemm_splitk.mlir --entry gemm_splitk --grid 2,2,4 \
//              rand:f16:80x256:seed=1 rand:f16:256x72:seed=2 zeros:f32:80x72 \
//              i32:80 i32:72 i32:256 i32:4 --out /tmp/g
// Test it:   tilesim test examples/gemm_splitk.mlir   (runs the RUN lines below)
// Grid:      (ceil(M/64), ceil(N/64), S); the last argument is S
//
// Tested on M=80, N=72, K=256 split 4 ways (2 K steps per tile block).
// The reference is the float64 product rounded once to f32; the kernel
// rounds S partial sums and their total in f32, still within the f32
// accumulation allowance sqrt(K) * 2^-24 * max sum_k |a_ik b_kj| (7.5e-5
// here): --atol 1e-4.
// RUN: run %s --entry gemm_splitk --grid 2,2,4 @%S/../tests/data/examples/gemm_splitk_a.npy @%S/../tests/data/examples/gemm_splitk_b.npy zeros:f32:80x72 i32:80 i32:72 i32:256 i32:4 --expect c=@%S/../tests/data/examples/gemm_splitk_c.npy --atol 1e-4
// RUN: run %s --entry gemm_splitk_ptrs --grid 2,2,4 @%S/../tests/data/examples/gemm_splitk_a.npy @%S/../tests/data/examples/gemm_splitk_b.npy zeros:f32:80x72 i32:80 i32:72 i32:256 i32:4 --expect c=@%S/../tests/data/examples/gemm_splitk_c.npy --atol 1e-4
cuda_tile.module @gemm_splitk {
  entry @gemm_splitk(%a: tile<ptr<f16>>, %b: tile<ptr<f16>>, %c: tile<ptr<f32>>,
                     %m: tile<i32>, %n: tile<i32>, %k: tile<i32>, %splits: tile<i32>) {
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tb = make_tensor_view %b, shape = [%k, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(64x32), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(32x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pc = make_partition_view %tc : partition_view<tile=(64x64), tensor_view<?x?xf32, strides=[?,1]>>
    %bm, %bn, %split = get_tile_block_id : tile<i32>
    %mt, %kt = get_index_space_shape %pa : partition_view<tile=(64x32), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>> -> tile<i32>
    // this block's K steps: [split * per, min((split + 1) * per, kt)),
    // per = ceil(kt / splits)
    %one = constant <i32: 1> : tile<i32>
    %kt1 = addi %kt, %splits : tile<i32>
    %kt2 = subi %kt1, %one : tile<i32>
    %per = divi %kt2, %splits signed : tile<i32>
    %first = muli %split, %per : tile<i32>
    %end = addi %first, %per : tile<i32>
    %last = mini %end, %kt signed : tile<i32>
    %init = constant <f32: 0.0> : tile<64x64xf32>
    %part = for %kk in (%first to %last, step %one) : tile<i32>
        iter_values(%sum = %init) -> (tile<64x64xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(64x32), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<64x32xf16>, token
      %bt, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(32x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<32x64xf16>, token
      %next = mmaf %at, %bt, %sum : tile<64x32xf16>, tile<32x64xf16>, tile<64x64xf32>
      continue %next : tile<64x64xf32>
    }
    // C[tile] += part, atomically for each element
    %t3 = atomic_red_view_tko relaxed device %pc[%bm, %bn], addf, %part : tile<64x64xf32>, partition_view<tile=(64x64), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
  }

  entry @gemm_splitk_ptrs(%a: tile<ptr<f16>>, %b: tile<ptr<f16>>, %c: tile<ptr<f32>>,
                          %m: tile<i32>, %n: tile<i32>, %k: tile<i32>, %splits: tile<i32>) {
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tb = make_tensor_view %b, shape = [%k, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(64x32), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(32x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %bm, %bn, %split = get_tile_block_id : tile<i32>
    %mt, %kt = get_index_space_shape %pa : partition_view<tile=(64x32), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>> -> tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %kt1 = addi %kt, %splits : tile<i32>
    %kt2 = subi %kt1, %one : tile<i32>
    %per = divi %kt2, %splits signed : tile<i32>
    %first = muli %split, %per : tile<i32>
    %end = addi %first, %per : tile<i32>
    %last = mini %end, %kt signed : tile<i32>
    %init = constant <f32: 0.0> : tile<64x64xf32>
    %part = for %kk in (%first to %last, step %one) : tile<i32>
        iter_values(%sum = %init) -> (tile<64x64xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(64x32), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<64x32xf16>, token
      %bt, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(32x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<32x64xf16>, token
      %next = mmaf %at, %bt, %sum : tile<64x32xf16>, tile<32x64xf16>, tile<64x64xf32>
      continue %next : tile<64x64xf32>
    }
    // the rows and columns of C this tile covers, as 64x64 index tiles
    %c64 = constant <i32: 64> : tile<i32>
    %iota = iota : tile<64xi32>
    %r0 = muli %bm, %c64 : tile<i32>
    %r1 = reshape %r0 : tile<i32> -> tile<1xi32>
    %r2 = broadcast %r1 : tile<1xi32> -> tile<64xi32>
    %rows1 = addi %r2, %iota : tile<64xi32>
    %rows2 = reshape %rows1 : tile<64xi32> -> tile<64x1xi32>
    %rows = broadcast %rows2 : tile<64x1xi32> -> tile<64x64xi32>
    %c0 = muli %bn, %c64 : tile<i32>
    %c1 = reshape %c0 : tile<i32> -> tile<1xi32>
    %c2 = broadcast %c1 : tile<1xi32> -> tile<64xi32>
    %cols1 = addi %c2, %iota : tile<64xi32>
    %cols2 = reshape %cols1 : tile<64xi32> -> tile<1x64xi32>
    %cols = broadcast %cols2 : tile<1x64xi32> -> tile<64x64xi32>
    // in bounds: row < m and col < n
    %m1 = reshape %m : tile<i32> -> tile<1x1xi32>
    %mm = broadcast %m1 : tile<1x1xi32> -> tile<64x64xi32>
    %n1 = reshape %n : tile<i32> -> tile<1x1xi32>
    %nn = broadcast %n1 : tile<1x1xi32> -> tile<64x64xi32>
    %inm = cmpi less_than %rows, %mm, signed : tile<64x64xi32> -> tile<64x64xi1>
    %inn = cmpi less_than %cols, %nn, signed : tile<64x64xi32> -> tile<64x64xi1>
    %mask = andi %inm, %inn : tile<64x64xi1>
    // &C[row, col] = c + row * n + col
    %rn = muli %rows, %nn : tile<64x64xi32>
    %idx = addi %rn, %cols : tile<64x64xi32>
    %cb1 = reshape %c : tile<ptr<f32>> -> tile<1x1xptr<f32>>
    %cb = broadcast %cb1 : tile<1x1xptr<f32>> -> tile<64x64xptr<f32>>
    %ptrs = offset %cb, %idx : tile<64x64xptr<f32>>, tile<64x64xi32> -> tile<64x64xptr<f32>>
    // C[row, col] += part[row, col] where the mask is set; the old values
    // come back (unused here)
    %old, %t3 = atomic_rmw_tko relaxed device %ptrs, addf, %part, %mask : tile<64x64xptr<f32>>, tile<64x64xf32>, tile<64x64xi1> -> tile<64x64xf32>, token
  }
}
