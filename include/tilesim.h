/*
** tilesim.h -- the public C API of libtilesim: read, check and print CUDA
** Tile IR.  Everything here is prefixed tilesim_; nothing else is exported.
*/
#ifndef TILESIM_H
#define TILESIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, "MAJOR.MINOR.PATCH". */
const char *tilesim_version(void);

typedef struct tilesim_module tilesim_module;

/* A diagnostic: severity 0 error, 1 warning, 2 note; file/line/col may be
** NULL/0; text is the whole message as the CLI prints it (with the source
** line and caret). */
typedef void (*tilesim_diag_fn)(void *ud, int severity, const char *file,
                                unsigned line, unsigned col, const char *msg,
                                const char *text);

/* Parse Tile IR text; NULL on error (reported through fn, if not NULL). */
tilesim_module *tilesim_parse(const char *name, const char *text, size_t len,
                              tilesim_diag_fn fn, void *ud);
/* Load a kernel in either form: Tile IR text, or bytecode (.tileirbc,
** versions 13.1 to 13.4, recognized by its magic number).  Not verified.
** NULL on error (reported through fn, if not NULL). */
tilesim_module *tilesim_load(const char *name, const void *data, size_t len,
                             tilesim_diag_fn fn, void *ud);
/* Write m as bytecode of version ("13.1" .. "13.4"; NULL: the oldest that
** can express m) into *out (free it with tilesim_free()), its size in
** *len.  0 on success; -1 when the version cannot express m or is not
** supported (reported through fn). */
int tilesim_write_bytecode(const tilesim_module *m, const char *version, void **out,
                           size_t *len, tilesim_diag_fn fn, void *ud);
/* Verify; returns the number of errors reported. */
unsigned tilesim_verify(const tilesim_module *m, tilesim_diag_fn fn, void *ud);
/* The canonical text; free it with tilesim_free(). NULL if out of memory. */
char *tilesim_print(const tilesim_module *m);
void tilesim_free(void *p);
void tilesim_module_free(tilesim_module *m);

/* ---- running a kernel on host buffers ----
** One struct tilesim_arg per argument, in parameter order.  Scalars fill one
** parameter: INT and FLOAT are converted to the parameter's element type
** (an INT must fit; a FLOAT rounds to nearest even), BITS are the raw bits
** of 'type', which must be the parameter's.  Arrays live in host memory at
** 'data' (element type 'type', 'rank' dims 'shape', 'strides' in elements,
** NULL = row-major) and are copied in before and back after the run.
** ARRAY fills one pointer parameter; CUTILE fills 1 + 2*rank parameters
** as cuTile Python passes an array: pointer, shape..., strides....
** Element types are spelled as in Tile IR, any case: "i32", "bf16",
** "f8E4M3FN". */
enum {
  TILESIM_ARG_INT, TILESIM_ARG_FLOAT, TILESIM_ARG_BITS, TILESIM_ARG_ARRAY, TILESIM_ARG_CUTILE
};
struct tilesim_arg {
  int kind;                       /* TILESIM_ARG_* */
  const char *type;               /* BITS and arrays; NULL for INT and FLOAT */
  long long i;                    /* INT */
  double f;                       /* FLOAT */
  unsigned long long bits;        /* BITS */
  void *data;                     /* arrays */
  int rank;
  const long long *shape, *strides;
};

struct tilesim_run_opts {
  int threads;                    /* 0: OpenMP's default */
  const char *numerics;           /* "fma", "exact", a GPU profile ("sm90", "H100"), or NULL:
                                  ** the default hardware description's (b200: sm100) */
  unsigned long long max_iterations;  /* per tile block; 0: the default */
  int check_assumes;              /* fail when an assume predicate is false */
};

/* Verify m and run its entry 'entry' (NULL: the only one) over grid
** (x, y, z) with args; opts may be NULL.  Returns 0, or -1 with a message
** in err (errlen bytes, NUL-terminated); arrays are written back only
** after a run that succeeded.  print_tko's text goes to out(ud, text)
** (in grid order) when out is not NULL. */
int tilesim_run(const tilesim_module *m, const char *entry, const unsigned grid[3],
                const struct tilesim_arg *args, int nargs,
                const struct tilesim_run_opts *opts,
                void (*out)(void *ud, const char *text), void *ud,
                char *err, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
