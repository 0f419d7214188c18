/*
** svg.h -- a small SVG writer for the pictures of the what-if tools:
** line plots (one line per series, linear or logarithmic axes), horizontal
** bar charts (unit utilizations) and the pieces a roofline needs.  The
** output is a standalone <svg> element that is also valid XML, so it can
** be written to a .svg file or embedded in an HTML page as it is.
*/
#ifndef TILESIM_SVG_H
#define TILESIM_SVG_H

#include <stdbool.h>
#include <stddef.h>

#include "ts_base.h"

enum svg_style {
  SVG_LINE,          /* a polyline with a dot at each point */
  SVG_DASHED,        /* a dashed polyline, no dots (ceilings, references) */
  SVG_POINTS,        /* dots only, with the series name written beside the last */
  SVG_SOLID,         /* a polyline without dots (a curve sampled finely) */
};

/* One series: n points (x[i], y[i]); points with a non-positive
** coordinate on a logarithmic axis, or a NaN, are skipped. */
struct svg_series {
  const char *name;
  const double *x, *y;
  size_t n;
  enum svg_style style;
  bool label_end;    /* write the name at the last point (ceilings) */
  bool label_start;  /* write the name above the first point (slopes) */
  const char *color; /* a CSS colour, or NULL for the palette's */
};

struct svg_plot {
  const char *title, *xlabel, *ylabel;
  bool logx, logy;
  double xmin, xmax, ymin, ymax;   /* the axis ranges; min == max: from the data */
  const struct svg_series *series;
  size_t nseries;
  const char *const *xticks;       /* names for x = 0, 1, ... (categories), or NULL */
  size_t nxticks;
  unsigned width, height;          /* pixels; 0: 720 x 420 */
};

/*
** Append the plot as an <svg> element to b, with a legend of the series
** that are not labelled at their end.  Every series is a <g> whose
** class is "series" and whose data-name is its name, so tests and
** scripts can find them.
*/
void svg_plot_write(struct ts_buf *b, const struct svg_plot *p);

/* One bar of a bar chart: a value in [0, max] and an optional note. */
struct svg_bar {
  const char *label;
  double v;
  const char *note;                /* written after the value, or NULL */
  bool highlight;                  /* drawn in the accent colour (the bottleneck) */
};

/*
** Append a horizontal bar chart of n bars (values scaled to max; shown as
** percentages when percent) as an <svg> element to b.
*/
void svg_bars_write(struct ts_buf *b, const char *title, const struct svg_bar *bars, size_t n,
                    double max, bool percent, unsigned width);

/* Append s with the five XML special characters escaped. */
void svg_escape(struct ts_buf *b, const char *s);

/* The colour of series i (a fixed palette that cycles). */
const char *svg_color(size_t i);

#endif
