cuda_tile.module @constants {
  global @g <f32: [1.0, 2.5, -0.0, 3.0e+10]> : tile<4xf32>
  global private constant @h alignment = 64 <i8: 7> : tile<8xi8>
  entry @k() {
    %c0 = constant <i32: 0> : tile<i32>
    %cm = constant <i64: -9223372036854775808> : tile<i64>
    %t = constant <i1: true> : tile<i1>
    %v = constant <f16: [[1.0, 2.0], [3.0, 0.5]]> : tile<2x2xf16>
    %b = constant <bf16: 0x7FC0> : tile<4xbf16>
    %e = constant <f8E4M3FN: 448.0> : tile<2xf8E4M3FN>
    %x = constant <f64: 2.718281828459045> : tile<f64>
    %i = iota : tile<16xi32>
    %p = get_global @g : tile<ptr<f32>>
    return
  }
}
