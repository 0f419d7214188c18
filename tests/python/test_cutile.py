"""cuTile Python kernels (cutile_kernels.py), exported by cuTile's own
compiler on this CPU-only machine, run in tilesim and compared with numpy.

Tolerances: tilesim's default numerics (the B200's tensor cores, sm100, in
the matrix unit; correctly rounded exp/rsqrt) against a float64 numpy
reference of the same inputs.  Each bound is a few times the f32 rounding error the kernel
can accumulate (K terms of |a||b| <= ~10 at 2^-24), or, where the kernel
rounds to f16 on purpose (attention's P), that rounding."""

import numpy as np
import pytest

ct = pytest.importorskip("cuda.tile", reason="cuTile Python (pip install cuda-tile) is not installed")

import tilesim  # noqa: E402
import tilesim.cutile as tc  # noqa: E402
from tilesim import Array  # noqa: E402
from conftest import needs_bytecode  # noqa: E402
import cutile_kernels as K  # noqa: E402

f16, f32, f64 = np.float16, np.float32, np.float64


def rng(seed):
    return np.random.default_rng(seed)


# ---- fp8 formats, by their definitions (no ml_dtypes needed) ----

def e4m3_values():
    """float8_e4m3fn: the value of each of the 256 bytes (NaN at 0x7f, 0xff)."""
    b = np.arange(256)
    s = np.where(b & 0x80, -1.0, 1.0)
    e, m = (b >> 3) & 15, b & 7
    v = np.where(e == 0, m / 8 * 2.0 ** -6, (1 + m / 8) * 2.0 ** (e - 7.0)) * s
    v[(e == 15) & (m == 7)] = np.nan
    return v


def random_e4m3(r, shape):
    """Bytes of float8_e4m3fn values of magnitude 1/4 to 4 (exponents 5..9)."""
    e = r.integers(5, 10, size=shape)
    return ((r.integers(0, 2, size=shape) << 7) | (e << 3) | r.integers(0, 8, size=shape)).astype(np.uint8)


def e8m0_values(b):
    return 2.0 ** (b.astype(f64) - 127)


# ---- the exporter on a CPU ----

EXPORTS = {
    "vector_add": lambda: (K.vector_add, (np.zeros(100, f32),) * 3 + (64,)),
    "matmul": lambda: (K.matmul, (np.zeros((32, 32), f16),) * 2 + (np.zeros((32, 32), f32), 16, 16, 16)),
    "attention": lambda: (K.attention, (np.zeros((64, 16), f16),) * 3 +
                          (np.zeros((64, 16), f32), 0.25, 16, 16, 16)),
    "block_scaled_matmul": lambda: (K.block_scaled_matmul, (
        Array(np.zeros((32, 64), np.uint8), "f8E4M3FN"), Array(np.zeros((32, 2), np.uint8), "f8E8M0FNU"),
        Array(np.zeros((64, 32), np.uint8), "f8E4M3FN"), Array(np.zeros((2, 32), np.uint8), "f8E8M0FNU"),
        np.zeros((32, 32), f32), 32, 32, 64)),
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_cutile_exports_bytecode_without_a_gpu(name):
    """cuTile's export_kernel runs here (no GPU, no driver) and gives Tile IR bytecode 13.3."""
    kernel, args = EXPORTS[name]()
    bc = tc.export(kernel, args)
    assert bc[:8] == b"\x7fTileIR\x00"
    assert bc[8:11] == bytes([13, 3, 0])


def test_signature_follows_the_arguments():
    """Arrays become ArrayConstraints with the JIT's assumptions, Python
    scalars int32/float32 ScalarConstraints, ct.Constant values constants."""
    a = np.zeros((64, 48), f32)
    sig = tc.signature(K.axpby, (a[:, 0], a[:, 1], np.zeros(64, f32), 2.0, 0.5, 64))
    p = sig.parameters
    assert [type(x).__name__ for x in p] == ["ArrayConstraint"] * 3 + ["ScalarConstraint"] * 2 + \
        ["ConstantConstraint"]
    assert p[0].stride_constant == (None,) and p[2].stride_constant == (1,)
    assert p[0].alias_groups == p[1].alias_groups != ()   # two columns of one array
    assert p[3].dtype == ct.float32 and p[5].value == 64
    assert tc.signature(K.axpby, (a[:, 0], a[:, 1], np.zeros(64, f32), 2.0, 0.5, 64),
                        specialize=False).parameters[2].stride_constant == (None,)


# ---- running them ----

@needs_bytecode
def test_vector_add_ragged():
    r = rng(1)
    a, b = r.standard_normal(1000).astype(f32), r.standard_normal(1000).astype(f32)
    c = np.full(1000, np.nan, f32)
    tc.launch(K.vector_add, (8,), (a, b, c, 128))
    np.testing.assert_array_equal(c, a + b)            # one f32 add: exact


@needs_bytecode
def test_axpby_scalars_and_strided_views():
    """Run-time float scalars, and arrays that are strided views (the
    strides go to the kernel; the gaps between elements stay untouched)."""
    r = rng(2)
    x2 = r.standard_normal((512, 2)).astype(f32)
    y = r.standard_normal(512).astype(f32)
    out2 = np.zeros((512, 3), f32)
    tc.launch(K.axpby, 4, (x2[:, 1], y, out2[:, 2], 2.0, -0.5, 128))
    want = x2[:, 1] * f32(2.0) + y * f32(-0.5)
    np.testing.assert_allclose(out2[:, 2], want, rtol=1e-6, atol=1e-6)
    assert not out2[:, :2].any()


@needs_bytecode
def test_matmul_f16():
    r = rng(3)
    A = r.standard_normal((96, 128)).astype(f16)
    B = r.standard_normal((128, 80)).astype(f16)
    C = np.zeros((96, 80), f32)
    tc.launch(K.matmul, (3, 5), (A, B, C, 32, 16, 32))
    np.testing.assert_allclose(C, A.astype(f64) @ B.astype(f64), rtol=1e-4, atol=1e-4)


@needs_bytecode
def test_matmul_transposed_operand():
    """B given as the transpose of a row-major array: its strides are (1, K)."""
    r = rng(4)
    A = r.standard_normal((64, 64)).astype(f16)
    Bt = r.standard_normal((32, 64)).astype(f16)
    C = np.zeros((64, 32), f32)
    tc.launch(K.matmul, (2, 2), (A, Bt.T, C, 32, 16, 32))
    np.testing.assert_allclose(C, A.astype(f64) @ Bt.T.astype(f64), rtol=1e-4, atol=1e-4)


@needs_bytecode
def test_batched_matmul():
    r = rng(5)
    A = r.standard_normal((3, 64, 96)).astype(f16)
    B = r.standard_normal((3, 96, 32)).astype(f16)
    C = np.zeros((3, 64, 32), f32)
    tc.launch(K.batched_matmul, (2, 1, 3), (A, B, C, 32, 32, 32))
    np.testing.assert_allclose(C, A.astype(f64) @ B.astype(f64), rtol=1e-4, atol=1e-4)


@needs_bytecode
def test_softmax_padded_rows():
    r = rng(6)
    X = (r.standard_normal((10, 300)) * 4).astype(f32)
    Y = np.zeros_like(X)
    tc.launch(K.softmax, 3, (X, Y, 4, 512))
    e = np.exp(X.astype(f64) - X.max(axis=1, keepdims=True))
    np.testing.assert_allclose(Y, e / e.sum(axis=1, keepdims=True), rtol=2e-6, atol=1e-9)


@needs_bytecode
def test_layernorm():
    r = rng(7)
    X = (r.standard_normal((12, 256)) * 3 + 1).astype(f32)
    W, B = r.standard_normal(256).astype(f32), r.standard_normal(256).astype(f32)
    Y = np.zeros_like(X)
    tc.launch(K.layernorm, 3, (X, W, B, Y, 1e-5, 4, 256))
    x = X.astype(f64)
    mu, var = x.mean(axis=1, keepdims=True), x.var(axis=1, keepdims=True)
    np.testing.assert_allclose(Y, (x - mu) / np.sqrt(var + 1e-5) * W + B, rtol=1e-4, atol=1e-5)


@needs_bytecode
def test_attention_forward():
    r = rng(8)
    S, D = 128, 64
    Q, Kt, V = (r.standard_normal((S, D)).astype(f16) for _ in range(3))
    O = np.zeros((S, D), f32)
    scale = 1 / np.sqrt(D)
    tc.launch(K.attention, S // 32, (Q, Kt, V, O, scale, 32, 32, D))
    s = Q.astype(f64) @ Kt.astype(f64).T * scale
    p = np.exp(s - s.max(axis=1, keepdims=True))
    want = (p / p.sum(axis=1, keepdims=True)) @ V.astype(f64)
    # P is rounded to f16 before P @ V, as on a GPU: ~2^-11 relative
    np.testing.assert_allclose(O, want, rtol=2e-3, atol=2e-3)


@needs_bytecode
def test_reduction_rows_and_atomic_total():
    r = rng(9)
    X = r.standard_normal((64, 128)).astype(f32)
    rs, rm, total = np.zeros(64, f32), np.zeros(64, f32), np.zeros(1, f32)
    tc.launch(K.reduce_rows, 4, (X, rs, rm, total, 16, 128))
    x = X.astype(f64)
    np.testing.assert_allclose(rs, x.sum(axis=1), rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(rm, X.max(axis=1))   # max is exact
    np.testing.assert_allclose(total[0], x.sum(), rtol=1e-5, atol=1e-4)


@needs_bytecode
def test_fp8_matmul():
    r = rng(10)
    ab, bb = random_e4m3(r, (64, 128)), random_e4m3(r, (128, 64))
    C = np.zeros((64, 64), f32)
    tc.launch(K.fp8_matmul, (2, 2), (Array(ab, "f8E4M3FN"), Array(bb, "f8E4M3FN"), C, 0.5, 32, 32, 64))
    v = e4m3_values()
    # fp8 products are exact in f32; 128-term sums of |p| <= 16 round at 2^-24
    np.testing.assert_allclose(C, 0.5 * (v[ab] @ v[bb]), rtol=1e-5, atol=1e-3)


@needs_bytecode
def test_block_scaled_fp8_matmul():
    r = rng(11)
    M, N, Kd = 64, 64, 128
    ab, bb = random_e4m3(r, (M, Kd)), random_e4m3(r, (Kd, N))
    sa = r.integers(124, 131, size=(M, Kd // 32)).astype(np.uint8)   # 2^-3 .. 2^3
    sb = r.integers(124, 131, size=(Kd // 32, N)).astype(np.uint8)
    C = np.zeros((M, N), f32)
    tc.launch(K.block_scaled_matmul, (2, 2), (
        Array(ab, "f8E4M3FN"), Array(sa, "f8E8M0FNU"), Array(bb, "f8E4M3FN"), Array(sb, "f8E8M0FNU"),
        C, 32, 32, 64))
    v = e4m3_values()
    a = v[ab] * np.repeat(e8m0_values(sa), 32, axis=1)
    b = v[bb] * np.repeat(e8m0_values(sb), 32, axis=0)
    np.testing.assert_allclose(C, a @ b, rtol=1e-5, atol=1e-2)


@needs_bytecode
def test_threads_do_not_change_bits():
    r = rng(12)
    A = r.standard_normal((64, 64)).astype(f16)
    B = r.standard_normal((64, 64)).astype(f16)
    C1, C8 = np.zeros((64, 64), f32), np.zeros((64, 64), f32)
    tc.launch(K.matmul, (2, 4), (A, B, C1, 32, 16, 32), threads=1)
    tc.launch(K.matmul, (2, 4), (A, B, C8, 32, 16, 32), threads=8)
    np.testing.assert_array_equal(C1, C8)


@needs_bytecode
def test_out_of_bounds_tile_is_an_error_not_a_crash():
    """A kernel bug (a grid larger than the output) shows as a TilesimError
    naming the block and the Python source line; the arrays keep their
    contents."""
    a = np.ones(256, f32)
    c = np.zeros(128, f32)
    with pytest.raises(tilesim.TilesimError, match=r"(?s)block \(1,0,0\): view index 1 .*"
                                                   r"outside the index space.*cutile_kernels\.py"):
        tc.launch(K.axpby, 2, (a, a, c, 1.0, 1.0, 128))
    assert not c.any()


@needs_bytecode
def test_run_takes_cutile_bytecode_and_its_text():
    """tilesim.run on the exported bytecode itself (cuTile's convention
    spelled out), and on its disassembly: the same bits both ways."""
    r = rng(13)
    a, b = r.standard_normal(1000).astype(f32), r.standard_normal(1000).astype(f32)
    bc = tc.export(K.vector_add, (a, b, np.zeros(1000, f32), 128))
    c1, c2 = np.zeros(1000, f32), np.zeros(1000, f32)
    tilesim.run(bc, 8, a, b, c1, convention="cutile")
    tilesim.run(tilesim.load(bc).text, 8, a, b, c2, convention="cutile")
    np.testing.assert_array_equal(c1, a + b)
    np.testing.assert_array_equal(c2, c1)


@needs_bytecode
def test_tuple_parameter_and_int_scalar():
    """A tuple of arrays is flattened into the arguments (cutile_python_v2);
    a Python int is an int32 parameter."""
    a = np.arange(256, dtype=np.int32)
    b = np.full(256, 5, np.int32)
    c = np.zeros(256, np.int32)
    tc.launch(K.add_pair_shift, 2, ((a, b), c, -7, 128))
    np.testing.assert_array_equal(c, a + b - 7)


def bf16_bits(x):
    """float32 -> bfloat16 bits, rounding to nearest even."""
    u = np.asarray(x, f32).view(np.uint32).astype(np.uint64)
    return ((u + 0x7FFF + ((u >> 16) & 1)) >> 16).astype(np.uint16)


def bf16_values(bits):
    return (bits.astype(np.uint32) << 16).view(f32).astype(f64)


@needs_bytecode
@pytest.mark.parametrize("numerics", [None, "exact", "sm90", "sm100"])
def test_matmul_bf16_under_each_numerics(numerics):
    """bf16 data in uint16 arrays (tilesim.Array(..., "bf16")), and the
    matrix-unit models: sequential FMA, one rounding, Hopper's and
    Blackwell's tensor cores all stay within f32 accumulation error."""
    r = rng(14)
    ab = bf16_bits(r.standard_normal((64, 64)))
    bb = bf16_bits(r.standard_normal((64, 32)))
    C = np.zeros((64, 32), f32)
    tc.launch(K.matmul, (2, 2), (Array(ab, "bf16"), Array(bb, "bf16"), C, 32, 16, 32),
              numerics=numerics)
    np.testing.assert_allclose(C, bf16_values(ab) @ bf16_values(bb), rtol=1e-4, atol=1e-4)


@needs_bytecode
def test_specialized_assumptions_hold_and_are_checked():
    """The JIT-style assumptions launch() makes (shapes divisible by 16, ...)
    hold for the arrays it specialized for (check_assumes passes), and a
    module specialized for one array fails on an array that breaks them."""
    a = np.ones(256, f32)
    c = np.zeros(256, f32)
    tc.launch(K.vector_add, 2, (a, a, c, 128), check_assumes=True)
    np.testing.assert_array_equal(c, 2)
    bc = tc.export(K.vector_add, (a, a, c, 128))
    odd = np.ones(250, f32)
    with pytest.raises(tilesim.TilesimError, match="assumed predicate does not hold"):
        tilesim.run(bc, 2, odd, odd, np.zeros(250, f32), convention="cutile", check_assumes=True)
