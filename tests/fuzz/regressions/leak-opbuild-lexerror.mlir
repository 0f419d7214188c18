cuda_tile.module @m {
  entry @e() {
    return $
  }
}
