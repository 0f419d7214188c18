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
  ts_free(m->spare);
  memset(m, 0, sizeof *m);
}

struct mem_alloc *mem_alloc(struct sim_mem *m, size_t size, const char *name,
                            enum ty_elem elem) {
  return mem_adopt(m, NULL, size, name, elem);
}

/* Room for one more allocation; false when out of memory. */
static bool room(struct sim_mem *m) {
  if (m->n < m->cap) return true;
  int cap = m->cap ? m->cap * 2 : 16;
  struct mem_alloc *a = ts_realloc(m->a, (size_t)cap * sizeof *a);
  if (!a) return false;
  m->a = a;
  m->cap = cap;
  return true;
}

/* The next allocation, with host as its bytes (NULL: none). */
static struct mem_alloc *add(struct sim_mem *m, unsigned char *host, size_t size, char *nm,
                             enum ty_elem elem) {
  struct mem_alloc *a = &m->a[m->n];
  *a = (struct mem_alloc){ MEM_BASE(m->n), size, host, nm, elem, false };
  m->n++;
  return a;
}

static char *copy_name(const char *name) {
  char *nm = ts_malloc(strlen(name) + 1);
  if (nm) strcpy(nm, name);
  return nm;
}

/* The allocation takes host (ts_malloc'd, size bytes) as its memory, or
** makes zeroed memory when host is NULL: arguments move into simulated
** memory without a copy. */
struct mem_alloc *mem_adopt(struct sim_mem *m, void *bytes, size_t size, const char *name,
                            enum ty_elem elem) {
  if (size >= MEM_SPACING || !room(m)) return NULL;
  unsigned char *host = bytes ? bytes : ts_malloc(size ? size : 1);
  char *nm = copy_name(name);
  if (!host || !nm) { if (!bytes) ts_free(host); ts_free(nm); return NULL; }
  if (!bytes) memset(host, 0, size ? size : 1);
  return add(m, host, size, nm, elem);
}

/* Addresses without bytes: trace runs only look at where accesses go. */
struct mem_alloc *mem_reserve(struct sim_mem *m, size_t size, const char *name,
                              enum ty_elem elem) {
  if (size >= MEM_SPACING || !room(m)) return NULL;
  char *nm = copy_name(name);
  return nm ? add(m, NULL, size, nm, elem) : NULL;
}

/* Per-block scratch (alloca): without reuse a kernel's allocas would
** grow with its grid; with it, with the blocks resident at once. */
struct mem_alloc *mem_scratch(struct sim_mem *m, size_t size, const char *name,
                              enum ty_elem elem, const void *owner) {
  struct mem_alloc *a;
  if (!m->nspare) {
    a = mem_alloc(m, size, name, elem);
  } else {
    if (size >= MEM_SPACING) return NULL;
    a = &m->a[m->spare[m->nspare - 1]];
    unsigned char *host = ts_realloc(a->host, size ? size : 1);
    if (!host) return NULL;
    m->nspare--;
    memset(host, 0, size ? size : 1);
    a->host = host;
    a->size = size;
    a->elem = elem;
  }
  if (a) a->owner = owner;
  return a;
}

void mem_release_owner(struct sim_mem *m, const void *owner) {
  for (int i = 0; i < m->n; i++) {
    if (m->a[i].owner != owner) continue;
    m->a[i].owner = NULL;
    m->a[i].size = 0;
    if (m->nspare == m->capspare) {
      int cap = m->capspare ? 2 * m->capspare : 16;
      int *sp = ts_realloc(m->spare, (size_t)cap * sizeof *sp);
      if (!sp) continue;                     /* then the slot is not reused */
      m->spare = sp;
      m->capspare = cap;
    }
    m->spare[m->nspare++] = i;
  }
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
