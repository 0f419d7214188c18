// reduce and scan: one and several operands, every kind of identity
// (float, hex bit patterns, integers, booleans), dims and reverse.  An
// f64 or i64 identity prints without its type, an i1 one as true/false.

cuda_tile.module @reduce_scan {
  testing$func @reduces(%x: tile<8xf32>, %m: tile<4x8xf32>, %i: tile<8xi32>, %d: tile<4xf64>, %l: tile<4xi64>, %b: tile<16xi1>, %h: tile<2x4xf16>, %bf: tile<8xbf16>, %c: tile<8xi8>, %s: tile<8xi16>) {
    %r0 = reduce %x dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    (%a: tile<f32>, %e: tile<f32>) {
      %sum = addf %a, %e : tile<f32>
      yield %sum : tile<f32>
    }
    %r1 = cuda_tile.reduce %m dim = 1 identities = [0xFF800000 : f32] : !cuda_tile.tile<4x8xf32> -> tile<4xf32>
    (%a: !cuda_tile.tile<f32>, %e: !cuda_tile.tile<f32>) {
      %mx = maxf %a, %e : tile<f32>
      cuda_tile.yield %mx : tile<f32>
    }
    %r2:2 = reduce %x, %i dim=0 identities=[-0.0 : f32, 0 : i32] : tile<8xf32>, tile<8xi32> -> tile<f32>, tile<i32>
    (%a0: tile<f32>, %e0: tile<f32>, %a1: tile<i32>, %e1: tile<i32>) {
      %f = addf %a0, %e0 : tile<f32>
      %n = addi %a1, %e1 : tile<i32>
      yield %f, %n : tile<f32>, tile<i32>
    }
    %r3 = reduce %d dim=0 identities=[1.0 : f64] : tile<4xf64> -> tile<f64>
    (%a: tile<f64>, %e: tile<f64>) {
      %p = mulf %a, %e : tile<f64>
      yield %p : tile<f64>
    }
    %r4 = reduce %d dim=0 identities=[0xFFF0000000000000 : f64] : tile<4xf64> -> tile<f64>
    (%a: tile<f64>, %e: tile<f64>) {
      %p = maxf %a, %e : tile<f64>
      yield %p : tile<f64>
    }
    %r5 = reduce %l dim=0 identities=[0 : i64] : tile<4xi64> -> tile<i64>
    (%a: tile<i64>, %e: tile<i64>) {
      %p = addi %a, %e : tile<i64>
      yield %p : tile<i64>
    }
    %r6 = reduce %b dim=0 identities=[1 : i1] : tile<16xi1> -> tile<i1>
    (%a: tile<i1>, %e: tile<i1>) {
      %p = andi %a, %e : tile<i1>
      yield %p : tile<i1>
    }
    %r7 = reduce %h dim=0 identities=[0xFC00 : f16] : tile<2x4xf16> -> tile<4xf16>
    (%a: tile<f16>, %e: tile<f16>) {
      %p = maxf %a, %e : tile<f16>
      yield %p : tile<f16>
    }
    %r8 = reduce %bf dim=0 identities=[1.0 : bf16] : tile<8xbf16> -> tile<bf16>
    (%a: tile<bf16>, %e: tile<bf16>) {
      %p = mulf %a, %e : tile<bf16>
      yield %p : tile<bf16>
    }
    %r9, %r10 = reduce %c, %s dim=0 identities=[-128 : i8, 0xFFFF : i16] : tile<8xi8>, tile<8xi16> -> tile<i8>, tile<i16>
    (%a0: tile<i8>, %e0: tile<i8>, %a1: tile<i16>, %e1: tile<i16>) {
      %p = maxi %a0, %e0 signed : tile<i8>
      %q = mini %a1, %e1 unsigned : tile<i16>
      yield %p, %q : tile<i8>, tile<i16>
    }
    return
  }

  testing$func @scans(%x: tile<8xf32>, %m: tile<4x8xi32>, %l: tile<8xi64>) {
    %s0 = scan %x dim=0 reverse=false identities=[0.0 : f32] : tile<8xf32> -> tile<8xf32>
    (%a: tile<f32>, %e: tile<f32>) {
      %p = addf %a, %e : tile<f32>
      yield %p : tile<f32>
    }
    %s1 = cuda_tile.scan %m dim=1 reverse=true identities=[1 : i32] : tile<4x8xi32> -> tile<4x8xi32>
    (%a: tile<i32>, %e: tile<i32>) {
      %p = muli %a, %e : tile<i32>
      yield %p : tile<i32>
    }
    %s2:2 = scan %x, %l dim = 0 reverse = true identities = [1.0 : f32, 0 : i64] : tile<8xf32>, tile<8xi64> -> tile<8xf32>, tile<8xi64>
    (%a0: tile<f32>, %e0: tile<f32>, %a1: tile<i64>, %e1: tile<i64>) {
      %p = mulf %a0, %e0 : tile<f32>
      %q = addi %a1, %e1 : tile<i64>
      yield %p, %q : tile<f32>, tile<i64>
    }
    return
  }
}
