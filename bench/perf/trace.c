/*
** trace.c -- time trace runs (shape-only execution, sim_trace_launch).
**
**   trace KERNEL.mlir [--entry NAME] --grid X[,Y[,Z]] [--threads N] [--repeat R]
**         [--dump B] ARG...
**
** ARGs are `tilesim run` specs; arrays given as shape:TYPE:DIMS get
** addresses but no memory (mem_reserve).  Prints the trace's size (blocks,
** distinct blocks, events as played -- every block's own stream -- and as
** stored, accesses) and the best of R wall-clock times of the trace run,
** with events played per second.  --dump B prints block B's events and
** accesses (one line each) instead.
*/
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ir.h"
#include "sim.h"
#include "sim_npy.h"
#include "sim_trace.h"

static void emit(void *ud, const struct ts_diag *d) {
  char *s = NULL;
  (void)ud;
  ts_diag_format(d, &s);
  fprintf(stderr, "%s\n", s ? s : d->msg);
  free(s);
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)len + 1);
  if (s && fread(s, 1, (size_t)len, f) != (size_t)len) { free(s); s = NULL; }
  fclose(f);
  if (s) s[len] = 0, *n = (size_t)len;
  return s;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* One line per event of block b, its accesses indented below it. */
static void print_block(const struct sim_trace *t, const struct sim_trace_block *b) {
  static const char *const kinds[] = { "op", "iter", "end" };
  printf("block (%u,%u,%u) same_as %zu: %zu events, %zu accesses\n", b->bid[0], b->bid[1],
         b->bid[2], b->same_as, b->n, b->nacc);
  for (size_t i = 0; i < b->n; i++) {
    const struct sim_event *e = &t->ev[b->first + i];
    printf("%-4s %-22s active %llu\n", kinds[e->kind], ir_optab[e->op->code].name,
           (unsigned long long)e->active);
    const struct sim_access *a = sim_trace_access(t, b, e);
    for (uint32_t k = 0; k < e->nacc; k++, a++)
      printf("       %s alloc %d addr 0x%llx len %u rows %u stride %lld planes %u pstride %lld bytes %llu\n",
             a->write ? "W" : "R", a->alloc, (unsigned long long)a->addr, a->len, a->rows,
             (long long)a->stride, a->planes, (long long)a->plane_stride, (unsigned long long)a->bytes);
  }
}

/* Bind spec to parameter p: a scalar's bits or an array's address. */
static int bind(struct sim_mem *mem, const struct ir_block *body, int p, const char *spec,
                struct sim_value *v) {
  struct sim_arg a;
  char err[512];
  if (sim_arg_parse(spec, &a, err, sizeof err)) { fprintf(stderr, "trace: %s\n", err); return -1; }
  v->type = body->args[p].type;
  if (a.kind == ARG_SCALAR) {
    v->bits = a.bits;
  } else {
    struct mem_alloc *m = a.shape_only ? mem_reserve(mem, a.array.nbytes, spec, a.elem)
                                       : mem_adopt(mem, a.array.data, a.array.nbytes, spec, a.elem);
    if (!m) { fprintf(stderr, "trace: out of memory\n"); sim_arg_free(&a); return -1; }
    if (!a.shape_only) a.array.data = NULL;
    v->bits = m->base;
  }
  sim_arg_free(&a);
  return 0;
}

int main(int argc, char **argv) {
  const char *kernel = NULL, *entry_name = NULL;
  uint32_t grid[3] = {1, 1, 1};
  int threads = 0, repeat = 3, nspec = 0;
  long dump = -1;
  const char *spec[64];
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--entry") && i + 1 < argc) entry_name = argv[++i];
    else if (!strcmp(argv[i], "--grid") && i + 1 < argc)
      sscanf(argv[++i], "%u,%u,%u", &grid[0], &grid[1], &grid[2]);
    else if (!strcmp(argv[i], "--threads") && i + 1 < argc) threads = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--dump") && i + 1 < argc) dump = atol(argv[++i]);
    else if (!kernel) kernel = argv[i];
    else if (nspec < 64) spec[nspec++] = argv[i];
  }
  if (!kernel) {
    fprintf(stderr, "usage: trace KERNEL [--entry NAME] --grid X,Y,Z [--threads N] [--repeat R] ARG...\n");
    return 2;
  }
  size_t len;
  char *text = slurp(kernel, &len);
  if (!text) { fprintf(stderr, "trace: cannot read '%s'\n", kernel); return 2; }
  struct ts_diag_sink sink = { emit, NULL, 0, 0 };
  struct ir_module *m = ir_parse_text(kernel, text, len, &sink);
  if (!m || ir_verify(m, &sink)) return 3;
  const struct ir_op *entry = sim_find_entry(m, entry_name);
  if (!entry) { fprintf(stderr, "trace: no such entry\n"); return 2; }
  const struct ir_block *body = entry->regions[0].block;
  if (nspec != body->nargs) { fprintf(stderr, "trace: %d arguments for %d parameters\n", nspec, body->nargs); return 2; }
  struct sim_mem mem;
  struct sim_value args[64];
  mem_init(&mem);
  for (int i = 0; i < nspec; i++)
    if (bind(&mem, body, i, spec[i], &args[i])) return 3;
  struct sim_opts o = { .threads = threads };
  double best = 1e30;
  struct sim_trace t = {0};
  for (int r = 0; r < (repeat > 0 ? repeat : 1); r++) {
    struct sim_error err;
    sim_trace_free(&t);
    double t0 = now();
    if (sim_trace_launch(m, entry, grid, args, nspec, &mem, &o, &t, &err)) {
      fprintf(stderr, "trace: block (%u,%u,%u): %s\n", err.block[0], err.block[1], err.block[2], err.msg);
      return 1;
    }
    double dt = now() - t0;
    if (dt < best) best = dt;
  }
  size_t played = 0, distinct = 0;
  for (size_t b = 0; b < t.nblk; b++) {
    played += t.blk[b].n;
    distinct += t.blk[b].same_as == b;
  }
  if (dump >= 0 && (size_t)dump < t.nblk) {
    print_block(&t, &t.blk[dump]);
  } else {
    printf("blocks %zu distinct %zu events %zu stored %zu accesses %zu\n", t.nblk, distinct, played,
           t.nev, t.nacc);
    printf("time %.4f s  %.1f M events/s\n", best, played / best * 1e-6);
  }
  sim_trace_free(&t);
  mem_free(&mem);
  ir_module_free(m);
  free(text);
  return 0;
}
