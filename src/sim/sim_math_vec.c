/*
** sim_math_vec.c -- expf and exp2f on whole arrays, bit for bit what
** sim_expf and sim_exp2f (sim_math.c) give one element at a time.
**
** How: the scalar functions handle a few special arguments, then compute
** y ~ e^x (2^x) in double with a proven relative error (2^-49) and return
** RN_f32(y) if every value within that error of y rounds the same way
** (round_df); otherwise they take the multiprecision path.  Here every
** lane makes the same special-case decisions and repeats the fast path's
** double operations one for one -- same constants (sim_expf_consts), same
** order, no fused multiply-add -- so it computes the same y and the same
** test.  IEEE arithmetic makes each operation's result unique, so a lane
** whose test succeeds holds exactly the scalar result; the few lanes
** whose test fails (29 of the 2^32 arguments of expf, 22 of exp2f) are
** handed to the scalar function.  Nothing here decides a result on its own terms, so
** there is no second error analysis to trust: the scalar one covers both.
**
** Operations rewritten without changing values: N = round(x 64/ln2) (or
** round(64 x)) comes from the bits of x C + 1.5 2^52 instead of a
** conversion (that sum is 1.5 2^52 + N exactly), the floor division of N
** by 64 is a shift, EXP_T1[j] a gather, and the final x 2^k multiplies by
** 2^k built from its bits (-151 <= k <= 128: a normal double, so scale()
** does the same single multiplication).
**
** Three paths, chosen at run time as sim_gemm.c chooses: AVX-512F (eight
** double lanes, sixteen floats per step), AVX2 (four lanes, eight floats
** per step) and portable C.  bench/math_exhaustive.c checks every path on
** all 2^32 arguments of both functions; tests/unit/sim_math.c a sample.
*/
#include <config.h>
#include "sim_math.h"

#include <float.h>
#include <stdint.h>
#include <string.h>

#include "sim_exact_fp.h"

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#define MATH_X86 1
#include <immintrin.h>
#endif

#define BIG 0x1.8p52              /* 1.5 2^52: adding it rounds to an integer */
#define BIG_BITS 0x4338000000000000ull
#define REL 0x1.2p-49             /* round_df's margin: 2^-49 + 2^-52 */

/* The bounds of the special arguments (sim_expf, sim_exp2f): at or past
** them the result is inf, 0 or 1 without the fast path. */
struct lim { float hi, lo; bool hi_incl, lo_incl; };
static const struct lim lims[SIM_VNFNS] = {
  [SIM_VEXPF] = { 89.0f, -104.0f, false, false },   /* x > 89: inf; x < -104: 0 */
  [SIM_VEXP2F] = { 128.0f, -150.0f, true, true },   /* x >= 128: inf; x <= -150: 0 */
};
#define TINY 0x1p-25f             /* |x| below it: 1 */

static uint64_t vbits64(double x) { uint64_t u; memcpy(&u, &x, 8); return u; }
static double vfrom64(uint64_t u) { double x; memcpy(&x, &u, 8); return x; }
static uint32_t vbits32(float x) { uint32_t u; memcpy(&u, &x, 4); return u; }
static float vfrom32(uint32_t u) { float x; memcpy(&x, &u, 4); return x; }

static float scalar(enum sim_math_vfn f, float x) {
  return f == SIM_VEXP2F ? sim_exp2f(x) : sim_expf(x);
}

/* ---- portable C: one lane at a time ---- */

/* The scalar result of f at x when the special cases or the fast path's
** test decide it (*r, 1); 0 when the scalar function must. */
static int c_lane(const struct sim_expf_k *k, enum sim_math_vfn f, float xf, float *r) {
  const struct lim *l = &lims[f];
  double x = xf, nm, nf, rr;
  if (xf != xf) { *r = vfrom32(vbits32(xf) | 0x400000u); return 1; }
  if (l->hi_incl ? xf >= l->hi : xf > l->hi) { *r = vfrom32(0x7f800000u); return 1; }
  if (l->lo_incl ? xf <= l->lo : xf < l->lo) { *r = 0; return 1; }
  if (xf > -TINY && xf < TINY) { *r = 1; return 1; }
  if (f == SIM_VEXP2F) {
    nm = x * 64 + BIG;
    nf = nm - BIG;
    rr = (x - nf * 0x1p-6) * k->ln2;
  } else {
    nm = x * k->invc64 + BIG;
    nf = nm - BIG;
    rr = (x - nf * k->c0) - nf * k->c1 + 0.0;
  }
  uint64_t n = vbits64(nm) - BIG_BITS, j = n & 63;   /* N mod 2^64; j = N mod 64 */
  double p = rr + rr * rr * (k->p[0] + rr * (k->p[1] + rr * (k->p[2] + rr * k->p[3])));
  double t = k->t[j], y = (t + t * p) * vfrom64(((n - j) << 46) + (1023ull << 52));
  double e = y * REL;                              /* y > 0 */
  float a = (float)(y - e), b = (float)(y + e);
  if (a != b) return 0;
  *r = a;
  return 1;
}

static void c_run(const struct sim_expf_k *k, enum sim_math_vfn f, const float *a, float *r,
                  size_t n) {
  for (size_t i = 0; i < n; i++) {
    float x = a[i];
    if (!c_lane(k, f, x, &r[i])) r[i] = scalar(f, x);
  }
}

#ifdef MATH_X86

/* ---- AVX-512F: 16 floats a step, as two sets of 8 double lanes ---- */

#define ZTARGET __attribute__((target("avx512f")))

/* y for 8 arguments, the fast path's operations lane by lane. */
static inline __attribute__((always_inline)) ZTARGET __m512d
z_y(const struct sim_expf_k *k, enum sim_math_vfn f, __m512d x) {
  const __m512d big = _mm512_set1_pd(BIG);
  __m512d nm, nf, r;
  if (f == SIM_VEXP2F) {
    nm = _mm512_add_pd(_mm512_mul_pd(x, _mm512_set1_pd(64)), big);
    nf = _mm512_sub_pd(nm, big);
    r = _mm512_mul_pd(_mm512_sub_pd(x, _mm512_mul_pd(nf, _mm512_set1_pd(0x1p-6))),
                      _mm512_set1_pd(k->ln2));
  } else {
    nm = _mm512_add_pd(_mm512_mul_pd(x, _mm512_set1_pd(k->invc64)), big);
    nf = _mm512_sub_pd(nm, big);
    r = _mm512_sub_pd(_mm512_sub_pd(x, _mm512_mul_pd(nf, _mm512_set1_pd(k->c0))),
                      _mm512_mul_pd(nf, _mm512_set1_pd(k->c1)));
    r = _mm512_add_pd(r, _mm512_setzero_pd());
  }
  __m512i n = _mm512_sub_epi64(_mm512_castpd_si512(nm), _mm512_set1_epi64((long long)BIG_BITS));
  __m512i j = _mm512_and_si512(n, _mm512_set1_epi64(63));
  __m512i e2 = _mm512_add_epi64(_mm512_slli_epi64(_mm512_sub_epi64(n, j), 46),
                                _mm512_set1_epi64((long long)(1023ull << 52)));
  __m512d q = _mm512_add_pd(_mm512_set1_pd(k->p[2]), _mm512_mul_pd(r, _mm512_set1_pd(k->p[3])));
  q = _mm512_add_pd(_mm512_set1_pd(k->p[1]), _mm512_mul_pd(r, q));
  q = _mm512_add_pd(_mm512_set1_pd(k->p[0]), _mm512_mul_pd(r, q));
  __m512d p = _mm512_add_pd(r, _mm512_mul_pd(_mm512_mul_pd(r, r), q));
  __m512d t = _mm512_i64gather_pd(j, k->t, 8);
  return _mm512_mul_pd(_mm512_add_pd(t, _mm512_mul_pd(t, p)), _mm512_castsi512_pd(e2));
}

/* RN_f32(y -+ y REL) for 8 lanes, as the low and high ends. */
static inline __attribute__((always_inline)) ZTARGET void
z_ends(__m512d y, __m256 *lo, __m256 *hi) {
  __m512d e = _mm512_mul_pd(y, _mm512_set1_pd(REL));
  *lo = _mm512_cvtpd_ps(_mm512_sub_pd(y, e));
  *hi = _mm512_cvtpd_ps(_mm512_add_pd(y, e));
}

static inline __attribute__((always_inline)) ZTARGET __m512 z_join(__m256 a, __m256 b) {
  return _mm512_castpd_ps(_mm512_insertf64x4(_mm512_castpd256_pd512(_mm256_castps_pd(a)),
                                             _mm256_castps_pd(b), 1));
}

/* The lanes of m (of 16 at a), results in r; lanes the test leaves open
** go to the scalar function. */
static inline __attribute__((always_inline)) ZTARGET void
z_step(const struct sim_expf_k *k, enum sim_math_vfn f, const float *a, float *r, __mmask16 m) {
  const struct lim *l = &lims[f];
  __m512 x = _mm512_maskz_loadu_ps(m, a);
  __m256 x0 = _mm512_castps512_ps256(x);
  __m256 x1 = _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(x), 1));
  __m256 lo0, hi0, lo1, hi1;
  z_ends(z_y(k, f, _mm512_cvtps_pd(x0)), &lo0, &hi0);
  z_ends(z_y(k, f, _mm512_cvtps_pd(x1)), &lo1, &hi1);
  __m512 lo = z_join(lo0, lo1), hi = z_join(hi0, hi1);
  __mmask16 ok = _mm512_cmp_ps_mask(lo, hi, _CMP_EQ_OQ);
  __m512 ax = _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(x), _mm512_set1_epi32(0x7fffffff)));
  __mmask16 tiny = _mm512_cmp_ps_mask(ax, _mm512_set1_ps(TINY), _CMP_LT_OQ);
  __m512 top = _mm512_set1_ps(l->hi), bot = _mm512_set1_ps(l->lo);   /* predicates must be constants */
  __mmask16 big = l->hi_incl ? _mm512_cmp_ps_mask(x, top, _CMP_GE_OQ) : _mm512_cmp_ps_mask(x, top, _CMP_GT_OQ);
  __mmask16 small = l->lo_incl ? _mm512_cmp_ps_mask(x, bot, _CMP_LE_OQ) : _mm512_cmp_ps_mask(x, bot, _CMP_LT_OQ);
  __mmask16 nan = _mm512_cmp_ps_mask(x, x, _CMP_UNORD_Q);
  __m512 v = _mm512_mask_mov_ps(lo, tiny, _mm512_set1_ps(1.0f));
  v = _mm512_mask_mov_ps(v, small, _mm512_setzero_ps());
  v = _mm512_mask_mov_ps(v, big, _mm512_castsi512_ps(_mm512_set1_epi32(0x7f800000)));
  v = _mm512_mask_mov_ps(v, nan, _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(x),
                                                                      _mm512_set1_epi32(0x400000))));
  unsigned open = (unsigned)(m & ~(ok | tiny | big | small | nan));
  if (open) {                       /* r may be a: keep the arguments */
    float xs[16];
    _mm512_storeu_ps(xs, x);
    _mm512_mask_storeu_ps(r, m, v);
    for (int i = 0; i < 16; i++)
      if (open >> i & 1) r[i] = scalar(f, xs[i]);
    return;
  }
  _mm512_mask_storeu_ps(r, m, v);
}

static ZTARGET void z_run(const struct sim_expf_k *k, enum sim_math_vfn f, const float *a,
                          float *r, size_t n) {
  size_t i = 0;
  if (f == SIM_VEXP2F) {
    for (; i + 16 <= n; i += 16) z_step(k, SIM_VEXP2F, a + i, r + i, 0xFFFF);
    if (i < n) z_step(k, SIM_VEXP2F, a + i, r + i, (__mmask16)((1u << (n - i)) - 1));
  } else {
    for (; i + 16 <= n; i += 16) z_step(k, SIM_VEXPF, a + i, r + i, 0xFFFF);
    if (i < n) z_step(k, SIM_VEXPF, a + i, r + i, (__mmask16)((1u << (n - i)) - 1));
  }
}

/* ---- AVX2: 8 floats a step, as two sets of 4 double lanes ---- */

#define YTARGET __attribute__((target("avx2")))

static inline __attribute__((always_inline)) YTARGET __m256d
y_y(const struct sim_expf_k *k, enum sim_math_vfn f, __m256d x) {
  const __m256d big = _mm256_set1_pd(BIG);
  __m256d nm, nf, r;
  if (f == SIM_VEXP2F) {
    nm = _mm256_add_pd(_mm256_mul_pd(x, _mm256_set1_pd(64)), big);
    nf = _mm256_sub_pd(nm, big);
    r = _mm256_mul_pd(_mm256_sub_pd(x, _mm256_mul_pd(nf, _mm256_set1_pd(0x1p-6))),
                      _mm256_set1_pd(k->ln2));
  } else {
    nm = _mm256_add_pd(_mm256_mul_pd(x, _mm256_set1_pd(k->invc64)), big);
    nf = _mm256_sub_pd(nm, big);
    r = _mm256_sub_pd(_mm256_sub_pd(x, _mm256_mul_pd(nf, _mm256_set1_pd(k->c0))),
                      _mm256_mul_pd(nf, _mm256_set1_pd(k->c1)));
    r = _mm256_add_pd(r, _mm256_setzero_pd());
  }
  __m256i n = _mm256_sub_epi64(_mm256_castpd_si256(nm), _mm256_set1_epi64x((long long)BIG_BITS));
  __m256i j = _mm256_and_si256(n, _mm256_set1_epi64x(63));
  __m256i e2 = _mm256_add_epi64(_mm256_slli_epi64(_mm256_sub_epi64(n, j), 46),
                                _mm256_set1_epi64x((long long)(1023ull << 52)));
  __m256d q = _mm256_add_pd(_mm256_set1_pd(k->p[2]), _mm256_mul_pd(r, _mm256_set1_pd(k->p[3])));
  q = _mm256_add_pd(_mm256_set1_pd(k->p[1]), _mm256_mul_pd(r, q));
  q = _mm256_add_pd(_mm256_set1_pd(k->p[0]), _mm256_mul_pd(r, q));
  __m256d p = _mm256_add_pd(r, _mm256_mul_pd(_mm256_mul_pd(r, r), q));
  __m256d t = _mm256_i64gather_pd(k->t, j, 8);
  return _mm256_mul_pd(_mm256_add_pd(t, _mm256_mul_pd(t, p)), _mm256_castsi256_pd(e2));
}

static inline __attribute__((always_inline)) YTARGET void
y_ends(__m256d y, __m128 *lo, __m128 *hi) {
  __m256d e = _mm256_mul_pd(y, _mm256_set1_pd(REL));
  *lo = _mm256_cvtpd_ps(_mm256_sub_pd(y, e));
  *hi = _mm256_cvtpd_ps(_mm256_add_pd(y, e));
}

/* 8 lanes at a, results in r (the tail goes to c_run). */
static inline __attribute__((always_inline)) YTARGET void
y_step(const struct sim_expf_k *k, enum sim_math_vfn f, const float *a, float *r) {
  const struct lim *l = &lims[f];
  __m256 x = _mm256_loadu_ps(a);
  __m128 lo0, hi0, lo1, hi1;
  y_ends(y_y(k, f, _mm256_cvtps_pd(_mm256_castps256_ps128(x))), &lo0, &hi0);
  y_ends(y_y(k, f, _mm256_cvtps_pd(_mm256_extractf128_ps(x, 1))), &lo1, &hi1);
  __m256 lo = _mm256_insertf128_ps(_mm256_castps128_ps256(lo0), lo1, 1);
  __m256 hi = _mm256_insertf128_ps(_mm256_castps128_ps256(hi0), hi1, 1);
  __m256 ax = _mm256_castsi256_ps(_mm256_and_si256(_mm256_castps_si256(x), _mm256_set1_epi32(0x7fffffff)));
  __m256 tiny = _mm256_cmp_ps(ax, _mm256_set1_ps(TINY), _CMP_LT_OQ);
  __m256 big = l->hi_incl ? _mm256_cmp_ps(x, _mm256_set1_ps(l->hi), _CMP_GE_OQ)
                          : _mm256_cmp_ps(x, _mm256_set1_ps(l->hi), _CMP_GT_OQ);
  __m256 small = l->lo_incl ? _mm256_cmp_ps(x, _mm256_set1_ps(l->lo), _CMP_LE_OQ)
                            : _mm256_cmp_ps(x, _mm256_set1_ps(l->lo), _CMP_LT_OQ);
  __m256 nan = _mm256_cmp_ps(x, x, _CMP_UNORD_Q);
  __m256 ok = _mm256_or_ps(_mm256_or_ps(_mm256_cmp_ps(lo, hi, _CMP_EQ_OQ), tiny),
                           _mm256_or_ps(_mm256_or_ps(big, small), nan));
  __m256 v = _mm256_blendv_ps(lo, _mm256_set1_ps(1.0f), tiny);
  v = _mm256_blendv_ps(v, _mm256_setzero_ps(), small);
  v = _mm256_blendv_ps(v, _mm256_castsi256_ps(_mm256_set1_epi32(0x7f800000)), big);
  v = _mm256_blendv_ps(v, _mm256_castsi256_ps(_mm256_or_si256(_mm256_castps_si256(x),
                                                              _mm256_set1_epi32(0x400000))), nan);
  unsigned open = ~(unsigned)_mm256_movemask_ps(ok) & 0xFF;
  if (open) {
    float xs[8];
    _mm256_storeu_ps(xs, x);
    _mm256_storeu_ps(r, v);
    for (int i = 0; i < 8; i++)
      if (open >> i & 1) r[i] = scalar(f, xs[i]);
    return;
  }
  _mm256_storeu_ps(r, v);
}

static YTARGET void y_run(const struct sim_expf_k *k, enum sim_math_vfn f, const float *a,
                          float *r, size_t n) {
  size_t i = 0;
  if (f == SIM_VEXP2F)
    for (; i + 8 <= n; i += 8) y_step(k, SIM_VEXP2F, a + i, r + i);
  else
    for (; i + 8 <= n; i += 8) y_step(k, SIM_VEXPF, a + i, r + i);
  c_run(k, f, a + i, r + i, n - i);
}

#endif /* MATH_X86 */

/* ---- dispatch ---- */

bool sim_math_path_ok(enum sim_math_path p) {
  switch (p) {
  case SIM_MATH_C: return true;
#ifdef MATH_X86
  case SIM_MATH_AVX2: return __builtin_cpu_supports("avx2");
  case SIM_MATH_AVX512: return __builtin_cpu_supports("avx512f");
#endif
  default: return false;
  }
}

enum sim_math_path sim_math_path_best(void) {
  for (int p = SIM_MATH_NPATHS - 1; p > SIM_MATH_C; p--)
    if (sim_math_path_ok((enum sim_math_path)p)) return (enum sim_math_path)p;
  return SIM_MATH_C;
}

const char *sim_math_path_name(enum sim_math_path p) {
  static const char *const names[SIM_MATH_NPATHS] = { "c", "avx2", "avx512" };
  return (unsigned)p < SIM_MATH_NPATHS ? names[p] : "#invalid";
}

int sim_mathf_n_path(enum sim_math_path p, enum sim_math_vfn f, const float *a, float *r,
                     size_t n) {
  if ((unsigned)f >= SIM_VNFNS || !sim_math_path_ok(p)) return -1;
  struct sim_expf_k k;
  sim_expf_consts(&k);
  switch (p) {
#ifdef MATH_X86
  case SIM_MATH_AVX512: z_run(&k, f, a, r, n); break;
  case SIM_MATH_AVX2: y_run(&k, f, a, r, n); break;
#endif
  default: c_run(&k, f, a, r, n); break;
  }
  return 0;
}

void sim_expf_n(const float *a, float *r, size_t n) {
  sim_mathf_n_path(sim_math_path_best(), SIM_VEXPF, a, r, n);
}

void sim_exp2f_n(const float *a, float *r, size_t n) {
  sim_mathf_n_path(sim_math_path_best(), SIM_VEXP2F, a, r, n);
}
