cuda_tile.module @views {
  entry @k(%p: tile<ptr<f32>>, %q: tile<ptr<f16>>, %n: tile<i64>) {
    %tv = make_tensor_view %p, shape = [128, 64], strides = [64, 1] : tensor_view<128x64xf32, strides=[64,1]>
    %dv = make_tensor_view %q, shape = [%n, 64], strides = [64, 1] : tile<i64> -> tensor_view<?x64xf16, strides=[64,1]>
    %pv = make_partition_view %tv : partition_view<tile=(16x32), tensor_view<128x64xf32, strides=[64,1]>>
    %pd = make_partition_view %dv : partition_view<tile=(8x8), padding_value = zero, tensor_view<?x64xf16, strides=[64,1]>, dim_map=[1, 0]>
    %c0 = constant <i32: 0> : tile<i32>
    %t, %tok = load_view_tko weak %pv[%c0, %c0] : partition_view<tile=(16x32), tensor_view<128x64xf32, strides=[64,1]>>, tile<i32> -> tile<16x32xf32>, token
    %tok2 = store_view_tko weak %t, %pv[%c0, %c0] token = %tok : tile<16x32xf32>, partition_view<tile=(16x32), tensor_view<128x64xf32, strides=[64,1]>>, tile<i32> -> token
    %s:2 = get_index_space_shape %pv : partition_view<tile=(16x32), tensor_view<128x64xf32, strides=[64,1]>> -> tile<i32>
    %d:2 = get_tensor_shape %dv : tensor_view<?x64xf16, strides=[64,1]> -> tile<i64>
    return
  }
}
