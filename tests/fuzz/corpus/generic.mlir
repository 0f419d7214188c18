cuda_tile.module @generic {
  testing$func @k(%a: tile<4xf32>, %b: tile<4xf32>, %n: tile<i32>) {
    %0 = "cuda_tile.addf"(%a, %b) <{rounding_mode = #cuda_tile.rounding<nearest_even>}> : (tile<4xf32>, tile<4xf32>) -> tile<4xf32>
    %1 = "cuda_tile.cmpf"(%0, %b) {comparison_predicate = #cuda_tile.comparison_predicate<less_than>, comparison_ordering = #cuda_tile.comparison_ordering<ordered>} : (tile<4xf32>, tile<4xf32>) -> tile<4xi1>
    %c0 = constant <i32: 0> : tile<i32>
    %c1 = constant <i32: 1> : tile<i32>
    %2 = "cuda_tile.for"(%c0, %n, %c1, %a) ({
    ^bb0(%i: tile<i32>, %s: tile<4xf32>):
      %3 = "cuda_tile.mulf"(%s, %b) : (tile<4xf32>, tile<4xf32>) -> tile<4xf32>
      "cuda_tile.continue"(%3) : (tile<4xf32>) -> ()
    }) : (tile<i32>, tile<i32>, tile<i32>, tile<4xf32>) -> tile<4xf32>
    return
  }
}
