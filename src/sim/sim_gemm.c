/*
** sim_gemm.c -- c += a @ b in f32 with one fused multiply-add per product,
** in ascending k for every output element: the fma numerics of mmaf.
**
** Every output has a fixed chain of roundings, but outputs are
** independent, so the speed comes from doing many chains at once, never
** from reordering one.  A microkernel keeps an MR x NR block of c in
** registers and walks k in order; each step broadcasts a[i][k] for each
** of its MR rows and multiplies it into one packed row of b (NR lanes, a
** lane per j).  Each accumulator lane is one output and sees k in order.
** Blocking k (KC) stores the block of c and reloads it, which rounds
** nothing: the chain goes on where it stopped.
**
** Three paths, chosen at run time by what the processor has: AVX-512F
** (12x32: 24 zmm accumulators), AVX2 + FMA (6x16: 12 ymm) and portable C
** with fmaf() (4x16).  They give the same bits: an IEEE fma is one
** correctly rounded operation whatever computes it.  Only NaN payloads
** could differ (which input NaN an instruction propagates, the sign of a
** new NaN), so every path stores a NaN result as SIM_GEMM_NAN; a NaN stays
** a NaN along the chain, so doing it at each store changes nothing else.
**
** B is packed per KC x NR panel, zero-padded past n, so the kernel loads
** it aligned and contiguous; A is read in place (a broadcast needs no
** layout), or widened into a buffer by rows when it is bf16 or f16; the
** edges of c are masked (vector paths) or cut (C path).  Widening is
** exact, so where it happens changes no bits.
*/
#include <config.h>
#include "sim_gemm.h"

#include <math.h>
#include <string.h>

#include "sim_fp.h"
#include "ts_base.h"

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#define GEMM_X86 1
#include <immintrin.h>
#endif

enum {
  KC = 256,    /* k per pass: a packed B panel of KC x 32 f32 is 32 KiB */
  NC = 1024,   /* columns of B packed at once (1 MiB, for L2) */
  MC = 192     /* rows of A per pass over the packed B panels (L2) */
};

/* Compute the mr x nr (mr <= MR, nr <= NR) block of c at c (row stride
** ldc) for kc steps, the accumulators starting from the block at ci (c
** itself, or the caller's initial values; same stride): a is the block's
** first row of A at the current k (row stride lda), bp the packed panel
** of B (kc rows of NR). */
typedef void ukr_fn(int64_t kc, int mr, int nr, const float *a, int64_t lda, const float *bp,
                    const float *ci, float *c, int64_t ldc);

/* Widen n elements of type t at src to f32 at dst. */
typedef void cvt_fn(enum sim_gemm_in t, const void *src, int64_t n, float *dst);

struct kernel { int mr, nr; ukr_fn *ukr; cvt_fn *cvt; };

static float canon(float x) {
  if (x == x) return x;
  uint32_t u = SIM_GEMM_NAN;
  memcpy(&x, &u, 4);
  return x;
}

/* ---- portable C: 4x16 blocks, fmaf ---- */

static void c_cvt(enum sim_gemm_in t, const void *src, int64_t n, float *dst) {
  const uint16_t *h = src;
  if (t == SIM_GEMM_F32) memcpy(dst, src, (size_t)n * sizeof *dst);
  else if (t == SIM_GEMM_BF16)
    for (int64_t i = 0; i < n; i++) {
      uint32_t u = (uint32_t)h[i] << 16;
      memcpy(&dst[i], &u, 4);
    }
  else
    for (int64_t i = 0; i < n; i++) dst[i] = fp_f16_to_f32(h[i]);
}

enum { CMR = 4, CNR = 16 };

static void c_ukr(int64_t kc, int mr, int nr, const float *a, int64_t lda, const float *bp,
                  const float *ci, float *c, int64_t ldc) {
  float acc[CMR][CNR];
  for (int r = 0; r < mr; r++)
    for (int j = 0; j < nr; j++) acc[r][j] = ci[r * ldc + j];
  for (int64_t k = 0; k < kc; k++)
    for (int r = 0; r < mr; r++) {
      float x = a[r * lda + k];
      for (int j = 0; j < nr; j++) acc[r][j] = fmaf(x, bp[k * CNR + j], acc[r][j]);
    }
  for (int r = 0; r < mr; r++)
    for (int j = 0; j < nr; j++) c[r * ldc + j] = canon(acc[r][j]);
}

#ifdef GEMM_X86

/* ---- AVX-512F: 12x32 blocks, 24 zmm accumulators ---- */

enum { ZMR = 12, ZNR = 32 };
#define ZTARGET __attribute__((target("avx512f")))

/* The body for a constant mr (inlined into one function per mr, so the
** accumulator array is unrolled into registers); m0, m1 mask the two
** 16-lane halves of each row of c at the right edge. */
static inline __attribute__((always_inline)) ZTARGET void
z_body(const int mr, int64_t kc, const float *a, int64_t lda, const float *bp, const float *ci,
       float *c, int64_t ldc, __mmask16 m0, __mmask16 m1) {
  __m512 acc[ZMR][2];
#pragma GCC unroll 12
  for (int r = 0; r < mr; r++) {
    acc[r][0] = _mm512_maskz_loadu_ps(m0, ci + r * ldc);
    acc[r][1] = _mm512_maskz_loadu_ps(m1, ci + r * ldc + 16);
  }
  for (int64_t k = 0; k < kc; k++) {
    __m512 b0 = _mm512_load_ps(bp + k * ZNR), b1 = _mm512_load_ps(bp + k * ZNR + 16);
#pragma GCC unroll 12
    for (int r = 0; r < mr; r++) {
      __m512 x = _mm512_set1_ps(a[r * lda + k]);
      acc[r][0] = _mm512_fmadd_ps(x, b0, acc[r][0]);
      acc[r][1] = _mm512_fmadd_ps(x, b1, acc[r][1]);
    }
  }
  __m512 nan = _mm512_castsi512_ps(_mm512_set1_epi32((int)SIM_GEMM_NAN));
#pragma GCC unroll 12
  for (int r = 0; r < mr; r++)
    for (int v = 0; v < 2; v++) {
      __m512 x = acc[r][v];
      x = _mm512_mask_mov_ps(x, _mm512_cmp_ps_mask(x, x, _CMP_UNORD_Q), nan);
      _mm512_mask_storeu_ps(c + r * ldc + 16 * v, v ? m1 : m0, x);
    }
}

#define Z_UKR(MR) \
  static ZTARGET void z_ukr##MR(int64_t kc, const float *a, int64_t lda, const float *bp, \
                                const float *ci, float *c, int64_t ldc, __mmask16 m0, \
                                __mmask16 m1) { \
    z_body(MR, kc, a, lda, bp, ci, c, ldc, m0, m1); \
  }
Z_UKR(1) Z_UKR(2) Z_UKR(3) Z_UKR(4) Z_UKR(5) Z_UKR(6)
Z_UKR(7) Z_UKR(8) Z_UKR(9) Z_UKR(10) Z_UKR(11) Z_UKR(12)

/* bf16 and f16 sixteen at a time; the tail in C. */
static ZTARGET void z_cvt(enum sim_gemm_in t, const void *src, int64_t n, float *dst) {
  const uint16_t *h = src;
  int64_t i = 0;
  if (t == SIM_GEMM_BF16)
    for (; i + 16 <= n; i += 16) {
      __m512i x = _mm512_cvtepu16_epi32(_mm256_loadu_si256((const __m256i *)(h + i)));
      _mm512_storeu_ps(dst + i, _mm512_castsi512_ps(_mm512_slli_epi32(x, 16)));
    }
  else if (t == SIM_GEMM_F16)
    for (; i + 16 <= n; i += 16)
      _mm512_storeu_ps(dst + i, _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(h + i))));
  if (i < n) c_cvt(t, t == SIM_GEMM_F32 ? src : (const void *)(h + i), n - i, dst + i);
}

static __mmask16 lanes16(int n) {
  return n >= 16 ? 0xFFFF : n <= 0 ? 0 : (__mmask16)((1u << n) - 1);
}

static ZTARGET void z_ukr(int64_t kc, int mr, int nr, const float *a, int64_t lda,
                          const float *bp, const float *ci, float *c, int64_t ldc) {
  typedef void fn(int64_t, const float *, int64_t, const float *, const float *, float *,
                  int64_t, __mmask16, __mmask16);
  static fn *const tab[ZMR + 1] = { 0, z_ukr1, z_ukr2, z_ukr3, z_ukr4, z_ukr5, z_ukr6,
                                    z_ukr7, z_ukr8, z_ukr9, z_ukr10, z_ukr11, z_ukr12 };
  tab[mr](kc, a, lda, bp, ci, c, ldc, lanes16(nr), lanes16(nr - 16));
}

/* ---- AVX2 + FMA: 6x16 blocks, 12 ymm accumulators ---- */

enum { YMR = 6, YNR = 16 };
#define YTARGET __attribute__((target("avx2,fma")))

static inline __attribute__((always_inline)) YTARGET void
y_body(const int mr, int64_t kc, const float *a, int64_t lda, const float *bp, const float *ci,
       float *c, int64_t ldc, __m256i m0, __m256i m1) {
  __m256 acc[YMR][2];
#pragma GCC unroll 6
  for (int r = 0; r < mr; r++) {
    acc[r][0] = _mm256_maskload_ps(ci + r * ldc, m0);
    acc[r][1] = _mm256_maskload_ps(ci + r * ldc + 8, m1);
  }
  for (int64_t k = 0; k < kc; k++) {
    __m256 b0 = _mm256_load_ps(bp + k * YNR), b1 = _mm256_load_ps(bp + k * YNR + 8);
#pragma GCC unroll 6
    for (int r = 0; r < mr; r++) {
      __m256 x = _mm256_broadcast_ss(a + r * lda + k);
      acc[r][0] = _mm256_fmadd_ps(x, b0, acc[r][0]);
      acc[r][1] = _mm256_fmadd_ps(x, b1, acc[r][1]);
    }
  }
  __m256 nan = _mm256_castsi256_ps(_mm256_set1_epi32((int)SIM_GEMM_NAN));
#pragma GCC unroll 6
  for (int r = 0; r < mr; r++)
    for (int v = 0; v < 2; v++) {
      __m256 x = acc[r][v];
      x = _mm256_blendv_ps(x, nan, _mm256_cmp_ps(x, x, _CMP_UNORD_Q));
      _mm256_maskstore_ps(c + r * ldc + 8 * v, v ? m1 : m0, x);
    }
}

#define Y_UKR(MR) \
  static YTARGET void y_ukr##MR(int64_t kc, const float *a, int64_t lda, const float *bp, \
                                const float *ci, float *c, int64_t ldc, __m256i m0, \
                                __m256i m1) { \
    y_body(MR, kc, a, lda, bp, ci, c, ldc, m0, m1); \
  }
Y_UKR(1) Y_UKR(2) Y_UKR(3) Y_UKR(4) Y_UKR(5) Y_UKR(6)

/* bf16 eight at a time (f16 in C: F16C is not part of AVX2). */
static YTARGET void y_cvt(enum sim_gemm_in t, const void *src, int64_t n, float *dst) {
  const uint16_t *h = src;
  int64_t i = 0;
  if (t == SIM_GEMM_BF16)
    for (; i + 8 <= n; i += 8) {
      __m256i x = _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)(h + i)));
      _mm256_storeu_ps(dst + i, _mm256_castsi256_ps(_mm256_slli_epi32(x, 16)));
    }
  if (i < n) c_cvt(t, t == SIM_GEMM_F32 ? src : (const void *)(h + i), n - i, dst + i);
}

/* A lane mask of the first n of 8 lanes (all ones = load/store). */
static YTARGET __m256i lanes8(int n) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

static YTARGET void y_ukr(int64_t kc, int mr, int nr, const float *a, int64_t lda,
                          const float *bp, const float *ci, float *c, int64_t ldc) {
  typedef void fn(int64_t, const float *, int64_t, const float *, const float *, float *,
                  int64_t, __m256i, __m256i);
  static fn *const tab[YMR + 1] = { 0, y_ukr1, y_ukr2, y_ukr3, y_ukr4, y_ukr5, y_ukr6 };
  tab[mr](kc, a, lda, bp, ci, c, ldc, lanes8(nr), lanes8(nr - 8));
}

#endif /* GEMM_X86 */

static const struct kernel kernels[SIM_GEMM_NPATHS] = {
  [SIM_GEMM_C] = { CMR, CNR, c_ukr, c_cvt },
#ifdef GEMM_X86
  [SIM_GEMM_AVX2] = { YMR, YNR, y_ukr, y_cvt },
  [SIM_GEMM_AVX512] = { ZMR, ZNR, z_ukr, z_cvt },
#endif
};

bool sim_gemm_path_ok(enum sim_gemm_path p) {
  switch (p) {
  case SIM_GEMM_C: return true;
#ifdef GEMM_X86
  case SIM_GEMM_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  case SIM_GEMM_AVX512: return __builtin_cpu_supports("avx512f");
#endif
  default: return false;
  }
}

enum sim_gemm_path sim_gemm_path_best(void) {
  for (int p = SIM_GEMM_NPATHS - 1; p > SIM_GEMM_C; p--)
    if (sim_gemm_path_ok((enum sim_gemm_path)p)) return (enum sim_gemm_path)p;
  return SIM_GEMM_C;
}

const char *sim_gemm_path_name(enum sim_gemm_path p) {
  static const char *const names[SIM_GEMM_NPATHS] = { "c", "avx2", "avx512" };
  return (unsigned)p < SIM_GEMM_NPATHS ? names[p] : "#invalid";
}

static size_t in_size(enum sim_gemm_in t) { return t == SIM_GEMM_F32 ? 4 : 2; }
static int64_t min64(int64_t x, int64_t y) { return x < y ? x : y; }

/* Widen rows [0, kc) x columns [0, nc) of b (type t) into panels of nr
** columns, each kc x nr row-major, the columns past nc zero. */
static void pack_b(const struct kernel *kn, int64_t kc, int64_t nc, enum sim_gemm_in t,
                   const unsigned char *b, int64_t ldb, float *bp) {
  int nr = kn->nr;
  size_t es = in_size(t);
  for (int64_t j0 = 0; j0 < nc; j0 += nr, bp += kc * nr) {
    int w = (int)min64(nc - j0, nr);
    for (int64_t k = 0; k < kc; k++) {
      kn->cvt(t, b + (size_t)(k * ldb + j0) * es, w, bp + k * nr);
      for (int j = w; j < nr; j++) bp[k * nr + j] = 0;
    }
  }
}

/* The packing buffers of one call, 64-byte aligned: bp for B's panels,
** aw for a block of A widened to f32 (none when A is f32). */
struct work { unsigned char *raw; float *bp, *aw; };

static int work_new(struct work *w, const struct kernel *kn, int64_t m, int64_t n, int64_t k,
                    enum sim_gemm_in ta) {
  size_t nb = (size_t)(min64(k, KC) * ((min64(n, NC) + kn->nr - 1) / kn->nr * kn->nr));
  size_t na = ta == SIM_GEMM_F32 ? 0 : (size_t)(min64(m, MC) * min64(k, KC));
  nb = (nb + 15) / 16 * 16;                                  /* aw aligned too */
  w->raw = ts_malloc((nb + na) * sizeof(float) + 64);
  if (!w->raw) return -1;
  w->bp = (float *)(w->raw + (64 - (uintptr_t)w->raw % 64) % 64);
  w->aw = na ? w->bp + nb : NULL;
  return 0;
}

/* The mc x kc block of A at a (type t, row stride lda) as f32: in place,
** or widened into w->aw; *ld gets its row stride. */
static const float *a_block(const struct kernel *kn, struct work *w, enum sim_gemm_in t,
                            const unsigned char *a, int64_t lda, int64_t mc, int64_t kc,
                            int64_t *ld) {
  if (t == SIM_GEMM_F32) { *ld = lda; return (const float *)a; }
  if (lda == kc) kn->cvt(t, a, mc * kc, w->aw);                 /* one run */
  else
    for (int64_t i = 0; i < mc; i++) kn->cvt(t, a + (size_t)(i * lda) * 2, kc, w->aw + i * kc);
  *ld = kc;
  return w->aw;
}

/* One kc-deep slice of the product into c[0:m, 0:nc] from ci[0:m, 0:nc],
** B packed in bp, A (type ta) at a; rows in MC blocks so that A's block
** stays in cache. */
static void pass(const struct kernel *kn, struct work *w, int64_t m, int64_t nc, int64_t kc,
                 enum sim_gemm_in ta, const unsigned char *a, int64_t lda, const float *ci,
                 float *c, int64_t ldc) {
  for (int64_t i0 = 0; i0 < m; i0 += MC) {
    int64_t mc = min64(MC, m - i0), ld;
    const float *ab = a_block(kn, w, ta, a + (size_t)(i0 * lda) * in_size(ta), lda, mc, kc, &ld);
    for (int64_t j = 0; j < nc; j += kn->nr)
      for (int64_t i = 0; i < mc; i += kn->mr)
        kn->ukr(kc, (int)min64(kn->mr, mc - i), (int)min64(kn->nr, nc - j), ab + i * ld, ld,
                w->bp + j * kc, ci + (i0 + i) * ldc + j, c + (i0 + i) * ldc + j, ldc);
  }
}

int sim_gemm_fma_path(enum sim_gemm_path p, int64_t m, int64_t n, int64_t k,
                      enum sim_gemm_in ta, const void *a, int64_t lda, enum sim_gemm_in tb,
                      const void *b, int64_t ldb, const float *c0, float *c, int64_t ldc) {
  if (!sim_gemm_path_ok(p)) return -1;
  if (m <= 0 || n <= 0) return 0;
  if (k <= 0) {                                    /* no products: c = c0 */
    for (int64_t i = 0; i < m && c0 != c; i++)
      memcpy(c + i * ldc, c0 + i * ldc, (size_t)n * sizeof *c);
    return 0;
  }
  const struct kernel *kn = &kernels[p];
  const unsigned char *ab = a, *bb = b;
  struct work w;
  if (work_new(&w, kn, m, n, k, ta)) return -1;
  for (int64_t p0 = 0; p0 < k; p0 += KC) {         /* k blocks in order: see the top */
    int64_t kc = min64(KC, k - p0);
    for (int64_t j0 = 0; j0 < n; j0 += NC) {
      int64_t nc = min64(NC, n - j0);
      pack_b(kn, kc, nc, tb, bb + (size_t)(p0 * ldb + j0) * in_size(tb), ldb, w.bp);
      pass(kn, &w, m, nc, kc, ta, ab + (size_t)p0 * in_size(ta), lda, (p0 ? c : c0) + j0,
           c + j0, ldc);
    }
  }
  ts_free(w.raw);
  return 0;
}

int sim_gemm_fma(int64_t m, int64_t n, int64_t k, enum sim_gemm_in ta, const void *a,
                 int64_t lda, enum sim_gemm_in tb, const void *b, int64_t ldb, const float *c0,
                 float *c, int64_t ldc) {
  return sim_gemm_fma_path(sim_gemm_path_best(), m, n, k, ta, a, lda, tb, b, ldb, c0, c, ldc);
}

int sim_gemm_f32_fma(int64_t m, int64_t n, int64_t k, const float *a, int64_t lda,
                     const float *b, int64_t ldb, float *c, int64_t ldc) {
  return sim_gemm_fma(m, n, k, SIM_GEMM_F32, a, lda, SIM_GEMM_F32, b, ldb, c, c, ldc);
}
