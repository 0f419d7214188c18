// RUN: run %s --grid 2 x=@%S/../data/run/c8_x.npy e4=zeros:f8E4M3FN:128 e5=zeros:f8E5M2:128 --expect e4=@%S/../data/run/c8_e4_sat.npy --expect e5=@%S/../data/run/c8_e5_sat.npy
// RUN: run %s --grid 2 --hw h100 x=@%S/../data/run/c8_x.npy e4=zeros:f8E4M3FN:128 e5=zeros:f8E5M2:128 --expect e4=@%S/../data/run/c8_e4_sat.npy --expect e5=@%S/../data/run/c8_e5_sat.npy
// RUN: run %s --grid 2 --hw %S/../data/hwdesc/narrow_ieee.xml x=@%S/../data/run/c8_x.npy e4=zeros:f8E4M3FN:128 e5=zeros:f8E5M2:128 --expect e4=@%S/../data/run/c8_e4_ieee.npy --expect e5=@%S/../data/run/c8_e5_ieee.npy
// RUN: run %s --grid 2 --hw mi300x x=@%S/../data/run/c8_x.npy e4=zeros:f8E4M3FN:128 e5=zeros:f8E5M2:128 --expect e4=@%S/../data/run/c8_e4_fnuz.npy --expect e5=@%S/../data/run/c8_e5_fnuz.npy
//
// f32 to fp8, nearest even, with values beyond the formats' ranges: how
// they overflow is the hardware description's (<numerics narrow_overflow>):
// NVIDIA's satfinite, the default, gives the largest finite value;
// "ieee" gives inf (E5M2) or NaN (E4M3FN, which has no inf).  MI300X's
// description says fp8="fnuz": the same types hold AMD's FNUZ encodings
// (largest 240 and 57344, no -0).  The references are ml_dtypes'
// conversions (tests/gen_run_refs.py, convert_fp8), of the values
// clipped to the largest finite one for satfinite.
cuda_tile.module @convert_fp8 {
  entry @convert(%x: tile<ptr<f32>>, %e4: tile<ptr<f8E4M3FN>>, %e5: tile<ptr<f8E5M2>>) {
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %tx = make_tensor_view %x, shape = [128], strides = [1] : tensor_view<128xf32, strides=[1]>
    %px = make_partition_view %tx : partition_view<tile=(64), tensor_view<128xf32, strides=[1]>>
    %v, %t0 = load_view_tko weak %px[%bid] : partition_view<tile=(64), tensor_view<128xf32, strides=[1]>>, tile<i32> -> tile<64xf32>, token
    %v4 = ftof %v : tile<64xf32> -> tile<64xf8E4M3FN>
    %v5 = ftof %v : tile<64xf32> -> tile<64xf8E5M2>
    %t4 = make_tensor_view %e4, shape = [128], strides = [1] : tensor_view<128xf8E4M3FN, strides=[1]>
    %p4 = make_partition_view %t4 : partition_view<tile=(64), tensor_view<128xf8E4M3FN, strides=[1]>>
    %s4 = store_view_tko weak %v4, %p4[%bid] : tile<64xf8E4M3FN>, partition_view<tile=(64), tensor_view<128xf8E4M3FN, strides=[1]>>, tile<i32> -> token
    %t5 = make_tensor_view %e5, shape = [128], strides = [1] : tensor_view<128xf8E5M2, strides=[1]>
    %p5 = make_partition_view %t5 : partition_view<tile=(64), tensor_view<128xf8E5M2, strides=[1]>>
    %s5 = store_view_tko weak %v5, %p5[%bid] : tile<64xf8E5M2>, partition_view<tile=(64), tensor_view<128xf8E5M2, strides=[1]>>, tile<i32> -> token
  }
}
