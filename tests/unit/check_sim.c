/* check_sim.c -- the unit tests of src/sim. */
#include <config.h>

#include <stdlib.h>

#include "testlib.h"

Suite *suite_sim_math(void);
Suite *suite_sim_npy(void);
Suite *suite_sim_fp(void);
Suite *suite_sim_ops(void);
Suite *suite_sim_mma_model(void);
Suite *suite_sim_gemm(void);
Suite *suite_sim_trace(void);

int main(void) {
  SRunner *sr = srunner_create(suite_sim_math());
  srunner_add_suite(sr, suite_sim_npy());
  srunner_add_suite(sr, suite_sim_fp());
  srunner_add_suite(sr, suite_sim_ops());
  srunner_add_suite(sr, suite_sim_mma_model());
  srunner_add_suite(sr, suite_sim_gemm());
  srunner_add_suite(sr, suite_sim_trace());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
