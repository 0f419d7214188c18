#!/usr/bin/env python3
"""Generate tests/unit/mma_vectors.h: reference inner products for the
`exact` and `fma` profiles of src/sim/sim_mma_model.c.

Run from the top of the tree:
    python3 tests/unit/gen_mma_vectors.py > tests/unit/mma_vectors.h
Needs only the Python standard library; the output is deterministic
(fixed seed).

Each case is d = c + sum_k a[k]*b[k] for one input type (f16, bf16, tf32,
f32, f8E4M3FN, f8E5M2) and one accumulator type (f32, f16).  The expected
results are computed here with fractions.Fraction, independently of the C
code:
  d_exact  the exact value rounded once to nearest even (IEEE 754 rules:
           NaN in, inf * 0 and inf - inf give NaN -- tilesim's canonical
           NaN, all ones but the sign --; an exact zero is -0 only when c
           and every product are -0; overflow gives inf);
  d_fma    acc = c, then acc = RNE(a[k]*b[k] + acc) for k ascending, each
           step one IEEE fused multiply-add in the accumulator type.
The inputs mix random bit patterns (every exponent: huge spreads for
bf16/tf32/f32), values near 1, subnormals, exact cancellations, signed
zeros, infinities and NaNs.  tf32 inputs are f32 patterns; some keep
their low 13 bits set, which tensor cores (and tilesim) ignore.
"""

import random
import struct
import sys
from fractions import Fraction as Q


class Fmt:
    """A binary format: ebits, mbits, bias; kind 'ieee' (inf and NaN at the
    top exponent) or 'fn' (E4M3FN: no inf, only S.1111.111 is NaN)."""

    def __init__(self, name, el, ebits, mbits, kind="ieee", store_shift=0):
        self.name, self.el = name, el
        self.ebits, self.mbits, self.kind = ebits, mbits, kind
        self.bias = (1 << (ebits - 1)) - 1
        self.width = 1 + ebits + mbits
        self.shift = store_shift          # tf32: stored in the top 19 bits of an f32
        self.emin = 1 - self.bias

    def decode(self, bits):
        """(value, special): value a Fraction, or special 'nan', '+inf', '-inf'."""
        b = bits >> self.shift
        neg = (b >> (self.ebits + self.mbits)) & 1
        e = (b >> self.mbits) & ((1 << self.ebits) - 1)
        m = b & ((1 << self.mbits) - 1)
        top = (1 << self.ebits) - 1
        if self.kind == "ieee" and e == top:
            return (None, "nan") if m else (None, "-inf" if neg else "+inf")
        if self.kind == "fn" and e == top and m == (1 << self.mbits) - 1:
            return (None, "nan")
        if e == 0:
            v = Q(m, 1) * Q(2) ** (self.emin - self.mbits)
        else:
            v = Q(m + (1 << self.mbits)) * Q(2) ** (e - self.bias - self.mbits)
        return (-v if neg else v, "-0" if neg and v == 0 else None)

    def maxfin(self):
        top = (1 << self.ebits) - 1
        if self.kind == "fn":
            return Q((1 << (self.mbits + 1)) - 2) * Q(2) ** (top - self.bias - self.mbits)
        return Q((1 << (self.mbits + 1)) - 1) * Q(2) ** (top - 1 - self.bias - self.mbits)

    def encode(self, neg, mag_units, e_field):
        b = (int(neg) << (self.ebits + self.mbits)) | (e_field << self.mbits) | mag_units
        return b << self.shift

    def inf(self, neg):
        return self.encode(neg, 0, (1 << self.ebits) - 1)

    def nan(self):
        """tilesim's canonical NaN: all ones but the sign."""
        return ((1 << (self.width - 1)) - 1) << self.shift

    def zero(self, neg):
        return self.encode(neg, 0, 0)

    def round(self, v):
        """The bits of v (a Fraction, not zero) rounded to nearest even;
        overflow gives inf."""
        neg = v < 0
        a = -v if neg else v
        e = a.numerator.bit_length() - a.denominator.bit_length()
        if Q(2) ** e > a:
            e -= 1
        e = max(e, self.emin)
        q = Q(2) ** (e - self.mbits)
        n, r = divmod(a, q)
        n = int(n)
        if r > q / 2 or (r == q / 2 and n & 1):
            n += 1
        val = n * q
        if val > self.maxfin():
            return self.inf(neg)
        if n == 0:
            return self.zero(neg)
        if n >= 1 << (self.mbits + 1):        # carried into the next binade
            n >>= 1
            e += 1
        if n < 1 << self.mbits:               # subnormal
            return self.encode(neg, n, 0)
        return self.encode(neg, n - (1 << self.mbits), e + self.bias)


F16 = Fmt("f16", "EL_F16", 5, 10)
BF16 = Fmt("bf16", "EL_BF16", 8, 7)
TF32 = Fmt("tf32", "EL_TF32", 8, 10, store_shift=13)
F32 = Fmt("f32", "EL_F32", 8, 23)
E4M3 = Fmt("e4m3", "EL_F8E4M3FN", 4, 3, kind="fn")
E5M2 = Fmt("e5m2", "EL_F8E5M2", 5, 2)

COMBOS = [(F16, F32), (F16, F16), (BF16, F32), (TF32, F32), (F32, F32),
          (E4M3, F32), (E4M3, F16), (E5M2, F32), (E5M2, F16)]


def rand_bits(rng, f, style):
    """One input value of f as bits, by style."""
    ef = (1 << f.ebits) - 1
    while True:
        neg = rng.random() < 0.5
        m = rng.getrandbits(f.mbits)
        if style == "any":
            e = rng.randrange(0, ef + (f.kind == "fn"))
        elif style == "near1":
            e = min(max(f.bias + rng.randrange(-3, 3), 1), ef - 1)
        else:  # subnormal
            e = 0
        b = f.encode(neg, m, e)
        if f.kind == "fn" and e == ef and m == (1 << f.mbits) - 1:
            continue                          # that is NaN
        if f is TF32 and rng.random() < 0.2:
            b |= rng.getrandbits(13)          # ignored low bits
        return b


def special_bits(rng, f):
    choice = rng.randrange(4)
    if choice == 0:
        return f.zero(rng.random() < 0.5)
    if choice == 1 or f.kind == "fn":
        return f.nan() if f.kind == "fn" or rng.random() < 0.5 else f.inf(rng.random() < 0.5)
    return f.inf(rng.random() < 0.5)


def make_case(rng, fin, fout, kind):
    n = rng.choice([1, 2, 3, 4, 7, 8, 13, 16, 31, 32, 64]) if kind != "cancel" else rng.choice([2, 4, 8, 16])
    style = {"spread": "any", "moderate": "near1", "subnormal": "sub"}.get(kind, "near1")
    a = [rand_bits(rng, fin, style if rng.random() < 0.8 else "near1") for _ in range(n)]
    b = [rand_bits(rng, fin, style if rng.random() < 0.8 else "near1") for _ in range(n)]
    if kind == "cancel":
        # second half cancels the first exactly; a few small extra terms stay
        h = n // 2
        for k in range(h):
            a[h + k] = a[k] ^ (1 << (fin.width - 1 + fin.shift))
            b[h + k] = b[k]
        if rng.random() < 0.7:
            a[-1] = rand_bits(rng, fin, "sub" if rng.random() < 0.5 else "near1")
    if kind == "special":
        for _ in range(rng.randrange(1, 3)):
            k = rng.randrange(n)
            if rng.random() < 0.5:
                a[k] = special_bits(rng, fin)
            else:
                b[k] = special_bits(rng, fin)
    if kind == "zeros":
        a = [fin.zero(rng.random() < 0.7) for _ in range(n)]
    # c
    r = rng.random()
    if kind == "special" and r < 0.3:
        c = special_bits(rng, fout)
    elif kind == "zeros" or r < 0.1:
        c = fout.zero(rng.random() < 0.7)
    elif kind == "subnormal" or r < 0.2:
        c = fout.encode(rng.random() < 0.5, rng.getrandbits(fout.mbits) | 1, 0)
    elif kind == "spread":
        c = rand_bits(rng, fout, "any")
    else:
        c = rand_bits(rng, fout, "near1")
    return a, b, c


def product(fin, x, y):
    (vx, sx), (vy, sy) = fin.decode(x), fin.decode(y)
    if sx == "nan" or sy == "nan":
        return (None, "nan")
    xinf, yinf = sx in ("+inf", "-inf"), sy in ("+inf", "-inf")
    negx = sx in ("-inf", "-0") or (vx is not None and vx < 0)
    negy = sy in ("-inf", "-0") or (vy is not None and vy < 0)
    if xinf or yinf:
        if (not xinf and vx == 0) or (not yinf and vy == 0):
            return (None, "nan")
        return (None, "-inf" if negx != negy else "+inf")
    p = vx * vy
    return (p, "-0" if p == 0 and negx != negy else None)


def result(fout, v, special, negzero):
    if special == "nan":
        return fout.nan()
    if special in ("+inf", "-inf"):
        return fout.inf(special == "-inf")
    if v == 0:
        return fout.zero(negzero)
    return fout.round(v)


def exact(fin, fout, a, b, c):
    vc, sc = fout.decode(c)
    terms = [(vc, sc)] + [product(fin, x, y) for x, y in zip(a, b)]
    specials = [s for _, s in terms if s in ("nan", "+inf", "-inf")]
    if "nan" in specials or ("+inf" in specials and "-inf" in specials):
        return fout.nan()
    if specials:
        return fout.inf(specials[0] == "-inf")
    total = sum(v for v, _ in terms)
    negzero = all(v == 0 and s == "-0" for v, s in terms)
    return result(fout, total, None, negzero)


def fma_chain(fin, fout, a, b, c):
    acc = c
    for x, y in zip(a, b):
        vp, sp = product(fin, x, y)
        va, sa = fout.decode(acc)
        if sp == "nan" or sa == "nan":
            acc = fout.nan()
            continue
        infs = [s for s in (sp, sa) if s in ("+inf", "-inf")]
        if infs:
            acc = fout.nan() if len(set(infs)) == 2 else fout.inf(infs[0] == "-inf")
            continue
        s = vp + va
        if s == 0:
            negzero = sp == "-0" and sa == "-0"
            acc = fout.zero(negzero)
        else:
            acc = fout.round(s)
    return acc


def self_check():
    """Fmt.round against CPython's own binary32/binary16 packing (correctly
    rounded from a double; the doubles here are exact Fractions)."""
    rng = random.Random(1)
    for _ in range(20000):
        x = rng.choice([rng.uniform(-4, 4), rng.uniform(-1, 1) * 2.0 ** rng.randrange(-160, 140),
                        rng.uniform(-1, 1) * 2.0 ** rng.randrange(-30, 20)])
        if x == 0:
            continue
        for f, code, nbits in ((F32, "<f", 32), (F16, "<e", 16)):
            try:
                want = int.from_bytes(struct.pack(code, x), "little")
            except OverflowError:
                want = f.inf(x < 0)
            got = f.round(Q(x))
            assert got == want, (x, f.name, hex(got), hex(want))
            v, sp = f.decode(want)
            assert sp in (None, "-0", "+inf", "-inf")


def main():
    self_check()
    rng = random.Random(20240604)
    kinds = ["moderate"] * 14 + ["spread"] * 8 + ["cancel"] * 8 + ["subnormal"] * 5 + \
            ["special"] * 6 + ["zeros"] * 2
    pool, cases = [], []
    for fin, fout in COMBOS:
        for kind in kinds:
            a, b, c = make_case(rng, fin, fout, kind)
            off = len(pool)
            pool += a + b
            cases.append((fin, fout, len(a), off, c, exact(fin, fout, a, b, c),
                          fma_chain(fin, fout, a, b, c), kind))
    out = sys.stdout
    out.write("/* mma_vectors.h -- generated by tests/unit/gen_mma_vectors.py; do not edit.\n"
              "** d = c + sum a[k]*b[k]: d_exact rounded once, d_fma by ascending IEEE\n"
              "** fmas; a and b are the n values of the pool at off and off + n. */\n\n")
    out.write("static const uint32_t mma_pool[] = {\n")
    for i in range(0, len(pool), 8):
        out.write("  " + ", ".join("0x%xu" % v for v in pool[i:i + 8]) + ",\n")
    out.write("};\n\nstruct mma_vec {\n  enum ty_elem in, out;\n  int n;\n  int off;\n"
              "  uint32_t c, d_exact, d_fma;\n  const char *kind;\n};\n\n")
    out.write("static const struct mma_vec mma_vecs[] = {\n")
    for fin, fout, n, off, c, dx, df, kind in cases:
        out.write('  { %s, %s, %d, %d, 0x%xu, 0x%xu, 0x%xu, "%s" },\n'
                  % (fin.el, fout.el, n, off, c, dx, df, kind))
    out.write("};\n")


if __name__ == "__main__":
    main()
