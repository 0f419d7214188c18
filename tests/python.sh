#!/bin/sh
# The Python package's tests (tests/python/, pytest): tilesim.run on the
# examples and, when cuTile Python is installed, cuTile kernels exported by
# cuTile's own compiler and run here -- against the library just built.
# Exits 77 (skipped), saying why, without python3, numpy or pytest.
srcdir=${srcdir:-.}
PYTHON=${PYTHON:-python3}
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "SKIP: $PYTHON not found"; exit 77
fi
for m in numpy pytest; do
  if ! "$PYTHON" -c "import $m" >/dev/null 2>&1; then
    echo "SKIP: the Python module '$m' is not installed ($PYTHON -m pip install numpy pytest cuda-tile)"
    exit 77
  fi
done
lib=$(pwd)/.libs/libtilesim.so
if [ ! -e "$lib" ]; then
  echo "SKIP: no shared library $lib (configured with --disable-shared?)"; exit 77
fi
# a sanitizer build's library cannot be loaded into an uninstrumented python
if ldd "$lib" 2>/dev/null | grep -q -e libasan -e libubsan; then
  echo "SKIP: $lib is built with sanitizers"; exit 77
fi
if ! "$PYTHON" -c "import cuda.tile" >/dev/null 2>&1; then
  echo "note: cuTile Python (cuda-tile) is not installed: its tests are skipped"
fi
TILESIM_LIB=$lib PYTHONDONTWRITEBYTECODE=1 exec "$PYTHON" -m pytest -q -rs -p no:cacheprovider \
  "$srcdir/tests/python"
