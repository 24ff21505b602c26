"""Money, quantities, counts and percents: every figure in an article, typed and normalized.

One pass over the numbers that numbers.find_numbers() finds; each is typed by what
stands around it: a currency before or after it, a unit, "percent", a counted noun, or
a clause that says what a bare "600 million" measures. Years, dates, ordinals, ages,
phone numbers and numbers inside names are left out. Vocabulary: data/cues.json,
data/counts.json, data/currencies.json, data/unit_surfaces.json, data/numbers.json.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import regex

from ..data import load_json
from ..numbers import Number, find_numbers, grouped_alternation, tidy, vocabulary
from ..results import Count, MoneyAmount, Percent, Quantity
from ..units import currencies, surfaces, to_base
from ..text import alternation, compiled, folded as _folded, lowered

_WORD = regex.compile(r"[\p{L}][\p{L}\d'-]*|\d+\p{Lu}(?![\p{L}\d])|[^\s\p{L}]")
# _WORD for a stretch of plain ASCII text, where \p{L} is [A-Za-z], \p{Lu} [A-Z], \d [0-9] and
# regex's \s the six characters below (re's \s would take \x1c-\x1f too); `re` runs it faster
_WORD_ASCII = re.compile(r"[A-Za-z][A-Za-z0-9'-]*|[0-9]+[A-Z](?![A-Za-z0-9])|[^ \t\n\r\x0b\x0cA-Za-z]")
# after a time word, what makes "a year" a comparison ("26 percent a year earlier"), not a rate
_NOT_A_RATE = r"(?!\s+(?:earlier|ago|before|later|previously))"
_ACRONYM = regex.compile(r"\(\s*[\p{Lu}\d][\p{Lu}\d&-]{1,9}s?\s*\)")
MONTHS = alternation(load_json("periods.json")["months"])  # month names and abbreviations


def _search(pattern: str, s: str, flags: int = 0):
    return compiled(pattern, flags).search(s)


def _match(pattern: str, s: str, flags: int = 0):
    return compiled(pattern, flags).match(s)


def _fullmatch(pattern: str, s: str, flags: int = 0):
    return compiled(pattern, flags).fullmatch(s)


@dataclass(frozen=True)
class _Lexicon:
    prefix: regex.Pattern          # currency written before the number, anchored at the end
    prefix_codes: dict
    after_currency: regex.Pattern  # currency written after the number
    after_codes: dict
    percent: regex.Pattern
    unit: regex.Pattern
    unit_symbol: regex.Pattern
    qualifier: regex.Pattern
    qualifier_codes: dict
    cues: regex.Pattern
    cue_kind: dict
    basis: regex.Pattern
    basis_codes: dict
    rate: regex.Pattern
    rate_codes: dict
    counts: dict
    digit_mask: regex.Pattern  # dates, times and phone numbers written in digits (_digit_masks)
    masks: tuple[tuple[tuple[str, ...], regex.Pattern | re.Pattern], ...]
    date_before: regex.Pattern
    date_after: regex.Pattern
    name_before: regex.Pattern
    money_metric: regex.Pattern
    count_subject: re.Pattern  # on lowered text: the count nouns a bare number after a change may count
    subject_verb: re.Pattern  # on lowered text, ending a window: a count noun and its verb ("tourist visits hit ")
    more_after: regex.Pattern
    change_before: regex.Pattern
    population_before: regex.Pattern
    hyphen_unit: regex.Pattern
    hyphened_units: dict  # a unit of several words written with hyphens, lower case -> unit
    hyphen_symbol: regex.Pattern
    name_unless_counted: regex.Pattern
    bare_follower: regex.Pattern
    number_of: regex.Pattern
    label_before: regex.Pattern
    rate_reference: regex.Pattern
    # cheap tests run before the searches above, each true wherever its search can match
    # (see _guards): the characters a match can start or end with, the words it can end with
    guards: "_Guards"
    # the case-insensitive patterns, folded for lowered(text) (see _fold_lexicon)
    folded: "_FoldedLexicon | None" = None


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    cur = currencies()
    prefix_codes, after_codes = {}, {}
    for code, rec in cur.items():
        for p in rec["before"]:
            prefix_codes.setdefault(p, code)
        for a in rec["after"]:
            after_codes.setdefault(a.lower(), code)
    prefix_codes["$"] = "USD"
    units = surfaces()
    recs = load_json("unit_surfaces.json")
    word_units = {s: u for s, u in units.items() if any(s == w.lower() for w in recs[u].get("surfaces", []))}
    hyphened = {w.replace(" ", "-"): u for w, u in word_units.items() if " " in w}  # "square-meter"
    symbols = {}
    for u, rec in recs.items():
        for s in rec.get("symbols", []):
            symbols[s] = u
    cues = load_json("cues.json")
    cue_kind = {}
    for w in cues["share"]:
        cue_kind[w] = "share"
    for w in cues["direction_down"]:
        cue_kind[w] = "down"
    for w in cues["direction_up"]:
        cue_kind[w] = "up"
    cue_kind["growth rate"] = "up"
    cue_kind["negative growth"] = "down"
    counts = load_json("counts.json")
    quals = vocabulary()["qualifiers"]
    # what masks numbers besides the digit_mask, each with a cheap test for whether the text can hold
    # one: the rare kinds (links, e-mail addresses, file names) cost a scan only when their telltale is present
    masks = (
        (("http", "www."), _folded(regex.compile(r"https?://\S+|www\.\S+", regex.IGNORECASE))),
        (("@",), regex.compile(r"(?<!\S)[^\s@]+@\S+\.\w+")),
        ((".png", ".jpg", ".jpe", ".gif", ".pdf", ".doc", ".htm"),
         _folded(regex.compile(r"(?<![^\s(\[])\S+\.(?:png|jpe?g|gif|pdf|docx?|html?)\b", regex.IGNORECASE))),
    )  # telltales (strings, one of which is in every match) and folded (re) patterns are for lowered(text)
    # the long IGNORECASE word lists go in grouped by first letter (numbers.grouped_alternation):
    # the same matches, but far fewer branches tried at each word of a clause
    lex = _Lexicon(
        prefix=regex.compile(rf"(?:(?<![\w$])(?P<cur>{alternation(prefix_codes)}))\s?$"),
        prefix_codes=prefix_codes,
        after_currency=regex.compile(rf"\s*(?P<cur>{grouped_alternation(after_codes)})(?![\w$])", regex.IGNORECASE),
        after_codes=after_codes,
        percent=regex.compile(r"\s*(?:(?P<pp>percentage[\s-]*points?|percent(?:age)?\s+points?|pp|ppts?)(?![\w])"
                              r"|(?P<bp>basis[\s-]points?|bps?)(?![\w])"
                              r"|(?P<pct>%|percent(?![\w-])|per\s*cent(?![\w-])|pct(?![\w])))", regex.IGNORECASE),
        unit=regex.compile(rf"\s*(?P<unit>{grouped_alternation(word_units)})(?![\w])", regex.IGNORECASE),
        unit_symbol=regex.compile(rf"\s?(?P<unit>{alternation(symbols)})(?![\w])"),
        qualifier=regex.compile(rf"(?<![\w])(?P<q>{grouped_alternation(quals)})\s+(?:only\s+)?$", regex.IGNORECASE),
        qualifier_codes={" ".join(k.lower().split()): v for k, v in quals.items()},
        cues=regex.compile(rf"(?<![\w-])(?P<cue>{grouped_alternation(cue_kind)})(?![\w])", regex.IGNORECASE),
        cue_kind={k.lower(): v for k, v in cue_kind.items()},
        basis=regex.compile(rf"(?<![\w])(?P<b>{grouped_alternation(cues['basis'])})(?![\w])", regex.IGNORECASE),
        basis_codes={" ".join(k.lower().split()): v for k, v in cues["basis"].items()},
        rate=regex.compile(rf"\s*(?P<r>{grouped_alternation(cues['rate_words'])})(?![\w]){_NOT_A_RATE}",
                           regex.IGNORECASE),
        rate_codes={" ".join(k.lower().split()): v for k, v in cues["rate_words"].items()},
        counts={k: set(v) for k, v in counts.items()},
        digit_mask=regex.compile(r"(?=[\d+(])(?:\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}:\d{2}\b"
                                 r"|\+?\(?\d{2,4}\)?[ -]\d{3,4}[ -]?\d{4}\b|\b0\d{2,3}-\d{7,8}\b|\b\d{11}\b)"),
        masks=masks,
        date_before=regex.compile(rf"(?<![\w])(?:{MONTHS})\.?\s*(?:\d{{1,2}}\s*(?:-|~|to|and|through)\s*)?$", regex.IGNORECASE),
        date_after=regex.compile(rf"\s*(?:{MONTHS})\b", regex.IGNORECASE),
        name_before=regex.compile(rf"(?<![\w])(?:(?i:{grouped_alternation(counts['name_before'])})"
                                  rf"|{grouped_alternation(counts['name_before_capitalized'], ignorecase=False)})"
                                  r"\s*[#.:]?\s*$"),
        money_metric=regex.compile(rf"(?<![\w])(?:{grouped_alternation(counts['money_metrics'])})(?![\w])"
                                   # not "the capital Haikou", "the capital city", "a trade city"
                                   rf"(?-i:(?!\s+\p{{Lu}}\p{{Ll}}))(?!\s+city\b)", regex.IGNORECASE),
        count_subject=re.compile(rf"(?<![\w-])(?:{alternation(counts['count_subjects'])})(?![\w-])"),
        subject_verb=re.compile(rf"(?<![\w-])({alternation(counts['count_subjects'])})(?:\s+[a-z-]+){{0,4}}?\s+(?:(?:have|has|had)\s+)?"
                                rf"(?:{alternation(counts['count_subject_verbs'])})\s+(?:(?:about|nearly|almost|over|more\s+than|"
                                r"some|around|roughly|approximately)\s+)?$"),
        more_after=regex.compile(r"\s+(?:more|fewer|less|additional|new ones)\b", regex.IGNORECASE),
        change_before=regex.compile(r"(?:increase(?:d)?\s+(?:of|by)|(?:rose|grew|added|up|down|fell|dropped|decreased)\s+by|"
                                    r"an\s+increase\s+of|a\s+decrease\s+of|a\s+net\s+increase\s+of)\s+$", regex.IGNORECASE),
        population_before=regex.compile(rf"(?:{grouped_alternation(counts['population_nouns'])})(?:\s+(?:of\s+)?|[^.;:\n]{{0,40}}?(?<![\w])"
                                        r"(?:of|by|to|at|reached|hit|totaled|totalled|was|were|is|stood\s+at)\s+)"
                                        r"(?:(?:almost|nearly|about|only|around|over|more\s+than|some)\s+)?$", regex.IGNORECASE),
        # "3,000-ton", "0.2-percent", "10,000-square-meter", "5-billion-yuan"; group "joined" for a unit of
        # several words written with hyphens
        hyphen_unit=regex.compile(rf"-(?:percent(?![\w])|per-cent(?![\w])|basis-points?(?![\w])|(?P<joined>{grouped_alternation(hyphened)})(?![\w])|"
                                  rf"(?:{grouped_alternation(word_units)}|yuan|dollars?)(?![\w]))", regex.IGNORECASE),
        hyphened_units=hyphened,
        # "226-km", "300-MW": a unit symbol of two letters or more after a hyphen
        hyphen_symbol=regex.compile(rf"-(?P<unit>{alternation([s for s in symbols if len(s) > 1])})(?![\w])"),
        name_unless_counted=regex.compile(rf"(?<![\w])(?:{alternation(counts['name_before_unless_counted'])})\s*$"),
        bare_follower=regex.compile(rf"\s*(?:$|[,.;:|)]|(?:{grouped_alternation(counts['bare_count_followers'])})(?![\w]))", regex.IGNORECASE),
        # "The number of enterprises ... reached 5,036", "the number of sheep raised ... exceeded 1.1 million"
        number_of=regex.compile(r"(?<![\w])(?:the\s+)?number\s+of\s+(?:[\w-]+\s+){0,3}?"
                                rf"(?P<item>[a-z][\w-]*s|{alternation(counts['singular_counts'])})\b(?!.*\d)",
                                regex.IGNORECASE),
        label_before=regex.compile(r"(?P<item>[a-z][\w-]*)\s*:\s*$", regex.IGNORECASE),
        rate_reference=regex.compile(rf"(?<![\w])(?:{grouped_alternation(cues['rate_reference'])})\s+from\s+$", regex.IGNORECASE),
        guards=_guards(prefix_codes, symbols, quals, counts, cues),
    )
    return dataclasses.replace(lex, folded=_fold_lexicon(lex))


# case-insensitive patterns written where they are used, folded with the lexicon's
_PER = regex.compile(r"\s*(?:/|per\s+|a\s+(?=day|year|month|week|hour))", regex.IGNORECASE)
_POST_CUE = regex.compile(r"\s*(?:(?:year[\s-]on[\s-]year|month[\s-]on[\s-]month|quarter[\s-]on[\s-]quarter|y-o-y)\s+)?"
                          r"(?P<w>[a-z-]+(?:\s+[a-z]+)?)", regex.IGNORECASE)
_SHARE_OF = regex.compile(r"\s*of\s+(?!growth|increase|decline)", regex.IGNORECASE)
_RANGE_CONNECTOR = regex.compile(r"\s*(?:-|~|to|and)\s*", regex.IGNORECASE)


@dataclass(frozen=True)
class _FoldedLexicon:
    """The lexicon's case-insensitive patterns as _folded() makes them: run them on
    lowered(text), at the same offsets as the originals on the text."""

    percent: re.Pattern
    after_currency: re.Pattern
    unit: re.Pattern
    rate: re.Pattern
    cues: re.Pattern
    basis: re.Pattern
    qualifier: re.Pattern
    date_before: re.Pattern
    date_after: re.Pattern
    hyphen_unit: re.Pattern
    more_after: re.Pattern
    change_before: re.Pattern
    population_before: re.Pattern
    bare_follower: re.Pattern
    number_of: re.Pattern
    label_before: re.Pattern
    of_noun_rate: re.Pattern  # "liters of milk a day"
    per: re.Pattern           # "/", "per ", "a " before a second unit or a time word
    post_cue: re.Pattern      # the word(s) right after a percent
    share_of: re.Pattern      # "of" after a percent, not "of growth"
    range_connector: re.Pattern  # "-", "~", "to", "and" between the numbers of a range
    suffix: re.Pattern        # percent, then after_currency, then unit, as _suffix tries them


def _fold_lexicon(lex: _Lexicon) -> _FoldedLexicon:
    """The lexicon's case-insensitive patterns as `re` patterns for lowered(text) (text.folded):
    the same matches, 2-4 x faster per search."""
    word = r"(?!(?:and|or|but|while|which|that|the|a|an|in|to|for|with)\b)[a-z][\w-]*"
    of_noun_rate = regex.compile(rf"\s+of\s+(?:{word}\s+){{0,2}}?{word}" + lex.rate.pattern
                                 + r"(?!\s+(?:later|ago|earlier|before|after))", regex.IGNORECASE)
    same = ("percent", "after_currency", "unit", "rate", "cues", "basis", "qualifier", "date_before", "date_after",
            "hyphen_unit", "more_after", "change_before", "population_before", "bare_follower", "number_of",
            "label_before")
    # one pattern for the three words that may follow a number, in the order _suffix wants
    # them: each starts with \s* and then a branch that cannot start with white space, so
    # the branches of one shared \s* match where the patterns would, the first one first
    bodies = []
    for name in ("percent", "after_currency", "unit"):
        pattern = getattr(lex, name).pattern
        if not pattern.startswith(r"\s*"):
            raise ValueError(f"{name} should start with \\s*")
        bodies.append(f"(?:{pattern[3:]})")
    suffix = regex.compile(r"\s*(?:" + "|".join(bodies) + ")", regex.IGNORECASE)
    return _FoldedLexicon(**{name: _folded(getattr(lex, name)) for name in same}, of_noun_rate=_folded(of_noun_rate),
                          per=_folded(_PER), post_cue=_folded(_POST_CUE), share_of=_folded(_SHARE_OF),
                          range_connector=_folded(_RANGE_CONNECTOR), suffix=_folded(suffix))


@dataclass(frozen=True)
class _Guards:
    """What some lexicon patterns can start or end with, for tests that rule a search out
    before it is run (a failed search over a clause costs microseconds, a set lookup a
    fraction of one). Each test may let through text the pattern then rejects, never the
    reverse, so the figures found are the same. Words are compared in lower case only when
    they are plain ASCII letters (_plain_word); anything else lets the search run, as case
    folding may map a non-ASCII letter to an ASCII one."""

    prefix_last: frozenset    # last characters of currency prefixes ("$", "B" of "RMB")
    symbol_first: frozenset   # first characters of unit symbols (case-sensitive)
    qualifier_last: dict      # last word of a qualifier, lower case -> the words before it ("" if none)
    name_last: frozenset      # last words of lexicon.name_before's case-insensitive names, lower case
    name_last_exact: frozenset  # last words of its case-sensitive names ("Line")
    date_last: frozenset      # words lexicon.date_before can end with: months, "to", "and", "through"
    population_keys: tuple    # first words of population nouns, lower case: one is in every match
    basis_anchors: tuple      # one of these is in every basis phrase (cues.json, checked in _guards)


def _guards(prefix_codes, symbols, quals, counts, cues) -> _Guards:
    """The literal pre-checks run before the searches (words a match must hold), derived from
    the data and checked against it here, at build time."""
    months = load_json("periods.json")["months"]
    for name in (*counts["name_before"], *counts["name_before_capitalized"]):
        if not (name[-1].isalpha() or name[-1] == "."):
            raise ValueError(f"counts.json: name {name!r} should end in a letter or '.' (see _may_end_in_name)")
    return _Guards(
        prefix_last=frozenset(p[-1] for p in prefix_codes),
        symbol_first=frozenset(s[0] for s in symbols if s),
        qualifier_last=_last_words(quals),
        name_last=frozenset(w.split()[-1].lower() for w in counts["name_before"]),
        name_last_exact=frozenset(w.split()[-1] for w in counts["name_before_capitalized"]),
        date_last=frozenset([*(m.lower() for m in months), "to", "and", "through"]),
        population_keys=tuple({w.split()[0].lower() for w in counts["population_nouns"]}),
        basis_anchors=_anchors(cues["basis"], cues["basis_anchors"]),
    )


def _anchors(phrases, anchors) -> tuple:
    """`anchors`, after checking that every phrase holds one within a word (a phrase's
    words may be parted by any white space, so an anchor must not span two)."""
    anchors = tuple(a.lower() for a in anchors)
    for p in phrases:
        if not any(a in word for word in p.lower().split() for a in anchors):
            raise ValueError(f"cues.json: basis phrase {p!r} holds none of basis_anchors")
    return anchors


def _last_words(phrases) -> dict[str, frozenset]:
    """Last word of each phrase, lower case -> the words that stand before it in one
    ("" for a phrase of one word): "more than", "less than" -> {"than": {"more", "less"}}."""
    table: dict[str, set] = {}
    for p in phrases:
        words = p.lower().split()
        table.setdefault(words[-1], set()).add(words[-2] if len(words) > 1 else "")
    return {k: frozenset(v) for k, v in table.items()}


def _may_end_with_phrase(tokens: list[str], table: dict) -> bool:
    """Whether `tokens` (whitespace-split text) may end with one of the phrases of `table`
    (_last_words): plain words are looked up, anything else lets the search run."""
    if not tokens:
        return False
    last = tokens[-1]
    if not _plain_word(last):
        return True
    before = table.get(last.lower())
    if before is None:
        return False
    if "" in before or len(tokens) < 2:
        return "" in before
    prev = tokens[-2]
    return not _plain_word(prev) or prev.lower() in before


def _next_char(text: str, pos: int) -> str:
    """The character at `pos`, or after the one space there: where a pattern starting with
    \\s* or \\s? meets its first word ("" at the end of the text; a further space means
    "unknown", and _may_start lets the search run)."""
    c = text[pos:pos + 1]
    return text[pos + 1:pos + 2] if c == " " else c


def _may_start(c: str, firsts: frozenset) -> bool:
    """Whether a pattern whose matches start with one of `firsts` may match at character `c`
    (from _next_char; "" means no character, so no match)."""
    return c in firsts or c.isspace() or not c.isascii()


def _plain_word(token: str) -> bool:
    """An ASCII word of letters only: a set lookup decides whether it is a given word."""
    return token.isascii() and token.isalpha()


def _may_end_with(tokens: list[str], words: frozenset, exact: frozenset = frozenset()) -> bool:
    """Whether the last of `tokens` (whitespace-split text) may end a match whose last word is
    one of `words` (lower case) or `exact`: a plain word must be one of them; anything
    else ("(about", "No.") may hold one after its punctuation, so it lets the search run."""
    if not tokens:
        return False
    last = tokens[-1]
    return not _plain_word(last) or last.lower() in words or last in exact


_NON_PLURAL = {"overseas", "various", "previous", "famous", "news", "series", "species", "whereas", "perhaps", "always",
               "towards", "afterwards", "besides", "sometimes", "numerous", "continuous", "its", "this", "his", "was", "has",
               "does", "goes", "yes", "across", "unless", "gas", "bus", "plus", "thus", "lens", "chassis", "mathematics",
               "economics", "logistics", "statistics", "electronics", "physics", "politics", "ethics", "athletics"}


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in _NON_PLURAL or len(w) < 3:
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "'s"))


@dataclass(slots=True)
class _Draft:
    """A figure being built: offsets, value, and what kind it turned out to be; equiv is the
    (start, end) of the same amount given beside it (_link_equivalents)."""

    start: int
    end: int
    value: float
    kind: str = ""
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    per: str | None = None
    currency: str | None = None
    unit: str | None = None
    item: str = ""
    pct_unit: str = "percent"
    num_start: int = 0
    equiv: tuple[int, int] | None = None


def find_figures(text: str, sentences: Sequence[tuple[int, int]]) -> list:
    """Money, quantity, count and percent mentions in normalized `text`, in order.

    text (str): normalized article text (text.normalize); offsets index it and the original.
    sentences: (start, end) of each sentence, used to keep context inside a sentence.
    RETURNS (list[Mention]): MoneyAmount, Quantity, Count and Percent objects.
    """
    lex = lexicon()
    starts = [s for s, _ in sentences] or [0]
    bounds = list(sentences) or [(0, len(text))]
    lc = lowered(text)  # for the case-insensitive patterns (_folded)
    masked = _digit_masks(text, lc, lex.digit_mask)
    masked += [(m.start(), m.end()) for telltales, rx in lex.masks if any(t in lc for t in telltales)
               for m in rx.finditer(lc if isinstance(rx, re.Pattern) else text)]
    numbers = _unmasked(find_numbers(text, lc), masked) if masked else list(find_numbers(text, lc))
    drafts: list[_Draft] = []
    i = 0
    while i < len(numbers):
        n = numbers[i]
        k = max(0, bisect.bisect_right(starts, n.start) - 1)
        s_start, s_end = bounds[k]
        if not (s_start <= n.start < max(s_end, s_start + 1)):
            s_start, s_end = 0, len(text)
        d, used = _type_number(text, lc, numbers, i, s_start, s_end, drafts)
        if d is not None:
            drafts.append(d)
        i += used
    _link_equivalents(text, drafts)
    pct_ends = sorted(d.end for d in drafts if d.kind == "percent")
    tables = "|" in text  # a text with no "|" has no table for column_header to read
    if tables:
        drafts = [d for d in drafts if not _in_header_brackets(text, d.start)]
    return _carry_rates([_finish(text, lc, d, bounds, starts, pct_ends, tables) for d in drafts], text, starts)


# Every match of lexicon.digit_mask is a run of the characters below (in lowered text, where any
# digit is one of 0-9 and any white space a space) holding one of these seeds: two digits with one
# or two of " )-:" between them ("10:30", "2024-05", "(010) 8765"), or eleven digits in a row.
_MASK_RUN = frozenset("0123456789+() -:")
_MASK_SEED = re.compile(r"[0-9](?:[ )\-:]{1,2}[0-9]|[0-9]{10})")  # a class first: re skips to the next digit


def _digit_masks(text: str, lc: str, rx: regex.Pattern) -> list[tuple[int, int]]:
    """The spans of rx (lexicon.digit_mask) in `text`, as rx.finditer(text) gives them, found by
    running rx only over the runs of _MASK_RUN characters that hold a seed: a cheap `re` scan
    of lc = lowered(text) instead of a `regex` scan of all of it. No match crosses the edge of
    a run (the character there cannot be in one), so each run gives what the whole scan gives
    in it; the window ends one character past the run, so the \\b of a match ending with the
    run sees what follows, as a search starting inside the text sees what precedes."""
    spans: list[tuple[int, int]] = []
    done = 0
    n = len(lc)
    for seed in _MASK_SEED.finditer(lc):
        lo = seed.start()
        if lo < done:
            continue  # in the run just scanned
        while lo > done and lc[lo - 1] in _MASK_RUN:
            lo -= 1
        hi = seed.end()
        while hi < n and lc[hi] in _MASK_RUN:
            hi += 1
        spans.extend(m.span() for m in rx.finditer(text, lo, hi + 1))
        done = hi
    return spans


def _unmasked(numbers, spans: list[tuple[int, int]]) -> list[Number]:
    """The numbers that start in none of `spans`. The spans, sorted, with the furthest end
    reached so far at each, answer for a number with one bisection instead of a pass
    over all spans."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = []
    furthest = -1
    for _, e in spans:
        furthest = max(furthest, e)
        reach.append(furthest)
    out = []
    for n in numbers:
        k = bisect.bisect_right(starts, n.start) - 1
        if k < 0 or reach[k] <= n.start:
            out.append(n)
    return out


_ONE_IN = re.compile(r"(?<![\w.,])(?:one|two|three|1|2|3)\s+in\s+$")


def _skip(text: str, lc: str, n: Number, s_start: int) -> bool:
    """Numbers that are not figures: years, days of a date, parts of names and codes.
    lc: lowered(text)."""
    lex = lexicon()
    g = lex.guards
    lo = max(s_start, n.start - 20)
    before = text[lo:n.start]
    tokens = before.rsplit(None, 2)
    last = tokens[-1] if tokens else ""
    plain = last.isascii() and last.isalpha()  # the usual case: a plain word, decided by a set lookup
    word = last.lower()
    if not n.is_word and not n.has_scale and n.digits:
        raw = n.digits
        if "," not in raw and "." not in raw and len(raw) == 4 and 1800 <= n.value <= 2100:
            return True  # a year; periods handles it
        if raw.startswith("0") and len(raw) > 1 and not raw.startswith("0."):
            return True  # codes and phone numbers
        if len(raw.replace(",", "")) >= 9 and "," not in raw and "." not in raw:
            return True
        if n.value <= 31 and "." not in raw and (word in g.date_last if plain else _may_end_with(_without_dot(tokens),
                                                                                               g.date_last)) \
                and lex.folded.date_before.search(lc[lo:n.start]):
            return True  # "Dec. 29", "July 7" (not "faster than September 0.7 percentage points": no day has a decimal)
        if n.value <= 31 and lex.folded.date_after.match(lc, n.end, n.end + 12):
            return True  # "15 December"
    if word == "in" and n.value < 100 and _ONE_IN.search(lc, lo, n.start):
        return True  # "one in five residents": a proportion, not five residents
    if (word in g.name_last or last in g.name_last_exact if plain else _may_end_in_name(before, g)) \
            and lex.name_before.search(before):
        verb = last.islower() and len(tokens) > 1 and tokens[-2].lower() in lex.counts["verbs_before_names"]
        if not (verb or lex.name_unless_counted.search(before) and _counted_noun(text, n.end, n.end + 90)[0]):
            return True
    nxt = text[n.end:n.end + 2]
    if nxt[:1] == "-" and nxt[1:2].isalpha():
        # "59-year-old", "Five-Year Plan" are not figures; "3,000-ton", "a 0.2-percent decline", "a 226-km road" are
        return not (lex.folded.hyphen_unit.match(lc, n.end) or lex.hyphen_symbol.match(text, n.end))
    if nxt[:1] in "/" and nxt[1:2].isdigit():
        return True  # "7/10"
    if nxt[:1].isalpha() and not n.has_scale:
        return not (lex.unit_symbol.match(text, n.end) or lex.folded.percent.match(lc, n.end)
                    or lex.folded.after_currency.match(lc, n.end))  # "5G", "1Q25"
    return False


def _without_dot(tokens: list[str]) -> list[str]:
    """The tokens with one "." taken off the last ("Dec." -> "Dec"), as date_before allows."""
    if tokens and tokens[-1].endswith(".") and len(tokens[-1]) > 1:
        return tokens[:-1] + [tokens[-1][:-1]]
    return tokens


def _may_end_in_name(before: str, g: _Guards) -> bool:
    """Whether lexicon.name_before may match `before`, the text up to a number: a name, then
    perhaps white space, one of "#.:" and white space ("No. 5", "Line #3", "Terminal: 2").
    Names end in a letter or "." (checked in _guards), so "2019," or "(" ends none; the last
    word of a name is the last whitespace-split token, less any leading punctuation ("(No");
    a token that is not plain ASCII letters lets the search run."""
    t = before.rstrip()
    if _may_end_name(t, g):
        return True
    return t[-1:] in ("#", ".", ":") and _may_end_name(t[:-1].rstrip(), g)


_ASCII_NON_WORD = "".join(c for c in map(chr, range(128)) if not (c.isalnum() or c == "_"))


def _may_end_name(t: str, g: _Guards) -> bool:
    """Whether a name of lexicon.name_before may end where `t` ends (see _may_end_in_name)."""
    if not t:
        return False
    c = t[-1]
    if c.isascii() and not (c.isalpha() or c == "."):
        return False
    w = t.rsplit(None, 1)[-1].lstrip(_ASCII_NON_WORD)
    core = w[:-1] if w.endswith(".") else w
    if not (w.isascii() and core.isalpha()):
        return True
    return w.lower() in g.name_last or w in g.name_last_exact


def _suffix(text: str, lc: str, pos: int, end: int):
    """What stands right after a number: ('percent', unit, end) / ('money', code, end) /
    ('quantity', unit, end) / None. lc: lowered(text)."""
    lex = lexicon()
    f = lex.folded
    if text[pos:pos + 1] == "-":
        h = f.hyphen_unit.match(lc, pos, end)
        if h and h.group("joined"):  # "10,000-square-meter"
            return ("quantity", lex.hyphened_units[" ".join(h.group("joined").split())], h.end())
        if h:
            pos += 1  # "3,000-ton", "0.2-percent", "5-billion-yuan"
        else:
            h = lex.hyphen_symbol.match(text, pos, end)
            if h:  # "226-km"
                return ("quantity", _symbol_unit(h.group("unit")), h.end())
    m = f.suffix.match(lc, pos, end)  # a percent, a currency or a unit word
    kind = m.lastgroup if m else None
    if kind == "pp" or kind == "pct" or kind == "bp":
        return ("percent", {"pp": "percentage_point", "pct": "percent", "bp": "basis_point"}[kind], m.end())
    if kind == "cur":
        return ("money", lex.after_codes[" ".join(text[m.start("cur"):m.end("cur")].lower().split())], m.end())
    mu = lex.unit_symbol.match(text, pos, end) if _may_start(_next_char(text, pos), lex.guards.symbol_first) else None
    if mu and (not m or mu.end() > m.end()):
        unit = _symbol_unit(mu.group("unit"))
        if unit:
            return ("quantity", unit, mu.end())
    if m:
        return ("quantity", surfaces()[" ".join(text[m.start("unit"):m.end("unit")].lower().split())], m.end())
    return None


@lru_cache(maxsize=None)
def _symbol_unit(sym: str) -> str | None:
    recs = load_json("unit_surfaces.json")
    for u, rec in recs.items():
        if sym in rec.get("symbols", []):
            return u
    return None


def _rate_code(text: str, m: re.Match) -> str:
    """The rate ("day", "year") of a match of the folded rate pattern, read from the text."""
    return lexicon().rate_codes[" ".join(text[m.start("r"):m.end("r")].lower().split())]


def _compound_unit(text: str, lc: str, unit: str, pos: int, end: int) -> tuple[str, int, str | None]:
    """Extend "kg" to "kg/ha" or "kg per mu"; a time word after "per" becomes a rate."""
    f = lexicon().folded
    if text[pos:pos + 1] == "-":
        # "3,000-ton-per-year": the rate belongs to the figure, the span stays "3,000-ton"
        t = _match(r"-per-(day|year|month|week|hour|annum)\b", text[pos:end], regex.IGNORECASE)
        return unit, pos, t.group(1).lower().replace("annum", "year") if t else None
    m = f.per.match(lc, pos, end)
    if not m:
        r = f.rate.match(lc, pos, end)
        if r:
            return unit, r.end(), _rate_code(text, r)
        return unit, pos, None
    after = m.end()
    r = f.rate.match(lc, pos, end)
    if r:
        return unit, r.end(), _rate_code(text, r)
    t = _match(rf"(day|year|month|week|hour|annum)\b{_NOT_A_RATE}", text[after:end], regex.IGNORECASE)
    if t:
        return unit, after + t.end(), t.group(1).lower().replace("annum", "year")
    s = _suffix(text, lc, after, end)
    if s and s[0] == "quantity":
        return f"{unit} / {s[1]}", s[2], None
    return unit, pos, None


def _qualifier(text: str, lc: str, start: int, s_start: int) -> str | None:
    lex = lexicon()
    lo = max(s_start, start - 30)
    if not text[start - 1:start].isspace() or start <= lo:
        return None  # the pattern ends in \s+
    tokens = text[lo:start].rsplit(None, 3)
    # a qualifier ends the text, or stands before "only" ("about only 5")
    if not _may_end_with_phrase(tokens, lex.guards.qualifier_last) and not (
            tokens and tokens[-1].lower() == "only" and _may_end_with_phrase(tokens[:-1], lex.guards.qualifier_last)):
        return None
    m = lex.folded.qualifier.search(lc, lo, start)
    if m:
        phrase = " ".join(text[m.start("q"):m.end("q")].lower().split())
        if phrase == "up to" and _verb_before(lc, m.start("q"), s_start):
            return None  # "growth picked up to 6.1%": the verb's "up", not "at most"
        return lex.qualifier_codes.get(phrase)
    return None


def _verb_before(lc: str, pos: int, s_start: int) -> bool:
    """Whether the word before `pos` is a verb that takes "up" ("picked", "went"; numbers.json
    verbs_before_up_to, or any word ending in "-ed"). lc: lowered(text)."""
    words = lc[max(s_start, pos - 20):pos].split()
    return bool(words) and (words[-1].endswith("ed") or words[-1] in vocabulary()["verbs_before_up_to"])


def _type_number(text, lc, numbers, i, s_start, s_end, drafts):
    """Type numbers[i] (and a range partner); return (draft or None, numbers consumed).
    lc: lowered(text)."""
    lex = lexicon()
    n = numbers[i]
    if _skip(text, lc, n, s_start):
        return None, 1
    start = n.start
    currency = None
    if _may_follow_prefix(text, n.start, lex.guards.prefix_last):
        p = lex.prefix.search(text, max(s_start, n.start - 6), n.start)
        if p:
            currency = lex.prefix_codes[p.group("cur")]
            start = p.start()
    value, low, high, end = n.value, None, None, n.end
    used = 1
    # ranges: "5 to 6 percent", "5-6 percent", "between 120 and 150 mu", "$1-2 billion"
    if i + 1 < len(numbers):
        m2 = numbers[i + 1]
        at = n.end
        if m2.start - n.end <= 6 and lc.startswith("%", n.end):
            at = n.end + 1  # "2.5%-3%": the unit given twice
        conn = lex.folded.range_connector.fullmatch(lc, at, m2.start) if n.is_word == m2.is_word else None
        if conn and m2.start < s_end and not _skip(text, lc, m2, s_start):
            gap = text[at:m2.start]
            own = _suffix(text, lc, n.end, s_end)
            between = _search(r"between\s+$", text[max(s_start, start - 10):start], regex.IGNORECASE)
            word = gap.strip().lower()
            from_before = _search(r"(?:from|between)\s+$", text[max(s_start, start - 8):start], regex.IGNORECASE)
            other = _suffix(text, lc, m2.end, s_end)
            if word == "and" and not between:
                pass
            elif own is None and other is not None or (own is not None and other is not None and own[:2] == other[:2]
                                                         and word in ("-", "~") ) or (
                    own is not None and other is not None and own[:2] == other[:2] and word == "to" and not from_before
                    and own[0] == "percent") or (
                    # "900,000-950,000 units", "20 to 30 workers": a range of a count (no unit on either number)
                    own is None and other is None and m2.value <= 20 * n.value and (word in ("-", "~") or word == "to" and not (
                        from_before or _search(r"(?:by|from)\s+$", text[max(s_start, start - 8):start], regex.IGNORECASE)))):
                scale = 1.0
                if not n.has_scale and m2.has_scale and n.value < m2.value:
                    base2 = float(m2.digits.replace(",", "")) if m2.digits else None
                    if base2:
                        scale = m2.value / base2
                low, high = tidy(n.value * scale), m2.value
                if low <= high:
                    value, end = low, m2.end
                    used = 2
                else:
                    low = high = None  # "5.2%-3.1%": two figures, not a range
    suffix = _suffix(text, lc, end, s_end)
    d = _Draft(start=start, end=end, value=value, low=low, high=high, num_start=n.start)
    d.qualifier = _qualifier(text, lc, start, s_start)
    if currency and (suffix is None or suffix[0] == "money"):
        d.kind, d.currency = "money", currency
        if suffix:
            d.end = suffix[2]
        return _with_rate(text, lc, d, s_end), used
    if suffix is not None:
        kind, what, send = suffix
        d.end = send
        if kind == "percent":
            d.kind, d.pct_unit = "percent", what
            if what == "basis_point":  # "38 basis points" is 0.38 percentage points
                d.pct_unit, d.value = "percentage_point", tidy(value / 100)
                d.low, d.high = (None, None) if low is None else (tidy(low / 100), tidy(high / 100))
            sign = text[max(0, n.start - 1):n.start]
            if sign in ("-", "+") and not text[max(0, n.start - 2):n.start - 1].isalnum():
                d.start = n.start - 1  # "-2.7%", "+5.6%" in a table or list: the sign is part of the figure
                if sign == "-":
                    d.value = -value
                    if low is not None:
                        d.low = -low
        elif kind == "money":
            d.kind, d.currency = "money", what
        else:
            unit, d.end, per = _compound_unit(text, lc, what, send, s_end)
            d.kind, d.unit, d.per = "quantity", unit, per
            if what == "head" and value < 2:
                return None, used
        if d.kind == "quantity" and d.per is None:
            d.per = _rate_after_of(text, lc, d.end, s_end)
        return _with_rate(text, lc, d, s_end) if d.kind != "quantity" else d, used
    if n.vague:
        return None, used
    # counts: a number and the noun it counts ("the three industries" names a known set: no figure)
    if n.is_word and _search(r"(?<![\w])the\s+$", text[max(s_start, start - 5):start], regex.IGNORECASE) \
            and not _search(r"(?<![\w])(?:of|among|all)\s+the\s+$", text[max(s_start, start - 12):start], regex.IGNORECASE):
        return None, used
    part = _partitive_item(text, drafts, start, s_start)
    if part:
        d.kind, d.item = "count", part
        return d, used
    item, item_end = _counted_noun(text, end, s_end, spelled=n.is_word)
    of = _OF_THE.match(text, end, s_end)
    if item is None and of and i + used < len(numbers):
        nxt = numbers[i + used]
        if nxt.start == of.end():
            item2, _ = _counted_noun(text, nxt.end, s_end)
            if item2:
                d.kind, d.item = "count", item2
                return _with_rate(text, lc, d, s_end), used
    part_of = _PARTITIVE_OF.match(text, end, s_end) if item is None and of and d.value != 1 else None
    if part_of:
        # "Six of the routes opened in the quarter", "two of its plants": six routes (not "one of the largest ports")
        item2, _ = _counted_noun(text, part_of.end(), s_end)
        if item2 and not any(c.isdigit() for c in item2):
            d.kind, d.item = "count", item2
            return d, used
    if item is not None:
        d.kind, d.item, d.end = "count", item, item_end
        return _with_rate(text, lc, d, s_end), used
    bare = _bare(text, lc, d, n, s_start, s_end, drafts)
    if bare is None and i + used < len(numbers):
        partner = _coordinated_partner(text, lc, numbers, i + used, s_start, s_end, drafts, d.end, n.has_scale)
        if partner is not None:
            # "44.5 million and 35.1 million visitors", "rose 5 and 7 percent respectively": what the next
            # number is, this one is too
            d.kind, d.item, d.unit, d.currency, d.per, d.pct_unit = (
                partner.kind, partner.item, partner.unit, partner.currency, partner.per, partner.pct_unit)
            described = _DESCRIBED_AND.fullmatch(text, d.end, numbers[i + used].start)
            if described and d.item:  # "226 domestic and 58 international routes": 226 domestic routes
                d.item = f"{described.group(1)} {d.item.split()[-1]}"
            return d, used
    return bare, used


def _coordinated_partner(text, lc, numbers, j, s_start, s_end, drafts, end, has_scale) -> _Draft | None:
    """The figure numbers[j] makes when it follows `end` after "and" / "or" and is scaled as
    the number before it (a bare "3 and 5 million tons" leaves the scale of 3 unsaid)."""
    nxt = numbers[j]
    if nxt.has_scale != has_scale:
        return None
    described = False
    if not _AND_OR.fullmatch(lc, end, nxt.start):
        # "226 domestic and 58 international routes": a word describing each count
        if not _DESCRIBED_AND.fullmatch(text, end, nxt.start):
            return None
        described = True
    partner, _ = _type_number(text, lc, numbers, j, s_start, s_end, drafts)
    if partner is None or partner.start != nxt.start or not partner.kind or described and partner.kind != "count":
        return None
    return partner


_AND_OR = re.compile(r",?\s+(?:and|or)\s+")
_OF_THEM = re.compile(r"\s+of\s+them\b")
_PARTITIVE_OF = re.compile(r"\s+of\s+(?:the|these|those|its|their)\s+(?!(?:top|largest|biggest|first|most|best|major|main|world)\b)", re.IGNORECASE)
_DESCRIBED_AND = re.compile(r"\s+([a-z][a-z-]*),?\s+(?:and|or)\s+")


_OF_THE = regex.compile(r"\s+of\s+(?:the\s+)?")


def _may_follow_prefix(text: str, start: int, last_chars: frozenset) -> bool:
    """Whether lexicon.prefix may match right before `start`: a currency prefix ending in one
    of `last_chars` (the pattern is case-sensitive), then perhaps one \\s, then the end; a
    line break may stand after that end too ("$" matches before a final newline)."""
    c = text[start - 1:start] if start else ""
    if c in last_chars and c:
        return True
    return c.isspace() and (c == "\n" or (start >= 2 and text[start - 2] in last_chars))


def _partitive_item(text: str, drafts, start: int, s_start: int) -> str | None:
    """"Of the 40 industrial sectors (surveyed), 30 saw ...": the count after the clause
    counts the clause's noun."""
    prev = drafts[-1] if drafts else None
    if prev is None or prev.kind != "count" or prev.start < s_start or not prev.item:
        return None
    if not _fullmatch(r"(?:\s+[a-z]+ed)?\s*,\s*", text[prev.end:start]):
        return None
    if not _search(r"(?<![\w])(?:of|among)\s+(?:the|these|those|its|their|all)\s+$", text[max(s_start, prev.start - 12):prev.start],
                        regex.IGNORECASE):
        return None
    return prev.item


def _rate_after_of(text: str, lc: str, pos: int, s_end: int) -> str | None:
    """The rate of "50,000 liters of milk a day": a rate word right after the "of" noun."""
    m = lexicon().folded.of_noun_rate.match(lc, pos, s_end)
    return _rate_code(text, m) if m else None


def _with_rate(text: str, lc: str, d: _Draft, s_end: int) -> _Draft:
    """`d` with the rate written after it ("2m cans a day"), or after a passive verb that
    follows it ("15.37 million trips were made per day")."""
    rx = lexicon().folded.rate
    r = rx.match(lc, d.end, s_end)
    if r is None and lc.startswith((" were ", " was "), d.end):
        verb = _PASSIVE_AFTER.match(lc, d.end, s_end)
        r = rx.match(lc, verb.end(), s_end) if verb else None
    if r:
        d.per = _rate_code(text, r)
    return d


_PASSIVE_AFTER = re.compile(r" (?:were|was) [a-z]+(?:ed|de|ne|nt|ld)(?= )")  # "were made", "were sent", "was handled"


# days counted by the weather they had: "208 days with good air quality", "days of heavy pollution"
_DAYS_OF_AIR = re.compile(r"\s+(?:with|of)\s+(?:good|excellent|fine|clean|heavy|severe|serious)\s+(?:air|pollution)\b", re.IGNORECASE)
_NUMBER_NEXT = re.compile(r"\s+(?:about\s+|more\s+than\s+|over\s+|nearly\s+)?\d")
_THAN = re.compile(r"\s+than\b", re.IGNORECASE)


def _counted_noun(text: str, pos: int, s_end: int, spelled: bool = False) -> tuple[str | None, int]:
    """The counted noun phrase after a number ("frontline workers"), or None."""
    c = lexicon().counts
    words = []
    head_at = None
    end = pos
    skip_to = pos
    stop = min(s_end, pos + 90)
    for m in (_WORD_ASCII if text[pos:stop].isascii() else _WORD).finditer(text, pos, stop):
        if m.start() < skip_to:
            continue
        w = m.group()
        if w[0].isdigit() and head_at is None:
            if words and words[-1].lower() == "and":
                return None, pos  # "226 domestic and 58 international routes": two counts (_coordinated_partner)
            if len(w) == 1:
                break
            words.append(w)  # "1,200 5G base stations"
            continue
        if not w[0].isalpha():
            if w in "-" and words:
                continue
            acr = _ACRONYM.match(text, m.start()) if w == "(" and words and head_at is None else None
            if acr:
                skip_to = acr.end()  # "new energy vehicle (NEV) supply chain projects"
                continue
            break
        lw = w.lower()
        if head_at is None:
            if not words and lw in c["increments"] and not _THAN.match(text, m.end()):
                continue  # "1,500 more enterprises": 1,500 enterprises added (not "1,500 more than")
            if lw in c["not_count_heads"] and not (lw == "and" and words):
                break
            if lw == "and" and words:
                words.append(w)  # "science and technology projects"
                continue
            if not words and (lw in c["time_nouns"] or lw.rstrip("s") in c["time_nouns"]) \
                    and not (lw == "days" and _DAYS_OF_AIR.match(text, m.end())):
                return None, pos  # a duration, not "208 days with good air quality"
            if not words and w[0].isupper() and spelled:
                return None, pos  # "Three New and One Specialty Industries": a name
            words.append(w)
            if _is_plural(w) or lw in c["singular_counts"]:
                counted_days = lw == "days" and (not c["day_qualities"].isdisjoint(x.lower() for x in words[:-1])
                                                 or _DAYS_OF_AIR.match(text, m.end()))
                if (lw in c["time_nouns"] and not counted_days) or lw in c["not_count_heads"] \
                        or (spelled and lw in c["abstract_heads"]):
                    return None, pos
                head_at = len(words)
                end = m.end()
                continue
            if sum(1 for x in words if x.lower() != "and") >= 6:
                return None, pos
        else:
            # "countries and regions", "provinces and cities"
            if lw == "and":
                words.append(w)
                continue
            if words[-1].lower() == "and" and _is_plural(w) and not _NUMBER_NEXT.match(text, m.end()):
                # (not "28 towns and operates 46 harvesters": a verb)
                words.append(w)
                head_at = len(words)
                end = m.end()
                continue
            break
    if head_at is None:
        return None, pos
    phrase = words[:head_at]
    if phrase and phrase[-1].lower() == "and":
        phrase = phrase[:-1]
    return " ".join(phrase).lower(), end


def _bare(text, lc, d: _Draft, n: Number, s_start: int, s_end: int, drafts) -> _Draft | None:
    """A number with nothing after it: a count of the noun in force, a population, money
    of a money-like metric, or nothing. lc: lowered(text)."""
    if "|" in text and not n.is_word:
        header = column_header(text, d.start)
        unit = _header_unit(header)
        if unit is not None:  # "Fuzhou | 285.4 | +2.7%" under "Output (10,000 tonnes)": 2.854 million tonnes
            d.kind, scale, d.unit, d.currency = unit
            d.value *= scale
            d.low, d.high = (None if d.low is None else d.low * scale), (None if d.high is None else d.high * scale)
            return d
        item = _header_item(header)
        if item and "." not in text[d.start:d.end]:
            d.kind, d.item = "count", item  # "Jianye | 9 | 16.9 billion yuan" under "Parcels": 9 parcels
            return d
    lex = lexicon()
    f = lex.folded
    lo = max(s_start, d.start - 60)
    before = text[lo:d.start]
    r = f.rate.match(lc, d.end, s_end)
    if r and n.has_scale:
        d.kind, d.per = "count", _rate_code(text, r)
        return d
    lc_before = lc[lo:d.start]
    if any(w in lc_before for w in lex.guards.population_keys) and f.population_before.search(lc_before):
        d.kind, d.item = "count", "people"
        return d
    if not n.has_scale and "." in text[d.start:d.end]:
        return None  # "stood at 53.0", "came in at 50.5": a reading, never a number of things
    if not n.is_word and lc_before.endswith(" ") and _bare_follows(lc, d.end, s_end):
        said = lex.subject_verb.search(lc, max(s_start, d.start - 80), d.start)
        if said:
            d.kind, d.item = "count", said.group(1)  # "the province's tourist visits hit 76.3 million"
            return d
    prev = _figure_in_force(drafts, s_start)
    if prev is not None and prev.kind == "count" and prev.item and _bare_follows(lc, d.end, s_end) \
            and not n.is_word and not lex.money_metric.search(text, prev.end, d.start):
        # "received 1.92 million visits, while Haikou received 1.37 million"; "bringing the total to 300"
        d.kind, d.item = "count", prev.item
        return d
    if prev is not None and prev.kind == "quantity" and prev.unit and _bare_follows(lc, d.end, s_end) \
            and not n.is_word and _THE_SAME_AGAIN.search(lc, max(s_start, prev.end), d.start) \
            and _shares_a_word(lc, s_start, prev.start, prev.end, d.start):
        # "the stock of cattle was 362,100 head, and the stock of sheep was 4.87 million": the unit goes on
        # (not "1.89 million tonnes, while flight takeoffs and landings reached 477,000")
        d.kind, d.unit, d.per = "quantity", prev.unit, prev.per
        return d
    label_lo = max(s_start, d.start - 40)
    label = f.label_before.search(lc, label_lo, d.start) if text[label_lo:d.start].rstrip().endswith(":") else None
    if label and _is_plural(_group(text, label, "item")) and _bare_follows(lc, d.end, s_end):
        d.kind, d.item = "count", _group(text, label, "item").lower()  # "Newly registered market entities: 486,000"
        return d
    # every match holds "number" (a find is far cheaper than the search)
    num_of = f.number_of.search(lc, s_start, d.start) if lc.find("number", s_start, d.start) >= 0 else None
    if num_of and not n.is_word and _bare_follows(lc, d.end, s_end):
        d.kind, d.item = "count", _group(text, num_of, "item").lower()  # "The number of enterprises ... reached 5,036"
        return d
    numbered = _NUMBERED.search(lc, max(s_start, d.start - 40), d.start) if "number" in lc[max(s_start, d.start - 30):d.start] else None
    if numbered and _is_plural(_group(text, numbered, "item")) and _bare_follows(lc, d.end, s_end):
        d.kind, d.item = "count", _group(text, numbered, "item").lower()  # "Inbound tourists numbered 1.1 million"
        return d
    if n.has_scale and lex.money_metric.search(text[s_start:d.start]) \
            and not _match(r"\s*[\w(]", text[d.end:min(s_end, d.end + 2)] or " "):
        d.kind, d.currency = "money", _currency_in_force(drafts)
        return d
    if n.has_scale and lex.money_metric.search(text[s_start:d.start]) and compiled(r"\s*,").match(text, d.end, s_end):
        d.kind, d.currency = "money", _currency_in_force(drafts)
        return d
    item = _item_in_force(drafts, d.start)
    if item and not n.is_word and _OF_THEM.match(text, d.end, s_end):
        d.kind, d.item = "count", item  # "received 82,300 applications and approved 79,150 of them"
        return d
    if f.more_after.match(lc, d.end, s_end) or (_may_end_change(before) and f.change_before.search(lc_before)):
        if item:
            d.kind, d.item = "count", item
            return d
    if n.has_scale and lc_before.endswith(" to ") and _PERCENT_TO.search(lc_before):
        subject = _count_subject(text, lc, lo, d.start)
        if subject:
            d.kind, d.item = "count", subject  # "Visitor arrivals rose 12 percent to 3.7 million"
            return d
    head = _head_before(text, lc, d.start, s_start) if not n.is_word and _bare_follows(lc, d.end, s_end) else None
    if head and compiled(r"\s*(?:[,.;]|$)").match(text, d.end, s_end):
        d.kind, d.item = "count", head if head.endswith("s") else head + "s"  # "new start project 268,"
        return d
    if compiled(r"\s+(?:were|are|was|have been|had been)\s").match(text, d.end, s_end) and _search(
            r"(?:^|[,;:-]\s*|\bof\s+(?:which|them)\s+|\bamong\s+them,?\s+|\bincluding\s+)$", before, regex.IGNORECASE):
        if item:
            d.kind, d.item = "count", item
            return d
    return None


def _head_before(text: str, lc: str, pos: int, s_start: int) -> str | None:
    """The counted noun a translation wrote before its number ("projects 19"), from
    counts.json heads_before_number; lc: lowered(text)."""
    m = _head_before_re().search(lc, max(s_start, pos - 20), pos)
    # lower case as written: "Village 3", "Project 2" are names
    return m.group("noun") if m and text[m.start("noun")].islower() else None


@lru_cache(maxsize=1)
def _head_before_re() -> regex.Pattern:
    """The pattern of _head_before, built once (its alternation sorts the vocabulary)."""
    heads = lexicon().counts["heads_before_number"]
    return compiled(rf"(?<![\w-])(?<!\bthe\s)(?P<noun>{alternation(heads)})\s+$")


# "[plural noun] numbered N", "[plural noun] numbering N"
_NUMBERED = re.compile(r"(?<![\w-])(?P<item>[a-z][a-z-]+)\s+number(?:ed|ing)\s+(?:(?:about|nearly|some|over|more\s+than)\s+)?$")


def _bare_follows(lc: str, pos: int, end: int) -> bool:
    """Whether lexicon.bare_follower matches at `pos` (folded, on lc = lowered(text)). A number
    may end past its sentence ("5\\nmillion"): `regex` reads a window that ends before it
    starts as empty, where the pattern's "$" matches; `re` finds nothing there."""
    return pos >= end or lexicon().folded.bare_follower.match(lc, pos, end) is not None


def _group(text: str, m: re.Match, name: str) -> str:
    """Group `name` of a folded pattern's match, as the text writes it."""
    return text[m.start(name):m.end(name)]


def _may_end_change(before: str) -> bool:
    """Whether lexicon.change_before ("rose by ", "an increase of ") may match `before`:
    it ends in "of" or "by" and white space."""
    return before[-1:].isspace() and before.rstrip()[-2:].lower() in ("of", "by")


def _shares_a_word(lc: str, s_start: int, a: int, b: int, c: int) -> bool:
    """Whether the words before the first figure (lc[s_start:a]) and those between it and the
    second (lc[b:c]) share a word of four letters or more, a noun or the verb ("the stock of ...
    the stock of", "handled ... handled"): the two clauses measure the same thing."""
    first = set(_LONG_WORD.findall(lc, s_start, a))
    return any(w in first for w in _LONG_WORD.findall(lc, b, c) if w not in _SAME_AGAIN_LINKS)


_LONG_WORD = re.compile(r"[a-z]{4,}")
_SAME_AGAIN_LINKS = frozenset({"while", "whereas", "about", "nearly", "over", "more", "than", "around", "some", "that"})
# between a quantity and a bare number that repeats its unit: a new clause with a verb of the same kind
_THE_SAME_AGAIN = re.compile(r"(?:,|;|\band\b|\bwhile\b|\bwhereas\b).*\b(?:was|were|is|are|reached|stood\s+at|"
                             r"produced|handled|totaled|totalled|amounted\s+to|hit)\s+(?:(?:about|nearly|over|more\s+than|"
                             r"around|some)\s+)?$")


def _figure_in_force(drafts, s_start: int):
    """The last money/quantity/count figure of this sentence, or None."""
    for d in reversed(drafts):
        if d.start < s_start:
            return None
        if d.kind in ("money", "quantity", "count"):
            return d
    return None


def _currency_in_force(drafts) -> str:
    for d in reversed(drafts):
        if d.kind == "money" and d.currency:
            return d.currency
    return "CNY"


_PERCENT_TO = re.compile(r"(?:percent|per\s+cent|%)\s+to\s+$")


def _count_subject(text: str, lc: str, lo: int, pos: int) -> str | None:
    """The last count noun (counts.json count_subjects) in lc[lo:pos], if no money metric is named
    there: what a bare "to 3.7 million" after a change counts."""
    lex = lexicon()
    found = None
    for found in lex.count_subject.finditer(lc, lo, pos):
        pass
    if found is None or lex.money_metric.search(text, lo, pos):
        return None
    return found.group()


def _item_in_force(drafts, pos: int) -> str | None:
    """The noun counted most recently in this sentence or the one before."""
    for d in reversed(drafts):
        if d.kind == "count" and d.item and pos - d.end < 400:
            return d.item
    return None


_GLOSS = regex.compile(r"\s*,?\s*(?:or|i\.e\.|equivalent\s+to|equal\s+to)\s+(?:(?:about|around|approximately|roughly|nearly|some)\s+)?",
                       regex.IGNORECASE)


def _link_equivalents(text: str, drafts: list[_Draft]) -> None:
    """"10.13 billion yuan ($1.41 billion)": pair money with money, quantity with quantity."""
    for a, b in zip(drafts, drafts[1:]):
        if a.kind != b.kind or a.kind not in ("money", "quantity"):
            continue
        gap = text[a.end:b.start]
        if a.kind == "money" and a.currency != b.currency and _GLOSS.fullmatch(gap) \
                and not _match(r"\s*(?:each|respectively)\b", text[b.end:b.end + 14]):
            a.equiv = (b.start, b.end)  # "780 million yuan, or about 108 million U.S. dollars"
            b.equiv = (a.start, a.end)
            continue
        if a.kind == "quantity" and a.unit != b.unit and a.unit and b.unit and _OR_GLOSS.fullmatch(gap) \
                and _same_amount(a, b):
            a.equiv = (b.start, b.end)  # "2.44 million hectares, or 36.6 million mu"
            b.equiv = (a.start, a.end)
            continue
        if _fullmatch(r"\s*[(\[]\s*(?:(?:about|around|approximately|approx\.?|roughly|or|nearly|some|equal\s+to|"
                           r"equivalent\s+to)\s+)?", gap, regex.IGNORECASE) and _match(r"\s*[)\]]", text[b.end:b.end + 3]):
            a.equiv = (b.start, b.end)
            b.equiv = (a.start, a.end)
            if a.kind == "quantity" and b.unit == "acre" and a.unit == "hectare" and a.value:
                ratio = b.value / a.value
                if abs(ratio / 2.4710538 - 1) > 0.05:
                    b.unit = "mu"  # "acres" glossing hectares at 15 to 1 (or garbled) is the Chinese mu
            if a.kind == "quantity" and b.unit and "acre" in b.unit and a.unit and "hectare" in a.unit:
                b.unit = b.unit.replace("acre", "mu")


_OR_GLOSS = re.compile(r"\s*,?\s+or\s+(?:(?:about|around|roughly|nearly|some|approximately)\s+)?")


def _same_amount(a: _Draft, b: _Draft) -> bool:
    """Whether two quantities in different units are the same amount (within 5 percent)."""
    (va, ua), (vb, ub) = to_base(a.value, a.unit), to_base(b.value, b.unit)
    return ua == ub and va > 0 and abs(vb / va - 1) <= 0.05


_COORD = regex.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and|or)\s*")
# "investment in eastern areas rose 1.2 percent, central areas 4.0 percent": the verb left out
_GAPPED = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?P<np>(?:[a-z][\w'-]*\s+){1,4})", re.IGNORECASE)
_NOT_GAPPED_LAST = frozenset(("for", "to", "of", "at", "by", "from", "about", "nearly", "over", "than", "with", "only",
                              "and", "or", "the", "a", "an", "was", "were", "is", "are", "reached", "hit", "totaled"))


def _gapped(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is ", [and] <noun phrase> " with no verb or share word: a percent after
    it repeats the change before it for another item."""
    m = _GAPPED.fullmatch(text, a, b)
    if m is None:
        return False
    words = m.group("np").lower().split()
    if words[-1] in _NOT_GAPPED_LAST:
        return False
    cue_kind = lexicon().cue_kind
    return not any(w in cue_kind for w in words) and not any(
        " ".join(words[i:i + 2]) in cue_kind for i in range(len(words) - 1))


def _carry_rates(out: list, text: str, starts) -> list:
    """A percent coordinated with a change ("grew 6.1% and 6.3% respectively") or naming its
    earlier rate ("grew 5.2 percent, up from 4.9 percent") is a change in the same direction."""
    lex = lexicon()
    prev = None
    for i, m in enumerate(out):
        if m.type != "percent":
            continue
        same = prev is not None and bisect.bisect_right(starts, prev.start) == bisect.bisect_right(starts, m.start)
        if same and prev.role == "change" and m.role == "share" and not _match(r"\s*of\b", text[m.end:m.end + 4]):
            coord = _COORD.fullmatch(text, prev.end, m.start) or _gapped(text, prev.end, m.start)
            ref = lex.rate_reference.search(text, max(prev.end, m.start - 40), m.start)
            if coord or ref:
                out[i] = m = m.with_(role="change", direction=prev.direction, basis=m.basis or prev.basis)
        prev = m
    return out


def _finish(text: str, lc: str, d: _Draft, bounds, starts, pct_ends: list[int], tables: bool = True):
    """Turn a draft into its result object, with role/direction/basis for percents.

    pct_ends: the end offsets of all percent drafts, sorted, to find where the percent
    before this one ends (a bisection, not a pass over every draft for every percent).
    tables: whether the text may hold a table written as text (column_header).
    The objects are built with keywords written out, not from a shared dict: one is built
    for every figure, and the dict and its unpacking cost as much as the rest."""
    kind = d.kind
    if kind == "money":
        return MoneyAmount(start=d.start, end=d.end, text=text[d.start:d.end], value=d.value, low=d.low, high=d.high,
                           qualifier=d.qualifier, per=d.per, currency=d.currency or "CNY", equivalent=d.equiv)
    if kind == "quantity":
        try:
            base_value, base_unit = to_base(d.value, d.unit)
        except Exception:  # pint cannot convert (e.g. an unusual compound); keep the unit as written
            base_value, base_unit = None, None
        return Quantity(start=d.start, end=d.end, text=text[d.start:d.end], value=d.value, low=d.low, high=d.high,
                        qualifier=d.qualifier, per=d.per, unit=d.unit, base_value=base_value, base_unit=base_unit,
                        equivalent=d.equiv)
    if kind == "count":
        return Count(start=d.start, end=d.end, text=text[d.start:d.end], value=d.value, low=d.low, high=d.high,
                     qualifier=d.qualifier, per=d.per, item=d.item)
    k = max(0, bisect.bisect_right(starts, d.start) - 1)
    s_start, s_end = bounds[k] if bounds else (0, len(text))
    # the last percent ending before this one starts, if it ends in this sentence
    j = bisect.bisect_right(pct_ends, d.start)
    prev_pct_end = pct_ends[j - 1] if j and pct_ends[j - 1] >= s_start else s_start
    role, direction, basis = percent_attributes(text, d.start, d.end, prev_pct_end, s_end, d.value, lc)
    if (role == "share" or direction == "up" and d.value >= 0 and text[d.start] != "+") and prev_pct_end > s_start \
            and _AND_NEXT.fullmatch(lc, prev_pct_end, d.start):
        # "rose 6.3 percent in nominal terms and 5.9 percent in real terms", "were down 0.3 percent month-on-month
        # and 4.7 percent year-on-year": the cue before the first serves both (a change found with no cue of its own
        # is "up" by default)
        again = percent_attributes(text, d.start, d.end, s_start, s_end, d.value, lc)
        if role == "share" or again[0] == "change":
            role, direction, basis = again
    header = column_header(text, d.start) if tables else None
    if header is not None:
        # a cell under "Growth" / "YoY" / "Change" in a table written as text lines is a change
        kind = lexicon().cue_kind.get(header.lower())
        if kind in ("up", "down") or (_CHANGE_HEADER.search(header) and not _SHARE_HEADER.search(header)):
            if role == "share":
                role, direction = "change", ("down" if d.value < 0 or kind == "down" else "up")
            basis = basis or ("yoy" if _YOY_HEADER.search(header) else None)
    value, low, high = d.value, d.low, d.high
    if value < 0:
        # "-5.1%" reads as "down 5.1 percent": the value is the magnitude, the sign is the direction
        value, low, high = -value, None if low is None else -low, None if high is None else -high
        if low is not None and high is not None and low > high:
            low, high = high, low
    return Percent(start=d.start, end=d.end, text=text[d.start:d.end], value=value, low=low, high=high,
                   qualifier=d.qualifier, per=d.per, unit=d.pct_unit, role=role, direction=direction, basis=basis)


# between two percents, words that make the second one the first's sequel (lowered text)
_AND_NEXT = re.compile(r"(?:\s+in\s+[a-z]+\s+terms|\s+(?:year|month)[\s-]on[\s-](?:year|month))?\s*,?\s+and\s+")
# column headers that make a table's percents changes, and those that make them shares
_CHANGE_HEADER = regex.compile(r"(?i)(?<![\w-])(?:y-?o-?y|year[\s-]on[\s-]year|change|growth|increase|rise)(?![\w-])")
_SHARE_HEADER = regex.compile(r"(?i)(?<![\w-])(?:share|proportion|ratio|of\s+total)(?![\w-])")
_YOY_HEADER = regex.compile(r"(?i)y-?o-?y|year[\s-]on[\s-]year")


@lru_cache(maxsize=256)
def _header_unit(header: str | None) -> tuple[str, float, str | None, str | None] | None:
    """(kind, scale, unit, currency) named in brackets by a table's column header ("Output
    (10,000 tonnes)", "Revenue (billion yuan)"), read as a figure of one; None if it names none."""
    if not header or "(" not in header:
        return None
    inner = header[header.rfind("(") + 1:].rstrip(") ")
    if not inner or "|" in inner:
        return None
    # a unit alone is read after 1,000 ("1 head" is no livestock figure)
    probe = inner if inner[0].isdigit() else "1000 " + inner
    found = find_figures(probe, [(0, len(probe))])
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(probe) or found[0].type not in ("money", "quantity"):
        return None
    f = found[0]
    scale = f.value if inner[0].isdigit() else f.value / 1000
    return f.type, scale, getattr(f, "unit", None), getattr(f, "currency", None)


def _header_item(header: str | None) -> str | None:
    """The things a table's column counts when its header is a plural noun phrase with no unit
    ("Parcels", "New projects"), lower case; else None."""
    if not header or "(" in header:
        return None
    words = header.split()
    if not 1 <= len(words) <= 3 or not all(w.isalpha() or "-" in w for w in words) or not _is_plural(words[-1]):
        return None
    low = header.lower()
    if lexicon().money_metric.search(low) or words[-1].lower() in lexicon().counts["time_nouns"]:
        return None  # "Sales", "Years"
    return " ".join(low.split())


def _in_header_brackets(text: str, pos: int) -> bool:
    """Whether pos is inside brackets on the header line of a table written with "|" (the
    unit of a column, "Output (10,000 tonnes)", is no figure)."""
    line_start, line_end = _line_at(text, pos)
    if "|" not in text[line_start:line_end] or text.rfind("(", line_start, pos) <= text.rfind(")", line_start, pos):
        return False
    next_line = text[line_end + 1:_line_at(text, line_end + 1)[1]] if line_end < len(text) else ""
    prev_line = text[_line_at(text, line_start - 1)[0]:line_start - 1] if line_start else ""
    return "|" in next_line and "|" not in prev_line


def _line_at(text: str, pos: int) -> tuple[int, int]:
    """Start and end (before its newline) of the line of `text` holding offset `pos`."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def column_header(text: str, pos: int) -> str | None:
    """The header of the table column holding `pos`, for tables written as lines of cells
    separated by "|" (the first line of the block is the header); None outside such a table."""
    line_start, line_end = _line_at(text, pos)
    if "|" not in text[line_start:line_end]:
        return None
    column = text.count("|", line_start, pos)
    top = line_start
    while top > 0:
        prev_start = text.rfind("\n", 0, top - 1) + 1
        if "|" not in text[prev_start:top - 1]:
            break
        top = prev_start
    if top == line_start:
        return None  # the first line is the header itself
    cells = text[top:text.find("\n", top)].split("|")
    return cells[column].strip() if column < len(cells) else None


def percent_attributes(text: str, start: int, end: int, window_start: int, s_end: int,
                       value: float, lc: str | None = None) -> tuple[str, str | None, str | None]:
    """Role (change/share), direction and basis of the percent at text[start:end], from
    the cue words of its clause. lc: lowered(text), if the caller has it.

    The basis and the last cue before the percent are looked for only once a rule needs
    them: a share found earlier takes neither."""
    lex = lexicon()
    f = lex.folded
    if lc is None:
        lc = lowered(text)
    a = max(window_start, start - 120)
    b = min(s_end, end + 60)
    before = text[a:start]
    lc_before = lc[a:start]
    # cue right after: "13 percent growth", "1.5 percent higher", "10.6 percent year-on-year increase"
    post = f.post_cue.match(lc, end, b)
    if post:
        w = _group(text, post, "w").lower()
        for cand in (w, w.split()[0]):
            kind = lex.cue_kind.get(cand)
            if kind in ("up", "down") and cand not in ("up", "down", "to") or cand in _COMPARATIVES:
                kind = kind or _COMPARATIVES[cand]
                return "change", kind, _basis(text, lc, a, start, end, b)
    if f.share_of.match(lc, end, b) and not (_may_end_change(before) and f.change_before.search(lc_before)):
        return "share", None, None
    stripped = before.rstrip().lower()
    if stripped.endswith(("to", "from", "at")) and _search(r"(?:^|\s)(?:to|from|at)$", stripped) \
            and not _search(r"(?:up|down)\s+to$", stripped):
        paced = _PACE_AT.search(stripped) if stripped.endswith("at") else None
        if paced:  # "Nanyang grew the fastest at 7.2 percent": the pace of a change
            return "change", lex.cue_kind.get(paced.group(1), "up"), _basis(text, lc, a, start, end, b)
        rate = _RATE_NOUN_TO.search(stripped)
        if rate:  # "GDP growth slowed to 0.1 percent", "the fastest growth, at 41.7 percent": a rate of change
            return "change", lex.cue_kind[rate.group(1)], _basis(text, lc, a, start, end, b)
        return "share", None, None  # "rose to 5 percent", "stood at 5 percent": a level
    if value < 0:
        return "change", "down", _basis(text, lc, a, start, end, b)
    if text[start:start + 1] == "+":
        return "change", "up", _basis(text, lc, a, start, end, b)
    last = None
    for m in f.cues.finditer(lc_before):
        last = m
    if last is not None:
        kind = lex.cue_kind.get(" ".join(_group(before, last, "cue").lower().split()))
        if kind in ("up", "down"):
            return "change", kind, _basis(text, lc, a, start, end, b)
        return "share", None, None
    basis = _basis(text, lc, a, start, end, b)
    if basis:
        return "change", "up", basis
    return "share", None, None


@lru_cache(maxsize=1)
def _basis_anchor_re() -> re.Pattern:
    """Any of the basis anchors (one is in every basis phrase): one scan instead of one per anchor."""
    return re.compile("|".join(re.escape(a) for a in lexicon().guards.basis_anchors))


# right after a percent, words that make it a change in their direction ("1.5 percent higher", "0.8 points faster")
_COMPARATIVES = {"higher": "up", "more": "up", "up": "up", "faster": "up", "lower": "down", "less": "down",
                 "down": "down", "slower": "down"}
# a noun naming a change, up to three words, then "to", "at" or "from": the percent after it is that change
_RATE_NOUN_TO = re.compile(r"(?<![\w-])(growth|increase|rise|decline|decrease|drop|contraction)(?:\s+rate)?"
                           r"(?:,|\s+[a-z0-9-]+){0,3}\s+(?:to|at|from)$")
# a change verb, a few words, then "at": the percent after it is the change's pace
_PACE_AT = re.compile(r"(?<![\w-])(grew|grow|grows|growing|rose|expanded|increased|fell|declined|dropped|shrank)"
                      r"(?:\s+[a-z-]+){0,3}\s+at$")
_THAN_AFTER = re.compile(r"\s+(?:higher|lower|faster|slower|more|less|above|below)\s+than\s+([^,;.]{0,40})")


def _basis(text: str, lc: str, a: int, start: int, end: int, b: int) -> str | None:
    """The basis ("yoy", "mom", "qoq") of the percent at text[start:end]: the basis cue
    in text[a:b] nearest the percent, before or after it ("fell 0.3 percent year-on-year
    and rose 0.2 percent month-on-month": each takes its own). The percent itself is
    blanked out, so no cue runs across it. lc: lowered(text)."""
    lex = lexicon()
    gap = " " * (end - start)
    window = lc[a:start] + gap + lc[end:b]
    if not _basis_anchor_re().search(window):
        return None
    than = _THAN_AFTER.match(lc, end, b)
    if than and not _basis_anchor_re().search(than.group(1)):
        return None  # "2.1 percentage points higher than the province average": compared with a place, not a time
    here, there = start - a, end - a
    best, best_distance = None, None
    for m in lex.folded.basis.finditer(window):
        distance = here - m.end() if m.end() <= here else max(0, m.start() - there)
        if best is None or distance < best_distance:
            best, best_distance = m, distance  # the first of equally near ones, as min() takes it
    if best is None:
        return None
    return lex.basis_codes.get(" ".join(_group(text[a:start] + gap + text[end:b], best, "b").lower().split()))
