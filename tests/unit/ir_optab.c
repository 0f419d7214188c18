/*
** ir_optab.c -- unit tests of the op table (ops.def, ir_optab.c): rows are
** sorted for the binary search, every name is found, bytecode opcodes are
** unique, and every attribute a format names has a syntax row.
*/
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "ir_int.h"
#include "testlib.h"

/* ir_op_lookup() is a binary search, so the rows must be in strcmp order. */
START_TEST(rows_sorted) {
  for (int i = 1; i < IR_NUM_OPS; i++)
    ck_assert_msg(strcmp(ir_optab[i - 1].name, ir_optab[i].name) < 0,
                  "row %d '%s' is not before row %d '%s'", i - 1, ir_optab[i - 1].name, i,
                  ir_optab[i].name);
}
END_TEST

START_TEST(lookup_finds_every_op) {
  const char *name = ir_optab[_i].name;
  ck_assert_int_eq(ir_op_lookup(name, strlen(name)), _i);
  ck_assert_ptr_eq(ir_opinfo_get(_i), &ir_optab[_i]);
  /* the length bounds the name: a longer buffer does not matter */
  char buf[64];
  snprintf(buf, sizeof buf, "%sZZZ", name);
  ck_assert_int_eq(ir_op_lookup(buf, strlen(name)), _i);
}
END_TEST

START_TEST(lookup_misses) {
  static const char *const miss[] = {
    "", "a", "add", "addff", "absf ", "ABSF", "cuda_tile.addf", "zzz", "testing", "yield_",
    "module_", "0", "~",
  };
  for (size_t i = 0; i < sizeof miss / sizeof miss[0]; i++)
    ck_assert_msg(ir_op_lookup(miss[i], strlen(miss[i])) == -1, "'%s' was found", miss[i]);
  ck_assert_str_eq(ir_opinfo_get(-1)->name, "#invalid");
  ck_assert_str_eq(ir_opinfo_get(IR_NUM_OPS)->name, "#invalid");
}
END_TEST

START_TEST(bytecode_opcodes_unique) {
  for (int i = 0; i < IR_NUM_OPS; i++)
    for (int j = i + 1; j < IR_NUM_OPS; j++)
      ck_assert_msg(ir_optab[i].bc != ir_optab[j].bc, "'%s' and '%s' share opcode %#x",
                    ir_optab[i].name, ir_optab[j].name, ir_optab[i].bc);
}
END_TEST

START_TEST(versions_and_flags) {
  const struct ir_opinfo *o = &ir_optab[_i];
  ck_assert_msg(o->since >= IR_VERSION_MIN && o->since <= IR_VERSION_MAX, "%s: since %d",
                o->name, o->since);
  ck_assert_msg(o->nres >= -1 && o->nres <= 3, "%s: nres %d", o->name, o->nres);
  ck_assert_msg(!((o->flags & OPF_FLOAT) && (o->flags & OPF_INT)), "%s: float and int",
                o->name);
  if (o->flags & OPF_TERM) ck_assert_msg(o->nres == 0, "%s: a terminator with results", o->name);
  if (o->flags & OPF_ELEMWISE) ck_assert_msg(o->nres == 1, "%s: elementwise", o->name);
}
END_TEST

/* Each {name} or {name=default} in a format has a row in attr_table, and
** each default of {rnd=...} is a rounding mode. */
START_TEST(format_attributes_exist) {
  const char *f = ir_optab[_i].fmt;
  for (; f && (f = strchr(f, '{')); f++) {
    const char *end = strchr(f, '}'), *eq = memchr(f, '=', (size_t)(end - f));
    ck_assert_msg(end, "%s: unclosed '{'", ir_optab[_i].name);
    size_t n = (size_t)((eq ? eq : end) - f - 1);
    ck_assert_msg(attr_syntax_get(f + 1, n) != NULL, "%s: no syntax for {%.*s}",
                  ir_optab[_i].name, (int)n, f + 1);
    if (eq && n == 3 && memcmp(f + 1, "rnd", 3) == 0) {
      int found = 0;
      for (int r = 0; r < RND_COUNT; r++)
        found |= strlen(ir_rounding_names[r]) == (size_t)(end - eq - 1) &&
                 memcmp(ir_rounding_names[r], eq + 1, (size_t)(end - eq - 1)) == 0;
      ck_assert_msg(found, "%s: bad rounding default '%.*s'", ir_optab[_i].name,
                    (int)(end - eq - 1), eq + 1);
    }
  }
}
END_TEST

/* Formats are well formed: optional groups close, t(...) closes. */
START_TEST(format_groups_balanced) {
  const char *f = ir_optab[_i].fmt;
  if (!f) return;
  int depth = 0;
  for (const char *s = f; *s; s++) {
    if (s[0] == '?' && s[1] == '[') depth++;
    if (s[0] == ']' && s[1] == '?') depth--;
    ck_assert_msg(depth >= 0 && depth <= 1, "%s: bad nesting in '%s'", ir_optab[_i].name, f);
  }
  ck_assert_msg(depth == 0, "%s: unclosed group in '%s'", ir_optab[_i].name, f);
}
END_TEST

/* The ops that have no format have a hand-written syntax. */
START_TEST(custom_syntax_present) {
  if (ir_optab[_i].fmt) return;
  ck_assert_msg(ir_custom_syntax[_i].parse && ir_custom_syntax[_i].print,
                "%s: no format and no custom syntax", ir_optab[_i].name);
}
END_TEST

START_TEST(unknown_attribute_name) {
  ck_assert_ptr_null(attr_syntax_get("nosuch", 6));
  ck_assert_ptr_null(attr_syntax_get("rn", 2));
  ck_assert_ptr_nonnull(attr_syntax_get("rnd", 3));
  ck_assert_ptr_nonnull(attr_syntax_get("scope?", 6));
}
END_TEST

Suite *suite_ir_optab(void) {
  Suite *s = suite_create("ir_optab");
  TCase *tc = tcase_create("table");
  tcase_add_test(tc, rows_sorted);
  tcase_add_loop_test(tc, lookup_finds_every_op, 0, IR_NUM_OPS);
  tcase_add_test(tc, lookup_misses);
  tcase_add_test(tc, bytecode_opcodes_unique);
  tcase_add_loop_test(tc, versions_and_flags, 0, IR_NUM_OPS);
  tcase_add_loop_test(tc, format_attributes_exist, 0, IR_NUM_OPS);
  tcase_add_loop_test(tc, format_groups_balanced, 0, IR_NUM_OPS);
  tcase_add_loop_test(tc, custom_syntax_present, 0, IR_NUM_OPS);
  tcase_add_test(tc, unknown_attribute_name);
  suite_add_tcase(s, tc);
  return s;
}
