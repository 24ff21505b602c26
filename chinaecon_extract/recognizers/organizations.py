"""Organization mentions: known bodies, media and brands, plus names built on a head word
("... Co., Ltd.", "... Bureau", "Ministry of ...", "Haike Fibers") or a news-site domain.

Pure function over the normalized text and its word tokens; patterns live in
data/patterns/organizations.jsonl and names in data/organizations.json.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import or_
from typing import Iterator

from ..data import load_json, load_jsonl
from ..results import Organization
from ..text import DisjointSpans
from .places import BASED_WORDS, FUNCTION_CAPS, TOKEN as TOKEN_RE, Tokens, is_pinyin

DOMAIN = re.compile(r"(?:[A-Za-z0-9-]+\.)+(?:cn|com|net|org|gov)\Z")
# a text holding none of these endings holds no DOMAIN token, so dotted tokens ("4.6") need no
# visit (one search with the literal "." as prefix, not five substring scans of the text)
DOMAIN_ENDING = re.compile(r"\.(?:cn|com|net|org|gov)")
CO_LTD = re.compile(r"Co\s*\.?\s*,?\s*(?:Ltd|LTD|Limited|ltd)\b\.?|Co\.|Co(?=\s+[a-z]|[,;:]|$)")
STOP_LOWER = frozenset({"the", "a", "an", "of", "in", "at", "on", "for", "by", "from", "with", "as", "and", "or",
                        "to", "that", "which", "who", "such", "its", "their", "his", "her", "is", "are", "was",
                        "were", "be", "been", "has", "have", "had", "said", "says", "into", "than", "this", "these",
                        "those", "like", "including", "both", "new", "said", "also", "while", "after", "before",
                        # what a company is, before its name ("battery maker Contemporary Amperex Technology Co.")
                        "maker", "producer", "manufacturer", "giant", "firm", "company", "supplier", "operator",
                        "developer", "carrier", "retailer", "leader", "unicorn", "startup"})

DOTTED = frozenset({"Inc", "Corp", "Ltd", "Co"})
_BASED_SUFFIXES = tuple("-" + w for w in (*BASED_WORDS, "listed"))  # "Wuwei-based", "Shanghai-listed"
GENERIC_OWNERS = frozenset({"provincial", "municipal", "city", "county", "local", "district", "village", "town",
                            "township", "prefectural", "regional"})


@dataclass(frozen=True, slots=True)
class OrgLexicon:
    """Known names (exact) and head words, compiled once."""

    known: dict  # first word -> list of (tuple of words, name, kind), longest first
    heads: dict  # head word -> (kind, takes_of, needs_pinyin, lower)
    triggers: frozenset  # tokens that can start a known name or be a head word (with or without "'s")
    # `known` split for lookup: names of two or more words by their first two words (a two-word
    # name also under its second word + "'s"), longest first; one-word names by their word
    known_pairs: dict
    known_single: dict
    # the tokens a known name can start at (_known_at finds nothing elsewhere): first words of
    # known names, and one-word names with "'s"
    known_starts: frozenset


@lru_cache(maxsize=1)
def org_lexicon() -> OrgLexicon:
    """Organization vocabularies from data/organizations.json and data/patterns/organizations.jsonl."""
    known: dict = {}
    for kind, names in load_json("organizations.json").items():
        for name in names:
            words = tuple(TOKEN_RE.findall(name))
            known.setdefault(words[0], []).append((words, name, kind))
    for v in known.values():
        v.sort(key=lambda x: -len(x[0]))
    heads = {}
    for r in load_jsonl("patterns/organizations.jsonl"):
        head = TOKEN_RE.findall(r["pattern"])[0]
        heads[head] = (r["label"], bool(r.get("of")), bool(r.get("pinyin")), bool(r.get("lower")))
    triggers = {"Co"} | set(known) | set(heads)
    triggers |= {w + "'s" for w in triggers}
    pairs: dict = {}
    single: dict = {}
    for first, entries in known.items():
        for e in entries:  # longest first, kept in each list
            kw = e[0]
            if len(kw) == 1:
                single.setdefault(first, []).append(e)
            else:
                pairs.setdefault((first, kw[1]), []).append(e)
                if len(kw) == 2:
                    pairs.setdefault((first, kw[1] + "'s"), []).append(e)
    known_starts = frozenset(known) | {w + "'s" for w in single}
    return OrgLexicon(known, heads, frozenset(triggers), pairs, single, known_starts)


def _known_at(lex: OrgLexicon, words: tuple[str, ...], spaced: tuple[bool, ...], i: int):
    """The known name starting at token i, longest first: (its words, kind), or None.

    The last word may carry "'s" ("Xinhua's"). Only the names sharing the first two words
    are tried (`known_pairs`), then the one-word names: the same first match as trying every
    name with that first word, longest first."""
    w = words[i]
    n = len(words)
    if w in lex.known:
        multi = lex.known_pairs.get((w, words[i + 1]), ()) if i + 1 < n else ()
        single = lex.known_single.get(w, ())
    else:  # "Xinhua's": only a one-word name can end in the possessive of its first word
        multi = ()
        single = lex.known_single.get(w[:-2], ()) if w.endswith("'s") else ()
    for kw, _name, kind in multi:
        m = len(kw)
        if i + m > n:
            continue
        # compared as tuple slices in C rather than word by word
        seg = words[i:i + m]
        if seg != kw and (seg[:-1] != kw[:-1] or seg[-1] != kw[-1] + "'s"):
            continue
        if all(spaced[i:i + m - 1]):
            return kw, kind
    for kw, _name, kind in single:
        if w == kw[0] or w == kw[0] + "'s":
            return kw, kind
    return None


def _bracketed(text: str, toks: Tokens, k: int) -> bool:
    """Whether token k stands alone in brackets between two words: "Samsung (China) Semiconductor"."""
    return (k + 1 < len(toks.words) and text[toks.ends[k - 1]:toks.starts[k]] == " ("
            and text[toks.ends[k]:toks.starts[k + 1]] == ") ")


ZONE_ENDS = frozenset({"Base", "Zone", "Park", "Area"})


def _zone_ahead(toks: Tokens, k: int) -> bool:
    """Whether capitalized words from token k run on, within five, to a zone's last word
    ("[Ningdong Energy and] Chemical Industry Base")."""
    words, caps, spaced, n = toks.words, toks.caps, toks.spaced, len(toks.words)
    if k >= n or not spaced[k - 1]:
        return False
    for j in range(k, min(n, k + 5)):
        if not caps[j]:
            return False
        if words[j] in ZONE_ENDS:
            return True
        if not spaced[j]:
            return False
    return False


def _comma_list_ahead(text: str, toks: Tokens, k: int) -> bool:
    """Whether ", " after token k goes on with capitalized words joined by ", " to "and" and a
    capitalized word: "Bureau of Culture, Radio, Television and Tourism"."""
    words, caps, n = toks.words, toks.caps, len(toks.words)
    while k + 1 < n and text[toks.ends[k]:toks.starts[k + 1]] == ", " and caps[k + 1]:
        k += 1
    return (k + 2 < n and text[toks.ends[k - 1]:toks.starts[k]] == ", " and toks.spaced[k] and words[k + 1] == "and"
            and toks.spaced[k + 1] and caps[k + 2])


def _lower_ok(w: str) -> bool:
    """A lower-case word that may sit inside a name ("economic development Bureau")."""
    return (w.isalpha() and w not in STOP_LOWER and not w.endswith("ed") and not w.endswith("ly")
            and not (w.endswith("s") and not w.endswith("ss")))


# "X-based" then up to five capitalized words that end before a lower-case word or a clause mark
_BASED_NAME = re.compile(r"(?<![\w-])[A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?-(?:" + "|".join(BASED_WORDS) + r")\s+"
                         r"((?:[A-Z][\w'’&-]*\s+){0,4}[A-Z][\w'’&-]*)(?=\s+[a-z]|\s*[,;:.)]|$)")


def find_organizations(text: str, *, tokens: Tokens | None = None) -> Iterator[Organization]:
    """Organizations in the normalized `text`, in order, non-overlapping (longest wins).

    Speed: only tokens in `OrgLexicon.triggers` or containing a dot (a domain) can start or head
    a name, so the loop visits just those, picked out in C by itertools.compress (or, with no
    domain ending in the text, by `Tokens.among`); spacing and capitals come precomputed from `Tokens`."""
    lex = org_lexicon()
    toks = tokens or Tokens.of(text)
    words, spaced, caps = toks.words, toks.spaced, toks.caps
    n = len(words)
    found: list[tuple[int, int, str]] = []
    heads, known_starts = lex.heads, lex.known_starts
    if DOMAIN_ENDING.search(text):
        candidates = compress(range(n), map(or_, map(lex.triggers.__contains__, words),
                                            map(str.__contains__, words, repeat("."))))
    else:  # no domain can occur: only trigger words can start or head a name
        candidates = toks.among(lex.triggers)

    for i in candidates:
        w = words[i]
        # known names
        hit = _known_at(lex, words, spaced, i) if w in known_starts else None
        if hit:
            kw, kind = hit
            m = len(kw)
            end = toks.ends[i + m - 1] - (2 if words[i + m - 1].endswith("'s") and not kw[-1].endswith("'s")
                                          else 0)
            found.append((toks.starts[i], end, kind))
        # news sites and e-commerce domains
        if "." in w and DOMAIN.match(w):
            found.append((toks.starts[i], toks.ends[i], "media" if w.islower() else "company"))
            continue
        # head words
        head = heads.get(w if not w.endswith("'s") else w[:-2])
        if head is None:
            continue
        end = toks.ends[i] - (2 if w.endswith("'s") else 0)
        if w == "Co" and i + 1 < n:
            m = CO_LTD.match(text, toks.starts[i])
            if not m:
                continue
            end = m.end()
        if w in DOTTED and text[end:end + 1] == ".":
            end += 1  # "Inc.", "Corp."
        kind, takes_of, needs_pinyin, lower = head
        if needs_pinyin and i + 1 < n and spaced[i] and (caps[i + 1] or words[i + 1] in ("and", "&") and _zone_ahead(toks, i + 2)):
            continue  # "Green Chemical Industry Park", "Ningdong Energy and Chemical Industry Base": the name goes on
        # extend left
        s, lowers, listed = i, 0, False
        while s > 0 and (spaced[s - 1] or not lower and (
                s >= 2 and caps[s - 1] and caps[s - 2] and _bracketed(text, toks, s - 1)
                or caps[s - 1] and text[toks.ends[s - 1]:toks.starts[s]] in (" & ", ", "))):
            prev = words[s - 1]
            gap = text[toks.ends[s - 1]:toks.starts[s]] if not spaced[s - 1] else " "
            if gap == ", ":
                # "Culture, Radio, Television and Tourism Bureau": a list of capitalized words closed by "and"
                ok = listed and prev not in FUNCTION_CAPS
            elif gap == " & ":
                ok = prev not in FUNCTION_CAPS  # "Goldwind Science & Technology"
            elif not spaced[s - 1]:
                s -= 2  # "Samsung (China) Semiconductor Co., Ltd.": a place in brackets inside the name
                continue
            elif lower:
                ok = caps[s - 1] and is_pinyin(prev)
            elif caps[s - 1]:
                # "Wuwei-based Gansu Huayuan ... Co.": where a company is based is no part of its name
                ok = prev not in FUNCTION_CAPS and not prev.endswith(_BASED_SUFFIXES)
            elif prev in ("and", "&", "of") and not needs_pinyin:
                # "Development and Reform Commission", but not "China Daily and People's Daily"
                ok = (s - 2 >= 0 and caps[s - 2] and (spaced[s - 2] or prev == "and")
                      and words[s - 2] not in heads
                      and words[s - 2] not in lex.known_single)
                listed = listed or (ok and prev == "and")
            else:
                ok = not needs_pinyin and lowers < 2 and _lower_ok(prev)
                lowers += ok
            if not ok:
                break
            s -= 1
        while s < i and not caps[s]:
            s += 1
        # extend right: "Ministry of Commerce", "Central Committee of the Communist Party of China",
        # "Administration for Market Regulation"
        e = i
        if takes_of and i + 2 < n and words[i + 1] in ("of", "for") and spaced[i] and spaced[i + 1]:
            k = i + 2
            if words[k] == "the" and k + 1 < n and spaced[k]:
                k += 1
            last = None
            # (not on into another name: "the Ministry of Commerce and Xinhua")
            while k < n and (caps[k] or (words[k] in ("and", "of", "&") and last is not None
                                         and k + 1 < n and caps[k + 1] and words[k + 1] not in known_starts)):
                if caps[k]:
                    last = k
                if not spaced[k] and not (caps[k] and _comma_list_ahead(text, toks, k)):
                    break
                k += 1
            if last is not None:
                e = last
                end = toks.ends[e] - (2 if words[e].endswith("'s") else 0)
        if s > 0 and words[s - 1] in GENERIC_OWNERS and spaced[s - 1]:
            continue  # "the provincial Party Committee": a generic body, not a name
        if s == i and e == i:
            continue  # a bare head word ("Group", "Bureau") names nothing
        if needs_pinyin and not is_pinyin(words[s]) and not (words[s] in known_starts and _known_at(lex, words, spaced, s)):
            continue  # "Haike Fibers", and a known name's own ("BYD Auto", "Anta Sports"), not "Green Energy"
        if lower and s == i:
            continue
        found.append((toks.starts[s], end, kind))

    if any(f"-{w} " in text for w in BASED_WORDS):
        # "Shanghai-based Huayun Express said": the capitalized words after where a company is based name it
        for m in _BASED_NAME.finditer(text):
            if m.group(1).split()[0] not in FUNCTION_CAPS:
                found.append((m.start(1), m.end(1), "company"))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept = DisjointSpans()  # the longest first, never overlapping
    for f in found:
        kept.add(f[0], f[1], f)
    out: list[tuple[int, int, str]] = []
    defined: dict[str, tuple[int, str]] = {}  # abbreviation -> (where its definition ends, kind)
    for start, end, kind in kept.items:
        if out and text[start:end].isupper() and text[out[-1][1]:start].strip() == "(" and text[end:end + 1] == ")":
            defined.setdefault(text[start:end], (end, out[-1][2]))
            continue  # "Communist Party of China (CPC)": the abbreviation being defined
        out.append((start, end, kind))
    # "National Bureau of Statistics (NBS)" ... "a senior NBS statistician": later uses of the abbreviation
    for abbr, (after, kind) in defined.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text[after:]):
            a, b = after + m.start(), after + m.end()
            if not any(k[0] < b and a < k[1] for k in out) and text[a - 1:a] != "(":
                out.append((a, b, kind))
    for start, end, kind in sorted(out):
        surf = text[start:end]
        yield Organization(start, end, surf, name=surf, kind=kind)
