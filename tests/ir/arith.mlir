// Element-wise arithmetic: float and integer binary/unary ops, comparisons
// and select.  Inputs mix the cuda_tile. prefix, long and short types, and
// explicit default attributes, which the canonical form drops.

cuda_tile.module @arith {
  // Float binary ops with every rounding mode and flush_to_zero.
  testing$func @float_binary(%a: tile<4xf32>, %b: !cuda_tile.tile<4xf32>, %h: tile<2x2xf16>) {
    %add0 = addf %a, %b : tile<4xf32>
    %add1 = cuda_tile.addf %a, %b rounding<nearest_even> : !cuda_tile.tile<4xf32>
    %add2 = addf %a, %b rounding<zero> : tile<4xf32>
    %add3 = addf %a, %b flush_to_zero : tile<4xf32>
    %add4 = addf %a, %b rounding<positive_inf> flush_to_zero : tile<4xf32>
    %add5 = addf %a, %b rounding<nearest_even> flush_to_zero : tile<4xf32>
    %sub0 = subf %a, %b : tile<4xf32>
    %sub1 = subf %a, %b rounding<negative_inf> : tile<4xf32>
    %sub2 = cuda_tile.subf %a, %b flush_to_zero : tile<4xf32>
    %mul0 = mulf %h, %h : tile<2x2xf16>
    %mul1 = mulf %h, %h rounding<zero> : tile<2x2xf16>
    %mul2 = mulf %a, %b rounding<nearest_even> flush_to_zero : tile<4xf32>
    %div0 = divf %a, %b : tile<4xf32>
    %div1 = divf %a, %b rounding<approx> : tile<4xf32>
    %div2 = divf %a, %b rounding<full> flush_to_zero : tile<4xf32>
    %div3 = divf %a, %b rounding<positive_inf> : tile<4xf32>
    %div4 = divf %h, %h rounding<nearest_even> : tile<2x2xf16>
    %fma0 = fma %a, %b, %a : tile<4xf32>
    %fma1 = fma %a, %b, %a rounding<zero> : tile<4xf32>
    %fma2 = cuda_tile.fma %a, %b, %a rounding<negative_inf> flush_to_zero : tile<4xf32>
    %fma3 = fma %h, %h, %h rounding<nearest_even> : tile<2x2xf16>
    %rem = remf %a, %b : tile<4xf32>
    %pow = pow %a, %b : tile<4xf32>
    %at = atan2 %a, %b : tile<4xf32>
    return
  }

  // maxf/minf take their two flags in either order.
  testing$func @float_minmax(%a: tile<8xf32>, %d: tile<f64>) {
    %0 = maxf %a, %a : tile<8xf32>
    %1 = maxf %a, %a flush_to_zero : tile<8xf32>
    %2 = maxf %a, %a propagate_nan : tile<8xf32>
    %3 = maxf %a, %a flush_to_zero propagate_nan : tile<8xf32>
    %4 = maxf %a, %a propagate_nan flush_to_zero : tile<8xf32>
    %5 = minf %d, %d : tile<f64>
    %6 = minf %d, %d propagate_nan : tile<f64>
    %7 = cuda_tile.minf %a, %a propagate_nan flush_to_zero : tile<8xf32>
    return
  }

  // Float unary ops and element types f16, bf16, f32, f64.
  testing$func @float_unary(%h: tile<f16>, %b: tile<2xbf16>, %f: tile<4x4xf32>, %d: tile<2x2xf64>) {
    %0 = negf %h : tile<f16>
    %1 = absf %b : tile<2xbf16>
    %2 = negf %f : !cuda_tile.tile<4x4xf32>
    %3 = absf %d : tile<2x2xf64>
    %4 = addf %b, %b : tile<2xbf16>
    %5 = subf %d, %d rounding<zero> : tile<2x2xf64>
    return
  }

  // Integer ops; overflow<none> is the default and is dropped.
  testing$func @int_binary(%a: tile<4xi32>, %b: tile<4xi32>, %c: tile<i8>, %p: tile<i1>) {
    %add0 = addi %a, %b : tile<4xi32>
    %add1 = addi %a, %b overflow<none> : tile<4xi32>
    %add2 = addi %a, %b overflow<no_signed_wrap> : tile<4xi32>
    %add3 = cuda_tile.addi %a, %b overflow<no_unsigned_wrap> : tile<4xi32>
    %add4 = addi %a, %b overflow<no_wrap> : tile<4xi32>
    %add5 = addi %p, %p : tile<i1>
    %sub0 = subi %c, %c : tile<i8>
    %sub1 = subi %c, %c overflow<no_wrap> : tile<i8>
    %mul0 = muli %a, %b : tile<4xi32>
    %mul1 = muli %a, %b overflow<no_signed_wrap> : tile<4xi32>
    %mulhi = mulhii %a, %b : tile<4xi32>
    %shl0 = shli %a, %b : tile<4xi32>
    %shl1 = shli %a, %b overflow<no_unsigned_wrap> : tile<4xi32>
    %shr0 = shri %a, %b signed : tile<4xi32>
    %shr1 = shri %a, %b unsigned : tile<4xi32>
    %and = andi %a, %b : tile<4xi32>
    %or = ori %p, %p : tile<i1>
    %xor = xori %c, %c : tile<i8>
    %neg0 = negi %a : tile<4xi32>
    %neg1 = negi %a overflow<none> : tile<4xi32>
    %neg2 = negi %c overflow<no_signed_wrap> : tile<i8>
    %abs = absi %c : tile<i8>
    return
  }

  // Division and remainder: signedness is required, rounding<zero> is the
  // default of divi.
  testing$func @int_div(%a: tile<2x2xi64>, %s: tile<i16>) {
    %d0 = divi %a, %a signed : tile<2x2xi64>
    %d1 = divi %a, %a unsigned : tile<2x2xi64>
    %d2 = divi %a, %a signed rounding<zero> : tile<2x2xi64>
    %d3 = divi %a, %a signed rounding<negative_inf> : tile<2x2xi64>
    %d4 = divi %a, %a unsigned rounding<positive_inf> : tile<2x2xi64>
    %r0 = remi %s, %s signed : tile<i16>
    %r1 = remi %s, %s unsigned : tile<i16>
    %m0 = maxi %s, %s signed : tile<i16>
    %m1 = maxi %s, %s unsigned : tile<i16>
    %m2 = mini %a, %a signed : tile<2x2xi64>
    %m3 = mini %a, %a unsigned : tile<2x2xi64>
    return
  }

  // Every comparison predicate; cmpf also takes an ordering.
  testing$func @compare(%x: tile<4xf32>, %i: tile<4xi32>, %h: tile<bf16>) {
    %f0 = cmpf equal ordered %x, %x : tile<4xf32> -> tile<4xi1>
    %f1 = cmpf not_equal unordered %x, %x : tile<4xf32> -> tile<4xi1>
    %f2 = cmpf less_than ordered %x, %x : tile<4xf32> -> tile<4xi1>
    %f3 = cmpf less_than_or_equal unordered %x, %x : tile<4xf32> -> !cuda_tile.tile<4xi1>
    %f4 = cuda_tile.cmpf greater_than ordered %x, %x : !cuda_tile.tile<4xf32> -> tile<4xi1>
    %f5 = cmpf greater_than_or_equal ordered %h, %h : tile<bf16> -> tile<i1>
    %i0 = cmpi equal %i, %i, signed : tile<4xi32> -> tile<4xi1>
    %i1 = cmpi not_equal %i, %i, unsigned : tile<4xi32> -> tile<4xi1>
    %i2 = cmpi less_than %i, %i, signed : tile<4xi32> -> tile<4xi1>
    %i3 = cmpi less_than_or_equal %i, %i, unsigned : tile<4xi32> -> tile<4xi1>
    %i4 = cmpi greater_than %i, %i, signed : tile<4xi32> -> tile<4xi1>
    %i5 = cuda_tile.cmpi greater_than_or_equal %i, %i, unsigned : tile<4xi32> -> tile<4xi1>
    %s0 = select %f0, %x, %x : tile<4xi1>, tile<4xf32>
    %s1 = select %i5, %i, %i : !cuda_tile.tile<4xi1>, !cuda_tile.tile<4xi32>
    return
  }

  // The same ops in an entry, on constants.
  entry @scalars() {
    %one = constant <f32: 1.0> : tile<f32>
    %two = constant <i32: 2> : tile<i32>
    %sum = addf %one, %one : tile<f32>
    %prod = muli %two, %two overflow<no_wrap> : tile<i32>
    %lt = cmpi less_than %two, %prod, signed : tile<i32> -> tile<i1>
    %pick = select %lt, %sum, %one : tile<i1>, tile<f32>
  }
}
