/*
** sim_exec_mma.c -- matrix multiply: mmaf, mmai and mmaf_scaled.
*/
#include <config.h>
#include "sim_int.h"

int sim_exec_mmaf(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_mmaf_scaled(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_mmai(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}
