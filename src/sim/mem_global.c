/*
** mem_global.c -- global memory: typed allocations at synthetic device
** addresses.  Kernel addresses are never host pointers; every access is
** looked up here and checked against its allocation.
*/
#include <config.h>
#include "sim.h"

#include <string.h>

void mem_init(struct sim_mem *m) { memset(m, 0, sizeof *m); }

void mem_free(struct sim_mem *m) {
  for (int i = 0; i < m->n; i++) {
    ts_free(m->a[i].host);
    ts_free((char *)m->a[i].name);
  }
  ts_free(m->a);
  memset(m, 0, sizeof *m);
}

struct mem_alloc *mem_alloc(struct sim_mem *m, size_t size, const char *name,
                            enum ty_elem elem) {
  return mem_adopt(m, NULL, size, name, elem);
}

/* The allocation takes host (ts_malloc'd, size bytes) as its memory, or
** makes zeroed memory when host is NULL: arguments move into simulated
** memory without a copy. */
struct mem_alloc *mem_adopt(struct sim_mem *m, void *bytes, size_t size, const char *name,
                            enum ty_elem elem) {
  if (size >= MEM_SPACING) return NULL;
  if (m->n == m->cap) {
    int cap = m->cap ? m->cap * 2 : 16;
    struct mem_alloc *a = ts_realloc(m->a, (size_t)cap * sizeof *a);
    if (!a) return NULL;
    m->a = a;
    m->cap = cap;
  }
  unsigned char *host = bytes ? bytes : ts_malloc(size ? size : 1);
  char *nm = ts_malloc(strlen(name) + 1);
  if (!host || !nm) { if (!bytes) ts_free(host); ts_free(nm); return NULL; }
  if (!bytes) memset(host, 0, size ? size : 1);
  strcpy(nm, name);
  struct mem_alloc *a = &m->a[m->n];
  *a = (struct mem_alloc){ MEM_BASE(m->n), size, host, nm, elem, false };
  m->n++;
  return a;
}

/* Allocations are made in address order, so the index is the address. */
const struct mem_alloc *mem_find(const struct sim_mem *m, uint64_t addr, size_t n) {
  uint64_t k = addr / MEM_SPACING;
  if (k == 0 || k > (uint64_t)m->n) return NULL;
  const struct mem_alloc *a = &m->a[k - 1];
  if (addr < a->base || addr - a->base > a->size || n > a->size - (addr - a->base))
    return NULL;
  return a;
}

/* The allocation nearest to addr: the one below it or the one above. */
const struct mem_alloc *mem_nearest(const struct sim_mem *m, uint64_t addr) {
  uint64_t k = addr / MEM_SPACING;
  if (!m->n) return NULL;
  if (k == 0) return &m->a[0];
  if (k > (uint64_t)m->n) return &m->a[m->n - 1];
  const struct mem_alloc *below = &m->a[k - 1];
  if (k == (uint64_t)m->n || addr - below->base < MEM_SPACING / 2) return below;
  return &m->a[k];
}
