// RUN: run %s --grid 8 x=@%S/../data/run/hist_x.npy h=zeros:i32:16 n=i32:1000 --expect h=@%S/../data/run/hist_h.npy
// RUN: run %s --grid 8 --threads 2 x=@%S/../data/run/hist_x.npy h=zeros:i32:16 n=i32:1000 --expect h=@%S/../data/run/hist_h.npy
//
// A 16-bin histogram of 1000 values in 0..15: every block adds one to
// the bin of each of its 128 values with atomic_rmw_tko (lanes past n
// are masked off).  The counts do not depend on the order of the adds.
cuda_tile.module @histogram {
  entry @hist(%x: tile<ptr<i32>>, %h: tile<ptr<i32>>, %n: tile<i32>) {
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %c128 = constant <i32: 128> : tile<i32>
    %start = muli %bid, %c128 : tile<i32>
    %iota = iota : tile<128xi32>
    %s1 = reshape %start : tile<i32> -> tile<1xi32>
    %sv = broadcast %s1 : tile<1xi32> -> tile<128xi32>
    %idx = addi %sv, %iota : tile<128xi32>
    %n1 = reshape %n : tile<i32> -> tile<1xi32>
    %nv = broadcast %n1 : tile<1xi32> -> tile<128xi32>
    %mask = cmpi less_than %idx, %nv, signed : tile<128xi32> -> tile<128xi1>
    %x1 = reshape %x : tile<ptr<i32>> -> tile<1xptr<i32>>
    %xv = broadcast %x1 : tile<1xptr<i32>> -> tile<128xptr<i32>>
    %px = offset %xv, %idx : tile<128xptr<i32>>, tile<128xi32> -> tile<128xptr<i32>>
    %bins, %t0 = load_ptr_tko weak %px, %mask : tile<128xptr<i32>>, tile<128xi1> -> tile<128xi32>, token
    %h1 = reshape %h : tile<ptr<i32>> -> tile<1xptr<i32>>
    %hv = broadcast %h1 : tile<1xptr<i32>> -> tile<128xptr<i32>>
    %ph = offset %hv, %bins : tile<128xptr<i32>>, tile<128xi32> -> tile<128xptr<i32>>
    %one = constant <i32: 1> : tile<128xi32>
    %old, %t1 = atomic_rmw_tko relaxed device %ph, add, %one, %mask : tile<128xptr<i32>>, tile<128xi32>, tile<128xi1> -> tile<128xi32>, token
  }
}
