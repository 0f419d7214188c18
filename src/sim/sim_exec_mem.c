/*
** sim_exec_mem.c -- memory: pointer loads and stores, views, atomics, tokens,
** alloca, globals, print and assert.
*/
#include <config.h>
#include "sim_int.h"

int sim_exec_alloca(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_assert(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_atomic_cas_tko(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_atomic_red_view_tko(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_atomic_rmw_tko(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_gdc_launch_dependents_tko(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_gdc_wait_tko(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_get_global(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_get_index_space_shape(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_get_tensor_shape(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_join_tokens(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_load_ptr_tko(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_load_view_tko(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_make_gather_scatter_view(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_make_partition_view(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_make_strided_view(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_make_tensor_view(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_make_token(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_memory_fence_alias_tko(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_print_tko(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_store_ptr_tko(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_store_view_tko(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}
