/* check_models.c -- the unit tests of src/models. */
#include <config.h>

#include <stdlib.h>

#include "testlib.h"

Suite *suite_hw_desc(void);

int main(void) {
  SRunner *sr = srunner_create(suite_hw_desc());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
