/*
** ir_verify.c -- the verifier's driver: walk the module, check what holds
** for every op (types well formed, operand classes of the ops.def flags,
** where an op may appear), then the op's own rules (ir_verify_<id>).
** It never stops at the first error: it reports all and counts them.
*/
#include <config.h>
#include "ir_verify_int.h"

#include <stdio.h>
#include <string.h>

static void (*const verify_tab[IR_NUM_OPS])(struct vctx *, const struct ir_op *) = {
#define OP(id, mn, bc, since, nres, fl, fmt) [IR_OP_##id] = ir_verify_##id,
#include "ops.def"
};

void verr_at(struct vctx *v, struct ts_loc loc, const struct ir_op *op,
             const char *fmt, ...) {
  char msg[900];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  v->errors++;
  ts_diag_emit(v->sink, TS_ERROR, loc, "'%s' op %s", ir_optab[op->code].name, msg);
}

void verr(struct vctx *v, const struct ir_op *op, const char *fmt, ...) {
  char msg[900];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  v->errors++;
  ts_diag_emit(v->sink, TS_ERROR, op->loc, "'%s' op %s", ir_optab[op->code].name, msg);
}

const char *vty(const struct ty *t) {
  static _Thread_local char ring[4][512];
  static _Thread_local int k;
  char *s = ring[k++ & 3];
  struct ts_buf b = {0};
  if (t) ty_print(&b, t);
  snprintf(s, 512, "%s", b.s ? b.s : "?");
  ts_buf_free(&b);
  return s;
}

bool is_tile(const struct ty *t) { return t && t->kind == TY_TILE; }
bool is_scalar_tile(const struct ty *t) { return is_tile(t) && t->rank == 0; }
bool is_int_tile(const struct ty *t) {
  return is_tile(t) && t->elt->kind == TY_INT && t->elt->elem != EL_I4;
}
bool is_float_tile(const struct ty *t) {
  if (!is_tile(t) || t->elt->kind != TY_FLOAT) return false;
  enum ty_elem e = t->elt->elem;
  return e == EL_F16 || e == EL_BF16 || e == EL_F32 || e == EL_F64;
}
bool is_any_float_tile(const struct ty *t) { return is_tile(t) && t->elt->kind == TY_FLOAT; }
bool is_ptr_tile(const struct ty *t) { return is_tile(t) && t->elt->kind == TY_PTR; }
bool is_number_tile(const struct ty *t) {
  return is_tile(t) && (t->elt->kind == TY_INT || t->elt->kind == TY_FLOAT);
}
bool elem_is(const struct ty *t, enum ty_elem e) {
  return is_tile(t) && t->elt->kind != TY_PTR && t->elt->elem == e;
}
bool same_shape(const struct ty *a, const struct ty *b) {
  if (a->rank != b->rank) return false;
  for (int i = 0; i < a->rank; i++) if (a->shape[i] != b->shape[i]) return false;
  return true;
}
const struct ir_op *parent_op(const struct ir_op *op) {
  return op->parent ? op->parent->parent : NULL;
}
struct ir_value **group(const struct ir_op *op, int g, int *n) {
  return ir_op_group(op, g, n);
}

/* ---- types ---- */

static bool pow2(int64_t x) { return x > 0 && (x & (x - 1)) == 0; }

/* Rules every tile type obeys wherever it appears (spec: Types). */
static void check_tile_type(struct vctx *v, const struct ir_op *op,
                            struct ts_loc loc, const struct ty *t) {
  if (t->kind == TY_PTR || (t->kind == TY_TILE && t->elt->kind == TY_PTR)) {
    const struct ty *pe = t->kind == TY_PTR ? t->elt : t->elt->elt;
    if (pe->kind == TY_INT && pe->elem == EL_I4)
      verr_at(v, loc, op, "pointer element type must not be i4 (in %s)", vty(t));
  }
  if (t->kind != TY_TILE) return;
  int64_t n = 1;
  for (int i = 0; i < t->rank; i++) {
    if (!pow2(t->shape[i])) {
      verr_at(v, loc, op, "tile dimensions must be positive powers of two, got %s", vty(t));
      return;
    }
    n *= t->shape[i];
    if (n > (1 << 24)) {
      verr_at(v, loc, op, "tile %s has more than 2^24 elements", vty(t));
      return;
    }
  }
  if (t->elt->kind != TY_PTR && t->elt->elem == EL_F4E2M1FN && t->rank > 0 && n % 2)
    verr_at(v, loc, op, "a tile of f4E2M1FN must have an even number of elements, got %s", vty(t));
}

static void check_view_type(struct vctx *v, const struct ir_op *op,
                            struct ts_loc loc, const struct ty *t);

static void check_type(struct vctx *v, const struct ir_op *op, struct ts_loc loc,
                       const struct ty *t) {
  if (t->kind == TY_TILE || t->kind == TY_PTR) check_tile_type(v, op, loc, t);
  else if (t->kind == TY_TENSOR_VIEW || ty_is_view(t)) check_view_type(v, op, loc, t);
}

/* tensor_view shape and strides are positive; tiled views: tile dims
** powers of two, one per tensor dim, dim_map a permutation, padding only
** for floats where it is not zero. */
static void check_view_type(struct vctx *v, const struct ir_op *op,
                            struct ts_loc loc, const struct ty *t) {
  const struct ty *tv = t->kind == TY_TENSOR_VIEW ? t : t->tv;
  for (int i = 0; i < tv->rank; i++) {
    if (tv->shape[i] != TY_DYNAMIC && tv->shape[i] <= 0) {
      verr_at(v, loc, op, "tensor_view dimensions must be positive, got %s", vty(tv));
      return;
    }
    if (tv->strides[i] != TY_DYNAMIC && tv->strides[i] <= 0) {
      verr_at(v, loc, op, "tensor_view strides must be positive, got %s", vty(tv));
      return;
    }
  }
  if (tv->elt->kind == TY_INT && tv->elt->elem == EL_I4)
    verr_at(v, loc, op, "tensor_view element type must not be i4");
  if (t == tv) return;
  if (t->rank != tv->rank) {
    verr_at(v, loc, op, "view tile rank %d does not match tensor_view rank %d", t->rank, tv->rank);
    return;
  }
  if (t->rank == 0) verr_at(v, loc, op, "0-d tiled views are not supported");
  for (int i = 0; i < t->rank; i++)
    if (!pow2(t->shape[i]) || t->shape[i] > INT32_MAX)
      verr_at(v, loc, op, "view tile dimensions must be positive powers of two, got %s", vty(t));
  if (t->dim_map) {
    bool seen[16] = {0};
    for (int i = 0; i < t->rank; i++) {
      int64_t d = t->dim_map[i];
      if (d < 0 || d >= t->rank || seen[d]) {
        verr_at(v, loc, op, "dim_map must be a permutation of [0, %d), got %s", t->rank, vty(t));
        break;
      }
      seen[d] = true;
    }
  }
  if (t->padding > PAD_ZERO && t->elt->kind != TY_FLOAT)
    verr_at(v, loc, op, "padding_value %d is only allowed for float elements", t->padding);
  if (t->kind == TY_STRIDED_VIEW)
    for (int i = 0; i < t->rank; i++)
      if (t->strides[i] <= 0)
        verr_at(v, loc, op, "traversal strides must be positive, got %s", vty(t));
  if (t->kind == TY_GATHER_SCATTER_VIEW && (t->sparse_dim < 0 || t->sparse_dim >= t->rank))
    verr_at(v, loc, op, "sparse_dim %d is out of range for rank %d", t->sparse_dim, t->rank);
}

/* ---- where ops may appear ---- */

static void check_placement(struct vctx *v, const struct ir_op *op) {
  unsigned fl = ir_optab[op->code].flags;
  const struct ir_op *par = parent_op(op);
  bool in_module = par && par->code == IR_OP_module;
  if ((fl & OPF_TOP) && !in_module)
    verr(v, op, "must appear directly in a cuda_tile.module");
  if (!(fl & OPF_TOP) && in_module)
    verr(v, op, "may not appear directly in a cuda_tile.module (only global, entry)");
  if ((fl & OPF_TERM) && op->next)
    verr(v, op, "must be the last operation in its block");
}

static void verify_block(struct vctx *v, const struct ir_block *b);

static void verify_op(struct vctx *v, const struct ir_op *op) {
  unsigned before = v->errors;
  check_placement(v, op);
  for (int i = 0; i < op->nout; i++) check_type(v, op, op->loc, op->out[i].type);
  for (int r = 0; r < op->nregions; r++) {
    const struct ir_block *b = op->regions[r].block;
    if (!b) continue;
    for (int i = 0; i < b->nargs; i++)
      check_type(v, op, b->args[i].loc.src ? b->args[i].loc : op->loc, b->args[i].type);
  }
  unsigned fl = ir_optab[op->code].flags;
  if ((fl & OPF_ELEMWISE) && op->nout == 1) {
    const struct ty *t = op->out[0].type;
    bool ok = (fl & OPF_FLOAT) ? is_float_tile(t) : is_int_tile(t);
    if (!ok)
      verr(v, op, "result must be a tile of %s values, got %s",
           (fl & OPF_FLOAT) ? "f16, bf16, f32 or f64" : "integer", vty(t));
    for (int i = 0; ok && i < op->nin; i++)
      if (op->in[i]->type != t) {
        verr(v, op, "requires the same type for all operands and results");
        break;
      }
  }
  if (v->errors == before) verify_tab[op->code](v, op);
  for (int r = 0; r < op->nregions; r++)
    if (op->regions[r].block) verify_block(v, op->regions[r].block);
}

static void verify_block(struct vctx *v, const struct ir_block *b) {
  for (const struct ir_op *op = b->first; op; op = op->next) verify_op(v, op);
}

unsigned ir_verify(const struct ir_module *m, struct ts_diag_sink *sink) {
  struct vctx v = { m, sink, 0 };
  for (const struct ir_op *op = m->op; op; op = op->next)
    verify_block(&v, op->regions[0].block);
  return v.errors;
}
