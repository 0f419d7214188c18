// RUN: run %s --grid 8 a=@%S/../data/run/vadd_a.npy b=@%S/../data/run/vadd_b.npy c=zeros:f32:1000 n=i32:1000 --expect c=@%S/../data/run/vadd_c.npy
// RUN: run %s --grid 8 --threads 2 a=@%S/../data/run/vadd_a.npy b=@%S/../data/run/vadd_b.npy c=zeros:f32:1000 n=i32:1000 --expect c=@%S/../data/run/vadd_c.npy
//
// c = a + b over 1000 f32 elements in tiles of 128: the last block's
// lanes past n are masked off (loaded as zero, not stored).  The
// reference is numpy's float32 sum: IEEE, so bit for bit.
cuda_tile.module @vector_add_tail {
  entry @vadd(%a: tile<ptr<f32>>, %b: tile<ptr<f32>>, %c: tile<ptr<f32>>, %n: tile<i32>) {
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %c128 = constant <i32: 128> : tile<i32>
    %start = muli %bid, %c128 : tile<i32>
    %iota = iota : tile<128xi32>
    %start1 = reshape %start : tile<i32> -> tile<1xi32>
    %startv = broadcast %start1 : tile<1xi32> -> tile<128xi32>
    %idx = addi %startv, %iota : tile<128xi32>
    %n1 = reshape %n : tile<i32> -> tile<1xi32>
    %nv = broadcast %n1 : tile<1xi32> -> tile<128xi32>
    %mask = cmpi less_than %idx, %nv, signed : tile<128xi32> -> tile<128xi1>
    %a1 = reshape %a : tile<ptr<f32>> -> tile<1xptr<f32>>
    %av = broadcast %a1 : tile<1xptr<f32>> -> tile<128xptr<f32>>
    %pa = offset %av, %idx : tile<128xptr<f32>>, tile<128xi32> -> tile<128xptr<f32>>
    %b1 = reshape %b : tile<ptr<f32>> -> tile<1xptr<f32>>
    %bv = broadcast %b1 : tile<1xptr<f32>> -> tile<128xptr<f32>>
    %pb = offset %bv, %idx : tile<128xptr<f32>>, tile<128xi32> -> tile<128xptr<f32>>
    %c1 = reshape %c : tile<ptr<f32>> -> tile<1xptr<f32>>
    %cv = broadcast %c1 : tile<1xptr<f32>> -> tile<128xptr<f32>>
    %pc = offset %cv, %idx : tile<128xptr<f32>>, tile<128xi32> -> tile<128xptr<f32>>
    %x, %t1 = load_ptr_tko weak %pa, %mask : tile<128xptr<f32>>, tile<128xi1> -> tile<128xf32>, token
    %y, %t2 = load_ptr_tko weak %pb, %mask : tile<128xptr<f32>>, tile<128xi1> -> tile<128xf32>, token
    %sum = addf %x, %y : tile<128xf32>
    %t3 = store_ptr_tko weak %pc, %sum, %mask : tile<128xptr<f32>>, tile<128xf32>, tile<128xi1> -> token
  }
}
