/*
** hw_show.c -- a loaded description by path: reading one number
** (hw_desc_get), changing it for what-if (hw_desc_set, `--set PATH=VALUE`),
** visiting all of them (hw_desc_foreach), and printing the whole
** description with each number's provenance (`tilesim hw show`).
**
** Paths follow the XML: "memory.hbm.bandwidth" is <memory><hbm><bandwidth>.
** Keyed elements add their key ("chip.peak.bf16"); an MMA family is named
** by one instruction it covers: "sm.mma.bf16.m128n256k16[.cta2].rate".
*/
#include <config.h>
#include "hw.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw_int.h"

/* ================= MMA paths ================= */

void hw_mma_key(const struct hw_mma *m, char *buf, size_t n) {
  snprintf(buf, n, "%s.m%un%uk%u%s", hw_dtype_name(m->dtype), m->m, m->n_max, m->k,
           m->cta_group == 2 ? ".cta2" : "");
}

const struct hw_mma *hw_mma_lookup(const struct hw_desc *d, const char *key, size_t len,
                                   unsigned *n, char *why, size_t nwhy) {
  char k[96], t[32];
  unsigned m = 0, kk = 0, cta = 1;
  int end = -1;
  snprintf(k, sizeof k, "%.*s", (int)len, key);
  if (sscanf(k, "%31[a-z0-9].m%un%uk%u%n", t, &m, n, &kk, &end) != 4 || end < 0 ||
      (k[end] && strcmp(k + end, ".cta1") && strcmp(k + end, ".cta2"))) {
    snprintf(why, nwhy, "an MMA is named TYPE.mMnNkK[.cta2], as in bf16.m128n256k16");
    return NULL;
  }
  if (k[end]) cta = (unsigned)(k[end + 4] - '0');
  int dt = hw_dtype_parse(t);
  if (dt < 0) { snprintf(why, nwhy, "unknown dtype '%s'", t); return NULL; }
  const struct hw_mma *x = hw_mma_find(d, (enum hw_dtype)dt, m, *n, kk, cta);
  if (!x) snprintf(why, nwhy, "%s has no %s MMA of shape m%un%uk%u%s", d->name, t, m, *n, kk,
                   cta == 2 ? " for a CTA pair" : "");
  return x;
}

/* ================= resolving a path ================= */

struct target {
  struct hw_num *num;
  enum hw_qty q;
  const struct hw_mma *mma;
  unsigned n;
};

/* "sm.mma.KEY.rate", "sm.mma.KEY.latency[.SRC]". */
static int resolve_mma(const struct hw_desc *d, const char *path, struct target *t,
                       char *why, size_t nwhy) {
  const char *key = path + 7, *end = path + strlen(path), *field;
  int a = -1;
  for (int i = 0; i < HW_NOPND; i++) {
    size_t l = strlen(hw_opnd_names[i]);
    if ((size_t)(end - key) > l + 9 && end[-(long)l - 1] == '.' && !strcmp(end - l, hw_opnd_names[i]) &&
        !strncmp(end - l - 9, ".latency.", 9)) {
      a = i;
      end -= l + 1;
    }
  }
  if ((size_t)(end - key) > 5 && !strncmp(end - 5, ".rate", 5)) field = end - 5;
  else if ((size_t)(end - key) > 8 && !strncmp(end - 8, ".latency", 8)) field = end - 8;
  else { snprintf(why, nwhy, "an MMA path ends in .rate, .latency or .latency.SRC"); return -1; }
  const struct hw_mma *m = hw_mma_lookup(d, key, (size_t)(field - key), &t->n, why, nwhy);
  if (!m) return -1;
  struct hw_mma *mm = (struct hw_mma *)m;
  t->mma = m;
  if (field[1] == 'r') { t->num = &mm->rate; t->q = Q_RATE; }
  else { t->num = a >= 0 ? &mm->latency_a[a] : &mm->latency; t->q = Q_CLK; }
  return 0;
}

/* The names below prefix (fields and containers), for "did you mean". */
static void children_of(const char *prefix, char *out, size_t n) {
  size_t pl = strlen(prefix), len = 0;
  out[0] = 0;
  for (unsigned pass = 0; pass < 2; pass++) {
    unsigned cnt = pass ? hw_ncontainers : hw_nfields;
    for (unsigned i = 0; i < cnt; i++) {
      const char *p = pass ? hw_containers[i].path : hw_fields[i].path;
      if (strncmp(p, prefix, pl) || p[pl] != '.' || strchr(p + pl + 1, '.')) continue;
      const char *keyattr = pass ? NULL : hw_fields[i].keyattr;
      len += (size_t)snprintf(out + len, n > len ? n - len : 0, "%s%s%s%s%s", len ? ", " : "",
                              p + pl + 1, keyattr ? ".<" : "", keyattr ? keyattr : "",
                              keyattr ? ">" : "");
    }
  }
  if (!strcmp(prefix, "sm"))
    snprintf(out + len, n > len ? n - len : 0, ", mma.TYPE.mMnNkK.rate|latency");
}

static void suggest(const char *path, char *why, size_t nwhy) {
  char prefix[128], kids[512];
  snprintf(prefix, sizeof prefix, "%s", path);
  for (;;) {
    char *dot = strrchr(prefix, '.');
    if (!dot) break;
    *dot = 0;
    children_of(prefix, kids, sizeof kids);
    if (kids[0]) { snprintf(why, nwhy, "%s has: %s", prefix, kids); return; }
  }
  snprintf(why, nwhy, "paths begin with chip., sm., memory. or numerics.; 'tilesim hw show' lists them");
}

static int resolve(const struct hw_desc *d, const char *path, struct target *t, char *why,
                   size_t nwhy) {
  memset(t, 0, sizeof *t);
  if (!strncmp(path, "sm.mma.", 7)) return resolve_mma(d, path, t, why, nwhy);
  unsigned ki;
  const struct hw_field *f = hw_field_find(path, &ki);
  if (!f) { suggest(path, why, nwhy); return -1; }
  t->num = hw_field_num((struct hw_desc *)d, f, ki);
  t->q = f->q;
  return 0;
}

const struct hw_num *hw_desc_get(const struct hw_desc *d, const char *path) {
  struct target t;
  char why[256];
  if (resolve(d, path, &t, why, sizeof why) || !hw_has(t.num)) return NULL;
  return t.num;
}

/* ================= --set ================= */

/* "10TB/s", "1.5 GHz", "90%", "148": the number and its unit (or NULL). */
static int parse_quantity(const char *s, double *v, char *unit, size_t n) {
  char *end;
  while (isspace((unsigned char)*s)) s++;
  if (!*s || (!isdigit((unsigned char)*s) && *s != '.' && *s != '-' && *s != '+')) return -1;
  *v = strtod(s, &end);
  if (end == s) return -1;
  while (isspace((unsigned char)*end)) end++;
  snprintf(unit, n, "%s", end);
  size_t l = strlen(unit);
  while (l && isspace((unsigned char)unit[l - 1])) unit[--l] = 0;
  return 0;
}

static int set_profile(struct hw_desc *d, const char *value, struct ts_diag_sink *sink) {
  for (unsigned i = 0; hw_profile_names[i]; i++)
    if (!strcmp(hw_profile_names[i], value)) {
      d->numerics = hw_profile_names[i];
      d->numerics_src = HW_SRC_SET;
      d->numerics_why = "set with --set";
      return 0;
    }
  ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "unknown numerics profile '%s'", value);
  return -1;
}

int hw_desc_set(struct hw_desc *d, const char *path, const char *value,
                struct ts_diag_sink *sink) {
  struct ts_loc nowhere = {0};
  if (!strcmp(path, "numerics.profile") || !strcmp(path, "numerics"))
    return set_profile(d, value, sink);
  struct target t;
  char why[600], unit[32], list[128];
  if (resolve(d, path, &t, why, sizeof why)) {
    ts_diag_emit(sink, TS_ERROR, nowhere, "unknown hardware parameter '%s' (%s)", path, why);
    return -1;
  }
  double v, out;
  hw_qty_units(t.q, list, sizeof list);
  if (parse_quantity(value, &v, unit, sizeof unit)) {
    ts_diag_emit(sink, TS_ERROR, nowhere, "%s: '%s' is not a number", path, value);
    return -1;
  }
  const struct hw_unit *u = hw_unit_find(t.q, unit[0] ? unit : hw_qty_unit(t.q));
  const char *bad = NULL;
  if (!u) {
    ts_diag_emit(sink, TS_ERROR, nowhere, "%s: unknown unit '%s' (expected %s)", path, unit,
                 list[0] ? list : "no unit");
    return -1;
  }
  if (hw_convert(d, t.q, u, v, t.mma, t.n, &out, &bad) || (bad = hw_check_value(t.q, out))) {
    ts_diag_emit(sink, TS_ERROR, nowhere, "%s: %s %s", path, value, bad);
    return -1;
  }
  *t.num = (struct hw_num){ out, HW_SRC_SET, NULL, "set with --set", NULL, 0 };
  return 0;
}

int hw_desc_set_arg(struct hw_desc *d, const char *arg, struct ts_diag_sink *sink) {
  const char *eq = strchr(arg, '=');
  if (!eq || eq == arg) {
    ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "--set wants PATH=VALUE, not '%s'", arg);
    return -1;
  }
  char path[256];
  snprintf(path, sizeof path, "%.*s", (int)(eq - arg), arg);
  return hw_desc_set(d, path, eq + 1, sink);
}

/* ================= visiting every number ================= */

static void foreach_mma(const struct hw_desc *d,
                        void (*fn)(void *, const char *, const char *, const struct hw_num *),
                        void *ud) {
  char key[64], path[160];
  for (unsigned i = 0; i < d->sm.nmma; i++) {
    const struct hw_mma *m = &d->sm.mma[i];
    hw_mma_key(m, key, sizeof key);
    snprintf(path, sizeof path, "sm.mma.%s.rate", key);
    if (hw_has(&m->rate)) fn(ud, path, hw_qty_unit(Q_RATE), &m->rate);
    snprintf(path, sizeof path, "sm.mma.%s.latency", key);
    if (hw_has(&m->latency)) fn(ud, path, hw_qty_unit(Q_CLK), &m->latency);
    for (int a = 0; a < HW_NOPND; a++) {
      snprintf(path, sizeof path, "sm.mma.%s.latency.%s", key, hw_opnd_names[a]);
      if (hw_has(&m->latency_a[a])) fn(ud, path, hw_qty_unit(Q_CLK), &m->latency_a[a]);
    }
  }
}

void hw_desc_foreach(const struct hw_desc *d,
                     void (*fn)(void *ud, const char *path, const char *unit,
                                const struct hw_num *n),
                     void *ud) {
  char path[160];
  for (unsigned i = 0; i < hw_nfields; i++) {
    const struct hw_field *f = &hw_fields[i];
    for (unsigned k = 0; k < (f->keyattr ? f->nkeys : 1); k++) {
      const struct hw_num *n = hw_field_num((struct hw_desc *)d, f, k);
      if (!hw_has(n)) continue;
      snprintf(path, sizeof path, "%s%s%s", f->path, f->keyattr ? "." : "", f->keyattr ? f->keys[k] : "");
      fn(ud, path, hw_qty_unit((enum hw_qty)f->q), n);
    }
    if (!strcmp(f->path, "sm.mma_issuers")) foreach_mma(d, fn, ud);
  }
}

struct counter { enum hw_src src; unsigned n; };

static void count_one(void *ud, const char *path, const char *unit, const struct hw_num *n) {
  struct counter *c = ud;
  (void)path; (void)unit;
  c->n += n->src == c->src;
}

unsigned hw_desc_count_src(const struct hw_desc *d, enum hw_src src) {
  struct counter c = { src, 0 };
  hw_desc_foreach(d, count_one, &c);
  return c.n;
}

/* ================= printing ================= */

/* A value in its canonical unit, sizes also in binary units. */
static void fmt_value(double v, const char *unit, char *buf, size_t n) {
  if (!strcmp(unit, "B") && v >= 1024) {
    static const char *const bin[] = { "KiB", "MiB", "GiB", "TiB" };
    int i = 0;
    double x = v / 1024;
    while (i < 3 && x >= 1024) { x /= 1024; i++; }
    snprintf(buf, n, "%.0f B (%.4g %s)", v, x, bin[i]);
  } else {
    snprintf(buf, n, "%.6g%s%s", v, unit[0] ? " " : "", unit);
  }
}

struct printer { struct ts_buf *b; unsigned counts[HW_SRC_SET + 1]; };

static void print_num(void *ud, const char *path, const char *unit, const struct hw_num *n) {
  struct printer *p = ud;
  char val[64];
  p->counts[n->src]++;
  if (!strncmp(path, "sm.mma.", 7)) return;       /* printed with their families */
  fmt_value(n->v, unit, val, sizeof val);
  ts_buf_printf(p->b, "  %-32s %-24s %-8s %s%s%s%s%s\n", path, val, hw_src_name(n->src),
                n->cite ? n->cite : "", n->cite && n->why ? ": " : "", n->why ? n->why : "",
                n->note ? "  -- " : "", n->note ? n->note : "");
}

static void print_set(struct ts_buf *b, unsigned bits, const char *const *names, unsigned nn) {
  const char *sep = "";
  for (unsigned i = 0; i < nn; i++)
    if (bits >> i & 1) { ts_buf_printf(b, "%s%s", sep, names[i]); sep = "|"; }
}

static void print_mma(struct printer *p, const struct hw_desc *d, const struct hw_mma *m) {
  char key[64], path[160], val[64];
  hw_mma_key(m, key, sizeof key);
  ts_buf_printf(p->b, "  sm.mma.%s: %s%s%s ", key, hw_mma_kind_names[m->kind],
                m->inst[0] ? " " : "", m->inst);
  print_set(p->b, m->dtypes, hw_dtype_names, HW_NDTYPES);
  ts_buf_printf(p->b, " M=%u N=%u", m->m, m->n_min);
  if (m->n_max != m->n_min) ts_buf_printf(p->b, "..%u/%u", m->n_max, m->n_step);
  ts_buf_printf(p->b, " K=%u cta_group=%u A=", m->k, m->cta_group);
  print_set(p->b, m->a_src, hw_opnd_names, HW_NOPND);
  ts_buf_puts(p->b, " B=");
  print_set(p->b, m->b_src, hw_opnd_names, HW_NOPND);
  ts_buf_printf(p->b, " D=%s acc=", m->d_src == HW_OPND_TMEM ? "tmem" : "reg");
  print_set(p->b, m->accs, hw_dtype_names, HW_NDTYPES);
  ts_buf_printf(p->b, "  (%.1f clk/inst at N=%u)\n", hw_mma_cycles(d, m, m->n_max), m->n_max);
  const struct hw_num *nums[2 + HW_NOPND] = { &m->rate, &m->latency, &m->latency_a[0],
                                              &m->latency_a[1], &m->latency_a[2] };
  for (int i = 0; i < 2 + HW_NOPND; i++) {
    if (!hw_has(nums[i])) continue;
    snprintf(path, sizeof path, "  .%s%s%s", i ? "latency" : "rate", i > 1 ? "." : "",
             i > 1 ? hw_opnd_names[i - 2] : "");
    fmt_value(nums[i]->v, hw_qty_unit(i ? Q_CLK : Q_RATE), val, sizeof val);
    const struct hw_num *n = nums[i];
    ts_buf_printf(p->b, "  %-32s %-24s %-8s %s%s%s\n", path, val, hw_src_name(n->src),
                  n->cite ? n->cite : "", n->cite && n->why ? ": " : "", n->why ? n->why : "");
  }
}

static void print_header(const struct hw_desc *d, struct ts_buf *b) {
  ts_buf_printf(b, "%s: %s%s\n", d->name, d->title ? d->title : "",
                d->provisional ? "  [PROVISIONAL: mostly estimates]" : "");
  ts_buf_printf(b, "  vendor %s, arch %s, numerics profile %s", d->vendor == HW_VENDOR_AMD ? "amd" : "nvidia",
                d->arch, d->numerics);
  if (d->numerics_src != HW_SRC_NONE)
    ts_buf_printf(b, " (%s%s%s)", hw_src_name(d->numerics_src), d->numerics_why ? ": " : "",
                  d->numerics_why ? d->numerics_why : "");
  if (d->narrow_ieee) ts_buf_puts(b, "; narrowing into fp8/fp4 overflows as IEEE 754");
  if (d->nan_propagate) ts_buf_puts(b, "; NaN results carry the NaN operand");
  if (d->fp8_fnuz) ts_buf_puts(b, "; fp8 in FNUZ encodings");
  ts_buf_printf(b, "\n  file %s\n", d->path);
  if (d->naliases) {
    ts_buf_puts(b, "  also known as");
    for (unsigned i = 0; i < d->naliases; i++) ts_buf_printf(b, "%s '%s'", i ? "," : "", d->aliases[i]);
    ts_buf_putc(b, '\n');
  }
  ts_buf_printf(b, "  L2 is %s\n\n", d->mem.l2_scope == HW_L2_DIE ? "private to each die" : "shared by the chip");
}

int hw_desc_print(const struct hw_desc *d, struct ts_buf *b) {
  struct printer p = { b, {0} };
  print_header(d, b);
  ts_buf_printf(b, "  %-32s %-24s %-8s %s\n", "PATH", "VALUE", "SOURCE", "CITE: WHY");
  hw_desc_foreach(d, print_num, &p);
  ts_buf_puts(b, "\n  MMA families (paths sm.mma.KEY.rate|latency[.SRC]; rate in flop/clk per SM):\n");
  for (unsigned i = 0; i < d->sm.nmma; i++) print_mma(&p, d, &d->sm.mma[i]);
  unsigned total = 0;
  for (int s = HW_SRC_VENDOR; s <= HW_SRC_SET; s++) total += p.counts[s];
  ts_buf_printf(b, "\n  %u numbers: %u vendor, %u measured, %u derived, %u estimate", total,
                p.counts[HW_SRC_VENDOR], p.counts[HW_SRC_MEASURED], p.counts[HW_SRC_DERIVED],
                p.counts[HW_SRC_ESTIMATE]);
  if (p.counts[HW_SRC_SET]) ts_buf_printf(b, ", %u set with --set", p.counts[HW_SRC_SET]);
  ts_buf_puts(b, "\n\n  Sources:\n");
  for (unsigned i = 0; i < d->nsources; i++)
    ts_buf_printf(b, "  %-14s %s\n", d->sources[i].id, d->sources[i].text);
  return b->oom ? -1 : 0;
}
