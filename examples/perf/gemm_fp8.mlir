// gemm_fp8.mlir -- C = (A @ B) * scale with f8E4M3FN inputs, f32
// accumulation and a bf16 C, as torch._scaled_mm and cuBLASLt run fp8
// GEMMs: B is given K-major (as B^T, N x K row-major, the only layout the
// fp8 tensor-core paths take), and the product of the per-tensor scales of
// A and B multiplies the f32 sum before the rounding to bf16.  K steps are
// 128 elements (128 bytes of each row, as the 16-bit GEMMs' 64).
//   @gemm_e4m3_b200    256x256 tiles, clusters of 2 CTAs (tcgen05 cta_group::2)
//   @gemm_e4m3_h100    128x256 tiles, wgmma, one CTA per SM
//   @gemm_e4m3_mi355x  256x256 tiles (MFMA f8f6f4 encodings)
// Same grouped 1-D block order and edge handling as gemm_b200.mlir.
//
// Grid:      (ceil(M/BM) * ceil(N/256), 1, 1), BM = 128 for h100, else 256
// Arguments: A (M x K), B^T (N x K), C (M x N) bf16; M, N, K as i32; scale f32.
// Perf:      tilesim perf examples/perf/gemm_fp8.mlir --entry gemm_e4m3_b200 --grid 1024 \
//              shape:f8E4M3FN:8192x8192 shape:f8E4M3FN:8192x8192 shape:bf16:8192x8192 \
//              i32:8192 i32:8192 i32:8192 f32:1.0
//
// Tested on M=264, N=272, K=272 with scale 0.5; the reference is the
// float64 product of the same e4m3 inputs, halved and rounded once to
// bf16; the kernel's f32 sum may round to the neighbouring bf16 (1 ulp).
// RUN: run %s --entry gemm_e4m3_b200 --grid 4 rand:f8E4M3FN:264x272:seed=1 rand:f8E4M3FN:272x272:seed=2 zeros:bf16:264x272 i32:264 i32:272 i32:272 f32:0.5 --expect c=@%S/../../tests/data/perf/gemm_e4m3_c.npy --ulp 1 --atol 1e-5
// RUN: run %s --entry gemm_e4m3_h100 --grid 6 rand:f8E4M3FN:264x272:seed=1 rand:f8E4M3FN:272x272:seed=2 zeros:bf16:264x272 i32:264 i32:272 i32:272 f32:0.5 --expect c=@%S/../../tests/data/perf/gemm_e4m3_c.npy --ulp 1 --atol 1e-5
// RUN: run %s --entry gemm_e4m3_mi355x --grid 4 rand:f8E4M3FN:264x272:seed=1 rand:f8E4M3FN:272x272:seed=2 zeros:bf16:264x272 i32:264 i32:272 i32:272 f32:0.5 --expect c=@%S/../../tests/data/perf/gemm_e4m3_c.npy --ulp 1 --atol 1e-5
cuda_tile.module @gemm_fp8 {
  entry @gemm_e4m3_b200(%a: tile<ptr<f8E4M3FN>>, %bt: tile<ptr<f8E4M3FN>>, %c: tile<ptr<bf16>>,
      %m: tile<i32>, %n: tile<i32>, %k: tile<i32>, %scale: tile<f32>)
      optimization_hints=<sm_100 = {num_cta_in_cga = 2, occupancy = 1}> {
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[?,1]>
    // B^T is N x K row-major (K-major B, as fp8 GEMMs take it): read as K x N
    %tb = make_tensor_view %bt, shape = [%k, %n], strides = [1, %k] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[1,?]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xbf16, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(256x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(128x256), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[1,?]>>
    %pc = make_partition_view %tc : partition_view<tile=(256x256), tensor_view<?x?xbf16, strides=[?,1]>>
    // grouped order: blocks walk down 8 tile rows of C before the next
    // tile column, so a wave of blocks shares A and B tiles in L2
    %pid, %y, %z = get_tile_block_id : tile<i32>
    %tm, %kt = get_index_space_shape %pa : partition_view<tile=(256x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>> -> tile<i32>
    %kt2, %tn = get_index_space_shape %pb : partition_view<tile=(128x256), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[1,?]>> -> tile<i32>
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
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] optimization_hints = <sm_100 = {allow_tma = true}> : partition_view<tile=(256x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>, tile<i32> -> tile<256x128xf8E4M3FN>, token
      %bt2, %t2 = load_view_tko weak %pb[%kk, %bn] optimization_hints = <sm_100 = {allow_tma = true}> : partition_view<tile=(128x256), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[1,?]>>, tile<i32> -> tile<128x256xf8E4M3FN>, token
      %next = mmaf %at, %bt2, %sum : tile<256x128xf8E4M3FN>, tile<128x256xf8E4M3FN>, tile<256x256xf32>
      continue %next : tile<256x256xf32>
    }
    // per-tensor scales of A and B, applied to the f32 sum
    %s1 = reshape %scale : tile<f32> -> tile<1x1xf32>
    %sb = broadcast %s1 : tile<1x1xf32> -> tile<256x256xf32>
    %scaled = mulf %acc, %sb : tile<256x256xf32>
    %out = ftof %scaled : tile<256x256xf32> -> tile<256x256xbf16>
    %t3 = store_view_tko weak %out, %pc[%bm, %bn] optimization_hints = <sm_100 = {allow_tma = true}> : tile<256x256xbf16>, partition_view<tile=(256x256), tensor_view<?x?xbf16, strides=[?,1]>>, tile<i32> -> token
  }

  entry @gemm_e4m3_h100(%a: tile<ptr<f8E4M3FN>>, %bt: tile<ptr<f8E4M3FN>>, %c: tile<ptr<bf16>>,
      %m: tile<i32>, %n: tile<i32>, %k: tile<i32>, %scale: tile<f32>)
      optimization_hints=<sm_90 = {occupancy = 1}> {
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[?,1]>
    // B^T is N x K row-major (K-major B, as fp8 GEMMs take it): read as K x N
    %tb = make_tensor_view %bt, shape = [%k, %n], strides = [1, %k] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[1,?]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xbf16, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(128x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(128x256), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[1,?]>>
    %pc = make_partition_view %tc : partition_view<tile=(128x256), tensor_view<?x?xbf16, strides=[?,1]>>
    // grouped order: blocks walk down 8 tile rows of C before the next
    // tile column, so a wave of blocks shares A and B tiles in L2
    %pid, %y, %z = get_tile_block_id : tile<i32>
    %tm, %kt = get_index_space_shape %pa : partition_view<tile=(128x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>> -> tile<i32>
    %kt2, %tn = get_index_space_shape %pb : partition_view<tile=(128x256), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[1,?]>> -> tile<i32>
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
    %init = constant <f32: 0.0> : tile<128x256xf32>
    %acc = for %kk in (%zero to %kt, step %one) : tile<i32>
        iter_values(%sum = %init) -> (tile<128x256xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] optimization_hints = <sm_90 = {allow_tma = true}> : partition_view<tile=(128x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>, tile<i32> -> tile<128x128xf8E4M3FN>, token
      %bt2, %t2 = load_view_tko weak %pb[%kk, %bn] optimization_hints = <sm_90 = {allow_tma = true}> : partition_view<tile=(128x256), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[1,?]>>, tile<i32> -> tile<128x256xf8E4M3FN>, token
      %next = mmaf %at, %bt2, %sum : tile<128x128xf8E4M3FN>, tile<128x256xf8E4M3FN>, tile<128x256xf32>
      continue %next : tile<128x256xf32>
    }
    // per-tensor scales of A and B, applied to the f32 sum
    %s1 = reshape %scale : tile<f32> -> tile<1x1xf32>
    %sb = broadcast %s1 : tile<1x1xf32> -> tile<128x256xf32>
    %scaled = mulf %acc, %sb : tile<128x256xf32>
    %out = ftof %scaled : tile<128x256xf32> -> tile<128x256xbf16>
    %t3 = store_view_tko weak %out, %pc[%bm, %bn] optimization_hints = <sm_90 = {allow_tma = true}> : tile<128x256xbf16>, partition_view<tile=(128x256), tensor_view<?x?xbf16, strides=[?,1]>>, tile<i32> -> token
  }

  entry @gemm_e4m3_mi355x(%a: tile<ptr<f8E4M3FN>>, %bt: tile<ptr<f8E4M3FN>>, %c: tile<ptr<bf16>>,
      %m: tile<i32>, %n: tile<i32>, %k: tile<i32>, %scale: tile<f32>)
      {
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[?,1]>
    // B^T is N x K row-major (K-major B, as fp8 GEMMs take it): read as K x N
    %tb = make_tensor_view %bt, shape = [%k, %n], strides = [1, %k] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[1,?]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xbf16, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(256x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(128x256), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[1,?]>>
    %pc = make_partition_view %tc : partition_view<tile=(256x256), tensor_view<?x?xbf16, strides=[?,1]>>
    // grouped order: blocks walk down 8 tile rows of C before the next
    // tile column, so a wave of blocks shares A and B tiles in L2
    %pid, %y, %z = get_tile_block_id : tile<i32>
    %tm, %kt = get_index_space_shape %pa : partition_view<tile=(256x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>> -> tile<i32>
    %kt2, %tn = get_index_space_shape %pb : partition_view<tile=(128x256), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[1,?]>> -> tile<i32>
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
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(256x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>, tile<i32> -> tile<256x128xf8E4M3FN>, token
      %bt2, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(128x256), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[1,?]>>, tile<i32> -> tile<128x256xf8E4M3FN>, token
      %next = mmaf %at, %bt2, %sum : tile<256x128xf8E4M3FN>, tile<128x256xf8E4M3FN>, tile<256x256xf32>
      continue %next : tile<256x256xf32>
    }
    // per-tensor scales of A and B, applied to the f32 sum
    %s1 = reshape %scale : tile<f32> -> tile<1x1xf32>
    %sb = broadcast %s1 : tile<1x1xf32> -> tile<256x256xf32>
    %scaled = mulf %acc, %sb : tile<256x256xf32>
    %out = ftof %scaled : tile<256x256xf32> -> tile<256x256xbf16>
    %t3 = store_view_tko weak %out, %pc[%bm, %bn] : tile<256x256xbf16>, partition_view<tile=(256x256), tensor_view<?x?xbf16, strides=[?,1]>>, tile<i32> -> token
  }
}
