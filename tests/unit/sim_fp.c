/* sim_fp.c -- unit tests. */
#include <config.h>

#include "testlib.h"

START_TEST(placeholder) { ck_assert_int_eq(1, 1); }
END_TEST

Suite *suite_sim_fp(void) {
  Suite *s = suite_create("sim_fp");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, placeholder);
  suite_add_tcase(s, tc);
  return s;
}
