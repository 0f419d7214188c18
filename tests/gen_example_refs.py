#!/usr/bin/env python3
"""gen_example_refs.py -- inputs and reference outputs for the RUN lines of
examples/*.mlir, written to tests/data/examples/.

Run it from anywhere:  python3 tests/gen_example_refs.py [EXAMPLE...]
(EXAMPLE: a generator below, e.g. gemm_f16; all of them by default).
It needs numpy and ml_dtypes (for bf16 and f8E4M3FN); it never runs tilesim.

Every reference is computed independently of the interpreter: from the
exact values of the inputs (as stored in the input files), in float64, and
rounded once to the output type at the end.  The kernels' RUN lines then
compare the interpreter's result with a tolerance that says what the kernel
is allowed to do differently (f32 accumulation order, rounding an
intermediate to f16, ...); each example's comment header gives the reason.

Inputs come from a splitmix64 stream (seed, element index) implemented
here, so the files do not depend on numpy's random generators staying the
same across versions.  Rerunning the script rewrites identical files.

File formats, as tilesim's .npy reader wants them (src/sim/sim_npy.c):
f16/f32/i32 as numpy writes them; bf16 and f8E4M3FN as ml_dtypes arrays
saved with np.save, which stores them untyped ('<V2', '<V1'), so the RUN
lines name the type: @x.npy:bf16, @x.npy:f8E4M3FN.  Outputs compared with
--expect are f16, f32 or i32, whose dtypes name themselves (--expect reads
its reference untyped, so it cannot take a bf16 or fp8 reference).
"""
import os
import sys

import numpy as np

try:
    import ml_dtypes
except ImportError:
    sys.exit("gen_example_refs.py: needs ml_dtypes (pip install ml_dtypes)")

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "examples")


def splitmix(seed, n):
    """The first n outputs of splitmix64 for 'seed', element i from (seed, i)."""
    with np.errstate(over="ignore"):
        i = np.arange(1, n + 1, dtype=np.uint64)
        z = np.uint64(seed) + i * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def uniform(seed, shape, lo=-1.0, hi=1.0):
    """float64 values uniform in [lo, hi) (53-bit grid), C order."""
    n = int(np.prod(shape))
    u = (splitmix(seed, n) >> np.uint64(11)).astype(np.float64) * 2.0**-53
    return (lo + (hi - lo) * u).reshape(shape)


def ints(seed, shape, lo, hi):
    """int64 values uniform in [lo, hi)."""
    n = int(np.prod(shape))
    return (lo + (splitmix(seed, n) % np.uint64(hi - lo)).astype(np.int64)).reshape(shape)


def report(name, what):
    """Print a number the RUN line's tolerance was chosen from."""
    print(f"  {name}: {what}")


def save(name, arr):
    path = os.path.join(OUT, name + ".npy")
    np.save(path, np.ascontiguousarray(arr))
    return arr


# ---- vector_add_views.mlir: bit-exact ----------------------------------------

def vector_add_views():
    for suffix, n, seed in (("", 1000, 1), ("128", 128, 4)):
        # values of many magnitudes, so the additions round in every way
        scale_a = 2.0 ** ints(seed + 100, (n,), -12, 12)
        scale_b = 2.0 ** ints(seed + 200, (n,), -12, 12)
        a = save("vector_add_views_a" + suffix, (uniform(seed, (n,)) * scale_a).astype(np.float32))
        b = save("vector_add_views_b" + suffix, (uniform(seed + 1, (n,)) * scale_b).astype(np.float32))
        save("vector_add_views_c" + suffix, (a.astype(np.float64) + b.astype(np.float64)).astype(np.float32))


# ---- GEMMs: float64 sums of exact products, rounded once ---------------------

def gemm_ref(a, b):
    """a @ b (batched when 3-d) in float64 from the exact input values, and
    the f32 accumulation allowance sqrt(K) * 2^-24 * max sum_k |a_ik b_kj|."""
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    c = np.matmul(a64, b64)
    k = a.shape[-1]
    bound = np.sqrt(k) * 2.0**-24 * np.matmul(np.abs(a64), np.abs(b64)).max()
    return c, bound


def gemm_f16():
    # shared with gemm_views.mlir (same kernel, f32 result)
    m, n, k = 144, 136, 80
    a = save("gemm_f16_a", uniform(11, (m, k)).astype(np.float16))
    b = save("gemm_f16_b", uniform(12, (k, n)).astype(np.float16))
    c, bound = gemm_ref(a, b)
    save("gemm_f16_c", c.astype(np.float16))
    save("gemm_views_c", c.astype(np.float32))
    report("gemm_f16/gemm_views", f"f32 accumulation allowance {bound:.3g}")


def gemm_bf16():
    m, n, k = 136, 200, 72
    a = save("gemm_bf16_a", uniform(21, (m, k)).astype(ml_dtypes.bfloat16))
    b = save("gemm_bf16_b", uniform(22, (k, n)).astype(ml_dtypes.bfloat16))
    c, bound = gemm_ref(a, b)
    save("gemm_bf16_c", c.astype(np.float32))
    report("gemm_bf16", f"f32 accumulation allowance {bound:.3g}")


def gemm_batched():
    z, m, n, k = 3, 72, 40, 48
    a = save("gemm_batched_a", uniform(31, (z, m, k)).astype(np.float16))
    b = save("gemm_batched_b", uniform(32, (z, k, n)).astype(np.float16))
    c, bound = gemm_ref(a, b)
    save("gemm_batched_c", c.astype(np.float32))
    report("gemm_batched", f"f32 accumulation allowance {bound:.3g}")


def gemm_fp8():
    # B is passed transposed (N x K row-major), as fp8 GEMMs take it
    m, n, k = 136, 96, 160
    a = save("gemm_fp8_a", uniform(41, (m, k), -4.0, 4.0).astype(ml_dtypes.float8_e4m3fn))
    bt = save("gemm_fp8_bt", uniform(42, (n, k), -4.0, 4.0).astype(ml_dtypes.float8_e4m3fn))
    c, bound = gemm_ref(a, bt.T)
    save("gemm_fp8_c", c.astype(np.float32))
    report("gemm_fp8", f"f32 accumulation allowance {bound:.3g}")


def gemm_splitk():
    m, n, k = 80, 72, 256
    a = save("gemm_splitk_a", uniform(51, (m, k)).astype(np.float16))
    b = save("gemm_splitk_b", uniform(52, (k, n)).astype(np.float16))
    c, bound = gemm_ref(a, b)
    save("gemm_splitk_c", c.astype(np.float32))
    report("gemm_splitk", f"f32 accumulation allowance {bound:.3g}")


# ---- softmax, layernorm, attention_fwd: float64 math, rounded once -----------

def softmax():
    m, n = 10, 300
    x = save("softmax_x", uniform(61, (m, n), -8.0, 8.0).astype(np.float32)).astype(np.float64)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    save("softmax_y", (e / e.sum(axis=1, keepdims=True)).astype(np.float32))


def layernorm():
    m, n, eps = 6, 200, 1e-5
    center = np.linspace(-4.0, 4.0, m).reshape(m, 1)
    spread = np.geomspace(0.5, 4.0, m).reshape(m, 1)
    x = save("layernorm_x", (center + spread * uniform(71, (m, n))).astype(np.float32)).astype(np.float64)
    gamma = save("layernorm_gamma", uniform(72, (n,), 0.5, 1.5).astype(np.float32)).astype(np.float64)
    beta = save("layernorm_beta", uniform(73, (n,), -0.5, 0.5).astype(np.float32)).astype(np.float64)
    eps = float(np.float32(eps))      # the kernel gets eps as an f32 scalar
    mean = x.mean(axis=1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=1, keepdims=True)
    rstd = 1.0 / np.sqrt(var + eps)
    save("layernorm_y", ((x - mean) * rstd * gamma + beta).astype(np.float32))
    save("layernorm_mean", mean.reshape(m).astype(np.float32))
    save("layernorm_rstd", rstd.reshape(m).astype(np.float32))
    report("layernorm", f"|mean|/sigma up to {(np.abs(mean) * rstd).max():.3g}")


def attention():
    # for attention_fwd.mlir
    bh, s, d = 2, 128, 64
    q = save("attention_q", uniform(81, (bh, s, d), -2.0, 2.0).astype(np.float16)).astype(np.float64)
    k = save("attention_k", uniform(82, (bh, s, d), -2.0, 2.0).astype(np.float16)).astype(np.float64)
    v = save("attention_v", uniform(83, (bh, s, d)).astype(np.float16)).astype(np.float64)
    scores = np.matmul(q, k.transpose(0, 2, 1)) / np.sqrt(d)
    for suffix, causal in (("", False), ("_causal", True)):
        sc = scores.copy()
        if causal:
            sc[:, np.triu(np.ones((s, s), dtype=bool), 1)] = -np.inf
        p = np.exp(sc - sc.max(axis=2, keepdims=True))
        o = np.matmul(p / p.sum(axis=2, keepdims=True), v)
        save("attention_o" + suffix, o.astype(np.float16))


# ---- cumsum.mlir ---------------------------------------------------------------

def cumsum():
    m, n = 6, 300
    xi = save("cumsum_x_i32", ints(91, (m, n), -1000, 1000).astype(np.int32))
    save("cumsum_y_i32", np.cumsum(xi.astype(np.int64), axis=1).astype(np.int32))
    xf = save("cumsum_x_f32", uniform(92, (m, n)).astype(np.float32)).astype(np.float64)
    save("cumsum_y_f32", np.cumsum(xf, axis=1).astype(np.float32))
    bound = np.sqrt(n) * 2.0**-24 * np.abs(xf).sum(axis=1).max()
    report("cumsum", f"f32 summation allowance {bound:.3g}")


EXAMPLES = [vector_add_views, gemm_f16, gemm_bf16, gemm_batched, gemm_fp8, gemm_splitk,
            softmax, layernorm, attention, cumsum]


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])
    for gen in EXAMPLES:
        if not only or gen.__name__ in only:
            gen()
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f"gen_example_refs.py: {len(os.listdir(OUT))} files, {total} bytes in {OUT}")


if __name__ == "__main__":
    main()
