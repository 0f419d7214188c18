cuda_tile.module @m {
  entry @e() {
    %0 = constant <i32: 1> : tile<4294967296x4294967296x4xi32>
  }
}
