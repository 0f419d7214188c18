// Pointer loads and stores with every ordering/scope they allow, masks,
// padding, tokens and optimization hints; alloca, offset, tokens, print
// and assert.

cuda_tile.module @memory {
  testing$func @load_ptr(%p: tile<8xptr<f32>>, %m: tile<8xi1>, %pad: tile<8xf32>, %t: token) {
    %v0, %t0 = load_ptr_tko weak %p : tile<8xptr<f32>> -> tile<8xf32>, token
    %v1, %t1 = load_ptr_tko weak %p, %m : tile<8xptr<f32>>, tile<8xi1> -> tile<8xf32>, token
    %v2, %t2 = load_ptr_tko weak %p, %m, %pad token=%t : tile<8xptr<f32>>, tile<8xi1>, tile<8xf32> -> tile<8xf32>, token
    %v3, %t3 = cuda_tile.load_ptr_tko relaxed device %p token = %t0 : !cuda_tile.tile<8x!cuda_tile.ptr<f32>> -> !cuda_tile.tile<8xf32>, !cuda_tile.token
    %v4, %t4 = load_ptr_tko acquire sys %p, %m : tile<8xptr<f32>>, tile<8xi1> -> tile<8xf32>, token
    %v5, %t5 = load_ptr_tko relaxed tl_blk %p optimization_hints = <sm_100 = {latency = 3}> : tile<8xptr<f32>> -> tile<8xf32>, token
    %v6:2 = load_ptr_tko weak %p, %m, %pad token=%t optimization_hints = <sm_120 = {latency = 2 : i32}, sm_100 = {latency = 4}> : tile<8xptr<f32>>, tile<8xi1>, tile<8xf32> -> tile<8xf32>, token
    %v7:2 = load_ptr_tko weak %p optimization_hints = <> : tile<8xptr<f32>> -> tile<8xf32>, token
    return
  }

  testing$func @store_ptr(%p: tile<2x4xptr<i32>>, %v: tile<2x4xi32>, %m: tile<2x4xi1>, %t: token) {
    %t0 = store_ptr_tko weak %p, %v : tile<2x4xptr<i32>>, tile<2x4xi32> -> token
    %t1 = store_ptr_tko weak %p, %v, %m token=%t : tile<2x4xptr<i32>>, tile<2x4xi32>, tile<2x4xi1> -> token
    %t2 = store_ptr_tko relaxed device %p, %v : tile<2x4xptr<i32>>, tile<2x4xi32> -> token
    %t3 = cuda_tile.store_ptr_tko release sys %p, %v, %m token=%t2 : tile<2x4xptr<i32>>, tile<2x4xi32>, tile<2x4xi1> -> token
    %t4 = store_ptr_tko relaxed tl_blk %p, %v optimization_hints = <default = {latency = 1}, sm_90 = {latency = 10}> : tile<2x4xptr<i32>>, tile<2x4xi32> -> token
    return
  }

  // Scalar pointers: alloca, offset, get a tile of pointers by broadcast.
  entry @scratch(%n: tile<i32>) {
    %a = alloca num_elem = 64, alignment = 16 : tile<ptr<f32>>
    %b = alloca num_elem = 128, alignment = 1 global : tile<ptr<i8>>
    %c = cuda_tile.alloca num_elem = 0, alignment = 8 : !cuda_tile.tile<!cuda_tile.ptr<f64>>
    %d = offset %a, %n : tile<ptr<f32>>, tile<i32> -> tile<ptr<f32>>
    %n64 = exti %n signed : tile<i32> -> tile<i64>
    %e = offset %b, %n64 : tile<ptr<i8>>, tile<i64> -> tile<ptr<i8>>
    %r = reshape %d : tile<ptr<f32>> -> tile<1xptr<f32>>
    %ps = broadcast %r : tile<1xptr<f32>> -> tile<8xptr<f32>>
    %offs = iota : tile<8xi32>
    %q = offset %ps, %offs : tile<8xptr<f32>>, tile<8xi32> -> tile<8xptr<f32>>
  }

  // Tokens: make, join (two or more), print with and without values.
  entry @tokens(%x: tile<f32>, %i: tile<i32>, %c: tile<i1>) {
    %t0 = make_token : token
    %t1 = cuda_tile.make_token : !cuda_tile.token
    %t2 = join_tokens %t0, %t1 : token
    %t3 = join_tokens %t0, %t1, %t2 : !cuda_tile.token
    %t4 = print_tko "hello" -> token
    %t5 = print_tko "x=%f i=%d\n", %x, %i : tile<f32>, tile<i32> -> token
    %t6 = print_tko "100%% done \"quoted\" \\ tab\t" token=%t5 -> token
    %t7 = cuda_tile.print_tko "%f", %x token=%t6 : tile<f32> -> token
    assert %c, "must hold" : tile<i1>
    cuda_tile.assert %c, "a \"quoted\" message\n" : !cuda_tile.tile<i1>
  }
}
