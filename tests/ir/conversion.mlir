// Conversions: bitcast, integer extension and truncation, float <-> float,
// float <-> int, pointer <-> int, pointer casts, pack and unpack.

cuda_tile.module @conversion {
  testing$func @bitcasts(%i32: tile<4xi32>, %i16: tile<4xi16>, %i64: tile<2x2xi64>, %i8: tile<8xi8>, %t: tile<tf32>) {
    %0 = bitcast %i32 : tile<4xi32> -> tile<4xf32>
    %1 = bitcast %0 : tile<4xf32> -> tile<4xi32>
    %2 = bitcast %i16 : tile<4xi16> -> tile<4xf16>
    %3 = bitcast %i16 : tile<4xi16> -> tile<4xbf16>
    %4 = cuda_tile.bitcast %i64 : !cuda_tile.tile<2x2xi64> -> !cuda_tile.tile<2x2xf64>
    %5 = bitcast %i8 : tile<8xi8> -> tile<8xf8E4M3FN>
    %6 = bitcast %i8 : tile<8xi8> -> tile<8xf8E5M2>
    %7 = bitcast %i8 : tile<8xi8> -> tile<8xf8E8M0FNU>
    %8 = bitcast %t : tile<tf32> -> tile<tf32>
    return
  }

  // exti needs a wider result, trunci a narrower one; i4 is allowed here.
  testing$func @int_width(%b: tile<4xi1>, %n: tile<4xi4>, %w: tile<4xi32>, %l: tile<4xi64>) {
    %0 = exti %b signed : tile<4xi1> -> tile<4xi8>
    %1 = exti %b unsigned : tile<4xi1> -> tile<4xi32>
    %2 = exti %n signed : tile<4xi4> -> tile<4xi16>
    %3 = cuda_tile.exti %w unsigned : tile<4xi32> -> !cuda_tile.tile<4xi64>
    %4 = trunci %w : tile<4xi32> -> tile<4xi16>
    %5 = trunci %w overflow<none> : tile<4xi32> -> tile<4xi8>
    %6 = trunci %l overflow<no_signed_wrap> : tile<4xi64> -> tile<4xi1>
    %7 = trunci %w overflow<no_unsigned_wrap> : tile<4xi32> -> tile<4xi4>
    %8 = trunci %l overflow<no_wrap> : tile<4xi64> -> tile<4xi32>
    return
  }

  // ftof: only nearest_even, except zero / positive_inf to f8E8M0FNU.
  testing$func @float_float(%f: tile<8xf32>, %h: tile<8xf16>, %d: tile<8xf64>) {
    %0 = ftof %f : tile<8xf32> -> tile<8xf16>
    %1 = ftof %f rounding<nearest_even> : tile<8xf32> -> tile<8xbf16>
    %2 = ftof %h : tile<8xf16> -> tile<8xf32>
    %3 = ftof %d : tile<8xf64> -> tile<8xf32>
    %4 = ftof %f : tile<8xf32> -> tile<8xtf32>
    %5 = ftof %f : tile<8xf32> -> tile<8xf8E4M3FN>
    %6 = ftof %h : tile<8xf16> -> tile<8xf8E5M2>
    %7 = ftof %f rounding<zero> : tile<8xf32> -> tile<8xf8E8M0FNU>
    %8 = ftof %f rounding<positive_inf> : tile<8xf32> -> tile<8xf8E8M0FNU>
    %9 = ftof %f : tile<8xf32> -> tile<8xf4E2M1FN>
    %10 = ftof %9 : tile<8xf4E2M1FN> -> tile<8xf16>
    return
  }

  // ftoi: rounding<nearest_int_to_zero> is the only (and default) mode;
  // saturating is 13.4.  itof: nearest_even only.
  testing$func @float_int(%f: tile<8xf32>, %h: tile<f16>, %i: tile<8xi32>, %l: tile<i64>, %c: tile<i8>) {
    %0 = ftoi %f signed : tile<8xf32> -> tile<8xi32>
    %1 = ftoi %f unsigned rounding<nearest_int_to_zero> : tile<8xf32> -> tile<8xi16>
    %2 = ftoi %h signed : tile<f16> -> tile<i64>
    %3 = ftoi %f signed saturating : tile<8xf32> -> tile<8xi8>
    %4 = ftoi %f unsigned rounding<nearest_int_to_zero> saturating : tile<8xf32> -> tile<8xi1>
    %5 = itof %i signed : tile<8xi32> -> tile<8xf32>
    %6 = itof %i unsigned rounding<nearest_even> : tile<8xi32> -> tile<8xf16>
    %7 = itof %l signed : tile<i64> -> tile<f64>
    %8 = itof %c unsigned : tile<i8> -> tile<bf16>
    %9 = itof %i signed : tile<8xi32> -> tile<8xf8E4M3FN>
    return
  }

  // Pointers: to and from i64, and between pointee types.
  testing$func @pointers(%p: tile<4xptr<f32>>, %a: tile<4xi64>, %s: tile<ptr<i8>>) {
    %0 = ptr_to_int %p : tile<4xptr<f32>> -> tile<4xi64>
    %1 = int_to_ptr %a : tile<4xi64> -> tile<4x!cuda_tile.ptr<f16>>
    %2 = ptr_to_ptr %p : tile<4xptr<f32>> -> tile<4xptr<i32>>
    %3 = cuda_tile.ptr_to_ptr %s : !cuda_tile.tile<!cuda_tile.ptr<i8>> -> tile<ptr<f8E4M3FN>>
    return
  }

  // pack/unpack: rank-1 tiles of the same byte size and different widths.
  testing$func @packing(%f: tile<8xf32>, %n: tile<16xi4>, %q: tile<8xf4E2M1FN>, %b: tile<16xi1>, %bytes: tile<32xi8>) {
    %0 = pack %f : tile<8xf32> -> tile<32xi8>
    %1 = pack %n : tile<16xi4> -> tile<8xi8>
    %2 = pack %q : tile<8xf4E2M1FN> -> tile<4xi8>
    %3 = pack %b : tile<16xi1> -> tile<2xi8>
    %4 = unpack %bytes : tile<32xi8> -> tile<8xf32>
    %5 = unpack %bytes : tile<32xi8> -> tile<64xi4>
    %6 = cuda_tile.unpack %bytes : tile<32xi8> -> tile<16xbf16>
    return
  }
}
