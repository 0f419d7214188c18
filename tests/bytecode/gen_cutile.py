# gen_cutile.py -- regenerate the cutile-*/in.tileirbc cases: kernels written
# for these tests, exported as bytecode by cuTile Python itself (no GPU
# needed: export_kernel with output_format="tileir_bytecode").  Each case's
# x_output is `tilesim dis in.tileirbc`, checked against the kernel by hand
# when it was made.
#
#   pip install cuda-tile numpy; cd tests/bytecode; python3 gen_cutile.py
#   for d in cutile-*/; do (cd $d && tilesim dis in.tileirbc > x_output); done
import os
import cuda.tile as ct
from cuda.tile.compilation import export_kernel, KernelSignature, ArrayConstraint, ScalarConstraint, CallingConvention

def arr(dt, nd):
    return ArrayConstraint(dt, nd, index_dtype=ct.int32, stride_lower_bound_incl=0, alias_groups=(), may_alias_internally=False)
cc = CallingConvention.cutile_python_v1()

@ct.kernel
def vadd(a, b, c):
    bid = ct.bid(0)
    x = ct.load(a, index=(bid,), shape=(128,))
    y = ct.load(b, index=(bid,), shape=(128,))
    ct.store(c, index=(bid,), tile=x + y)

@ct.kernel
def softmax(x, y, TILE: ct.Constant[int]):
    row = ct.bid(0)
    t = ct.load(x, index=(row, 0), shape=(1, TILE))
    m = ct.max(t, axis=1, keepdims=True)
    e = ct.exp(t - m)
    s = ct.sum(e, axis=1, keepdims=True)
    ct.store(y, index=(row, 0), tile=e / s)

@ct.kernel
def matmul(a, b, c, TM: ct.Constant[int], TN: ct.Constant[int], TK: ct.Constant[int]):
    bm = ct.bid(0)
    bn = ct.bid(1)
    nk = ct.num_tiles(a, axis=1, shape=(TM, TK))
    acc = ct.full((TM, TN), 0, dtype=ct.float32)
    for k in range(nk):
        ta = ct.load(a, index=(bm, k), shape=(TM, TK))
        tb = ct.load(b, index=(k, bn), shape=(TK, TN))
        acc = ct.mma(ta, tb, acc)
    ct.store(c, index=(bm, bn), tile=acc.astype(c.dtype))

@ct.kernel
def scale_ptr(x, y, alpha, n):
    i = ct.bid(0) * 64 + ct.arange(64, dtype=ct.int32)
    v = ct.gather(x, i)
    ct.scatter(y, i, v * alpha)

jobs = [
  ("vadd", vadd, [arr(ct.float32,1)] * 3),
  ("softmax", softmax, [arr(ct.float32,2), arr(ct.float32,2), 64]),
  ("matmul", matmul, [arr(ct.float16,2), arr(ct.float16,2), arr(ct.float32,2), 32, 32, 16]),
  ("scale_ptr", scale_ptr, [arr(ct.float32,1), arr(ct.float32,1), ScalarConstraint(ct.float32), ScalarConstraint(ct.int32)]),
]
for name, k, params in jobs:
    for v in ["13.1", "13.3", "13.4"]:
        # architecture-independent bytecode needs 13.3; older ones name a GPU
        os.makedirs(f"cutile-{name}-{v}", exist_ok=True)
        try:
            export_kernel(k, [KernelSignature(params, calling_convention=cc)], os.path.join(f"cutile-{name}-{v}", "in.tileirbc"),
                          output_format="tileir_bytecode", bytecode_version=v,
                          gpu_code=(None if v >= "13.3" else "sm_100"))
            print("wrote", name, v)
        except Exception as e:
            print("FAILED", name, v, type(e).__name__, str(e)[:200])
