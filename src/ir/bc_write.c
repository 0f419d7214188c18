/*
** bc_write.c -- write a module as Tile IR bytecode of a chosen version
** (13.1 to 13.4).  Ops are encoded by their layouts in bc_optab.c, the
** same ones bc_read.c decodes.  What the chosen version cannot express
** (an op, a type or an attribute that came later, a discardable
** attribute) is refused with one message at the op, not dropped.
**
** Sections: functions, globals, constants, types, producer, strings,
** end (readers index them first, so the order is free).  No debug
** section is written: the text's loc(...) annotations are not kept.
*/
#include <config.h>
#include "bc_int.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir_int.h"

/* A byte buffer. */
struct bytes { uint8_t *p; size_t len, cap; };

/* An interning table of byte strings (strings, constants), in order. */
struct itab {
  struct bytes data;          /* the entries, concatenated */
  size_t *off;                /* start of entry i; off[n] = data.len */
  size_t n, cap;
  uint32_t *slot;             /* hash: entry index + 1, 0 = empty */
  size_t nslot;
};

struct writer {
  const struct ir_module *m;
  int version;
  struct ts_diag_sink *sink;
  jmp_buf fail;
  struct itab strings, consts;
  /* types: interned pointers, so a pointer hash */
  const struct ty **tys;
  struct bytes tydata;
  size_t *tyoff, ntys, captys;
  uint32_t *tyslot;
  size_t ntyslot;
  /* scoped value numbering: slot[v->id] = position on the stack */
  uint32_t *pos;
  const struct ir_value **stack;
  size_t nstack, capstack;
  /* scratch buffers, taken and given back in stack order: a refusal
  ** longjmps over their users, and the writer frees them all at the end */
  struct bytes pool[64];
  int npool;
};

noreturn static void refuse(struct writer *w, const struct ir_op *op, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

noreturn static void refuse(struct writer *w, const struct ir_op *op, const char *fmt, ...) {
  char msg[600], v[8];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ts_diag_emit(w->sink, TS_ERROR, op ? op->loc : (struct ts_loc){0},
               "cannot write bytecode %s: %s", bc_version_name(w->version, v), msg);
  longjmp(w->fail, 1);
}

static void oom(struct writer *w) {
  ts_diag_emit(w->sink, TS_ERROR, (struct ts_loc){0}, "out of memory");
  longjmp(w->fail, 1);
}

static void *grow(struct writer *w, void *p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return p;
  size_t c = *cap ? *cap : 64;
  while (c < need) c *= 2;
  void *n = ts_realloc(p, c * elem);
  if (!n) oom(w);
  *cap = c;
  return n;
}

/* ---- primitives ---- */

static void put(struct writer *w, struct bytes *b, const void *s, size_t n) {
  b->p = grow(w, b->p, &b->cap, b->len + n, 1);
  if (n) memcpy(b->p + b->len, s, n);
  b->len += n;
}

static void put8(struct writer *w, struct bytes *b, uint8_t c) { put(w, b, &c, 1); }

static struct bytes *scratch(struct writer *w) {
  if (w->npool == (int)(sizeof w->pool / sizeof w->pool[0])) oom(w);
  struct bytes *b = &w->pool[w->npool++];
  b->len = 0;
  return b;
}

static void unscratch(struct writer *w, struct bytes *b) {
  w->npool--;
  (void)b;                    /* == &w->pool[w->npool]; its memory is reused */
}

static void varint(struct writer *w, struct bytes *b, uint64_t v) {
  uint8_t t[10];
  int n = 0;
  do {
    t[n] = v & 0x7f;
    v >>= 7;
    if (v) t[n] |= 0x80;
    n++;
  } while (v);
  put(w, b, t, (size_t)n);
}

static void svarint(struct writer *w, struct bytes *b, int64_t v) {
  varint(w, b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

static void le(struct writer *w, struct bytes *b, uint64_t v, int width) {
  uint8_t t[8];
  for (int i = 0; i < width; i++) t[i] = (uint8_t)(v >> (8 * i));
  put(w, b, t, (size_t)width);
}

static void pad(struct writer *w, struct bytes *b, size_t base, size_t align) {
  while ((base + b->len) % align) put8(w, b, BC_PAD);
}

/* ---- interning tables ---- */

static uint64_t fnv(const void *s, size_t n) {
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < n; i++) h = (h ^ ((const uint8_t *)s)[i]) * 1099511628211u;
  return h;
}

static void rehash(struct writer *w, struct itab *t) {
  size_t n = t->nslot ? t->nslot * 2 : 256;
  uint32_t *s = ts_malloc(n * sizeof *s);
  if (!s) oom(w);
  memset(s, 0, n * sizeof *s);
  for (size_t i = 0; i < t->n; i++) {
    size_t j = fnv(t->data.p + t->off[i], t->off[i + 1] - t->off[i]) & (n - 1);
    while (s[j]) j = (j + 1) & (n - 1);
    s[j] = (uint32_t)(i + 1);
  }
  ts_free(t->slot);
  t->slot = s;
  t->nslot = n;
}

/* The index of byte string s (n bytes) in t, added if new. */
static size_t intern(struct writer *w, struct itab *t, const void *s, size_t n) {
  if ((t->n + 1) * 2 > t->nslot) rehash(w, t);
  size_t j = fnv(s, n) & (t->nslot - 1);
  for (; t->slot[j]; j = (j + 1) & (t->nslot - 1)) {
    size_t i = t->slot[j] - 1;
    if (t->off[i + 1] - t->off[i] == n && !memcmp(t->data.p + t->off[i], s, n)) return i;
  }
  t->off = grow(w, t->off, &t->cap, t->n + 2, sizeof *t->off);
  if (!t->n) t->off[0] = 0;
  put(w, &t->data, s, n);
  t->off[t->n + 1] = t->data.len;
  t->slot[j] = (uint32_t)(t->n + 1);
  return t->n++;
}

static void free_itab(struct itab *t) {
  ts_free(t->data.p);
  ts_free(t->off);
  ts_free(t->slot);
}

static size_t str_index(struct writer *w, const char *s, size_t n) {
  return intern(w, &w->strings, s, n);
}

/* ---- types ---- */

static size_t type_index(struct writer *w, const struct ir_op *op, const struct ty *t);

static void need(struct writer *w, const struct ir_op *op, int since, const char *what) {
  char v[8];
  if (w->version < since) refuse(w, op, "%s needs version %s or later", what, bc_version_name(since, v));
}

static void i_list(struct writer *w, struct bytes *b, const int64_t *v, int n, int width) {
  varint(w, b, (uint64_t)n);
  for (int i = 0; i < n; i++) le(w, b, (uint64_t)v[i], width);
}

static void view_body(struct writer *w, struct bytes *b, const struct ir_op *op,
                      const struct ty *t) {
  int64_t id[16];
  for (int i = 0; i < 16; i++) id[i] = i;
  bool pad_on = t->padding != PAD_NONE;
  bool unified = t->kind != TY_PARTITION_VIEW || w->version >= 1303;
  if (unified) varint(w, b, pad_on);
  i_list(w, b, t->shape, t->rank, 4);
  if (t->kind == TY_STRIDED_VIEW) i_list(w, b, t->strides, t->rank, 4);
  varint(w, b, type_index(w, op, t->tv));
  if (t->kind == TY_GATHER_SCATTER_VIEW) varint(w, b, (uint64_t)t->sparse_dim);
  else i_list(w, b, t->dim_map ? t->dim_map : id, t->rank, 4);
  if (!unified) varint(w, b, pad_on);
  if (pad_on) varint(w, b, (uint64_t)t->padding);
}

/* The encoding of t into b (its parts are registered first). */
static void encode_type(struct writer *w, struct bytes *b, const struct ir_op *op,
                        const struct ty *t) {
  switch (t->kind) {
  case TY_INT: case TY_FLOAT:
    need(w, op, bc_elem_since(t->elem), ty_elem_names[t->elem]);
    varint(w, b, (uint64_t)bc_elem_tag(t->elem));
    break;
  case TY_TOKEN: varint(w, b, BT_TOKEN); break;
  case TY_PTR: {
    size_t e = type_index(w, op, t->elt);
    varint(w, b, BT_PTR);
    if (w->version >= 1304) varint(w, b, 0);      /* no pointer attribute */
    varint(w, b, e);
    break;
  }
  case TY_TILE: {
    size_t e = type_index(w, op, t->elt);
    varint(w, b, BT_TILE);
    varint(w, b, e);
    i_list(w, b, t->shape, t->rank, 8);
    break;
  }
  case TY_TENSOR_VIEW: {
    size_t e = type_index(w, op, t->elt);
    varint(w, b, BT_TENSOR_VIEW);
    if (w->version >= 1304) varint(w, b, 0);
    varint(w, b, e);
    i_list(w, b, t->shape, t->rank, 8);
    i_list(w, b, t->strides, t->rank, 8);
    break;
  }
  case TY_PARTITION_VIEW: case TY_STRIDED_VIEW: case TY_GATHER_SCATTER_VIEW: {
    if (t->kind != TY_PARTITION_VIEW)
      need(w, op, 1303, t->kind == TY_STRIDED_VIEW ? "strided_view" : "gather_scatter_view");
    type_index(w, op, t->tv);
    varint(w, b, t->kind == TY_PARTITION_VIEW ? BT_PARTITION_VIEW
                 : t->kind == TY_STRIDED_VIEW ? BT_STRIDED_VIEW : BT_GATHER_SCATTER_VIEW);
    view_body(w, b, op, t);
    break;
  }
  case TY_FUNC: {
    for (int i = 0; i < t->nin; i++) type_index(w, op, t->ins[i]);
    for (int i = 0; i < t->nout; i++) type_index(w, op, t->outs[i]);
    varint(w, b, BT_FUNC);
    varint(w, b, (uint64_t)t->nin);
    for (int i = 0; i < t->nin; i++) varint(w, b, type_index(w, op, t->ins[i]));
    varint(w, b, (uint64_t)t->nout);
    for (int i = 0; i < t->nout; i++) varint(w, b, type_index(w, op, t->outs[i]));
    break;
  }
  }
}

static size_t ptr_hash(const void *p) { return (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15u); }

static void type_rehash(struct writer *w) {
  size_t n = w->ntyslot ? w->ntyslot * 2 : 256;
  uint32_t *s = ts_malloc(n * sizeof *s);
  if (!s) oom(w);
  memset(s, 0, n * sizeof *s);
  for (size_t i = 0; i < w->ntys; i++) {
    size_t j = ptr_hash(w->tys[i]) & (n - 1);
    while (s[j]) j = (j + 1) & (n - 1);
    s[j] = (uint32_t)(i + 1);
  }
  ts_free(w->tyslot);
  w->tyslot = s;
  w->ntyslot = n;
}

/* Types are interned, so one entry per pointer; parts come first. */
static size_t type_index(struct writer *w, const struct ir_op *op, const struct ty *t) {
  if ((w->ntys + 1) * 2 > w->ntyslot) type_rehash(w);
  size_t j = ptr_hash(t) & (w->ntyslot - 1);
  for (; w->tyslot[j]; j = (j + 1) & (w->ntyslot - 1))
    if (w->tys[w->tyslot[j] - 1] == t) return w->tyslot[j] - 1;
  struct bytes *b = scratch(w);
  encode_type(w, b, op, t);           /* may add the parts: rehash, new j */
  size_t i = w->ntys;
  w->tys = grow(w, w->tys, &w->captys, i + 1, sizeof *w->tys);
  size_t cap = w->captys;
  size_t *off = ts_realloc(w->tyoff, (cap + 1) * sizeof *w->tyoff);
  if (!off) oom(w);
  w->tyoff = off;
  w->tys[i] = t;
  w->tyoff[i] = w->tydata.len;
  put(w, &w->tydata, b->p, b->len);
  unscratch(w, b);
  w->ntys++;
  if ((w->ntys + 1) * 2 > w->ntyslot) type_rehash(w);
  else {
    j = ptr_hash(t) & (w->ntyslot - 1);
    while (w->tyslot[j]) j = (j + 1) & (w->ntyslot - 1);
    w->tyslot[j] = (uint32_t)(i + 1);
  }
  return i;
}

/* ---- constants ---- */

static int elem_bytes(enum ty_elem e) { return (ty_elem_bits(e) + 7) / 8; }

/* MLIR's raw dense buffer: one element when all are equal (a splat),
** else all of them; i1 splats are 0x00/0xFF, other i1 lists bit-packed. */
static size_t const_index(struct writer *w, const struct ir_dense *d) {
  enum ty_elem e = d->type->elt->elem;
  bool splat = true;
  for (int64_t i = 1; i < d->n && splat; i++) splat = d->bits[i] == d->bits[0];
  struct bytes *raw = scratch(w), *b = scratch(w);
  if (e == EL_I1 && splat) put8(w, raw, d->bits[0] & 1 ? 0xff : 0);
  else if (e == EL_I1) {
    for (int64_t i = 0; i < d->n; i += 8) {
      uint8_t c = 0;
      for (int k = 0; k < 8 && i + k < d->n; k++) c |= (uint8_t)((d->bits[i + k] & 1) << k);
      put8(w, raw, c);
    }
  } else {
    for (int64_t i = 0; i < (splat ? 1 : d->n); i++) le(w, raw, d->bits[i], elem_bytes(e));
  }
  varint(w, b, raw->len);
  put(w, b, raw->p, raw->len);
  size_t k = intern(w, &w->consts, b->p, b->len);
  unscratch(w, b);
  unscratch(w, raw);
  return k;
}

/* ---- values ---- */

static void push_value(struct writer *w, const struct ir_value *v) {
  w->stack = grow(w, w->stack, &w->capstack, w->nstack + 1, sizeof *w->stack);
  w->pos[v->id] = (uint32_t)w->nstack;
  w->stack[w->nstack++] = v;
}

static size_t value_index(struct writer *w, const struct ir_op *op, const struct ir_value *v) {
  if (v->id >= w->m->nvalues || w->pos[v->id] >= w->nstack || w->stack[w->pos[v->id]] != v)
    refuse(w, op, "'%s' uses a value that has no number in this version or scope",
           ir_optab[op->code].name);
  return w->pos[v->id];
}

/* ---- attributes ---- */

/* The default of an enum attribute the text may leave out: rounding from
** the op's format ({rnd=...}), overflow none. */
static int enum_default(const struct ir_op *op, int attr) {
  if (attr == BA_OVF) return OVF_NONE;
  const char *fmt = ir_optab[op->code].fmt, *d = fmt ? strstr(fmt, "{rnd=") : NULL;
  if (attr != BA_RND || !d) return -1;
  d += 5;
  for (int i = 0; i < RND_COUNT; i++) {
    size_t n = strlen(ir_rounding_names[i]);
    if (!strncmp(d, ir_rounding_names[i], n) && d[n] == '}') return i;
  }
  return -1;
}

static int enum_field(const struct ir_attrs *a, int attr) {
  switch (attr) {
  case BA_RND: return a->rounding;
  case BA_OVF: return a->overflow;
  case BA_SIGN: return a->signedness;
  case BA_SIGN_RHS: return a->sign_rhs;
  case BA_PRED: return a->pred;
  case BA_ORD: return a->order;
  case BA_MO: return a->mem_order;
  case BA_SCOPE: return a->scope;
  case BA_MODE: return a->mode;
  default: return -2;
  }
}

static unsigned unit_bit(int attr) {
  switch (attr) {
  case BA_FTZ: return AF_FTZ;
  case BA_PNAN: return AF_PROPAGATE_NAN;
  case BA_FAST_ACC: return AF_FAST_ACC;
  case BA_GLOBAL: return AF_GLOBAL;
  case BA_SATURATING: return AF_SATURATING;
  case BA_UNSIGNED_CMP: return AF_UNSIGNED_CMP;
  default: return 0;
  }
}

/* An integer hint value as an i32 Integer attribute; true/false as Bool. */
static void hint_value(struct writer *w, struct bytes *b, const struct ir_op *op,
                       const struct ir_hint_entry *e) {
  if (!strcmp(e->val, "true") || !strcmp(e->val, "false")) {
    varint(w, b, BA_BOOL);
    put8(w, b, e->val[0] == 't');
    return;
  }
  char *end;
  long long v = strtoll(e->val, &end, 0);
  if (*end || end == e->val || v < INT32_MIN || v > INT32_MAX)
    refuse(w, op, "optimization hint '%s = %s' is not an i32 or a bool", e->key, e->val);
  varint(w, b, BA_INTEGER);
  varint(w, b, type_index(w, op, ty_elem_get(w->m->types, EL_I32)));
  varint(w, b, (uint32_t)(int32_t)v);
}

static void hints(struct writer *w, struct bytes *b, const struct ir_op *op,
                  const struct ir_hints *h) {
  varint(w, b, (uint64_t)h->n);
  for (int i = 0; i < h->n; i++) {
    varint(w, b, str_index(w, h->a[i].arch, strlen(h->a[i].arch)));
    varint(w, b, BA_DICT);
    varint(w, b, (uint64_t)h->a[i].n);
    for (int j = 0; j < h->a[i].n; j++) {
      varint(w, b, str_index(w, h->a[i].e[j].key, strlen(h->a[i].e[j].key)));
      hint_value(w, b, op, &h->a[i].e[j]);
    }
  }
}

static uint64_t masked(const struct ty *t, uint64_t bits) {
  int n = ty_elem_bits(t->elem);
  return n >= 64 ? bits : bits & (((uint64_t)1 << n) - 1);
}

static void identities(struct writer *w, struct bytes *b, const struct ir_op *op) {
  const struct ir_attrs *a = &op->attr;
  varint(w, b, (uint64_t)a->nident);
  for (int i = 0; i < a->nident; i++) {
    const struct ty *t = a->ident[i].type;
    uint64_t v = masked(t, a->ident[i].bits);
    varint(w, b, t->kind == TY_FLOAT ? BA_FLOAT : BA_INTEGER);
    varint(w, b, type_index(w, op, t));
    if (t->kind == TY_FLOAT && ty_elem_bits(t->elem) > 8) svarint(w, b, (int64_t)v);
    else if (t->kind == TY_FLOAT || t->elem == EL_I1) put8(w, b, (uint8_t)v);
    else varint(w, b, v);
  }
}

static void assume(struct writer *w, struct bytes *b, const struct ir_assume *a) {
  if (a->kind == AS_DIV_BY) {
    varint(w, b, BA_DIV_BY);
    varint(w, b, (uint64_t)a->div);
    put8(w, b, a->has_every ? 3 : 0);
    if (a->has_every) { svarint(w, b, a->every); svarint(w, b, a->along); }
  } else if (a->kind == AS_SAME_ELEMENTS) {
    varint(w, b, BA_SAME_ELEMENTS);
    i_list(w, b, a->same, a->n, 8);
  } else {
    varint(w, b, BA_BOUNDED);
    put8(w, b, (uint8_t)(a->has_lb | a->has_ub << 1));
    if (a->has_lb) svarint(w, b, a->lb);
    if (a->has_ub) svarint(w, b, a->ub);
  }
}

/* The payload of attribute attr of op; nidx: the op's index count. */
static void write_attr(struct writer *w, struct bytes *b, const struct ir_op *op,
                       int attr, int nidx) {
  const struct ir_attrs *a = &op->attr;
  int e = enum_field(a, attr);
  if (e != -2) {
    if (e < 0) e = enum_default(op, attr);
    if (e < 0) refuse(w, op, "'%s' lacks its %s attribute", ir_optab[op->code].name, bc_attr_name(attr));
    varint(w, b, (uint64_t)e);
    return;
  }
  switch (attr) {
  case BA_DIM: varint(w, b, (uint64_t)a->dim); break;
  case BA_NUM_ELEM: varint(w, b, (uint64_t)a->num_elem); break;
  case BA_ALIGNMENT: varint(w, b, (uint64_t)a->alignment); break;
  case BA_REVERSE: put8(w, b, (a->flags & AF_REVERSE) != 0); break;
  case BA_PERM: i_list(w, b, a->perm, a->nperm, 4); break;
  case BA_STR: varint(w, b, str_index(w, a->str ? a->str : "", a->str ? a->strlen : 0)); break;
  case BA_SYM: varint(w, b, str_index(w, a->str, strlen(a->str))); break;
  case BA_VALUE: varint(w, b, const_index(w, a->value)); break;
  case BA_IDENT: identities(w, b, op); break;
  case BA_HINTS_ATTR: hints(w, b, op, a->hints); break;
  case BA_ASSUME: assume(w, b, a->assume); break;
  case BA_INBOUNDS:
    varint(w, b, (uint64_t)nidx);
    for (int i = 0; i < nidx; i++) put8(w, b, 0);
    break;
  }
}

/* Is optional item it (with a flag bit) present in op? */
static bool present(const struct ir_op *op, const struct bc_item *it, int group) {
  if (it->kind == BI_UNIT) return op->attr.flags & unit_bit(it->attr);
  if (it->kind == BI_ATTR)
    return it->attr == BA_SCOPE ? op->attr.scope >= 0 : op->attr.hints != NULL;
  int n;
  ir_op_group(op, group, &n);
  return n > 0;
}

/* ---- ops ---- */

static void write_op(struct writer *w, struct bytes *b, const struct ir_op *op);

static void write_block(struct writer *w, struct bytes *b, const struct ir_op *op,
                        const struct ir_block *blk) {
  size_t mark = w->nstack, nops = 0;
  varint(w, b, (uint64_t)blk->nargs);
  for (int i = 0; i < blk->nargs; i++) {
    varint(w, b, type_index(w, op, blk->args[i].type));
    push_value(w, &blk->args[i]);
  }
  for (const struct ir_op *o = blk->first; o; o = o->next) nops++;
  varint(w, b, nops);
  for (const struct ir_op *o = blk->first; o; o = o->next) write_op(w, b, o);
  w->nstack = mark;
}

static void write_regions(struct writer *w, struct bytes *b, const struct ir_op *op) {
  varint(w, b, (uint64_t)op->nregions);
  for (int i = 0; i < op->nregions; i++) {
    const struct ir_block *blk = op->regions[i].block;
    varint(w, b, blk != NULL);
    if (blk) write_block(w, b, op, blk);
  }
}

/* The flags of op under layout l; refuses a bit its version lacks. */
static uint64_t op_flags(struct writer *w, const struct ir_op *op, const struct bc_layout *l,
                         int *nidx) {
  uint64_t flags = 0;
  int fsince = 0, g = 0;
  *nidx = 0;
  for (int k = 0; k < l->n; k++) {
    const struct bc_item *it = &l->item[k];
    bool opnd = it->kind == BI_OPND || it->kind == BI_OPND_LIST ||
                it->kind == BI_OPND_REST || it->kind == BI_OPND_OPT;
    if (it->kind == BI_FLAGS) fsince = it->since;
    if (it->kind == BI_OPND_LIST && !*nidx) {
      int n;
      ir_op_group(op, g, &n);
      *nidx = n;
    }
    if (it->bit >= 0 && present(op, it, g)) {
      int since = it->since > fsince ? it->since : fsince;
      char v[8];
      int n;
      struct ir_value **val = ir_op_group(op, g, &n);
      const char *what = it->kind != BI_OPND ? bc_attr_name(it->attr)
                         : val[0]->type->kind == TY_TOKEN ? "a token operand" : "an optional operand";
      if (since > w->version)
        refuse(w, op, "'%s' with %s needs version %s or later", ir_optab[op->code].name, what,
               bc_version_name(since, v));
      flags |= (uint64_t)1 << it->bit;
    }
    g += opnd;
  }
  return flags;
}

/* An attribute its version lacks: only its default can be left out. */
static void check_absent(struct writer *w, const struct ir_op *op, const struct bc_item *it) {
  int e = enum_field(&op->attr, it->attr);
  char v[8];
  if (e >= 0 && e != enum_default(op, it->attr))
    refuse(w, op, "'%s' with a non-default %s needs version %s or later",
           ir_optab[op->code].name, bc_attr_name(it->attr), bc_version_name(it->since, v));
}

static void write_items(struct writer *w, struct bytes *b, const struct ir_op *op,
                        const struct bc_layout *l, int nres) {
  int nidx, g = 0;
  uint64_t flags = op_flags(w, op, l, &nidx);
  for (int k = 0; k < l->n; k++) {
    const struct bc_item *it = &l->item[k];
    bool on = it->bit < 0 || (flags >> it->bit) & 1;
    int n;
    struct ir_value **v;
    if (it->since > w->version) {
      if (it->kind == BI_ATTR) check_absent(w, op, it);
      continue;
    }
    switch (it->kind) {
    case BI_RES:
      for (int i = 0; i < nres; i++) varint(w, b, type_index(w, op, op->out[i].type));
      break;
    case BI_RES_LIST:
      varint(w, b, (uint64_t)nres);
      for (int i = 0; i < nres; i++) varint(w, b, type_index(w, op, op->out[i].type));
      break;
    case BI_FLAGS: varint(w, b, flags); break;
    case BI_UNIT: break;
    case BI_ATTR: if (on) write_attr(w, b, op, it->attr, nidx); break;
    case BI_OPND: case BI_OPND_REST: case BI_OPND_OPT: case BI_OPND_LIST:
      v = ir_op_group(op, g++, &n);
      if (it->kind == BI_OPND && it->bit < 0 && n != 1)
        refuse(w, op, "'%s' needs operand %d in bytecode", ir_optab[op->code].name, g);
      if (it->kind == BI_OPND_LIST) varint(w, b, (uint64_t)n);
      for (int i = 0; i < n; i++) varint(w, b, value_index(w, op, v[i]));
      break;
    case BI_COUNT: {
      int total = 0;
      for (int j = k + 1, gg = g; j < l->n; j++)
        if (l->item[j].kind == BI_OPND || l->item[j].kind == BI_OPND_REST ||
            l->item[j].kind == BI_OPND_OPT) {
          ir_op_group(op, gg++, &n);
          total += n;
        }
      varint(w, b, (uint64_t)total);
      break;
    }
    case BI_REGIONS: write_regions(w, b, op); break;
    }
  }
}

static void write_op(struct writer *w, struct bytes *b, const struct ir_op *op) {
  struct bc_layout l;
  const char *name = ir_optab[op->code].name;
  char v[8];
  if (bc_layout_get(op->code, &l)) refuse(w, op, "'%s' cannot appear in a function body", name);
  if (ir_optab[op->code].since > w->version)
    refuse(w, op, "'%s' needs version %s or later", name, bc_version_name(ir_optab[op->code].since, v));
  if (op->attr.dict) refuse(w, op, "'%s' has discardable attributes %s", name, op->attr.dict);
  int nres = op->nout;
  if (l.last_res_since > w->version) nres--;    /* print_tko's token before 13.2 */
  varint(w, b, (uint64_t)ir_optab[op->code].bc);
  write_items(w, b, op, &l, nres);
  for (int i = 0; i < nres; i++) push_value(w, &op->out[i]);
}

/* ---- module structure ---- */

/* function -> name sig flags:u8 loc:varint [hints] len:varint body */
static void write_function(struct writer *w, struct bytes *b, const struct ir_op *fn) {
  const struct ir_block *blk = fn->regions[0].block;
  bool kernel = fn->code == IR_OP_entry;
  bool has_hints = kernel && fn->attr.hints && fn->attr.hints->n;
  if (fn->attr.dict) refuse(w, fn, "'%s' has discardable attributes %s", ir_optab[fn->code].name, fn->attr.dict);
  varint(w, b, str_index(w, fn->attr.str, strlen(fn->attr.str)));
  varint(w, b, type_index(w, fn, fn->fn_type));
  put8(w, b, (uint8_t)((kernel ? BF_KERNEL : 0) | (has_hints ? BF_HINTS : 0)));
  varint(w, b, 0);                                  /* no debug location */
  if (has_hints) {
    varint(w, b, BA_HINTS);
    hints(w, b, fn, fn->attr.hints);
  }
  struct bytes *body = scratch(w);
  w->nstack = 0;
  for (int i = 0; i < blk->nargs; i++) push_value(w, &blk->args[i]);
  for (const struct ir_op *o = blk->first; o; o = o->next) write_op(w, body, o);
  varint(w, b, body->len);
  put(w, b, body->p, body->len);
  unscratch(w, body);
}

/* global -> name type const alignment [visibility constant] */
static void write_global(struct writer *w, struct bytes *b, const struct ir_op *op) {
  const struct ir_attrs *a = &op->attr;
  if (a->dict) refuse(w, op, "'global' has discardable attributes %s", a->dict);
  if (w->version < 1303 && (a->flags & (AF_PRIVATE | AF_CONSTANT)))
    refuse(w, op, "a %s global needs version 13.3 or later",
           a->flags & AF_PRIVATE ? "private" : "constant");
  varint(w, b, str_index(w, a->str, strlen(a->str)));
  varint(w, b, type_index(w, op, a->value->type));
  varint(w, b, const_index(w, a->value));
  varint(w, b, (uint64_t)(a->alignment > 0 ? a->alignment : 0));
  if (w->version >= 1303) {
    varint(w, b, (a->flags & AF_PRIVATE) != 0);
    varint(w, b, (a->flags & AF_CONSTANT) != 0);
  }
}

/* The producer out of the module's attributes {producer = "..."}, which
** is all of them the bytecode can hold.  MLIR string escapes: \\ \" \n
** \t and \XX. */
static size_t producer(struct writer *w, const struct ir_op *mod, char *out, size_t cap) {
  static const char pre[] = "{producer = \"";
  const char *s = mod->attr.dict;
  size_t n = 0;
  if (strncmp(s, pre, sizeof pre - 1)) refuse(w, mod, "module attributes %s cannot be written", s);
  for (s += sizeof pre - 1; *s && *s != '"'; s++) {
    char c = *s;
    if (c == '\\') {
      s++;
      if (*s == 'n') c = '\n';
      else if (*s == 't') c = '\t';
      else if (*s == '"' || *s == '\\') c = *s;
      else if (s[0] && s[1]) {
        char h[3] = { s[0], s[1], 0 };
        c = (char)strtol(h, NULL, 16);
        s++;
      }
    }
    if (n == cap) refuse(w, mod, "producer string too long");
    out[n++] = c;
  }
  if (strcmp(s, "\"}")) refuse(w, mod, "module attributes %s cannot be written", mod->attr.dict);
  need(w, mod, 1303, "a producer");
  return n;
}

/* section -> id:u8 len:varint [align:varint pad] payload */
static void section(struct writer *w, struct bytes *out, int id, size_t align,
                    const struct bytes *payload) {
  put8(w, out, (uint8_t)(id | (align > 1 ? 0x80 : 0)));
  varint(w, out, payload->len);
  if (align > 1) {
    varint(w, out, align);
    pad(w, out, 0, align);
  }
  put(w, out, payload->p, payload->len);
}

/* table -> count:varint pad offsets[count] data */
static void table(struct writer *w, struct bytes *b, size_t base, size_t n,
                  const size_t *off, const struct bytes *data, int width) {
  varint(w, b, n);
  if (n) pad(w, b, base, (size_t)width);
  for (size_t i = 0; i < n; i++) le(w, b, off[i], width);
  put(w, b, data->p, data->len);
}

static void write_module(struct writer *w, struct bytes *out) {
  const struct ir_op *mod = w->m->op;
  if (!mod || mod->next) refuse(w, mod ? mod->next : NULL, "a bytecode file holds exactly one module");
  struct bytes *funcs = scratch(w), *globals = scratch(w), *sec = scratch(w), *prod = scratch(w);
  size_t nfuncs = 0, nglobals = 0;
  char pbuf[4096];
  put(w, out, BC_MAGIC, BC_MAGIC_LEN);
  put8(w, out, (uint8_t)(w->version / 100));
  put8(w, out, (uint8_t)(w->version % 100));
  le(w, out, 0, 2);
  if (mod->attr.dict) varint(w, prod, str_index(w, pbuf, producer(w, mod, pbuf, sizeof pbuf)));
  const struct ir_block *body = mod->regions[0].block;
  for (const struct ir_op *op = body ? body->first : NULL; op; op = op->next) {
    if (op->code == IR_OP_global) { write_global(w, globals, op); nglobals++; }
    else if (op->code == IR_OP_entry || op->code == IR_OP_testing_func) nfuncs++;
    else refuse(w, op, "'%s' cannot appear at the top of a module", ir_optab[op->code].name);
  }
  varint(w, funcs, nfuncs);
  for (const struct ir_op *op = body ? body->first : NULL; op; op = op->next)
    if (op->code != IR_OP_global) write_function(w, funcs, op);
  pad(w, funcs, 0, 8);                      /* as NVIDIA's writer ends it */
  section(w, out, BC_SEC_FUNC, 8, funcs);
  if (nglobals) {
    varint(w, sec, nglobals);
    put(w, sec, globals->p, globals->len);
    section(w, out, BC_SEC_GLOBAL, 1, sec);
    sec->len = 0;
  }
  if (w->consts.n) {
    table(w, sec, 0, w->consts.n, w->consts.off, &w->consts.data, 8);
    section(w, out, BC_SEC_CONSTANT, 8, sec);
    sec->len = 0;
  }
  table(w, sec, 0, w->ntys, w->tyoff, &w->tydata, 4);
  section(w, out, BC_SEC_TYPE, 4, sec);
  sec->len = 0;
  if (prod->len) section(w, out, BC_SEC_PRODUCER, 1, prod);
  table(w, sec, 0, w->strings.n, w->strings.off, &w->strings.data, 4);
  section(w, out, BC_SEC_STRING, 4, sec);
  put8(w, out, BC_SEC_END);
  unscratch(w, prod);
  unscratch(w, sec);
  unscratch(w, globals);
  unscratch(w, funcs);
}

int ir_write_bytecode(const struct ir_module *m, int version, struct ts_buf *out,
                      struct ts_diag_sink *sink) {
  struct writer *w = ts_malloc(sizeof *w);
  if (!w) { ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "out of memory"); return -1; }
  memset(w, 0, sizeof *w);
  w->m = m;
  w->version = version;
  w->sink = sink;
  struct bytes b = {0};
  struct bytes *volatile pb = &b;
  int rc = -1;
  if (version < IR_VERSION_MIN || version > IR_VERSION_MAX) {
    ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "unsupported bytecode version %d.%d",
                 version / 100, version % 100);
  } else if (!setjmp(w->fail)) {
    w->pos = ts_malloc((m->nvalues ? m->nvalues : 1) * sizeof *w->pos);
    if (!w->pos) oom(w);
    memset(w->pos, 0xff, (m->nvalues ? m->nvalues : 1) * sizeof *w->pos);
    write_module(w, pb);
    ts_buf_putn(out, (const char *)b.p, b.len);
    rc = out->oom ? -1 : 0;
    if (rc) ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "out of memory");
  }
  ts_free(pb->p);
  free_itab(&w->strings);
  free_itab(&w->consts);
  ts_free(w->tys);
  ts_free(w->tydata.p);
  ts_free(w->tyoff);
  ts_free(w->tyslot);
  ts_free(w->pos);
  ts_free(w->stack);
  for (size_t i = 0; i < sizeof w->pool / sizeof w->pool[0]; i++) ts_free(w->pool[i].p);
  ts_free(w);
  return rc;
}
