cuda_tile.module @arith_int {
  testing$func @k(%a: tile<16xi32>, %b: tile<16xi32>) {
    %s = addi %a, %b overflow<no_signed_wrap> : tile<16xi32>
    %d = subi %s, %b : tile<16xi32>
    %m = muli %d, %a overflow<no_wrap> : tile<16xi32>
    %q = divi %m, %b signed rounding<negative_inf> : tile<16xi32>
    %r = remi %q, %b unsigned : tile<16xi32>
    %h = mulhii %r, %a : tile<16xi32>
    %x = xori %h, %a : tile<16xi32>
    %o = ori %x, %b : tile<16xi32>
    %n = andi %o, %a : tile<16xi32>
    %l = shli %n, %b : tile<16xi32>
    %sr = shri %l, %b signed : tile<16xi32>
    %mx = maxi %sr, %a unsigned : tile<16xi32>
    %mn = mini %mx, %b signed : tile<16xi32>
    %ab = absi %mn : tile<16xi32>
    %ng = negi %ab : tile<16xi32>
    %c = cmpi less_than %ng, %a, signed : tile<16xi32> -> tile<16xi1>
    %sel = select %c, %a, %b : tile<16xi1>, tile<16xi32>
    return
  }
}
