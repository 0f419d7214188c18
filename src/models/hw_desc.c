/*
** hw_desc.c -- loading hardware descriptions (the XML files in hwdesc/): parsing
** and RELAX NG validation with libxml2, then the semantic checks the
** schema cannot express, each reported with file and line.
**
** Two layers check a file.  The schema (hwdesc/schema.rng) is the
** contract for other tools (xmllint, editors); its messages from libxml2
** are terse ("Element rate failed to validate attributes").  The checks
** here walk the same tree with the field table below and say exactly what
** is wrong, and check what the schema cannot say.  When they find errors,
** the schema's messages are dropped (see redundant()); when they find none
** and the schema does, its messages are reported, so the two cannot drift
** apart silently.  Diagnostics are collected, sorted by position, emitted.
*/
#include <config.h>
#include "hw.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "hw_int.h"

#if LIBXML_VERSION >= 21200
typedef const xmlError *xml_err_t;
#else
typedef xmlErrorPtr xml_err_t;
#endif

/* ================= vocabularies ================= */

const char *const hw_dtype_names[HW_NDTYPES] = {
  "f16", "bf16", "tf32", "f32", "f64", "e4m3", "e5m2", "e3m2", "e2m3", "e2m1",
  "mxf8", "mxf6", "mxf4", "nvf4", "i8", "i32",
};
const char *const hw_opnd_names[HW_NOPND] = { "smem", "tmem", "reg" };
const char *const hw_load_names[HW_NLOADS] = { "tma", "ldg" };
const char *const hw_profile_names[] = {
  "sm70", "sm80", "sm89", "sm90", "sm100", "sm120", "cdna3", "exact", "fma", NULL,
};
const char *const hw_mma_kind_names[4] = { "tcgen05", "wgmma", "mma", "mfma" };
static const char *const src_names[] = {
  "none", "vendor", "measured", "derived", "estimate", "set",
};
static const char *const arch_names[] = {
  "sm80", "sm89", "sm90", "sm100", "sm103", "sm120", "cdna3", "cdna4", "cdna5", NULL,
};

const char *hw_src_name(enum hw_src s) {
  return (unsigned)s < sizeof src_names / sizeof *src_names ? src_names[s] : "?";
}
const char *hw_dtype_name(enum hw_dtype t) {
  return (unsigned)t < HW_NDTYPES ? hw_dtype_names[t] : "?";
}

static int name_index(const char *const *names, unsigned n, const char *s) {
  for (unsigned i = 0; i < n && names[i]; i++)
    if (!strcmp(names[i], s)) return (int)i;
  return -1;
}

int hw_dtype_parse(const char *s) { return name_index(hw_dtype_names, HW_NDTYPES, s); }
int hw_opnd_index(unsigned bit) { return bit == HW_OPND_SMEM ? 0 : bit == HW_OPND_TMEM ? 1 : 2; }

/* ================= units ================= */

static const struct hw_unit units[] = {
  { "", Q_COUNT, 1 },
  { "MHz", Q_FREQ, 1 }, { "GHz", Q_FREQ, 1000 },
  { "B", Q_SIZE, 1 }, { "KiB", Q_SIZE, 1024 }, { "MiB", Q_SIZE, 1048576 },
  { "GiB", Q_SIZE, 1073741824.0 }, { "KB", Q_SIZE, 1e3 }, { "MB", Q_SIZE, 1e6 },
  { "GB", Q_SIZE, 1e9 },
  { "GB/s", Q_BW, 1 }, { "TB/s", Q_BW, 1000 },
  { "B/clk", Q_BPC, 1 },
  { "clk", Q_CLK, 1 },
  { "ns", Q_TIME, 1 }, { "us", Q_TIME, 1000 }, { "clk", Q_TIME, 0 },
  { "op/clk", Q_OPC, 1 },
  { "W", Q_POWER, 1 },
  { "TFLOP/s", Q_TFLOPS, 1 }, { "PFLOP/s", Q_TFLOPS, 1000 }, { "TOPS", Q_TFLOPS, 1 },
  { "POPS", Q_TFLOPS, 1000 },
  { "flop/clk", Q_RATE, 1 }, { "clk/inst", Q_RATE, 0 },
  { "", Q_FRAC, 1 }, { "%", Q_FRAC, 0.01 },
};
enum { NUNITS = sizeof units / sizeof *units };

const struct hw_unit *hw_unit_find(enum hw_qty q, const char *name) {
  for (unsigned i = 0; i < NUNITS; i++)
    if (units[i].q == q && !strcmp(units[i].name, name ? name : "")) return &units[i];
  return NULL;
}

const char *hw_qty_unit(enum hw_qty q) {
  for (unsigned i = 0; i < NUNITS; i++)
    if (units[i].q == q) return units[i].name;
  return "";
}

void hw_qty_units(enum hw_qty q, char *buf, size_t n) {
  size_t len = 0;
  buf[0] = 0;
  for (unsigned i = 0; i < NUNITS && len < n; i++)
    if (units[i].q == q && units[i].name[0])
      len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ", " : "", units[i].name);
}

double hw_mma_flops(const struct hw_mma *m, unsigned n) { return 2.0 * m->m * n * m->k; }

int hw_convert(const struct hw_desc *d, enum hw_qty q, const struct hw_unit *u, double v,
               const struct hw_mma *mma, unsigned n, double *out, const char **why) {
  if (u->scale != 0) { *out = v * u->scale; return 0; }
  if (q == Q_TIME) {                                /* clk -> ns at the SM clock */
    if (!hw_has(&d->chip.clock_sm)) { *why = "a time in clk needs chip.clocks.sm"; return -1; }
    *out = v * 1000.0 / d->chip.clock_sm.v;
    return 0;
  }
  /* Q_RATE in clk/inst: cycles one instruction occupies its matrix unit */
  if (!mma || !n) { *why = "clk/inst needs an instruction with a fixed n"; return -1; }
  double issuers = hw_has(&d->sm.mma_issuers) ? d->sm.mma_issuers.v : 1;
  *out = hw_mma_flops(mma, n) * issuers / (v * mma->cta_group);
  return 0;
}

const char *hw_check_value(enum hw_qty q, double v) {
  if (!isfinite(v)) return "is not a finite number";
  if (v <= 0) return "must be positive";
  if (q == Q_COUNT && v != floor(v)) return "must be a whole number";
  if (q == Q_FRAC && v > 1) return "is not a fraction in (0,1]";
  return NULL;
}

/* ================= the field table ================= */

#define NUM(p, m, q, fl) { p, offsetof(struct hw_desc, m), q, fl, NULL, NULL, 0 }
#define KEYED(p, m, q, fl, attr, keys, nk) { p, offsetof(struct hw_desc, m), q, fl, attr, keys, nk }

const struct hw_field hw_fields[] = {
  NUM("chip.sms", chip.sms, Q_COUNT, F_REQ),
  NUM("chip.dies", chip.dies, Q_COUNT, F_REQ),
  NUM("chip.clocks.sm", chip.clock_sm, Q_FREQ, F_REQ),
  NUM("chip.clocks.boost", chip.clock_boost, Q_FREQ, 0),
  NUM("chip.clocks.sustained", chip.clock_sustained, Q_FREQ, F_WHY),
  NUM("chip.warp_size", chip.warp_size, Q_COUNT, F_REQ),
  NUM("chip.cluster_max", chip.cluster_max, Q_COUNT, 0),
  NUM("chip.tdp", chip.tdp, Q_POWER, 0),
  NUM("chip.launch.kernel", chip.launch_kernel, Q_TIME, F_REQ),
  NUM("chip.launch.block", chip.launch_block, Q_CLK, F_REQ),
  KEYED("chip.peak", chip.peak, Q_TFLOPS, 0, "dtype", hw_dtype_names, HW_DT_I32),
  NUM("sm.mma_issuers", sm.mma_issuers, Q_COUNT, F_REQ),
  NUM("sm.smem.size", sm.smem.size, Q_SIZE, F_REQ),
  NUM("sm.smem.per_block", sm.smem.per_block, Q_SIZE, F_REQ),
  NUM("sm.smem.bandwidth", sm.smem.bandwidth, Q_BPC, F_REQ),
  NUM("sm.smem.latency", sm.smem.latency, Q_CLK, F_REQ),
  NUM("sm.l1.size", sm.l1.size, Q_SIZE, F_REQ),
  NUM("sm.l1.latency", sm.l1.latency, Q_CLK, 0),
  NUM("sm.tmem.size", sm.tmem.size, Q_SIZE, F_REQ),
  NUM("sm.tmem.lanes", sm.tmem.lanes, Q_COUNT, F_REQ),
  NUM("sm.tmem.columns", sm.tmem.columns, Q_COUNT, F_REQ),
  NUM("sm.tmem.alloc_min", sm.tmem.alloc_min, Q_COUNT, F_REQ),
  NUM("sm.tmem.bandwidth", sm.tmem.bandwidth, Q_BPC, 0),
  NUM("sm.registers.size", sm.regs.size, Q_SIZE, F_REQ),
  NUM("sm.registers.per_thread", sm.regs.per_thread, Q_COUNT, F_REQ),
  NUM("sm.sfu.ex2", sm.sfu.ex2, Q_OPC, F_REQ),
  NUM("sm.sfu.mufu", sm.sfu.mufu, Q_OPC, F_REQ),
  NUM("sm.sfu.latency", sm.sfu.latency, Q_CLK, 0),
  NUM("sm.fp32.lanes", sm.fp32.lanes, Q_OPC, F_REQ),
  NUM("sm.fp32.latency", sm.fp32.latency, Q_CLK, 0),
  NUM("sm.alu.lanes", sm.alu.lanes, Q_OPC, F_REQ),
  NUM("sm.residency.blocks", sm.residency.blocks, Q_COUNT, F_REQ),
  NUM("sm.residency.warps", sm.residency.warps, Q_COUNT, F_REQ),
  NUM("sm.residency.threads", sm.residency.threads, Q_COUNT, F_REQ),
  NUM("memory.l2.size", mem.l2.size, Q_SIZE, F_REQ),
  NUM("memory.l2.partitions", mem.l2.partitions, Q_COUNT, F_REQ),
  NUM("memory.l2.bandwidth", mem.l2.bandwidth, Q_BW, F_REQ),
  NUM("memory.l2.latency", mem.l2.latency, Q_TIME, F_REQ),
  NUM("memory.l2.far_latency", mem.l2.far_latency, Q_TIME, 0),
  NUM("memory.llc.size", mem.llc.size, Q_SIZE, F_REQ),
  NUM("memory.llc.bandwidth", mem.llc.bandwidth, Q_BW, F_REQ),
  NUM("memory.llc.latency", mem.llc.latency, Q_TIME, F_REQ),
  NUM("memory.hbm.size", mem.hbm.size, Q_SIZE, F_REQ),
  NUM("memory.hbm.bandwidth", mem.hbm.bandwidth, Q_BW, F_REQ),
  NUM("memory.hbm.achievable", mem.hbm.achievable, Q_FRAC, F_REQ | F_WHY),
  KEYED("memory.hbm.achievable", mem.hbm.achievable_via, Q_FRAC, F_WHY, "via",
        hw_load_names, HW_NLOADS),
  NUM("memory.hbm.latency", mem.hbm.latency, Q_TIME, F_REQ),
  NUM("memory.hbm.stacks", mem.hbm.stacks, Q_COUNT, 0),
  NUM("memory.tma.engines", mem.tma.engines, Q_COUNT, F_REQ),
  NUM("memory.tma.inflight", mem.tma.inflight, Q_SIZE, F_REQ),
  NUM("memory.tma.latency", mem.tma.latency, Q_TIME, 0),
};
const unsigned hw_nfields = sizeof hw_fields / sizeof *hw_fields;

const struct hw_container hw_containers[] = {
  { "chip", 1 }, { "chip.clocks", 1 }, { "chip.launch", 0 },
  { "sm", 1 }, { "sm.smem", 1 }, { "sm.l1", 0 }, { "sm.tmem", 0 }, { "sm.registers", 1 },
  { "sm.sfu", 1 }, { "sm.fp32", 1 }, { "sm.alu", 1 }, { "sm.residency", 1 },
  { "memory", 1 }, { "memory.l2", 1 }, { "memory.llc", 0 }, { "memory.hbm", 1 },
  { "memory.tma", 0 },
};
const unsigned hw_ncontainers = sizeof hw_containers / sizeof *hw_containers;
enum { MAX_CONTAINERS = 32 };
_Static_assert(sizeof hw_containers / sizeof *hw_containers <= MAX_CONTAINERS,
               "struct ld records one element per container");

/* The MMA family's own numbers, as fields relative to struct hw_mma. */
static const struct hw_field mma_rate_field = { "rate", 0, Q_RATE, F_REQ, NULL, NULL, 0 };
static const struct hw_field mma_lat_field = {
  "latency", 0, Q_CLK, F_REQ, "a", hw_opnd_names, HW_NOPND,
};

const struct hw_field *hw_field_find(const char *path, unsigned *ki) {
  *ki = 0;
  for (unsigned i = 0; i < hw_nfields; i++)
    if (!hw_fields[i].keyattr && !strcmp(hw_fields[i].path, path)) return &hw_fields[i];
  const char *dot = strrchr(path, '.');
  if (!dot) return NULL;
  for (unsigned i = 0; i < hw_nfields; i++) {
    const struct hw_field *f = &hw_fields[i];
    if (!f->keyattr || strlen(f->path) != (size_t)(dot - path) ||
        strncmp(f->path, path, (size_t)(dot - path)))
      continue;
    int k = name_index(f->keys, f->nkeys, dot + 1);
    if (k >= 0) { *ki = (unsigned)k; return f; }
  }
  return NULL;
}

static int container_index(const char *path) {
  for (unsigned i = 0; i < hw_ncontainers; i++)
    if (!strcmp(hw_containers[i].path, path)) return (int)i;
  return -1;
}

/* ================= the loader's state and its diagnostics ================= */

struct pdiag {
  uint32_t off, len;
  enum ts_severity sev;
  unsigned char schema;            /* from libxml2's validator */
  unsigned char noloc;             /* not about a place in the file */
  unsigned line;
  char *msg;
};

struct fixup {            /* a number whose unit needs the whole file to convert */
  struct hw_num *num;
  enum hw_qty q;
  const struct hw_unit *unit;
  double raw;
  struct hw_mma *mma;
  xmlNode *el;
};

struct ld {
  struct hw_desc *d;
  struct ts_source src;
  struct pdiag *diags;
  unsigned ndiags, capdiags;
  unsigned errors;                       /* errors from the checks (not the schema) */
  struct fixup *fix;
  unsigned nfix, capfix;
  xmlNode *container_el[MAX_CONTAINERS]; /* where each container was seen */
  xmlNode **mma_el;                      /* the element of each MMA family */
  xmlNode *root;
  int oom;
};

static unsigned node_line(xmlNode *n) {
  long l = n ? xmlGetLineNo(n) : 0;
  return l > 0 ? (unsigned)l : 0;
}

static uint32_t line_start(struct ld *ld, unsigned line) {
  unsigned l, c;
  ts_source_linecol(&ld->src, 0, &l, &c);          /* builds the line table */
  if (!ld->src.lines || !line) return 0;
  if (line > ld->src.nlines) line = (unsigned)ld->src.nlines;
  return ld->src.lines[line - 1];
}

/* Where "<name" of element el begins: on its line, or a few lines above
** (libxml2 numbers an element by the line where its start tag ends). */
static uint32_t elem_offset(struct ld *ld, xmlNode *el) {
  unsigned line = node_line(el);
  if (!line) return 0;
  char pat[128];
  snprintf(pat, sizeof pat, "<%s", (const char *)el->name);
  size_t plen = strlen(pat);
  for (unsigned l = line; l >= 1 && l + 40 > line; l--) {
    uint32_t s = line_start(ld, l), e = s;
    while (e < ld->src.len && ld->src.text[e] != '\n') e++;
    for (uint32_t i = e; i >= s + plen && i >= plen; i--) {  /* last one on the line */
      uint32_t at = i - (uint32_t)plen;
      if (!memcmp(ld->src.text + at, pat, plen) &&
          !isalnum((unsigned char)ld->src.text[at + plen]) && ld->src.text[at + plen] != '_')
        return at;
    }
  }
  return line_start(ld, line);
}

/* The location of element el, or of its attribute attr (name="..."). */
static struct ts_loc loc_of(struct ld *ld, xmlNode *el, const char *attr) {
  uint32_t off = elem_offset(ld, el);
  uint32_t len = (uint32_t)(el ? strlen((const char *)el->name) + 1 : 1);
  if (attr && el) {
    size_t alen = strlen(attr);
    for (uint32_t i = off; i + alen < ld->src.len && ld->src.text[i] != '>'; i++)
      if (isspace((unsigned char)ld->src.text[i]) && !strncmp(ld->src.text + i + 1, attr, alen) &&
          (ld->src.text[i + 1 + alen] == '=' || isspace((unsigned char)ld->src.text[i + 1 + alen]))) {
        off = i + 1;
        len = (uint32_t)alen;
        break;
      }
  }
  return (struct ts_loc){ &ld->src, off, len };
}

/* The line where element el begins (what messages and struct hw_num say). */
static unsigned elem_line(struct ld *ld, xmlNode *el) {
  unsigned line, col;
  ts_source_linecol(&ld->src, elem_offset(ld, el), &line, &col);
  return line;
}

static void add_diag(struct ld *ld, struct ts_loc loc, enum ts_severity sev, int schema,
                     const char *msg) {
  if (ld->ndiags == ld->capdiags) {
    unsigned cap = ld->capdiags ? 2 * ld->capdiags : 16;
    struct pdiag *p = ts_realloc(ld->diags, cap * sizeof *p);
    if (!p) { ld->oom = 1; return; }
    ld->diags = p;
    ld->capdiags = cap;
  }
  char *m = ts_malloc(strlen(msg) + 1);
  if (!m) { ld->oom = 1; return; }
  strcpy(m, msg);
  unsigned line = 0, col;
  if (loc.src) ts_source_linecol(&ld->src, loc.off, &line, &col);
  ld->diags[ld->ndiags++] = (struct pdiag){ loc.off, loc.len, sev, (unsigned char)schema,
                                            !loc.src, line, m };
  if (sev == TS_ERROR && !schema) ld->errors++;
}

/* Report at element el (attribute attr, may be NULL). */
static void err_at(struct ld *ld, xmlNode *el, const char *attr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void err_at(struct ld *ld, xmlNode *el, const char *attr, const char *fmt, ...) {
  char msg[768];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  add_diag(ld, loc_of(ld, el, attr), TS_ERROR, 0, msg);
}

static void warn_at(struct ld *ld, xmlNode *el, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void warn_at(struct ld *ld, xmlNode *el, const char *fmt, ...) {
  char msg[768];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  add_diag(ld, loc_of(ld, el, NULL), TS_WARNING, 0, msg);
}

/* By position; diagnostics without one (a missing schema) first. */
static int cmp_diag(const void *a, const void *b) {
  const struct pdiag *x = a, *y = b;
  if (x->noloc != y->noloc) return x->noloc ? -1 : 1;
  return x->off < y->off ? -1 : x->off > y->off ? 1 : 0;
}

/*
** Schema messages are reported only when the checks found nothing: the
** checks say the same things more precisely, and a RELAX NG validator that
** meets one mistake often reports a cascade of confusing ones after it
** ("missing element <alu>" for an unknown element before it).
*/
static int redundant(const struct ld *ld, const struct pdiag *p) {
  return ld->errors > 0 && p->schema;
}

/* Sort the collected diagnostics by position and hand them to sink. */
static void flush_diags(struct ld *ld, struct ts_diag_sink *sink) {
  if (ld->ndiags) qsort(ld->diags, ld->ndiags, sizeof *ld->diags, cmp_diag);
  for (unsigned i = 0; i < ld->ndiags; i++) {
    struct pdiag *p = &ld->diags[i];
    struct ts_loc loc = { p->noloc ? NULL : &ld->src, p->off, p->len };
    if (!redundant(ld, p)) ts_diag_emit(sink, p->sev, loc, "%s", p->msg);
  }
  if (ld->oom) ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "out of memory");
  for (unsigned i = 0; i < ld->ndiags; i++) ts_free(ld->diags[i].msg);
  ts_free(ld->diags);
  ld->diags = NULL;
  ld->ndiags = 0;
}

/* ================= libxml2: parsing and the schema ================= */

/* libxml2's message, trimmed, its first letter lowercased (our style). */
static void tidy(const char *in, char *out, size_t n) {
  snprintf(out, n, "%s", in ? in : "error");
  size_t len = strlen(out);
  while (len && (out[len - 1] == '\n' || out[len - 1] == ' ' || out[len - 1] == '.'))
    out[--len] = 0;
  if (out[0] && isupper((unsigned char)out[0]) && !isupper((unsigned char)out[1]))
    out[0] = (char)tolower((unsigned char)out[0]);
}

static void on_parse_error(void *ud, xml_err_t e) {
  xmlParserCtxtPtr ctxt = ud;
  struct ld *ld = ctxt->_private;
  char msg[512];
  tidy(e->message, msg, sizeof msg);
  uint32_t off = line_start(ld, e->line > 0 ? (unsigned)e->line : 1);
  if (e->int2 > 0) off += (uint32_t)e->int2 - 1;
  if (off > ld->src.len) off = (uint32_t)ld->src.len;
  add_diag(ld, (struct ts_loc){ &ld->src, off, 1 }, e->level == XML_ERR_WARNING ? TS_WARNING : TS_ERROR,
           0, msg);
}

static xmlDoc *parse_xml(struct ld *ld) {
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(ld->src.text, (int)ld->src.len);
  if (!ctxt) { ld->oom = 1; return NULL; }
  ctxt->_private = ld;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->warning = NULL;
  ctxt->sax->error = NULL;
  xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
  xmlParseDocument(ctxt);
  xmlDoc *doc = ctxt->myDoc;
  if (!ctxt->wellFormed && doc) { xmlFreeDoc(doc); doc = NULL; }
  if (!doc && !ld->errors) add_diag(ld, (struct ts_loc){ &ld->src, 0, 1 }, TS_ERROR, 0,
                                    "not an XML document");
  xmlFreeParserCtxt(ctxt);
  return doc;
}

/* Does m match fmt (two %127s-style conversions at most) entirely? */
static int match(const char *m, const char *fmt, char *a, char *b) {
  int end = -1;
  char f[128];
  snprintf(f, sizeof f, "%s%%n", fmt);
  int n = b ? sscanf(m, f, a, b, &end) : sscanf(m, f, a, &end);
  return n == (b ? 2 : 1) && end >= 0 && !m[end];
}

/* libxml2's RELAX NG messages, in our words where they are common. */
static void rewrite_schema_msg(const char *m, char *out, size_t n) {
  char a[128], b[128];
  if (match(m, "Did not expect element %127s there", a, NULL))
    snprintf(out, n, "unexpected element <%s>", a);
  else if (match(m, "Expecting an element %127[^,], got nothing", a, NULL))
    snprintf(out, n, "missing element <%s>", a);
  else if (match(m, "Invalid attribute %127s for element %127s", a, b))
    snprintf(out, n, "unknown attribute '%s' on <%s>", a, b);
  else if (match(m, "Extra element %127s in interleave", a, NULL))
    snprintf(out, n, "unexpected or repeated element <%s>", a);
  else
    snprintf(out, n, "does not match the schema: %c%s", tolower((unsigned char)m[0]), m[0] ? m + 1 : "");
}

static void on_schema_error(void *ud, xml_err_t e) {
  struct ld *ld = ud;
  char m[512], msg[600];
  snprintf(m, sizeof m, "%s", e->message ? e->message : "error");
  size_t len = strlen(m);
  while (len && (m[len - 1] == '\n' || m[len - 1] == ' ')) m[--len] = 0;
  rewrite_schema_msg(m, msg, sizeof msg);
  xmlNode *node = e->node;
  struct ts_loc loc;
  if (node && node->type == XML_ELEMENT_NODE) loc = loc_of(ld, node, NULL);
  else if (e->line > 0) loc = (struct ts_loc){ &ld->src, line_start(ld, (unsigned)e->line), 1 };
  else loc = loc_of(ld, ld->root, NULL);
  add_diag(ld, loc, TS_ERROR, 1, msg);
}

static void on_schema_parse_error(void *ud, xml_err_t e) {
  struct ld *ld = ud;
  char m[512], msg[700];
  tidy(e->message, m, sizeof m);
  snprintf(msg, sizeof msg, "%s:%d: bad schema: %s", e->file ? e->file : "schema.rng", e->line, m);
  add_diag(ld, (struct ts_loc){0}, TS_ERROR, 0, msg);
}

static void validate_schema(struct ld *ld, xmlDoc *doc, const char *schema) {
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(schema);
  if (!pc) { ld->oom = 1; return; }
  xmlRelaxNGSetParserStructuredErrors(pc, on_schema_parse_error, ld);
  xmlRelaxNGPtr rng = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!rng) {
    if (!ld->errors) add_diag(ld, (struct ts_loc){0}, TS_ERROR, 0, "cannot load the schema");
    return;
  }
  xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(rng);
  if (vc) {
    xmlRelaxNGSetValidStructuredErrors(vc, on_schema_error, ld);
    xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
  } else {
    ld->oom = 1;
  }
  xmlRelaxNGFree(rng);
}

/* ================= search path ================= */

static int is_file(const char *p) {
  struct stat st;
  return !stat(p, &st) && S_ISREG(st.st_mode);
}

/*
** Call fn(ud, dir) for each directory of the search path until it returns
** nonzero: $TILESIM_HWDESC (':'-separated) when it is set, otherwise
** TILESIM_HWDESC_DIR (set by configure: the installed ones),
** TILESIM_SRC_HWDESC_DIR (the source tree's, for a build that is not
** installed) and ./hwdesc; then the directory of file (may be NULL).
*/
static int each_dir(const char *file, int (*fn)(void *ud, const char *dir), void *ud) {
  char buf[4096];
  const char *env = getenv("TILESIM_HWDESC");
  for (const char *p = env; p && *p;) {
    size_t n = strcspn(p, ":");
    snprintf(buf, sizeof buf, "%.*s", (int)n, p);
    if (n && fn(ud, buf)) return 1;
    p += n + (p[n] == ':');
  }
  if (!env) {
#ifdef TILESIM_HWDESC_DIR
    if (fn(ud, TILESIM_HWDESC_DIR)) return 1;
#endif
#ifdef TILESIM_SRC_HWDESC_DIR
    if (fn(ud, TILESIM_SRC_HWDESC_DIR)) return 1;
#endif
    if (fn(ud, "hwdesc")) return 1;
  }
  if (file) {
    const char *slash = strrchr(file, '/');
    snprintf(buf, sizeof buf, "%.*s", slash ? (int)(slash - file) : 1, slash ? file : ".");
    if (fn(ud, buf)) return 1;
  }
  return 0;
}

struct found { char path[4096]; const char *leaf; char tried[1024]; };

static void note_tried(struct found *f, const char *dir) {
  size_t n = strlen(f->tried);
  snprintf(f->tried + n, sizeof f->tried - n, "%s%s", n ? ", " : "", dir);
}

static int try_leaf(void *ud, const char *dir) {
  struct found *f = ud;
  size_t n = strlen(dir);
  if (n > 4 && !strcmp(dir + n - 4, ".rng") && !strcmp(f->leaf, "schema.rng")) {
    snprintf(f->path, sizeof f->path, "%s", dir);    /* TILESIM_HWDESC=/x/schema.rng */
  } else {
    snprintf(f->path, sizeof f->path, "%s/%s", dir, f->leaf);
  }
  note_tried(f, dir);
  return is_file(f->path);
}

/* ================= reading numbers ================= */

static int is_blank(const xmlChar *s) {
  for (; s && *s; s++)
    if (!isspace(*s)) return 0;
  return 1;
}

static char *dup_str(struct ld *ld, const char *s) {
  if (!s) return NULL;
  char *p = ts_arena_strndup(&ld->d->arena, s, strlen(s));
  if (!p) ld->oom = 1;
  return p;
}

/* An attribute's value (to xmlFree), or NULL. */
static char *attr_get(xmlNode *el, const char *name) {
  return (char *)xmlGetProp(el, (const xmlChar *)name);
}

/* Every attribute of el is one of the space-separated names in allowed. */
static void check_attrs(struct ld *ld, xmlNode *el, const char *allowed) {
  for (xmlAttr *a = el->properties; a; a = a->next) {
    const char *n = (const char *)a->name;
    size_t len = strlen(n);
    const char *p = allowed;
    int ok = 0;
    while (p && *p && !ok) {
      size_t w = strcspn(p, " ");
      ok = w == len && !strncmp(p, n, len);
      p += w + (p[w] == ' ');
    }
    if (!ok) err_at(ld, el, n, "unknown attribute '%s' on <%s>", n, (const char *)el->name);
  }
}

/* A decimal number: digits with at most one '.', an optional sign. */
static int parse_decimal(const char *s, double *v) {
  const char *p = s + (*s == '+' || *s == '-');
  int digits = 0, dots = 0;
  for (; *p; p++) {
    if (isdigit((unsigned char)*p)) digits++;
    else if (*p == '.' && !dots) dots++;
    else return -1;
  }
  if (!digits) return -1;
  *v = strtod(s, NULL);
  return 0;
}

static int source_known(const struct hw_desc *d, const char *id, size_t n) {
  for (unsigned i = 0; i < d->nsources; i++)
    if (strlen(d->sources[i].id) == n && !strncmp(d->sources[i].id, id, n)) return 1;
  return 0;
}

/* cite="a b": every id names a <source>. */
static void check_cites(struct ld *ld, xmlNode *el, const char *cite) {
  for (const char *p = cite; *p;) {
    p += strspn(p, " \t\n");
    size_t n = strcspn(p, " \t\n");
    if (n && !source_known(ld->d, p, n))
      err_at(ld, el, "cite", "cite '%.*s' names no <source>", (int)n, p);
    p += n;
  }
}

/*
** The provenance attributes of el into num: src, cite (required for vendor
** and measured numbers), why (required for derived and estimated ones, or
** always with need_why), note.  optional: src may be absent.
*/
static void read_prov(struct ld *ld, xmlNode *el, struct hw_num *num, int need_why, int optional) {
  char *src = attr_get(el, "src"), *cite = attr_get(el, "cite"), *why = attr_get(el, "why");
  char *note = attr_get(el, "note");
  const char *name = (const char *)el->name;
  int s = src ? name_index(src_names + 1, 4, src) : -1;
  if (!src && !optional) {
    err_at(ld, el, NULL, "<%s> needs src=\"vendor|measured|derived|estimate\"", name);
  } else if (src && s < 0) {
    err_at(ld, el, "src", "unknown src '%s' (expected vendor, measured, derived or estimate)", src);
  } else if (src) {
    num->src = (enum hw_src)(s + 1);
    if ((num->src == HW_SRC_VENDOR || num->src == HW_SRC_MEASURED) && !(cite && *cite))
      err_at(ld, el, "src", "a %s number needs cite=\"...\" naming its source", src);
    if (why && *why) {
      /* given */
    } else if (num->src == HW_SRC_ESTIMATE) {
      err_at(ld, el, "src", "an estimated number needs why=\"...\" (its reasoning)");
    } else if (num->src == HW_SRC_DERIVED) {
      err_at(ld, el, "src", "a derived number needs why=\"...\" (the formula)");
    } else if (need_why) {
      err_at(ld, el, NULL, "<%s> needs why=\"...\" (its reason), whatever its src", name);
    }
  }
  if (cite) check_cites(ld, el, cite);
  num->cite = dup_str(ld, cite);
  num->why = dup_str(ld, why);
  num->note = dup_str(ld, note);
  num->line = elem_line(ld, el);
  xmlFree(src); xmlFree(cite); xmlFree(why); xmlFree(note);
}

static void add_fixup(struct ld *ld, struct hw_num *num, enum hw_qty q,
                      const struct hw_unit *u, double raw, struct hw_mma *mma, xmlNode *el) {
  if (ld->nfix == ld->capfix) {
    unsigned cap = ld->capfix ? 2 * ld->capfix : 16;
    struct fixup *p = ts_realloc(ld->fix, cap * sizeof *p);
    if (!p) { ld->oom = 1; return; }
    ld->fix = p;
    ld->capfix = cap;
  }
  ld->fix[ld->nfix++] = (struct fixup){ num, q, u, raw, mma, el };
}

/* value= and unit= of el: the raw value and its unit; -1 after an error. */
static int read_value(struct ld *ld, xmlNode *el, enum hw_qty q, double *v,
                      const struct hw_unit **u) {
  char *val = attr_get(el, "value"), *unit = attr_get(el, "unit");
  const char *name = (const char *)el->name;
  int rc = -1;
  char list[128];
  hw_qty_units(q, list, sizeof list);
  if (!val) err_at(ld, el, NULL, "<%s> needs value=\"...\"", name);
  else if (parse_decimal(val, v)) err_at(ld, el, "value", "bad number '%s' in <%s>", val, name);
  else if (q == Q_COUNT && unit) err_at(ld, el, "unit", "<%s> is a count and takes no unit", name);
  else if (!unit && q != Q_COUNT && q != Q_FRAC)
    err_at(ld, el, NULL, "<%s> needs unit=\"...\" (%s)", name, list);
  else if (!(*u = hw_unit_find(q, unit)))
    err_at(ld, el, "unit", "unknown unit '%s' for <%s> (expected %s)", unit, name, list);
  else rc = 0;
  xmlFree(val);
  xmlFree(unit);
  return rc;
}

/*
** Number element el of field f into num (mma: the family it belongs to,
** for clk/inst rates).  Checks its attributes, value, unit, provenance and
** range, and that it is not given twice.
*/
static void read_num(struct ld *ld, xmlNode *el, const struct hw_field *f, struct hw_num *num,
                     struct hw_mma *mma) {
  char allowed[96];
  snprintf(allowed, sizeof allowed, "value unit src cite why note%s%s",
           f->keyattr ? " " : "", f->keyattr ? f->keyattr : "");
  check_attrs(ld, el, allowed);
  if (hw_has(num) || num->line) {
    err_at(ld, el, NULL, "duplicate <%s> (first at line %u)", (const char *)el->name, num->line);
    return;
  }
  for (xmlNode *c = el->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE || (c->type == XML_TEXT_NODE && !is_blank(c->content))) {
      err_at(ld, el, NULL, "<%s> holds a number in its attributes and must be empty", (const char *)el->name);
      break;
    }
  double v = 0;
  const struct hw_unit *u = NULL;
  int ok = !read_value(ld, el, f->q, &v, &u);
  read_prov(ld, el, num, f->flags & F_WHY, 0);
  if (!ok) return;
  if (u->scale == 0 && !(v > 0)) err_at(ld, el, "value", "<%s> value must be positive", (const char *)el->name);
  else if (u->scale == 0) add_fixup(ld, num, f->q, u, v, mma, el);
  if (u->scale == 0) return;
  num->v = v * u->scale;
  const char *bad = hw_check_value(f->q, num->v);
  if (bad) err_at(ld, el, "value", "<%s> value %s", (const char *)el->name, bad);
}

/* Convert the numbers whose units needed the SM clock or the MMA issuers. */
static void apply_fixups(struct ld *ld) {
  for (unsigned i = 0; i < ld->nfix; i++) {
    struct fixup *x = &ld->fix[i];
    const char *why = NULL, *bad;
    unsigned n = x->mma && x->mma->n_min == x->mma->n_max ? x->mma->n_min : 0;
    if (hw_convert(ld->d, x->q, x->unit, x->raw, x->mma, n, &x->num->v, &why))
      err_at(ld, x->el, "unit", "%s", why);
    else if ((bad = hw_check_value(x->q, x->num->v)))
      err_at(ld, x->el, "value", "<%s> value %s", (const char *)x->el->name, bad);
  }
}

/* ================= the tree ================= */

/* Text inside an element that holds elements is a mistake. */
static int skip_node(struct ld *ld, xmlNode *parent, xmlNode *c) {
  if (c->type == XML_ELEMENT_NODE) return 0;
  if (c->type == XML_TEXT_NODE && !is_blank(c->content))
    err_at(ld, parent, NULL, "unexpected text in <%s>", (const char *)parent->name);
  return 1;
}

/* The text content of el, trimmed, in the arena. */
static char *text_of(struct ld *ld, xmlNode *el) {
  xmlChar *t = xmlNodeGetContent(el);
  const char *s = (const char *)t, *e;
  if (!s) return dup_str(ld, "");
  while (isspace((unsigned char)*s)) s++;
  e = s + strlen(s);
  while (e > s && isspace((unsigned char)e[-1])) e--;
  char *r = ts_arena_strndup(&ld->d->arena, s, (size_t)(e - s));
  if (!r) ld->oom = 1;
  xmlFree(t);
  return r;
}

static unsigned count_children(xmlNode *el, const char *name) {
  unsigned n = 0;
  for (xmlNode *c = el->children; c; c = c->next)
    n += c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name);
  return n;
}

static void read_sources(struct ld *ld, xmlNode *el) {
  struct hw_desc *d = ld->d;
  unsigned n = count_children(el, "source");
  d->sources = ts_arena_alloc(&d->arena, (n ? n : 1) * sizeof *d->sources);
  if (!d->sources) { ld->oom = 1; return; }
  check_attrs(ld, el, "");
  for (xmlNode *c = el->children; c; c = c->next) {
    if (skip_node(ld, el, c)) continue;
    if (strcmp((const char *)c->name, "source")) {
      err_at(ld, c, NULL, "unknown element <%s> in <sources>", (const char *)c->name);
      continue;
    }
    check_attrs(ld, c, "id");
    char *id = attr_get(c, "id");
    if (!id || !*id) err_at(ld, c, NULL, "<source> needs id=\"...\"");
    else if (source_known(d, id, strlen(id))) err_at(ld, c, "id", "duplicate source id '%s'", id);
    else {
      struct hw_source *s = &d->sources[d->nsources++];
      s->id = dup_str(ld, id);
      s->text = text_of(ld, c);
      if (s->text && !*s->text) err_at(ld, c, NULL, "<source id=\"%s\"> is empty", id);
    }
    xmlFree(id);
  }
  if (!n) err_at(ld, el, NULL, "<sources> lists no <source>");
}

/* attr of el as one of names (NULL-terminated); -1 after an error, or def if absent. */
static int read_enum(struct ld *ld, xmlNode *el, const char *attr, const char *const *names,
                     int def) {
  char *v = attr_get(el, attr);
  int r = def;
  if (!v && def < 0) {
    err_at(ld, el, NULL, "<%s> needs %s=\"...\"", (const char *)el->name, attr);
  } else if (v) {
    r = name_index(names, 64, v);
    if (r < 0) {
      char list[256] = "";
      for (unsigned i = 0; names[i]; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", names[i]);
      err_at(ld, el, attr, "unknown %s '%s' (expected %s)", attr, v, list);
    }
  }
  xmlFree(v);
  return r;
}

/* A whole number attribute > 0; 0 after an error, def if absent. */
static unsigned read_uint(struct ld *ld, xmlNode *el, const char *attr, unsigned def) {
  char *v = attr_get(el, attr), *end;
  unsigned r = def;
  if (!v && !def) {
    err_at(ld, el, NULL, "<%s> needs %s=\"...\"", (const char *)el->name, attr);
  } else if (v) {
    unsigned long x = strtoul(v, &end, 10);
    if (!isdigit((unsigned char)*v) || *end || !x || x > 1u << 20) {
      err_at(ld, el, attr, "%s='%s' is not a positive whole number", attr, v);
      r = 0;
    } else {
      r = (unsigned)x;
    }
  }
  xmlFree(v);
  return r;
}

/* A space-separated list of names into a bit set; 0 after an error. */
static unsigned read_set(struct ld *ld, xmlNode *el, const char *attr,
                         const char *const *names, unsigned nnames, unsigned def, const char *what) {
  char *v = attr_get(el, attr);
  if (!v) {
    if (!def) err_at(ld, el, NULL, "<%s> needs %s=\"...\"", (const char *)el->name, attr);
    return def;
  }
  unsigned bits = 0;
  for (const char *p = v; *p;) {
    p += strspn(p, " \t\n");
    size_t n = strcspn(p, " \t\n");
    char w[32];
    snprintf(w, sizeof w, "%.*s", (int)n, p);
    int i = n ? name_index(names, nnames, w) : -2;
    if (i == -1) {
      char list[256] = "";
      for (unsigned j = 0; j < nnames; j++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", j ? ", " : "", names[j]);
      err_at(ld, el, attr, "unknown %s '%s' (expected %s)", what, w, list);
    }
    else if (i >= 0) bits |= 1u << i;
    p += n;
  }
  if (!bits) err_at(ld, el, attr, "%s=\"%s\" names no %s", attr, v, what);
  xmlFree(v);
  return bits;
}

/* n="256" or n="8..256" (with n_step). */
static void read_n(struct ld *ld, xmlNode *el, struct hw_mma *m) {
  char *v = attr_get(el, "n");
  unsigned a = 0, b = 0;
  int k = -1, k1 = -1;
  if (v && sscanf(v, "%u..%u%n", &a, &b, &k) == 2 && !v[k]) {
    /* a range */
  } else if (v && sscanf(v, "%u%n", &a, &k1) == 1 && !v[k1]) {
    b = a;
  } else {
    if (v) err_at(ld, el, "n", "bad n='%s' (expected N or MIN..MAX)", v);
    else err_at(ld, el, NULL, "<mma> needs n=\"N\" or n=\"MIN..MAX\"");
    a = b = 0;
  }
  xmlFree(v);
  m->n_min = a;
  m->n_max = b;
  m->n_step = read_uint(ld, el, "n_step", a == b ? 1 : 8);
  if (v && !a && !b) return;
  if (!a) err_at(ld, el, "n", "n must be positive");
  else if (a > b || !m->n_step || (b - a) % m->n_step)
    err_at(ld, el, "n", "n range %u..%u is not a whole number of steps of %u", a, b, m->n_step);
}

/* The children of <mma>: <rate> and <latency [a=...]>. */
static void read_mma_children(struct ld *ld, xmlNode *el, struct hw_mma *m) {
  for (xmlNode *c = el->children; c; c = c->next) {
    if (skip_node(ld, el, c)) continue;
    const char *name = (const char *)c->name;
    if (!strcmp(name, "rate")) {
      read_num(ld, c, &mma_rate_field, &m->rate, m);
    } else if (!strcmp(name, "latency")) {
      char *a = attr_get(c, "a");
      int i = a ? name_index(hw_opnd_names, HW_NOPND, a) : -1;
      if (a && i < 0) err_at(ld, c, "a", "unknown operand source '%s' (expected smem, tmem or reg)", a);
      else read_num(ld, c, &mma_lat_field, a ? &m->latency_a[i] : &m->latency, m);
      xmlFree(a);
    } else {
      err_at(ld, c, NULL, "unknown element <%s> in <mma>", name);
    }
  }
  if (!m->rate.line) err_at(ld, el, NULL, "missing <rate> in <mma>");
  if (!m->latency.line) err_at(ld, el, NULL, "missing <latency> in <mma>");
}

static void read_mma(struct ld *ld, xmlNode *el, unsigned idx) {
  struct hw_mma *m = &ld->d->sm.mma[idx];
  ld->mma_el[idx] = el;
  check_attrs(ld, el, "kind inst dtype acc m n n_step k cta_group a b d");
  m->line = elem_line(ld, el);
  int kind = read_enum(ld, el, "kind", (const char *const[]){ "tcgen05", "wgmma", "mma", "mfma", NULL }, -1);
  m->kind = kind < 0 ? HW_MMA_MMA : (enum hw_mma_kind)kind;
  char *inst = attr_get(el, "inst");
  m->inst = inst ? dup_str(ld, inst) : "";
  xmlFree(inst);
  m->dtypes = read_set(ld, el, "dtype", hw_dtype_names, HW_DT_I32, 0, "dtype");
  for (int t = 0; t < HW_DT_I32; t++)            /* the first listed names the family */
    if (m->dtypes >> t & 1) { m->dtype = (enum hw_dtype)t; break; }
  char *dl = attr_get(el, "dtype");
  if (dl) {
    char w[16];
    if (sscanf(dl, " %15s", w) == 1 && hw_dtype_parse(w) >= 0) m->dtype = (enum hw_dtype)hw_dtype_parse(w);
    xmlFree(dl);
  }
  unsigned def_acc = m->dtypes == 1u << HW_DT_I8 ? 1u << HW_DT_I32 : 1u << HW_DT_F32;
  m->accs = read_set(ld, el, "acc", hw_dtype_names, HW_NDTYPES, def_acc, "accumulator type");
  m->m = read_uint(ld, el, "m", 0);
  m->k = read_uint(ld, el, "k", 0);
  read_n(ld, el, m);
  m->cta_group = read_uint(ld, el, "cta_group", 1);
  if (m->cta_group > 2) err_at(ld, el, "cta_group", "cta_group must be 1 or 2");
  if (m->cta_group == 2 && kind >= 0 && m->kind != HW_MMA_TCGEN05)
    err_at(ld, el, "cta_group", "only tcgen05 MMAs have a 2-CTA form");
  m->a_src = read_set(ld, el, "a", hw_opnd_names, HW_NOPND, 0, "operand source");
  m->b_src = read_set(ld, el, "b", hw_opnd_names, HW_NOPND, 0, "operand source");
  int dsrc = read_enum(ld, el, "d", (const char *const[]){ "tmem", "reg", NULL }, -1);
  m->d_src = dsrc == 0 ? HW_OPND_TMEM : HW_OPND_REG;
  read_mma_children(ld, el, m);
}

/* Elements of <chip> that are not numbers: <title>, <alias>. */
static int read_chip_text(struct ld *ld, xmlNode *c) {
  struct hw_desc *d = ld->d;
  const char *name = (const char *)c->name;
  if (!strcmp(name, "title")) {
    check_attrs(ld, c, "");
    if (d->title) err_at(ld, c, NULL, "duplicate <title>");
    d->title = text_of(ld, c);
    return 1;
  }
  if (!strcmp(name, "alias")) {
    check_attrs(ld, c, "");
    char *t = text_of(ld, c);
    if (t && !*t) err_at(ld, c, NULL, "empty <alias>");
    for (unsigned i = 0; t && i < d->naliases; i++)
      if (!strcasecmp(d->aliases[i], t)) err_at(ld, c, NULL, "duplicate alias '%s'", t);
    if (t) d->aliases[d->naliases++] = t;
    return 1;
  }
  return 0;
}

static void read_chip_attrs(struct ld *ld, xmlNode *el) {
  struct hw_desc *d = ld->d;
  check_attrs(ld, el, "name vendor arch provisional");
  char *name = attr_get(el, "name");
  if (!name) err_at(ld, el, NULL, "<chip> needs name=\"...\"");
  for (const char *p = name; p && *p; p++)
    if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && !strchr("_.-", *p)) {
      err_at(ld, el, "name", "chip name '%s' may hold only a-z, 0-9, '_', '.', '-'", name);
      break;
    }
  d->name = dup_str(ld, name ? name : "?");
  xmlFree(name);
  int v = read_enum(ld, el, "vendor", (const char *const[]){ "nvidia", "amd", NULL }, -1);
  d->vendor = v == 1 ? HW_VENDOR_AMD : HW_VENDOR_NVIDIA;
  int a = read_enum(ld, el, "arch", arch_names, -1);
  d->arch = a >= 0 ? arch_names[a] : "?";
  d->provisional = read_enum(ld, el, "provisional", (const char *const[]){ "false", "true", NULL }, 0) == 1;
  unsigned n = count_children(el, "alias");
  d->aliases = ts_arena_alloc(&d->arena, (n ? n : 1) * sizeof *d->aliases);
  if (!d->aliases) ld->oom = 1;
}

static void read_container(struct ld *ld, xmlNode *el, const char *path);

/* The field of element c at path sub: the keyed one when c has its key. */
static const struct hw_field *field_for(xmlNode *c, const char *sub) {
  const struct hw_field *plain = NULL, *keyed = NULL;
  for (unsigned i = 0; i < hw_nfields; i++)
    if (!strcmp(hw_fields[i].path, sub)) {
      if (hw_fields[i].keyattr) keyed = &hw_fields[i];
      else plain = &hw_fields[i];
    }
  if (keyed && (!plain || xmlHasProp(c, (const xmlChar *)keyed->keyattr))) return keyed;
  return plain;
}

/* A number element c of the container el (at path). */
static void read_field(struct ld *ld, xmlNode *el, xmlNode *c, const char *sub) {
  const char *name = (const char *)c->name;
  const struct hw_field *f = field_for(c, sub);
  if (!f) {
    err_at(ld, c, NULL, "unknown element <%s> in <%s>", name, (const char *)el->name);
    return;
  }
  int k = 0;
  if (f->keyattr) {
    char *key = attr_get(c, f->keyattr);
    k = key ? name_index(f->keys, f->nkeys, key) : -1;
    if (!key) err_at(ld, c, NULL, "<%s> needs %s=\"...\"", name, f->keyattr);
    else if (k < 0) err_at(ld, c, f->keyattr, "unknown %s '%s' for <%s>", f->keyattr, key, name);
    xmlFree(key);
    if (k < 0) return;
  }
  read_num(ld, c, f, hw_field_num(ld->d, f, (unsigned)k), NULL);
}

/* Child c of the container el at path: a container, a number or an MMA. */
static void read_child(struct ld *ld, xmlNode *el, xmlNode *c, const char *path) {
  char sub[128];
  const char *name = (const char *)c->name;
  snprintf(sub, sizeof sub, "%s.%s", path, name);
  int ci = container_index(sub);
  if (ci >= 0 && ld->container_el[ci])
    err_at(ld, c, NULL, "duplicate <%s> (first at line %u)", name, elem_line(ld, ld->container_el[ci]));
  else if (ci >= 0)
    read_container(ld, c, sub);
  else if (!strcmp(path, "chip") && read_chip_text(ld, c))
    return;                                     /* <title>, <alias> */
  else if (!strcmp(sub, "sm.mma"))
    read_mma(ld, c, ld->d->sm.nmma++);
  else
    read_field(ld, el, c, sub);
}

/* The children the container at path requires, where it is present. */
static void check_required(struct ld *ld, xmlNode *el, const char *path) {
  size_t n = strlen(path);
  for (unsigned i = 0; i < hw_nfields; i++) {
    const struct hw_field *f = &hw_fields[i];
    if (!(f->flags & F_REQ) || f->keyattr || strncmp(f->path, path, n) || f->path[n] != '.' ||
        strchr(f->path + n + 1, '.'))
      continue;
    if (!hw_field_num(ld->d, f, 0)->line)
      err_at(ld, el, NULL, "missing <%s> in <%s>", f->path + n + 1, (const char *)el->name);
  }
  for (unsigned i = 0; i < hw_ncontainers; i++) {
    const char *p = hw_containers[i].path;
    if (hw_containers[i].req && !strncmp(p, path, n) && p[n] == '.' && !strchr(p + n + 1, '.') &&
        !ld->container_el[i])
      err_at(ld, el, NULL, "missing <%s> in <%s>", p + n + 1, (const char *)el->name);
  }
}

static void read_container(struct ld *ld, xmlNode *el, const char *path) {
  ld->container_el[container_index(path)] = el;
  if (!strcmp(path, "chip")) read_chip_attrs(ld, el);
  else if (!strcmp(path, "memory.l2")) {
    check_attrs(ld, el, "scope");
    int s = read_enum(ld, el, "scope", (const char *const[]){ "chip", "die", NULL }, -1);
    ld->d->mem.l2_scope = s == 1 ? HW_L2_DIE : HW_L2_CHIP;
  } else check_attrs(ld, el, "");
  if (!strcmp(path, "sm")) {
    unsigned n = count_children(el, "mma");
    ld->d->sm.mma = ts_arena_alloc(&ld->d->arena, (n ? n : 1) * sizeof *ld->d->sm.mma);
    ld->mma_el = ts_arena_alloc(&ld->d->arena, (n ? n : 1) * sizeof *ld->mma_el);
    if (!ld->d->sm.mma || !ld->mma_el) { ld->oom = 1; return; }
    if (!n) err_at(ld, el, NULL, "missing <mma> in <sm> (at least one)");
  }
  for (xmlNode *c = el->children; c; c = c->next)
    if (!skip_node(ld, el, c)) read_child(ld, el, c, path);
  check_required(ld, el, path);
}

static void read_numerics(struct ld *ld, xmlNode *el) {
  check_attrs(ld, el, "profile narrow_overflow nan fp8 src cite why note");
  int p = read_enum(ld, el, "profile", hw_profile_names, -1);
  ld->d->numerics = p >= 0 ? hw_profile_names[p] : "?";
  ld->d->narrow_ieee = read_enum(ld, el, "narrow_overflow",
                                 (const char *const[]){ "satfinite", "ieee", NULL }, 0) == 1;
  ld->d->nan_propagate = read_enum(ld, el, "nan",
                                   (const char *const[]){ "canonical", "propagate", NULL }, 0) == 1;
  ld->d->fp8_fnuz = read_enum(ld, el, "fp8", (const char *const[]){ "ocp", "fnuz", NULL }, 0) == 1;
  struct hw_num prov = {0};
  read_prov(ld, el, &prov, 0, 1);
  ld->d->numerics_src = prov.src;
  ld->d->numerics_why = prov.why;
  for (xmlNode *c = el->children; c; c = c->next)
    if (!skip_node(ld, el, c)) err_at(ld, c, NULL, "unknown element <%s> in <numerics>", (const char *)c->name);
}

/* The root: format, <sources> first (cites refer to them), then the rest. */
static void read_root(struct ld *ld, xmlNode *root) {
  static const char *const top[] = { "sources", "chip", "sm", "memory", "numerics" };
  xmlNode *el[5] = {0};
  check_attrs(ld, root, "format");
  char *fmt = attr_get(root, "format");
  if (!fmt) err_at(ld, root, NULL, "<hwdesc> needs format=\"1\"");
  else if (strcmp(fmt, "1"))
    err_at(ld, root, "format", "unsupported format '%s' (this tilesim reads format 1)", fmt);
  xmlFree(fmt);
  for (xmlNode *c = root->children; c; c = c->next) {
    if (skip_node(ld, root, c)) continue;
    int i = name_index(top, 5, (const char *)c->name);
    if (i < 0) err_at(ld, c, NULL, "unknown element <%s> in <hwdesc>", (const char *)c->name);
    else if (el[i]) err_at(ld, c, NULL, "duplicate <%s> (first at line %u)", top[i], elem_line(ld, el[i]));
    else el[i] = c;
  }
  for (int i = 0; i < 5; i++) {
    if (!el[i]) err_at(ld, root, NULL, "missing <%s> in <hwdesc>", top[i]);
    else if (i == 0) read_sources(ld, el[i]);
    else if (i == 4) read_numerics(ld, el[i]);
    else read_container(ld, el[i], top[i]);
  }
}

/* ================= checks across the file ================= */

/* Do families a and b accept a common instruction? */
static int mma_overlap(const struct hw_mma *a, const struct hw_mma *b) {
  if (!(a->dtypes & b->dtypes) || a->m != b->m || a->k != b->k || a->cta_group != b->cta_group)
    return 0;
  for (unsigned n = a->n_min; n && n <= a->n_max; n += a->n_step ? a->n_step : 1)
    if (n >= b->n_min && n <= b->n_max && b->n_step && (n - b->n_min) % b->n_step == 0) return 1;
  return 0;
}

/* The element named name at line (peaks keep only their line). */
static xmlNode *node_at_line(struct ld *ld, xmlNode *from, unsigned line, const char *name) {
  for (xmlNode *c = from; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (!strcmp((const char *)c->name, name) && elem_line(ld, c) == line) return c;
    xmlNode *r = node_at_line(ld, c->children, line, name);
    if (r) return r;
  }
  return NULL;
}

static void check_mmas(struct ld *ld) {
  const struct hw_sm *sm = &ld->d->sm;
  int has_tmem = ld->container_el[container_index("sm.tmem")] != NULL;
  for (unsigned i = 0; i < sm->nmma; i++) {
    const struct hw_mma *a = &sm->mma[i];
    xmlNode *el = ld->mma_el[i];
    for (unsigned j = 0; j < i; j++)
      if (mma_overlap(a, &sm->mma[j])) {
        char key[64];
        hw_mma_key(a, key, sizeof key);
        err_at(ld, el, NULL, "duplicate mma %s (the family at line %u covers it)", key, sm->mma[j].line);
        break;
      }
    if (!has_tmem && ((a->a_src | a->b_src | a->d_src) & HW_OPND_TMEM))
      err_at(ld, el, NULL, "<mma> uses tensor memory but <sm> has no <tmem>");
    if (a->b_src & HW_OPND_TMEM) err_at(ld, el, "b", "operand B cannot come from tmem");
  }
}

/* The best MMA rate for type t (FLOP/clk/SM), 0 if no family takes it. */
static double best_rate(const struct hw_desc *d, int t) {
  double r = 0;
  for (unsigned i = 0; i < d->sm.nmma; i++)
    if ((d->sm.mma[i].dtypes >> t & 1) && d->sm.mma[i].rate.v > r) r = d->sm.mma[i].rate.v;
  return r;
}

/*
** A quoted peak that disagrees with SMs x clock x per-SM rate is a warning:
** mixing up per-chip and per-die scope, sparse and dense, or old and new
** instruction encodings is the commonest mistake in hardware tables.
** The FP32 peak is quoted at the boost clock, MMA peaks at clocks.sm.
*/
static void check_peaks(struct ld *ld) {
  const struct hw_desc *d = ld->d;
  if (!hw_has(&d->chip.sms) || !hw_has(&d->chip.clock_sm)) return;
  for (int t = 0; t < HW_DT_I32; t++) {
    const struct hw_num *p = &d->chip.peak[t];
    if (!hw_has(p)) continue;
    double clk = d->chip.clock_sm.v, rate = best_rate(d, t);
    if (t == HW_DT_F32 && hw_has(&d->sm.fp32.lanes)) {
      rate = 2 * d->sm.fp32.lanes.v;
      if (hw_has(&d->chip.clock_boost)) clk = d->chip.clock_boost.v;
    }
    double want = d->chip.sms.v * clk * rate / 1e6;
    if (rate > 0 && fabs(want - p->v) > 0.05 * p->v)
      warn_at(ld, node_at_line(ld, ld->root, p->line, "peak"),
              "peak %s %g TFLOP/s differs by %.0f%% from sms x clock x rate per SM (%.1f TFLOP/s)",
              hw_dtype_names[t], p->v, 100 * fabs(want - p->v) / p->v, want);
  }
}

static void check_consistency(struct ld *ld) {
  const struct hw_desc *d = ld->d;
  xmlNode *chip = ld->container_el[container_index("chip")];
  xmlNode *smem = ld->container_el[container_index("sm.smem")];
  xmlNode *tmem = ld->container_el[container_index("sm.tmem")];
  xmlNode *res = ld->container_el[container_index("sm.residency")];
  if (chip && hw_has(&d->chip.sms) && hw_has(&d->chip.dies) &&
      fmod(d->chip.sms.v, d->chip.dies.v) != 0)
    warn_at(ld, chip, "%g SMs do not divide evenly among %g dies", d->chip.sms.v, d->chip.dies.v);
  if (smem && hw_has(&d->sm.smem.per_block) && d->sm.smem.per_block.v > d->sm.smem.size.v)
    err_at(ld, smem, NULL, "shared memory per block (%g B) exceeds its size (%g B)",
           d->sm.smem.per_block.v, d->sm.smem.size.v);
  if (tmem && hw_has(&d->sm.tmem.size) && hw_has(&d->sm.tmem.columns) && hw_has(&d->sm.tmem.lanes) &&
      d->sm.tmem.size.v != d->sm.tmem.lanes.v * d->sm.tmem.columns.v * 4)
    warn_at(ld, tmem, "tensor memory size %g B is not lanes x columns x 4 B", d->sm.tmem.size.v);
  if (res && hw_has(&d->sm.residency.threads) && hw_has(&d->chip.warp_size) &&
      d->sm.residency.threads.v > d->sm.residency.warps.v * d->chip.warp_size.v)
    err_at(ld, res, NULL, "%g threads per SM exceed %g warps of %g", d->sm.residency.threads.v,
           d->sm.residency.warps.v, d->chip.warp_size.v);
  if (d->mem.l2_scope == HW_L2_DIE && hw_has(&d->mem.l2.partitions) && hw_has(&d->chip.dies) &&
      d->mem.l2.partitions.v != d->chip.dies.v)
    warn_at(ld, ld->container_el[container_index("memory.l2")],
            "a per-die L2 has %g partitions for %g dies", d->mem.l2.partitions.v, d->chip.dies.v);
  check_peaks(ld);
}

/* ================= loading ================= */

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 14, n = 0;
  char *buf = ts_malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n - 1, f);
    if (n < cap - 1) break;
    char *nb = ts_realloc(buf, cap *= 2);
    if (!nb) { ts_free(buf); buf = NULL; errno = ENOMEM; }
    else buf = nb;
  }
  int err = ferror(f);
  fclose(f);
  if (buf && err) { ts_free(buf); buf = NULL; errno = EIO; }
  if (buf) { buf[n] = 0; *len = n; }
  return buf;
}

static void check_doc(struct ld *ld, xmlDoc *doc, const char *path) {
  xmlNode *root = xmlDocGetRootElement(doc);
  ld->root = root;
  if (!root) {
    add_diag(ld, (struct ts_loc){ &ld->src, 0, 1 }, TS_ERROR, 0, "empty document");
    return;
  }
  if (strcmp((const char *)root->name, "hwdesc")) {
    err_at(ld, root, NULL, "root element is <%s>, expected <hwdesc>", (const char *)root->name);
    return;
  }
  read_root(ld, root);
  apply_fixups(ld);
  check_mmas(ld);
  if (!ld->errors) check_consistency(ld);
  struct found f = { .leaf = "schema.rng" };
  if (each_dir(path, try_leaf, &f)) {
    validate_schema(ld, doc, f.path);
  } else {
    char msg[1200];
    snprintf(msg, sizeof msg, "cannot find schema.rng (looked in %s)", f.tried);
    add_diag(ld, (struct ts_loc){0}, TS_ERROR, 0, msg);
  }
}

int hw_desc_load(const char *path, struct hw_desc **out, struct ts_diag_sink *sink) {
  *out = NULL;
  size_t len = 0;
  char *text = read_all(path, &len);
  if (!text) {
    ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "cannot read '%s': %s", path, strerror(errno));
    return -1;
  }
  struct hw_desc *d = ts_malloc(sizeof *d);
  if (!d) { ts_free(text); ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0}, "out of memory"); return -1; }
  memset(d, 0, sizeof *d);
  ts_arena_init(&d->arena);
  struct ld ld = { .d = d, .src = { path, text, len, NULL, 0 } };
  d->path = dup_str(&ld, path);
  xmlDoc *doc = parse_xml(&ld);
  if (doc) check_doc(&ld, doc, path);
  unsigned before = sink->nerrors;
  flush_diags(&ld, sink);
  xmlFreeDoc(doc);
  ts_free(ld.fix);
  ts_free(ld.src.lines);
  ts_free(text);
  if (sink->nerrors > before || ld.oom) { hw_desc_free(d); return -1; }
  *out = d;
  return 0;
}

void hw_desc_free(struct hw_desc *d) {
  if (!d) return;
  ts_arena_free(&d->arena);
  ts_free(d);
}

/* ================= finding descriptions ================= */

/* Letters and digits of s, lowercased: "H100 SXM" and "h100-sxm" agree. */
static void norm_name(const char *s, char *out, size_t n) {
  size_t k = 0;
  for (; *s && k + 1 < n; s++)
    if (isalnum((unsigned char)*s)) out[k++] = (char)tolower((unsigned char)*s);
  out[k] = 0;
}

/* Does the description in file name want (its chip name or an alias)? */
static int file_matches(const char *file, const char *want) {
  xmlDoc *doc = xmlReadFile(file, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) return 0;
  int hit = 0;
  xmlNode *root = xmlDocGetRootElement(doc);
  for (xmlNode *c = root ? root->children : NULL; c && !hit; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "chip")) continue;
    char buf[256], *name = attr_get(c, "name");
    norm_name(name ? name : "", buf, sizeof buf);
    hit = !strcmp(buf, want);
    xmlFree(name);
    for (xmlNode *a = c->children; a && !hit; a = a->next) {
      if (a->type != XML_ELEMENT_NODE || strcmp((const char *)a->name, "alias")) continue;
      xmlChar *t = xmlNodeGetContent(a);
      norm_name((const char *)t, buf, sizeof buf);
      hit = !strcmp(buf, want);
      xmlFree(t);
    }
  }
  xmlFreeDoc(doc);
  return hit;
}

struct alias_search { char want[128]; char path[4096]; };

static int try_alias(void *ud, const char *dir) {
  struct alias_search *s = ud;
  DIR *dp = opendir(dir);
  if (!dp) return 0;
  int hit = 0;
  for (struct dirent *e; !hit && (e = readdir(dp));) {
    size_t n = strlen(e->d_name);
    if (n < 5 || strcmp(e->d_name + n - 4, ".xml")) continue;
    snprintf(s->path, sizeof s->path, "%s/%s", dir, e->d_name);
    hit = file_matches(s->path, s->want);
  }
  closedir(dp);
  return hit;
}

static char *dup_heap(const char *s) {
  char *p = ts_malloc(strlen(s) + 1);
  if (p) strcpy(p, s);
  return p;
}

char *hw_desc_find(const char *name) {
  size_t n = strlen(name);
  if (!n) return NULL;
  if (strchr(name, '/') || (n > 4 && !strcmp(name + n - 4, ".xml"))) return dup_heap(name);
  char leaf[256];
  snprintf(leaf, sizeof leaf, "%s.xml", name);
  for (char *p = leaf; *p; p++) *p = (char)tolower((unsigned char)*p);
  struct found f = { .leaf = leaf };
  if (each_dir(NULL, try_leaf, &f)) return dup_heap(f.path);
  struct alias_search s;
  norm_name(name, s.want, sizeof s.want);
  if (s.want[0] && each_dir(NULL, try_alias, &s)) return dup_heap(s.path);
  return NULL;
}

static int collect_dir(void *ud, const char *dir) {
  note_tried(ud, dir);
  return 0;
}

int hw_desc_open(const char *name, struct hw_desc **out, struct ts_diag_sink *sink) {
  char *path = hw_desc_find(name);
  if (!path) {
    struct found f = { .leaf = "" };
    each_dir(NULL, collect_dir, &f);
    ts_diag_emit(sink, TS_ERROR, (struct ts_loc){0},
                 "no hardware description named '%s' (looked in %s)", name, f.tried);
    *out = NULL;
    return -1;
  }
  int rc = hw_desc_load(path, out, sink);
  ts_free(path);
  return rc;
}

void hw_numerics_of(const struct hw_desc *d, struct hw_numerics *out) {
  snprintf(out->profile, sizeof out->profile, "%s", d->numerics ? d->numerics : "fma");
  out->narrow_ieee = d->narrow_ieee;
  out->nan_propagate = d->nan_propagate;
  out->fp8_fnuz = d->fp8_fnuz;
}

void hw_default_numerics(struct hw_numerics *out) {
  struct ts_diag_sink quiet = { NULL, NULL, 0, 0 };
  struct hw_desc *d;
  *out = (struct hw_numerics){ "sm100", false, false, false };
  if (!hw_desc_open(HW_DEFAULT, &d, &quiet)) hw_numerics_of(d, out);
  hw_desc_free(d);
}

/* ================= queries for the model ================= */

const struct hw_mma *hw_mma_find(const struct hw_desc *d, enum hw_dtype t,
                                 unsigned m, unsigned n, unsigned k, unsigned cta_group) {
  for (unsigned i = 0; i < d->sm.nmma; i++) {
    const struct hw_mma *x = &d->sm.mma[i];
    if ((x->dtypes >> t & 1) && x->m == m && x->k == k && x->cta_group == cta_group &&
        n >= x->n_min && n <= x->n_max && (n - x->n_min) % x->n_step == 0)
      return x;
  }
  return NULL;
}

double hw_mma_cycles(const struct hw_desc *d, const struct hw_mma *mma, unsigned n) {
  double issuers = hw_has(&d->sm.mma_issuers) ? d->sm.mma_issuers.v : 1;
  return hw_mma_flops(mma, n) * issuers / (mma->rate.v * mma->cta_group);
}

double hw_mma_latency(const struct hw_desc *d, const struct hw_mma *mma, unsigned n,
                      unsigned a_src) {
  const struct hw_num *l = &mma->latency_a[hw_opnd_index(a_src)];
  return hw_mma_cycles(d, mma, n) + (hw_has(l) ? l->v : mma->latency.v);
}

double hw_cycle_seconds(const struct hw_desc *d) { return 1e-6 / d->chip.clock_sm.v; }

const char *hw_desc_source(const struct hw_desc *d, const char *id) {
  for (unsigned i = 0; i < d->nsources; i++)
    if (!strcmp(d->sources[i].id, id)) return d->sources[i].text;
  return NULL;
}
