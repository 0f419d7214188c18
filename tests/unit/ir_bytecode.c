/*
** ir_bytecode.c -- unit tests of the bytecode reader and writer
** (src/ir/bc_*.c): files built byte by byte for each section and each
** version-gated field, the 126-byte 13.1 example of tile-ir.md 6.6,
** malformed files (each must end in one message with its offset), and
** what the writer refuses for each version.
*/
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bc_int.h"
#include "ir_int.h"
#include "testlib.h"

/* ---- a byte builder ---- */

struct bb { uint8_t b[4096]; size_t n; };

static void u8(struct bb *b, unsigned c) { b->b[b->n++] = (uint8_t)c; }

static void bytes(struct bb *b, const void *s, size_t n) {
  memcpy(b->b + b->n, s, n);
  b->n += n;
}

static void vi(struct bb *b, uint64_t v) {
  do { u8(b, (v & 0x7f) | (v > 0x7f ? 0x80 : 0)); v >>= 7; } while (v);
}

static void le(struct bb *b, uint64_t v, int w) {
  for (int i = 0; i < w; i++) u8(b, (uint8_t)(v >> (8 * i)));
}

/* pad with 0xCB to a multiple of a, counting from base */
static void padb(struct bb *b, size_t base, size_t a) {
  while ((base + b->n) % a) u8(b, 0xcb);
}

static void header(struct bb *b, int major, int minor) {
  bytes(b, "\x7FTileIR\0", 8);
  u8(b, (unsigned)major);
  u8(b, (unsigned)minor);
  le(b, 0, 2);
}

static void section(struct bb *f, int id, size_t align, const struct bb *p) {
  u8(f, (unsigned)id | (align > 1 ? 0x80 : 0));
  vi(f, p->n);
  if (align > 1) { vi(f, align); padb(f, 0, align); }
  bytes(f, p->b, p->n);
}

/* A table section: n entries (each a byte string), offsets of width w. */
static void table(struct bb *f, int id, int w, int n, const struct bb *e) {
  struct bb p = {0};
  vi(&p, (uint64_t)n);
  padb(&p, 0, (size_t)w);
  for (int i = 0, off = 0; i < n; off += (int)e[i].n, i++) le(&p, (uint64_t)off, w);
  for (int i = 0; i < n; i++) bytes(&p, e[i].b, e[i].n);
  section(f, id, (size_t)w, &p);
}

static void strings(struct bb *f, const char *const *s, int n) {
  struct bb e[16];
  for (int i = 0; i < n; i++) { e[i].n = 0; bytes(&e[i], s[i], strlen(s[i])); }
  table(f, BC_SEC_STRING, 4, n, e);
}

/* types given as byte strings "\x03" (i32) ... */
static void types(struct bb *f, const char *const *t, const int *len, int n) {
  struct bb e[16];
  for (int i = 0; i < n; i++) { e[i].n = 0; bytes(&e[i], t[i], (size_t)len[i]); }
  table(f, BC_SEC_TYPE, 4, n, e);
}

/* One kernel named string 0 with signature type 'sig' and body 'ops'. */
static void function(struct bb *f, int sig, const struct bb *ops) {
  struct bb p = {0};
  vi(&p, 1);
  vi(&p, 0);
  vi(&p, (uint64_t)sig);
  u8(&p, BF_KERNEL);
  vi(&p, 0);
  vi(&p, ops->n);
  bytes(&p, ops->b, ops->n);
  section(f, BC_SEC_FUNC, 8, &p);
}

/* Read f; the canonical text (free it), or NULL with the messages in d. */
static char *dis(const struct bb *f, struct tt_diags *d) {
  tt_diags_init(d);
  struct ir_module *m = ir_read_bytecode("t.tileirbc", f->b, f->n, &d->sink);
  if (!m) return NULL;
  struct ts_buf b = {0};
  ir_print(m, &b);
  ir_module_free(m);
  return b.s;
}

static void expect_text(const struct bb *f, const char *want) {
  struct tt_diags d;
  char *got = dis(f, &d);
  ck_assert_msg(got != NULL, "read failed: %s", d.text);
  ck_assert_msg(!strcmp(got, want), "got:\n%s\nwant:\n%s", got, want);
  free(got);
}

static void expect_error(const struct bb *f, const char *want) {
  struct tt_diags d;
  char *got = dis(f, &d);
  ck_assert_msg(got == NULL, "read succeeded:\n%s", got ? got : "");
  ck_assert_msg(strstr(d.text, want) != NULL, "got '%s', want '%s'", d.text, want);
  ck_assert_msg(strstr(d.text, "t.tileirbc: bad bytecode (") != NULL, "no file name: %s", d.text);
  ck_assert_msg(!strchr(strchr(d.text, '\n') + 1, '\n'), "more than one message: %s", d.text);
}

/* ---- the 126-byte example (tile-ir.md 6.6): a 13.1 file ---- */

static const uint8_t negi_13_1[126] = {
  0x7f, 'T', 'i', 'l', 'e', 'I', 'R', 0, 13, 1, 0, 0,
  0x82, 24, 8, 0xcb,                                     /* functions */
  1, 0, 0, 2, 0, 12, 0x10, 2, 0, 0x50, 2, 0, 0x50, 2, 0, 0x5c, 0, 0,
  0xcb, 0xcb, 0xcb, 0xcb, 0xcb, 0xcb,
  0x84, 25, 8, 0xcb, 0xcb, 0xcb, 0xcb, 0xcb,             /* constants */
  1, 0xcb, 0xcb, 0xcb, 0xcb, 0xcb, 0xcb, 0xcb, 0, 0, 0, 0, 0, 0, 0, 0,
  8, 1, 0, 0, 0, 2, 0, 0, 0,
  0x85, 31, 4,                                           /* types */
  3, 0xcb, 0xcb, 0xcb, 0, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0,
  0x10, 0, 0, 3, 13, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0,
  0x81, 13, 4, 0xcb, 0xcb,                               /* strings */
  1, 0xcb, 0xcb, 0xcb, 0, 0, 0, 0, 'b', 'a', 's', 'i', 'c',
  0,
};

static const char negi_text[] =
  "cuda_tile.module @kernels {\n"
  "  entry @basic() {\n"
  "    %0 = constant <i32: [1, 2]> : tile<2xi32>\n"
  "    %1 = negi %0 : tile<2xi32>\n"
  "    %2 = negi %0 : tile<2xi32>\n"
  "    return\n"
  "  }\n"
  "}\n";

START_TEST(example_126_bytes) {
  struct bb f = {0};
  bytes(&f, negi_13_1, sizeof negi_13_1);
  expect_text(&f, negi_text);
}
END_TEST

/* Writing the example's text as 13.1 gives the same 126 bytes. */
START_TEST(example_written_back) {
  struct tt_diags d;
  tt_diags_init(&d);
  struct ir_module *m = tt_parse(negi_text, &d);
  ck_assert_msg(m != NULL, "%s", d.text);
  struct ts_buf b = {0};
  ck_assert_int_eq(ir_write_bytecode(m, 1301, &b, &d.sink), 0);
  ck_assert_uint_eq(b.len, sizeof negi_13_1);
  ck_assert_mem_eq(b.s, negi_13_1, sizeof negi_13_1);
  /* 13.2 adds negi's overflow attribute: one byte more per negi */
  b.len = 0;
  ck_assert_int_eq(ir_write_bytecode(m, 1302, &b, &d.sink), 0);
  ck_assert_uint_eq((unsigned char)b.s[9], 2);
  struct ir_module *m2 = ir_read_bytecode("t", b.s, b.len, &d.sink);
  ck_assert_msg(m2 != NULL, "%s", d.text);
  ir_module_free(m2);
  ts_buf_free(&b);
  ir_module_free(m);
}
END_TEST

/* ---- sections, hand-built ---- */

/* A kernel whose body is 'ops' over the types t[] and strings "k", s... */
static void kernel_file(struct bb *f, int minor, const char *const *t, const int *tl, int nt,
                        const struct bb *ops) {
  static const char *const s[] = { "k", "sm_100", "latency", "hello %d" };
  header(f, 13, minor);
  function(f, 0, ops);
  types(f, t, tl, nt);
  strings(f, s, 4);
  u8(f, 0);
}

/* types: 0 fn()->(), 1 i32, 2 tile<i32>, 3 f32, 4 tile<4xf32>, 5 token */
static const char *const base_t[] = {
  "\x10\x00\x00", "\x03", "\x0d\x01\x00", "\x07",
  "\x0d\x03\x01\x04\x00\x00\x00\x00\x00\x00\x00", "\x11",
};
static const int base_tl[] = { 3, 1, 3, 1, 11, 1 };

START_TEST(sections_in_any_order) {
  struct bb ops = {0}, f = {0};
  bytes(&ops, "\x5c\x00\x00", 3);                  /* return */
  static const char *const s[] = { "k" };
  header(&f, 13, 1);
  strings(&f, s, 1);                               /* strings first this time */
  types(&f, base_t, base_tl, 1);
  function(&f, 0, &ops);
  u8(&f, 0);
  expect_text(&f, "cuda_tile.module @kernels {\n  entry @k() {\n    return\n  }\n}\n");
}
END_TEST

/* A splat, an i1 splat (0xFF), a bit-packed i1 list, an f16 list. */
START_TEST(constants_splat_and_packed) {
  static const char *const t[] = {
    "\x10\x00\x00", "\x03", "\x0d\x01\x01\x04\x00\x00\x00\x00\x00\x00\x00",
    "\x00", "\x0d\x03\x01\x0a\x00\x00\x00\x00\x00\x00\x00", "\x05",
    "\x0d\x05\x01\x02\x00\x00\x00\x00\x00\x00\x00",
  };
  static const int tl[] = { 3, 1, 11, 1, 11, 1, 11 };
  struct bb ops = {0}, f = {0}, c[4] = {{{0}, 0}};
  vi(&c[0], 4); le(&c[0], 7, 4);                   /* <i32: 7> splat */
  vi(&c[1], 1); u8(&c[1], 0xff);                   /* <i1: true> splat */
  vi(&c[2], 2); u8(&c[2], 0x05); u8(&c[2], 0x02);  /* 1,0,1,0,0,0,0,0,0,1 */
  vi(&c[3], 4); le(&c[3], 0x3c00, 2); le(&c[3], 0xc000, 2);
  static const uint8_t body[] = { 0x10, 2, 0, 0x10, 4, 1, 0x10, 4, 2, 0x10, 6, 3, 0x5c, 0, 0 };
  bytes(&ops, body, sizeof body);
  static const char *const s[] = { "k" };
  header(&f, 13, 1);
  function(&f, 0, &ops);
  table(&f, BC_SEC_CONSTANT, 8, 4, c);
  types(&f, t, tl, 7);
  strings(&f, s, 1);
  u8(&f, 0);
  expect_text(&f,
    "cuda_tile.module @kernels {\n  entry @k() {\n"
    "    %0 = constant <i32: 7> : tile<4xi32>\n"
    "    %1 = constant <i1: true> : tile<10xi1>\n"
    "    %2 = constant <i1: [true, false, true, false, false, false, false, false, false, true]> : tile<10xi1>\n"
    "    %3 = constant <f16: [1.000000e+00, -2.000000e+00]> : tile<2xf16>\n"
    "    return\n  }\n}\n");
}
END_TEST

/* Globals: 13.1 has name, type, value, alignment; 13.3 adds visibility
** and the constant flag. */
START_TEST(globals_by_version) {
  static const char *const t[] = { "\x10\x00\x00", "\x03", "\x0d\x01\x01\x02\x00\x00\x00\x00\x00\x00\x00" };
  static const int tl[] = { 3, 1, 11 };
  static const char *const s[] = { "k", "g" };
  for (int minor = 1; minor <= 3; minor += 2) {
    struct bb ops = {0}, f = {0}, g = {0}, c[1] = {{{0}, 0}};
    bytes(&ops, "\x5c\x00\x00", 3);
    vi(&c[0], 8); le(&c[0], 1, 4); le(&c[0], 2, 4);
    vi(&g, 1); vi(&g, 1); vi(&g, 2); vi(&g, 0); vi(&g, 16);
    if (minor == 3) { vi(&g, 1); vi(&g, 1); }       /* private, constant */
    header(&f, 13, minor);
    section(&f, BC_SEC_GLOBAL, 1, &g);
    function(&f, 0, &ops);
    table(&f, BC_SEC_CONSTANT, 8, 1, c);
    types(&f, t, tl, 3);
    strings(&f, s, 2);
    u8(&f, 0);
    char want[300];
    snprintf(want, sizeof want,
             "cuda_tile.module @kernels {\n  global %s@g alignment = 16 <i32: [1, 2]> : tile<2xi32>\n"
             "  entry @k() {\n    return\n  }\n}\n", minor == 3 ? "private constant " : "");
    expect_text(&f, want);
  }
}
END_TEST

/* partition_view before 13.3 (presence varint after dim_map) and from
** 13.3 on (a flags varint first). */
START_TEST(partition_view_by_version) {
  for (int minor = 2; minor <= 3; minor++) {
    struct bb tv = {0}, pv = {0};
    u8(&tv, 14); vi(&tv, 1); vi(&tv, 1); le(&tv, 64, 8); vi(&tv, 1); le(&tv, 1, 8);
    u8(&pv, 15);
    if (minor == 3) vi(&pv, 1);                    /* padding present */
    vi(&pv, 1); le(&pv, 16, 4); vi(&pv, 2); vi(&pv, 1); le(&pv, 0, 4);
    if (minor == 2) vi(&pv, 1);
    vi(&pv, 2);                                    /* nan */
    const char *t[] = { "\x10\x01\x02\x00", "\x07", (const char *)tv.b, (const char *)pv.b };
    int tl[] = { 4, 1, (int)tv.n, (int)pv.n };
    struct bb ops = {0}, f = {0};
    bytes(&ops, "\x42\x03\x00\x5c\x00\x00", 6);      /* make_partition_view %0; return */
    kernel_file(&f, minor, t, tl, 4, &ops);
    expect_text(&f,
      "cuda_tile.module @kernels {\n  entry @k(%0: tensor_view<64xf32, strides=[1]>) {\n"
      "    %1 = make_partition_view %0 : partition_view<tile=(16), padding_value = nan, "
      "tensor_view<64xf32, strides=[1]>>\n    return\n  }\n}\n");
  }
}
END_TEST

/* 13.4 pointers have a flags varint before the pointee. */
START_TEST(pointer_by_version) {
  for (int minor = 3; minor <= 4; minor++) {
    struct bb p = {0}, tile = {0};
    u8(&p, 12);
    if (minor == 4) vi(&p, 0);
    vi(&p, 1);
    u8(&tile, 13); vi(&tile, 2); vi(&tile, 0);
    const char *t[] = { "\x10\x01\x03\x00", "\x07", (const char *)p.b, (const char *)tile.b };
    int tl[] = { 4, 1, (int)p.n, (int)tile.n };
    struct bb ops = {0}, f = {0};
    bytes(&ops, "\x5c\x00\x00", 3);
    kernel_file(&f, minor, t, tl, 4, &ops);
    expect_text(&f, "cuda_tile.module @kernels {\n  entry @k(%0: tile<ptr<f32>>) {\n    return\n  }\n}\n");
  }
}
END_TEST

/* Optional fields by version: negi overflow (13.2), exp rounding (13.3),
** for's flags (13.2), ftoi's flags (13.4). */
START_TEST(gated_fields) {
  static const struct { int minor; const uint8_t *ops; size_t n; const char *want; } c[] = {
    { 1, (const uint8_t *)"\x50\x02\x00", 3, "negi %0 :" },
    { 2, (const uint8_t *)"\x50\x02\x03\x00", 4, "negi %0 overflow<no_wrap> :" },
    { 2, (const uint8_t *)"\x17\x04\x01", 3, "exp %1 :" },
    { 3, (const uint8_t *)"\x17\x04\x04\x01", 4, "exp %1 rounding<approx> :" },
    { 3, (const uint8_t *)"\x2b\x02\x01\x06\x01", 5, "ftoi %1 signed :" },
    { 4, (const uint8_t *)"\x2b\x02\x01\x01\x06\x01", 6, "ftoi %1 signed saturating :" },
  };
  static const char *const t[] = {
    "\x10\x02\x02\x04\x00", "\x03", "\x0d\x01\x00", "\x07", "\x0d\x03\x00",
  };
  static const int tl[] = { 5, 1, 3, 1, 3 };
  for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
    struct bb ops = {0}, f = {0};
    bytes(&ops, c[i].ops, c[i].n);
    bytes(&ops, "\x5c\x00\x00", 3);
    kernel_file(&f, c[i].minor, t, tl, 5, &ops);
    struct tt_diags d;
    char *got = dis(&f, &d);
    ck_assert_msg(got && strstr(got, c[i].want), "13.%d case %zu: got %s%s", c[i].minor, i,
                  got ? got : "", d.text);
    free(got);
  }
}
END_TEST

/* print_tko: no token result before 13.2 (the reader makes one that no
** op can use), a flags varint and the result from 13.2 on. */
START_TEST(print_by_version) {
  static const char *const t[] = { "\x10\x00\x00", "\x11" };
  static const int tl[] = { 3, 1 };
  struct bb ops = {0}, f = {0};
  bytes(&ops, "\x55\x00\x03\x00\x5c\x00\x00", 7);
  kernel_file(&f, 1, t, tl, 2, &ops);
  expect_text(&f, "cuda_tile.module @kernels {\n  entry @k() {\n    %0 = print_tko \"hello %d\" -> token\n"
                  "    return\n  }\n}\n");
  struct bb ops2 = {0}, f2 = {0};
  bytes(&ops2, "\x55\x01\x01\x00\x03\x00\x5c\x00\x00", 9);
  kernel_file(&f2, 2, t, tl, 2, &ops2);
  expect_text(&f2, "cuda_tile.module @kernels {\n  entry @k() {\n    %0 = print_tko \"hello %d\" -> token\n"
                   "    return\n  }\n}\n");
}
END_TEST

/* Regions and scoped numbering: a for's body numbers its own values,
** which are gone after it; the producer section. */
START_TEST(regions_scopes_producer) {
  static const char *const t[] = {
    "\x10\x01\x01\x00", "\x0d\x02\x00", "\x03",
  };
  static const int tl[] = { 4, 3, 1 };
  struct bb ops = {0}, f = {0}, prod = {0};
  /* %1 = for %2 in (%0 to %0, step %0) iter_values(%3 = %0) { %4 = addi %3, %2; continue %4 } */
  static const uint8_t body[] = {
    0x29, 1, 1, 0, 4, 0, 0, 0, 0, 1, 1, 2, 1, 1, 2, 0x03, 1, 0, 2, 1, 0x11, 0, 1, 3,
    0x03, 1, 0, 1, 1,                                    /* addi %1, %1 after the for */
    0x5c, 0, 0,
  };
  bytes(&ops, body, sizeof body);
  vi(&prod, 3);
  header(&f, 13, 3);
  function(&f, 0, &ops);
  types(&f, t, tl, 3);
  section(&f, BC_SEC_PRODUCER, 1, &prod);
  static const char *const s[] = { "k", "sm_100", "latency", "my \"tool\"" };
  strings(&f, s, 4);
  u8(&f, 0);
  expect_text(&f,
    "cuda_tile.module @kernels attributes {producer = \"my \\22tool\\22\"} {\n"
    "  entry @k(%0: tile<i32>) {\n"
    "    %4 = for %1 in (%0 to %0, step %0) : tile<i32> iter_values(%2 = %0) -> (tile<i32>) {\n"
    "      %3 = addi %2, %1 : tile<i32>\n"
    "      continue %3 : tile<i32>\n"
    "    }\n"
    "    %5 = addi %4, %4 : tile<i32>\n"
    "    return\n  }\n}\n");
}
END_TEST

/* Debug info: a DILoc for the op becomes its loc(...). */
START_TEST(debug_locations) {
  struct bb ops = {0}, f = {0}, dbg = {0}, a[2] = {{{0}, 0}};
  bytes(&ops, "\x5c\x00\x00", 3);
  vi(&a[0], 0);                                  /* 1: unknown */
  vi(&a[1], 4); vi(&a[1], 0); vi(&a[1], 1); vi(&a[1], 7); vi(&a[1], 3);   /* 2: DILoc "sm_100":7:3 */
  vi(&dbg, 1); padb(&dbg, 0, 4); le(&dbg, 0, 4);
  vi(&dbg, 2); padb(&dbg, 0, 8); le(&dbg, 0, 8); le(&dbg, 2, 8);
  vi(&dbg, 2); padb(&dbg, 0, 4); le(&dbg, 0, 4); le(&dbg, 1, 4);
  bytes(&dbg, a[0].b, a[0].n); bytes(&dbg, a[1].b, a[1].n);
  struct bb p = {0};
  vi(&p, 1); vi(&p, 0); vi(&p, 0); u8(&p, BF_KERNEL); vi(&p, 1); vi(&p, ops.n); bytes(&p, ops.b, ops.n);
  header(&f, 13, 1);
  section(&f, BC_SEC_FUNC, 8, &p);
  section(&f, BC_SEC_DEBUG, 8, &dbg);
  types(&f, base_t, base_tl, 1);
  static const char *const s[] = { "k", "sm_100" };
  strings(&f, s, 2);
  u8(&f, 0);
  struct tt_diags d;
  tt_diags_init(&d);
  struct ir_module *m = ir_read_bytecode("t", f.b, f.n, &d.sink);
  ck_assert_msg(m != NULL, "%s", d.text);
  struct ts_buf b = {0};
  ir_print_debuginfo(m, &b);
  ck_assert_msg(strstr(b.s, "return loc(\"sm_100\":7:3)") != NULL, "%s", b.s);
  ts_buf_free(&b);
  ir_module_free(m);
}
END_TEST

/* ---- malformed files: one message each, with the offset ---- */

START_TEST(malformed) {
  struct bb ok = {0};
  bytes(&ok, negi_13_1, sizeof negi_13_1);
  static const struct { size_t at; int byte; size_t len; const char *want; } c[] = {
    { 0, 0x7e, 126, "bad magic number" },
    { 8, 18, 126, "unsupported version 18.1" },
    { 8, 12, 126, "unsupported version 12.1" },
    { 0, -1, 10, "truncated header at offset 0xa" },
    { 0, -1, 12, "truncated section header at offset 0xc" },
    { 13, 127, 126, "section 2 length 127 exceeds" },
    { 12, 0x7f, 126, "unknown section id 127 at offset 0xc" },
    { 0, -1, 125, "truncated section header" },
    { 16, 0x70, 126, "function count 112 exceeds" },
    { 17, 9, 126, "string index 9 out of range (1 entries) at offset 0x11" },
    { 18, 7, 126, "type index 7 out of range (3 entries) at offset 0x12" },
    { 19, 0x40, 126, "invalid function flags 0x40 at offset 0x13" },
    { 21, 0x7f, 126, "function body length 127 exceeds" },
    { 22, 0x7e, 126, "unknown opcode 0x7e at offset 0x16" },
    { 22, 0x79, 126, "'fpowi' needs version 13.4, the file is 13.1 at offset 0x16" },
    { 27, 5, 126, "operand index 5 out of range (1 values in scope) at offset 0x1b" },
    { 24, 4, 126, "constant index 4 out of range (1 entries) at offset 0x18" },
    { 23, 1, 126, "a constant needs a tile type of numbers at offset 0x18" },
    { 93, 1, 126, "type 0 refers to itself" },
    { 64, 9, 126, "constant 0 is truncated" },
    { 76, 9, 126, "type count 9 exceeds the section" },
  };
  for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
    struct bb f = ok;
    if (c[i].byte >= 0) f.b[c[i].at] = (uint8_t)c[i].byte;
    f.n = c[i].len;
    expect_error(&f, c[i].want);
  }
}
END_TEST

START_TEST(malformed_structure) {
  struct bb ops = {0}, f = {0};
  bytes(&ops, "\x5c\x00\x00", 3);
  /* a type that contains itself: tile of type 1 is type 1 */
  static const char *const t[] = { "\x10\x00\x00", "\x0d\x01\x00" };
  static const int tl[] = { 3, 3 };
  struct bb body = {0};
  bytes(&body, "\x10\x01\x00\x5c\x00\x00", 6);
  kernel_file(&f, 1, t, tl, 2, &body);
  expect_error(&f, "type 1 refers to itself");
  /* no string section */
  f.n = 0;
  header(&f, 13, 1);
  function(&f, 0, &ops);
  u8(&f, 0);
  expect_error(&f, "missing string section");
  /* a duplicated section */
  f.n = 0;
  header(&f, 13, 1);
  static const char *const s[] = { "k" };
  strings(&f, s, 1);
  strings(&f, s, 1);
  u8(&f, 0);
  expect_error(&f, "duplicate section 1");
  /* the producer section is 13.3's */
  f.n = 0;
  struct bb p = {0};
  vi(&p, 0);
  header(&f, 13, 2);
  section(&f, BC_SEC_PRODUCER, 1, &p);
  u8(&f, 0);
  expect_error(&f, "the producer section needs version 13.3, the file is 13.2");
  /* a flag bit the op does not have (ftoi has bit 0 only, from 13.4) */
  static const char *const t2[] = {
    "\x10\x02\x02\x04\x00", "\x03", "\x0d\x01\x00", "\x07", "\x0d\x03\x00",
  };
  static const int tl2[] = { 5, 1, 3, 1, 3 };
  struct bb body2 = {0};
  f.n = 0;
  bytes(&body2, "\x2b\x02\x02\x01\x06\x01\x5c\x00\x00", 9);
  kernel_file(&f, 4, t2, tl2, 5, &body2);
  expect_error(&f, "'ftoi' has unknown flags 0x2");
}
END_TEST

/* ---- the writer refuses what a version cannot express ---- */

static void expect_refusal(const char *text, int version, const char *want) {
  struct tt_diags d;
  tt_diags_init(&d);
  struct ir_module *m = tt_parse(text, &d);
  ck_assert_msg(m != NULL, "%s", d.text);
  struct ts_buf b = {0};
  ck_assert_int_eq(ir_write_bytecode(m, version, &b, &d.sink), -1);
  ck_assert_msg(strstr(d.text, want) != NULL, "got '%s', want '%s'", d.text, want);
  ts_buf_free(&b);
  ir_module_free(m);
}

START_TEST(writer_refusals) {
#define K(body) "cuda_tile.module @m { entry @k(%a: tile<f32>, %i: tile<i32>) { " body " } }"
  expect_refusal(K("%x = atan2 %a, %a : tile<f32>"), 1301,
                 "cannot write bytecode 13.1: 'atan2' needs version 13.2 or later");
  expect_refusal(K("%x = negi %i overflow<no_wrap> : tile<i32>"), 1301,
                 "'negi' with a non-default overflow needs version 13.2 or later");
  expect_refusal(K("%x = exp %a rounding<approx> : tile<f32>"), 1302,
                 "'exp' with a non-default rounding needs version 13.3 or later");
  expect_refusal(K("%x = ftoi %a signed saturating : tile<f32> -> tile<i32>"), 1303,
                 "'ftoi' with saturating needs version 13.4 or later");
  expect_refusal(K("%x = constant <f8E8M0FNU: 1.0> : tile<f8E8M0FNU>"), 1301,
                 "f8E8M0FNU needs version 13.2 or later");
  expect_refusal(K("%x = addf %a, %a {my.attr} : tile<f32>"), 1304,
                 "'addf' has discardable attributes {my.attr}");
  expect_refusal("cuda_tile.module @m { global private @g <i32: 1> : tile<i32> }", 1302,
                 "a private global needs version 13.3 or later");
  expect_refusal("cuda_tile.module @m attributes {producer = \"x\"} { }", 1302,
                 "a producer needs version 13.3 or later");
  expect_refusal("cuda_tile.module @m attributes {other = 1} { }", 1304,
                 "module attributes {other = 1} cannot be written");
  expect_refusal("cuda_tile.module @a { } cuda_tile.module @b { }", 1303,
                 "a bytecode file holds exactly one module");
  struct tt_diags d;
  tt_diags_init(&d);
  struct ir_module *m = tt_parse(K(""), &d);
  struct ts_buf b = {0};
  ck_assert_int_eq(ir_write_bytecode(m, 1305, &b, &d.sink), -1);
  ck_assert_msg(strstr(d.text, "unsupported bytecode version 13.5") != NULL, "%s", d.text);
  ts_buf_free(&b);
  ir_module_free(m);
#undef K
}
END_TEST

/* ---- the layout table ---- */

/* Every op in a function body has a layout; it reads as many operand
** groups as its format has, and its flag bits are distinct. */
START_TEST(layouts_match_formats) {
  enum ir_opcode c = (enum ir_opcode)_i;
  struct bc_layout l;
  bool top = c == IR_OP_module || c == IR_OP_entry || c == IR_OP_global || c == IR_OP_testing_func;
  int rc = bc_layout_get(c, &l);
  ck_assert_msg(top ? rc == -1 : rc == 0, "%s: layout %d", ir_optab[c].name, rc);
  if (top) return;
  int groups = 0, fmt_groups = 0;
  unsigned bits = 0;
  for (int k = 0; k < l.n; k++) {
    const struct bc_item *it = &l.item[k];
    groups += it->kind == BI_OPND || it->kind == BI_OPND_LIST || it->kind == BI_OPND_REST ||
              it->kind == BI_OPND_OPT;
    if (it->bit >= 0) {
      ck_assert_msg(!(bits & 1u << it->bit), "%s: flag bit %d twice", ir_optab[c].name, it->bit);
      bits |= 1u << it->bit;
    }
  }
  const char *fmt = ir_optab[c].fmt;
  if (fmt) {
    for (const char *s = fmt; *s; s++)
      fmt_groups += s[0] == '$' && (s == fmt || s[-1] == ' ' || s[-1] == '~');
  } else {
    fmt_groups = c == IR_OP_for ? 4 : c == IR_OP_make_tensor_view ? 3 : 1;   /* if, loop, constant */
    if (c == IR_OP_constant) fmt_groups = 0;
  }
  ck_assert_msg(groups == fmt_groups, "%s: layout has %d operand groups, the syntax %d",
                ir_optab[c].name, groups, fmt_groups);
}
END_TEST

Suite *suite_ir_bytecode(void) {
  Suite *s = suite_create("ir_bytecode");
  TCase *tc = tcase_create("read");
  tcase_add_test(tc, example_126_bytes);
  tcase_add_test(tc, example_written_back);
  tcase_add_test(tc, sections_in_any_order);
  tcase_add_test(tc, constants_splat_and_packed);
  tcase_add_test(tc, globals_by_version);
  tcase_add_test(tc, partition_view_by_version);
  tcase_add_test(tc, pointer_by_version);
  tcase_add_test(tc, gated_fields);
  tcase_add_test(tc, print_by_version);
  tcase_add_test(tc, regions_scopes_producer);
  tcase_add_test(tc, debug_locations);
  suite_add_tcase(s, tc);
  tc = tcase_create("malformed");
  tcase_add_test(tc, malformed);
  tcase_add_test(tc, malformed_structure);
  suite_add_tcase(s, tc);
  tc = tcase_create("write");
  tcase_add_test(tc, writer_refusals);
  tcase_add_loop_test(tc, layouts_match_formats, 0, IR_NUM_OPS);
  suite_add_tcase(s, tc);
  return s;
}
