"""cuTile Python kernels the tests export with cuTile and run in tilesim.

Each is written for these tests: small tiles, the usual cuTile idioms
(partition loads and stores, mma in a K loop, reductions, online softmax).
"""

import cuda.tile as ct

ConstInt = ct.Constant[int]


@ct.kernel
def vector_add(a, b, c, TILE: ConstInt):
    """c = a + b; the last tile may be partial (loads pad, stores clip)."""
    i = ct.bid(0)
    x = ct.load(a, index=(i,), shape=(TILE,), padding_mode=ct.PaddingMode.ZERO)
    y = ct.load(b, index=(i,), shape=(TILE,), padding_mode=ct.PaddingMode.ZERO)
    ct.store(c, index=(i,), tile=x + y)


@ct.kernel
def axpby(x, y, out, alpha: float, beta: float, TILE: ConstInt):
    """out = alpha * x + beta * y, with run-time float scalars."""
    i = ct.bid(0)
    u = ct.load(x, index=(i,), shape=(TILE,))
    v = ct.load(y, index=(i,), shape=(TILE,))
    ct.store(out, index=(i,), tile=u * alpha + v * beta)


@ct.kernel
def matmul(A, B, C, TM: ConstInt, TN: ConstInt, TK: ConstInt):
    """C = A @ B: f16 inputs, f32 accumulator, one TM x TN tile per block."""
    bm, bn = ct.bid(0), ct.bid(1)
    acc = ct.full((TM, TN), 0, dtype=ct.float32)
    for k in range(ct.num_tiles(A, axis=1, shape=(TM, TK))):
        a = ct.load(A, index=(bm, k), shape=(TM, TK), padding_mode=ct.PaddingMode.ZERO)
        b = ct.load(B, index=(k, bn), shape=(TK, TN), padding_mode=ct.PaddingMode.ZERO)
        acc = ct.mma(a, b, acc)
    ct.store(C, index=(bm, bn), tile=acc.astype(C.dtype))


@ct.kernel
def batched_matmul(A, B, C, TM: ConstInt, TN: ConstInt, TK: ConstInt):
    """C[z] = A[z] @ B[z] for each batch z = bid(2)."""
    bm, bn, z = ct.bid(0), ct.bid(1), ct.bid(2)
    acc = ct.full((TM, TN), 0, dtype=ct.float32)
    for k in range(ct.num_tiles(A, axis=2, shape=(1, TM, TK))):
        a = ct.load(A, index=(z, bm, k), shape=(1, TM, TK)).reshape((TM, TK))
        b = ct.load(B, index=(z, k, bn), shape=(1, TK, TN)).reshape((TK, TN))
        acc = ct.mma(a, b, acc)
    ct.store(C, index=(z, bm, bn), tile=acc.reshape((1, TM, TN)))


@ct.kernel
def softmax(X, Y, TM: ConstInt, TN: ConstInt):
    """Row softmax of TM rows per block; columns past the array's width
    load as -inf, so they add exp(-inf) = 0 to the row sums."""
    i = ct.bid(0)
    x = ct.load(X, index=(i, 0), shape=(TM, TN), padding_mode=ct.PaddingMode.NEG_INF)
    m = ct.max(x, axis=1, keepdims=True)
    e = ct.exp(x - m)
    s = ct.sum(e, axis=1, keepdims=True)
    ct.store(Y, index=(i, 0), tile=e / s)


@ct.kernel
def layernorm(X, W, Bias, Y, eps: float, TM: ConstInt, TN: ConstInt):
    """y = (x - mean) / sqrt(var + eps) * w + b over rows of width TN."""
    i = ct.bid(0)
    x = ct.load(X, index=(i, 0), shape=(TM, TN))
    mean = ct.sum(x, axis=1, keepdims=True) / TN
    d = x - mean
    var = ct.sum(d * d, axis=1, keepdims=True) / TN
    r = ct.rsqrt(var + eps)
    w = ct.load(W, index=(0,), shape=(TN,)).reshape((1, TN))
    b = ct.load(Bias, index=(0,), shape=(TN,)).reshape((1, TN))
    ct.store(Y, index=(i, 0), tile=d * r * w + b)


@ct.kernel
def attention(Q, K, V, Out, scale: float, TM: ConstInt, TN: ConstInt, D: ConstInt):
    """Attention forward, flash style: for TM query rows, walk the keys
    TN at a time keeping the running row max, row sum and output."""
    i = ct.bid(0)
    q = ct.load(Q, index=(i, 0), shape=(TM, D))
    m = ct.full((TM, 1), -float("inf"), dtype=ct.float32)
    l = ct.full((TM, 1), 0, dtype=ct.float32)
    acc = ct.full((TM, D), 0, dtype=ct.float32)
    for j in range(ct.num_tiles(K, axis=0, shape=(TN, D))):
        k = ct.load(K, index=(j, 0), shape=(TN, D))
        s = ct.mma(q, ct.transpose(k), ct.full((TM, TN), 0, dtype=ct.float32)) * scale
        m_new = ct.maximum(m, ct.max(s, axis=1, keepdims=True))
        p = ct.exp(s - m_new)
        alpha = ct.exp(m - m_new)
        l = l * alpha + ct.sum(p, axis=1, keepdims=True)
        v = ct.load(V, index=(j, 0), shape=(TN, D))
        acc = ct.mma(p.astype(V.dtype), v, acc * alpha)
        m = m_new
    ct.store(Out, index=(i, 0), tile=(acc / l).astype(Out.dtype))


@ct.kernel
def reduce_rows(X, RowSum, RowMax, Total, TM: ConstInt, TN: ConstInt):
    """Per-row sums and maxima of TM rows per block, and the sum of all
    elements, each block adding its part to Total[0] atomically."""
    i = ct.bid(0)
    x = ct.load(X, index=(i, 0), shape=(TM, TN))
    rs = ct.sum(x, axis=1)
    ct.store(RowSum, index=(i,), tile=rs)
    ct.store(RowMax, index=(i,), tile=ct.max(x, axis=1))
    ct.atomic_add(Total, 0, ct.sum(rs))


@ct.kernel
def fp8_matmul(A, B, C, scale: float, TM: ConstInt, TN: ConstInt, TK: ConstInt):
    """C = scale * (A @ B) with A, B in float8_e4m3fn, f32 accumulator."""
    bm, bn = ct.bid(0), ct.bid(1)
    acc = ct.full((TM, TN), 0, dtype=ct.float32)
    for k in range(ct.num_tiles(A, axis=1, shape=(TM, TK))):
        a = ct.load(A, index=(bm, k), shape=(TM, TK))
        b = ct.load(B, index=(k, bn), shape=(TK, TN))
        acc = ct.mma(a, b, acc)
    ct.store(C, index=(bm, bn), tile=acc * scale)


@ct.kernel
def block_scaled_matmul(A, AS, B, BS, C, TM: ConstInt, TN: ConstInt, TK: ConstInt):
    """C = (A * AS) @ (B * BS): float8_e4m3fn data, one float8_e8m0fnu
    scale per 32 elements along K."""
    bm, bn = ct.bid(0), ct.bid(1)
    acc = ct.full((TM, TN), 0, dtype=ct.float32)
    for k in range(ct.num_tiles(A, axis=1, shape=(TM, TK))):
        a = ct.load(A, index=(bm, k), shape=(TM, TK))
        sa = ct.load(AS, index=(bm, k), shape=(TM, TK // 32))
        b = ct.load(B, index=(k, bn), shape=(TK, TN))
        sb = ct.load(BS, index=(k, bn), shape=(TK // 32, TN))
        acc = ct.mma_scaled(a, sa, b, sb, acc)
    ct.store(C, index=(bm, bn), tile=acc)


@ct.kernel
def add_pair_shift(pair, c, shift: int, TILE: ConstInt):
    """c = pair[0] + pair[1] + shift: a tuple parameter (flattened by the
    calling convention) and a run-time integer scalar."""
    i = ct.bid(0)
    a, b = pair
    x = ct.load(a, index=(i,), shape=(TILE,))
    y = ct.load(b, index=(i,), shape=(TILE,))
    ct.store(c, index=(i,), tile=x + y + shift)
