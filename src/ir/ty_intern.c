/*
** ty_intern.c -- Tile IR types.  Every type is interned in its module's
** ty_ctx, so two types are equal exactly when their pointers are.
*/
#include <config.h>
#include "ir.h"

#include <string.h>

const char *const ty_elem_names[EL_COUNT] = {
  "i1", "i4", "i8", "i16", "i32", "i64", "f16", "bf16", "f32", "f64",
  "tf32", "f8E4M3FN", "f8E5M2", "f8E8M0FNU", "f8E5M3FNU", "f4E2M1FN",
};

static const uint8_t elem_bits[EL_COUNT] = {
  1, 4, 8, 16, 32, 64, 16, 16, 32, 64, 19, 8, 8, 8, 8, 4,
};

int ty_elem_bits(enum ty_elem e) { return elem_bits[e]; }

struct ty_ctx {
  struct ts_arena *arena;
  const struct ty **slot;      /* open addressing, power-of-two size */
  size_t cap, count;
};

struct ty_ctx *ty_ctx_new(struct ts_arena *a) {
  struct ty_ctx *c = ts_arena_alloc(a, sizeof *c);
  if (!c) return NULL;
  c->arena = a;
  c->cap = 256;
  c->slot = ts_arena_alloc(a, c->cap * sizeof *c->slot);
  return c->slot ? c : NULL;
}

/* ---- hashing and equality over the whole structure ---- */

static uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

static uint64_t mix_arr(uint64_t h, const int64_t *a, int n) {
  for (int i = 0; a && i < n; i++) h = mix(h, (uint64_t)a[i]);
  return h;
}

static uint64_t hash(const struct ty *t) {
  uint64_t h = mix(t->kind, t->elem);
  h = mix(h, (uintptr_t)t->elt);
  h = mix(h, (uintptr_t)t->tv);
  h = mix(h, (uint64_t)t->rank);
  h = mix_arr(h, t->shape, t->rank);
  h = mix_arr(h, t->strides, t->kind == TY_TENSOR_VIEW ? t->rank : (t->strides ? t->rank : 0));
  h = mix_arr(h, t->dim_map, t->dim_map ? t->rank : 0);
  h = mix(h, (uint64_t)(t->padding + 2));
  h = mix(h, (uint64_t)t->sparse_dim);
  h = mix(h, (uint64_t)t->nin * 31 + (uint64_t)t->nout);
  for (int i = 0; i < t->nin; i++) h = mix(h, (uintptr_t)t->ins[i]);
  for (int i = 0; i < t->nout; i++) h = mix(h, (uintptr_t)t->outs[i]);
  return h;
}

static bool arr_eq(const int64_t *a, const int64_t *b, int n) {
  if (!a || !b) return a == b;
  return n == 0 || memcmp(a, b, (size_t)n * sizeof *a) == 0;
}

static bool ptrs_eq(const struct ty *const *a, const struct ty *const *b, int n) {
  for (int i = 0; i < n; i++) if (a[i] != b[i]) return false;
  return true;
}

static bool equal(const struct ty *a, const struct ty *b) {
  return a->kind == b->kind && a->elem == b->elem && a->elt == b->elt &&
         a->tv == b->tv && a->rank == b->rank &&
         arr_eq(a->shape, b->shape, a->rank) &&
         arr_eq(a->strides, b->strides, a->rank) &&
         arr_eq(a->dim_map, b->dim_map, a->rank) &&
         a->padding == b->padding && a->sparse_dim == b->sparse_dim &&
         a->nin == b->nin && a->nout == b->nout &&
         ptrs_eq(a->ins, b->ins, a->nin) && ptrs_eq(a->outs, b->outs, a->nout);
}

static int64_t *copy_arr(struct ts_arena *a, const int64_t *v, int n) {
  if (!v) return NULL;
  int64_t *p = ts_arena_alloc(a, (size_t)(n ? n : 1) * sizeof *p);
  if (p && n) memcpy(p, v, (size_t)n * sizeof *p);
  return p;
}

static const struct ty **copy_tys(struct ts_arena *a, const struct ty *const *v, int n) {
  const struct ty **p = ts_arena_alloc(a, (size_t)(n ? n : 1) * sizeof *p);
  if (p && n) memcpy(p, v, (size_t)n * sizeof *p);
  return p;
}

static int grow(struct ty_ctx *c) {
  size_t cap = c->cap * 2;
  const struct ty **slot = ts_arena_alloc(c->arena, cap * sizeof *slot);
  if (!slot) return -1;
  for (size_t i = 0; i < c->cap; i++) {
    if (!c->slot[i]) continue;
    size_t j = hash(c->slot[i]) & (cap - 1);
    while (slot[j]) j = (j + 1) & (cap - 1);
    slot[j] = c->slot[i];
  }
  c->slot = slot;
  c->cap = cap;
  return 0;
}

/* A dim_map equal to the identity is stored as NULL, so that the two
** spellings of one view type intern to the same pointer. */
static bool is_identity(const int64_t *m, int n) {
  for (int i = 0; m && i < n; i++) if (m[i] != i) return false;
  return true;
}

const struct ty *ty_intern(struct ty_ctx *c, const struct ty *proto) {
  struct ty t = *proto;
  if (is_identity(t.dim_map, t.rank)) t.dim_map = NULL;
  if (t.kind != TY_PARTITION_VIEW && t.kind != TY_STRIDED_VIEW &&
      t.kind != TY_GATHER_SCATTER_VIEW) t.padding = 0;
  uint64_t h = hash(&t);
  size_t i = h & (c->cap - 1);
  for (; c->slot[i]; i = (i + 1) & (c->cap - 1))
    if (equal(c->slot[i], &t)) return c->slot[i];
  struct ty *n = ts_arena_alloc(c->arena, sizeof *n);
  if (!n) return NULL;
  *n = t;
  n->shape = copy_arr(c->arena, t.shape, t.rank);
  n->strides = copy_arr(c->arena, t.strides, t.rank);
  n->dim_map = copy_arr(c->arena, t.dim_map, t.rank);
  n->ins = t.nin ? copy_tys(c->arena, t.ins, t.nin) : NULL;
  n->outs = t.nout ? copy_tys(c->arena, t.outs, t.nout) : NULL;
  if ((t.shape && !n->shape) || (t.strides && !n->strides) ||
      (t.dim_map && !n->dim_map) || (t.nin && !n->ins) || (t.nout && !n->outs))
    return NULL;
  c->slot[i] = n;
  if (++c->count * 2 > c->cap && grow(c)) return NULL;
  return n;
}

const struct ty *ty_elem_get(struct ty_ctx *c, enum ty_elem e) {
  struct ty t = { .kind = e <= EL_I64 ? TY_INT : TY_FLOAT, .elem = e };
  return ty_intern(c, &t);
}

const struct ty *ty_token_get(struct ty_ctx *c) {
  struct ty t = { .kind = TY_TOKEN };
  return ty_intern(c, &t);
}

const struct ty *ty_ptr_get(struct ty_ctx *c, const struct ty *pointee) {
  struct ty t = { .kind = TY_PTR, .elt = pointee };
  return ty_intern(c, &t);
}

const struct ty *ty_tile_get(struct ty_ctx *c, const struct ty *elt, int rank,
                             const int64_t *shape) {
  static const int64_t none[1] = {0};
  struct ty t = { .kind = TY_TILE, .elt = elt, .rank = rank,
                  .shape = rank ? shape : none };
  return ty_intern(c, &t);
}

/* ---- queries ---- */

bool ty_is_int(const struct ty *t) { return t && t->kind == TY_INT; }
bool ty_is_float(const struct ty *t) { return t && t->kind == TY_FLOAT; }
bool ty_is_view(const struct ty *t) {
  return t && (t->kind == TY_PARTITION_VIEW || t->kind == TY_STRIDED_VIEW ||
               t->kind == TY_GATHER_SCATTER_VIEW);
}

/* Saturates at INT64_MAX: the parser reads shapes before the verifier
** checks their size. */
int64_t ty_numel(const struct ty *t) {
  int64_t n = 1;
  for (int i = 0; i < t->rank; i++)
    if (__builtin_mul_overflow(n, t->shape[i], &n)) return INT64_MAX;
  return n;
}

const struct ty *ty_tile_elt(const struct ty *t) {
  return t && t->kind == TY_TILE ? t->elt : NULL;
}

int ty_view_index_rank(const struct ty *v) {
  return ty_is_view(v) ? v->tv->rank : 0;
}

/* ---- printing, in the short form cuda-tile-opt uses inside ops ---- */

static void print_dims(struct ts_buf *b, const int64_t *d, int n, const char *sep) {
  for (int i = 0; i < n; i++) {
    if (i) ts_buf_puts(b, sep);
    if (d[i] == TY_DYNAMIC) { ts_buf_putc(b, '?'); continue; }
    char t[24], *p = t + sizeof t;          /* decimal, without printf */
    uint64_t v = d[i] < 0 ? 0 - (uint64_t)d[i] : (uint64_t)d[i];
    do *--p = (char)('0' + v % 10); while (v /= 10);
    if (d[i] < 0) *--p = '-';
    ts_buf_putn(b, p, (size_t)(t + sizeof t - p));
  }
}

static const char *const padding_names[] = {
  "zero", "neg_zero", "nan", "pos_inf", "neg_inf",
};

static void print_view_tail(struct ts_buf *b, const struct ty *t) {
  if (t->padding != PAD_NONE)
    ts_buf_printf(b, ", padding_value = %s", padding_names[t->padding]);
  ts_buf_puts(b, ", ");
  ty_print(b, t->tv);
}

void ty_print(struct ts_buf *b, const struct ty *t) {
  switch (t->kind) {
  case TY_INT: case TY_FLOAT:
    ts_buf_puts(b, ty_elem_names[t->elem]);
    break;
  case TY_TOKEN:
    ts_buf_puts(b, "token");
    break;
  case TY_PTR:
    ts_buf_puts(b, "ptr<");
    ty_print(b, t->elt);
    ts_buf_putc(b, '>');
    break;
  case TY_TILE:
    ts_buf_puts(b, "tile<");
    print_dims(b, t->shape, t->rank, "x");
    if (t->rank) ts_buf_putc(b, 'x');
    ty_print(b, t->elt);
    ts_buf_putc(b, '>');
    break;
  case TY_TENSOR_VIEW:
    ts_buf_puts(b, "tensor_view<");
    print_dims(b, t->shape, t->rank, "x");
    if (t->rank) ts_buf_putc(b, 'x');
    ty_print(b, t->elt);
    if (t->rank) {
      ts_buf_puts(b, ", strides=[");
      print_dims(b, t->strides, t->rank, ",");
      ts_buf_putc(b, ']');
    }
    ts_buf_putc(b, '>');
    break;
  case TY_PARTITION_VIEW: case TY_STRIDED_VIEW: case TY_GATHER_SCATTER_VIEW:
    ts_buf_puts(b, t->kind == TY_PARTITION_VIEW ? "partition_view<tile=("
                 : t->kind == TY_STRIDED_VIEW ? "strided_view<tile=("
                 : "gather_scatter_view<tile=(");
    print_dims(b, t->shape, t->rank, "x");
    ts_buf_putc(b, ')');
    if (t->kind == TY_STRIDED_VIEW) {
      ts_buf_puts(b, ", traversal_strides=[");
      print_dims(b, t->strides, t->rank, ",");
      ts_buf_putc(b, ']');
    }
    print_view_tail(b, t);
    if (t->kind == TY_GATHER_SCATTER_VIEW)
      ts_buf_printf(b, ", sparse_dim=%d", t->sparse_dim);
    if (t->dim_map) {
      ts_buf_puts(b, ", dim_map=[");
      print_dims(b, t->dim_map, t->rank, ", ");
      ts_buf_putc(b, ']');
    }
    ts_buf_putc(b, '>');
    break;
  case TY_FUNC:
    ts_buf_putc(b, '(');
    for (int i = 0; i < t->nin; i++) {
      if (i) ts_buf_puts(b, ", ");
      ty_print(b, t->ins[i]);
    }
    ts_buf_puts(b, ") -> (");
    for (int i = 0; i < t->nout; i++) {
      if (i) ts_buf_puts(b, ", ");
      ty_print(b, t->outs[i]);
    }
    ts_buf_putc(b, ')');
    break;
  }
}
