/*
** bc_load.c -- one entry point for both forms of a kernel: text or
** bytecode, told apart by the magic number.
*/
#include <config.h>
#include "bc_int.h"

#include <string.h>

/*
** Bytecode has no text to point diagnostics at, so it is printed (with
** its debug locations) and the text parsed again: from then on, a
** bytecode module is exactly the module of its canonical text, and the
** verifier's messages quote lines of that text.
*/
struct ir_module *ir_load(const char *name, const void *data, size_t len,
                          struct ts_diag_sink *sink) {
  if (!ir_is_bytecode(data, len)) return ir_parse_text(name, data, len, sink);
  struct ir_module *bc = ir_read_bytecode(name, data, len, sink);
  if (!bc) return NULL;
  struct ts_buf b = {0};
  int version = bc->version;
  int rc = ir_print_debuginfo(bc, &b);
  ir_module_free(bc);
  if (rc) {
    ts_buf_free(&b);
    ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "out of memory");
    return NULL;
  }
  struct ir_module *m = ir_parse_text(name, b.s ? b.s : "", b.len, sink);
  ts_buf_free(&b);
  if (m) m->version = version;
  return m;
}

int ir_version_parse(const char *s) {
  static const char *const names[] = { "13.1", "13.2", "13.3", "13.4" };
  for (int i = 0; i < 4; i++)
    if (!strcmp(s, names[i])) return IR_VERSION_MIN + i;
  return -1;
}

static void strip_block(struct ir_block *b);

static void strip_op(struct ir_op *op) {
  op->loc_text = NULL;
  for (int i = 0; i < op->nout; i++) op->out[i].name = NULL;
  for (int i = 0; i < op->nregions; i++)
    if (op->regions[i].block) strip_block(op->regions[i].block);
}

static void strip_block(struct ir_block *b) {
  for (int i = 0; i < b->nargs; i++) b->args[i].name = NULL;
  for (struct ir_op *op = b->first; op; op = op->next) strip_op(op);
}

/* What bytecode keeps of a module's text: no value names (values print
** as their numbers), no locations, the module named @kernels. */
void ir_strip_names(struct ir_module *m) {
  for (struct ir_op *op = m->op; op; op = op->next) {
    strip_op(op);
    op->attr.str = "kernels";
  }
  m->name = "kernels";
  m->naliases = 0;
  /* without a source, unnamed results print as numbers (ir_print.c) */
  if (m->src) { ts_free(m->src->lines); m->src->lines = NULL; m->src->nlines = 0; }
  m->src = NULL;
}
