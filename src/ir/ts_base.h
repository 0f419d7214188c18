/*
** ts_base.h -- what every layer shares: the allocation hook, arenas,
** source files and the diagnostic sink.
*/
#ifndef TILESIM_TS_BASE_H
#define TILESIM_TS_BASE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* All allocation goes through these, so that a test build can make the
** Nth allocation fail (--enable-alloc-fail, TILESIM_ALLOC_FAIL=N). */
void *ts_malloc(size_t n);
void *ts_realloc(void *p, size_t n);
void ts_free(void *p);

/*
** An arena: memory that is handed out piece by piece and freed all at
** once.  IR modules live in one, so nothing in the IR is freed singly.
** ts_arena_alloc() returns zeroed memory, or NULL when out of memory.
*/
struct ts_arena_chunk;
struct ts_arena {
  struct ts_arena_chunk *head;
  size_t used, cap;
};
void ts_arena_init(struct ts_arena *a);
void ts_arena_free(struct ts_arena *a);
void *ts_arena_alloc(struct ts_arena *a, size_t n);
char *ts_arena_strndup(struct ts_arena *a, const char *s, size_t n);

/* A source file: its name, its bytes and (computed lazily) its line table. */
struct ts_source {
  const char *name;
  const char *text;
  size_t len;
  uint32_t *lines;          /* offsets of line starts */
  size_t nlines;
};

/* A location: a byte range of a source (src may be NULL: no location). */
struct ts_loc {
  const struct ts_source *src;
  uint32_t off, len;
};

enum ts_severity { TS_ERROR, TS_WARNING, TS_NOTE };

/* One diagnostic, as handed to a sink. */
struct ts_diag {
  enum ts_severity sev;
  struct ts_loc loc;
  const char *msg;
};

/*
** Where diagnostics go.  Library code never prints: it calls emit().
** The CLI installs a printer to stderr; tests install a collector.
*/
struct ts_diag_sink {
  void (*emit)(void *ud, const struct ts_diag *d);
  void *ud;
  unsigned nerrors, nwarnings;
};

void ts_diag_emit(struct ts_diag_sink *s, enum ts_severity sev,
                  struct ts_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void ts_diag_vemit(struct ts_diag_sink *s, enum ts_severity sev,
                   struct ts_loc loc, const char *fmt, va_list ap);

/* Line and column (1-based) of a byte offset of a source. */
void ts_source_linecol(struct ts_source *src, uint32_t off,
                       unsigned *line, unsigned *col);
/* Format a diagnostic GNU-style, with the source line and a caret. */
void ts_diag_format(const struct ts_diag *d, char **out);

/* A growable string buffer. */
struct ts_buf {
  char *s;
  size_t len, cap;
  int oom;
};
void ts_buf_putc(struct ts_buf *b, char c);
void ts_buf_puts(struct ts_buf *b, const char *s);
void ts_buf_putn(struct ts_buf *b, const char *s, size_t n);
void ts_buf_printf(struct ts_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ts_buf_free(struct ts_buf *b);

#endif
