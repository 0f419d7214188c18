"""Shared setup of the Python tests: the package from this source tree,
the library from the build tree (TILESIM_LIB, set by tests/python.sh)."""

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SRCDIR, "python"))
sys.path.insert(0, HERE)

import tilesim  # noqa: E402
from tilesim import _lib  # noqa: E402


def has_bytecode_reader():
    return hasattr(_lib.lib(), "tilesim_load")


needs_bytecode = pytest.mark.skipif(
    not has_bytecode_reader(), reason="this libtilesim has no bytecode reader (tilesim_load)")


@pytest.fixture
def srcdir():
    return SRCDIR
