// RUN: run %s --grid 1 e=zeros:f8E4M3FN:8 --expect e=@%S/../data/run/c8_const_ocp.npy
// RUN: run %s --grid 1 --hw mi300x e=zeros:f8E4M3FN:8 --expect e=@%S/../data/run/c8_const_fnuz.npy
//
// An f8E4M3FN constant holds the encoding of the hardware description:
// OCP by default, AMD's FNUZ under MI300X's (<numerics fp8="fnuz">): 1.0
// is 0x38 in one and 0x40 in the other, -0 has no FNUZ code (+0).
// References: ml_dtypes (tests/gen_run_refs.py, convert_fp8).
cuda_tile.module @fp8_constant {
  entry @k(%e: tile<ptr<f8E4M3FN>>) {
    %v = constant <f8E4M3FN: [1.0, -2.0, 0.5, -0.0, 0.015625, 240.0, 3.5, -0.125]> : tile<8xf8E4M3FN>
    %te = make_tensor_view %e, shape = [8], strides = [1] : tensor_view<8xf8E4M3FN, strides=[1]>
    %pe = make_partition_view %te : partition_view<tile=(8), tensor_view<8xf8E4M3FN, strides=[1]>>
    %zero = constant <i32: 0> : tile<i32>
    %t = store_view_tko weak %v, %pe[%zero] : tile<8xf8E4M3FN>, partition_view<tile=(8), tensor_view<8xf8E4M3FN, strides=[1]>>, tile<i32> -> token
  }
}
