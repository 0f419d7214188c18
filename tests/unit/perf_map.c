/*
** perf_map.c -- tests of the mapper (src/models/perf_map.c): which MMA
** instruction, operand sources, accumulator placement, pipeline depth and
** residency it chooses for a kernel on each chip, and the instruction-level
** model against the B200 microbenchmarks of perf-anchors-micro.csv.
*/
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perf_int.h"
#include "testlib.h"
#include "perf_synth.h"

/* The text of the first decision about `what`, or "". */
static const char *decision(const struct perf_map *pm, const char *what) {
  for (unsigned i = 0; i < pm->ndec; i++)
    if (!strcmp(pm->dec[i].what, what)) return pm->dec[i].text;
  return "";
}

/* Map a kernel text on chip; the caller frees the map and module. */
static struct ir_module *map(const char *chip, char *text, struct perf_map *pm,
                             struct hw_desc **hw) {
  const struct ir_op *entry;
  struct ir_module *m = ps_module(text, &entry);
  free(text);
  *hw = ps_hw(chip);
  struct tt_diags d;
  tt_diags_init(&d);
  ck_assert_msg(perf_map_build(*hw, m, entry, pm, &d.sink) == 0, "map: %s", d.text);
  return m;
}

static void unmap(struct ir_module *m, struct perf_map *pm, struct hw_desc *hw) {
  perf_map_free(pm);
  hw_desc_free(hw);
  ir_module_free(m);
}

#define HAS(s, sub) ck_assert_msg(strstr((s), (sub)) != NULL, "want '%s' in '%s'", (sub), (s))

START_TEST(b200_one_cta) {
  struct perf_map pm;
  struct hw_desc *hw;
  struct ir_module *m = map("b200", ps_gemm_kernel(128, 256, 64, "bf16", ""), &pm, &hw);
  HAS(decision(&pm, "mma.inst"), "tcgen05.mma.cta_group::1.kind::f16 m128n256k16 bf16 x4");
  HAS(decision(&pm, "mma.inst"), "A from SMEM, B from SMEM");
  HAS(decision(&pm, "mma.acc"), "TMEM: 256 columns");
  HAS(decision(&pm, "pipeline.stages"), "4 stages of 48 KiB");
  HAS(decision(&pm, "residency"), "1 block per SM");
  ck_assert_uint_eq(pm.cta_group, 1);
  ck_assert_int_eq(pm.dtype, HW_DT_BF16);
  unmap(m, &pm, hw);
}
END_TEST

START_TEST(b200_cta_pair) {
  struct perf_map pm;
  struct hw_desc *hw;
  struct ir_module *m = map("b200", ps_gemm_kernel(256, 256, 64, "bf16",
                                                   "optimization_hints=<sm_100 = {num_cta_in_cga = 2}>"),
                            &pm, &hw);
  ck_assert_uint_eq(pm.cta_group, 2);
  HAS(decision(&pm, "mma.cta_group"), "half of B");
  HAS(decision(&pm, "mma.inst"), "cta_group::2.kind::f16 m256n256k16");
  /* each SM of the pair holds half of A and half of B: 16 + 16 KiB a stage */
  HAS(decision(&pm, "pipeline.stages"), "of 32 KiB");
  unmap(m, &pm, hw);
}
END_TEST

START_TEST(b200_ts_operand) {
  struct perf_map pm;
  struct hw_desc *hw;
  struct ir_module *m = map("b200", ps_mma_kernel(128, 64, 16, "bf16", true, ""), &pm, &hw);
  HAS(decision(&pm, "mma.inst"), "A from TMEM");
  unmap(m, &pm, hw);
}
END_TEST

START_TEST(h100_wgmma) {
  struct perf_map pm;
  struct hw_desc *hw;
  struct ir_module *m = map("h100", ps_gemm_kernel(128, 256, 64, "bf16", ""), &pm, &hw);
  HAS(decision(&pm, "mma.inst"), "wgmma.mma_async");
  HAS(decision(&pm, "mma.inst"), "m64n256k16 bf16 x8");
  HAS(decision(&pm, "mma.acc"), "registers: 128 KiB");
  HAS(decision(&pm, "registers"), "take 128 of 256 KiB");
  ck_assert_ptr_null(strstr(decision(&pm, "registers"), "spill"));
  unmap(m, &pm, hw);
}
END_TEST

/* The plan of the first op named nm. */
static const struct perf_opplan *plan_named(const struct perf_map *pm, const char *nm) {
  for (unsigned i = 0; i < pm->nplan; i++)
    if (!strcmp(ir_optab[pm->plan[i].op->code].name, nm)) return &pm->plan[i];
  return NULL;
}

/* Hopper's 128-row tile MMA is two warpgroups' wgmma streams, which the
** model may interleave with other MMAs; a 64-row tile is one stream, and
** tcgen05 (one issuing thread) never splits: it runs in order. */
START_TEST(split_issuers) {
  static const struct { const char *chip; unsigned m; bool split; } k[] = {
    { "h100", 128, true }, { "h100", 64, false }, { "b200", 128, false }, { "mi355x", 256, false },
  };
  for (size_t i = 0; i < sizeof k / sizeof *k; i++) {
    struct perf_map pm;
    struct hw_desc *hw;
    struct ir_module *m = map(k[i].chip, ps_gemm_kernel(k[i].m, 256, 64, "bf16", ""), &pm, &hw);
    const struct perf_opplan *pl = plan_named(&pm, "mmaf");
    ck_assert_ptr_nonnull(pl);
    ck_assert_msg(pl->split == k[i].split, "%s M=%u: split %d, want %d", k[i].chip, k[i].m,
                  pl->split, k[i].split);
    /* only tcgen05 (one issuing thread, TMEM accumulators) fills idle intervals in order */
    ck_assert_msg(pl->inorder == !strcmp(k[i].chip, "b200"), "%s: inorder %d", k[i].chip, pl->inorder);
    unmap(m, &pm, hw);
  }
}
END_TEST

/* Register accumulators on NVIDIA take register-file port cycles: a
** wgmma reads and writes its f32 accumulator once per instruction, half of
** the ports' 16 B per FP32 lane for bf16 and fp8 alike; TMEM accumulators
** (tcgen05) and MFMA take none. */
START_TEST(register_ports) {
  static const struct { const char *chip, *type; double share; } k[] = {
    { "h100", "bf16", 0.5 }, { "h100", "f8E4M3FN", 0.5 }, { "b200", "bf16", 0 }, { "mi355x", "bf16", 0 },
  };
  for (size_t i = 0; i < sizeof k / sizeof *k; i++) {
    struct perf_map pm;
    struct hw_desc *hw;
    struct ir_module *m = map(k[i].chip, ps_gemm_kernel(128, 256, 64, k[i].type, ""), &pm, &hw);
    const struct perf_opplan *pl = plan_named(&pm, "mmaf");
    ck_assert_ptr_nonnull(pl);
    double mma = pl->mma_cyc > pl->smem_cyc ? pl->mma_cyc : pl->smem_cyc;
    ck_assert_msg(fabs(pl->rf_cyc / mma - k[i].share) < 1e-9, "%s %s: port share %g, want %g",
                  k[i].chip, k[i].type, pl->rf_cyc / mma, k[i].share);
    ck_assert(pm.rf_acc == (k[i].share > 0));
    if (k[i].share > 0) HAS(decision(&pm, "registers.ports"), "1024 B/clk of the register file's 2048");
    else ck_assert_str_eq(decision(&pm, "registers.ports"), "");
    unmap(m, &pm, hw);
  }
}
END_TEST

/* f32 -> bf16 packs two results per lane operation */
START_TEST(packed_convert) {
  struct perf_map pm;
  struct hw_desc *hw;
  static const char k[] =
    "cuda_tile.module @k {\n"
    "  entry @k() {\n"
    "    %c = constant <f32: 1.0> : tile<128x256xf32>\n"
    "    %d = ftof %c : tile<128x256xf32> -> tile<128x256xbf16>\n"
    "  }\n"
    "}\n";
  char *text = malloc(sizeof k);
  ck_assert_ptr_nonnull(text);
  memcpy(text, k, sizeof k);
  struct ir_module *m = map("h100", text, &pm, &hw);
  const struct perf_opplan *pl = plan_named(&pm, "ftof");
  ck_assert_ptr_nonnull(pl);
  double want = 128.0 * 256 / 2 / hw->sm.fp32.lanes.v;
  ck_assert_msg(fabs(pl->fp32_cyc - want) < 1e-9, "ftof: %g cycles, want %g", pl->fp32_cyc, want);
  unmap(m, &pm, hw);
}
END_TEST

/* a 256x256 f32 accumulator (256 KiB) plus anything else exceeds Hopper's
** 256 KiB register file: reported as a spill */
START_TEST(register_pressure) {
  struct perf_map pm;
  struct hw_desc *hw;
  struct ir_module *m = map("h100", ps_mma_kernel(256, 256, 64, "bf16", true, ""), &pm, &hw);
  HAS(decision(&pm, "registers"), "do not fit");
  unmap(m, &pm, hw);
}
END_TEST

START_TEST(mi355x_new_encoding) {
  struct perf_map pm;
  struct hw_desc *hw;
  struct ir_module *m = map("mi355x", ps_gemm_kernel(256, 256, 64, "bf16", ""), &pm, &hw);
  /* the K-doubled CDNA4 encoding, not the half-rate CDNA3 one */
  HAS(decision(&pm, "mma.inst"), "v_mfma_f32_32x32x16_{f16,bf16}");
  ck_assert_ptr_null(strstr(decision(&pm, "mma.inst"), "CDNA3"));
  HAS(decision(&pm, "mma.acc"), "registers");
  HAS(decision(&pm, "loads"), "direct to LDS");
  HAS(decision(&pm, "pipeline.stages"), "2 stages of 64 KiB");
  unmap(m, &pm, hw);
}
END_TEST

START_TEST(smem_overflow) {
  struct perf_map pm;
  struct hw_desc *hw;
  /* a 256x256x256 bf16 stage is 256 KiB: more than a block may use */
  struct ir_module *m = map("b200", ps_gemm_kernel(128, 256, 512, "bf16", ""), &pm, &hw);
  HAS(decision(&pm, "pipeline.stages"), "does not fit");
  unmap(m, &pm, hw);
}
END_TEST

START_TEST(set_rate) {
  const struct ir_op *entry;
  char *text = ps_gemm_kernel(128, 256, 64, "bf16", "");
  struct ir_module *m = ps_module(text, &entry);
  free(text);
  struct hw_desc *hw = ps_hw("b200");
  struct tt_diags d;
  tt_diags_init(&d);
  struct perf_map pm;
  /* a what-if that cripples the M=128 family: the mapper moves to M=64 */
  ck_assert_int_eq(hw_desc_set(hw, "sm.mma.bf16.m128n256k16.rate", "1", &d.sink), 0);
  ck_assert_int_eq(perf_map_build(hw, m, entry, &pm, &d.sink), 0);
  HAS(decision(&pm, "mma.inst"), "m64n256k16");
  perf_map_free(&pm);
  hw_desc_free(hw);
  ir_module_free(m);
}
END_TEST

/* A type the chip has no MMA for is one clear error at the mmaf. */
START_TEST(no_instruction) {
  const struct ir_op *entry;
  char *text = ps_gemm_kernel(128, 256, 64, "f32", "");
  struct ir_module *m = ps_module(text, &entry);
  free(text);
  struct hw_desc *hw = ps_hw("mi355x");
  struct tt_diags d;
  tt_diags_init(&d);
  struct perf_map pm;
  ck_assert_int_eq(perf_map_build(hw, m, entry, &pm, &d.sink), -1);
  HAS(d.text, "mi355x has no MMA instruction for a 128x256x64 tf32 tile");
  perf_map_free(&pm);
  hw_desc_free(hw);
  ir_module_free(m);
}
END_TEST

/* A tile smaller than the smallest asynchronous instruction: NVIDIA chips
** use the warp-level mma.sync, CDNA pads to its smallest MFMA and says
** how much of the work is wasted. */
START_TEST(small_tile) {
  static const char *const nv[] = { "b200", "h100" };
  for (int i = 0; i < 2; i++) {
    struct perf_map pm;
    struct hw_desc *hw;
    struct ir_module *m = map(nv[i], ps_gemm_kernel(32, 32, 32, "f16", ""), &pm, &hw);
    HAS(decision(&pm, "mma.inst"), "mma.sync.aligned.m16n8k16 (f16/bf16) m16n8k16 f16 x16");
    ck_assert_str_eq(decision(&pm, "mma.pad"), "");
    unmap(m, &pm, hw);
  }
  struct perf_map pm;
  struct hw_desc *hw;
  struct ir_module *m = map("mi355x", ps_gemm_kernel(16, 8, 32, "bf16", ""), &pm, &hw);
  HAS(decision(&pm, "mma.pad"), "padded to m16n16k32, 50% of the matrix unit's work wasted");
  unmap(m, &pm, hw);
}
END_TEST

/* An mmaf_scaled kernel: M x N x K e4m3 with e8m0 scales per 32 of K. */
static char *scaled_kernel(unsigned M, unsigned N, unsigned K) {
  char *s = malloc(8192);
  ck_assert_ptr_nonnull(s);
  unsigned ks = K / 32;
  snprintf(s, 8192,
    "cuda_tile.module @synth {\n"
    "  entry @g(%%a: tile<ptr<f8E4M3FN>>, %%b: tile<ptr<f8E4M3FN>>, %%sa: tile<ptr<f8E8M0FNU>>,\n"
    "           %%sb: tile<ptr<f8E8M0FNU>>, %%c: tile<ptr<f32>>, %%n: tile<i32>) {\n"
    "    %%ta = make_tensor_view %%a, shape = [%%n, %%n], strides = [%%n, 1] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[?,1]>\n"
    "    %%tb = make_tensor_view %%b, shape = [%%n, %%n], strides = [%%n, 1] : tile<i32> -> tensor_view<?x?xf8E4M3FN, strides=[?,1]>\n"
    "    %%tsa = make_tensor_view %%sa, shape = [%%n, %%n], strides = [%%n, 1] : tile<i32> -> tensor_view<?x?xf8E8M0FNU, strides=[?,1]>\n"
    "    %%tsb = make_tensor_view %%sb, shape = [%%n, %%n], strides = [%%n, 1] : tile<i32> -> tensor_view<?x?xf8E8M0FNU, strides=[?,1]>\n"
    "    %%pa = make_partition_view %%ta : partition_view<tile=(%ux%u), tensor_view<?x?xf8E4M3FN, strides=[?,1]>>\n"
    "    %%pb = make_partition_view %%tb : partition_view<tile=(%ux%u), tensor_view<?x?xf8E4M3FN, strides=[?,1]>>\n"
    "    %%psa = make_partition_view %%tsa : partition_view<tile=(%ux%u), tensor_view<?x?xf8E8M0FNU, strides=[?,1]>>\n"
    "    %%psb = make_partition_view %%tsb : partition_view<tile=(%ux%u), tensor_view<?x?xf8E8M0FNU, strides=[?,1]>>\n"
    "    %%z = constant <i32: 0> : tile<i32>\n"
    "    %%ct = constant <f32: 0.0> : tile<%ux%uxf32>\n"
    "    %%at, %%t1 = load_view_tko weak %%pa[%%z, %%z] : partition_view<tile=(%ux%u), tensor_view<?x?xf8E4M3FN, strides=[?,1]>>, tile<i32> -> tile<%ux%uxf8E4M3FN>, token\n"
    "    %%bt, %%t2 = load_view_tko weak %%pb[%%z, %%z] : partition_view<tile=(%ux%u), tensor_view<?x?xf8E4M3FN, strides=[?,1]>>, tile<i32> -> tile<%ux%uxf8E4M3FN>, token\n"
    "    %%sat, %%t3 = load_view_tko weak %%psa[%%z, %%z] : partition_view<tile=(%ux%u), tensor_view<?x?xf8E8M0FNU, strides=[?,1]>>, tile<i32> -> tile<%ux%uxf8E8M0FNU>, token\n"
    "    %%sbt, %%t4 = load_view_tko weak %%psb[%%z, %%z] : partition_view<tile=(%ux%u), tensor_view<?x?xf8E8M0FNU, strides=[?,1]>>, tile<i32> -> tile<%ux%uxf8E8M0FNU>, token\n"
    "    %%r = mmaf_scaled %%at, %%bt, %%ct, %%sat, %%sbt : tile<%ux%uxf8E4M3FN>, tile<%ux%uxf8E4M3FN>, tile<%ux%uxf32>, tile<%ux%uxf8E8M0FNU>, tile<%ux%uxf8E8M0FNU>\n"
    "  }\n"
    "}\n",
    M, K, K, N, M, ks, ks, N, M, N, M, K, M, K, K, N, K, N, M, ks, M, ks, ks, N, ks, N,
    M, K, K, N, M, N, M, ks, ks, N);
  return s;
}

/* mmaf_scaled: the block-scaled MMA where the chip has one for the tile;
** else dequantize on the FP32 lanes and use the plain bf16 MMA. */
START_TEST(scaled_choice) {
  struct perf_map pm;
  struct hw_desc *hw;
  struct ir_module *m = map("b200", scaled_kernel(128, 128, 128), &pm, &hw);
  HAS(decision(&pm, "mma.scale"), "block-scaled mxf8 MMA");
  HAS(decision(&pm, "mma.inst"), "block_scale m128n128k32 mxf8");
  unmap(m, &pm, hw);
  m = map("h100", scaled_kernel(128, 128, 128), &pm, &hw);
  HAS(decision(&pm, "mma.scale"), "no block-scaled MMA for a 128x128x128 mxf8 tile on h100: A and B "
      "dequantized to bf16");
  HAS(decision(&pm, "mma.inst"), "wgmma");
  HAS(decision(&pm, "mma.inst"), "bf16");
  const struct perf_opplan *pl = plan_named(&pm, "mmaf_scaled");
  ck_assert(pl->fp32_cyc > 0);
  unmap(m, &pm, hw);
  m = map("b200", scaled_kernel(16, 8, 128), &pm, &hw);
  HAS(decision(&pm, "mma.scale"), "the block-scaled MMA would have to pad the 16x8x128 mxf8 tile");
  HAS(decision(&pm, "mma.inst"), "mma.sync");
  unmap(m, &pm, hw);
  m = map("mi355x", scaled_kernel(16, 8, 128), &pm, &hw);
  HAS(decision(&pm, "mma.scale"), "block-scaled mxf8 MMA");
  HAS(decision(&pm, "mma.pad"), "padded to m16n16k128, 50%");
  unmap(m, &pm, hw);
}
END_TEST

/* ---- the instruction-level model against perf-anchors-micro.csv ---- */

/* B200 rows (SemiAnalysisAI/microbench-blackwell): cycles per MMA per SM
** (per pair for cta_group 2), or latency in cycles. */
static const struct micro {
  const char *id, *dtype;
  bool ts, latency;
  unsigned cta, m, n, k;
  double measured;
} micro[] = {
  { "b200-umma-bf16-ss-128x64", "bf16", false, false, 1, 128, 64, 16, 48.6 },
  { "b200-umma-bf16-ss-128x128", "bf16", false, false, 1, 128, 128, 16, 64.6 },
  { "b200-umma-bf16-ss-128x256", "bf16", false, false, 1, 128, 256, 16, 128.6 },
  { "b200-umma-bf16-ss-64x256", "bf16", false, false, 1, 64, 256, 16, 128.6 },
  { "b200-umma-bf16-ts-128x64", "bf16", true, false, 1, 128, 64, 16, 32.5 },
  { "b200-umma-bf16-ss2-128x64", "bf16", false, false, 2, 128, 64, 16, 25.7 },
  { "b200-umma-bf16-ss2-256x64", "bf16", false, false, 2, 256, 64, 16, 43.7 },
  { "b200-umma-bf16-ss2-256x256", "bf16", false, false, 2, 256, 256, 16, 128.7 },
  { "b200-umma-e4m3-ss-128x256", "e4m3", false, false, 1, 128, 256, 32, 128.3 },
  { "b200-umma-e4m3-ss2-256x256", "e4m3", false, false, 2, 256, 256, 32, 128.4 },
  { "b200-umma-mxf4-ss-128x256", "mxf4", false, false, 1, 128, 256, 64, 128.2 },
  { "b200-umma-lat-bf16-ss-128x64", "bf16", false, true, 1, 128, 64, 16, 168 },
  { "b200-umma-lat-bf16-ss-128x256", "bf16", false, true, 1, 128, 256, 16, 264 },
  { "b200-umma-lat-bf16-ss2-256x256", "bf16", false, true, 2, 256, 256, 16, 298 },
};

START_TEST(micro_anchor) {
  const struct micro *r = &micro[_i];
  struct hw_desc *hw = ps_hw("b200");
  const struct hw_mma *f = hw_mma_find(hw, (enum hw_dtype)hw_dtype_parse(r->dtype), r->m, r->n,
                                       r->k, r->cta);
  ck_assert_msg(f != NULL, "%s: no family", r->id);
  unsigned a = r->ts ? HW_OPND_TMEM : HW_OPND_SMEM;
  double got = r->latency ? hw_mma_latency(hw, f, r->n, a)
                          : perf_mma_issue_cycles(hw, f, r->m, r->n, r->k, a, HW_OPND_SMEM, NULL);
  double err = fabs(got - r->measured) / r->measured;
  ck_assert_msg(err <= 0.10, "%s: predicted %.1f cycles, measured %.1f (%.1f%%)", r->id, got,
                r->measured, 100 * err);
  hw_desc_free(hw);
}
END_TEST

Suite *suite_perf_map(void) {
  Suite *s = suite_create("perf_map");
  TCase *tc = tcase_create("decisions");
  tcase_add_test(tc, b200_one_cta);
  tcase_add_test(tc, b200_cta_pair);
  tcase_add_test(tc, b200_ts_operand);
  tcase_add_test(tc, h100_wgmma);
  tcase_add_test(tc, mi355x_new_encoding);
  tcase_add_test(tc, split_issuers);
  tcase_add_test(tc, register_pressure);
  tcase_add_test(tc, packed_convert);
  tcase_add_test(tc, smem_overflow);
  tcase_add_test(tc, set_rate);
  tcase_add_test(tc, no_instruction);
  tcase_add_test(tc, small_tile);
  tcase_add_test(tc, register_ports);
  tcase_add_test(tc, scaled_choice);
  suite_add_tcase(s, tc);
  tc = tcase_create("micro");
  tcase_add_loop_test(tc, micro_anchor, 0, sizeof micro / sizeof *micro);
  suite_add_tcase(s, tc);
  return s;
}
