// RUN: run %s --grid 5 x=@%S/../data/run/rows_x.npy sums=zeros:i32:37 amax=zeros:i32:37 cums=zeros:i32:37x50 --expect sums=@%S/../data/run/rows_sums.npy --expect amax=@%S/../data/run/rows_amax.npy --expect cums=@%S/../data/run/rows_cums.npy
//
// Per row of a 37x50 i32 matrix, in 8x64 tiles (both dims partial):
// the sum (reduce), the index of the first largest element (a reduce of
// two operands), and the running sum (scan).  Padding is zero for the
// sums; for the argmax, columns past 50 are masked out by index.
cuda_tile.module @row_stats {
  entry @stats(%x: tile<ptr<i32>>, %sums: tile<ptr<i32>>, %amax: tile<ptr<i32>>, %cums: tile<ptr<i32>>) {
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %tx = make_tensor_view %x, shape = [37, 50], strides = [50, 1] : tensor_view<37x50xi32, strides=[50,1]>
    %px = make_partition_view %tx : partition_view<tile=(8x64), padding_value = zero, tensor_view<37x50xi32, strides=[50,1]>>
    %v, %t0 = load_view_tko weak %px[%bid, %zero] : partition_view<tile=(8x64), padding_value = zero, tensor_view<37x50xi32, strides=[50,1]>>, tile<i32> -> tile<8x64xi32>, token
    %s = reduce %v dim=1 identities=[0 : i32] : tile<8x64xi32> -> tile<8xi32>
    (%e: tile<i32>, %acc: tile<i32>) {
      %r = addi %e, %acc : tile<i32>
      yield %r : tile<i32>
    }
    %col = iota : tile<64xi32>
    %col2 = reshape %col : tile<64xi32> -> tile<1x64xi32>
    %cols = broadcast %col2 : tile<1x64xi32> -> tile<8x64xi32>
    %fifty = constant <i32: 50> : tile<8x64xi32>
    %valid = cmpi less_than %cols, %fifty, signed : tile<8x64xi32> -> tile<8x64xi1>
    %lowest = constant <i32: -2147483648> : tile<8x64xi32>
    %vm = select %valid, %v, %lowest : tile<8x64xi1>, tile<8x64xi32>
    %mv, %mi = reduce %vm, %cols dim=1 identities=[-2147483648 : i32, -1 : i32] : tile<8x64xi32>, tile<8x64xi32> -> tile<8xi32>, tile<8xi32>
    (%e: tile<i32>, %am: tile<i32>, %j: tile<i32>, %aj: tile<i32>) {
      %gt = cmpi greater_than %e, %am, signed : tile<i32> -> tile<i1>
      %nm = select %gt, %e, %am : tile<i1>, tile<i32>
      %nj = select %gt, %j, %aj : tile<i1>, tile<i32>
      yield %nm, %nj : tile<i32>, tile<i32>
    }
    %c = scan %v dim=1 reverse=false identities=[0 : i32] : tile<8x64xi32> -> tile<8x64xi32>
    (%e: tile<i32>, %acc: tile<i32>) {
      %r = addi %acc, %e : tile<i32>
      yield %r : tile<i32>
    }
    %ts = make_tensor_view %sums, shape = [37], strides = [1] : tensor_view<37xi32, strides=[1]>
    %ps = make_partition_view %ts : partition_view<tile=(8), tensor_view<37xi32, strides=[1]>>
    %t1 = store_view_tko weak %s, %ps[%bid] : tile<8xi32>, partition_view<tile=(8), tensor_view<37xi32, strides=[1]>>, tile<i32> -> token
    %ta = make_tensor_view %amax, shape = [37], strides = [1] : tensor_view<37xi32, strides=[1]>
    %pa = make_partition_view %ta : partition_view<tile=(8), tensor_view<37xi32, strides=[1]>>
    %t2 = store_view_tko weak %mi, %pa[%bid] : tile<8xi32>, partition_view<tile=(8), tensor_view<37xi32, strides=[1]>>, tile<i32> -> token
    %tc = make_tensor_view %cums, shape = [37, 50], strides = [50, 1] : tensor_view<37x50xi32, strides=[50,1]>
    %pc = make_partition_view %tc : partition_view<tile=(8x64), tensor_view<37x50xi32, strides=[50,1]>>
    %t3 = store_view_tko weak %c, %pc[%bid, %zero] : tile<8x64xi32>, partition_view<tile=(8x64), tensor_view<37x50xi32, strides=[50,1]>>, tile<i32> -> token
  }
}
