cuda_tile.module @arith_float {
  testing$func @k(%a: tile<4x8xf32>, %b: tile<4x8xf32>) {
    %s = addf %a, %b : tile<4x8xf32>
    %d = subf %s, %b rounding<zero> : tile<4x8xf32>
    %m = mulf %d, %a flush_to_zero : tile<4x8xf32>
    %q = divf %m, %b rounding<approx> flush_to_zero : tile<4x8xf32>
    %f = fma %q, %a, %b : tile<4x8xf32>
    %n = negf %f : tile<4x8xf32>
    %x = maxf %n, %a propagate_nan : tile<4x8xf32>
    %y = minf %x, %b : tile<4x8xf32>
    %r = remf %y, %a : tile<4x8xf32>
    %p = pow %r, %b : tile<4x8xf32>
    %t = atan2 %p, %a : tile<4x8xf32>
    return
  }
}
