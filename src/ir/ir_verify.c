/*
** ir_verify.c -- the verifier's driver: walk the module, check what holds
** for every op (types well formed, operand classes of the ops.def flags,
** where an op may appear), then the op's own rules (ir_verify_<id>).
** It never stops at the first error: it reports all and counts them.
*/
#include <config.h>
#include "ir_verify_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*const verify_tab[IR_NUM_OPS])(struct vctx *, const struct ir_op *) = {
#define OP(id, mn, bc, since, nres, fl, fmt) [IR_OP_##id] = ir_verify_##id,
#include "ops.def"
};

static void vreport(struct vctx *v, struct ts_loc loc, const struct ir_op *op,
                    const char *fmt, va_list ap) {
  char msg[900];
  vsnprintf(msg, sizeof msg, fmt, ap);
  v->errors++;
  ts_diag_emit(v->sink, TS_ERROR, loc, "'%s' op %s", ir_optab[op->code].name, msg);
}

void verr_at(struct vctx *v, struct ts_loc loc, const struct ir_op *op,
             const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(v, loc, op, fmt, ap);
  va_end(ap);
}

void verr(struct vctx *v, const struct ir_op *op, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(v, op->loc, op, fmt, ap);
  va_end(ap);
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
  if (t->elt->kind != TY_PTR && t->elt->elem == EL_F4E2M1FN && n % 2)   /* rank 0 too */
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

/* The ops each terminator may end a region of (spec: ParentOneOf). */
static const struct { enum ir_opcode op; int n; enum ir_opcode in[3]; } term_parents[] = {
  { IR_OP_yield, 3, { IR_OP_if, IR_OP_reduce, IR_OP_scan } },
  { IR_OP_continue, 3, { IR_OP_for, IR_OP_if, IR_OP_loop } },
  { IR_OP_break, 2, { IR_OP_if, IR_OP_loop } },
  { IR_OP_return, 3, { IR_OP_entry, IR_OP_if, IR_OP_testing_func } },
};

/* A terminator directly inside an op it may not end. */
static void check_term_parent(struct vctx *v, const struct ir_op *op, const struct ir_op *par) {
  for (size_t i = 0; i < sizeof term_parents / sizeof term_parents[0]; i++) {
    if (term_parents[i].op != op->code) continue;
    char list[96] = "";
    for (int j = 0; j < term_parents[i].n; j++) {
      if (par && par->code == term_parents[i].in[j]) return;
      snprintf(list + strlen(list), sizeof list - strlen(list), "%s'%s'",
               j ? ", " : "", ir_optab[term_parents[i].in[j]].name);
    }
    verr(v, op, "must be directly inside one of %s, not '%s'", list,
         par ? ir_optab[par->code].name : "the top level");
  }
}

static void check_placement(struct vctx *v, const struct ir_op *op) {
  unsigned fl = ir_optab[op->code].flags;
  const struct ir_op *par = parent_op(op);
  bool in_module = par && par->code == IR_OP_module;
  if (op->code == IR_OP_module) return;
  if ((fl & OPF_TOP) && !in_module)
    verr(v, op, "must appear directly in a cuda_tile.module");
  if (!(fl & OPF_TOP) && in_module)
    verr(v, op, "may not appear directly in a cuda_tile.module (only global, entry)");
  if ((fl & OPF_TERM) && op->next)
    verr(v, op, "must be the last operation in its block");
  if (fl & OPF_TERM) check_term_parent(v, op, par);
}

/* Result and region counts the table fixes (the generic form can write
** any; the per-op rules rely on these). */
static void check_counts(struct vctx *v, const struct ir_op *op) {
  const struct ir_opinfo *oi = &ir_optab[op->code];
  int maxr = op->code == IR_OP_if ? 2 : (oi->flags & OPF_REGION) ? 1 : 0;
  if (oi->nres >= 0 && op->nout != oi->nres)
    verr(v, op, "expects %d result%s, got %d", oi->nres, oi->nres == 1 ? "" : "s", op->nout);
  if (op->nregions > maxr)
    verr(v, op, "expects at most %d region%s, got %d", maxr, maxr == 1 ? "" : "s", op->nregions);
}

/* ---- optimization hints ---- */

/*
** Hints are advice to NVIDIA's compiler; like it, tilesim accepts unknown
** architectures, names and values silently unless asked (its
** -Wunsupported-hints: warnings; -Werr-hints: the op fails too): the
** run's ir_verify_opts say which.  Repeated keys are always errors (they
** are parse errors in MLIR).
*/
static const char *const hint_archs[] = {
  "sm_80", "sm_86", "sm_87", "sm_88", "sm_89", "sm_90", "sm_100", "sm_103", "sm_110",
  "sm_120", "sm_121", "default",
};

/* The hints each op takes. */
static const struct { enum ir_opcode op; const char *names[3]; } hint_names[] = {
  { IR_OP_entry, { "num_cta_in_cga", "num_worker_warps_per_cta", "occupancy" } },
  { IR_OP_load_view_tko, { "latency", "allow_tma" } },
  { IR_OP_store_view_tko, { "latency", "allow_tma" } },
  { IR_OP_load_ptr_tko, { "latency" } },
  { IR_OP_store_ptr_tko, { "latency" } },
};

/* What each hint's value may be: a boolean, an integer in [1, max], or a
** power of two in [1, max]. */
enum hint_kind { HK_BOOL, HK_RANGE, HK_POW2 };
static const struct { const char *name; enum hint_kind kind; long long max; } hint_values[] = {
  { "num_cta_in_cga", HK_POW2, 16 }, { "num_worker_warps_per_cta", HK_POW2, 32 },
  { "occupancy", HK_RANGE, 32 }, { "latency", HK_RANGE, 10 }, { "allow_tma", HK_BOOL, 1 },
};

static bool in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++) if (list[i] && !strcmp(s, list[i])) return true;
  return false;
}

static bool hint_known(const struct ir_op *op, const char *name) {
  for (size_t i = 0; i < sizeof hint_names / sizeof hint_names[0]; i++)
    if (hint_names[i].op == op->code) return in_list(name, hint_names[i].names, 3);
  return false;
}

/* What is wrong with hint e of architecture arch, in buf; NULL: nothing.
** Ampere and Ada (sm_8x) have no clusters: num_cta_in_cga is 1 there. */
static const char *hint_problem(const char *arch, const struct ir_hint_entry *e,
                                char *buf, size_t n) {
  size_t i = 0;
  while (strcmp(hint_values[i].name, e->key)) i++;       /* hint_known() held */
  enum hint_kind k = hint_values[i].kind;
  long long max = hint_values[i].max, x;
  char *end;
  if (k == HK_BOOL) {
    if (!strcmp(e->val, "true") || !strcmp(e->val, "false")) return NULL;
    snprintf(buf, n, "boolean value expected for %s.%s", arch, e->key);
    return buf;
  }
  x = strtoll(e->val, &end, 0);
  if (end == e->val || *end) {
    snprintf(buf, n, "integer value expected for %s.%s", arch, e->key);
    return buf;
  }
  if (i == 0 && !strncmp(arch, "sm_8", 4)) max = 1;
  bool ok = x >= 1 && x <= max && (k == HK_RANGE || !(x & (x - 1)));
  if (ok) return NULL;
  if (k == HK_RANGE)
    snprintf(buf, n, "integer value in the range [1, %lld] is expected for %s.%s", max, arch, e->key);
  else if (max == 1)
    snprintf(buf, n, "expected 1 for %s.%s", arch, e->key);
  else
    snprintf(buf, n, "expected a power of two <= %lld for %s.%s", max, arch, e->key);
  return buf;
}

/* The values of the hints (only when asked, see v->hints). */
static void check_hint_values(struct vctx *v, const struct ir_op *op, const struct ir_hints *h) {
  unsigned bad = 0;
  char buf[200];
  for (int i = 0; i < h->n; i++) {
    const struct ir_hint_arch *a = &h->a[i];
    if (!in_list(a->arch, hint_archs, sizeof hint_archs / sizeof hint_archs[0])) {
      ts_diag_emit(v->sink, TS_WARNING, op->loc, "unknown hint key %s", a->arch);
      bad++;
      continue;
    }
    for (int j = 0; j < a->n; j++) {
      const struct ir_hint_entry *e = &a->e[j];
      const char *msg = buf;
      if (hint_known(op, e->key)) msg = hint_problem(a->arch, e, buf, sizeof buf);
      else snprintf(buf, sizeof buf, "%s is not a known hint for '%s'", e->key, ir_optab[op->code].name);
      if (msg) { ts_diag_emit(v->sink, TS_WARNING, e->loc, "%s", msg); bad++; }
    }
  }
  if (bad && v->hints == IR_HINTS_ERROR) verr(v, op, "optimization hints verification failed");
}

/* Each architecture once, each hint once per architecture. */
static void check_hints(struct vctx *v, const struct ir_op *op) {
  const struct ir_hints *h = op->attr.hints;
  if (!h) return;
  for (int i = 0; i < h->n; i++) {
    for (int j = 0; j < i; j++)
      if (!strcmp(h->a[i].arch, h->a[j].arch))
        verr(v, op, "duplicate optimization_hints key '%s'", h->a[i].arch);
    for (int k = 0; k < h->a[i].n; k++)
      for (int j = 0; j < k; j++)
        if (!strcmp(h->a[i].e[k].key, h->a[i].e[j].key))
          verr_at(v, h->a[i].e[k].loc, op, "duplicate hint '%s' for %s", h->a[i].e[k].key,
                  h->a[i].arch);
  }
  if (v->hints != IR_HINTS_SILENT) check_hint_values(v, op, h);
}

/* ---- the walk ---- */

static void check_types(struct vctx *v, const struct ir_op *op) {
  for (int i = 0; i < op->nout; i++) check_type(v, op, op->loc, op->out[i].type);
  for (int i = 0; op->fn_type && i < op->fn_type->nout; i++)
    check_type(v, op, op->loc, op->fn_type->outs[i]);
  for (int r = 0; r < op->nregions; r++) {
    const struct ir_block *b = op->regions[r].block;
    for (int i = 0; b && i < b->nargs; i++)
      check_type(v, op, b->args[i].loc.src ? b->args[i].loc : op->loc, b->args[i].type);
  }
}

/* OPF_ELEMWISE: one type for all operands and the result, of the flags'
** element class (the declared type is the result's). */
static void check_elemwise(struct vctx *v, const struct ir_op *op) {
  unsigned fl = ir_optab[op->code].flags;
  if (!(fl & OPF_ELEMWISE) || op->nout != 1) return;
  const struct ty *t = op->out[0].type;
  if (!((fl & OPF_FLOAT) ? is_float_tile(t) : is_int_tile(t))) {
    verr(v, op, "operands and result must be tiles of %s, got %s",
         (fl & OPF_FLOAT) ? "f16, bf16, f32 or f64" : "i1, i8, i16, i32 or i64", vty(t));
    return;
  }
  for (int i = 0; i < op->nin; i++)
    if (op->in[i]->type != t) {
      verr(v, op, "requires the same type for all operands and results, got %s and %s",
           vty(op->in[i]->type), vty(t));
      return;
    }
}

static void verify_block(struct vctx *v, const struct ir_block *b);

static void verify_op(struct vctx *v, const struct ir_op *op) {
  unsigned before = v->errors;
  check_placement(v, op);
  check_counts(v, op);
  check_types(v, op);
  check_elemwise(v, op);
  check_hints(v, op);
  if (v->errors == before) verify_tab[op->code](v, op);
  for (int r = 0; r < op->nregions; r++)
    if (op->regions[r].block) verify_block(v, op->regions[r].block);
}

static void verify_block(struct vctx *v, const struct ir_block *b) {
  for (const struct ir_op *op = b->first; op; op = op->next) verify_op(v, op);
}

unsigned ir_verify_ex(const struct ir_module *m, struct ts_diag_sink *sink,
                      const struct ir_verify_opts *o) {
  struct vctx v = { m, sink, 0, o ? o->hints : IR_HINTS_SILENT };
  for (const struct ir_op *op = m->op; op; op = op->next) verify_op(&v, op);
  return v.errors;
}

unsigned ir_verify(const struct ir_module *m, struct ts_diag_sink *sink) {
  return ir_verify_ex(m, sink, NULL);
}
