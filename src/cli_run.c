/*
** cli_run.c -- `tilesim run`: load a kernel, bind its arguments to
** allocations in simulated global memory, run it over the grid, write the
** arrays back and compare them with references.
*/
#include <config.h>
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "sim.h"
#include "sim_fp.h"
#include "sim_npy.h"
#include "hw.h"

struct expect { char param[128]; const char *path; };

struct run {
  const char *kernel, *entry, *out;
  const char *hw;                /* --hw: the description whose numerics apply */
  bool numerics_set;             /* --numerics given: it wins over the description */
  uint32_t grid[3];
  bool npz, timing;
  struct sim_opts opts;
  double atol, rtol, ulp;
  bool tolerant;
  const char *argv[256];
  int nargs;
  struct expect expects[64];
  int nexpects;
};

static int parse_grid(const char *s, uint32_t g[3]) {
  g[0] = g[1] = g[2] = 1;
  for (int i = 0; i < 3; i++) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || v < 1 || v > 0xFFFFFF) return -1;
    g[i] = (uint32_t)v;
    if (!*end) return 0;
    if (*end != ',') return -1;
    s = end + 1;
  }
  return -1;
}

static int parse_options(int argc, char **argv, struct run *r) {
  r->grid[0] = r->grid[1] = r->grid[2] = 1;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    bool takes = !strcmp(a, "--grid") || !strcmp(a, "--entry") || !strcmp(a, "--out") ||
                 !strcmp(a, "--threads") || !strcmp(a, "--numerics") || !strcmp(a, "--expect") ||
                 !strcmp(a, "--atol") || !strcmp(a, "--rtol") || !strcmp(a, "--ulp") ||
                 !strcmp(a, "--max-iterations") || !strcmp(a, "--hw");
    if (takes && !v) { cli_usage_error("run", "option '%s' needs a value", a); return -1; }
    if (!strcmp(a, "--grid")) {
      if (parse_grid(v, r->grid)) { cli_usage_error("run", "bad grid '%s': expected X[,Y[,Z]] with each in 1..16777215", v); return -1; }
    } else if (!strcmp(a, "--entry")) r->entry = v;
    else if (!strcmp(a, "--out")) r->out = v;
    else if (!strcmp(a, "--threads")) {
      r->opts.threads = atoi(v);
      if (r->opts.threads < 1) { cli_usage_error("run", "bad thread count '%s'", v); return -1; }
    } else if (!strcmp(a, "--hw")) r->hw = v;
    else if (!strcmp(a, "--numerics")) {
      r->numerics_set = true;
      if (sim_set_numerics(&r->opts, v)) {
        cli_usage_error("run", "unknown numerics '%s' (fma, exact, or a GPU profile: sm70 sm80 "
                        "sm89 sm90 sm100 sm120 cdna3, or a GPU name such as H100)", v);
        return -1;
      }
    } else if (!strcmp(a, "--max-iterations")) {
      char *end;
      errno = 0;
      unsigned long long n = strtoull(v, &end, 10);
      if (errno || end == v || *end || v[0] == '-') { cli_usage_error("run", "bad iteration limit '%s'", v); return -1; }
      r->opts.max_iterations = n ? n : UINT64_MAX;
    } else if (!strcmp(a, "--expect")) {
      const char *eq = strchr(v, '=');
      if (!eq || eq[1] != '@' || eq - v >= 128 || r->nexpects == 64) {
        cli_usage_error("run", "bad --expect '%s': expected PARAM=@ref.npy", v);
        return -1;
      }
      struct expect *x = &r->expects[r->nexpects++];
      snprintf(x->param, sizeof x->param, "%.*s", (int)(eq - v), v);
      x->path = eq + 2;
    } else if (!strcmp(a, "--atol") || !strcmp(a, "--rtol") || !strcmp(a, "--ulp")) {
      char *end;
      double d = strtod(v, &end);
      if (*end || d < 0) { cli_usage_error("run", "bad tolerance '%s'", v); return -1; }
      if (a[2] == 'a') r->atol = d; else if (a[2] == 'r') r->rtol = d; else r->ulp = d;
      r->tolerant = true;
    } else if (!strcmp(a, "--npz")) r->npz = true;
    else if (!strcmp(a, "--check-assumes")) r->opts.check_assumes = true;
    else if (!strcmp(a, "--time")) r->timing = true;
    else if (a[0] == '-' && a[1] == '-') { cli_usage_error("run", "unknown option '%s'", a); return -1; }
    else if (!r->kernel) r->kernel = a;
    else if (r->nargs < 256) r->argv[r->nargs++] = a;
    else { cli_usage_error("run", "too many arguments (at most %s)", "256"); return -1; }
    if (takes) i++;
  }
  if (!r->kernel) { cli_usage_error("run", "%s", "run: no kernel file"); return -1; }
  return 0;
}

/* The hardware description's numerics (--hw NAME, a description that
** fails being an error, else the default one: hw_default_numerics): how
** ftof narrows, and, without --numerics, mmaf's profile. */
static int default_numerics(struct run *r) {
  struct hw_numerics n;
  if (r->hw) {
    struct ts_diag_sink loud = { cli_print_diag, NULL, 0, 0 };
    struct hw_desc *d;
    if (hw_desc_open(r->hw, &d, &loud)) return EXIT_INVALID;
    hw_numerics_of(d, &n);
    hw_desc_free(d);
  } else {
    hw_default_numerics(&n);
  }
  r->opts.narrow_ieee = n.narrow_ieee;
  r->opts.nan_propagate = n.nan_propagate;
  r->opts.fp8_fnuz = n.fp8_fnuz;
  if (r->numerics_set || !sim_set_numerics(&r->opts, n.profile)) return 0;
  fprintf(stderr, "tilesim: the hardware description names an unknown numerics profile '%s'\n",
          n.profile);
  return EXIT_INVALID;
}

/* ---- binding arguments to parameters ---- */

struct binding {
  struct sim_value *vals;       /* one per entry parameter */
  int *array_of;                /* parameter -> index of its array arg, or -1 */
  struct sim_arg *args;
  int nargs;
};

static const char *param_name(const struct ir_block *b, int i, char *buf, size_t n) {
  if (b->args[i].name) return b->args[i].name;
  snprintf(buf, n, "%d", i);
  return buf;
}

/* Put array arg a in memory as parameter p (a pointer). */
static int bind_array(struct sim_mem *mem, const struct ir_block *body, int p,
                      struct sim_arg *a, struct binding *b, int k) {
  const struct ty *t = body->args[p].type;
  char nb[16];
  const char *name = param_name(body, p, nb, sizeof nb);
  if (t->kind != TY_TILE || t->rank || t->elt->kind != TY_PTR) {
    fprintf(stderr, "tilesim: argument for '%%%s' is an array but the parameter has type ", name);
    struct ts_buf tb = {0};
    ty_print(&tb, t);
    fprintf(stderr, "%s\n", tb.s ? tb.s : "?");
    ts_buf_free(&tb);
    return -1;
  }
  const struct ty *pe = t->elt->elt;
  if (pe->kind != TY_INT && pe->kind != TY_FLOAT) return -1;
  if (pe->elem != a->array.elem) {
    fprintf(stderr, "tilesim: argument for '%%%s' has elements of %s, the parameter points to %s\n",
            name, ty_elem_names[a->array.elem], ty_elem_names[pe->elem]);
    return -1;
  }
  /* the array's bytes become the allocation's: no second copy */
  struct mem_alloc *m = mem_adopt(mem, a->array.data, a->array.nbytes, name, pe->elem);
  if (!m) { fprintf(stderr, "tilesim: out of memory for '%%%s'\n", name); return -1; }
  a->array.data = NULL;
  b->vals[p].bits = m->base;
  b->array_of[p] = k;
  return 0;
}

static int bind_scalar(const struct ir_block *body, int p, const struct sim_arg *a,
                       struct binding *b) {
  const struct ty *t = body->args[p].type;
  char nb[16];
  const char *name = param_name(body, p, nb, sizeof nb);
  if (t->kind != TY_TILE || t->rank || t->elt->kind == TY_PTR || t->elt->elem != a->elem) {
    struct ts_buf tb = {0};
    ty_print(&tb, t);
    fprintf(stderr, "tilesim: argument for '%%%s' is a %s scalar but the parameter has type %s\n",
            name, ty_elem_names[a->elem], tb.s ? tb.s : "?");
    ts_buf_free(&tb);
    return -1;
  }
  b->vals[p].bits = a->bits;
  return 0;
}

/* cuTile passes an array as its pointer, then its shape, then its strides
** (in elements), each an integer parameter of the kernel's choosing. */
static int bind_cutile(struct sim_mem *mem, const struct ir_block *body, int *p,
                       struct sim_arg *a, struct binding *b, int k) {
  int rank = a->array.rank;
  if (*p + 1 + 2 * rank > body->nargs) {
    fprintf(stderr, "tilesim: cuTile array argument %d needs %d parameters, the entry has %d left\n",
            k + 1, 1 + 2 * rank, body->nargs - *p);
    return -1;
  }
  if (bind_array(mem, body, *p, a, b, k)) return -1;
  int64_t stride = 1, strides[SIM_MAX_RANK];
  for (int d = rank - 1; d >= 0; d--) { strides[d] = stride; stride *= a->array.shape[d]; }
  for (int d = 0; d < 2 * rank; d++) {
    int q = *p + 1 + d;
    const struct ty *t = body->args[q].type;
    if (t->kind != TY_TILE || t->rank || t->elt->kind != TY_INT) {
      fprintf(stderr, "tilesim: cuTile array argument %d: parameter %d is not an integer scalar\n", k + 1, q);
      return -1;
    }
    b->vals[q].bits = (uint64_t)(d < rank ? a->array.shape[d] : strides[d - rank]);
  }
  *p += 1 + 2 * rank;
  return 0;
}

/* Whether the file a spec or --expect names cannot be read at all (it is
** missing, unreadable or a directory): EXIT_SYSTEM; a file that reads but
** is not a valid array is invalid input (EXIT_INVALID). */
static int file_status(const char *path, size_t n) {
  char buf[4096];
  struct stat st;
  snprintf(buf, sizeof buf, "%.*s", (int)n, path);
  if (stat(buf, &st) || S_ISDIR(st.st_mode)) return EXIT_SYSTEM;
  FILE *f = fopen(buf, "rb");
  if (!f) return EXIT_SYSTEM;
  fclose(f);
  return EXIT_INVALID;
}

/* The exit status for a spec sim_arg_parse rejected: a file's status
** ('@PATH.npy...'), else a command-line (usage) error. */
static int spec_status(const char *spec) {
  const char *eq = strchr(spec, '='), *at = strchr(spec, '@');
  if (!at || (eq && eq < at && at != eq + 1) || (!eq && at != spec)) return EXIT_USAGE;
  for (const char *p = at + 1; (p = strstr(p, ".np")) != NULL; p++)
    if ((p[3] == 'y' || p[3] == 'z') && (p[4] == ':' || !p[4])) return file_status(at + 1, (size_t)(p + 4 - at - 1));
  return EXIT_USAGE;
}

/* Bind every argument; 0, or the exit status after a message. */
static int bind_all(struct sim_mem *mem, const struct ir_op *entry, struct run *r,
                    struct binding *b) {
  const struct ir_block *body = entry->regions[0].block;
  int np = body->nargs;
  b->vals = calloc((size_t)(np ? np : 1), sizeof *b->vals);
  b->array_of = malloc((size_t)(np ? np : 1) * sizeof *b->array_of);
  b->args = calloc((size_t)(r->nargs ? r->nargs : 1), sizeof *b->args);
  if (!b->vals || !b->array_of || !b->args) return EXIT_SYSTEM;
  for (int i = 0; i < np; i++) { b->array_of[i] = -1; b->vals[i].type = body->args[i].type; }
  bool bound[256] = {0};
  int p = 0;
  for (int k = 0; k < r->nargs; k++) {
    char err[512];
    struct sim_arg *a = &b->args[k];
    /* rand without a seed: seed by position, so two such arrays differ */
    char spec[1024];
    const char *rs = strstr(r->argv[k], "rand:");
    bool seedless = rs && (rs == r->argv[k] || rs[-1] == '=') && !strstr(rs, "seed=");
    size_t len = strlen(r->argv[k]);
    bool cut = len > 7 && !strcmp(r->argv[k] + len - 7, ":cutile");
    if (seedless)
      snprintf(spec, sizeof spec, "%.*s:seed=%d%s", (int)(cut ? len - 7 : len), r->argv[k], k + 1,
               cut ? ":cutile" : "");
    else
      snprintf(spec, sizeof spec, "%s", r->argv[k]);
    if (sim_arg_parse(spec, a, err, sizeof err)) {
      fprintf(stderr, "tilesim: %s\n", err);
      return spec_status(spec);
    }
    if (a->shape_only) {
      fprintf(stderr, "tilesim: argument '%s' is a shape without data, which only tilesim perf "
              "takes; run needs values (zeros:, rand:, @FILE.npy)\n", r->argv[k]);
      sim_arg_free(a);
      return EXIT_USAGE;
    }
    b->nargs = k + 1;
    int q = p;
    if (a->name) {
      for (q = 0; q < np; q++)
        if (body->args[q].name && !strcmp(body->args[q].name, a->name)) break;
      if (q == np) { fprintf(stderr, "tilesim: the entry has no parameter named '%%%s'\n", a->name); return EXIT_INVALID; }
    } else {
      while (q < np && bound[q]) q++;
    }
    if (q >= np) {
      fprintf(stderr, "tilesim: too many arguments: entry '%s' takes %d\n", entry->attr.str, np);
      return EXIT_INVALID;
    }
    int before = q;
    int rc = a->kind == ARG_SCALAR ? bind_scalar(body, q, a, b)
           : a->cutile ? bind_cutile(mem, body, &q, a, b, k)
           : bind_array(mem, body, q, a, b, k);
    if (rc) return EXIT_INVALID;
    for (int j = before; j <= (a->cutile ? q - 1 : before); j++) bound[j] = true;
    if (!a->name) p = a->cutile ? q : before + 1;
  }
  for (int i = 0; i < np; i++)
    if (!bound[i]) {
      char nb[16];
      fprintf(stderr, "tilesim: no argument for parameter '%%%s' (entry '%s' takes %d, %d given)\n",
              param_name(body, i, nb, sizeof nb), entry->attr.str, np, r->nargs);
      return EXIT_INVALID;
    }
  return 0;
}

/* ---- results ---- */

/* The array parameter p holds after the run, as a host array view. */
static struct sim_array result_array(const struct sim_mem *mem, const struct binding *b, int p) {
  struct sim_array out = b->args[b->array_of[p]].array;
  const struct mem_alloc *m = mem_find(mem, b->vals[p].bits, 0);
  out.data = m ? m->host : NULL;
  return out;
}

static int write_outputs(const struct sim_mem *mem, const struct ir_op *entry,
                         const struct binding *b, const struct run *r) {
  const struct ir_block *body = entry->regions[0].block;
  if (mkdir(r->out, 0777) && errno != EEXIST) {
    fprintf(stderr, "tilesim: cannot create '%s': %s\n", r->out, strerror(errno));
    return EXIT_SYSTEM;
  }
  const char *keys[256];
  struct sim_array arrs[256];
  const struct sim_array *ptrs[256];
  char names[256][64];
  int n = 0;
  for (int p = 0; p < body->nargs && n < 256; p++) {
    if (b->array_of[p] < 0) continue;
    snprintf(names[n], sizeof names[n], "%s", param_name(body, p, names[n], sizeof names[n]));
    keys[n] = names[n];
    arrs[n] = result_array(mem, b, p);
    ptrs[n] = &arrs[n];
    n++;
  }
  char err[512], path[4096];
  if (r->npz) {
    snprintf(path, sizeof path, "%s/out.npz", r->out);
    if (sim_npz_write(path, keys, ptrs, n, err, sizeof err)) { fprintf(stderr, "tilesim: %s\n", err); return EXIT_SYSTEM; }
    return EXIT_OK;
  }
  for (int i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/%s.npy", r->out, keys[i]);
    if (sim_npy_write(path, ptrs[i], err, sizeof err)) { fprintf(stderr, "tilesim: %s\n", err); return EXIT_SYSTEM; }
  }
  return EXIT_OK;
}

/* Element i of a as a double (floats) or an integer. */
static bool is_float_elem(enum ty_elem e) { return e >= EL_F16; }

static uint64_t elem_bits(const struct sim_array *a, int64_t i) {
  size_t s = sim_elem_size(a->elem);
  uint64_t v = 0;
  memcpy(&v, (const unsigned char *)a->data + (size_t)i * s, s);
  return v;
}

static void coords(const struct sim_array *a, int64_t i, char *buf, size_t n) {
  sim_coords(a->shape, a->rank, i, buf, n);
}

/* Distance in units in the last place between two finite doubles of type e. */
static double ulps(enum ty_elem e, double got, double want) {
  int ex;
  frexp(want, &ex);
  static const int mbits[EL_COUNT] = { [EL_F16] = 10, [EL_BF16] = 7, [EL_F32] = 23, [EL_F64] = 52,
    [EL_TF32] = 10, [EL_F8E4M3FN] = 3, [EL_F8E5M2] = 2, [EL_F8E8M0FNU] = 0, [EL_F8E5M3FNU] = 3, [EL_F4E2M1FN] = 1 };
  return fabs(got - want) / ldexp(1.0, ex - 1 - mbits[e]);
}

static int compare(const struct sim_array *got, const struct sim_array *want, const char *param,
                   const struct run *r) {
  if (got->elem != want->elem || got->numel != want->numel) {
    fprintf(stderr, "tilesim: --expect %s: reference has %lld elements of %s, the result %lld of %s\n",
            param, (long long)want->numel, ty_elem_names[want->elem], (long long)got->numel,
            ty_elem_names[got->elem]);
    return EXIT_INVALID;
  }
  int64_t bad = 0;
  for (int64_t i = 0; i < got->numel; i++) {
    uint64_t g = elem_bits(got, i), w = elem_bits(want, i);
    if (g == w) continue;
    if (r->tolerant && is_float_elem(got->elem)) {
      double gd = fp_to_double(got->elem, g), wd = fp_to_double(got->elem, w);
      if (isnan(gd) && isnan(wd)) continue;
      if (fabs(gd - wd) <= r->atol + r->rtol * fabs(wd)) continue;
      if (r->ulp > 0 && isfinite(wd) && ulps(got->elem, gd, wd) <= r->ulp) continue;
    }
    if (bad++ < 10) {
      char c[128];
      coords(got, i, c, sizeof c);
      if (is_float_elem(got->elem))
        fprintf(stderr, "  %s%s: got %.9g (0x%llx), want %.9g (0x%llx)\n", param, c,
                fp_to_double(got->elem, g), (unsigned long long)g,
                fp_to_double(got->elem, w), (unsigned long long)w);
      else
        fprintf(stderr, "  %s%s: got %lld, want %lld\n", param, c, (long long)g, (long long)w);
    }
  }
  if (bad) {
    fprintf(stderr, "tilesim: %s differs from the reference in %lld of %lld elements\n", param,
            (long long)bad, (long long)got->numel);
    return EXIT_INVALID;
  }
  return EXIT_OK;
}

static int check_expects(const struct sim_mem *mem, const struct ir_op *entry,
                         const struct binding *b, const struct run *r) {
  const struct ir_block *body = entry->regions[0].block;
  int rc = EXIT_OK;
  for (int i = 0; i < r->nexpects; i++) {
    int p;
    for (p = 0; p < body->nargs; p++)
      if (body->args[p].name && !strcmp(body->args[p].name, r->expects[i].param)) break;
    if (p == body->nargs || b->array_of[p] < 0) {
      fprintf(stderr, "tilesim: --expect: no array parameter named '%%%s'\n", r->expects[i].param);
      return EXIT_USAGE;
    }
    struct sim_array want, got = result_array(mem, b, p);
    char err[512];
    /* numpy saves bf16/fp8 arrays untyped: read those as the result's type */
    if (sim_npy_read(r->expects[i].path, &want, err, sizeof err) &&
        sim_npy_read_as(r->expects[i].path, got.elem, &want, err, sizeof err)) {
      fprintf(stderr, "tilesim: %s\n", err);
      return file_status(r->expects[i].path, strlen(r->expects[i].path));
    }
    int c = compare(&got, &want, r->expects[i].param, r);
    sim_array_free(&want);
    if (c > rc) rc = c;
  }
  return rc;
}

/* Wall-clock seconds, for --time. */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void report(const struct sim_error *e) {
  struct ts_diag d = { TS_ERROR, e->loc, NULL };
  char msg[700];
  snprintf(msg, sizeof msg, "block (%u,%u,%u): %s", e->block[0], e->block[1], e->block[2], e->msg);
  d.msg = msg;
  cli_print_diag(NULL, &d);
}

/* print_tko's text, in grid order. */
static void print_stdout(void *ud, const char *text) {
  (void)ud;
  fputs(text, stdout);
}

int cmd_run(int argc, char **argv) {
  struct run r = {0};
  r.opts.print = print_stdout;
  if (parse_options(argc, argv, &r)) return EXIT_USAGE;
  int nrc = default_numerics(&r);
  if (nrc) return nrc;
#ifdef _OPENMP
  if (r.opts.threads > 0) omp_set_num_threads(r.opts.threads);   /* argument setup too */
#endif
  size_t len;
  char *text = cli_read_file(r.kernel, &len);
  if (!text) return EXIT_SYSTEM;
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  struct ir_module *m = cli_load(r.kernel, text, len, &sink, NULL);
  free(text);
  if (!m) return EXIT_INVALID;
  int rc = EXIT_INVALID;
  struct sim_mem mem;
  struct binding b = {0};
  mem_init(&mem);
  const struct ir_op *entry = sim_find_entry(m, r.entry);
  if (!entry) {
    if (r.entry) fprintf(stderr, "tilesim: no entry named '%s' in %s\n", r.entry, r.kernel);
    else fprintf(stderr, "tilesim: %s has several entries or none; choose one with --entry\n", r.kernel);
    rc = EXIT_USAGE;
  } else if ((rc = bind_all(&mem, entry, &r, &b)) == 0) {
    rc = EXIT_INVALID;
    struct sim_error err;
    double t0 = now();
    int failed = sim_launch(m, entry, r.grid, b.vals, entry->regions[0].block->nargs, &mem, &r.opts, &err);
    if (r.timing)
      fprintf(stderr, "tilesim: kernel ran in %.3f s (%llu tile blocks)\n", now() - t0,
              (unsigned long long)r.grid[0] * r.grid[1] * r.grid[2]);
    if (failed) {
      report(&err);
    } else {
      rc = r.out ? write_outputs(&mem, entry, &b, &r) : EXIT_OK;
      if (rc == EXIT_OK) rc = check_expects(&mem, entry, &b, &r);
      /* --hw: the same launch's predicted time on that GPU */
      if (rc == EXIT_OK && r.hw) rc = cli_perf_after_run(m, entry, r.grid, b.vals, &mem, r.hw);
    }
  }
  for (int i = 0; i < b.nargs; i++) sim_arg_free(&b.args[i]);
  free(b.args); free(b.vals); free(b.array_of);
  mem_free(&mem);
  ir_module_free(m);
  return rc;
}
