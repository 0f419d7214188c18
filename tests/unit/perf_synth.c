/* perf_synth.c -- synthetic kernels and traces for the performance tests. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "perf_synth.h"

/* ---- traces ---- */

struct walk {
  struct sim_trace *t;
  size_t capev, capacc, blk;
  unsigned trip;
  ps_box_fn *box;
  void *ud;
};

static void push_ev(struct walk *w, const struct ir_op *op, uint8_t kind, unsigned iter) {
  struct sim_trace *t = w->t;
  if (t->nev == w->capev) {
    w->capev = w->capev ? 2 * w->capev : 1024;
    t->ev = realloc(t->ev, w->capev * sizeof *t->ev);
    ck_assert_ptr_nonnull(t->ev);
  }
  struct sim_event *e = &t->ev[t->nev++];
  memset(e, 0, sizeof *e);
  e->op = op;
  e->kind = kind;
  e->acc = (uint32_t)t->nacc;
  const char *nm = ir_optab[op->code].name;
  bool mem = kind == SIM_EV_OP && (strstr(nm, "load_") == nm || strstr(nm, "store_") == nm);
  if (!mem) return;
  if (t->nacc == w->capacc) {
    w->capacc = w->capacc ? 2 * w->capacc : 1024;
    t->acc = realloc(t->acc, w->capacc * sizeof *t->acc);
    ck_assert_ptr_nonnull(t->acc);
  }
  struct sim_access *a = &t->acc[t->nacc++];
  memset(a, 0, sizeof *a);
  a->planes = 1;
  a->write = strstr(nm, "store_") == nm;
  w->box(w->ud, w->blk, iter, op, a);
  e->nacc = 1;
}

static bool is_term(const struct ir_op *op) {
  const char *nm = ir_optab[op->code].name;
  return !strcmp(nm, "yield") || !strcmp(nm, "continue") || !strcmp(nm, "return") ||
         !strcmp(nm, "break");
}

static void walk_block(struct walk *w, const struct ir_block *b, unsigned iter) {
  for (const struct ir_op *op = b ? b->first : NULL; op; op = op->next) {
    if (is_term(op)) continue;
    push_ev(w, op, SIM_EV_OP, iter);
    const char *nm = ir_optab[op->code].name;
    if (!strcmp(nm, "for")) {
      for (unsigned i = 0; i < w->trip; i++) {
        push_ev(w, op, SIM_EV_ITER, i);
        walk_block(w, op->regions[0].block, i);
      }
      push_ev(w, op, SIM_EV_END, iter);
    } else if (!strcmp(nm, "if")) {
      walk_block(w, op->regions[0].block, iter);
      push_ev(w, op, SIM_EV_END, iter);
    }
  }
}

void ps_trace(struct sim_trace *t, const struct ir_op *entry, size_t nblk, unsigned trip,
              ps_box_fn *box, void *ud) {
  memset(t, 0, sizeof *t);
  struct walk w = { t, 0, 0, 0, trip, box, ud };
  t->blk = calloc(nblk, sizeof *t->blk);
  ck_assert_ptr_nonnull(t->blk);
  t->nblk = nblk;
  t->grid[0] = (uint32_t)nblk;
  t->grid[1] = t->grid[2] = 1;
  for (size_t b = 0; b < nblk; b++) {
    w.blk = b;
    t->blk[b].bid[0] = (uint32_t)b;
    t->blk[b].first = t->nev;
    t->blk[b].acc = t->nacc;
    t->blk[b].same_as = b;
    walk_block(&w, entry->regions[0].block, 0);
    t->blk[b].n = t->nev - t->blk[b].first;
    t->blk[b].nacc = t->nacc - t->blk[b].acc;
  }
}

void ps_trace_free(struct sim_trace *t) {
  free(t->ev);
  free(t->acc);
  free(t->blk);
  memset(t, 0, sizeof *t);
}

/* ---- descriptions and modules ---- */

struct hw_desc *ps_hw(const char *name) {
  const char *srcdir = getenv("srcdir");
  char dir[4096];
  if (srcdir && *srcdir) {
    snprintf(dir, sizeof dir, "%s/hwdesc", srcdir);
  } else {
    const char *file = __FILE__, *slash = strrchr(file, '/');
    snprintf(dir, sizeof dir, "%.*s/../../hwdesc", slash ? (int)(slash - file) : 1, slash ? file : ".");
  }
  setenv("TILESIM_HWDESC", dir, 1);
  struct tt_diags d;
  tt_diags_init(&d);
  struct hw_desc *hw = NULL;
  ck_assert_msg(hw_desc_open(name, &hw, &d.sink) == 0, "cannot load %s: %s", name, d.text);
  return hw;
}

struct ir_module *ps_module(const char *text, const struct ir_op **entry) {
  struct tt_diags d;
  tt_diags_init(&d);
  struct ir_module *m = tt_parse(text, &d);
  ck_assert_msg(m != NULL, "parse: %s\n%s", d.text, text);
  ck_assert_msg(ir_verify(m, &d.sink) == 0, "verify: %s\n%s", d.text, text);
  *entry = sim_find_entry(m, NULL);
  ck_assert_ptr_nonnull(*entry);
  return m;
}

/* The views and loads the kernels share. */
#define VIEW(v, T) "tensor_view<?x?x" T ", strides=[?,1]>"
#define PVIEW(tm, tn, T) "partition_view<tile=(" tm "x" tn "), " VIEW(, T) ">"

char *ps_mma_kernel(unsigned M, unsigned N, unsigned K, const char *T, bool a_computed,
                    const char *hint) {
  char *s = malloc(8192);
  ck_assert_ptr_nonnull(s);
  char a[1024];
  if (a_computed)
    snprintf(a, sizeof a,
             "    %%a32 = constant <f32: 1.0> : tile<%ux%uxf32>\n"
             "    %%at = ftof %%a32 : tile<%ux%uxf32> -> tile<%ux%ux%s>\n", M, K, M, K, M, K, T);
  else
    snprintf(a, sizeof a,
             "    %%at, %%t1 = load_view_tko weak %%pa[%%bm, %%zero] : partition_view<tile=(%ux%u), "
             "tensor_view<?x?x%s, strides=[?,1]>>, tile<i32> -> tile<%ux%ux%s>, token\n",
             M, K, T, M, K, T);
  snprintf(s, 8192,
    "cuda_tile.module @synth {\n"
    "  entry @mma(%%a: tile<ptr<%s>>, %%b: tile<ptr<%s>>, %%c: tile<ptr<f32>>, %%m: tile<i32>,\n"
    "             %%n: tile<i32>, %%k: tile<i32>, %%trip: tile<i32>) %s {\n"
    "    %%ta = make_tensor_view %%a, shape = [%%m, %%k], strides = [%%k, 1] : tile<i32> -> tensor_view<?x?x%s, strides=[?,1]>\n"
    "    %%tb = make_tensor_view %%b, shape = [%%k, %%n], strides = [%%n, 1] : tile<i32> -> tensor_view<?x?x%s, strides=[?,1]>\n"
    "    %%tc = make_tensor_view %%c, shape = [%%m, %%n], strides = [%%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>\n"
    "    %%pa = make_partition_view %%ta : partition_view<tile=(%ux%u), tensor_view<?x?x%s, strides=[?,1]>>\n"
    "    %%pb = make_partition_view %%tb : partition_view<tile=(%ux%u), tensor_view<?x?x%s, strides=[?,1]>>\n"
    "    %%pc = make_partition_view %%tc : partition_view<tile=(%ux%u), tensor_view<?x?xf32, strides=[?,1]>>\n"
    "    %%bm, %%bn, %%bz = get_tile_block_id : tile<i32>\n"
    "    %%zero = constant <i32: 0> : tile<i32>\n"
    "    %%one = constant <i32: 1> : tile<i32>\n"
    "%s"
    "    %%bt, %%t2 = load_view_tko weak %%pb[%%zero, %%bn] : partition_view<tile=(%ux%u), tensor_view<?x?x%s, strides=[?,1]>>, tile<i32> -> tile<%ux%ux%s>, token\n"
    "    %%init = constant <f32: 0.0> : tile<%ux%uxf32>\n"
    "    %%acc = for %%i in (%%zero to %%trip, step %%one) : tile<i32>\n"
    "        iter_values(%%sum = %%init) -> (tile<%ux%uxf32>) {\n"
    "      %%next = mmaf %%at, %%bt, %%sum : tile<%ux%ux%s>, tile<%ux%ux%s>, tile<%ux%uxf32>\n"
    "      continue %%next : tile<%ux%uxf32>\n"
    "    }\n"
    "    %%t3 = store_view_tko weak %%acc, %%pc[%%bm, %%bn] : tile<%ux%uxf32>, partition_view<tile=(%ux%u), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token\n"
    "  }\n"
    "}\n",
    T, T, hint, T, T, M, K, T, K, N, T, M, N, a, K, N, T, K, N, T, M, N, M, N, M, K, T, K, N, T,
    M, N, M, N, M, N, M, N);
  return s;
}

char *ps_gemm_kernel(unsigned M, unsigned N, unsigned K, const char *T, const char *hint) {
  char *s = malloc(8192);
  ck_assert_ptr_nonnull(s);
  snprintf(s, 8192,
    "cuda_tile.module @synth {\n"
    "  entry @gemm(%%a: tile<ptr<%s>>, %%b: tile<ptr<%s>>, %%c: tile<ptr<f32>>, %%m: tile<i32>,\n"
    "              %%n: tile<i32>, %%k: tile<i32>, %%trip: tile<i32>) %s {\n"
    "    %%ta = make_tensor_view %%a, shape = [%%m, %%k], strides = [%%k, 1] : tile<i32> -> tensor_view<?x?x%s, strides=[?,1]>\n"
    "    %%tb = make_tensor_view %%b, shape = [%%k, %%n], strides = [%%n, 1] : tile<i32> -> tensor_view<?x?x%s, strides=[?,1]>\n"
    "    %%tc = make_tensor_view %%c, shape = [%%m, %%n], strides = [%%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>\n"
    "    %%pa = make_partition_view %%ta : partition_view<tile=(%ux%u), tensor_view<?x?x%s, strides=[?,1]>>\n"
    "    %%pb = make_partition_view %%tb : partition_view<tile=(%ux%u), tensor_view<?x?x%s, strides=[?,1]>>\n"
    "    %%pc = make_partition_view %%tc : partition_view<tile=(%ux%u), tensor_view<?x?xf32, strides=[?,1]>>\n"
    "    %%bm, %%bn, %%bz = get_tile_block_id : tile<i32>\n"
    "    %%zero = constant <i32: 0> : tile<i32>\n"
    "    %%one = constant <i32: 1> : tile<i32>\n"
    "    %%init = constant <f32: 0.0> : tile<%ux%uxf32>\n"
    "    %%acc = for %%i in (%%zero to %%trip, step %%one) : tile<i32>\n"
    "        iter_values(%%sum = %%init) -> (tile<%ux%uxf32>) {\n"
    "      %%at, %%t1 = load_view_tko weak %%pa[%%bm, %%i] : partition_view<tile=(%ux%u), tensor_view<?x?x%s, strides=[?,1]>>, tile<i32> -> tile<%ux%ux%s>, token\n"
    "      %%bt, %%t2 = load_view_tko weak %%pb[%%i, %%bn] : partition_view<tile=(%ux%u), tensor_view<?x?x%s, strides=[?,1]>>, tile<i32> -> tile<%ux%ux%s>, token\n"
    "      %%next = mmaf %%at, %%bt, %%sum : tile<%ux%ux%s>, tile<%ux%ux%s>, tile<%ux%uxf32>\n"
    "      continue %%next : tile<%ux%uxf32>\n"
    "    }\n"
    "    %%t3 = store_view_tko weak %%acc, %%pc[%%bm, %%bn] : tile<%ux%uxf32>, partition_view<tile=(%ux%u), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token\n"
    "  }\n"
    "}\n",
    T, T, hint, T, T, M, K, T, K, N, T, M, N, M, N, M, N, M, K, T, M, K, T, K, N, T, K, N, T,
    M, K, T, K, N, T, M, N, M, N, M, N, M, N);
  return s;
}
