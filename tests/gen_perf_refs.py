#!/usr/bin/env python3
"""gen_perf_refs.py -- reference outputs for the RUN lines of
examples/perf/*.mlir, written to tests/data/perf/.

Run it from anywhere:  python3 tests/gen_perf_refs.py
It needs numpy and ml_dtypes; it never runs tilesim.

The kernels' inputs are not files: the RUN lines generate them with
tilesim's rand:TYPE:DIMS:seed=S specs, which this script reproduces
exactly (element i is (splitmix64(seed, i) >> 11) * 2^-52 - 1, rounded to
nearest even in TYPE; the rounding is done here with exact float64 steps,
never through another library's conversions).  Each reference is computed
from those exact input values in float64 and rounded once to the output
type; each kernel's comment header says why its tolerance is what it is.
"""
import os
import sys

import numpy as np

try:
    import ml_dtypes
except ImportError:
    sys.exit("gen_perf_refs.py: needs ml_dtypes (pip install ml_dtypes)")

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "perf")

# significant bits and the frexp exponent of the smallest normal
FORMATS = {"bf16": (8, -125), "f16": (11, -13), "f8E4M3FN": (4, -5)}
NP_TYPES = {"bf16": ml_dtypes.bfloat16, "f16": np.float16, "f8E4M3FN": ml_dtypes.float8_e4m3fn}


def splitmix(seed, n):
    with np.errstate(over="ignore"):
        i = np.arange(1, n + 1, dtype=np.uint64)
        z = np.uint64(seed) + i * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def round_to(v, t):
    """v (float64, |v| < 1) rounded to nearest even in format t, as float64."""
    bits, emin = FORMATS[t]
    _, e = np.frexp(v)
    ulp = np.ldexp(1.0, np.maximum(e, emin) - bits)
    return np.round(v / ulp) * ulp            # exact: ulp is a power of two


def rand(t, shape, seed):
    """The values of tilesim's rand:t:shape:seed=seed, as float64."""
    n = int(np.prod(shape))
    x = (splitmix(seed, n) >> np.uint64(11)).astype(np.int64)
    v = (x - (1 << 52)).astype(np.float64) * 2.0**-52
    return round_to(v, t).reshape(shape)


def save(name, arr):
    np.save(os.path.join(OUT, name + ".npy"), np.ascontiguousarray(arr))


def as_type(v, t):
    """float64 values already representable in t (or rounded once) as t."""
    if t == "f32":
        return v.astype(np.float32)
    return round_to_out(v, t).astype(NP_TYPES[t])


def round_to_out(v, t):
    """Round float64 results of any magnitude to t, nearest even."""
    bits, emin = FORMATS[t]
    out = np.zeros_like(v)
    nz = v != 0
    _, e = np.frexp(v[nz])
    ulp = np.ldexp(1.0, np.maximum(e, emin) - bits)
    out[nz] = np.round(v[nz] / ulp) * ulp
    return out


# ---- GEMMs: M=264 N=272 (full and partial tiles of 256 and 128) --------------

GEMM_M, GEMM_N = 264, 272


def gemm(t):
    k = 136                                        # two full K steps of 64, one of 8
    a = rand(t, (GEMM_M, k), 1)
    b = rand(t, (k, GEMM_N), 2)
    save(f"gemm_{t}_c", as_type(a @ b, t))


def gemm_e4m3():
    k = 272                                        # two full K steps of 128, one of 16
    a = rand("f8E4M3FN", (GEMM_M, k), 1)
    bt = rand("f8E4M3FN", (GEMM_N, k), 2)
    save("gemm_e4m3_c", as_type((a @ bt.T) * 0.5, "bf16"))


# ---- attention: batch x S x heads x 128, S = 256 -------------------------------

def attention(t, batch, heads, causal, d=128, out=None):
    """Outputs attention[_causal]_T[_dD]_{o,lse}; O in type out (default t)."""
    s = 256
    q = rand(t, (batch, s, heads, d), 1)
    k = rand(t, (batch, s, heads, d), 2)
    v = rand(t, (batch, s, heads, d), 3)
    sc = np.einsum("bqhd,bkhd->bhqk", q, k) / np.sqrt(d)
    if causal:
        sc = np.where(np.triu(np.ones((s, s), bool), 1), -np.inf, sc)
    mx = sc.max(axis=-1, keepdims=True)
    p = np.exp(sc - mx)
    l = p.sum(axis=-1, keepdims=True)
    o = np.einsum("bhqk,bkhd->bqhd", p / l, v)
    lse = (mx + np.log(l))[..., 0]                 # batch x heads x S
    name = ("attention_causal" if causal else "attention") + f"_{NAMES[t]}" + ("" if d == 128 else f"_d{d}")
    save(f"{name}_o", as_type(o, out or t))
    save(f"{name}_lse", lse.astype(np.float32))


NAMES = {"bf16": "bf16", "f16": "f16", "f8E4M3FN": "e4m3"}


def main():
    os.makedirs(OUT, exist_ok=True)
    gemm("bf16")
    gemm("f16")
    gemm_e4m3()
    for causal in (False, True):
        attention("bf16", 1, 2, causal)
        attention("f16", 2, 1, causal)
    # other head dimensions (their own tile shapes), fp8 inputs
    attention("bf16", 1, 1, True, d=64)
    attention("bf16", 1, 1, True, d=256)
    attention("f8E4M3FN", 1, 1, False, out="bf16")


if __name__ == "__main__":
    main()
