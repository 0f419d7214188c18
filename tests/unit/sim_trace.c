/*
** sim_trace.c -- trace runs (shape-only execution): the events and
** accesses of small kernels worked out by hand, same_as grouping, control
** flow equal to a full run's, arrays without data, and a trace that does
** not depend on the thread count.
*/
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "sim.h"
#include "sim_trace.h"
#include "testlib.h"

/* ---- harness ---- */

struct tk {
  struct ir_module *m;
  const struct ir_op *entry;
  struct sim_mem mem;
  struct sim_value args[8];
  int nargs;
  struct sim_opts o;
  struct sim_error err;
};

static void tk_load(struct tk *k, const char *text) {
  struct tt_diags d;
  memset(k, 0, sizeof *k);
  tt_diags_init(&d);
  k->m = tt_parse(text, &d);
  ck_assert_msg(k->m != NULL, "parse failed: %s", d.text);
  ck_assert_msg(ir_verify(k->m, &d.sink) == 0, "verify failed: %s", d.text);
  k->entry = sim_find_entry(k->m, NULL);
  ck_assert(k->entry != NULL);
  mem_init(&k->mem);
  k->o.threads = 1;
}

static void tk_free(struct tk *k) {
  mem_free(&k->mem);
  ir_module_free(k->m);
}

/* The next parameter: an array of n elements of size sz with bytes data
** (NULL: zeros), or without data at all (reserve). */
static uint64_t tk_array(struct tk *k, const void *data, size_t n, size_t sz, bool reserve) {
  const struct ir_block *b = k->entry->regions[0].block;
  struct mem_alloc *a = reserve ? mem_reserve(&k->mem, n * sz, "arr", EL_F32)
                                : mem_alloc(&k->mem, n * sz, "arr", EL_F32);
  ck_assert(a != NULL);
  if (data) memcpy(a->host, data, n * sz);
  k->args[k->nargs] = (struct sim_value){ b->args[k->nargs].type, a->base };
  k->nargs++;
  return a->base;
}

static void tk_i32(struct tk *k, int32_t v) {
  const struct ir_block *b = k->entry->regions[0].block;
  k->args[k->nargs] = (struct sim_value){ b->args[k->nargs].type, (uint32_t)v };
  k->nargs++;
}

static void tk_trace(struct tk *k, const uint32_t grid[3], struct sim_trace *t) {
  memset(t, 0, sizeof *t);
  int rc = sim_trace_launch(k->m, k->entry, grid, k->args, k->nargs, &k->mem, &k->o, t, &k->err);
  ck_assert_msg(rc == 0, "trace failed: %s", k->err.msg);
}

/* The i-th event of block b. */
static const struct sim_event *ev(const struct sim_trace *t, size_t b, size_t i) {
  ck_assert_uint_lt(i, t->blk[b].n);
  return &t->ev[t->blk[b].first + i];
}

/* Events of block b of kind `kind` whose op is `code` (any op: -1). */
static size_t count(const struct sim_trace *t, size_t b, int kind, int code) {
  size_t n = 0;
  for (size_t i = 0; i < t->blk[b].n; i++) {
    const struct sim_event *e = ev(t, b, i);
    n += e->kind == kind && (code < 0 || (int)e->op->code == code);
  }
  return n;
}

/* ---- a tiled row sum: C[i-tile, j-tile] = sum over k-tiles of A[i-tile, k] ---- */

static const char *const rowsum_text =
  "cuda_tile.module @m {\n"
  "  entry @k(%a: tile<ptr<f32>>, %c: tile<ptr<f32>>, %m: tile<i32>, %n: tile<i32>) {\n"
  "    %ta = make_tensor_view %a, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>\n"
  "    %tc = make_tensor_view %c, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>\n"
  "    %pa = make_partition_view %ta : partition_view<tile=(4x4), padding_value = zero, tensor_view<?x?xf32, strides=[?,1]>>\n"
  "    %pc = make_partition_view %tc : partition_view<tile=(4x4), tensor_view<?x?xf32, strides=[?,1]>>\n"
  "    %bm, %bn, %bz = get_tile_block_id : tile<i32>\n"
  "    %mt, %nt = get_index_space_shape %pa : partition_view<tile=(4x4), padding_value = zero, tensor_view<?x?xf32, strides=[?,1]>> -> tile<i32>\n"
  "    %zero = constant <i32: 0> : tile<i32>\n"
  "    %one = constant <i32: 1> : tile<i32>\n"
  "    %init = constant <f32: 0.0> : tile<4x4xf32>\n"
  "    %acc = for %j in (%zero to %nt, step %one) : tile<i32>\n"
  "        iter_values(%s = %init) -> (tile<4x4xf32>) {\n"
  "      %t, %tok = load_view_tko weak %pa[%bm, %j] : partition_view<tile=(4x4), padding_value = zero, tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> tile<4x4xf32>, token\n"
  "      %s2 = addf %s, %t : tile<4x4xf32>\n"
  "      continue %s2 : tile<4x4xf32>\n"
  "    }\n"
  "    %t3 = store_view_tko weak %acc, %pc[%bm, %bn] : tile<4x4xf32>, partition_view<tile=(4x4), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token\n"
  "  }\n"
  "}\n";

/* The events of every block of the row sum over a 10 x 8 array: 9 ops
** before the loop, the for, 2 iterations of (ITER, load, addf), the END,
** the store: 18.  Blocks of the last tile row (2 rows of 4) move fewer
** elements, so they form the second kind. */
START_TEST(test_trace_events) {
  struct tk k;
  struct sim_trace t;
  tk_load(&k, rowsum_text);
  uint64_t a = tk_array(&k, NULL, 80, 4, false), c = tk_array(&k, NULL, 80, 4, false);
  tk_i32(&k, 10);
  tk_i32(&k, 8);
  tk_trace(&k, (uint32_t[3]){3, 2, 1}, &t);
  ck_assert_uint_eq(t.nblk, 6);
  static const size_t same[6] = {0, 0, 2, 0, 0, 2};
  for (size_t b = 0; b < 6; b++) {
    ck_assert_uint_eq(t.blk[b].n, 18);
    ck_assert_uint_eq(t.blk[b].bid[0], b % 3);
    ck_assert_uint_eq(t.blk[b].bid[1], b / 3);
    ck_assert_msg(t.blk[b].same_as == same[b], "block %zu same_as %zu, want %zu", b,
                  t.blk[b].same_as, same[b]);
    ck_assert_uint_eq(t.blk[b].nacc, 3);
    ck_assert_uint_eq(count(&t, b, SIM_EV_ITER, IR_OP_for), 2);
    ck_assert_uint_eq(count(&t, b, SIM_EV_END, IR_OP_for), 1);
    ck_assert_uint_eq(count(&t, b, SIM_EV_OP, IR_OP_addf), 2);
  }
  ck_assert_uint_eq(t.nev, 36);                /* two kinds stored */
  ck_assert_uint_eq(t.nacc, 18);
  /* the order: ..., for (active = 2 iterations), ITER, load, addf, ITER, load, addf, END, store */
  const struct sim_event *f = ev(&t, 5, 9);
  ck_assert_int_eq(f->op->code, IR_OP_for);
  ck_assert_int_eq(f->kind, SIM_EV_OP);
  ck_assert_uint_eq(f->active, 2);
  static const int kinds[8] = { SIM_EV_ITER, SIM_EV_OP, SIM_EV_OP, SIM_EV_ITER, SIM_EV_OP,
                                SIM_EV_OP, SIM_EV_END, SIM_EV_OP };
  for (int i = 0; i < 8; i++) ck_assert_int_eq(ev(&t, 5, 10 + i)->kind, kinds[i]);
  ck_assert_int_eq(ev(&t, 5, 17)->op->code, IR_OP_store_view_tko);
  /* block (2,1), second load: A rows 8..9, columns 4..7 of 8 -- 2 rows of
  ** 16 bytes, 32 bytes apart, starting at element 8*8+4 */
  const struct sim_trace_block *b5 = &t.blk[5];
  const struct sim_event *ld = ev(&t, 5, 14);
  ck_assert_int_eq(ld->op->code, IR_OP_load_view_tko);
  ck_assert_uint_eq(ld->active, 8);
  ck_assert_uint_eq(ld->nacc, 1);
  const struct sim_access *x = sim_trace_access(&t, b5, ld);
  ck_assert_uint_eq(x->addr, a + (8 * 8 + 4) * 4);
  ck_assert_uint_eq(x->len, 16);
  ck_assert_uint_eq(x->rows, 2);
  ck_assert_int_eq(x->stride, 32);
  ck_assert_uint_eq(x->planes, 1);
  ck_assert_uint_eq(x->bytes, 32);
  ck_assert_int_eq(x->alloc, 0);
  ck_assert(!x->write);
  /* its store: C rows 8..9, columns 4..7 */
  x = sim_trace_access(&t, b5, ev(&t, 5, 17));
  ck_assert_uint_eq(x->addr, c + (8 * 8 + 4) * 4);
  ck_assert(x->write);
  ck_assert_int_eq(x->alloc, 1);
  ck_assert_uint_eq(x->bytes, 32);
  /* block (1,1) shares block 0's events but has its own accesses: the
  ** first load reads rows 4..7, columns 0..3 */
  const struct sim_trace_block *b4 = &t.blk[4];
  ck_assert_uint_eq(b4->first, t.blk[0].first);
  x = sim_trace_access(&t, b4, ev(&t, 4, 11));
  ck_assert_uint_eq(x->addr, a + 4 * 8 * 4);
  ck_assert_uint_eq(x->len, 16);
  ck_assert_uint_eq(x->rows, 4);
  ck_assert_uint_eq(x->bytes, 64);
  sim_trace_free(&t);
  tk_free(&k);
}
END_TEST

/* Arrays without data (mem_reserve): the trace needs none of them and is
** the same; a full run refuses to read them. */
START_TEST(test_trace_reserved) {
  struct tk k, r;
  struct sim_trace t, u;
  tk_load(&k, rowsum_text);
  tk_load(&r, rowsum_text);
  tk_array(&k, NULL, 80, 4, false);
  tk_array(&k, NULL, 80, 4, false);
  tk_array(&r, NULL, 80, 4, true);
  tk_array(&r, NULL, 80, 4, true);
  tk_i32(&k, 10); tk_i32(&k, 8);
  tk_i32(&r, 10); tk_i32(&r, 8);
  tk_trace(&k, (uint32_t[3]){3, 2, 1}, &t);
  tk_trace(&r, (uint32_t[3]){3, 2, 1}, &u);
  ck_assert_uint_eq(t.nev, u.nev);
  ck_assert_uint_eq(t.nacc, u.nacc);
  for (size_t i = 0; i < t.nacc; i++) ck_assert_uint_eq(t.acc[i].addr, u.acc[i].addr);
  int rc = sim_launch(r.m, r.entry, (uint32_t[3]){3, 2, 1}, r.args, r.nargs, &r.mem, &r.o, &r.err);
  ck_assert_int_eq(rc, -1);
  ck_assert_msg(strstr(r.err.msg, "shape only"), "message: %s", r.err.msg);
  sim_trace_free(&t);
  sim_trace_free(&u);
  tk_free(&k);
  tk_free(&r);
}
END_TEST

/* ---- control flow that depends on data ---- */

/* Block x: n = len[x] iterations; iteration i loads x[4i .. 4i+4) and
** counts it when its maximum (a two-op combiner: the general reduce path)
** is positive.  Then a loop runs until its carried k reaches n (n + 1
** iterations).  out[x] = count + n. */
static const char *const flow_text =
  "cuda_tile.module @m {\n"
  "  entry @k(%len: tile<ptr<i32>>, %x: tile<ptr<f32>>, %out: tile<ptr<i32>>) {\n"
  "    %bx, %by, %bz = get_tile_block_id : tile<i32>\n"
  "    %zero = constant <i32: 0> : tile<i32>\n"
  "    %one = constant <i32: 1> : tile<i32>\n"
  "    %four = constant <i32: 4> : tile<i32>\n"
  "    %fz = constant <f32: 0.0> : tile<f32>\n"
  "    %lp = offset %len, %bx : tile<ptr<i32>>, tile<i32> -> tile<ptr<i32>>\n"
  "    %n, %t0 = load_ptr_tko weak %lp : tile<ptr<i32>> -> tile<i32>, token\n"
  "    %iota = iota : tile<4xi32>\n"
  "    %x1 = reshape %x : tile<ptr<f32>> -> tile<1xptr<f32>>\n"
  "    %xv = broadcast %x1 : tile<1xptr<f32>> -> tile<4xptr<f32>>\n"
  "    %cnt = for %i in (%zero to %n, step %one) : tile<i32>\n"
  "        iter_values(%c = %zero) -> (tile<i32>) {\n"
  "      %base = muli %i, %four : tile<i32>\n"
  "      %b1 = reshape %base : tile<i32> -> tile<1xi32>\n"
  "      %bv = broadcast %b1 : tile<1xi32> -> tile<4xi32>\n"
  "      %idx = addi %bv, %iota : tile<4xi32>\n"
  "      %px = offset %xv, %idx : tile<4xptr<f32>>, tile<4xi32> -> tile<4xptr<f32>>\n"
  "      %v, %t1 = load_ptr_tko weak %px : tile<4xptr<f32>> -> tile<4xf32>, token\n"
  "      %mx = reduce %v dim=0 identities=[0xFF800000 : f32] : tile<4xf32> -> tile<f32>\n"
  "      (%p: tile<f32>, %q: tile<f32>) {\n"
  "        %r0 = maxf %p, %q : tile<f32>\n"
  "        %r1 = maxf %r0, %p : tile<f32>\n"
  "        yield %r1 : tile<f32>\n"
  "      }\n"
  "      %pos = cmpf greater_than ordered %mx, %fz : tile<f32> -> tile<i1>\n"
  "      %c2 = if %pos -> (tile<i32>) {\n"
  "        %c1 = addi %c, %one : tile<i32>\n"
  "        yield %c1 : tile<i32>\n"
  "      } else {\n"
  "        yield %c : tile<i32>\n"
  "      }\n"
  "      continue %c2 : tile<i32>\n"
  "    }\n"
  "    %r = loop iter_values(%kk = %zero) : tile<i32> -> tile<i32> {\n"
  "      %done = cmpi greater_than_or_equal %kk, %n, signed : tile<i32> -> tile<i1>\n"
  "      if %done {\n"
  "        break %kk : tile<i32>\n"
  "      }\n"
  "      %k1 = addi %kk, %one : tile<i32>\n"
  "      continue %k1 : tile<i32>\n"
  "    }\n"
  "    %sum = addi %cnt, %r : tile<i32>\n"
  "    %po = offset %out, %bx : tile<ptr<i32>>, tile<i32> -> tile<ptr<i32>>\n"
  "    %t2 = store_ptr_tko weak %po, %sum : tile<ptr<i32>>, tile<i32> -> token\n"
  "  }\n"
  "}\n";

enum { FLOW_BLOCKS = 5 };
static const int32_t flow_len[FLOW_BLOCKS] = {3, 0, 5, 2, 4};

/* x: iterations 0, 2, 3 of every block have a positive maximum. */
static void flow_x(float *x) {
  for (int i = 0; i < 20; i++) x[i] = -1.0f - (float)i;
  x[0 * 4 + 2] = 0.5f;
  x[2 * 4 + 3] = 2.0f;
  x[3 * 4 + 0] = 1.0f;
}

/* The then-branch addi events of block b (inside the if's first region). */
static size_t taken(const struct sim_trace *t, size_t b) {
  size_t n = 0;
  for (size_t i = 0; i < t->blk[b].n; i++) {
    const struct sim_event *e = ev(t, b, i);
    n += e->op->code == IR_OP_addi && e->op->parent->parent->code == IR_OP_if;
  }
  return n;
}

static const struct sim_event *find_op(const struct sim_trace *t, size_t b, int code, int kind) {
  for (size_t i = 0; i < t->blk[b].n; i++)
    if ((int)ev(t, b, i)->op->code == code && ev(t, b, i)->kind == kind) return ev(t, b, i);
  ck_abort_msg("no such event");
  return NULL;
}

START_TEST(test_trace_flow) {
  struct tk k;
  struct sim_trace t;
  float x[20];
  int32_t out[FLOW_BLOCKS];
  flow_x(x);
  tk_load(&k, flow_text);
  tk_array(&k, flow_len, FLOW_BLOCKS, 4, false);
  uint64_t xa = tk_array(&k, x, 20, 4, false);
  uint64_t oa = tk_array(&k, NULL, FLOW_BLOCKS, 4, false);
  /* the full run's answer */
  ck_assert_int_eq(sim_launch(k.m, k.entry, (uint32_t[3]){FLOW_BLOCKS, 1, 1}, k.args, k.nargs,
                              &k.mem, &k.o, &k.err), 0);
  memcpy(out, mem_find(&k.mem, oa, 4 * FLOW_BLOCKS)->host, sizeof out);
  tk_trace(&k, (uint32_t[3]){FLOW_BLOCKS, 1, 1}, &t);
  for (size_t b = 0; b < FLOW_BLOCKS; b++) {
    int32_t n = flow_len[b];
    size_t cnt = 0;
    for (int i = 0; i < n; i++) cnt += i == 0 || i == 2 || i == 3;
    ck_assert_int_eq(out[b], (int32_t)cnt + n);          /* the full run */
    ck_assert_uint_eq(count(&t, b, SIM_EV_ITER, IR_OP_for), (size_t)n);
    ck_assert_uint_eq(count(&t, b, SIM_EV_ITER, IR_OP_loop), (size_t)n + 1);
    ck_assert_uint_eq(count(&t, b, SIM_EV_OP, IR_OP_if), (size_t)(n + n + 1));
    ck_assert_uint_eq(count(&t, b, SIM_EV_END, IR_OP_if), (size_t)(n + n + 1));
    ck_assert_uint_eq(taken(&t, b), cnt);
    ck_assert_uint_eq(find_op(&t, b, IR_OP_loop, SIM_EV_OP)->active, (uint64_t)n + 1);
  }
  /* blocks 0 and 4 differ only in... nothing: n = 3 and n = 4 differ */
  for (size_t b = 0; b < FLOW_BLOCKS; b++) ck_assert_uint_eq(t.blk[b].same_as, b);
  /* block 2, iteration 3: the load of x[12..16), one row of 16 bytes */
  const struct sim_trace_block *b2 = &t.blk[2];
  size_t seen = 0;
  for (size_t i = 0; i < b2->n; i++) {
    const struct sim_event *e = ev(&t, 2, i);
    if (e->op->code != IR_OP_load_ptr_tko || e->op->in[0]->type->rank != 1 || seen++ != 3) continue;
    const struct sim_access *a = sim_trace_access(&t, b2, e);
    ck_assert_uint_eq(a->addr, xa + 12 * 4);
    ck_assert_uint_eq(a->len, 16);
    ck_assert_uint_eq(a->rows, 1);
    ck_assert_uint_eq(a->bytes, 16);
    ck_assert_uint_eq(e->active, 4);
  }
  ck_assert_uint_eq(seen, 5);
  sim_trace_free(&t);
  tk_free(&k);
}
END_TEST

/* x without data: its loads read zeros, so no maximum is positive, while
** the lengths (with data) still drive the loops. */
START_TEST(test_trace_flow_reserved) {
  struct tk k;
  struct sim_trace t;
  tk_load(&k, flow_text);
  tk_array(&k, flow_len, FLOW_BLOCKS, 4, false);
  tk_array(&k, NULL, 20, 4, true);
  tk_array(&k, NULL, FLOW_BLOCKS, 4, true);
  tk_trace(&k, (uint32_t[3]){FLOW_BLOCKS, 1, 1}, &t);
  for (size_t b = 0; b < FLOW_BLOCKS; b++) {
    ck_assert_uint_eq(count(&t, b, SIM_EV_ITER, IR_OP_for), (size_t)flow_len[b]);
    ck_assert_uint_eq(taken(&t, b), 0);
  }
  sim_trace_free(&t);
  tk_free(&k);
}
END_TEST

/* ---- thread count ---- */

static void same_trace(const struct sim_trace *a, const struct sim_trace *b) {
  ck_assert_uint_eq(a->nev, b->nev);
  ck_assert_uint_eq(a->nacc, b->nacc);
  ck_assert_uint_eq(a->nblk, b->nblk);
  for (size_t i = 0; i < a->nev; i++) {
    const struct sim_event *x = &a->ev[i], *y = &b->ev[i];
    ck_assert(x->op == y->op && x->kind == y->kind && x->acc == y->acc && x->nacc == y->nacc &&
              x->active == y->active);
  }
  for (size_t i = 0; i < a->nacc; i++) {
    const struct sim_access *x = &a->acc[i], *y = &b->acc[i];
    ck_assert(x->addr == y->addr && x->len == y->len && x->rows == y->rows &&
              x->planes == y->planes && x->stride == y->stride &&
              x->plane_stride == y->plane_stride && x->bytes == y->bytes &&
              x->alloc == y->alloc && x->write == y->write);
  }
  for (size_t i = 0; i < a->nblk; i++) {
    const struct sim_trace_block *x = &a->blk[i], *y = &b->blk[i];
    ck_assert(!memcmp(x->bid, y->bid, sizeof x->bid) && x->first == y->first && x->n == y->n &&
              x->acc == y->acc && x->nacc == y->nacc && x->same_as == y->same_as);
  }
}

START_TEST(test_trace_threads) {
  struct tk k;
  struct sim_trace t1, t2;
  tk_load(&k, rowsum_text);
  tk_array(&k, NULL, 37 * 24, 4, true);
  tk_array(&k, NULL, 37 * 24, 4, true);
  tk_i32(&k, 37);
  tk_i32(&k, 24);
  tk_trace(&k, (uint32_t[3]){10, 6, 1}, &t1);
  k.o.threads = 2;
  tk_trace(&k, (uint32_t[3]){10, 6, 1}, &t2);
  same_trace(&t1, &t2);
  ck_assert_uint_eq(t1.nblk, 60);
  sim_trace_free(&t1);
  sim_trace_free(&t2);
  tk_free(&k);
  /* and a kernel whose blocks all differ */
  float x[20];
  flow_x(x);
  tk_load(&k, flow_text);
  tk_array(&k, flow_len, FLOW_BLOCKS, 4, false);
  tk_array(&k, x, 20, 4, false);
  tk_array(&k, NULL, FLOW_BLOCKS, 4, false);
  tk_trace(&k, (uint32_t[3]){FLOW_BLOCKS, 1, 1}, &t1);
  k.o.threads = 2;
  tk_trace(&k, (uint32_t[3]){FLOW_BLOCKS, 1, 1}, &t2);
  same_trace(&t1, &t2);
  sim_trace_free(&t1);
  sim_trace_free(&t2);
  tk_free(&k);
}
END_TEST

/* An access outside its allocation is an error of the trace run too. */
START_TEST(test_trace_bounds) {
  struct tk k;
  struct sim_trace t;
  tk_load(&k, rowsum_text);
  tk_array(&k, NULL, 40, 4, true);             /* 10 x 8 needs 80 */
  tk_array(&k, NULL, 80, 4, true);
  tk_i32(&k, 10);
  tk_i32(&k, 8);
  memset(&t, 0, sizeof t);
  int rc = sim_trace_launch(k.m, k.entry, (uint32_t[3]){3, 2, 1}, k.args, k.nargs, &k.mem, &k.o,
                            &t, &k.err);
  ck_assert_int_eq(rc, -1);
  ck_assert_msg(strstr(k.err.msg, "out of bounds"), "message: %s", k.err.msg);
  ck_assert_uint_eq(k.err.block[0], 1);        /* the first block past 40 elements, grid order */
  ck_assert_uint_eq(t.nblk, 0);
  tk_free(&k);
}
END_TEST

/* ---- boxes of views of higher rank and of pointer tiles ---- */

static const char *const box_text =
  "cuda_tile.module @m {\n"
  "  entry @k(%a: tile<ptr<f32>>, %p: tile<ptr<f32>>, %nb: tile<i32>, %ns: tile<i32>, %nd: tile<i32>) {\n"
  "    %zero = constant <i32: 0> : tile<i32>\n"
  "    %one = constant <i32: 1> : tile<i32>\n"
  "    %t = make_tensor_view %a, shape = [%nb, %ns, %nd], strides = [48, 6, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[48,6,1]>\n"
  "    %v1 = make_partition_view %t : partition_view<tile=(1x4x4), tensor_view<?x?x?xf32, strides=[48,6,1]>>\n"
  "    %x1, %t1 = load_view_tko weak %v1[%one, %one, %one] : partition_view<tile=(1x4x4), tensor_view<?x?x?xf32, strides=[48,6,1]>>, tile<i32> -> tile<1x4x4xf32>, token\n"
  "    %v2 = make_partition_view %t : partition_view<tile=(2x4x8), tensor_view<?x?x?xf32, strides=[48,6,1]>>\n"
  "    %x2, %t2 = load_view_tko weak %v2[%zero, %one, %zero] : partition_view<tile=(2x4x8), tensor_view<?x?x?xf32, strides=[48,6,1]>>, tile<i32> -> tile<2x4x8xf32>, token\n"
  "    %tt = make_tensor_view %a, shape = [%nb, %nd, %ns], strides = [48, 1, 6] : tile<i32> -> tensor_view<?x?x?xf32, strides=[48,1,6]>\n"
  "    %v3 = make_partition_view %tt : partition_view<tile=(1x4x4), tensor_view<?x?x?xf32, strides=[48,1,6]>>\n"
  "    %x3, %t3 = load_view_tko weak %v3[%zero, %zero, %one] : partition_view<tile=(1x4x4), tensor_view<?x?x?xf32, strides=[48,1,6]>>, tile<i32> -> tile<1x4x4xf32>, token\n"
  "    %i4 = iota : tile<4xi32>\n"
  "    %r1 = reshape %i4 : tile<4xi32> -> tile<4x1xi32>\n"
  "    %rows = broadcast %r1 : tile<4x1xi32> -> tile<4x4xi32>\n"
  "    %c1 = reshape %i4 : tile<4xi32> -> tile<1x4xi32>\n"
  "    %cols = broadcast %c1 : tile<1x4xi32> -> tile<4x4xi32>\n"
  "    %ten = constant <i32: 10> : tile<4x4xi32>\n"
  "    %three = constant <i32: 3> : tile<4x4xi32>\n"
  "    %rt = muli %rows, %ten : tile<4x4xi32>\n"
  "    %off = addi %rt, %cols : tile<4x4xi32>\n"
  "    %mask = cmpi less_than %cols, %three, signed : tile<4x4xi32> -> tile<4x4xi1>\n"
  "    %p1 = reshape %p : tile<ptr<f32>> -> tile<1x1xptr<f32>>\n"
  "    %pv = broadcast %p1 : tile<1x1xptr<f32>> -> tile<4x4xptr<f32>>\n"
  "    %pp = offset %pv, %off : tile<4x4xptr<f32>>, tile<4x4xi32> -> tile<4x4xptr<f32>>\n"
  "    %y1, %t4 = load_ptr_tko weak %pp, %mask : tile<4x4xptr<f32>>, tile<4x4xi1> -> tile<4x4xf32>, token\n"
  "    %rr = subi %three, %rows : tile<4x4xi32>\n"
  "    %rt2 = muli %rr, %ten : tile<4x4xi32>\n"
  "    %off2 = addi %rt2, %cols : tile<4x4xi32>\n"
  "    %pp2 = offset %pv, %off2 : tile<4x4xptr<f32>>, tile<4x4xi32> -> tile<4x4xptr<f32>>\n"
  "    %y2, %t5 = load_ptr_tko weak %pp2, %mask : tile<4x4xptr<f32>>, tile<4x4xi1> -> tile<4x4xf32>, token\n"
  "  }\n"
  "}\n";

struct box { uint64_t off; uint32_t len, rows, planes; int64_t stride; uint64_t bytes, active; };

/* A 2 x 8 x 6 f32 tensor (B x S x D), then a 4x4 tile of pointers:
**   [1,1,1] of 1x4x4 tiles: b 1, s 4..7, d 4..5 (clipped): rows of 2
**     elements 6 apart from element 48 + 24 + 4;
**   [0,1,0] of 2x4x8 tiles: s and d merge into runs of 24 elements,
**     b becomes the rows, 48 apart;
**   the same tensor seen as B x D x S, [0,0,1] of 1x4x4: d is the row
**     (4 elements), s the rows (6 apart) from element 24;
**   pointers p + 10r + c with c < 3: rows of 3, 40 bytes apart;
**   pointers p + 10(3-r) + c: rows run downward, so one row bounds them
**     (elements 0 .. 32). */
START_TEST(test_trace_boxes) {
  struct tk k;
  struct sim_trace t;
  tk_load(&k, box_text);
  uint64_t a = tk_array(&k, NULL, 96, 4, true), p = tk_array(&k, NULL, 40, 4, true);
  tk_i32(&k, 2);
  tk_i32(&k, 8);
  tk_i32(&k, 6);
  tk_trace(&k, (uint32_t[3]){1, 1, 1}, &t);
  static const struct box want[5] = {
    { (48 + 24 + 4) * 4, 8, 4, 1, 24, 32, 8 },
    { 24 * 4, 96, 2, 1, 192, 192, 48 },
    { 24 * 4, 16, 4, 1, 24, 64, 16 },
    { 0, 12, 4, 1, 40, 48, 12 },
    { 0, 132, 1, 1, 0, 48, 12 },
  };
  size_t n = 0;
  for (size_t i = 0; i < t.blk[0].n; i++) {
    const struct sim_event *e = ev(&t, 0, i);
    if (!e->nacc) continue;
    ck_assert_uint_lt(n, 5);
    const struct sim_access *x = sim_trace_access(&t, &t.blk[0], e);
    const struct box *w = &want[n];
    uint64_t base = n < 3 ? a : p;
    ck_assert_msg(x->addr == base + w->off && x->len == w->len && x->rows == w->rows &&
                  x->planes == w->planes && x->stride == w->stride && x->bytes == w->bytes &&
                  e->active == w->active,
                  "access %zu: off %llu len %u rows %u planes %u stride %lld bytes %llu active %llu", n,
                  (unsigned long long)(x->addr - base), x->len, x->rows, x->planes,
                  (long long)x->stride, (unsigned long long)x->bytes, (unsigned long long)e->active);
    n++;
  }
  ck_assert_uint_eq(n, 5);
  sim_trace_free(&t);
  tk_free(&k);
}
END_TEST

Suite *suite_sim_trace(void) {
  Suite *s = suite_create("sim_trace");
  TCase *tc = tcase_create("sim_trace");
  tcase_add_test(tc, test_trace_events);
  tcase_add_test(tc, test_trace_reserved);
  tcase_add_test(tc, test_trace_flow);
  tcase_add_test(tc, test_trace_flow_reserved);
  tcase_add_test(tc, test_trace_threads);
  tcase_add_test(tc, test_trace_bounds);
  tcase_add_test(tc, test_trace_boxes);
  suite_add_tcase(s, tc);
  return s;
}
