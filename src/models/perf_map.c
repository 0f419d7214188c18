/*
** perf_map.c -- the mapper: how a tile kernel becomes one chip's work, as
** a good tile compiler would emit it.  It looks at the entry once and
** decides, for every op, which unit runs it and for how long:
**   - MMA instruction selection: for each mmaf the instruction family and
**     shape that finishes the tile soonest (tcgen05 1-CTA or CTA pair when
**     the entry's num_cta_in_cga hint allows, wgmma, the MFMA encoding of
**     the highest rate), with its operand sources (SMEM, TMEM, registers);
**   - accumulator placement (TMEM columns or registers) and whether it fits;
**   - TMA or ordinary loads, and the software-pipeline depth that fits
**     shared memory; loads that feed an MMA are issued that many
**     iterations ahead;
**   - blocks resident per SM.
** Each decision is recorded as a struct perf_decision for --explain.
*/
#include <config.h>
#include "perf_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ---- */

/* Record a decision (what, then printf-style text). */
static void decide(struct perf_map *pm, const struct ir_op *op, const char *what,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void decide(struct perf_map *pm, const struct ir_op *op, const char *what,
                   const char *fmt, ...) {
  if (pm->ndec == pm->deccap) {
    unsigned cap = pm->deccap ? 2 * pm->deccap : 16;
    struct perf_decision *n = ts_realloc(pm->dec, cap * sizeof *n);
    if (!n) return;
    pm->dec = n;
    pm->deccap = cap;
  }
  struct perf_decision *d = &pm->dec[pm->ndec++];
  d->op = op;
  d->what = what;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(d->text, sizeof d->text, fmt, ap);
  va_end(ap);
}

double perf_map_use(struct perf_map *pm, const struct hw_num *n) {
  if (n->src != HW_SRC_ESTIMATE) return n->v;
  for (unsigned i = 0; i < pm->estimates; i++)
    if (pm->used[i] == n) return n->v;
  if (pm->estimates < sizeof pm->used / sizeof *pm->used) pm->used[pm->estimates++] = n;
  return n->v;
}

static double use(struct perf_map *pm, const struct hw_num *n) { return perf_map_use(pm, n); }

static const char *opname(const struct ir_op *op) { return ir_optab[op->code].name; }

static bool is_op(const struct ir_op *op, const char *name) { return !strcmp(opname(op), name); }

double perf_clock_mhz(const struct hw_desc *d) {
  return hw_has(&d->chip.clock_sustained) ? d->chip.clock_sustained.v : d->chip.clock_sm.v;
}

double perf_dtype_bytes(enum hw_dtype t) {
  switch (t) {
  case HW_DT_F16: case HW_DT_BF16: return 2;
  case HW_DT_TF32: case HW_DT_F32: case HW_DT_I32: return 4;
  case HW_DT_F64: return 8;
  case HW_DT_E3M2: case HW_DT_E2M3: case HW_DT_MXF6: return 0.75;
  case HW_DT_E2M1: case HW_DT_MXF4: case HW_DT_NVF4: return 0.5;
  default: return 1;
  }
}

/* The MMA input type of a tile element type, or HW_NDTYPES. */
static enum hw_dtype dtype_of(const struct ty *t) {
  const struct ty *e = ty_tile_elt(t);
  if (!e) return HW_NDTYPES;
  switch (e->elem) {
  case EL_F16: return HW_DT_F16;
  case EL_BF16: return HW_DT_BF16;
  case EL_TF32: case EL_F32: return HW_DT_TF32;
  case EL_F64: return HW_DT_F64;
  case EL_F8E4M3FN: return HW_DT_E4M3;
  case EL_F8E5M2: return HW_DT_E5M2;
  case EL_F4E2M1FN: return HW_DT_E2M1;
  case EL_I8: return HW_DT_I8;
  default: return HW_NDTYPES;
  }
}

/* ---- the op table: every op of the entry, hashed by address ---- */

static unsigned hash_ptr(const void *p, unsigned cap) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33; x *= UINT64_C(0xff51afd7ed558ccd); x ^= x >> 33;
  return (unsigned)(x & (cap - 1));
}

const struct perf_opplan *perf_map_get(const struct perf_map *pm, const struct ir_op *op) {
  for (unsigned h = hash_ptr(op, pm->hcap);; h = (h + 1) & (pm->hcap - 1)) {
    int i = pm->hash[h];
    if (i < 0) return NULL;
    if (pm->plan[i].op == op) return &pm->plan[i];
  }
}

static unsigned count_ops(const struct ir_block *b) {
  unsigned n = 0;
  for (const struct ir_op *op = b ? b->first : NULL; op; op = op->next) {
    n++;
    for (int r = 0; r < op->nregions; r++) n += count_ops(op->regions[r].block);
  }
  return n;
}

static void add_ops(struct perf_map *pm, const struct ir_block *b) {
  for (const struct ir_op *op = b ? b->first : NULL; op; op = op->next) {
    unsigned i = pm->nplan++;
    pm->plan[i].op = op;
    pm->plan[i].ring = -1;
    pm->plan[i].share = 1;
    unsigned h = hash_ptr(op, pm->hcap);
    while (pm->hash[h] >= 0) h = (h + 1) & (pm->hcap - 1);
    pm->hash[h] = (int)i;
    for (int r = 0; r < op->nregions; r++) add_ops(pm, op->regions[r].block);
  }
}

static int build_table(struct perf_map *pm, const struct ir_op *entry) {
  unsigned n = count_ops(entry->regions[0].block) + 1;
  pm->hcap = 16;
  while (pm->hcap < 2 * n) pm->hcap *= 2;
  pm->plan = ts_malloc(n * sizeof *pm->plan);
  pm->hash = ts_malloc(pm->hcap * sizeof *pm->hash);
  if (!pm->plan || !pm->hash) return -1;
  memset(pm->plan, 0, n * sizeof *pm->plan);
  for (unsigned i = 0; i < pm->hcap; i++) pm->hash[i] = -1;
  add_ops(pm, entry->regions[0].block);
  return 0;
}

static struct perf_opplan *plan_of(struct perf_map *pm, const struct ir_op *op) {
  return (struct perf_opplan *)perf_map_get(pm, op);
}

/* ---- following values ---- */

/* Layout ops pass a tile through unchanged in memory terms: an MMA operand
** that is a reshaped or permuted load is still that load (the instruction
** reads it through a transposed SMEM descriptor). */
static bool is_layout(const struct ir_op *op) {
  return is_op(op, "reshape") || is_op(op, "permute") || is_op(op, "bitcast") ||
         is_op(op, "assume");
}

/* The op that really produces v, looking through layout ops; NULL for a
** block argument. */
static const struct ir_op *producer(const struct ir_value *v) {
  const struct ir_op *d = v->def;
  while (d && is_layout(d) && d->nin > 0) d = d->in[0]->def;
  return d;
}

static bool is_load(const struct ir_op *op) {
  return op && (is_op(op, "load_view_tko") || is_op(op, "load_ptr_tko"));
}

/* The innermost for/loop around op, or NULL. */
static const struct ir_op *enclosing_loop(const struct ir_op *op) {
  for (const struct ir_block *b = op->parent; b && b->parent; b = b->parent->parent)
    if (is_op(b->parent, "for") || is_op(b->parent, "loop")) return b->parent;
  return NULL;
}

static int64_t tile_numel(const struct ty *t) {
  return t && t->kind == TY_TILE ? ty_numel(t) : 1;
}

static double tile_bytes(const struct ty *t) {
  const struct ty *e = ty_tile_elt(t);
  if (!e) return 0;
  return (double)ty_numel(t) * ty_elem_bits(e->elem) / 8.0;
}

/* The dims of an MMA's tiles: A is [B x] M x K, B is [B x] K x N. */
static void mma_dims(const struct ir_op *op, unsigned *M, unsigned *N, unsigned *K, unsigned *batch) {
  const struct ty *a = op->in[0]->type, *b = op->in[1]->type;
  int ra = a->rank, rb = b->rank;
  *M = (unsigned)a->shape[ra - 2];
  *K = (unsigned)a->shape[ra - 1];
  *N = (unsigned)b->shape[rb - 1];
  *batch = ra == 3 ? (unsigned)a->shape[0] : 1;
}

/* ---- hints ---- */

/* The integer value of hint key for this chip's architecture (sm_100 for
** sm100, ...), else of the `default` entry; -1 when absent. */
static long hint(const struct hw_desc *d, const struct ir_op *entry, const char *key) {
  const struct ir_hints *h = entry->attr.hints;
  char arch[32];
  const char *a = d->arch;
  if (!strncmp(a, "sm", 2)) snprintf(arch, sizeof arch, "sm_%s", a + 2);
  else snprintf(arch, sizeof arch, "%s", a);
  long v = -1;
  for (int i = 0; h && i < h->n; i++) {
    bool mine = !strcmp(h->a[i].arch, arch) || !strcmp(h->a[i].arch, d->arch);
    if (!mine && strcmp(h->a[i].arch, "default")) continue;
    for (int j = 0; j < h->a[i].n; j++)
      if (!strcmp(h->a[i].e[j].key, key) && (mine || v < 0)) v = strtol(h->a[i].e[j].val, NULL, 10);
  }
  return v;
}

/* ---- MMA instruction selection ---- */

double perf_mma_issue_cycles(const struct hw_desc *d, const struct hw_mma *f, unsigned m,
                             unsigned n, unsigned k, unsigned a_src, unsigned b_src,
                             double *smem) {
  double eb = perf_dtype_bytes(f->dtype);
  double pair = f->cta_group;
  double bytes = 0;
  if (a_src == HW_OPND_SMEM) bytes += m / pair * k * eb;
  if (b_src == HW_OPND_SMEM) bytes += n / pair * k * eb;
  double s = bytes / d->sm.smem.bandwidth.v;
  double c = 2.0 * m * n * k * (hw_has(&d->sm.mma_issuers) ? d->sm.mma_issuers.v : 1) /
             (f->rate.v * f->cta_group);
  if (smem) *smem = s;
  return c > s ? c : s;
}

/* One candidate instruction for an mmaf: family, shape, and the cycles
** the whole tile keeps one SM's matrix unit busy; useful is the fraction
** of the instructions' work that is the tile's (1 unless padded). */
struct pick {
  const struct hw_mma *f;
  unsigned m, n, count;
  unsigned a_src, b_src;
  double ii, smem_ii, cycles, smem, useful;
};

/* The operand sources family f would use: A from SMEM when it is a load,
** else where a computed A can live without a copy (TMEM, registers). */
static void sources(const struct hw_mma *f, bool a_loaded, unsigned *a, unsigned *b) {
  if (a_loaded) *a = f->a_src & HW_OPND_SMEM ? HW_OPND_SMEM : f->a_src & HW_OPND_REG ? HW_OPND_REG : HW_OPND_TMEM;
  else *a = f->a_src & HW_OPND_TMEM ? HW_OPND_TMEM : f->a_src & HW_OPND_REG ? HW_OPND_REG : HW_OPND_SMEM;
  *b = f->b_src & HW_OPND_SMEM ? HW_OPND_SMEM : HW_OPND_REG;
}

/* The largest valid N of family f not above want (0 if none). */
static unsigned fit_n(const struct hw_mma *f, unsigned want) {
  if (want < f->n_min) return 0;
  unsigned n = want > f->n_max ? f->n_max : want;
  n -= (n - f->n_min) % f->n_step;
  return n;
}

/*
** Evaluate family f for an M x N x K tile per block (cta_group as f's).
** With pad, a tile smaller than the instruction in M or N is padded to
** it (zero rows and columns: the instruction's work beyond the tile is
** wasted), as a compiler does when nothing smaller exists.
*/
static bool consider(const struct hw_desc *d, const struct hw_mma *f, unsigned M, unsigned N,
                     unsigned K, bool a_loaded, bool pad, struct pick *p) {
  /* with CTA pairs a tile block runs on the pair: its tile is the pair's */
  unsigned mcta = f->m;
  if (mcta > M && !pad) return false;
  unsigned n = fit_n(f, N);
  if (!n && pad) n = f->n_min;
  if (!n) return false;
  struct pick c = { f, f->m, n, 0, 0, 0, 0, 0, 0, 0, 1 };
  sources(f, a_loaded, &c.a_src, &c.b_src);
  c.ii = perf_mma_issue_cycles(d, f, f->m, n, f->k, c.a_src, c.b_src, &c.smem_ii);
  unsigned cm = (M + mcta - 1) / mcta, cn = (N + n - 1) / n, ck = (K + f->k - 1) / f->k;
  c.count = cm * cn * ck;
  c.useful = (double)M * N * K / ((double)c.count * f->m * n * f->k);
  double issuers = hw_has(&d->sm.mma_issuers) ? d->sm.mma_issuers.v : 1;
  c.cycles = c.count * c.ii / issuers;
  c.smem = c.count * c.smem_ii / issuers;
  if (f->kind == HW_MMA_MFMA || f->kind == HW_MMA_MMA) {
    /* register operands (MFMA, warp-level mma.sync) are loaded from
    ** shared memory: with the warps of a block arranged 2 x 2 over the
    ** output tile, A and B tiles are each read twice */
    double eb = perf_dtype_bytes(f->dtype);
    c.smem = 2.0 * ((double)M * K + (double)K * N) * eb / d->sm.smem.bandwidth.v;
  }
  /* fewest cycles; on a tie, fewer and larger instructions */
  if (p->f && (p->cycles < c.cycles || (p->cycles == c.cycles && p->count <= c.count))) return false;
  *p = c;
  return true;
}

/* The best instruction for an M x N x K tile of type t with CTA group cg;
** padded only when no instruction fits (p.useful < 1 then). */
static struct pick select_mma(const struct hw_desc *d, enum hw_dtype t, unsigned M, unsigned N,
                              unsigned K, unsigned cg, bool a_loaded) {
  struct pick p = {0};
  if (t >= HW_NDTYPES) return p;
  for (int pad = 0; pad < 2 && !p.f; pad++)
    for (unsigned i = 0; i < d->sm.nmma; i++) {
      const struct hw_mma *f = &d->sm.mma[i];
      if ((f->dtypes >> t & 1) && f->cta_group == cg) consider(d, f, M, N, K, a_loaded, pad, &p);
    }
  return p;
}

/* The block-scaled MMA type of an mmaf_scaled: fp8 with e8m0 scales is
** MXFP8, fp4 is NVFP4 with e4m3 scales and MXFP4 with e8m0 ones. */
static enum hw_dtype scaled_type(const struct ir_op *op) {
  enum hw_dtype t = dtype_of(op->in[0]->type);
  const struct ty *se = op->nin > 3 ? ty_tile_elt(op->in[3]->type) : NULL;
  bool e4m3_scales = se && se->elem == EL_F8E4M3FN;
  switch (t) {
  case HW_DT_E4M3: case HW_DT_E5M2: return HW_DT_MXF8;
  case HW_DT_E3M2: case HW_DT_E2M3: return HW_DT_MXF6;
  case HW_DT_E2M1: return e4m3_scales ? HW_DT_NVF4 : HW_DT_MXF4;
  default: return t;
  }
}

/*
** The instruction for op's tile with CTA group cg.  An mmaf_scaled uses
** the chip's block-scaled MMA when one fits the tile unpadded; else its
** operands are dequantized to bf16 (each element converted and multiplied
** by its block's scale on the FP32 lanes: *dequant is 1, or 2 when a
** block-scaled MMA exists but only padded) and the plain bf16 MMA is
** used, unless only the block-scaled one avoids padding.
*/
static struct pick choose_mma(const struct hw_desc *d, const struct ir_op *op, unsigned cg,
                              int *dequant) {
  unsigned M, N, K, B;
  mma_dims(op, &M, &N, &K, &B);
  bool a_loaded = is_load(producer(op->in[0]));
  *dequant = 0;
  if (!is_op(op, "mmaf_scaled")) return select_mma(d, dtype_of(op->in[0]->type), M, N, K, cg, a_loaded);
  struct pick nat = select_mma(d, scaled_type(op), M, N, K, cg, a_loaded);
  if (nat.f && nat.useful >= 1) return nat;
  struct pick deq = select_mma(d, HW_DT_BF16, M, N, K, cg, false);
  if (!deq.f || (nat.f && deq.useful < 1)) return nat;
  *dequant = nat.f ? 2 : 1;
  return deq;
}

/* ---- the mapper's passes ---- */

struct mapctx {
  const struct hw_desc *d;
  const struct ir_op *entry;
  struct perf_map *pm;
  double ring_bytes;      /* bytes per iteration of the pipelined loads */
  double fixed_bytes;     /* SMEM held all along (loads outside loops that feed MMAs) */
  double tmem_cols;       /* accumulator columns */
  double acc_regs;        /* accumulator bytes in registers */
  double reg_opnds;       /* computed MMA operands kept in registers */
  bool has_mma, tma;
};

/* Whether the hint and the chip allow CTA pairs for every mmaf. */
static unsigned choose_cta_group(struct mapctx *c) {
  long cga = hint(c->d, c->entry, "num_cta_in_cga");
  if (cga < 2) return 1;
  for (unsigned i = 0; i < c->pm->nplan; i++) {
    const struct ir_op *op = c->pm->plan[i].op;
    if (!is_op(op, "mmaf") && !is_op(op, "mmai") && !is_op(op, "mmaf_scaled")) continue;
    int dq;
    struct pick p = choose_mma(c->d, op, 2, &dq);
    if (!p.f || p.useful < 1) return 1;
  }
  return 2;
}

/*
** Whether the K x N operand v of an MMA, loaded through a partition view
** and reshaped (never permuted) on its way, has its contiguous dimension
** along N ("MN-major"): the tensor view's stride-1 dimension is the last
** of the tile's dimensions longer than 1.  false when unsure.
*/
static bool mn_major(const struct ir_value *v) {
  const struct ir_op *d = v->def;
  while (d && is_layout(d) && d->nin > 0) {
    if (is_op(d, "permute")) return false;
    d = d->in[0]->def;
  }
  if (!d || !is_op(d, "load_view_tko")) return false;
  const struct ty *pv = d->in[0]->type;
  if (!pv || pv->kind != TY_PARTITION_VIEW || !pv->tv || pv->dim_map || !pv->tv->strides) return false;
  int one = -1, last = -1;
  for (int i = 0; i < pv->tv->rank; i++) if (pv->tv->strides[i] == 1) one = i;
  for (int i = 0; i < pv->rank; i++) if (pv->shape[i] > 1) last = i;
  return one >= 0 && one == last;
}

/*
** 8-bit wgmma (Hopper) takes both operands K-major only, and its A
** fragment in registers is not laid out as the f32 accumulator that made
** it: FlashAttention-3's fp8 path transposes V in shared memory with
** LDSM/STSM (its producer warps read and write the tile once more) and
** byte-permutes P in registers (one integer op per element).  Charge the
** transpose to op's B load and the permute to the op that made A.
*/
static void plan_fp8_layouts(struct mapctx *c, const struct ir_op *op, const struct pick *p,
                             unsigned M, unsigned K, unsigned N, unsigned B, bool a_loaded) {
  const struct hw_desc *d = c->d;
  if (p->f->kind != HW_MMA_WGMMA || perf_dtype_bytes(p->f->dtype) != 1) return;
  if (p->b_src == HW_OPND_SMEM && mn_major(op->in[1])) {
    struct perf_opplan *lp = plan_of(c->pm, producer(op->in[1]));
    double bytes = (double)K * N * B;
    lp->xpose_cyc = 2 * bytes / use(c->pm, &d->sm.smem.bandwidth);
    decide(c->pm, op, "mma.layout", "B (%ux%u, 8-bit) is MN-major: transposed in shared memory after "
           "its load, %.0f cycles", K, N, lp->xpose_cyc);
  }
  const struct ir_op *pa = producer(op->in[0]);
  if (!a_loaded && p->a_src == HW_OPND_REG && pa) {
    struct perf_opplan *ap = plan_of(c->pm, pa);
    if (ap->cls == PC_ELEM) {
      double cyc = (double)M * K * B / use(c->pm, &d->sm.alu.lanes);
      ap->fp32_cyc += cyc;
      decide(c->pm, op, "mma.layout", "A (%ux%u, 8-bit) from registers: byte-permuted into the "
             "operand layout, %.0f cycles", M, K, cyc);
    }
  }
}

/*
** Register-file ports (NVIDIA, accumulators in registers).  An MMA with
** its accumulator in registers reads and writes it once per instruction
** (D = A B + D): 8 m n bytes (f32) per instruction, i.e. half of the
** register file's operand bandwidth on Hopper whatever the shape and type
** (m64nNk16 f16 and m64nNk32 fp8 both move 1 KiB per clock against
** the 2 KiB a clock the FP32 lanes need at full rate, three 4-byte
** reads and one write per lane).  The register file is taken to supply
** exactly what the FP32 lanes need at full rate, so the FP32 work of the
** warps that hold the accumulators (the softmax) and the MMAs share the
** ports: the model books rf_cyc of the MMA and the FP32 cycles of every
** elementwise op on one more unit of the SM (perf_model.c).  Alone,
** neither is limited by it; together they take at least half the MMA
** cycles plus the FP32 cycles.  AMD's MFMA accumulators are not modelled
** this way (no figures here).
*/
static void plan_rf(struct mapctx *c, const struct ir_op *op, struct perf_opplan *pl,
                    const struct pick *p, unsigned B) {
  struct perf_map *pm = c->pm;
  const struct hw_desc *d = c->d;
  if (d->vendor != HW_VENDOR_NVIDIA || !hw_has(&d->sm.fp32.lanes)) return;
  double port = 16 * use(pm, &d->sm.fp32.lanes);             /* B/clk */
  double bytes = 8.0 * p->m * p->n * p->count * B;              /* f32 read + write */
  pl->rf_cyc = bytes / port;
  pm->rf_acc = true;
  decide(pm, op, "registers.ports", "accumulator reads and writes %.0f B/clk of the register "
         "file's %.0f (the FP32 lanes' operand bandwidth), shared with the elementwise work",
         bytes / (pl->mma_cyc > 0 ? pl->mma_cyc : 1), port);
}

/* Plan one mmaf: its instruction, operands and accumulator. */
static int plan_mma(struct mapctx *c, const struct ir_op *op, struct perf_opplan *pl,
                    struct ts_diag_sink *sink) {
  const struct hw_desc *d = c->d;
  struct perf_map *pm = c->pm;
  unsigned M, N, K, B;
  mma_dims(op, &M, &N, &K, &B);
  enum hw_dtype t = dtype_of(op->in[0]->type);
  int dequant;
  struct pick p = choose_mma(d, op, pm->cta_group, &dequant);
  bool a_loaded = !dequant && is_load(producer(op->in[0]));
  if (!p.f) {
    ts_diag_emit(sink, TS_ERROR, op->loc, "%s has no MMA instruction for a %ux%ux%u %s tile",
                 d->name, M, N, K, t < HW_NDTYPES ? hw_dtype_name(t) : "?");
    return -1;
  }
  if (pm->dtype == HW_NDTYPES) pm->dtype = t;
  pl->cls = PC_MMA;
  pl->flops = 2.0 * M * N * K * B;
  pl->mma_cyc = p.cycles * B;
  pl->smem_cyc = p.smem * B;
  if (dequant) {
    /* one conversion and one multiply by the block's scale per element */
    double el = ((double)M * K + (double)K * N) * B;
    pl->fp32_cyc = 2 * el / use(pm, &d->sm.fp32.lanes) / pm->cta_group;
    decide(pm, op, "mma.scale", "%s %ux%ux%u %s tile on %s: A and B dequantized to bf16 on the "
           "FP32 lanes (%.0f cycles), then a bf16 MMA",
           dequant == 2 ? "the block-scaled MMA would have to pad the" : "no block-scaled MMA for a",
           M, N, K, hw_dtype_name(scaled_type(op)), d->name, pl->fp32_cyc);
  } else if (is_op(op, "mmaf_scaled")) {
    decide(pm, op, "mma.scale", "block-scaled %s MMA: the scales are applied by the instruction",
           hw_dtype_name(scaled_type(op)));
  }
  if (p.useful < 1)
    decide(pm, op, "mma.pad", "the %ux%ux%u tile is smaller than the smallest instruction: padded to "
           "m%un%uk%u, %.0f%% of the matrix unit's work wasted", M, N, K, p.m, p.n, p.f->k,
           100 * (1 - p.useful));
  pl->lat = use(pm, p.a_src == HW_OPND_TMEM && hw_has(&p.f->latency_a[1]) ? &p.f->latency_a[1]
                                                                          : &p.f->latency);
  use(pm, &p.f->rate);
  /* with one MMA issuer per SM and register accumulators (Hopper's
  ** wgmma), each 64-row slice of the tile is its own warpgroup's stream of
  ** instructions; the tensor cores interleave those streams, so the
  ** tile's MMA may run in pieces around other MMAs of the block */
  double issuers = hw_has(&d->sm.mma_issuers) ? d->sm.mma_issuers.v : 1;
  pl->split = issuers == 1 && !(p.f->d_src & HW_OPND_TMEM) && M / pm->cta_group >= 2 * p.m;
  pl->inorder = p.f->d_src & HW_OPND_TMEM;
  static const char *const src[] = { "", "SMEM", "TMEM", "", "registers" };
  decide(pm, op, "mma.inst", "%s m%un%uk%u %s x%u: A from %s, B from %s; %.1f cycles each (%s-bound)",
         p.f->inst[0] ? p.f->inst : "mma", p.m, p.n, p.f->k,
         hw_dtype_name(dequant ? HW_DT_BF16 : is_op(op, "mmaf_scaled") ? scaled_type(op) : t), p.count * B,
         src[p.a_src], src[p.b_src], p.ii, p.smem_ii >= p.ii ? "SMEM" : "rate");
  /* accumulator placement */
  double accb = (double)M * N * 4;
  if (p.f->d_src & HW_OPND_TMEM) {
    double cols = N * ceil(M / pm->cta_group / 128.0), mincol = hw_has(&d->sm.tmem.alloc_min) ? d->sm.tmem.alloc_min.v : 32;
    double al = mincol;
    while (al < cols) al *= 2;
    c->tmem_cols += al;
    decide(pm, op, "mma.acc", "accumulator %ux%u f32 in TMEM: %.0f columns", M, N, al);
  } else {
    c->acc_regs += accb;
    decide(pm, op, "mma.acc", "accumulator %ux%u in registers: %.0f KiB", M, N, accb / 1024);
    plan_rf(c, op, pl, &p, B);
  }
  plan_fp8_layouts(c, op, &p, M, K, N, B, a_loaded);
  /* an A the block computed and keeps in registers (P in attention) holds
  ** registers beside the accumulators */
  if (p.a_src == HW_OPND_REG && !a_loaded) c->reg_opnds += (double)M * K * perf_dtype_bytes(t);
  return 0;
}

/* Elementwise costs: per element, lanes of FP32 work and SFU work. */
static void plan_elem(struct mapctx *c, const struct ir_op *op, struct perf_opplan *pl) {
  const struct hw_desc *d = c->d;
  const struct ty *t = op->nout ? op->out[0].type : NULL;
  if (is_op(op, "reduce") || is_op(op, "scan")) t = op->in[0]->type;
  int64_t n = tile_numel(t);
  if (!t || t->kind != TY_TILE || n <= 1) { pl->cls = PC_FREE; return; }
  const struct ty *e = ty_tile_elt(t);
  bool flt = e && (e->kind == TY_FLOAT);
  double lanes = flt ? d->sm.fp32.lanes.v : d->sm.alu.lanes.v;
  double sfu = 0, ops = 1;
  const char *nm = opname(op);
  static const char *const ex2[] = { "exp", "exp2", "pow", NULL };
  static const char *const mufu[] = { "log", "log2", "rsqrt", "sqrt", "tanh", "sin", "cos", "tan",
                                      "sinh", "cosh", "atan2", "divf", NULL };
  for (int i = 0; ex2[i]; i++) if (!strcmp(nm, ex2[i])) sfu = n / use(c->pm, &d->sm.sfu.ex2);
  for (int i = 0; mufu[i]; i++) if (!strcmp(nm, mufu[i])) sfu = n / use(c->pm, &d->sm.sfu.mufu);
  /* f32 to a 16- or 8-bit float: the conversion instructions pack two
  ** results per lane (cvt.rn.bf16x2.f32 / F2FP on NVIDIA, v_cvt_pk_* on
  ** CDNA), so a lane converts two elements per operation */
  if (is_op(op, "ftof") && e && ty_elem_bits(e->elem) <= 16) {
    const struct ty *ie = ty_tile_elt(op->in[0]->type);
    if (ie && ie->elem == EL_F32) ops = 0.5;
  }
  pl->cls = PC_ELEM;
  pl->fp32_cyc = n * ops / lanes / c->pm->cta_group;
  pl->sfu_cyc = sfu / c->pm->cta_group;
  pl->eflops = flt ? (double)n * (is_op(op, "fma") ? 2 : 1) : 0;
  pl->lat = sfu > 0 && hw_has(&d->sm.sfu.latency) ? d->sm.sfu.latency.v
          : hw_has(&d->sm.fp32.latency) ? d->sm.fp32.latency.v : 4;
}

/* Classify every op; MMAs first so loads know what they feed. */
static int classify(struct mapctx *c, struct ts_diag_sink *sink) {
  struct perf_map *pm = c->pm;
  static const char *const free_ops[] = {
    "reshape", "permute", "broadcast", "bitcast", "assume", "constant", "iota", "make_tensor_view",
    "make_partition_view", "make_strided_view", "make_gather_scatter_view", "make_token",
    "join_tokens", "get_tile_block_id", "get_num_tile_blocks", "get_index_space_shape",
    "get_tensor_shape", "get_global", "global", "for", "loop", "if", "yield", "continue", "break",
    "return", "extract", "cat", "offset", "int_to_ptr", "ptr_to_int", "ptr_to_ptr", "print_tko",
    "assert", "memory_fence_alias_tko", "gdc_wait_tko", "gdc_launch_dependents_tko", NULL,
  };
  for (unsigned i = 0; i < pm->nplan; i++) {
    struct perf_opplan *pl = &pm->plan[i];
    const struct ir_op *op = pl->op;
    bool fr = false;
    for (int k = 0; free_ops[k]; k++) if (is_op(op, free_ops[k])) fr = true;
    if (fr) pl->cls = PC_FREE;
    else if (is_op(op, "mmaf") || is_op(op, "mmai") || is_op(op, "mmaf_scaled")) {
      c->has_mma = true;
      if (plan_mma(c, op, pl, sink)) return -1;
    } else if (is_load(op)) pl->cls = PC_LOAD;
    else if (!strncmp(opname(op), "store_", 6) || !strncmp(opname(op), "atomic_", 7)) pl->cls = PC_STORE;
    else plan_elem(c, op, pl);
  }
  return 0;
}

/* Loads feeding an MMA in a loop get a buffer ring; B of a CTA pair is
** shared (each CTA loads half, multicast to both). */
static void plan_loads(struct mapctx *c) {
  struct perf_map *pm = c->pm;
  for (unsigned i = 0; i < pm->nplan; i++) {
    struct perf_opplan *pl = &pm->plan[i];
    if (pl->cls != PC_MMA) continue;
    for (int k = 0; k < 2; k++) {
      const struct ir_op *ld = producer(pl->op->in[k]);
      if (!is_load(ld)) continue;
      struct perf_opplan *lp = plan_of(pm, ld);
      if (lp->ring >= 0 || lp->stages) continue;
      double bytes = tile_bytes(ld->out[0].type) * lp->share;
      if (enclosing_loop(ld)) {
        lp->ring = (int)pm->nrings++;
        c->ring_bytes += bytes;
      } else {
        lp->stages = 1;   /* held in SMEM for the whole block */
        c->fixed_bytes += bytes;
      }
    }
  }
  /* the other loads in loops (streaming) get a ring too */
  for (unsigned i = 0; i < pm->nplan; i++) {
    struct perf_opplan *pl = &pm->plan[i];
    if (pl->cls == PC_LOAD && pl->ring < 0 && !pl->stages && enclosing_loop(pl->op)) {
      pl->ring = (int)pm->nrings++;
      c->ring_bytes += tile_bytes(pl->op->out[0].type);
    }
  }
}

/* Pipeline depth and residency from SMEM, TMEM, registers and hints. */
static void plan_residency(struct mapctx *c) {
  const struct hw_desc *d = c->d;
  struct perf_map *pm = c->pm;
  long occ = hint(d, c->entry, "occupancy");
  unsigned want = occ > 0 ? (unsigned)occ : 1;
  double per_block = d->sm.smem.per_block.v, smem = d->sm.smem.size.v;
  /* a CTA pair holds half of each tile in each SM's shared memory */
  c->fixed_bytes /= pm->cta_group;
  c->ring_bytes /= pm->cta_group;
  double avail = fmin(per_block, smem / want) - c->fixed_bytes;
  /* A ring deeper than this only adds latency tolerance nobody needs:
  ** 8 stages cover the loaded HBM latency of the largest tiles at full
  ** rate (see doc/model.md). */
  unsigned cap = PERF_MAX_STAGES, stages = 1;
  if (c->ring_bytes > 0) {
    double s = floor(avail / c->ring_bytes);
    stages = s < 1 ? 1 : s > cap ? cap : (unsigned)s;
    if (s < 1)
      decide(pm, NULL, "pipeline.stages", "one stage of %.0f KiB does not fit in %.0f KiB of shared memory; "
             "the kernel would spill", c->ring_bytes / 1024, avail / 1024);
    else
      decide(pm, NULL, "pipeline.stages", "%u stages of %.0f KiB (loads issued %u iterations ahead; "
             "%.0f KiB of shared memory per block)", stages, c->ring_bytes / 1024, stages - 1,
             per_block / 1024);
  }
  for (unsigned i = 0; i < pm->nplan; i++)
    if (pm->plan[i].ring >= 0) pm->plan[i].stages = stages;
  pm->stages = stages;
  double used = c->fixed_bytes + stages * c->ring_bytes;
  unsigned bps = (unsigned)d->sm.residency.blocks.v;
  if (used > 0 && smem / used < bps) bps = (unsigned)(smem / used);
  if (c->tmem_cols > 0 && hw_has(&d->sm.tmem.columns)) {
    unsigned t = (unsigned)(d->sm.tmem.columns.v / c->tmem_cols);
    if (t < bps) bps = t;
    if (c->tmem_cols > d->sm.tmem.columns.v)
      decide(pm, NULL, "mma.acc", "accumulators need %.0f TMEM columns of %.0f: they do not fit",
             c->tmem_cols, d->sm.tmem.columns.v);
  }
  if (c->acc_regs > 0) {
    unsigned r = (unsigned)(d->sm.regs.size.v / c->acc_regs);
    if (r < bps) bps = r;
    /* Register pressure: the accumulators and register operands of one
    ** block must fit the register file, or the kernel spills; this is
    ** what makes FlashAttention-3 narrow its key blocks at head dim 256
    ** (O 128 KiB + S + P) and AMD kernels keep tiles within 512 KiB. */
    double need = c->acc_regs + c->reg_opnds, have = d->sm.regs.size.v;
    decide(pm, NULL, "registers", "accumulators and register operands take %.0f of %.0f KiB of "
           "registers per block%s", need / 1024, have / 1024,
           need > have ? ": they do not fit, the kernel would spill" : "");
  }
  if (c->has_mma && bps > want) bps = want;   /* one deep-pipelined block, as tuned kernels run */
  if (bps < 1) bps = 1;
  pm->bps = bps;
  decide(pm, NULL, "residency", "%u block%s per SM%s", bps, bps == 1 ? "" : "s",
         occ > 0 ? " (occupancy hint)" : c->has_mma ? " (one block with the deepest pipeline)" : "");
}

static void plan_loadpath(struct mapctx *c) {
  const struct hw_desc *d = c->d;
  c->tma = hw_has(&d->mem.tma.engines) && d->vendor == HW_VENDOR_NVIDIA;
  unsigned n = 0;
  for (unsigned i = 0; i < c->pm->nplan; i++) n += c->pm->plan[i].cls == PC_LOAD;
  if (n)
    decide(c->pm, NULL, "loads", "%u load op%s through %s", n, n == 1 ? "" : "s",
           c->tma ? "TMA (partition views are boxes)" :
           d->vendor == HW_VENDOR_AMD ? "buffer loads direct to LDS" : "ordinary loads (LDGSTS)");
}

int perf_map_build(const struct hw_desc *d, const struct ir_module *m,
                   const struct ir_op *entry, struct perf_map *pm,
                   struct ts_diag_sink *sink) {
  (void)m;
  memset(pm, 0, sizeof *pm);
  pm->dtype = HW_NDTYPES;
  pm->clock_mhz = perf_clock_mhz(d);
  if (build_table(pm, entry)) {
    ts_diag_emit(sink, TS_ERROR, entry->loc, "out of memory");
    return -1;
  }
  struct mapctx c = { d, entry, pm, 0, 0, 0, 0, 0, false, false };
  pm->cta_group = choose_cta_group(&c);
  if (pm->cta_group == 2)
    decide(pm, NULL, "mma.cta_group", "CTA pairs (num_cta_in_cga hint): a tile block runs on two SMs, "
           "each holding half of its rows and half of B");
  if (classify(&c, sink)) return -1;
  plan_loads(&c);
  plan_loadpath(&c);
  plan_residency(&c);
  if (hw_has(&d->chip.clock_sustained))
    decide(pm, NULL, "clock", "SM clock %.0f MHz sustained under load (%.0f MHz peak clock)",
           pm->clock_mhz, d->chip.clock_sm.v);
  use(pm, hw_has(&d->chip.clock_sustained) ? &d->chip.clock_sustained : &d->chip.clock_sm);
  use(pm, &d->chip.launch_block);
  use(pm, &d->sm.smem.bandwidth);
  if (pm->dtype < HW_NDTYPES && hw_has(&d->chip.peak[pm->dtype]))
    pm->peak_flops_clk = d->chip.peak[pm->dtype].v * 1e12 / (d->chip.sms.v * d->chip.clock_sm.v * 1e6);
  return 0;
}

void perf_map_free(struct perf_map *pm) {
  ts_free(pm->plan);
  ts_free(pm->hash);
  ts_free(pm->dec);
  memset(pm, 0, sizeof *pm);
}
