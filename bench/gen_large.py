#!/usr/bin/env python3
"""gen_large.py -- write a large, valid Tile IR file for the parser benchmark.

    bench/gen_large.py [--lines N] [--seed S] [-o FILE]

The file holds one cuda_tile.module with a few globals and many entries, in
the mix real kernels have: tensor and partition views over pointer
arguments, K loops that load tiles through views and accumulate with mmaf,
row reductions (softmax-like) with reduce regions, chains of elementwise
math, conversions and constants, and stores through views.  Shapes, names
and the order of the elementwise ops vary with a seeded generator, so the
output is the same for the same arguments.  It has exactly N lines
(default 10000) and verifies with `tilesim verify`.
"""

import argparse
import random
import sys

FLOAT_UNARY = ["exp", "exp2", "log", "log2", "sqrt", "rsqrt", "tanh", "sin",
               "cos", "absf", "negf", "floor", "ceil"]
FLOAT_BINARY = ["addf", "subf", "mulf", "divf", "maxf", "minf"]
INT_BINARY = ["addi", "subi", "muli", "andi", "ori", "xori", "maxi", "mini"]


def tv_type(elt, rows, cols):
    return f"tensor_view<{rows}x{cols}x{elt}, strides=[{cols},1]>"


def pv_type(elt, tr, tc, rows, cols):
    return f"partition_view<tile=({tr}x{tc}), {tv_type(elt, rows, cols)}>"


def int_attr(op, rng):
    if op in ("maxi", "mini"):
        return " " + rng.choice(["signed", "unsigned"])
    if op in ("addi", "subi", "muli") and rng.random() < 0.3:
        return " overflow<no_signed_wrap>"
    return ""


def float_attr(op, rng):
    if op in ("addf", "subf", "mulf", "divf") and rng.random() < 0.2:
        return " rounding<nearest_even>"
    return ""


class Kernel:
    """Lines of one entry, with a counter for fresh value names."""

    def __init__(self, name, rng):
        self.name = name
        self.rng = rng
        self.lines = []
        self.n = 0

    def fresh(self, stem="v"):
        self.n += 1
        return f"%{stem}{self.n}"

    def emit(self, depth, text):
        self.lines.append("  " * depth + text)

    def elementwise(self, depth, x, ty, count):
        """count lines of float math on x (of type ty); returns the last value."""
        vals = [x]
        for _ in range(count):
            if self.rng.random() < 0.5:
                op = self.rng.choice(FLOAT_UNARY)
                r = self.fresh()
                self.emit(depth, f"{r} = {op} {self.rng.choice(vals)} : {ty}")
            else:
                op = self.rng.choice(FLOAT_BINARY)
                a, b = self.rng.choice(vals), self.rng.choice(vals)
                r = self.fresh()
                self.emit(depth, f"{r} = {op} {a}, {b}{float_attr(op, self.rng)} : {ty}")
            vals.append(r)
            vals = vals[-4:]
        return vals[-1]


def gemm(name, rng):
    """A tiled matmul: views, a K loop with loads and mmaf, an epilogue, a store."""
    k = Kernel(name, rng)
    m = n = rng.choice([512, 1024, 2048])
    kk = rng.choice([256, 512, 1024])
    tm, tn, tk = rng.choice([64, 128]), rng.choice([64, 128]), rng.choice([32, 64])
    ab = rng.choice(["f16", "bf16"])
    ta, tb, tc = tv_type(ab, m, kk), tv_type(ab, kk, n), tv_type("f32", m, n)
    pa, pb, pc = pv_type(ab, tm, tk, m, kk), pv_type(ab, tk, tn, kk, n), pv_type("f32", tm, tn, m, n)
    acc = f"tile<{tm}x{tn}xf32>"
    k.emit(1, f"entry @{name}(%a: tile<ptr<{ab}>>, %b: tile<ptr<{ab}>>, %c: tile<ptr<f32>>, %alpha: tile<f32>) {{")
    k.emit(2, f"%ta = make_tensor_view %a, shape = [{m}, {kk}], strides = [{kk}, 1] : {ta}")
    k.emit(2, f"%tb = make_tensor_view %b, shape = [{kk}, {n}], strides = [{n}, 1] : {tb}")
    k.emit(2, f"%tc = make_tensor_view %c, shape = [{m}, {n}], strides = [{n}, 1] : {tc}")
    k.emit(2, f"%pa = make_partition_view %ta : {pa}")
    k.emit(2, f"%pb = make_partition_view %tb : {pb}")
    k.emit(2, f"%pc = make_partition_view %tc : {pc}")
    k.emit(2, "%bid:3 = get_tile_block_id : tile<i32>")
    k.emit(2, "%c0 = constant <i32: 0> : tile<i32>")
    k.emit(2, "%c1 = constant <i32: 1> : tile<i32>")
    k.emit(2, f"%nk = constant <i32: {kk // tk}> : tile<i32>")
    k.emit(2, f"%zero = constant <f32: 0.000000e+00> : {acc}")
    k.emit(2, f"%acc = for %kk in (%c0 to %nk, step %c1) : tile<i32> iter_values(%s = %zero) -> ({acc}) {{")
    k.emit(3, f"%x, %t1 = load_view_tko weak %pa[%bid#0, %kk] : {pa}, tile<i32> -> tile<{tm}x{tk}x{ab}>, token")
    k.emit(3, f"%y, %t2 = load_view_tko weak %pb[%kk, %bid#1] : {pb}, tile<i32> -> tile<{tk}x{tn}x{ab}>, token")
    k.emit(3, f"%s2 = mmaf %x, %y, %s : tile<{tm}x{tk}x{ab}>, tile<{tk}x{tn}x{ab}>, {acc}")
    k.emit(3, f"continue %s2 : {acc}")
    k.emit(2, "}")
    k.emit(2, f"%al = reshape %alpha : tile<f32> -> tile<1x1xf32>")
    k.emit(2, f"%ab = broadcast %al : tile<1x1xf32> -> {acc}")
    k.emit(2, f"%scaled = mulf %acc, %ab : {acc}")
    out = k.elementwise(2, "%scaled", acc, rng.randint(4, 12))
    k.emit(2, f"%t3 = store_view_tko weak {out}, %pc[%bid#0, %bid#1] : {acc}, {pc}, tile<i32> -> token")
    k.emit(2, "return")
    k.emit(1, "}")
    return k.lines


def softmax(name, rng):
    """Row softmax: max and sum with reduce regions, broadcasts, exp, divide."""
    k = Kernel(name, rng)
    rows, cols = rng.choice([16, 32, 64]), rng.choice([128, 256, 512])
    big = 4096
    t = f"tile<{rows}x{cols}xf32>"
    r1, r2 = f"tile<{rows}xf32>", f"tile<{rows}x1xf32>"
    tv, pv = tv_type("f32", big, cols), pv_type("f32", rows, cols, big, cols)
    k.emit(1, f"entry @{name}(%in: tile<ptr<f32>>, %out: tile<ptr<f32>>) {{")
    k.emit(2, f"%ti = make_tensor_view %in, shape = [{big}, {cols}], strides = [{cols}, 1] : {tv}")
    k.emit(2, f"%to = make_tensor_view %out, shape = [{big}, {cols}], strides = [{cols}, 1] : {tv}")
    k.emit(2, f"%pi = make_partition_view %ti : {pv}")
    k.emit(2, f"%po = make_partition_view %to : {pv}")
    k.emit(2, "%bid:3 = get_tile_block_id : tile<i32>")
    k.emit(2, "%c0 = constant <i32: 0> : tile<i32>")
    k.emit(2, f"%x, %t1 = load_view_tko weak %pi[%bid#0, %c0] : {pv}, tile<i32> -> {t}, token")
    k.emit(2, f"%mx = reduce %x dim=1 identities=[0xFF800000 : f32] : {t} -> {r1}")
    k.emit(2, "(%l: tile<f32>, %r: tile<f32>) {")
    k.emit(3, "%m = maxf %l, %r : tile<f32>")
    k.emit(3, "yield %m : tile<f32>")
    k.emit(2, "}")
    k.emit(2, f"%mx2 = reshape %mx : {r1} -> {r2}")
    k.emit(2, f"%mxb = broadcast %mx2 : {r2} -> {t}")
    k.emit(2, f"%d = subf %x, %mxb : {t}")
    k.emit(2, f"%e = exp %d : {t}")
    k.emit(2, f"%sum = reduce %e dim=1 identities=[0.000000e+00 : f32] : {t} -> {r1}")
    k.emit(2, "(%l: tile<f32>, %r: tile<f32>) {")
    k.emit(3, "%a = addf %l, %r : tile<f32>")
    k.emit(3, "yield %a : tile<f32>")
    k.emit(2, "}")
    k.emit(2, f"%sum2 = reshape %sum : {r1} -> {r2}")
    k.emit(2, f"%sb = broadcast %sum2 : {r2} -> {t}")
    k.emit(2, f"%p = divf %e, %sb : {t}")
    out = k.elementwise(2, "%p", t, rng.randint(2, 8))
    k.emit(2, f"%t2 = store_view_tko weak {out}, %po[%bid#0, %c0] token = %t1 : {t}, {pv}, tile<i32> -> token")
    k.emit(2, "return")
    k.emit(1, "}")
    return k.lines


def pointwise(name, rng, body_lines=None):
    """Index math, a conversion and a long chain of elementwise ops."""
    k = Kernel(name, rng)
    n = rng.choice([256, 512, 1024])
    tf, ti = f"tile<{n}xf32>", f"tile<{n}xi32>"
    tv = "tensor_view<65536xf32, strides=[1]>"
    pv = f"partition_view<tile=({n}), {tv}>"
    k.emit(1, f"entry @{name}(%in: tile<ptr<f32>>, %out: tile<ptr<f32>>, %scale: tile<f32>) {{")
    fixed = 12
    k.emit(2, f"%ti = make_tensor_view %in, shape = [65536], strides = [1] : {tv}")
    k.emit(2, f"%to = make_tensor_view %out, shape = [65536], strides = [1] : {tv}")
    k.emit(2, f"%pi = make_partition_view %ti : {pv}")
    k.emit(2, f"%po = make_partition_view %to : {pv}")
    k.emit(2, "%bid:3 = get_tile_block_id : tile<i32>")
    k.emit(2, f"%x, %t1 = load_view_tko weak %pi[%bid#0] : {pv}, tile<i32> -> {tf}, token")
    k.emit(2, f"%io = iota : {ti}")
    k.emit(2, f"%k3 = constant <i32: 3> : {ti}")
    ints = ["%io", "%k3"]
    body = body_lines if body_lines is not None else rng.randint(20, 60)
    nint = max(1, body // 5)
    for _ in range(nint):
        op = rng.choice(INT_BINARY)
        r = k.fresh("i")
        k.emit(2, f"{r} = {op} {rng.choice(ints)}, {rng.choice(ints)}{int_attr(op, rng)} : {ti}")
        ints = (ints + [r])[-4:]
    k.emit(2, f"%fi = itof {ints[-1]} signed : {ti} -> {tf}")
    k.emit(2, f"%xs = addf %x, %fi : {tf}")
    out = k.elementwise(2, "%xs", tf, body - nint)
    k.emit(2, f"%t2 = store_view_tko weak {out}, %po[%bid#0] token = %t1 : {tf}, {pv}, tile<i32> -> token")
    k.emit(2, "return")
    k.emit(1, "}")
    assert len(k.lines) == body + fixed + 2, (len(k.lines), body)
    return k.lines


def generate(nlines, seed):
    rng = random.Random(seed)
    head = [
        "// Generated by bench/gen_large.py; a benchmark input, not a test.",
        "cuda_tile.module @bench {",
        "  global @bias <f32: [0.5, 1.0, 1.5, 2.0]> : tile<4xf32>",
        "  global private constant @lut <i32: [1, 2, 4, 8, 16, 32, 64, 128]> : tile<8xi32>",
    ]
    tail = ["}"]
    lines = list(head)
    makers = [gemm, softmax, pointwise, pointwise]
    i = 0
    budget = nlines - len(tail)
    # leave room for a last pointwise kernel sized to fill the file exactly
    while True:
        k = rng.choice(makers)(f"k{i}", rng)
        if len(lines) + len(k) > budget - 40:
            break
        lines += k
        i += 1
    left = budget - len(lines)
    lines += pointwise(f"k{i}", rng, body_lines=left - 14)
    lines += tail
    assert len(lines) == nlines, len(lines)
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lines", type=int, default=10000, help="lines to write (default 10000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("-o", "--output", help="output file (default: stdout)")
    a = ap.parse_args()
    if a.lines < 200:
        ap.error("--lines must be at least 200")
    text = generate(a.lines, a.seed)
    if a.output:
        with open(a.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
