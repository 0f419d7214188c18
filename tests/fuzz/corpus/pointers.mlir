cuda_tile.module @pointers {
  testing$func @k(%base: tile<ptr<f32>>, %m: tile<64xi1>) {
    %off = iota : tile<64xi32>
    %b1 = reshape %base : tile<ptr<f32>> -> tile<1xptr<f32>>
    %bb = broadcast %b1 : tile<1xptr<f32>> -> tile<64xptr<f32>>
    %ptrs = offset %bb, %off : tile<64xptr<f32>>, tile<64xi32> -> tile<64xptr<f32>>
    %v, %t = load_ptr_tko weak %ptrs, %m : tile<64xptr<f32>>, tile<64xi1> -> tile<64xf32>, token
    %t2 = store_ptr_tko relaxed device %ptrs, %v token=%t : tile<64xptr<f32>>, tile<64xf32> -> token
    %old, %t3 = atomic_rmw_tko relaxed device %ptrs, addf, %v token=%t2 : tile<64xptr<f32>>, tile<64xf32> -> tile<64xf32>, token
    %pi = ptr_to_int %base : tile<ptr<f32>> -> tile<i64>
    %pp = int_to_ptr %pi : tile<i64> -> tile<ptr<f32>>
    %pq = ptr_to_ptr %pp : tile<ptr<f32>> -> tile<ptr<i32>>
    return
  }
}
