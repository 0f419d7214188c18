/*
** cli_bc.c -- `tilesim asm` (text to bytecode) and `tilesim dis`
** (bytecode to canonical text).
*/
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ir.h"

static void drop_diag(void *ud, const struct ts_diag *d) { (void)ud; (void)d; }

/* The oldest version that can express m, tried quietly; -1 if none. */
static int oldest_version(const struct ir_module *m, struct ts_buf *out) {
  for (int v = IR_VERSION_MIN; v <= IR_VERSION_MAX; v++) {
    struct ts_diag_sink quiet = { drop_diag, NULL, 0, 0 };
    out->len = 0;
    if (!ir_write_bytecode(m, v, out, &quiet)) return v;
  }
  return -1;
}

static int write_file(const char *path, const char *data, size_t n) {
  FILE *f = strcmp(path, "-") ? fopen(path, "wb") : stdout;
  if (!f || fwrite(data, 1, n, f) != n || (f != stdout && fclose(f))) {
    fprintf(stderr, "tilesim: cannot write '%s': %s\n", path, strerror(errno));
    return EXIT_SYSTEM;
  }
  return EXIT_OK;
}

/* asm IN -o OUT [--version 13.x]: verify IN (text or bytecode), write
** bytecode of that version, by default the oldest one that can express
** the module (what the most drivers read). */
int cmd_asm(int argc, char **argv) {
  const char *in = NULL, *out = NULL, *ver = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(argv[i], "--version") && i + 1 < argc) ver = argv[++i];
    else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      puts("usage: tilesim asm IN -o OUT [--version 13.1|13.2|13.3|13.4]\n(see 'tilesim help asm')");
      return EXIT_OK;
    } else if (argv[i][0] == '-' && argv[i][1]) { cli_usage_error("asm", "unknown option '%s'", argv[i]); return EXIT_USAGE; }
    else if (!in) in = argv[i];
    else { cli_usage_error("asm", "%s", "asm takes one input file"); return EXIT_USAGE; }
  }
  if (!in) { cli_usage_error("asm", "%s", "asm: no input file"); return EXIT_USAGE; }
  if (!out) { cli_usage_error("asm", "%s", "asm: no output file (-o OUT, '-' for stdout)"); return EXIT_USAGE; }
  int version = ver ? ir_version_parse(ver) : 0;
  if (version < 0) { cli_usage_error("asm", "unsupported bytecode version '%s' (13.1 to 13.4)", ver); return EXIT_USAGE; }
  size_t len;
  char *text = cli_read_file(in, &len);
  if (!text) return EXIT_SYSTEM;
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  struct ir_module *m = cli_load(in, text, len, &sink, NULL);
  int rc = m ? EXIT_OK : EXIT_INVALID;
  struct ts_buf b = {0};
  if (m && version && ir_write_bytecode(m, version, &b, &sink)) rc = EXIT_INVALID;
  if (m && !version && oldest_version(m, &b) < 0)   /* say why the newest cannot */
    rc = ir_write_bytecode(m, IR_VERSION_MAX, &b, &sink) ? EXIT_INVALID : EXIT_OK;
  if (!rc) rc = write_file(out, b.s ? b.s : "", b.len);
  ts_buf_free(&b);
  ir_module_free(m);
  free(text);
  return rc;
}

/* dis FILE [-o OUT] [--print-debuginfo]: the canonical text of a
** bytecode file, not verified: a disassembler shows what is there.  A
** text file is shown as its bytecode would be: values numbered, no
** names or locations, the module @kernels. */
int cmd_dis(int argc, char **argv) {
  const char *in = NULL, *out = "-";
  bool debuginfo = false;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(argv[i], "--print-debuginfo")) debuginfo = true;
    else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      puts("usage: tilesim dis FILE [-o OUT] [--print-debuginfo]\n(see 'tilesim help dis')");
      return EXIT_OK;
    } else if (argv[i][0] == '-' && argv[i][1]) { cli_usage_error("dis", "unknown option '%s'", argv[i]); return EXIT_USAGE; }
    else if (!in) in = argv[i];
    else { cli_usage_error("dis", "%s", "dis takes one input file"); return EXIT_USAGE; }
  }
  if (!in) { cli_usage_error("dis", "%s", "dis: no input file"); return EXIT_USAGE; }
  size_t len;
  char *data = cli_read_file(in, &len);
  if (!data) return EXIT_SYSTEM;
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  struct ir_module *m = ir_is_bytecode(data, len) ? ir_read_bytecode(in, data, len, &sink)
                                                   : ir_parse_text(in, data, len, &sink);
  int rc = m ? EXIT_OK : EXIT_INVALID;
  if (m && !ir_is_bytecode(data, len)) ir_strip_names(m);   /* as bytecode would keep it */
  struct ts_buf b = {0};
  if (m && (debuginfo ? ir_print_debuginfo(m, &b) : ir_print(m, &b))) rc = EXIT_SYSTEM;
  if (!rc) rc = write_file(out, b.s ? b.s : "", b.len);
  ts_buf_free(&b);
  ir_module_free(m);
  free(data);
  return rc;
}
