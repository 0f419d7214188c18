/*
** sim_exec_shape.c -- ops that move elements: constant, iota, broadcast,
** reshape, permute, cat, extract, insert, pack and unpack.  Tiles are
** row-major, so each is an index computation and a copy of bytes.
*/
#include <config.h>
#include "sim_int.h"

#include <stdio.h>
#include <string.h>

#include "sim_fp.h"

/* Row-major strides (in elements) of tile t. */
static void strides_of(const struct ty *t, int64_t *s) {
  int64_t k = 1;
  for (int d = t->rank - 1; d >= 0; d--) { s[d] = k; k *= t->shape[d]; }
}

/* Step the coordinates idx of shape (rank n) to the next element. */
static void next(int64_t *idx, const int64_t *shape, int n) {
  for (int d = n - 1; d >= 0; d--) {
    if (++idx[d] < shape[d]) return;
    idx[d] = 0;
  }
}

static void put_bits(void *p, size_t i, size_t sz, uint64_t v) {
  memcpy((unsigned char *)p + i * sz, &v, sz);   /* little-endian host */
}

/* Fill n elements of sz bytes at r with the one at v. */
static void fill(unsigned char *r, const unsigned char *v, int64_t n, size_t sz) {
  if (n <= 0) return;
  memcpy(r, v, sz);
  for (int64_t done = 1; done < n; done *= 2)      /* doubling copies */
    memcpy(r + (size_t)done * sz, r, (size_t)(done * 2 <= n ? done : n - done) * sz);
}

/* A constant's bits; an fp8 literal (parsed in the OCP encoding) re-encoded
** where the description says fp8="fnuz". */
static uint64_t const_bits(const struct sim_ctx *c, const struct ty *t, uint64_t bits) {
  if (t->elt->kind != TY_FLOAT) return bits;
  enum ty_elem e = t->elt->elem, f = fp_fp8_encoding(e, c->o->fp8_fnuz);
  return f == e ? bits : fp_convert(e, bits, f, RND_NEAREST_EVEN);
}

int sim_exec_constant(struct sim_ctx *c, const struct ir_op *op) {
  unsigned char *r = OUT(c, op, 0);
  if (!r) return -1;
  const struct ir_dense *d = op->attr.value;
  const struct ty *t = op->out[0].type;
  size_t sz = sim_elt_size(t->elt);
  int64_t n = ty_numel(t);
  if (d->splat) {
    unsigned char v[8];
    put_bits(v, 0, sz, const_bits(c, t, d->bits[0]));
    fill(r, v, n, sz);
  } else {
    for (int64_t i = 0; i < n; i++) put_bits(r, (size_t)i, sz, const_bits(c, t, d->bits[i]));
  }
  return 0;
}

int sim_exec_iota(struct sim_ctx *c, const struct ir_op *op) {
  void *r = OUT(c, op, 0);
  if (!r) return -1;
  const struct ty *t = op->out[0].type;
  size_t sz = sim_elt_size(t->elt);
  for (int64_t i = 0; i < ty_numel(t); i++) put_bits(r, (size_t)i, sz, (uint64_t)i);
  return 0;
}

int sim_exec_reshape(struct sim_ctx *c, const struct ir_op *op) {
  return sim_copy(c, &op->out[0], op->in[0]) ? -1 : 0;
}

/* broadcast: dims of size 1 repeat (their stride is 0).  The result is
** made row by row (the last dimension): a copied row, or one element
** filled along it. */
int sim_exec_broadcast(struct sim_ctx *c, const struct ir_op *op) {
  const unsigned char *a = IN(c, op, 0);
  unsigned char *r = OUT(c, op, 0);
  if (!a || !r) return -1;
  const struct ty *st = op->in[0]->type, *rt = op->out[0].type;
  size_t sz = sim_elt_size(rt->elt);
  int last = rt->rank - 1;
  if (last < 0) return sim_copy(c, &op->out[0], op->in[0]) ? -1 : 0;
  int64_t s[16], idx[16] = {0}, row = rt->shape[last];
  strides_of(st, s);
  for (int d = 0; d < rt->rank; d++) if (st->shape[d] == 1) s[d] = 0;
  for (int64_t i = 0, n = ty_numel(rt); i < n; i += row) {
    int64_t off = 0;
    for (int d = 0; d < last; d++) off += idx[d] * s[d];
    if (s[last]) memcpy(r + (size_t)i * sz, a + (size_t)off * sz, (size_t)row * sz);
    else fill(r + (size_t)i * sz, a + (size_t)off * sz, row, sz);
    idx[last] = row - 1;
    next(idx, rt->shape, rt->rank);
  }
  return 0;
}

/* permute: result dim i is source dim perm[i]. */
int sim_exec_permute(struct sim_ctx *c, const struct ir_op *op) {
  const unsigned char *a = IN(c, op, 0);
  unsigned char *r = OUT(c, op, 0);
  if (!a || !r) return -1;
  const struct ty *st = op->in[0]->type, *rt = op->out[0].type;
  size_t sz = sim_elt_size(rt->elt);
  int64_t s[16], ps[16], idx[16] = {0};
  strides_of(st, s);
  for (int d = 0; d < rt->rank; d++) ps[d] = s[op->attr.perm[d]];
  for (int64_t i = 0, n = ty_numel(rt); i < n; i++) {
    int64_t off = 0;
    for (int d = 0; d < rt->rank; d++) off += idx[d] * ps[d];
    memcpy(r + (size_t)i * sz, a + (size_t)off * sz, sz);
    next(idx, rt->shape, rt->rank);
  }
  return 0;
}

/* cat along dim: rows of the result are runs of lhs then rhs. */
int sim_exec_cat(struct sim_ctx *c, const struct ir_op *op) {
  const unsigned char *a = IN(c, op, 0), *b = IN(c, op, 1);
  unsigned char *r = OUT(c, op, 0);
  if (!a || !b || !r) return -1;
  const struct ty *at = op->in[0]->type, *bt = op->in[1]->type;
  size_t sz = sim_elt_size(at->elt);
  int dim = (int)op->attr.dim;
  int64_t outer = 1, ia = 1, ib = 1;
  for (int d = 0; d < dim; d++) outer *= at->shape[d];
  for (int d = dim; d < at->rank; d++) { ia *= at->shape[d]; ib *= bt->shape[d]; }
  for (int64_t o = 0; o < outer; o++) {
    memcpy(r, a + (size_t)(o * ia) * sz, (size_t)ia * sz);
    r += (size_t)ia * sz;
    memcpy(r, b + (size_t)(o * ib) * sz, (size_t)ib * sz);
    r += (size_t)ib * sz;
  }
  return 0;
}

/* The slice indices of extract/insert (unsigned scalars), range-checked:
** index k of dim d selects elements [k*sub[d], (k+1)*sub[d]). */
static int slice_origin(struct sim_ctx *c, const struct ir_op *op, int first,
                        const struct ty *big, const struct ty *sub, int64_t *origin) {
  for (int d = 0; d < big->rank; d++) {
    const void *p = IN(c, op, first + d);
    if (!p) return -1;
    const struct ty *it = op->in[first + d]->type;
    uint64_t k = 0;
    memcpy(&k, p, sim_elt_size(it->elt));
    int64_t count = big->shape[d] / sub->shape[d];
    if (k >= (uint64_t)count)
      return sim_fail(c, op, "slice index %llu of dimension %d is out of range [0, %lld)",
                      (unsigned long long)k, d, (long long)count);
    origin[d] = (int64_t)k * sub->shape[d];
  }
  return 0;
}

/* Copy the sub-tile at origin between big (row-major) and sub. */
static void copy_slice(unsigned char *big, const struct ty *bt, unsigned char *sub,
                       const struct ty *st, const int64_t *origin, bool into_big) {
  size_t sz = sim_elt_size(bt->elt);
  int64_t bs[16], idx[16] = {0};
  strides_of(bt, bs);
  for (int64_t i = 0, n = ty_numel(st); i < n; i++) {
    int64_t off = 0;
    for (int d = 0; d < st->rank; d++) off += (origin[d] + idx[d]) * bs[d];
    if (into_big) memcpy(big + (size_t)off * sz, sub + (size_t)i * sz, sz);
    else memcpy(sub + (size_t)i * sz, big + (size_t)off * sz, sz);
    next(idx, st->shape, st->rank);
  }
}

int sim_exec_extract(struct sim_ctx *c, const struct ir_op *op) {
  unsigned char *a = IN(c, op, 0), *r = OUT(c, op, 0);
  int64_t origin[16];
  if (!a || !r) return -1;
  const struct ty *st = op->in[0]->type, *rt = op->out[0].type;
  if (slice_origin(c, op, 1, st, rt, origin)) return -1;
  copy_slice(a, st, r, rt, origin, false);
  return 0;
}

/* insert (13.4): the destination with the slice replaced by the source. */
int sim_exec_insert(struct sim_ctx *c, const struct ir_op *op) {
  unsigned char *src = IN(c, op, 0), *r = OUT(c, op, 0);
  int64_t origin[16];
  if (!src || !r || sim_copy(c, &op->out[0], op->in[1])) return -1;
  const struct ty *st = op->in[0]->type, *dt = op->in[1]->type;
  if (slice_origin(c, op, 2, dt, st, origin)) return -1;
  copy_slice(r, dt, src, st, origin, true);
  return 0;
}

/* pack/unpack: a 1-d tile and its bytes; sub-byte types (i4, f4E2M1FN)
** take two elements a byte, the first in the low nibble; i1 eight, the
** first in bit 0. */
static bool nibbles(const struct ty *elt) {
  return elt->kind != TY_PTR && (elt->elem == EL_I4 || elt->elem == EL_F4E2M1FN);
}
static bool bits(const struct ty *elt) { return elt->kind != TY_PTR && elt->elem == EL_I1; }

int sim_exec_pack(struct sim_ctx *c, const struct ir_op *op) {
  const uint8_t *a = IN(c, op, 0);
  uint8_t *r = OUT(c, op, 0);
  if (!a || !r) return -1;
  const struct ty *t = op->in[0]->type;
  if (bits(t->elt)) {
    for (int64_t i = 0; i < ty_numel(op->out[0].type); i++) {
      r[i] = 0;
      for (int k = 0; k < 8; k++) r[i] |= (uint8_t)((a[8 * i + k] & 1) << k);
    }
    return 0;
  }
  if (!nibbles(t->elt)) return sim_copy(c, &op->out[0], op->in[0]) ? -1 : 0;
  for (int64_t i = 0; i < ty_numel(op->out[0].type); i++)
    r[i] = (uint8_t)((a[2 * i] & 0xF) | (a[2 * i + 1] & 0xF) << 4);
  return 0;
}

int sim_exec_unpack(struct sim_ctx *c, const struct ir_op *op) {
  const uint8_t *a = IN(c, op, 0);
  uint8_t *r = OUT(c, op, 0);
  if (!a || !r) return -1;
  const struct ty *t = op->out[0].type;
  if (bits(t->elt)) {
    for (int64_t i = 0; i < ty_numel(t); i++) r[i] = (a[i / 8] >> (i % 8)) & 1;
    return 0;
  }
  if (!nibbles(t->elt)) return sim_copy(c, &op->out[0], op->in[0]) ? -1 : 0;
  for (int64_t i = 0; i < ty_numel(op->in[0]->type); i++) {
    r[2 * i] = a[i] & 0xF;
    r[2 * i + 1] = a[i] >> 4;
  }
  return 0;
}
