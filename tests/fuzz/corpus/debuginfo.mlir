#f = #cuda_tile.di_file<"k.py" in "/src/">
#l0 = loc("k.py":10:4)
#l1 = loc("k.py":11:8)
module {
  cuda_tile.module @first {
    testing$func @a(%x: tile<8xi32>) {
      %y = addi %x, %x : tile<8xi32> loc(#l0)
      %z = muli %y, %x : tile<8xi32> loc(#l1)
      return loc("k.py":12:2)
    } loc(unknown)
  }
  cuda_tile.module @second attributes {producer = "fuzz"} {
    testing$func @b() -> (tile<i32>, tile<f32>) {
      %i = constant <i32: -7> : tile<i32> loc(fused[#l0, #l1])
      %f = constant <f32: 0x7FC00000> : tile<f32>
      return %i, %f : tile<i32>, tile<f32>
    }
  }
}
