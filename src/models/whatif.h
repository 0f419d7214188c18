/*
** whatif.h -- the pictures and comparisons built on the performance model
** (perf.h): what differs between two descriptions, the timeline of a
** prediction as a Chrome trace, the roofline of a chip with a kernel on
** it, and the self-contained HTML report.  None of them changes a
** prediction; they only show one.
*/
#ifndef TILESIM_WHATIF_H
#define TILESIM_WHATIF_H

#include <stdbool.h>
#include <stddef.h>

#include "hw.h"
#include "perf.h"
#include "ts_base.h"

/*
** Append to b a table of what differs between descriptions a and c:
** identity (architecture, numerics profile, L2 scope) and every number
** present in either, with its unit.  Returns the number of differing
** rows, or -1 when out of memory.
*/
int hw_desc_diff(const struct hw_desc *a, const struct hw_desc *c, struct ts_buf *b);

/* ---- timeline (perf_timeline.c) ---- */

/* The slices of one prediction, as the perf_opts.slice callback collects them. */
struct perf_timeline {
  struct perf_slice *s;
  size_t n, cap;
  size_t max;                  /* keep at most this many (0: no limit) */
  size_t dropped;              /* slices not kept because of max */
  int oom;
};

/* The perf_opts.slice callback: ud is a struct perf_timeline. */
void perf_timeline_add(void *ud, const struct perf_slice *s);
void perf_timeline_free(struct perf_timeline *tl);

/* The label of a slice's op: "mmaf @ gemm.mlir:42" (the op's mnemonic and
** the line of its loc() annotation or, without one, of the kernel file). */
void perf_slice_name(const struct ir_op *op, char *buf, size_t n);

/*
** Append the slices of tl to b as a Chrome trace-event JSON object: one
** process per SM ("SM 3") with one thread per unit ("mma", "hbm", ...),
** every slice an "X" event named after its op and source line, with the
** block coordinates (from t, which may be NULL) in its args.
*/
void perf_timeline_json(struct ts_buf *b, const struct perf_timeline *tl,
                        const struct sim_trace *t, const char *title);

/* perf_timeline_json() gzip-compressed into path.  0, or -1 after a
** diagnostic to sink (the file cannot be written). */
int perf_timeline_write(const char *path, const struct perf_timeline *tl,
                        const struct sim_trace *t, const char *title,
                        struct ts_diag_sink *sink);

/* ---- roofline (perf_roofline.c) ---- */

/*
** Append to b an SVG roofline of d: a ceiling for every MMA peak the
** chip has, for FP32 and for the SFU, slopes for L2 and HBM bandwidth,
** and, when r is not NULL, the kernel at its HBM and its L2 arithmetic
** intensity (labelled with name).
*/
void perf_roofline_svg(struct ts_buf *b, const struct hw_desc *d, const struct perf_result *r,
                       const char *name);

/* ---- HTML report (perf_html.c) ---- */

struct perf_html {
  const char *kernel;          /* file name, shown in the title */
  const char *command;         /* the command line that made the report, or NULL */
  const struct hw_desc *d;
  const struct perf_result *r;
  const struct sim_trace *t;   /* for block coordinates; may be NULL */
  const struct perf_timeline *tl;  /* slices of the representative SM; may be NULL */
  unsigned sm;                 /* which SM tl shows */
};

/* Append the whole page (HTML that is also well-formed XML, no external
** resources) to b.  Returns 0, or -1 when out of memory. */
int perf_html_write(struct ts_buf *b, const struct perf_html *h);

#endif
