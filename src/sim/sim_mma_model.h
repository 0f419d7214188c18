/*
** sim_mma_model.h -- the arithmetic of matrix units (tensor cores) as
** data: one parameterized block-FMA model and a table of named profiles
** filled from the literature and checked against vectors captured on
** the GPUs (tests/mma-vectors).
**
** The block FMA (Fasi et al. 2021; Khattak & Mikaitis 2025, "Accurate
** Models of NVIDIA Tensor Cores"; MMA-Sim, Xie et al. 2025) computes
** d = c + a[0]*b[0] + ... + a[n-1]*b[n-1] for n <= block products:
**   1. products are exact; each term (product or c) is sig * 2^exp with
**      the exponent of its leading bit clamped to the format's emin;
**   2. E = the largest exponent of the non-zero terms (at least min_exp);
**   3. every term is shifted to F fraction bits below 2^E and TRUNCATED
**      (toward zero; an optional sticky bit); the sum of these integers
**      is exact (64-bit: terms < 2^27 for F <= 25);
**   4. the sum is normalized and rounded once to the output format (or
**      to mma_round.frac fraction bits: the e8m13 fp8 accumulator of Ada
**      and Hopper), by mma_round.rm; beyond the format's range it is an
**      infinity, even when truncating.
** An instruction of K > block products chains blocks in ascending k, each
** block's rounded result being the next block's c.  Variants: emulated
** mma.sync (mma_round.emulated: fp8 on sm_90 and sm_100, which ptxas
** turns into F2FP.F16.E4M3.UNPACK_B conversions, two HMMA.16816 on the
** f16 unit and an IEEE add of c: the products whose k has bit 1 clear
** (the low f16 pair of each register) form the first block, chained from
** +0 into the second (bit 1 set), and c is added to the result, to
** nearest even; the tile-level mmaf runs the native instruction, wgmma or
** tcgen05.mma, as the rest of the mma_round describes); AMD CDNA3 adds c after the
** products with directed rounding (late_c), sums even and odd fp8
** products apart (odd_even) and turns products beyond the range into
** infinities (prd_limit).  NaN inputs, inf * 0 and inf - inf give the
** canonical NaN (sim_fp.h).
**
** tilesim's model of the compiler (the tile-level mmaf): along K the
** products are issued in ascending k, in chunks of the instruction's K
** (mma_unit.k), each chunk's result feeding the next as its c; so a
** whole mmaf is a chain of blocks.  fp8 mmaf with an f32 accumulator and
** without fast_acc on the GPUs with a narrow fp8 accumulator (sm89, sm90)
** is promoted: every mma_unit.promote values of k, the chain (started
** from +0) is added to the f32 accumulator with an IEEE f32
** round-to-nearest-even add -- as CUTLASS and DeepSeek-V3 do on Hopper
** every 4 WGMMAs (128 = 4 x 32).  The interval is a compiler choice, not
** a measured fact: a guess to revisit with NVIDIA's compiler output.
** The two reference profiles apply to the whole K at once: `exact` (one
** rounding, to nearest even, of the exact c + sum) and `fma` (one IEEE
** fused multiply-add per product in the output type, ascending k).
** f64 inputs and f32 inputs (not tf32) use `fma` in every vendor profile
** (DMMA and the CUDA-core FFMA path are IEEE FMAs).
**
** Speed: decode the operands once per tile (mma_decode), then call
** mma_tile_dot per output element; nothing allocates per dot product.
** mma_gemm computes the f32 block FMAs of the NVIDIA profiles 32 outputs
** at a time with AVX-512 where the processor has it (the same bits; see
** sim_mma_model.c), and falls back to mma_tile_dot for the rest.
*/
#ifndef TILESIM_SIM_MMA_MODEL_H
#define TILESIM_SIM_MMA_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"

enum mma_algo {
  MMA_NONE,      /* this GPU has no matrix unit for the input type */
  MMA_BFMA,      /* the block FMA above */
  MMA_EXACT,     /* c + sum exact, rounded once (nearest even) */
  MMA_FMA,       /* one IEEE fma per product, ascending k, in the output type */
};

/* The input types of mmaf, as indices of mma_profile.unit[]. */
enum mma_in { MMA_IN_F16, MMA_IN_BF16, MMA_IN_TF32, MMA_IN_E4M3, MMA_IN_E5M2, MMA_IN_F32,
              MMA_IN_F64, MMA_NIN };
/* The accumulator types, as indices of mma_unit.out[] (f64 only takes f64 inputs). */
enum mma_out { MMA_OUT_F32, MMA_OUT_F16, MMA_NOUT };

#define MMA_NO_FLOOR (-30000)   /* min_exp: no floor on the alignment exponent */

/* How a block's result is rounded, for one accumulator type. */
struct mma_round {
  int8_t rm;          /* enum ir_rounding: RND_ZERO (NVIDIA f32), RND_NEAREST_EVEN (f16) */
  int8_t frac;        /* fraction bits kept: 23 (f32), 10 (f16), 13 (Hopper/Ada fp8 e8m13) */
  int16_t min_exp;    /* floor on the alignment exponent E, or MMA_NO_FLOOR */
  bool emulated;      /* mma.sync has no unit of its own: it runs on the f16 unit of
                      ** the same profile, as ptxas emulates fp8 mma.sync on sm_90
                      ** and sm_100 (see above); the fields above describe the
                      ** native instruction (wgmma, tcgen05.mma) */
};

/* One input type of one GPU. */
struct mma_unit {
  uint8_t algo;       /* enum mma_algo */
  uint8_t k;          /* instruction K (the compiler's chunk along K); 0: all of K */
  uint8_t block;      /* products per block FMA (<= k, <= 64); 0 for exact and fma */
  int8_t frac;        /* F: fraction bits kept below 2^E when aligning (23 + neab) */
  bool sticky;        /* a sticky bit below the F bits when aligning */
  bool late_c;        /* c is aligned and added after the products' sum (CDNA3) */
  bool odd_even;      /* even and odd products are summed apart (CDNA3 fp8) */
  bool ftz_in;        /* subnormal inputs are read as zero */
  bool ftz_out;       /* subnormal c and results are flushed to zero */
  bool fnuz;          /* fp8 inputs are AMD FNUZ encodings (bias + 1, 0x80 = NaN), by
                      ** default: a run takes the description's (mma_cfg_fnuz) */
  bool prd_limit;     /* a product beyond the output's range is an infinity (AMD);
                      ** NVIDIA keeps it (it may cancel) */
  uint16_t promote;   /* fp8 without fast_acc: promote to f32 every this many k; 0: never */
  /* late_c: the product sum is floored to late_frac fraction bits and c to
  ** late_c_frac bits below the larger exponent; c is dropped when its
  ** exponent is more than late_c_drop below it (0: never). */
  int8_t late_frac, late_c_frac, late_c_drop;
  struct mma_round out[MMA_NOUT];
};

struct mma_profile {
  const char *name;       /* "sm90" */
  const char *gpus;       /* the GPU names mma_profile_find also accepts, blank-separated */
  const char *about;      /* one line: where the parameters come from */
  struct mma_unit unit[MMA_NIN];
  bool scaled;            /* mmaf_scaled as this GPU's block-scaled MMA (mma_scaled_dot);
                          ** false: the fma model */
};

/* The profile named name (sm70 sm80 sm89 sm90 sm100 sm120 cdna3 exact fma) or
** one of its GPU names (V100, A100, Ada, H100, B200, ...; any case);
** NULL when none. */
const struct mma_profile *mma_profile_find(const char *name);
/* The i-th profile of the table, NULL past the end (to list them). */
const struct mma_profile *mma_profile_at(int i);

/* A binary format as the decoder reads it: kind 0 IEEE (inf and NaN at
** the top exponent), 1 E4M3FN (only S.1111.111 is NaN), 2 AMD FNUZ. */
struct mma_fmt { int8_t ebits, mbits; int16_t bias; uint8_t kind; };

/* Everything a dot product needs, resolved for one profile and one pair
** of element types.  Fill it with mma_cfg_init; read-only afterwards
** (share it between threads). */
struct mma_cfg {
  const struct mma_unit *u;
  enum ty_elem in, out;
  struct mma_round r;     /* u->out[] for this output type */
  const struct mma_unit *via;   /* r.emulated: the profile's f16 unit, else NULL */
  int in_prec;            /* input significand bits, implicit bit included */
  int out_prec, out_emin, out_emax, out_width;
  int k, block;           /* instruction K and block (0 for exact and fma: all of K) */
  struct mma_fmt fin, fout;   /* the input and output formats */
  bool fnuz;              /* fin is an FNUZ fp8 format */
};

/* 0, or -1 when the profile has no unit for (in, out): a pair mmaf does
** not allow, or a GPU without that matrix unit (sm70 and bf16).  in:
** f16 bf16 tf32 f32 f64 f8E4M3FN f8E5M2; out: f16 f32 f64. */
int mma_cfg_init(struct mma_cfg *g, const struct mma_profile *p, enum ty_elem in,
                 enum ty_elem out);
/* fp8 inputs read as AMD's FNUZ encodings or not, whatever the profile's
** unit says (the hardware description's <numerics fp8> decides in a run). */
void mma_cfg_fnuz(struct mma_cfg *g, bool fnuz);

/* A decoded input element: a finite value is sig * 2^(exp - in_prec + 1),
** exp the exponent of its leading bit (emin for subnormals); a zero has
** sig 0 and exp 1 (-0) or 0 (+0); exp MMA_EXP_INF (sig +-1) and
** MMA_EXP_NAN mark the rest.  Not for f64 inputs (mma_gemm takes those). */
struct mma_val { int32_t sig, exp; };
#define MMA_EXP_INF (1 << 20)
#define MMA_EXP_NAN (1 << 21)

/* Decode n elements of g->in stored at src, element i at src + i*stride
** elements (tf32: f32 patterns, the low 13 bits ignored as tensor cores
** do; fnuz profiles read fp8 as FNUZ). */
void mma_decode(const struct mma_cfg *g, const void *src, int64_t n, int64_t stride,
                struct mma_val *dst);

/* One mma.sync instruction: c + sum_{k<n} a[k]*b[k] for n <= g->k values
** (in blocks of g->block, or emulated; exact and fma: any n), c and the
** result as g->out bits: what the captured vectors measure. */
uint64_t mma_dot(const struct mma_cfg *g, const struct mma_val *a, const struct mma_val *b,
                 int n, uint64_t c);

/* The tile-level accumulation of one mmaf output element (see the top of
** this file; the native instruction, never the emulation of mma.sync):
** c + sum_{k<n} a[k]*b[k], n any length, as g->out bits.  fast_acc: no
** fp8 promotion. */
uint64_t mma_tile_dot(const struct mma_cfg *g, const struct mma_val *a,
                      const struct mma_val *b, int64_t n, uint64_t c, bool fast_acc);

/* d = c + a @ b for one (m x k) @ (k x n) matrix product, every element
** by mma_tile_dot; a, b, c, d are element storage of their types (g->in,
** g->out), row-major with row strides lda, ldb, ldc, ldd elements; d may
** be c.  Any input type, f64 included.  0, or -1 when out of memory. */
int mma_gemm(const struct mma_cfg *g, int64_t m, int64_t n, int64_t k, const void *a,
             int64_t lda, const void *b, int64_t ldb, const void *c, int64_t ldc, void *d,
             int64_t ldd, bool fast_acc);

/*
** mmaf_scaled on a GPU with block-scaled MMA (profile->scaled: sm100, after
** MMA-Sim's model of tcgen05.mma ... block_scale), one output:
**   c + sum_k (a[k] * sa[k / va]) * (b[k * bs] * sb[(k / vb) * ss])
** a, b: ea, eb elements (f8E4M3FN, f8E5M2, f4E2M1FN; one per byte), sa,
** sb: es scales (f8E8M0FNU; f8E4M3FN read as unsigned), c and the result
** f32 bits.  K is split into instructions in ascending k, each result
** the next one's c: with an fp8 operand, kind mxf8f6f4 (32 k: every
** product exact, its exponent plus the two scales' exponents, summed with
** c as one block of F = 25 bits, truncated); both fp4, kind mxf4/nvf4
** (64 k: 16 products summed exactly per scale block, each sum times the
** two scales a term, summed with c at F = 35).  The result is truncated to
** f32 (an overflow gives inf).  As in MMA-Sim, a zero element, scale or c
** takes part in the alignment exponent with exponent -126.
*/
uint32_t mma_scaled_dot(enum ty_elem ea, enum ty_elem eb, enum ty_elem es, const uint8_t *a,
                        const uint8_t *b, int64_t bs, const uint8_t *sa, const uint8_t *sb,
                        int64_t ss, int64_t k, int64_t va, int64_t vb, uint32_t c);

#endif
