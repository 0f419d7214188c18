// Lexical and syntactic variety that does not change the canonical text:
// comments anywhere, line breaks inside ops, the cuda_tile. prefix on every
// kind of op, loc(...) in all its forms (never printed), alias definitions,
// result groups (%a:2, %a#1, %a, %b =) and unusual SSA names.

#loc = loc("kernel.py":10:4)
#loc1 = loc("kernel.py":11:8)
#di_file = #cuda_tile.di_file<"kernel.py" in "/tmp/">
module @wrapper {
cuda_tile.module @syntax {   // the builtin module around it is not printed
  cuda_tile.global @g <i32: [1, 2]> : tile<2xi32> loc("g.py":1:1)

  // Every location form, after ops, arguments, regions and functions.
  cuda_tile.entry @locations(%c: tile<f32> loc("k.py":1:2), %d: !cuda_tile.tile<i1> loc(#loc)) {
    %a = addf %c, %c rounding<zero> : tile<f32> loc("k.py":3:4)
    %b = negf %a : tile<f32> loc(unknown)
    %e = absf %b : tile<f32> loc("k.py":5:6 to 7:8)
    %f = absf %e : tile<f32> loc("name"("k.py":5:6))
    %g = absf %f : tile<f32> loc(callsite("a.py":1:1 at "b.py":2:2))
    %h = absf %g : tile<f32> loc(fused["a.py":1:1, "b.py":2:2])
    %i = absf %h : tile<f32> loc(#loc1)
    %j = absf %i : tile<f32> loc(fused<#di_file>["a.py":1:1])
    %k = absf %j : tile<f32> loc("justname")
    cuda_tile.if %d {
      %l = absf %k : tile<f32> loc(#loc)
    } loc(#loc1)
    cuda_tile.return loc(#loc)
  } loc("k.py":0:0)

  // Comments and line breaks between the parts of an op.
  testing$func @layout(%x: tile<4xf32>,
                       %y: tile<4xf32>)   // trailing comment
  {
    // a comment line
    %s = addf   %x ,%y    // between operands and type
      :   tile<4xf32>
    %t = cmpf
      less_than
      ordered
      %s, %x
      : tile<4xf32> -> tile<4xi1>
    %u = select %t,%s,%x:tile<4xi1>,tile<4xf32>
    %cst_1_i32 = constant<i32:1>:tile<i32>
    %p = reshape %x
      : tile<4xf32> -> tile<2x2xf32>
    %q = permute %p[1,0]
      : tile<2x2xf32> -> tile<2x2xf32>
    return
  }

  // Grouped and separately named results.
  cuda_tile.testing$func @results(%v: tile<8xptr<f32>>) {
    %ld:2 = load_ptr_tko weak %v : tile<8xptr<f32>> -> tile<8xf32>, token
    %val, %tok = load_ptr_tko weak %v token=%ld#1 : tile<8xptr<f32>> -> tile<8xf32>, token
    %sum = addf %ld#0, %val : tile<8xf32>
    %one:1 = make_token : token
    %j = join_tokens %one#0, %one, %tok : token
    %42 = negf %sum : tile<8xf32>
    %x.y = negf %42 : tile<8xf32>
    %$z = negf %x.y : tile<8xf32>
    %_u = negf %$z : tile<8xf32>
    %a-b = negf %_u : tile<8xf32>
    %cst_1_i32_0 = negf %a-b : tile<8xf32>
    return
  }

  // The prefix works on region ops too.
  cuda_tile.testing$func @regions(%n: tile<i32>, %c: tile<i1>, %x: tile<4xf32>) {
    cuda_tile.for %i in (%n to %n, step %n) : tile<i32> {
      cuda_tile.continue
    }
    cuda_tile.loop {
      cuda_tile.break
    }
    %r = cuda_tile.reduce %x dim=0 identities=[0.0 : f32] : tile<4xf32> -> tile<f32>
    (%p: tile<f32>, %q: tile<f32>) {
      %m = cuda_tile.addf %p, %q : tile<f32>
      cuda_tile.yield %m : tile<f32>
    }
    %y = cuda_tile.if %c -> (tile<f32>) {
      cuda_tile.yield %r : tile<f32>
    } else {
      cuda_tile.yield %r : tile<f32>
    }
  }
} loc(unknown)
} loc(#loc)
