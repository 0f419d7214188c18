// a second definition of #x must be rejected (MLIR: redefinition of alias)
#x = loc("f.py":1:2)
#x = loc("g.py":3:4)
cuda_tile.module @m {
  entry @e() {
    %0 = constant <i32: 1> : tile<i32> loc(#x)
  }
}
