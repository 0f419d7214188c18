/*
** sim.h -- what other layers see of the interpreter: global memory,
** launching a kernel over a grid, and the result of a run.
*/
#ifndef TILESIM_SIM_H
#define TILESIM_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir.h"

/* ---- global memory (mem_global.c) ----
** Kernel addresses are synthetic: allocation k lives at MEM_BASE(k), so an
** access that strays out of one allocation lands in a gap and is caught. */
#define MEM_SPACING (UINT64_C(1) << 36)
#define MEM_BASE(k) (MEM_SPACING * (uint64_t)((k) + 1))

struct mem_alloc {
  uint64_t base;
  size_t size;                 /* bytes */
  unsigned char *host;         /* the bytes; NULL for mem_reserve */
  const char *name;            /* parameter name or "@global" (a copy), for messages */
  enum ty_elem elem;           /* element type it was made for */
  bool readonly;
  const void *owner;           /* the tile block of a scratch allocation, else NULL */
};

struct sim_mem {
  struct mem_alloc *a;
  int n, cap;
  int *spare, nspare, capspare;  /* released scratch allocations, to reuse */
};

void mem_init(struct sim_mem *m);
void mem_free(struct sim_mem *m);
/* A new zeroed allocation of size bytes; NULL when out of memory. */
struct mem_alloc *mem_alloc(struct sim_mem *m, size_t size, const char *name,
                            enum ty_elem elem);
/* The same with the given bytes (ts_malloc'd; the allocation owns them). */
struct mem_alloc *mem_adopt(struct sim_mem *m, void *bytes, size_t size, const char *name,
                            enum ty_elem elem);
/* An allocation of size bytes without data (host NULL): the arrays of
** `tilesim perf` given as shapes only.  Trace runs see its addresses and
** read zeros from it where they must read; every other load or store of
** it is an error. */
struct mem_alloc *mem_reserve(struct sim_mem *m, size_t size, const char *name,
                              enum ty_elem elem);
/* Scratch memory (alloca) for the tile block owner: size zeroed bytes,
** in an allocation a finished block released when there is one (the last
** released first, so the addresses follow the schedule, not the host);
** NULL when out of memory.  mem_release_owner(m, owner) releases every
** allocation of owner: its size becomes 0, so a later access through a
** stale pointer is reported, and its bytes wait for the next scratch. */
struct mem_alloc *mem_scratch(struct sim_mem *m, size_t size, const char *name,
                              enum ty_elem elem, const void *owner);
void mem_release_owner(struct sim_mem *m, const void *owner);
/* The allocation holding [addr, addr+n), or NULL. */
const struct mem_alloc *mem_find(const struct sim_mem *m, uint64_t addr, size_t n);
/* The allocation whose gap or range addr is nearest to (for messages). */
const struct mem_alloc *mem_nearest(const struct sim_mem *m, uint64_t addr);

/* "[i,j,...]": the coordinates of element i (row-major) of a shape, for
** messages. */
void sim_coords(const int64_t *shape, int rank, int64_t i, char *buf, size_t n);

/* ---- a kernel argument, as the launcher takes it ---- */
struct sim_value {
  const struct ty *type;       /* rank-0 tile type of the entry parameter */
  uint64_t bits;               /* scalar bits, or the address of a pointer */
};

/* ---- running ---- */

enum sim_numerics { NUM_FMA, NUM_EXACT };
struct mma_profile;

/* The default iteration budget of a tile block: 2^26, some seconds of the
** simplest loop; real kernels run thousands of iterations per block. */
#define SIM_MAX_ITERATIONS (UINT64_C(1) << 26)

struct sim_opts {
  int threads;                 /* 0 = OpenMP's default */
  enum sim_numerics numerics;
  /* A matrix-unit profile (sim_mma_model.h: sm80, sm90, sm100, ...) for
  ** mmaf, or NULL for the numerics model above. */
  const struct mma_profile *profile;
  /* ftof into fp8, fp4 and e8m0 overflows as IEEE 754 (inf, or NaN where
  ** the type has none) instead of saturating (NVIDIA's satfinite) */
  bool narrow_ieee;
  /* a NaN result of an elementwise op or ftof on a NaN operand is that
  ** operand, quieted (IEEE 754's recommendation), not the canonical NaN */
  bool nan_propagate;
  /* f8E4M3FN and f8E5M2 hold AMD's FNUZ encodings (ftof, mmaf inputs) */
  bool fp8_fnuz;
  bool check_assumes;
  /* Iterations of for and loop bodies one tile block may run before the
  ** run stops as a hang; 0 = SIM_MAX_ITERATIONS, UINT64_MAX = no limit. */
  uint64_t max_iterations;
  /* Where print_tko's text goes (NULL: dropped); called in grid order. */
  void (*print)(void *ud, const char *text);
  void *print_ud;
};

/* o's numerics for mmaf by name: "fma", "exact", or a matrix-unit profile
** or GPU name (sm90, H100, ...; sim_mma_model.h); -1 for any other name. */
int sim_set_numerics(struct sim_opts *o, const char *name);

/* The first runtime error of a launch, if any. */
struct sim_error {
  bool set;
  struct ts_loc loc;
  uint32_t block[3];
  char msg[512];
};

/* Run entry over grid (x, y, z) with args (one per parameter).  Returns 0,
** or -1 with the error in err (library code never prints). */
int sim_launch(const struct ir_module *m, const struct ir_op *entry,
               const uint32_t grid[3], const struct sim_value *args, int nargs,
               struct sim_mem *mem, const struct sim_opts *o, struct sim_error *err);

/* The entry named name, or the only one when name is NULL. */
const struct ir_op *sim_find_entry(const struct ir_module *m, const char *name);

#endif
