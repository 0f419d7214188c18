// attention_fwd_causal.mlir -- causal attention forward: query r attends
// to keys c <= r only.  The same kernel as attention_fwd.mlir, arranged as
// FlashAttention arranges causal runs with 128-row query tiles:
//   - query block qb needs the keys up to its last row; only the key
//     blocks on the diagonal (one with 128-key blocks, two with the
//     64-key blocks of hdim 256) have masked scores (keys after the query
//     set to -inf before the max, so exp2 gives 0), so they are peeled
//     off and done first, in ascending order (the first gives every row a
//     finite maximum); the loop over the blocks before them runs unmasked;
//   - block x of the grid takes query block S/128-1-x, so the blocks with
//     the most key blocks start first and the short ones fill the tail.
//   @attention_fwd_causal_bf16   bf16 Q K V O
//   @attention_fwd_causal_f16    f16 Q K V O
//   @attention_fwd_causal_e4m3   e4m3 Q K V, bf16 O
//   and the _d64 and _d256 entries of attention_fwd.mlir's head dimensions, and
//   the _sm100 form of each bf16/f16 entry (exp2 partly on the FMA units)
//
// Grid:      (S/128, batch*heads, 1)
// Arguments: q, k, v, o, lse, batch, heads, S (i32) -- as attention_fwd.mlir.
// Perf:      tilesim perf examples/perf/attention_fwd_causal.mlir --entry attention_fwd_causal_bf16 \
//              --grid 128,16 shape:bf16:1x16384x16x128 shape:bf16:1x16384x16x128 \
//              shape:bf16:1x16384x16x128 shape:bf16:1x16384x16x128 shape:f32:1x16x16384 \
//              i32:1 i32:16 i32:16384
//
// Tested as attention_fwd.mlir is, against causal float64 references.
// RUN: run %s --entry attention_fwd_causal_bf16 --grid 2,2 rand:bf16:1x256x2x128:seed=1 rand:bf16:1x256x2x128:seed=2 rand:bf16:1x256x2x128:seed=3 zeros:bf16:1x256x2x128 zeros:f32:1x2x256 i32:1 i32:2 i32:256 --expect o=@%S/../../tests/data/perf/attention_causal_bf16_o.npy --expect lse=@%S/../../tests/data/perf/attention_causal_bf16_lse.npy --atol 4e-3
// RUN: run %s --entry attention_fwd_causal_f16 --grid 2,2 rand:f16:2x256x1x128:seed=1 rand:f16:2x256x1x128:seed=2 rand:f16:2x256x1x128:seed=3 zeros:f16:2x256x1x128 zeros:f32:2x1x256 i32:2 i32:1 i32:256 --expect o=@%S/../../tests/data/perf/attention_causal_f16_o.npy --expect lse=@%S/../../tests/data/perf/attention_causal_f16_lse.npy --atol 1e-3
// RUN: run %s --entry attention_fwd_causal_bf16_d64 --grid 2,1 rand:bf16:1x256x1x64:seed=1 rand:bf16:1x256x1x64:seed=2 rand:bf16:1x256x1x64:seed=3 zeros:bf16:1x256x1x64 zeros:f32:1x1x256 i32:1 i32:1 i32:256 --expect o=@%S/../../tests/data/perf/attention_causal_bf16_d64_o.npy --expect lse=@%S/../../tests/data/perf/attention_causal_bf16_d64_lse.npy --atol 4e-3
// RUN: run %s --entry attention_fwd_causal_bf16_d256 --grid 2,1 rand:bf16:1x256x1x256:seed=1 rand:bf16:1x256x1x256:seed=2 rand:bf16:1x256x1x256:seed=3 zeros:bf16:1x256x1x256 zeros:f32:1x1x256 i32:1 i32:1 i32:256 --expect o=@%S/../../tests/data/perf/attention_causal_bf16_d256_o.npy --expect lse=@%S/../../tests/data/perf/attention_causal_bf16_d256_lse.npy --atol 4e-3
// The _sm100 entries: exp2 partly on the FMA units, as in attention_fwd.mlir
// (one query tile per block here).
// RUN: run %s --entry attention_fwd_causal_bf16_sm100 --grid 2,2 rand:bf16:1x256x2x128:seed=1 rand:bf16:1x256x2x128:seed=2 rand:bf16:1x256x2x128:seed=3 zeros:bf16:1x256x2x128 zeros:f32:1x2x256 i32:1 i32:2 i32:256 --expect o=@%S/../../tests/data/perf/attention_causal_bf16_o.npy --expect lse=@%S/../../tests/data/perf/attention_causal_bf16_lse.npy --atol 4e-3
// RUN: run %s --entry attention_fwd_causal_bf16_d256_sm100 --grid 2,1 rand:bf16:1x256x1x256:seed=1 rand:bf16:1x256x1x256:seed=2 rand:bf16:1x256x1x256:seed=3 zeros:bf16:1x256x1x256 zeros:f32:1x1x256 i32:1 i32:1 i32:256 --expect o=@%S/../../tests/data/perf/attention_causal_bf16_d256_o.npy --expect lse=@%S/../../tests/data/perf/attention_causal_bf16_d256_lse.npy --atol 4e-3
cuda_tile.module @attention_fwd_causal {
  entry @attention_fwd_causal_bf16(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x128xbf16> -> tile<128x128xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(128): exp2 of scaled scores
    %sl2 = constant <f32: 0.127517431974411> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x128xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x128xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x128xi32>
    %ic = iota : tile<128xi32>
    %cols1 = reshape %ic : tile<128xi32> -> tile<1x128xi32>
    %cols = broadcast %cols1 : tile<1x128xi32> -> tile<128x128xi32>
    %cr = constant <i32: 1> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x128xi32> -> tile<128x128xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xbf16, strides=[?,128,1,?]>>, tile<i32> -> tile<1x1x128x128xbf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x128x128xbf16> -> tile<128x128xbf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x128xbf16>, tile<128x128xbf16>, tile<128x128xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x128xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x128xi1>, tile<128x128xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x128xf32>
    %p_d0 = exp2 %sm_d0 : tile<128x128xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x128xf32>
    %pl_d0 = ftof %p_d0 : tile<128x128xf32> -> tile<128x128xbf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xbf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x128x1x128xbf16> -> tile<128x128xbf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x128xbf16>, tile<128x128xbf16>, tile<128x128xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d0, %l = %lnew_d0, %acc = %accnew_d0) -> (tile<128xf32>, tile<128xf32>, tile<128x128xf32>) {
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

  entry @attention_fwd_causal_f16(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf16>, token
    %qt = reshape %q4 : tile<1x128x1x128xf16> -> tile<128x128xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(128): exp2 of scaled scores
    %sl2 = constant <f32: 0.127517431974411> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x128xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x128xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x128xi32>
    %ic = iota : tile<128xi32>
    %cols1 = reshape %ic : tile<128xi32> -> tile<1x128xi32>
    %cols = broadcast %cols1 : tile<1x128xi32> -> tile<128x128xi32>
    %cr = constant <i32: 1> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x128xi32> -> tile<128x128xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xf16, strides=[?,128,1,?]>>, tile<i32> -> tile<1x1x128x128xf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x128x128xf16> -> tile<128x128xf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x128xf16>, tile<128x128xf16>, tile<128x128xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x128xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x128xi1>, tile<128x128xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x128xf32>
    %p_d0 = exp2 %sm_d0 : tile<128x128xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x128xf32>
    %pl_d0 = ftof %p_d0 : tile<128x128xf32> -> tile<128x128xf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x128x1x128xf16> -> tile<128x128xf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x128xf16>, tile<128x128xf16>, tile<128x128xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d0, %l = %lnew_d0, %acc = %accnew_d0) -> (tile<128xf32>, tile<128xf32>, tile<128x128xf32>) {
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

  entry @attention_fwd_causal_e4m3(%q: tile<ptr<f8E4M3FN>>, %k: tile<ptr<f8E4M3FN>>, %v: tile<ptr<f8E4M3FN>>, %o: tile<ptr<bf16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf8E4M3FN, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf8E4M3FN>, token
    %qt = reshape %q4 : tile<1x128x1x128xf8E4M3FN> -> tile<128x128xf8E4M3FN>
    // softmax_scale * log2(e) = log2(e) / sqrt(128): exp2 of scaled scores
    %sl2 = constant <f32: 0.127517431974411> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x128xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x128xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x128xi32>
    %ic = iota : tile<128xi32>
    %cols1 = reshape %ic : tile<128xi32> -> tile<1x128xi32>
    %cols = broadcast %cols1 : tile<1x128xi32> -> tile<128x128xi32>
    %cr = constant <i32: 1> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x128xi32> -> tile<128x128xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xf8E4M3FN, strides=[?,128,1,?]>>, tile<i32> -> tile<1x1x128x128xf8E4M3FN>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x128x128xf8E4M3FN> -> tile<128x128xf8E4M3FN>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x128xf8E4M3FN>, tile<128x128xf8E4M3FN>, tile<128x128xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x128xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x128xi1>, tile<128x128xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x128xf32>
    %p_d0 = exp2 %sm_d0 : tile<128x128xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x128xf32>
    %pl_d0 = ftof %p_d0 : tile<128x128xf32> -> tile<128x128xf8E4M3FN>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf8E4M3FN, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf8E4M3FN>, token
    %vt_d0 = reshape %v4_d0 : tile<1x128x1x128xf8E4M3FN> -> tile<128x128xf8E4M3FN>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x128xf8E4M3FN>, tile<128x128xf8E4M3FN>, tile<128x128xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d0, %l = %lnew_d0, %acc = %accnew_d0) -> (tile<128xf32>, tile<128xf32>, tile<128x128xf32>) {
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

  entry @attention_fwd_causal_bf16_d64(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x64xbf16> -> tile<128x64xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(64): exp2 of scaled scores
    %sl2 = constant <f32: 0.1803368777036667> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x64xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x128xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x128xi32>
    %ic = iota : tile<128xi32>
    %cols1 = reshape %ic : tile<128xi32> -> tile<1x128xi32>
    %cols = broadcast %cols1 : tile<1x128xi32> -> tile<128x128xi32>
    %cr = constant <i32: 1> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x128xi32> -> tile<128x128xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xbf16, strides=[?,64,1,?]>>, tile<i32> -> tile<1x1x64x128xbf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x64x128xbf16> -> tile<64x128xbf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x64xbf16>, tile<64x128xbf16>, tile<128x128xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x128xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x128xi1>, tile<128x128xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x128xf32>
    %p_d0 = exp2 %sm_d0 : tile<128x128xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x64xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x64xf32>
    %pl_d0 = ftof %p_d0 : tile<128x128xf32> -> tile<128x128xbf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xbf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x128x1x64xbf16> -> tile<128x64xbf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x128xbf16>, tile<128x64xbf16>, tile<128x64xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d0, %l = %lnew_d0, %acc = %accnew_d0) -> (tile<128xf32>, tile<128xf32>, tile<128x64xf32>) {
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

  entry @attention_fwd_causal_f16_d64(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf16>, token
    %qt = reshape %q4 : tile<1x128x1x64xf16> -> tile<128x64xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(64): exp2 of scaled scores
    %sl2 = constant <f32: 0.1803368777036667> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x64xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x128xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x128xi32>
    %ic = iota : tile<128xi32>
    %cols1 = reshape %ic : tile<128xi32> -> tile<1x128xi32>
    %cols = broadcast %cols1 : tile<1x128xi32> -> tile<128x128xi32>
    %cr = constant <i32: 1> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x128xi32> -> tile<128x128xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xf16, strides=[?,64,1,?]>>, tile<i32> -> tile<1x1x64x128xf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x64x128xf16> -> tile<64x128xf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x64xf16>, tile<64x128xf16>, tile<128x128xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x128xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x128xi1>, tile<128x128xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x128xf32>
    %p_d0 = exp2 %sm_d0 : tile<128x128xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x64xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x64xf32>
    %pl_d0 = ftof %p_d0 : tile<128x128xf32> -> tile<128x128xf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x128x1x64xf16> -> tile<128x64xf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x128xf16>, tile<128x64xf16>, tile<128x64xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d0, %l = %lnew_d0, %acc = %accnew_d0) -> (tile<128xf32>, tile<128xf32>, tile<128x64xf32>) {
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

  entry @attention_fwd_causal_e4m3_d64(%q: tile<ptr<f8E4M3FN>>, %k: tile<ptr<f8E4M3FN>>, %v: tile<ptr<f8E4M3FN>>, %o: tile<ptr<bf16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf8E4M3FN, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf8E4M3FN>, token
    %qt = reshape %q4 : tile<1x128x1x64xf8E4M3FN> -> tile<128x64xf8E4M3FN>
    // softmax_scale * log2(e) = log2(e) / sqrt(64): exp2 of scaled scores
    %sl2 = constant <f32: 0.1803368777036667> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x64xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x128xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x128xi32>
    %ic = iota : tile<128xi32>
    %cols1 = reshape %ic : tile<128xi32> -> tile<1x128xi32>
    %cols = broadcast %cols1 : tile<1x128xi32> -> tile<128x128xi32>
    %cr = constant <i32: 1> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x128xi32> -> tile<128x128xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xf8E4M3FN, strides=[?,64,1,?]>>, tile<i32> -> tile<1x1x64x128xf8E4M3FN>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x64x128xf8E4M3FN> -> tile<64x128xf8E4M3FN>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x64xf8E4M3FN>, tile<64x128xf8E4M3FN>, tile<128x128xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x128xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x128xi1>, tile<128x128xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x128xf32>
    %p_d0 = exp2 %sm_d0 : tile<128x128xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x64xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x64xf32>
    %pl_d0 = ftof %p_d0 : tile<128x128xf32> -> tile<128x128xf8E4M3FN>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf8E4M3FN, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf8E4M3FN>, token
    %vt_d0 = reshape %v4_d0 : tile<1x128x1x64xf8E4M3FN> -> tile<128x64xf8E4M3FN>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x128xf8E4M3FN>, tile<128x64xf8E4M3FN>, tile<128x64xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d0, %l = %lnew_d0, %acc = %accnew_d0) -> (tile<128xf32>, tile<128xf32>, tile<128x64xf32>) {
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

  entry @attention_fwd_causal_bf16_d256(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x128x1x256xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x256xbf16> -> tile<128x256xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(256): exp2 of scaled scores
    %sl2 = constant <f32: 0.09016843885183334> : tile<128x64xf32>
    %zacc = constant <f32: 0.0> : tile<128x256xf32>
    %zs = constant <f32: 0.0> : tile<128x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x64xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x64xi32>
    %ic = iota : tile<64xi32>
    %cols1 = reshape %ic : tile<64xi32> -> tile<1x64xi32>
    %cols = broadcast %cols1 : tile<1x64xi32> -> tile<128x64xi32>
    %cr = constant <i32: 2> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x64xi32> -> tile<128x64xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xbf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xbf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x256x64xbf16> -> tile<256x64xbf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x256xbf16>, tile<256x64xbf16>, tile<128x64xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x64xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x64xi1>, tile<128x64xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x64xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x64xf32>
    %p_d0 = exp2 %sm_d0 : tile<128x64xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x256xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x256xf32>
    %pl_d0 = ftof %p_d0 : tile<128x64xf32> -> tile<128x64xbf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xbf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x64x1x256xbf16> -> tile<64x256xbf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x64xbf16>, tile<64x256xbf16>, tile<128x256xf32>
    %off_d1 = constant <i32: 64> : tile<128x64xi32>
    %colo_d1 = addi %cols, %off_d1 : tile<128x64xi32>
    %above_d1 = cmpi greater_than %colo_d1, %rows, signed : tile<128x64xi32> -> tile<128x64xi1>
    %cj_d1 = constant <i32: 1> : tile<i32>
    %j_d1 = addi %qbr, %cj_d1 : tile<i32>
    %k4_d1, %t2_d1 = load_view_tko weak %pk[%b, %h, %zero, %j_d1] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xbf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xbf16>, token
    %kt_d1 = reshape %k4_d1 : tile<1x1x256x64xbf16> -> tile<256x64xbf16>
    %qk_d1 = mmaf %qt, %kt_d1, %zs : tile<128x256xbf16>, tile<256x64xbf16>, tile<128x64xf32>
    %sc0_d1 = mulf %qk_d1, %sl2 : tile<128x64xf32>
    %sc_d1 = select %above_d1, %ninf, %sc0_d1 : tile<128x64xi1>, tile<128x64xf32>
    %smax_d1 = reduce %sc_d1 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d1 = maxf %mnew_d0, %smax_d1 : tile<128xf32>
    %dm_d1 = subf %mnew_d0, %mnew_d1 : tile<128xf32>
    %alpha_d1 = exp2 %dm_d1 : tile<128xf32>
    %mn1_d1 = reshape %mnew_d1 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d1 = broadcast %mn1_d1 : tile<128x1xf32> -> tile<128x64xf32>
    %sm_d1 = subf %sc_d1, %mnb_d1 : tile<128x64xf32>
    %p_d1 = exp2 %sm_d1 : tile<128x64xf32>
    %psum_d1 = reduce %p_d1 dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d1 = mulf %lnew_d0, %alpha_d1 : tile<128xf32>
    %lnew_d1 = addf %la_d1, %psum_d1 : tile<128xf32>
    %al1_d1 = reshape %alpha_d1 : tile<128xf32> -> tile<128x1xf32>
    %alb_d1 = broadcast %al1_d1 : tile<128x1xf32> -> tile<128x256xf32>
    %acca_d1 = mulf %accnew_d0, %alb_d1 : tile<128x256xf32>
    %pl_d1 = ftof %p_d1 : tile<128x64xf32> -> tile<128x64xbf16>
    %v4_d1, %t3_d1 = load_view_tko weak %pv[%b, %j_d1, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xbf16>, token
    %vt_d1 = reshape %v4_d1 : tile<1x64x1x256xbf16> -> tile<64x256xbf16>
    %accnew_d1 = mmaf %pl_d1, %vt_d1, %acca_d1 : tile<128x64xbf16>, tile<64x256xbf16>, tile<128x256xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d1, %l = %lnew_d1, %acc = %accnew_d1) -> (tile<128xf32>, tile<128xf32>, tile<128x256xf32>) {
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

  entry @attention_fwd_causal_f16_d256(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x128x1x256xf16>, token
    %qt = reshape %q4 : tile<1x128x1x256xf16> -> tile<128x256xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(256): exp2 of scaled scores
    %sl2 = constant <f32: 0.09016843885183334> : tile<128x64xf32>
    %zacc = constant <f32: 0.0> : tile<128x256xf32>
    %zs = constant <f32: 0.0> : tile<128x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x64xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x64xi32>
    %ic = iota : tile<64xi32>
    %cols1 = reshape %ic : tile<64xi32> -> tile<1x64xi32>
    %cols = broadcast %cols1 : tile<1x64xi32> -> tile<128x64xi32>
    %cr = constant <i32: 2> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x64xi32> -> tile<128x64xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x256x64xf16> -> tile<256x64xf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x256xf16>, tile<256x64xf16>, tile<128x64xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x64xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x64xi1>, tile<128x64xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x64xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x64xf32>
    %p_d0 = exp2 %sm_d0 : tile<128x64xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x256xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x256xf32>
    %pl_d0 = ftof %p_d0 : tile<128x64xf32> -> tile<128x64xf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x64x1x256xf16> -> tile<64x256xf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x64xf16>, tile<64x256xf16>, tile<128x256xf32>
    %off_d1 = constant <i32: 64> : tile<128x64xi32>
    %colo_d1 = addi %cols, %off_d1 : tile<128x64xi32>
    %above_d1 = cmpi greater_than %colo_d1, %rows, signed : tile<128x64xi32> -> tile<128x64xi1>
    %cj_d1 = constant <i32: 1> : tile<i32>
    %j_d1 = addi %qbr, %cj_d1 : tile<i32>
    %k4_d1, %t2_d1 = load_view_tko weak %pk[%b, %h, %zero, %j_d1] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xf16>, token
    %kt_d1 = reshape %k4_d1 : tile<1x1x256x64xf16> -> tile<256x64xf16>
    %qk_d1 = mmaf %qt, %kt_d1, %zs : tile<128x256xf16>, tile<256x64xf16>, tile<128x64xf32>
    %sc0_d1 = mulf %qk_d1, %sl2 : tile<128x64xf32>
    %sc_d1 = select %above_d1, %ninf, %sc0_d1 : tile<128x64xi1>, tile<128x64xf32>
    %smax_d1 = reduce %sc_d1 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d1 = maxf %mnew_d0, %smax_d1 : tile<128xf32>
    %dm_d1 = subf %mnew_d0, %mnew_d1 : tile<128xf32>
    %alpha_d1 = exp2 %dm_d1 : tile<128xf32>
    %mn1_d1 = reshape %mnew_d1 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d1 = broadcast %mn1_d1 : tile<128x1xf32> -> tile<128x64xf32>
    %sm_d1 = subf %sc_d1, %mnb_d1 : tile<128x64xf32>
    %p_d1 = exp2 %sm_d1 : tile<128x64xf32>
    %psum_d1 = reduce %p_d1 dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d1 = mulf %lnew_d0, %alpha_d1 : tile<128xf32>
    %lnew_d1 = addf %la_d1, %psum_d1 : tile<128xf32>
    %al1_d1 = reshape %alpha_d1 : tile<128xf32> -> tile<128x1xf32>
    %alb_d1 = broadcast %al1_d1 : tile<128x1xf32> -> tile<128x256xf32>
    %acca_d1 = mulf %accnew_d0, %alb_d1 : tile<128x256xf32>
    %pl_d1 = ftof %p_d1 : tile<128x64xf32> -> tile<128x64xf16>
    %v4_d1, %t3_d1 = load_view_tko weak %pv[%b, %j_d1, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xf16>, token
    %vt_d1 = reshape %v4_d1 : tile<1x64x1x256xf16> -> tile<64x256xf16>
    %accnew_d1 = mmaf %pl_d1, %vt_d1, %acca_d1 : tile<128x64xf16>, tile<64x256xf16>, tile<128x256xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d1, %l = %lnew_d1, %acc = %accnew_d1) -> (tile<128xf32>, tile<128xf32>, tile<128x256xf32>) {
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

  entry @attention_fwd_causal_e4m3_d256(%q: tile<ptr<f8E4M3FN>>, %k: tile<ptr<f8E4M3FN>>, %v: tile<ptr<f8E4M3FN>>, %o: tile<ptr<bf16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf8E4M3FN, strides=[?,?,256,1]>>, tile<i32> -> tile<1x128x1x256xf8E4M3FN>, token
    %qt = reshape %q4 : tile<1x128x1x256xf8E4M3FN> -> tile<128x256xf8E4M3FN>
    // softmax_scale * log2(e) = log2(e) / sqrt(256): exp2 of scaled scores
    %sl2 = constant <f32: 0.09016843885183334> : tile<128x64xf32>
    %zacc = constant <f32: 0.0> : tile<128x256xf32>
    %zs = constant <f32: 0.0> : tile<128x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x64xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x64xi32>
    %ic = iota : tile<64xi32>
    %cols1 = reshape %ic : tile<64xi32> -> tile<1x64xi32>
    %cols = broadcast %cols1 : tile<1x64xi32> -> tile<128x64xi32>
    %cr = constant <i32: 2> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x64xi32> -> tile<128x64xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf8E4M3FN, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xf8E4M3FN>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x256x64xf8E4M3FN> -> tile<256x64xf8E4M3FN>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x256xf8E4M3FN>, tile<256x64xf8E4M3FN>, tile<128x64xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x64xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x64xi1>, tile<128x64xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x64xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x64xf32>
    %p_d0 = exp2 %sm_d0 : tile<128x64xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x256xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x256xf32>
    %pl_d0 = ftof %p_d0 : tile<128x64xf32> -> tile<128x64xf8E4M3FN>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf8E4M3FN, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xf8E4M3FN>, token
    %vt_d0 = reshape %v4_d0 : tile<1x64x1x256xf8E4M3FN> -> tile<64x256xf8E4M3FN>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x64xf8E4M3FN>, tile<64x256xf8E4M3FN>, tile<128x256xf32>
    %off_d1 = constant <i32: 64> : tile<128x64xi32>
    %colo_d1 = addi %cols, %off_d1 : tile<128x64xi32>
    %above_d1 = cmpi greater_than %colo_d1, %rows, signed : tile<128x64xi32> -> tile<128x64xi1>
    %cj_d1 = constant <i32: 1> : tile<i32>
    %j_d1 = addi %qbr, %cj_d1 : tile<i32>
    %k4_d1, %t2_d1 = load_view_tko weak %pk[%b, %h, %zero, %j_d1] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf8E4M3FN, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xf8E4M3FN>, token
    %kt_d1 = reshape %k4_d1 : tile<1x1x256x64xf8E4M3FN> -> tile<256x64xf8E4M3FN>
    %qk_d1 = mmaf %qt, %kt_d1, %zs : tile<128x256xf8E4M3FN>, tile<256x64xf8E4M3FN>, tile<128x64xf32>
    %sc0_d1 = mulf %qk_d1, %sl2 : tile<128x64xf32>
    %sc_d1 = select %above_d1, %ninf, %sc0_d1 : tile<128x64xi1>, tile<128x64xf32>
    %smax_d1 = reduce %sc_d1 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d1 = maxf %mnew_d0, %smax_d1 : tile<128xf32>
    %dm_d1 = subf %mnew_d0, %mnew_d1 : tile<128xf32>
    %alpha_d1 = exp2 %dm_d1 : tile<128xf32>
    %mn1_d1 = reshape %mnew_d1 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d1 = broadcast %mn1_d1 : tile<128x1xf32> -> tile<128x64xf32>
    %sm_d1 = subf %sc_d1, %mnb_d1 : tile<128x64xf32>
    %p_d1 = exp2 %sm_d1 : tile<128x64xf32>
    %psum_d1 = reduce %p_d1 dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d1 = mulf %lnew_d0, %alpha_d1 : tile<128xf32>
    %lnew_d1 = addf %la_d1, %psum_d1 : tile<128xf32>
    %al1_d1 = reshape %alpha_d1 : tile<128xf32> -> tile<128x1xf32>
    %alb_d1 = broadcast %al1_d1 : tile<128x1xf32> -> tile<128x256xf32>
    %acca_d1 = mulf %accnew_d0, %alb_d1 : tile<128x256xf32>
    %pl_d1 = ftof %p_d1 : tile<128x64xf32> -> tile<128x64xf8E4M3FN>
    %v4_d1, %t3_d1 = load_view_tko weak %pv[%b, %j_d1, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf8E4M3FN, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xf8E4M3FN>, token
    %vt_d1 = reshape %v4_d1 : tile<1x64x1x256xf8E4M3FN> -> tile<64x256xf8E4M3FN>
    %accnew_d1 = mmaf %pl_d1, %vt_d1, %acca_d1 : tile<128x64xf8E4M3FN>, tile<64x256xf8E4M3FN>, tile<128x256xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d1, %l = %lnew_d1, %acc = %accnew_d1) -> (tile<128xf32>, tile<128xf32>, tile<128x256xf32>) {
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

  entry @attention_fwd_causal_bf16_sm100(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x128xbf16> -> tile<128x128xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(128): exp2 of scaled scores
    %sl2 = constant <f32: 0.127517431974411> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x128xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x128xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x128xi32>
    %ic = iota : tile<128xi32>
    %cols1 = reshape %ic : tile<128xi32> -> tile<1x128xi32>
    %cols = broadcast %cols1 : tile<1x128xi32> -> tile<128x128xi32>
    %cr = constant <i32: 1> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x128xi32> -> tile<128x128xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xbf16, strides=[?,128,1,?]>>, tile<i32> -> tile<1x1x128x128xbf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x128x128xbf16> -> tile<128x128xbf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x128xbf16>, tile<128x128xbf16>, tile<128x128xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x128xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x128xi1>, tile<128x128xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x128xf32>
    // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
    // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
    // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
    %p_d0_i1 = constant <i32: 1> : tile<i32>
    %p_d0_i2 = constant <i32: 2> : tile<i32>
    %p_d0_i3 = constant <i32: 3> : tile<i32>
    %p_d0_x0 = extract %sm_d0[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x1 = extract %sm_d0[%zero, %p_d0_i1] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x2 = extract %sm_d0[%zero, %p_d0_i2] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x3 = extract %sm_d0[%zero, %p_d0_i3] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_e0 = exp2 %p_d0_x0 : tile<128x32xf32>
    %p_d0_e1 = exp2 %p_d0_x1 : tile<128x32xf32>
    %p_d0_e2 = exp2 %p_d0_x2 : tile<128x32xf32>
    %p_d0_lo = constant <f32: -127.0> : tile<128x32xf32>
    %p_d0_xc = maxf %p_d0_x3, %p_d0_lo : tile<128x32xf32>
    %p_d0_j = floor %p_d0_xc : tile<128x32xf32>
    %p_d0_f = subf %p_d0_xc, %p_d0_j : tile<128x32xf32>
    %p_d0_k3 = constant <f32: 0.0782281741> : tile<128x32xf32>
    %p_d0_k2 = constant <f32: 0.226269816> : tile<128x32xf32>
    %p_d0_k1 = constant <f32: 0.695502010> : tile<128x32xf32>
    %p_d0_k0 = constant <f32: 1.0> : tile<128x32xf32>
    %p_d0_h2 = fma %p_d0_f, %p_d0_k3, %p_d0_k2 : tile<128x32xf32>
    %p_d0_h1 = fma %p_d0_f, %p_d0_h2, %p_d0_k1 : tile<128x32xf32>
    %p_d0_h0 = fma %p_d0_f, %p_d0_h1, %p_d0_k0 : tile<128x32xf32>
    %p_d0_ji = ftoi %p_d0_j signed : tile<128x32xf32> -> tile<128x32xi32>
    %p_d0_c23 = constant <i32: 23> : tile<128x32xi32>
    %p_d0_sh = shli %p_d0_ji, %p_d0_c23 : tile<128x32xi32>
    %p_d0_hb = bitcast %p_d0_h0 : tile<128x32xf32> -> tile<128x32xi32>
    %p_d0_sb = addi %p_d0_hb, %p_d0_sh : tile<128x32xi32>
    %p_d0_e3 = bitcast %p_d0_sb : tile<128x32xi32> -> tile<128x32xf32>
    %p_d0_lo2 = cat %p_d0_e0, %p_d0_e1 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %p_d0_hi2 = cat %p_d0_e2, %p_d0_e3 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %p_d0 = cat %p_d0_lo2, %p_d0_hi2 dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x128xf32>
    %pl_d0 = ftof %p_d0 : tile<128x128xf32> -> tile<128x128xbf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xbf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xbf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x128x1x128xbf16> -> tile<128x128xbf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x128xbf16>, tile<128x128xbf16>, tile<128x128xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d0, %l = %lnew_d0, %acc = %accnew_d0) -> (tile<128xf32>, tile<128xf32>, tile<128x128xf32>) {
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

  entry @attention_fwd_causal_f16_sm100(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf16>, token
    %qt = reshape %q4 : tile<1x128x1x128xf16> -> tile<128x128xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(128): exp2 of scaled scores
    %sl2 = constant <f32: 0.127517431974411> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x128xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x128xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x128xi32>
    %ic = iota : tile<128xi32>
    %cols1 = reshape %ic : tile<128xi32> -> tile<1x128xi32>
    %cols = broadcast %cols1 : tile<1x128xi32> -> tile<128x128xi32>
    %cr = constant <i32: 1> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x128xi32> -> tile<128x128xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x128x128), tensor_view<?x?x128x?xf16, strides=[?,128,1,?]>>, tile<i32> -> tile<1x1x128x128xf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x128x128xf16> -> tile<128x128xf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x128xf16>, tile<128x128xf16>, tile<128x128xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x128xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x128xi1>, tile<128x128xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x128xf32>
    // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
    // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
    // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
    %p_d0_i1 = constant <i32: 1> : tile<i32>
    %p_d0_i2 = constant <i32: 2> : tile<i32>
    %p_d0_i3 = constant <i32: 3> : tile<i32>
    %p_d0_x0 = extract %sm_d0[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x1 = extract %sm_d0[%zero, %p_d0_i1] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x2 = extract %sm_d0[%zero, %p_d0_i2] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x3 = extract %sm_d0[%zero, %p_d0_i3] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_e0 = exp2 %p_d0_x0 : tile<128x32xf32>
    %p_d0_e1 = exp2 %p_d0_x1 : tile<128x32xf32>
    %p_d0_e2 = exp2 %p_d0_x2 : tile<128x32xf32>
    %p_d0_lo = constant <f32: -127.0> : tile<128x32xf32>
    %p_d0_xc = maxf %p_d0_x3, %p_d0_lo : tile<128x32xf32>
    %p_d0_j = floor %p_d0_xc : tile<128x32xf32>
    %p_d0_f = subf %p_d0_xc, %p_d0_j : tile<128x32xf32>
    %p_d0_k3 = constant <f32: 0.0782281741> : tile<128x32xf32>
    %p_d0_k2 = constant <f32: 0.226269816> : tile<128x32xf32>
    %p_d0_k1 = constant <f32: 0.695502010> : tile<128x32xf32>
    %p_d0_k0 = constant <f32: 1.0> : tile<128x32xf32>
    %p_d0_h2 = fma %p_d0_f, %p_d0_k3, %p_d0_k2 : tile<128x32xf32>
    %p_d0_h1 = fma %p_d0_f, %p_d0_h2, %p_d0_k1 : tile<128x32xf32>
    %p_d0_h0 = fma %p_d0_f, %p_d0_h1, %p_d0_k0 : tile<128x32xf32>
    %p_d0_ji = ftoi %p_d0_j signed : tile<128x32xf32> -> tile<128x32xi32>
    %p_d0_c23 = constant <i32: 23> : tile<128x32xi32>
    %p_d0_sh = shli %p_d0_ji, %p_d0_c23 : tile<128x32xi32>
    %p_d0_hb = bitcast %p_d0_h0 : tile<128x32xf32> -> tile<128x32xi32>
    %p_d0_sb = addi %p_d0_hb, %p_d0_sh : tile<128x32xi32>
    %p_d0_e3 = bitcast %p_d0_sb : tile<128x32xi32> -> tile<128x32xf32>
    %p_d0_lo2 = cat %p_d0_e0, %p_d0_e1 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %p_d0_hi2 = cat %p_d0_e2, %p_d0_e3 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %p_d0 = cat %p_d0_lo2, %p_d0_hi2 dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x128xf32>
    %pl_d0 = ftof %p_d0 : tile<128x128xf32> -> tile<128x128xf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x128x1x128), tensor_view<?x?x?x128xf16, strides=[?,?,128,1]>>, tile<i32> -> tile<1x128x1x128xf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x128x1x128xf16> -> tile<128x128xf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x128xf16>, tile<128x128xf16>, tile<128x128xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d0, %l = %lnew_d0, %acc = %accnew_d0) -> (tile<128xf32>, tile<128xf32>, tile<128x128xf32>) {
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

  entry @attention_fwd_causal_bf16_d64_sm100(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x64xbf16> -> tile<128x64xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(64): exp2 of scaled scores
    %sl2 = constant <f32: 0.1803368777036667> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x64xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x128xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x128xi32>
    %ic = iota : tile<128xi32>
    %cols1 = reshape %ic : tile<128xi32> -> tile<1x128xi32>
    %cols = broadcast %cols1 : tile<1x128xi32> -> tile<128x128xi32>
    %cr = constant <i32: 1> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x128xi32> -> tile<128x128xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xbf16, strides=[?,64,1,?]>>, tile<i32> -> tile<1x1x64x128xbf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x64x128xbf16> -> tile<64x128xbf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x64xbf16>, tile<64x128xbf16>, tile<128x128xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x128xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x128xi1>, tile<128x128xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x128xf32>
    // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
    // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
    // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
    %p_d0_i1 = constant <i32: 1> : tile<i32>
    %p_d0_i2 = constant <i32: 2> : tile<i32>
    %p_d0_i3 = constant <i32: 3> : tile<i32>
    %p_d0_x0 = extract %sm_d0[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x1 = extract %sm_d0[%zero, %p_d0_i1] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x2 = extract %sm_d0[%zero, %p_d0_i2] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x3 = extract %sm_d0[%zero, %p_d0_i3] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_e0 = exp2 %p_d0_x0 : tile<128x32xf32>
    %p_d0_e1 = exp2 %p_d0_x1 : tile<128x32xf32>
    %p_d0_e2 = exp2 %p_d0_x2 : tile<128x32xf32>
    %p_d0_lo = constant <f32: -127.0> : tile<128x32xf32>
    %p_d0_xc = maxf %p_d0_x3, %p_d0_lo : tile<128x32xf32>
    %p_d0_j = floor %p_d0_xc : tile<128x32xf32>
    %p_d0_f = subf %p_d0_xc, %p_d0_j : tile<128x32xf32>
    %p_d0_k3 = constant <f32: 0.0782281741> : tile<128x32xf32>
    %p_d0_k2 = constant <f32: 0.226269816> : tile<128x32xf32>
    %p_d0_k1 = constant <f32: 0.695502010> : tile<128x32xf32>
    %p_d0_k0 = constant <f32: 1.0> : tile<128x32xf32>
    %p_d0_h2 = fma %p_d0_f, %p_d0_k3, %p_d0_k2 : tile<128x32xf32>
    %p_d0_h1 = fma %p_d0_f, %p_d0_h2, %p_d0_k1 : tile<128x32xf32>
    %p_d0_h0 = fma %p_d0_f, %p_d0_h1, %p_d0_k0 : tile<128x32xf32>
    %p_d0_ji = ftoi %p_d0_j signed : tile<128x32xf32> -> tile<128x32xi32>
    %p_d0_c23 = constant <i32: 23> : tile<128x32xi32>
    %p_d0_sh = shli %p_d0_ji, %p_d0_c23 : tile<128x32xi32>
    %p_d0_hb = bitcast %p_d0_h0 : tile<128x32xf32> -> tile<128x32xi32>
    %p_d0_sb = addi %p_d0_hb, %p_d0_sh : tile<128x32xi32>
    %p_d0_e3 = bitcast %p_d0_sb : tile<128x32xi32> -> tile<128x32xf32>
    %p_d0_lo2 = cat %p_d0_e0, %p_d0_e1 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %p_d0_hi2 = cat %p_d0_e2, %p_d0_e3 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %p_d0 = cat %p_d0_lo2, %p_d0_hi2 dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x64xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x64xf32>
    %pl_d0 = ftof %p_d0 : tile<128x128xf32> -> tile<128x128xbf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xbf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xbf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x128x1x64xbf16> -> tile<128x64xbf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x128xbf16>, tile<128x64xbf16>, tile<128x64xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d0, %l = %lnew_d0, %acc = %accnew_d0) -> (tile<128xf32>, tile<128xf32>, tile<128x64xf32>) {
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

  entry @attention_fwd_causal_f16_d64_sm100(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf16>, token
    %qt = reshape %q4 : tile<1x128x1x64xf16> -> tile<128x64xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(64): exp2 of scaled scores
    %sl2 = constant <f32: 0.1803368777036667> : tile<128x128xf32>
    %zacc = constant <f32: 0.0> : tile<128x64xf32>
    %zs = constant <f32: 0.0> : tile<128x128xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x128xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x128xi32>
    %ic = iota : tile<128xi32>
    %cols1 = reshape %ic : tile<128xi32> -> tile<1x128xi32>
    %cols = broadcast %cols1 : tile<1x128xi32> -> tile<128x128xi32>
    %cr = constant <i32: 1> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x128xi32> -> tile<128x128xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x64x128), tensor_view<?x?x64x?xf16, strides=[?,64,1,?]>>, tile<i32> -> tile<1x1x64x128xf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x64x128xf16> -> tile<64x128xf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x64xf16>, tile<64x128xf16>, tile<128x128xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x128xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x128xi1>, tile<128x128xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x128xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x128xf32>
    // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
    // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
    // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
    %p_d0_i1 = constant <i32: 1> : tile<i32>
    %p_d0_i2 = constant <i32: 2> : tile<i32>
    %p_d0_i3 = constant <i32: 3> : tile<i32>
    %p_d0_x0 = extract %sm_d0[%zero, %zero] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x1 = extract %sm_d0[%zero, %p_d0_i1] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x2 = extract %sm_d0[%zero, %p_d0_i2] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_x3 = extract %sm_d0[%zero, %p_d0_i3] : tile<128x128xf32> -> tile<128x32xf32>
    %p_d0_e0 = exp2 %p_d0_x0 : tile<128x32xf32>
    %p_d0_e1 = exp2 %p_d0_x1 : tile<128x32xf32>
    %p_d0_e2 = exp2 %p_d0_x2 : tile<128x32xf32>
    %p_d0_lo = constant <f32: -127.0> : tile<128x32xf32>
    %p_d0_xc = maxf %p_d0_x3, %p_d0_lo : tile<128x32xf32>
    %p_d0_j = floor %p_d0_xc : tile<128x32xf32>
    %p_d0_f = subf %p_d0_xc, %p_d0_j : tile<128x32xf32>
    %p_d0_k3 = constant <f32: 0.0782281741> : tile<128x32xf32>
    %p_d0_k2 = constant <f32: 0.226269816> : tile<128x32xf32>
    %p_d0_k1 = constant <f32: 0.695502010> : tile<128x32xf32>
    %p_d0_k0 = constant <f32: 1.0> : tile<128x32xf32>
    %p_d0_h2 = fma %p_d0_f, %p_d0_k3, %p_d0_k2 : tile<128x32xf32>
    %p_d0_h1 = fma %p_d0_f, %p_d0_h2, %p_d0_k1 : tile<128x32xf32>
    %p_d0_h0 = fma %p_d0_f, %p_d0_h1, %p_d0_k0 : tile<128x32xf32>
    %p_d0_ji = ftoi %p_d0_j signed : tile<128x32xf32> -> tile<128x32xi32>
    %p_d0_c23 = constant <i32: 23> : tile<128x32xi32>
    %p_d0_sh = shli %p_d0_ji, %p_d0_c23 : tile<128x32xi32>
    %p_d0_hb = bitcast %p_d0_h0 : tile<128x32xf32> -> tile<128x32xi32>
    %p_d0_sb = addi %p_d0_hb, %p_d0_sh : tile<128x32xi32>
    %p_d0_e3 = bitcast %p_d0_sb : tile<128x32xi32> -> tile<128x32xf32>
    %p_d0_lo2 = cat %p_d0_e0, %p_d0_e1 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %p_d0_hi2 = cat %p_d0_e2, %p_d0_e3 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %p_d0 = cat %p_d0_lo2, %p_d0_hi2 dim = 1 : tile<128x64xf32>, tile<128x64xf32> -> tile<128x128xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x128xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x64xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x64xf32>
    %pl_d0 = ftof %p_d0 : tile<128x128xf32> -> tile<128x128xf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x128x1x64), tensor_view<?x?x?x64xf16, strides=[?,?,64,1]>>, tile<i32> -> tile<1x128x1x64xf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x128x1x64xf16> -> tile<128x64xf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x128xf16>, tile<128x64xf16>, tile<128x64xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d0, %l = %lnew_d0, %acc = %accnew_d0) -> (tile<128xf32>, tile<128xf32>, tile<128x64xf32>) {
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

  entry @attention_fwd_causal_bf16_d256_sm100(%q: tile<ptr<bf16>>, %k: tile<ptr<bf16>>, %v: tile<ptr<bf16>>, %o: tile<ptr<bf16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x128x1x256xbf16>, token
    %qt = reshape %q4 : tile<1x128x1x256xbf16> -> tile<128x256xbf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(256): exp2 of scaled scores
    %sl2 = constant <f32: 0.09016843885183334> : tile<128x64xf32>
    %zacc = constant <f32: 0.0> : tile<128x256xf32>
    %zs = constant <f32: 0.0> : tile<128x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x64xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x64xi32>
    %ic = iota : tile<64xi32>
    %cols1 = reshape %ic : tile<64xi32> -> tile<1x64xi32>
    %cols = broadcast %cols1 : tile<1x64xi32> -> tile<128x64xi32>
    %cr = constant <i32: 2> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x64xi32> -> tile<128x64xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xbf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xbf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x256x64xbf16> -> tile<256x64xbf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x256xbf16>, tile<256x64xbf16>, tile<128x64xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x64xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x64xi1>, tile<128x64xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x64xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x64xf32>
    // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
    // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
    // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
    %p_d0_i1 = constant <i32: 1> : tile<i32>
    %p_d0_i2 = constant <i32: 2> : tile<i32>
    %p_d0_i3 = constant <i32: 3> : tile<i32>
    %p_d0_x0 = extract %sm_d0[%zero, %zero] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d0_x1 = extract %sm_d0[%zero, %p_d0_i1] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d0_x2 = extract %sm_d0[%zero, %p_d0_i2] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d0_x3 = extract %sm_d0[%zero, %p_d0_i3] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d0_e0 = exp2 %p_d0_x0 : tile<128x16xf32>
    %p_d0_e1 = exp2 %p_d0_x1 : tile<128x16xf32>
    %p_d0_e2 = exp2 %p_d0_x2 : tile<128x16xf32>
    %p_d0_lo = constant <f32: -127.0> : tile<128x16xf32>
    %p_d0_xc = maxf %p_d0_x3, %p_d0_lo : tile<128x16xf32>
    %p_d0_j = floor %p_d0_xc : tile<128x16xf32>
    %p_d0_f = subf %p_d0_xc, %p_d0_j : tile<128x16xf32>
    %p_d0_k3 = constant <f32: 0.0782281741> : tile<128x16xf32>
    %p_d0_k2 = constant <f32: 0.226269816> : tile<128x16xf32>
    %p_d0_k1 = constant <f32: 0.695502010> : tile<128x16xf32>
    %p_d0_k0 = constant <f32: 1.0> : tile<128x16xf32>
    %p_d0_h2 = fma %p_d0_f, %p_d0_k3, %p_d0_k2 : tile<128x16xf32>
    %p_d0_h1 = fma %p_d0_f, %p_d0_h2, %p_d0_k1 : tile<128x16xf32>
    %p_d0_h0 = fma %p_d0_f, %p_d0_h1, %p_d0_k0 : tile<128x16xf32>
    %p_d0_ji = ftoi %p_d0_j signed : tile<128x16xf32> -> tile<128x16xi32>
    %p_d0_c23 = constant <i32: 23> : tile<128x16xi32>
    %p_d0_sh = shli %p_d0_ji, %p_d0_c23 : tile<128x16xi32>
    %p_d0_hb = bitcast %p_d0_h0 : tile<128x16xf32> -> tile<128x16xi32>
    %p_d0_sb = addi %p_d0_hb, %p_d0_sh : tile<128x16xi32>
    %p_d0_e3 = bitcast %p_d0_sb : tile<128x16xi32> -> tile<128x16xf32>
    %p_d0_lo2 = cat %p_d0_e0, %p_d0_e1 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
    %p_d0_hi2 = cat %p_d0_e2, %p_d0_e3 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
    %p_d0 = cat %p_d0_lo2, %p_d0_hi2 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x256xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x256xf32>
    %pl_d0 = ftof %p_d0 : tile<128x64xf32> -> tile<128x64xbf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xbf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x64x1x256xbf16> -> tile<64x256xbf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x64xbf16>, tile<64x256xbf16>, tile<128x256xf32>
    %off_d1 = constant <i32: 64> : tile<128x64xi32>
    %colo_d1 = addi %cols, %off_d1 : tile<128x64xi32>
    %above_d1 = cmpi greater_than %colo_d1, %rows, signed : tile<128x64xi32> -> tile<128x64xi1>
    %cj_d1 = constant <i32: 1> : tile<i32>
    %j_d1 = addi %qbr, %cj_d1 : tile<i32>
    %k4_d1, %t2_d1 = load_view_tko weak %pk[%b, %h, %zero, %j_d1] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xbf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xbf16>, token
    %kt_d1 = reshape %k4_d1 : tile<1x1x256x64xbf16> -> tile<256x64xbf16>
    %qk_d1 = mmaf %qt, %kt_d1, %zs : tile<128x256xbf16>, tile<256x64xbf16>, tile<128x64xf32>
    %sc0_d1 = mulf %qk_d1, %sl2 : tile<128x64xf32>
    %sc_d1 = select %above_d1, %ninf, %sc0_d1 : tile<128x64xi1>, tile<128x64xf32>
    %smax_d1 = reduce %sc_d1 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d1 = maxf %mnew_d0, %smax_d1 : tile<128xf32>
    %dm_d1 = subf %mnew_d0, %mnew_d1 : tile<128xf32>
    %alpha_d1 = exp2 %dm_d1 : tile<128xf32>
    %mn1_d1 = reshape %mnew_d1 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d1 = broadcast %mn1_d1 : tile<128x1xf32> -> tile<128x64xf32>
    %sm_d1 = subf %sc_d1, %mnb_d1 : tile<128x64xf32>
    // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
    // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
    // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
    %p_d1_i1 = constant <i32: 1> : tile<i32>
    %p_d1_i2 = constant <i32: 2> : tile<i32>
    %p_d1_i3 = constant <i32: 3> : tile<i32>
    %p_d1_x0 = extract %sm_d1[%zero, %zero] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d1_x1 = extract %sm_d1[%zero, %p_d1_i1] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d1_x2 = extract %sm_d1[%zero, %p_d1_i2] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d1_x3 = extract %sm_d1[%zero, %p_d1_i3] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d1_e0 = exp2 %p_d1_x0 : tile<128x16xf32>
    %p_d1_e1 = exp2 %p_d1_x1 : tile<128x16xf32>
    %p_d1_e2 = exp2 %p_d1_x2 : tile<128x16xf32>
    %p_d1_lo = constant <f32: -127.0> : tile<128x16xf32>
    %p_d1_xc = maxf %p_d1_x3, %p_d1_lo : tile<128x16xf32>
    %p_d1_j = floor %p_d1_xc : tile<128x16xf32>
    %p_d1_f = subf %p_d1_xc, %p_d1_j : tile<128x16xf32>
    %p_d1_k3 = constant <f32: 0.0782281741> : tile<128x16xf32>
    %p_d1_k2 = constant <f32: 0.226269816> : tile<128x16xf32>
    %p_d1_k1 = constant <f32: 0.695502010> : tile<128x16xf32>
    %p_d1_k0 = constant <f32: 1.0> : tile<128x16xf32>
    %p_d1_h2 = fma %p_d1_f, %p_d1_k3, %p_d1_k2 : tile<128x16xf32>
    %p_d1_h1 = fma %p_d1_f, %p_d1_h2, %p_d1_k1 : tile<128x16xf32>
    %p_d1_h0 = fma %p_d1_f, %p_d1_h1, %p_d1_k0 : tile<128x16xf32>
    %p_d1_ji = ftoi %p_d1_j signed : tile<128x16xf32> -> tile<128x16xi32>
    %p_d1_c23 = constant <i32: 23> : tile<128x16xi32>
    %p_d1_sh = shli %p_d1_ji, %p_d1_c23 : tile<128x16xi32>
    %p_d1_hb = bitcast %p_d1_h0 : tile<128x16xf32> -> tile<128x16xi32>
    %p_d1_sb = addi %p_d1_hb, %p_d1_sh : tile<128x16xi32>
    %p_d1_e3 = bitcast %p_d1_sb : tile<128x16xi32> -> tile<128x16xf32>
    %p_d1_lo2 = cat %p_d1_e0, %p_d1_e1 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
    %p_d1_hi2 = cat %p_d1_e2, %p_d1_e3 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
    %p_d1 = cat %p_d1_lo2, %p_d1_hi2 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %psum_d1 = reduce %p_d1 dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d1 = mulf %lnew_d0, %alpha_d1 : tile<128xf32>
    %lnew_d1 = addf %la_d1, %psum_d1 : tile<128xf32>
    %al1_d1 = reshape %alpha_d1 : tile<128xf32> -> tile<128x1xf32>
    %alb_d1 = broadcast %al1_d1 : tile<128x1xf32> -> tile<128x256xf32>
    %acca_d1 = mulf %accnew_d0, %alb_d1 : tile<128x256xf32>
    %pl_d1 = ftof %p_d1 : tile<128x64xf32> -> tile<128x64xbf16>
    %v4_d1, %t3_d1 = load_view_tko weak %pv[%b, %j_d1, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xbf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xbf16>, token
    %vt_d1 = reshape %v4_d1 : tile<1x64x1x256xbf16> -> tile<64x256xbf16>
    %accnew_d1 = mmaf %pl_d1, %vt_d1, %acca_d1 : tile<128x64xbf16>, tile<64x256xbf16>, tile<128x256xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d1, %l = %lnew_d1, %acc = %accnew_d1) -> (tile<128xf32>, tile<128xf32>, tile<128x256xf32>) {
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

  entry @attention_fwd_causal_f16_d256_sm100(%q: tile<ptr<f16>>, %k: tile<ptr<f16>>, %v: tile<ptr<f16>>, %o: tile<ptr<f16>>,
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
    // the longest rows first: block x takes query block nq-1-x
    %last = subi %nqb, %one : tile<i32>
    %qb = subi %last, %bx : tile<i32>
    %q4, %t1 = load_view_tko weak %pq[%b, %qb, %h, %zero] : partition_view<tile=(1x128x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x128x1x256xf16>, token
    %qt = reshape %q4 : tile<1x128x1x256xf16> -> tile<128x256xf16>
    // softmax_scale * log2(e) = log2(e) / sqrt(256): exp2 of scaled scores
    %sl2 = constant <f32: 0.09016843885183334> : tile<128x64xf32>
    %zacc = constant <f32: 0.0> : tile<128x256xf32>
    %zs = constant <f32: 0.0> : tile<128x64xf32>
    %m0 = constant <f32: 0xFF800000> : tile<128xf32>
    %l0 = constant <f32: 0.0> : tile<128xf32>
    // the key blocks on the diagonal first, with the keys after each query
    // masked; the first gives every row a key, so m is finite from there on
    %ninf = constant <f32: 0xFF800000> : tile<128x64xf32>
    %ir = iota : tile<128xi32>
    %rows1 = reshape %ir : tile<128xi32> -> tile<128x1xi32>
    %rows = broadcast %rows1 : tile<128x1xi32> -> tile<128x64xi32>
    %ic = iota : tile<64xi32>
    %cols1 = reshape %ic : tile<64xi32> -> tile<1x64xi32>
    %cols = broadcast %cols1 : tile<1x64xi32> -> tile<128x64xi32>
    %cr = constant <i32: 2> : tile<i32>
    %qbr = muli %qb, %cr : tile<i32>
    %above_d0 = cmpi greater_than %cols, %rows, signed : tile<128x64xi32> -> tile<128x64xi1>
    %cj_d0 = constant <i32: 0> : tile<i32>
    %j_d0 = addi %qbr, %cj_d0 : tile<i32>
    %k4_d0, %t2_d0 = load_view_tko weak %pk[%b, %h, %zero, %j_d0] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xf16>, token
    %kt_d0 = reshape %k4_d0 : tile<1x1x256x64xf16> -> tile<256x64xf16>
    %qk_d0 = mmaf %qt, %kt_d0, %zs : tile<128x256xf16>, tile<256x64xf16>, tile<128x64xf32>
    %sc0_d0 = mulf %qk_d0, %sl2 : tile<128x64xf32>
    %sc_d0 = select %above_d0, %ninf, %sc0_d0 : tile<128x64xi1>, tile<128x64xf32>
    %smax_d0 = reduce %sc_d0 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d0 = maxf %m0, %smax_d0 : tile<128xf32>
    %dm_d0 = subf %m0, %mnew_d0 : tile<128xf32>
    %alpha_d0 = exp2 %dm_d0 : tile<128xf32>
    %mn1_d0 = reshape %mnew_d0 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d0 = broadcast %mn1_d0 : tile<128x1xf32> -> tile<128x64xf32>
    %sm_d0 = subf %sc_d0, %mnb_d0 : tile<128x64xf32>
    // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
    // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
    // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
    %p_d0_i1 = constant <i32: 1> : tile<i32>
    %p_d0_i2 = constant <i32: 2> : tile<i32>
    %p_d0_i3 = constant <i32: 3> : tile<i32>
    %p_d0_x0 = extract %sm_d0[%zero, %zero] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d0_x1 = extract %sm_d0[%zero, %p_d0_i1] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d0_x2 = extract %sm_d0[%zero, %p_d0_i2] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d0_x3 = extract %sm_d0[%zero, %p_d0_i3] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d0_e0 = exp2 %p_d0_x0 : tile<128x16xf32>
    %p_d0_e1 = exp2 %p_d0_x1 : tile<128x16xf32>
    %p_d0_e2 = exp2 %p_d0_x2 : tile<128x16xf32>
    %p_d0_lo = constant <f32: -127.0> : tile<128x16xf32>
    %p_d0_xc = maxf %p_d0_x3, %p_d0_lo : tile<128x16xf32>
    %p_d0_j = floor %p_d0_xc : tile<128x16xf32>
    %p_d0_f = subf %p_d0_xc, %p_d0_j : tile<128x16xf32>
    %p_d0_k3 = constant <f32: 0.0782281741> : tile<128x16xf32>
    %p_d0_k2 = constant <f32: 0.226269816> : tile<128x16xf32>
    %p_d0_k1 = constant <f32: 0.695502010> : tile<128x16xf32>
    %p_d0_k0 = constant <f32: 1.0> : tile<128x16xf32>
    %p_d0_h2 = fma %p_d0_f, %p_d0_k3, %p_d0_k2 : tile<128x16xf32>
    %p_d0_h1 = fma %p_d0_f, %p_d0_h2, %p_d0_k1 : tile<128x16xf32>
    %p_d0_h0 = fma %p_d0_f, %p_d0_h1, %p_d0_k0 : tile<128x16xf32>
    %p_d0_ji = ftoi %p_d0_j signed : tile<128x16xf32> -> tile<128x16xi32>
    %p_d0_c23 = constant <i32: 23> : tile<128x16xi32>
    %p_d0_sh = shli %p_d0_ji, %p_d0_c23 : tile<128x16xi32>
    %p_d0_hb = bitcast %p_d0_h0 : tile<128x16xf32> -> tile<128x16xi32>
    %p_d0_sb = addi %p_d0_hb, %p_d0_sh : tile<128x16xi32>
    %p_d0_e3 = bitcast %p_d0_sb : tile<128x16xi32> -> tile<128x16xf32>
    %p_d0_lo2 = cat %p_d0_e0, %p_d0_e1 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
    %p_d0_hi2 = cat %p_d0_e2, %p_d0_e3 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
    %p_d0 = cat %p_d0_lo2, %p_d0_hi2 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %psum_d0 = reduce %p_d0 dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d0 = mulf %l0, %alpha_d0 : tile<128xf32>
    %lnew_d0 = addf %la_d0, %psum_d0 : tile<128xf32>
    %al1_d0 = reshape %alpha_d0 : tile<128xf32> -> tile<128x1xf32>
    %alb_d0 = broadcast %al1_d0 : tile<128x1xf32> -> tile<128x256xf32>
    %acca_d0 = mulf %zacc, %alb_d0 : tile<128x256xf32>
    %pl_d0 = ftof %p_d0 : tile<128x64xf32> -> tile<128x64xf16>
    %v4_d0, %t3_d0 = load_view_tko weak %pv[%b, %j_d0, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xf16>, token
    %vt_d0 = reshape %v4_d0 : tile<1x64x1x256xf16> -> tile<64x256xf16>
    %accnew_d0 = mmaf %pl_d0, %vt_d0, %acca_d0 : tile<128x64xf16>, tile<64x256xf16>, tile<128x256xf32>
    %off_d1 = constant <i32: 64> : tile<128x64xi32>
    %colo_d1 = addi %cols, %off_d1 : tile<128x64xi32>
    %above_d1 = cmpi greater_than %colo_d1, %rows, signed : tile<128x64xi32> -> tile<128x64xi1>
    %cj_d1 = constant <i32: 1> : tile<i32>
    %j_d1 = addi %qbr, %cj_d1 : tile<i32>
    %k4_d1, %t2_d1 = load_view_tko weak %pk[%b, %h, %zero, %j_d1] : partition_view<tile=(1x1x256x64), tensor_view<?x?x256x?xf16, strides=[?,256,1,?]>>, tile<i32> -> tile<1x1x256x64xf16>, token
    %kt_d1 = reshape %k4_d1 : tile<1x1x256x64xf16> -> tile<256x64xf16>
    %qk_d1 = mmaf %qt, %kt_d1, %zs : tile<128x256xf16>, tile<256x64xf16>, tile<128x64xf32>
    %sc0_d1 = mulf %qk_d1, %sl2 : tile<128x64xf32>
    %sc_d1 = select %above_d1, %ninf, %sc0_d1 : tile<128x64xi1>, tile<128x64xf32>
    %smax_d1 = reduce %sc_d1 dim=1 identities=[0xFF800000 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = maxf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %mnew_d1 = maxf %mnew_d0, %smax_d1 : tile<128xf32>
    %dm_d1 = subf %mnew_d0, %mnew_d1 : tile<128xf32>
    %alpha_d1 = exp2 %dm_d1 : tile<128xf32>
    %mn1_d1 = reshape %mnew_d1 : tile<128xf32> -> tile<128x1xf32>
    %mnb_d1 = broadcast %mn1_d1 : tile<128x1xf32> -> tile<128x64xf32>
    %sm_d1 = subf %sc_d1, %mnb_d1 : tile<128x64xf32>
    // exp2 as FlashAttention-4 computes it on sm_100: three quarters of the columns on
    // the MUFU, the last quarter on the FMA units: 2^x = 2^floor(x) * p(x - floor(x)),
    // p a cubic (relative error 1.1e-4), floor(x) added to p's exponent field
    %p_d1_i1 = constant <i32: 1> : tile<i32>
    %p_d1_i2 = constant <i32: 2> : tile<i32>
    %p_d1_i3 = constant <i32: 3> : tile<i32>
    %p_d1_x0 = extract %sm_d1[%zero, %zero] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d1_x1 = extract %sm_d1[%zero, %p_d1_i1] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d1_x2 = extract %sm_d1[%zero, %p_d1_i2] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d1_x3 = extract %sm_d1[%zero, %p_d1_i3] : tile<128x64xf32> -> tile<128x16xf32>
    %p_d1_e0 = exp2 %p_d1_x0 : tile<128x16xf32>
    %p_d1_e1 = exp2 %p_d1_x1 : tile<128x16xf32>
    %p_d1_e2 = exp2 %p_d1_x2 : tile<128x16xf32>
    %p_d1_lo = constant <f32: -127.0> : tile<128x16xf32>
    %p_d1_xc = maxf %p_d1_x3, %p_d1_lo : tile<128x16xf32>
    %p_d1_j = floor %p_d1_xc : tile<128x16xf32>
    %p_d1_f = subf %p_d1_xc, %p_d1_j : tile<128x16xf32>
    %p_d1_k3 = constant <f32: 0.0782281741> : tile<128x16xf32>
    %p_d1_k2 = constant <f32: 0.226269816> : tile<128x16xf32>
    %p_d1_k1 = constant <f32: 0.695502010> : tile<128x16xf32>
    %p_d1_k0 = constant <f32: 1.0> : tile<128x16xf32>
    %p_d1_h2 = fma %p_d1_f, %p_d1_k3, %p_d1_k2 : tile<128x16xf32>
    %p_d1_h1 = fma %p_d1_f, %p_d1_h2, %p_d1_k1 : tile<128x16xf32>
    %p_d1_h0 = fma %p_d1_f, %p_d1_h1, %p_d1_k0 : tile<128x16xf32>
    %p_d1_ji = ftoi %p_d1_j signed : tile<128x16xf32> -> tile<128x16xi32>
    %p_d1_c23 = constant <i32: 23> : tile<128x16xi32>
    %p_d1_sh = shli %p_d1_ji, %p_d1_c23 : tile<128x16xi32>
    %p_d1_hb = bitcast %p_d1_h0 : tile<128x16xf32> -> tile<128x16xi32>
    %p_d1_sb = addi %p_d1_hb, %p_d1_sh : tile<128x16xi32>
    %p_d1_e3 = bitcast %p_d1_sb : tile<128x16xi32> -> tile<128x16xf32>
    %p_d1_lo2 = cat %p_d1_e0, %p_d1_e1 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
    %p_d1_hi2 = cat %p_d1_e2, %p_d1_e3 dim = 1 : tile<128x16xf32>, tile<128x16xf32> -> tile<128x32xf32>
    %p_d1 = cat %p_d1_lo2, %p_d1_hi2 dim = 1 : tile<128x32xf32>, tile<128x32xf32> -> tile<128x64xf32>
    %psum_d1 = reduce %p_d1 dim=1 identities=[0.0 : f32] : tile<128x64xf32> -> tile<128xf32>
    (%x: tile<f32>, %y: tile<f32>) {
      %r = addf %x, %y : tile<f32>
      yield %r : tile<f32>
    }
    %la_d1 = mulf %lnew_d0, %alpha_d1 : tile<128xf32>
    %lnew_d1 = addf %la_d1, %psum_d1 : tile<128xf32>
    %al1_d1 = reshape %alpha_d1 : tile<128xf32> -> tile<128x1xf32>
    %alb_d1 = broadcast %al1_d1 : tile<128x1xf32> -> tile<128x256xf32>
    %acca_d1 = mulf %accnew_d0, %alb_d1 : tile<128x256xf32>
    %pl_d1 = ftof %p_d1 : tile<128x64xf32> -> tile<128x64xf16>
    %v4_d1, %t3_d1 = load_view_tko weak %pv[%b, %j_d1, %h, %zero] : partition_view<tile=(1x64x1x256), tensor_view<?x?x?x256xf16, strides=[?,?,256,1]>>, tile<i32> -> tile<1x64x1x256xf16>, token
    %vt_d1 = reshape %v4_d1 : tile<1x64x1x256xf16> -> tile<64x256xf16>
    %accnew_d1 = mmaf %pl_d1, %vt_d1, %acca_d1 : tile<128x64xf16>, tile<64x256xf16>, tile<128x256xf32>
    // then the key blocks before them, unmasked
    %res:3 = for %j in (%zero to %qbr, step %one) : tile<i32>
        iter_values(%m = %mnew_d1, %l = %lnew_d1, %acc = %accnew_d1) -> (tile<128xf32>, tile<128xf32>, tile<128x256xf32>) {
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
