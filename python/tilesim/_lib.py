"""ctypes bindings of libtilesim's public C API (include/tilesim.h)."""

import ctypes
import ctypes.util
import glob
import os

DIAG_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p,
                           ctypes.c_uint, ctypes.c_uint, ctypes.c_char_p, ctypes.c_char_p)
OUT_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p)

ARG_INT, ARG_FLOAT, ARG_BITS, ARG_ARRAY, ARG_CUTILE = range(5)


class Arg(ctypes.Structure):
    _fields_ = [("kind", ctypes.c_int), ("type", ctypes.c_char_p), ("i", ctypes.c_longlong),
                ("f", ctypes.c_double), ("bits", ctypes.c_ulonglong), ("data", ctypes.c_void_p),
                ("rank", ctypes.c_int), ("shape", ctypes.POINTER(ctypes.c_longlong)),
                ("strides", ctypes.POINTER(ctypes.c_longlong))]


class RunOpts(ctypes.Structure):
    _fields_ = [("threads", ctypes.c_int), ("numerics", ctypes.c_char_p),
                ("max_iterations", ctypes.c_ulonglong), ("check_assumes", ctypes.c_int)]


def _candidates():
    """Where libtilesim may be, in the order it is looked for."""
    env = os.environ.get("TILESIM_LIB")
    if env:
        # an explicit choice is the only one: a wrong path must not fall back
        if os.path.isdir(env):
            return sorted(glob.glob(os.path.join(env, "libtilesim.so*"))) + \
                sorted(glob.glob(os.path.join(env, ".libs", "libtilesim.so*")))
        return [env]
    here = os.path.dirname(os.path.abspath(__file__))
    found = sorted(glob.glob(os.path.join(here, "libtilesim.so*")))
    # a source checkout built in place: python/tilesim/ -> ../../.libs
    found += sorted(glob.glob(os.path.join(here, "..", "..", ".libs", "libtilesim.so*")))
    name = ctypes.util.find_library("tilesim")
    return found + [name or "libtilesim.so.0"]


def _declare(lib):
    lib.tilesim_version.restype = ctypes.c_char_p
    lib.tilesim_version.argtypes = []
    lib.tilesim_parse.restype = ctypes.c_void_p
    lib.tilesim_parse.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t, DIAG_FN,
                                  ctypes.c_void_p]
    lib.tilesim_verify.restype = ctypes.c_uint
    lib.tilesim_verify.argtypes = [ctypes.c_void_p, DIAG_FN, ctypes.c_void_p]
    lib.tilesim_print.restype = ctypes.c_void_p
    lib.tilesim_print.argtypes = [ctypes.c_void_p]
    lib.tilesim_free.restype = None
    lib.tilesim_free.argtypes = [ctypes.c_void_p]
    lib.tilesim_module_free.restype = None
    lib.tilesim_module_free.argtypes = [ctypes.c_void_p]
    lib.tilesim_run.restype = ctypes.c_int
    lib.tilesim_run.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint * 3,
                                ctypes.POINTER(Arg), ctypes.c_int, ctypes.POINTER(RunOpts),
                                OUT_FN, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
    if hasattr(lib, "tilesim_load"):
        lib.tilesim_load.restype = ctypes.c_void_p
        lib.tilesim_load.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t, DIAG_FN,
                                     ctypes.c_void_p]
    return lib


_lib = None


def lib():
    """The loaded library (loaded on first use)."""
    global _lib
    if _lib is None:
        errors = []
        for path in _candidates():
            try:
                found = ctypes.CDLL(path)
            except OSError as e:
                errors.append(str(e))
                continue
            if not hasattr(found, "tilesim_run"):
                errors.append(f"{path}: too old (no tilesim_run)")
                continue
            _lib = _declare(found)
            break
        else:
            raise OSError("cannot load libtilesim (set TILESIM_LIB to its path): "
                          + "; ".join(errors))
    return _lib
