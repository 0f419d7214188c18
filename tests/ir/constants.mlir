// Dense literals of every element type a constant may have: splats, nested
// lists, hex bit patterns, and the MLIR float printing rules (6 digits,
// the 9/17-digit fallback, capital-E scientific, hex for inf/NaN and for
// integers too long for 6 digits).  Globals and get_global.

cuda_tile.module @constants {
  global @g_public <f32: [1.0, 2.0]> : tile<2xf32>
  global public @g_explicit_public <i32: [42]> : tile<1xi32>
  global private @g_private <i64: [1, 2, 3, 4]> : !cuda_tile.tile<4xi64>
  global constant @g_const alignment = 256 <f16: 0.5> : tile<8xf16>
  global private constant @g_both alignment = 0 <i8: [-1, 255, 0x7F, 0]> : tile<4xi8>
  global @g_aligned alignment = 64 <bf16 : [1.0, 1.0]> : tile<2xbf16>

  entry @integers() {
    // i1: true/false, and integers (nonzero is true)
    %t = constant <i1: true> : tile<i1>
    %f = constant <i1: false> : tile<i1>
    %t1 = constant <i1: 1> : tile<i1>
    %tm1 = constant <i1: -1> : tile<i1>
    %b4 = constant <i1: [true, false, 1, 0]> : tile<4xi1>
    %ball = constant <i1: [true, true]> : tile<2xi1>
    // i8 takes [-128, 255]; values print signed
    %i8a = constant <i8: 255> : tile<i8>
    %i8b = constant <i8: -128> : tile<i8>
    %i8c = constant <i8: 0x7F> : tile<4xi8>
    %i8d = constant <i8: [[1, 2], [3, 4]]> : tile<2x2xi8>
    %i16a = constant <i16: 0xFFFF> : tile<i16>
    %i16b = constant <i16: [-32768, 65535]> : !cuda_tile.tile<2xi16>
    %i32a = constant <i32: 4294967295> : tile<i32>
    %i32b = constant <i32: 0x80000000> : tile<i32>
    %i32c = cuda_tile.constant <i32: [2147483647, -2147483648, 0, 7]> : tile<4xi32>
    %i32d = constant <i32: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]> : tile<2x2x2xi32>
    %i64a = constant <i64: -9223372036854775808> : tile<i64>
    %i64b = constant <i64: 0x7FFFFFFFFFFFFFFF> : tile<2xi64>
    // a one-element list, and a list of equal values, are splats
    %one = constant <i32: [42]> : tile<1xi32>
    %same = constant <i64: [5, 5, 5, 5]> : tile<4xi64>
  }

  entry @halves() {
    %h0 = constant <f16: 1.0> : tile<f16>
    %h1 = constant <f16: -2.5> : tile<4xf16>
    %h2 = constant <f16: 65504.0> : tile<f16>
    %h3 = constant <f16: 0.1> : tile<f16>
    %h4 = constant <f16: 6.0e-8> : tile<f16>
    %h5 = constant <f16: [0x7C00, 0xFC00, 0x7E00, -0.0]> : tile<4xf16>
    %h6 = constant <f16: 70000.0> : tile<f16>
    %b0 = constant <bf16: 3.140625> : tile<bf16>
    %b1 = constant <bf16: [1.0, -2.0, 0x7F80, 0x7FC0]> : tile<4xbf16>
  }

  entry @singles() {
    %f0 = constant <f32: 1.> : tile<f32>
    %f1 = constant <f32: 0.1> : tile<f32>
    %f2 = constant <f32: 3.14> : tile<f32>
    %f3 = constant <f32: 0.3333333333333333> : tile<f32>
    %f4 = constant <f32: 16777215.0> : tile<f32>
    %f5 = constant <f32: 123456789.0> : tile<f32>
    %f6 = constant <f32: 1.0e-10> : tile<f32>
    %f7 = constant <f32: 0x2EDBE700> : tile<f32>
    %f8 = constant <f32: 0x5037E11D> : tile<f32>
    %f9 = constant <f32: 3.14159265> : tile<f32>
    %f10 = constant <f32: 1.0e10> : tile<f32>
    %f11 = constant <f32: 0.01> : tile<f32>
    %f12 = constant <f32: 2.5e-3> : tile<f32>
    %f13 = constant <f32: [0x7F800000, 0xFF800000, 0x7FC00000, -0.0]> : tile<4xf32>
    // +0.0 and -0.0 differ in bits, so this is not a splat
    %f14 = constant <f32: [0.0, -0.0]> : tile<2xf32>
    %f15 = constant <f32: [[1.0, 2.0], [3.0, 4.0]]> : tile<2x2xf32>
    %f16 = constant <f32: [1.5, 1.5, 1.5, 1.5]> : tile<4xf32>
  }

  entry @doubles() {
    %d0 = constant <f64: 0.1> : tile<f64>
    %d1 = constant <f64: 0.30000000000000004> : tile<f64>
    %d2 = constant <f64: 0.3333333333333333> : tile<f64>
    %d3 = constant <f64: 1.0e100> : tile<f64>
    %d4 = constant <f64: 123456789.0> : tile<f64>
    %d5 = constant <f64: 3.141592653589793> : tile<f64>
    %d6 = constant <f64: 1.2345678901234567e-4> : tile<f64>
    %d7 = constant <f64: [-1.5, 0x7FF0000000000000]> : tile<2xf64>
  }

  entry @small_floats() {
    %t0 = constant <tf32: 1.0> : tile<tf32>
    %t1 = constant <tf32: 3.14159> : tile<tf32>
    %t2 = constant <tf32: [0x3FC00, -0.5]> : tile<2xtf32>
    %t3 = constant <tf32: 0.1> : tile<tf32>
    %e0 = constant <f8E4M3FN: 448.0> : tile<f8E4M3FN>
    %e1 = constant <f8E4M3FN: [0x7F, -1.0, 0.001953125, 0.3]> : tile<4xf8E4M3FN>
    %e2 = constant <f8E4M3FN: [[2.0, 0.5], [2.0, 0.5]]> : tile<2x2xf8E4M3FN>
    %m0 = constant <f8E5M2: 57344.0> : tile<f8E5M2>
    %m1 = constant <f8E5M2: [0x7C, 1.25, -3.0, 0.1]> : tile<4xf8E5M2>
    %s0 = constant <f8E8M0FNU: 1.0> : tile<f8E8M0FNU>
    %s1 = constant <f8E8M0FNU: [0xFF, 8.0, 0x00, 0.5]> : tile<4xf8E8M0FNU>
    %s2 = constant <f8E8M0FNU: [2.0, 4.0]> : tile<2xf8E8M0FNU>
    %q0 = constant <f4E2M1FN: 6.0> : tile<2xf4E2M1FN>
    %q1 = constant <f4E2M1FN: [0.5, -1.5, 3.0, 0xF]> : tile<4xf4E2M1FN>
    %q2 = constant <f4E2M1FN: [[2.6, -0.0], [1.0, 4.0]]> : tile<2x2xf4E2M1FN>
  }

  entry @globals() {
    %p0 = get_global @g_public : tile<ptr<f32>>
    %p1 = cuda_tile.get_global @g_private : !cuda_tile.tile<!cuda_tile.ptr<i64>>
    %p2 = get_global @g_const : tile<ptr<f16>>
    %p3 = get_global @g_both : tile<ptr<i8>>
  }
}
