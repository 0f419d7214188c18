/*
** ir_print.c -- a module to canonical text: the form cuda-tile-opt prints
** (short types, defaults omitted, implicit terminators elided), except
** that values keep the names they were written with.  Values without a
** name (from bytecode) print as %<id>, their number in the module.
*/
#include <config.h>
#include "ir_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

void print_raw(struct printer *pr, const char *s) { ts_buf_puts(pr->b, s); }

void print_sep(struct printer *pr) {
  if (pr->space) ts_buf_putc(pr->b, ' ');
  pr->space = false;
}

void print_type(struct printer *pr, const struct ty *t) { ty_print(pr->b, t); }

/* The first result of v's group (results bound together by %name:N share
** one name pointer), and the group's size in *n. */
static const struct ir_value *group_of(const struct ir_value *v, int *n) {
  const struct ir_op *op = v->def;
  int i = (int)v->index, j = i;
  while (i > 0 && op->out[i - 1].name == v->name) i--;
  while (j + 1 < op->nout && op->out[j + 1].name == v->name) j++;
  *n = j - i + 1;
  return &op->out[i];
}

/* A value's name: %name, %name#k when it is the k-th of a group of
** results bound together (%name:N), or a number when it has none. */

void print_value(struct printer *pr, const struct ir_value *v) {
  if (!v->name) {
    ts_buf_printf(pr->b, "%%%u", (unsigned)v->id);
    return;
  }
  ts_buf_putc(pr->b, '%');
  ts_buf_puts(pr->b, v->name);
  int n;
  const struct ir_value *first = v->def ? group_of(v, &n) : NULL;
  if (first && n > 1) ts_buf_printf(pr->b, "#%u", (unsigned)(v - first));
}

/* A string literal as MLIR escapes it: \\ for a backslash, \XX (hex)
** for a quote and anything unprintable. */
void print_string(struct printer *pr, const char *s, size_t n) {
  ts_buf_putc(pr->b, '"');
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\\') ts_buf_puts(pr->b, "\\\\");
    else if (isprint(c) && c != '"') ts_buf_putc(pr->b, (char)c);
    else ts_buf_printf(pr->b, "\\%02X", c);
  }
  ts_buf_putc(pr->b, '"');
}

/* @name, quoted when it is not a bare identifier ([A-Za-z_][A-Za-z0-9_$.]*). */
void print_symbol(struct printer *pr, const char *name) {
  bool bare = name[0] && (isalpha((unsigned char)name[0]) || name[0] == '_');
  for (const char *p = name; bare && *p; p++)
    bare = isalnum((unsigned char)*p) || *p == '_' || *p == '$' || *p == '.';
  ts_buf_putc(pr->b, '@');
  if (bare) ts_buf_puts(pr->b, name);
  else print_string(pr, name, strlen(name));
}

void print_attr_dict(struct printer *pr, const struct ir_attrs *a) {
  if (!a->dict) return;
  print_sep(pr);
  print_raw(pr, a->dict);
  pr->space = true;
}

static void indent(struct printer *pr) {
  for (int i = 0; i < pr->indent; i++) ts_buf_puts(pr->b, "  ");
}

/* Results on the left, one entry per group: %a:N for N results bound
** together, %a for one.  Results read from text without a name were not
** bound, so nothing can use them: they stay unbound (a number could
** collide with a name of the source). */
static void print_results(struct printer *pr, const struct ir_op *op) {
  if (!op->nout || (!op->out[0].name && pr->m->src)) return;
  for (int i = 0, n; i < op->nout; i += n) {
    if (i) print_raw(pr, ", ");
    n = 1;
    if (!op->out[i].name) { print_value(pr, &op->out[i]); continue; }
    group_of(&op->out[i], &n);
    ts_buf_printf(pr->b, "%%%s", op->out[i].name);
    if (n > 1) ts_buf_printf(pr->b, ":%d", n);
  }
  print_raw(pr, " = ");
}

static bool nonloc_alias_named(const struct ir_module *m, const char *s) {
  for (int i = 0; i < m->naliases; i++)
    if (!m->aliases[i].is_loc && !strcmp(m->aliases[i].name, s)) return true;
  return false;
}

/* The name of the k-th location alias: the k-th of loc, loc1, loc2, ...
** that no other alias of m already has. */
static void loc_name(const struct ir_module *m, int k, char *buf, size_t n) {
  for (int c = 0;; c++) {
    if (c) snprintf(buf, n, "loc%d", c);
    else snprintf(buf, n, "loc");
    if (!nonloc_alias_named(m, buf) && k-- == 0) return;
  }
}

/* With debug info, location aliases are renumbered #loc, #loc1, ...
** (as MLIR prints them, skipping names other aliases have); other
** aliases keep their names. */
static const char *alias_name(void *ud, const char *name, size_t len) {
  const struct ir_module *m = ud;
  static _Thread_local char buf[32];
  for (int i = 0, k = 0; i < m->naliases; i++) {
    const struct ir_alias *a = &m->aliases[i];
    if (strlen(a->name) == len && !memcmp(a->name, name, len)) {
      if (!a->is_loc) return a->name;
      loc_name(m, k, buf, sizeof buf);
      return buf;
    }
    k += a->is_loc;
  }
  return NULL;
}

static void print_loc(struct printer *pr, const char *text) {
  ts_buf_putc(pr->b, ' ');
  ir_lex_canon(pr->b, text, strlen(text), alias_name, pr->m);
}

static void print_op(struct printer *pr, const struct ir_op *op) {
  indent(pr);
  print_results(pr, op);
  if (op->code == IR_OP_module) print_raw(pr, "cuda_tile.");
  print_raw(pr, ir_optab[op->code].name);
  pr->space = true;
  const char *fmt = ir_optab[op->code].fmt;
  if (fmt) print_fmt(pr, op, fmt);
  else ir_custom_syntax[op->code].print(pr, op);
  if (pr->debuginfo && op->loc_text) print_loc(pr, op->loc_text);
  ts_buf_putc(pr->b, '\n');
}

/* Is op a terminator without operands that the parser would add back
** for this region: yield in an if, continue in a for or loop? */
static bool elidable(const struct ir_op *op, const struct ir_op *parent) {
  enum ir_opcode implicit = parent->code == IR_OP_if ? IR_OP_yield : IR_OP_continue;
  return op->nin == 0 && !op->attr.dict && !op->loc_text && op->code == implicit;
}

/*
** region -> '{' NL op* '}'.  With print_args the block arguments are
** listed first, '(' %a ':' T, ... ')', on a line of their own (reduce,
** scan).  With elide_term a last yield/continue without operands is left
** out, as the parser adds it back.
*/
void print_region(struct printer *pr, const struct ir_op *op,
                  const struct ir_region *r, bool print_args, bool elide_term) {
  const struct ir_block *b = r->block;
  if (print_args) {
    pr->space = false;
    ts_buf_putc(pr->b, '\n');
    indent(pr);
    print_raw(pr, "(");
    for (int i = 0; b && i < b->nargs; i++) {
      if (i) print_raw(pr, ", ");
      print_value(pr, &b->args[i]);
      print_raw(pr, ": ");
      print_type(pr, b->args[i].type);
    }
    print_raw(pr, ") ");
  } else {
    print_sep(pr);
  }
  print_raw(pr, "{\n");
  pr->indent++;
  for (const struct ir_op *o = b ? b->first : NULL; o; o = o->next) {
    if (!o->next && elide_term && elidable(o, op)) break;
    print_op(pr, o);
  }
  pr->indent--;
  indent(pr);
  print_raw(pr, "}");
  pr->space = true;
}

static int print_module(const struct ir_module *m, struct ts_buf *b, bool debuginfo) {
  struct printer pr = { .b = b, .m = (struct ir_module *)m, .debuginfo = debuginfo };
  for (int i = 0; debuginfo && i < m->naliases; i++) {
    const struct ir_alias *a = &m->aliases[i];
    ts_buf_printf(b, "#%s = ", alias_name(pr.m, a->name, strlen(a->name)));
    ir_lex_canon(b, a->value, strlen(a->value), alias_name, pr.m);
    ts_buf_putc(b, '\n');
  }
  for (const struct ir_op *op = m->op; op; op = op->next) print_op(&pr, op);
  return b->oom ? -1 : 0;
}

int ir_print(const struct ir_module *m, struct ts_buf *b) {
  return print_module(m, b, false);
}

int ir_print_debuginfo(const struct ir_module *m, struct ts_buf *b) {
  return print_module(m, b, true);
}
