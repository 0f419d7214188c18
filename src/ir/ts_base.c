/*
** ts_base.c -- allocation hook, arenas, diagnostics and string buffers.
*/
#include <config.h>
#include "ts_base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef TS_ALLOC_FAIL
#include <stdatomic.h>
/* Test builds only: TILESIM_ALLOC_FAIL=N makes the Nth allocation (and
** every later one) fail, so every out-of-memory path can be exercised. */
static _Atomic long alloc_count;
static int alloc_fails(void) {
  const char *e = getenv("TILESIM_ALLOC_FAIL");
  if (!e) return 0;
  return ++alloc_count >= atol(e);
}
#else
static int alloc_fails(void) { return 0; }
#endif

void *ts_malloc(size_t n) { return alloc_fails() ? NULL : malloc(n ? n : 1); }
void *ts_realloc(void *p, size_t n) {
  return alloc_fails() ? NULL : realloc(p, n ? n : 1);
}
void ts_free(void *p) { free(p); }

/* ---- arenas ---- */

struct ts_arena_chunk {
  struct ts_arena_chunk *next;
  max_align_t data[];
};

enum { CHUNK_MIN = 64 * 1024 };

void ts_arena_init(struct ts_arena *a) { memset(a, 0, sizeof *a); }

void ts_arena_free(struct ts_arena *a) {
  struct ts_arena_chunk *c = a->head, *next;
  for (; c; c = next) { next = c->next; ts_free(c); }
  memset(a, 0, sizeof *a);
}

void *ts_arena_alloc(struct ts_arena *a, size_t n) {
  size_t align = sizeof(max_align_t);
  n = (n + align - 1) / align * align;
  if (!a->head || a->used + n > a->cap) {
    size_t cap = n > CHUNK_MIN ? n : CHUNK_MIN;
    struct ts_arena_chunk *c = ts_malloc(sizeof *c + cap);
    if (!c) return NULL;
    c->next = a->head;
    a->head = c;
    a->used = 0;
    a->cap = cap;
  }
  char *p = (char *)a->head->data + a->used;
  a->used += n;
  memset(p, 0, n);
  return p;
}

char *ts_arena_strndup(struct ts_arena *a, const char *s, size_t n) {
  char *p = ts_arena_alloc(a, n + 1);
  if (p) { memcpy(p, s, n); p[n] = 0; }
  return p;
}

/* ---- diagnostics ---- */

void ts_diag_vemit(struct ts_diag_sink *s, enum ts_severity sev,
                   struct ts_loc loc, const char *fmt, va_list ap) {
  char msg[1024];
  vsnprintf(msg, sizeof msg, fmt, ap);
  if (sev == TS_ERROR) s->nerrors++;
  else if (sev == TS_WARNING) s->nwarnings++;
  struct ts_diag d = { sev, loc, msg };
  if (s->emit) s->emit(s->ud, &d);
}

void ts_diag_emit(struct ts_diag_sink *s, enum ts_severity sev,
                  struct ts_loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ts_diag_vemit(s, sev, loc, fmt, ap);
  va_end(ap);
}

/* Build the line table on first use: sources are immutable once read. */
static int build_lines(struct ts_source *src) {
  size_t n = 1;
  for (size_t i = 0; i < src->len; i++) n += src->text[i] == '\n';
  src->lines = ts_malloc(n * sizeof *src->lines);
  if (!src->lines) return -1;
  src->lines[0] = 0;
  src->nlines = 1;
  for (size_t i = 0; i < src->len; i++)
    if (src->text[i] == '\n') src->lines[src->nlines++] = (uint32_t)(i + 1);
  return 0;
}

void ts_source_linecol(struct ts_source *src, uint32_t off,
                       unsigned *line, unsigned *col) {
  *line = *col = 0;
  if (!src || (!src->lines && build_lines(src))) return;
  size_t lo = 0, hi = src->nlines;     /* last line start <= off */
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (src->lines[mid] <= off) lo = mid; else hi = mid;
  }
  *line = (unsigned)lo + 1;
  *col = off - src->lines[lo] + 1;
}

static const char *const sev_name[] = { "error", "warning", "note" };

void ts_diag_format(const struct ts_diag *d, char **out) {
  struct ts_buf b = {0};
  struct ts_source *src = (struct ts_source *)d->loc.src;
  if (!src) {
    ts_buf_printf(&b, "tilesim: %s: %s\n", sev_name[d->sev], d->msg);
  } else {
    unsigned line, col;
    ts_source_linecol(src, d->loc.off, &line, &col);
    ts_buf_printf(&b, "%s:%u:%u: %s: %s\n", src->name, line, col,
                  sev_name[d->sev], d->msg);
    if (line) {
      const char *s = src->text + src->lines[line - 1], *e = s;
      while (e < src->text + src->len && *e != '\n') e++;
      ts_buf_putn(&b, s, (size_t)(e - s));
      ts_buf_putc(&b, '\n');
      for (unsigned i = 1; i < col; i++) ts_buf_putc(&b, s[i - 1] == '\t' ? '\t' : ' ');
      ts_buf_putc(&b, '^');
      unsigned n = d->loc.len;
      for (unsigned i = 1; i < n && s + col - 1 + i < e; i++) ts_buf_putc(&b, '~');
      ts_buf_putc(&b, '\n');
    }
  }
  *out = b.oom ? NULL : b.s;
  if (b.oom) ts_buf_free(&b);
}

/* ---- string buffers ---- */

static int grow(struct ts_buf *b, size_t extra) {
  if (b->oom) return -1;
  if (b->len + extra + 1 <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + extra + 1) cap *= 2;
  char *s = ts_realloc(b->s, cap);
  if (!s) { b->oom = 1; return -1; }
  b->s = s;
  b->cap = cap;
  return 0;
}

void ts_buf_putn(struct ts_buf *b, const char *s, size_t n) {
  if (grow(b, n)) return;
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = 0;
}
void ts_buf_putc(struct ts_buf *b, char c) { ts_buf_putn(b, &c, 1); }
void ts_buf_puts(struct ts_buf *b, const char *s) { ts_buf_putn(b, s, strlen(s)); }

void ts_buf_printf(struct ts_buf *b, const char *fmt, ...) {
  va_list ap;
  if (grow(b, 64)) return;                 /* most fit: format once */
  va_start(ap, fmt);
  int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
  va_end(ap);
  if (n < 0) { b->s[b->len] = 0; return; }
  if ((size_t)n >= b->cap - b->len) {      /* did not fit: grow, format again */
    if (grow(b, (size_t)n)) { b->s[b->len] = 0; return; }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  b->len += (size_t)n;
}

void ts_buf_free(struct ts_buf *b) { ts_free(b->s); memset(b, 0, sizeof *b); }
