#!/usr/bin/env python3
"""Generate tests/unit/mma_scaled_vectors.h: reference results of
mmaf_scaled on the sm100 profile (block-scaled tensor cores), computed
here with exact rational arithmetic (fractions.Fraction), independently of
src/sim/sim_mma_model.c.

Run from the top of the tree:
    python3 tests/unit/gen_mma_scaled.py > tests/unit/mma_scaled_vectors.h
Standard library only; deterministic (fixed seed).

The model (MMA-Sim's reading of tcgen05.mma ... block_scale, as
doc/numerics.md states it): d = c + sum_k (a_k * sa_k) * (b_k * sb_k) for
one output, K split into instructions in ascending k, each result the
next one's c.
  mxf8f6f4 (an fp8 operand; 32 k): terms c and every product; a term is
    (significand, exponent): c's own, a product's significand sig_a *
    sig_b and exponent e_a + e_b + e(sa) + e(sb) (E8M0 scales are powers
    of two); significands in [1, 2) (subnormals below 1 at the format's
    smallest exponent); a zero counts with exponent -126.
  mxf4 / nvf4 (both fp4; 64 k): terms c and, per 16 k, the exact sum of
    the 16 products times the two scales' significands, with exponent
    e(sa) + e(sb) (E4M3 scales read without their sign).
  fused sum: E = the largest exponent; each term truncated toward zero to
    F fraction bits below 2^E (F = 25 for mxf8f6f4, 35 for mxf4/nvf4);
    the exact sum truncated to f32 (23 fraction bits, subnormals at
    2^-149); 2^128 and beyond is inf.
  NaN in: a NaN scale, c or element, inf * 0, inf - inf give f32 0x7FFFFFFF.
"""

import random
import struct
import sys
from fractions import Fraction as Q

FMT = {  # name: (ebits, mbits, bias, kind)
    "f8E4M3FN": (4, 3, 7, "fn"),
    "f8E5M2": (5, 2, 15, "ieee"),
    "f4E2M1FN": (2, 1, 1, "finite"),
}


def decode(name, bits):
    """(sig, exp, special): value = sig * 2^exp, sig a Fraction in [1, 2)
    (subnormal: below 1, exp the smallest); zero: sig 0, exp -126."""
    eb, mb, bias, kind = FMT[name]
    neg = bits >> (eb + mb) & 1
    e = bits >> mb & ((1 << eb) - 1)
    m = bits & ((1 << mb) - 1)
    top = (1 << eb) - 1
    if kind == "ieee" and e == top:
        return (None, None, "nan" if m else ("-inf" if neg else "+inf"))
    if kind == "fn" and e == top and m == (1 << mb) - 1:
        return (None, None, "nan")
    if e == 0 and m == 0:
        return (Q(0), -126, None)
    if e == 0:
        sig, ex = Q(m, 1 << mb), 1 - bias
    else:
        sig, ex = 1 + Q(m, 1 << mb), e - bias
    return (-sig if neg else sig, ex, None)


def scale(name, bits):
    """A scale as (sig, exp) or None for NaN."""
    if name == "f8E8M0FNU":
        return None if bits == 0xFF else (Q(1), bits - 127)
    sig, ex, sp = decode("f8E4M3FN", bits & 0x7F)
    return None if sp else (sig, ex)


def f32_decode(bits):
    e = bits >> 23 & 0xFF
    m = bits & 0x7FFFFF
    neg = bits >> 31
    if e == 0xFF:
        return (None, None, "nan" if m else ("-inf" if neg else "+inf"))
    if e == 0 and m == 0:
        return (Q(0), -126, None)
    sig, ex = (Q(m, 1 << 23), -126) if e == 0 else (1 + Q(m, 1 << 23), e - 127)
    return (-sig if neg else sig, ex, None)


def trunc(x):
    return int(x) if x >= 0 else -int(-x)


def f32_rz(v):
    """v (a Fraction) truncated to f32 bits; 2^128 and beyond: inf."""
    if v == 0:
        return 0
    neg = v < 0
    a = -v if neg else v
    e = 0
    while a >= Q(2) ** (e + 1):
        e += 1
    while a < Q(2) ** e:
        e -= 1
    if e >= 128:
        return 0xFF800000 if neg else 0x7F800000
    q = max(e, -126) - 23
    n = int(a / Q(2) ** q)  # floor = toward zero for the magnitude
    if n == 0:
        return 0x80000000 if neg else 0
    if e < -126:
        bits = n
    else:
        bits = (e + 127) << 23 | (n - (1 << 23))
    return bits | (0x80000000 if neg else 0)


def fused(terms, F):
    E = max(ex for _, ex in terms)
    s = sum(Q(trunc(sig * Q(2) ** (F + ex - E))) / Q(2) ** F for sig, ex in terms)
    return f32_rz(s * Q(2) ** E)


NAN = 0x7FFFFFFF


def instr_f8(ea, eb, es, a, b, sa, sb, c):
    cs, ce, csp = f32_decode(c)
    specials, terms = [], []
    if csp:
        specials.append(csp)
    else:
        terms.append((cs, ce))
    for x, y, p, q in zip(a, b, sa, sb):
        s1, s2 = scale(es, p), scale(es, q)
        dx, dy = decode(ea, x), decode(eb, y)
        if s1 is None or s2 is None or dx[2] == "nan" or dy[2] == "nan":
            specials.append("nan")
            continue
        if dx[2] or dy[2]:
            zero = (not dx[2] and dx[0] == 0) or (not dy[2] and dy[0] == 0)
            sx = (dx[2] or "+")[0] == "-" if dx[2] else dx[0] < 0
            sy = (dy[2] or "+")[0] == "-" if dy[2] else dy[0] < 0
            specials.append("nan" if zero else ("-inf" if sx != sy else "+inf"))
            continue
        terms.append((dx[0] * dy[0], dx[1] + dy[1] + s1[1] + s2[1]))
    if "nan" in specials or ("+inf" in specials and "-inf" in specials):
        return NAN
    if specials:
        return 0x7F800000 if specials[0] == "+inf" else 0xFF800000
    return fused(terms, 25)


def instr_f4(es, a, b, sa, sb, c):
    cs, ce, csp = f32_decode(c)
    if csp == "nan" or any(scale(es, s) is None for s in sa + sb):
        return NAN
    if csp:
        return c
    terms = [(cs, ce)]
    for g in range(0, len(a), 16):
        s = sum(decode("f4E2M1FN", x)[0] * Q(2) ** decode("f4E2M1FN", x)[1] *
                decode("f4E2M1FN", y)[0] * Q(2) ** decode("f4E2M1FN", y)[1]
                for x, y in zip(a[g:g + 16], b[g:g + 16]))
        (s0, e0), (s1, e1) = scale(es, sa[g // 16]), scale(es, sb[g // 16])
        terms.append((s * s0 * s1, e0 + e1))
    return fused(terms, 35)


def dot(ea, eb, es, a, b, sa, sb, va, vb, c):
    f4 = ea == eb == "f4E2M1FN"
    step = 64 if f4 else 32
    for k0 in range(0, len(a), step):
        ks = range(k0, min(len(a), k0 + step))
        if f4:
            # one scale per 16 k within the instruction
            c = instr_f4(es, [a[k] for k in ks], [b[k] for k in ks],
                         [sa[k // va] for k in ks[::16]], [sb[k // vb] for k in ks[::16]], c)
        else:
            c = instr_f8(ea, eb, es, [a[k] for k in ks], [b[k] for k in ks],
                         [sa[k // va] for k in ks], [sb[k // vb] for k in ks], c)
    return c


def rand_elem(rng, name, style):
    w = 4 if name == "f4E2M1FN" else 8
    while True:
        x = rng.getrandbits(w)
        if style == "zeros" and rng.random() < 0.5:
            x &= 1 << (w - 1)
        sig, ex, sp = decode(name, x)
        if sp is None or style == "special":
            return x


def rand_scale(rng, es, style):
    if es == "f8E8M0FNU":
        if style == "wide":
            return rng.choice([0, 1, 60, 127, 200, 254, 255 if rng.random() < 0.05 else 254])
        return 127 + rng.randint(-6, 6)
    x = rng.getrandbits(8)       # E4M3, any sign (ignored)
    if style != "special" and (x & 0x7F) == 0x7F:
        x ^= 1
    return x


def rand_c(rng, style):
    r = rng.random()
    if r < 0.15:
        return 0
    if r < 0.2:
        return rng.getrandbits(23) | (rng.getrandbits(1) << 31)        # subnormal
    if style == "special" and r < 0.3:
        return rng.choice([0x7F800000, 0xFF800000, 0x7FC00000])
    e = 127 + rng.randint(-20, 20) if style != "wide" else rng.randint(1, 254)
    return rng.getrandbits(1) << 31 | e << 23 | rng.getrandbits(23)


def main():
    rng = random.Random(20260601)
    combos = [("f8E4M3FN", "f8E4M3FN", "f8E8M0FNU", 32), ("f8E5M2", "f8E5M2", "f8E8M0FNU", 32),
              ("f8E4M3FN", "f8E5M2", "f8E8M0FNU", 32), ("f4E2M1FN", "f4E2M1FN", "f8E8M0FNU", 32),
              ("f4E2M1FN", "f4E2M1FN", "f8E8M0FNU", 16), ("f4E2M1FN", "f4E2M1FN", "f8E4M3FN", 16),
              ("f4E2M1FN", "f8E4M3FN", "f8E8M0FNU", 32)]
    cases, pool = [], []
    for ea, eb, es, v in combos:
        for style in ("near", "wide", "zeros", "special"):
            for k in (v, 64, 96, 128) if v == 32 else (16, 64, 128):
                for _ in range(2):
                    a = [rand_elem(rng, ea, style) for _ in range(k)]
                    b = [rand_elem(rng, eb, style) for _ in range(k)]
                    sa = [rand_scale(rng, es, style) for _ in range(k // v)]
                    sb = [rand_scale(rng, es, style) for _ in range(k // v)]
                    c = rand_c(rng, style)
                    d = dot(ea, eb, es, a, b, sa, sb, v, v, c)
                    cases.append((ea, eb, es, k, v, len(pool), c, d))
                    pool += a + b + sa + sb
    out = sys.stdout
    out.write("/* generated by tests/unit/gen_mma_scaled.py; do not edit */\n")
    out.write("struct mma_scaled_vec { enum ty_elem a, b, s; int k, v, off; uint32_t c, d; };\n")
    out.write("static const uint8_t mma_scaled_pool[] = {\n")
    for i in range(0, len(pool), 24):
        out.write("  " + ", ".join("%d" % x for x in pool[i:i + 24]) + ",\n")
    out.write("};\n")
    el = lambda n: "EL_" + n.upper().replace("F8E", "F8E").replace("FNU", "FNU")
    out.write("static const struct mma_scaled_vec mma_scaled_vecs[] = {\n")
    for ea, eb, es, k, v, off, c, d in cases:
        out.write("  { %s, %s, %s, %d, %d, %d, %#010x, %#010x },\n" %
                  (el(ea), el(eb), el(es), k, v, off, c, d))
    out.write("};\n")


if __name__ == "__main__":
    main()
