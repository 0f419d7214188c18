/*
** sim_exec_mma.c -- matrix multiply: mmaf, mmai and mmaf_scaled, as
** acc + lhs @ rhs (2-d, or batched 3-d), with a pluggable accumulation
** model (the run's --numerics):
**   fma    for each output, in ascending k: acc = fma(a[i,k], b[k,j], acc),
**          one IEEE fused multiply-add in the accumulator type per product
**   exact  each output is acc + sum_k a[i,k] * b[k,j] computed exactly
**          (a wide fixed-point accumulator) and rounded once
** The GPU-faithful block-FMA models of the tensor cores, and the
** block-scaled MMA of mmaf_scaled, are the profiles of sim_mma_model.c
** (doc/numerics.md).  mmai wraps modulo 2^32, as the spec says.
*/
#include <config.h>
#include "sim_int.h"

#include <math.h>
#include <string.h>

#include "sim_fp.h"
#include "sim_gemm.h"
#include "sim_mma_model.h"

/* The dimensions of one mma: batch x (M x K) @ (K x N). */
struct mm { int64_t batch, m, n, k; };

static struct mm dims(const struct ir_op *op) {
  const struct ty *a = op->in[0]->type, *b = op->in[1]->type;
  struct mm d = { 1, a->shape[a->rank - 2], b->shape[b->rank - 1], a->shape[a->rank - 1] };
  if (a->rank == 3) d.batch = a->shape[0];
  return d;
}

/* An input element widened to f32 (exact for every input type but f64). */
static float in_f32(enum ty_elem e, const unsigned char *p, int64_t i) {
  switch (e) {
  case EL_F32: case EL_TF32: { float f; memcpy(&f, p + i * 4, 4); return f; }
  case EL_F16: { uint16_t h; memcpy(&h, p + i * 2, 2); return fp_f16_to_f32(h); }
  case EL_BF16: { uint16_t h; memcpy(&h, p + i * 2, 2); return fp_bf16_to_f32(h); }
  default: return (float)fp_to_double(e, p[i]);
  }
}

/* Widen a whole operand tile to f32 (for the types sim_gemm does not take). */
static float *widen_all(enum ty_elem e, const unsigned char *p, int64_t n) {
  float *w = ts_malloc((size_t)(n ? n : 1) * sizeof *w);
  if (w) for (int64_t i = 0; i < n; i++) w[i] = in_f32(e, p, i);
  return w;
}

/* How sim_gemm takes an operand of type e and n elements at *p: as it is
** (f32, tf32, bf16, f16), or widened here first into *w (to be freed; *p
** is then NULL when out of memory). */
static enum sim_gemm_in gemm_in(enum ty_elem e, const unsigned char **p, int64_t n, float **w) {
  *w = NULL;
  switch (e) {
  case EL_F32: case EL_TF32: return SIM_GEMM_F32;
  case EL_BF16: return SIM_GEMM_BF16;
  case EL_F16: return SIM_GEMM_F16;
  default:
    *p = (const unsigned char *)(*w = widen_all(e, *p, n));
    return SIM_GEMM_F32;
  }
}

/* The element type of operand k as its bits are read: fp8 in the
** description's encoding (sim_opts.fp8_fnuz: AMD's FNUZ). */
static enum ty_elem in_elem(const struct sim_ctx *c, const struct ir_op *op, int k) {
  return fp_fp8_encoding(op->in[k]->type->elt->elem, c->o->fp8_fnuz);
}

/* fma model, f32 accumulator acc into r, inputs exact in f32: sim_gemm
** does the products in the model's order, reads acc itself (no copy into
** r first) and stores NaN results canonical. */
static int mma_f32_fma(struct sim_ctx *c, const struct ir_op *op, struct mm d,
                       const unsigned char *a, const unsigned char *b, const float *acc,
                       float *r) {
  float *wa, *wb;
  enum ty_elem ea = in_elem(c, op, 0), eb = in_elem(c, op, 1);
  enum sim_gemm_in ta = gemm_in(ea, &a, d.batch * d.m * d.k, &wa);
  enum sim_gemm_in tb = gemm_in(eb, &b, d.batch * d.k * d.n, &wb);
  size_t sa = ta == SIM_GEMM_F32 ? 4 : 2, sb = tb == SIM_GEMM_F32 ? 4 : 2;
  int rc = a && b ? 0 : -1;
  for (int64_t z = 0; z < d.batch && !rc; z++)
    rc = sim_gemm_fma(d.m, d.n, d.k, ta, a + (size_t)(z * d.m * d.k) * sa, d.k,
                      tb, b + (size_t)(z * d.k * d.n) * sb, d.n, acc + z * d.m * d.n,
                      r + z * d.m * d.n, d.n);
  ts_free(wa);
  ts_free(wb);
  return rc ? sim_fail(c, op, "out of memory") : 0;
}

/* fma model for any other accumulator (f16, f64): one fp_fma per product. */
static int mma_generic_fma(const struct sim_ctx *c, const struct ir_op *op, struct mm d,
                           const unsigned char *a, const unsigned char *b, unsigned char *r) {
  enum ty_elem ea = in_elem(c, op, 0), eb = in_elem(c, op, 1);
  enum ty_elem er = op->out[0].type->elt->elem;
  size_t sa = sim_elt_size(op->in[0]->type->elt), sb = sim_elt_size(op->in[1]->type->elt);
  size_t sr = sim_elt_size(op->out[0].type->elt);
  for (int64_t z = 0; z < d.batch; z++)
    for (int64_t i = 0; i < d.m; i++)
      for (int64_t j = 0; j < d.n; j++) {
        uint64_t acc = 0;
        unsigned char *out = r + (size_t)((z * d.m + i) * d.n + j) * sr;
        memcpy(&acc, out, sr);
        for (int64_t k = 0; k < d.k; k++) {
          uint64_t x = 0, y = 0;
          memcpy(&x, a + (size_t)((z * d.m + i) * d.k + k) * sa, sa);
          memcpy(&y, b + (size_t)((z * d.k + k) * d.n + j) * sb, sb);
          /* inputs into the accumulator type exactly (they are narrower) */
          uint64_t xa = ea == er ? x : fp_convert(ea, x, er, RND_NEAREST_EVEN);
          uint64_t yb = eb == er ? y : fp_convert(eb, y, er, RND_NEAREST_EVEN);
          acc = fp_fma(er, xa, yb, acc, RND_NEAREST_EVEN, false);
        }
        memcpy(out, &acc, sr);
      }
  return 0;
}

/* ---- the exact model: a fixed-point accumulator wide enough for any sum
** of products of f64 values (2^-2148 .. 2^2048) plus carries ---- */

enum { KW = 70, KBIAS = 2200 };     /* 70 x 64 bits; bit KBIAS is 2^0 */
struct kulisch { uint64_t w[KW]; bool nan, pinf, ninf; };

/* Add (or subtract) m * 2^e, m < 2^64. */
static void k_add(struct kulisch *k, uint64_t m, int e, bool neg) {
  int pos = e + KBIAS;
  if (pos < 0) { m >>= -pos; pos = 0; }   /* below 2^-2200: cannot happen for these types */
  int word = pos / 64, bit = pos % 64;
  unsigned __int128 v = (unsigned __int128)m << bit;
  uint64_t parts[3] = { (uint64_t)v, (uint64_t)(v >> 64), 0 };
  if (neg) {
    unsigned __int128 borrow = 0;
    for (int i = word; i < KW; i++) {
      uint64_t s = i - word < 3 ? parts[i - word] : 0;
      unsigned __int128 t = (unsigned __int128)k->w[i] - s - borrow;
      k->w[i] = (uint64_t)t;
      borrow = (t >> 64) & 1;
      if (i - word >= 2 && !borrow) break;
    }
  } else {
    unsigned __int128 carry = 0;
    for (int i = word; i < KW; i++) {
      uint64_t s = i - word < 3 ? parts[i - word] : 0;
      unsigned __int128 t = (unsigned __int128)k->w[i] + s + carry;
      k->w[i] = (uint64_t)t;
      carry = t >> 64;
      if (i - word >= 2 && !carry) break;
    }
  }
}

/* Add a finite double exactly. */
static void k_add_double(struct kulisch *k, double x) {
  if (x == 0) return;
  if (x != x) { k->nan = true; return; }
  if (isinf(x)) { if (x > 0) k->pinf = true; else k->ninf = true; return; }
  int e;
  double f = frexp(fabs(x), &e);
  uint64_t m = (uint64_t)ldexp(f, 53);
  k_add(k, m, e - 53, x < 0);
}

/* Add the exact product x*y of two doubles (via the error-free fma split). */
static void k_add_product(struct kulisch *k, double x, double y) {
  double p = x * y;
  if (p != p || isinf(p) || x == 0 || y == 0) {
    if (isinf(p) || p != p) { k_add_double(k, p); return; }
    if (isinf(x) || isinf(y)) { k_add_double(k, p); return; }
    return;
  }
  double e = fma(x, y, -p);      /* exact: x*y = p + e, unless p underflows */
  k_add_double(k, p);
  k_add_double(k, e);
}

/* Round the accumulator to type e, nearest even. */
static uint64_t k_round(struct kulisch *k, enum ty_elem e) {
  if (k->nan || (k->pinf && k->ninf)) return fp_canonical_nan(e);
  if (k->pinf || k->ninf) return fp_from_double(e, k->pinf ? INFINITY : -INFINITY, RND_NEAREST_EVEN);
  bool neg = k->w[KW - 1] >> 63;
  if (neg) {                                   /* two's complement: negate */
    unsigned __int128 carry = 1;
    for (int i = 0; i < KW; i++) {
      unsigned __int128 t = (unsigned __int128)(~k->w[i]) + carry;
      k->w[i] = (uint64_t)t;
      carry = t >> 64;
    }
  }
  int top = KW - 1;
  while (top >= 0 && !k->w[top]) top--;
  if (top < 0) return fp_from_double(e, neg ? -0.0 : 0.0, RND_NEAREST_EVEN);
  int lz = __builtin_clzll(k->w[top]);
  int msb = top * 64 + 63 - lz;                /* bit index of the leading 1 */
  /* hi: the top 53 bits; lo: the next 53 bits with a sticky bit */
  uint64_t bits[2] = {0, 0};
  for (int b = 0; b < 106; b++) {
    int pos = msb - b;
    if (pos < 0) break;
    uint64_t bit = (k->w[pos / 64] >> (pos % 64)) & 1;
    bits[b / 53] |= bit << (52 - b % 53);
  }
  bool sticky = false;
  for (int pos = msb - 106; pos >= 0 && !sticky; pos--)
    sticky = (k->w[pos / 64] >> (pos % 64)) & 1;
  double hi = ldexp((double)bits[0], msb - KBIAS - 52);
  double lo = ldexp((double)(bits[1] | sticky), msb - KBIAS - 105);
  if (neg) { hi = -hi; lo = -lo; }
  double s = hi + lo, t = s - hi, err = (hi - (s - t)) + (lo - t);   /* two_sum */
  return fp_round(e, s, err, RND_NEAREST_EVEN, false, false);
}

static int mma_exact(struct sim_ctx *c, const struct ir_op *op, struct mm d,
                     const unsigned char *a, const unsigned char *b, unsigned char *r) {
  enum ty_elem ea = in_elem(c, op, 0), eb = in_elem(c, op, 1);
  enum ty_elem er = op->out[0].type->elt->elem;
  size_t sa = sim_elt_size(op->in[0]->type->elt), sb = sim_elt_size(op->in[1]->type->elt);
  size_t sr = sim_elt_size(op->out[0].type->elt);
  struct kulisch *k = ts_malloc(sizeof *k);
  if (!k) return sim_fail(c, op, "out of memory");
  for (int64_t z = 0; z < d.batch; z++)
    for (int64_t i = 0; i < d.m; i++)
      for (int64_t j = 0; j < d.n; j++) {
        memset(k, 0, sizeof *k);
        unsigned char *out = r + (size_t)((z * d.m + i) * d.n + j) * sr;
        uint64_t acc = 0;
        memcpy(&acc, out, sr);
        k_add_double(k, fp_to_double(er, acc));
        for (int64_t kk = 0; kk < d.k; kk++) {
          uint64_t x = 0, y = 0;
          memcpy(&x, a + (size_t)((z * d.m + i) * d.k + kk) * sa, sa);
          memcpy(&y, b + (size_t)((z * d.k + kk) * d.n + j) * sb, sb);
          k_add_product(k, fp_to_double(ea, x), fp_to_double(eb, y));
        }
        uint64_t v = k_round(k, er);
        memcpy(out, &v, sr);
      }
  ts_free(k);
  return 0;
}

/* A GPU profile: the tile product as that GPU's instructions compute it
** (instruction K chunks in ascending k, each a block-FMA; sim_mma_model.c). */
static int mma_profiled(struct sim_ctx *c, const struct ir_op *op, struct mm d,
                        const unsigned char *a, const unsigned char *b, unsigned char *r) {
  enum ty_elem ea = op->in[0]->type->elt->elem, er = op->out[0].type->elt->elem;
  size_t sa = sim_elt_size(op->in[0]->type->elt), sb = sim_elt_size(op->in[1]->type->elt);
  size_t sr = sim_elt_size(op->out[0].type->elt);
  struct mma_cfg g;
  if (mma_cfg_init(&g, c->o->profile, ea, er))
    return sim_fail(c, op, "numerics profile '%s' has no mmaf of %s into %s",
                    c->o->profile->name, ty_elem_names[ea], ty_elem_names[er]);
  mma_cfg_fnuz(&g, c->o->fp8_fnuz);
  for (int64_t z = 0; z < d.batch; z++) {
    unsigned char *rz = r + (size_t)(z * d.m * d.n) * sr;
    if (mma_gemm(&g, d.m, d.n, d.k, a + (size_t)(z * d.m * d.k) * sa, d.k,
                 b + (size_t)(z * d.k * d.n) * sb, d.n, rz, d.n, rz, d.n,
                 op->attr.flags & AF_FAST_ACC))
      return sim_fail(c, op, "out of memory");
  }
  return 0;
}

int sim_exec_mmaf(struct sim_ctx *c, const struct ir_op *op) {
  const unsigned char *a = IN(c, op, 0), *b = IN(c, op, 1), *acc = IN(c, op, 2);
  unsigned char *r = OUT(c, op, 0);
  if (!a || !b || !acc || !r) return -1;
  struct mm d = dims(op);
  enum ty_elem er = op->out[0].type->elt->elem, ea = op->in[0]->type->elt->elem;
  if (!c->o->profile && c->o->numerics != NUM_EXACT && er == EL_F32 && ea != EL_F64)
    return mma_f32_fma(c, op, d, a, b, (const float *)acc, (float *)r);
  if (sim_copy(c, &op->out[0], op->in[2])) return -1;
  if (c->o->profile) return mma_profiled(c, op, d, a, b, r);
  if (c->o->numerics == NUM_EXACT) return mma_exact(c, op, d, a, b, r);
  return mma_generic_fma(c, op, d, a, b, r);
}

/* mmai: i8 x i8 products summed into i32, wrapping; each operand signed
** or unsigned as the op says. */
int sim_exec_mmai(struct sim_ctx *c, const struct ir_op *op) {
  const uint8_t *a = IN(c, op, 0), *b = IN(c, op, 1);
  int32_t *r = OUT(c, op, 0);
  if (!a || !b || !r || sim_copy(c, &op->out[0], op->in[2])) return -1;
  struct mm d = dims(op);
  bool sa = op->attr.signedness == SGN_SIGNED, sb = op->attr.sign_rhs == SGN_SIGNED;
  for (int64_t z = 0; z < d.batch; z++)
    for (int64_t i = 0; i < d.m; i++)
      for (int64_t k = 0; k < d.k; k++) {
        uint8_t x8 = a[(z * d.m + i) * d.k + k];
        int32_t x = sa ? (int8_t)x8 : x8;
        int32_t *acc = r + (z * d.m + i) * d.n;
        const uint8_t *brow = b + (z * d.k + k) * d.n;
        for (int64_t j = 0; j < d.n; j++) {
          int32_t y = sb ? (int8_t)brow[j] : brow[j];
          acc[j] = (int32_t)((uint32_t)acc[j] + (uint32_t)(x * y));
        }
      }
  return 0;
}

/* mmaf_scaled on a profile with block-scaled MMA (sm100): every output by
** mma_scaled_dot (sim_mma_model.h), batched for rank 3. */
static void mma_scaled_profiled(const struct ir_op *op, const unsigned char *a,
                                const unsigned char *b, const unsigned char *as,
                                const unsigned char *bs, uint32_t *r) {
  const struct ty *at = op->in[0]->type, *bt = op->in[1]->type;
  const struct ty *ast = op->in[3]->type, *bst = op->in[4]->type;
  int x = at->rank - 2;
  int64_t nb = x ? at->shape[0] : 1, m = at->shape[x], k = at->shape[x + 1];
  int64_t n = bt->shape[x + 1], ka = ast->shape[x + 1], kb = bst->shape[x];
  for (int64_t z = 0; z < nb; z++)
    for (int64_t i = 0; i < m; i++)
      for (int64_t j = 0; j < n; j++) {
        uint32_t *out = r + (z * m + i) * n + j;
        *out = mma_scaled_dot(at->elt->elem, bt->elt->elem, ast->elt->elem,
                              a + (z * m + i) * k, b + z * k * n + j, n,
                              as + (z * m + i) * ka, bs + z * kb * n + j, n, k, k / ka, k / kb, *out);
      }
}

/* mmaf_scaled: acc + sum_k (a[i,k] * sa[i,k/V]) * (b[k,j] * sb[k/V,j]),
** V = K / (scale columns).  A GPU profile with block-scaled MMA (sm100)
** computes it as that GPU does (mma_scaled_dot); otherwise each scaled
** product is exact in double, the fma model adds it to the f32
** accumulator with one rounding, in ascending k, and the exact model
** rounds the whole sum once. */
int sim_exec_mmaf_scaled(struct sim_ctx *c, const struct ir_op *op) {
  const unsigned char *a = IN(c, op, 0), *b = IN(c, op, 1), *as = IN(c, op, 3), *bs = IN(c, op, 4);
  float *r = OUT(c, op, 0);
  if (!a || !b || !as || !bs || !r || sim_copy(c, &op->out[0], op->in[2])) return -1;
  if (c->o->profile && c->o->profile->scaled) {
    mma_scaled_profiled(op, a, b, as, bs, (uint32_t *)r);
    return 0;
  }
  const struct ty *at = op->in[0]->type, *ast = op->in[3]->type, *bst = op->in[4]->type;
  enum ty_elem ea = in_elem(c, op, 0), eb = in_elem(c, op, 1);
  enum ty_elem esa = ast->elt->elem, esb = bst->elt->elem;
  int64_t m = at->shape[0], k = at->shape[1], n = op->in[1]->type->shape[1];
  int64_t ka = ast->shape[1], kb = bst->shape[0];
  int64_t va = k / ka, vb = k / kb;
  struct kulisch *acc = ts_malloc(sizeof *acc);
  if (!acc) return sim_fail(c, op, "out of memory");
  for (int64_t i = 0; i < m; i++)
    for (int64_t j = 0; j < n; j++) {
      float *out = r + i * n + j;
      double sum = *out;
      memset(acc, 0, sizeof *acc);
      k_add_double(acc, sum);
      uint32_t bits;
      memcpy(&bits, out, 4);
      for (int64_t kk = 0; kk < k; kk++) {
        double x = fp_to_double(ea, a[i * k + kk]) * fp_to_double(esa, as[i * ka + kk / va]);
        double y = fp_to_double(eb, b[kk * n + j]) * fp_to_double(esb, bs[(kk / vb) * n + j]);
        if (c->o->numerics == NUM_EXACT) { k_add_product(acc, x, y); continue; }
        double p = x * y, s = (double)fp_to_double(EL_F32, bits) + p;
        double t = s - p, err = ((double)fp_to_double(EL_F32, bits) - t) + (p - (s - t));
        bits = (uint32_t)fp_round(EL_F32, s, err, RND_NEAREST_EVEN, false, false);
      }
      if (c->o->numerics == NUM_EXACT) bits = (uint32_t)k_round(acc, EL_F32);
      memcpy(out, &bits, 4);
    }
  ts_free(acc);
  return 0;
}
