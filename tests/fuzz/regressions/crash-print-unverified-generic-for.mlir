cuda_tile.module @m {
  entry @e(%c: tile<i32>) {
    "cuda_tile.for"(%c, %c, %c) ({
    }) : (tile<i32>, tile<i32>, tile<i32>) -> ()
  }
}
