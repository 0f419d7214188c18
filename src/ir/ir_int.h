/*
** ir_int.h -- what the files of src/ir share with each other: the lexer,
** the parser's and the printer's state, and the attribute and custom
** syntax tables.  Not for other layers.
*/
#ifndef TILESIM_IR_INT_H
#define TILESIM_IR_INT_H

#include <setjmp.h>
#include <stdnoreturn.h>

#include "ir.h"

/* ---- lexer (ir_lex.c) ---- */

enum tok_kind {
  T_EOF, T_VALUE /* %x */, T_SYMBOL /* @x */, T_IDENT, T_BANG /* !x */,
  T_HASH /* #x */, T_INT, T_FLOAT, T_STRING, T_ARROW,
  T_PUNCT /* one of ( ) [ ] { } < > , : = ? * + - */, T_BLOCK /* ^bb0 */, T_ERROR
};

struct token {
  enum tok_kind kind;
  uint32_t off, len;      /* in the source text */
  char c;                 /* T_PUNCT: the character */
};

/* Lex the token at text+*pos (skipping blanks and // comments). */
void ir_lex(const char *text, size_t len, size_t *pos, struct token *t);
/* Text s (n bytes) re-spaced canonically, token by token, into b; each
** #name in it is replaced by rename(ud, name) when that is not NULL. */
void ir_lex_canon(struct ts_buf *b, const char *s, size_t n,
                  const char *(*rename)(void *ud, const char *name, size_t len),
                  void *ud);

/* ---- parser (ir_parse.c) ---- */

struct name_entry;

struct parser {
  struct ir_module *m;
  struct ts_source *src;
  struct ts_diag_sink *sink;
  jmp_buf fail;
  size_t pos;                 /* just past tok */
  struct token tok;           /* the current token */
  struct name_entry **names;  /* SSA names in scope: hash table */
  size_t names_cap;
  struct name_entry *undo;    /* stack of definitions, to pop scopes */
  int depth;                  /* regions open now (bounded: no stack overflow) */
  int version;
};

noreturn void parse_fail(struct parser *p, uint32_t off, uint32_t len,
                         const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
noreturn void parse_fail_tok(struct parser *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void parse_next(struct parser *p);
bool parse_is_punct(struct parser *p, char c);
bool parse_accept_punct(struct parser *p, char c);
void parse_expect_punct(struct parser *p, char c);
bool parse_is_kw(struct parser *p, const char *kw);
bool parse_accept_kw(struct parser *p, const char *kw);
void parse_expect_kw(struct parser *p, const char *kw);
bool parse_accept_arrow(struct parser *p);
void parse_expect_arrow(struct parser *p);
/* The current identifier's text (not NUL-terminated) */
const char *parse_tok_text(struct parser *p);
int64_t parse_int(struct parser *p);                 /* [-]digits or hex */
const struct ty *parse_type(struct parser *p);
const char *parse_string(struct parser *p, size_t *len);  /* "..." */
const char *parse_symbol(struct parser *p);          /* @name */
/* One enum keyword out of names[0..n); -1 if the token is none of them. */
int parse_enum_kw(struct parser *p, const char *const *names, int n);
void *parse_alloc(struct parser *p, size_t n);

/* A value use: %name or %name#k, resolved against the scope. */
struct ir_value *parse_use(struct parser *p);
/* Define a block argument named by the current %token. */
struct ir_value *parse_def_arg(struct parser *p, struct ir_block *b, int i,
                               const struct ty *t);
void parse_scope_push(struct parser *p, struct name_entry **mark);
void parse_scope_pop(struct parser *p, struct name_entry *mark);

/* An op under construction. */
struct opbuild {
  struct ir_op *op;
  struct ir_value *ops[256];     /* operands, in order */
  uint32_t opoff[256];           /* where each operand was used */
  int nops;
  const struct ty *res[256];     /* result types */
  int nres;                      /* -1: not known yet */
  int lhs_count;                 /* results named on the left, -1 none */
  struct ir_region regions[2];
  int nregions;
};

/* region -> '{' op* '}' with nargs block arguments: their types, and their
** names as (offset, length) pairs of tokens; implicit_term is the opcode
** of the terminator added when the block lacks one, or -1. */
void parse_region(struct parser *p, struct ir_op *parent, struct ir_region *r,
                  int nargs, const struct ty *const *argtypes, const uint32_t *argtok,
                  int implicit_term);
void parse_fmt(struct parser *p, struct opbuild *b, const char *fmt);
void parse_attr_dict(struct parser *p, struct ir_attrs *a);
void parse_loc_suffix(struct parser *p, struct ir_op *op);
void parse_add_operand(struct parser *p, struct opbuild *b, struct ir_value *v, uint32_t off);
void parse_group_begin(struct opbuild *b);

/* ---- printer (ir_print.c) ---- */

struct printer {
  struct ts_buf *b;
  bool debuginfo;                /* print loc(...) of ops */
  int indent;
  bool space;                    /* a space is due before the next element */
  struct ir_module *m;
  uint32_t next_id;              /* for unnamed values */
};

void print_value(struct printer *pr, const struct ir_value *v);
void print_type(struct printer *pr, const struct ty *t);
void print_sep(struct printer *pr);    /* emit a pending space */
void print_raw(struct printer *pr, const char *s);
void print_fmt(struct printer *pr, const struct ir_op *op, const char *fmt);
void print_region(struct printer *pr, const struct ir_op *op,
                  const struct ir_region *r, bool print_args, bool elide_empty_term);
void print_string(struct printer *pr, const char *s, size_t n);
void print_symbol(struct printer *pr, const char *name);
void print_attr_dict(struct printer *pr, const struct ir_attrs *a);

/* ---- attributes (ir_attr.c) ---- */

struct attr_syntax {
  const char *name;
  /* Parse the attribute if it is there (optional ones) or fail. */
  void (*parse)(struct parser *p, struct opbuild *b, const char *dflt);
  /* Print it unless it is absent or equal to dflt. */
  void (*print)(struct printer *pr, const struct ir_op *op, const char *dflt);
};
const struct attr_syntax *attr_syntax_get(const char *name, size_t n);

extern const char *const ir_rounding_names[RND_COUNT];
extern const char *const ir_mem_order_names[5];
extern const char *const ir_scope_names[3];
extern const char *const ir_atomic_mode_names[10];
extern const char *const ir_cmp_pred_names[6];
extern const char *const ir_overflow_names[4];

void parse_hints(struct parser *p, struct ir_attrs *a);
void print_hints(struct printer *pr, const struct ir_hints *h);
/* A dense literal `<elt: ...>` for tile type t (parsed before t is known:
** parse_dense_begin keeps the text; parse_dense_finish converts). */
struct dense_text;
struct dense_text *parse_dense_begin(struct parser *p);
struct dense_text *parse_dense_values(struct parser *p);   /* no '<elt:' */
struct ir_dense *parse_dense_finish(struct parser *p, struct dense_text *d,
                                    const struct ty *tile);
void print_dense(struct printer *pr, const struct ir_dense *d);

/* ---- custom syntaxes (ir_syntax.c) ---- */

struct custom_syntax {
  void (*parse)(struct parser *p, struct opbuild *b);
  void (*print)(struct printer *pr, const struct ir_op *op);
};
extern const struct custom_syntax ir_custom_syntax[IR_NUM_OPS];

/* ---- numbers (ir_float.c) ---- */

/* Read a decimal literal (text, n bytes) into element type e, rounded to
** nearest even; 0 ok, -1 out of range (overflow to infinity is allowed
** for types with infinities, as MLIR does). */
int ir_float_from_text(enum ty_elem e, const char *text, size_t n, uint64_t *bits);
/* Value of a bit pattern of float type e, exactly, as a double. */
double ir_float_to_double(enum ty_elem e, uint64_t bits);
/* Print bits of float type e the way MLIR does. */
void ir_float_print(struct ts_buf *b, enum ty_elem e, uint64_t bits);

#endif
