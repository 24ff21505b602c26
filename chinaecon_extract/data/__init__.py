"""Packaged data files, read through importlib.resources and cached.

JSON files may carry a top-level "_comment" describing their format; loaders refuse
duplicate keys so a data edit cannot silently shadow an entry.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k!r} in a chinaecon_extract data file")
        out[k] = v
    return out


def read_text(name: str) -> str:
    """Text of the data file `name` (a path relative to chinaecon_extract/data)."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: str) -> dict[str, Any]:
    """Parsed JSON data file, with its "_comment" key dropped."""
    d = json.loads(read_text(name), object_pairs_hook=_no_duplicates)
    if isinstance(d, dict):
        d.pop("_comment", None)
    return d


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Records of a JSONL data file; blank lines and lines starting with // are skipped."""
    out = []
    for line in read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            out.append(json.loads(line, object_pairs_hook=_no_duplicates))
    return tuple(out)
