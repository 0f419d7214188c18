// Structured control flow: if/else with and without results, for (signed,
// unsigned, with carried values), loop (all four headers), break,
// continue, yield and return, nested.  Terminators without operands that
// the parser adds back (yield in if, continue in for/loop) are not printed.

cuda_tile.module @control {
  entry @ifs(%c: tile<i1>, %x: tile<f32>) {
    if %c {
    }
    if %c {
      yield
    }
    cuda_tile.if %c {
      %n = negf %x : tile<f32>
    } else {
    }
    %r = if %c -> (tile<f32>) {
      yield %x : tile<f32>
    } else {
      %m = negf %x : tile<f32>
      cuda_tile.yield %m : !cuda_tile.tile<f32>
    }
    %p:2 = if %c -> (tile<f32>, tile<i1>) {
      %q = if %c -> (!cuda_tile.tile<i1>) {
        yield %c : tile<i1>
      } else {
        yield %c : tile<i1>
      }
      yield %x, %q : tile<f32>, tile<i1>
    } else {
      yield %r, %c : tile<f32>, tile<i1>
    }
    %s = addf %p#0, %r : tile<f32>
  }

  // Counted loops.  continue without values is the implicit terminator.
  entry @fors(%lb: tile<i32>, %ub: tile<i32>, %st: tile<i32>, %l: tile<i64>, %c: tile<i1>) {
    for %i in (%lb to %ub, step %st) : tile<i32> {
    }
    for %i in (%lb to %ub, step %st) : tile<i32> {
      continue
    }
    cuda_tile.for unsigned %i in (%lb to %ub, step %st) : !cuda_tile.tile<i32> {
      %j = addi %i, %i : tile<i32>
    }
    %zero = constant <f32: 0.0> : tile<4xf32>
    %sum = for %i in (%l to %l, step %l) : tile<i64> iter_values(%acc = %zero) -> (tile<4xf32>) {
      %n = addf %acc, %acc : tile<4xf32>
      continue %n : tile<4xf32>
    }
    %two:2 = for unsigned %i in (%lb to %ub, step %st) : tile<i32> iter_values(%a = %lb, %b = %zero) -> (tile<i32>, tile<4xf32>) {
      // an early continue inside an if is printed: it is not the if's yield
      if %c {
        continue %a, %b : tile<i32>, tile<4xf32>
      }
      %a2 = addi %a, %i : tile<i32>
      continue %a2, %b : tile<i32>, tile<4xf32>
    }
    for %i in (%lb to %ub, step %st) : tile<i32> {
      if %c {
        continue
      }
      %k = muli %i, %i : tile<i32>
    }
  }

  // loop: no values; result types only; carried values; both.
  testing$func @loops(%c: tile<i1>, %x: tile<i32>, %h: tile<2x2xf16>) {
    loop {
      break
    }
    loop {
      if %c {
        break
      }
    }
    %r = loop : tile<i32> {
      break %x : tile<i32>
    }
    cuda_tile.loop iter_values(%a = %x) : tile<i32> {
      %n = addi %a, %a : tile<i32>
      if %c {
        break
      }
      continue %n : tile<i32>
    }
    %o:2 = loop iter_values(%a = %x, %b = %h) : tile<i32>, tile<2x2xf16> -> tile<i32>, tile<2x2xf16> {
      if %c {
        break %a, %b : tile<i32>, tile<2x2xf16>
      }
      continue %a, %b : tile<i32>, tile<2x2xf16>
    }
    %p, %q = loop iter_values(%a = %x) : tile<i32> -> tile<i1>, tile<i32> {
      break %c, %a : tile<i1>, tile<i32>
    }
  }

  // Functions with results; return may sit in an if.
  testing$func @one(%a: tile<4xf32>) -> tile<4xf32> {
    return %a : tile<4xf32>
  }
  testing$func @two(%a: tile<4xf32>, %c: tile<i1>) -> (tile<4xf32>, !cuda_tile.tile<i1>) {
    if %c {
      cuda_tile.return %a, %c : tile<4xf32>, tile<i1>
    }
    return %a, %c : tile<4xf32>, tile<i1>
  }
  testing$func @none() {
  }
  entry @empty() {
  }
  entry @explicit_return() {
    return
  }
}
