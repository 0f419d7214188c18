/*
** ir_float.c -- float literals of every element type: reading decimal
** text into bits, the exact value of bits, and printing bits the way MLIR
** does (APFloat::toString, including its digit-truncation quirks).
*/
#include <config.h>
#include "ir_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The layout of a float format.  'kind' says what the all-ones exponent
** means: IEEE (inf and NaN), FN (only S.1111.111 is NaN; no inf), FNU
** (unsigned, only all-ones is NaN), FINITE (no inf, no NaN). */
enum fkind { FK_IEEE, FK_FN, FK_FNU, FK_FINITE };
struct ffmt { int ebits, mbits, bias; enum fkind kind; bool sign; int precision; };

static const struct ffmt *ffmt_get(enum ty_elem e) {
  static const struct ffmt f16 = { 5, 10, 15, FK_IEEE, true, 11 };
  static const struct ffmt bf16 = { 8, 7, 127, FK_IEEE, true, 8 };
  static const struct ffmt f32 = { 8, 23, 127, FK_IEEE, true, 24 };
  static const struct ffmt f64 = { 11, 52, 1023, FK_IEEE, true, 53 };
  static const struct ffmt tf32 = { 8, 10, 127, FK_IEEE, true, 11 };
  static const struct ffmt e4m3 = { 4, 3, 7, FK_FN, true, 4 };
  static const struct ffmt e5m2 = { 5, 2, 15, FK_IEEE, true, 3 };
  static const struct ffmt e8m0 = { 8, 0, 127, FK_FNU, false, 1 };
  static const struct ffmt e5m3 = { 5, 3, 15, FK_FNU, false, 4 };
  static const struct ffmt e2m1 = { 2, 1, 1, FK_FINITE, true, 2 };
  switch (e) {
  case EL_F16: return &f16;
  case EL_BF16: return &bf16;
  case EL_F32: return &f32;
  case EL_F64: return &f64;
  case EL_TF32: return &tf32;
  case EL_F8E4M3FN: return &e4m3;
  case EL_F8E5M2: return &e5m2;
  case EL_F8E8M0FNU: return &e8m0;
  case EL_F8E5M3FNU: return &e5m3;
  case EL_F4E2M1FN: return &e2m1;
  default: return NULL;
  }
}

enum fclass { FC_ZERO, FC_NORMAL, FC_INF, FC_NAN };

/* Split bits into sign, class and (finite) m * 2^e, exactly. */
static enum fclass decode(const struct ffmt *f, uint64_t bits, bool *neg,
                          uint64_t *m, int *e) {
  int total = (f->sign ? 1 : 0) + f->ebits + f->mbits;
  uint64_t mant = bits & ((1ull << f->mbits) - 1);
  uint64_t ex = (bits >> f->mbits) & ((1ull << f->ebits) - 1);
  uint64_t emax = (1ull << f->ebits) - 1;
  *neg = f->sign && ((bits >> (total - 1)) & 1);
  if (f->kind == FK_IEEE && ex == emax) return mant ? FC_NAN : FC_INF;
  if (f->kind == FK_FN && ex == emax && mant == (1ull << f->mbits) - 1) return FC_NAN;
  if (f->kind == FK_FNU && ex == emax && mant == (1ull << f->mbits) - 1) return FC_NAN;
  if (f->mbits == 0) {                        /* e8m0: 2^(ex - bias), no zero */
    *m = 1;
    *e = (int)ex - f->bias;
    return FC_NORMAL;
  }
  if (ex == 0) {
    if (!mant) return FC_ZERO;
    *m = mant;
    *e = 1 - f->bias - f->mbits;
  } else {
    *m = mant | (1ull << f->mbits);
    *e = (int)ex - f->bias - f->mbits;
  }
  return FC_NORMAL;
}

double ir_float_to_double(enum ty_elem el, uint64_t bits) {
  const struct ffmt *f = ffmt_get(el);
  bool neg;
  uint64_t m = 0;
  int e = 0;
  double v;
  switch (decode(f, bits, &neg, &m, &e)) {
  case FC_ZERO: v = 0; break;
  case FC_INF: v = INFINITY; break;
  case FC_NAN: return NAN;
  default: v = ldexp((double)m, e); break;
  }
  return neg ? -v : v;
}

/* Round a finite nonzero double to format f, nearest even.  Returns -1
** when it overflows a format without infinities. */
static int encode(const struct ffmt *f, double v, uint64_t *bits) {
  int total = (f->sign ? 1 : 0) + f->ebits + f->mbits;
  uint64_t sign = 0;
  if (signbit(v)) {
    if (!f->sign) return v == 0 ? (*bits = 0, -1) : -1;
    sign = 1ull << (total - 1);
    v = -v;
  }
  if (isnan(v)) {
    if (f->kind == FK_FINITE) return -1;
    uint64_t emax = (1ull << f->ebits) - 1;
    *bits = (emax << f->mbits) | (f->kind == FK_IEEE ? 1ull << (f->mbits - 1) : (1ull << f->mbits) - 1);
    return 0;
  }
  if (v == 0) { *bits = sign; return f->mbits == 0 ? -1 : 0; }
  int emax_field = (1 << f->ebits) - 1;
  int max_normal_field = f->kind == FK_IEEE ? emax_field - 1 : emax_field;
  if (isinf(v)) goto overflow;
  int ex;
  frexp(v, &ex);                              /* v = fr * 2^ex, fr in [0.5,1) */
  if (f->mbits == 0) {                        /* e8m0: powers of two only */
    double lo = ldexp(1.0, ex - 1);
    int k = ex - 1;
    if (v >= 1.5 * lo) k++;                   /* a tie rounds up, as APFloat does */
    int fld = k + f->bias;
    if (fld < 0) return -1;
    if (fld > max_normal_field - 1) goto overflow;
    *bits = (uint64_t)fld;
    return 0;
  }
  int unbiased = ex - 1;
  int field = unbiased + f->bias;
  int shift;                                  /* bits of v kept below the point */
  if (field <= 0) { field = 0; shift = f->mbits - (1 - f->bias); }
  else shift = f->mbits - unbiased;
  uint64_t q = (uint64_t)nearbyint(ldexp(v, shift));   /* nearest even */
  if (field == 0) {                           /* subnormal, may round up to normal */
    *bits = sign | q;
    return 0;
  }
  if (q >> (f->mbits + 1)) { field++; q >>= 1; }
  uint64_t mant = q & ((1ull << f->mbits) - 1);
  if (field > max_normal_field ||
      ((f->kind == FK_FN || f->kind == FK_FNU) && field == emax_field &&
       mant == (1ull << f->mbits) - 1))
    goto overflow;
  *bits = sign | ((uint64_t)field << f->mbits) | mant;
  return 0;
overflow:
  if (f->kind != FK_IEEE) return -1;
  *bits = sign | ((uint64_t)emax_field << f->mbits);
  return 0;
}

int ir_float_from_text(enum ty_elem el, const char *text, size_t n, uint64_t *bits) {
  const struct ffmt *f = ffmt_get(el);
  char small[64], *buf = n < sizeof small ? small : malloc(n + 1);
  if (!f || !buf || !n) { if (buf != small) free(buf); return -1; }
  memcpy(buf, text, n);
  buf[n] = 0;
  char *end;
  double v = strtod(buf, &end);   /* MLIR too reads via double, then rounds */
  bool bad = *end != 0;
  if (buf != small) free(buf);
  if (bad) return -1;
  if (el == EL_F64) { memcpy(bits, &v, 8); return 0; }
  return encode(f, v, bits);
}

/* ---- printing: MLIR's printFloatValue over APFloat::toString ---- */

/* Unsigned big integers, little-endian 32-bit limbs. */
enum { BIG_LIMBS = 96 };
struct big { uint32_t d[BIG_LIMBS]; int n; };

static void big_set(struct big *b, uint64_t v) {
  b->n = 0;
  while (v) { b->d[b->n++] = (uint32_t)v; v >>= 32; }
}
static void big_mul(struct big *b, uint32_t k) {
  uint64_t c = 0;
  for (int i = 0; i < b->n; i++) {
    c += (uint64_t)b->d[i] * k;
    b->d[i] = (uint32_t)c;
    c >>= 32;
  }
  if (c) b->d[b->n++] = (uint32_t)c;
}
static void big_shl(struct big *b, int s) {
  while (s >= 32) {
    memmove(b->d + 1, b->d, (size_t)b->n * 4);
    b->d[0] = 0;
    if (b->n) b->n++;
    s -= 32;
  }
  if (s) big_mul(b, 1u << s);
}
static uint32_t big_divmod(struct big *b, uint32_t k) {
  uint64_t r = 0;
  for (int i = b->n - 1; i >= 0; i--) {
    r = (r << 32) | b->d[i];
    b->d[i] = (uint32_t)(r / k);
    r %= k;
  }
  while (b->n && !b->d[b->n - 1]) b->n--;
  return (uint32_t)r;
}
static int big_bits(const struct big *b) {
  if (!b->n) return 0;
  int bits = (b->n - 1) * 32;
  for (uint32_t top = b->d[b->n - 1]; top; top >>= 1) bits++;
  return bits;
}

/* Digits of m * 2^e (m > 0), least significant first, into buf; returns
** the count and sets *exp10 so that value = digits * 10^exp10.  This
** follows APFloat: first an integer truncation to about 'precision'
** digits, then a round-half-up on the digits themselves. */
static int digits_of(uint64_t m, int e, unsigned precision, char *buf, int *exp10) {
  struct big b;
  while (!(m & 1)) { m >>= 1; e++; }
  big_set(&b, m);
  *exp10 = 0;
  if (e > 0) {
    big_shl(&b, e);
  } else if (e < 0) {
    for (int i = 0; i < -e; i++) big_mul(&b, 5);
    *exp10 = e;
  }
  unsigned bits = (unsigned)big_bits(&b), need = (precision * 196 + 58) / 59;
  if (bits > need) {
    unsigned tens = (bits - need) * 59 / 196;
    *exp10 += (int)tens;
    for (unsigned i = 0; i < tens; i++) big_divmod(&b, 10);
  }
  int n = 0;
  bool trail = true;
  while (b.n) {
    uint32_t dgt = big_divmod(&b, 10);
    if (trail && !dgt) { (*exp10)++; continue; }
    trail = false;
    buf[n++] = (char)('0' + dgt);
  }
  if ((unsigned)n > precision) {              /* round half up */
    int first = n - (int)precision;
    if (buf[first - 1] < '5') {
      while (first < n && buf[first] == '0') first++;
    } else {
      int i = first;
      for (; i < n && buf[i] == '9'; i++) first++;
      if (i < n) buf[i]++;
      if (first == n) { *exp10 += first; buf[0] = '1'; return 1; }
    }
    *exp10 += first;
    memmove(buf, buf + first, (size_t)(n - first));
    n -= first;
  }
  return n;
}

/* APFloat::toString(precision, max_padding, truncate_zero) of m*2^e. */
static void to_string(struct ts_buf *out, bool neg, uint64_t m, int e, int fprec,
                      unsigned precision, unsigned max_pad, bool trunc_zero) {
  char buf[1200];
  int exp10;
  if (!precision) precision = 2 + (unsigned)fprec * 59 / 196;
  int n = digits_of(m, e, precision, buf, &exp10);
  if (neg) ts_buf_putc(out, '-');
  bool sci;
  if (!max_pad) sci = true;
  else if (exp10 >= 0) sci = (unsigned)exp10 > max_pad || (unsigned)(n + exp10) > precision;
  else {
    int msd = exp10 + n - 1;
    sci = msd < 0 && (unsigned)-msd > max_pad;
  }
  if (sci) {
    exp10 += n - 1;
    ts_buf_putc(out, buf[n - 1]);
    ts_buf_putc(out, '.');
    if (n == 1 && trunc_zero) ts_buf_putc(out, '0');
    else for (int i = 1; i < n; i++) ts_buf_putc(out, buf[n - 1 - i]);
    if (!trunc_zero)
      for (int i = n - 1; i < (int)precision; i++) ts_buf_putc(out, '0');
    ts_buf_putc(out, trunc_zero ? 'E' : 'e');
    ts_buf_putc(out, exp10 >= 0 ? '+' : '-');
    int a = exp10 < 0 ? -exp10 : exp10;
    if (!trunc_zero && a < 10) ts_buf_putc(out, '0');
    ts_buf_printf(out, "%d", a);
    return;
  }
  if (exp10 >= 0) {
    for (int i = n - 1; i >= 0; i--) ts_buf_putc(out, buf[i]);
    for (int i = 0; i < exp10; i++) ts_buf_putc(out, '0');
    return;
  }
  int whole = exp10 + n, i = 0;
  if (whole > 0) {
    for (; i < whole; i++) ts_buf_putc(out, buf[n - 1 - i]);
    ts_buf_putc(out, '.');
  } else {
    ts_buf_puts(out, "0.");
    for (int z = 0; z < -whole; z++) ts_buf_putc(out, '0');
  }
  for (; i < n; i++) ts_buf_putc(out, buf[n - 1 - i]);
}

void ir_float_print(struct ts_buf *b, enum ty_elem el, uint64_t bits) {
  const struct ffmt *f = ffmt_get(el);
  bool neg;
  uint64_t m = 0;
  int e = 0;
  enum fclass c = decode(f, bits, &neg, &m, &e);
  if (c == FC_ZERO) {
    ts_buf_puts(b, neg ? "-0.000000e+00" : "0.000000e+00");
    return;
  }
  if (c == FC_NORMAL) {
    struct ts_buf s = {0};
    to_string(&s, neg, m, e, f->precision, 6, 0, false);
    uint64_t back;
    if (s.s && ir_float_from_text(el, s.s, s.len, &back) == 0 && back == bits) {
      ts_buf_puts(b, s.s);
      ts_buf_free(&s);
      return;
    }
    ts_buf_free(&s);
    to_string(&s, neg, m, e, f->precision, 0, 3, true);
    if (s.s && strchr(s.s, '.')) {
      ts_buf_puts(b, s.s);
      ts_buf_free(&s);
      return;
    }
    ts_buf_free(&s);
  }
  ts_buf_printf(b, "0x%llX", (unsigned long long)bits);
}
