/*
** ir_print.c -- unit tests of the printer (ir_print.c, ir_format.c):
** parse -> print -> parse -> print is a fixed point, names of grouped
** results print as %a:N and %a#k, and the canonical text of a few
** constructs the golden files depend on.
*/
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ir_int.h"
#include "testlib.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Modules in non-canonical spellings: long types, prefixes, defaults. */
static const char *const modules[] = {
  "cuda_tile.module @a {\n"
  "  entry @k(%x: !cuda_tile.tile<f32>, %p: tile<ptr<f32>>) {\n"
  "    %c = cuda_tile.constant <f32: [1.0, 2.0, 3.0, 4.0]> : !cuda_tile.tile<4xf32>\n"
  "    %s = addf %x, %x rounding<nearest_even> : tile<f32>\n"
  "    %i = constant <i32: 0x10> : tile<i32>\n"
  "    %j = addi %i, %i overflow<none> : tile<i32>\n"
  "  }\n"
  "}\n",

  "cuda_tile.module @b {\n"
  "  global private constant @g alignment = 16 <i16: [1, -1, 0xFFFF, 65535]> : tile<4xi16>\n"
  "  testing$func @f(%c: tile<i1>, %v: tile<8xf32>) -> tile<8xf32> {\n"
  "    %r = if %c -> (tile<8xf32>) {\n"
  "      yield %v : tile<8xf32>\n"
  "    } else {\n"
  "      %n = negf %v : tile<8xf32>\n"
  "      yield %n : tile<8xf32>\n"
  "    }\n"
  "    if %c {\n"
  "      yield\n"
  "    }\n"
  "    return %r : tile<8xf32>\n"
  "  }\n"
  "}\n",

  "cuda_tile.module @c {\n"
  "  testing$func @f(%lb: tile<i32>, %ub: tile<i32>, %v: tile<8xf32>) {\n"
  "    %s = for %i in (%lb to %ub, step %lb) : tile<i32> iter_values(%acc = %v) -> (tile<8xf32>) {\n"
  "      %n = addf %acc, %acc : tile<8xf32>\n"
  "      continue %n : tile<8xf32>\n"
  "    }\n"
  "    %r = reduce %s dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>\n"
  "    (%a: tile<f32>, %b: tile<f32>) {\n"
  "      %m = maxf %a, %b propagate_nan : tile<f32>\n"
  "      yield %m : tile<f32>\n"
  "    }\n"
  "    %l:2 = loop iter_values(%k = %lb, %w = %r) : tile<i32>, tile<f32> -> tile<i32>, tile<f32> {\n"
  "      break %k, %w : tile<i32>, tile<f32>\n"
  "    }\n"
  "    return\n"
  "  }\n"
  "}\n",

  "cuda_tile.module @d {\n"
  "  entry @k(%base: tile<ptr<f32>>, %n: tile<i32>, %t: token) {\n"
  "    %tv = make_tensor_view %base, shape = [%n, 64], strides = [64, 1] : tile<i32> -> tensor_view<?x64xf32, strides=[64,1]>\n"
  "    %pv = make_partition_view %tv : partition_view<tile=(8x8), padding_value = zero, tensor_view<?x64xf32, strides=[64,1]>, dim_map=[1, 0]>\n"
  "    %ld:2 = load_view_tko weak %pv[%n, %n] token = %t : partition_view<tile=(8x8), padding_value = zero, tensor_view<?x64xf32, strides=[64,1]>, dim_map=[1, 0]>, tile<i32> -> tile<8x8xf32>, token\n"
  "    %st = store_view_tko weak %ld#0, %pv[%n, %n] token = %ld#1 : tile<8x8xf32>, partition_view<tile=(8x8), padding_value = zero, tensor_view<?x64xf32, strides=[64,1]>, dim_map=[1, 0]>, tile<i32> -> token\n"
  "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
  "    %g:3 = get_num_tile_blocks : tile<i32>\n"
  "    %sum = addi %x, %g#2 : tile<i32>\n"
  "  }\n"
  "}\n",
};

START_TEST(fixed_point) {
  char *once = tt_fmt(modules[_i]);
  ck_assert_msg(once, "module %d does not parse or verify", _i);
  char *twice = tt_fmt(once);
  ck_assert_msg(twice, "module %d: the printed text does not parse:\n%s", _i, once);
  ck_assert_msg(strcmp(once, twice) == 0, "module %d:\n--- once ---\n%s--- twice ---\n%s", _i,
                once, twice);
  free(once);
  free(twice);
}
END_TEST

/* The printed text of src contains want (a whole line, indent included). */
static void assert_line(const char *src, const char *want) {
  char *out = tt_fmt(src);
  ck_assert_msg(out, "does not parse or verify:\n%s", src);
  ck_assert_msg(strstr(out, want), "'%s' not in:\n%s", want, out);
  free(out);
}

/* Results bound as one group keep the group: %a:N on the left, %a#k in
** uses.  Results bound one by one keep their own names. */
START_TEST(grouped_results) {
  const char *src = modules[3];
  assert_line(src, "    %ld:2 = load_view_tko weak %pv[%n, %n] token = %t : ");
  assert_line(src, "    %st = store_view_tko weak %ld#0, %pv[%n, %n] token = %ld#1 : ");
  assert_line(src, "    %x, %y, %z = get_tile_block_id : tile<i32>\n");
  assert_line(src, "    %g:3 = get_num_tile_blocks : tile<i32>\n");
  assert_line(src, "    %sum = addi %x, %g#2 : tile<i32>\n");
  assert_line(modules[2], "    %l:2 = loop iter_values(%k = %lb, %w = %r) : tile<i32>, tile<f32> -> tile<i32>, tile<f32> {\n");
}
END_TEST

START_TEST(group_of_one_result_name) {
  /* %a:1 binds one result; uses may write %a or %a#0 */
  const char *src =
      "cuda_tile.module @m {\n"
      "  entry @k() {\n"
      "    %a:1 = make_token : token\n"
      "    %b = join_tokens %a#0, %a : token\n"
      "  }\n"
      "}\n";
  assert_line(src, "    %b = join_tokens %a, %a : token\n");
}
END_TEST

/* Terminators: entry bodies always end in return; an empty yield or
** continue is left out; break and values are kept. */
START_TEST(terminators) {
  assert_line(modules[0], "    %j = addi %i, %i : tile<i32>\n    return\n  }\n");
  assert_line(modules[1], "    if %c {\n    }\n");
  assert_line(modules[1], "    } else {\n      %n = negf %v : tile<8xf32>\n"
                          "      yield %n : tile<8xf32>\n    }\n");
  assert_line(modules[2], "      continue %n : tile<8xf32>\n");
  assert_line(modules[2], "      break %k, %w : tile<i32>, tile<f32>\n");
  assert_line(modules[1], "    return %r : tile<8xf32>\n");
}
END_TEST

/* reduce: the block arguments go on their own line, at the op's indent
** (tilesim leaves out the trailing blank MLIR prints before it). */
START_TEST(argument_region) {
  assert_line(modules[2], "    %r = reduce %s dim=0 identities=[0.000000e+00 : f32] : "
                          "tile<8xf32> -> tile<f32>\n    (%a: tile<f32>, %b: tile<f32>) {\n");
}
END_TEST

START_TEST(constants) {
  assert_line(modules[0], "    %c = constant <f32: [1.000000e+00, 2.000000e+00, 3.000000e+00, "
                          "4.000000e+00]> : tile<4xf32>\n");
  assert_line(modules[0], "    %i = constant <i32: 16> : tile<i32>\n");
  assert_line(modules[1], "<i16: [1, -1, -1, -1]> : tile<4xi16>\n");
}
END_TEST

START_TEST(views) {
  assert_line(modules[3], "    %tv = make_tensor_view %base, shape = [%n, 64], strides = [64, 1] : "
                          "tile<i32> -> tensor_view<?x64xf32, strides=[64,1]>\n");
  assert_line(modules[3], "    %pv = make_partition_view %tv : partition_view<tile=(8x8), "
                          "padding_value = zero, tensor_view<?x64xf32, strides=[64,1]>, "
                          "dim_map=[1, 0]>\n");
}
END_TEST

/* MLIR's generated printers emit a space before a custom directive even
** when it prints nothing (two blanks in a row); tilesim prints one blank
** between elements: addf with the default rounding, global's visibility. */
START_TEST(custom_directive_spaces) {
  assert_line(modules[0], "    %s = addf %x, %x : tile<f32>\n");
  assert_line(modules[1], "  global private constant @g alignment = 16 <i16: ");
}
END_TEST

Suite *suite_ir_print(void) {
  Suite *s = suite_create("ir_print");
  TCase *tc = tcase_create("print");
  tcase_add_loop_test(tc, fixed_point, 0, COUNT(modules));
  tcase_add_test(tc, grouped_results);
  tcase_add_test(tc, group_of_one_result_name);
  tcase_add_test(tc, terminators);
  tcase_add_test(tc, argument_region);
  tcase_add_test(tc, constants);
  tcase_add_test(tc, views);
  tcase_add_test(tc, custom_directive_spaces);
  suite_add_tcase(s, tc);
  return s;
}
