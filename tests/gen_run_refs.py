#!/usr/bin/env python3
"""gen_run_refs.py -- the inputs and reference outputs of the golden kernel
runs in tests/run/*.mlir, written to tests/data/run/ by numpy alone (never
by tilesim), from fixed seeds, so that rerunning it changes nothing.

    python3 tests/gen_run_refs.py          # from the top of the tree

Each reference is what the kernel must produce bit for bit (or within the
tolerance its RUN line gives): IEEE float32 sums, exact integer sums,
numpy's round-to-nearest-even conversions.
"""
import os
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "run")


def save(name, a):
    np.save(os.path.join(OUT, name + ".npy"), np.ascontiguousarray(a))


def vector_add(rng):
    """c = a + b in float32, with infinities, signed zeros and subnormals
    among ordinary values (no NaN: tilesim's NaN bits are its own)."""
    a = rng.standard_normal(1000).astype(np.float32) * np.float32(100)
    b = rng.standard_normal(1000).astype(np.float32)
    a[:8] = [np.inf, -np.inf, -0.0, -0.0, 1e-45, 3e-38, 3.4e38, -1.0]
    b[:8] = [1.0, 5.0, -0.0, 0.0, 1e-45, -2.9e-38, 3.4e38, 1.0]
    save("vadd_a", a)
    save("vadd_b", b)
    save("vadd_c", a + b)


def transpose(rng):
    x = rng.standard_normal((100, 60)).astype(np.float32)
    save("transpose_in", x)
    save("transpose_out", x.T)


def gemm(rng):
    """Small integers: every partial sum is exact in float32."""
    a = rng.integers(-4, 5, size=(100, 80))
    b = rng.integers(-4, 5, size=(80, 72))
    save("gemm_a", a.astype(np.float16))
    save("gemm_b", b.astype(np.float16))
    save("gemm_c", (a @ b).astype(np.float32))


def row_stats(rng):
    x = rng.integers(-1000, 1001, size=(37, 50)).astype(np.int32)
    x[3, 10] = x[3, 40] = 5000          # a tie: the first index wins
    x[36, 49] = 7000                    # the last element of the last row
    save("rows_x", x)
    save("rows_sums", x.sum(axis=1, dtype=np.int64).astype(np.int32))
    save("rows_amax", x.argmax(axis=1).astype(np.int32))
    save("rows_cums", x.cumsum(axis=1, dtype=np.int64).astype(np.int32))


def softmax(rng):
    x = (rng.standard_normal((48, 100)) * 4).astype(np.float32)
    d = x.astype(np.float64)
    e = np.exp(d - d.max(axis=1, keepdims=True))
    save("softmax_x", x)
    save("softmax_y", (e / e.sum(axis=1, keepdims=True)).astype(np.float32))


def histogram(rng):
    x = rng.integers(0, 16, size=1000).astype(np.int32)
    save("hist_x", x)
    save("hist_h", np.bincount(x, minlength=16).astype(np.int32))


def embedding(rng):
    table = rng.standard_normal((50, 32)).astype(np.float16)
    ids = rng.integers(0, 60, size=24).astype(np.int32)
    ids[:3] = [0, 49, 50]               # the first row, the last, one past
    out = np.zeros((24, 32), dtype=np.float16)
    for i, r in enumerate(ids):
        if r < 50:
            out[i] = table[r]
    save("emb_table", table)
    save("emb_ids", ids)
    save("emb_out", out)


def convert(rng):
    """f32 -> f16 (nearest even: ties, overflow, subnormals), -> i32
    (toward zero), -> f64 (exact)."""
    x = (rng.standard_normal(256) * 1000).astype(np.float32)
    h = np.float32(2.0 ** -24)          # the smallest f16 subnormal
    special = [65504.0, 65519.0, 65520.0, -65536.0, 1e9, h, h / 2, h * 1.5,
               h * 0.75, 1.0 + 2.0 ** -11, 1.0 + 3 * 2.0 ** -11, -0.0, 2.5, -2.5,
               2147483520.0, -2147483648.0, 0.99999994, -0.99999994]
    x[:len(special)] = np.array(special, dtype=np.float32)
    save("conv_x", x)
    save("conv_h", x.astype(np.float16))
    save("conv_i", np.trunc(x).astype(np.int32))
    save("conv_d", x.astype(np.float64))


def convert_fp8(rng):
    """f32 -> f8E4M3FN and f8E5M2, nearest even, with values beyond their
    ranges: ml_dtypes' conversion overflows as IEEE 754 (E5M2: inf; E4M3FN,
    which has no inf: NaN); NVIDIA's satfinite gives the largest finite
    value instead, which is the conversion of the value clipped to it.
    NaN results are tilesim's canonical NaN (0x7F), whatever their sign.
    The FNUZ references (MI300's encodings: no -0, no inf, 0x80 the NaN)
    are ml_dtypes' float8_e4m3fnuz and float8_e5m2fnuz."""
    import ml_dtypes
    x = (rng.standard_normal(128) * 100).astype(np.float32)
    special = [448.0, 464.0, 465.0, 480.0, 1e6, -1e6, 57344.0, 61440.0, 61441.0, 65536.0,
               -70000.0, 3e38, -0.0, 1.0, 2.0 ** -10, 2.0 ** -17, 0.3]
    x[:len(special)] = np.array(special, dtype=np.float32)
    save("c8_x", x)
    for name, t, top in (("e4", ml_dtypes.float8_e4m3fn, 448.0),
                         ("e5", ml_dtypes.float8_e5m2, 57344.0)):
        ieee = x.astype(t).view(np.uint8)
        ieee[np.isnan(x.astype(t).astype(np.float32))] = 0x7F    # tilesim's NaN is canonical
        save("c8_%s_ieee" % name, ieee.view(t))
        save("c8_%s_sat" % name, np.clip(x, -top, top).astype(t))
    # AMD's FNUZ encodings (a description with <numerics fp8="fnuz">), satfinite
    for name, t, top in (("e4", ml_dtypes.float8_e4m3fnuz, 240.0),
                         ("e5", ml_dtypes.float8_e5m2fnuz, 57344.0)):
        save("c8_%s_fnuz" % name, np.clip(x, -top, top).astype(t))
    # tests/run/fp8_constant.mlir: an fp8 constant in either encoding
    k = np.array([1.0, -2.0, 0.5, -0.0, 0.015625, 240.0, 3.5, -0.125], np.float32)
    save("c8_const_ocp", k.astype(ml_dtypes.float8_e4m3fn))
    save("c8_const_fnuz", k.astype(ml_dtypes.float8_e4m3fnuz))


def nan_payload(rng):
    """NaN results under the two NaN policies of a description: canonical
    (every NaN result is 0x7FFFFFFF) and propagate (IEEE 754's advice:
    the first NaN operand, quieted; its sign and leading payload bits
    carried into a narrower type).  x holds quiet and signalling NaNs of
    both signs with payloads, y numbers and other NaNs; the rule is applied
    bit by bit here, and numpy's own f32 -> f16 conversion of quiet NaNs,
    which carries payloads the same way, is checked against it."""
    n = 64
    x = (rng.standard_normal(n) * 10).astype(np.float32).view(np.uint32)
    y = (rng.standard_normal(n) * 10).astype(np.float32).view(np.uint32)
    nans = [0x7FC00000, 0xFFC00000, 0x7FC12345, 0xFFD00001, 0x7F800001, 0xFF812345,
            0x7FBFFFFF, 0x7FC02000, 0x7FE00000, 0xFFF00000]
    for i, v in enumerate(nans):
        x[2 * i] = v                                   # x NaN, y a number
        x[2 * i + 1] = v
        y[2 * i + 1] = nans[(i + 3) % len(nans)]       # both NaN: x wins
    y[40], y[41] = 0x7FC0ABCD, 0xFF812340              # y NaN, x a number
    f = lambda u: u.view(np.float32)
    isnan = lambda u: (u & 0x7FFFFFFF) > 0x7F800000
    quiet = lambda u: u | 0x00400000
    canon = np.uint32(0x7FFFFFFF)

    def carry(a, b, r):
        out = np.where(isnan(r), canon, r).astype(np.uint32)
        out = np.where(isnan(b) & isnan(r), quiet(b), out)
        return np.where(isnan(a) & isnan(r), quiet(a), out).astype(np.uint32)

    with np.errstate(invalid="ignore"):
        s = (f(x) + f(y)).view(np.uint32)
        m = (f(y) * f(x)).view(np.uint32)
    h = (((x >> 16) & 0x8000) | 0x7E00 | ((x >> 13) & 0x3FF)).astype(np.uint16)
    h = np.where(isnan(x), h, f(x).astype(np.float16).view(np.uint16)).astype(np.uint16)
    qn = isnan(x) & ((x & 0x00400000) != 0)
    assert (f(x[qn]).astype(np.float16).view(np.uint16) == h[qn]).all()   # numpy agrees
    save("nan_x", f(x))
    save("nan_y", f(y))
    save("nan_add_canon", f(np.where(isnan(s) | isnan(x) | isnan(y), canon, s).astype(np.uint32)))
    save("nan_add_prop", f(carry(x, y, np.where(isnan(x) | isnan(y), canon, s).astype(np.uint32))))
    save("nan_mul_canon", f(np.where(isnan(m) | isnan(x) | isnan(y), canon, m).astype(np.uint32)))
    save("nan_mul_prop", f(carry(y, x, np.where(isnan(x) | isnan(y), canon, m).astype(np.uint32))))
    save("nan_h_canon", np.where(isnan(x), np.uint16(0x7FFF), h).astype(np.uint16).view(np.float16))
    save("nan_h_prop", h.view(np.float16))


def bad_inputs(rng):
    """For tests/errors/args.sh: a dtype tilesim does not take, data cut
    short, and right-shaped arrays of the wrong element type."""
    del rng
    save("bad_c8", np.zeros(4, dtype=np.complex64))
    save("arg_i32", np.arange(4, dtype=np.int32))
    save("arg_f32", np.arange(4, dtype=np.float32))
    with open(os.path.join(OUT, "arg_f32.npy"), "rb") as f:
        data = f.read()
    with open(os.path.join(OUT, "bad_short.npy"), "wb") as f:
        f.write(data[:-4])


def mma_numerics(rng):
    """One f16 dot product of K = 16 on which the accumulation models differ:
    1*1 + 15 * (2^-12 * 2^-12).  Exact: 1 + 15 * 2^-24 rounded to nearest
    even in f32 (a tie between 1 + 7 * 2^-23 and 1 + 8 * 2^-23: the even
    one).  fma: each 1 + 2^-24 is a tie that rounds back to 1.  sm90 and
    sm100 (one block of 16 products, 25 bits kept below 2^0, truncated):
    the block sum 1 + 15 * 2^-24 is exact, then truncated to 23 bits."""
    from fractions import Fraction as Q
    del rng
    a = np.array([[1.0] + [2.0 ** -12] * 15], dtype=np.float16)
    b = a.T.copy()
    s = 1 + 15 * Q(1, 2 ** 24)
    ulp = Q(1, 2 ** 23)
    trunc = (s // ulp) * ulp
    nearest = trunc + ulp if (s - trunc == ulp / 2 and (trunc / ulp) % 2) or s - trunc > ulp / 2 else trunc
    save("mma_a", a)
    save("mma_b", b)
    save("mma_exact", np.array([[float(nearest)]], dtype=np.float32))
    save("mma_fma", np.array([[1.0]], dtype=np.float32))
    save("mma_sm100", np.array([[float(trunc)]], dtype=np.float32))


def mma_scaled(rng):
    """MX fp8 (E4M3 elements, one E8M0 scale per 32 of K) into f32 on the
    block-scaled tensor-core model of tests/unit/gen_mma_scaled.py (exact
    rationals).  The kernel reads K = 96 as a 128-wide tile: the last 32
    elements and their scales are zero padding (2^-127 scales), products
    that cannot change the sum."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "unit"))
    import gen_mma_scaled as ms
    m, n, k = 16, 8, 96
    a = rng.integers(0, 256, size=(m, k)).astype(np.uint8)
    b = rng.integers(0, 256, size=(k, n)).astype(np.uint8)
    a[(a & 0x7F) == 0x7F] ^= 1                  # no NaN
    b[(b & 0x7F) == 0x7F] ^= 1
    sa = (127 + rng.integers(-6, 7, size=(m, k // 32))).astype(np.uint8)
    sb = (127 + rng.integers(-6, 7, size=(k // 32, n))).astype(np.uint8)
    c0 = (rng.standard_normal((m, n)) * 64).astype(np.float32)
    c = np.zeros((m, n), dtype=np.uint32)
    for i in range(m):
        for j in range(n):
            ra = [int(x) for x in a[i]] + [0] * 32
            rb = [int(x) for x in b[:, j]] + [0] * 32
            rsa = [int(x) for x in sa[i]] + [0]
            rsb = [int(x) for x in sb[:, j]] + [0]
            c[i, j] = ms.dot("f8E4M3FN", "f8E4M3FN", "f8E8M0FNU", ra, rb, rsa, rsb, 32, 32,
                             int(c0.view(np.uint32)[i, j]))
    save("mmas_a", a)
    save("mmas_b", b)
    save("mmas_sa", sa)
    save("mmas_sb", sb)
    save("mmas_c0", c0)
    save("mmas_c", c.view(np.float32))


def main():
    os.makedirs(OUT, exist_ok=True)
    np.seterr(over="ignore")            # the overflows to inf are meant
    for i, gen in enumerate([vector_add, transpose, gemm, row_stats, softmax, histogram,
                             embedding, convert, bad_inputs, mma_numerics, mma_scaled,
                             convert_fp8, nan_payload]):
        gen(np.random.default_rng(1000 + i))
    return 0


if __name__ == "__main__":
    sys.exit(main())
