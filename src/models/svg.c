/*
** svg.c -- line plots and bar charts as SVG (see svg.h).  Everything is
** computed here, nothing is left to a script: the files open in any
** browser or image viewer and print the same everywhere.
*/
#include <config.h>

#include "svg.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Margins around the plot area, in pixels: room for tick labels on the
** left and below, and (at least MR) for end-of-line labels and the legend
** on the right. */
enum { ML = 72, MR = 170, MT = 36, MB = 52 };

static const char *const palette[] = {
  "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
  "#bcbd22", "#7f7f7f", "#393b79", "#ad494a", "#637939", "#8c6d31", "#7b4173", "#3182bd",
};

const char *svg_color(size_t i) { return palette[i % (sizeof palette / sizeof palette[0])]; }

void svg_escape(struct ts_buf *b, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
    case '<': ts_buf_puts(b, "&lt;"); break;
    case '>': ts_buf_puts(b, "&gt;"); break;
    case '&': ts_buf_puts(b, "&amp;"); break;
    case '"': ts_buf_puts(b, "&quot;"); break;
    case '\'': ts_buf_puts(b, "&#39;"); break;
    default: ts_buf_putc(b, *s);
    }
  }
}

/* An axis: its range (as logarithms when log) and its pixel span. */
struct axis {
  bool log;
  double lo, hi;         /* data range (log10 of it when log) */
  double p0, p1;         /* pixels of lo and hi */
};

static bool usable(double v, bool log) { return !isnan(v) && !isinf(v) && (!log || v > 0); }

static double to_px(const struct axis *a, double v) {
  double t = a->log ? log10(v) : v;
  double f = a->hi > a->lo ? (t - a->lo) / (a->hi - a->lo) : 0.5;
  return a->p0 + f * (a->p1 - a->p0);
}

/* The data range of one coordinate over every series ('y' or 'x'). */
static void data_range(const struct svg_plot *p, bool want_y, bool log, double *lo, double *hi) {
  *lo = INFINITY; *hi = -INFINITY;
  for (size_t s = 0; s < p->nseries; s++)
    for (size_t i = 0; i < p->series[s].n; i++) {
      double v = want_y ? p->series[s].y[i] : p->series[s].x[i];
      if (!usable(v, log)) continue;
      if (v < *lo) *lo = v;
      if (v > *hi) *hi = v;
    }
  if (*lo > *hi) { *lo = log ? 1 : 0; *hi = log ? 10 : 1; }
}

/* The largest 1, 2 or 5 times a power of ten at or below v (v > 0), and
** the smallest at or above: logarithmic axes end on such values. */
static double log_floor(double v) {
  double m = pow(10, floor(log10(v)));
  return v >= 5 * m ? 5 * m : v >= 2 * m ? 2 * m : m;
}

static double log_ceil(double v) {
  double m = pow(10, floor(log10(v)));
  return v <= m ? m : v <= 2 * m ? 2 * m : v <= 5 * m ? 5 * m : 10 * m;
}

/*
** Fill a from the given range (or the data's when min == max): a linear
** axis starts at zero when the data are all positive and gets 5% of
** headroom; a logarithmic one is widened to whole decades.
*/
static void axis_init(struct axis *a, const struct svg_plot *p, bool y, double p0, double p1) {
  a->log = y ? p->logy : p->logx;
  double lo = y ? p->ymin : p->xmin, hi = y ? p->ymax : p->xmax;
  if (!(lo < hi)) {
    data_range(p, y, a->log, &lo, &hi);
    if (a->log) { lo = log_floor(lo); hi = log_ceil(hi); }
    else {
      if (lo > 0 && (y || p->xticks)) lo = 0;
      double pad = (hi - lo) * 0.05;
      if (pad == 0) pad = fabs(hi) * 0.1 + 1;
      if (y) hi += pad;
      if (p->xticks) { lo -= 0.5; hi = (double)p->nxticks - 0.5; }
    }
  }
  if (a->log && lo <= 0) lo = hi / 1e3;
  if (lo == hi) hi = lo + 1;
  a->lo = a->log ? log10(lo) : lo;
  a->hi = a->log ? log10(hi) : hi;
  a->p0 = p0; a->p1 = p1;
}

/* A "nice" step near range/n: 1, 2 or 5 times a power of ten. */
static double nice_step(double range, int n) {
  double raw = range / n, mag = pow(10, floor(log10(raw))), f = raw / mag;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
}

/* A tick value as a short label: 1.5k, 2M, 0.25, 1e-3. */
static void tick_label(char *out, size_t n, double v) {
  double a = fabs(v);
  if (a == 0) snprintf(out, n, "0");
  else if (a >= 1e12) snprintf(out, n, "%gT", v / 1e12);
  else if (a >= 1e9) snprintf(out, n, "%gG", v / 1e9);
  else if (a >= 1e6) snprintf(out, n, "%gM", v / 1e6);
  else if (a >= 1e4) snprintf(out, n, "%gk", v / 1e3);
  else if (a < 1e-3) snprintf(out, n, "%.0e", v);
  else snprintf(out, n, "%.4g", v);
}

/* One tick: its grid line and its label, along x (vertical line) or y. */
static void tick(struct ts_buf *b, const struct axis *a, const struct axis *o, bool xaxis,
                 double v, const char *label) {
  double p = to_px(a, v);
  if (xaxis) {
    ts_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>\n",
                  p, o->p0, p, o->p1);
    ts_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", p, o->p0 + 16);
  } else {
    ts_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>\n",
                  o->p0, p, o->p1, p);
    ts_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", o->p0 - 6, p + 4);
  }
  svg_escape(b, label);
  ts_buf_puts(b, "</text>\n");
}

/* The ticks of axis a (o is the other axis, for the grid lines). */
static void ticks(struct ts_buf *b, const struct svg_plot *p, const struct axis *a,
                  const struct axis *o, bool xaxis) {
  char lab[32];
  if (xaxis && p->xticks) {
    for (size_t i = 0; i < p->nxticks; i++) tick(b, a, o, true, (double)i, p->xticks[i]);
    return;
  }
  if (a->log) {
    double span = a->hi - a->lo;
    for (double e = floor(a->lo + 1e-9); e <= a->hi + 1e-9; e++)
      for (int m = 1; m <= 5; m += (span <= 2 ? 1 : 9)) {
        if (m == 3 || m == 4) continue;
        double v = m * pow(10, e);
        if (log10(v) < a->lo - 1e-9) continue;
        if (log10(v) > a->hi + 1e-9) break;
        tick_label(lab, sizeof lab, v);
        tick(b, a, o, xaxis, v, lab);
      }
    return;
  }
  double step = nice_step(a->hi - a->lo, xaxis ? 8 : 6);
  for (double v = ceil(a->lo / step - 1e-9) * step; v <= a->hi + step * 1e-9; v += step) {
    tick_label(lab, sizeof lab, fabs(v) < step * 1e-9 ? 0 : v);
    tick(b, a, o, xaxis, v, lab);
  }
}

/* One series as a <g>: its line, its dots, its end label. */
static void series(struct ts_buf *b, const struct svg_series *s, size_t idx,
                   const struct axis *ax, const struct axis *ay) {
  const char *c = s->color ? s->color : svg_color(idx);
  ts_buf_puts(b, "<g class=\"series\" data-name=\"");
  svg_escape(b, s->name);
  ts_buf_printf(b, "\" stroke=\"%s\" fill=\"%s\">\n", c, c);
  double lx = NAN, ly = NAN;
  if (s->style != SVG_POINTS) {
    ts_buf_printf(b, "<polyline fill=\"none\" stroke-width=\"2\"%s points=\"",
                  s->style == SVG_DASHED ? " stroke-dasharray=\"6 4\"" : "");
    for (size_t i = 0; i < s->n; i++)
      if (usable(s->x[i], ax->log) && usable(s->y[i], ay->log))
        ts_buf_printf(b, "%.1f,%.1f ", to_px(ax, s->x[i]), to_px(ay, s->y[i]));
    ts_buf_puts(b, "\"/>\n");
  }
  for (size_t i = 0; i < s->n; i++) {
    if (!usable(s->x[i], ax->log) || !usable(s->y[i], ay->log)) continue;
    lx = to_px(ax, s->x[i]); ly = to_px(ay, s->y[i]);
    if (s->style == SVG_LINE || s->style == SVG_POINTS)
      ts_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\"><title>%g, %g</title></circle>\n",
                    lx, ly, s->style == SVG_POINTS ? 5 : 3, s->x[i], s->y[i]);
  }
  if (s->label_start && s->n && usable(s->x[0], ax->log) && usable(s->y[0], ay->log)) {
    ts_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" stroke=\"none\" class=\"start\">",
                  to_px(ax, s->x[0]) + 6, to_px(ay, s->y[0]) - 8);
    svg_escape(b, s->name);
    ts_buf_puts(b, "</text>\n");
  }
  if ((s->label_end || s->style == SVG_POINTS) && !isnan(lx)) {
    ts_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" stroke=\"none\" class=\"end\">", lx + 6, ly + 4);
    svg_escape(b, s->name);
    ts_buf_puts(b, "</text>\n");
  }
  ts_buf_puts(b, "</g>\n");
}

/* The legend: one swatch and name per series not labelled at its end. */
static void legend(struct ts_buf *b, const struct svg_plot *p, double x, double y) {
  for (size_t s = 0; s < p->nseries; s++) {
    const struct svg_series *q = &p->series[s];
    if (q->label_end || q->label_start || q->style == SVG_POINTS) continue;
    ts_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"4\" fill=\"%s\"/>",
                  x, y - 4, q->color ? q->color : svg_color(s));
    ts_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\">", x + 20, y);
    svg_escape(b, p->series[s].name);
    ts_buf_puts(b, "</text>\n");
    y += 18;
  }
}

static void open_svg(struct ts_buf *b, unsigned w, unsigned h, const char *cls) {
  ts_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"%s\" width=\"%u\" "
                "height=\"%u\" viewBox=\"0 0 %u %u\" font-family=\"sans-serif\" font-size=\"12\">\n",
                cls, w, h, w, h);
  ts_buf_puts(b, "<style>.grid{stroke:#ddd;stroke-width:1}.frame{fill:none;stroke:#444}"
                 "text{fill:#222}.title{font-size:15px;font-weight:bold}</style>\n");
  ts_buf_printf(b, "<rect width=\"%u\" height=\"%u\" fill=\"white\"/>\n", w, h);
}

static void title(struct ts_buf *b, double x, double y, const char *t, const char *anchor,
                  const char *extra) {
  if (!t) return;
  ts_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>", x, y, anchor, extra);
  svg_escape(b, t);
  ts_buf_puts(b, "</text>\n");
}

/* The right margin: MR, or wider for the longest legend or end label. */
static unsigned right_margin(const struct svg_plot *p) {
  size_t len = 0;
  for (size_t s = 0; s < p->nseries; s++)
    if (p->series[s].name && !p->series[s].label_start && strlen(p->series[s].name) > len)
      len = strlen(p->series[s].name);
  unsigned mr = (unsigned)(36 + 7 * len);
  return mr < MR ? MR : mr > 420 ? 420 : mr;
}

void svg_plot_write(struct ts_buf *b, const struct svg_plot *p) {
  unsigned mr = right_margin(p);
  unsigned w = (p->width ? p->width : 720) + (mr - MR), h = p->height ? p->height : 420;
  struct axis ax, ay;
  axis_init(&ax, p, false, ML, w - mr);
  axis_init(&ay, p, true, h - MB, MT);
  open_svg(b, w, h, "plot");
  title(b, (ML + w - mr) / 2.0, 22, p->title, "middle", " class=\"title\"");
  ticks(b, p, &ax, &ay, true);
  ticks(b, p, &ay, &ax, false);
  ts_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%u\" height=\"%u\" class=\"frame\"/>\n",
                ML, MT, w - ML - mr, h - MT - MB);
  title(b, (ML + w - mr) / 2.0, h - 12, p->xlabel, "middle", "");
  if (p->ylabel) {
    ts_buf_printf(b, "<text transform=\"translate(16,%.1f) rotate(-90)\" text-anchor=\"middle\">",
                  (MT + h - MB) / 2.0);
    svg_escape(b, p->ylabel);
    ts_buf_puts(b, "</text>\n");
  }
  for (size_t s = 0; s < p->nseries; s++) series(b, &p->series[s], s, &ax, &ay);
  legend(b, p, w - mr + 12, MT + 8);
  ts_buf_puts(b, "</svg>\n");
}

/* One bar row: label, track, filled part, value text. */
static void bar_row(struct ts_buf *b, const struct svg_bar *r, double y, double x0, double span,
                    double max, bool percent) {
  double f = max > 0 ? r->v / max : 0;
  if (!(f > 0)) f = 0;
  if (f > 1) f = 1;
  ts_buf_printf(b, "<g class=\"bar\" data-name=\"");
  svg_escape(b, r->label);
  ts_buf_printf(b, "\" data-value=\"%.6g\">\n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
                r->v, x0 - 8, y + 14);
  svg_escape(b, r->label);
  ts_buf_printf(b, "</text>\n<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"#eee\"/>\n",
                x0, y, span);
  ts_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>\n",
                x0, y, span * f, r->highlight ? "#d62728" : "#1f77b4");
  if (percent) ts_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\">%.1f%%", x0 + span + 8, y + 14, 100 * r->v / (max > 0 ? max : 1));
  else ts_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\">%.4g", x0 + span + 8, y + 14, r->v);
  if (r->note) { ts_buf_puts(b, " "); svg_escape(b, r->note); }
  ts_buf_puts(b, "</text>\n</g>\n");
}

void svg_bars_write(struct ts_buf *b, const char *t, const struct svg_bar *bars, size_t n,
                    double max, bool percent, unsigned width) {
  unsigned w = width ? width : 720, h = (unsigned)(n * 26 + (t ? 44 : 12));
  double x0 = 110, span = w - x0 - 200, y = t ? 36 : 6;
  open_svg(b, w, h, "bars");
  title(b, 10, 22, t, "start", " class=\"title\"");
  for (size_t i = 0; i < n; i++, y += 26) bar_row(b, &bars[i], y, x0, span, max, percent);
  ts_buf_puts(b, "</svg>\n");
}
