/*
** hw.h -- hardware descriptions: what one GPU is, as numbers with their
** provenance.  Loaded from the XML files in hwdesc/ (validated against schema.rng
** and by the semantic checks of hw_desc.c), changed for what-if with
** hw_desc_set(), printed by `tilesim hw show`.  doc/hwdesc.md documents
** the format; this header is the API the mapper and the cycle model use.
**
** Every number is a struct hw_num in a canonical unit (the unit comments
** below); the file may use any unit of the same dimension.  A number whose
** optional element was absent has src == HW_SRC_NONE (test with hw_has()).
*/
#ifndef TILESIM_HW_H
#define TILESIM_HW_H

#include <stdbool.h>

#include "ts_base.h"

/* Where a number comes from (attribute src). */
enum hw_src {
  HW_SRC_NONE,       /* absent: an optional element that was not given */
  HW_SRC_VENDOR,     /* datasheet, vendor documentation, ISA tables */
  HW_SRC_MEASURED,   /* measured on hardware (benchmark, paper) */
  HW_SRC_DERIVED,    /* arithmetic on vendor/measured numbers (why = formula) */
  HW_SRC_ESTIMATE,   /* a guess with its reasoning (why) */
  HW_SRC_SET,        /* changed with hw_desc_set() (--set) */
};

struct hw_num {
  double v;          /* in the field's canonical unit */
  enum hw_src src;
  const char *cite;  /* source ids (see struct hw_source), space separated; may be NULL */
  const char *why;   /* the formula or the reasoning; may be NULL for vendor/measured */
  const char *note;  /* free remark; may be NULL */
  unsigned line;     /* line in the description; 0 for values set later */
};

static inline bool hw_has(const struct hw_num *n) { return n->src != HW_SRC_NONE; }

/* Element types an MMA takes (attribute dtype) or a peak is quoted for. */
enum hw_dtype {
  HW_DT_F16, HW_DT_BF16, HW_DT_TF32, HW_DT_F32, HW_DT_F64,
  HW_DT_E4M3, HW_DT_E5M2, HW_DT_E3M2, HW_DT_E2M3, HW_DT_E2M1,
  HW_DT_MXF8, HW_DT_MXF6, HW_DT_MXF4, HW_DT_NVF4, HW_DT_I8,
  HW_DT_I32,           /* accumulators only */
  HW_NDTYPES
};

/* Where an MMA operand lives (bit set). */
enum hw_opnd { HW_OPND_SMEM = 1, HW_OPND_TMEM = 2, HW_OPND_REG = 4 };
enum { HW_NOPND = 3 };  /* index of an operand source: hw_opnd_index() */

enum hw_mma_kind { HW_MMA_TCGEN05, HW_MMA_WGMMA, HW_MMA_MMA, HW_MMA_MFMA };

/*
** One MMA instruction family of an SM: its shape (N may be a range
** n_min..n_max by n_step), input types, CTA group, operand sources, and
** its issue rate and latency.  The instruction occupies its matrix unit
** for hw_mma_cycles() cycles; its result is ready hw_mma_latency() cycles
** after issue.
*/
struct hw_mma {
  enum hw_mma_kind kind;
  const char *inst;          /* instruction name for reports; "" when not given */
  unsigned dtypes;           /* input types: bit (1u << enum hw_dtype) each */
  enum hw_dtype dtype;       /* the first type listed: names the family in paths */
  unsigned accs;             /* accumulator types, same bits */
  unsigned m, n_min, n_max, n_step, k;
  unsigned cta_group;        /* 1, or 2 for a CTA pair on two SMs */
  unsigned a_src, b_src, d_src;  /* enum hw_opnd bits */
  struct hw_num rate;        /* dense FLOP per clock per SM (a pair's rate / 2) */
  struct hw_num latency;     /* fixed cycles from issue to result, beyond the issue interval */
  struct hw_num latency_a[HW_NOPND];  /* the same when A comes from a given source */
  unsigned line;
};

/* A citation: cite="id" refers to it. */
struct hw_source {
  const char *id, *text;
};

enum hw_vendor { HW_VENDOR_NVIDIA, HW_VENDOR_AMD };
enum hw_l2_scope { HW_L2_CHIP, HW_L2_DIE };  /* any SM hits any partition / per die only */
enum hw_load_path { HW_LOAD_TMA, HW_LOAD_LDG, HW_NLOADS };

struct hw_chip {
  struct hw_num sms;            /* SMs (NVIDIA) or CUs (AMD) */
  struct hw_num dies;           /* compute dies: B200 2, MI300X 8 XCDs */
  struct hw_num clock_sm;       /* MHz: the clock the tensor peaks are quoted at */
  struct hw_num clock_boost;    /* MHz: the highest SM clock (optional) */
  struct hw_num clock_sustained;  /* MHz: the clock under sustained full tensor load, power-limited (optional) */
  struct hw_num warp_size;      /* threads per warp/wavefront */
  struct hw_num cluster_max;    /* CTAs per cluster (optional) */
  struct hw_num tdp;            /* W (optional) */
  struct hw_num launch_kernel;  /* ns from launch to the first block (optional) */
  struct hw_num launch_block;   /* cycles to start a block on an SM (optional) */
  struct hw_num peak[HW_NDTYPES];  /* dense TFLOP/s (TOPS) per type (optional) */
};

struct hw_sm {
  struct hw_num mma_issuers;    /* MMAs an SM executes at once: 1 NVIDIA, 4 CDNA (one per SIMD) */
  struct hw_mma *mma;
  unsigned nmma;
  struct { struct hw_num size, per_block, bandwidth, latency; } smem;  /* B, B, B/clk, clk */
  struct { struct hw_num size, latency; } l1;                          /* B, clk (optional) */
  struct { struct hw_num size, lanes, columns, alloc_min, bandwidth; } tmem;  /* optional */
  struct { struct hw_num size, per_thread; } regs;                     /* B, registers */
  struct { struct hw_num ex2, mufu, latency; } sfu;                    /* op/clk, op/clk, clk */
  struct { struct hw_num lanes, latency; } fp32;                       /* FMA/clk, clk */
  struct { struct hw_num lanes; } alu;                                 /* int32 op/clk */
  struct { struct hw_num blocks, warps, threads; } residency;
};

struct hw_memory {
  enum hw_l2_scope l2_scope;
  struct { struct hw_num size, partitions, bandwidth, latency, far_latency; } l2;  /* B, -, GB/s, ns, ns */
  struct { struct hw_num size, bandwidth, latency; } llc;        /* optional */
  struct {
    struct hw_num size, bandwidth, latency, stacks;               /* B, GB/s, ns, - */
    struct hw_num achievable;                   /* fraction of bandwidth, best load path */
    struct hw_num achievable_via[HW_NLOADS];    /* ... for one load path (optional) */
  } hbm;
  struct { struct hw_num engines, inflight, latency; } tma;      /* per SM, B, ns; optional */
};

struct hw_desc {
  const char *path;             /* the file it was loaded from */
  const char *name, *title, *arch;
  enum hw_vendor vendor;
  bool provisional;
  const char **aliases;
  unsigned naliases;
  struct hw_source *sources;
  unsigned nsources;
  const char *numerics;         /* numerics profile (sm90, sm100, cdna3, ...) */
  bool narrow_ieee;             /* narrow_overflow="ieee": conversions into fp8, fp4 and
                                ** e8m0 overflow as IEEE 754 (inf, or NaN where the type
                                ** has no inf); "satfinite" (default): the largest finite */
  bool nan_propagate;           /* nan="propagate": NaN results carry the NaN operand
                                ** (quieted); "canonical" (default): NVIDIA's one NaN */
  bool fp8_fnuz;                /* fp8="fnuz": f8E4M3FN and f8E5M2 hold AMD's FNUZ
                                ** encodings (MI300); "ocp" (default): the OCP ones */
  enum hw_src numerics_src;
  const char *numerics_why;
  struct hw_chip chip;
  struct hw_sm sm;
  struct hw_memory mem;
  struct ts_arena arena;        /* owns every string and the MMA table */
};

/*
** Load and validate a description: the schema (schema.rng, found in
** $TILESIM_HWDESC, then TILESIM_HWDESC_DIR, then ./hwdesc, then the file's
** own directory) and the semantic checks.  Every problem is reported to
** sink with file and line.  Returns 0 and *out, or -1 (*out = NULL).
*/
int hw_desc_load(const char *path, struct hw_desc **out, struct ts_diag_sink *sink);
void hw_desc_free(struct hw_desc *d);

/*
** The file of a description: NAME if it names a file (has a '/' or ends
** in .xml), else NAME.xml in the search directories, else the description
** there whose chip name or <alias> matches NAME ignoring case.  Returns a
** string to ts_free(), or NULL.
*/
char *hw_desc_find(const char *name);
/* hw_desc_find() and hw_desc_load(); reports a name that matches nothing. */
int hw_desc_open(const char *name, struct hw_desc **out, struct ts_diag_sink *sink);

/* What a run's arithmetic takes from a description: its <numerics>. */
struct hw_numerics {
  char profile[16];
  bool narrow_ieee, nan_propagate, fp8_fnuz;
};
void hw_numerics_of(const struct hw_desc *d, struct hw_numerics *out);
/* The default description, the one `tilesim run` and the API take when
** none is named, and its numerics: HW_DEFAULT's, or sm100 with satfinite
** narrowing, canonical NaNs and OCP fp8 when it cannot be read (an
** installation without its descriptions). */
#define HW_DEFAULT "b200"
void hw_default_numerics(struct hw_numerics *out);

/*
** Change one number (what-if): PATH as printed by `tilesim hw show`, e.g.
** memory.hbm.bandwidth, sm.sfu.ex2, chip.peak.bf16,
** sm.mma.bf16.m128n256k16.rate, sm.mma.bf16.m256n256k16.cta2.latency.tmem,
** or numerics.profile.  VALUE is a number with an optional unit of the
** field's dimension ("10TB/s", "1.5 GHz"); without one, the canonical unit.
** Returns 0, or -1 after a diagnostic.  The number's src becomes HW_SRC_SET.
*/
int hw_desc_set(struct hw_desc *d, const char *path, const char *value,
                struct ts_diag_sink *sink);
/* "PATH=VALUE" as given to --set. */
int hw_desc_set_arg(struct hw_desc *d, const char *arg, struct ts_diag_sink *sink);

/* The number at PATH, or NULL. */
const struct hw_num *hw_desc_get(const struct hw_desc *d, const char *path);

/* Call fn for every number present, with its path and canonical unit. */
void hw_desc_foreach(const struct hw_desc *d,
                     void (*fn)(void *ud, const char *path, const char *unit,
                                const struct hw_num *n),
                     void *ud);

/* How many numbers present are estimates (or --set what-ifs). */
unsigned hw_desc_count_src(const struct hw_desc *d, enum hw_src src);

/* The text of a source id, or NULL. */
const char *hw_desc_source(const struct hw_desc *d, const char *id);

/* The description as text (`tilesim hw show`).  Returns 0, or -1 when out of memory. */
int hw_desc_print(const struct hw_desc *d, struct ts_buf *b);

/* ---- for the mapper and the model ---- */

/* The MMA family for these operand type, shape and CTA group, or NULL. */
const struct hw_mma *hw_mma_find(const struct hw_desc *d, enum hw_dtype t,
                                 unsigned m, unsigned n, unsigned k, unsigned cta_group);
/* Cycles one M x n x K instruction occupies its matrix unit (its issue interval). */
double hw_mma_cycles(const struct hw_desc *d, const struct hw_mma *mma, unsigned n);
/* Cycles from issue to result with A from a_src (enum hw_opnd). */
double hw_mma_latency(const struct hw_desc *d, const struct hw_mma *mma, unsigned n,
                      unsigned a_src);
/* Seconds per SM cycle. */
double hw_cycle_seconds(const struct hw_desc *d);

const char *hw_src_name(enum hw_src s);
const char *hw_dtype_name(enum hw_dtype t);
int hw_dtype_parse(const char *s);       /* -1 if unknown */
int hw_opnd_index(unsigned bit);         /* HW_OPND_SMEM -> 0, ... */

#endif
