// Invalid structure: placement, module, entry, return, control flow,
// reduce/scan, matrix multiply and shape ops; each case breaks one rule of
// src/ir/ir_verify.c (placement, counts) or src/ir/ir_verify_struct.c.

// placement: yield does not end an entry body
cuda_tile.module @m {
  entry @k() {
    // expected-error @below {{must be directly inside one of 'if', 'reduce', 'scan', not 'entry'}}
    yield
  }
}

// -----

// placement: continue directly in a function
cuda_tile.module @m {
  testing$func @f() {
    // expected-error @below {{must be directly inside one of 'for', 'if', 'loop', not 'testing$func'}}
    continue
  }
}

// -----

// placement: break does not end a for body
cuda_tile.module @m {
  testing$func @f(%n: tile<i32>) {
    for %i in (%n to %n, step %n) : tile<i32> {
      // expected-error @below {{must be directly inside one of 'if', 'loop', not 'for'}}
      break
    }
  }
}

// -----

// placement: return does not end a loop body
cuda_tile.module @m {
  entry @k() {
    loop {
      // expected-error @below {{must be directly inside one of 'entry', 'if', 'testing$func', not 'loop'}}
      return
    }
  }
}

// -----

// placement: a terminator is the last op of its block
cuda_tile.module @m {
  testing$func @f() {
    // expected-error @below {{must be the last operation in its block}}
    return
    print_tko "after return" -> token
  }
}

// -----

// placement: only global, entry and testing$func live in a module
cuda_tile.module @m {
  // expected-error @below {{may not appear directly in a cuda_tile.module}}
  %c = constant <i32: 1> : tile<i32>
}

// -----

// placement: entries do not nest
cuda_tile.module @m {
  entry @k() {
    // expected-error @below {{must appear directly in a cuda_tile.module}}
    entry @inner() {
    }
  }
}

// -----

// types: a rank-0 f4E2M1FN tile has an odd number of elements
cuda_tile.module @m {
  // expected-error @below {{a tile of f4E2M1FN must have an even number of elements}}
  testing$func @f(%a: tile<f4E2M1FN>) {
  }
}

// -----

// counts: broadcast has one result (generic form)
cuda_tile.module @m {
  testing$func @f(%a: tile<1xf32>) {
    // expected-error @below {{'broadcast' op expects 1 result, got 0}}
    "cuda_tile.broadcast"(%a) : (tile<1xf32>) -> ()
  }
}

// -----

// counts: reshape has no region (generic form)
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{'reshape' op expects at most 0 regions, got 1}}
    %r = "cuda_tile.reshape"(%a) ({
      %x = constant <i32: 1> : tile<i32>
    }) : (tile<4xf32>) -> (tile<4xf32>)
  }
}

// -----

// module: one symbol table for entries, functions and globals
cuda_tile.module @m {
  entry @k() {
  }
  // expected-error @below {{redefinition of symbol named 'k'}}
  entry @k() {
  }
}

// -----

// module: a global and a function share the name
cuda_tile.module @m {
  global @g <f32: [1.0, 2.0]> : tile<2xf32>
  // expected-error @below {{redefinition of symbol named 'g'}}
  testing$func @g() {
  }
}

// -----

// entry: a kernel returns nothing
cuda_tile.module @m {
  // expected-error @below {{'entry' op must not return values}}
  entry @k(%a: tile<f32>) -> tile<f32> {
  }
}

// -----

// entry: kernel arguments are rank-0 tiles
cuda_tile.module @m {
  // expected-error @+1 {{tile arguments must have rank 0, argument 1 is tile<4xf32>}}
  entry @k(%p: tile<ptr<f32>>, %a: tile<4xf32>) {
  }
}

// -----

// entry: an architecture appears once in optimization_hints
cuda_tile.module @m {
  // expected-error @below {{duplicate optimization_hints key 'sm_100'}}
  entry @k() optimization_hints=<sm_100 = {occupancy = 2}, sm_100 = {occupancy = 4}> {
  }
}

// -----

// entry: a hint appears once per architecture
cuda_tile.module @m {
  // expected-error @below {{duplicate hint 'occupancy' for sm_90}}
  entry @k() optimization_hints=<sm_90 = {occupancy = 2, occupancy = 4}> {
  }
}

// -----

// return: the implicit return of a function with a result
cuda_tile.module @m {
  // expected-error @below {{has 0 operands, but enclosing function (@f) returns 1}}
  testing$func @f(%a: tile<i32>) -> tile<i32> {}
}

// -----

// return: operand types are the function's result types
cuda_tile.module @m {
  testing$func @f(%a: tile<i32>, %b: tile<i64>) -> tile<i32> {
    // expected-error @below {{type of return operand 0 (tile<i64>) does not match function result type (tile<i32>) in function @f}}
    return %b : tile<i64>
  }
}

// -----

// return: an entry returns nothing
cuda_tile.module @m {
  entry @k(%a: tile<i32>) {
    // expected-error @below {{has 1 operands, but enclosing function (@k) returns 0}}
    return %a : tile<i32>
  }
}

// -----

// return: not from inside a loop, even through an if
cuda_tile.module @m {
  entry @k(%c: tile<i1>) {
    loop {
      if %c {
        // expected-error @below {{must be in an entry or testing$func body or in ifs nested in one, not inside 'loop'}}
        return
      }
      break
    }
  }
}

// -----

// continue: only inside a loop
cuda_tile.module @m {
  entry @k(%c: tile<i1>) {
    if %c {
      // expected-error @below {{must be nested in a 'for' or a 'loop', possibly through ifs, not in 'entry'}}
      continue
    }
  }
}

// -----

// continue: a for's carried values
cuda_tile.module @m {
  testing$func @f(%n: tile<i32>, %x: tile<f32>) {
    %r = for %i in (%n to %n, step %n) : tile<i32> iter_values(%acc = %x) -> (tile<f32>) {
      // expected-error @below {{operand types () must match the iter_values of the enclosing 'for' (tile<f32>)}}
      continue
    }
  }
}

// -----

// continue: a loop's carried values, through an if
cuda_tile.module @m {
  testing$func @f(%c: tile<i1>, %x: tile<f32>, %y: tile<f64>) {
    loop iter_values(%acc = %x) : tile<f32> {
      if %c {
        // expected-error @below {{operand types (tile<f64>) must match the iter_values of the enclosing 'loop' (tile<f32>)}}
        continue %y : tile<f64>
      }
      break
    }
  }
}

// -----

// continue: a reduce body is not a loop body
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    %r = reduce %a dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    (%x: tile<f32>, %y: tile<f32>) {
      // expected-error @below {{must be directly inside one of 'for', 'if', 'loop', not 'reduce'}}
      continue
    }
  }
}

// -----

// break: leaves a loop, not a for
cuda_tile.module @m {
  testing$func @f(%n: tile<i32>, %c: tile<i1>) {
    for %i in (%n to %n, step %n) : tile<i32> {
      if %c {
        // expected-error @below {{must be nested in a 'loop', possibly through ifs, not in 'for'}}
        break
      }
    }
  }
}

// -----

// break: operands are the loop's results
cuda_tile.module @m {
  testing$func @f(%x: tile<i32>) {
    %r = loop : tile<i64> {
      // expected-error @below {{operand types (tile<i32>) must match the results of the enclosing 'loop' (tile<i64>)}}
      break %x : tile<i32>
    }
  }
}

// -----

// if: the condition is a rank-0 i1 tile
cuda_tile.module @m {
  testing$func @f(%c: tile<i32>) {
    // expected-error @below {{condition must be a rank-0 tile of i1, got tile<i32>}}
    if %c {
    }
  }
}

// -----

// if: not a rank-1 condition
cuda_tile.module @m {
  testing$func @f(%c: tile<4xi1>) {
    // expected-error @below {{condition must be a rank-0 tile of i1, got tile<4xi1>}}
    if %c {
    }
  }
}

// -----

// if: results need an else branch
cuda_tile.module @m {
  testing$func @f(%c: tile<i1>, %x: tile<i32>) {
    // expected-error @below {{has results, so it must have an else branch}}
    %r = if %c -> (tile<i32>) {
      yield %x : tile<i32>
    }
  }
}

// -----

// if: the then branch yields the result types
cuda_tile.module @m {
  testing$func @f(%c: tile<i1>, %x: tile<i32>, %y: tile<i64>) {
    // expected-error @below {{result types (tile<i64>) do not match the then branch's yield (tile<i32>)}}
    %r = if %c -> (tile<i64>) {
      yield %x : tile<i32>
    } else {
      yield %y : tile<i64>
    }
  }
}

// -----

// if: the else branch yields the results too
cuda_tile.module @m {
  testing$func @f(%c: tile<i1>, %x: tile<i32>) {
    // expected-error @below {{has results (tile<i32>) but the else branch yields nothing}}
    %r = if %c -> (tile<i32>) {
      yield %x : tile<i32>
    } else {
      %z = addi %x, %x : tile<i32>
    }
  }
}

// -----

// if: no results, nothing to yield
cuda_tile.module @m {
  testing$func @f(%c: tile<i1>, %x: tile<i32>) {
    // expected-error @below {{has no results but the then branch yields (tile<i32>)}}
    if %c {
      yield %x : tile<i32>
    }
  }
}

// -----

// if: no tensor_view results
cuda_tile.module @m {
  testing$func @f(%c: tile<i1>, %t: tensor_view<8xf32, strides=[1]>) {
    // expected-error @below {{result 0 is a tensor_view, which is not supported}}
    %r = if %c -> (tensor_view<8xf32, strides=[1]>) {
      yield %t : tensor_view<8xf32, strides=[1]>
    } else {
      yield %t : tensor_view<8xf32, strides=[1]>
    }
  }
}

// -----

// if: no tile view results
cuda_tile.module @m {
  testing$func @f(%c: tile<i1>, %v: partition_view<tile=(4), tensor_view<8xf32, strides=[1]>>) {
    // expected-error @below {{result 0 is a tile view, which is not supported}}
    %r = if %c -> (partition_view<tile=(4), tensor_view<8xf32, strides=[1]>>) {
      yield %v : partition_view<tile=(4), tensor_view<8xf32, strides=[1]>>
    } else {
      yield %v : partition_view<tile=(4), tensor_view<8xf32, strides=[1]>>
    }
  }
}

// -----

// if: a branch ends in a terminator (generic form)
cuda_tile.module @m {
  testing$func @f(%c: tile<i1>) {
    // expected-error @below {{'if' op region #0 must end with 'yield'}}
    "cuda_tile.if"(%c) ({
      %x = constant <i32: 1> : tile<i32>
    }, {
    }) : (tile<i1>) -> ()
  }
}

// -----

// for: integer bounds
cuda_tile.module @m {
  testing$func @f(%n: tile<f32>) {
    // expected-error @below {{bounds and step must be rank-0 integer tiles, got tile<f32>}}
    for %i in (%n to %n, step %n) : tile<f32> {
    }
  }
}

// -----

// for: rank-0 bounds
cuda_tile.module @m {
  testing$func @f(%n: tile<2xi32>) {
    // expected-error @below {{bounds and step must be rank-0 integer tiles, got tile<2xi32>}}
    for %i in (%n to %n, step %n) : tile<2xi32> {
    }
  }
}

// -----

// for: the induction variable has the bounds' type (generic form)
cuda_tile.module @m {
  testing$func @f(%n: tile<i32>) {
    // expected-error @below {{induction variable has type tile<i64> but the bounds and step have tile<i32>}}
    "cuda_tile.for"(%n, %n, %n) ({
      ^bb0(%i: tile<i64>):
        continue
    }) : (tile<i32>, tile<i32>, tile<i32>) -> ()
  }
}

// -----

// for: one region argument per carried value (generic form)
cuda_tile.module @m {
  testing$func @f(%n: tile<i32>, %x: tile<f32>) {
    // expected-error @below {{has 2 region iter_values but 1 init values}}
    %r = "cuda_tile.for"(%n, %n, %n, %x) ({
      ^bb0(%i: tile<i32>, %a: tile<f32>, %b: tile<f32>):
        continue %a : tile<f32>
    }) : (tile<i32>, tile<i32>, tile<i32>, tile<f32>) -> (tile<f32>)
  }
}

// -----

// for: carried values keep their type (generic form)
cuda_tile.module @m {
  testing$func @f(%n: tile<i32>, %x: tile<f32>) {
    // expected-error @below {{init value 0 has type tile<f32> but region iter_value 0 has type tile<f64>}}
    %r = "cuda_tile.for"(%n, %n, %n, %x) ({
      ^bb0(%i: tile<i32>, %a: tile<f64>):
        continue %x : tile<f32>
    }) : (tile<i32>, tile<i32>, tile<i32>, tile<f32>) -> (tile<f32>)
  }
}

// -----

// for: no tensor_view carried
cuda_tile.module @m {
  testing$func @f(%n: tile<i32>, %t: tensor_view<8xf32, strides=[1]>) {
    // expected-error @below {{loop-carried value 0 is a tensor_view, which is not supported}}
    %r = for %i in (%n to %n, step %n) : tile<i32> iter_values(%a = %t) -> (tensor_view<8xf32, strides=[1]>) {
      continue %a : tensor_view<8xf32, strides=[1]>
    }
  }
}

// -----

// for: a body with carried values ends in continue
cuda_tile.module @m {
  testing$func @f(%n: tile<i32>, %x: tile<f32>) {
    // expected-error @below {{region #0 must end with 'continue'}}
    %r = for %i in (%n to %n, step %n) : tile<i32> iter_values(%a = %x) -> (tile<f32>) {
      %b = addf %a, %a : tile<f32>
    }
  }
}

// -----

// loop: no tile view carried
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(4), tensor_view<8xf32, strides=[1]>>) {
    // expected-error @below {{loop-carried value 0 is a tile view, which is not supported}}
    loop iter_values(%a = %v) : partition_view<tile=(4), tensor_view<8xf32, strides=[1]>> {
      continue %a : partition_view<tile=(4), tensor_view<8xf32, strides=[1]>>
    }
  }
}

// -----

// loop: no tensor_view results
cuda_tile.module @m {
  testing$func @f(%t: tensor_view<8xf32, strides=[1]>) {
    // expected-error @below {{result 0 is a tensor_view, which is not supported}}
    %r = loop : tensor_view<8xf32, strides=[1]> {
      break %t : tensor_view<8xf32, strides=[1]>
    }
  }
}

// -----

// loop: carried values keep their type (generic form)
cuda_tile.module @m {
  testing$func @f(%x: tile<f32>) {
    // expected-error @below {{init value 0 has type tile<f32> but region iter_value 0 has type tile<i32>}}
    "cuda_tile.loop"(%x) ({
      ^bb0(%a: tile<i32>):
        break
    }) : (tile<f32>) -> ()
  }
}

// -----

// reduce: at least one operand
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    // expected-error @below {{expects at least one operand}}
    %r = reduce dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    (%x: tile<f32>, %y: tile<f32>) {
      yield %x : tile<f32>
    }
  }
}

// -----

// reduce: one result per operand
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    // expected-error @below {{has 1 operands but 2 results}}
    %r:2 = reduce %a dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>, tile<f32>
    (%x: tile<f32>, %y: tile<f32>) {
      yield %x : tile<f32>
    }
  }
}

// -----

// reduce: one identity per operand
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    // expected-error @below {{expects one identity per operand, got 1 operands and 2 identities}}
    %r = reduce %a dim=0 identities=[0.0 : f32, 1.0 : f32] : tile<8xf32> -> tile<f32>
    (%x: tile<f32>, %y: tile<f32>) {
      yield %x : tile<f32>
    }
  }
}

// -----

// reduce: identities have the operands' element types
cuda_tile.module @m {
  testing$func @f(%a: tile<8xi32>) {
    // expected-error @below {{identity 0 has type i64 but operand 0 has element type i32}}
    %r = reduce %a dim=0 identities=[0 : i64] : tile<8xi32> -> tile<i32>
    (%x: tile<i32>, %y: tile<i32>) {
      yield %x : tile<i32>
    }
  }
}

// -----

// reduce: dim is a dim of the operands
cuda_tile.module @m {
  testing$func @f(%a: tile<4x8xf32>) {
    // expected-error @below {{dimension 2 is out of range [0, 2)}}
    %r = reduce %a dim=2 identities=[0.0 : f32] : tile<4x8xf32> -> tile<4xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      yield %x : tile<f32>
    }
  }
}

// -----

// reduce: operands have one shape
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>, %b: tile<16xi32>) {
    // expected-error @below {{requires the same shape for all operands, got tile<8xf32> and tile<16xi32>}}
    %r:2 = reduce %a, %b dim=0 identities=[0.0 : f32, 0 : i32] : tile<8xf32>, tile<16xi32> -> tile<f32>, tile<i32>
    (%x: tile<f32>, %y: tile<f32>, %u: tile<i32>, %w: tile<i32>) {
      yield %x, %u : tile<f32>, tile<i32>
    }
  }
}

// -----

// reduce: the result drops dim
cuda_tile.module @m {
  testing$func @f(%a: tile<4x8xf32>) {
    // expected-error @below {{result 0 must be tile<8xf32> (operand 0 without dim 0), got tile<4xf32>}}
    %r = reduce %a dim=0 identities=[0.0 : f32] : tile<4x8xf32> -> tile<4xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      yield %x : tile<f32>
    }
  }
}

// -----

// reduce: two block arguments per operand
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    // expected-error @below {{expects 2 block arguments per operand (2), got 1}}
    %r = reduce %a dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    (%x: tile<f32>) {
      yield %x : tile<f32>
    }
  }
}

// -----

// reduce: block arguments are rank-0 tiles
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    %r = reduce %a dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    // expected-error @below {{block argument 0 must be a rank-0 tile of f32 (operand 0's element type), got tile<1xf32>}}
    (%x: tile<1xf32>, %y: tile<f32>) {
      yield %y : tile<f32>
    }
  }
}

// -----

// reduce: block arguments have the operand's element type
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    %r = reduce %a dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    // expected-error @below {{block argument 1 must be a rank-0 tile of f32 (operand 0's element type), got tile<i32>}}
    (%x: tile<f32>, %y: tile<i32>) {
      yield %x : tile<f32>
    }
  }
}

// -----

// reduce: the combiner yields one value per operand
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    %r = reduce %a dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    (%x: tile<f32>, %y: tile<f32>) {
      // expected-error @below {{yields 2 values, expected one per operand of 'reduce' (1)}}
      yield %x, %y : tile<f32>, tile<f32>
    }
  }
}

// -----

// reduce: the combiner yields rank-0 tiles of the element type
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>, %z: tile<i32>) {
    %r = reduce %a dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    (%x: tile<f32>, %y: tile<f32>) {
      // expected-error @below {{operand 0 must be a rank-0 tile of f32, got tile<i32>}}
      yield %z : tile<i32>
    }
  }
}

// -----

// reduce: only pure ops in the combiner
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    %r = reduce %a dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    (%x: tile<f32>, %y: tile<f32>) {
      // expected-error @below {{'print_tko' op only pure operations are allowed inside 'reduce'}}
      %t = print_tko "x" -> token
      yield %x : tile<f32>
    }
  }
}

// -----

// reduce: the combiner is not empty
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    // expected-error @below {{body must not be empty}}
    %r = reduce %a dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    () {}
  }
}

// -----

// reduce: the combiner ends in yield
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    // expected-error @below {{region #0 must end with 'yield'}}
    %r = reduce %a dim=0 identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    (%x: tile<f32>, %y: tile<f32>) {
      %s = addf %x, %y : tile<f32>
    }
  }
}

// -----

// scan: results have the operands' types
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    // expected-error @below {{result 0 must have operand 0's type tile<8xf32>, got tile<f32>}}
    %r = scan %a dim=0 reverse=false identities=[0.0 : f32] : tile<8xf32> -> tile<f32>
    (%x: tile<f32>, %y: tile<f32>) {
      %s = addf %x, %y : tile<f32>
      yield %s : tile<f32>
    }
  }
}

// -----

// scan: dim is not negative
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>) {
    // expected-error @below {{dimension -1 is out of range [0, 1)}}
    %r = scan %a dim=-1 reverse=true identities=[0.0 : f32] : tile<8xf32> -> tile<8xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      yield %x : tile<f32>
    }
  }
}

// -----

// mmaf: 2-d or 3-d operands
cuda_tile.module @m {
  testing$func @f(%a: tile<1x2x2x2xf32>) {
    // expected-error @below {{operands must be 2-d or 3-d tiles, got tile<1x2x2x2xf32>}}
    %r = mmaf %a, %a, %a : tile<1x2x2x2xf32>, tile<1x2x2x2xf32>, tile<1x2x2x2xf32>
  }
}

// -----

// mmaf: K of lhs is K of rhs
cuda_tile.module @m {
  testing$func @f(%a: tile<4x16xf32>, %b: tile<8x16xf32>, %c: tile<4x16xf32>) {
    // expected-error @below {{dim 1 of lhs (16) and dim 0 of rhs (8) must match, but got lhs shape (4, 16) and rhs shape (8, 16)}}
    %r = mmaf %a, %b, %c : tile<4x16xf32>, tile<8x16xf32>, tile<4x16xf32>
  }
}

// -----

// mmaf: M of lhs is M of acc
cuda_tile.module @m {
  testing$func @f(%a: tile<8x8xf16>, %b: tile<8x16xf16>, %c: tile<4x16xf32>) {
    // expected-error @below {{dim 0 of lhs (8) and dim 0 of acc (4) must match}}
    %r = mmaf %a, %b, %c : tile<8x8xf16>, tile<8x16xf16>, tile<4x16xf32>
  }
}

// -----

// mmaf: batch dims agree
cuda_tile.module @m {
  testing$func @f(%a: tile<2x4x8xf16>, %b: tile<4x8x16xf16>, %c: tile<2x4x16xf32>) {
    // expected-error @below {{dim 0 of lhs (2) and dim 0 of rhs (4) must match}}
    %r = mmaf %a, %b, %c : tile<2x4x8xf16>, tile<4x8x16xf16>, tile<2x4x16xf32>
  }
}

// -----

// mmaf: operands of one rank
cuda_tile.module @m {
  testing$func @f(%a: tile<2x4x8xf16>, %b: tile<8x16xf16>, %c: tile<4x16xf32>) {
    // expected-error @below {{all operands must have the same rank, got tile<2x4x8xf16> and tile<8x16xf16>}}
    %r = mmaf %a, %b, %c : tile<2x4x8xf16>, tile<8x16xf16>, tile<4x16xf32>
  }
}

// -----

// mmaf: lhs and rhs have one element type
cuda_tile.module @m {
  testing$func @f(%a: tile<4x8xf16>, %b: tile<8x16xbf16>, %c: tile<4x16xf32>) {
    // expected-error @below {{lhs and rhs must have the same element type}}
    %r = mmaf %a, %b, %c : tile<4x8xf16>, tile<8x16xbf16>, tile<4x16xf32>
  }
}

// -----

// mmaf: no integer inputs
cuda_tile.module @m {
  testing$func @f(%a: tile<4x4xi8>, %c: tile<4x4xf32>) {
    // expected-error @below {{lhs must be a tile of f16, bf16, f32, f64, tf32, f8E4M3FN or f8E5M2, got tile<4x4xi8>}}
    %r = mmaf %a, %a, %c : tile<4x4xi8>, tile<4x4xi8>, tile<4x4xf32>
  }
}

// -----

// mmaf: bf16 accumulators do not exist
cuda_tile.module @m {
  testing$func @f(%a: tile<4x4xbf16>) {
    // expected-error @below {{acc must be a tile of f16, f32 or f64, got tile<4x4xbf16>}}
    %r = mmaf %a, %a, %a : tile<4x4xbf16>, tile<4x4xbf16>, tile<4x4xbf16>
  }
}

// -----

// mmaf: bf16 inputs accumulate in f32
cuda_tile.module @m {
  testing$func @f(%a: tile<4x4xbf16>, %c: tile<4x4xf16>) {
    // expected-error @below {{bf16 inputs need an accumulator of f32, got f16}}
    %r = mmaf %a, %a, %c : tile<4x4xbf16>, tile<4x4xbf16>, tile<4x4xf16>
  }
}

// -----

// mmaf: f8 inputs do not accumulate in f64
cuda_tile.module @m {
  testing$func @f(%a: tile<4x4xf8E5M2>, %c: tile<4x4xf64>) {
    // expected-error @below {{f8E5M2 inputs need an accumulator of f16 or f32, got f64}}
    %r = mmaf %a, %a, %c : tile<4x4xf8E5M2>, tile<4x4xf8E5M2>, tile<4x4xf64>
  }
}

// -----

// mmai: i32 accumulators
cuda_tile.module @m {
  testing$func @f(%a: tile<4x4xi8>, %c: tile<4x4xi16>) {
    // expected-error @below {{acc must be a tile of i32, got tile<4x4xi16>}}
    %r = mmai %a, %a, %c signed signed : tile<4x4xi8>, tile<4x4xi8>, tile<4x4xi16>
  }
}

// -----

// mmai: N of rhs is N of acc
cuda_tile.module @m {
  testing$func @f(%a: tile<4x8xi8>, %b: tile<8x16xi8>, %c: tile<4x8xi32>) {
    // expected-error @below {{dim 1 of rhs (16) and dim 1 of acc (8) must match}}
    %r = mmai %a, %b, %c signed unsigned : tile<4x8xi8>, tile<8x16xi8>, tile<4x8xi32>
  }
}

// -----

// mmaf_scaled: f8E4M3FN scales are for f4E2M1FN inputs
cuda_tile.module @m {
  testing$func @f(%a: tile<16x64xf8E5M2>, %b: tile<64x16xf8E5M2>, %c: tile<16x16xf32>,
                  %sa: tile<16x2xf8E4M3FN>, %sb: tile<2x16xf8E4M3FN>) {
    // expected-error @below {{f8E4M3FN scales need f4E2M1FN lhs and rhs, got f8E5M2}}
    %r = mmaf_scaled %a, %b, %c, %sa, %sb : tile<16x64xf8E5M2>, tile<64x16xf8E5M2>, tile<16x16xf32>, tile<16x2xf8E4M3FN>, tile<2x16xf8E4M3FN>
  }
}

// -----

// mmaf_scaled: f8 inputs take one scale per 32 elements of K
cuda_tile.module @m {
  testing$func @f(%a: tile<16x64xf8E4M3FN>, %b: tile<64x16xf8E4M3FN>, %c: tile<16x16xf32>,
                  %sa: tile<16x4xf8E8M0FNU>, %sb: tile<4x16xf8E8M0FNU>) {
    // expected-error @below {{f8E4M3FN inputs with f8E8M0FNU scales need 32 elements per scale along K, got 16}}
    %r = mmaf_scaled %a, %b, %c, %sa, %sb : tile<16x64xf8E4M3FN>, tile<64x16xf8E4M3FN>, tile<16x16xf32>, tile<16x4xf8E8M0FNU>, tile<4x16xf8E8M0FNU>
  }
}

// -----

// mmaf_scaled: the scales' K agree
cuda_tile.module @m {
  testing$func @f(%a: tile<16x64xf8E4M3FN>, %b: tile<64x16xf8E4M3FN>, %c: tile<16x16xf32>,
                  %sa: tile<16x2xf8E8M0FNU>, %sb: tile<4x16xf8E8M0FNU>) {
    // expected-error @below {{dim 1 of lhs_scale (2) and dim 0 of rhs_scale (4) must match}}
    %r = mmaf_scaled %a, %b, %c, %sa, %sb : tile<16x64xf8E4M3FN>, tile<64x16xf8E4M3FN>, tile<16x16xf32>, tile<16x2xf8E8M0FNU>, tile<4x16xf8E8M0FNU>
  }
}

// -----

// mmaf_scaled: f32 accumulators
cuda_tile.module @m {
  testing$func @f(%a: tile<16x64xf8E4M3FN>, %b: tile<64x16xf8E4M3FN>, %c: tile<16x16xf16>,
                  %sa: tile<16x2xf8E8M0FNU>, %sb: tile<2x16xf8E8M0FNU>) {
    // expected-error @below {{acc must be a tile of f32, got tile<16x16xf16>}}
    %r = mmaf_scaled %a, %b, %c, %sa, %sb : tile<16x64xf8E4M3FN>, tile<64x16xf8E4M3FN>, tile<16x16xf16>, tile<16x2xf8E8M0FNU>, tile<2x16xf8E8M0FNU>
  }
}

// -----

// broadcast: only dims of size 1 expand
cuda_tile.module @m {
  testing$func @f(%a: tile<2x4xf32>) {
    // expected-error @below {{cannot broadcast tile<2x4xf32> to tile<4x4xf32>: dim 0 is neither equal nor 1}}
    %r = broadcast %a : tile<2x4xf32> -> tile<4x4xf32>
  }
}

// -----

// broadcast: no new dims
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{source and result must have the same rank, got tile<4xf32> and tile<2x4xf32>}}
    %r = broadcast %a : tile<4xf32> -> tile<2x4xf32>
  }
}

// -----

// broadcast: no conversion
cuda_tile.module @m {
  testing$func @f(%a: tile<1x4xf32>) {
    // expected-error @below {{requires the same element type for source and result, got tile<1x4xf32> and tile<4x4xf16>}}
    %r = broadcast %a : tile<1x4xf32> -> tile<4x4xf16>
  }
}

// -----

// reshape: element count is kept
cuda_tile.module @m {
  testing$func @f(%a: tile<2x4xi16>) {
    // expected-error @below {{source tile<2x4xi16> and result tile<16xi16> must have the same number of elements}}
    %r = reshape %a : tile<2x4xi16> -> tile<16xi16>
  }
}

// -----

// reshape: element type is kept
cuda_tile.module @m {
  testing$func @f(%a: tile<8xi16>) {
    // expected-error @below {{requires the same element type for source and result}}
    %r = reshape %a : tile<8xi16> -> tile<2x4xi32>
  }
}

// -----

// permute: a permutation has no repeats
cuda_tile.module @m {
  testing$func @f(%a: tile<2x4xf32>) {
    // expected-error @below {{permutation elements must be unique, 1 repeats}}
    %r = permute %a [1, 1] : tile<2x4xf32> -> tile<4x4xf32>
  }
}

// -----

// permute: elements name dims
cuda_tile.module @m {
  testing$func @f(%a: tile<2x4xf32>) {
    // expected-error @below {{permutation element 0 (2) is out of range [0, 2)}}
    %r = permute %a [2, 0] : tile<2x4xf32> -> tile<4x2xf32>
  }
}

// -----

// permute: one element per dim
cuda_tile.module @m {
  testing$func @f(%a: tile<2x4x8xf32>) {
    // expected-error @below {{permutation has 2 elements but the source has rank 3}}
    %r = permute %a [1, 0] : tile<2x4x8xf32> -> tile<4x2x8xf32>
  }
}

// -----

// permute: rank 2 or more
cuda_tile.module @m {
  testing$func @f(%a: tile<4xf32>) {
    // expected-error @below {{source must have rank 2 or more, got tile<4xf32>}}
    %r = permute %a [0] : tile<4xf32> -> tile<4xf32>
  }
}

// -----

// permute: the result's shape follows the permutation
cuda_tile.module @m {
  testing$func @f(%a: tile<2x4xf32>) {
    // expected-error @below {{result dim 0 must be 4 (source dim 1), got 2}}
    %r = permute %a [1, 0] : tile<2x4xf32> -> tile<2x4xf32>
  }
}

// -----

// cat: dim is a dim of the operands
cuda_tile.module @m {
  testing$func @f(%a: tile<2x2xf32>) {
    // expected-error @below {{dim 2 is out of range [0, 2)}}
    %r = cat %a, %a dim = 2 : tile<2x2xf32>, tile<2x2xf32> -> tile<2x4xf32>
  }
}

// -----

// cat: the result's dim is the sum
cuda_tile.module @m {
  testing$func @f(%a: tile<2x2xf32>) {
    // expected-error @below {{result dim 0 must be 4, got 8}}
    %r = cat %a, %a dim = 0 : tile<2x2xf32>, tile<2x2xf32> -> tile<8x2xf32>
  }
}

// -----

// cat: other dims agree
cuda_tile.module @m {
  testing$func @f(%a: tile<2x2xf32>, %b: tile<2x4xf32>) {
    // expected-error @below {{lhs and rhs must match in dim 1 (not the concat dim), got tile<2x2xf32> and tile<2x4xf32>}}
    %r = cat %a, %b dim = 0 : tile<2x2xf32>, tile<2x4xf32> -> tile<4x2xf32>
  }
}

// -----

// extract: the result divides the source
cuda_tile.module @m {
  testing$func @f(%a: tile<8x4xf32>, %i: tile<i32>) {
    // expected-error @below {{source dim 1 (4) must be a multiple of result dim 1 (8)}}
    %r = extract %a[%i, %i] : tile<8x4xf32> -> tile<4x8xf32>
  }
}

// -----

// extract: one index per dim
cuda_tile.module @m {
  testing$func @f(%a: tile<8x4xf32>, %i: tile<i32>) {
    // expected-error @below {{expected 2 indices, but got 1}}
    %r = extract %a[%i] : tile<8x4xf32> -> tile<4x4xf32>
  }
}

// -----

// extract: indices are rank-0 i32 tiles
cuda_tile.module @m {
  testing$func @f(%a: tile<8xf32>, %i: tile<i64>) {
    // expected-error @below {{index 0 must be a rank-0 tile of i32, got tile<i64>}}
    %r = extract %a[%i] : tile<8xf32> -> tile<4xf32>
  }
}

// -----

// insert: the result has the destination's type
cuda_tile.module @m {
  testing$func @f(%s: tile<2xf32>, %d: tile<8xf32>, %i: tile<i32>) {
    // expected-error @below {{result type tile<4xf32> must be the destination's type tile<8xf32>}}
    %r = insert %s, %d[%i] : tile<2xf32> -> tile<4xf32>
  }
}

// -----

// insert: the source divides the destination
cuda_tile.module @m {
  testing$func @f(%s: tile<2x8xf32>, %d: tile<8x4xf32>, %i: tile<i32>) {
    // expected-error @below {{destination dim 1 (4) must be a multiple of source dim 1 (8)}}
    %r = insert %s, %d[%i, %i] : tile<2x8xf32> -> tile<8x4xf32>
  }
}

// -----

// insert: one index per dim
cuda_tile.module @m {
  testing$func @f(%s: tile<2x2xf32>, %d: tile<8x8xf32>, %i: tile<i32>) {
    // expected-error @below {{expected 2 indices, but got 3}}
    %r = insert %s, %d[%i, %i, %i] : tile<2x2xf32> -> tile<8x8xf32>
  }
}

// -----

// pack: rank-1 tiles
cuda_tile.module @m {
  testing$func @f(%a: tile<4x4xf16>) {
    // expected-error @below {{expects source and result to be rank-1 tiles}}
    %r = pack %a : tile<4x4xf16> -> tile<4x8xi8>
  }
}

// -----

// pack: i8 is already bytes
cuda_tile.module @m {
  testing$func @f(%a: tile<16xf8E4M3FN>) {
    // expected-error @below {{expects source and result to have different element type widths}}
    %r = pack %a : tile<16xf8E4M3FN> -> tile<16xi8>
  }
}

// -----

// pack: as many bytes out as in
cuda_tile.module @m {
  testing$func @f(%a: tile<16xf16>) {
    // expected-error @below {{expects source and result to have the same size in bytes, got 32 and 16}}
    %r = pack %a : tile<16xf16> -> tile<16xi8>
  }
}

// -----

// unpack: whole bytes
cuda_tile.module @m {
  testing$func @f(%a: tile<1xi8>) {
    // expected-error @below {{expects the result tile tile<1xi1> to be byte-aligned}}
    %r = unpack %a : tile<1xi8> -> tile<1xi1>
  }
}

// -----

// unpack: the source is a tile of i8
cuda_tile.module @m {
  testing$func @f(%a: tile<8xi16>) {
    // expected-error @below {{expects a tile of numbers and a tile of i8, got tile<8xi16> and tile<8xf16>}}
    %r = unpack %a : tile<8xi16> -> tile<8xf16>
  }
}

// -----

// get_tile_block_id: rank-0 i32 results
cuda_tile.module @m {
  entry @k() {
    // expected-error @below {{result 0 must be a rank-0 tile of i32, got tile<i64>}}
    %x, %y, %z = get_tile_block_id : tile<i64>
  }
}

// -----

// get_num_tile_blocks: rank-0 i32 results
cuda_tile.module @m {
  entry @k() {
    // expected-error @below {{result 0 must be a rank-0 tile of i32, got tile<1xi32>}}
    %x, %y, %z = get_num_tile_blocks : tile<1xi32>
  }
}
