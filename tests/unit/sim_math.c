/* sim_math.c -- unit tests: every function against the correctly rounded
** results of tests/unit/math_vectors.h (mpmath, gen_math_vectors.py),
** compared bit for bit. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_math.h"
#include "testlib.h"

#include "math_vectors.h"

enum { NFUNCS = sizeof MATH_FUNCS / sizeof MATH_FUNCS[0] };

static float f32(uint32_t b) {
  float f;
  memcpy(&f, &b, sizeof f);
  return f;
}

static double f64(uint64_t b) {
  double d;
  memcpy(&d, &b, sizeof d);
  return d;
}

static uint32_t b32(float f) {
  uint32_t b;
  memcpy(&b, &f, sizeof b);
  return b;
}

static uint64_t b64(double d) {
  uint64_t b;
  memcpy(&b, &d, sizeof b);
  return b;
}

/* Function fn of the table applied to x (and y), in f32 and in f64. */
static float call32(int fn, float x, float y) {
  switch (fn) {
  case 0: return sim_expf(x);
  case 1: return sim_exp2f(x);
  case 2: return sim_logf(x);
  case 3: return sim_log2f(x);
  case 4: return sim_sinf(x);
  case 5: return sim_cosf(x);
  case 6: return sim_tanf(x);
  case 7: return sim_sinhf(x);
  case 8: return sim_coshf(x);
  case 9: return sim_tanhf(x);
  case 10: return sim_powf(x, y);
  case 11: return sim_atan2f(x, y);
  case 12: return sim_sqrtf(x);
  case 13: return sim_rsqrtf(x);
  default: return sim_fmodf(x, y);
  }
}

static double call64(int fn, double x, double y) {
  switch (fn) {
  case 0: return sim_exp(x);
  case 1: return sim_exp2(x);
  case 2: return sim_log(x);
  case 3: return sim_log2(x);
  case 4: return sim_sin(x);
  case 5: return sim_cos(x);
  case 6: return sim_tan(x);
  case 7: return sim_sinh(x);
  case 8: return sim_cosh(x);
  case 9: return sim_tanh(x);
  case 10: return sim_pow(x, y);
  case 11: return sim_atan2(x, y);
  case 12: return sim_sqrt(x);
  case 13: return sim_rsqrt(x);
  default: return sim_fmod(x, y);
  }
}

/* The vectors of function _i, f32: all must match; the message names the
** first few that do not. */
START_TEST(vectors32) {
  char msg[1024] = "";
  size_t len = 0, n = 0, bad = 0;
  for (size_t k = 0; k < sizeof MV32 / sizeof MV32[0]; k++) {
    const struct mv32 *v = &MV32[k];
    if (v->fn != _i) continue;
    n++;
    uint32_t got = b32(call32(v->fn, f32(v->x), f32(v->y)));
    if (got == v->r) continue;
    if (bad++ < 4 && len < sizeof msg - 100)
      len += (size_t)snprintf(msg + len, sizeof msg - len, " %sf(%#010x, %#010x): got %#010x want %#010x;",
                              MATH_FUNCS[_i], v->x, v->y, got, v->r);
  }
  ck_assert_msg(bad == 0, "%zu of %zu f32 vectors wrong:%s", bad, n, msg);
  ck_assert_msg(n > 0, "no f32 vectors for %s", MATH_FUNCS[_i]);
}
END_TEST

START_TEST(vectors64) {
  char msg[1024] = "";
  size_t len = 0, n = 0, bad = 0;
  for (size_t k = 0; k < sizeof MV64 / sizeof MV64[0]; k++) {
    const struct mv64 *v = &MV64[k];
    if (v->fn != _i) continue;
    n++;
    uint64_t got = b64(call64(v->fn, f64(v->x), f64(v->y)));
    if (got == v->r) continue;
    if (bad++ < 4 && len < sizeof msg - 120)
      len += (size_t)snprintf(msg + len, sizeof msg - len, " %s(%#018llx, %#018llx): got %#018llx want %#018llx;",
                              MATH_FUNCS[_i], (unsigned long long)v->x, (unsigned long long)v->y,
                              (unsigned long long)got, (unsigned long long)v->r);
  }
  ck_assert_msg(bad == 0, "%zu of %zu f64 vectors wrong:%s", bad, n, msg);
  ck_assert_msg(n > 0, "no f64 vectors for %s", MATH_FUNCS[_i]);
}
END_TEST

/* ---- the array forms (sim_math_vec.c) against the scalar functions ----
** bench/math_exhaustive.c (vec) checks all 2^32 arguments; here a sample:
** the vectors above (hard cases included), 65536 bit patterns spread over
** all of them (every exponent, NaNs and infinities), every length up to
** 40 (the tails) and arrays worked in place.  _i: path * 2 + function. */

static float scalar_vf(enum sim_math_vfn f, float x) { return f == SIM_VEXP2F ? sim_exp2f(x) : sim_expf(x); }

/* x[0..n) through path p, each result against the scalar function's bits;
** the first difference in msg. */
static int vf_check(enum sim_math_path p, enum sim_math_vfn f, const float *x, size_t n, bool in_place,
                    char *msg, size_t len) {
  float *r = malloc((n ? n : 1) * sizeof *r);
  ck_assert(r != NULL);
  if (in_place) memcpy(r, x, n * sizeof *r);
  ck_assert_int_eq(sim_mathf_n_path(p, f, in_place ? r : x, r, n), 0);
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    uint32_t want = b32(scalar_vf(f, x[i]));
    if (b32(r[i]) == want) continue;
    if (!bad++)
      snprintf(msg, len, "%s %s(%#010x) at %zu of %zu%s: got %#010x want %#010x", sim_math_path_name(p),
               f == SIM_VEXP2F ? "exp2f" : "expf", b32(x[i]), i, n, in_place ? " in place" : "", b32(r[i]), want);
  }
  free(r);
  return bad;
}

START_TEST(arrays) {
  enum sim_math_path p = (enum sim_math_path)(_i / 2);
  enum sim_math_vfn f = (enum sim_math_vfn)(_i % 2);
  if (!sim_math_path_ok(p)) return;              /* not on this processor */
  char msg[256] = "";
  enum { NS = 65536 };
  float *x = malloc((NS + sizeof MV32 / sizeof MV32[0]) * sizeof *x);
  ck_assert(x != NULL);
  size_t n = 0;
  for (size_t k = 0; k < sizeof MV32 / sizeof MV32[0]; k++)
    if (MV32[k].fn == (f == SIM_VEXP2F ? 1 : 0)) x[n++] = f32(MV32[k].x);
  for (uint32_t k = 0; k < NS; k++) x[n++] = f32(k * 65537u + 12345u);
  int bad = vf_check(p, f, x, n, false, msg, sizeof msg);
  ck_assert_msg(bad == 0, "%d of %zu differ; first: %s", bad, n, msg);
  for (size_t len = 0; len <= 40; len++) {
    ck_assert_msg(vf_check(p, f, x + 3 * len, len, len % 2, msg, sizeof msg) == 0, "%s", msg);
  }
  free(x);
}
END_TEST

Suite *suite_sim_math(void) {
  Suite *s = suite_create("sim_math");
  TCase *tc = tcase_create("vectors");
  tcase_add_loop_test(tc, vectors32, 0, NFUNCS);
  tcase_add_loop_test(tc, vectors64, 0, NFUNCS);
  suite_add_tcase(s, tc);
  tc = tcase_create("arrays");
  tcase_add_loop_test(tc, arrays, 0, 2 * SIM_MATH_NPATHS);
  suite_add_tcase(s, tc);
  return s;
}
