cuda_tile.module @m {
  entry @e() {
    %a:2, %b = get_tile_block_id : tile<i32>
    %s = addi %a#1, %b : tile<i32>
  }
}
