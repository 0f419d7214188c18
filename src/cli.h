/*
** cli.h -- what the files of the command-line tool share.
*/
#ifndef TILESIM_CLI_H
#define TILESIM_CLI_H

#include <stddef.h>

#include "ir.h"

/* Exit statuses (also in the man page, EXIT STATUS). */
enum {
  EXIT_OK = 0,       /* success */
  EXIT_INVALID = 1,  /* the input is invalid, the kernel failed, or a check failed */
  EXIT_USAGE = 2,    /* bad command line */
  EXIT_SYSTEM = 3,   /* a file could not be read or written, out of memory */
};

/* A diagnostic sink callback that prints to stderr. */
void cli_print_diag(void *ud, const struct ts_diag *d);
/* "tilesim: <fmt with arg>" and a hint to stderr. */
void cli_usage_error(const char *cmd, const char *fmt, const char *arg);
/* A whole file ("-": stdin), NUL-terminated; NULL after a message. */
char *cli_read_file(const char *path, size_t *len);
/* Parse and verify; NULL after the diagnostics went to sink. */
struct ir_module *cli_load(const char *name, const char *text, size_t len,
                           struct ts_diag_sink *sink, const struct ir_verify_opts *vo);

int cmd_run(int argc, char **argv);
int cmd_hw(int argc, char **argv);
int cmd_mma_check(int argc, char **argv);
int cmd_sweep(int argc, char **argv);

/* `tilesim perf` options that show predictions (cli_perf_view.c): several
** --hw side by side, --timeline FILE.json.gz [--timeline-sms A-B], --report FILE.html,
** --roofline FILE.svg. */
enum { CLI_PERF_MAXHW = 16 };
struct cli_perf_view {
  const char *hw[CLI_PERF_MAXHW];
  int nhw;
  bool too_many, sms_set;
  const char *timeline, *report, *roofline;
  unsigned sm_first, sm_last;
};
/* Record one --hw; returns hw. */
const char *cli_perf_view_hw(struct cli_perf_view *v, const char *hw);
/* 0: not one of these options; 2: taken with its value val; -1: after a usage message. */
int cli_perf_view_option(struct cli_perf_view *v, const char *opt, const char *val);
bool cli_perf_view_wanted(const struct cli_perf_view *v);
struct sim_value;
struct sim_mem;
struct cli_perf_job {
  const struct cli_perf_view *view;
  const char *kernel;
  const struct ir_module *m;
  const struct ir_op *entry;
  uint32_t grid[3];
  const struct sim_value *vals;
  struct sim_mem *mem;
  const char *const *sets;
  int nsets, threads;
  bool json, explain;
  int argc;                    /* the command line, for the report */
  char **argv;
};
/* Trace once, predict on every description, print, write the pictures; an exit status. */
int cli_perf_view(const struct cli_perf_job *j);
int cmd_perf(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_asm(int argc, char **argv);
int cmd_dis(int argc, char **argv);
/* Bind the argument specs (positional or NAME=SPEC, as `tilesim run`
** takes them) to the parameters of entry: scalars into vals, arrays into
** mem (shape-only arrays reserved, not allocated); n specs, vals has one
** slot per parameter.  0, or -1 after a message on stderr (cli_perf.c). */
enum { CLI_BIND_NO_CUTILE = 1 };  /* reject :cutile arrays */
int cli_bind_args(struct sim_mem *mem, const struct ir_op *entry, const char *const *specs,
                  int n, struct sim_value *vals, unsigned flags);
/* The prediction `tilesim run --hw NAME` prints after a run (cli_perf.c). */
int cli_perf_after_run(const struct ir_module *m, const struct ir_op *entry,
                       const uint32_t grid[3], const struct sim_value *vals, struct sim_mem *mem,
                       const char *hw);

#endif
