"""Normalized indicator keys for metric phrases ("Industrial fixed-asset investment" ->
"industrial_fixed_asset_investment"), from data/indicators.json."""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..data import load_json
from ..text import folded, lowered


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[tuple[str, re.Pattern], ...], re.Pattern]:
    """Each indicator's patterns as one case-insensitive pattern (run by `re` on the lowered
    metric, see text.folded), in the file's order; and all of them as one, which most metrics
    that name no indicator fail at once."""
    rows = tuple((key, folded(regex.compile("|".join(rec["patterns"]), regex.IGNORECASE)))
                 for key, rec in load_json("indicators.json").items() if not key.startswith("_"))
    return rows, re.compile("|".join(f"(?:{rx.pattern})" for _, rx in rows))


_SHARE = re.compile(r"(?:^|\s)share(?:\s+of\s|$)")  # "share of GDP", "exports to Central Asia share"


@lru_cache(maxsize=4096)
def indicator_for(metric: str | None) -> str | None:
    """The indicator key a metric phrase names, or None when it names no known indicator
    (nor for a share: "share of GDP" is a proportion, not GDP itself). The first indicator
    of the file whose pattern matches wins. Cached: the same metric phrases recur across
    articles ("retail sales", "GDP")."""
    if not metric:
        return None
    lc = lowered(metric)
    rows, any_rx = _table()
    if _SHARE.search(lc) or not any_rx.search(lc):
        return None
    for key, rx in rows:
        if rx.search(lc):
            return key
    return None


def label(key: str) -> str:
    """The canonical English label of an indicator key."""
    return load_json("indicators.json")[key]["label"]
