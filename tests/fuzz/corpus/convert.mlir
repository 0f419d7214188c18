cuda_tile.module @convert {
  testing$func @k(%a: tile<32xf32>, %i: tile<32xi16>) {
    %0 = ftof %a : tile<32xf32> -> tile<32xbf16>
    %1 = ftoi %a signed : tile<32xf32> -> tile<32xi32>
    %2 = itof %i unsigned : tile<32xi16> -> tile<32xf16>
    %3 = exti %i signed : tile<32xi16> -> tile<32xi64>
    %4 = trunci %3 : tile<32xi64> -> tile<32xi8>
    %5 = bitcast %a : tile<32xf32> -> tile<32xi32>
    %6 = reshape %a : tile<32xf32> -> tile<4x8xf32>
    %7 = permute %6 [1, 0] : tile<4x8xf32> -> tile<8x4xf32>
    %8 = reshape %a : tile<32xf32> -> tile<1x32xf32>
    %9 = broadcast %8 : tile<1x32xf32> -> tile<4x32xf32>
    %10 = cat %9, %9 dim = 0 : tile<4x32xf32>, tile<4x32xf32> -> tile<8x32xf32>
    return
  }
}
