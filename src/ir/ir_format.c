/*
** ir_format.c -- the format language of ops.def, read in both directions:
** parse_fmt() reads an op's text by its format, print_fmt() writes it.
** Keeping both in one file keeps them in step.
*/
#include <config.h>
#include "ir_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* An element; glue: written with a leading '~', no space before it. */
struct elem { const char *s; size_t n; bool glue; };
enum { MAX_ELEMS = 48 };

static int split(const char *fmt, struct elem *e) {
  int n = 0;
  while (*fmt) {
    while (*fmt == ' ') fmt++;
    if (!*fmt) break;
    e[n].glue = *fmt == '~' && fmt[1] && fmt[1] != ' ';
    const char *s = fmt + e[n].glue;
    while (*fmt && *fmt != ' ') fmt++;
    e[n].s = s;
    e[n].n = (size_t)(fmt - s);
    n++;
  }
  return n;
}

static bool is(const struct elem *e, const char *w) {
  return e->n == strlen(w) && memcmp(e->s, w, e->n) == 0;
}

/* The index of the ']?' closing the '?[' at i. */
static int group_end(const struct elem *e, int n, int i) {
  while (i < n && !is(&e[i], "]?")) i++;
  return i;
}

/* t(X): the text between the parentheses */
static struct elem type_arg(const struct elem *e) {
  struct elem a = { e->s + 2, e->n - 3 };
  return a;
}

/* t(oK) / t(oK=) / =rN:oK -> K */
static int digit_after(const char *s, char c) {
  const char *q = strchr(s, c);
  return q ? q[1] - '0' : -1;
}

static int operand_group_in(const struct elem *e) {
  if (e->n > 2 && e->s[0] == 't' && e->s[2] == 'o') return e->s[3] - '0';
  return -1;
}

/* {name=default}: the name, and the default copied into buf (or NULL). */
static void attr_split(const struct elem *e, const char **name, size_t *nn,
                       const char **dflt, char *buf, size_t size) {
  const char *eq = memchr(e->s, '=', e->n);
  *name = e->s + 1;
  *nn = (eq ? (size_t)(eq - e->s) : e->n - 1) - 1;
  *dflt = NULL;
  if (eq) {
    snprintf(buf, size, "%.*s", (int)(e->s + e->n - 1 - (eq + 1)), eq + 1);
    *dflt = buf;
  }
}

/* ================= parsing ================= */

static const struct ty *operand_type(struct opbuild *b, int g, int *count,
                                     int *first) {
  int start = 0;
  for (int i = 0; i < g; i++) start += b->op->group[i];
  *first = start;
  *count = g < b->op->ngroups ? b->op->group[g] : 0;
  return *count ? b->ops[start]->type : NULL;
}

static void check_operand_type(struct parser *p, struct opbuild *b, int k,
                               const struct ty *t, uint32_t off, uint32_t len) {
  if (b->ops[k]->type == t) return;
  struct ts_buf want = {0}, got = {0};
  ty_print(&want, t);
  ty_print(&got, b->ops[k]->type);
  const struct ir_value *v = b->ops[k];
  char msg[600];
  snprintf(msg, sizeof msg, "use of value '%%%s' expects different type than prior uses: '%s' vs '%s'",
           v->name ? v->name : "?", want.s ? want.s : "", got.s ? got.s : "");
  ts_buf_free(&want);
  ts_buf_free(&got);
  parse_fail(p, off, len, "%s", msg);
}

/* Result count for t(r=): the syntax names one type for all results. */
static int shared_result_count(struct opbuild *b) {
  if (b->nres >= 0) return b->nres;
  if (b->lhs_count >= 0) return b->lhs_count;
  const struct ty *t = b->nops ? b->ops[0]->type : NULL;
  if (t && t->kind == TY_TENSOR_VIEW) return t->rank;
  return t ? ty_view_index_rank(t) : 0;
}

static void parse_types(struct parser *p, struct opbuild *b, const struct elem *e) {
  struct elem a = type_arg(e);
  if (a.s[0] == 'r') {
    if (a.s[1] == '*') {                       /* all results, a list */
      int n = 0;
      do {
        if (n == 256) parse_fail_tok(p, "too many results");
        b->res[n++] = parse_type(p);
      } while (parse_accept_punct(p, ','));
      b->nres = n;
    } else if (a.s[1] == '=') {                /* one type for all results */
      const struct ty *t = parse_type(p);
      int n = shared_result_count(b);
      for (int i = 0; i < n && i < 256; i++) b->res[i] = t;
      b->nres = n;
    } else {
      int k = a.s[1] - '0';
      b->res[k] = parse_type(p);
      if (b->nres <= k) b->nres = k + 1;
    }
    return;
  }
  int g = a.s[1] - '0', count, first;
  operand_type(b, g, &count, &first);
  if (a.n > 2 && a.s[2] == '=') {             /* index types */
    if (!parse_is_punct(p, ',')) {
      if (count) parse_fail_tok(p, "index types must be specified when indices are present");
      return;
    }
    if (!count) parse_fail_tok(p, "expected '->'");
    parse_next(p);
    const struct ty *ts[256];
    uint32_t offs[256], lens[256];
    int n = 0;
    do {
      if (n == 256) parse_fail_tok(p, "too many index types");
      offs[n] = p->tok.off;
      lens[n] = p->tok.len;
      ts[n++] = parse_type(p);
    } while (parse_accept_punct(p, ','));
    if (n != 1 && n != count)
      parse_fail(p, offs[0], lens[0], "expected %d index types, got %d", count, n);
    for (int i = 0; i < count; i++)
      check_operand_type(p, b, first + i, ts[n == 1 ? 0 : i], offs[n == 1 ? 0 : i],
                         lens[n == 1 ? 0 : i]);
    return;
  }
  for (int i = 0; i < (count ? count : 1); i++) {
    if (i) parse_expect_punct(p, ',');
    uint32_t off = p->tok.off, len = p->tok.len;
    const struct ty *t = parse_type(p);
    if (count) check_operand_type(p, b, first + i, t, off, len);
  }
}

/* Region with its arguments listed first: '(' %a ':' T {',' ...} ')' region */
static void parse_arg_region(struct parser *p, struct opbuild *b) {
  const struct ty *types[256];
  uint32_t tok[512];
  int n = 0;
  parse_expect_punct(p, '(');
  if (!parse_is_punct(p, ')')) do {
    if (n == 256) parse_fail_tok(p, "too many region arguments");
    if (p->tok.kind != T_VALUE) parse_fail_tok(p, "expected SSA value name");
    tok[2 * n] = p->tok.off;
    tok[2 * n + 1] = p->tok.len;
    parse_next(p);
    parse_expect_punct(p, ':');
    types[n++] = parse_type(p);
  } while (parse_accept_punct(p, ','));
  parse_expect_punct(p, ')');
  parse_region(p, b->op, &b->regions[b->nregions++], n, types, tok, -1);
}

/* Can the optional group starting at e begin at the current token? */
static bool group_starts(struct parser *p, struct opbuild *b, const struct elem *e) {
  if (is(e, "$") || is(e, "$*")) return p->tok.kind == T_VALUE;
  int g = operand_group_in(e);
  if (g >= 0) { int c, f; operand_type(b, g, &c, &f); return c > 0; }
  if (e->n == 1 && ispunct((unsigned char)e->s[0])) return parse_is_punct(p, e->s[0]);
  return p->tok.kind == T_IDENT && p->tok.len == e->n &&
         memcmp(parse_tok_text(p), e->s, e->n) == 0;
}

static void parse_elems(struct parser *p, struct opbuild *b, const struct elem *e,
                        int n) {
  for (int i = 0; i < n; i++) {
    const struct elem *x = &e[i];
    if (is(x, "?[")) {
      int end = group_end(e, n, i);
      if (group_starts(p, b, &e[i + 1])) {
        parse_elems(p, b, e + i + 1, end - i - 1);
      } else {
        for (int j = i + 1; j < end; j++)
          if (is(&e[j], "$") || is(&e[j], "$*")) parse_group_begin(b);
      }
      i = end;
    } else if (is(x, "$")) {
      parse_group_begin(b);
      uint32_t off = p->tok.off;
      parse_add_operand(p, b, parse_use(p), off);
    } else if (is(x, "$*")) {
      parse_group_begin(b);
      if (p->tok.kind == T_VALUE) do {
        uint32_t off = p->tok.off;
        parse_add_operand(p, b, parse_use(p), off);
      } while (parse_accept_punct(p, ','));
    } else if (x->s[0] == '{') {
      const char *name, *dflt;
      char buf[32];
      size_t nn;
      attr_split(x, &name, &nn, &dflt, buf, sizeof buf);
      attr_syntax_get(name, nn)->parse(p, b, dflt);
    } else if (x->s[0] == 't' && x->n > 1 && x->s[1] == '(') {
      parse_types(p, b, x);
    } else if (x->s[0] == '=' && x->n > 1) {   /* =rN:oK */
      int r = x->s[2] - '0', g = digit_after(x->s, 'o'), c, f;
      const struct ty *t = operand_type(b, g, &c, &f);
      b->res[r] = t;
      if (b->nres <= r) b->nres = r + 1;
    } else if (is(x, "D")) {
      parse_attr_dict(p, &b->op->attr);
    } else if (is(x, "RA")) {
      parse_arg_region(p, b);
    } else if (is(x, "->")) {
      parse_expect_arrow(p);
    } else if (x->n == 1 && ispunct((unsigned char)x->s[0])) {
      parse_expect_punct(p, x->s[0]);
    } else {
      char kw[32];
      snprintf(kw, sizeof kw, "%.*s", (int)x->n, x->s);
      parse_expect_kw(p, kw);
    }
  }
}

void parse_fmt(struct parser *p, struct opbuild *b, const char *fmt) {
  struct elem e[MAX_ELEMS];
  int n = split(fmt, e);
  parse_elems(p, b, e, n);
  for (int i = 0; i < b->nres; i++)
    if (!b->res[i]) parse_fail(p, b->op->loc.off, b->op->loc.len,
                               "cannot infer the type of result %d", i);
}

/* ================= printing ================= */

static void print_literal(struct printer *pr, const struct elem *x) {
  char c = x->n == 1 ? x->s[0] : 0;
  if (c == ',' || c == ')' || c == ']' || c == '>') pr->space = false;
  print_sep(pr);
  ts_buf_putn(pr->b, x->s, x->n);
  pr->space = !(c == '(' || c == '[' || c == '<');
}

static void print_values(struct printer *pr, struct ir_value **v, int n) {
  for (int i = 0; i < n; i++) {
    if (i) { ts_buf_puts(pr->b, ","); pr->space = true; }
    print_sep(pr);
    print_value(pr, v[i]);
    pr->space = true;
  }
}

static void print_type_list(struct printer *pr, const struct ir_value *v, int n,
                            bool outs) {
  for (int i = 0; i < n; i++) {
    if (i) ts_buf_puts(pr->b, ",");
    pr->space = true;
    print_sep(pr);
    print_type(pr, outs ? v[i].type : NULL);
    pr->space = true;
  }
}

static void print_types(struct printer *pr, const struct ir_op *op, const struct elem *e) {
  struct elem a = type_arg(e);
  if (a.s[0] == 'r') {
    if (a.s[1] == '*') print_type_list(pr, op->out, op->nout, true);
    else if (a.s[1] == '=') {                /* no results (rank 0): any type reads back */
      print_sep(pr);
      if (op->nout) print_type(pr, op->out[0].type); else print_raw(pr, "tile<i32>");
    }
    else { print_sep(pr); print_type(pr, op->out[a.s[1] - '0'].type); }
    pr->space = true;
    return;
  }
  int n;
  struct ir_value **v = ir_op_group(op, a.s[1] - '0', &n);
  if (a.n > 2 && a.s[2] == '=') {             /* index types */
    bool same = true;
    for (int i = 1; i < n; i++) same &= v[i]->type == v[0]->type;
    for (int i = 0; i < (same && n ? 1 : n); i++) {
      ts_buf_puts(pr->b, ",");
      pr->space = true;
      print_sep(pr);
      print_type(pr, v[i]->type);
    }
    pr->space = true;
    return;
  }
  for (int i = 0; i < n; i++) {
    if (i) ts_buf_puts(pr->b, ",");
    pr->space = i > 0 || pr->space;
    print_sep(pr);
    print_type(pr, v[i]->type);
    pr->space = true;
  }
}

/* Is the optional group at e (up to its ']') to be printed? */
static bool group_present(const struct ir_op *op, const struct elem *e, int n,
                          int g) {
  for (int i = 0; i < n && !is(&e[i], "]?"); i++) {
    if (is(&e[i], "$") || is(&e[i], "$*")) {
      int c;
      ir_op_group(op, g, &c);
      return c > 0;
    }
    int k = operand_group_in(&e[i]);
    if (k >= 0) { int c; ir_op_group(op, k, &c); return c > 0; }
  }
  return false;
}

static int print_elems(struct printer *pr, const struct ir_op *op,
                       const struct elem *e, int n, int g) {
  for (int i = 0; i < n; i++) {
    const struct elem *x = &e[i];
    if (x->glue) pr->space = false;
    if (is(x, "?[")) {
      int end = group_end(e, n, i);
      if (group_present(op, e + i + 1, end - i - 1, g)) {
        g = print_elems(pr, op, e + i + 1, end - i - 1, g);
      } else {
        for (int j = i + 1; j < end; j++) g += is(&e[j], "$") || is(&e[j], "$*");
      }
      i = end;
    } else if (is(x, "$") || is(x, "$*")) {
      int c;
      struct ir_value **v = ir_op_group(op, g++, &c);
      print_values(pr, v, c);
    } else if (x->s[0] == '{') {
      const char *name, *dflt;
      char buf[32];
      size_t nn;
      attr_split(x, &name, &nn, &dflt, buf, sizeof buf);
      attr_syntax_get(name, nn)->print(pr, op, dflt);
    } else if (x->s[0] == 't' && x->n > 1 && x->s[1] == '(') {
      print_types(pr, op, x);
    } else if (x->s[0] == '=' && x->n > 1) {
      /* nothing printed */
    } else if (is(x, "D")) {
      print_attr_dict(pr, &op->attr);
    } else if (is(x, "RA")) {
      print_region(pr, op, &op->regions[0], true, false);
    } else {
      print_literal(pr, x);
    }
  }
  return g;
}

void print_fmt(struct printer *pr, const struct ir_op *op, const char *fmt) {
  struct elem e[MAX_ELEMS];
  int n = split(fmt, e);
  print_elems(pr, op, e, n, 0);
}
