/*
** sim_npy.c -- unit tests of .npy/.npz files and `tilesim run`'s argument
** specs.  The fixtures in tests/data/npy/ were written by numpy and
** ml_dtypes (tests/unit/gen_npy_fixtures.py); the bit patterns below are
** that script's constants, worked out by hand (or by numpy), not by tilesim.
*/
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "ir_int.h"
#include "sim_npy.h"
#include "testlib.h"

/* ---- helpers ---- */

/* The fixture name: $srcdir/tests/data/npy/NAME (automake's test harness
** sets srcdir; by hand, the directory is found from this file's name). */
static void data_path(char *out, size_t n, const char *name) {
  const char *srcdir = getenv("srcdir");
  if (srcdir && *srcdir) {
    snprintf(out, n, "%s/tests/data/npy/%s", srcdir, name);
    return;
  }
  const char *file = __FILE__, *slash = strrchr(file, '/');
  int dir = slash ? (int)(slash - file) : 1;
  snprintf(out, n, "%.*s/../data/npy/%s", dir, slash ? file : ".", name);
}

/* A fresh temporary file name ending in suffix (the file exists, empty). */
static void tmp_path(char *out, size_t n, const char *suffix) {
  const char *dir = getenv("TMPDIR");
  snprintf(out, n, "%s/tilesim-npy-XXXXXX%s", dir && *dir ? dir : "/tmp", suffix);
  int fd = mkstemps(out, (int)strlen(suffix));
  ck_assert_msg(fd >= 0, "mkstemps %s: %s", out, strerror(errno));
  close(fd);
}

static uint8_t *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  uint8_t *b = malloc(1 << 16);
  *n = fread(b, 1, 1 << 16, f);
  fclose(f);
  return b;
}

static void spit(const char *path, const void *p, size_t n) {
  FILE *f = fopen(path, "wb");
  ck_assert(f != NULL);
  ck_assert_uint_eq(fwrite(p, 1, n, f), n);
  fclose(f);
}

/* Element i of a, little-endian, zero-extended. */
static uint64_t elem_at(const struct sim_array *a, int64_t i) {
  size_t size = sim_elem_size(a->elem);
  const uint8_t *p = (const uint8_t *)a->data + (size_t)i * size;
  uint64_t v = 0;
  for (size_t j = 0; j < size; j++) v |= (uint64_t)p[j] << (8 * j);
  return v;
}

/* Read fixture name (as want) or fail the test. */
static void load(const char *name, enum ty_elem want, struct sim_array *a) {
  char path[1024], err[512];
  data_path(path, sizeof path, name);
  int r = sim_npy_read_as(path, want, a, err, sizeof err);
  ck_assert_msg(r == 0, "%s: %s", name, err);
}

/* Read the .npy image p[0..n) through a temporary file; 0 or -1 (err). */
static int read_image(const void *p, size_t n, struct sim_array *a, char *err, size_t errlen) {
  char path[512];
  tmp_path(path, sizeof path, ".npy");
  spit(path, p, n);
  int r = sim_npy_read(path, a, err, errlen);
  remove(path);
  return r;
}

/* An .npy image with header text dict (padded by us) and data. */
static size_t make_npy(uint8_t *out, int major, const char *dict, const void *data, size_t n) {
  size_t lensz = major == 1 ? 2 : 4, hl = strlen(dict) + 1;
  memcpy(out, "\x93NUMPY", 6);
  out[6] = (uint8_t)major;
  out[7] = 0;
  for (size_t i = 0; i < lensz; i++) out[8 + i] = (uint8_t)(hl >> (8 * i));
  memcpy(out + 8 + lensz, dict, hl - 1);
  out[8 + lensz + hl - 1] = '\n';
  memcpy(out + 8 + lensz + hl, data, n);
  return 8 + lensz + hl + n;
}

/* Read an image made of dict and data; expect an error containing want. */
static void expect_bad(const char *dict, const void *data, size_t n, const char *want) {
  uint8_t img[4096];
  char err[512] = "";
  struct sim_array a;
  size_t len = make_npy(img, 1, dict, data, n);
  ck_assert_msg(read_image(img, len, &a, err, sizeof err) == -1, "accepted %s", dict);
  ck_assert_msg(strstr(err, want) != NULL, "%s: got '%s', want '%s'", dict, err, want);
}

/* ---- numpy's files, every dtype ---- */

struct plain_case {
  const char *file;
  enum ty_elem elem;
  uint64_t want[6];
};

#define F2_BITS { 0x3C00, 0xC000, 0x3800, 0x7BFF, 0x0001, 0x8000 }
#define F4_BITS { 0x3FC00000, 0xC0100000, 0x3DCCCCCD, 0x7F7FFFFF, 0x00000001, 0x7F800000 }
#define I2_BITS { 0, 1, 0xFFFE, 0x7FFF, 0x8000, 300 }
#define I8_BITS { 0, 1, UINT64_C(0xFFFFFFFFFFFFFFFE), INT64_MAX, UINT64_C(1) << 63, UINT64_C(1) << 40 }
#define U2_BITS { 0, 1, 2, 65535, 32768, 300 }

static const struct plain_case plain_cases[] = {
  { "f2.npy", EL_F16, F2_BITS },
  { "f4.npy", EL_F32, F4_BITS },
  { "f8.npy", EL_F64, { UINT64_C(0x3FF8000000000000), UINT64_C(0xC002000000000000),
                        UINT64_C(0x3FB999999999999A), UINT64_C(0x7FEFFFFFFFFFFFFF), 1,
                        UINT64_C(0xFFF0000000000000) } },
  { "i1.npy", EL_I8, { 0, 1, 0xFE, 0x7F, 0x80, 5 } },
  { "i2.npy", EL_I16, I2_BITS },
  { "i4.npy", EL_I32, { 0, 1, 0xFFFFFFFE, 0x7FFFFFFF, 0x80000000, 70000 } },
  { "i8.npy", EL_I64, I8_BITS },
  { "u1.npy", EL_I8, { 0, 1, 2, 255, 128, 7 } },
  { "u2.npy", EL_I16, U2_BITS },
  { "u4.npy", EL_I32, { 0, 1, 2, 0xFFFFFFFF, 0x80000000, 70000 } },
  { "u8.npy", EL_I64, { 0, 1, 2, UINT64_MAX, UINT64_C(1) << 63, UINT64_C(1) << 40 } },
  { "b1.npy", EL_I1, { 1, 0, 1, 0, 0, 1 } },
  { "be_f2.npy", EL_F16, F2_BITS },
  { "be_f4.npy", EL_F32, F4_BITS },
  { "be_i8.npy", EL_I64, I8_BITS },
  { "be_u2.npy", EL_I16, U2_BITS },
  { "fortran_i2.npy", EL_I16, I2_BITS },
};

START_TEST(plain_dtypes) {
  const struct plain_case *c = &plain_cases[_i];
  struct sim_array a;
  load(c->file, EL_COUNT, &a);
  ck_assert_msg(a.elem == c->elem, "%s: elem %d", c->file, a.elem);
  ck_assert_int_eq(a.rank, 2);
  ck_assert_int_eq(a.shape[0], 2);
  ck_assert_int_eq(a.shape[1], 3);
  ck_assert_int_eq(a.numel, 6);
  ck_assert_uint_eq(a.nbytes, 6 * sim_elem_size(c->elem));
  for (int i = 0; i < 6; i++)
    ck_assert_msg(elem_at(&a, i) == c->want[i], "%s[%d]: got %#" PRIx64 " want %#" PRIx64, c->file, i,
                  elem_at(&a, i), c->want[i]);
  sim_array_free(&a);
}
END_TEST

struct ml_case {
  const char *file;
  enum ty_elem want_elem;        /* what to ask for; EL_COUNT: nothing */
  enum ty_elem elem;
  int n;
  uint8_t b[10];                 /* little-endian bytes */
};

static const struct ml_case ml_cases[] = {
  { "bf16.npy", EL_BF16, EL_BF16, 4, { 0x80, 0x3F, 0x00, 0xC0, 0x00, 0x3F, 0x40, 0x40 } },
  { "e4m3fn.npy", EL_F8E4M3FN, EL_F8E4M3FN, 4, { 0x38, 0xC0, 0x30, 0x7E } },
  { "e5m2.npy", EL_COUNT, EL_F8E5M2, 4, { 0x3C, 0xC0, 0x38, 0x7B } },      /* '<f1' */
  { "e5m2.npy", EL_F8E5M2, EL_F8E5M2, 4, { 0x3C, 0xC0, 0x38, 0x7B } },
  { "e8m0.npy", EL_F8E8M0FNU, EL_F8E8M0FNU, 4, { 0x7F, 0x80, 0x7E, 0x00 } },
  { "e2m1.npy", EL_F4E2M1FN, EL_F4E2M1FN, 5, { 0x2, 0xC, 0x1, 0x7, 0x9 } },
  { "int4.npy", EL_I4, EL_I4, 4, { 0x1, 0xE, 0x7, 0x8 } },
  { "u1.npy", EL_F8E4M3FN, EL_F8E4M3FN, 6, { 0, 1, 2, 255, 128, 7 } },        /* reinterpreted */
};

START_TEST(ml_dtypes_files) {
  const struct ml_case *c = &ml_cases[_i];
  struct sim_array a;
  load(c->file, c->want_elem, &a);
  ck_assert_msg(a.elem == c->elem, "%s: elem %d", c->file, a.elem);
  ck_assert_int_eq(a.numel, c->n);
  ck_assert_uint_eq(a.nbytes, (size_t)c->n * sim_elem_size(c->elem));
  ck_assert_mem_eq(a.data, c->b, a.nbytes);
  sim_array_free(&a);
}
END_TEST

START_TEST(untyped_void_needs_a_type) {
  static const char *const files[] = { "bf16.npy", "e4m3fn.npy", "e8m0.npy", "e2m1.npy", "int4.npy" };
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    char path[1024], err[512];
    struct sim_array a;
    data_path(path, sizeof path, files[i]);
    ck_assert_int_eq(sim_npy_read(path, &a, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "does not name an element type") && strstr(err, "':bf16'"), "%s", err);
  }
  char path[1024], err[512], want[1200];
  struct sim_array a;
  data_path(path, sizeof path, "f4.npy");
  ck_assert_int_eq(sim_npy_read_as(path, EL_BF16, &a, err, sizeof err), -1);
  snprintf(want, sizeof want, "'%s': dtype '<f4' has 4-byte elements, bf16 has 2", path);
  ck_assert_str_eq(err, want);
}
END_TEST

START_TEST(fortran_big_endian_3d) {
  struct sim_array a;
  load("fortran_be_i4.npy", EL_COUNT, &a);
  ck_assert_int_eq(a.elem, EL_I32);
  ck_assert_int_eq(a.rank, 3);
  ck_assert_int_eq(a.shape[0], 2);
  ck_assert_int_eq(a.shape[1], 3);
  ck_assert_int_eq(a.shape[2], 4);
  for (int i = 0; i < 24; i++) ck_assert_uint_eq(elem_at(&a, i), (uint64_t)i);
  sim_array_free(&a);
}
END_TEST

START_TEST(zero_d_empty_and_versions) {
  struct sim_array a;
  load("scalar_f8.npy", EL_COUNT, &a);
  ck_assert_int_eq(a.rank, 0);
  ck_assert_int_eq(a.numel, 1);
  ck_assert_uint_eq(elem_at(&a, 0), UINT64_C(0x400C000000000000));   /* 3.5 */
  sim_array_free(&a);
  load("empty_f4.npy", EL_COUNT, &a);
  ck_assert_int_eq(a.rank, 2);
  ck_assert_int_eq(a.shape[0], 0);
  ck_assert_int_eq(a.shape[1], 3);
  ck_assert_int_eq(a.numel, 0);
  ck_assert_uint_eq(a.nbytes, 0);
  sim_array_free(&a);
  static const char *const versions[] = { "v2_i4.npy", "v3_i4.npy", "i4.npy" };
  for (int v = 0; v < 2; v++) {
    load(versions[v], EL_COUNT, &a);
    ck_assert_int_eq(a.elem, EL_I32);
    for (int i = 0; i < 6; i++) ck_assert_uint_eq(elem_at(&a, i), (uint64_t)i);
    sim_array_free(&a);
  }
}
END_TEST

/* The members of stored.npz and deflated.npz. */
static void check_members(const char *file) {
  char path[1024], err[512];
  struct sim_array a;
  static const uint64_t f4[6] = F4_BITS;
  data_path(path, sizeof path, file);
  ck_assert_msg(sim_npz_read(path, "a", &a, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(a.elem, EL_F32);
  ck_assert_int_eq(a.rank, 2);
  for (int i = 0; i < 6; i++) ck_assert_uint_eq(elem_at(&a, i), f4[i]);
  sim_array_free(&a);
  ck_assert_msg(sim_npz_read(path, "b.npy", &a, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(a.elem, EL_I64);
  ck_assert_int_eq(a.numel, 4);
  ck_assert_uint_eq(elem_at(&a, 1), (uint64_t)-20);
  ck_assert_uint_eq(elem_at(&a, 3), (uint64_t)-40);
  sim_array_free(&a);
  ck_assert_msg(sim_npz_read(path, "c", &a, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(a.rank, 0);
  ck_assert_uint_eq(elem_at(&a, 0), 7);
  sim_array_free(&a);
  char want[1200];
  ck_assert_int_eq(sim_npz_read(path, "zz", &a, err, sizeof err), -1);
  snprintf(want, sizeof want, "'%s': no array 'zz' (it has: a, b, c)", path);
  ck_assert_str_eq(err, want);
  ck_assert_int_eq(sim_npz_read(path, NULL, &a, err, sizeof err), -1);
  snprintf(want, sizeof want, "'%s': holds 3 arrays (a, b, c): name one", path);
  ck_assert_str_eq(err, want);
}

START_TEST(npz_stored_and_deflated) {
  check_members("stored.npz");
  check_members("deflated.npz");
  char path[1024], err[512];
  struct sim_array a;
  data_path(path, sizeof path, "single.npz");
  ck_assert_msg(sim_npz_read(path, NULL, &a, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(a.numel, 5);
  for (int i = 0; i < 5; i++) ck_assert_uint_eq(elem_at(&a, i), (uint64_t)i);
  sim_array_free(&a);
  ck_assert_msg(sim_npz_read_as(path, "", EL_F8E4M3FN, &a, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(a.elem, EL_F8E4M3FN);
  sim_array_free(&a);
}
END_TEST

/* ---- writing ---- */

/* Reading a numpy fixture and writing it back gives numpy's bytes. */
START_TEST(write_matches_numpy) {
  static const struct { const char *file; enum ty_elem want; } files[] = {
    { "f2.npy", EL_COUNT }, { "f4.npy", EL_COUNT }, { "f8.npy", EL_COUNT }, { "i1.npy", EL_COUNT },
    { "i2.npy", EL_COUNT }, { "i4.npy", EL_COUNT }, { "i8.npy", EL_COUNT }, { "b1.npy", EL_COUNT },
    { "scalar_f8.npy", EL_COUNT }, { "empty_f4.npy", EL_COUNT }, { "bf16.npy", EL_BF16 },
    { "e4m3fn.npy", EL_F8E4M3FN }, { "e8m0.npy", EL_F8E8M0FNU }, { "e2m1.npy", EL_F4E2M1FN },
    { "int4.npy", EL_I4 },
  };
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    char in[1024], out[512], err[512];
    struct sim_array a;
    size_t n1, n2;
    load(files[i].file, files[i].want, &a);
    tmp_path(out, sizeof out, ".npy");
    ck_assert_msg(sim_npy_write(out, &a, err, sizeof err) == 0, "%s", err);
    data_path(in, sizeof in, files[i].file);
    uint8_t *b1 = slurp(in, &n1), *b2 = slurp(out, &n2);
    ck_assert_msg(n1 == n2 && !memcmp(b1, b2, n1), "%s: written bytes differ from numpy's", files[i].file);
    free(b1);
    free(b2);
    remove(out);
    sim_array_free(&a);
  }
}
END_TEST

/* Every element type, several ranks: generate, write, read back. */
START_TEST(round_trip_npy) {
  static const char *const dims[] = { "1", "7", "3x5", "2x3x4", "1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x2" };
  for (int e = 0; e < EL_COUNT; e++)
    for (size_t d = 0; d < sizeof dims / sizeof *dims; d++) {
      char spec[128], out[512], err[512];
      struct sim_arg g;
      struct sim_array b;
      snprintf(spec, sizeof spec, "rand:%s:%s:seed=%d", ty_elem_names[e], dims[d], e);
      ck_assert_msg(sim_arg_parse(spec, &g, err, sizeof err) == 0, "%s", err);
      tmp_path(out, sizeof out, ".npy");
      ck_assert_msg(sim_npy_write(out, &g.array, err, sizeof err) == 0, "%s", err);
      ck_assert_msg(sim_npy_read_as(out, (enum ty_elem)e, &b, err, sizeof err) == 0, "%s: %s", spec, err);
      remove(out);
      ck_assert_int_eq(b.elem, e);
      ck_assert_int_eq(b.rank, g.array.rank);
      ck_assert_mem_eq(b.shape, g.array.shape, sizeof b.shape[0] * (size_t)b.rank);
      ck_assert_uint_eq(b.nbytes, g.array.nbytes);
      ck_assert_mem_eq(b.data, g.array.data, b.nbytes);
      sim_array_free(&b);
      sim_arg_free(&g);
    }
}
END_TEST

START_TEST(round_trip_npz) {
  static const char *const specs[] = { "iota:i32:4x5", "rand:bf16:3x3:seed=1", "ones:f64:2",
                                       "rand:i1:9", "zeros:f16:0x4" };
  static const char *const keys[] = { "x", "weights", "one", "mask", "empty" };
  struct sim_arg g[5];
  const struct sim_array *arrs[5];
  char out[512], err[512];
  for (int i = 0; i < 5; i++) {
    ck_assert_msg(sim_arg_parse(specs[i], &g[i], err, sizeof err) == 0, "%s", err);
    arrs[i] = &g[i].array;
  }
  tmp_path(out, sizeof out, ".npz");
  ck_assert_msg(sim_npz_write(out, keys, arrs, 5, err, sizeof err) == 0, "%s", err);
  for (int i = 0; i < 5; i++) {
    struct sim_array b;
    ck_assert_msg(sim_npz_read_as(out, keys[i], g[i].array.elem, &b, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(b.rank, g[i].array.rank);
    ck_assert_uint_eq(b.nbytes, g[i].array.nbytes);
    ck_assert_mem_eq(b.data, g[i].array.data, b.nbytes);
    sim_array_free(&b);
  }
  const char *dup[2] = { "a", "a" };
  ck_assert_int_eq(sim_npz_write(out, dup, arrs, 2, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "array name 'a' given twice") != NULL, "%s", err);
  remove(out);
  for (int i = 0; i < 5; i++) sim_arg_free(&g[i]);
}
END_TEST

START_TEST(write_errors) {
  char err[512];
  struct sim_arg g;
  ck_assert_int_eq(sim_arg_parse("shape:f32:4", &g, err, sizeof err), 0);
  ck_assert_int_eq(sim_npy_write("/tmp/never.npy", &g.array, err, sizeof err), -1);
  ck_assert_str_eq(err, "'/tmp/never.npy': no data to write (a shape-only array)");
  sim_arg_free(&g);
  ck_assert_int_eq(sim_arg_parse("ones:f32:4", &g, err, sizeof err), 0);
  ck_assert_int_eq(sim_npy_write("/nonexistent-dir/x.npy", &g.array, err, sizeof err), -1);
  ck_assert_str_eq(err, "cannot create '/nonexistent-dir/x.npy': No such file or directory");
  sim_arg_free(&g);
}
END_TEST

/* ---- malformed files ---- */

/* Every proper prefix of a file is refused, cleanly. */
static void truncations(const char *file, bool npz) {
  char in[1024], out[512], err[512];
  size_t n;
  data_path(in, sizeof in, file);
  uint8_t *b = slurp(in, &n);
  tmp_path(out, sizeof out, npz ? ".npz" : ".npy");
  for (size_t k = 0; k < n; k++) {
    struct sim_array a;
    spit(out, b, k);
    err[0] = 0;
    int r = npz ? sim_npz_read(out, "a", &a, err, sizeof err) : sim_npy_read(out, &a, err, sizeof err);
    ck_assert_msg(r == -1, "%s cut to %zu bytes was accepted", file, k);
    ck_assert_msg(err[0] && !strchr(err, '\n'), "%s cut to %zu: message '%s'", file, k, err);
  }
  remove(out);
  free(b);
}

START_TEST(truncated_files) {
  truncations("f4.npy", false);
  truncations("fortran_be_i4.npy", false);
  truncations("v2_i4.npy", false);
  truncations("stored.npz", true);
  truncations("deflated.npz", true);
}
END_TEST

/* Every byte of a file set to a few values: an error or an array, never a
** crash (run this under --enable-asan to see memory errors). */
static void corruptions(const char *file, bool npz) {
  char in[1024], out[512], err[512];
  size_t n;
  data_path(in, sizeof in, file);
  uint8_t *b = slurp(in, &n);
  tmp_path(out, sizeof out, npz ? ".npz" : ".npy");
  for (size_t k = 0; k < n; k++) {
    uint8_t keep = b[k], vals[3] = { 0x00, 0xFF, (uint8_t)(keep ^ 0x01) };
    for (int v = 0; v < 3; v++) {
      struct sim_array a;
      b[k] = vals[v];
      spit(out, b, n);
      int r = npz ? sim_npz_read(out, NULL, &a, err, sizeof err) : sim_npy_read(out, &a, err, sizeof err);
      if (r == 0) sim_array_free(&a);
      else ck_assert_msg(err[0] && !strchr(err, '\n'), "%s byte %zu: message '%s'", file, k, err);
    }
    b[k] = keep;
  }
  remove(out);
  free(b);
}

START_TEST(corrupted_files) {
  corruptions("fortran_be_i4.npy", false);
  corruptions("single.npz", true);
}
END_TEST

START_TEST(bad_headers) {
  static const uint8_t d24[24] = { 0 };
  char err[512];
  struct sim_array a;
  uint8_t img[256];
  size_t n = make_npy(img, 1, "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }", d24, 24);
  memcpy(img, "\x93NUMPZ", 6);
  ck_assert_int_eq(read_image(img, n, &a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "': not a .npy file (bad magic)") != NULL, "%s", err);
  memcpy(img, "\x93NUMPY\x04\x00", 8);
  ck_assert_int_eq(read_image(img, n, &a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "unsupported .npy format version 4.0") != NULL, "%s", err);
  expect_bad("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 4), }", d24, 24,
             "truncated data (24 bytes; shape and dtype say 32)");
  expect_bad("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 2), }", d24, 24,
             "8 bytes after the data (shape and dtype say 16)");
  expect_bad("{'descr': '<i4', 'fortran_order': False, 'shape': (1099511627776, 1099511627776), }", d24, 24,
             "shape too large (the element count overflows)");
  expect_bad("{'descr': '<f8', 'fortran_order': False, 'shape': (2305843009213693952,), }", d24, 24,
             "shape too large (the byte count overflows)");
  expect_bad("{'descr': '<i4', 'fortran_order': False, 'shape': (0, 4611686018427387904, 4), }", d24, 24,
             "shape too large (the element count overflows)");
  expect_bad("{'descr': '<i4', 'fortran_order': False, 'shape': (99999999999999999999,), }", d24, 24,
             "bad header: dimension too large in 'shape'");
  expect_bad("{'descr': '<i4', 'fortran_order': False, 'shape': (-1,), }", d24, 24,
             "bad header: negative dimension in 'shape'");
  expect_bad("{'descr': '<i4', 'fortran_order': False, 'shape': "
             "(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), }", d24, 24, "rank above 16 is not supported");
  expect_bad("{'descr': '<c8', 'fortran_order': False, 'shape': (3,), }", d24, 24, "unsupported dtype '<c8'");
  expect_bad("{'descr': '<U3', 'fortran_order': False, 'shape': (2,), }", d24, 24, "unsupported dtype '<U3'");
  expect_bad("{'descr': '=i4', 'fortran_order': False, 'shape': (6,), }", d24, 24, "unsupported dtype '=i4'");
  expect_bad("{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (6,), }", d24, 24,
             "structured dtypes are not supported");
  expect_bad("{'descr': '<i4', 'shape': (6,), }", d24, 24, "bad header: no 'fortran_order'");
  expect_bad("{'descr': '<i4', 'fortran_order': False, }", d24, 24, "bad header: no 'shape'");
  expect_bad("{'fortran_order': False, 'shape': (6,), }", d24, 24, "bad header: no 'descr'");
  expect_bad("{'descr': '<i4', 'fortran_order': False, 'shape': (6,), 'x': 1}", d24, 24,
             "bad header: unknown key 'x'");
  expect_bad("{'descr': '<i4', 'descr': '<i4', 'fortran_order': False, 'shape': (6,)}", d24, 24,
             "bad header: key 'descr' given twice");
  expect_bad("{'descr': '<i4', 'fortran_order': Maybe, 'shape': (6,), }", d24, 24,
             "'fortran_order' is neither True nor False");
  expect_bad("{'descr': '<i4', 'fortran_order': False, 'shape': 6, }", d24, 24, "'shape' is not a tuple");
  expect_bad("{'descr': '<i4', 'fortran_order': False, 'shape': (6 6), }", d24, 24,
             "expected ',' or ')' in 'shape'");
  expect_bad("{'descr': '<i4', 'fortran_order': False, 'shape': (6,) } junk", d24, 24,
             "bad header: junk after the dict");
  expect_bad("{'descr': '<i4' 'fortran_order': False}", d24, 24, "bad header: expected ',' or '}'");
  expect_bad("['descr']", d24, 24, "bad header: expected '{'");
  expect_bad("{'descr: '<i4'}", d24, 24, "bad header: expected ':' after 'descr: '");
}
END_TEST

/* Headers numpy does not write but would read: other quotes, key order,
** Python 2's long suffix, no trailing comma; and the byte rules of b1/i4. */
START_TEST(lenient_headers_and_values) {
  static const uint8_t b1[6] = { 0, 2, 0, 1, 0xFF, 0x80 }, i4[3] = { 0x07, 0xFE, 0x35 }, f4[3] = { 1, 7, 0xFE };
  static const uint8_t bf[6] = { 0x80, 0x3F, 0, 0, 0, 0 };
  uint8_t img[256];
  char err[512];
  struct sim_array a;
  size_t n = make_npy(img, 2, "{\"shape\": (2L, 3L), \"fortran_order\": True, \"descr\": \"|b1\"}", b1, 6);
  ck_assert_msg(read_image(img, n, &a, err, sizeof err) == 0, "%s", err);
  static const uint8_t want[6] = { 0, 0, 1, 1, 1, 1 };   /* nonzero -> 1, then C order */
  ck_assert_mem_eq(a.data, want, 6);
  sim_array_free(&a);
  n = make_npy(img, 1, "{'descr': 'int4', 'fortran_order': False, 'shape': (2,)}", i4, 2);
  ck_assert_msg(read_image(img, n, &a, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(a.elem, EL_I4);
  ck_assert_uint_eq(((uint8_t *)a.data)[0], 0x7);
  ck_assert_uint_eq(((uint8_t *)a.data)[1], 0xE);        /* sign-extended -2 */
  sim_array_free(&a);
  n = make_npy(img, 1, "{'descr': 'int4', 'fortran_order': False, 'shape': (3,)}", i4, 3);
  ck_assert_int_eq(read_image(img, n, &a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "element 2 is 0x35, but i4 values fit in the low 4 bits of a byte"), "%s", err);
  n = make_npy(img, 1, "{'descr': 'float4_e2m1fn', 'fortran_order': False, 'shape': (3,)}", f4, 3);
  ck_assert_int_eq(read_image(img, n, &a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "element 2 is 0xFE, but f4E2M1FN values fit in the low 4 bits of a byte"), "%s", err);
  n = make_npy(img, 1, "{'descr': 'bfloat16', 'fortran_order': False, 'shape': (3,)}", bf, 6);
  ck_assert_msg(read_image(img, n, &a, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(a.elem, EL_BF16);
  ck_assert_uint_eq(elem_at(&a, 0), 0x3F80);
  sim_array_free(&a);
}
END_TEST

START_TEST(bad_archives) {
  char in[1024], out[512], err[512];
  struct sim_array a;
  size_t n;
  data_path(in, sizeof in, "stored.npz");
  uint8_t *b = slurp(in, &n), *c = malloc(n);
  size_t eocd = n - 22, cd = b[eocd + 16] | b[eocd + 17] << 8 | (size_t)b[eocd + 18] << 16;
  tmp_path(out, sizeof out, ".npz");
  struct { size_t off; uint8_t val; const char *want; } cases[] = {
    { cd + 10, 12, "compression method 12 (only stored and deflate are supported)" },
    { cd + 8, 1, "encrypted" },
    { cd + 16, 0x5A, "CRC mismatch (corrupt data)" },
    { eocd + 12, 0xFF, "zip64 archives are not supported" },   /* made 0xFFFFFFFF below */
    { eocd + 4, 1, "multi-disk zip archives are not supported" },
    { 0, 'X', "bad zip local header" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    memcpy(c, b, n);
    c[cases[i].off] = cases[i].val;
    if (cases[i].off == eocd + 12) memset(c + eocd + 12, 0xFF, 4);
    spit(out, c, n);
    ck_assert_int_eq(sim_npz_read(out, "a", &a, err, sizeof err), -1);
    ck_assert_msg(strstr(err, cases[i].want) != NULL, "case %zu: got '%s'", i, err);
  }
  spit(out, "hello", 5);
  ck_assert_int_eq(sim_npz_read(out, "a", &a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "not a zip archive") != NULL, "%s", err);
  ck_assert_int_eq(sim_npz_read("/nonexistent.npz", "a", &a, err, sizeof err), -1);
  ck_assert_str_eq(err, "cannot open '/nonexistent.npz': No such file or directory");
  remove(out);
  free(b);
  free(c);
}
END_TEST

/* ---- argument specs: scalars ---- */

struct scalar_case {
  const char *spec;
  enum ty_elem elem;
  uint64_t bits;
};

static const struct scalar_case scalar_cases[] = {
  { "i32:1024", EL_I32, 0x400 },
  { "i32:-1", EL_I32, 0xFFFFFFFF },
  { "i32:0xFFFFFFFF", EL_I32, 0xFFFFFFFF },
  { "i32:4294967295", EL_I32, 0xFFFFFFFF },
  { "i64:-9223372036854775808", EL_I64, UINT64_C(1) << 63 },
  { "i64:18446744073709551615", EL_I64, UINT64_MAX },
  { "i8:255", EL_I8, 0xFF },
  { "i8:-128", EL_I8, 0x80 },
  { "i16:+7", EL_I16, 7 },
  { "i4:-8", EL_I4, 0x8 },
  { "i4:15", EL_I4, 0xF },
  { "i1:true", EL_I1, 1 },
  { "i1:false", EL_I1, 0 },
  { "i1:1", EL_I1, 1 },
  { "i1:0", EL_I1, 0 },
  { "f32:0.5", EL_F32, 0x3F000000 },
  { "f32:.5", EL_F32, 0x3F000000 },
  { "f32:5.", EL_F32, 0x40A00000 },
  { "f32:0.1", EL_F32, 0x3DCCCCCD },
  { "f32:-2.5e-1", EL_F32, 0xBE800000 },
  { "f32:16777217", EL_F32, 0x4B800000 },                        /* tie -> even */
  { "f32:1.000000178813934326171874", EL_F32, 0x3F800001 },     /* just below a tie: no double rounding */
  { "f32:1e39", EL_F32, 0x7F800000 },
  { "f32:1e-50", EL_F32, 0 },
  { "f32:inf", EL_F32, 0x7F800000 },
  { "f32:-Infinity", EL_F32, 0xFF800000 },
  { "f32:0x7FC00000", EL_F32, 0x7FC00000 },
  { "f64:0.1", EL_F64, UINT64_C(0x3FB999999999999A) },
  { "f64:nan", EL_F64, UINT64_C(0x7FF8000000000000) },
  { "f16:0x3C00", EL_F16, 0x3C00 },
  { "f16:1", EL_F16, 0x3C00 },
  { "f16:-0", EL_F16, 0x8000 },
  { "f16:65504", EL_F16, 0x7BFF },
  { "f16:65520", EL_F16, 0x7C00 },                               /* rounds to inf */
  { "f16:5.960464477539063e-08", EL_F16, 0x0001 },
  { "f16:nan", EL_F16, 0x7E00 },
  { "bf16:1.00390625", EL_BF16, 0x3F80 },                        /* tie -> even, down */
  { "bf16:1.01171875", EL_BF16, 0x3F82 },                        /* tie -> even, up */
  { "bf16:3.0", EL_BF16, 0x4040 },
  { "tf32:1", EL_TF32, 0x3F800000 },
  { "tf32:1.0009765625", EL_TF32, 0x3F802000 },
  { "tf32:0x3F802000", EL_TF32, 0x3F802000 },
  { "f8E4M3FN:448", EL_F8E4M3FN, 0x7E },
  { "f8E4M3FN:-0.5", EL_F8E4M3FN, 0xB0 },
  { "f8e4m3fn:1", EL_F8E4M3FN, 0x38 },
  { "f8E5M2:57344", EL_F8E5M2, 0x7B },
  { "f8E5M2:-inf", EL_F8E5M2, 0xFC },
  { "f8E8M0FNU:1", EL_F8E8M0FNU, 0x7F },
  { "f8E8M0FNU:0.25", EL_F8E8M0FNU, 0x7D },
  { "f8E5M3FNU:1", EL_F8E5M3FNU, 0x78 },
  { "f4E2M1FN:6", EL_F4E2M1FN, 0x7 },
  { "f4E2M1FN:-0.5", EL_F4E2M1FN, 0x9 },
  { "f4E2M1FN:0xF", EL_F4E2M1FN, 0xF },
  { "alpha=f32:2", EL_F32, 0x40000000 },
  { "_k2=i64:3", EL_I64, 3 },
};

START_TEST(scalar_specs) {
  const struct scalar_case *c = &scalar_cases[_i];
  struct sim_arg g;
  char err[512];
  ck_assert_msg(sim_arg_parse(c->spec, &g, err, sizeof err) == 0, "%s: %s", c->spec, err);
  ck_assert_int_eq(g.kind, ARG_SCALAR);
  ck_assert_msg(g.elem == c->elem, "%s: elem %d", c->spec, g.elem);
  ck_assert_msg(g.bits == c->bits, "%s: got %#" PRIx64 " want %#" PRIx64, c->spec, g.bits, c->bits);
  const char *eq = strchr(c->spec, '=');
  if (eq) {
    ck_assert_ptr_nonnull(g.name);
    ck_assert_int_eq(strlen(g.name), eq - c->spec);
    ck_assert(!strncmp(g.name, c->spec, (size_t)(eq - c->spec)));
  } else {
    ck_assert_ptr_null(g.name);
  }
  sim_arg_free(&g);
}
END_TEST

/* ---- argument specs: arrays ---- */

static void parse_ok(const char *spec, struct sim_arg *g) {
  char err[512];
  ck_assert_msg(sim_arg_parse(spec, g, err, sizeof err) == 0, "%s: %s", spec, err);
  ck_assert_int_eq(g->kind, ARG_ARRAY);
  ck_assert_int_eq(g->elem, g->array.elem);
}

START_TEST(generated_arrays) {
  struct sim_arg g;
  parse_ok("zeros:f32:4x3", &g);
  ck_assert_int_eq(g.array.rank, 2);
  ck_assert_int_eq(g.array.numel, 12);
  for (int i = 0; i < 12; i++) ck_assert_uint_eq(elem_at(&g.array, i), 0);
  ck_assert(!g.cutile && !g.shape_only && !g.name);
  sim_arg_free(&g);
  parse_ok("iota:i32:4096", &g);
  ck_assert_int_eq(g.array.numel, 4096);
  for (int i = 0; i < 4096; i++) ck_assert_uint_eq(elem_at(&g.array, i), (uint64_t)i);
  sim_arg_free(&g);
  parse_ok("iota:i8:300", &g);
  ck_assert_uint_eq(elem_at(&g.array, 255), 255);
  ck_assert_uint_eq(elem_at(&g.array, 256), 0);                /* wraps */
  ck_assert_uint_eq(elem_at(&g.array, 299), 43);
  sim_arg_free(&g);
  parse_ok("iota:i1:3", &g);
  ck_assert_uint_eq(elem_at(&g.array, 1), 1);
  ck_assert_uint_eq(elem_at(&g.array, 2), 0);
  sim_arg_free(&g);
  parse_ok("iota:f16:5", &g);
  static const uint64_t f16[5] = { 0, 0x3C00, 0x4000, 0x4200, 0x4400 };
  for (int i = 0; i < 5; i++) ck_assert_uint_eq(elem_at(&g.array, i), f16[i]);
  sim_arg_free(&g);
  parse_ok("iota:bf16:260", &g);
  ck_assert_uint_eq(elem_at(&g.array, 257), 0x4380);           /* 257 -> 256, even */
  ck_assert_uint_eq(elem_at(&g.array, 259), 0x4382);           /* 259 -> 260, even */
  sim_arg_free(&g);
  parse_ok("iota:f8E4M3FN:465", &g);
  ck_assert_uint_eq(elem_at(&g.array, 464), 0x7E);             /* tie -> 448, even */
  sim_arg_free(&g);
  parse_ok("shape:bf16:8192x8192", &g);
  ck_assert(g.shape_only);
  ck_assert_ptr_null(g.array.data);
  ck_assert_int_eq(g.array.numel, 8192 * 8192);
  ck_assert_int_eq(g.array.elem, EL_BF16);
  sim_arg_free(&g);
  parse_ok("W=zeros:f16:16x16:cutile", &g);
  ck_assert(g.cutile);
  ck_assert_str_eq(g.name, "W");
  sim_arg_free(&g);
  parse_ok("rand:f32:8:cutile:seed=3", &g);
  ck_assert(g.cutile);
  sim_arg_free(&g);
}
END_TEST

static const uint64_t ones_bits[EL_COUNT] = {
  [EL_I1] = 1, [EL_I4] = 1, [EL_I8] = 1, [EL_I16] = 1, [EL_I32] = 1, [EL_I64] = 1,
  [EL_F16] = 0x3C00, [EL_BF16] = 0x3F80, [EL_F32] = 0x3F800000, [EL_F64] = UINT64_C(0x3FF0000000000000),
  [EL_TF32] = 0x3F800000, [EL_F8E4M3FN] = 0x38, [EL_F8E5M2] = 0x3C, [EL_F8E8M0FNU] = 0x7F,
  [EL_F8E5M3FNU] = 0x78, [EL_F4E2M1FN] = 0x2,
};

START_TEST(ones_every_type) {
  char spec[64];
  struct sim_arg g;
  snprintf(spec, sizeof spec, "ones:%s:3x2", ty_elem_names[_i]);
  parse_ok(spec, &g);
  ck_assert_uint_eq(g.array.nbytes, 6 * sim_elem_size((enum ty_elem)_i));
  for (int i = 0; i < 6; i++)
    ck_assert_msg(elem_at(&g.array, i) == ones_bits[_i], "%s[%d]: %#" PRIx64, spec, i, elem_at(&g.array, i));
  sim_arg_free(&g);
}
END_TEST

/* The test's own splitmix64, checked against the generator's published
** first output from seed 0. */
static uint64_t ref_splitmix(uint64_t seed, uint64_t i) {
  uint64_t z = seed + (i + 1) * UINT64_C(0x9E3779B97F4A7C15);
  z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* What rand:T should hold at i, computed another way: the double through
** text and ir_float_from_text (f32: the host's conversion). */
static uint64_t ref_rand(enum ty_elem e, uint64_t seed, uint64_t i) {
  uint64_t x = ref_splitmix(seed, i), bits = 0;
  if (e == EL_I1) return x >> 63;
  if (e <= EL_I64) {
    int64_t v = (int64_t)(x >> 60) - 8;
    int w = ty_elem_bits(e);
    return w == 64 ? (uint64_t)v : (uint64_t)v & ((UINT64_C(1) << w) - 1);
  }
  if (e == EL_F8E8M0FNU) return (uint64_t)(127 + (int)(x >> 60) - 8);
  double v = e == EL_F8E5M3FNU ? ldexp((double)(x >> 11), -53) : ldexp((double)(x >> 11), -52) - 1.0;
  if (e == EL_F64) { memcpy(&bits, &v, 8); return bits; }
  if (e == EL_F32) { float f = (float)v; uint32_t u; memcpy(&u, &f, 4); return u; }
  char t[64];
  int n = snprintf(t, sizeof t, "%.17g", v);
  ck_assert_int_eq(ir_float_from_text(e, t, (size_t)n, &bits), 0);
  return e == EL_TF32 ? bits << 13 : bits;
}

START_TEST(rand_every_type) {
  enum ty_elem e = (enum ty_elem)_i;
  char spec[64];
  struct sim_arg g, h;
  ck_assert_uint_eq(ref_splitmix(0, 0), UINT64_C(0xE220A8397B1DCDAF));
  snprintf(spec, sizeof spec, "rand:%s:64x32:seed=7", ty_elem_names[e]);
  parse_ok(spec, &g);
  parse_ok(spec, &h);
  ck_assert_mem_eq(g.array.data, h.array.data, g.array.nbytes);   /* deterministic */
  sim_arg_free(&h);
  for (int64_t i = 0; i < g.array.numel; i++)
    ck_assert_msg(elem_at(&g.array, i) == ref_rand(e, 7, (uint64_t)i), "%s[%" PRId64 "]: got %#" PRIx64
                  " want %#" PRIx64, spec, i, elem_at(&g.array, i), ref_rand(e, 7, (uint64_t)i));
  snprintf(spec, sizeof spec, "rand:%s:64x32:seed=0x8", ty_elem_names[e]);
  parse_ok(spec, &h);
  ck_assert_msg(memcmp(g.array.data, h.array.data, g.array.nbytes), "seeds 7 and 8 agree for %s", spec);
  sim_arg_free(&h);
  sim_arg_free(&g);
}
END_TEST

/* Large arrays are made and read in parts by all threads (sim_npy.c):
** the same bytes with one thread as with three; a 6 MiB file (read
** straight into its array) comes back as written, big-endian data is
** swapped, and a truncated one gets the plain reader's message. */
START_TEST(large_arrays_in_parts) {
  const char *spec = "rand:f32:1536x1024:seed=5";
  struct sim_arg g, h;
#ifdef _OPENMP
  int was = omp_get_max_threads();
  omp_set_num_threads(1);
  parse_ok(spec, &g);
  omp_set_num_threads(3);
  parse_ok(spec, &h);
  omp_set_num_threads(was);
#else
  parse_ok(spec, &g);
  parse_ok(spec, &h);
#endif
  ck_assert_mem_eq(g.array.data, h.array.data, g.array.nbytes);
  for (int64_t i = 0; i < g.array.numel; i += 4099)
    ck_assert_uint_eq(elem_at(&g.array, i), ref_rand(EL_F32, 5, (uint64_t)i));
  sim_arg_free(&h);
  char out[512], err[512];
  struct sim_array b;
  tmp_path(out, sizeof out, ".npy");
  ck_assert_msg(sim_npy_write(out, &g.array, err, sizeof err) == 0, "%s", err);
  ck_assert_msg(sim_npy_read(out, &b, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(b.rank, 2);
  ck_assert_uint_eq(b.nbytes, g.array.nbytes);
  ck_assert_mem_eq(b.data, g.array.data, b.nbytes);
  sim_array_free(&b);
  /* the same values big-endian */
  size_t n = g.array.nbytes;
  uint8_t *img = malloc(n + 256), *be = malloc(n);
  ck_assert(img && be);
  for (size_t i = 0; i < n; i++) be[i] = ((const uint8_t *)g.array.data)[i ^ 3];
  size_t len = make_npy(img, 1, "{'descr': '>f4', 'fortran_order': False, 'shape': (1536, 1024), }", be, n);
  spit(out, img, len);
  ck_assert_msg(sim_npy_read(out, &b, err, sizeof err) == 0, "%s", err);
  ck_assert_mem_eq(b.data, g.array.data, n);
  sim_array_free(&b);
  spit(out, img, len - 1);
  ck_assert_int_eq(sim_npy_read(out, &b, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "truncated data (6291455 bytes; shape and dtype say 6291456)"), "got '%s'", err);
  remove(out);
  free(img);
  free(be);
  sim_arg_free(&g);
}
END_TEST

/* rand with seed 7 as numpy and ml_dtypes round it: the output of
** `python3 tests/unit/gen_npy_fixtures.py --rand`. */
START_TEST(rand_known_values) {
  struct sim_arg g;
  static const uint64_t bf16[6] = { 0xBE62, 0xBF77, 0x3F4D, 0x3E2A, 0xBDC3, 0xBF00 };
  static const uint64_t f16[6] = { 0xB30D, 0xBBBB, 0x3A6A, 0x314F, 0xAE16, 0xB802 };
  static const uint64_t e4m3[6] = { 0xA6, 0xB7, 0x35, 0x23, 0x9C, 0xB0 };
  static const int64_t i32[6] = { -2, -8, 6, 1, -1, -5 };
  parse_ok("rand:bf16:6:seed=7", &g);
  for (int i = 0; i < 6; i++) ck_assert_uint_eq(elem_at(&g.array, i), bf16[i]);
  sim_arg_free(&g);
  parse_ok("rand:f16:2x3:seed=7", &g);
  for (int i = 0; i < 6; i++) ck_assert_uint_eq(elem_at(&g.array, i), f16[i]);
  sim_arg_free(&g);
  parse_ok("rand:f8E4M3FN:6:seed=7", &g);
  for (int i = 0; i < 6; i++) ck_assert_uint_eq(elem_at(&g.array, i), e4m3[i]);
  sim_arg_free(&g);
  parse_ok("rand:i32:6:seed=7", &g);
  for (int i = 0; i < 6; i++) ck_assert_uint_eq(elem_at(&g.array, i), (uint32_t)i32[i]);
  sim_arg_free(&g);
  parse_ok("rand:f32:3", &g);                                   /* seed 0 by default */
  struct sim_arg h;
  parse_ok("rand:f32:3:seed=0", &h);
  ck_assert_mem_eq(g.array.data, h.array.data, 12);
  sim_arg_free(&g);
  sim_arg_free(&h);
}
END_TEST

START_TEST(file_specs) {
  char path[1024], spec[1200];
  struct sim_arg g;
  data_path(path, sizeof path, "f4.npy");
  snprintf(spec, sizeof spec, "x=@%s", path);
  parse_ok(spec, &g);
  ck_assert_str_eq(g.name, "x");
  ck_assert_int_eq(g.elem, EL_F32);
  ck_assert_uint_eq(elem_at(&g.array, 0), 0x3FC00000);
  sim_arg_free(&g);
  data_path(path, sizeof path, "bf16.npy");
  snprintf(spec, sizeof spec, "@%s:bf16:cutile", path);
  parse_ok(spec, &g);
  ck_assert_int_eq(g.elem, EL_BF16);
  ck_assert(g.cutile);
  sim_arg_free(&g);
  data_path(path, sizeof path, "deflated.npz");
  snprintf(spec, sizeof spec, "@%s:b:cutile", path);
  parse_ok(spec, &g);
  ck_assert_int_eq(g.elem, EL_I64);
  ck_assert_int_eq(g.array.numel, 4);
  ck_assert(g.cutile);
  sim_arg_free(&g);
  snprintf(spec, sizeof spec, "@%s:a:f32", path);
  parse_ok(spec, &g);
  sim_arg_free(&g);
  data_path(path, sizeof path, "single.npz");
  snprintf(spec, sizeof spec, "@%s", path);
  parse_ok(spec, &g);
  ck_assert_int_eq(g.array.numel, 5);
  sim_arg_free(&g);
  snprintf(spec, sizeof spec, "@%s::f8E4M3FN", path);          /* the only array, typed */
  parse_ok(spec, &g);
  ck_assert_int_eq(g.elem, EL_F8E4M3FN);
  sim_arg_free(&g);
}
END_TEST

/* ---- argument specs: every error ---- */

static const char *const generic =
  "expected TYPE:VALUE (i32:4), @FILE.npy, @FILE.npz:KEY, or zeros|ones|iota|rand|shape:TYPE:DIMS";

static const struct { const char *spec, *want; } bad_cases[] = {
  { "", "bad argument spec '': empty" },
  { "x=", "bad argument spec 'x=': empty" },
  { "foo", NULL },
  { "a:b:c", NULL },
  { "=i32:4", "bad scalar spec '=i32:4': unknown element type '=i32'" },
  { "a:b:c:d:e:f:g:h:i", "bad argument spec 'a:b:c:d:e:f:g:h:i': too many ':' fields" },
  { "i33:4", "bad scalar spec 'i33:4': unknown element type 'i33'" },
  { "i32", "bad scalar spec 'i32': expected TYPE:VALUE, e.g. i32:4 or f32:0.5" },
  { "i32:4:cutile", "bad scalar spec 'i32:4:cutile': expected TYPE:VALUE, e.g. i32:4 or f32:0.5" },
  { "i32:", "bad scalar spec 'i32:': missing value" },
  { "i32:1.5", "bad scalar spec 'i32:1.5': expected an integer like 42, -1 or 0xFF" },
  { "i32:0x", "bad scalar spec 'i32:0x': expected an integer like 42, -1 or 0xFF" },
  { "i32:-0x5", "bad scalar spec 'i32:-0x5': expected an integer like 42, -1 or 0xFF" },
  { "i32: 4", "bad scalar spec 'i32: 4': expected an integer like 42, -1 or 0xFF" },
  { "i8:256", "bad scalar spec 'i8:256': 256 is out of range for i8 (-128 to 255)" },
  { "i8:-129", "bad scalar spec 'i8:-129': -129 is out of range for i8 (-128 to 255)" },
  { "i64:18446744073709551616", "bad scalar spec 'i64:18446744073709551616': 18446744073709551616 is "
                                "out of range for i64 (-9223372036854775808 to 18446744073709551615)" },
  { "i8:0x100", "bad scalar spec 'i8:0x100': 0x100 does not fit in i8's 8 bits" },
  { "i1:yes", "bad scalar spec 'i1:yes': expected true, false, 1 or 0" },
  { "i1:2", "bad scalar spec 'i1:2': 2 is out of range for i1 (-1 to 1)" },
  { "f32:abc", "bad scalar spec 'f32:abc': expected a number like 0.5, -1e3, inf or nan, or bits like 0x3C00" },
  { "f32:1e", "bad scalar spec 'f32:1e': expected a number like 0.5, -1e3, inf or nan, or bits like 0x3C00" },
  { "f32:0x1p3", "bad scalar spec 'f32:0x1p3': expected a number like 0.5, -1e3, inf or nan, or bits like 0x3C00" },
  { "f32:.", "bad scalar spec 'f32:.': expected a number like 0.5, -1e3, inf or nan, or bits like 0x3C00" },
  { "f16:0x13C00", "bad scalar spec 'f16:0x13C00': 0x13C00 does not fit in f16's 16 bits" },
  { "f4E2M1FN:0x10", "bad scalar spec 'f4E2M1FN:0x10': 0x10 does not fit in f4E2M1FN's 4 bits" },
  { "f8E4M3FN:1000", "bad scalar spec 'f8E4M3FN:1000': 1000 is out of range for f8E4M3FN" },
  { "f8E4M3FN:inf", "bad scalar spec 'f8E4M3FN:inf': inf is out of range for f8E4M3FN" },
  { "f8E8M0FNU:-1", "bad scalar spec 'f8E8M0FNU:-1': -1 is out of range for f8E8M0FNU" },
  { "f8E8M0FNU:0", "bad scalar spec 'f8E8M0FNU:0': 0 is out of range for f8E8M0FNU" },
  { "f4E2M1FN:nan", "bad scalar spec 'f4E2M1FN:nan': nan is out of range for f4E2M1FN" },
  { "tf32:0x3F800001", "bad scalar spec 'tf32:0x3F800001': 0x3F800001 is not tf32 (f32 bits with the low 13 bits zero)" },
  { "zeros", "bad array spec 'zeros': expected zeros:TYPE:DIMS, e.g. zeros:f32:64x32" },
  { "zeros:f32", "bad array spec 'zeros:f32': expected zeros:TYPE:DIMS, e.g. zeros:f32:64x32" },
  { "ones:f33:4", "bad array spec 'ones:f33:4': unknown element type 'f33'" },
  { "rand:bf16:64y3", "bad array spec 'rand:bf16:64y3': expected dimensions like 64x32" },
  { "rand:bf16:", "bad array spec 'rand:bf16:': expected dimensions like 64x32" },
  { "rand:bf16:x4", "bad array spec 'rand:bf16:x4': expected dimensions like 64x32" },
  { "rand:bf16:4x", "bad array spec 'rand:bf16:4x': expected dimensions like 64x32" },
  { "rand:bf16:-4", "bad array spec 'rand:bf16:-4': expected dimensions like 64x32" },
  { "zeros:f32:1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1",
    "bad array spec 'zeros:f32:1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1': too many dimensions (at most 16)" },
  { "zeros:f32:99999999999999999999", "bad array spec 'zeros:f32:99999999999999999999': too many elements" },
  { "shape:f64:4294967296x4294967296", "bad array spec 'shape:f64:4294967296x4294967296': too many elements" },
  { "shape:f64:2305843009213693952", "bad array spec 'shape:f64:2305843009213693952': too many elements" },
  { "rand:f32:4:seed=x", "bad array spec 'rand:f32:4:seed=x': expected seed=N, N a number below 2^64 "
                         "(decimal or 0x hex)" },
  { "rand:f32:4:seed=", "bad array spec 'rand:f32:4:seed=': expected seed=N, N a number below 2^64 "
                        "(decimal or 0x hex)" },
  { "rand:f32:4:seed=18446744073709551616", "bad array spec 'rand:f32:4:seed=18446744073709551616': "
    "expected seed=N, N a number below 2^64 (decimal or 0x hex)" },
  { "zeros:f32:4:seed=1", "bad array spec 'zeros:f32:4:seed=1': seed= applies to rand only" },
  { "rand:f32:4:seed=1:seed=2", "bad array spec 'rand:f32:4:seed=1:seed=2': seed given twice" },
  { "zeros:f32:4:foo", "bad array spec 'zeros:f32:4:foo': unknown option 'foo' (expected cutile)" },
  { "zeros:f32:4:bf16", "bad array spec 'zeros:f32:4:bf16': unknown option 'bf16' (expected cutile)" },
  { "rand:f32:4:foo", "bad array spec 'rand:f32:4:foo': unknown option 'foo' (expected seed=N or cutile)" },
  { "zeros:f32:4:cutile:cutile", "bad array spec 'zeros:f32:4:cutile:cutile': 'cutile' given twice" },
  { "zeros:f32:4:", "bad array spec 'zeros:f32:4:': unknown option '' (expected cutile)" },
  { "iota:f8E4M3FN:1024", "bad array spec 'iota:f8E4M3FN:1024': iota value 465 is out of range for f8E4M3FN" },
  { "iota:f8E8M0FNU:4", "bad array spec 'iota:f8E8M0FNU:4': iota value 0 is out of range for f8E8M0FNU" },
  { "iota:f16:70000", "bad array spec 'iota:f16:70000': iota value 65520 is out of range for f16" },
  { "@", "bad array spec '@': expected @FILE.npy or @FILE.npz[:KEY]" },
  { "@a.txt", "bad array spec '@a.txt': expected @FILE.npy or @FILE.npz[:KEY]" },
  { "@a.npyz", "bad array spec '@a.npyz': expected @FILE.npy or @FILE.npz[:KEY]" },
  { "@/nonexistent/a.npy", "cannot open '/nonexistent/a.npy': No such file or directory" },
  { "@/nonexistent/a.npz:k", "cannot open '/nonexistent/a.npz': No such file or directory" },
  { "@x.npy:a:b:c:d:e:f:g:h:i", "bad array spec '@x.npy:a:b:c:d:e:f:g:h:i': too many ':' fields" },
};

START_TEST(bad_specs) {
  char err[512], want[512];
  struct sim_arg g;
  const char *spec = bad_cases[_i].spec;
  if (bad_cases[_i].want) snprintf(want, sizeof want, "%s", bad_cases[_i].want);
  else snprintf(want, sizeof want, "bad argument spec '%s': %s", spec, generic);
  ck_assert_msg(sim_arg_parse(spec, &g, err, sizeof err) == -1, "'%s' accepted", spec);
  ck_assert_str_eq(err, want);
}
END_TEST

/* Errors that name a fixture, whose path depends on where the tree is. */
START_TEST(bad_file_specs) {
  char npy[1024], npz[1024], bf[1024], spec[1200], err[1500], want[3000];
  struct sim_arg g;
  data_path(npy, sizeof npy, "f4.npy");
  data_path(npz, sizeof npz, "deflated.npz");
  data_path(bf, sizeof bf, "bf16.npy");
  struct { const char *fmt, *want; const char *path; } cases[] = {
    { "@%s:f99", "bad array spec '@%s:f99': unknown element type or option 'f99' "
                 "(expected a type like bf16, or cutile)", npy },
    { "@%s:bf16:bf16", "bad array spec '@%s:bf16:bf16': element type given twice", npy },
    { "@%s:seed=1", "bad array spec '@%s:seed=1': seed= applies to rand only", npy },
    { "@%s:bf16", "'%s': dtype '<f4' has 4-byte elements, bf16 has 2", npy },
    { "@%s:zz", "'%s': no array 'zz' (it has: a, b, c)", npz },
    { "@%s", "'%s': holds 3 arrays (a, b, c): name one", npz },
    { "@%s", "'%s': dtype '<V2' does not name an element type (numpy saves bfloat16 and the other "
             "ml_dtypes types so): add the type to the spec, e.g. ':bf16'", bf },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    snprintf(spec, sizeof spec, cases[i].fmt, cases[i].path);
    snprintf(want, sizeof want, cases[i].want, cases[i].path);
    ck_assert_msg(sim_arg_parse(spec, &g, err, sizeof err) == -1, "'%s' accepted", spec);
    ck_assert_str_eq(err, want);
  }
}
END_TEST

Suite *suite_sim_npy(void) {
  Suite *s = suite_create("sim_npy");
  TCase *tc = tcase_create("files");
  tcase_add_loop_test(tc, plain_dtypes, 0, sizeof plain_cases / sizeof *plain_cases);
  tcase_add_loop_test(tc, ml_dtypes_files, 0, sizeof ml_cases / sizeof *ml_cases);
  tcase_add_test(tc, untyped_void_needs_a_type);
  tcase_add_test(tc, fortran_big_endian_3d);
  tcase_add_test(tc, zero_d_empty_and_versions);
  tcase_add_test(tc, npz_stored_and_deflated);
  tcase_add_test(tc, write_matches_numpy);
  tcase_add_test(tc, round_trip_npy);
  tcase_add_test(tc, round_trip_npz);
  tcase_add_test(tc, write_errors);
  suite_add_tcase(s, tc);
  tc = tcase_create("malformed");
  tcase_set_timeout(tc, 60);    /* truncates files at every byte: slow on a loaded machine */
  tcase_add_test(tc, truncated_files);
  tcase_add_test(tc, corrupted_files);
  tcase_add_test(tc, bad_headers);
  tcase_add_test(tc, lenient_headers_and_values);
  tcase_add_test(tc, bad_archives);
  suite_add_tcase(s, tc);
  tc = tcase_create("specs");
  tcase_add_loop_test(tc, scalar_specs, 0, sizeof scalar_cases / sizeof *scalar_cases);
  tcase_add_test(tc, generated_arrays);
  tcase_add_loop_test(tc, ones_every_type, 0, EL_COUNT);
  tcase_add_loop_test(tc, rand_every_type, 0, EL_COUNT);
  tcase_add_test(tc, rand_known_values);
  tcase_add_test(tc, large_arrays_in_parts);
  tcase_add_test(tc, file_specs);
  tcase_add_loop_test(tc, bad_specs, 0, sizeof bad_cases / sizeof *bad_cases);
  tcase_add_test(tc, bad_file_specs);
  suite_add_tcase(s, tc);
  return s;
}
