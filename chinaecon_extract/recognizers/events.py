"""Named events ("the 136th China Import and Export Fair"): spans whose inner place names
are not places of the report. Pure function over the normalized text; vocabulary in
data/events.json."""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import load_json

_WORD_BEFORE = re.compile(r"([\w'’&.-]+)\s+$")
_NAME_GOES_ON = re.compile(r" [A-Z]")


@lru_cache(maxsize=1)
def _vocab() -> tuple[re.Pattern, frozenset, frozenset]:
    d = load_json("events.json")
    nouns = "|".join(sorted((re.escape(n) for n in d["nouns"]), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{nouns})(?![\w-])"), frozenset(d["connectors"]), frozenset(d["leading_words"])


def find_events(text: str) -> list[tuple[int, int]]:
    """(start, end) of each event name: the capitalized run that ends in an event noun and holds
    at least one word before it. Walked back word by word, so a long run costs no backtracking."""
    nouns, connectors, leading = _vocab()
    out: list[tuple[int, int]] = []
    for m in nouns.finditer(text):
        if _NAME_GOES_ON.match(text, m.end()):
            continue  # "the Canton Fair Complex", "the Expo Center": a place named after the event
        start, at = None, m.start()
        while True:
            w = _WORD_BEFORE.search(text, max(0, at - 40), at)
            if w is None:
                break
            word = w.group(1)
            if word[0].isupper() and word not in leading:
                start = at = w.start()
            elif word in connectors and start is not None:
                at = w.start()
            else:
                break
        if start is not None:
            out.append((start, m.end()))
    return out
