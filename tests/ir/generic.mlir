// MLIR's generic op form: "cuda_tile.NAME"(operands) ({regions})?
// <{properties}>? {attributes}? : (types) -> types.  Inherent attributes
// may be given as properties or in the attribute dictionary; the printer
// writes the custom form.

cuda_tile.module @generic {
  testing$func @arith(%a: tile<4xf32>, %b: tile<4xf32>, %i: tile<4xi32>, %c: tile<4xi1>) {
    %0 = "cuda_tile.addf"(%a, %b) <{rounding_mode = #cuda_tile.rounding<nearest_even>}> : (!cuda_tile.tile<4xf32>, !cuda_tile.tile<4xf32>) -> !cuda_tile.tile<4xf32>
    %1 = "cuda_tile.subf"(%a, %b) {rounding_mode = #cuda_tile.rounding<zero>, flush_to_zero} : (tile<4xf32>, tile<4xf32>) -> tile<4xf32>
    %2 = "cuda_tile.maxf"(%a, %b) <{propagate_nan}> : (!cuda_tile.tile<4xf32>, !cuda_tile.tile<4xf32>) -> !cuda_tile.tile<4xf32>
    %3 = "cuda_tile.addi"(%i, %i) <{overflow = #cuda_tile.overflow<no_signed_wrap>}> : (!cuda_tile.tile<4xi32>, !cuda_tile.tile<4xi32>) -> !cuda_tile.tile<4xi32>
    %4 = "cuda_tile.divi"(%i, %i) <{rounding = #cuda_tile.rounding<negative_inf>, signedness = #cuda_tile.signedness<signed>}> : (!cuda_tile.tile<4xi32>, !cuda_tile.tile<4xi32>) -> !cuda_tile.tile<4xi32>
    %5 = "cuda_tile.cmpf"(%a, %b) {comparison_predicate = #cuda_tile.comparison_predicate<less_than>, comparison_ordering = #cuda_tile.comparison_ordering<unordered>} : (!cuda_tile.tile<4xf32>, !cuda_tile.tile<4xf32>) -> !cuda_tile.tile<4xi1>
    %6 = "cuda_tile.cmpi"(%i, %i) <{comparison_predicate = #cuda_tile.comparison_predicate<equal>, signedness = #cuda_tile.signedness<unsigned>}> : (!cuda_tile.tile<4xi32>, !cuda_tile.tile<4xi32>) -> !cuda_tile.tile<4xi1>
    %7 = "cuda_tile.select"(%c, %a, %b) : (!cuda_tile.tile<4xi1>, !cuda_tile.tile<4xf32>, !cuda_tile.tile<4xf32>) -> !cuda_tile.tile<4xf32>
    %8 = "cuda_tile.exp"(%a) <{rounding_mode = #cuda_tile.rounding<approx>}> : (!cuda_tile.tile<4xf32>) -> !cuda_tile.tile<4xf32>
    %9 = "cuda_tile.ftoi"(%a) <{rounding_mode = #cuda_tile.rounding<nearest_int_to_zero>, signedness = #cuda_tile.signedness<signed>}> : (!cuda_tile.tile<4xf32>) -> !cuda_tile.tile<4xi32>
    %10 = "cuda_tile.exti"(%c) <{signedness = #cuda_tile.signedness<unsigned>}> : (!cuda_tile.tile<4xi1>) -> !cuda_tile.tile<4xi32>
    "cuda_tile.return"() : () -> ()
  }

  testing$func @shape(%m: tile<2x4xf32>, %i: tile<i32>, %p: tile<ptr<f32>>) {
    %0 = "cuda_tile.permute"(%m) <{permutation = array<i32: 1, 0>}> : (!cuda_tile.tile<2x4xf32>) -> !cuda_tile.tile<4x2xf32>
    %1 = "cuda_tile.cat"(%m, %m) <{dim = 0 : i64}> : (!cuda_tile.tile<2x4xf32>, !cuda_tile.tile<2x4xf32>) -> !cuda_tile.tile<4x4xf32>
    %2 = "cuda_tile.extract"(%m, %i, %i) : (!cuda_tile.tile<2x4xf32>, !cuda_tile.tile<i32>, !cuda_tile.tile<i32>) -> !cuda_tile.tile<1x2xf32>
    %3 = "cuda_tile.iota"() : () -> !cuda_tile.tile<8xi32>
    %4:3 = "cuda_tile.get_tile_block_id"() : () -> (!cuda_tile.tile<i32>, !cuda_tile.tile<i32>, !cuda_tile.tile<i32>)
    %5 = "cuda_tile.assume"(%p) <{predicate = #cuda_tile.div_by<16>}> : (!cuda_tile.tile<!cuda_tile.ptr<f32>>) -> !cuda_tile.tile<!cuda_tile.ptr<f32>>
    %6 = "cuda_tile.alloca"() <{alignment = 16 : i64, num_elem = 32 : i64}> : () -> !cuda_tile.tile<!cuda_tile.ptr<f32>>
    "cuda_tile.return"() : () -> ()
  }

  testing$func @memory(%p: tile<8xptr<f32>>, %m: tile<8xi1>, %v: tile<8xf32>, %t: token, %pi: tile<8xptr<i32>>, %i: tile<8xi32>) {
    %0:2 = "cuda_tile.load_ptr_tko"(%p, %m, %t) <{memory_ordering_semantics = 0 : i32, operandSegmentSizes = array<i32: 1, 1, 0, 1>}> : (!cuda_tile.tile<8x!cuda_tile.ptr<f32>>, !cuda_tile.tile<8xi1>, !cuda_tile.token) -> (!cuda_tile.tile<8xf32>, !cuda_tile.token)
    %1 = "cuda_tile.store_ptr_tko"(%p, %v) <{memory_ordering_semantics = 1 : i32, memory_scope = 1 : i32, operandSegmentSizes = array<i32: 1, 1, 0, 0>}> : (!cuda_tile.tile<8x!cuda_tile.ptr<f32>>, !cuda_tile.tile<8xf32>) -> !cuda_tile.token
    %2:2 = "cuda_tile.atomic_rmw_tko"(%pi, %i, %m) <{memory_ordering_semantics = 4 : i32, memory_scope = 2 : i32, mode = 3 : i32, operandSegmentSizes = array<i32: 1, 1, 1, 0>}> : (!cuda_tile.tile<8x!cuda_tile.ptr<i32>>, !cuda_tile.tile<8xi32>, !cuda_tile.tile<8xi1>) -> (!cuda_tile.tile<8xi32>, !cuda_tile.token)
    %3 = "cuda_tile.make_token"() : () -> !cuda_tile.token
    %4 = "cuda_tile.join_tokens"(%3, %t) : (!cuda_tile.token, !cuda_tile.token) -> !cuda_tile.token
    %5 = "cuda_tile.print_tko"(%v, %4) <{str = "v=%f", operandSegmentSizes = array<i32: 1, 1>}> : (!cuda_tile.tile<8xf32>, !cuda_tile.token) -> !cuda_tile.token
    "cuda_tile.return"() : () -> ()
  }

  testing$func @regions(%c: tile<i1>, %x: tile<8xf32>, %lb: tile<i32>) {
    %0 = "cuda_tile.if"(%c) ({
      "cuda_tile.yield"(%x) : (!cuda_tile.tile<8xf32>) -> ()
    }, {
      %n = "cuda_tile.negf"(%x) : (!cuda_tile.tile<8xf32>) -> !cuda_tile.tile<8xf32>
      "cuda_tile.yield"(%n) : (!cuda_tile.tile<8xf32>) -> ()
    }) : (!cuda_tile.tile<i1>) -> !cuda_tile.tile<8xf32>
    %1 = "cuda_tile.reduce"(%0) <{dim = 0 : i32, identities = [0.000000e+00 : f32]}> ({
    ^bb0(%a: !cuda_tile.tile<f32>, %b: !cuda_tile.tile<f32>):
      %s = "cuda_tile.addf"(%a, %b) <{rounding_mode = #cuda_tile.rounding<nearest_even>}> : (!cuda_tile.tile<f32>, !cuda_tile.tile<f32>) -> !cuda_tile.tile<f32>
      "cuda_tile.yield"(%s) : (!cuda_tile.tile<f32>) -> ()
    }) : (!cuda_tile.tile<8xf32>) -> !cuda_tile.tile<f32>
    %2 = "cuda_tile.scan"(%x) <{dim = 0 : i32, identities = [1.000000e+00 : f32], reverse = true}> ({
    ^bb0(%a: !cuda_tile.tile<f32>, %b: !cuda_tile.tile<f32>):
      %p = "cuda_tile.mulf"(%a, %b) <{rounding_mode = #cuda_tile.rounding<nearest_even>}> : (!cuda_tile.tile<f32>, !cuda_tile.tile<f32>) -> !cuda_tile.tile<f32>
      "cuda_tile.yield"(%p) : (!cuda_tile.tile<f32>) -> ()
    }) : (!cuda_tile.tile<8xf32>) -> !cuda_tile.tile<8xf32>
    %3 = "cuda_tile.for"(%lb, %lb, %lb, %lb) ({
    ^bb0(%iv: !cuda_tile.tile<i32>, %acc: !cuda_tile.tile<i32>):
      %n = "cuda_tile.addi"(%acc, %iv) : (!cuda_tile.tile<i32>, !cuda_tile.tile<i32>) -> !cuda_tile.tile<i32>
      "cuda_tile.continue"(%n) : (!cuda_tile.tile<i32>) -> ()
    }) : (!cuda_tile.tile<i32>, !cuda_tile.tile<i32>, !cuda_tile.tile<i32>, !cuda_tile.tile<i32>) -> !cuda_tile.tile<i32>
    %4 = "cuda_tile.loop"(%lb) ({
    ^bb0(%k: !cuda_tile.tile<i32>):
      "cuda_tile.break"(%k) : (!cuda_tile.tile<i32>) -> ()
    }) : (!cuda_tile.tile<i32>) -> !cuda_tile.tile<i32>
    %5 = "cuda_tile.constant"() <{value = dense<[1.000000e+00, 2.000000e+00]> : !cuda_tile.tile<2xf32>}> : () -> !cuda_tile.tile<2xf32>
    "cuda_tile.return"() : () -> ()
  }
}
