/*
** perf_roofline.c -- the roofline of a chip as SVG: compute ceilings (the
** MMA peak of every dtype, FP32 FMA, SFU ex2) as horizontal lines, memory
** ceilings (HBM at its achievable fraction, L2) as slopes, the roof for
** the kernel's dtype, and the kernel placed at its arithmetic intensity
** against HBM bytes and against L2 bytes.
*/
#include <config.h>

#include "whatif.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "svg.h"

enum { MAXS = 24 };

/* The series being built, with storage for their two-point lines. */
struct roof {
  struct svg_series s[MAXS];
  double x[MAXS][2], y[MAXS][2];
  char name[MAXS][96];
  size_t n;
  double xlo, xhi, ytop;
};

static void add_line(struct roof *r, const char *name, double x0, double y0, double x1, double y1,
                     enum svg_style st) {
  if (r->n == MAXS) return;
  size_t i = r->n++;
  snprintf(r->name[i], sizeof r->name[i], "%s", name);
  r->x[i][0] = x0; r->y[i][0] = y0; r->x[i][1] = x1; r->y[i][1] = y1;
  r->s[i] = (struct svg_series){ r->name[i], r->x[i], r->y[i], 2, st, true };
}

/* Chip-wide TFLOP/s of a per-SM per-clock rate (ops count 'per' FLOPs each). */
static double chip_tflops(const struct hw_desc *d, double per_clk_per_sm, double per) {
  return per_clk_per_sm * per * d->chip.sms.v * d->chip.clock_sm.v * 1e6 / 1e12;
}

/* The dtype peaks, equal values merged into one ceiling ("bf16/f16 2250"). */
static void mma_ceilings(struct roof *r, const struct hw_desc *d) {
  bool done[HW_NDTYPES] = {0};
  for (int t = 0; t < HW_NDTYPES; t++) {
    const struct hw_num *p = &d->chip.peak[t];
    if (done[t] || !hw_has(p) || t == HW_DT_F32) continue;
    char name[96];
    int len = snprintf(name, sizeof name, "%s", hw_dtype_name((enum hw_dtype)t));
    for (int u = t + 1; u < HW_NDTYPES; u++)
      if (!done[u] && u != HW_DT_F32 && hw_has(&d->chip.peak[u]) &&
          fabs(d->chip.peak[u].v - p->v) < 1e-6 * p->v && len < 60) {
        len += snprintf(name + len, sizeof name - (size_t)len, "/%s", hw_dtype_name((enum hw_dtype)u));
        done[u] = true;
      }
    snprintf(name + len, sizeof name - (size_t)len, " %.0f", p->v);
    add_line(r, name, r->xlo, p->v, r->xhi, p->v, SVG_DASHED);
    if (p->v > r->ytop) r->ytop = p->v;
  }
}

/* FP32 FMA and SFU ex2 ceilings (an FMA is 2 FLOPs, an ex2 one op). */
static void unit_ceilings(struct roof *r, const struct hw_desc *d) {
  char name[96];
  double f = hw_has(&d->chip.peak[HW_DT_F32]) ? d->chip.peak[HW_DT_F32].v
           : hw_has(&d->sm.fp32.lanes) ? chip_tflops(d, d->sm.fp32.lanes.v, 2) : 0;
  if (f > 0) {
    snprintf(name, sizeof name, "fp32 %.0f", f);
    add_line(r, name, r->xlo, f, r->xhi, f, SVG_DASHED);
  }
  if (hw_has(&d->sm.sfu.ex2)) {
    double e = chip_tflops(d, d->sm.sfu.ex2.v, 1);
    snprintf(name, sizeof name, "sfu ex2 %.1f Top/s", e);
    add_line(r, name, r->xlo, e, r->xhi, e, SVG_DASHED);
  }
}

/* A bandwidth (GB/s) as a slope from the left edge up to the top ceiling. */
static void slope(struct roof *r, const char *what, double gbs) {
  if (!(gbs > 0) || r->n == MAXS) return;
  double tf = gbs / 1e3;                  /* TFLOP/s per FLOP/byte */
  char name[96];
  snprintf(name, sizeof name, "%s %.1f TB/s", what, gbs / 1e3);
  add_line(r, name, r->xlo, r->xlo * tf, r->ytop / tf, r->ytop, SVG_DASHED);
  r->s[r->n - 1].label_end = false;
  r->s[r->n - 1].label_start = true;
}

static double hbm_gbs(const struct hw_desc *d) {
  double a = hw_has(&d->mem.hbm.achievable) ? d->mem.hbm.achievable.v : 1;
  return d->mem.hbm.bandwidth.v * a;
}

/* The roof of the kernel's dtype: min(peak, HBM x intensity), sampled. */
static void roof_line(struct roof *r, const struct hw_desc *d, double peak, double *xs, double *ys,
                      size_t n) {
  double gbs = hbm_gbs(d);
  for (size_t i = 0; i < n; i++) {
    xs[i] = r->xlo * pow(r->xhi / r->xlo, (double)i / (double)(n - 1));
    ys[i] = fmin(peak, xs[i] * gbs / 1e3);
  }
  if (r->n < MAXS) {
    r->s[r->n++] = (struct svg_series){ "roof", xs, ys, n, SVG_SOLID, false, false, "#000" };
  }
}

/* The kernel's points: intensity against HBM bytes and against L2 bytes. */
static void kernel_points(struct roof *r, const struct perf_result *k, const char *name) {
  char buf[96];
  if (k->hbm_bytes > 0 && r->n < MAXS) {
    snprintf(buf, sizeof buf, "%s (HBM)", name);
    double ai = k->flops / k->hbm_bytes;
    add_line(r, buf, ai, k->tflops, ai, k->tflops, SVG_POINTS);
    r->s[r->n - 1].n = 1;
  }
  if (k->l2_bytes > 0 && r->n < MAXS) {
    snprintf(buf, sizeof buf, "%s (L2)", name);
    double ai = k->flops / k->l2_bytes;
    add_line(r, buf, ai, k->tflops, ai, k->tflops, SVG_POINTS);
    r->s[r->n - 1].n = 1;
  }
}

/* The x range: 0.1 to 10^4 FLOP/B, widened to hold the kernel's points. */
static void x_range(struct roof *r, const struct perf_result *k) {
  r->xlo = 0.1; r->xhi = 1e4;
  if (!k) return;
  for (int i = 0; i < 2; i++) {
    double by = i ? k->l2_bytes : k->hbm_bytes;
    if (!(by > 0) || !(k->flops > 0)) continue;
    double ai = k->flops / by;
    while (ai < r->xlo * 2) r->xlo /= 10;
    while (ai > r->xhi / 2) r->xhi *= 10;
  }
}

void perf_roofline_svg(struct ts_buf *b, const struct hw_desc *d, const struct perf_result *k,
                       const char *name) {
  struct roof r;
  double xs[64], ys[64];
  memset(&r, 0, sizeof r);
  x_range(&r, k);
  mma_ceilings(&r, d);
  unit_ceilings(&r, d);
  if (r.ytop <= 0) r.ytop = 1;
  if (hw_has(&d->mem.l2.bandwidth)) slope(&r, "L2", d->mem.l2.bandwidth.v);
  slope(&r, "HBM", hbm_gbs(d));
  bool has_dt = k && k->dtype < HW_NDTYPES && hw_has(&d->chip.peak[k->dtype]);
  roof_line(&r, d, has_dt ? d->chip.peak[k->dtype].v : r.ytop, xs, ys, 64);
  if (k) kernel_points(&r, k, name ? name : "kernel");
  char title[160];
  snprintf(title, sizeof title, "Roofline: %s%s%s", d->title ? d->title : d->name,
           has_dt ? ", roof for " : "", has_dt ? hw_dtype_name(k->dtype) : "");
  double ylo = 0.1;
  if (k && k->tflops > 0) while (k->tflops < ylo * 2) ylo /= 10;
  struct svg_plot p = {
    .title = title, .xlabel = "arithmetic intensity (FLOP/byte)", .ylabel = "TFLOP/s",
    .logx = true, .logy = true, .xmin = r.xlo, .xmax = r.xhi, .ymin = ylo,
    .ymax = pow(10, ceil(log10(r.ytop * 1.5))), .series = r.s, .nseries = r.n,
    .width = 860, .height = 480,
  };
  svg_plot_write(b, &p);
}
