/*
** bc_int.h -- what the bytecode reader (bc_read.c) and writer (bc_write.c)
** share: section ids, type and attribute tags, and the per-op layout
** table (bc_optab.c).
*/
#ifndef TILESIM_BC_INT_H
#define TILESIM_BC_INT_H

#include <stdint.h>

#include "ir.h"

/* The magic number every bytecode file starts with. */
#define BC_MAGIC "\x7FTileIR"       /* and a NUL: 8 bytes */
enum { BC_MAGIC_LEN = 8, BC_PAD = 0xCB };

enum bc_section {
  BC_SEC_END, BC_SEC_STRING, BC_SEC_FUNC, BC_SEC_DEBUG, BC_SEC_CONSTANT,
  BC_SEC_TYPE, BC_SEC_GLOBAL, BC_SEC_PRODUCER, BC_NUM_SECTIONS
};

/* Type tags (frozen by NVIDIA's BytecodeTypeOpcodes.td). */
enum {
  BT_PTR = 12, BT_TILE = 13, BT_TENSOR_VIEW = 14, BT_PARTITION_VIEW = 15,
  BT_FUNC = 16, BT_TOKEN = 17, BT_GATHER_SCATTER_VIEW = 20, BT_STRIDED_VIEW = 21
};

/* Self-contained attribute tags. */
enum {
  BA_INTEGER = 1, BA_FLOAT = 2, BA_BOOL = 3, BA_TYPE = 4, BA_STRING = 5,
  BA_ARRAY = 6, BA_DENSE = 7, BA_DIV_BY = 8, BA_SAME_ELEMENTS = 9,
  BA_DICT = 10, BA_HINTS = 11, BA_BOUNDED = 12
};

/* Function flags in the function section. */
enum { BF_PRIVATE = 1, BF_KERNEL = 2, BF_HINTS = 4 };

/* Element type <-> type tag, and the first version that has it. */
int bc_elem_tag(enum ty_elem e);
int bc_tag_elem(uint64_t tag);           /* -1: not an element tag */
int bc_elem_since(enum ty_elem e);

/*
** The layout of one op in a function body, as a list of items in wire
** order (bc_optab.c has the table and the grammar of the items).  The
** reader and the writer walk the same list, so they cannot disagree.
*/
enum bc_item_kind {
  BI_RES,        /* the op's fixed results: one type index each */
  BI_RES_LIST,   /* a result count, then the types */
  BI_FLAGS,      /* the flags varint */
  BI_UNIT,       /* a unit attribute: flag bit only */
  BI_ATTR,       /* an attribute payload (optional: present iff its bit) */
  BI_OPND,       /* one operand (optional: present iff its bit) */
  BI_OPND_LIST,  /* a count, then operand indices */
  BI_COUNT,      /* the total operand count of the items after it */
  BI_OPND_REST,  /* the operands left by the total count */
  BI_OPND_OPT,   /* zero or one operand left by the total count */
  BI_REGIONS     /* a region count, then the regions */
};

/* Attributes an item may carry (their payload kinds are in bc_read.c
** and bc_write.c, side by side with the ir_attrs field each one uses). */
enum bc_attr {
  BA_RND, BA_OVF, BA_SIGN, BA_SIGN_RHS, BA_PRED, BA_ORD, BA_MO, BA_SCOPE,
  BA_MODE, BA_DIM, BA_NUM_ELEM, BA_ALIGNMENT, BA_REVERSE, BA_PERM, BA_STR,
  BA_SYM, BA_VALUE, BA_IDENT, BA_HINTS_ATTR, BA_ASSUME, BA_INBOUNDS,
  /* unit attributes */
  BA_FTZ, BA_PNAN, BA_FAST_ACC, BA_GLOBAL, BA_SATURATING, BA_UNSIGNED_CMP,
  BA_NUM
};

struct bc_item {
  enum bc_item_kind kind;
  int attr;         /* BI_ATTR, BI_UNIT: enum bc_attr */
  int bit;          /* flag bit, -1 if the item is not optional */
  int since;        /* first version with the item; 0 = the op's */
};

enum { BC_MAX_ITEMS = 16 };

struct bc_layout {
  int n;
  struct bc_item item[BC_MAX_ITEMS];
  int last_res_since;   /* the last result appeared in this version (print_tko) */
};

/* The layout of op code into *l: 0, or -1 for ops that are not in
** function bodies (module, entry, global, testing$func). */
int bc_layout_get(enum ir_opcode code, struct bc_layout *l);
const char *bc_attr_name(int attr);
/* "13.3" for 1303 */
const char *bc_version_name(int v, char buf[8]);

#endif
