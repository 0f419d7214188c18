/*
** perf.h -- the performance model: a kernel's trace (sim_trace.h) and a
** hardware description (hw.h) in, a predicted time and its explanation
** out.  The mapper (perf_map.c) decides how the kernel becomes the chip's
** instructions; the cycle model (perf_model.c) schedules the resulting
** tasks on the units of every SM and on the shared memory system.
*/
#ifndef TILESIM_PERF_H
#define TILESIM_PERF_H

#include <stdbool.h>
#include <stdint.h>

#include "hw.h"
#include "sim_trace.h"
#include "ts_base.h"

/* The units a task occupies; one busy fraction each in the result. */
enum perf_unit {
  PERF_U_MMA,        /* tensor core / matrix core */
  PERF_U_SFU,        /* transcendental unit (exp2, rsqrt, ...) */
  PERF_U_FP32,       /* FP32/ALU lanes: elementwise work */
  PERF_U_SMEM,       /* shared memory / LDS bandwidth */
  PERF_U_LOAD,       /* TMA / load-store engine: bytes from L2/HBM into the SM */
  PERF_U_L2,         /* L2 bandwidth (chip-wide) */
  PERF_U_HBM,        /* HBM bandwidth (chip-wide) */
  PERF_NUNITS
};
const char *perf_unit_name(enum perf_unit u);   /* "mma", "sfu", ... */

/* One decision of the mapper, for --explain: what and why. */
struct perf_decision {
  const struct ir_op *op;      /* the op it is about, or NULL for the kernel */
  const char *what;            /* "mma.inst", "pipeline.stages", "residency", ... */
  char text[256];              /* "tcgen05.mma.cta_group::2 m256n256k16 bf16, A and B from SMEM" */
};

struct perf_result {
  double seconds;              /* predicted kernel time */
  double cycles;               /* the same in SM cycles */
  double flops;                /* MMA FLOPs (2*M*N*K per mmaf) plus elementwise FLOPs */
  double mma_flops;
  double tflops;               /* flops / seconds / 1e12 */
  enum hw_dtype dtype;         /* the kernel's MMA input type (HW_NDTYPES: none) */
  double util;                 /* mma_flops / seconds / chip peak for dtype (0 when none) */
  double busy[PERF_NUNITS];    /* fraction of time each unit is busy, averaged over SMs */
  enum perf_unit bottleneck;
  double hbm_bytes, l2_bytes;  /* bytes read+written from HBM; requested from L2 */
  double l2_hit;               /* fraction of L2 requests that hit */
  unsigned blocks, waves, blocks_per_sm;
  unsigned estimates;          /* description numbers the prediction used that are estimates */
  struct perf_decision *dec;   /* the mapper's decisions, in order */
  unsigned ndec;
};

/* A slice of the timeline: one task of one block on one unit of one SM. */
struct perf_slice {
  unsigned sm;                 /* SM / CU index */
  enum perf_unit unit;
  size_t block;                /* index in sim_trace.blk */
  const struct ir_op *op;      /* the tile op the task comes from */
  double t0, t1;               /* seconds from kernel start */
};

struct perf_opts {
  /* When not NULL, called for every task of the SMs sm_first .. sm_last
  ** (inclusive), in start order.  Timeline and report writers use it. */
  void (*slice)(void *ud, const struct perf_slice *s);
  void *slice_ud;
  unsigned sm_first, sm_last;
};

/*
** Predict the run recorded in t of entry on d.  Returns 0 and fills *r
** (free with perf_result_free), or -1 after a diagnostic to sink (a kernel
** the mapper cannot place on this chip, out of memory).
*/
int perf_predict(const struct hw_desc *d, const struct ir_module *m,
                 const struct ir_op *entry, const struct sim_trace *t,
                 const struct perf_opts *o, struct perf_result *r,
                 struct ts_diag_sink *sink);
void perf_result_free(struct perf_result *r);

/* The result as text (with the decisions when explain) or as one JSON object. */
int perf_print_text(const struct perf_result *r, const struct hw_desc *d, bool explain,
                    struct ts_buf *b);
int perf_print_json(const struct perf_result *r, const struct hw_desc *d, struct ts_buf *b);

#endif
