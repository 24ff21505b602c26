"""Normalized indicator keys for metric phrases ("Industrial fixed-asset investment" ->
"industrial_fixed_asset_investment"), from data/indicators.json."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..data import load_json


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, regex.Pattern], ...]:
    return tuple((key, regex.compile("|".join(rec["patterns"]), regex.IGNORECASE))
                 for key, rec in load_json("indicators.json").items())


_SHARE = regex.compile(r"(?:^|\s)share\s+of\s", regex.IGNORECASE)


@lru_cache(maxsize=4096)
def indicator_for(metric: str | None) -> str | None:
    """The indicator key a metric phrase names, or None when it names no known indicator
    (nor for a share: "share of GDP" is a proportion, not GDP itself)."""
    if not metric or _SHARE.search(metric):
        return None
    for key, pattern in _table():
        if pattern.search(metric):
            return key
    return None


def label(key: str) -> str:
    """The canonical English label of an indicator key."""
    return load_json("indicators.json")[key]["label"]
