// layernorm.mlir -- layer normalization of each row of an M x N f32 matrix:
// y = (x - mean) * rsqrt(var + eps) * gamma + beta, with mean and var
// (biased) over the row, and gamma, beta vectors of length N.
//
// What it teaches: a two-pass reduction over a row, masking lanes that
// lie outside the data, and broadcasting a vector along the other
// dimension.  Each tile block normalizes 4 rows with one 4x256 tile
// (N <= 256).  Padded lanes load as zero, which is harmless in the sum
// that gives the mean, but not in the variance, where they would add
// mean^2 each: a mask (column < N, from iota) selects 0 for them.
// Computing the variance from the centered values (x - mean), rather than
// as E[x^2] - mean^2, avoids the cancellation that ruins the latter when
// |mean| is large compared with the spread.  gamma and beta are loaded
// once as 256-element tiles and broadcast to 4x256.  Like Triton's
// layernorm, the kernel also stores each row's mean and 1/sigma (what a
// backward pass needs).
//
// Check it:  tilesim verify examples/layernorm.mlir
// Run it:    tilesim run examples/layernorm.mlir --grid 2 rand:f32:6x200:seed=1 \
//              rand:f32:200:seed=2 rand:f32:200:seed=3 zeros:f32:6x200 zeros:f32:6 \
//              zeros:f32:6 i32:6 i32:200 f32:1e-5 --out /tmp/ln
// Test it:   tilesim test examples/layernorm.mlir   (runs the RUN lines below)
// Grid:      (ceil(M/4), 1, 1)
//
// Tested on M=6 (a partial block of rows), N=200 (a partial tile), rows
// with means from -4 to 4 and spreads of 0.5 to 4, eps = 1e-5.  The
// reference is computed in float64 and rounded once to f32.  The kernel
// rounds the sums in f32 (relative error about sqrt(N) * 2^-24), and the
// error of the mean reaches y amplified by |mean| / sigma (up to 14 here)
// and gamma (up to 1.5): --atol 2e-5 --rtol 1e-5 on y.  mean and rstd are
// within a few ulps: --rtol 2e-6 (about 30 ulps).
// RUN: run %s --grid 2 @%S/../tests/data/examples/layernorm_x.npy @%S/../tests/data/examples/layernorm_gamma.npy @%S/../tests/data/examples/layernorm_beta.npy zeros:f32:6x200 zeros:f32:6 zeros:f32:6 i32:6 i32:200 f32:1e-5 --expect y=@%S/../tests/data/examples/layernorm_y.npy --atol 2e-5 --rtol 1e-5
// RUN: run %s --grid 2 @%S/../tests/data/examples/layernorm_x.npy @%S/../tests/data/examples/layernorm_gamma.npy @%S/../tests/data/examples/layernorm_beta.npy zeros:f32:6x200 zeros:f32:6 zeros:f32:6 i32:6 i32:200 f32:1e-5 --expect mean=@%S/../tests/data/examples/layernorm_mean.npy --expect rstd=@%S/../tests/data/examples/layernorm_rstd.npy --rtol 2e-6
cuda_tile.module @layernorm {
  entry @layernorm(%x: tile<ptr<f32>>, %gamma: tile<ptr<f32>>, %beta: tile<ptr<f32>>,
                   %y: tile<ptr<f32>>, %mean: tile<ptr<f32>>, %rstd: tile<ptr<f32>>,
                   %m: tile<i32>, %n: tile<i32>, %eps: tile<f32>) {
    %tx = make_tensor_view %x, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %ty = make_tensor_view %y, shape = [%m, %n], strides = [%n, 1] : tile<i32> -> tensor_view<?x?xf32, strides=[?,1]>
    %tg = make_tensor_view %gamma, shape = [%n], strides = [1] : tile<i32> -> tensor_view<?xf32, strides=[1]>
    %tb = make_tensor_view %beta, shape = [%n], strides = [1] : tile<i32> -> tensor_view<?xf32, strides=[1]>
    %tmean = make_tensor_view %mean, shape = [%m], strides = [1] : tile<i32> -> tensor_view<?xf32, strides=[1]>
    %trstd = make_tensor_view %rstd, shape = [%m], strides = [1] : tile<i32> -> tensor_view<?xf32, strides=[1]>
    %px = make_partition_view %tx : partition_view<tile=(4x256), padding_value = zero, tensor_view<?x?xf32, strides=[?,1]>>
    %py = make_partition_view %ty : partition_view<tile=(4x256), tensor_view<?x?xf32, strides=[?,1]>>
    %pg = make_partition_view %tg : partition_view<tile=(256), padding_value = zero, tensor_view<?xf32, strides=[1]>>
    %pb = make_partition_view %tb : partition_view<tile=(256), padding_value = zero, tensor_view<?xf32, strides=[1]>>
    %pmean = make_partition_view %tmean : partition_view<tile=(4), tensor_view<?xf32, strides=[1]>>
    %prstd = make_partition_view %trstd : partition_view<tile=(4), tensor_view<?xf32, strides=[1]>>
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %v, %t1 = load_view_tko weak %px[%bid, %zero] : partition_view<tile=(4x256), padding_value = zero, tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> tile<4x256xf32>, token
    // 1/N as a 4-element tile
    %nf = itof %n signed : tile<i32> -> tile<f32>
    %nf1 = reshape %nf : tile<f32> -> tile<1xf32>
    %nf4 = broadcast %nf1 : tile<1xf32> -> tile<4xf32>
    // mean = sum(x) / N (the zero padding adds nothing)
    %sum = reduce %v dim=1 identities=[0.0 : f32] : tile<4x256xf32> -> tile<4xf32>
    (%a: tile<f32>, %b: tile<f32>) {
      %r = addf %a, %b : tile<f32>
      yield %r : tile<f32>
    }
    %mu = divf %sum, %nf4 : tile<4xf32>
    %mu1 = reshape %mu : tile<4xf32> -> tile<4x1xf32>
    %mub = broadcast %mu1 : tile<4x1xf32> -> tile<4x256xf32>
    // centered values, 0 in the lanes past N
    %iota = iota : tile<256xi32>
    %cols1 = reshape %iota : tile<256xi32> -> tile<1x256xi32>
    %cols = broadcast %cols1 : tile<1x256xi32> -> tile<4x256xi32>
    %n1 = reshape %n : tile<i32> -> tile<1x1xi32>
    %nb = broadcast %n1 : tile<1x1xi32> -> tile<4x256xi32>
    %inside = cmpi less_than %cols, %nb, signed : tile<4x256xi32> -> tile<4x256xi1>
    %diff = subf %v, %mub : tile<4x256xf32>
    %fzero = constant <f32: 0.0> : tile<4x256xf32>
    %xc = select %inside, %diff, %fzero : tile<4x256xi1>, tile<4x256xf32>
    // var = sum((x - mean)^2) / N; rstd = 1 / sqrt(var + eps)
    %sq = mulf %xc, %xc : tile<4x256xf32>
    %ssq = reduce %sq dim=1 identities=[0.0 : f32] : tile<4x256xf32> -> tile<4xf32>
    (%a: tile<f32>, %b: tile<f32>) {
      %r = addf %a, %b : tile<f32>
      yield %r : tile<f32>
    }
    %var = divf %ssq, %nf4 : tile<4xf32>
    %eps1 = reshape %eps : tile<f32> -> tile<1xf32>
    %eps4 = broadcast %eps1 : tile<1xf32> -> tile<4xf32>
    %vareps = addf %var, %eps4 : tile<4xf32>
    %rs = rsqrt %vareps : tile<4xf32>
    %rs1 = reshape %rs : tile<4xf32> -> tile<4x1xf32>
    %rsb = broadcast %rs1 : tile<4x1xf32> -> tile<4x256xf32>
    // y = xc * rstd * gamma + beta, gamma and beta broadcast over the rows
    %g, %t2 = load_view_tko weak %pg[%zero] : partition_view<tile=(256), padding_value = zero, tensor_view<?xf32, strides=[1]>>, tile<i32> -> tile<256xf32>, token
    %b, %t3 = load_view_tko weak %pb[%zero] : partition_view<tile=(256), padding_value = zero, tensor_view<?xf32, strides=[1]>>, tile<i32> -> tile<256xf32>, token
    %g1 = reshape %g : tile<256xf32> -> tile<1x256xf32>
    %gb = broadcast %g1 : tile<1x256xf32> -> tile<4x256xf32>
    %b1 = reshape %b : tile<256xf32> -> tile<1x256xf32>
    %bb = broadcast %b1 : tile<1x256xf32> -> tile<4x256xf32>
    %xn = mulf %xc, %rsb : tile<4x256xf32>
    %xg = mulf %xn, %gb : tile<4x256xf32>
    %out = addf %xg, %bb : tile<4x256xf32>
    %t4 = store_view_tko weak %out, %py[%bid, %zero] : tile<4x256xf32>, partition_view<tile=(4x256), tensor_view<?x?xf32, strides=[?,1]>>, tile<i32> -> token
    %t5 = store_view_tko weak %mu, %pmean[%bid] : tile<4xf32>, partition_view<tile=(4), tensor_view<?xf32, strides=[1]>>, tile<i32> -> token
    %t6 = store_view_tko weak %rs, %prstd[%bid] : tile<4xf32>, partition_view<tile=(4), tensor_view<?xf32, strides=[1]>>, tile<i32> -> token
  }
}
