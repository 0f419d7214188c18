#!/usr/bin/env python3
"""gemm_bench.py -- the steps of bench/gemm/run (see there); numpy only.

  gen DIR N            write DIR/a.npy, DIR/b.npy: N x N bf16 bit patterns
                       (uint16, standard normal values rounded to nearest
                       even), the inputs of the tilesim kernel
  blas N RUNS THREADS  time OpenBLAS sgemm (numpy a @ b, float32, N^3) on
                       each thread count in THREADS (comma-separated) with
                       threadpoolctl; print one 'blas T SECONDS' line each
                       and an 'info' line naming the BLAS and its kernel
  tilesim TILESIM KERNEL DIR N RUNS THREADS
                       time whole `tilesim run` processes (best of RUNS,
                       wall clock; CPU time alongside); 'tilesim T WALL CPU'
  check TILESIM KERNEL DIR N
                       run the kernel once with --out and check every
                       element against the float64 product within the
                       bound of K sequential f32 roundings
  report N FILE...     GFLOP/s (the best time of each thread count over all
                       the lines of FILEs), the ratios and tilesim's 1 -> 2
                       speed-up
"""
import os
import resource
import subprocess
import sys
import time


def gen(d, n):
    import numpy as np
    rng = np.random.default_rng(20240601)
    for name in ("a", "b"):
        u = rng.standard_normal((n, n), dtype=np.float32).view(np.uint32)
        h = ((u + 0x7FFF + ((u >> 16) & 1)) >> 16).astype(np.uint16)   # to bf16, RNE
        np.save(os.path.join(d, name + ".npy"), h)


def bf16_to_f32(h):
    import numpy as np
    return (h.astype(np.uint32) << 16).view(np.float32)


def blas(n, runs, threads):
    import numpy as np
    from threadpoolctl import threadpool_info, threadpool_limits
    rng = np.random.default_rng(1)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    info = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    desc = ", ".join("%s %s kernel=%s threading=%s" % (i.get("internal_api"), i.get("version"),
                                                        i.get("architecture"),
                                                        i.get("threading_layer")) for i in info)
    print("info numpy %s; %s; OPENBLAS_CORETYPE=%s OPENBLAS_L2_SIZE=%s" % (
        np.__version__, desc or "no BLAS found by threadpoolctl",
        os.environ.get("OPENBLAS_CORETYPE", "(unset)"), os.environ.get("OPENBLAS_L2_SIZE", "(unset)")))
    for t in threads:
        with threadpool_limits(limits=t, user_api="blas"):
            a @ b                                   # warm up: threads, pages
            best = min(timed(lambda: a @ b) for _ in range(runs))
        print("blas %d %.6f" % (t, best))


def timed(f):
    t0 = time.perf_counter()
    f()
    return time.perf_counter() - t0


def tilesim_args(tilesim, kernel, d, n, t):
    g = (n + 127) // 128
    return [tilesim, "run", kernel, "--grid", "%d,%d" % (g, g),
            "@%s:bf16" % os.path.join(d, "a.npy"), "@%s:bf16" % os.path.join(d, "b.npy"),
            "zeros:f32:%dx%d" % (n, n), "i32:%d" % n, "i32:%d" % n, "i32:%d" % n,
            "--numerics", NUMERICS, "--threads", str(t)]


# the accumulation model of the tilesim runs (bench/gemm/run --numerics)
NUMERICS = os.environ.get("GEMM_NUMERICS", "fma")


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_tilesim(tilesim, kernel, d, n, runs, threads):
    for t in threads:
        args = tilesim_args(tilesim, kernel, d, n, t)
        best = None
        for _ in range(runs):
            c0, t0 = child_cpu(), time.perf_counter()
            subprocess.run(args, check=True)
            wall, cpu = time.perf_counter() - t0, child_cpu() - c0
            if best is None or wall < best[0]:
                best = (wall, cpu)
        print("tilesim %d %.6f %.6f" % (t, best[0], best[1]))


def check(tilesim, kernel, d, n):
    import numpy as np
    out = os.path.join(d, "out")
    subprocess.run(tilesim_args(tilesim, kernel, d, n, 2) + ["--out", out], check=True)
    a = bf16_to_f32(np.load(os.path.join(d, "a.npy"))).astype(np.float64)
    b = bf16_to_f32(np.load(os.path.join(d, "b.npy"))).astype(np.float64)
    c = np.load(os.path.join(out, "c.npy")).astype(np.float64)
    # each output is K fmas in f32: |error| <= K * 2^-24 * sum_k |a_ik b_kj|;
    # a tensor-core profile truncates each block of 16 (F = 25 bits below
    # a block's largest term, which is below 2 sum |a b|) and truncates its
    # sum to 24 bits: below 2^-19 sum |a b| per block
    s = np.abs(a) @ np.abs(b)
    bound = n * 2.0 ** -24 * s if NUMERICS == "fma" else (n / 16 + 1) * 2.0 ** -19 * s
    err = np.abs(c - a @ b)
    bad = int(np.count_nonzero(~(err <= bound)))
    print("check: %s (max error %.3g, max allowed %.3g)" % (
        "ok" if not bad else "%d elements outside the bound" % bad, err.max(), bound.max()))
    return 1 if bad else 0


def report(n, files):
    blas_t, ts, info = {}, {}, set()
    for f in files:                     # the best of every line for a thread count
        for line in open(f):
            w = line.split()
            if w[0] == "info":
                info.add(line[5:].strip())
            elif w[0] == "blas":
                t = int(w[1])
                blas_t[t] = min(blas_t.get(t, float("inf")), float(w[2]))
            elif w[0] == "tilesim":
                t, x = int(w[1]), (float(w[2]), float(w[3]))
                ts[t] = min(ts.get(t, x), x)
    for i in sorted(info):
        print("OpenBLAS: " + i)
    flop = 2.0 * n ** 3
    print("%dx%dx%d, bf16 inputs (tilesim --numerics %s) / f32 (sgemm), f32 accumulation; "
          "best wall times" % (n, n, n, NUMERICS))
    print("%-8s %12s %12s %12s %12s %8s" % ("threads", "sgemm s", "GFLOP/s", "tilesim s",
                                             "GFLOP/s", "ratio"))
    for t in sorted(set(blas_t) | set(ts)):
        b, s = blas_t.get(t), ts.get(t, (None, None))[0]
        cell = lambda x: "%12.4f %12.1f" % (x, flop / x / 1e9) if x else "%12s %12s" % ("-", "-")
        ratio = "%8.2f" % (b / s) if b and s else "%8s" % "-"
        print("%-8d %s %s %s" % (t, cell(b), cell(s), ratio))
    print("ratio = tilesim GFLOP/s / sgemm GFLOP/s (the goal: >= %s on 1 and on 2 threads)"
          % ("0.5" if NUMERICS == "fma" else "0.15"))
    if 1 in ts and 2 in ts:
        print("tilesim speed-up 1 -> 2 threads: %.2fx (wall); CPU seconds %.3f -> %.3f"
              % (ts[1][0] / ts[2][0], ts[1][1], ts[2][1]))
    if os.path.exists("/proc/loadavg"):
        print("load average now: %s (other work on this machine skews every number)"
              % open("/proc/loadavg").read().split()[0])


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    threads = lambda s: [int(x) for x in s.split(",")]
    if cmd == "gen" and len(argv) == 4:
        gen(argv[2], int(argv[3]))
    elif cmd == "blas" and len(argv) == 5:
        blas(int(argv[2]), int(argv[3]), threads(argv[4]))
    elif cmd == "tilesim" and len(argv) == 8:
        run_tilesim(argv[2], argv[3], argv[4], int(argv[5]), int(argv[6]), threads(argv[7]))
    elif cmd == "check" and len(argv) == 6:
        return check(argv[2], argv[3], argv[4], int(argv[5]))
    elif cmd == "report" and len(argv) >= 4:
        report(int(argv[2]), argv[3:])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
