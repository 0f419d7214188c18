/*
** ir_float.c -- unit tests of src/ir/ir_float.c against reference vectors
** computed by numpy, ml_dtypes and an independent model of MLIR's float
** printing (tests/unit/gen_float_vectors.py -> float_vectors.h).
*/
#include <config.h>

#include <math.h>
#include <string.h>

#include "ir_int.h"
#include "testlib.h"

#include "float_vectors.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* decimal text -> bits, rounded to nearest even once from the double */
START_TEST(parse_vectors) {
  const struct fv_parse *v = &fv_parse[_i];
  uint64_t bits = 0xDEADBEEF;
  int rc = ir_float_from_text(v->e, v->text, strlen(v->text), &bits);
  if (!v->ok) {
    ck_assert_msg(rc != 0, "%s \"%s\": got %#llx, want an error", ty_elem_names[v->e],
                  v->text, (unsigned long long)bits);
    return;
  }
  ck_assert_msg(rc == 0, "%s \"%s\": got an error, want %#llx", ty_elem_names[v->e], v->text,
                (unsigned long long)v->bits);
  ck_assert_msg(bits == v->bits, "%s \"%s\": got %#llx want %#llx", ty_elem_names[v->e],
                v->text, (unsigned long long)bits, (unsigned long long)v->bits);
}
END_TEST

/* bits -> the exact value; NaN patterns give a NaN, zeros keep their sign */
START_TEST(decode_vectors) {
  const struct fv_decode *v = &fv_decode[_i];
  double got = ir_float_to_double(v->e, v->bits);
  if (isnan(v->value)) {
    ck_assert_msg(isnan(got), "%s %#llx: got %a want NaN", ty_elem_names[v->e],
                  (unsigned long long)v->bits, got);
    return;
  }
  ck_assert_msg(got == v->value && !signbit(got) == !signbit(v->value),
                "%s %#llx: got %a want %a", ty_elem_names[v->e], (unsigned long long)v->bits,
                got, v->value);
}
END_TEST

/* bits -> MLIR's text */
START_TEST(print_vectors) {
  const struct fv_print *v = &fv_print[_i];
  struct ts_buf b = {0};
  ir_float_print(&b, v->e, v->bits);
  ck_assert_msg(b.s && strcmp(b.s, v->text) == 0, "%s %#llx: got \"%s\" want \"%s\"",
                ty_elem_names[v->e], (unsigned long long)v->bits, b.s ? b.s : "", v->text);
  ts_buf_free(&b);
}
END_TEST

/* Every printed finite value reads back to the same bits (the printer's
** own guarantee, checked here through the reader). */
START_TEST(print_reads_back) {
  const struct fv_print *v = &fv_print[_i];
  if (strncmp(v->text, "0x", 2) == 0) return;
  uint64_t bits = 0;
  int rc = ir_float_from_text(v->e, v->text, strlen(v->text), &bits);
  ck_assert_msg(rc == 0 && bits == v->bits, "%s \"%s\": read back %#llx (rc %d), want %#llx",
                ty_elem_names[v->e], v->text, (unsigned long long)bits, rc,
                (unsigned long long)v->bits);
}
END_TEST

/* Text that is not a whole decimal literal is rejected. */
START_TEST(parse_rejects_garbage) {
  static const char *const bad[] = { "", "1.0x", "abc", "1.0 2" };
  for (int i = 0; i < COUNT(bad); i++) {
    uint64_t bits;
    ck_assert_msg(ir_float_from_text(EL_F32, bad[i], strlen(bad[i]), &bits) != 0,
                  "\"%s\" was accepted", bad[i]);
  }
}
END_TEST

Suite *suite_ir_float(void) {
  Suite *s = suite_create("ir_float");
  TCase *tc = tcase_create("vectors");
  tcase_add_loop_test(tc, parse_vectors, 0, COUNT(fv_parse));
  tcase_add_loop_test(tc, decode_vectors, 0, COUNT(fv_decode));
  tcase_add_loop_test(tc, print_vectors, 0, COUNT(fv_print));
  tcase_add_loop_test(tc, print_reads_back, 0, COUNT(fv_print));
  tcase_add_test(tc, parse_rejects_garbage);
  suite_add_tcase(s, tc);
  return s;
}
