// cuda-tile-opt --mlir-print-debuginfo writes location aliases after the
// module they are used in; they are accepted there (and not printed).

cuda_tile.module @trailing_aliases {
  entry @k(%x: tile<f32> loc(#loc2)) {
    %a = negf %x : tile<f32> loc(#loc1)
  } loc(#loc)
} loc(#loc)
#loc = loc("kernel.py":1:1)
#loc1 = loc("kernel.py":2:5)
#loc2 = loc("kernel.py":1:10)
