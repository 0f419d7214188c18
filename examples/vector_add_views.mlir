// vector_add_views.mlir -- c = a + b over 1-D f32 arrays, 128 elements per
// tile block, through tensor and partition views.
//
// What it teaches: the view-based way to address memory, next to the
// pointer-tile way of vector_add.mlir.  A tensor_view describes the whole
// array (base pointer, shape, strides); a partition_view cuts it into
// tiles of 128 elements, and block i loads and stores tile i of it.  The
// view knows where the array ends, so there is no mask to build: lanes
// past n read the padding value (zero here) and are never written back.
//
// Check it:  tilesim verify examples/vector_add_views.mlir
// Run it:    tilesim run examples/vector_add_views.mlir --grid 8 \
//              rand:f32:1000:seed=1 rand:f32:1000:seed=2 zeros:f32:1000 i32:1000 --out /tmp/va
// Test it:   tilesim test examples/vector_add_views.mlir   (runs the RUN lines below)
//
// Tested on n=1000 (8 blocks, the last one partial) and n=128 (one full
// block), inputs of magnitudes 2^-12 to 2^12, bit for bit: one IEEE f32
// addition per element is what the reference (the float64 sum, rounded
// once to f32) computes too.
// RUN: run %s --grid 8 @%S/../tests/data/examples/vector_add_views_a.npy @%S/../tests/data/examples/vector_add_views_b.npy zeros:f32:1000 i32:1000 --expect c=@%S/../tests/data/examples/vector_add_views_c.npy
// RUN: run %s --grid 1 @%S/../tests/data/examples/vector_add_views_a128.npy @%S/../tests/data/examples/vector_add_views_b128.npy zeros:f32:128 i32:128 --expect c=@%S/../tests/data/examples/vector_add_views_c128.npy
cuda_tile.module @vector_add_views {
  entry @vector_add_views(%a: tile<ptr<f32>>, %b: tile<ptr<f32>>,
                          %c: tile<ptr<f32>>, %n: tile<i32>) {
    // the three arrays, n elements each, contiguous
    %va = make_tensor_view %a, shape = [%n], strides = [1] : tile<i32> -> tensor_view<?xf32, strides=[1]>
    %vb = make_tensor_view %b, shape = [%n], strides = [1] : tile<i32> -> tensor_view<?xf32, strides=[1]>
    %vc = make_tensor_view %c, shape = [%n], strides = [1] : tile<i32> -> tensor_view<?xf32, strides=[1]>
    // cut into tiles of 128; a partial last tile reads zeros past n
    %pa = make_partition_view %va : partition_view<tile=(128), padding_value = zero, tensor_view<?xf32, strides=[1]>>
    %pb = make_partition_view %vb : partition_view<tile=(128), padding_value = zero, tensor_view<?xf32, strides=[1]>>
    %pc = make_partition_view %vc : partition_view<tile=(128), tensor_view<?xf32, strides=[1]>>
    // block i owns tile i
    %i, %iy, %iz = get_tile_block_id : tile<i32>
    %x, %t1 = load_view_tko weak %pa[%i] : partition_view<tile=(128), padding_value = zero, tensor_view<?xf32, strides=[1]>>, tile<i32> -> tile<128xf32>, token
    %y, %t2 = load_view_tko weak %pb[%i] : partition_view<tile=(128), padding_value = zero, tensor_view<?xf32, strides=[1]>>, tile<i32> -> tile<128xf32>, token
    %sum = addf %x, %y : tile<128xf32>
    // elements past n are not written
    %t3 = store_view_tko weak %sum, %pc[%i] : tile<128xf32>, partition_view<tile=(128), tensor_view<?xf32, strides=[1]>>, tile<i32> -> token
  }
}
