#!/usr/bin/env python3
"""gen_math_vectors.py -- reference vectors for src/sim/sim_math.c.

Writes tests/unit/math_vectors.h: for each function, f32 and f64 inputs
(random, near thresholds, special values, hard-to-round cases, huge trig
arguments) with the correctly rounded (nearest-even) result, computed with
mpmath independently of the C code:

  * the value is computed at 1000 bits and again at 2000 bits (more for
    huge trig arguments); both must round to the same result;
  * rounding to binary32/binary64, subnormals included, is done here on
    the exact mpmath number (no conversion through Python floats);
  * exact powers x^y (the cases where the two evaluations could not agree)
    are computed with rational arithmetic, and atan2 with a quotient below
    2^-200 gets the precision to see atan t = t - t^3/3 ... (t may be a
    midpoint of the subnormal grid);
  * special cases follow C11 Annex F, written out below; NaN results
    follow sim_math.h (a NaN argument comes back quiet, an invalid
    operation gives the default NaN).

    python3 tests/unit/gen_math_vectors.py [--hard FILE] > tests/unit/math_vectors.h

The inputs listed in tests/unit/math_hard_cases.txt (or FILE: lines "name
bits x [y]" in hex, as bench/math_exhaustive.c writes them: arguments
where sim_math's fast path could not round) are added and checked against
mpmath like the others.
"""
import math
import os
import random
import struct
import sys
from fractions import Fraction

from mpmath import mp, mpf

FUNCS = ["exp", "exp2", "log", "log2", "sin", "cos", "tan", "sinh", "cosh", "tanh",
         "pow", "atan2", "sqrt", "rsqrt", "fmod"]
TWO_ARG = {"pow", "atan2", "fmod"}


class Fmt:
    def __init__(self, bits):
        self.bits = bits
        if bits == 64:
            self.prec, self.qmin, self.emax, self.ebits = 53, -1074, 1024, 11
        else:
            self.prec, self.qmin, self.emax, self.ebits = 24, -149, 128, 8
        self.sign = 1 << (bits - 1)
        self.inf = ((1 << self.ebits) - 1) << (self.prec - 1)
        self.qnan = self.inf | (1 << (self.prec - 2))

    def to_bits(self, x):
        """Bits of a Python float that is exact in this format."""
        if self.bits == 64:
            return struct.unpack("<Q", struct.pack("<d", x))[0]
        return struct.unpack("<I", struct.pack("<f", x))[0]

    def from_bits(self, b):
        if self.bits == 64:
            return struct.unpack("<d", struct.pack("<Q", b))[0]
        return struct.unpack("<f", struct.pack("<I", b))[0]

    def isnan(self, b):
        return (b & ~self.sign) > self.inf

    def exact(self, b):
        """The exact value of finite bits b, as a Fraction."""
        s = -1 if b & self.sign else 1
        e = (b >> (self.prec - 1)) & ((1 << self.ebits) - 1)
        m = b & ((1 << (self.prec - 1)) - 1)
        if e:
            m |= 1 << (self.prec - 1)
        else:
            e = 1
        q = e - (1 << (self.ebits - 1)) + 1 - (self.prec - 1)
        return s * Fraction(m) * Fraction(2) ** q

    def round_frac(self, v, neg_zero=False):
        """Bits of the nearest-even rounding of a Fraction v."""
        if v == 0:
            return self.sign if neg_zero else 0
        s = self.sign if v < 0 else 0
        v = abs(v)
        e = v.numerator.bit_length() - v.denominator.bit_length()
        while Fraction(2) ** e > v:
            e -= 1
        while Fraction(2) ** (e + 1) <= v:
            e += 1
        q = max(e - (self.prec - 1), self.qmin)
        n = v / Fraction(2) ** q
        f = n.numerator // n.denominator
        d = n - f
        if d > Fraction(1, 2) or (d == Fraction(1, 2) and f % 2):
            f += 1
        if f == 0:
            return s
        if f.bit_length() + q > self.emax:
            return s | self.inf
        return s | self.to_bits(float(Fraction(f) * Fraction(2) ** q))

    def round_pi(self, k):
        """Bits of k pi rounded (k a Fraction or an int)."""
        k = Fraction(k)
        mp.prec = 400
        return self.round_mpf(mp.pi * k.numerator / k.denominator)

    def round_mpf(self, v):
        if v == 0:
            return 0
        sign, m, e, _ = mpf(v)._mpf_
        m, e = (-int(m) if sign else int(m)), int(e)
        top = e + abs(m).bit_length()  # |v| < 2^top
        if top > self.emax + 1:
            return (self.sign if m < 0 else 0) | self.inf
        if top < self.qmin - 2:
            return self.sign if m < 0 else 0
        return self.round_frac(Fraction(m) * Fraction(2) ** e)


F32, F64 = Fmt(32), Fmt(64)


def mpf_of(fmt, b):
    return mpf(fmt.exact(b).numerator) / fmt.exact(b).denominator


def ref_value(name, x, y, prec):
    """f(x[, y]) as an mpf at the given precision (x, y: Fractions)."""
    mp.prec = prec
    X = mpf(x.numerator) / x.denominator
    Y = mpf(y.numerator) / y.denominator if y is not None else None
    if name == "exp":
        return mp.exp(X)
    if name == "exp2":
        return mp.power(2, X)
    if name == "log":
        return mp.log(X)
    if name == "log2":
        return mp.log(X, 2)
    if name == "sin":
        return mp.sin(X)
    if name == "cos":
        return mp.cos(X)
    if name == "tan":
        return mp.tan(X)
    if name == "sinh":
        return mp.sinh(X)
    if name == "cosh":
        return mp.cosh(X)
    if name == "tanh":
        return mp.tanh(X)
    if name == "pow":
        if X < 0:
            return (-1 if int(Y) % 2 else 1) * mp.power(-X, Y)
        return mp.power(X, Y)
    if name == "atan2":
        return mp.atan2(X, Y)  # here X is the first argument, y
    if name == "rsqrt":
        return 1 / mp.sqrt(X)
    raise ValueError(name)


def exact_pow(x, y):
    """x^y as a Fraction if it is rational with a small numerator, else None."""
    if y.denominator & (y.denominator - 1):
        return None
    k = y.denominator.bit_length() - 1
    if k > 6 or abs(y.numerator) > 4000:
        return None
    ax = abs(x)
    # root: ax = (p/q), need p and q perfect 2^k-th powers
    p, q = ax.numerator, ax.denominator
    for _ in range(k):
        rp, rq = math.isqrt(p), math.isqrt(q)
        if rp * rp != p or rq * rq != q:
            return None
        p, q = rp, rq
    n = y.numerator
    if n >= 0:
        r = Fraction(p) ** n / Fraction(q) ** n
    else:
        r = Fraction(q) ** -n / Fraction(p) ** -n
    if x < 0 and n % 2:
        r = -r
    return r


def huge_trig(name, x):
    return name in ("sin", "cos", "tan") and abs(x) > 2 ** 60


def ref_round(fmt, name, x, y):
    """The correctly rounded result (bits) of a finite, non-special case."""
    if name == "sqrt":
        # exact: the root of the Fraction at high precision, checked
        mp.prec = 400
        v = mp.sqrt(mpf(x.numerator) / x.denominator)
        return fmt.round_mpf(v)
    if name == "fmod":
        n = int(x / y)  # truncation toward zero
        r = x - n * y
        return fmt.round_frac(r, neg_zero=x < 0)
    if name == "pow":
        r = exact_pow(x, y)
        if r is not None:
            return fmt.round_frac(r, neg_zero=(x < 0 and y.denominator == 1 and y.numerator % 2 == 1))
    extra = 0
    if huge_trig(name, x):
        extra = abs(x).numerator.bit_length()
    if name == "atan2" and x != 0 and abs(x / y) < Fraction(1, 2 ** 200):
        # atan t = t - t^3/3: the t^3 term decides when t is a midpoint
        t = abs(x / y)
        extra = 3 * (t.denominator.bit_length() - t.numerator.bit_length())
    a = fmt.round_mpf(ref_value(name, x, y, 1000 + extra))
    b = fmt.round_mpf(ref_value(name, x, y, 2000 + extra))
    if a != b:
        raise RuntimeError("mpmath precision not enough for %s(%s, %s)" % (name, x, y))
    return a


def quiet(fmt, b):
    return b | (1 << (fmt.prec - 2))


def special(fmt, name, xb, yb):
    """Bits of the result if the arguments are special for name, else None."""
    nan = fmt.isnan
    inf, sgn = fmt.inf, fmt.sign
    one = fmt.to_bits(1.0)

    def fin(b):
        return (b & ~sgn) < inf

    def val(b):
        return fmt.exact(b)

    xa = xb & ~sgn
    xneg = bool(xb & sgn)
    if name in TWO_ARG:
        ya = yb & ~sgn
        yneg = bool(yb & sgn)
    if name == "pow":
        if ya == 0 or xb == one:
            return one
        if nan(xb):
            return quiet(fmt, xb)
        if nan(yb):
            return quiet(fmt, yb)
        yint = ya == inf or val(yb).denominator == 1
        yodd = ya != inf and yint and val(yb).numerator % 2 == 1
        if xa == 0:
            if yneg:
                return (sgn if (xneg and yodd) else 0) | inf
            return (sgn if (xneg and yodd) else 0)
        if ya == inf:
            if xa == one:
                return one
            return inf if ((val(xa) < 1) == yneg) else 0
        if xa == inf:
            s = sgn if (xneg and yodd) else 0
            return s if yneg else s | inf
        if xneg and not yint:
            return fmt.qnan
        return None
    if name == "atan2":  # atan2(x, y): x is the first argument (y in C)
        if nan(xb):
            return quiet(fmt, xb)
        if nan(yb):
            return quiet(fmt, yb)
        s = sgn if xneg else 0
        pi = fmt.round_pi
        if xa == 0:
            return s | (pi(1) if yneg else 0)
        if xa == inf:
            if ya == inf:
                return s | (pi(Fraction(3, 4)) if yneg else pi(Fraction(1, 4)))
            return s | pi(Fraction(1, 2))
        if ya == 0:
            return s | pi(Fraction(1, 2))
        if ya == inf:
            return s | (pi(1) if yneg else 0)
        return None
    if name == "fmod":
        if nan(xb):
            return quiet(fmt, xb)
        if nan(yb):
            return quiet(fmt, yb)
        if xa == inf or ya == 0:
            return fmt.qnan
        if ya == inf or xa == 0:
            return xb
        return None
    if nan(xb):
        return quiet(fmt, xb)
    if name in ("exp", "exp2"):
        if xb == inf:
            return inf
        if xb == sgn | inf:
            return 0
        if xa == 0:
            return one
        return None
    if name in ("log", "log2"):
        if xa == 0:
            return sgn | inf
        if xneg:
            return fmt.qnan
        if xb == inf:
            return inf
        if xb == one:
            return 0
        if name == "log2":
            v = val(xb)
            if v.numerator == 1 and v.denominator & (v.denominator - 1) == 0:
                return fmt.round_frac(Fraction(-(v.denominator.bit_length() - 1)))
            if v.denominator == 1 and v.numerator & (v.numerator - 1) == 0:
                return fmt.round_frac(Fraction(v.numerator.bit_length() - 1))
        return None
    if name in ("sin", "cos", "tan"):
        if xa == inf:
            return fmt.qnan
        if xa == 0:
            return one if name == "cos" else xb
        return None
    if name in ("sinh", "cosh", "tanh"):
        if xa == 0:
            return one if name == "cosh" else xb
        if xa == inf:
            if name == "cosh":
                return inf
            return (sgn if xneg else 0) | (inf if name == "sinh" else one)
        return None
    if name == "sqrt":
        if xa == 0:
            return xb
        if xneg:
            return fmt.qnan
        if xb == inf:
            return inf
        return None
    if name == "rsqrt":
        if xa == 0:
            return xb & sgn | inf
        if xneg:
            return fmt.qnan
        if xb == inf:
            return 0
        return None
    raise ValueError(name)


def expected(fmt, name, xb, yb):
    s = special(fmt, name, xb, yb)
    if s is not None:
        return s
    x = fmt.exact(xb)
    y = fmt.exact(yb) if name in TWO_ARG else None
    if name == "atan2":
        return ref_round(fmt, name, x, y)
    if name in ("exp", "exp2", "sinh", "cosh") and abs(x) > 4000:
        # far out (mpmath would work hard for nothing): e^4000 > 2^5700
        if name == "cosh" or x > 0:
            return (fmt.sign if name == "sinh" and x < 0 else 0) | fmt.inf
        return fmt.sign | fmt.inf if name == "sinh" else 0
    return ref_round(fmt, name, x, y)


# ---- input generation ----

def fbits(fmt, v):
    """Bits of the format's value nearest to the Python float v."""
    if fmt.bits == 32:
        return F32.to_bits(struct.unpack("<f", struct.pack("<f", v))[0])
    return F64.to_bits(v)


def rand_log(fmt, rng, lo_e, hi_e, neg=True):
    """A random value with exponent uniform in [lo_e, hi_e) and random bits."""
    e = rng.randrange(lo_e, hi_e)
    m = rng.getrandbits(fmt.prec - 1) | (1 << (fmt.prec - 1))
    v = Fraction(m) * Fraction(2) ** (e - fmt.prec + 1)
    if neg and rng.random() < 0.5:
        v = -v
    b = fmt.round_frac(v)
    return b


def rand_uniform(fmt, rng, lo, hi):
    return fbits(fmt, rng.uniform(lo, hi))


def neighbours(fmt, b, k=2):
    out = []
    for d in range(-k, k + 1):
        c = b + d
        if 0 <= c < (1 << fmt.bits) and not fmt.isnan(c) and (c & ~fmt.sign) <= fmt.inf:
            out.append(c)
    return out


def specials(fmt):
    sg, inf = fmt.sign, fmt.inf
    vals = [0, sg, inf, sg | inf, fmt.qnan, fmt.qnan | sg | 5, inf | 1,  # signalling NaN
            1, sg | 1, (1 << (fmt.prec - 1)) - 1, 1 << (fmt.prec - 1), inf - 1, sg | (inf - 1)]
    for v in (1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 0.25, 10.0, 1e-3, 100.0, -100.0):
        vals.append(fbits(fmt, v))
    return vals


def inputs_one(fmt, name, rng, n):
    s = []
    big = fmt.emax
    if name in ("exp", "exp2"):
        t = 709.78 if fmt.bits == 64 else 88.72
        if name == "exp2":
            t = 1024 if fmt.bits == 64 else 128
        tl = -745.13 if fmt.bits == 64 else -103.97
        if name == "exp2":
            tl = -1075 if fmt.bits == 64 else -150
        s += [rand_uniform(fmt, rng, tl - 1, t + 1) for _ in range(n // 2)]
        s += [rand_log(fmt, rng, -60 if fmt.bits == 64 else -28, 4) for _ in range(n // 4)]
        sub = (-708.4 if fmt.bits == 64 else -87.3) if name == "exp" else (-1022 if fmt.bits == 64 else -126)
        s += [rand_uniform(fmt, rng, tl, sub) for _ in range(n // 8)]
        for v in (t, tl, sub, 2.0 ** -54, -2.0 ** -54, 2.0 ** -25, -2.0 ** -25, 1e-300, 0.5, -0.5):
            s += neighbours(fmt, fbits(fmt, v), 2)
        if name == "exp2":
            s += [fbits(fmt, float(v)) for v in (-1074, -1075, -149, -150, 1023, 127, 3, -3)]
            s += [fbits(fmt, v + 0.5) for v in range(-20, 20)]
    elif name in ("log", "log2"):
        s += [rand_log(fmt, rng, fmt.qmin + 1, big, neg=False) for _ in range(n // 2)]
        s += [fbits(fmt, 1 + rng.uniform(-2 ** -8, 2 ** -8)) for _ in range(n // 8)]
        s += [fbits(fmt, 1 + rng.uniform(-2 ** -20, 2 ** -20)) for _ in range(n // 16)]
        s += neighbours(fmt, fbits(fmt, 1.0), 4)
        s += [rand_log(fmt, rng, fmt.qmin, fmt.qmin + fmt.prec, neg=False) for _ in range(n // 16)]
        s += [fbits(fmt, v) for v in (2.0 ** -1000 if fmt.bits == 64 else 2.0 ** -140, 2.0 ** 60, 0.5, 1024.0,
                                      2.718281828459045, 0.7071067811865476, 1.4142135623730951)]
        s += [rand_log(fmt, rng, -5, 5, neg=True) for _ in range(8)]
    elif name in ("sin", "cos", "tan"):
        s += [rand_uniform(fmt, rng, -10, 10) for _ in range(n // 4)]
        s += [rand_log(fmt, rng, -30 if fmt.bits == 64 else -14, 30) for _ in range(n // 4)]
        s += [rand_log(fmt, rng, 30, big) for _ in range(n // 8)]
        for k in range(1, 40):  # near multiples of pi/2 and pi/4
            mp.prec = 200
            for mult in (mp.pi / 2, mp.pi / 4):
                s += neighbours(fmt, fmt.round_mpf(mult * k), 1)
        mp.prec = 200
        for k in (10 ** 5, 10 ** 9, 2 ** 40, 10 ** 15):
            s += neighbours(fmt, fmt.round_mpf(mp.pi / 2 * k), 0)
        if fmt.bits == 64:  # the closest double to a multiple of pi/2 (Kahan, McDonald)
            s.append(F64.to_bits(6381956970095103.0 * 2.0 ** 797))
            s.append(F64.to_bits(5319372648326.0 * 2.0 ** -27 * 2 ** 40))
        else:
            s.append(F32.to_bits(struct.unpack("<f", struct.pack("<I", 0x5922aa80))[0]))
        for v in (2.0 ** -26, 2.0 ** -27, 2.0 ** -12, 2.0 ** -13, 1e-5, 0.785, 0.7853981633974483):
            s += neighbours(fmt, fbits(fmt, v), 1)
    elif name in ("sinh", "cosh", "tanh"):
        t = 710.475 if fmt.bits == 64 else 89.4159
        s += [rand_uniform(fmt, rng, -t - 1, t + 1) for _ in range(n // 4)]
        s += [rand_uniform(fmt, rng, -25, 25) for _ in range(n // 4)]
        s += [rand_log(fmt, rng, -40 if fmt.bits == 64 else -16, 2) for _ in range(n // 4)]
        for v in (t, 2.0 ** -26, 2.0 ** -27, 2.0 ** -12, 2.0 ** -13, 1.0, 0.5, 19.06, 20.0, 9.01, 9.1, 710.0, 89.0):
            s += neighbours(fmt, fbits(fmt, v), 1)
            s += neighbours(fmt, fbits(fmt, -v), 1)
    elif name == "sqrt":
        s += [rand_log(fmt, rng, fmt.qmin, big, neg=False) for _ in range(n // 2)]
        s += [fbits(fmt, float(k * k)) for k in range(1, 30)]
        s += [fbits(fmt, -2.0)]
    elif name == "rsqrt":
        s += [rand_log(fmt, rng, fmt.qmin, big, neg=False) for _ in range(n // 2)]
        s += [fbits(fmt, float(4 ** k)) for k in range(-20, 20)]
        s += [fbits(fmt, float(k)) for k in range(1, 40)]
        s += [fbits(fmt, -2.0)]
    return s


def inputs_two(fmt, name, rng, n):
    s = []
    if name == "pow":
        for _ in range(n // 3):
            s.append((rand_log(fmt, rng, -10, 10, neg=False), rand_uniform(fmt, rng, -60, 60)))
        for _ in range(n // 6):
            s.append((rand_log(fmt, rng, -1000 if fmt.bits == 64 else -120, fmt.emax, neg=False),
                      rand_uniform(fmt, rng, -3, 3)))
        for _ in range(n // 6):  # near 1, large y
            x = fbits(fmt, 1 + rng.uniform(-2 ** -10, 2 ** -10))
            s.append((x, rand_log(fmt, rng, 5, 40 if fmt.bits == 64 else 20)))
        for _ in range(n // 8):  # negative x, integer y
            s.append((rand_log(fmt, rng, -5, 5, neg=False) | fmt.sign, fbits(fmt, float(rng.randrange(-40, 40)))))
        for _ in range(n // 8):  # exact and midpoint cases
            k = rng.choice([1, 2, 3, 4, 5, 7, 9, 13, 17, 27])
            m = rng.getrandbits(max(1, (fmt.prec + 1) // k)) | 1
            e = rng.randrange(-20, 20)
            if rng.random() < 0.5:
                s.append((fmt.round_frac(Fraction(m) * Fraction(2) ** e), fbits(fmt, float(k))))
            else:  # x = m^2 2^2e, y = k/2
                s.append((fmt.round_frac(Fraction(m * m) * Fraction(2) ** (2 * e)), fbits(fmt, k / 2.0)))
        # overflow/underflow boundaries, subnormal results
        for _ in range(n // 8):
            x = rand_log(fmt, rng, 1, 4, neg=False)
            lx = float(mp.log(mpf_of(fmt, x), 2))
            for target in (fmt.emax - 0.001, fmt.qmin - 0.5, fmt.qmin + 10.3):
                s.append((x, fbits(fmt, target / lx)))
        sp = specials(fmt) + [fbits(fmt, v) for v in (0.5, 1.5, -1.5, 4.0, 1e10, -1e10)]
        for a in sp:
            for b in sp:
                if rng.random() < 0.35:
                    s.append((a, b))
        s += [(fbits(fmt, 2.0), fbits(fmt, float(v))) for v in (-1074, -1075, -1076, -149, -150, -151, 1023, 1024, 127, 128)]
        s += [(fbits(fmt, 0.5), fbits(fmt, float(v))) for v in (1074, 1075, 149, 150)]
        s += [(fbits(fmt, 4.0), fbits(fmt, -537.5)), (fbits(fmt, 4.0), fbits(fmt, -75.0))]
    elif name == "atan2":
        for _ in range(n // 3):
            s.append((rand_uniform(fmt, rng, -10, 10), rand_uniform(fmt, rng, -10, 10)))
        for _ in range(n // 3):
            lo = fmt.qmin if rng.random() < 0.2 else -40
            s.append((rand_log(fmt, rng, lo, fmt.emax), rand_log(fmt, rng, lo, fmt.emax)))
        for _ in range(n // 8):  # |y| ~ |x|
            x = rand_log(fmt, rng, -5, 5)
            s.append((x + rng.randrange(-3, 4), x ^ (fmt.sign if rng.random() < 0.5 else 0)))
        sp = specials(fmt)
        for a in sp:
            for b in sp:
                if rng.random() < 0.35:
                    s.append((a, b))
    elif name == "fmod":
        for _ in range(n // 3):
            s.append((rand_log(fmt, rng, -20, 20), rand_log(fmt, rng, -20, 20)))
        for _ in range(n // 3):
            s.append((rand_log(fmt, rng, fmt.qmin, fmt.emax), rand_log(fmt, rng, fmt.qmin, fmt.emax)))
        for _ in range(n // 8):
            y = rand_log(fmt, rng, -5, 5)
            k = rng.randrange(1, 1000)
            s.append((fmt.round_frac(fmt.exact(y) * k), y))
        sp = specials(fmt)
        for a in sp:
            for b in sp:
                if rng.random() < 0.35:
                    s.append((a, b))
    return s


def hard_cases(fmt):
    """Arguments whose results are provably very close to a rounding
    midpoint (so the C code needs its slow path), as (name, x, y) bits.

    exp(x) = 1 + x + x^2/2 with 1 + x a midpoint (exp2 likewise, nearly);
    cosh(x) = 1 + x^2/2 with
    x^2/2 a midpoint offset; f(x) = x +- c x^3 (sin, tan, sinh, tanh, atan)
    where c x^3 is an odd multiple of half an ulp of x; pow(x, 2) for f64
    x in [1, 1.19) with x^2 within 2^-99 of a midpoint."""
    p = fmt.prec
    out = []
    for j in range(6):
        for sgn, sh in ((1, p), (-1, p + 1)):
            out.append(("exp", fmt.round_frac(Fraction(sgn * (2 * j + 1), 2 ** sh)), 0))
    for j in range(6):  # 2^x = 1 + x ln2 + ..., x ln2 within 2^-p of the midpoint offset
        for sgn, sh in ((1, p), (-1, p + 1)):
            mp.prec = 300
            out.append(("exp2", fmt.round_mpf(sgn * (2 * j + 1) * mpf(2) ** -sh / mp.log(2)), 0))
    for m in range(3):  # x^2/2 = (2m+1) 2^-p: x = 2^-26 exactly for f64, m = 0
        mp.prec = 300
        b = fmt.round_mpf(mp.sqrt(mpf(2 * m + 1) * mpf(2) ** (1 - p)))
        out += [("cosh", b + d, 0) for d in range(-3, 4)]
    # x^3 c = (2m+1) ulp(x)/2, ulp(x) = 2^(e-p+1)
    for name, c in (("sin", Fraction(1, 6)), ("tan", Fraction(1, 3)), ("sinh", Fraction(1, 6)),
                    ("tanh", Fraction(1, 3)), ("atan2", Fraction(1, 3))):
        for e in range(-p // 2 - 1, -p // 2 + 4):
            for m in range(0, 6):
                v = Fraction(2 * m + 1) * Fraction(2) ** (e - p) / c  # x^3
                mp.prec = 300
                x = mp.cbrt(mpf(v.numerator) / v.denominator)
                if not (mpf(2) ** e <= x < mpf(2) ** (e + 1)):
                    continue
                b = fmt.round_mpf(x)
                for d in (-1, 0, 1):
                    out.append((name, b + d, fmt.to_bits(1.0) if name == "atan2" else 0))
    # x^2 near a midpoint: x = 2^(p-1) + a, x^2 = 2^(2p-2) + a 2^p + a^2 has
    # ulp 2^(p-1), so a^2 = 2^(p-2) + r (mod 2^(p-1)) with r small: a square
    # root of c = 2^(p-2) + r modulo 2^(p-1) (c = 1 mod 8) by Hensel lifting
    # (for f32 the nearest such squares are 2^-46 away: not hard enough)
    if p == 53:
        for r in (1, 9, 17, 25, -7, -15, -23, 33):
            c, mod = (1 << 51) + r, 1 << 52
            a = 1
            for k in range(3, 52):
                if ((a * a - c) >> k) & 1:
                    a += 1 << (k - 1)
            for cand in (a % mod, (-a) % mod, (a + mod // 2) % mod, (-a + mod // 2) % mod):
                if cand * cand % mod == c and cand < int(0.414 * 2 ** 52):
                    out.append(("pow", fmt.round_frac(Fraction(2 ** 52 + cand, 2 ** 52)), fmt.to_bits(2.0)))
    return out


def main():
    args = sys.argv[1:]
    hard = []
    path = args[1] if args and args[0] == "--hard" else os.path.join(os.path.dirname(__file__), "math_hard_cases.txt")
    if os.path.exists(path):
        for line in open(path):
            p = line.split()
            if not p or p[0].startswith("#"):
                continue
            hard.append((p[0], int(p[1]), [int(v, 16) for v in p[2:]]))
    rng = random.Random(20240601)
    rows = {32: [], 64: []}
    for fmt in (F32, F64):
        for name in FUNCS:
            n = 240
            if name in TWO_ARG:
                cases = inputs_two(fmt, name, rng, n)
            else:
                cases = [(b, 0) for b in inputs_one(fmt, name, rng, n) + specials(fmt)]
            cases += [(h[2][0], h[2][1] if len(h[2]) > 1 else 0) for h in hard
                      if h[0] == name and h[1] == fmt.bits]
            cases += [(x, y) for nm, x, y in hard_cases(fmt) if nm == name]
            seen = set()
            for xb, yb in cases:
                if (xb, yb) in seen:
                    continue
                seen.add((xb, yb))
                r = expected(fmt, name, xb, yb)
                if r is None:
                    continue
                rows[fmt.bits].append((FUNCS.index(name), xb, yb, r))
    out = ["/* math_vectors.h -- generated by tests/unit/gen_math_vectors.py; do not edit.",
           "** { function (index into MATH_FUNCS), x, y, correctly rounded result }, as bits;",
           "** for atan2 x is the first argument (C's y). */",
           'static const char *const MATH_FUNCS[] = {%s};' % ", ".join('"%s"' % f for f in FUNCS),
           "static const struct mv32 { unsigned char fn; uint32_t x, y, r; } MV32[] = {"]
    for fn, x, y, r in rows[32]:
        out.append("  {%d, 0x%08x, 0x%08x, 0x%08x}," % (fn, x, y, r))
    out.append("};")
    out.append("static const struct mv64 { unsigned char fn; uint64_t x, y, r; } MV64[] = {")
    for fn, x, y, r in rows[64]:
        out.append("  {%d, 0x%016x, 0x%016x, 0x%016x}," % (fn, x, y, r))
    out.append("};")
    sys.stdout.write("\n".join(out) + "\n")
    sys.stderr.write("f32: %d vectors, f64: %d vectors\n" % (len(rows[32]), len(rows[64])))


main()
