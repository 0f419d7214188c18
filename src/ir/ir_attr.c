/*
** ir_attr.c -- the attribute directives of the format language ({rnd},
** {sign}, ...): one row each in attr_table, with its parser and printer.
** Also the compound attributes: optimization hints, dense literals,
** assume predicates and typed identities.
*/
#include <config.h>
#include "ir_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const ir_rounding_names[RND_COUNT] = {
  "nearest_even", "zero", "negative_inf", "positive_inf", "approx", "full",
  "nearest_int_to_zero", "nearest_away",
};
const char *const ir_mem_order_names[5] = {
  "weak", "relaxed", "acquire", "release", "acq_rel",
};
const char *const ir_scope_names[3] = { "tl_blk", "device", "sys" };
const char *const ir_atomic_mode_names[10] = {
  "and", "or", "xor", "add", "addf", "max", "min", "umax", "umin", "xchg",
};
const char *const ir_cmp_pred_names[6] = {
  "equal", "not_equal", "less_than", "less_than_or_equal", "greater_than",
  "greater_than_or_equal",
};
const char *const ir_overflow_names[4] = {
  "none", "no_signed_wrap", "no_unsigned_wrap", "no_wrap",
};
static const char *const sign_names[2] = { "unsigned", "signed" };
static const char *const order_names[2] = { "unordered", "ordered" };

/* ---- helpers ---- */

static void word(struct printer *pr, const char *s) {
  print_sep(pr);
  print_raw(pr, s);
  pr->space = true;
}

/* name<value> with value one of names[] */
static int parse_wrapped_enum(struct parser *p, const char *const *names, int n,
                              const char *what) {
  parse_expect_punct(p, '<');
  int v = parse_enum_kw(p, names, n);
  if (v < 0) parse_fail_tok(p, "expected %s", what);
  parse_next(p);
  parse_expect_punct(p, '>');
  return v;
}

static int required_kw(struct parser *p, const char *const *names, int n,
                       const char *what) {
  int v = parse_enum_kw(p, names, n);
  if (v < 0) {
    struct ts_buf b = {0};
    for (int i = 0; i < n; i++) ts_buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
    char list[256];
    snprintf(list, sizeof list, "%s", b.s ? b.s : "");
    ts_buf_free(&b);
    parse_fail_tok(p, "expected %s (one of: %s)", what, list);
  }
  parse_next(p);
  return v;
}

/* ---- the directives ---- */

static void parse_rnd(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  if (parse_accept_kw(p, "rounding"))
    b->op->attr.rounding = (int8_t)parse_wrapped_enum(p, ir_rounding_names, RND_COUNT,
                                                      "rounding mode");
}
static void print_rnd(struct printer *pr, const struct ir_op *op, const char *d) {
  int r = op->attr.rounding;
  if (r < 0 || (d && strcmp(ir_rounding_names[r], d) == 0)) return;
  print_sep(pr);
  ts_buf_printf(pr->b, "rounding<%s>", ir_rounding_names[r]);
  pr->space = true;
}

static void parse_ovf(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  if (parse_accept_kw(p, "overflow"))
    b->op->attr.overflow = (int8_t)parse_wrapped_enum(p, ir_overflow_names, 4,
                                                      "overflow flag");
}
static void print_ovf(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  if (op->attr.overflow <= OVF_NONE) return;
  print_sep(pr);
  ts_buf_printf(pr->b, "overflow<%s>", ir_overflow_names[op->attr.overflow]);
  pr->space = true;
}

/* A unit attribute: the keyword sets flag bit f. */
#define UNIT(fn, kw, f)                                                       \
  static void parse_##fn(struct parser *p, struct opbuild *b, const char *d) { \
    (void)d;                                                                  \
    if (parse_accept_kw(p, kw)) b->op->attr.flags |= (f);                     \
  }                                                                           \
  static void print_##fn(struct printer *pr, const struct ir_op *op,          \
                         const char *d) {                                     \
    (void)d;                                                                  \
    if (op->attr.flags & (f)) word(pr, kw);                                   \
  }
UNIT(ftz, "flush_to_zero", AF_FTZ)
UNIT(fast_acc, "fast_acc", AF_FAST_ACC)
UNIT(global, "global", AF_GLOBAL)
UNIT(saturating, "saturating", AF_SATURATING)

/* maxf/minf: flush_to_zero and propagate_nan, in either order */
static void parse_fpflags(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  for (;;) {
    if (parse_accept_kw(p, "flush_to_zero")) b->op->attr.flags |= AF_FTZ;
    else if (parse_accept_kw(p, "propagate_nan")) b->op->attr.flags |= AF_PROPAGATE_NAN;
    else return;
  }
}
static void print_fpflags(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  if (op->attr.flags & AF_FTZ) word(pr, "flush_to_zero");
  if (op->attr.flags & AF_PROPAGATE_NAN) word(pr, "propagate_nan");
}

/* A required keyword enum stored in field f. */
#define KWENUM(fn, field, names, n, what)                                     \
  static void parse_##fn(struct parser *p, struct opbuild *b, const char *d) { \
    (void)d;                                                                  \
    b->op->attr.field = (int8_t)required_kw(p, names, n, what);               \
  }                                                                           \
  static void print_##fn(struct printer *pr, const struct ir_op *op,          \
                         const char *d) {                                     \
    (void)d;                                                                  \
    if (op->attr.field >= 0) word(pr, names[op->attr.field]);                 \
  }
KWENUM(sign, signedness, sign_names, 2, "signedness")
KWENUM(sign_rhs, sign_rhs, sign_names, 2, "signedness")
KWENUM(pred, pred, ir_cmp_pred_names, 6, "comparison predicate")
KWENUM(ord, order, order_names, 2, "comparison ordering")
KWENUM(mo, mem_order, ir_mem_order_names, 5, "memory ordering")
KWENUM(scope, scope, ir_scope_names, 3, "memory scope")
KWENUM(mode, mode, ir_atomic_mode_names, 10, "atomic mode")

static void parse_scope_opt(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  int v = parse_enum_kw(p, ir_scope_names, 3);
  if (v >= 0) { b->op->attr.scope = (int8_t)v; parse_next(p); }
}

static int64_t parse_nonneg(struct parser *p, const char *what) {
  uint32_t off = p->tok.off;
  int64_t v = parse_int(p);
  if (v < 0) parse_fail(p, off, 1, "%s must not be negative", what);
  return v;
}

static void parse_dim(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  b->op->attr.dim = parse_int(p);
}
static void print_dim(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  print_sep(pr);
  ts_buf_printf(pr->b, "%lld", (long long)op->attr.dim);
  pr->space = true;
}

static void parse_num_elem(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  b->op->attr.num_elem = parse_nonneg(p, "num_elem");
}
static void print_num_elem(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  print_sep(pr);
  ts_buf_printf(pr->b, "%lld", (long long)op->attr.num_elem);
  pr->space = true;
}

static void parse_alignment(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  b->op->attr.alignment = parse_nonneg(p, "alignment");
}
static void print_alignment(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  print_sep(pr);
  ts_buf_printf(pr->b, "%lld", (long long)op->attr.alignment);
  pr->space = true;
}

static void parse_reverse(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  if (parse_accept_kw(p, "true")) b->op->attr.flags |= AF_REVERSE;
  else if (!parse_accept_kw(p, "false")) parse_fail_tok(p, "expected 'true' or 'false'");
}
static void print_reverse(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  word(pr, op->attr.flags & AF_REVERSE ? "true" : "false");
}

/* perm -> '[' int {',' int} ']' (also `array<i32: ...>`) */
static void parse_perm(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  int64_t v[64];
  int n = 0;
  bool array = parse_accept_kw(p, "array");
  if (array) {
    parse_expect_punct(p, '<');
    parse_next(p);                            /* element type */
    if (parse_accept_punct(p, ':')) {
      do { if (n == 64) parse_fail_tok(p, "permutation too long"); v[n++] = parse_int(p); }
      while (parse_accept_punct(p, ','));
    }
    parse_expect_punct(p, '>');
  } else {
    parse_expect_punct(p, '[');
    if (!parse_is_punct(p, ']')) do {
      if (n == 64) parse_fail_tok(p, "permutation too long");
      v[n++] = parse_int(p);
    } while (parse_accept_punct(p, ','));
    parse_expect_punct(p, ']');
  }
  b->op->attr.nperm = n;
  b->op->attr.perm = parse_alloc(p, (size_t)(n ? n : 1) * sizeof *v);
  memcpy(b->op->attr.perm, v, (size_t)n * sizeof *v);
}
static void print_perm(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  print_sep(pr);
  ts_buf_putc(pr->b, '[');
  for (int i = 0; i < op->attr.nperm; i++)
    ts_buf_printf(pr->b, "%s%lld", i ? ", " : "", (long long)op->attr.perm[i]);
  ts_buf_putc(pr->b, ']');
  pr->space = true;
}

static void parse_str(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  b->op->attr.str = parse_string(p, &b->op->attr.strlen);
}
static void print_str(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  print_sep(pr);
  print_string(pr, op->attr.str, op->attr.strlen);
  pr->space = true;
}

static void parse_sym(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  b->op->attr.str = parse_symbol(p);
}
static void print_sym(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  print_sep(pr);
  print_symbol(pr, op->attr.str);
  pr->space = true;
}

/* ---- optimization hints ---- */

static int cmp_arch(const void *x, const void *y) {
  return strcmp(((const struct ir_hint_arch *)x)->arch, ((const struct ir_hint_arch *)y)->arch);
}
static int cmp_entry(const void *x, const void *y) {
  return strcmp(((const struct ir_hint_entry *)x)->key, ((const struct ir_hint_entry *)y)->key);
}

/* hints -> '<' arch '=' '{' key '=' value {',' ...} '}' {',' ...} '>'
** Kept sorted by name, as MLIR's dictionaries are (and print). */
void parse_hints(struct parser *p, struct ir_attrs *a) {
  struct ir_hints *h = parse_alloc(p, sizeof *h);
  struct ir_hint_arch arch[16];
  parse_expect_punct(p, '<');
  if (!parse_is_punct(p, '>')) do {
    if (h->n == 16) parse_fail_tok(p, "too many architectures in optimization_hints");
    if (p->tok.kind != T_IDENT) parse_fail_tok(p, "expected an architecture name (such as sm_100)");
    struct ir_hint_arch *x = &arch[h->n++];
    x->arch = ts_arena_strndup(&p->m->arena, parse_tok_text(p), p->tok.len);
    parse_next(p);
    parse_expect_punct(p, '=');
    parse_expect_punct(p, '{');
    struct ir_hint_entry e[32];
    x->n = 0;
    if (!parse_is_punct(p, '}')) do {
      if (x->n == 32) parse_fail_tok(p, "too many optimization hints");
      if (p->tok.kind != T_IDENT) parse_fail_tok(p, "expected a hint name");
      e[x->n].key = ts_arena_strndup(&p->m->arena, parse_tok_text(p), p->tok.len);
      parse_next(p);
      parse_expect_punct(p, '=');
      uint32_t off = p->tok.off;
      if (parse_is_punct(p, '-')) parse_next(p);
      if (p->tok.kind != T_INT && p->tok.kind != T_IDENT && p->tok.kind != T_FLOAT &&
          p->tok.kind != T_STRING)
        parse_fail_tok(p, "expected a hint value");
      e[x->n].val = ts_arena_strndup(&p->m->arena, p->src->text + off,
                                     p->tok.off + p->tok.len - off);
      e[x->n].loc = (struct ts_loc){ p->src, off, p->tok.off + p->tok.len - off };
      parse_next(p);
      if (parse_accept_punct(p, ':')) parse_type(p);   /* `8 : i32` */
      x->n++;
    } while (parse_accept_punct(p, ','));
    parse_expect_punct(p, '}');
    x->e = parse_alloc(p, (size_t)(x->n ? x->n : 1) * sizeof *e);
    memcpy(x->e, e, (size_t)x->n * sizeof *e);
    qsort(x->e, (size_t)x->n, sizeof *e, cmp_entry);
  } while (parse_accept_punct(p, ','));
  parse_expect_punct(p, '>');
  h->a = parse_alloc(p, (size_t)(h->n ? h->n : 1) * sizeof *arch);
  memcpy(h->a, arch, (size_t)h->n * sizeof *arch);
  qsort(h->a, (size_t)h->n, sizeof *arch, cmp_arch);
  a->hints = h;
}

void print_hints(struct printer *pr, const struct ir_hints *h) {
  ts_buf_putc(pr->b, '<');
  for (int i = 0; i < h->n; i++) {
    ts_buf_printf(pr->b, "%s%s = {", i ? ", " : "", h->a[i].arch);
    for (int j = 0; j < h->a[i].n; j++)
      ts_buf_printf(pr->b, "%s%s = %s", j ? ", " : "", h->a[i].e[j].key, h->a[i].e[j].val);
    ts_buf_putc(pr->b, '}');
  }
  ts_buf_putc(pr->b, '>');
}

static void parse_hints_opt(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  if (!parse_accept_kw(p, "optimization_hints")) return;
  parse_expect_punct(p, '=');
  parse_hints(p, &b->op->attr);
}
static void print_hints_opt(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  if (!op->attr.hints) return;
  word(pr, "optimization_hints =");
  print_sep(pr);
  print_hints(pr, op->attr.hints);
  pr->space = true;
}

/* ---- assume predicates ---- */

/* pred -> ['#cuda_tile.'] ( div_by '<' int [',' 'every' int 'along' int] '>'
**       | same_elements '<' '[' int {',' int} ']' '>'
**       | bounded '<' (int|'?') ',' (int|'?') '>' ) */
static void parse_assume(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  struct ir_assume *a = parse_alloc(p, sizeof *a);
  const char *s = parse_tok_text(p);
  size_t n = p->tok.len;
  if (p->tok.kind == T_HASH && n > 11 && memcmp(s, "#cuda_tile.", 11) == 0) { s += 11; n -= 11; }
  else if (p->tok.kind != T_IDENT) parse_fail_tok(p, "expected an assume predicate");
  uint32_t off = p->tok.off, len = p->tok.len;
  parse_next(p);
  parse_expect_punct(p, '<');
  if (n == 6 && memcmp(s, "div_by", 6) == 0) {
    a->kind = AS_DIV_BY;
    a->div = parse_int(p);
    if (parse_accept_punct(p, ',')) {
      parse_expect_kw(p, "every");
      a->has_every = true;
      a->every = parse_int(p);
      parse_expect_kw(p, "along");
      a->along = parse_int(p);
    }
  } else if (n == 13 && memcmp(s, "same_elements", 13) == 0) {
    int64_t v[64];
    a->kind = AS_SAME_ELEMENTS;
    parse_expect_punct(p, '[');
    if (!parse_is_punct(p, ']')) do {
      if (a->n == 64) parse_fail_tok(p, "too many values");
      v[a->n++] = parse_int(p);
    } while (parse_accept_punct(p, ','));
    parse_expect_punct(p, ']');
    a->same = parse_alloc(p, (size_t)(a->n ? a->n : 1) * sizeof *v);
    memcpy(a->same, v, (size_t)a->n * sizeof *v);
  } else if (n == 7 && memcmp(s, "bounded", 7) == 0) {
    a->kind = AS_BOUNDED;
    if (!parse_accept_punct(p, '?')) { a->has_lb = true; a->lb = parse_int(p); }
    parse_expect_punct(p, ',');
    if (!parse_accept_punct(p, '?')) { a->has_ub = true; a->ub = parse_int(p); }
  } else {
    parse_fail(p, off, len, "unknown assume predicate '%.*s' (expected div_by, same_elements or bounded)",
               (int)n, s);
  }
  parse_expect_punct(p, '>');
  b->op->attr.assume = a;
}

static void print_assume(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  const struct ir_assume *a = op->attr.assume;
  print_sep(pr);
  if (a->kind == AS_DIV_BY) {
    ts_buf_printf(pr->b, "div_by<%lld", (long long)a->div);
    if (a->has_every)
      ts_buf_printf(pr->b, ", every %lld along %lld", (long long)a->every, (long long)a->along);
    ts_buf_putc(pr->b, '>');
  } else if (a->kind == AS_SAME_ELEMENTS) {
    ts_buf_puts(pr->b, "same_elements<[");
    for (int i = 0; i < a->n; i++)
      ts_buf_printf(pr->b, "%s%lld", i ? ", " : "", (long long)a->same[i]);
    ts_buf_puts(pr->b, "]>");
  } else {
    ts_buf_puts(pr->b, "bounded<");
    if (a->has_lb) ts_buf_printf(pr->b, "%lld", (long long)a->lb); else ts_buf_putc(pr->b, '?');
    ts_buf_puts(pr->b, ", ");
    if (a->has_ub) ts_buf_printf(pr->b, "%lld", (long long)a->ub); else ts_buf_putc(pr->b, '?');
    ts_buf_putc(pr->b, '>');
  }
  pr->space = true;
}

/* ---- typed scalars: reduce/scan identities ---- */

/* Read one scalar literal (int, float, hex bits, true/false) of elem type t. */
static uint64_t parse_scalar(struct parser *p, const struct ty *t, uint32_t off,
                             const char *text, size_t n, bool neg, enum tok_kind k) {
  int bits = ty_elem_bits(t->elem);
  uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
  if (t->kind == TY_FLOAT) {
    uint64_t v;
    if (k == T_INT && n > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
      v = strtoull(text, NULL, 16);
      if (neg || (v & ~mask)) parse_fail(p, off, (uint32_t)n, "hexadecimal float literal does not fit %s", ty_elem_names[t->elem]);
      return v;
    }
    char *buf = parse_alloc(p, n + 2);
    snprintf(buf, n + 2, "%s%.*s", neg ? "-" : "", (int)n, text);
    if (k == T_INT)
      parse_fail(p, off, (uint32_t)n, "unexpected decimal integer literal for a floating point value");
    if (ir_float_from_text(t->elem, buf, strlen(buf), &v))
      parse_fail(p, off, (uint32_t)n, "float literal is out of range for %s", ty_elem_names[t->elem]);
    return v;
  }
  if (k == T_IDENT) {
    if (t->elem != EL_I1) parse_fail(p, off, (uint32_t)n, "expected integer value");
    return n == 4;                               /* "true" */
  }
  if (k != T_INT) parse_fail(p, off, (uint32_t)n, "expected integer value for %s", ty_elem_names[t->elem]);
  char buf[80];
  snprintf(buf, sizeof buf, "%.*s", (int)n, text);
  uint64_t v = strtoull(buf, NULL, 0);
  bool hex = n > 2 && (buf[1] == 'x' || buf[1] == 'X');
  if (neg) {
    if (bits < 64 && v > (1ull << (bits - 1)))
      parse_fail(p, off, (uint32_t)n, "integer constant out of range for %s", ty_elem_names[t->elem]);
    v = (0 - v) & mask;
  } else if ((v & ~mask) || (strlen(buf) > 20 && !hex)) {
    parse_fail(p, off, (uint32_t)n, "integer constant out of range for %s", ty_elem_names[t->elem]);
  }
  return v;
}

/* scalar-token -> ['-'] (int | float | true | false) */
struct lit { uint32_t off, len; bool neg; enum tok_kind kind; };

static struct lit read_lit(struct parser *p) {
  struct lit l = { p->tok.off, 0, false, T_EOF };
  if (parse_accept_punct(p, '-')) l.neg = true;
  if (p->tok.kind != T_INT && p->tok.kind != T_FLOAT &&
      !parse_is_kw(p, "true") && !parse_is_kw(p, "false"))
    parse_fail_tok(p, "expected a number");
  l.off = p->tok.off;
  l.len = p->tok.len;
  l.kind = p->tok.kind;
  parse_next(p);
  return l;
}

/* identities -> '[' lit ':' type {',' ...} ']' */
static void parse_identities(struct parser *p, struct opbuild *b, const char *d) {
  (void)d;
  struct ir_typed v[64];
  int n = 0;
  parse_expect_punct(p, '[');
  if (!parse_is_punct(p, ']')) do {
    if (n == 64) parse_fail_tok(p, "too many identities");
    struct lit l = read_lit(p);
    const struct ty *t;
    if (parse_accept_punct(p, ':')) {
      uint32_t toff = p->tok.off, tlen = p->tok.len;
      t = parse_type(p);
      if (t->kind != TY_INT && t->kind != TY_FLOAT)
        parse_fail(p, toff, tlen, "identity must have an integer or float type");
    } else {                      /* MLIR's defaults: i1 for true/false, i64, f64 */
      enum ty_elem e = l.kind == T_IDENT ? EL_I1 : l.kind == T_FLOAT ? EL_F64 : EL_I64;
      t = ty_elem_get(p->m->types, e);
    }
    v[n].type = t;
    v[n].bits = parse_scalar(p, t, l.off, p->src->text + l.off, l.len, l.neg, l.kind);
    n++;
  } while (parse_accept_punct(p, ','));
  parse_expect_punct(p, ']');
  b->op->attr.nident = n;
  b->op->attr.ident = parse_alloc(p, (size_t)(n ? n : 1) * sizeof *v);
  memcpy(b->op->attr.ident, v, (size_t)n * sizeof *v);
}

static void print_scalar(struct ts_buf *b, const struct ty *t, uint64_t bits) {
  if (t->kind == TY_FLOAT) { ir_float_print(b, t->elem, bits); return; }
  if (t->elem == EL_I1) { ts_buf_puts(b, bits ? "true" : "false"); return; }
  int w = ty_elem_bits(t->elem);
  int64_t v = w == 64 ? (int64_t)bits
            : (int64_t)(bits << (64 - w)) >> (64 - w);   /* sign-extend */
  ts_buf_printf(b, "%lld", (long long)v);
}

/* Each identity is printed with its type, except where MLIR leaves it out
** because it is the literal's default: i1 (true/false), i64, and f64
** unless the value prints as hex bits. */
static void print_identities(struct printer *pr, const struct ir_op *op, const char *d) {
  (void)d;
  ts_buf_putc(pr->b, '[');
  for (int i = 0; i < op->attr.nident; i++) {
    const struct ir_typed *x = &op->attr.ident[i];
    if (i) ts_buf_puts(pr->b, ", ");
    size_t at = pr->b->len;
    print_scalar(pr->b, x->type, x->bits);
    bool hex = pr->b->s && pr->b->len > at + 1 && !strncmp(pr->b->s + at, "0x", 2);
    enum ty_elem e = x->type->elem;
    if (e == EL_I1 || e == EL_I64 || (e == EL_F64 && !hex)) continue;
    ts_buf_puts(pr->b, " : ");
    print_type(pr, x->type);
  }
  ts_buf_putc(pr->b, ']');
  pr->space = true;
}

/* ---- dense literals: '<' elem ':' (lit | nested '[' ... ']') '>' ---- */

struct dense_text {
  const struct ty *elt;
  uint32_t off;                /* of the element type, for errors */
  struct lit *lits;
  int64_t n, cap;
  int rank;                    /* nesting depth of the brackets */
  int64_t dims[16];            /* extent of each nesting level */
  bool splat;
};

static void dense_push(struct parser *p, struct dense_text *d, struct lit l) {
  if (d->n == d->cap) {
    int64_t cap = d->cap ? d->cap * 2 : 64;
    struct lit *n = parse_alloc(p, (size_t)cap * sizeof *n);
    if (d->n) memcpy(n, d->lits, (size_t)d->n * sizeof *n);
    d->lits = n;
    d->cap = cap;
  }
  d->lits[d->n++] = l;
}

static void dense_nested(struct parser *p, struct dense_text *d, int level) {
  if (level >= 16) parse_fail_tok(p, "dense literal nested too deeply");
  if (level + 1 > d->rank) d->rank = level + 1;
  uint32_t off = p->tok.off;
  parse_expect_punct(p, '[');
  int64_t count = 0;
  bool inner = parse_is_punct(p, '[');
  if (!parse_is_punct(p, ']')) do {
    if (parse_is_punct(p, '[') != inner)
      parse_fail_tok(p, "dense literal mixes lists and scalars at one level");
    if (inner) dense_nested(p, d, level + 1);
    else dense_push(p, d, read_lit(p));
    count++;
  } while (parse_accept_punct(p, ','));
  parse_expect_punct(p, ']');
  if (!inner && d->rank > level + 1)
    parse_fail(p, off, 1, "dense literal is not rectangular");
  if (d->dims[level] && d->dims[level] != count)
    parse_fail(p, off, 1, "dense literal is not rectangular: expected %lld elements, got %lld",
               (long long)d->dims[level], (long long)count);
  d->dims[level] = count;
}

/* The values of a dense literal: one (a splat) or nested lists. */
struct dense_text *parse_dense_values(struct parser *p) {
  struct dense_text *d = parse_alloc(p, sizeof *d);
  d->off = p->tok.off;
  if (parse_is_punct(p, '[')) dense_nested(p, d, 0);
  else { d->splat = true; dense_push(p, d, read_lit(p)); }
  return d;
}

struct dense_text *parse_dense_begin(struct parser *p) {
  parse_expect_punct(p, '<');
  uint32_t off = p->tok.off;
  const struct ty *elt = parse_type(p);
  if (elt->kind != TY_INT && elt->kind != TY_FLOAT)
    parse_fail(p, off, 1, "expected an integer or float element type");
  parse_expect_punct(p, ':');
  struct dense_text *d = parse_dense_values(p);
  d->elt = elt;
  d->off = off;
  parse_expect_punct(p, '>');
  return d;
}

struct ir_dense *parse_dense_finish(struct parser *p, struct dense_text *d,
                                    const struct ty *tile) {
  if (tile->kind != TY_TILE)
    parse_fail(p, d->off, 1, "a constant must have a tile type");
  if (!d->elt) d->elt = tile->elt->kind == TY_PTR ? NULL : tile->elt;  /* generic dense<...> */
  if (!d->elt) parse_fail(p, d->off, 1, "a constant cannot hold pointers");
  if (tile->elt != d->elt)
    parse_fail(p, d->off, 1, "literal element type %s does not match the tile's %s",
               ty_elem_names[d->elt->elem], tile->elt->kind == TY_PTR ? "pointer" : ty_elem_names[tile->elt->elem]);
  int64_t numel = ty_numel(tile);
  bool splat = d->splat || d->n == 1;
  if (!d->splat) {
    /* nested lists must have the tile's shape; one value is a splat */
    bool ok = d->rank == tile->rank || (d->n == 1 && d->rank == 1);
    for (int i = 0; ok && i < d->rank && d->n != 1; i++) ok = d->dims[i] == tile->shape[i];
    if (!ok) {
      struct ts_buf tb = {0};
      ty_print(&tb, tile);
      char msg[300];
      snprintf(msg, sizeof msg, "dense literal has %lld elements in a shape that does not match %s",
               (long long)d->n, tb.s ? tb.s : "");
      ts_buf_free(&tb);
      parse_fail(p, d->off, 1, "%s", msg);
    }
  }
  struct ir_dense *r = parse_alloc(p, sizeof *r);
  r->type = tile;
  r->splat = splat;
  r->n = splat ? 1 : numel;
  r->bits = parse_alloc(p, (size_t)r->n * sizeof *r->bits);
  for (int64_t i = 0; i < r->n; i++) {
    struct lit *l = &d->lits[i];
    r->bits[i] = parse_scalar(p, d->elt, l->off, p->src->text + l->off, l->len, l->neg, l->kind);
  }
  return r;
}

/* MLIR prints a splat as one value, otherwise nested lists. */
static void print_dense_level(struct ts_buf *b, const struct ir_dense *d,
                              int level, int64_t *k) {
  const struct ty *t = d->type;
  ts_buf_putc(b, '[');
  for (int64_t i = 0; i < t->shape[level]; i++) {
    if (i) ts_buf_puts(b, ", ");
    if (level + 1 < t->rank) print_dense_level(b, d, level + 1, k);
    else print_scalar(b, t->elt, d->bits[(*k)++]);
  }
  ts_buf_putc(b, ']');
}

void print_dense(struct printer *pr, const struct ir_dense *d) {
  print_sep(pr);
  ts_buf_printf(pr->b, "<%s: ", ty_elem_names[d->type->elt->elem]);
  bool all_same = true;
  for (int64_t i = 1; i < d->n && all_same; i++) all_same = d->bits[i] == d->bits[0];
  if (d->splat || all_same || d->type->rank == 0) {
    print_scalar(pr->b, d->type->elt, d->bits[0]);
  } else {
    int64_t k = 0;
    print_dense_level(pr->b, d, 0, &k);
  }
  ts_buf_putc(pr->b, '>');
  pr->space = true;
}

/* ---- the table ---- */

static const struct attr_syntax attr_table[] = {
  { "alignment", parse_alignment, print_alignment },
  { "assume", parse_assume, print_assume },
  { "dim", parse_dim, print_dim },
  { "fast_acc", parse_fast_acc, print_fast_acc },
  { "fpflags", parse_fpflags, print_fpflags },
  { "ftz", parse_ftz, print_ftz },
  { "global", parse_global, print_global },
  { "hints", parse_hints_opt, print_hints_opt },
  { "identities", parse_identities, print_identities },
  { "mo", parse_mo, print_mo },
  { "mode", parse_mode, print_mode },
  { "num_elem", parse_num_elem, print_num_elem },
  { "ord", parse_ord, print_ord },
  { "ovf", parse_ovf, print_ovf },
  { "perm", parse_perm, print_perm },
  { "pred", parse_pred, print_pred },
  { "reverse", parse_reverse, print_reverse },
  { "rnd", parse_rnd, print_rnd },
  { "saturating", parse_saturating, print_saturating },
  { "scope", parse_scope, print_scope },
  { "scope?", parse_scope_opt, print_scope },
  { "sign", parse_sign, print_sign },
  { "sign_rhs", parse_sign_rhs, print_sign_rhs },
  { "str", parse_str, print_str },
  { "sym", parse_sym, print_sym },
};

const struct attr_syntax *attr_syntax_get(const char *name, size_t n) {
  for (size_t i = 0; i < sizeof attr_table / sizeof attr_table[0]; i++)
    if (strlen(attr_table[i].name) == n && memcmp(attr_table[i].name, name, n) == 0)
      return &attr_table[i];
  return NULL;   /* ops.def names only the rows above; a unit test checks */
}
