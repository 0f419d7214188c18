// fmt --print-debuginfo renames #x to #loc, the name of the other alias:
// the op's location silently becomes the di_file (fixpoint holds; review find)
#loc = #cuda_tile.di_file<"a.py" in "/b/">
#x = loc("f.py":1:2)
cuda_tile.module @m {
  entry @e() {
    %0 = constant <i32: 1> : tile<i32> loc(#x)
  }
}
