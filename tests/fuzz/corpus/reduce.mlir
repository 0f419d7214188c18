cuda_tile.module @reduce {
  testing$func @k(%a: tile<8x64xf32>, %i: tile<128xi32>) {
    %r = reduce %a dim=1 identities=[0.000000e+00 : f32] : tile<8x64xf32> -> tile<8xf32>
    (%l: tile<f32>, %m: tile<f32>) {
      %s = addf %l, %m : tile<f32>
      yield %s : tile<f32>
    }
    %mx = reduce %i dim=0 identities=[-2147483648 : i32] : tile<128xi32> -> tile<i32>
    (%l: tile<i32>, %m: tile<i32>) {
      %s = maxi %l, %m signed : tile<i32>
      yield %s : tile<i32>
    }
    %sc = scan %i dim=0 reverse=true identities=[0 : i32] : tile<128xi32> -> tile<128xi32>
    (%l: tile<i32>, %m: tile<i32>) {
      %s = addi %l, %m : tile<i32>
      yield %s : tile<i32>
    }
    return
  }
}
