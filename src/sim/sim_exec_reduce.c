/*
** sim_exec_reduce.c -- reduce and scan.  The region is the combiner:
** its arguments are, for each operand i, an element (2i) and the
** accumulator (2i+1); it yields the new accumulators.
**
** The order is fixed (the spec leaves it open; see doc/numerics.md):
** along dim, in ascending index (descending for a reverse scan), starting
** from the identity:  acc = identity; for each k: acc = body(x[k], acc).
** Bodies that are one commutative op on the two arguments (addf, maxf,
** addi, ...) run as a tight loop with the same result.
*/
#include <config.h>
#include "sim_int.h"

#include <string.h>

#include "sim_fp.h"

/* The layout of a reduction: outer x len x inner, row-major. */
struct red {
  int64_t outer, len, inner;
};

static struct red layout(const struct ty *t, int dim) {
  struct red r = { 1, t->shape[dim], 1 };
  for (int d = 0; d < dim; d++) r.outer *= t->shape[d];
  for (int d = dim + 1; d < t->rank; d++) r.inner *= t->shape[d];
  return r;
}

/* ---- the fast path: a body that is one op on its two arguments ---- */

static const struct ir_op *single_op_body(const struct ir_op *op) {
  const struct ir_block *b = op->regions[0].block;
  if (op->nin != 1 || !b || b->nargs != 2) return NULL;
  const struct ir_op *f = b->first;
  if (!f || !f->next || f->next->next || f->next->code != IR_OP_yield) return NULL;
  if (f->next->nin != 1 || f->next->in[0] != &f->out[0] || f->nin != 2) return NULL;
  bool args = (f->in[0] == &b->args[0] && f->in[1] == &b->args[1]) ||
              (f->in[0] == &b->args[1] && f->in[1] == &b->args[0]);
  if (!args || (f->code == IR_OP_addf && f->attr.rounding > 0) ||
      (f->attr.flags & AF_FTZ))
    return NULL;
  switch (f->code) {
  case IR_OP_addf: case IR_OP_maxf: case IR_OP_minf:
    return f->in[0]->type->elt->elem == EL_F32 && !(f->attr.flags & AF_PROPAGATE_NAN) ? f : NULL;
  case IR_OP_andi: case IR_OP_ori: case IR_OP_xori:
    return f;
  case IR_OP_addi: case IR_OP_muli:      /* i1 would need its one bit kept */
    return f->in[0]->type->elt->elem != EL_I1 ? f : NULL;
  case IR_OP_maxi: case IR_OP_mini:      /* and signed i1 is 0 or -1 */
    return f->attr.signedness == SGN_SIGNED && f->in[0]->type->elt->elem != EL_I1 ? f : NULL;
  default: return NULL;
  }
}

/* acc op x for the commutative ops of single_op_body, on f32. */
static float f32_step(enum ir_opcode code, float acc, float x) {
  if (code == IR_OP_addf) return acc + x;
  /* maximumNumber/minimumNumber: a NaN loses; -0 < +0 */
  if (x != x) return acc;
  if (acc != acc) return x;
  if (acc == x) {
    uint32_t ua, ux;
    memcpy(&ua, &acc, 4);
    memcpy(&ux, &x, 4);
    bool acc_neg = ua >> 31;
    return (code == IR_OP_maxf) == acc_neg ? x : acc;
  }
  return (code == IR_OP_maxf) == (x > acc) ? x : acc;
}

static int64_t i64_step(enum ir_opcode code, int64_t acc, int64_t x) {
  switch (code) {
  case IR_OP_addi: return (int64_t)((uint64_t)acc + (uint64_t)x);
  case IR_OP_muli: return (int64_t)((uint64_t)acc * (uint64_t)x);
  case IR_OP_andi: return acc & x;
  case IR_OP_ori: return acc | x;
  case IR_OP_xori: return acc ^ x;
  case IR_OP_maxi: return x > acc ? x : acc;
  default: return x < acc ? x : acc;
  }
}

static int64_t sload(const unsigned char *p, size_t sz) {
  switch (sz) {
  case 1: return *(const int8_t *)p;
  case 2: return *(const int16_t *)p;
  case 4: return *(const int32_t *)p;
  default: return *(const int64_t *)p;
  }
}

static uint32_t f32_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, 4);
  return (u & 0x7fffffffu) > 0x7f800000u ? (uint32_t)fp_canonical_nan(EL_F32) : u;
}

/* The hot f32 loops are compiled for AVX-512 and AVX2 too, the best
** picked when the program loads (GCC's target_clones); IEEE operations
** give the same bits in any lane width, and -std=c11 fuses nothing. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__)
#define WIDE_LOOP __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define WIDE_LOOP
#endif

/* f32 sums along the last dimension, each row in ascending order: eight
** rows at a time in eight registers, so that their chains of additions
** overlap in the pipeline (one row alone waits for each addition). */
WIDE_LOOP static void sum_rows_f32(const float *x, float *r, struct red L, float id) {
  int64_t o = 0, n = L.len;
  for (; o + 8 <= L.outer; o += 8) {
    const float *p = x + o * n;
    float a0 = id, a1 = id, a2 = id, a3 = id, a4 = id, a5 = id, a6 = id, a7 = id;
    for (int64_t k = 0; k < n; k++) {
      a0 += p[k]; a1 += p[n + k]; a2 += p[2 * n + k]; a3 += p[3 * n + k];
      a4 += p[4 * n + k]; a5 += p[5 * n + k]; a6 += p[6 * n + k]; a7 += p[7 * n + k];
    }
    r[o] = a0; r[o + 1] = a1; r[o + 2] = a2; r[o + 3] = a3;
    r[o + 4] = a4; r[o + 5] = a5; r[o + 6] = a6; r[o + 7] = a7;
  }
  for (; o < L.outer; o++) {
    float a = id;
    for (int64_t k = 0; k < n; k++) a += x[o * n + k];
    r[o] = a;
  }
}

/* maxf and minf (maximumNumber/minimumNumber, -0 < +0) pick the largest
** (smallest) element of a totally ordered set -- NaNs aside, which lose
** -- so their order does not matter and a row can be scanned many lanes
** at once.  key() maps f32 bits to integers in the same total order; a
** NaN gets a key below (above) every number's.  The result is the same
** element f32_step would pick; a NaN result is made canonical later. */
static int32_t key(uint32_t b, int32_t nan_key) {
  if ((b & 0x7fffffffu) > 0x7f800000u) return nan_key;
  return (int32_t)(b ^ ((b >> 31) * 0x7fffffffu));
}
static float unkey(int32_t k) {
  uint32_t b = (uint32_t)k ^ ((uint32_t)k >> 31) * 0x7fffffffu;
  float f;
  memcpy(&f, &b, 4);
  return f;
}

WIDE_LOOP static void minmax_rows_f32(bool max, const float *x, float *r, struct red L, float id) {
  uint32_t idb;
  memcpy(&idb, &id, 4);
  for (int64_t o = 0; o < L.outer; o++) {
    const uint32_t *p = (const uint32_t *)(x + o * L.len);
    int32_t m = key(idb, max ? INT32_MIN : INT32_MAX);
    if (max) {
#pragma omp simd reduction(max : m)
      for (int64_t k = 0; k < L.len; k++) { int32_t v = key(p[k], INT32_MIN); m = v > m ? v : m; }
    } else {
#pragma omp simd reduction(min : m)
      for (int64_t k = 0; k < L.len; k++) { int32_t v = key(p[k], INT32_MAX); m = v < m ? v : m; }
    }
    r[o] = unkey(m);
  }
}

static void fast_rows_f32(enum ir_opcode code, const float *x, float *r, struct red L, float id) {
  if (code == IR_OP_addf) sum_rows_f32(x, r, L, id);
  else minmax_rows_f32(code == IR_OP_maxf, x, r, L, id);
}

/* Fast reduce or scan of one operand with a one-op body. */
static void fast(const struct ir_op *op, const struct ir_op *f, const unsigned char *x,
                 unsigned char *r, bool scan) {
  const struct ty *t = op->in[0]->type;
  struct red L = layout(t, (int)op->attr.dim);
  bool isf32 = f->code == IR_OP_addf || f->code == IR_OP_maxf || f->code == IR_OP_minf;
  if (isf32 && !scan && L.inner == 1) {
    uint32_t idb = (uint32_t)op->attr.ident[0].bits;
    float id;
    memcpy(&id, &idb, 4);
    fast_rows_f32(f->code, (const float *)x, (float *)r, L, id);
    uint32_t *bits = (uint32_t *)r;
    for (int64_t i = 0; i < L.outer; i++)
      if ((bits[i] & 0x7fffffffu) > 0x7f800000u) bits[i] = (uint32_t)fp_canonical_nan(EL_F32);
    return;
  }
  size_t sz = sim_elt_size(t->elt);
  bool rev = scan && (op->attr.flags & AF_REVERSE);
  uint64_t id = op->attr.ident[0].bits;
  bool isf = f->code == IR_OP_addf || f->code == IR_OP_maxf || f->code == IR_OP_minf;
  for (int64_t o = 0; o < L.outer; o++)
    for (int64_t in = 0; in < L.inner; in++) {
      float facc;
      uint32_t u = (uint32_t)id;
      memcpy(&facc, &u, 4);
      int64_t iacc = sload((const unsigned char *)&id, sz);
      for (int64_t j = 0; j < L.len; j++) {
        int64_t k = rev ? L.len - 1 - j : j;
        size_t at = (size_t)((o * L.len + k) * L.inner + in) * sz;
        if (isf) {
          float v;
          memcpy(&v, x + at, 4);
          facc = f32_step(f->code, facc, v);
          if (scan) {                     /* NaN results canonical, as addf's */
            uint32_t bits = f32_bits(facc);
            memcpy(r + at, &bits, 4);
          }
        } else {
          iacc = i64_step(f->code, iacc, sload(x + at, sz));
          if (scan) memcpy(r + at, &iacc, sz);
        }
      }
      if (!scan) {
        size_t at = (size_t)(o * L.inner + in) * sz;
        if (isf) {
          uint32_t bits = f32_bits(facc);
          memcpy(r + at, &bits, 4);
        } else {
          memcpy(r + at, &iacc, sz);
        }
      }
    }
}

/* ---- the general path: run the region for every step ---- */

static int general(struct sim_ctx *c, const struct ir_op *op, bool scan) {
  const struct ir_block *b = op->regions[0].block;
  int n = op->nin;
  const struct ty *t = op->in[0]->type;
  struct red L = layout(t, (int)op->attr.dim);
  bool rev = scan && (op->attr.flags & AF_REVERSE);
  const unsigned char *x[32];
  unsigned char *r[32], *elem[32], *acc[32], tmp[32][8];
  size_t sz[32];
  if (n > 32) return sim_fail(c, op, "too many operands");
  for (int i = 0; i < n; i++) {
    x[i] = IN(c, op, i);
    r[i] = OUT(c, op, i);
    elem[i] = sim_val(c, &b->args[2 * i]);
    acc[i] = sim_val(c, &b->args[2 * i + 1]);
    if (!x[i] || !r[i] || !elem[i] || !acc[i]) return -1;
    sz[i] = sim_elt_size(op->in[i]->type->elt);
  }
  for (int64_t o = 0; o < L.outer; o++)
    for (int64_t in = 0; in < L.inner; in++) {
      for (int i = 0; i < n; i++) memcpy(acc[i], &op->attr.ident[i].bits, sz[i]);
      for (int64_t j = 0; j < L.len; j++) {
        int64_t k = rev ? L.len - 1 - j : j;
        size_t at = (size_t)((o * L.len + k) * L.inner + in);
        for (int i = 0; i < n; i++) memcpy(elem[i], x[i] + at * sz[i], sz[i]);
        if (sim_run_block(c, b)) return -1;
        const struct ir_op *y = c->term;
        c->term = NULL;
        if (!y || y->code != IR_OP_yield || y->nin != n)
          return sim_fail(c, op, "the combiner did not yield %d values", n);
        /* all yielded values first: one may be another operand's
        ** accumulator (a body that swaps them) */
        for (int i = 0; i < n; i++) {
          const void *v = sim_val(c, y->in[i]);
          if (!v) return -1;
          memcpy(tmp[i], v, sz[i]);
        }
        for (int i = 0; i < n; i++) {
          memcpy(acc[i], tmp[i], sz[i]);
          if (scan) memcpy(r[i] + at * sz[i], acc[i], sz[i]);
        }
      }
      if (!scan)
        for (int i = 0; i < n; i++) memcpy(r[i] + (size_t)(o * L.inner + in) * sz[i], acc[i], sz[i]);
    }
  return 0;
}

static int reduce_or_scan(struct sim_ctx *c, const struct ir_op *op, bool scan) {
  const struct ir_op *f = single_op_body(op);
  if (!f) return general(c, op, scan);
  const unsigned char *x = IN(c, op, 0);
  unsigned char *r = OUT(c, op, 0);
  if (!x || !r) return -1;
  fast(op, f, x, r, scan);
  return 0;
}

int sim_exec_reduce(struct sim_ctx *c, const struct ir_op *op) { return reduce_or_scan(c, op, false); }
int sim_exec_scan(struct sim_ctx *c, const struct ir_op *op) { return reduce_or_scan(c, op, true); }
