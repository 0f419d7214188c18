// RUN: run %s --grid 1,1 a=@%S/../data/run/mma_a.npy b=@%S/../data/run/mma_b.npy c=zeros:f32:1x1 m=i32:1 n=i32:1 k=i32:16 --expect c=@%S/../data/run/mma_sm100.npy
// RUN: run %s --grid 1,1 --hw b200 a=@%S/../data/run/mma_a.npy b=@%S/../data/run/mma_b.npy c=zeros:f32:1x1 m=i32:1 n=i32:1 k=i32:16 --expect c=@%S/../data/run/mma_sm100.npy
// RUN: run %s --grid 1,1 --hw h100 a=@%S/../data/run/mma_a.npy b=@%S/../data/run/mma_b.npy c=zeros:f32:1x1 m=i32:1 n=i32:1 k=i32:16 --expect c=@%S/../data/run/mma_sm100.npy
// RUN: run %s --grid 1,1 --numerics sm100 a=@%S/../data/run/mma_a.npy b=@%S/../data/run/mma_b.npy c=zeros:f32:1x1 m=i32:1 n=i32:1 k=i32:16 --expect c=@%S/../data/run/mma_sm100.npy
// RUN: run %s --grid 1,1 --numerics fma a=@%S/../data/run/mma_a.npy b=@%S/../data/run/mma_b.npy c=zeros:f32:1x1 m=i32:1 n=i32:1 k=i32:16 --expect c=@%S/../data/run/mma_fma.npy
// RUN: run %s --grid 1,1 --hw b200 --numerics fma a=@%S/../data/run/mma_a.npy b=@%S/../data/run/mma_b.npy c=zeros:f32:1x1 m=i32:1 n=i32:1 k=i32:16 --expect c=@%S/../data/run/mma_fma.npy
// RUN: run %s --grid 1,1 --numerics exact a=@%S/../data/run/mma_a.npy b=@%S/../data/run/mma_b.npy c=zeros:f32:1x1 m=i32:1 n=i32:1 k=i32:16 --expect c=@%S/../data/run/mma_exact.npy
//
// Which accumulation mmaf follows: without --numerics, the profile of the
// hardware description (--hw NAME; by default b200, whose profile is
// sm100); --numerics wins over the description.  One f16 dot product of
// K = 16 gives three different f32 results (tests/gen_run_refs.py,
// mma_numerics): the GPU profiles truncate the block sum, fma rounds every
// step back to 1, exact rounds the whole sum to nearest even.  (The kernel
// is a GEMM of 128x128 output tiles and K steps of 64, shapes that the
// --hw predictions take; this run reads one padded tile.)
cuda_tile.module @mma_numerics {
  entry @gemm(%a: tile<ptr<f16>>, %b: tile<ptr<f16>>, %c: tile<ptr<f32>>,
              %m: tile<i32>, %n: tile<i32>, %k: tile<i32>) {
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tb = make_tensor_view %b, shape = [%k, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf16, strides=[?,1]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(64x128), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>
    %pc = make_partition_view %tc : partition_view<tile=(128x128), tensor_view<?x?xf32, strides=[?,1]>>
    %bm, %bn, %bz = get_tile_block_id : tile<i32>
    %nk:2 = get_index_space_shape %pa : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>> -> tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %init = constant <f32: 0.0> : tile<128x128xf32>
    %acc = for %kk in (%zero to %nk#1, step %one) : tile<i32> iter_values(%sum = %init) -> (tile<128x128xf32>) {
      %at, %t1 = load_view_tko weak %pa[%bm, %kk] : partition_view<tile=(128x64), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<128x64xf16>, token
      %bt, %t2 = load_view_tko weak %pb[%kk, %bn] : partition_view<tile=(64x128), padding_value = zero, tensor_view<?x?xf16, strides=[?,1]>>, tile<i32> -> tile<64x128xf16>, token
      %next = mmaf %at, %bt, %sum : tile<128x64xf16>, tile<64x128xf16>, tile<128x128xf32>
      continue %next : tile<128x128xf32>
    }
    %t3 = store_view_tko weak %acc, %pc[%bm, %bn] : tile<128x128xf32>, partition_view<tile=(128x128), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
  }
}
