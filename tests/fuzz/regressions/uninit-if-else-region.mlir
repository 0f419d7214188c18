cuda_tile.module @m {
  entry @e(%c: tile<i1>) {
    if %c {
    } else {
      %x = constant <i32: 5> : tile<i32>
    }
    if %c {
    }
    return
  }
}
