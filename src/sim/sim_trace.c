/*
** sim_trace.c -- trace runs: the kernel executed in shape-only mode, one
** stream of events per tile block (sim_trace.h says what they mean).
**
** Shape-only mode computes a value only when the run needs it: a value is
** needed when it feeds a control-flow operand (an if condition, a for
** bound, a loop-carried value that is itself needed), an address, view
** index or mask operand of a memory op, or another needed value.  The set
** is a static backward slice over the entry's body, computed once per
** launch (slice_*); every other op is recorded without being run, so
** neither float math nor mmaf nor stored data costs anything.
**
** Blocks run in parallel, each thread recording into its own buffer.  A
** block whose events equal those of a block the same thread recorded
** before keeps only its accesses (dedup); the buffers are then merged in
** grid order, where same_as is decided against the first block of each
** kind, so the trace does not depend on the thread count.
*/
#include <config.h>
#include "sim_trace.h"

#include <stdio.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "sim_int.h"

/* ---- the slice: which values a shape-only run computes ---- */

struct slice {
  uint8_t *need;               /* by ir_value.id */
  bool changed;
};

static void mark(struct slice *s, const struct ir_value *v) {
  if (v->type->kind == TY_TOKEN || s->need[v->id]) return;   /* tokens carry no data */
  s->need[v->id] = 1;
  s->changed = true;
}

static bool is_needed(const struct slice *s, const struct ir_value *v) { return s->need[v->id]; }

static bool any_result(const struct slice *s, const struct ir_op *op) {
  for (int i = 0; i < op->nout; i++)
    if (is_needed(s, &op->out[i])) return true;
  return false;
}

static void mark_group(struct slice *s, const struct ir_op *op, int g) {
  int n;
  struct ir_value **v = ir_op_group(op, g, &n);
  for (int i = 0; i < n; i++) mark(s, v[i]);
}

/* The for or loop a continue or break inside op's block belongs to. */
static const struct ir_op *enclosing_loop(const struct ir_op *op) {
  for (const struct ir_op *p = op->parent->parent; p; p = p->parent ? p->parent->parent : NULL)
    if (p->code == IR_OP_for || p->code == IR_OP_loop) return p;
  return NULL;
}

/* The operand groups of memory op code that say where it goes (pointers,
** view, indices, mask); -1 ends the list. */
static const int *address_groups(enum ir_opcode code) {
  static const int ptr_load[] = {0, 1, -1}, ptr_store[] = {0, 2, -1}, view_load[] = {0, 1, -1},
                   view_store[] = {1, 2, -1}, cas[] = {0, 3, -1}, none[] = {-1};
  switch (code) {
  case IR_OP_load_ptr_tko: return ptr_load;
  case IR_OP_store_ptr_tko: case IR_OP_atomic_rmw_tko: return ptr_store;
  case IR_OP_load_view_tko: case IR_OP_atomic_red_view_tko: return view_load;
  case IR_OP_store_view_tko: return view_store;
  case IR_OP_atomic_cas_tko: return cas;
  default: return none;
  }
}

/* The rules of one op; force: op lies in the combiner of a reduce or
** scan that runs, so all of it runs. */
static void slice_op(struct slice *s, const struct ir_op *op, bool force) {
  const struct ir_op *l;
  if (force)
    for (int i = 0; i < op->nout; i++) mark(s, &op->out[i]);
  for (const int *g = address_groups(op->code); *g >= 0; g++) mark_group(s, op, *g);
  switch (op->code) {
  case IR_OP_if:
    mark(s, op->in[0]);
    return;
  case IR_OP_for: {
    const struct ir_block *b = op->regions[0].block;
    for (int i = 0; i < 3; i++) mark(s, op->in[i]);
    for (int i = 0; i < op->nout; i++) {
      if (is_needed(s, &op->out[i])) mark(s, &b->args[1 + i]);
      if (is_needed(s, &b->args[1 + i])) mark(s, op->in[3 + i]);
    }
    return;
  }
  case IR_OP_loop:
    for (int i = 0; i < op->nin; i++)
      if (is_needed(s, &op->regions[0].block->args[i])) mark(s, op->in[i]);
    return;
  case IR_OP_yield:
    l = op->parent->parent;
    for (int i = 0; i < op->nin; i++)
      if (force || (l->code == IR_OP_if && is_needed(s, &l->out[i]))) mark(s, op->in[i]);
    return;
  case IR_OP_continue:
    if (!(l = enclosing_loop(op))) return;
    for (int i = 0; i < op->nin; i++)
      if (is_needed(s, &l->regions[0].block->args[i + (l->code == IR_OP_for)])) mark(s, op->in[i]);
    return;
  case IR_OP_break:
    if (!(l = enclosing_loop(op))) return;
    for (int i = 0; i < op->nin && i < l->nout; i++)
      if (is_needed(s, &l->out[i])) mark(s, op->in[i]);
    return;
  default:
    if (any_result(s, op))
      for (int i = 0; i < op->nin; i++) mark(s, op->in[i]);
    return;
  }
}

static void slice_block(struct slice *s, const struct ir_block *b, bool force) {
  for (const struct ir_op *op = b->first; op; op = op->next) {
    slice_op(s, op, force);
    bool inner = force || ((op->code == IR_OP_reduce || op->code == IR_OP_scan) && any_result(s, op));
    for (int r = 0; r < op->nregions; r++)
      if (op->regions[r].block) slice_block(s, op->regions[r].block, inner);
  }
}

/* ---- the plan: what the recorder looks up per op ---- */

/* By the id of an op's first result: whether the op runs (a result is
** needed), the elements of that result, and, for an op that is only
** recorded (plain: not run, no access, no region), the plain ops that
** follow it in its block up to the next other op, as ready-made events
** tmpl[first .. first+len): the recorder copies them at once instead of
** dispatching each (most ops of an attention body are such runs).  Ops
** without results are the region ops and assert. */
struct opinfo { uint8_t run; uint32_t len; size_t first; uint64_t numel; };

struct plan {
  uint8_t *need;               /* by value id */
  struct opinfo *info;         /* by value id */
  struct sim_event *tmpl;
  size_t ntmpl;
};

static uint64_t numel_of(const struct ir_value *v) {
  return v->type->kind == TY_TILE ? (uint64_t)ty_numel(v->type) : 0;
}

static bool plain(const struct slice *s, const struct ir_op *op) {
  return op->nout && !op->nregions && !any_result(s, op) && address_groups(op->code)[0] < 0;
}

static void plan_block(const struct slice *s, const struct ir_block *b, struct plan *p) {
  for (const struct ir_op *op = b->first; op; op = op->next) {
    if (op->nout)
      p->info[op->out[0].id] = (struct opinfo){ any_result(s, op), 0, 0, numel_of(&op->out[0]) };
    for (int r = 0; r < op->nregions; r++)
      if (op->regions[r].block) plan_block(s, op->regions[r].block, p);
  }
  for (const struct ir_op *op = b->first; op; ) {
    if (!plain(s, op)) { op = op->next; continue; }
    size_t first = p->ntmpl;
    const struct ir_op *q = op;
    for (; q && plain(s, q); q = q->next)
      p->tmpl[p->ntmpl++] = (struct sim_event){ q, SIM_EV_OP, 0, 0, numel_of(&q->out[0]) };
    for (size_t i = first; i < p->ntmpl; i++) {       /* entering at any of them works */
      struct opinfo *in = &p->info[p->tmpl[i].op->out[0].id];
      in->first = i;
      in->len = (uint32_t)(p->ntmpl - i);
    }
    op = q;
  }
}

static void plan_free(struct plan *p) {
  ts_free(p->need);
  ts_free(p->info);
  ts_free(p->tmpl);
}

/* The slice of entry and its plan; -1 when out of memory. */
static int plan_make(const struct ir_module *m, const struct ir_op *entry, struct plan *p) {
  size_t n = m->nvalues ? m->nvalues : 1;
  struct slice s = { ts_malloc(n), true };
  *p = (struct plan){ s.need, ts_malloc(n * sizeof *p->info), ts_malloc(n * sizeof *p->tmpl), 0 };
  if (!p->need || !p->info || !p->tmpl) { plan_free(p); return -1; }
  memset(s.need, 0, n);
  memset(p->info, 0, n * sizeof *p->info);
  while (s.changed) {
    s.changed = false;
    slice_block(&s, entry->regions[0].block, false);
  }
  plan_block(&s, entry->regions[0].block, p);
  return 0;
}

/* ---- one thread's recording ---- */

/* A block as a thread recorded it; indices are into that thread's arrays,
** and its events' acc fields count from the block's first access. */
struct lblock {
  uint64_t lin;                /* grid order */
  size_t first, n;             /* events (another block's when shared) */
  size_t acc, nacc;
  uint64_t hash;
};

/* A hash set of block indices (+1; 0 = empty), keyed by their hash. */
struct hset {
  size_t *slot;
  size_t cap, n;
};

struct sim_tracer {
  const uint8_t *need;
  const struct opinfo *info;
  const struct sim_event *tmpl;
  size_t acc0;                 /* the first access of the block being run */
  struct sim_event *ev;
  size_t nev, cap_ev;
  struct sim_access *acc;
  size_t nacc, cap_acc;
  struct lblock *blk;
  size_t nblk, cap_blk;
  struct hset kinds;           /* blocks whose events this thread keeps */
  int quiet;                   /* > 0: inside a running combiner, nothing is recorded */
  size_t open[IR_MAX_DEPTH + 1];   /* the SIM_EV_OP of each loop being run */
  int nopen;
  bool oom;
};

static bool grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return true;
  size_t c = *cap ? *cap : 1024;
  while (c < need) c *= 2;
  void *q = ts_realloc(*p, c * size);
  if (!q) return false;
  *p = q;
  *cap = c;
  return true;
}

static int oom(struct sim_ctx *c, const struct ir_op *op) {
  c->trace->oom = true;
  return sim_fail(c, op, "out of memory for the trace");
}

/* Append an event; its index, or -1 (after sim_fail). */
static int64_t push(struct sim_ctx *c, const struct ir_op *op, int kind, uint64_t active) {
  struct sim_tracer *t = c->trace;
  if (!grow((void **)&t->ev, &t->cap_ev, t->nev + 1, sizeof *t->ev)) return oom(c, op);
  t->ev[t->nev] = (struct sim_event){ op, (uint8_t)kind, (uint32_t)(t->nacc - t->acc0), 0, active };
  return (int64_t)t->nev++;
}

/* Append the ready-made events of a run of plain ops (struct opinfo). */
static int push_run(struct sim_ctx *c, const struct ir_op *op, const struct opinfo *in) {
  struct sim_tracer *t = c->trace;
  if (!grow((void **)&t->ev, &t->cap_ev, t->nev + in->len, sizeof *t->ev)) return oom(c, op);
  struct sim_event *e = t->ev + t->nev;
  memcpy(e, t->tmpl + in->first, in->len * sizeof *e);
  for (uint32_t i = 0; i < in->len; i++) e[i].acc = (uint32_t)(t->nacc - t->acc0);
  t->nev += in->len;
  return 0;
}

bool sim_trace_needed(const struct sim_ctx *c, const struct ir_value *v) {
  return !c->trace || c->trace->need[v->id];
}

static bool op_needed(const struct sim_tracer *t, const struct ir_op *op) {
  return op->nout && t->info[op->out[0].id].run;
}

/* A memory op: its access always; the load itself only when its result
** is needed, and then zeros where memory has no data. */
static int mem_op(struct sim_ctx *c, const struct ir_op *op, sim_exec_fn *exec) {
  struct sim_tracer *t = c->trace;
  struct sim_access a;
  uint64_t active;
  if (sim_mem_access(c, op, &a, &active)) return -1;
  int64_t e = push(c, op, SIM_EV_OP, active);
  if (e < 0) return -1;
  if (!grow((void **)&t->acc, &t->cap_acc, t->nacc + 1, sizeof *t->acc)) return oom(c, op);
  t->acc[t->nacc++] = a;
  t->ev[e].nacc = 1;
  if (!op_needed(t, op)) return 0;
  if (sim_mem_has_data(c, &a)) return exec(c, op);
  for (int i = 0; i < op->nout; i++) {
    void *r = OUT(c, op, i);
    if (!r) return -1;
    memset(r, 0, sim_type_size(op->out[i].type));
  }
  return 0;
}

/* An if, for or loop: its event, its regions (recorded as they run), its
** end.  A loop's event counts the iterations (sim_trace_iter). */
static int region_op(struct sim_ctx *c, const struct ir_op *op, sim_exec_fn *exec) {
  struct sim_tracer *t = c->trace;
  int64_t e = push(c, op, SIM_EV_OP, 0);
  if (e < 0) return -1;
  bool loop = op->code != IR_OP_if;
  if (loop) t->open[t->nopen++] = (size_t)e;
  int rc = exec(c, op);
  if (loop) t->nopen--;
  if (rc) return -1;
  return push(c, op, SIM_EV_END, 0) < 0 ? -1 : 0;
}

int sim_trace_iter(struct sim_ctx *c, const struct ir_op *op) {
  struct sim_tracer *t = c->trace;
  if (t->quiet) return 0;
  if (t->nopen) t->ev[t->open[t->nopen - 1]].active++;
  return push(c, op, SIM_EV_ITER, 0) < 0 ? -1 : 0;
}

int sim_trace_op(struct sim_ctx *c, const struct ir_op **pop, sim_exec_fn *exec) {
  struct sim_tracer *t = c->trace;
  const struct ir_op *op = *pop;
  if (t->quiet) return exec(c, op);
  switch (op->code) {
  case IR_OP_yield: case IR_OP_continue: case IR_OP_break: case IR_OP_return:
    return exec(c, op);
  case IR_OP_if: case IR_OP_for: case IR_OP_loop:
    return region_op(c, op, exec);
  case IR_OP_load_ptr_tko: case IR_OP_store_ptr_tko: case IR_OP_load_view_tko:
  case IR_OP_store_view_tko: case IR_OP_atomic_rmw_tko: case IR_OP_atomic_cas_tko:
  case IR_OP_atomic_red_view_tko:
    return mem_op(c, op, exec);
  case IR_OP_reduce: case IR_OP_scan: {
    if (push(c, op, SIM_EV_OP, numel_of(op->in[0])) < 0) return -1;
    if (!op_needed(t, op)) return 0;
    t->quiet++;
    int rc = exec(c, op);
    t->quiet--;
    return rc;
  }
  default:
    if (!op->nout) return push(c, op, SIM_EV_OP, 0) < 0 ? -1 : 0;    /* assert */
    const struct opinfo *in = &t->info[op->out[0].id];
    if (in->len) {                          /* a run of plain ops: record, skip */
      if (push_run(c, op, in)) return -1;
      *pop = t->tmpl[in->first + in->len - 1].op;
      return 0;
    }
    if (push(c, op, SIM_EV_OP, in->numel) < 0) return -1;
    return in->run ? exec(c, op) : 0;
  }
}

/* ---- blocks of equal events ---- */

static bool same_event(const struct sim_event *a, const struct sim_event *b) {
  return a->op == b->op && a->kind == b->kind && a->active == b->active && a->nacc == b->nacc;
}

static bool same_events(const struct sim_event *a, const struct sim_event *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!same_event(&a[i], &b[i])) return false;
  return true;
}

static uint64_t events_hash(const struct sim_event *e, size_t n) {
  uint64_t h = 0xcbf29ce484222325u ^ n;
  for (size_t i = 0; i < n; i++) {
    h = (h ^ (uint64_t)(uintptr_t)e[i].op) * 0x100000001b3u;
    h = (h ^ (e[i].active * 4 + e[i].kind + ((uint64_t)e[i].nacc << 56))) * 0x100000001b3u;
  }
  return h ^ (h >> 29);
}

/* The block index (in items) of the set whose events equal ev[0..n)
** with hash h, or SIZE_MAX.  events(ud, k, &n) gives block k's events. */
typedef const struct sim_event *events_fn(const void *ud, size_t k, size_t *n, uint64_t *h);

static size_t hset_find(const struct hset *s, const struct sim_event *ev, size_t n, uint64_t h,
                        events_fn *events, const void *ud) {
  if (!s->cap) return SIZE_MAX;
  for (size_t i = h & (s->cap - 1); s->slot[i]; i = (i + 1) & (s->cap - 1)) {
    size_t k = s->slot[i] - 1, kn;
    uint64_t kh;
    const struct sim_event *ke = events(ud, k, &kn, &kh);
    if (kh == h && kn == n && same_events(ke, ev, n)) return k;
  }
  return SIZE_MAX;
}

static bool hset_add(struct hset *s, size_t k, uint64_t h, events_fn *events, const void *ud) {
  if (2 * (s->n + 1) > s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 64;
    size_t *slot = ts_malloc(cap * sizeof *slot);
    if (!slot) return false;
    memset(slot, 0, cap * sizeof *slot);
    for (size_t i = 0; i < s->cap; i++) {
      if (!s->slot[i]) continue;
      size_t kn;
      uint64_t kh;
      events(ud, s->slot[i] - 1, &kn, &kh);
      size_t j = kh & (cap - 1);
      while (slot[j]) j = (j + 1) & (cap - 1);
      slot[j] = s->slot[i];
    }
    ts_free(s->slot);
    s->slot = slot;
    s->cap = cap;
  }
  size_t j = h & (s->cap - 1);
  while (s->slot[j]) j = (j + 1) & (s->cap - 1);
  s->slot[j] = k + 1;
  s->n++;
  return true;
}

static const struct sim_event *local_events(const void *ud, size_t k, size_t *n, uint64_t *h) {
  const struct sim_tracer *t = ud;
  *n = t->blk[k].n;
  *h = t->blk[k].hash;
  return t->ev + t->blk[k].first;
}

/* The block just recorded ends: when this thread holds a block with the
** same events, drop its copy and point at that one. */
static int block_end(struct sim_tracer *t) {
  struct lblock *b = &t->blk[t->nblk - 1];
  b->n = t->nev - b->first;
  b->nacc = t->nacc - b->acc;
  b->hash = events_hash(t->ev + b->first, b->n);
  size_t k = hset_find(&t->kinds, t->ev + b->first, b->n, b->hash, local_events, t);
  if (k != SIZE_MAX) {
    t->nev = b->first;
    b->first = t->blk[k].first;
    return 0;
  }
  return hset_add(&t->kinds, t->nblk - 1, b->hash, local_events, t) ? 0 : -1;
}

static void tracer_free(struct sim_tracer *t) {
  ts_free(t->ev);
  ts_free(t->acc);
  ts_free(t->blk);
  ts_free(t->kinds.slot);
}

/* ---- the launch ---- */

struct where { uint32_t thread; uint32_t k; };

struct launch {
  const struct ir_module *m;
  const struct ir_op *entry;
  const uint32_t *grid;
  const struct sim_value *args;
  int nargs;
  struct sim_mem *mem;
  const struct sim_opts *o;
  struct plan plan;
  struct sim_tracer *tr;       /* one per thread */
  struct where *where;         /* by grid index */
};

/* Run block lin of the grid on thread-local state; 0 or -1 with e set. */
static int run_block(struct launch *L, struct sim_ctx *c, uint64_t lin, int thread) {
  struct sim_tracer *t = c->trace;
  const uint32_t *g = L->grid;
  c->bid[0] = (uint32_t)(lin % g[0]);
  c->bid[1] = (uint32_t)(lin / g[0] % g[1]);
  c->bid[2] = (uint32_t)(lin / g[0] / g[1]);
  if (!grow((void **)&t->blk, &t->cap_blk, t->nblk + 1, sizeof *t->blk)) {
    snprintf(c->err->msg, sizeof c->err->msg, "out of memory for the trace");
    c->err->set = true;
    memcpy(c->err->block, c->bid, sizeof c->bid);
    return -1;
  }
  t->blk[t->nblk++] = (struct lblock){ lin, t->nev, 0, t->nacc, 0, 0 };
  t->acc0 = t->nacc;
  t->nopen = 0;
  t->quiet = 0;
  if (sim_run_entry_block(c, L->entry, L->args, L->nargs)) return -1;
  if (block_end(t)) {
    snprintf(c->err->msg, sizeof c->err->msg, "out of memory for the trace");
    c->err->set = true;
    memcpy(c->err->block, c->bid, sizeof c->bid);
    return -1;
  }
  L->where[lin] = (struct where){ (uint32_t)thread, (uint32_t)(t->nblk - 1) };
  return 0;
}

/* Every block, on nthreads threads; the first error in grid order. */
static int run_grid(struct launch *L, int nthreads, struct sim_error *err) {
  uint64_t total = (uint64_t)L->grid[0] * L->grid[1] * L->grid[2], first_bad = UINT64_MAX;
  bool failed = false;
#pragma omp parallel num_threads(nthreads)
  {
    int th = 0;
#ifdef _OPENMP
    th = omp_get_thread_num();
#endif
    struct sim_frame f = { ts_malloc(L->m->nvalues * sizeof(void *)), L->m->nvalues };
    struct sim_error e = {0};
    if (f.slot) memset(f.slot, 0, L->m->nvalues * sizeof(void *));
    struct sim_ctx c = { .m = L->m, .mem = L->mem, .o = L->o, .f = &f,
                         .grid = {L->grid[0], L->grid[1], L->grid[2]}, .err = &e,
                         .trace = &L->tr[th] };
#pragma omp for schedule(dynamic, 4)
    for (uint64_t k = 0; k < total; k++) {
      uint64_t bad;
#pragma omp atomic read
      bad = first_bad;
      if (k > bad) continue;
      if (f.slot && run_block(L, &c, k, th) == 0) continue;
      if (!f.slot) {
        snprintf(e.msg, sizeof e.msg, "out of memory");
        e.set = true;
      }
      sim_keep_first_error(err, &first_bad, &failed, &e,
                           f.slot ? sim_block_linear(e.block, L->grid) : k);
      memset(&e, 0, sizeof e);
    }
    sim_frame_free(&f);
  }
  return failed ? -1 : 0;
}

static const struct sim_event *global_events(const void *ud, size_t k, size_t *n, uint64_t *h) {
  const struct sim_trace *t = ((const struct sim_trace *const *)ud)[0];
  const uint64_t *hash = ((const uint64_t *const *)ud)[1];
  *n = t->blk[k].n;
  *h = hash[k];
  return t->ev + t->blk[k].first;
}

/* Append n events from src to t, their accesses counted from acc. */
static int copy_events(struct sim_trace *t, size_t *cap, const struct sim_event *src, size_t n,
                       size_t acc) {
  if (!grow((void **)&t->ev, cap, t->nev + n, sizeof *t->ev)) return -1;
  for (size_t i = 0; i < n; i++) {
    t->ev[t->nev + i] = src[i];
    t->ev[t->nev + i].acc = (uint32_t)(src[i].acc + acc);
  }
  t->nev += n;
  return 0;
}

/* Merge the threads' recordings into t in grid order, deciding same_as. */
static int merge(struct launch *L, struct sim_trace *t, uint64_t total) {
  size_t cap_ev = 0, nacc = 0;
  for (int i = 0; L->tr[i].need; i++) nacc += L->tr[i].nacc;
  t->blk = ts_malloc((total ? total : 1) * sizeof *t->blk);
  t->acc = ts_malloc((nacc ? nacc : 1) * sizeof *t->acc);
  uint64_t *hash = ts_malloc((total ? total : 1) * sizeof *hash);
  struct hset kinds = {0};
  const void *ud[2] = { t, hash };
  int rc = t->blk && t->acc && hash ? 0 : -1;
  for (uint64_t k = 0; k < total && !rc; k++) {
    const struct sim_tracer *tr = &L->tr[L->where[k].thread];
    const struct lblock *b = &tr->blk[L->where[k].k];
    struct sim_trace_block *o = &t->blk[k];
    const struct sim_event *ev = tr->ev + b->first;
    *o = (struct sim_trace_block){ { (uint32_t)(k % L->grid[0]), (uint32_t)(k / L->grid[0] % L->grid[1]),
                                     (uint32_t)(k / L->grid[0] / L->grid[1]) },
                                   0, b->n, t->nacc, b->nacc, k };
    hash[k] = b->hash;
    memcpy(t->acc + t->nacc, tr->acc + b->acc, b->nacc * sizeof *t->acc);
    t->nacc += b->nacc;
    size_t same = hset_find(&kinds, ev, b->n, b->hash, global_events, ud);
    if (same != SIZE_MAX) {
      o->first = t->blk[same].first;
      o->same_as = same;
      continue;
    }
    o->first = t->nev;
    if (copy_events(t, &cap_ev, ev, b->n, o->acc) || !hset_add(&kinds, k, b->hash, global_events, ud))
      rc = -1;
  }
  t->nblk = rc ? 0 : total;
  ts_free(hash);
  ts_free(kinds.slot);
  return rc;
}

int sim_trace_launch(const struct ir_module *m, const struct ir_op *entry,
                     const uint32_t grid[3], const struct sim_value *args, int nargs,
                     struct sim_mem *mem, const struct sim_opts *o,
                     struct sim_trace *t, struct sim_error *err) {
  memcpy(t->grid, grid, sizeof t->grid);
  if (sim_launch_begin(m, entry, nargs, mem, err)) return -1;
  const struct ir_block *body = entry->regions[0].block;
  int nthreads = o->threads > 0 ? o->threads : 1;
#ifdef _OPENMP
  if (o->threads <= 0) nthreads = omp_get_max_threads();
#endif
  if (sim_order_matters(body)) nthreads = 1;  /* blocks see each other: grid order */
  uint64_t total = (uint64_t)grid[0] * grid[1] * grid[2];
  struct launch L = { m, entry, grid, args, nargs, mem, o, {0},
                      ts_malloc((size_t)(nthreads + 1) * sizeof *L.tr),
                      ts_malloc((total ? total : 1) * sizeof *L.where) };
  int planned = plan_make(m, entry, &L.plan);
  int rc = -1;
  if (planned || !L.tr || !L.where) {
    snprintf(err->msg, sizeof err->msg, "out of memory for the trace");
    err->set = true;
  } else {
    memset(L.tr, 0, (size_t)(nthreads + 1) * sizeof *L.tr);
    for (int i = 0; i < nthreads; i++) {                     /* tr[nthreads]: the end */
      L.tr[i].need = L.plan.need;
      L.tr[i].info = L.plan.info;
      L.tr[i].tmpl = L.plan.tmpl;
    }
    rc = run_grid(&L, nthreads, err);
    if (!rc && merge(&L, t, total)) {
      snprintf(err->msg, sizeof err->msg, "out of memory for the trace");
      err->set = true;
      rc = -1;
    }
  }
  for (int i = 0; L.tr && i < nthreads; i++) tracer_free(&L.tr[i]);
  ts_free(L.tr);
  ts_free(L.where);
  plan_free(&L.plan);
  if (rc) sim_trace_free(t);
  memcpy(t->grid, grid, sizeof t->grid);
  return rc;
}

void sim_trace_free(struct sim_trace *t) {
  ts_free(t->ev);
  ts_free(t->acc);
  ts_free(t->blk);
  memset(t, 0, sizeof *t);
}
