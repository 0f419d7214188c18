cuda_tile.module @m { entry @e(%c: tile<i1>) {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
if %c {
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
} }
