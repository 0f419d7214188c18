// RUN: run %s --grid 3 table=@%S/../data/run/emb_table.npy ids=@%S/../data/run/emb_ids.npy out=zeros:f16:24x32 --expect out=@%S/../data/run/emb_out.npy
//
// An embedding lookup: out[i, :] = table[ids[i], :] for 24 ids into a
// 50x32 f16 table, 8 rows per block, read through a gather_scatter_view
// (sparse_dim 0) and written through a partition view.  Some ids are past
// the table: their rows read as the padding value (zero).
cuda_tile.module @embedding {
  entry @lookup(%table: tile<ptr<f16>>, %ids: tile<ptr<i32>>, %out: tile<ptr<f16>>) {
    %bid, %by, %bz = get_tile_block_id : tile<i32>
    %zero = constant <i32: 0> : tile<i32>
    %tid = make_tensor_view %ids, shape = [24], strides = [1] : tensor_view<24xi32, strides=[1]>
    %pid = make_partition_view %tid : partition_view<tile=(8), tensor_view<24xi32, strides=[1]>>
    %rows, %t0 = load_view_tko weak %pid[%bid] : partition_view<tile=(8), tensor_view<24xi32, strides=[1]>>, tile<i32> -> tile<8xi32>, token
    %tt = make_tensor_view %table, shape = [50, 32], strides = [32, 1] : tensor_view<50x32xf16, strides=[32,1]>
    %gv = make_gather_scatter_view %tt : gather_scatter_view<tile=(8x32), padding_value = zero, tensor_view<50x32xf16, strides=[32,1]>, sparse_dim=0>
    %v, %t1 = load_view_tko weak %gv[%rows, %zero] : gather_scatter_view<tile=(8x32), padding_value = zero, tensor_view<50x32xf16, strides=[32,1]>, sparse_dim=0>, tile<8xi32>, tile<i32> -> tile<8x32xf16>, token
    %to = make_tensor_view %out, shape = [24, 32], strides = [32, 1] : tensor_view<24x32xf16, strides=[32,1]>
    %po = make_partition_view %to : partition_view<tile=(8x32), tensor_view<24x32xf16, strides=[32,1]>>
    %t2 = store_view_tko weak %v, %po[%bid, %zero] : tile<8x32xf16>, partition_view<tile=(8x32), tensor_view<24x32xf16, strides=[32,1]>>, tile<i32> -> token
  }
}
