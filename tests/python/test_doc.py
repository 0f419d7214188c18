"""Every ```python block of doc/python.md runs (from the source tree),
so the documentation cannot go stale."""

import os
import re
import runpy

import pytest

from conftest import SRCDIR, needs_bytecode


def blocks(cutile):
    with open(os.path.join(SRCDIR, "doc", "python.md")) as f:
        found = re.findall(r"```python\n(.*?)```", f.read(), re.S)
    return [b for b in found if ("cuda.tile" in b) == cutile]


def run_blocks(code_blocks, tmp_path):
    """The blocks as one script in a file (cuTile reads a kernel's source
    from its file)."""
    path = tmp_path / "doc_python.py"
    path.write_text("\n".join(code_blocks))
    runpy.run_path(str(path), run_name="__main__")


def test_doc_text_blocks(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(SRCDIR)
    found = blocks(cutile=False)
    assert len(found) >= 2
    run_blocks(found, tmp_path)
    assert "load out of bounds" in capsys.readouterr().out


@needs_bytecode
def test_doc_cutile_blocks(monkeypatch, tmp_path):
    pytest.importorskip("cuda.tile", reason="cuTile Python (pip install cuda-tile) is not installed")
    monkeypatch.chdir(SRCDIR)
    found = blocks(cutile=True)
    assert found
    run_blocks(found, tmp_path)
