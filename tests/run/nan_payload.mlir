// RUN: run %s --grid 1 x=@%S/../data/run/nan_x.npy y=@%S/../data/run/nan_y.npy s=zeros:f32:64 m=zeros:f32:64 h=zeros:f16:64 --expect s=@%S/../data/run/nan_add_canon.npy --expect m=@%S/../data/run/nan_mul_canon.npy --expect h=@%S/../data/run/nan_h_canon.npy
// RUN: run %s --grid 1 --hw %S/../data/hwdesc/nan_propagate.xml x=@%S/../data/run/nan_x.npy y=@%S/../data/run/nan_y.npy s=zeros:f32:64 m=zeros:f32:64 h=zeros:f16:64 --expect s=@%S/../data/run/nan_add_prop.npy --expect m=@%S/../data/run/nan_mul_prop.npy --expect h=@%S/../data/run/nan_h_prop.npy
//
// NaN results under the hardware description's NaN policy (<numerics
// nan>): canonical, the default (NVIDIA: every NaN result is 0x7FFFFFFF,
// f16 0x7FFF), or propagate (IEEE 754's advice: the first NaN operand,
// quieted; ftof carries its sign and leading payload bits).  x holds
// quiet and signalling NaNs of both signs; s = x + y, m = y * x (y's NaN
// first where both are NaN), h = x as f16.  References: the rule applied
// bit by bit in tests/gen_run_refs.py (nan_payload), its f16 conversion
// checked against numpy's.
cuda_tile.module @nan_payload {
  entry @nans(%x: tile<ptr<f32>>, %y: tile<ptr<f32>>, %s: tile<ptr<f32>>, %m: tile<ptr<f32>>,
              %h: tile<ptr<f16>>) {
    %tx = make_tensor_view %x, shape = [64], strides = [1] : tensor_view<64xf32, strides=[1]>
    %ty = make_tensor_view %y, shape = [64], strides = [1] : tensor_view<64xf32, strides=[1]>
    %ts = make_tensor_view %s, shape = [64], strides = [1] : tensor_view<64xf32, strides=[1]>
    %tm = make_tensor_view %m, shape = [64], strides = [1] : tensor_view<64xf32, strides=[1]>
    %th = make_tensor_view %h, shape = [64], strides = [1] : tensor_view<64xf16, strides=[1]>
    %px = make_partition_view %tx : partition_view<tile=(64), tensor_view<64xf32, strides=[1]>>
    %py = make_partition_view %ty : partition_view<tile=(64), tensor_view<64xf32, strides=[1]>>
    %ps = make_partition_view %ts : partition_view<tile=(64), tensor_view<64xf32, strides=[1]>>
    %pm = make_partition_view %tm : partition_view<tile=(64), tensor_view<64xf32, strides=[1]>>
    %ph = make_partition_view %th : partition_view<tile=(64), tensor_view<64xf16, strides=[1]>>
    %zero = constant <i32: 0> : tile<i32>
    %a, %t0 = load_view_tko weak %px[%zero] : partition_view<tile=(64), tensor_view<64xf32, strides=[1]>>, tile<i32> -> tile<64xf32>, token
    %b, %t1 = load_view_tko weak %py[%zero] : partition_view<tile=(64), tensor_view<64xf32, strides=[1]>>, tile<i32> -> tile<64xf32>, token
    %sum = addf %a, %b : tile<64xf32>
    %prod = mulf %b, %a : tile<64xf32>
    %half = ftof %a : tile<64xf32> -> tile<64xf16>
    %t2 = store_view_tko weak %sum, %ps[%zero] : tile<64xf32>, partition_view<tile=(64), tensor_view<64xf32, strides=[1]>>, tile<i32> -> token
    %t3 = store_view_tko weak %prod, %pm[%zero] : tile<64xf32>, partition_view<tile=(64), tensor_view<64xf32, strides=[1]>>, tile<i32> -> token
    %t4 = store_view_tko weak %half, %ph[%zero] : tile<64xf16>, partition_view<tile=(64), tensor_view<64xf16, strides=[1]>>, tile<i32> -> token
  }
}
