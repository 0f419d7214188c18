#!/bin/sh
# mpi.sh -- a sweep split over two MPI ranks writes the same CSV and SVG as
# one process.  Skipped (77) when tilesim is built without MPI
# (configure --with-mpi) or mpirun is missing.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 99
if ! "$TILESIM" sweep --help | grep -q 'built with MPI'; then
  echo "mpi.sh: tilesim is built without MPI (configure --with-mpi); skipped"
  exit 77
fi
command -v mpirun >/dev/null 2>&1 || { echo "mpi.sh: no mpirun; skipped"; exit 77; }
MPIRUN="mpirun -n 2"
if mpirun --version 2>&1 | grep -q 'Open MPI'; then
  MPIRUN="mpirun --oversubscribe -n 2"
  OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
  export OMPI_ALLOW_RUN_AS_ROOT OMPI_ALLOW_RUN_AS_ROOT_CONFIRM OMPI_MCA_rmaps_base_oversubscribe
fi

set -- sweep "$GEMM" --entry gemm_bf16 --hw b200 --hw h200 --shape N=512,768,1024 \
  --grid "$GEMM_GRID" --vary sm.smem.bandwidth=64,128,256 --threads 1
"$TILESIM" "$@" --svg one.svg $GEMM_TMPL > one.csv || { echo "FAIL: single-process sweep"; exit 1; }
$MPIRUN "$TILESIM" "$@" --svg two.svg $GEMM_TMPL > two.csv || { echo "FAIL: mpirun -n 2 sweep"; exit 1; }
check "19 lines" test "$(wc -l < one.csv | tr -d " ")" = 19
check "same CSV under mpirun -n 2" cmp one.csv two.csv
check "same SVG under mpirun -n 2" cmp one.svg two.svg

# a failing point fails every rank, and rank 0 writes nothing
$MPIRUN "$TILESIM" sweep "$GEMM" --entry gemm_bf16 --grid 4 --vary sm.nothing=1,2 \
  $(gemm_args 512) > out.csv 2> err
check "failure under mpirun" test $? != 0
check "no CSV after a failure" test ! -s out.csv
finish
