/* testlib.c -- helpers shared by the Check suites. */
#include <config.h>
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void collect(void *ud, const struct ts_diag *d) {
  struct tt_diags *t = ud;
  size_t n = strlen(t->text);
  if (!t->first_line && d->loc.src) {
    unsigned line, col;
    ts_source_linecol((struct ts_source *)d->loc.src, d->loc.off, &line, &col);
    t->first_line = line;
  }
  snprintf(t->text + n, sizeof t->text - n, "%s\n", d->msg);
}

void tt_diags_init(struct tt_diags *d) {
  memset(d, 0, sizeof *d);
  d->sink.emit = collect;
  d->sink.ud = d;
}

struct ir_module *tt_parse(const char *text, struct tt_diags *d) {
  return ir_parse_text("t.mlir", text, strlen(text), &d->sink);
}

unsigned tt_verify(const char *text, struct tt_diags *d) {
  struct ir_module *m = tt_parse(text, d);
  if (!m) return 1;
  unsigned n = ir_verify(m, &d->sink);
  ir_module_free(m);
  return n;
}

char *tt_fmt(const char *text) {
  struct tt_diags d;
  tt_diags_init(&d);
  struct ir_module *m = tt_parse(text, &d);
  if (!m) return NULL;
  struct ts_buf b = {0};
  if (ir_verify(m, &d.sink) || ir_print(m, &b)) { ir_module_free(m); ts_buf_free(&b); return NULL; }
  ir_module_free(m);
  return b.s;
}
