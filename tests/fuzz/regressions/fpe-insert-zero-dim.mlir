cuda_tile.module @m {
  testing$func @f(%s: tile<0x4xf32>, %d: tile<8x8xf32>, %i: tile<i32>) {
    %r = insert %s, %d[%i, %i] : tile<0x4xf32> -> tile<8x8xf32>
  }
}
