/*
** sim_launch.c -- run an entry over its grid.  Tile blocks are
** independent, so they run in parallel (OpenMP), each thread with its own
** value storage; the result does not depend on the thread count.  When
** several blocks fail, the error of the first block in grid order (x
** fastest) is reported, so the message does not depend on it either.
*/
#include <config.h>
#include "sim_int.h"

#include <stdio.h>
#include <string.h>

#include "sim_mma_model.h"
#ifdef _OPENMP
#include <omp.h>
#endif

const struct ir_op *sim_find_entry(const struct ir_module *m, const char *name) {
  const struct ir_op *found = NULL;
  int n = 0;
  for (const struct ir_op *mod = m->op; mod; mod = mod->next)
    for (const struct ir_op *op = mod->regions[0].block->first; op; op = op->next) {
      if (op->code != IR_OP_entry) continue;
      if (name && !strcmp(op->attr.str, name)) return op;
      found = op;
      n++;
    }
  return !name && n == 1 ? found : NULL;
}

void sim_frame_free(struct sim_frame *f) {
  for (size_t i = 0; i < f->nslots; i++) ts_free(f->slot[i]);
  ts_free(f->slot);
}

/* Run one tile block: bind the arguments, run the body. */
int sim_run_entry_block(struct sim_ctx *c, const struct ir_op *entry,
                        const struct sim_value *args, int nargs) {
  const struct ir_block *body = entry->regions[0].block;
  c->iterations = 0;
  for (int i = 0; i < nargs; i++) {
    void *p = sim_val(c, &body->args[i]);
    if (!p) return -1;
    size_t n = sim_type_size(body->args[i].type);
    memcpy(p, &args[i].bits, n < 8 ? n : 8);
  }
  int rc = sim_run_block(c, body);
  mem_release_owner(c->mem, c);        /* its allocas */
  if (rc) return -1;
  c->term = NULL;
  return 0;
}

/* Globals live in memory named "@name"; constant ones are read-only. */
static int sim_alloc_globals(const struct ir_module *m, struct sim_mem *mem, struct sim_error *err) {
  for (const struct ir_op *mod = m->op; mod; mod = mod->next)
    for (const struct ir_op *op = mod->regions[0].block->first; op; op = op->next) {
      if (op->code != IR_OP_global) continue;
      const struct ir_dense *d = op->attr.value;
      const struct ty *t = d->type;
      size_t sz = sim_elt_size(t->elt), n = (size_t)ty_numel(t);
      char name[256];
      snprintf(name, sizeof name, "@%s", op->attr.str);
      struct mem_alloc *a = mem_alloc(mem, n * sz, name, t->elt->elem);
      if (!a) {
        snprintf(err->msg, sizeof err->msg, "out of memory for global '@%s'", op->attr.str);
        err->set = true;
        err->loc = op->loc;
        return -1;
      }
      for (size_t i = 0; i < n; i++)
        memcpy(a->host + i * sz, &d->bits[d->splat ? 0 : i], sz);
      a->readonly = op->attr.flags & AF_CONSTANT;
    }
  return 0;
}

/* Does the region tree under b hold an op through which blocks can see
** each other (atomics, ordered loads and stores) or whose effects depend
** on the order blocks run in (print, alloca)?  Then blocks run under the
** cooperative schedule (sim_coop.c), deterministic and deadlock-aware. */
bool sim_order_matters(const struct ir_block *b) {
  for (const struct ir_op *op = b->first; op; op = op->next) {
    switch (op->code) {
    case IR_OP_atomic_rmw_tko: case IR_OP_atomic_cas_tko: case IR_OP_atomic_red_view_tko:
    case IR_OP_print_tko: case IR_OP_alloca:
      return true;
    case IR_OP_load_ptr_tko: case IR_OP_store_ptr_tko:
    case IR_OP_load_view_tko: case IR_OP_store_view_tko:
      if (op->attr.mem_order != MO_WEAK) return true;
      break;
    default: break;
    }
    for (int r = 0; r < op->nregions; r++)
      if (op->regions[r].block && sim_order_matters(op->regions[r].block)) return true;
  }
  return false;
}

uint64_t sim_block_linear(const uint32_t *b, const uint32_t *g) {
  return ((uint64_t)b[2] * g[1] + b[1]) * g[0] + b[0];
}

void sim_keep_first_error(struct sim_error *err, uint64_t *first_bad, bool *failed,
                          const struct sim_error *e, uint64_t lin) {
#pragma omp critical(sim_err)
  {
    if (lin < *first_bad) {
      *err = *e;
#pragma omp atomic write
      *first_bad = lin;
    }
    *failed = true;
  }
}

int sim_set_numerics(struct sim_opts *o, const char *name) {
  o->profile = NULL;
  if (!strcmp(name, "fma")) o->numerics = NUM_FMA;
  else if (!strcmp(name, "exact")) o->numerics = NUM_EXACT;
  else if (!(o->profile = mma_profile_find(name))) return -1;
  return 0;
}

int sim_launch_begin(const struct ir_module *m, const struct ir_op *entry, int nargs,
                     struct sim_mem *mem, struct sim_error *err) {
  memset(err, 0, sizeof *err);
  const struct ir_block *body = entry->regions[0].block;
  if (nargs != body->nargs) {
    snprintf(err->msg, sizeof err->msg, "entry '%s' takes %d arguments, %d given",
             entry->attr.str, body->nargs, nargs);
    err->set = true;
    err->loc = entry->loc;
    return -1;
  }
  return sim_alloc_globals(m, mem, err);
}

int sim_launch(const struct ir_module *m, const struct ir_op *entry,
               const uint32_t grid[3], const struct sim_value *args, int nargs,
               struct sim_mem *mem, const struct sim_opts *o, struct sim_error *err) {
  if (sim_launch_begin(m, entry, nargs, mem, err)) return -1;
  const struct ir_block *body = entry->regions[0].block;
  uint64_t total = (uint64_t)grid[0] * grid[1] * grid[2];
  int threads = o->threads > 0 ? o->threads : 0;
  if (sim_order_matters(body)) return sim_launch_coop(m, entry, grid, args, nargs, mem, o, err);
  bool failed = false;
  uint64_t first_bad = UINT64_MAX;
#pragma omp parallel num_threads(threads > 0 ? threads : omp_get_max_threads())
  {
    struct sim_frame f = { ts_malloc(m->nvalues * sizeof(void *)), m->nvalues };
    struct sim_error e = {0};
    if (f.slot) memset(f.slot, 0, m->nvalues * sizeof(void *));
    struct sim_ctx c = { m, mem, o, &f, {0, 0, 0}, {grid[0], grid[1], grid[2]}, &e, NULL, 0, NULL };
#pragma omp for schedule(dynamic, 1)
    for (uint64_t k = 0; k < total; k++) {
      uint64_t bad;
#pragma omp atomic read
      bad = first_bad;
      if (k > bad) continue;                /* a later block cannot win */
      c.bid[0] = (uint32_t)(k % grid[0]);
      c.bid[1] = (uint32_t)(k / grid[0] % grid[1]);
      c.bid[2] = (uint32_t)(k / grid[0] / grid[1]);
      if (!f.slot) {
        snprintf(e.msg, sizeof e.msg, "out of memory");
        e.set = true;
        memcpy(e.block, c.bid, sizeof c.bid);
      } else if (sim_run_entry_block(&c, entry, args, nargs) == 0) {
        continue;
      }
      sim_keep_first_error(err, &first_bad, &failed, &e, sim_block_linear(e.block, grid));
      memset(&e, 0, sizeof e);
    }
    sim_frame_free(&f);
  }
  return failed ? -1 : 0;
}
