/*
** sim_fp.c -- unit tests of src/sim/sim_fp.c:
**   vectors     the reference vectors of fp_vectors.h (gen_fp_vectors.py:
**               exact rational arithmetic, checked against numpy/ml_dtypes);
**   exhaustive  every value of every <= 16-bit type converted to every
**               type in every mode, the f16/bf16 fast paths, small
**               integers, random f16/bf16 arithmetic -- all against a
**               brute-force reference written here (the nearest values
**               found in a table of the whole target format);
**   policies    the choices sim_fp.h documents (NaN, saturation, E8M0,
**               ftz, signs of zero, ftoi ranges), one by one.
*/
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sim_fp.h"
#include "testlib.h"

#include "fp_vectors.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const rm_names[RND_COUNT] = {"rne", "rz", "rd", "ru", "approx", "full", "rni", "rna"};

static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, sizeof u); return u; }
static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, sizeof u); return u; }
static float ffrom(uint32_t u) { float f; memcpy(&f, &u, sizeof f); return f; }

/* Counts mismatches, printing the first few. */
struct tally { int bad; long n; };
static void miss(struct tally *t, const char *fmt, ...) {
  if (t->bad++ < 12) {
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
  }
}
#define CHECK_TALLY(t, what) ck_assert_msg((t).bad == 0, "%d of %ld %s wrong", (t).bad, (t).n, what)

/* ---- the generated vectors ---- */

static uint64_t run_arith(const struct fpv_arith *v) {
  enum ty_elem t = v->t;
  enum ir_rounding rm = v->rm;
  switch (v->op) {
  case FPV_ADD: return fp_add(t, v->a, v->b, rm, v->ftz);
  case FPV_SUB: return fp_sub(t, v->a, v->b, rm, v->ftz);
  case FPV_MUL: return fp_mul(t, v->a, v->b, rm, v->ftz);
  case FPV_DIV: return fp_div(t, v->a, v->b, rm, v->ftz);
  case FPV_FMA: return fp_fma(t, v->a, v->b, v->c, rm, v->ftz);
  default: return fp_sqrt(t, v->a, rm, v->ftz);
  }
}

START_TEST(vec_arith) {
  static const char *const ops[] = {"add", "sub", "mul", "div", "fma", "sqrt"};
  struct tally t = {0, (long)N(fpv_arith)};
  for (size_t i = 0; i < N(fpv_arith); i++) {
    const struct fpv_arith *v = &fpv_arith[i];
    uint64_t got = run_arith(v);
    if (got != v->want)
      miss(&t, "%s %s %s%s %#llx %#llx %#llx: got %#llx want %#llx", ops[v->op], ty_elem_names[v->t],
           rm_names[v->rm], v->ftz ? " ftz" : "", (unsigned long long)v->a, (unsigned long long)v->b,
           (unsigned long long)v->c, (unsigned long long)got, (unsigned long long)v->want);
  }
  CHECK_TALLY(t, "arithmetic vectors");
}
END_TEST

START_TEST(vec_convert) {
  struct tally t = {0, (long)N(fpv_cvt)};
  for (size_t i = 0; i < N(fpv_cvt); i++) {
    const struct fpv_cvt *v = &fpv_cvt[i];
    uint64_t got = fp_convert_sat(v->from, v->bits, v->to, v->rm, v->sat);
    if (got != v->want)
      miss(&t, "%s %#llx -> %s %s%s: got %#llx want %#llx", ty_elem_names[v->from],
           (unsigned long long)v->bits, ty_elem_names[v->to], rm_names[v->rm], v->sat ? " sat" : "",
           (unsigned long long)got, (unsigned long long)v->want);
  }
  CHECK_TALLY(t, "conversion vectors");
}
END_TEST

START_TEST(vec_itof) {
  struct tally t = {0, (long)N(fpv_itof)};
  for (size_t i = 0; i < N(fpv_itof); i++) {
    const struct fpv_itof *v = &fpv_itof[i];
    uint64_t got = fp_from_int(v->t, v->v, v->width, v->is_signed, v->rm);
    if (got != v->want)
      miss(&t, "%c%d %#llx -> %s %s: got %#llx want %#llx", v->is_signed ? 'i' : 'u', v->width,
           (unsigned long long)v->v, ty_elem_names[v->t], rm_names[v->rm], (unsigned long long)got,
           (unsigned long long)v->want);
  }
  CHECK_TALLY(t, "itof vectors");
}
END_TEST

START_TEST(vec_ftoi) {
  struct tally t = {0, (long)N(fpv_ftoi)};
  for (size_t i = 0; i < N(fpv_ftoi); i++) {
    const struct fpv_ftoi *v = &fpv_ftoi[i];
    uint64_t out = 12345;
    int rc = fp_to_int(v->t, v->bits, v->width, v->is_signed, v->sat, &out);
    if (rc != v->rc || out != v->out)
      miss(&t, "%s %#llx -> %c%d%s: got %d %#llx want %d %#llx", ty_elem_names[v->t],
           (unsigned long long)v->bits, v->is_signed ? 'i' : 'u', v->width, v->sat ? " sat" : "", rc,
           (unsigned long long)out, v->rc, (unsigned long long)v->out);
  }
  CHECK_TALLY(t, "ftoi vectors");
}
END_TEST

/* ---- a brute-force reference for the types of at most 16 bits ---- */

/* A small format, described here independently of sim_fp.c. */
struct tf {
  enum ty_elem e;
  int ebits, mbits, bias;
  bool sign, inf, subn;
  int nan;                  /* 0: IEEE, 1: only all-ones, 2: none */
  int nmag;                 /* number of finite magnitudes: fields 0 .. nmag-1 */
  uint64_t qnan;
};
static const struct tf tfs[] = {
  {EL_F16, 5, 10, 15, true, true, true, 0, 0x7C00, 0x7FFF},
  {EL_BF16, 8, 7, 127, true, true, true, 0, 0x7F80, 0x7FFF},
  {EL_F8E4M3FN, 4, 3, 7, true, false, true, 1, 0x7F, 0x7F},
  {EL_F8E5M2, 5, 2, 15, true, true, true, 0, 0x7C, 0x7F},
  {EL_F8E8M0FNU, 8, 0, 127, false, false, false, 1, 0xFF, 0xFF},
  {EL_F8E5M3FNU, 5, 3, 15, false, false, true, 1, 0xFF, 0xFF},
  {EL_F4E2M1FN, 2, 1, 1, true, false, true, 2, 0x8, 0x7},
};
enum { TF16, TBF16, TE4M3, TE5M2, TE8M0, TE5M3, TE2M1, NTF };

static int tf_width(const struct tf *f) { return f->sign + f->ebits + f->mbits; }
static uint64_t tf_signbit(const struct tf *f) { return f->sign ? UINT64_C(1) << (f->ebits + f->mbits) : 0; }

/* The value of a finite magnitude field (ldexp is exact). */
static double tf_mag(const struct tf *f, uint64_t mag) {
  int E = (int)(mag >> f->mbits);
  uint64_t m = mag & ((UINT64_C(1) << f->mbits) - 1);
  if (E == 0 && f->subn) return ldexp((double)m, 1 - f->bias - f->mbits);
  return ldexp((double)(m | (UINT64_C(1) << f->mbits)), E - f->bias - f->mbits);
}

/* bits -> double (NaN, +-inf, exact values). */
static double tf_decode(const struct tf *f, uint64_t bits) {
  uint64_t mag = bits & ((UINT64_C(1) << (f->ebits + f->mbits)) - 1);
  bool neg = f->sign && (bits & tf_signbit(f));
  double v;
  if (mag >= (uint64_t)f->nmag) v = (f->inf && mag == (uint64_t)f->nmag) ? HUGE_VAL : NAN;
  else v = tf_mag(f, mag);
  return neg ? -v : v;
}

/* The table of a format's finite magnitudes, in increasing order (the
** fields are monotonic), and the value the next field would have. */
struct table { const struct tf *f; double val[0x8000]; double beyond; };
static struct table tables[NTF];

static void tables_init(void) {
  static bool done;
  if (done) return;
  done = true;
  for (int k = 0; k < NTF; k++) {
    struct table *t = &tables[k];
    t->f = &tfs[k];
    for (int i = 0; i < t->f->nmag; i++) t->val[i] = tf_mag(t->f, (uint64_t)i);
    double top = t->val[t->f->nmag - 1];
    t->beyond = t->f->mbits == 0 ? 2 * top : top + (top - t->val[t->f->nmag - 2]);
  }
}

static uint64_t ref_overflow(const struct tf *f, bool neg, enum ir_rounding rm, bool sat) {
  bool to_inf = rm == RND_ZERO ? false : rm == RND_POSITIVE_INF ? !neg : rm == RND_NEGATIVE_INF ? neg : true;
  uint64_t s = neg ? tf_signbit(f) : 0, maxb = s | (uint64_t)(f->nmag - 1);
  if (!to_inf || sat || f->nan == 2) return maxb;
  return f->inf ? s | (uint64_t)f->nmag : f->qnan;
}

/* x (exact) rounded into table t's format by rm: the nearest values below
** and above are found by binary search, then chosen by the mode. */
static uint64_t ref_round(const struct table *t, double x, enum ir_rounding rm, bool sat) {
  const struct tf *f = t->f;
  if (x != x) return f->qnan;
  bool neg = f->sign && signbit(x);
  double a = fabs(x);
  uint64_t s = neg ? tf_signbit(f) : 0;
  if (a == HUGE_VAL) return sat || f->nan == 2 ? s | (uint64_t)(f->nmag - 1)
                          : f->inf ? s | (uint64_t)f->nmag : f->qnan;
  int n = f->nmag;
  double top = t->val[n - 1];
  if (a >= t->beyond) return ref_overflow(f, neg, rm, sat);
  int lo, hi;                                  /* indices; n = beyond, -1 = zero (E8M0) */
  if (a > top) { lo = n - 1; hi = n; }
  else {
    int l = -1, h = n - 1;                     /* val[l] < a <= val[h] */
    while (h - l > 1) {
      int m = (l + h) / 2;
      if (t->val[m] < a) l = m; else h = m;
    }
    if (t->val[h] == a) return s | (uint64_t)h;
    lo = l; hi = h;
  }
  double vlo = lo < 0 ? 0 : t->val[lo], vhi = hi == n ? t->beyond : t->val[hi];
  int pick;
  bool up_dir = !neg;                          /* toward +inf grows the magnitude */
  if (rm == RND_ZERO) pick = lo;
  else if (rm == RND_POSITIVE_INF) pick = up_dir ? hi : lo;
  else if (rm == RND_NEGATIVE_INF) pick = up_dir ? lo : hi;
  else if (a - vlo != vhi - a) pick = a - vlo < vhi - a ? lo : hi;
  else if (rm == RND_NEAREST_AWAY || f->mbits == 0) pick = hi;   /* E8M0 ties go up */
  else pick = (lo >= 0 && (lo & 1)) ? hi : lo;
  if (pick == n) return ref_overflow(f, neg, rm, sat);
  if (pick < 0) return 0;                      /* E8M0: no zero, 0x00 */
  return s | (uint64_t)pick;
}

static bool real_mode(int rm) {
  return rm != RND_APPROX && rm != RND_FULL && rm != RND_NEAREST_INT_TO_ZERO;
}
/* The modes to try on the i-th value: all when full, else nearest even
** and, on every other value, one of the others in turn. */
static bool try_mode(int rm, uint64_t i, bool full) {
  static const int other[] = {RND_ZERO, RND_NEGATIVE_INF, RND_POSITIVE_INF, RND_NEAREST_AWAY};
  return real_mode(rm) && (full || rm == RND_NEAREST_EVEN || (i % 2 && rm == other[i / 2 % 4]));
}

/* Every value of every small type to every other small type, in every mode
** (full; else see try_mode); sat both ways where it can matter. */
static void convert_small(bool full) {
  struct tally t = {0, 0};
  tables_init();
  for (int si = 0; si < NTF; si++) {
    const struct tf *sf = &tfs[si];
    uint64_t nb = UINT64_C(1) << tf_width(sf);
    for (uint64_t b = 0; b < nb; b++) {
      double x = tf_decode(sf, b);
      for (int di = 0; di < NTF; di++) {
        if (di == si) continue;
        const struct table *tt = &tables[di];
        bool big = !(fabs(x) < tt->val[tt->f->nmag - 1]);
        for (int rm = 0; rm < RND_COUNT; rm++) {
          if (!try_mode(rm, b, full || tf_width(sf) <= 8)) continue;
          for (int sat = 0; sat <= (big || tf_width(sf) <= 8); sat++) {
            uint64_t got = fp_convert_sat(sf->e, b, tt->f->e, rm, sat), want = ref_round(tt, x, rm, sat);
            t.n++;
            if (got != want)
              miss(&t, "%s %#llx (%g) -> %s %s%s: got %#llx want %#llx", ty_elem_names[sf->e],
                   (unsigned long long)b, x, ty_elem_names[tt->f->e], rm_names[rm], sat ? " sat" : "",
                   (unsigned long long)got, (unsigned long long)want);
          }
        }
      }
      /* widening to f32, tf32, f64 is exact */
      uint64_t w32 = x != x ? 0x7FFFFFFF : fbits((float)x);
      uint64_t g32 = fp_convert(sf->e, b, EL_F32, RND_NEAREST_EVEN);
      uint64_t gtf = fp_convert(sf->e, b, EL_TF32, RND_NEAREST_EVEN);
      uint64_t g64 = fp_convert(sf->e, b, EL_F64, RND_ZERO);
      uint64_t w64 = x != x ? UINT64_C(0x7FFFFFFFFFFFFFFF) : dbits(x);
      double back = fp_to_double(sf->e, b);
      t.n += 4;
      if (g32 != w32 || g64 != w64 || gtf != (x != x ? 0x7FFFE000 : w32) ||
          (x == x ? dbits(back) != dbits(x) : back == back))
        miss(&t, "%s %#llx widened: f32 %#llx tf32 %#llx f64 %#llx", ty_elem_names[sf->e],
             (unsigned long long)b, (unsigned long long)g32, (unsigned long long)gtf, (unsigned long long)g64);
      if (fp_is_nan(sf->e, b) != (x != x))
        miss(&t, "%s %#llx: fp_is_nan wrong", ty_elem_names[sf->e], (unsigned long long)b);
    }
  }
  CHECK_TALLY(t, "small-type conversions");
}
START_TEST(ex_convert_small) { convert_small(false); }
END_TEST
START_TEST(ex_convert_small_full) { convert_small(true); }
END_TEST

/* The f16/bf16 <-> f32 fast paths: every f16 and bf16; f32 -> f16/bf16 on
** every upper half with the interesting lower halves (full: more of them,
** and the directed modes on more). */
static void fast_paths(bool full) {
  static const uint32_t lows[] = {0x1000, 0x0FFF, 0x8000, 0x1001, 0, 1, 0x7FFF, 0x8001, 0xFFFF, 0x5A5A};
  size_t nlows = full ? N(lows) : 2;
  struct tally t = {0, 0};
  tables_init();
  for (uint32_t h = 0; h < 0x10000; h++) {
    double x = tf_decode(&tfs[TF16], h), y = tf_decode(&tfs[TBF16], h);
    uint32_t wx = x != x ? 0x7FFFFFFF : fbits((float)x), wy = y != y ? 0x7FFFFFFF : fbits((float)y);
    uint32_t gx = fbits(fp_f16_to_f32((uint16_t)h)), gy = fbits(fp_bf16_to_f32((uint16_t)h));
    t.n += 2;
    if (gx != wx || gy != wy)
      miss(&t, "%#x -> f32: f16 got %#x want %#x, bf16 got %#x want %#x", h, gx, wx, gy, wy);
  }
  for (uint32_t hi = 0; hi < 0x10000; hi++) {
    for (size_t k = 0; k < nlows; k++) {
      uint32_t b = hi << 16 | lows[k];
      double x = (double)ffrom(b);
      uint64_t w16 = ref_round(&tables[TF16], x, RND_NEAREST_EVEN, false);
      uint64_t wb = ref_round(&tables[TBF16], x, RND_NEAREST_EVEN, false);
      uint64_t g16 = fp_f32_to_f16(ffrom(b)), gb = fp_f32_to_bf16(ffrom(b));
      uint64_t c16 = fp_convert(EL_F32, b, EL_F16, RND_NEAREST_EVEN);
      uint64_t cb = fp_convert(EL_F32, b, EL_BF16, RND_NEAREST_EVEN);
      t.n += 4;
      if (g16 != w16 || gb != wb || c16 != w16 || cb != wb)
        miss(&t, "f32 %#x: f16 fast %#llx cvt %#llx want %#llx; bf16 fast %#llx cvt %#llx want %#llx", b,
             (unsigned long long)g16, (unsigned long long)c16, (unsigned long long)w16, (unsigned long long)gb,
             (unsigned long long)cb, (unsigned long long)wb);
      if (k < (full ? 4 : 1)) {                /* the directed modes, on fewer values */
        for (int rm = RND_ZERO; rm <= RND_NEAREST_AWAY; rm++) {
          if (!real_mode(rm)) continue;
          uint64_t a = fp_convert(EL_F32, b, EL_F16, rm), wa = ref_round(&tables[TF16], x, rm, false);
          uint64_t c = fp_convert(EL_F32, b, EL_BF16, rm), wc = ref_round(&tables[TBF16], x, rm, false);
          t.n += 2;
          if (a != wa || c != wc)
            miss(&t, "f32 %#x %s: f16 %#llx want %#llx, bf16 %#llx want %#llx", b, rm_names[rm],
                 (unsigned long long)a, (unsigned long long)wa, (unsigned long long)c, (unsigned long long)wc);
        }
      }
    }
  }
  CHECK_TALLY(t, "fast-path conversions");
}
START_TEST(ex_fast_paths) { fast_paths(false); }
END_TEST
START_TEST(ex_fast_paths_full) { fast_paths(true); }
END_TEST

/* Every 8-bit integer and 16-bit ones (full: all of them; else with a
** stride) to every small type, every mode. */
static void from_int(bool full) {
  struct tally t = {0, 0};
  tables_init();
  for (int w = 8; w <= 16; w += 8) {
    for (int sg = 0; sg <= 1; sg++) {
      for (uint64_t v = 0; v < (UINT64_C(1) << w); v += w == 8 || full ? 1 : 61) {
        double x = sg && (v >> (w - 1)) ? (double)v - (double)(UINT64_C(1) << w) : (double)v;
        for (int di = 0; di < NTF; di++) {
          const struct table *tt = &tables[di];
          bool sat = fp_default_sat(tt->f->e);
          for (int rm = 0; rm < RND_COUNT; rm++) {
            if (!real_mode(rm)) continue;
            uint64_t got = fp_from_int(tt->f->e, v, w, sg, rm), want = ref_round(tt, x, rm, sat);
            t.n++;
            if (got != want)
              miss(&t, "%c%d %g -> %s %s: got %#llx want %#llx", sg ? 'i' : 'u', w, x,
                   ty_elem_names[tt->f->e], rm_names[rm], (unsigned long long)got, (unsigned long long)want);
          }
        }
      }
    }
  }
  CHECK_TALLY(t, "itof");
}
START_TEST(ex_from_int) { from_int(false); }
END_TEST
START_TEST(ex_from_int_full) { from_int(true); }
END_TEST

/* A small deterministic generator (xorshift64*). */
static uint64_t rnd(uint64_t *s) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * UINT64_C(2685821657736338717);
}

/* Random f16 and bf16 add, sub, mul in every mode, where the exact result
** is a double (always for f16 add/mul, bf16 mul; bf16 add when the
** exponents are close). */
static void arith_small(int n) {
  struct tally t = {0, 0};
  uint64_t seed = 0x9E3779B97F4A7C15u;
  tables_init();
  for (int i = 0; i < n; i++) {
    int k = i & 1 ? TBF16 : TF16;
    const struct tf *f = &tfs[k];
    uint64_t r = rnd(&seed), a = r & 0xFFFF, b = (r >> 16) & 0xFFFF;
    if ((r >> 32) % 4 == 0) b = (a & 0x7FFF) ^ ((r >> 40) & 0x8007);   /* close: cancellation, ties */
    double x = tf_decode(f, a), y = tf_decode(f, b);
    for (int op = 0; op < 3; op++) {
      double yy = op == 1 ? -y : y, e = op == 2 ? x * yy : x + yy;
      if (op != 2 && e - e == 0) {              /* finite: skip sums inexact in double */
        double bb = e - x, err = (x - (e - bb)) + (yy - bb);
        if (err != 0) continue;
      }
      for (int rm = RND_NEAREST_EVEN; rm < RND_COUNT; rm++) {
        if (!real_mode(rm)) continue;
        uint64_t want;
        if (e == 0 && x == x && y == y) {      /* exact zero: IEEE signs */
          bool zn = op == 2 ? signbit(e) : signbit(x) == signbit(yy) ? signbit(x) : rm == RND_NEGATIVE_INF;
          want = zn ? 0x8000 : 0;
        } else {
          want = ref_round(&tables[k], e, rm, false);
        }
        uint64_t got = op == 0 ? fp_add(f->e, a, b, rm, false)
                     : op == 1 ? fp_sub(f->e, a, b, rm, false) : fp_mul(f->e, a, b, rm, false);
        t.n++;
        if (got != want)
          miss(&t, "%s %s %s %#llx %#llx: got %#llx want %#llx", ty_elem_names[f->e],
               op == 0 ? "add" : op == 1 ? "sub" : "mul", rm_names[rm], (unsigned long long)a,
               (unsigned long long)b, (unsigned long long)got, (unsigned long long)want);
      }
    }
  }
  CHECK_TALLY(t, "small-type operations");
}
START_TEST(ex_arith_small) { arith_small(25000); }
END_TEST
START_TEST(ex_arith_small_full) { arith_small(2000000); }
END_TEST

/* ---- the documented policies ---- */

#define EQ(got, want) ck_assert_msg((uint64_t)(got) == (uint64_t)(want), "%s: got %#llx want %#llx", #got, \
                                    (unsigned long long)(got), (unsigned long long)(want))

static uint64_t f32b(float f) { return fbits(f); }
static uint64_t f64b(double d) { return dbits(d); }

/* AMD's FNUZ fp8 encodings (descriptions with <numerics fp8="fnuz">):
** every code decoded against the format's definition (bias 8 or 16, no
** infinity, 0x80 the only NaN, no -0), and conversions into them. */
START_TEST(pol_fnuz) {
  static const struct { int e, ebits, mbits, bias; } fz[] = {
    { FP_F8E4M3FNUZ, 4, 3, 8 }, { FP_F8E5M2FNUZ, 5, 2, 16 } };
  for (int t = 0; t < 2; t++) {
    enum ty_elem e = (enum ty_elem)fz[t].e;
    for (unsigned b = 0; b < 256; b++) {
      unsigned E = b >> fz[t].mbits & ((1u << fz[t].ebits) - 1), M = b & ((1u << fz[t].mbits) - 1);
      double want = E ? ldexp(1 + M / (double)(1 << fz[t].mbits), (int)E - fz[t].bias)
                      : ldexp(M / (double)(1 << fz[t].mbits), 1 - fz[t].bias);
      if (b & 0x80) want = -want;
      double got = fp_to_double(e, b);
      if (b == 0x80) ck_assert_msg(isnan(got) && fp_is_nan(e, b), "%#x", b);
      else ck_assert_msg(got == want && !fp_is_nan(e, b), "type %d code %#x: %g, want %g", t, b, got, want);
    }
    EQ(fp_canonical_nan(e), 0x80);
    EQ(fp_convert(EL_F32, f32b(-0.0f), e, RND_NEAREST_EVEN), 0x00);            /* no -0 */
    EQ(fp_convert(EL_F32, f32b(1e9f), e, RND_NEAREST_EVEN), 0x7F);             /* satfinite */
    EQ(fp_convert_sat(EL_F32, f32b(1e9f), e, RND_NEAREST_EVEN, false), 0x80);  /* no inf: NaN */
    EQ(fp_convert(EL_F32, 0x7FC00000, e, RND_NEAREST_EVEN), 0x80);
    EQ(fp_nan_carry(e, 0x80, EL_F32), 0x7FC00000);
  }
  EQ(fp_fp8_encoding(EL_F8E4M3FN, true), FP_F8E4M3FNUZ);
  EQ(fp_fp8_encoding(EL_F8E5M2, true), FP_F8E5M2FNUZ);
  EQ(fp_fp8_encoding(EL_F8E4M3FN, false), EL_F8E4M3FN);
  EQ(fp_fp8_encoding(EL_F16, true), EL_F16);
}
END_TEST

START_TEST(pol_nan) {
  EQ(fp_canonical_nan(EL_F32), 0x7FFFFFFF);
  EQ(fp_canonical_nan(EL_F16), 0x7FFF);
  EQ(fp_canonical_nan(EL_BF16), 0x7FFF);
  EQ(fp_canonical_nan(EL_F64), UINT64_C(0x7FFFFFFFFFFFFFFF));
  EQ(fp_canonical_nan(EL_TF32), 0x7FFFE000);
  EQ(fp_canonical_nan(EL_F8E4M3FN), 0x7F);
  EQ(fp_canonical_nan(EL_F8E5M2), 0x7F);
  EQ(fp_canonical_nan(EL_F8E8M0FNU), 0xFF);
  EQ(fp_canonical_nan(EL_F8E5M3FNU), 0xFF);
  EQ(fp_canonical_nan(EL_F4E2M1FN), 0x7);           /* no NaN: +6 */
  ck_assert(!fp_is_nan(EL_F4E2M1FN, 0x7));
  ck_assert(fp_is_nan(EL_F8E4M3FN, 0xFF) && !fp_is_nan(EL_F8E4M3FN, 0x7E));
  ck_assert(fp_is_nan(EL_F8E5M2, 0xFD) && !fp_is_nan(EL_F8E5M2, 0xFC));
  ck_assert(fp_is_nan(EL_TF32, 0xFFC00000) && !fp_is_nan(EL_TF32, 0x7F800000));
  /* NaNs carried into another type (descriptions that propagate NaNs):
  ** sign, leading payload bits, quiet bit; by hand from the formats */
  EQ(fp_nan_carry(EL_F32, 0x7F812345, EL_F32), 0x7FC12345);      /* signalling: quieted */
  EQ(fp_nan_carry(EL_F32, 0xFFC12345, EL_F16), 0xFE09);          /* 0x412345 >> 13 = 0x209 */
  EQ(fp_nan_carry(EL_F32, 0x7FC12345, EL_TF32), 0x7FC12000);
  EQ(fp_nan_carry(EL_F16, 0x7D01, EL_F32), 0x7FE02000);          /* 0x101 << 13, quiet */
  EQ(fp_nan_carry(EL_F32, 0x7FC12345, EL_F8E5M2), 0x7E);
  EQ(fp_nan_carry(EL_F32, 0xFF812345, EL_F8E5M2), 0xFE);
  EQ(fp_nan_carry(EL_F32, 0xFFC00000, EL_F8E4M3FN), 0xFF);       /* its one NaN, signed */
  EQ(fp_nan_carry(EL_F32, 0xFFC00000, EL_F8E8M0FNU), 0xFF);
  EQ(fp_nan_carry(EL_F32, 0xFFC00000, EL_F4E2M1FN), 0x7);        /* no NaN */
  /* every NaN result is canonical, whatever the operands' payloads */
  EQ(fp_add(EL_F32, 0xFF800001, f32b(1), RND_NEAREST_EVEN, false), 0x7FFFFFFF);
  EQ(fp_add(EL_F32, 0xFF800001, f32b(1), RND_ZERO, false), 0x7FFFFFFF);
  EQ(fp_mul(EL_F16, 0x7C00, 0x0000, RND_NEAREST_EVEN, false), 0x7FFF);
  EQ(fp_sqrt(EL_BF16, 0xBF80, RND_POSITIVE_INF, false), 0x7FFF);
  EQ(fp_fma(EL_F64, f64b(HUGE_VAL), f64b(1), f64b(-HUGE_VAL), RND_ZERO, false), UINT64_C(0x7FFFFFFFFFFFFFFF));
  EQ(fp_convert(EL_F32, 0xFFC00000, EL_F8E4M3FN, RND_NEAREST_EVEN), 0x7F);
  EQ(fp_convert(EL_F32, 0xFFC00000, EL_F4E2M1FN, RND_NEAREST_EVEN), 0x7);
  EQ(fp_convert(EL_F32, 0xFFC00000, EL_F8E8M0FNU, RND_ZERO), 0xFF);
  EQ(fp_f32_to_f16(ffrom(0xFFC00001)), 0x7FFF);
  EQ(fp_f32_to_bf16(ffrom(0x7F800001)), 0x7FFF);
  EQ(fbits(fp_f16_to_f32(0xFE01)), 0x7FFFFFFF);
}
END_TEST

/* Overflow and infinities: IEEE by mode; sat (satfinite) gives the largest
** finite value; types without inf give NaN unless sat; fp8/fp4
** conversions saturate by default. */
START_TEST(pol_overflow) {
  ck_assert(fp_default_sat(EL_F8E4M3FN) && fp_default_sat(EL_F4E2M1FN) && !fp_default_sat(EL_F16));
  EQ(fp_round(EL_F16, 65520, 0, RND_NEAREST_EVEN, false, false), 0x7C00);
  EQ(fp_round(EL_F16, 65520, 0, RND_ZERO, false, false), 0x7BFF);
  EQ(fp_round(EL_F16, -65520, 0, RND_POSITIVE_INF, false, false), 0xFBFF);
  EQ(fp_round(EL_F16, -65520, 0, RND_NEGATIVE_INF, false, false), 0xFC00);
  EQ(fp_round(EL_F16, 65520, 0, RND_NEAREST_EVEN, false, true), 0x7BFF);
  EQ(fp_round(EL_F16, HUGE_VAL, 0, RND_ZERO, false, false), 0x7C00);   /* inf is exact */
  EQ(fp_round(EL_F16, HUGE_VAL, 0, RND_ZERO, false, true), 0x7BFF);
  /* E4M3FN: 464 is the tie between 448 and 480 (the NaN slot) */
  EQ(fp_round(EL_F8E4M3FN, 464, 0, RND_NEAREST_EVEN, false, false), 0x7E);
  EQ(fp_round(EL_F8E4M3FN, 464.5, 0, RND_NEAREST_EVEN, false, false), 0x7F);
  EQ(fp_round(EL_F8E4M3FN, -464.5, 0, RND_NEAREST_EVEN, false, true), 0xFE);
  EQ(fp_round(EL_F8E4M3FN, 1e6, 0, RND_ZERO, false, false), 0x7E);
  EQ(fp_convert(EL_F32, f32b(1e6f), EL_F8E4M3FN, RND_NEAREST_EVEN), 0x7E);
  EQ(fp_convert_sat(EL_F32, f32b(1e6f), EL_F8E4M3FN, RND_NEAREST_EVEN, false), 0x7F);
  EQ(fp_convert(EL_F32, f32b(-HUGE_VALF), EL_F8E4M3FN, RND_NEAREST_EVEN), 0xFE);
  /* E5M2: 61440 ties to 65536 = overflow */
  EQ(fp_convert_sat(EL_F32, f32b(61440), EL_F8E5M2, RND_NEAREST_EVEN, false), 0x7C);
  EQ(fp_convert_sat(EL_F32, f32b(61439), EL_F8E5M2, RND_NEAREST_EVEN, false), 0x7B);
  EQ(fp_convert(EL_F32, f32b(61440), EL_F8E5M2, RND_NEAREST_EVEN), 0x7B);
  EQ(fp_convert(EL_F16, 0xFC00, EL_F8E5M2, RND_NEAREST_EVEN), 0xFB);
  EQ(fp_convert_sat(EL_F16, 0xFC00, EL_F8E5M2, RND_NEAREST_EVEN, false), 0xFC);
  /* E2M1: neither inf nor NaN */
  EQ(fp_convert_sat(EL_F32, f32b(7), EL_F4E2M1FN, RND_NEAREST_EVEN, false), 0x7);   /* tie 6|8: 8, max */
  EQ(fp_convert_sat(EL_F32, f32b(5), EL_F4E2M1FN, RND_NEAREST_EVEN, false), 0x6);   /* tie 4|6: 4 */
  EQ(fp_convert_sat(EL_F32, f32b(7.5f), EL_F4E2M1FN, RND_NEAREST_EVEN, false), 0x7);
  EQ(fp_convert_sat(EL_F32, f32b(-HUGE_VALF), EL_F4E2M1FN, RND_NEAREST_EVEN, false), 0xF);
  EQ(fp_convert(EL_F32, f32b(0.25f), EL_F4E2M1FN, RND_NEAREST_EVEN), 0x0);   /* tie 0|0.5: 0 */
  EQ(fp_convert(EL_F32, f32b(-0.25f), EL_F4E2M1FN, RND_NEAREST_EVEN), 0x8);
  EQ(fp_convert(EL_F32, f32b(0.75f), EL_F4E2M1FN, RND_NEAREST_EVEN), 0x2);   /* tie 0.5|1: 1 */
  /* E5M3FNU: largest 114688 */
  EQ(fp_convert_sat(EL_F32, f32b(114688), EL_F8E5M3FNU, RND_NEAREST_EVEN, false), 0xFE);
  EQ(fp_convert_sat(EL_F32, f32b(118784), EL_F8E5M3FNU, RND_NEAREST_EVEN, false), 0xFE);   /* tie, even */
  EQ(fp_convert_sat(EL_F32, f32b(119000), EL_F8E5M3FNU, RND_NEAREST_EVEN, false), 0xFF);
  EQ(fp_convert(EL_F32, f32b(119000), EL_F8E5M3FNU, RND_NEAREST_EVEN), 0xFE);
  /* f64 results near the top */
  EQ(fp_add(EL_F64, f64b(1.7976931348623157e308), f64b(1e292), RND_ZERO, false), f64b(1.7976931348623157e308));
  EQ(fp_add(EL_F64, f64b(1.7976931348623157e308), f64b(1.7976931348623157e308), RND_ZERO, false),
     f64b(1.7976931348623157e308));
  EQ(fp_add(EL_F64, f64b(1.7976931348623157e308), f64b(1.7976931348623157e308), RND_POSITIVE_INF, false),
     f64b(HUGE_VAL));
  EQ(fp_mul(EL_F64, f64b(1e300), f64b(-1e300), RND_POSITIVE_INF, false), f64b(-1.7976931348623157e308));
  EQ(fp_fma(EL_F64, f64b(0x1p1000), f64b(0x1p100), f64b(-0x1p1023), RND_ZERO, false),
     f64b(1.7976931348623157e308));
}
END_TEST

/* f8E8M0FNU: |x| rounded to a power of two (RZ: floor, RU: ceiling),
** 2^-127 for zero and anything smaller, 2^127 when saturated. */
START_TEST(pol_e8m0) {
  EQ(fp_convert(EL_F32, f32b(1), EL_F8E8M0FNU, RND_ZERO), 0x7F);
  EQ(fp_convert(EL_F32, f32b(3), EL_F8E8M0FNU, RND_ZERO), 0x80);
  EQ(fp_convert(EL_F32, f32b(3), EL_F8E8M0FNU, RND_POSITIVE_INF), 0x81);
  EQ(fp_convert(EL_F32, f32b(4), EL_F8E8M0FNU, RND_POSITIVE_INF), 0x81);
  EQ(fp_convert(EL_F32, f32b(-3), EL_F8E8M0FNU, RND_ZERO), 0x80);   /* sign ignored */
  EQ(fp_convert(EL_F32, f32b(-3), EL_F8E8M0FNU, RND_POSITIVE_INF), 0x81);
  EQ(fp_convert(EL_F32, f32b(0), EL_F8E8M0FNU, RND_ZERO), 0x00);
  EQ(fp_convert(EL_F32, f32b(-0.0f), EL_F8E8M0FNU, RND_POSITIVE_INF), 0x00);
  EQ(fp_convert(EL_F32, 0x00000001, EL_F8E8M0FNU, RND_POSITIVE_INF), 0x00);   /* 2^-149 -> 2^-127 */
  EQ(fp_convert(EL_F32, 0x00600000, EL_F8E8M0FNU, RND_POSITIVE_INF), 0x01);   /* 1.5*2^-127 -> 2^-126 */
  EQ(fp_convert(EL_F32, 0x00600000, EL_F8E8M0FNU, RND_ZERO), 0x00);
  EQ(fp_convert(EL_F32, 0x7F7FFFFF, EL_F8E8M0FNU, RND_ZERO), 0xFE);
  EQ(fp_convert(EL_F32, 0x7F000001, EL_F8E8M0FNU, RND_POSITIVE_INF), 0xFE);   /* 2^128 saturates */
  EQ(fp_convert_sat(EL_F32, 0x7F000001, EL_F8E8M0FNU, RND_POSITIVE_INF, false), 0xFF);
  EQ(fp_convert(EL_F32, 0x7F800000, EL_F8E8M0FNU, RND_ZERO), 0xFE);
  EQ(fp_convert_sat(EL_F32, 0x7F800000, EL_F8E8M0FNU, RND_ZERO, false), 0xFF);
  EQ(fp_convert(EL_F64, f64b(0x1p-400), EL_F8E8M0FNU, RND_POSITIVE_INF), 0x00);
  ck_assert(fp_to_double(EL_F8E8M0FNU, 0x00) == 0x1p-127);
  ck_assert(fp_to_double(EL_F8E8M0FNU, 0xFE) == 0x1p127);
  ck_assert(fp_to_double(EL_F8E8M0FNU, 0xFF) != fp_to_double(EL_F8E8M0FNU, 0xFF));
  /* back: every scale is exact in f32 and bf16 */
  EQ(fp_convert(EL_F8E8M0FNU, 0x00, EL_BF16, RND_NEAREST_EVEN), 0x0040);
  EQ(fp_convert(EL_F8E8M0FNU, 0x00, EL_F32, RND_NEAREST_EVEN), 0x00400000);
  /* ties (not a Tile IR mode for E8M0): 1.5 * 2^k goes up */
  EQ(fp_round(EL_F8E8M0FNU, 1.5, 0, RND_NEAREST_EVEN, false, false), 0x80);
  EQ(fp_round(EL_F8E8M0FNU, 3, 0, RND_NEAREST_EVEN, false, false), 0x81);
}
END_TEST

/* Exact zeros get IEEE 754 6.3 signs; ftz flushes inputs and results. */
START_TEST(pol_zero_ftz) {
  EQ(fp_add(EL_F32, f32b(1), f32b(-1), RND_NEAREST_EVEN, false), 0);
  EQ(fp_add(EL_F32, f32b(1), f32b(-1), RND_NEGATIVE_INF, false), 0x80000000);
  EQ(fp_sub(EL_F16, 0x3C00, 0x3C00, RND_NEGATIVE_INF, false), 0x8000);
  EQ(fp_sub(EL_BF16, 0x8000, 0x0000, RND_ZERO, false), 0x8000);
  EQ(fp_add(EL_F64, f64b(-0.0), f64b(0.0), RND_POSITIVE_INF, false), 0);
  EQ(fp_fma(EL_F64, f64b(1), f64b(1), f64b(-1), RND_NEGATIVE_INF, false), f64b(-0.0));
  EQ(fp_fma(EL_F32, f32b(-0.0f), f32b(5), f32b(0), RND_NEAREST_EVEN, false), 0);
  EQ(fp_fma(EL_F32, f32b(-0.0f), f32b(5), f32b(-0.0f), RND_ZERO, false), 0x80000000);
  EQ(fp_mul(EL_F64, f64b(0x1p-600), f64b(-0x1p-600), RND_ZERO, false), f64b(-0.0));   /* underflow */
  EQ(fp_mul(EL_F64, f64b(0x1p-600), f64b(-0x1p-600), RND_NEGATIVE_INF, false), 0x8000000000000001);
  EQ(fp_sqrt(EL_F32, 0x80000000, RND_POSITIVE_INF, false), 0x80000000);
  /* ftz: inputs */
  EQ(fp_add(EL_F32, 0x00000001, 0, RND_NEAREST_EVEN, true), 0);
  EQ(fp_add(EL_F32, 0x80000001, 0x80000000, RND_NEAREST_EVEN, true), 0x80000000);
  EQ(fp_mul(EL_F32, 0x007FFFFF, f32b(0x1p30f), RND_NEAREST_EVEN, true), 0);
  EQ(fp_mul(EL_F32, 0x007FFFFF, f32b(0x1p30f), RND_NEAREST_EVEN, false), 0x0F7FFFFE);
  /* ftz: results that are subnormal after rounding */
  EQ(fp_mul(EL_F32, f32b(0x1p-100f), f32b(-0x1p-30f), RND_NEAREST_EVEN, true), 0x80000000);
  EQ(fp_mul(EL_F32, f32b(0x1p-100f), f32b(0x1p-26f), RND_ZERO, true), 0x00800000);   /* 2^-126 stays */
  EQ(fp_div(EL_F32, 0x00800001, f32b(2), RND_POSITIVE_INF, true), 0);
  EQ(fp_div(EL_F32, 0x00800001, f32b(2), RND_POSITIVE_INF, false), 0x00400001);
  EQ(fp_round(EL_F32, 0x1p-127, 0, RND_NEAREST_EVEN, true, false), 0);
}
END_TEST

/* Rounding from an unevaluated sum, every mode, and hard f64 cases. */
START_TEST(pol_round_hilo) {
  double u = 0x1p-24;                                /* half an f32 ulp at 1 */
  EQ(fp_round(EL_F32, 1, u, RND_NEAREST_EVEN, false, false), 0x3F800000);
  EQ(fp_round(EL_F32, 1, u, RND_NEAREST_AWAY, false, false), 0x3F800001);
  EQ(fp_round(EL_F32, 1, u + 0x1p-70, RND_NEAREST_EVEN, false, false), 0x3F800001);
  EQ(fp_round(EL_F32, 1, -0x1p-200, RND_ZERO, false, false), 0x3F7FFFFF);
  EQ(fp_round(EL_F32, 1, -0x1p-200, RND_NEAREST_EVEN, false, false), 0x3F800000);
  EQ(fp_round(EL_F32, -1, -0x1p-200, RND_NEGATIVE_INF, false, false), 0xBF800001);
  EQ(fp_round(EL_F64, 1, 0x1p-53, RND_NEAREST_EVEN, false, false), f64b(1));
  EQ(fp_round(EL_F64, 1, 0x1p-53, RND_NEAREST_AWAY, false, false), f64b(1 + 0x1p-52));
  EQ(fp_round(EL_F64, 1, -0x1p-54, RND_NEAREST_AWAY, false, false), f64b(1));   /* tie below 1 */
  EQ(fp_round(EL_F64, 1, -0x1p-54, RND_NEAREST_EVEN, false, false), f64b(1));
  EQ(fp_round(EL_F64, 1, -0x1p-54, RND_ZERO, false, false), f64b(1 - 0x1p-53));
  EQ(fp_round(EL_F64, 1, -0x1p-55, RND_NEAREST_AWAY, false, false), f64b(1));
  EQ(fp_round(EL_F64, 1, -0x1p-1074, RND_ZERO, false, false), f64b(1 - 0x1p-53));
  EQ(fp_round(EL_F64, 0x1p-1074, -0x1p-1074, RND_NEAREST_EVEN, false, false), 0);
  EQ(fp_round(EL_F64, 0x1p1023, 0x1p1023, RND_ZERO, false, false), f64b(1.7976931348623157e308));
  EQ(fp_round(EL_F16, 0x1p-25, 0x1p-90, RND_NEAREST_EVEN, false, false), 0x0001);
  EQ(fp_round(EL_F16, 0x1p-25, 0, RND_NEAREST_EVEN, false, false), 0x0000);
  EQ(fp_round(EL_TF32, 1, 0x1p-11, RND_NEAREST_EVEN, false, false), 0x3F800000);
  EQ(fp_round(EL_TF32, 1, 0x1p-11, RND_NEAREST_AWAY, false, false), 0x3F802000);
  /* f64 fma: c far below the product, and the product far below c */
  EQ(fp_fma(EL_F64, f64b(1), f64b(1), f64b(0x1p-1074), RND_POSITIVE_INF, false), f64b(1 + 0x1p-52));
  EQ(fp_fma(EL_F64, f64b(1), f64b(1), f64b(-0x1p-1074), RND_ZERO, false), f64b(1 - 0x1p-53));
  EQ(fp_fma(EL_F64, f64b(0x1p-600), f64b(0x1p-600), f64b(1), RND_POSITIVE_INF, false), f64b(1 + 0x1p-52));
  EQ(fp_fma(EL_F64, f64b(-0x1p-600), f64b(0x1p-600), f64b(1), RND_ZERO, false), f64b(1 - 0x1p-53));
  EQ(fp_fma(EL_F64, f64b(0x1p-600), f64b(0x1p-600), f64b(0), RND_POSITIVE_INF, false), 1);
  EQ(fp_fma(EL_F64, f64b(1 + 0x1p-52), f64b(1 - 0x1p-53), f64b(-1), RND_NEAREST_AWAY, false),
     f64b(0x1p-53 - 0x1p-105));
  EQ(fp_fma(EL_F64, f64b(1 + 0x1p-52), f64b(1 + 0x1p-52), f64b(-1 - 0x1p-51), RND_ZERO, false),
     f64b(0x1p-104));
  EQ(fp_fma(EL_F64, f64b(3), f64b(5), f64b(-15), RND_ZERO, false), 0);   /* exact zero */
  EQ(fp_fma(EL_F64, f64b(3), f64b(5), f64b(-15), RND_NEGATIVE_INF, false), f64b(-0.0));
  EQ(fp_fma(EL_F64, f64b(3), f64b(-5), f64b(0), RND_POSITIVE_INF, false), f64b(-15));
  EQ(fp_fma(EL_F64, f64b(1 + 0x1p-52), f64b(1 + 0x1p-52), f64b(-0.0), RND_POSITIVE_INF, false),
     f64b(1 + 0x1p-51) + 1);
  EQ(fp_fma(EL_F64, f64b(1 + 0x1p-52), f64b(1 + 0x1p-52), f64b(0), RND_ZERO, false), f64b(1 + 0x1p-51));
  EQ(fp_div(EL_F64, f64b(1), f64b(3), RND_POSITIVE_INF, false), f64b(1.0 / 3) + 1);
  EQ(fp_div(EL_F64, f64b(1), f64b(3), RND_ZERO, false), f64b(1.0 / 3));
  EQ(fp_div(EL_F64, f64b(0x1p-1074), f64b(3), RND_POSITIVE_INF, false), 1);
  EQ(fp_sqrt(EL_F64, f64b(2), RND_POSITIVE_INF, false), f64b(1.4142135623730951));
  EQ(fp_sqrt(EL_F64, f64b(2), RND_ZERO, false), f64b(1.4142135623730951) - 1);
  EQ(fp_sqrt(EL_F64, 1, RND_ZERO, false), f64b(0x1p-537));
  /* fixed-point values with a sticky bit */
  EQ(fp_round_scaled(EL_F32, false, (1u << 24) + 1, 0, false, RND_NEAREST_EVEN, false, false), 0x4B800000);
  EQ(fp_round_scaled(EL_F32, false, (1u << 24) + 1, 0, true, RND_NEAREST_EVEN, false, false), 0x4B800001);
  EQ(fp_round_scaled(EL_F16, true, 2049, 0, true, RND_ZERO, false, false), 0xE800);
  EQ(fp_round_scaled(EL_F16, true, 2049, 0, true, RND_NEGATIVE_INF, false, false), 0xE801);
  EQ(fp_round_scaled(EL_F32, false, ~UINT64_C(0), 0, false, RND_NEAREST_EVEN, false, false), 0x5F800000);
  EQ(fp_round_scaled(EL_F32, false, ~UINT64_C(0), 0, true, RND_ZERO, false, false), 0x5F7FFFFF);
  EQ(fp_round_scaled(EL_F32, false, 3, -150, false, RND_NEAREST_EVEN, false, false), 2);
  EQ(fp_round_scaled(EL_F32, false, 1, -150, false, RND_NEAREST_EVEN, false, false), 0);
  EQ(fp_round_scaled(EL_F32, false, 1, -150, true, RND_NEAREST_EVEN, false, false), 1);
  EQ(fp_round_scaled(EL_BF16, false, 0x7F, 200, false, RND_NEAREST_EVEN, false, false), 0x7F80);
  EQ(fp_round_scaled(EL_F8E4M3FN, false, 0, 0, false, RND_POSITIVE_INF, false, true), 0);
}
END_TEST

/* fp_from_double rounds a double like ftof from f64; integer element types
** are not float types. */
START_TEST(pol_misc) {
  EQ(fp_from_double(EL_BF16, 1.00390625, RND_NEAREST_EVEN), 0x3F80);
  EQ(fp_from_double(EL_BF16, 1.00390625, RND_POSITIVE_INF), 0x3F81);
  EQ(fp_from_double(EL_F8E4M3FN, 1e9, RND_NEAREST_EVEN), 0x7E);   /* saturates by default */
  EQ(fp_from_double(EL_F16, 1e9, RND_NEAREST_EVEN), 0x7C00);
  EQ(fp_from_double(EL_TF32, 1 + 0x1p-10 + 0x1p-11, RND_NEAREST_EVEN), 0x3F804000);
  EQ(fp_to_double(EL_TF32, 0x3F801FFF) == 1.0, 1);   /* low 13 bits ignored */
  EQ(fp_add(EL_I32, 1, 2, RND_NEAREST_EVEN, false), 0);
  EQ(fp_convert(EL_F32, 0x3F800000, EL_I8, RND_NEAREST_EVEN), 0);
  EQ(fp_canonical_nan(EL_I64), 0);
  ck_assert(!fp_is_nan(EL_I8, 0xFF));
}
END_TEST

START_TEST(pol_int) {
  uint64_t out;
  ck_assert_int_eq(fp_to_int(EL_F32, f32b(1e10f), 32, true, false, &out), -1);
  EQ(out, 0x7FFFFFFF);
  ck_assert_int_eq(fp_to_int(EL_F32, f32b(1e10f), 32, true, true, &out), 0);
  EQ(out, 0x7FFFFFFF);
  ck_assert_int_eq(fp_to_int(EL_F32, f32b(-2.9f), 8, true, false, &out), 0);
  EQ(out, 0xFE);
  ck_assert_int_eq(fp_to_int(EL_F32, f32b(-0.5f), 8, false, false, &out), 0);
  EQ(out, 0);
  ck_assert_int_eq(fp_to_int(EL_F32, f32b(-1.5f), 8, false, false, &out), -1);
  EQ(out, 0);
  ck_assert_int_eq(fp_to_int(EL_F32, 0x7FC00000, 16, true, false, &out), -1);
  ck_assert_int_eq(fp_to_int(EL_F32, 0x7FC00000, 16, true, true, &out), 0);
  EQ(out, 0);
  ck_assert_int_eq(fp_to_int(EL_F64, f64b(-0x1p63), 64, true, false, &out), 0);
  EQ(out, UINT64_C(0x8000000000000000));
  ck_assert_int_eq(fp_to_int(EL_F64, f64b(0x1p64), 64, false, false, &out), -1);
  EQ(out, ~UINT64_C(0));
  ck_assert_int_eq(fp_to_int(EL_F16, 0xBC00, 1, true, false, &out), 0);   /* i1: -1 */
  EQ(out, 1);
  ck_assert_int_eq(fp_to_int(EL_F16, 0x3C00, 1, true, false, &out), -1);
  ck_assert_int_eq(fp_to_int(EL_F8E8M0FNU, 0x8A, 32, true, false, &out), 0);
  EQ(out, 2048);
  EQ(fp_from_int(EL_F32, UINT64_C(0x8000000000000000), 64, true, RND_NEAREST_EVEN), 0xDF000000);
  EQ(fp_from_int(EL_F32, ~UINT64_C(0), 64, false, RND_NEAREST_EVEN), 0x5F800000);
  EQ(fp_from_int(EL_F32, ~UINT64_C(0), 64, false, RND_ZERO), 0x5F7FFFFF);
  EQ(fp_from_int(EL_F64, ~UINT64_C(0), 64, true, RND_NEAREST_EVEN), f64b(-1));
  EQ(fp_from_int(EL_F16, 1, 1, true, RND_NEAREST_EVEN), 0xBC00);
  EQ(fp_from_int(EL_F16, 65519, 32, true, RND_NEAREST_EVEN), 0x7BFF);
  EQ(fp_from_int(EL_F16, 65520, 32, true, RND_NEAREST_EVEN), 0x7C00);
  EQ(fp_from_int(EL_F8E4M3FN, 1000, 16, false, RND_NEAREST_EVEN), 0x7E);   /* saturated */
  EQ(fp_from_int(EL_F8E8M0FNU, 0, 8, false, RND_ZERO), 0x00);
  EQ(fp_from_int(EL_F64, UINT64_C(0x20000000000001), 64, false, RND_POSITIVE_INF), f64b(0x1p53 + 2));
}
END_TEST

Suite *suite_sim_fp(void) {
  Suite *s = suite_create("sim_fp");
  TCase *tc = tcase_create("vectors");
  tcase_add_test(tc, vec_arith);
  tcase_add_test(tc, vec_convert);
  tcase_add_test(tc, vec_itof);
  tcase_add_test(tc, vec_ftoi);
  suite_add_tcase(s, tc);
  tc = tcase_create("exhaustive");
  tcase_add_test(tc, ex_convert_small);
  tcase_add_test(tc, ex_fast_paths);
  tcase_add_test(tc, ex_from_int);
  tcase_add_test(tc, ex_arith_small);
  suite_add_tcase(s, tc);
  tc = tcase_create("exhaustive_full");           /* make check-slow */
  tcase_set_tags(tc, "slow");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, ex_convert_small_full);
  tcase_add_test(tc, ex_fast_paths_full);
  tcase_add_test(tc, ex_from_int_full);
  tcase_add_test(tc, ex_arith_small_full);
  suite_add_tcase(s, tc);
  tc = tcase_create("policies");
  tcase_add_test(tc, pol_nan);
  tcase_add_test(tc, pol_fnuz);
  tcase_add_test(tc, pol_overflow);
  tcase_add_test(tc, pol_e8m0);
  tcase_add_test(tc, pol_zero_ftz);
  tcase_add_test(tc, pol_round_hilo);
  tcase_add_test(tc, pol_misc);
  tcase_add_test(tc, pol_int);
  suite_add_tcase(s, tc);
  return s;
}
