/*
** sim_int.h -- what the interpreter's files share: the per-block execution
** context, value storage, runtime errors and the exec handlers.
**
** Storage: every SSA value has one buffer per thread, sized by its type
** (types are static), made on first use and reused by every later
** definition of that value (loop iterations, later blocks).  Element
** layout in a tile buffer, row-major:
**   i1 i4 i8 -> 1 byte (i1 is 0 or 1; i4 keeps its low 4 bits)
**   i16 2, i32 4, i64 8 bytes;  f16 bf16 -> 2 bytes of bits;
**   f32 tf32 -> 4 bytes (tf32 as f32 bits); f64 8; fp8 1; f4E2M1FN 1 byte
**   (low 4 bits); ptr -> 8 bytes (a synthetic address); token -> nothing.
** A tensor_view or tiled view value is a struct sim_view.
*/
#ifndef TILESIM_SIM_INT_H
#define TILESIM_SIM_INT_H

#include "ir.h"
#include "sim.h"

/* The runtime value of a tensor_view or a tiled view: base address and
** the tensor's shape and strides (in elements) with dynamic ones known. */
struct sim_view {
  uint64_t base;
  int rank;
  int64_t shape[16];
  int64_t strides[16];
};

/* Bytes per element of a tile of elt. */
size_t sim_elt_size(const struct ty *elt);
/* Bytes of a value of type t (a tile, a view, or 0 for a token). */
size_t sim_type_size(const struct ty *t);

struct sim_frame {
  void **slot;                 /* indexed by ir_value.id */
  size_t nslots;
};

struct sim_coop;
struct sim_tracer;
struct sim_access;

struct sim_ctx {
  const struct ir_module *m;
  struct sim_mem *mem;
  const struct sim_opts *o;
  struct sim_frame *f;
  uint32_t bid[3], grid[3];
  struct sim_error *err;       /* this thread's first error */
  const struct ir_op *term;    /* the terminator that ended the last block */
  uint64_t writes;             /* stores that changed memory, so far */
  struct sim_coop *coop;       /* the cooperative scheduler, or NULL */
  uint64_t iterations;         /* loop iterations of this tile block, so far */
  struct ts_buf *printed;      /* print_tko's text goes here, if not NULL */
  struct sim_tracer *trace;    /* shape-only recording (sim_trace.c), or NULL */
};

/* Store n bytes at dst (simulated memory), counting a change. */
void sim_mem_write(struct sim_ctx *c, void *dst, const void *src, size_t n);

/* At the end of an iteration of `loop` op: progress says whether its
** carried values or memory changed.  Under the cooperative schedule the
** block yields here; a loop that cannot progress is reported (-1). */
int sim_loop_step(struct sim_ctx *c, const struct ir_op *op, bool progress);

/* The storage of v (made on first use); NULL only when out of memory,
** after recording the error. */
void *sim_val(struct sim_ctx *c, const struct ir_value *v);
/* The storage of operand i / result i of op. */
#define IN(c, op, i) sim_val((c), (op)->in[i])
#define OUT(c, op, i) sim_val((c), &(op)->out[i])
/* Copy the contents of value src into value dst (same type). */
int sim_copy(struct sim_ctx *c, const struct ir_value *dst, const struct ir_value *src);

/* Record a runtime error at op (the first one of this block wins) and
** return -1.  Messages: lowercase, no final period; the caller adds
** element coordinates and addresses when it has them. */
int sim_fail(struct sim_ctx *c, const struct ir_op *op, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Run the ops of b.  Stops at a terminator (c->term = it) or at the end;
** 0, or -1 on error. */
int sim_run_block(struct sim_ctx *c, const struct ir_block *b);

/* Run one tile block of entry (c->bid set): bind args, run the body. */
int sim_run_entry_block(struct sim_ctx *c, const struct ir_op *entry,
                        const struct sim_value *args, int nargs);
/* Run the whole grid under the cooperative schedule (sim_coop.c). */
int sim_launch_coop(const struct ir_module *m, const struct ir_op *entry, const uint32_t grid[3],
                    const struct sim_value *args, int nargs, struct sim_mem *mem,
                    const struct sim_opts *o, struct sim_error *err);

/* One handler per op, named after its ops.def row: 0 or -1 (sim_fail). */
typedef int sim_exec_fn(struct sim_ctx *c, const struct ir_op *op);

/* ---- shape-only execution (sim_trace.c) ----
** With c->trace set, the interpreter hands every op to sim_trace_op with
** its handler, which records it and runs the handler only when a value
** the run needs comes from it; loops report each iteration.  A run of
** ops that are only recorded is recorded at once: *op then becomes the
** last of them, where the interpreter goes on. */
int sim_trace_op(struct sim_ctx *c, const struct ir_op **op, sim_exec_fn *exec);
int sim_trace_iter(struct sim_ctx *c, const struct ir_op *op);
/* Whether v is computed in shape-only mode (always, without c->trace). */
bool sim_trace_needed(const struct sim_ctx *c, const struct ir_value *v);

/* The bytes memory op `op` touches (sim_exec_mem.c), from its address,
** view, index and mask operands alone: *acc and the elements moved.
** -1 (sim_fail) when the access is out of bounds. */
int sim_mem_access(struct sim_ctx *c, const struct ir_op *op, struct sim_access *acc,
                   uint64_t *active);
/* Whether the access lies in an allocation that holds data (not made by
** mem_reserve), or touches no memory at all. */
bool sim_mem_has_data(const struct sim_ctx *c, const struct sim_access *acc);

/* sim_launch.c, for the trace launcher: the start of a launch (err
** cleared, the argument count checked, globals into memory; -1 with err
** set), and whether blocks of the kernel can see each other (then they run
** in grid order). */
int sim_launch_begin(const struct ir_module *m, const struct ir_op *entry, int nargs,
                     struct sim_mem *mem, struct sim_error *err);
bool sim_order_matters(const struct ir_block *b);
void sim_frame_free(struct sim_frame *f);
/* k of block b in grid g, x fastest: the grid order errors are ranked by. */
uint64_t sim_block_linear(const uint32_t *b, const uint32_t *g);
/* A block failed with e (lin its grid order): keep it in err when no
** earlier block failed, lower first_bad, set failed.  Thread-safe; the
** parallel launchers skip blocks after first_bad. */
void sim_keep_first_error(struct sim_error *err, uint64_t *first_bad, bool *failed,
                          const struct sim_error *e, uint64_t lin);
#define OP(id, mn, bc, since, nres, fl, fmt) sim_exec_fn sim_exec_##id;
#include "ops.def"

#endif
