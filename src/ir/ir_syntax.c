/*
** ir_syntax.c -- the ops whose text the format language of ops.def does
** not cover: constant, global, entry, testing$func, module, for, loop, if
** and make_tensor_view.  Each has its grammar line, its parser and its
** printer side by side.
*/
#include <config.h>
#include "ir_int.h"

#include <string.h>

/* ---- constant: '<' elem ':' literal '>' [attr-dict] ':' tile [attr-dict] ---- */

static void parse_constant(struct parser *p, struct opbuild *b) {
  struct dense_text *d = parse_dense_begin(p);
  parse_attr_dict(p, &b->op->attr);
  parse_expect_punct(p, ':');
  uint32_t off = p->tok.off, len = p->tok.len;
  const struct ty *t = parse_type(p);
  if (t->kind != TY_TILE) parse_fail(p, off, len, "constant must have a tile type");
  parse_attr_dict(p, &b->op->attr);            /* MLIR's place for it */
  b->op->attr.value = parse_dense_finish(p, d, t);
  b->res[0] = t;
  b->nres = 1;
}

static void print_constant(struct printer *pr, const struct ir_op *op) {
  print_dense(pr, op->attr.value);
  print_raw(pr, " : ");
  print_type(pr, op->out[0].type);
  pr->space = true;
  print_attr_dict(pr, &op->attr);
}

/* ---- global: [public|private] [constant] @name [alignment = N] dense ':' tile ---- */

static void parse_global(struct parser *p, struct opbuild *b) {
  struct ir_attrs *a = &b->op->attr;
  a->alignment = 0;
  if (parse_accept_kw(p, "private")) a->flags |= AF_PRIVATE;
  else parse_accept_kw(p, "public");
  if (parse_accept_kw(p, "constant")) a->flags |= AF_CONSTANT;
  a->str = parse_symbol(p);
  if (parse_accept_kw(p, "alignment")) {
    parse_expect_punct(p, '=');
    uint32_t off = p->tok.off;
    a->alignment = parse_int(p);
    if (a->alignment < 0) parse_fail(p, off, 1, "alignment must not be negative");
  }
  parse_attr_dict(p, a);
  struct dense_text *d = parse_dense_begin(p);
  parse_expect_punct(p, ':');
  uint32_t off = p->tok.off, len = p->tok.len;
  const struct ty *t = parse_type(p);
  if (t->kind != TY_TILE) parse_fail(p, off, len, "global must have a tile type");
  a->value = parse_dense_finish(p, d, t);
}

static void print_global(struct printer *pr, const struct ir_op *op) {
  const struct ir_attrs *a = &op->attr;
  if (a->flags & AF_PRIVATE) print_raw(pr, " private");
  if (a->flags & AF_CONSTANT) print_raw(pr, " constant");
  print_raw(pr, " ");
  print_symbol(pr, a->str);
  if (a->alignment > 0) {
    print_raw(pr, " alignment = ");
    ts_buf_printf(pr->b, "%lld", (long long)a->alignment);
  }
  print_attr_dict(pr, a);
  pr->space = true;
  print_dense(pr, a->value);
  print_raw(pr, " : ");
  print_type(pr, a->value->type);
}

/* ---- entry, testing$func:
**   @name '(' [%a ':' type {',' ...}] ')' ['->' types]
**   ['optimization_hints' '=' hints] region [attr-dict] ---- */

static void parse_func(struct parser *p, struct opbuild *b) {
  const struct ty *types[256];
  uint32_t tok[512];
  int n = 0;
  b->op->attr.str = parse_symbol(p);
  parse_expect_punct(p, '(');
  if (!parse_is_punct(p, ')')) do {
    if (n == 256) parse_fail_tok(p, "too many arguments");
    if (p->tok.kind != T_VALUE) parse_fail_tok(p, "expected SSA identifier");
    tok[2 * n] = p->tok.off;
    tok[2 * n + 1] = p->tok.len;
    parse_next(p);
    parse_expect_punct(p, ':');
    types[n++] = parse_type(p);
    struct ir_attrs ignored;
    parse_attr_dict(p, &ignored);
    parse_loc_suffix(p, NULL);
  } while (parse_accept_punct(p, ','));
  parse_expect_punct(p, ')');
  struct ty fn = { .kind = TY_FUNC, .nin = n, .ins = types };
  const struct ty *outs[64];
  if (parse_accept_arrow(p)) {
    if (parse_accept_punct(p, '(')) {
      if (!parse_is_punct(p, ')')) do {
        if (fn.nout == 64) parse_fail_tok(p, "too many results");
        outs[fn.nout++] = parse_type(p);
      } while (parse_accept_punct(p, ','));
      parse_expect_punct(p, ')');
    } else {
      outs[fn.nout++] = parse_type(p);
    }
  }
  fn.outs = outs;
  b->op->fn_type = ty_intern(p->m->types, &fn);
  if (!b->op->fn_type) parse_fail_tok(p, "out of memory");
  if (parse_accept_kw(p, "optimization_hints")) {
    parse_expect_punct(p, '=');
    parse_hints(p, &b->op->attr);
  }
  parse_region(p, b->op, &b->regions[b->nregions++], n, types, tok, IR_OP_return);
  parse_attr_dict(p, &b->op->attr);
}

static void print_func(struct printer *pr, const struct ir_op *op) {
  const struct ir_block *blk = op->regions[0].block;
  const struct ty *fn = op->fn_type;
  print_raw(pr, " ");
  print_symbol(pr, op->attr.str);
  print_raw(pr, "(");
  for (int i = 0; i < blk->nargs; i++) {
    if (i) print_raw(pr, ", ");
    print_value(pr, &blk->args[i]);
    print_raw(pr, ": ");
    print_type(pr, blk->args[i].type);
  }
  print_raw(pr, ")");
  if (fn->nout) {
    print_raw(pr, fn->nout > 1 ? " -> (" : " -> ");
    for (int i = 0; i < fn->nout; i++) {
      if (i) print_raw(pr, ", ");
      print_type(pr, fn->outs[i]);
    }
    if (fn->nout > 1) print_raw(pr, ")");
  }
  if (op->attr.hints && op->attr.hints->n) {
    print_raw(pr, " optimization_hints=");
    print_hints(pr, op->attr.hints);
  }
  pr->space = true;
  print_region(pr, op, &op->regions[0], false, false);
  print_attr_dict(pr, &op->attr);
}

/* ---- if: %cond ['->' '(' types ')'] region ['else' region] [attr-dict] ---- */

static void parse_if(struct parser *p, struct opbuild *b) {
  parse_group_begin(b);
  uint32_t off = p->tok.off;
  parse_add_operand(p, b, parse_use(p), off);
  b->nres = 0;
  if (parse_accept_arrow(p)) {
    parse_expect_punct(p, '(');
    if (!parse_is_punct(p, ')')) do {
      if (b->nres == 256) parse_fail_tok(p, "too many results");
      b->res[b->nres++] = parse_type(p);
    } while (parse_accept_punct(p, ','));
    parse_expect_punct(p, ')');
  }
  parse_region(p, b->op, &b->regions[0], 0, NULL, NULL, IR_OP_yield);
  b->nregions = 2;
  if (parse_accept_kw(p, "else"))
    parse_region(p, b->op, &b->regions[1], 0, NULL, NULL, IR_OP_yield);
  parse_attr_dict(p, &b->op->attr);
}

static void print_if(struct printer *pr, const struct ir_op *op) {
  print_raw(pr, " ");
  print_value(pr, op->in[0]);
  if (op->nout) {
    print_raw(pr, " -> (");
    for (int i = 0; i < op->nout; i++) {
      if (i) print_raw(pr, ", ");
      print_type(pr, op->out[i].type);
    }
    print_raw(pr, ")");
  }
  pr->space = true;
  print_region(pr, op, &op->regions[0], false, true);
  if (op->regions[1].block) {
    print_raw(pr, " else");
    pr->space = true;
    print_region(pr, op, &op->regions[1], false, true);
  }
  print_attr_dict(pr, &op->attr);
}

/* iter-values -> 'iter_values' '(' %arg '=' use {',' ...} ')' */
static int parse_iter_values(struct parser *p, struct opbuild *b, uint32_t *tok) {
  int n = 0;
  parse_expect_punct(p, '(');
  if (!parse_is_punct(p, ')')) do {
    if (n == 254) parse_fail_tok(p, "too many iter_values");
    if (p->tok.kind != T_VALUE) parse_fail_tok(p, "expected SSA value name");
    tok[2 * n] = p->tok.off;
    tok[2 * n + 1] = p->tok.len;
    parse_next(p);
    parse_expect_punct(p, '=');
    uint32_t off = p->tok.off;
    parse_add_operand(p, b, parse_use(p), off);
    n++;
  } while (parse_accept_punct(p, ','));
  parse_expect_punct(p, ')');
  return n;
}

static void print_iter_values(struct printer *pr, const struct ir_op *op,
                              struct ir_value **init, int n, int first_arg) {
  print_raw(pr, "iter_values(");
  for (int i = 0; i < n; i++) {
    if (i) print_raw(pr, ", ");
    print_value(pr, &op->regions[0].block->args[first_arg + i]);
    print_raw(pr, " = ");
    print_value(pr, init[i]);
  }
  print_raw(pr, ")");
}

/* ---- for: ['unsigned'] %iv 'in' '(' lb 'to' ub ',' 'step' s ')' ':' type
**          ['iter_values' '(' ... ')' '->' '(' types ')'] region [attr-dict] ---- */

static void parse_for(struct parser *p, struct opbuild *b) {
  uint32_t tok[512];
  const struct ty *types[256];
  if (parse_accept_kw(p, "unsigned")) b->op->attr.flags |= AF_UNSIGNED_CMP;
  if (p->tok.kind != T_VALUE) parse_fail_tok(p, "expected SSA value name for the induction variable");
  tok[0] = p->tok.off;
  tok[1] = p->tok.len;
  parse_next(p);
  parse_expect_kw(p, "in");
  parse_expect_punct(p, '(');
  uint32_t offs[3];
  for (int i = 0; i < 3; i++) {
    if (i == 1) parse_expect_kw(p, "to");
    if (i == 2) { parse_expect_punct(p, ','); parse_expect_kw(p, "step"); }
    parse_group_begin(b);
    offs[i] = p->tok.off;
    parse_add_operand(p, b, parse_use(p), offs[i]);
  }
  parse_expect_punct(p, ')');
  parse_expect_punct(p, ':');
  uint32_t toff = p->tok.off, tlen = p->tok.len;
  types[0] = parse_type(p);
  for (int i = 0; i < 3; i++)
    if (b->ops[i]->type != types[0])
      parse_fail(p, toff, tlen, "loop bounds and step must have the induction variable's type");
  parse_group_begin(b);
  int n = 0;
  b->nres = 0;
  if (parse_accept_kw(p, "iter_values")) {
    uint32_t ioff = p->tok.off;
    n = parse_iter_values(p, b, tok + 2);
    parse_expect_arrow(p);
    parse_expect_punct(p, '(');
    if (!parse_is_punct(p, ')')) do {
      if (b->nres == 255) parse_fail_tok(p, "too many results");
      b->res[b->nres++] = parse_type(p);
    } while (parse_accept_punct(p, ','));
    parse_expect_punct(p, ')');
    if (b->nres != n)
      parse_fail(p, ioff, 1, "mismatch in number of loop-carried values and defined values");
    for (int i = 0; i < n; i++) types[1 + i] = b->res[i];
  }
  parse_region(p, b->op, &b->regions[b->nregions++], n + 1, types, tok,
               n ? -1 : IR_OP_continue);
  parse_attr_dict(p, &b->op->attr);
}

static void print_for(struct printer *pr, const struct ir_op *op) {
  const struct ir_block *blk = op->regions[0].block;
  if (op->attr.flags & AF_UNSIGNED_CMP) print_raw(pr, " unsigned");
  print_raw(pr, " ");
  print_value(pr, &blk->args[0]);
  print_raw(pr, " in (");
  print_value(pr, op->in[0]);
  print_raw(pr, " to ");
  print_value(pr, op->in[1]);
  print_raw(pr, ", step ");
  print_value(pr, op->in[2]);
  print_raw(pr, ") : ");
  print_type(pr, blk->args[0].type);
  if (op->nin > 3) {
    print_raw(pr, " ");
    print_iter_values(pr, op, op->in + 3, op->nin - 3, 1);
    print_raw(pr, " -> (");
    for (int i = 0; i < op->nout; i++) {
      if (i) print_raw(pr, ", ");
      print_type(pr, op->out[i].type);
    }
    print_raw(pr, ")");
  }
  pr->space = true;
  print_region(pr, op, &op->regions[0], false, true);
  print_attr_dict(pr, &op->attr);
}

/* ---- loop: ['iter_values' '(' ... ')' ':' types ['->' types] | ':' types]
**           region [attr-dict] ---- */

static void parse_loop(struct parser *p, struct opbuild *b) {
  uint32_t tok[512];
  const struct ty *types[256];
  int n = 0;
  parse_group_begin(b);
  b->nres = 0;
  if (parse_accept_kw(p, "iter_values")) {
    uint32_t ioff = p->tok.off;
    n = parse_iter_values(p, b, tok);
    parse_expect_punct(p, ':');
    int nt = 0;
    do {
      if (nt == 256) parse_fail_tok(p, "too many types");
      types[nt++] = parse_type(p);
    } while (parse_accept_punct(p, ','));
    if (nt != n) parse_fail(p, ioff, 1, "found different number of iter_values and types");
    for (int i = 0; i < n; i++)
      if (b->ops[i]->type != types[i])
        parse_fail(p, ioff, 1, "iter_values operand %d has type different from its declared type", i);
    if (parse_accept_arrow(p)) do {
      if (b->nres == 256) parse_fail_tok(p, "too many results");
      b->res[b->nres++] = parse_type(p);
    } while (parse_accept_punct(p, ','));
  } else if (parse_accept_punct(p, ':')) {
    do {
      if (b->nres == 256) parse_fail_tok(p, "too many results");
      b->res[b->nres++] = parse_type(p);
    } while (parse_accept_punct(p, ','));
  }
  parse_region(p, b->op, &b->regions[b->nregions++], n, types, tok, IR_OP_continue);
  parse_attr_dict(p, &b->op->attr);
}

static void print_loop(struct printer *pr, const struct ir_op *op) {
  if (op->nin) {
    print_raw(pr, " ");
    print_iter_values(pr, op, op->in, op->nin, 0);
  }
  if (op->nin || op->nout) print_raw(pr, " :");
  for (int i = 0; i < op->nin; i++) {
    print_raw(pr, i ? ", " : " ");
    print_type(pr, op->in[i]->type);
  }
  if (op->nin && op->nout) print_raw(pr, " ->");
  for (int i = 0; i < op->nout; i++) {
    print_raw(pr, i ? ", " : " ");
    print_type(pr, op->out[i].type);
  }
  pr->space = true;
  print_region(pr, op, &op->regions[0], false, true);
  print_attr_dict(pr, &op->attr);
}

/* ---- make_tensor_view: %base ',' 'shape' '=' '[' (int|%v) {...} ']' ','
**      'strides' '=' '[' ... ']' [attr-dict] ':' [type '->'] tensor_view ----
** Static entries go to attr.perm (shape) and attr.strides, dynamic ones
** are operands (groups 1 and 2) and stand as TY_DYNAMIC in the lists. */

static int parse_mixed(struct parser *p, struct opbuild *b, int64_t *v) {
  int n = 0;
  parse_group_begin(b);
  parse_expect_punct(p, '[');
  if (!parse_is_punct(p, ']')) do {
    if (n == 16) parse_fail_tok(p, "too many dimensions");
    if (p->tok.kind == T_VALUE) {
      uint32_t off = p->tok.off;
      parse_add_operand(p, b, parse_use(p), off);
      v[n++] = TY_DYNAMIC;
    } else {
      v[n++] = parse_int(p);
    }
  } while (parse_accept_punct(p, ','));
  parse_expect_punct(p, ']');
  return n;
}

static void parse_make_tensor_view(struct parser *p, struct opbuild *b) {
  int64_t shape[16], strides[16];
  struct ir_attrs *a = &b->op->attr;
  parse_group_begin(b);
  uint32_t off = p->tok.off;
  parse_add_operand(p, b, parse_use(p), off);
  parse_expect_punct(p, ',');
  parse_expect_kw(p, "shape");
  parse_expect_punct(p, '=');
  a->nperm = parse_mixed(p, b, shape);
  parse_expect_punct(p, ',');
  parse_expect_kw(p, "strides");
  parse_expect_punct(p, '=');
  a->nstrides = parse_mixed(p, b, strides);
  a->perm = parse_alloc(p, 16 * sizeof *shape);
  a->strides = parse_alloc(p, 16 * sizeof *strides);
  memcpy(a->perm, shape, sizeof shape);
  memcpy(a->strides, strides, sizeof strides);
  parse_attr_dict(p, a);
  parse_expect_punct(p, ':');
  uint32_t toff = p->tok.off, tlen = p->tok.len;
  const struct ty *t = parse_type(p);
  if (parse_accept_arrow(p)) {
    for (int i = 1; i < b->nops; i++)
      if (b->ops[i]->type != t)
        parse_fail(p, toff, tlen, "dynamic shape and stride operands must all have type written here");
    toff = p->tok.off;
    tlen = p->tok.len;
    t = parse_type(p);
  } else if (b->nops > 1) {
    parse_fail(p, toff, tlen, "expected the type of the dynamic shape and stride operands before '->'");
  }
  if (t->kind != TY_TENSOR_VIEW) parse_fail(p, toff, tlen, "expected tensor_view type");
  b->res[0] = t;
  b->nres = 1;
}

static void print_mixed(struct printer *pr, const int64_t *v, int n,
                        struct ir_value **dyn) {
  print_raw(pr, "[");
  for (int i = 0, k = 0; i < n; i++) {
    if (i) print_raw(pr, ", ");
    if (v[i] == TY_DYNAMIC) print_value(pr, dyn[k++]);
    else ts_buf_printf(pr->b, "%lld", (long long)v[i]);
  }
  print_raw(pr, "]");
}

static void print_make_tensor_view(struct printer *pr, const struct ir_op *op) {
  int ns, nst, nb;
  struct ir_value **base = ir_op_group(op, 0, &nb);
  struct ir_value **sh = ir_op_group(op, 1, &ns);
  struct ir_value **st = ir_op_group(op, 2, &nst);
  print_raw(pr, " ");
  print_value(pr, base[0]);
  print_raw(pr, ", shape = ");
  print_mixed(pr, op->attr.perm, op->attr.nperm, sh);
  print_raw(pr, ", strides = ");
  print_mixed(pr, op->attr.strides, op->attr.nstrides, st);
  print_attr_dict(pr, &op->attr);
  print_raw(pr, " : ");
  if (ns + nst) {
    print_type(pr, (ns ? sh : st)[0]->type);
    print_raw(pr, " -> ");
  }
  print_type(pr, op->out[0].type);
}

static void parse_module_op(struct parser *p, struct opbuild *b) {
  (void)b;
  parse_fail_tok(p, "'cuda_tile.module' may only appear at the top level");
}

static void print_module_op(struct printer *pr, const struct ir_op *op) {
  print_raw(pr, " ");
  print_symbol(pr, op->attr.str ? op->attr.str : "kernels");
  if (op->attr.dict) { print_raw(pr, " attributes "); print_raw(pr, op->attr.dict); }
  pr->space = true;
  print_region(pr, op, &op->regions[0], false, false);
}

const struct custom_syntax ir_custom_syntax[IR_NUM_OPS] = {
  [IR_OP_constant] = { parse_constant, print_constant },
  [IR_OP_global] = { parse_global, print_global },
  [IR_OP_entry] = { parse_func, print_func },
  [IR_OP_testing_func] = { parse_func, print_func },
  [IR_OP_if] = { parse_if, print_if },
  [IR_OP_for] = { parse_for, print_for },
  [IR_OP_loop] = { parse_loop, print_loop },
  [IR_OP_make_tensor_view] = { parse_make_tensor_view, print_make_tensor_view },
  [IR_OP_module] = { parse_module_op, print_module_op },
};
