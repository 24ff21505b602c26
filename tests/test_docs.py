"""Every ```python block in README.md and docs/*.md runs (docs executed as tests)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCKS = [(p, i, code) for p in DOCS
          for i, code in enumerate(re.findall(r"```python\n(.*?)```", p.read_text(encoding="utf-8"), re.S))]


@pytest.mark.parametrize("path,index,code", BLOCKS, ids=[f"{p.name}#{i}" for p, i, _ in BLOCKS])
def test_docs_python_blocks_run(path, index, code, capsys):
    exec(compile(code, f"{path.name}[{index}]", "exec"), {"__name__": "__docs__"})
