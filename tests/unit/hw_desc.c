/*
** hw_desc.c -- tests of hardware descriptions (src/models/hw_desc.c,
** hw_show.c): every shipped description loads cleanly and keeps the
** provenance rules; every broken one in tests/data/hwdesc fails with one
** clear error at the line marked <!--ERR-->; the schema alone agrees with
** the checks; --set changes numbers and rejects what it cannot apply; the
** model's queries reproduce the B200 microbenchmarks the files cite.
*/
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "hw.h"
#include "testlib.h"

/* ---- helpers ---- */

/* $srcdir/REL (automake's harness sets srcdir; by hand, from this file's name). */
/* rel, a path in the source tree, made absolute (tests change directory). */
static void src_path(char *out, size_t n, const char *rel) {
  const char *srcdir = getenv("srcdir");
  char tmp[4096], *abs;
  if (srcdir && *srcdir) {
    snprintf(tmp, sizeof tmp, "%s/%s", srcdir, rel);
  } else {
    const char *file = __FILE__, *slash = strrchr(file, '/');
    int dir = slash ? (int)(slash - file) : 1;
    snprintf(tmp, sizeof tmp, "%.*s/../../%s", dir, slash ? file : ".", rel);
  }
  abs = realpath(tmp, NULL);
  snprintf(out, n, "%s", abs ? abs : tmp);
  free(abs);
}

/* Descriptions and the schema come from the source tree, not an install. */
static void use_source_tree(void) {
  char dir[4096];
  src_path(dir, sizeof dir, "hwdesc");
  setenv("TILESIM_HWDESC", dir, 1);
}

/* Diagnostics, formatted as the CLI prints them. */
struct diags {
  struct ts_diag_sink sink;
  char text[16384];
};

static void collect(void *ud, const struct ts_diag *d) {
  struct diags *t = ud;
  char *s = NULL;
  ts_diag_format(d, &s);
  size_t n = strlen(t->text);
  snprintf(t->text + n, sizeof t->text - n, "%s", s ? s : d->msg);
  free(s);
}

static void diags_init(struct diags *d) {
  memset(d, 0, sizeof *d);
  d->sink.emit = collect;
  d->sink.ud = d;
}

static struct hw_desc *load_named(const char *name, struct diags *dg) {
  char rel[128], path[4096];
  snprintf(rel, sizeof rel, "hwdesc/%s.xml", name);
  src_path(path, sizeof path, rel);
  struct hw_desc *d = NULL;
  diags_init(dg);
  int rc = hw_desc_load(path, &d, &dg->sink);
  ck_assert_msg(rc == 0 && d, "%s does not load:\n%s", path, dg->text);
  return d;
}

static struct hw_desc *load_b200(void) {
  struct diags dg;
  return load_named("b200", &dg);
}

/* The line of file path holding "<!--ERR-->", or 0. */
static unsigned marked_line(const char *path) {
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  char buf[1024];
  unsigned line = 0, found = 0;
  while (!found && fgets(buf, sizeof buf, f)) {
    line++;
    if (strstr(buf, "<!--ERR-->")) found = line;
  }
  fclose(f);
  return found;
}

static const char *const shipped[] = {
  "b200", "gb200", "h100", "h200", "mi300x", "mi355x", "mi450",
};
enum { NSHIPPED = sizeof shipped / sizeof *shipped };

/* ---- every shipped description ---- */

START_TEST(test_shipped_load) {
  struct diags dg;
  struct hw_desc *d = load_named(shipped[_i], &dg);
  ck_assert_msg(dg.sink.nerrors == 0 && dg.sink.nwarnings == 0, "%s:\n%s", shipped[_i], dg.text);
  ck_assert_str_eq(d->name, shipped[_i]);
  ck_assert(d->sm.nmma > 0);
  ck_assert(hw_has(&d->chip.clock_sm) && hw_has(&d->mem.hbm.bandwidth));
  ck_assert(d->numerics != NULL);
  ck_assert_int_eq(d->provisional, !strcmp(shipped[_i], "mi450"));
  hw_desc_free(d);
}
END_TEST

struct prov_check { const struct hw_desc *d; char bad[512]; };

static void check_prov(void *ud, const char *path, const char *unit, const struct hw_num *n) {
  struct prov_check *c = ud;
  (void)unit;
  const char *problem = NULL;
  if ((n->src == HW_SRC_VENDOR || n->src == HW_SRC_MEASURED) && !n->cite) problem = "no cite";
  else if ((n->src == HW_SRC_DERIVED || n->src == HW_SRC_ESTIMATE) && !(n->why && *n->why))
    problem = "no why";
  else if (!(n->v > 0) || !isfinite(n->v)) problem = "not positive";
  for (const char *p = n->cite; !problem && p && *p;) {   /* every cite resolves */
    char id[64];
    int len = 0;
    if (sscanf(p, " %63s%n", id, &len) != 1) break;
    if (!hw_desc_source(c->d, id)) problem = "cite names no source";
    p += len;
  }
  if (problem && !c->bad[0]) snprintf(c->bad, sizeof c->bad, "%s: %s", path, problem);
}

START_TEST(test_shipped_provenance) {
  struct diags dg;
  struct hw_desc *d = load_named(shipped[_i], &dg);
  struct prov_check c = { d, "" };
  hw_desc_foreach(d, check_prov, &c);
  ck_assert_msg(!c.bad[0], "%s: %s", shipped[_i], c.bad);
  unsigned est = hw_desc_count_src(d, HW_SRC_ESTIMATE);
  unsigned all = est + hw_desc_count_src(d, HW_SRC_VENDOR) + hw_desc_count_src(d, HW_SRC_MEASURED) +
                 hw_desc_count_src(d, HW_SRC_DERIVED);
  ck_assert_msg(all > 40, "%s has only %u numbers", shipped[_i], all);
  if (d->provisional)   /* mostly estimates, as it says */
    ck_assert_msg(est * 2 > all, "%s: %u estimates of %u", shipped[_i], est, all);
  hw_desc_free(d);
}
END_TEST

/* The schema alone (as xmllint would use it) accepts every shipped file. */
static void quiet(void *ud, xmlErrorPtr e) { (void)ud; (void)e; }

static int schema_accepts(const char *path) {
  char rng[4096];
  src_path(rng, sizeof rng, "hwdesc/schema.rng");
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(rng);
  xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  ck_assert_msg(schema != NULL, "cannot parse %s", rng);
  xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  int ok = 0;
  if (doc) {
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(vc, (xmlStructuredErrorFunc)quiet, NULL);
    ok = xmlRelaxNGValidateDoc(vc, doc) == 0;
    xmlRelaxNGFreeValidCtxt(vc);
    xmlFreeDoc(doc);
  }
  xmlRelaxNGFree(schema);
  return ok;
}

START_TEST(test_shipped_schema) {
  char rel[128], path[4096];
  snprintf(rel, sizeof rel, "hwdesc/%s.xml", shipped[_i]);
  src_path(path, sizeof path, rel);
  ck_assert_msg(schema_accepts(path), "schema.rng rejects %s", path);
}
END_TEST

START_TEST(test_minimal_and_warning) {
  char path[4096];
  struct diags dg;
  struct hw_desc *d = NULL;
  src_path(path, sizeof path, "tests/data/hwdesc/minimal.xml");
  diags_init(&dg);
  ck_assert_msg(hw_desc_load(path, &d, &dg.sink) == 0, "%s", dg.text);
  ck_assert_msg(dg.sink.nwarnings == 0, "%s", dg.text);
  ck_assert(schema_accepts(path));
  /* units: 1 GHz, 90 %, 200 clk at 1 GHz, 4 MiB */
  ck_assert(d->chip.clock_sm.v == 1000);
  ck_assert(fabs(d->mem.hbm.achievable.v - 0.9) < 1e-12);
  ck_assert(fabs(d->mem.l2.latency.v - 200) < 1e-9);
  ck_assert(d->mem.l2.size.v == 4 * 1048576.0);
  ck_assert(!hw_has(&d->mem.tma.engines) && !hw_has(&d->mem.llc.size));
  hw_desc_free(d);

  src_path(path, sizeof path, "tests/data/hwdesc/warn_peak.xml");
  diags_init(&dg);
  ck_assert_msg(hw_desc_load(path, &d, &dg.sink) == 0, "%s", dg.text);
  ck_assert_uint_eq(dg.sink.nwarnings, 1);
  ck_assert_msg(strstr(dg.text, "warn_peak.xml:14:") && strstr(dg.text, "peak bf16 50 TFLOP/s differs"),
                "%s", dg.text);
  hw_desc_free(d);
}
END_TEST

/* Every ```xml block of doc/hwdesc.md that is a whole file loads cleanly. */
START_TEST(test_doc_examples) {
  char path[4096], tmp[4096], line[1024];
  src_path(path, sizeof path, "doc/hwdesc.md");
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  const char *dir = getenv("TMPDIR");
  unsigned count = 0;
  FILE *out = NULL;
  while (fgets(line, sizeof line, f)) {
    if (!out && !strcmp(line, "```xml\n")) {
      if (!fgets(line, sizeof line, f) || strncmp(line, "<?xml", 5)) continue;   /* a fragment */
      snprintf(tmp, sizeof tmp, "%s/tilesim-hwdoc-XXXXXX.xml", dir && *dir ? dir : "/tmp");
      int fd = mkstemps(tmp, 4);
      ck_assert(fd >= 0);
      out = fdopen(fd, "w");
      fputs(line, out);
    } else if (out && !strcmp(line, "```\n")) {
      fclose(out);
      out = NULL;
      struct diags dg;
      struct hw_desc *d = NULL;
      diags_init(&dg);
      int rc = hw_desc_load(tmp, &d, &dg.sink);
      remove(tmp);
      ck_assert_msg(rc == 0 && dg.sink.nwarnings == 0, "doc/hwdesc.md example %u:\n%s", count + 1, dg.text);
      hw_desc_free(d);
      count++;
    } else if (out) {
      fputs(line, out);
    }
  }
  fclose(f);
  ck_assert_msg(count > 0, "no complete example in doc/hwdesc.md");
}
END_TEST

/* ---- every broken description ---- */

static const struct bad {
  const char *file, *msg;
  int schema;      /* the schema alone rejects it too (else a semantic rule) */
} bad[] = {
  { "bad_not_xml.xml", "start tag expected", 1 },
  { "bad_unclosed.xml", "opening and ending tag mismatch", 1 },
  { "bad_root.xml", "root element is <gpu>, expected <hwdesc>", 1 },
  { "bad_format.xml", "unsupported format '2'", 1 },
  { "bad_missing_sms.xml", "missing <sms> in <chip>", 1 },
  { "bad_missing_hbm.xml", "missing <hbm> in <memory>", 1 },
  { "bad_missing_mma.xml", "missing <mma> in <sm>", 1 },
  { "bad_negative_bw.xml", "<bandwidth> value must be positive", 1 },
  { "bad_fraction.xml", "<achievable> value is not a fraction in (0,1]", 1 },
  { "bad_estimate_no_why.xml", "an estimated number needs why=", 1 },
  { "bad_vendor_no_cite.xml", "a vendor number needs cite=", 1 },
  { "bad_achievable_no_why.xml", "<achievable> needs why=", 1 },
  { "bad_unknown_dtype.xml", "unknown dtype 'bf17'", 1 },
  { "bad_duplicate_element.xml", "duplicate <dies> (first at line 9)", 1 },
  { "bad_unknown_unit.xml", "unknown unit 'GB/h' for <bandwidth> (expected GB/s, TB/s)", 1 },
  { "bad_missing_unit.xml", "<size> needs unit=", 1 },
  { "bad_count_unit.xml", "<sms> is a count and takes no unit", 1 },
  { "bad_not_number.xml", "bad number 'lots' in <blocks>", 1 },
  { "bad_unknown_src.xml", "unknown src 'rumor'", 1 },
  { "bad_unknown_element.xml", "unknown element <warpgroups> in <sm>", 1 },
  { "bad_unknown_attr.xml", "unknown attribute 'colour' on <partitions>", 1 },
  { "bad_profile.xml", "unknown profile 'sm99'", 1 },
  { "bad_duplicate_mma.xml", "duplicate mma bf16.m128n128k16", 0 },
  { "bad_unknown_cite.xml", "cite 'nosuch' names no <source>", 0 },
  { "bad_cta2_wgmma.xml", "only tcgen05 MMAs have a 2-CTA form", 0 },
  { "bad_tmem_missing.xml", "<mma> uses tensor memory but <sm> has no <tmem>", 0 },
  { "bad_n_range.xml", "n range 8..250 is not a whole number of steps of 16", 0 },
  { "bad_per_block.xml", "shared memory per block (204800 B) exceeds its size", 0 },
  { "bad_clk_inst_range.xml", "clk/inst needs an instruction with a fixed n", 0 },
};
enum { NBAD = sizeof bad / sizeof *bad };

START_TEST(test_bad_file) {
  const struct bad *b = &bad[_i];
  char rel[256], path[4096], where[4200];
  snprintf(rel, sizeof rel, "tests/data/hwdesc/%s", b->file);
  src_path(path, sizeof path, rel);
  unsigned line = marked_line(path);
  ck_assert_msg(line > 0, "%s has no <!--ERR--> mark", b->file);
  struct diags dg;
  struct hw_desc *d = (struct hw_desc *)1;
  diags_init(&dg);
  ck_assert_int_eq(hw_desc_load(path, &d, &dg.sink), -1);
  ck_assert_ptr_null(d);
  snprintf(where, sizeof where, "%s:%u:", path, line);
  ck_assert_msg(strstr(dg.text, where) == dg.text, "%s: want the error at %s, got:\n%s", b->file, where, dg.text);
  ck_assert_msg(strstr(dg.text, b->msg), "%s: want '%s', got:\n%s", b->file, b->msg, dg.text);
  ck_assert_msg(dg.sink.nerrors == 1, "%s: want one error, got %u:\n%s", b->file, dg.sink.nerrors, dg.text);
}
END_TEST

START_TEST(test_bad_schema_agrees) {
  const struct bad *b = &bad[_i];
  char rel[256], path[4096];
  snprintf(rel, sizeof rel, "tests/data/hwdesc/%s", b->file);
  src_path(path, sizeof path, rel);
  ck_assert_msg(schema_accepts(path) == !b->schema, "%s: schema.rng %s it", b->file,
                b->schema ? "accepts" : "rejects");
}
END_TEST

START_TEST(test_unreadable) {
  struct diags dg;
  struct hw_desc *d;
  diags_init(&dg);
  ck_assert_int_eq(hw_desc_load("/nonexistent/dir/x.xml", &d, &dg.sink), -1);
  ck_assert_msg(strstr(dg.text, "cannot read '/nonexistent/dir/x.xml'"), "%s", dg.text);
}
END_TEST

START_TEST(test_no_schema) {
  char path[4096];
  struct diags dg;
  struct hw_desc *d;
  src_path(path, sizeof path, "tests/data/hwdesc/minimal.xml");
  setenv("TILESIM_HWDESC", "/nonexistent", 1);
  char cwd[4096];
  ck_assert(getcwd(cwd, sizeof cwd) != NULL);
  ck_assert(chdir("/") == 0);             /* no ./hwdesc either */
  diags_init(&dg);
  int rc = hw_desc_load(path, &d, &dg.sink);
  ck_assert(chdir(cwd) == 0);
  use_source_tree();
  ck_assert_int_eq(rc, -1);
  ck_assert_msg(strstr(dg.text, "cannot find schema.rng (looked in /nonexistent"), "%s", dg.text);
}
END_TEST

/* ---- finding descriptions ---- */

START_TEST(test_find) {
  static const struct { const char *name, *file; } cases[] = {
    { "b200", "/b200.xml" }, { "B200", "/b200.xml" }, { "B200 SXM", "/b200.xml" },
    { "H100 SXM", "/h100.xml" }, { "h200", "/h200.xml" }, { "MI355X", "/mi355x.xml" },
    { "mi455x", "/mi450.xml" }, { "GB200", "/gb200.xml" }, { "some/where.xml", "some/where.xml" },
  };
  for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *p = hw_desc_find(cases[i].name);
    ck_assert_msg(p != NULL, "%s not found", cases[i].name);
    size_t n = strlen(p), m = strlen(cases[i].file);
    ck_assert_msg(n >= m && !strcmp(p + n - m, cases[i].file), "%s -> %s", cases[i].name, p);
    ts_free(p);
  }
  ck_assert_ptr_null(hw_desc_find("nonesuch"));
  struct diags dg;
  struct hw_desc *d;
  diags_init(&dg);
  ck_assert_int_eq(hw_desc_open("nonesuch", &d, &dg.sink), -1);
  ck_assert_msg(strstr(dg.text, "no hardware description named 'nonesuch'"), "%s", dg.text);
  diags_init(&dg);
  ck_assert_int_eq(hw_desc_open("h100", &d, &dg.sink), 0);
  ck_assert_str_eq(d->name, "h100");
  hw_desc_free(d);
}
END_TEST

/* ---- --set ---- */

static void set_ok(struct hw_desc *d, const char *path, const char *value) {
  struct diags dg;
  diags_init(&dg);
  ck_assert_msg(hw_desc_set(d, path, value, &dg.sink) == 0, "--set %s=%s: %s", path, value, dg.text);
  const struct hw_num *n = hw_desc_get(d, path);
  ck_assert_msg(!strncmp(path, "numerics", 8) || (n && n->src == HW_SRC_SET), "%s", path);
}

START_TEST(test_set_values) {
  struct hw_desc *d = load_b200();
  set_ok(d, "memory.hbm.bandwidth", "10TB/s");
  ck_assert(hw_desc_get(d, "memory.hbm.bandwidth")->v == 10000);
  set_ok(d, "memory.hbm.bandwidth", "9500");                  /* canonical unit: GB/s */
  ck_assert(d->mem.hbm.bandwidth.v == 9500);
  set_ok(d, "chip.clocks.sm", "2 GHz");
  ck_assert(d->chip.clock_sm.v == 2000);
  set_ok(d, "memory.l2.latency", "400clk");                   /* at the 2 GHz just set */
  ck_assert(fabs(d->mem.l2.latency.v - 200) < 1e-9);
  set_ok(d, "memory.hbm.achievable", "95%");
  ck_assert(fabs(d->mem.hbm.achievable.v - 0.95) < 1e-12);
  set_ok(d, "memory.hbm.achievable.ldg", "0.7");
  ck_assert(fabs(d->mem.hbm.achievable_via[HW_LOAD_LDG].v - 0.7) < 1e-12);
  set_ok(d, "sm.sfu.ex2", "32");
  ck_assert(d->sm.sfu.ex2.v == 32);
  set_ok(d, "chip.peak.bf16", "2.5PFLOP/s");
  ck_assert(d->chip.peak[HW_DT_BF16].v == 2500);
  set_ok(d, "sm.smem.size", "256KiB");
  ck_assert(d->sm.smem.size.v == 262144);
  set_ok(d, "chip.sms", "160");
  ck_assert(d->chip.sms.v == 160);
  set_ok(d, "numerics.profile", "exact");
  ck_assert_str_eq(d->numerics, "exact");
  ck_assert_uint_eq(hw_desc_count_src(d, HW_SRC_SET), 9);   /* the bandwidth twice */
  hw_desc_free(d);
}
END_TEST

START_TEST(test_set_mma) {
  struct hw_desc *d = load_b200();
  const struct hw_mma *m = hw_mma_find(d, HW_DT_BF16, 128, 256, 16, 1);
  ck_assert_ptr_nonnull(m);
  set_ok(d, "sm.mma.bf16.m128n256k16.rate", "64clk/inst");   /* twice as fast */
  ck_assert(m->rate.v == 16384);
  ck_assert(hw_mma_cycles(d, m, 256) == 64);
  set_ok(d, "sm.mma.f16.m128n64k16.rate", "8192");           /* the same family by another name */
  ck_assert(m->rate.v == 8192);
  set_ok(d, "sm.mma.bf16.m128n256k16.latency.tmem", "90");
  ck_assert(hw_mma_latency(d, m, 256, HW_OPND_TMEM) == 128 + 90);
  ck_assert(hw_mma_latency(d, m, 256, HW_OPND_SMEM) == 128 + 136);
  set_ok(d, "sm.mma.bf16.m256n256k16.cta2.latency", "200");
  const struct hw_mma *p = hw_mma_find(d, HW_DT_BF16, 256, 256, 16, 2);
  ck_assert(p->latency.v == 200);
  hw_desc_free(d);
}
END_TEST

static const struct { const char *arg, *msg; } set_bad[] = {
  { "memory.hbm.bandwith=1TB/s", "unknown hardware parameter 'memory.hbm.bandwith' (memory.hbm has: size, bandwidth" },
  { "chip.peak.bf17=3", "unknown hardware parameter 'chip.peak.bf17'" },
  { "sm.mma.bf16.m128n300k16.rate=1", "b200 has no bf16 MMA of shape m128n300k16" },
  { "sm.mma.bf16.m128n256k16.speed=1", "an MMA path ends in .rate, .latency" },
  { "sm.mma.bf16.128x256.rate=1", "an MMA is named TYPE.mMnNkK" },
  { "chip.sms=1.5", "chip.sms: 1.5 must be a whole number" },
  { "memory.hbm.achievable=1.5", "is not a fraction in (0,1]" },
  { "memory.hbm.bandwidth=-1TB/s", "must be positive" },
  { "memory.hbm.bandwidth=3 furlongs", "unknown unit 'furlongs' (expected GB/s, TB/s)" },
  { "memory.hbm.bandwidth=fast", "'fast' is not a number" },
  { "chip.sms=148 B", "unknown unit 'B' (expected no unit)" },
  { "numerics.profile=sm99", "unknown numerics profile 'sm99'" },
  { "memory.hbm.bandwidth", "--set wants PATH=VALUE" },
  { "bogus=1", "unknown hardware parameter 'bogus'" },
};

START_TEST(test_set_rejects) {
  struct hw_desc *d = load_b200();
  struct diags dg;
  diags_init(&dg);
  ck_assert_int_eq(hw_desc_set_arg(d, set_bad[_i].arg, &dg.sink), -1);
  ck_assert_msg(strstr(dg.text, set_bad[_i].msg), "--set %s: want '%s', got %s", set_bad[_i].arg,
                set_bad[_i].msg, dg.text);
  ck_assert(d->mem.hbm.bandwidth.v == 8000 && d->chip.sms.v == 148);   /* unchanged */
  ck_assert(d->mem.hbm.achievable.src == HW_SRC_DERIVED);
  ck_assert_str_eq(d->numerics, "sm100");
  hw_desc_free(d);
}
END_TEST

START_TEST(test_get) {
  struct hw_desc *d = load_b200();
  ck_assert(hw_desc_get(d, "chip.sms")->v == 148);
  ck_assert(hw_desc_get(d, "chip.peak.bf16")->v == 2250);
  ck_assert(hw_desc_get(d, "sm.tmem.columns")->v == 512);
  ck_assert(hw_desc_get(d, "memory.hbm.achievable.ldg")->v == 0.825);
  ck_assert(hw_desc_get(d, "sm.mma.e4m3.m128n256k32.rate")->v == 16384);
  ck_assert(hw_desc_get(d, "sm.mma.mxf4.m256n256k64.cta2.rate")->v == 32768);
  ck_assert_ptr_null(hw_desc_get(d, "memory.llc.size"));      /* absent */
  ck_assert_ptr_null(hw_desc_get(d, "chip.peak.f64"));
  ck_assert_ptr_null(hw_desc_get(d, "no.such.path"));
  ck_assert(fabs(hw_cycle_seconds(d) - 1 / 1856e6) < 1e-18);
  hw_desc_free(d);
}
END_TEST

/* ---- what the model will ask ---- */

/* tcgen05 cycles and latencies against the micro anchors the file cites
** (tests/data/measured/perf-anchors-micro.csv): issue intervals from the rate alone;
** the SMEM-bound shapes (N < 128 with A from SMEM) are the model's to add. */
START_TEST(test_b200_mma_anchors) {
  struct hw_desc *d = load_b200();
  const struct hw_mma *m = hw_mma_find(d, HW_DT_BF16, 128, 256, 16, 1);
  ck_assert(fabs(hw_mma_cycles(d, m, 256) - 128.6) / 128.6 < 0.01);
  ck_assert(hw_mma_latency(d, m, 64, HW_OPND_SMEM) == 168);
  ck_assert(hw_mma_latency(d, m, 256, HW_OPND_SMEM) == 264);
  ck_assert(hw_mma_latency(d, m, 64, HW_OPND_TMEM) == 136);
  m = hw_mma_find(d, HW_DT_BF16, 64, 256, 16, 1);
  ck_assert(fabs(hw_mma_cycles(d, m, 256) - 128.6) / 128.6 < 0.01);
  m = hw_mma_find(d, HW_DT_BF16, 256, 256, 16, 2);
  ck_assert(fabs(hw_mma_cycles(d, m, 256) - 128.7) / 128.7 < 0.01);
  ck_assert(hw_mma_latency(d, m, 256, HW_OPND_SMEM) == 298);
  m = hw_mma_find(d, HW_DT_E4M3, 256, 256, 32, 2);
  ck_assert(fabs(hw_mma_cycles(d, m, 256) - 128.4) / 128.4 < 0.01);
  m = hw_mma_find(d, HW_DT_MXF4, 128, 256, 64, 1);
  ck_assert(fabs(hw_mma_cycles(d, m, 256) - 128.2) / 128.2 < 0.01);
  ck_assert_ptr_null(hw_mma_find(d, HW_DT_BF16, 128, 264, 16, 1));   /* N beyond 256 */
  ck_assert_ptr_null(hw_mma_find(d, HW_DT_BF16, 128, 100, 16, 1));   /* not a step of 8 */
  ck_assert_ptr_null(hw_mma_find(d, HW_DT_BF16, 256, 256, 16, 1));   /* M=256 needs a pair */
  ck_assert(fabs(d->mem.hbm.bandwidth.v * d->mem.hbm.achievable.v - 7260) < 1);  /* 7.26 TB/s */
  hw_desc_free(d);
}
END_TEST

START_TEST(test_other_chips_mma) {
  struct diags dg;
  struct hw_desc *d = load_named("h100", &dg);
  const struct hw_mma *m = hw_mma_find(d, HW_DT_BF16, 64, 256, 16, 1);
  ck_assert(m && m->kind == HW_MMA_WGMMA && hw_mma_cycles(d, m, 256) == 128);
  ck_assert(m->d_src == HW_OPND_REG && !hw_has(&d->sm.tmem.size));
  ck_assert(fabs(d->mem.hbm.bandwidth.v * d->mem.hbm.achievable.v - 3000) < 5);  /* 3.0 TB/s copy */
  hw_desc_free(d);
  d = load_named("mi300x", &dg);
  m = hw_mma_find(d, HW_DT_BF16, 32, 32, 8, 1);
  ck_assert(m && m->rate.v == 2048 && hw_mma_cycles(d, m, 32) == 32);
  ck_assert(d->mem.l2_scope == HW_L2_DIE && d->mem.l2.partitions.v == 8);
  hw_desc_free(d);
  d = load_named("mi355x", &dg);
  m = hw_mma_find(d, HW_DT_BF16, 32, 32, 8, 1);               /* CDNA3 encoding: half rate */
  ck_assert(m && m->rate.v == 2048);
  m = hw_mma_find(d, HW_DT_BF16, 32, 32, 16, 1);              /* new encoding: full rate */
  ck_assert(m && m->rate.v == 4096 && hw_mma_cycles(d, m, 32) == 32);
  m = hw_mma_find(d, HW_DT_E2M1, 32, 32, 64, 1);
  ck_assert(m && m->rate.v == 16384);
  hw_desc_free(d);
}
END_TEST

/* ---- printing ---- */

START_TEST(test_print) {
  struct hw_desc *d = load_b200();
  struct diags dg;
  diags_init(&dg);
  ck_assert_int_eq(hw_desc_set(d, "sm.sfu.ex2", "32", &dg.sink), 0);
  struct ts_buf b = {0};
  ck_assert_int_eq(hw_desc_print(d, &b), 0);
  static const char *const want[] = {
    "b200: NVIDIA B200", "chip.sms", "148", "memory.hbm.bandwidth", "8000 GB/s",
    "sm.mma.bf16.m128n256k16:", ".latency.tmem", "set with --set", "Sources:", "semi-ubench",
    "1 set with --set", "232448 B (227 KiB)",
  };
  for (unsigned i = 0; i < sizeof want / sizeof *want; i++)
    ck_assert_msg(strstr(b.s, want[i]), "hw show lacks '%s':\n%s", want[i], b.s);
  ts_buf_free(&b);
  hw_desc_free(d);
}
END_TEST

Suite *suite_hw_desc(void) {
  Suite *s = suite_create("hw_desc");
  TCase *tc = tcase_create("shipped");
  tcase_add_unchecked_fixture(tc, use_source_tree, NULL);
  tcase_add_loop_test(tc, test_shipped_load, 0, NSHIPPED);
  tcase_add_loop_test(tc, test_shipped_provenance, 0, NSHIPPED);
  tcase_add_loop_test(tc, test_shipped_schema, 0, NSHIPPED);
  tcase_add_test(tc, test_minimal_and_warning);
  tcase_add_test(tc, test_doc_examples);
  suite_add_tcase(s, tc);

  tc = tcase_create("bad");
  tcase_add_unchecked_fixture(tc, use_source_tree, NULL);
  tcase_add_loop_test(tc, test_bad_file, 0, NBAD);
  tcase_add_loop_test(tc, test_bad_schema_agrees, 0, NBAD);
  tcase_add_test(tc, test_unreadable);
  tcase_add_test(tc, test_no_schema);
  suite_add_tcase(s, tc);

  tc = tcase_create("find");
  tcase_add_unchecked_fixture(tc, use_source_tree, NULL);
  tcase_add_test(tc, test_find);
  suite_add_tcase(s, tc);

  tc = tcase_create("set");
  tcase_add_unchecked_fixture(tc, use_source_tree, NULL);
  tcase_add_test(tc, test_set_values);
  tcase_add_test(tc, test_set_mma);
  tcase_add_loop_test(tc, test_set_rejects, 0, sizeof set_bad / sizeof *set_bad);
  tcase_add_test(tc, test_get);
  tcase_add_test(tc, test_print);
  suite_add_tcase(s, tc);

  tc = tcase_create("model");
  tcase_add_unchecked_fixture(tc, use_source_tree, NULL);
  tcase_add_test(tc, test_b200_mma_anchors);
  tcase_add_test(tc, test_other_chips_mma);
  suite_add_tcase(s, tc);
  return s;
}
