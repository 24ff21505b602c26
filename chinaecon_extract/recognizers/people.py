"""Person mentions (Chinese names) with the title and organization the sentence gives:
"Su Tian, director of the X Bureau, said" and "X Bureau director Su Tian said".

A name is a known surname plus one pinyin given name, accepted only next to a title phrase
or a speech verb, so ordinary capitalized words are not taken for people.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

from ..data import load_json
from ..results import Organization, Person
from .places import Tokens, is_pinyin


@lru_cache(maxsize=1)
def vocab() -> dict[str, frozenset]:
    """Surnames, title words, title modifiers and speech verbs from data/people.json."""
    d = load_json("people.json")
    return {k: frozenset(v) for k, v in d.items()}


def find_people(text: str, *, tokens: Tokens | None = None, organizations: Iterable[Organization] = ()
                ) -> Iterator[Person]:
    """People in the normalized `text`; `organizations` (already found) give the organization.

    Speed: only tokens that are known surnames are visited (picked out in C by
    `Tokens.among`); spacing and capitals come precomputed from `Tokens`."""
    v = vocab()
    toks = tokens or Tokens.of(text)
    words, spaced, caps = toks.words, toks.spaced, toks.caps
    n = len(words)
    orgs = sorted(organizations, key=lambda o: o.start)

    def org_ending_at(pos):
        for o in orgs:
            if 0 <= pos - o.end <= 1:
                return o
        return None

    def org_starting_after(pos):
        for o in orgs:
            if 0 <= o.start - pos <= 5:
                return o
        return None

    for i in toks.among(v["surnames"]):
        if i == n - 1 or not spaced[i]:
            continue
        given = words[i + 1]
        given_core = given[:-2] if given.endswith("'s") else given
        if not (caps[i + 1] and is_pinyin(given_core)):
            continue
        start, end = toks.starts[i], toks.ends[i + 1] - (len(given) - len(given_core))
        name = f"{words[i]} {given_core}"
        title = org = None
        # pattern 1: "Su Tian, (deputy) director of the X Bureau, said"
        if toks.gap(i + 1).strip(" ") == "," and i + 2 < n:  # (a title on the next line is not his)
            k = i + 2
            t_words = []
            while k < n and (words[k] in v["title_modifiers"] or words[k] in v["titles"]):
                t_words.append(words[k])
                k += 1
                if not spaced[k - 1]:
                    break
            while t_words and t_words[0] in ("a", "an", "the"):
                t_words.pop(0)
            if t_words and t_words[-1] in v["titles"]:
                title = " ".join(t_words)
                if k < n and words[k] in ("of", "with", "at", "from", "for"):
                    o = org_starting_after(toks.ends[k] + 1)
                    org = o.name if o else None
        # pattern 2: "X Bureau director Su Tian said", "general manager Xu Jiadong"
        if title is None and i > 0 and spaced[i - 1] and words[i - 1] in v["titles"]:
            k = i - 1
            while k > 0 and spaced[k - 1] and words[k - 1] in v["title_modifiers"] and words[k - 1] not in (
                    "a", "an", "the"):
                k -= 1
            title = " ".join(words[k:i])
            o = org_ending_at(toks.starts[k] - 1)
            org = o.name if o else None
        if title is None:
            nxt = words[i + 2] if i + 2 < n else ""
            if nxt not in v["speech_verbs"] or not spaced[i + 1]:
                continue
        yield Person(start, end, text[start:end], name=name, title=title, organization=org)
