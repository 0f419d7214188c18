/*
** perf_timeline.c -- a prediction's timeline as a Chrome trace (the JSON
** trace-event format that Perfetto and chrome://tracing open), gzip-
** compressed with zlib.  One process per simulated SM, one thread per
** unit within it, one complete ("X") event per task; times are in
** microseconds as the format wants, with 0.1 ns resolution.
*/
#include <config.h>

#include "whatif.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "ir.h"

void perf_timeline_add(void *ud, const struct perf_slice *s) {
  struct perf_timeline *tl = ud;
  if (tl->oom) return;
  if (tl->max && tl->n == tl->max) { tl->dropped++; return; }
  if (tl->n == tl->cap) {
    size_t cap = tl->cap ? 2 * tl->cap : 1024;
    struct perf_slice *p = ts_realloc(tl->s, cap * sizeof *p);
    if (!p) { tl->oom = 1; return; }
    tl->s = p; tl->cap = cap;
  }
  tl->s[tl->n++] = *s;
}

void perf_timeline_free(struct perf_timeline *tl) {
  ts_free(tl->s);
  tl->s = NULL;
  tl->n = tl->cap = 0;
}

/* The base name of path ("a/b/k.mlir" -> "k.mlir"), n bytes of it. */
static const char *base_name(const char *path, size_t *n) {
  const char *s = strrchr(path, '/');
  s = s ? s + 1 : path;
  *n = strlen(s);
  return s;
}

/*
** The file and line of a loc(...) annotation (what cuTile and Triton
** attach: the Python line) into buf: the first "file":LINE in it, so that
** loc("f.py":3:4), loc("name"("f.py":3:4)) and the callee of a callsite
** all name f.py:3.  False when there is none (no annotation, unknown, an
** alias such as #loc3).
*/
static bool annotated_line(const struct ir_op *op, char *buf, size_t n) {
  const char *q = op->loc_text, *e;
  for (; q && (q = strchr(q, '"')) && (e = strchr(q + 1, '"')); q = e + 1) {
    if (e[1] != ':' || e[2] < '1' || e[2] > '9') continue;
    long line = strtol(e + 2, NULL, 10);
    size_t len;
    char file[256];
    snprintf(file, sizeof file, "%.*s", (int)(e - q - 1), q + 1);
    const char *b = base_name(file, &len);
    snprintf(buf, n, "%.*s:%ld", (int)len, b, line);
    return true;
  }
  return false;
}

void perf_slice_name(const struct ir_op *op, char *buf, size_t n) {
  char where[300] = "";
  if (!op) { snprintf(buf, n, "(kernel)"); return; }
  if (!annotated_line(op, where, sizeof where) && op->loc.src) {
    unsigned line, col;
    size_t len;
    ts_source_linecol((struct ts_source *)op->loc.src, op->loc.off, &line, &col);
    const char *b = base_name(op->loc.src->name ? op->loc.src->name : "kernel", &len);
    snprintf(where, sizeof where, "%.*s:%u", (int)len, b, line);
  }
  snprintf(buf, n, "%s%s%s", ir_optab[op->code].name, where[0] ? " @ " : "", where);
}

/* s as a JSON string body (quotes, backslashes and control characters escaped). */
static void json_str(struct ts_buf *b, const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') { ts_buf_putc(b, '\\'); ts_buf_putc(b, (char)c); }
    else if (c < 0x20) ts_buf_printf(b, "\\u%04x", c);
    else ts_buf_putc(b, (char)c);
  }
}

/* The metadata events naming SM sm's process and its unit threads, for
** the units that appear in tl (seen[u] set). */
static void track_names(struct ts_buf *b, unsigned sm, const bool seen[PERF_NUNITS]) {
  ts_buf_printf(b, "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":%u,\"tid\":0,"
                "\"args\":{\"name\":\"SM %u\"}},\n", sm, sm);
  ts_buf_printf(b, "{\"ph\":\"M\",\"name\":\"process_sort_index\",\"pid\":%u,\"tid\":0,"
                "\"args\":{\"sort_index\":%u}},\n", sm, sm);
  for (int u = 0; u < PERF_NUNITS; u++) {
    if (!seen[u]) continue;
    ts_buf_printf(b, "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":%u,\"tid\":%d,"
                  "\"args\":{\"name\":\"%s\"}},\n", sm, u, perf_unit_name((enum perf_unit)u));
    ts_buf_printf(b, "{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":%u,\"tid\":%d,"
                  "\"args\":{\"sort_index\":%d}},\n", sm, u, u);
  }
}

/* Metadata for every SM that has slices, in SM order. */
static void all_track_names(struct ts_buf *b, const struct perf_timeline *tl) {
  unsigned hi = 0;
  for (size_t i = 0; i < tl->n; i++) if (tl->s[i].sm > hi) hi = tl->s[i].sm;
  bool (*seen)[PERF_NUNITS] = tl->n ? ts_malloc((hi + 1) * sizeof *seen) : NULL;
  if (!seen) return;
  memset(seen, 0, (hi + 1) * sizeof *seen);
  for (size_t i = 0; i < tl->n; i++)
    if ((unsigned)tl->s[i].unit < PERF_NUNITS) seen[tl->s[i].sm][tl->s[i].unit] = true;
  for (unsigned sm = 0; sm <= hi; sm++) {
    bool any = false;
    for (int u = 0; u < PERF_NUNITS; u++) any |= seen[sm][u];
    if (any) track_names(b, sm, seen[sm]);
  }
  ts_free(seen);
}

/* One slice as an "X" event; the op's name (and line) is its name. */
static void slice_event(struct ts_buf *b, const struct perf_slice *s, const struct sim_trace *t) {
  char name[400];
  perf_slice_name(s->op, name, sizeof name);
  ts_buf_puts(b, "{\"ph\":\"X\",\"name\":\"");
  json_str(b, name);
  ts_buf_printf(b, "\",\"cat\":\"%s\",\"pid\":%u,\"tid\":%d,\"ts\":%.4f,\"dur\":%.4f,\"args\":{",
                perf_unit_name(s->unit), s->sm, (int)s->unit, s->t0 * 1e6, (s->t1 - s->t0) * 1e6);
  if (t && s->block < t->nblk) {
    const uint32_t *bid = t->blk[s->block].bid;
    ts_buf_printf(b, "\"block\":\"(%u,%u,%u)\",", bid[0], bid[1], bid[2]);
  }
  ts_buf_printf(b, "\"block_index\":%zu}}", s->block);
}

void perf_timeline_json(struct ts_buf *b, const struct perf_timeline *tl,
                        const struct sim_trace *t, const char *title) {
  ts_buf_puts(b, "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"title\":\"");
  json_str(b, title ? title : "tilesim");
  ts_buf_printf(b, "\",\"slices\":%zu,\"dropped\":%zu},\n\"traceEvents\":[\n", tl->n, tl->dropped);
  all_track_names(b, tl);
  for (size_t i = 0; i < tl->n; i++) {
    slice_event(b, &tl->s[i], t);
    ts_buf_puts(b, i + 1 < tl->n ? ",\n" : "\n");
  }
  if (!tl->n) ts_buf_puts(b, "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":0,\"tid\":0,"
                             "\"args\":{\"name\":\"no slices\"}}\n");
  ts_buf_puts(b, "]}\n");
}

/* Write n bytes of data to path through gzip; 0 or -1 with errno's message in why. */
static int gz_write_all(const char *path, const char *data, size_t n, char *why, size_t nwhy) {
  gzFile f = gzopen(path, "wb6");
  if (!f) { snprintf(why, nwhy, "%s", strerror(errno ? errno : ENOMEM)); return -1; }
  while (n) {
    unsigned chunk = n > (1u << 30) ? 1u << 30 : (unsigned)n;
    if (gzwrite(f, data, chunk) != (int)chunk) {
      int e;
      snprintf(why, nwhy, "%s", gzerror(f, &e));
      gzclose(f);
      return -1;
    }
    data += chunk; n -= chunk;
  }
  if (gzclose(f) != Z_OK) { snprintf(why, nwhy, "%s", strerror(errno ? errno : EIO)); return -1; }
  return 0;
}

int perf_timeline_write(const char *path, const struct perf_timeline *tl,
                        const struct sim_trace *t, const char *title,
                        struct ts_diag_sink *sink) {
  struct ts_buf b = {0};
  char why[256] = "out of memory";
  perf_timeline_json(&b, tl, t, title);
  int rc = b.oom || tl->oom ? -1 : gz_write_all(path, b.s, b.len, why, sizeof why);
  if (rc) ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "cannot write '%s': %s", path, why);
  ts_buf_free(&b);
  return rc;
}
