// Invalid arithmetic, math, comparison, conversion, constant and assume ops:
// each case breaks one rule of src/ir/ir_verify_arith.c.

// addf: flush_to_zero needs f32
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf16>) {
    // expected-error @below {{flush_to_zero is only supported for f32, got 'f16'}}
    %r = addf %a, %a flush_to_zero : tile<4xf16>
  }
}

// -----

// addf: approx is not an IEEE rounding
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{rounding mode 'approx' is not supported here, expected one of [nearest_even, zero, negative_inf, positive_inf]}}
    %r = addf %a, %a rounding<approx> : tile<4xf32>
  }
}

// -----

// subf: full is not an IEEE rounding
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{rounding mode 'full' is not supported here}}
    %r = subf %a, %a rounding<full> : tile<4xf32>
  }
}

// -----

// subf: nearest_int_to_zero is for ftoi only
cuda_tile.module @m {
  testing$func @f(%a: tile<2x2xf64>) {
    // expected-error @below {{rounding mode 'nearest_int_to_zero' is not supported here}}
    %r = subf %a, %a rounding<nearest_int_to_zero> : tile<2x2xf64>
  }
}

// -----

// mulf: flush_to_zero on bf16
cuda_tile.module @m {
  testing$func @f(%a: tile<8xbf16>) {
    // expected-error @below {{flush_to_zero is only supported for f32, got 'bf16'}}
    %r = mulf %a, %a rounding<zero> flush_to_zero : tile<8xbf16>
  }
}

// -----

// fma: approx is not an IEEE rounding
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{rounding mode 'approx' is not supported here}}
    %r = fma %a, %a, %a rounding<approx> : tile<4xf32>
  }
}

// -----

// fma: flush_to_zero on f64
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf64>) {
    // expected-error @below {{flush_to_zero is only supported for f32, got 'f64'}}
    %r = fma %a, %a, %a flush_to_zero : tile<4xf64>
  }
}

// -----

// divf: nearest_int_to_zero is not a divf rounding
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{expected one of [nearest_even, zero, negative_inf, positive_inf, approx, full]}}
    %r = divf %a, %a rounding<nearest_int_to_zero> : tile<4xf32>
  }
}

// -----

// divf: approx only on f32
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf16>) {
    // expected-error @below {{rounding<approx> is only supported for f32, got 'f16'}}
    %r = divf %a, %a rounding<approx> : tile<4xf16>
  }
}

// -----

// divf: full only on f32
cuda_tile.module @m {
  testing$func @f(%a: tile<4xbf16>) {
    // expected-error @below {{rounding<full> is only supported for f32, got 'bf16'}}
    %r = divf %a, %a rounding<full> : tile<4xbf16>
  }
}

// -----

// divf: flush_to_zero on f64
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf64>) {
    // expected-error @below {{flush_to_zero is only supported for f32, got 'f64'}}
    %r = divf %a, %a flush_to_zero : tile<4xf64>
  }
}

// -----

// sqrt: full is not a sqrt rounding
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{expected one of [nearest_even, zero, negative_inf, positive_inf, approx]}}
    %r = sqrt %a rounding<full> : tile<4xf32>
  }
}

// -----

// sqrt: approx only on f32
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf64>) {
    // expected-error @below {{rounding<approx> is only supported for f32, got 'f64'}}
    %r = sqrt %a rounding<approx> : tile<4xf64>
  }
}

// -----

// sqrt: flush_to_zero on f16
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf16>) {
    // expected-error @below {{flush_to_zero is only supported for f32, got 'f16'}}
    %r = sqrt %a flush_to_zero : tile<4xf16>
  }
}

// -----

// exp: only approx or full
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{rounding mode 'nearest_even' is not supported here, expected one of [approx, full]}}
    %r = exp %a rounding<nearest_even> : tile<4xf32>
  }
}

// -----

// exp: approx only on f32
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf16>) {
    // expected-error @below {{rounding<approx> is only supported for f32, got 'f16'}}
    %r = exp %a rounding<approx> : tile<4xf16>
  }
}

// -----

// tanh: only approx or full
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{expected one of [approx, full]}}
    %r = tanh %a rounding<zero> : tile<4xf32>
  }
}

// -----

// tanh: approx only on f32
cuda_tile.module @m {
  testing$func @f(%a: tile<4xbf16>) {
    // expected-error @below {{rounding<approx> is only supported for f32, got 'bf16'}}
    %r = tanh %a rounding<approx> : tile<4xbf16>
  }
}

// -----

// exp2: flush_to_zero on f16
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf16>) {
    // expected-error @below {{flush_to_zero is only supported for f32, got 'f16'}}
    %r = exp2 %a flush_to_zero : tile<4xf16>
  }
}

// -----

// rsqrt: flush_to_zero on f64
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf64>) {
    // expected-error @below {{flush_to_zero is only supported for f32, got 'f64'}}
    %r = rsqrt %a flush_to_zero : tile<4xf64>
  }
}

// -----

// maxf: flush_to_zero on f16
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf16>) {
    // expected-error @below {{flush_to_zero is only supported for f32, got 'f16'}}
    %r = maxf %a, %a flush_to_zero : tile<4xf16>
  }
}

// -----

// minf: flush_to_zero on bf16, with propagate_nan
cuda_tile.module @m {
  testing$func @f(%a: tile<4xbf16>) {
    // expected-error @below {{flush_to_zero is only supported for f32, got 'bf16'}}
    %r = minf %a, %a propagate_nan flush_to_zero : tile<4xbf16>
  }
}

// -----

// divi: flooring an unsigned division
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{rounding mode 'negative_inf' is not allowed with 'unsigned'}}
    %r = divi %a, %a unsigned rounding<negative_inf> : tile<4xi32>
  }
}

// -----

// divi: nearest_even is not an integer division
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{expected one of [zero, negative_inf, positive_inf]}}
    %r = divi %a, %a signed rounding<nearest_even> : tile<4xi32>
  }
}

// -----

// divi: approx
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi8>) {
    // expected-error @below {{rounding mode 'approx' is not supported here}}
    %r = divi %a, %a signed rounding<approx> : tile<4xi8>
  }
}

// -----

// negi: no_unsigned_wrap
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi16>) {
    // expected-error @below {{overflow flag 'no_unsigned_wrap' is not supported}}
    %r = negi %a overflow<no_unsigned_wrap> : tile<4xi16>
  }
}

// -----

// maxi (generic form) without signedness
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{requires the 'signedness' attribute}}
    %r = "cuda_tile.maxi"(%a, %a) : (!cuda_tile.tile<4xi32>, !cuda_tile.tile<4xi32>) -> !cuda_tile.tile<4xi32>
  }
}

// -----

// remi (generic form) without signedness
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi64>) {
    // expected-error @below {{requires the 'signedness' attribute}}
    %r = "cuda_tile.remi"(%a, %a) : (!cuda_tile.tile<4xi64>, !cuda_tile.tile<4xi64>) -> !cuda_tile.tile<4xi64>
  }
}

// -----

// divi (generic form) without signedness
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{requires the 'signedness' attribute}}
    %r = "cuda_tile.divi"(%a, %a) : (!cuda_tile.tile<4xi32>, !cuda_tile.tile<4xi32>) -> !cuda_tile.tile<4xi32>
  }
}

// -----

// cmpf: integer operands
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{operand #0 must be a tile of f16, bf16, f32 or f64, got tile<4xi32>}}
    %r = cmpf less_than ordered %a, %a : tile<4xi32> -> tile<4xi1>
  }
}

// -----

// cmpf: f8 operands are not comparable
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf8E4M3FN>) {
    // expected-error @below {{operand #0 must be a tile of f16, bf16, f32 or f64}}
    %r = cmpf equal ordered %a, %a : tile<4xf8E4M3FN> -> tile<4xi1>
  }
}

// -----

// cmpf: second operand of another type
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>, %b: tile<4xf16>) {
    // expected-error @below {{operands must have the same type, got tile<4xf32> and tile<4xf16>}}
    %r = cmpf equal unordered %a, %b : tile<4xf32> -> tile<4xi1>
  }
}

// -----

// cmpf: result not i1
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{result must be a tile of i1 with the operands' shape, got tile<4xi8>}}
    %r = cmpf equal ordered %a, %a : tile<4xf32> -> tile<4xi8>
  }
}

// -----

// cmpf: result of another shape
cuda_tile.module @m {
  testing$func @f(%a: tile<4x2xf32>) {
    // expected-error @below {{result must be a tile of i1 with the operands' shape, got tile<8xi1>}}
    %r = cmpf not_equal ordered %a, %a : tile<4x2xf32> -> tile<8xi1>
  }
}

// -----

// cmpi: float operands
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{operand #0 must be a tile of i1, i8, i16, i32 or i64, got tile<4xf32>}}
    %r = cmpi equal %a, %a, signed : tile<4xf32> -> tile<4xi1>
  }
}

// -----

// cmpi: second operand of another type
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>, %b: tile<4xi64>) {
    // expected-error @below {{operands must have the same type, got tile<4xi32> and tile<4xi64>}}
    %r = cmpi less_than %a, %b, unsigned : tile<4xi32> -> tile<4xi1>
  }
}

// -----

// cmpi: 0-d result for 1-d operands
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{result must be a tile of i1 with the operands' shape, got tile<i1>}}
    %r = cmpi greater_than %a, %a, signed : tile<4xi32> -> tile<i1>
  }
}

// -----

// cmpi: result of the operands' type
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{result must be a tile of i1 with the operands' shape}}
    %r = cmpi greater_than_or_equal %a, %a, signed : tile<4xi32> -> tile<4xi32>
  }
}

// -----

// cmpf (generic form) without ordering
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{requires the 'comparison_ordering' attribute}}
    %r = "cuda_tile.cmpf"(%a, %a) {comparison_predicate = #cuda_tile.comparison_predicate<equal>} : (!cuda_tile.tile<4xf32>, !cuda_tile.tile<4xf32>) -> !cuda_tile.tile<4xi1>
  }
}

// -----

// cmpi (generic form) without predicate
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{requires the 'comparison_predicate' attribute}}
    %r = "cuda_tile.cmpi"(%a, %a) {signedness = #cuda_tile.signedness<signed>} : (!cuda_tile.tile<4xi32>, !cuda_tile.tile<4xi32>) -> !cuda_tile.tile<4xi1>
  }
}

// -----

// cmpi (generic form) without signedness
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{requires the 'signedness' attribute}}
    %r = "cuda_tile.cmpi"(%a, %a) {comparison_predicate = #cuda_tile.comparison_predicate<equal>} : (!cuda_tile.tile<4xi32>, !cuda_tile.tile<4xi32>) -> !cuda_tile.tile<4xi1>
  }
}

// -----

// select: i32 condition
cuda_tile.module @m {
  testing$func @f(%c: tile<4xi32>, %a: tile<4xf32>) {
    // expected-error @below {{condition must be a tile of i1, got tile<4xi32>}}
    %r = select %c, %a, %a : tile<4xi32>, tile<4xf32>
  }
}

// -----

// select: condition of another shape
cuda_tile.module @m {
  testing$func @f(%c: tile<2x4xi1>, %a: tile<4xf32>) {
    // expected-error @below {{condition and values must have the same shape}}
    %r = select %c, %a, %a : tile<2x4xi1>, tile<4xf32>
  }
}

// -----

// select: true value of another type
cuda_tile.module @m {
  testing$func @f(%c: tile<4xi1>, %a: tile<4xf32>, %b: tile<4xf16>) {
    // expected-error @below {{operand #1 must have the result type tile<4xf32>, got tile<4xf16>}}
    %r = select %c, %b, %a : tile<4xi1>, tile<4xf32>
  }
}

// -----

// select: false value of another shape
cuda_tile.module @m {
  testing$func @f(%c: tile<4xi1>, %a: tile<4xi8>, %b: tile<8xi8>) {
    // expected-error @below {{operand #2 must have the result type tile<4xi8>, got tile<8xi8>}}
    %r = select %c, %a, %b : tile<4xi1>, tile<4xi8>
  }
}

// -----

// select: f4 values
cuda_tile.module @m {
  testing$func @f(%c: tile<4xi1>, %a: tile<4xf4E2M1FN>) {
    // expected-error @below {{cannot select values of the sub-byte type f4E2M1FN}}
    %r = select %c, %a, %a : tile<4xi1>, tile<4xf4E2M1FN>
  }
}

// -----

// bitcast: widths differ
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{element types must have the same width, got i32 (32 bits) and f16 (16 bits)}}
    %r = bitcast %a : tile<4xi32> -> tile<4xf16>
  }
}

// -----

// bitcast: tf32 is 19 bits wide
cuda_tile.module @m {
  testing$func @f(%a: tile<4xtf32>) {
    // expected-error @below {{got tf32 (19 bits) and f32 (32 bits)}}
    %r = bitcast %a : tile<4xtf32> -> tile<4xf32>
  }
}

// -----

// bitcast: shapes differ
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{operand and result must have the same shape, got tile<4xi32> and tile<2x2xf32>}}
    %r = bitcast %a : tile<4xi32> -> tile<2x2xf32>
  }
}

// -----

// bitcast: pointers go through ptr_to_int
cuda_tile.module @m {
  testing$func @f(%a: tile<4xptr<f32>>) {
    // expected-error @below {{cannot cast pointers (tile<4xptr<f32>> -> tile<4xi64>); use ptr_to_int}}
    %r = bitcast %a : tile<4xptr<f32>> -> tile<4xi64>
  }
}

// -----

// bitcast: i4 result
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf4E2M1FN>) {
    // expected-error @below {{result must be a tile of integers (not i4) or floats, got tile<4xi4>}}
    %r = bitcast %a : tile<4xf4E2M1FN> -> tile<4xi4>
  }
}

// -----

// exti: same width
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi16>) {
    // expected-error @below {{must extend to a wider integer, got tile<4xi16> -> tile<4xi16>}}
    %r = exti %a signed : tile<4xi16> -> tile<4xi16>
  }
}

// -----

// exti: narrower
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{must extend to a wider integer}}
    %r = exti %a unsigned : tile<4xi32> -> tile<4xi8>
  }
}

// -----

// exti: shapes differ
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi8>) {
    // expected-error @below {{operand and result must have the same shape, got tile<4xi8> and tile<8xi32>}}
    %r = exti %a signed : tile<4xi8> -> tile<8xi32>
  }
}

// -----

// exti: float operand
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf16>) {
    // expected-error @below {{operand must be a tile of i1, i4, i8, i16, i32 or i64, got tile<4xf16>}}
    %r = exti %a signed : tile<4xf16> -> tile<4xi32>
  }
}

// -----

// exti (generic form) without signedness
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi8>) {
    // expected-error @below {{requires the 'signedness' attribute}}
    %r = "cuda_tile.exti"(%a) : (!cuda_tile.tile<4xi8>) -> !cuda_tile.tile<4xi32>
  }
}

// -----

// trunci: wider
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi8>) {
    // expected-error @below {{must truncate to a narrower integer, got tile<4xi8> -> tile<4xi16>}}
    %r = trunci %a : tile<4xi8> -> tile<4xi16>
  }
}

// -----

// trunci: same width
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi4>) {
    // expected-error @below {{must truncate to a narrower integer}}
    %r = trunci %a : tile<4xi4> -> tile<4xi4>
  }
}

// -----

// trunci: shapes differ
cuda_tile.module @m {
  testing$func @f(%a: tile<2x2xi64>) {
    // expected-error @below {{operand and result must have the same shape}}
    %r = trunci %a overflow<no_wrap> : tile<2x2xi64> -> tile<4xi32>
  }
}

// -----

// trunci: float result
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{result must be a tile of i1, i4, i8, i16, i32 or i64, got tile<4xf16>}}
    %r = trunci %a : tile<4xi32> -> tile<4xf16>
  }
}

// -----

// ftof: to itself
cuda_tile.module @m {
  testing$func @f(%a: tile<4xbf16>) {
    // expected-error @below {{converts tile<4xbf16> to itself}}
    %r = ftof %a : tile<4xbf16> -> tile<4xbf16>
  }
}

// -----

// ftof: shapes differ
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{operand and result must have the same shape}}
    %r = ftof %a : tile<4xf32> -> tile<2xf16>
  }
}

// -----

// ftof: integer result
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{result must be a tile of floats, got tile<4xi32>}}
    %r = ftof %a : tile<4xf32> -> tile<4xi32>
  }
}

// -----

// ftof: only nearest_even between ordinary floats
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{rounding mode 'zero' is not supported here, expected one of [nearest_even]}}
    %r = ftof %a rounding<zero> : tile<4xf32> -> tile<4xf16>
  }
}

// -----

// ftof: to f8E8M0FNU needs zero or positive_inf
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{rounding mode 'nearest_even' is not supported here, expected one of [zero, positive_inf]}}
    %r = ftof %a : tile<4xf32> -> tile<4xf8E8M0FNU>
  }
}

// -----

// ftof: to f8E8M0FNU with negative_inf
cuda_tile.module @m {
  testing$func @f(%a: tile<4xbf16>) {
    // expected-error @below {{expected one of [zero, positive_inf]}}
    %r = ftof %a rounding<negative_inf> : tile<4xbf16> -> tile<4xf8E8M0FNU>
  }
}

// -----

// ftoi: integer operand
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi16>) {
    // expected-error @below {{operand must be a tile of floats, got tile<4xi16>}}
    %r = ftoi %a signed : tile<4xi16> -> tile<4xi32>
  }
}

// -----

// ftoi: i4 result
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{result must be a tile of i1, i8, i16, i32 or i64, got tile<4xi4>}}
    %r = ftoi %a signed : tile<4xf32> -> tile<4xi4>
  }
}

// -----

// ftoi: shapes differ
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{operand and result must have the same shape}}
    %r = ftoi %a unsigned : tile<4xf32> -> tile<i32>
  }
}

// -----

// ftoi: only nearest_int_to_zero
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{expected one of [nearest_int_to_zero]}}
    %r = ftoi %a signed rounding<nearest_even> : tile<4xf32> -> tile<4xi32>
  }
}

// -----

// itof: i4 operand
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi4>) {
    // expected-error @below {{operand must be a tile of i1, i8, i16, i32 or i64, got tile<4xi4>}}
    %r = itof %a signed : tile<4xi4> -> tile<4xf32>
  }
}

// -----

// itof: integer result
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{result must be a tile of floats, got tile<4xi64>}}
    %r = itof %a signed : tile<4xi32> -> tile<4xi64>
  }
}

// -----

// itof: shapes differ
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{operand and result must have the same shape}}
    %r = itof %a unsigned : tile<4xi32> -> tile<4x1xf32>
  }
}

// -----

// itof: to f8E8M0FNU
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{cannot convert integers to f8E8M0FNU}}
    %r = itof %a unsigned : tile<4xi32> -> tile<4xf8E8M0FNU>
  }
}

// -----

// itof: only nearest_even
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{rounding mode 'positive_inf' is not supported here, expected one of [nearest_even]}}
    %r = itof %a signed rounding<positive_inf> : tile<4xi32> -> tile<4xf32>
  }
}

// -----

// int_to_ptr: i32 operand
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{operand must be a tile of i64, got tile<4xi32>}}
    %r = int_to_ptr %a : tile<4xi32> -> tile<4xptr<f32>>
  }
}

// -----

// int_to_ptr: integer result
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi64>) {
    // expected-error @below {{result must be a tile of pointers, got tile<4xi64>}}
    %r = int_to_ptr %a : tile<4xi64> -> tile<4xi64>
  }
}

// -----

// int_to_ptr: shapes differ
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi64>) {
    // expected-error @below {{operand and result must have the same shape}}
    %r = int_to_ptr %a : tile<4xi64> -> tile<ptr<f32>>
  }
}

// -----

// ptr_to_int: i32 result
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f16>>) {
    // expected-error @below {{result must be a tile of i64, got tile<4xi32>}}
    %r = ptr_to_int %p : tile<4xptr<f16>> -> tile<4xi32>
  }
}

// -----

// ptr_to_int: integer operand
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi64>) {
    // expected-error @below {{operand must be a tile of pointers, got tile<4xi64>}}
    %r = ptr_to_int %a : tile<4xi64> -> tile<4xi64>
  }
}

// -----

// ptr_to_ptr: integer result
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f16>>) {
    // expected-error @below {{result must be a tile of pointers}}
    %r = ptr_to_ptr %p : tile<4xptr<f16>> -> tile<4xi64>
  }
}

// -----

// ptr_to_ptr: shapes differ
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f16>>) {
    // expected-error @below {{operand and result must have the same shape}}
    %r = ptr_to_ptr %p : tile<4xptr<f16>> -> tile<8xptr<f32>>
  }
}

// -----

// offset: base not pointers
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi64>) {
    // expected-error @below {{operand #0 must be a tile of pointers, got tile<4xi64>}}
    %r = offset %a, %a : tile<4xi64>, tile<4xi64> -> tile<4xi64>
  }
}

// -----

// offset: float offsets
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %o: tile<4xf32>) {
    // expected-error @below {{operand #1 must be a tile of i1, i8, i16, i32 or i64, got tile<4xf32>}}
    %r = offset %p, %o : tile<4xptr<f32>>, tile<4xf32> -> tile<4xptr<f32>>
  }
}

// -----

// offset: shapes differ
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %o: tile<i32>) {
    // expected-error @below {{pointers and offsets must have the same shape}}
    %r = offset %p, %o : tile<4xptr<f32>>, tile<i32> -> tile<4xptr<f32>>
  }
}

// -----

// offset: result of another pointee
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %o: tile<4xi32>) {
    // expected-error @below {{result type tile<4xptr<f16>> must be the pointer type tile<4xptr<f32>>}}
    %r = offset %p, %o : tile<4xptr<f32>>, tile<4xi32> -> tile<4xptr<f16>>
  }
}

// -----

// iota: 2-d
cuda_tile.module @m {
  testing$func @f() {
    // expected-error @below {{result must be a 1-d tile, got tile<4x4xi32>}}
    %r = iota : tile<4x4xi32>
  }
}

// -----

// iota: 0-d
cuda_tile.module @m {
  testing$func @f() {
    // expected-error @below {{result must be a 1-d tile, got tile<i32>}}
    %r = iota : tile<i32>
  }
}

// -----

// iota: 512 values do not fit i8
cuda_tile.module @m {
  testing$func @f() {
    // expected-error @below {{512 elements do not fit the values of i8}}
    %r = iota : tile<512xi8>
  }
}

// -----

// iota: 4 values do not fit i1
cuda_tile.module @m {
  testing$func @f() {
    // expected-error @below {{4 elements do not fit the values of i1}}
    %r = iota : tile<4xi1>
  }
}

// -----

// iota: float result
cuda_tile.module @m {
  testing$func @f() {
    // expected-error @below {{result must be a tile of i1, i8, i16, i32 or i64, got tile<8xf32>}}
    %r = iota : tile<8xf32>
  }
}

// -----

// constant: i4 tiles cannot be constants
cuda_tile.module @m {
  testing$func @f() {
    // expected-error @below {{result must be a tile of integers (not i4) or floats, got tile<4xi4>}}
    %r = constant <i4: 3> : tile<4xi4>
  }
}

// -----

// fpowi: integer base
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{operand #0 must be a tile of f16, bf16, f32 or f64, got tile<4xi32>}}
    %r = fpowi %a, %a : tile<4xi32>, tile<4xi32> -> tile<4xi32>
  }
}

// -----

// fpowi: i64 exponent
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>, %n: tile<4xi64>) {
    // expected-error @below {{operand #1 must be a tile of i1, i8, i16 or i32, got tile<4xi64>}}
    %r = fpowi %a, %n : tile<4xf32>, tile<4xi64> -> tile<4xf32>
  }
}

// -----

// fpowi: float exponent
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{operand #1 must be a tile of i1, i8, i16 or i32}}
    %r = fpowi %a, %a : tile<4xf32>, tile<4xf32> -> tile<4xf32>
  }
}

// -----

// fpowi: shapes differ
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf16>, %n: tile<2xi32>) {
    // expected-error @below {{base and exponent must have the same shape}}
    %r = fpowi %a, %n : tile<4xf16>, tile<2xi32> -> tile<4xf16>
  }
}

// -----

// fpowi: result of another type
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf16>, %n: tile<4xi8>) {
    // expected-error @below {{result type tile<4xf32> must be the base type tile<4xf16>}}
    %r = fpowi %a, %n : tile<4xf16>, tile<4xi8> -> tile<4xf32>
  }
}

// -----

// div_by: not a power of two
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{divisor 12 must be a power of 2}}
    %r = assume div_by<12>, %a : tile<4xi32>
  }
}

// -----

// div_by: zero
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{divisor 0 must be a power of 2}}
    %r = assume div_by<0>, %a : tile<4xi32>
  }
}

// -----

// div_by: 2^63 is too large
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi64>) {
    // expected-error @below {{is too large (at most 2^62)}}
    %r = assume div_by<0x8000000000000000>, %a : tile<4xi64>
  }
}

// -----

// div_by: floats
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{div_by applies only to tiles of integers or pointers and to tensor_views, got tile<4xf32>}}
    %r = assume div_by<4>, %a : tile<4xf32>
  }
}

// -----

// div_by: every/along on a tensor_view
cuda_tile.module @m {
  testing$func @f(%t: tensor_view<64x64xf32, strides=[64,1]>) {
    // expected-error @below {{'every'/'along' cannot be used on a tensor_view}}
    %r = assume div_by<16, every 4 along 0>, %t : tensor_view<64x64xf32, strides=[64,1]>
  }
}

// -----

// div_by: every/along on a 0-d tile
cuda_tile.module @m {
  testing$func @f(%p: tile<ptr<f32>>) {
    // expected-error @below {{'every'/'along' cannot be used on a 0-d tile}}
    %r = assume div_by<16, every 1 along 0>, %p : tile<ptr<f32>>
  }
}

// -----

// div_by: along past the rank
cuda_tile.module @m {
  testing$func @f(%a: tile<4x8xi32>) {
    // expected-error @below {{'along' (2) must be a dimension of the rank-2 tile}}
    %r = assume div_by<4, every 2 along 2>, %a : tile<4x8xi32>
  }
}

// -----

// div_by: every past the dimension
cuda_tile.module @m {
  testing$func @f(%a: tile<4x8xi32>) {
    // expected-error @below {{'every' (16) must be within 0 and the dimension's size (8)}}
    %r = assume div_by<4, every 16 along 1>, %a : tile<4x8xi32>
  }
}

// -----

// same_elements: floats
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf16>) {
    // expected-error @below {{same_elements applies only to tiles of integers or pointers, got tile<8xf16>}}
    %r = assume same_elements<[4]>, %a : tile<8xf16>
  }
}

// -----

// same_elements: one value per dimension
cuda_tile.module @m {
  testing$func @f(%a: tile<8x8xi32>) {
    // expected-error @below {{same_elements has 1 values for a rank-2 tile}}
    %r = assume same_elements<[4]>, %a : tile<8x8xi32>
  }
}

// -----

// same_elements: past the dimension
cuda_tile.module @m {
  testing$func @f(%a: tile<8x8xi32>) {
    // expected-error @below {{same_elements value 1 (16) must be within 0 and the dimension's size (8)}}
    %r = assume same_elements<[4, 16]>, %a : tile<8x8xi32>
  }
}

// -----

// bounded: floats
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{bounded applies only to tiles of integers, got tile<4xf32>}}
    %r = assume bounded<0, 1>, %a : tile<4xf32>
  }
}

// -----

// bounded: pointers
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>) {
    // expected-error @below {{bounded applies only to tiles of integers}}
    %r = assume bounded<0, ?>, %p : tile<4xptr<f32>>
  }
}

// -----

// bounded: lower bound below i8
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi8>) {
    // expected-error @below {{lower bound -200 must be within [-128, 127]}}
    %r = assume bounded<-200, ?>, %a : tile<4xi8>
  }
}

// -----

// bounded: upper bound above i16
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi16>) {
    // expected-error @below {{upper bound 40000 must be within [-32768, 32767]}}
    %r = assume bounded<0, 40000>, %a : tile<4xi16>
  }
}

// -----

// bounded: i1 reads as signed
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi1>) {
    // expected-error @below {{upper bound 1 must be within [-1, 0]}}
    %r = assume bounded<0, 1>, %a : tile<4xi1>
  }
}

// -----

// assume (generic form) without a predicate
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{requires a predicate}}
    %r = "cuda_tile.assume"(%a) : (!cuda_tile.tile<4xi32>) -> !cuda_tile.tile<4xi32>
  }
}

// -----

// assume (generic form): result type differs
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{result type tile<4xi64> must be the operand type tile<4xi32>}}
    %r = "cuda_tile.assume"(%a) <{predicate = #cuda_tile.div_by<4>}> : (!cuda_tile.tile<4xi32>) -> !cuda_tile.tile<4xi64>
  }
}

// -----

// bitcast: i4 operand
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi4>) {
    // expected-error @below {{operand must be a tile of integers (not i4) or floats, got tile<4xi4>}}
    %r = bitcast %a : tile<4xi4> -> tile<4xf4E2M1FN>
  }
}

// -----

// bounded: empty range
cuda_tile.module @m {
  testing$func @f(%a: tile<4xi32>) {
    // expected-error @below {{lower bound 10 is greater than upper bound 5}}
    %r = assume bounded<10, 5>, %a : tile<4xi32>
  }
}
