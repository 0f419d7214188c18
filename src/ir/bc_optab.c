/*
** bc_optab.c -- how each op is laid out in a bytecode function body.
**
** NVIDIA generates these layouts from the ODS of each op; here they are
** written down once per op, indexed by the op table's ids, and read by
** both bc_read.c and bc_write.c.  Each layout is a list of items in wire
** order:
**   r        one type index per fixed result (ops.def's nres)
**   R        a result count, then that many type indices
**   F        the flags varint; F@1302: only from 13.2 on
**   uB:x     unit attribute x: flag bit B, no payload
**   a:x      attribute x's payload;  aB:x: present iff flag bit B
**   o        one operand index;  oB: present iff flag bit B
**   os       an operand count, then that many indices
**   N        the total operand count of the o, o* and o? that follow
**   o*       the operands the total count leaves (a variadic group)
**   o?       zero or one operand the total count leaves
**   G        a region count, then the regions
** Any item may end in @V: it exists from version V on (before that the
** reader leaves the attribute at its default and the writer refuses a
** value other than the default).  Every item that reads or writes an
** operand is one operand group of the op (ir_op_group), in order.
*/
#include <config.h>
#include "bc_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct layout_row { const char *items; int last_res_since; };

static const struct layout_row rows[IR_NUM_OPS] = {
  [IR_OP_absf] = { "r o" },
  [IR_OP_absi] = { "r o" },
  [IR_OP_addf] = { "r F u0:ftz a:rnd o o" },
  [IR_OP_addi] = { "r a:ovf o o" },
  [IR_OP_alloca] = { "r F u0:global a:num_elem a:alignment" },
  [IR_OP_andi] = { "r o o" },
  [IR_OP_assert] = { "a:str o" },
  [IR_OP_assume] = { "r a:assume o" },
  [IR_OP_atan2] = { "r o o" },
  [IR_OP_atomic_cas_tko] = { "r F a:mo a:scope o o o o0 o1" },
  [IR_OP_atomic_red_view_tko] = { "R F a:mo a:scope a:mode o os o o0" },
  [IR_OP_atomic_rmw_tko] = { "r F a:mo a:scope a:mode o o o0 o1" },
  [IR_OP_bitcast] = { "r o" },
  [IR_OP_break] = { "R N o*" },
  [IR_OP_broadcast] = { "r o" },
  [IR_OP_cat] = { "r a:dim o o" },
  [IR_OP_ceil] = { "r o" },
  [IR_OP_cmpf] = { "r a:pred a:ord o o" },
  [IR_OP_cmpi] = { "r a:pred a:sign o o" },
  [IR_OP_constant] = { "r a:value" },
  [IR_OP_continue] = { "R N o*" },
  [IR_OP_cos] = { "r o" },
  [IR_OP_cosh] = { "r o" },
  [IR_OP_divf] = { "r F u0:ftz a:rnd o o" },
  [IR_OP_divi] = { "r a:sign a:rnd o o" },
  [IR_OP_exp] = { "r a:rnd@1303 o" },
  [IR_OP_exp2] = { "r F u0:ftz o" },
  [IR_OP_exti] = { "r a:sign o" },
  [IR_OP_extract] = { "R N o o*" },
  [IR_OP_floor] = { "r o" },
  [IR_OP_fma] = { "r F u0:ftz a:rnd o o o" },
  [IR_OP_for] = { "R F@1302 u0:unsigned_cmp N o o o o* G" },
  [IR_OP_fpowi] = { "r o o" },
  [IR_OP_ftof] = { "r a:rnd o" },
  [IR_OP_ftoi] = { "r F@1304 u0:saturating a:sign a:rnd o" },
  [IR_OP_gdc_launch_dependents_tko] = { "r N o?" },
  [IR_OP_gdc_wait_tko] = { "r N o?" },
  [IR_OP_get_global] = { "r a:sym" },
  [IR_OP_get_index_space_shape] = { "R o" },
  [IR_OP_get_num_tile_blocks] = { "r" },
  [IR_OP_get_tensor_shape] = { "R o" },
  [IR_OP_get_tile_block_id] = { "r" },
  [IR_OP_if] = { "R o G" },
  [IR_OP_insert] = { "R N o o o*" },
  [IR_OP_int_to_ptr] = { "r o" },
  [IR_OP_iota] = { "r" },
  [IR_OP_itof] = { "r a:sign a:rnd o" },
  [IR_OP_join_tokens] = { "R N o*" },
  [IR_OP_load_ptr_tko] = { "r F a:mo a0:scope a1:hints o o2 o3 o4" },
  [IR_OP_load_view_tko] = { "R F a:mo a0:scope a1:hints a:inbounds@1304 o os o2" },
  [IR_OP_log] = { "r o" },
  [IR_OP_log2] = { "r o" },
  [IR_OP_loop] = { "R N o* G" },
  [IR_OP_make_gather_scatter_view] = { "r o" },
  [IR_OP_make_partition_view] = { "r o" },
  [IR_OP_make_strided_view] = { "r o" },
  [IR_OP_make_tensor_view] = { "R o os os" },
  [IR_OP_make_token] = { "r" },
  [IR_OP_maxf] = { "r F u0:pnan u1:ftz o o" },
  [IR_OP_maxi] = { "r a:sign o o" },
  [IR_OP_memory_fence_alias_tko] = { "r o" },
  [IR_OP_minf] = { "r F u0:pnan u1:ftz o o" },
  [IR_OP_mini] = { "r a:sign o o" },
  [IR_OP_mmaf] = { "r F@1303 u0:fast_acc o o o" },
  [IR_OP_mmaf_scaled] = { "r o o o o o" },
  [IR_OP_mmai] = { "r a:sign a:sign_rhs o o o" },
  [IR_OP_mulf] = { "r F u0:ftz a:rnd o o" },
  [IR_OP_mulhii] = { "r o o" },
  [IR_OP_muli] = { "r a:ovf o o" },
  [IR_OP_negf] = { "r o" },
  [IR_OP_negi] = { "r a:ovf@1302 o" },
  [IR_OP_offset] = { "r o o" },
  [IR_OP_ori] = { "r o o" },
  [IR_OP_pack] = { "r o" },
  [IR_OP_permute] = { "r a:perm o" },
  [IR_OP_pow] = { "r o o" },
  [IR_OP_print_tko] = { "R F@1302 a:str os o0", 1302 },
  [IR_OP_ptr_to_int] = { "r o" },
  [IR_OP_ptr_to_ptr] = { "r o" },
  [IR_OP_reduce] = { "R a:dim a:ident N o* G" },
  [IR_OP_remf] = { "r o o" },
  [IR_OP_remi] = { "r a:sign o o" },
  [IR_OP_reshape] = { "r o" },
  [IR_OP_return] = { "R N o*" },
  [IR_OP_rsqrt] = { "r F u0:ftz o" },
  [IR_OP_scan] = { "R a:dim a:reverse a:ident N o* G" },
  [IR_OP_select] = { "r o o o" },
  [IR_OP_shli] = { "r a:ovf o o" },
  [IR_OP_shri] = { "r a:sign o o" },
  [IR_OP_sin] = { "r o" },
  [IR_OP_sinh] = { "r o" },
  [IR_OP_sqrt] = { "r F u0:ftz a:rnd o" },
  [IR_OP_store_ptr_tko] = { "r F a:mo a0:scope a1:hints o o o2 o3" },
  [IR_OP_store_view_tko] = { "R F a:mo a0:scope a1:hints a:inbounds@1304 o o os o2" },
  [IR_OP_subf] = { "r F u0:ftz a:rnd o o" },
  [IR_OP_subi] = { "r a:ovf o o" },
  [IR_OP_tan] = { "r o" },
  [IR_OP_tanh] = { "r a:rnd@1302 o" },
  [IR_OP_trunci] = { "r a:ovf o" },
  [IR_OP_unpack] = { "r o" },
  [IR_OP_xori] = { "r o o" },
  [IR_OP_yield] = { "R N o*" },
};

static const char *const attr_names[BA_NUM] = {
  [BA_RND] = "rnd", [BA_OVF] = "ovf", [BA_SIGN] = "sign", [BA_SIGN_RHS] = "sign_rhs",
  [BA_PRED] = "pred", [BA_ORD] = "ord", [BA_MO] = "mo", [BA_SCOPE] = "scope",
  [BA_MODE] = "mode", [BA_DIM] = "dim", [BA_NUM_ELEM] = "num_elem",
  [BA_ALIGNMENT] = "alignment", [BA_REVERSE] = "reverse", [BA_PERM] = "perm",
  [BA_STR] = "str", [BA_SYM] = "sym", [BA_VALUE] = "value", [BA_IDENT] = "ident",
  [BA_HINTS_ATTR] = "hints", [BA_ASSUME] = "assume", [BA_INBOUNDS] = "inbounds",
  [BA_FTZ] = "ftz", [BA_PNAN] = "pnan", [BA_FAST_ACC] = "fast_acc",
  [BA_GLOBAL] = "global", [BA_SATURATING] = "saturating",
  [BA_UNSIGNED_CMP] = "unsigned_cmp",
};

/* As the text spells them, for messages. */
static const char *const display_names[BA_NUM] = {
  [BA_RND] = "rounding", [BA_OVF] = "overflow", [BA_SIGN] = "signedness",
  [BA_SIGN_RHS] = "rhs signedness", [BA_PRED] = "comparison predicate",
  [BA_ORD] = "comparison ordering", [BA_MO] = "memory ordering", [BA_SCOPE] = "memory scope",
  [BA_MODE] = "mode", [BA_DIM] = "dim", [BA_NUM_ELEM] = "num_elem",
  [BA_ALIGNMENT] = "alignment", [BA_REVERSE] = "reverse", [BA_PERM] = "permutation",
  [BA_STR] = "string", [BA_SYM] = "symbol", [BA_VALUE] = "value", [BA_IDENT] = "identities",
  [BA_HINTS_ATTR] = "optimization_hints", [BA_ASSUME] = "predicate", [BA_INBOUNDS] = "inbounds",
  [BA_FTZ] = "flush_to_zero", [BA_PNAN] = "propagate_nan", [BA_FAST_ACC] = "fast_acc",
  [BA_GLOBAL] = "global", [BA_SATURATING] = "saturating", [BA_UNSIGNED_CMP] = "unsigned",
};

const char *bc_attr_name(int attr) {
  return attr >= 0 && attr < BA_NUM ? display_names[attr] : "?";
}

static int attr_lookup(const char *s, size_t n) {
  for (int i = 0; i < BA_NUM; i++)
    if (strlen(attr_names[i]) == n && !memcmp(attr_names[i], s, n)) return i;
  return -1;
}

/* One item 's' (n bytes, no @V) into *it; -1 if it is not in the grammar. */
static int parse_item(const char *s, size_t n, struct bc_item *it) {
  it->bit = -1;
  const char *colon = memchr(s, ':', n);
  if (colon) {
    if (s[0] != 'u' && s[0] != 'a') return -1;
    it->kind = s[0] == 'u' ? BI_UNIT : BI_ATTR;
    if (colon > s + 1) it->bit = atoi(s + 1);
    it->attr = attr_lookup(colon + 1, n - (size_t)(colon + 1 - s));
    return it->attr < 0 || (it->kind == BI_UNIT && it->bit < 0) ? -1 : 0;
  }
  if (n == 1 && s[0] == 'r') it->kind = BI_RES;
  else if (n == 1 && s[0] == 'R') it->kind = BI_RES_LIST;
  else if (n == 1 && s[0] == 'F') it->kind = BI_FLAGS;
  else if (n == 1 && s[0] == 'N') it->kind = BI_COUNT;
  else if (n == 1 && s[0] == 'G') it->kind = BI_REGIONS;
  else if (n == 1 && s[0] == 'o') it->kind = BI_OPND;
  else if (n == 2 && !memcmp(s, "os", 2)) it->kind = BI_OPND_LIST;
  else if (n == 2 && !memcmp(s, "o*", 2)) it->kind = BI_OPND_REST;
  else if (n == 2 && !memcmp(s, "o?", 2)) it->kind = BI_OPND_OPT;
  else if (s[0] == 'o' && n == 2 && s[1] >= '0' && s[1] <= '9') {
    it->kind = BI_OPND;
    it->bit = s[1] - '0';
  } else {
    return -1;
  }
  return 0;
}

/* The layout of op 'code' into *l: 0, or -1 for ops outside function
** bodies (module, entry, global, testing$func) and bad rows (the unit
** test checks every row parses). */
int bc_layout_get(enum ir_opcode code, struct bc_layout *l) {
  memset(l, 0, sizeof *l);
  if ((unsigned)code >= IR_NUM_OPS || !rows[code].items) return -1;
  l->last_res_since = rows[code].last_res_since;
  for (const char *s = rows[code].items; *s;) {
    while (*s == ' ') s++;
    if (!*s) break;
    const char *e = s;
    while (*e && *e != ' ') e++;
    if (l->n == BC_MAX_ITEMS) return -1;
    struct bc_item *it = &l->item[l->n++];
    const char *at = memchr(s, '@', (size_t)(e - s));
    if (parse_item(s, (size_t)((at ? at : e) - s), it)) return -1;
    it->since = at ? atoi(at + 1) : 0;
    s = e;
  }
  return 0;
}

/* ---- element types ---- */

static const int elem_tags[EL_COUNT] = {
  [EL_I1] = 0, [EL_I8] = 1, [EL_I16] = 2, [EL_I32] = 3, [EL_I64] = 4,
  [EL_F16] = 5, [EL_BF16] = 6, [EL_F32] = 7, [EL_TF32] = 8, [EL_F64] = 9,
  [EL_F8E4M3FN] = 10, [EL_F8E5M2] = 11, [EL_F8E8M0FNU] = 18,
  [EL_F4E2M1FN] = 19, [EL_I4] = 22, [EL_F8E5M3FNU] = 130,
};

int bc_elem_tag(enum ty_elem e) { return elem_tags[e]; }

int bc_tag_elem(uint64_t tag) {
  for (int e = 0; e < EL_COUNT; e++)
    if ((uint64_t)elem_tags[e] == tag) return e;
  return -1;
}

int bc_elem_since(enum ty_elem e) {
  switch (e) {
  case EL_F8E8M0FNU: return 1302;
  case EL_F4E2M1FN: case EL_I4: return 1303;
  case EL_F8E5M3FNU: return 1304;
  default: return 1301;
  }
}

const char *bc_version_name(int v, char buf[8]) {
  snprintf(buf, 8, "%d.%d", v / 100 % 100, v % 100);
  return buf;
}
