/*
** sim_exec_reduce.c -- reduce and scan: the region is the combiner.
*/
#include <config.h>
#include "sim_int.h"

int sim_exec_reduce(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_scan(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}
