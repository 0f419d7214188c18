/*
** ir_verify_int.h -- what the per-op rules (ir_verify_ops.c) share with the
** verifier's driver (ir_verify.c).
*/
#ifndef TILESIM_IR_VERIFY_INT_H
#define TILESIM_IR_VERIFY_INT_H

#include "ir_int.h"

struct vctx {
  const struct ir_module *m;
  struct ts_diag_sink *sink;
  unsigned errors;
  enum ir_hints_check hints;    /* how unsupported optimization hints are treated */
};

/* Report "'<op>' op <message>" at op's location. */
void verr(struct vctx *v, const struct ir_op *op, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The same at a value (its definition or its use is op). */
void verr_at(struct vctx *v, struct ts_loc loc, const struct ir_op *op,
             const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A type as text, in a per-call rotating buffer (for messages). */
const char *vty(const struct ty *t);

/* Element-class predicates on tile types (false for non-tiles). */
bool is_tile(const struct ty *t);
bool is_scalar_tile(const struct ty *t);          /* rank 0 */
bool is_int_tile(const struct ty *t);             /* i1..i64 (not i4) */
bool is_float_tile(const struct ty *t);           /* f16, bf16, f32, f64 */
bool is_any_float_tile(const struct ty *t);       /* every float type */
bool is_ptr_tile(const struct ty *t);
bool is_number_tile(const struct ty *t);
bool elem_is(const struct ty *t, enum ty_elem e); /* tile of e */
bool same_shape(const struct ty *a, const struct ty *b);
/* The op that holds op (NULL at module level). */
const struct ir_op *parent_op(const struct ir_op *op);
/* Operand group g as an array and count. */
struct ir_value **group(const struct ir_op *op, int g, int *n);

/* One verifier per op, named after its ops.def row. */
#define OP(id, mn, bc, since, nres, fl, fmt) \
  void ir_verify_##id(struct vctx *v, const struct ir_op *op);
#include "ops.def"

#endif
