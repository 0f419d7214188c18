// attention_fwd.mlir -- the forward pass of scaled dot-product attention,
// O = softmax(Q K^T / sqrt(d)) V, computed FlashAttention's way: with an
// online softmax, without ever forming the S x S matrix of scores.
//
// What it teaches: how the pieces of the other examples (mmaf, reduce,
// broadcast, exp, loop-carried values, masks) make the kernel that matters
// most in transformers.  Q, K, V and O are (batch*heads) x S x 64 f16
// arrays; the grid is (S/64, batch*heads).  Tile block (i, h) owns the 64
// query rows [64i, 64i+64) of head h and walks over the keys 64 at a time.
// For each block of keys it computes the 64x64 scores
//     s = (Q_i K_j^T) * 1/sqrt(64)                 (mmaf: f16 in, f32 out)
// and updates three values carried by the `for` loop, as FlashAttention
// does:
//     m   the running maximum of each query row's scores   (64, f32)
//     l   the running sum of exp(s - m) of each row          (64, f32)
//     acc the running sum of exp(s - m) V_j                  (64x64, f32)
// with m' = max(m, rowmax(s)), p = exp(s - m'), alpha = exp(m - m'):
//     l' = alpha l + rowsum(p),   acc' = alpha acc + p V_j
// (the old sums were relative to m; alpha rescales them to m').  p is
// rounded to f16 for the second mmaf, as FlashAttention does.  After the
// last key block, O_i = acc / l, rounded to f16.
// K_j^T is K_j's 64x64 tile with its dimensions swapped by permute.
//   @attention_fwd         every query attends to all S keys
//   @attention_fwd_causal  query r attends to keys c <= r only: key
//                          blocks after the diagonal are skipped (the loop
//                          stops at i), and on the diagonal block an `if`
//                          sets the scores above the diagonal to -inf, so
//                          exp gives 0 for them.  Every row keeps at least
//                          one key (its own), so m is finite after the
//                          first block.
// S must be a multiple of 64 (no partial key or query blocks).
//
// Check it:  tilesim verify examples/attention_fwd.mlir
// Run it:    tilesim run examples/attention_fwd.mlir --entry attention_fwd_causal --grid 2,2 \
//              rand:f16:2x128x64:seed=1 rand:f16:2x128x64:seed=2 rand:f16:2x128x64:seed=3 \
//              zeros:f16:2x128x64 i32:2 i32:128 --out /tmp/attn
// Test it:   tilesim test examples/attention_fwd.mlir   (runs the RUN lines below)
// Grid:      (S/64, batch*heads, 1)
//
// Tested on batch*heads = 2, S = 128 (2 query blocks x 2 key blocks),
// q and k in [-2, 2), v in [-1, 1).  The reference is float64 softmax
// attention (no intermediate rounding) rounded once to f16.  The kernel
// rounds each weight p to f16 before p V (relative error up to 2^-11, so
// an error in O below 2^-11 max|v|), then O to f16 (2^-11 |O|), plus f32
// noise: --atol 1e-3.
// RUN: run %s --entry attention_fwd --grid 2,2 @%S/../tests/data/examples/attention_q.npy @%S/../tests/data/examples/attention_k.npy @%S/../tests/data/examples/attention_v.npy zeros:f16:2x128x64 i32:2 i32:128 --expect o=@%S/../tests/data/examples/attention_o.npy --atol 1e-3
// RUN: run %s --entry attention_fwd_causal --grid 2,2 @%S/../tests/data/examples/attention_q.npy @%S/../tests/data/examples/attention_k.npy @%S/../tests/data/examples/attention_v.npy zeros:f16:2x128x64 i32:2 i32:128 --expect o=@%S/../tests/data/examples/attention_o_causal.npy --atol 1e-3
cuda_tile.module @attention_fwd {
  entry @attention_fwd(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>,
                       %o: tile<ptr<f16>>, %bh: tile<i32>, %s: tile<i32>) {
    // (batch*heads) x S x 64 arrays, S*64 elements per head
    %c64 = constant <i32: 64> : tile<i32>
    %hs = muli %s, %c64 : tile<i32>
    %tq = make_tensor_view %q, shape = [%bh, %s, 64], strides = [%hs, 64, 1] : tile<i32> -> tensor_view<?x?x64xf16, strides=[?,64,1]>
    %tk = make_tensor_view %k, shape = [%bh, %s, 64], strides = [%hs, 64, 1] : tile<i32> -> tensor_view<?x?x64xf16, strides=[?,64,1]>
    %tv = make_tensor_view %v, shape = [%bh, %s, 64], strides = [%hs, 64, 1] : tile<i32> -> tensor_view<?x?x64xf16, strides=[?,64,1]>
    %to = make_tensor_view %o, shape = [%bh, %s, 64], strides = [%hs, 64, 1] : tile<i32> -> tensor_view<?x?x64xf16, strides=[?,64,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>
    %qb, %head, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %q3, %t1 = load_view_tko weak %pq[%head, %qb, %zero] : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>, tile<i32> -> tile<1x64x64xf16>, token
    %qt = reshape %q3 : tile<1x64x64xf16> -> tile<64x64xf16>
    // 1/sqrt(64), exactly
    %scale = constant <f32: 0.125> : tile<64x64xf32>
    %zacc = constant <f32: 0.0> : tile<64x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<64xf32>
    %l0 = constant <f32: 0.0> : tile<64xf32>
    %nkb = divi %s, %c64 signed : tile<i32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<64xf32>, tile<64xf32>, tile<64x64xf32>) {
      // scores of this key block: s = (Q K_j^T) / 8
      %k3, %t2 = load_view_tko weak %pk[%head, %j, %zero] : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>, tile<i32> -> tile<1x64x64xf16>, token
      %kt = reshape %k3 : tile<1x64x64xf16> -> tile<64x64xf16>
      %ktt = permute %kt [1, 0] : tile<64x64xf16> -> tile<64x64xf16>
      %qk = mmaf %qt, %ktt, %zacc : tile<64x64xf16>, tile<64x64xf16>, tile<64x64xf32>
      %sc = mulf %qk, %scale : tile<64x64xf32>
      // the new running max m' and the rescale factor alpha = exp(m - m')
      %smax = reduce %sc dim=1 identities=[0xFF800000 : f32] : tile<64x64xf32> -> tile<64xf32>
      (%a: tile<f32>, %b: tile<f32>) {
        %r = maxf %a, %b : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<64xf32>
      %dm = subf %m, %mnew : tile<64xf32>
      %alpha = exp %dm : tile<64xf32>
      // p = exp(s - m'), and its row sums
      %mnew1 = reshape %mnew : tile<64xf32> -> tile<64x1xf32>
      %mnewb = broadcast %mnew1 : tile<64x1xf32> -> tile<64x64xf32>
      %sm = subf %sc, %mnewb : tile<64x64xf32>
      %p = exp %sm : tile<64x64xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<64x64xf32> -> tile<64xf32>
      (%a: tile<f32>, %b: tile<f32>) {
        %r = addf %a, %b : tile<f32>
        yield %r : tile<f32>
      }
      // l' = alpha l + rowsum(p)
      %la = mulf %l, %alpha : tile<64xf32>
      %lnew = addf %la, %psum : tile<64xf32>
      // acc' = alpha acc + p V_j, with p in f16
      %alpha1 = reshape %alpha : tile<64xf32> -> tile<64x1xf32>
      %alphab = broadcast %alpha1 : tile<64x1xf32> -> tile<64x64xf32>
      %acca = mulf %acc, %alphab : tile<64x64xf32>
      %p16 = ftof %p : tile<64x64xf32> -> tile<64x64xf16>
      %v3, %t3 = load_view_tko weak %pv[%head, %j, %zero] : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>, tile<i32> -> tile<1x64x64xf16>, token
      %vt = reshape %v3 : tile<1x64x64xf16> -> tile<64x64xf16>
      %accnew = mmaf %p16, %vt, %acca : tile<64x64xf16>, tile<64x64xf16>, tile<64x64xf32>
      continue %mnew, %lnew, %accnew : tile<64xf32>, tile<64xf32>, tile<64x64xf32>
    }
    // O = acc / l
    %l1 = reshape %res#1 : tile<64xf32> -> tile<64x1xf32>
    %lb = broadcast %l1 : tile<64x1xf32> -> tile<64x64xf32>
    %out = divf %res#2, %lb : tile<64x64xf32>
    %out16 = ftof %out : tile<64x64xf32> -> tile<64x64xf16>
    %out3 = reshape %out16 : tile<64x64xf16> -> tile<1x64x64xf16>
    %t4 = store_view_tko weak %out3, %po[%head, %qb, %zero] : tile<1x64x64xf16>, partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_causal(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>,
                              %o: tile<ptr<f16>>, %bh: tile<i32>, %s: tile<i32>) {
    %c64 = constant <i32: 64> : tile<i32>
    %hs = muli %s, %c64 : tile<i32>
    %tq = make_tensor_view %q, shape = [%bh, %s, 64], strides = [%hs, 64, 1] : tile<i32> -> tensor_view<?x?x64xf16, strides=[?,64,1]>
    %tk = make_tensor_view %k, shape = [%bh, %s, 64], strides = [%hs, 64, 1] : tile<i32> -> tensor_view<?x?x64xf16, strides=[?,64,1]>
    %tv = make_tensor_view %v, shape = [%bh, %s, 64], strides = [%hs, 64, 1] : tile<i32> -> tensor_view<?x?x64xf16, strides=[?,64,1]>
    %to = make_tensor_view %o, shape = [%bh, %s, 64], strides = [%hs, 64, 1] : tile<i32> -> tensor_view<?x?x64xf16, strides=[?,64,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>
    %qb, %head, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %q3, %t1 = load_view_tko weak %pq[%head, %qb, %zero] : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>, tile<i32> -> tile<1x64x64xf16>, token
    %qt = reshape %q3 : tile<1x64x64xf16> -> tile<64x64xf16>
    %scale = constant <f32: 0.125> : tile<64x64xf32>
    %zacc = constant <f32: 0.0> : tile<64x64xf32>
    %ninf = constant <f32: 0xFF800000> : tile<64x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<64xf32>
    %l0 = constant <f32: 0.0> : tile<64xf32>
    // within a diagonal block, key c is above the diagonal when c > r
    %iota = iota : tile<64xi32>
    %rows1 = reshape %iota : tile<64xi32> -> tile<64x1xi32>
    %rows = broadcast %rows1 : tile<64x1xi32> -> tile<64x64xi32>
    %cols1 = reshape %iota : tile<64xi32> -> tile<1x64xi32>
    %cols = broadcast %cols1 : tile<1x64xi32> -> tile<64x64xi32>
    %above = cmpi greater_than %cols, %rows, signed : tile<64x64xi32> -> tile<64x64xi1>
    // key blocks 0 .. qb: the ones after the diagonal block are all masked
    %nkb = addi %qb, %one : tile<i32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<64xf32>, tile<64xf32>, tile<64x64xf32>) {
      %k3, %t2 = load_view_tko weak %pk[%head, %j, %zero] : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>, tile<i32> -> tile<1x64x64xf16>, token
      %kt = reshape %k3 : tile<1x64x64xf16> -> tile<64x64xf16>
      %ktt = permute %kt [1, 0] : tile<64x64xf16> -> tile<64x64xf16>
      %qk = mmaf %qt, %ktt, %zacc : tile<64x64xf16>, tile<64x64xf16>, tile<64x64xf32>
      %sc0 = mulf %qk, %scale : tile<64x64xf32>
      // on the diagonal block, scores above the diagonal become -inf
      %diag = cmpi equal %j, %qb, signed : tile<i32> -> tile<i1>
      %sc = if %diag -> (tile<64x64xf32>) {
        %masked = select %above, %ninf, %sc0 : tile<64x64xi1>, tile<64x64xf32>
        yield %masked : tile<64x64xf32>
      } else {
        yield %sc0 : tile<64x64xf32>
      }
      %smax = reduce %sc dim=1 identities=[0xFF800000 : f32] : tile<64x64xf32> -> tile<64xf32>
      (%a: tile<f32>, %b: tile<f32>) {
        %r = maxf %a, %b : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<64xf32>
      %dm = subf %m, %mnew : tile<64xf32>
      %alpha = exp %dm : tile<64xf32>
      %mnew1 = reshape %mnew : tile<64xf32> -> tile<64x1xf32>
      %mnewb = broadcast %mnew1 : tile<64x1xf32> -> tile<64x64xf32>
      %sm = subf %sc, %mnewb : tile<64x64xf32>
      %p = exp %sm : tile<64x64xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<64x64xf32> -> tile<64xf32>
      (%a: tile<f32>, %b: tile<f32>) {
        %r = addf %a, %b : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<64xf32>
      %lnew = addf %la, %psum : tile<64xf32>
      %alpha1 = reshape %alpha : tile<64xf32> -> tile<64x1xf32>
      %alphab = broadcast %alpha1 : tile<64x1xf32> -> tile<64x64xf32>
      %acca = mulf %acc, %alphab : tile<64x64xf32>
      %p16 = ftof %p : tile<64x64xf32> -> tile<64x64xf16>
      %v3, %t3 = load_view_tko weak %pv[%head, %j, %zero] : partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>, tile<i32> -> tile<1x64x64xf16>, token
      %vt = reshape %v3 : tile<1x64x64xf16> -> tile<64x64xf16>
      %accnew = mmaf %p16, %vt, %acca : tile<64x64xf16>, tile<64x64xf16>, tile<64x64xf32>
      continue %mnew, %lnew, %accnew : tile<64xf32>, tile<64xf32>, tile<64x64xf32>
    }
    %l1 = reshape %res#1 : tile<64xf32> -> tile<64x1xf32>
    %lb = broadcast %l1 : tile<64x1xf32> -> tile<64x64xf32>
    %out = divf %res#2, %lb : tile<64x64xf32>
    %out16 = ftof %out : tile<64x64xf32> -> tile<64x64xf16>
    %out3 = reshape %out16 : tile<64x64xf16> -> tile<1x64x64xf16>
    %t4 = store_view_tko weak %out3, %po[%head, %qb, %zero] : tile<1x64x64xf16>, partition_view<tile=(1x64x64), tensor_view<?x?x64xf16, strides=[?,64,1]>>, tile<i32> -> token
  }
}
