// attention_fwd.mlir -- the forward pass of attention, O = softmax(Q K^T /
// sqrt(d)) V, as FlashAttention 2/3/4 and HipKittens compute it: an online
// softmax in the log2 domain (exp2 of scores pre-multiplied by
// log2(e)/sqrt(d), the scaling folded into one multiply), Q tiles of 128
// rows, K/V tiles of 128 keys, head dimension d = 128 (other d below), and
// the log-sum-exp of every row kept for the backward pass.
//
// Layout as FlashAttention's: Q, K, V, O are batch x S x heads x d (row-
// major), lse is batch x heads x S (f32).  Tile block (x, y) owns query
// rows [128x, 128x+128) of batch y / heads, head y % heads.  K is read
// through a view that sees it as K^T (batch x heads x d x S), the
// K-major operand the MMA takes from shared memory, so no transposition
// op is needed.  Per key block j (m, l, acc carried by the loop):
//     s = (Q K_j^T) log2(e)/sqrt(d)            mmaf, f32 out, then one mulf
//     m' = max(m, rowmax(s)),  alpha = exp2(m - m'),  p = exp2(s - m')
//     l' = alpha l + rowsum(p),  acc' = alpha acc + p V_j   (p rounded to
//     the input type for the second mmaf)
// then O = acc / l and lse = (m + log2 l) ln 2.  S must be a multiple of
// 128 (every anchor's is).
//   @attention_fwd_bf16   bf16 Q K V O (B200, MI355X)
//   @attention_fwd_f16    f16 Q K V O (H100, FlashAttention-3's fp16 runs)
//   @attention_fwd_e4m3   f8E4M3FN Q K V (P rounded to e4m3 for P V, as
//                         FlashAttention-3's fp8 path), bf16 O; descaling
//                         factors are taken as 1
// and the same for other head dimensions, with the tile shapes used there
// (powers of two, as Tile IR wants): suffix _d64 (128 queries x 128 keys,
// hdim 64) and _d256 (128 queries x 64 keys, hdim 256), e.g.
// @attention_fwd_bf16_d256.  All take the same arguments; hdim is fixed by
// the entry.
// Every bf16 and f16 entry also comes as _sm100 (e.g. @attention_fwd_bf16_sm100,
// @attention_fwd_f16_d256_sm100): the kernel as FlashAttention-4 writes it for
// Blackwell, where the MUFU (16 exp2 per clock per SM, as on Hopper) would bound
// it.  Each block takes two 128-row query tiles (grid (S/256, batch*heads);
// hdim 256: one, as two would need 640 of the 512 TMEM columns) that
// share the K and V tiles, so one tile's MMAs run while the other's softmax
// does; and of each block of scores the last quarter of the columns is
// exponentiated on the FMA units (2^x = 2^floor(x) p(frac x), p a cubic,
// floor(x) added to the exponent bits) while the MUFU does the rest.
// The causal variant is attention_fwd_causal.mlir.
//
// Grid:      (S/128, batch*heads, 1)
// Arguments: q, k, v, o, lse, batch, heads, S (i32).
// Perf:      tilesim perf examples/perf/attention_fwd.mlir --entry attention_fwd_bf16 \
//              --grid 128,16 shape:bf16:1x16384x16x128 shape:bf16:1x16384x16x128 \
//              shape:bf16:1x16384x16x128 shape:bf16:1x16384x16x128 shape:f32:1x16x16384 \
//              i32:1 i32:16 i32:16384
//
// Tested on S=256 (2 query blocks x 2 key blocks), batch 1 x 2 heads in
// bf16 and 2 x 1 in f16, inputs uniform in [-1, 1).  The reference is
// float64 softmax attention rounded once; the kernel rounds each weight p
// (relative error 2^-9 in bf16, 2^-11 in f16) before p V, so O may differ
// by that times max|v| plus the rounding of O itself: --atol 4e-3 (bf16),
// 1e-3 (f16); lse differs only by f32 rounding.
// RUN: run %s --entry attention_fwd_bf16 --grid 2,2 rand:bf16:1x256x2x128:seed=1 rand:bf16:1x256x2x128:seed=2 rand:bf16:1x256x2x128:seed=3 zeros:bf16:1x256x2x128 zeros:f32:1x2x256 i32:1 i32:2 i32:256 --expect o=@%S/../../tests/data/perf/attention_bf16_o.npy --expect lse=@%S/../../tests/data/perf/attention_bf16_lse.npy --atol 4e-3
// RUN: run %s --entry attention_fwd_f16 --grid 2,2 rand:f16:2x256x1x128:seed=1 rand:f16:2x256x1x128:seed=2 rand:f16:2x256x1x128:seed=3 zeros:f16:2x256x1x128 zeros:f32:2x1x256 i32:2 i32:1 i32:256 --expect o=@%S/../../tests/data/perf/attention_f16_o.npy --expect lse=@%S/../../tests/data/perf/attention_f16_lse.npy --atol 1e-3
// e4m3: each weight p rounded to e4m3 (3 significant bits; absolute 2^-10
// below 2^-6) moves O by up to 5e-3 here: --atol 1e-2.
// RUN: run %s --entry attention_fwd_e4m3 --grid 2,1 rand:f8E4M3FN:1x256x1x128:seed=1 rand:f8E4M3FN:1x256x1x128:seed=2 rand:f8E4M3FN:1x256x1x128:seed=3 zeros:bf16:1x256x1x128 zeros:f32:1x1x256 i32:1 i32:1 i32:256 --expect o=@%S/../../tests/data/perf/attention_e4m3_o.npy --expect lse=@%S/../../tests/data/perf/attention_e4m3_lse.npy --atol 1e-2
// The _sm100 entries (two query tiles per block but at hdim 256, grid (S/256,
// batch*heads))
// compute a quarter of the exp2 on the FMA units with a cubic (relative error
// 1.1e-4, below bf16's rounding), as FlashAttention-4 does; same tolerance.
// RUN: run %s --entry attention_fwd_bf16_sm100 --grid 1,2 rand:bf16:1x256x2x128:seed=1 rand:bf16:1x256x2x128:seed=2 rand:bf16:1x256x2x128:seed=3 zeros:bf16:1x256x2x128 zeros:f32:1x2x256 i32:1 i32:2 i32:256 --expect o=@%S/../../tests/data/perf/attention_bf16_o.npy --expect lse=@%S/../../tests/data/perf/attention_bf16_lse.npy --atol 4e-3
cuda_tile.module @attention_fwd {
  entry @attention_fwd_bf16(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 128> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>
    // K read as K^T: batch x heads x 128 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 128, %s], strides = [%shd, 128, 1, %hd] : tile<i32> -> tensor_view<?x?x128x?xbf16, strides=[?,128,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xbf16, strides=[?,128,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 128> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    %qb = addi %bx, %zero : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x128xbf16> -> tile<128x128xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(128): exp2 of scaled scores
    %sl2 = constant <f32: 0.127517431974411> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x128xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x128xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(128)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xbf16, strides=[?,128,1,?]>>, tile<i32> -> tile<1x1x128x128xbf16>, token
      %kt = reshape %k4 : tile<1x1x128x128xbf16> -> tile<128x128xbf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x128xbf16>, tile<128x128xbf16>, tile<128x128xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x128xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x128xf32>
      %sm = subf %sc0, %mnb : tile<128x128xf32>
      %p = exp2 %sm : tile<128x128xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x128xf32>
      %acca = mulf %acc, %alb : tile<128x128xf32>
      %pl = ftof %p : tile<128x128xf32> -> tile<128x128xbf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xbf16>, token
      %vt = reshape %v4 : tile<1x128x1x128xbf16> -> tile<128x128xbf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x128xbf16>, tile<128x128xbf16>, tile<128x128xf32>
      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x128xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x128xf32>
    %out = divf %res#2, %lb : tile<128x128xf32>
    %oe = ftof %out : tile<128x128xf32> -> tile<128x128xbf16>
    %o4 = reshape %oe : tile<128x128xbf16> -> tile<1x128x1x128xbf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x128xbf16>, partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_f16(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 128> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>
    // K read as K^T: batch x heads x 128 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 128, %s], strides = [%shd, 128, 1, %hd] : tile<i32> -> tensor_view<?x?x128x?xf16, strides=[?,128,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xf16, strides=[?,128,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 128> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    %qb = addi %bx, %zero : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf16>, token
    %qt = reshape %q4 : tile<1x128x1x128xf16> -> tile<128x128xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(128): exp2 of scaled scores
    %sl2 = constant <f32: 0.127517431974411> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x128xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x128xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(128)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xf16, strides=[?,128,1,?]>>, tile<i32> -> tile<1x1x128x128xf16>, token
      %kt = reshape %k4 : tile<1x1x128x128xf16> -> tile<128x128xf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x128xf16>, tile<128x128xf16>, tile<128x128xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x128xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x128xf32>
      %sm = subf %sc0, %mnb : tile<128x128xf32>
      %p = exp2 %sm : tile<128x128xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x128xf32>
      %acca = mulf %acc, %alb : tile<128x128xf32>
      %pl = ftof %p : tile<128x128xf32> -> tile<128x128xf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf16>, token
      %vt = reshape %v4 : tile<1x128x1x128xf16> -> tile<128x128xf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x128xf16>, tile<128x128xf16>, tile<128x128xf32>
      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x128xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x128xf32>
    %out = divf %res#2, %lb : tile<128x128xf32>
    %oe = ftof %out : tile<128x128xf32> -> tile<128x128xf16>
    %o4 = reshape %oe : tile<128x128xf16> -> tile<1x128x1x128xf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x128xf16>, partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_e4m3(%q: tile<ptr<f8E4M3FN>>, %k: tile<ptr<f8E4M3FN>>, %v: tile<ptr<f8E4M3FN>>, %o: tile<ptr<bf16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 128> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xf8E4M3FN, strides=[?,?,128,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xf8E4M3FN, strides=[?,?,128,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>
    // K read as K^T: batch x heads x 128 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 128, %s], strides = [%shd, 128, 1, %hd] : tile<i32> -> tensor_view<?x?x128x?xf8E4M3FN, strides=[?,128,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf8E4M3FN, strides=[?,?,128,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xf8E4M3FN, strides=[?,128,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf8E4M3FN, strides=[?,?,128,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 128> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    %qb = addi %bx, %zero : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf8E4M3FN, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf8E4M3FN>, token
    %qt = reshape %q4 : tile<1x128x1x128xf8E4M3FN> -> tile<128x128xf8E4M3FN>
    // softmax_scale * log2(e) = log2(e) / sqrt(128): exp2 of scaled scores
    %sl2 = constant <f32: 0.127517431974411> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x128xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x128xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(128)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xf8E4M3FN, strides=[?,128,1,?]>>, tile<i32> -> tile<1x1x128x128xf8E4M3FN>, token
      %kt = reshape %k4 : tile<1x1x128x128xf8E4M3FN> -> tile<128x128xf8E4M3FN>
      %qk = mmaf %qt, %kt, %zs : tile<128x128xf8E4M3FN>, tile<128x128xf8E4M3FN>, tile<128x128xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x128xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x128xf32>
      %sm = subf %sc0, %mnb : tile<128x128xf32>
      %p = exp2 %sm : tile<128x128xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x128xf32>
      %acca = mulf %acc, %alb : tile<128x128xf32>
      %pl = ftof %p : tile<128x128xf32> -> tile<128x128xf8E4M3FN>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf8E4M3FN, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf8E4M3FN>, token
      %vt = reshape %v4 : tile<1x128x1x128xf8E4M3FN> -> tile<128x128xf8E4M3FN>
      %accnew = mmaf %pl, %vt, %acca : tile<128x128xf8E4M3FN>, tile<128x128xf8E4M3FN>, tile<128x128xf32>
      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x128xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x128xf32>
    %out = divf %res#2, %lb : tile<128x128xf32>
    %oe = ftof %out : tile<128x128xf32> -> tile<128x128xbf16>
    %o4 = reshape %oe : tile<128x128xbf16> -> tile<1x128x1x128xbf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x128xbf16>, partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_bf16_d64(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 64> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>
    // K read as K^T: batch x heads x 64 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 64, %s], strides = [%shd, 64, 1, %hd] : tile<i32> -> tensor_view<?x?x64x?xbf16, strides=[?,64,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xbf16, strides=[?,64,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 128> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    %qb = addi %bx, %zero : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x64xbf16> -> tile<128x64xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(64): exp2 of scaled scores
    %sl2 = constant <f32: 0.1803368777036667> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x64xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x64xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(64)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xbf16, strides=[?,64,1,?]>>, tile<i32> -> tile<1x1x64x128xbf16>, token
      %kt = reshape %k4 : tile<1x1x64x128xbf16> -> tile<64x128xbf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x64xbf16>, tile<64x128xbf16>, tile<128x128xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x128xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x128xf32>
      %sm = subf %sc0, %mnb : tile<128x128xf32>
      %p = exp2 %sm : tile<128x128xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x64xf32>
      %acca = mulf %acc, %alb : tile<128x64xf32>
      %pl = ftof %p : tile<128x128xf32> -> tile<128x128xbf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xbf16>, token
      %vt = reshape %v4 : tile<1x128x1x64xbf16> -> tile<128x64xbf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x128xbf16>, tile<128x64xbf16>, tile<128x64xf32>
      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x64xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x64xf32>
    %out = divf %res#2, %lb : tile<128x64xf32>
    %oe = ftof %out : tile<128x64xf32> -> tile<128x64xbf16>
    %o4 = reshape %oe : tile<128x64xbf16> -> tile<1x128x1x64xbf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x64xbf16>, partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_f16_d64(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 64> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>
    // K read as K^T: batch x heads x 64 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 64, %s], strides = [%shd, 64, 1, %hd] : tile<i32> -> tensor_view<?x?x64x?xf16, strides=[?,64,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xf16, strides=[?,64,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 128> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    %qb = addi %bx, %zero : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf16>, token
    %qt = reshape %q4 : tile<1x128x1x64xf16> -> tile<128x64xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(64): exp2 of scaled scores
    %sl2 = constant <f32: 0.1803368777036667> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x64xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x64xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(64)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xf16, strides=[?,64,1,?]>>, tile<i32> -> tile<1x1x64x128xf16>, token
      %kt = reshape %k4 : tile<1x1x64x128xf16> -> tile<64x128xf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x64xf16>, tile<64x128xf16>, tile<128x128xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x128xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x128xf32>
      %sm = subf %sc0, %mnb : tile<128x128xf32>
      %p = exp2 %sm : tile<128x128xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x64xf32>
      %acca = mulf %acc, %alb : tile<128x64xf32>
      %pl = ftof %p : tile<128x128xf32> -> tile<128x128xf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf16>, token
      %vt = reshape %v4 : tile<1x128x1x64xf16> -> tile<128x64xf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x128xf16>, tile<128x64xf16>, tile<128x64xf32>
      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x64xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x64xf32>
    %out = divf %res#2, %lb : tile<128x64xf32>
    %oe = ftof %out : tile<128x64xf32> -> tile<128x64xf16>
    %o4 = reshape %oe : tile<128x64xf16> -> tile<1x128x1x64xf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x64xf16>, partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_e4m3_d64(%q: tile<ptr<f8E4M3FN>>, %k: tile<ptr<f8E4M3FN>>, %v: tile<ptr<f8E4M3FN>>, %o: tile<ptr<bf16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 64> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xf8E4M3FN, strides=[?,?,64,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xf8E4M3FN, strides=[?,?,64,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>
    // K read as K^T: batch x heads x 64 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 64, %s], strides = [%shd, 64, 1, %hd] : tile<i32> -> tensor_view<?x?x64x?xf8E4M3FN, strides=[?,64,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf8E4M3FN, strides=[?,?,64,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xf8E4M3FN, strides=[?,64,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf8E4M3FN, strides=[?,?,64,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 128> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    %qb = addi %bx, %zero : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf8E4M3FN, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf8E4M3FN>, token
    %qt = reshape %q4 : tile<1x128x1x64xf8E4M3FN> -> tile<128x64xf8E4M3FN>
    // softmax_scale * log2(e) = log2(e) / sqrt(64): exp2 of scaled scores
    %sl2 = constant <f32: 0.1803368777036667> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x64xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x64xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(64)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xf8E4M3FN, strides=[?,64,1,?]>>, tile<i32> -> tile<1x1x64x128xf8E4M3FN>, token
      %kt = reshape %k4 : tile<1x1x64x128xf8E4M3FN> -> tile<64x128xf8E4M3FN>
      %qk = mmaf %qt, %kt, %zs : tile<128x64xf8E4M3FN>, tile<64x128xf8E4M3FN>, tile<128x128xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x128xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x128xf32>
      %sm = subf %sc0, %mnb : tile<128x128xf32>
      %p = exp2 %sm : tile<128x128xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x64xf32>
      %acca = mulf %acc, %alb : tile<128x64xf32>
      %pl = ftof %p : tile<128x128xf32> -> tile<128x128xf8E4M3FN>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf8E4M3FN, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf8E4M3FN>, token
      %vt = reshape %v4 : tile<1x128x1x64xf8E4M3FN> -> tile<128x64xf8E4M3FN>
      %accnew = mmaf %pl, %vt, %acca : tile<128x128xf8E4M3FN>, tile<128x64xf8E4M3FN>, tile<128x64xf32>
      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x64xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x64xf32>
    %out = divf %res#2, %lb : tile<128x64xf32>
    %oe = ftof %out : tile<128x64xf32> -> tile<128x64xbf16>
    %o4 = reshape %oe : tile<128x64xbf16> -> tile<1x128x1x64xbf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x64xbf16>, partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_bf16_d256(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 256> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>
    // K read as K^T: batch x heads x 256 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 256, %s], strides = [%shd, 256, 1, %hd] : tile<i32> -> tensor_view<?x?x256x?xbf16, strides=[?,256,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xbf16, strides=[?,256,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 64> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    %qb = addi %bx, %zero : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x128x1x256xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x256xbf16> -> tile<128x256xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(256): exp2 of scaled scores
    %sl2 = constant <f32: 0.09016843885183334> : tile<128x64xf32>
    %zacc = constant <f32: 0.0> : tile<128x256xf32>
    %zs = constant <f32: 0.0> : tile<128x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x256xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(256)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xbf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xbf16>, token
      %kt = reshape %k4 : tile<1x1x256x64xbf16> -> tile<256x64xbf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x256xbf16>, tile<256x64xbf16>, tile<128x64xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x64xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x64xf32>
      %sm = subf %sc0, %mnb : tile<128x64xf32>
      %p = exp2 %sm : tile<128x64xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x256xf32>
      %acca = mulf %acc, %alb : tile<128x256xf32>
      %pl = ftof %p : tile<128x64xf32> -> tile<128x64xbf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xbf16>, token
      %vt = reshape %v4 : tile<1x64x1x256xbf16> -> tile<64x256xbf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x64xbf16>, tile<64x256xbf16>, tile<128x256xf32>
      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x256xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x256xf32>
    %out = divf %res#2, %lb : tile<128x256xf32>
    %oe = ftof %out : tile<128x256xf32> -> tile<128x256xbf16>
    %o4 = reshape %oe : tile<128x256xbf16> -> tile<1x128x1x256xbf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x256xbf16>, partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_f16_d256(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 256> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>
    // K read as K^T: batch x heads x 256 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 256, %s], strides = [%shd, 256, 1, %hd] : tile<i32> -> tensor_view<?x?x256x?xf16, strides=[?,256,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf16, strides=[?,256,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 64> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    %qb = addi %bx, %zero : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x128x1x256xf16>, token
    %qt = reshape %q4 : tile<1x128x1x256xf16> -> tile<128x256xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(256): exp2 of scaled scores
    %sl2 = constant <f32: 0.09016843885183334> : tile<128x64xf32>
    %zacc = constant <f32: 0.0> : tile<128x256xf32>
    %zs = constant <f32: 0.0> : tile<128x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x256xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(256)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xf16>, token
      %kt = reshape %k4 : tile<1x1x256x64xf16> -> tile<256x64xf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x256xf16>, tile<256x64xf16>, tile<128x64xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x64xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x64xf32>
      %sm = subf %sc0, %mnb : tile<128x64xf32>
      %p = exp2 %sm : tile<128x64xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x256xf32>
      %acca = mulf %acc, %alb : tile<128x256xf32>
      %pl = ftof %p : tile<128x64xf32> -> tile<128x64xf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xf16>, token
      %vt = reshape %v4 : tile<1x64x1x256xf16> -> tile<64x256xf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x64xf16>, tile<64x256xf16>, tile<128x256xf32>
      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x256xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x256xf32>
    %out = divf %res#2, %lb : tile<128x256xf32>
    %oe = ftof %out : tile<128x256xf32> -> tile<128x256xf16>
    %o4 = reshape %oe : tile<128x256xf16> -> tile<1x128x1x256xf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x256xf16>, partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_e4m3_d256(%q: tile<ptr<f8E4M3FN>>, %k: tile<ptr<f8E4M3FN>>, %v: tile<ptr<f8E4M3FN>>, %o: tile<ptr<bf16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 256> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xf8E4M3FN, strides=[?,?,256,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xf8E4M3FN, strides=[?,?,256,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>
    // K read as K^T: batch x heads x 256 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 256, %s], strides = [%shd, 256, 1, %hd] : tile<i32> -> tensor_view<?x?x256x?xf8E4M3FN, strides=[?,256,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf8E4M3FN, strides=[?,?,256,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf8E4M3FN, strides=[?,256,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf8E4M3FN, strides=[?,?,256,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 64> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    %qb = addi %bx, %zero : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf8E4M3FN, strides=[?,?,256,1]>>, tile<i32> -> tile<1x128x1x256xf8E4M3FN>, token
    %qt = reshape %q4 : tile<1x128x1x256xf8E4M3FN> -> tile<128x256xf8E4M3FN>
    // softmax_scale * log2(e) = log2(e) / sqrt(256): exp2 of scaled scores
    %sl2 = constant <f32: 0.09016843885183334> : tile<128x64xf32>
    %zacc = constant <f32: 0.0> : tile<128x256xf32>
    %zs = constant <f32: 0.0> : tile<128x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x256xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(256)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf8E4M3FN, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xf8E4M3FN>, token
      %kt = reshape %k4 : tile<1x1x256x64xf8E4M3FN> -> tile<256x64xf8E4M3FN>
      %qk = mmaf %qt, %kt, %zs : tile<128x256xf8E4M3FN>, tile<256x64xf8E4M3FN>, tile<128x64xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x64xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x64xf32>
      %sm = subf %sc0, %mnb : tile<128x64xf32>
      %p = exp2 %sm : tile<128x64xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x256xf32>
      %acca = mulf %acc, %alb : tile<128x256xf32>
      %pl = ftof %p : tile<128x64xf32> -> tile<128x64xf8E4M3FN>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf8E4M3FN, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xf8E4M3FN>, token
      %vt = reshape %v4 : tile<1x64x1x256xf8E4M3FN> -> tile<64x256xf8E4M3FN>
      %accnew = mmaf %pl, %vt, %acca : tile<128x64xf8E4M3FN>, tile<64x256xf8E4M3FN>, tile<128x256xf32>
      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x256xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x256xf32>
    %out = divf %res#2, %lb : tile<128x256xf32>
    %oe = ftof %out : tile<128x256xf32> -> tile<128x256xbf16>
    %o4 = reshape %oe : tile<128x256xbf16> -> tile<1x128x1x256xbf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x256xbf16>, partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_bf16_sm100(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 128> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>
    // K read as K^T: batch x heads x 128 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 128, %s], strides = [%shd, 128, 1, %hd] : tile<i32> -> tensor_view<?x?x128x?xbf16, strides=[?,128,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xbf16, strides=[?,128,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 128> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    // two query tiles per block, as FlashAttention-4 runs them: the MMAs of one
    // tile run while the other's softmax does; K and V are loaded once for both
    %two = constant <i32: 2> : tile<i32>
    %qb = muli %bx, %two : tile<i32>
    %qb_b = addi %qb, %one : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x128xbf16> -> tile<128x128xbf16>
    %q4_b, %t1_b = load_view_tko weak %pq[%b, %qb_b, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xbf16>, token
    %qt_b = reshape %q4_b : tile<1x128x1x128xbf16> -> tile<128x128xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(128): exp2 of scaled scores
    %sl2 = constant <f32: 0.127517431974411> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x128xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:6 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc, %m_b = %m0, %l_b = %l0, %acc_b = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x128xf32>, tile<128xf32>, tile<128xf32>, tile<128x128xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(128)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xbf16, strides=[?,128,1,?]>>, tile<i32> -> tile<1x1x128x128xbf16>, token
      %kt = reshape %k4 : tile<1x1x128x128xbf16> -> tile<128x128xbf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x128xbf16>, tile<128x128xbf16>, tile<128x128xf32>
      %qk_b = mmaf %qt_b, %kt, %zs : tile<128x128xbf16>, tile<128x128xbf16>, tile<128x128xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x128xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x128xf32>
      %sm = subf %sc0, %mnb : tile<128x128xf32>
      // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
      // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
      // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
      %p_i1 = constant <i32: 1> : tile<i32>
      %p_i2 = constant <i32: 2> : tile<i32>
      %p_i3 = constant <i32: 3> : tile<i32>
      %p_x0 = extract %sm[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x1 = extract %sm[%zero, %p_i1] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x2 = extract %sm[%zero, %p_i2] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x3 = extract %sm[%zero, %p_i3] : tile<128x128xf32> -> tile<128x32xf32>
      %p_e0 = exp2 %p_x0 : tile<128x32xf32>
      %p_e1 = exp2 %p_x1 : tile<128x32xf32>
      %p_e2 = exp2 %p_x2 : tile<128x32xf32>
      %p_lo = constant <f32: -127.0> : tile<128x32xf32>
      %p_xc = maxf %p_x3, %p_lo : tile<128x32xf32>
      %p_j = floor %p_xc : tile<128x32xf32>
      %p_f = subf %p_xc, %p_j : tile<128x32xf32>
      %p_k3 = constant <f32: 0.0782281741> : tile<128x32xf32>
      %p_k2 = constant <f32: 0.226269816> : tile<128x32xf32>
      %p_k1 = constant <f32: 0.695502010> : tile<128x32xf32>
      %p_k0 = constant <f32: 1.0> : tile<128x32xf32>
      %p_h2 = fma %p_f, %p_k3, %p_k2 : tile<128x32xf32>
      %p_h1 = fma %p_f, %p_h2, %p_k1 : tile<128x32xf32>
      %p_h0 = fma %p_f, %p_h1, %p_k0 : tile<128x32xf32>
      %p_ji = ftoi %p_j signed : tile<128x32xf32> -> tile<128x32xi32>
      %p_c23 = constant <i32: 23> : tile<128x32xi32>
      %p_sh = shli %p_ji, %p_c23 : tile<128x32xi32>
      %p_hb = bitcast %p_h0 : tile<128x32xf32> -> tile<128x32xi32>
      %p_sb = addi %p_hb, %p_sh : tile<128x32xi32>
      %p_e3 = bitcast %p_sb : tile<128x32xi32> -> tile<128x32xf32>
      %p_lo2 = cat %p_e0, %p_e1 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_hi2 = cat %p_e2, %p_e3 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p = cat %p_lo2, %p_hi2 dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x128xf32>
      %acca = mulf %acc, %alb : tile<128x128xf32>
      %pl = ftof %p : tile<128x128xf32> -> tile<128x128xbf16>
      %sc0_b = mulf %qk_b, %sl2 : tile<128x128xf32>
      %smax_b = reduce %sc0_b dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x_b: tile<f32>, %y_b: tile<f32>) {
        %r_b = maxf %x_b, %y_b : tile<f32>
        yield %r_b : tile<f32>
      }
      %mnew_b = maxf %m_b, %smax_b : tile<128xf32>
      %dm_b = subf %m_b, %mnew_b : tile<128xf32>
      %alpha_b = exp2 %dm_b : tile<128xf32>
      %mn1_b = reshape %mnew_b : tile<128xf32> -> tile<128x1xf32>
      %mnb_b = broadcast %mn1_b : tile<128x1xf32> -> tile<128x128xf32>
      %sm_b = subf %sc0_b, %mnb_b : tile<128x128xf32>
      // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
      // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
      // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
      %p_i1_b = constant <i32: 1> : tile<i32>
      %p_i2_b = constant <i32: 2> : tile<i32>
      %p_i3_b = constant <i32: 3> : tile<i32>
      %p_x0_b = extract %sm_b[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x1_b = extract %sm_b[%zero, %p_i1_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x2_b = extract %sm_b[%zero, %p_i2_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x3_b = extract %sm_b[%zero, %p_i3_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_e0_b = exp2 %p_x0_b : tile<128x32xf32>
      %p_e1_b = exp2 %p_x1_b : tile<128x32xf32>
      %p_e2_b = exp2 %p_x2_b : tile<128x32xf32>
      %p_lo_b = constant <f32: -127.0> : tile<128x32xf32>
      %p_xc_b = maxf %p_x3_b, %p_lo_b : tile<128x32xf32>
      %p_j_b = floor %p_xc_b : tile<128x32xf32>
      %p_f_b = subf %p_xc_b, %p_j_b : tile<128x32xf32>
      %p_k3_b = constant <f32: 0.0782281741> : tile<128x32xf32>
      %p_k2_b = constant <f32: 0.226269816> : tile<128x32xf32>
      %p_k1_b = constant <f32: 0.695502010> : tile<128x32xf32>
      %p_k0_b = constant <f32: 1.0> : tile<128x32xf32>
      %p_h2_b = fma %p_f_b, %p_k3_b, %p_k2_b : tile<128x32xf32>
      %p_h1_b = fma %p_f_b, %p_h2_b, %p_k1_b : tile<128x32xf32>
      %p_h0_b = fma %p_f_b, %p_h1_b, %p_k0_b : tile<128x32xf32>
      %p_ji_b = ftoi %p_j_b signed : tile<128x32xf32> -> tile<128x32xi32>
      %p_c23_b = constant <i32: 23> : tile<128x32xi32>
      %p_sh_b = shli %p_ji_b, %p_c23_b : tile<128x32xi32>
      %p_hb_b = bitcast %p_h0_b : tile<128x32xf32> -> tile<128x32xi32>
      %p_sb_b = addi %p_hb_b, %p_sh_b : tile<128x32xi32>
      %p_e3_b = bitcast %p_sb_b : tile<128x32xi32> -> tile<128x32xf32>
      %p_lo2_b = cat %p_e0_b, %p_e1_b dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_hi2_b = cat %p_e2_b, %p_e3_b dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_b = cat %p_lo2_b, %p_hi2_b dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
      %psum_b = reduce %p_b dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x_b: tile<f32>, %y_b: tile<f32>) {
        %r_b = addf %x_b, %y_b : tile<f32>
        yield %r_b : tile<f32>
      }
      %la_b = mulf %l_b, %alpha_b : tile<128xf32>
      %lnew_b = addf %la_b, %psum_b : tile<128xf32>
      %al1_b = reshape %alpha_b : tile<128xf32> -> tile<128x1xf32>
      %alb_b = broadcast %al1_b : tile<128x1xf32> -> tile<128x128xf32>
      %acca_b = mulf %acc_b, %alb_b : tile<128x128xf32>
      %pl_b = ftof %p_b : tile<128x128xf32> -> tile<128x128xbf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xbf16>, token
      %vt = reshape %v4 : tile<1x128x1x128xbf16> -> tile<128x128xbf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x128xbf16>, tile<128x128xbf16>, tile<128x128xf32>
      %accnew_b = mmaf %pl_b, %vt, %acca_b : tile<128x128xbf16>, tile<128x128xbf16>, tile<128x128xf32>
      continue %mnew, %lnew, %accnew, %mnew_b, %lnew_b, %accnew_b : tile<128xf32>, tile<128xf32>, tile<128x128xf32>, tile<128xf32>, tile<128xf32>, tile<128x128xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x128xf32>
    %out = divf %res#2, %lb : tile<128x128xf32>
    %oe = ftof %out : tile<128x128xf32> -> tile<128x128xbf16>
    %o4 = reshape %oe : tile<128x128xbf16> -> tile<1x128x1x128xbf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x128xbf16>, partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1_b = reshape %res#4 : tile<128xf32> -> tile<128x1xf32>
    %lb_b = broadcast %l1_b : tile<128x1xf32> -> tile<128x128xf32>
    %out_b = divf %res#5, %lb_b : tile<128x128xf32>
    %oe_b = ftof %out_b : tile<128x128xf32> -> tile<128x128xbf16>
    %o4_b = reshape %oe_b : tile<128x128xbf16> -> tile<1x128x1x128xbf16>
    %t4_b = store_view_tko weak %o4_b, %po[%b, %qb_b, %h, %zero] : tile<1x128x1x128xbf16>, partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> token
    %lg_b = log2 %res#4 : tile<128xf32>
    %ml_b = addf %res#3, %lg_b : tile<128xf32>
    %ln2_b = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev_b = mulf %ml_b, %ln2_b : tile<128xf32>
    %lse3_b = reshape %lsev_b : tile<128xf32> -> tile<1x1x128xf32>
    %t5_b = store_view_tko weak %lse3_b, %plse[%b, %h, %qb_b] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_f16_sm100(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 128> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 128], strides = [%shd, %hd, 128, 1] : tile<i32> -> tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>
    // K read as K^T: batch x heads x 128 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 128, %s], strides = [%shd, 128, 1, %hd] : tile<i32> -> tensor_view<?x?x128x?xf16, strides=[?,128,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xf16, strides=[?,128,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 128> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    // two query tiles per block, as FlashAttention-4 runs them: the MMAs of one
    // tile run while the other's softmax does; K and V are loaded once for both
    %two = constant <i32: 2> : tile<i32>
    %qb = muli %bx, %two : tile<i32>
    %qb_b = addi %qb, %one : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf16>, token
    %qt = reshape %q4 : tile<1x128x1x128xf16> -> tile<128x128xf16>
    %q4_b, %t1_b = load_view_tko weak %pq[%b, %qb_b, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf16>, token
    %qt_b = reshape %q4_b : tile<1x128x1x128xf16> -> tile<128x128xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(128): exp2 of scaled scores
    %sl2 = constant <f32: 0.127517431974411> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x128xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:6 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc, %m_b = %m0, %l_b = %l0, %acc_b = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x128xf32>, tile<128xf32>, tile<128xf32>, tile<128x128xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(128)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xf16, strides=[?,128,1,?]>>, tile<i32> -> tile<1x1x128x128xf16>, token
      %kt = reshape %k4 : tile<1x1x128x128xf16> -> tile<128x128xf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x128xf16>, tile<128x128xf16>, tile<128x128xf32>
      %qk_b = mmaf %qt_b, %kt, %zs : tile<128x128xf16>, tile<128x128xf16>, tile<128x128xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x128xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x128xf32>
      %sm = subf %sc0, %mnb : tile<128x128xf32>
      // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
      // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
      // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
      %p_i1 = constant <i32: 1> : tile<i32>
      %p_i2 = constant <i32: 2> : tile<i32>
      %p_i3 = constant <i32: 3> : tile<i32>
      %p_x0 = extract %sm[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x1 = extract %sm[%zero, %p_i1] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x2 = extract %sm[%zero, %p_i2] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x3 = extract %sm[%zero, %p_i3] : tile<128x128xf32> -> tile<128x32xf32>
      %p_e0 = exp2 %p_x0 : tile<128x32xf32>
      %p_e1 = exp2 %p_x1 : tile<128x32xf32>
      %p_e2 = exp2 %p_x2 : tile<128x32xf32>
      %p_lo = constant <f32: -127.0> : tile<128x32xf32>
      %p_xc = maxf %p_x3, %p_lo : tile<128x32xf32>
      %p_j = floor %p_xc : tile<128x32xf32>
      %p_f = subf %p_xc, %p_j : tile<128x32xf32>
      %p_k3 = constant <f32: 0.0782281741> : tile<128x32xf32>
      %p_k2 = constant <f32: 0.226269816> : tile<128x32xf32>
      %p_k1 = constant <f32: 0.695502010> : tile<128x32xf32>
      %p_k0 = constant <f32: 1.0> : tile<128x32xf32>
      %p_h2 = fma %p_f, %p_k3, %p_k2 : tile<128x32xf32>
      %p_h1 = fma %p_f, %p_h2, %p_k1 : tile<128x32xf32>
      %p_h0 = fma %p_f, %p_h1, %p_k0 : tile<128x32xf32>
      %p_ji = ftoi %p_j signed : tile<128x32xf32> -> tile<128x32xi32>
      %p_c23 = constant <i32: 23> : tile<128x32xi32>
      %p_sh = shli %p_ji, %p_c23 : tile<128x32xi32>
      %p_hb = bitcast %p_h0 : tile<128x32xf32> -> tile<128x32xi32>
      %p_sb = addi %p_hb, %p_sh : tile<128x32xi32>
      %p_e3 = bitcast %p_sb : tile<128x32xi32> -> tile<128x32xf32>
      %p_lo2 = cat %p_e0, %p_e1 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_hi2 = cat %p_e2, %p_e3 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p = cat %p_lo2, %p_hi2 dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x128xf32>
      %acca = mulf %acc, %alb : tile<128x128xf32>
      %pl = ftof %p : tile<128x128xf32> -> tile<128x128xf16>
      %sc0_b = mulf %qk_b, %sl2 : tile<128x128xf32>
      %smax_b = reduce %sc0_b dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x_b: tile<f32>, %y_b: tile<f32>) {
        %r_b = maxf %x_b, %y_b : tile<f32>
        yield %r_b : tile<f32>
      }
      %mnew_b = maxf %m_b, %smax_b : tile<128xf32>
      %dm_b = subf %m_b, %mnew_b : tile<128xf32>
      %alpha_b = exp2 %dm_b : tile<128xf32>
      %mn1_b = reshape %mnew_b : tile<128xf32> -> tile<128x1xf32>
      %mnb_b = broadcast %mn1_b : tile<128x1xf32> -> tile<128x128xf32>
      %sm_b = subf %sc0_b, %mnb_b : tile<128x128xf32>
      // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
      // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
      // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
      %p_i1_b = constant <i32: 1> : tile<i32>
      %p_i2_b = constant <i32: 2> : tile<i32>
      %p_i3_b = constant <i32: 3> : tile<i32>
      %p_x0_b = extract %sm_b[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x1_b = extract %sm_b[%zero, %p_i1_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x2_b = extract %sm_b[%zero, %p_i2_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x3_b = extract %sm_b[%zero, %p_i3_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_e0_b = exp2 %p_x0_b : tile<128x32xf32>
      %p_e1_b = exp2 %p_x1_b : tile<128x32xf32>
      %p_e2_b = exp2 %p_x2_b : tile<128x32xf32>
      %p_lo_b = constant <f32: -127.0> : tile<128x32xf32>
      %p_xc_b = maxf %p_x3_b, %p_lo_b : tile<128x32xf32>
      %p_j_b = floor %p_xc_b : tile<128x32xf32>
      %p_f_b = subf %p_xc_b, %p_j_b : tile<128x32xf32>
      %p_k3_b = constant <f32: 0.0782281741> : tile<128x32xf32>
      %p_k2_b = constant <f32: 0.226269816> : tile<128x32xf32>
      %p_k1_b = constant <f32: 0.695502010> : tile<128x32xf32>
      %p_k0_b = constant <f32: 1.0> : tile<128x32xf32>
      %p_h2_b = fma %p_f_b, %p_k3_b, %p_k2_b : tile<128x32xf32>
      %p_h1_b = fma %p_f_b, %p_h2_b, %p_k1_b : tile<128x32xf32>
      %p_h0_b = fma %p_f_b, %p_h1_b, %p_k0_b : tile<128x32xf32>
      %p_ji_b = ftoi %p_j_b signed : tile<128x32xf32> -> tile<128x32xi32>
      %p_c23_b = constant <i32: 23> : tile<128x32xi32>
      %p_sh_b = shli %p_ji_b, %p_c23_b : tile<128x32xi32>
      %p_hb_b = bitcast %p_h0_b : tile<128x32xf32> -> tile<128x32xi32>
      %p_sb_b = addi %p_hb_b, %p_sh_b : tile<128x32xi32>
      %p_e3_b = bitcast %p_sb_b : tile<128x32xi32> -> tile<128x32xf32>
      %p_lo2_b = cat %p_e0_b, %p_e1_b dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_hi2_b = cat %p_e2_b, %p_e3_b dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_b = cat %p_lo2_b, %p_hi2_b dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
      %psum_b = reduce %p_b dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x_b: tile<f32>, %y_b: tile<f32>) {
        %r_b = addf %x_b, %y_b : tile<f32>
        yield %r_b : tile<f32>
      }
      %la_b = mulf %l_b, %alpha_b : tile<128xf32>
      %lnew_b = addf %la_b, %psum_b : tile<128xf32>
      %al1_b = reshape %alpha_b : tile<128xf32> -> tile<128x1xf32>
      %alb_b = broadcast %al1_b : tile<128x1xf32> -> tile<128x128xf32>
      %acca_b = mulf %acc_b, %alb_b : tile<128x128xf32>
      %pl_b = ftof %p_b : tile<128x128xf32> -> tile<128x128xf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf16>, token
      %vt = reshape %v4 : tile<1x128x1x128xf16> -> tile<128x128xf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x128xf16>, tile<128x128xf16>, tile<128x128xf32>
      %accnew_b = mmaf %pl_b, %vt, %acca_b : tile<128x128xf16>, tile<128x128xf16>, tile<128x128xf32>
      continue %mnew, %lnew, %accnew, %mnew_b, %lnew_b, %accnew_b : tile<128xf32>, tile<128xf32>, tile<128x128xf32>, tile<128xf32>, tile<128xf32>, tile<128x128xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x128xf32>
    %out = divf %res#2, %lb : tile<128x128xf32>
    %oe = ftof %out : tile<128x128xf32> -> tile<128x128xf16>
    %o4 = reshape %oe : tile<128x128xf16> -> tile<1x128x1x128xf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x128xf16>, partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1_b = reshape %res#4 : tile<128xf32> -> tile<128x1xf32>
    %lb_b = broadcast %l1_b : tile<128x1xf32> -> tile<128x128xf32>
    %out_b = divf %res#5, %lb_b : tile<128x128xf32>
    %oe_b = ftof %out_b : tile<128x128xf32> -> tile<128x128xf16>
    %o4_b = reshape %oe_b : tile<128x128xf16> -> tile<1x128x1x128xf16>
    %t4_b = store_view_tko weak %o4_b, %po[%b, %qb_b, %h, %zero] : tile<1x128x1x128xf16>, partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> token
    %lg_b = log2 %res#4 : tile<128xf32>
    %ml_b = addf %res#3, %lg_b : tile<128xf32>
    %ln2_b = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev_b = mulf %ml_b, %ln2_b : tile<128xf32>
    %lse3_b = reshape %lsev_b : tile<128xf32> -> tile<1x1x128xf32>
    %t5_b = store_view_tko weak %lse3_b, %plse[%b, %h, %qb_b] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_bf16_d64_sm100(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 64> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>
    // K read as K^T: batch x heads x 64 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 64, %s], strides = [%shd, 64, 1, %hd] : tile<i32> -> tensor_view<?x?x64x?xbf16, strides=[?,64,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xbf16, strides=[?,64,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 128> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    // two query tiles per block, as FlashAttention-4 runs them: the MMAs of one
    // tile run while the other's softmax does; K and V are loaded once for both
    %two = constant <i32: 2> : tile<i32>
    %qb = muli %bx, %two : tile<i32>
    %qb_b = addi %qb, %one : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x64xbf16> -> tile<128x64xbf16>
    %q4_b, %t1_b = load_view_tko weak %pq[%b, %qb_b, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xbf16>, token
    %qt_b = reshape %q4_b : tile<1x128x1x64xbf16> -> tile<128x64xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(64): exp2 of scaled scores
    %sl2 = constant <f32: 0.1803368777036667> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x64xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:6 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc, %m_b = %m0, %l_b = %l0, %acc_b = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x64xf32>, tile<128xf32>, tile<128xf32>, tile<128x64xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(64)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xbf16, strides=[?,64,1,?]>>, tile<i32> -> tile<1x1x64x128xbf16>, token
      %kt = reshape %k4 : tile<1x1x64x128xbf16> -> tile<64x128xbf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x64xbf16>, tile<64x128xbf16>, tile<128x128xf32>
      %qk_b = mmaf %qt_b, %kt, %zs : tile<128x64xbf16>, tile<64x128xbf16>, tile<128x128xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x128xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x128xf32>
      %sm = subf %sc0, %mnb : tile<128x128xf32>
      // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
      // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
      // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
      %p_i1 = constant <i32: 1> : tile<i32>
      %p_i2 = constant <i32: 2> : tile<i32>
      %p_i3 = constant <i32: 3> : tile<i32>
      %p_x0 = extract %sm[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x1 = extract %sm[%zero, %p_i1] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x2 = extract %sm[%zero, %p_i2] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x3 = extract %sm[%zero, %p_i3] : tile<128x128xf32> -> tile<128x32xf32>
      %p_e0 = exp2 %p_x0 : tile<128x32xf32>
      %p_e1 = exp2 %p_x1 : tile<128x32xf32>
      %p_e2 = exp2 %p_x2 : tile<128x32xf32>
      %p_lo = constant <f32: -127.0> : tile<128x32xf32>
      %p_xc = maxf %p_x3, %p_lo : tile<128x32xf32>
      %p_j = floor %p_xc : tile<128x32xf32>
      %p_f = subf %p_xc, %p_j : tile<128x32xf32>
      %p_k3 = constant <f32: 0.0782281741> : tile<128x32xf32>
      %p_k2 = constant <f32: 0.226269816> : tile<128x32xf32>
      %p_k1 = constant <f32: 0.695502010> : tile<128x32xf32>
      %p_k0 = constant <f32: 1.0> : tile<128x32xf32>
      %p_h2 = fma %p_f, %p_k3, %p_k2 : tile<128x32xf32>
      %p_h1 = fma %p_f, %p_h2, %p_k1 : tile<128x32xf32>
      %p_h0 = fma %p_f, %p_h1, %p_k0 : tile<128x32xf32>
      %p_ji = ftoi %p_j signed : tile<128x32xf32> -> tile<128x32xi32>
      %p_c23 = constant <i32: 23> : tile<128x32xi32>
      %p_sh = shli %p_ji, %p_c23 : tile<128x32xi32>
      %p_hb = bitcast %p_h0 : tile<128x32xf32> -> tile<128x32xi32>
      %p_sb = addi %p_hb, %p_sh : tile<128x32xi32>
      %p_e3 = bitcast %p_sb : tile<128x32xi32> -> tile<128x32xf32>
      %p_lo2 = cat %p_e0, %p_e1 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_hi2 = cat %p_e2, %p_e3 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p = cat %p_lo2, %p_hi2 dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x64xf32>
      %acca = mulf %acc, %alb : tile<128x64xf32>
      %pl = ftof %p : tile<128x128xf32> -> tile<128x128xbf16>
      %sc0_b = mulf %qk_b, %sl2 : tile<128x128xf32>
      %smax_b = reduce %sc0_b dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x_b: tile<f32>, %y_b: tile<f32>) {
        %r_b = maxf %x_b, %y_b : tile<f32>
        yield %r_b : tile<f32>
      }
      %mnew_b = maxf %m_b, %smax_b : tile<128xf32>
      %dm_b = subf %m_b, %mnew_b : tile<128xf32>
      %alpha_b = exp2 %dm_b : tile<128xf32>
      %mn1_b = reshape %mnew_b : tile<128xf32> -> tile<128x1xf32>
      %mnb_b = broadcast %mn1_b : tile<128x1xf32> -> tile<128x128xf32>
      %sm_b = subf %sc0_b, %mnb_b : tile<128x128xf32>
      // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
      // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
      // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
      %p_i1_b = constant <i32: 1> : tile<i32>
      %p_i2_b = constant <i32: 2> : tile<i32>
      %p_i3_b = constant <i32: 3> : tile<i32>
      %p_x0_b = extract %sm_b[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x1_b = extract %sm_b[%zero, %p_i1_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x2_b = extract %sm_b[%zero, %p_i2_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x3_b = extract %sm_b[%zero, %p_i3_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_e0_b = exp2 %p_x0_b : tile<128x32xf32>
      %p_e1_b = exp2 %p_x1_b : tile<128x32xf32>
      %p_e2_b = exp2 %p_x2_b : tile<128x32xf32>
      %p_lo_b = constant <f32: -127.0> : tile<128x32xf32>
      %p_xc_b = maxf %p_x3_b, %p_lo_b : tile<128x32xf32>
      %p_j_b = floor %p_xc_b : tile<128x32xf32>
      %p_f_b = subf %p_xc_b, %p_j_b : tile<128x32xf32>
      %p_k3_b = constant <f32: 0.0782281741> : tile<128x32xf32>
      %p_k2_b = constant <f32: 0.226269816> : tile<128x32xf32>
      %p_k1_b = constant <f32: 0.695502010> : tile<128x32xf32>
      %p_k0_b = constant <f32: 1.0> : tile<128x32xf32>
      %p_h2_b = fma %p_f_b, %p_k3_b, %p_k2_b : tile<128x32xf32>
      %p_h1_b = fma %p_f_b, %p_h2_b, %p_k1_b : tile<128x32xf32>
      %p_h0_b = fma %p_f_b, %p_h1_b, %p_k0_b : tile<128x32xf32>
      %p_ji_b = ftoi %p_j_b signed : tile<128x32xf32> -> tile<128x32xi32>
      %p_c23_b = constant <i32: 23> : tile<128x32xi32>
      %p_sh_b = shli %p_ji_b, %p_c23_b : tile<128x32xi32>
      %p_hb_b = bitcast %p_h0_b : tile<128x32xf32> -> tile<128x32xi32>
      %p_sb_b = addi %p_hb_b, %p_sh_b : tile<128x32xi32>
      %p_e3_b = bitcast %p_sb_b : tile<128x32xi32> -> tile<128x32xf32>
      %p_lo2_b = cat %p_e0_b, %p_e1_b dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_hi2_b = cat %p_e2_b, %p_e3_b dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_b = cat %p_lo2_b, %p_hi2_b dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
      %psum_b = reduce %p_b dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x_b: tile<f32>, %y_b: tile<f32>) {
        %r_b = addf %x_b, %y_b : tile<f32>
        yield %r_b : tile<f32>
      }
      %la_b = mulf %l_b, %alpha_b : tile<128xf32>
      %lnew_b = addf %la_b, %psum_b : tile<128xf32>
      %al1_b = reshape %alpha_b : tile<128xf32> -> tile<128x1xf32>
      %alb_b = broadcast %al1_b : tile<128x1xf32> -> tile<128x64xf32>
      %acca_b = mulf %acc_b, %alb_b : tile<128x64xf32>
      %pl_b = ftof %p_b : tile<128x128xf32> -> tile<128x128xbf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xbf16>, token
      %vt = reshape %v4 : tile<1x128x1x64xbf16> -> tile<128x64xbf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x128xbf16>, tile<128x64xbf16>, tile<128x64xf32>
      %accnew_b = mmaf %pl_b, %vt, %acca_b : tile<128x128xbf16>, tile<128x64xbf16>, tile<128x64xf32>
      continue %mnew, %lnew, %accnew, %mnew_b, %lnew_b, %accnew_b : tile<128xf32>, tile<128xf32>, tile<128x64xf32>, tile<128xf32>, tile<128xf32>, tile<128x64xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x64xf32>
    %out = divf %res#2, %lb : tile<128x64xf32>
    %oe = ftof %out : tile<128x64xf32> -> tile<128x64xbf16>
    %o4 = reshape %oe : tile<128x64xbf16> -> tile<1x128x1x64xbf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x64xbf16>, partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1_b = reshape %res#4 : tile<128xf32> -> tile<128x1xf32>
    %lb_b = broadcast %l1_b : tile<128x1xf32> -> tile<128x64xf32>
    %out_b = divf %res#5, %lb_b : tile<128x64xf32>
    %oe_b = ftof %out_b : tile<128x64xf32> -> tile<128x64xbf16>
    %o4_b = reshape %oe_b : tile<128x64xbf16> -> tile<1x128x1x64xbf16>
    %t4_b = store_view_tko weak %o4_b, %po[%b, %qb_b, %h, %zero] : tile<1x128x1x64xbf16>, partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> token
    %lg_b = log2 %res#4 : tile<128xf32>
    %ml_b = addf %res#3, %lg_b : tile<128xf32>
    %ln2_b = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev_b = mulf %ml_b, %ln2_b : tile<128xf32>
    %lse3_b = reshape %lsev_b : tile<128xf32> -> tile<1x1x128xf32>
    %t5_b = store_view_tko weak %lse3_b, %plse[%b, %h, %qb_b] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_f16_d64_sm100(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 64> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 64], strides = [%shd, %hd, 64, 1] : tile<i32> -> tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>
    // K read as K^T: batch x heads x 64 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 64, %s], strides = [%shd, 64, 1, %hd] : tile<i32> -> tensor_view<?x?x64x?xf16, strides=[?,64,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xf16, strides=[?,64,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 128> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    // two query tiles per block, as FlashAttention-4 runs them: the MMAs of one
    // tile run while the other's softmax does; K and V are loaded once for both
    %two = constant <i32: 2> : tile<i32>
    %qb = muli %bx, %two : tile<i32>
    %qb_b = addi %qb, %one : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf16>, token
    %qt = reshape %q4 : tile<1x128x1x64xf16> -> tile<128x64xf16>
    %q4_b, %t1_b = load_view_tko weak %pq[%b, %qb_b, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf16>, token
    %qt_b = reshape %q4_b : tile<1x128x1x64xf16> -> tile<128x64xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(64): exp2 of scaled scores
    %sl2 = constant <f32: 0.1803368777036667> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x64xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:6 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc, %m_b = %m0, %l_b = %l0, %acc_b = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x64xf32>, tile<128xf32>, tile<128xf32>, tile<128x64xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(64)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xf16, strides=[?,64,1,?]>>, tile<i32> -> tile<1x1x64x128xf16>, token
      %kt = reshape %k4 : tile<1x1x64x128xf16> -> tile<64x128xf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x64xf16>, tile<64x128xf16>, tile<128x128xf32>
      %qk_b = mmaf %qt_b, %kt, %zs : tile<128x64xf16>, tile<64x128xf16>, tile<128x128xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x128xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x128xf32>
      %sm = subf %sc0, %mnb : tile<128x128xf32>
      // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
      // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
      // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
      %p_i1 = constant <i32: 1> : tile<i32>
      %p_i2 = constant <i32: 2> : tile<i32>
      %p_i3 = constant <i32: 3> : tile<i32>
      %p_x0 = extract %sm[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x1 = extract %sm[%zero, %p_i1] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x2 = extract %sm[%zero, %p_i2] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x3 = extract %sm[%zero, %p_i3] : tile<128x128xf32> -> tile<128x32xf32>
      %p_e0 = exp2 %p_x0 : tile<128x32xf32>
      %p_e1 = exp2 %p_x1 : tile<128x32xf32>
      %p_e2 = exp2 %p_x2 : tile<128x32xf32>
      %p_lo = constant <f32: -127.0> : tile<128x32xf32>
      %p_xc = maxf %p_x3, %p_lo : tile<128x32xf32>
      %p_j = floor %p_xc : tile<128x32xf32>
      %p_f = subf %p_xc, %p_j : tile<128x32xf32>
      %p_k3 = constant <f32: 0.0782281741> : tile<128x32xf32>
      %p_k2 = constant <f32: 0.226269816> : tile<128x32xf32>
      %p_k1 = constant <f32: 0.695502010> : tile<128x32xf32>
      %p_k0 = constant <f32: 1.0> : tile<128x32xf32>
      %p_h2 = fma %p_f, %p_k3, %p_k2 : tile<128x32xf32>
      %p_h1 = fma %p_f, %p_h2, %p_k1 : tile<128x32xf32>
      %p_h0 = fma %p_f, %p_h1, %p_k0 : tile<128x32xf32>
      %p_ji = ftoi %p_j signed : tile<128x32xf32> -> tile<128x32xi32>
      %p_c23 = constant <i32: 23> : tile<128x32xi32>
      %p_sh = shli %p_ji, %p_c23 : tile<128x32xi32>
      %p_hb = bitcast %p_h0 : tile<128x32xf32> -> tile<128x32xi32>
      %p_sb = addi %p_hb, %p_sh : tile<128x32xi32>
      %p_e3 = bitcast %p_sb : tile<128x32xi32> -> tile<128x32xf32>
      %p_lo2 = cat %p_e0, %p_e1 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_hi2 = cat %p_e2, %p_e3 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p = cat %p_lo2, %p_hi2 dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x64xf32>
      %acca = mulf %acc, %alb : tile<128x64xf32>
      %pl = ftof %p : tile<128x128xf32> -> tile<128x128xf16>
      %sc0_b = mulf %qk_b, %sl2 : tile<128x128xf32>
      %smax_b = reduce %sc0_b dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x_b: tile<f32>, %y_b: tile<f32>) {
        %r_b = maxf %x_b, %y_b : tile<f32>
        yield %r_b : tile<f32>
      }
      %mnew_b = maxf %m_b, %smax_b : tile<128xf32>
      %dm_b = subf %m_b, %mnew_b : tile<128xf32>
      %alpha_b = exp2 %dm_b : tile<128xf32>
      %mn1_b = reshape %mnew_b : tile<128xf32> -> tile<128x1xf32>
      %mnb_b = broadcast %mn1_b : tile<128x1xf32> -> tile<128x128xf32>
      %sm_b = subf %sc0_b, %mnb_b : tile<128x128xf32>
      // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
      // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
      // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
      %p_i1_b = constant <i32: 1> : tile<i32>
      %p_i2_b = constant <i32: 2> : tile<i32>
      %p_i3_b = constant <i32: 3> : tile<i32>
      %p_x0_b = extract %sm_b[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x1_b = extract %sm_b[%zero, %p_i1_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x2_b = extract %sm_b[%zero, %p_i2_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_x3_b = extract %sm_b[%zero, %p_i3_b] : tile<128x128xf32> -> tile<128x32xf32>
      %p_e0_b = exp2 %p_x0_b : tile<128x32xf32>
      %p_e1_b = exp2 %p_x1_b : tile<128x32xf32>
      %p_e2_b = exp2 %p_x2_b : tile<128x32xf32>
      %p_lo_b = constant <f32: -127.0> : tile<128x32xf32>
      %p_xc_b = maxf %p_x3_b, %p_lo_b : tile<128x32xf32>
      %p_j_b = floor %p_xc_b : tile<128x32xf32>
      %p_f_b = subf %p_xc_b, %p_j_b : tile<128x32xf32>
      %p_k3_b = constant <f32: 0.0782281741> : tile<128x32xf32>
      %p_k2_b = constant <f32: 0.226269816> : tile<128x32xf32>
      %p_k1_b = constant <f32: 0.695502010> : tile<128x32xf32>
      %p_k0_b = constant <f32: 1.0> : tile<128x32xf32>
      %p_h2_b = fma %p_f_b, %p_k3_b, %p_k2_b : tile<128x32xf32>
      %p_h1_b = fma %p_f_b, %p_h2_b, %p_k1_b : tile<128x32xf32>
      %p_h0_b = fma %p_f_b, %p_h1_b, %p_k0_b : tile<128x32xf32>
      %p_ji_b = ftoi %p_j_b signed : tile<128x32xf32> -> tile<128x32xi32>
      %p_c23_b = constant <i32: 23> : tile<128x32xi32>
      %p_sh_b = shli %p_ji_b, %p_c23_b : tile<128x32xi32>
      %p_hb_b = bitcast %p_h0_b : tile<128x32xf32> -> tile<128x32xi32>
      %p_sb_b = addi %p_hb_b, %p_sh_b : tile<128x32xi32>
      %p_e3_b = bitcast %p_sb_b : tile<128x32xi32> -> tile<128x32xf32>
      %p_lo2_b = cat %p_e0_b, %p_e1_b dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_hi2_b = cat %p_e2_b, %p_e3_b dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %p_b = cat %p_lo2_b, %p_hi2_b dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
      %psum_b = reduce %p_b dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
      (%x_b: tile<f32>, %y_b: tile<f32>) {
        %r_b = addf %x_b, %y_b : tile<f32>
        yield %r_b : tile<f32>
      }
      %la_b = mulf %l_b, %alpha_b : tile<128xf32>
      %lnew_b = addf %la_b, %psum_b : tile<128xf32>
      %al1_b = reshape %alpha_b : tile<128xf32> -> tile<128x1xf32>
      %alb_b = broadcast %al1_b : tile<128x1xf32> -> tile<128x64xf32>
      %acca_b = mulf %acc_b, %alb_b : tile<128x64xf32>
      %pl_b = ftof %p_b : tile<128x128xf32> -> tile<128x128xf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf16>, token
      %vt = reshape %v4 : tile<1x128x1x64xf16> -> tile<128x64xf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x128xf16>, tile<128x64xf16>, tile<128x64xf32>
      %accnew_b = mmaf %pl_b, %vt, %acca_b : tile<128x128xf16>, tile<128x64xf16>, tile<128x64xf32>
      continue %mnew, %lnew, %accnew, %mnew_b, %lnew_b, %accnew_b : tile<128xf32>, tile<128xf32>, tile<128x64xf32>, tile<128xf32>, tile<128xf32>, tile<128x64xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x64xf32>
    %out = divf %res#2, %lb : tile<128x64xf32>
    %oe = ftof %out : tile<128x64xf32> -> tile<128x64xf16>
    %o4 = reshape %oe : tile<128x64xf16> -> tile<1x128x1x64xf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x64xf16>, partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1_b = reshape %res#4 : tile<128xf32> -> tile<128x1xf32>
    %lb_b = broadcast %l1_b : tile<128x1xf32> -> tile<128x64xf32>
    %out_b = divf %res#5, %lb_b : tile<128x64xf32>
    %oe_b = ftof %out_b : tile<128x64xf32> -> tile<128x64xf16>
    %o4_b = reshape %oe_b : tile<128x64xf16> -> tile<1x128x1x64xf16>
    %t4_b = store_view_tko weak %o4_b, %po[%b, %qb_b, %h, %zero] : tile<1x128x1x64xf16>, partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> token
    %lg_b = log2 %res#4 : tile<128xf32>
    %ml_b = addf %res#3, %lg_b : tile<128xf32>
    %ln2_b = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev_b = mulf %ml_b, %ln2_b : tile<128xf32>
    %lse3_b = reshape %lsev_b : tile<128xf32> -> tile<1x1x128xf32>
    %t5_b = store_view_tko weak %lse3_b, %plse[%b, %h, %qb_b] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_bf16_d256_sm100(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 256> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>
    // K read as K^T: batch x heads x 256 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 256, %s], strides = [%shd, 256, 1, %hd] : tile<i32> -> tensor_view<?x?x256x?xbf16, strides=[?,256,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xbf16, strides=[?,256,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 64> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    %qb = addi %bx, %zero : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x128x1x256xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x256xbf16> -> tile<128x256xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(256): exp2 of scaled scores
    %sl2 = constant <f32: 0.09016843885183334> : tile<128x64xf32>
    %zacc = constant <f32: 0.0> : tile<128x256xf32>
    %zs = constant <f32: 0.0> : tile<128x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x256xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(256)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xbf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xbf16>, token
      %kt = reshape %k4 : tile<1x1x256x64xbf16> -> tile<256x64xbf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x256xbf16>, tile<256x64xbf16>, tile<128x64xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x64xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x64xf32>
      %sm = subf %sc0, %mnb : tile<128x64xf32>
      // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
      // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
      // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
      %p_i1 = constant <i32: 1> : tile<i32>
      %p_i2 = constant <i32: 2> : tile<i32>
      %p_i3 = constant <i32: 3> : tile<i32>
      %p_x0 = extract %sm[%zero, %zero] : tile<128x64xf32> -> tile<128x16xf32>
      %p_x1 = extract %sm[%zero, %p_i1] : tile<128x64xf32> -> tile<128x16xf32>
      %p_x2 = extract %sm[%zero, %p_i2] : tile<128x64xf32> -> tile<128x16xf32>
      %p_x3 = extract %sm[%zero, %p_i3] : tile<128x64xf32> -> tile<128x16xf32>
      %p_e0 = exp2 %p_x0 : tile<128x16xf32>
      %p_e1 = exp2 %p_x1 : tile<128x16xf32>
      %p_e2 = exp2 %p_x2 : tile<128x16xf32>
      %p_lo = constant <f32: -127.0> : tile<128x16xf32>
      %p_xc = maxf %p_x3, %p_lo : tile<128x16xf32>
      %p_j = floor %p_xc : tile<128x16xf32>
      %p_f = subf %p_xc, %p_j : tile<128x16xf32>
      %p_k3 = constant <f32: 0.0782281741> : tile<128x16xf32>
      %p_k2 = constant <f32: 0.226269816> : tile<128x16xf32>
      %p_k1 = constant <f32: 0.695502010> : tile<128x16xf32>
      %p_k0 = constant <f32: 1.0> : tile<128x16xf32>
      %p_h2 = fma %p_f, %p_k3, %p_k2 : tile<128x16xf32>
      %p_h1 = fma %p_f, %p_h2, %p_k1 : tile<128x16xf32>
      %p_h0 = fma %p_f, %p_h1, %p_k0 : tile<128x16xf32>
      %p_ji = ftoi %p_j signed : tile<128x16xf32> -> tile<128x16xi32>
      %p_c23 = constant <i32: 23> : tile<128x16xi32>
      %p_sh = shli %p_ji, %p_c23 : tile<128x16xi32>
      %p_hb = bitcast %p_h0 : tile<128x16xf32> -> tile<128x16xi32>
      %p_sb = addi %p_hb, %p_sh : tile<128x16xi32>
      %p_e3 = bitcast %p_sb : tile<128x16xi32> -> tile<128x16xf32>
      %p_lo2 = cat %p_e0, %p_e1 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
      %p_hi2 = cat %p_e2, %p_e3 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
      %p = cat %p_lo2, %p_hi2 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x256xf32>
      %acca = mulf %acc, %alb : tile<128x256xf32>
      %pl = ftof %p : tile<128x64xf32> -> tile<128x64xbf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xbf16>, token
      %vt = reshape %v4 : tile<1x64x1x256xbf16> -> tile<64x256xbf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x64xbf16>, tile<64x256xbf16>, tile<128x256xf32>
      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x256xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x256xf32>
    %out = divf %res#2, %lb : tile<128x256xf32>
    %oe = ftof %out : tile<128x256xf32> -> tile<128x256xbf16>
    %o4 = reshape %oe : tile<128x256xbf16> -> tile<1x128x1x256xbf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x256xbf16>, partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }

  entry @attention_fwd_f16_d256_sm100(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
      %lse: tile<ptr<f32>>, %batch: tile<i32>, %heads: tile<i32>, %s: tile<i32>)
      optimization_hints=<sm_90 = {occupancy = 1}, sm_100 = {occupancy = 1}> {
    %cd = constant <i32: 256> : tile<i32>
    %hd = muli %heads, %cd : tile<i32>
    %shd = muli %s, %hd : tile<i32>
    %hs = muli %heads, %s : tile<i32>
    %tq = make_tensor_view %q, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>
    %tv = make_tensor_view %v, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>
    %to = make_tensor_view %o, shape = [%batch, %s, %heads, 256], strides = [%shd, %hd, 256, 1] : tile<i32> -> tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>
    // K read as K^T: batch x heads x 256 x S, the MMA's K-major operand
    %tk = make_tensor_view %k, shape = [%batch, %heads, 256, %s], strides = [%shd, 256, 1, %hd] : tile<i32> -> tensor_view<?x?x256x?xf16, strides=[?,256,1,?]>
    %tl = make_tensor_view %lse, shape = [%batch, %heads, %s], strides = [%hs, %s, 1] : tile<i32> -> tensor_view<?x?x?xf32, strides=[?,?,1]>
    %pq = make_partition_view %tq : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>
    %pk = make_partition_view %tk : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf16, strides=[?,256,1,?]>>
    %pv = make_partition_view %tv : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>
    %po = make_partition_view %to : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>
    %plse = make_partition_view %tl : partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>
    %bx, %bh, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %one = constant <i32: 1> : tile<i32>
    %b = divi %bh, %heads signed : tile<i32>
    %h = remi %bh, %heads signed : tile<i32>
    %cbm = constant <i32: 128> : tile<i32>
    %cbn = constant <i32: 64> : tile<i32>
    %nqb = divi %s, %cbm signed : tile<i32>
    %nkb = divi %s, %cbn signed : tile<i32>
    %qb = addi %bx, %zero : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x128x1x256xf16>, token
    %qt = reshape %q4 : tile<1x128x1x256xf16> -> tile<128x256xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(256): exp2 of scaled scores
    %sl2 = constant <f32: 0.09016843885183334> : tile<128x64xf32>
    %zacc = constant <f32: 0.0> : tile<128x256xf32>
    %zs = constant <f32: 0.0> : tile<128x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    %res:3 = for %j in (%zero to %nkb, step %one) : tile<i32>
        iter_values(%m = %m0, %l = %l0, %acc = %zacc) -> (tile<128xf32>, tile<128xf32>, tile<128x256xf32>) {
      // scores in the log2 domain: s = (Q K_j^T) * log2(e) / sqrt(256)
      %k4, %t2 = load_view_tko weak %pk[%b, %h, %zero, %j] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xf16>, token
      %kt = reshape %k4 : tile<1x1x256x64xf16> -> tile<256x64xf16>
      %qk = mmaf %qt, %kt, %zs : tile<128x256xf16>, tile<256x64xf16>, tile<128x64xf32>
      %sc0 = mulf %qk, %sl2 : tile<128x64xf32>
      %smax = reduce %sc0 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = maxf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %mnew = maxf %m, %smax : tile<128xf32>
      %dm = subf %m, %mnew : tile<128xf32>
      %alpha = exp2 %dm : tile<128xf32>
      %mn1 = reshape %mnew : tile<128xf32> -> tile<128x1xf32>
      %mnb = broadcast %mn1 : tile<128x1xf32> -> tile<128x64xf32>
      %sm = subf %sc0, %mnb : tile<128x64xf32>
      // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
      // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
      // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
      %p_i1 = constant <i32: 1> : tile<i32>
      %p_i2 = constant <i32: 2> : tile<i32>
      %p_i3 = constant <i32: 3> : tile<i32>
      %p_x0 = extract %sm[%zero, %zero] : tile<128x64xf32> -> tile<128x16xf32>
      %p_x1 = extract %sm[%zero, %p_i1] : tile<128x64xf32> -> tile<128x16xf32>
      %p_x2 = extract %sm[%zero, %p_i2] : tile<128x64xf32> -> tile<128x16xf32>
      %p_x3 = extract %sm[%zero, %p_i3] : tile<128x64xf32> -> tile<128x16xf32>
      %p_e0 = exp2 %p_x0 : tile<128x16xf32>
      %p_e1 = exp2 %p_x1 : tile<128x16xf32>
      %p_e2 = exp2 %p_x2 : tile<128x16xf32>
      %p_lo = constant <f32: -127.0> : tile<128x16xf32>
      %p_xc = maxf %p_x3, %p_lo : tile<128x16xf32>
      %p_j = floor %p_xc : tile<128x16xf32>
      %p_f = subf %p_xc, %p_j : tile<128x16xf32>
      %p_k3 = constant <f32: 0.0782281741> : tile<128x16xf32>
      %p_k2 = constant <f32: 0.226269816> : tile<128x16xf32>
      %p_k1 = constant <f32: 0.695502010> : tile<128x16xf32>
      %p_k0 = constant <f32: 1.0> : tile<128x16xf32>
      %p_h2 = fma %p_f, %p_k3, %p_k2 : tile<128x16xf32>
      %p_h1 = fma %p_f, %p_h2, %p_k1 : tile<128x16xf32>
      %p_h0 = fma %p_f, %p_h1, %p_k0 : tile<128x16xf32>
      %p_ji = ftoi %p_j signed : tile<128x16xf32> -> tile<128x16xi32>
      %p_c23 = constant <i32: 23> : tile<128x16xi32>
      %p_sh = shli %p_ji, %p_c23 : tile<128x16xi32>
      %p_hb = bitcast %p_h0 : tile<128x16xf32> -> tile<128x16xi32>
      %p_sb = addi %p_hb, %p_sh : tile<128x16xi32>
      %p_e3 = bitcast %p_sb : tile<128x16xi32> -> tile<128x16xf32>
      %p_lo2 = cat %p_e0, %p_e1 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
      %p_hi2 = cat %p_e2, %p_e3 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
      %p = cat %p_lo2, %p_hi2 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
      %psum = reduce %p dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
      (%x: tile<f32>, %y: tile<f32>) {
        %r = addf %x, %y : tile<f32>
        yield %r : tile<f32>
      }
      %la = mulf %l, %alpha : tile<128xf32>
      %lnew = addf %la, %psum : tile<128xf32>
      %al1 = reshape %alpha : tile<128xf32> -> tile<128x1xf32>
      %alb = broadcast %al1 : tile<128x1xf32> -> tile<128x256xf32>
      %acca = mulf %acc, %alb : tile<128x256xf32>
      %pl = ftof %p : tile<128x64xf32> -> tile<128x64xf16>
      %v4, %t3 = load_view_tko weak %pv[%b, %j, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xf16>, token
      %vt = reshape %v4 : tile<1x64x1x256xf16> -> tile<64x256xf16>
      %accnew = mmaf %pl, %vt, %acca : tile<128x64xf16>, tile<64x256xf16>, tile<128x256xf32>
      continue %mnew, %lnew, %accnew : tile<128xf32>, tile<128xf32>, tile<128x256xf32>
    }
    // O = acc / l; lse = (m + log2 l) ln 2, the natural-log sum FlashAttention keeps
    %l1 = reshape %res#1 : tile<128xf32> -> tile<128x1xf32>
    %lb = broadcast %l1 : tile<128x1xf32> -> tile<128x256xf32>
    %out = divf %res#2, %lb : tile<128x256xf32>
    %oe = ftof %out : tile<128x256xf32> -> tile<128x256xf16>
    %o4 = reshape %oe : tile<128x256xf16> -> tile<1x128x1x256xf16>
    %t4 = store_view_tko weak %o4, %po[%b, %qb, %h, %zero] : tile<1x128x1x256xf16>, partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> token
    %lg = log2 %res#1 : tile<128xf32>
    %ml = addf %res#0, %lg : tile<128xf32>
    %ln2 = constant <f32: 0.6931471824645996> : tile<128xf32>
    %lsev = mulf %ml, %ln2 : tile<128xf32>
    %lse3 = reshape %lsev : tile<128xf32> -> tile<1x1x128xf32>
    %t5 = store_view_tko weak %lse3, %plse[%b, %h, %qb] : tile<1x1x128xf32>, partition_view<tile=(1x1x128), tensor_view<?x?x?xf32, strides=[?,?,1]>>, tile<i32> -> token
  }
}
