#!/usr/bin/env python3
"""gen_sim_math_tab.py -- the constant tables of src/sim/sim_math.c.

Prints C code (or, with --update, rewrites the block between the
'BEGIN GENERATED TABLES' and 'END GENERATED TABLES' lines of sim_math.c).
Every number comes from mpmath at 2400 bits and is written as a hex float,
so the tables are exact and need no libm: a double-double 'hi, lo' is
hi = RN(v), lo = RN(v - hi).

    python3 src/sim/gen_sim_math_tab.py --update src/sim/sim_math.c
"""
import sys
from mpmath import mp, mpf, log, exp, sin, cos, atan, pi, floor, ldexp

mp.prec = 2400


def rn(v):
    """v rounded to the nearest double (mpmath rounds to nearest even)."""
    return float(mp.mpf(v))


def dd(v):
    hi = rn(v)
    lo = rn(v - mpf(hi))
    return hi, lo


def hx(x):
    x = float(x)
    return x.hex() if x != 0 else "0x0p+0"


def rnbits(v, frac_bits):
    """v rounded to a multiple of 2^-frac_bits, as an exact double."""
    return float(floor(ldexp(v, frac_bits) + mpf(1) / 2)) / 2.0 ** frac_bits


def rows(name, comment, ctype, items, per_line=1):
    out = ["/* %s */" % comment, "static const %s %s = {" % (ctype, name)]
    for i in range(0, len(items), per_line):
        out.append("  " + " ".join(items[i:i + per_line]))
    out.append("};")
    return out


def dd_rows(name, comment, vals, extra=None):
    items = []
    for k, v in enumerate(vals):
        h, l = dd(v)
        pre = "" if extra is None else hx(extra[k]) + ", "
        items.append("{%s%s, %s}," % (pre, hx(h), hx(l)))
    n = 3 if extra is not None else 2
    return rows(name + "[%d][%d]" % (len(vals), n), comment, "double", items, per_line=4 - n)


def limbs32(v, n):
    """The first n 32-bit limbs of v in [1/2, 1) (truncated)."""
    w = int(floor(ldexp(v, 32 * n)))
    return ["0x%08xu," % ((w >> (32 * (n - 1 - i))) & 0xffffffff) for i in range(n)]


def main():
    out = []
    # exp: 2^(j/64) and 2^(i/4096)
    out += dd_rows("EXP_T1", "2^(j/64), j = 0..63, as hi, lo",
                   [mpf(2) ** (mpf(j) / 64) for j in range(64)])
    out += dd_rows("EXP_T2", "2^(i/4096), i = 0..63, as hi, lo",
                   [mpf(2) ** (mpf(i) / 4096) for i in range(64)])
    # log, level 1: i = round((m - 1) * 128), m in [sqrt(1/2), sqrt(2)),
    # c1 = 1/(1 + i/128) to 10 fraction bits, then -log(c1).
    c1 = [rnbits(1 / (1 + mpf(i) / 128), 10) for i in range(-37, 54)]
    out += dd_rows("LOG_T1", "i = -37..53: c1 ~ 1/(1 + i/128) (10 fraction bits), -log(c1) hi, lo",
                   [-log(mpf(c)) for c in c1], extra=c1)
    # log, level 2: k = round(r1 * 2^14), c2 = 1/(1 + k 2^-14) to 24 fraction bits
    c2 = [rnbits(1 / (1 + mpf(k) / 2 ** 14), 24) for k in range(-104, 105)]
    out += dd_rows("LOG_T2", "k = -104..104: c2 ~ 1/(1 + k 2^-14) (24 fraction bits), -log(c2) hi, lo",
                   [-log(mpf(c)) for c in c2], extra=c2)
    # sin and cos of j/256
    out += dd_rows("SIN_T", "sin(j/256), j = 0..202, hi, lo", [sin(mpf(j) / 256) for j in range(203)])
    out += dd_rows("COS_T", "cos(j/256), j = 0..202, hi, lo", [cos(mpf(j) / 256) for j in range(203)])
    # atan of j/256
    out += dd_rows("ATAN_T", "atan(j/256), j = 0..256, hi, lo", [atan(mpf(j) / 256) for j in range(257)])
    # 2/pi, 2048 bits
    w = int(floor(ldexp(2 / pi, 2048)))
    items = ["0x%016xu," % ((w >> (64 * (31 - i))) & (2 ** 64 - 1)) for i in range(32)]
    out += rows("INVPIO2_BITS[32]", "2/pi = sum INVPIO2_BITS[i] 2^(-64(i+1)), 2048 bits", "uint64_t",
                items, per_line=2)
    # multiprecision constants: 0.d * 2^e
    out += rows("MP_LN2[%d]" % 24, "ln 2 = 0.d * 2^0, 24 limbs (truncated)", "uint32_t",
                limbs32(log(2), 24), per_line=6)
    out += rows("MP_PI[%d]" % 24, "pi = 0.d * 2^2, 24 limbs (truncated)", "uint32_t",
                limbs32(pi / 4, 24), per_line=6)

    # scalar constants
    def c(name, v, comment):
        out.append("static const double %s = %s; /* %s */" % (name, hx(v), comment))

    def cdd(name, v, comment):
        h, l = dd(v)
        out.append("static const double %s[2] = {%s, %s}; /* %s */" % (name, hx(h), hx(l), comment))

    ln2_4096 = log(2) / 4096
    h1 = float(floor(ldexp(ln2_4096, 30 + 12)) / mpf(2) ** 42)
    rest = ln2_4096 - mpf(h1)
    h2 = rn(rest)
    h3 = rn(rest - mpf(h2))
    out.append("/* ln2/4096 = EXP_C[0] + EXP_C[1] + EXP_C[2]; EXP_C[0] has 30 significant bits */")
    out.append("static const double EXP_C[3] = {%s, %s, %s};" % (hx(h1), hx(h2), hx(h3)))
    c("EXP_INVC", 4096 / log(2), "4096/ln2")
    p1 = float(floor(ldexp(pi / 2, 32)) / mpf(2) ** 32)  # 33 significant bits
    p2 = rn(pi / 2 - mpf(p1))
    p3 = rn(pi / 2 - mpf(p1) - mpf(p2))
    out.append("/* pi/2 = TRIG_CW[0] + TRIG_CW[1] + TRIG_CW[2] (to 2^-139); TRIG_CW[0] has 33 significant bits */")
    out.append("static const double TRIG_CW[3] = {%s, %s, %s};" % (hx(p1), hx(p2), hx(p3)))
    c("INVPIO2", 2 / pi, "2/pi")
    cdd("LN2", log(2), "ln 2")
    cdd("INVLN2", 1 / log(2), "1/ln 2")
    cdd("PIO2", pi / 2, "pi/2")
    cdd("PI", pi, "pi")
    cdd("PIO4", pi / 4, "pi/4")
    cdd("PI3O4", 3 * pi / 4, "3pi/4")
    text = "\n".join(out) + "\n"
    if len(sys.argv) == 3 and sys.argv[1] == "--update":
        path = sys.argv[2]
        src = open(path).read()
        b = src.index("/* BEGIN GENERATED TABLES")
        b = src.index("\n", b) + 1
        e = src.index("/* END GENERATED TABLES")
        open(path, "w").write(src[:b] + text + src[e:])
    else:
        sys.stdout.write(text)


main()
