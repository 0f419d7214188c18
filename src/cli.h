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

#endif
