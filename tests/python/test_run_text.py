"""tilesim.run on Tile IR text: every example's RUN lines with numpy
arrays, and the API's argument handling and errors."""

import glob
import os
import pathlib
import re
import shlex

import numpy as np
import pytest

import tilesim
from tilesim import Array, TilesimError
from conftest import SRCDIR

EXAMPLES = sorted(glob.glob(os.path.join(SRCDIR, "examples", "*.mlir")))
_NP = {"f16": np.float16, "f32": np.float32, "f64": np.float64, "i8": np.int8,
       "i16": np.int16, "i32": np.int32, "i64": np.int64}


def run_lines():
    for path in EXAMPLES:
        with open(path) as f:
            for n, line in enumerate(f, 1):
                if line.startswith("// RUN: run %s"):
                    yield pytest.param(path, line[len("// RUN: run %s"):],
                                       id=f"{os.path.basename(path)}:{n}")


def load_npy(spec, directory):
    """'@%S/x.npy[:TYPE]' -> an array (bf16, fp8 arrays wrapped with their type)."""
    path, _, typ = spec[1:].replace("%S", directory).partition(".npy")
    a = np.load(path + ".npy")
    typ = typ.lstrip(":")
    if a.dtype.kind == "V":
        return Array(a.view(f"u{a.itemsize}"), typ)
    return a


def parse_run(path, rest):
    """A RUN line's options and arguments as tilesim.run takes them."""
    directory = os.path.dirname(path)
    opts, args, expects, tol = {}, [], [], {"atol": 0.0, "rtol": 0.0}
    words = shlex.split(rest)
    i = 0
    while i < len(words):
        w = words[i]
        if w == "--grid":
            opts["grid"] = tuple(int(x) for x in words[i + 1].split(","))
        elif w == "--entry":
            opts["entry"] = words[i + 1]
        elif w == "--expect":
            name, spec = words[i + 1].split("=", 1)
            expects.append((name, load_npy(spec, directory)))
        elif w in ("--atol", "--rtol"):
            tol[w[2:]] = float(words[i + 1])
        elif w.startswith("--"):
            pytest.skip(f"option {w} is not used by these tests")
        else:
            args.append(w)
            i += 1
            continue
        i += 2
    values = []
    for a in args:
        if a.startswith("@"):
            values.append(load_npy(a, directory))
        elif a.startswith("zeros:"):
            _, t, dims = a.split(":")
            values.append(np.zeros([int(d) for d in dims.split("x")], _NP[t]))
        else:
            t, v = a.split(":")
            values.append(np.dtype(_NP[t]).type(v))
    return opts, values, expects, tol


def param_names(text, entry):
    """The entry's parameter names, in order."""
    pat = r"entry @%s\((.*?)\)\s*\{" % (re.escape(entry) if entry else r"\w+")
    return re.findall(r"%(\w+)\s*:", re.search(pat, text, re.S).group(1))


@pytest.mark.parametrize("path,rest", list(run_lines()))
def test_example_run_lines(path, rest):
    """Each example's RUN line, its tolerance and reference as tilesim run has them."""
    opts, values, expects, tol = parse_run(path, rest)
    with open(path) as f:
        text = f.read()
    tilesim.run(text, opts.get("grid", 1), *values, entry=opts.get("entry"))
    names = param_names(text, opts.get("entry"))
    for name, want in expects:
        got = values[names.index(name)]
        got = got.data if isinstance(got, Array) else got
        np.testing.assert_allclose(got.astype(np.float64), want.astype(np.float64),
                                   atol=tol["atol"], rtol=tol["rtol"], err_msg=name)


VADD = pathlib.Path(SRCDIR, "examples", "vector_add.mlir")


def vadd_args(n=1000):
    rng = np.random.default_rng(1)
    a = rng.standard_normal(n).astype(np.float32)
    b = rng.standard_normal(n).astype(np.float32)
    return a, b, np.zeros(n, np.float32)


def test_run_text_path_and_module():
    """Text as str, bytes, a path and a Module give the same exact result."""
    a, b, c = vadd_args()
    with open(VADD) as f:
        text = f.read()
    m = tilesim.load(text)
    for kernel in (text, text.encode(), VADD, m):
        c[:] = 0
        tilesim.run(kernel, 8, a, b, c, 1000)
        np.testing.assert_array_equal(c, a + b)
    assert "entry @vector_add" in m.text


def test_threads_and_numerics_keep_vector_add_exact():
    a, b, c = vadd_args()
    for threads, numerics in ((1, None), (4, "exact"), (2, "sm90")):
        c[:] = 0
        tilesim.run(VADD, (8, 1, 1), a, b, c, 1000, threads=threads, numerics=numerics)
        np.testing.assert_array_equal(c, a + b)


def test_default_numerics_is_the_default_descriptions():
    """Without numerics, mmaf accumulates as `tilesim run` does: the default
    hardware description's profile (b200: sm100).  tests/run/mma_numerics
    has one dot product whose sm100, fma and exact results differ."""
    data = os.path.join(SRCDIR, "tests", "data", "run")
    kernel = pathlib.Path(SRCDIR, "tests", "run", "mma_numerics.mlir").read_text()
    a, b = np.load(os.path.join(data, "mma_a.npy")), np.load(os.path.join(data, "mma_b.npy"))
    want = {n: np.load(os.path.join(data, f"mma_{n}.npy")) for n in ("sm100", "fma", "exact")}
    assert len({w.tobytes() for w in want.values()}) == 3
    for numerics, expect in ((None, "sm100"), ("sm100", "sm100"), ("fma", "fma"), ("exact", "exact")):
        c = np.zeros((1, 1), np.float32)
        tilesim.run(kernel, (1, 1, 1), a, b, c, 1, 1, 16, numerics=numerics)
        assert c.tobytes() == want[expect].tobytes(), numerics


def test_noncontiguous_arrays_are_copied_in_and_out():
    """A strided view runs as a contiguous copy and gets its results back."""
    a, b, _ = vadd_args(256)
    big = np.zeros((256, 2), np.float32)
    out = big[:, 1]                       # stride 8 bytes
    tilesim.run(VADD, 2, a[::-1], b, out, 256)
    np.testing.assert_array_equal(big[:, 1], a[::-1] + b)
    np.testing.assert_array_equal(big[:, 0], 0)


def test_runtime_error_is_an_exception_with_location():
    a, b, c = vadd_args()
    with pytest.raises(TilesimError, match=r"vector_add\.mlir:\d+:\d+: error: block \(7,0,0\): "
                                           r"load out of bounds"):
        tilesim.run(VADD, 8, a, b, c, 1024)
    assert not c.any(), "arrays are not written back after a failed run"


@pytest.mark.parametrize("args,message", [
    ((), "too few arguments"),
    ((np.zeros(4, np.float32),) * 3 + (1000, 7), "too many arguments"),
    ((np.zeros(4, np.float32),) * 3 + (1.5,), "is a float but the parameter has type tile<i32>"),
    ((np.zeros(4, np.float32),) * 3 + (2 ** 40,), "does not fit in i32"),
    ((np.zeros(4, np.int32),) + (np.zeros(4, np.float32),) * 2 + (4,),
     "has elements of i32, the parameter points to f32"),
    ((np.zeros(4, np.float32),) * 3 + (np.float32(4),), "is a f32 scalar but the parameter has type tile<i32>"),
    ((np.zeros(4, np.float32), 1.0, np.zeros(4, np.float32), 4), "is a scalar but the parameter has type"),
])
def test_argument_errors(args, message):
    with pytest.raises(TilesimError, match=re.escape(message)):
        tilesim.run(VADD, 1, *args)


def test_parse_and_verify_errors():
    with pytest.raises(TilesimError, match="unknown operation"):
        tilesim.run("cuda_tile.module @m { bogus }", 1)
    bad = ("cuda_tile.module @m {\n  entry @e(%x: tile<f32>) {\n"
           "    %y = addf %x, %x : tile<3xf32>\n  }\n}\n")
    with pytest.raises(TilesimError, match="error"):
        tilesim.run(bad, 1, 1.0)


def test_entry_selection_and_bad_grid():
    path = pathlib.Path(SRCDIR, "examples", "softmax.mlir")
    x = np.zeros((2, 8), np.float32)
    with pytest.raises(TilesimError, match="several entries"):
        tilesim.run(path, 1, x, x.copy(), 2, 8)
    with pytest.raises(TilesimError, match="no entry named 'nope'"):
        tilesim.run(path, 1, x, x.copy(), 2, 8, entry="nope")
    with pytest.raises(ValueError):
        tilesim.run(path, (1, 1, 1, 1), x, entry="softmax")
    with pytest.raises(TilesimError, match="unknown numerics"):
        tilesim.run(path, 1, x, x.copy(), 2, 8, entry="softmax",
                    numerics="nope")


STRIDED = """cuda_tile.module @m {
  entry @scale(%p: tile<ptr<f32>>, %n: tile<i32>, %s: tile<i32>, %k: tile<f32>) {
    %v = make_tensor_view %p, shape = [%n], strides = [%s] : tile<i32> -> tensor_view<?xf32, strides=[?]>
    %pv = make_partition_view %v : partition_view<tile=(8), tensor_view<?xf32, strides=[?]>>
    %i, %j, %l = get_tile_block_id : tile<i32>
    %x, %t = load_view_tko weak %pv[%i] : partition_view<tile=(8), tensor_view<?xf32, strides=[?]>>, tile<i32> -> tile<8xf32>, token
    %k1 = reshape %k : tile<f32> -> tile<1xf32>
    %kv = broadcast %k1 : tile<1xf32> -> tile<8xf32>
    %y = mulf %x, %kv rounding<nearest_even> : tile<8xf32>
    %t2 = store_view_tko weak %y, %pv[%i] token = %t : tile<8xf32>, partition_view<tile=(8), tensor_view<?xf32, strides=[?]>>, tile<i32> -> token
    %t3 = print_tko "block %d\\n", %i : tile<i32> -> token
  }
}
"""


def test_cutile_convention_passes_strides_and_keeps_gaps():
    """convention='cutile': pointer, shape, strides; a strided view is
    passed as it is (no copy), and bytes between its elements are kept."""
    base = np.arange(64, dtype=np.float32)
    view = base[::4]                      # 16 elements, stride 4
    printed = []
    tilesim.run(STRIDED, 2, view, 3.0, convention="cutile", output=printed.append)
    want = np.arange(64, dtype=np.float32)
    want[::4] *= 3
    np.testing.assert_array_equal(base, want)
    assert "".join(printed) == "block 0\nblock 1\n"
    # Tile IR strides are positive: a reversed view runs on a copy
    base = np.arange(16, dtype=np.float32)
    tilesim.run(STRIDED, 2, Array(base[::-1], cutile=True), np.float32(0.5),
                output=lambda s: None)
    np.testing.assert_array_equal(base, np.arange(16, dtype=np.float32) * 0.5)


def test_readonly_input_is_not_written():
    a, b, c = vadd_args(128)
    a.flags.writeable = False
    tilesim.run(VADD, 1, a, b, c, 128)
    np.testing.assert_array_equal(c, a + b)


def test_version():
    assert re.match(r"\d+\.\d+\.\d+", tilesim.version())
