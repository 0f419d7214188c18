/* ir_verify_mem.c -- unit tests of the memory rules (src/ir/ir_verify_mem.c). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

/* A case: the arguments and body of testing$func @f, and the message the
** verifier must give (a substring), or NULL when the body is valid. */
struct mcase { const char *args, *body, *want; };

#define PV8 "partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>"
#define PV2 "partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>"
#define GSV "gather_scatter_view<tile=(4x8), tensor_view<64x64xf32, strides=[64,1]>, sparse_dim=0>"
#define TV "tensor_view<64x32xf32, strides=[32,1]>"

static const struct mcase valid[] = {
  { "%p: tile<4xptr<f32>>, %m: tile<4xi1>, %z: tile<4xf32>",
    "%x, %t = load_ptr_tko weak %p, %m, %z : tile<4xptr<f32>>, tile<4xi1>, tile<4xf32> -> tile<4xf32>, token\n"
    "%u = store_ptr_tko release sys %p, %x, %m token=%t : tile<4xptr<f32>>, tile<4xf32>, tile<4xi1> -> token", NULL },
  { "%p: tile<4xptr<f32>>",
    "%x, %t = load_ptr_tko acquire tl_blk %p optimization_hints = <sm_100 = {latency = 10}, default = {latency = 1}>"
    " : tile<4xptr<f32>> -> tile<4xf32>, token", NULL },
  { "%p: tile<4xptr<i64>>, %v: tile<4xi64>",
    "%o, %t = atomic_rmw_tko acq_rel device %p, umax, %v : tile<4xptr<i64>>, tile<4xi64> -> tile<4xi64>, token\n"
    "%o2, %t2 = atomic_rmw_tko relaxed sys %p, xchg, %v token=%t : tile<4xptr<i64>>, tile<4xi64> -> tile<4xi64>, token\n"
    "%o3, %t3 = atomic_cas_tko release device %p, %v, %v : tile<4xptr<i64>>, tile<4xi64> -> tile<4xi64>, token", NULL },
  { "%p: tile<2xptr<bf16>>, %v: tile<2xbf16>",
    "%o, %t = atomic_rmw_tko relaxed device %p, addf, %v : tile<2xptr<bf16>>, tile<2xbf16> -> tile<2xbf16>, token", NULL },
  { "%v: " PV8 ", %i: tile<i16>",
    "%x, %t = load_view_tko relaxed device %v[%i] optimization_hints = <sm_90 = {allow_tma = true, latency = 4}>"
    " : " PV8 ", tile<i16> -> tile<8xf32>, token\n"
    "%u = store_view_tko weak %x, %v[%i] token = %t : tile<8xf32>, " PV8 ", tile<i16> -> token", NULL },
  { "%v: partition_view<tile=(8x16), " TV ", dim_map=[1, 0]>, %i: tile<i64>",
    "%x, %t = load_view_tko weak %v[%i, %i] : partition_view<tile=(8x16), " TV ", dim_map=[1, 0]>, tile<i64>"
    " -> tile<8x16xf32>, token", NULL },
  { "%v: " GSV ", %r: tile<4xi32>, %i: tile<i64>",
    "%x, %t = load_view_tko weak %v[%r, %i] : " GSV ", tile<4xi32>, tile<i64> -> tile<4x8xf32>, token", NULL },
  { "%v: " PV2 ", %x: tile<2x2xi32>, %i: tile<i32>, %j: tile<i64>",
    "%t = atomic_red_view_tko relaxed tl_blk %v[%i, %j], max, %x : tile<2x2xi32>, " PV2 ", tile<i32>, tile<i64> -> token",
    NULL },
  { "%tv: " TV,
    "%a = make_partition_view %tv : partition_view<tile=(8x16), " TV ">\n"
    "%b = make_strided_view %tv : strided_view<tile=(8x16), traversal_strides=[3,1], " TV ">\n"
    "%c = make_gather_scatter_view %tv : gather_scatter_view<tile=(8x16), " TV ", sparse_dim=1>\n"
    "%s:2 = get_tensor_shape %tv : " TV " -> tile<i1>\n"
    "%n:2 = get_index_space_shape %a : partition_view<tile=(8x16), " TV "> -> tile<i64>", NULL },
  { "%b: tile<ptr<f32>>, %n: tile<i16>",
    "%tv = make_tensor_view %b, shape = [%n, 32], strides = [%n, 1] : tile<i16> -> tensor_view<?x32xf32, strides=[?,1]>\n"
    "%t0 = make_tensor_view %b, shape = [], strides = [] : tensor_view<f32>", NULL },
  { "%x: tile<2xf32>, %n: tile<i64>",
    "%t = print_tko \"%+08.3f, %lld, %%, %%%%\\n\", %x, %n : tile<2xf32>, tile<i64> -> token\n"
    "%t1 = print_tko \"plain\" token=%t -> token", NULL },
  { "%a: token",
    "%b = make_token : token\n%c = join_tokens %a, %b, %a : token\n"
    "%d = gdc_wait_tko token=%c : token\n%e = gdc_launch_dependents_tko : token\n"
    "%f = memory_fence_alias_tko token=%e : token", NULL },
  { "%c: tile<2x2xi1>",
    "assert %c, \"fine\" : tile<2x2xi1>\n"
    "%a = alloca num_elem = 4, alignment = 1 : tile<ptr<i1>>\n"
    "%b = alloca num_elem = 0, alignment = 2 global : tile<ptr<tf32>>", NULL },
};

static const struct mcase invalid[] = {
  { "", "%a = alloca num_elem = 4, alignment = 3 : tile<ptr<f32>>", "alignment must be a power of two, got 3" },
  { "", "%a = alloca num_elem = 4, alignment = 2 : tile<ptr<i32>>",
    "alignment 2 is less than the natural size of i32 (4 bytes)" },
  { "%c: tile<f32>", "assert %c, \"x\" : tile<f32>", "condition must be a tile of i1" },
  { "%p: tile<4xptr<i32>>, %v: tile<4xi32>",
    "%o, %t = atomic_rmw_tko weak device %p, add, %v : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi32>, token",
    "atomic memory ordering must be relaxed, acquire, release or acq_rel, got weak" },
  { "%p: tile<4xptr<f64>>, %v: tile<4xf64>",
    "%o, %t = atomic_rmw_tko relaxed device %p, umin, %v : tile<4xptr<f64>>, tile<4xf64> -> tile<4xf64>, token",
    "atomic mode 'umin' works only on i32 or i64 elements, got f64" },
  { "%p: tile<4xptr<tf32>>, %v: tile<4xtf32>",
    "%o, %t = atomic_rmw_tko relaxed device %p, xchg, %v : tile<4xptr<tf32>>, tile<4xtf32> -> tile<4xtf32>, token",
    "atomic mode 'xchg' works only on 32- or 64-bit integer or float elements, got tf32" },
  { "%p: tile<4xptr<i8>>, %v: tile<4xi8>",
    "%o, %t = atomic_cas_tko relaxed device %p, %v, %v : tile<4xptr<i8>>, tile<4xi8> -> tile<4xi8>, token",
    "compare-and-swap works only on 32- or 64-bit integer or float elements, got i8" },
  { "%p: tile<4xptr<i32>>, %c: tile<4xf32>, %v: tile<4xi32>",
    "%o, %t = atomic_cas_tko relaxed device %p, %c, %v : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi32>, token",
    "cmp and val must have the same type" },
  { "%v: " PV2 ", %x: tile<2x2xi32>, %i: tile<i32>",
    "%t = atomic_red_view_tko relaxed sys %v[%i, %i], add, %x : tile<2x2xi32>, " PV2 ", tile<i32> -> token",
    "not sys" },
  { "%v: " PV2 ", %x: tile<2x2xi32>, %i: tile<2xi32>",
    "%t = atomic_red_view_tko relaxed device %v[%i, %i], add, %x : tile<2x2xi32>, " PV2 ", tile<2xi32> -> token",
    "index 0 must be a 0-d tile, got tile<2xi32>" },
  { "%t: tile<i1>", "%w = gdc_wait_tko token=%t : token", "token operand must be a token" },
  { "", "%w = memory_fence_alias_tko : token", "requires a token operand" },
  { "", "%t = make_token : tile<i32>", "result 0 must be a token" },
  { "%a: token", "%t = join_tokens %a : token", "expects two or more tokens, got 1" },
  { "%tv: tensor_view<4x4xf32, strides=[4,1]>",
    "%a:3 = get_tensor_shape %tv : tensor_view<4x4xf32, strides=[4,1]> -> tile<i32>",
    "expected 2 results (the tensor_view's rank), got 3" },
  { "%v: " PV8, "%a = get_index_space_shape %v : " PV8 " -> tile<bf16>",
    "result 0 must be a 0-d integer tile, got tile<bf16>" },
  { "%p: tile<4xptr<f32>>",
    "%x, %t = load_ptr_tko weak %p : tile<4xptr<f32>> -> tile<4xi32>, token",
    "result type tile<4xi32> is not what tile<4xptr<f32>> points to" },
  { "%p: tile<4xptr<f32>>, %m: tile<4xi1>, %z: tile<4xi32>",
    "%x, %t = load_ptr_tko weak %p, %m, %z : tile<4xptr<f32>>, tile<4xi1>, tile<4xi32> -> tile<4xf32>, token",
    "padding value must have the result type" },
  { "%p: tile<4xptr<f32>>",
    "%x, %t = load_ptr_tko release device %p : tile<4xptr<f32>> -> tile<4xf32>, token",
    "memory ordering of a load must be weak, relaxed or acquire, got release" },
  { "%p: tile<4xptr<f32>>",
    "%x, %t = load_ptr_tko relaxed %p : tile<4xptr<f32>> -> tile<4xf32>, token",
    "relaxed load requires a memory scope" },
  { "%p: tile<4xptr<f32>>",
    "%x, %t = load_ptr_tko weak device %p : tile<4xptr<f32>> -> tile<4xf32>, token",
    "weak load must not have a memory scope" },
  { "%v: " PV8 ", %i: tile<i32>",
    "%x, %t = load_view_tko weak %v[%i] : " PV8 ", tile<i32> -> tile<4xf32>, token",
    "result type must be tile<8xf32> (the view's tile), got tile<4xf32>" },
  { "%v: partition_view<tile=(8x16), " TV ", dim_map=[1, 0]>, %i: tile<i32>",
    "%x, %t = load_view_tko weak %v[%i, %i] : partition_view<tile=(8x16), " TV ", dim_map=[1, 0]>, tile<i32>"
    " -> tile<16x8xf32>, token",
    "result type must be tile<8x16xf32> (the view's tile), got tile<16x8xf32>" },
  { "%v: " GSV ", %r: tile<8xi32>, %i: tile<i32>",
    "%x, %t = load_view_tko weak %v[%r, %i] : " GSV ", tile<8xi32>, tile<i32> -> tile<4x8xf32>, token",
    "index 0 (the sparse_dim) has 8 elements, but the view tile has 4 along dim 0" },
  { "%v: " GSV ", %r: tile<4xi32>, %i: tile<4xi32>",
    "%x, %t = load_view_tko weak %v[%r, %i] : " GSV ", tile<4xi32> -> tile<4x8xf32>, token",
    "index 1 must be a 0-d tile, got tile<4xi32>" },
  { "%v: " PV8 ", %x: tile<8xf32>, %i: tile<i32>",
    "%t = store_view_tko acquire device %x, %v[%i] : tile<8xf32>, " PV8 ", tile<i32> -> token",
    "memory ordering of a store must be weak, relaxed or release, got acquire" },
  { "%v: partition_view<tile=(8x8), " TV ">, %x: tile<8x8xf32>, %i: tile<i32>, %j: tile<i8>",
    "%t = store_view_tko weak %x, %v[%i, %j] : tile<8x8xf32>, partition_view<tile=(8x8), " TV ">, tile<i32>, tile<i8>"
    " -> token",
    "indices must all have one type: index 1 is tile<i8>, not tile<i32>" },
  { "%tv: tensor_view<64x32xf16, strides=[32,1]>",
    "%a = make_partition_view %tv : partition_view<tile=(8x16), " TV ">",
    "is not the view's tensor_view type" },
  { "%b: tile<ptr<f16>>", "%tv = make_tensor_view %b, shape = [64, 32], strides = [32, 1] : " TV,
    "base points to f16, but the tensor_view holds f32" },
  { "%b: tile<ptr<f32>>", "%tv = make_tensor_view %b, shape = [64, 32], strides = [16, 1] : " TV,
    "strides entry 0 is 16, but the tensor_view type has 32" },
  { "%b: tile<ptr<f32>>, %n: tile<i32>",
    "%tv = make_tensor_view %b, shape = [%n, 32], strides = [32, 1] : tile<i32> -> " TV,
    "shape entry 0 is dynamic, but the tensor_view type has 64" },
  { "%x: tile<f32>", "%t = print_tko \"%f %f %f\", %x, %x : tile<f32>, tile<f32> -> token",
    "format string takes 3 arguments, got 2" },
  { "%x: tile<f32>", "%t = print_tko \"%f %\", %x : tile<f32> -> token",
    "format string has an unterminated conversion" },
  { "%p: tile<4xptr<f32>>, %x: tile<4xf32>, %m: tile<4xf32>",
    "%t = store_ptr_tko weak %p, %x, %m : tile<4xptr<f32>>, tile<4xf32>, tile<4xf32> -> token",
    "mask must be a tile of i1, got tile<4xf32>" },
  { "%p: tile<4xptr<f32>>, %x: tile<4xf32>",
    "%t = store_ptr_tko relaxed %p, %x : tile<4xptr<f32>>, tile<4xf32> -> token",
    "relaxed store requires a memory scope" },
};

/* The text of a module holding testing$func @f(args) { body }. */
static void wrap(char *buf, size_t n, const struct mcase *c) {
  snprintf(buf, n, "cuda_tile.module @m {\n  testing$func @f(%s) {\n%s\n  }\n}\n", c->args, c->body);
}

START_TEST(valid_forms) {
  char text[4096];
  struct tt_diags d;
  tt_diags_init(&d);
  wrap(text, sizeof text, &valid[_i]);
  unsigned n = tt_verify(text, &d);
  ck_assert_msg(n == 0, "valid case %d: got %u errors:\n%s", _i, n, d.text);
}
END_TEST

START_TEST(invalid_forms) {
  char text[4096];
  struct tt_diags d;
  tt_diags_init(&d);
  wrap(text, sizeof text, &invalid[_i]);
  unsigned n = tt_verify(text, &d);
  ck_assert_msg(n == 1 && strstr(d.text, invalid[_i].want),
                "invalid case %d: got %u errors:\n%s want one: %s", _i, n, d.text, invalid[_i].want);
}
END_TEST

/* Globals live at module level: whole modules. */
static const struct { const char *text, *want; } modules[] = {
  { "cuda_tile.module @m {\n global @g <i8: [1, 2]> : tile<2xi8>\n"
    " entry @k() {\n %p = get_global @g : tile<ptr<i8>>\n }\n}\n", NULL },
  { "cuda_tile.module @m {\n global @g <i8: 1> : tile<2x2xi8>\n}\n", "global value must be a 1-d tile" },
  { "cuda_tile.module @m {\n global @g <i8: [1]> : tile<1xi8>\n"
    " entry @k() {\n %p = get_global @g : tile<ptr<i16>>\n }\n}\n",
    "pointee type i16 does not match the element type i8 of global @g" },
  { "cuda_tile.module @m {\n entry @k() {\n %p = get_global @k : tile<ptr<i16>>\n }\n}\n",
    "@k does not name a global of this module" },
};

START_TEST(globals) {
  struct tt_diags d;
  tt_diags_init(&d);
  unsigned n = tt_verify(modules[_i].text, &d);
  if (!modules[_i].want)
    ck_assert_msg(n == 0, "module %d: got %u errors:\n%s", _i, n, d.text);
  else
    ck_assert_msg(n == 1 && strstr(d.text, modules[_i].want), "module %d: got %u errors:\n%s want one: %s",
                  _i, n, d.text, modules[_i].want);
}
END_TEST

/* The canonical text of the valid cases verifies again (what the printer
** writes for hints, tokens and view indices keeps the rules satisfied). */
START_TEST(round_trip) {
  char text[4096];
  wrap(text, sizeof text, &valid[_i]);
  char *out = tt_fmt(text);
  ck_assert_msg(out != NULL, "valid case %d does not print", _i);
  struct tt_diags d;
  tt_diags_init(&d);
  unsigned n = tt_verify(out, &d);
  ck_assert_msg(n == 0, "valid case %d printed as:\n%s\ngives:\n%s", _i, out, d.text);
  free(out);
}
END_TEST

Suite *suite_ir_verify_mem(void) {
  Suite *s = suite_create("ir_verify_mem");
  TCase *tc = tcase_create("core");
  tcase_add_loop_test(tc, valid_forms, 0, (int)(sizeof valid / sizeof *valid));
  tcase_add_loop_test(tc, invalid_forms, 0, (int)(sizeof invalid / sizeof *invalid));
  tcase_add_loop_test(tc, globals, 0, (int)(sizeof modules / sizeof *modules));
  tcase_add_loop_test(tc, round_trip, 0, (int)(sizeof valid / sizeof *valid));
  suite_add_tcase(s, tc);
  return s;
}
