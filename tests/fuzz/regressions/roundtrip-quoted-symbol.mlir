cuda_tile.module @"a b" {
  entry @"x y"() {
  }
}
