/*
** ir_parse.c -- Tile IR text to a module.  A recursive-descent parser over
** ir_lex() tokens.  Ops with a format in ops.def are read by parse_fmt();
** the others by their hand-written syntax (ir_syntax.c).  The first error
** ends the parse: parse_fail() records it and longjmps out, which is safe
** because everything built so far lives in the module's arena.
*/
#include <config.h>
#include "ir_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors and tokens ---- */

noreturn static void vfail(struct parser *p, uint32_t off, uint32_t len,
                           const char *fmt, va_list ap) {
  struct ts_loc loc = { p->src, off, len };
  ts_diag_vemit(p->sink, TS_ERROR, loc, fmt, ap);
  longjmp(p->fail, 1);
}

noreturn void parse_fail(struct parser *p, uint32_t off, uint32_t len,
                         const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(p, off, len, fmt, ap);
}

noreturn void parse_fail_tok(struct parser *p, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(p, p->tok.off, p->tok.len, fmt, ap);
}

void *parse_alloc(struct parser *p, size_t n) {
  void *r = ts_arena_alloc(&p->m->arena, n);
  if (!r) parse_fail(p, p->tok.off, 0, "out of memory");
  return r;
}

const char *parse_tok_text(struct parser *p) { return p->src->text + p->tok.off; }

static bool tok_is(struct parser *p, const char *s) {
  size_t n = strlen(s);
  return p->tok.len == n && memcmp(parse_tok_text(p), s, n) == 0;
}

void parse_next(struct parser *p) {
  ir_lex(p->src->text, p->src->len, &p->pos, &p->tok);
  if (p->tok.kind == T_ERROR)
    parse_fail_tok(p, p->tok.len && parse_tok_text(p)[0] == '"'
                          ? "unterminated string" : "unexpected character");
}

static const char *tok_desc(struct parser *p) {
  static const char *const kind[] = {
    "end of file", "value", "symbol", "identifier", "type", "attribute",
    "integer", "float", "string", "'->'", "punctuation", "block label", "?" };
  return kind[p->tok.kind];
}

bool parse_is_punct(struct parser *p, char c) {
  return p->tok.kind == T_PUNCT && p->tok.c == c;
}

bool parse_accept_punct(struct parser *p, char c) {
  if (!parse_is_punct(p, c)) return false;
  parse_next(p);
  return true;
}

void parse_expect_punct(struct parser *p, char c) {
  if (!parse_accept_punct(p, c)) {
    if (p->tok.kind == T_EOF) parse_fail_tok(p, "expected '%c', found end of file", c);
    parse_fail_tok(p, "expected '%c'", c);
  }
}

bool parse_is_kw(struct parser *p, const char *kw) {
  return p->tok.kind == T_IDENT && tok_is(p, kw);
}

bool parse_accept_kw(struct parser *p, const char *kw) {
  if (!parse_is_kw(p, kw)) return false;
  parse_next(p);
  return true;
}

void parse_expect_kw(struct parser *p, const char *kw) {
  if (!parse_accept_kw(p, kw)) parse_fail_tok(p, "expected '%s'", kw);
}

bool parse_accept_arrow(struct parser *p) {
  if (p->tok.kind != T_ARROW) return false;
  parse_next(p);
  return true;
}

void parse_expect_arrow(struct parser *p) {
  if (!parse_accept_arrow(p)) parse_fail_tok(p, "expected '->'");
}

int parse_enum_kw(struct parser *p, const char *const *names, int n) {
  if (p->tok.kind != T_IDENT) return -1;
  for (int i = 0; i < n; i++)
    if (names[i] && tok_is(p, names[i])) return i;
  return -1;
}

/* int -> ['-'] (decimal | 0x hex); hex is a bit pattern up to 64 bits */
int64_t parse_int(struct parser *p) {
  bool neg = parse_accept_punct(p, '-');
  if (p->tok.kind != T_INT) parse_fail_tok(p, "expected integer value");
  const char *s = parse_tok_text(p);
  char buf[72];
  if (p->tok.len >= sizeof buf) parse_fail_tok(p, "integer value too large");
  memcpy(buf, s, p->tok.len);
  buf[p->tok.len] = 0;
  errno = 0;
  uint64_t v = strtoull(buf, NULL, 0);
  if (errno || (neg && v > (uint64_t)INT64_MAX + 1) ||
      (!neg && v > (uint64_t)INT64_MAX && buf[1] != 'x' && buf[1] != 'X'))
    parse_fail_tok(p, "integer value too large");
  parse_next(p);
  return neg ? (int64_t)(0 - v) : (int64_t)v;
}

static int hexval(int c) {
  return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* string -> '"' chars '"', with \\ \" \n \t and \XX escapes */
const char *parse_string(struct parser *p, size_t *len) {
  if (p->tok.kind != T_STRING) parse_fail_tok(p, "expected string");
  const char *s = parse_tok_text(p) + 1, *e = parse_tok_text(p) + p->tok.len - 1;
  char *out = parse_alloc(p, (size_t)(e - s) + 1), *o = out;
  while (s < e) {
    if (*s != '\\') { *o++ = *s++; continue; }
    s++;
    if (*s == 'n') *o++ = '\n', s++;
    else if (*s == 't') *o++ = '\t', s++;
    else if (*s == '"' || *s == '\\') *o++ = *s++;
    else if (s + 1 < e && isxdigit((unsigned char)s[0]) && isxdigit((unsigned char)s[1])) {
      *o++ = (char)(hexval((unsigned char)s[0]) * 16 + hexval((unsigned char)s[1]));
      s += 2;
    } else {
      parse_fail(p, (uint32_t)(s - p->src->text) - 1, 2, "unknown escape in string");
    }
  }
  *o = 0;
  *len = (size_t)(o - out);
  parse_next(p);
  return out;
}

/* symbol -> '@' name | '@' string */
const char *parse_symbol(struct parser *p) {
  if (p->tok.kind != T_SYMBOL) parse_fail_tok(p, "expected symbol name");
  const char *s = parse_tok_text(p) + 1;
  size_t n = p->tok.len - 1;
  if (*s == '"') { s++; n -= 2; }
  const char *r = ts_arena_strndup(&p->m->arena, s, n);
  if (!r) parse_fail_tok(p, "out of memory");
  parse_next(p);
  return r;
}

/* ---- types ---- */

/* Read "N x N x ... x" directly from the text after '<' or '(':
** MLIR spells dims and element type as one word ("4x8xf32").
** A dim is digits or '?' (when dyn).  Stops at the first thing that is
** not a dim followed by 'x' (or, with last_no_x, by the closing char). */
static int scan_dims(struct parser *p, int64_t *dims, int max, bool dyn,
                     char close) {
  const char *s = p->src->text;
  size_t n = p->src->len, i = p->tok.off;
  int rank = 0;
  for (;;) {
    while (i < n && isspace((unsigned char)s[i])) i++;
    size_t start = i;
    int64_t d;
    if (dyn && i < n && s[i] == '?') { d = TY_DYNAMIC; i++; }
    else if (i < n && isdigit((unsigned char)s[i])) {
      d = 0;
      while (i < n && isdigit((unsigned char)s[i])) {
        if (d > (INT64_MAX - 9) / 10)
          parse_fail(p, (uint32_t)start, (uint32_t)(i - start), "dimension too large");
        d = d * 10 + (s[i++] - '0');
      }
    } else break;
    while (i < n && isspace((unsigned char)s[i])) i++;
    if (i < n && s[i] == 'x') {
      i++;
    } else if (close && i < n && s[i] == close) {
      /* the last dim of a list that has no element type */
    } else {
      i = start;
      break;
    }
    if (rank == max) parse_fail(p, (uint32_t)start, 1, "too many dimensions");
    dims[rank++] = d;
    if (close && s[i] == close) break;
  }
  p->pos = i;
  parse_next(p);
  return rank;
}

/* [ d, d, ... ] with d an integer or '?' */
static int parse_int_list(struct parser *p, int64_t *v, int max, bool dyn) {
  int n = 0;
  parse_expect_punct(p, '[');
  if (parse_accept_punct(p, ']')) return 0;
  do {
    if (n == max) parse_fail_tok(p, "too many values in list");
    if (dyn && parse_accept_punct(p, '?')) v[n++] = TY_DYNAMIC;
    else v[n++] = parse_int(p);
  } while (parse_accept_punct(p, ','));
  parse_expect_punct(p, ']');
  return n;
}

enum { MAX_RANK = 16 };

static const struct ty *check_type(struct parser *p, const struct ty *t) {
  if (!t) parse_fail_tok(p, "out of memory");
  return t;
}

static const struct ty *parse_elem_or_ptr(struct parser *p);

/* tile-type -> 'tile' '<' (dim 'x')* elem '>' */
static const struct ty *parse_tile_body(struct parser *p) {
  int64_t dims[MAX_RANK];
  parse_expect_punct(p, '<');
  int rank = scan_dims(p, dims, MAX_RANK, false, 0);
  const struct ty *elt = parse_elem_or_ptr(p);
  parse_expect_punct(p, '>');
  return check_type(p, ty_tile_get(p->m->types, elt, rank, dims));
}

/* tensor-view -> 'tensor_view' '<' (dim 'x')* elem [',' 'strides' '=' list] '>' */
static const struct ty *parse_tensor_view_body(struct parser *p) {
  int64_t dims[MAX_RANK], strides[MAX_RANK];
  uint32_t off = p->tok.off;
  parse_expect_punct(p, '<');
  int rank = scan_dims(p, dims, MAX_RANK, true, 0);
  const struct ty *elt = parse_elem_or_ptr(p);
  int ns = 0;
  if (parse_accept_punct(p, ',')) {
    parse_expect_kw(p, "strides");
    parse_expect_punct(p, '=');
    ns = parse_int_list(p, strides, MAX_RANK, true);
  }
  parse_expect_punct(p, '>');
  if (ns != rank)
    parse_fail(p, off, 1, "expected %d strides for a rank-%d tensor_view, got %d",
               rank, rank, ns);
  struct ty t = { .kind = TY_TENSOR_VIEW, .elt = elt, .rank = rank,
                  .shape = dims, .strides = strides };
  return check_type(p, ty_intern(p->m->types, &t));
}

static const char *const padding_names[] = {
  "zero", "neg_zero", "nan", "pos_inf", "neg_inf",
};

static const struct ty *parse_type_inner(struct parser *p, bool want_tv);

/* view -> KIND '<' 'tile' '=' '(' dims ')' {',' item} '>'
**   item -> 'traversal_strides' '=' list | 'padding_value' '=' NAME
**         | tensor-view | 'dim_map' '=' list | 'sparse_dim' '=' INT */
static const struct ty *parse_view_body(struct parser *p, enum ty_kind kind) {
  int64_t tile[MAX_RANK], strides[MAX_RANK], dim_map[MAX_RANK];
  struct ty t = { .kind = kind, .padding = PAD_NONE, .sparse_dim = -1 };
  int nstrides = -1, nmap = -1;
  uint32_t off = p->tok.off;
  parse_expect_punct(p, '<');
  parse_expect_kw(p, "tile");
  parse_expect_punct(p, '=');
  if (!parse_is_punct(p, '(')) parse_fail_tok(p, "expected '('");
  t.rank = parse_is_punct(p, '(') ? (p->tok.off++, scan_dims(p, tile, MAX_RANK, false, ')')) : 0;
  parse_expect_punct(p, ')');
  while (parse_accept_punct(p, ',')) {
    if (parse_accept_kw(p, "traversal_strides")) {
      parse_expect_punct(p, '=');
      nstrides = parse_int_list(p, strides, MAX_RANK, false);
    } else if (parse_accept_kw(p, "padding_value")) {
      parse_expect_punct(p, '=');
      t.padding = parse_enum_kw(p, padding_names, 5);
      if (t.padding < 0) parse_fail_tok(p, "expected a padding value (zero, neg_zero, nan, pos_inf, neg_inf)");
      parse_next(p);
    } else if (parse_accept_kw(p, "dim_map")) {
      parse_expect_punct(p, '=');
      nmap = parse_int_list(p, dim_map, MAX_RANK, false);
    } else if (parse_accept_kw(p, "sparse_dim")) {
      parse_expect_punct(p, '=');
      t.sparse_dim = (int)parse_int(p);
    } else {
      t.tv = parse_type_inner(p, true);
    }
  }
  parse_expect_punct(p, '>');
  if (!t.tv) parse_fail(p, off, 1, "expected a tensor_view in the view type");
  if (kind == TY_STRIDED_VIEW && nstrides < 0)
    parse_fail(p, off, 1, "strided_view needs traversal_strides");
  if (kind == TY_GATHER_SCATTER_VIEW && t.sparse_dim < 0)
    parse_fail(p, off, 1, "gather_scatter_view needs sparse_dim");
  if (nstrides >= 0 && nstrides != t.rank)
    parse_fail(p, off, 1, "expected %d traversal strides, got %d", t.rank, nstrides);
  if (nmap >= 0 && nmap != t.rank)
    parse_fail(p, off, 1, "expected %d dim_map entries, got %d", t.rank, nmap);
  t.shape = tile;
  t.strides = nstrides >= 0 ? strides : NULL;
  t.dim_map = nmap >= 0 ? dim_map : NULL;
  t.elt = t.tv->elt;
  return check_type(p, ty_intern(p->m->types, &t));
}

static const struct ty *parse_ptr_body(struct parser *p) {
  parse_expect_punct(p, '<');
  const struct ty *e = parse_elem_or_ptr(p);
  parse_expect_punct(p, '>');
  return check_type(p, ty_ptr_get(p->m->types, e));
}

/* The name of a type, without a '!cuda_tile.' prefix. */
static bool type_name(struct parser *p, const char **s, size_t *n) {
  *s = parse_tok_text(p);
  *n = p->tok.len;
  if (p->tok.kind == T_BANG) {
    static const char pre[] = "!cuda_tile.";
    if (*n <= sizeof pre - 1 || memcmp(*s, pre, sizeof pre - 1)) return false;
    *s += sizeof pre - 1;
    *n -= sizeof pre - 1;
    return true;
  }
  return p->tok.kind == T_IDENT;
}

static bool name_is(const char *s, size_t n, const char *w) {
  return strlen(w) == n && memcmp(s, w, n) == 0;
}

static const struct ty *parse_type_inner(struct parser *p, bool want_tv) {
  const char *s;
  size_t n;
  uint32_t off = p->tok.off, len = p->tok.len;
  if (!type_name(p, &s, &n)) parse_fail_tok(p, "expected type");
  for (int e = 0; e < EL_COUNT; e++)
    if (name_is(s, n, ty_elem_names[e])) {
      parse_next(p);
      return check_type(p, ty_elem_get(p->m->types, (enum ty_elem)e));
    }
  parse_next(p);
  const struct ty *t;
  if (name_is(s, n, "tile")) t = parse_tile_body(p);
  else if (name_is(s, n, "ptr")) t = parse_ptr_body(p);
  else if (name_is(s, n, "token")) t = check_type(p, ty_token_get(p->m->types));
  else if (name_is(s, n, "tensor_view")) t = parse_tensor_view_body(p);
  else if (name_is(s, n, "partition_view")) t = parse_view_body(p, TY_PARTITION_VIEW);
  else if (name_is(s, n, "strided_view")) t = parse_view_body(p, TY_STRIDED_VIEW);
  else if (name_is(s, n, "gather_scatter_view")) t = parse_view_body(p, TY_GATHER_SCATTER_VIEW);
  else parse_fail(p, off, len, "unknown type '%.*s'", (int)len, parse_tok_text(p) - (p->tok.off - off));
  if (want_tv && t->kind != TY_TENSOR_VIEW)
    parse_fail(p, off, len, "expected a tensor_view type");
  return t;
}

static const struct ty *parse_elem_or_ptr(struct parser *p) {
  uint32_t off = p->tok.off, len = p->tok.len;
  const struct ty *t = parse_type_inner(p, false);
  if (t->kind != TY_INT && t->kind != TY_FLOAT && t->kind != TY_PTR)
    parse_fail(p, off, len, "expected an element type");
  return t;
}

/* type -> tile | ptr | token | tensor_view | views | elem | fn-type */
const struct ty *parse_type(struct parser *p) {
  if (parse_is_punct(p, '(')) {               /* (T, ...) -> (T, ...) | T */
    const struct ty *ins[64], *outs[64];
    struct ty t = { .kind = TY_FUNC };
    parse_next(p);
    if (!parse_is_punct(p, ')')) do {
      if (t.nin == 64) parse_fail_tok(p, "too many types");
      ins[t.nin++] = parse_type(p);
    } while (parse_accept_punct(p, ','));
    parse_expect_punct(p, ')');
    parse_expect_arrow(p);
    if (parse_accept_punct(p, '(')) {
      if (!parse_is_punct(p, ')')) do {
        if (t.nout == 64) parse_fail_tok(p, "too many types");
        outs[t.nout++] = parse_type(p);
      } while (parse_accept_punct(p, ','));
      parse_expect_punct(p, ')');
    } else {
      outs[t.nout++] = parse_type(p);
    }
    t.ins = ins;
    t.outs = outs;
    return check_type(p, ty_intern(p->m->types, &t));
  }
  return parse_type_inner(p, false);
}

/* ---- SSA names ---- */

struct name_entry {
  const char *name;            /* without '%' */
  size_t len;
  struct ir_value *vals;       /* count values, consecutive */
  int count;
  size_t bucket;
  struct name_entry *chain;    /* next in bucket */
  struct name_entry *undo;     /* previous definition, for scope pops */
};

static size_t name_hash(const char *s, size_t n) {
  size_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static struct name_entry *name_find(struct parser *p, const char *s, size_t n) {
  struct name_entry *e = p->names[name_hash(s, n) & (p->names_cap - 1)];
  for (; e; e = e->chain)
    if (e->len == n && memcmp(e->name, s, n) == 0) return e;
  return NULL;
}

/* Define %name (token at off/len, '%' included) as vals[0..count). */
static void name_define(struct parser *p, uint32_t off, uint32_t len,
                        struct ir_value *vals, int count) {
  const char *s = p->src->text + off + 1;
  size_t n = len - 1;
  if (name_find(p, s, n))
    parse_fail(p, off, len, "redefinition of SSA value '%%%.*s'", (int)n, s);
  struct name_entry *e = parse_alloc(p, sizeof *e);
  e->name = ts_arena_strndup(&p->m->arena, s, n);
  if (!e->name) parse_fail(p, off, len, "out of memory");
  e->len = n;
  e->vals = vals;
  e->count = count;
  e->bucket = name_hash(s, n) & (p->names_cap - 1);
  e->chain = p->names[e->bucket];
  p->names[e->bucket] = e;
  e->undo = p->undo;
  p->undo = e;
  for (int i = 0; i < count; i++) {
    vals[i].name = e->name;
    vals[i].loc = (struct ts_loc){ p->src, off, len };
  }
}

void parse_scope_push(struct parser *p, struct name_entry **mark) { *mark = p->undo; }

void parse_scope_pop(struct parser *p, struct name_entry *mark) {
  while (p->undo != mark) {
    struct name_entry *e = p->undo;
    p->names[e->bucket] = e->chain;    /* newest first, so it heads its bucket */
    p->undo = e->undo;
  }
}

/* use -> '%' name ['#' int]  (no blanks around '#') */
struct ir_value *parse_use(struct parser *p) {
  if (p->tok.kind != T_VALUE) parse_fail_tok(p, "expected SSA operand");
  uint32_t off = p->tok.off, len = p->tok.len;
  const char *s = parse_tok_text(p) + 1, *t = p->src->text;
  size_t n = len - 1, i = off + len;
  struct name_entry *e = name_find(p, s, n);
  if (!e) parse_fail(p, off, len, "use of undeclared SSA value name '%%%.*s'", (int)n, s);
  long k = 0;
  if (i < p->src->len && t[i] == '#') {
    if (++i >= p->src->len || !isdigit((unsigned char)t[i]))
      parse_fail(p, (uint32_t)i - 1, 1, "expected result number after '#'");
    while (i < p->src->len && isdigit((unsigned char)t[i]) && k <= 100000)
      k = k * 10 + (t[i++] - '0');
    if (k >= e->count)
      parse_fail(p, off, (uint32_t)(i - off), "reference to invalid result number");
    p->pos = i;
  }
  parse_next(p);
  return &e->vals[k];
}

struct ir_value *parse_def_arg(struct parser *p, struct ir_block *b, int i,
                               const struct ty *t) {
  struct ir_value *v = &b->args[i];
  v->type = t;
  v->owner = b;
  v->index = (uint32_t)i;
  v->id = p->m->nvalues++;
  return v;
}

/* ---- blocks and regions ---- */

static struct ir_op *parse_op(struct parser *p, struct ir_block *blk);

static void block_append(struct ir_block *b, struct ir_op *op) {
  op->parent = b;
  op->prev = b->last;
  if (b->last) b->last->next = op; else b->first = op;
  b->last = op;
}

/* An op with no operands and no results, made by the parser. */
static struct ir_op *make_term(struct parser *p, enum ir_opcode code, uint32_t off) {
  struct ir_op *op = parse_alloc(p, sizeof *op);
  op->code = code;
  op->loc = (struct ts_loc){ p->src, off, 1 };
  memset(&op->attr, -1, offsetof(struct ir_attrs, flags));
  op->ngroups = 1;
  return op;
}

/* The generic form's block header: ^bb ['(' %a ':' type {',' ...} ')'] ':'
** Its arguments are the block's, unless the op's syntax already gave them. */
static void parse_block_header(struct parser *p, struct ir_block *b, int nargs) {
  uint32_t off = p->tok.off;
  parse_next(p);
  if (parse_accept_punct(p, '(')) {
    struct ir_value args[256];
    uint32_t tok[512];
    const struct ty *types[256];
    int n = 0;
    if (!parse_is_punct(p, ')')) do {
      if (n == 256) parse_fail_tok(p, "too many block arguments");
      if (p->tok.kind != T_VALUE) parse_fail_tok(p, "expected SSA value name");
      tok[2 * n] = p->tok.off;
      tok[2 * n + 1] = p->tok.len;
      parse_next(p);
      parse_expect_punct(p, ':');
      types[n++] = parse_type(p);
      parse_loc_suffix(p, NULL);
    } while (parse_accept_punct(p, ','));
    parse_expect_punct(p, ')');
    (void)args;
    if (nargs) parse_fail(p, off, 1, "block arguments were already given by the op's syntax");
    b->nargs = n;
    b->args = parse_alloc(p, (size_t)(n ? n : 1) * sizeof *b->args);
    for (int i = 0; i < n; i++) {
      parse_def_arg(p, b, i, types[i]);
      name_define(p, tok[2 * i], tok[2 * i + 1], &b->args[i], 1);
    }
  }
  parse_expect_punct(p, ':');
}

/*
** region -> '{' [block-header] op* '}'
** The block arguments (names at argtok, types argtypes) are defined for the
** body.  When implicit_term is an opcode and the block does not end in a
** terminator, one without operands is appended (MLIR's ensureTerminator).
*/
void parse_region(struct parser *p, struct ir_op *parent, struct ir_region *r,
                  int nargs, const struct ty *const *argtypes, const uint32_t *argtok,
                  int implicit_term) {
  struct name_entry *mark;
  struct ir_block *b = parse_alloc(p, sizeof *b);
  b->parent = parent;
  b->nargs = nargs;
  b->args = parse_alloc(p, (size_t)(nargs ? nargs : 1) * sizeof *b->args);
  parse_scope_push(p, &mark);
  for (int i = 0; i < nargs; i++) {
    parse_def_arg(p, b, i, argtypes[i]);
    name_define(p, argtok[2 * i], argtok[2 * i + 1], &b->args[i], 1);
  }
  uint32_t open = p->tok.off;
  if (++p->depth > IR_MAX_DEPTH)
    parse_fail_tok(p, "regions nested more than %d deep", IR_MAX_DEPTH);
  parse_expect_punct(p, '{');
  if (p->tok.kind == T_BLOCK) parse_block_header(p, b, nargs);
  while (!parse_is_punct(p, '}')) {
    if (p->tok.kind == T_EOF) parse_fail(p, open, 1, "expected '}' to close this region");
    block_append(b, parse_op(p, b));
  }
  uint32_t close = p->tok.off;
  parse_next(p);
  p->depth--;
  parse_scope_pop(p, mark);
  if (implicit_term >= 0 &&
      (!b->last || !(ir_optab[b->last->code].flags & OPF_TERM)))
    block_append(b, make_term(p, (enum ir_opcode)implicit_term, close));
  r->block = b;
}

/* ---- ops ---- */

struct ir_value **ir_op_group(const struct ir_op *op, int g, int *n) {
  int start = 0;
  for (int i = 0; i < g; i++) start += op->group[i];
  *n = g < op->ngroups ? op->group[g] : 0;
  return op->in ? op->in + start : NULL;    /* terminators the parser made have none */
}

void parse_group_begin(struct opbuild *b) {
  if (b->op->ngroups < IR_MAX_GROUPS) b->op->group[b->op->ngroups++] = 0;
}

void parse_add_operand(struct parser *p, struct opbuild *b, struct ir_value *v,
                       uint32_t off) {
  if (b->nops == (int)(sizeof b->ops / sizeof b->ops[0]))
    parse_fail(p, off, 1, "too many operands");
  b->opoff[b->nops] = off;
  b->ops[b->nops++] = v;
  b->op->group[b->op->ngroups - 1]++;
}

/* attr-dict -> '{' [name ['=' value] {',' name ['=' value]}] '}'
** Discardable attributes mean nothing to tilesim; they are kept as the
** canonical text MLIR prints: sorted by name, `name = value`, a unit
** attribute by its name alone, values re-spaced token by token. */
struct dict_entry { const char *name; size_t n; const char *text; };

static int cmp_dict(const void *x, const void *y) {
  const struct dict_entry *a = x, *b = y;
  int c = strncmp(a->name, b->name, a->n < b->n ? a->n : b->n);
  return c ? c : (a->n > b->n) - (a->n < b->n);
}

/* Skip one value up to a ',' or '}' at depth 0; canonical text into out. */
static void dict_value(struct parser *p, struct ts_buf *out) {
  uint32_t start = p->tok.off;
  int depth = 0;
  while (depth > 0 || !(parse_is_punct(p, ',') || parse_is_punct(p, '}'))) {
    if (p->tok.kind == T_EOF) parse_fail(p, start, 1, "unbalanced attribute dictionary");
    if (p->tok.kind == T_PUNCT && strchr("([{<", p->tok.c)) depth++;
    if (p->tok.kind == T_PUNCT && strchr(")]}>", p->tok.c)) depth--;
    parse_next(p);
  }
  size_t end = p->tok.off;
  while (end > start && isspace((unsigned char)p->src->text[end - 1])) end--;
  ir_lex_canon(out, p->src->text + start, end - start, NULL, NULL);
}

void parse_attr_dict(struct parser *p, struct ir_attrs *a) {
  if (!parse_accept_punct(p, '{')) return;
  struct dict_entry e[64];
  int n = 0;
  if (!parse_is_punct(p, '}')) do {
    if (n == 64) parse_fail_tok(p, "too many attributes");
    if (p->tok.kind != T_IDENT && p->tok.kind != T_STRING) parse_fail_tok(p, "expected attribute name");
    e[n].name = parse_tok_text(p);
    e[n].n = p->tok.len;
    e[n].text = NULL;
    parse_next(p);
    if (parse_accept_punct(p, '=')) {
      struct ts_buf v = {0};
      dict_value(p, &v);
      e[n].text = v.s ? ts_arena_strndup(&p->m->arena, v.s, v.len) : "";
      ts_buf_free(&v);
    }
    n++;
  } while (parse_accept_punct(p, ','));
  parse_expect_punct(p, '}');
  if (!n) return;
  qsort(e, (size_t)n, sizeof *e, cmp_dict);
  struct ts_buf b = {0};
  ts_buf_putc(&b, '{');
  for (int i = 0; i < n; i++) {
    ts_buf_printf(&b, "%s%.*s", i ? ", " : "", (int)e[i].n, e[i].name);
    if (e[i].text) ts_buf_printf(&b, " = %s", e[i].text);
  }
  ts_buf_putc(&b, '}');
  a->dict = b.s ? ts_arena_strndup(&p->m->arena, b.s, b.len) : NULL;
  ts_buf_free(&b);
}

/* loc-suffix -> 'loc' '(' anything balanced ')' */
void parse_loc_suffix(struct parser *p, struct ir_op *op) {
  if (!parse_is_kw(p, "loc")) return;
  uint32_t start = p->tok.off;
  parse_next(p);
  if (!parse_is_punct(p, '(')) parse_fail_tok(p, "expected '(' after 'loc'");
  int depth = 0;
  do {
    if (p->tok.kind == T_EOF) parse_fail(p, start, 3, "unbalanced 'loc('");
    if (parse_is_punct(p, '(')) depth++;
    if (parse_is_punct(p, ')')) depth--;
    parse_next(p);
  } while (depth > 0);
  if (op) {
    op->src_loc = (struct ts_loc){ p->src, start, p->tok.off - start };
    op->loc_text = ts_arena_strndup(&p->m->arena, p->src->text + start,
                                     p->tok.off - start);
  }
}

/* results -> name [':' int] {',' name [':' int]} '=' */
struct lhs { uint32_t off[64], len[64]; int count[64]; int n, total; };

static void parse_lhs(struct parser *p, struct lhs *l) {
  l->n = l->total = 0;
  if (p->tok.kind != T_VALUE) return;
  do {
    if (p->tok.kind != T_VALUE) parse_fail_tok(p, "expected SSA value name");
    if (l->n == 64) parse_fail_tok(p, "too many results");
    l->off[l->n] = p->tok.off;
    l->len[l->n] = p->tok.len;
    parse_next(p);
    int c = 1;
    if (parse_accept_punct(p, ':')) {
      uint32_t off = p->tok.off;
      int64_t v = parse_int(p);
      if (v < 1 || v > 256) parse_fail(p, off, 1, "expected a result count between 1 and 256");
      c = (int)v;
    }
    if (l->total + c > 256) parse_fail_tok(p, "too many results");
    l->count[l->n++] = c;
    l->total += c;
  } while (parse_accept_punct(p, ','));
  parse_expect_punct(p, '=');
}

/* The op's mnemonic: [cuda_tile.]name or "cuda_tile.name" (generic). */
static int parse_opname(struct parser *p, bool *generic) {
  const char *s = parse_tok_text(p);
  size_t n = p->tok.len;
  *generic = p->tok.kind == T_STRING;
  if (*generic) { s++; n -= 2; }
  else if (p->tok.kind != T_IDENT) parse_fail_tok(p, "expected operation name, found %s", tok_desc(p));
  static const char pre[] = "cuda_tile.";
  if (n > sizeof pre - 1 && memcmp(s, pre, sizeof pre - 1) == 0) {
    s += sizeof pre - 1;
    n -= sizeof pre - 1;
  } else if (*generic) {
    parse_fail_tok(p, "unknown operation '%.*s'", (int)n, s);
  }
  int code = ir_op_lookup(s, n);
  if (code < 0) parse_fail_tok(p, "unknown operation '%.*s'", (int)n, s);
  return code;
}

void parse_generic(struct parser *p, struct opbuild *b);

static void make_results(struct parser *p, struct opbuild *b, const struct lhs *l) {
  struct ir_op *op = b->op;
  int n = b->nres;
  op->nout = n;
  op->out = parse_alloc(p, (size_t)(n ? n : 1) * sizeof *op->out);
  for (int i = 0; i < n; i++) {
    op->out[i].type = b->res[i];
    op->out[i].def = op;
    op->out[i].index = (uint32_t)i;
    op->out[i].id = p->m->nvalues++;
    op->out[i].loc = op->loc;
  }
  if (!l->n) return;
  if (l->total != n)
    parse_fail(p, op->loc.off, op->loc.len,
               "operation defines %d results but was provided %d to bind", n, l->total);
  for (int i = 0, k = 0; i < l->n; k += l->count[i++])
    name_define(p, l->off[i], l->len[i], op->out + k, l->count[i]);
}

/* op -> [results '='] opname syntax [loc-suffix] */
static struct ir_op *parse_op(struct parser *p, struct ir_block *blk) {
  struct lhs l;
  parse_lhs(p, &l);
  uint32_t off = p->tok.off, len = p->tok.len;
  bool generic;
  int code = parse_opname(p, &generic);
  struct ir_op *op = parse_alloc(p, sizeof *op);
  op->code = (enum ir_opcode)code;
  op->loc = (struct ts_loc){ p->src, off, len };
  op->parent = blk;
  memset(&op->attr, -1, offsetof(struct ir_attrs, flags));
  parse_next(p);            /* before the malloc: it may fail (lexer error) */
  struct opbuild *b = ts_malloc(sizeof *b);
  if (!b) parse_fail(p, off, len, "out of memory");
  memset(b, 0, offsetof(struct opbuild, ops));
  memset(b->regions, 0, sizeof b->regions);
  b->op = op;
  b->nres = ir_optab[code].nres;
  b->lhs_count = l.n ? l.total : -1;
  b->nops = b->nregions = 0;
  /* the op under construction is freed on any exit, error included */
  jmp_buf outer;
  memcpy(outer, p->fail, sizeof outer);
  if (setjmp(p->fail)) {
    ts_free(b);
    memcpy(p->fail, outer, sizeof outer);
    longjmp(p->fail, 1);
  }
  if (generic) parse_generic(p, b);
  else if (ir_optab[code].fmt) parse_fmt(p, b, ir_optab[code].fmt);
  else ir_custom_syntax[code].parse(p, b);
  if (b->nres < 0) b->nres = 0;
  op->nin = b->nops;
  op->in = parse_alloc(p, (size_t)(b->nops ? b->nops : 1) * sizeof *op->in);
  memcpy(op->in, b->ops, (size_t)b->nops * sizeof *op->in);
  op->nregions = b->nregions;
  op->regions = parse_alloc(p, (size_t)(b->nregions ? b->nregions : 1) * sizeof *op->regions);
  memcpy(op->regions, b->regions, (size_t)b->nregions * sizeof *op->regions);
  for (int i = 0; i < b->nregions; i++)
    if (op->regions[i].block) op->regions[i].block->parent = op;
  make_results(p, b, &l);
  memcpy(p->fail, outer, sizeof outer);
  ts_free(b);
  parse_loc_suffix(p, op);
  return op;
}

/* ---- modules ---- */

/* Skip one attribute value: a token and, if it opens one, the balanced
** group after it (used for #alias definitions, which tilesim does not keep). */
static void skip_attribute(struct parser *p) {
  int depth = 0;
  uint32_t start = p->tok.off;
  do {
    if (p->tok.kind == T_EOF) parse_fail(p, start, 1, "unbalanced attribute");
    if (p->tok.kind == T_PUNCT && strchr("([{<", p->tok.c)) depth++;
    if (p->tok.kind == T_PUNCT && strchr(")]}>", p->tok.c)) depth--;
    parse_next(p);
  } while (depth > 0 || (p->tok.kind == T_PUNCT && strchr("([{<", p->tok.c)));
}

/* alias -> '#' name '=' attribute; kept as canonical text */
static void parse_alias(struct parser *p) {
  struct ir_module *m = p->m;
  for (int i = 0; i < m->naliases; i++)
    if (strlen(m->aliases[i].name) == p->tok.len - 1 &&
        !memcmp(m->aliases[i].name, parse_tok_text(p) + 1, p->tok.len - 1))
      parse_fail_tok(p, "redefinition of alias '%.*s'", (int)p->tok.len, parse_tok_text(p));
  if (m->naliases % 16 == 0) {
    struct ir_alias *a = parse_alloc(p, (size_t)(m->naliases + 16) * sizeof *a);
    if (m->naliases) memcpy(a, m->aliases, (size_t)m->naliases * sizeof *a);
    m->aliases = a;
  }
  struct ir_alias *a = &m->aliases[m->naliases];
  a->name = ts_arena_strndup(&m->arena, parse_tok_text(p) + 1, p->tok.len - 1);
  parse_next(p);
  parse_expect_punct(p, '=');
  uint32_t start = p->tok.off;
  skip_attribute(p);
  size_t end = p->tok.off;
  while (end > start && strchr(" \t\r\n", p->src->text[end - 1])) end--;
  struct ts_buf b = {0};
  ir_lex_canon(&b, p->src->text + start, end - start, NULL, NULL);
  a->value = b.s ? ts_arena_strndup(&m->arena, b.s, b.len) : NULL;
  ts_buf_free(&b);
  if (!a->name || !a->value) parse_fail(p, start, 1, "out of memory");
  a->is_loc = !strncmp(a->value, "loc(", 4) || !strncmp(a->value, "#cuda_tile.di_loc<", 18);
  m->naliases++;
}

/* cuda-module -> 'cuda_tile.module' @name ['attributes' dict] region */
static struct ir_op *parse_cuda_module(struct parser *p) {
  if (!parse_is_kw(p, "cuda_tile.module"))
    parse_fail_tok(p, "expected 'cuda_tile.module'");
  struct ir_op *op = parse_alloc(p, sizeof *op);
  op->code = IR_OP_module;
  op->loc = (struct ts_loc){ p->src, p->tok.off, p->tok.len };
  memset(&op->attr, -1, offsetof(struct ir_attrs, flags));
  parse_next(p);
  op->attr.str = parse_symbol(p);
  if (parse_accept_kw(p, "attributes")) parse_attr_dict(p, &op->attr);
  op->nregions = 1;
  op->regions = parse_alloc(p, sizeof *op->regions);
  parse_region(p, op, &op->regions[0], 0, NULL, NULL, -1);
  parse_loc_suffix(p, op);
  return op;
}

/* file -> {alias} { cuda-module
**                 | 'module' [@name] ['attributes' dict] '{' cuda-module+ '}' } */
static void parse_module(struct parser *p) {
  while (p->tok.kind == T_HASH) parse_alias(p);
  struct ir_op *last = NULL;
  do {
    bool wrapped = parse_accept_kw(p, "module");   /* builtin.module around */
    if (wrapped) {
      if (p->tok.kind == T_SYMBOL) parse_next(p);
      if (parse_accept_kw(p, "attributes")) {
        struct ir_attrs a = {0};
        parse_attr_dict(p, &a);
      }
      parse_expect_punct(p, '{');
    }
    do {
      struct ir_op *op = parse_cuda_module(p);
      if (last) { last->next = op; op->prev = last; }
      else p->m->op = op;
      last = op;
    } while (parse_is_kw(p, "cuda_tile.module"));
    if (wrapped) {
      parse_expect_punct(p, '}');
      parse_loc_suffix(p, NULL);
    }
    while (p->tok.kind == T_HASH) parse_alias(p);   /* printed after, too */
  } while (p->tok.kind != T_EOF);
  p->m->name = p->m->op->attr.str;
}

struct ir_module *ir_module_new(void) {
  struct ir_module *m = ts_malloc(sizeof *m);
  if (!m) return NULL;
  memset(m, 0, sizeof *m);
  ts_arena_init(&m->arena);
  m->types = ty_ctx_new(&m->arena);
  m->version = IR_VERSION_MAX;
  if (!m->types) { ir_module_free(m); return NULL; }
  return m;
}

void ir_module_free(struct ir_module *m) {
  if (!m) return;
  if (m->src) ts_free(m->src->lines);
  ts_arena_free(&m->arena);
  ts_free(m);
}

struct ir_module *ir_parse_text(const char *name, const char *text, size_t len,
                                struct ts_diag_sink *sink) {
  struct ir_module *m = ir_module_new();
  struct ts_source *src = m ? ts_arena_alloc(&m->arena, sizeof *src) : NULL;
  char *copy = src ? ts_arena_alloc(&m->arena, len + 1) : NULL;
  char *nm = copy ? ts_arena_strndup(&m->arena, name, strlen(name)) : NULL;
  if (!nm) {
    ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "out of memory");
    ir_module_free(m);
    return NULL;
  }
  memcpy(copy, text, len);
  src->name = nm;
  src->text = copy;
  src->len = len;
  m->src = src;
  struct parser *p = ts_malloc(sizeof *p);
  struct name_entry **names = ts_malloc(4096 * sizeof *names);
  if (!p || !names) {
    ts_free(p); ts_free(names);
    ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "out of memory");
    ir_module_free(m);
    return NULL;
  }
  memset(p, 0, sizeof *p);
  memset(names, 0, 4096 * sizeof *names);
  p->m = m;
  p->src = src;
  p->sink = sink;
  p->names = names;
  p->names_cap = 4096;
  if (setjmp(p->fail)) {
    ts_free(p->names);
    ts_free(p);
    ir_module_free(m);
    return NULL;
  }
  if (memchr(text, 0, len))
    parse_fail(p, (uint32_t)((const char *)memchr(text, 0, len) - text), 1,
               "unexpected NUL byte");
  parse_next(p);
  parse_module(p);
  ts_free(p->names);
  ts_free(p);
  return m;
}
