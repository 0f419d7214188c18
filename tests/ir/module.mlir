// Module structure: a builtin module around several cuda_tile modules (the
// wrapper is not printed), module attributes, entry optimization hints
// (sorted when printed; an empty list is dropped), testing$func results.

#loc_unused = loc("kernel.py":1:1)
module attributes {some.attr = 1 : i32} {
  cuda_tile.module @first attributes {producer = "tilesim golden tests"} {
    global @g <f32: [0.0, 1.0, 2.0, 3.0]> : tile<4xf32>
    entry @plain() {
    }
    entry @hinted(%n: tile<i32>) optimization_hints=<sm_90 = {occupancy = 4, num_cta_in_cga = 1}, sm_100 = {num_cta_in_cga = 2}> {
      %m = addi %n, %n : tile<i32>
    }
    entry @no_hints() optimization_hints=<> {
      return
    }
    entry @default_hints() optimization_hints = <default = {num_worker_warps_per_cta = 8}> {
    }
  }

  cuda_tile.module @second {
    testing$func @id(%x: tile<2xf32>) -> tile<2xf32> {
      return %x : tile<2xf32>
    }
    testing$func @pair(%x: tile<i1>, %t: token) -> (tile<i1>, token) {
      return %x, %t : tile<i1>, token
    }
    entry @uses_global() {
      %p = get_global @g2 : tile<ptr<i32>>
    }
    global private @g2 <i32: [7, 8]> : tile<2xi32>
  }
}
