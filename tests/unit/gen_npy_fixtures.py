#!/usr/bin/env python3
"""Write the .npy and .npz fixtures of tests/unit/sim_npy.c into tests/data/npy/.

Needs numpy and ml_dtypes (pip install numpy ml_dtypes).  The files are
committed; rerun this only to change them.  The values below are repeated
as constants (bit patterns) in tests/unit/sim_npy.c, which checks what
tilesim reads against them -- so keep the two in step.

With --rand, print instead what `rand:T:6:seed=7` must hold (the
rand_known_values test), rounded by numpy and ml_dtypes, not by tilesim.
"""
import os
import sys

import ml_dtypes
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "npy")

# One 2x3 array per plain dtype, with each type's extremes.
PLAIN = {
    "f2": [[1.0, -2.0, 0.5], [65504.0, 2.0**-24, -0.0]],
    "f4": [[1.5, -2.25, 0.1], [3.4028234663852886e38, 1e-45, float("inf")]],
    "f8": [[1.5, -2.25, 0.1], [1.7976931348623157e308, 5e-324, float("-inf")]],
    "i1": [[0, 1, -2], [127, -128, 5]],
    "i2": [[0, 1, -2], [32767, -32768, 300]],
    "i4": [[0, 1, -2], [2**31 - 1, -2**31, 70000]],
    "i8": [[0, 1, -2], [2**63 - 1, -2**63, 2**40]],
    "u1": [[0, 1, 2], [255, 128, 7]],
    "u2": [[0, 1, 2], [65535, 32768, 300]],
    "u4": [[0, 1, 2], [2**32 - 1, 2**31, 70000]],
    "u8": [[0, 1, 2], [2**64 - 1, 2**63, 2**40]],
    "b1": [[True, False, True], [False, False, True]],
}

# ml_dtypes types, 1-d; every value exactly representable.
ML = {
    "bf16": (ml_dtypes.bfloat16, [1.0, -2.0, 0.5, 3.0]),
    "e4m3fn": (ml_dtypes.float8_e4m3fn, [1.0, -2.0, 0.5, 448.0]),
    "e5m2": (ml_dtypes.float8_e5m2, [1.0, -2.0, 0.5, 57344.0]),
    "e8m0": (ml_dtypes.float8_e8m0fnu, [1.0, 2.0, 0.5, 2.0**-127]),
    "e2m1": (ml_dtypes.float4_e2m1fn, [1.0, -2.0, 0.5, 6.0, -0.5]),
    "int4": (ml_dtypes.int4, [1, -2, 7, -8]),
}


def save(name, a):
    np.save(os.path.join(OUT, name), a)


def write_version(name, a, version):
    with open(os.path.join(OUT, name), "wb") as f:
        np.lib.format.write_array(f, a, version=version)


def main():
    os.makedirs(OUT, exist_ok=True)
    for code, vals in PLAIN.items():
        dt = "|b1" if code == "b1" else ("|" if code[1] == "1" else "<") + code
        save(code + ".npy", np.array(vals, dtype=dt))
    for code in ("f2", "f4", "i8", "u2"):          # big-endian copies
        save("be_" + code + ".npy", np.array(PLAIN[code], dtype=">" + code))
    for name, (t, vals) in ML.items():
        save(name + ".npy", np.array(vals, dtype=t))
    # Fortran order: 2x3 i2 (the i2 values) and 2x3x4 big-endian i4 0..23.
    save("fortran_i2.npy", np.asfortranarray(np.array(PLAIN["i2"], dtype="<i2")))
    save("fortran_be_i4.npy",
         np.asfortranarray(np.arange(24, dtype=">i4").reshape(2, 3, 4)))
    save("scalar_f8.npy", np.array(3.5, dtype="<f8"))        # 0-d
    save("empty_f4.npy", np.zeros((0, 3), dtype="<f4"))
    six = np.arange(6, dtype="<i4").reshape(2, 3)
    write_version("v2_i4.npy", six, (2, 0))
    write_version("v3_i4.npy", six, (3, 0))
    members = dict(a=np.array(PLAIN["f4"], dtype="<f4"),
                   b=np.array([10, -20, 30, -40], dtype="<i8"),
                   c=np.array(7, dtype="<i2"))
    np.savez(os.path.join(OUT, "stored.npz"), **members)
    np.savez_compressed(os.path.join(OUT, "deflated.npz"), **members)
    np.savez_compressed(os.path.join(OUT, "single.npz"),
                        only=np.arange(5, dtype="|u1"))


def splitmix64(seed, i):
    """The i-th output of splitmix64 from seed, as sim_npy.c's rand uses it."""
    m = 2**64 - 1
    z = (seed + (i + 1) * 0x9E3779B97F4A7C15) & m
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & m
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & m
    return z ^ (z >> 31)


def rand_reference():
    xs = [splitmix64(7, i) for i in range(6)]
    floats = [((x >> 11) - 2**52) * 2.0**-52 for x in xs]
    for name, t, view in (("bf16", ml_dtypes.bfloat16, np.uint16), ("f16", np.float16, np.uint16),
                          ("f8E4M3FN", ml_dtypes.float8_e4m3fn, np.uint8)):
        bits = np.array(floats, dtype=t).view(view)
        print(name, ", ".join("0x%X" % b for b in bits))
    print("i32", ", ".join(str((x >> 60) - 8) for x in xs))


if __name__ == "__main__":
    rand_reference() if sys.argv[1:] == ["--rand"] else main()
