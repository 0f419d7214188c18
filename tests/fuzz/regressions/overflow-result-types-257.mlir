cuda_tile.module @m {
  entry @e(%v: tensor_view<4x4xf32, strides=[4,1]>) {
    %a:256, %b:256 = get_tensor_shape %v : tensor_view<4x4xf32, strides=[4,1]> -> tile<i32>
  }
}
