// RUN: run %s --grid 1,1 a=@%S/../data/run/mmas_a.npy:f8E4M3FN b=@%S/../data/run/mmas_b.npy:f8E4M3FN sa=@%S/../data/run/mmas_sa.npy:f8E8M0FNU sb=@%S/../data/run/mmas_sb.npy:f8E8M0FNU c=@%S/../data/run/mmas_c0.npy --expect c=@%S/../data/run/mmas_c.npy
// RUN: run %s --grid 1,1 --numerics sm100 a=@%S/../data/run/mmas_a.npy:f8E4M3FN b=@%S/../data/run/mmas_b.npy:f8E4M3FN sa=@%S/../data/run/mmas_sa.npy:f8E8M0FNU sb=@%S/../data/run/mmas_sb.npy:f8E8M0FNU c=@%S/../data/run/mmas_c0.npy --expect c=@%S/../data/run/mmas_c.npy
//
// C += (A x its E8M0 scales) @ (B x its scales): MX fp8, 16x8 outputs, K = 96
// (three instructions of 32), on the B200's block-scaled tensor cores (the
// default profile, sm100).  The reference (tests/gen_run_refs.py,
// mma_scaled) is computed by tests/unit/gen_mma_scaled.py's exact model.
cuda_tile.module @mma_scaled {
  entry @mx(%a: tile<ptr<f8E4M3FN>>, %b: tile<ptr<f8E4M3FN>>, %sa: tile<ptr<f8E8M0FNU>>,
            %sb: tile<ptr<f8E8M0FNU>>, %c: tile<ptr<f32>>) {
    %m = constant <i32: 16> : tile<i32>
    %n = constant <i32: 8> : tile<i32>
    %k = constant <i32: 96> : tile<i32>
    %ks = constant <i32: 3> : tile<i32>
    %ta = make_tensor_view %a, shape = [%m, %k], strides = [%k, 1] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[?,1]>
    %tb = make_tensor_view %b, shape = [%k, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[?,1]>
    %tsa = make_tensor_view %sa, shape = [%m, %ks], strides = [%ks, 1] : tile<i32> -> tensor_view<?x?xf8E8M0FNU, strides=[?,1]>
    %tsb = make_tensor_view %sb, shape = [%ks, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf8E8M0FNU, strides=[?,1]>
    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %pa = make_partition_view %ta : partition_view<tile=(16x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>
    %pb = make_partition_view %tb : partition_view<tile=(128x8), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>
    %psa = make_partition_view %tsa : partition_view<tile=(16x4), padding_value = zero, tensor_view<?x?xf8E8M0FNU, strides=[?,1]>>
    %psb = make_partition_view %tsb : partition_view<tile=(4x8), padding_value = zero, tensor_view<?x?xf8E8M0FNU, strides=[?,1]>>
    %pc = make_partition_view %tc : partition_view<tile=(16x8), tensor_view<?x?xf32, strides=[?,1]>>
    %zero = constant <i32: 0> : tile<i32>
    %at, %t1 = load_view_tko weak %pa[%zero, %zero] : partition_view<tile=(16x128), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>, tile<i32> -> tile<16x128xf8E4M3FN>, token
    %bt, %t2 = load_view_tko weak %pb[%zero, %zero] : partition_view<tile=(128x8), padding_value = zero, tensor_view<?x?xf8E4M3FN, strides=[?,1]>>, tile<i32> -> tile<128x8xf8E4M3FN>, token
    %sat, %t3 = load_view_tko weak %psa[%zero, %zero] : partition_view<tile=(16x4), padding_value = zero, tensor_view<?x?xf8E8M0FNU, strides=[?,1]>>, tile<i32> -> tile<16x4xf8E8M0FNU>, token
    %sbt, %t4 = load_view_tko weak %psb[%zero, %zero] : partition_view<tile=(4x8), padding_value = zero, tensor_view<?x?xf8E8M0FNU, strides=[?,1]>>, tile<i32> -> tile<4x8xf8E8M0FNU>, token
    %ct, %t5 = load_view_tko weak %pc[%zero, %zero] : partition_view<tile=(16x8), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> tile<16x8xf32>, token
    %r = mmaf_scaled %at, %bt, %ct, %sat, %sbt : tile<16x128xf8E4M3FN>, tile<128x8xf8E4M3FN>, tile<16x8xf32>, tile<16x4xf8E8M0FNU>, tile<4x8xf8E8M0FNU>
    %t6 = store_view_tko weak %r, %pc[%zero, %zero] : tile<16x8xf32>, partition_view<tile=(16x8), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
  }
}
