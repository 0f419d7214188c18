cuda_tile.module @m {
  testing$func @e(%tv: tensor_view<f32>) {
    get_tensor_shape %tv : tensor_view<f32> -> tile<i32>
  }
}
