/*
** perf_html.c -- one self-contained HTML page that explains a prediction:
** the numbers, the mapper's decisions, the busy fraction of every unit,
** the roofline and the timeline of one SM.  Pictures are inline SVG and
** the style sheet is inline, so the page needs no network and no script.
** The page is also well-formed XML (every element closed, text escaped),
** so XML tools can check and query it.
*/
#include <config.h>

#include "whatif.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ir.h"
#include "svg.h"

/* Timeline slices drawn at most: more would make a page browsers crawl on,
** and the first ones already show the steady state of a block. */
enum { MAX_DRAWN = 6000 };

static const char css[] =
  "body{font-family:sans-serif;margin:24px auto;padding:0 24px;max-width:900px;color:#222;background:#fff}"
  "h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}"
  ".sub{color:#666;font-size:13px}"
  "table{border-collapse:collapse;font-size:13px}td,th{padding:3px 10px;text-align:left;"
  "border-bottom:1px solid #eee;vertical-align:top}th{background:#f4f4f4}"
  "td.num{text-align:right;font-variant-numeric:tabular-nums}"
  ".warn{color:#a15c00}code,pre{font-family:monospace;font-size:12px}"
  "pre{background:#f6f6f6;padding:8px;overflow-x:auto;white-space:pre-wrap}"
  ".big{font-size:20px;font-weight:bold}";

static void esc(struct ts_buf *b, const char *s) { svg_escape(b, s); }

/* A row of the prediction table: name, value (already formatted). */
static void kv(struct ts_buf *b, const char *k, const char *v) {
  ts_buf_puts(b, "<tr><th>");
  esc(b, k);
  ts_buf_puts(b, "</th><td class=\"num\">");
  esc(b, v);
  ts_buf_puts(b, "</td></tr>\n");
}

/* A byte count with a binary-prefix unit. */
static void fmt_bytes(char *buf, size_t n, double v) {
  static const char *const u[] = { "B", "KiB", "MiB", "GiB", "TiB" };
  int i = 0;
  while (i < 4 && v >= 1024) { v /= 1024; i++; }
  snprintf(buf, n, "%.3g %s", v, u[i]);
}

static void header(struct ts_buf *b, const struct perf_html *h) {
  ts_buf_puts(b, "<h1>tilesim prediction: ");
  esc(b, h->kernel ? h->kernel : "kernel");
  ts_buf_puts(b, " on ");
  esc(b, h->d->title ? h->d->title : h->d->name);
  ts_buf_puts(b, "</h1>\n<p class=\"sub\">");
  esc(b, h->d->path ? h->d->path : h->d->name);
  if (h->d->provisional) ts_buf_puts(b, " (provisional description)");
  ts_buf_puts(b, "</p>\n");
  if (h->command) {
    ts_buf_puts(b, "<pre id=\"command\">");
    esc(b, h->command);
    ts_buf_puts(b, "</pre>\n");
  }
}

static void prediction(struct ts_buf *b, const struct perf_html *h) {
  const struct perf_result *r = h->r;
  char v[128];
  ts_buf_printf(b, "<h2>Prediction</h2>\n<p class=\"big\" id=\"headline\">%.4g &#181;s, "
                "%.4g TFLOP/s", r->seconds * 1e6, r->tflops);
  if (r->dtype < HW_NDTYPES && r->util > 0)
    ts_buf_printf(b, ", %.1f%% of the %s peak", 100 * r->util, hw_dtype_name(r->dtype));
  ts_buf_printf(b, "; bound by %s</p>\n<table id=\"prediction\">\n", perf_unit_name(r->bottleneck));
  snprintf(v, sizeof v, "%.6g s (%.0f cycles)", r->seconds, r->cycles); kv(b, "time", v);
  snprintf(v, sizeof v, "%.4g (MMA %.4g)", r->flops, r->mma_flops); kv(b, "FLOPs", v);
  snprintf(v, sizeof v, "%.4g", r->tflops); kv(b, "TFLOP/s", v);
  if (r->dtype < HW_NDTYPES) {
    snprintf(v, sizeof v, "%.1f%% of %s peak", 100 * r->util, hw_dtype_name(r->dtype));
    kv(b, "utilization", v);
  }
  kv(b, "bottleneck", perf_unit_name(r->bottleneck));
  snprintf(v, sizeof v, "%u blocks, %u per SM, %u wave%s", r->blocks, r->blocks_per_sm, r->waves,
           r->waves == 1 ? "" : "s");
  kv(b, "grid", v);
  fmt_bytes(v, sizeof v, r->hbm_bytes); kv(b, "HBM traffic", v);
  fmt_bytes(v, sizeof v, r->l2_bytes); kv(b, "L2 requests", v);
  snprintf(v, sizeof v, "%.1f%%", 100 * r->l2_hit); kv(b, "L2 hit rate", v);
  ts_buf_puts(b, "</table>\n");
  if (r->estimates)
    ts_buf_printf(b, "<p class=\"warn\" id=\"estimates\">This prediction uses %u number%s of the "
                  "description that %s estimates, not measurements or vendor figures.</p>\n",
                  r->estimates, r->estimates == 1 ? "" : "s", r->estimates == 1 ? "is an" : "are");
}

static void decisions(struct ts_buf *b, const struct perf_result *r) {
  ts_buf_puts(b, "<h2>Mapper decisions</h2>\n");
  if (!r->ndec) { ts_buf_puts(b, "<p>None recorded.</p>\n"); return; }
  ts_buf_puts(b, "<table id=\"decisions\">\n<tr><th>decision</th><th>op</th><th>choice</th></tr>\n");
  for (unsigned i = 0; i < r->ndec; i++) {
    char op[400] = "kernel";
    if (r->dec[i].op) perf_slice_name(r->dec[i].op, op, sizeof op);
    ts_buf_puts(b, "<tr><td><code>");
    esc(b, r->dec[i].what ? r->dec[i].what : "");
    ts_buf_puts(b, "</code></td><td>");
    esc(b, op);
    ts_buf_puts(b, "</td><td>");
    esc(b, r->dec[i].text);
    ts_buf_puts(b, "</td></tr>\n");
  }
  ts_buf_puts(b, "</table>\n");
}

static void utilization(struct ts_buf *b, const struct perf_result *r) {
  struct svg_bar bars[PERF_NUNITS + 1];
  size_t n = 0;
  if (r->dtype < HW_NDTYPES)
    bars[n++] = (struct svg_bar){ "MMA peak", r->util, "of the dtype's peak", false };
  for (int u = 0; u < PERF_NUNITS; u++)
    bars[n++] = (struct svg_bar){ perf_unit_name((enum perf_unit)u), r->busy[u],
                                  r->bottleneck == (enum perf_unit)u ? "bottleneck" : NULL,
                                  r->bottleneck == (enum perf_unit)u };
  ts_buf_puts(b, "<h2>Unit utilization</h2>\n<p>Fraction of the kernel's time each unit is busy "
                 "(averaged over SMs; L2 and HBM are chip-wide).</p>\n<div id=\"utilization\">\n");
  svg_bars_write(b, NULL, bars, n, 1.0, true, 860);
  ts_buf_puts(b, "</div>\n");
}

/* The op kinds of the drawn slices, for colours and the legend. */
struct kinds { int code[32]; size_t n; };

static size_t kind_of(struct kinds *k, const struct ir_op *op) {
  int c = op ? (int)op->code : -1;
  for (size_t i = 0; i < k->n; i++) if (k->code[i] == c) return i;
  if (k->n < 32) k->code[k->n++] = c;
  return k->n - 1;
}

/* The time span of slices [0, n) of tl. */
static double span_of(const struct perf_timeline *tl, size_t n) {
  double t1 = 0;
  for (size_t i = 0; i < n; i++) if (tl->s[i].t1 > t1) t1 = tl->s[i].t1;
  return t1 > 0 ? t1 : 1e-9;
}

static void slice_rect(struct ts_buf *b, const struct perf_slice *s, double x0, double w,
                       double t1, struct kinds *k) {
  char name[400];
  double x = x0 + w * s->t0 / t1, wd = w * (s->t1 - s->t0) / t1;
  double y = 30 + 26.0 * s->unit;
  perf_slice_name(s->op, name, sizeof name);
  ts_buf_printf(b, "<rect class=\"slice\" x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"20\" "
                "fill=\"%s\"><title>", x, y, wd < 0.3 ? 0.3 : wd, svg_color(kind_of(k, s->op)));
  esc(b, name);
  ts_buf_printf(b, ": %.4g-%.4g &#181;s</title></rect>\n", s->t0 * 1e6, s->t1 * 1e6);
}

/* The colours of the op kinds, in rows that wrap at the chart's width. */
static void timeline_legend(struct ts_buf *b, const struct kinds *k, double y) {
  double x = 100;
  for (size_t i = 0; i < k->n; i++) {
    const char *nm = k->code[i] < 0 ? "kernel" : ir_optab[k->code[i]].name;
    if (x + 24 + 7.5 * (double)strlen(nm) > 840) { x = 100; y += 20; }
    ts_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  "<text x=\"%.1f\" y=\"%.1f\">", x, y, svg_color(i), x + 16, y + 10);
    esc(b, nm);
    ts_buf_puts(b, "</text>\n");
    x += 24 + 7.5 * (double)strlen(nm);
  }
}

/* The slices of one SM as an SVG Gantt chart: one row per unit, the time
** axis spanning the kernel (or the drawn slices when they were cut). */
static void timeline_svg(struct ts_buf *b, const struct perf_timeline *tl, double kernel_s) {
  size_t n = tl->n < MAX_DRAWN ? tl->n : MAX_DRAWN;
  double t1 = span_of(tl, n), x0 = 100, w = 740;
  if (n == tl->n && kernel_s > t1) t1 = kernel_s;     /* the whole kernel, idle tail included */
  unsigned hgt = 30 + 26 * PERF_NUNITS + 90;
  struct kinds k = { .n = 0 };
  ts_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"860\" "
                "height=\"%u\" viewBox=\"0 0 860 %u\" font-family=\"sans-serif\" font-size=\"12\">\n"
                "<rect width=\"860\" height=\"%u\" fill=\"white\"/>\n", hgt, hgt, hgt);
  for (int u = 0; u < PERF_NUNITS; u++)
    ts_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" class=\"track\">%s</text>\n"
                  "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"#f3f3f3\"/>\n",
                  x0 - 8, 45 + 26 * u, perf_unit_name((enum perf_unit)u), x0, 30 + 26 * u, w);
  for (size_t i = 0; i < n; i++) slice_rect(b, &tl->s[i], x0, w, t1, &k);
  ts_buf_printf(b, "<text x=\"%.1f\" y=\"20\">0</text><text x=\"%.1f\" y=\"20\" "
                "text-anchor=\"end\">%.4g &#181;s</text>\n", x0, x0 + w, t1 * 1e6);
  timeline_legend(b, &k, 30 + 26 * PERF_NUNITS + 14);
  ts_buf_puts(b, "</svg>\n");
}

static void timeline(struct ts_buf *b, const struct perf_html *h) {
  ts_buf_puts(b, "<h2>Timeline</h2>\n");
  if (!h->tl || !h->tl->n) { ts_buf_puts(b, "<p>No timeline recorded.</p>\n"); return; }
  size_t n = h->tl->n < MAX_DRAWN ? h->tl->n : MAX_DRAWN;
  ts_buf_printf(b, "<p>SM %u: every task of the blocks it ran, one row per unit "
                "(hover a slice for its op and source line)", h->sm);
  if (n < h->tl->n) ts_buf_printf(b, "; the first %zu of %zu tasks", n, h->tl->n);
  ts_buf_puts(b, ".</p>\n<div id=\"timeline\">\n");
  timeline_svg(b, h->tl, h->r->seconds);
  ts_buf_puts(b, "</div>\n");
}

int perf_html_write(struct ts_buf *b, const struct perf_html *h) {
  ts_buf_puts(b, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
                 "<head>\n<meta charset=\"utf-8\"/>\n<title>tilesim: ");
  esc(b, h->kernel ? h->kernel : "kernel");
  ts_buf_puts(b, " on ");
  esc(b, h->d->name);
  ts_buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
  header(b, h);
  prediction(b, h);
  decisions(b, h->r);
  utilization(b, h->r);
  ts_buf_puts(b, "<h2>Roofline</h2>\n<div id=\"roofline\">\n");
  perf_roofline_svg(b, h->d, h->r, h->kernel);
  ts_buf_puts(b, "</div>\n");
  timeline(b, h);
  ts_buf_puts(b, "<p class=\"sub\">Written by tilesim " PACKAGE_VERSION ".</p>\n</body>\n</html>\n");
  return b->oom ? -1 : 0;
}
