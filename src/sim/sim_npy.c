/*
** sim_npy.c -- host arrays and their files (see sim_npy.h).
**
** .npy, NumPy's format (numpy/lib/format.py describes it): the magic
** "\x93NUMPY", a major and minor version (1.0, 2.0, 3.0), the header length
** (2 bytes little-endian in 1.0, 4 bytes after), the header -- a Python
** dict literal {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
** padded with spaces so the data starts at a multiple of 64 and ended by
** '\n' -- then the elements.  3.0 only allows UTF-8 in the header, which
** matters for structured dtypes, which tilesim does not read.
**
** .npz: a zip archive with one KEY.npy member per array, stored (np.savez)
** or deflated (np.savez_compressed).  numpy's members have zip64 *local*
** headers (sizes 0xFFFFFFFF plus an extra field) but plain central
** directory entries, so we take every size from the central directory.
**
** The ml_dtypes types: np.save writes no type information for them --
** bfloat16 is '<V2'; float8_e4m3fn, float8_e8m0fnu, float4_e2m1fn and int4
** are '<V1'; float8_e5m2 alone is '<f1' (which numpy itself cannot load).
** So a void descr must be typed by the reader ('want', from the ':bf16' of
** an argument spec), '<f1' reads as f8E5M2, and the descrs that name the
** type (ml_dtypes' names: 'bfloat16', 'float8_e4m3fn', ...) are accepted
** too.  An explicit type reinterprets the bits of any dtype of the same
** element size (uint8 data saved from an fp8 .view() reads as fp8).
** We write what np.save writes, except '<V1' for f8E5M2, which numpy can
** load (as void; .view(ml_dtypes.float8_e5m2) gives the values back).
**
** Host layout, as the interpreter keeps tiles: i1 one byte 0 or 1; i4 and
** f4E2M1FN one byte holding the value in its low 4 bits (what ml_dtypes
** writes); tf32 the 4 bytes of an f32 whose low 13 bits are zero.
*/
#include <config.h>
#include "sim_npy.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "ir_int.h"
#include "sim_fp.h"

/* ---- errors ---- */

/* Where a reader or writer reports: 'what' names the file (and member). */
struct ectx {
  char what[640];
  char *err;
  size_t len;
};

static void ectx_init(struct ectx *e, char *err, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void ectx_init(struct ectx *e, char *err, size_t len, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->what, sizeof e->what, fmt, ap);
  va_end(ap);
  e->err = err;
  e->len = len;
}

/* Put "WHAT: message" in e's buffer; returns -1. */
static int efail(const struct ectx *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int efail(const struct ectx *e, const char *fmt, ...) {
  if (!e->err || !e->len) return -1;
  int n = snprintf(e->err, e->len, "%s: ", e->what);
  if (n < 0 || (size_t)n >= e->len) return -1;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->err + n, e->len - (size_t)n, fmt, ap);
  va_end(ap);
  return -1;
}

/* A message without a prefix (system errors name the file themselves). */
static int sfail(char *err, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int sfail(char *err, size_t len, const char *fmt, ...) {
  if (!err || !len) return -1;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, len, fmt, ap);
  va_end(ap);
  return -1;
}

/* ---- little-endian fields ---- */

static unsigned get16(const uint8_t *p) { return p[0] | (unsigned)p[1] << 8; }
static uint32_t get32(const uint8_t *p) { return get16(p) | (uint32_t)get16(p + 2) << 16; }
static void put16(uint8_t *p, unsigned v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { put16(p, v & 0xFFFF); put16(p + 2, v >> 16); }

/* ---- element types ---- */

size_t sim_elem_size(enum ty_elem e) {
  switch (e) {
  case EL_I16: case EL_F16: case EL_BF16: return 2;
  case EL_I32: case EL_F32: case EL_TF32: return 4;
  case EL_I64: case EL_F64: return 8;
  default: return 1;
  }
}

void sim_array_free(struct sim_array *a) {
  if (!a) return;
  ts_free(a->data);
  a->data = NULL;
  a->nbytes = 0;
}

static bool elem_is_int(enum ty_elem e) { return e <= EL_I64; }

/* The element type named s (n bytes; MLIR's spelling, any case), or EL_COUNT. */
static enum ty_elem elem_lookup(const char *s, size_t n) {
  for (int e = 0; e < EL_COUNT; e++)
    if (strlen(ty_elem_names[e]) == n && !strncasecmp(ty_elem_names[e], s, n))
      return (enum ty_elem)e;
  return EL_COUNT;
}

/* ---- dtypes ---- */

/* What a descr says: the element type (EL_COUNT for a void descr, which
** says nothing), the element size and whether the bytes are big-endian. */
struct dtype {
  enum ty_elem elem;
  size_t size;
  bool big;
};

/* Unsigned integers map to the same-width int: Tile IR ints are signless. */
static const struct { char code[3]; enum ty_elem elem; } dtype_codes[] = {
  { "b1", EL_I1 }, { "i1", EL_I8 }, { "u1", EL_I8 }, { "i2", EL_I16 }, { "u2", EL_I16 },
  { "i4", EL_I32 }, { "u4", EL_I32 }, { "i8", EL_I64 }, { "u8", EL_I64 },
  { "f2", EL_F16 }, { "f4", EL_F32 }, { "f8", EL_F64 },
  { "f1", EL_F8E5M2 },                /* ml_dtypes' float8_e5m2 */
  { "V1", EL_COUNT }, { "V2", EL_COUNT }, { "V4", EL_COUNT }, { "V8", EL_COUNT },
};

static const struct { const char *name; enum ty_elem elem; } ml_names[] = {
  { "bfloat16", EL_BF16 }, { "float8_e4m3fn", EL_F8E4M3FN }, { "float8_e5m2", EL_F8E5M2 },
  { "float8_e8m0fnu", EL_F8E8M0FNU }, { "float4_e2m1fn", EL_F4E2M1FN }, { "int4", EL_I4 },
};

/* Decode descr s into d: 0, or -1 when tilesim does not read it. */
static int dtype_parse(const char *s, struct dtype *d) {
  for (size_t i = 0; i < sizeof ml_names / sizeof *ml_names; i++)
    if (!strcmp(s, ml_names[i].name)) {
      *d = (struct dtype){ ml_names[i].elem, sim_elem_size(ml_names[i].elem), false };
      return 0;
    }
  if (strlen(s) != 3 || !strchr("<>|", s[0])) return -1;
  for (size_t i = 0; i < sizeof dtype_codes / sizeof *dtype_codes; i++)
    if (!strcmp(s + 1, dtype_codes[i].code)) {
      d->elem = dtype_codes[i].elem;
      d->size = (size_t)(s[2] - '0');
      d->big = s[0] == '>';
      return 0;
    }
  return -1;
}

/* The descr written for arrays of e (NULL: none). */
static const char *dtype_descr(enum ty_elem e) {
  switch (e) {
  case EL_I1: return "|b1";
  case EL_I8: return "|i1";
  case EL_I16: return "<i2";
  case EL_I32: return "<i4";
  case EL_I64: return "<i8";
  case EL_F16: return "<f2";
  case EL_F32: case EL_TF32: return "<f4";   /* tf32 is kept as f32 bits */
  case EL_F64: return "<f8";
  case EL_BF16: return "<V2";
  case EL_COUNT: return NULL;
  default: return "<V1";                     /* i4 and the fp8/fp4 types */
  }
}

/* ---- the header: a Python dict literal ---- */

struct npy_hdr {
  char descr[32];
  struct dtype dt;
  bool fortran;
  int rank;
  int64_t shape[SIM_MAX_RANK];
  int64_t numel;
  size_t nbytes;
  size_t off;                   /* where the data starts */
};

struct lit {
  const char *p, *end;
};

static void skip_ws(struct lit *l) {
  while (l->p < l->end && strchr(" \t\r\n", *l->p) && *l->p) l->p++;
}

static bool eat(struct lit *l, char c) {
  skip_ws(l);
  if (l->p < l->end && *l->p == c) { l->p++; return true; }
  return false;
}

static bool eat_word(struct lit *l, const char *w) {
  size_t n = strlen(w);
  skip_ws(l);
  if ((size_t)(l->end - l->p) < n || memcmp(l->p, w, n)) return false;
  l->p += n;
  return true;
}

/* string -> "'" chars "'" | '"' chars '"'   (numpy's keys and descrs have
** no escapes); into out (cap bytes); -1 if absent, unterminated or long. */
static int lit_string(struct lit *l, char *out, size_t cap) {
  skip_ws(l);
  if (l->p >= l->end || (*l->p != '\'' && *l->p != '"')) return -1;
  char q = *l->p++;
  const char *s = l->p;
  while (l->p < l->end && *l->p != q && *l->p != '\\' && *l->p) l->p++;
  if (l->p >= l->end || *l->p != q || (size_t)(l->p - s) >= cap) return -1;
  memcpy(out, s, (size_t)(l->p - s));
  out[l->p - s] = 0;
  l->p++;
  return 0;
}

/* integer -> digits ['L']   (the L of Python 2's longs); -1 if absent,
** -2 if it does not fit in int64. */
static int lit_int(struct lit *l, int64_t *v) {
  skip_ws(l);
  if (l->p >= l->end || !isdigit((unsigned char)*l->p)) return -1;
  uint64_t x = 0;
  for (; l->p < l->end && isdigit((unsigned char)*l->p); l->p++) {
    if (x > ((uint64_t)INT64_MAX - (uint64_t)(*l->p - '0')) / 10) return -2;
    x = x * 10 + (uint64_t)(*l->p - '0');
  }
  if (l->p < l->end && *l->p == 'L') l->p++;
  *v = (int64_t)x;
  return 0;
}

/* shape -> '(' [integer {',' integer} [',']] ')' */
static int lit_shape(struct lit *l, struct npy_hdr *h, const struct ectx *e) {
  if (!eat(l, '(')) return efail(e, "bad header: 'shape' is not a tuple");
  h->rank = 0;
  if (eat(l, ')')) return 0;
  for (;;) {
    int64_t d;
    skip_ws(l);
    if (l->p < l->end && *l->p == '-') return efail(e, "bad header: negative dimension in 'shape'");
    int r = lit_int(l, &d);
    if (r == -2) return efail(e, "bad header: dimension too large in 'shape'");
    if (r) return efail(e, "bad header: expected a dimension in 'shape'");
    if (h->rank == SIM_MAX_RANK) return efail(e, "rank above %d is not supported", SIM_MAX_RANK);
    h->shape[h->rank++] = d;
    if (eat(l, ')')) return 0;
    if (!eat(l, ',')) return efail(e, "bad header: expected ',' or ')' in 'shape'");
    if (eat(l, ')')) return 0;
  }
}

/* One "'key': value" of the dict; seen collects the keys met (bits 1, 2, 4). */
static int lit_entry(struct lit *l, struct npy_hdr *h, unsigned *seen, const struct ectx *e) {
  char key[32];
  if (lit_string(l, key, sizeof key)) return efail(e, "bad header: expected a quoted key");
  if (!eat(l, ':')) return efail(e, "bad header: expected ':' after '%s'", key);
  unsigned bit = !strcmp(key, "descr") ? 1 : !strcmp(key, "fortran_order") ? 2 : !strcmp(key, "shape") ? 4 : 0;
  if (!bit) return efail(e, "bad header: unknown key '%s'", key);
  if (*seen & bit) return efail(e, "bad header: key '%s' given twice", key);
  *seen |= bit;
  if (bit == 2) {
    if (eat_word(l, "True")) h->fortran = true;
    else if (eat_word(l, "False")) h->fortran = false;
    else return efail(e, "bad header: 'fortran_order' is neither True nor False");
    return 0;
  }
  if (bit == 4) return lit_shape(l, h, e);
  skip_ws(l);
  if (l->p < l->end && *l->p == '[')
    return efail(e, "structured dtypes are not supported (one array of one element type per file)");
  if (lit_string(l, h->descr, sizeof h->descr)) return efail(e, "bad header: 'descr' is not a dtype string");
  return 0;
}

/* The header text [p, end): fills h's descr, fortran, rank and shape. */
static int header_dict(const char *p, const char *end, struct npy_hdr *h, const struct ectx *e) {
  struct lit l = { p, end };
  unsigned seen = 0;
  if (!eat(&l, '{')) return efail(e, "bad header: expected '{'");
  while (!eat(&l, '}')) {
    if (lit_entry(&l, h, &seen, e)) return -1;
    if (!eat(&l, ',')) {
      if (eat(&l, '}')) break;
      return efail(e, "bad header: expected ',' or '}'");
    }
  }
  skip_ws(&l);
  if (l.p != l.end) return efail(e, "bad header: junk after the dict");
  if (seen != 7)
    return efail(e, "bad header: no '%s'", !(seen & 1) ? "descr" : !(seen & 2) ? "fortran_order" : "shape");
  return 0;
}

/* Element count and bytes of h, refusing products that overflow
** (checking the nonzero dimensions even when one of them is 0). */
static int header_size(struct npy_hdr *h, const struct ectx *e) {
  int64_t n = 1;
  bool empty = false;
  for (int i = 0; i < h->rank; i++) {
    if (!h->shape[i]) { empty = true; continue; }
    if (n > INT64_MAX / h->shape[i]) return efail(e, "shape too large (the element count overflows)");
    n *= h->shape[i];
  }
  if (empty) n = 0;
  if ((uint64_t)n > SIZE_MAX / h->dt.size) return efail(e, "shape too large (the byte count overflows)");
  h->numel = n;
  h->nbytes = (size_t)n * h->dt.size;
  return 0;
}

/* Parse the magic, version and header of the .npy image p[0..n). */
static int npy_header(const uint8_t *p, size_t n, struct npy_hdr *h, const struct ectx *e) {
  static const uint8_t magic[6] = { 0x93, 'N', 'U', 'M', 'P', 'Y' };
  memset(h, 0, sizeof *h);
  if (memcmp(p, magic, n < 6 ? n : 6)) return efail(e, "not a .npy file (bad magic)");
  if (n < 10) return efail(e, "truncated file (%zu bytes)", n);
  if (p[6] < 1 || p[6] > 3 || p[7] != 0) return efail(e, "unsupported .npy format version %u.%u", p[6], p[7]);
  size_t lensz = p[6] == 1 ? 2 : 4;
  if (n < 8 + lensz) return efail(e, "truncated file (%zu bytes)", n);
  size_t hlen = lensz == 2 ? get16(p + 8) : get32(p + 8);
  if (hlen > n - 8 - lensz)
    return efail(e, "truncated header (%zu bytes, of which the file has %zu)", hlen, n - 8 - lensz);
  h->off = 8 + lensz + hlen;
  if (header_dict((const char *)p + 8 + lensz, (const char *)p + h->off, h, e)) return -1;
  if (dtype_parse(h->descr, &h->dt)) return efail(e, "unsupported dtype '%s'", h->descr);
  return header_size(h, e);
}

/* ---- the data: byte order, Fortran order, value checks ---- */

static void swap_bytes(uint8_t *p, int64_t n, size_t size) {
  for (int64_t i = 0; i < n; i++, p += size)
    for (size_t j = 0; j < size / 2; j++) {
      uint8_t t = p[j];
      p[j] = p[size - 1 - j];
      p[size - 1 - j] = t;
    }
}

/* a's data is in Fortran order (first index fastest); make it C order.
** Walks the C-order index like an odometer, keeping the Fortran offset. */
static int to_c_order(struct sim_array *a, const struct ectx *e) {
  size_t size = sim_elem_size(a->elem);
  uint8_t *src = a->data, *dst = ts_malloc(a->nbytes);
  if (!dst) return efail(e, "out of memory (%zu bytes to reorder a Fortran-order array)", a->nbytes);
  int64_t fs[SIM_MAX_RANK], idx[SIM_MAX_RANK] = { 0 }, off = 0;
  for (int d = 0; d < a->rank; d++) fs[d] = d ? fs[d - 1] * a->shape[d - 1] : 1;
  for (int64_t i = 0; i < a->numel; i++) {
    memcpy(dst + (size_t)i * size, src + (size_t)off * size, size);
    for (int d = a->rank - 1; d >= 0; d--) {
      off += fs[d];
      if (++idx[d] < a->shape[d]) break;
      off -= idx[d] * fs[d];
      idx[d] = 0;
    }
  }
  ts_free(src);
  a->data = dst;
  return 0;
}

/* Bring a's bytes to the host layout: i1 to 0/1 (numpy reads any nonzero
** byte as True); i4 and f4E2M1FN to their low 4 bits, refusing other bits
** (an i4 sign-extended to a byte, 0xF8..0xFF, is accepted). */
static int normalize(struct sim_array *a, const struct ectx *e) {
  uint8_t *p = a->data;
  if (a->elem != EL_I1 && a->elem != EL_I4 && a->elem != EL_F4E2M1FN) return 0;
  for (int64_t i = 0; i < a->numel; i++) {
    if (a->elem == EL_I1) p[i] = p[i] != 0;
    else if (a->elem == EL_I4 && p[i] >= 0xF8) p[i] &= 0xF;
    else if ((a->elem == EL_I4 || a->elem == EL_F4E2M1FN) && p[i] > 0xF)
      return efail(e, "element %" PRId64 " is 0x%02X, but %s values fit in the low 4 bits of a byte",
                   i, p[i], ty_elem_names[a->elem]);
  }
  return 0;
}

/* The element type to read h's data as: want, or (EL_COUNT) the dtype's. */
static int resolve_elem(const struct npy_hdr *h, enum ty_elem want, enum ty_elem *out,
                        const struct ectx *e) {
  if (want == EL_COUNT) {
    if (h->dt.elem == EL_COUNT)
      return efail(e, "dtype '%s' does not name an element type (numpy saves bfloat16 and the other "
                   "ml_dtypes types so): add the type to the spec, e.g. ':bf16'", h->descr);
    *out = h->dt.elem;
    return 0;
  }
  if (sim_elem_size(want) != h->dt.size)
    return efail(e, "dtype '%s' has %zu-byte elements, %s has %zu", h->descr, h->dt.size,
                 ty_elem_names[want], sim_elem_size(want));
  *out = want;
  return 0;
}

/* a from header h and its data (ts_malloc'd, h->nbytes; this takes it
** over), read as elem: byte order, C order, value checks. */
static int npy_finish(const struct npy_hdr *h, enum ty_elem elem, uint8_t *data,
                      struct sim_array *a, const struct ectx *e) {
  struct sim_array r = { .elem = elem, .rank = h->rank, .numel = h->numel, .nbytes = h->nbytes,
                         .data = data };
  memcpy(r.shape, h->shape, sizeof r.shape);
  if (h->dt.big && h->dt.size > 1) swap_bytes(r.data, r.numel, h->dt.size);
  if ((h->fortran && r.rank > 1 && r.numel && to_c_order(&r, e)) || normalize(&r, e)) {
    sim_array_free(&r);
    return -1;
  }
  *a = r;
  return 0;
}

/* Turn the .npy image buf[0..n) (ts_malloc'd; this takes it over) into a. */
static int npy_from_buf(uint8_t *buf, size_t n, enum ty_elem want, struct sim_array *a,
                        const struct ectx *e) {
  struct npy_hdr h;
  enum ty_elem elem = EL_I8;      /* set by resolve_elem; quiets -Wmaybe-uninitialized */
  if (npy_header(buf, n, &h, e) || resolve_elem(&h, want, &elem, e)) { ts_free(buf); return -1; }
  if (n - h.off != h.nbytes) {
    ts_free(buf);
    if (n - h.off < h.nbytes)
      return efail(e, "truncated data (%zu bytes; shape and dtype say %zu)", n - h.off, h.nbytes);
    return efail(e, "%zu bytes after the data (shape and dtype say %zu)", n - h.off - h.nbytes, h.nbytes);
  }
  memmove(buf, buf + h.off, h.nbytes);
  uint8_t *data = ts_realloc(buf, h.nbytes);
  return npy_finish(&h, elem, data ? data : buf, a, e);
}

/* ---- files ---- */

/* All of path into *buf (ts_malloc'd) and *n. */
static int read_all(const char *path, uint8_t **buf, size_t *n, char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) return sfail(err, errlen, "cannot open '%s': %s", path, strerror(errno));
  struct stat st;
  size_t cap = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 4096;
  uint8_t *b = ts_malloc(cap);
  size_t len = 0;
  while (b) {
    len += fread(b + len, 1, cap - len, f);
    if (len < cap) break;
    uint8_t *nb = cap > SIZE_MAX / 2 ? NULL : ts_realloc(b, cap * 2);
    if (!nb) ts_free(b);
    b = nb;
    cap *= 2;
  }
  int bad = ferror(f), saved = errno;
  fclose(f);
  if (!b) return sfail(err, errlen, "cannot read '%s': out of memory", path);
  if (bad) {
    ts_free(b);
    return sfail(err, errlen, "cannot read '%s': %s", path, strerror(saved));
  }
  *buf = b;
  *n = len;
  return 0;
}

/* Work on big arrays is split in parts of this many bytes, one thread
** each; what a part gets never depends on which thread does it. */
enum { PART = 4 << 20 };

/* n bytes of fd at offset off into p, the parts by all threads at once:
** each thread copies and first touches its own pages, so the page faults
** and copies of a large file run in parallel.  0, or -1 with errno. */
static int pread_all(int fd, uint8_t *p, size_t n, off_t off) {
  int failed = 0, saved = 0;
  int64_t parts = (int64_t)((n + PART - 1) / PART);
#pragma omp parallel for schedule(dynamic, 1) if (parts > 1)
  for (int64_t k = 0; k < parts; k++) {
    size_t at = (size_t)k * PART, len = n - at < PART ? n - at : PART;
    while (len) {
      ssize_t got = pread(fd, p + at, len, off + (off_t)at);
      if (got <= 0) {
#pragma omp critical(sim_npy_read)
        { failed = 1; saved = got < 0 ? errno : EIO; }
        break;
      }
      at += (size_t)got;
      len -= (size_t)got;
    }
  }
  errno = saved;
  return failed ? -1 : 0;
}

/* A large .npy file straight into its array: the header first, then the
** data into an allocation of its own, in parallel (pread_all) -- no copy
** of the whole file, no moving the data down over the header.  1 when
** this does not apply or anything is unusual (then the caller reads the
** file the plain way, which also gives the messages); 0 or -1 otherwise. */
static int npy_read_direct(const char *path, enum ty_elem want, struct sim_array *a,
                           const struct ectx *e) {
  int fd = open(path, O_RDONLY);
  struct stat st;
  if (fd < 0) return 1;
  uint8_t pre[12], *hdr = NULL;
  struct npy_hdr h;
  enum ty_elem elem = EL_I8;
  int rc = 1;
  if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size < PART) goto out;
  if (pread(fd, pre, sizeof pre, 0) != (ssize_t)sizeof pre || pre[6] < 1 || pre[6] > 3) goto out;
  size_t hend = pre[6] == 1 ? 10 + get16(pre + 8) : 12 + (size_t)get32(pre + 8);
  if (hend >= (size_t)st.st_size || !(hdr = ts_malloc(hend))) goto out;
  if (pread(fd, hdr, hend, 0) != (ssize_t)hend) goto out;
  struct ectx quiet = { .err = NULL, .len = 0 };
  if (npy_header(hdr, hend, &h, &quiet) || h.off != hend ||
      (size_t)st.st_size - hend != h.nbytes || resolve_elem(&h, want, &elem, &quiet))
    goto out;
  uint8_t *data = ts_malloc(h.nbytes);
  if (!data) goto out;
  if (pread_all(fd, data, h.nbytes, (off_t)hend)) { ts_free(data); goto out; }
  rc = npy_finish(&h, elem, data, a, e);
out:
  ts_free(hdr);
  close(fd);
  return rc;
}

int sim_npy_read_as(const char *path, enum ty_elem want, struct sim_array *a, char *err,
                    size_t errlen) {
  struct ectx e;
  uint8_t *buf = NULL;
  size_t n = 0;
  ectx_init(&e, err, errlen, "'%s'", path);
  int rc = npy_read_direct(path, want, a, &e);
  if (rc <= 0) return rc;
  if (read_all(path, &buf, &n, err, errlen)) return -1;
  return npy_from_buf(buf, n, want, a, &e);
}

int sim_npy_read(const char *path, struct sim_array *a, char *err, size_t errlen) {
  return sim_npy_read_as(path, EL_COUNT, a, err, errlen);
}

/* A writable array: known element type with a descr, data matching its shape. */
static int check_writable(const struct sim_array *a, const struct ectx *e) {
  if (a->is_ptr) return efail(e, "pointer arrays have no .npy form");
  if ((int)a->elem < 0 || a->elem >= EL_COUNT) return efail(e, "bad element type");
  if (a->rank < 0 || a->rank > SIM_MAX_RANK) return efail(e, "bad rank %d", a->rank);
  if (!a->data && a->nbytes) return efail(e, "no data to write (a shape-only array)");
  if (a->nbytes != (size_t)a->numel * sim_elem_size(a->elem))
    return efail(e, "%zu bytes of data for %" PRId64 " elements of %s", a->nbytes, a->numel,
                 ty_elem_names[a->elem]);
  return 0;
}

/* The magic, version, length and header of a into b: version 1.0, or 2.0
** if the header does not fit 1.0's 16-bit length (never, at rank <= 16). */
static void npy_prefix(struct ts_buf *b, const struct sim_array *a) {
  struct ts_buf d = { 0 };
  ts_buf_printf(&d, "{'descr': '%s', 'fortran_order': False, 'shape': (", dtype_descr(a->elem));
  for (int i = 0; i < a->rank; i++)
    ts_buf_printf(&d, i ? ", %" PRId64 : "%" PRId64, a->shape[i]);
  ts_buf_puts(&d, a->rank == 1 ? ",), }" : "), }");
  size_t lensz = d.len + 64 > 0xFFFF ? 4 : 2;     /* + padding + newline */
  while ((8 + lensz + d.len + 1) % 64 && !d.oom) ts_buf_putc(&d, ' ');
  ts_buf_putc(&d, '\n');
  uint8_t pre[12] = { 0x93, 'N', 'U', 'M', 'P', 'Y', lensz == 2 ? 1 : 2, 0 };
  if (lensz == 2) put16(pre + 8, (unsigned)d.len);
  else put32(pre + 8, (uint32_t)d.len);
  ts_buf_putn(b, (const char *)pre, 8 + lensz);
  ts_buf_putn(b, d.s ? d.s : "", d.len);
  if (d.oom) b->oom = 1;
  ts_buf_free(&d);
}

/* Close the output file f (path); after a failure (failed, or fclose
** failing) remove what was written -- but only a regular file, never a
** device or a pipe the user named (/dev/full, /dev/stdout).  0, or -1 with
** errno when fclose failed. */
static int close_output(FILE *f, const char *path, bool failed) {
  struct stat st;
  bool regular = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
  int r = fclose(f), saved = errno;
  if ((failed || r) && regular) remove(path);
  errno = saved;
  return r ? -1 : 0;
}

/* Close f after writing it (ok: so far so good, else errno says why). */
static int finish_file(FILE *f, const char *path, bool ok, char *err, size_t errlen) {
  int saved = errno;
  if (close_output(f, path, !ok) && ok) { ok = false; saved = errno; }
  if (ok) return 0;
  return sfail(err, errlen, "cannot write '%s': %s", path, strerror(saved));
}

int sim_npy_write(const char *path, const struct sim_array *a, char *err, size_t errlen) {
  struct ectx e;
  ectx_init(&e, err, errlen, "'%s'", path);
  if (check_writable(a, &e)) return -1;
  struct ts_buf b = { 0 };
  npy_prefix(&b, a);
  if (b.oom) { ts_buf_free(&b); return efail(&e, "out of memory"); }
  FILE *f = fopen(path, "wb");
  if (!f) { ts_buf_free(&b); return sfail(err, errlen, "cannot create '%s': %s", path, strerror(errno)); }
  bool ok = fwrite(b.s, 1, b.len, f) == b.len && fwrite(a->data, 1, a->nbytes, f) == a->nbytes;
  ts_buf_free(&b);
  return finish_file(f, path, ok, err, errlen);
}

/* ---- zip: reading ---- */

enum { ZIP_LOCAL = 0x04034b50, ZIP_CENTRAL = 0x02014b50, ZIP_END = 0x06054b50, ZIP64_LOC = 0x07064b50 };

/* zlib allocates through the hook too, so alloc-fail tests reach it. */
static voidpf zalloc(voidpf opaque, uInt items, uInt size) {
  (void)opaque;
  return ts_malloc((size_t)items * size);
}
static void zfree(voidpf opaque, voidpf p) {
  (void)opaque;
  ts_free(p);
}

/* n bytes at offset off of f into p: 0, or -1 if the file is shorter. */
static int read_at(FILE *f, uint64_t off, void *p, size_t n) {
  if (off > (uint64_t)INT64_MAX || fseeko(f, (off_t)off, SEEK_SET)) return -1;
  return fread(p, 1, n, f) == n ? 0 : -1;
}

/* One central directory entry. */
struct zent {
  char name[256];
  unsigned method, flags;
  uint32_t crc, csize, usize, off;
};

/* The archive's central directory, read whole. */
struct zdir {
  FILE *f;
  uint64_t fsize;
  uint8_t *cd;
  uint32_t cdsize;
  unsigned count;
};

/* Find the end-of-central-directory record in the last 64 KiB + 22 bytes
** and load the central directory it points to. */
static int zip_open(struct zdir *z, const struct ectx *e) {
  uint8_t tail[65536 + 22];
  if (fseeko(z->f, 0, SEEK_END)) return efail(e, "cannot seek: %s", strerror(errno));
  z->fsize = (uint64_t)ftello(z->f);
  size_t n = z->fsize < sizeof tail ? (size_t)z->fsize : sizeof tail;
  if (n < 22 || read_at(z->f, z->fsize - n, tail, n))
    return efail(e, "not a zip archive (too short)");
  size_t i = n - 22 + 1;
  while (i-- > 0)
    if (get32(tail + i) == ZIP_END) break;
  if (i == (size_t)-1) return efail(e, "not a zip archive (no end of central directory)");
  const uint8_t *r = tail + i;
  if (i >= 20 && get32(tail + i - 20) == ZIP64_LOC) return efail(e, "zip64 archives are not supported");
  if (get16(r + 4) || get16(r + 6)) return efail(e, "multi-disk zip archives are not supported");
  z->count = get16(r + 10);
  z->cdsize = get32(r + 12);
  uint32_t cdoff = get32(r + 16);
  if (z->count == 0xFFFF || z->cdsize == 0xFFFFFFFF || cdoff == 0xFFFFFFFF)
    return efail(e, "zip64 archives are not supported");
  if ((uint64_t)cdoff + z->cdsize > z->fsize - n + i) return efail(e, "truncated zip central directory");
  z->cd = ts_malloc(z->cdsize);
  if (!z->cd) return efail(e, "out of memory");
  if (read_at(z->f, cdoff, z->cd, z->cdsize)) return efail(e, "cannot read the zip central directory");
  return 0;
}

/* The entry at *pos of z's central directory, advancing *pos. */
static int zip_entry(const struct zdir *z, size_t *pos, struct zent *ent, const struct ectx *e) {
  const uint8_t *p = z->cd + *pos;
  if (z->cdsize - *pos < 46 || get32(p) != ZIP_CENTRAL) return efail(e, "bad zip central directory");
  size_t nl = get16(p + 28), rec = 46 + nl + get16(p + 30) + get16(p + 32);
  if (z->cdsize - *pos < rec) return efail(e, "bad zip central directory");
  if (nl >= sizeof ent->name) return efail(e, "zip member name too long (%zu bytes)", nl);
  memcpy(ent->name, p + 46, nl);
  ent->name[nl] = 0;
  ent->flags = get16(p + 8);
  ent->method = get16(p + 10);
  ent->crc = get32(p + 16);
  ent->csize = get32(p + 20);
  ent->usize = get32(p + 24);
  ent->off = get32(p + 42);
  if (ent->csize == 0xFFFFFFFF || ent->usize == 0xFFFFFFFF || ent->off == 0xFFFFFFFF)
    return efail(e, "zip64 archives are not supported (member '%s')", ent->name);
  *pos += rec;
  return 0;
}

/* The key numpy gives member name: the name less a final ".npy". */
static size_t key_len(const char *name) {
  size_t n = strlen(name);
  return n > 4 && !strcmp(name + n - 4, ".npy") ? n - 4 : n;
}

/* Find the member for key (KEY.npy, else KEY; NULL or "": the only one);
** when there is none, say which keys there are. */
static int zip_find(const struct zdir *z, const char *key, struct zent *ent, const struct ectx *e) {
  struct ts_buf keys = { 0 };
  struct zent cur;
  size_t pos = 0;
  int found = 0;
  for (unsigned i = 0; i < z->count; i++) {
    if (zip_entry(z, &pos, &cur, e)) { ts_buf_free(&keys); return -1; }
    bool hit = key && *key ? !strcmp(cur.name, key) || (strlen(key) == key_len(cur.name) &&
                                                       !strncmp(cur.name, key, key_len(cur.name)))
                           : z->count == 1;
    if (hit && (!found || strcmp(cur.name, ent->name) > 0)) *ent = cur;   /* "k.npy" beats "k" */
    found |= hit;
    ts_buf_printf(&keys, "%s%.*s", i ? ", " : "", (int)key_len(cur.name), cur.name);
  }
  int r = 0;
  if (!found && key && *key)
    r = efail(e, "no array '%s' (it has: %s)", key, keys.len ? keys.s : "nothing");
  else if (!found)
    r = efail(e, "holds %u arrays (%s): name one", z->count, keys.len ? keys.s : "none");
  ts_buf_free(&keys);
  return r;
}

/* Inflate the raw deflate stream in[0..n) into out[0..un), exactly. */
static int inflate_all(const uint8_t *in, size_t n, uint8_t *out, size_t un, const struct ectx *e) {
  z_stream s = { .zalloc = zalloc, .zfree = zfree };
  if (inflateInit2(&s, -15) != Z_OK) return efail(e, "out of memory (zlib)");
  s.next_in = (Bytef *)in;
  s.avail_in = (uInt)n;
  s.next_out = out;
  s.avail_out = (uInt)un;
  int r = inflate(&s, Z_FINISH);
  bool exact = r == Z_STREAM_END && s.avail_out == 0 && s.avail_in == 0;
  inflateEnd(&s);
  if (r == Z_MEM_ERROR) return efail(e, "out of memory (zlib)");
  if (!exact) return efail(e, "bad deflate data (or sizes that disagree with it)");
  return 0;
}

/* The bytes of member ent into *out (ts_malloc'd, ent->usize bytes). */
static int zip_member(const struct zdir *z, const struct zent *ent, uint8_t **out, const struct ectx *e) {
  uint8_t lh[30];
  if (ent->flags & 1) return efail(e, "encrypted");
  if (ent->method != 0 && ent->method != 8)
    return efail(e, "compression method %u (only stored and deflate are supported)", ent->method);
  if (read_at(z->f, ent->off, lh, 30) || get32(lh) != ZIP_LOCAL) return efail(e, "bad zip local header");
  uint64_t data = (uint64_t)ent->off + 30 + get16(lh + 26) + get16(lh + 28);
  if (data + ent->csize > z->fsize) return efail(e, "truncated (%u bytes past the end)",
                                                  (unsigned)(data + ent->csize - z->fsize));
  if (ent->method == 0 ? ent->csize != ent->usize : (uint64_t)ent->usize > (uint64_t)ent->csize * 1032 + 64)
    return efail(e, "sizes that cannot be (%u bytes from %u)", ent->usize, ent->csize);
  uint8_t *c = ts_malloc(ent->csize), *u = ent->method == 0 ? c : ts_malloc(ent->usize);
  int r = !c || !u ? efail(e, "out of memory (%u bytes)", ent->usize)
        : read_at(z->f, data, c, ent->csize) ? efail(e, "cannot read the member's data")
        : ent->method == 8 ? inflate_all(c, ent->csize, u, ent->usize, e) : 0;
  if (!r && (uint32_t)crc32(0, u, ent->usize) != ent->crc) r = efail(e, "CRC mismatch (corrupt data)");
  if (u != c) ts_free(c);
  if (r) ts_free(u);
  else *out = u;
  return r;
}

int sim_npz_read_as(const char *path, const char *key, enum ty_elem want, struct sim_array *a,
                    char *err, size_t errlen) {
  struct ectx e;
  struct zdir z = { .f = fopen(path, "rb") };
  struct zent ent;
  uint8_t *buf = NULL;
  if (!z.f) return sfail(err, errlen, "cannot open '%s': %s", path, strerror(errno));
  ectx_init(&e, err, errlen, "'%s'", path);
  int r = zip_open(&z, &e) || zip_find(&z, key, &ent, &e);
  if (!r) {
    ectx_init(&e, err, errlen, "'%s' member '%s'", path, ent.name);
    r = zip_member(&z, &ent, &buf, &e);
  }
  fclose(z.f);
  ts_free(z.cd);
  if (r) return -1;
  return npy_from_buf(buf, ent.usize, want, a, &e);
}

int sim_npz_read(const char *path, const char *key, struct sim_array *a, char *err, size_t errlen) {
  return sim_npz_read_as(path, key, EL_COUNT, a, err, errlen);
}

/* ---- zip: writing ---- */

/* A member being deflated into the file: CRC and sizes as they grow. */
struct zw {
  z_stream s;
  FILE *f;
  uint8_t out[1 << 15];
  uint32_t crc;
  uint64_t usize, csize;
};

/* Deflate p[0..n) into the file (finish: end the stream); 0 or -1. */
static int zw_feed(struct zw *w, const uint8_t *p, size_t n, bool finish) {
  w->usize += n;
  while (n || finish) {
    uInt chunk = n > (1u << 30) ? 1u << 30 : (uInt)n;
    if (chunk) w->crc = (uint32_t)crc32(w->crc, p, chunk);   /* crc32(c, NULL, 0) is 0 */
    w->s.next_in = (Bytef *)p;
    w->s.avail_in = chunk;
    p += chunk;
    n -= chunk;
    int flush = finish && !n ? Z_FINISH : Z_NO_FLUSH, r;
    do {
      w->s.next_out = w->out;
      w->s.avail_out = sizeof w->out;
      r = deflate(&w->s, flush);
      if (r == Z_STREAM_ERROR) return -1;
      size_t got = sizeof w->out - w->s.avail_out;
      if (fwrite(w->out, 1, got, w->f) != got) return -1;
      w->csize += got;
    } while (w->s.avail_out == 0 || (flush == Z_FINISH && r != Z_STREAM_END));
    if (flush == Z_FINISH) return 0;
  }
  return 0;
}

/* The 30-byte local header or 46-byte central entry of ent into p; the
** time is fixed (1980-01-01, as numpy writes) so archives are reproducible. */
static size_t zip_header(uint8_t *p, const struct zent *ent, bool central) {
  uint8_t *q = p + (central ? 6 : 4);
  memset(p, 0, central ? 46 : 30);
  put32(p, central ? ZIP_CENTRAL : ZIP_LOCAL);
  if (central) put16(p + 4, 20);
  put16(q, 20);                       /* version needed: 2.0, deflate */
  put16(q + 2, ent->flags);
  put16(q + 4, ent->method);
  put16(q + 8, 0x21);                 /* date 1980-01-01 */
  put32(q + 10, ent->crc);
  put32(q + 14, ent->csize);
  put32(q + 18, ent->usize);
  put16(q + 22, (unsigned)strlen(ent->name));
  if (central) put32(p + 42, ent->off);
  return central ? 46 : 30;
}

/* Write the local header of ent (sizes still blank) to f, then deflate
** the .npy prefix pre and a's data after it; 0, or -1 with errno or zlib's
** status in *zerr.  Level 1: on float data it compresses about as well as
** numpy's level 6, several times faster (random bf16: 0.79 against 0.78). */
static int zw_member(struct zw *w, FILE *f, const struct zent *ent, const struct ts_buf *pre,
                     const struct sim_array *a, int *zerr) {
  uint8_t h[30];
  size_t hl = zip_header(h, ent, false), nl = strlen(ent->name);
  memset(w, 0, sizeof *w);
  w->s.zalloc = zalloc;
  w->s.zfree = zfree;
  w->f = f;
  *zerr = deflateInit2(&w->s, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  if (*zerr != Z_OK) return -1;
  errno = 0;
  int r = fwrite(h, 1, hl, w->f) != hl || fwrite(ent->name, 1, nl, w->f) != nl ||
          zw_feed(w, (const uint8_t *)pre->s, pre->len, false) || zw_feed(w, a->data, a->nbytes, true);
  deflateEnd(&w->s);
  return r ? -1 : 0;
}

/* One member at the end of f: its local header, the deflated .npy, then
** the CRC and sizes patched into the header (so f must be seekable). */
static int npz_member(FILE *f, struct zent *ent, const struct sim_array *a, const struct ectx *e) {
  struct ts_buf pre = { 0 };
  struct zw *w = ts_malloc(sizeof *w);
  off_t start = ftello(f);
  int zerr = Z_OK, r = 0;
  npy_prefix(&pre, a);
  if (pre.oom || !w) r = efail(e, "out of memory");
  else if (start < 0) r = efail(e, "cannot write: %s", strerror(errno));
  else if (start > (off_t)0xFFFFFFF0) r = efail(e, "too large for a zip archive without zip64 (4 GiB)");
  else if (zw_member(w, f, ent, &pre, a, &zerr))
    r = zerr == Z_MEM_ERROR ? efail(e, "out of memory (zlib)")
      : efail(e, "cannot write: %s", errno ? strerror(errno) : "zlib error");
  else if (w->usize >= 0xFFFFFFFF || w->csize >= 0xFFFFFFFF)
    r = efail(e, "array too large for a zip archive without zip64 (4 GiB)");
  if (!r) {
    uint8_t h[30];
    ent->off = (uint32_t)start;
    ent->crc = w->crc;
    ent->csize = (uint32_t)w->csize;
    ent->usize = (uint32_t)w->usize;
    zip_header(h, ent, false);
    if (fseeko(f, start + 14, SEEK_SET) || fwrite(h + 14, 1, 12, f) != 12 || fseeko(f, 0, SEEK_END))
      r = efail(e, "cannot write: %s", strerror(errno));
  }
  ts_buf_free(&pre);
  ts_free(w);
  return r;
}

/* The central directory of ents[0..n) and the end record. */
static int npz_directory(FILE *f, const struct zent *ents, int n, const struct ectx *e) {
  uint8_t h[46];
  off_t start = ftello(f);
  uint64_t size = 0;
  for (int i = 0; i < n; i++) {
    size_t hl = zip_header(h, &ents[i], true), nl = strlen(ents[i].name);
    if (fwrite(h, 1, hl, f) != hl || fwrite(ents[i].name, 1, nl, f) != nl)
      return efail(e, "cannot write: %s", strerror(errno));
    size += hl + nl;
  }
  if (start < 0 || (uint64_t)start + size >= 0xFFFFFFFF)
    return efail(e, "too large for a zip archive without zip64 (4 GiB)");
  uint8_t end[22] = { 0 };
  put32(end, ZIP_END);
  put16(end + 8, (unsigned)n);
  put16(end + 10, (unsigned)n);
  put32(end + 12, (uint32_t)size);
  put32(end + 16, (uint32_t)start);
  if (fwrite(end, 1, 22, f) != 22) return efail(e, "cannot write: %s", strerror(errno));
  return 0;
}

/* Keys become member names KEY.npy: nonempty, distinct, fitting a name. */
static int check_keys(const char *const *keys, int n, const struct ectx *e) {
  if (n < 0 || n > 0xFFFF) return efail(e, "bad number of arrays (%d)", n);
  for (int i = 0; i < n; i++) {
    if (!keys[i] || !*keys[i] || strlen(keys[i]) > 200) return efail(e, "bad array name '%s'", keys[i] ? keys[i] : "");
    for (int j = 0; j < i; j++)
      if (!strcmp(keys[i], keys[j])) return efail(e, "array name '%s' given twice", keys[i]);
  }
  return 0;
}

int sim_npz_write(const char *path, const char *const *keys, const struct sim_array *const *a,
                  int n, char *err, size_t errlen) {
  struct ectx e;
  ectx_init(&e, err, errlen, "'%s'", path);
  if (check_keys(keys, n, &e)) return -1;
  for (int i = 0; i < n; i++) {
    struct ectx ea;
    ectx_init(&ea, err, errlen, "'%s' array '%s'", path, keys[i]);
    if (check_writable(a[i], &ea)) return -1;
  }
  struct zent *ents = ts_malloc(sizeof *ents * (size_t)(n ? n : 1));
  if (!ents) return efail(&e, "out of memory");
  FILE *f = fopen(path, "wb");
  if (!f) { ts_free(ents); return sfail(err, errlen, "cannot create '%s': %s", path, strerror(errno)); }
  int r = 0;
  for (int i = 0; i < n && !r; i++) {
    ents[i] = (struct zent){ .method = 8 };
    snprintf(ents[i].name, sizeof ents[i].name, "%s.npy", keys[i]);
    for (const char *c = keys[i]; *c; c++)
      if (*c & 0x80) ents[i].flags = 1u << 11;       /* the name is UTF-8 */
    r = npz_member(f, &ents[i], a[i], &e);
  }
  if (!r) r = npz_directory(f, ents, n, &e);
  ts_free(ents);
  if (close_output(f, path, r != 0) && !r) r = efail(&e, "cannot write: %s", strerror(errno));
  return r;
}

/* ---- rounding generated values ---- */

/* Finite v as bits of float type e, nearest even (sim_fp.c); -1 if e
** cannot hold it (it would overflow, or be negative in an unsigned type). */
static int round_to(enum ty_elem e, double v, uint64_t *bits) {
  if (!fp_fits(e, v)) return -1;
  *bits = fp_from_double(e, v, RND_NEAREST_EVEN);
  return 0;
}

/* ---- argument specs ---- */

/* The spec being parsed, for messages. */
struct spec {
  const char *text;
  char *err;
  size_t len;
};

/* "bad KIND spec 'TEXT': message"; returns -1. */
static int bad(const struct spec *s, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int bad(const struct spec *s, const char *kind, const char *fmt, ...) {
  if (!s->err || !s->len) return -1;
  int n = snprintf(s->err, s->len, "bad %s spec '%s': ", kind, s->text);
  if (n < 0 || (size_t)n >= s->len) return -1;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(s->err + n, s->len - (size_t)n, fmt, ap);
  va_end(ap);
  return -1;
}

enum { MAX_FIELDS = 8 };

/* Split s in place at ':' into f (at most MAX_FIELDS); the count, or -1. */
static int split(char *s, char **f) {
  int n = 0;
  for (;;) {
    if (n == MAX_FIELDS) return -1;
    f[n++] = s;
    s = strchr(s, ':');
    if (!s) return n;
    *s++ = 0;
  }
}

/* The unsigned number in base 10 or 16 that is all of t: 0, -1 when t is
** not one, -2 when it exceeds 2^64 - 1. */
static int parse_u64(const char *t, int base, uint64_t *v) {
  uint64_t x = 0;
  if (!*t) return -1;
  for (; *t; t++) {
    int d = isdigit((unsigned char)*t) ? *t - '0'
          : base == 16 && isxdigit((unsigned char)*t) ? tolower((unsigned char)*t) - 'a' + 10 : -1;
    if (d < 0) return -1;
    if (x > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) return -2;
    x = x * (uint64_t)base + (uint64_t)d;
  }
  *v = x;
  return 0;
}

/* A "0x..." bit pattern t into *v: 0, 1 when t is not hex at all, -1 bad. */
static int parse_hex(const char *t, uint64_t *v) {
  if (t[0] != '0' || (t[1] != 'x' && t[1] != 'X')) return 1;
  return parse_u64(t + 2, 16, v) ? -1 : 0;
}

/* VALUE of int type e: true/false (i1), 0x bits, or a decimal in
** [-2^(w-1), 2^w - 1]: signed or unsigned, as Tile IR ints are signless. */
static int int_bits(const struct spec *s, enum ty_elem e, const char *t, uint64_t *bits) {
  int w = ty_elem_bits(e);
  uint64_t mask = w == 64 ? UINT64_MAX : (UINT64_C(1) << w) - 1, x;
  const char *what = e == EL_I1 ? "expected true, false, 1 or 0" : "expected an integer like 42, -1 or 0xFF";
  if (e == EL_I1 && (!strcmp(t, "true") || !strcmp(t, "false"))) { *bits = t[0] == 't'; return 0; }
  int r = parse_hex(t, &x);
  if (r < 0) return bad(s, "scalar", "%s", what);
  if (r == 0) {
    if (x & ~mask) return bad(s, "scalar", "%s does not fit in %s's %d bits", t, ty_elem_names[e], w);
    *bits = x;
    return 0;
  }
  bool neg = t[0] == '-';
  r = parse_u64(t + (neg || t[0] == '+'), 10, &x);
  if (r == -1) return bad(s, "scalar", "%s", what);
  uint64_t lim = neg ? UINT64_C(1) << (w - 1) : mask;
  if (r == -2 || x > lim)
    return bad(s, "scalar", "%s is out of range for %s (-%" PRIu64 " to %" PRIu64 ")", t,
               ty_elem_names[e], UINT64_C(1) << (w - 1), mask);
  *bits = (neg ? 0 - x : x) & mask;
  return 0;
}

/* decimal -> [+-] (digits ['.' digits] | '.' digits) [('e'|'E') [+-] digits]
**          | [+-] ('inf' | 'infinity' | 'nan')      (any case) */
static bool is_decimal(const char *t) {
  if (*t == '+' || *t == '-') t++;
  if (!strcasecmp(t, "inf") || !strcasecmp(t, "infinity") || !strcasecmp(t, "nan")) return true;
  size_t n = strspn(t, "0123456789");
  t += n;
  if (*t == '.') {
    size_t k = strspn(t + 1, "0123456789");
    if (!n && !k) return false;
    t += 1 + k;
  } else if (!n) return false;
  if (*t == 'e' || *t == 'E') {
    t++;
    if (*t == '+' || *t == '-') t++;
    if (!isdigit((unsigned char)*t)) return false;
    t += strspn(t, "0123456789");
  }
  return !*t;
}

/* VALUE of float type e: 0x bits, or a decimal rounded to nearest even:
** f64 and f32 correctly from the decimal (strtod, strtof), narrower types
** from the double (ir_float_from_text), tf32 given as f32 bits. */
static int float_bits(const struct spec *s, enum ty_elem e, const char *t, uint64_t *bits) {
  int w = e == EL_TF32 ? 32 : ty_elem_bits(e);
  uint64_t x;
  int r = parse_hex(t, &x);
  if (r == 0) {
    if (w < 64 && x >> w) return bad(s, "scalar", "%s does not fit in %s's %d bits", t, ty_elem_names[e], w);
    if (e == EL_TF32 && (x & 0x1FFF))
      return bad(s, "scalar", "%s is not tf32 (f32 bits with the low 13 bits zero)", t);
    *bits = x;
    return 0;
  }
  if (r < 0 || !is_decimal(t))
    return bad(s, "scalar", "expected a number like 0.5, -1e3, inf or nan, or bits like 0x3C00");
  if (e == EL_F64) {
    double d = strtod(t, NULL);
    memcpy(bits, &d, 8);
  } else if (e == EL_F32) {
    float f = strtof(t, NULL);
    uint32_t u;
    memcpy(&u, &f, 4);
    *bits = u;
  } else if (ir_float_from_text(e, t, strlen(t), bits)) {
    return bad(s, "scalar", "%s is out of range for %s", t, ty_elem_names[e]);
  } else if (e == EL_TF32) {
    *bits <<= 13;
  }
  return 0;
}

/* scalar -> TYPE ':' VALUE */
static int parse_scalar(const struct spec *s, char **f, int nf, struct sim_arg *arg) {
  enum ty_elem e = elem_lookup(f[0], strlen(f[0]));
  if (e == EL_COUNT) return bad(s, "scalar", "unknown element type '%s'", f[0]);
  if (nf != 2) return bad(s, "scalar", "expected TYPE:VALUE, e.g. i32:4 or f32:0.5");
  if (!*f[1]) return bad(s, "scalar", "missing value");
  arg->kind = ARG_SCALAR;
  arg->elem = e;
  return elem_is_int(e) ? int_bits(s, e, f[1], &arg->bits) : float_bits(s, e, f[1], &arg->bits);
}

/* dims -> N {'x' N}: a's rank, shape, numel and nbytes. */
static int parse_dims(const struct spec *s, const char *t, struct sim_array *a) {
  const char *bad_dims = "expected dimensions like 64x32";
  size_t size = sim_elem_size(a->elem);
  int64_t numel = 1;
  a->rank = 0;
  for (;;) {
    size_t n = strspn(t, "0123456789");
    char num[24];
    uint64_t d;
    if (!n) return bad(s, "array", "%s", bad_dims);
    if (n >= sizeof num) return bad(s, "array", "too many elements");
    memcpy(num, t, n);
    num[n] = 0;
    if (parse_u64(num, 10, &d) || d > (uint64_t)INT64_MAX) return bad(s, "array", "too many elements");
    if (a->rank == SIM_MAX_RANK) return bad(s, "array", "too many dimensions (at most %d)", SIM_MAX_RANK);
    a->shape[a->rank++] = (int64_t)d;
    if (d && numel > INT64_MAX / (int64_t)d) return bad(s, "array", "too many elements");
    numel *= (int64_t)d;
    t += n;
    if (!*t) break;
    if (*t++ != 'x') return bad(s, "array", "%s", bad_dims);
  }
  if ((uint64_t)numel > SIZE_MAX / size) return bad(s, "array", "too many elements");
  a->numel = numel;
  a->nbytes = (size_t)numel * size;
  return 0;
}

/* What may follow an array's main fields. */
enum { OPT_SEED = 1, OPT_TYPE = 2 };
struct opts {
  bool cutile, has_seed;
  uint64_t seed;
  enum ty_elem type;            /* EL_COUNT: none */
};

/* option -> 'cutile' | 'seed=' N (rand) | TYPE (files); each at most once. */
static int parse_opt(const struct spec *s, const char *o, unsigned allow, struct opts *op) {
  enum ty_elem e;
  if (!strcmp(o, "cutile")) {
    if (op->cutile) return bad(s, "array", "'cutile' given twice");
    op->cutile = true;
  } else if (!strncmp(o, "seed=", 5)) {
    if (!(allow & OPT_SEED)) return bad(s, "array", "seed= applies to rand only");
    if (op->has_seed) return bad(s, "array", "seed given twice");
    int r = parse_hex(o + 5, &op->seed);
    if (r < 0 || (r > 0 && parse_u64(o + 5, 10, &op->seed)))
      return bad(s, "array", "expected seed=N, N a number below 2^64 (decimal or 0x hex)");
    op->has_seed = true;
  } else if ((allow & OPT_TYPE) && (e = elem_lookup(o, strlen(o))) != EL_COUNT) {
    if (op->type != EL_COUNT) return bad(s, "array", "element type given twice");
    op->type = e;
  } else {
    return bad(s, "array", "unknown %s '%s' (expected %s)", allow & OPT_TYPE ? "element type or option" : "option", o,
               allow & OPT_TYPE ? "a type like bf16, or cutile" : allow & OPT_SEED ? "seed=N or cutile" : "cutile");
  }
  return 0;
}

static int parse_opts(const struct spec *s, char **f, int nf, unsigned allow, struct opts *op) {
  *op = (struct opts){ .type = EL_COUNT };
  for (int i = 0; i < nf; i++)
    if (parse_opt(s, f[i], allow, op)) return -1;
  return 0;
}

/* splitmix64 (Steele, Lea and Flood, 2014): its i-th output from seed, so
** that element i of rand depends on (seed, i) only. */
static uint64_t splitmix(uint64_t seed, uint64_t i) {
  uint64_t z = seed + (i + 1) * UINT64_C(0x9E3779B97F4A7C15);
  z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Element i of rand:e with seed: ints uniform in [-8, 8) (i1: 0 or 1);
** signed floats uniform on the grid k * 2^-52 in [-1, 1), rounded to e
** (so 1.0 can appear after rounding); f8E5M3FNU uniform in [0, 1);
** f8E8M0FNU 2^k, k uniform in [-8, 8). */
static uint64_t rand_bits(enum ty_elem e, uint64_t seed, uint64_t i) {
  uint64_t x = splitmix(seed, i), b = 0;
  if (e == EL_I1) return x >> 63;
  if (e == EL_I4) return ((x >> 60) - 8) & 0xF;
  if (elem_is_int(e)) return (uint64_t)((int64_t)(x >> 60) - 8);
  if (e == EL_F8E8M0FNU) return 127 + (x >> 60) - 8;
  double v = e == EL_F8E5M3FNU ? (double)(x >> 11) * 0x1p-53
                               : (double)((int64_t)(x >> 11) - (INT64_C(1) << 52)) * 0x1p-52;
  round_to(e, v, &b);               /* cannot fail: |v| < 1 */
  return b;
}

/* Store the low n bytes of bits, little-endian, at p (n constant after
** inlining, so each size becomes one store). */
static inline void put_le(uint8_t *p, size_t n, uint64_t bits) {
  for (size_t j = 0; j < n; j++) p[j] = (uint8_t)(bits >> (8 * j));
}
static void put_elem(uint8_t *p, size_t size, uint64_t bits) {
  switch (size) {
  case 1: *p = (uint8_t)bits; break;
  case 2: put_le(p, 2, bits); break;
  case 4: put_le(p, 4, bits); break;
  default: put_le(p, 8, bits); break;
  }
}

enum gen { GEN_ZEROS, GEN_ONES, GEN_IOTA, GEN_RAND, GEN_SHAPE, GEN_COUNT };
static const char *const gen_names[GEN_COUNT] = { "zeros", "ones", "iota", "rand", "shape" };

/* The bits of 1 in type e. */
static uint64_t one_bits(enum ty_elem e) {
  uint64_t b = 1;
  if (!elem_is_int(e)) round_to(e, 1.0, &b);
  return b;
}

/* Elements [i0, i1) of a as generator g (zeros, ones, iota, rand) says:
** the index of the first iota value out of range, or -1. */
static int64_t fill_part(enum gen g, uint64_t seed, struct sim_array *a, int64_t i0, int64_t i1) {
  size_t size = sim_elem_size(a->elem);
  uint8_t *p = (uint8_t *)a->data + (size_t)i0 * size;
  if (g == GEN_ZEROS) { memset(p, 0, (size_t)(i1 - i0) * size); return -1; }
  int w = ty_elem_bits(a->elem);
  uint64_t mask = w >= 64 ? UINT64_MAX : (UINT64_C(1) << w) - 1, b = one_bits(a->elem);
  for (int64_t i = i0; i < i1; i++, p += size) {
    if (g == GEN_RAND) b = rand_bits(a->elem, seed, (uint64_t)i);
    else if (g == GEN_IOTA && elem_is_int(a->elem)) b = (uint64_t)i & mask;
    else if (g == GEN_IOTA && round_to(a->elem, (double)i, &b)) return i;
    put_elem(p, size, b);
  }
  return -1;
}

/* Fill a (allocated) as generator g says.  Each element is a function of
** its index alone, so the parts are filled in parallel -- the threads
** also take the page faults of first touching the memory, which cost
** more than the filling -- with the same bytes for any thread count; an
** iota error names the first bad index. */
static int fill(const struct spec *s, enum gen g, uint64_t seed, struct sim_array *a) {
  int64_t per = (int64_t)(PART / sim_elem_size(a->elem)), parts = (a->numel + per - 1) / per;
  int64_t first = INT64_MAX;
#pragma omp parallel for schedule(dynamic, 1) reduction(min : first) if (parts > 1)
  for (int64_t k = 0; k < parts; k++) {
    int64_t i1 = (k + 1) * per < a->numel ? (k + 1) * per : a->numel;
    int64_t at = fill_part(g, seed, a, k * per, i1);
    if (at >= 0 && at < first) first = at;
  }
  if (first != INT64_MAX)
    return bad(s, "array", "iota value %" PRId64 " is out of range for %s", first, ty_elem_names[a->elem]);
  return 0;
}

/* gen -> ('zeros'|'ones'|'iota'|'rand'|'shape') ':' TYPE ':' DIMS {':' option} */
static int parse_gen(const struct spec *s, enum gen g, char **f, int nf, struct sim_arg *arg) {
  struct sim_array *a = &arg->array;
  struct opts o;
  if (nf < 3)
    return bad(s, "array", "expected %s:TYPE:DIMS, e.g. %s:f32:64x32", gen_names[g], gen_names[g]);
  a->elem = elem_lookup(f[1], strlen(f[1]));
  if (a->elem == EL_COUNT) return bad(s, "array", "unknown element type '%s'", f[1]);
  if (parse_dims(s, f[2], a) || parse_opts(s, f + 3, nf - 3, g == GEN_RAND ? OPT_SEED : 0, &o)) return -1;
  arg->kind = ARG_ARRAY;
  arg->elem = a->elem;
  arg->cutile = o.cutile;
  if (g == GEN_SHAPE) { arg->shape_only = true; return 0; }
  a->data = ts_malloc(a->nbytes);
  if (!a->data) return bad(s, "array", "out of memory (%zu bytes)", a->nbytes);
  return fill(s, g, o.seed, a);
}

/* file -> '@' PATH ('.npy' | '.npz' [':' KEY]) {':' option}
** The path ends at the first ".npy" or ".npz" followed by ':' or the end;
** an .npz's first field is always the key ("" or none: the only array). */
static int parse_file(const struct spec *s, const char *body, struct sim_arg *arg, char *err, size_t errlen) {
  const char *path = body + 1, *p = path;
  while ((p = strstr(p, ".np")) && !((p[3] == 'y' || p[3] == 'z') && (p[4] == ':' || !p[4]))) p++;
  if (!p) return bad(s, "array", "expected @FILE.npy or @FILE.npz[:KEY]");
  size_t plen = (size_t)(p + 4 - path);
  bool npz = p[3] == 'z';
  char *buf = ts_malloc(strlen(path) + 1), *f[MAX_FIELDS];   /* the path, then the fields */
  if (!buf) return bad(s, "array", "out of memory");
  strcpy(buf, path);
  buf[plen] = 0;
  int nf = path[plen] == ':' ? split(buf + plen + 1, f) : 0;
  const char *key = npz && nf > 0 ? f[0] : NULL;
  struct opts o;
  int r = nf < 0 ? bad(s, "array", "too many ':' fields")
        : parse_opts(s, f + (key != NULL), nf - (key != NULL), OPT_TYPE, &o);
  if (!r) r = npz ? sim_npz_read_as(buf, key, o.type, &arg->array, err, errlen)
                  : sim_npy_read_as(buf, o.type, &arg->array, err, errlen);
  ts_free(buf);
  if (r) return -1;
  arg->kind = ARG_ARRAY;
  arg->elem = arg->array.elem;
  arg->cutile = o.cutile;
  return 0;
}

/* Everything but files: a generator or a scalar. */
static int parse_plain(const struct spec *s, const char *body, struct sim_arg *arg) {
  char *buf = ts_malloc(strlen(body) + 1), *f[MAX_FIELDS];
  if (!buf) return bad(s, "argument", "out of memory");
  strcpy(buf, body);
  int nf = split(buf, f), r = -2;
  if (nf < 0) r = bad(s, "argument", "too many ':' fields");
  for (int g = 0; g < GEN_COUNT && r == -2; g++)
    if (!strcmp(f[0], gen_names[g])) r = parse_gen(s, (enum gen)g, f, nf, arg);
  if (r == -2 && (nf == 2 || elem_lookup(f[0], strlen(f[0])) != EL_COUNT)) r = parse_scalar(s, f, nf, arg);
  if (r == -2)
    r = bad(s, "argument", "expected TYPE:VALUE (i32:4), @FILE.npy, @FILE.npz:KEY, "
            "or zeros|ones|iota|rand|shape:TYPE:DIMS");
  ts_free(buf);
  return r;
}

/* NAME -> [A-Za-z_][A-Za-z0-9_]* before an '='; its length, 0 if none. */
static size_t name_len(const char *s) {
  size_t i = 0;
  if (!isalpha((unsigned char)*s) && *s != '_') return 0;
  while (isalnum((unsigned char)s[i]) || s[i] == '_') i++;
  return s[i] == '=' ? i : 0;
}

int sim_arg_parse(const char *spec, struct sim_arg *arg, char *err, size_t errlen) {
  struct spec s = { spec, err, errlen };
  size_t nl = name_len(spec);
  const char *body = spec + (nl ? nl + 1 : 0);
  memset(arg, 0, sizeof *arg);
  int r = !*body ? bad(&s, "argument", "empty")
        : *body == '@' ? parse_file(&s, body, arg, err, errlen) : parse_plain(&s, body, arg);
  if (!r && nl) {
    char *name = ts_malloc(nl + 1);
    if (!name) r = bad(&s, "argument", "out of memory");
    else memcpy(name, spec, nl), name[nl] = 0, arg->name = name;
  }
  if (r) sim_arg_free(arg);
  return r ? -1 : 0;
}

void sim_arg_free(struct sim_arg *arg) {
  if (!arg) return;
  ts_free((void *)arg->name);
  arg->name = NULL;
  sim_array_free(&arg->array);
}
