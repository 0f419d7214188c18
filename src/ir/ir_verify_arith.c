/*
** ir_verify_arith.c -- the rules of elementwise arithmetic, math, comparisons,
** conversions, constants and assume (spec: Ops.td).
** What every op obeys is checked before, in ir_verify.c: for the OPF_ELEMWISE
** ops that is the element class and one type for all operands and results,
** so most of them only add rules about their modifiers here.
*/
#include <config.h>
#include "ir_verify_int.h"

#include <stdio.h>

/* ---- type classes ---- */

/* A class of tile types and how messages name it. */
struct tclass {
  bool (*is)(const struct ty *t);
  const char *desc;
};

static bool is_anyint_tile(const struct ty *t) {      /* i1..i64 and i4 */
  return is_tile(t) && t->elt->kind == TY_INT;
}
static bool is_i1_tile(const struct ty *t) { return elem_is(t, EL_I1); }
static bool is_i64_tile(const struct ty *t) { return elem_is(t, EL_I64); }
/* What constant and bitcast take: every number type but i4. */
static bool is_value_tile(const struct ty *t) {
  return is_number_tile(t) && !elem_is(t, EL_I4);
}
/* fpowi's exponent: a signed integer of at most 32 bits. */
static bool is_pow_exp_tile(const struct ty *t) {
  return is_int_tile(t) && !elem_is(t, EL_I64);
}

static const struct tclass C_FLOAT = { is_float_tile, "a tile of f16, bf16, f32 or f64" };
static const struct tclass C_ANYFLOAT = { is_any_float_tile, "a tile of floats" };
static const struct tclass C_INT = { is_int_tile, "a tile of i1, i8, i16, i32 or i64" };
static const struct tclass C_INT4 = { is_anyint_tile, "a tile of i1, i4, i8, i16, i32 or i64" };
static const struct tclass C_I1 = { is_i1_tile, "a tile of i1" };
static const struct tclass C_I64 = { is_i64_tile, "a tile of i64" };
static const struct tclass C_PTR = { is_ptr_tile, "a tile of pointers" };
static const struct tclass C_VALUE = { is_value_tile, "a tile of integers (not i4) or floats" };
static const struct tclass C_POWEXP = { is_pow_exp_tile, "a tile of i1, i8, i16 or i32" };

/* Report, unless t is in class c, that 'what' (an operand or the result)
** of op must be of c; true when it is. */
static bool need(struct vctx *v, const struct ir_op *op, const struct tclass *c,
                 const char *what, const struct ty *t) {
  if (c->is(t)) return true;
  verr(v, op, "%s must be %s, got %s", what, c->desc, vty(t));
  return false;
}

/* Report, unless a and b have one shape, that 'what' must agree. */
static bool need_shape(struct vctx *v, const struct ir_op *op, const char *what,
                       const struct ty *a, const struct ty *b) {
  if (same_shape(a, b)) return true;
  verr(v, op, "%s must have the same shape, got %s and %s", what, vty(a), vty(b));
  return false;
}

/* Report, unless operand i has the type t of the result, that it must. */
static bool need_result_type(struct vctx *v, const struct ir_op *op, int i,
                             const struct ty *t) {
  if (op->in[i]->type == t) return true;
  verr(v, op, "operand #%d must have the result type %s, got %s", i, vty(t),
       vty(op->in[i]->type));
  return false;
}

/* A required enum attribute: only the generic form can leave one out. */
static bool need_attr(struct vctx *v, const struct ir_op *op, int val, const char *name) {
  if (val >= 0) return true;
  verr(v, op, "requires the '%s' attribute", name);
  return false;
}

static const char *elem_name(const struct ty *tile) {
  return ty_elem_names[tile->elt->elem];
}

static int bits_of(const struct ty *tile) { return ty_elem_bits(tile->elt->elem); }

/* ---- rounding modes and float modifiers ---- */

#define RM(x) (1u << RND_##x)
enum {
  RM_IEEE = RM(NEAREST_EVEN) | RM(ZERO) | RM(NEGATIVE_INF) | RM(POSITIVE_INF),
  RM_TRANS = RM(APPROX) | RM(FULL),        /* exp, tanh */
};

static int rounding(const struct ir_op *op, enum ir_rounding dflt) {
  return op->attr.rounding < 0 ? (int)dflt : op->attr.rounding;
}

/*
** Check that op's rounding mode (dflt when absent) is one of the modes in
** 'allowed' and report the list when it is not.  The parser takes any mode
** name for every op, so this is where a mode meets its op.
*/
static bool check_rounding(struct vctx *v, const struct ir_op *op,
                           enum ir_rounding dflt, unsigned allowed) {
  int r = rounding(op, dflt);
  if (allowed & (1u << r)) return true;
  char list[200] = "";
  size_t n = 0;
  for (int i = 0; i < RND_COUNT; i++)
    if (allowed & (1u << i))
      n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "",
                            ir_rounding_names[i]);
  verr(v, op, "rounding mode '%s' is not supported here, expected one of [%s]",
       ir_rounding_names[r], list);
  return false;
}

/* flush_to_zero only means something for f32 (subnormal f32 flushing). */
static void check_ftz(struct vctx *v, const struct ir_op *op) {
  const struct ty *t = op->out[0].type;
  if ((op->attr.flags & AF_FTZ) && !elem_is(t, EL_F32))
    verr(v, op, "flush_to_zero is only supported for f32, got '%s'", elem_name(t));
}

/* The modes in f32_only (approx, full) exist only as f32 hardware paths. */
static void check_f32_modes(struct vctx *v, const struct ir_op *op,
                            enum ir_rounding dflt, unsigned f32_only) {
  const struct ty *t = op->out[0].type;
  int r = rounding(op, dflt);
  if ((f32_only & (1u << r)) && !elem_is(t, EL_F32))
    verr(v, op, "rounding<%s> is only supported for f32, got '%s'",
         ir_rounding_names[r], elem_name(t));
}

/* addf, subf, mulf, fma: an IEEE rounding and ftz. */
static void verify_ieee(struct vctx *v, const struct ir_op *op) {
  if (check_rounding(v, op, RND_NEAREST_EVEN, RM_IEEE)) check_ftz(v, op);
}

/* ---- elementwise float ---- */

void ir_verify_absf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_addf(struct vctx *v, const struct ir_op *op) { verify_ieee(v, op); }

void ir_verify_atan2(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_ceil(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cos(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_cosh(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_divf(struct vctx *v, const struct ir_op *op) {
  if (!check_rounding(v, op, RND_NEAREST_EVEN, RM_IEEE | RM_TRANS)) return;
  check_ftz(v, op);
  check_f32_modes(v, op, RND_NEAREST_EVEN, RM_TRANS);
}

/* exp, tanh: approx or full (the default); approx only for f32. */
static void verify_trans(struct vctx *v, const struct ir_op *op) {
  if (check_rounding(v, op, RND_FULL, RM_TRANS))
    check_f32_modes(v, op, RND_FULL, RM(APPROX));
}

void ir_verify_exp(struct vctx *v, const struct ir_op *op) { verify_trans(v, op); }

void ir_verify_exp2(struct vctx *v, const struct ir_op *op) { check_ftz(v, op); }

void ir_verify_floor(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_fma(struct vctx *v, const struct ir_op *op) { verify_ieee(v, op); }

void ir_verify_log(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_log2(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_maxf(struct vctx *v, const struct ir_op *op) { check_ftz(v, op); }

void ir_verify_minf(struct vctx *v, const struct ir_op *op) { check_ftz(v, op); }

void ir_verify_mulf(struct vctx *v, const struct ir_op *op) { verify_ieee(v, op); }

void ir_verify_negf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_pow(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_remf(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_rsqrt(struct vctx *v, const struct ir_op *op) { check_ftz(v, op); }

void ir_verify_sin(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_sinh(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

/* sqrt: IEEE modes or approx; ftz is checked before approx (as upstream). */
void ir_verify_sqrt(struct vctx *v, const struct ir_op *op) {
  if (!check_rounding(v, op, RND_NEAREST_EVEN, RM_IEEE | RM(APPROX))) return;
  check_ftz(v, op);
  check_f32_modes(v, op, RND_NEAREST_EVEN, RM(APPROX));
}

void ir_verify_subf(struct vctx *v, const struct ir_op *op) { verify_ieee(v, op); }

void ir_verify_tan(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_tanh(struct vctx *v, const struct ir_op *op) { verify_trans(v, op); }

/* fpowi (13.4): x ** n with a float tile x and a signed integer tile n of
** at most 32 bits and x's shape; the result has x's type. */
void ir_verify_fpowi(struct vctx *v, const struct ir_op *op) {
  const struct ty *x = op->in[0]->type, *n = op->in[1]->type, *r = op->out[0].type;
  if (!need(v, op, &C_FLOAT, "operand #0", x) || !need(v, op, &C_POWEXP, "operand #1", n))
    return;
  if (need_shape(v, op, "base and exponent", x, n) && r != x)
    verr(v, op, "result type %s must be the base type %s", vty(r), vty(x));
}

/* ---- elementwise integer ---- */

void ir_verify_absi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_addi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_andi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

/* divi rounds toward zero (default), -inf or +inf; flooring an unsigned
** division is truncating it, so upstream rejects the spelling. */
void ir_verify_divi(struct vctx *v, const struct ir_op *op) {
  if (!need_attr(v, op, op->attr.signedness, "signedness")) return;
  if (!check_rounding(v, op, RND_ZERO, RM(ZERO) | RM(NEGATIVE_INF) | RM(POSITIVE_INF)))
    return;
  if (rounding(op, RND_ZERO) == RND_NEGATIVE_INF && op->attr.signedness == SGN_UNSIGNED)
    verr(v, op, "rounding mode 'negative_inf' is not allowed with 'unsigned'");
}

void ir_verify_maxi(struct vctx *v, const struct ir_op *op) {
  need_attr(v, op, op->attr.signedness, "signedness");
}

void ir_verify_mini(struct vctx *v, const struct ir_op *op) {
  need_attr(v, op, op->attr.signedness, "signedness");
}

void ir_verify_mulhii(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_muli(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

/* -x never wraps as unsigned except at 0, so upstream refuses the flag. */
void ir_verify_negi(struct vctx *v, const struct ir_op *op) {
  if (op->attr.overflow == OVF_NUW)
    verr(v, op, "overflow flag 'no_unsigned_wrap' is not supported");
}

void ir_verify_ori(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_remi(struct vctx *v, const struct ir_op *op) {
  need_attr(v, op, op->attr.signedness, "signedness");
}

void ir_verify_shli(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_shri(struct vctx *v, const struct ir_op *op) {
  need_attr(v, op, op->attr.signedness, "signedness");
}

void ir_verify_subi(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

void ir_verify_xori(struct vctx *v, const struct ir_op *op) { (void)v; (void)op; }

/* ---- comparisons and select ---- */

/*
** cmpf/cmpi: both operands of class c and one type (the syntax names the
** type once, so a differing second operand is caught here), the result a
** tile of i1 with their shape.
*/
static void verify_cmp(struct vctx *v, const struct ir_op *op, const struct tclass *c) {
  const struct ty *a = op->in[0]->type, *b = op->in[1]->type, *r = op->out[0].type;
  if (!need_attr(v, op, op->attr.pred, "comparison_predicate")) return;
  if (!need(v, op, c, "operand #0", a)) return;
  if (b != a) {
    verr(v, op, "operands must have the same type, got %s and %s", vty(a), vty(b));
    return;
  }
  if (!elem_is(r, EL_I1) || !same_shape(a, r))
    verr(v, op, "result must be a tile of i1 with the operands' shape, got %s", vty(r));
}

void ir_verify_cmpf(struct vctx *v, const struct ir_op *op) {
  if (need_attr(v, op, op->attr.order, "comparison_ordering")) verify_cmp(v, op, &C_FLOAT);
}

void ir_verify_cmpi(struct vctx *v, const struct ir_op *op) {
  if (need_attr(v, op, op->attr.signedness, "signedness")) verify_cmp(v, op, &C_INT);
}

/* select c, t, f: t, f and the result one tile type, c a tile of i1 of the
** same shape; f4 values are half-bytes, which select cannot move. */
void ir_verify_select(struct vctx *v, const struct ir_op *op) {
  const struct ty *c = op->in[0]->type, *r = op->out[0].type;
  if (!need(v, op, &C_I1, "condition", c)) return;
  if (!is_tile(r)) {
    verr(v, op, "result must be a tile, got %s", vty(r));
    return;
  }
  if (!need_result_type(v, op, 1, r) || !need_result_type(v, op, 2, r)) return;
  if (!need_shape(v, op, "condition and values", c, r)) return;
  if (elem_is(r, EL_F4E2M1FN)) verr(v, op, "cannot select values of the sub-byte type f4E2M1FN");
}

/* ---- conversions ---- */

/* A cast from class 'from' to class 'to' that keeps the shape. */
static bool check_cast(struct vctx *v, const struct ir_op *op, const struct tclass *from,
                       const struct tclass *to) {
  const struct ty *s = op->in[0]->type, *r = op->out[0].type;
  bool ok = need(v, op, from, "operand", s);
  ok = need(v, op, to, "result", r) && ok;
  return ok && need_shape(v, op, "operand and result", s, r);
}

/* bitcast reinterprets number bits; pointers have their own casts. */
void ir_verify_bitcast(struct vctx *v, const struct ir_op *op) {
  const struct ty *s = op->in[0]->type, *r = op->out[0].type;
  if (is_ptr_tile(s) || is_ptr_tile(r)) {
    verr(v, op, "cannot cast pointers (%s -> %s); use ptr_to_int, int_to_ptr or ptr_to_ptr",
         vty(s), vty(r));
    return;
  }
  if (!check_cast(v, op, &C_VALUE, &C_VALUE)) return;
  if (bits_of(s) != bits_of(r))
    verr(v, op, "element types must have the same width, got %s (%d bits) and %s (%d bits)",
         elem_name(s), bits_of(s), elem_name(r), bits_of(r));
}

void ir_verify_exti(struct vctx *v, const struct ir_op *op) {
  if (!need_attr(v, op, op->attr.signedness, "signedness")) return;
  if (check_cast(v, op, &C_INT4, &C_INT4) && bits_of(op->out[0].type) <= bits_of(op->in[0]->type))
    verr(v, op, "must extend to a wider integer, got %s -> %s", vty(op->in[0]->type),
         vty(op->out[0].type));
}

void ir_verify_trunci(struct vctx *v, const struct ir_op *op) {
  if (check_cast(v, op, &C_INT4, &C_INT4) && bits_of(op->out[0].type) >= bits_of(op->in[0]->type))
    verr(v, op, "must truncate to a narrower integer, got %s -> %s", vty(op->in[0]->type),
         vty(op->out[0].type));
}

/*
** ftof rounds to nearest even, except into f8E8M0FNU (a power-of-two scale
** with no even mantissa to round to), which takes zero or positive_inf.
*/
void ir_verify_ftof(struct vctx *v, const struct ir_op *op) {
  if (!check_cast(v, op, &C_ANYFLOAT, &C_ANYFLOAT)) return;
  if (op->in[0]->type == op->out[0].type) {
    verr(v, op, "converts %s to itself (a no-op)", vty(op->out[0].type));
    return;
  }
  if (elem_is(op->out[0].type, EL_F8E8M0FNU))
    check_rounding(v, op, RND_NEAREST_EVEN, RM(ZERO) | RM(POSITIVE_INF));
  else
    check_rounding(v, op, RND_NEAREST_EVEN, RM(NEAREST_EVEN));
}

void ir_verify_ftoi(struct vctx *v, const struct ir_op *op) {
  if (!need_attr(v, op, op->attr.signedness, "signedness")) return;
  if (check_cast(v, op, &C_ANYFLOAT, &C_INT))
    check_rounding(v, op, RND_NEAREST_INT_TO_ZERO, RM(NEAREST_INT_TO_ZERO));
}

void ir_verify_itof(struct vctx *v, const struct ir_op *op) {
  if (!need_attr(v, op, op->attr.signedness, "signedness")) return;
  if (!check_cast(v, op, &C_INT, &C_ANYFLOAT)) return;
  if (elem_is(op->out[0].type, EL_F8E8M0FNU))
    verr(v, op, "cannot convert integers to f8E8M0FNU (convert to another float first)");
  else
    check_rounding(v, op, RND_NEAREST_EVEN, RM(NEAREST_EVEN));
}

void ir_verify_int_to_ptr(struct vctx *v, const struct ir_op *op) {
  check_cast(v, op, &C_I64, &C_PTR);
}

void ir_verify_ptr_to_int(struct vctx *v, const struct ir_op *op) {
  check_cast(v, op, &C_PTR, &C_I64);
}

void ir_verify_ptr_to_ptr(struct vctx *v, const struct ir_op *op) {
  check_cast(v, op, &C_PTR, &C_PTR);
}

/* offset p, n: p a tile of pointers, n integers of p's shape; the result
** has p's type. */
void ir_verify_offset(struct vctx *v, const struct ir_op *op) {
  const struct ty *p = op->in[0]->type, *n = op->in[1]->type, *r = op->out[0].type;
  if (!need(v, op, &C_PTR, "operand #0", p) || !need(v, op, &C_INT, "operand #1", n)) return;
  if (!need_shape(v, op, "pointers and offsets", p, n)) return;
  if (r != p) verr(v, op, "result type %s must be the pointer type %s", vty(r), vty(p));
}

/* ---- constants ---- */

void ir_verify_constant(struct vctx *v, const struct ir_op *op) {
  const struct ty *r = op->out[0].type;
  if (!need(v, op, &C_VALUE, "result", r)) return;
  const struct ir_dense *d = op->attr.value;
  if (!d) verr(v, op, "requires a value");
  else if (d->type != r)
    verr(v, op, "value of type %s does not match the result type %s", vty(d->type), vty(r));
}

/* iota: 0 .. n-1 must all be distinct values of the element type, so n
** may be at most 2^width (the values are read as unsigned). */
void ir_verify_iota(struct vctx *v, const struct ir_op *op) {
  const struct ty *r = op->out[0].type;
  if (!need(v, op, &C_INT, "result", r)) return;
  if (r->rank != 1) {
    verr(v, op, "result must be a 1-d tile, got %s", vty(r));
    return;
  }
  int w = bits_of(r);
  if (w < 63 && r->shape[0] > ((int64_t)1 << w))
    verr(v, op, "%lld elements do not fit the values of %s", (long long)r->shape[0], elem_name(r));
}

/* ---- assume ---- */

/* A tile element div_by and same_elements speak about: integer or pointer. */
static bool int_or_ptr_tile(const struct ty *t) {
  return is_anyint_tile(t) || is_ptr_tile(t);
}

/* every E along A: A a dimension of t, E at most its extent. */
static void check_every(struct vctx *v, const struct ir_op *op, const struct ir_assume *a,
                        const struct ty *t) {
  if (a->along < 0 || a->along >= t->rank) {
    verr(v, op, "div_by: 'along' (%lld) must be a dimension of the rank-%d tile",
         (long long)a->along, t->rank);
    return;
  }
  int64_t n = t->shape[a->along];
  if (a->every < 0 || a->every > n)
    verr(v, op, "div_by: 'every' (%lld) must be within 0 and the dimension's size (%lld)",
         (long long)a->every, (long long)n);
}

/*
** div_by<D [, every E along A]>: D a power of two up to 2^62 (the largest
** alignment a 64-bit address can promise usefully), on integers, pointers
** or a tensor_view (whose base and strides it describes, so it has no
** dimensions to walk with every/along).
*/
static void check_div_by(struct vctx *v, const struct ir_op *op, const struct ir_assume *a,
                         const struct ty *t) {
  uint64_t d = (uint64_t)a->div;
  if (d == 0 || (d & (d - 1))) {
    verr(v, op, "div_by: divisor %lld must be a power of 2", (long long)a->div);
    return;
  }
  if (d > (1ull << 62)) {
    verr(v, op, "div_by: divisor %llu is too large (at most 2^62)", (unsigned long long)d);
    return;
  }
  if (t->kind == TY_TENSOR_VIEW) {
    if (a->has_every) verr(v, op, "div_by: 'every'/'along' cannot be used on a tensor_view");
    return;
  }
  if (!int_or_ptr_tile(t)) {
    verr(v, op, "div_by applies only to tiles of integers or pointers and to tensor_views, got %s",
         vty(t));
    return;
  }
  if (a->has_every && t->rank == 0)
    verr(v, op, "div_by: 'every'/'along' cannot be used on a 0-d tile");
  else if (a->has_every)
    check_every(v, op, a, t);
}

/* same_elements<[n0, ...]>: one block extent per dimension, each at most
** that dimension's size. */
static void check_same_elements(struct vctx *v, const struct ir_op *op,
                                const struct ir_assume *a, const struct ty *t) {
  if (!int_or_ptr_tile(t)) {
    verr(v, op, "same_elements applies only to tiles of integers or pointers, got %s", vty(t));
    return;
  }
  if (a->n != t->rank) {
    verr(v, op, "same_elements has %d values for a rank-%d tile", a->n, t->rank);
    return;
  }
  for (int i = 0; i < a->n; i++)
    if (a->same[i] < 0 || a->same[i] > t->shape[i]) {
      verr(v, op, "same_elements value %d (%lld) must be within 0 and the dimension's size (%lld)",
           i, (long long)a->same[i], (long long)t->shape[i]);
      return;
    }
}

/* bounded<lb, ub>: bounds of the signed reading of the element type. */
static void check_bounded(struct vctx *v, const struct ir_op *op, const struct ir_assume *a,
                          const struct ty *t) {
  if (!is_anyint_tile(t)) {
    verr(v, op, "bounded applies only to tiles of integers, got %s", vty(t));
    return;
  }
  int w = bits_of(t);
  int64_t lo = w == 64 ? INT64_MIN : -((int64_t)1 << (w - 1));
  int64_t hi = w == 64 ? INT64_MAX : ((int64_t)1 << (w - 1)) - 1;
  const char *which[2] = { "lower", "upper" };
  bool has[2] = { a->has_lb, a->has_ub };
  int64_t b[2] = { a->lb, a->ub };
  for (int i = 0; i < 2; i++)
    if (has[i] && (b[i] < lo || b[i] > hi)) {
      verr(v, op, "bounded: %s bound %lld must be within [%lld, %lld]", which[i],
           (long long)b[i], (long long)lo, (long long)hi);
      return;
    }
  if (a->has_lb && a->has_ub && a->lb > a->ub)
    verr(v, op, "bounded: lower bound %lld is greater than upper bound %lld",
         (long long)a->lb, (long long)a->ub);
}

void ir_verify_assume(struct vctx *v, const struct ir_op *op) {
  const struct ir_assume *a = op->attr.assume;
  const struct ty *t = op->in[0]->type;
  if (!a) {
    verr(v, op, "requires a predicate");
    return;
  }
  if (op->out[0].type != t) {
    verr(v, op, "result type %s must be the operand type %s", vty(op->out[0].type), vty(t));
    return;
  }
  if (a->kind == AS_DIV_BY) check_div_by(v, op, a, t);
  else if (a->kind == AS_SAME_ELEMENTS) check_same_elements(v, op, a, t);
  else check_bounded(v, op, a, t);
}
