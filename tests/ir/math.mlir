// Transcendental and rounding math ops, with their rounding modes and
// flush_to_zero; fpowi (13.4) with every signed exponent width.

cuda_tile.module @math {
  testing$func @unary(%x: tile<16xf32>, %h: tile<4x4xf16>, %b: tile<bf16>, %d: tile<2xf64>) {
    %ceil = ceil %x : tile<16xf32>
    %floor = floor %h : tile<4x4xf16>
    %cos = cos %b : tile<bf16>
    %cosh = cosh %d : tile<2xf64>
    %sin = sin %x : tile<16xf32>
    %sinh = sinh %h : tile<4x4xf16>
    %tan = tan %d : tile<2xf64>
    %log = log %x : tile<16xf32>
    %log2 = cuda_tile.log2 %b : !cuda_tile.tile<bf16>
    return
  }

  // exp and tanh default to rounding<full>; approx is f32 only.
  testing$func @exp_tanh(%x: tile<16xf32>, %h: tile<4x4xf16>) {
    %e0 = exp %x : tile<16xf32>
    %e1 = exp %x rounding<full> : tile<16xf32>
    %e2 = exp %x rounding<approx> : tile<16xf32>
    %e3 = exp %h : tile<4x4xf16>
    %t0 = tanh %x : tile<16xf32>
    %t1 = tanh %x rounding<full> : tile<16xf32>
    %t2 = cuda_tile.tanh %x rounding<approx> : tile<16xf32>
    %t3 = tanh %h : tile<4x4xf16>
    %e4 = exp2 %x : tile<16xf32>
    %e5 = exp2 %x flush_to_zero : tile<16xf32>
    %e6 = exp2 %h : tile<4x4xf16>
    return
  }

  // sqrt has the IEEE modes and approx; rsqrt only flush_to_zero.
  testing$func @roots(%x: tile<16xf32>, %d: tile<2xf64>) {
    %s0 = sqrt %x : tile<16xf32>
    %s1 = sqrt %x rounding<nearest_even> : tile<16xf32>
    %s2 = sqrt %x rounding<zero> : tile<16xf32>
    %s3 = sqrt %x rounding<negative_inf> flush_to_zero : tile<16xf32>
    %s4 = sqrt %x rounding<approx> : tile<16xf32>
    %s5 = sqrt %x flush_to_zero : tile<16xf32>
    %s6 = sqrt %d rounding<positive_inf> : tile<2xf64>
    %r0 = rsqrt %x : tile<16xf32>
    %r1 = rsqrt %x flush_to_zero : tile<16xf32>
    %r2 = rsqrt %d : tile<2xf64>
    return
  }

  // fpowi: a float base and a signed integer exponent of the same shape.
  testing$func @fpowi(%x: tile<4xf32>, %b: tile<4xi1>, %n8: tile<4xi8>, %n16: tile<4xi16>, %n32: tile<4xi32>, %h: tile<f16>, %e: tile<i32>) {
    %p0 = fpowi %x, %n32 : tile<4xf32>, tile<4xi32> -> tile<4xf32>
    %p1 = fpowi %x, %n16 : tile<4xf32>, tile<4xi16> -> tile<4xf32>
    %p2 = cuda_tile.fpowi %x, %n8 : !cuda_tile.tile<4xf32>, !cuda_tile.tile<4xi8> -> !cuda_tile.tile<4xf32>
    %p3 = fpowi %x, %b : tile<4xf32>, tile<4xi1> -> tile<4xf32>
    %p4 = fpowi %h, %e : tile<f16>, tile<i32> -> tile<f16>
    return
  }
}
