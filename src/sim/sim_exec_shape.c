/*
** sim_exec_shape.c -- ops that move elements: constant, iota, broadcast, reshape,
** permute, cat, extract, insert, pack and unpack.
*/
#include <config.h>
#include "sim_int.h"

int sim_exec_broadcast(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_cat(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_constant(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_extract(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_insert(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_iota(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_pack(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_permute(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_reshape(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_unpack(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}
