/* check_models.c -- the unit tests of src/models. */
#include <config.h>

#include <stdlib.h>

#include "testlib.h"

Suite *suite_hw_desc(void);
Suite *suite_whatif(void);
Suite *suite_perf_map(void);
Suite *suite_perf_model(void);

int main(void) {
  SRunner *sr = srunner_create(suite_hw_desc());
  srunner_add_suite(sr, suite_whatif());
  srunner_add_suite(sr, suite_perf_map());
  srunner_add_suite(sr, suite_perf_model());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
