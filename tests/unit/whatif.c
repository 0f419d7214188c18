/*
** whatif.c -- tests of the what-if pictures (src/models/svg.c,
** perf_roofline.c, perf_html.c, perf_timeline.c, hw_diff.c) on hand-made
** predictions: the SVG and the HTML are well-formed XML (libxml2) and
** hold the expected series, sections and bars; the compressed trace
** inflates to valid JSON with one process per SM and one thread per unit;
** `hw diff` lists exactly what differs.
*/
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "svg.h"
#include "testlib.h"
#include "whatif.h"

/* ---- helpers ---- */

/* Descriptions come from the source tree (tests change directory). */
static void use_source_tree(void) {
  const char *srcdir = getenv("srcdir");
  char tmp[4096], *abs;
  if (srcdir && *srcdir) snprintf(tmp, sizeof tmp, "%s/hwdesc", srcdir);
  else {
    const char *file = __FILE__, *slash = strrchr(file, '/');
    snprintf(tmp, sizeof tmp, "%.*s/../../hwdesc", slash ? (int)(slash - file) : 1, slash ? file : ".");
  }
  abs = realpath(tmp, NULL);
  setenv("TILESIM_HWDESC", abs ? abs : tmp, 1);
  free(abs);
}

static struct hw_desc *open_desc(const char *name) {
  struct tt_diags d;
  struct hw_desc *hw = NULL;
  tt_diags_init(&d);
  use_source_tree();
  ck_assert_msg(hw_desc_open(name, &hw, &d.sink) == 0, "open %s: %s", name, d.text);
  return hw;
}

/* Parse text as strict XML; NULL (and a failed test) when it is not. */
static xmlDocPtr parse_xml(const char *text) {
  xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "t.xml", NULL, XML_PARSE_NONET);
  ck_assert_msg(doc != NULL, "not well-formed XML:\n%.2000s", text);
  return doc;
}

/* How many nodes the XPath expression selects (namespaces bound as svg and h). */
static int xcount(xmlDocPtr doc, const char *expr) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
  xmlXPathRegisterNs(ctx, BAD_CAST "h", BAD_CAST "http://www.w3.org/1999/xhtml");
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
  ck_assert_msg(o != NULL, "bad xpath %s", expr);
  int n = o->nodesetval ? o->nodesetval->nodeNr : 0;
  xmlXPathFreeObject(o);
  xmlXPathFreeContext(ctx);
  return n;
}

/* A kernel to hang slices and decisions on: its ops have lines 3 and 4. */
static const char kernel_text[] =
  "cuda_tile.module @k {\n"
  "  entry @k(%a: tile<f32>) {\n"
  "    %e = exp2 %a : tile<f32>\n"
  "    %s = addf %e, %a : tile<f32>\n"
  "    return\n"
  "  }\n"
  "}\n";

static const struct ir_op *nth_op(const struct ir_module *m, int n) {
  const struct ir_op *entry = m->op->regions[0].block->first;
  const struct ir_op *op = entry->regions[0].block->first;
  while (n-- && op) op = op->next;
  return op;
}

/* A made-up prediction: 10 us, MMA-bound, two decisions. */
static void fake_result(struct perf_result *r, struct perf_decision *dec, const struct ir_op *op) {
  memset(r, 0, sizeof *r);
  r->seconds = 10e-6; r->cycles = 18560;
  r->flops = r->mma_flops = 2.0e13 * 10e-6 * 100;   /* 2000 TFLOP/s */
  r->tflops = r->flops / r->seconds / 1e12;
  r->dtype = HW_DT_BF16;
  r->util = 0.8;
  for (int u = 0; u < PERF_NUNITS; u++) r->busy[u] = 0.1 * (u + 1);
  r->busy[PERF_U_MMA] = 0.85;
  r->bottleneck = PERF_U_MMA;
  r->hbm_bytes = 64 << 20; r->l2_bytes = 512 << 20; r->l2_hit = 0.875;
  r->blocks = 296; r->waves = 2; r->blocks_per_sm = 1; r->estimates = 3;
  dec[0] = (struct perf_decision){ .op = op, .what = "mma.inst",
                                   .text = "tcgen05.mma.cta_group::2 m256n256k16 <bf16>" };
  dec[1] = (struct perf_decision){ .what = "residency", .text = "1 block per SM & 3 stages" };
  r->dec = dec; r->ndec = 2;
}

/* Slices on SMs 0 and 1: sfu and fp32 work of two blocks. */
static void fake_timeline(struct perf_timeline *tl, const struct ir_module *m) {
  for (unsigned sm = 0; sm < 2; sm++)
    for (int i = 0; i < 4; i++) {
      struct perf_slice s = { .sm = sm, .unit = i % 2 ? PERF_U_FP32 : PERF_U_SFU, .block = sm,
                              .op = nth_op(m, i % 2), .t0 = i * 1e-6, .t1 = (i + 0.8) * 1e-6 };
      perf_timeline_add(tl, &s);
    }
}

/* ---- a tiny JSON checker: the grammar of RFC 8259, nothing more ---- */

static const char *json_value(const char *p);

static const char *ws(const char *p) { while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') p++; return p; }

static const char *json_string(const char *p) {
  if (*p++ != '"') return NULL;
  for (; *p != '"'; p++) {
    if ((unsigned char)*p < 0x20) return NULL;
    if (*p == '\\' && !strchr("\"\\/bfnrtu", *++p)) return NULL;
  }
  return p + 1;
}

static const char *json_number(const char *p) {
  char *end;
  strtod(p, &end);
  return end == p || *p == '+' || *p == '.' ? NULL : end;
}

static const char *json_seq(const char *p, char close, bool object) {
  p = ws(p + 1);
  if (*p == close) return p + 1;
  for (;;) {
    if (object) {
      if (!(p = json_string(ws(p))) || *(p = ws(p)) != ':') return NULL;
      p++;
    }
    if (!(p = json_value(p))) return NULL;
    p = ws(p);
    if (*p == close) return p + 1;
    if (*p++ != ',') return NULL;
  }
}

static const char *json_value(const char *p) {
  p = ws(p);
  if (*p == '{') return json_seq(p, '}', true);
  if (*p == '[') return json_seq(p, ']', false);
  if (*p == '"') return json_string(p);
  if (!strncmp(p, "true", 4)) return p + 4;
  if (!strncmp(p, "false", 5)) return p + 5;
  if (!strncmp(p, "null", 4)) return p + 4;
  return json_number(p);
}

static bool json_valid(const char *text) {
  const char *end = json_value(text);
  return end && !*ws(end);
}

static int count(const char *hay, const char *needle) {
  int n = 0;
  for (const char *p = hay; (p = strstr(p, needle)); p++) n++;
  return n;
}

/* ---- tests ---- */

START_TEST(json_checker_works) {
  ck_assert(json_valid("{\"a\":[1,2.5e3,-0.1,true,null,\"x\\\"y\"],\"b\":{}}"));
  ck_assert(!json_valid("{\"a\":[1,2,]}"));
  ck_assert(!json_valid("{\"a\":1} x"));
  ck_assert(!json_valid("{'a':1}"));
}
END_TEST

START_TEST(svg_plot_series) {
  double x[] = { 1, 2, 4, 8 }, y1[] = { 10, 20, 35, 40 }, y2[] = { 5, 5, 6, 7 };
  struct svg_series s[] = {
    { "cta2 <on>", x, y1, 4, SVG_LINE, false },
    { "cta1 & more", x, y2, 4, SVG_DASHED, true },
  };
  struct svg_plot p = { .title = "t", .xlabel = "x", .ylabel = "y", .logx = true,
                        .series = s, .nseries = 2 };
  struct ts_buf b = {0};
  svg_plot_write(&b, &p);
  xmlDocPtr doc = parse_xml(b.s);
  ck_assert_int_eq(xcount(doc, "//svg:g[@class='series']"), 2);
  ck_assert_int_eq(xcount(doc, "//svg:g[@data-name='cta2 <on>']/svg:circle"), 4);
  ck_assert_int_eq(xcount(doc, "//svg:g[@data-name='cta1 & more']/svg:polyline"), 1);
  xmlFreeDoc(doc);
  ts_buf_free(&b);
}
END_TEST

START_TEST(svg_bars_values) {
  struct svg_bar bars[] = { { "mma", 0.9, "bottleneck", true }, { "hbm", 0.25, NULL, false } };
  struct ts_buf b = {0};
  svg_bars_write(&b, "units", bars, 2, 1.0, true, 0);
  xmlDocPtr doc = parse_xml(b.s);
  ck_assert_int_eq(xcount(doc, "//svg:g[@class='bar']"), 2);
  ck_assert_int_eq(xcount(doc, "//svg:g[@data-name='mma' and @data-value='0.9']"), 1);
  ck_assert_ptr_nonnull(strstr(b.s, "25.0%"));
  xmlFreeDoc(doc);
  ts_buf_free(&b);
}
END_TEST

START_TEST(roofline_ceilings) {
  struct hw_desc *d = open_desc("b200");
  struct perf_result r;
  struct perf_decision dec[2];
  fake_result(&r, dec, NULL);
  struct ts_buf b = {0};
  perf_roofline_svg(&b, d, &r, "gemm");
  xmlDocPtr doc = parse_xml(b.s);
  ck_assert_int_eq(xcount(doc, "//svg:g[@data-name='f16/bf16 2250']"), 1);
  ck_assert_int_eq(xcount(doc, "//svg:g[starts-with(@data-name,'HBM ')]"), 1);
  ck_assert_int_eq(xcount(doc, "//svg:g[starts-with(@data-name,'L2 ')]"), 1);
  ck_assert_int_eq(xcount(doc, "//svg:g[starts-with(@data-name,'sfu ex2')]"), 1);
  ck_assert_int_eq(xcount(doc, "//svg:g[@data-name='gemm (HBM)']/svg:circle"), 1);
  ck_assert_int_eq(xcount(doc, "//svg:g[@data-name='gemm (L2)']/svg:circle"), 1);
  ck_assert_int_eq(xcount(doc, "//svg:g[@data-name='roof']"), 1);
  xmlFreeDoc(doc);
  ts_buf_free(&b);
  hw_desc_free(d);
}
END_TEST

START_TEST(slice_names) {
  struct tt_diags dg;
  tt_diags_init(&dg);
  struct ir_module *m = tt_parse(kernel_text, &dg);
  ck_assert_msg(m != NULL, "%s", dg.text);
  char buf[128];
  perf_slice_name(nth_op(m, 0), buf, sizeof buf);
  ck_assert_str_eq(buf, "exp2 @ t.mlir:3");
  perf_slice_name(nth_op(m, 1), buf, sizeof buf);
  ck_assert_str_eq(buf, "addf @ t.mlir:4");
  perf_slice_name(NULL, buf, sizeof buf);
  ck_assert_str_eq(buf, "(kernel)");
  ir_module_free(m);
}
END_TEST

/* A loc() annotation names the Python line instead, whatever its form. */
START_TEST(slice_names_from_loc) {
  static const char text[] =
    "cuda_tile.module @k {\n"
    "  entry @k(%a: tile<f32>) {\n"
    "    %b = exp2 %a : tile<f32> loc(\"src/attn.py\":12:4)\n"
    "    %c = negf %b : tile<f32> loc(\"name\"(\"k.py\":5:6))\n"
    "    %d = absf %c : tile<f32> loc(callsite(\"a.py\":7:1 at \"b.py\":2:2))\n"
    "    %e = absf %d : tile<f32> loc(unknown)\n"
    "    return\n"
    "  }\n"
    "}\n";
  static const char *const want[] = {
    "exp2 @ attn.py:12", "negf @ k.py:5", "absf @ a.py:7", "absf @ t.mlir:6",
  };
  struct tt_diags dg;
  tt_diags_init(&dg);
  struct ir_module *m = tt_parse(text, &dg);
  ck_assert_msg(m != NULL, "%s", dg.text);
  for (int i = 0; i < 4; i++) {
    char buf[128];
    perf_slice_name(nth_op(m, i), buf, sizeof buf);
    ck_assert_str_eq(buf, want[i]);
  }
  ir_module_free(m);
}
END_TEST

START_TEST(html_report) {
  struct tt_diags dg;
  tt_diags_init(&dg);
  struct ir_module *m = tt_parse(kernel_text, &dg);
  struct hw_desc *d = open_desc("b200");
  struct perf_result r;
  struct perf_decision dec[2];
  struct perf_timeline tl = {0};
  fake_result(&r, dec, nth_op(m, 0));
  fake_timeline(&tl, m);
  struct perf_html h = { .kernel = "k.mlir", .command = "tilesim perf k.mlir --report r.html",
                         .d = d, .r = &r, .tl = &tl };
  struct ts_buf b = {0};
  ck_assert_int_eq(perf_html_write(&b, &h), 0);
  xmlDocPtr doc = parse_xml(b.s);
  ck_assert_int_eq(xcount(doc, "//h:table[@id='prediction']"), 1);
  ck_assert_int_eq(xcount(doc, "//h:table[@id='decisions']/h:tr"), 3);
  ck_assert_int_eq(xcount(doc, "//h:div[@id='utilization']//svg:g[@class='bar']"), PERF_NUNITS + 1);
  ck_assert_int_eq(xcount(doc, "//svg:g[@class='bar' and @data-name='mma' and @data-value='0.85']"), 1);
  ck_assert_int_eq(xcount(doc, "//h:div[@id='roofline']//svg:g[@data-name='k.mlir (HBM)']"), 1);
  ck_assert_int_eq(xcount(doc, "//h:div[@id='timeline']//svg:rect[@class='slice']"), 8);
  ck_assert_int_eq(xcount(doc, "//h:p[@id='estimates']"), 1);
  ck_assert_int_eq(xcount(doc, "//*[local-name()='script' or local-name()='link' or @src]"), 0);
  xmlFreeDoc(doc);
  /* and libxml2's HTML parser reads it as HTML too */
  htmlDocPtr hd = htmlReadMemory(b.s, (int)b.len, "r.html", "utf-8", HTML_PARSE_NONET | HTML_PARSE_NOERROR);
  ck_assert_ptr_nonnull(hd);
  xmlFreeDoc(hd);
  ts_buf_free(&b);
  perf_timeline_free(&tl);
  hw_desc_free(d);
  ir_module_free(m);
}
END_TEST

START_TEST(timeline_gzip_json) {
  struct tt_diags dg;
  tt_diags_init(&dg);
  struct ir_module *m = tt_parse(kernel_text, &dg);
  struct perf_timeline tl = {0};
  fake_timeline(&tl, m);
  char path[] = "/tmp/tilesim-tl-XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  close(fd);
  ck_assert_int_eq(perf_timeline_write(path, &tl, NULL, "k \"q\"", &dg.sink), 0);
  gzFile f = gzopen(path, "rb");
  ck_assert_ptr_nonnull(f);
  static char text[1 << 16];
  int n = gzread(f, text, sizeof text - 1);
  gzclose(f);
  unlink(path);
  ck_assert_int_gt(n, 0);
  text[n] = 0;
  ck_assert_msg(json_valid(text), "invalid JSON:\n%s", text);
  ck_assert_int_eq(count(text, "\"process_name\""), 2);
  ck_assert_int_eq(count(text, "\"thread_name\""), 4);
  ck_assert_int_eq(count(text, "\"name\":\"SM 1\""), 1);
  ck_assert_int_eq(count(text, "\"name\":\"sfu\""), 2);
  ck_assert_int_eq(count(text, "\"ph\":\"X\""), 8);
  ck_assert_int_eq(count(text, "\"name\":\"exp2 @ t.mlir:3\""), 4);
  perf_timeline_free(&tl);
  ir_module_free(m);
}
END_TEST

START_TEST(timeline_unwritable) {
  struct tt_diags dg;
  tt_diags_init(&dg);
  struct perf_timeline tl = {0};
  ck_assert_int_eq(perf_timeline_write("/nonexistent/dir/t.json.gz", &tl, NULL, NULL, &dg.sink), -1);
  ck_assert_ptr_nonnull(strstr(dg.text, "cannot write '/nonexistent/dir/t.json.gz'"));
}
END_TEST

START_TEST(timeline_cap) {
  struct perf_timeline tl = { .max = 3 };
  struct perf_slice s = { .unit = PERF_U_MMA, .t1 = 1e-6 };
  for (int i = 0; i < 5; i++) perf_timeline_add(&tl, &s);
  ck_assert_uint_eq(tl.n, 3);
  ck_assert_uint_eq(tl.dropped, 2);
  perf_timeline_free(&tl);
}
END_TEST

START_TEST(hw_diff_rows) {
  struct hw_desc *a = open_desc("b200"), *b = open_desc("b200");
  struct ts_buf out = {0};
  ck_assert_int_eq(hw_desc_diff(a, b, &out), 0);
  ck_assert_ptr_nonnull(strstr(out.s, "(no differences)"));
  ts_buf_free(&out);
  struct tt_diags dg;
  tt_diags_init(&dg);
  ck_assert_int_eq(hw_desc_set(b, "sm.sfu.ex2", "32", &dg.sink), 0);
  ck_assert_int_eq(hw_desc_set(b, "memory.hbm.bandwidth", "10TB/s", &dg.sink), 0);
  memset(&out, 0, sizeof out);
  ck_assert_int_eq(hw_desc_diff(a, b, &out), 2);
  ck_assert_ptr_nonnull(strstr(out.s, "sm.sfu.ex2"));
  ck_assert_ptr_nonnull(strstr(out.s, "10000 GB/s (set)"));
  ts_buf_free(&out);
  hw_desc_free(b);
  b = open_desc("mi355x");
  memset(&out, 0, sizeof out);
  ck_assert_int_gt(hw_desc_diff(a, b, &out), 20);
  ck_assert_ptr_nonnull(strstr(out.s, "numerics.profile"));
  ck_assert_ptr_nonnull(strstr(out.s, "sm.tmem.size"));
  ts_buf_free(&out);
  hw_desc_free(a);
  hw_desc_free(b);
}
END_TEST

Suite *suite_whatif(void) {
  Suite *s = suite_create("whatif");
  TCase *tc = tcase_create("pictures");
  tcase_add_test(tc, json_checker_works);
  tcase_add_test(tc, svg_plot_series);
  tcase_add_test(tc, svg_bars_values);
  tcase_add_test(tc, roofline_ceilings);
  tcase_add_test(tc, slice_names);
  tcase_add_test(tc, slice_names_from_loc);
  tcase_add_test(tc, html_report);
  tcase_add_test(tc, timeline_gzip_json);
  tcase_add_test(tc, timeline_unwritable);
  tcase_add_test(tc, timeline_cap);
  tcase_add_test(tc, hw_diff_rows);
  suite_add_tcase(s, tc);
  return s;
}
