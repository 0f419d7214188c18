/*
** perf_synth.h -- synthetic kernels and traces for the tests of the
** performance model: a tiny module parsed from text, and a trace built by
** walking its ops (every `for` runs `trip` times) with access boxes a
** callback chooses, so the model can be tested without the interpreter.
*/
#ifndef TILESIM_PERF_SYNTH_H
#define TILESIM_PERF_SYNTH_H

#include "hw.h"
#include "perf.h"
#include "sim_trace.h"

/* The box of memory op `op` in block blk at iteration iter. */
typedef void ps_box_fn(void *ud, size_t blk, unsigned iter, const struct ir_op *op,
                       struct sim_access *a);

/* Build the trace of nblk blocks (grid nblk x 1 x 1) of entry. */
void ps_trace(struct sim_trace *t, const struct ir_op *entry, size_t nblk, unsigned trip,
              ps_box_fn *box, void *ud);
void ps_trace_free(struct sim_trace *t);

/* The description `name` from the source tree's hwdesc/ (fails the test if absent). */
struct hw_desc *ps_hw(const char *name);

/* Parse and verify text (fails the test on errors); its only entry in *entry. */
struct ir_module *ps_module(const char *text, const struct ir_op **entry);

/*
** A GEMM-like kernel: A (M x K) and B (K x N) of type T loaded once (or A
** computed in the block when a_computed), then `trip` mmaf into an f32
** accumulator, stored.  hint: text of an optimization_hints attribute or "".
*/
char *ps_mma_kernel(unsigned M, unsigned N, unsigned K, const char *T, bool a_computed,
                    const char *hint);
/* The same with the loads of A and B inside the loop: a tiled GEMM mainloop. */
char *ps_gemm_kernel(unsigned M, unsigned N, unsigned K, const char *T, const char *hint);

Suite *suite_perf_map(void);
Suite *suite_perf_model(void);

#endif
