"""Place mentions: gazetteer names (with their level words) and pattern places no list holds.

Works on the normalized text only (tokenizer-agnostic): one regex pass makes word tokens,
then gazetteer lookups run only at capitalized tokens, so the cost stays a few
microseconds per word.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, islice, repeat
from operator import eq, itemgetter
from typing import Iterable, Iterator, Sequence

from ..data import load_json, load_jsonl
from ..gazetteer import Entry, key, load
from ..results import Place
from ..text import DisjointSpans

TOKEN = re.compile(r"[^\W_]+(?:['\-.&][^\W_]+)*")
# a pinyin syllable (permissive): used to tell Chinese names from English words
_SYL = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
        r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui"
        r"|ve|er|a|o|e|i|u|v)")
PINYIN = re.compile(rf"(?:{_SYL}'?)+", re.I)
CONNECTORS = frozenset({"and", "of", "de", "the", "&"})
FUNCTION_CAPS = frozenset({"The", "In", "At", "On", "For", "By", "From", "With", "As", "And", "A", "An", "This",
                           "That", "These", "Its", "Their", "Our", "To", "Of", "But", "While", "When", "After",
                           "Before", "During", "Since", "Into", "Inside", "Outside", "Near", "Across", "Through",
                           "Walking", "According", "Under", "Over", "Both", "Some", "All", "Many", "Most", "Each",
                           "Every", "Meanwhile", "Recently", "Currently", "Also", "Last", "Next", "Located",
                           "Besides", "Like", "Unlike", "Among", "Between", "Including", "Via", "Within"})
DATELINE_END = re.compile(r",|\s+-")
CURRENCY_AFTER = re.compile(r"\.?\s*(?:\$|dollars?\b)")
COMPASS = frozenset({"North", "South", "East", "West", "Northwest", "Northeast", "Southwest", "Southeast",
                     "Central"})
ETHNONYMS = frozenset({
    "Zhuang", "Hui", "Uygur", "Uyghur", "Uighur", "Mulam", "Miao", "Yao", "Tujia", "Yi", "Dong", "Bai", "Hani",
    "Dai", "Lisu", "Va", "Wa", "Lahu", "Naxi", "Jingpo", "Blang", "Bulang", "Achang", "Pumi", "Nu", "Derung",
    "Tibetan", "Mongolian", "Mongol", "Kazak", "Kazakh", "Kirgiz", "Kyrgyz", "Korean", "Manchu", "Qiang", "She",
    "Gelao", "Xibe", "Tu", "Salar", "Bonan", "Dongxiang", "Yugur", "Maonan", "Shui", "Tajik", "Ewenki", "Evenki",
    "Oroqen", "Daur", "Hezhen", "Monba", "Lhoba", "Jino", "Gin", "Li", "Bouyei", "Buyei", "Buyi", "Mongolia"})


def is_pinyin(word: str) -> bool:
    """True for a word made only of pinyin syllables ("Haike", "Xi'an"), a cheap Chinese-name test."""
    return PINYIN.fullmatch(word) is not None


# TOKEN as a capturing group: re.split then returns gaps and tokens alternately, so offsets
# come from summing lengths in C instead of calling .start()/.end() on every match object.
# The quantifiers are possessive (++, *+): nothing follows them, so a match never backtracks
# and the tokens are TOKEN's; the engine just skips the backtracking bookkeeping (the split
# runs ~25% faster on ASCII text).
# The first character is matched on its own ([^\W_] before [^\W_]*+): a pattern opening with a
# plain character class lets `re` skip the gaps between tokens in C (~5% faster split).
_TOKEN_SPLIT = re.compile(r"([^\W_][^\W_]*+(?:['\-.&][^\W_]++)*+)")
# the same split for an ASCII text, where [^\W_] is exactly [A-Za-z0-9]: ranges test faster
# than the Unicode category, and str.isascii() is free (CPython keeps that flag on the string)
_TOKEN_SPLIT_ASCII = re.compile(r"([A-Za-z0-9][A-Za-z0-9]*+(?:['\-.&][A-Za-z0-9]++)*+)")


@lru_cache(maxsize=8)
def _union(vocabularies: tuple[frozenset, ...]) -> frozenset:
    """All the words of the vocabularies (cached: the same few sets are asked for per text)."""
    return frozenset().union(*vocabularies)


@dataclass(frozen=True, slots=True)
class Tokens:
    """Word tokens of a normalized text: starts, ends and surface strings, shared by recognizers.

    Per-token facts the recognizers test again and again are computed once here, with C-level
    map() calls rather than Python loops: `spaced[i]` (token i and i + 1 are separated by exactly
    one space; False for the last token) and `caps[i]` (token i starts with a capital letter).

    `flagged` / `flagged_words`: the tokens in any of `vocabularies` (the words recognizers
    start from: head words, suffixes, surnames), found by one pass over all tokens, so that each
    recognizer's `among` filters those few instead of passing over every token again.
    """

    text: str
    starts: Sequence[int]  # (lists where a tuple would only cost a copy; words stay a tuple,
    ends: Sequence[int]    # compared with tuples of name words)
    words: tuple[str, ...]
    spaced: Sequence[bool]
    caps: Sequence[bool]
    vocabularies: tuple[frozenset, ...] = ()
    flagged: tuple[int, ...] = ()
    flagged_words: tuple[str, ...] = ()

    @classmethod
    def of(cls, text: str, vocabularies: tuple[frozenset, ...] = ()) -> "Tokens":
        """Tokenize once with a single regex pass."""
        split = _TOKEN_SPLIT_ASCII.split if text.isascii() else _TOKEN_SPLIT.split
        parts = split(text)  # [gap, word, gap, word, ..., gap]
        words = tuple(parts[1::2])
        if not words:
            return cls(text, (), (), (), (), (), vocabularies)
        offsets = list(accumulate(map(len, parts), initial=0))
        # the gaps between tokens equal to " " (operator.eq over an islice: no method-wrapper
        # call per gap and no copied slice, about twice as fast as map(" ".__eq__, parts[2:-2:2]))
        spaced = list(map(eq, islice(parts, 2, len(parts) - 2, 2), repeat(" ")))
        spaced.append(False)
        caps = list(map(str.isupper, map(itemgetter(0), words)))
        flagged: tuple[int, ...] = ()
        if vocabularies:
            flagged = tuple(compress(range(len(words)), map(_union(vocabularies).__contains__, words)))
        return cls(text, offsets[1:-1:2], offsets[2::2], words, spaced, caps,
                   vocabularies, flagged, tuple(map(words.__getitem__, flagged)))

    def gap(self, i: int) -> str:
        """The text between token i and token i + 1."""
        return self.text[self.ends[i]:self.starts[i + 1]] if i + 1 < len(self.words) else ""

    def among(self, vocabulary: frozenset) -> Iterator[int]:
        """Indices of the tokens that are in `vocabulary`, in text order: filtered from the
        flagged tokens if `vocabulary` is one the tokens were made with, else by a full pass."""
        if any(v is vocabulary for v in self.vocabularies):
            return compress(self.flagged, map(vocabulary.__contains__, self.flagged_words))
        return compress(range(len(self.words)), map(vocabulary.__contains__, self.words))


def capitalized(w: str) -> bool:
    return w[:1].isupper()


BASED_WORDS = ("based", "headquartered")  # "Ningde-based": the place a company is based in


def strip_possessive(w: str) -> str:
    return w[:-2] if w.endswith("'s") else w


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled place patterns: level words after names, and suffixes of pattern places."""

    generics: dict  # first word -> list of (words, levels, id), longest first
    suffixes: dict  # first word -> list of (words tuple, level, whether the name must be a gazetteer name,
    #                 needs_pinyin, words left out of the name, whether the level word leaves the name)
    generic_words: frozenset
    suffix_starts: frozenset  # the keys of `suffixes`
    prefixes: dict  # word -> level: "Mount" before a pinyin name ("Mount Tai")
    spellings: dict  # a spelling of a place's name that the article's own usage keeps -> the canonical name
    settlement_words: frozenset  # the last word of a village, town or township
    parent_ends: frozenset  # level words that end the place above a settlement ("Xinglong Town Longfeng Village")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Place patterns from data/patterns/places.jsonl (built once)."""
    generics, suffixes, gw, prefixes, settlements, parent_ends, spellings = [], {}, set(), {}, set(), set(), {}
    for r in load_jsonl("patterns/places.jsonl"):
        words = tuple(TOKEN.findall(r["pattern"]))
        if r["label"] == "spelling":
            spellings[r["pattern"]] = r["name"]
        elif r["label"] == "prefix":
            prefixes[r["pattern"]] = r["level"]
        elif r["label"] == "generic":
            generics.append((tuple(w.lower() for w in words), tuple(r["levels"]), r["id"]))
        else:
            drop = len(words) if r.get("generic") else 0  # "Songhua Lake scenic area" is named "Songhua Lake"
            # "pinyin": the name words must be pinyin; the level word then leaves the name ("Xiangyun County"
            # is Xiangyun) unless "keep" says it is part of it ("Maiji Mountain"); "bare": it leaves the name
            # whatever the words ("Caijiapo Town" is Caijiapo)
            bare = r.get("bare") or r.get("pinyin") and not r.get("keep")
            suffixes.setdefault(words[0], []).append((words, r["level"], bool(r.get("gazetteer")), bool(r.get("pinyin")),
                                                      drop, len(words) if bare else 0))
            gw.update(words)
            if r.get("settlement"):
                settlements.add(r["pattern"])
            if r.get("settlement") or r.get("ends_parent"):
                parent_ends.add(r["pattern"])
    by_first: dict = {}
    for g in sorted(generics, key=lambda g: -len(g[0])):
        by_first.setdefault(g[0][0], []).append(g)
    for v in suffixes.values():
        v.sort(key=lambda s: -len(s[0]))
    return Lexicon(by_first, suffixes, frozenset(gw), frozenset(suffixes), prefixes, spellings,
                   frozenset(settlements), frozenset(parent_ends))


def respelled(places: list[Place]) -> list[Place]:
    """The places with the article's own spelling of a name wherever it writes one ("Xizang"
    for Tibet): every place so named, and every parent, takes the spelling used."""
    spellings = lexicon().spellings
    used = {}
    for p in places:
        first = p.text.split(maxsplit=1)[0].removesuffix("'s") if p.text else ""
        if first in spellings:
            used[spellings[first]] = first
    if not used:
        return places
    return [p.with_(name=used.get(p.name, p.name), parent=used.get(p.parent, p.parent))
            if p.name in used or p.parent in used else p for p in places]


@lru_cache(maxsize=1)
def _surnames() -> frozenset:
    return frozenset(load_json("people.json")["surnames"])


@lru_cache(maxsize=65536)
def _fold(w: str) -> str:
    """`w` without a possessive, lower-cased: how level words are compared (cached, hot)."""
    return strip_possessive(w).lower()


def _generic_after(toks: Tokens, j: int, lex: Lexicon) -> tuple[int, tuple[str, ...]] | None:
    """If a level word (optionally after ethnonyms) follows token j-1, return (end token, levels)."""
    tw, spaced = toks.words, toks.spaced
    n = len(tw)
    k = j
    while k < n and spaced[k - 1] and (tw[k] in ETHNONYMS or
                                       (tw[k] == "and" and k + 1 < n and tw[k + 1] in ETHNONYMS)):
        k += 1
    if k >= n:
        return None
    for words, levels, _id in lex.generics.get(_fold(tw[k]), ()):
        m = len(words)
        if k + m > n:
            continue
        if all(spaced[k + t - 1] and _fold(tw[k + t]) == words[t] for t in range(m)):
            last = tw[k + m - 1]
            if words == ("sar",) and last != "SAR":
                continue
            return k + m, levels
    return None


# after a place: more capitalized words, then the closing quote of a title ("... Poverty Alleviation Package")
_QUOTED_TITLE = re.compile(r"""(?:\s+(?:[A-Z][\w'-]*|of|and|for|the|in|on|to|&)){1,8}\s*"(?!\w)""")


def _choose(cands: tuple[Entry, ...], context: set[str]) -> Entry:
    """Pick a candidate: provinces and countries win bare names; otherwise context, then level."""
    top = cands[0]
    if top.level in ("country", "province") or len(cands) == 1:
        return top
    for e in cands:
        if e.parent in context or e.province in context:
            return e
    return top


class _WordMemo(dict):
    """word -> fn(word), filled on first use. A dict, so a whole text's words are looked up by
    one C-level map (or a plain subscript, not a Python call); vocabulary-bounded: past
    _MAX_WORDS entries new words are answered, not stored."""

    __slots__ = ("fn",)
    _MAX_WORDS = 200_000

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, w: str):
        value = self.fn(w)
        if len(self) < self._MAX_WORDS:
            self[w] = value
        return value


def _name_start(w: str) -> tuple[str, int, tuple[Entry, ...] | None]:
    """For capitalized token `w`: its gazetteer key (possessive dropped), the length in words of
    the longest alias starting with it (0: no name starts here; "People's" starts "People's
    Republic of China") and the entries of the key itself."""
    k0 = key(strip_possessive(w))
    gaz = load()
    maxw = gaz.max_words.get(k0, 0)
    if w.endswith("'s") and gaz.possessive_heads:
        maxw = max(maxw, gaz.max_words.get(key(w), 0))
    return k0, maxw, gaz.index.get(k0)


def _possessive_inside(words: list[str], gaz) -> bool:
    """Do `words`, the last ending in "'s", begin a name that goes on after the possessive
    ("Democratic People's" of "Democratic People's Republic of Korea")? Rare, so asked only then."""
    return " ".join(key(w) for w in words) in gaz.possessive_heads


def _opens_level(w: str) -> bool:
    """Can the words after a name, starting with `w`, be its level word (_generic_after)?
    Only an ethnonym, "and" or a level word's first word can."""
    return w in ETHNONYMS or w == "and" or _fold(w) in lexicon().generics


_NAME_START = _WordMemo(_name_start)
_MAX_WORDS_OF = _WordMemo(lambda w: _NAME_START[w][1])  # the word map over a text's capitals
_OPENS_LEVEL = _WordMemo(_opens_level)


def _after_open_quote(text: str, start: int) -> bool:
    """Does text[:start], trailing spaces dropped, end in a double quote? (without copying it)"""
    j = start
    while j and text[j - 1] == " ":
        j -= 1
    return j > 0 and text[j - 1] == '"'


def find_places(text: str, *, tokens: Tokens | None = None, blocked: Iterable[tuple[int, int]] = ()
                ) -> Iterator[Place]:
    """Places in the normalized `text`, in order; spans overlapping `blocked` (organization
    names, person names) are skipped. Anaphora ("the city") are not places: see resolve/references.py.

    Speed: both passes visit only the tokens that can start (step 1: capitalized) or end
    (step 2: a pattern suffix word) a place, picked out in C (itertools.compress, Tokens.among); most
    tokens are lower-case words and cost nothing. Spacing and capitals come precomputed
    from `Tokens`."""
    gaz = load()
    lex = lexicon()
    toks = tokens or Tokens.of(text)
    words, spaced, caps = toks.words, toks.spaced, toks.caps
    n = len(words)
    surnames = _surnames()
    # (minus the length, priority, start, end, payload): sorted as they stand, longest first
    found: list[tuple[int, int, int, int, object]] = []

    # 1. gazetteer names; i is the first token not yet inside a name found
    i = 0
    # the capitalized tokens a name can start with (most cannot: "The", "In", "GDP"), in C
    capital = compress(range(n), caps)
    for c in compress(capital, map(_MAX_WORDS_OF.__getitem__, compress(words, caps))):
        if c < i:
            continue
        i = c
        k, maxw, cands = _NAME_START[words[i]]
        # a name spans tokens one space apart, each capitalized or a connector ("of", "and"),
        # and a possessive ends it: find that longest run once, then try lengths downwards
        reach, limit = 1, maxw if maxw < n - i else n - i
        while (reach < limit and spaced[i + reach - 1]
               and (not words[i + reach - 1].endswith("'s") or _possessive_inside(words[i:i + reach], gaz))
               and (caps[i + reach] or words[i + reach] in CONNECTORS)):
            reach += 1
        m = 1
        if reach > 1:
            # (only the run's last word can end in "'s": the run stops after a possessive)
            keys = [key(w) for w in words[i:i + reach - 1]] + [key(strip_possessive(words[i + reach - 1]))]
            for longer in range(reach, 1, -1):
                joined = " ".join(keys[:longer])
                found_here = gaz.index.get(joined)
                if found_here:
                    m, k, cands = longer, joined, found_here
                    break
        if not cands:
            continue
        surface = words[i] if m == 1 else " ".join(words[i:i + m])
        # (isupper() ignores the uncased characters `letters` drops, so test it first: cheaper)
        if (surface.isupper() and k not in gaz.acronyms
                and len(surface.replace("'", "").replace(".", "").replace(" ", "").replace("-", "")) > 1):
            # all-caps: only a dateline ("XI'AN, July 7 (Xinhua) --") is a place, not page furniture
            line_start = text.rfind("\n", 0, toks.starts[i]) + 1
            if text[line_start:toks.starts[i]].strip() or not DATELINE_END.match(text, toks.ends[i + m - 1]):
                i += m
                continue
        if k == "us" and CURRENCY_AFTER.match(text, toks.ends[i + m - 1]):
            i += m  # "US$ 5 billion", "US dollars": a currency, not the country
            continue
        if k == "china" and i > 0 and words[i - 1] in COMPASS and spaced[i - 1]:
            i += m  # "Northwest China": a named region (capitalized compass word), not the country ("northwest
            # China's Shaanxi" keeps its China mention, as the shared dev gold has it)
            continue
        end_tok = i + m
        # (a level word must follow after one space: test that, and its first word, before the call)
        gen = (_generic_after(toks, end_tok, lex)
               if end_tok < n and spaced[end_tok - 1] and not words[end_tok - 1].endswith("'s")
               and _OPENS_LEVEL[words[end_tok]] else None)
        if gen:
            fit = [e for lv in gen[1] for e in cands if e.level == lv]
            if not fit and words[gen[0] - 1].islower():
                gen = None  # "a Hebei county": the level word describes another place, not Hebei
            else:
                end_tok = gen[0]
                cands = tuple(fit) or cands
        if not gen:
            cands = gaz.bare_index.get(k, ())
            if not cands:
                i += m
                continue
            if (cands[0].level in ("county", "district") and i > 0 and words[i - 1] in surnames
                    and spaced[i - 1]):
                i += m  # "Feng Haifeng": a given name, not Haifeng County
                continue
        end_word = words[end_tok - 1]
        end = toks.ends[end_tok - 1] - (2 if end_word.endswith("'s") else 0)
        start = toks.starts[i]
        found.append((start - end, 1, start, end, cands))
        i = end_tok

    # "Ningde-based battery maker": the place inside a hyphenated word
    if any("-" + w in text for w in BASED_WORDS):
        for j in compress(range(n), caps):
            head, dash, tail = words[j].partition("-")
            if dash and tail in BASED_WORDS and (cands := gaz.bare_index.get(key(head))):
                found.append((-len(head), 1, toks.starts[j], toks.starts[j] + len(head), cands))

    # context: places whose reading is certain, for choosing among same-name candidates
    context: set[str] = set()
    for _neg, _prio, _start, _end, cands in found:
        if len(cands) == 1:
            context.add(cands[0].name)
            if cands[0].parent:
                context.add(cands[0].parent)

    # 2. pattern places ("Nuozhang Village", "Green Chemical Industry Park")
    suffixes = lex.suffixes
    for j in toks.among(lex.suffix_starts):
        if j == 0:
            continue
        opts = suffixes[words[j]]
        for swords, level, named, needs_pinyin, drop, bare in opts:
            m = len(swords)
            if j + m > n:
                continue
            # cheap reject on the second word (as listed, or with "'s") before the full comparison
            if m > 1 and words[j + 1] != swords[1] and words[j + 1] != swords[1] + "'s":
                continue
            if tuple(strip_possessive(x) for x in words[j:j + m]) != swords:
                continue
            if not all(spaced[j:j + m - 1]):
                continue
            # name words to the left
            s = j
            settlement = swords[-1] in lex.settlement_words
            while s > 0 and spaced[s - 1]:
                prev = words[s - 1]
                if settlement and prev in lex.parent_ends:
                    break  # "Xinglong Town Longfeng Village": two places, the town and its village
                if caps[s - 1] and prev not in FUNCTION_CAPS and not prev.endswith("'s"):
                    s -= 1
                elif (prev in ("and", "&") and (words[s] in lex.generic_words or level == "zone") and s - 2 >= 0
                      and caps[s - 2] and spaced[s - 2]):  # (zones: "Ningdong Energy and Chemical Industry Base")
                    s -= 1
                else:
                    break
            while s < j and not caps[s]:
                s += 1
            if s == j:
                continue
            name_words = words[s:j]
            if needs_pinyin and not (len(name_words) <= 2 and all(is_pinyin(x) for x in name_words)):
                continue
            if all(x in lex.generic_words for x in name_words):
                continue
            if drop and key(" ".join(name_words)) in gaz.index:
                continue  # "Lanzhou industrial park": the gazetteer's Lanzhou, not a place named "Lanzhou"
            if named and key(" ".join(name_words)) not in gaz.index:
                continue  # "Qinzhou port" is Qinzhou Port; "a Chinese port" is no place
            start, end = toks.starts[s], toks.ends[j + m - 1]
            if words[j + m - 1].endswith("'s"):
                end -= 2
            found.append((start - end, 2, start, end, (s, j + m, level, bare, drop)))
            break

    # 3. prefix places: "Mount Tai", "Mount Emei" (a word before a pinyin name)
    for prefix, level in lex.prefixes.items():
        if prefix + " " not in text:
            continue
        for j in compress(range(n - 1), map(eq, words, repeat(prefix))):
            name = strip_possessive(words[j + 1])
            if spaced[j] and caps[j + 1] and is_pinyin(name):
                start, end = toks.starts[j], toks.starts[j + 1] + len(name)
                found.append((start - end, 2, start, end, (j, j + 2, level, False, 0)))

    # keep the longest, then the gazetteer reading, never overlapping a blocked span
    blocked_starts, blocked_reach = _overlap_index(blocked)
    found.sort(key=_RANK)
    quotes = '"' in text
    kept = DisjointSpans()
    for f in found:
        _neg, _prio, start, end, _payload = f
        if blocked_starts:
            c = bisect_left(blocked_starts, end)
            if c and blocked_reach[c - 1] > start:
                continue
        if quotes and _after_open_quote(text, start) and _QUOTED_TITLE.match(text, end):
            continue  # the "Guizhou Poverty Alleviation Package": a place opening a quoted title is part of a name
        kept.add(start, end, f)
    for _neg, prio, start, end, payload in kept.items:
        surf = text[start:end]
        if prio == 1:
            e = _choose(payload, context)
            yield Place(start, end, surf, name=e.name, level=e.level, parent=e.parent, code=e.code)
        else:
            s, stop, level, bare_generic, drop = payload
            yield _pattern_place(toks, s, stop, level, start, end, surf, gaz, bare_generic, drop)


_RANK = itemgetter(0, 1, 2)  # (minus the length, priority, start) of a found place


def _overlap_index(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """`spans` sorted by start: their starts and the running maximum of their ends. [start, end)
    overlaps one of them iff, with c = bisect_left(starts, end) (the spans starting before
    `end`), c > 0 and reach[c - 1] > start: one bisect, not a scan."""
    spans = sorted(spans)
    return [s for s, _e in spans], list(accumulate((e for _s, e in spans), max))


def _pattern_place(toks: Tokens, s: int, stop: int, level: str, start: int, end: int, surf: str, gaz,
                   bare_generic: int, drop: int = 0) -> Place:
    """A pattern place named by its words; parent is the place its name starts with, if any."""
    words = [strip_possessive(w) for w in toks.words[s:stop]]
    if drop:  # a lower-case generic ending ("Yabuli ski resort") is not part of the name
        return Place(start, end, surf, name=" ".join(words[:-drop]), level=level)
    if words[-1].islower():
        words[-1] = words[-1].capitalize()  # "Qinzhou port" is named Qinzhou Port
    name = " ".join(words)
    parent = None
    if bare_generic:  # "Xiangyun County" not in the gazetteer: the name drops the level words ("Meishan port area")
        return Place(start, end, surf, name=" ".join(words[:-bare_generic]), level=level)
    lex = lexicon()
    for m in range(min(4, len(words) - 1), 0, -1):
        cands = gaz.index.get(key(" ".join(words[:m])))
        if cands:
            parent = cands[0].name
            rest = words[m:]
            # a park inside a new area is named without its host ("Lanzhou New Area Green Chemical
            # Industry Park" -> "Green Chemical Industry Park"); "Sanya Phoenix International Airport" keeps it
            if cands[0].level == "new_area" and any(w not in lex.generic_words and w not in CONNECTORS for w in rest):
                name = " ".join(rest)
            break
    return Place(start, end, surf, name=name, level=level, parent=parent)
