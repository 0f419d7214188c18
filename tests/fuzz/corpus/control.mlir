cuda_tile.module @control {
  entry @k(%n: tile<i32>, %x: tile<f32>) {
    %c0 = constant <i32: 0> : tile<i32>
    %c1 = constant <i32: 1> : tile<i32>
    %acc = for %iv in (%c0 to %n, step %c1) : tile<i32> iter_values(%s = %x) -> (tile<f32>) {
      %y = addf %s, %x : tile<f32>
      continue %y : tile<f32>
    }
    for unsigned %j in (%c0 to %n, step %c1) : tile<i32> {
    }
    %c = cmpi equal %n, %c0, signed : tile<i32> -> tile<i1>
    %r = if %c -> (tile<f32>) {
      yield %acc : tile<f32>
    } else {
      yield %x : tile<f32>
    }
    %l = loop iter_values(%i = %c0) : tile<i32> -> tile<i32> {
      %d = cmpi greater_than_or_equal %i, %n, signed : tile<i32> -> tile<i1>
      if %d {
        break %i : tile<i32>
      }
      %next = addi %i, %c1 : tile<i32>
      continue %next : tile<i32>
    }
    return
  }
}
