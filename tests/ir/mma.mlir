// Matrix multiply-accumulate: mmaf for every operand/accumulator pairing,
// batched (rank 3) forms and fast_acc; mmai with both signednesses;
// block-scaled mmaf_scaled (13.3).

cuda_tile.module @mma {
  testing$func @mmaf(%h16: tile<16x32xf16>, %h32: tile<32x8xf16>, %acc16: tile<16x8xf16>, %acc32: tile<16x8xf32>,
                     %b16: tile<16x32xbf16>, %b32: tile<32x8xbf16>,
                     %t16: tile<16x32xtf32>, %t32: tile<32x8xtf32>,
                     %f16: tile<16x32xf32>, %f32: tile<32x8xf32>,
                     %d16: tile<16x32xf64>, %d32: tile<32x8xf64>, %acc64: tile<16x8xf64>,
                     %e16: tile<16x32xf8E4M3FN>, %e32: tile<32x8xf8E4M3FN>,
                     %m16: tile<16x32xf8E5M2>, %m32: tile<32x8xf8E5M2>) {
    %0 = mmaf %h16, %h32, %acc16 : tile<16x32xf16>, tile<32x8xf16>, tile<16x8xf16>
    %1 = mmaf %h16, %h32, %acc32 : tile<16x32xf16>, tile<32x8xf16>, tile<16x8xf32>
    %2 = mmaf %b16, %b32, %acc32 : tile<16x32xbf16>, tile<32x8xbf16>, tile<16x8xf32>
    %3 = mmaf %t16, %t32, %acc32 : tile<16x32xtf32>, tile<32x8xtf32>, tile<16x8xf32>
    %4 = cuda_tile.mmaf %f16, %f32, %acc32 : !cuda_tile.tile<16x32xf32>, !cuda_tile.tile<32x8xf32>, !cuda_tile.tile<16x8xf32>
    %5 = mmaf %d16, %d32, %acc64 : tile<16x32xf64>, tile<32x8xf64>, tile<16x8xf64>
    %6 = mmaf %e16, %e32, %acc16 : tile<16x32xf8E4M3FN>, tile<32x8xf8E4M3FN>, tile<16x8xf16>
    %7 = mmaf %e16, %e32, %acc32 fast_acc : tile<16x32xf8E4M3FN>, tile<32x8xf8E4M3FN>, tile<16x8xf32>
    %8 = mmaf %m16, %m32, %acc32 fast_acc : tile<16x32xf8E5M2>, tile<32x8xf8E5M2>, tile<16x8xf32>
    return
  }

  testing$func @batched(%a: tile<2x16x32xf16>, %b: tile<2x32x8xf16>, %c: tile<2x16x8xf32>, %x: tile<4x16x64xi8>, %y: tile<4x64x16xi8>, %z: tile<4x16x16xi32>) {
    %0 = mmaf %a, %b, %c : tile<2x16x32xf16>, tile<2x32x8xf16>, tile<2x16x8xf32>
    %1 = mmai %x, %y, %z signed signed : tile<4x16x64xi8>, tile<4x64x16xi8>, tile<4x16x16xi32>
    return
  }

  testing$func @mmai(%a: tile<16x64xi8>, %b: tile<64x16xi8>, %c: tile<16x16xi32>) {
    %0 = mmai %a, %b, %c signed signed : tile<16x64xi8>, tile<64x16xi8>, tile<16x16xi32>
    %1 = mmai %a, %b, %c signed unsigned : tile<16x64xi8>, tile<64x16xi8>, tile<16x16xi32>
    %2 = mmai %a, %b, %c unsigned signed : tile<16x64xi8>, tile<64x16xi8>, tile<16x16xi32>
    %3 = cuda_tile.mmai %a, %b, %c unsigned unsigned : tile<16x64xi8>, tile<64x16xi8>, tile<16x16xi32>
    return
  }

  // mmaf_scaled: f8 operands need one scale per 32 of K, f4 with e4m3
  // scales one per 16, f4 with e8m0 scales one per 16 or 32.
  testing$func @scaled(%e: tile<16x64xf8E4M3FN>, %f: tile<64x8xf8E4M3FN>, %m: tile<16x64xf8E5M2>, %n: tile<64x8xf8E5M2>,
                       %q: tile<16x64xf4E2M1FN>, %r: tile<64x8xf4E2M1FN>, %acc: tile<16x8xf32>,
                       %sa2: tile<16x2xf8E8M0FNU>, %sb2: tile<2x8xf8E8M0FNU>,
                       %sa4: tile<16x4xf8E4M3FN>, %sb4: tile<4x8xf8E4M3FN>,
                       %ua4: tile<16x4xf8E8M0FNU>, %ub4: tile<4x8xf8E8M0FNU>) {
    %0 = mmaf_scaled %e, %f, %acc, %sa2, %sb2 : tile<16x64xf8E4M3FN>, tile<64x8xf8E4M3FN>, tile<16x8xf32>, tile<16x2xf8E8M0FNU>, tile<2x8xf8E8M0FNU>
    %1 = mmaf_scaled %m, %n, %acc, %sa2, %sb2 : tile<16x64xf8E5M2>, tile<64x8xf8E5M2>, tile<16x8xf32>, tile<16x2xf8E8M0FNU>, tile<2x8xf8E8M0FNU>
    %2 = mmaf_scaled %q, %r, %acc, %sa4, %sb4 : tile<16x64xf4E2M1FN>, tile<64x8xf4E2M1FN>, tile<16x8xf32>, tile<16x4xf8E4M3FN>, tile<4x8xf8E4M3FN>
    %3 = cuda_tile.mmaf_scaled %q, %r, %acc, %ua4, %ub4 : tile<16x64xf4E2M1FN>, tile<64x8xf4E2M1FN>, tile<16x8xf32>, tile<16x4xf8E8M0FNU>, tile<4x8xf8E8M0FNU>
    %4 = mmaf_scaled %q, %r, %acc, %sa2, %sb2 : tile<16x64xf4E2M1FN>, tile<64x8xf4E2M1FN>, tile<16x8xf32>, tile<16x2xf8E8M0FNU>, tile<2x8xf8E8M0FNU>
    return
  }
}
