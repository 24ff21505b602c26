"""Anaphora: "the city", "the province", "the new area", "the company" -> the entity meant.

A Reference resolves to the nearest earlier place (or organization) of a fitting level or
kind, else the nearest later one in the same article. `in_force()` answers "which place
or organization is in force at offset X" for the fact linker.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Iterable, Iterator, Sequence

from ..results import Mention, Organization, Place, Reference

# phrase -> (kind, levels it can point to; for organizations the organization kinds)
PHRASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "city": ("location", ("prefecture", "county", "province")),
    "province": ("location", ("province",)),
    "region": ("location", ("province", "prefecture")),
    "autonomous region": ("location", ("province",)),
    "prefecture": ("location", ("prefecture",)),
    "municipality": ("location", ("province",)),
    "county": ("location", ("county",)),
    "district": ("location", ("district", "county")),
    "new area": ("location", ("new_area",)),
    "new district": ("location", ("new_area",)),
    "park": ("location", ("zone",)),
    "zone": ("location", ("zone",)),
    "village": ("location", ("other",)),
    "town": ("location", ("other",)),
    "country": ("location", ("country",)),
    "company": ("organization", ("company",)),
    "firm": ("organization", ("company",)),
    "group": ("organization", ("company",)),
    "enterprise": ("organization", ("company",)),
    "bureau": ("organization", ("government",)),
}
# "the city of Xi'an" names the city itself; "the city-level" is an adjective.
# Case-insensitive except the first letter, which opens the pattern as a plain [Tt] so the regex
# engine skips ahead to the next t/T in C instead of trying every position (a global re.I
# flag, or a leading \b, turns that skip off); the lookbehind after it is the \b before "the".
REF = re.compile(r"[Tt](?<!\w.)(?i:he (" + "|".join(sorted(PHRASES, key=len, reverse=True))
                 + r")\b(?!\s+of\b)(?!-))")


def _fits(m: Mention, kind: str, levels: tuple[str, ...], phrase: str) -> bool:
    if kind == "location":
        if not isinstance(m, Place) or m.level not in levels:
            return False
        if phrase == "city" and m.level == "province":  # only the four municipalities are cities
            return m.name in ("Beijing", "Shanghai", "Tianjin", "Chongqing")
        return True
    return isinstance(m, Organization) and m.kind in levels


def find_references(text: str, entities: Sequence[Mention]) -> Iterator[Reference]:
    """Anaphoric phrases in the normalized `text`, resolved against `entities` (places and
    organizations, any order). Unresolved phrases come back with name None.

    Speed: entities are sorted by start once; an earlier entity (end <= phrase start) starts at
    or before the phrase and a later one starts at or after its end, so a bisect on the starts
    bounds each of the two scans instead of walking every entity."""
    ents = sorted(entities, key=lambda m: m.start)
    starts = [e.start for e in ents]
    for m in REF.finditer(text):
        phrase = m.group(1).lower()
        phrase = " ".join(phrase.split())
        if phrase not in PHRASES:
            continue
        kind, levels = PHRASES[phrase]
        target = None
        for e in reversed(ents[:bisect_right(starts, m.start())]):
            if e.end <= m.start() and _fits(e, kind, levels, phrase):
                target = e
                break
        if target is None:
            for e in ents[bisect_left(starts, m.end()):]:
                if e.start >= m.end() and _fits(e, kind, levels, phrase):
                    target = e
                    break
        if target is None and phrase == "country":
            yield Reference(m.start(), m.end(), text[m.start():m.end()], kind=kind, name="China", level="country")
            continue
        yield Reference(m.start(), m.end(), text[m.start():m.end()], kind=kind,
                        name=getattr(target, "name", None),
                        level=(target.level if isinstance(target, Place) else None))


def in_force(mentions: Iterable[Mention], offset: int, *, kind: str = "location",
             levels: tuple[str, ...] | None = None) -> Mention | None:
    """The place (kind "location") or organization in force at `offset`: the last Place /
    Organization, or resolved Reference of that kind, ending before `offset`."""
    best = None
    for m in mentions:
        if m.end > offset:
            continue
        if kind == "location":
            ok = (isinstance(m, Place) and (levels is None or m.level in levels)) or (
                isinstance(m, Reference) and m.kind == "location" and m.name
                and (levels is None or m.level in levels))
        else:
            ok = isinstance(m, Organization) or (isinstance(m, Reference) and m.kind == "organization" and m.name)
        if ok and (best is None or m.end > best.end):
            best = m
    return best
