"""Run CUDA Tile IR kernels on the CPU with numpy arrays.

    import numpy as np, tilesim
    a = np.arange(128, dtype=np.float32); b = np.ones(128, np.float32)
    c = np.zeros(128, np.float32)
    tilesim.run(open("vector_add.mlir").read(), 1, a, b, c)   # c = a + b

`run` takes Tile IR text or bytecode from any producer; `tilesim.cutile`
exports cuTile Python kernels with cuTile's own compiler and runs them.
"""

import ctypes
import os
import sys

import numpy as np

from . import _lib

__all__ = ["Module", "Array", "TilesimError", "run", "load", "version", "elem_type"]

BYTECODE_MAGIC = b"\x7fTileIR\x00"


class TilesimError(Exception):
    """A kernel that does not parse, verify or run; the message is tilesim's."""


def version():
    """The version of the loaded libtilesim."""
    return _lib.lib().tilesim_version().decode()


# numpy dtype names -> Tile IR element types; ml_dtypes' names where they differ
_ELEM = {
    "bool": "i1", "int8": "i8", "uint8": "i8", "int16": "i16", "uint16": "i16",
    "int32": "i32", "uint32": "i32", "int64": "i64", "uint64": "i64",
    "float16": "f16", "float32": "f32", "float64": "f64",
    "bfloat16": "bf16", "float8_e4m3fn": "f8E4M3FN", "float8_e5m2": "f8E5M2",
    "float8_e8m0fnu": "f8E8M0FNU", "float4_e2m1fn": "f4E2M1FN",
}
# bytes per element of each Tile IR type in a host array
_SIZE = {"i1": 1, "i4": 1, "i8": 1, "i16": 2, "i32": 4, "i64": 8, "f16": 2, "bf16": 2,
         "f32": 4, "f64": 8, "tf32": 4, "f8e4m3fn": 1, "f8e5m2": 1, "f8e8m0fnu": 1,
         "f8e5m3fnu": 1, "f4e2m1fn": 1}


def elem_type(dtype):
    """The Tile IR element type of a numpy dtype ("f32", "bf16", ...)."""
    dtype = np.dtype(dtype)
    try:
        return _ELEM[dtype.name]
    except KeyError:
        raise TypeError(f"no Tile IR element type for numpy dtype {dtype}; "
                        "wrap the array in tilesim.Array(a, type=...)") from None


class Array:
    """An array argument with an explicit element type or convention.

    type: the Tile IR element type of the bytes (e.g. "bf16" or "f8E4M3FN"
    for uint16/uint8 arrays holding those formats); None: from the dtype.
    cutile: True passes the array as cuTile does (pointer, shape, strides),
    False as one pointer; None follows run()'s `convention`.
    """

    def __init__(self, data, type=None, cutile=None):
        self.data = data
        self.type = type
        self.cutile = cutile


class _Diags:
    """Collects diagnostics from the library."""

    def __init__(self):
        self.texts = []
        self.fn = _lib.DIAG_FN(self._add)

    def _add(self, ud, sev, file, line, col, msg, text):
        if sev == 0:
            self.texts.append(text.decode(errors="replace"))

    def error(self, what):
        return TilesimError("\n".join(self.texts) or what)


class Module:
    """A parsed Tile IR module.

    source: text (str or bytes), bytecode (bytes starting with the
    bytecode magic), or an os.PathLike naming a file of either.
    """

    def __init__(self, source, name=None):
        if isinstance(source, os.PathLike):
            name = name or os.fspath(source)
            with open(source, "rb") as f:
                source = f.read()
        if isinstance(source, str):
            source = source.encode()
        source = bytes(source)
        name = (name or ("<bytecode>" if source.startswith(BYTECODE_MAGIC) else "<text>")).encode()
        lib = _lib.lib()
        diags = _Diags()
        if hasattr(lib, "tilesim_load"):
            h = lib.tilesim_load(name, source, len(source), diags.fn, None)
        elif source.startswith(BYTECODE_MAGIC):
            raise TilesimError("this libtilesim cannot read bytecode (it has no tilesim_load)")
        else:
            h = lib.tilesim_parse(name, source, len(source), diags.fn, None)
        if not h:
            raise diags.error("cannot read the module")
        self._h = h
        self._lib = lib

    def __del__(self):
        h, self._h = getattr(self, "_h", None), None
        if h:
            self._lib.tilesim_module_free(h)

    @property
    def text(self):
        """The module's canonical text."""
        p = self._lib.tilesim_print(self._h)
        if not p:
            raise MemoryError("tilesim_print")
        try:
            return ctypes.string_at(p).decode()
        finally:
            self._lib.tilesim_free(p)

    def verify(self):
        """Raise TilesimError with the verifier's messages if m is invalid."""
        diags = _Diags()
        if self._lib.tilesim_verify(self._h, diags.fn, None):
            raise diags.error("the module is invalid")

    def run(self, grid, *args, **kw):
        """run(self, grid, *args, **kw); see tilesim.run."""
        return run(self, grid, *args, **kw)


def load(source, name=None):
    """A Module from text, bytecode or a path (see Module)."""
    return source if isinstance(source, Module) else Module(source, name)


def _grid(grid):
    g = (grid,) if isinstance(grid, (int, np.integer)) else tuple(grid)
    if not 1 <= len(g) <= 3:
        raise ValueError(f"grid must have 1 to 3 dimensions, got {grid!r}")
    return (ctypes.c_uint * 3)(*(list(int(x) for x in g) + [1] * (3 - len(g))))


def _scalar(x, keep):
    a = _lib.Arg()
    if isinstance(x, Array):
        a.kind, a.type, a.bits = _lib.ARG_BITS, x.type.encode(), int(x.data)
    elif isinstance(x, (bool, np.bool_)):
        a.kind, a.i = _lib.ARG_INT, int(x)
    elif isinstance(x, np.generic):
        v = np.asarray(x)
        a.kind, a.type = _lib.ARG_BITS, elem_type(v.dtype).encode()
        a.bits = int(v.view(f"u{v.itemsize}")) if v.itemsize in (1, 2, 4, 8) else 0
    elif isinstance(x, int):
        a.kind, a.i = _lib.ARG_INT, x
    elif isinstance(x, float):
        a.kind, a.f = _lib.ARG_FLOAT, x
    else:
        raise TypeError(f"unsupported argument {x!r}")
    return a


class _Bound:
    """An array argument prepared for the library: the buffer it reads and
    writes, and where the results go back afterwards."""

    def __init__(self, arr, type, cutile):
        self.orig = arr if isinstance(arr, np.ndarray) and arr.flags.writeable else None
        work = np.asarray(arr)
        self.type = type or elem_type(work.dtype)
        size = _SIZE.get(self.type.lower())
        if size is None:
            raise TypeError(f"unknown Tile IR element type {self.type!r}")
        if work.itemsize != size:
            raise TypeError(f"a {self.type} array needs {size}-byte elements, "
                            f"the array has {work.itemsize}-byte {work.dtype}")
        # Tile IR's tensor views take positive strides only: other layouts
        # (reversed, broadcast) run on a row-major copy
        contiguous_enough = cutile and all(s > 0 and s % work.itemsize == 0
                                           for s, n in zip(work.strides, work.shape) if n > 1)
        if not (work.flags.c_contiguous or contiguous_enough) or not work.flags.writeable:
            work = np.array(work, order="C", copy=True)
        self.work = work
        self.copied = work is not arr

    def arg(self, cutile, keep):
        w = self.work
        a = _lib.Arg()
        a.kind = _lib.ARG_CUTILE if cutile else _lib.ARG_ARRAY
        a.type = self.type.encode()
        a.data = w.ctypes.data
        a.rank = w.ndim
        shape = (ctypes.c_longlong * max(w.ndim, 1))(*w.shape)
        # a dimension of one element may have any stride: give it a valid one
        strides = (ctypes.c_longlong * max(w.ndim, 1))(
            *(s // w.itemsize if n > 1 or s > 0 else 1 for s, n in zip(w.strides, w.shape)))
        keep += [shape, strides]
        a.shape, a.strides = shape, strides
        return a

    def finish(self):
        if self.copied and self.orig is not None:
            self.orig[...] = self.work.reshape(self.orig.shape).view(self.orig.dtype)


def run(kernel, grid, *args, entry=None, numerics=None, threads=0, max_iterations=0,
        check_assumes=False, convention="pointer", output=None):
    """Run a Tile IR kernel on the CPU; numpy arrays among args are updated
    in place with what the kernel stored.

    kernel: a Module, Tile IR text (str/bytes), bytecode (bytes) or a path
      (os.PathLike).
    grid: the tile grid, an int or a tuple of 1 to 3 ints.
    args: one per kernel parameter: Python int/float/bool (converted to the
      parameter's type), numpy scalars (their own type), numpy arrays (element
      type from the dtype) or tilesim.Array.
    entry: the entry to run (None: the only one).
    numerics: "fma", "exact", or a GPU profile ("sm90", "H100", ...); None:
      the default hardware description's profile (B200: "sm100"), as the CLI.
    convention: "pointer" (an array is one pointer parameter) or "cutile"
      (pointer, shape..., strides..., as cuTile Python passes arrays).
    output: where print_tko text goes: a callable taking a str, or None
      for sys.stdout.
    """
    if convention not in ("pointer", "cutile"):
        raise ValueError(f"convention must be 'pointer' or 'cutile', got {convention!r}")
    m = load(kernel)
    keep, cargs, bound = [], [], []
    for x in args:
        if isinstance(x, Array) and not isinstance(x.data, (np.ndarray, list, tuple)):
            cargs.append(_scalar(x, keep))
            continue
        data, type, cut = (x.data, x.type, x.cutile) if isinstance(x, Array) else (x, None, None)
        if isinstance(data, (np.ndarray, list, tuple)):
            cut = convention == "cutile" if cut is None else cut
            b = _Bound(data, type, cut)
            bound.append(b)
            cargs.append(b.arg(cut, keep))
        else:
            cargs.append(_scalar(x, keep))
    opts = _lib.RunOpts(int(threads), numerics.encode() if numerics else None,
                        int(max_iterations), int(bool(check_assumes)))
    write = output or sys.stdout.write
    out = _lib.OUT_FN(lambda ud, text: write(text.decode(errors="replace")))
    err = ctypes.create_string_buffer(8192)
    argv = (_lib.Arg * max(len(cargs), 1))(*cargs)
    rc = m._lib.tilesim_run(m._h, entry.encode() if entry else None, _grid(grid), argv,
                            len(cargs), ctypes.byref(opts), out, None, err, len(err))
    if rc:
        raise TilesimError(err.value.decode(errors="replace"))
    for b in bound:
        b.finish()
