cuda_tile.module @tokens {
  testing$func @f(%x: tile<i32>) -> tile<i32> {
    %t0 = make_token : token
    %t1 = make_token : token
    %j = join_tokens %t0, %t1 : token
    %t2 = print_tko "x = %d\n", %x token=%j : tile<i32> -> token
    %c = constant <i1: true> : tile<i1>
    assert %c, "must hold" : tile<i1>
    %a = assume div_by<16>, %x : tile<i32>
    %b = assume bounded<0, ?>, %a : tile<i32>
    %bid:3 = get_tile_block_id : tile<i32>
    %nb:3 = get_num_tile_blocks : tile<i32>
    %s = addi %bid#0, %nb#1 : tile<i32>
    return %s : tile<i32>
  }
}
