/*
** ir_generic.c -- MLIR's generic op form:
**   "cuda_tile.NAME"(operands) [<{properties}>] [{attributes}] [(regions)]
**       ':' '(' types ')' '->' (type | '(' types ')')
*/
#include <config.h>
#include "ir_int.h"

void parse_generic(struct parser *p, struct opbuild *b) {
  (void)b;
  parse_fail_tok(p, "the generic op form is not supported yet");
}
