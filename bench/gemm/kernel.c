/*
** kernel.c -- time sim_gemm (src/sim/sim_gemm.c) alone, every path this
** processor has, on one thread:
**   tile    128x128x64, bf16 inputs, accumulator apart from the result: one
**           mmaf of bench/gemm/gemm_bf16.mlir as the interpreter calls it
**   tile    the same with f32 inputs, in place
**   big     N x N x N f32 in one call (default N = 2048; the C path: 256)
** and mma_gemm (src/sim/sim_mma_model.c) with the sm100 profile on the
** bf16 tile: the B200's tensor-core arithmetic (its vector path where the
** processor has AVX-512).
** GFLOP/s = 2 m n k / the best of several timings.  bench/gemm/run builds
** and runs it when TILESIM lies in a build tree:
**   cc -O2 -I SRC/src/sim -I SRC/src/ir -I BUILD bench/gemm/kernel.c \
**      BUILD/.libs/libtscore.a -lm -fopenmp -lxml2 -lz -o kernel && ./kernel [N]
*/
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim_gemm.h"
#include "sim_mma_model.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Random bf16 bit patterns of values in [-2, 2), and the same as f32. */
static void fill(uint16_t *h, float *f, int64_t n, uint64_t seed) {
  for (int64_t i = 0; i < n; i++) {
    seed = seed * 6364136223846793005u + 1442695040888963407u;
    uint32_t u = (uint32_t)(0x3F80 | (seed >> 57)) << 16;
    if (seed >> 56 & 1) u ^= 0x80000000u;
    h[i] = (uint16_t)(u >> 16);
    memcpy(&f[i], &u, 4);
  }
}

/* GFLOP/s of sim_gemm_fma on path p: the best of rounds of reps calls. */
static double rate(enum sim_gemm_path p, int64_t m, int64_t n, int64_t k, enum sim_gemm_in t,
                   const void *a, const void *b, const float *c0, float *c, int reps) {
  double best = 1e30;
  for (int round = 0; round < 7; round++) {
    double t0 = now();
    for (int i = 0; i < reps; i++)
      if (sim_gemm_fma_path(p, m, n, k, t, a, k, t, b, n, c0, c, n)) return 0;
    double dt = (now() - t0) / reps;
    if (dt < best) best = dt;
  }
  return 2.0 * (double)m * (double)n * (double)k / best / 1e9;
}

int main(int argc, char **argv) {
  int64_t big = argc > 1 ? atoll(argv[1]) : 2048, tn = 128 * 128;
  int64_t most = big * big > tn ? big * big : tn;
  uint16_t *ah = malloc((size_t)most * 2), *bh = malloc((size_t)most * 2);
  float *af = malloc((size_t)most * 4), *bf = malloc((size_t)most * 4);
  float *c0 = calloc((size_t)most, 4), *c = calloc((size_t)most, 4);
  if (!ah || !bh || !af || !bf || !c0 || !c) return 1;
  fill(ah, af, most, 1);
  fill(bh, bf, most, 2);
  printf("sim_gemm alone, 1 thread, GFLOP/s (best of 7)\n");
  printf("%-8s %24s %24s %24s\n", "path", "128x128x64 bf16 apart", "128x128x64 f32 in place",
         "big f32 in place");
  for (int p = 0; p < SIM_GEMM_NPATHS; p++) {
    if (!sim_gemm_path_ok((enum sim_gemm_path)p)) continue;
    int fast = p != SIM_GEMM_C;
    int64_t n = fast ? big : (big < 256 ? big : 256);
    double r1 = rate(p, 128, 128, 64, SIM_GEMM_BF16, ah, bh, c0, c, fast ? 200 : 2);
    double r2 = rate(p, 128, 128, 64, SIM_GEMM_F32, af, bf, c, c, fast ? 200 : 2);
    double r3 = rate(p, n, n, n, SIM_GEMM_F32, af, bf, c, c, 1);
    char lab[32];
    snprintf(lab, sizeof lab, "%.1f (N=%lld)", r3, (long long)n);
    printf("%-8s %24.1f %24.1f %24s\n", sim_gemm_path_name((enum sim_gemm_path)p), r1, r2, lab);
  }
  struct mma_cfg g;
  if (mma_cfg_init(&g, mma_profile_find("sm100"), EL_BF16, EL_F32)) return 1;
  double best = 1e30;
  for (int round = 0; round < 7; round++) {
    double t0 = now();
    for (int i = 0; i < 20; i++)
      if (mma_gemm(&g, 128, 128, 64, ah, 64, bh, 128, c0, 128, c, 128, false)) return 1;
    double dt = (now() - t0) / 20;
    if (dt < best) best = dt;
  }
  printf("mma_gemm, sm100 profile, 128x128x64 bf16 apart: %.1f GFLOP/s\n",
         2.0 * 128 * 128 * 64 / best / 1e9);
  return 0;
}
