cuda_tile.module @math {
  testing$func @k(%a: tile<8x8xf16>, %b: tile<8x8xf32>) {
    %0 = exp %a : tile<8x8xf16>
    %1 = exp2 %b flush_to_zero : tile<8x8xf32>
    %2 = log %0 : tile<8x8xf16>
    %3 = log2 %b : tile<8x8xf32>
    %4 = sqrt %b rounding<approx> : tile<8x8xf32>
    %5 = rsqrt %b flush_to_zero : tile<8x8xf32>
    %6 = sin %a : tile<8x8xf16>
    %7 = cos %a : tile<8x8xf16>
    %8 = tanh %b rounding<approx> : tile<8x8xf32>
    %9 = tan %b : tile<8x8xf32>
    %10 = sinh %b : tile<8x8xf32>
    %11 = cosh %b : tile<8x8xf32>
    %12 = floor %b : tile<8x8xf32>
    %13 = ceil %b : tile<8x8xf32>
    %14 = absf %a : tile<8x8xf16>
    %15 = cmpf less_than ordered %b, %13 : tile<8x8xf32> -> tile<8x8xi1>
    return
  }
}
