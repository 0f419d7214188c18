/*
** hw_diff.c -- what differs between two hardware descriptions
** (`tilesim hw diff A B`): the identity lines (name, architecture,
** numerics profile, L2 scope) and every number present in either, by the
** paths of `tilesim hw show`, in A's order followed by those only B has.
*/
#include <config.h>

#include "whatif.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* One number of a description, copied out of hw_desc_foreach(). */
struct entry {
  char path[160];
  char unit[16];
  struct hw_num n;
  bool matched;
};

struct list {
  struct entry *e;
  size_t n, cap;
  int oom;
};

static void collect(void *ud, const char *path, const char *unit, const struct hw_num *n) {
  struct list *l = ud;
  if (l->n == l->cap) {
    size_t cap = l->cap ? 2 * l->cap : 256;
    struct entry *e = ts_realloc(l->e, cap * sizeof *e);
    if (!e) { l->oom = 1; return; }
    l->e = e; l->cap = cap;
  }
  struct entry *e = &l->e[l->n++];
  snprintf(e->path, sizeof e->path, "%s", path);
  snprintf(e->unit, sizeof e->unit, "%s", unit);
  e->n = *n;
  e->matched = false;
}

static struct entry *find(struct list *l, const char *path) {
  for (size_t i = 0; i < l->n; i++)
    if (!strcmp(l->e[i].path, path)) return &l->e[i];
  return NULL;
}

/* A number with its unit (sizes in binary units) and, for estimates and
** what-ifs, a marker. */
static void fmt(const struct entry *e, char *buf, size_t n) {
  static const char *const bin[] = { "B", "KiB", "MiB", "GiB", "TiB" };
  if (!e) { snprintf(buf, n, "-"); return; }
  double v = e->n.v;
  const char *unit = e->unit;
  if (!strcmp(unit, "B"))
    for (int i = 0; i < 4 && v >= 1024; i++) { v /= 1024; unit = bin[i + 1]; }
  snprintf(buf, n, "%.6g%s%s%s", v, unit[0] ? " " : "", unit,
           e->n.src == HW_SRC_ESTIMATE ? " (est.)" : e->n.src == HW_SRC_SET ? " (set)" : "");
}

/* Equal to six significant digits, as printed: finer differences are noise
** of unit conversions, not what an architect changed. */
static bool same(const struct entry *a, const struct entry *b) {
  char x[64], y[64];
  snprintf(x, sizeof x, "%.6g", a->n.v);
  snprintf(y, sizeof y, "%.6g", b->n.v);
  return !strcmp(x, y);
}

static void row(struct ts_buf *b, const char *what, const char *x, const char *y, unsigned *nd) {
  ts_buf_printf(b, "  %-40s %-26s %s\n", what, x, y);
  (*nd)++;
}

static void identity(struct ts_buf *b, const struct hw_desc *a, const struct hw_desc *c,
                     unsigned *nd) {
  if (strcmp(a->arch, c->arch)) row(b, "arch", a->arch, c->arch, nd);
  if (a->vendor != c->vendor)
    row(b, "vendor", a->vendor == HW_VENDOR_AMD ? "amd" : "nvidia",
        c->vendor == HW_VENDOR_AMD ? "amd" : "nvidia", nd);
  if (strcmp(a->numerics, c->numerics)) row(b, "numerics.profile", a->numerics, c->numerics, nd);
  if (a->mem.l2_scope != c->mem.l2_scope)
    row(b, "memory.l2.scope", a->mem.l2_scope == HW_L2_DIE ? "die" : "chip",
        c->mem.l2_scope == HW_L2_DIE ? "die" : "chip", nd);
  if (a->provisional != c->provisional)
    row(b, "provisional", a->provisional ? "yes" : "no", c->provisional ? "yes" : "no", nd);
}

int hw_desc_diff(const struct hw_desc *a, const struct hw_desc *c, struct ts_buf *b) {
  struct list la = {0}, lc = {0};
  hw_desc_foreach(a, collect, &la);
  hw_desc_foreach(c, collect, &lc);
  if (la.oom || lc.oom) { ts_free(la.e); ts_free(lc.e); return -1; }
  unsigned nd = 0;
  char x[64], y[64];
  ts_buf_printf(b, "  %-40s %-26s %s\n", "PATH", a->name, c->name);
  identity(b, a, c, &nd);
  for (size_t i = 0; i < la.n; i++) {
    struct entry *o = find(&lc, la.e[i].path);
    if (o) o->matched = true;
    if (o && same(&la.e[i], o)) continue;
    fmt(&la.e[i], x, sizeof x);
    fmt(o, y, sizeof y);
    row(b, la.e[i].path, x, y, &nd);
  }
  for (size_t i = 0; i < lc.n; i++) {
    if (lc.e[i].matched) continue;
    fmt(&lc.e[i], y, sizeof y);
    row(b, lc.e[i].path, "-", y, &nd);
  }
  if (!nd) ts_buf_puts(b, "  (no differences)\n");
  ts_free(la.e);
  ts_free(lc.e);
  return b->oom ? -1 : (int)nd;
}
