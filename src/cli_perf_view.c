/*
** cli_perf_view.c -- the options of `tilesim perf` that show a prediction
** rather than make it: several --hw side by side, --timeline FILE.json.gz
** (a Chrome trace of the chosen SMs), --report FILE.html (the page of
** perf_html.c), --roofline FILE.svg.  The kernel is traced once and predicted on every
** description with that trace.
*/
#include <config.h>
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw.h"
#include "perf.h"
#include "sim.h"
#include "sim_trace.h"
#include "whatif.h"

/* Slices a timeline keeps at most: about 300 MB of JSON before compression. */
enum { MAX_SLICES = 2000000 };

const char *cli_perf_view_hw(struct cli_perf_view *v, const char *hw) {
  if (v->nhw < CLI_PERF_MAXHW) v->hw[v->nhw++] = hw;
  else v->too_many = true;
  return hw;
}

/* "A" or "A-B" into [*lo, *hi]; -1 when malformed. */
static int parse_range(const char *s, unsigned *lo, unsigned *hi) {
  char *end;
  unsigned long a = strtoul(s, &end, 10), b = a;
  if (end == s) return -1;
  if (*end == '-') {
    const char *t = end + 1;
    b = strtoul(t, &end, 10);
    if (end == t) return -1;
  }
  if (*end || b < a || b > 1u << 20) return -1;
  *lo = (unsigned)a; *hi = (unsigned)b;
  return 0;
}

int cli_perf_view_option(struct cli_perf_view *v, const char *opt, const char *val) {
  bool t = !strcmp(opt, "--timeline"), r = !strcmp(opt, "--report"), s = !strcmp(opt, "--timeline-sms"),
       roof = !strcmp(opt, "--roofline");
  if (!t && !r && !s && !roof) return 0;
  if (!val) { cli_usage_error("perf", "option '%s' needs a value", opt); return -1; }
  if (t) v->timeline = val;
  else if (r) v->report = val;
  else if (roof) v->roofline = val;
  else if (parse_range(val, &v->sm_first, &v->sm_last)) {
    cli_usage_error("perf", "bad --timeline-sms '%s': expected N or FIRST-LAST", val);
    return -1;
  } else v->sms_set = true;
  return 2;
}

bool cli_perf_view_wanted(const struct cli_perf_view *v) {
  return v->nhw > 1 || v->timeline || v->report || v->roofline || v->too_many;
}

/* ---- side by side ---- */

static void row_num(struct ts_buf *b, const char *what, const struct perf_result *r, int n,
                    double (*get)(const struct perf_result *), const char *fmt) {
  ts_buf_printf(b, "%-14s", what);
  for (int i = 0; i < n; i++) ts_buf_printf(b, fmt, get(&r[i]));
  ts_buf_putc(b, '\n');
}

static double g_us(const struct perf_result *r) { return r->seconds * 1e6; }
static double g_tf(const struct perf_result *r) { return r->tflops; }
static double g_util(const struct perf_result *r) { return 100 * r->util; }
static double g_hbm(const struct perf_result *r) { return r->hbm_bytes / 1e6; }
static double g_hit(const struct perf_result *r) { return 100 * r->l2_hit; }
static double g_waves(const struct perf_result *r) { return r->waves; }

/* The predictions r[0..n) on d[0..n) as columns of one table. */
static void side_by_side(struct ts_buf *b, const struct perf_result *r, struct hw_desc *const *d, int n) {
  ts_buf_printf(b, "%-14s", "");
  for (int i = 0; i < n; i++) ts_buf_printf(b, "%14s", d[i]->name);
  ts_buf_putc(b, '\n');
  row_num(b, "time (us)", r, n, g_us, "%14.4g");
  row_num(b, "TFLOP/s", r, n, g_tf, "%14.1f");
  row_num(b, "MMA util (%)", r, n, g_util, "%14.1f");
  row_num(b, "waves", r, n, g_waves, "%14.0f");
  row_num(b, "HBM (MB)", r, n, g_hbm, "%14.2f");
  row_num(b, "L2 hit (%)", r, n, g_hit, "%14.1f");
  for (int u = 0; u < PERF_NUNITS; u++) {
    ts_buf_printf(b, "busy %-9s", perf_unit_name((enum perf_unit)u));
    for (int i = 0; i < n; i++) ts_buf_printf(b, "%13.1f%%", 100 * r[i].busy[u]);
    ts_buf_putc(b, '\n');
  }
  ts_buf_printf(b, "%-14s", "bottleneck");
  for (int i = 0; i < n; i++) ts_buf_printf(b, "%14s", perf_unit_name(r[i].bottleneck));
  ts_buf_putc(b, '\n');
}

/* ---- the pictures ---- */

/* The command line, for the report's header. */
static void command_line(char *buf, size_t n, int argc, char **argv) {
  size_t k = (size_t)snprintf(buf, n, "tilesim");
  for (int i = 0; i < argc && k < n; i++)
    k += (size_t)snprintf(buf + k, n - k, " %s", argv[i]);
}

/* b (unless out of memory) into path; 0, or -1 after a message. */
static int write_buf(const char *path, const struct ts_buf *b) {
  FILE *f = b->oom ? NULL : fopen(path, "wb");
  if (!f || fwrite(b->s, 1, b->len, f) != b->len || fclose(f)) {
    fprintf(stderr, "tilesim: cannot write '%s'\n", path);
    return -1;
  }
  return 0;
}

static const char *base_name(const char *path) {
  const char *base = strrchr(path, '/');
  return base ? base + 1 : path;
}

static int write_report(const struct cli_perf_job *j, const struct hw_desc *d,
                        const struct perf_result *r, const struct sim_trace *t,
                        const struct perf_timeline *tl) {
  char cmd[4096];
  command_line(cmd, sizeof cmd, j->argc, j->argv);
  struct perf_html h = { .kernel = base_name(j->kernel), .command = cmd, .d = d, .r = r, .t = t,
                         .tl = tl, .sm = 0 };
  struct ts_buf b = {0};
  int rc = perf_html_write(&b, &h) || write_buf(j->view->report, &b) ? -1 : 0;
  ts_buf_free(&b);
  return rc;
}

static int write_roofline(const struct cli_perf_job *j, const struct hw_desc *d,
                          const struct perf_result *r) {
  struct ts_buf b = {0};
  perf_roofline_svg(&b, d, r, base_name(j->kernel));
  int rc = write_buf(j->view->roofline, &b);
  ts_buf_free(&b);
  return rc;
}

/* Only SM sm's slices of all (the report shows one SM). */
static void only_sm(const struct perf_timeline *all, unsigned sm, struct perf_timeline *out) {
  for (size_t i = 0; i < all->n; i++)
    if (all->s[i].sm == sm) perf_timeline_add(out, &all->s[i]);
}

/* Predict on d with the slice callback on, then write the timeline and the report. */
static int pictures(const struct cli_perf_job *j, const struct hw_desc *d, const struct sim_trace *t,
                    struct perf_result *r) {
  const struct cli_perf_view *v = j->view;
  struct perf_timeline tl = { .max = MAX_SLICES }, one = {0};
  struct perf_opts o = { .slice = NULL };
  if (v->timeline || v->report) { o.slice = perf_timeline_add; o.slice_ud = &tl; }
  o.sm_last = v->sms_set ? v->sm_last : v->timeline ? 7 : 0;
  o.sm_first = v->sms_set ? v->sm_first : 0;
  if (v->report && o.sm_first > 0) o.sm_first = 0;     /* the report shows SM 0 */
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  int rc = perf_predict(d, j->m, j->entry, t, &o, r, &sink) ? EXIT_INVALID : EXIT_OK;
  if (!rc && v->timeline) {
    char title[512];
    snprintf(title, sizeof title, "%s on %s", j->kernel, d->name);
    if (tl.dropped)
      fprintf(stderr, "tilesim: the timeline keeps the first %d slices (%zu more dropped); "
              "choose fewer SMs with --timeline-sms\n", MAX_SLICES, tl.dropped);
    if (perf_timeline_write(v->timeline, &tl, t, title, &sink)) rc = EXIT_SYSTEM;
  }
  if (!rc && v->report) {
    only_sm(&tl, 0, &one);
    if (write_report(j, d, r, t, &one)) rc = EXIT_SYSTEM;
  }
  if (!rc && v->roofline && write_roofline(j, d, r)) rc = EXIT_SYSTEM;
  perf_timeline_free(&tl);
  perf_timeline_free(&one);
  return rc;
}

static int print_one(const struct perf_result *r, const struct hw_desc *d, const struct cli_perf_job *j,
                     struct ts_buf *b) {
  return j->json ? perf_print_json(r, d, b) : perf_print_text(r, d, j->explain, b);
}

/* ---- the command ---- */

static int open_all(const struct cli_perf_job *j, struct hw_desc **d, int n) {
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  for (int i = 0; i < n; i++) {
    if (hw_desc_open(j->view->nhw ? j->view->hw[i] : HW_DEFAULT, &d[i], &sink)) return EXIT_INVALID;
    for (int k = 0; k < j->nsets; k++)
      if (hw_desc_set_arg(d[i], j->sets[k], &sink)) return EXIT_USAGE;
  }
  return EXIT_OK;
}

/* Predict t on every description: the first with the pictures, then the
** rest; print them (side by side when there are several). */
static int predict_all(const struct cli_perf_job *j, struct hw_desc **d, int n,
                       const struct sim_trace *t, struct perf_result *r, int *done) {
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  int rc = pictures(j, d[0], t, &r[0]);
  for (*done = rc ? 0 : 1; !rc && *done < n; (*done)++)
    if (perf_predict(d[*done], j->m, j->entry, t, NULL, &r[*done], &sink)) rc = EXIT_INVALID;
  if (rc) return rc;
  struct ts_buf b = {0};
  if (n == 1) rc = print_one(&r[0], d[0], j, &b);
  else if (j->json) {
    ts_buf_puts(&b, "[");
    for (int i = 0; i < n && !rc; i++) {
      if (i) ts_buf_puts(&b, ",");
      rc = perf_print_json(&r[i], d[i], &b);
    }
    ts_buf_puts(&b, "]\n");
  } else {
    side_by_side(&b, r, d, n);
    for (int i = 0; i < n && j->explain && !rc; i++) {   /* then each in full */
      ts_buf_putc(&b, '\n');
      rc = perf_print_text(&r[i], d[i], true, &b);
    }
  }
  if (!rc && b.s) fputs(b.s, stdout);
  ts_buf_free(&b);
  return rc || b.oom ? EXIT_SYSTEM : EXIT_OK;
}

int cli_perf_view(const struct cli_perf_job *j) {
  const struct cli_perf_view *v = j->view;
  if (v->too_many) { cli_usage_error("perf", "too many --hw (at most %s)", "16"); return EXIT_USAGE; }
  int n = v->nhw ? v->nhw : 1, done = 0;
  struct hw_desc *d[CLI_PERF_MAXHW] = {0};
  struct perf_result r[CLI_PERF_MAXHW];
  struct sim_trace t;
  struct sim_error err;
  struct sim_opts so;
  memset(&t, 0, sizeof t);
  memset(&err, 0, sizeof err);
  memset(&so, 0, sizeof so);
  so.threads = j->threads;
  int rc = open_all(j, d, n);
  if (!rc && sim_trace_launch(j->m, j->entry, j->grid, j->vals, j->entry->regions[0].block->nargs,
                              j->mem, &so, &t, &err)) {
    struct ts_diag dg = { TS_ERROR, err.loc, err.msg };
    cli_print_diag(NULL, &dg);
    rc = EXIT_INVALID;
  }
  if (!rc) rc = predict_all(j, d, n, &t, r, &done);
  for (int i = 0; i < done; i++) perf_result_free(&r[i]);
  for (int i = 0; i < n; i++) hw_desc_free(d[i]);
  sim_trace_free(&t);
  return rc;
}
