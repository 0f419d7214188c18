cuda_tile.module @"" {
}
