#!/usr/bin/env python3
"""Generate tests/unit/float_vectors.h: reference vectors for src/ir/ir_float.c.

Run from the top of the tree:  python3 tests/unit/gen_float_vectors.py > tests/unit/float_vectors.h
Needs numpy and ml_dtypes (pip install numpy ml_dtypes).

Three tables, all computed here independently of the C code:

  parse   decimal text -> bit pattern.  MLIR reads a decimal literal with
          strtod and then converts the double to the element type, rounding
          to nearest even once.  The bits come from an exact rational
          rounding of that double (fractions.Fraction); every value that
          numpy / ml_dtypes can convert without double rounding is checked
          against them.  (ml_dtypes converts double -> bf16/f8/f4 through
          float, which rounds twice; those few vectors are marked below.)
          tf32 is an f32 whose 13 low bits are zero; the table holds its
          19-bit pattern (the f32 pattern shifted right by 13), as tilesim
          and MLIR's APFloat store it.
          ok = 0 marks text that tilesim's ir_float_from_text() rejects by
          its documented contract: overflow of a format without infinity,
          and values e8m0 cannot hold (zero, negatives).
  decode  bit pattern -> exact value as a double (C99 hex literal), from
          numpy / ml_dtypes, cross-checked with an exact decoder.
  print   bit pattern -> text, by MLIR's printFloatValue over LLVM's
          APFloat::toString, re-implemented below from the algorithm written
          in MLIR's printFloatValue and LLVM's APFloat:
            1. toString(precision 6, max padding 0, keep zeros): scientific,
               'e', two-digit exponent;  used if it reads back to the same
               bits (reading a decimal string is exact rounding);
            2. else toString() with 2 + p*59/196 digits ('E', plain when
               short), used if it contains a '.';
            3. else, and for inf/NaN, "0x" + uppercase hex of the bits.
          APFloat shortens the digits in two steps: an integer division
          that drops whole powers of ten, then a round-half-up on the
          remaining decimal digits (AdjustToPrecision).
"""

import math
import sys
import warnings
from fractions import Fraction

import ml_dtypes
import numpy as np

# name, C enum, exponent bits, mantissa bits, bias, kind, signed
#   kind: ieee (inf + NaN), fn (only S.1111.111 is NaN), fnu (unsigned,
#   all-ones is NaN, no zero when mbits == 0), finite (no inf, no NaN)
FORMATS = {
    "f16": ("EL_F16", 5, 10, 15, "ieee", True),
    "bf16": ("EL_BF16", 8, 7, 127, "ieee", True),
    "f32": ("EL_F32", 8, 23, 127, "ieee", True),
    "f64": ("EL_F64", 11, 52, 1023, "ieee", True),
    "tf32": ("EL_TF32", 8, 10, 127, "ieee", True),
    "f8E4M3FN": ("EL_F8E4M3FN", 4, 3, 7, "fn", True),
    "f8E5M2": ("EL_F8E5M2", 5, 2, 15, "ieee", True),
    "f8E8M0FNU": ("EL_F8E8M0FNU", 8, 0, 127, "fnu", False),
    "f4E2M1FN": ("EL_F4E2M1FN", 2, 1, 1, "finite", True),
}

NUMPY = {
    "f16": (np.float16, np.uint16),
    "bf16": (ml_dtypes.bfloat16, np.uint16),
    "f32": (np.float32, np.uint32),
    "f64": (np.float64, np.uint64),
    "f8E4M3FN": (ml_dtypes.float8_e4m3fn, np.uint8),
    "f8E5M2": (ml_dtypes.float8_e5m2, np.uint8),
    "f8E8M0FNU": (ml_dtypes.float8_e8m0fnu, np.uint8),
    "f4E2M1FN": (ml_dtypes.float4_e2m1fn, np.uint8),
}


def width(name):
    _, eb, mb, _, _, signed = FORMATS[name]
    return eb + mb + (1 if signed else 0)


def precision(name):
    return FORMATS[name][2] + 1


# ---------------------------------------------------------------- exact model

def decode_exact(name, bits):
    """bits -> ('nan'|'inf'|Fraction, negative)."""
    _, eb, mb, bias, kind, signed = FORMATS[name]
    neg = signed and (bits >> (eb + mb)) & 1 == 1
    ex = (bits >> mb) & ((1 << eb) - 1)
    man = bits & ((1 << mb) - 1)
    top = (1 << eb) - 1
    if kind == "ieee" and ex == top:
        return ("nan" if man else "inf"), neg
    if kind in ("fn", "fnu") and ex == top and man == (1 << mb) - 1:
        return "nan", neg
    if mb == 0:
        v = Fraction(2) ** (ex - bias)
    elif ex == 0:
        v = Fraction(man, 1 << mb) * Fraction(2) ** (1 - bias)
    else:
        v = (1 + Fraction(man, 1 << mb)) * Fraction(2) ** (ex - bias)
    return v, neg


def max_finite_bits(name):
    _, eb, mb, bias, kind, signed = FORMATS[name]
    top = (1 << eb) - 1
    if kind == "ieee":
        return ((top - 1) << mb) | ((1 << mb) - 1)
    if kind == "fn":
        return (top << mb) | ((1 << mb) - 2)
    if kind == "fnu":
        return ((top << mb) | ((1 << mb) - 1)) - 1
    return (top << mb) | ((1 << mb) - 1)


def round_exact(name, value):
    """Round a Fraction (or +-0.0 float) to the format, nearest even.

    Returns bits, or None when tilesim's contract says "out of range"."""
    _, eb, mb, bias, kind, signed = FORMATS[name]
    sign_bit = 1 << (eb + mb)
    neg = value < 0 or (isinstance(value, float) and math.copysign(1, value) < 0)
    a = abs(Fraction(value))
    if neg and not signed:
        return None
    sign = sign_bit if neg else 0
    if a == 0:
        return None if mb == 0 else sign
    e = a.numerator.bit_length() - a.denominator.bit_length()
    if Fraction(2) ** e > a:
        e -= 1
    emin = 1 - bias if mb else -bias
    if e < emin:
        e = emin
    q = a / Fraction(2) ** (e - mb)
    n = math.floor(q)
    rest = q - n
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and (n & 1 or mb == 0)):
        n += 1          # e8m0's only significand bit is always set: ties go up
    if n == 0 and mb == 0:
        return None     # e8m0 has no zero
    if n >= (1 << (mb + 1)):
        n >>= 1
        e += 1
    if n >= (1 << mb):
        field, man = e + bias, n - (1 << mb)
    else:
        field, man = 0, n
    bits = (field << mb) | man
    if bits > max_finite_bits(name) or field > (1 << eb) - 1:
        if kind == "ieee":
            return sign | (((1 << eb) - 1) << mb)
        return None
    return sign | bits


def parse_exact(name, text):
    """Decimal text -> bits the way APFloat reads a string: exactly rounded."""
    v = Fraction(text)
    if text.strip().startswith("-") and v == 0:
        v = -0.0
    return round_exact(name, v)


# ------------------------------------------------------- numpy / ml_dtypes

def np_parse(name, text):
    """Bits from numpy / ml_dtypes, or None when they would round twice."""
    d = float(text)
    if name == "tf32":
        f = np.float32(d)
        if float(f) != d:
            return None
        u = int(np.array([f]).view(np.uint32)[0])
        if (u >> 23) & 0xFF == 0xFF:
            return u >> 13
        u = (u + 0xFFF + ((u >> 13) & 1)) & ~0x1FFF
        return u >> 13
    t, ut = NUMPY[name]
    if name not in ("f16", "f32", "f64"):
        if float(np.float32(d)) != d:
            return None
        arr = np.array([np.float32(d)]).astype(t)
    else:
        arr = np.array([d]).astype(t)
    return int(arr.view(ut)[0]) & ((1 << width(name)) - 1)


def np_decode(name, bits):
    if name == "tf32":
        return float(np.array([bits << 13], dtype=np.uint32).view(np.float32)[0])
    t, ut = NUMPY[name]
    return float(np.array([bits], dtype=ut).view(t).astype(np.float64)[0])


# ------------------------------------------------- APFloat::toString model

def to_string(name, bits, fmt_precision, max_padding, truncate_zero):
    v, neg = decode_exact(name, bits)
    out = "-" if neg else ""
    if v == 0:
        if not max_padding:
            if truncate_zero:
                return out + "0.0E+0"
            return out + "0.0" + "0" * (fmt_precision - 1) + "e+00"
        return out + "0"
    if not fmt_precision:
        fmt_precision = 2 + precision(name) * 59 // 196
    # v = m * 2^e with m odd
    m, e = v.numerator, 0
    den = v.denominator
    while den > 1:
        den //= 2
        e -= 1
    while m % 2 == 0:
        m //= 2
        e += 1
    if e >= 0:
        sig, exp = m << e, 0
    else:
        sig, exp = m * 5 ** (-e), e
    # AdjustToPrecision on the integer: drop whole powers of ten (truncating)
    bits_now = sig.bit_length()
    required = (fmt_precision * 196 + 58) // 59
    if bits_now > required:
        tens = (bits_now - required) * 59 // 196
        if tens:
            exp += tens
            sig //= 10 ** tens
    buf = []                       # least significant digit first
    in_trail = True
    while sig:
        d = sig % 10
        sig //= 10
        if in_trail and d == 0:
            exp += 1
        else:
            buf.append(d)
            in_trail = False
    # AdjustToPrecision on the digits: round half up
    n = len(buf)
    if n > fmt_precision:
        first = n - fmt_precision
        if buf[first - 1] < 5:
            while first < n and buf[first] == 0:
                first += 1
            exp += first
            buf = buf[first:]
        else:
            i = first
            while i < n:
                if buf[i] == 9:
                    first += 1
                    i += 1
                else:
                    buf[i] += 1
                    break
            if first == n:
                exp += first
                buf = [1]
            else:
                exp += first
                buf = buf[first:]
    n = len(buf)
    digits = "".join(str(d) for d in reversed(buf))
    if not max_padding:
        sci = True
    elif exp >= 0:
        sci = exp > max_padding or n + exp > fmt_precision
    else:
        msd = exp + n - 1
        sci = msd < 0 and -msd > max_padding
    if sci:
        exp += n - 1
        s = digits[0] + "."
        if n == 1 and truncate_zero:
            s += "0"
        else:
            s += digits[1:]
        if not truncate_zero and fmt_precision > n - 1:
            s += "0" * (fmt_precision - n + 1)
        s += "E" if truncate_zero else "e"
        s += "+" if exp >= 0 else "-"
        ed = str(abs(exp))
        if not truncate_zero and len(ed) < 2:
            ed = "0" + ed
        return out + s + ed
    if exp >= 0:
        return out + digits + "0" * exp
    whole = exp + n
    if whole > 0:
        return out + digits[:whole] + "." + digits[whole:]
    return out + "0." + "0" * (-whole) + digits


def mlir_print(name, bits):
    v, _ = decode_exact(name, bits)
    if v not in ("nan", "inf"):
        s = to_string(name, bits, 6, 0, False)
        if parse_exact(name, s) == bits:
            return s
        s = to_string(name, bits, 0, 3, True)
        if "." in s:
            return s
    return "0x%X" % bits


# ------------------------------------------------------------------ vectors

PARSE = [
    # (type, text)
    ("f16", "1.0"), ("f16", "-2.5"), ("f16", "0.1"), ("f16", "65504.0"),
    ("f16", "65519.0"), ("f16", "65520.0"), ("f16", "70000.0"), ("f16", "-0.0"),
    ("f16", "2049.0"), ("f16", "2051.0"), ("f16", "1.0e-7"), ("f16", "5.960464477539063e-08"),
    ("f16", "2.0e-8"), ("f16", "3.0e-8"), ("f16", "6.103515625e-05"),
    ("bf16", "1.0"), ("bf16", "3.14159"), ("bf16", "1.00390625"), ("bf16", "1.01171875"),
    ("bf16", "1.0039062500000002"), ("bf16", "-1.0e39"), ("bf16", "1.0e-40"),
    ("bf16", "3.3895313892515355e38"), ("bf16", "3.3961775292304e38"),
    ("f32", "1.0"), ("f32", "0.1"), ("f32", "-3.14"), ("f32", "16777217.0"),
    ("f32", "16777219.0"), ("f32", "1.0e-45"), ("f32", "7.0e-46"), ("f32", "1.0e39"),
    ("f32", "3.4028235e38"), ("f32", "0.333333333333"), ("f32", "1.17549435e-38"),
    ("f32", "-0.0"), ("f32", "1.0e-10"), ("f32", "123456789.0"),
    ("f64", "1.0"), ("f64", "0.1"), ("f64", "-2.2250738585072014e-308"),
    ("f64", "4.9e-324"), ("f64", "1.7976931348623157e308"), ("f64", "0.30000000000000004"),
    ("tf32", "1.0"), ("tf32", "3.14159"), ("tf32", "1.00048828125"), ("tf32", "1.00146484375"),
    ("tf32", "-1.0e39"), ("tf32", "1.0e-40"), ("tf32", "0.1"), ("tf32", "1.0004882812500002"),
    ("f8E4M3FN", "1.0"), ("f8E4M3FN", "448.0"), ("f8E4M3FN", "464.0"), ("f8E4M3FN", "500.0"),
    ("f8E4M3FN", "1000.0"), ("f8E4M3FN", "-0.0"), ("f8E4M3FN", "0.001953125"),
    ("f8E4M3FN", "0.0009765625"), ("f8E4M3FN", "0.0009765626"), ("f8E4M3FN", "1.0625"),
    ("f8E4M3FN", "1.0625000000000002"), ("f8E4M3FN", "-3.3"),
    ("f8E5M2", "1.0"), ("f8E5M2", "57344.0"), ("f8E5M2", "61440.0"), ("f8E5M2", "1.0e6"),
    ("f8E5M2", "1.52587890625e-05"), ("f8E5M2", "1.125"), ("f8E5M2", "1.375"), ("f8E5M2", "-0.3"),
    ("f8E8M0FNU", "1.0"), ("f8E8M0FNU", "3.0"), ("f8E8M0FNU", "1.5"), ("f8E8M0FNU", "6.0"),
    ("f8E8M0FNU", "0.75"), ("f8E8M0FNU", "1.4"), ("f8E8M0FNU", "1.7014118346046923e38"),
    ("f8E8M0FNU", "5.877471754111438e-39"), ("f8E8M0FNU", "1.0e300"), ("f8E8M0FNU", "0.0"),
    ("f8E8M0FNU", "-1.0"),
    ("f4E2M1FN", "1.0"), ("f4E2M1FN", "6.0"), ("f4E2M1FN", "-0.5"), ("f4E2M1FN", "5.0"),
    ("f4E2M1FN", "0.25"), ("f4E2M1FN", "0.75"), ("f4E2M1FN", "2.6"), ("f4E2M1FN", "7.0"),
    ("f4E2M1FN", "100.0"), ("f4E2M1FN", "-0.0"),
]

DECODE = [
    ("f16", [0x3C00, 0xC000, 0x0001, 0x03FF, 0x0400, 0x7BFF, 0x7C00, 0xFC00, 0x7E00, 0x8000, 0x3555]),
    ("bf16", [0x3F80, 0xC049, 0x0001, 0x7F7F, 0x7F80, 0xFF80, 0x7FC0, 0x8000]),
    ("f32", [0x3F800000, 0x3DCCCCCD, 0x00000001, 0x007FFFFF, 0x7F7FFFFF, 0x7F800000,
             0xFF800000, 0x7FC00000, 0x80000000, 0x4B7FFFFF]),
    ("f64", [0x3FF0000000000000, 0x3FB999999999999A, 0x0000000000000001,
             0x7FEFFFFFFFFFFFFF, 0x7FF0000000000000, 0x7FF8000000000000, 0x8000000000000000]),
    ("tf32", [0x1FC00, 0x20092, 0x00001, 0x3FBFF, 0x3FC00, 0x7FC00, 0x3FE00, 0x40000]),
    ("f8E4M3FN", [0x38, 0x01, 0x07, 0x08, 0x7E, 0xFE, 0x7F, 0xFF, 0x80, 0x78]),
    ("f8E5M2", [0x3C, 0x01, 0x7B, 0x7C, 0xFC, 0x7D, 0x7E, 0x80]),
    ("f8E8M0FNU", [0x7F, 0x00, 0x01, 0x80, 0xFE, 0xFF]),
    ("f4E2M1FN", [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xF]),
]

PRINT = [
    ("f32", 0x3F800000), ("f32", 0x3FC00000), ("f32", 0xC0200000), ("f32", 0x3DCCCCCD),
    ("f32", 0x4048F5C3), ("f32", 0x3EAAAAAB), ("f32", 0x4B7FFFFF), ("f32", 0x4B800000),
    ("f32", 0x4CEB79A3), ("f32", 0x2EDBE6FF), ("f32", 0x2EDBE700), ("f32", 0x5037E11D),
    ("f32", 0x40490FDB), ("f32", 0x3C23D70A), ("f32", 0x00000001), ("f32", 0x7F7FFFFF),
    ("f32", 0x7F800000), ("f32", 0xFF800000), ("f32", 0x7FC00000), ("f32", 0x80000000),
    ("f32", 0x00000000), ("f32", 0x3F800001), ("f32", 0x461C4000), ("f32", 0x47C35000),
    ("f32", 0x49742400),
    ("f64", 0x3FF0000000000000), ("f64", 0x3FB999999999999A), ("f64", 0x3FD3333333333334),
    ("f64", 0x3FD5555555555555), ("f64", 0x3FF199999999999A), ("f64", 0x419D6F3454000000),
    ("f64", 0x54B249AD2594C37D), ("f64", 0x400921FB54442D18), ("f64", 0x3F202E85BE180B74),
    ("f64", 0x7FF0000000000000), ("f64", 0x7FF8000000000000), ("f64", 0x8000000000000000),
    ("f64", 0x0000000000000001), ("f64", 0x4415AF1D78B58C40),
    ("f16", 0x3C00), ("f16", 0x7BFF), ("f16", 0x2E66), ("f16", 0x0001), ("f16", 0x5140),
    ("f16", 0x7C00), ("f16", 0xFC00), ("f16", 0x7E00), ("f16", 0x8000),
    ("bf16", 0x3F80), ("bf16", 0x4049), ("bf16", 0x7F80), ("bf16", 0x7FC0), ("bf16", 0x0001),
    ("bf16", 0x7F7F),
    ("tf32", 0x1FC00), ("tf32", 0x20092), ("tf32", 0x3FC00), ("tf32", 0x3FE00), ("tf32", 0x00001),
    ("f8E4M3FN", 0x7E), ("f8E4M3FN", 0x7F), ("f8E4M3FN", 0xFF), ("f8E4M3FN", 0x01), ("f8E4M3FN", 0xB8),
    ("f8E5M2", 0x7B), ("f8E5M2", 0x7C), ("f8E5M2", 0x7E), ("f8E5M2", 0x01), ("f8E5M2", 0x3D),
    ("f8E8M0FNU", 0x7F), ("f8E8M0FNU", 0xFF), ("f8E8M0FNU", 0x00), ("f8E8M0FNU", 0xFE),
    ("f8E8M0FNU", 0x82),
    ("f4E2M1FN", 0x7), ("f4E2M1FN", 0xF), ("f4E2M1FN", 0x1), ("f4E2M1FN", 0x8), ("f4E2M1FN", 0x3),
]


def c_double(x):
    if math.isnan(x):
        return "NAN"
    if math.isinf(x):
        return "-INFINITY" if x < 0 else "INFINITY"
    if x == 0:
        return "-0.0" if math.copysign(1, x) < 0 else "0.0"
    return x.hex()


def fraction_to_double(v, neg):
    if v == "nan":
        return math.nan
    if v == "inf":
        return -math.inf if neg else math.inf
    d = float(v)
    assert Fraction(d) == v, "not exact in double"
    return -d if neg else d


def check(cond, msg):
    if not cond:
        sys.exit("gen_float_vectors: " + msg)


def main():
    warnings.simplefilter("ignore")   # numpy warns on overflow to inf
    np.seterr(all="ignore")
    out = []
    w = out.append
    w("/* float_vectors.h -- generated by tests/unit/gen_float_vectors.py; do not edit. */")
    w("/* Reference vectors for ir_float.c (numpy %s, ml_dtypes %s). */"
      % (np.__version__, ml_dtypes.__version__))
    w("")
    w("/* Decimal text -> bits, rounded to nearest even; ok = 0: rejected. */")
    w("static const struct fv_parse { enum ty_elem e; const char *text; int ok; uint64_t bits; } fv_parse[] = {")
    for name, text in PARSE:
        # MLIR rounds the *double* nearest to the text, not the text itself
        dv = float(text)
        bits = round_exact(name, dv if dv == 0 else Fraction(dv))
        ref = np_parse(name, text)
        if bits is not None and ref is not None:
            check(ref == bits, "%s %s: numpy %#x, exact %#x" % (name, text, ref, bits))
        w("  { %s, \"%s\", %d, 0x%XULL },%s" % (
            FORMATS[name][0], text, bits is not None, bits or 0,
            "" if ref is not None or bits is None else "  /* exact only: ml_dtypes rounds twice */"))
    w("};")
    w("")
    w("/* Bits -> exact value (NAN: any NaN). */")
    w("static const struct fv_decode { enum ty_elem e; uint64_t bits; double value; } fv_decode[] = {")
    for name, lst in DECODE:
        for bits in lst:
            v, neg = decode_exact(name, bits)
            d = fraction_to_double(v, neg)
            ref = np_decode(name, bits)
            check((math.isnan(d) and math.isnan(ref)) or
                  (d == ref and math.copysign(1, d) == math.copysign(1, ref)),
                  "%s %#x: numpy %r, exact %r" % (name, bits, ref, d))
            w("  { %s, 0x%XULL, %s }," % (FORMATS[name][0], bits, c_double(d)))
    w("};")
    w("")
    w("/* Bits -> the text MLIR prints. */")
    w("static const struct fv_print { enum ty_elem e; uint64_t bits; const char *text; } fv_print[] = {")
    for name, bits in PRINT:
        s = mlir_print(name, bits)
        v, neg = decode_exact(name, bits)
        if v not in ("nan", "inf") and not s.startswith("0x"):
            check(parse_exact(name, s) == bits, "%s %#x: %s does not read back" % (name, bits, s))
        w("  { %s, 0x%XULL, \"%s\" }," % (FORMATS[name][0], bits, s))
    w("};")
    print("\n".join(out))


if __name__ == "__main__":
    main()
