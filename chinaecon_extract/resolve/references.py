"""Anaphora: "the city", "the province", "the new area", "the company" -> the entity meant.

A Reference resolves to the nearest earlier place (or organization) of a fitting level or
kind, else the nearest later one in the same article. `in_force()` answers "which place
or organization is in force at offset X" for the fact linker.
"""
from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_left, bisect_right
from typing import Iterable, Iterator, Sequence

from ..gazetteer import load as load_gazetteer
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
    "area": ("location", ("zone", "new_area")),
    "village": ("location", ("other",)),
    "town": ("location", ("other",)),
    "country": ("location", ("country",)),
    "company": ("organization", ("company",)),
    "firm": ("organization", ("company",)),
    "group": ("organization", ("company",)),
    "enterprise": ("organization", ("company",)),
    "bureau": ("organization", ("government",)),
}
# "the city of Xi'an" names the city itself; "the city-level" and "the autonomous region level"
# are grades; "the whole prefecture" is the prefecture.
# Case-insensitive except the first letter, which opens the pattern as a plain [Tt] so the regex
# engine skips ahead to the next t/T in C instead of trying every position (a global re.I
# flag, or a leading \b, turns that skip off); the lookbehind after it is the \b before "the".
REF = re.compile(r"(?:[Tt](?<!\w.)(?i:he)|[Oo](?<!\w.)(?i:ur))(?i: (?:whole |entire )?("
                 + "|".join(sorted(PHRASES, key=len, reverse=True)) + r")\b(?!\s+of\b)(?!-)(?!\s+level\b))")
# ("our city": translations of government sites write the city's own voice.)
# The same matches in the lower-cased text of an ASCII text (where lower() keeps every offset):
# case-sensitive, so the engine finds its literal prefix "the" by a fast C search and tries the
# phrases only there; the lookbehind is the \b before "the".
REF_LOWER = re.compile(r"(?:the(?<!\wthe)|our(?<!\wour)) (?:whole |entire )?(" + "|".join(sorted(PHRASES, key=len, reverse=True))
                       + r")\b(?!\s+of\b)(?!-)(?!\s+level\b)")


@lru_cache(maxsize=1)
def _province_names() -> dict[str, str]:
    """First two digits of a division code -> the name of its province."""
    return {e.code[:2]: e.name for e in load_gazetteer().entries if e.level == "province" and e.code}


@lru_cache(maxsize=1)
def _county_kinds() -> dict[str, str]:
    """Division code -> gazetteer kind ("county", "county_city", ...) of county-level places."""
    return {e.code: e.kind for e in load_gazetteer().entries if e.level == "county"}


def _fits(m: Mention, kind: str, levels: tuple[str, ...], phrase: str) -> bool:
    if kind == "location":
        if not isinstance(m, Place) or m.level not in levels:
            return False
        if phrase == "city" and m.level == "province":  # only the four municipalities are cities
            return m.name in ("Beijing", "Shanghai", "Tianjin", "Chongqing")
        if phrase in ("village", "town"):  # "the village" is a village, not a mountain or a port
            written = m.text.lower()
            return (written[:-2] if written.endswith("'s") else written).endswith(("village", "town", "township"))
        if phrase == "city" and m.level == "county":  # a county-level city ("Yumen", "Dunhuang City"), not a county
            return m.text.lower().endswith("city") or _county_kinds().get(m.code) == "county_city"
        return True
    return isinstance(m, Organization) and m.kind in levels


def _named_inside(entities: Sequence[Mention]) -> list[Place]:
    """The place that opens an organization's name ("Suining City Economy and Information Technology
    Bureau" -> Suining): no place mention of its own, but what "our city" after it means."""
    gaz = load_gazetteer()
    out = []
    for e in entities:
        if not isinstance(e, Organization):
            continue
        words = e.text.split(" ", 3)[:3]
        for n in (2, 1):
            if len(words) <= n:
                continue
            found = gaz.lookup(" ".join(words[:n]))
            if found and found[0].level != "country":
                g = found[0]
                stop = e.start + len(" ".join(words[:n]))
                out.append(Place(e.start, stop, e.text[:stop - e.start], name=g.name, level=g.level, parent=g.parent,
                                 code=g.code))
                break
    return out


def find_references(text: str, entities: Sequence[Mention]) -> Iterator[Reference]:
    """Anaphoric phrases in the normalized `text`, resolved against `entities` (places and
    organizations, any order). Unresolved phrases come back with name None.

    Speed: entities are sorted by start once; an earlier entity (end <= phrase start) starts at
    or before the phrase and a later one starts at or after its end, so a bisect on the starts
    bounds each of the two scans instead of walking every entity. An ASCII text is scanned
    lower-cased with REF_LOWER (same matches, found faster)."""
    ents = sorted([*entities, *_named_inside(entities)], key=lambda m: m.start)
    starts = [e.start for e in ents]
    matches = REF_LOWER.finditer(text.lower()) if text.isascii() else REF.finditer(text)
    for m in matches:
        phrase = m.group(1).lower()  # (the pattern allows single spaces only: no need to collapse)
        if phrase not in PHRASES:
            continue
        kind, levels = PHRASES[phrase]
        start, end = m.span()
        target = None
        # "the region" is first of all an autonomous region (province level), then a prefecture-level region
        whole = kind == "location" and m.group(0).lower().split()[1] in ("whole", "entire")
        for tier in ((levels[:1], levels) if phrase == "region" else (levels,)):
            for e in reversed(ents[:bisect_right(starts, start)]):
                if e.end <= start and _fits(e, kind, tier, phrase):
                    # "the whole city" after its parts ("Shehong City ..., Chuanshan District ...") is the
                    # highest place that fits: the nearest unless an earlier one stands above it
                    if target is None or whole and levels.index(e.level) < levels.index(target.level):
                        target = e
                    if not whole:
                        break
            if target is not None:
                break
        # a later country is not "the country" ("Jinchuan, the country's largest nickel producer, ...
        # buyers in Kazakhstan"): with none before it, the country of Chinese news is China
        if target is None and phrase != "country":
            # (within its paragraph: "the village collective economy" closing one paragraph is not the
            # village the next one opens on)
            stop = text.find("\n", end)
            for e in ents[bisect_left(starts, end):]:
                if 0 <= stop < e.start:
                    break
                if e.start >= end and _fits(e, kind, levels, phrase):
                    target = e
                    break
        if target is None and phrase == "province":
            # "higher than the whole province" in a Linxia report: the province Linxia lies in
            home = next((e for e in reversed(ents[:bisect_right(starts, start)])
                         if isinstance(e, Place) and e.code and e.end <= start), None)
            name = _province_names().get(home.code[:2]) if home is not None else None
            if name is not None:
                yield Reference(start, end, text[start:end], kind=kind, name=name, level="province")
                continue
        if target is None and phrase == "country":
            yield Reference(start, end, text[start:end], kind=kind, name="China", level="country")
            continue
        yield Reference(start, end, text[start:end], kind=kind, name=getattr(target, "name", None),
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
