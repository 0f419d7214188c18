// Discardable attributes: an op's {attr-dict} prints in MLIR's canonical
// form (sorted by name, `name = value`, unit attributes by name alone,
// typed integers), wherever the op's format puts it: before the ':' for
// most ops, after the type for constant (its format ends in attr-dict).

cuda_tile.module @attr_dict {
  testing$func @dicts(%x: tile<f32>, %i: tile<i32>) {
    %a = addf %x, %x {my.b = "s", my.a = 1 : i32} : tile<f32>
    %b = subi %i, %i {my.attr=1:i32} : tile<i32>
    %c = addf %x, %x flush_to_zero {my.flag} : tile<f32>
    %d = constant <i32: 1> : tile<i32> {my.tag = "x"}
    %e = negf %x {} : tile<f32>
    return
  }
}
