/*
** ir_verify_mem.c -- the rules of memory: pointers, views, loads and stores,
** atomics, tokens, globals, alloca, print and assert (spec: Ops.td).
** What every op obeys is checked before, in ir_verify.c.
**
** Each op stops at its first broken rule, as NVIDIA's verifier does: the
** later rules often assume the earlier ones (a shape compared with the
** shape of something that is not a tile) and would only repeat the news.
** The text syntax (ops.def) already makes the operands whose types are
** written out agree with them; what it cannot see is checked here: the
** operands whose types are never written (tokens, cmp of atomic_cas_tko,
** the tensor_view of make_*_view, the dynamic sizes of make_tensor_view)
** and every relation between types.
*/
#include <config.h>
#include "ir_verify_int.h"

#include <stdio.h>
#include <string.h>

/* ================= shared checks ================= */

static bool is_token(const struct ty *t) { return t && t->kind == TY_TOKEN; }

static bool is_scalar_ptr(const struct ty *t) { return is_ptr_tile(t) && t->rank == 0; }

static bool is_scalar_int(const struct ty *t) { return is_int_tile(t) && t->rank == 0; }

/* The pointee of a tile of pointers. */
static const struct ty *pointee(const struct ty *ptrs) { return ptrs->elt->elt; }

/* The one operand of group g, or NULL when the optional group is empty. */
static struct ir_value *opt_operand(const struct ir_op *op, int g) {
  int n;
  struct ir_value **x = group(op, g, &n);
  return n ? x[0] : NULL;
}

/* The operand of the required group g. */
static const struct ty *operand_type(const struct ir_op *op, int g) {
  return opt_operand(op, g)->type;
}

/* The optional `token = %t` (group g) orders the op after %t: a token. */
static bool token_operand_ok(struct vctx *v, const struct ir_op *op, int g) {
  struct ir_value *t = opt_operand(op, g);
  if (!t || is_token(t->type)) return true;
  verr(v, op, "token operand must be a token, got %s", vty(t->type));
  return false;
}

static bool token_result_ok(struct vctx *v, const struct ir_op *op, int r) {
  if (is_token(op->out[r].type)) return true;
  verr(v, op, "result %d must be a token, got %s", r, vty(op->out[r].type));
  return false;
}

/* The token-ordered ops with nothing else to check: an optional token in
** (group g), a token out (result r). */
static void tokens_ok(struct vctx *v, const struct ir_op *op, int g, int r) {
  if (token_result_ok(v, op, r)) token_operand_ok(v, op, g);
}

/* A mask (group g, optional) selects lanes of a tile shaped like ref. */
static bool mask_ok(struct vctx *v, const struct ir_op *op, int g,
                    const struct ty *ref, const char *refname) {
  struct ir_value *m = opt_operand(op, g);
  if (!m) return true;
  if (!elem_is(m->type, EL_I1)) {
    verr(v, op, "mask must be a tile of i1, got %s", vty(m->type));
    return false;
  }
  if (!same_shape(m->type, ref)) {
    verr(v, op, "mask shape must match the shape of the %s (%s vs %s)", refname,
         vty(m->type), vty(ref));
    return false;
  }
  return true;
}

/* ---- the memory model ---- */

/* The attributes the text syntax always has, which the generic form may
** leave out: the ordering, and where asked the scope and the atomic mode. */
static bool attrs_given(struct vctx *v, const struct ir_op *op, bool scope, bool mode) {
  const char *missing = op->attr.mem_order < 0 ? "a memory ordering"
                        : scope && op->attr.scope < 0 ? "a memory scope"
                        : mode && op->attr.mode < 0 ? "an atomic mode" : NULL;
  if (missing) verr(v, op, "requires %s", missing);
  return !missing;
}

/*
** Loads may be weak, relaxed or acquire; stores weak, relaxed or release.
** A weak access does not synchronize with other threads, so a scope would
** mean nothing and is refused; every other ordering needs one to say with
** whom it synchronizes (spec: memory model).
*/
static bool order_ok(struct vctx *v, const struct ir_op *op, bool load) {
  int mo = op->attr.mem_order;
  int other = load ? MO_ACQUIRE : MO_RELEASE;
  const char *what = load ? "load" : "store";
  if (mo != MO_WEAK && mo != MO_RELAXED && mo != other) {
    verr(v, op, "memory ordering of a %s must be weak, relaxed or %s, got %s", what,
         ir_mem_order_names[other], ir_mem_order_names[mo]);
    return false;
  }
  if (mo == MO_WEAK && op->attr.scope >= 0) {
    verr(v, op, "weak %s must not have a memory scope, got %s", what,
         ir_scope_names[op->attr.scope]);
    return false;
  }
  if (mo != MO_WEAK && op->attr.scope < 0) {
    verr(v, op, "%s %s requires a memory scope (tl_blk, device or sys)",
         ir_mem_order_names[mo], what);
    return false;
  }
  return true;
}

/* An atomic always synchronizes: weak is the one ordering it cannot have. */
static bool atomic_order_ok(struct vctx *v, const struct ir_op *op) {
  if (op->attr.mem_order != MO_WEAK) return true;
  verr(v, op, "atomic memory ordering must be relaxed, acquire, release or acq_rel, got weak");
  return false;
}

/*
** The element types each atomic mode works on: the bitwise and integer
** modes on i32 and i64, addf on f16, bf16, f32 and f64, xchg on any 32- or
** 64-bit integer or float (tf32, 19 bits wide, is not one).
*/
static bool mode_ok(struct vctx *v, const struct ir_op *op, const struct ty *elt) {
  int mode = op->attr.mode;
  enum ty_elem e = elt->elem;
  bool isint = elt->kind == TY_INT, isfloat = elt->kind == TY_FLOAT;
  int bits = isint || isfloat ? ty_elem_bits(e) : 0;
  const char *want;
  bool ok;
  if (mode == AM_ADDF) {
    ok = isfloat && (e == EL_F16 || e == EL_BF16 || e == EL_F32 || e == EL_F64);
    want = "f16, bf16, f32 or f64";
  } else if (mode == AM_XCHG) {
    ok = bits == 32 || bits == 64;
    want = "32- or 64-bit integer or float";
  } else {
    ok = isint && (e == EL_I32 || e == EL_I64);
    want = "i32 or i64";
  }
  if (!ok)
    verr(v, op, "atomic mode '%s' works only on %s elements, got %s",
         ir_atomic_mode_names[mode], want, vty(elt));
  return ok;
}

/* ---- views ---- */

static bool is_view_or_complain(struct vctx *v, const struct ir_op *op,
                                const struct ty *t) {
  if (ty_is_view(t)) return true;
  verr(v, op, "view operand must be a partition_view, strided_view or "
       "gather_scatter_view, got %s", vty(t));
  return false;
}

/*
** The tile a view moves: its tile shape with its tensor's element type.
** dim_map says where the tile's dims lie in the tensor; it does not
** reorder the tile itself (NVIDIA's getViewTileType).
*/
static bool is_view_tile(const struct ty *view, const struct ty *t) {
  if (!is_tile(t) || t->elt != view->tv->elt || t->rank != view->rank) return false;
  return memcmp(t->shape, view->shape, (size_t)t->rank * sizeof *t->shape) == 0;
}

/* The view's tile type as text, "tile<8x16xf32>", into buf. */
static const char *view_tile_text(const struct ty *view, char *buf, size_t n) {
  size_t k = (size_t)snprintf(buf, n, "tile<");
  for (int i = 0; i < view->rank && k < n; i++)
    k += (size_t)snprintf(buf + k, n - k, "%lldx", (long long)view->shape[i]);
  if (k < n) snprintf(buf + k, n - k, "%s>", vty(view->tv->elt));
  return buf;
}

static bool view_tile_ok(struct vctx *v, const struct ir_op *op,
                         const struct ty *view, const struct ty *t, const char *what) {
  char buf[256];
  if (is_view_tile(view, t)) return true;
  verr(v, op, "%s type must be %s (the view's tile), got %s", what,
       view_tile_text(view, buf, sizeof buf), vty(t));
  return false;
}

static bool index_count_ok(struct vctx *v, const struct ir_op *op,
                           const struct ty *view, int n) {
  int want = ty_view_index_rank(view);
  if (n == want) return true;
  verr(v, op, "expected %d indices (the view's index rank), got %d", want, n);
  return false;
}

/* Every index is an integer tile; those listed in scalar (all but a
** gather dim) are 0-d and, when same, of one type. */
static bool scalar_indices_ok(struct vctx *v, const struct ir_op *op,
                              struct ir_value **idx, int n, int skip, bool same) {
  const struct ty *first = NULL;
  for (int i = 0; i < n; i++) {
    const struct ty *t = idx[i]->type;
    if (!is_int_tile(t)) {
      verr(v, op, "index %d must be an integer tile, got %s", i, vty(t));
      return false;
    }
    if (i == skip) continue;
    if (t->rank != 0) {
      verr(v, op, "index %d must be a 0-d tile, got %s", i, vty(t));
      return false;
    }
    if (!first) first = t;
    else if (same && t != first) {
      verr(v, op, "indices must all have one type: index %d is %s, not %s", i, vty(t),
           vty(first));
      return false;
    }
  }
  return true;
}

/*
** The indices of a view (spec: Types, verifyIndices).  partition_view and
** strided_view take 0-d integer tiles of one type; gather_scatter_view
** takes, at sparse_dim, a 1-d tile with one row index per row of the
** tile, and 0-d tiles of one type elsewhere.  The count is checked first.
*/
static bool view_indices_ok(struct vctx *v, const struct ir_op *op,
                            const struct ty *view, struct ir_value **idx, int n) {
  if (view->kind != TY_GATHER_SCATTER_VIEW) return scalar_indices_ok(v, op, idx, n, -1, true);
  int d = view->sparse_dim;
  if (!scalar_indices_ok(v, op, idx, n, d, true)) return false;
  const struct ty *g = idx[d]->type;
  if (g->rank != 1) {
    verr(v, op, "index %d (the sparse_dim) must be a 1-d tile, got %s", d, vty(g));
    return false;
  }
  if (g->shape[0] != view->shape[d]) {
    verr(v, op, "index %d (the sparse_dim) has %lld elements, but the view tile has %lld "
         "along dim %d", d, (long long)g->shape[0], (long long)view->shape[d], d);
    return false;
  }
  return true;
}

/* ---- symbols ---- */

static const struct ir_op *module_of(const struct ir_op *op) {
  const struct ir_op *p = parent_op(op);
  while (p && p->code != IR_OP_module) p = parent_op(p);
  return p;
}

static bool defines_symbol(const struct ir_op *op) {
  return op->code == IR_OP_global || op->code == IR_OP_entry ||
         op->code == IR_OP_testing_func;
}

/* The op of module mod that defines symbol name (the first, if several). */
static const struct ir_op *find_symbol(const struct ir_op *mod, const char *name) {
  if (!mod || !mod->regions[0].block) return NULL;
  for (const struct ir_op *o = mod->regions[0].block->first; o; o = o->next)
    if (defines_symbol(o) && o->attr.str && strcmp(o->attr.str, name) == 0) return o;
  return NULL;
}

/* ================= the ops ================= */

/* The natural size in bytes of an element: an i1 takes a byte, the
** sub-byte floats none of their own (tf32 counts as 2, as NVIDIA has it). */
static int64_t natural_size(const struct ty *e) {
  if (e->kind == TY_INT && e->elem == EL_I1) return 1;
  return ty_elem_bits(e->elem) / 8;
}

void ir_verify_alloca(struct vctx *v, const struct ir_op *op) {
  const struct ty *r = op->out[0].type;
  int64_t a = op->attr.alignment;
  if (!is_scalar_ptr(r)) {
    verr(v, op, "result must be a 0-d tile of pointers, got %s", vty(r));
  } else if (a <= 0 || (a & (a - 1))) {
    verr(v, op, "alignment must be a power of two, got %lld", (long long)a);
  } else if (a < natural_size(pointee(r))) {
    verr(v, op, "alignment %lld is less than the natural size of %s (%lld bytes)",
         (long long)a, vty(pointee(r)), (long long)natural_size(pointee(r)));
  }
}

void ir_verify_assert(struct vctx *v, const struct ir_op *op) {
  const struct ty *c = op->in[0]->type;
  if (!elem_is(c, EL_I1)) verr(v, op, "condition must be a tile of i1, got %s", vty(c));
}

/* The operands and results of atomic_rmw_tko and atomic_cas_tko: pointers
** (group 0), values val (group vg) with the result of their type. */
static bool atomic_types_ok(struct vctx *v, const struct ir_op *op, int vg,
                            const char *vname) {
  const struct ty *p = operand_type(op, 0), *x = operand_type(op, vg);
  if (!is_ptr_tile(p)) {
    verr(v, op, "pointers must be a tile of pointers, got %s", vty(p));
    return false;
  }
  if (!same_shape(p, x)) {
    verr(v, op, "pointers and %s must have the same shape (%s vs %s)", vname, vty(p), vty(x));
    return false;
  }
  if (op->out[0].type != x) {
    verr(v, op, "result type must be the type of %s (%s), got %s", vname, vty(x),
         vty(op->out[0].type));
    return false;
  }
  if (pointee(p) != x->elt) {
    verr(v, op, "pointee type %s does not match the element type of %s (%s)",
         vty(pointee(p)), vname, vty(x->elt));
    return false;
  }
  return true;
}

/* old := *p; if old == cmp then *p := val.  The comparison is bitwise on
** 32 or 64 bits, so those are the only widths (spec: atomic_cas_tko). */
void ir_verify_atomic_cas_tko(struct vctx *v, const struct ir_op *op) {
  const struct ty *cmp = operand_type(op, 1), *val = operand_type(op, 2);
  if (!attrs_given(v, op, true, false)) return;
  if (cmp != val) {
    verr(v, op, "cmp and val must have the same type (%s vs %s)", vty(cmp), vty(val));
    return;
  }
  if (!atomic_types_ok(v, op, 2, "val")) return;
  int bits = is_number_tile(val) ? ty_elem_bits(val->elt->elem) : 0;
  if (bits != 32 && bits != 64) {
    verr(v, op, "compare-and-swap works only on 32- or 64-bit integer or float elements, got %s",
         vty(val->elt));
    return;
  }
  if (mask_ok(v, op, 3, val, "val") && atomic_order_ok(v, op) && token_result_ok(v, op, 1))
    token_operand_ok(v, op, 4);
}

/* The rules only view-based reductions have: a partition or strided view
** without padding (the reduction writes, there is nothing to pad), tiles
** like the view's, relaxed ordering, no sys scope (TMA reductions). */
static bool red_view_ok(struct vctx *v, const struct ir_op *op, const struct ty *view,
                        const struct ty *val) {
  char buf[256];
  if (view->kind == TY_GATHER_SCATTER_VIEW) {
    verr(v, op, "atomic reductions do not support gather_scatter_view; use a partition_view");
  } else if (view->padding != PAD_NONE) {
    verr(v, op, "atomic reductions do not support views with a padding_value");
  } else if (!is_tile(val) || view->tv->elt != val->elt) {
    verr(v, op, "value type %s must have the view's element type %s", vty(val),
         vty(view->tv->elt));
  } else if (!is_view_tile(view, val)) {
    verr(v, op, "value type %s must have the view's tile shape (%s)", vty(val),
         view_tile_text(view, buf, sizeof buf));
  } else if (op->attr.mode == AM_XCHG) {
    verr(v, op, "atomic reductions cannot use xchg");
  } else {
    return true;
  }
  return false;
}

static bool red_memory_ok(struct vctx *v, const struct ir_op *op) {
  if (op->attr.mem_order != MO_RELAXED) {
    verr(v, op, "atomic reductions support only relaxed memory ordering, got %s",
         ir_mem_order_names[op->attr.mem_order]);
    return false;
  }
  if (op->attr.scope == SCOPE_SYS) {
    verr(v, op, "atomic reductions support tl_blk and device scopes, not sys");
    return false;
  }
  return true;
}

/* *view[idx] := mode(*view[idx], value), element by element. */
void ir_verify_atomic_red_view_tko(struct vctx *v, const struct ir_op *op) {
  int n;
  struct ir_value **idx = group(op, 1, &n);
  const struct ty *view = operand_type(op, 0), *val = operand_type(op, 2);
  if (!attrs_given(v, op, true, true)) return;
  if (!is_view_or_complain(v, op, view) || !red_view_ok(v, op, view, val)) return;
  if (!mode_ok(v, op, val->elt) || !red_memory_ok(v, op)) return;
  if (!index_count_ok(v, op, view, n) || !scalar_indices_ok(v, op, idx, n, -1, false)) return;
  tokens_ok(v, op, 3, 0);
}

/* old := *p; *p := mode(old, arg) */
void ir_verify_atomic_rmw_tko(struct vctx *v, const struct ir_op *op) {
  if (!attrs_given(v, op, true, true) || !atomic_types_ok(v, op, 1, "arg")) return;
  if (!mask_ok(v, op, 2, operand_type(op, 1), "arg")) return;
  if (!mode_ok(v, op, operand_type(op, 1)->elt) || !atomic_order_ok(v, op)) return;
  if (token_result_ok(v, op, 1)) token_operand_ok(v, op, 3);
}

void ir_verify_gdc_launch_dependents_tko(struct vctx *v, const struct ir_op *op) {
  tokens_ok(v, op, 0, 0);
}

void ir_verify_gdc_wait_tko(struct vctx *v, const struct ir_op *op) { tokens_ok(v, op, 0, 0); }

void ir_verify_get_global(struct vctx *v, const struct ir_op *op) {
  const struct ty *r = op->out[0].type;
  if (!is_scalar_ptr(r)) {
    verr(v, op, "result must be a 0-d tile of pointers, got %s", vty(r));
    return;
  }
  const struct ir_op *g = op->attr.str ? find_symbol(module_of(op), op->attr.str) : NULL;
  if (!g || g->code != IR_OP_global) {
    verr(v, op, "@%s does not name a global of this module", op->attr.str ? op->attr.str : "");
    return;
  }
  const struct ty *elt = g->attr.value->type->elt;
  if (pointee(r) != elt)
    verr(v, op, "pointee type %s does not match the element type %s of global @%s",
         vty(pointee(r)), vty(elt), op->attr.str);
}

/* One result per dim of src, each a 0-d integer tile. */
static void shape_results_ok(struct vctx *v, const struct ir_op *op, int rank,
                             const char *what) {
  if (op->nout != rank) {
    verr(v, op, "expected %d results (the %s), got %d", rank, what, op->nout);
    return;
  }
  for (int i = 0; i < op->nout; i++)
    if (!is_scalar_int(op->out[i].type)) {
      verr(v, op, "result %d must be a 0-d integer tile, got %s", i, vty(op->out[i].type));
      return;
    }
}

void ir_verify_get_index_space_shape(struct vctx *v, const struct ir_op *op) {
  const struct ty *src = op->in[0]->type;
  if (is_view_or_complain(v, op, src))
    shape_results_ok(v, op, ty_view_index_rank(src), "view's index rank");
}

void ir_verify_get_tensor_shape(struct vctx *v, const struct ir_op *op) {
  const struct ty *src = op->in[0]->type;
  if (src->kind != TY_TENSOR_VIEW) {
    verr(v, op, "operand must be a tensor_view, got %s", vty(src));
    return;
  }
  shape_results_ok(v, op, src->rank, "tensor_view's rank");
}

/* A global is a 1-d tile of initialized memory.  That its name is the
** module's only symbol of that name is the module's rule (ir_verify_module). */
void ir_verify_global(struct vctx *v, const struct ir_op *op) {
  const struct ty *t = op->attr.value->type;
  if (t->rank != 1) verr(v, op, "global value must be a 1-d tile, got %s", vty(t));
}

void ir_verify_join_tokens(struct vctx *v, const struct ir_op *op) {
  if (op->nin < 2) {
    verr(v, op, "expects two or more tokens, got %d", op->nin);
    return;
  }
  for (int i = 0; i < op->nin; i++)
    if (!is_token(op->in[i]->type)) {
      verr(v, op, "operand %d must be a token, got %s", i, vty(op->in[i]->type));
      return;
    }
  token_result_ok(v, op, 0);
}

/* The tile loaded or stored through pointers ptrs: their shape, their
** pointee as element. */
static bool is_pointed_tile(const struct ty *ptrs, const struct ty *t) {
  return is_tile(t) && same_shape(ptrs, t) && t->elt == pointee(ptrs);
}

static bool ptrs_ok(struct vctx *v, const struct ir_op *op, const struct ty *p,
                    const char *what) {
  if (is_ptr_tile(p)) return true;
  verr(v, op, "%s must be a tile of pointers, got %s", what, vty(p));
  return false;
}

/* r, mask := *src (masked lanes take padding); the padding has the type
** of the result. */
void ir_verify_load_ptr_tko(struct vctx *v, const struct ir_op *op) {
  const struct ty *src = operand_type(op, 0), *r = op->out[0].type;
  struct ir_value *pad = opt_operand(op, 2);
  if (!attrs_given(v, op, false, false) || !ptrs_ok(v, op, src, "source")) return;
  if (!is_pointed_tile(src, r)) {
    verr(v, op, "result type %s is not what %s points to (same shape, pointee elements)",
         vty(r), vty(src));
    return;
  }
  if (!mask_ok(v, op, 1, src, "source")) return;
  if (pad && pad->type != r) {
    verr(v, op, "padding value must have the result type %s, got %s", vty(r), vty(pad->type));
    return;
  }
  if (token_result_ok(v, op, 1) && token_operand_ok(v, op, 3))
    order_ok(v, op, true);
}

/* r := view[idx] */
void ir_verify_load_view_tko(struct vctx *v, const struct ir_op *op) {
  int n;
  struct ir_value **idx = group(op, 1, &n);
  const struct ty *view = operand_type(op, 0);
  if (!attrs_given(v, op, false, false) || !is_view_or_complain(v, op, view)) return;
  if (!index_count_ok(v, op, view, n)) return;
  if (!view_tile_ok(v, op, view, op->out[0].type, "result")) return;
  if (!view_indices_ok(v, op, view, idx, n)) return;
  if (token_result_ok(v, op, 1) && token_operand_ok(v, op, 2))
    order_ok(v, op, true);
}

/* make_partition_view, make_strided_view, make_gather_scatter_view: the
** operand is the very tensor_view the result type names. */
static void make_view_ok(struct vctx *v, const struct ir_op *op, enum ty_kind kind,
                         const char *name) {
  const struct ty *r = op->out[0].type, *src = op->in[0]->type;
  if (r->kind != kind)
    verr(v, op, "result must be a %s, got %s", name, vty(r));
  else if (src != r->tv)
    verr(v, op, "operand type %s is not the view's tensor_view type %s", vty(src), vty(r->tv));
}

void ir_verify_make_gather_scatter_view(struct vctx *v, const struct ir_op *op) {
  make_view_ok(v, op, TY_GATHER_SCATTER_VIEW, "gather_scatter_view");
}

void ir_verify_make_partition_view(struct vctx *v, const struct ir_op *op) {
  make_view_ok(v, op, TY_PARTITION_VIEW, "partition_view");
}

void ir_verify_make_strided_view(struct vctx *v, const struct ir_op *op) {
  make_view_ok(v, op, TY_STRIDED_VIEW, "strided_view");
}

/* One list of make_tensor_view (shape or strides, n entries in list,
** TY_DYNAMIC where an operand stands) against the type's want[rank]. */
static bool dims_ok(struct vctx *v, const struct ir_op *op, const char *what,
                    const int64_t *list, int n, const int64_t *want, int rank,
                    int ndyn) {
  char a[32], b[32];
  if (n != rank) {
    verr(v, op, "%s list has %d entries, but the tensor_view has rank %d", what, n, rank);
    return false;
  }
  int dyn = 0;
  for (int i = 0; i < n; i++) {
    dyn += list[i] == TY_DYNAMIC;
    if (list[i] == want[i]) continue;
    snprintf(a, sizeof a, list[i] == TY_DYNAMIC ? "dynamic" : "%lld", (long long)list[i]);
    snprintf(b, sizeof b, want[i] == TY_DYNAMIC ? "dynamic" : "%lld", (long long)want[i]);
    verr(v, op, "%s entry %d is %s, but the tensor_view type has %s", what, i, a, b);
    return false;
  }
  if (dyn != ndyn) {
    verr(v, op, "expected %d dynamic %s operands, got %d", dyn, what, ndyn);
    return false;
  }
  return true;
}

/* The dynamic sizes and strides: 0-d integer tiles, all of one type. */
static bool dyn_operands_ok(struct vctx *v, const struct ir_op *op) {
  const struct ty *first = NULL;
  for (int i = 1; i < op->nin; i++) {
    const struct ty *t = op->in[i]->type;
    if (!is_scalar_int(t)) {
      verr(v, op, "dynamic shape and stride operands must be 0-d integer tiles, got %s", vty(t));
      return false;
    }
    if (!first) first = t;
    else if (t != first) {
      verr(v, op, "dynamic shape and stride operands must all have one type (%s vs %s)",
           vty(first), vty(t));
      return false;
    }
  }
  return true;
}

/* A tensor_view at base: the lists written in the op must say what the
** result type says, static where it is static, an operand where it has '?'. */
void ir_verify_make_tensor_view(struct vctx *v, const struct ir_op *op) {
  const struct ty *base = op->in[0]->type, *tv = op->out[0].type;
  int nsh, nst;
  group(op, 1, &nsh);
  group(op, 2, &nst);
  if (!is_scalar_ptr(base)) {
    verr(v, op, "base must be a 0-d tile of pointers, got %s", vty(base));
    return;
  }
  if (pointee(base) != tv->elt) {
    verr(v, op, "base points to %s, but the tensor_view holds %s", vty(pointee(base)),
         vty(tv->elt));
    return;
  }
  if (!dyn_operands_ok(v, op)) return;
  if (dims_ok(v, op, "shape", op->attr.perm, op->attr.nperm, tv->shape, tv->rank, nsh))
    dims_ok(v, op, "strides", op->attr.strides, op->attr.nstrides, tv->strides, tv->rank, nst);
}

void ir_verify_make_token(struct vctx *v, const struct ir_op *op) { token_result_ok(v, op, 0); }

/* Orders the accesses through aliasing views: it needs the token of
** what it orders after, so the token is not optional here (13.4). */
void ir_verify_memory_fence_alias_tko(struct vctx *v, const struct ir_op *op) {
  if (!opt_operand(op, 0)) {
    verr(v, op, "requires a token operand");
    return;
  }
  tokens_ok(v, op, 0, 0);
}

/*
** The arguments a printf format takes: one per conversion, '%%' none.  A
** conversion runs from '%' to the first conversion letter (or '%'); the
** scan then goes on from the character after the '%', as NVIDIA's does,
** so that both accept the same strings.  -1 when a conversion never ends.
*/
static int format_args(const char *s, size_t n) {
  static const char conv[] = "diuoxXeEfFgGaAcsSpn%";
  int count = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '%') continue;
    size_t j = i + 1;
    while (j < n && !(s[j] && strchr(conv, s[j]))) j++;
    if (j == n) return -1;
    if (j == i + 1 && s[j] == '%') i++;    /* "%%": a literal '%' */
    else count++;
  }
  return count;
}

void ir_verify_print_tko(struct vctx *v, const struct ir_op *op) {
  int n;
  struct ir_value **args = group(op, 0, &n);
  for (int i = 0; i < n; i++)
    if (!is_tile(args[i]->type)) {
      verr(v, op, "argument %d must be a tile, got %s", i, vty(args[i]->type));
      return;
    }
  int want = format_args(op->attr.str, op->attr.strlen);
  if (want < 0) verr(v, op, "format string has an unterminated conversion");
  else if (want != n)
    verr(v, op, "format string takes %d arguments, got %d", want, n);
  else tokens_ok(v, op, 1, 0);
}

/* *dst := val (masked lanes untouched) */
void ir_verify_store_ptr_tko(struct vctx *v, const struct ir_op *op) {
  const struct ty *dst = operand_type(op, 0), *val = operand_type(op, 1);
  if (!attrs_given(v, op, false, false) || !ptrs_ok(v, op, dst, "destination")) return;
  if (!is_pointed_tile(dst, val)) {
    verr(v, op, "value type %s is not what %s points to (same shape, pointee elements)",
         vty(val), vty(dst));
    return;
  }
  if (!mask_ok(v, op, 2, dst, "destination")) return;
  if (token_result_ok(v, op, 0) && token_operand_ok(v, op, 3))
    order_ok(v, op, false);
}

/* view[idx] := tile */
void ir_verify_store_view_tko(struct vctx *v, const struct ir_op *op) {
  int n;
  struct ir_value **idx = group(op, 2, &n);
  const struct ty *view = operand_type(op, 1);
  if (!attrs_given(v, op, false, false) || !is_view_or_complain(v, op, view)) return;
  if (!index_count_ok(v, op, view, n)) return;
  if (!view_tile_ok(v, op, view, operand_type(op, 0), "stored tile")) return;
  if (!view_indices_ok(v, op, view, idx, n)) return;
  if (token_result_ok(v, op, 0) && token_operand_ok(v, op, 3))
    order_ok(v, op, false);
}
