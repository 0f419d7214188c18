/*
** ir_verify_ops.c -- each op's own rules (spec: Ops.td), one function per
** ops.def row.  What every op obeys is checked before, in ir_verify.c.
*/
#include <config.h>
#include "ir_verify_int.h"

void ir_verify_absf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_absi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_addf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_addi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_alloca(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_andi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_assert(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_assume(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_atan2(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_atomic_cas_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_atomic_red_view_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_atomic_rmw_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_bitcast(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_break(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_broadcast(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cat(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ceil(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cmpf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cmpi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_constant(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_continue(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cos(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cosh(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_divf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_divi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_entry(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_exp(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_exp2(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_exti(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_extract(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_floor(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_fma(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_for(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_fpowi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ftof(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ftoi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_gdc_launch_dependents_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_gdc_wait_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_get_global(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_get_index_space_shape(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_get_num_tile_blocks(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_get_tensor_shape(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_get_tile_block_id(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_global(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_if(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_insert(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_int_to_ptr(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_iota(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_itof(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_join_tokens(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_load_ptr_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_load_view_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_log(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_log2(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_loop(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_make_gather_scatter_view(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_make_partition_view(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_make_strided_view(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_make_tensor_view(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_make_token(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_maxf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_maxi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_memory_fence_alias_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_minf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mini(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mmaf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mmaf_scaled(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mmai(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_module(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mulf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_mulhii(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_muli(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_negf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_negi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_offset(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ori(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_pack(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_permute(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_pow(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_print_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ptr_to_int(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ptr_to_ptr(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_reduce(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_remf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_remi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_reshape(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_return(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_rsqrt(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_scan(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_select(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_shli(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_shri(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_sin(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_sinh(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_sqrt(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_store_ptr_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_store_view_tko(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_subf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_subi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_tan(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_tanh(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_testing_func(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_trunci(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_unpack(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_xori(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_yield(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }
