"""cuTile Python kernels on the CPU.

    import cuda.tile as ct, numpy as np, tilesim.cutile

    @ct.kernel
    def vadd(a, b, c, tile: ct.Constant[int]):
        i = ct.bid(0)
        ct.store(c, index=(i,), tile=ct.load(a, index=(i,), shape=(tile,))
                                    + ct.load(b, index=(i,), shape=(tile,)))

    a = np.arange(1024, dtype=np.float32); b = np.ones_like(a); c = np.empty_like(a)
    tilesim.cutile.launch(vadd, (1024 // 128,), (a, b, c, 128))   # c = a + b

launch() exports the kernel's Tile IR bytecode with cuTile's own compiler
(cuda.tile.compilation.export_kernel, which needs neither a GPU nor the CUDA
driver), runs it in tilesim, and leaves the results in the numpy arrays.
Arguments follow cuTile's calling convention (cutile_python_v2): an array is
passed as its pointer, shape and strides (in elements); ct.Constant
parameters are folded into the kernel; tuples are flattened.
"""

import io
import weakref

import numpy as np

from . import Array, Module, elem_type, run

__all__ = ["launch", "export", "signature"]

# Tile IR element type -> cuTile dtype name; numpy's unsigned dtypes keep
# their own name (cuTile, unlike Tile IR, tells them apart)
_CT_NAME = {
    "i1": "bool_", "i8": "int8", "i16": "int16", "i32": "int32", "i64": "int64",
    "f16": "float16", "bf16": "bfloat16", "f32": "float32", "f64": "float64",
    "tf32": "tfloat32", "f8e4m3fn": "float8_e4m3fn", "f8e5m2": "float8_e5m2",
    "f8e8m0fnu": "float8_e8m0fnu", "f8e5m3fnu": "float8_e5m3fnu", "f4e2m1fn": "float4_e2m1fn",
}
_UNSIGNED = {"uint8", "uint16", "uint32", "uint64"}

_cache = weakref.WeakKeyDictionary()   # kernel -> {signature key: Module}


def _ct():
    try:
        import cuda.tile as ct
        import cuda.tile.compilation as cc
    except ImportError as e:
        raise ImportError("tilesim.cutile needs cuTile Python (pip install cuda-tile)") from e
    return ct, cc


def _dtype(ct, arr, type):
    """The cuTile dtype of an array argument, from its type or numpy dtype."""
    if type is None and np.dtype(arr.dtype).name in _UNSIGNED:
        return getattr(ct, np.dtype(arr.dtype).name)
    name = (type or elem_type(arr.dtype)).lower()
    if name not in _CT_NAME:
        raise TypeError(f"no cuTile dtype for Tile IR type {type!r}")
    return getattr(ct, _CT_NAME[name])


def _divisor(x, cap):
    """The largest power of two up to cap that divides x (x = 0: cap)."""
    d = 1
    while d < cap and x % (2 * d) == 0:
        d *= 2
    return d


def _array_constraint(ct, cc, arr, type, index_dtype, groups, specialize):
    """An ArrayConstraint for arr. With specialize, the assumptions cuTile's
    JIT would make for this very array: unit strides as constants, strides
    and shapes divisible by what they are divisible by (16 bytes, 16), the
    base 16-byte aligned (tilesim puts each array at an aligned address)."""
    itemsize = arr.itemsize
    strides = [s // itemsize for s in arr.strides]
    kw = {}
    if specialize:
        per16 = 16 // itemsize if 16 % itemsize == 0 else 1
        kw = dict(stride_constant=[1 if s == 1 else None for s in strides],
                  stride_divisible_by=[per16 if s % per16 == 0 and s != 1 else 1 for s in strides],
                  shape_divisible_by=[16 if n % 16 == 0 and n else 1 for n in arr.shape],
                  base_addr_divisible_by=16 if all(s >= 0 for s in strides) else 1)
    internal = any(s == 0 for s, n in zip(strides, arr.shape) if n > 1)
    return cc.ArrayConstraint(_dtype(ct, arr, type), arr.ndim, index_dtype=index_dtype,
                              stride_lower_bound_incl=0 if all(s >= 0 for s in strides) else None,
                              alias_groups=groups, may_alias_internally=internal, **kw)


class _Builder:
    """Walks the kernel's parameters and the launch arguments together,
    producing cuTile constraints and the flat tilesim argument list."""

    def __init__(self, ct, cc, specialize, arrays):
        self.ct, self.cc, self.specialize = ct, cc, specialize
        self.arrays = arrays          # every array argument, for alias groups
        self.flat = []                # tilesim.run's arguments
        self.key = []                 # what the exported code depends on

    def groups(self, arr):
        """Alias groups: two arrays whose memory ranges overlap share one."""
        n = len(self.arrays)
        return tuple(f"g{i}_{j}" for i in range(n) for j in range(i + 1, n)
                     if arr is self.arrays[i] or arr is self.arrays[j]
                     if np.may_share_memory(self.arrays[i], self.arrays[j]))

    def param(self, node, x):
        if getattr(node, "constant", False):
            self.key.append(("const", type(x), x))
            return self.cc.ConstantConstraint(x) if not isinstance(x, tuple) else \
                self.cc.TupleConstraint([self.cc.ConstantConstraint(v) for v in x])
        if isinstance(x, tuple):
            items = getattr(node, "items", None)
            each = getattr(node, "each", None)
            sub = [items[i] if items else each for i in range(len(x))]
            return self.cc.TupleConstraint([self.param(n, v) for n, v in zip(sub, x)])
        if isinstance(x, list):
            raise NotImplementedError("list parameters are not supported by tilesim.cutile")
        if isinstance(x, (np.ndarray, Array)) and not (isinstance(x, Array)
                                                        and not hasattr(x.data, "shape")):
            return self.array(node, x)
        return self.scalar(node, x)

    def array(self, node, x):
        arr, type = (x.data, x.type) if isinstance(x, Array) else (x, None)
        ann = getattr(node, "array", None)
        big = any(abs(v) >= 2 ** 31 for v in list(arr.shape) + [s // arr.itemsize for s in arr.strides])
        index = getattr(ann, "index_dtype", None) or (self.ct.int64 if big else self.ct.int32)
        c = _array_constraint(self.ct, self.cc, arr, type, index, self.groups(arr), self.specialize)
        self.key.append(("array", c.dtype, c.ndim, index, c.stride_constant, c.stride_divisible_by,
                         c.shape_divisible_by, c.alias_groups, c.may_alias_internally,
                         c.base_addr_divisible_by, c.stride_lower_bound_incl))
        self.flat.append(Array(arr, type, cutile=True))
        return c

    def scalar(self, node, x):
        ct = self.ct
        ann = getattr(node, "scalar", None)
        if isinstance(x, (bool, np.bool_)):
            dt = ct.bool_
        elif isinstance(x, int):
            dt = getattr(ann, "dtype", None) or ct.int32
        elif isinstance(x, float):          # np.float64 too, as in cuTile's JIT
            dt, x = ct.float32, float(x)
        elif isinstance(x, np.generic):
            dt = _dtype(ct, np.asarray(x), None)
        elif isinstance(x, Array):
            dt = _dtype(ct, np.zeros(0, np.uint8), x.type)
        else:
            raise TypeError(f"unsupported cuTile kernel argument {x!r}")
        self.key.append(("scalar", dt))
        self.flat.append(x)
        return self.cc.ScalarConstraint(dt)


def _build(kernel, args, specialize):
    ct, cc = _ct()
    if not isinstance(kernel, ct.kernel):
        raise TypeError("expected a @ct.kernel function")
    nodes = kernel._annotated_function.parameter_annotations
    args = tuple(args)
    if len(args) != len(nodes):
        raise TypeError(f"the kernel takes {len(nodes)} arguments, {len(args)} given")
    arrays = [x.data if isinstance(x, Array) else x for x in args]
    arrays = [a for a in _leaves(arrays) if isinstance(a, np.ndarray)]
    b = _Builder(ct, cc, specialize, arrays)
    params = [b.param(n, x) for n, x in zip(nodes, args)]
    return b, cc.KernelSignature(params, cc.CallingConvention.cutile_python_v2())


def _leaves(xs):
    for x in xs:
        if isinstance(x, tuple):
            yield from _leaves(x)
        else:
            yield x


def signature(kernel, args, *, specialize=True):
    """The cuTile KernelSignature tilesim uses for these launch arguments."""
    return _build(kernel, args, specialize)[1]


def export(kernel, args, *, bytecode_version="13.3", specialize=True):
    """The Tile IR bytecode cuTile produces for kernel with these arguments."""
    _, cc = _ct()
    sig = signature(kernel, args, specialize=specialize)
    buf = io.BytesIO()
    cc.export_kernel(kernel, [sig], buf, output_format="tileir_bytecode",
                     bytecode_version=bytecode_version)
    return buf.getvalue()


def _module(kernel, b, sig, bytecode_version):
    _, cc = _ct()
    per = _cache.setdefault(kernel, {})
    key = (repr(b.key), bytecode_version)
    m = per.get(key)
    if m is None:
        buf = io.BytesIO()
        cc.export_kernel(kernel, [sig], buf, output_format="tileir_bytecode",
                         bytecode_version=bytecode_version)
        m = per[key] = Module(buf.getvalue(), name=kernel._pyfunc.__name__ + ".tileirbc")
    return m


def launch(kernel, grid, args, *, numerics=None, threads=0, bytecode_version="13.3",
           specialize=True, check_assumes=False, max_iterations=0, output=None):
    """Run a cuTile kernel on the CPU, as ct.launch(stream, grid, kernel, args)
    would on a GPU; numpy arrays in args receive the kernel's stores.

    grid: an int or a tuple of 1 to 3 ints.  args: one per kernel parameter:
    numpy arrays (or tilesim.Array for bf16/fp8 data held in uint16/uint8
    arrays), Python or numpy scalars, values of ct.Constant parameters,
    tuples of these.  numerics, threads, check_assumes, max_iterations,
    output: as tilesim.run.  specialize: make the assumptions cuTile's JIT
    makes for these arrays (unit strides, divisibility); False exports code
    valid for any array.  Exported modules are cached per kernel and
    signature.
    """
    b, sig = _build(kernel, args, specialize)
    m = _module(kernel, b, sig, bytecode_version)
    run(m, grid, *b.flat, numerics=numerics, threads=threads, check_assumes=check_assumes,
        max_iterations=max_iterations, output=output)
