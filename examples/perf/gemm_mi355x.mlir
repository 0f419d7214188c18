// gemm_mi355x.mlir -- C = A @ B for MI355X (CDNA4, gfx950) the way the
// fastest measured kernels (HipKittens, hipBLASLt) run it: bf16 or f16
// inputs, f32 accumulation, C in the input type.
//
// Each tile block (one workgroup of 8 waves) computes a 256x256 tile of C
// with K steps of 64, with MFMA 16x16x32 instructions, the f32
// accumulator in the waves' accumulation registers and the A and B tiles
// staged through LDS.  There is no optimization hint for AMD targets;
// the mapper reads the tile shapes.  Same grouped 1-D block order and
// edge handling as gemm_b200.mlir.
//   @gemm_bf16   A, B, C bf16        @gemm_f16   A, B, C f16
//
// Grid:      (ceil(M/256) * ceil(N/256), 1, 1)
// Arguments: A (M x K), B (K x N), C (M x N), all row-major; M, N, K as i32.
// Perf:      tilesim perf examples/perf/gemm_mi355x.mlir --entry gemm_bf16 --grid 1024 \
//              shape:bf16:8192x8192 shape:bf16:8192x8192 shape:bf16:8192x8192 \
//              i32:8192 i32:8192 i32:8192
//
// Tested as gemm_b200.mlir is, with the same inputs and references.
// RUN: run %s --entry gemm_bf16 --grid 4 rand:bf16:264x136:seed=1 rand:bf16:136x272:seed=2 zeros:bf16:264x272 i32:264 i32:272 i32:136 --expect c=@%S/../../tests/data/perf/gemm_bf16_c.npy --ulp 1 --atol 1e-5
// RUN: run %s --entry gemm_f16 --grid 4 rand:f16:264x136:seed=1 rand:f16:136x272:seed=2 zeros:f16:264x272 i32:264 i32:272 i32:136 --expect c=@%S/../../tests/data/perf/gemm_f16_c.npy --ulp 1 --atol 1e-5
cuda_tile.module @gemm_mi355x {
  entry @gemm_bf16(%a: tile<ptr<bf16>>, %b: tile<ptr<bf16>>, %c: tile<ptr<bf16>>,
      %m: tile<i32>, %n: tile<i32>, %k: tile<i32>)
      {
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xbf16, strides=[?,1]>
    %tb = make_tensor_view %b, shape = [%k, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xbf16, strides=[?,1]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xbf16, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(256x64), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(64x256), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>
    %pc = make_partition_view %tc : partition_view<tile=(256x256), tensor_view<?x?xbf16, strides=[?,1]>>
    // grouped order: blocks walk down 8 tile rows of C before the next
    // tile column, so a wave of blocks shares A and B tiles in L2
    %pid, %y, %z = get_tile_block_id : tile<i32>
    %tm, %kt = get_index_space_shape %pa : partition_view<tile=(256x64), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>> -> tile<i32>
    %kt2, %tn = get_index_space_shape %pb : partition_view<tile=(64x256), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>> -> tile<i32>
    %group_m = constant <i32: 8> : tile<i32>
    %width = muli %group_m, %tn : tile<i32>
    %group = divi %pid, %width signed : tile<i32>
    %first = muli %group, %group_m : tile<i32>
    %left = subi %tm, %first : tile<i32>
    %gsize = mini %left, %group_m signed : tile<i32>
    %inw = remi %pid, %width signed : tile<i32>
    %dm = remi %inw, %gsize signed : tile<i32>
    %bm = addi %first, %dm : tile<i32>
    %bn = divi %inw, %gsize signed : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %init = constant <f32: 0.0> : tile<256x256xf32>
    %acc = for %kk in (%zero to %kt, step %one) : tile<i32>
        iter_values(%sum = %init) -> (tile<256x256xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(256x64), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>, tile<i32> -> tile<256x64xbf16>, token
      %bt2, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(64x256), padding_value = zero, tensor_view<?x?xbf16, strides=[?,1]>>, tile<i32> -> tile<64x256xbf16>, token
      %next = mmaf %at, %bt2, %sum : tile<256x64xbf16>, tile<64x256xbf16>, tile<256x256xf32>
      continue %next : tile<256x256xf32>
    }
    %out = ftof %acc : tile<256x256xf32> -> tile<256x256xbf16>
    %t3 = store_view_tko weak %out, %pc[%bm, %bn] : tile<256x256xbf16>, partition_view<tile=(256x256), tensor_view<?x?xbf16, strides=[?,1]>>, tile<i32> -> token
  }

  entry @gemm_f16(%a: tile<ptr<f16>>, %b: tile<ptr<f16>>, %c: tile<ptr<f16>>,
      %m: tile<i32>, %n: tile<i32>, %k: tile<i32>)
      {
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tb = make_tensor_view %b, shape = [%k, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(256x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(64x256), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pc = make_partition_view %tc : partition_view<tile=(256x256), tensor_view<?x?xf16, strides=[?,1]>>
    // grouped order: blocks walk down 8 tile rows of C before the next
    // tile column, so a wave of blocks shares A and B tiles in L2
    %pid, %y, %z = get_tile_block_id : tile<i32>
    %tm, %kt = get_index_space_shape %pa : partition_view<tile=(256x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>> -> tile<i32>
    %kt2, %tn = get_index_space_shape %pb : partition_view<tile=(64x256), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>> -> tile<i32>
    %group_m = constant <i32: 8> : tile<i32>
    %width = muli %group_m, %tn : tile<i32>
    %group = divi %pid, %width signed : tile<i32>
    %first = muli %group, %group_m : tile<i32>
    %left = subi %tm, %first : tile<i32>
    %gsize = mini %left, %group_m signed : tile<i32>
    %inw = remi %pid, %width signed : tile<i32>
    %dm = remi %inw, %gsize signed : tile<i32>
    %bm = addi %first, %dm : tile<i32>
    %bn = divi %inw, %gsize signed : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %init = constant <f32: 0.0> : tile<256x256xf32>
    %acc = for %kk in (%zero to %kt, step %one) : tile<i32>
        iter_values(%sum = %init) -> (tile<256x256xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(256x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<256x64xf16>, token
      %bt2, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(64x256), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<64x256xf16>, token
      %next = mmaf %at, %bt2, %sum : tile<256x64xf16>, tile<64x256xf16>, tile<256x256xf32>
      continue %next : tile<256x256xf32>
    }
    %out = ftof %acc : tile<256x256xf32> -> tile<256x256xf16>
    %t3 = store_view_tko weak %out, %pc[%bm, %bn] : tile<256x256xf16>, partition_view<tile=(256x256), tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> token
  }
}
