/*
** tilesim_api.c -- the public API (include/tilesim.h) over src/ir, and
** tilesim_run over src/sim.
*/
#include <config.h>
#include "tilesim.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ir.h"
#include "sim.h"
#include "sim_fp.h"
#include "sim_npy.h"
#include "hw.h"

struct tilesim_module { struct ir_module *m; };

const char *tilesim_version(void) { return PACKAGE_VERSION; }

struct relay { tilesim_diag_fn fn; void *ud; };

static void relay(void *ud, const struct ts_diag *d) {
  struct relay *r = ud;
  if (!r->fn) return;
  unsigned line = 0, col = 0;
  if (d->loc.src) ts_source_linecol((struct ts_source *)d->loc.src, d->loc.off, &line, &col);
  char *text;
  ts_diag_format(d, &text);
  r->fn(r->ud, (int)d->sev, d->loc.src ? d->loc.src->name : NULL, line, col, d->msg,
        text ? text : d->msg);
  ts_free(text);
}

tilesim_module *tilesim_parse(const char *name, const char *text, size_t len,
                              tilesim_diag_fn fn, void *ud) {
  struct relay r = { fn, ud };
  struct ts_diag_sink sink = { relay, &r, 0, 0 };
  struct ir_module *m = ir_parse_text(name, text, len, &sink);
  if (!m) return NULL;
  tilesim_module *t = ts_malloc(sizeof *t);
  if (!t) { ir_module_free(m); return NULL; }
  t->m = m;
  return t;
}

tilesim_module *tilesim_load(const char *name, const void *data, size_t len,
                             tilesim_diag_fn fn, void *ud) {
  struct relay r = { fn, ud };
  struct ts_diag_sink sink = { relay, &r, 0, 0 };
  struct ir_module *m = ir_load(name, data, len, &sink);
  if (!m) return NULL;
  tilesim_module *t = ts_malloc(sizeof *t);
  if (!t) { ir_module_free(m); return NULL; }
  t->m = m;
  return t;
}

static void quiet(void *ud, const struct ts_diag *d) { (void)ud; (void)d; }

int tilesim_write_bytecode(const tilesim_module *t, const char *version, void **out,
                           size_t *len, tilesim_diag_fn fn, void *ud) {
  struct relay r = { fn, ud };
  struct ts_diag_sink sink = { relay, &r, 0, 0 };
  struct ts_buf b = {0};
  int v = version ? ir_version_parse(version) : IR_VERSION_MIN;
  int rc = -1;
  *out = NULL;
  *len = 0;
  if (v < 0) {
    ts_diag_emit(&sink, TS_ERROR, (struct ts_loc){0},
                 "unsupported bytecode version '%s' (13.1 to 13.4)", version);
    return -1;
  }
  for (; !version && v < IR_VERSION_MAX && rc; v++) {   /* the oldest that fits */
    struct ts_diag_sink q = { quiet, NULL, 0, 0 };
    b.len = 0;
    rc = ir_write_bytecode(t->m, v, &b, &q);
  }
  if (rc) { b.len = 0; rc = ir_write_bytecode(t->m, v, &b, &sink); }
  if (rc) { ts_buf_free(&b); return -1; }
  if (!b.s) b.s = ts_malloc(1);          /* never NULL on success */
  if (!b.s) return -1;
  *out = b.s;
  *len = b.len;
  return 0;
}

unsigned tilesim_verify(const tilesim_module *t, tilesim_diag_fn fn, void *ud) {
  struct relay r = { fn, ud };
  struct ts_diag_sink sink = { relay, &r, 0, 0 };
  return ir_verify(t->m, &sink);
}

char *tilesim_print(const tilesim_module *t) {
  struct ts_buf b = {0};
  if (ir_print(t->m, &b)) { ts_buf_free(&b); return NULL; }
  return b.s;
}

void tilesim_free(void *p) { ts_free(p); }

void tilesim_module_free(tilesim_module *t) {
  if (!t) return;
  ir_module_free(t->m);
  ts_free(t);
}

/* ---- tilesim_run: a kernel over host buffers ---- */

/* What a run needs beyond its arguments: where the message goes, the
** allocations that hold arrays (to copy back), the parameter values. */
struct run {
  char *err;
  size_t errlen;
  const struct ir_block *body;
  struct sim_value *vals;
  struct sim_mem mem;
  struct copy { int alloc; void *host; size_t bytes; } *copies;
  int ncopies;
};

static int fail(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct run *r, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (r->errlen) vsnprintf(r->err, r->errlen, fmt, ap);
  va_end(ap);
  return -1;
}

/* The parameter's name for messages: "%name", or "#i" when unnamed. */
static const char *pname(const struct run *r, int p, char *buf, size_t n) {
  const char *s = r->body->args[p].name;
  if (s) snprintf(buf, n, "%%%s", s); else snprintf(buf, n, "#%d", p);
  return buf;
}

static const char *tystr(const struct ty *t, char *buf, size_t n) {
  struct ts_buf b = {0};
  ty_print(&b, t);
  snprintf(buf, n, "%s", b.s ? b.s : "?");
  ts_buf_free(&b);
  return buf;
}

static int bad_type(struct run *r, const struct tilesim_arg *a) {
  return fail(r, "unknown element type '%s'", a->type ? a->type : "(null)");
}

static int elem_lookup(const char *s, enum ty_elem *e) {
  for (int i = 0; s && i < EL_COUNT; i++)
    if (!strcasecmp(s, ty_elem_names[i])) { *e = (enum ty_elem)i; return 0; }
  return -1;
}

/* The element type of parameter p when it is a rank-0 tile of a scalar
** (not a pointer); NULL otherwise. */
static const struct ty *scalar_param(const struct run *r, int p) {
  const struct ty *t = r->body->args[p].type;
  if (t->kind != TY_TILE || t->rank || t->elt->kind == TY_PTR) return NULL;
  return t->elt;
}

/* Integer v as the bits of an integer parameter of width w: -1 unless
** -2^(w-1) <= v < 2^w (integers are signless, as on the command line). */
static int int_bits(long long v, int w, uint64_t *bits) {
  if (w < 64) {
    long long lo = -(1LL << (w - 1)), hi = (long long)((1ULL << w) - 1);
    if (v < lo || v > hi) return -1;
    *bits = (uint64_t)v & ((1ULL << w) - 1);
  } else {
    *bits = (uint64_t)v;
  }
  return 0;
}

/* Scalar a into parameter p, converted to its type. */
static int bind_scalar(struct run *r, int p, const struct tilesim_arg *a) {
  char nb[80], tb[128];
  const struct ty *e = scalar_param(r, p);
  if (!e)
    return fail(r, "argument for %s is a scalar but the parameter has type %s",
                pname(r, p, nb, sizeof nb), tystr(r->body->args[p].type, tb, sizeof tb));
  bool isint = e->kind == TY_INT;
  int w = ty_elem_bits(e->elem);
  uint64_t *bits = &r->vals[p].bits;
  if (a->kind == TILESIM_ARG_INT && isint) {
    if (int_bits(a->i, w, bits))
      return fail(r, "argument for %s: %lld does not fit in %s", pname(r, p, nb, sizeof nb), a->i,
                  ty_elem_names[e->elem]);
  } else if (a->kind == TILESIM_ARG_INT || (a->kind == TILESIM_ARG_FLOAT && !isint)) {
    double v = a->kind == TILESIM_ARG_INT ? (double)a->i : a->f;
    *bits = fp_from_double(e->elem, v, RND_NEAREST_EVEN);
  } else if (a->kind == TILESIM_ARG_FLOAT) {
    return fail(r, "argument for %s is a float but the parameter has type %s",
                pname(r, p, nb, sizeof nb), tystr(r->body->args[p].type, tb, sizeof tb));
  } else {
    enum ty_elem el;
    if (elem_lookup(a->type, &el)) return bad_type(r, a);
    if (el != e->elem)
      return fail(r, "argument for %s is a %s scalar but the parameter has type %s",
                  pname(r, p, nb, sizeof nb), ty_elem_names[el],
                  tystr(r->body->args[p].type, tb, sizeof tb));
    if (w < 64 && (a->bits >> w))
      return fail(r, "argument for %s: bits 0x%llx do not fit in %s", pname(r, p, nb, sizeof nb),
                  a->bits, ty_elem_names[el]);
    *bits = a->bits;
  }
  return 0;
}

/* The offsets (in elements) of the first and last byte-wise extremes of
** an array: lo <= 0 <= hi over every element; -1 when the shape is bad or
** the span is too big to simulate. */
static int array_span(const struct tilesim_arg *a, size_t esize, int64_t *lo, int64_t *hi,
                      bool *empty) {
  const int64_t big = INT64_C(1) << 40;
  *lo = *hi = 0;
  *empty = false;
  int64_t stride = 1;
  for (int d = a->rank - 1; d >= 0; d--) {
    int64_t n = a->shape[d], s = a->strides ? a->strides[d] : stride;
    if (n < 0 || n > big || s < -big || s > big) return -1;
    if (n == 0) *empty = true;
    if (n > 1) { if (s < 0) *lo += (n - 1) * s; else *hi += (n - 1) * s; }
    stride *= n ? n : 1;
    if (stride > big || *hi - *lo > big) return -1;
  }
  if ((uint64_t)(*hi - *lo + 1) * esize >= MEM_SPACING) return -1;
  return 0;
}

/* Array a into pointer parameter p: its bytes, from the lowest to the
** highest element, go into a new allocation; the pointer is a's element 0. */
static int bind_array(struct run *r, int p, const struct tilesim_arg *a) {
  char nb[80], tb[128];
  const struct ty *t = r->body->args[p].type;
  enum ty_elem el;
  if (elem_lookup(a->type, &el)) return bad_type(r, a);
  if (t->kind != TY_TILE || t->rank || t->elt->kind != TY_PTR)
    return fail(r, "argument for %s is an array but the parameter has type %s",
                pname(r, p, nb, sizeof nb), tystr(t, tb, sizeof tb));
  if (t->elt->elt->elem != el)
    return fail(r, "argument for %s has elements of %s, the parameter points to %s",
                pname(r, p, nb, sizeof nb), ty_elem_names[el], ty_elem_names[t->elt->elt->elem]);
  if (a->rank < 0 || a->rank > SIM_MAX_RANK || (a->rank && !a->shape))
    return fail(r, "argument for %s: bad rank %d", pname(r, p, nb, sizeof nb), a->rank);
  size_t esize = sim_elem_size(el);
  int64_t lo, hi;
  bool empty;
  if (array_span(a, esize, &lo, &hi, &empty))
    return fail(r, "argument for %s: bad or too large shape and strides",
                pname(r, p, nb, sizeof nb));
  size_t bytes = empty ? 0 : (size_t)(hi - lo + 1) * esize;
  if (bytes && !a->data) return fail(r, "argument for %s: no data", pname(r, p, nb, sizeof nb));
  unsigned char *host = bytes ? ts_malloc(bytes) : NULL;
  struct copy *c = ts_realloc(r->copies, (size_t)(r->ncopies + 1) * sizeof *c);
  if (c) r->copies = c;
  const char *nm = r->body->args[p].name ? r->body->args[p].name : nb;
  struct mem_alloc *m = (bytes && !host) || !c ? NULL : mem_adopt(&r->mem, host, bytes, nm, el);
  if (!m) { ts_free(host); return fail(r, "out of memory for %s", pname(r, p, nb, sizeof nb)); }
  void *first = bytes ? (unsigned char *)a->data + lo * (int64_t)esize : NULL;
  if (bytes) memcpy(host, first, bytes);
  r->copies[r->ncopies++] = (struct copy){ r->mem.n - 1, first, bytes };
  r->vals[p].bits = m->base + (uint64_t)(-lo) * esize;
  return 0;
}

/* cuTile's array: the pointer, then rank shape and rank stride integers. */
static int bind_cutile(struct run *r, int *p, const struct tilesim_arg *a) {
  char nb[80], qb[80], tb[128];
  int np = r->body->nargs;
  if (a->rank < 0 || a->rank > SIM_MAX_RANK || *p + 1 + 2 * a->rank > np)
    return fail(r, "cuTile array argument at %s needs %d parameters, the entry has %d left",
                pname(r, *p, nb, sizeof nb), 1 + 2 * (a->rank > 0 ? a->rank : 0), np - *p);
  if (bind_array(r, *p, a)) return -1;
  int64_t stride = 1, v[2 * SIM_MAX_RANK];
  for (int d = a->rank - 1; d >= 0; d--) {
    v[d] = a->shape[d];
    v[a->rank + d] = a->strides ? a->strides[d] : stride;
    stride *= a->shape[d];
  }
  for (int d = 0; d < 2 * a->rank; d++) {
    int q = *p + 1 + d;
    const struct ty *e = scalar_param(r, q);
    if (!e || e->kind != TY_INT)
      return fail(r, "cuTile array argument at %s: parameter %s has type %s, not an integer",
                  pname(r, *p, nb, sizeof nb), pname(r, q, qb, sizeof qb),
                  tystr(r->body->args[q].type, tb, sizeof tb));
    if (int_bits(v[d], ty_elem_bits(e->elem), &r->vals[q].bits))
      return fail(r, "cuTile array argument at %s: %s %lld does not fit in %s",
                  pname(r, *p, nb, sizeof nb), d < a->rank ? "shape" : "stride", (long long)v[d],
                  ty_elem_names[e->elem]);
  }
  *p += 1 + 2 * a->rank;
  return 0;
}

static int bind_args(struct run *r, const struct tilesim_arg *args, int nargs) {
  int p = 0, np = r->body->nargs;
  for (int k = 0; k < nargs; k++) {
    const struct tilesim_arg *a = &args[k];
    if (p >= np) return fail(r, "too many arguments: the entry takes %d parameters", np);
    int rc;
    switch (a->kind) {
    case TILESIM_ARG_INT: case TILESIM_ARG_FLOAT: case TILESIM_ARG_BITS:
      rc = bind_scalar(r, p++, a); break;
    case TILESIM_ARG_ARRAY: rc = bind_array(r, p++, a); break;
    case TILESIM_ARG_CUTILE: rc = bind_cutile(r, &p, a); break;
    default: rc = fail(r, "argument %d has unknown kind %d", k + 1, a->kind);
    }
    if (rc) return -1;
  }
  if (p < np)
    return fail(r, "too few arguments: the entry takes %d parameters, the arguments fill %d", np, p);
  return 0;
}

/* Verification errors, formatted, one after another into the message. */
static void collect(void *ud, const struct ts_diag *d) {
  struct run *r = ud;
  if (d->sev != TS_ERROR || !r->errlen) return;
  size_t used = strlen(r->err);
  char *text;
  ts_diag_format(d, &text);
  if (used + 1 < r->errlen)
    snprintf(r->err + used, r->errlen - used, "%s%s", used ? "\n" : "", text ? text : d->msg);
  ts_free(text);
}

/* The default hardware description's numerics, as `tilesim run` takes
** them: how ftof narrows, and mmaf's profile unless numerics names one. */
static int set_opts(struct run *r, const struct tilesim_run_opts *o, struct sim_opts *so) {
  struct hw_numerics def;
  hw_default_numerics(&def);
  so->narrow_ieee = def.narrow_ieee;
  so->nan_propagate = def.nan_propagate;
  so->fp8_fnuz = def.fp8_fnuz;
  const char *name = o && o->numerics ? o->numerics : def.profile;
  if (sim_set_numerics(so, name))
    return fail(r, "unknown numerics '%s' (fma, exact, or a GPU profile such as sm90 or H100)",
                name);
  if (!o) return 0;
  so->threads = o->threads > 0 ? o->threads : 0;
  so->max_iterations = o->max_iterations;
  so->check_assumes = o->check_assumes != 0;
  return 0;
}

/* The run's error as the CLI prints it: location, block, message. */
static void runtime_error(struct run *r, const struct sim_error *e) {
  char msg[700];
  snprintf(msg, sizeof msg, "block (%u,%u,%u): %s", e->block[0], e->block[1], e->block[2], e->msg);
  struct ts_diag d = { TS_ERROR, e->loc, msg };
  char *text;
  ts_diag_format(&d, &text);
  fail(r, "%s", text ? text : msg);
  ts_free(text);
}

static int launch(struct run *r, const tilesim_module *t, const struct ir_op *entry,
                  const unsigned grid[3], const struct tilesim_arg *args, int nargs,
                  const struct sim_opts *so) {
  if (bind_args(r, args, nargs)) return -1;
  uint32_t g[3];
  for (int i = 0; i < 3; i++) {
    if (grid[i] < 1 || grid[i] > 0xFFFFFF)
      return fail(r, "bad grid dimension %u (1 to 16777215)", grid[i]);
    g[i] = grid[i];
  }
  struct sim_error e;
  if (sim_launch(t->m, entry, g, r->vals, r->body->nargs, &r->mem, so, &e)) {
    runtime_error(r, &e);
    return -1;
  }
  for (int i = 0; i < r->ncopies; i++) {
    const struct copy *c = &r->copies[i];
    if (c->bytes) memcpy(c->host, r->mem.a[c->alloc].host, c->bytes);
  }
  return 0;
}

int tilesim_run(const tilesim_module *t, const char *entry, const unsigned grid[3],
                const struct tilesim_arg *args, int nargs, const struct tilesim_run_opts *opts,
                void (*out)(void *ud, const char *text), void *ud,
                char *err, size_t errlen) {
  struct run r = { err, errlen, NULL, NULL, {0}, NULL, 0 };
  if (errlen) err[0] = 0;
  if (!t || !grid || (nargs && !args) || nargs < 0) return fail(&r, "bad arguments to tilesim_run");
  struct ts_diag_sink sink = { collect, &r, 0, 0 };
  if (ir_verify(t->m, &sink)) {
    if (errlen && !err[0]) fail(&r, "the module is invalid");
    return -1;
  }
  struct sim_opts so = { 0 };
  so.print = out;
  so.print_ud = ud;
  if (set_opts(&r, opts, &so)) return -1;
  const struct ir_op *e = sim_find_entry(t->m, entry);
  if (!e) {
    if (entry) return fail(&r, "no entry named '%s'", entry);
    return fail(&r, "the module has several entries or none; name one");
  }
  r.body = e->regions[0].block;
  r.vals = ts_malloc((size_t)(r.body->nargs ? r.body->nargs : 1) * sizeof *r.vals);
  if (!r.vals) return fail(&r, "out of memory");
  for (int i = 0; i < r.body->nargs; i++) r.vals[i] = (struct sim_value){ r.body->args[i].type, 0 };
  mem_init(&r.mem);
  int rc = launch(&r, t, e, grid, args, nargs, &so);
  mem_free(&r.mem);
  ts_free(r.copies);
  ts_free(r.vals);
  return rc;
}
