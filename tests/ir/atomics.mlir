// Atomics through pointers and views, with every ordering, scope and mode
// they accept; 13.4 fences and programmatic dependent launch.

cuda_tile.module @atomics {
  testing$func @cas(%pi: tile<8xptr<i32>>, %i: tile<8xi32>, %pd: tile<2x2xptr<f64>>, %d: tile<2x2xf64>, %m: tile<8xi1>, %t: token) {
    %r0, %t0 = atomic_cas_tko relaxed device %pi, %i, %i : tile<8xptr<i32>>, tile<8xi32> -> tile<8xi32>, token
    %r1, %t1 = atomic_cas_tko acquire tl_blk %pi, %i, %i, %m : tile<8xptr<i32>>, tile<8xi32>, tile<8xi1> -> tile<8xi32>, token
    %r2, %t2 = cuda_tile.atomic_cas_tko release sys %pi, %i, %i, %m token=%t : !cuda_tile.tile<8x!cuda_tile.ptr<i32>>, tile<8xi32>, tile<8xi1> -> tile<8xi32>, !cuda_tile.token
    %r3:2 = atomic_cas_tko acq_rel device %pd, %d, %d token = %t2 : tile<2x2xptr<f64>>, tile<2x2xf64> -> tile<2x2xf64>, token
    return
  }

  testing$func @rmw(%pi: tile<4xptr<i32>>, %i: tile<4xi32>, %pl: tile<ptr<i64>>, %l: tile<i64>, %ph: tile<4xptr<f16>>, %h: tile<4xf16>, %pb: tile<4xptr<bf16>>, %b: tile<4xbf16>, %pf: tile<4xptr<f32>>, %f: tile<4xf32>, %m: tile<4xi1>, %t: token) {
    %a0, %u0 = atomic_rmw_tko relaxed device %pi, and, %i : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi32>, token
    %a1, %u1 = atomic_rmw_tko acquire device %pi, or, %i, %m : tile<4xptr<i32>>, tile<4xi32>, tile<4xi1> -> tile<4xi32>, token
    %a2, %u2 = atomic_rmw_tko release sys %pi, xor, %i token=%t : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi32>, token
    %a3, %u3 = atomic_rmw_tko acq_rel tl_blk %pl, add, %l : tile<ptr<i64>>, tile<i64> -> tile<i64>, token
    %a4, %u4 = atomic_rmw_tko relaxed device %pl, max, %l : tile<ptr<i64>>, tile<i64> -> tile<i64>, token
    %a5, %u5 = atomic_rmw_tko relaxed device %pi, min, %i : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi32>, token
    %a6, %u6 = atomic_rmw_tko relaxed device %pi, umax, %i : tile<4xptr<i32>>, tile<4xi32> -> tile<4xi32>, token
    %a7, %u7 = atomic_rmw_tko relaxed device %pl, umin, %l : tile<ptr<i64>>, tile<i64> -> tile<i64>, token
    %a8, %u8 = atomic_rmw_tko relaxed device %ph, addf, %h : tile<4xptr<f16>>, tile<4xf16> -> tile<4xf16>, token
    %a9, %u9 = atomic_rmw_tko relaxed device %pb, addf, %b, %m token=%u8 : tile<4xptr<bf16>>, tile<4xbf16>, tile<4xi1> -> tile<4xbf16>, token
    %a10, %u10 = cuda_tile.atomic_rmw_tko relaxed sys %pf, addf, %f : tile<4xptr<f32>>, tile<4xf32> -> tile<4xf32>, token
    %a11:2 = atomic_rmw_tko relaxed device %pf, xchg, %f : tile<4xptr<f32>>, tile<4xf32> -> tile<4xf32>, token
    %a12:2 = atomic_rmw_tko acq_rel device %pi, xchg, %i, %m token = %t : tile<4xptr<i32>>, tile<4xi32>, tile<4xi1> -> tile<4xi32>, token
    return
  }

  // View reductions (13.3): relaxed, tl_blk or device, no xchg, no padding.
  testing$func @red_view(%pv: partition_view<tile=(8x16), tensor_view<64x64xi32, strides=[64,1]>>, %fv: partition_view<tile=(16), tensor_view<256xf32, strides=[1]>>, %sv: strided_view<tile=(4x4), traversal_strides=[2,2], tensor_view<64x64xi32, strides=[64,1]>>, %v: tile<8x16xi32>, %f: tile<16xf32>, %w: tile<4x4xi32>, %i: tile<i32>, %k: tile<i64>, %t: token) {
    %t0 = atomic_red_view_tko relaxed device %pv[%i, %i], add, %v : tile<8x16xi32>, partition_view<tile=(8x16), tensor_view<64x64xi32, strides=[64,1]>>, tile<i32> -> token
    %t1 = atomic_red_view_tko relaxed tl_blk %pv[%k, %k], and, %v token = %t0 : tile<8x16xi32>, partition_view<tile=(8x16), tensor_view<64x64xi32, strides=[64,1]>>, tile<i64> -> token
    %t2 = atomic_red_view_tko relaxed device %pv[%i, %i], or, %v : tile<8x16xi32>, partition_view<tile=(8x16), tensor_view<64x64xi32, strides=[64,1]>>, tile<i32>, tile<i32> -> token
    %t3 = atomic_red_view_tko relaxed device %pv[%i, %i], xor, %v : tile<8x16xi32>, partition_view<tile=(8x16), tensor_view<64x64xi32, strides=[64,1]>>, tile<i32> -> token
    %t4 = atomic_red_view_tko relaxed device %pv[%i, %i], max, %v : tile<8x16xi32>, partition_view<tile=(8x16), tensor_view<64x64xi32, strides=[64,1]>>, tile<i32> -> token
    %t5 = atomic_red_view_tko relaxed device %pv[%i, %i], min, %v : tile<8x16xi32>, partition_view<tile=(8x16), tensor_view<64x64xi32, strides=[64,1]>>, tile<i32> -> token
    %t6 = atomic_red_view_tko relaxed device %pv[%i, %i], umax, %v : tile<8x16xi32>, partition_view<tile=(8x16), tensor_view<64x64xi32, strides=[64,1]>>, tile<i32> -> token
    %t7 = atomic_red_view_tko relaxed device %pv[%i, %i], umin, %v : tile<8x16xi32>, partition_view<tile=(8x16), tensor_view<64x64xi32, strides=[64,1]>>, tile<i32> -> token
    %t8 = cuda_tile.atomic_red_view_tko relaxed device %fv[%i], addf, %f token = %t7 : tile<16xf32>, partition_view<tile=(16), tensor_view<256xf32, strides=[1]>>, tile<i32> -> token
    %t9 = atomic_red_view_tko relaxed tl_blk %sv[%i, %i], add, %w : tile<4x4xi32>, strided_view<tile=(4x4), traversal_strides=[2,2], tensor_view<64x64xi32, strides=[64,1]>>, tile<i32> -> token
    return
  }

  // 13.4: memory_fence_alias_tko takes a token; the gdc ops may.
  entry @fences() {
    %t0 = make_token : token
    %t1 = memory_fence_alias_tko token=%t0 : token
    %t2 = cuda_tile.memory_fence_alias_tko token = %t1 : !cuda_tile.token
    %t3 = gdc_launch_dependents_tko : token
    %t4 = gdc_launch_dependents_tko token=%t2 : token
    %t5 = gdc_wait_tko : token
    %t6 = cuda_tile.gdc_wait_tko token = %t5 : token
  }
}
