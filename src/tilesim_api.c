/*
** tilesim_api.c -- the public API (include/tilesim.h) over src/ir.
*/
#include <config.h>
#include "tilesim.h"

#include <stdlib.h>

#include "ir.h"

struct tilesim_module { struct ir_module *m; };

const char *tilesim_version(void) { return PACKAGE_VERSION; }

struct relay { tilesim_diag_fn fn; void *ud; };

static void relay(void *ud, const struct ts_diag *d) {
  struct relay *r = ud;
  if (!r->fn) return;
  unsigned line = 0, col = 0;
  if (d->loc.src) ts_source_linecol((struct ts_source *)d->loc.src, d->loc.off, &line, &col);
  char *text;
  ts_diag_format(d, &text);
  r->fn(r->ud, (int)d->sev, d->loc.src ? d->loc.src->name : NULL, line, col, d->msg,
        text ? text : d->msg);
  ts_free(text);
}

tilesim_module *tilesim_parse(const char *name, const char *text, size_t len,
                              tilesim_diag_fn fn, void *ud) {
  struct relay r = { fn, ud };
  struct ts_diag_sink sink = { relay, &r, 0, 0 };
  struct ir_module *m = ir_parse_text(name, text, len, &sink);
  if (!m) return NULL;
  tilesim_module *t = ts_malloc(sizeof *t);
  if (!t) { ir_module_free(m); return NULL; }
  t->m = m;
  return t;
}

unsigned tilesim_verify(const tilesim_module *t, tilesim_diag_fn fn, void *ud) {
  struct relay r = { fn, ud };
  struct ts_diag_sink sink = { relay, &r, 0, 0 };
  return ir_verify(t->m, &sink);
}

char *tilesim_print(const tilesim_module *t) {
  struct ts_buf b = {0};
  if (ir_print(t->m, &b)) { ts_buf_free(&b); return NULL; }
  return b.s;
}

void tilesim_free(void *p) { ts_free(p); }

void tilesim_module_free(tilesim_module *t) {
  if (!t) return;
  ir_module_free(t->m);
  ts_free(t);
}
