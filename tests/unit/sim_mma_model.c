/*
** sim_mma_model.c -- unit tests of src/sim/sim_mma_model.c:
**   vectors   the `exact` and `fma` profiles against mma_vectors.h
**             (gen_mma_vectors.py: exact rational arithmetic with
**             fractions.Fraction; random, cancelling, subnormal, widely
**             spread, signed-zero, Inf and NaN inputs), through mma_dot,
**             mma_tile_dot and mma_gemm;
**   vendor    hand-computed cases that tell the profiles apart (extra
**             alignment bits, truncation, e8m13, emulated fp8 mma.sync, CDNA3's
**             late floor and FNUZ, fp8 promotion) and the special values;
**   gemm      mma_gemm against element-by-element mma_tile_dot, K not a
**             multiple of the block, f64; its vector path against the
**             scalar model on random tiles of every profile and type.
**   scaled    mmaf_scaled's block-scaled model (sm100) against
**             mma_scaled_vectors.h (gen_mma_scaled.py, exact rationals).
** The captured GPU vectors are checked by tests/mma-vectors.
*/
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "sim_fp.h"
#include "sim_mma_model.h"
#include "testlib.h"

#include "mma_scaled_vectors.h"
#include "mma_vectors.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Storage bytes of an element (tf32 is stored as an f32). */
static size_t esize(enum ty_elem e) { return e == EL_TF32 ? 4 : (size_t)(ty_elem_bits(e) + 7) / 8; }

/* Store n values (bits) as element storage of type e. */
static void pack(enum ty_elem e, const uint32_t *v, int n, unsigned char *dst) {
  size_t s = esize(e);
  for (int i = 0; i < n; i++) memcpy(dst + (size_t)i * s, &v[i], s);   /* little-endian */
}

static const struct mma_cfg *cfg(const char *prof, enum ty_elem in, enum ty_elem out) {
  static struct mma_cfg g;
  const struct mma_profile *p = mma_profile_find(prof);
  ck_assert_msg(p != NULL, "no profile %s", prof);
  ck_assert_msg(!mma_cfg_init(&g, p, in, out), "%s has no %s -> %s", prof, ty_elem_names[in],
                ty_elem_names[out]);
  return &g;
}

/* The n values of a and b (element patterns of type in) decoded for g. */
static void decode2(const struct mma_cfg *g, enum ty_elem in, const uint32_t *a,
                    const uint32_t *b, int n, struct mma_val *va, struct mma_val *vb) {
  static unsigned char pa[512 * 4], pb[512 * 4];
  pack(in, a, n, pa);
  pack(in, b, n, pb);
  mma_decode(g, pa, n, 1, va);
  mma_decode(g, pb, n, 1, vb);
}

/* c + sum a[k]*b[k] by profile prof, as the tile-level accumulation. */
static uint64_t dot(const char *prof, enum ty_elem in, enum ty_elem out, const uint32_t *a,
                    const uint32_t *b, int n, uint64_t c, bool fast_acc) {
  static struct mma_val va[512], vb[512];
  const struct mma_cfg *g = cfg(prof, in, out);
  decode2(g, in, a, b, n, va, vb);
  return mma_tile_dot(g, va, vb, n, c, fast_acc);
}

/* ---- vectors ---- */

static void check_vec(const char *prof, int i, uint32_t want) {
  const struct mma_vec *v = &mma_vecs[i];
  const uint32_t *a = mma_pool + v->off, *b = a + v->n;
  uint64_t got = dot(prof, v->in, v->out, a, b, v->n, v->c, false);
  ck_assert_msg(got == want, "%s vector %d (%s, %s -> %s, k=%d): got %#llx want %#x", prof, i,
                v->kind, ty_elem_names[v->in], ty_elem_names[v->out], v->n,
                (unsigned long long)got, want);
  /* the same through mma_dot (one instruction of any length for these
  ** profiles) and through mma_gemm as a 1 x n @ n x 1 product */
  const struct mma_cfg *g = cfg(prof, v->in, v->out);
  unsigned char pa[64 * 4], pb[64 * 4], pc[4], pd[4];
  struct mma_val va[64], vb[64];
  pack(v->in, a, v->n, pa);
  pack(v->in, b, v->n, pb);
  mma_decode(g, pa, v->n, 1, va);
  mma_decode(g, pb, v->n, 1, vb);
  ck_assert_uint_eq(mma_dot(g, va, vb, v->n, v->c), want);
  pack(v->out, &v->c, 1, pc);
  ck_assert_int_eq(mma_gemm(g, 1, 1, v->n, pa, v->n, pb, 1, pc, 1, pd, 1, false), 0);
  uint32_t d = 0;
  memcpy(&d, pd, esize(v->out));
  ck_assert_msg(d == want, "%s vector %d via mma_gemm: got %#x want %#x", prof, i, d, want);
}

START_TEST(vec_exact) {
  check_vec("exact", _i, mma_vecs[_i].d_exact);
}
END_TEST

START_TEST(vec_fma) {
  check_vec("fma", _i, mma_vecs[_i].d_fma);
}
END_TEST

/* ---- profiles ---- */

START_TEST(prof_names) {
  static const char *const alias[][2] = {
    { "V100", "sm70" }, { "a100", "sm80" }, { "A2", "sm80" }, { "Ada", "sm89" },
    { "L40S", "sm89" }, { "H100", "sm90" }, { "H200", "sm90" }, { "B200", "sm100" },
    { "MI300X", "cdna3" }, { "SM90", "sm90" }, { "RTXPRO6000", "sm120" }, { "exact", "exact" },
    { "fma", "fma" },
  };
  for (size_t i = 0; i < N(alias); i++) {
    const struct mma_profile *p = mma_profile_find(alias[i][0]);
    ck_assert_msg(p && !strcmp(p->name, alias[i][1]), "%s", alias[i][0]);
  }
  ck_assert_ptr_null(mma_profile_find("sm9"));
  ck_assert_ptr_null(mma_profile_find("H10"));
  int n = 0;
  while (mma_profile_at(n)) n++;
  ck_assert_int_eq(n, 9);
  struct mma_cfg g;
  ck_assert_int_eq(mma_cfg_init(&g, mma_profile_find("sm70"), EL_BF16, EL_F32), -1);
  ck_assert_int_eq(mma_cfg_init(&g, mma_profile_find("sm80"), EL_BF16, EL_F16), -1);
  ck_assert_int_eq(mma_cfg_init(&g, mma_profile_find("sm80"), EL_F8E4M3FN, EL_F32), -1);
  ck_assert_int_eq(mma_cfg_init(&g, mma_profile_find("sm80"), EL_F64, EL_F32), -1);
  ck_assert_int_eq(mma_cfg_init(&g, mma_profile_find("sm90"), EL_F64, EL_F64), 0);
  ck_assert_int_eq(mma_cfg_init(&g, mma_profile_find("sm90"), EL_I8, EL_F32), -1);
  ck_assert_int_eq(mma_cfg_init(&g, mma_profile_find("cdna3"), EL_F16, EL_F16), -1);
  ck_assert_int_eq(mma_cfg_init(&g, mma_profile_find("sm90"), EL_TF32, EL_F32), 0);
  ck_assert_int_eq(g.k, 8);
  ck_assert_int_eq(g.block, 8);
}
END_TEST

/* ---- hand-computed cases ---- */

#define F16_1 0x3C00u
#define F32_1 0x3F800000u

/* 1 + 2^-24 + 2^-24: each small product is lost with F = 23 (V100), kept
** with F = 24 (A100); four products of 2^-25 need F = 25 (H100). */
START_TEST(vendor_extra_bits) {
  uint32_t a[] = { F16_1, 0x0C00, 0x0C00 }, b[] = { F16_1, 0x0C00, 0x0C00 };   /* 2^-12 */
  ck_assert_uint_eq(dot("sm70", EL_F16, EL_F32, a, b, 3, 0, false), F32_1);
  ck_assert_uint_eq(dot("sm80", EL_F16, EL_F32, a, b, 3, 0, false), F32_1 + 1);
  ck_assert_uint_eq(dot("exact", EL_F16, EL_F32, a, b, 3, 0, false), F32_1 + 1);
  uint32_t a4[] = { F16_1, 0x0800, 0x0800, 0x0800, 0x0800 };                    /* 2^-13 */
  uint32_t b4[] = { F16_1, 0x0C00, 0x0C00, 0x0C00, 0x0C00 };                    /* 2^-12 */
  ck_assert_uint_eq(dot("sm80", EL_F16, EL_F32, a4, b4, 5, 0, false), F32_1);
  ck_assert_uint_eq(dot("sm89", EL_F16, EL_F32, a4, b4, 5, 0, false), F32_1);
  ck_assert_uint_eq(dot("sm90", EL_F16, EL_F32, a4, b4, 5, 0, false), F32_1 + 1);
  ck_assert_uint_eq(dot("sm100", EL_F16, EL_F32, a4, b4, 5, 0, false), F32_1 + 1);
}
END_TEST

/* f32 results truncate (1 + 0.75 ulp -> 1), f16 results round to
** nearest even, and the sticky information lost in alignment decides
** ties: 1 + 2^-11 + 2^-24 rounds up with F = 24, ties to even with 23. */
START_TEST(vendor_rounding) {
  uint32_t a[] = { F16_1, 0x0C00 }, b[] = { F16_1, 0x0E00 };                    /* 1.5 * 2^-12 */
  ck_assert_uint_eq(dot("sm90", EL_F16, EL_F32, a, b, 2, 0, false), F32_1);
  ck_assert_uint_eq(dot("exact", EL_F16, EL_F32, a, b, 2, 0, false), F32_1 + 1);
  ck_assert_uint_eq(dot("fma", EL_F16, EL_F32, a, b, 2, 0, false), F32_1 + 1);
  uint32_t a2[] = { 0x2400, 0x0C00 }, b2[] = { 0x2800, 0x0C00 };              /* 2^-11, 2^-24 */
  ck_assert_uint_eq(dot("sm70", EL_F16, EL_F16, a2, b2, 2, F16_1, false), F16_1);
  ck_assert_uint_eq(dot("sm80", EL_F16, EL_F16, a2, b2, 2, F16_1, false), F16_1 + 1);
  /* truncation toward zero of a negative result */
  uint32_t an[] = { 0xBC00, 0x8C00 }, bn[] = { F16_1, 0x0E00 };
  ck_assert_uint_eq(dot("sm90", EL_F16, EL_F32, an, bn, 2, 0, false), 0x80000000u | F32_1);
  /* a zero sum is +0 for the block FMA */
  uint32_t az[] = { F16_1, 0xBC00 }, bz[] = { F16_1, F16_1 };
  ck_assert_uint_eq(dot("sm80", EL_F16, EL_F32, az, bz, 2, 0x80000000u, false), 0);
}
END_TEST

/* One mma.sync instruction of profile prof (mma_dot), where dot is the
** tile-level mmaf (mma_tile_dot): they differ where ptxas emulates it. */
static uint64_t sync1(const char *prof, enum ty_elem in, enum ty_elem out, const uint32_t *a,
                      const uint32_t *b, int n, uint64_t c) {
  static struct mma_val va[64], vb[64];
  const struct mma_cfg *g = cfg(prof, in, out);
  decode2(g, in, a, b, n, va, vb);
  return mma_dot(g, va, vb, n, c);
}

/* Ada and Hopper fp8: 13 fraction bits (e8m13), in alignment and in the
** result; Blackwell keeps 25.  mma.sync on sm90 (f16 results) and sm100
** is emulated on the f16 unit; the tile-level mmaf is native. */
START_TEST(vendor_fp8) {
  uint32_t a[] = { 0x38, 0x04 }, b[] = { 0x38, 0x04 };          /* E4M3: 1, 2^-7 */
  ck_assert_uint_eq(dot("sm89", EL_F8E4M3FN, EL_F32, a, b, 2, 0, true), F32_1);
  ck_assert_uint_eq(dot("sm90", EL_F8E4M3FN, EL_F32, a, b, 2, 0, true), F32_1);
  ck_assert_uint_eq(sync1("sm90", EL_F8E4M3FN, EL_F32, a, b, 2, 0), F32_1);
  ck_assert_uint_eq(dot("sm100", EL_F8E4M3FN, EL_F32, a, b, 2, 0, true), 0x3F800200u);
  ck_assert_uint_eq(sync1("sm100", EL_F8E4M3FN, EL_F32, a, b, 2, 0), 0x3F800200u);
  uint32_t z[] = { 0 };
  ck_assert_uint_eq(dot("sm89", EL_F8E4M3FN, EL_F32, z, z, 1, 0x3F800008u, true), F32_1);
  ck_assert_uint_eq(dot("sm100", EL_F8E4M3FN, EL_F32, z, z, 1, 0x3F800008u, true), 0x3F800008u);
  /* 1 + 2^-24 + 2^-25: fused (tcgen05, and sm90's 13 bits) it truncates;
  ** emulated, RZ(2^-24 + 2^-25) is added to 1 rounding to nearest: up */
  uint32_t a5[] = { 0x0C, 0x08 }, b5[] = { 0x0C, 0x0C };        /* E5M2: 2^-12, 2^-13 */
  ck_assert_uint_eq(dot("sm100", EL_F8E5M2, EL_F32, a5, b5, 2, F32_1, true), F32_1);
  ck_assert_uint_eq(sync1("sm100", EL_F8E5M2, EL_F32, a5, b5, 2, F32_1), F32_1 + 1);
  ck_assert_uint_eq(dot("sm90", EL_F8E5M2, EL_F32, a5, b5, 2, F32_1, true), F32_1);
  /* f16 accumulators round to nearest even */
  ck_assert_uint_eq(dot("sm89", EL_F8E4M3FN, EL_F16, a, b, 2, 0, true), F16_1);
  /* emulated mma.sync (sm90, sm100 with f16 accumulators): k = 0, 1 are
  ** one f16 instruction, k = 2 the next; 1 + 2^-11 rounds to 1 (a tie to
  ** even) in each, where one rounding of 1 + 2^-10 (the native
  ** instruction, one block) keeps it */
  uint32_t ae[] = { 0x38, 0x10, 0x10 }, be[] = { 0x38, 0x08, 0x08 };   /* 1, 2^-5 * 2^-6 */
  ck_assert_uint_eq(sync1("sm90", EL_F8E4M3FN, EL_F16, ae, be, 3, 0), F16_1);
  ck_assert_uint_eq(sync1("sm100", EL_F8E4M3FN, EL_F16, ae, be, 3, 0), F16_1);
  ck_assert_uint_eq(sync1("sm120", EL_F8E4M3FN, EL_F16, ae, be, 3, 0), F16_1 + 1);
  ck_assert_uint_eq(dot("sm90", EL_F8E4M3FN, EL_F16, ae, be, 3, 0, true), F16_1 + 1);
  ck_assert_uint_eq(dot("sm100", EL_F8E4M3FN, EL_F16, ae, be, 3, 0, true), F16_1 + 1);
  ck_assert_uint_eq(dot("exact", EL_F8E4M3FN, EL_F16, ae, be, 3, 0, true), F16_1 + 1);
  /* ... and c is added after both: 2^-11 + (1 + 2^-11 -> 1) is a tie again */
  ck_assert_uint_eq(sync1("sm90", EL_F8E4M3FN, EL_F16, ae, be, 2, 0x1000), F16_1);
  ck_assert_uint_eq(sync1("sm89", EL_F8E4M3FN, EL_F16, ae, be, 2, 0x1000), F16_1 + 1);
}
END_TEST

/* fp8 mmaf without fast_acc on sm90: every 128 k the 13-bit chain is
** added to the f32 accumulator, so 256 products of 2^-16 reach 1 + 2^-8;
** with fast_acc each one is lost below 1's 13 bits. */
START_TEST(vendor_promote) {
  uint32_t a[256], b[256];
  for (int i = 0; i < 256; i++) a[i] = b[i] = 0x02;              /* E4M3 2^-8 */
  ck_assert_uint_eq(dot("sm90", EL_F8E4M3FN, EL_F32, a, b, 256, F32_1, true), F32_1);
  ck_assert_uint_eq(dot("sm90", EL_F8E4M3FN, EL_F32, a, b, 256, F32_1, false), 0x3F808000u);
  ck_assert_uint_eq(dot("sm89", EL_F8E4M3FN, EL_F32, a, b, 256, F32_1, false), 0x3F808000u);
  ck_assert_uint_eq(dot("sm100", EL_F8E4M3FN, EL_F32, a, b, 256, F32_1, false), 0x3F808000u);
  ck_assert_uint_eq(dot("exact", EL_F8E4M3FN, EL_F32, a, b, 256, F32_1, false), 0x3F808000u);
}
END_TEST

/* CDNA3: c floored to 24 bits below the larger exponent and added after
** (1 - 2^-30 -> 1 - 2^-24); fp8 inputs are FNUZ (0x40 = 1, 0x38 = 0.5). */
START_TEST(vendor_cdna3) {
  uint32_t a[] = { F16_1 }, b[] = { F16_1 };
  ck_assert_uint_eq(dot("cdna3", EL_F16, EL_F32, a, b, 1, 0xB0800000u, false), 0x3F7FFFFFu);
  ck_assert_uint_eq(dot("sm90", EL_F16, EL_F32, a, b, 1, 0xB0800000u, false), F32_1);
  ck_assert_uint_eq(dot("exact", EL_F16, EL_F32, a, b, 1, 0xB0800000u, false), F32_1);
  uint32_t a8[] = { 0x40 }, b8[] = { 0x38 };
  ck_assert_uint_eq(dot("cdna3", EL_F8E4M3FN, EL_F32, a8, b8, 1, 0, false), 0x3F000000u);
  ck_assert_uint_eq(dot("sm89", EL_F8E4M3FN, EL_F32, a8, b8, 1, 0, false), 0x40000000u);
  uint32_t nan[] = { 0x80 };
  ck_assert_uint_eq(dot("cdna3", EL_F8E4M3FN, EL_F32, nan, b8, 1, 0, false), 0x7FFFFFFFu);
  /* fp8: even and odd products are summed apart */
  uint32_t ae[] = { 0x40, 0x40 }, be[] = { 0x40, 0x40 };
  ck_assert_uint_eq(dot("cdna3", EL_F8E4M3FN, EL_F32, ae, be, 2, 0, false), 0x40000000u);
}
END_TEST

/* Inf and NaN; products beyond the f32 range that cancel; overflow to
** inf even when truncating; subnormal results. */
START_TEST(vendor_specials) {
  static const char *const profs[] = { "sm70", "sm80", "sm89", "sm90", "sm100", "cdna3", "exact", "fma" };
  for (size_t i = 0; i < N(profs); i++) {
    const char *p = profs[i];
    uint32_t a[] = { F16_1, 0x7C00 }, b[] = { F16_1, F16_1 };
    ck_assert_uint_eq(dot(p, EL_F16, EL_F32, a, b, 2, 0, false), 0x7F800000u);
    uint32_t an[] = { 0x7E00, F16_1 };
    ck_assert_uint_eq(dot(p, EL_F16, EL_F32, an, b, 2, 0, false), 0x7FFFFFFFu);
    uint32_t az[] = { 0x7C00 }, bz[] = { 0 };
    ck_assert_uint_eq(dot(p, EL_F16, EL_F32, az, bz, 1, 0, false), 0x7FFFFFFFu);
    uint32_t ai[] = { 0x7C00, 0xFC00 }, bi[] = { F16_1, F16_1 };
    ck_assert_uint_eq(dot(p, EL_F16, EL_F32, ai, bi, 2, 0, false), 0x7FFFFFFFu);
    ck_assert_uint_eq(dot(p, EL_F16, EL_F32, b, b, 1, 0xFF800000u, false), 0xFF800000u);
    ck_assert_uint_eq(dot(p, EL_F16, EL_F32, b, b, 1, 0x7FC00000u, false), 0x7FFFFFFFu);
  }
  for (size_t i = 1; i < N(profs); i++) {                         /* bf16: not on sm70 */
    const char *p = profs[i];
    uint32_t big[] = { 0x7F00, 0xFF00, 0x3F80 }, one[] = { 0x7F00, 0x7F00, 0x3F80 };
    /* 2^254 - 2^254 + 1: NVIDIA keeps the huge products (they cancel),
    ** but the 1 is 254 binades below them and truncated: +0; exact gives
    ** 1; CDNA3 turns each product into an infinity (NaN); sequential
    ** fmas overflow at the first one */
    uint64_t want = !strcmp(p, "cdna3") ? 0x7FFFFFFFu : !strcmp(p, "fma") ? 0x7F800000u
                  : !strcmp(p, "exact") ? F32_1 : 0;
    ck_assert_msg(dot(p, EL_BF16, EL_F32, big, one, 3, 0, false) == want, "%s", p);
    ck_assert_uint_eq(dot(p, EL_BF16, EL_F32, big, one, 1, 0, false), 0x7F800000u);
    uint32_t sub[] = { 0x1C80 };                                   /* 2^-70 squared = 2^-140 */
    ck_assert_msg(dot(p, EL_BF16, EL_F32, sub, sub, 1, 0, false) == 0x200u, "%s", p);
  }
}
END_TEST

/* ---- mma_gemm ---- */

static uint32_t next(uint32_t *seed) { return (*seed = *seed * 1103515245u + 12345u) >> 16; }

START_TEST(gemm_matches_dots) {
  enum { M = 3, K = 20, NN = 5 };
  uint16_t a[M * K], b[K * NN];
  uint32_t c[M * NN], d[M * NN];
  uint32_t seed = 12345;
  for (int i = 0; i < M * K; i++) a[i] = (uint16_t)(0x3800 + next(&seed) % 0x800) ^ (i & 1 ? 0x8000 : 0);
  for (int i = 0; i < K * NN; i++) b[i] = (uint16_t)(0x3800 + next(&seed) % 0x800);
  for (int i = 0; i < M * NN; i++) c[i] = 0x3F000000u + (uint32_t)i * 0x1234;
  const struct mma_cfg *g = cfg("sm80", EL_F16, EL_F32);
  struct mma_cfg gc = *g;
  ck_assert_int_eq(mma_gemm(&gc, M, NN, K, a, K, b, NN, c, NN, d, NN, false), 0);
  for (int i = 0; i < M; i++)
    for (int j = 0; j < NN; j++) {
      struct mma_val va[K], vb[K];
      mma_decode(&gc, a + i * K, K, 1, va);
      mma_decode(&gc, b + j, K, NN, vb);
      /* the tile-level chain is blocks of 8 in ascending k: 8, 8, 4 */
      uint64_t r = mma_dot(&gc, va, vb, 8, c[i * NN + j]);
      r = mma_dot(&gc, va + 8, vb + 8, 8, r);
      r = mma_dot(&gc, va + 16, vb + 16, 4, r);
      ck_assert_uint_eq(d[i * NN + j], r);
      ck_assert_uint_eq(mma_tile_dot(&gc, va, vb, K, c[i * NN + j], false), r);
    }
  ck_assert_int_eq(mma_gemm(&gc, M, NN, K, a, K, b, NN, c, NN, c, NN, false), 0);   /* in place */
  ck_assert_mem_eq(c, d, sizeof d);
}
END_TEST

/* ---- the vector path of mma_gemm against the scalar model ----
** mma_gemm takes a vectorized path (AVX-512) for the f32 block FMAs; it
** must give the bits of mma_tile_dot, element by element, for every
** profile and input type.  Loop index: profile x input type x style of
** inputs.  Styles: 0 values near 1 (c grows, products truncated against
** it), 1 any finite bit pattern (exponents spread over the whole range,
** subnormals, overflow into inf), 2 mostly zeros and cancelling pairs,
** 3 the first styles with Inf, NaN and subnormal accumulators sprinkled
** (style 2 with zero accumulators too: a sum that cancels is +0). */

static const char *const fast_profiles[] = { "sm70", "sm80", "sm89", "sm90", "sm100", "sm120", "cdna3" };
static const enum ty_elem fast_types[] = { EL_F16, EL_BF16, EL_TF32, EL_F8E4M3FN, EL_F8E5M2 };

static uint32_t rand_elem(enum ty_elem e, int style, uint32_t *seed) {
  uint32_t r = next(seed) << 16 | next(seed), w = (uint32_t)ty_elem_bits(e);
  uint32_t sign = (r >> 31) << (w - 1), m = (1u << (w - 1)) - 1;
  int mb = e == EL_F16 ? 10 : e == EL_BF16 ? 7 : e == EL_TF32 ? 23 : e == EL_F8E4M3FN ? 3 : 2;
  if (e == EL_TF32) { w = 32; sign = (r >> 31) << 31; m = 0x7FFFFFFF; }   /* f32 patterns */
  int eb = (int)w - 1 - mb, bias = (1 << (eb - 1)) - 1;
  uint32_t top = (1u << eb) - 1, x;
  if (style == 0) x = (uint32_t)(bias - 3 + (int)(r % 5)) << mb | (r >> 8 & ((1u << mb) - 1));
  else if (style == 2 && r % 4) x = r % 4 == 1 ? 0 : (uint32_t)bias << mb;
  else x = r & m;
  if ((x >> mb) == top) x &= ~(1u << mb);     /* finite */
  if (e == EL_F8E4M3FN && x == 0x7F) x = 0x7E;
  return sign | x;
}

START_TEST(gemm_fast_vs_scalar) {
  enum { M = 11, K = 83, NN = 70 };
  int pi = _i / (int)(N(fast_types) * 4), ti = _i / 4 % (int)N(fast_types), style = _i % 4;
  enum ty_elem in = fast_types[ti];
  struct mma_cfg g;
  if (mma_cfg_init(&g, mma_profile_find(fast_profiles[pi]), in, EL_F32)) return;
  static uint32_t a[M * K], b[K * NN], c[M * NN], d[M * NN];
  static unsigned char pa[M * K * 4], pb[K * NN * 4];
  uint32_t seed = 777u + (uint32_t)_i;
  for (int i = 0; i < M * K; i++) a[i] = rand_elem(in, style % 3, &seed);
  for (int i = 0; i < K * NN; i++) b[i] = rand_elem(in, style % 3, &seed);
  if (style == 2)                              /* pairs that cancel exactly */
    for (int i = 0; i < M; i++) a[i * K + 1] = a[i * K] ^ (1u << (ty_elem_bits(in) - 1 + (in == EL_TF32) * 13));
  for (int i = 0; i < M * NN; i++) {
    uint32_t r = next(&seed);
    c[i] = style == 3 && r % 7 == 0 ? (const uint32_t[]){ 0x7F800000u, 0xFF800000u, 0x7FFFFFFFu,
                                                          0x00000123u, 0x80700000u, 0x80000000u }[r % 6]
           : style == 2 && r % 3 == 0 ? 0                /* sums that cancel to +0 */
                                    : (r & 1 ? 0x80000000u : 0) | (0x3E000000u + (r << 8 & 0x1FFFFFFu));
  }
  pack(in, a, M * K, pa);
  pack(in, b, K * NN, pb);
  for (int fa = 0; fa < 2; fa++) {
    ck_assert_int_eq(mma_gemm(&g, M, NN, K, pa, K, pb, NN, c, NN, d, NN, fa), 0);
    size_t s = esize(in);
    for (int i = 0; i < M; i++)
      for (int j = 0; j < NN; j++) {
        struct mma_val va[K], vb[K];
        mma_decode(&g, pa + (size_t)i * K * s, K, 1, va);
        mma_decode(&g, pb + (size_t)j * s, K, NN, vb);
        uint64_t want = mma_tile_dot(&g, va, vb, K, c[i * NN + j], fa);
        ck_assert_msg(d[i * NN + j] == want, "%s %s style %d fast_acc %d [%d,%d]: got %#x want %#llx",
                      fast_profiles[pi], ty_elem_names[in], style, fa, i, j, d[i * NN + j],
                      (unsigned long long)want);
      }
  }
}
END_TEST

/* fp8 promotion on the vector path (sm89, sm90 without fast_acc): K of
** several promotion intervals and a tail, against mma_tile_dot. */
START_TEST(gemm_fast_promote) {
  enum { M = 5, K = 300, NN = 40 };
  static const char *const prof[] = { "sm89", "sm90" };
  enum ty_elem in = _i % 2 ? EL_F8E5M2 : EL_F8E4M3FN;
  int style = _i / 4 % 3;
  const struct mma_cfg *g = cfg(prof[_i / 2 % 2], in, EL_F32);
  static uint32_t a[M * K], b[K * NN], c[M * NN], d[M * NN];
  static unsigned char pa[M * K], pb[K * NN];
  uint32_t seed = 4242u + (uint32_t)_i;
  for (int i = 0; i < M * K; i++) a[i] = rand_elem(in, style, &seed);
  for (int i = 0; i < K * NN; i++) b[i] = rand_elem(in, style, &seed);
  for (int i = 0; i < M * NN; i++) c[i] = 0x3F000000u + (next(&seed) << 8 & 0xFFFFFFu);
  pack(in, a, M * K, pa);
  pack(in, b, K * NN, pb);
  ck_assert_int_eq(mma_gemm(g, M, NN, K, pa, K, pb, NN, c, NN, d, NN, false), 0);
  for (int i = 0; i < M; i++)
    for (int j = 0; j < NN; j++) {
      struct mma_val va[K], vb[K];
      mma_decode(g, pa + (size_t)i * K, K, 1, va);
      mma_decode(g, pb + (size_t)j, K, NN, vb);
      uint64_t want = mma_tile_dot(g, va, vb, K, c[i * NN + j], false);
      ck_assert_msg(d[i * NN + j] == want, "case %d [%d,%d]: got %#x want %#llx", _i, i, j,
                    d[i * NN + j], (unsigned long long)want);
    }
}
END_TEST

/* A sum that cancels exactly is +0 in every profile, on the vector path
** too (32 columns: wide enough for it), whatever rounding its kernel uses. */
START_TEST(gemm_zero_sign) {
  enum { K = 20, NN = 32 };
  uint32_t a[K] = { 0x3C00, 0xBC00 }, b[K * NN], c[NN], d[NN];   /* f16: 1, -1 */
  unsigned char pa[K * 2], pb[K * NN * 2];
  for (int i = 0; i < K * NN; i++) b[i] = 0x4000;                  /* 2 */
  pack(EL_F16, a, K, pa);
  pack(EL_F16, b, K * NN, pb);
  for (size_t p = 0; p < N(fast_profiles); p++) {
    for (int j = 0; j < NN; j++) c[j] = j % 2 ? 0x80000000u : 0;   /* +0 and -0 */
    ck_assert_int_eq(mma_gemm(cfg(fast_profiles[p], EL_F16, EL_F32), 1, NN, K, pa, K, pb, NN, c, NN,
                              d, NN, false), 0);
    for (int j = 0; j < NN; j++)
      ck_assert_msg(d[j] == 0, "%s [%d]: got %#x", fast_profiles[p], j, d[j]);
  }
}
END_TEST

/* ---- mmaf_scaled on sm100 against mma_scaled_vectors.h ----
** gen_mma_scaled.py computes MMA-Sim's block-scaled model with exact
** rational arithmetic: MX fp8 (E8M0 scales, 32 per scale), MX fp4 (E8M0,
** 32 or 16) and NVFP4 (E4M3 scales, 16), K of one to four instructions;
** values near 1, every finite pattern, zeros, and NaN/Inf elements, NaN
** scales and special accumulators. */

START_TEST(scaled_vectors) {
  const struct mma_scaled_vec *v = &mma_scaled_vecs[_i];
  const uint8_t *a = mma_scaled_pool + v->off, *b = a + v->k, *sa = b + v->k, *sb = sa + v->k / v->v;
  uint32_t got = mma_scaled_dot(v->a, v->b, v->s, a, b, 1, sa, sb, 1, v->k, v->v, v->v, v->c);
  ck_assert_msg(got == v->d, "case %d (%s x %s, %s scales per %d, k=%d, c=%#x): got %#x want %#x",
                _i, ty_elem_names[v->a], ty_elem_names[v->b], ty_elem_names[v->s], v->v, v->k,
                v->c, got, v->d);
}
END_TEST

static uint64_t f64b(double x) { uint64_t u; memcpy(&u, &x, 8); return u; }

START_TEST(gemm_f64) {
  double a[] = { 1e16, 1, -1e16 }, b[] = { 1, 1, 1 }, c = 0, d = -1;
  ck_assert_int_eq(mma_gemm(cfg("fma", EL_F64, EL_F64), 1, 1, 3, a, 3, b, 1, &c, 1, &d, 1, false), 0);
  ck_assert_uint_eq(f64b(d), f64b(0.0));
  ck_assert_int_eq(mma_gemm(cfg("sm90", EL_F64, EL_F64), 1, 1, 3, a, 3, b, 1, &c, 1, &d, 1, false), 0);
  ck_assert_uint_eq(f64b(d), f64b(0.0));
  ck_assert_int_eq(mma_gemm(cfg("exact", EL_F64, EL_F64), 1, 1, 3, a, 3, b, 1, &c, 1, &d, 1, false), 0);
  ck_assert_uint_eq(f64b(d), f64b(1.0));
  double t[] = { 0x1p-1074, 0x1p1023 }, u[] = { 0x1p-1074, 0x1p1 }, m0 = -0.0;
  ck_assert_int_eq(mma_gemm(cfg("exact", EL_F64, EL_F64), 1, 1, 1, t, 2, u, 1, &m0, 1, &d, 1, false), 0);
  ck_assert_uint_eq(f64b(d), f64b(0.0));                /* 2^-2148 + -0 rounds to +0 */
  ck_assert_int_eq(mma_gemm(cfg("exact", EL_F64, EL_F64), 1, 1, 1, t + 1, 2, u + 1, 1, &c, 1, &d, 1, false), 0);
  ck_assert_uint_eq(f64b(d), f64b(__builtin_inf()));
  double z[] = { -0.0 }, o[] = { 1.0 };
  ck_assert_int_eq(mma_gemm(cfg("exact", EL_F64, EL_F64), 1, 1, 1, z, 1, o, 1, &m0, 1, &d, 1, false), 0);
  ck_assert_uint_eq(f64b(d), f64b(-0.0));
  double n[] = { __builtin_inf(), 0 };
  ck_assert_int_eq(mma_gemm(cfg("exact", EL_F64, EL_F64), 1, 1, 1, n, 1, n + 1, 1, &c, 1, &d, 1, false), 0);
  ck_assert_uint_eq(f64b(d), fp_canonical_nan(EL_F64));
}
END_TEST

Suite *suite_sim_mma_model(void) {
  Suite *s = suite_create("sim_mma_model");
  TCase *tc = tcase_create("vectors");
  tcase_add_loop_test(tc, vec_exact, 0, (int)N(mma_vecs));
  tcase_add_loop_test(tc, vec_fma, 0, (int)N(mma_vecs));
  suite_add_tcase(s, tc);
  tc = tcase_create("vendor");
  tcase_add_test(tc, prof_names);
  tcase_add_test(tc, vendor_extra_bits);
  tcase_add_test(tc, vendor_rounding);
  tcase_add_test(tc, vendor_fp8);
  tcase_add_test(tc, vendor_promote);
  tcase_add_test(tc, vendor_cdna3);
  tcase_add_test(tc, vendor_specials);
  suite_add_tcase(s, tc);
  tc = tcase_create("gemm");
  tcase_add_test(tc, gemm_matches_dots);
  tcase_add_test(tc, gemm_zero_sign);
  tcase_add_loop_test(tc, gemm_fast_promote, 0, 12);
  tcase_add_test(tc, gemm_f64);
  tcase_add_loop_test(tc, gemm_fast_vs_scalar, 0, (int)(N(fast_profiles) * N(fast_types) * 4));
  suite_add_tcase(s, tc);
  tc = tcase_create("scaled");
  tcase_add_loop_test(tc, scaled_vectors, 0, (int)N(mma_scaled_vecs));
  suite_add_tcase(s, tc);
  return s;
}
