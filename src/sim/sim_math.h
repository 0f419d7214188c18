/*
** sim_math.h -- elementary functions that do not depend on the host's
** libm: the same bits on every machine and compiler.  Each is correctly
** rounded (round to nearest even) unless its comment says otherwise,
** with the special cases of C11 Annex F (F.10) for pow and atan2 and the
** IEEE 754 ones elsewhere (rsqrt(+-0) = +-inf, rsqrt(+inf) = +0).  A NaN
** argument comes back quiet with its payload (pow and atan2: the first
** NaN argument, fmod likewise); an invalid operation (log(-1), sin(inf),
** fmod(inf, y), ...) gives the default NaN 0x7ff8000000000000 (0x7fc00000).
** The functions are pure: no state, safe from any number of threads.
** sim_math.c says how each result is made and checked.
*/
#ifndef TILESIM_SIM_MATH_H
#define TILESIM_SIM_MATH_H

#include <stdbool.h>
#include <stddef.h>

float sim_expf(float x);
float sim_exp2f(float x);
float sim_logf(float x);
float sim_log2f(float x);
float sim_sinf(float x);
float sim_cosf(float x);
float sim_tanf(float x);
float sim_sinhf(float x);
float sim_coshf(float x);
float sim_tanhf(float x);
float sim_powf(float x, float y);
float sim_atan2f(float y, float x);
float sim_sqrtf(float x);
float sim_rsqrtf(float x);  /* 1/sqrt(x) rounded once */
float sim_fmodf(float x, float y);  /* x - trunc(x/y) y, exact */

double sim_exp(double x);
double sim_exp2(double x);
double sim_log(double x);
double sim_log2(double x);
double sim_sin(double x);
double sim_cos(double x);
double sim_tan(double x);
double sim_sinh(double x);
double sim_cosh(double x);
double sim_tanh(double x);
double sim_pow(double x, double y);
double sim_atan2(double y, double x);
double sim_sqrt(double x);
double sim_rsqrt(double x);
double sim_fmod(double x, double y);

/* ---- many f32 arguments at once (sim_math_vec.c) ----
** r[i] = sim_expf(a[i]) (sim_exp2f) for i < n, bit for bit whatever the
** path; r may be a.  The lanes repeat the scalar fast path's operations
** and its rounding test, and send the lanes that test cannot decide to
** the scalar function.  Start no threads. */

enum sim_math_vfn { SIM_VEXPF, SIM_VEXP2F, SIM_VNFNS };
enum sim_math_path {
  SIM_MATH_C,          /* portable C, one lane at a time */
  SIM_MATH_AVX2,       /* AVX2, 4 double lanes */
  SIM_MATH_AVX512,     /* AVX-512F, 8 double lanes */
  SIM_MATH_NPATHS
};

void sim_expf_n(const float *a, float *r, size_t n);
void sim_exp2f_n(const float *a, float *r, size_t n);
/* Function f on path p; -1 when this processor lacks p. */
int sim_mathf_n_path(enum sim_math_path p, enum sim_math_vfn f, const float *a, float *r,
                     size_t n);
bool sim_math_path_ok(enum sim_math_path p);
enum sim_math_path sim_math_path_best(void);
const char *sim_math_path_name(enum sim_math_path p);

/* For sim_math_vec.c: the constants of the scalar expf fast path. */
struct sim_expf_k {
  double invc64, c0, c1, ln2;  /* 64/ln2; ln2/64 = c0 + c1 (c0 short); ln 2 */
  double p[4];                 /* 1/2, 1/6, 1/24, 1/120 */
  double t[64];                /* 2^(j/64), the table's high parts */
};
void sim_expf_consts(struct sim_expf_k *k);

#endif
