/*
** cli_sweep.c -- `tilesim sweep`: the performance model over the cross
** product of hardware descriptions, description changes (--vary) and
** problem shapes (--shape), written as CSV and plotted as SVG.
**
** A trace depends only on the kernel, its grid and its arguments, so the
** kernel is traced once per shape and every description change reuses that
** trace; predictions run in parallel (OpenMP threads, and MPI ranks when
** built --with-mpi, each rank taking every size-th point).  Rank 0 writes
** the output, which is the same whatever the thread and rank counts.
*/
#include <config.h>
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#ifdef HAVE_MPI
#include <mpi.h>
#endif

#include "hw.h"
#include "perf.h"
#include "sim.h"
#include "sim_npy.h"
#include "sim_trace.h"
#include "svg.h"

enum { MAXK = 8, MAXHW = 16, MAXVAR = 8, MAXVAL = 256, MAXSET = 64, MAXARG = 256, MAXTXT = 1024 };

/* The digits of a point, outermost first: the kernel, the description, the
** shape variables (from DS), the --vary numbers (from DS + nshape). */
enum { DK = 0, DH = 1, DS = 2, MAXD = DS + 2 * MAXVAR };

static const char sweep_usage[] =
  "usage: tilesim sweep KERNEL --grid X[,Y[,Z]] [--hw NAME]... [--set PATH=VALUE]...\n"
  "                     [--vary PATH=V1,V2,...]... [--shape VAR=N1,N2,...]...\n"
  "                     [--kernel FILE]... [--entry NAME] [--csv FILE] [--svg FILE]\n"
  "                     [--plot util|tflops|time] [--threads N] ARG...\n"
  "\n"
  "Predict KERNEL on every point of the cross product of the descriptions\n"
  "(--hw, default b200), the values of each --vary (a description number, as\n"
  "for --set) and of each --shape variable.  {EXPR} in the grid and the\n"
  "arguments is replaced by the value of EXPR over the shape variables\n"
  "(integers, + - * / %, parentheses; / rounds down), e.g.\n"
  "  tilesim sweep gemm.mlir --shape N=4096,8192 --grid '{N/128},{N/256}' \\\n"
  "    --vary sm.sfu.ex2=16,32 shape:bf16:{N}x{N} shape:bf16:{N}x{N} shape:f32:{N}x{N} \\\n"
  "    i32:{N} i32:{N} i32:{N}\n"
  "--kernel adds variants of KERNEL (same entry name and arguments) as series.\n"
  "A kernel is traced once per shape.  One CSV row per point goes to --csv\n"
  "(default: standard output); --svg plots --plot (default util: percent of the\n"
  "MMA peak) against the first --vary (else the first --shape variable), one\n"
  "line per combination of the other parameters.\n";

/* A swept parameter: a description path or a shape variable, and its values. */
struct param {
  const char *name;
  char *vals[MAXVAL];
  int n;
};

struct sweep {
  const char *kernel, *entry, *csv, *svg, *plot, *grid;
  const char *kernels[MAXK], *kbase[MAXK];   /* KERNEL and the --kernel variants; base names */
  int nkernels;
  const char *hw[MAXHW];
  int nhw;
  const char *sets[MAXSET];
  int nsets;
  struct param vary[MAXVAR], shape[MAXVAR];
  int nvary, nshape;
  const char *argv[MAXARG];
  int nargs;
  int threads;
  char *lists[2 * MAXVAR];  /* copies of the value lists, split in place */
  int nlists;
};

/* One traced shape: its arguments in memory and its trace. */
struct traced {
  bool done, failed;
  struct sim_mem mem;
  struct sim_trace t;
  struct sim_value *vals;
};

/* What one point gives; plain doubles so that MPI can sum them. */
struct outcome {
  double ok;                   /* 1: predicted, 0: not this rank's, -1: failed */
  double seconds, tflops, util, busy[PERF_NUNITS], bottleneck, hbm, l2_hit, estimates;
  double x[MAXVAR];            /* each --vary value in the field's canonical unit */
};

/* ---- options ---- */

static int split_values(struct sweep *s, struct param *p, const char *arg, const char *opt) {
  const char *eq = strchr(arg, '=');
  if (!eq || eq == arg || !eq[1]) {
    cli_usage_error("sweep", "bad %s: expected NAME=V1,V2,...", opt);
    return -1;
  }
  char *copy = strdup(arg);
  if (!copy) return -1;
  s->lists[s->nlists++] = copy;
  copy[eq - arg] = 0;
  p->name = copy;
  for (char *v = copy + (eq - arg) + 1, *save = NULL; (v = strtok_r(v, ",", &save)); v = NULL) {
    if (p->n == MAXVAL) { cli_usage_error("sweep", "%s: too many values", opt); return -1; }
    p->vals[p->n++] = v;
  }
  if (!p->n) { cli_usage_error("sweep", "%s: no values", opt); return -1; }
  return 0;
}

static bool takes_value(const char *a) {
  static const char *const opts[] = { "--grid", "--hw", "--set", "--vary", "--shape", "--entry",
                                      "--csv", "--svg", "--plot", "--threads", "--kernel", NULL };
  for (int i = 0; opts[i]; i++) if (!strcmp(a, opts[i])) return true;
  return false;
}

/* One option with its value v; -1 after a usage message. */
static int option(struct sweep *s, const char *a, const char *v) {
  if (!strcmp(a, "--grid")) s->grid = v;
  else if (!strcmp(a, "--entry")) s->entry = v;
  else if (!strcmp(a, "--csv")) s->csv = v;
  else if (!strcmp(a, "--svg")) s->svg = v;
  else if (!strcmp(a, "--plot")) {
    if (strcmp(v, "util") && strcmp(v, "tflops") && strcmp(v, "time")) {
      cli_usage_error("sweep", "bad --plot '%s': expected util, tflops or time", v);
      return -1;
    }
    s->plot = v;
  } else if (!strcmp(a, "--threads")) {
    s->threads = atoi(v);
    if (s->threads < 1) { cli_usage_error("sweep", "bad thread count '%s'", v); return -1; }
  } else if (!strcmp(a, "--kernel")) {
    if (s->nkernels == MAXK - 1) { cli_usage_error("sweep", "%s", "too many --kernel (at most 7)"); return -1; }
    s->kernels[++s->nkernels] = v;        /* slot 0 is KERNEL's */
  } else if (!strcmp(a, "--hw")) {
    if (s->nhw == MAXHW) { cli_usage_error("sweep", "%s", "too many --hw (at most 16)"); return -1; }
    s->hw[s->nhw++] = v;
  } else if (!strcmp(a, "--set")) {
    if (s->nsets == MAXSET) { cli_usage_error("sweep", "%s", "too many --set (at most 64)"); return -1; }
    s->sets[s->nsets++] = v;
  } else {
    bool vary = !strcmp(a, "--vary");
    int *n = vary ? &s->nvary : &s->nshape;
    if (*n == MAXVAR) { cli_usage_error("sweep", "too many %s (at most 8)", a); return -1; }
    return split_values(s, vary ? &s->vary[(*n)++] : &s->shape[(*n)++], v, a);
  }
  return 0;
}

static int parse_options(int argc, char **argv, struct sweep *s) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (takes_value(a)) {
      if (i + 1 >= argc) { cli_usage_error("sweep", "option '%s' needs a value", a); return -1; }
      if (option(s, a, argv[++i])) return -1;
    } else if (a[0] == '-' && a[1] == '-') {
      cli_usage_error("sweep", "unknown option '%s'", a);
      return -1;
    } else if (!s->kernel) s->kernel = a;
    else if (s->nargs < MAXARG) s->argv[s->nargs++] = a;
    else { cli_usage_error("sweep", "too many arguments (at most %s)", "256"); return -1; }
  }
  if (!s->kernel) { cli_usage_error("sweep", "%s", "sweep: no kernel file"); return -1; }
  s->kernels[0] = s->kernel;
  s->nkernels++;
  for (int k = 0; k < s->nkernels; k++) {
    const char *b = strrchr(s->kernels[k], '/');
    s->kbase[k] = b ? b + 1 : s->kernels[k];
  }
  if (!s->grid) { cli_usage_error("sweep", "%s", "sweep: no --grid"); return -1; }
  if (!s->nhw) s->hw[s->nhw++] = HW_DEFAULT;
  if (!s->plot) s->plot = "util";
  return 0;
}

/* ---- {EXPR} over the shape variables ---- */

struct expr {
  const char *p;
  const struct sweep *s;
  const int *pick;             /* value index of each shape variable */
  bool bad;
};

static long long e_sum(struct expr *e);

static void skip_ws(struct expr *e) { while (*e->p == ' ') e->p++; }

/* atom -> NUMBER | VAR | '(' sum ')' | '-' atom */
static long long e_atom(struct expr *e) {
  skip_ws(e);
  if (*e->p == '(') {
    e->p++;
    long long v = e_sum(e);
    skip_ws(e);
    if (*e->p++ != ')') e->bad = true;
    return v;
  }
  if (*e->p == '-') { e->p++; return -e_atom(e); }
  if (isdigit((unsigned char)*e->p)) return strtoll(e->p, (char **)&e->p, 10);
  const char *q = e->p;
  while (isalnum((unsigned char)*e->p) || *e->p == '_') e->p++;
  for (int i = 0; i < e->s->nshape; i++)
    if (strlen(e->s->shape[i].name) == (size_t)(e->p - q) && !strncmp(q, e->s->shape[i].name, (size_t)(e->p - q)))
      return strtoll(e->s->shape[i].vals[e->pick[i]], NULL, 10);
  e->bad = true;
  return 0;
}

/* product -> atom {('*'|'/'|'%') atom} */
static long long e_product(struct expr *e) {
  long long v = e_atom(e);
  for (;;) {
    skip_ws(e);
    char op = *e->p;
    if (op != '*' && op != '/' && op != '%') return v;
    e->p++;
    long long w = e_atom(e);
    if (op == '*') v *= w;
    else if (w == 0) { e->bad = true; return 0; }
    else if (op == '/') v = v / w - ((v % w != 0) && ((v < 0) != (w < 0)));
    else v %= w;
  }
}

/* sum -> product {('+'|'-') product} */
static long long e_sum(struct expr *e) {
  long long v = e_product(e);
  for (;;) {
    skip_ws(e);
    if (*e->p != '+' && *e->p != '-') return v;
    char op = *e->p++;
    long long w = e_product(e);
    v = op == '+' ? v + w : v - w;
  }
}

/* tmpl with every {EXPR} replaced, into out; -1 after a message. */
static int substitute(const struct sweep *s, const int *pick, const char *tmpl, char *out, size_t n) {
  size_t k = 0;
  for (const char *p = tmpl; *p && k + 1 < n; ) {
    if (*p != '{') { out[k++] = *p++; continue; }
    const char *end = strchr(p, '}');
    char buf[256];
    if (!end || end - p > 250) { cli_usage_error("sweep", "unclosed '{' in '%s'", tmpl); return -1; }
    snprintf(buf, sizeof buf, "%.*s", (int)(end - p - 1), p + 1);
    struct expr e = { buf, s, pick, false };
    long long v = e_sum(&e);
    skip_ws(&e);
    if (e.bad || *e.p) { cli_usage_error("sweep", "bad expression in '%s' (shape variables: --shape)", tmpl); return -1; }
    k += (size_t)snprintf(out + k, n - k, "%lld", v);
    p = end + 1;
  }
  out[k < n ? k : n - 1] = 0;
  return 0;
}

/* ---- tracing one shape ---- */

static int parse_grid(const char *g, uint32_t grid[3]) {
  grid[0] = grid[1] = grid[2] = 1;
  for (int i = 0; i < 3; i++) {
    char *end;
    errno = 0;
    long v = strtol(g, &end, 10);
    if (errno || end == g || v < 1 || v > 0xFFFFFF) return -1;
    grid[i] = (uint32_t)v;
    if (!*end) return 0;
    if (*end != ',') return -1;
    g = end + 1;
  }
  return -1;
}

/* Bind the substituted specs to the parameters of entry in tr's memory. */
static int bind_all(struct traced *tr, const struct ir_op *entry, char specs[][MAXTXT], int n) {
  int np = entry->regions[0].block->nargs;
  const char **sp = calloc((size_t)n + 1, sizeof *sp);
  tr->vals = calloc((size_t)np + 1, sizeof *tr->vals);
  if (!sp || !tr->vals) { free(sp); fprintf(stderr, "tilesim: out of memory\n"); return -1; }
  for (int k = 0; k < n; k++) sp[k] = specs[k];
  int rc = cli_bind_args(&tr->mem, entry, sp, n, tr->vals, CLI_BIND_NO_CUTILE);
  free(sp);
  return rc;
}

/* Trace the kernel for the shape variables' values pick. */
static int trace_shape(const struct sweep *s, const struct ir_module *m, const struct ir_op *entry,
                       const int *pick, struct traced *tr) {
  char grid[MAXTXT];
  uint32_t g[3];
  mem_init(&tr->mem);
  tr->done = true;
  tr->failed = true;
  if (substitute(s, pick, s->grid, grid, sizeof grid)) return -1;
  if (parse_grid(grid, g)) { cli_usage_error("sweep", "bad grid '%s'", grid); return -1; }
  char (*specs)[MAXTXT] = calloc((size_t)s->nargs + 1, sizeof *specs);
  if (!specs) { fprintf(stderr, "tilesim: out of memory\n"); return -1; }
  int bad = 0;
  for (int k = 0; k < s->nargs && !bad; k++) bad = substitute(s, pick, s->argv[k], specs[k], MAXTXT);
  bad = bad || bind_all(tr, entry, specs, s->nargs);
  free(specs);
  if (bad) return -1;
  struct sim_opts o = { 0 };
  struct sim_error err = { 0 };
  if (sim_trace_launch(m, entry, g, tr->vals, entry->regions[0].block->nargs, &tr->mem, &o, &tr->t, &err)) {
    struct ts_diag d = { TS_ERROR, err.loc, err.msg };
    cli_print_diag(NULL, &d);
    return -1;
  }
  tr->failed = false;
  return 0;
}

static void traced_free(struct traced *tr) {
  if (!tr->done) return;
  sim_trace_free(&tr->t);
  free(tr->vals);
  mem_free(&tr->mem);
}

/* ---- points ---- */

/* The radices of a point index: kernels, descriptions, shape variables,
** varies; the last one varies fastest. */
static int radices(const struct sweep *s, int *r) {
  int n = 0;
  r[n++] = s->nkernels;
  r[n++] = s->nhw;
  for (int i = 0; i < s->nshape; i++) r[n++] = s->shape[i].n;
  for (int i = 0; i < s->nvary; i++) r[n++] = s->vary[i].n;
  return n;
}

static void digits(const struct sweep *s, long i, int *d) {
  int r[MAXD], n = radices(s, r);
  for (int k = n - 1; k >= 0; k--) { d[k] = (int)(i % r[k]); i /= r[k]; }
}

static long npoints(const struct sweep *s) {
  int r[MAXD], n = radices(s, r);
  long p = 1;
  for (int k = 0; k < n; k++) p *= r[k];
  return p;
}

/* The index of the trace of digits d: its kernel, then its shape (mixed
** radix over the shape variables). */
static long shape_index(const struct sweep *s, const int *d) {
  long i = d[DK];
  for (int k = 0; k < s->nshape; k++) i = i * s->shape[k].n + d[DS + k];
  return i;
}

/* Description hw with the --set changes, loaded once per thread. */
static struct hw_desc *desc_for(const struct sweep *s, struct hw_desc **cache, int hw) {
  if (cache[hw]) return cache[hw];
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  struct hw_desc *d;
  if (hw_desc_open(s->hw[hw], &d, &sink)) return NULL;
  for (int i = 0; i < s->nsets; i++)
    if (hw_desc_set_arg(d, s->sets[i], &sink)) { hw_desc_free(d); return NULL; }
  return cache[hw] = d;
}

/* Apply the point's --vary values to d, remembering what they replace in
** saved (absent numbers are remembered as absent).  Returns -1, or after
** an error the number of values applied (to undo). */
static int apply_vary(const struct sweep *s, struct hw_desc *d, const int *dv, struct hw_num *saved,
                      struct outcome *o) {
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  for (int k = 0; k < s->nvary; k++) {
    const struct hw_num *was = hw_desc_get(d, s->vary[k].name);
    saved[k] = was ? *was : (struct hw_num){ 0 };
    if (hw_desc_set(d, s->vary[k].name, s->vary[k].vals[dv[k]], &sink)) return k;
    const struct hw_num *now = hw_desc_get(d, s->vary[k].name);
    if (!now) {
      fprintf(stderr, "tilesim: --vary %s: not a number of the description\n", s->vary[k].name);
      return k + 1;
    }
    o->x[k] = now->v;
  }
  return -1;
}

/* Undo apply_vary() for the first n varies, last first (paths may repeat). */
static void restore_vary(const struct sweep *s, struct hw_desc *d, const struct hw_num *saved, int n) {
  for (int k = n - 1; k >= 0; k--) {
    struct hw_num *p = (struct hw_num *)hw_desc_get(d, s->vary[k].name);
    if (p) *p = saved[k];
  }
}

static void fill(struct outcome *o, const struct perf_result *r) {
  o->ok = 1;
  o->seconds = r->seconds; o->tflops = r->tflops; o->util = r->util;
  for (int u = 0; u < PERF_NUNITS; u++) o->busy[u] = r->busy[u];
  o->bottleneck = r->bottleneck;
  o->hbm = r->hbm_bytes; o->l2_hit = r->l2_hit; o->estimates = r->estimates;
}

/* Predict point i into *o with the thread's descriptions in cache. */
static void predict_point(const struct sweep *s, struct ir_module *const *ms,
                          const struct ir_op *const *entries, const struct traced *traces,
                          struct hw_desc **cache, long i, struct outcome *o) {
  int d[MAXD];
  struct hw_num saved[MAXVAR];
  digits(s, i, d);
  o->ok = -1;
  const struct traced *tr = &traces[shape_index(s, d)];
  struct hw_desc *hw = tr->failed ? NULL : desc_for(s, cache, d[DH]);
  if (!hw) return;
  int applied = apply_vary(s, hw, d + DS + s->nshape, saved, o);
  if (applied >= 0) { restore_vary(s, hw, saved, applied); return; }
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  struct perf_opts po = { 0 };
  struct perf_result r;
  if (!perf_predict(hw, ms[d[DK]], entries[d[DK]], &tr->t, &po, &r, &sink)) {
    fill(o, &r);
    perf_result_free(&r);
  }
  restore_vary(s, hw, saved, s->nvary);
}

/* ---- ranks ---- */

static void ranks(int *rank, int *size) {
  *rank = 0; *size = 1;
#ifdef HAVE_MPI
  MPI_Comm_rank(MPI_COMM_WORLD, rank);
  MPI_Comm_size(MPI_COMM_WORLD, size);
#endif
}

/* Every rank's outcomes summed into rank 0's (a point is computed by one
** rank; the others contribute zeros). */
static int gather(struct outcome *o, long n) {
#ifdef HAVE_MPI
  int rank, size;
  ranks(&rank, &size);
  if (size == 1) return 0;
  size_t count = (size_t)n * (sizeof *o / sizeof(double));
  double *sum = rank == 0 ? malloc(count * sizeof *sum) : NULL;
  if (rank == 0 && !sum) return -1;
  MPI_Reduce(o, sum, (int)count, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
  if (rank == 0) { memcpy(o, sum, count * sizeof *sum); free(sum); }
#else
  (void)o; (void)n;
#endif
  return 0;
}

/* Trace the shapes this rank's points need (one after another: a trace
** itself runs blocks in parallel), then predict its points in parallel. */
static void run_points(const struct sweep *s, struct ir_module *const *ms,
                       const struct ir_op *const *entries, struct traced *traces,
                       struct outcome *out, long n) {
  int rank, size, nth = 1;
  ranks(&rank, &size);
  for (long i = rank; i < n; i += size) {
    int d[MAXD];
    digits(s, i, d);
    struct traced *tr = &traces[shape_index(s, d)];
    if (!tr->done) trace_shape(s, ms[d[DK]], entries[d[DK]], d + DS, tr);
  }
#ifdef _OPENMP
  nth = s->threads ? s->threads : omp_get_max_threads();
#endif
  struct hw_desc **cache = calloc((size_t)nth * MAXHW, sizeof *cache);
  bool ok = cache != NULL;
  /* every thread's descriptions, loaded here one after another: a bad
  ** --set is reported once, and libxml2 never parses on two threads */
  for (int t = 0; ok && t < nth; t++)
    for (int h = 0; ok && h < s->nhw; h++) ok = desc_for(s, cache + (size_t)t * MAXHW, h) != NULL;
  if (!ok) {
    for (long i = rank; i < n; i += size) out[i].ok = -1;
    n = 0;
  }
#pragma omp parallel for schedule(dynamic, 1) num_threads(nth)
  for (long i = rank; i < n; i += size) {
    int th = 0;
#ifdef _OPENMP
    th = omp_get_thread_num();
#endif
    predict_point(s, ms, entries, traces, cache + (size_t)th * MAXHW, i, &out[i]);
  }
  for (int i = 0; cache && i < nth * MAXHW; i++) hw_desc_free(cache[i]);
  free(cache);
}

/* ---- output ---- */

static void csv_header(struct ts_buf *b, const struct sweep *s) {
  ts_buf_puts(b, s->nkernels > 1 ? "kernel,hw" : "hw");
  for (int k = 0; k < s->nshape; k++) ts_buf_printf(b, ",%s", s->shape[k].name);
  for (int k = 0; k < s->nvary; k++) ts_buf_printf(b, ",%s", s->vary[k].name);
  ts_buf_puts(b, ",seconds,tflops,util,bottleneck");
  for (int u = 0; u < PERF_NUNITS; u++) ts_buf_printf(b, ",busy_%s", perf_unit_name((enum perf_unit)u));
  ts_buf_puts(b, ",hbm_bytes,l2_hit,estimates\n");
}

static void csv_row(struct ts_buf *b, const struct sweep *s, long i, const struct outcome *o) {
  int d[MAXD];
  digits(s, i, d);
  if (s->nkernels > 1) ts_buf_printf(b, "%s,", s->kbase[d[DK]]);
  ts_buf_puts(b, s->hw[d[DH]]);
  for (int k = 0; k < s->nshape; k++) ts_buf_printf(b, ",%s", s->shape[k].vals[d[DS + k]]);
  for (int k = 0; k < s->nvary; k++) ts_buf_printf(b, ",%.9g", o->x[k]);
  ts_buf_printf(b, ",%.9g,%.9g,%.9g,%s", o->seconds, o->tflops, o->util,
                perf_unit_name((enum perf_unit)(int)o->bottleneck));
  for (int u = 0; u < PERF_NUNITS; u++) ts_buf_printf(b, ",%.9g", o->busy[u]);
  ts_buf_printf(b, ",%.9g,%.9g,%.0f\n", o->hbm, o->l2_hit, o->estimates);
}

static double y_of(const struct sweep *s, const struct outcome *o) {
  if (!strcmp(s->plot, "tflops")) return o->tflops;
  if (!strcmp(s->plot, "time")) return o->seconds * 1e6;
  return 100 * o->util;
}

/* Which digit is the x axis: the first --vary, else the first --shape,
** else the descriptions when there are several, else the kernels. */
static int x_digit(const struct sweep *s) {
  return s->nvary ? DS + s->nshape : s->nshape ? DS : s->nhw > 1 ? DH : DK;
}

/* The name of point i's series: every parameter but the x axis and those
** with a single value. */
static void series_name(const struct sweep *s, long i, char *buf, size_t n) {
  int d[MAXD], xd = x_digit(s);
  size_t k = 0;
  digits(s, i, d);
  buf[0] = 0;
  if (xd != DK && s->nkernels > 1) k += (size_t)snprintf(buf + k, n - k, "%s", s->kbase[d[DK]]);
  if (xd != DH && s->nhw > 1 && k < n) k += (size_t)snprintf(buf + k, n - k, "%s%s", k ? ", " : "", s->hw[d[DH]]);
  for (int j = 0; j < s->nshape && k < n; j++)
    if (DS + j != xd && s->shape[j].n > 1) k += (size_t)snprintf(buf + k, n - k, "%s%s=%s", k ? ", " : "", s->shape[j].name, s->shape[j].vals[d[DS + j]]);
  for (int j = 0; j < s->nvary && k < n; j++)
    if (DS + s->nshape + j != xd && s->vary[j].n > 1) k += (size_t)snprintf(buf + k, n - k, "%s%s=%s", k ? ", " : "", s->vary[j].name, s->vary[j].vals[d[DS + s->nshape + j]]);
  if (!buf[0]) snprintf(buf, n, "%s", s->hw[d[DH]]);
}

static int write_text(const char *path, const struct ts_buf *b) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(b->s, 1, b->len, f) != b->len || fclose(f)) {
    fprintf(stderr, "tilesim: cannot write '%s': %s\n", path, strerror(errno));
    if (f) fclose(f);
    return -1;
  }
  return 0;
}

struct unit_query { const char *path; char unit[32]; };

static void unit_of(void *ud, const char *path, const char *unit, const struct hw_num *n) {
  struct unit_query *q = ud;
  (void)n;
  if (!strcmp(path, q->path)) snprintf(q->unit, sizeof q->unit, "%s", unit);
}

/* The x axis label: the varied path with its canonical unit ("sm.sfu.ex2 (op/clk)"). */
static void x_label(const struct sweep *s, int xd, char *buf, size_t n) {
  if (xd == DK) { snprintf(buf, n, "kernel"); return; }
  if (xd == DH) { snprintf(buf, n, "description"); return; }
  if (xd < DS + s->nshape) { snprintf(buf, n, "%s", s->shape[0].name); return; }
  struct unit_query q = { s->vary[0].name, "" };
  struct ts_diag_sink quiet = { 0 };
  struct hw_desc *d;
  if (!hw_desc_open(s->hw[0], &d, &quiet)) {
    hw_desc_foreach(d, unit_of, &q);
    hw_desc_free(d);
  }
  snprintf(buf, n, "%s%s%s%s", q.path, q.unit[0] ? " (" : "", q.unit, q.unit[0] ? ")" : "");
}

/* The plot: points grouped into series by everything but the x digit. */
static int write_svg(const struct sweep *s, const struct outcome *o, long n) {
  int r[MAXD], xd = x_digit(s), nr = radices(s, r);
  long nx = r[xd], ns = n / nx;
  double *x = calloc((size_t)n, sizeof *x), *y = calloc((size_t)n, sizeof *y);
  struct svg_series *ser = calloc((size_t)ns, sizeof *ser);
  char (*names)[256] = calloc((size_t)ns, sizeof *names);
  bool logx = false, ok = x && y && ser && names;
  long next = 0;
  double lo = INFINITY, hi = 0;
  for (long i = 0; ok && i < n; i++) {
    int d[MAXD];
    digits(s, i, d);
    if (d[xd] != 0) continue;            /* the first point of a series: gather the rest */
    long si = next++, stride = 1;
    for (int k = xd + 1; k < nr; k++) stride *= r[k];
    series_name(s, i, names[si], sizeof names[si]);
    for (long j = 0; j < nx; j++) {
      const struct outcome *p = &o[i + j * stride];
      x[si * nx + j] = xd >= DS + s->nshape ? p->x[0] : xd >= DS ? strtod(s->shape[0].vals[j], NULL) : (double)j;
      y[si * nx + j] = p->ok > 0 ? y_of(s, p) : NAN;
      if (x[si * nx + j] > 0) { lo = fmin(lo, x[si * nx + j]); hi = fmax(hi, x[si * nx + j]); }
    }
    ser[si] = (struct svg_series){ names[si], x + si * nx, y + si * nx, (size_t)nx, SVG_LINE, false };
  }
  logx = xd >= DS && lo > 0 && hi / lo >= 8;
  const char *ylab = !strcmp(s->plot, "tflops") ? "TFLOP/s" : !strcmp(s->plot, "time") ? "time (us)"
                   : "MMA utilization (% of peak)";
  char title[300], xlab[300];
  snprintf(title, sizeof title, "%s%s%s%s: %s", s->kbase[0], s->nkernels > 1 ? " and variants" : "",
           s->nhw == 1 ? " on " : "", s->nhw == 1 ? s->hw[0] : "", ylab);
  x_label(s, xd, xlab, sizeof xlab);
  struct svg_plot p = { .title = title, .ylabel = ylab, .logx = logx, .series = ser, .nseries = (size_t)next,
                        .xlabel = xlab,
                        .xticks = xd == DH ? s->hw : xd == DK ? s->kbase : NULL,
                        .nxticks = xd < DS ? (size_t)r[xd] : 0 };
  struct ts_buf b = { 0 };
  if (ok) svg_plot_write(&b, &p);
  int rc = !ok || b.oom ? -1 : write_text(s->svg, &b);
  ts_buf_free(&b);
  free(x); free(y); free(ser); free(names);
  return rc;
}

static int write_outputs(const struct sweep *s, const struct outcome *o, long n) {
  struct ts_buf b = { 0 };
  csv_header(&b, s);
  for (long i = 0; i < n; i++) if (o[i].ok > 0) csv_row(&b, s, i, &o[i]);
  int rc = 0;
  if (b.oom) rc = -1;
  else if (s->csv) rc = write_text(s->csv, &b);
  else fputs(b.s, stdout);
  ts_buf_free(&b);
  if (!rc && s->svg) rc = write_svg(s, o, n);
  return rc;
}

/* ---- the command ---- */

/* Load kernel k of s and find its entry; an exit status. */
static int load_kernel(const struct sweep *s, int k, struct ir_module **m, const struct ir_op **entry) {
  size_t len;
  char *text = cli_read_file(s->kernels[k], &len);
  if (!text) return EXIT_SYSTEM;
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  *m = cli_load(s->kernels[k], text, len, &sink, NULL);
  free(text);
  if (!*m) return EXIT_INVALID;
  if (!(*entry = sim_find_entry(*m, s->entry))) {
    fprintf(stderr, "tilesim: no entry%s%s in %s (choose one with --entry)\n", s->entry ? " named " : "",
            s->entry ? s->entry : "", s->kernels[k]);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

static int sweep(struct sweep *s) {
  struct ir_module *ms[MAXK] = { 0 };
  const struct ir_op *entries[MAXK] = { 0 };
  int rc = EXIT_OK, rank, size;
  for (int k = 0; k < s->nkernels && !rc; k++) rc = load_kernel(s, k, &ms[k], &entries[k]);
  long n = npoints(s), ntraces = s->nkernels;
  for (int k = 0; k < s->nshape; k++) ntraces *= s->shape[k].n;
  struct traced *traces = rc ? NULL : calloc((size_t)ntraces, sizeof *traces);
  struct outcome *out = rc ? NULL : calloc((size_t)n, sizeof *out);
  ranks(&rank, &size);
  if (!rc && (!traces || !out)) rc = EXIT_SYSTEM;
  if (!rc) {
    run_points(s, ms, entries, traces, out, n);
    for (long i = rank; i < n; i += size) if (out[i].ok < 0) rc = EXIT_INVALID;
    if (gather(out, n)) rc = EXIT_SYSTEM;
    for (long i = 0; rank == 0 && i < n; i++) if (out[i].ok <= 0 && !rc) rc = EXIT_INVALID;
    if (rank == 0 && rc == EXIT_OK && write_outputs(s, out, n)) rc = EXIT_SYSTEM;
  }
  for (long i = 0; traces && i < ntraces; i++) traced_free(&traces[i]);
  free(traces);
  free(out);
  for (int k = 0; k < s->nkernels; k++) ir_module_free(ms[k]);
  return rc;
}

/* Every rank's exit status becomes the worst of them. */
static int agree(int rc) {
#ifdef HAVE_MPI
  int worst = rc;
  MPI_Allreduce(&rc, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return worst;
#else
  return rc;
#endif
}

int cmd_sweep(int argc, char **argv) {
  if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    fputs(sweep_usage, stdout);
#ifdef HAVE_MPI
    fputs("This tilesim is built with MPI: under mpirun -n N the points are split over\n"
          "the N ranks and rank 0 writes the same output as a single process.\n", stdout);
#endif
    return EXIT_OK;
  }
  struct sweep s = { 0 };
  int rc = parse_options(argc, argv, &s) ? EXIT_USAGE : -1;
#ifdef HAVE_MPI
  MPI_Init(&argc, &argv);
#endif
  if (rc < 0) rc = sweep(&s);
  rc = agree(rc);
#ifdef HAVE_MPI
  MPI_Finalize();
#endif
  for (int i = 0; i < s.nlists; i++) free(s.lists[i]);
  return rc;
}
