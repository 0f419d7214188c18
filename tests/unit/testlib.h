/* testlib.h -- helpers shared by the Check suites (tt_ prefix). */
#ifndef TILESIM_TESTLIB_H
#define TILESIM_TESTLIB_H

#include <check.h>

#include "ir.h"

/* Diagnostics collected from a sink: the messages, one per line. */
struct tt_diags {
  struct ts_diag_sink sink;
  char text[8192];
  unsigned first_line;     /* line of the first diagnostic */
};
void tt_diags_init(struct tt_diags *d);

/* Parse text (named "t.mlir"); NULL on a parse error (in d). */
struct ir_module *tt_parse(const char *text, struct tt_diags *d);
/* Parse and verify; returns the error count (parse errors count 1). */
unsigned tt_verify(const char *text, struct tt_diags *d);
/* Parse, verify and print; the text (free it) or NULL. */
char *tt_fmt(const char *text);

Suite *suite_ir_lex(void);
Suite *suite_ir_types(void);
Suite *suite_ir_optab(void);
Suite *suite_ir_verify_arith(void);
Suite *suite_ir_verify_mem(void);
Suite *suite_ir_verify_struct(void);
Suite *suite_ir_print(void);
Suite *suite_ir_float(void);
Suite *suite_ir_bytecode(void);

#endif
