/*
** perf_model.c -- tests of the cycle model (src/models/perf_model.c) on
** synthetic kernels whose time is known in closed form: pure HBM
** streaming (bytes / (bandwidth x achievable)), pure MMA (instructions x
** issue interval), pure exp (elements / SFU rate); the HBM anchors of
** perf-anchors-micro.csv; and MMA anchors replayed through the whole model.
*/
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "perf_int.h"
#include "testlib.h"
#include "perf_synth.h"

/* Every memory op of block blk touches its own box of tile bytes. */
static void own_box(void *ud, size_t blk, unsigned iter, const struct ir_op *op,
                    struct sim_access *a) {
  (void)ud;
  const struct ty *t = op->nout && op->out[0].type->kind == TY_TILE ? op->out[0].type : op->in[0]->type;
  double bytes = (double)ty_numel(t) * ty_elem_bits(ty_tile_elt(t)->elem) / 8;
  const char *nm = ir_optab[op->code].name;
  int alloc = strstr(nm, "store_") == nm ? 1 : 0;
  a->alloc = alloc;
  a->rows = (uint32_t)t->shape[0];
  a->len = (uint32_t)(bytes / a->rows);
  a->stride = a->len;
  a->bytes = (uint64_t)bytes;
  a->addr = MEM_BASE(alloc) + ((uint64_t)blk * 4096 + iter) * (uint64_t)bytes +
            (uint64_t)(uintptr_t)op % 4096 * (UINT64_C(1) << 32);
}

/* A GEMM's boxes: block b computes tile (b % 8, b / 8); A's tile (row,
** iteration) and B's (iteration, column) are shared by the blocks of a
** row or a column, as in a real GEMM. */
static void gemm_box(void *ud, size_t blk, unsigned iter, const struct ir_op *op,
                     struct sim_access *a) {
  own_box(ud, blk, iter, op, a);
  bool isb = op->nout && op->out[0].type->kind == TY_TILE && op->out[0].type->shape[1] == 256;
  uint64_t row = blk % 8, col = blk / 8;
  if (!a->write)
    a->addr = MEM_BASE(isb ? 2 : 0) + ((isb ? col : row) * 4096 + iter) * (uint64_t)a->bytes;
}

struct run {
  struct perf_result r;
  struct hw_desc *hw;
  struct ir_module *m;         /* the decisions point into it */
};

/* Predict text over nblk blocks with `trip` iterations per loop. */
static void predict_box(const char *chip, char *text, size_t nblk, unsigned trip, ps_box_fn *box,
                        struct run *out) {
  const struct ir_op *entry;
  struct ir_module *m = ps_module(text, &entry);
  free(text);
  struct sim_trace t;
  ps_trace(&t, entry, nblk, trip, box, NULL);
  out->hw = ps_hw(chip);
  struct tt_diags d;
  tt_diags_init(&d);
  ck_assert_msg(perf_predict(out->hw, m, entry, &t, NULL, &out->r, &d.sink) == 0, "%s", d.text);
  ps_trace_free(&t);
  out->m = m;
}

static void predict(const char *chip, char *text, size_t nblk, unsigned trip, struct run *out) {
  predict_box(chip, text, nblk, trip, own_box, out);
}

static void done(struct run *r) {
  perf_result_free(&r->r);
  hw_desc_free(r->hw);
  ir_module_free(r->m);
}

static void near(double got, double want, double tol, const char *what) {
  double err = fabs(got - want) / want;
  ck_assert_msg(err <= tol, "%s: got %.4g want %.4g (%.1f%% off, %.0f%% allowed)", what, got,
                want, 100 * err, 100 * tol);
}

static char *copy_kernel(void) {
  const char *k =
    "cuda_tile.module @copy {\n"
    "  entry @copy(%a: tile<ptr<f32>>, %b: tile<ptr<f32>>, %m: tile<i32>, %n: tile<i32>) {\n"
    "    %ta = make_tensor_view %a, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>\n"
    "    %tb = make_tensor_view %b, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>\n"
    "    %pa = make_partition_view %ta : partition_view<tile=(64x256), tensor_view<?x?xf32, strides=[?,1]>>\n"
    "    %pb = make_partition_view %tb : partition_view<tile=(64x256), tensor_view<?x?xf32, strides=[?,1]>>\n"
    "    %bx, %by, %bz = get_tile_block_id : tile<i32>\n"
    "    %x, %t1 = load_view_tko weak %pa[%bx, %by] : partition_view<tile=(64x256), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> tile<64x256xf32>, token\n"
    "    %t2 = store_view_tko weak %x, %pb[%bx, %by] : tile<64x256xf32>, partition_view<tile=(64x256), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token\n"
    "  }\n"
    "}\n";
  return strdup(k);
}

static char *exp_kernel(void) {
  const char *k =
    "cuda_tile.module @ex {\n"
    "  entry @ex(%a: tile<ptr<f32>>, %m: tile<i32>, %trip: tile<i32>) {\n"
    "    %ta = make_tensor_view %a, shape = [%m, %m], strides = [%m, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>\n"
    "    %pa = make_partition_view %ta : partition_view<tile=(64x64), tensor_view<?x?xf32, strides=[?,1]>>\n"
    "    %bx, %by, %bz = get_tile_block_id : tile<i32>\n"
    "    %zero = constant <i32: 0> : tile<i32>\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    %x, %t1 = load_view_tko weak %pa[%bx, %zero] : partition_view<tile=(64x64), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> tile<64x64xf32>, token\n"
    "    %s = for %i in (%zero to %trip, step %one) : tile<i32>\n"
    "        iter_values(%acc = %x) -> (tile<64x64xf32>) {\n"
    "      %e = exp %x : tile<64x64xf32>\n"
    "      continue %e : tile<64x64xf32>\n"
    "    }\n"
    "  }\n"
    "}\n";
  return strdup(k);
}

/* Streaming copy: HBM bytes / time = bandwidth x achievable (TMA path),
** which is the definition of the measured anchors. */
static const struct stream { const char *chip, *id; double tbs; } stream[] = {
  { "b200", "b200-hbm-copy-tma", 7.26 },
  { "h100", "h100-hbm-copy", 3.0 },
};

START_TEST(hbm_stream) {
  const struct stream *s = &stream[_i];
  struct run r;
  size_t nblk = 132 * 148;
  predict(s->chip, copy_kernel(), nblk, 1, &r);
  double bytes = nblk * 2.0 * 64 * 256 * 4;
  near(r.r.hbm_bytes, bytes, 1e-9, "HBM bytes");
  double tbs = bytes / r.r.seconds * 1e-12;
  const struct hw_desc *d = r.hw;
  near(tbs, d->mem.hbm.bandwidth.v * d->mem.hbm.achievable.v * 1e-3, 0.05, "closed form");
  near(tbs, s->tbs, 0.10, s->id);
  ck_assert_str_eq(perf_unit_name(r.r.bottleneck), "hbm");
  done(&r);
}
END_TEST

/* Pure MMA: one wave of blocks, each issuing `trip` 128x256x64 bf16
** tiles = 4 instructions of 128 cycles on B200. */
START_TEST(pure_mma) {
  struct run r;
  unsigned trip = 2000;
  predict("b200", ps_mma_kernel(128, 256, 64, "bf16", false, ""), 148, trip, &r);
  near(r.r.cycles, trip * 4 * 128.0, 0.02, "cycles");
  ck_assert_str_eq(perf_unit_name(r.r.bottleneck), "mma");
  near(r.r.busy[PERF_U_MMA], 1.0, 0.02, "mma busy");
  done(&r);
}
END_TEST

/* Pure exp: 64x64 elements per exp at 16 per clock per SM. */
START_TEST(pure_exp) {
  struct run r;
  unsigned trip = 2000;
  predict("b200", exp_kernel(), 148, trip, &r);
  near(r.r.cycles, trip * 4096 / 16.0, 0.02, "cycles");
  ck_assert_str_eq(perf_unit_name(r.r.bottleneck), "sfu");
  done(&r);
}
END_TEST

/* Micro anchors replayed through the whole model: one block (on an SM
** pair for cta_group 2) issuing the same MMA `trip` times. */
static const struct replay {
  const char *id, *hint;
  unsigned m, n, blocks;
  bool ts;
  double measured;
} replay[] = {
  { "b200-umma-bf16-ss-128x64", "", 128, 64, 1, false, 48.6 },
  { "b200-umma-bf16-ss-128x256", "", 128, 256, 1, false, 128.6 },
  { "b200-umma-bf16-ts-128x64", "", 128, 64, 1, true, 32.5 },
  { "b200-umma-bf16-ss2-256x256", "optimization_hints=<sm_100 = {num_cta_in_cga = 2}>", 256, 256, 1,
    false, 128.7 },
};

START_TEST(micro_replay) {
  const struct replay *p = &replay[_i];
  struct run r;
  unsigned trip = 4000;
  predict("b200", ps_mma_kernel(p->m, p->n, 16, "bf16", p->ts, p->hint), p->blocks, trip, &r);
  near(r.r.cycles / trip, p->measured, 0.10, p->id);
  done(&r);
}
END_TEST

/* Tiled GEMM: waves and tails fall out of dispatch. 149 blocks on 148
** SMs take two block times. */
START_TEST(tail_wave) {
  struct run a, b;
  predict("b200", ps_mma_kernel(128, 256, 64, "bf16", false, ""), 148, 500, &a);
  predict("b200", ps_mma_kernel(128, 256, 64, "bf16", false, ""), 149, 500, &b);
  near(b.r.cycles / a.r.cycles, 2.0, 0.05, "tail");
  ck_assert_uint_eq(b.r.waves, 2);
  done(&a);
  done(&b);
}
END_TEST

/* A GEMM mainloop keeps the matrix unit busy when loads hit L2. */
START_TEST(gemm_mainloop) {
  struct run r;
  predict_box("b200", ps_gemm_kernel(128, 256, 64, "bf16", ""), 144, 256, gemm_box, &r);
  ck_assert_msg(r.r.busy[PERF_U_MMA] > 0.5, "mma busy %.2f", r.r.busy[PERF_U_MMA]);
  ck_assert_msg(r.r.util > 0.4 && r.r.util < 1.0, "util %.2f", r.r.util);
  struct ts_buf b = {0};
  ck_assert_int_eq(perf_print_json(&r.r, r.hw, &b), 0);
  ck_assert_ptr_nonnull(strstr(b.s, "\"bottleneck\": "));
  ts_buf_free(&b);
  ck_assert_int_eq(perf_print_text(&r.r, r.hw, true, &b), 0);
  ck_assert_ptr_nonnull(strstr(b.s, "mapping:"));
  ts_buf_free(&b);
  done(&r);
}
END_TEST

/* The timeline: the watched SMs' tasks, in start order, adding up to the
** busy time the result reports. */
struct slices { size_t n; double last, mma; bool ordered; unsigned sm_max; };

static void on_slice(void *ud, const struct perf_slice *sl) {
  struct slices *c = ud;
  if (sl->t0 < c->last) c->ordered = false;
  c->last = sl->t0;
  if (sl->unit == PERF_U_MMA) c->mma += sl->t1 - sl->t0;
  if (sl->sm > c->sm_max) c->sm_max = sl->sm;
  c->n++;
}

START_TEST(timeline) {
  const struct ir_op *entry;
  char *text = ps_gemm_kernel(128, 256, 64, "bf16", "");
  struct ir_module *m = ps_module(text, &entry);
  free(text);
  struct sim_trace t;
  ps_trace(&t, entry, 144, 32, gemm_box, NULL);
  struct hw_desc *hw = ps_hw("b200");
  struct slices c = { 0, 0, 0, true, 0 };
  struct perf_opts o = { on_slice, &c, 0, 3 };
  struct perf_result r;
  struct tt_diags d;
  tt_diags_init(&d);
  ck_assert_int_eq(perf_predict(hw, m, entry, &t, &o, &r, &d.sink), 0);
  ck_assert(c.n > 0);
  ck_assert_msg(c.ordered, "slices out of start order");
  ck_assert_uint_le(c.sm_max, 3);
  /* SMs 0..3 are busy on the MMA unit about as the average SM is */
  near(c.mma / 4, r.busy[PERF_U_MMA] * r.seconds, 0.05, "mma slices");
  perf_result_free(&r);
  hw_desc_free(hw);
  ps_trace_free(&t);
  ir_module_free(m);
}
END_TEST

Suite *suite_perf_model(void) {
  Suite *s = suite_create("perf_model");
  TCase *tc = tcase_create("closed_form");
  tcase_add_loop_test(tc, hbm_stream, 0, sizeof stream / sizeof *stream);
  tcase_add_test(tc, pure_mma);
  tcase_add_test(tc, pure_exp);
  tcase_add_test(tc, tail_wave);
  tcase_add_test(tc, gemm_mainloop);
  tcase_add_test(tc, timeline);
  suite_add_tcase(s, tc);
  tc = tcase_create("micro");
  tcase_add_loop_test(tc, micro_replay, 0, sizeof replay / sizeof *replay);
  suite_add_tcase(s, tc);
  return s;
}
