/*
** ir_verify_arith.c -- the rules of elementwise arithmetic, math, comparisons,
** conversions, constants and assume (spec: Ops.td).
** What every op obeys is checked before, in ir_verify.c.
*/
#include <config.h>
#include "ir_verify_int.h"

void ir_verify_absf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_absi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_addf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_addi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_andi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_assume(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_atan2(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_bitcast(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ceil(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cmpf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cmpi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_constant(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cos(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cosh(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_divf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_divi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_exp(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_exp2(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_exti(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_floor(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_fma(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_fpowi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ftof(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ftoi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_int_to_ptr(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_iota(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_itof(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_log(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_log2(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_maxf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_maxi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_minf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mini(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mulf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mulhii(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_muli(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_negf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_negi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_offset(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ori(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_pow(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ptr_to_int(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ptr_to_ptr(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_remf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_remi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_rsqrt(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_select(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_shli(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_shri(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_sin(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_sinh(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_sqrt(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_subf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_subi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_tan(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_tanh(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_trunci(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_xori(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }
