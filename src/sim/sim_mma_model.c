/*
** sim_mma_model.c -- see sim_mma_model.h.
**
** Three accumulations share one decoded form of the inputs (struct
** mma_val): the block FMA in 64-bit integers (bfma_block), an exact
** fixed-point accumulator for `exact` (struct kul) and a sequence of IEEE
** fmas for `fma`.  Rounding to the output is done here for the block FMA
** (any number of fraction bits, any mode) and handed to fp_round_scaled
** exact, so encoding, subnormals and signs stay in sim_fp.c.
*/
#include <config.h>
#include "sim_mma_model.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include "sim_fp.h"
#include "ts_base.h"

/* ---- the profiles ----
**
** Sources: [KM] Khattak & Mikaitis, models/<GPU>TC.m of MATLAB-tensor-core
** (commit b12b5a7): fma = block, neab = F - 23, frmode, min_exp_limit;
** [MS] MMA-Sim (microsoft/MMA-Sim, mmasim/simulator): F =
** n_accum_fractional_bits, split-K halves on Ampere/Ada, e8m13; [FH]
** Fasi et al. 2021.  Each vendor profile's fp16/bf16/tf32/fp8 units are
** checked bit for bit against tensor-core-vectors (tests/mma-vectors).
*/

#define NF MMA_NO_FLOOR
#define RZ RND_ZERO
#define RN RND_NEAREST_EVEN

/* A block-FMA unit: instruction k, block, F, then how f32 and f16
** accumulators round (R; EMU: the same, and mma.sync emulated on the f16
** unit). */
#define R(rm, frac, min) { rm, frac, min, false }
#define EMU(rm, frac, min) { rm, frac, min, true }
#define NO16 { RN, 0, NF, false }
#define BFMA(k_, blk, F, r32, r16)                                                                 \
  { .algo = MMA_BFMA, .k = k_, .block = blk, .frac = F,                                         \
    .out = { [MMA_OUT_F32] = r32, [MMA_OUT_F16] = r16 } }
/* ... an fp8 unit whose mmaf without fast_acc is promoted every 128 k. */
#define BFMA8(k_, blk, F, r32, r16)                                                                \
  { .algo = MMA_BFMA, .k = k_, .block = blk, .frac = F, .promote = 128,                         \
    .out = { [MMA_OUT_F32] = r32, [MMA_OUT_F16] = r16 } }
/* A CDNA3 unit (fp8: FNUZ, odd/even halves, c dropped 25 binades down);
** products beyond the f32 range are infinities. */
#define CDNA3(k_, blk, fp8)                                                                        \
  { .algo = MMA_BFMA, .k = k_, .block = blk, .frac = 24, .late_c = true, .prd_limit = true,    \
    .odd_even = fp8, .fnuz = fp8, .late_frac = 31, .late_c_frac = 24,                          \
    .late_c_drop = (fp8) ? 25 : 0, .out = { R(RN, 23, NF), NO16 } }
/* The IEEE-FMA unit (f32 and f64 inputs on every GPU; the `fma` profile). */
#define FMA1 { .algo = MMA_FMA, .out = { R(RN, 23, NF), R(RN, 10, NF) } }
#define EXACT1 { .algo = MMA_EXACT, .out = { R(RN, 23, NF), R(RN, 10, NF) } }
#define NONE1 { .algo = MMA_NONE }

static const struct mma_profile profiles[] = {
  { "exact", "", "c + sum computed exactly and rounded once to nearest even (the spec's value)",
    { EXACT1, EXACT1, EXACT1, EXACT1, EXACT1, EXACT1, EXACT1 } },
  { "fma", "", "one IEEE fused multiply-add per product, ascending k, in the accumulator type",
    { FMA1, FMA1, FMA1, FMA1, FMA1, FMA1, FMA1 } },
  /* V100 (HMMA.884, mma.m8n8k4): 4 products per block, no extra bits,
  ** truncation [FH, KM, MS: F = 23]; f16 accumulator RNE with its floor
  ** at 2^-19 [KM]. */
  { "sm70", "V100 volta sm_70 sm_72 Titan-V", "Volta tensor cores [FH, KM V100TC, MS Volta]",
    { [MMA_IN_F16] = BFMA(4, 4, 23, R(RZ, 23, NF), R(RN, 10, -19)),
      [MMA_IN_BF16] = NONE1, [MMA_IN_TF32] = NONE1, [MMA_IN_E4M3] = NONE1,
      [MMA_IN_E5M2] = NONE1, [MMA_IN_F32] = FMA1, [MMA_IN_F64] = FMA1 } },
  /* A100 (mma.m16n8k16 as two blocks of 8, m16n8k8 tf32 as two of 4):
  ** one extra bit (F = 24) [KM A100TC, MS Ampere]; floors at 2^-132 and,
  ** for f16 accumulators, 2^-20 [KM]. */
  { "sm80", "A100 A800 A30 A10 A2 A40 ampere sm_80 sm_86 sm_87 RTX3090",
    "Ampere tensor cores [KM A100TC, MS Ampere]",
    { [MMA_IN_F16] = BFMA(16, 8, 24, R(RZ, 23, -132), R(RN, 10, -20)),
      [MMA_IN_BF16] = BFMA(16, 8, 24, R(RZ, 23, -132), R(RN, 10, -20)),
      [MMA_IN_TF32] = BFMA(8, 4, 24, R(RZ, 23, -132), NO16),
      [MMA_IN_E4M3] = NONE1, [MMA_IN_E5M2] = NONE1, [MMA_IN_F32] = FMA1, [MMA_IN_F64] = FMA1 } },
  /* Ada: as sm80, plus fp8 (mma.m16n8k32 as two blocks of 16) with a
  ** 13-fraction-bit accumulator (F = 13; f32 results truncated to e8m13)
  ** [KM AdaTC neab -10, MS Ada]. */
  { "sm89", "Ada L40S L40 L4 RTX4090 RTX6000-Ada lovelace sm_89",
    "Ada Lovelace tensor cores [KM AdaTC/L40STC, MS Ada Lovelace]",
    { [MMA_IN_F16] = BFMA(16, 8, 24, R(RZ, 23, -132), R(RN, 10, -20)),
      [MMA_IN_BF16] = BFMA(16, 8, 24, R(RZ, 23, -132), R(RN, 10, -20)),
      [MMA_IN_TF32] = BFMA(8, 4, 24, R(RZ, 23, -132), NO16),
      [MMA_IN_E4M3] = BFMA8(32, 16, 13, R(RZ, 13, -132), R(RN, 10, -20)),
      [MMA_IN_E5M2] = BFMA8(32, 16, 13, R(RZ, 13, -132), R(RN, 10, -20)),
      [MMA_IN_F32] = FMA1, [MMA_IN_F64] = FMA1 } },
  /* H100 (wgmma: one block per instruction K): two extra bits (F = 25);
  ** fp8 with the 13-bit accumulator [KM H100TC, MS Hopper]; floors 2^-133
  ** and 2^-21 [KM].
  ** fp8 with f16 accumulators: the captures (H100, H200) ran mma.sync,
  ** which ptxas emulates on the f16 unit (the SASS of
  ** mma.sync.m16n8k32.f16.e4m3 for sm_90: two HMMA.16816.F16 and an
  ** HADD2, see the header); the emulation reproduces every capture, the
  ** fused 13-bit model 62% (E4M3) and 67% (E5M2).  wgmma, which the
  ** tile-level mmaf runs, is the fused 13-bit model [MS Hopper wgmma]. */
  { "sm90", "H100 H200 H800 H20 GH200 hopper sm_90 sm_90a", "Hopper tensor cores [KM H100TC, MS Hopper]",
    { [MMA_IN_F16] = BFMA(16, 16, 25, R(RZ, 23, -133), R(RN, 10, -21)),
      [MMA_IN_BF16] = BFMA(16, 16, 25, R(RZ, 23, -133), R(RN, 10, -21)),
      [MMA_IN_TF32] = BFMA(8, 8, 25, R(RZ, 23, -133), NO16),
      [MMA_IN_E4M3] = BFMA8(32, 32, 13, R(RZ, 13, -133), EMU(RN, 10, -21)),
      [MMA_IN_E5M2] = BFMA8(32, 32, 13, R(RZ, 13, -133), EMU(RN, 10, -21)),
      [MMA_IN_F32] = FMA1, [MMA_IN_F64] = FMA1 } },
  /* B200 (tcgen05.mma): as sm90, but fp8 at full precision (F = 25)
  ** [KM B200TC, MS Blackwell].
  ** fp8: the B200 captures ran mma.sync, which ptxas emulates on sm_100
  ** as on sm_90, for f32 accumulators too (two HMMA.16816.F32, then an
  ** FADD of c): the emulation reproduces every capture, where the fused
  ** model (c a term of one block of 32) matches 64% of the f32 results.
  ** tcgen05.mma kind::f8f6f4, which the tile-level mmaf runs, is that
  ** fused model [MS Blackwell tcgen05; KM B200TC]. */
  { "sm100", "B200 B100 GB200 GB300 B300 blackwell sm_100 sm_100a sm_103",
    "Blackwell tensor cores [KM B200TC, MS Blackwell]",
    { [MMA_IN_F16] = BFMA(16, 16, 25, R(RZ, 23, -133), R(RN, 10, -21)),
      [MMA_IN_BF16] = BFMA(16, 16, 25, R(RZ, 23, -133), R(RN, 10, -21)),
      [MMA_IN_TF32] = BFMA(8, 8, 25, R(RZ, 23, -133), NO16),
      [MMA_IN_E4M3] = BFMA(32, 32, 25, EMU(RZ, 23, -133), EMU(RN, 10, -21)),
      [MMA_IN_E5M2] = BFMA(32, 32, 25, EMU(RZ, 23, -133), EMU(RN, 10, -21)),
      [MMA_IN_F32] = FMA1, [MMA_IN_F64] = FMA1 },
    .scaled = true },
  /* RTX Blackwell (RTX PRO 6000, RTX 50xx; sm_120): as sm100, but fp8
  ** mma.sync is a tensor-core instruction there (QMMA.16832 in the SASS
  ** for sm_120): one block of 32 products and c at F = 25 [MS RTX
  ** Blackwell; KM RTXPRO6000TC = B200TC, floor 2^-133].  No captures. */
  { "sm120", "RTXPRO6000 RTX-PRO-6000 RTX5090 RTX5080 GB202 GB10 rtx-blackwell sm_120 sm_120a sm_121",
    "RTX Blackwell tensor cores [MS RTX Blackwell, KM RTXPRO6000TC]",
    { [MMA_IN_F16] = BFMA(16, 16, 25, R(RZ, 23, -133), R(RN, 10, -21)),
      [MMA_IN_BF16] = BFMA(16, 16, 25, R(RZ, 23, -133), R(RN, 10, -21)),
      [MMA_IN_TF32] = BFMA(8, 8, 25, R(RZ, 23, -133), NO16),
      [MMA_IN_E4M3] = BFMA(32, 32, 25, R(RZ, 23, -133), R(RN, 10, -133)),
      [MMA_IN_E5M2] = BFMA(32, 32, 25, R(RZ, 23, -133), R(RN, 10, -133)),
      [MMA_IN_F32] = FMA1, [MMA_IN_F64] = FMA1 } },
  /* MI300 (v_mfma_f32_16x16x16_f16 etc.): products aligned among
  ** themselves (F = 24), their sum floored to 31 bits and c to 24 bits
  ** below the larger exponent, added, rounded to nearest even; fp8 are
  ** FNUZ, summed as even and odd halves; c dropped 25 binades down [KM
  ** MI300MC before d12a5b3, MS CDNA3].  f32 accumulators only. */
  { "cdna3", "MI300 MI300X MI300A MI325X gfx942", "AMD CDNA3 matrix cores [KM MI300MC, MS CDNA3]",
    { [MMA_IN_F16] = CDNA3(16, 8, false), [MMA_IN_BF16] = CDNA3(16, 8, false),
      [MMA_IN_TF32] = CDNA3(8, 4, false), [MMA_IN_E4M3] = CDNA3(32, 16, true),
      [MMA_IN_E5M2] = CDNA3(32, 16, true),
      [MMA_IN_F32] = FMA1, [MMA_IN_F64] = FMA1 } },
};
#define NPROFILES ((int)(sizeof profiles / sizeof profiles[0]))

const struct mma_profile *mma_profile_at(int i) {
  return i >= 0 && i < NPROFILES ? &profiles[i] : NULL;
}

/* Whether word (case-insensitive) is one of the blank-separated words of list. */
static bool in_list(const char *list, const char *word) {
  size_t n = strlen(word);
  for (const char *p = list; *p; ) {
    while (*p == ' ') p++;
    size_t m = strcspn(p, " ");
    if (m == n && m && !strncasecmp(p, word, n)) return true;
    p += m;
  }
  return false;
}

const struct mma_profile *mma_profile_find(const char *name) {
  for (int i = 0; i < NPROFILES; i++)
    if (!strcasecmp(profiles[i].name, name) || in_list(profiles[i].gpus, name)) return &profiles[i];
  return NULL;
}

/* ---- formats ---- */

enum fkind { F_IEEE, F_FN, F_FNUZ, F_FINITE };   /* struct mma_fmt kinds (F_FINITE: fp4) */

static struct mma_fmt ifmt_of(enum ty_elem e, bool fnuz) {
  switch (e) {
  case EL_F16: return (struct mma_fmt){ 5, 10, 15, F_IEEE };
  case EL_BF16: return (struct mma_fmt){ 8, 7, 127, F_IEEE };
  case EL_TF32: return (struct mma_fmt){ 8, 10, 127, F_IEEE };
  case EL_F32: return (struct mma_fmt){ 8, 23, 127, F_IEEE };
  case EL_F8E4M3FN: return fnuz ? (struct mma_fmt){ 4, 3, 8, F_FNUZ } : (struct mma_fmt){ 4, 3, 7, F_FN };
  case EL_F8E5M2: return fnuz ? (struct mma_fmt){ 5, 2, 16, F_FNUZ } : (struct mma_fmt){ 5, 2, 15, F_IEEE };
  default: return (struct mma_fmt){ 11, 52, 1023, F_IEEE };
  }
}

/* bits (width 1 + ebits + mbits) as an mma_val; subnormals to zero when ftz. */
static struct mma_val decode1(struct mma_fmt f, uint64_t bits, bool ftz) {
  int w = f.ebits + f.mbits;
  bool neg = (bits >> w) & 1;
  uint32_t emask = (1u << f.ebits) - 1, ex = (uint32_t)(bits >> f.mbits) & emask;
  uint32_t m = (uint32_t)bits & ((1u << f.mbits) - 1);
  struct mma_val v = { 0, neg };     /* a zero: exp 1 for -0, 0 for +0 */
  if (f.kind == F_FNUZ && neg && !ex && !m) return (struct mma_val){ 0, MMA_EXP_NAN };
  if (f.kind == F_IEEE && ex == emask)
    return m ? (struct mma_val){ 0, MMA_EXP_NAN } : (struct mma_val){ neg ? -1 : 1, MMA_EXP_INF };
  if (f.kind == F_FN && ex == emask && m == (1u << f.mbits) - 1)
    return (struct mma_val){ 0, MMA_EXP_NAN };
  if (ex) { v.sig = (int32_t)(m | 1u << f.mbits); v.exp = (int32_t)ex - f.bias; }
  else if (m && !ftz) { v.sig = (int32_t)m; v.exp = 1 - f.bias; }
  if (neg) v.sig = -v.sig;
  return v;
}

static int prec_of(enum ty_elem e) {
  switch (e) {
  case EL_F16: case EL_TF32: return 11;
  case EL_BF16: return 8;
  case EL_F32: return 24;
  case EL_F8E4M3FN: return 4;
  case EL_F8E5M2: return 3;
  default: return 53;
  }
}

static int in_index(enum ty_elem e) {
  switch (e) {
  case EL_F16: return MMA_IN_F16;
  case EL_BF16: return MMA_IN_BF16;
  case EL_TF32: return MMA_IN_TF32;
  case EL_F8E4M3FN: return MMA_IN_E4M3;
  case EL_F8E5M2: return MMA_IN_E5M2;
  case EL_F32: return MMA_IN_F32;
  case EL_F64: return MMA_IN_F64;
  default: return -1;
  }
}

/* The accumulator types mmaf allows for input e (Ops.td / verifier). */
static bool pair_ok(enum ty_elem in, enum ty_elem out) {
  if (in == EL_F64) return out == EL_F64;
  if (in == EL_F16 || in == EL_F8E4M3FN || in == EL_F8E5M2) return out == EL_F32 || out == EL_F16;
  return in_index(in) >= 0 && out == EL_F32;
}

int mma_cfg_init(struct mma_cfg *g, const struct mma_profile *p, enum ty_elem in, enum ty_elem out) {
  int i = in_index(in);
  if (i < 0 || !pair_ok(in, out)) return -1;
  const struct mma_unit *u = &p->unit[i];
  if (u->algo == MMA_NONE) return -1;
  memset(g, 0, sizeof *g);
  g->u = u;
  g->in = in;
  g->out = out;
  g->in_prec = prec_of(in);
  g->out_prec = prec_of(out);
  g->out_emin = out == EL_F16 ? -14 : out == EL_F32 ? -126 : -1022;
  g->out_emax = out == EL_F16 ? 15 : out == EL_F32 ? 127 : 1023;
  g->out_width = out == EL_F16 ? 16 : out == EL_F32 ? 32 : 64;
  mma_cfg_fnuz(g, u->fnuz);
  g->fout = ifmt_of(out, false);
  g->k = u->k;
  g->block = u->block;
  if (u->algo != MMA_BFMA) {
    g->r = (struct mma_round){ RN, (int8_t)(g->out_prec - 1), NF, false };
    return 0;
  }
  if (out == EL_F64 || g->in_prec > 12) return -1;   /* 64-bit sums need narrow inputs */
  if (u->block < 1 || u->block > 64 || u->k < u->block || u->frac > 29) return -1;
  g->r = u->out[out == EL_F16 ? MMA_OUT_F16 : MMA_OUT_F32];
  if (g->r.emulated) {
    g->via = &p->unit[MMA_IN_F16];
    if (g->via->algo != MMA_BFMA || g->via->block < 1 || g->via->frac > 29 ||
        !g->via->out[out == EL_F16 ? MMA_OUT_F16 : MMA_OUT_F32].frac)
      return -1;
  }
  return g->r.frac ? 0 : -1;
}

void mma_cfg_fnuz(struct mma_cfg *g, bool fnuz) {
  g->fnuz = fnuz && (g->in == EL_F8E4M3FN || g->in == EL_F8E5M2);
  g->fin = ifmt_of(g->in, g->fnuz);
}

static size_t elt_size(enum ty_elem e) {
  return e == EL_F16 || e == EL_BF16 ? 2 : e == EL_F32 || e == EL_TF32 ? 4 : e == EL_F64 ? 8 : 1;
}

static uint64_t load(const void *p, size_t sz) {
  uint64_t v = 0;
  memcpy(&v, p, sz);     /* little-endian hosts */
  return v;
}

void mma_decode(const struct mma_cfg *g, const void *src, int64_t n, int64_t stride,
                struct mma_val *dst) {
  struct mma_fmt f = g->fin;
  size_t sz = elt_size(g->in);
  const unsigned char *s = src;
  bool ftz = g->u->ftz_in;
  for (int64_t i = 0; i < n; i++) {
    uint64_t b = load(s + (size_t)(i * stride) * sz, sz);
    if (g->in == EL_TF32) b = (b & 0xFFFFFFFFu) >> 13;   /* the tensor core ignores the low bits */
    dst[i] = decode1(f, b, ftz);
  }
}

/* c (g->out bits) decoded; subnormals flushed when the unit flushes outputs. */
static struct mma_val decode_out(const struct mma_cfg *g, uint64_t c) {
  return decode1(g->fout, c, g->u->ftz_out);
}

static bool special(struct mma_val v) { return v.exp >= MMA_EXP_INF; }
/* The sign of v, zeros and infinities included. */
static bool vneg(struct mma_val v) { return v.sig ? v.sig < 0 : v.exp == 1; }

/* ---- results ---- */

static int msb64(uint64_t x) { return 63 - __builtin_clzll(x); }   /* x != 0 */

/* Whether m, whose low sh bits (rem, sh >= 1) are dropped, rounds up in
** mode rm for a value of sign neg. */
static bool round_up(int rm, bool neg, uint64_t kept, uint64_t rem, int sh) {
  if (!rem) return false;
  switch (rm) {
  case RND_NEAREST_EVEN: {
    if (sh > 64) return false;
    uint64_t half = UINT64_C(1) << (sh - 1);
    return rem > half || (rem == half && (kept & 1));
  }
  case RND_POSITIVE_INF: return !neg;
  case RND_NEGATIVE_INF: return neg;
  default: return false;
  }
}

/* The output bits of (-1)^neg * m * 2^lo when the output format holds
** it exactly (m's bits from lo up fit its precision and range); beyond
** the largest exponent, inf; below the smallest, zero when ftz. */
static uint64_t encode_out(const struct mma_cfg *g, bool neg, uint64_t m, int lo) {
  int mb = g->out_prec - 1;
  uint64_t sign = (uint64_t)neg << (g->out_width - 1);
  if (!m) return sign;
  int top = msb64(m) + lo;
  if (top > g->out_emax) return sign | ((UINT64_C(1) << (g->out_width - 1 - mb)) - 1) << mb;
  if (top < g->out_emin)
    return g->u->ftz_out ? sign : sign | m << (lo - (g->out_emin - mb));
  int sh = mb - msb64(m);
  uint64_t mant = sh >= 0 ? m << sh : m >> -sh;      /* exact: m fits */
  return sign | (uint64_t)(top - g->out_emin + 1) << mb | (mant & ((UINT64_C(1) << mb) - 1));
}

/* The output bits of (-1)^neg * m * 2^lo rounded by r to r.frac fraction
** bits (never below the output's subnormal quantum); overflow gives inf,
** as the GPUs do even when truncating [KM, MS]; an exact zero is +0. */
static uint64_t finish(const struct mma_cfg *g, bool neg, uint64_t m, int lo, struct mma_round r) {
  if (!m) return 0;
  int top = msb64(m) + lo;
  int q = (top > g->out_emin ? top : g->out_emin) - r.frac;
  if (q > lo) {
    int sh = q - lo;
    uint64_t rem = sh >= 64 ? m : m & ((UINT64_C(1) << sh) - 1);
    uint64_t kept = sh >= 64 ? 0 : m >> sh;
    m = kept + round_up(r.rm, neg, kept, rem, sh);
    lo = q;
  }
  return encode_out(g, neg, m, lo);
}

/* The signed integer sum s (at 2^lo) to output bits. */
static uint64_t finish_signed(const struct mma_cfg *g, int64_t s, int lo, struct mma_round r) {
  return finish(g, s < 0, s < 0 ? -(uint64_t)s : (uint64_t)s, lo, r);
}

/* Inf/NaN among the products of a block and c (IEEE rules: NaN in,
** inf * 0, inf - inf give NaN; the GPUs' NaN is canonical). */
static uint64_t specials(const struct mma_cfg *g, const struct mma_val *a, const struct mma_val *b,
                         int n, struct mma_val c) {
  bool nan = c.exp == MMA_EXP_NAN, pinf = c.exp == MMA_EXP_INF && c.sig > 0;
  bool ninf = c.exp == MMA_EXP_INF && c.sig < 0;
  for (int j = 0; j < n; j++) {
    struct mma_val x = a[j], y = b[j];
    if (x.exp == MMA_EXP_NAN || y.exp == MMA_EXP_NAN) nan = true;
    else if (special(x) || special(y)) {
      if (!x.sig || !y.sig) nan = true;
      else if ((x.sig < 0) != (y.sig < 0)) ninf = true;
      else pinf = true;
    }
  }
  if (nan || (pinf && ninf)) return fp_canonical_nan(g->out);
  return fp_round_scaled(g->out, ninf, 1, 4096, false, RND_NEAREST_EVEN, false, false);
}

/* ---- the block FMA ---- */

/* trunc(|x| * 2^-sh) with the sign of x, sh >= 0 (any size). */
static int64_t shr_trunc(int64_t x, int sh) {
  uint64_t m = x < 0 ? -(uint64_t)x : (uint64_t)x;
  m = sh > 63 ? 0 : m >> sh;
  return x < 0 ? -(int64_t)m : (int64_t)m;
}

/* x * 2^s truncated toward zero (s < 0 shifts right), sticky: the lost
** bits as one more bit at the bottom. */
static int64_t align(int64_t x, int s, bool sticky) {
  if (!x) return 0;
  if (!sticky) return s >= 0 ? x * ((int64_t)1 << s) : shr_trunc(x, -s);
  int64_t t = s >= 0 ? x * ((int64_t)1 << s) : shr_trunc(x, -s);
  bool lost = s < 0 && t * ((int64_t)1 << (-s < 63 ? -s : 62)) != x;
  return 2 * t + (lost ? (x < 0 ? -1 : 1) : 0);
}

/* The largest exponent of the non-zero products a[j]*b[j] (INT32_MIN/2
** when all are zero), and in *all the largest of every product's
** exponent (which is >= MMA_EXP_INF/2 when one is Inf or NaN). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default"), optimize("tree-vectorize")))
#endif
static int32_t max_exp(const struct mma_val *a, const struct mma_val *b, int n, int32_t *all) {
  int32_t e = INT32_MIN / 2, e_all = INT32_MIN / 2;
  for (int j = 0; j < n; j++) {
    int32_t pe = a[j].exp + b[j].exp;
    e_all = pe > e_all ? pe : e_all;
    int32_t pz = a[j].sig && b[j].sig ? pe : INT32_MIN / 2;
    e = pz > e ? pz : e;
  }
  *all = e_all;
  return e;
}

/* The hot loop of the block FMA: sum_j trunc(|a[j]*b[j]| * 2^L >> sh_j)
** with the products' signs, sh_j = top - (a[j].exp + b[j].exp).  Every
** shifted magnitude is below 2^27 (|product| < 2^(2 in_prec), L =
** F - 2 (in_prec - 1) with F <= 25), so 32-bit lanes hold them; vectorized
** where the processor has AVX2 (variable shifts), the same result either
** way. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default"), optimize("tree-vectorize")))
#endif
static int64_t sum_trunc(const struct mma_val *a, const struct mma_val *b, int n, int32_t top,
                         int L) {
  int64_t acc = 0;
  for (int j = 0; j < n; j++) {
    int32_t p = a[j].sig * b[j].sig;
    int32_t sh = top - (a[j].exp + b[j].exp);
    uint32_t m = (uint32_t)(p < 0 ? -p : p) << L;
    uint32_t t = m >> (sh < 0 ? 0 : sh < 31 ? sh : 31);    /* sh < 0 only for zeros */
    acc += p < 0 ? -(int64_t)t : (int64_t)t;
  }
  return acc;
}

/* sum_j trunc(a[j]*b[j] aligned to F bits below 2^E), as an integer at
** 2^(E - F) (one more bit when sticky).  base = F - 2 * (in_prec - 1):
** the shift of a product whose exponent is E. */
static int64_t sum_products(const struct mma_cfg *g, const struct mma_val *a,
                            const struct mma_val *b, int n, int32_t E, bool sticky) {
  int base = g->u->frac - 2 * (g->in_prec - 1);
  if (sticky) {
    int64_t acc = 0;
    for (int j = 0; j < n; j++)
      acc += align((int64_t)a[j].sig * b[j].sig, base - (E - (a[j].exp + b[j].exp)), true);
    return acc;
  }
  int L = base > 0 ? base : 0;
  return sum_trunc(a, b, n, E + L - base, L);
}

/* c aligned like the products (c is (sig, exp) in the output format). */
static int64_t align_c(const struct mma_cfg *g, struct mma_val c, int32_t E, bool sticky) {
  return align(c.sig, g->u->frac - (g->out_prec - 1) - (E - c.exp), sticky);
}

/* floor(x * 2^s) for a signed x (s < 0: arithmetic shift). */
static int64_t shift_floor(int64_t x, int s) {
  if (s >= 0) return x * ((int64_t)1 << s);
  return -s > 62 ? (x < 0 ? -1 : 0) : x >> -s;    /* >> of a negative floors with GCC/Clang */
}

/* CDNA3: the products' sum S at 2^(Ep - F) (odd/even halves already
** combined), c added late with floor rounding. */
static uint64_t late_add(const struct mma_cfg *g, int64_t s, int32_t ep, struct mma_val c) {
  const struct mma_unit *u = g->u;
  int32_t ec = c.sig ? c.exp : g->out_emin;
  int32_t em = ep > ec ? ep : ec;
  int64_t sp = s ? shift_floor(s, u->late_frac - u->frac - (em - ep)) : 0;
  int64_t sc = 0;
  if (c.sig && !(u->late_c_drop && ec < em - u->late_c_drop))
    sc = shift_floor(c.sig, u->late_c_frac - (g->out_prec - 1) - (em - ec));
  int64_t t = sp + sc * ((int64_t)1 << (u->late_frac - u->late_c_frac));
  return finish_signed(g, t, em - u->late_frac, g->r);
}

/* One half (step 2) of the odd/even sum: products j0, j0+2, ... */
static int64_t half_sum(const struct mma_cfg *g, const struct mma_val *a, const struct mma_val *b,
                        int n, int j0, int32_t *e) {
  struct mma_val xa[64], xb[64];
  int m = 0;
  for (int j = j0; j < n; j += 2) { xa[m] = a[j]; xb[m] = b[j]; m++; }
  int32_t all;
  *e = max_exp(xa, xb, m, &all);
  return *e == INT32_MIN / 2 ? 0 : sum_products(g, xa, xb, m, *e, false);
}

static uint64_t late_block(const struct mma_cfg *g, const struct mma_val *a, const struct mma_val *b,
                           int n, struct mma_val c) {
  int32_t ep, all;
  int64_t s;
  if (g->u->odd_even) {
    int32_t e0, e1;
    int64_t s0 = half_sum(g, a, b, n, 0, &e0), s1 = half_sum(g, a, b, n, 1, &e1);
    ep = e0 > e1 ? e0 : e1;
    s = (s0 ? shift_floor(s0, e0 - ep) : 0) + (s1 ? shift_floor(s1, e1 - ep) : 0);
  } else {
    ep = max_exp(a, b, n, &all);
    s = ep == INT32_MIN / 2 ? 0 : sum_products(g, a, b, n, ep, false);
  }
  if (!s && !c.sig) return 0;
  return late_add(g, s, s ? ep : INT32_MIN / 2, c);
}

/* prd_limit: whether a product overflows the output format; then *r is
** the result (inf, or NaN when both signs overflow). */
static bool product_overflow(const struct mma_cfg *g, const struct mma_val *a,
                             const struct mma_val *b, int n, uint64_t *r) {
  bool pos = false, neg = false;
  for (int j = 0; j < n; j++) {
    int64_t p = (int64_t)a[j].sig * b[j].sig;
    uint64_t m = p < 0 ? -(uint64_t)p : (uint64_t)p;
    if (p && msb64(m) + a[j].exp + b[j].exp - 2 * (g->in_prec - 1) > g->out_emax)
      *(p < 0 ? &neg : &pos) = true;
  }
  if (!pos && !neg) return false;
  *r = pos && neg ? fp_canonical_nan(g->out)
                  : fp_round_scaled(g->out, neg, 1, 4096, false, RND_NEAREST_EVEN, false, false);
  return true;
}

/* One block FMA: c + sum_{j<n} a[j]*b[j], n <= 64, c as output bits,
** c one of the terms. */
static uint64_t bfma_terms(const struct mma_cfg *g, const struct mma_val *a,
                           const struct mma_val *b, int n, uint64_t cbits) {
  struct mma_val c = decode_out(g, cbits);
  int32_t all, E = max_exp(a, b, n, &all);
  uint64_t r;
  if (all >= MMA_EXP_INF / 2 || special(c)) return specials(g, a, b, n, c);
  if (g->u->prd_limit && product_overflow(g, a, b, n, &r)) return r;
  if (g->u->late_c) return late_block(g, a, b, n, c);
  if (c.sig && c.exp > E) E = c.exp;
  if (E == INT32_MIN / 2) return 0;                       /* everything zero: +0 */
  if (E < g->r.min_exp) E = g->r.min_exp;
  bool st = g->u->sticky;
  int64_t s = sum_products(g, a, b, n, E, st) + (c.sig ? align_c(g, c, E, st) : 0);
  return finish_signed(g, s, E - g->u->frac - st, g->r);
}

static uint64_t bfma_blocks(const struct mma_cfg *g, const struct mma_val *a,
                            const struct mma_val *b, int64_t n, uint64_t c) {
  for (int64_t i = 0; i < n; i += g->block)
    c = bfma_terms(g, a + i, b + i, (int)(n - i < g->block ? n - i : g->block), c);
  return c;
}

/* One emulated instruction (n <= g->k products; see the header): the
** products whose k has bit 1 clear, then those with it set, as two
** instructions of the f16 unit chained from +0; c added last. */
static uint64_t emulated(const struct mma_cfg *g, const struct mma_val *a,
                         const struct mma_val *b, int n, uint64_t c) {
  struct mma_cfg h = *g;
  h.u = g->via;
  h.r = g->via->out[g->out == EL_F16 ? MMA_OUT_F16 : MMA_OUT_F32];
  h.block = g->via->block;
  uint64_t s = 0;
  for (int half = 0; half < 2; half++) {
    struct mma_val xa[128], xb[128];
    int m = 0;
    for (int j = half * 2; j < n; j += (j & 1) ? 3 : 1) { xa[m] = a[j]; xb[m] = b[j]; m++; }
    s = bfma_blocks(&h, xa, xb, m, s);
  }
  return fp_add(g->out, s, c, RN, g->via->ftz_out);
}


/* ---- exact: a fixed-point accumulator ----
** Magnitudes of the positive and of the negative terms are summed apart
** (carries stop early) and subtracted at the end.  Bit `bias` is 2^0.
** Narrow inputs (products of two f32 values: 2^-298 .. 2^256, plus 2^31
** carries) take 10 words from 2^-320; f64 products (2^-2148 .. 2^2048)
** take 68 words from 2^-2200. */

enum { KW_NARROW = 10, KB_NARROW = 320, KW_F64 = 68, KB_F64 = 2200 };
struct kul {
  int nw, bias;
  bool nan, pinf, ninf;
  uint64_t w[2][KW_F64];      /* [0]: positive terms, [1]: negative terms */
};

static void kul_init(struct kul *k, bool f64) {
  k->nw = f64 ? KW_F64 : KW_NARROW;
  k->bias = f64 ? KB_F64 : KB_NARROW;
  k->nan = k->pinf = k->ninf = false;
  memset(k->w[0], 0, (size_t)k->nw * 8);
  memset(k->w[1], 0, (size_t)k->nw * 8);
}

/* Add (or, neg, subtract) the magnitude m * 2^lsb, m < 2^128. */
static void kul_add(struct kul *k, bool neg, unsigned __int128 m, int lsb) {
  if (!m) return;
  int pos = lsb + k->bias, word = pos >> 6, bit = pos & 63;
  uint64_t lo = (uint64_t)m, hi = (uint64_t)(m >> 64);
  uint64_t parts[3] = { lo << bit, bit ? hi << bit | lo >> (64 - bit) : hi, bit ? hi >> (64 - bit) : 0 };
  uint64_t *w = k->w[neg];
  unsigned carry = 0;
  for (int i = word; i < k->nw; i++) {
    uint64_t add = i - word < 3 ? parts[i - word] : 0;
    uint64_t s = w[i] + add, t = s + carry;
    carry = (s < add) + (t < s);
    w[i] = t;
    if (i - word >= 2 && !carry) break;
  }
}

/* An Inf or NaN term. */
static void kul_special(struct kul *k, bool nan, bool neg) {
  if (nan) k->nan = true;
  else if (neg) k->ninf = true;
  else k->pinf = true;
}

static void kul_product(struct kul *k, const struct mma_cfg *g, struct mma_val x, struct mma_val y) {
  if (special(x) || special(y)) {
    bool nan = x.exp == MMA_EXP_NAN || y.exp == MMA_EXP_NAN || !x.sig || !y.sig;
    kul_special(k, nan, (x.sig < 0) != (y.sig < 0));
    return;
  }
  int64_t p = (int64_t)x.sig * y.sig;
  kul_add(k, p < 0, p < 0 ? -(uint64_t)p : (uint64_t)p, x.exp + y.exp - 2 * (g->in_prec - 1));
}

/* |p - q| of nw words into d; whether q > p. */
static bool kul_diff(const uint64_t *p, const uint64_t *q, int nw, uint64_t *d) {
  int i = nw - 1;
  while (i >= 0 && p[i] == q[i]) i--;
  bool neg = i >= 0 && q[i] > p[i];
  if (neg) { const uint64_t *t = p; p = q; q = t; }
  unsigned borrow = 0;
  for (int j = 0; j < nw; j++) {
    uint64_t s = p[j] - q[j], t = s - borrow;
    borrow = (p[j] < q[j]) + (s < borrow);
    d[j] = t;
  }
  return neg;
}

/* The accumulator rounded to nearest even into type e; an exact zero is
** -0 when negzero (IEEE 754 6.3: every term a -0), else +0. */
static uint64_t kul_round(const struct kul *k, enum ty_elem e, bool negzero) {
  if (k->nan || (k->pinf && k->ninf)) return fp_canonical_nan(e);
  if (k->pinf || k->ninf) return fp_round_scaled(e, k->ninf, 1, 4096, false, RN, false, false);
  uint64_t d[KW_F64];
  bool neg = kul_diff(k->w[0], k->w[1], k->nw, d);
  int top = k->nw - 1;
  while (top >= 0 && !d[top]) top--;
  if (top < 0) return fp_round_scaled(e, negzero, 0, 0, false, RN, false, false);
  /* the 64 bits from the leading one down, and whether anything below is set */
  int lo = top * 64 + msb64(d[top]) - 63;
  uint64_t m;
  bool sticky = false;
  if (lo <= 0) { m = d[0]; lo = 0; }
  else {
    int w = lo >> 6, b = lo & 63;
    m = b ? d[w] >> b | d[w + 1] << (64 - b) : d[w];
    sticky = b && (d[w] & ((UINT64_C(1) << b) - 1));
    for (int j = 0; j < w && !sticky; j++) sticky = d[j] != 0;
  }
  return fp_round_scaled(e, neg, m, lo - k->bias, sticky, RN, false, false);
}

static uint64_t exact_dot(const struct mma_cfg *g, const struct mma_val *a, const struct mma_val *b,
                          int64_t n, uint64_t cbits) {
  struct kul k;
  kul_init(&k, false);
  struct mma_val c = decode_out(g, cbits);
  if (special(c)) kul_special(&k, c.exp == MMA_EXP_NAN, c.sig < 0);
  else kul_add(&k, c.sig < 0, c.sig < 0 ? -(uint64_t)(int64_t)c.sig : (uint64_t)c.sig,
               c.exp - (g->out_prec - 1));
  bool negzero = vneg(c);
  for (int64_t j = 0; j < n; j++) {
    kul_product(&k, g, a[j], b[j]);
    negzero = negzero && vneg(a[j]) != vneg(b[j]);
  }
  return kul_round(&k, g->out, negzero);
}

/* ---- fma: one IEEE fused multiply-add per product ---- */

static double pow2d(int e) {     /* 2^e, -1074 <= e <= 1023 */
  uint64_t u = e >= -1022 ? (uint64_t)(e + 1023) << 52 : UINT64_C(1) << (e + 1074);
  double d;
  memcpy(&d, &u, sizeof d);
  return d;
}

static double val_double(const struct mma_val v, int prec) {
  if (v.exp == MMA_EXP_NAN) return __builtin_nan("");
  if (v.exp == MMA_EXP_INF) return v.sig < 0 ? -__builtin_inf() : __builtin_inf();
  if (!v.sig) return v.exp ? -0.0 : 0.0;
  return (double)v.sig * pow2d(v.exp - (prec - 1));
}

static uint64_t fma_dot(const struct mma_cfg *g, const struct mma_val *a, const struct mma_val *b,
                        int64_t n, uint64_t c) {
  for (int64_t j = 0; j < n; j++) {
    /* x*y is exact in a double (<= 48 bits, exponent >= -298), and
    ** x*y + acc = s + t exactly (two_sum): one rounding into g->out */
    double p = val_double(a[j], g->in_prec) * val_double(b[j], g->in_prec);
    double acc = fp_to_double(g->out, c);
    double s = p + acc, bb = s - p, t = (p - (s - bb)) + (acc - bb);
    if (s - s != 0) t = 0;
    c = fp_round(g->out, s, t, RN, false, false);
  }
  return c;
}

/* ---- the entry points ---- */

uint64_t mma_dot(const struct mma_cfg *g, const struct mma_val *a, const struct mma_val *b, int n,
                 uint64_t c) {
  switch (g->u->algo) {
  case MMA_BFMA:
    if (!g->r.emulated) return bfma_blocks(g, a, b, n, c);
    for (int i = 0; i < n; i += g->k) c = emulated(g, a + i, b + i, n - i < g->k ? n - i : g->k, c);
    return c;
  case MMA_EXACT: return exact_dot(g, a, b, n, c);
  default: return fma_dot(g, a, b, n, c);
  }
}

uint64_t mma_tile_dot(const struct mma_cfg *g, const struct mma_val *a, const struct mma_val *b,
                      int64_t n, uint64_t c, bool fast_acc) {
  if (g->u->algo == MMA_EXACT) return exact_dot(g, a, b, n, c);
  if (g->u->algo == MMA_FMA) return fma_dot(g, a, b, n, c);
  int pr = g->u->promote;
  if (!pr || fast_acc || g->out != EL_F32) return bfma_blocks(g, a, b, n, c);
  for (int64_t i = 0; i < n; i += pr) {
    uint64_t part = bfma_blocks(g, a + i, b + i, n - i < pr ? n - i : pr, 0);
    c = fp_add(EL_F32, c, part, RN, false);
  }
  return c;
}

/* ---- block-scaled MMA (mmaf_scaled; see the header) ----
** Every term is m * 2^x, m an integer, with the exponent l it is aligned
** by: E = the largest l, and each term is truncated to F fraction bits
** below 2^E (MMA-Sim's fused_sum).  The sums fit 64 bits: products of
** 4-bit significands (fp8 and fp4 widened) and 16 of them times two
** scale significands, shifted to at most F + 11 bits. */

struct sterm { int64_t m; int x, l; };

/* An element, scale or c decoded as sig * 2^(exp - mbits); a zero has
** exp -126 (MMA-Sim); false for NaN (and Inf: *inf set to its sign). */
static bool sdecode(enum ty_elem e, uint32_t bits, bool is_scale, int64_t *sig, int *exp, int *mbits,
                    int *inf) {
  struct mma_fmt f;
  *inf = 0;
  *sig = 0;
  *exp = -126;
  *mbits = 0;
  switch (e) {
  case EL_F8E8M0FNU:
    if (bits == 0xFF) return false;
    *sig = 1; *exp = (int)bits - 127; *mbits = 0;
    return true;
  case EL_F4E2M1FN: f = (struct mma_fmt){ 2, 1, 1, F_FINITE }; break;
  case EL_F32: f = ifmt_of(EL_F32, false); break;
  default: f = ifmt_of(e, false); break;
  }
  if (is_scale) bits &= 0x7F;                  /* UE4M3: the sign is ignored */
  struct mma_val v = decode1(f, bits, false);
  if (v.exp == MMA_EXP_NAN) return false;
  if (v.exp == MMA_EXP_INF) { *inf = v.sig; *sig = 0; *exp = 0; *mbits = f.mbits; return true; }
  *sig = v.sig;
  *exp = v.sig ? v.exp : -126;
  *mbits = f.mbits;
  return true;
}

/* sum of the terms aligned to F bits below their largest l, truncated,
** as f32 bits rounded toward zero. */
static uint32_t sfused(const struct sterm *t, int n, int F) {
  int E = t[0].l;
  for (int i = 1; i < n; i++) E = t[i].l > E ? t[i].l : E;
  __int128 sum = 0;
  for (int i = 0; i < n; i++) {
    int sh = t[i].x + F - E;
    __int128 m = t[i].m < 0 ? -(__int128)t[i].m : t[i].m;
    m = sh >= 0 ? m << (sh < 60 ? sh : 60) : (-sh > 126 ? 0 : m >> -sh);
    sum += t[i].m < 0 ? -m : m;
  }
  struct mma_cfg g;
  mma_cfg_init(&g, mma_profile_find("sm100"), EL_F16, EL_F32);
  unsigned __int128 mag = sum < 0 ? -(unsigned __int128)sum : (unsigned __int128)sum;
  int lo = E - F;
  while (mag >> 63) { mag = mag >> 1; lo++; }   /* cannot happen: sums stay below 2^50 */
  return (uint32_t)finish(&g, sum < 0, (uint64_t)mag, lo, (struct mma_round){ RZ, 23, NF, false });
}

/* One instruction of kind mxf8f6f4: k < 32 products and c (F = 25). */
static uint32_t scaled_f8(enum ty_elem ea, enum ty_elem eb, enum ty_elem es, const uint8_t *a,
                          const uint8_t *b, int64_t bs, const uint8_t *sa, const uint8_t *sb,
                          int64_t ss, int64_t k0, int n, int64_t va, int64_t vb, uint32_t c) {
  struct sterm t[33];
  bool nan = false;
  int pinf = 0, ninf = 0, ic = 0, mb = 0, ec = 0;
  int64_t sig = 0;
  if (!sdecode(EL_F32, c, false, &sig, &ec, &mb, &ic)) nan = true;
  if (ic) *(ic > 0 ? &pinf : &ninf) = 1;
  t[0] = (struct sterm){ sig, ec - 23, ec };
  for (int j = 0; j < n; j++) {
    int64_t kk = k0 + j, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
    int e1 = 0, e2 = 0, e3 = 0, e4 = 0, m1 = 0, m2 = 0, m3 = 0, m4 = 0, i1 = 0, i2 = 0, i3 = 0, i4 = 0;
    bool ok = sdecode(ea, a[kk], false, &s1, &e1, &m1, &i1) &&
              sdecode(eb, b[kk * bs], false, &s2, &e2, &m2, &i2) &&
              sdecode(es, sa[kk / va], true, &s3, &e3, &m3, &i3) &&
              sdecode(es, sb[kk / vb * ss], true, &s4, &e4, &m4, &i4);
    if (!ok) { nan = true; continue; }
    if (i1 || i2) {                            /* inf * 0 is NaN; scales are finite */
      if ((!i1 && !s1) || (!i2 && !s2) || !s3 || !s4) nan = true;
      else *(((i1 ? i1 : s1) < 0) != ((i2 ? i2 : s2) < 0) ? &ninf : &pinf) = 1;
      t[j + 1] = (struct sterm){ 0, 0, -1000 };
      continue;
    }
    t[j + 1] = (struct sterm){ s1 * s2 * s3 * s4, e1 - m1 + e2 - m2 + e3 - m3 + e4 - m4,
                               e1 + e2 + e3 + e4 };
  }
  if (nan || (pinf && ninf)) return (uint32_t)fp_canonical_nan(EL_F32);
  if (pinf || ninf) return ninf ? 0xFF800000u : 0x7F800000u;
  return sfused(t, n + 1, 25);
}

/* One instruction of kind mxf4 / mxf4nvf4: k < 64 fp4 products in groups
** of 16 summed exactly, each group times its two scales, and c (F = 35). */
static uint32_t scaled_f4(enum ty_elem es, const uint8_t *a, const uint8_t *b, int64_t bs,
                          const uint8_t *sa, const uint8_t *sb, int64_t ss, int64_t k0, int n,
                          int64_t va, int64_t vb, uint32_t c) {
  struct sterm t[5];
  int nt = 1, ic = 0, mb = 0, ec = 0;
  int64_t sig = 0;
  if (!sdecode(EL_F32, c, false, &sig, &ec, &mb, &ic)) return (uint32_t)fp_canonical_nan(EL_F32);
  if (ic) return c;                            /* not modelled by MMA-Sim: inf stays */
  t[0] = (struct sterm){ sig, ec - 23, ec };
  for (int g0 = 0; g0 < n; g0 += 16) {
    int64_t kk = k0 + g0, p = 0, s3 = 0, s4 = 0, s1 = 0, s2 = 0;
    int e3 = 0, e4 = 0, m3 = 0, m4 = 0, i3 = 0, i4 = 0, e1 = 0, e2 = 0, m1 = 0, m2 = 0;
    if (!sdecode(es, sa[kk / va], true, &s3, &e3, &m3, &i3) ||
        !sdecode(es, sb[kk / vb * ss], true, &s4, &e4, &m4, &i4))
      return (uint32_t)fp_canonical_nan(EL_F32);
    for (int j = g0; j < n && j < g0 + 16; j++) {      /* in units of 2^-2: exact */
      sdecode(EL_F4E2M1FN, a[k0 + j], false, &s1, &e1, &m1, &i3);
      sdecode(EL_F4E2M1FN, b[(k0 + j) * bs], false, &s2, &e2, &m2, &i3);
      p += s1 * ((int64_t)1 << (s1 ? e1 : 0)) * s2 * ((int64_t)1 << (s2 ? e2 : 0));
    }
    t[nt++] = (struct sterm){ p * s3 * s4, -2 + e3 - m3 + e4 - m4, e3 + e4 };
  }
  return sfused(t, nt, 35);
}

uint32_t mma_scaled_dot(enum ty_elem ea, enum ty_elem eb, enum ty_elem es, const uint8_t *a,
                        const uint8_t *b, int64_t bs, const uint8_t *sa, const uint8_t *sb,
                        int64_t ss, int64_t k, int64_t va, int64_t vb, uint32_t c) {
  bool f4 = ea == EL_F4E2M1FN && eb == EL_F4E2M1FN;
  int step = f4 ? 64 : 32;
  for (int64_t k0 = 0; k0 < k; k0 += step) {
    int n = (int)(k - k0 < step ? k - k0 : step);
    c = f4 ? scaled_f4(es, a, b, bs, sa, sb, ss, k0, n, va, vb, c)
           : scaled_f8(ea, eb, es, a, b, bs, sa, sb, ss, k0, n, va, vb, c);
  }
  return c;
}

/* ---- whole matrix products ---- */

/* An f64 as m * 2^lsb (m < 2^53); false for Inf and NaN. */
static bool f64_split(uint64_t b, uint64_t *m, int *lsb) {
  int e = (int)(b >> 52) & 0x7FF;
  *m = b & ((UINT64_C(1) << 52) - 1);
  if (e == 0x7FF) return false;
  if (e) *m |= UINT64_C(1) << 52;
  *lsb = (e ? e : 1) - 1075;
  return true;
}

/* Add an f64 term (x * y when y_or_1 is a product, else x) to k. */
static void kul_f64(struct kul *k, uint64_t x, const uint64_t *y) {
  uint64_t mx, my = 1;
  int ex, ey = 0;
  bool neg = (x ^ (y ? *y : 0)) >> 63, fx = f64_split(x, &mx, &ex), fy = !y || f64_split(*y, &my, &ey);
  if (fx && fy) { kul_add(k, neg, (unsigned __int128)mx * my, ex + ey); return; }
  bool nan = (!fx && mx) || (!fy && my) || (fx && !mx) || (fy && !my);   /* NaN, or Inf * 0 */
  kul_special(k, nan, neg);
}

/* One output element of an f64 product: exact or sequential fmas. */
static uint64_t f64_dot(const struct mma_cfg *g, const uint64_t *a, const unsigned char *b,
                        int64_t ldb, int64_t n, uint64_t c, struct kul *k) {
  if (g->u->algo != MMA_EXACT) {
    for (int64_t j = 0; j < n; j++) c = fp_fma(EL_F64, a[j], load(b + (size_t)(j * ldb) * 8, 8), c,
                                               RN, false);
    return c;
  }
  kul_init(k, true);
  kul_f64(k, c, NULL);
  bool negzero = c == UINT64_C(1) << 63;
  for (int64_t j = 0; j < n; j++) {
    uint64_t y = load(b + (size_t)(j * ldb) * 8, 8);
    kul_f64(k, a[j], &y);
    negzero = negzero && ((a[j] ^ y) >> 63) && (!(a[j] << 1) || !(y << 1));
  }
  return kul_round(k, EL_F64, negzero);
}

static int gemm_f64(const struct mma_cfg *g, int64_t m, int64_t n, int64_t k, const uint64_t *a,
                    int64_t lda, const unsigned char *b, int64_t ldb, const unsigned char *c,
                    int64_t ldc, unsigned char *d, int64_t ldd) {
  struct kul *acc = ts_malloc(sizeof *acc);
  if (!acc) return -1;
  for (int64_t i = 0; i < m; i++)
    for (int64_t j = 0; j < n; j++) {
      uint64_t r = f64_dot(g, a + i * lda, b + j * 8, ldb, k, load(c + (size_t)(i * ldc + j) * 8, 8), acc);
      memcpy(d + (size_t)(i * ldd + j) * 8, &r, 8);
    }
  ts_free(acc);
  return 0;
}

/* ---- the block FMA on whole tiles, vectorized ----
**
** The same arithmetic as bfma_blocks for every output, with the columns of
** the product in the 8 lanes of AVX-512 doubles.  For one block of one
** output, with E its alignment exponent and q = 2^(E - F):
**   - two accumulators start near +-M, M = 1.5 * 2^52 q with the sign of
**     c: every double between 2^52 q and 2^53 q in magnitude is a multiple
**     of q, so each operation on them rounds to the grid of q; X starts
**     at +-M + trunc(c / q) q (c added rounding toward zero), Y at +-M;
**   - with the processor rounding down, one fused multiply-add adds each
**     product >= 0 to X and another the magnitude of each product < 0 to
**     Y: floor(|a*b| / q) q, which is the truncation of the model, exact
**     since products are exact in the FMA.  Which one a lane takes needs
**     no mask: b is stored twice, its lanes >= 0 (zeros elsewhere) and
**     the magnitudes of its lanes < 0, and |a| multiplies the copy that
**     a's sign picks for X and the other one for Y;
**   - X - Y is the block's exact sum of truncated terms (below 2^33 q);
**     clearing the double's low bits truncates it to the accumulator's
**     f32 (or e8m13) precision, which is the next block's c.
** E (the largest exponent of the non-zero products, of c and of the
** profile's floor) is found first by a pass in 16-bit integers, 32
** columns at a time.  The path takes f32 accumulators rounded toward
** zero with c a term of the block (every unit of sm70 to sm120; fp8 on
** sm89 and sm90 with its promotion to the f32 accumulator every 128 k,
** an IEEE add to nearest even in doubles rounded to f32, unless
** fast_acc); anything it does not
** reproduce goes to the scalar model: Inf or NaN inputs (the whole call),
** and outputs whose accumulator is Inf, NaN, f32-subnormal or beyond the
** f32 range at any block boundary (the 2 x 32 tile they are in).
** tests/unit/sim_mma_model.c compares the two on random tiles. */

/* TILESIM_SCALAR_MMA: build without it (to compare or measure) */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(TILESIM_SCALAR_MMA)
#define MMA_X86 1
#include <immintrin.h>
#define ZT __attribute__((target("avx512f,avx512dq,avx512bw,avx512vl")))
#endif

#ifdef MMA_X86
#ifdef __clang__
#define ZV __attribute__((target("avx512f,avx512dq,avx512bw,avx512vl")))
#else
#define ZV __attribute__((target("avx512f,avx512dq,avx512bw,avx512vl"), optimize("tree-vectorize")))
#endif

enum { ZW = 32, ZR = 2, Z16_ZERO = -16000 };   /* tile: ZR rows x ZW columns */

/* The operands of one call, decoded for the vector kernel.  Exponents
** are biased so that ea + eb is a product's exponent + 1023 + 52 - F. */
struct zpack {
  int64_t k, nv;          /* nv: the columns taken, a multiple of ZW */
  void *mem;              /* the one allocation everything below lies in */
  /* a[i][kk] at ((i / ZR) * k + kk) * ZR + i % ZR (a tile's rows side by side): */
  double *ad;             /* |a| as doubles (exact) */
  int32_t *ea;            /* exponent, twice (16-bit halves); zeros: Z16_ZERO */
  int32_t *so;            /* 0 where a's sign is clear, else ZW: which half of a bp
                          ** pair makes the products >= 0 with a */
  /* b[kk][j], in column groups gi = j / ZW, lane l = j % ZW: */
  double *bp;             /* at ((gi * k + kk) * 2 + h) * ZW + l: h = 0 holds b where its
                          ** sign is clear, h = 1 |b| where it is set, 0 elsewhere */
  int16_t *eb;            /* at (gi * k + kk) * ZW + l; zeros: Z16_ZERO */
};

/* Whether the vector kernel computes g's block FMA (see above). */
static bool zfast_ok(const struct mma_cfg *g, int64_t k) {
  const struct mma_unit *u = g->u;
  return u->algo == MMA_BFMA && !u->sticky && !u->late_c && !u->odd_even && !u->prd_limit &&
         !u->ftz_in && !u->ftz_out && !g->fnuz && g->out == EL_F32 && g->r.rm == RND_ZERO &&
         g->r.frac <= 23 && g->r.frac >= 1 && g->in_prec <= 12 && u->frac <= 29 && k > 0 &&
         u->promote % u->block == 0;
}

/* One element (bits of format f, in_prec - 1 = f.mbits) as a double,
** its biased exponent and its sign; false for Inf and NaN.  Inlined into
** a loop per input type, so that f is a constant there. */
static inline __attribute__((always_inline)) bool
zdec1(struct mma_fmt f, uint32_t bits, int bias, double *v, int16_t *e, uint8_t *neg) {
  uint32_t emask = (1u << f.ebits) - 1, mmask = (1u << f.mbits) - 1;
  uint32_t s = bits >> (f.ebits + f.mbits) & 1, ex = bits >> f.mbits & emask, m = bits & mmask;
  if (ex == emask && (f.kind == F_IEEE || (f.kind == F_FN && m == mmask))) return false;
  uint64_t u;
  if (ex) {
    u = (uint64_t)s << 63 | (uint64_t)(ex - f.bias + 1023) << 52 | (uint64_t)m << (52 - f.mbits);
    *e = (int16_t)((int)ex - f.bias + bias);
  } else if (m) {
    int t = 31 - __builtin_clz(m);     /* the leading bit of a subnormal */
    u = (uint64_t)s << 63 | (uint64_t)(1 - f.bias - f.mbits + t + 1023) << 52 |
        (uint64_t)(m & ((1u << t) - 1)) << (52 - t);
    *e = (int16_t)(1 - f.bias + bias);
  } else {
    u = (uint64_t)s << 63;
    *e = Z16_ZERO;
  }
  memcpy(v, &u, sizeof *v);
  *neg = (uint8_t)(s & (ex || m));
  return true;
}

#define ZDEC_LOOP(T, F, SHIFT)                                                                      \
  for (int64_t i = 0; i < n; i++) {                                                                \
    T x;                                                                                           \
    memcpy(&x, (const unsigned char *)src + (size_t)(i * stride) * sizeof x, sizeof x);            \
    ok &= zdec1(F, (uint32_t)x >> (SHIFT), bias, &v[i], &e[i], &neg[i]);                          \
  }

/* zdecode for bf16, without branches (it vectorizes): a bf16 is the top
** half of an f32, which converts to a double exactly. */
ZV static bool zdec_bf16(const uint16_t *src, int64_t n, int64_t stride, int bias, double *v,
                      int16_t *e, uint8_t *neg) {
  unsigned bad = 0;
  for (int64_t i = 0; i < n; i++) {
    uint16_t x = src[i * stride];
    uint32_t u = (uint32_t)x << 16, ex = x >> 7 & 0xFF, mag = x & 0x7FFF;
    float f;
    memcpy(&f, &u, sizeof f);
    bad |= ex == 0xFF;
    v[i] = (double)f;
    e[i] = (int16_t)(ex ? (int)ex - 127 + bias : mag ? -126 + bias : Z16_ZERO);
    neg[i] = (uint8_t)(x >> 15 & (mag != 0));
  }
  return !bad;
}

/* Decode n elements (stride in elements) into doubles, biased exponents
** and signs (zeros: Z16_ZERO); false when one is Inf or NaN. */
ZV static bool zdecode(const struct mma_cfg *g, const void *src, int64_t n, int64_t stride, int bias,
                    double *v, int16_t *e, uint8_t *neg) {
  bool ok = true;
  switch (g->in) {
  case EL_BF16: return zdec_bf16(src, n, stride, bias, v, e, neg);
  case EL_F16: ZDEC_LOOP(uint16_t, ((struct mma_fmt){ 5, 10, 15, F_IEEE }), 0) break;
  case EL_TF32: ZDEC_LOOP(uint32_t, ((struct mma_fmt){ 8, 10, 127, F_IEEE }), 13) break;
  case EL_F8E4M3FN: ZDEC_LOOP(uint8_t, ((struct mma_fmt){ 4, 3, 7, F_FN }), 0) break;
  case EL_F8E5M2: ZDEC_LOOP(uint8_t, ((struct mma_fmt){ 5, 2, 15, F_IEEE }), 0) break;
  default: return false;
  }
  return ok;
}

static void zpack_free(struct zpack *p) {
  ts_free(p->mem);
}

/* Decode a (m x k) and the first p->nv columns of b (k x n); 0, -1 when
** out of memory, 1 when an input is Inf or NaN. */
ZV static int zpack_init(struct zpack *p, const struct mma_cfg *g, int64_t m, int64_t k,
                      const void *a, int64_t lda, const void *b, int64_t ldb) {
  size_t si = elt_size(g->in);
  int bias = 1023 + 52 - g->u->frac, ba = bias / 2, bb = bias - ba;
  int64_t nv = p->nv, mg = (m + ZR - 1) / ZR * ZR, nt = k > nv ? k : nv;
  p->k = k;
  /* one block: freeing several smaller ones lets malloc give the pages
  ** back to the system at every call, and fault them in again at the next */
  size_t nbp = (size_t)(nv * k) * 16, nad = (size_t)(mg * k) * 8;
  size_t nea = (size_t)(mg * k) * 4, neb = (size_t)(nv * k) * 2;
  p->mem = ts_malloc(64 + nbp + nad + 2 * nea + neb + (size_t)nt * (8 + 2 + 1));
  if (!p->mem) return -1;
  p->bp = (double *)(((uintptr_t)p->mem + 63) & ~(uintptr_t)63);
  p->ad = p->bp + nv * k * 2;
  p->ea = (int32_t *)(p->ad + mg * k);
  p->so = p->ea + mg * k;
  p->eb = (int16_t *)(p->so + mg * k);
  double *tv = (double *)(p->eb + nv * k);       /* one row, decoded */
  int16_t *te = (int16_t *)(tv + nt);
  uint8_t *ts = (uint8_t *)(te + nt);
  for (int64_t i = 0; i < m; i++) {
    if (!zdecode(g, (const char *)a + (size_t)(i * lda) * si, k, 1, ba, tv, te, ts)) {
      zpack_free(p);
      return 1;
    }
    for (int64_t kk = 0, x = i / ZR * ZR * k + i % ZR; kk < k; kk++, x += ZR) {
      p->ad[x] = fabs(tv[kk]);
      p->ea[x] = (int32_t)((uint32_t)(uint16_t)te[kk] * 0x10001u);
      p->so[x] = signbit(tv[kk]) ? ZW : 0;
    }
  }
  for (int64_t kk = 0; kk < k; kk++) {
    if (!zdecode(g, (const char *)b + (size_t)(kk * ldb) * si, nv, 1, bb, tv, te, ts)) {
      zpack_free(p);
      return 1;
    }
    for (int64_t j = 0; j < nv; j += 8) {
      int64_t x = (j / ZW * k + kk) * ZW + j % ZW;
      __m512d v = _mm512_loadu_pd(tv + j);
      __mmask8 neg = _mm512_movepi64_mask(_mm512_castpd_si512(v));
      _mm512_storeu_pd(p->bp + x + x / ZW * ZW, _mm512_maskz_mov_pd((__mmask8)~neg, v));
      _mm512_storeu_pd(p->bp + x + x / ZW * ZW + ZW, _mm512_maskz_mov_pd(neg, _mm512_abs_pd(v)));
      memcpy(p->eb + x, te + j, 8 * sizeof *te);
    }
  }
  return 0;
}

/* The block FMA of rows i0 .. i0+R-1 and columns j0 .. j0+31 into
** (float) d, from (float) c; false (d untouched) when an output must go
** to the scalar model.  pr > 0: fp8 promotion, the chain restarted from
** +0 every pr k and added to the f32 accumulator (mma_tile_dot). */
ZT static inline __attribute__((always_inline)) bool
ztile(const struct zpack *p, const struct mma_cfg *g, const int R, int64_t i0, int64_t j0,
      const float *c, int64_t ldc, float *d, int64_t ldd, int64_t pr) {
  const int64_t k = p->k, gi = j0 / ZW, abase = i0 / ZR * ZR * k;
  const double *bp = p->bp + gi * k * 2 * ZW;
  const int16_t *eb = p->eb + gi * k * ZW;
  const int F = g->u->frac, bias = 1023 + 52 - F, blk = g->block;
  const int floor_e = g->r.min_exp > -400 ? g->r.min_exp : -400;
  const __m512i expm = _mm512_set1_epi64(0x7FF0000000000000LL);
  const __m512i k1 = _mm512_set1_epi64((int64_t)((uint64_t)(52 - F) << 52 | UINT64_C(1) << 51));
  const __m512i half = _mm512_set1_epi64((int64_t)(UINT64_C(1) << 51)), one = _mm512_set1_epi64(1);
  const __m512i keep = _mm512_set1_epi64((int64_t)~((UINT64_C(1) << (52 - g->r.frac)) - 1));
  const __m512i sgn = _mm512_set1_epi64(INT64_MIN);
  const __m512i floor16 = _mm512_set1_epi16((int16_t)(floor_e + bias));
  __m512i emax = _mm512_setzero_si512(), emin1 = _mm512_set1_epi64(-1);
  __m512d C[ZR][4], X[ZR][4], Y[ZR][4], O[ZR][4];   /* O: the f32 accumulator when pr */
  _Pragma("GCC unroll 4")
  for (int r = 0; r < R; r++)
    _Pragma("GCC unroll 4")
    for (int v = 0; v < 4; v++) {
      O[r][v] = _mm512_cvtps_pd(_mm256_loadu_ps(c + (i0 + r) * ldc + j0 + 8 * v));
      C[r][v] = pr ? _mm512_setzero_pd() : O[r][v];
    }
  for (int64_t kb = 0; kb < k; kb += blk) {
    int64_t ke = kb + blk < k ? kb + blk : k;
    /* E: the largest exponent of the products (16-bit lanes), of c and
    ** of the profile's floor; M = 1.5 * 2^52 * 2^(E - F) with c's sign */
    __m512i E[ZR];
    _Pragma("GCC unroll 4")
    for (int r = 0; r < R; r++) E[r] = floor16;
    for (int64_t kk = kb; kk < ke; kk++) {
      __m512i e = _mm512_loadu_si512(eb + kk * ZW);
      _Pragma("GCC unroll 4")
      for (int r = 0; r < R; r++)
        E[r] = _mm512_max_epi16(E[r], _mm512_add_epi16(_mm512_set1_epi32(p->ea[abase + kk * ZR + r]), e));
    }
    _Pragma("GCC unroll 4")
    for (int r = 0; r < R; r++) {
      int16_t e16[ZW] __attribute__((aligned(64)));
      _mm512_store_si512(e16, E[r]);
      _Pragma("GCC unroll 4")
      for (int v = 0; v < 4; v++) {
        __m512i cb = _mm512_castpd_si512(C[r][v]), ec = _mm512_and_si512(cb, expm);
        emax = _mm512_max_epu64(emax, ec);
        emin1 = _mm512_min_epu64(emin1, _mm512_sub_epi64(ec, one));
        __m512i mp = _mm512_cvtepi16_epi64(_mm_load_si128((const __m128i *)&e16[8 * v]));
        __m512i mm = _mm512_max_epi64(_mm512_or_si512(_mm512_slli_epi64(mp, 52), half),
                                      _mm512_add_epi64(ec, k1));
        Y[r][v] = _mm512_castsi512_pd(_mm512_ternarylogic_epi64(mm, cb, sgn, 0xD8));
        X[r][v] = _mm512_add_round_pd(Y[r][v], C[r][v], _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
      }
    }
    /* the products >= 0 into X, the magnitudes of those < 0 into Y, every
    ** fma rounding down (the caller's rounding mode): |a| times the half of
    ** b's pair that a's sign picks */
    for (int64_t kk = kb; kk < ke; kk++) {
      const double *bk = bp + kk * 2 * ZW, *ad = p->ad + abase + kk * ZR;
      const int32_t *so = p->so + abase + kk * ZR;
      _Pragma("GCC unroll 4")
      for (int r = 0; r < R; r++) {
        __m512d av = _mm512_set1_pd(ad[r]);
        const double *pos = bk + so[r], *neg = bk + (ZW - so[r]);
        _Pragma("GCC unroll 4")
        for (int v = 0; v < 4; v++) {
          X[r][v] = _mm512_fmadd_pd(av, _mm512_loadu_pd(pos + 8 * v), X[r][v]);
          Y[r][v] = _mm512_fmadd_pd(av, _mm512_loadu_pd(neg + 8 * v), Y[r][v]);
        }
      }
    }
    _Pragma("GCC unroll 4")
    for (int r = 0; r < R; r++)
      _Pragma("GCC unroll 4")
      for (int v = 0; v < 4; v++)
        C[r][v] = _mm512_castsi512_pd(_mm512_and_si512(_mm512_castpd_si512(_mm512_sub_round_pd(
            X[r][v], Y[r][v], _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)), keep));  /* exact; 0 is +0 */
    if (pr && (ke % pr == 0 || ke == k)) {
      /* promotion: O + chain, an IEEE f32 add to nearest even (the double
      ** sum of two f32 values is exact), and the chain from +0 again */
      _Pragma("GCC unroll 4")
      for (int r = 0; r < R; r++)
        _Pragma("GCC unroll 4")
        for (int v = 0; v < 4; v++) {
          __m512d s = _mm512_add_round_pd(O[r][v], C[r][v], _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
          O[r][v] = _mm512_cvtps_pd(_mm512_cvt_roundpd_ps(s, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
          C[r][v] = _mm512_setzero_pd();
        }
    }
  }
  _Pragma("GCC unroll 4")
  for (int r = 0; r < R; r++)
    _Pragma("GCC unroll 4")
    for (int v = 0; v < 4; v++) {
      __m512i ec = _mm512_and_si512(_mm512_castpd_si512(C[r][v]), expm);
      emax = _mm512_max_epu64(emax, ec);
      emin1 = _mm512_min_epu64(emin1, _mm512_sub_epi64(ec, one));
    }
  /* every accumulator 0 or a normal f32 (exponent -126 .. 127) */
  if (_mm512_cmpgt_epu64_mask(emax, _mm512_set1_epi64((int64_t)(UINT64_C(1150) << 52))) ||
      _mm512_cmplt_epu64_mask(emin1, _mm512_set1_epi64((int64_t)((UINT64_C(897) << 52) - 1))))
    return false;
  _Pragma("GCC unroll 4")
  for (int r = 0; r < R; r++)
    _Pragma("GCC unroll 4")
    for (int v = 0; v < 4; v++)
      _mm256_storeu_ps(d + (i0 + r) * ldd + j0 + 8 * v, _mm512_cvtpd_ps(pr ? O[r][v] : C[r][v]));
  return true;
}

ZT static bool ztile_rows(const struct zpack *p, const struct mma_cfg *g, int R, int64_t i0,
                          int64_t j0, const float *c, int64_t ldc, float *d, int64_t ldd,
                          int64_t pr) {
  return R == ZR ? ztile(p, g, ZR, i0, j0, c, ldc, d, ldd, pr)
                 : ztile(p, g, 1, i0, j0, c, ldc, d, ldd, pr);
}
#endif

#ifdef MMA_X86
/* The scalar model for outputs i0 .. i1-1, j0 .. j1-1 of one call. */
static int scalar_block(const struct mma_cfg *g, int64_t i0, int64_t i1, int64_t j0, int64_t j1,
                        int64_t k, const void *a, int64_t lda, const void *b, int64_t ldb,
                        const void *c, int64_t ldc, void *d, int64_t ldd, bool fast_acc) {
  size_t si = elt_size(g->in), so = elt_size(g->out);
  struct mma_val *va = ts_malloc((size_t)(k + 1) * 2 * sizeof *va), *vb = va + k + 1;
  if (!va) return -1;
  for (int64_t i = i0; i < i1; i++) {
    mma_decode(g, (const char *)a + (size_t)(i * lda) * si, k, 1, va);
    for (int64_t j = j0; j < j1; j++) {
      mma_decode(g, (const char *)b + (size_t)j * si, k, ldb, vb);
      uint64_t cb = load((const char *)c + (size_t)(i * ldc + j) * so, so);
      uint64_t r = mma_tile_dot(g, va, vb, k, cb, fast_acc);
      memcpy((char *)d + (size_t)(i * ldd + j) * so, &r, so);
    }
  }
  ts_free(va);
  return 0;
}

#endif

/* mma_gemm on the vector kernel: 1 when it does not apply here (another
** processor, profile or input), else 0 or -1 (out of memory). */
static int gemm_fast(const struct mma_cfg *g, int64_t m, int64_t n, int64_t k, const void *a,
                     int64_t lda, const void *b, int64_t ldb, const void *c, int64_t ldc, void *d,
                     int64_t ldd, bool fast_acc) {
#ifdef MMA_X86
  if (!zfast_ok(g, k) || n < ZW || !__builtin_cpu_supports("avx512f") ||
      !__builtin_cpu_supports("avx512dq") || !__builtin_cpu_supports("avx512bw"))
    return 1;
  struct zpack p = { .nv = n / ZW * ZW };
  int64_t pr = fast_acc ? 0 : g->u->promote;        /* as mma_tile_dot promotes */
  int rc = zpack_init(&p, g, m, k, a, lda, b, ldb);
  if (rc) return rc;
  /* the kernel's fmas round down: the rounding mode, FTZ and DAZ off */
  unsigned csr = _mm_getcsr(), down = (csr & ~0xE040u) | 0x2000u;
  _mm_setcsr(down);
  for (int64_t j0 = 0; j0 < p.nv && !rc; j0 += ZW)
    for (int64_t i0 = 0; i0 < m && !rc; i0 += ZR) {
      int R = m - i0 < ZR ? (int)(m - i0) : ZR;
      if (!ztile_rows(&p, g, R, i0, j0, c, ldc, d, ldd, pr)) {
        _mm_setcsr(csr);
        rc = scalar_block(g, i0, i0 + R, j0, j0 + ZW, k, a, lda, b, ldb, c, ldc, d, ldd, fast_acc);
        _mm_setcsr(down);
      }
    }
  _mm_setcsr(csr);
  zpack_free(&p);
  if (!rc && p.nv < n)
    rc = scalar_block(g, 0, m, p.nv, n, k, a, lda, b, ldb, c, ldc, d, ldd, fast_acc);
  return rc;
#else
  (void)g; (void)m; (void)n; (void)k; (void)a; (void)lda; (void)b; (void)ldb; (void)c;
  (void)ldc; (void)d; (void)ldd; (void)fast_acc;
  return 1;
#endif
}

int mma_gemm(const struct mma_cfg *g, int64_t m, int64_t n, int64_t k, const void *a, int64_t lda,
             const void *b, int64_t ldb, const void *c, int64_t ldc, void *d, int64_t ldd,
             bool fast_acc) {
  if (g->in == EL_F64) return gemm_f64(g, m, n, k, a, lda, b, ldb, c, ldc, d, ldd);
  int fr = gemm_fast(g, m, n, k, a, lda, b, ldb, c, ldc, d, ldd, fast_acc);
  if (fr <= 0) return fr;
  size_t si = elt_size(g->in), so = elt_size(g->out);
  struct mma_val *va = ts_malloc((size_t)(m * k + 1) * sizeof *va);
  struct mma_val *vb = ts_malloc((size_t)(n * k + 1) * sizeof *vb);
  if (!va || !vb) { ts_free(va); ts_free(vb); return -1; }
  for (int64_t i = 0; i < m; i++) mma_decode(g, (const char *)a + (size_t)(i * lda) * si, k, 1, va + i * k);
  for (int64_t j = 0; j < n; j++) mma_decode(g, (const char *)b + (size_t)j * si, k, ldb, vb + j * k);
  for (int64_t i = 0; i < m; i++)
    for (int64_t j = 0; j < n; j++) {
      uint64_t cb = load((const char *)c + (size_t)(i * ldc + j) * so, so);
      uint64_t r = mma_tile_dot(g, va + i * k, vb + j * k, k, cb, fast_acc);
      memcpy((char *)d + (size_t)(i * ldd + j) * so, &r, so);
    }
  ts_free(va);
  ts_free(vb);
  return 0;
}
