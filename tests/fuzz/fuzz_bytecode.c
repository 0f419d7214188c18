/*
** fuzz_bytecode.c -- a libFuzzer target for the bytecode reader and
** writer.  See tests/fuzz/README.md for how to build and run.
**
** For each input:
**   1. read it (ir_read_bytecode); most inputs stop here with one
**      diagnostic;
**   2. print the module (ir_print, ir_print_debuginfo): the printer must
**      take whatever the reader accepts;
**   3. when it verifies, write it again at the file's version and read
**      that back: the two modules must print the same text, and writing
**      the second must give the same bytes (a round trip is a fixed point).
**      Its text must also parse, verify and print the same (ir_load).
** A broken round trip aborts, so libFuzzer keeps the input as a crash.
*/
#include <config.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__asan_default_options(void);

const char *__asan_default_options(void) { return "max_malloc_fill_size=1048576"; }

static void discard(void *ud, const struct ts_diag *d) {
  (void)ud;
  char *s = NULL;
  ts_diag_format(d, &s);
  free(s);
}

static void show(void *ud, const struct ts_diag *d) {
  (void)ud;
  char *s = NULL;
  ts_diag_format(d, &s);
  fprintf(stderr, "%s", s ? s : d->msg);
  free(s);
}

static void fail(const char *what, const struct ts_buf *a, const struct ts_buf *b) {
  fprintf(stderr, "\n*** fuzz_bytecode: %s\n--- first ---\n%s", what, a && a->s ? a->s : "");
  if (b) fprintf(stderr, "--- second ---\n%s", b->s ? b->s : "");
  fprintf(stderr, "--- end ---\n");
  abort();
}

static bool same(const struct ts_buf *a, const struct ts_buf *b) {
  return a->len == b->len && (!a->len || !memcmp(a->s, b->s, a->len));
}

/* m verified: bytes -> module -> bytes -> module must be a fixed point. */
static void round_trip(struct ir_module *m, const struct ts_buf *text) {
  struct ts_diag_sink quiet = { discard, NULL, 0, 0 }, loud = { show, NULL, 0, 0 };
  struct ts_buf bc1 = {0}, bc2 = {0}, text2 = {0}, text3 = {0};
  if (ir_write_bytecode(m, m->version, &bc1, &quiet)) goto out;  /* a refusal is fine */
  struct ir_module *m2 = ir_read_bytecode("rt", bc1.s, bc1.len, &loud);
  if (!m2) fail("cannot read what was written", text, NULL);
  ir_print(m2, &text2);
  if (!same(text, &text2)) fail("text changed by a write and a read", text, &text2);
  if (ir_write_bytecode(m2, m2->version, &bc2, &loud) || !same(&bc1, &bc2))
    fail("writing the read module gave other bytes", text, &text2);
  ir_module_free(m2);
  struct ir_module *m3 = ir_load("rt", bc1.s, bc1.len, &loud);
  if (!m3) fail("the printed text does not parse", text, NULL);
  if (ir_verify(m3, &loud)) fail("the printed text does not verify", text, NULL);
  ir_strip_names(m3);
  ir_print(m3, &text3);
  if (!same(text, &text3)) fail("text changed by a print and a parse", text, &text3);
  ir_module_free(m3);
out:
  ts_buf_free(&bc1);
  ts_buf_free(&bc2);
  ts_buf_free(&text2);
  ts_buf_free(&text3);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct ts_diag_sink sink = { discard, NULL, 0, 0 };
  struct ir_module *m = ir_read_bytecode("fuzz.tileirbc", data, size, &sink);
  if (!m) return 0;
  struct ts_buf text = {0}, dbg = {0};
  ir_print(m, &text);
  ir_print_debuginfo(m, &dbg);
  if (!ir_verify(m, &sink)) round_trip(m, &text);
  ts_buf_free(&text);
  ts_buf_free(&dbg);
  ir_module_free(m);
  return 0;
}
