module {
  cuda_tile.module @hints {
    testing$func @k(%a: tile<4xf32> loc("k.py":1:2)) optimization_hints=<sm_100 = {num_cta_in_cga = 2, occupancy = 1}> {
      %c1 = constant <i32: 1> : tile<i32>
      %e = extract %a[%c1] : tile<4xf32> -> tile<2xf32>
      %0 = addf %e, %e : tile<2xf32> loc("k.py":3:4)
      return
    }
  }
}
