/*
** sim_interp.c -- the interpreter loop: value storage, dispatch through
** the exec table, runtime errors, and the structured control flow (if,
** for, loop, and the terminators that end their bodies).
*/
#include <config.h>
#include "sim_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static sim_exec_fn *const exec_tab[IR_NUM_OPS] = {
#define OP(id, mn, bc, since, nres, fl, fmt) [IR_OP_##id] = sim_exec_##id,
#include "ops.def"
};

/* ---- storage ---- */

size_t sim_elt_size(const struct ty *elt) {
  if (elt->kind == TY_PTR) return 8;
  switch (elt->elem) {
  case EL_I16: case EL_F16: case EL_BF16: return 2;
  case EL_I32: case EL_F32: case EL_TF32: return 4;
  case EL_I64: case EL_F64: return 8;
  default: return 1;
  }
}

size_t sim_type_size(const struct ty *t) {
  if (t->kind == TY_TILE) return (size_t)ty_numel(t) * sim_elt_size(t->elt);
  if (t->kind == TY_TENSOR_VIEW || ty_is_view(t)) return sizeof(struct sim_view);
  return 0;
}

void *sim_val(struct sim_ctx *c, const struct ir_value *v) {
  void **s = &c->f->slot[v->id];
  if (!*s) {
    size_t n = sim_type_size(v->type);
    *s = ts_malloc(n ? n : 1);
    if (!*s) {
      const struct ir_op *op = v->def ? v->def : (v->owner ? v->owner->parent : NULL);
      if (op) sim_fail(c, op, "out of memory for a value of %zu bytes", n);
      return NULL;
    }
    memset(*s, 0, n ? n : 1);
  }
  return *s;
}

int sim_copy(struct sim_ctx *c, const struct ir_value *dst, const struct ir_value *src) {
  void *d = sim_val(c, dst), *s = sim_val(c, src);
  if (!d || !s) return -1;
  if (d != s) memcpy(d, s, sim_type_size(src->type));
  return 0;
}

int sim_fail(struct sim_ctx *c, const struct ir_op *op, const char *fmt, ...) {
  if (c->err->set) return -1;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
  va_end(ap);
  c->err->set = true;
  c->err->loc = op->loc;
  memcpy(c->err->block, c->bid, sizeof c->bid);
  return -1;
}

void sim_coords(const int64_t *shape, int rank, int64_t i, char *buf, size_t n) {
  int64_t idx[16];
  for (int d = rank - 1; d >= 0; d--) { idx[d] = i % shape[d]; i /= shape[d]; }
  size_t k = (size_t)snprintf(buf, n, "[");
  for (int d = 0; d < rank && k < n; d++)
    k += (size_t)snprintf(buf + k, n - k, "%s%lld", d ? "," : "", (long long)idx[d]);
  if (k < n) snprintf(buf + k, n - k, "]");
}

/* ---- the loop ---- */

int sim_run_block(struct sim_ctx *c, const struct ir_block *b) {
  c->term = NULL;
  for (const struct ir_op *op = b->first; op; op = op->next) {
    if (c->trace ? sim_trace_op(c, &op, exec_tab[op->code]) : exec_tab[op->code](c, op)) return -1;
    if (c->term) return 0;
  }
  return 0;
}

/* A value a shape-only run does not compute: never copied. */
static bool skipped(const struct sim_ctx *c, const struct ir_value *v) {
  return c->trace && !sim_trace_needed(c, v);
}

/* Whether vals[i] may be moved into its carried value rather than copied:
** it is the result of an op directly in body, which defines it afresh
** before any use in the next iteration, and no other carried value takes
** it.  (A value from outside the loop, or a block argument, is copied.) */
static bool movable(struct ir_value *const *vals, int n, int i, const struct ir_block *body) {
  if (!body || !vals[i]->def || vals[i]->def->parent != body) return false;
  for (int j = 0; j < n; j++)
    if (j != i && vals[j] == vals[i]) return false;
  return true;
}

/* Set the block arguments args to the n values vals, as if at once: the
** carried values after an iteration of body, or the initial ones (body
** NULL).  Copies go through temporaries, since a value passed may itself
** be one of the arguments (a swap); a movable value swaps buffers with its
** argument instead (the accumulator of a K loop: no copy per iteration). */
static int assign(struct sim_ctx *c, struct ir_value *const *vals, int n,
                  const struct ir_value *args, const struct ir_block *body) {
  void *tmp[64];
  if (n > 64) return sim_fail(c, args[0].owner->parent, "too many carried values");
  for (int i = 0; i < n; i++) {
    if (skipped(c, &args[i])) { tmp[i] = NULL; continue; }
    size_t sz = sim_type_size(vals[i]->type);
    void *s = sim_val(c, vals[i]);
    if (s && movable(vals, n, i, body)) { tmp[i] = NULL; continue; }
    tmp[i] = s ? ts_malloc(sz ? sz : 1) : NULL;
    if (!tmp[i]) {
      for (int j = 0; j < i; j++) ts_free(tmp[j]);
      return sim_fail(c, args[0].owner->parent, "out of memory");
    }
    memcpy(tmp[i], s, sz);
  }
  int rc = 0;
  for (int i = 0; i < n; i++) {
    if (skipped(c, &args[i])) continue;
    void *d = sim_val(c, &args[i]);
    if (!d) {
      rc = -1;
    } else if (!tmp[i]) {                                /* moved */
      c->f->slot[args[i].id] = c->f->slot[vals[i]->id];
      c->f->slot[vals[i]->id] = d;
    } else {
      memcpy(d, tmp[i], sim_type_size(args[i].type));
    }
    ts_free(tmp[i]);
  }
  return rc;
}

/* Copy n values into the results of op. */
static int set_results(struct sim_ctx *c, const struct ir_op *op, struct ir_value *const *vals, int n) {
  for (int i = 0; i < n; i++)
    if (!skipped(c, &op->out[i]) && sim_copy(c, &op->out[i], vals[i])) return -1;
  return 0;
}

/* ---- terminators: record themselves, their parent acts ---- */

static int terminate(struct sim_ctx *c, const struct ir_op *op) {
  c->term = op;
  return 0;
}

int sim_exec_yield(struct sim_ctx *c, const struct ir_op *op) { return terminate(c, op); }
int sim_exec_continue(struct sim_ctx *c, const struct ir_op *op) { return terminate(c, op); }
int sim_exec_break(struct sim_ctx *c, const struct ir_op *op) { return terminate(c, op); }
int sim_exec_return(struct sim_ctx *c, const struct ir_op *op) { return terminate(c, op); }

/* ---- if ---- */

int sim_exec_if(struct sim_ctx *c, const struct ir_op *op) {
  const uint8_t *cond = IN(c, op, 0);
  if (!cond) return -1;
  const struct ir_block *b = op->regions[*cond ? 0 : 1].block;
  if (!b) return 0;                         /* no else */
  if (sim_run_block(c, b)) return -1;
  if (c->term && c->term->code == IR_OP_yield) {
    const struct ir_op *y = c->term;
    c->term = NULL;
    return set_results(c, op, y->in, y->nin);
  }
  return 0;   /* continue, break or return: the enclosing op handles it */
}

/* ---- for ---- */

/* A scalar integer tile's value, sign- or zero-extended to 64 bits. */
static int64_t scalar_int(const struct ty *t, const void *p, bool is_signed) {
  switch (ty_elem_bits(t->elt->elem)) {
  case 1: return *(const uint8_t *)p & 1;
  case 8: return is_signed ? *(const int8_t *)p : *(const uint8_t *)p;
  case 16: return is_signed ? *(const int16_t *)p : *(const uint16_t *)p;
  case 32: return is_signed ? *(const int32_t *)p : (int64_t)*(const uint32_t *)p;
  default: return *(const int64_t *)p;
  }
}

static void store_int(const struct ty *t, void *p, int64_t v) {
  switch (ty_elem_bits(t->elt->elem)) {
  case 1: case 8: *(uint8_t *)p = (uint8_t)v; break;
  case 16: *(uint16_t *)p = (uint16_t)v; break;
  case 32: *(uint32_t *)p = (uint32_t)v; break;
  default: *(uint64_t *)p = (uint64_t)v; break;
  }
}

/* Count one iteration of op's body against the block's budget: a loop
** that keeps changing its state without ending (which the progress check
** of `loop` cannot see) is reported instead of running forever. */
static int count_iteration(struct sim_ctx *c, const struct ir_op *op) {
  uint64_t max = c->o->max_iterations ? c->o->max_iterations : SIM_MAX_ITERATIONS;
  if (++c->iterations <= max) return 0;
  return sim_fail(c, op, "loop did not finish: the tile block ran %llu loop iterations "
                  "(the limit; --max-iterations changes it)", (unsigned long long)max);
}

/* The loop body ran to its end or a terminator: 1 to go on, 0 to leave
** (break, return), -1 on error.  continue assigns the carried values. */
static int after_body(struct sim_ctx *c, const struct ir_block *body, int first_carried) {
  const struct ir_op *t = c->term;
  if (!t || t->code == IR_OP_continue) {
    c->term = NULL;
    if (t && t->nin && assign(c, t->in, t->nin, body->args + first_carried, body)) return -1;
    return 1;
  }
  return 0;
}

int sim_exec_for(struct sim_ctx *c, const struct ir_op *op) {
  const struct ir_block *body = op->regions[0].block;
  const struct ty *it = op->in[0]->type;
  bool is_signed = !(op->attr.flags & AF_UNSIGNED_CMP);
  const void *plb = IN(c, op, 0), *pub = IN(c, op, 1), *pst = IN(c, op, 2);
  if (!plb || !pub || !pst) return -1;
  int64_t lb = scalar_int(it, plb, is_signed), ub = scalar_int(it, pub, is_signed);
  int64_t step = scalar_int(it, pst, is_signed);
  if (step <= 0) return sim_fail(c, op, "loop step must be positive, got %lld", (long long)step);
  if (op->nin > 3 && assign(c, op->in + 3, op->nin - 3, body->args + 1, NULL)) return -1;
  void *iv = sim_val(c, &body->args[0]);
  if (!iv) return -1;
  for (int64_t i = lb; is_signed ? i < ub : (uint64_t)i < (uint64_t)ub; i += step) {
    store_int(it, iv, i);
    if (count_iteration(c, op) || (c->trace && sim_trace_iter(c, op)) || sim_run_block(c, body))
      return -1;
    int go = after_body(c, body, 1);
    if (go < 0) return -1;
    if (!go) return 0;                      /* return from inside the loop */
    if (is_signed ? i > INT64_MAX - step : (uint64_t)i > UINT64_MAX - (uint64_t)step) break;
  }
  for (int i = 0; i < op->nout; i++)
    if (!skipped(c, &op->out[i]) && sim_copy(c, &op->out[i], &body->args[1 + i])) return -1;
  return 0;
}

/* ---- loop ---- */

/* The bytes of the carried values (block arguments) of a loop body. */
static size_t args_size(const struct ir_block *b) {
  size_t n = 0;
  for (int i = 0; i < b->nargs; i++) n += sim_type_size(b->args[i].type);
  return n;
}

static int snapshot(struct sim_ctx *c, const struct ir_block *b, unsigned char *buf) {
  for (int i = 0; i < b->nargs; i++) {
    size_t n = sim_type_size(b->args[i].type);
    const void *p = sim_val(c, &b->args[i]);
    if (!p) return -1;
    memcpy(buf, p, n);
    buf += n;
  }
  return 0;
}

/* loop runs until break.  An iteration that changes neither its carried
** values nor memory would repeat forever, unless another block changes
** memory: sim_loop_step decides (a hang is reported, never waited out). */
int sim_exec_loop(struct sim_ctx *c, const struct ir_op *op) {
  const struct ir_block *body = op->regions[0].block;
  if (op->nin && assign(c, op->in, op->nin, body->args, NULL)) return -1;
  size_t n = args_size(body);
  unsigned char *before = ts_malloc(2 * n + 1), *after = before ? before + n : NULL;
  if (!before) return sim_fail(c, op, "out of memory");
  int rc = 0;
  for (;;) {
    uint64_t writes = c->writes;
    /* a shape-only run computes neither all carried values nor stores:
    ** only the iteration limit stops a loop there */
    if (c->trace) {
      if (count_iteration(c, op) || sim_trace_iter(c, op) || sim_run_block(c, body)) { rc = -1; break; }
      int go = after_body(c, body, 0);
      if (go <= 0) { rc = go; break; }
      continue;
    }
    if (count_iteration(c, op) || snapshot(c, body, before) || sim_run_block(c, body)) { rc = -1; break; }
    int go = after_body(c, body, 0);
    if (go <= 0) { rc = go; break; }
    if (snapshot(c, body, after)) { rc = -1; break; }
    bool progress = c->writes != writes || memcmp(before, after, n);
    if (sim_loop_step(c, op, progress)) { rc = -1; break; }
  }
  ts_free(before);
  if (rc) return -1;
  if (c->term && c->term->code == IR_OP_break) {
    const struct ir_op *t = c->term;
    c->term = NULL;
    return set_results(c, op, t->in, t->nin);
  }
  return 0;                                 /* a return: the entry ends */
}

/* ---- functions and the module: not executed as ops ---- */

int sim_exec_entry(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "an entry is launched, not executed");
}
int sim_exec_testing_func(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "testing$func cannot be executed");
}
int sim_exec_module(struct sim_ctx *c, const struct ir_op *op) {
  return sim_fail(c, op, "a module is not executed");
}
int sim_exec_global(struct sim_ctx *c, const struct ir_op *op) {
  (void)c; (void)op;
  return 0;
}

/* ---- the grid ---- */

static int grid_values(struct sim_ctx *c, const struct ir_op *op, const uint32_t *v) {
  for (int i = 0; i < 3; i++) {
    int32_t *p = OUT(c, op, i);
    if (!p) return -1;
    *p = (int32_t)v[i];
  }
  return 0;
}

int sim_exec_get_tile_block_id(struct sim_ctx *c, const struct ir_op *op) {
  return grid_values(c, op, c->bid);
}
int sim_exec_get_num_tile_blocks(struct sim_ctx *c, const struct ir_op *op) {
  return grid_values(c, op, c->grid);
}
