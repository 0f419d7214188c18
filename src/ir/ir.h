/*
** ir.h -- the Tile IR: types, values, ops, modules.  What other layers
** see of src/ir.  A verified module is read-only and may be shared by
** threads.
*/
#ifndef TILESIM_IR_H
#define TILESIM_IR_H

#include <stdbool.h>
#include <stdint.h>

#include "ts_base.h"

/* ---- versions ---- */
enum { IR_VERSION_MIN = 1301, IR_VERSION_MAX = 1304 };

/* Regions may nest this deep: the parser, verifier, printer and
** interpreter recurse on them, and a kernel never needs more. */
enum { IR_MAX_DEPTH = 256 };

/* ---- types (ty_intern.c): interned, so equal types are equal pointers ---- */

enum ty_kind {
  TY_INT, TY_FLOAT, TY_PTR, TY_TILE, TY_TENSOR_VIEW, TY_PARTITION_VIEW,
  TY_STRIDED_VIEW, TY_GATHER_SCATTER_VIEW, TY_TOKEN, TY_FUNC
};

/* Element types, in the order of ty_elem_names[]. */
enum ty_elem {
  EL_I1, EL_I4, EL_I8, EL_I16, EL_I32, EL_I64,
  EL_F16, EL_BF16, EL_F32, EL_F64, EL_TF32,
  EL_F8E4M3FN, EL_F8E5M2, EL_F8E8M0FNU, EL_F8E5M3FNU, EL_F4E2M1FN,
  EL_COUNT
};

#define TY_DYNAMIC INT64_MIN      /* '?' in a tensor_view shape or stride */

enum ty_padding { PAD_NONE = -1, PAD_ZERO, PAD_NEG_ZERO, PAD_NAN, PAD_POS_INF, PAD_NEG_INF };

struct ty {
  enum ty_kind kind;
  enum ty_elem elem;         /* TY_INT, TY_FLOAT */
  const struct ty *elt;      /* tile element, ptr pointee, view element */
  int rank;                  /* tile, tensor_view, tiled views */
  const int64_t *shape;      /* tile dims; tensor_view shape; view tile shape */
  const int64_t *strides;    /* tensor_view strides; strided_view traversal */
  const struct ty *tv;       /* tiled views: the tensor_view */
  const int64_t *dim_map;    /* tiled views, NULL = identity */
  int padding;               /* tiled views: enum ty_padding */
  int sparse_dim;            /* gather_scatter_view */
  int nin, nout;             /* function */
  const struct ty *const *ins, *const *outs;
};

struct ty_ctx;               /* the interning table, owned by a module */

const struct ty *ty_elem_get(struct ty_ctx *c, enum ty_elem e);
const struct ty *ty_token_get(struct ty_ctx *c);
const struct ty *ty_ptr_get(struct ty_ctx *c, const struct ty *pointee);
const struct ty *ty_tile_get(struct ty_ctx *c, const struct ty *elt, int rank,
                             const int64_t *shape);
/* Any other kind: fill a struct ty on the stack, then intern it. */
const struct ty *ty_intern(struct ty_ctx *c, const struct ty *proto);

struct ty_ctx *ty_ctx_new(struct ts_arena *a);

extern const char *const ty_elem_names[EL_COUNT];
int ty_elem_bits(enum ty_elem e);
bool ty_is_int(const struct ty *t);           /* i1..i64 (not a tile) */
bool ty_is_float(const struct ty *t);
bool ty_is_view(const struct ty *t);          /* the tiled views */
int64_t ty_numel(const struct ty *tile);
/* Tile element type, or NULL when t is not a tile. */
const struct ty *ty_tile_elt(const struct ty *t);
/* Rank of the index space of a tiled view. */
int ty_view_index_rank(const struct ty *view);
/* Append the short form of t ("tile<4xf32>") to b. */
void ty_print(struct ts_buf *b, const struct ty *t);

/* ---- the op table (ops.def, ir_optab.c) ---- */

enum ir_opcode {
#define OP(id, mn, bc, since, nres, fl, fmt) IR_OP_##id,
#include "ops.def"
  IR_NUM_OPS
};

enum {
  OPF_PURE = 1 << 0,       /* no memory effects */
  OPF_ELEMWISE = 1 << 1,   /* operands and result share one type */
  OPF_FLOAT = 1 << 2,      /* ... of f16, bf16, f32 or f64 elements */
  OPF_INT = 1 << 3,        /* ... of i1..i64 elements */
  OPF_TERM = 1 << 4,       /* ends a block */
  OPF_REGION = 1 << 5,     /* has regions */
  OPF_MEM = 1 << 6,        /* token-ordered or memory effects */
  OPF_TOP = 1 << 7,        /* lives directly in the module */
};

struct ir_opinfo {
  const char *name;
  int bc;                  /* bytecode opcode */
  int since;               /* 1301 = 13.1 */
  int nres;                /* -1: from the syntax */
  unsigned flags;
  const char *fmt;         /* custom assembly, or NULL (hand-written) */
};

extern const struct ir_opinfo ir_optab[IR_NUM_OPS];
/* The op named s (n bytes), or -1. */
int ir_op_lookup(const char *s, size_t n);
const struct ir_opinfo *ir_opinfo_get(int code);

/* ---- attributes ---- */

enum ir_rounding {
  RND_NEAREST_EVEN, RND_ZERO, RND_NEGATIVE_INF, RND_POSITIVE_INF, RND_APPROX,
  RND_FULL, RND_NEAREST_INT_TO_ZERO, RND_NEAREST_AWAY, RND_COUNT
};
enum ir_signedness { SGN_UNSIGNED, SGN_SIGNED };
enum ir_overflow { OVF_NONE, OVF_NSW, OVF_NUW, OVF_NW };
enum ir_cmp_pred { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE };
enum ir_cmp_order { ORD_UNORDERED, ORD_ORDERED };
enum ir_mem_order { MO_WEAK, MO_RELAXED, MO_ACQUIRE, MO_RELEASE, MO_ACQ_REL };
enum ir_scope { SCOPE_TL_BLK, SCOPE_DEVICE, SCOPE_SYS };
enum ir_atomic_mode {
  AM_AND, AM_OR, AM_XOR, AM_ADD, AM_ADDF, AM_MAX, AM_MIN, AM_UMAX, AM_UMIN, AM_XCHG
};

/* Unit (keyword) attributes, bits of ir_attrs.flags. */
enum {
  AF_FTZ = 1 << 0, AF_PROPAGATE_NAN = 1 << 1, AF_FAST_ACC = 1 << 2,
  AF_GLOBAL = 1 << 3, AF_CONSTANT = 1 << 4, AF_REVERSE = 1 << 5,
  AF_UNSIGNED_CMP = 1 << 6, AF_PRIVATE = 1 << 7, AF_SATURATING = 1 << 8,
};

/* A dense literal: one value per element, or one for a splat. Values are
** bit patterns in the element type (i1: 0 or 1). */
struct ir_dense {
  const struct ty *type;    /* the tile type it was read for */
  int64_t n;                /* values stored: 1 when splat */
  bool splat;
  uint64_t *bits;
};

/* A typed scalar attribute (reduce/scan identities). */
struct ir_typed {
  const struct ty *type;    /* element type */
  uint64_t bits;
};

/* optimization_hints=<arch = {key = value, ...}, ...> */
struct ir_hint_entry { const char *key; const char *val; struct ts_loc loc; };
struct ir_hint_arch { const char *arch; int n; struct ir_hint_entry *e; };
struct ir_hints { int n; struct ir_hint_arch *a; };

/* assume predicates */
enum ir_assume_kind { AS_DIV_BY, AS_SAME_ELEMENTS, AS_BOUNDED };
struct ir_assume {
  enum ir_assume_kind kind;
  int64_t div;                      /* div_by<div [, every N along A]> */
  bool has_every; int64_t every, along;
  int n; int64_t *same;             /* same_elements<[...]> */
  bool has_lb, has_ub; int64_t lb, ub;  /* bounded<lb|?, ub|?> */
};

/* Every attribute any op has; which ones an op uses is its syntax's
** business.  -1 in an enum field means absent (the op's default). */
struct ir_attrs {
  int8_t rounding, signedness, sign_rhs, overflow, pred, order;
  int8_t mem_order, scope, mode;
  unsigned flags;                   /* AF_* */
  int64_t dim, num_elem, alignment;
  int nperm; int64_t *perm;         /* permute; make_tensor_view static dims */
  int nstrides; int64_t *strides;   /* make_tensor_view static strides */
  const char *str;                  /* assert/print text; symbol name */
  size_t strlen;
  struct ir_dense *value;           /* constant, global */
  int nident; struct ir_typed *ident;
  struct ir_hints *hints;
  struct ir_assume *assume;
  const char *dict;                 /* an attr-dict kept as text */
};

/* ---- values, ops, blocks, regions ---- */

struct ir_op;
struct ir_block;

struct ir_value {
  const struct ty *type;
  struct ir_op *def;          /* NULL for a block argument */
  struct ir_block *owner;     /* the block of a block argument */
  uint32_t index;             /* result or argument number */
  const char *name;           /* source name without '%', or NULL */
  uint32_t id;                /* unique in the module, in order of definition */
  struct ts_loc loc;
};

struct ir_block {
  int nargs;
  struct ir_value *args;
  struct ir_op *first, *last;
  struct ir_op *parent;       /* the op whose region holds this block */
};

struct ir_region {
  struct ir_block *block;     /* NULL: empty region */
};

enum { IR_MAX_GROUPS = 6 };

struct ir_op {
  enum ir_opcode code;
  struct ts_loc loc;           /* the mnemonic */
  int nin, nout, nregions;
  struct ir_value **in;
  struct ir_value *out;
  uint8_t ngroups;             /* operand groups, in syntax order */
  uint16_t group[IR_MAX_GROUPS];  /* operands in each group */
  struct ir_region *regions;
  struct ir_attrs attr;
  const struct ty *fn_type;    /* entry, testing$func: the signature */
  struct ts_loc src_loc;       /* a loc("file":l:c) annotation, if any */
  const char *loc_text;
  struct ir_op *next, *prev;
  struct ir_block *parent;
};

/* A '#name = value' definition at the top of a file (debug info,
** locations); value is kept as canonical text. */
struct ir_alias {
  const char *name;            /* without '#' */
  const char *value;
  bool is_loc;                 /* a location: printed as #loc, #loc1, ... */
};

struct ir_module {
  struct ts_arena arena;
  struct ty_ctx *types;
  const char *name;            /* @name of the (first) cuda_tile.module */
  const char *producer;
  struct ir_op *op;            /* the first module op (more follow by next) */
  struct ts_source *src;       /* the text it was read from, if any */
  int version;                 /* 1301..1304 */
  uint32_t nvalues;            /* ids handed out so far */
  int naliases;
  struct ir_alias *aliases;
};

/* The operand group g of op: a pointer to its first operand, count in *n. */
struct ir_value **ir_op_group(const struct ir_op *op, int g, int *n);

/* ---- parsing, verifying, printing ---- */

struct ir_module *ir_module_new(void);
void ir_module_free(struct ir_module *m);

/* Parse text (kept by the module) named name; NULL on error, with the
** errors sent to sink. */
struct ir_module *ir_parse_text(const char *name, const char *text, size_t len,
                                struct ts_diag_sink *sink);
/* Check every rule of the spec; returns the number of errors reported. */
unsigned ir_verify(const struct ir_module *m, struct ts_diag_sink *sink);
/* Unsupported optimization hints (unknown architectures, names, values):
** accepted silently (the default, as NVIDIA's tools do), warned about, or
** errors. */
enum ir_hints_check { IR_HINTS_SILENT, IR_HINTS_WARN, IR_HINTS_ERROR };
struct ir_verify_opts { enum ir_hints_check hints; };
unsigned ir_verify_ex(const struct ir_module *m, struct ts_diag_sink *sink,
                      const struct ir_verify_opts *o);
/* The canonical text of m into b (0 ok, -1 out of memory). */
int ir_print(const struct ir_module *m, struct ts_buf *b);
/* The same, with debug info: #alias definitions and loc(...) of ops. */
int ir_print_debuginfo(const struct ir_module *m, struct ts_buf *b);

/* ---- bytecode (bc_read.c, bc_write.c, bc_load.c) ---- */

/* Is data bytecode (or a broken bytecode file)?  It starts with 0x7F or
** has a NUL byte in its first 8, as the magic number does and no text can. */
bool ir_is_bytecode(const void *data, size_t len);
/* Read bytecode (13.1..13.4) named name; NULL on error, reported to sink
** with the byte offset.  Ops carry no source locations, only the
** loc(...) text of the file's debug info, if any. */
struct ir_module *ir_read_bytecode(const char *name, const void *data, size_t len,
                                   struct ts_diag_sink *sink);
/* Write m as bytecode of version (1301..1304) into out; 0 ok, -1 after
** reporting to sink what that version cannot express. */
int ir_write_bytecode(const struct ir_module *m, int version, struct ts_buf *out,
                      struct ts_diag_sink *sink);
/* Text or bytecode, told apart by the magic number.  Bytecode is read and
** then printed and parsed again, so that diagnostics point at lines of
** its canonical text (the module keeps that text as its source). */
struct ir_module *ir_load(const char *name, const void *data, size_t len,
                          struct ts_diag_sink *sink);
/* Drop what bytecode does not keep of a text module: value names,
** locations and aliases; the module is renamed @kernels. */
void ir_strip_names(struct ir_module *m);
/* "13.3" -> 1303; -1 if not a version tilesim reads or writes */
int ir_version_parse(const char *s);

#endif
