/*
** sim_exec_elem.c -- elementwise ops: integer and float arithmetic, comparisons,
** select, math functions, conversions, pointer arithmetic and assume.
*/
#include <config.h>
#include "sim_int.h"

int sim_exec_absf(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_absi(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_addf(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_addi(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_andi(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_assume(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_atan2(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_bitcast(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_ceil(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_cmpf(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_cmpi(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_cos(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_cosh(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_divf(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_divi(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_exp(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_exp2(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_exti(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_floor(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_fma(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_fpowi(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_ftof(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_ftoi(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_int_to_ptr(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_itof(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_log(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_log2(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_maxf(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_maxi(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_minf(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_mini(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_mulf(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_mulhii(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_muli(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_negf(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_negi(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_offset(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_ori(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_pow(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_ptr_to_int(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_ptr_to_ptr(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_remf(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_remi(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_rsqrt(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_select(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_shli(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_shri(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_sin(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_sinh(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_sqrt(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_subf(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_subi(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_tan(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_tanh(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_trunci(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}

int sim_exec_xori(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "'%s' is not implemented yet", ir_optab[op->code].name);
}
