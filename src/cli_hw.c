/*
** cli_hw.c -- `tilesim hw validate FILE...` and
** `tilesim hw show FILE|NAME [--set PATH=VALUE]...`: check hardware
** descriptions, and print one (after what-if changes) with the provenance
** of every number.
*/
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "hw.h"
#include "whatif.h"

static const char hw_usage[] =
  "usage: tilesim hw validate FILE...\n"
  "       tilesim hw show FILE|NAME [--set PATH=VALUE]...\n"
  "       tilesim hw diff A B\n"
  "\n"
  "validate  check descriptions against hwdesc/schema.rng and the semantic\n"
  "          rules (units, provenance, ranges); print every problem found\n"
  "show      print a description: every number with its unit, source and\n"
  "          reasoning; NAME is a description in the search path (b200,\n"
  "          h100, mi355x, ...) or one of its aliases\n"
  "  --set PATH=VALUE  change one number first, e.g. --set memory.hbm.bandwidth=10TB/s\n"
  "                    or --set sm.mma.bf16.m128n256k16.rate=16384 (see doc/hwdesc.md)\n"
  "diff      list what differs between descriptions A and B (files or names):\n"
  "          architecture, numerics profile and every number, by path\n"
  "\n"
  "Descriptions and the schema are looked up in $TILESIM_HWDESC, the installed\n"
  "data directory, then ./hwdesc.\n";

static int validate_one(const char *path) {
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  struct hw_desc *d;
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "tilesim: cannot read '%s': %s\n", path, strerror(errno));
    return EXIT_SYSTEM;
  }
  fclose(f);
  if (hw_desc_load(path, &d, &sink)) {
    if (sink.nerrors > 1) fprintf(stderr, "%s: %u errors\n", path, sink.nerrors);
    return EXIT_INVALID;
  }
  unsigned est = hw_desc_count_src(d, HW_SRC_ESTIMATE);
  printf("%s: ok (%s%s, %u estimate%s%s)\n", path, d->name, d->provisional ? ", provisional" : "",
         est, est == 1 ? "" : "s", sink.nwarnings ? ", with warnings" : "");
  hw_desc_free(d);
  return EXIT_OK;
}

static int hw_validate(int argc, char **argv) {
  if (argc < 1) { cli_usage_error("hw", "%s", "hw validate: no input file"); return EXIT_USAGE; }
  int rc = EXIT_OK;
  for (int i = 0; i < argc; i++) {
    int r = validate_one(argv[i]);
    if (r > rc) rc = r;
  }
  return rc;
}

static int hw_show(int argc, char **argv) {
  const char *name = NULL;
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--set")) { i++; continue; }
    if (!strncmp(argv[i], "--set=", 6)) continue;
    if (argv[i][0] == '-') { cli_usage_error("hw", "unknown option '%s'", argv[i]); return EXIT_USAGE; }
    if (name) { cli_usage_error("hw", "hw show: more than one description ('%s')", argv[i]); return EXIT_USAGE; }
    name = argv[i];
  }
  if (!name) { cli_usage_error("hw", "%s", "hw show: no description named"); return EXIT_USAGE; }
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  struct hw_desc *d;
  if (hw_desc_open(name, &d, &sink)) return EXIT_INVALID;
  for (int i = 0; i < argc; i++) {
    const char *arg = !strcmp(argv[i], "--set") ? (i + 1 < argc ? argv[++i] : NULL)
                    : !strncmp(argv[i], "--set=", 6) ? argv[i] + 6 : "";
    if (!arg) { cli_usage_error("hw", "%s", "--set needs PATH=VALUE"); hw_desc_free(d); return EXIT_USAGE; }
    if (*arg && hw_desc_set_arg(d, arg, &sink)) { hw_desc_free(d); return EXIT_USAGE; }
  }
  struct ts_buf b = {0};
  int rc = hw_desc_print(d, &b) ? EXIT_SYSTEM : EXIT_OK;
  if (!rc) fputs(b.s, stdout);
  else fprintf(stderr, "tilesim: out of memory\n");
  ts_buf_free(&b);
  hw_desc_free(d);
  return rc;
}

/* hw diff A B: the rows of hw_desc_diff(); exit 0 whether or not they differ. */
static int hw_diff(int argc, char **argv) {
  if (argc != 2) { cli_usage_error("hw", "%s", "hw diff: expected two descriptions"); return EXIT_USAGE; }
  struct ts_diag_sink sink = { cli_print_diag, NULL, 0, 0 };
  struct hw_desc *a = NULL, *b = NULL;
  if (hw_desc_open(argv[0], &a, &sink) || hw_desc_open(argv[1], &b, &sink)) {
    hw_desc_free(a);
    return EXIT_INVALID;
  }
  struct ts_buf out = {0};
  int rc = hw_desc_diff(a, b, &out) < 0 ? EXIT_SYSTEM : EXIT_OK;
  if (rc) fprintf(stderr, "tilesim: out of memory\n");
  else fputs(out.s, stdout);
  ts_buf_free(&out);
  hw_desc_free(a);
  hw_desc_free(b);
  return rc;
}

int cmd_hw(int argc, char **argv) {
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
    fputs(hw_usage, argc < 2 ? stderr : stdout);
    return argc < 2 ? EXIT_USAGE : EXIT_OK;
  }
  if (!strcmp(argv[1], "validate")) return hw_validate(argc - 2, argv + 2);
  if (!strcmp(argv[1], "show")) return hw_show(argc - 2, argv + 2);
  if (!strcmp(argv[1], "diff")) return hw_diff(argc - 2, argv + 2);
  cli_usage_error("hw", "unknown hw command '%s'", argv[1]);
  return EXIT_USAGE;
}
