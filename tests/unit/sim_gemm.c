/*
** sim_gemm.c -- unit tests of src/sim/sim_gemm.c: every path this
** processor has (portable C always; AVX2 and AVX-512 where present) must
** give the bits of a naive loop of fmaf() in ascending k, NaN results
** stored as SIM_GEMM_NAN:
**   shapes     edge sizes around each path's register block (MR x NR) and
**              cache blocks (KC, MC, NC), the mmaf tile shapes, strides
**              wider than the matrices (c's padding must stay untouched),
**              f32, bf16 and f16 inputs
**   specials   NaN (quiet, signaling, payloads, signs), infinities, signed
**              zeros, subnormals, overflow and exact cancellation
**   api        the empty shapes, the path table, the plain calls
** Each shape runs in place (c0 = c) and with the initial values apart.
*/
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_fp.h"
#include "sim_gemm.h"
#include "testlib.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static float ffrom(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }

/* xorshift64*: the same numbers on every machine. */
static uint64_t rnd(uint64_t *s) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * UINT64_C(2685821657736338717);
}

static size_t in_size(enum sim_gemm_in t) { return t == SIM_GEMM_F32 ? 4 : 2; }

/* Element i of x (type t) as f32, widened independently of sim_gemm. */
static float elem(enum sim_gemm_in t, const void *x, int64_t i) {
  uint16_t h;
  if (t == SIM_GEMM_F32) { float f; memcpy(&f, (const char *)x + i * 4, 4); return f; }
  memcpy(&h, (const char *)x + i * 2, 2);
  return t == SIM_GEMM_F16 ? fp_f16_to_f32(h) : ffrom((uint32_t)h << 16);
}

/* The count elements of type t at x widened to f32 (malloc'd). */
static float *widened(enum sim_gemm_in t, const void *x, int64_t count) {
  float *w = malloc((size_t)(count ? count : 1) * sizeof *w);
  ck_assert(w != NULL);
  for (int64_t i = 0; i < count; i++) w[i] = elem(t, x, i);
  return w;
}

/* The model, spelled out: one fmaf per product, k ascending. */
static void ref_gemm(int64_t m, int64_t n, int64_t k, enum sim_gemm_in ta, const void *a,
                     int64_t lda, enum sim_gemm_in tb, const void *b, int64_t ldb, float *c,
                     int64_t ldc) {
  float *x = widened(ta, a, m * lda), *y = widened(tb, b, k * ldb);
  for (int64_t i = 0; i < m; i++)
    for (int64_t j = 0; j < n; j++) {
      float acc = c[i * ldc + j];
      for (int64_t kk = 0; kk < k; kk++) acc = fmaf(x[i * lda + kk], y[kk * ldb + j], acc);
      c[i * ldc + j] = acc != acc ? ffrom(SIM_GEMM_NAN) : acc;
    }
  free(x);
  free(y);
}

/* Special values of each type, as bits. */
static const uint32_t sp_f32[] = {
  0x00000000, 0x80000000, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00001, 0x7FA00000,
  0x7F800001, 0x00000001, 0x80000001, 0x007FFFFF, 0x00400000, 0x00800000, 0x7F7FFFFF,
  0xFF7FFFFF, 0x3F800000, 0xBF800000, 0x1F800000, 0x5F800000
};
static const uint16_t sp_bf16[] = {
  0x0000, 0x8000, 0x7F80, 0xFF80, 0x7FC0, 0xFFC1, 0x7F81, 0x0001, 0x8001, 0x007F, 0x0080,
  0x7F7F, 0xFF7F, 0x3F80, 0xBF80, 0x1F80, 0x5F80
};
static const uint16_t sp_f16[] = {
  0x0000, 0x8000, 0x7C00, 0xFC00, 0x7E00, 0xFE01, 0x7C01, 0x0001, 0x8001, 0x03FF, 0x0400,
  0x7BFF, 0xFBFF, 0x3C00, 0xBC00
};

/* A random value of type t: sign, a wide range of exponents and full
** mantissas (so a reordered sum would round differently), and with
** probability special/256 one of the special values. */
static uint32_t rand_bits(enum sim_gemm_in t, uint64_t *s, unsigned special) {
  uint64_t r = rnd(s);
  bool sp = (r & 255) < special;
  r >>= 8;
  switch (t) {
  case SIM_GEMM_F32:
    if (sp) return sp_f32[r % N(sp_f32)];
    return (uint32_t)(r & 0x807FFFFF) | (uint32_t)(112 + (r >> 32) % 24) << 23;
  case SIM_GEMM_BF16:
    if (sp) return sp_bf16[r % N(sp_bf16)];
    return (uint32_t)(r & 0x807F) | (uint32_t)(120 + (r >> 32) % 12) << 7;
  default:
    if (sp) return sp_f16[r % N(sp_f16)];
    return (uint32_t)(r & 0x83FF) | (uint32_t)(9 + (r >> 32) % 12) << 10;
  }
}

static void *rand_matrix(enum sim_gemm_in t, int64_t count, uint64_t *s, unsigned special) {
  unsigned char *x = malloc((size_t)(count ? count : 1) * in_size(t));
  ck_assert(x != NULL);
  for (int64_t i = 0; i < count; i++) {
    uint32_t v = rand_bits(t, s, special);
    memcpy(x + i * (int64_t)in_size(t), t == SIM_GEMM_F32 ? (void *)&v : (void *)&(uint16_t){(uint16_t)v},
           in_size(t));
  }
  return x;
}

struct shape { int64_t m, n, k, pad_a, pad_b, pad_c; };

/* The first element of got (m x n within row stride ldc) that differs
** from want, the padding past n compared with pad when pad is not NULL;
** -1 when none. */
static int64_t first_diff(const float *got, const float *want, const float *pad, int64_t m,
                          int64_t n, int64_t ldc) {
  for (int64_t i = 0; i < m * ldc; i++) {
    const float *w = i % ldc < n || !pad ? want : pad;
    if (fbits(got[i]) != fbits(w[i])) return i;
  }
  return -1;
}

/* Run one shape with types ta, tb on every available path, in place (c0
** = c) and apart (c0 the initial values, c elsewhere: its padding must
** keep its bytes); return the number of runs whose bits differ from the
** reference, after printing the first difference of each. */
static int check_shape(struct shape sh, enum sim_gemm_in ta, enum sim_gemm_in tb, uint64_t seed,
                       unsigned special) {
  int64_t lda = sh.k + sh.pad_a, ldb = sh.n + sh.pad_b, ldc = sh.n + sh.pad_c;
  uint64_t s = seed;
  void *a = rand_matrix(ta, sh.m * lda, &s, special), *b = rand_matrix(tb, sh.k * ldb, &s, special);
  float *c0 = rand_matrix(SIM_GEMM_F32, sh.m * ldc, &s, special);
  size_t cb = (size_t)(sh.m * ldc) * 4;
  float *want = malloc(cb ? cb : 1), *got = malloc(cb ? cb : 1), *junk = malloc(cb ? cb : 1);
  ck_assert(want && got && junk);
  memset(junk, 0x5A, cb);
  memcpy(want, c0, cb);
  ref_gemm(sh.m, sh.n, sh.k, ta, a, lda, tb, b, ldb, want, ldc);
  int bad = 0;
  for (int p = 0; p < SIM_GEMM_NPATHS; p++)
    for (int apart = 0; apart < 2 && sim_gemm_path_ok((enum sim_gemm_path)p); apart++) {
      memcpy(got, apart ? junk : c0, cb);
      int rc = sim_gemm_fma_path((enum sim_gemm_path)p, sh.m, sh.n, sh.k, ta, a, lda, tb, b, ldb,
                                 apart ? c0 : got, got, ldc);
      ck_assert_int_eq(rc, 0);
      int64_t i = first_diff(got, want, apart ? junk : NULL, sh.m, sh.n, ldc);
      if (i < 0) continue;
      fprintf(stderr, "%s%s: %lldx%lldx%lld (types %d,%d, pads %lld,%lld,%lld) c[%lld][%lld]: "
              "got 0x%08x want 0x%08x\n", sim_gemm_path_name((enum sim_gemm_path)p),
              apart ? " (c0 apart)" : "", (long long)sh.m, (long long)sh.n, (long long)sh.k, ta,
              tb, (long long)sh.pad_a, (long long)sh.pad_b, (long long)sh.pad_c,
              (long long)(i / ldc), (long long)(i % ldc), fbits(got[i]),
              fbits((apart && i % ldc >= sh.n ? junk : want)[i]));
      bad++;
    }
  free(a); free(b); free(c0); free(want); free(got); free(junk);
  return bad;
}

/* Edges of every block: MR in {4, 6, 12}, NR in {16, 32}, KC = 256,
** MC = 192, NC = 1024; the mmaf tile shapes; padded strides. */
static const struct shape shapes[] = {
  {1, 1, 1, 0, 0, 0}, {1, 1, 7, 0, 0, 0}, {2, 3, 5, 1, 2, 3}, {3, 15, 4, 0, 0, 0},
  {4, 16, 8, 0, 0, 0}, {5, 17, 9, 0, 0, 1}, {6, 31, 3, 3, 0, 0}, {7, 32, 16, 0, 5, 0},
  {11, 33, 10, 0, 0, 0}, {12, 47, 2, 0, 0, 0}, {13, 48, 11, 1, 1, 1}, {23, 63, 6, 0, 0, 0},
  {24, 64, 5, 0, 0, 0}, {25, 65, 4, 2, 3, 5}, {1, 100, 300, 0, 0, 0}, {37, 9, 257, 0, 0, 0},
  {16, 16, 513, 7, 0, 0}, {200, 20, 12, 0, 0, 0}, {193, 40, 30, 0, 1, 0},
  {3, 1030, 5, 0, 2, 0}, {2, 2100, 3, 0, 0, 9}, {128, 128, 64, 0, 0, 0},
  {64, 64, 32, 0, 0, 0}, {128, 64, 32, 0, 0, 0}, {16, 256, 16, 0, 0, 0}, {130, 136, 72, 0, 0, 0},
};

static const enum sim_gemm_in types[][2] = {
  {SIM_GEMM_F32, SIM_GEMM_F32}, {SIM_GEMM_BF16, SIM_GEMM_BF16}, {SIM_GEMM_F16, SIM_GEMM_F16},
  {SIM_GEMM_BF16, SIM_GEMM_F32}, {SIM_GEMM_F32, SIM_GEMM_F16},
};

START_TEST(shapes_all_paths) {
  const struct shape sh = shapes[_i];
  bool big = sh.m * sh.n * sh.k > 300000;         /* f32 and bf16 only: keep it quick */
  int bad = 0;
  for (size_t t = 0; t < (big ? 2 : N(types)); t++)
    bad += check_shape(sh, types[t][0], types[t][1], 0x9E3779B97F4A7C15u + (uint64_t)_i * 131 + t,
                       0);
  ck_assert_msg(bad == 0, "%d path/type combinations differ from the fmaf loop", bad);
}
END_TEST

/* Special values, often (1 in 4) and rarely (1 in 64, so that most
** outputs stay finite and their rounding is still checked). */
START_TEST(specials_all_paths) {
  static const struct shape sh[] = {
    {9, 40, 20, 0, 0, 0}, {13, 33, 17, 1, 0, 2}, {64, 64, 32, 0, 0, 0}, {14, 35, 260, 0, 0, 0},
  };
  int bad = 0;
  for (size_t i = 0; i < N(sh); i++)
    for (size_t t = 0; t < N(types); t++)
      for (unsigned often = 0; often < 2; often++)
        bad += check_shape(sh[i], types[t][0], types[t][1], 77 + i * 1000 + t * 10 + often,
                           often ? 64 : 4);
  ck_assert_msg(bad == 0, "%d path/type combinations differ from the fmaf loop", bad);
}
END_TEST

/* Exact cancellation: x*y + (-x*y) is +0 in every order of signs, except
** -0 when both the product and the accumulator are -0. */
START_TEST(specials_signed_zero) {
  static const float cases[][3] = {          /* a, b, c */
    {1.5f, 2.0f, -3.0f}, {-1.5f, 2.0f, 3.0f}, {0.0f, -1.0f, -0.0f}, {-0.0f, -1.0f, -0.0f},
    {0.0f, 1.0f, -0.0f}, {-0.0f, 1.0f, -0.0f}, {1e-30f, 1e-30f, -0.0f}, {-1e-30f, 1e-30f, 0.0f},
  };
  for (int p = 0; p < SIM_GEMM_NPATHS; p++) {
    if (!sim_gemm_path_ok((enum sim_gemm_path)p)) continue;
    for (size_t i = 0; i < N(cases); i++) {
      float a = cases[i][0], b = cases[i][1], c = cases[i][2], want = fmaf(a, b, c);
      ck_assert_int_eq(sim_gemm_fma_path((enum sim_gemm_path)p, 1, 1, 1, SIM_GEMM_F32, &a, 1,
                                         SIM_GEMM_F32, &b, 1, &c, &c, 1), 0);
      ck_assert_msg(fbits(c) == fbits(want), "%s case %zu: got 0x%08x want 0x%08x",
                    sim_gemm_path_name((enum sim_gemm_path)p), i, fbits(c), fbits(want));
    }
  }
}
END_TEST

/* 0 * inf, inf - inf and NaN inputs all give the one canonical NaN. */
START_TEST(specials_nan) {
  static const uint32_t cases[][3] = {
    {0x00000000, 0x7F800000, 0x3F800000}, {0x7F800000, 0x3F800000, 0xFF800000},
    {0x7FA00000, 0x3F800000, 0x00000000}, {0x3F800000, 0xFFC00123, 0x00000000},
    {0x3F800000, 0x3F800000, 0x7F800001},
  };
  for (int p = 0; p < SIM_GEMM_NPATHS; p++) {
    if (!sim_gemm_path_ok((enum sim_gemm_path)p)) continue;
    for (size_t i = 0; i < N(cases); i++) {
      float a = ffrom(cases[i][0]), b = ffrom(cases[i][1]), c = ffrom(cases[i][2]);
      ck_assert_int_eq(sim_gemm_fma_path((enum sim_gemm_path)p, 1, 1, 1, SIM_GEMM_F32, &a, 1,
                                         SIM_GEMM_F32, &b, 1, &c, &c, 1), 0);
      ck_assert_msg(fbits(c) == SIM_GEMM_NAN, "%s case %zu: got 0x%08x",
                    sim_gemm_path_name((enum sim_gemm_path)p), i, fbits(c));
    }
  }
  ck_assert_uint_eq(fp_canonical_nan(EL_F32), SIM_GEMM_NAN);
}
END_TEST

/* A long chain whose result depends on the order: 1 + 2^-24 (k times)
** stays 1 when added in order; any split of k into partial sums would
** gather the small terms first and round up. */
START_TEST(order_long_chain) {
  enum { K = 600 };
  float a[K], b[K];
  for (int i = 0; i < K; i++) { a[i] = 0x1p-24f; b[i] = 1.0f; }
  for (int p = 0; p < SIM_GEMM_NPATHS; p++) {
    if (!sim_gemm_path_ok((enum sim_gemm_path)p)) continue;
    float c = 1.0f;
    ck_assert_int_eq(sim_gemm_fma_path((enum sim_gemm_path)p, 1, 1, K, SIM_GEMM_F32, a, K,
                                       SIM_GEMM_F32, b, 1, &c, &c, 1), 0);
    ck_assert_msg(c == 1.0f, "%s: got %a", sim_gemm_path_name((enum sim_gemm_path)p), c);
  }
}
END_TEST

START_TEST(api_empty_and_paths) {
  float a = 2, b = 3, c = 1;
  ck_assert_int_eq(sim_gemm_f32_fma(0, 1, 1, &a, 1, &b, 1, &c, 1), 0);
  ck_assert_int_eq(sim_gemm_f32_fma(1, 0, 1, &a, 1, &b, 1, &c, 1), 0);
  ck_assert_int_eq(sim_gemm_f32_fma(1, 1, 0, &a, 1, &b, 1, &c, 1), 0);
  ck_assert(c == 1);
  ck_assert_int_eq(sim_gemm_f32_fma(1, 1, 1, &a, 1, &b, 1, &c, 1), 0);
  ck_assert(c == 7);
  float c0[2] = {5, -0.0f}, c2[2] = {9, 9};      /* k = 0 with c0 apart: a copy */
  ck_assert_int_eq(sim_gemm_fma(1, 2, 0, SIM_GEMM_F32, &a, 1, SIM_GEMM_F32, &b, 2, c0, c2, 2), 0);
  ck_assert_mem_eq(c2, c0, sizeof c0);
  ck_assert(sim_gemm_path_ok(SIM_GEMM_C));
  ck_assert(sim_gemm_path_ok(sim_gemm_path_best()));
  ck_assert(!sim_gemm_path_ok(SIM_GEMM_NPATHS));
  ck_assert_int_eq(sim_gemm_fma_path(SIM_GEMM_NPATHS, 1, 1, 1, SIM_GEMM_F32, &a, 1, SIM_GEMM_F32,
                                     &b, 1, &c, &c, 1), -1);
  ck_assert_str_eq(sim_gemm_path_name(SIM_GEMM_C), "c");
  ck_assert_str_eq(sim_gemm_path_name(SIM_GEMM_AVX512), "avx512");
  ck_assert_str_eq(sim_gemm_path_name(SIM_GEMM_NPATHS), "#invalid");
}
END_TEST

Suite *suite_sim_gemm(void) {
  Suite *s = suite_create("sim_gemm");
  TCase *tc = tcase_create("shapes");
  tcase_add_loop_test(tc, shapes_all_paths, 0, N(shapes));
  suite_add_tcase(s, tc);
  tc = tcase_create("specials");
  tcase_add_test(tc, specials_all_paths);
  tcase_add_test(tc, specials_signed_zero);
  tcase_add_test(tc, specials_nan);
  tcase_add_test(tc, order_long_chain);
  suite_add_tcase(s, tc);
  tc = tcase_create("api");
  tcase_add_test(tc, api_empty_and_paths);
  suite_add_tcase(s, tc);
  return s;
}
