/*
** perf_report.c -- a prediction as text for people and as JSON for tools.
** Both say how many of the description's numbers the prediction used are
** estimates, so nobody mistakes a guess for a measurement.
*/
#include <config.h>
#include "perf_int.h"

#include <math.h>
#include <string.h>

static const char *dtype_name(enum hw_dtype t) { return t < HW_NDTYPES ? hw_dtype_name(t) : "none"; }

/* Time with a unit a person reads at a glance. */
static void put_time(struct ts_buf *b, double s) {
  if (s >= 1) ts_buf_printf(b, "%.3f s", s);
  else if (s >= 1e-3) ts_buf_printf(b, "%.3f ms", s * 1e3);
  else ts_buf_printf(b, "%.2f us", s * 1e6);
}

static void put_bytes(struct ts_buf *b, double x) {
  if (x >= 1e9) ts_buf_printf(b, "%.2f GB", x * 1e-9);
  else if (x >= 1e6) ts_buf_printf(b, "%.2f MB", x * 1e-6);
  else ts_buf_printf(b, "%.0f B", x);
}

static void put_decisions(const struct perf_result *r, struct ts_buf *b) {
  ts_buf_puts(b, "mapping:\n");
  for (unsigned i = 0; i < r->ndec; i++) {
    const struct perf_decision *d = &r->dec[i];
    if (d->op && d->op->loc.src) {
      unsigned line, col;
      ts_source_linecol((struct ts_source *)d->op->loc.src, d->op->loc.off, &line, &col);
      ts_buf_printf(b, "  %-16s %s (line %u)\n", d->what, d->text, line);
    } else {
      ts_buf_printf(b, "  %-16s %s\n", d->what, d->text);
    }
  }
}

int perf_print_text(const struct perf_result *r, const struct hw_desc *d, bool explain,
                    struct ts_buf *b) {
  ts_buf_printf(b, "chip:        %s (%s)\n", d->name, d->title ? d->title : d->arch);
  ts_buf_puts(b, "time:        ");
  put_time(b, r->seconds);
  ts_buf_printf(b, " (%.0f cycles)\n", r->cycles);
  ts_buf_printf(b, "throughput:  %.1f TFLOP/s", r->tflops);
  if (r->dtype < HW_NDTYPES)
    ts_buf_printf(b, " (%s MMA: %.1f%% of the chip's peak)", dtype_name(r->dtype), 100 * r->util);
  ts_buf_puts(b, "\n");
  ts_buf_printf(b, "blocks:      %u in %u wave%s, %u per SM\n", r->blocks, r->waves,
                r->waves == 1 ? "" : "s", r->blocks_per_sm);
  ts_buf_puts(b, "memory:      HBM ");
  put_bytes(b, r->hbm_bytes);
  ts_buf_puts(b, ", L2 requests ");
  put_bytes(b, r->l2_bytes);
  ts_buf_printf(b, ", L2 hit rate %.1f%%\n", 100 * r->l2_hit);
  ts_buf_puts(b, "busy:       ");
  for (int u = 0; u < PERF_NUNITS; u++)
    ts_buf_printf(b, " %s %.0f%%", perf_unit_name((enum perf_unit)u), 100 * r->busy[u]);
  ts_buf_printf(b, "\nbottleneck:  %s\n", perf_unit_name(r->bottleneck));
  if (r->estimates)
    ts_buf_printf(b, "note:        the prediction rests on %u estimated number%s of the description "
                  "(tilesim hw show %s lists them)\n", r->estimates, r->estimates == 1 ? "" : "s",
                  d->name);
  if (explain) put_decisions(r, b);
  return b->oom ? -1 : 0;
}

/* s as a JSON string. */
static void put_str(struct ts_buf *b, const char *s) {
  ts_buf_putc(b, '"');
  for (; s && *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') ts_buf_printf(b, "\\%c", ch);
    else if (ch < 0x20) ts_buf_printf(b, "\\u%04x", ch);
    else ts_buf_putc(b, (char)ch);
  }
  ts_buf_putc(b, '"');
}

/* A finite number (JSON has no inf or nan). */
static void put_num(struct ts_buf *b, double x) {
  ts_buf_printf(b, "%.6g", isfinite(x) ? x : 0.0);
}

int perf_print_json(const struct perf_result *r, const struct hw_desc *d, struct ts_buf *b) {
  ts_buf_puts(b, "{\"chip\": ");
  put_str(b, d->name);
  ts_buf_puts(b, ", \"seconds\": "); put_num(b, r->seconds);
  ts_buf_puts(b, ", \"cycles\": "); put_num(b, r->cycles);
  ts_buf_puts(b, ", \"flops\": "); put_num(b, r->flops);
  ts_buf_puts(b, ", \"mma_flops\": "); put_num(b, r->mma_flops);
  ts_buf_puts(b, ", \"tflops\": "); put_num(b, r->tflops);
  ts_buf_puts(b, ", \"dtype\": "); put_str(b, dtype_name(r->dtype));
  ts_buf_puts(b, ", \"util\": "); put_num(b, r->util);
  ts_buf_puts(b, ", \"busy\": {");
  for (int u = 0; u < PERF_NUNITS; u++) {
    ts_buf_printf(b, "%s\"%s\": ", u ? ", " : "", perf_unit_name((enum perf_unit)u));
    put_num(b, r->busy[u]);
  }
  ts_buf_puts(b, "}, \"bottleneck\": "); put_str(b, perf_unit_name(r->bottleneck));
  ts_buf_puts(b, ", \"hbm_bytes\": "); put_num(b, r->hbm_bytes);
  ts_buf_puts(b, ", \"l2_bytes\": "); put_num(b, r->l2_bytes);
  ts_buf_puts(b, ", \"l2_hit\": "); put_num(b, r->l2_hit);
  ts_buf_printf(b, ", \"blocks\": %u, \"waves\": %u, \"blocks_per_sm\": %u, \"estimates\": %u",
                r->blocks, r->waves, r->blocks_per_sm, r->estimates);
  ts_buf_puts(b, ", \"decisions\": [");
  for (unsigned i = 0; i < r->ndec; i++) {
    ts_buf_puts(b, i ? ", {\"what\": " : "{\"what\": ");
    put_str(b, r->dec[i].what);
    ts_buf_puts(b, ", \"text\": ");
    put_str(b, r->dec[i].text);
    ts_buf_puts(b, "}");
  }
  ts_buf_puts(b, "]}\n");
  return b->oom ? -1 : 0;
}
