// Every type kind, in the short form and the long !cuda_tile. form (which
// may be mixed, also inside other types); they print short.

cuda_tile.module @types {
  // Tiles of every element type, 0-d to rank 5.
  testing$func @elements(%a: tile<i1>, %b: tile<2xi4>, %c: tile<i8>, %d: tile<i16>, %e: tile<i32>, %f: tile<i64>,
                         %g: tile<f16>, %h: tile<bf16>, %i: tile<f32>, %j: tile<tf32>, %k: tile<f64>,
                         %l: tile<f8E4M3FN>, %m: tile<f8E5M2>, %n: tile<f8E8M0FNU>, %o: tile<2xf4E2M1FN>,
                         %p: tile<1x2x1x2x1xf32>, %q: tile<16777216xi8>) {
    return
  }

  testing$func @long_forms(%a: !cuda_tile.tile<4x8xf32>, %b: !cuda_tile.tile<!cuda_tile.ptr<f16>>, %c: tile<8x!cuda_tile.ptr<i64>>,
                           %d: !cuda_tile.tile<2xptr<bf16>>, %e: !cuda_tile.token, %f: token) {
    return
  }

  // Pointers to every number type.
  testing$func @pointers(%a: tile<ptr<i1>>, %b: tile<ptr<i8>>, %c: tile<ptr<i16>>, %d: tile<ptr<i32>>, %e: tile<ptr<i64>>,
                         %f: tile<ptr<f16>>, %g: tile<ptr<bf16>>, %h: tile<ptr<f32>>, %i: tile<ptr<tf32>>, %j: tile<ptr<f64>>,
                         %k: tile<ptr<f8E4M3FN>>, %l: tile<ptr<f8E5M2>>, %m: tile<ptr<f8E8M0FNU>>, %n: tile<ptr<f4E2M1FN>>) {
    return
  }

  testing$func @tensor_views(%a: tensor_view<f32>, %b: !cuda_tile.tensor_view<i8>, %c: tensor_view<128xf16, strides=[1]>,
                             %d: tensor_view<?x?x?xf32, strides=[?,?,1]>, %e: tensor_view<3x5xbf16, strides = [ 5 , 1 ]>,
                             %f: !cuda_tile.tensor_view<?x7xi64, strides=[7,1]>) {
    return
  }

  testing$func @tiled_views(
      %a: partition_view<tile=(4), tensor_view<?xf32, strides=[1]>>,
      %b: partition_view<tile=(2x4x8), padding_value = neg_zero, tensor_view<?x?x?xf32, strides=[?,?,1]>, dim_map=[2, 0, 1]>,
      %c: !cuda_tile.partition_view<tile=(2x4x8), tensor_view<?x?x?xf32, strides=[?,?,1]>, dim_map=[0, 1, 2]>,
      %d: partition_view<tile = (16x16), padding_value = zero, !cuda_tile.tensor_view<64x64xi32, strides=[64,1]>>,
      %e: strided_view<tile=(8), traversal_strides=[3], tensor_view<100xf32, strides=[1]>>,
      %f: !cuda_tile.strided_view<tile=(4x4), traversal_strides=[2,1], padding_value = pos_inf, tensor_view<?x?xf16, strides=[?,1]>, dim_map=[1, 0]>,
      %g: gather_scatter_view<tile=(32), tensor_view<?xi8, strides=[1]>, sparse_dim=0>,
      %h: !cuda_tile.gather_scatter_view<tile=(8x16), padding_value = nan, tensor_view<?x128xf32, strides=[128,1]>, sparse_dim=1>) {
    return
  }
}
