/*
** cli_perf.c -- `tilesim perf`: trace a kernel in shape-only mode and
** predict its time on a GPU; `tilesim validate`: predict every row of a
** file of published measurements with the reference kernels and print the
** errors; and the prediction `tilesim run --hw` prints after a run.
*/
#include <config.h>
#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hw.h"
#include "perf.h"
#include "sim.h"
#include "sim_npy.h"
#include "sim_trace.h"

struct perfcmd {
  const char *kernel, *entry, *hw, *format;
  uint32_t grid[3];
  bool explain, timing;
  const char *sets[64];
  int nsets;
  const char *argv[256];
  int nargs;
  int threads;
  struct cli_perf_view view;   /* several --hw, --timeline, --report */
};

static int parse_grid(const char *s, uint32_t g[3]) {
  g[0] = g[1] = g[2] = 1;
  for (int i = 0; i < 3; i++) {
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (end == s || v == 0 || v > UINT32_MAX) return -1;
    g[i] = (uint32_t)v;
    if (!*end) return 0;
    if (*end != ',') return -1;
    s = end + 1;
  }
  return -1;
}

static int parse_options(int argc, char **argv, struct perfcmd *p) {
  p->grid[0] = p->grid[1] = p->grid[2] = 1;
  p->format = "text";
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    bool takes = !strcmp(a, "--grid") || !strcmp(a, "--entry") || !strcmp(a, "--hw") ||
                 !strcmp(a, "--format") || !strcmp(a, "--set") || !strcmp(a, "--threads");
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    int vo;
    if (takes && !v) { cli_usage_error("perf", "option '%s' needs a value", a); return -1; }
    if (!strcmp(a, "--grid")) {
      if (parse_grid(v, p->grid)) { cli_usage_error("perf", "bad --grid '%s'", v); return -1; }
    } else if (!strcmp(a, "--entry")) p->entry = v;
    else if (!strcmp(a, "--hw")) p->hw = cli_perf_view_hw(&p->view, v);
    else if (!strcmp(a, "--threads")) p->threads = atoi(v);
    else if (!strcmp(a, "--format")) {
      if (strcmp(v, "text") && strcmp(v, "json")) { cli_usage_error("perf", "bad --format '%s': text or json", v); return -1; }
      p->format = v;
    } else if (!strcmp(a, "--set")) {
      if (p->nsets == 64) { cli_usage_error("perf", "too many --set (at most %s)", "64"); return -1; }
      p->sets[p->nsets++] = v;
    } else if (!strcmp(a, "--explain")) p->explain = true;
    else if (!strcmp(a, "--time")) p->timing = true;
    else if ((vo = cli_perf_view_option(&p->view, a, v)) != 0) { if (vo < 0) return -1; i++; }
    else if (a[0] == '-' && a[1] == '-') { cli_usage_error("perf", "unknown option '%s'", a); return -1; }
    else if (!p->kernel) p->kernel = a;
    else if (p->nargs < 256) p->argv[p->nargs++] = a;
    else { cli_usage_error("perf", "too many arguments (at most %s)", "256"); return -1; }
    if (takes) i++;
  }
  if (!p->kernel) { cli_usage_error("perf", "%s", "perf: no kernel file"); return -1; }
  return 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* ---- arguments: the kernel's parameters bound to specs ---- */

/* Bind spec to parameter p of body: a scalar, or an array put in memory
** (shape-only arrays are reserved, not allocated).  0, or -1 after a message. */
static int bind_one(struct sim_mem *mem, const struct ir_block *body, int p, struct sim_arg *a,
                    struct sim_value *vals, unsigned flags) {
  const struct ty *t = body->args[p].type;
  char name[32];
  snprintf(name, sizeof name, "%s", body->args[p].name ? body->args[p].name : "arg");
  vals[p].type = t;
  if (a->cutile && (flags & CLI_BIND_NO_CUTILE)) {
    fprintf(stderr, "tilesim: this command does not take :cutile arrays ('%%%s')\n", name);
    return -1;
  }
  if (a->kind == ARG_SCALAR) {
    if (t->kind != TY_TILE || t->rank || t->elt->kind == TY_PTR || t->elt->elem != a->elem) {
      fprintf(stderr, "tilesim: argument for '%%%s' is a %s scalar, which the parameter is not\n",
              name, ty_elem_names[a->elem]);
      return -1;
    }
    vals[p].bits = a->bits;
    return 0;
  }
  if (t->kind != TY_TILE || t->rank || t->elt->kind != TY_PTR || t->elt->elt->elem != a->array.elem) {
    fprintf(stderr, "tilesim: argument for '%%%s' is an array of %s, which the parameter does not point to\n",
            name, ty_elem_names[a->array.elem]);
    return -1;
  }
  struct mem_alloc *m = a->shape_only || !a->array.data
      ? mem_reserve(mem, a->array.nbytes, name, a->array.elem)
      : mem_adopt(mem, a->array.data, a->array.nbytes, name, a->array.elem);
  if (!m) { fprintf(stderr, "tilesim: out of memory for '%%%s'\n", name); return -1; }
  a->array.data = NULL;
  vals[p].bits = m->base;
  return 0;
}

int cli_bind_args(struct sim_mem *mem, const struct ir_op *entry, const char *const *specs,
                  int n, struct sim_value *vals, unsigned flags) {
  const struct ir_block *body = entry->regions[0].block;
  bool bound[256] = {0};
  int next = 0, rc = 0;
  if (body->nargs > 256) {
    fprintf(stderr, "tilesim: the entry has %d parameters (at most 256)\n", body->nargs);
    return -1;
  }
  for (int p = 0; p < body->nargs; p++) vals[p].type = body->args[p].type;
  for (int k = 0; k < n && !rc; k++) {
    struct sim_arg a;
    char err[512];
    memset(&a, 0, sizeof a);
    if (sim_arg_parse(specs[k], &a, err, sizeof err)) {
      fprintf(stderr, "tilesim: %s\n", err);
      return -1;
    }
    int p = next;
    if (a.name) {
      for (p = 0; p < body->nargs; p++)
        if (body->args[p].name && !strcmp(body->args[p].name, a.name)) break;
    } else {
      while (p < body->nargs && bound[p]) p++;
      next = p + 1;
    }
    if (p >= body->nargs) {
      fprintf(stderr, "tilesim: argument '%s' matches no parameter of the entry\n", specs[k]);
      rc = -1;
    } else {
      rc = bind_one(mem, body, p, &a, vals, flags);
      bound[p] = true;
    }
    sim_arg_free(&a);
  }
  for (int p = 0; p < body->nargs && !rc; p++)
    if (!bound[p]) {
      fprintf(stderr, "tilesim: no argument for parameter '%%%s' (the entry takes %d)\n",
              body->args[p].name ? body->args[p].name : "?", body->nargs);
      rc = -1;
    }
  return rc;
}

/* ---- predicting ---- */

static void report_sim_error(const struct sim_error *e) {
  struct ts_diag d = { TS_ERROR, e->loc, NULL };
  char msg[700];
  snprintf(msg, sizeof msg, "block (%u,%u,%u): %s", e->block[0], e->block[1], e->block[2], e->msg);
  d.msg = msg;
  cli_print_diag(NULL, &d);
}

/* Trace entry over grid with vals and predict it on d into *r. */
static int predict(const struct ir_module *m, const struct ir_op *entry, const uint32_t grid[3],
                   const struct sim_value *vals, struct sim_mem *mem, const struct hw_desc *d,
                   int threads, struct perf_result *r, double *trace_s, double *model_s) {
  struct sim_trace t;
  struct sim_error err;
  struct sim_opts so;
  memset(&t, 0, sizeof t);
  memset(&so, 0, sizeof so);
  memset(&err, 0, sizeof err);
  so.threads = threads;
  double t0 = now();
  if (sim_trace_launch(m, entry, grid, vals, entry->regions[0].block->nargs, mem, &so, &t, &err)) {
    report_sim_error(&err);
    sim_trace_free(&t);
    return EXIT_INVALID;
  }
  double t1 = now();
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  int rc = perf_predict(d, m, entry, &t, NULL, r, &sink) ? EXIT_INVALID : EXIT_OK;
  double t2 = now();
  if (trace_s) *trace_s = t1 - t0;
  if (model_s) *model_s = t2 - t1;
  sim_trace_free(&t);
  return rc;
}

/* Load the description name (default b200) and apply --set. */
static int open_hw(const char *name, const char *const *sets, int nsets, struct hw_desc **d) {
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  if (hw_desc_open(name ? name : HW_DEFAULT, d, &sink)) return EXIT_INVALID;
  for (int i = 0; i < nsets; i++)
    if (hw_desc_set_arg(*d, sets[i], &sink)) { hw_desc_free(*d); *d = NULL; return EXIT_USAGE; }
  return EXIT_OK;
}

static int print_result(const struct perf_result *r, const struct hw_desc *d, bool json,
                        bool explain) {
  struct ts_buf b = {0};
  int rc = json ? perf_print_json(r, d, &b) : perf_print_text(r, d, explain, &b);
  if (!rc && b.s) fputs(b.s, stdout);
  ts_buf_free(&b);
  return rc ? EXIT_SYSTEM : EXIT_OK;
}

int cmd_perf(int argc, char **argv) {
  struct perfcmd p;
  memset(&p, 0, sizeof p);
  if (parse_options(argc, argv, &p)) return EXIT_USAGE;
  struct hw_desc *d = NULL;
  int rc = open_hw(p.hw, p.sets, p.nsets, &d);
  if (rc) return rc;
  size_t len;
  char *text = cli_read_file(p.kernel, &len);
  if (!text) { hw_desc_free(d); return EXIT_SYSTEM; }
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  struct ir_module *m = cli_load(p.kernel, text, len, &sink, NULL);
  free(text);
  if (!m) { hw_desc_free(d); return EXIT_INVALID; }
  const struct ir_op *entry = sim_find_entry(m, p.entry);
  struct sim_mem mem;
  mem_init(&mem);
  struct sim_value vals[256];
  memset(vals, 0, sizeof vals);
  if (!entry) {
    fprintf(stderr, "tilesim: %s has %s; choose one with --entry\n", p.kernel,
            p.entry ? "no such entry" : "several entries or none");
    rc = EXIT_USAGE;
  } else if (cli_bind_args(&mem, entry, p.argv, p.nargs, vals, 0)) {
    rc = EXIT_INVALID;
  } else if (cli_perf_view_wanted(&p.view)) {
    struct cli_perf_job j = { &p.view, p.kernel, m, entry, { p.grid[0], p.grid[1], p.grid[2] }, vals,
                              &mem, p.sets, p.nsets, p.threads, !strcmp(p.format, "json"), p.explain,
                              argc, argv };
    rc = cli_perf_view(&j);
  } else {
    struct perf_result r;
    double ts = 0, ms = 0;
    rc = predict(m, entry, p.grid, vals, &mem, d, p.threads, &r, &ts, &ms);
    if (rc == EXIT_OK) {
      rc = print_result(&r, d, !strcmp(p.format, "json"), p.explain);
      if (p.timing) fprintf(stderr, "tilesim: traced in %.3f s, modeled in %.3f s\n", ts, ms);
      perf_result_free(&r);
    }
  }
  mem_free(&mem);
  ir_module_free(m);
  hw_desc_free(d);
  return rc;
}

/* After `tilesim run --hw NAME`: the prediction for the same launch. */
int cli_perf_after_run(const struct ir_module *m, const struct ir_op *entry,
                       const uint32_t grid[3], const struct sim_value *vals, struct sim_mem *mem,
                       const char *hw) {
  struct hw_desc *d = NULL;
  int rc = open_hw(hw, NULL, 0, &d);
  if (rc) return rc;
  struct perf_result r;
  rc = predict(m, entry, grid, vals, mem, d, 0, &r, NULL, NULL);
  if (rc == EXIT_OK) {
    printf("predicted on %s:\n", d->name);
    rc = print_result(&r, d, false, false);
    perf_result_free(&r);
  }
  hw_desc_free(d);
  return rc;
}

/* ---- validate: anchors against the reference kernels ---- */

/*
** The reference attention kernel for another head dimension @D@: the same
** ops as examples/perf/attention_fwd.mlir (128-row Q tiles, online
** softmax in the log2 domain), with the head dimension a parameter and
** key blocks of @BN@: 128, or 64 above head dim 128 so that K and V
** tiles still fit shared memory twice (FlashAttention-3 narrows its key
** blocks there too).  Used by validate for rows whose hdim is not 128.
*/
static const char attn_template[] =
"cuda_tile.module @attention_fwd_d {\n"
"  entry @attention_fwd(%q: tile<ptr<@T@>>, %k: tile<ptr<@T@>>, %v: tile<ptr<@T@>>, %o: tile<ptr<@T@>>,\n"
"      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)\n"
"      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {\n"
"    %cd = constant <i32: @D@> : tile<i32>\n"
"    %hd = muli %heads, %cd : tile<i32>\n"
"    %shd = muli %s, %hd : tile<i32>\n"
"    %hs = muli %heads, %s : tile<i32>\n"
"    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, @D@], strides = [%shd, %hd, @D@, 1] : tile<i32> -> tensor_view<?x?x?x@D@x@T@, strides=[?,?,@D@,1]>\n"
"    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, @D@], strides = [%shd, %hd, @D@, 1] : tile<i32> -> tensor_view<?x?x?x@D@x@T@, strides=[?,?,@D@,1]>\n"
"    %to = make_tensor_view %o, shape = [%batch, %s, %heads, @D@], strides = [%shd, %hd, @D@, 1] : tile<i32> -> tensor_view<?x?x?x@D@x@T@, strides=[?,?,@D@,1]>\n"
"    %tk = make_tensor_view %k, shape = [%batch, %heads, @D@, %s], strides = [%shd, @D@, 1, %hd] : tile<i32> -> tensor_view<?x?x@D@x?x@T@, strides=[?,@D@,1,?]>\n"
"    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>\n"
"    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x@D@), tensor_view<?x?x?x@D@x@T@, strides=[?,?,@D@,1]>>\n"
"    %pv = make_partition_view %tv : partition_view<tile=(1x@BN@x1x@D@), tensor_view<?x?x?x@D@x@T@, strides=[?,?,@D@,1]>>\n"
"    %po = make_partition_view %to : partition_view<tile=(1x128x1x@D@), tensor_view<?x?x?x@D@x@T@, strides=[?,?,@D@,1]>>\n"
"    %pk = make_partition_view %tk : partition_view<tile=(1x1x@D@x@BN@), tensor_view<?x?x@D@x?x@T@, strides=[?,@D@,1,?]>>\n"
"    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>\n"
"    %bx, %bh, %bz = get_tile_block_id : tile<i32>\n"
"    %zero = constant <i32: 0> : tile<i32>\n"
"    %one = constant <i32: 1> : tile<i32>\n"
"    %b = divi %bh, %heads signed : tile<i32>\n"
"    %h = remi %bh, %heads signed : tile<i32>\n"
"    %cbm = constant <i32: @BN@> : tile<i32>\n"
"    %nkb = divi %s, %cbm signed : tile<i32>\n"
"    %q4, %t1 = load_view_tko weak %pq[%b, %bx, %h, %zero] : partition_view<tile=(1x128x1x@D@), tensor_view<?x?x?x@D@x@T@, strides=[?,?,@D@,1]>>, tile<i32> -> tile<1x128x1x@D@x@T@>, token\n"
"    %qt = reshape %q4 : tile<1x128x1x@D@x@T@> -> tile<128x@D@x@T@>\n"
"    %sl2 = constant <f32: @SC@> : tile<128x@BN@xf32>\n"
"    %zacc = constant <f32: 0.0> : tile<128x@D@xf32>\n"
"    %zs = constant <f32: 0.0> : tile<128x@BN@xf32>\n"
"    %m0 = constant <f32: 0xFF800000> : tile<128xf32>\n"
"    %l0 = constant <f32: 0.0> : tile<128xf32>\n"
"    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>\n"
"        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x@D@xf32>) {\n"
"      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x@D@x@BN@), tensor_view<?x?x@D@x?x@T@, strides=[?,@D@,1,?]>>, tile<i32> -> tile<1x1x@D@x@BN@x@T@>, token\n"
"      %kt = reshape %k4 : tile<1x1x@D@x@BN@x@T@> -> tile<@D@x@BN@x@T@>\n"
"      %qk = mmaf %qt, %kt, %zs : tile<128x@D@x@T@>, tile<@D@x@BN@x@T@>, tile<128x@BN@xf32>\n"
"      %sc0 = mulf %qk, %sl2 : tile<128x@BN@xf32>\n"
"      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x@BN@xf32> -> tile<128xf32>\n"
"      (%x: tile<f32>, %y: tile<f32>) {\n"
"        %r = maxf %x, %y : tile<f32>\n"
"        yield %r : tile<f32>\n"
"      }\n"
"      %mnew = maxf %m, %smax : tile<128xf32>\n"
"      %dm = subf %m, %mnew : tile<128xf32>\n"
"      %alpha = exp2 %dm : tile<128xf32>\n"
"      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>\n"
"      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x@BN@xf32>\n"
"      %sm = subf %sc0, %mnb : tile<128x@BN@xf32>\n"
"      %p = exp2 %sm : tile<128x@BN@xf32>\n"
"      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x@BN@xf32> -> tile<128xf32>\n"
"      (%x: tile<f32>, %y: tile<f32>) {\n"
"        %r = addf %x, %y : tile<f32>\n"
"        yield %r : tile<f32>\n"
"      }\n"
"      %la = mulf %l, %alpha : tile<128xf32>\n"
"      %lnew = addf %la, %psum : tile<128xf32>\n"
"      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>\n"
"      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x@D@xf32>\n"
"      %acca = mulf %acc, %alb : tile<128x@D@xf32>\n"
"      %pl = ftof %p : tile<128x@BN@xf32> -> tile<128x@BN@x@T@>\n"
"      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x@BN@x1x@D@), tensor_view<?x?x?x@D@x@T@, strides=[?,?,@D@,1]>>, tile<i32> -> tile<1x@BN@x1x@D@x@T@>, token\n"
"      %vt = reshape %v4 : tile<1x@BN@x1x@D@x@T@> -> tile<@BN@x@D@x@T@>\n"
"      %accnew = mmaf %pl, %vt, %acca : tile<128x@BN@x@T@>, tile<@BN@x@D@x@T@>, tile<128x@D@xf32>\n"
"      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x@D@xf32>\n"
"    }\n"
"    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>\n"
"    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x@D@xf32>\n"
"    %out = divf %res#2, %lb : tile<128x@D@xf32>\n"
"    %oe = ftof %out : tile<128x@D@xf32> -> tile<128x@D@x@T@>\n"
"    %o4 = reshape %oe : tile<128x@D@x@T@> -> tile<1x128x1x@D@x@T@>\n"
"    %t4 = store_view_tko weak %o4, %po[%b, %bx, %h, %zero] : tile<1x128x1x@D@x@T@>, partition_view<tile=(1x128x1x@D@), tensor_view<?x?x?x@D@x@T@, strides=[?,?,@D@,1]>>, tile<i32> -> token\n"
"    %lg = log2 %res#1 : tile<128xf32>\n"
"    %ml = addf %res#0, %lg : tile<128xf32>\n"
"    %ln2 = constant <f32: 0.693147182> : tile<128xf32>\n"
"    %lsev = mulf %ml, %ln2 : tile<128xf32>\n"
"    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>\n"
"    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %bx] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token\n"
"  }\n"
"}\n";

/* The template with @T@, @D@ and @SC@ replaced; ts_free it. */
static char *attn_variant(const char *t, long d) {
  char dd[32], sc[32], bn[8];
  snprintf(dd, sizeof dd, "%ld", d);
  snprintf(bn, sizeof bn, "%d", d > 128 ? 64 : 128);
  snprintf(sc, sizeof sc, "%.9g", 1.4426950408889634 / sqrt((double)d));
  struct ts_buf b = {0};
  for (const char *p = attn_template; *p;) {
    if (!strncmp(p, "@T@", 3)) { ts_buf_puts(&b, t); p += 3; }
    else if (!strncmp(p, "@D@", 3)) { ts_buf_puts(&b, dd); p += 3; }
    else if (!strncmp(p, "@SC@", 4)) { ts_buf_puts(&b, sc); p += 4; }
    else if (!strncmp(p, "@BN@", 4)) { ts_buf_puts(&b, bn); p += 4; }
    else ts_buf_putc(&b, *p++);
  }
  if (b.oom) { ts_buf_free(&b); return NULL; }
  return b.s;
}

/* One row of an anchors file, as far as the prediction needs it. */
struct anchor {
  char id[128], chip[64], kernel[64], dtype[16], config[512];
  double measured;
};

/* Split one CSV line (quotes allowed) into at most n fields. */
static int csv_split(char *line, char **f, int n) {
  int k = 0;
  char *p = line;
  while (k < n) {
    char *out = p;
    f[k++] = p;
    bool q = false;
    for (;; p++) {
      if (*p == '"') { q = !q; continue; }
      if (!*p || *p == '\n' || *p == '\r' || (*p == ',' && !q)) break;
      *out++ = *p;
    }
    char end = *p;
    *out = 0;
    if (end != ',') break;
    p++;
  }
  return k;
}

/* The value of key=N in a config ("M=8192 N=8192 K=8192"), the key
** matched exactly; -1 if absent. */
static long config_one(const char *cfg, const char *key) {
  size_t n = strlen(key);
  for (const char *p = cfg; (p = strstr(p, key)) != NULL; p += n)
    if ((p == cfg || p[-1] == ' ' || p[-1] == ',' || p[-1] == ';') && p[n] == '=')
      return strtol(p + n + 1, NULL, 10);
  return -1;
}

/* The value of the first of the '|'-separated keys present; def if none. */
static long config_get(const char *cfg, const char *keys, long def) {
  char k[32];
  for (const char *p = keys; *p;) {
    size_t n = strcspn(p, "|");
    snprintf(k, sizeof k, "%.*s", (int)n, p);
    long v = config_one(cfg, k);
    if (v >= 0) return v;
    p += n + (p[n] == '|');
  }
  return def;
}

/* The reference kernel, entry, grid and arguments for a row on chip d
** (which family of reference kernel fits the chip), and the FLOPs the
** measurement counts.  0, or -1 with why. */
struct recipe {
  char file[4400], entry[64];
  char *text;                  /* a generated kernel (other head dims), or NULL: file */
  long bm, bn, bk;             /* GEMM: the reference kernel's tile */
  uint32_t grid[3];
  char args[9][96];
  int nargs;
  double flops;
};

static const char *family(const struct hw_desc *d) {
  if (d->vendor == HW_VENDOR_AMD) return "mi355x";
  return !strcmp(d->arch, "sm90") ? "h100" : "b200";
}

static int gemm_recipe(const struct anchor *a, const struct hw_desc *d, const char *dir,
                       struct recipe *r, char *why, size_t wn) {
  long M = config_get(a->config, "M", -1), N = config_get(a->config, "N", -1),
       K = config_get(a->config, "K", -1);
  if (M <= 0 || N <= 0 || K <= 0) { snprintf(why, wn, "config needs M=, N= and K="); return -1; }
  const char *fam = family(d);
  /* e5m2 runs at e4m3's rate with the same bytes: the e4m3 kernel times it */
  bool fp8 = !strcmp(a->dtype, "e4m3") || !strcmp(a->dtype, "fp8") || !strcmp(a->dtype, "e5m2") ||
             !strcmp(a->dtype, "fp8_e4m3") || !strcmp(a->dtype, "fp8_e5m2");
  const char *t = fp8 ? "f8E4M3FN" : !strcmp(a->dtype, "bf16") ? "bf16"
                : !strcmp(a->dtype, "fp16") || !strcmp(a->dtype, "f16") ? "f16" : NULL;
  if (!t) { snprintf(why, wn, "no reference GEMM for dtype '%s'", a->dtype); return -1; }
  long bm = !strcmp(fam, "h100") ? 128 : 256, bn = 256;
  if (fp8) {
    snprintf(r->file, sizeof r->file, "%s/gemm_fp8.mlir", dir);
    snprintf(r->entry, sizeof r->entry, "gemm_e4m3_%s", fam);
  } else {
    snprintf(r->file, sizeof r->file, "%s/gemm_%s.mlir", dir, fam);
    snprintf(r->entry, sizeof r->entry, "gemm_%s", t);
  }
  r->bm = bm; r->bn = bn; r->bk = fp8 ? 128 : 64;
  r->grid[0] = (uint32_t)(((M + bm - 1) / bm) * ((N + bn - 1) / bn));
  r->grid[1] = r->grid[2] = 1;
  const char *out = fp8 ? "bf16" : t;
  snprintf(r->args[0], 96, "shape:%s:%ldx%ld", t, M, K);
  if (fp8) snprintf(r->args[1], 96, "shape:%s:%ldx%ld", t, N, K);
  else snprintf(r->args[1], 96, "shape:%s:%ldx%ld", t, K, N);
  snprintf(r->args[2], 96, "shape:%s:%ldx%ld", out, M, N);
  snprintf(r->args[3], 96, "i32:%ld", M);
  snprintf(r->args[4], 96, "i32:%ld", N);
  snprintf(r->args[5], 96, "i32:%ld", K);
  r->nargs = 6;
  if (fp8) snprintf(r->args[r->nargs++], 96, "f32:1.0");
  r->flops = 2.0 * M * N * K;
  return 0;
}

static int attention_recipe(const struct anchor *a, const struct hw_desc *d, const char *dir,
                            struct recipe *r, char *why, size_t wn) {
  /* a configuration without sizes is a long-sequence peak figure: the
  ** FlashAttention benchmarks' 16k tokens in one sequence */
  long S = config_get(a->config, "seqlen|seq_len|seqlen_q|S", 16384);
  long hd = config_get(a->config, "hdim|headdim|head_dim|d", 128);
  long H = config_get(a->config, "heads|nheads|num_heads|H", 2048 / hd);
  long B = config_get(a->config, "batch|batch_size|bs|B", S < 16384 ? 16384 / S : 1);
  bool causal = strstr(a->config, "non-causal") == NULL && strstr(a->config, "causal") != NULL;
  /* e5m2 runs at e4m3's rate with the same bytes: the e4m3 kernel times it */
  bool fp8 = !strcmp(a->dtype, "e4m3") || !strcmp(a->dtype, "fp8") || !strcmp(a->dtype, "e5m2") ||
             !strcmp(a->dtype, "fp8_e4m3") || !strcmp(a->dtype, "fp8_e5m2");
  const char *t = fp8 ? "e4m3" : !strcmp(a->dtype, "bf16") ? "bf16"
                : !strcmp(a->dtype, "fp16") || !strcmp(a->dtype, "f16") ? "f16" : NULL;
  const char *et = fp8 ? "f8E4M3FN" : t;     /* the element type of Q, K, V */
  if (!t) { snprintf(why, wn, "no reference attention kernel for dtype '%s'", a->dtype); return -1; }
  if (hd < 1 || hd > 256) { snprintf(why, wn, "no reference attention kernel for head dim %ld", hd); return -1; }
  /* Tile IR tiles are powers of two: a head dimension between two (80, 96,
  ** 192) is computed in tiles of the next one, the padding loaded and
  ** multiplied as a tile compiler would; the FLOPs counted stay 4 S^2 d */
  long hk = 16;
  while (hk < hd) hk *= 2;
  /* the reference files have entries for head dims 64, 128 and 256; 16
  ** and 32 (non-causal bf16/fp16 only) are generated from a template */
  bool in_file = hk == 64 || hk == 128 || hk == 256;
  if (!in_file && (causal || fp8)) {
    snprintf(why, wn, "no %s%s reference attention kernel for head dim %ld", causal ? "causal " : "",
             fp8 ? "e4m3" : "", hd);
    return -1;
  }
  if (S % 128) { snprintf(why, wn, "seqlen %ld is not a multiple of 128", S); return -1; }
  snprintf(r->file, sizeof r->file, "%s/attention_fwd%s.mlir", dir, causal ? "_causal" : "");
  snprintf(r->entry, sizeof r->entry, "attention_fwd%s_%s%s", causal ? "_causal" : "", t,
           hk == 64 ? "_d64" : hk == 256 ? "_d256" : "");
  /* Blackwell: the file's _sm100 form of the entry, when it has one, is
  ** the kernel as FlashAttention-4 writes it (exp2 partly on the FMA units) */
  long rows = 128;              /* query rows per tile block */
  if (in_file && !strcmp(family(d), "b200")) {
    char key[96];
    snprintf(key, sizeof key, "entry @%s_sm100(", r->entry);
    size_t len;
    char *text = cli_read_file(r->file, &len);
    /* the non-causal _sm100 entries take two 128-row query tiles per
    ** block, except at head dim 256 (two would overflow TMEM) */
    bool pair = !causal && hk != 256;
    if (text && strstr(text, key) && (!pair || S % 256 == 0)) {
      size_t n = strlen(r->entry);
      snprintf(r->entry + n, sizeof r->entry - n, "_sm100");
      if (pair) rows = 256;
    }
    free(text);
  }
  if (!in_file) {
    r->text = attn_variant(t, hk);
    snprintf(r->file, sizeof r->file, "attention_fwd_d%ld.mlir", hk);
    snprintf(r->entry, sizeof r->entry, "attention_fwd");
  }
  r->grid[0] = (uint32_t)(S / rows);
  r->grid[1] = (uint32_t)(B * H);
  r->grid[2] = 1;
  for (int i = 0; i < 4; i++)
    snprintf(r->args[i], 96, "shape:%s:%ldx%ldx%ldx%ld", i == 3 && fp8 ? "bf16" : et, B, S, H, hk);
  snprintf(r->args[4], 96, "shape:f32:%ldx%ldx%ld", B, H, S);
  snprintf(r->args[5], 96, "i32:%ld", B);
  snprintf(r->args[6], 96, "i32:%ld", H);
  snprintf(r->args[7], 96, "i32:%ld", S);
  r->nargs = 8;
  /* FlashAttention's count: 4 S^2 d per head, half of it when causal */
  r->flops = 4.0 * B * H * (double)S * S * hd / (causal ? 2 : 1);
  return 0;
}

/* The command that reproduces recipe r on d, into cmd. */
static void recipe_command(const struct recipe *r, const struct hw_desc *d, char *cmd, size_t cn) {
  int n = snprintf(cmd, cn, "tilesim perf %s --hw %s --entry %s --grid %u,%u", r->file, d->name,
                   r->entry, r->grid[0], r->grid[1]);
  for (int i = 0; i < r->nargs && n > 0 && (size_t)n < cn; i++)
    n += snprintf(cmd + n, cn - (size_t)n, " %s", r->args[i]);
}

/* Trace and predict recipe r on d: the TFLOP/s the measurement counts. */
static int run_recipe(const struct recipe *r, const struct hw_desc *d, double *tflops, char *why,
                      size_t wn) {
  size_t len = r->text ? strlen(r->text) : 0;
  char *text = r->text ? r->text : cli_read_file(r->file, &len);
  struct ir_module *m = NULL;
  if (text) {
    struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
    m = cli_load(r->file, text, len, &sink, NULL);
    if (!r->text) free(text);
  }
  const struct ir_op *entry = m ? sim_find_entry(m, r->entry) : NULL;
  int rc = -1;
  if (!entry) {
    snprintf(why, wn, "cannot load entry %s of %.150s", r->entry, r->file);
  } else {
    struct sim_mem mem;
    mem_init(&mem);
    struct sim_value vals[16];
    const char *specs[9];
    for (int i = 0; i < r->nargs; i++) specs[i] = r->args[i];
    struct perf_result res;
    if (cli_bind_args(&mem, entry, specs, r->nargs, vals, 0)) snprintf(why, wn, "cannot bind the arguments");
    else if (predict(m, entry, r->grid, vals, &mem, d, 0, &res, NULL, NULL)) snprintf(why, wn, "the prediction failed");
    else {
      *tflops = r->flops / res.seconds * 1e-12;
      perf_result_free(&res);
      rc = 0;
    }
    mem_free(&mem);
  }
  ir_module_free(m);
  return rc;
}

/* Append s to b with every "AxB" tile dimension pair of from[] replaced by
** to[] (whole numbers only). */
static void subst_dims(struct ts_buf *b, const char *s, size_t n, char from[][24], char to[][24],
                       int k, const char *optype) {
  for (size_t i = 0; i < n;) {
    int hit = -1;
    bool start = i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9');
    for (int j = 0; start && j < k && hit < 0; j++) {
      size_t l = strlen(from[j]);
      if (i + l <= n && !strncmp(s + i, from[j], l) && !(s[i + l] >= '0' && s[i + l] <= '9')) hit = j;
    }
    /* B (1) and C (2) of the same shape: B's tile or view names the
    ** operand type before its type closes, C's does not */
    if (hit == 1 && optype && !strcmp(from[1], from[2])) {
      size_t e = i;
      while (e < n && s[e] != '>' && s[e] != '\n') e++;
      bool op = false;
      for (size_t q = i; q + strlen(optype) <= e && !op; q++) op = !strncmp(s + q, optype, strlen(optype));
      if (!op) hit = 2;
    }
    if (hit >= 0) { ts_buf_puts(b, to[hit]); i += strlen(from[hit]); }
    else ts_buf_putc(b, s[i++]);
  }
}

/* Recipe h: r's entry alone with BM and BN halved (A: BM x BK, B: BK x BN
** or its transpose for fp8, C: BM x BN), for problems the reference tile
** covers with fewer blocks than the chip runs at once.  0, or -1 when
** not worth trying. */
static int half_tiles(const struct recipe *r, const struct anchor *a, struct recipe *h) {
  (void)a;
  *h = *r;
  h->text = NULL;
  long M = 0, N = 0;
  sscanf(r->args[2], "shape:%*[^:]:%ldx%ld", &M, &N);
  if (M <= 0 || N <= 0) return -1;
  h->bm = r->bm / 2;
  h->bn = r->bn / 2;
  size_t len;
  char *text = cli_read_file(r->file, &len);
  if (!text) return -1;
  char key[96];
  snprintf(key, sizeof key, "entry @%s(", r->entry);
  char *e = strstr(text, key), *next = e ? strstr(e + 1, "\n  entry @") : NULL;
  if (!e) { free(text); return -1; }
  size_t n = next ? (size_t)(next - e) : strlen(e);
  if (!next) {   /* drop the module's closing brace */
    while (n && e[n - 1] != '}') n--;
    if (n) n--;
  }
  char from[3][24], to[3][24];
  snprintf(from[0], 24, "%ldx%ld", r->bm, r->bk); snprintf(to[0], 24, "%ldx%ld", h->bm, r->bk);
  snprintf(from[1], 24, "%ldx%ld", r->bk, r->bn); snprintf(to[1], 24, "%ldx%ld", r->bk, h->bn);
  snprintf(from[2], 24, "%ldx%ld", r->bm, r->bn); snprintf(to[2], 24, "%ldx%ld", h->bm, h->bn);
  /* tiles of the same shape that halve differently cannot be told apart
  ** by their text, except B and C of an fp8 GEMM (by their types) */
  bool fp8 = strstr(r->args[0], "f8E4M3FN") != NULL;
  if (!strcmp(from[0], from[1]) || !strcmp(from[0], from[2]) || (!strcmp(from[1], from[2]) && !fp8)) {
    free(text);
    return -1;
  }
  struct ts_buf b = {0};
  ts_buf_puts(&b, "cuda_tile.module @half {\n  ");
  subst_dims(&b, e, n, from, to, 3, fp8 ? "f8E4M3FN" : NULL);
  ts_buf_puts(&b, "\n}\n");
  free(text);
  if (b.oom) { ts_buf_free(&b); return -1; }
  h->text = b.s;
  h->grid[0] = (uint32_t)(((M + h->bm - 1) / h->bm) * ((N + h->bn - 1) / h->bn));
  return 0;
}

/* Predict the TFLOP/s of row a; 0, or -1 with why. */
static int predict_row(const struct anchor *a, const char *dir, double *tflops, char *cmd,
                       size_t cn, char *why, size_t wn) {
  struct hw_desc *d = NULL;
  struct ts_diag_sink quiet = { NULL, NULL, 0, 0 };
  /* "H100 SXM5 80GB": the longest leading words that name a description */
  char name[64];
  snprintf(name, sizeof name, "%s", a->chip);
  char *path = hw_desc_find(name);
  for (char *sp; !path && (sp = strrchr(name, ' ')) != NULL;) {
    *sp = 0;
    path = hw_desc_find(name);
  }
  if (!path || hw_desc_load(path, &d, &quiet)) {
    ts_free(path);
    snprintf(why, wn, "no hardware description named '%s'", a->chip);
    return -1;
  }
  ts_free(path);
  struct recipe r;
  memset(&r, 0, sizeof r);
  int rc = -1;
  if (!strcmp(a->kernel, "gemm")) rc = gemm_recipe(a, d, dir, &r, why, wn);
  else if (!strcmp(a->kernel, "attention fwd") || !strcmp(a->kernel, "attention_fwd"))
    rc = attention_recipe(a, d, dir, &r, why, wn);
  else snprintf(why, wn, "no reference kernel for '%s'", a->kernel);
  if (rc) { hw_desc_free(d); return -1; }
  rc = run_recipe(&r, d, tflops, why, wn);
  recipe_command(&r, d, cmd, cn);
  /* a library picks the tile per problem: where the reference tile
  ** leaves SMs idle, half-size tiles may be faster; take the better */
  struct recipe h;
  double slots = d->chip.sms.v / (strcmp(family(d), "b200") ? 1 : 2);
  if (rc == 0 && r.bm && r.grid[0] < 2 * slots && half_tiles(&r, a, &h) == 0) {
    double t2 = 0;
    char why2[256];
    if (run_recipe(&h, d, &t2, why2, sizeof why2) == 0 && t2 > *tflops) {
      *tflops = t2;
      size_t n = strlen(cmd);
      snprintf(cmd + n, cn - n, " (faster with %ldx%ld tiles: the kernel with its tile halved)", h.bm, h.bn);
    }
    ts_free(h.text);
  }
  ts_free(r.text);
  hw_desc_free(d);
  return rc;
}

/* The directory of the reference kernels: --kernels, $TILESIM_KERNELS,
** the source tree's examples/perf, or the installed copy. */
static const char *kernels_dir(const char *opt) {
  if (opt) return opt;
  const char *e = getenv("TILESIM_KERNELS");
  if (e && *e) return e;
#ifdef TILESIM_SRC_HWDESC_DIR
  static char buf[4096];
  snprintf(buf, sizeof buf, "%s/../examples/perf", TILESIM_SRC_HWDESC_DIR);
  FILE *f = fopen(buf, "r");
  if (f) { fclose(f); return buf; }
#endif
  return "examples/perf";
}

/* Read the rows of path: id, chip, kernel, dtype, config, measured. */
static int read_anchors(const char *path, struct anchor **out, int *n) {
  FILE *f = fopen(path, "r");
  if (!f) { fprintf(stderr, "tilesim: cannot read '%s'\n", path); return EXIT_SYSTEM; }
  char line[4096];
  char *hdr[16];
  int col[6] = { -1, -1, -1, -1, -1, -1 };
  static const char *const want[6] = { "id", "chip", "kernel", "dtype", "config", "measured_tflops" };
  if (!fgets(line, sizeof line, f)) { fclose(f); fprintf(stderr, "tilesim: %s is empty\n", path); return EXIT_INVALID; }
  int nh = csv_split(line, hdr, 16);
  for (int i = 0; i < nh; i++)
    for (int j = 0; j < 6; j++) if (!strcmp(hdr[i], want[j])) col[j] = i;
  for (int j = 0; j < 6; j++)
    if (col[j] < 0) { fclose(f); fprintf(stderr, "tilesim: %s has no column '%s'\n", path, want[j]); return EXIT_INVALID; }
  struct anchor *a = NULL;
  int cap = 0;
  *n = 0;
  while (fgets(line, sizeof line, f)) {
    char *fl[16];
    if (line[0] == '\n' || line[0] == '#') continue;
    int k = csv_split(line, fl, 16);
    if (k < nh) continue;
    if (*n == cap) { cap = cap ? 2 * cap : 32; a = realloc(a, (size_t)cap * sizeof *a); if (!a) { fclose(f); return EXIT_SYSTEM; } }
    struct anchor *r = &a[(*n)++];
    snprintf(r->id, sizeof r->id, "%s", fl[col[0]]);
    snprintf(r->chip, sizeof r->chip, "%s", fl[col[1]]);
    snprintf(r->kernel, sizeof r->kernel, "%s", fl[col[2]]);
    snprintf(r->dtype, sizeof r->dtype, "%s", fl[col[3]]);
    snprintf(r->config, sizeof r->config, "%s", fl[col[4]]);
    r->measured = strtod(fl[col[5]], NULL);
  }
  fclose(f);
  *out = a;
  return EXIT_OK;
}

int cmd_validate(int argc, char **argv) {
  const char *file = NULL, *kdir = NULL;
  bool markdown = false;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--kernels") && i + 1 < argc) kdir = argv[++i];
    else if (!strcmp(argv[i], "--markdown")) markdown = true;
    else if (argv[i][0] == '-' && argv[i][1] == '-') { cli_usage_error("validate", "unknown option '%s'", argv[i]); return EXIT_USAGE; }
    else if (!file) file = argv[i];
    else { cli_usage_error("validate", "one anchors file, not '%s'", argv[i]); return EXIT_USAGE; }
  }
  if (!file) { cli_usage_error("validate", "%s", "validate: no anchors file"); return EXIT_USAGE; }
  struct anchor *a = NULL;
  int n = 0, rc = read_anchors(file, &a, &n);
  if (rc) return rc;
  const char *dir = kernels_dir(kdir);
  double sum = 0;
  int ok = 0, bad = 0;
  if (markdown)
    printf("| anchor | chip | configuration | measured TFLOP/s | predicted TFLOP/s | error | command |\n"
           "| --- | --- | --- | ---: | ---: | ---: | --- |\n");
  else
    printf("%-28s %-10s %10s %10s %8s\n", "anchor", "chip", "measured", "predicted", "error");
  for (int i = 0; i < n; i++) {
    char why[256] = "", cmd[8192] = "";
    double p = 0;
    if (predict_row(&a[i], dir, &p, cmd, sizeof cmd, why, sizeof why)) {
      fprintf(stderr, "tilesim: %s: cannot predict: %s\n", a[i].id, why);
      bad++;
      continue;
    }
    double err = (p - a[i].measured) / a[i].measured;
    sum += fabs(err);
    ok++;
    if (markdown)
      printf("| %s | %s | %s | %.1f | %.1f | %+.1f%% | `%s` |\n", a[i].id, a[i].chip, a[i].config,
             a[i].measured, p, 100 * err, cmd);
    else
      printf("%-28s %-10s %10.1f %10.1f %+7.1f%%\n", a[i].id, a[i].chip, a[i].measured, p, 100 * err);
    fflush(stdout);
  }
  if (markdown) printf("\nMean absolute percentage error: %.1f%% over %d anchors.\n", ok ? 100 * sum / ok : 0.0, ok);
  else printf("MAPE %.1f%% over %d anchors%s\n", ok ? 100 * sum / ok : 0.0, ok, bad ? "" : "");
  free(a);
  if (bad) {
    fprintf(stderr, "tilesim: %d row%s could not be predicted\n", bad, bad == 1 ? "" : "s");
    return EXIT_INVALID;
  }
  return EXIT_OK;
}
