/* check_ir.c -- the unit tests of src/ir. */
#include <config.h>

#include <stdlib.h>

#include "testlib.h"

int main(void) {
  SRunner *sr = srunner_create(suite_ir_lex());
  srunner_add_suite(sr, suite_ir_types());
  srunner_add_suite(sr, suite_ir_optab());
  srunner_add_suite(sr, suite_ir_verify_arith());
  srunner_add_suite(sr, suite_ir_verify_mem());
  srunner_add_suite(sr, suite_ir_verify_struct());
  srunner_add_suite(sr, suite_ir_print());
  srunner_add_suite(sr, suite_ir_float());
  srunner_add_suite(sr, suite_ir_bytecode());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
