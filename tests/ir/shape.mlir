// Shape ops: broadcast, reshape, permute, cat, extract, insert (13.4),
// iota, the block id queries, and assume with every predicate.

cuda_tile.module @shape {
  testing$func @reshaping(%row: tile<1x4xf32>, %m: tile<4x8xf32>, %one: tile<1xf32>, %c: tile<2x4x8xf16>, %p: tile<1xptr<i8>>) {
    %b0 = broadcast %row : tile<1x4xf32> -> tile<8x4xf32>
    %b1 = cuda_tile.broadcast %p : tile<1xptr<i8>> -> !cuda_tile.tile<16x!cuda_tile.ptr<i8>>
    %r0 = reshape %m : tile<4x8xf32> -> tile<32xf32>
    %r1 = reshape %one : tile<1xf32> -> tile<f32>
    %r2 = reshape %r0 : tile<32xf32> -> tile<2x4x4xf32>
    %p0 = permute %m [1, 0] : tile<4x8xf32> -> tile<8x4xf32>
    %p1 = permute %c [2,0,1] : tile<2x4x8xf16> -> tile<8x2x4xf16>
    %p2 = cuda_tile.permute %c [0, 2, 1] : tile<2x4x8xf16> -> tile<2x8x4xf16>
    return
  }

  testing$func @pieces(%a: tile<2x4xf32>, %b: tile<2x4xf32>, %big: tile<8x8xf32>, %sub: tile<4x4xf32>, %i: tile<i32>, %j: tile<i32>, %s: tile<f32>) {
    %c0 = cat %a, %b dim = 0 : tile<2x4xf32>, tile<2x4xf32> -> tile<4x4xf32>
    %c1 = cat %a, %b dim = 1
        : tile<2x4xf32>, tile<2x4xf32> -> tile<2x8xf32>
    %e0 = extract %big[%i, %j] : tile<8x8xf32> -> tile<4x4xf32>
    %e1 = cuda_tile.extract %big[%i,%j] : tile<8x8xf32> -> tile<2x8xf32>
    %e2 = extract %s[] : tile<f32> -> tile<f32>
    %n0 = insert %sub, %big[%i, %j] : tile<4x4xf32> -> tile<8x8xf32>
    %n1 = cuda_tile.insert %e1, %big[%j, %i] : tile<2x8xf32> -> tile<8x8xf32>
    return
  }

  entry @indices() {
    %v0 = iota : tile<16xi32>
    %v1 = iota : tile<256xi8>
    %v2 = cuda_tile.iota : !cuda_tile.tile<8xi64>
    %id:3 = get_tile_block_id : tile<i32>
    %x, %y, %z = get_tile_block_id : tile<i32>
    %n:3 = cuda_tile.get_num_tile_blocks : !cuda_tile.tile<i32>
    %nx, %ny, %nz = get_num_tile_blocks : tile<i32>
    %s0 = addi %id#0, %x : tile<i32>
    %s1 = muli %n#2, %nz : tile<i32>
  }

  // assume: the short predicate form or the full #cuda_tile. attribute;
  // the canonical form is the short one.
  testing$func @assumptions(%p: tile<ptr<f32>>, %i: tile<8xi32>, %m: tile<4x8xi16>, %s: tile<8xi8>, %l: tile<i64>, %pp: tile<4x8xptr<f16>>, %tv: tensor_view<?x64xf32, strides=[64,1]>) {
    %a0 = assume div_by<16>, %p : tile<ptr<f32>>
    %a1 = assume div_by<4, every 2 along 0>, %i : tile<8xi32>
    %a2 = assume #cuda_tile.div_by<8>, %tv : tensor_view<?x64xf32, strides=[64,1]>
    %a3 = cuda_tile.assume #cuda_tile.div_by<1, every 8 along 1>, %m : !cuda_tile.tile<4x8xi16>
    %a4 = assume same_elements<[2, 4]>, %m : tile<4x8xi16>
    %a5 = assume #cuda_tile.same_elements<[1,8]>, %pp : tile<4x8xptr<f16>>
    %a6 = assume bounded<-16, 4>, %s : tile<8xi8>
    %a7 = assume bounded<0, ?>, %l : tile<i64>
    %a8 = assume bounded<?, ?>, %i : tile<8xi32>
    %a9 = assume #cuda_tile.bounded<?, 100>, %a8 : tile<8xi32>
    return
  }
}
