/*
** sim_fp.c -- see sim_fp.h.
**
** Design.  Every result is the exact mathematical value rounded once.  The
** exact value is carried in one of two forms:
**   - an unevaluated sum hi + lo of doubles, from an error-free
**     transformation (two_sum, fma-based two_prod), for add, mul and the
**     narrow fma;
**   - a struct xv: sign, 64-bit integer m, binary exponent and a sticky
**     flag: |value| = (m + d) * 2^exp with 0 < d < 1 exactly when sticky.
**     div and sqrt build it from a double quotient or root nudged by the
**     sign of its exact remainder (fma(-q, b, a), fma(-s, s, x)); the f64
**     fma builds it from 128-bit integer arithmetic.
** round_x() is the one place that rounds: every format, every mode,
** subnormals, overflow policies, ftz.  Host floating point is used only
** for + - * / sqrt fma in the default rounding mode, which IEEE 754
** specifies exactly; nothing reads or changes the floating-point
** environment, and there is no long double and no libm approximation.
*/
#include <config.h>
#include "sim_fp.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* The error-free transformations need IEEE binary32/binary64 evaluation
** (no x87 excess precision); -std=c11 also keeps GCC from contracting
** a*b+c into an fma behind our back. */
#if !defined(FLT_EVAL_METHOD) || (FLT_EVAL_METHOD != 0 && FLT_EVAL_METHOD != -1)
#error "sim_fp.c needs IEEE float/double evaluation (FLT_EVAL_METHOD 0), e.g. -msse2 -mfpmath=sse"
#endif

/* ---- bits ---- */

static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, sizeof u); return u; }
static double dfrom(uint64_t u) { double d; memcpy(&d, &u, sizeof d); return d; }
static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, sizeof u); return u; }
static float ffrom(uint32_t u) { float f; memcpy(&f, &u, sizeof f); return f; }

static int clz64(uint64_t x) {   /* x != 0 */
#if defined(__GNUC__)
  return __builtin_clzll(x);
#else
  int n = 0;
  while (!(x >> 63)) { x <<= 1; n++; }
  return n;
#endif
}
static int bitlen64(uint64_t x) { return x ? 64 - clz64(x) : 0; }
static uint64_t mask64(int n) { return n >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << n) - 1; }

#define D_SIGN (UINT64_C(1) << 63)
#define D_FRAC ((UINT64_C(1) << 52) - 1)

/* 2^k as a double, -1074 <= k <= 1023. */
static double pow2(int k) {
  return k >= -1022 ? dfrom((uint64_t)(k + 1023) << 52) : dfrom(UINT64_C(1) << (k + 1074));
}

/* |x| = m * 2^e with m an integer below 2^53 (x finite, nonzero). */
static uint64_t dsplit(double x, int *e) {
  uint64_t b = dbits(x) & ~D_SIGN;
  int be = (int)(b >> 52);
  if (be == 0) { *e = -1074; return b; }
  *e = be - 1075;
  return (b & D_FRAC) | (UINT64_C(1) << 52);
}

/* |x| = r * 2^e with r in [1, 2) (x finite, nonzero). */
static double dnorm(double x, int *e) {
  uint64_t b = dbits(x) & ~D_SIGN;
  int be = (int)(b >> 52);
  if (be == 0) {                     /* subnormal: normalize the fraction */
    int k = clz64(b) - 11;
    b <<= k;
    be = 1 - k;
  }
  *e = be - 1023;
  return dfrom((UINT64_C(1023) << 52) | (b & D_FRAC));
}

/* s + *t == a + b exactly (Knuth), when a + b does not overflow. */
static double two_sum(double a, double b, double *t) {
  double s = a + b, bb = s - a;
  *t = (a - (s - bb)) + (b - bb);
  return s;
}

/* ---- formats ---- */

enum nan_kind { NAN_IEEE, NAN_ONES, NAN_NONE, NAN_NEGZERO };   /* NEGZERO: FNUZ, 0x80 */

/* A float format.  Its field is (sign, exponent, mantissa) packed in
** 1 + ebits + mbits bits (no sign bit when !sign); the stored pattern is
** the field shifted left by shift (tf32 lives in an f32 pattern). */
struct fmt {
  unsigned char ebits, mbits, shift;
  bool sign, inf, subn;      /* sign bit, infinities, subnormals (E = 0) */
  unsigned char nan;         /* enum nan_kind */
  short bias;
  uint64_t maxfin;           /* field of the largest finite magnitude */
  uint64_t qnan;             /* the canonical NaN, as stored */
};

/* f8E5M3FNU (13.4 preview) is taken to be unsigned with 5 exponent bits
** (bias 15), 3 mantissa bits, subnormals, no infinity and one NaN, 0xFF:
** largest value 0xFE = 1.75 * 2^16 = 114688.  f4E2M1FN has no NaN: its
** "canonical NaN" is +6 (0x7), what NVIDIA's conversions give for NaN. */
static const struct fmt fmts[FP_NELEM] = {
  [EL_F16] = {5, 10, 0, true, true, true, NAN_IEEE, 15, 0x7BFF, 0x7FFF},
  [EL_BF16] = {8, 7, 0, true, true, true, NAN_IEEE, 127, 0x7F7F, 0x7FFF},
  [EL_F32] = {8, 23, 0, true, true, true, NAN_IEEE, 127, 0x7F7FFFFF, 0x7FFFFFFF},
  [EL_F64] = {11, 52, 0, true, true, true, NAN_IEEE, 1023, UINT64_C(0x7FEFFFFFFFFFFFFF),
              UINT64_C(0x7FFFFFFFFFFFFFFF)},
  [EL_TF32] = {8, 10, 13, true, true, true, NAN_IEEE, 127, 0x3FBFF, 0x7FFFE000},
  [EL_F8E4M3FN] = {4, 3, 0, true, false, true, NAN_ONES, 7, 0x7E, 0x7F},
  [EL_F8E5M2] = {5, 2, 0, true, true, true, NAN_IEEE, 15, 0x7B, 0x7F},
  [EL_F8E8M0FNU] = {8, 0, 0, false, false, false, NAN_ONES, 127, 0xFE, 0xFF},
  [EL_F8E5M3FNU] = {5, 3, 0, false, false, true, NAN_ONES, 15, 0xFE, 0xFF},
  [EL_F4E2M1FN] = {2, 1, 0, true, false, true, NAN_NONE, 1, 0x7, 0x7},
  [FP_F8E4M3FNUZ] = {4, 3, 0, true, false, true, NAN_NEGZERO, 8, 0x7F, 0x80},
  [FP_F8E5M2FNUZ] = {5, 2, 0, true, false, true, NAN_NEGZERO, 16, 0x7F, 0x80},
};

enum ty_elem fp_fp8_encoding(enum ty_elem e, bool fnuz) {
  if (!fnuz) return e;
  return e == EL_F8E4M3FN ? (enum ty_elem)FP_F8E4M3FNUZ : e == EL_F8E5M2 ? (enum ty_elem)FP_F8E5M2FNUZ : e;
}

static const struct fmt *fmt_of(enum ty_elem e) {
  return (unsigned)e < FP_NELEM && fmts[e].ebits ? &fmts[e] : NULL;
}
static int fmt_emin(const struct fmt *f) { return f->subn ? 1 - f->bias : -f->bias; }
static int fmt_width(const struct fmt *f) { return f->sign + f->ebits + f->mbits; }
static uint64_t encode(const struct fmt *f, bool neg, uint64_t mag) {
  uint64_t s = neg && f->sign ? UINT64_C(1) << (f->ebits + f->mbits) : 0;
  return (s | mag) << f->shift;
}
static uint64_t max_of(const struct fmt *f, bool neg) { return encode(f, neg, f->maxfin); }
/* f8E8M0FNU has no zero: a result that rounds to zero (and a zero input)
** gives 0x00 = 2^-127, as NVIDIA's conversions do (they take the exponent
** field, 0 for zero and subnormals). */
static uint64_t zero_of(const struct fmt *f, bool neg) {
  return f->subn ? encode(f, neg && f->nan != NAN_NEGZERO, 0) : 0;
}
/* An exact infinity: the type's, or the largest finite value (sat, or a
** type with neither infinity nor NaN), or NaN. */
static uint64_t inf_of(const struct fmt *f, bool neg, bool sat) {
  if (sat || f->nan == NAN_NONE) return max_of(f, neg);
  if (f->inf) return encode(f, neg, mask64(f->ebits) << f->mbits);
  return f->qnan;
}
/* Overflow: IEEE 754 7.4 -- to infinity unless the mode rounds toward
** zero for this sign, then the largest finite value; a type without
** infinity gives NaN instead, or the largest finite value when sat (the
** NVIDIA satfinite policy, which also applies to types with infinity). */
static uint64_t overflow_of(const struct fmt *f, bool neg, enum ir_rounding rm, bool sat) {
  bool to_inf = rm == RND_ZERO ? false : rm == RND_POSITIVE_INF ? !neg
              : rm == RND_NEGATIVE_INF ? neg : true;
  return to_inf ? inf_of(f, neg, sat) : max_of(f, neg);
}

/* ---- decoding ---- */

enum { C_ZERO, C_FIN, C_INF, C_NAN };

/* bits of format f, decoded: class, sign and |value| = m * 2^exp. */
struct dec { int cls; bool neg; uint64_t m; int exp; };

static void decode(const struct fmt *f, uint64_t bits, struct dec *d) {
  uint64_t field = (bits >> f->shift) & mask64(fmt_width(f));
  uint64_t mag = field & mask64(f->ebits + f->mbits);
  uint64_t E = mag >> f->mbits, M = mag & mask64(f->mbits), emask = mask64(f->ebits);
  d->neg = f->sign && (field >> (f->ebits + f->mbits));
  d->m = 0;
  d->exp = 0;
  if ((f->nan == NAN_IEEE && E == emask && M) || (f->nan == NAN_ONES && mag == mask64(f->ebits + f->mbits)) ||
      (f->nan == NAN_NEGZERO && d->neg && !mag))
    d->cls = C_NAN;
  else if (f->inf && E == emask)
    d->cls = C_INF;
  else if (f->subn && E == 0) {
    d->cls = M ? C_FIN : C_ZERO;
    d->m = M;
    d->exp = fmt_emin(f) - f->mbits;
  } else {
    d->cls = C_FIN;
    d->m = M | (UINT64_C(1) << f->mbits);
    d->exp = (int)E - f->bias - f->mbits;
  }
}

/* ---- rounding ---- */

/* The discarded part of a rounded value, against half a unit of the last
** place kept. */
enum { R_EXACT, R_BELOW, R_HALF, R_ABOVE };

/* An exact value: (-1)^neg * (m + d) * 2^exp, 0 < d < 1 iff sticky.
** Invariant: sticky implies m >= 2^55, so that at least two bits of m are
** discarded by any rounding and d only breaks ties (one bit would do:
** round_x needs half an ulp of the result to be at least 2^exp). */
struct xv { bool neg; uint64_t m; int exp; bool sticky; };

/* m >> s (s >= 1) and the class of what is shifted out (plus d). */
static uint64_t shr_class(uint64_t m, int s, bool sticky, int *r) {
  if (s > 64) {
    *r = m || sticky ? R_BELOW : R_EXACT;
    return 0;
  }
  uint64_t d = s == 64 ? m : m & mask64(s), half = UINT64_C(1) << (s - 1);
  *r = d == 0 ? (sticky ? R_BELOW : R_EXACT) : d < half ? R_BELOW
     : d == half ? (sticky ? R_ABOVE : R_HALF) : R_ABOVE;
  return s == 64 ? 0 : m >> s;
}

/* Whether rounding by rm adds one unit to a truncated magnitude (odd:
** its last bit).  approx, full and nearest_int_to_zero, which callers
** do not pass here, round to nearest even. */
static bool round_up(enum ir_rounding rm, bool neg, bool odd, int r) {
  if (r == R_EXACT) return false;
  switch (rm) {
  case RND_ZERO: return false;
  case RND_POSITIVE_INF: return !neg;
  case RND_NEGATIVE_INF: return neg;
  case RND_NEAREST_AWAY: return r >= R_HALF;
  default: return r == R_ABOVE || (r == R_HALF && odd);
  }
}

/* x rounded into format f by rm.  Unsigned formats take |x|: NVIDIA's
** f8E8M0FNU conversions ignore the sign (a scale is a magnitude), and
** f8E5M3FNU, another scale type, is treated alike.  ftz: a subnormal
** result (after rounding) becomes zero of the same sign. */
static uint64_t round_x_ov(const struct fmt *f, const struct xv *x, enum ir_rounding rm,
                           bool ftz, bool sat, bool *overflowed) {
  bool neg = f->sign && x->neg;
  if (x->m == 0 && !x->sticky) return zero_of(f, neg);
  int emin = fmt_emin(f), mb = f->mbits;
  int ev = bitlen64(x->m) - 1 + x->exp;          /* floor(log2 |x|) */
  int q = (ev > emin ? ev : emin) - mb;          /* exponent of the last place */
  int s = q - x->exp, r = R_EXACT;
  uint64_t n = s <= 0 ? x->m << -s : shr_class(x->m, s, x->sticky, &r);
  if (round_up(rm, neg, n & 1, r)) n++;
  if (n >> (mb + 1)) {                           /* carried into the next binade */
    n >>= 1;
    q++;
  }
  if (n == 0) return zero_of(f, neg);
  if (n >> mb == 0)                              /* subnormal */
    return ftz ? zero_of(f, neg) : encode(f, neg, n);
  int64_t E = (int64_t)q + mb + f->bias;
  uint64_t mag = ((uint64_t)E << mb) | (n & mask64(mb));
  if (E > (int64_t)(f->maxfin >> mb) || mag > f->maxfin) {
    if (overflowed) *overflowed = true;
    return overflow_of(f, neg, rm, sat);
  }
  return encode(f, neg, mag);
}

static uint64_t round_x(const struct fmt *f, const struct xv *x, enum ir_rounding rm,
                        bool ftz, bool sat) {
  return round_x_ov(f, x, rm, ftz, sat, NULL);
}

/* x := (hi + lo) * 2^scale, exactly; hi != 0 finite and |lo| <= ulp(hi)/2
** (hi == RNE(hi + lo)). */
static void xv_from_hilo(struct xv *x, double hi, double lo, int scale) {
  int E, El;
  uint64_t M = dsplit(hi, &E);
  int k = clz64(M);
  x->neg = dbits(hi) >> 63;
  x->m = M << k;                                 /* bit 63 set */
  x->exp = E - k + scale;
  x->sticky = false;
  if (lo == 0) return;
  uint64_t L = dsplit(lo, &El), u;
  int d = El - (E - k);                          /* lo in units of 2^(E-k) */
  bool st = false;
  if (d >= 0) u = L << d;                        /* < 2^(k-1): no overflow */
  else if (d > -64) { u = L >> -d; st = (L << (64 + d)) != 0; }
  else { u = 0; st = true; }
  if ((dbits(lo) >> 63) == (uint64_t)x->neg) x->m += u;
  else x->m -= u + st;                           /* (m - u - 1) + (1 - d) */
  x->sticky = st;
}

/* x, exact so far, moved by less than one unit of its 64-bit m toward
** dir (the sign of the exact remainder of a quotient or root). */
static void xv_nudge(struct xv *x, int dir) {
  if (dir < 0) x->m -= 1;
  x->sticky = dir != 0;
}

uint64_t fp_round(enum ty_elem e, double hi, double lo, enum ir_rounding rm, bool ftz, bool sat) {
  const struct fmt *f = fmt_of(e);
  if (!f) return 0;
  double s = lo == 0 ? hi : hi + lo, t;        /* -0 + 0 would lose the sign */
  if (s != s) return f->qnan;
  if (s == 0) return zero_of(f, dbits(s) >> 63);
  struct xv x;
  if (s - s != 0) {                              /* infinite */
    if (hi - hi != 0 || lo - lo != 0) return inf_of(f, dbits(s) >> 63, sat);
    s = two_sum(hi * 0.5, lo * 0.5, &t);         /* finite, huge: both halve exactly */
    xv_from_hilo(&x, s, t, 1);
  } else {
    s = two_sum(hi, lo, &t);
    xv_from_hilo(&x, s, t, 0);
  }
  return round_x(f, &x, rm, ftz, sat);
}

bool fp_fits(enum ty_elem e, double v) {
  const struct fmt *f = fmt_of(e);
  if (!f || v != v || v - v != 0) return false;
  if (!f->sign && v < 0) return false;
  if (v == 0) return f->mbits > 0;             /* f8E8M0FNU has no zero */
  struct xv x;
  bool over = false;
  xv_from_hilo(&x, v, 0, 0);
  round_x_ov(f, &x, RND_NEAREST_EVEN, false, false, &over);
  return !over;
}

uint64_t fp_round_scaled(enum ty_elem e, bool neg, uint64_t m, int exp, bool sticky, enum ir_rounding rm,
                         bool ftz, bool sat) {
  const struct fmt *f = fmt_of(e);
  if (!f) return 0;
  struct xv x = {neg, m, exp, sticky};
  return round_x(f, &x, rm, ftz, sat);
}

/* Narrowing to fp8 and fp4 saturates by default: PTX only offers
** cvt...satfinite for those destinations, so that is what ftof does. */
bool fp_default_sat(enum ty_elem e) {
  return e == EL_F8E4M3FN || e == EL_F8E5M2 || e == EL_F8E8M0FNU || e == EL_F8E5M3FNU ||
         e == EL_F4E2M1FN || (int)e == FP_F8E4M3FNUZ || (int)e == FP_F8E5M2FNUZ;
}

uint64_t fp_from_double(enum ty_elem e, double v, enum ir_rounding rm) {
  return fp_round(e, v, 0, rm, false, fp_default_sat(e));
}

double fp_to_double(enum ty_elem e, uint64_t bits) {
  const struct fmt *f = fmt_of(e);
  if (!f) return 0;
  if (e == EL_F64) return dfrom(bits);
  struct dec d;
  decode(f, bits, &d);
  double v = d.cls == C_NAN ? dfrom(UINT64_C(0x7FF8000000000000))
           : d.cls == C_INF ? dfrom(UINT64_C(0x7FF0000000000000))
           : (double)d.m * pow2(d.exp);          /* exact: m < 2^24 */
  return d.neg ? -v : v;
}

uint64_t fp_canonical_nan(enum ty_elem e) {
  const struct fmt *f = fmt_of(e);
  return f ? f->qnan : 0;
}

uint64_t fp_nan_carry(enum ty_elem from, uint64_t bits, enum ty_elem to) {
  const struct fmt *f = fmt_of(from), *t = fmt_of(to);
  if (!f || !t) return 0;
  uint64_t field = bits >> f->shift;
  bool neg = f->sign && f->nan != NAN_NEGZERO && (field >> (f->ebits + f->mbits) & 1);
  if (t->nan != NAN_IEEE) return t->nan == NAN_ONES ? encode(t, neg, mask64(t->ebits + t->mbits)) : t->qnan;
  if (f->nan != NAN_IEEE) return encode(t, neg, mask64(t->ebits) << t->mbits | UINT64_C(1) << (t->mbits - 1));
  uint64_t pay = field & mask64(f->mbits);
  pay = t->mbits <= f->mbits ? pay >> (f->mbits - t->mbits) : pay << (t->mbits - f->mbits);
  return encode(t, neg, mask64(t->ebits) << t->mbits | pay | UINT64_C(1) << (t->mbits - 1));
}

bool fp_is_nan(enum ty_elem e, uint64_t bits) {
  const struct fmt *f = fmt_of(e);
  struct dec d;
  if (!f) return false;
  decode(f, bits, &d);
  return d.cls == C_NAN;
}

/* ---- IEEE operations ----
**
** f16 and bf16 ("emulated in f32" for the modes other than nearest_even)
** are rounded ONCE from the exact result into the target type, in the
** requested mode.  That is also what f32 emulation gives: for + - * / and
** sqrt, rounding to f32 then to the narrow type is innocuous for
** nearest_even (24 >= 2*11 + 2) and for the directed modes (the narrow
** grid is a subset of the f32 grid, and RZ(RZ(x)) = RZ(x), likewise RD,
** RU); for fma it is the only reading that gives the exactly rounded
** result.  nearest_away (13.4) is rounded once as well.
*/

/* Operand bits of type f as a double (exact for every type; f64 is
** itself), subnormals flushed to signed zero when ftz. */
static double operand(const struct fmt *f, enum ty_elem e, uint64_t bits, bool ftz) {
  double v = fp_to_double(e, bits);
  if (ftz && v != 0 && v - v == 0) {
    struct dec d;
    decode(f, bits, &d);
    if (d.m >> f->mbits == 0) return d.neg ? -0.0 : 0.0;
  }
  return v;
}

/* The sign of an exact zero sum x + y (IEEE 754 6.3). */
static bool zero_sum_neg(bool xneg, bool yneg, enum ir_rounding rm) {
  return xneg == yneg ? xneg : rm == RND_NEGATIVE_INF;
}

static bool dneg(double x) { return dbits(x) >> 63; }
static bool dfinite(double x) { return x - x == 0; }

/* The nearest-even fast paths: host IEEE ops on f32/f64; f16 and bf16
** computed in f32 and rounded once more (innocuous, see above). */
static bool fast(enum ty_elem e, enum ir_rounding rm, bool ftz) {
  return rm == RND_NEAREST_EVEN && !ftz && (e == EL_F32 || e == EL_F64 || e == EL_F16 || e == EL_BF16);
}
static uint64_t from_f32(enum ty_elem e, float r) {
  if (e == EL_F16) return fp_f32_to_f16(r);
  if (e == EL_BF16) return fp_f32_to_bf16(r);
  return r != r ? fmts[EL_F32].qnan : fbits(r);
}
static float to_f32(enum ty_elem e, uint64_t a) {
  return e == EL_F16 ? fp_f16_to_f32((uint16_t)a) : e == EL_BF16 ? fp_bf16_to_f32((uint16_t)a)
                                                                 : ffrom((uint32_t)a);
}
static uint64_t from_f64(double r) { return r != r ? fmts[EL_F64].qnan : dbits(r); }

enum fop { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT };

static uint64_t fast_op(enum ty_elem e, enum fop op, uint64_t a, uint64_t b) {
  if (e == EL_F64) {
    double x = dfrom(a), y = dfrom(b);
    return from_f64(op == OP_ADD ? x + y : op == OP_SUB ? x - y : op == OP_MUL ? x * y
                    : op == OP_DIV ? x / y : sqrt(x));
  }
  float x = to_f32(e, a), y = to_f32(e, b);
  return from_f32(e, op == OP_ADD ? x + y : op == OP_SUB ? x - y : op == OP_MUL ? x * y
                  : op == OP_DIV ? x / y : sqrtf(x));
}

/* x + y rounded into f: an exact zero gets its IEEE sign, anything else
** is rounded from the pair (fp_round's two_sum makes it exact). */
static uint64_t add_d(const struct fmt *f, enum ty_elem e, double x, double y, enum ir_rounding rm,
                      bool ftz) {
  if (x + y == 0) return zero_of(f, zero_sum_neg(dneg(x), dneg(y), rm));
  return fp_round(e, x, y, rm, ftz, false);
}

uint64_t fp_add(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz) {
  const struct fmt *f = fmt_of(e);
  if (!f) return 0;
  if (fast(e, rm, ftz)) return fast_op(e, OP_ADD, a, b);
  return add_d(f, e, operand(f, e, a, ftz), operand(f, e, b, ftz), rm, ftz);
}

uint64_t fp_sub(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz) {
  const struct fmt *f = fmt_of(e);
  if (!f) return 0;
  if (fast(e, rm, ftz)) return fast_op(e, OP_SUB, a, b);
  return add_d(f, e, operand(f, e, a, ftz), -operand(f, e, b, ftz), rm, ftz);
}

uint64_t fp_mul(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz) {
  const struct fmt *f = fmt_of(e);
  if (!f) return 0;
  if (fast(e, rm, ftz)) return fast_op(e, OP_MUL, a, b);
  double x = operand(f, e, a, ftz), y = operand(f, e, b, ftz), p = x * y;
  if (x == 0 || y == 0 || !dfinite(x) || !dfinite(y))
    return fp_round(e, p, 0, rm, ftz, false);   /* NaN, inf or zero: exact */
  int ex, ey;
  double mx = dnorm(x, &ex), my = dnorm(y, &ey), hi = mx * my, lo = fma(mx, my, -hi);
  struct xv v;
  xv_from_hilo(&v, hi, lo, ex + ey);
  v.neg = dneg(p);
  return round_x(f, &v, rm, ftz, false);
}

uint64_t fp_div(enum ty_elem e, uint64_t a, uint64_t b, enum ir_rounding rm, bool ftz) {
  const struct fmt *f = fmt_of(e);
  if (!f) return 0;
  if (fast(e, rm, ftz)) return fast_op(e, OP_DIV, a, b);
  double x = operand(f, e, a, ftz), y = operand(f, e, b, ftz), q = x / y;
  if (x == 0 || y == 0 || !dfinite(x) || !dfinite(y))
    return fp_round(e, q, 0, rm, ftz, false);   /* NaN, inf or zero: exact */
  int ex, ey;
  double mx = dnorm(x, &ex), my = dnorm(y, &ey), qq = mx / my, r = fma(-qq, my, mx);
  struct xv v;
  xv_from_hilo(&v, qq, 0, ex - ey);
  xv_nudge(&v, (r > 0) - (r < 0));
  v.neg = dneg(q);
  return round_x(f, &v, rm, ftz, false);
}

uint64_t fp_sqrt(enum ty_elem e, uint64_t a, enum ir_rounding rm, bool ftz) {
  const struct fmt *f = fmt_of(e);
  if (!f) return 0;
  if (fast(e, rm, ftz)) return fast_op(e, OP_SQRT, a, a);
  double x = operand(f, e, a, ftz);
  if (x != x || x < 0) return f->qnan;
  if (x == 0 || !dfinite(x)) return fp_round(e, x, 0, rm, ftz, false);   /* +-0, +inf */
  int ex;
  double mx = dnorm(x, &ex);
  if (ex & 1) {                                  /* even exponent: mx in [1, 4) */
    mx *= 2;
    ex -= 1;
  }
  double s = sqrt(mx), r = fma(-s, s, mx);
  struct xv v;
  xv_from_hilo(&v, s, 0, ex / 2);
  xv_nudge(&v, (r > 0) - (r < 0));
  return round_x(f, &v, rm, ftz, false);
}

/* ---- fma ---- */

/* 128-bit unsigned integers, for the exact f64 fma. */
struct u128 { uint64_t hi, lo; };

static struct u128 mul64(uint64_t a, uint64_t b) {
  uint64_t a0 = a & 0xFFFFFFFF, a1 = a >> 32, b0 = b & 0xFFFFFFFF, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFF) + (p10 & 0xFFFFFFFF);
  struct u128 r = {p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32), (mid << 32) | (p00 & 0xFFFFFFFF)};
  return r;
}
static int bitlen128(struct u128 x) { return x.hi ? 64 + bitlen64(x.hi) : bitlen64(x.lo); }
static struct u128 shl128(struct u128 x, int n) {   /* 0 <= n < 128 */
  if (n == 0) return x;
  if (n >= 64) { struct u128 r = {x.lo << (n - 64), 0}; return r; }
  struct u128 r = {(x.hi << n) | (x.lo >> (64 - n)), x.lo << n};
  return r;
}
/* x >> n, n >= 0; *st |= whether nonzero bits were shifted out. */
static struct u128 shr128(struct u128 x, int n, bool *st) {
  struct u128 r = {0, 0};
  if (n == 0) return x;
  if (n >= 128) { *st |= x.hi || x.lo; return r; }
  if (n >= 64) {
    *st |= x.lo || (n > 64 && (x.hi & mask64(n - 64)));
    r.lo = x.hi >> (n - 64);
    return r;
  }
  *st |= (x.lo & mask64(n)) != 0;
  r.hi = x.hi >> n;
  r.lo = (x.lo >> n) | (x.hi << (64 - n));
  return r;
}
static struct u128 add128(struct u128 a, struct u128 b) {
  struct u128 r = {a.hi + b.hi, a.lo + b.lo};
  r.hi += r.lo < a.lo;
  return r;
}
static struct u128 sub128(struct u128 a, struct u128 b) {
  struct u128 r = {a.hi - b.hi - (a.lo < b.lo), a.lo - b.lo};
  return r;
}
static bool lt128(struct u128 a, struct u128 b) { return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo); }

/* A nonzero magnitude m * 2^e as 128 bits with its top bit at bit 125. */
static struct u128 norm125(struct u128 m, int *e) {
  int k = 126 - bitlen128(m);
  *e -= k;
  return shl128(m, k);
}

/* x := p + c exactly, p = (-1)^pneg * P * 2^ep (P != 0), c = (-1)^cneg *
** C * 2^ec (C != 0); false when the sum is exactly zero. */
static bool sum128(struct xv *x, bool pneg, struct u128 P, int ep, bool cneg, struct u128 C, int ec) {
  P = norm125(P, &ep);
  C = norm125(C, &ec);
  if (ec > ep || (ec == ep && lt128(P, C))) {    /* make p the larger */
    struct u128 t = P; P = C; C = t;
    int te = ep; ep = ec; ec = te;
    bool tn = pneg; pneg = cneg; cneg = tn;
  }
  bool st = false;
  C = shr128(C, ep - ec, &st);
  struct u128 S = pneg == cneg ? add128(P, C) : sub128(P, C);
  if (pneg != cneg && st) S = sub128(S, (struct u128){0, 1});   /* (S - 1) + (1 - d) */
  if (!S.hi && !S.lo && !st) return false;
  int L = bitlen128(S);
  if (L > 64) {
    S = shr128(S, L - 64, &st);
    ep += L - 64;
  }
  x->neg = pneg;
  x->m = S.lo;
  x->exp = ep;
  x->sticky = st;
  return true;
}

/* The f64 fma (and any fma with exact operands as doubles): the product
** is exact in 106 bits, the sum in 128 bits plus a sticky flag. */
static uint64_t fma_exact(const struct fmt *f, double x, double y, double z, enum ir_rounding rm,
                          bool ftz) {
  int ex, ey, ez;
  uint64_t mx = dsplit(x, &ex), my = dsplit(y, &ey);
  struct u128 P = mul64(mx, my);
  bool pneg = dneg(x) != dneg(y);
  struct xv v = {pneg, 0, ex + ey, false};
  if (z == 0) {
    int L = bitlen128(P);
    if (L > 64) {
      P = shr128(P, L - 64, &v.sticky);
      v.exp += L - 64;
    }
    v.m = P.lo;
  } else {
    struct u128 C = {0, dsplit(z, &ez)};
    if (!sum128(&v, pneg, P, ex + ey, dneg(z), C, ez)) return zero_of(f, zero_sum_neg(pneg, dneg(z), rm));
  }
  return round_x(f, &v, rm, ftz, false);
}

uint64_t fp_fma(enum ty_elem e, uint64_t a, uint64_t b, uint64_t c, enum ir_rounding rm, bool ftz) {
  const struct fmt *f = fmt_of(e);
  if (!f) return 0;
  if (rm == RND_NEAREST_EVEN && !ftz && e == EL_F32) {
    float r = fmaf(ffrom((uint32_t)a), ffrom((uint32_t)b), ffrom((uint32_t)c));
    return from_f32(e, r);
  }
  if (rm == RND_NEAREST_EVEN && !ftz && e == EL_F64) return from_f64(fma(dfrom(a), dfrom(b), dfrom(c)));
  double x = operand(f, e, a, ftz), y = operand(f, e, b, ftz), z = operand(f, e, c, ftz);
  double p = x * y;
  if (x != x || y != y || z != z) return f->qnan;
  if (!dfinite(x) || !dfinite(y) || !dfinite(z)) {   /* inf*0, inf-inf: NaN; else inf */
    double r = dfinite(x) && dfinite(y) ? z : p + z;
    return fp_round(e, r, 0, rm, ftz, false);
  }
  if (x == 0 || y == 0) {
    if (z == 0) return zero_of(f, zero_sum_neg(dneg(p), dneg(z), rm));
    return fp_round(e, z, 0, rm, ftz, false);
  }
  if (e == EL_F64) return fma_exact(f, x, y, z, rm, ftz);
  /* narrow types: x*y is exact in a double (<= 48 bits, no underflow), and
  ** so is the sum as the pair s + t */
  double t, s = two_sum(p, z, &t);
  if (s == 0) return zero_of(f, zero_sum_neg(dneg(p), dneg(z), rm));
  return fp_round(e, s, t, rm, ftz, false);
}

/* ---- conversions ---- */

uint64_t fp_convert_sat(enum ty_elem from, uint64_t bits, enum ty_elem to, enum ir_rounding rm, bool sat) {
  const struct fmt *f = fmt_of(to);
  if (!f || !fmt_of(from)) return 0;
  return fp_round(to, fp_to_double(from, bits), 0, rm, false, sat);
}

uint64_t fp_convert(enum ty_elem from, uint64_t bits, enum ty_elem to, enum ir_rounding rm) {
  return fp_convert_sat(from, bits, to, rm, fp_default_sat(to));
}

uint64_t fp_from_int(enum ty_elem e, uint64_t v, int width, bool is_signed, enum ir_rounding rm) {
  const struct fmt *f = fmt_of(e);
  if (!f || width < 1 || width > 64) return 0;
  v &= mask64(width);
  struct xv x = {false, v, 0, false};
  if (is_signed && (v >> (width - 1))) {         /* negative: magnitude 2^w - v */
    x.neg = true;
    x.m = (~v + 1) & mask64(width);
  }
  return round_x(f, &x, rm, false, fp_default_sat(e));
}

/* |value| truncated to an integer, or false when it is 2^64 or more. */
static bool trunc_mag(const struct dec *d, uint64_t *t) {
  if (d->exp >= 0) {
    if (bitlen64(d->m) + d->exp > 64) return false;
    *t = d->m << d->exp;
  } else {
    *t = -d->exp >= 64 ? 0 : d->m >> -d->exp;
  }
  return true;
}

int fp_to_int(enum ty_elem e, uint64_t bits, int width, bool is_signed, bool sat, uint64_t *out) {
  const struct fmt *f = fmt_of(e);
  *out = 0;
  if (!f || width < 1 || width > 64) return -1;
  struct dec d;
  decode(f, bits, &d);
  if (d.cls == C_NAN) return sat ? 0 : -1;
  uint64_t maxpos = is_signed ? mask64(width - 1) : mask64(width);
  uint64_t maxneg = is_signed ? UINT64_C(1) << (width - 1) : 0;   /* largest |negative| */
  uint64_t t = 0;
  bool ok = d.cls == C_ZERO || (d.cls == C_FIN && trunc_mag(&d, &t));
  uint64_t lim = d.neg ? maxneg : maxpos;
  bool in = ok && t <= lim;
  if (!in) t = lim;
  *out = (d.neg ? ~t + 1 : t) & mask64(width);
  return in || sat ? 0 : -1;
}

/* ---- fast round-to-nearest-even paths ---- */

float fp_f16_to_f32(uint16_t h) {
  uint32_t s = (uint32_t)(h & 0x8000) << 16, e = (h >> 10) & 0x1F, m = h & 0x3FF, r;
  if (e == 31) r = m ? 0x7FFFFFFF : s | 0x7F800000;
  else if (e) r = s | ((e + 112) << 23) | (m << 13);
  else if (!m) r = s;
  else {                                         /* subnormal: normalize */
    int k = clz64(m) - 53;                       /* bit 10 of m set after m << k */
    m <<= k;
    r = s | ((uint32_t)(113 - k) << 23) | ((m & 0x3FF) << 13);
  }
  return ffrom(r);
}

uint16_t fp_f32_to_f16(float f) {
  uint32_t x = fbits(f), s = (x >> 16) & 0x8000, a = x & 0x7FFFFFFF;
  if (a > 0x7F800000) return 0x7FFF;
  if (a >= 0x477FF000) return (uint16_t)(s | 0x7C00);   /* >= 65520: inf */
  if (a >= 0x38800000) {                         /* normal: rebias, round 13 bits */
    a -= UINT32_C(112) << 23;
    return (uint16_t)(s | ((a + 0xFFF + ((a >> 13) & 1)) >> 13));
  }
  if (a <= 0x33000000) return (uint16_t)s;       /* <= 2^-25: zero (the tie is even) */
  uint32_t m = (a & 0x7FFFFF) | 0x800000, sh = 126 - (a >> 23);   /* 14..24 */
  return (uint16_t)(s | ((m + (UINT32_C(1) << (sh - 1)) - 1 + ((m >> sh) & 1)) >> sh));
}

float fp_bf16_to_f32(uint16_t h) {
  uint32_t r = (uint32_t)h << 16;
  return ffrom((r & 0x7FFFFFFF) > 0x7F800000 ? 0x7FFFFFFF : r);
}

uint16_t fp_f32_to_bf16(float f) {
  uint32_t x = fbits(f);
  if ((x & 0x7FFFFFFF) > 0x7F800000) return 0x7FFF;
  return (uint16_t)((x + 0x7FFF + ((x >> 16) & 1)) >> 16);
}
