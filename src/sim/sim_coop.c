/*
** sim_coop.c -- the cooperative schedule for kernels whose tile blocks
** communicate (atomics, ordered loads and stores: a block may spin until
** another writes).  Blocks are coroutines on one thread: up to WINDOW of
** them are resident, started in grid order; each runs until it finishes
** or ends an iteration of a `loop`, and the next resident one goes on.
** The order is fixed, so the result is deterministic.
**
** Deadlock: a full round over the resident blocks in which none finished,
** none changed memory and every one repeated a loop iteration without
** changing its state, while no new block can start.  Then nothing can
** ever change: reported at the first waiting block's loop.
*/
#include <config.h>
#include "sim_int.h"

#include <stdio.h>
#include <string.h>
#include <ucontext.h>

enum { WINDOW = 256, STACK = 1024 * 1024 };   /* room for IR_MAX_DEPTH nested regions */

struct task {
  ucontext_t uc;
  void *stack;
  struct sim_ctx c;
  struct sim_frame f;
  struct sim_error e;
  uint64_t lin;
  struct ts_buf printed;       /* its print_tko text, passed on in grid order */
  bool done, failed, stalled;
  const struct ir_op *stall_op;
  const struct ir_op *entry;
  const struct sim_value *args;
  int nargs;
};

struct sim_coop {
  ucontext_t sched;
  struct task *cur;
};

/* The loop hook: outside the cooperative schedule no other block can
** change this one's memory, so a loop without progress never ends. */
int sim_loop_step(struct sim_ctx *c, const struct ir_op *op, bool progress) {
  if (!c->coop) {
    if (progress) return 0;
    return sim_fail(c, op, "infinite loop: an iteration changed neither the loop's carried values "
                    "nor memory, and no other tile block can (the kernel has no atomics or "
                    "ordered memory operations)");
  }
  struct task *t = c->coop->cur;
  t->stalled = !progress;
  t->stall_op = op;
  swapcontext(&t->uc, &c->coop->sched);
  return 0;
}

static void task_main(unsigned lo, unsigned hi) {
  struct task *t = (struct task *)(((uintptr_t)hi << 32) | lo);
  t->failed = sim_run_entry_block(&t->c, t->entry, t->args, t->nargs) != 0;
  t->done = true;
}

static void task_free(struct task *t) {
  ts_buf_free(&t->printed);
  for (size_t i = 0; t->f.slot && i < t->f.nslots; i++) ts_free(t->f.slot[i]);
  ts_free(t->f.slot);
  ts_free(t->stack);
  ts_free(t);
}

static struct task *task_new(struct sim_coop *co, const struct ir_module *m,
                             struct sim_mem *mem, const struct sim_opts *o,
                             const uint32_t grid[3], uint64_t k, const struct ir_op *entry,
                             const struct sim_value *args, int nargs) {
  struct task *t = ts_malloc(sizeof *t);
  if (!t) return NULL;
  memset(t, 0, sizeof *t);
  t->stack = ts_malloc(STACK);
  t->f.slot = ts_malloc((m->nvalues ? m->nvalues : 1) * sizeof(void *));
  if (!t->stack || !t->f.slot) { task_free(t); return NULL; }
  memset(t->f.slot, 0, (m->nvalues ? m->nvalues : 1) * sizeof(void *));
  t->f.nslots = m->nvalues;
  t->lin = k;
  t->entry = entry;
  t->args = args;
  t->nargs = nargs;
  t->c = (struct sim_ctx){ m, mem, o, &t->f, {0, 0, 0}, {grid[0], grid[1], grid[2]}, &t->e, NULL, 0, co,
                           0, &t->printed };
  t->c.bid[0] = (uint32_t)(k % grid[0]);
  t->c.bid[1] = (uint32_t)(k / grid[0] % grid[1]);
  t->c.bid[2] = (uint32_t)(k / grid[0] / grid[1]);
  getcontext(&t->uc);
  t->uc.uc_stack.ss_sp = t->stack;
  t->uc.uc_stack.ss_size = STACK;
  t->uc.uc_link = &co->sched;
  uintptr_t p = (uintptr_t)t;
  makecontext(&t->uc, (void (*)(void))task_main, 2, (unsigned)(p & 0xffffffffu), (unsigned)(p >> 32));
  return t;
}

static void deadlock(struct task **live, int n, struct sim_error *err) {
  struct task *t = live[0];
  char who[200] = "";
  size_t k = 0;
  for (int i = 0; i < n && i < 4 && k < sizeof who; i++)
    k += (size_t)snprintf(who + k, sizeof who - k, "%s(%u,%u,%u)", i ? ", " : "",
                          live[i]->c.bid[0], live[i]->c.bid[1], live[i]->c.bid[2]);
  memset(err, 0, sizeof *err);
  err->set = true;
  err->loc = t->stall_op ? t->stall_op->loc : t->entry->loc;
  memcpy(err->block, t->c.bid, sizeof err->block);
  snprintf(err->msg, sizeof err->msg,
           "deadlock: %d tile block%s (%s%s) wait in this loop forever: no block can change "
           "memory or its loop state", n, n > 1 ? "s" : "", who, n > 4 ? ", ..." : "");
}

/* The text of blocks that finished, until every block before them in
** grid order has: print_tko output comes in grid order, as sim.h says,
** though blocks take turns at every loop iteration. */
struct pending { uint64_t lin; char *text; };
struct printq { struct pending *p; int n, cap; };

static void q_flush(struct printq *q, const struct sim_opts *o, uint64_t upto) {
  int k = 0;
  while (k < q->n && q->p[k].lin < upto) {
    if (o->print && q->p[k].text) o->print(o->print_ud, q->p[k].text);
    ts_free(q->p[k].text);
    k++;
  }
  if (k) memmove(q->p, q->p + k, (size_t)(q->n - k) * sizeof *q->p);
  q->n -= k;
}

/* Keep t's text (sorted by block); 0, or -1 when out of memory. */
static int q_add(struct printq *q, struct task *t) {
  if (!t->printed.s) return 0;
  if (q->n == q->cap) {
    int cap = q->cap ? 2 * q->cap : 16;
    struct pending *p = ts_realloc(q->p, (size_t)cap * sizeof *p);
    if (!p) return -1;
    q->p = p;
    q->cap = cap;
  }
  int k = q->n;
  while (k > 0 && q->p[k - 1].lin > t->lin) { q->p[k] = q->p[k - 1]; k--; }
  q->p[k] = (struct pending){ t->lin, t->printed.s };
  q->n++;
  t->printed = (struct ts_buf){0};
  return 0;
}

static void task_drop(struct task **live, int *n, int i) {
  task_free(live[i]);
  memmove(live + i, live + i + 1, (size_t)(*n - i - 1) * sizeof *live);
  (*n)--;
}

/* Run every block of the grid under the cooperative schedule.  When a
** block fails, the blocks before it in grid order still run to the end
** (one of them may fail too), so that the error reported is the first
** in grid order, as in sim_launch; the blocks after it are dropped. */
int sim_launch_coop(const struct ir_module *m, const struct ir_op *entry, const uint32_t grid[3],
                    const struct sim_value *args, int nargs, struct sim_mem *mem,
                    const struct sim_opts *o, struct sim_error *err) {
  struct sim_coop co;
  struct task *live[WINDOW];
  struct printq q = {0};
  int n = 0, rc = 0;
  uint64_t next = 0, total = (uint64_t)grid[0] * grid[1] * grid[2], bad = UINT64_MAX;
  memset(&co, 0, sizeof co);
  while (n || (next < total && bad == UINT64_MAX)) {
    bool started = false;
    while (bad == UINT64_MAX && n < WINDOW && next < total) {
      struct task *t = task_new(&co, m, mem, o, grid, next++, entry, args, nargs);
      if (!t) {
        snprintf(err->msg, sizeof err->msg, "out of memory for a tile block");
        err->set = true;
        err->loc = entry->loc;
        rc = -1;
        goto out;
      }
      live[n++] = t;
      started = true;
    }
    bool progress = started;
    for (int i = 0; i < n; ) {
      struct task *t = live[i];
      if (t->lin > bad) { task_drop(live, &n, i); continue; }   /* a later block cannot win */
      uint64_t w = t->c.writes;
      co.cur = t;
      swapcontext(&co.sched, &t->uc);
      if (t->done) {
        if (t->failed && t->lin < bad) { *err = t->e; bad = t->lin; rc = -1; }
        if (q_add(&q, t)) {
          snprintf(err->msg, sizeof err->msg, "out of memory for print_tko text");
          err->set = true;
          err->loc = entry->loc;
          rc = -1;
          goto out;
        }
        task_drop(live, &n, i);
        progress = true;
        continue;
      }
      if (!t->stalled || t->c.writes != w) progress = true;
      i++;
    }
    q_flush(&q, o, n ? live[0]->lin : next);
    if (!progress && n) {              /* a failure may be why the others wait: it wins */
      if (bad == UINT64_MAX) deadlock(live, n, err);
      rc = -1;
      break;
    }
  }
out:
  for (int i = 0; i < n; i++) q_add(&q, live[i]);
  q_flush(&q, o, UINT64_MAX);
  ts_free(q.p);
  for (int i = 0; i < n; i++) task_free(live[i]);
  return rc;
}
