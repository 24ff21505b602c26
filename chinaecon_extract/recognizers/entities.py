"""Places, organizations, people and references together: the organizations, people and
events found first block the places inside their names, and "the city" resolves against both.
Pure functions; the spaCy adapter is components/entities.py."""
from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter

from ..resolve.references import find_references
from ..results import Organization
from .events import find_events
from .organizations import find_organizations, org_lexicon
from .people import find_people, vocab
from .places import Tokens, find_places, lexicon, respelled
from .places import load as gazetteer

SOURCE_CUE = re.compile(r"according to (?:the )?\Z", re.I)
PERSON_OF = re.compile(r",\s*(?:(?:an?|the)\s+)?[\w\s-]*?\b(?:of|with|at|from)\s+")


@lru_cache(maxsize=1)
def _start_words() -> tuple[frozenset, ...]:
    """The words organizations, pattern places and people start from (Tokens.among): one
    pass over the tokens flags them all."""
    return org_lexicon().triggers, lexicon().suffix_starts, vocab()["surnames"]


def recognize(text: str):
    """Organizations, places, people and references in the normalized text (pure function)."""
    toks = Tokens.of(text, _start_words())
    orgs = list(find_organizations(text, tokens=toks))
    if orgs and "(" in text:
        orgs = _acronym_uses(text, orgs)
    people = list(find_people(text, tokens=toks, organizations=orgs))
    # (an event's name holds places that are not the report's: "the China Import and Export Fair")
    blocked = [(o.start, o.end) for o in orgs] + [(p.start, p.end) for p in people] + find_events(text)
    places = []
    for p in find_places(text, tokens=toks, blocked=blocked):
        if p.level == "zone" and SOURCE_CUE.search(text, max(0, p.start - 20), p.start):
            # "according to the X Logistics Park": the park's management speaks, an organization
            orgs.append(Organization(p.start, p.end, p.text, name=p.text, kind="institution"))
        else:
            places.append(p)
    orgs.sort(key=lambda o: o.start)
    places = respelled(places)
    if orgs and places:
        places = _short_names(places, orgs)
    refs = list(find_references(text, places + orgs))
    people = [_person_org(p, refs, text) for p in people]
    return places, orgs, people, refs


_DIVISIONS_ABOVE_COUNTY = frozenset({"country", "province", "prefecture"})
_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z&]{1,7})\)")


def _acronym_uses(text: str, orgs: list[Organization]) -> list[Organization]:
    """The organizations plus each later standalone use of an acronym an organization's name
    defined in brackets ("the National Health Commission (NHC) ... the NHC said"); the bracketed
    acronym itself is no mention, nor is one inside a word ("NHC-style")."""
    defined = {}
    for o in orgs:
        m = _DEFINED_ACRONYM.match(text, o.end)
        if m and m.group(1) not in defined:
            defined[m.group(1)] = (m.end(), o.kind)
    if not defined:
        return orgs
    taken = [(o.start, o.end) for o in orgs]
    extra = []
    for acr, (after, kind) in defined.items():
        for m in re.finditer(rf"(?<![\w(-]){re.escape(acr)}(?![\w)-])", text[after:]):
            a, b = after + m.start(), after + m.end()
            if not any(s <= a < e for s, e in taken):
                extra.append(Organization(a, b, acr, name=acr, kind=kind))
    return sorted(orgs + extra, key=lambda o: o.start) if extra else orgs


def _short_names(places: list, orgs: list[Organization]) -> list:
    """A company named in full first goes by its first word after ("Nanhua Airlines Holding Co.,
    Ltd. ... Nanhua operated 894 aircraft"): a later bare place of that name is the company, not
    the county. A province or city opening the name ("Fujian Minjiang Iron and Steel") is where
    the company is, not its short name. Changes `orgs` in place (the companies are added)."""
    shorts: dict[str, int] = {}
    for o in orgs:
        first, _, rest = o.name.partition(" ")
        if o.kind == "company" and rest and first[:1].isupper() and first not in shorts and not any(
                e.level in _DIVISIONS_ABOVE_COUNTY for e in gazetteer().lookup(first)):
            shorts[first] = o.end
    if not shorts:
        return places
    kept = []
    for p in places:
        after = shorts.get(p.text.removesuffix("'s"))
        if after is not None and p.start >= after and p.level not in _DIVISIONS_ABOVE_COUNTY:
            name = p.text.removesuffix("'s")
            orgs.append(Organization(p.start, p.start + len(name), name, name=name, kind="company"))
        else:
            kept.append(p)
    orgs.sort(key=lambda o: o.start)
    return kept


def entity_mentions(norm: str, original: str) -> list:
    """Places, organizations (named as written in `original`), people and references, in text order."""
    places, orgs, people, refs = recognize(norm)
    # (a new object only where normalizing changed the name: dataclasses.replace is slow)
    orgs = [o if o.name == original[o.start:o.end] else o.with_(name=original[o.start:o.end]) for o in orgs]
    # sorted by (start, -end) as two stable sorts on C-level keys (no key tuple per mention):
    # by end, longest first, then by start; ties keep the order of the concatenation
    out = places + orgs + people + refs
    out.sort(key=_END, reverse=True)
    out.sort(key=_START)
    return out


_START, _END = attrgetter("start"), attrgetter("end")


def _person_org(person, refs, text):
    """"Xu Xiaoqiang, an official with the park": the organization is the reference's entity."""
    if person.organization or not person.title:
        return person
    for r in refs:
        if r.name and 0 <= r.start - person.end <= 80 and PERSON_OF.fullmatch(text, person.end, r.start):
            return person.with_(organization=r.name)
    return person
