/*
** math_exhaustive.c -- the long checks of src/sim/sim_math.c (not part of
** make check), and its speed against the host libm.
**
** It includes sim_math.c itself, to watch the fast paths' approximations
** (SIM_MATH_PROBE) and to reach the 512-bit slow path.  Build it from the
** source tree with a configured build directory B (for config.h):
**
**   cc -O2 -std=c11 -D_GNU_SOURCE -fopenmp -I B -I src/sim \
**      -o /tmp/math_exhaustive bench/math_exhaustive.c -lm
**
**   math_exhaustive f32 NAME [HARD]  all 2^32 inputs of a one-argument f32
**       function (exp exp2 log log2 sin cos tan sinh cosh tanh sqrt rsqrt)
**   math_exhaustive f32pair NAME N [HARD]   N random pairs (pow atan2 fmod)
**   math_exhaustive f64 NAME N [HARD]       N random f64 arguments
**   math_exhaustive vec NAME           all 2^32 inputs of sim_expf_n or
**       sim_exp2f_n (NAME exp or exp2) on every path this processor has,
**       bit for bit against the scalar function
**   math_exhaustive speed
**
** f32: every result is compared with two references: (1) the host's double
** function rounded to f32 where that is safe (more than 2^-49 away from a
** midpoint, far beyond the host's error), and (2) sim_math's own f64
** function (double-double fast path) rounded to f32 unless it lies on a
** midpoint; both fall back to the 512-bit slow path otherwise.  For one
** input in 4096 the fast path's approximation is also compared with the
** slow path to measure its error against the claimed bound.
** f64: results against the 512-bit slow path (with its own error bound),
** and every fast-path approximation against its claimed bound.
** HARD names a file that gets the inputs where the fast path could not
** round (for tests/unit/gen_math_vectors.py --hard).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif

/* What the last fast path saw, and how many times the slow path ran. */
static _Thread_local struct {
  double h, l, rel;
  int k;
  long n, slow;
} probe;
#define SIM_MATH_PROBE(v, r, kk) (probe.h = (v).h, probe.l = (v).l, probe.rel = (r), probe.k = (kk), probe.n++)
#define SIM_MATH_PROBE_SLOW(f) (probe.slow++)

#include "sim_math.c"
#include "sim_math_vec.c"

struct fn {
  const char *name;
  int mf;                      /* MF_ id for the slow path, -1 for none */
  float (*f32)(float);
  double (*f64)(double);
  double (*host)(double);      /* the host libm's double function */
  float (*hostf)(float);
};

static double host_rsqrt(double x) { return 1 / sqrt(x); }
static float host_rsqrtf(float x) { return 1 / sqrtf(x); }

static const struct fn FNS[] = {
    {"exp", MF_EXP, sim_expf, sim_exp, exp, expf},
    {"exp2", MF_EXP2, sim_exp2f, sim_exp2, exp2, exp2f},
    {"log", MF_LOG, sim_logf, sim_log, log, logf},
    {"log2", MF_LOG2, sim_log2f, sim_log2, log2, log2f},
    {"sin", MF_SIN, sim_sinf, sim_sin, sin, sinf},
    {"cos", MF_COS, sim_cosf, sim_cos, cos, cosf},
    {"tan", MF_TAN, sim_tanf, sim_tan, tan, tanf},
    {"sinh", MF_SINH, sim_sinhf, sim_sinh, sinh, sinhf},
    {"cosh", MF_COSH, sim_coshf, sim_cosh, cosh, coshf},
    {"tanh", MF_TANH, sim_tanhf, sim_tanh, tanh, tanhf},
    {"sqrt", -1, sim_sqrtf, sim_sqrt, sqrt, sqrtf},
    {"rsqrt", -1, sim_rsqrtf, sim_rsqrt, host_rsqrt, host_rsqrtf},
};
enum { NFNS = sizeof FNS / sizeof FNS[0] };

static const struct fn *find(const char *name) {
  for (int i = 0; i < NFNS; i++)
    if (!strcmp(FNS[i].name, name)) return &FNS[i];
  return NULL;
}

/* The slow path's result for f32 (mf), sqrt from the host (IEEE makes it
** exact), rsqrt decided exactly (its own exact test, as nothing else
** here rounds 1/sqrt once); exp2 of an integer is exact (and may be a
** midpoint, 2^-150). */
static float ref_slow32(float x, float y, int mf, const char *name) {
  if (mf == MF_EXP2 && dint(x)) return (float)scale(1, (int)x);
  if (mf >= 0) return (float)slow(mf, x, y, &F32);
  return !strcmp(name, "sqrt") ? sqrtf(x) : sim_rsqrtf(x);
}

/* Is the double d exactly halfway between two floats? */
static int midpoint32(double d) {
  float f = (float)d;
  if (f == FINF || f == -FINF) return dabs(d) == 0x1.ffffffp127;
  if (d != d || (double)f == d) return 0;
  uint32_t b = fbits(f);
  float g = ffrom((double)f < d ? (d > 0 ? b + 1 : b - 1) : (d > 0 ? b - 1 : b + 1)); /* the other side */
  if ((fbits(f) & 0x7fffffffu) == 0) g = ffrom((fbits(f) & 0x80000000u) | 1); /* past zero */
  return d == ((double)f + (double)g) / 2;
}

/* RN32 of any value within 2^-49 of d, or 0 (d near a midpoint). */
static int safe32(double d, float *r) {
  if (d != d) {
    *r = (float)d;
    return 1;
  }
  float a = (float)(d * (1 - 0x1p-49)), b = (float)(d * (1 + 0x1p-49));
  *r = a;
  return a == b || (a != a && b != b);
}

static int same32(float a, float b) {
  uint32_t x = fbits(a), y = fbits(b);
  return x == y || (isnan_f(a) && isnan_f(b));
}

static int same64(double a, double b) { return dbits(a) == dbits(b) || (isnan_d(a) && isnan_d(b)); }

/* |approximation - exact| / |exact| for the last probe, the exact value
** from the slow path at 512 bits. */
static double probe_err(int mf, double x, double y) {
  struct mp v, a, b;
  mp_eval(&v, mf, x, y, MP_MAXN);
  mp_set_d(&a, probe.h, MP_MAXN);
  mp_set_d(&b, probe.l, MP_MAXN);
  mp_add(&a, &a, &b);
  if (a.sign) a.e += probe.k;
  mp_sub(&a, &a, &v);
  if (!a.sign) return 0;
  double ma = (double)a.d[0] * 0x1p-32, mv = (double)v.d[0] * 0x1p-32;
  long de = a.e - v.e;
  return de < -1000 ? 0 : ma / mv * scale(1, (int)de);
}

static FILE *hard_file(int argc, char **argv, int i) {
  if (argc <= i) return NULL;
  FILE *f = fopen(argv[i], "a");
  if (!f) perror(argv[i]);
  return f;
}

/* ---- f32, exhaustive ---- */

static int run_f32(const struct fn *f, FILE *hard) {
  long bad1 = 0, bad2 = 0, slow1 = 0, slow2 = 0, fastfail = 0, hostbad = 0, nbound = 0, nhard = 0;
  double worst = 0;
  time_t t0 = time(NULL);
  long long stride = getenv("STRIDE") ? atoll(getenv("STRIDE")) : 1; /* for a quick look */
#pragma omp parallel for schedule(dynamic, 1 << 16) reduction(+ : bad1, bad2, slow1, slow2, fastfail, hostbad, nbound)
  for (long long i = 0; i < 1LL << 32; i += stride) {
    uint32_t u = (uint32_t)i;
    float x = ffrom(u), r1, r2;
    if (isnan_f(x)) continue;
    long before = probe.slow, np = probe.n;
    float got = f->f32(x);
    int failed = probe.slow != before;
    fastfail += failed;
    if (failed && hard) {
#pragma omp critical
      if (nhard < 40) {
        nhard++;
        fprintf(hard, "%s 32 %08x\n", f->name, u);
      }
    }
    /* the probe's error, for one input in 4096 that reached a fast path */
    if ((i / stride & 4095) == 0 && probe.n != np && f->mf >= 0) {
      double e = probe_err(f->mf, x, 0) / probe.rel;
      nbound++;
#pragma omp critical
      if (e > worst) worst = e;
    }
    before = probe.slow;
    if (!safe32(f->host(x), &r1)) {
      r1 = ref_slow32(x, 0, f->mf, f->name);
      slow1++;
    }
    double d = f->f64(x);
    if (midpoint32(d)) { /* d = RN64(f(x)) may have been rounded onto it */
      r2 = ref_slow32(x, 0, f->mf, f->name);
      slow2++;
    } else {
      r2 = (float)d;
    }
    probe.slow = before;
    bad1 += !same32(got, r1);
    bad2 += !same32(got, r2);
    hostbad += !same32(f->hostf(x), r1);
    if (!same32(got, r1) || !same32(got, r2)) {
#pragma omp critical
      fprintf(stderr, "%sf(%a = %08x): got %08x, host-based %08x, f64-based %08x\n", f->name, x, u, fbits(got),
              fbits(r1), fbits(r2));
    }
  }
  printf("%-6s f32 all 2^32 inputs / %lld (NaNs skipped): %ld wrong vs host-double reference (%ld decided by the slow "
         "path), %ld wrong vs sim f64 reference (%ld by the slow path); fast path gave up %ld times; "
         "worst error/claimed bound %.3g over %ld samples; host %sf differs %ld times; %lds\n",
         f->name, stride, bad1, slow1, bad2, slow2, fastfail, worst, nbound, f->name, hostbad, (long)(time(NULL) - t0));
  return bad1 || bad2 || worst > 1;
}

/* ---- random numbers ---- */

static uint64_t rng_next(uint64_t *s) {
  uint64_t x = *s;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return *s = x;
}

static double rng_unif(uint64_t *s) { return (double)(rng_next(s) >> 11) * 0x1p-53; }

/* A random double whose exponent is uniform in [lo, hi). */
static double rng_log(uint64_t *s, int lo, int hi) {
  int e = lo + (int)(rng_next(s) % (uint64_t)(hi - lo));
  double m = 1 + rng_unif(s);
  return scale(m, e) * (rng_next(s) & 1 ? -1 : 1);
}

/* An argument for function f, from a mix of ranges (f64 if !f32). */
static double rand_arg(const char *name, uint64_t *s, int f32) {
  int k = (int)(rng_next(s) % 4);
  double big = f32 ? 127 : 1023;
  if (!strcmp(name, "exp") || !strcmp(name, "sinh") || !strcmp(name, "cosh"))
    return k == 0 ? rng_log(s, -30, 3) : (rng_unif(s) * 2 - 1) * (f32 ? 105 : 745);
  if (!strcmp(name, "exp2")) return k == 0 ? rng_log(s, -30, 3) : (rng_unif(s) * 2 - 1) * (f32 ? 150 : 1075);
  if (!strcmp(name, "tanh")) return k == 0 ? rng_log(s, -30, 3) : (rng_unif(s) * 2 - 1) * 22;
  if (!strcmp(name, "log") || !strcmp(name, "log2") || !strcmp(name, "sqrt") || !strcmp(name, "rsqrt"))
    return k == 0 ? 1 + (rng_unif(s) - 0.5) * 0x1p-6 : fabs(rng_log(s, f32 ? -149 : -1074, (int)big));
  /* sin cos tan */
  return k == 0 ? (rng_unif(s) * 2 - 1) * 10 : k == 1 ? rng_log(s, -26, 30) : rng_log(s, 30, (int)big);
}

/* ---- f32 pairs and f64 ---- */

static double call2(const char *name, double x, double y, int f32) {
  if (!strcmp(name, "pow")) return f32 ? sim_powf((float)x, (float)y) : sim_pow(x, y);
  if (!strcmp(name, "atan2")) return f32 ? sim_atan2f((float)x, (float)y) : sim_atan2(x, y);
  return f32 ? sim_fmodf((float)x, (float)y) : sim_fmod(x, y);
}

static void rand_pair(const char *name, uint64_t *s, int f32, double *x, double *y) {
  int k = (int)(rng_next(s) % 4), big = f32 ? 127 : 1023, tiny = f32 ? -149 : -1074;
  if (!strcmp(name, "pow")) {
    if (k == 0) { /* near 1, big y */
      *x = 1 + (rng_unif(s) - 0.5) * 0x1p-8;
      *y = rng_log(s, 0, f32 ? 16 : 40);
    } else if (k == 1) { /* negative x, integer y */
      *x = -fabs(rng_log(s, -4, 4));
      *y = (double)((long)(rng_next(s) % 80) - 40);
    } else {
      *x = fabs(rng_log(s, k == 2 ? -10 : tiny, k == 2 ? 10 : big));
      *y = k == 2 ? (rng_unif(s) * 2 - 1) * 60 : (rng_unif(s) * 2 - 1) * 3;
    }
  } else {
    *x = k == 0 ? (rng_unif(s) * 2 - 1) * 10 : rng_log(s, k == 1 ? -40 : tiny, k == 1 ? 40 : big);
    *y = k == 0 ? (rng_unif(s) * 2 - 1) * 10 : rng_log(s, k == 1 ? -40 : tiny, k == 1 ? 40 : big);
  }
  if (f32) {
    *x = (float)*x;
    *y = (float)*y;
  }
}

static int run_f32pair(const char *name, long n, FILE *hard) {
  int mf = !strcmp(name, "pow") ? MF_POW : !strcmp(name, "atan2") ? MF_ATAN2 : -1;
  long bad = 0, slow1 = 0, fastfail = 0, hostbad = 0, nhard = 0;
#pragma omp parallel reduction(+ : bad, slow1, fastfail, hostbad)
  {
    uint64_t s = 0x9e3779b97f4a7c15ull;
#ifdef _OPENMP
    s += (uint64_t)omp_get_thread_num() * 0x1234567ull;
#endif
#pragma omp for
    for (long i = 0; i < n; i++) {
      double x, y;
      float r;
      rand_pair(name, &s, 1, &x, &y);
      long before = probe.slow;
      float got = (float)call2(name, x, y, 1);
      fastfail += probe.slow != before;
      if (probe.slow != before && hard) {
#pragma omp critical
        if (nhard < 40) {
          nhard++;
          fprintf(hard, "%s 32 %08x %08x\n", name, fbits((float)x), fbits((float)y));
        }
      }
      double d = mf == MF_POW ? pow(x, y) : mf == MF_ATAN2 ? atan2(x, y) : fmod(x, y);
      if (!safe32(d, &r)) {
        double e = 0;
        if (mf == MF_POW && !pow_special(x, y, &e) && !pow_exact(x, y, &F32, &e)) e = slow(mf, x, y, &F32);
        else if (mf == MF_ATAN2) e = slow(mf, y, x, &F32);
        r = (float)e;
        slow1++;
      }
      bad += !same32(got, r);
      float hf = mf == MF_POW ? powf((float)x, (float)y) : mf == MF_ATAN2 ? atan2f((float)x, (float)y) : fmodf((float)x, (float)y);
      hostbad += !same32(hf, r);
      if (!same32(hf, r) && getenv("SHOWHOST") && hostbad < 5) fprintf(stderr, "host %sf(%a, %a) = %a, want %a\n", name, x, y, hf, r);
      if (!same32(got, r)) {
#pragma omp critical
        fprintf(stderr, "%sf(%a, %a): got %08x want %08x\n", name, x, y, fbits(got), fbits(r));
      }
    }
  }
  printf("%-6s f32 %ld random pairs: %ld wrong (%ld decided by the slow path); fast path gave up %ld times; "
         "host %sf differs %ld times\n", name, n, bad, slow1, fastfail, name, hostbad);
  return bad != 0;
}

static int run_f64(const char *name, long n, FILE *hard) {
  const struct fn *f = find(name);
  int two = !f, mf = f ? f->mf : !strcmp(name, "pow") ? MF_POW : !strcmp(name, "atan2") ? MF_ATAN2 : -1;
  long bad = 0, fastfail = 0, hostbad = 0, nbound = 0, nhard = 0;
  double worst = 0;
  time_t t0 = time(NULL);
#pragma omp parallel reduction(+ : bad, fastfail, hostbad, nbound)
  {
    uint64_t s = 0x2545f4914f6cdd1dull;
#ifdef _OPENMP
    s += (uint64_t)omp_get_thread_num() * 0x7654321ull;
#endif
#pragma omp for
    for (long i = 0; i < n; i++) {
      double x = 0, y = 0, got, want, h;
      if (two) rand_pair(name, &s, 0, &x, &y);
      else x = rand_arg(name, &s, 0);
      long before = probe.slow, np = probe.n;
      got = two ? call2(name, x, y, 0) : f->f64(x);
      int fast = probe.n != np, failed = probe.slow != before;
      fastfail += failed;
      if (failed && hard) {
#pragma omp critical
        if (nhard < 40) {
          nhard++;
          if (two) fprintf(hard, "%s 64 %016llx %016llx\n", name, (unsigned long long)dbits(x), (unsigned long long)dbits(y));
          else fprintf(hard, "%s 64 %016llx\n", name, (unsigned long long)dbits(x));
        }
      }
      if (mf < 0) { /* fmod, sqrt: exact, compare with the host; rsqrt: with 1/sqrt at 512 bits */
        want = two ? fmod(x, y) : f->host(x);
        if (!two && !strcmp(name, "rsqrt")) {
          struct mp v, w;
          mp_set_d(&v, x, MP_MAXN);
          mp_sqrt(&w, &v);
          mp_inv(&v, &w);
          if (!mp_round(&v, 20 * mp_u(MP_MAXN), &F64, 0, &want)) want = -1; /* never: not a midpoint */
        }
      } else {
        double ex = mf == MF_ATAN2 ? y : x, ey = mf == MF_ATAN2 ? x : y;
        if (fast) {
          double e = probe_err(mf, ex, ey) / probe.rel;
          nbound++;
          if (e > worst) {
#pragma omp critical
            if (e > worst) worst = e;
          }
        }
        if (!fast && !failed) {
          want = got; /* a special case */
        } else if (mf == MF_POW && pow_exact(x, y, &F64, &h)) {
          want = h;
        } else {
          struct mp v;
          double err = mp_eval(&v, mf, ex, ey, MP_MAXN);
          if (!mp_round(&v, err, &F64, 0, &want)) mp_round(&v, 0, &F64, 1, &want);
        }
      }
      bad += !same64(got, want);
      double hv = two ? (mf == MF_POW ? pow(x, y) : mf == MF_ATAN2 ? atan2(x, y) : fmod(x, y)) : f->host(x);
      hostbad += !same64(hv, want);
      if (!same64(got, want)) {
#pragma omp critical
        fprintf(stderr, "%s(%a, %a): got %a want %a\n", name, x, y, got, want);
      }
    }
  }
  printf("%-6s f64 %ld random arguments: %ld wrong vs the 512-bit slow path; fast path gave up %ld times; "
         "worst error/claimed bound %.3g over %ld; host %s differs %ld times; %lds\n",
         name, n, bad, fastfail, worst, nbound, name, hostbad, (long)(time(NULL) - t0));
  return bad || worst > 1;
}

/* ---- the array functions, exhaustive ---- */

/* All 2^32 arguments through path p of function vf, 4096 at a time, each
** result's bits against the scalar function's (NaNs included). */
static long vec_path(enum sim_math_path p, enum sim_math_vfn vf, long *opened) {
  long bad = 0, slow0 = 0;
#pragma omp parallel reduction(+ : bad, slow0)
  {
    float x[4096], r[4096];
    long s0 = probe.slow;
#pragma omp for schedule(dynamic, 16)
    for (long long i0 = 0; i0 < 1LL << 32; i0 += 4096) {
      for (int j = 0; j < 4096; j++) x[j] = ffrom((uint32_t)(i0 + j));
      sim_mathf_n_path(p, vf, x, r, 4096);
      for (int j = 0; j < 4096; j++) {
        float want = vf == SIM_VEXP2F ? sim_exp2f(x[j]) : sim_expf(x[j]);
        if (fbits(want) == fbits(r[j])) continue;
        bad++;
#pragma omp critical
        if (bad < 20)
          fprintf(stderr, "%s %s(%08x): got %08x want %08x\n", sim_math_path_name(p),
                  vf == SIM_VEXP2F ? "exp2f" : "expf", fbits(x[j]), fbits(r[j]), fbits(want));
      }
    }
    slow0 += probe.slow - s0;
  }
  *opened = slow0;
  return bad;
}

static int run_vec(const char *name) {
  enum sim_math_vfn vf = !strcmp(name, "exp") ? SIM_VEXPF : !strcmp(name, "exp2") ? SIM_VEXP2F : SIM_VNFNS;
  if (vf == SIM_VNFNS) {
    fprintf(stderr, "math_exhaustive vec: NAME is exp or exp2\n");
    return 2;
  }
  int rc = 0;
  for (int p = 0; p < SIM_MATH_NPATHS; p++) {
    if (!sim_math_path_ok((enum sim_math_path)p)) {
      printf("%-6s vec %-6s: not available here\n", name, sim_math_path_name((enum sim_math_path)p));
      continue;
    }
    time_t t0 = time(NULL);
    long opened, bad = vec_path((enum sim_math_path)p, vf, &opened);
    printf("%-6s vec %-6s: all 2^32 inputs, %ld differ from the scalar function; "
           "slow path taken %ld times (twice per lane the test left open); %lds\n",
           name, sim_math_path_name((enum sim_math_path)p), bad, opened, (long)(time(NULL) - t0));
    rc |= bad != 0;
  }
  return rc;
}

/* ---- speed ---- */

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

#define NSPEED 1000000
static double xs64[NSPEED];
static float xs32[NSPEED];

/* ns per call of g over xs, best of three runs. */
#define TIME(expr, arr)                                                                                             \
  do {                                                                                                                \
    best = 1e9;                                                                                                       \
    for (int rep = 0; rep < 3; rep++) {                                                                               \
      double t = now(), acc = 0;                                                                                      \
      for (int i = 0; i < NSPEED; i++) acc += expr(arr[i]);                                                             \
      t = (now() - t) / NSPEED * 1e9;                                                                                 \
      sink += acc;                                                                                                    \
      if (t < best) best = t;                                                                                         \
    }                                                                                                                 \
  } while (0)

static int run_speed(void) {
  double sink = 0, best, a, b, c, d;
  uint64_t s = 12345;
  printf("ns per call (best of 3 over %d arguments; the host libm in the same run)\n", NSPEED);
  printf("%-6s %10s %10s %10s %10s\n", "", "sim f32", "host f32", "sim f64", "host f64");
  for (int i = 0; i < NFNS; i++) {
    const struct fn *f = &FNS[i];
    for (int j = 0; j < NSPEED; j++) {
      xs64[j] = rand_arg(f->name, &s, 0);
      if (!strcmp(f->name, "sin") || !strcmp(f->name, "cos") || !strcmp(f->name, "tan"))
        xs64[j] = (rng_unif(&s) * 2 - 1) * 10; /* typical arguments */
      xs32[j] = (float)rand_arg(f->name, &s, 1);
      if (!strcmp(f->name, "sin") || !strcmp(f->name, "cos") || !strcmp(f->name, "tan"))
        xs32[j] = (float)((rng_unif(&s) * 2 - 1) * 10);
    }
    TIME(f->f32, xs32);
    a = best;
    TIME(f->hostf, xs32);
    b = best;
    TIME(f->f64, xs64);
    c = best;
    TIME(f->host, xs64);
    d = best;
    printf("%-6s %10.1f %10.1f %10.1f %10.1f\n", f->name, a, b, c, d);
  }
  /* pow and atan2 */
  for (int k = 0; k < 2; k++) {
    double ys[1000];
    float ysf[1000];
    for (int j = 0; j < 1000; j++) {
      ys[j] = (rng_unif(&s) * 2 - 1) * 10;
      ysf[j] = (float)ys[j];
    }
    for (int j = 0; j < NSPEED; j++) {
      xs64[j] = k ? (rng_unif(&s) * 2 - 1) * 10 : rng_unif(&s) * 10;
      xs32[j] = (float)xs64[j];
    }
    const char *nm = k ? "atan2" : "pow";
#define P64(x) (k ? sim_atan2(ys[i % 1000], x) : sim_pow(x, ys[i % 1000]))
#define H64(x) (k ? atan2(ys[i % 1000], x) : pow(x, ys[i % 1000]))
#define P32(x) (k ? sim_atan2f(ysf[i % 1000], x) : sim_powf(x, ysf[i % 1000]))
#define H32(x) (k ? atan2f(ysf[i % 1000], x) : powf(x, ysf[i % 1000]))
    TIME(P32, xs32);
    a = best;
    TIME(H32, xs32);
    b = best;
    TIME(P64, xs64);
    c = best;
    TIME(H64, xs64);
    d = best;
    printf("%-6s %10.1f %10.1f %10.1f %10.1f\n", nm, a, b, c, d);
  }
  /* the array functions: ns per element on each path, softmax-like
  ** arguments in [-20, 0], after the scalar function on the same ones */
  for (int j = 0; j < NSPEED; j++) xs32[j] = (float)(-rng_unif(&s) * 20);
  static float out32[NSPEED];
  for (int vf = 0; vf < SIM_VNFNS; vf++) {
    if (vf == SIM_VEXP2F) TIME(sim_exp2f, xs32);
    else TIME(sim_expf, xs32);
    printf("%-6s scalar, same arguments: %5.2f ns per element\n", vf == SIM_VEXP2F ? "exp2f" : "expf", best);
    for (int p = 0; p < SIM_MATH_NPATHS; p++) {
      if (!sim_math_path_ok((enum sim_math_path)p)) continue;
      best = 1e9;
      for (int rep = 0; rep < 3; rep++) {
        double t = now();
        sim_mathf_n_path((enum sim_math_path)p, (enum sim_math_vfn)vf, xs32, out32, NSPEED);
        t = (now() - t) / NSPEED * 1e9;
        sink += out32[rep];
        if (t < best) best = t;
      }
      printf("%-6s array, %-6s path: %5.2f ns per element\n", vf == SIM_VEXP2F ? "exp2f" : "expf",
             sim_math_path_name((enum sim_math_path)p), best);
    }
  }
  /* the slow path alone */
  {
    double t = now();
    for (int i = 0; i < 2000; i++) sink += slow(MF_EXP, 1 + i * 1e-3, 0, &F64);
    printf("slow path (256-bit exp): %.1f us per call\n", (now() - t) / 2000 * 1e6);
    t = now();
    for (int i = 0; i < 2000; i++) sink += slow(MF_SIN, 1 + i * 1e-3, 0, &F64);
    printf("slow path (256-bit sin): %.1f us per call\n", (now() - t) / 2000 * 1e6);
  }
  return sink == 12345.678;
}

int main(int argc, char **argv) {
  if (argc >= 3 && !strcmp(argv[1], "f32") && find(argv[2])) return run_f32(find(argv[2]), hard_file(argc, argv, 3));
  if (argc >= 4 && !strcmp(argv[1], "f32pair")) return run_f32pair(argv[2], atol(argv[3]), hard_file(argc, argv, 4));
  if (argc >= 4 && !strcmp(argv[1], "f64")) return run_f64(argv[2], atol(argv[3]), hard_file(argc, argv, 4));
  if (argc >= 3 && !strcmp(argv[1], "vec")) return run_vec(argv[2]);
  if (argc >= 2 && !strcmp(argv[1], "speed")) return run_speed();
  fprintf(stderr, "usage: math_exhaustive f32 NAME [HARD] | f32pair NAME N [HARD] | f64 NAME N [HARD] | vec NAME | speed\n");
  return 2;
}
