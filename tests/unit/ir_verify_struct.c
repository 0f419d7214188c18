/*
** ir_verify_struct.c -- unit tests of the structural rules: placement and
** counts (src/ir/ir_verify.c) and module, entry, control flow, reduce/scan,
** mma and shape ops (src/ir/ir_verify_struct.c).
** Valid modules must verify without a diagnostic; each invalid one must
** fail with the errors listed, all of them, at their lines.
*/
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "testlib.h"

/* Forms the rules must accept, one module each. */
static const char *const valid[] = {
  /* return from nested ifs in an entry; kernel arguments of every class */
  "cuda_tile.module @m {\n"
  "  entry @k(%p: tile<ptr<f32>>, %n: tile<i32>, %c: tile<i1>, %x: tile<f16>, %t: token)\n"
  "      optimization_hints=<sm_100 = {num_cta_in_cga = 2}, sm_90 = {occupancy = 2}> {\n"
  "    if %c {\n"
  "      if %c { return } else { return }\n"
  "      return\n"
  "    }\n"
  "  }\n"
  "}\n",
  /* unknown hints pass silently, as in NVIDIA's default */
  "cuda_tile.module @m {\n"
  "  entry @k() optimization_hints=<sm_100a = {num_qqq = 7, num_cta_in_cga = \"a\"}> {\n"
  "  }\n"
  "}\n",
  /* symbols: globals and functions with distinct names */
  "cuda_tile.module @m {\n"
  "  global @g <f32: [1.0, 2.0]> : tile<2xf32>\n"
  "  entry @k() {}\n"
  "  testing$func @f() {}\n"
  "}\n",
  /* testing$func: any argument, results returned through an if */
  "cuda_tile.module @m {\n"
  "  testing$func @f(%c: tile<i1>, %a: tile<4xi32>, %t: tensor_view<8xf32, strides=[1]>)\n"
  "      -> (tile<4xi32>, tensor_view<8xf32, strides=[1]>) {\n"
  "    %r = if %c -> (tile<4xi32>) {\n"
  "      yield %a : tile<4xi32>\n"
  "    } else {\n"
  "      return %a, %t : tile<4xi32>, tensor_view<8xf32, strides=[1]>\n"
  "    }\n"
  "    return %r, %t : tile<4xi32>, tensor_view<8xf32, strides=[1]>\n"
  "  }\n"
  "}\n",
  /* loops: continue and break through ifs, with carried values */
  "cuda_tile.module @m {\n"
  "  testing$func @f(%c: tile<i1>, %n: tile<i64>, %x: tile<f32>, %h: tile<2x2xf16>) {\n"
  "    %s = for unsigned %i in (%n to %n, step %n) : tile<i64> iter_values(%a = %x) -> (tile<f32>) {\n"
  "      if %c { continue %a : tile<f32> }\n"
  "      continue %a : tile<f32>\n"
  "    }\n"
  "    %r:2 = loop iter_values(%a = %x) : tile<f32> -> tile<2x2xf16>, tile<f32> {\n"
  "      if %c {\n"
  "        if %c { break %h, %a : tile<2x2xf16>, tile<f32> }\n"
  "        continue %a : tile<f32>\n"
  "      }\n"
  "      loop {\n"
  "        break\n"
  "      }\n"
  "      continue %s : tile<f32>\n"
  "    }\n"
  "    %q = loop : tile<i32> {}\n"
  "  }\n"
  "}\n",
  /* reduce and scan with two operands */
  "cuda_tile.module @m {\n"
  "  testing$func @f(%a: tile<4x8xf32>, %b: tile<4x8xi32>) {\n"
  "    %r:2 = reduce %a, %b dim=1 identities=[0.0 : f32, 0 : i32] : tile<4x8xf32>, tile<4x8xi32> -> tile<4xf32>, tile<4xi32>\n"
  "    (%x: tile<f32>, %xa: tile<f32>, %y: tile<i32>, %ya: tile<i32>) {\n"
  "      %s = addf %x, %xa : tile<f32>\n"
  "      %t = maxi %y, %ya signed : tile<i32>\n"
  "      yield %s, %t : tile<f32>, tile<i32>\n"
  "    }\n"
  "    %u = scan %b dim=0 reverse=true identities=[1 : i32] : tile<4x8xi32> -> tile<4x8xi32>\n"
  "    (%y: tile<i32>, %ya: tile<i32>) {\n"
  "      %t = muli %y, %ya : tile<i32>\n"
  "      yield %t : tile<i32>\n"
  "    }\n"
  "  }\n"
  "}\n",
  /* matrix multiply: plain, batched, integer, block scaled */
  "cuda_tile.module @m {\n"
  "  testing$func @f(%a: tile<4x8xf16>, %b: tile<8x16xf16>, %c: tile<4x16xf16>,\n"
  "      %ba: tile<2x4x8xtf32>, %bb: tile<2x8x16xtf32>, %bc: tile<2x4x16xf32>,\n"
  "      %ia: tile<4x8xi8>, %ib: tile<8x16xi8>, %ic: tile<4x16xi32>,\n"
  "      %fa: tile<16x64xf4E2M1FN>, %fb: tile<64x16xf4E2M1FN>, %fc: tile<16x16xf32>,\n"
  "      %sa: tile<16x4xf8E4M3FN>, %sb: tile<4x16xf8E4M3FN>,\n"
  "      %ea: tile<16x2xf8E8M0FNU>, %eb: tile<2x16xf8E8M0FNU>,\n"
  "      %ga: tile<16x64xf8E5M2>, %gb: tile<64x16xf8E5M2>) {\n"
  "    %r0 = mmaf %a, %b, %c fast_acc : tile<4x8xf16>, tile<8x16xf16>, tile<4x16xf16>\n"
  "    %r1 = mmaf %ba, %bb, %bc : tile<2x4x8xtf32>, tile<2x8x16xtf32>, tile<2x4x16xf32>\n"
  "    %r2 = mmai %ia, %ib, %ic unsigned signed : tile<4x8xi8>, tile<8x16xi8>, tile<4x16xi32>\n"
  "    %r3 = mmaf_scaled %fa, %fb, %fc, %sa, %sb : tile<16x64xf4E2M1FN>, tile<64x16xf4E2M1FN>, tile<16x16xf32>, tile<16x4xf8E4M3FN>, tile<4x16xf8E4M3FN>\n"
  "    %r4 = mmaf_scaled %fa, %fb, %fc, %ea, %eb : tile<16x64xf4E2M1FN>, tile<64x16xf4E2M1FN>, tile<16x16xf32>, tile<16x2xf8E8M0FNU>, tile<2x16xf8E8M0FNU>\n"
  "    %r5 = mmaf_scaled %ga, %gb, %fc, %ea, %eb : tile<16x64xf8E5M2>, tile<64x16xf8E5M2>, tile<16x16xf32>, tile<16x2xf8E8M0FNU>, tile<2x16xf8E8M0FNU>\n"
  "  }\n"
  "}\n",
  /* shape ops */
  "cuda_tile.module @m {\n"
  "  testing$func @f(%a: tile<1x4xf32>, %s: tile<f32>, %b: tile<2x4x8xi16>, %p: tile<4xptr<f32>>,\n"
  "      %i: tile<i32>, %q: tile<16xi4>, %t: tile<2xtf32>, %y: tile<8xi8>) {\n"
  "    %r0 = broadcast %a : tile<1x4xf32> -> tile<8x4xf32>\n"
  "    %r1 = reshape %s : tile<f32> -> tile<1x1xf32>\n"
  "    %r2 = reshape %p : tile<4xptr<f32>> -> tile<2x2xptr<f32>>\n"
  "    %r3 = permute %b [2, 0, 1] : tile<2x4x8xi16> -> tile<8x2x4xi16>\n"
  "    %r4 = cat %r0, %r0 dim = 0 : tile<8x4xf32>, tile<8x4xf32> -> tile<16x4xf32>\n"
  "    %r5 = extract %b[%i, %i, %i] : tile<2x4x8xi16> -> tile<1x2x8xi16>\n"
  "    %r6 = insert %r5, %b[%i, %i, %i] : tile<1x2x8xi16> -> tile<2x4x8xi16>\n"
  "    %r7 = pack %q : tile<16xi4> -> tile<8xi8>\n"
  "    %r8 = pack %t : tile<2xtf32> -> tile<8xi8>\n"
  "    %r9 = unpack %y : tile<8xi8> -> tile<4xbf16>\n"
  "  }\n"
  "}\n",
  /* the grid */
  "cuda_tile.module @m {\n"
  "  entry @k() {\n"
  "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
  "    %a, %b, %c = get_num_tile_blocks : tile<i32>\n"
  "  }\n"
  "}\n",
};

START_TEST(accepts_valid) {
  struct tt_diags d;
  tt_diags_init(&d);
  unsigned n = tt_verify(valid[_i], &d);
  ck_assert_msg(n == 0 && !d.text[0], "valid case %d: %u errors:\n%s", _i, n, d.text);
}
END_TEST

/* An invalid module, the diagnostics it must give (in order, one per line
** of want: errors, and the notes that follow some), how many are errors
** and the line of the first. */
struct bad { const char *text, *want; unsigned nerr, line; };

static const struct bad invalid[] = {
  { "cuda_tile.module @m {\n  entry @k() {\n    yield\n  }\n}\n",
    "'yield' op must be directly inside one of 'if', 'reduce', 'scan', not 'entry'\n", 1, 3 },
  { "cuda_tile.module @m {\n  entry @k(%a: tile<2xi32>) -> tile<i32> {\n  }\n}\n",
    "'entry' op must not return values (it is a kernel)\n"
    "'entry' op tile arguments must have rank 0, argument 0 is tile<2xi32>\n", 2, 2 },
  { "cuda_tile.module @m {\n  entry @k(%c: tile<i1>) {\n    if %c {\n      continue\n    }\n  }\n}\n",
    "'continue' op must be nested in a 'for' or a 'loop', possibly through ifs, not in 'entry'\n"
    "see the enclosing op\n", 1, 4 },
  { "cuda_tile.module @m {\n  testing$func @f(%c: tile<i1>, %x: tile<i32>) {\n"
    "    %r = if %c -> (tile<i32>) {\n      yield %x : tile<i32>\n    }\n  }\n}\n",
    "'if' op has results, so it must have an else branch\n", 1, 3 },
  { "cuda_tile.module @m {\n  testing$func @f(%a: tile<8xf32>) {\n"
    "    %r = reduce %a dim=1 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>\n"
    "    (%x: tile<f32>, %y: tile<f32>) {\n      yield %x : tile<f32>\n    }\n  }\n}\n",
    "'reduce' op dimension 1 is out of range [0, 1)\n", 1, 3 },
  { "cuda_tile.module @m {\n  testing$func @f(%a: tile<4x8xf16>, %c: tile<4x8xf32>) {\n"
    "    %r = mmaf %a, %a, %c : tile<4x8xf16>, tile<4x8xf16>, tile<4x8xf32>\n  }\n}\n",
    "'mmaf' op dim 1 of lhs (8) and dim 0 of rhs (4) must match, but got lhs shape (4, 8) and rhs shape (4, 8)\n", 1, 3 },
  /* module-level ops are checked too */
  { "cuda_tile.module @m {\n  entry @k() {}\n  global @k <i32: [1]> : tile<1xi32>\n}\n",
    "'global' op redefinition of symbol named 'k'\n"
    "see the previous definition\n", 1, 3 },
};

START_TEST(rejects_invalid) {
  const struct bad *b = &invalid[_i];
  struct tt_diags d;
  tt_diags_init(&d);
  unsigned n = tt_verify(b->text, &d);
  ck_assert_msg(n == b->nerr, "invalid case %d: %u errors, want %u:\n%s", _i, n, b->nerr, d.text);
  ck_assert_msg(!strcmp(d.text, b->want), "invalid case %d:\ngot  %swant %s", _i, d.text, b->want);
  ck_assert_msg(d.first_line == b->line, "invalid case %d: line %u, want %u", _i, d.first_line, b->line);
}
END_TEST

/* The verifier goes on after an error: independent errors in one module,
** in different functions, ops and nesting levels, are all reported. */
START_TEST(reports_every_error) {
  const char *text =
    "cuda_tile.module @m {\n"
    "  entry @k(%v: tile<4xf32>) {\n"                                     /* 2: argument */
    "    %a = constant <f32: 1.0> : tile<2x4xf32>\n"
    "    %b = broadcast %a : tile<2x4xf32> -> tile<4x4xf32>\n"           /* 4: broadcast */
    "    loop {\n"
    "      %c = reshape %a : tile<2x4xf32> -> tile<4xf32>\n"             /* 6: reshape */
    "      break\n"
    "    }\n"
    "  }\n"
    "  testing$func @f(%i: tile<i32>) -> tile<i32> {\n"
    "    %x, %y, %z = get_tile_block_id : tile<i64>\n"                    /* 11: grid */
    "    return %x : tile<i64>\n"                                         /* 12: return */
    "  }\n"
    "  testing$func @f() {}\n"                                            /* 14: symbol */
    "}\n";
  /* the module's own rule (symbols) runs before its functions are walked */
  static const char *const want[] = {   /* in the order of the walk */
    "redefinition of symbol named 'f'", "argument 0 is tile<4xf32>", "cannot broadcast",
    "same number of elements", "result 0 must be a rank-0 tile of i32",
    "type of return operand 0",
  };
  struct tt_diags d;
  tt_diags_init(&d);
  unsigned n = tt_verify(text, &d);
  ck_assert_msg(n == 6, "%u errors, want 6:\n%s", n, d.text);
  const char *at = d.text;
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    const char *f = strstr(at, want[i]);
    ck_assert_msg(f != NULL, "missing (in order) '%s' in:\n%s", want[i], d.text);
    at = f;
  }
  ck_assert_uint_eq(d.first_line, 14);
}
END_TEST

/* Errors in a nested region do not hide those of the ops after it, and an
** op whose own rule failed still has its region checked. */
START_TEST(nested_errors) {
  const char *text =
    "cuda_tile.module @m {\n"
    "  testing$func @f(%c: tile<i32>, %a: tile<8xf32>) {\n"
    "    if %c {\n"                                                       /* condition */
    "      %r = permute %a [0] : tile<8xf32> -> tile<8xf32>\n"            /* rank */
    "    }\n"
    "    %s = reduce %a dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>\n"
    "    (%x: tile<f32>, %y: tile<f32>) {\n"
    "      %t = print_tko \"x\" -> token\n"                                /* purity */
    "      yield %x : tile<f32>\n"
    "    }\n"
    "  }\n"
    "}\n";
  struct tt_diags d;
  tt_diags_init(&d);
  unsigned n = tt_verify(text, &d);
  ck_assert_msg(n == 3, "%u errors, want 3:\n%s", n, d.text);
  ck_assert_ptr_nonnull(strstr(d.text, "condition must be a rank-0 tile of i1"));
  ck_assert_ptr_nonnull(strstr(d.text, "source must have rank 2 or more"));
  ck_assert_ptr_nonnull(strstr(d.text, "'print_tko' op only pure operations are allowed inside 'reduce'"));
}
END_TEST

/* A misplaced break reports its placement only, not its types too. */
START_TEST(one_error_per_op) {
  const char *text =
    "cuda_tile.module @m {\n"
    "  testing$func @f(%n: tile<i32>) {\n"
    "    for %i in (%n to %n, step %n) : tile<i32> {\n"
    "      break %n : tile<i32>\n"
    "    }\n"
    "  }\n"
    "}\n";
  struct tt_diags d;
  tt_diags_init(&d);
  ck_assert_uint_eq(tt_verify(text, &d), 1);
  ck_assert_ptr_nonnull(strstr(d.text, "must be directly inside one of 'if', 'loop', not 'for'"));
  ck_assert_uint_eq(d.first_line, 4);
}
END_TEST

Suite *suite_ir_verify_struct(void) {
  Suite *s = suite_create("ir_verify_struct");
  TCase *tc = tcase_create("core");
  tcase_add_loop_test(tc, accepts_valid, 0, (int)(sizeof valid / sizeof valid[0]));
  tcase_add_loop_test(tc, rejects_invalid, 0, (int)(sizeof invalid / sizeof invalid[0]));
  tcase_add_test(tc, reports_every_error);
  tcase_add_test(tc, nested_errors);
  tcase_add_test(tc, one_error_per_op);
  suite_add_tcase(s, tc);
  return s;
}
