/*
** perf_int.h -- what the mapper (perf_map.c), the cycle model
** (perf_model.c) and the reports (perf_report.c) share: the mapper's
** per-op plan.  The mapper looks at the kernel once; the model then plays
** the trace with the plan's costs and never looks at op names again.
*/
#ifndef TILESIM_PERF_INT_H
#define TILESIM_PERF_INT_H

#include "perf.h"

/* The deepest load ring the mapper builds (see plan_residency). */
enum { PERF_MAX_STAGES = 8 };

/* What an op costs, by class. */
enum perf_cls {
  PC_FREE,       /* scalars, layout ops (reshape, permute, ...), views, control */
  PC_MMA,        /* mmaf / mmai / mmaf_scaled: the matrix unit */
  PC_LOAD,       /* a load from global memory into the SM */
  PC_STORE,      /* a store (or atomic) to global memory */
  PC_ELEM,       /* elementwise or reduction work: FP32/ALU lanes, maybe SFU */
};

/* The plan for one op. */
struct perf_opplan {
  const struct ir_op *op;
  uint8_t cls;                  /* enum perf_cls */
  /* PC_MMA: cycles the matrix unit and the SMEM port are busy for one
  ** execution, the FLOPs, and the latency of the result after the unit
  ** is done; acc_chain: the accumulator comes from an MMA on the same
  ** unit, which pipelines without waiting for the latency. */
  double mma_cyc, smem_cyc, flops, lat;
  /* PC_MMA: the tile's rows are shared by several issuers (Hopper: one
  ** warpgroup per 64 rows), whose instructions the unit interleaves with
  ** other tile MMAs' (FILL_SPLIT in perf_model.c) */
  bool split;
  /* PC_MMA: one thread issues the block's MMAs in order, apart from the
  ** warps that use their results (tcgen05, TMEM accumulators) */
  bool inorder;
  /* PC_MMA with register accumulators: cycles of the register file's
  ** ports its accumulator reads and writes take (0: none) */
  double rf_cyc;
  /* PC_ELEM: cycles of the FP32/ALU lanes and of the SFU, and latency */
  double fp32_cyc, sfu_cyc;
  double eflops;                /* elementwise FLOPs counted in the result */
  /* PC_LOAD / PC_STORE: fraction of the access's bytes this block moves
  ** itself (1; a CTA pair's tile block moves its whole tile, each SM half) */
  double share;
  int ring;                     /* PC_LOAD in a loop: its buffer ring, or -1 */
  double xpose_cyc;             /* PC_LOAD: cycles its warps then spend transposing it in SMEM */
  unsigned stages;              /* ... ring depth */
};

/* The plan for a kernel on a chip. */
struct perf_map {
  struct perf_opplan *plan;     /* one per op of the entry, hashed by op */
  unsigned nplan, hcap;
  int *hash;                    /* open addressing: index into plan, -1 empty */
  unsigned nrings;              /* pipelined loads */
  unsigned stages;              /* their ring depth (at most PERF_MAX_STAGES) */
  unsigned cta_group;           /* 1, or 2: blocks run as CTA pairs */
  unsigned bps;                 /* blocks resident per SM */
  /* the kernel's MMAs keep f32 accumulators in the registers of the warps
  ** that also run its elementwise work (NVIDIA wgmma / mma.sync): the two
  ** share the register file's ports (see perf_model.c, rf_share) */
  bool rf_acc;
  enum hw_dtype dtype;          /* the kernel's MMA input type, HW_NDTYPES if none */
  double peak_flops_clk;        /* the chip's MMA FLOP/clk/SM for dtype (for util) */
  double clock_mhz;             /* the SM clock the model runs at */
  unsigned estimates;           /* distinct estimate-sourced numbers the prediction used */
  const struct hw_num *used[128];  /* ... those numbers */
  struct perf_decision *dec;
  unsigned ndec, deccap;
};

/* Make the plan; 0, or -1 after a diagnostic. */
int perf_map_build(const struct hw_desc *d, const struct ir_module *m,
                   const struct ir_op *entry, struct perf_map *pm,
                   struct ts_diag_sink *sink);
void perf_map_free(struct perf_map *pm);
/* Note that the prediction uses n (counted once when it is an estimate); returns n->v. */
double perf_map_use(struct perf_map *pm, const struct hw_num *n);
/* The plan of op (every op of the entry has one). */
const struct perf_opplan *perf_map_get(const struct perf_map *pm, const struct ir_op *op);

/*
** Cycles one MMA instruction of family f with shape m x n x k (m as the
** instruction's, for a pair the pair's) keeps one SM's matrix unit busy:
** the larger of its FLOPs at the family's rate and the bytes its operands
** read from shared memory at the SMEM bandwidth (section 4.5 of the
** hardware notes: this is what makes small-N SS instructions SMEM-bound).
** a_src and b_src are enum hw_opnd bits; for a CTA pair each SM reads its
** half of A and half of B.  *smem returns the SMEM cycles alone.
*/
double perf_mma_issue_cycles(const struct hw_desc *d, const struct hw_mma *f, unsigned m,
                             unsigned n, unsigned k, unsigned a_src, unsigned b_src,
                             double *smem);

/* Bytes of one element of an MMA input type. */
double perf_dtype_bytes(enum hw_dtype t);

/* The clock (MHz) the model runs SM cycles at: clocks.sustained when the
** description has it, else clocks.sm. */
double perf_clock_mhz(const struct hw_desc *d);

#endif
