/*
** bc_read.c -- read Tile IR bytecode (versions 13.1 to 13.4) into a
** module.  The file is indexed first (sections may come in any order),
** then decoded in dependency order: strings, producer, types,
** constants, globals, functions, with debug locations attached to ops.
** Ops are decoded by their layouts in bc_optab.c.
**
** Every read is bounds-checked against the section it belongs to; the
** first problem ends the read with one diagnostic that names the byte
** offset (Lua's lundump.c style: what is wrong, and where).
*/
#include <config.h>
#include "bc_int.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir_int.h"

/* A byte range of the file being decoded: pos..end, absolute offsets. */
struct cur { size_t pos, end; };

/* An offset table section: count entries, their offsets, their data. */
struct table {
  size_t count;
  size_t offs;           /* absolute offset of the offset array */
  int width;             /* 4 or 8 bytes per offset */
  struct cur data;       /* the concatenated entries */
};

struct opread {
  struct ir_op *op;
  struct ir_value *in[256];
  int nin;
  uint64_t flags;
  size_t at;                    /* where the op starts */
  const struct ty *res[256];
  int nres;                     /* results read */
};

struct reader {
  const uint8_t *d;
  size_t len;
  const char *name;
  struct ts_diag_sink *sink;
  jmp_buf fail;
  int version;
  struct ir_module *m;
  bool have[BC_NUM_SECTIONS];
  struct cur sec[BC_NUM_SECTIONS];
  struct table strings, types, consts, dattrs;
  const struct ty **tycache;   /* types decoded so far (NULL: not yet) */
  uint8_t *tystate;            /* 1 while a type is being decoded */
  int tydepth;
  struct ir_value **vals;      /* the value stack of scoped numbering */
  size_t nvals, capvals;
  int depth;                   /* regions open */
  /* debug info: per-function offsets into the index array */
  size_t dfuncs, dfunc_offs, dindices, dindex_offs;
  size_t didx;                 /* next index of the current function, or SIZE_MAX */
  size_t didx_end;
  struct opread *pool[IR_MAX_DEPTH + 1];   /* ops being read, by depth */
  int oplevel;
};

noreturn static void fail(struct reader *r, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail_va(struct reader *r, size_t off, const char *fmt, va_list ap) {
  char msg[600];
  vsnprintf(msg, sizeof msg, fmt, ap);
  ts_diag_emit(r->sink, TS_ERROR, (struct ts_loc){0},
               "%s: bad bytecode (%s at offset 0x%zx)", r->name, msg, off);
}

noreturn static void fail(struct reader *r, size_t off, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fail_va(r, off, fmt, ap);
  va_end(ap);
  longjmp(r->fail, 1);
}

static void *alloc(struct reader *r, size_t n) {
  void *p = ts_arena_alloc(&r->m->arena, n ? n : 1);
  if (!p) fail(r, 0, "out of memory");
  return p;
}

/* ---- primitives ---- */

static uint8_t byte(struct reader *r, struct cur *c, const char *what) {
  if (c->pos >= c->end) fail(r, c->pos, "truncated %s", what);
  return r->d[c->pos++];
}

/* unsigned LEB128, at most 10 bytes */
static uint64_t varint(struct reader *r, struct cur *c, const char *what) {
  uint64_t v = 0;
  size_t start = c->pos;
  for (int shift = 0;; shift += 7) {
    if (shift > 63) fail(r, start, "%s: varint too long", what);
    uint8_t b = byte(r, c, what);
    if (shift == 63 && (b & 0x7e)) fail(r, start, "%s: varint overflows 64 bits", what);
    v |= (uint64_t)(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
}

static int64_t svarint(struct reader *r, struct cur *c, const char *what) {
  uint64_t u = varint(r, c, what);
  return (int64_t)((u >> 1) ^ (~(u & 1) + 1));
}

static uint64_t le(struct reader *r, struct cur *c, int width, const char *what) {
  if (c->end - c->pos < (size_t)width) fail(r, c->pos, "truncated %s", what);
  uint64_t v = 0;
  for (int i = 0; i < width; i++) v |= (uint64_t)r->d[c->pos + i] << (8 * i);
  c->pos += (size_t)width;
  return v;
}

/* A count of things that each take at least 'unit' bytes of what is left:
** a count larger than the rest of the data is corrupt, not a huge table. */
static size_t count(struct reader *r, struct cur *c, size_t unit, const char *what) {
  size_t at = c->pos;
  uint64_t n = varint(r, c, what);
  if (unit && n > (c->end - c->pos) / unit)
    fail(r, at, "%s %llu exceeds the %zu bytes left", what, (unsigned long long)n,
         c->end - c->pos);
  return (size_t)n;
}

/* Skip padding up to a multiple of 'align' of the absolute offset. */
static void align_to(struct reader *r, struct cur *c, size_t align, const char *what) {
  while (c->pos % align) {
    if (c->pos >= c->end) fail(r, c->pos, "truncated padding of %s", what);
    c->pos++;
  }
}

/* ---- tables: strings, types, constants, debug attributes ---- */

static void read_table(struct reader *r, struct cur c, int width, struct table *t,
                       const char *what) {
  t->count = count(r, &c, 0, what);
  t->width = width;
  if (!t->count) { t->data = c; return; }
  align_to(r, &c, (size_t)width, what);
  if (t->count > (c.end - c.pos) / (size_t)width)
    fail(r, c.pos, "%s count %zu exceeds the section", what, t->count);
  t->offs = c.pos;
  t->data = (struct cur){ c.pos + t->count * (size_t)width, c.end };
}

/* Entry i of table t as a cursor; 'at' is where the index was read. */
static struct cur entry(struct reader *r, const struct table *t, uint64_t i,
                        size_t at, const char *what) {
  if (i >= t->count)
    fail(r, at, "%s index %llu out of range (%zu entries)", what,
         (unsigned long long)i, t->count);
  struct cur o = { t->offs + i * (size_t)t->width, t->offs + t->count * (size_t)t->width };
  uint64_t start = le(r, &o, t->width, what);
  uint64_t end = t->data.end - t->data.pos;
  if (i + 1 < t->count) end = le(r, &o, t->width, what);
  if (start > end || end > t->data.end - t->data.pos)
    fail(r, t->offs + i * (size_t)t->width, "%s %llu has bad offsets", what,
         (unsigned long long)i);
  return (struct cur){ t->data.pos + start, t->data.pos + end };
}

/* A string-table reference: the string, copied into the module. */
static const char *string(struct reader *r, struct cur *c, size_t *n, const char *what) {
  size_t at = c->pos;
  struct cur s = entry(r, &r->strings, varint(r, c, what), at, "string");
  if (n) *n = s.end - s.pos;
  else if (memchr(r->d + s.pos, 0, s.end - s.pos)) fail(r, at, "%s contains a NUL byte", what);
  return ts_arena_strndup(&r->m->arena, (const char *)r->d + s.pos, s.end - s.pos);
}

/* A symbol name: printable, no quote or backslash (the text's quoted
** symbols do not escape them), not empty. */
static const char *symbol(struct reader *r, struct cur *c, const char *what) {
  size_t at = c->pos;
  const char *s = string(r, c, NULL, what);
  if (!*s) fail(r, at, "empty %s", what);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\')
      fail(r, at, "%s contains byte 0x%02x", what, *p);
  return s;
}

/* A name the text writes bare: [A-Za-z_][A-Za-z0-9_$.]* */
static const char *ident(struct reader *r, struct cur *c, const char *what) {
  size_t at = c->pos;
  const char *s = string(r, c, NULL, what);
  bool ok = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_';
  for (const char *p = s; ok && *p; p++)
    ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
         *p == '_' || *p == '$' || *p == '.';
  if (!ok) fail(r, at, "%s is not an identifier", what);
  return s;
}

/* ---- types ---- */

static const struct ty *type_at(struct reader *r, uint64_t i, size_t at);

static const struct ty *type_ref(struct reader *r, struct cur *c) {
  size_t at = c->pos;
  return type_at(r, varint(r, c, "type index"), at);
}

static void need_version(struct reader *r, size_t at, int since, const char *what) {
  char a[8], b[8];
  if (r->version < since)
    fail(r, at, "%s needs version %s, the file is %s", what, bc_version_name(since, a),
         bc_version_name(r->version, b));
}

/* count:varint, then count little-endian integers of 'width' bytes */
static int int_list(struct reader *r, struct cur *c, int width, int64_t *v, const char *what) {
  size_t at = c->pos;
  size_t n = count(r, c, (size_t)width, what);
  if (n > 16) fail(r, at, "%s has %zu entries (at most 16)", what, n);
  for (size_t i = 0; i < n; i++) {
    uint64_t u = le(r, c, width, what);
    v[i] = width == 4 ? (int64_t)(int32_t)(uint32_t)u : (int64_t)u;
  }
  return (int)n;
}

/* 13.4 ptr and tensor_view: a flags varint and, when bit 0, an attribute
** byte that tilesim does not model. */
static void ptr_attr_flags(struct reader *r, struct cur *c) {
  if (r->version < 1304) return;
  size_t at = c->pos;
  if (varint(r, c, "type flags") & 1) fail(r, at, "pointer attributes are not supported");
}

static int padding(struct reader *r, struct cur *c, bool present) {
  if (!present) return PAD_NONE;
  size_t at = c->pos;
  uint64_t p = varint(r, c, "padding value");
  if (p > PAD_NEG_INF) fail(r, at, "invalid padding value %llu", (unsigned long long)p);
  return (int)p;
}

static const struct ty *view_type(struct reader *r, struct cur *c, uint64_t tag, size_t at) {
  int64_t tile[16], strides[16], dim_map[16];
  struct ty t = { .kind = tag == BT_PARTITION_VIEW ? TY_PARTITION_VIEW
                        : tag == BT_STRIDED_VIEW ? TY_STRIDED_VIEW : TY_GATHER_SCATTER_VIEW,
                  .sparse_dim = -1 };
  bool unified = tag != BT_PARTITION_VIEW || r->version >= 1303;
  uint64_t flags = unified ? varint(r, c, "view flags") : 0;
  t.rank = int_list(r, c, 4, tile, "view tile shape");
  t.shape = tile;
  if (tag == BT_STRIDED_VIEW) {
    if (int_list(r, c, 4, strides, "traversal strides") != t.rank)
      fail(r, at, "traversal strides do not match the tile rank");
    t.strides = strides;
  }
  t.tv = type_ref(r, c);
  if (t.tv->kind != TY_TENSOR_VIEW) fail(r, at, "a view must refer to a tensor_view");
  t.elt = t.tv->elt;
  if (tag == BT_GATHER_SCATTER_VIEW) {
    uint64_t sd = varint(r, c, "sparse_dim");
    if (sd >= 16) fail(r, at, "sparse_dim %llu out of range", (unsigned long long)sd);
    t.sparse_dim = (int)sd;
  } else {
    if (int_list(r, c, 4, dim_map, "dim_map") != t.rank)
      fail(r, at, "dim_map does not match the tile rank");
    t.dim_map = dim_map;
  }
  if (!unified) flags = varint(r, c, "padding presence");
  t.padding = padding(r, c, flags & 1);
  return ty_intern(r->m->types, &t);
}

static const struct ty *tile_type(struct reader *r, struct cur *c, size_t at) {
  int64_t dims[16];
  const struct ty *elt = type_ref(r, c);
  if (elt->kind != TY_INT && elt->kind != TY_FLOAT && elt->kind != TY_PTR)
    fail(r, at, "a tile's element must be a number or a pointer");
  int rank = int_list(r, c, 8, dims, "tile shape");
  for (int i = 0; i < rank; i++)
    if (dims[i] < 0 || dims[i] > (int64_t)1 << 32) fail(r, at, "tile dimension %lld out of range", (long long)dims[i]);
  return ty_tile_get(r->m->types, elt, rank, dims);
}

#define BIG ((int64_t)1000000000000000000)

static const struct ty *tensor_view_type(struct reader *r, struct cur *c, size_t at) {
  int64_t shape[16], strides[16];
  ptr_attr_flags(r, c);
  struct ty t = { .kind = TY_TENSOR_VIEW, .elt = type_ref(r, c) };
  if (t.elt->kind != TY_INT && t.elt->kind != TY_FLOAT && t.elt->kind != TY_PTR)
    fail(r, at, "a tensor_view's element must be a number or a pointer");
  t.rank = int_list(r, c, 8, shape, "tensor_view shape");
  if (int_list(r, c, 8, strides, "tensor_view strides") != t.rank)
    fail(r, at, "tensor_view strides do not match its rank");
  /* what the text can spell: sizes in [0, 10^18], strides within +-10^18 */
  for (int i = 0; i < t.rank; i++) {
    if (shape[i] != TY_DYNAMIC && (shape[i] < 0 || shape[i] > BIG))
      fail(r, at, "tensor_view dimension %lld out of range", (long long)shape[i]);
    if (strides[i] != TY_DYNAMIC && (strides[i] < -BIG || strides[i] > BIG))
      fail(r, at, "tensor_view stride %lld out of range", (long long)strides[i]);
  }
  t.shape = shape;
  t.strides = strides;
  return ty_intern(r->m->types, &t);
}

static const struct ty *func_type(struct reader *r, struct cur *c) {
  struct ty t = { .kind = TY_FUNC };
  const struct ty *io[2][256];
  for (int k = 0; k < 2; k++) {
    size_t at = c->pos;
    size_t n = count(r, c, 1, "function type arity");
    if (n > 256) fail(r, at, "function type has %zu %s (at most 256)", n, k ? "results" : "parameters");
    for (size_t i = 0; i < n; i++) io[k][i] = type_ref(r, c);
    if (k) { t.nout = (int)n; t.outs = io[1]; } else { t.nin = (int)n; t.ins = io[0]; }
  }
  return ty_intern(r->m->types, &t);
}

static const struct ty *decode_type(struct reader *r, struct cur *c) {
  size_t at = c->pos;
  uint64_t tag = varint(r, c, "type tag");
  int e = bc_tag_elem(tag);
  if (e >= 0) {
    need_version(r, at, bc_elem_since((enum ty_elem)e), ty_elem_names[e]);
    return ty_elem_get(r->m->types, (enum ty_elem)e);
  }
  switch (tag) {
  case BT_TOKEN: return ty_token_get(r->m->types);
  case BT_PTR: {
    ptr_attr_flags(r, c);
    const struct ty *p = type_ref(r, c);
    if (p->kind != TY_INT && p->kind != TY_FLOAT) fail(r, at, "a pointer must point to a number");
    return ty_ptr_get(r->m->types, p);
  }
  case BT_TILE: return tile_type(r, c, at);
  case BT_TENSOR_VIEW: return tensor_view_type(r, c, at);
  case BT_STRIDED_VIEW: case BT_GATHER_SCATTER_VIEW:
    need_version(r, at, 1303, tag == BT_STRIDED_VIEW ? "strided_view" : "gather_scatter_view");
    /* fall through */
  case BT_PARTITION_VIEW: return view_type(r, c, tag, at);
  case BT_FUNC: return func_type(r, c);
  default: fail(r, at, "unknown type tag %llu", (unsigned long long)tag);
  }
}

/* Type i of the type table, decoded on first use.  Types refer to
** others by index, in any order; a cycle is an error, not a hang. */
static const struct ty *type_at(struct reader *r, uint64_t i, size_t at) {
  struct cur c = entry(r, &r->types, i, at, "type");
  if (r->tycache[i]) return r->tycache[i];
  if (r->tystate[i] || r->tydepth > 16) fail(r, at, "type %llu refers to itself", (unsigned long long)i);
  r->tystate[i] = 1;
  r->tydepth++;
  const struct ty *t = decode_type(r, &c);
  r->tydepth--;
  r->tystate[i] = 0;
  if (!t) fail(r, at, "out of memory");
  if (c.pos != c.end) fail(r, c.pos, "type %llu has %zu bytes left over", (unsigned long long)i, c.end - c.pos);
  return r->tycache[i] = t;
}

/* ---- constants ---- */

/* bytes per element in MLIR's raw dense buffer (i1 is bit-packed) */
static int elem_bytes(enum ty_elem e) { return (ty_elem_bits(e) + 7) / 8; }

static uint64_t elem_mask(enum ty_elem e) {
  int w = ty_elem_bits(e);
  return w >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << w) - 1;
}

/* Constant i read for tile type t: one element (a splat) or all of them. */
static struct ir_dense *dense(struct reader *r, uint64_t i, size_t at, const struct ty *t) {
  if (t->kind != TY_TILE || (t->elt->kind != TY_INT && t->elt->kind != TY_FLOAT))
    fail(r, at, "a constant needs a tile type of numbers");
  struct cur c = entry(r, &r->consts, i, at, "constant");
  size_t n = count(r, &c, 0, "constant size");
  if (n > c.end - c.pos) fail(r, c.pos, "constant %llu is truncated", (unsigned long long)i);
  enum ty_elem e = t->elt->elem;
  int64_t numel = ty_numel(t);
  struct ir_dense *d = alloc(r, sizeof *d);
  d->type = t;
  const uint8_t *p = r->d + c.pos;
  if (e == EL_I1) {
    d->splat = n == 1 && (p[0] == 0 || p[0] == 0xff);
    if (!d->splat && (numel > INT64_MAX - 7 || (size_t)((numel + 7) / 8) != n))
      fail(r, c.pos, "constant %llu has %zu bytes for %lld i1 elements", (unsigned long long)i, n, (long long)numel);
    d->n = d->splat ? 1 : numel;
    d->bits = alloc(r, (size_t)d->n * sizeof *d->bits);
    for (int64_t k = 0; k < d->n; k++)
      d->bits[k] = d->splat ? p[0] != 0 : (p[k / 8] >> (k % 8)) & 1;
    return d;
  }
  size_t eb = (size_t)elem_bytes(e);
  d->splat = n == eb;
  if (!d->splat && (numel < 0 || n / eb != (uint64_t)numel || n % eb))
    fail(r, c.pos, "constant %llu has %zu bytes for %lld elements of %zu bytes",
         (unsigned long long)i, n, (long long)numel, eb);
  d->n = d->splat ? 1 : numel;
  d->bits = alloc(r, (size_t)d->n * sizeof *d->bits);
  for (int64_t k = 0; k < d->n; k++) {
    uint64_t v = 0;
    for (size_t b = 0; b < eb; b++) v |= (uint64_t)p[(size_t)k * eb + b] << (8 * b);
    d->bits[k] = v & elem_mask(e);
  }
  return d;
}

/* ---- self-contained attributes ---- */

/* A scalar of type t: APInt for floats (1 byte up to 8 bits, else a
** zigzag varint), a varint for integers (a byte for i1). */
static uint64_t scalar(struct reader *r, struct cur *c, const struct ty *t) {
  size_t at = c->pos;
  uint64_t v;
  if (t->kind == TY_FLOAT) v = ty_elem_bits(t->elem) <= 8 ? byte(r, c, "scalar")
                                                          : (uint64_t)svarint(r, c, "scalar");
  else v = t->elem == EL_I1 ? byte(r, c, "scalar") != 0 : varint(r, c, "scalar");
  if (v & ~elem_mask(t->elem)) fail(r, at, "scalar does not fit its type %s", ty_elem_names[t->elem]);
  return v;
}

static struct ir_typed typed_scalar(struct reader *r, struct cur *c) {
  size_t at = c->pos;
  uint64_t tag = varint(r, c, "attribute tag");
  if (tag != BA_INTEGER && tag != BA_FLOAT) fail(r, at, "expected an integer or float attribute");
  struct ir_typed x;
  x.type = type_ref(r, c);
  if (x.type->kind != (tag == BA_INTEGER ? TY_INT : TY_FLOAT))
    fail(r, at, "attribute type does not match its tag");
  x.bits = scalar(r, c, x.type);
  return x;
}

static void identities(struct reader *r, struct cur *c, struct ir_attrs *a) {
  size_t at = c->pos;
  size_t n = count(r, c, 2, "identity count");
  if (n > 64) fail(r, at, "too many identities (%zu)", n);
  a->nident = (int)n;
  a->ident = alloc(r, n * sizeof *a->ident);
  for (size_t i = 0; i < n; i++) a->ident[i] = typed_scalar(r, c);
}

/* A hint value: Integer -> decimal text, Bool -> true/false. */
static const char *hint_value(struct reader *r, struct cur *c) {
  size_t at = c->pos;
  uint64_t tag = varint(r, c, "hint tag");
  char buf[32];
  if (tag == BA_BOOL) {
    snprintf(buf, sizeof buf, "%s", byte(r, c, "hint") ? "true" : "false");
  } else if (tag == BA_INTEGER) {
    const struct ty *t = type_ref(r, c);
    if (t->kind != TY_INT) fail(r, at, "hint integer has a non-integer type");
    uint64_t v = scalar(r, c, t);
    int w = ty_elem_bits(t->elem);
    int64_t s = w >= 64 ? (int64_t)v : (int64_t)(v << (64 - w)) >> (64 - w);
    snprintf(buf, sizeof buf, "%lld", (long long)s);
  } else {
    fail(r, at, "unsupported optimization hint value (tag %llu)", (unsigned long long)tag);
  }
  return ts_arena_strndup(&r->m->arena, buf, strlen(buf));
}

static int cmp_arch(const void *x, const void *y) {
  return strcmp(((const struct ir_hint_arch *)x)->arch, ((const struct ir_hint_arch *)y)->arch);
}
static int cmp_entry(const void *x, const void *y) {
  return strcmp(((const struct ir_hint_entry *)x)->key, ((const struct ir_hint_entry *)y)->key);
}

/* optimization hints: { arch: Dictionary{ key: value } }, untagged */
static struct ir_hints *hints(struct reader *r, struct cur *c) {
  struct ir_hints *h = alloc(r, sizeof *h);
  size_t at = c->pos;
  size_t n = count(r, c, 2, "hint architectures");
  if (n > 16) fail(r, at, "too many architectures in optimization hints");
  h->n = (int)n;
  h->a = alloc(r, n * sizeof *h->a);
  for (size_t i = 0; i < n; i++) {
    struct ir_hint_arch *x = &h->a[i];
    x->arch = ident(r, c, "architecture name");
    at = c->pos;
    if (varint(r, c, "hint dictionary tag") != BA_DICT) fail(r, at, "expected a hint dictionary");
    size_t k = count(r, c, 2, "hint count");
    if (k > 32) fail(r, at, "too many optimization hints");
    x->n = (int)k;
    x->e = alloc(r, k * sizeof *x->e);
    for (size_t j = 0; j < k; j++) {
      x->e[j].key = ident(r, c, "hint name");
      x->e[j].val = hint_value(r, c);
    }
    qsort(x->e, k, sizeof *x->e, cmp_entry);
  }
  qsort(h->a, n, sizeof *h->a, cmp_arch);
  return h;
}

static struct ir_assume *assume(struct reader *r, struct cur *c) {
  struct ir_assume *a = alloc(r, sizeof *a);
  size_t at = c->pos;
  uint64_t tag = varint(r, c, "assume tag");
  if (tag == BA_DIV_BY) {
    a->kind = AS_DIV_BY;
    a->div = (int64_t)varint(r, c, "div_by divisor");
    uint8_t f = byte(r, c, "div_by flags");
    if (f & ~3 || (f != 0 && f != 3)) fail(r, at, "div_by needs both or neither of 'every' and 'along'");
    a->has_every = f == 3;
    if (a->has_every) { a->every = svarint(r, c, "every"); a->along = svarint(r, c, "along"); }
  } else if (tag == BA_SAME_ELEMENTS) {
    int64_t v[16];
    a->kind = AS_SAME_ELEMENTS;
    a->n = int_list(r, c, 8, v, "same_elements");
    a->same = alloc(r, (size_t)a->n * sizeof *v);
    memcpy(a->same, v, (size_t)a->n * sizeof *v);
  } else if (tag == BA_BOUNDED) {
    a->kind = AS_BOUNDED;
    uint8_t f = byte(r, c, "bounded flags");
    if (f & ~3) fail(r, at, "invalid bounded flags 0x%x", f);
    a->has_lb = f & 1;
    a->has_ub = f & 2;
    if (a->has_lb) a->lb = svarint(r, c, "lower bound");
    if (a->has_ub) a->ub = svarint(r, c, "upper bound");
  } else {
    fail(r, at, "unknown assume predicate (tag %llu)", (unsigned long long)tag);
  }
  return a;
}

/* ---- ops ---- */


static int8_t enum_value(struct reader *r, struct cur *c, int n, const char *what) {
  size_t at = c->pos;
  uint64_t v = varint(r, c, what);
  if (v >= (uint64_t)n) fail(r, at, "invalid %s %llu", what, (unsigned long long)v);
  return (int8_t)v;
}

static void read_attr(struct reader *r, struct cur *c, struct opread *o, int attr) {
  struct ir_attrs *a = &o->op->attr;
  size_t at = c->pos;
  switch (attr) {
  case BA_RND: a->rounding = enum_value(r, c, RND_COUNT, "rounding mode"); break;
  case BA_OVF: a->overflow = enum_value(r, c, 4, "overflow"); break;
  case BA_SIGN: a->signedness = enum_value(r, c, 2, "signedness"); break;
  case BA_SIGN_RHS: a->sign_rhs = enum_value(r, c, 2, "signedness"); break;
  case BA_PRED: a->pred = enum_value(r, c, 6, "comparison predicate"); break;
  case BA_ORD: a->order = enum_value(r, c, 2, "comparison ordering"); break;
  case BA_MO: a->mem_order = enum_value(r, c, 5, "memory ordering"); break;
  case BA_SCOPE: a->scope = enum_value(r, c, 3, "memory scope"); break;
  case BA_MODE: a->mode = enum_value(r, c, 10, "atomic mode"); break;
  case BA_DIM: a->dim = (int64_t)(varint(r, c, "dim") & INT64_MAX); break;
  case BA_NUM_ELEM: a->num_elem = (int64_t)(varint(r, c, "num_elem") & INT64_MAX); break;
  case BA_ALIGNMENT: a->alignment = (int64_t)(varint(r, c, "alignment") & INT64_MAX); break;
  case BA_REVERSE: if (byte(r, c, "reverse")) a->flags |= AF_REVERSE; break;
  case BA_PERM: {
    int64_t v[16];
    a->nperm = int_list(r, c, 4, v, "permutation");
    a->perm = alloc(r, (size_t)a->nperm * sizeof *v);
    memcpy(a->perm, v, (size_t)a->nperm * sizeof *v);
    break;
  }
  case BA_STR: a->str = string(r, c, &a->strlen, "string attribute"); break;
  case BA_SYM: a->str = symbol(r, c, "symbol name"); break;
  case BA_VALUE:
    if (o->nres < 1) fail(r, at, "constant without a result type");
    a->value = dense(r, varint(r, c, "constant index"), at, o->res[0]);
    break;
  case BA_IDENT: identities(r, c, a); break;
  case BA_HINTS_ATTR: a->hints = hints(r, c); break;
  case BA_ASSUME: a->assume = assume(r, c); break;
  case BA_INBOUNDS: {
    /* an assumption tilesim does not keep: every access is checked */
    size_t n = count(r, c, 1, "inbounds");
    c->pos += n;
    break;
  }
  default: fail(r, at, "internal: attribute %d", attr);
  }
}

static void unit_attr(struct opread *o, int attr) {
  static const unsigned bits[BA_NUM] = {
    [BA_FTZ] = AF_FTZ, [BA_PNAN] = AF_PROPAGATE_NAN, [BA_FAST_ACC] = AF_FAST_ACC,
    [BA_GLOBAL] = AF_GLOBAL, [BA_SATURATING] = AF_SATURATING,
    [BA_UNSIGNED_CMP] = AF_UNSIGNED_CMP,
  };
  o->op->attr.flags |= bits[attr];
}

static struct ir_value *operand(struct reader *r, struct cur *c) {
  size_t at = c->pos;
  uint64_t i = varint(r, c, "operand index");
  if (i >= r->nvals)
    fail(r, at, "operand index %llu out of range (%zu values in scope)", (unsigned long long)i, r->nvals);
  return r->vals[i];
}

static void add_operands(struct reader *r, struct cur *c, struct opread *o, size_t n) {
  struct ir_op *op = o->op;
  if (op->ngroups == IR_MAX_GROUPS) fail(r, o->at, "too many operand groups");
  if (n > (size_t)(256 - o->nin)) fail(r, c->pos, "too many operands");
  op->group[op->ngroups++] = (uint16_t)n;
  for (size_t i = 0; i < n; i++) o->in[o->nin++] = operand(r, c);
}

static void push_value(struct reader *r, struct ir_value *v) {
  if (r->nvals == r->capvals) {
    size_t cap = r->capvals ? r->capvals * 2 : 256;
    struct ir_value **n = ts_realloc(r->vals, cap * sizeof *n);
    if (!n) fail(r, 0, "out of memory");
    r->vals = n;
    r->capvals = cap;
  }
  r->vals[r->nvals++] = v;
}

static void result_types(struct reader *r, struct cur *c, struct opread *o, size_t n) {
  if (n > 256) fail(r, c->pos, "too many results (%zu)", n);
  for (size_t i = 0; i < n; i++) o->res[o->nres++] = type_ref(r, c);
}

static void read_block(struct reader *r, struct cur *c, struct ir_op *parent,
                       struct ir_block *b);

static void read_regions(struct reader *r, struct cur *c, struct opread *o) {
  struct ir_op *op = o->op;
  size_t at = c->pos;
  int want = op->code == IR_OP_if ? 2 : 1;
  if (varint(r, c, "region count") != (uint64_t)want)
    fail(r, at, "'%s' must have %d region%s", ir_optab[op->code].name, want, want > 1 ? "s" : "");
  if (++r->depth > IR_MAX_DEPTH) fail(r, at, "regions nested more than %d deep", IR_MAX_DEPTH);
  op->nregions = want;
  op->regions = alloc(r, (size_t)want * sizeof *op->regions);
  for (int i = 0; i < want; i++) {
    at = c->pos;
    uint64_t nb = varint(r, c, "block count");
    if (nb == 0 && op->code == IR_OP_if && i == 1) continue;   /* no else */
    if (nb != 1) fail(r, at, "a region must have exactly one block");
    op->regions[i].block = alloc(r, sizeof(struct ir_block));
    read_block(r, c, op, op->regions[i].block);
  }
  r->depth--;
}

/* The debug location of the next op, if the file has one for it. */
static void next_loc(struct reader *r, struct ir_op *op);

static struct ir_op *read_op(struct reader *r, struct cur *c, struct ir_block *blk);

static void check_result_count(struct reader *r, struct opread *o, const struct bc_layout *l) {
  int want = ir_optab[o->op->code].nres;
  if (l->last_res_since > r->version && want > 0) want--;
  if (want >= 0 && o->nres != want)
    fail(r, o->at, "'%s' must have %d results, not %d", ir_optab[o->op->code].name, want, o->nres);
}

/* The results: types from the file, numbered after the op's regions. */
static void make_results(struct reader *r, struct opread *o, const struct bc_layout *l) {
  struct ir_op *op = o->op;
  int n = o->nres;
  bool extra = l->last_res_since > r->version;     /* print_tko before 13.2 */
  op->nout = n + extra;
  op->out = alloc(r, (size_t)op->nout * sizeof *op->out);
  for (int i = 0; i < op->nout; i++) {
    struct ir_value *v = &op->out[i];
    v->type = i < n ? o->res[i] : ty_token_get(r->m->types);
    v->def = op;
    v->index = (uint32_t)i;
    v->id = r->m->nvalues++;
    v->loc = op->loc;
    if (i < n) push_value(r, v);
  }
}

/* The flags varint: only the bits the layout gives this version. */
static uint64_t read_flags(struct reader *r, struct cur *c, struct opread *o,
                           const struct bc_layout *l) {
  size_t at = c->pos;
  uint64_t known = 0, flags = varint(r, c, "flags");
  for (int j = 0; j < l->n; j++)
    if (l->item[j].bit >= 0 && l->item[j].since <= r->version) known |= 1u << l->item[j].bit;
  if (flags & ~known)
    fail(r, at, "'%s' has unknown flags 0x%llx", ir_optab[o->op->code].name,
         (unsigned long long)(flags & ~known));
  return flags;
}

static void read_items(struct reader *r, struct cur *c, struct opread *o,
                       const struct bc_layout *l) {
  int total = -1;        /* operands left by a BI_COUNT */
  for (int k = 0; k < l->n; k++) {
    const struct bc_item *it = &l->item[k];
    if (it->since > r->version) continue;
    bool on = it->bit < 0 || (o->flags >> it->bit) & 1;
    switch (it->kind) {
    case BI_RES: result_types(r, c, o, (size_t)ir_optab[o->op->code].nres); break;
    case BI_RES_LIST: result_types(r, c, o, count(r, c, 1, "result count")); break;
    case BI_FLAGS: o->flags = read_flags(r, c, o, l); break;
    case BI_UNIT: if (on) unit_attr(o, it->attr); break;
    case BI_ATTR: if (on) read_attr(r, c, o, it->attr); break;
    case BI_OPND:
      if (total >= 0 && on && total-- == 0)
        fail(r, o->at, "'%s' has a wrong operand count", ir_optab[o->op->code].name);
      add_operands(r, c, o, on);
      break;
    case BI_OPND_LIST: add_operands(r, c, o, count(r, c, 1, "operand count")); break;
    case BI_COUNT: total = (int)count(r, c, 1, "operand count"); break;
    case BI_OPND_REST: case BI_OPND_OPT: {
      int singles = 0;      /* the single operands after this group */
      for (int j = k + 1; j < l->n; j++) singles += l->item[j].kind == BI_OPND;
      int n = total - singles;
      if (n < 0 || (it->kind == BI_OPND_OPT && n > 1))
        fail(r, o->at, "'%s' has a wrong operand count", ir_optab[o->op->code].name);
      add_operands(r, c, o, (size_t)n);
      total -= n;
      break;
    }
    case BI_REGIONS: read_regions(r, c, o); break;
    }
  }
  if (total > 0) fail(r, o->at, "'%s' has a wrong operand count", ir_optab[o->op->code].name);
}

/* Reject what the printer and the verifier cannot take. */
static void check_shape(struct reader *r, struct opread *o) {
  struct ir_op *op = o->op;
  const char *name = ir_optab[op->code].name;
  if (op->code == IR_OP_for && op->regions[0].block->nargs != op->nin - 2)
    fail(r, o->at, "'for' body must have %d arguments", op->nin - 2);
  if (op->code == IR_OP_loop && op->regions[0].block->nargs != op->nin)
    fail(r, o->at, "'loop' body must have %d arguments", op->nin);
  if (op->code == IR_OP_if && (op->regions[0].block->nargs ||
                               (op->regions[1].block && op->regions[1].block->nargs)))
    fail(r, o->at, "'if' regions take no arguments");
  if (op->code == IR_OP_make_tensor_view) {
    const struct ty *t = o->res[0];
    if (t->kind != TY_TENSOR_VIEW) fail(r, o->at, "'%s' must have a tensor_view result", name);
    struct ir_attrs *a = &op->attr;
    a->nperm = a->nstrides = t->rank;
    a->perm = alloc(r, 16 * sizeof *a->perm);
    a->strides = alloc(r, 16 * sizeof *a->strides);
    int dyn[2] = {0, 0};
    for (int i = 0; i < t->rank; i++) {
      a->perm[i] = t->shape[i];
      a->strides[i] = t->strides[i];
      dyn[0] += t->shape[i] == TY_DYNAMIC;
      dyn[1] += t->strides[i] == TY_DYNAMIC;
    }
    if (dyn[0] != op->group[1] || dyn[1] != op->group[2])
      fail(r, o->at, "'%s' has %d and %d dynamic operands for %d and %d '?' in its type", name,
           op->group[1], op->group[2], dyn[0], dyn[1]);
  }
}

/* op -> opcode:varint item* (bc_optab.c)
** The op under construction lives in a per-depth buffer of the reader
** (too big for the stack of a deep recursion), freed with the reader. */
static struct ir_op *read_op(struct reader *r, struct cur *c, struct ir_block *blk) {
  size_t at = c->pos;
  if (r->oplevel > IR_MAX_DEPTH) fail(r, at, "regions nested more than %d deep", IR_MAX_DEPTH);
  if (!r->pool[r->oplevel] && !(r->pool[r->oplevel] = ts_malloc(sizeof *r->pool[0])))
    fail(r, at, "out of memory");
  struct opread *o = r->pool[r->oplevel++];
  o->at = at;
  o->nin = o->nres = 0;
  o->flags = 0;
  uint64_t code = varint(r, c, "opcode");
  int id = -1;
  for (int i = 0; i < IR_NUM_OPS && id < 0; i++)
    if ((uint64_t)ir_optab[i].bc == code) id = i;
  struct bc_layout l;
  if (id < 0 || bc_layout_get((enum ir_opcode)id, &l))
    fail(r, at, "unknown opcode 0x%llx", (unsigned long long)code);
  char what[64];
  snprintf(what, sizeof what, "'%s'", ir_optab[id].name);
  need_version(r, at, ir_optab[id].since, what);
  struct ir_op *op = alloc(r, sizeof *op);
  o->op = op;
  op->code = (enum ir_opcode)id;
  op->parent = blk;
  op->loc = (struct ts_loc){ NULL, (uint32_t)at, 1 };
  memset(&op->attr, -1, offsetof(struct ir_attrs, flags));
  next_loc(r, op);
  read_items(r, c, o, &l);
  check_result_count(r, o, &l);
  op->nin = o->nin;
  op->in = alloc(r, (size_t)o->nin * sizeof *op->in);
  memcpy(op->in, o->in, (size_t)o->nin * sizeof *op->in);
  check_shape(r, o);
  make_results(r, o, &l);
  r->oplevel--;
  return op;
}

static void append(struct ir_block *b, struct ir_op *op) {
  op->parent = b;
  op->prev = b->last;
  if (b->last) b->last->next = op; else b->first = op;
  b->last = op;
}

static void block_args(struct reader *r, struct ir_block *b, int n,
                       const struct ty *const *types) {
  b->nargs = n;
  b->args = alloc(r, (size_t)n * sizeof *b->args);
  for (int i = 0; i < n; i++) {
    struct ir_value *v = &b->args[i];
    v->type = types[i];
    v->owner = b;
    v->index = (uint32_t)i;
    v->id = r->m->nvalues++;
    push_value(r, v);
  }
}

/* Every block ends in a terminator (the text adds one where it is left
** out, so a block without one would not read back the same). */
static void need_terminator(struct reader *r, const struct ir_block *b, size_t at) {
  if (!b->last || !(ir_optab[b->last->code].flags & OPF_TERM))
    fail(r, at, "block does not end with a terminator");
}

/* block -> nargs:varint type* nops:varint op*; its values go out of scope
** at its end (scoped numbering). */
static void read_block(struct reader *r, struct cur *c, struct ir_op *parent,
                       struct ir_block *b) {
  size_t mark = r->nvals, at = c->pos;
  const struct ty *types[256];
  size_t n = count(r, c, 1, "block argument count");
  if (n > 256) fail(r, at, "too many block arguments (%zu)", n);
  for (size_t i = 0; i < n; i++) types[i] = type_ref(r, c);
  b->parent = parent;
  block_args(r, b, (int)n, types);
  size_t nops = count(r, c, 1, "op count");
  for (size_t i = 0; i < nops; i++) append(b, read_op(r, c, b));
  need_terminator(r, b, at);
  r->nvals = mark;
}

/* ---- debug info ---- */

/* A location as text: loc("file":line:col), escaped as the printer does. */
static const char *loc_text(struct reader *r, const char *file, uint64_t line, uint64_t col) {
  struct ts_buf b = {0};
  ts_buf_puts(&b, "loc(\"");
  for (const unsigned char *s = (const unsigned char *)file; *s; s++) {
    if (*s == '\\') ts_buf_puts(&b, "\\\\");
    else if (*s == '"' || *s < 0x20 || *s >= 0x7f) ts_buf_printf(&b, "\\%02X", *s);
    else ts_buf_putc(&b, (char)*s);
  }
  ts_buf_printf(&b, "\":%llu:%llu)", (unsigned long long)line, (unsigned long long)col);
  const char *t = b.s ? ts_arena_strndup(&r->m->arena, b.s, b.len) : NULL;
  ts_buf_free(&b);
  if (!t) fail(r, 0, "out of memory");
  return t;
}

/* Debug attribute i (1-based; 0 = unknown location) as a location. */
static void debug_attr(struct reader *r, struct ir_op *op, uint64_t i, size_t at) {
  if (i == 0) return;
  struct cur c = entry(r, &r->dattrs, i - 1, at, "debug attribute");
  uint64_t tag = varint(r, &c, "debug tag");
  if (tag != 4) return;             /* only DILoc says where an op is */
  varint(r, &c, "debug scope");
  const char *file = string(r, &c, NULL, "file name");
  uint64_t line = varint(r, &c, "line"), col = varint(r, &c, "column");
  op->loc_text = loc_text(r, file, line, col);
}

static void next_loc(struct reader *r, struct ir_op *op) {
  if (r->didx == SIZE_MAX) return;
  if (r->didx >= r->didx_end) fail(r, r->dindex_offs, "debug info has too few entries");
  struct cur c = { r->dindex_offs + r->didx * 8, r->dindex_offs + r->didx_end * 8 };
  r->didx++;
  debug_attr(r, op, le(r, &c, 8, "debug index"), c.pos - 8);
}

/* debug -> nfuncs:varint pad4 u32[nfuncs] nidx:varint pad8 u64[nidx] table */
static void read_debug(struct reader *r) {
  struct cur c = r->sec[BC_SEC_DEBUG];
  r->dfuncs = count(r, &c, 4, "debug function count");
  align_to(r, &c, 4, "debug section");
  r->dfunc_offs = c.pos;
  if (r->dfuncs > (c.end - c.pos) / 4) fail(r, c.pos, "truncated debug section");
  c.pos += r->dfuncs * 4;
  r->dindices = count(r, &c, 8, "debug index count");
  align_to(r, &c, 8, "debug section");
  r->dindex_offs = c.pos;
  if (r->dindices > (c.end - c.pos) / 8) fail(r, c.pos, "truncated debug section");
  c.pos += r->dindices * 8;
  read_table(r, c, 4, &r->dattrs, "debug attribute");
}

/* Select function f's debug indices (loc: its location index). */
static void debug_function(struct reader *r, struct ir_op *fn, uint64_t loc, size_t at) {
  r->didx = SIZE_MAX;
  if (loc == 0 || !r->have[BC_SEC_DEBUG]) return;
  if (loc - 1 >= r->dfuncs) fail(r, at, "function location %llu out of range", (unsigned long long)loc);
  struct cur c = { r->dfunc_offs + (loc - 1) * 4, r->dfunc_offs + r->dfuncs * 4 };
  uint64_t off = le(r, &c, 4, "debug offset");
  uint64_t end = loc < r->dfuncs ? le(r, &c, 4, "debug offset") : r->dindices;
  if (off > end || end > r->dindices) fail(r, c.pos - 4, "bad debug offsets");
  r->didx = (size_t)off;
  r->didx_end = (size_t)end;
  next_loc(r, fn);
}

/* ---- module structure ---- */

static struct ir_op *new_top(struct reader *r, enum ir_opcode code, size_t at) {
  struct ir_op *op = alloc(r, sizeof *op);
  op->code = code;
  op->loc = (struct ts_loc){ NULL, (uint32_t)at, 1 };
  memset(&op->attr, -1, offsetof(struct ir_attrs, flags));
  op->ngroups = 0;
  return op;
}

/* global -> name type const alignment [visibility constant] (13.3+) */
static void read_globals(struct reader *r, struct ir_block *body) {
  struct cur c = r->sec[BC_SEC_GLOBAL];
  size_t n = count(r, &c, r->version >= 1303 ? 6 : 4, "global count");
  for (size_t i = 0; i < n; i++) {
    size_t at = c.pos;
    struct ir_op *op = new_top(r, IR_OP_global, at);
    struct ir_attrs *a = &op->attr;
    a->str = symbol(r, &c, "global name");
    const struct ty *t = type_ref(r, &c);
    size_t cat = c.pos;
    a->value = dense(r, varint(r, &c, "constant index"), cat, t);
    a->alignment = (int64_t)(varint(r, &c, "alignment") & INT64_MAX);
    a->flags = 0;
    if (r->version >= 1303) {
      cat = c.pos;
      uint64_t vis = varint(r, &c, "visibility");
      if (vis > 1) fail(r, cat, "invalid symbol visibility %llu", (unsigned long long)vis);
      if (vis) a->flags |= AF_PRIVATE;
      if (varint(r, &c, "constant flag")) a->flags |= AF_CONSTANT;
    }
    append(body, op);
  }
}

/* function -> name sig flags:u8 loc [hints] len body */
static void read_function(struct reader *r, struct cur *c, struct ir_block *body) {
  size_t at = c->pos;
  const char *name = symbol(r, c, "function name");
  const struct ty *sig = type_ref(r, c);
  if (sig->kind != TY_FUNC) fail(r, at, "function signature is not a function type");
  uint8_t flags = byte(r, c, "function flags");
  if (flags & ~7) fail(r, c->pos - 1, "invalid function flags 0x%x", flags);
  size_t lat = c->pos;
  uint64_t loc = varint(r, c, "function location");
  struct ir_op *op = new_top(r, flags & BF_KERNEL ? IR_OP_entry : IR_OP_testing_func, at);
  op->attr.str = name;
  op->fn_type = sig;
  if (flags & BF_HINTS) {
    size_t hat = c->pos;
    if (!(flags & BF_KERNEL)) fail(r, hat, "only kernels have optimization hints");
    if (varint(r, c, "hints tag") != BA_HINTS) fail(r, hat, "expected optimization hints");
    op->attr.hints = hints(r, c);
  }
  size_t len = count(r, c, 0, "function body length");
  if (len > c->end - c->pos) fail(r, c->pos, "function body length %zu exceeds the %zu bytes left", len, c->end - c->pos);
  struct cur b = { c->pos, c->pos + len };
  c->pos += len;
  debug_function(r, op, loc, lat);
  op->nregions = 1;
  op->regions = alloc(r, sizeof *op->regions);
  struct ir_block *blk = op->regions[0].block = alloc(r, sizeof *blk);
  blk->parent = op;
  r->nvals = 0;
  block_args(r, blk, sig->nin, sig->ins);
  while (b.pos < b.end) append(blk, read_op(r, &b, blk));
  need_terminator(r, blk, at);
  append(body, op);
}

static void read_functions(struct reader *r, struct ir_block *body) {
  struct cur c = r->sec[BC_SEC_FUNC];
  size_t n = count(r, &c, 4, "function count");
  for (size_t i = 0; i < n; i++) read_function(r, &c, body);
  while (c.pos < c.end)                      /* trailing alignment */
    if (r->d[c.pos++] != BC_PAD) fail(r, c.pos - 1, "unexpected bytes after the functions");
}

/* The producer string goes where the text keeps it: the module's
** attributes, {producer = "..."}. */
static void read_producer(struct reader *r, struct ir_op *mod) {
  struct cur c = r->sec[BC_SEC_PRODUCER];
  size_t n;
  const char *s = string(r, &c, &n, "producer");
  struct ts_buf b = {0};
  ts_buf_puts(&b, "{producer = \"");
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == '\\') ts_buf_puts(&b, "\\\\");
    else if (ch == '"' || ch < 0x20 || ch >= 0x7f) ts_buf_printf(&b, "\\%02X", ch);
    else ts_buf_putc(&b, (char)ch);
  }
  ts_buf_puts(&b, "\"}");
  mod->attr.dict = b.s ? ts_arena_strndup(&r->m->arena, b.s, b.len) : NULL;
  ts_buf_free(&b);
  if (!mod->attr.dict) fail(r, 0, "out of memory");
}

/* ---- the file ---- */

/* header -> magic[8] major:u8 minor:u8 tag:u16 */
static void read_header(struct reader *r) {
  if (r->len < BC_MAGIC_LEN || memcmp(r->d, BC_MAGIC, BC_MAGIC_LEN))
    fail(r, 0, "bad magic number: not a Tile IR bytecode file");
  struct cur c = { BC_MAGIC_LEN, r->len };
  int major = byte(r, &c, "header"), minor = byte(r, &c, "header");
  le(r, &c, 2, "header");
  r->version = major * 100 + minor;
  if (r->version < IR_VERSION_MIN || r->version > IR_VERSION_MAX)
    fail(r, BC_MAGIC_LEN, "unsupported version %d.%d (tilesim reads 13.1 to 13.4)", major, minor);
}

/* section -> id:u8 (bit 7: aligned) len:varint [align:varint pad] payload */
static void index_sections(struct reader *r) {
  struct cur c = { BC_MAGIC_LEN + 4, r->len };
  for (;;) {
    size_t at = c.pos;
    uint8_t id = byte(r, &c, "section header");
    if (id == BC_SEC_END) {
      if (c.pos != r->len) fail(r, c.pos, "%zu bytes after the end of the bytecode", r->len - c.pos);
      return;
    }
    unsigned sid = id & 0x7f;
    if (sid >= BC_NUM_SECTIONS || sid == BC_SEC_END) fail(r, at, "unknown section id %u", sid);
    if (sid == BC_SEC_PRODUCER) need_version(r, at, 1303, "the producer section");
    if (r->have[sid]) fail(r, at, "duplicate section %u", sid);
    size_t len = (size_t)varint(r, &c, "section length");
    if (id & 0x80) {
      uint64_t align = varint(r, &c, "section alignment");
      if (align == 0 || align > 4096 || (align & (align - 1)))
        fail(r, at, "invalid section alignment %llu", (unsigned long long)align);
      align_to(r, &c, (size_t)align, "section");
    }
    if (len > c.end - c.pos) fail(r, at, "section %u length %zu exceeds the %zu bytes left", sid, len, c.end - c.pos);
    r->have[sid] = true;
    r->sec[sid] = (struct cur){ c.pos, c.pos + len };
    c.pos += len;
  }
}

static void read_file(struct reader *r) {
  read_header(r);
  index_sections(r);
  if (!r->have[BC_SEC_STRING]) fail(r, 0, "missing string section");
  if (!r->have[BC_SEC_FUNC]) fail(r, 0, "missing function section");
  read_table(r, r->sec[BC_SEC_STRING], 4, &r->strings, "string");
  if (r->have[BC_SEC_TYPE]) read_table(r, r->sec[BC_SEC_TYPE], 4, &r->types, "type");
  if (r->have[BC_SEC_CONSTANT]) read_table(r, r->sec[BC_SEC_CONSTANT], 8, &r->consts, "constant");
  if (r->have[BC_SEC_DEBUG]) read_debug(r);
  r->tycache = ts_malloc((r->types.count ? r->types.count : 1) * sizeof *r->tycache);
  r->tystate = ts_malloc(r->types.count ? r->types.count : 1);
  if (!r->tycache || !r->tystate) fail(r, 0, "out of memory");
  memset(r->tycache, 0, (r->types.count ? r->types.count : 1) * sizeof *r->tycache);
  memset(r->tystate, 0, r->types.count ? r->types.count : 1);
  struct ir_op *mod = new_top(r, IR_OP_module, 0);
  mod->attr.str = "kernels";           /* the bytecode does not keep the name */
  mod->nregions = 1;
  mod->regions = alloc(r, sizeof *mod->regions);
  struct ir_block *body = mod->regions[0].block = alloc(r, sizeof *body);
  body->parent = mod;
  if (r->have[BC_SEC_PRODUCER]) read_producer(r, mod);
  if (r->have[BC_SEC_GLOBAL]) read_globals(r, body);
  read_functions(r, body);
  r->m->op = mod;
  r->m->name = mod->attr.str;
  r->m->version = r->version;
}

/* No text starts with 0x7F or has a NUL byte: a file that does is
** bytecode, or a broken one, which the reader then reports as such. */
bool ir_is_bytecode(const void *data, size_t len) {
  return len >= 1 && (*(const uint8_t *)data == 0x7F ||
                      memchr(data, 0, len < BC_MAGIC_LEN ? len : BC_MAGIC_LEN));
}

struct ir_module *ir_read_bytecode(const char *name, const void *data, size_t len,
                                   struct ts_diag_sink *sink) {
  struct reader *r = ts_malloc(sizeof *r);
  struct ir_module *m = r ? ir_module_new() : NULL;
  if (!m) {
    ts_free(r);
    ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "out of memory");
    return NULL;
  }
  memset(r, 0, sizeof *r);
  r->d = data;
  r->len = len;
  r->name = name;
  r->sink = sink;
  r->m = m;
  r->didx = SIZE_MAX;
  bool ok = !setjmp(r->fail);
  if (ok) read_file(r);
  ts_free(r->tycache);
  ts_free(r->tystate);
  ts_free(r->vals);
  for (int i = 0; i <= IR_MAX_DEPTH; i++) ts_free(r->pool[i]);
  ts_free(r);
  if (!ok) { ir_module_free(m); return NULL; }
  return m;
}
