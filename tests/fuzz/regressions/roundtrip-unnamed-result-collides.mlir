cuda_tile.module @m {
  entry @e() {
    constant <i32: 2> : tile<i32>
    %0 = constant <i32: 1> : tile<i32>
  }
}
