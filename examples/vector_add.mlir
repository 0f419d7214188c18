// vector_add.mlir -- c = a + b over 1-D f32 arrays, 128 elements per tile
// block, through tiles of pointers.
//
// What it teaches: the shape of the smallest useful kernel.  Each tile
// block finds its block id, builds a tile of 128 pointers (base pointer
// broadcast to a tile, plus iota offsets), loads both inputs, adds them
// and stores the result.  Lanes past n are masked off, so n need not be a
// multiple of 128.
//
// Check it:  tilesim verify examples/vector_add.mlir
// Print it:  tilesim fmt examples/vector_add.mlir
//
// Tested on n=1000 (8 blocks, the last one partial), bit for bit: one f32
// addition per element, as the reference computes it.
// RUN: run %s --grid 8 @%S/../tests/data/examples/vector_add_views_a.npy @%S/../tests/data/examples/vector_add_views_b.npy zeros:f32:1000 i32:1000 --expect c=@%S/../tests/data/examples/vector_add_views_c.npy
cuda_tile.module @vector_add {
  entry @vector_add(%a: tile<ptr<f32>>, %b: tile<ptr<f32>>,
                    %c: tile<ptr<f32>>, %n: tile<i32>) {
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %c128 = constant <i32: 128> : tile<i32>
    %start = muli %bid, %c128 : tile<i32>
    // element indices of this block: start + [0, 128)
    %iota = iota : tile<128xi32>
    %start1 = reshape %start : tile<i32> -> tile<1xi32>
    %startv = broadcast %start1 : tile<1xi32> -> tile<128xi32>
    %idx = addi %startv, %iota : tile<128xi32>
    // lanes at or past n are masked off
    %n1 = reshape %n : tile<i32> -> tile<1xi32>
    %nv = broadcast %n1 : tile<1xi32> -> tile<128xi32>
    %mask = cmpi less_than %idx, %nv, signed : tile<128xi32> -> tile<128xi1>
    // a tile of pointers for each array
    %a1 = reshape %a : tile<ptr<f32>> -> tile<1xptr<f32>>
    %av = broadcast %a1 : tile<1xptr<f32>> -> tile<128xptr<f32>>
    %pa = offset %av, %idx : tile<128xptr<f32>>, tile<128xi32> -> tile<128xptr<f32>>
    %b1 = reshape %b : tile<ptr<f32>> -> tile<1xptr<f32>>
    %bv = broadcast %b1 : tile<1xptr<f32>> -> tile<128xptr<f32>>
    %pb = offset %bv, %idx : tile<128xptr<f32>>, tile<128xi32> -> tile<128xptr<f32>>
    %c1 = reshape %c : tile<ptr<f32>> -> tile<1xptr<f32>>
    %cv = broadcast %c1 : tile<1xptr<f32>> -> tile<128xptr<f32>>
    %pc = offset %cv, %idx : tile<128xptr<f32>>, tile<128xi32> -> tile<128xptr<f32>>
    %zero = constant <f32: 0.0> : tile<128xf32>
    %x, %t1 = load_ptr_tko weak %pa, %mask, %zero : tile<128xptr<f32>>, tile<128xi1>, tile<128xf32> -> tile<128xf32>, token
    %y, %t2 = load_ptr_tko weak %pb, %mask, %zero : tile<128xptr<f32>>, tile<128xi1>, tile<128xf32> -> tile<128xf32>, token
    %sum = addf %x, %y : tile<128xf32>
    %t3 = store_ptr_tko weak %pc, %sum, %mask : tile<128xptr<f32>>, tile<128xf32>, tile<128xi1> -> token
  }
}
