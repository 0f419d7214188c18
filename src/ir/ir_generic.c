/*
** ir_generic.c -- MLIR's generic op form, for the ops whose custom syntax
** is described by ops.def, and for constant, if, for and loop:
**   "cuda_tile.NAME" '(' [uses] ')' ['<{' props '}>'] ['(' region {',' region} ')']
**       ['{' attrs '}'] ':' '(' types ')' '->' types
** Attributes are known by their ODS names (attr_names below); both the
** properties and the attribute dictionary may hold them.
*/
#include <config.h>
#include "ir_int.h"

#include <stdio.h>
#include <string.h>

/* '#cuda_tile.KIND<value>' or, for integer-backed enums, 'N [: iK]' */
static int parse_enum_value(struct parser *p, const char *const *names, int n,
                            const char *what) {
  if (p->tok.kind == T_INT) {
    uint32_t off = p->tok.off;
    int64_t v = parse_int(p);
    if (parse_accept_punct(p, ':')) parse_type(p);
    if (v < 0 || v >= n) parse_fail(p, off, 1, "%s value %lld out of range", what, (long long)v);
    return (int)v;
  }
  if (p->tok.kind != T_HASH) parse_fail_tok(p, "expected %s attribute", what);
  parse_next(p);
  parse_expect_punct(p, '<');
  int v = parse_enum_kw(p, names, n);
  if (v < 0) parse_fail_tok(p, "expected %s", what);
  parse_next(p);
  parse_expect_punct(p, '>');
  return v;
}

static int64_t parse_typed_int(struct parser *p) {
  int64_t v = parse_int(p);
  if (parse_accept_punct(p, ':')) parse_type(p);
  return v;
}

static const char *const sign_names[2] = { "unsigned", "signed" };
static const char *const order_names[2] = { "unordered", "ordered" };

/* The operand segment sizes, when given. */
struct gen {
  int nseg;
  int64_t seg[IR_MAX_GROUPS + 2];
  const struct ty *value_type;
};

/* name = value, for one attribute; unknown names are kept out (an error). */
static void parse_named(struct parser *p, struct opbuild *b, struct gen *g) {
  struct ir_attrs *a = &b->op->attr;
  if (p->tok.kind != T_IDENT && p->tok.kind != T_STRING)
    parse_fail_tok(p, "expected attribute name");
  char name[64];
  uint32_t off = p->tok.off, len = p->tok.len;
  snprintf(name, sizeof name, "%.*s", (int)p->tok.len, parse_tok_text(p));
  parse_next(p);
  bool has_value = parse_accept_punct(p, '=');
  if (!has_value) {                                /* unit attributes */
    if (!strcmp(name, "flush_to_zero")) a->flags |= AF_FTZ;
    else if (!strcmp(name, "propagate_nan")) a->flags |= AF_PROPAGATE_NAN;
    else if (!strcmp(name, "fast_acc")) a->flags |= AF_FAST_ACC;
    else if (!strcmp(name, "global")) a->flags |= AF_GLOBAL;
    else if (!strcmp(name, "saturating")) a->flags |= AF_SATURATING;
    else if (!strcmp(name, "unsignedCmp") || !strcmp(name, "unsigned_cmp")) a->flags |= AF_UNSIGNED_CMP;
    else parse_fail(p, off, len, "unknown unit attribute '%s' for '%s'", name, ir_optab[b->op->code].name);
    return;
  }
  if (!strcmp(name, "rounding_mode") || !strcmp(name, "rounding"))
    a->rounding = (int8_t)parse_enum_value(p, ir_rounding_names, RND_COUNT, "rounding");
  else if (!strcmp(name, "overflow"))
    a->overflow = (int8_t)parse_enum_value(p, ir_overflow_names, 4, "overflow");
  else if (!strcmp(name, "signedness") || !strcmp(name, "signedness_lhs"))
    a->signedness = (int8_t)parse_enum_value(p, sign_names, 2, "signedness");
  else if (!strcmp(name, "signedness_rhs"))
    a->sign_rhs = (int8_t)parse_enum_value(p, sign_names, 2, "signedness");
  else if (!strcmp(name, "comparison_predicate"))
    a->pred = (int8_t)parse_enum_value(p, ir_cmp_pred_names, 6, "comparison_predicate");
  else if (!strcmp(name, "comparison_ordering"))
    a->order = (int8_t)parse_enum_value(p, order_names, 2, "comparison_ordering");
  else if (!strcmp(name, "memory_ordering_semantics"))
    a->mem_order = (int8_t)parse_enum_value(p, ir_mem_order_names, 5, "memory_ordering_semantics");
  else if (!strcmp(name, "memory_scope"))
    a->scope = (int8_t)parse_enum_value(p, ir_scope_names, 3, "memory_scope");
  else if (!strcmp(name, "mode"))
    a->mode = (int8_t)parse_enum_value(p, ir_atomic_mode_names, 10, "mode");
  else if (!strcmp(name, "dim")) a->dim = parse_typed_int(p);
  else if (!strcmp(name, "num_elem")) a->num_elem = parse_typed_int(p);
  else if (!strcmp(name, "alignment")) a->alignment = parse_typed_int(p);
  else if (!strcmp(name, "reverse")) {
    if (parse_accept_kw(p, "true")) a->flags |= AF_REVERSE;
    else parse_expect_kw(p, "false");
  } else if (!strcmp(name, "str") || !strcmp(name, "message")) {
    a->str = parse_string(p, &a->strlen);
  } else if (!strcmp(name, "name")) {
    a->str = parse_symbol(p);
  } else if (!strcmp(name, "optimization_hints")) {
    if (p->tok.kind == T_HASH) parse_next(p);
    parse_hints(p, a);
  } else if (!strcmp(name, "value") && b->op->code == IR_OP_constant) {
    parse_expect_kw(p, "dense");            /* dense<values> : type */
    parse_expect_punct(p, '<');
    struct dense_text *d = parse_dense_values(p);
    parse_expect_punct(p, '>');
    parse_expect_punct(p, ':');
    uint32_t toff = p->tok.off, tlen = p->tok.len;
    const struct ty *t = parse_type(p);
    if (t->kind != TY_TILE) parse_fail(p, toff, tlen, "a constant must have a tile type");
    a->value = parse_dense_finish(p, d, t);
    g->value_type = t;
  } else if (!strcmp(name, "operandSegmentSizes")) {
    parse_expect_kw(p, "array");
    parse_expect_punct(p, '<');
    parse_type(p);
    if (parse_accept_punct(p, ':')) do {
      if (g->nseg == IR_MAX_GROUPS) parse_fail_tok(p, "too many operand segments");
      g->seg[g->nseg++] = parse_int(p);
    } while (parse_accept_punct(p, ','));
    parse_expect_punct(p, '>');
  } else {
    const struct attr_syntax *s = NULL;
    if (!strcmp(name, "permutation")) s = attr_syntax_get("perm", 4);
    else if (!strcmp(name, "identities")) s = attr_syntax_get("identities", 10);
    else if (!strcmp(name, "predicate")) s = attr_syntax_get("assume", 6);
    if (!s) parse_fail(p, off, len, "unknown attribute '%s' for '%s'", name, ir_optab[b->op->code].name);
    s->parse(p, b, NULL);
  }
}

static void parse_dict(struct parser *p, struct opbuild *b, struct gen *g, char close) {
  if (!parse_is_punct(p, close)) do parse_named(p, b, g);
  while (parse_accept_punct(p, ','));
  parse_expect_punct(p, close);
}

/* The operand groups of a format-described op: 0 single, 1 optional,
** 2 variadic, in order. */
static int format_groups(const char *fmt, int *kind) {
  int n = 0, opt = 0;
  for (const char *s = fmt; *s; s++) {
    if (s[0] == '?' && s[1] == '[') opt = 1;
    if (s[0] == ']' && s[1] == '?') opt = 0;
    if (s[0] == '$' && (s == fmt || s[-1] == ' ' || s[-1] == '~')) {
      kind[n++] = s[1] == '*' ? 2 : opt;
    }
  }
  return n;
}

/* Split the operands into the op's groups. */
static void assign_groups(struct parser *p, struct opbuild *b, struct gen *g,
                          struct ir_value **v, uint32_t *off, int n) {
  int kind[IR_MAX_GROUPS + 2] = {0}, ng;
  const char *fmt = ir_optab[b->op->code].fmt;
  enum ir_opcode c = b->op->code;
  if (fmt) ng = format_groups(fmt, kind);
  else if (c == IR_OP_if) { ng = 1; }
  else if (c == IR_OP_for) { ng = 4; kind[3] = 2; }
  else if (c == IR_OP_loop) { ng = 1; kind[0] = 2; }
  else ng = 0;
  int sizes[IR_MAX_GROUPS] = {0};
  if (g->nseg) {
    if (g->nseg != ng) parse_fail(p, b->op->loc.off, b->op->loc.len,
                                  "operandSegmentSizes has %d entries, the op has %d operand groups", g->nseg, ng);
    for (int i = 0; i < ng; i++) sizes[i] = (int)g->seg[i];
  } else {
    int fixed = 0, var = -1, nvar = 0;
    for (int i = 0; i < ng; i++) {
      if (kind[i] == 0) { sizes[i] = 1; fixed++; }
      else { var = i; nvar++; }
    }
    if (nvar > 1) parse_fail(p, b->op->loc.off, b->op->loc.len, "operandSegmentSizes is required for this op");
    if (var >= 0) sizes[var] = n - fixed;
  }
  int total = 0;
  for (int i = 0; i < ng; i++) {
    if (sizes[i] < 0 || (kind[i] == 0 && sizes[i] != 1) || (kind[i] == 1 && sizes[i] > 1))
      parse_fail(p, b->op->loc.off, b->op->loc.len, "bad operand count for operand group %d", i);
    total += sizes[i];
  }
  if (total != n)
    parse_fail(p, b->op->loc.off, b->op->loc.len, "expected %d operands, got %d", total, n);
  for (int i = 0, k = 0; i < ng; i++) {
    parse_group_begin(b);
    for (int j = 0; j < sizes[i]; j++, k++) parse_add_operand(p, b, v[k], off[k]);
  }
}

void parse_generic(struct parser *p, struct opbuild *b) {
  enum ir_opcode c = b->op->code;
  if (!ir_optab[c].fmt && c != IR_OP_if && c != IR_OP_for && c != IR_OP_loop &&
      c != IR_OP_constant) {
    parse_fail(p, b->op->loc.off, b->op->loc.len, "the generic form of '%s' is not supported",
               ir_optab[c].name);
  }
  struct ir_value *v[256];
  uint32_t off[256];
  int n = 0;
  struct gen g = {0};
  parse_expect_punct(p, '(');
  if (!parse_is_punct(p, ')')) do {
    if (n == 256) parse_fail_tok(p, "too many operands");
    off[n] = p->tok.off;
    v[n++] = parse_use(p);
  } while (parse_accept_punct(p, ','));
  parse_expect_punct(p, ')');
  /* MLIR prints <{properties}> before the regions; accept either order */
  for (bool regions = false, props = false;;) {
    if (!regions && parse_accept_punct(p, '(')) {
      regions = true;
      do {
        if (b->nregions == 2) parse_fail_tok(p, "too many regions");
        parse_region(p, b->op, &b->regions[b->nregions++], 0, NULL, NULL, -1);
      } while (parse_accept_punct(p, ','));
      parse_expect_punct(p, ')');
    } else if (!props && parse_is_punct(p, '<')) {
      props = true;
      parse_next(p);
      parse_expect_punct(p, '{');
      parse_dict(p, b, &g, '}');
      parse_expect_punct(p, '>');
    } else {
      break;
    }
  }
  if (parse_accept_punct(p, '{')) parse_dict(p, b, &g, '}');
  assign_groups(p, b, &g, v, off, n);
  parse_expect_punct(p, ':');
  uint32_t toff = p->tok.off, tlen = p->tok.len;
  const struct ty *fn = parse_type(p);
  if (fn->kind != TY_FUNC) parse_fail(p, toff, tlen, "expected a function type");
  if (fn->nin != n) parse_fail(p, toff, tlen, "%d operand types for %d operands", fn->nin, n);
  for (int i = 0; i < n; i++)
    if (fn->ins[i] != v[i]->type)
      parse_fail(p, off[i], 1, "operand %d has type %s in the signature", i, "different from its value's");
  b->nres = fn->nout;
  for (int i = 0; i < fn->nout; i++) b->res[i] = fn->outs[i];
  if (c == IR_OP_constant && (!b->op->attr.value || fn->nout != 1 || g.value_type != fn->outs[0]))
    parse_fail(p, toff, tlen, "a generic constant needs value = dense<...> : T and one result of type T");
  if (c == IR_OP_if && b->nregions == 1) b->nregions = 2;
}
