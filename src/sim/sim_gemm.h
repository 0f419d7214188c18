/*
** sim_gemm.h -- c += a @ b into f32, one fused multiply-add per product in
** ascending k (the fma numerics of mmaf), bit-identical on every machine.
*/
#ifndef TILESIM_SIM_GEMM_H
#define TILESIM_SIM_GEMM_H

#include <stdbool.h>
#include <stdint.h>

/* The implementations; the plain calls take the best one available. */
enum sim_gemm_path {
  SIM_GEMM_C,          /* portable C, fmaf() */
  SIM_GEMM_AVX2,       /* AVX2 + FMA, 6x16 microkernel */
  SIM_GEMM_AVX512,     /* AVX-512F, 12x32 microkernel */
  SIM_GEMM_NPATHS
};

/* Element types of a and b: each is widened to f32 exactly (no rounding)
** as it is packed, so the caller need not widen whole tiles first. */
enum sim_gemm_in {
  SIM_GEMM_F32,        /* float (tf32 too: its f32 bits) */
  SIM_GEMM_BF16,       /* uint16_t bits */
  SIM_GEMM_F16         /* uint16_t bits, IEEE binary16 */
};

/* A NaN result is stored as this pattern (fp_canonical_nan(EL_F32)). */
#define SIM_GEMM_NAN 0x7FFFFFFFu

/*
** For i < m, j < n, with x = a[i*lda+kk] and y = b[kk*ldb+j] widened to f32:
**   c[i*ldc+j] = fma(x_{k-1}, y_{k-1}, ... fma(x_0, y_0, c0[i*ldc+j]))
** each fma one IEEE fused multiply-add in f32 rounding to nearest even, in
** ascending kk; a NaN result becomes SIM_GEMM_NAN (k = 0 copies c0).  c0,
** the accumulator's initial values, has c's row stride and is c itself or
** does not overlap it (mmaf's acc operand and result); c overlaps neither
** a nor b.  Strides are in elements.  Returns 0, or -1 when out of memory
** (c is then unchanged).  Starts no threads.
*/
int sim_gemm_fma(int64_t m, int64_t n, int64_t k, enum sim_gemm_in ta, const void *a,
                 int64_t lda, enum sim_gemm_in tb, const void *b, int64_t ldb, const float *c0,
                 float *c, int64_t ldc);

/* The same with f32 inputs, in place (c0 = c). */
int sim_gemm_f32_fma(int64_t m, int64_t n, int64_t k, const float *a, int64_t lda,
                     const float *b, int64_t ldb, float *c, int64_t ldc);

/* sim_gemm_fma with path p: -1 also when this processor lacks it. */
int sim_gemm_fma_path(enum sim_gemm_path p, int64_t m, int64_t n, int64_t k,
                      enum sim_gemm_in ta, const void *a, int64_t lda, enum sim_gemm_in tb,
                      const void *b, int64_t ldb, const float *c0, float *c, int64_t ldc);

/* Whether this processor (and OS) can run path p. */
bool sim_gemm_path_ok(enum sim_gemm_path p);

/* The path the plain calls use here, and a path's name ("c", "avx2", "avx512"). */
enum sim_gemm_path sim_gemm_path_best(void);
const char *sim_gemm_path_name(enum sim_gemm_path p);

#endif
