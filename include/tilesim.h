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
/* Verify; returns the number of errors reported. */
unsigned tilesim_verify(const tilesim_module *m, tilesim_diag_fn fn, void *ud);
/* The canonical text; free it with tilesim_free(). NULL if out of memory. */
char *tilesim_print(const tilesim_module *m);
void tilesim_free(void *p);
void tilesim_module_free(tilesim_module *m);

#ifdef __cplusplus
}
#endif
#endif
