/*
** sim_exec_mem.c -- memory: pointer loads and stores, views, atomics,
** tokens, alloca, globals, print and assert.
**
** Every element access goes through at(): the address must lie inside
** one allocation, or the run stops with the op, the element and the
** address.  Tokens only order memory ops; the interpreter runs ops in
** program order, which every token order allows, so they carry no data.
*/
#include <config.h>
#include "sim_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "sim_fp.h"
#include "sim_trace.h"

static void coords(const struct ty *t, int64_t i, char *buf, size_t n) {
  sim_coords(t->shape, t->rank, i, buf, n);
}

/* The host bytes of [addr, addr+n), or NULL after reporting which element
** of which access missed which allocation. */
static unsigned char *at(struct sim_ctx *c, const struct ir_op *op, const char *what,
                         uint64_t addr, size_t n, const struct ty *t, int64_t i, bool write) {
  const struct mem_alloc *a = mem_find(c->mem, addr, n);
  if (a && a->host && !(write && a->readonly)) return a->host + (addr - a->base);
  char el[96];                 /* only now: coords() costs more than the access */
  coords(t, i, el, sizeof el);
  if (a && !a->host) {
    sim_fail(c, op, "%s of element %s address 0x%" PRIx64 " in '%s', which was given as a "
             "shape only (no data to run on)", what, el, addr, a->name);
    return NULL;
  }
  if (a) {
    sim_fail(c, op, "%s to read-only memory: element %s address 0x%" PRIx64 " in '%s'",
             what, el, addr, a->name);
    return NULL;
  }
  const struct mem_alloc *near = mem_nearest(c->mem, addr);
  if (near && addr >= near->base && addr - near->base < MEM_SPACING / 2)
    sim_fail(c, op, "%s out of bounds: element %s address 0x%" PRIx64 " is %" PRIu64
             " bytes past the end of '%s' (%zu bytes at 0x%" PRIx64 ")", what, el, addr,
             addr + n - (near->base + near->size), near->name, near->size, near->base);
  else if (near && addr < near->base && near->base - addr <= MEM_SPACING / 2)
    sim_fail(c, op, "%s out of bounds: element %s address 0x%" PRIx64 " is %" PRIu64
             " bytes before the start of '%s' (%zu bytes at 0x%" PRIx64 ")", what, el, addr,
             near->base - addr, near->name, near->size, near->base);
  else
    sim_fail(c, op, "%s out of bounds: element %s address 0x%" PRIx64
             " is not in any allocation", what, el, addr);
  return NULL;
}

/* Whether [addr, addr+n) can be accessed at once (no message). */
static bool accessible(const struct sim_ctx *c, uint64_t addr, size_t n, bool write) {
  const struct mem_alloc *a = mem_find(c->mem, addr, n);
  return a && a->host && !(write && a->readonly);
}

void sim_mem_write(struct sim_ctx *c, void *dst, const void *src, size_t n) {
  if (memcmp(dst, src, n)) {
    memcpy(dst, src, n);
    c->writes++;
  }
}

/* ---- tokens and fences: ordering only ---- */

static int no_op(struct sim_ctx *c, const struct ir_op *op) { (void)c; (void)op; return 0; }
int sim_exec_make_token(struct sim_ctx *c, const struct ir_op *op) { return no_op(c, op); }
int sim_exec_join_tokens(struct sim_ctx *c, const struct ir_op *op) { return no_op(c, op); }
int sim_exec_gdc_launch_dependents_tko(struct sim_ctx *c, const struct ir_op *op) { return no_op(c, op); }
int sim_exec_gdc_wait_tko(struct sim_ctx *c, const struct ir_op *op) { return no_op(c, op); }
int sim_exec_memory_fence_alias_tko(struct sim_ctx *c, const struct ir_op *op) { return no_op(c, op); }

/* ---- loads and stores through tiles of pointers ---- */

/* load_ptr_tko: masked-off lanes take the padding, or 0 when there is none
** (the spec leaves them unspecified; see doc/numerics.md). */
int sim_exec_load_ptr_tko(struct sim_ctx *c, const struct ir_op *op) {
  int nm, np;
  struct ir_value **mv = ir_op_group(op, 1, &nm), **pv = ir_op_group(op, 2, &np);
  const uint64_t *p = IN(c, op, 0);
  const uint8_t *mask = nm ? sim_val(c, mv[0]) : NULL;
  const unsigned char *pad = np ? sim_val(c, pv[0]) : NULL;
  unsigned char *r = OUT(c, op, 0);
  if (!p || !r || (nm && !mask) || (np && !pad)) return -1;
  const struct ty *t = op->in[0]->type;
  size_t sz = sim_elt_size(op->out[0].type->elt);
  for (int64_t i = 0, n = ty_numel(t); i < n; i++) {
    unsigned char *dst = r + (size_t)i * sz;
    if (mask && !mask[i]) {
      if (pad) memcpy(dst, pad + (size_t)i * sz, sz); else memset(dst, 0, sz);
      continue;
    }
    const unsigned char *src = at(c, op, "load", p[i], sz, t, i, false);
    if (!src) return -1;
    memcpy(dst, src, sz);
  }
  return 0;
}

int sim_exec_store_ptr_tko(struct sim_ctx *c, const struct ir_op *op) {
  int nm;
  struct ir_value **mv = ir_op_group(op, 2, &nm);
  const uint64_t *p = IN(c, op, 0);
  const unsigned char *v = IN(c, op, 1);
  const uint8_t *mask = nm ? sim_val(c, mv[0]) : NULL;
  if (!p || !v || (nm && !mask)) return -1;
  const struct ty *t = op->in[0]->type;
  size_t sz = sim_elt_size(op->in[1]->type->elt);
  for (int64_t i = 0, n = ty_numel(t); i < n; i++) {
    if (mask && !mask[i]) continue;
    unsigned char *dst = at(c, op, "store", p[i], sz, t, i, true);
    if (!dst) return -1;
    sim_mem_write(c, dst, v + (size_t)i * sz, sz);
  }
  return 0;
}

/* ---- views ---- */

static uint64_t scalar_u(struct sim_ctx *c, const struct ir_value *v, bool *ok) {
  const void *p = sim_val(c, v);
  uint64_t x = 0;
  if (!p) { *ok = false; return 0; }
  size_t sz = sim_elt_size(v->type->elt);
  memcpy(&x, p, sz);
  if (v->type->elt->elem == EL_I1) x &= 1;
  return x;
}

/* make_tensor_view: static entries come from the op, '?' ones from its
** operands (read as unsigned); all must be positive. */
int sim_exec_make_tensor_view(struct sim_ctx *c, const struct ir_op *op) {
  struct sim_view *v = OUT(c, op, 0);
  const uint64_t *base = IN(c, op, 0);
  if (!v || !base) return -1;
  int ns, nst;
  struct ir_value **sh = ir_op_group(op, 1, &ns), **st = ir_op_group(op, 2, &nst);
  const struct ty *t = op->out[0].type;
  v->base = *base;
  v->rank = t->rank;
  bool ok = true;
  for (int d = 0, ks = 0, kt = 0; d < t->rank; d++) {
    v->shape[d] = op->attr.perm[d] == TY_DYNAMIC ? (int64_t)scalar_u(c, sh[ks++], &ok) : op->attr.perm[d];
    v->strides[d] = op->attr.strides[d] == TY_DYNAMIC ? (int64_t)scalar_u(c, st[kt++], &ok) : op->attr.strides[d];
    if (!ok) return -1;
    if (v->shape[d] <= 0 || v->strides[d] <= 0)
      return sim_fail(c, op, "tensor_view dimension %d has shape %lld and stride %lld; both must be positive",
                      d, (long long)v->shape[d], (long long)v->strides[d]);
  }
  return 0;
}

static int copy_view(struct sim_ctx *c, const struct ir_op *op) {
  return sim_copy(c, &op->out[0], op->in[0]);
}
int sim_exec_make_partition_view(struct sim_ctx *c, const struct ir_op *op) { return copy_view(c, op); }
int sim_exec_make_strided_view(struct sim_ctx *c, const struct ir_op *op) { return copy_view(c, op); }
int sim_exec_make_gather_scatter_view(struct sim_ctx *c, const struct ir_op *op) { return copy_view(c, op); }

static int put_scalars(struct sim_ctx *c, const struct ir_op *op, const int64_t *v, int n) {
  for (int i = 0; i < n && i < op->nout; i++) {
    void *p = OUT(c, op, i);
    if (!p) return -1;
    uint64_t x = (uint64_t)v[i];
    memcpy(p, &x, sim_elt_size(op->out[i].type->elt));
  }
  return 0;
}

int sim_exec_get_tensor_shape(struct sim_ctx *c, const struct ir_op *op) {
  const struct sim_view *v = IN(c, op, 0);
  return v ? put_scalars(c, op, v->shape, v->rank) : -1;
}

static int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }

/* Extent of the index space of tiled view vt over v, per view dim. */
static void index_space(const struct ty *vt, const struct sim_view *v, int64_t *ext) {
  for (int i = 0; i < vt->rank; i++) {
    int64_t td = vt->dim_map ? vt->dim_map[i] : i;
    int64_t step = vt->kind == TY_STRIDED_VIEW ? vt->strides[i] : vt->shape[i];
    ext[i] = vt->kind == TY_GATHER_SCATTER_VIEW && i == vt->sparse_dim ? 1 : ceil_div(v->shape[td], step);
  }
}

int sim_exec_get_index_space_shape(struct sim_ctx *c, const struct ir_op *op) {
  const struct sim_view *v = IN(c, op, 0);
  int64_t ext[16];
  if (!v) return -1;
  index_space(op->in[0]->type, v, ext);
  return put_scalars(c, op, ext, op->in[0]->type->rank);
}

/* The padding element of a view, as bits of its element type. */
static uint64_t padding_bits(const struct ty *vt) {
  enum ty_elem e = vt->elt->elem;
  if (vt->elt->kind != TY_FLOAT) return 0;
  switch (vt->padding) {
  case PAD_NEG_ZERO: return fp_from_double(e, -0.0, RND_NEAREST_EVEN);
  case PAD_NAN: return fp_canonical_nan(e);
  case PAD_POS_INF: return fp_from_double(e, 1.0 / 0.0, RND_NEAREST_EVEN);
  case PAD_NEG_INF: return fp_from_double(e, -1.0 / 0.0, RND_NEAREST_EVEN);
  default: return 0;       /* zero, or none: the spec leaves it unspecified */
  }
}

/* One tile access through a tiled view: for each element of the tile,
** its tensor coordinate; outside the tensor the element is padding (load)
** or left alone (store).  Indices outside the index space are undefined:
** reported.  kind: 0 load, 1 store, 2 atomic reduction (mode). */
struct view_access {
  const struct ty *vt;          /* the view type */
  const struct sim_view *v;
  uint64_t idx[16];             /* the tile index */
  const int64_t *rows;          /* gather/scatter: the sparse indices */
};

static int view_indices(struct sim_ctx *c, const struct ir_op *op, int g,
                        struct view_access *va, int64_t **rows_out) {
  int n;
  struct ir_value **iv = ir_op_group(op, g, &n);
  int64_t ext[16];
  index_space(va->vt, va->v, ext);
  *rows_out = NULL;
  for (int i = 0; i < n && i < 16; i++) {
    const struct ty *it = iv[i]->type;
    bool ok = true;
    if (va->vt->kind == TY_GATHER_SCATTER_VIEW && i == va->vt->sparse_dim && it->rank == 1) {
      const void *p = sim_val(c, iv[i]);
      if (!p) return -1;
      int64_t cnt = it->shape[0];
      int64_t *rows = ts_malloc((size_t)cnt * sizeof *rows);
      if (!rows) return sim_fail(c, op, "out of memory");
      size_t sz = sim_elt_size(it->elt);
      for (int64_t k = 0; k < cnt; k++) {
        uint64_t x = 0;
        memcpy(&x, (const unsigned char *)p + (size_t)k * sz, sz);
        rows[k] = (int64_t)x;
      }
      *rows_out = rows;
      va->idx[i] = 0;
      continue;
    }
    va->idx[i] = scalar_u(c, iv[i], &ok);
    if (!ok) return -1;
    if (va->idx[i] >= (uint64_t)ext[i]) {
      ts_free(*rows_out);
      return sim_fail(c, op, "view index %llu of dimension %d is outside the index space [0, %lld)",
                      (unsigned long long)va->idx[i], i, (long long)ext[i]);
    }
  }
  va->rows = *rows_out;
  return 0;
}

/* The address of element j (coordinates jc) of the tile, or false when
** it lies outside the tensor. */
static bool view_addr(const struct view_access *va, const int64_t *jc, size_t esz, uint64_t *addr) {
  const struct ty *vt = va->vt;
  int64_t coord[16];
  for (int i = 0; i < vt->rank; i++) {
    int64_t td = vt->dim_map ? vt->dim_map[i] : i;
    int64_t step = vt->kind == TY_STRIDED_VIEW ? vt->strides[i] : vt->shape[i];
    int64_t x = (int64_t)va->idx[i] * step + jc[i];
    if (va->rows && i == vt->sparse_dim) x = va->rows[jc[i]];
    coord[td] = x;
  }
  int64_t off = 0;
  for (int d = 0; d < va->v->rank; d++) {
    if (coord[d] < 0 || coord[d] >= va->v->shape[d]) return false;
    off += coord[d] * va->v->strides[d];
  }
  *addr = va->v->base + (uint64_t)off * esz;
  return true;
}

static void next_coord(int64_t *jc, const int64_t *shape, int n) {
  for (int d = n - 1; d >= 0; d--) {
    if (++jc[d] < shape[d]) return;
    jc[d] = 0;
  }
}

typedef int elem_fn(struct sim_ctx *c, const struct ir_op *op, unsigned char *mem,
                    unsigned char *tile_elem, size_t sz);

/* The run of the tile's last dimension starting at element i (jc[last] =
** 0) that is contiguous and inside the tensor: its address and length;
** false when the layout is not contiguous (gather, strided memory). */
static bool view_run(const struct view_access *va, const int64_t *jc, size_t esz,
                     uint64_t *addr, int64_t *len) {
  const struct ty *vt = va->vt;
  int last = vt->rank - 1;
  int64_t td = vt->dim_map ? vt->dim_map[last] : last;
  if (va->rows || va->v->strides[td] != 1) return false;
  if (!view_addr(va, jc, esz, addr)) { *len = 0; return true; }
  int64_t step = vt->kind == TY_STRIDED_VIEW ? vt->strides[last] : vt->shape[last];
  int64_t x0 = (int64_t)va->idx[last] * step, room = va->v->shape[td] - x0;
  *len = room < vt->shape[last] ? room : vt->shape[last];
  return true;
}

/* The common view access, a 2-d tile wholly inside the tensor with rows
** contiguous in memory (a tiled GEMM's loads and stores): the host bytes
** of its first row (*m), the row stride in bytes (*stride) and the row
** length (*rowb).  false when the access is not of that kind or not all
** accessible (the element walk then names the element at fault).  Tensor
** coordinates grow with tile coordinates, so two corners inside put the
** tile inside, and one lookup covers all its bytes. */
static bool rows_2d(struct sim_ctx *c, const struct view_access *va, size_t esz, bool write,
                    unsigned char **m, int64_t *stride, size_t *rowb) {
  const struct ty *vt = va->vt;
  if (vt->rank != 2 || va->rows || va->v->rank != 2) return false;
  int64_t t0 = vt->dim_map ? vt->dim_map[0] : 0, t1 = vt->dim_map ? vt->dim_map[1] : 1;
  if (va->v->strides[t1] != 1 || va->v->strides[t0] < 0) return false;
  int64_t first[2] = {0, 0}, last[2] = {vt->shape[0] - 1, vt->shape[1] - 1};
  uint64_t a0, a1;
  if (!view_addr(va, first, esz, &a0) || !view_addr(va, last, esz, &a1)) return false;
  const struct mem_alloc *a = mem_find(c->mem, a0, (size_t)(a1 - a0) + esz);
  if (!a || !a->host || (write && a->readonly)) return false;
  *m = a->host + (a0 - a->base);
  *stride = va->v->strides[t0] * (int64_t)esz;
  *rowb = (size_t)vt->shape[1] * esz;
  return true;
}

/* Move the n rows of a rows_2d access between memory m and the tile.
** Loads prefetch AHEAD rows ahead: rows a page or more apart defeat the
** hardware prefetcher, and one row copied at a time waits on memory. */
static void copy_rows_2d(struct sim_ctx *c, unsigned char *m, int64_t stride, size_t rowb,
                         unsigned char *tile, int64_t n, bool load) {
  enum { AHEAD = 8 };
  if (!load) {
    for (int64_t r = 0; r < n; r++) sim_mem_write(c, m + r * stride, tile + (size_t)r * rowb, rowb);
    return;
  }
  for (int64_t r = 0; r < n + AHEAD; r++) {
    if (r < n)
      for (size_t o = 0; o < rowb; o += 64) __builtin_prefetch(m + r * stride + o);
    if (r >= AHEAD) memcpy(tile + (size_t)(r - AHEAD) * rowb, m + (r - AHEAD) * stride, rowb);
  }
}

/* Walk the tile of a view access; fn gets each in-bounds element, and
** out-of-bounds ones get the padding (loads only).  Loads and stores of
** contiguous rows move whole runs at once (bulk), with one bounds check. */
static int view_walk(struct sim_ctx *c, const struct ir_op *op, struct view_access *va,
                     unsigned char *tile, const struct ty *tt, bool load, const char *what,
                     elem_fn *fn, bool bulk) {
  size_t sz = sim_elt_size(va->vt->elt);
  uint64_t pad = padding_bits(va->vt);
  int64_t jc[16] = {0};
  const int64_t *tshape = va->vt->shape;
  int last = va->vt->rank - 1;
  unsigned char *m2;
  int64_t stride;
  size_t rowb;
  if (bulk && rows_2d(c, va, sz, !load, &m2, &stride, &rowb)) {
    copy_rows_2d(c, m2, stride, rowb, tile, tshape[0], load);
    return 0;
  }
  for (int64_t i = 0, n = ty_numel(tt); i < n; ) {
    uint64_t addr;
    int64_t len;
    /* a run that is not all accessible goes element by element, so that
    ** an error names the first element out of bounds */
    if (bulk && jc[last] == 0 && view_run(va, jc, sz, &addr, &len) &&
        (len == 0 || accessible(c, addr, (size_t)len * sz, !load))) {
      unsigned char *te = tile + (size_t)i * sz;
      if (len > 0) {
        unsigned char *m = at(c, op, what, addr, (size_t)len * sz, tt, i, !load);
        if (!m) return -1;
        if (load) memcpy(te, m, (size_t)len * sz);
        else sim_mem_write(c, m, te, (size_t)len * sz);
      } else {
        len = 0;
      }
      for (int64_t k = len; load && k < tshape[last]; k++) memcpy(te + (size_t)k * sz, &pad, sz);
      i += tshape[last];
      jc[last] = tshape[last] - 1;
      next_coord(jc, tshape, va->vt->rank);
      continue;
    }
    unsigned char *te = tile + (size_t)i * sz;
    if (!view_addr(va, jc, sz, &addr)) {
      if (load) memcpy(te, &pad, sz);
    } else {
      unsigned char *m = at(c, op, what, addr, sz, tt, i, !load);
      if (!m || fn(c, op, m, te, sz)) return -1;
    }
    i++;
    next_coord(jc, tshape, va->vt->rank);
  }
  return 0;
}

static int do_load(struct sim_ctx *c, const struct ir_op *op, unsigned char *m, unsigned char *t, size_t sz) {
  (void)c; (void)op;
  memcpy(t, m, sz);
  return 0;
}
static int do_store(struct sim_ctx *c, const struct ir_op *op, unsigned char *m, unsigned char *t, size_t sz) {
  (void)op;
  sim_mem_write(c, m, t, sz);
  return 0;
}

/* A load with a non-identity dim_map gives the tile in view order: the
** walk above already follows the view's dims, so nothing more to do. */
int sim_exec_load_view_tko(struct sim_ctx *c, const struct ir_op *op) {
  struct view_access va = { op->in[0]->type, IN(c, op, 0), {0}, NULL };
  unsigned char *r = OUT(c, op, 0);
  int64_t *rows;
  if (!va.v || !r || view_indices(c, op, 1, &va, &rows)) return -1;
  int rc = view_walk(c, op, &va, r, op->out[0].type, true, "load", do_load, true);
  ts_free(rows);
  return rc;
}

int sim_exec_store_view_tko(struct sim_ctx *c, const struct ir_op *op) {
  struct view_access va = { op->in[1]->type, IN(c, op, 1), {0}, NULL };
  unsigned char *t = IN(c, op, 0);
  int64_t *rows;
  if (!va.v || !t || view_indices(c, op, 2, &va, &rows)) return -1;
  int rc = view_walk(c, op, &va, t, op->in[0]->type, false, "store", do_store, true);
  ts_free(rows);
  return rc;
}

/* ---- atomics ---- */

/* old := *m; *m := mode(old, arg).  Integers wrap; addf rounds to nearest
** even in the element type. */
static uint64_t rmw(int mode, enum ty_elem e, int w, uint64_t old, uint64_t arg) {
  uint64_t mask = w >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << w) - 1;
  int64_t so = w >= 64 ? (int64_t)old : (int64_t)(old << (64 - w)) >> (64 - w);
  int64_t sa = w >= 64 ? (int64_t)arg : (int64_t)(arg << (64 - w)) >> (64 - w);
  switch (mode) {
  case AM_AND: return old & arg;
  case AM_OR: return old | arg;
  case AM_XOR: return old ^ arg;
  case AM_ADD: return (old + arg) & mask;
  case AM_ADDF: return fp_add(e, old, arg, RND_NEAREST_EVEN, false);
  case AM_MAX: return so > sa ? old : arg;
  case AM_MIN: return so < sa ? old : arg;
  case AM_UMAX: return old > arg ? old : arg;
  case AM_UMIN: return old < arg ? old : arg;
  default: return arg;               /* xchg */
  }
}

static int atomic_elem(struct sim_ctx *c, const struct ir_op *op, unsigned char *m,
                       unsigned char *t, size_t sz) {
  const struct ty *elt = op->code == IR_OP_atomic_red_view_tko ? op->in[0]->type->elt
                                                              : op->in[0]->type->elt->elt;
  uint64_t old = 0, arg = 0;
  memcpy(&arg, t, sz);
#pragma omp critical(sim_atomic)
  {
    memcpy(&old, m, sz);
    uint64_t v = rmw(op->attr.mode, elt->elem, ty_elem_bits(elt->elem), old, arg);
    sim_mem_write(c, m, &v, sz);
  }
  memcpy(t, &old, sz);       /* the caller's copy of the argument gets the old value */
  return 0;
}

int sim_exec_atomic_rmw_tko(struct sim_ctx *c, const struct ir_op *op) {
  int nm;
  struct ir_value **mv = ir_op_group(op, 2, &nm);
  const uint64_t *p = IN(c, op, 0);
  const unsigned char *arg = IN(c, op, 1);
  const uint8_t *mask = nm ? sim_val(c, mv[0]) : NULL;
  unsigned char *r = OUT(c, op, 0);
  if (!p || !arg || !r || (nm && !mask)) return -1;
  const struct ty *t = op->in[0]->type;
  size_t sz = sim_elt_size(t->elt->elt);
  for (int64_t i = 0, n = ty_numel(t); i < n; i++) {
    unsigned char *dst = r + (size_t)i * sz;
    memcpy(dst, arg + (size_t)i * sz, sz);
    if (mask && !mask[i]) continue;            /* masked lanes return the argument */
    unsigned char *m = at(c, op, "atomic", p[i], sz, t, i, true);
    if (!m || atomic_elem(c, op, m, dst, sz)) return -1;
  }
  return 0;
}

/* atomic_cas_tko: compares bit patterns (so NaNs compare by payload);
** masked lanes return cmp. */
int sim_exec_atomic_cas_tko(struct sim_ctx *c, const struct ir_op *op) {
  int nm;
  struct ir_value **mv = ir_op_group(op, 3, &nm);
  const uint64_t *p = IN(c, op, 0);
  const unsigned char *cmp = IN(c, op, 1), *val = IN(c, op, 2);
  const uint8_t *mask = nm ? sim_val(c, mv[0]) : NULL;
  unsigned char *r = OUT(c, op, 0);
  if (!p || !cmp || !val || !r || (nm && !mask)) return -1;
  const struct ty *t = op->in[0]->type;
  size_t sz = sim_elt_size(t->elt->elt);
  for (int64_t i = 0, n = ty_numel(t); i < n; i++) {
    unsigned char *dst = r + (size_t)i * sz;
    memcpy(dst, cmp + (size_t)i * sz, sz);
    if (mask && !mask[i]) continue;
    unsigned char *m = at(c, op, "atomic", p[i], sz, t, i, true);
    if (!m) return -1;
#pragma omp critical(sim_atomic)
    {
      memcpy(dst, m, sz);
      if (!memcmp(m, cmp + (size_t)i * sz, sz)) sim_mem_write(c, m, val + (size_t)i * sz, sz);
    }
  }
  return 0;
}

int sim_exec_atomic_red_view_tko(struct sim_ctx *c, const struct ir_op *op) {
  int ni;
  ir_op_group(op, 1, &ni);
  struct view_access va = { op->in[0]->type, IN(c, op, 0), {0}, NULL };
  const struct ir_value *value = op->in[1 + ni];
  const unsigned char *v = sim_val(c, value);
  int64_t *rows;
  if (!va.v || !v || view_indices(c, op, 1, &va, &rows)) return -1;
  size_t bytes = sim_type_size(value->type);
  unsigned char *copy = ts_malloc(bytes ? bytes : 1);
  int rc = -1;
  if (copy) {
    memcpy(copy, v, bytes);
    rc = view_walk(c, op, &va, copy, value->type, false, "atomic", atomic_elem, false);
  } else {
    sim_fail(c, op, "out of memory");
  }
  ts_free(copy);
  ts_free(rows);
  return rc;
}

/* ---- globals and alloca ---- */

int sim_exec_get_global(struct sim_ctx *c, const struct ir_op *op) {
  uint64_t *r = OUT(c, op, 0);
  if (!r) return -1;
  for (int i = 0; i < c->mem->n; i++)
    if (c->mem->a[i].name && c->mem->a[i].name[0] == '@' && !strcmp(c->mem->a[i].name + 1, op->attr.str)) {
      *r = c->mem->a[i].base;
      return 0;
    }
  return sim_fail(c, op, "global '@%s' was not allocated", op->attr.str);
}

/* alloca: fresh zeroed memory for this tile block, released when it ends
** (sim_run_entry_block). */
int sim_exec_alloca(struct sim_ctx *c, const struct ir_op *op) {
  uint64_t *r = OUT(c, op, 0);
  if (!r) return -1;
  const struct ty *pe = op->out[0].type->elt->elt;
  size_t bytes = (size_t)op->attr.num_elem * sim_elt_size(pe);
  struct mem_alloc *a;
#pragma omp critical(sim_mem_alloc)
  a = mem_scratch(c->mem, bytes, "alloca", pe->kind == TY_PTR ? EL_I64 : pe->elem, c);
  if (!a) return sim_fail(c, op, "out of memory for alloca of %zu bytes", bytes);
  *r = a->base;
  return 0;
}

/* ---- print and assert ---- */

/* print_tko: the format with each % conversion taking the next argument;
** a tile prints as [a, b, ...].  The text goes to the run's print hook. */
int sim_exec_print_tko(struct sim_ctx *c, const struct ir_op *op) {
  struct ts_buf b = {0};
  int nargs;
  struct ir_value **args = ir_op_group(op, 0, &nargs);
  const char *f = op->attr.str, *end = f + op->attr.strlen;
  int k = 0;
  while (f < end) {
    if (*f != '%') { ts_buf_putc(&b, *f++); continue; }
    if (f + 1 < end && f[1] == '%') { ts_buf_putc(&b, '%'); f += 2; continue; }
    const char *s = f++;
    while (f < end && strchr("-+ #0123456789.lhz", *f)) f++;
    char conv = f < end ? *f++ : 'd';
    if (k >= nargs) { ts_buf_putn(&b, s, (size_t)(f - s)); continue; }
    const struct ir_value *v = args[k++];
    const unsigned char *p = sim_val(c, v);
    if (!p) { ts_buf_free(&b); return -1; }
    const struct ty *t = v->type;
    size_t sz = sim_elt_size(t->elt);
    int64_t n = ty_numel(t);
    if (t->rank) ts_buf_putc(&b, '[');
    for (int64_t i = 0; i < n; i++) {
      uint64_t x = 0;
      memcpy(&x, p + (size_t)i * sz, sz);
      if (i) ts_buf_puts(&b, ", ");
      if (t->elt->kind == TY_FLOAT)    /* fp8 in the description's encoding */
        ts_buf_printf(&b, "%f", fp_to_double(fp_fp8_encoding(t->elt->elem, c->o->fp8_fnuz), x));
      else if (t->elt->kind == TY_PTR) ts_buf_printf(&b, "0x%" PRIx64, x);
      else if (conv == 'u' || conv == 'x') ts_buf_printf(&b, conv == 'x' ? "%" PRIx64 : "%" PRIu64, x);
      else {
        int w = ty_elem_bits(t->elt->elem);
        ts_buf_printf(&b, "%lld", (long long)(w >= 64 ? (int64_t)x : (int64_t)(x << (64 - w)) >> (64 - w)));
      }
    }
    if (t->rank) ts_buf_putc(&b, ']');
  }
  if (b.oom) { ts_buf_free(&b); return sim_fail(c, op, "out of memory"); }
  if (c->printed && b.s) ts_buf_puts(c->printed, b.s);   /* the cooperative schedule's */
  else if (c->o->print && b.s) c->o->print(c->o->print_ud, b.s);
  ts_buf_free(&b);
  return 0;
}

int sim_exec_assert(struct sim_ctx *c, const struct ir_op *op) {
  const uint8_t *cond = IN(c, op, 0);
  if (!cond) return -1;
  const struct ty *t = op->in[0]->type;
  for (int64_t i = 0, n = ty_numel(t); i < n; i++)
    if (!cond[i]) {
      char el[96];
      coords(t, i, el, sizeof el);
      return sim_fail(c, op, "assertion failed at element %s: %.*s", el,
                      (int)op->attr.strlen, op->attr.str ? op->attr.str : "");
    }
  return 0;
}

/* ---- the bytes an access touches, for trace runs (sim_trace.c) ---- */

/* One dimension of an access box: count positions stride elements apart
** (count covers the first to the last one touched; valid of them are). */
struct box_dim { int64_t count, stride; };

/* Fold the dimensions d[0..n) of an access starting at addr into acc:
** dimensions of one position drop out, a dimension contiguous with the
** next inner one merges with it, the innermost unit-stride one becomes
** the row length, and what is left becomes rows and planes (more than two
** such dimensions: planes bound the outer ones). */
static void box_fold(struct box_dim *d, int n, size_t esz, struct sim_access *acc) {
  int k = 0;
  for (int i = 0; i < n; i++)
    if (d[i].count > 1) d[k++] = d[i];
  for (int i = 1; i < k; i++)                   /* by decreasing stride */
    for (int j = i; j > 0 && d[j - 1].stride < d[j].stride; j--) {
      struct box_dim t = d[j]; d[j] = d[j - 1]; d[j - 1] = t;
    }
  int m = 0;
  for (int i = 0; i < k; i++) {
    if (m && d[m - 1].stride == d[i].stride * d[i].count) {
      d[m - 1] = (struct box_dim){ d[m - 1].count * d[i].count, d[i].stride };
      continue;
    }
    d[m++] = d[i];
  }
  acc->len = (uint32_t)esz;
  acc->rows = acc->planes = 1;
  acc->stride = acc->plane_stride = 0;
  if (m && d[m - 1].stride == 1) acc->len = (uint32_t)((size_t)d[--m].count * esz);
  if (m) { acc->rows = (uint32_t)d[m - 1].count; acc->stride = d[m - 1].stride * (int64_t)esz; m--; }
  if (m) {
    int64_t span = 0;
    for (int i = 0; i < m; i++) span += (d[i].count - 1) * d[i].stride;
    acc->plane_stride = d[m - 1].stride * (int64_t)esz;
    acc->planes = (uint32_t)(span / d[m - 1].stride + 1);
  }
}

/* The byte after the last one of box acc. */
static uint64_t box_end(const struct sim_access *acc) {
  if (!acc->len) return acc->addr;
  return acc->addr + (uint64_t)(acc->planes - 1) * (uint64_t)acc->plane_stride +
         (uint64_t)(acc->rows - 1) * (uint64_t)acc->stride + acc->len;
}

/* The box of a tile access through a view: per tensor dimension the range
** of coordinates the tile covers inside the tensor (gathered rows: the
** ones in bounds, their span). */
static int view_box(struct sim_ctx *c, const struct ir_op *op, int vg, int ig,
                    struct sim_access *acc, uint64_t *active) {
  int nv;
  struct ir_value **vv = ir_op_group(op, vg, &nv);
  struct view_access va = { vv[0]->type, sim_val(c, vv[0]), {0}, NULL };
  int64_t *rows;
  if (!va.v || view_indices(c, op, ig, &va, &rows)) return -1;
  const struct ty *vt = va.vt;
  size_t esz = sim_elt_size(vt->elt);
  struct box_dim d[16];
  int64_t lo[16] = {0};
  uint64_t n = 1;
  for (int i = 0; i < vt->rank; i++) {
    int64_t td = vt->dim_map ? vt->dim_map[i] : i, ext = va.v->shape[td];
    int64_t step = vt->kind == TY_STRIDED_VIEW ? vt->strides[i] : vt->shape[i];
    int64_t first = (int64_t)va.idx[i] * step, cnt = ext - first < vt->shape[i] ? ext - first : vt->shape[i];
    int64_t valid = cnt > 0 ? cnt : 0;
    if (rows && i == vt->sparse_dim) {
      int64_t mn = INT64_MAX, mx = -1;
      valid = 0;
      for (int64_t j = 0; j < vt->shape[i]; j++)
        if (rows[j] >= 0 && rows[j] < ext) {
          valid++;
          mn = rows[j] < mn ? rows[j] : mn;
          mx = rows[j] > mx ? rows[j] : mx;
        }
      first = mn;
      cnt = valid ? mx - mn + 1 : 0;
    }
    lo[td] = first;
    d[i] = (struct box_dim){ cnt > 0 ? cnt : 0, va.v->strides[td] };
    n *= (uint64_t)valid;
  }
  ts_free(rows);
  int64_t off = 0;
  for (int t = 0; t < va.v->rank; t++) off += lo[t] * va.v->strides[t];
  acc->addr = va.v->base + (uint64_t)off * esz;
  *active = n;
  acc->bytes = n * esz;
  if (!n) { acc->len = 0; acc->rows = acc->planes = 0; acc->stride = acc->plane_stride = 0; return 0; }
  box_fold(d, vt->rank, esz, acc);
  return 0;
}

/* The box of an access through a tile of pointers p (mask: NULL or one
** byte per lane): rows of the tile's last dimension when they are evenly
** spaced with equal spans, else one row spanning the lowest to the highest
** address; bytes counts the lanes really moved. */
static void ptr_box(const uint64_t *p, const uint8_t *mask, const struct ty *t, size_t esz,
                    struct sim_access *acc, uint64_t *active) {
  int64_t cols = t->rank ? t->shape[t->rank - 1] : 1, nrows = ty_numel(t) / cols;
  uint64_t lo = UINT64_MAX, hi = 0, n = 0, span = 0, r0 = 0, rprev = 0;
  int64_t stride = 0, first = -1, last = -1;
  bool even = true;
  for (int64_t r = 0; r < nrows; r++) {
    uint64_t rlo = UINT64_MAX, rhi = 0, rn = 0;
    for (int64_t j = 0; j < cols; j++) {
      int64_t i = r * cols + j;
      if (mask && !mask[i]) continue;
      n++;
      rn++;
      rlo = p[i] < rlo ? p[i] : rlo;
      rhi = p[i] > rhi ? p[i] : rhi;
    }
    if (rlo == UINT64_MAX) continue;
    lo = rlo < lo ? rlo : lo;
    hi = rhi > hi ? rhi : hi;
    if (rhi - rlo != (rn - 1) * esz) even = false;          /* not one contiguous run */
    if (first < 0) { first = r; r0 = rlo; span = rhi - rlo; }
    else {
      int64_t s = (int64_t)(rlo - rprev) / (r - last);
      if (s <= 0 || rhi - rlo != span || (int64_t)(rlo - rprev) != s * (r - last) ||
          (last != first && s != stride))
        even = false;
      stride = s;
    }
    rprev = rlo;
    last = r;
  }
  *active = n;
  acc->bytes = n * esz;
  acc->planes = 1;
  acc->plane_stride = 0;
  if (!n) { acc->addr = p[0]; acc->len = acc->rows = acc->planes = 0; acc->stride = 0; return; }
  if (even && last > first) {
    acc->addr = r0;
    acc->len = (uint32_t)(span + esz);
    acc->rows = (uint32_t)(last - first + 1);
    acc->stride = stride;
    return;
  }
  acc->addr = lo;
  acc->len = hi - lo + esz < UINT32_MAX ? (uint32_t)(hi - lo + esz) : UINT32_MAX;  /* saturates */
  acc->rows = 1;
  acc->stride = 0;
}

/* Whether every unmasked lane of pointer tile p lies in an allocation. */
static bool lanes_ok(struct sim_ctx *c, const uint64_t *p, const uint8_t *mask, int64_t n,
                     size_t esz, bool write, int64_t *bad) {
  for (int64_t i = 0; i < n; i++)
    if ((!mask || mask[i]) && !accessible(c, p[i], esz, write)) { *bad = i; return false; }
  return true;
}

static int ptr_access(struct sim_ctx *c, const struct ir_op *op, int mg, bool write,
                      struct sim_access *acc, uint64_t *active) {
  int nm;
  struct ir_value **mv = ir_op_group(op, mg, &nm);
  const uint64_t *p = IN(c, op, 0);
  const uint8_t *mask = nm ? sim_val(c, mv[0]) : NULL;
  if (!p || (nm && !mask)) return -1;
  const struct ty *t = op->in[0]->type;
  size_t esz = sim_elt_size(t->elt->elt);
  ptr_box(p, mask, t, esz, acc, active);
  const struct mem_alloc *a = mem_find(c->mem, acc->addr, (size_t)(box_end(acc) - acc->addr));
  if (a && !(write && a->readonly)) { acc->alloc = (int)(a - c->mem->a); return 0; }
  int64_t bad = 0;
  if (!lanes_ok(c, p, mask, ty_numel(t), esz, write, &bad)) {
    char el[96];
    coords(t, bad, el, sizeof el);
    return sim_fail(c, op, "%s out of bounds or read-only: element %s address 0x%" PRIx64,
                    write ? "store" : "load", el, p[bad]);
  }
  acc->alloc = -1;                  /* lanes in several allocations */
  return 0;
}

int sim_mem_access(struct sim_ctx *c, const struct ir_op *op, struct sim_access *acc,
                   uint64_t *active) {
  memset(acc, 0, sizeof *acc);
  acc->alloc = -1;
  switch (op->code) {
  case IR_OP_load_ptr_tko: return ptr_access(c, op, 1, false, acc, active);
  case IR_OP_store_ptr_tko: acc->write = true; return ptr_access(c, op, 2, true, acc, active);
  case IR_OP_atomic_rmw_tko: acc->write = true; return ptr_access(c, op, 2, true, acc, active);
  case IR_OP_atomic_cas_tko: acc->write = true; return ptr_access(c, op, 3, true, acc, active);
  case IR_OP_load_view_tko: if (view_box(c, op, 0, 1, acc, active)) return -1; break;
  case IR_OP_store_view_tko: acc->write = true; if (view_box(c, op, 1, 2, acc, active)) return -1; break;
  case IR_OP_atomic_red_view_tko: acc->write = true; if (view_box(c, op, 0, 1, acc, active)) return -1; break;
  default: *active = 0; return 0;
  }
  if (!acc->bytes) return 0;
  const struct mem_alloc *a = mem_find(c->mem, acc->addr, (size_t)(box_end(acc) - acc->addr));
  if (!a || (acc->write && a->readonly)) {
    const struct mem_alloc *near = mem_nearest(c->mem, acc->addr);
    return sim_fail(c, op, "%s out of bounds: the tile spans 0x%" PRIx64 "..0x%" PRIx64
                    ", outside %s%s%s", acc->write ? "store" : "load", acc->addr, box_end(acc),
                    near ? "'" : "any allocation", near ? near->name : "", near ? "'" : "");
  }
  acc->alloc = (int)(a - c->mem->a);
  return 0;
}

bool sim_mem_has_data(const struct sim_ctx *c, const struct sim_access *acc) {
  if (!acc->bytes) return true;               /* touches nothing: padding only */
  if (acc->alloc >= 0) return c->mem->a[acc->alloc].host != NULL;
  for (int i = 0; i < c->mem->n; i++)
    if (!c->mem->a[i].host) return false;
  return true;
}
