/*
** ir_verify_arith.c -- unit tests of the arithmetic, math, comparison,
** conversion, constant and assume rules (src/ir/ir_verify_arith.c).
** Each case is one op line placed in a function whose arguments cover the
** usual types; valid lines must verify, invalid ones must fail once, at
** their own line, with the message given.
*/
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "testlib.h"

/* The function the lines go in; the op is on line 4. */
static void wrap(char *buf, size_t n, const char *line) {
  snprintf(buf, n,
           "cuda_tile.module @m {\n"
           "  testing$func @f(%%f: tile<4xf32>, %%h: tile<4xf16>, %%d: tile<4xf64>,\n"
           "      %%i: tile<4xi32>, %%l: tile<4xi64>, %%c: tile<4xi1>, %%p: tile<4xptr<f32>>, %%t: tensor_view<64x64xf32, strides=[64,1]>) {\n"
           "    %s\n"
           "  }\n"
           "}\n",
           line);
}

/* One line per op family, each using the modifiers it allows. */
static const char *const valid[] = {
  /* float arithmetic: IEEE roundings, ftz on f32 */
  "%r = addf %f, %f rounding<negative_inf> flush_to_zero : tile<4xf32>",
  "%r = subf %d, %d rounding<positive_inf> : tile<4xf64>",
  "%r = mulf %h, %h rounding<zero> : tile<4xf16>",
  "%r = fma %f, %f, %f rounding<zero> flush_to_zero : tile<4xf32>",
  "%r = divf %f, %f rounding<approx> flush_to_zero : tile<4xf32>",
  "%r = divf %f, %f rounding<full> : tile<4xf32>",
  "%r = divf %h, %h rounding<zero> : tile<4xf16>",
  "%r = sqrt %f rounding<approx> flush_to_zero : tile<4xf32>",
  "%r = sqrt %d rounding<negative_inf> : tile<4xf64>",
  /* math: exp/tanh default to full on any float, approx on f32 */
  "%r = exp %h : tile<4xf16>",
  "%r = exp %f rounding<approx> : tile<4xf32>",
  "%r = tanh %d rounding<full> : tile<4xf64>",
  "%r = tanh %f rounding<approx> : tile<4xf32>",
  "%r = exp2 %f flush_to_zero : tile<4xf32>",
  "%r = rsqrt %f flush_to_zero : tile<4xf32>",
  "%r = maxf %f, %f flush_to_zero propagate_nan : tile<4xf32>",
  "%r = minf %h, %h propagate_nan : tile<4xf16>",
  "%r = absf %d : tile<4xf64>",
  "%r = atan2 %f, %f : tile<4xf32>",
  "%r = pow %h, %h : tile<4xf16>",
  "%r = remf %f, %f : tile<4xf32>",
  "%r = negf %f : tile<4xf32>",
  "%r = fpowi %f, %i : tile<4xf32>, tile<4xi32> -> tile<4xf32>",
  "%r = fpowi %h, %c : tile<4xf16>, tile<4xi1> -> tile<4xf16>",
  /* integer */
  "%r = addi %i, %i overflow<no_wrap> : tile<4xi32>",
  "%r = divi %i, %i signed rounding<negative_inf> : tile<4xi32>",
  "%r = divi %l, %l unsigned rounding<positive_inf> : tile<4xi64>",
  "%r = divi %c, %c unsigned : tile<4xi1>",
  "%r = negi %i overflow<no_signed_wrap> : tile<4xi32>",
  "%r = maxi %i, %i unsigned : tile<4xi32>",
  "%r = remi %l, %l signed : tile<4xi64>",
  "%r = shri %i, %i unsigned : tile<4xi32>",
  "%r = mulhii %i, %i : tile<4xi32>",
  /* comparisons and select */
  "%r = cmpf less_than unordered %h, %h : tile<4xf16> -> tile<4xi1>",
  "%r = cmpi equal %c, %c, unsigned : tile<4xi1> -> tile<4xi1>",
  "%r = select %c, %p, %p : tile<4xi1>, tile<4xptr<f32>>",
  "%r = select %c, %f, %f : tile<4xi1>, tile<4xf32>",
  /* conversions */
  "%r = bitcast %i : tile<4xi32> -> tile<4xf32>",
  "%r = bitcast %h : tile<4xf16> -> tile<4xf16>",
  "%r = exti %c unsigned : tile<4xi1> -> tile<4xi4>",
  "%r = trunci %l overflow<no_wrap> : tile<4xi64> -> tile<4xi4>",
  "%r = ftof %f : tile<4xf32> -> tile<4xf8E4M3FN>",
  "%r = ftof %f rounding<positive_inf> : tile<4xf32> -> tile<4xf8E8M0FNU>",
  "%r = ftoi %h unsigned rounding<nearest_int_to_zero> : tile<4xf16> -> tile<4xi64>",
  "%r = itof %c signed : tile<4xi1> -> tile<4xbf16>",
  "%r = int_to_ptr %l : tile<4xi64> -> tile<4xptr<f16>>",
  "%r = ptr_to_int %p : tile<4xptr<f32>> -> tile<4xi64>",
  "%r = ptr_to_ptr %p : tile<4xptr<f32>> -> tile<4xptr<i8>>",
  "%r = offset %p, %c : tile<4xptr<f32>>, tile<4xi1> -> tile<4xptr<f32>>",
  /* iota and constants: 2^w values fit w bits */
  "%r = iota : tile<256xi8>",
  "%r = iota : tile<2xi1>",
  "%r = iota : tile<16777216xi64>",
  "%r = constant <f8E5M2: 1.0> : tile<2x2xf8E5M2>",
  "%r = constant <i1: [true, false, true, false]> : tile<4xi1>",
  /* assume */
  "%r = assume div_by<4611686018427387904>, %l : tile<4xi64>",
  "%r = assume div_by<16, every 4 along 0>, %p : tile<4xptr<f32>>",
  "%r = assume div_by<16>, %t : tensor_view<64x64xf32, strides=[64,1]>",
  "%r = assume same_elements<[4]>, %i : tile<4xi32>",
  "%r = assume same_elements<[0]>, %p : tile<4xptr<f32>>",
  "%r = assume bounded<-1, 0>, %c : tile<4xi1>",
  "%r = assume bounded<?, 7>, %i : tile<4xi32>",
  "%r = assume bounded<-9223372036854775808, 9223372036854775807>, %l : tile<4xi64>",
};

START_TEST(valid_forms) {
  char text[2048];
  struct tt_diags d;
  wrap(text, sizeof text, valid[_i]);
  tt_diags_init(&d);
  unsigned n = tt_verify(text, &d);
  ck_assert_msg(n == 0, "%s: %u errors:\n%s", valid[_i], n, d.text);
}
END_TEST

struct bad { const char *line, *want; };

/* One rule broken per line; want is a substring of the one message. */
static const struct bad invalid[] = {
  { "%r = addf %h, %h flush_to_zero : tile<4xf16>",
    "'addf' op flush_to_zero is only supported for f32, got 'f16'" },
  { "%r = mulf %f, %f rounding<full> : tile<4xf32>",
    "'mulf' op rounding mode 'full' is not supported here, expected one of "
    "[nearest_even, zero, negative_inf, positive_inf]" },
  { "%r = divf %d, %d rounding<approx> : tile<4xf64>",
    "'divf' op rounding<approx> is only supported for f32, got 'f64'" },
  { "%r = sqrt %f rounding<full> : tile<4xf32>",
    "expected one of [nearest_even, zero, negative_inf, positive_inf, approx]" },
  { "%r = tanh %f rounding<nearest_even> : tile<4xf32>",
    "'tanh' op rounding mode 'nearest_even' is not supported here, expected one of [approx, full]" },
  { "%r = exp %h rounding<approx> : tile<4xf16>",
    "'exp' op rounding<approx> is only supported for f32, got 'f16'" },
  { "%r = maxf %d, %d flush_to_zero : tile<4xf64>", "flush_to_zero is only supported for f32" },
  { "%r = divi %i, %i unsigned rounding<negative_inf> : tile<4xi32>",
    "'divi' op rounding mode 'negative_inf' is not allowed with 'unsigned'" },
  { "%r = negi %i overflow<no_unsigned_wrap> : tile<4xi32>",
    "'negi' op overflow flag 'no_unsigned_wrap' is not supported" },
  { "%r = \"cuda_tile.shri\"(%i, %i) : (!cuda_tile.tile<4xi32>, !cuda_tile.tile<4xi32>) -> "
    "!cuda_tile.tile<4xi32>", "'shri' op requires the 'signedness' attribute" },
  { "%r = cmpf equal ordered %f, %h : tile<4xf32> -> tile<4xi1>",
    "'cmpf' op operands must have the same type, got tile<4xf32> and tile<4xf16>" },
  { "%r = cmpi equal %i, %i, signed : tile<4xi32> -> tile<2xi1>",
    "'cmpi' op result must be a tile of i1 with the operands' shape, got tile<2xi1>" },
  { "%r = select %i, %f, %f : tile<4xi32>, tile<4xf32>",
    "'select' op condition must be a tile of i1, got tile<4xi32>" },
  { "%r = select %c, %f, %h : tile<4xi1>, tile<4xf32>",
    "'select' op operand #2 must have the result type tile<4xf32>, got tile<4xf16>" },
  { "%r = bitcast %l : tile<4xi64> -> tile<4xf32>",
    "'bitcast' op element types must have the same width, got i64 (64 bits) and f32 (32 bits)" },
  { "%r = exti %i signed : tile<4xi32> -> tile<4xi32>",
    "'exti' op must extend to a wider integer, got tile<4xi32> -> tile<4xi32>" },
  { "%r = trunci %c : tile<4xi1> -> tile<4xi8>", "'trunci' op must truncate to a narrower integer" },
  { "%r = ftof %h : tile<4xf16> -> tile<4xf16>", "'ftof' op converts tile<4xf16> to itself" },
  { "%r = ftof %f rounding<zero> : tile<4xf32> -> tile<4xbf16>",
    "'ftof' op rounding mode 'zero' is not supported here, expected one of [nearest_even]" },
  { "%r = ftof %f : tile<4xf32> -> tile<4xf8E8M0FNU>", "expected one of [zero, positive_inf]" },
  { "%r = ftoi %f signed : tile<4xf32> -> tile<4xi4>",
    "'ftoi' op result must be a tile of i1, i8, i16, i32 or i64, got tile<4xi4>" },
  { "%r = itof %i signed : tile<4xi32> -> tile<4xf8E8M0FNU>",
    "'itof' op cannot convert integers to f8E8M0FNU" },
  { "%r = int_to_ptr %i : tile<4xi32> -> tile<4xptr<f32>>",
    "'int_to_ptr' op operand must be a tile of i64, got tile<4xi32>" },
  { "%r = ptr_to_int %p : tile<4xptr<f32>> -> tile<i64>",
    "'ptr_to_int' op operand and result must have the same shape, got tile<4xptr<f32>> and tile<i64>" },
  { "%r = offset %p, %i : tile<4xptr<f32>>, tile<4xi32> -> tile<4xptr<f64>>",
    "'offset' op result type tile<4xptr<f64>> must be the pointer type tile<4xptr<f32>>" },
  { "%r = iota : tile<512xi8>", "'iota' op 512 elements do not fit the values of i8" },
  { "%r = iota : tile<2x2xi32>", "'iota' op result must be a 1-d tile, got tile<2x2xi32>" },
  { "%r = constant <i4: 1> : tile<2xi4>",
    "'constant' op result must be a tile of integers (not i4) or floats, got tile<2xi4>" },
  { "%r = fpowi %f, %l : tile<4xf32>, tile<4xi64> -> tile<4xf32>",
    "'fpowi' op operand #1 must be a tile of i1, i8, i16 or i32, got tile<4xi64>" },
  { "%r = assume div_by<24>, %i : tile<4xi32>", "'assume' op div_by: divisor 24 must be a power of 2" },
  { "%r = assume div_by<8, every 4 along 0>, %t : tensor_view<64x64xf32, strides=[64,1]>",
    "'every'/'along' cannot be used on a tensor_view" },
  { "%r = assume div_by<8, every 8 along 0>, %i : tile<4xi32>",
    "'every' (8) must be within 0 and the dimension's size (4)" },
  { "%r = assume same_elements<[2, 2]>, %i : tile<4xi32>",
    "'assume' op same_elements has 2 values for a rank-1 tile" },
  { "%r = assume bounded<0, 2147483648>, %i : tile<4xi32>",
    "'assume' op bounded: upper bound 2147483648 must be within [-2147483648, 2147483647]" },
  { "%r = assume bounded<3, -3>, %l : tile<4xi64>",
    "'assume' op bounded: lower bound 3 is greater than upper bound -3" },
};

START_TEST(invalid_forms) {
  char text[2048];
  struct tt_diags d;
  const struct bad *b = &invalid[_i];
  wrap(text, sizeof text, b->line);
  tt_diags_init(&d);
  unsigned n = tt_verify(text, &d);
  ck_assert_msg(n == 1, "%s: %u errors, want 1:\n%s", b->line, n, d.text);
  ck_assert_msg(strstr(d.text, b->want), "%s: got\n%s want '%s'", b->line, d.text, b->want);
  ck_assert_msg(d.first_line == 4, "%s: error on line %u, want 4", b->line, d.first_line);
}
END_TEST

/* The verifier goes on after a bad op: each bad op gets its own error. */
START_TEST(reports_every_op) {
  struct tt_diags d;
  tt_diags_init(&d);
  unsigned n = tt_verify("cuda_tile.module @m {\n"
                         "  testing$func @f(%a: tile<4xf16>) {\n"
                         "    %0 = exp2 %a flush_to_zero : tile<4xf16>\n"
                         "    %1 = rsqrt %a flush_to_zero : tile<4xf16>\n"
                         "  }\n"
                         "}\n", &d);
  ck_assert_msg(n == 2, "%u errors:\n%s", n, d.text);
  ck_assert_ptr_nonnull(strstr(d.text, "'exp2' op"));
  ck_assert_ptr_nonnull(strstr(d.text, "'rsqrt' op"));
  ck_assert_uint_eq(d.first_line, 3);
}
END_TEST

/* A rounding mode that is wrong for its op is reported once, without the
** f32-only check piling a second error on top. */
START_TEST(one_error_per_rule) {
  struct tt_diags d;
  tt_diags_init(&d);
  unsigned n = tt_verify("cuda_tile.module @m {\n"
                         "  testing$func @f(%a: tile<4xf16>) {\n"
                         "    %0 = sqrt %a rounding<full> flush_to_zero : tile<4xf16>\n"
                         "  }\n"
                         "}\n", &d);
  ck_assert_msg(n == 1, "%u errors:\n%s", n, d.text);
  ck_assert_ptr_nonnull(strstr(d.text, "rounding mode 'full'"));
}
END_TEST

Suite *suite_ir_verify_arith(void) {
  Suite *s = suite_create("ir_verify_arith");
  TCase *tc = tcase_create("core");
  tcase_add_loop_test(tc, valid_forms, 0, (int)(sizeof valid / sizeof valid[0]));
  tcase_add_loop_test(tc, invalid_forms, 0, (int)(sizeof invalid / sizeof invalid[0]));
  tcase_add_test(tc, reports_every_op);
  tcase_add_test(tc, one_error_per_rule);
  suite_add_tcase(s, tc);
  return s;
}
