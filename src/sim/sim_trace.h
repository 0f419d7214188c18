/*
** sim_trace.h -- the stream of executed tile ops of every tile block, as
** the performance model consumes it.
**
** A trace run (sim_trace_launch) executes the kernel in shape-only mode:
** it computes only the values that control flow, addresses or masks
** depend on, and records, per tile block, one event per executed op in
** execution order.  Everything static about an event (its kind, operand
** and result types, its source location) is in the op it points to; the
** event adds what only the run knows: the bytes a memory op touches and
** how many elements a masked op really moved.
**
** Dependencies are not recorded: a consumer finds them by following
** op->in[i]->id to the latest event of the same block that defined that
** value (region arguments are defined by the event of the op that owns the
** region: a `for` event defines its induction variable and carried values).
** Each SIM_EV_ITER redefines them for its iteration: after the first, the
** carried values are the operands of the `continue` that ended the
** previous iteration (terminators have no events of their own).  The
** results of an if, for or loop are defined by its SIM_EV_END.
**
** The stream of one block, exactly:
**   - one SIM_EV_OP per executed op in program order, terminators
**     (yield, continue, break, return) excepted; ops inside the combiner
**     region of reduce and scan belong to that op and have no events;
**   - an `if`: its SIM_EV_OP, the events of the region that ran (none when
**     the condition is false and there is no else), its SIM_EV_END;
**   - a `for` or `loop`: its SIM_EV_OP, then per iteration a SIM_EV_ITER
**     followed by the events of the body, then its SIM_EV_END.  Every
**     region op that starts also ends, even when a break, continue or
**     return leaves it early, so OP/END pairs nest like the regions.
** `active`: memory ops (load_view_tko, store_view_tko, load_ptr_tko,
** store_ptr_tko, atomics): the elements really moved (inside the tensor,
** mask true); reduce and scan: the elements of the first operand; a `for`
** or `loop` SIM_EV_OP: the iterations it ran; if, ITER and END: 0; any
** other op: the elements of its first result (0 when it has no tile
** result).  Memory ops have one access each (nacc = 1; store_view_tko
** and the others alike), every other event none.  Stores and loads whose
** result is not needed move no data in a trace run, and nothing is
** checked beyond the access lying inside an allocation (an error
** otherwise, as in a full run).  Loads whose result is needed (an index
** loaded from memory) read the real data, or zeros from an allocation
** made by mem_reserve.
**
** Boxes (struct sim_access): a view access is the tile clipped to the
** tensor; dimensions of extent 1 drop out, contiguous ones merge, the
** innermost unit-stride dimension is the row (len bytes), the next is
** rows x stride, the next planes x plane_stride (a fourth and further
** dimension widen planes to bound them).  An empty access (a tile wholly
** outside the tensor) has len = rows = planes = 0 and bytes = 0.  A tile
** of pointers is rows of its last dimension when each row's lanes are
** contiguous and the rows evenly spaced upward, else one row from the
** lowest to the highest address (len saturating at 2^32-1); bytes counts lanes times element size
** (so atomics of many lanes to one address count each lane), and alloc is
** -1 when the lanes lie in several allocations.
**
** Blocks that do the same work share their events (this keeps the trace
** of a 16k-token attention or a 8192^3 GEMM to a few MB): a block whose
** op sequence and active counts equal an earlier block's has same_as set
** to the first such block in grid order and first/n pointing at that
** block's events; only its
** accesses are its own.  So the accesses of event e of block b are not
** trace->acc[e->acc ...] but sim_trace_access(t, b, e): the same
** position inside b's own accesses (blk->acc .. blk->acc + blk->nacc).
** For a block with same_as == itself the two are the same.
**
** Kernels whose blocks communicate (atomics, alloca, print) are traced
** one block at a time in grid order; a block that waits on another
** (a spin-wait) runs into the iteration limit instead of hanging.
*/
#ifndef TILESIM_SIM_TRACE_H
#define TILESIM_SIM_TRACE_H

#include <stddef.h>
#include <stdint.h>

#include "sim.h"

/*
** The bytes one memory op touches, as a box: planes x rows x len bytes,
** row i of plane p starting at addr + p*plane_stride + i*stride.  A tile
** of a 2-D view is one plane of rows; scattered accesses (pointer tiles,
** gather views) are reported as their bounding rows with `bytes` giving
** the bytes really touched.
*/
struct sim_access {
  uint64_t addr;
  uint32_t len, rows, planes;
  int64_t stride, plane_stride;
  uint64_t bytes;              /* bytes really read or written (masks applied) */
  int alloc;                   /* index in struct sim_mem, -1 for none */
  bool write;
};

enum sim_event_kind {
  SIM_EV_OP,                   /* an executed op (not a terminator) */
  SIM_EV_ITER,                 /* a new iteration of the loop `op` (for or loop) begins */
  SIM_EV_END,                  /* the loop or if `op` has finished */
};

struct sim_event {
  const struct ir_op *op;
  uint8_t kind;                /* enum sim_event_kind */
  uint32_t acc, nacc;          /* its accesses: trace->acc[acc .. acc+nacc) */
  uint64_t active;             /* elements computed or moved (masked lanes excluded) */
};

struct sim_trace_block {
  uint32_t bid[3];
  size_t first, n;             /* its events: trace->ev[first .. first+n) */
  size_t acc, nacc;            /* its own accesses: trace->acc[acc .. acc+nacc) */
  /* Index of an earlier block whose events are the same ops in the same
  ** order with the same active counts (only addresses may differ), or
  ** the block's own index.  The model may time such blocks once. */
  size_t same_as;
};

struct sim_trace {
  struct sim_event *ev;
  size_t nev;
  struct sim_access *acc;
  size_t nacc;
  struct sim_trace_block *blk; /* in grid order, x fastest */
  size_t nblk;
  uint32_t grid[3];
};

/*
** Run entry over grid in shape-only mode and record its trace into *t
** (which the caller zeroes first and frees with sim_trace_free).  Array
** arguments may be allocations without data (mem_reserve): loads from
** them yield zeros when a value that controls the run needs them.
** Returns 0, or -1 with the first error in err.
*/
int sim_trace_launch(const struct ir_module *m, const struct ir_op *entry,
                     const uint32_t grid[3], const struct sim_value *args, int nargs,
                     struct sim_mem *mem, const struct sim_opts *o,
                     struct sim_trace *t, struct sim_error *err);
void sim_trace_free(struct sim_trace *t);

/* The first access of event e of block b (e one of b's events):
** e->nacc of them follow it. */
static inline const struct sim_access *sim_trace_access(const struct sim_trace *t,
                                                        const struct sim_trace_block *b,
                                                        const struct sim_event *e) {
  return t->acc + b->acc + (e->acc - t->blk[b->same_as].acc);
}

#endif
