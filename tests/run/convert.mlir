// RUN: run %s --grid 4 x=@%S/../data/run/conv_x.npy h=zeros:f16:256 i=zeros:i32:256 d=zeros:f64:256 --expect h=@%S/../data/run/conv_h.npy --expect i=@%S/../data/run/conv_i.npy --expect d=@%S/../data/run/conv_d.npy
//
// f32 to f16 (round to nearest even, overflow to inf, subnormals), to i32
// (truncation toward zero; the inputs are all in range) and to f64
// (exact), as numpy's astype does them.
cuda_tile.module @convert {
  entry @convert(%x: tile<ptr<f32>>, %h: tile<ptr<f16>>, %i: tile<ptr<i32>>, %d: tile<ptr<f64>>) {
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %tx = make_tensor_view %x, shape = [256], strides = [1] : tensor_view<256xf32, strides=[1]>
    %px = make_partition_view %tx : partition_view<tile=(64), tensor_view<256xf32, strides=[1]>>
    %v, %t0 = load_view_tko weak %px[%bid] : partition_view<tile=(64), tensor_view<256xf32, strides=[1]>>, tile<i32> -> tile<64xf32>, token
    %vh = ftof %v : tile<64xf32> -> tile<64xf16>
    %vi = ftoi %v signed : tile<64xf32> -> tile<64xi32>
    %vd = ftof %v : tile<64xf32> -> tile<64xf64>
    %th = make_tensor_view %h, shape = [256], strides = [1] : tensor_view<256xf16, strides=[1]>
    %ph = make_partition_view %th : partition_view<tile=(64), tensor_view<256xf16, strides=[1]>>
    %t1 = store_view_tko weak %vh, %ph[%bid] : tile<64xf16>, partition_view<tile=(64), tensor_view<256xf16, strides=[1]>>, tile<i32> -> token
    %ti = make_tensor_view %i, shape = [256], strides = [1] : tensor_view<256xi32, strides=[1]>
    %pi = make_partition_view %ti : partition_view<tile=(64), tensor_view<256xi32, strides=[1]>>
    %t2 = store_view_tko weak %vi, %pi[%bid] : tile<64xi32>, partition_view<tile=(64), tensor_view<256xi32, strides=[1]>>, tile<i32> -> token
    %td = make_tensor_view %d, shape = [256], strides = [1] : tensor_view<256xf64, strides=[1]>
    %pd = make_partition_view %td : partition_view<tile=(64), tensor_view<256xf64, strides=[1]>>
    %t3 = store_view_tko weak %vd, %pd[%bid] : tile<64xf64>, partition_view<tile=(64), tensor_view<256xf64, strides=[1]>>, tile<i32> -> token
  }
}
