/*
** fuzz_parse.c -- a libFuzzer target for the text front end: parser,
** verifier and printer.  See tests/fuzz/README.md for how to build and run.
**
** For each input:
**   1. parse it (ir_parse_text); most inputs stop here with a diagnostic;
**   2. verify it (ir_verify) and, when it verifies, print it (ir_print and
**      ir_print_debuginfo), as tilesim fmt does.  With FUZZ_PRINT_INVALID=1
**      in the environment, modules the verifier rejects are printed too
**      (the printers then meet shapes only the verifier rules out);
**   3. when the module verified, each printed text must parse and verify
**      again, and printing that the same way must give the same text byte
**      for byte (fmt is a fixed point).  A difference is a printer (or
**      parser) bug and aborts, so libFuzzer keeps the input as a crash.
** Diagnostics are formatted (which exercises ts_diag_format on every
** location the parser and verifier report) and then dropped.
*/
#include <config.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__asan_default_options(void);

/* ASan fills only the first 4 KiB of each malloc'd block with garbage by
** default; fill all of it, so that a read of a field the parser forgot to
** set (struct opbuild is 5 KiB) gives 0xbe bytes instead of a lucky zero. */
const char *__asan_default_options(void) { return "max_malloc_fill_size=1048576"; }

typedef int print_fn(const struct ir_module *m, struct ts_buf *b);

/* Set once, before the first input, from FUZZ_PRINT_INVALID. */
static bool print_invalid;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *e = getenv("FUZZ_PRINT_INVALID");
  print_invalid = e && *e && strcmp(e, "0");
  return 0;
}

/* The sink: format the diagnostic, as the CLI would, and drop it. */
static void discard(void *ud, const struct ts_diag *d) {
  (void)ud;
  char *s = NULL;
  ts_diag_format(d, &s);
  free(s);
}

/* A sink that shows the diagnostic: used only on the way to an abort. */
static void show(void *ud, const struct ts_diag *d) {
  (void)ud;
  char *s = NULL;
  ts_diag_format(d, &s);
  fprintf(stderr, "%s", s ? s : d->msg);
  free(s);
}

/* Report a broken round trip, with both texts, and abort. */
static void fail(const char *how, const char *what, const struct ts_buf *a,
                 const struct ts_buf *b) {
  fprintf(stderr, "\n*** fuzz_parse (%s): %s\n--- first print ---\n%s", how, what,
          a->s ? a->s : "");
  if (b) fprintf(stderr, "--- second print ---\n%s", b->s ? b->s : "");
  fprintf(stderr, "--- end ---\n");
  abort();
}

/*
** Parse text (n bytes); on success verify it and, if it verifies (or
** print_invalid), print it with each of the printers pf[0..np) into
** out[0..np).  Returns -1 when it does not parse, otherwise the
** verifier's error count.
*/
static long parse_print(const char *text, size_t n, struct ts_diag_sink *sink,
                        print_fn *const *pf, struct ts_buf *out, int np) {
  struct ir_module *m = ir_parse_text("fuzz.mlir", text, n, sink);
  if (!m) return -1;
  long nerr = (long)ir_verify(m, sink);
  for (int i = 0; i < np && (nerr == 0 || print_invalid); i++) pf[i](m, &out[i]);
  ir_module_free(m);
  return nerr;
}

/* Step 3 for one printer: 'once' is what it printed from the input. */
static void check_fixpoint(const char *how, print_fn *pf, const struct ts_buf *once) {
  if (once->oom) return;
  struct ts_diag_sink loud = { show, NULL, 0, 0 };
  struct ts_buf twice = {0};
  long nerr = parse_print(once->s, once->len, &loud, &pf, &twice, 1);
  if (nerr < 0) fail(how, "the printed text does not parse", once, NULL);
  if (nerr > 0) fail(how, "the printed text does not verify", once, NULL);
  if (!twice.oom && (once->len != twice.len || memcmp(once->s, twice.s, once->len)))
    fail(how, "printing the printed text gives a different text", once, &twice);
  ts_buf_free(&twice);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static print_fn *const printers[2] = { ir_print, ir_print_debuginfo };
  static const char *const names[2] = { "ir_print", "ir_print_debuginfo" };
  struct ts_diag_sink quiet = { discard, NULL, 0, 0 };
  struct ts_buf once[2] = { {0}, {0} };
  long nerr = parse_print((const char *)data, size, &quiet, printers, once, 2);
  for (int i = 0; i < 2; i++) {
    if (nerr == 0) check_fixpoint(names[i], printers[i], &once[i]);
    ts_buf_free(&once[i]);
  }
  return 0;
}
