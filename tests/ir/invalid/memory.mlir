// Verifier rules of the memory ops (src/ir/ir_verify_mem.c): each case
// breaks one rule.  Run: tilesim test tests/ir/invalid/memory.mlir

// ---- alloca ----
cuda_tile.module @m {
  entry @k() {
    // expected-error @below {{result must be a 0-d tile of pointers}}
    %a = alloca num_elem = 8, alignment = 8 : tile<4xptr<f32>>
  }
}

// -----
cuda_tile.module @m {
  entry @k() {
    // expected-error @below {{alignment must be a power of two, got 0}}
    %a = alloca num_elem = 8, alignment = 0 : tile<ptr<f32>>
  }
}

// -----
cuda_tile.module @m {
  entry @k() {
    // expected-error @below {{alignment must be a power of two, got 12}}
    %a = alloca num_elem = 8, alignment = 12 : tile<ptr<f32>>
  }
}

// -----
cuda_tile.module @m {
  entry @k() {
    // expected-error @below {{alignment 4 is less than the natural size of f64 (8 bytes)}}
    %a = alloca num_elem = 8, alignment = 4 global : tile<ptr<f64>>
  }
}

// ---- assert ----
// -----
cuda_tile.module @m {
  testing$func @f(%c: tile<4xi8>) {
    // expected-error @below {{condition must be a tile of i1, got tile<4xi8>}}
    assert %c, "never" : tile<4xi8>
  }
}

// ---- atomic_cas_tko ----
// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i32>>, %c: tile<4xi64>, %v: tile<4xi32>) {
    // expected-error @below {{cmp and val must have the same type (tile<4xi64> vs tile<4xi32>)}}
    %o, %t = atomic_cas_tko relaxed device %p, %c, %v : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xi64>, %v: tile<4xi32>) {
    // expected-error @below {{pointers must be a tile of pointers, got tile<4xi64>}}
    %o, %t = atomic_cas_tko relaxed device %p, %v, %v : tile<4xi64>, tile<4xi32> -> tile<4xi32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<8xptr<i32>>, %v: tile<4xi32>) {
    // expected-error @below {{pointers and val must have the same shape}}
    %o, %t = atomic_cas_tko relaxed device %p, %v, %v : tile<8xptr<i32>>, tile<4xi32> -> tile<4xi32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i32>>, %v: tile<4xi32>) {
    // expected-error @below {{result type must be the type of val (tile<4xi32>), got tile<4xi64>}}
    %o, %t = atomic_cas_tko relaxed device %p, %v, %v : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi64>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %v: tile<4xi32>) {
    // expected-error @below {{pointee type f32 does not match the element type of val (i32)}}
    %o, %t = atomic_cas_tko relaxed device %p, %v, %v : tile<4xptr<f32>>, tile<4xi32> -> tile<4xi32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f16>>, %v: tile<4xf16>) {
    // expected-error @below {{compare-and-swap works only on 32- or 64-bit integer or float elements, got f16}}
    %o, %t = atomic_cas_tko relaxed device %p, %v, %v : tile<4xptr<f16>>, tile<4xf16> -> tile<4xf16>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i64>>, %v: tile<4xi64>, %m: tile<2xi1>) {
    // expected-error @below {{mask shape must match the shape of the val}}
    %o, %t = atomic_cas_tko relaxed device %p, %v, %v, %m : tile<4xptr<i64>>, tile<4xi64>, tile<2xi1> -> tile<4xi64>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f64>>, %v: tile<4xf64>) {
    // expected-error @below {{atomic memory ordering must be relaxed, acquire, release or acq_rel, got weak}}
    %o, %t = atomic_cas_tko weak device %p, %v, %v : tile<4xptr<f64>>, tile<4xf64> -> tile<4xf64>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i32>>, %v: tile<4xi32>, %t0: tile<i32>) {
    // expected-error @below {{token operand must be a token, got tile<i32>}}
    %o, %t = atomic_cas_tko relaxed device %p, %v, %v token=%t0 : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi32>, token
  }
}

// ---- atomic_rmw_tko ----
// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i32>>, %v: tile<4xi32>) {
    // expected-error @below {{atomic mode 'addf' works only on f16, bf16, f32 or f64 elements, got i32}}
    %o, %t = atomic_rmw_tko relaxed device %p, addf, %v : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %v: tile<4xf32>) {
    // expected-error @below {{atomic mode 'max' works only on i32 or i64 elements, got f32}}
    %o, %t = atomic_rmw_tko relaxed device %p, max, %v : tile<4xptr<f32>>, tile<4xf32> -> tile<4xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i16>>, %v: tile<4xi16>) {
    // expected-error @below {{atomic mode 'or' works only on i32 or i64 elements, got i16}}
    %o, %t = atomic_rmw_tko relaxed device %p, or, %v : tile<4xptr<i16>>, tile<4xi16> -> tile<4xi16>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<bf16>>, %v: tile<4xbf16>) {
    // expected-error @below {{atomic mode 'xchg' works only on 32- or 64-bit integer or float elements, got bf16}}
    %o, %t = atomic_rmw_tko relaxed device %p, xchg, %v : tile<4xptr<bf16>>, tile<4xbf16> -> tile<4xbf16>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4x2xptr<i32>>, %v: tile<2x4xi32>) {
    // expected-error @below {{pointers and arg must have the same shape}}
    %o, %t = atomic_rmw_tko relaxed device %p, add, %v : tile<4x2xptr<i32>>, tile<2x4xi32> -> tile<2x4xi32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i64>>, %v: tile<4xi32>) {
    // expected-error @below {{pointee type i64 does not match the element type of arg (i32)}}
    %o, %t = atomic_rmw_tko relaxed device %p, add, %v : tile<4xptr<i64>>, tile<4xi32> -> tile<4xi32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i32>>, %v: tile<4xi32>, %m: tile<4xi8>) {
    // expected-error @below {{mask must be a tile of i1, got tile<4xi8>}}
    %o, %t = atomic_rmw_tko relaxed device %p, add, %v, %m : tile<4xptr<i32>>, tile<4xi32>, tile<4xi8> -> tile<4xi32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i32>>, %v: tile<4xi32>) {
    // expected-error @below {{atomic memory ordering must be relaxed, acquire, release or acq_rel, got weak}}
    %o, %t = atomic_rmw_tko weak tl_blk %p, umin, %v : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i32>>, %v: tile<4xi32>) {
    // expected-error @below {{result 1 must be a token, got tile<i32>}}
    %o, %t = atomic_rmw_tko relaxed device %p, add, %v : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi32>, tile<i32>
  }
}

// ---- atomic_red_view_tko ----
// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, %x: tile<2x2xi32>, %i: tile<i32>) {
    // expected-error @below {{requires a memory scope}}
    %t = atomic_red_view_tko relaxed %v[%i, %i], add, %x : tile<2x2xi32>, partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: gather_scatter_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>, sparse_dim=1>, %x: tile<2x2xi32>, %i: tile<i32>, %r: tile<2xi32>) {
    // expected-error @below {{atomic reductions do not support gather_scatter_view}}
    %t = atomic_red_view_tko relaxed device %v[%i, %r], add, %x : tile<2x2xi32>, gather_scatter_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>, sparse_dim=1>, tile<i32>, tile<2xi32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(2x2), padding_value = nan, tensor_view<8x8xf32, strides=[8,1]>>, %x: tile<2x2xf32>, %i: tile<i32>) {
    // expected-error @below {{atomic reductions do not support views with a padding_value}}
    %t = atomic_red_view_tko relaxed device %v[%i, %i], addf, %x : tile<2x2xf32>, partition_view<tile=(2x2), padding_value = nan, tensor_view<8x8xf32, strides=[8,1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(2x2), tensor_view<8x8xi64, strides=[8,1]>>, %x: tile<2x2xi32>, %i: tile<i32>) {
    // expected-error @below {{value type tile<2x2xi32> must have the view's element type i64}}
    %t = atomic_red_view_tko relaxed device %v[%i, %i], add, %x : tile<2x2xi32>, partition_view<tile=(2x2), tensor_view<8x8xi64, strides=[8,1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: strided_view<tile=(2x2), traversal_strides=[1,1], tensor_view<8x8xi32, strides=[8,1]>>, %x: tile<2x4xi32>, %i: tile<i32>) {
    // expected-error @below {{value type tile<2x4xi32> must have the view's tile shape (tile<2x2xi32>)}}
    %t = atomic_red_view_tko relaxed device %v[%i, %i], add, %x : tile<2x4xi32>, strided_view<tile=(2x2), traversal_strides=[1,1], tensor_view<8x8xi32, strides=[8,1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, %x: tile<2x2xi32>, %i: tile<i32>) {
    // expected-error @below {{atomic reductions cannot use xchg}}
    %t = atomic_red_view_tko relaxed device %v[%i, %i], xchg, %x : tile<2x2xi32>, partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(2x2), tensor_view<8x8xf16, strides=[8,1]>>, %x: tile<2x2xf16>, %i: tile<i32>) {
    // expected-error @below {{atomic mode 'add' works only on i32 or i64 elements, got f16}}
    %t = atomic_red_view_tko relaxed device %v[%i, %i], add, %x : tile<2x2xf16>, partition_view<tile=(2x2), tensor_view<8x8xf16, strides=[8,1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, %x: tile<2x2xi32>, %i: tile<i32>) {
    // expected-error @below {{atomic reductions support only relaxed memory ordering, got acq_rel}}
    %t = atomic_red_view_tko acq_rel device %v[%i, %i], add, %x : tile<2x2xi32>, partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, %x: tile<2x2xi32>, %i: tile<i32>) {
    // expected-error @below {{atomic reductions support tl_blk and device scopes, not sys}}
    %t = atomic_red_view_tko relaxed sys %v[%i, %i], add, %x : tile<2x2xi32>, partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, %x: tile<2x2xi32>, %i: tile<i32>) {
    // expected-error @below {{expected 2 indices (the view's index rank), got 3}}
    %t = atomic_red_view_tko relaxed device %v[%i, %i, %i], add, %x : tile<2x2xi32>, partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, %x: tile<2x2xi32>, %i: tile<i32>, %j: tile<f32>) {
    // expected-error @below {{index 1 must be an integer tile, got tile<f32>}}
    %t = atomic_red_view_tko relaxed device %v[%i, %j], add, %x : tile<2x2xi32>, partition_view<tile=(2x2), tensor_view<8x8xi32, strides=[8,1]>>, tile<i32>, tile<f32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: tile<2x2xi32>, %x: tile<2x2xi32>, %i: tile<i32>) {
    // expected-error @below {{view operand must be a partition_view, strided_view or gather_scatter_view, got tile<2x2xi32>}}
    %t = atomic_red_view_tko relaxed device %v[%i, %i], add, %x : tile<2x2xi32>, tile<2x2xi32>, tile<i32> -> token
  }
}

// ---- gdc_*, memory_fence_alias_tko, make_token, join_tokens ----
// -----
cuda_tile.module @m {
  testing$func @f(%t: tile<i1>) {
    // expected-error @below {{token operand must be a token, got tile<i1>}}
    %w = gdc_wait_tko token=%t : token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f() {
    // expected-error @below {{result 0 must be a token, got tile<i32>}}
    %w = gdc_launch_dependents_tko : tile<i32>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f() {
    // expected-error @below {{requires a token operand}}
    %w = memory_fence_alias_tko : token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%t: tile<i32>) {
    // expected-error @below {{token operand must be a token, got tile<i32>}}
    %w = memory_fence_alias_tko token=%t : token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f() {
    // expected-error @below {{result 0 must be a token, got tile<i1>}}
    %t = make_token : tile<i1>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%a: token) {
    // expected-error @below {{expects two or more tokens, got 1}}
    %t = join_tokens %a : token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%a: token, %b: tile<i32>) {
    // expected-error @below {{operand 1 must be a token, got tile<i32>}}
    %t = join_tokens %a, %b : token
  }
}

// ---- global, get_global ----
// -----
cuda_tile.module @m {
  // expected-error @below {{global value must be a 1-d tile, got tile<2x2xf32>}}
  global @g <f32: [[1.0, 2.0], [3.0, 4.0]]> : tile<2x2xf32>
}

// -----
cuda_tile.module @m {
  entry @k() {
    // expected-error @below {{@nowhere does not name a global of this module}}
    %p = get_global @nowhere : tile<ptr<f32>>
  }
}

// -----
cuda_tile.module @m {
  entry @k() {
    // expected-error @below {{@k does not name a global of this module}}
    %p = get_global @k : tile<ptr<f32>>
  }
}

// -----
cuda_tile.module @m {
  global @g <f32: [1.0, 2.0]> : tile<2xf32>
  entry @k() {
    // expected-error @below {{result must be a 0-d tile of pointers, got tile<2xptr<f32>>}}
    %p = get_global @g : tile<2xptr<f32>>
  }
}

// -----
cuda_tile.module @m {
  global @g <i16: [1, 2]> : tile<2xi16>
  entry @k() {
    // expected-error @below {{pointee type i32 does not match the element type i16 of global @g}}
    %p = get_global @g : tile<ptr<i32>>
  }
}

// ---- get_tensor_shape, get_index_space_shape ----
// -----
cuda_tile.module @m {
  testing$func @f(%tv: tensor_view<8x?x4xf32, strides=[?,4,1]>) {
    // expected-error @below {{expected 3 results (the tensor_view's rank), got 2}}
    %a, %b = get_tensor_shape %tv : tensor_view<8x?x4xf32, strides=[?,4,1]> -> tile<i32>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%tv: tensor_view<8xf32, strides=[1]>) {
    // expected-error @below {{result 0 must be a 0-d integer tile, got tile<f16>}}
    %a = get_tensor_shape %tv : tensor_view<8xf32, strides=[1]> -> tile<f16>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(4), tensor_view<8xf32, strides=[1]>>) {
    // expected-error @below {{operand must be a tensor_view, got partition_view}}
    %a = get_tensor_shape %v : partition_view<tile=(4), tensor_view<8xf32, strides=[1]>> -> tile<i32>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(4x4), tensor_view<?x?xf32, strides=[?,1]>>) {
    // expected-error @below {{expected 2 results (the view's index rank), got 1}}
    %a = get_index_space_shape %v : partition_view<tile=(4x4), tensor_view<?x?xf32, strides=[?,1]>> -> tile<i64>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: strided_view<tile=(4), traversal_strides=[2], tensor_view<64xf32, strides=[1]>>) {
    // expected-error @below {{result 0 must be a 0-d integer tile, got tile<2xi32>}}
    %a = get_index_space_shape %v : strided_view<tile=(4), traversal_strides=[2], tensor_view<64xf32, strides=[1]>> -> tile<2xi32>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%tv: tensor_view<64xf32, strides=[1]>) {
    // expected-error @below {{view operand must be a partition_view, strided_view or gather_scatter_view, got tensor_view}}
    %a = get_index_space_shape %tv : tensor_view<64xf32, strides=[1]> -> tile<i32>
  }
}

// ---- load_ptr_tko ----
// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xi64>) {
    // expected-error @below {{source must be a tile of pointers, got tile<4xi64>}}
    %x, %t = load_ptr_tko weak %p : tile<4xi64> -> tile<4xi64>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>) {
    // expected-error @below {{result type tile<8xf32> is not what tile<4xptr<f32>> points to}}
    %x, %t = load_ptr_tko weak %p : tile<4xptr<f32>> -> tile<8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>) {
    // expected-error @below {{result type tile<4xbf16> is not what tile<4xptr<f32>> points to}}
    %x, %t = load_ptr_tko weak %p : tile<4xptr<f32>> -> tile<4xbf16>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %m: tile<4xi32>) {
    // expected-error @below {{mask must be a tile of i1, got tile<4xi32>}}
    %x, %t = load_ptr_tko weak %p, %m : tile<4xptr<f32>>, tile<4xi32> -> tile<4xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4x4xptr<f32>>, %m: tile<4xi1>) {
    // expected-error @below {{mask shape must match the shape of the source}}
    %x, %t = load_ptr_tko weak %p, %m : tile<4x4xptr<f32>>, tile<4xi1> -> tile<4x4xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %m: tile<4xi1>, %z: tile<4xf16>) {
    // expected-error @below {{padding value must have the result type tile<4xf32>, got tile<4xf16>}}
    %x, %t = load_ptr_tko weak %p, %m, %z : tile<4xptr<f32>>, tile<4xi1>, tile<4xf16> -> tile<4xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>) {
    // expected-error @below {{memory ordering of a load must be weak, relaxed or acquire, got acq_rel}}
    %x, %t = load_ptr_tko acq_rel device %p : tile<4xptr<f32>> -> tile<4xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>) {
    // expected-error @below {{weak load must not have a memory scope, got sys}}
    %x, %t = load_ptr_tko weak sys %p : tile<4xptr<f32>> -> tile<4xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>) {
    // expected-error @below {{acquire load requires a memory scope}}
    %x, %t = load_ptr_tko acquire %p : tile<4xptr<f32>> -> tile<4xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %t0: tile<4xf32>) {
    // expected-error @below {{token operand must be a token, got tile<4xf32>}}
    %x, %t = load_ptr_tko weak %p token=%t0 : tile<4xptr<f32>> -> tile<4xf32>, token
  }
}

// ---- load_view_tko ----
// -----
cuda_tile.module @m {
  testing$func @f(%v: tensor_view<64xf32, strides=[1]>, %i: tile<i32>) {
    // expected-error @below {{view operand must be a partition_view, strided_view or gather_scatter_view, got tensor_view}}
    %x, %t = load_view_tko weak %v[%i] : tensor_view<64xf32, strides=[1]>, tile<i32> -> tile<8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8x8), tensor_view<64x64xf32, strides=[64,1]>>, %i: tile<i32>) {
    // expected-error @below {{expected 2 indices (the view's index rank), got 1}}
    %x, %t = load_view_tko weak %v[%i] : partition_view<tile=(8x8), tensor_view<64x64xf32, strides=[64,1]>>, tile<i32> -> tile<8x8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8x8), tensor_view<64x64xf32, strides=[64,1]>>, %i: tile<i32>) {
    // expected-error @below {{result type must be tile<8x8xf32> (the view's tile), got tile<8x8xf16>}}
    %x, %t = load_view_tko weak %v[%i, %i] : partition_view<tile=(8x8), tensor_view<64x64xf32, strides=[64,1]>>, tile<i32> -> tile<8x8xf16>, token
  }
}

// -----
// dim_map places the tile's dims in the tensor; the tile keeps its own order.
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8x16), tensor_view<64x64xf32, strides=[64,1]>, dim_map=[1, 0]>, %i: tile<i32>) {
    // expected-error @below {{result type must be tile<8x16xf32> (the view's tile), got tile<16x8xf32>}}
    %x, %t = load_view_tko weak %v[%i, %i] : partition_view<tile=(8x16), tensor_view<64x64xf32, strides=[64,1]>, dim_map=[1, 0]>, tile<i32> -> tile<16x8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8x8), tensor_view<64x64xf32, strides=[64,1]>>, %i: tile<i32>, %j: tile<i16>) {
    // expected-error @below {{indices must all have one type: index 1 is tile<i16>, not tile<i32>}}
    %x, %t = load_view_tko weak %v[%i, %j] : partition_view<tile=(8x8), tensor_view<64x64xf32, strides=[64,1]>>, tile<i32>, tile<i16> -> tile<8x8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: strided_view<tile=(8), traversal_strides=[3], tensor_view<64xf32, strides=[1]>>, %i: tile<1xi32>) {
    // expected-error @below {{index 0 must be a 0-d tile, got tile<1xi32>}}
    %x, %t = load_view_tko weak %v[%i] : strided_view<tile=(8), traversal_strides=[3], tensor_view<64xf32, strides=[1]>>, tile<1xi32> -> tile<8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, %i: tile<ptr<i32>>) {
    // expected-error @below {{index 0 must be an integer tile, got tile<ptr<i32>>}}
    %x, %t = load_view_tko weak %v[%i] : partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, tile<ptr<i32>> -> tile<8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: gather_scatter_view<tile=(4x8), tensor_view<64x64xf32, strides=[64,1]>, sparse_dim=0>, %i: tile<i32>) {
    // expected-error @below {{index 0 (the sparse_dim) must be a 1-d tile, got tile<i32>}}
    %x, %t = load_view_tko weak %v[%i, %i] : gather_scatter_view<tile=(4x8), tensor_view<64x64xf32, strides=[64,1]>, sparse_dim=0>, tile<i32> -> tile<4x8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: gather_scatter_view<tile=(4x8), tensor_view<64x64xf32, strides=[64,1]>, sparse_dim=1>, %i: tile<i32>, %r: tile<4xi32>) {
    // expected-error @below {{index 1 (the sparse_dim) has 4 elements, but the view tile has 8 along dim 1}}
    %x, %t = load_view_tko weak %v[%i, %r] : gather_scatter_view<tile=(4x8), tensor_view<64x64xf32, strides=[64,1]>, sparse_dim=1>, tile<i32>, tile<4xi32> -> tile<4x8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: gather_scatter_view<tile=(4x8x2), tensor_view<64x64x64xf32, strides=[4096,64,1]>, sparse_dim=0>, %i: tile<i32>, %j: tile<i64>, %r: tile<4xi32>) {
    // expected-error @below {{indices must all have one type: index 2 is tile<i64>, not tile<i32>}}
    %x, %t = load_view_tko weak %v[%r, %i, %j] : gather_scatter_view<tile=(4x8x2), tensor_view<64x64x64xf32, strides=[4096,64,1]>, sparse_dim=0>, tile<4xi32>, tile<i32>, tile<i64> -> tile<4x8x2xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, %i: tile<i32>) {
    // expected-error @below {{relaxed load requires a memory scope}}
    %x, %t = load_view_tko relaxed %v[%i] : partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, tile<i32> -> tile<8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, %i: tile<i32>) {
    // expected-error @below {{memory ordering of a load must be weak, relaxed or acquire, got release}}
    %x, %t = load_view_tko release device %v[%i] : partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, tile<i32> -> tile<8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, %i: tile<i32>) {
    // expected-error @below {{weak load must not have a memory scope, got tl_blk}}
    %x, %t = load_view_tko weak tl_blk %v[%i] : partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, tile<i32> -> tile<8xf32>, token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, %i: tile<i32>) {
    // expected-error @below {{result 1 must be a token, got tile<i32>}}
    %x, %t = load_view_tko weak %v[%i] : partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, tile<i32> -> tile<8xf32>, tile<i32>
  }
}

// ---- make_partition_view, make_strided_view, make_gather_scatter_view ----
// -----
cuda_tile.module @m {
  testing$func @f(%tv: tensor_view<64x64xf16, strides=[64,1]>) {
    // expected-error @below {{operand type tensor_view<64x64xf16, strides=[64,1]> is not the view's tensor_view type}}
    %v = make_partition_view %tv : partition_view<tile=(8x8), tensor_view<64x64xf32, strides=[64,1]>>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%tv: tensor_view<64x?xf32, strides=[?,1]>) {
    // expected-error @below {{operand type tensor_view<64x?xf32, strides=[?,1]> is not the view's tensor_view type}}
    %v = make_strided_view %tv : strided_view<tile=(8x8), traversal_strides=[4,4], tensor_view<64x64xf32, strides=[64,1]>>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%tv: tensor_view<64x64xf32, strides=[1,64]>) {
    // expected-error @below {{operand type tensor_view<64x64xf32, strides=[1,64]> is not the view's tensor_view type}}
    %v = make_gather_scatter_view %tv : gather_scatter_view<tile=(8x8), tensor_view<64x64xf32, strides=[64,1]>, sparse_dim=0>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%tv: tensor_view<64x64xf32, strides=[64,1]>) {
    // expected-error @below {{result must be a partition_view, got strided_view}}
    %v = make_partition_view %tv : strided_view<tile=(8x8), traversal_strides=[4,4], tensor_view<64x64xf32, strides=[64,1]>>
  }
}

// ---- make_tensor_view ----
// -----
cuda_tile.module @m {
  testing$func @f(%b: tile<2xptr<f32>>) {
    // expected-error @below {{base must be a 0-d tile of pointers, got tile<2xptr<f32>>}}
    %tv = make_tensor_view %b, shape = [8], strides = [1] : tensor_view<8xf32, strides=[1]>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%b: tile<ptr<f32>>) {
    // expected-error @below {{base points to f32, but the tensor_view holds i32}}
    %tv = make_tensor_view %b, shape = [8], strides = [1] : tensor_view<8xi32, strides=[1]>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%b: tile<ptr<f32>>) {
    // expected-error @below {{shape list has 1 entries, but the tensor_view has rank 2}}
    %tv = make_tensor_view %b, shape = [8], strides = [8, 1] : tensor_view<8x8xf32, strides=[8,1]>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%b: tile<ptr<f32>>) {
    // expected-error @below {{strides list has 3 entries, but the tensor_view has rank 2}}
    %tv = make_tensor_view %b, shape = [8, 8], strides = [64, 8, 1] : tensor_view<8x8xf32, strides=[8,1]>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%b: tile<ptr<f32>>) {
    // expected-error @below {{shape entry 0 is 16, but the tensor_view type has 8}}
    %tv = make_tensor_view %b, shape = [16, 8], strides = [8, 1] : tensor_view<8x8xf32, strides=[8,1]>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%b: tile<ptr<f32>>, %n: tile<i32>) {
    // expected-error @below {{strides entry 0 is dynamic, but the tensor_view type has 8}}
    %tv = make_tensor_view %b, shape = [8, 8], strides = [%n, 1] : tile<i32> -> tensor_view<8x8xf32, strides=[8,1]>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%b: tile<ptr<f32>>) {
    // expected-error @below {{shape entry 1 is 8, but the tensor_view type has dynamic}}
    %tv = make_tensor_view %b, shape = [8, 8], strides = [8, 1] : tensor_view<8x?xf32, strides=[8,1]>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%b: tile<ptr<f32>>, %n: tile<f32>) {
    // expected-error @below {{dynamic shape and stride operands must be 0-d integer tiles, got tile<f32>}}
    %tv = make_tensor_view %b, shape = [%n], strides = [1] : tile<f32> -> tensor_view<?xf32, strides=[1]>
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%b: tile<ptr<f32>>, %n: tile<2xi64>) {
    // expected-error @below {{dynamic shape and stride operands must be 0-d integer tiles, got tile<2xi64>}}
    %tv = make_tensor_view %b, shape = [%n], strides = [1] : tile<2xi64> -> tensor_view<?xf32, strides=[1]>
  }
}

// ---- print_tko ----
// -----
cuda_tile.module @m {
  testing$func @f(%x: tile<4xf32>) {
    // expected-error @below {{format string takes 2 arguments, got 1}}
    %t = print_tko "%f and %f\n", %x : tile<4xf32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%x: tile<4xf32>) {
    // expected-error @below {{format string takes 0 arguments, got 1}}
    %t = print_tko "100%% sure", %x : tile<4xf32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%x: tile<4xf32>) {
    // expected-error @below {{format string has an unterminated conversion}}
    %t = print_tko "value %5.2", %x : tile<4xf32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%x: token) {
    // expected-error @below {{argument 0 must be a tile, got token}}
    %t = print_tko "%d", %x : token -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%x: tile<i32>) {
    // expected-error @below {{result 0 must be a token, got tile<i32>}}
    %t = print_tko "%d", %x : tile<i32> -> tile<i32>
  }
}

// ---- store_ptr_tko ----
// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xf32>, %x: tile<4xf32>) {
    // expected-error @below {{destination must be a tile of pointers, got tile<4xf32>}}
    %t = store_ptr_tko weak %p, %x : tile<4xf32>, tile<4xf32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %x: tile<2x2xf32>) {
    // expected-error @below {{value type tile<2x2xf32> is not what tile<4xptr<f32>> points to}}
    %t = store_ptr_tko weak %p, %x : tile<4xptr<f32>>, tile<2x2xf32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i8>>, %x: tile<4xi16>) {
    // expected-error @below {{value type tile<4xi16> is not what tile<4xptr<i8>> points to}}
    %t = store_ptr_tko weak %p, %x : tile<4xptr<i8>>, tile<4xi16> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %x: tile<4xf32>, %m: tile<8xi1>) {
    // expected-error @below {{mask shape must match the shape of the destination}}
    %t = store_ptr_tko weak %p, %x, %m : tile<4xptr<f32>>, tile<4xf32>, tile<8xi1> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %x: tile<4xf32>) {
    // expected-error @below {{memory ordering of a store must be weak, relaxed or release, got acquire}}
    %t = store_ptr_tko acquire device %p, %x : tile<4xptr<f32>>, tile<4xf32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %x: tile<4xf32>) {
    // expected-error @below {{weak store must not have a memory scope, got device}}
    %t = store_ptr_tko weak device %p, %x : tile<4xptr<f32>>, tile<4xf32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %x: tile<4xf32>) {
    // expected-error @below {{release store requires a memory scope}}
    %t = store_ptr_tko release %p, %x : tile<4xptr<f32>>, tile<4xf32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>, %x: tile<4xf32>) {
    // expected-error @below {{result 0 must be a token, got tile<i1>}}
    %t = store_ptr_tko weak %p, %x : tile<4xptr<f32>>, tile<4xf32> -> tile<i1>
  }
}

// ---- store_view_tko ----
// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, %x: tile<16xf32>, %i: tile<i32>) {
    // expected-error @below {{stored tile type must be tile<8xf32> (the view's tile), got tile<16xf32>}}
    %t = store_view_tko weak %x, %v[%i] : tile<16xf32>, partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, %x: tile<8xf32>, %i: tile<i32>) {
    // expected-error @below {{expected 1 indices (the view's index rank), got 2}}
    %t = store_view_tko weak %x, %v[%i, %i] : tile<8xf32>, partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: tile<8xf32>, %x: tile<8xf32>, %i: tile<i32>) {
    // expected-error @below {{view operand must be a partition_view, strided_view or gather_scatter_view, got tile<8xf32>}}
    %t = store_view_tko weak %x, %v[%i] : tile<8xf32>, tile<8xf32>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, %x: tile<8xf32>, %i: tile<i32>) {
    // expected-error @below {{memory ordering of a store must be weak, relaxed or release, got acq_rel}}
    %t = store_view_tko acq_rel device %x, %v[%i] : tile<8xf32>, partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: gather_scatter_view<tile=(8x4), tensor_view<64x64xf32, strides=[64,1]>, sparse_dim=0>, %x: tile<8x4xf32>, %i: tile<i32>, %r: tile<4xi32>) {
    // expected-error @below {{index 0 (the sparse_dim) has 4 elements, but the view tile has 8 along dim 0}}
    %t = store_view_tko weak %x, %v[%r, %i] : tile<8x4xf32>, gather_scatter_view<tile=(8x4), tensor_view<64x64xf32, strides=[64,1]>, sparse_dim=0>, tile<4xi32>, tile<i32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: gather_scatter_view<tile=(8x4), tensor_view<64x64xf32, strides=[64,1]>, sparse_dim=0>, %x: tile<8x4xf32>, %r: tile<8xi32>, %i: tile<1xi32>) {
    // expected-error @below {{index 1 must be a 0-d tile, got tile<1xi32>}}
    %t = store_view_tko weak %x, %v[%r, %i] : tile<8x4xf32>, gather_scatter_view<tile=(8x4), tensor_view<64x64xf32, strides=[64,1]>, sparse_dim=0>, tile<8xi32>, tile<1xi32> -> token
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%v: partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, %x: tile<8xf32>, %i: tile<i32>, %t0: tile<i32>) {
    // expected-error @below {{token operand must be a token, got tile<i32>}}
    %t = store_view_tko weak %x, %v[%i] token = %t0 : tile<8xf32>, partition_view<tile=(8), tensor_view<64xf32, strides=[1]>>, tile<i32> -> token
  }
}

// ---- the generic form may leave out what the text syntax always has ----
// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<f32>>) {
    // expected-error @below {{requires a memory ordering}}
    %x, %t = "cuda_tile.load_ptr_tko"(%p) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>}> : (tile<4xptr<f32>>) -> (tile<4xf32>, token)
  }
}

// -----
cuda_tile.module @m {
  testing$func @f(%p: tile<4xptr<i32>>, %v: tile<4xi32>) {
    // expected-error @below {{requires an atomic mode}}
    %x, %t = "cuda_tile.atomic_rmw_tko"(%p, %v) <{memory_ordering_semantics = 1 : i32, memory_scope = 1 : i32, operandSegmentSizes = array<i32: 1, 1, 0, 0>}> : (tile<4xptr<i32>>, tile<4xi32>) -> (tile<4xi32>, token)
  }
}
