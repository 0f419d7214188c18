/*
** sim_exec_elem.c -- elementwise ops: integer and float arithmetic,
** comparisons, select, math functions, conversions, pointer arithmetic
** and assume.
**
** Floats: f32 and f64 ops in round-to-nearest-even without flush_to_zero
** run on the host's IEEE arithmetic (exactly specified, so the same bits
** everywhere); every other case goes through sim_fp.c.  Math functions
** come from sim_math.c, never the host libm; f16 and bf16 are computed in
** f32 and rounded once, as the spec says.  approx and full rounding give
** the correctly rounded result (the GPU's approximations are within their
** documented bounds of it; see doc/numerics.md).
*/
#include <config.h>
#include "sim_int.h"

#include <stdio.h>
#include <string.h>

#include "sim_fp.h"
#include "sim_math.h"

/* ---- element access: bits of any width, zero-extended ---- */

static uint64_t ld(const void *p, size_t i, size_t sz) {
  switch (sz) {
  case 1: return ((const uint8_t *)p)[i];
  case 2: return ((const uint16_t *)p)[i];
  case 4: return ((const uint32_t *)p)[i];
  default: return ((const uint64_t *)p)[i];
  }
}

static void st(void *p, size_t i, size_t sz, uint64_t v) {
  switch (sz) {
  case 1: ((uint8_t *)p)[i] = (uint8_t)v; break;
  case 2: ((uint16_t *)p)[i] = (uint16_t)v; break;
  case 4: ((uint32_t *)p)[i] = (uint32_t)v; break;
  default: ((uint64_t *)p)[i] = v; break;
  }
}

static int width_of(const struct ty *elt) { return ty_elem_bits(elt->elem); }

static uint64_t mask_of(int w) { return w >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << w) - 1; }

static int64_t sext(uint64_t v, int w) {
  return w >= 64 ? (int64_t)v : (int64_t)(v << (64 - w)) >> (64 - w);
}

/* The operands and result of an elementwise op, ready for a loop. */
struct ew {
  const void *a, *b, *c;
  void *r;
  int64_t n;
  size_t sz;               /* bytes per element of the operands */
  const struct ty *elt;    /* operand element type */
};

static int ew_get(struct sim_ctx *c, const struct ir_op *op, struct ew *e) {
  e->a = IN(c, op, 0);
  e->b = op->nin > 1 ? IN(c, op, 1) : NULL;
  e->c = op->nin > 2 ? IN(c, op, 2) : NULL;
  e->r = OUT(c, op, 0);
  const struct ty *t = op->in[0]->type;
  e->n = ty_numel(t);
  e->elt = t->elt;
  e->sz = sim_elt_size(t->elt);
  return e->a && e->r && (op->nin < 2 || e->b) && (op->nin < 3 || e->c) ? 0 : -1;
}

/* ---- float arithmetic ---- */

static enum ir_rounding rounding(const struct ir_op *op, enum ir_rounding dflt) {
  int r = op->attr.rounding;
  if (r < 0 || r == RND_APPROX || r == RND_FULL) return dflt;
  return (enum ir_rounding)r;
}

/* The hot f32 loops are compiled for AVX-512 and AVX2 too, the best
** picked when the program loads (GCC's target_clones); IEEE operations
** give the same bits in any lane width, and -std=c11 fuses nothing. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__)
#define WIDE_LOOP __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define WIDE_LOOP
#endif

enum fop { F_ADD, F_SUB, F_MUL, F_DIV };

/* f32 NaN results to the canonical NaN, in place. */
WIDE_LOOP static void canonical_f32(uint32_t *bits, int64_t n) {
  uint32_t nan = (uint32_t)fp_canonical_nan(EL_F32);
#pragma omp simd
  for (int64_t i = 0; i < n; i++) bits[i] = (bits[i] & 0x7fffffffu) > 0x7f800000u ? nan : bits[i];
}

/* The f32 loops of float_binary: one per op so that each vectorizes (the
** omp simd pragmas ask for it even at -O2; IEEE operations give the same
** bits in any lane), the NaN results made canonical in the same pass. */
#define F32_LOOP(OP)                                                    \
  _Pragma("omp simd")                                                   \
  for (int64_t i = 0; i < n; i++) {                                     \
    float v = a[i] OP b[i];                                             \
    r[i] = v != v ? nan : v;                                            \
  }
WIDE_LOOP static void f32_binary(enum fop k, const float *restrict a, const float *restrict b,
                       float *restrict r, int64_t n) {
  uint32_t nb = (uint32_t)fp_canonical_nan(EL_F32);
  float nan;
  memcpy(&nan, &nb, 4);
  switch (k) {
  case F_ADD: F32_LOOP(+) break;
  case F_SUB: F32_LOOP(-) break;
  case F_MUL: F32_LOOP(*) break;
  default: F32_LOOP(/) break;
  }
}

/* With a description that propagates NaNs (sim_opts.nan_propagate), a
** NaN result of an operation on a NaN operand is that operand (the first
** one), quieted, in place of the canonical NaN.  The float ops end with
** it; rc is their status. */
static int nan_carry(struct sim_ctx *c, const struct ir_op *op, int rc) {
  struct ew e;
  if (rc || !c->o->nan_propagate || ew_get(c, op, &e)) return rc;
  enum ty_elem t = e.elt->elem;
  const void *in[3] = { e.a, e.b, e.c };
  for (int64_t i = 0; i < e.n; i++) {
    if (!fp_is_nan(t, ld(e.r, (size_t)i, e.sz))) continue;
    for (int k = 0; k < 3 && in[k]; k++) {
      uint64_t x = ld(in[k], (size_t)i, e.sz);
      if (fp_is_nan(t, x)) {
        st(e.r, (size_t)i, e.sz, fp_nan_carry(t, x, t));
        break;
      }
    }
  }
  return rc;
}

typedef uint64_t fp2_fn(enum ty_elem, uint64_t, uint64_t, enum ir_rounding, bool);

static int float_binary(struct sim_ctx *c, const struct ir_op *op, enum fop k, fp2_fn *slow) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  enum ir_rounding rm = rounding(op, RND_NEAREST_EVEN);
  bool ftz = op->attr.flags & AF_FTZ;
  enum ty_elem t = e.elt->elem;
  if (rm == RND_NEAREST_EVEN && !ftz && t == EL_F32) {
    f32_binary(k, e.a, e.b, e.r, e.n);   /* NaN results as the GPU gives them */
    return nan_carry(c, op, 0);
  }
  for (int64_t i = 0; i < e.n; i++)
    st(e.r, (size_t)i, e.sz, slow(t, ld(e.a, (size_t)i, e.sz), ld(e.b, (size_t)i, e.sz), rm, ftz));
  return nan_carry(c, op, 0);
}

int sim_exec_addf(struct sim_ctx *c, const struct ir_op *op) { return float_binary(c, op, F_ADD, fp_add); }
int sim_exec_subf(struct sim_ctx *c, const struct ir_op *op) { return float_binary(c, op, F_SUB, fp_sub); }
int sim_exec_mulf(struct sim_ctx *c, const struct ir_op *op) { return float_binary(c, op, F_MUL, fp_mul); }
int sim_exec_divf(struct sim_ctx *c, const struct ir_op *op) { return float_binary(c, op, F_DIV, fp_div); }

int sim_exec_fma(struct sim_ctx *c, const struct ir_op *op) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  enum ir_rounding rm = rounding(op, RND_NEAREST_EVEN);
  bool ftz = op->attr.flags & AF_FTZ;
  for (int64_t i = 0; i < e.n; i++)
    st(e.r, (size_t)i, e.sz, fp_fma(e.elt->elem, ld(e.a, (size_t)i, e.sz), ld(e.b, (size_t)i, e.sz),
                                     ld(e.c, (size_t)i, e.sz), rm, ftz));
  return nan_carry(c, op, 0);
}

int sim_exec_sqrt(struct sim_ctx *c, const struct ir_op *op) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  enum ir_rounding rm = rounding(op, RND_NEAREST_EVEN);
  bool ftz = op->attr.flags & AF_FTZ;
  for (int64_t i = 0; i < e.n; i++)
    st(e.r, (size_t)i, e.sz, fp_sqrt(e.elt->elem, ld(e.a, (size_t)i, e.sz), rm, ftz));
  return nan_carry(c, op, 0);
}

/* Sign-bit ops are exact in every float type. */
static uint64_t sign_bit(enum ty_elem t) { return UINT64_C(1) << (ty_elem_bits(t) - 1); }

int sim_exec_negf(struct sim_ctx *c, const struct ir_op *op) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  uint64_t s = sign_bit(e.elt->elem);
  for (int64_t i = 0; i < e.n; i++) st(e.r, (size_t)i, e.sz, ld(e.a, (size_t)i, e.sz) ^ s);
  return 0;
}

int sim_exec_absf(struct sim_ctx *c, const struct ir_op *op) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  uint64_t s = sign_bit(e.elt->elem);
  for (int64_t i = 0; i < e.n; i++) st(e.r, (size_t)i, e.sz, ld(e.a, (size_t)i, e.sz) & ~s);
  return 0;
}

/* ---- float functions of one or two arguments, via f32 or f64 ---- */

typedef float f1_fn(float);
typedef double d1_fn(double);

static uint64_t to_bits_f32(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static uint64_t to_bits_f64(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static float f32_of(uint64_t b) { uint32_t u = (uint32_t)b; float f; memcpy(&f, &u, 4); return f; }
static double f64_of(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }

/* The f32 value of an f16/bf16/f32 element (f16 and bf16 widen exactly). */
static float widen(enum ty_elem t, uint64_t b) {
  return t == EL_F16 ? fp_f16_to_f32((uint16_t)b) : t == EL_BF16 ? fp_bf16_to_f32((uint16_t)b) : f32_of(b);
}
static uint64_t narrow(enum ty_elem t, float f) {
  uint64_t b = t == EL_F16 ? fp_f32_to_f16(f) : t == EL_BF16 ? fp_f32_to_bf16(f) : to_bits_f32(f);
  return fp_is_nan(t, b) ? fp_canonical_nan(t) : b;
}

/* An array form of an f1_fn: r[i] = f(a[i]), bit for bit (sim_expf_n). */
typedef void f1n_fn(const float *a, float *r, size_t n);

/* f16 and bf16 through the array form, a chunk at a time: widen, apply,
** narrow -- the same per element as the loop below. */
static void narrow_by_array(enum ty_elem t, const uint16_t *a, uint16_t *r, int64_t n, f1n_fn *v) {
  float buf[256];
  for (int64_t i0 = 0; i0 < n; i0 += 256) {
    int m = n - i0 < 256 ? (int)(n - i0) : 256;
    for (int i = 0; i < m; i++) buf[i] = widen(t, a[i0 + i]);
    v(buf, buf, (size_t)m);
    for (int i = 0; i < m; i++) r[i0 + i] = (uint16_t)narrow(t, buf[i]);
  }
}

/* f on every element; v, when not NULL, is f on whole arrays. */
static int float_unary(struct sim_ctx *c, const struct ir_op *op, f1_fn *f, d1_fn *d, f1n_fn *v) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  enum ty_elem t = e.elt->elem;
  if (t == EL_F32) {
    const float *a = e.a;
    float *r = e.r;
    if (v) v(a, r, (size_t)e.n);
    else for (int64_t i = 0; i < e.n; i++) r[i] = f(a[i]);
    canonical_f32(e.r, e.n);
    return nan_carry(c, op, 0);
  }
  if (v && (t == EL_F16 || t == EL_BF16)) {
    narrow_by_array(t, e.a, e.r, e.n, v);
    return nan_carry(c, op, 0);
  }
  for (int64_t i = 0; i < e.n; i++) {
    uint64_t a = ld(e.a, (size_t)i, e.sz), r;
    if (t == EL_F64) {
      double v = d(f64_of(a));
      r = v != v ? fp_canonical_nan(EL_F64) : to_bits_f64(v);
    } else {
      r = narrow(t, f(widen(t, a)));
    }
    st(e.r, (size_t)i, e.sz, r);
  }
  return nan_carry(c, op, 0);
}

typedef float f2_fn(float, float);
typedef double d2_fn(double, double);

static int float_fn2(struct sim_ctx *c, const struct ir_op *op, f2_fn *f, d2_fn *d) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  enum ty_elem t = e.elt->elem;
  for (int64_t i = 0; i < e.n; i++) {
    uint64_t a = ld(e.a, (size_t)i, e.sz), b = ld(e.b, (size_t)i, e.sz), r;
    if (t == EL_F64) {
      double v = d(f64_of(a), f64_of(b));
      r = v != v ? fp_canonical_nan(EL_F64) : to_bits_f64(v);
    } else {
      r = narrow(t, f(widen(t, a), widen(t, b)));
    }
    st(e.r, (size_t)i, e.sz, r);
  }
  return nan_carry(c, op, 0);
}

int sim_exec_exp(struct sim_ctx *c, const struct ir_op *op) { return float_unary(c, op, sim_expf, sim_exp, sim_expf_n); }
int sim_exec_exp2(struct sim_ctx *c, const struct ir_op *op) { return float_unary(c, op, sim_exp2f, sim_exp2, sim_exp2f_n); }
int sim_exec_log(struct sim_ctx *c, const struct ir_op *op) { return float_unary(c, op, sim_logf, sim_log, NULL); }
int sim_exec_log2(struct sim_ctx *c, const struct ir_op *op) { return float_unary(c, op, sim_log2f, sim_log2, NULL); }
int sim_exec_sin(struct sim_ctx *c, const struct ir_op *op) { return float_unary(c, op, sim_sinf, sim_sin, NULL); }
int sim_exec_cos(struct sim_ctx *c, const struct ir_op *op) { return float_unary(c, op, sim_cosf, sim_cos, NULL); }
int sim_exec_tan(struct sim_ctx *c, const struct ir_op *op) { return float_unary(c, op, sim_tanf, sim_tan, NULL); }
int sim_exec_sinh(struct sim_ctx *c, const struct ir_op *op) { return float_unary(c, op, sim_sinhf, sim_sinh, NULL); }
int sim_exec_cosh(struct sim_ctx *c, const struct ir_op *op) { return float_unary(c, op, sim_coshf, sim_cosh, NULL); }
int sim_exec_tanh(struct sim_ctx *c, const struct ir_op *op) { return float_unary(c, op, sim_tanhf, sim_tanh, NULL); }
int sim_exec_rsqrt(struct sim_ctx *c, const struct ir_op *op) { return float_unary(c, op, sim_rsqrtf, sim_rsqrt, NULL); }
int sim_exec_pow(struct sim_ctx *c, const struct ir_op *op) { return float_fn2(c, op, sim_powf, sim_pow); }
int sim_exec_atan2(struct sim_ctx *c, const struct ir_op *op) { return float_fn2(c, op, sim_atan2f, sim_atan2); }
int sim_exec_remf(struct sim_ctx *c, const struct ir_op *op) { return float_fn2(c, op, sim_fmodf, sim_fmod); }

/* ceil and floor: exact in every type; computed on the double value.
** Values of 2^52 or more (and NaN, inf, zeros) are already integral. */
static double dceil(double x) {
  if (x == 0 || !(x > -4503599627370496.0 && x < 4503599627370496.0)) return x;
  double t = (double)(int64_t)x;              /* toward zero */
  if (t < x) t += 1;
  return t == 0 && x < 0 ? -0.0 : t;
}
static double dfloor(double x) { return -dceil(-x); }

static int round_int(struct sim_ctx *c, const struct ir_op *op, double (*f)(double)) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  enum ty_elem t = e.elt->elem;
  for (int64_t i = 0; i < e.n; i++) {
    uint64_t a = ld(e.a, (size_t)i, e.sz);
    double v = f(fp_to_double(t, a));
    st(e.r, (size_t)i, e.sz, v != v ? fp_canonical_nan(t) : fp_from_double(t, v, RND_NEAREST_EVEN));
  }
  return nan_carry(c, op, 0);
}
int sim_exec_ceil(struct sim_ctx *c, const struct ir_op *op) { return round_int(c, op, dceil); }
int sim_exec_floor(struct sim_ctx *c, const struct ir_op *op) { return round_int(c, op, dfloor); }

/* maxf/minf: IEEE 754-2019 maximumNumber/minimumNumber (a NaN loses to a
** number), or maximum/minimum with propagate_nan; -0 < +0 in both. */
static int float_minmax(struct sim_ctx *c, const struct ir_op *op, bool max) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  enum ty_elem t = e.elt->elem;
  bool prop = op->attr.flags & AF_PROPAGATE_NAN, ftz = op->attr.flags & AF_FTZ;
  for (int64_t i = 0; i < e.n; i++) {
    uint64_t a = ld(e.a, (size_t)i, e.sz), b = ld(e.b, (size_t)i, e.sz), r;
    bool na = fp_is_nan(t, a), nb = fp_is_nan(t, b);
    if (na || nb) {
      r = prop || (na && nb) ? fp_canonical_nan(t) : na ? b : a;
    } else {
      double x = fp_to_double(t, a), y = fp_to_double(t, b);
      if (ftz && t == EL_F32) {
        if (x != 0 && x > -1.1754943508222875e-38 && x < 1.1754943508222875e-38) { x = 0 * x; a &= 0x80000000u; }
        if (y != 0 && y > -1.1754943508222875e-38 && y < 1.1754943508222875e-38) { y = 0 * y; b &= 0x80000000u; }
      }
      if (x == y) {             /* equal: order -0 below +0 */
        bool a_neg = a >> (ty_elem_bits(t) - 1);
        r = max ? (a_neg ? b : a) : (a_neg ? a : b);
      } else {
        r = (x > y) == max ? a : b;
      }
    }
    st(e.r, (size_t)i, e.sz, r);
  }
  return nan_carry(c, op, 0);
}
int sim_exec_maxf(struct sim_ctx *c, const struct ir_op *op) { return float_minmax(c, op, true); }
int sim_exec_minf(struct sim_ctx *c, const struct ir_op *op) { return float_minmax(c, op, false); }

/* fpowi: x ** n with an integer n, as repeated multiplication would give
** it correctly rounded: computed as pow in f64 (an i32 n is exact there;
** in f32 an odd n above 2^24 would turn even, and the sign with it). */
int sim_exec_fpowi(struct sim_ctx *c, const struct ir_op *op) {
  const void *a = IN(c, op, 0), *b = IN(c, op, 1);
  void *r = OUT(c, op, 0);
  if (!a || !b || !r) return -1;
  const struct ty *t = op->in[0]->type, *it = op->in[1]->type;
  size_t sz = sim_elt_size(t->elt), isz = sim_elt_size(it->elt);
  int iw = width_of(it->elt);
  enum ty_elem te = t->elt->elem;
  for (int64_t i = 0; i < ty_numel(t); i++) {
    uint64_t x = ld(a, (size_t)i, sz);
    double n = (double)sext(ld(b, (size_t)i, isz), iw);
    uint64_t v = te == EL_F64 ? to_bits_f64(sim_pow(f64_of(x), n))
                              : fp_from_double(te, sim_pow((double)widen(te, x), n), RND_NEAREST_EVEN);
    if (fp_is_nan(te, v)) v = fp_canonical_nan(te);
    st(r, (size_t)i, sz, v);
  }
  return 0;
}

/* ---- integers ---- */

enum iop { I_ADD, I_SUB, I_MUL, I_AND, I_OR, I_XOR, I_MULHI };

static int int_binary(struct sim_ctx *c, const struct ir_op *op, enum iop k) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  int w = width_of(e.elt);
  uint64_t m = mask_of(w);
  for (int64_t i = 0; i < e.n; i++) {
    uint64_t a = ld(e.a, (size_t)i, e.sz), b = ld(e.b, (size_t)i, e.sz), r;
    switch (k) {
    case I_ADD: r = a + b; break;
    case I_SUB: r = a - b; break;
    case I_MUL: r = a * b; break;
    case I_AND: r = a & b; break;
    case I_OR: r = a | b; break;
    case I_XOR: r = a ^ b; break;
    default: r = w == 64 ? (uint64_t)(((unsigned __int128)a * b) >> 64) : (a * b) >> w; break;
    }
    st(e.r, (size_t)i, e.sz, r & m);
  }
  return 0;
}

int sim_exec_addi(struct sim_ctx *c, const struct ir_op *op) { return int_binary(c, op, I_ADD); }
int sim_exec_subi(struct sim_ctx *c, const struct ir_op *op) { return int_binary(c, op, I_SUB); }
int sim_exec_muli(struct sim_ctx *c, const struct ir_op *op) { return int_binary(c, op, I_MUL); }
int sim_exec_andi(struct sim_ctx *c, const struct ir_op *op) { return int_binary(c, op, I_AND); }
int sim_exec_ori(struct sim_ctx *c, const struct ir_op *op) { return int_binary(c, op, I_OR); }
int sim_exec_xori(struct sim_ctx *c, const struct ir_op *op) { return int_binary(c, op, I_XOR); }
int sim_exec_mulhii(struct sim_ctx *c, const struct ir_op *op) { return int_binary(c, op, I_MULHI); }

static void where(const struct ty *t, int64_t i, char *buf, size_t n) {
  sim_coords(t->shape, t->rank, i, buf, n);
}

/* divi: truncating, floor or ceiling division; remi: the remainder of the
** truncating division (sign of the dividend).  Division by zero and divi's
** INT_MIN / -1 are undefined in the spec: reported.  remi's INT_MIN % -1
** is defined: 0. */
static int int_div(struct sim_ctx *c, const struct ir_op *op, bool rem) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  int w = width_of(e.elt);
  uint64_t m = mask_of(w);
  bool sgn = op->attr.signedness == SGN_SIGNED;
  int rnd = rem ? RND_ZERO : op->attr.rounding < 0 ? RND_ZERO : op->attr.rounding;
  for (int64_t i = 0; i < e.n; i++) {
    uint64_t a = ld(e.a, (size_t)i, e.sz), b = ld(e.b, (size_t)i, e.sz), r;
    char at[64];
    if (b == 0) {
      where(op->in[0]->type, i, at, sizeof at);
      return sim_fail(c, op, "integer division by zero at element %s", at);
    }
    if (sgn) {
      int64_t x = sext(a, w), y = sext(b, w);
      if (rem && y == -1) {                   /* also MIN % -1, which C leaves undefined */
        st(e.r, (size_t)i, e.sz, 0);
        continue;
      }
      if (y == -1 && x == (w == 64 ? INT64_MIN : -(INT64_C(1) << (w - 1)))) {
        where(op->in[0]->type, i, at, sizeof at);
        return sim_fail(c, op, "signed integer division overflows (minimum value / -1) at element %s", at);
      }
      int64_t q = x / y, rr = x % y;
      if (rem) r = (uint64_t)rr;
      else {
        if (rr != 0 && rnd == RND_NEGATIVE_INF && ((rr < 0) != (y < 0))) q--;
        if (rr != 0 && rnd == RND_POSITIVE_INF && ((rr < 0) == (y < 0))) q++;
        r = (uint64_t)q;
      }
    } else {
      uint64_t q = a / b, rr = a % b;
      if (rem) r = rr;
      else r = q + (rr != 0 && rnd == RND_POSITIVE_INF);
    }
    st(e.r, (size_t)i, e.sz, r & m);
  }
  return 0;
}
int sim_exec_divi(struct sim_ctx *c, const struct ir_op *op) { return int_div(c, op, false); }
int sim_exec_remi(struct sim_ctx *c, const struct ir_op *op) { return int_div(c, op, true); }

int sim_exec_negi(struct sim_ctx *c, const struct ir_op *op) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  uint64_t m = mask_of(width_of(e.elt));
  for (int64_t i = 0; i < e.n; i++) st(e.r, (size_t)i, e.sz, (0 - ld(e.a, (size_t)i, e.sz)) & m);
  return 0;
}

/* absi: the input read as signed; |INT_MIN| wraps to INT_MIN, read as
** unsigned that is 2^(w-1), the right answer. */
int sim_exec_absi(struct sim_ctx *c, const struct ir_op *op) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  int w = width_of(e.elt);
  uint64_t m = mask_of(w);
  for (int64_t i = 0; i < e.n; i++) {
    int64_t v = sext(ld(e.a, (size_t)i, e.sz), w);
    st(e.r, (size_t)i, e.sz, (v < 0 ? 0 - (uint64_t)v : (uint64_t)v) & m);
  }
  return 0;
}

static int int_minmax(struct sim_ctx *c, const struct ir_op *op, bool max) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  int w = width_of(e.elt);
  bool sgn = op->attr.signedness == SGN_SIGNED;
  for (int64_t i = 0; i < e.n; i++) {
    uint64_t a = ld(e.a, (size_t)i, e.sz), b = ld(e.b, (size_t)i, e.sz);
    bool gt = sgn ? sext(a, w) > sext(b, w) : a > b;
    st(e.r, (size_t)i, e.sz, gt == max ? a : b);
  }
  return 0;
}
int sim_exec_maxi(struct sim_ctx *c, const struct ir_op *op) { return int_minmax(c, op, true); }
int sim_exec_mini(struct sim_ctx *c, const struct ir_op *op) { return int_minmax(c, op, false); }

/* Shifts by the unsigned amount b; an amount of w or more shifts every
** bit out (PTX clamps the same way): 0, or all sign bits for shri signed. */
static int shift(struct sim_ctx *c, const struct ir_op *op, bool left) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  int w = width_of(e.elt);
  uint64_t m = mask_of(w);
  bool sgn = op->attr.signedness == SGN_SIGNED;
  for (int64_t i = 0; i < e.n; i++) {
    uint64_t a = ld(e.a, (size_t)i, e.sz), b = ld(e.b, (size_t)i, e.sz), r;
    unsigned s = b >= (uint64_t)w ? (unsigned)w : (unsigned)b;
    if (left) r = s >= 64 ? 0 : a << s;
    else if (sgn) r = (uint64_t)(sext(a, w) >> (s >= 64 ? 63 : s));
    else r = s >= 64 ? 0 : a >> s;
    st(e.r, (size_t)i, e.sz, r & m);
  }
  return 0;
}
int sim_exec_shli(struct sim_ctx *c, const struct ir_op *op) { return shift(c, op, true); }
int sim_exec_shri(struct sim_ctx *c, const struct ir_op *op) { return shift(c, op, false); }

/* ---- comparisons and select ---- */

static bool pred(int p, int cmp) {   /* cmp: -1, 0, 1 */
  switch (p) {
  case CMP_EQ: return cmp == 0;
  case CMP_NE: return cmp != 0;
  case CMP_LT: return cmp < 0;
  case CMP_LE: return cmp <= 0;
  case CMP_GT: return cmp > 0;
  default: return cmp >= 0;
  }
}

int sim_exec_cmpi(struct sim_ctx *c, const struct ir_op *op) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  int w = width_of(e.elt);
  bool sgn = op->attr.signedness == SGN_SIGNED;
  uint8_t *r = e.r;
  for (int64_t i = 0; i < e.n; i++) {
    uint64_t a = ld(e.a, (size_t)i, e.sz), b = ld(e.b, (size_t)i, e.sz);
    int cmp = sgn ? (sext(a, w) > sext(b, w)) - (sext(a, w) < sext(b, w)) : (a > b) - (a < b);
    r[i] = pred(op->attr.pred, cmp);
  }
  return 0;
}

/* cmpf: ordered predicates are false when either side is NaN, unordered
** ones true. */
int sim_exec_cmpf(struct sim_ctx *c, const struct ir_op *op) {
  struct ew e;
  if (ew_get(c, op, &e)) return -1;
  enum ty_elem t = e.elt->elem;
  bool ordered = op->attr.order == ORD_ORDERED;
  uint8_t *r = e.r;
  for (int64_t i = 0; i < e.n; i++) {
    double a = fp_to_double(t, ld(e.a, (size_t)i, e.sz)), b = fp_to_double(t, ld(e.b, (size_t)i, e.sz));
    if (a != a || b != b) r[i] = !ordered;
    else r[i] = pred(op->attr.pred, (a > b) - (a < b));
  }
  return 0;
}

int sim_exec_select(struct sim_ctx *c, const struct ir_op *op) {
  const uint8_t *m = IN(c, op, 0);
  const unsigned char *a = IN(c, op, 1), *b = IN(c, op, 2);
  unsigned char *r = OUT(c, op, 0);
  if (!m || !a || !b || !r) return -1;
  const struct ty *t = op->out[0].type;
  size_t sz = sim_elt_size(t->elt);
  for (int64_t i = 0; i < ty_numel(t); i++)
    memcpy(r + (size_t)i * sz, (m[i] ? a : b) + (size_t)i * sz, sz);
  return 0;
}

/* ---- conversions ---- */

/* One element type to another, element by element, through fn. */
typedef int conv_fn(const struct ir_op *op, const struct ty *from, const struct ty *to,
                    uint64_t in, uint64_t *out);

static int convert(struct sim_ctx *c, const struct ir_op *op, conv_fn *fn, const char *what) {
  const void *a = IN(c, op, 0);
  void *r = OUT(c, op, 0);
  if (!a || !r) return -1;
  const struct ty *ft = op->in[0]->type, *tt = op->out[0].type;
  size_t fs = sim_elt_size(ft->elt), ts = sim_elt_size(tt->elt);
  for (int64_t i = 0; i < ty_numel(ft); i++) {
    uint64_t v;
    if (fn(op, ft->elt, tt->elt, ld(a, (size_t)i, fs), &v)) {
      char at[64];
      where(ft, i, at, sizeof at);
      double x = ft->elt->kind == TY_FLOAT ? fp_to_double(ft->elt->elem, ld(a, (size_t)i, fs)) : 0;
      return sim_fail(c, op, "%s of %g at element %s is undefined (NaN or out of the range of %s)",
                      what, x, at, ty_elem_names[tt->elt->elem]);
    }
    st(r, (size_t)i, ts, v);
  }
  return 0;
}

static int conv_exti(const struct ir_op *op, const struct ty *f, const struct ty *t,
                     uint64_t in, uint64_t *out) {
  int w = width_of(f);
  *out = (op->attr.signedness == SGN_SIGNED ? (uint64_t)sext(in, w) : in & mask_of(w)) & mask_of(width_of(t));
  return 0;
}
static int conv_trunci(const struct ir_op *op, const struct ty *f, const struct ty *t,
                       uint64_t in, uint64_t *out) {
  (void)op; (void)f;
  *out = in & mask_of(width_of(t));
  return 0;
}

static int conv_itof(const struct ir_op *op, const struct ty *f, const struct ty *t,
                     uint64_t in, uint64_t *out) {
  *out = fp_from_int(t->elem, in & mask_of(width_of(f)), width_of(f),
                     op->attr.signedness == SGN_SIGNED, rounding(op, RND_NEAREST_EVEN));
  return 0;
}
static int conv_ftoi(const struct ir_op *op, const struct ty *f, const struct ty *t,
                     uint64_t in, uint64_t *out) {
  return fp_to_int(f->elem, in, width_of(t), op->attr.signedness == SGN_SIGNED,
                   op->attr.flags & AF_SATURATING, out);
}
/* bitcast keeps the bits; tf32 is stored as f32 bits (low 13 zero). */
static int conv_bits(const struct ir_op *op, const struct ty *f, const struct ty *t,
                     uint64_t in, uint64_t *out) {
  (void)op; (void)f; (void)t;
  *out = in;
  return 0;
}

int sim_exec_exti(struct sim_ctx *c, const struct ir_op *op) { return convert(c, op, conv_exti, "exti"); }
int sim_exec_trunci(struct sim_ctx *c, const struct ir_op *op) { return convert(c, op, conv_trunci, "trunci"); }
/* ftof under the description's numerics (sim_opts): fp8 in its encoding
** (FNUZ or not), narrowing that saturates or overflows as IEEE 754, NaN
** operands carried (nan_carry) or not. */
int sim_exec_ftof(struct sim_ctx *c, const struct ir_op *op) {
  const void *a = IN(c, op, 0);
  void *r = OUT(c, op, 0);
  if (!a || !r) return -1;
  const struct sim_opts *o = c->o;
  enum ty_elem f = fp_fp8_encoding(op->in[0]->type->elt->elem, o->fp8_fnuz);
  enum ty_elem t = fp_fp8_encoding(op->out[0].type->elt->elem, o->fp8_fnuz);
  size_t fs = sim_elt_size(op->in[0]->type->elt), ts = sim_elt_size(op->out[0].type->elt);
  enum ir_rounding rm = rounding(op, RND_NEAREST_EVEN);
  bool sat = fp_default_sat(t) && !o->narrow_ieee;
  for (int64_t i = 0; i < ty_numel(op->in[0]->type); i++) {
    uint64_t x = ld(a, (size_t)i, fs);
    bool carry = o->nan_propagate && fp_is_nan(f, x);
    st(r, (size_t)i, ts, carry ? fp_nan_carry(f, x, t) : fp_convert_sat(f, x, t, rm, sat));
  }
  return 0;
}
int sim_exec_itof(struct sim_ctx *c, const struct ir_op *op) { return convert(c, op, conv_itof, "itof"); }
int sim_exec_ftoi(struct sim_ctx *c, const struct ir_op *op) { return convert(c, op, conv_ftoi, "ftoi"); }
int sim_exec_bitcast(struct sim_ctx *c, const struct ir_op *op) { return convert(c, op, conv_bits, "bitcast"); }
int sim_exec_ptr_to_int(struct sim_ctx *c, const struct ir_op *op) { return convert(c, op, conv_bits, "ptr_to_int"); }
int sim_exec_int_to_ptr(struct sim_ctx *c, const struct ir_op *op) { return convert(c, op, conv_bits, "int_to_ptr"); }
int sim_exec_ptr_to_ptr(struct sim_ctx *c, const struct ir_op *op) { return convert(c, op, conv_bits, "ptr_to_ptr"); }

/* offset: p + off * sizeof(pointee), the offset read as signed.  The
** address is only checked when it is used (load, store, atomics). */
int sim_exec_offset(struct sim_ctx *c, const struct ir_op *op) {
  const uint64_t *p = IN(c, op, 0);
  const void *o = IN(c, op, 1);
  uint64_t *r = OUT(c, op, 0);
  if (!p || !o || !r) return -1;
  const struct ty *pt = op->in[0]->type, *ot = op->in[1]->type;
  size_t osz = sim_elt_size(ot->elt);
  int ow = width_of(ot->elt);
  int64_t esz = (int64_t)sim_elt_size(pt->elt->elt);
  for (int64_t i = 0; i < ty_numel(pt); i++)
    r[i] = p[i] + (uint64_t)(sext(ld(o, (size_t)i, osz), ow) * esz);
  return 0;
}

/* assume: the value itself; with --check-assumes the predicate is checked,
** since a false one is undefined behaviour. */
static int check_assume(struct sim_ctx *c, const struct ir_op *op, const void *v) {
  const struct ir_assume *a = op->attr.assume;
  const struct ty *t = op->in[0]->type;
  if (!a || t->kind != TY_TILE || a->kind == AS_SAME_ELEMENTS) return 0;
  size_t sz = sim_elt_size(t->elt);
  int w = t->elt->kind == TY_PTR ? 64 : width_of(t->elt);
  for (int64_t i = 0; i < ty_numel(t); i++) {
    int64_t x = sext(ld(v, (size_t)i, sz), w);
    bool ok = a->kind == AS_DIV_BY ? (a->has_every ? true : (uint64_t)x % (uint64_t)a->div == 0)
            : (!a->has_lb || x >= a->lb) && (!a->has_ub || x <= a->ub);
    if (!ok) {
      char at[64];
      where(t, i, at, sizeof at);
      return sim_fail(c, op, "assumed predicate does not hold: element %s is %lld", at, (long long)x);
    }
  }
  return 0;
}

int sim_exec_assume(struct sim_ctx *c, const struct ir_op *op) {
  if (sim_copy(c, &op->out[0], op->in[0])) return -1;
  if (c->o->check_assumes) return check_assume(c, op, IN(c, op, 0));
  return 0;
}
