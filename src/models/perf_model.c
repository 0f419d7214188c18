/*
** perf_model.c -- the cycle-approximate model: plays the trace of every
** tile block on the SMs of a chip with the mapper's costs.
**
** Each SM has units (matrix unit, SFU, FP32/ALU lanes, the load engine)
** and `bps` slots for resident blocks.  A slot walks its block's events in
** order and list-schedules each op: it starts when its operands are ready
** and its unit is free, and occupies the unit for its cost; its result is
** ready after the unit is done plus the latency.  Independent ops of one
** block therefore overlap on different units (what warp-specialized
** kernels achieve), dependent ones do not.  Loads in a loop are issued
** ahead through a ring of `stages` buffers: a load may start once the
** consumers of the load `stages` iterations earlier have finished.
**
** Memory is shared by all SMs: each access box is a key in an LRU model of
** the L2 (per die where the L2 is private to a die) and of the last-level
** cache; misses queue on HBM, served at bandwidth x achievable fraction in
** arrival order, plus the latency.  The slots advance in time order (a heap
** keyed by each slot's time), so the queue sees requests roughly in the
** order the chip would.  Blocks are dispatched in grid order to free slots;
** with CTA pairs, a tile block runs on a pair of SMs, which the model
** treats as one SM of twice the lanes and load bandwidth.
*/
#include <config.h>
#include "perf_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *perf_unit_name(enum perf_unit u) {
  static const char *const names[PERF_NUNITS] = { "mma", "sfu", "fp32", "smem", "load", "l2", "hbm" };
  return u < PERF_NUNITS ? names[u] : "?";
}

/* ================= the caches ================= */

/* An LRU set of address ranges (one per access box), with a byte capacity. */
struct lru_ent { uint64_t key; double bytes; int32_t prev, next, hnext; };
struct lru {
  struct lru_ent *e;
  int32_t *head;            /* hash buckets */
  uint32_t nb, n, cap, free_;
  int32_t first, last;      /* most / least recently used */
  double size, used;
};

static int lru_init(struct lru *c, double size) {
  memset(c, 0, sizeof *c);
  c->size = size;
  c->nb = 1u << 16;
  c->head = ts_malloc(c->nb * sizeof *c->head);
  if (!c->head) return -1;
  for (uint32_t i = 0; i < c->nb; i++) c->head[i] = -1;
  c->first = c->last = -1;
  c->free_ = UINT32_MAX;
  return 0;
}

static void lru_free(struct lru *c) { ts_free(c->e); ts_free(c->head); }

static uint32_t lru_bucket(const struct lru *c, uint64_t k) {
  k ^= k >> 31; k *= UINT64_C(0x9e3779b97f4a7c15); k ^= k >> 29;
  return (uint32_t)(k & (c->nb - 1));
}

static void lru_unlink(struct lru *c, int32_t i) {
  struct lru_ent *x = &c->e[i];
  if (x->prev >= 0) c->e[x->prev].next = x->next; else c->first = x->next;
  if (x->next >= 0) c->e[x->next].prev = x->prev; else c->last = x->prev;
}

static void lru_front(struct lru *c, int32_t i) {
  c->e[i].prev = -1;
  c->e[i].next = c->first;
  if (c->first >= 0) c->e[c->first].prev = i;
  c->first = i;
  if (c->last < 0) c->last = i;
}

static void lru_hash_remove(struct lru *c, int32_t i) {
  int32_t *p = &c->head[lru_bucket(c, c->e[i].key)];
  while (*p != i) p = &c->e[*p].hnext;
  *p = c->e[i].hnext;
}

/* Evict from the tail until `need` more bytes fit. */
static void lru_evict(struct lru *c, double need) {
  while (c->last >= 0 && c->used + need > c->size) {
    int32_t i = c->last;
    lru_unlink(c, i);
    lru_hash_remove(c, i);
    c->used -= c->e[i].bytes;
    c->e[i].hnext = (int32_t)c->free_;
    c->free_ = (uint32_t)i;
  }
}

static int32_t lru_new(struct lru *c) {
  if (c->free_ != UINT32_MAX) {
    int32_t i = (int32_t)c->free_;
    c->free_ = (uint32_t)c->e[i].hnext;
    return i;
  }
  if (c->n == c->cap) {
    uint32_t cap = c->cap ? 2 * c->cap : 4096;
    struct lru_ent *e = ts_realloc(c->e, cap * sizeof *e);
    if (!e) return -1;
    c->e = e;
    c->cap = cap;
  }
  return (int32_t)c->n++;
}

/* Touch key (bytes long): 1 if it was there, 0 if it was inserted. */
static int lru_touch(struct lru *c, uint64_t key, double bytes) {
  uint32_t b = lru_bucket(c, key);
  for (int32_t i = c->head[b]; i >= 0; i = c->e[i].hnext)
    if (c->e[i].key == key) {
      lru_unlink(c, i);
      lru_front(c, i);
      return 1;
    }
  if (bytes > c->size) return 0;
  lru_evict(c, bytes);
  int32_t i = lru_new(c);
  if (i < 0) return 0;
  c->e[i].key = key;
  c->e[i].bytes = bytes;
  c->e[i].hnext = c->head[b];
  c->head[b] = i;
  c->used += bytes;
  lru_front(c, i);
  return 0;
}

/* ================= the chip ================= */

/* Units of an SM: the reported ones (enum perf_unit) and the register
** file's ports, which only pace others (see rf_share). */
#define U_RF ((enum perf_unit)PERF_NUNITS)
enum { NU = PERF_NUNITS + 1 };

/* Idle intervals a unit left behind, which later-issued ready work may fill. */
enum { NGAPS = 6 };
struct gaps { double g[NGAPS][2]; unsigned n; };

/* The outputs of a slot's recent tasks, by unit and start: when a task
** overflows an idle interval, those booked after the interval are late
** (see occupy). */
enum { NLATE = 32 };
struct late { uint32_t id; uint8_t u; double t0; };

struct slot {
  unsigned sm, idx;
  size_t blk;                 /* block in the trace; SIZE_MAX when idle */
  size_t ev, evend;
  double start, now, end;
  double *vr, *vp;            /* per value id: ready for consumers; done on its unit */
  int32_t *vring;             /* per value id: ring index + 1 of the load that made it */
  uint32_t *vpos;             /* ... and its position in the ring */
  double *ring;               /* nrings x stages: release time of each buffer */
  uint32_t *rpos;             /* per ring: loads issued so far */
  uint32_t *iters;            /* per op (plan index): iterations begun, for loop args */
  struct late late[NLATE];    /* recent task outputs, oldest first */
  unsigned nlate;
  int heap;                   /* position in the heap, -1 when out */
};

struct chip {
  const struct hw_desc *d;
  const struct ir_module *m;
  const struct sim_trace *t;
  const struct perf_map *pm;
  const struct perf_opts *o;
  unsigned nsm, bps, ndies;
  double *ufree;              /* nsm x PERF_NUNITS: when the unit's last task ends */
  struct gaps *gaps;          /* nsm x PERF_NUNITS */
  const struct perf_opplan **evplan;  /* the plan of each event's op */
  struct perf_slice *sl;      /* tasks of the watched SMs, for perf_opts.slice */
  size_t nsl, capsl;
  double *busy;               /* nsm x PERF_NUNITS */
  struct slot *slots;
  unsigned nslots;
  unsigned *heap;
  unsigned nheap;
  size_t next_blk;
  /* memory system, in cycles and bytes per cycle */
  struct lru *l2;             /* one per die (die-scope L2) or one */
  unsigned nl2;
  struct lru llc;
  bool has_llc;
  double hbm_bpc, llc_bpc, port_bpc, l2_lat, llc_lat, hbm_lat, block_lat;
  double hbm_free, llc_free, hbm_busy;
  double hbm_bytes, l2_bytes, l2_hits, l2_reqs;
  double mma_flops, eflops;
  double end;
  unsigned blocks_done;
};

static double cyc_of_ns(const struct chip *c, double ns) { return ns * c->pm->clock_mhz * 1e-3; }
static double bpc_of(const struct chip *c, double gbs) { return gbs * 1e3 / c->pm->clock_mhz; }

/* ---- the heap of slots by time ---- */

static bool earlier(const struct chip *c, unsigned a, unsigned b) {
  const struct slot *x = &c->slots[a], *y = &c->slots[b];
  return x->now < y->now || (x->now == y->now && a < b);
}

static void heap_swap(struct chip *c, unsigned i, unsigned j) {
  unsigned t = c->heap[i];
  c->heap[i] = c->heap[j];
  c->heap[j] = t;
  c->slots[c->heap[i]].heap = (int)i;
  c->slots[c->heap[j]].heap = (int)j;
}

static void heap_fix(struct chip *c, unsigned i) {
  while (i > 0 && earlier(c, c->heap[i], c->heap[(i - 1) / 2])) {
    heap_swap(c, i, (i - 1) / 2);
    i = (i - 1) / 2;
  }
  for (;;) {
    unsigned l = 2 * i + 1, r = l + 1, m = i;
    if (l < c->nheap && earlier(c, c->heap[l], c->heap[m])) m = l;
    if (r < c->nheap && earlier(c, c->heap[r], c->heap[m])) m = r;
    if (m == i) return;
    heap_swap(c, i, m);
    i = m;
  }
}

static void heap_push(struct chip *c, unsigned s) {
  c->heap[c->nheap] = s;
  c->slots[s].heap = (int)c->nheap;
  c->nheap++;
  heap_fix(c, c->nheap - 1);
}

static void heap_pop(struct chip *c) {
  c->slots[c->heap[0]].heap = -1;
  c->nheap--;
  if (c->nheap) {
    c->heap[0] = c->heap[c->nheap];
    c->slots[c->heap[0]].heap = 0;
    heap_fix(c, 0);
  }
}

/* ---- tasks ---- */

/* Keep a task of the SMs the caller watches; they are handed over in start
** order when the run is over (ops of a block may fill earlier gaps, so
** tasks are not found in start order). */
static void slice(struct chip *c, const struct slot *s, enum perf_unit u,
                  const struct ir_op *op, double t0, double t1) {
  const struct perf_opts *o = c->o;
  if (u >= PERF_NUNITS || !o || !o->slice || s->sm < o->sm_first || s->sm > o->sm_last
      || t1 <= t0) return;
  if (c->nsl == c->capsl) {
    size_t cap = c->capsl ? 2 * c->capsl : 1024;
    struct perf_slice *n = ts_realloc(c->sl, cap * sizeof *n);
    if (!n) return;
    c->sl = n;
    c->capsl = cap;
  }
  double cs = 1e-6 / c->pm->clock_mhz;
  struct perf_slice sl = { s->sm, u, s->blk, op, t0 * cs, t1 * cs };
  c->sl[c->nsl++] = sl;
}

static int cmp_slice(const void *a, const void *b) {
  const struct perf_slice *x = a, *y = b;
  if (x->t0 != y->t0) return x->t0 < y->t0 ? -1 : 1;
  if (x->sm != y->sm) return x->sm < y->sm ? -1 : 1;
  return (int)x->unit - (int)y->unit;
}

static void emit_slices(struct chip *c) {
  if (!c->nsl) return;
  qsort(c->sl, c->nsl, sizeof *c->sl, cmp_slice);
  for (size_t i = 0; i < c->nsl; i++) c->o->slice(c->o->slice_ud, &c->sl[i]);
}

/* Note that value id was made by a task on unit u started at t0 (a value
** id is noted once per unit: a loop's next iteration replaces it). */
static void note(struct slot *s, uint32_t id, unsigned u, double t0) {
  unsigned i = 0;
  while (i < s->nlate && (s->late[i].id != id || s->late[i].u != u)) i++;
  if (i == s->nlate && s->nlate == NLATE) i = 0;
  if (i < s->nlate) {
    memmove(&s->late[i], &s->late[i + 1], (s->nlate - i - 1) * sizeof *s->late);
    s->nlate--;
  }
  s->late[s->nlate++] = (struct late){ id, (uint8_t)u, t0 };
}

/* Value to takes over the notes of value from (a copy or a pass-through). */
static void note_copy(struct slot *s, uint32_t to, uint32_t from) {
  for (unsigned i = 0, n = s->nlate; i < n; i++)
    if (s->late[i].id == from) note(s, to, s->late[i].u, s->late[i].t0);
}

/* The tasks unit u started at or after t are over cycles late: so are
** their results. */
static void shift_late(struct slot *s, unsigned u, double t, double over) {
  for (unsigned i = 0; i < s->nlate; i++) {
    struct late *l = &s->late[i];
    if (l->u != u || l->t0 < t) continue;
    l->t0 += over;
    s->vr[l->id] += over;
    if (s->vp[l->id] > 0) s->vp[l->id] += over;
    if (s->vr[l->id] > s->end) s->end = s->vr[l->id];
  }
}

/* Remember the idle interval [a, b) when it is worth it and there is room. */
static void remember(struct gaps *g, double a, double b) {
  if (b - a >= 1 && g->n < NGAPS) { g->g[g->n][0] = a; g->g[g->n][1] = b; g->n++; }
}

/* Drop used-up intervals. */
static void tidy(struct gaps *g) {
  unsigned j = 0;
  for (unsigned i = 0; i < g->n; i++)
    if (g->g[i][1] - g->g[i][0] >= 1) { g->g[j][0] = g->g[i][0]; g->g[j][1] = g->g[i][1]; j++; }
  g->n = j;
}

/* How a task may use an idle interval it does not fit whole (see occupy). */
enum fill {
  FILL_INORDER,   /* start there, overflow onto the work booked after it */
  FILL_SPLIT,     /* run a first part there and the rest at the unit's tail */
  FILL_WHOLE,     /* not at all: start at the unit's tail */
};

/*
** The earliest start >= t of a task of dur cycles on unit u of s's SM, and
** book it; *done returns when it is done.  A unit remembers the last
** NGAPS idle intervals it left behind, and a task whose operands are
** ready early starts in the first of them it can start in: ops of one
** block run out of program order when they are independent, as the
** software-pipelined and warp-specialized schedules of FlashAttention and
** CUTLASS run them (the next QK^T during this softmax).
**
** FILL_INORDER: a task longer than the rest of its interval still starts
** there and runs to its end, and the work booked after the interval is
** late by the overflow: the unit's busy tail moves, and so do the results
** of the block's recent tasks booked there (shift_late).  This is what an
** in-order unit does with work issued in that order, and it keeps every
** completion time continuous in the costs.  Placing the task at the tail
** whenever it did not fit whole (FILL_WHOLE) makes the schedule jump at
** that threshold: a faster SFU shortens the softmax bubble, the next QK^T
** no longer fits it, the iteration turns serial, and speeding a unit up
** slows the kernel.  FILL_WHOLE and FILL_SPLIT remain for the MMAs of
** register-accumulator chips (see mma_op).
*/
static double occupy_done(struct chip *c, struct slot *s, enum perf_unit u, double t,
                          double dur, const struct ir_op *op, enum fill mode, double *done) {
  size_t k = s->sm * NU + u;
  double *f = &c->ufree[k];
  struct gaps *g = &c->gaps[k];
  c->busy[k] += dur;
  for (unsigned i = 0; i < g->n; i++) {
    double g0 = g->g[i][0], g1 = g->g[i][1], st = t > g0 ? t : g0;
    if (g1 - st < 1 || (mode != FILL_INORDER && st + dur > g1)) continue;
    if (st + dur <= g1) {                  /* fits: keep what is left on both sides */
      g->g[i][0] = st + dur;
      remember(g, g0, st);
      slice(c, s, u, op, st, st + dur);
      *done = st + dur;
    } else {                               /* overflows: the booked work after it moves */
      double over = st + dur - g1;
      g->g[i][1] = st;
      slice(c, s, u, op, st, g1);
      slice(c, s, u, op, *f, *f + over);
      *f += over;
      shift_late(s, u, g1, over);
      *done = st + dur;
    }
    tidy(g);
    return st;
  }
  for (unsigned i = 0; mode == FILL_SPLIT && i < g->n; i++) {
    double st = t > g->g[i][0] ? t : g->g[i][0];
    if (g->g[i][1] - st < 1 || t > *f) continue;
    double part = g->g[i][1] - st;
    g->g[i][1] = st;                       /* keep the part before the task */
    slice(c, s, u, op, st, st + part);
    slice(c, s, u, op, *f, *f + dur - part);
    *f += dur - part;
    *done = *f;
    tidy(g);
    return st;
  }
  double t0 = t > *f ? t : *f;
  if (t0 - *f >= 1) {                      /* a new idle interval: remember it, oldest out */
    if (g->n == NGAPS) { memmove(g->g, g->g + 1, (NGAPS - 1) * sizeof *g->g); g->n--; }
    g->g[g->n][0] = *f;
    g->g[g->n][1] = t0;
    g->n++;
  }
  *f = t0 + dur;
  slice(c, s, u, op, t0, t0 + dur);
  *done = t0 + dur;
  return t0;
}

/* occupy_done() for a task that uses an interval only whole: returns its start. */
static double occupy(struct chip *c, struct slot *s, enum perf_unit u, double t, double dur,
                     const struct ir_op *op) {
  double done;
  return occupy_done(c, s, u, t, dur, op, FILL_WHOLE, &done);
}

/* When the operands of op are ready in s (acc: the MMA accumulator may
** follow its producer on the same unit without the latency). */
static double operands_ready(const struct slot *s, const struct ir_op *op, bool mma) {
  double t = s->start;
  for (int i = 0; i < op->nin; i++) {
    uint32_t id = op->in[i]->id;
    double r = mma && i == 2 && s->vp[id] > 0 ? s->vp[id] : s->vr[id];
    if (r > t) t = r;
  }
  return t;
}

static void set_out(struct slot *s, const struct ir_op *op, double ready, double pipe) {
  for (int i = 0; i < op->nout; i++) {
    s->vr[op->out[i].id] = ready;
    s->vp[op->out[i].id] = pipe;
    s->vring[op->out[i].id] = 0;
  }
  if (ready > s->end) s->end = ready;
}

/* Consumers of a ring buffer release it when they are done. */
static void release(struct chip *c, struct slot *s, const struct ir_op *op, double done) {
  unsigned st = c->pm->stages ? c->pm->stages : 1;
  for (int i = 0; i < op->nin; i++) {
    uint32_t id = op->in[i]->id;
    int32_t r = s->vring[id];
    if (!r) continue;
    double *rel = &s->ring[(size_t)(r - 1) * PERF_MAX_STAGES + s->vpos[id] % st];
    if (done > *rel) *rel = done;
  }
}

/* Layout ops pass the ring buffer of their operand on to their result. */
static void pass_ring(struct slot *s, const struct ir_op *op) {
  if (op->nin < 1 || op->nout < 1) return;
  uint32_t a = op->in[0]->id, r = op->out[0].id;
  s->vring[r] = s->vring[a];
  s->vpos[r] = s->vpos[a];
}

/* The L2 (and LLC, HBM) serve bytes of box key for s from t; returns
** when the data is in the SM. */
static double memory(struct chip *c, struct slot *s, uint64_t key, double bytes, bool write,
                     double t) {
  struct lru *l2 = &c->l2[c->nl2 > 1 ? s->sm % c->nl2 : 0];
  c->l2_reqs += bytes;
  c->l2_bytes += bytes;
  if (lru_touch(l2, key, bytes) && !write) {
    c->l2_hits += bytes;
    return t + c->l2_lat;
  }
  if (write) { /* written back to HBM eventually: its bandwidth, not its latency */
    double st = t > c->hbm_free ? t : c->hbm_free;
    c->hbm_free = st + bytes / c->hbm_bpc;
    c->hbm_busy += bytes / c->hbm_bpc;
    c->hbm_bytes += bytes;
    return t + c->l2_lat;
  }
  if (c->has_llc && lru_touch(&c->llc, key, bytes)) {
    double st = t > c->llc_free ? t : c->llc_free;
    c->llc_free = st + bytes / c->llc_bpc;
    return c->llc_free + c->llc_lat;
  }
  double st = t > c->hbm_free ? t : c->hbm_free;
  c->hbm_free = st + bytes / c->hbm_bpc;
  c->hbm_busy += bytes / c->hbm_bpc;
  c->hbm_bytes += bytes;
  return c->hbm_free + c->hbm_lat;
}

static uint64_t box_key(const struct sim_access *a) {
  uint64_t k = a->addr * UINT64_C(0x100000001b3);
  k ^= (uint64_t)a->len * 31 + (uint64_t)a->rows * 131 + (uint64_t)a->planes * 8191;
  k ^= (uint64_t)a->stride * UINT64_C(0xc2b2ae3d27d4eb4f);
  return k ^ (uint64_t)(a->alloc + 1) << 56;
}

/* A load or store: the engine sends its boxes through the memory system. */
static void mem_op(struct chip *c, struct slot *s, const struct sim_event *e,
                   const struct perf_opplan *pl) {
  const struct ir_op *op = e->op;
  double t = operands_ready(s, op, false);
  int ring = pl->ring;
  uint32_t pos = 0;
  if (ring >= 0) {
    pos = s->rpos[ring]++;
    double rel = s->ring[(size_t)ring * PERF_MAX_STAGES + pos % pl->stages];
    if (rel > t) t = rel;
  }
  const struct sim_access *acc = e->nacc ? sim_trace_access(c->t, &c->t->blk[s->blk], e) : NULL;
  double bytes = 0;
  for (uint32_t i = 0; i < e->nacc; i++) bytes += (double)acc[i].bytes * pl->share;
  double t0 = occupy(c, s, PERF_U_LOAD, t, bytes / c->port_bpc, op);
  double done = t0 + bytes / c->port_bpc;
  for (uint32_t i = 0; i < e->nacc; i++) {
    const struct sim_access *a = &acc[i];
    double b = (double)a->bytes * pl->share;
    double r = memory(c, s, box_key(a), b, pl->cls == PC_STORE || a->write, t0);
    if (r > done) done = r;
  }
  if (pl->xpose_cyc > 0) {   /* the loading warps transpose the tile in SMEM */
    double tx = occupy(c, s, PERF_U_LOAD, done, pl->xpose_cyc, op);
    c->busy[s->sm * NU + PERF_U_SMEM] += pl->xpose_cyc;
    done = tx + pl->xpose_cyc;
  }
  set_out(s, op, done, done);
  for (int i = 0; i < op->nout; i++) note(s, op->out[i].id, PERF_U_LOAD, t0);
  if (ring >= 0) {
    s->ring[(size_t)ring * PERF_MAX_STAGES + pos % pl->stages] = done;   /* released when consumed */
    for (int i = 0; i < op->nout; i++) {
      s->vring[op->out[i].id] = ring + 1;
      s->vpos[op->out[i].id] = pos;
    }
  }
  if (s->now < t0) s->now = t0;
}

/*
** The register file's ports, where MMA accumulators live in registers
** (perf_map.c, plan_rf): a task that started at t0 and is done at done
** also needs dur cycles of the ports from t0; it is done when both are.
** The ports are booked in order (FILL_INORDER), so the completion times
** stay continuous in the costs.  An MMA alone and FP32 work alone never
** wait for them; a softmax that runs while the MMAs do slows both, as the
** warps that run it hold the accumulators the MMAs read and write.
*/
static double rf_share(struct chip *c, struct slot *s, double t0, double dur,
                       const struct ir_op *op, double done) {
  double d2;
  occupy_done(c, s, U_RF, t0, dur, op, FILL_INORDER, &d2);
  return d2 > done ? d2 : done;
}

static void mma_op(struct chip *c, struct slot *s, const struct ir_op *op,
                   const struct perf_opplan *pl) {
  double t = operands_ready(s, op, true);
  if (pl->fp32_cyc > 0)   /* operands dequantized on the FP32 lanes first */
    t = occupy(c, s, PERF_U_FP32, t, pl->fp32_cyc, op) + pl->fp32_cyc;
  double dur = pl->mma_cyc > pl->smem_cyc ? pl->mma_cyc : pl->smem_cyc;
  double done;
  /*
  ** tcgen05 MMAs are issued in order by one thread apart from the warps
  ** that use their results: FILL_INORDER.  On Hopper and CDNA the warps
  ** that run the softmax issue the MMAs and hold their accumulators; a
  ** tile MMA there starts early only when it fits the interval whole (a
  ** Hopper tile MMA of several warpgroups may run a first part: SPLIT).
  ** Filling in order overlaps their softmax and MMAs perfectly, which
  ** predicts FlashAttention-3 and HipKittens 25% fast (doc/model.md).
  */
  enum fill mode = pl->inorder ? FILL_INORDER : pl->split ? FILL_SPLIT : FILL_WHOLE;
  double t0 = occupy_done(c, s, PERF_U_MMA, t, dur, op, mode, &done);
  if (pl->rf_cyc > 0) done = rf_share(c, s, t0, pl->rf_cyc, op, done);
  c->busy[s->sm * NU + PERF_U_MMA] += pl->mma_cyc - dur;
  c->busy[s->sm * NU + PERF_U_SMEM] += pl->smem_cyc;
  c->mma_flops += pl->flops;
  set_out(s, op, done + pl->lat, done);
  for (int i = 0; i < op->nout; i++) note(s, op->out[i].id, PERF_U_MMA, t0);
  release(c, s, op, done + pl->lat);
  if (s->now < t0) s->now = t0;
}

static void elem_op(struct chip *c, struct slot *s, const struct ir_op *op,
                    const struct perf_opplan *pl) {
  double t = operands_ready(s, op, false);
  /* the SFU and the FP32 lanes each take their share of the op's work;
  ** it is done when both are */
  double e1 = t, e2 = t, s1 = -1, s2 = -1;
  if (pl->fp32_cyc > 0) e1 = (s1 = occupy(c, s, PERF_U_FP32, t, pl->fp32_cyc, op)) + pl->fp32_cyc;
  if (pl->sfu_cyc > 0) e2 = (s2 = occupy(c, s, PERF_U_SFU, t, pl->sfu_cyc, op)) + pl->sfu_cyc;
  if (c->pm->rf_acc && s1 >= 0) e1 = rf_share(c, s, s1, pl->fp32_cyc, op, e1);
  double t0 = t, dur = (e1 > e2 ? e1 : e2) - t;
  c->eflops += pl->eflops;
  set_out(s, op, t0 + dur + pl->lat, t0 + dur);
  for (int i = 0; i < op->nout; i++) {
    if (s1 >= 0) note(s, op->out[i].id, PERF_U_FP32, s1);
    if (s2 >= 0) note(s, op->out[i].id, PERF_U_SFU, s2);
  }
  release(c, s, op, t0 + dur);
  if (s->now < t0) s->now = t0;
}

/* ---- control flow: the values regions carry ---- */

static const struct ir_op *terminator(const struct ir_op *op, int r) {
  const struct ir_block *b = op->nregions > r ? op->regions[r].block : NULL;
  return b ? b->last : NULL;
}

/* A loop begins: its region arguments take the initial values. */
static void loop_begin(struct slot *s, const struct ir_op *op, unsigned pi) {
  const struct ir_block *b = op->regions[0].block;
  bool isfor = !strcmp(ir_optab[op->code].name, "for");
  int first = isfor ? 1 : 0, ninit = b->nargs - first;
  double t = operands_ready(s, op, false);
  for (int j = 0; j < b->nargs; j++) {
    uint32_t id = b->args[j].id;
    int k = op->nin - ninit + (j - first);
    double r = j < first || k < 0 ? t : s->vr[op->in[k]->id];
    s->vr[id] = r;
    s->vp[id] = j < first || k < 0 ? 0 : s->vp[op->in[k]->id];
    s->vring[id] = 0;
  }
  s->iters[pi] = 0;
}

/* A new iteration: the carried values come from the last `continue`. */
static void loop_iter(struct slot *s, const struct ir_op *op, unsigned pi) {
  if (s->iters[pi]++ == 0) return;
  const struct ir_block *b = op->regions[0].block;
  const struct ir_op *term = terminator(op, 0);
  int first = !strcmp(ir_optab[op->code].name, "for") ? 1 : 0;
  for (int j = first; term && j < b->nargs && j - first < term->nin; j++) {
    uint32_t v = term->in[j - first]->id;
    s->vr[b->args[j].id] = s->vr[v];
    s->vp[b->args[j].id] = s->vp[v];
    note_copy(s, b->args[j].id, v);
  }
}

/* A loop or if ends: its results are the values its terminators yield. */
static void region_end(struct slot *s, const struct ir_op *op, unsigned pi) {
  bool isif = !strcmp(ir_optab[op->code].name, "if");
  for (int i = 0; i < op->nout; i++) {
    double r = s->start, p = 0;
    for (int reg = 0; reg < (isif ? op->nregions : 1); reg++) {
      const struct ir_op *term = terminator(op, reg);
      if (!term || i >= term->nin) continue;
      if (!isif && s->iters[pi] == 0) continue;
      uint32_t v = term->in[i]->id;
      if (s->vr[v] > r) { r = s->vr[v]; p = s->vp[v]; }
      note_copy(s, op->out[i].id, v);
    }
    if (!isif && s->iters[pi] == 0 && !strcmp(ir_optab[op->code].name, "for")) {
      int k = op->nin - op->nout + i;
      if (k >= 0) { r = s->vr[op->in[k]->id]; p = s->vp[op->in[k]->id]; }
    }
    s->vr[op->out[i].id] = r;
    s->vp[op->out[i].id] = p;
    s->vring[op->out[i].id] = 0;
  }
}

static unsigned plan_index(const struct chip *c, const struct perf_opplan *pl) {
  return (unsigned)(pl - c->pm->plan);
}

/* Play one event of slot s. */
static void step(struct chip *c, struct slot *s) {
  const struct perf_opplan *pl = c->evplan[s->ev];
  const struct sim_event *e = &c->t->ev[s->ev++];
  if (!pl) return;
  unsigned pi = plan_index(c, pl);
  if (e->kind == SIM_EV_ITER) { loop_iter(s, e->op, pi); return; }
  if (e->kind == SIM_EV_END) { region_end(s, e->op, pi); return; }
  switch (pl->cls) {
  case PC_MMA: mma_op(c, s, e->op, pl); break;
  case PC_LOAD: case PC_STORE: mem_op(c, s, e, pl); break;
  case PC_ELEM: elem_op(c, s, e->op, pl); break;
  default:
    if (e->op->nregions && strcmp(ir_optab[e->op->code].name, "if")) {
      loop_begin(s, e->op, pi);
    } else {
      double t = operands_ready(s, e->op, false);
      set_out(s, e->op, t, 0);
      pass_ring(s, e->op);
      for (int i = 0; i < e->op->nin && e->op->nout; i++) note_copy(s, e->op->out[0].id, e->op->in[i]->id);
    }
  }
}

/* The shared memory system must see requests in time order: when the
** next event of s is a memory op that cannot start before a later time,
** s waits in the heap until then (true), so that other SMs' earlier
** requests go first. */
static bool defer(struct chip *c, struct slot *s) {
  const struct sim_event *e = &c->t->ev[s->ev];
  if (e->kind != SIM_EV_OP || !e->nacc) return false;
  const struct perf_opplan *pl = c->evplan[s->ev];
  if (!pl || (pl->cls != PC_LOAD && pl->cls != PC_STORE)) return false;
  double t = operands_ready(s, e->op, false);
  if (pl->ring >= 0) {
    double rel = s->ring[(size_t)pl->ring * PERF_MAX_STAGES + s->rpos[pl->ring] % pl->stages];
    if (rel > t) t = rel;
  }
  if (t <= s->now) return false;
  s->now = t;
  heap_fix(c, (unsigned)s->heap);
  return true;
}

/* ---- dispatch ---- */

/* Start block b in slot s at time t. */
static void begin(struct chip *c, struct slot *s, size_t b, double t) {
  s->blk = b;
  s->ev = c->t->blk[b].first;
  s->evend = s->ev + c->t->blk[b].n;
  s->start = s->now = s->end = t + c->block_lat;
  s->nlate = 0;
  for (size_t i = 0; i < (size_t)c->pm->nrings * PERF_MAX_STAGES; i++) s->ring[i] = s->start;
  memset(s->rpos, 0, (c->pm->nrings ? c->pm->nrings : 1) * sizeof *s->rpos);
}

/* The next block for slot s after time t, or none. */
static bool dispatch(struct chip *c, struct slot *s, double t) {
  if (c->next_blk >= c->t->nblk) return false;
  begin(c, s, c->next_blk++, t);
  return true;
}

static void finish(struct chip *c, struct slot *s) {
  if (s->end > c->end) c->end = s->end;
  c->blocks_done++;
  double t = s->end;
  s->blk = SIZE_MAX;
  if (dispatch(c, s, t)) heap_fix(c, (unsigned)s->heap);
  else heap_pop(c);
}

/* ---- setup ---- */

static int setup_memory(struct chip *c) {
  const struct hw_desc *d = c->d;
  const struct hw_memory *m = &d->mem;
  c->nl2 = m->l2_scope == HW_L2_DIE ? (unsigned)(hw_has(&m->l2.partitions) ? m->l2.partitions.v : 1) : 1;
  if (c->nl2 < 1) c->nl2 = 1;
  c->l2 = ts_malloc(c->nl2 * sizeof *c->l2);
  if (!c->l2) return -1;
  for (unsigned i = 0; i < c->nl2; i++)
    if (lru_init(&c->l2[i], m->l2.size.v / c->nl2)) return -1;
  c->has_llc = hw_has(&m->llc.size);
  if (c->has_llc && lru_init(&c->llc, m->llc.size.v)) return -1;
  double ach = m->hbm.achievable.v;
  bool tma = hw_has(&m->tma.engines) && d->vendor == HW_VENDOR_NVIDIA;
  if (!tma && hw_has(&m->hbm.achievable_via[HW_LOAD_LDG])) ach = m->hbm.achievable_via[HW_LOAD_LDG].v;
  c->hbm_bpc = bpc_of(c, m->hbm.bandwidth.v * ach);
  c->llc_bpc = c->has_llc ? bpc_of(c, m->llc.bandwidth.v) : 0;
  c->port_bpc = bpc_of(c, m->l2.bandwidth.v) / d->chip.sms.v * c->pm->cta_group;
  struct perf_map *pm = (struct perf_map *)c->pm;
  perf_map_use(pm, &m->l2.size);
  perf_map_use(pm, &m->l2.bandwidth);
  perf_map_use(pm, &m->l2.latency);
  perf_map_use(pm, &m->hbm.bandwidth);
  perf_map_use(pm, &m->hbm.latency);
  perf_map_use(pm, &m->hbm.achievable);
  if (c->has_llc) { perf_map_use(pm, &m->llc.bandwidth); perf_map_use(pm, &m->llc.latency); }
  c->l2_lat = cyc_of_ns(c, m->l2.latency.v);
  c->llc_lat = c->has_llc ? cyc_of_ns(c, m->llc.latency.v) : 0;
  c->hbm_lat = cyc_of_ns(c, m->hbm.latency.v);
  c->block_lat = d->chip.launch_block.v;
  return 0;
}

static int setup_slots(struct chip *c) {
  size_t nv = c->m->nvalues + 1, nr = (size_t)(c->pm->nrings ? c->pm->nrings : 1);
  c->nslots = c->nsm * c->bps;
  c->slots = ts_malloc(c->nslots * sizeof *c->slots);
  c->heap = ts_malloc(c->nslots * sizeof *c->heap);
  if (!c->slots || !c->heap) return -1;
  memset(c->slots, 0, c->nslots * sizeof *c->slots);
  for (unsigned i = 0; i < c->nslots; i++) {
    struct slot *s = &c->slots[i];
    /* slot i: position i % bps of SM i / bps; pairs are SMs 2k, 2k+1 */
    s->idx = i;
    s->sm = i / c->bps;
    s->blk = SIZE_MAX;
    s->heap = -1;
    s->vr = ts_malloc(nv * sizeof *s->vr);
    s->vp = ts_malloc(nv * sizeof *s->vp);
    s->vring = ts_malloc(nv * sizeof *s->vring);
    s->vpos = ts_malloc(nv * sizeof *s->vpos);
    s->ring = ts_malloc(nr * PERF_MAX_STAGES * sizeof *s->ring);
    s->rpos = ts_malloc(nr * sizeof *s->rpos);
    s->iters = ts_malloc((c->pm->nplan + 1) * sizeof *s->iters);
    if (!s->vr || !s->vp || !s->vring || !s->vpos || !s->ring || !s->rpos || !s->iters) return -1;
    memset(s->vr, 0, nv * sizeof *s->vr);
    memset(s->vp, 0, nv * sizeof *s->vp);
    memset(s->vring, 0, nv * sizeof *s->vring);
    memset(s->vpos, 0, nv * sizeof *s->vpos);
    memset(s->iters, 0, (c->pm->nplan + 1) * sizeof *s->iters);
  }
  return 0;
}

static void teardown(struct chip *c) {
  for (unsigned i = 0; c->slots && i < c->nslots; i++) {
    struct slot *s = &c->slots[i];
    ts_free(s->vr); ts_free(s->vp); ts_free(s->vring); ts_free(s->vpos);
    ts_free(s->ring); ts_free(s->rpos); ts_free(s->iters);
  }
  ts_free(c->slots);
  ts_free(c->heap);
  for (unsigned i = 0; c->l2 && i < c->nl2; i++) lru_free(&c->l2[i]);
  ts_free(c->l2);
  if (c->has_llc) lru_free(&c->llc);
  ts_free(c->ufree);
  ts_free(c->busy);
  ts_free(c->gaps);
  ts_free(c->evplan);
  ts_free(c->sl);
}

/* The first blocks: in grid order, one per SM across the chip, then the
** second slot of each SM, as the block scheduler fills a chip. */
static void first_wave(struct chip *c) {
  for (unsigned j = 0; j < c->bps; j++)
    for (unsigned sm = 0; sm < c->nsm; sm++) {
      struct slot *s = &c->slots[sm * c->bps + j];
      if (s->blk == SIZE_MAX && dispatch(c, s, 0)) heap_push(c, s->idx);
      else if (s->blk != SIZE_MAX && s->heap < 0) heap_push(c, s->idx);
    }
}

/* ---- results ---- */

static void results(struct chip *c, struct perf_result *r) {
  const struct hw_desc *d = c->d;
  double cs = 1e-6 / c->pm->clock_mhz;
  /* the kernel is over when the last write has drained to HBM */
  double cyc = c->end > c->hbm_free ? c->end : c->hbm_free;
  if (cyc <= 0) cyc = 1;
  r->cycles = cyc;
  r->seconds = cyc * cs;
  r->mma_flops = c->mma_flops;
  r->flops = c->mma_flops + c->eflops;
  r->tflops = r->flops / r->seconds * 1e-12;
  r->dtype = c->pm->dtype;
  r->util = r->dtype < HW_NDTYPES && hw_has(&d->chip.peak[r->dtype])
                ? c->mma_flops / r->seconds * 1e-12 / d->chip.peak[r->dtype].v : 0;
  double best = -1;
  for (int u = 0; u < PERF_NUNITS; u++) {
    double b = 0;
    for (unsigned sm = 0; sm < c->nsm; sm++) b += c->busy[sm * NU + u];
    r->busy[u] = b / (c->nsm * cyc);
  }
  r->busy[PERF_U_HBM] = c->hbm_busy / cyc;
  r->busy[PERF_U_L2] = c->l2_bytes / bpc_of(c, d->mem.l2.bandwidth.v) / cyc;
  for (int u = 0; u < PERF_NUNITS; u++)
    if (r->busy[u] > best) { best = r->busy[u]; r->bottleneck = (enum perf_unit)u; }
  r->hbm_bytes = c->hbm_bytes;
  r->l2_bytes = c->l2_bytes;
  r->l2_hit = c->l2_reqs > 0 ? c->l2_hits / c->l2_reqs : 0;
  r->blocks = (unsigned)c->t->nblk;
  r->blocks_per_sm = c->bps;
  double per_wave = (double)c->nsm * c->bps;
  r->waves = (unsigned)ceil(c->t->nblk / per_wave);
}

int perf_predict(const struct hw_desc *d, const struct ir_module *m,
                 const struct ir_op *entry, const struct sim_trace *t,
                 const struct perf_opts *o, struct perf_result *r,
                 struct ts_diag_sink *sink) {
  memset(r, 0, sizeof *r);
  struct perf_map pm;
  if (perf_map_build(d, m, entry, &pm, sink)) { perf_map_free(&pm); return -1; }
  struct chip c;
  memset(&c, 0, sizeof c);
  c.d = d; c.m = m; c.t = t; c.pm = &pm; c.o = o;
  /* with CTA pairs, a "SM" of the model is a pair of SMs running one tile block */
  c.nsm = (unsigned)d->chip.sms.v / pm.cta_group;
  c.bps = pm.bps;
  c.ufree = ts_malloc((size_t)c.nsm * NU * sizeof *c.ufree);
  c.busy = ts_malloc((size_t)c.nsm * NU * sizeof *c.busy);
  c.gaps = ts_malloc((size_t)c.nsm * NU * sizeof *c.gaps);
  c.evplan = ts_malloc((t->nev + 1) * sizeof *c.evplan);
  for (size_t i = 0; c.evplan && i < t->nev; i++) c.evplan[i] = perf_map_get(&pm, t->ev[i].op);
  int rc = -1;
  if (c.ufree && c.busy && c.gaps && c.evplan && !setup_memory(&c) && !setup_slots(&c)) {
    memset(c.gaps, 0, (size_t)c.nsm * NU * sizeof *c.gaps);
    memset(c.ufree, 0, (size_t)c.nsm * NU * sizeof *c.ufree);
    memset(c.busy, 0, (size_t)c.nsm * NU * sizeof *c.busy);
    first_wave(&c);
    while (c.nheap) {
      struct slot *s = &c.slots[c.heap[0]];
      if (s->ev >= s->evend) { finish(&c, s); continue; }
      /* the earliest slot runs on while it stays the earliest: only
      ** memory ops touch what other SMs share */
      double lim = INFINITY;
      for (unsigned i = 1; i <= 2 && i < c.nheap; i++)
        if (c.slots[c.heap[i]].now < lim) lim = c.slots[c.heap[i]].now;
      while (s->ev < s->evend && s->now <= lim && !defer(&c, s)) step(&c, s);
      heap_fix(&c, 0);
    }
    results(&c, r);
    emit_slices(&c);
      r->estimates = pm.estimates;
    r->dec = pm.dec; r->ndec = pm.ndec;
    pm.dec = NULL;
    rc = 0;
  } else {
    ts_diag_emit(sink, TS_ERROR, entry->loc, "out of memory");
  }
  teardown(&c);
  perf_map_free(&pm);
  return rc;
}

void perf_result_free(struct perf_result *r) {
  ts_free(r->dec);
  r->dec = NULL;
  r->ndec = 0;
}
