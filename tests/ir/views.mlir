// Tensor views (static, dynamic, 0-d), the three tiled views with padding
// values and dim_map, view loads and stores, and shape queries.

cuda_tile.module @views {
  entry @tensor_views(%base: tile<ptr<f32>>, %ibase: !cuda_tile.tile<!cuda_tile.ptr<i32>>, %m: tile<i32>, %n: tile<i32>, %l: tile<i64>) {
    %s1 = make_tensor_view %base, shape = [128], strides = [1] : tensor_view<128xf32, strides=[1]>
    %s2 = make_tensor_view %base, shape = [64,32], strides = [32,1] : !cuda_tile.tensor_view<64x32xf32, strides=[32,1]>
    %d1 = make_tensor_view %base, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %d2 = cuda_tile.make_tensor_view %ibase, shape = [%l, 16], strides = [16, 1] : tile<i64> -> tensor_view<?x16xi32, strides=[16,1]>
    %d3 = make_tensor_view %base, shape = [8, 8], strides = [%m, %n] : tile<i32> -> tensor_view<8x8xf32, strides=[?,?]>
    %z = make_tensor_view %base, shape = [], strides = [] : tensor_view<f32>
    %a:2 = get_tensor_shape %d1 : tensor_view<?x?xf32, strides=[?,1]> -> tile<i32>
    %b, %c = get_tensor_shape %s2 : tensor_view<64x32xf32, strides=[32,1]> -> tile<i64>
    %e = cuda_tile.get_tensor_shape %s1 : tensor_view<128xf32, strides=[1]> -> tile<i16>
  }

  // Partition views: padding values (float ones only on float views) and
  // dim_map; the identity dim_map is the default and is not printed.
  entry @partitions(%base: tile<ptr<f32>>, %ibase: tile<ptr<i32>>) {
    %tv = make_tensor_view %base, shape = [64, 64], strides = [64, 1] : tensor_view<64x64xf32, strides=[64,1]>
    %iv = make_tensor_view %ibase, shape = [256], strides = [1] : tensor_view<256xi32, strides=[1]>
    %p0 = make_partition_view %tv : partition_view<tile=(8x16), tensor_view<64x64xf32, strides=[64,1]>>
    %p1 = make_partition_view %tv : partition_view<tile=(8x16), tensor_view<64x64xf32, strides=[64,1]>, dim_map=[0, 1]>
    %p2 = make_partition_view %tv : partition_view<tile=(8x16), tensor_view<64x64xf32, strides=[64,1]>, dim_map=[1, 0]>
    %p3 = make_partition_view %tv : partition_view<tile=(8x16), padding_value = zero, tensor_view<64x64xf32, strides=[64,1]>>
    %p4 = make_partition_view %tv : partition_view<tile=(8x16), padding_value = neg_zero, tensor_view<64x64xf32, strides=[64,1]>>
    %p5 = make_partition_view %tv : partition_view<tile=(8x16), padding_value = nan, tensor_view<64x64xf32, strides=[64,1]>, dim_map=[1, 0]>
    %p6 = make_partition_view %tv : partition_view<tile=(8x16), padding_value = pos_inf, tensor_view<64x64xf32, strides=[64,1]>>
    %p7 = cuda_tile.make_partition_view %tv : !cuda_tile.partition_view<tile=(8x16), padding_value=neg_inf, !cuda_tile.tensor_view<64x64xf32, strides=[64,1]>>
    %p8 = make_partition_view %iv : partition_view<tile=(32), padding_value = zero, tensor_view<256xi32, strides=[1]>, dim_map=[0]>
    %i0:2 = get_index_space_shape %p2 : partition_view<tile=(8x16), tensor_view<64x64xf32, strides=[64,1]>, dim_map=[1, 0]> -> tile<i32>
    %i1 = get_index_space_shape %p8 : partition_view<tile=(32), padding_value = zero, tensor_view<256xi32, strides=[1]>> -> tile<i64>
  }

  // Strided and gather/scatter views (13.3).
  entry @other_views(%base: tile<ptr<f16>>, %n: tile<i32>) {
    %tv = make_tensor_view %base, shape = [%n, 128], strides = [128, 1] : tile<i32> -> tensor_view<?x128xf16, strides=[128,1]>
    %s0 = make_strided_view %tv : strided_view<tile=(4x8), traversal_strides=[2,4], tensor_view<?x128xf16, strides=[128,1]>>
    %s1 = make_strided_view %tv : strided_view<tile=(4x8), traversal_strides = [1, 3], padding_value = nan, tensor_view<?x128xf16, strides=[128,1]>, dim_map=[1, 0]>
    %s2 = make_strided_view %tv : strided_view<tile=(4x8), traversal_strides=[4,8], tensor_view<?x128xf16, strides=[128,1]>, dim_map=[0, 1]>
    %g0 = make_gather_scatter_view %tv : gather_scatter_view<tile=(8x16), tensor_view<?x128xf16, strides=[128,1]>, sparse_dim=0>
    %g1 = cuda_tile.make_gather_scatter_view %tv : gather_scatter_view<tile=(8x16), padding_value = zero, tensor_view<?x128xf16, strides=[128,1]>, sparse_dim = 1>
    %i0:2 = get_index_space_shape %s1 : strided_view<tile=(4x8), traversal_strides=[1,3], padding_value = nan, tensor_view<?x128xf16, strides=[128,1]>, dim_map=[1, 0]> -> tile<i32>
    %i1, %i2 = get_index_space_shape %g0 : gather_scatter_view<tile=(8x16), tensor_view<?x128xf16, strides=[128,1]>, sparse_dim=0> -> tile<i32>
  }

  // Loads and stores through views: orderings, scopes, tokens, hints.
  testing$func @load_store(%pv: partition_view<tile=(8x16), padding_value = zero, tensor_view<64x64xf32, strides=[64,1]>>, %i: tile<i32>, %j: tile<i32>, %k: tile<i64>, %t: token) {
    %v0, %t0 = load_view_tko weak %pv[%i, %j] : partition_view<tile=(8x16), padding_value = zero, tensor_view<64x64xf32, strides=[64,1]>>, tile<i32> -> tile<8x16xf32>, token
    %v1, %t1 = load_view_tko weak %pv[%i, %j] token = %t : partition_view<tile=(8x16), padding_value = zero, tensor_view<64x64xf32, strides=[64,1]>>, tile<i32>, tile<i32> -> tile<8x16xf32>, token
    %v2, %t2 = load_view_tko relaxed device %pv[%k, %k] token=%t1 : partition_view<tile=(8x16), padding_value = zero, tensor_view<64x64xf32, strides=[64,1]>>, tile<i64> -> tile<8x16xf32>, token
    %v3, %t3 = cuda_tile.load_view_tko acquire sys %pv[%i, %j] optimization_hints = <sm_100 = {latency = 3, allow_tma = true}> : !cuda_tile.partition_view<tile=(8x16), padding_value = zero, tensor_view<64x64xf32, strides=[64,1]>>, !cuda_tile.tile<i32> -> !cuda_tile.tile<8x16xf32>, !cuda_tile.token
    %v4:2 = load_view_tko relaxed tl_blk %pv[%i, %j] token = %t optimization_hints = <sm_90 = {latency = 1}> : partition_view<tile=(8x16), padding_value = zero, tensor_view<64x64xf32, strides=[64,1]>>, tile<i32> -> tile<8x16xf32>, token
    %w0 = store_view_tko weak %v0, %pv[%i, %j] : tile<8x16xf32>, partition_view<tile=(8x16), padding_value = zero, tensor_view<64x64xf32, strides=[64,1]>>, tile<i32> -> token
    %w1 = store_view_tko relaxed device %v1, %pv[%k, %k] token = %t0 : tile<8x16xf32>, partition_view<tile=(8x16), padding_value = zero, tensor_view<64x64xf32, strides=[64,1]>>, tile<i64> -> token
    %w2 = cuda_tile.store_view_tko release sys %v4#0, %pv[%i, %j] token = %v4#1 optimization_hints = <sm_100 = {allow_tma = false}> : tile<8x16xf32>, partition_view<tile=(8x16), padding_value = zero, tensor_view<64x64xf32, strides=[64,1]>>, tile<i32>, tile<i32> -> token
    return
  }

  // A gather index is a 1-d tile at sparse_dim; the other indices are scalars.
  testing$func @gather(%gv: gather_scatter_view<tile=(8x16), tensor_view<?x128xf16, strides=[128,1]>, sparse_dim=0>, %rows: tile<8xi32>, %j: tile<i32>, %sv: strided_view<tile=(4x8), traversal_strides=[2,4], tensor_view<?x128xf16, strides=[128,1]>>, %z: tensor_view<f32>) {
    %v, %t = load_view_tko weak %gv[%rows, %j] : gather_scatter_view<tile=(8x16), tensor_view<?x128xf16, strides=[128,1]>, sparse_dim=0>, tile<8xi32>, tile<i32> -> tile<8x16xf16>, token
    %w = store_view_tko weak %v, %gv[%rows, %j] token = %t : tile<8x16xf16>, gather_scatter_view<tile=(8x16), tensor_view<?x128xf16, strides=[128,1]>, sparse_dim=0>, tile<8xi32>, tile<i32> -> token
    %u:2 = load_view_tko weak %sv[%j, %j] : strided_view<tile=(4x8), traversal_strides=[2,4], tensor_view<?x128xf16, strides=[128,1]>>, tile<i32> -> tile<4x8xf16>, token
    return
  }
}
