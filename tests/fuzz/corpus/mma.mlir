cuda_tile.module @mma {
  testing$func @k(%a: tile<64x32xf16>, %b: tile<32x128xf16>, %c: tile<64x128xf32>,
           %x: tile<16x32xi8>, %y: tile<32x16xi8>, %z: tile<16x16xi32>) {
    %0 = mmaf %a, %b, %c : tile<64x32xf16>, tile<32x128xf16>, tile<64x128xf32>
    %1 = mmaf %a, %b, %0 fast_acc : tile<64x32xf16>, tile<32x128xf16>, tile<64x128xf32>
    %2 = mmai %x, %y, %z signed unsigned : tile<16x32xi8>, tile<32x16xi8>, tile<16x16xi32>
    return
  }
}
