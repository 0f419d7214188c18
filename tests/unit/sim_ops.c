/*
** sim_ops.c -- the interpreter, op family by op family: small kernels
** parsed from text, run with sim_launch, their results compared bit for
** bit with values worked out independently of tilesim -- by hand (the
** tables below say how), or by the host's IEEE arithmetic under fenv
** rounding modes plus a rounding routine of this file for f16 and bf16
** (never sim_fp.c or sim_math.c).
**
** Most kernels follow one pattern (ew_text): pointer parameters %pa %pb
** %pc to N elements of the inputs, loaded as %a %b %c; a body that
** defines %r; %r stored through %pr.  A test gives the body, the inputs
** and the expected output bits.
*/
#include <config.h>

#include <fenv.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "sim_fp.h"
#include "sim_math.h"
#include "testlib.h"

/* ---- the harness: one module, its memory and its arguments ---- */

enum { KT_MAXARGS = 16 };

struct kt {
  struct ir_module *m;
  const struct ir_op *entry;
  struct sim_mem mem;
  struct sim_value args[KT_MAXARGS];
  int nargs;
  struct sim_opts o;
  struct sim_error err;
  struct ts_buf printed;      /* print_tko's text */
};

static void collect_print(void *ud, const char *text) { ts_buf_puts(ud, text); }

/* Parse and verify text (which must be valid), find its only entry. */
static void kt_load(struct kt *k, const char *text) {
  struct tt_diags d;
  memset(k, 0, sizeof *k);
  tt_diags_init(&d);
  k->m = tt_parse(text, &d);
  ck_assert_msg(k->m != NULL, "parse failed: %s\n%s", d.text, text);
  unsigned n = ir_verify(k->m, &d.sink);
  ck_assert_msg(n == 0, "verify failed: %s\n%s", d.text, text);
  k->entry = sim_find_entry(k->m, NULL);
  ck_assert_msg(k->entry != NULL, "no single entry");
  mem_init(&k->mem);
  k->o.threads = 1;
  k->o.numerics = NUM_FMA;
  k->o.print = collect_print;
  k->o.print_ud = &k->printed;
}

static void kt_free(struct kt *k) {
  mem_free(&k->mem);
  ir_module_free(k->m);
  ts_buf_free(&k->printed);
}

static const struct ty *param_type(const struct kt *k, int i) {
  const struct ir_block *b = k->entry->regions[0].block;
  ck_assert_msg(i < b->nargs, "the entry has %d parameters, not %d", b->nargs, i + 1);
  return b->args[i].type;
}

/* The next argument: an array of bytes bytes (a copy of init, or zeros). */
static int kt_array(struct kt *k, const void *init, size_t bytes) {
  int i = k->nargs++;
  const struct ty *t = param_type(k, i);
  struct mem_alloc *a = mem_alloc(&k->mem, bytes, "arg", t->elt->elt->elem);
  ck_assert(a != NULL);
  if (init) memcpy(a->host, init, bytes);
  k->args[i] = (struct sim_value){ t, a->base };
  return i;
}

/* The next argument: a scalar of these bits. */
static void kt_scalar(struct kt *k, uint64_t bits) {
  int i = k->nargs++;
  k->args[i] = (struct sim_value){ param_type(k, i), bits };
}

/* The host bytes of array argument i. */
static void *kt_host(struct kt *k, int i) {
  const struct mem_alloc *a = mem_find(&k->mem, k->args[i].bits, 0);
  ck_assert(a != NULL);
  return a->host;
}

static int kt_run(struct kt *k, uint32_t gx, uint32_t gy, uint32_t gz) {
  const uint32_t grid[3] = { gx, gy, gz };
  return sim_launch(k->m, k->entry, grid, k->args, k->nargs, &k->mem, &k->o, &k->err);
}

static void kt_ok(struct kt *k, uint32_t gx, uint32_t gy, uint32_t gz) {
  int rc = kt_run(k, gx, gy, gz);
  ck_assert_msg(rc == 0, "run failed: %s", k->err.msg);
}

/* Run a kernel that must fail; its message must contain want. */
static void kt_fails(struct kt *k, uint32_t gx, const char *want) {
  int rc = kt_run(k, gx, 1, 1);
  ck_assert_msg(rc != 0, "run succeeded; expected an error with '%s'", want);
  ck_assert_msg(k->err.set, "no error recorded");
  ck_assert_msg(strstr(k->err.msg, want) != NULL, "message '%s' lacks '%s'", k->err.msg, want);
}

/* ---- the elementwise pattern ---- */

static size_t esize(const char *t) {
  if (!strcmp(t, "i1") || !strcmp(t, "i4") || !strcmp(t, "i8")) return 1;
  if (!strcmp(t, "i16") || !strcmp(t, "f16") || !strcmp(t, "bf16")) return 2;
  if (!strcmp(t, "i32") || !strcmp(t, "f32")) return 4;
  return 8;
}

/* Lines that make %NAME, n elements of type t loaded through pointer %pNAME. */
static void load_lines(struct ts_buf *b, const char *name, const char *t, int n) {
  ts_buf_printf(b,
    "    %%%s_1 = reshape %%p%s : tile<ptr<%s>> -> tile<1xptr<%s>>\n"
    "    %%%s_v = broadcast %%%s_1 : tile<1xptr<%s>> -> tile<%dxptr<%s>>\n"
    "    %%%s_p = offset %%%s_v, %%iota : tile<%dxptr<%s>>, tile<%dxi32> -> tile<%dxptr<%s>>\n"
    "    %%%s, %%%s_t = load_ptr_tko weak %%%s_p : tile<%dxptr<%s>> -> tile<%dx%s>, token\n",
    name, name, t, t, name, name, t, n, t, name, name, n, t, n, n, t,
    name, name, name, n, t, n, t);
}

/* The text of an elementwise kernel: inputs a, b, c (nin of them, n
** elements of type in), result r (nout elements of type out); body
** defines %r. */
static char *ew_text(const char *in, const char *out, int n, int nout, int nin, const char *body) {
  struct ts_buf b = {0};
  static const char *const names[] = { "a", "b", "c" };
  ts_buf_puts(&b, "cuda_tile.module @t {\n  entry @k(");
  for (int i = 0; i < nin; i++) ts_buf_printf(&b, "%%p%s: tile<ptr<%s>>, ", names[i], in);
  ts_buf_printf(&b, "%%pr: tile<ptr<%s>>) {\n    %%iota = iota : tile<%dxi32>\n", out, n);
  ts_buf_printf(&b, "    %%oiota = iota : tile<%dxi32>\n", nout);
  for (int i = 0; i < nin; i++) load_lines(&b, names[i], in, n);
  ts_buf_printf(&b, "    %s\n", body);
  ts_buf_printf(&b,
    "    %%r_1 = reshape %%pr : tile<ptr<%s>> -> tile<1xptr<%s>>\n"
    "    %%r_v = broadcast %%r_1 : tile<1xptr<%s>> -> tile<%dxptr<%s>>\n"
    "    %%r_p = offset %%r_v, %%oiota : tile<%dxptr<%s>>, tile<%dxi32> -> tile<%dxptr<%s>>\n"
    "    %%r_t = store_ptr_tko weak %%r_p, %%r : tile<%dxptr<%s>>, tile<%dx%s> -> token\n  }\n}\n",
    out, out, out, nout, out, nout, out, nout, nout, out, nout, out, nout, out);
  return b.s;
}

/* Run an elementwise kernel on inputs (n elements of in each) into res
** (nout elements of out).  Returns sim_launch's result; *msg gets the
** error message. */
static int ew_run(const char *in, const char *out, int n, int nout, int nin, const char *body,
                  const void *a, const void *b, const void *c, void *res, char *msg, size_t msgn) {
  char *text = ew_text(in, out, n, nout, nin, body);
  struct kt k;
  kt_load(&k, text);
  const void *ins[3] = { a, b, c };
  for (int i = 0; i < nin; i++) kt_array(&k, ins[i], esize(in) * (size_t)n);
  int r = kt_array(&k, NULL, esize(out) * (size_t)nout);
  int rc = kt_run(&k, 1, 1, 1);
  if (rc == 0) memcpy(res, kt_host(&k, r), esize(out) * (size_t)nout);
  if (msg) snprintf(msg, msgn, "%s", k.err.msg);
  kt_free(&k);
  free(text);
  return rc;
}

static int ew_try(const char *in, const char *out, int n, int nin, const char *body,
                  const void *a, const void *b, const void *c, void *res, char *msg, size_t msgn) {
  return ew_run(in, out, n, n, nin, body, a, b, c, res, msg, msgn);
}

/* The same, with nout result elements; the run must succeed. */
static void ew_n(const char *in, const char *out, int n, int nout, int nin, const char *body,
                 const void *a, const void *b, const void *c, void *res) {
  char msg[512];
  int rc = ew_run(in, out, n, nout, nin, body, a, b, c, res, msg, sizeof msg);
  ck_assert_msg(rc == 0, "'%s' failed: %s", body, msg);
}

static void ew(const char *in, const char *out, int n, int nin, const char *body,
               const void *a, const void *b, const void *c, void *res) {
  ew_n(in, out, n, n, nin, body, a, b, c, res);
}

/* Format a body: the same as printf. */
static const char *fmt(char *buf, size_t n, const char *f, ...) __attribute__((format(printf, 3, 4)));
static const char *fmt(char *buf, size_t n, const char *f, ...) {
  va_list ap;
  va_start(ap, f);
  vsnprintf(buf, n, f, ap);
  va_end(ap);
  return buf;
}

/* Compare n results (element size sz) with want; report the first few. */
static void same_bits(const char *what, const void *got, const void *want, int n, size_t sz) {
  int bad = 0;
  char report[2048] = "";
  size_t k = 0;
  for (int i = 0; i < n; i++) {
    uint64_t g = 0, w = 0;
    memcpy(&g, (const unsigned char *)got + (size_t)i * sz, sz);
    memcpy(&w, (const unsigned char *)want + (size_t)i * sz, sz);
    if (g == w) continue;
    if (bad++ < 8 && k < sizeof report)
      k += (size_t)snprintf(report + k, sizeof report - k, "\n  [%d] got 0x%" PRIx64 " want 0x%" PRIx64, i, g, w);
  }
  ck_assert_msg(bad == 0, "%s: %d of %d elements differ:%s", what, bad, n, report);
}

/* ---- integers ---- */

/* The quotient/remainder table: by hand, from the definitions (trunc
** toward zero; floor; ceiling; remainder with the dividend's sign). */
static const int32_t div_a[10] = { 7, -7, 7, -7, 6, -6, 0, INT32_MIN, INT32_MIN, INT32_MAX };
static const int32_t div_b[10] = { 2, 2, -2, -2, 3, 3, 5, 1, 2, -1 };

START_TEST(divi_signed) {
  static const int32_t trunc[10] = { 3, -3, -3, 3, 2, -2, 0, INT32_MIN, -1073741824, -INT32_MAX };
  static const int32_t floor_[10] = { 3, -4, -4, 3, 2, -2, 0, INT32_MIN, -1073741824, -INT32_MAX };
  static const int32_t ceil_[10] = { 4, -3, -3, 4, 2, -2, 0, INT32_MIN, -1073741824, -INT32_MAX };
  static const int32_t rem[10] = { 1, -1, 1, -1, 0, 0, 0, 0, 0, 0 };
  int32_t a[16] = {0}, b[16], r[16];
  for (int i = 0; i < 16; i++) b[i] = 1;
  memcpy(a, div_a, sizeof div_a);
  memcpy(b, div_b, sizeof div_b);
  ew("i32", "i32", 16, 2, "%r = divi %a, %b signed : tile<16xi32>", a, b, NULL, r);
  same_bits("divi signed", r, trunc, 10, 4);
  ew("i32", "i32", 16, 2, "%r = divi %a, %b signed rounding<zero> : tile<16xi32>", a, b, NULL, r);
  same_bits("divi signed rounding<zero>", r, trunc, 10, 4);
  ew("i32", "i32", 16, 2, "%r = divi %a, %b signed rounding<negative_inf> : tile<16xi32>", a, b, NULL, r);
  same_bits("divi signed floor", r, floor_, 10, 4);
  ew("i32", "i32", 16, 2, "%r = divi %a, %b signed rounding<positive_inf> : tile<16xi32>", a, b, NULL, r);
  same_bits("divi signed ceil", r, ceil_, 10, 4);
  ew("i32", "i32", 16, 2, "%r = remi %a, %b signed : tile<16xi32>", a, b, NULL, r);
  same_bits("remi signed", r, rem, 10, 4);
}
END_TEST

START_TEST(divi_unsigned) {
  /* the same bits read as unsigned: (u32)-7 = 4294967289 and so on */
  static const uint32_t trunc[10] = { 3, 2147483644, 0, 0, 2, 1431655763, 0, 2147483648u, 1073741824, 0 };
  static const uint32_t ceil_[10] = { 4, 2147483645, 1, 1, 2, 1431655764, 0, 2147483648u, 1073741824, 1 };
  static const uint32_t rem[10] = { 1, 1, 7, 4294967289u, 0, 1, 0, 0, 0, 2147483647 };
  int32_t a[16] = {0}, b[16], r[16];
  for (int i = 0; i < 16; i++) b[i] = 1;
  memcpy(a, div_a, sizeof div_a);
  memcpy(b, div_b, sizeof div_b);
  ew("i32", "i32", 16, 2, "%r = divi %a, %b unsigned : tile<16xi32>", a, b, NULL, r);
  same_bits("divi unsigned", r, trunc, 10, 4);
  ew("i32", "i32", 16, 2, "%r = divi %a, %b unsigned rounding<positive_inf> : tile<16xi32>", a, b, NULL, r);
  same_bits("divi unsigned ceil", r, ceil_, 10, 4);
  ew("i32", "i32", 16, 2, "%r = remi %a, %b unsigned : tile<16xi32>", a, b, NULL, r);
  same_bits("remi unsigned", r, rem, 10, 4);
}
END_TEST

/* i8: the smallest width, where -128 / -1 overflows; and i64. */
START_TEST(divi_narrow_wide) {
  int8_t a[4] = { -128, -128, 127, -1 }, b[4] = { 3, -3, -128, 7 }, r[4];
  static const int8_t q[4] = { -42, 42, 0, 0 }, fl[4] = { -43, 42, -1, -1 }, rm[4] = { -2, -2, 127, -1 };
  ew("i8", "i8", 4, 2, "%r = divi %a, %b signed : tile<4xi8>", a, b, NULL, r);
  same_bits("i8 divi", r, q, 4, 1);
  ew("i8", "i8", 4, 2, "%r = divi %a, %b signed rounding<negative_inf> : tile<4xi8>", a, b, NULL, r);
  same_bits("i8 floor divi", r, fl, 4, 1);
  ew("i8", "i8", 4, 2, "%r = remi %a, %b signed : tile<4xi8>", a, b, NULL, r);
  same_bits("i8 remi", r, rm, 4, 1);
  int64_t x[2] = { INT64_MIN, -9 }, y[2] = { 3, 4 }, z[2];
  static const int64_t q64[2] = { -3074457345618258602LL, -2 }, f64[2] = { -3074457345618258603LL, -3 };
  ew("i64", "i64", 2, 2, "%r = divi %a, %b signed : tile<2xi64>", x, y, NULL, z);
  same_bits("i64 divi", z, q64, 2, 8);
  ew("i64", "i64", 2, 2, "%r = divi %a, %b signed rounding<negative_inf> : tile<2xi64>", x, y, NULL, z);
  same_bits("i64 floor divi", z, f64, 2, 8);
}
END_TEST

/* remi's only undefined case is a zero divisor: MIN % -1 is 0 (the spec
** makes only divi's MIN / -1 undefined). */
START_TEST(remi_min_by_minus_one) {
  int32_t a[2] = { INT32_MIN, 5 }, b[2] = { -1, -1 }, r[2] = { 7, 7 };
  static const int32_t want[2] = { 0, 0 };
  ew("i32", "i32", 2, 2, "%r = remi %a, %b signed : tile<2xi32>", a, b, NULL, r);
  same_bits("remi MIN % -1", r, want, 2, 4);
}
END_TEST

START_TEST(divi_errors) {
  char msg[512];
  int32_t a[4] = { 1, 2, 3, 4 }, b[4] = { 1, 1, 0, 1 }, r[4];
  ck_assert_int_ne(ew_try("i32", "i32", 4, 2, "%r = divi %a, %b signed : tile<4xi32>", a, b, NULL, r, msg, sizeof msg), 0);
  ck_assert_msg(strstr(msg, "division by zero") && strstr(msg, "[2]"), "%s", msg);
  ck_assert_int_ne(ew_try("i32", "i32", 4, 2, "%r = remi %a, %b unsigned : tile<4xi32>", a, b, NULL, r, msg, sizeof msg), 0);
  ck_assert_msg(strstr(msg, "division by zero"), "%s", msg);
  int32_t m[4] = { 0, INT32_MIN, 0, 0 }, n1[4] = { 1, -1, 1, 1 };
  ck_assert_int_ne(ew_try("i32", "i32", 4, 2, "%r = divi %a, %b signed : tile<4xi32>", m, n1, NULL, r, msg, sizeof msg), 0);
  ck_assert_msg(strstr(msg, "overflow") && strstr(msg, "[1]"), "%s", msg);
}
END_TEST

/* Wrapping arithmetic, by hand. */
START_TEST(int_wrap) {
  int8_t a8[4] = { 127, -128, 100, -1 }, b8[4] = { 1, 1, 100, -1 }, r8[4];
  static const int8_t add8[4] = { -128, -127, -56, -2 }, sub8[4] = { 126, 127, 0, 0 }, mul8[4] = { 127, -128, 16, 1 };
  ew("i8", "i8", 4, 2, "%r = addi %a, %b : tile<4xi8>", a8, b8, NULL, r8);
  same_bits("i8 addi", r8, add8, 4, 1);
  ew("i8", "i8", 4, 2, "%r = subi %a, %b : tile<4xi8>", a8, b8, NULL, r8);
  same_bits("i8 subi", r8, sub8, 4, 1);
  ew("i8", "i8", 4, 2, "%r = muli %a, %b : tile<4xi8>", a8, b8, NULL, r8);
  same_bits("i8 muli", r8, mul8, 4, 1);
  int16_t a16[2] = { 300, -32768 }, r16[2];
  static const int16_t sq16[2] = { 24464, 0 };   /* 90000 mod 65536; 2^30 mod 2^16 */
  ew("i16", "i16", 2, 2, "%r = muli %a, %b : tile<2xi16>", a16, a16, NULL, r16);
  same_bits("i16 muli", r16, sq16, 2, 2);
  int64_t a64[2] = { INT64_MAX, INT64_MIN }, b64[2] = { 1, -1 }, r64[2];
  static const int64_t add64[2] = { INT64_MIN, INT64_MAX };
  ew("i64", "i64", 2, 2, "%r = addi %a, %b : tile<2xi64>", a64, b64, NULL, r64);
  same_bits("i64 addi", r64, add64, 2, 8);
  /* negi and absi: -MIN wraps to MIN; absi's result is unsigned, so 128 */
  int8_t n8[4] = { -128, 5, 0, -7 };
  static const int8_t neg8[4] = { -128, -5, 0, 7 }, abs8[4] = { -128, 5, 0, 7 };
  ew("i8", "i8", 4, 1, "%r = negi %a : tile<4xi8>", n8, NULL, NULL, r8);
  same_bits("i8 negi", r8, neg8, 4, 1);
  ew("i8", "i8", 4, 1, "%r = absi %a : tile<4xi8>", n8, NULL, NULL, r8);
  same_bits("i8 absi", r8, abs8, 4, 1);
}
END_TEST

START_TEST(int_bitwise_minmax) {
  uint32_t a[4] = { 0xF0F0F0F0u, 0xFFFFFFFFu, 1, 0x80000000u }, b[4] = { 0x0FF00FF0u, 1, 2, 0x7FFFFFFFu }, r[4];
  static const uint32_t and_[4] = { 0x00F000F0u, 1, 0, 0 }, or_[4] = { 0xFFF0FFF0u, 0xFFFFFFFFu, 3, 0xFFFFFFFFu },
    xor_[4] = { 0xFF00FF00u, 0xFFFFFFFEu, 3, 0xFFFFFFFFu },
    smax[4] = { 0x0FF00FF0u, 1, 2, 0x7FFFFFFFu }, smin[4] = { 0xF0F0F0F0u, 0xFFFFFFFFu, 1, 0x80000000u },
    umax[4] = { 0xF0F0F0F0u, 0xFFFFFFFFu, 2, 0x80000000u }, umin[4] = { 0x0FF00FF0u, 1, 1, 0x7FFFFFFFu };
  ew("i32", "i32", 4, 2, "%r = andi %a, %b : tile<4xi32>", a, b, NULL, r);
  same_bits("andi", r, and_, 4, 4);
  ew("i32", "i32", 4, 2, "%r = ori %a, %b : tile<4xi32>", a, b, NULL, r);
  same_bits("ori", r, or_, 4, 4);
  ew("i32", "i32", 4, 2, "%r = xori %a, %b : tile<4xi32>", a, b, NULL, r);
  same_bits("xori", r, xor_, 4, 4);
  ew("i32", "i32", 4, 2, "%r = maxi %a, %b signed : tile<4xi32>", a, b, NULL, r);
  same_bits("maxi signed", r, smax, 4, 4);
  ew("i32", "i32", 4, 2, "%r = mini %a, %b signed : tile<4xi32>", a, b, NULL, r);
  same_bits("mini signed", r, smin, 4, 4);
  ew("i32", "i32", 4, 2, "%r = maxi %a, %b unsigned : tile<4xi32>", a, b, NULL, r);
  same_bits("maxi unsigned", r, umax, 4, 4);
  ew("i32", "i32", 4, 2, "%r = mini %a, %b unsigned : tile<4xi32>", a, b, NULL, r);
  same_bits("mini unsigned", r, umin, 4, 4);
}
END_TEST

/* mulhii: the high half of the unsigned double-width product. */
START_TEST(int_mulhi) {
  uint8_t a8[2] = { 200, 255 }, b8[2] = { 200, 2 }, r8[2];
  static const uint8_t h8[2] = { 156, 1 };           /* 40000 >> 8; 510 >> 8 */
  ew("i8", "i8", 2, 2, "%r = mulhii %a, %b : tile<2xi8>", a8, b8, NULL, r8);
  same_bits("i8 mulhii", r8, h8, 2, 1);
  uint32_t a[2] = { 0xFFFFFFFFu, 0x80000000u }, b[2] = { 0xFFFFFFFFu, 2 }, r[2];
  static const uint32_t h32[2] = { 0xFFFFFFFEu, 1 };
  ew("i32", "i32", 2, 2, "%r = mulhii %a, %b : tile<2xi32>", a, b, NULL, r);
  same_bits("i32 mulhii", r, h32, 2, 4);
  uint64_t a64[2] = { UINT64_MAX, UINT64_C(1) << 63 }, b64[2] = { UINT64_MAX, 6 }, r64[2];
  static const uint64_t h64[2] = { UINT64_MAX - 1, 3 };
  ew("i64", "i64", 2, 2, "%r = mulhii %a, %b : tile<2xi64>", a64, b64, NULL, r64);
  same_bits("i64 mulhii", r64, h64, 2, 8);
}
END_TEST

/* Shifts: the amount is unsigned; amounts of the width or more shift
** every bit out (tilesim's documented choice; the spec leaves them open). */
START_TEST(int_shifts) {
  uint32_t a[8] = { 1, 0x80000001u, 0x80000000u, 0xFFFFFFFFu, 0x12345678u, 0x80000000u, 0x80000000u, 7 };
  uint32_t s[8] = { 31, 1, 31, 4, 0, 32, 0xFFFFFFFFu, 33 }, r[8];
  static const uint32_t shl[8] = { 0x80000000u, 2, 0, 0xFFFFFFF0u, 0x12345678u, 0, 0, 0 },
    lshr[8] = { 0, 0x40000000u, 1, 0x0FFFFFFFu, 0x12345678u, 0, 0, 0 },
    ashr[8] = { 0, 0xC0000000u, 0xFFFFFFFFu, 0xFFFFFFFFu, 0x12345678u, 0xFFFFFFFFu, 0xFFFFFFFFu, 0 };
  ew("i32", "i32", 8, 2, "%r = shli %a, %b : tile<8xi32>", a, s, NULL, r);
  same_bits("shli", r, shl, 8, 4);
  ew("i32", "i32", 8, 2, "%r = shri %a, %b unsigned : tile<8xi32>", a, s, NULL, r);
  same_bits("shri unsigned", r, lshr, 8, 4);
  ew("i32", "i32", 8, 2, "%r = shri %a, %b signed : tile<8xi32>", a, s, NULL, r);
  same_bits("shri signed", r, ashr, 8, 4);
  /* i8 with an amount that is negative as signed (200): all bits out */
  uint8_t a8[4] = { 0x81, 0x81, 0x81, 0x40 }, s8[4] = { 1, 7, 200, 1 }, r8[4];
  static const uint8_t ashr8[4] = { 0xC0, 0xFF, 0xFF, 0x20 }, shl8[4] = { 0x02, 0x80, 0, 0x80 };
  ew("i8", "i8", 4, 2, "%r = shri %a, %b signed : tile<4xi8>", a8, s8, NULL, r8);
  same_bits("i8 shri signed", r8, ashr8, 4, 1);
  ew("i8", "i8", 4, 2, "%r = shli %a, %b : tile<4xi8>", a8, s8, NULL, r8);
  same_bits("i8 shli", r8, shl8, 4, 1);
}
END_TEST

/* cmpi: every predicate, signed and unsigned, on (-1,1) (1,1) (2,1). */
START_TEST(int_cmp) {
  static const char *const preds[6] = { "equal", "not_equal", "less_than", "less_than_or_equal",
                                        "greater_than", "greater_than_or_equal" };
  /* rows: predicate; columns: the pairs signed, then unsigned */
  static const uint8_t want[6][6] = {
    { 0, 1, 0, 0, 1, 0 }, { 1, 0, 1, 1, 0, 1 }, { 1, 0, 0, 0, 0, 0 },
    { 1, 1, 0, 0, 1, 0 }, { 0, 0, 1, 1, 0, 1 }, { 0, 1, 1, 1, 1, 1 } };
  int16_t a[4] = { -1, 1, 2, 0 }, b[4] = { 1, 1, 1, 0 };
  for (int p = 0; p < 6; p++)
    for (int s = 0; s < 2; s++) {
      char body[256];
      uint8_t r[4];
      ew("i16", "i1", 4, 2, fmt(body, sizeof body, "%%r = cmpi %s %%a, %%b, %s : tile<4xi16> -> tile<4xi1>",
                                preds[p], s ? "unsigned" : "signed"), a, b, NULL, r);
      same_bits(body, r, want[p] + 3 * s, 3, 1);
    }
}
END_TEST

/* ---- floats: a reference independent of sim_fp.c ----
** f32 and f64: the host's IEEE arithmetic under fesetround (volatile, so
** that nothing is folded at compile time in the default mode).  f16 and
** bf16: the operation in double, then rounded by narrow() below.  In a
** directed mode, rounding the double result (rounded the same way) again
** gives the correctly rounded narrow result; for nearest-even the double
** result is computed rounded to odd (toward zero, then the last bit set
** when inexact), which is innocuous for 53 >= p + 2 bits. */

struct ffmt { const char *name; int bits, p, emin, emax; };
static const struct ffmt F16 = { "f16", 16, 11, -14, 15 };
static const struct ffmt BF16 = { "bf16", 16, 8, -126, 127 };
static const struct ffmt F32 = { "f32", 32, 24, -126, 127 };
static const struct ffmt F64 = { "f64", 64, 53, -1022, 1023 };

enum rmode { R_NE, R_Z, R_DN, R_UP };
static const char *const rm_attr[4] = { "nearest_even", "zero", "negative_inf", "positive_inf" };
static const int rm_fe[4] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD };

static uint64_t canon_nan(const struct ffmt *f) {   /* tilesim's: all ones but the sign */
  return (f->bits == 64 ? ~UINT64_C(0) : (UINT64_C(1) << f->bits) - 1) >> 1;
}

static double decode(const struct ffmt *f, uint64_t b) {
  if (f->bits == 64) { double d; memcpy(&d, &b, 8); return d; }
  if (f->bits == 32) { uint32_t u = (uint32_t)b; float x; memcpy(&x, &u, 4); return x; }
  int mb = f->p - 1, eb = f->bits - 1 - mb;
  uint64_t mant = b & ((UINT64_C(1) << mb) - 1), ex = (b >> mb) & ((UINT64_C(1) << eb) - 1);
  double s = (b >> (f->bits - 1)) & 1 ? -1.0 : 1.0;
  if (ex == (UINT64_C(1) << eb) - 1) return mant ? NAN : s * INFINITY;
  if (ex == 0) return s * ldexp((double)mant, f->emin - mb);
  return s * ldexp((double)(mant | (UINT64_C(1) << mb)), (int)ex - f->emax - mb);
}

/* The bits of f nearest x by mode m (x in double, any value). */
static uint64_t narrow(const struct ffmt *f, double x, enum rmode m) {
  int mb = f->p - 1;
  uint64_t sign = (uint64_t)(signbit(x) ? 1 : 0) << (f->bits - 1);
  uint64_t inf = (((UINT64_C(1) << (f->bits - 1 - mb)) - 1) << mb);
  if (isnan(x)) return canon_nan(f);
  if (isinf(x)) return sign | inf;
  if (x == 0) return sign;
  double ax = fabs(x);
  int ex;
  frexp(ax, &ex);
  int e = ex - 1 < f->emin ? f->emin : ex - 1;
  double scaled = ldexp(ax, mb - e);           /* the value in units of the last place */
  double n = floor(scaled), frac = scaled - n;
  bool up;
  switch (m) {
  case R_NE: up = frac > 0.5 || (frac == 0.5 && fmod(n, 2) == 1); break;
  case R_Z: up = false; break;
  case R_DN: up = frac > 0 && signbit(x); break;
  default: up = frac > 0 && !signbit(x); break;
  }
  n += up;
  double r = ldexp(n, e - mb);
  if (r >= ldexp(1.0, f->emax + 1)) {            /* overflow */
    bool to_inf = m == R_NE || (m == R_UP && !signbit(x)) || (m == R_DN && signbit(x));
    return to_inf ? sign | inf : sign | (inf - 1);
  }
  if (r < ldexp(1.0, f->emin)) return sign | (uint64_t)n;   /* subnormal or zero */
  frexp(r, &ex);
  e = ex - 1;
  uint64_t mant = (uint64_t)ldexp(r, mb - e) - (UINT64_C(1) << mb);
  return sign | ((uint64_t)(e + f->emax) << mb) | mant;
}

enum fop { O_ADD, O_SUB, O_MUL, O_DIV, O_FMA, O_SQRT };
static const char *const fop_name[6] = { "addf", "subf", "mulf", "divf", "fma", "sqrt" };
static const int fop_nin[6] = { 2, 2, 2, 2, 3, 1 };

static double dop(enum fop o, double a, double b, double c) {
  volatile double x = a, y = b, z = c, r;
  switch (o) {
  case O_ADD: r = x + y; break;
  case O_SUB: r = x - y; break;
  case O_MUL: r = x * y; break;
  case O_DIV: r = x / y; break;
  case O_FMA: r = fma(x, y, z); break;
  default: r = sqrt(x); break;
  }
  return r;
}

static float fop32(enum fop o, float a, float b, float c) {
  volatile float x = a, y = b, z = c, r;
  switch (o) {
  case O_ADD: r = x + y; break;
  case O_SUB: r = x - y; break;
  case O_MUL: r = x * y; break;
  case O_DIV: r = x / y; break;
  case O_FMA: r = fmaf(x, y, z); break;
  default: r = sqrtf(x); break;
  }
  return r;
}

static uint64_t flush32(uint64_t b) {            /* a subnormal f32 to zero of its sign */
  return (b & 0x7F800000u) == 0 ? b & 0x80000000u : b;
}

/* The expected bits of o on inputs a, b, c (bits of f) in mode m. */
static uint64_t ref_op(const struct ffmt *f, enum fop o, uint64_t a, uint64_t b, uint64_t c,
                       enum rmode m, bool ftz) {
  uint64_t r;
  if (f->bits == 32 && ftz) { a = flush32(a); b = flush32(b); c = flush32(c); }
  /* the operands decoded before the rounding mode changes (volatile: a
  ** compiler that does not track the mode may not move them after it) */
  volatile double va = decode(f, a), vb = decode(f, b), vc = decode(f, c);
  if (f->bits == 32) {
    volatile float fa = (float)va, fb = (float)vb, fc = (float)vc;
    fesetround(rm_fe[m]);
    float x = fop32(o, fa, fb, fc);
    fesetround(FE_TONEAREST);
    uint32_t u;
    memcpy(&u, &x, 4);
    r = isnan(x) ? canon_nan(f) : ftz ? flush32(u) : u;
  } else if (f->bits == 64) {
    fesetround(rm_fe[m]);
    double x = dop(o, va, vb, vc);
    fesetround(FE_TONEAREST);
    memcpy(&r, &x, 8);
    if (isnan(x)) r = canon_nan(f);
  } else {
    feclearexcept(FE_INEXACT);
    fesetround(m == R_NE ? FE_TOWARDZERO : rm_fe[m]);
    double x = dop(o, va, vb, vc);
    bool inexact = fetestexcept(FE_INEXACT);
    fesetround(FE_TONEAREST);
    if (m == R_NE && inexact && isfinite(x)) {   /* round to odd */
      uint64_t u;
      memcpy(&u, &x, 8);
      u |= 1;
      memcpy(&x, &u, 8);
    }
    r = narrow(f, x, m);
  }
  return r;
}

/* A small deterministic generator (so the vectors never change). */
static uint64_t rng_next(uint64_t *s) {
  *s = *s * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
  return *s >> 11;
}

/* Input k of a vector of type f: 14 specials, then random bits with a
** bias toward ordinary values near 1 and toward tiny ones. */
enum { NSPECIAL = 14 };
static uint64_t gen(const struct ffmt *f, int k, uint64_t *s) {
  int mb = f->p - 1, eb = f->bits - 1 - mb;
  uint64_t sgn = UINT64_C(1) << (f->bits - 1), inf = ((UINT64_C(1) << eb) - 1) << mb;
  uint64_t one = (uint64_t)f->emax << mb, mmask = (UINT64_C(1) << mb) - 1;
  const uint64_t special[NSPECIAL] = { 0, sgn, inf, sgn | inf, inf | 1, one, sgn | one, 1, mmask,
                                       UINT64_C(1) << mb, inf - 1, sgn | (inf - 1), one | mmask,
                                       inf | (mmask >> 1) | 1 };
  if (k < NSPECIAL) return special[k];
  uint64_t r = rng_next(s) ^ (rng_next(s) << 32);
  uint64_t bits = f->bits == 64 ? r : r & ((UINT64_C(1) << f->bits) - 1);
  int e;
  switch (r % 4) {
  case 0: return bits;                                   /* anything */
  case 1: e = f->emax + (int)((r >> 20) % 5) - 2; break; /* near 1 */
  case 2: e = (int)((r >> 20) % 3); break;               /* subnormal or barely normal */
  default: e = f->emax + (int)((r >> 20) % 40) - 20; break;
  }
  if (e < 0) e = 0;
  if (e > 2 * f->emax) e = 2 * f->emax;
  return (bits & (sgn | mmask)) | ((uint64_t)e << mb);
}

/* Run op o on vectors of f in mode m (and ftz) and compare with ref_op. */
static void check_fop(const struct ffmt *f, enum fop o, enum rmode m, bool ftz, uint64_t seed) {
  enum { N = 128 };
  size_t sz = (size_t)f->bits / 8;
  unsigned char a[N * 8], b[N * 8], c[N * 8], got[N * 8], want[N * 8];
  uint64_t s = seed;
  for (int i = 0; i < N; i++) {
    /* the specials against each other, then random values */
    uint64_t x = gen(f, i < 56 ? i % NSPECIAL : NSPECIAL + 1, &s);
    uint64_t y = gen(f, i < 56 ? (i * 3 + i / NSPECIAL) % NSPECIAL : NSPECIAL + 1, &s);
    uint64_t z = gen(f, i < 56 ? (i * 5 + 1) % NSPECIAL : NSPECIAL + 1, &s);
    if (i >= 64 && i < 96 && o <= O_SUB)          /* cancellation */
      y = x ^ (o == O_ADD ? UINT64_C(1) << (f->bits - 1) : 0) ^ (rng_next(&s) & 3);
    if (i >= 96 && o == O_FMA)                    /* c close to -(a*b) */
      z = ref_op(f, O_MUL, x, y, 0, R_NE, false) ^ (UINT64_C(1) << (f->bits - 1)) ^ (rng_next(&s) & 1);
    memcpy(a + i * sz, &x, sz);
    memcpy(b + i * sz, &y, sz);
    memcpy(c + i * sz, &z, sz);
    uint64_t w = ref_op(f, o, x, y, z, m, ftz);
    memcpy(want + i * sz, &w, sz);
  }
  char body[256];
  const char *args = fop_nin[o] == 1 ? "%a" : fop_nin[o] == 2 ? "%a, %b" : "%a, %b, %c";
  fmt(body, sizeof body, "%%r = %s %s rounding<%s>%s : tile<%dx%s>", fop_name[o], args, rm_attr[m],
      ftz ? " flush_to_zero" : "", N, f->name);
  ew(f->name, f->name, N, fop_nin[o], body, a, b, c, got);
  same_bits(body, got, want, N, sz);
}

/* Whether the host honours fesetround (valgrind, for one, does not):
** the references above need it, except f32 and f64 in nearest-even. */
static bool host_rounds(void) {
  volatile float one = 1, three = 3, up, down;
  fesetround(FE_UPWARD);
  up = one / three;
  fesetround(FE_DOWNWARD);
  down = one / three;
  fesetround(FE_TONEAREST);
  return up != down;
}

/* Every rounding mode of every IEEE op, on f32, f64, f16 and bf16. */
START_TEST(float_rounding) {
  const struct ffmt *fs[4] = { &F32, &F64, &F16, &BF16 };
  bool all = host_rounds();
  for (int t = 0; t < (all ? 4 : 2); t++)
    for (int o = 0; o <= O_SQRT; o++)
      for (int m = 0; m < (all ? 4 : 1); m++)
        check_fop(fs[t], (enum fop)o, (enum rmode)m, false, 1000u * (unsigned)t + 10u * (unsigned)o + (unsigned)m);
}
END_TEST

/* flush_to_zero (f32 only): subnormal inputs and results become zeros of
** their sign. */
START_TEST(float_ftz) {
  bool all = host_rounds();
  for (int o = 0; o <= O_SQRT; o++)
    for (int m = 0; m < (all ? 4 : 1); m++)
      check_fop(&F32, (enum fop)o, (enum rmode)m, true, 77u + (unsigned)o * 4u + (unsigned)m);
}
END_TEST

/* f32 bit patterns used by the tables below */
enum {
  PZ = 0x00000000, NZ = 0x80000000, ONE = 0x3F800000, MONE = 0xBF800000, TWO = 0x40000000,
  HALF = 0x3F000000, MHALF = 0xBF000000, PINF = 0x7F800000, NINF = 0xFF800000,
  QNAN = 0x7FC00000, PNAN = 0x7FC00123, NNAN = 0xFFC00000, CNAN = 0x7FFFFFFF,
  DEN = 0x00000001, MDEN = 0x80000001, THREE = 0x40400000, MTWO = 0xC0000000
};

/* maxf/minf: maximumNumber/minimumNumber, or maximum/minimum with
** propagate_nan; +0 > -0; NaN results canonical (by hand, IEEE 754-2019). */
START_TEST(float_minmax) {
  uint32_t a[16] = { ONE, NZ, PZ, QNAN, ONE, PNAN, NINF, PINF, MDEN, DEN, DEN, 0x00000002, MONE, NNAN, PZ, NZ };
  uint32_t b[16] = { TWO, PZ, NZ, ONE, PNAN, NNAN, THREE, NINF, PZ, NZ, PZ, DEN, MTWO, MONE, PZ, NZ };
  static const uint32_t max_[16] = { TWO, PZ, PZ, ONE, ONE, CNAN, THREE, PINF, PZ, DEN, DEN, 0x00000002, MONE, MONE, PZ, NZ };
  static const uint32_t min_[16] = { ONE, NZ, NZ, ONE, ONE, CNAN, NINF, NINF, MDEN, NZ, PZ, DEN, MTWO, MONE, PZ, NZ };
  static const uint32_t pmax[16] = { TWO, PZ, PZ, CNAN, CNAN, CNAN, THREE, PINF, PZ, DEN, DEN, 0x00000002, MONE, CNAN, PZ, NZ };
  static const uint32_t pmin[16] = { ONE, NZ, NZ, CNAN, CNAN, CNAN, NINF, NINF, MDEN, NZ, PZ, DEN, MTWO, CNAN, PZ, NZ };
  /* flush_to_zero: the subnormals are zeros of their sign first */
  static const uint32_t fmax[16] = { TWO, PZ, PZ, ONE, ONE, CNAN, THREE, PINF, PZ, PZ, PZ, PZ, MONE, MONE, PZ, NZ };
  static const uint32_t fmin[16] = { ONE, NZ, NZ, ONE, ONE, CNAN, NINF, NINF, NZ, NZ, PZ, PZ, MTWO, MONE, PZ, NZ };
  uint32_t r[16];
  ew("f32", "f32", 16, 2, "%r = maxf %a, %b : tile<16xf32>", a, b, NULL, r);
  same_bits("maxf", r, max_, 16, 4);
  ew("f32", "f32", 16, 2, "%r = minf %a, %b : tile<16xf32>", a, b, NULL, r);
  same_bits("minf", r, min_, 16, 4);
  ew("f32", "f32", 16, 2, "%r = maxf %a, %b propagate_nan : tile<16xf32>", a, b, NULL, r);
  same_bits("maxf propagate_nan", r, pmax, 16, 4);
  ew("f32", "f32", 16, 2, "%r = minf %a, %b propagate_nan : tile<16xf32>", a, b, NULL, r);
  same_bits("minf propagate_nan", r, pmin, 16, 4);
  ew("f32", "f32", 16, 2, "%r = maxf %a, %b flush_to_zero : tile<16xf32>", a, b, NULL, r);
  same_bits("maxf flush_to_zero", r, fmax, 16, 4);
  ew("f32", "f32", 16, 2, "%r = minf %a, %b flush_to_zero : tile<16xf32>", a, b, NULL, r);
  same_bits("minf flush_to_zero", r, fmin, 16, 4);
  /* f16 and bf16: the same rules in 16 bits */
  uint16_t h[4] = { 0x8000, 0x7E01, 0x3C00, 0x0001 }, g[4] = { 0x0000, 0x3C00, 0x7E00, 0x8001 }, hr[4];
  static const uint16_t hmax[4] = { 0x0000, 0x3C00, 0x3C00, 0x0001 }, hpmin[4] = { 0x8000, 0x7FFF, 0x7FFF, 0x8001 };
  ew("f16", "f16", 4, 2, "%r = maxf %a, %b : tile<4xf16>", h, g, NULL, hr);
  same_bits("f16 maxf", hr, hmax, 4, 2);
  uint16_t bh[4] = { 0x8000, 0x7FC1, 0x3F80, 0x0001 }, bg[4] = { 0x0000, 0x3F80, 0x7FC0, 0x8001 };
  ew("bf16", "bf16", 4, 2, "%r = minf %a, %b propagate_nan : tile<4xbf16>", bh, bg, NULL, hr);
  same_bits("bf16 minf propagate_nan", hr, hpmin, 4, 2);
}
END_TEST

/* cmpf: ordered predicates are false on NaN, unordered ones true. */
START_TEST(float_cmp) {
  static const char *const preds[6] = { "equal", "not_equal", "less_than", "less_than_or_equal",
                                        "greater_than", "greater_than_or_equal" };
  uint32_t a[8] = { ONE, TWO, QNAN, NZ, PINF, NINF, ONE, PNAN };
  uint32_t b[8] = { TWO, TWO, ONE, PZ, PINF, ONE, NNAN, PNAN };
  /* by predicate, the first six pairs (the last two have a NaN, as the third) */
  static const uint8_t want[6][6] = {
    { 0, 1, 0, 1, 1, 0 }, { 1, 0, 0, 0, 0, 1 }, { 1, 0, 0, 0, 0, 1 },
    { 1, 1, 0, 1, 1, 1 }, { 0, 0, 0, 0, 0, 0 }, { 0, 1, 0, 1, 1, 0 } };
  for (int p = 0; p < 6; p++)
    for (int ord = 0; ord < 2; ord++) {
      char body[256];
      uint8_t r[8], w[8];
      memcpy(w, want[p], 6);
      w[2] = w[6] = w[7] = ord ? 0 : 1;
      ew("f32", "i1", 8, 2, fmt(body, sizeof body, "%%r = cmpf %s %s %%a, %%b : tile<8xf32> -> tile<8xi1>",
                                preds[p], ord ? "ordered" : "unordered"), a, b, NULL, r);
      same_bits(body, r, w, 8, 1);
    }
  /* bf16 and f64 take the same path through their own widths */
  uint16_t ha[2] = { 0x3F80, 0x7FC1 }, hb[2] = { 0x3F81, 0x3F80 };
  uint8_t r[2];
  static const uint8_t lt_unord[2] = { 1, 1 };
  ew("bf16", "i1", 2, 2, "%r = cmpf less_than unordered %a, %b : tile<2xbf16> -> tile<2xi1>", ha, hb, NULL, r);
  same_bits("bf16 cmpf", r, lt_unord, 2, 1);
  double da[2] = { 1.0, 1.0 + 0x1p-52 }, db[2] = { 1.0 + 0x1p-52, 1.0 };
  static const uint8_t gt[2] = { 0, 1 };
  ew("f64", "i1", 2, 2, "%r = cmpf greater_than ordered %a, %b : tile<2xf64> -> tile<2xi1>", da, db, NULL, r);
  same_bits("f64 cmpf", r, gt, 2, 1);
}
END_TEST

/* negf, absf: the sign bit only; ceil and floor: exact, signs of zeros kept. */
START_TEST(float_sign_round) {
  uint32_t a[16] = { PZ, NZ, ONE, PINF, 0xBF000000 /* -0.5 */, HALF, DEN, MDEN, 0x4AFFFFFF /* 8388607.5 */,
                     0xCAFFFFFF, 0x7149F2CA /* 1e30 */, 0xBFC00000 /* -1.5 */, NINF, THREE, MTWO,
                     0x3FC00000 /* 1.5 */ };
  static const uint32_t neg[16] = { NZ, PZ, MONE, NINF, HALF, MHALF, MDEN, DEN, 0xCAFFFFFF, 0x4AFFFFFF,
                                    0xF149F2CA, 0x3FC00000, PINF, 0xC0400000, TWO, 0xBFC00000 };
  static const uint32_t ceil_[16] = { PZ, NZ, ONE, PINF, NZ, ONE, ONE, NZ, 0x4B000000, 0xCAFFFFFE,
                                      0x7149F2CA, MONE, NINF, THREE, MTWO, TWO };
  static const uint32_t floor_[16] = { PZ, NZ, ONE, PINF, MONE, PZ, PZ, MONE, 0x4AFFFFFE, 0xCB000000,
                                       0x7149F2CA, MTWO, NINF, THREE, MTWO, ONE };
  uint32_t r[16];
  ew("f32", "f32", 16, 1, "%r = negf %a : tile<16xf32>", a, NULL, NULL, r);
  same_bits("negf", r, neg, 16, 4);
  uint32_t absa[16];
  for (int i = 0; i < 16; i++) absa[i] = a[i] & 0x7FFFFFFFu;
  ew("f32", "f32", 16, 1, "%r = absf %a : tile<16xf32>", a, NULL, NULL, r);
  same_bits("absf", r, absa, 16, 4);
  ew("f32", "f32", 16, 1, "%r = ceil %a : tile<16xf32>", a, NULL, NULL, r);
  same_bits("ceil", r, ceil_, 16, 4);
  ew("f32", "f32", 16, 1, "%r = floor %a : tile<16xf32>", a, NULL, NULL, r);
  same_bits("floor", r, floor_, 16, 4);
  uint32_t n[2] = { QNAN, NNAN };
  ew("f32", "f32", 2, 1, "%r = ceil %a : tile<2xf32>", n, NULL, NULL, r);
  ck_assert_msg((r[0] & 0x7FFFFFFFu) > PINF && (r[1] & 0x7FFFFFFFu) > PINF, "ceil of NaN: 0x%x 0x%x", r[0], r[1]);
  /* f16: 1023.5 and -0.5 */
  uint16_t h[4] = { 0x63FF, 0xB800, 0x3800, 0xFC00 }, hr[4];
  static const uint16_t hc[4] = { 0x6400, 0x8000, 0x3C00, 0xFC00 }, hf[4] = { 0x63FE, 0xBC00, 0x0000, 0xFC00 };
  ew("f16", "f16", 4, 1, "%r = ceil %a : tile<4xf16>", h, NULL, NULL, hr);
  same_bits("f16 ceil", hr, hc, 4, 2);
  ew("f16", "f16", 4, 1, "%r = floor %a : tile<4xf16>", h, NULL, NULL, hr);
  same_bits("f16 floor", hr, hf, 4, 2);
}
END_TEST

/* Math functions on the values where their result is exact (C99 Annex F
** and IEEE 754 9.2 give these; the others are checked elsewhere against
** tolerances).  x -> want, f32 bits; a NaN want means any NaN. */
struct fcase { uint32_t x, y, want; };

static void check_math(const char *op, int nin, const struct fcase *c, int n) {
  uint32_t a[16], b[16], r[16], w[16];
  ck_assert_int_le(n, 16);
  for (int i = 0; i < 16; i++) {
    a[i] = c[i < n ? i : 0].x;
    b[i] = c[i < n ? i : 0].y;
    w[i] = c[i < n ? i : 0].want;
  }
  char body[128];
  ew("f32", "f32", 16, nin, fmt(body, sizeof body, "%%r = %s %s : tile<16xf32>", op, nin == 2 ? "%a, %b" : "%a"),
     a, b, NULL, r);
  for (int i = 0; i < n; i++) {
    bool wnan = (w[i] & 0x7FFFFFFFu) > PINF;
    ck_assert_msg(wnan ? r[i] == CNAN : r[i] == w[i], "%s(0x%08x%s0x%08x) = 0x%08x, want 0x%08x", op,
                  a[i], nin == 2 ? ", " : " ", nin == 2 ? b[i] : 0u, r[i], wnan ? (uint32_t)CNAN : w[i]);
  }
}

/* exp and exp2 of every f16 and bf16 bit pattern, as one tile: computed
** in f32 and rounded once, the array path (sim_expf_n, in chunks) giving
** what the scalar functions give element by element. */
START_TEST(exp_half_types) {
  enum { N = 65536 };
  const char *ty = _i / 2 ? "bf16" : "f16", *op = _i % 2 ? "exp2" : "exp";
  enum ty_elem e = _i / 2 ? EL_BF16 : EL_F16;
  uint16_t *a = malloc(N * 2), *r = malloc(N * 2);
  ck_assert(a && r);
  for (int i = 0; i < N; i++) a[i] = (uint16_t)i;
  char body[128];
  ew(ty, ty, N, 1, fmt(body, sizeof body, "%%r = %s %%a : tile<%dx%s>", op, N, ty), a, NULL, NULL, r);
  for (int i = 0; i < N; i++) {
    float x = e == EL_BF16 ? fp_bf16_to_f32(a[i]) : fp_f16_to_f32(a[i]);
    float y = _i % 2 ? sim_exp2f(x) : sim_expf(x);
    uint16_t want = e == EL_BF16 ? fp_f32_to_bf16(y) : fp_f32_to_f16(y);
    if (fp_is_nan(e, want)) want = (uint16_t)fp_canonical_nan(e);
    ck_assert_msg(r[i] == want, "%s %s(%#06x) = %#06x, want %#06x", ty, op, a[i], r[i], want);
  }
  free(a);
  free(r);
}
END_TEST

START_TEST(math_special) {
  static const struct fcase exp_[] = { { PZ, 0, ONE }, { NZ, 0, ONE }, { PINF, 0, PINF }, { NINF, 0, PZ },
    { QNAN, 0, QNAN }, { 0x42C80000 /* 100 */, 0, PINF }, { 0xC3480000 /* -200 */, 0, PZ } };
  check_math("exp", 1, exp_, 7);
  static const struct fcase exp2_[] = { { PZ, 0, ONE }, { THREE, 0, 0x41000000 }, { MONE, 0, HALF },
    { 0xC3150000 /* -149 */, 0, DEN }, { 0xC3160000 /* -150: a tie, to even */, 0, PZ },
    { 0x43000000 /* 128 */, 0, PINF }, { NINF, 0, PZ }, { PINF, 0, PINF }, { QNAN, 0, QNAN } };
  check_math("exp2", 1, exp2_, 9);
  static const struct fcase log_[] = { { ONE, 0, PZ }, { PZ, 0, NINF }, { NZ, 0, NINF }, { MONE, 0, QNAN },
    { PINF, 0, PINF }, { NINF, 0, QNAN }, { PNAN, 0, QNAN } };
  check_math("log", 1, log_, 7);
  static const struct fcase log2_[] = { { 0x41000000, 0, THREE }, { 0x3E800000 /* .25 */, 0, MTWO },
    { DEN, 0, 0xC3150000 }, { ONE, 0, PZ }, { PZ, 0, NINF }, { MDEN, 0, QNAN }, { PINF, 0, PINF } };
  check_math("log2", 1, log2_, 7);
  static const struct fcase rsqrt_[] = { { 0x40800000 /* 4 */, 0, HALF }, { PZ, 0, PINF }, { NZ, 0, NINF },
    { PINF, 0, PZ }, { MONE, 0, QNAN }, { 0x3E800000, 0, TWO }, { QNAN, 0, QNAN } };
  check_math("rsqrt", 1, rsqrt_, 7);
  static const struct fcase sin_[] = { { PZ, 0, PZ }, { NZ, 0, NZ }, { PINF, 0, QNAN }, { NINF, 0, QNAN }, { QNAN, 0, QNAN } };
  check_math("sin", 1, sin_, 5);
  static const struct fcase cos_[] = { { PZ, 0, ONE }, { NZ, 0, ONE }, { PINF, 0, QNAN }, { QNAN, 0, QNAN } };
  check_math("cos", 1, cos_, 4);
  static const struct fcase tan_[] = { { PZ, 0, PZ }, { NZ, 0, NZ }, { NINF, 0, QNAN } };
  check_math("tan", 1, tan_, 3);
  static const struct fcase sinh_[] = { { PZ, 0, PZ }, { NZ, 0, NZ }, { PINF, 0, PINF }, { NINF, 0, NINF },
    { 0x42C80000, 0, PINF } };
  check_math("sinh", 1, sinh_, 5);
  static const struct fcase cosh_[] = { { PZ, 0, ONE }, { NZ, 0, ONE }, { NINF, 0, PINF }, { QNAN, 0, QNAN } };
  check_math("cosh", 1, cosh_, 4);
  static const struct fcase tanh_[] = { { PZ, 0, PZ }, { NZ, 0, NZ }, { PINF, 0, ONE }, { NINF, 0, MONE },
    { 0x41A00000 /* 20: 1 - 8e-18 rounds to 1 */, 0, ONE }, { QNAN, 0, QNAN } };
  check_math("tanh", 1, tanh_, 6);
  static const struct fcase pow_[] = { { TWO, 0x41200000 /* 10 */, 0x44800000 }, { QNAN, PZ, ONE },
    { ONE, QNAN, ONE }, { MTWO, THREE, 0xC1000000 }, { NINF, THREE, NINF }, { NINF, TWO, PINF },
    { PZ, MONE, PINF }, { NZ, MONE, NINF }, { NZ, THREE, NZ }, { MONE, PINF, ONE }, { HALF, PINF, PZ },
    { 0xC1000000, 0x3EAAAAAB /* 1/3 */, QNAN }, { 0x40800000, HALF, TWO }, { TWO, NINF, PZ } };
  check_math("pow", 2, pow_, 14);
  static const struct fcase atan2_[] = { { PZ, NZ, 0x40490FDB /* pi */ }, { NZ, NZ, 0xC0490FDB },
    { PZ, PZ, PZ }, { NZ, PZ, NZ }, { ONE, PZ, 0x3FC90FDB /* pi/2 */ }, { PINF, PINF, 0x3F490FDB },
    { NINF, NINF, 0xC016CBE4 /* -3pi/4 */ }, { QNAN, ONE, QNAN }, { MONE, NINF, 0xC0490FDB } };
  check_math("atan2", 2, atan2_, 9);
  static const struct fcase remf_[] = { { 0x40B00000 /* 5.5 */, TWO, 0x3FC00000 }, { 0xC0B00000, TWO, 0xBFC00000 },
    { 0x40B00000, MTWO, 0x3FC00000 }, { ONE, PZ, QNAN }, { PINF, TWO, QNAN }, { THREE, PINF, THREE },
    { NZ, ONE, NZ }, { QNAN, ONE, QNAN }, { 0x4B800002 /* 2^24+4 */, THREE, TWO }, { MDEN, ONE, MDEN } };
  check_math("remf", 2, remf_, 10);
}
END_TEST

/* f16 and bf16 math goes through f32 and is rounded once at the end. */
START_TEST(math_narrow) {
  uint16_t h[4] = { 0x0000, 0xFC00, 0x4A00 /* 12: e^12 > 65504 */, 0x3C00 }, r[4];
  static const uint16_t hexp[4] = { 0x3C00, 0x0000, 0x7C00, 0x4170 /* e = 2.71875 in f16 */ };
  ew("f16", "f16", 4, 1, "%r = exp %a : tile<4xf16>", h, NULL, NULL, r);
  same_bits("f16 exp", r, hexp, 4, 2);
  uint16_t b[4] = { 0x0000, 0x3F80, 0xBF80, 0x7F80 };
  static const uint16_t blog[4] = { 0xFF80, 0x0000, 0x7FFF, 0x7F80 };
  ew("bf16", "bf16", 4, 1, "%r = log %a : tile<4xbf16>", b, NULL, NULL, r);
  same_bits("bf16 log", r, blog, 4, 2);
}
END_TEST

START_TEST(select_op) {
  uint8_t m[8] = { 1, 0, 1, 0, 0, 0, 1, 1 };
  int64_t a[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, b[8] = { -1, -2, -3, -4, -5, -6, -7, -8 }, r[8];
  static const int64_t want[8] = { 1, -2, 3, -4, -5, -6, 7, 8 };
  /* the mask is i8 data, made i1 by trunci */
  struct kt k;
  kt_load(&k,
    "cuda_tile.module @t {\n"
    "  entry @k(%pm: tile<ptr<i8>>, %pa: tile<ptr<i64>>, %pb: tile<ptr<i64>>, %pr: tile<ptr<i64>>) {\n"
    "    %i = iota : tile<8xi32>\n"
    "    %m1 = reshape %pm : tile<ptr<i8>> -> tile<1xptr<i8>>\n"
    "    %mv = broadcast %m1 : tile<1xptr<i8>> -> tile<8xptr<i8>>\n"
    "    %mp = offset %mv, %i : tile<8xptr<i8>>, tile<8xi32> -> tile<8xptr<i8>>\n"
    "    %m8, %t0 = load_ptr_tko weak %mp : tile<8xptr<i8>> -> tile<8xi8>, token\n"
    "    %m = trunci %m8 : tile<8xi8> -> tile<8xi1>\n"
    "    %a1 = reshape %pa : tile<ptr<i64>> -> tile<1xptr<i64>>\n"
    "    %av = broadcast %a1 : tile<1xptr<i64>> -> tile<8xptr<i64>>\n"
    "    %ap = offset %av, %i : tile<8xptr<i64>>, tile<8xi32> -> tile<8xptr<i64>>\n"
    "    %a, %t1 = load_ptr_tko weak %ap : tile<8xptr<i64>> -> tile<8xi64>, token\n"
    "    %b1 = reshape %pb : tile<ptr<i64>> -> tile<1xptr<i64>>\n"
    "    %bv = broadcast %b1 : tile<1xptr<i64>> -> tile<8xptr<i64>>\n"
    "    %bp = offset %bv, %i : tile<8xptr<i64>>, tile<8xi32> -> tile<8xptr<i64>>\n"
    "    %b, %t2 = load_ptr_tko weak %bp : tile<8xptr<i64>> -> tile<8xi64>, token\n"
    "    %r = select %m, %a, %b : tile<8xi1>, tile<8xi64>\n"
    "    %r1 = reshape %pr : tile<ptr<i64>> -> tile<1xptr<i64>>\n"
    "    %rv = broadcast %r1 : tile<1xptr<i64>> -> tile<8xptr<i64>>\n"
    "    %rp = offset %rv, %i : tile<8xptr<i64>>, tile<8xi32> -> tile<8xptr<i64>>\n"
    "    %t3 = store_ptr_tko weak %rp, %r : tile<8xptr<i64>>, tile<8xi64> -> token\n"
    "  }\n}\n");
  kt_array(&k, m, sizeof m);
  kt_array(&k, a, sizeof a);
  kt_array(&k, b, sizeof b);
  int ri = kt_array(&k, NULL, sizeof r);
  kt_ok(&k, 1, 1, 1);
  memcpy(r, kt_host(&k, ri), sizeof r);
  same_bits("select", r, want, 8, 8);
  kt_free(&k);
}
END_TEST

/* ---- conversions (by hand: IEEE rounding of the listed values) ---- */

START_TEST(conv_int) {
  int8_t a8[4] = { -1, 127, -128, 0 };
  int32_t r32[4];
  static const int32_t sx[4] = { -1, 127, -128, 0 }, zx[4] = { 255, 127, 128, 0 };
  ew("i8", "i32", 4, 1, "%r = exti %a signed : tile<4xi8> -> tile<4xi32>", a8, NULL, NULL, r32);
  same_bits("exti signed", r32, sx, 4, 4);
  ew("i8", "i32", 4, 1, "%r = exti %a unsigned : tile<4xi8> -> tile<4xi32>", a8, NULL, NULL, r32);
  same_bits("exti unsigned", r32, zx, 4, 4);
  /* i1: true is -1 signed, 1 unsigned */
  static const int32_t b_s[4] = { -1, 0, -1, 0 }, b_u[4] = { 1, 0, 1, 0 };
  ew("i8", "i32", 4, 0, "%b = constant <i1: [1, 0, 1, 0]> : tile<4xi1>\n"
     "    %r = exti %b signed : tile<4xi1> -> tile<4xi32>", NULL, NULL, NULL, r32);
  same_bits("exti i1 signed", r32, b_s, 4, 4);
  ew("i8", "i32", 4, 0, "%b = constant <i1: [1, 0, 1, 0]> : tile<4xi1>\n"
     "    %r = exti %b unsigned : tile<4xi1> -> tile<4xi32>", NULL, NULL, NULL, r32);
  same_bits("exti i1 unsigned", r32, b_u, 4, 4);
  /* i4 from the low nibble of i8 data: 0xF is -1 signed */
  int8_t n8[4] = { 0x0F, 0x08, 0x07, 0x10 };
  int16_t r16[4];
  static const int16_t n_s[4] = { -1, -8, 7, 0 }, n_u[4] = { 15, 8, 7, 0 };
  ew("i8", "i16", 4, 1, "%n = trunci %a : tile<4xi8> -> tile<4xi4>\n"
     "    %r = exti %n signed : tile<4xi4> -> tile<4xi16>", n8, NULL, NULL, r16);
  same_bits("i4 exti signed", r16, n_s, 4, 2);
  ew("i8", "i16", 4, 1, "%n = trunci %a : tile<4xi8> -> tile<4xi4>\n"
     "    %r = exti %n unsigned : tile<4xi4> -> tile<4xi16>", n8, NULL, NULL, r16);
  same_bits("i4 exti unsigned", r16, n_u, 4, 2);
  uint64_t w[2] = { UINT64_C(0x123456789ABCDEF0), UINT64_C(0xFFFFFFFF00000001) };
  uint8_t t8[2];
  uint32_t t32[2];
  static const uint8_t w8[2] = { 0xF0, 0x01 };
  static const uint32_t w32[2] = { 0x9ABCDEF0u, 1 };
  ew("i64", "i8", 2, 1, "%r = trunci %a : tile<2xi64> -> tile<2xi8>", w, NULL, NULL, t8);
  same_bits("trunci to i8", t8, w8, 2, 1);
  ew("i64", "i32", 2, 1, "%r = trunci %a : tile<2xi64> -> tile<2xi32>", w, NULL, NULL, t32);
  same_bits("trunci to i32", t32, w32, 2, 4);
  static const uint8_t w1[2] = { 0, 1 };
  ew("i64", "i8", 2, 1, "%b = trunci %a : tile<2xi64> -> tile<2xi1>\n"
     "    %r = exti %b unsigned : tile<2xi1> -> tile<2xi8>", w, NULL, NULL, t8);
  same_bits("trunci to i1", t8, w1, 2, 1);
}
END_TEST

START_TEST(conv_ftof) {
  uint32_t f[16] = { 0x477FEF00 /* 65519 */, 0x477FF000 /* 65520 */, 0x33000000 /* 2^-25 */, 0x33400000,
                     0x3F801000 /* 1+2^-11 */, 0x3F803000, PNAN, NZ, NINF, 0x7F7FFFFF, 0x3F808000 /* 1+2^-8 */,
                     0x3F818000, 0x3F808001, DEN, ONE, 0xC7800000 /* -65536 */ };
  uint16_t h[16];
  static const uint16_t to_f16[16] = { 0x7BFF, 0x7C00, 0x0000, 0x0001, 0x3C00, 0x3C02, 0x7FFF, 0x8000,
                                       0xFC00, 0x7C00, 0x3C04, 0x3C0C, 0x3C04, 0x0000, 0x3C00, 0xFC00 };
  static const uint16_t to_bf16[16] = { 0x4780, 0x4780, 0x3300, 0x3340, 0x3F80, 0x3F80, 0x7FFF, 0x8000,
                                        0xFF80, 0x7F80, 0x3F80, 0x3F82, 0x3F81, 0x0000, 0x3F80, 0xC780 };
  ew("f32", "f16", 16, 1, "%r = ftof %a : tile<16xf32> -> tile<16xf16>", f, NULL, NULL, h);
  same_bits("ftof f32 -> f16", h, to_f16, 16, 2);
  ew("f32", "bf16", 16, 1, "%r = ftof %a : tile<16xf32> -> tile<16xbf16>", f, NULL, NULL, h);
  same_bits("ftof f32 -> bf16", h, to_bf16, 16, 2);
  uint16_t hi[4] = { 0x0001, 0x7BFF, 0xFC00, 0x7E01 };
  uint32_t r[4];
  static const uint32_t from_f16[4] = { 0x33800000, 0x477FE000, NINF, CNAN };
  ew("f16", "f32", 4, 1, "%r = ftof %a : tile<4xf16> -> tile<4xf32>", hi, NULL, NULL, r);
  same_bits("ftof f16 -> f32", r, from_f16, 4, 4);
  double d[8] = { 1.0 + 0x1p-24, 1.0 + 0x1p-24 + 0x1p-52, 1e39, 1e-46, 3e-45, -0.0, 0x1.fffffep127, -0x1p-149 };
  uint32_t dr[8];
  static const uint32_t from_f64[8] = { ONE, 0x3F800001, PINF, PZ, 0x00000002, NZ, 0x7F7FFFFF, MDEN };
  ew("f64", "f32", 8, 1, "%r = ftof %a : tile<8xf64> -> tile<8xf32>", d, NULL, NULL, dr);
  same_bits("ftof f64 -> f32", dr, from_f64, 8, 4);
  uint64_t wide[2];
  uint32_t den[2] = { DEN, NNAN };
  static const uint64_t to_f64[2] = { UINT64_C(0x36A0000000000000), UINT64_C(0x7FFFFFFFFFFFFFFF) };
  ew("f32", "f64", 2, 1, "%r = ftof %a : tile<2xf32> -> tile<2xf64>", den, NULL, NULL, wide);
  same_bits("ftof f32 -> f64", wide, to_f64, 2, 8);
}
END_TEST

START_TEST(conv_ftoi) {
  uint32_t f[8] = { 0x4039999A /* 2.9 */, 0xC039999A, NZ, 0x4EFFFFFF /* 2147483520 */, 0xCF000000 /* -2^31 */,
                    HALF, 0xBF7FFFFF /* -0.99999994 */, 0x4B000001 /* 8388609 */ };
  int32_t r[8];
  static const int32_t s[8] = { 2, -2, 0, 2147483520, INT32_MIN, 0, 0, 8388609 };
  ew("f32", "i32", 8, 1, "%r = ftoi %a signed : tile<8xf32> -> tile<8xi32>", f, NULL, NULL, r);
  same_bits("ftoi signed", r, s, 8, 4);
  uint32_t u[4] = { 0x4F32D05E /* 3e9 */, MHALF, 0x4F7FFFFF /* 4294967040 */, THREE };
  static const uint32_t us[4] = { 3000000000u, 0, 4294967040u, 3 };
  ew("f32", "i32", 4, 1, "%r = ftoi %a unsigned : tile<4xf32> -> tile<4xi32>", u, NULL, NULL, r);
  same_bits("ftoi unsigned", r, us, 4, 4);
  uint16_t h[4] = { 0x57FF /* 127.875 */, 0xD800 /* -128 */, 0xBBFF, 0x0001 };
  int8_t r8[4];
  static const int8_t h8[4] = { 127, -128, 0, 0 };
  ew("f16", "i8", 4, 1, "%r = ftoi %a signed : tile<4xf16> -> tile<4xi8>", h, NULL, NULL, r8);
  same_bits("ftoi f16 -> i8", r8, h8, 4, 1);
  /* saturating (13.4): clamps, NaN gives 0 */
  uint32_t sat[8] = { QNAN, 0x501502F9 /* 1e10 */, 0xD01502F9, PINF, NINF, 0xC0A00000 /* -5 */, ONE, 0x4F000000 /* 2^31 */ };
  static const int32_t ss[8] = { 0, INT32_MAX, INT32_MIN, INT32_MAX, INT32_MIN, -5, 1, INT32_MAX };
  static const uint32_t su[8] = { 0, 4294967295u, 0, 4294967295u, 0, 0, 1, 2147483648u };
  ew("f32", "i32", 8, 1, "%r = ftoi %a signed saturating : tile<8xf32> -> tile<8xi32>", sat, NULL, NULL, r);
  same_bits("ftoi signed saturating", r, ss, 8, 4);
  ew("f32", "i32", 8, 1, "%r = ftoi %a unsigned saturating : tile<8xf32> -> tile<8xi32>", sat, NULL, NULL, r);
  same_bits("ftoi unsigned saturating", r, su, 8, 4);
}
END_TEST

/* NaN, infinities and out-of-range values are undefined without
** saturating: reported, with the element. */
START_TEST(conv_ftoi_errors) {
  char msg[512];
  int32_t r[4];
  uint32_t nan_[4] = { ONE, ONE, QNAN, ONE }, big[4] = { 0x4F000000 /* 2^31 */, ONE, ONE, ONE },
           neg[4] = { ONE, MONE, ONE, ONE }, inf[4] = { ONE, ONE, ONE, NINF };
  ck_assert_int_ne(ew_try("f32", "i32", 4, 1, "%r = ftoi %a signed : tile<4xf32> -> tile<4xi32>", nan_, NULL, NULL, r, msg, sizeof msg), 0);
  ck_assert_msg(strstr(msg, "ftoi") && strstr(msg, "[2]"), "%s", msg);
  ck_assert_int_ne(ew_try("f32", "i32", 4, 1, "%r = ftoi %a signed : tile<4xf32> -> tile<4xi32>", big, NULL, NULL, r, msg, sizeof msg), 0);
  ck_assert_msg(strstr(msg, "[0]"), "%s", msg);
  ck_assert_int_ne(ew_try("f32", "i32", 4, 1, "%r = ftoi %a unsigned : tile<4xf32> -> tile<4xi32>", neg, NULL, NULL, r, msg, sizeof msg), 0);
  ck_assert_msg(strstr(msg, "[1]"), "%s", msg);
  ck_assert_int_ne(ew_try("f32", "i32", 4, 1, "%r = ftoi %a signed : tile<4xf32> -> tile<4xi32>", inf, NULL, NULL, r, msg, sizeof msg), 0);
  ck_assert_msg(strstr(msg, "[3]"), "%s", msg);
}
END_TEST

START_TEST(conv_itof) {
  int32_t a[8] = { 16777217, 16777219, -1, INT32_MIN, INT32_MAX, 0, -16777217, 3 };
  uint32_t r[8];
  static const uint32_t s[8] = { 0x4B800000, 0x4B800002, MONE, 0xCF000000, 0x4F000000, PZ, 0xCB800000, THREE };
  static const uint32_t u[8] = { 0x4B800000, 0x4B800002, 0x4F800000, 0x4F000000, 0x4F000000, PZ, 0x4F7F0000, THREE };
  ew("i32", "f32", 8, 1, "%r = itof %a signed : tile<8xi32> -> tile<8xf32>", a, NULL, NULL, r);
  same_bits("itof signed", r, s, 8, 4);
  ew("i32", "f32", 8, 1, "%r = itof %a unsigned : tile<8xi32> -> tile<8xf32>", a, NULL, NULL, r);
  same_bits("itof unsigned", r, u, 8, 4);
  int32_t b[4] = { 70000, 65519, 65520, -65520 };
  uint16_t h[4];
  static const uint16_t hs[4] = { 0x7C00, 0x7BFF, 0x7C00, 0xFC00 };
  ew("i32", "f16", 4, 1, "%r = itof %a signed : tile<4xi32> -> tile<4xf16>", b, NULL, NULL, h);
  same_bits("itof to f16", h, hs, 4, 2);
  int8_t c[2] = { -128, 127 };
  static const uint16_t bu[2] = { 0x4300, 0x42FE };   /* 128 and 127, both exact */
  ew("i8", "bf16", 2, 1, "%r = itof %a unsigned : tile<2xi8> -> tile<2xbf16>", c, NULL, NULL, h);
  same_bits("itof i8 -> bf16", h, bu, 2, 2);
  int64_t l[2] = { (INT64_C(1) << 53) + 1, INT64_MIN };
  uint64_t d[2];
  static const uint64_t ld_[2] = { UINT64_C(0x4340000000000000), UINT64_C(0xC3E0000000000000) };
  ew("i64", "f64", 2, 1, "%r = itof %a signed : tile<2xi64> -> tile<2xf64>", l, NULL, NULL, d);
  same_bits("itof i64 -> f64", d, ld_, 2, 8);
}
END_TEST

START_TEST(conv_bitcast) {
  uint32_t a[4] = { PNAN, NZ, 0x12345678u, DEN }, r[4];
  ew("f32", "i32", 4, 1, "%r = bitcast %a : tile<4xf32> -> tile<4xi32>", a, NULL, NULL, r);
  same_bits("bitcast f32 -> i32", r, a, 4, 4);
  ew("i32", "f32", 4, 1, "%r = bitcast %a : tile<4xi32> -> tile<4xf32>", a, NULL, NULL, r);
  same_bits("bitcast i32 -> f32", r, a, 4, 4);
  uint16_t h[2] = { 0x7E01, 0x8001 }, hr[2];
  ew("i16", "bf16", 2, 1, "%r = bitcast %a : tile<2xi16> -> tile<2xbf16>", h, NULL, NULL, hr);
  same_bits("bitcast i16 -> bf16", hr, h, 2, 2);
}
END_TEST

/* ---- shape ops: results worked out by index arithmetic here ---- */

/* The i32 values 0..n-1 (what iota gives). */
static void iota32(int32_t *a, int n) { for (int i = 0; i < n; i++) a[i] = i; }

START_TEST(shape_broadcast) {
  int32_t a[16], r[32], w[32];
  iota32(a, 16);
  /* a row of 4 repeated 4 times; a column of 4 repeated 4 times */
  ew("i32", "i32", 16, 1, "%z = constant <i32: 0> : tile<i32>\n"
     "    %s = extract %a[%z] : tile<16xi32> -> tile<4xi32>\n"
     "    %s2 = reshape %s : tile<4xi32> -> tile<1x4xi32>\n"
     "    %b = broadcast %s2 : tile<1x4xi32> -> tile<4x4xi32>\n"
     "    %r = reshape %b : tile<4x4xi32> -> tile<16xi32>", a, NULL, NULL, r);
  for (int i = 0; i < 16; i++) w[i] = i % 4;
  same_bits("broadcast 1x4 -> 4x4", r, w, 16, 4);
  ew("i32", "i32", 16, 1, "%z = constant <i32: 0> : tile<i32>\n"
     "    %s = extract %a[%z] : tile<16xi32> -> tile<4xi32>\n"
     "    %s2 = reshape %s : tile<4xi32> -> tile<4x1xi32>\n"
     "    %b = broadcast %s2 : tile<4x1xi32> -> tile<4x4xi32>\n"
     "    %r = reshape %b : tile<4x4xi32> -> tile<16xi32>", a, NULL, NULL, r);
  for (int i = 0; i < 16; i++) w[i] = i / 4;
  same_bits("broadcast 4x1 -> 4x4", r, w, 16, 4);
  /* 2x1x2 -> 2x4x2: r[i,j,k] = a[i*2+k] */
  ew("i32", "i32", 16, 1, "%z = constant <i32: 0> : tile<i32>\n"
     "    %s = extract %a[%z] : tile<16xi32> -> tile<4xi32>\n"
     "    %s3 = reshape %s : tile<4xi32> -> tile<2x1x2xi32>\n"
     "    %b = broadcast %s3 : tile<2x1x2xi32> -> tile<2x4x2xi32>\n"
     "    %r = reshape %b : tile<2x4x2xi32> -> tile<16xi32>", a, NULL, NULL, r);
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 4; j++)
      for (int k = 0; k < 2; k++) w[(i * 4 + j) * 2 + k] = i * 2 + k;
  same_bits("broadcast 2x1x2 -> 2x4x2", r, w, 16, 4);
  /* a scalar to every element */
  ew("i32", "i32", 32, 0, "%c = constant <i32: 7> : tile<i32>\n"
     "    %c1 = reshape %c : tile<i32> -> tile<1x1xi32>\n"
     "    %b = broadcast %c1 : tile<1x1xi32> -> tile<4x8xi32>\n"
     "    %r = reshape %b : tile<4x8xi32> -> tile<32xi32>", NULL, NULL, NULL, r);
  for (int i = 0; i < 32; i++) w[i] = 7;
  same_bits("broadcast scalar", r, w, 32, 4);
}
END_TEST

START_TEST(shape_permute_cat) {
  int32_t a[64], r[64], w[64];
  iota32(a, 64);
  /* 4x8 transposed: r[i,j] = a[j,i] */
  ew("i32", "i32", 32, 1, "%m = reshape %a : tile<32xi32> -> tile<4x8xi32>\n"
     "    %p = permute %m [1, 0] : tile<4x8xi32> -> tile<8x4xi32>\n"
     "    %r = reshape %p : tile<8x4xi32> -> tile<32xi32>", a, NULL, NULL, r);
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 4; j++) w[i * 4 + j] = j * 8 + i;
  same_bits("permute [1,0]", r, w, 32, 4);
  /* 2x4x8 by [2,0,1] -> 8x2x4: r[i,j,k] = a[j,k,i] */
  ew("i32", "i32", 64, 1, "%m = reshape %a : tile<64xi32> -> tile<2x4x8xi32>\n"
     "    %p = permute %m [2, 0, 1] : tile<2x4x8xi32> -> tile<8x2x4xi32>\n"
     "    %r = reshape %p : tile<8x2x4xi32> -> tile<64xi32>", a, NULL, NULL, r);
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 2; j++)
      for (int k = 0; k < 4; k++) w[(i * 2 + j) * 4 + k] = (j * 4 + k) * 8 + i;
  same_bits("permute [2,0,1]", r, w, 64, 4);
  /* cat of two 2x4 halves (a[0..7], a[8..15]) along 0 and along 1 */
  ew("i32", "i32", 16, 1, "%m = reshape %a : tile<16xi32> -> tile<2x2x4xi32>\n"
     "    %z = constant <i32: 0> : tile<i32>\n"
     "    %o = constant <i32: 1> : tile<i32>\n"
     "    %x3 = extract %m[%z, %z, %z] : tile<2x2x4xi32> -> tile<1x2x4xi32>\n"
     "    %y3 = extract %m[%o, %z, %z] : tile<2x2x4xi32> -> tile<1x2x4xi32>\n"
     "    %x = reshape %x3 : tile<1x2x4xi32> -> tile<2x4xi32>\n"
     "    %y = reshape %y3 : tile<1x2x4xi32> -> tile<2x4xi32>\n"
     "    %c = cat %x, %y dim = 1 : tile<2x4xi32>, tile<2x4xi32> -> tile<2x8xi32>\n"
     "    %r = reshape %c : tile<2x8xi32> -> tile<16xi32>", a, NULL, NULL, r);
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 8; j++) w[i * 8 + j] = j < 4 ? i * 4 + j : 8 + i * 4 + j - 4;
  same_bits("cat dim 1", r, w, 16, 4);
  ew("i32", "i32", 16, 1, "%m = reshape %a : tile<16xi32> -> tile<2x2x4xi32>\n"
     "    %z = constant <i32: 0> : tile<i32>\n"
     "    %o = constant <i32: 1> : tile<i32>\n"
     "    %x3 = extract %m[%z, %z, %z] : tile<2x2x4xi32> -> tile<1x2x4xi32>\n"
     "    %y3 = extract %m[%o, %z, %z] : tile<2x2x4xi32> -> tile<1x2x4xi32>\n"
     "    %x = reshape %x3 : tile<1x2x4xi32> -> tile<2x4xi32>\n"
     "    %y = reshape %y3 : tile<1x2x4xi32> -> tile<2x4xi32>\n"
     "    %c = cat %y, %x dim = 0 : tile<2x4xi32>, tile<2x4xi32> -> tile<4x4xi32>\n"
     "    %r = reshape %c : tile<4x4xi32> -> tile<16xi32>", a, NULL, NULL, r);
  for (int i = 0; i < 16; i++) w[i] = i < 8 ? i + 8 : i - 8;
  same_bits("cat dim 0", r, w, 16, 4);
}
END_TEST

/* extract and insert address slices by slice index: [k*sub, (k+1)*sub). */
START_TEST(shape_extract_insert) {
  int32_t a[64], r[64], w[64];
  iota32(a, 64);
  ew("i32", "i32", 64, 1, "%m = reshape %a : tile<64xi32> -> tile<8x8xi32>\n"
     "    %i = constant <i32: 1> : tile<i32>\n"
     "    %j = constant <i64: 1> : tile<i64>\n"
     "    %e = extract %m[%i, %i] : tile<8x8xi32> -> tile<2x4xi32>\n"
     "    %e8 = reshape %e : tile<2x4xi32> -> tile<8xi32>\n"
     "    %e16 = cat %e8, %e8 dim = 0 : tile<8xi32>, tile<8xi32> -> tile<16xi32>\n"
     "    %e32 = cat %e16, %e16 dim = 0 : tile<16xi32>, tile<16xi32> -> tile<32xi32>\n"
     "    %r = cat %e32, %e32 dim = 0 : tile<32xi32>, tile<32xi32> -> tile<64xi32>", a, NULL, NULL, r);
  for (int k = 0; k < 8; k++)
    for (int i = 0; i < 2; i++)
      for (int j = 0; j < 4; j++) w[k * 8 + i * 4 + j] = (2 + i) * 8 + 4 + j;
  same_bits("extract [1,1] of 2x4 from 8x8", r, w, 64, 4);
  /* insert (13.4): a 2x4 tile of -1 into 8x8 at slice [3, 0] */
  ew("i32", "i32", 64, 1, "%m = reshape %a : tile<64xi32> -> tile<8x8xi32>\n"
     "    %s = constant <i32: -1> : tile<2x4xi32>\n"
     "    %i = constant <i32: 3> : tile<i32>\n"
     "    %j = constant <i32: 0> : tile<i32>\n"
     "    %n = insert %s, %m[%i, %j] : tile<2x4xi32> -> tile<8x8xi32>\n"
     "    %r = reshape %n : tile<8x8xi32> -> tile<64xi32>", a, NULL, NULL, r);
  for (int i = 0; i < 64; i++) w[i] = (i / 8 == 6 || i / 8 == 7) && i % 8 < 4 ? -1 : i;
  same_bits("insert [3,0]", r, w, 64, 4);
}
END_TEST

START_TEST(shape_extract_out_of_range) {
  int32_t a[16], r[16];
  char msg[512];
  iota32(a, 16);
  int rc = ew_try("i32", "i32", 16, 1, "%m = reshape %a : tile<16xi32> -> tile<4x4xi32>\n"
                  "    %i = constant <i32: 2> : tile<i32>\n"
                  "    %j = constant <i32: 0> : tile<i32>\n"
                  "    %e = extract %m[%j, %i] : tile<4x4xi32> -> tile<4x2xi32>\n"
                  "    %r = reshape %m : tile<4x4xi32> -> tile<16xi32>", a, NULL, NULL, r, msg, sizeof msg);
  ck_assert_int_ne(rc, 0);
  ck_assert_msg(strstr(msg, "slice index 2 of dimension 1 is out of range [0, 2)"), "%s", msg);
  /* a negative index is a huge unsigned one */
  rc = ew_try("i32", "i32", 16, 1, "%m = reshape %a : tile<16xi32> -> tile<4x4xi32>\n"
              "    %i = constant <i32: -1> : tile<i32>\n"
              "    %e = extract %m[%i, %i] : tile<4x4xi32> -> tile<2x2xi32>\n"
              "    %r = reshape %m : tile<4x4xi32> -> tile<16xi32>", a, NULL, NULL, r, msg, sizeof msg);
  ck_assert_int_ne(rc, 0);
  ck_assert_msg(strstr(msg, "out of range"), "%s", msg);
}
END_TEST

START_TEST(shape_iota_constant) {
  int16_t r16[32], w16[32];
  ew("i16", "i16", 32, 0, "%r = iota : tile<32xi16>", NULL, NULL, NULL, r16);
  for (int i = 0; i < 32; i++) w16[i] = (int16_t)i;
  same_bits("iota i16", r16, w16, 32, 2);
  int64_t r64[8], w64[8];
  ew("i64", "i64", 8, 0, "%r = iota : tile<8xi64>", NULL, NULL, NULL, r64);
  for (int i = 0; i < 8; i++) w64[i] = i;
  same_bits("iota i64", r64, w64, 8, 8);
  /* dense literals, hex bit patterns, splats */
  uint32_t r[4];
  static const uint32_t dense[4] = { 0xFF800000u, 0x3FC00000u, 0x7FC00000u, 0x80000000u };
  ew("f32", "f32", 4, 0, "%r = constant <f32: [0xFF800000, 1.5, 0x7FC00000, -0.0]> : tile<4xf32>", NULL, NULL, NULL, r);
  same_bits("dense f32 constant", r, dense, 4, 4);
  uint16_t h[4];
  static const uint16_t hsplat[4] = { 0xBC00, 0xBC00, 0xBC00, 0xBC00 };
  ew("f16", "f16", 4, 0, "%r = constant <f16: -1.0> : tile<4xf16>", NULL, NULL, NULL, h);
  same_bits("splat f16 constant", h, hsplat, 4, 2);
  int8_t b[4];
  static const int8_t bw[4] = { -128, 127, -1, 0 };
  ew("i8", "i8", 4, 0, "%r = constant <i8: [-128, 127, 255, 0]> : tile<4xi8>", NULL, NULL, NULL, b);
  same_bits("dense i8 constant", b, bw, 4, 1);
}
END_TEST

/* pack/unpack: the tile's bytes, little-endian; i4 two a byte, the first
** element in the low nibble; i1 eight a byte, the first in bit 0. */
START_TEST(shape_pack_unpack) {
  uint16_t h[8] = { 0x3C00, 0xBC00, 0x1234, 0xABCD, 0, 0xFFFF, 0x0102, 0x8000 }, hr[8];
  uint8_t bytes[16];
  ew_n("f16", "i8", 8, 16, 1, "%r = pack %a : tile<8xf16> -> tile<16xi8>", h, NULL, NULL, bytes);
  same_bits("pack f16", bytes, h, 16, 1);          /* little-endian host: the same bytes */
  ew_n("i8", "f16", 16, 8, 1, "%r = unpack %a : tile<16xi8> -> tile<8xf16>", bytes, NULL, NULL, hr);
  same_bits("unpack f16", hr, h, 8, 2);
  uint8_t n[8] = { 1, 2, 3, 0xF, 0x1A, 0, 7, 8 }, p[4], u[8];
  static const uint8_t pw[4] = { 0x21, 0xF3, 0x0A, 0x87 }, uw[8] = { 1, 2, 3, 0xF, 0xA, 0, 7, 8 };
  ew_n("i8", "i8", 8, 4, 1, "%n = trunci %a : tile<8xi8> -> tile<8xi4>\n"
       "    %r = pack %n : tile<8xi4> -> tile<4xi8>", n, NULL, NULL, p);
  same_bits("pack i4", p, pw, 4, 1);
  ew_n("i8", "i8", 4, 8, 1, "%n = unpack %a : tile<4xi8> -> tile<8xi4>\n"
       "    %r = exti %n unsigned : tile<8xi4> -> tile<8xi8>", p, NULL, NULL, u);
  same_bits("unpack i4", u, uw, 8, 1);
}
END_TEST

/* i1 (which the verifier accepts for pack): eight a byte, bit 0 first. */
START_TEST(shape_pack_i1) {
  uint8_t p[2], u[16];
  static const uint8_t pw[2] = { 0x8D, 0x0F };
  static const uint8_t bits[16] = { 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0 };
  ew_n("i8", "i8", 16, 2, 0, "%b = constant <i1: [1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0]> : tile<16xi1>\n"
       "    %r = pack %b : tile<16xi1> -> tile<2xi8>", NULL, NULL, NULL, p);
  same_bits("pack i1", p, pw, 2, 1);
  ew_n("i8", "i8", 2, 16, 1, "%b = unpack %a : tile<2xi8> -> tile<16xi1>\n"
       "    %r = exti %b unsigned : tile<16xi1> -> tile<16xi8>", pw, NULL, NULL, u);
  same_bits("unpack i1", u, bits, 16, 1);
}
END_TEST

/* ---- reduce and scan ----
** The region's arguments are [element, accumulator] per operand (the
** spec); tilesim folds in ascending index order from the identity
** (descending for a reverse scan), so even non-associative bodies have
** one answer, computed here the same way. */

START_TEST(reduce_int) {
  int32_t a[32], r[8], w[8];
  iota32(a, 32);
  ew_n("i32", "i32", 32, 4, 1, "%m = reshape %a : tile<32xi32> -> tile<4x8xi32>\n"
       "    %r = reduce %m dim=1 identities=[0 : i32] : tile<4x8xi32> -> tile<4xi32>\n"
       "    (%e: tile<i32>, %acc: tile<i32>) {\n"
       "      %s = addi %e, %acc : tile<i32>\n"
       "      yield %s : tile<i32>\n"
       "    }", a, NULL, NULL, r);
  for (int i = 0; i < 4; i++) w[i] = 64 * i + 28;
  same_bits("row sums", r, w, 4, 4);
  ew_n("i32", "i32", 32, 8, 1, "%m = reshape %a : tile<32xi32> -> tile<4x8xi32>\n"
       "    %r = reduce %m dim=0 identities=[0 : i32] : tile<4x8xi32> -> tile<8xi32>\n"
       "    (%e: tile<i32>, %acc: tile<i32>) {\n"
       "      %s = addi %acc, %e : tile<i32>\n"
       "      yield %s : tile<i32>\n"
       "    }", a, NULL, NULL, r);
  for (int j = 0; j < 8; j++) w[j] = 48 + 4 * j;
  same_bits("column sums", r, w, 8, 4);
  /* a body of several ops: the sum of squares, plus one */
  ew_n("i32", "i32", 32, 4, 1, "%m = reshape %a : tile<32xi32> -> tile<4x8xi32>\n"
       "    %r = reduce %m dim=1 identities=[1 : i32] : tile<4x8xi32> -> tile<4xi32>\n"
       "    (%e: tile<i32>, %acc: tile<i32>) {\n"
       "      %q = muli %e, %e : tile<i32>\n"
       "      %s = addi %acc, %q : tile<i32>\n"
       "      yield %s : tile<i32>\n"
       "    }", a, NULL, NULL, r);
  for (int i = 0; i < 4; i++) {
    w[i] = 1;
    for (int j = 0; j < 8; j++) w[i] += (8 * i + j) * (8 * i + j);
  }
  same_bits("sums of squares", r, w, 4, 4);
  /* signed and unsigned extremes */
  int32_t s[8] = { 5, -7, 3, INT32_MIN, 9, -1, 0, 2 };
  int32_t smax[1] = { 9 }, umax[1] = { -1 }, smin[1] = { INT32_MIN };
  ew_n("i32", "i32", 8, 1, 1, "%q = reduce %a dim=0 identities=[-2147483648 : i32] : tile<8xi32> -> tile<i32>\n"
       "    (%e: tile<i32>, %acc: tile<i32>) {\n"
       "      %x = maxi %e, %acc signed : tile<i32>\n"
       "      yield %x : tile<i32>\n"
       "    }\n"
       "    %r = reshape %q : tile<i32> -> tile<1xi32>", s, NULL, NULL, r);
  same_bits("maxi signed", r, smax, 1, 4);
  ew_n("i32", "i32", 8, 1, 1, "%q = reduce %a dim=0 identities=[0 : i32] : tile<8xi32> -> tile<i32>\n"
       "    (%e: tile<i32>, %acc: tile<i32>) {\n"
       "      %x = maxi %e, %acc unsigned : tile<i32>\n"
       "      yield %x : tile<i32>\n"
       "    }\n"
       "    %r = reshape %q : tile<i32> -> tile<1xi32>", s, NULL, NULL, r);
  same_bits("maxi unsigned", r, umax, 1, 4);
  ew_n("i32", "i32", 8, 1, 1, "%q = reduce %a dim=0 identities=[2147483647 : i32] : tile<8xi32> -> tile<i32>\n"
       "    (%e: tile<i32>, %acc: tile<i32>) {\n"
       "      %x = mini %acc, %e signed : tile<i32>\n"
       "      yield %x : tile<i32>\n"
       "    }\n"
       "    %r = reshape %q : tile<i32> -> tile<1xi32>", s, NULL, NULL, r);
  same_bits("mini signed", r, smin, 1, 4);
}
END_TEST

/* i1 keeps its width: 1 + 1 = 0. */
START_TEST(reduce_i1_sum) {
  uint8_t r[2];
  static const uint8_t want[2] = { 0, 1 };   /* 1+1+0+0 = 0 mod 2; 1+1+1+0 = 1 */
  ew_n("i8", "i8", 2, 2, 0, "%x = constant <i1: [[1, 1, 0, 0], [1, 1, 1, 0]]> : tile<2x4xi1>\n"
       "    %s = reduce %x dim=1 identities=[0 : i1] : tile<2x4xi1> -> tile<2xi1>\n"
       "    (%e: tile<i1>, %acc: tile<i1>) {\n"
       "      %y = addi %e, %acc : tile<i1>\n"
       "      yield %y : tile<i1>\n"
       "    }\n"
       "    %r = exti %s unsigned : tile<2xi1> -> tile<2xi8>", NULL, NULL, NULL, r);
  same_bits("i1 sum", r, want, 2, 1);
  /* the i1 sum as a condition: select must see false */
  uint8_t sel[1];
  static const uint8_t selw[1] = { 2 };
  ew_n("i8", "i8", 1, 1, 0, "%x = constant <i1: [1, 1, 0, 0]> : tile<4xi1>\n"
       "    %s = reduce %x dim=0 identities=[0 : i1] : tile<4xi1> -> tile<i1>\n"
       "    (%e: tile<i1>, %acc: tile<i1>) {\n"
       "      %y = addi %e, %acc : tile<i1>\n"
       "      yield %y : tile<i1>\n"
       "    }\n"
       "    %one = constant <i8: 1> : tile<i8>\n"
       "    %two = constant <i8: 2> : tile<i8>\n"
       "    %v = select %s, %one, %two : tile<i1>, tile<i8>\n"
       "    %r = reshape %v : tile<i8> -> tile<1xi8>", NULL, NULL, NULL, sel);
  same_bits("select on an i1 sum", sel, selw, 1, 1);
}
END_TEST

/* i1 signed: 1 is -1, so max(-1, 0, -1, -1) = 0 */
START_TEST(reduce_i1_signed) {
  uint8_t sel[1];
  static const uint8_t maxw[1] = { 0 };
  ew_n("i8", "i8", 1, 1, 0, "%x = constant <i1: [1, 0, 1, 1]> : tile<4xi1>\n"
       "    %s = reduce %x dim=0 identities=[1 : i1] : tile<4xi1> -> tile<i1>\n"
       "    (%e: tile<i1>, %acc: tile<i1>) {\n"
       "      %y = maxi %e, %acc signed : tile<i1>\n"
       "      yield %y : tile<i1>\n"
       "    }\n"
       "    %v = exti %s unsigned : tile<i1> -> tile<i8>\n"
       "    %r = reshape %v : tile<i8> -> tile<1xi8>", NULL, NULL, NULL, sel);
  same_bits("i1 signed max", sel, maxw, 1, 1);
}
END_TEST


/* f32 sums fold in ascending order: 1e8 + 1 is 1e8, so [1e8, 1, -1e8, 1]
** sums to 1 (other orders give 0 or 2) -- by the one-op fast path and
** by the general path alike. */
START_TEST(reduce_float) {
  uint32_t a[4] = { 0x4CBEBC20 /* 1e8 */, ONE, 0xCCBEBC20, ONE }, r[2];
  static const uint32_t one[2] = { ONE, ONE };
  ew_n("f32", "f32", 4, 2, 1, "%s = reduce %a dim=0 identities=[0.0 : f32] : tile<4xf32> -> tile<f32>\n"
       "    (%e: tile<f32>, %acc: tile<f32>) {\n"
       "      %y = addf %e, %acc : tile<f32>\n"
       "      yield %y : tile<f32>\n"
       "    }\n"
       "    %g = reduce %a dim=0 identities=[0.0 : f32] : tile<4xf32> -> tile<f32>\n"
       "    (%e: tile<f32>, %acc: tile<f32>) {\n"
       "      %z = negf %e : tile<f32>\n"
       "      %y = subf %acc, %z : tile<f32>\n"
       "      yield %y : tile<f32>\n"
       "    }\n"
       "    %s1 = reshape %s : tile<f32> -> tile<1xf32>\n"
       "    %g1 = reshape %g : tile<f32> -> tile<1xf32>\n"
       "    %r = cat %s1, %g1 dim = 0 : tile<1xf32>, tile<1xf32> -> tile<2xf32>", a, NULL, NULL, r);
  same_bits("ordered f32 sums", r, one, 2, 4);
  /* maxf/minf reductions: NaNs lose, +0 > -0; all NaN (and a NaN
  ** identity) gives the canonical NaN, and +inf for min from +inf */
  uint32_t b[8] = { NZ, PZ, QNAN, NZ, PNAN, PNAN, PNAN, PNAN }, m[4];
  static const uint32_t mw[4] = { PZ, CNAN, NZ, PINF };
  ew_n("f32", "f32", 8, 4, 1, "%x = reshape %a : tile<8xf32> -> tile<2x4xf32>\n"
       "    %mx = reduce %x dim=1 identities=[0x7FC00000 : f32] : tile<2x4xf32> -> tile<2xf32>\n"
       "    (%e: tile<f32>, %acc: tile<f32>) {\n"
       "      %y = maxf %e, %acc : tile<f32>\n"
       "      yield %y : tile<f32>\n"
       "    }\n"
       "    %mn = reduce %x dim=1 identities=[0x7F800000 : f32] : tile<2x4xf32> -> tile<2xf32>\n"
       "    (%e: tile<f32>, %acc: tile<f32>) {\n"
       "      %y = minf %acc, %e : tile<f32>\n"
       "      yield %y : tile<f32>\n"
       "    }\n"
       "    %r = cat %mx, %mn dim = 0 : tile<2xf32>, tile<2xf32> -> tile<4xf32>", b, NULL, NULL, m);
  same_bits("maxf/minf reductions", m, mw, 4, 4);
}
END_TEST

/* The row fast paths of addf, maxf and minf reductions (eight rows at a
** time for sums; max and min in any order) against the general path (a
** body of two ops, run element by element in order): 16 x 64, 4 x 128 and
** 1 x 256 tiles of numbers of mixed signs and sizes with zeros,
** infinities and NaNs among them. */
START_TEST(reduce_fast_rows) {
  static const int shapes[3][2] = { { 16, 64 }, { 4, 128 }, { 1, 256 } };
  const int R = shapes[_i][0], C = shapes[_i][1];
  static const char *const ops[3] = { "addf", "maxf", "minf" };
  static const char *const ids[3] = { "0x80000000", "0xFF800000", "0x7F800000" };
  static const uint32_t special[8] = { PZ, NZ, PINF, NINF, QNAN, PNAN, ONE, MONE };
  uint32_t a[1024], r[32];
  uint64_t x = 12345;
  for (int i = 0; i < R * C; i++) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    uint32_t u = (uint32_t)(x >> 32);
    a[i] = (u & 15) == 0 ? special[(u >> 4) & 7] : (u & 0x80000000u) | (0x38000000u + ((u >> 4) & 0x0FFFFFFFu));
  }
  for (int k = 0; k < 3; k++) {
    char body[1024];
    snprintf(body, sizeof body,
             "%%x = reshape %%a : tile<%dxf32> -> tile<%dx%dxf32>\n"
             "    %%f = reduce %%x dim=1 identities=[%s : f32] : tile<%dx%dxf32> -> tile<%dxf32>\n"
             "    (%%e: tile<f32>, %%acc: tile<f32>) {\n"
             "      %%y = %s %%e, %%acc : tile<f32>\n"
             "      yield %%y : tile<f32>\n"
             "    }\n"
             "    %%g = reduce %%x dim=1 identities=[%s : f32] : tile<%dx%dxf32> -> tile<%dxf32>\n"
             "    (%%e: tile<f32>, %%acc: tile<f32>) {\n"
             "      %%y = %s %%e, %%acc : tile<f32>\n"
             "      %%z = %s %%y, %%y : tile<f32>\n"
             "      yield %%z : tile<f32>\n"
             "    }\n"
             "    %%r = cat %%f, %%g dim = 0 : tile<%dxf32>, tile<%dxf32> -> tile<%dxf32>",
             R * C, R, C, ids[k], R, C, R, ops[k], ids[k], R, C, R, ops[k], k ? ops[k] : "maxf", R, R, 2 * R);
    /* the general sum's second op is maxf(y, y) = y: no rounding */
    ew_n("f32", "f32", R * C, 2 * R, 1, body, a, NULL, NULL, r);
    for (int i = 0; i < R; i++)
      ck_assert_msg(r[i] == r[R + i], "%s row %d: fast %#010x, general %#010x", ops[k], i, r[i], r[R + i]);
  }
}
END_TEST

/* Two operands: argmax, the first index of the largest value. */
START_TEST(reduce_argmax) {
  uint32_t v[8] = { ONE, THREE, MONE, THREE, TWO, QNAN, PZ, THREE };
  int32_t r[2];
  static const int32_t want[2] = { 3 /* the value, as i32 */, 1 };
  ew_n("f32", "i32", 8, 2, 1, "%i = iota : tile<8xi32>\n"
       "    %mv, %mi = reduce %a, %i dim=0 identities=[0xFF800000 : f32, -1 : i32] : tile<8xf32>, tile<8xi32> -> tile<f32>, tile<i32>\n"
       "    (%v: tile<f32>, %av: tile<f32>, %j: tile<i32>, %aj: tile<i32>) {\n"
       "      %gt = cmpf greater_than ordered %v, %av : tile<f32> -> tile<i1>\n"
       "      %nv = select %gt, %v, %av : tile<i1>, tile<f32>\n"
       "      %nj = select %gt, %j, %aj : tile<i1>, tile<i32>\n"
       "      yield %nv, %nj : tile<f32>, tile<i32>\n"
       "    }\n"
       "    %vi = ftoi %mv signed : tile<f32> -> tile<i32>\n"
       "    %v1 = reshape %vi : tile<i32> -> tile<1xi32>\n"
       "    %i1 = reshape %mi : tile<i32> -> tile<1xi32>\n"
       "    %r = cat %v1, %i1 dim = 0 : tile<1xi32>, tile<1xi32> -> tile<2xi32>", v, NULL, NULL, r);
  same_bits("argmax", r, want, 2, 4);
}
END_TEST

/* The accumulators are updated together: a body that swaps them must
** swap them (after 4 steps, back where they started). */
START_TEST(reduce_swap) {
  int32_t r[2];
  static const int32_t want[2] = { 0, 100 };
  ew_n("i32", "i32", 4, 2, 0, "%x = constant <i32: [1, 2, 3, 4]> : tile<4xi32>\n"
       "    %p, %q = reduce %x, %x dim=0 identities=[0 : i32, 100 : i32] : tile<4xi32>, tile<4xi32> -> tile<i32>, tile<i32>\n"
       "    (%e0: tile<i32>, %a0: tile<i32>, %e1: tile<i32>, %a1: tile<i32>) {\n"
       "      yield %a1, %a0 : tile<i32>, tile<i32>\n"
       "    }\n"
       "    %p1 = reshape %p : tile<i32> -> tile<1xi32>\n"
       "    %q1 = reshape %q : tile<i32> -> tile<1xi32>\n"
       "    %r = cat %p1, %q1 dim = 0 : tile<1xi32>, tile<1xi32> -> tile<2xi32>", NULL, NULL, NULL, r);
  same_bits("swapping accumulators", r, want, 2, 4);
}
END_TEST

START_TEST(scan_int) {
  int32_t a[32], r[32], w[32];
  iota32(a, 32);
  ew("i32", "i32", 32, 1, "%m = reshape %a : tile<32xi32> -> tile<4x8xi32>\n"
     "    %s = scan %m dim=1 reverse=false identities=[0 : i32] : tile<4x8xi32> -> tile<4x8xi32>\n"
     "    (%e: tile<i32>, %acc: tile<i32>) {\n"
     "      %y = addi %e, %acc : tile<i32>\n"
     "      yield %y : tile<i32>\n"
     "    }\n"
     "    %r = reshape %s : tile<4x8xi32> -> tile<32xi32>", a, NULL, NULL, r);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 8; j++) w[i * 8 + j] = (j + 1) * 8 * i + j * (j + 1) / 2;
  same_bits("prefix sums along 1", r, w, 32, 4);
  ew("i32", "i32", 32, 1, "%m = reshape %a : tile<32xi32> -> tile<4x8xi32>\n"
     "    %s = scan %m dim=0 reverse=true identities=[0 : i32] : tile<4x8xi32> -> tile<4x8xi32>\n"
     "    (%e: tile<i32>, %acc: tile<i32>) {\n"
     "      %y = addi %acc, %e : tile<i32>\n"
     "      yield %y : tile<i32>\n"
     "    }\n"
     "    %r = reshape %s : tile<4x8xi32> -> tile<32xi32>", a, NULL, NULL, r);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 8; j++) {
      w[i * 8 + j] = 0;
      for (int k = i; k < 4; k++) w[i * 8 + j] += k * 8 + j;
    }
  same_bits("reverse suffix sums along 0", r, w, 32, 4);
  /* not commutative: acc' = 2 acc + e, over 1 2 3 4 both ways */
  int32_t x[4] = { 1, 2, 3, 4 }, y[4];
  static const int32_t fwd[4] = { 1, 4, 11, 26 }, rev[4] = { 49, 24, 11, 4 };
  ew("i32", "i32", 4, 1, "%s = scan %a dim=0 reverse=false identities=[0 : i32] : tile<4xi32> -> tile<4xi32>\n"
     "    (%e: tile<i32>, %acc: tile<i32>) {\n"
     "      %d = addi %acc, %acc : tile<i32>\n"
     "      %y = addi %d, %e : tile<i32>\n"
     "      yield %y : tile<i32>\n"
     "    }\n"
     "    %r = reshape %s : tile<4xi32> -> tile<4xi32>", x, NULL, NULL, y);
  same_bits("scan 2acc+e", y, fwd, 4, 4);
  ew("i32", "i32", 4, 1, "%s = scan %a dim=0 reverse=true identities=[0 : i32] : tile<4xi32> -> tile<4xi32>\n"
     "    (%e: tile<i32>, %acc: tile<i32>) {\n"
     "      %d = addi %acc, %acc : tile<i32>\n"
     "      %y = addi %d, %e : tile<i32>\n"
     "      yield %y : tile<i32>\n"
     "    }\n"
     "    %r = reshape %s : tile<4xi32> -> tile<4xi32>", x, NULL, NULL, y);
  same_bits("reverse scan 2acc+e", y, rev, 4, 4);
}
END_TEST

/* A scan's NaNs are canonical, like every float result. */
START_TEST(scan_float) {
  uint32_t a[4] = { ONE, PNAN, TWO, THREE }, r[4];
  static const uint32_t want[4] = { ONE, CNAN, CNAN, CNAN };
  ew("f32", "f32", 4, 1, "%r = scan %a dim=0 reverse=false identities=[0.0 : f32] : tile<4xf32> -> tile<4xf32>\n"
     "    (%e: tile<f32>, %acc: tile<f32>) {\n"
     "      %y = addf %e, %acc : tile<f32>\n"
     "      yield %y : tile<f32>\n"
     "    }", a, NULL, NULL, r);
  same_bits("scan addf with a NaN", r, want, 4, 4);
  uint32_t b[4] = { NZ, PZ, QNAN, MONE };
  static const uint32_t mx[4] = { NZ, PZ, PZ, PZ };
  ew("f32", "f32", 4, 1, "%r = scan %a dim=0 reverse=false identities=[0xFF800000 : f32] : tile<4xf32> -> tile<4xf32>\n"
     "    (%e: tile<f32>, %acc: tile<f32>) {\n"
     "      %y = maxf %e, %acc : tile<f32>\n"
     "      yield %y : tile<f32>\n"
     "    }", b, NULL, NULL, r);
  same_bits("scan maxf", r, mx, 4, 4);
}
END_TEST

/* ---- control flow ---- */

/* Run text with one i32 output array of n elements (the last parameter)
** after scalar i32 parameters scal[0..ns); the output is copied to out. */
static void run_i32(const char *text, const int32_t *scal, int ns, int32_t *out, int n, uint32_t gx) {
  struct kt k;
  kt_load(&k, text);
  for (int i = 0; i < ns; i++) kt_scalar(&k, (uint32_t)scal[i]);
  int r = kt_array(&k, NULL, (size_t)n * 4);
  kt_ok(&k, gx, 1, 1);
  memcpy(out, kt_host(&k, r), (size_t)n * 4);
  kt_free(&k);
}

/* out[k] = v, for scalar i32 tiles */
#define STORE_AT(k, v) \
  "    %pk" #k " = constant <i32: " #k "> : tile<i32>\n" \
  "    %po" #k " = offset %out, %pk" #k " : tile<ptr<i32>>, tile<i32> -> tile<ptr<i32>>\n" \
  "    %st" #k " = store_ptr_tko weak %po" #k ", " v " : tile<ptr<i32>>, tile<i32> -> token\n"

START_TEST(ctl_for) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%lb: tile<i32>, %ub: tile<i32>, %step: tile<i32>, %out: tile<ptr<i32>>) {\n"
    "    %z = constant <i32: 0> : tile<i32>\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    %sum, %n = for %i in (%lb to %ub, step %step) : tile<i32> iter_values(%s = %z, %c = %z) -> (tile<i32>, tile<i32>) {\n"
    "      %s2 = addi %s, %i : tile<i32>\n"
    "      %c2 = addi %c, %one : tile<i32>\n"
    "      continue %s2, %c2 : tile<i32>, tile<i32>\n"
    "    }\n"
    "    %usum, %un = for unsigned %i in (%lb to %ub, step %step) : tile<i32> iter_values(%s = %z, %c = %z) -> (tile<i32>, tile<i32>) {\n"
    "      %s2 = addi %s, %i : tile<i32>\n"
    "      %c2 = addi %c, %one : tile<i32>\n"
    "      continue %s2, %c2 : tile<i32>, tile<i32>\n"
    "    }\n"
    STORE_AT(0, "%sum") STORE_AT(1, "%n") STORE_AT(2, "%usum") STORE_AT(3, "%un")
    "  }\n}\n";
  int32_t r[4];
  /* -5, -2, 1, 4 signed; unsigned, -5 is above 7: no iterations */
  static const int32_t w1[4] = { -2, 4, 0, 0 };
  run_i32(text, (const int32_t[]){ -5, 7, 3 }, 3, r, 4, 1);
  same_bits("for -5 to 7 step 3", r, w1, 4, 4);
  /* 0 to 0xF0000000 step 2^30: none signed (the bound is negative), 4 unsigned */
  static const int32_t w2[4] = { 0, 0, (int32_t)0x80000000u + 0x40000000 + (int32_t)0xC0000000u, 4 };
  run_i32(text, (const int32_t[]){ 0, (int32_t)0xF0000000u, 0x40000000 }, 3, r, 4, 1);
  same_bits("for 0 to 0xF0000000 step 2^30", r, w2, 4, 4);
  /* empty range; a step past the end; the largest i32 bound does not wrap */
  static const int32_t w3[4] = { 0, 0, 0, 0 };
  run_i32(text, (const int32_t[]){ 5, 5, 1 }, 3, r, 4, 1);
  same_bits("for 5 to 5", r, w3, 4, 4);
  static const int32_t w4[4] = { INT32_MAX - 1, 1, INT32_MAX - 1, 1 };
  run_i32(text, (const int32_t[]){ INT32_MAX - 1, INT32_MAX, 1000 }, 3, r, 4, 1);
  same_bits("for near INT32_MAX", r, w4, 4, 4);
}
END_TEST

/* continue inside if (skip odd i), an if with results, a nested loop. */
START_TEST(ctl_if_continue) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%n: tile<i32>, %out: tile<ptr<i32>>) {\n"
    "    %z = constant <i32: 0> : tile<i32>\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    %s = for %i in (%z to %n, step %one) : tile<i32> iter_values(%acc = %z) -> (tile<i32>) {\n"
    "      %odd = andi %i, %one : tile<i32>\n"
    "      %isodd = cmpi equal %odd, %one, signed : tile<i32> -> tile<i1>\n"
    "      if %isodd {\n"
    "        continue %acc : tile<i32>\n"
    "      }\n"
    "      %inner = for %j in (%z to %i, step %one) : tile<i32> iter_values(%t = %z) -> (tile<i32>) {\n"
    "        %t2 = addi %t, %one : tile<i32>\n"
    "        continue %t2 : tile<i32>\n"
    "      }\n"
    "      %big = cmpi greater_than %i, %one, signed : tile<i32> -> tile<i1>\n"
    "      %add = if %big -> (tile<i32>) {\n"
    "        yield %inner : tile<i32>\n"
    "      } else {\n"
    "        %h = constant <i32: 100> : tile<i32>\n"
    "        yield %h : tile<i32>\n"
    "      }\n"
    "      %acc2 = addi %acc, %add : tile<i32>\n"
    "      continue %acc2 : tile<i32>\n"
    "    }\n"
    STORE_AT(0, "%s")
    "  }\n}\n";
  int32_t r[1];
  /* i = 0 (adds 100), 2, 4, 6, 8 (add i) */
  static const int32_t w[1] = { 120 };
  run_i32(text, (const int32_t[]){ 10 }, 1, r, 1, 1);
  same_bits("continue in if", r, w, 1, 4);
}
END_TEST

/* loop: carried values, break with a value of another type, break
** from an inner loop only, continue inside if. */
START_TEST(ctl_loop_break) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%n: tile<i32>, %out: tile<ptr<i32>>) {\n"
    "    %z = constant <i32: 0> : tile<i32>\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    %two = constant <i32: 2> : tile<i32>\n"
    "    %f = loop iter_values(%i = %z, %acc = %one) : tile<i32>, tile<i32> -> tile<f32> {\n"
    "      %done = cmpi equal %i, %n, signed : tile<i32> -> tile<i1>\n"
    "      if %done {\n"
    "        %af = itof %acc signed : tile<i32> -> tile<f32>\n"
    "        break %af : tile<f32>\n"
    "      }\n"
    "      %i2 = addi %i, %one : tile<i32>\n"
    "      %acc2 = muli %acc, %two : tile<i32>\n"
    "      continue %i2, %acc2 : tile<i32>, tile<i32>\n"
    "    }\n"
    "    %fi = ftoi %f signed : tile<f32> -> tile<i32>\n"
    /* outer runs 3 times; the inner loop breaks at 5 each time */
    "    %tot = loop iter_values(%o = %z, %t = %z) : tile<i32>, tile<i32> -> tile<i32> {\n"
    "      %end = cmpi equal %o, %two, signed : tile<i32> -> tile<i1>\n"
    "      %in = loop iter_values(%j = %z) : tile<i32> -> tile<i32> {\n"
    "        %five = constant <i32: 5> : tile<i32>\n"
    "        %stop = cmpi greater_than_or_equal %j, %five, signed : tile<i32> -> tile<i1>\n"
    "        if %stop {\n"
    "          break %j : tile<i32>\n"
    "        }\n"
    "        %j2 = addi %j, %one : tile<i32>\n"
    "        continue %j2 : tile<i32>\n"
    "      }\n"
    "      %t2 = addi %t, %in : tile<i32>\n"
    "      if %end {\n"
    "        break %t2 : tile<i32>\n"
    "      }\n"
    "      %o2 = addi %o, %one : tile<i32>\n"
    "      continue %o2, %t2 : tile<i32>, tile<i32>\n"
    "    }\n"
    STORE_AT(0, "%fi") STORE_AT(1, "%tot")
    "  }\n}\n";
  int32_t r[2];
  static const int32_t w[2] = { 1024, 15 };
  run_i32(text, (const int32_t[]){ 10 }, 1, r, 2, 1);
  same_bits("loop with break", r, w, 2, 4);
}
END_TEST

/* return inside if ends the tile block: the stores after it do not run. */
START_TEST(ctl_early_return) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%c: tile<i32>, %out: tile<ptr<i32>>) {\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    %two = constant <i32: 2> : tile<i32>\n"
    STORE_AT(0, "%one")
    "    %b = cmpi not_equal %c, %two, signed : tile<i32> -> tile<i1>\n"
    "    if %b {\n"
    "      return\n"
    "    }\n"
    STORE_AT(1, "%two")
    "  }\n}\n";
  int32_t r[2];
  static const int32_t taken[2] = { 1, 0 }, not_taken[2] = { 1, 2 };
  run_i32(text, (const int32_t[]){ 0 }, 1, r, 2, 1);
  same_bits("return taken", r, taken, 2, 4);
  run_i32(text, (const int32_t[]){ 2 }, 1, r, 2, 1);
  same_bits("return not taken", r, not_taken, 2, 4);
}
END_TEST

/* Every block of a 2x3x2 grid writes its id and the grid's extents. */
START_TEST(ctl_grid) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%out: tile<ptr<i32>>) {\n"
    "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
    "    %nx, %ny, %nz = get_num_tile_blocks : tile<i32>\n"
    "    %zy = muli %z, %ny : tile<i32>\n"
    "    %zyy = addi %zy, %y : tile<i32>\n"
    "    %zyyx = muli %zyy, %nx : tile<i32>\n"
    "    %lin = addi %zyyx, %x : tile<i32>\n"
    "    %eight = constant <i32: 8> : tile<i32>\n"
    "    %base = muli %lin, %eight : tile<i32>\n"
    "    %x1 = reshape %x : tile<i32> -> tile<1xi32>\n"
    "    %y1 = reshape %y : tile<i32> -> tile<1xi32>\n"
    "    %z1 = reshape %z : tile<i32> -> tile<1xi32>\n"
    "    %l1 = reshape %lin : tile<i32> -> tile<1xi32>\n"
    "    %nx1 = reshape %nx : tile<i32> -> tile<1xi32>\n"
    "    %ny1 = reshape %ny : tile<i32> -> tile<1xi32>\n"
    "    %nz1 = reshape %nz : tile<i32> -> tile<1xi32>\n"
    "    %a = cat %x1, %y1 dim = 0 : tile<1xi32>, tile<1xi32> -> tile<2xi32>\n"
    "    %b = cat %z1, %l1 dim = 0 : tile<1xi32>, tile<1xi32> -> tile<2xi32>\n"
    "    %c = cat %nx1, %ny1 dim = 0 : tile<1xi32>, tile<1xi32> -> tile<2xi32>\n"
    "    %d = cat %nz1, %l1 dim = 0 : tile<1xi32>, tile<1xi32> -> tile<2xi32>\n"
    "    %ab = cat %a, %b dim = 0 : tile<2xi32>, tile<2xi32> -> tile<4xi32>\n"
    "    %cd = cat %c, %d dim = 0 : tile<2xi32>, tile<2xi32> -> tile<4xi32>\n"
    "    %v = cat %ab, %cd dim = 0 : tile<4xi32>, tile<4xi32> -> tile<8xi32>\n"
    "    %i = iota : tile<8xi32>\n"
    "    %b1 = reshape %base : tile<i32> -> tile<1xi32>\n"
    "    %bv = broadcast %b1 : tile<1xi32> -> tile<8xi32>\n"
    "    %idx = addi %bv, %i : tile<8xi32>\n"
    "    %o1 = reshape %out : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %ov = broadcast %o1 : tile<1xptr<i32>> -> tile<8xptr<i32>>\n"
    "    %op = offset %ov, %idx : tile<8xptr<i32>>, tile<8xi32> -> tile<8xptr<i32>>\n"
    "    %t = store_ptr_tko weak %op, %v : tile<8xptr<i32>>, tile<8xi32> -> token\n"
    "  }\n}\n";
  struct kt k;
  kt_load(&k, text);
  int r = kt_array(&k, NULL, 12 * 8 * 4);
  kt_ok(&k, 2, 3, 2);
  const int32_t *got = kt_host(&k, r);
  for (int z = 0; z < 2; z++)
    for (int y = 0; y < 3; y++)
      for (int x = 0; x < 2; x++) {
        int lin = (z * 3 + y) * 2 + x;
        const int32_t want[8] = { x, y, z, lin, 2, 3, 2, lin };
        same_bits("block ids", got + lin * 8, want, 8, 4);
      }
  kt_free(&k);
}
END_TEST

/* ---- memory: pointers ---- */

/* Masked loads take the padding operand (or 0 without one); masked
** stores leave memory alone. */
START_TEST(mem_ptr_mask) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%in: tile<ptr<i32>>, %out: tile<ptr<i32>>) {\n"
    "    %i = iota : tile<8xi32>\n"
    "    %three = constant <i32: 3> : tile<8xi32>\n"
    "    %two = constant <i32: 2> : tile<8xi32>\n"
    "    %one = constant <i32: 1> : tile<8xi32>\n"
    "    %r = remi %i, %three signed : tile<8xi32>\n"
    "    %m = cmpi not_equal %r, %one, signed : tile<8xi32> -> tile<8xi1>\n"
    "    %pad = constant <i32: [-1, -2, -3, -4, -5, -6, -7, -8]> : tile<8xi32>\n"
    "    %p1 = reshape %in : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %pv = broadcast %p1 : tile<1xptr<i32>> -> tile<8xptr<i32>>\n"
    "    %pp = offset %pv, %i : tile<8xptr<i32>>, tile<8xi32> -> tile<8xptr<i32>>\n"
    "    %v, %t0 = load_ptr_tko weak %pp, %m, %pad : tile<8xptr<i32>>, tile<8xi1>, tile<8xi32> -> tile<8xi32>, token\n"
    "    %w, %t1 = load_ptr_tko weak %pp, %m : tile<8xptr<i32>>, tile<8xi1> -> tile<8xi32>, token\n"
    "    %o1 = reshape %out : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %ov = broadcast %o1 : tile<1xptr<i32>> -> tile<8xptr<i32>>\n"
    "    %op = offset %ov, %i : tile<8xptr<i32>>, tile<8xi32> -> tile<8xptr<i32>>\n"
    "    %eight = constant <i32: 8> : tile<8xi32>\n"
    "    %i8 = addi %i, %eight : tile<8xi32>\n"
    "    %op2 = offset %ov, %i8 : tile<8xptr<i32>>, tile<8xi32> -> tile<8xptr<i32>>\n"
    "    %t2 = store_ptr_tko weak %op, %v : tile<8xptr<i32>>, tile<8xi32> -> token\n"
    "    %t3 = store_ptr_tko weak %op2, %w, %m : tile<8xptr<i32>>, tile<8xi32>, tile<8xi1> -> token\n"
    "  }\n}\n";
  int32_t in[8], init[16];
  for (int i = 0; i < 8; i++) in[i] = 100 + i;
  for (int i = 0; i < 16; i++) init[i] = 7777;
  struct kt k;
  kt_load(&k, text);
  kt_array(&k, in, sizeof in);
  int r = kt_array(&k, init, sizeof init);
  kt_ok(&k, 1, 1, 1);
  /* lanes 1, 4, 7 are masked off */
  static const int32_t want[16] = { 100, -2, 102, 103, -5, 105, 106, -8,
                                    100, 7777, 102, 103, 7777, 105, 106, 7777 };
  same_bits("masked load and store", kt_host(&k, r), want, 16, 4);
  kt_free(&k);
}
END_TEST

/* Out of bounds through pointers: the op, the element and how far. */
START_TEST(mem_ptr_oob) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%in: tile<ptr<f32>>, %off: tile<i32>, %out: tile<ptr<f32>>) {\n"
    "    %i = iota : tile<4xi32>\n"
    "    %o = reshape %off : tile<i32> -> tile<1xi32>\n"
    "    %ob = broadcast %o : tile<1xi32> -> tile<4xi32>\n"
    "    %idx = addi %i, %ob : tile<4xi32>\n"
    "    %p1 = reshape %in : tile<ptr<f32>> -> tile<1xptr<f32>>\n"
    "    %pv = broadcast %p1 : tile<1xptr<f32>> -> tile<4xptr<f32>>\n"
    "    %pp = offset %pv, %idx : tile<4xptr<f32>>, tile<4xi32> -> tile<4xptr<f32>>\n"
    "    %v, %t0 = load_ptr_tko weak %pp : tile<4xptr<f32>> -> tile<4xf32>, token\n"
    "    %q1 = reshape %out : tile<ptr<f32>> -> tile<1xptr<f32>>\n"
    "    %qv = broadcast %q1 : tile<1xptr<f32>> -> tile<4xptr<f32>>\n"
    "    %qp = offset %qv, %idx : tile<4xptr<f32>>, tile<4xi32> -> tile<4xptr<f32>>\n"
    "    %t1 = store_ptr_tko weak %qp, %v : tile<4xptr<f32>>, tile<4xf32> -> token\n"
    "  }\n}\n";
  float in[4] = { 1, 2, 3, 4 };
  struct kt k;
  kt_load(&k, text);
  kt_array(&k, in, sizeof in);
  kt_scalar(&k, 2);
  kt_array(&k, NULL, 8 * 4);
  kt_fails(&k, 1, "load out of bounds: element [2] address");
  ck_assert_msg(strstr(k.err.msg, "is 4 bytes past the end of 'arg' (16 bytes at"), "%s", k.err.msg);
  kt_free(&k);
  kt_load(&k, text);
  kt_array(&k, in, sizeof in);
  kt_scalar(&k, (uint32_t)-1);
  kt_array(&k, NULL, 8 * 4);
  kt_fails(&k, 1, "load out of bounds: element [0]");
  ck_assert_msg(strstr(k.err.msg, "4 bytes before the start of 'arg'"), "%s", k.err.msg);
  kt_free(&k);
  /* the load is in bounds, the store (into 2 elements) is not */
  kt_load(&k, text);
  kt_array(&k, in, sizeof in);
  kt_scalar(&k, 0);
  kt_array(&k, NULL, 2 * 4);
  kt_fails(&k, 1, "store out of bounds: element [2]");
  kt_free(&k);
}
END_TEST

/* ---- memory: views ---- */

/* A 5x6 f32 tensor (values 0..29, row-major) in 4x4 tiles: the tile at
** [1,1] holds rows 4..7 and columns 4..7, of which only [4,4] and [4,5]
** exist; the rest is the padding value. */
static void check_padding(const char *pad, uint32_t want_pad) {
  char text[4096];
  snprintf(text, sizeof text,
    "cuda_tile.module @t {\n"
    "  entry @k(%%in: tile<ptr<f32>>, %%i: tile<i32>, %%j: tile<i32>, %%out: tile<ptr<f32>>) {\n"
    "    %%tv = make_tensor_view %%in, shape = [5, 6], strides = [6, 1] : tensor_view<5x6xf32, strides=[6,1]>\n"
    "    %%pv = make_partition_view %%tv : partition_view<tile=(4x4)%s, tensor_view<5x6xf32, strides=[6,1]>>\n"
    "    %%v, %%t0 = load_view_tko weak %%pv[%%i, %%j] : partition_view<tile=(4x4)%s, tensor_view<5x6xf32, strides=[6,1]>>, tile<i32> -> tile<4x4xf32>, token\n"
    "    %%v16 = reshape %%v : tile<4x4xf32> -> tile<16xf32>\n"
    "    %%k = iota : tile<16xi32>\n"
    "    %%o1 = reshape %%out : tile<ptr<f32>> -> tile<1xptr<f32>>\n"
    "    %%ov = broadcast %%o1 : tile<1xptr<f32>> -> tile<16xptr<f32>>\n"
    "    %%op = offset %%ov, %%k : tile<16xptr<f32>>, tile<16xi32> -> tile<16xptr<f32>>\n"
    "    %%t1 = store_ptr_tko weak %%op, %%v16 : tile<16xptr<f32>>, tile<16xf32> -> token\n"
    "  }\n}\n", pad, pad);
  float in[30];
  for (int i = 0; i < 30; i++) in[i] = (float)i;
  struct kt k;
  kt_load(&k, text);
  kt_array(&k, in, sizeof in);
  kt_scalar(&k, 1);
  kt_scalar(&k, 1);
  int r = kt_array(&k, NULL, 16 * 4);
  kt_ok(&k, 1, 1, 1);
  uint32_t want[16];
  for (int i = 0; i < 16; i++) want[i] = want_pad;
  float v28 = 28, v29 = 29;
  memcpy(&want[0], &v28, 4);
  memcpy(&want[1], &v29, 4);
  char what[64];
  same_bits(fmt(what, sizeof what, "partial tile, padding '%s'", pad), kt_host(&k, r), want, 16, 4);
  /* the full tile [0,0] has no padding */
  kt_free(&k);
  kt_load(&k, text);
  kt_array(&k, in, sizeof in);
  kt_scalar(&k, 0);
  kt_scalar(&k, 0);
  r = kt_array(&k, NULL, 16 * 4);
  kt_ok(&k, 1, 1, 1);
  float full[16];
  for (int i = 0; i < 16; i++) full[i] = (float)(i / 4 * 6 + i % 4);
  same_bits("full tile", kt_host(&k, r), full, 16, 4);
  kt_free(&k);
}

START_TEST(view_padding) {
  check_padding("", 0);                      /* none: tilesim gives zeros */
  check_padding(", padding_value = zero", PZ);
  check_padding(", padding_value = neg_zero", NZ);
  check_padding(", padding_value = nan", CNAN);
  check_padding(", padding_value = pos_inf", PINF);
  check_padding(", padding_value = neg_inf", NINF);
}
END_TEST

/* Stores through a view write only the elements inside the tensor (the
** tensor fills its allocation exactly, so a stray write is an error). */
START_TEST(view_store_edge) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%out: tile<ptr<i32>>, %m: tile<i64>, %n: tile<i64>) {\n"
    "    %tv = make_tensor_view %out, shape = [%m, %n], strides = [%n, 1] : tile<i64> -> tensor_view<?x?xi32, strides=[?,1]>\n"
    "    %pv = make_partition_view %tv : partition_view<tile=(4x4), tensor_view<?x?xi32, strides=[?,1]>>\n"
    "    %nb:2 = get_index_space_shape %pv : partition_view<tile=(4x4), tensor_view<?x?xi32, strides=[?,1]>> -> tile<i32>\n"
    "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
    "    %bi = divi %x, %nb#1 signed : tile<i32>\n"
    "    %bj = remi %x, %nb#1 signed : tile<i32>\n"
    "    %i = iota : tile<16xi32>\n"
    "    %t = reshape %i : tile<16xi32> -> tile<4x4xi32>\n"
    "    %h = constant <i32: 1000> : tile<i32>\n"
    "    %xh = muli %x, %h : tile<i32>\n"
    "    %x1 = reshape %xh : tile<i32> -> tile<1x1xi32>\n"
    "    %xb = broadcast %x1 : tile<1x1xi32> -> tile<4x4xi32>\n"
    "    %v = addi %t, %xb : tile<4x4xi32>\n"
    "    %t1 = store_view_tko weak %v, %pv[%bi, %bj] : tile<4x4xi32>, partition_view<tile=(4x4), tensor_view<?x?xi32, strides=[?,1]>>, tile<i32> -> token\n"
    "  }\n}\n";
  /* a 5x6 tensor: 2x2 tiles, one block each */
  struct kt k;
  kt_load(&k, text);
  int r = kt_array(&k, NULL, 30 * 4);
  kt_scalar(&k, 5);
  kt_scalar(&k, 6);
  kt_ok(&k, 4, 1, 1);
  int32_t want[30];
  for (int row = 0; row < 5; row++)
    for (int col = 0; col < 6; col++) {
      int blk = (row / 4) * 2 + col / 4;
      want[row * 6 + col] = blk * 1000 + (row % 4) * 4 + col % 4;
    }
  same_bits("edge tiles stored", kt_host(&k, r), want, 30, 4);
  kt_free(&k);
}
END_TEST

/* dim_map=[1,0]: tile dim 0 runs along tensor dim 1.  A 4x16 tensor in
** 4x2 tiles: index space (16/4) x (4/2) = 4x2; element [a,b] of tile
** [3,1] is tensor [1*2+b, 3*4+a]. */
START_TEST(view_dim_map) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%in: tile<ptr<i32>>, %out: tile<ptr<i32>>) {\n"
    "    %tv = make_tensor_view %in, shape = [4, 16], strides = [16, 1] : tensor_view<4x16xi32, strides=[16,1]>\n"
    "    %pv = make_partition_view %tv : partition_view<tile=(4x2), tensor_view<4x16xi32, strides=[16,1]>, dim_map=[1, 0]>\n"
    "    %e0, %e1 = get_index_space_shape %pv : partition_view<tile=(4x2), tensor_view<4x16xi32, strides=[16,1]>, dim_map=[1, 0]> -> tile<i32>\n"
    "    %s0, %s1 = get_tensor_shape %tv : tensor_view<4x16xi32, strides=[16,1]> -> tile<i32>\n"
    "    %i = constant <i32: 3> : tile<i32>\n"
    "    %j = constant <i32: 1> : tile<i32>\n"
    "    %v, %t0 = load_view_tko weak %pv[%i, %j] : partition_view<tile=(4x2), tensor_view<4x16xi32, strides=[16,1]>, dim_map=[1, 0]>, tile<i32> -> tile<4x2xi32>, token\n"
    "    %v8 = reshape %v : tile<4x2xi32> -> tile<8xi32>\n"
    "    %a = reshape %e0 : tile<i32> -> tile<1xi32>\n"
    "    %b = reshape %e1 : tile<i32> -> tile<1xi32>\n"
    "    %c = reshape %s0 : tile<i32> -> tile<1xi32>\n"
    "    %d = reshape %s1 : tile<i32> -> tile<1xi32>\n"
    "    %ab = cat %a, %b dim = 0 : tile<1xi32>, tile<1xi32> -> tile<2xi32>\n"
    "    %cd = cat %c, %d dim = 0 : tile<1xi32>, tile<1xi32> -> tile<2xi32>\n"
    "    %abcd = cat %ab, %cd dim = 0 : tile<2xi32>, tile<2xi32> -> tile<4xi32>\n"
    "    %z4 = constant <i32: 0> : tile<4xi32>\n"
    "    %sh = cat %abcd, %z4 dim = 0 : tile<4xi32>, tile<4xi32> -> tile<8xi32>\n"
    "    %all = cat %v8, %sh dim = 0 : tile<8xi32>, tile<8xi32> -> tile<16xi32>\n"
    "    %k = iota : tile<16xi32>\n"
    "    %o1 = reshape %out : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %ov = broadcast %o1 : tile<1xptr<i32>> -> tile<16xptr<i32>>\n"
    "    %op = offset %ov, %k : tile<16xptr<i32>>, tile<16xi32> -> tile<16xptr<i32>>\n"
    "    %t1 = store_ptr_tko weak %op, %all : tile<16xptr<i32>>, tile<16xi32> -> token\n"
    "  }\n}\n";
  int32_t in[64];
  iota32(in, 64);
  struct kt k;
  kt_load(&k, text);
  kt_array(&k, in, sizeof in);
  int r = kt_array(&k, NULL, 16 * 4);
  kt_ok(&k, 1, 1, 1);
  int32_t want[16] = {0};
  for (int a = 0; a < 4; a++)
    for (int b = 0; b < 2; b++) want[a * 2 + b] = (2 + b) * 16 + 12 + a;
  want[8] = 4; want[9] = 2; want[10] = 4; want[11] = 16;
  same_bits("dim_map load and shapes", kt_host(&k, r), want, 16, 4);
  kt_free(&k);
}
END_TEST

/* strided_view: tile origins step by traversal_strides (1, 3) over a 4x16
** tensor: index space 4 x ceil(16/3) = 4x6; element [a,b] of tile [i,j]
** is tensor [i+a, 3j+b], padding (zero) past the edges. */
START_TEST(view_strided) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%in: tile<ptr<i32>>, %i: tile<i32>, %j: tile<i32>, %out: tile<ptr<i32>>) {\n"
    "    %tv = make_tensor_view %in, shape = [4, 16], strides = [16, 1] : tensor_view<4x16xi32, strides=[16,1]>\n"
    "    %sv = make_strided_view %tv : strided_view<tile=(2x4), traversal_strides=[1,3], padding_value = zero, tensor_view<4x16xi32, strides=[16,1]>>\n"
    "    %e0, %e1 = get_index_space_shape %sv : strided_view<tile=(2x4), traversal_strides=[1,3], padding_value = zero, tensor_view<4x16xi32, strides=[16,1]>> -> tile<i32>\n"
    "    %v, %t0 = load_view_tko weak %sv[%i, %j] : strided_view<tile=(2x4), traversal_strides=[1,3], padding_value = zero, tensor_view<4x16xi32, strides=[16,1]>>, tile<i32> -> tile<2x4xi32>, token\n"
    "    %v8 = reshape %v : tile<2x4xi32> -> tile<8xi32>\n"
    "    %a = reshape %e0 : tile<i32> -> tile<1xi32>\n"
    "    %b = reshape %e1 : tile<i32> -> tile<1xi32>\n"
    "    %ab = cat %a, %b dim = 0 : tile<1xi32>, tile<1xi32> -> tile<2xi32>\n"
    "    %k = iota : tile<8xi32>\n"
    "    %o1 = reshape %out : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %ov = broadcast %o1 : tile<1xptr<i32>> -> tile<8xptr<i32>>\n"
    "    %op = offset %ov, %k : tile<8xptr<i32>>, tile<8xi32> -> tile<8xptr<i32>>\n"
    "    %t1 = store_ptr_tko weak %op, %v8 : tile<8xptr<i32>>, tile<8xi32> -> token\n"
    "    %k2 = iota : tile<2xi32>\n"
    "    %eight = constant <i32: 8> : tile<2xi32>\n"
    "    %k8 = addi %k2, %eight : tile<2xi32>\n"
    "    %o2 = broadcast %o1 : tile<1xptr<i32>> -> tile<2xptr<i32>>\n"
    "    %op2 = offset %o2, %k8 : tile<2xptr<i32>>, tile<2xi32> -> tile<2xptr<i32>>\n"
    "    %t2 = store_ptr_tko weak %op2, %ab : tile<2xptr<i32>>, tile<2xi32> -> token\n"
    "  }\n}\n";
  int32_t in[64];
  iota32(in, 64);
  const int32_t ij[3][2] = { { 1, 2 }, { 3, 5 }, { 0, 0 } };
  for (int c = 0; c < 3; c++) {
    struct kt k;
    kt_load(&k, text);
    kt_array(&k, in, sizeof in);
    kt_scalar(&k, (uint32_t)ij[c][0]);
    kt_scalar(&k, (uint32_t)ij[c][1]);
    int r = kt_array(&k, NULL, 10 * 4);
    kt_ok(&k, 1, 1, 1);
    int32_t want[10];
    for (int a = 0; a < 2; a++)
      for (int b = 0; b < 4; b++) {
        int row = ij[c][0] + a, col = 3 * ij[c][1] + b;
        want[a * 4 + b] = row < 4 && col < 16 ? row * 16 + col : 0;
      }
    want[8] = 4;
    want[9] = 6;
    same_bits("strided view", kt_host(&k, r), want, 10, 4);
    kt_free(&k);
  }
}
END_TEST

/* gather_scatter_view, sparse_dim 0: a 4-row tile picks tensor rows
** [7, 0, 3, 9] (9 is past the 8 rows: padding, and skipped by the
** scatter); columns come from tile index 2 of width 4. */
START_TEST(view_gather_scatter) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%in: tile<ptr<i32>>, %out: tile<ptr<i32>>, %copy: tile<ptr<i32>>) {\n"
    "    %tv = make_tensor_view %in, shape = [8, 16], strides = [16, 1] : tensor_view<8x16xi32, strides=[16,1]>\n"
    "    %gv = make_gather_scatter_view %tv : gather_scatter_view<tile=(4x4), padding_value = zero, tensor_view<8x16xi32, strides=[16,1]>, sparse_dim=0>\n"
    "    %rows = constant <i32: [7, 0, 3, 9]> : tile<4xi32>\n"
    "    %j = constant <i32: 2> : tile<i32>\n"
    "    %v, %t0 = load_view_tko weak %gv[%rows, %j] : gather_scatter_view<tile=(4x4), padding_value = zero, tensor_view<8x16xi32, strides=[16,1]>, sparse_dim=0>, tile<4xi32>, tile<i32> -> tile<4x4xi32>, token\n"
    "    %v16 = reshape %v : tile<4x4xi32> -> tile<16xi32>\n"
    "    %k = iota : tile<16xi32>\n"
    "    %o1 = reshape %out : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %ov = broadcast %o1 : tile<1xptr<i32>> -> tile<16xptr<i32>>\n"
    "    %op = offset %ov, %k : tile<16xptr<i32>>, tile<16xi32> -> tile<16xptr<i32>>\n"
    "    %t1 = store_ptr_tko weak %op, %v16 : tile<16xptr<i32>>, tile<16xi32> -> token\n"
    "    %cv = make_tensor_view %copy, shape = [8, 16], strides = [16, 1] : tensor_view<8x16xi32, strides=[16,1]>\n"
    "    %sv = make_gather_scatter_view %cv : gather_scatter_view<tile=(4x4), tensor_view<8x16xi32, strides=[16,1]>, sparse_dim=0>\n"
    "    %t2 = store_view_tko weak %v, %sv[%rows, %j] : tile<4x4xi32>, gather_scatter_view<tile=(4x4), tensor_view<8x16xi32, strides=[16,1]>, sparse_dim=0>, tile<4xi32>, tile<i32> -> token\n"
    "  }\n}\n";
  int32_t in[128];
  iota32(in, 128);
  struct kt k;
  kt_load(&k, text);
  kt_array(&k, in, sizeof in);
  int r = kt_array(&k, NULL, 16 * 4);
  int c = kt_array(&k, NULL, 128 * 4);
  kt_ok(&k, 1, 1, 1);
  static const int rows[4] = { 7, 0, 3, 9 };
  int32_t want[16], copy[128] = {0};
  for (int a = 0; a < 4; a++)
    for (int b = 0; b < 4; b++) {
      want[a * 4 + b] = rows[a] < 8 ? rows[a] * 16 + 8 + b : 0;
      if (rows[a] < 8) copy[rows[a] * 16 + 8 + b] = rows[a] * 16 + 8 + b;
    }
  same_bits("gather", kt_host(&k, r), want, 16, 4);
  same_bits("scatter", kt_host(&k, c), copy, 128, 4);
  kt_free(&k);
}
END_TEST

/* Dynamic shapes and strides: a column-major 3x5 tensor (strides [1, 3])
** read in 2x2 tiles; tile [1,2] holds rows 2..3, columns 4..5. */
START_TEST(view_dynamic_strides) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%in: tile<ptr<f64>>, %m: tile<i32>, %n: tile<i32>, %sr: tile<i32>, %sc: tile<i32>, %out: tile<ptr<f64>>) {\n"
    "    %tv = make_tensor_view %in, shape = [%m, %n], strides = [%sr, %sc] : tile<i32> -> tensor_view<?x?xf64, strides=[?,?]>\n"
    "    %pv = make_partition_view %tv : partition_view<tile=(2x2), padding_value = neg_inf, tensor_view<?x?xf64, strides=[?,?]>>\n"
    "    %i = constant <i32: 1> : tile<i32>\n"
    "    %j = constant <i32: 2> : tile<i32>\n"
    "    %v, %t0 = load_view_tko weak %pv[%i, %j] : partition_view<tile=(2x2), padding_value = neg_inf, tensor_view<?x?xf64, strides=[?,?]>>, tile<i32> -> tile<2x2xf64>, token\n"
    "    %v4 = reshape %v : tile<2x2xf64> -> tile<4xf64>\n"
    "    %k = iota : tile<4xi32>\n"
    "    %o1 = reshape %out : tile<ptr<f64>> -> tile<1xptr<f64>>\n"
    "    %ov = broadcast %o1 : tile<1xptr<f64>> -> tile<4xptr<f64>>\n"
    "    %op = offset %ov, %k : tile<4xptr<f64>>, tile<4xi32> -> tile<4xptr<f64>>\n"
    "    %t1 = store_ptr_tko weak %op, %v4 : tile<4xptr<f64>>, tile<4xf64> -> token\n"
    "  }\n}\n";
  double in[15];
  for (int i = 0; i < 15; i++) in[i] = i;      /* element [r,c] at r + 3c */
  struct kt k;
  kt_load(&k, text);
  kt_array(&k, in, sizeof in);
  kt_scalar(&k, 3);
  kt_scalar(&k, 5);
  kt_scalar(&k, 1);
  kt_scalar(&k, 3);
  int r = kt_array(&k, NULL, 4 * 8);
  kt_ok(&k, 1, 1, 1);
  /* [2,4] = 14; [2,5], [3,4], [3,5] are outside: -inf */
  const double want[4] = { 14, -INFINITY, -INFINITY, -INFINITY };
  same_bits("column-major dynamic view", kt_host(&k, r), want, 4, 8);
  kt_free(&k);
}
END_TEST

/* An index outside the index space is undefined: reported.  So is a
** tensor_view that claims more than its allocation, when an element
** inside the tensor lies outside the memory. */
START_TEST(view_errors) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%in: tile<ptr<f32>>, %m: tile<i32>, %i: tile<i32>, %j: tile<i32>) {\n"
    "    %tv = make_tensor_view %in, shape = [%m, 8], strides = [8, 1] : tile<i32> -> tensor_view<?x8xf32, strides=[8,1]>\n"
    "    %pv = make_partition_view %tv : partition_view<tile=(4x4), tensor_view<?x8xf32, strides=[8,1]>>\n"
    "    %v, %t0 = load_view_tko weak %pv[%i, %j] : partition_view<tile=(4x4), tensor_view<?x8xf32, strides=[8,1]>>, tile<i32> -> tile<4x4xf32>, token\n"
    "    %t1 = store_view_tko weak %v, %pv[%j, %i] : tile<4x4xf32>, partition_view<tile=(4x4), tensor_view<?x8xf32, strides=[8,1]>>, tile<i32> -> token\n"
    "  }\n}\n";
  float in[66] = {0};
  struct kt k;
  /* 8 rows: index space 2x2; [0,2] is outside */
  kt_load(&k, text);
  kt_array(&k, in, 64 * 4);
  kt_scalar(&k, 8); kt_scalar(&k, 0); kt_scalar(&k, 2);
  kt_fails(&k, 1, "view index 2 of dimension 1 is outside the index space [0, 2)");
  kt_free(&k);
  /* a negative index is a huge unsigned one */
  kt_load(&k, text);
  kt_array(&k, in, 64 * 4);
  kt_scalar(&k, 8); kt_scalar(&k, (uint32_t)-1); kt_scalar(&k, 0);
  kt_fails(&k, 1, "view index 4294967295 of dimension 0 is outside the index space");
  kt_free(&k);
  /* 12 rows claimed, 8 allocated: tile [2,0] reads row 8 */
  kt_load(&k, text);
  kt_array(&k, in, 64 * 4);
  kt_scalar(&k, 12); kt_scalar(&k, 2); kt_scalar(&k, 0);
  kt_fails(&k, 1, "load out of bounds: element [0,0]");
  ck_assert_msg(strstr(k.err.msg, "is 4 bytes past the end of 'arg' (256 bytes"), "%s", k.err.msg);
  kt_free(&k);
  /* 9 rows claimed, 8 rows and 2 elements allocated: row 8 of tile [2,0]
  ** is partly there, and the first element missing is [0,2] */
  kt_load(&k, text);
  kt_array(&k, in, 66 * 4);
  kt_scalar(&k, 9); kt_scalar(&k, 2); kt_scalar(&k, 0);
  kt_fails(&k, 1, "load out of bounds: element [0,2]");
  ck_assert_msg(strstr(k.err.msg, "is 4 bytes past the end of 'arg' (264 bytes"), "%s", k.err.msg);
  kt_free(&k);
  /* the same for a store */
  kt_load(&k,
    "cuda_tile.module @t {\n"
    "  entry @k(%in: tile<ptr<f32>>, %m: tile<i32>, %i: tile<i32>) {\n"
    "    %tv = make_tensor_view %in, shape = [%m, 8], strides = [8, 1] : tile<i32> -> tensor_view<?x8xf32, strides=[8,1]>\n"
    "    %pv = make_partition_view %tv : partition_view<tile=(4x4), tensor_view<?x8xf32, strides=[8,1]>>\n"
    "    %v = constant <f32: 1.0> : tile<4x4xf32>\n"
    "    %t1 = store_view_tko weak %v, %pv[%i, %i] : tile<4x4xf32>, partition_view<tile=(4x4), tensor_view<?x8xf32, strides=[8,1]>>, tile<i32> -> token\n"
    "  }\n}\n");
  kt_array(&k, in, 64 * 4);
  kt_scalar(&k, 12); kt_scalar(&k, 2);
  kt_fails(&k, 1, "index");   /* [2,2]: outside the index space (3x2) */
  kt_free(&k);
  kt_load(&k,
    "cuda_tile.module @t {\n"
    "  entry @k(%in: tile<ptr<f32>>, %m: tile<i32>, %i: tile<i32>) {\n"
    "    %tv = make_tensor_view %in, shape = [%m, 8], strides = [8, 1] : tile<i32> -> tensor_view<?x8xf32, strides=[8,1]>\n"
    "    %pv = make_partition_view %tv : partition_view<tile=(4x4), tensor_view<?x8xf32, strides=[8,1]>>\n"
    "    %v = constant <f32: 1.0> : tile<4x4xf32>\n"
    "    %z = constant <i32: 0> : tile<i32>\n"
    "    %t1 = store_view_tko weak %v, %pv[%i, %z] : tile<4x4xf32>, partition_view<tile=(4x4), tensor_view<?x8xf32, strides=[8,1]>>, tile<i32> -> token\n"
    "  }\n}\n");
  kt_array(&k, in, 64 * 4);
  kt_scalar(&k, 12); kt_scalar(&k, 2);
  kt_fails(&k, 1, "store out of bounds: element [0,0]");
  kt_free(&k);
}
END_TEST

/* ---- atomics ---- */

/* 8 blocks add bid+1 to one counter; blocks without loops run whole, in
** grid order, so block k sees the sum of the blocks before it. */
START_TEST(atomic_rmw_grid) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%ctr: tile<ptr<i32>>, %out: tile<ptr<i32>>) {\n"
    "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    %v = addi %x, %one : tile<i32>\n"
    "    %old, %t = atomic_rmw_tko relaxed device %ctr, add, %v : tile<ptr<i32>>, tile<i32> -> tile<i32>, token\n"
    "    %p = offset %out, %x : tile<ptr<i32>>, tile<i32> -> tile<ptr<i32>>\n"
    "    %t2 = store_ptr_tko weak %p, %old : tile<ptr<i32>>, tile<i32> -> token\n"
    "  }\n}\n";
  for (int threads = 1; threads <= 2; threads++) {
    struct kt k;
    kt_load(&k, text);
    k.o.threads = threads;
    int c = kt_array(&k, NULL, 4);
    int r = kt_array(&k, NULL, 8 * 4);
    kt_ok(&k, 8, 1, 1);
    static const int32_t total[1] = { 36 }, olds[8] = { 0, 1, 3, 6, 10, 15, 21, 28 };
    same_bits("counter", kt_host(&k, c), total, 1, 4);
    same_bits("old values", kt_host(&k, r), olds, 8, 4);
    kt_free(&k);
  }
}
END_TEST

/* Every rmw mode on one tile of 8 pointers (lane 7 masked off). */
static void check_rmw(const char *mode, const int32_t *mem0, const int32_t *arg, const int32_t *want_mem) {
  char text[2048];
  snprintf(text, sizeof text,
    "cuda_tile.module @t {\n"
    "  entry @k(%%mem: tile<ptr<i32>>, %%arg: tile<ptr<i32>>, %%old: tile<ptr<i32>>) {\n"
    "    %%i = iota : tile<8xi32>\n"
    "    %%seven = constant <i32: 7> : tile<8xi32>\n"
    "    %%m = cmpi less_than %%i, %%seven, signed : tile<8xi32> -> tile<8xi1>\n"
    "    %%a1 = reshape %%arg : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %%av = broadcast %%a1 : tile<1xptr<i32>> -> tile<8xptr<i32>>\n"
    "    %%ap = offset %%av, %%i : tile<8xptr<i32>>, tile<8xi32> -> tile<8xptr<i32>>\n"
    "    %%a, %%t0 = load_ptr_tko weak %%ap : tile<8xptr<i32>> -> tile<8xi32>, token\n"
    "    %%m1 = reshape %%mem : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %%mv = broadcast %%m1 : tile<1xptr<i32>> -> tile<8xptr<i32>>\n"
    "    %%mp = offset %%mv, %%i : tile<8xptr<i32>>, tile<8xi32> -> tile<8xptr<i32>>\n"
    "    %%r, %%t1 = atomic_rmw_tko relaxed device %%mp, %s, %%a, %%m : tile<8xptr<i32>>, tile<8xi32>, tile<8xi1> -> tile<8xi32>, token\n"
    "    %%o1 = reshape %%old : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %%ov = broadcast %%o1 : tile<1xptr<i32>> -> tile<8xptr<i32>>\n"
    "    %%op = offset %%ov, %%i : tile<8xptr<i32>>, tile<8xi32> -> tile<8xptr<i32>>\n"
    "    %%t2 = store_ptr_tko weak %%op, %%r : tile<8xptr<i32>>, tile<8xi32> -> token\n"
    "  }\n}\n", mode);
  struct kt k;
  kt_load(&k, text);
  int m = kt_array(&k, mem0, 32);
  kt_array(&k, arg, 32);
  int o = kt_array(&k, NULL, 32);
  kt_ok(&k, 1, 1, 1);
  int32_t old[8];
  memcpy(old, mem0, 28);
  old[7] = arg[7];                            /* a masked lane returns its argument */
  char what[64];
  same_bits(fmt(what, sizeof what, "rmw %s: memory", mode), kt_host(&k, m), want_mem, 8, 4);
  same_bits(fmt(what, sizeof what, "rmw %s: old values", mode), kt_host(&k, o), old, 8, 4);
  kt_free(&k);
}

START_TEST(atomic_rmw_modes) {
  static const int32_t mem0[8] = { 5, -5, 0x0F0F, INT32_MIN, 7, -1, 100, 42 };
  static const int32_t arg[8] = { 3, 3, 0x00FF, -1, -7, 1, 100, 9 };
  static const int32_t w_add[8] = { 8, -2, 0x100E, INT32_MAX, 0, 0, 200, 42 };
  static const int32_t w_and[8] = { 1, 3, 0x000F, INT32_MIN, 1, 1, 100, 42 };
  static const int32_t w_or[8] = { 7, -5, 0x0FFF, -1, -1, -1, 100, 42 };
  static const int32_t w_xor[8] = { 6, -8, 0x0FF0, INT32_MAX, -2, -2, 0, 42 };
  static const int32_t w_max[8] = { 5, 3, 0x0F0F, -1, 7, 1, 100, 42 };
  static const int32_t w_min[8] = { 3, -5, 0x00FF, INT32_MIN, -7, -1, 100, 42 };
  static const int32_t w_umax[8] = { 5, -5, 0x0F0F, -1, -7, -1, 100, 42 };
  static const int32_t w_umin[8] = { 3, 3, 0x00FF, INT32_MIN, 7, 1, 100, 42 };
  static const int32_t w_xchg[8] = { 3, 3, 0x00FF, -1, -7, 1, 100, 42 };
  check_rmw("add", mem0, arg, w_add);
  check_rmw("and", mem0, arg, w_and);
  check_rmw("or", mem0, arg, w_or);
  check_rmw("xor", mem0, arg, w_xor);
  check_rmw("max", mem0, arg, w_max);
  check_rmw("min", mem0, arg, w_min);
  check_rmw("umax", mem0, arg, w_umax);
  check_rmw("umin", mem0, arg, w_umin);
  check_rmw("xchg", mem0, arg, w_xchg);
}
END_TEST

/* addf rounds to nearest even in the element type (f16 here: 2048 + 1
** is a tie, to even 2048; 2048 + 3 goes to 2052). */
START_TEST(atomic_rmw_addf) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%mem: tile<ptr<f16>>, %old: tile<ptr<f16>>) {\n"
    "    %i = iota : tile<4xi32>\n"
    "    %a = constant <f16: [1.0, 3.0, -0.0, 0x7E00]> : tile<4xf16>\n"
    "    %m1 = reshape %mem : tile<ptr<f16>> -> tile<1xptr<f16>>\n"
    "    %mv = broadcast %m1 : tile<1xptr<f16>> -> tile<4xptr<f16>>\n"
    "    %mp = offset %mv, %i : tile<4xptr<f16>>, tile<4xi32> -> tile<4xptr<f16>>\n"
    "    %r, %t1 = atomic_rmw_tko relaxed device %mp, addf, %a : tile<4xptr<f16>>, tile<4xf16> -> tile<4xf16>, token\n"
    "    %o1 = reshape %old : tile<ptr<f16>> -> tile<1xptr<f16>>\n"
    "    %ov = broadcast %o1 : tile<1xptr<f16>> -> tile<4xptr<f16>>\n"
    "    %op = offset %ov, %i : tile<4xptr<f16>>, tile<4xi32> -> tile<4xptr<f16>>\n"
    "    %t2 = store_ptr_tko weak %op, %r : tile<4xptr<f16>>, tile<4xf16> -> token\n"
    "  }\n}\n";
  uint16_t mem0[4] = { 0x6800 /* 2048 */, 0x6800, 0x0000, 0x3C00 };
  static const uint16_t want[4] = { 0x6800, 0x6802, 0x0000, 0x7FFF };
  struct kt k;
  kt_load(&k, text);
  int m = kt_array(&k, mem0, sizeof mem0);
  int o = kt_array(&k, NULL, sizeof mem0);
  kt_ok(&k, 1, 1, 1);
  same_bits("f16 atomic addf", kt_host(&k, m), want, 4, 2);
  same_bits("f16 atomic addf old", kt_host(&k, o), mem0, 4, 2);
  kt_free(&k);
}
END_TEST

/* cas compares bit patterns; masked lanes return cmp. */
START_TEST(atomic_cas) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%mem: tile<ptr<f32>>, %old: tile<ptr<f32>>) {\n"
    "    %i = iota : tile<4xi32>\n"
    "    %cmp = constant <f32: [1.0, 0x7FC00000, -0.0, 5.0]> : tile<4xf32>\n"
    "    %val = constant <f32: [10.0, 20.0, 30.0, 40.0]> : tile<4xf32>\n"
    "    %m = constant <i1: [1, 1, 1, 0]> : tile<4xi1>\n"
    "    %m1 = reshape %mem : tile<ptr<f32>> -> tile<1xptr<f32>>\n"
    "    %mv = broadcast %m1 : tile<1xptr<f32>> -> tile<4xptr<f32>>\n"
    "    %mp = offset %mv, %i : tile<4xptr<f32>>, tile<4xi32> -> tile<4xptr<f32>>\n"
    "    %r, %t1 = atomic_cas_tko relaxed device %mp, %cmp, %val, %m : tile<4xptr<f32>>, tile<4xf32>, tile<4xi1> -> tile<4xf32>, token\n"
    "    %o1 = reshape %old : tile<ptr<f32>> -> tile<1xptr<f32>>\n"
    "    %ov = broadcast %o1 : tile<1xptr<f32>> -> tile<4xptr<f32>>\n"
    "    %op = offset %ov, %i : tile<4xptr<f32>>, tile<4xi32> -> tile<4xptr<f32>>\n"
    "    %t2 = store_ptr_tko weak %op, %r : tile<4xptr<f32>>, tile<4xf32> -> token\n"
    "  }\n}\n";
  /* [1.0 matches; NaN matches its own bits; +0 is not -0's bits; masked] */
  uint32_t mem0[4] = { ONE, QNAN, PZ, 0x40A00000 };
  static const uint32_t want[4] = { 0x41200000, 0x41A00000, PZ, 0x40A00000 };
  static const uint32_t olds[4] = { ONE, QNAN, PZ, 0x40A00000 /* cmp */ };
  struct kt k;
  kt_load(&k, text);
  int m = kt_array(&k, mem0, sizeof mem0);
  int o = kt_array(&k, NULL, sizeof mem0);
  kt_ok(&k, 1, 1, 1);
  same_bits("cas memory", kt_host(&k, m), want, 4, 4);
  same_bits("cas old", kt_host(&k, o), olds, 4, 4);
  kt_free(&k);
}
END_TEST

/* atomic_red_view_tko: 4 blocks each add a tile of (bid+1) to the tile
** [0,0] of a 4x4 view over a 2x2 tensor (3 of its elements are outside the
** tensor: skipped); and max through a strided view with overlapping tiles. */
START_TEST(atomic_red_view) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%mem: tile<ptr<i32>>, %mx: tile<ptr<i32>>) {\n"
    "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    %zero = constant <i32: 0> : tile<i32>\n"
    "    %b1 = addi %x, %one : tile<i32>\n"
    "    %b2 = reshape %b1 : tile<i32> -> tile<1x1xi32>\n"
    "    %v = broadcast %b2 : tile<1x1xi32> -> tile<4x4xi32>\n"
    "    %tv = make_tensor_view %mem, shape = [2, 2], strides = [2, 1] : tensor_view<2x2xi32, strides=[2,1]>\n"
    "    %pv = make_partition_view %tv : partition_view<tile=(4x4), tensor_view<2x2xi32, strides=[2,1]>>\n"
    "    %t0 = atomic_red_view_tko relaxed device %pv[%zero, %zero], add, %v : tile<4x4xi32>, partition_view<tile=(4x4), tensor_view<2x2xi32, strides=[2,1]>>, tile<i32> -> token\n"
    "    %mt = make_tensor_view %mx, shape = [8], strides = [1] : tensor_view<8xi32, strides=[1]>\n"
    "    %sv = make_strided_view %mt : strided_view<tile=(4), traversal_strides=[2], tensor_view<8xi32, strides=[1]>>\n"
    "    %i = iota : tile<4xi32>\n"
    "    %bb = reshape %b1 : tile<i32> -> tile<1xi32>\n"
    "    %bv = broadcast %bb : tile<1xi32> -> tile<4xi32>\n"
    "    %w = muli %i, %bv : tile<4xi32>\n"
    "    %t1 = atomic_red_view_tko relaxed device %sv[%x], max, %w : tile<4xi32>, strided_view<tile=(4), traversal_strides=[2], tensor_view<8xi32, strides=[1]>>, tile<i32> -> token\n"
    "  }\n}\n";
  struct kt k;
  kt_load(&k, text);
  int m = kt_array(&k, NULL, 4 * 4);
  int x = kt_array(&k, NULL, 8 * 4);
  kt_ok(&k, 4, 1, 1);
  static const int32_t want[4] = { 10, 10, 10, 10 };
  same_bits("red_view add", kt_host(&k, m), want, 4, 4);
  /* block b covers elements 2b..2b+3 with values (e-2b)*(b+1) */
  int32_t wmax[8] = {0};
  for (int b = 0; b < 4; b++)
    for (int e = 2 * b; e < 2 * b + 4 && e < 8; e++)
      if ((e - 2 * b) * (b + 1) > wmax[e]) wmax[e] = (e - 2 * b) * (b + 1);
  same_bits("red_view max through a strided view", kt_host(&k, x), wmax, 8, 4);
  kt_free(&k);
}
END_TEST

/* ---- globals, alloca, assert, print ---- */

START_TEST(globals) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  global @tab <i32: [10, 20, 30, 40]> : tile<4xi32>\n"
    "  global private constant @seven <i32: [7]> : tile<1xi32>\n"
    "  entry @k(%out: tile<ptr<i32>>) {\n"
    "    %g = get_global @tab : tile<ptr<i32>>\n"
    "    %c = get_global @seven : tile<ptr<i32>>\n"
    "    %i = iota : tile<4xi32>\n"
    "    %g1 = reshape %g : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %gv = broadcast %g1 : tile<1xptr<i32>> -> tile<4xptr<i32>>\n"
    "    %gp = offset %gv, %i : tile<4xptr<i32>>, tile<4xi32> -> tile<4xptr<i32>>\n"
    "    %v, %t0 = load_ptr_tko weak %gp : tile<4xptr<i32>> -> tile<4xi32>, token\n"
    "    %kv, %t1 = load_ptr_tko weak %c : tile<ptr<i32>> -> tile<i32>, token\n"
    "    %k1 = reshape %kv : tile<i32> -> tile<1xi32>\n"
    "    %kb = broadcast %k1 : tile<1xi32> -> tile<4xi32>\n"
    "    %s = addi %v, %kb : tile<4xi32>\n"
    /* a mutable global can be written and read back */
    "    %t2 = store_ptr_tko weak %gp, %s : tile<4xptr<i32>>, tile<4xi32> -> token\n"
    "    %w, %t3 = load_ptr_tko weak %gp token=%t2 : tile<4xptr<i32>> -> tile<4xi32>, token\n"
    "    %w2 = addi %w, %w : tile<4xi32>\n"
    "    %o1 = reshape %out : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %ov = broadcast %o1 : tile<1xptr<i32>> -> tile<4xptr<i32>>\n"
    "    %op = offset %ov, %i : tile<4xptr<i32>>, tile<4xi32> -> tile<4xptr<i32>>\n"
    "    %t4 = store_ptr_tko weak %op, %w2 : tile<4xptr<i32>>, tile<4xi32> -> token\n"
    "  }\n}\n";
  struct kt k;
  kt_load(&k, text);
  int r = kt_array(&k, NULL, 16);
  kt_ok(&k, 1, 1, 1);
  static const int32_t want[4] = { 34, 54, 74, 94 };
  same_bits("globals", kt_host(&k, r), want, 4, 4);
  kt_free(&k);
  /* a constant global is read-only */
  kt_load(&k,
    "cuda_tile.module @t {\n"
    "  global private constant @seven <i32: [7]> : tile<1xi32>\n"
    "  entry @k() {\n"
    "    %c = get_global @seven : tile<ptr<i32>>\n"
    "    %v = constant <i32: 1> : tile<i32>\n"
    "    %t = store_ptr_tko weak %c, %v : tile<ptr<i32>>, tile<i32> -> token\n"
    "  }\n}\n");
  kt_fails(&k, 1, "store to read-only memory");
  kt_free(&k);
}
END_TEST

/* alloca: fresh zeroed scratch for each tile block. */
START_TEST(alloca_scratch) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%out: tile<ptr<i32>>) {\n"
    "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
    "    %s = alloca num_elem = 8, alignment = 16 : tile<ptr<i32>>\n"
    "    %i = iota : tile<8xi32>\n"
    "    %s1 = reshape %s : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %sv = broadcast %s1 : tile<1xptr<i32>> -> tile<8xptr<i32>>\n"
    "    %sp = offset %sv, %i : tile<8xptr<i32>>, tile<8xi32> -> tile<8xptr<i32>>\n"
    "    %before, %t0 = load_ptr_tko weak %sp : tile<8xptr<i32>> -> tile<8xi32>, token\n"
    "    %x1 = reshape %x : tile<i32> -> tile<1xi32>\n"
    "    %xb = broadcast %x1 : tile<1xi32> -> tile<8xi32>\n"
    "    %v = addi %i, %xb : tile<8xi32>\n"
    "    %v2 = addi %v, %before : tile<8xi32>\n"
    "    %t1 = store_ptr_tko weak %sp, %v2 : tile<8xptr<i32>>, tile<8xi32> -> token\n"
    "    %back, %t2 = load_ptr_tko weak %sp token=%t1 : tile<8xptr<i32>> -> tile<8xi32>, token\n"
    "    %eight = constant <i32: 8> : tile<i32>\n"
    "    %base = muli %x, %eight : tile<i32>\n"
    "    %b1 = reshape %base : tile<i32> -> tile<1xi32>\n"
    "    %bb = broadcast %b1 : tile<1xi32> -> tile<8xi32>\n"
    "    %idx = addi %bb, %i : tile<8xi32>\n"
    "    %o1 = reshape %out : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %ov = broadcast %o1 : tile<1xptr<i32>> -> tile<8xptr<i32>>\n"
    "    %op = offset %ov, %idx : tile<8xptr<i32>>, tile<8xi32> -> tile<8xptr<i32>>\n"
    "    %t3 = store_ptr_tko weak %op, %back : tile<8xptr<i32>>, tile<8xi32> -> token\n"
    "  }\n}\n";
  struct kt k;
  kt_load(&k, text);
  int r = kt_array(&k, NULL, 3 * 8 * 4);
  kt_ok(&k, 3, 1, 1);
  int32_t want[24];
  for (int i = 0; i < 24; i++) want[i] = i % 8 + i / 8;
  same_bits("alloca", kt_host(&k, r), want, 24, 4);
  kt_free(&k);
}
END_TEST

/* alloca memory lives as long as its tile block: 2048 blocks of 64 KiB
** scratch each (128 MiB if none were given back) need only as many
** allocations as blocks are resident at once (at most 256), and each
** block still sees its scratch zeroed. */
START_TEST(alloca_reclaimed) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%out: tile<ptr<i32>>) {\n"
    "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
    "    %s = alloca num_elem = 16384, alignment = 16 : tile<ptr<i32>>\n"
    "    %before, %t0 = load_ptr_tko weak %s : tile<ptr<i32>> -> tile<i32>, token\n"
    "    %v = addi %before, %x : tile<i32>\n"
    "    %t1 = store_ptr_tko weak %s, %v : tile<ptr<i32>>, tile<i32> -> token\n"
    "    %back, %t2 = load_ptr_tko weak %s token=%t1 : tile<ptr<i32>> -> tile<i32>, token\n"
    "    %o = offset %out, %x : tile<ptr<i32>>, tile<i32> -> tile<ptr<i32>>\n"
    "    %t3 = store_ptr_tko weak %o, %back : tile<ptr<i32>>, tile<i32> -> token\n"
    "  }\n}\n";
  enum { N = 2048 };
  struct kt k;
  kt_load(&k, text);
  int r = kt_array(&k, NULL, N * 4);
  kt_ok(&k, N, 1, 1);
  ck_assert_msg(k.mem.n <= 1 + 256, "%d allocations after %d blocks with an alloca each", k.mem.n, N);
  const int32_t *got = kt_host(&k, r);
  for (int i = 0; i < N; i++) ck_assert_msg(got[i] == i, "block %d saw %d", i, got[i]);
  kt_free(&k);
}
END_TEST

START_TEST(assert_op) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%n: tile<i32>) {\n"
    "    %i8 = iota : tile<8xi32>\n"
    "    %i = reshape %i8 : tile<8xi32> -> tile<2x4xi32>\n"
    "    %n1 = reshape %n : tile<i32> -> tile<1x1xi32>\n"
    "    %nb = broadcast %n1 : tile<1x1xi32> -> tile<2x4xi32>\n"
    "    %ok = cmpi less_than %i, %nb, signed : tile<2x4xi32> -> tile<2x4xi1>\n"
    "    assert %ok, \"index below n\" : tile<2x4xi1>\n"
    "  }\n}\n";
  struct kt k;
  kt_load(&k, text);
  kt_scalar(&k, 8);
  kt_ok(&k, 2, 1, 1);
  kt_free(&k);
  kt_load(&k, text);
  kt_scalar(&k, 2);
  kt_fails(&k, 3, "assertion failed at element [0,2]: index below n");
  ck_assert_uint_eq(k.err.block[0], 0);       /* the first block in grid order */
  kt_free(&k);
}
END_TEST

/* print_tko: %d %u %x %f per element, tiles as [a, b], %% a percent; the
** text of all blocks in grid order. */
START_TEST(print_op) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%n: tile<i32>) {\n"
    "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
    "    %v = constant <f32: [1.5, -0.25]> : tile<2xf32>\n"
    "    %m = constant <i8: [-1, 16]> : tile<2xi8>\n"
    "    %t = print_tko \"b%d n=%d v=%f u=%u x=%x 100%%\\n\", %x, %n, %v, %m, %m : tile<i32>, tile<i32>, tile<2xf32>, tile<2xi8>, tile<2xi8> -> token\n"
    "  }\n}\n";
  struct kt k;
  kt_load(&k, text);
  kt_scalar(&k, (uint32_t)-3);
  k.o.threads = 2;
  kt_ok(&k, 3, 1, 1);
  const char *want =
    "b0 n=-3 v=[1.500000, -0.250000] u=[255, 16] x=[ff, 10] 100%\n"
    "b1 n=-3 v=[1.500000, -0.250000] u=[255, 16] x=[ff, 10] 100%\n"
    "b2 n=-3 v=[1.500000, -0.250000] u=[255, 16] x=[ff, 10] 100%\n";
  ck_assert_msg(k.printed.s && !strcmp(k.printed.s, want), "printed:\n%s", k.printed.s ? k.printed.s : "(nothing)");
  kt_free(&k);
}
END_TEST

/* The text of print_tko comes "in grid order" (sim.h): all of block 0,
** then block 1 -- also when the prints are in a loop. */
START_TEST(print_in_loop) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k() {\n"
    "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
    "    %zero = constant <i32: 0> : tile<i32>\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    %two = constant <i32: 2> : tile<i32>\n"
    "    loop iter_values(%i = %zero) : tile<i32> {\n"
    "      %done = cmpi equal %i, %two, signed : tile<i32> -> tile<i1>\n"
    "      if %done {\n"
    "        break\n"
    "      }\n"
    "      %t = print_tko \"b%d i%d\\n\", %x, %i : tile<i32>, tile<i32> -> token\n"
    "      %i2 = addi %i, %one : tile<i32>\n"
    "      continue %i2 : tile<i32>\n"
    "    }\n"
    "  }\n}\n";
  struct kt k;
  kt_load(&k, text);
  kt_ok(&k, 2, 1, 1);
  const char *want = "b0 i0\nb0 i1\nb1 i0\nb1 i1\n";
  ck_assert_msg(k.printed.s && !strcmp(k.printed.s, want), "printed:\n%s", k.printed.s ? k.printed.s : "(nothing)");
  kt_free(&k);
}
END_TEST

/* ---- mma: small integers, where every model is exact ---- */

START_TEST(mma_exact_values) {
  /* C = acc + A @ B with A 4x8, B 8x4 of small integers in f16 */
  uint16_t a[32], b[32];
  float acc[16], want[16];
  int av[32], bv[32];
  for (int i = 0; i < 32; i++) {
    av[i] = (i * 7) % 11 - 5;
    bv[i] = (i * 5) % 9 - 4;
    a[i] = (uint16_t)narrow(&F16, av[i], R_NE);
    b[i] = (uint16_t)narrow(&F16, bv[i], R_NE);
  }
  for (int i = 0; i < 16; i++) acc[i] = (float)(i - 8);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) {
      int s = i * 4 + j - 8;
      for (int k = 0; k < 8; k++) s += av[i * 8 + k] * bv[k * 4 + j];
      want[i * 4 + j] = (float)s;
    }
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%pa: tile<ptr<f16>>, %pb: tile<ptr<f16>>, %pc: tile<ptr<f32>>) {\n"
    "    %i = iota : tile<32xi32>\n"
    "    %a1 = reshape %pa : tile<ptr<f16>> -> tile<1xptr<f16>>\n"
    "    %av = broadcast %a1 : tile<1xptr<f16>> -> tile<32xptr<f16>>\n"
    "    %ap = offset %av, %i : tile<32xptr<f16>>, tile<32xi32> -> tile<32xptr<f16>>\n"
    "    %a, %t0 = load_ptr_tko weak %ap : tile<32xptr<f16>> -> tile<32xf16>, token\n"
    "    %b1 = reshape %pb : tile<ptr<f16>> -> tile<1xptr<f16>>\n"
    "    %bv = broadcast %b1 : tile<1xptr<f16>> -> tile<32xptr<f16>>\n"
    "    %bp = offset %bv, %i : tile<32xptr<f16>>, tile<32xi32> -> tile<32xptr<f16>>\n"
    "    %b, %t1 = load_ptr_tko weak %bp : tile<32xptr<f16>> -> tile<32xf16>, token\n"
    "    %j = iota : tile<16xi32>\n"
    "    %c1 = reshape %pc : tile<ptr<f32>> -> tile<1xptr<f32>>\n"
    "    %cv = broadcast %c1 : tile<1xptr<f32>> -> tile<16xptr<f32>>\n"
    "    %cp = offset %cv, %j : tile<16xptr<f32>>, tile<16xi32> -> tile<16xptr<f32>>\n"
    "    %c, %t2 = load_ptr_tko weak %cp : tile<16xptr<f32>> -> tile<16xf32>, token\n"
    "    %a2 = reshape %a : tile<32xf16> -> tile<4x8xf16>\n"
    "    %b2 = reshape %b : tile<32xf16> -> tile<8x4xf16>\n"
    "    %c2 = reshape %c : tile<16xf32> -> tile<4x4xf32>\n"
    "    %d = mmaf %a2, %b2, %c2 : tile<4x8xf16>, tile<8x4xf16>, tile<4x4xf32>\n"
    "    %d1 = reshape %d : tile<4x4xf32> -> tile<16xf32>\n"
    "    %t3 = store_ptr_tko weak %cp, %d1 : tile<16xptr<f32>>, tile<16xf32> -> token\n"
    "  }\n}\n";
  for (int num = 0; num < 2; num++) {
    struct kt k;
    kt_load(&k, text);
    k.o.numerics = num ? NUM_EXACT : NUM_FMA;
    kt_array(&k, a, sizeof a);
    kt_array(&k, b, sizeof b);
    int c = kt_array(&k, acc, sizeof acc);
    kt_ok(&k, 1, 1, 1);
    same_bits(num ? "mmaf exact" : "mmaf fma", kt_host(&k, c), want, 16, 4);
    kt_free(&k);
  }
}
END_TEST

/* The two numerics differ where rounding between products matters:
** 1 + 2^-30 - 1 is 0 one product at a time, 2^-30 exactly. */
START_TEST(mma_numerics) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%out: tile<ptr<f32>>) {\n"
    "    %a = constant <f32: [[1.0, 0x30800000, -1.0, 0.0]]> : tile<1x4xf32>\n"
    "    %b = constant <f32: [[1.0], [1.0], [1.0], [1.0]]> : tile<4x1xf32>\n"
    "    %c = constant <f32: 0.0> : tile<1x1xf32>\n"
    "    %d = mmaf %a, %b, %c : tile<1x4xf32>, tile<4x1xf32>, tile<1x1xf32>\n"
    "    %d0 = reshape %d : tile<1x1xf32> -> tile<f32>\n"
    "    %t = store_ptr_tko weak %out, %d0 : tile<ptr<f32>>, tile<f32> -> token\n"
    "  }\n}\n";
  static const uint32_t fma_[1] = { PZ }, exact[1] = { 0x30800000 };
  for (int num = 0; num < 2; num++) {
    struct kt k;
    kt_load(&k, text);
    k.o.numerics = num ? NUM_EXACT : NUM_FMA;
    int r = kt_array(&k, NULL, 4);
    kt_ok(&k, 1, 1, 1);
    same_bits(num ? "exact" : "fma", kt_host(&k, r), num ? exact : fma_, 1, 4);
    kt_free(&k);
  }
}
END_TEST

/* mmai: i8 x i8 -> i32, each side signed or unsigned. */
START_TEST(mma_int) {
  static const char *text_fmt =
    "cuda_tile.module @t {\n"
    "  entry @k(%%out: tile<ptr<i32>>) {\n"
    "    %%a = constant <i8: [[-1, 2, -128, 127], [1, 1, 1, 1]]> : tile<2x4xi8>\n"
    "    %%b = constant <i8: [[-1, 3], [2, -2], [1, 0], [-128, 5]]> : tile<4x2xi8>\n"
    "    %%c = constant <i32: [[10, 20], [30, 40]]> : tile<2x2xi32>\n"
    "    %%d = mmai %%a, %%b, %%c %s %s : tile<2x4xi8>, tile<4x2xi8>, tile<2x2xi32>\n"
    "    %%d1 = reshape %%d : tile<2x2xi32> -> tile<4xi32>\n"
    "    %%i = iota : tile<4xi32>\n"
    "    %%o1 = reshape %%out : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %%ov = broadcast %%o1 : tile<1xptr<i32>> -> tile<4xptr<i32>>\n"
    "    %%op = offset %%ov, %%i : tile<4xptr<i32>>, tile<4xi32> -> tile<4xptr<i32>>\n"
    "    %%t = store_ptr_tko weak %%op, %%d1 : tile<4xptr<i32>>, tile<4xi32> -> token\n"
    "  }\n}\n";
  static const int8_t A[2][4] = { { -1, 2, -128, 127 }, { 1, 1, 1, 1 } };
  static const int8_t B[4][2] = { { -1, 3 }, { 2, -2 }, { 1, 0 }, { -128, 5 } };
  for (int sa = 0; sa < 2; sa++)
    for (int sb = 0; sb < 2; sb++) {
      char text[2048];
      snprintf(text, sizeof text, text_fmt, sa ? "signed" : "unsigned", sb ? "signed" : "unsigned");
      int32_t want[4];
      for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
          int64_t s = (i * 2 + j + 1) * 10;
          for (int k = 0; k < 4; k++)
            s += (int64_t)(sa ? A[i][k] : (uint8_t)A[i][k]) * (sb ? B[k][j] : (uint8_t)B[k][j]);
          want[i * 2 + j] = (int32_t)s;
        }
      struct kt k;
      kt_load(&k, text);
      int r = kt_array(&k, NULL, 16);
      kt_ok(&k, 1, 1, 1);
      same_bits(text + 0, kt_host(&k, r), want, 4, 4);
      kt_free(&k);
    }
}
END_TEST

/* ---- determinism: the bytes do not depend on the thread count ---- */

START_TEST(threads_same_bytes) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%in: tile<ptr<f32>>, %out: tile<ptr<f32>>) {\n"
    "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
    "    %tv = make_tensor_view %in, shape = [256, 64], strides = [64, 1] : tensor_view<256x64xf32, strides=[64,1]>\n"
    "    %pv = make_partition_view %tv : partition_view<tile=(8x64), tensor_view<256x64xf32, strides=[64,1]>>\n"
    "    %zero = constant <i32: 0> : tile<i32>\n"
    "    %v, %t0 = load_view_tko weak %pv[%x, %zero] : partition_view<tile=(8x64), tensor_view<256x64xf32, strides=[64,1]>>, tile<i32> -> tile<8x64xf32>, token\n"
    "    %m = reduce %v dim=1 identities=[0xFF800000 : f32] : tile<8x64xf32> -> tile<8xf32>\n"
    "    (%e: tile<f32>, %acc: tile<f32>) {\n"
    "      %r = maxf %e, %acc : tile<f32>\n"
    "      yield %r : tile<f32>\n"
    "    }\n"
    "    %m2 = reshape %m : tile<8xf32> -> tile<8x1xf32>\n"
    "    %mb = broadcast %m2 : tile<8x1xf32> -> tile<8x64xf32>\n"
    "    %d = subf %v, %mb : tile<8x64xf32>\n"
    "    %e = exp %d : tile<8x64xf32>\n"
    "    %s = scan %e dim=1 reverse=false identities=[0.0 : f32] : tile<8x64xf32> -> tile<8x64xf32>\n"
    "    (%a: tile<f32>, %b: tile<f32>) {\n"
    "      %r = addf %a, %b : tile<f32>\n"
    "      yield %r : tile<f32>\n"
    "    }\n"
    "    %q = divf %e, %s : tile<8x64xf32>\n"
    "    %ov = make_tensor_view %out, shape = [256, 64], strides = [64, 1] : tensor_view<256x64xf32, strides=[64,1]>\n"
    "    %op = make_partition_view %ov : partition_view<tile=(8x64), tensor_view<256x64xf32, strides=[64,1]>>\n"
    "    %t1 = store_view_tko weak %q, %op[%x, %zero] : tile<8x64xf32>, partition_view<tile=(8x64), tensor_view<256x64xf32, strides=[64,1]>>, tile<i32> -> token\n"
    "  }\n}\n";
  enum { N = 256 * 64 };
  float *in = malloc(N * sizeof *in), *first = malloc(N * sizeof *first);
  uint64_t s = 42;
  for (int i = 0; i < N; i++) in[i] = (float)((int64_t)(rng_next(&s) % 2001) - 1000) / 64.0f;
  for (int threads = 1; threads <= 4; threads *= 2) {
    struct kt k;
    kt_load(&k, text);
    k.o.threads = threads;
    kt_array(&k, in, N * sizeof *in);
    int r = kt_array(&k, NULL, N * sizeof *in);
    kt_ok(&k, 32, 1, 1);
    if (threads == 1) memcpy(first, kt_host(&k, r), N * sizeof *first);
    else ck_assert_msg(!memcmp(first, kt_host(&k, r), N * sizeof *first), "%d threads give other bytes", threads);
    kt_free(&k);
  }
  free(in);
  free(first);
}
END_TEST

/* The error reported is the first failing block's in grid order, with
** any thread count. */
START_TEST(threads_same_error) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%in: tile<ptr<i32>>) {\n"
    "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
    "    %p = offset %in, %x : tile<ptr<i32>>, tile<i32> -> tile<ptr<i32>>\n"
    "    %v, %t = load_ptr_tko weak %p : tile<ptr<i32>> -> tile<i32>, token\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    %q = divi %one, %v signed : tile<i32>\n"
    "  }\n}\n";
  int32_t in[64];
  for (int i = 0; i < 64; i++) in[i] = i % 13 == 5 ? 0 : 1;     /* blocks 5, 18, 31, ... fail */
  for (int threads = 1; threads <= 4; threads *= 2) {
    struct kt k;
    kt_load(&k, text);
    k.o.threads = threads;
    kt_array(&k, in, sizeof in);
    kt_fails(&k, 64, "integer division by zero");
    ck_assert_uint_eq(k.err.block[0], 5);
    kt_free(&k);
  }
}
END_TEST

/* Under the cooperative schedule (atomics) the error reported is also
** the first failing block's in grid order: block 0 runs a few loop
** iterations before it fails, block 1 fails at once. */
START_TEST(coop_same_error) {
  static const char *text =
    "cuda_tile.module @t {\n"
    "  entry @k(%p: tile<ptr<i32>>) {\n"
    "    %x, %y, %z = get_tile_block_id : tile<i32>\n"
    "    %zero = constant <i32: 0> : tile<i32>\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    %three = constant <i32: 3> : tile<i32>\n"
    "    %o, %t = atomic_rmw_tko relaxed device %p, add, %one : tile<ptr<i32>>, tile<i32> -> tile<i32>, token\n"
    "    %is0 = cmpi equal %x, %zero, signed : tile<i32> -> tile<i1>\n"
    "    %lim = select %is0, %three, %zero : tile<i1>, tile<i32>\n"
    "    %n = loop iter_values(%i = %zero) : tile<i32> -> tile<i32> {\n"
    "      %done = cmpi equal %i, %lim, signed : tile<i32> -> tile<i1>\n"
    "      if %done {\n"
    "        break %i : tile<i32>\n"
    "      }\n"
    "      %i2 = addi %i, %one : tile<i32>\n"
    "      continue %i2 : tile<i32>\n"
    "    }\n"
    "    %q = divi %one, %zero signed : tile<i32>\n"
    "  }\n}\n";
  struct kt k;
  kt_load(&k, text);
  kt_array(&k, NULL, 4);
  kt_fails(&k, 4, "integer division by zero");
  ck_assert_msg(k.err.block[0] == 0, "block %u reported, want 0", k.err.block[0]);
  kt_free(&k);
}
END_TEST

/* sim_launch checks the argument count itself. */
START_TEST(launch_arg_count) {
  struct kt k;
  kt_load(&k, "cuda_tile.module @t {\n  entry @k(%a: tile<i32>, %b: tile<i32>) {\n  }\n}\n");
  kt_scalar(&k, 1);
  int rc = kt_run(&k, 1, 1, 1);
  ck_assert_int_ne(rc, 0);
  ck_assert_msg(strstr(k.err.msg, "entry 'k' takes 2 arguments, 1 given"), "%s", k.err.msg);
  kt_free(&k);
}
END_TEST

/* A loop iteration that changes nothing would repeat forever: reported. */
START_TEST(loop_no_progress) {
  struct kt k;
  kt_load(&k,
    "cuda_tile.module @t {\n"
    "  entry @k(%n: tile<i32>) {\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    loop iter_values(%i = %n) : tile<i32> {\n"
    "      %big = cmpi greater_than %i, %one, signed : tile<i32> -> tile<i1>\n"
    "      if %big {\n"
    "        break\n"
    "      }\n"
    "      %j = muli %i, %i : tile<i32>\n"
    "      continue %j : tile<i32>\n"
    "    }\n"
    "  }\n}\n");
  kt_scalar(&k, 1);                   /* 1 * 1 = 1: stuck */
  kt_fails(&k, 1, "infinite loop");
  kt_free(&k);
  kt_load(&k,
    "cuda_tile.module @t {\n"
    "  entry @k(%n: tile<i32>) {\n"
    "    %one = constant <i32: 1> : tile<i32>\n"
    "    loop iter_values(%i = %n) : tile<i32> {\n"
    "      %big = cmpi greater_than %i, %one, signed : tile<i32> -> tile<i1>\n"
    "      if %big {\n"
    "        break\n"
    "      }\n"
    "      %j = addi %i, %i : tile<i32>\n"
    "      continue %j : tile<i32>\n"
    "    }\n"
    "  }\n}\n");
  kt_scalar(&k, 1);                   /* 1, 2: ends */
  kt_ok(&k, 1, 1, 1);
  kt_free(&k);
}
END_TEST

/* fpowi: an integer power, exact where the result is representable; an
** odd exponent keeps the sign of a negative base even past 2^24; i1 is
** signed (true is -1). */
START_TEST(math_fpowi) {
  uint32_t x[8] = { MONE, TWO, QNAN, MTWO, TWO, THREE, NZ, ONE }, r[8];
  int32_t n[8] = { 16777217, -3, 0, 3, -128, 4, 3, INT32_MIN };
  static const uint32_t want[8] = { MONE, 0x3E000000 /* 1/8 */, ONE, 0xC1000000 /* -8 */,
                                    0x00200000 /* 2^-128 */, 0x42A20000 /* 81 */, NZ, ONE };
  struct kt k;
  kt_load(&k,
    "cuda_tile.module @t {\n"
    "  entry @k(%px: tile<ptr<f32>>, %pn: tile<ptr<i32>>, %pr: tile<ptr<f32>>) {\n"
    "    %i = iota : tile<8xi32>\n"
    "    %x1 = reshape %px : tile<ptr<f32>> -> tile<1xptr<f32>>\n"
    "    %xv = broadcast %x1 : tile<1xptr<f32>> -> tile<8xptr<f32>>\n"
    "    %xp = offset %xv, %i : tile<8xptr<f32>>, tile<8xi32> -> tile<8xptr<f32>>\n"
    "    %x, %t0 = load_ptr_tko weak %xp : tile<8xptr<f32>> -> tile<8xf32>, token\n"
    "    %n1 = reshape %pn : tile<ptr<i32>> -> tile<1xptr<i32>>\n"
    "    %nv = broadcast %n1 : tile<1xptr<i32>> -> tile<8xptr<i32>>\n"
    "    %np = offset %nv, %i : tile<8xptr<i32>>, tile<8xi32> -> tile<8xptr<i32>>\n"
    "    %n, %t1 = load_ptr_tko weak %np : tile<8xptr<i32>> -> tile<8xi32>, token\n"
    "    %r = fpowi %x, %n : tile<8xf32>, tile<8xi32> -> tile<8xf32>\n"
    "    %r1 = reshape %pr : tile<ptr<f32>> -> tile<1xptr<f32>>\n"
    "    %rv = broadcast %r1 : tile<1xptr<f32>> -> tile<8xptr<f32>>\n"
    "    %rp = offset %rv, %i : tile<8xptr<f32>>, tile<8xi32> -> tile<8xptr<f32>>\n"
    "    %t2 = store_ptr_tko weak %rp, %r : tile<8xptr<f32>>, tile<8xf32> -> token\n"
    "  }\n}\n");
  kt_array(&k, x, sizeof x);
  kt_array(&k, n, sizeof n);
  int ri = kt_array(&k, NULL, sizeof r);
  kt_ok(&k, 1, 1, 1);
  same_bits("fpowi", kt_host(&k, ri), want, 8, 4);
  kt_free(&k);
  /* an i1 exponent: true is -1 */
  uint32_t h[2];
  static const uint32_t hw[2] = { HALF, ONE };
  ew("f32", "f32", 2, 0, "%x = constant <f32: 2.0> : tile<2xf32>\n"
     "    %b = constant <i1: [1, 0]> : tile<2xi1>\n"
     "    %r = fpowi %x, %b : tile<2xf32>, tile<2xi1> -> tile<2xf32>", NULL, NULL, NULL, h);
  same_bits("fpowi with i1", h, hw, 2, 4);
}
END_TEST

/* ---- the suite ---- */

Suite *suite_sim_ops(void) {
  Suite *s = suite_create("sim_ops");
  TCase *tc = tcase_create("ops");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, divi_signed);
  tcase_add_test(tc, divi_unsigned);
  tcase_add_test(tc, divi_narrow_wide);
  tcase_add_test(tc, remi_min_by_minus_one);
  tcase_add_test(tc, divi_errors);
  tcase_add_test(tc, int_wrap);
  tcase_add_test(tc, int_bitwise_minmax);
  tcase_add_test(tc, int_mulhi);
  tcase_add_test(tc, int_shifts);
  tcase_add_test(tc, int_cmp);
  tcase_add_test(tc, float_rounding);
  tcase_add_test(tc, float_ftz);
  tcase_add_test(tc, float_minmax);
  tcase_add_test(tc, float_cmp);
  tcase_add_test(tc, float_sign_round);
  tcase_add_test(tc, math_special);
  tcase_add_loop_test(tc, exp_half_types, 0, 4);
  tcase_add_loop_test(tc, reduce_fast_rows, 0, 3);
  tcase_add_test(tc, math_narrow);
  tcase_add_test(tc, select_op);
  tcase_add_test(tc, conv_int);
  tcase_add_test(tc, conv_ftof);
  tcase_add_test(tc, conv_ftoi);
  tcase_add_test(tc, conv_ftoi_errors);
  tcase_add_test(tc, conv_itof);
  tcase_add_test(tc, conv_bitcast);
  tcase_add_test(tc, shape_broadcast);
  tcase_add_test(tc, shape_permute_cat);
  tcase_add_test(tc, shape_extract_insert);
  tcase_add_test(tc, shape_extract_out_of_range);
  tcase_add_test(tc, shape_iota_constant);
  tcase_add_test(tc, shape_pack_unpack);
  tcase_add_test(tc, shape_pack_i1);
  tcase_add_test(tc, reduce_int);
  tcase_add_test(tc, reduce_i1_sum);
  tcase_add_test(tc, reduce_i1_signed);
  tcase_add_test(tc, reduce_float);
  tcase_add_test(tc, reduce_argmax);
  tcase_add_test(tc, reduce_swap);
  tcase_add_test(tc, scan_int);
  tcase_add_test(tc, scan_float);
  tcase_add_test(tc, ctl_for);
  tcase_add_test(tc, ctl_if_continue);
  tcase_add_test(tc, ctl_loop_break);
  tcase_add_test(tc, ctl_early_return);
  tcase_add_test(tc, ctl_grid);
  tcase_add_test(tc, mem_ptr_mask);
  tcase_add_test(tc, mem_ptr_oob);
  tcase_add_test(tc, view_padding);
  tcase_add_test(tc, view_store_edge);
  tcase_add_test(tc, view_dim_map);
  tcase_add_test(tc, view_strided);
  tcase_add_test(tc, view_gather_scatter);
  tcase_add_test(tc, view_dynamic_strides);
  tcase_add_test(tc, view_errors);
  tcase_add_test(tc, atomic_rmw_grid);
  tcase_add_test(tc, atomic_rmw_modes);
  tcase_add_test(tc, atomic_rmw_addf);
  tcase_add_test(tc, atomic_cas);
  tcase_add_test(tc, atomic_red_view);
  tcase_add_test(tc, globals);
  tcase_add_test(tc, alloca_scratch);
  tcase_add_test(tc, alloca_reclaimed);
  tcase_add_test(tc, assert_op);
  tcase_add_test(tc, print_op);
  tcase_add_test(tc, print_in_loop);
  tcase_add_test(tc, mma_exact_values);
  tcase_add_test(tc, mma_numerics);
  tcase_add_test(tc, mma_int);
  tcase_add_test(tc, threads_same_bytes);
  tcase_add_test(tc, threads_same_error);
  tcase_add_test(tc, coop_same_error);
  tcase_add_test(tc, launch_arg_count);
  tcase_add_test(tc, loop_no_progress);
  tcase_add_test(tc, math_fpowi);
  suite_add_tcase(s, tc);
  return s;
}
