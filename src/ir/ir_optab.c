/*
** ir_optab.c -- the op table, built from ops.def; op names come from here.
*/
#include <config.h>
#include "ir.h"

#include <string.h>

_Static_assert(IR_NUM_OPS < 255, "op codes must fit a byte");

const struct ir_opinfo ir_optab[IR_NUM_OPS] = {
#define OP(id, mn, bc, since, nres, fl, fmt) [IR_OP_##id] = { mn, bc, since, nres, fl, fmt },
#include "ops.def"
};

static const struct ir_opinfo invalid = { "#invalid", -1, 0, 0, 0, NULL };

const struct ir_opinfo *ir_opinfo_get(int code) {
  return code >= 0 && code < IR_NUM_OPS ? &ir_optab[code] : &invalid;
}

/* Rows are sorted by mnemonic, so a binary search finds one. */
int ir_op_lookup(const char *s, size_t n) {
  int lo = 0, hi = IR_NUM_OPS - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    const char *name = ir_optab[mid].name;
    int c = strncmp(name, s, n);
    if (c == 0) c = name[n] ? 1 : 0;
    if (c == 0) return mid;
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}
