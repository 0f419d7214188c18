/*
** ir_verify_struct.c -- the rules of structure: module, entry, control flow,
** regions (reduce, scan), matrix multiply and shape ops (spec: Ops.td).
** What every op obeys is checked before, in ir_verify.c: type well-formedness,
** where an op may appear (a terminator's parent op included) and that a
** terminator ends its block.
** Within one op the checks run in the spec's order and stop at the first
** failure, as later rules assume the earlier ones; other ops are still
** checked.
*/
#include <config.h>
#include "ir_verify_int.h"

#include <stdio.h>
#include <string.h>

/* ---- message text ---- */

/* Text built for one message; C11 keeps a returned struct alive to the end
** of the full expression, so dims(t).s may be passed to verr. */
struct text { char s[800]; };

/* "4, 16": the dims of tile t */
static struct text dims(const struct ty *t) {
  struct text x = { "" };
  size_t k = 0;
  for (int i = 0; i < t->rank && k < sizeof x.s; i++)
    k += (size_t)snprintf(x.s + k, sizeof x.s - k, "%s%lld", i ? ", " : "",
                          (long long)t->shape[i]);
  return x;
}

/* A list of types, as operands or results of an op or a signature. */
struct tylist { int n; const struct ty *t[256]; };

static void tl_values(struct tylist *l, struct ir_value *const *v, int n) {
  l->n = n < 256 ? n : 256;
  for (int i = 0; i < l->n; i++) l->t[i] = v[i]->type;
}

static void tl_results(struct tylist *l, const struct ir_op *op) {
  l->n = op->nout < 256 ? op->nout : 256;
  for (int i = 0; i < l->n; i++) l->t[i] = op->out[i].type;
}

static bool tl_equal(const struct tylist *a, const struct tylist *b) {
  if (a->n != b->n) return false;
  for (int i = 0; i < a->n; i++) if (a->t[i] != b->t[i]) return false;
  return true;
}

/* "(tile<i32>, tile<f32>)" */
static struct text tl_text(const struct tylist *l) {
  struct text x = { "(" };
  size_t k = 1;
  for (int i = 0; i < l->n && k < sizeof x.s; i++)
    k += (size_t)snprintf(x.s + k, sizeof x.s - k, "%s%s", i ? ", " : "", vty(l->t[i]));
  if (k < sizeof x.s - 1) { x.s[k] = ')'; x.s[k + 1] = 0; }
  return x;
}

static const char *name(const struct ir_op *op) { return ir_optab[op->code].name; }

static void note(struct vctx *v, const struct ir_op *at, const char *msg) {
  ts_diag_emit(v->sink, TS_NOTE, at->loc, "%s", msg);
}

/* ---- small predicates ---- */

#define B(e) (1u << EL_##e)

/* t is a tile whose element is one of the mask's number types. */
static bool elem_in(const struct ty *t, unsigned mask) {
  return is_number_tile(t) && (mask >> t->elt->elem & 1);
}

static bool is_scalar_of(const struct ty *t, enum ty_elem e) {
  return is_scalar_tile(t) && elem_is(t, e);
}

/* Region r's block; an empty one (the generic form's `{}`) is no block. */
static const struct ir_block *body(const struct ir_op *op, int r) {
  const struct ir_block *b = r < op->nregions ? op->regions[r].block : NULL;
  return b && (b->first || b->nargs) ? b : NULL;
}

/* ---- regions and terminators ---- */

/* Region r of op ends in a terminator (want names the usual one; which
** terminators may end it is the driver's concern). */
static bool terminated(struct vctx *v, const struct ir_op *op, int r, enum ir_opcode want) {
  const struct ir_block *b = body(op, r);
  if (b && b->last && (ir_optab[b->last->code].flags & OPF_TERM)) return true;
  verr(v, op, "region #%d must end with '%s'", r, ir_optab[want].name);
  return false;
}

/* Views may not be carried by loops nor returned by if, for or loop. */
static bool check_not_view(struct vctx *v, const struct ir_op *op, struct ts_loc loc,
                           const char *what, int i, const struct ty *t) {
  if (t->kind != TY_TENSOR_VIEW && !ty_is_view(t)) return true;
  verr_at(v, loc, op, "%s %d is a %s, which is not supported", what, i,
          t->kind == TY_TENSOR_VIEW ? "tensor_view" : "tile view");
  return false;
}

static bool check_results_not_views(struct vctx *v, const struct ir_op *op) {
  bool ok = true;
  for (int i = 0; i < op->nout; i++)
    ok &= check_not_view(v, op, op->loc, "result", i, op->out[i].type);
  return ok;
}

/* Loop-carried values: the region arguments args[0..nargs) against the
** init operands init[0..n), one for one, same types, no views. */
static bool check_carried(struct vctx *v, const struct ir_op *op, struct ir_value *const *init,
                          int n, const struct ir_value *args, int nargs) {
  if (nargs != n) {
    verr(v, op, "has %d region iter_values but %d init values", nargs, n);
    return false;
  }
  bool ok = true;
  for (int i = 0; i < n && ok; i++) {
    ok = check_not_view(v, op, args[i].loc.src ? args[i].loc : op->loc,
                        "loop-carried value", i, args[i].type);
    if (ok && init[i]->type != args[i].type) {
      verr(v, op, "init value %d has type %s but region iter_value %d has type %s", i,
           vty(init[i]->type), i, vty(args[i].type));
      ok = false;
    }
  }
  return ok;
}

/* The nearest op holding op that is not an if (break, continue, return
** leave the ifs between them and their target). */
static const struct ir_op *beyond_ifs(const struct ir_op *op) {
  const struct ir_op *p = parent_op(op);
  while (p && p->code == IR_OP_if) p = parent_op(p);
  return p;
}

/* ---- module, functions ---- */

static bool is_symbol_op(const struct ir_op *op) {
  return op->code == IR_OP_entry || op->code == IR_OP_testing_func ||
         op->code == IR_OP_global;
}

/* Symbol names are unique in a module (entry, testing$func, global share
** one table). */
void ir_verify_module(struct vctx *v, const struct ir_op *op) {
  const struct ir_block *b = body(op, 0);
  for (const struct ir_op *a = b ? b->first : NULL; a; a = a->next) {
    if (!is_symbol_op(a) || !a->attr.str) continue;
    for (const struct ir_op *p = b->first; p != a; p = p->next)
      if (is_symbol_op(p) && p->attr.str && !strcmp(p->attr.str, a->attr.str)) {
        verr(v, a, "redefinition of symbol named '%s'", a->attr.str);
        note(v, p, "see the previous definition");
        break;
      }
  }
}

/* A kernel: no results, and a tile argument is rank 0 (one kernel
** parameter).  Like NVIDIA's verifier, other argument types (views, tokens)
** pass here; a launch cannot give them values. */
void ir_verify_entry(struct vctx *v, const struct ir_op *op) {
  if (op->fn_type->nout)
    verr(v, op, "must not return values (it is a kernel)");
  const struct ir_block *b = body(op, 0);
  for (int i = 0; b && i < b->nargs; i++)
    if (is_tile(b->args[i].type) && b->args[i].type->rank != 0)
      verr_at(v, b->args[i].loc.src ? b->args[i].loc : op->loc, op,
              "tile arguments must have rank 0, argument %d is %s", i, vty(b->args[i].type));
}

/* testing$func: any argument and result types; return checks its operands. */
void ir_verify_testing_func(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

/* return ends a function body, directly or through ifs, never a loop's. */
void ir_verify_return(struct vctx *v, const struct ir_op *op) {
  const struct ir_op *fn = beyond_ifs(op);
  if (!fn || (fn->code != IR_OP_entry && fn->code != IR_OP_testing_func)) {
    verr(v, op, "must be in an entry or testing$func body or in ifs nested in one, "
         "not inside '%s'", fn ? name(fn) : "module");
    if (fn) note(v, fn, "see the enclosing op");
    return;
  }
  const struct ty *ft = fn->fn_type;
  int want = fn->code == IR_OP_entry ? 0 : ft->nout;   /* entry reports its results */
  if (op->nin != want) {
    verr(v, op, "has %d operands, but enclosing function (@%s) returns %d", op->nin,
         fn->attr.str ? fn->attr.str : "?", want);
    return;
  }
  for (int i = 0; i < op->nin; i++)
    if (op->in[i]->type != ft->outs[i])
      verr(v, op, "type of return operand %d (%s) does not match function result type "
           "(%s) in function @%s", i, vty(op->in[i]->type), vty(ft->outs[i]),
           fn->attr.str ? fn->attr.str : "?");
}

/* ---- control flow ---- */

/* yield: where it may appear is the driver's concern, its operand types
** are checked by its parent (if, reduce, scan). */
void ir_verify_yield(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

/* The loop that break or continue (loops: "loop" only, or "for" too)
** leaves, after reporting it when there is none. */
static const struct ir_op *exit_target(struct vctx *v, const struct ir_op *op, bool for_too) {
  const struct ir_op *p = beyond_ifs(op);
  if (p && (p->code == IR_OP_loop || (for_too && p->code == IR_OP_for))) return p;
  verr(v, op, "must be nested in %s, possibly through ifs, not in '%s'",
       for_too ? "a 'for' or a 'loop'" : "a 'loop'", p ? name(p) : "module");
  if (p) note(v, p, "see the enclosing op");
  return NULL;
}

/* continue carries the next iteration's values: a loop's iter_values,
** a for's results (which are its iter_values' types). */
void ir_verify_continue(struct vctx *v, const struct ir_op *op) {
  const struct ir_op *l = exit_target(v, op, true);
  if (!l) return;
  struct tylist want, got;
  if (l->code == IR_OP_loop) tl_values(&want, l->in, l->nin);
  else tl_results(&want, l);
  tl_values(&got, op->in, op->nin);
  if (!tl_equal(&want, &got))
    verr(v, op, "operand types %s must match the iter_values of the enclosing '%s' %s",
         tl_text(&got).s, name(l), tl_text(&want).s);
}

/* break leaves a loop with its results. */
void ir_verify_break(struct vctx *v, const struct ir_op *op) {
  const struct ir_op *l = exit_target(v, op, false);
  if (!l) return;
  struct tylist want, got;
  tl_results(&want, l);
  tl_values(&got, op->in, op->nin);
  if (!tl_equal(&want, &got))
    verr(v, op, "operand types %s must match the results of the enclosing 'loop' %s",
         tl_text(&got).s, tl_text(&want).s);
}

/* A branch of if that ends in yield yields the if's result types (break,
** continue and return leave the if; their own rules apply). */
static void check_branch(struct vctx *v, const struct ir_op *op, int r, const char *which) {
  const struct ir_block *b = body(op, r);
  const struct ir_op *y = b ? b->last : NULL;
  if (!y || y->code != IR_OP_yield) return;
  struct tylist want, got;
  tl_results(&want, op);
  tl_values(&got, y->in, y->nin);
  if (tl_equal(&want, &got)) return;
  if (!got.n)
    verr(v, op, "has results %s but the %s branch yields nothing", tl_text(&want).s, which);
  else if (!want.n)
    verr(v, op, "has no results but the %s branch yields %s", which, tl_text(&got).s);
  else
    verr(v, op, "result types %s do not match the %s branch's yield %s", tl_text(&want).s,
         which, tl_text(&got).s);
}

void ir_verify_if(struct vctx *v, const struct ir_op *op) {
  if (op->nin != 1 || !is_scalar_of(op->in[0]->type, EL_I1)) {
    verr(v, op, "condition must be a rank-0 tile of i1, got %s",
         op->nin ? vty(op->in[0]->type) : "none");
    return;
  }
  if (!check_results_not_views(v, op)) return;
  if (!body(op, 0)) { verr(v, op, "must have a then branch"); return; }
  if (!terminated(v, op, 0, IR_OP_yield)) return;
  check_branch(v, op, 0, "then");
  if (!body(op, 1)) {
    if (op->nout) verr(v, op, "has results, so it must have an else branch");
    return;
  }
  if (terminated(v, op, 1, IR_OP_yield)) check_branch(v, op, 1, "else");
}

/* The bounds and step: one rank-0 integer tile type, the induction
** variable's. */
static bool check_for_bounds(struct vctx *v, const struct ir_op *op) {
  if (op->nin < 3) { verr(v, op, "expects a lower bound, an upper bound and a step"); return false; }
  const struct ty *t = op->in[0]->type;
  if (!is_scalar_tile(t) || !is_int_tile(t)) {
    verr(v, op, "bounds and step must be rank-0 integer tiles, got %s", vty(t));
    return false;
  }
  if (op->in[1]->type != t || op->in[2]->type != t) {
    verr(v, op, "lower bound, upper bound and step must have one type, got %s, %s and %s",
         vty(t), vty(op->in[1]->type), vty(op->in[2]->type));
    return false;
  }
  const struct ir_block *b = body(op, 0);
  if (!b || b->nargs < 1) { verr(v, op, "expects a block argument for the induction variable"); return false; }
  if (b->args[0].type != t) {
    verr(v, op, "induction variable has type %s but the bounds and step have %s",
         vty(b->args[0].type), vty(t));
    return false;
  }
  return true;
}

void ir_verify_for(struct vctx *v, const struct ir_op *op) {
  if (!check_for_bounds(v, op)) return;
  const struct ir_block *b = body(op, 0);
  int n = op->nin - 3;
  if (!check_carried(v, op, op->in + 3, n, b->args + 1, b->nargs - 1)) return;
  if (op->nout != n) { verr(v, op, "has %d results but %d iter_values", op->nout, n); return; }
  for (int i = 0; i < n; i++)
    if (op->out[i].type != op->in[3 + i]->type) {
      verr(v, op, "result %d has type %s but its iter_value has %s", i,
           vty(op->out[i].type), vty(op->in[3 + i]->type));
      return;
    }
  terminated(v, op, 0, IR_OP_continue);
}

void ir_verify_loop(struct vctx *v, const struct ir_op *op) {
  const struct ir_block *b = body(op, 0);
  if (!b) { verr(v, op, "must have a body"); return; }
  if (!check_carried(v, op, op->in, op->nin, b->args, b->nargs)) return;
  if (!check_results_not_views(v, op)) return;
  terminated(v, op, 0, IR_OP_continue);
}

/* ---- reduce, scan ---- */

/* Operands, results and identities: one identity of each operand's element
** type, all operands one shape, dim one of its dims. */
static bool check_agg_operands(struct vctx *v, const struct ir_op *op) {
  int n = op->nin;
  if (!n) { verr(v, op, "expects at least one operand"); return false; }
  if (op->nout != n) { verr(v, op, "has %d operands but %d results", n, op->nout); return false; }
  if (op->attr.nident != n) {
    verr(v, op, "expects one identity per operand, got %d operands and %d identities", n,
         op->attr.nident);
    return false;
  }
  const struct ty *t0 = op->in[0]->type;
  for (int i = 0; i < n; i++) {
    const struct ty *t = op->in[i]->type;
    if (!is_number_tile(t)) { verr(v, op, "operand %d must be a tile of numbers, got %s", i, vty(t)); return false; }
    if (!same_shape(t, t0)) { verr(v, op, "requires the same shape for all operands, got %s and %s", vty(t0), vty(t)); return false; }
    if (op->attr.ident[i].type != t->elt) {
      verr(v, op, "identity %d has type %s but operand %d has element type %s", i,
           vty(op->attr.ident[i].type), i, vty(t->elt));
      return false;
    }
  }
  if (op->attr.dim < 0 || op->attr.dim >= t0->rank) {
    verr(v, op, "dimension %lld is out of range [0, %d)", (long long)op->attr.dim, t0->rank);
    return false;
  }
  return true;
}

/* reduce drops dim from each operand's shape; scan keeps the type. */
static bool agg_result_ok(const struct ir_op *op, int i) {
  const struct ty *s = op->in[i]->type, *r = op->out[i].type;
  if (op->code == IR_OP_scan) return r == s;
  if (!is_tile(r) || r->elt != s->elt || r->rank != s->rank - 1) return false;
  for (int k = 0, j = 0; k < s->rank; k++)
    if (k != op->attr.dim && s->shape[k] != r->shape[j++]) return false;
  return true;
}

static void result_error(struct vctx *v, const struct ir_op *op, int i) {
  const struct ty *s = op->in[i]->type;
  if (op->code == IR_OP_scan) {
    verr(v, op, "result %d must have operand %d's type %s, got %s", i, i, vty(s),
         vty(op->out[i].type));
    return;
  }
  struct text want = { "tile<" };
  size_t k = 5;
  for (int d = 0; d < s->rank && k < sizeof want.s; d++)
    if (d != op->attr.dim)
      k += (size_t)snprintf(want.s + k, sizeof want.s - k, "%lldx", (long long)s->shape[d]);
  snprintf(want.s + k, sizeof want.s - k, "%s>", vty(s->elt));
  verr(v, op, "result %d must be %s (operand %d without dim %lld), got %s", i, want.s, i,
       (long long)op->attr.dim, vty(op->out[i].type));
}

/* The combiner: arguments (element, accumulator) per operand, rank-0 tiles
** of its element type; it yields one such tile per operand. */
static bool check_agg_args(struct vctx *v, const struct ir_op *op, const struct ir_block *b) {
  int n = op->nin;
  if (b->nargs != 2 * n) {
    verr(v, op, "expects 2 block arguments per operand (%d), got %d", 2 * n, b->nargs);
    return false;
  }
  for (int j = 0; j < 2 * n; j++) {
    const struct ty *t = b->args[j].type, *want = op->in[j / 2]->type->elt;
    if (!is_scalar_tile(t) || t->elt != want) {
      verr_at(v, b->args[j].loc.src ? b->args[j].loc : op->loc, op,
              "block argument %d must be a rank-0 tile of %s (operand %d's element type), got %s",
              j, vty(want), j / 2, vty(t));
      return false;
    }
  }
  return true;
}

static void check_agg_body(struct vctx *v, const struct ir_op *op) {
  const struct ir_block *b = body(op, 0);
  if (!b || !b->first) { verr(v, op, "body must not be empty"); return; }
  if (!check_agg_args(v, op, b)) return;
  if (!terminated(v, op, 0, IR_OP_yield) || b->last->code != IR_OP_yield) return;
  const struct ir_op *y = b->last;
  if (y->nin != op->nin) {
    verr(v, y, "yields %d values, expected one per operand of '%s' (%d)", y->nin, name(op), op->nin);
    return;
  }
  for (int i = 0; i < y->nin; i++) {
    const struct ty *t = y->in[i]->type;
    if (!is_scalar_tile(t) || t->elt != op->in[i]->type->elt)
      verr(v, y, "operand %d must be a rank-0 tile of %s, got %s", i,
           vty(op->in[i]->type->elt), vty(t));
  }
  for (const struct ir_op *o = b->first; o != b->last; o = o->next)
    if (!(ir_optab[o->code].flags & OPF_PURE))
      verr(v, o, "only pure operations are allowed inside '%s'", name(op));
}

static void check_agg(struct vctx *v, const struct ir_op *op) {
  if (!check_agg_operands(v, op)) return;
  for (int i = 0; i < op->nout; i++)
    if (!agg_result_ok(op, i)) { result_error(v, op, i); return; }
  check_agg_body(v, op);
}

void ir_verify_reduce(struct vctx *v, const struct ir_op *op) { check_agg(v, op); }
void ir_verify_scan(struct vctx *v, const struct ir_op *op) { check_agg(v, op); }

/* ---- matrix multiply ---- */

/* Dim da of a and dim db of b agree (one of M, N, K or the batch). */
static bool mma_dim(struct vctx *v, const struct ir_op *op, const char *an, const struct ty *a,
                    int da, const char *bn, const struct ty *b, int db) {
  if (a->shape[da] == b->shape[db]) return true;
  verr(v, op, "dim %d of %s (%lld) and dim %d of %s (%lld) must match, but got %s shape (%s) "
       "and %s shape (%s)", da, an, (long long)a->shape[da], db, bn, (long long)b->shape[db],
       an, dims(a).s, bn, dims(b).s);
  return false;
}

/* lhs [B x] M x K, rhs [B x] K x N, acc [B x] M x N. */
static bool mma_shapes(struct vctx *v, const struct ir_op *op) {
  const struct ty *l = op->in[0]->type, *r = op->in[1]->type, *a = op->in[2]->type;
  if (l->rank != 2 && l->rank != 3) { verr(v, op, "operands must be 2-d or 3-d tiles, got %s", vty(l)); return false; }
  int m = l->rank - 2, k = m + 1;
  if (m && (!mma_dim(v, op, "lhs", l, 0, "rhs", r, 0) || !mma_dim(v, op, "lhs", l, 0, "acc", a, 0)))
    return false;
  return mma_dim(v, op, "lhs", l, k, "rhs", r, m) && mma_dim(v, op, "lhs", l, m, "acc", a, m) &&
         mma_dim(v, op, "rhs", r, k, "acc", a, k);
}

/* Operand i is a tile of one of mask's element types (desc names them). */
static bool mma_operand(struct vctx *v, const struct ir_op *op, int i, const char *what,
                        unsigned mask, const char *desc) {
  if (i < op->nin && elem_in(op->in[i]->type, mask)) return true;
  verr(v, op, "%s must be a tile of %s, got %s", what, desc,
       i < op->nin ? vty(op->in[i]->type) : "nothing");
  return false;
}

/* What mmaf, mmai and mmaf_scaled share: operand classes, result = acc,
** lhs and rhs of one element type, one rank, matching dims. */
static bool check_mma_common(struct vctx *v, const struct ir_op *op, unsigned in, const char *ind,
                             unsigned acc, const char *accd) {
  if (!mma_operand(v, op, 0, "lhs", in, ind) || !mma_operand(v, op, 1, "rhs", in, ind) ||
      !mma_operand(v, op, 2, "acc", acc, accd))
    return false;
  const struct ty *l = op->in[0]->type, *r = op->in[1]->type, *a = op->in[2]->type;
  if (op->nout != 1 || op->out[0].type != a) { verr(v, op, "result type must be the accumulator's type %s", vty(a)); return false; }
  if (l->elt != r->elt) { verr(v, op, "lhs and rhs must have the same element type, got %s and %s", vty(l), vty(r)); return false; }
  for (int i = 1; i < op->nin; i++)
    if (op->in[i]->type->rank != l->rank) {
      verr(v, op, "all operands must have the same rank, got %s and %s", vty(l), vty(op->in[i]->type));
      return false;
    }
  return mma_shapes(v, op);
}

/* Which accumulators each input type may use. */
static const struct { unsigned in, acc; const char *accd; } mmaf_combos[] = {
  { B(F8E4M3FN) | B(F8E5M2) | B(F16), B(F16) | B(F32), "f16 or f32" },
  { B(BF16) | B(TF32) | B(F32), B(F32), "f32" },
  { B(F64), B(F64), "f64" },
};

void ir_verify_mmaf(struct vctx *v, const struct ir_op *op) {
  if (!check_mma_common(v, op, B(F16) | B(BF16) | B(F32) | B(F64) | B(TF32) | B(F8E4M3FN) | B(F8E5M2),
                        "f16, bf16, f32, f64, tf32, f8E4M3FN or f8E5M2",
                        B(F16) | B(F32) | B(F64), "f16, f32 or f64"))
    return;
  const struct ty *l = op->in[0]->type, *a = op->in[2]->type;
  for (size_t i = 0; i < sizeof mmaf_combos / sizeof mmaf_combos[0]; i++)
    if (elem_in(l, mmaf_combos[i].in) && !elem_in(a, mmaf_combos[i].acc))
      verr(v, op, "%s inputs need an accumulator of %s, got %s", vty(l->elt),
           mmaf_combos[i].accd, vty(a->elt));
}

void ir_verify_mmai(struct vctx *v, const struct ir_op *op) {
  check_mma_common(v, op, B(I8), "i8", B(I32), "i32");
}

/* Scales: lhs_scale [B x] M x Ks, rhs_scale [B x] Ks x N. */
static bool scale_shapes(struct vctx *v, const struct ir_op *op) {
  const struct ty *l = op->in[0]->type, *r = op->in[1]->type;
  const struct ty *ls = op->in[3]->type, *rs = op->in[4]->type;
  int m = l->rank - 2, k = m + 1;
  if (m && (!mma_dim(v, op, "lhs", l, 0, "lhs_scale", ls, 0) ||
            !mma_dim(v, op, "rhs", r, 0, "rhs_scale", rs, 0)))
    return false;
  return mma_dim(v, op, "lhs", l, m, "lhs_scale", ls, m) &&
         mma_dim(v, op, "rhs", r, k, "rhs_scale", rs, k) &&
         mma_dim(v, op, "lhs_scale", ls, k, "rhs_scale", rs, m);
}

/* Elements per scale along K: f8 inputs 32; f4 16 (e4m3 scales) or 16 or
** 32 (e8m0 scales). */
static void scale_factor(struct vctx *v, const struct ir_op *op) {
  const struct ty *l = op->in[0]->type, *ls = op->in[3]->type;
  int k = l->rank - 1;
  bool f4 = elem_is(l, EL_F4E2M1FN), e4m3 = elem_is(ls, EL_F8E4M3FN);
  if (e4m3 && !f4) {
    verr(v, op, "f8E4M3FN scales need f4E2M1FN lhs and rhs, got %s", vty(l->elt));
    return;
  }
  if (l->shape[k] % ls->shape[k]) {
    verr(v, op, "dim %d of lhs_scale (%lld) must divide dim %d of lhs (%lld)", k,
         (long long)ls->shape[k], k, (long long)l->shape[k]);
    return;
  }
  int64_t f = l->shape[k] / ls->shape[k];
  bool ok = f4 ? (f == 16 || (!e4m3 && f == 32)) : f == 32;
  if (!ok)
    verr(v, op, "%s inputs with %s scales need %s elements per scale along K, got %lld",
         vty(l->elt), vty(ls->elt), f4 ? (e4m3 ? "16" : "16 or 32") : "32", (long long)f);
}

void ir_verify_mmaf_scaled(struct vctx *v, const struct ir_op *op) {
  const unsigned scale = B(F8E4M3FN) | B(F8E8M0FNU);
  if (op->nin != 5) { verr(v, op, "expects lhs, rhs, acc, lhs_scale and rhs_scale"); return; }
  if (!mma_operand(v, op, 3, "lhs_scale", scale, "f8E4M3FN or f8E8M0FNU") ||
      !mma_operand(v, op, 4, "rhs_scale", scale, "f8E4M3FN or f8E8M0FNU"))
    return;
  if (op->in[3]->type->elt != op->in[4]->type->elt) {
    verr(v, op, "lhs_scale and rhs_scale must have the same element type, got %s and %s",
         vty(op->in[3]->type), vty(op->in[4]->type));
    return;
  }
  if (!check_mma_common(v, op, B(F8E4M3FN) | B(F8E5M2) | B(F4E2M1FN),
                        "f8E4M3FN, f8E5M2 or f4E2M1FN", B(F32), "f32"))
    return;
  if (scale_shapes(v, op)) scale_factor(v, op);
}

/* ---- shape ops ---- */

/* Source and result are tiles of one element type (same_rank: and rank). */
static bool src_res(struct vctx *v, const struct ir_op *op, const struct ty *s,
                    const struct ty *r, bool same_rank) {
  if (!is_tile(s) || !is_tile(r)) {
    verr(v, op, "source and result must be tiles, got %s and %s", vty(s), vty(r));
    return false;
  }
  if (s->elt != r->elt) {
    verr(v, op, "requires the same element type for source and result, got %s and %s",
         vty(s), vty(r));
    return false;
  }
  if (same_rank && s->rank != r->rank) {
    verr(v, op, "source and result must have the same rank, got %s and %s", vty(s), vty(r));
    return false;
  }
  return true;
}

void ir_verify_broadcast(struct vctx *v, const struct ir_op *op) {
  const struct ty *s = op->in[0]->type, *r = op->out[0].type;
  if (!src_res(v, op, s, r, true)) return;
  for (int i = 0; i < s->rank; i++)
    if (s->shape[i] != r->shape[i] && s->shape[i] != 1) {
      verr(v, op, "cannot broadcast %s to %s: dim %d is neither equal nor 1", vty(s), vty(r), i);
      return;
    }
}

void ir_verify_reshape(struct vctx *v, const struct ir_op *op) {
  const struct ty *s = op->in[0]->type, *r = op->out[0].type;
  if (src_res(v, op, s, r, false) && ty_numel(s) != ty_numel(r))
    verr(v, op, "source %s and result %s must have the same number of elements", vty(s), vty(r));
}

/* result dim i is source dim perm[i]; perm is a permutation of the dims. */
void ir_verify_permute(struct vctx *v, const struct ir_op *op) {
  const struct ty *s = op->in[0]->type, *r = op->out[0].type;
  const int64_t *p = op->attr.perm;
  if (!src_res(v, op, s, r, true)) return;
  if (s->rank < 2) { verr(v, op, "source must have rank 2 or more, got %s", vty(s)); return; }
  if (op->attr.nperm != s->rank) {
    verr(v, op, "permutation has %d elements but the source has rank %d", op->attr.nperm, s->rank);
    return;
  }
  for (int i = 0; i < s->rank; i++) {
    if (p[i] < 0 || p[i] >= s->rank) {
      verr(v, op, "permutation element %d (%lld) is out of range [0, %d)", i, (long long)p[i], s->rank);
      return;
    }
    for (int j = 0; j < i; j++)
      if (p[j] == p[i]) { verr(v, op, "permutation elements must be unique, %lld repeats", (long long)p[i]); return; }
  }
  for (int i = 0; i < s->rank; i++)
    if (r->shape[i] != s->shape[p[i]]) {
      verr(v, op, "result dim %d must be %lld (source dim %lld), got %lld", i,
           (long long)s->shape[p[i]], (long long)p[i], (long long)r->shape[i]);
      return;
    }
}

void ir_verify_cat(struct vctx *v, const struct ir_op *op) {
  const struct ty *a = op->in[0]->type, *b = op->in[1]->type, *r = op->out[0].type;
  if (!src_res(v, op, a, r, true) || !src_res(v, op, b, r, true)) return;
  int64_t d = op->attr.dim;
  if (d < 0 || d >= r->rank) { verr(v, op, "dim %lld is out of range [0, %d)", (long long)d, r->rank); return; }
  for (int i = 0; i < r->rank; i++) {
    int64_t want = i == d ? a->shape[i] + b->shape[i] : a->shape[i];
    if (i != d && b->shape[i] != a->shape[i]) {
      verr(v, op, "lhs and rhs must match in dim %d (not the concat dim), got %s and %s", i, vty(a), vty(b));
      return;
    }
    if (r->shape[i] != want) {
      verr(v, op, "result dim %d must be %lld, got %lld", i, (long long)want, (long long)r->shape[i]);
      return;
    }
  }
}

/* Slice indices: one rank-0 i32 tile per dim. */
static void check_indices(struct vctx *v, const struct ir_op *op, int g, int rank) {
  int n;
  struct ir_value **ix = group(op, g, &n);
  if (n != rank) { verr(v, op, "expected %d indices, but got %d", rank, n); return; }
  for (int i = 0; i < n; i++)
    if (!is_scalar_of(ix[i]->type, EL_I32))
      verr(v, op, "index %d must be a rank-0 tile of i32, got %s", i, vty(ix[i]->type));
}

/* Each dim of the big tile is a multiple of the small one's.  A zero dim
** (already reported by the generic type check) must not divide by zero. */
static bool divides(struct vctx *v, const struct ir_op *op, const struct ty *big,
                    const char *bn, const struct ty *small, const char *sn) {
  for (int i = 0; i < big->rank; i++)
    if (small->shape[i] <= 0 || big->shape[i] % small->shape[i]) {
      verr(v, op, "%s dim %d (%lld) must be a multiple of %s dim %d (%lld)", bn, i,
           (long long)big->shape[i], sn, i, (long long)small->shape[i]);
      return false;
    }
  return true;
}

void ir_verify_extract(struct vctx *v, const struct ir_op *op) {
  const struct ty *s = op->in[0]->type, *r = op->out[0].type;
  if (src_res(v, op, s, r, true) && divides(v, op, s, "source", r, "result"))
    check_indices(v, op, 1, s->rank);
}

/* insert source into destination at a subtile index: extract's inverse. */
void ir_verify_insert(struct vctx *v, const struct ir_op *op) {
  int ns, nd;
  struct ir_value **src = group(op, 0, &ns), **dst = group(op, 1, &nd);
  if (ns != 1 || nd != 1) { verr(v, op, "expects a source and a destination"); return; }
  const struct ty *s = src[0]->type, *d = dst[0]->type;
  if (op->out[0].type != d) {
    verr(v, op, "result type %s must be the destination's type %s", vty(op->out[0].type), vty(d));
    return;
  }
  if (src_res(v, op, s, d, true) && divides(v, op, d, "destination", s, "source"))
    check_indices(v, op, 2, d->rank);
}

/* Width in bits for pack/unpack sizes (tf32 is stored in 32). */
static int64_t pack_bits(const struct ty *t) {
  int w = t->elt->elem == EL_TF32 ? 32 : ty_elem_bits(t->elt->elem);
  return w * ty_numel(t);
}

/* pack and unpack: a rank-1 tile of numbers (i4 too) and a rank-1 tile of
** i8 with the same bytes. */
static void check_pack(struct vctx *v, const struct ir_op *op, const struct ty *x,
                       const struct ty *bytes, bool pack) {
  const struct ty *s = pack ? x : bytes, *r = pack ? bytes : x;
  if (!is_number_tile(x) || !elem_is(bytes, EL_I8)) {
    verr(v, op, "expects a tile of numbers and a tile of i8, got %s and %s", vty(s), vty(r));
    return;
  }
  if (s->rank != 1 || r->rank != 1) { verr(v, op, "expects source and result to be rank-1 tiles"); return; }
  if (ty_elem_bits(x->elt->elem) == 8) {
    verr(v, op, "expects source and result to have different element type widths, got %s and %s",
         vty(s), vty(r));
    return;
  }
  if (pack_bits(x) % 8) { verr(v, op, "expects the %s tile %s to be byte-aligned", pack ? "source" : "result", vty(x)); return; }
  if (pack_bits(s) != pack_bits(r))
    verr(v, op, "expects source and result to have the same size in bytes, got %lld and %lld",
         (long long)pack_bits(s) / 8, (long long)pack_bits(r) / 8);
}

void ir_verify_pack(struct vctx *v, const struct ir_op *op) {
  check_pack(v, op, op->in[0]->type, op->out[0].type, true);
}

void ir_verify_unpack(struct vctx *v, const struct ir_op *op) {
  check_pack(v, op, op->out[0].type, op->in[0]->type, false);
}

/* ---- grid ---- */

/* Three results x, y, z, each a rank-0 tile of i32. */
static void check_grid(struct vctx *v, const struct ir_op *op) {
  if (op->nout != 3) { verr(v, op, "has 3 results (x, y, z), got %d", op->nout); return; }
  for (int i = 0; i < 3; i++)
    if (!is_scalar_of(op->out[i].type, EL_I32)) {
      verr(v, op, "result %d must be a rank-0 tile of i32, got %s", i, vty(op->out[i].type));
      return;
    }
}

void ir_verify_get_num_tile_blocks(struct vctx *v, const struct ir_op *op) { check_grid(v, op); }
void ir_verify_get_tile_block_id(struct vctx *v, const struct ir_op *op) { check_grid(v, op); }
