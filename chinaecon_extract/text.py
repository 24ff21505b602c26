"""Offset-preserving text normalization.

Articles arrive with no-break spaces, curly quotes, em dashes and full-width digits.
Recognizers read a normalized copy in which every character is replaced by exactly one
character, so an offset into the copy is the same offset into the original: mentions
always slice the text as the caller passed it.
"""
from __future__ import annotations

import re
import string
import unicodedata
from bisect import bisect_left
from functools import lru_cache

import regex

# one-to-one replacements; anything not listed is kept
_SINGLE = {
    # spaces
    **{c: " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                        "\u2009\u200a\u202f\u205f\u3000\t\u200b\ufeff"},
    # quotes and apostrophes
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\uff07": "'", "\u0060": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\uff02": '"',
    "\u00ab": '"', "\u00bb": '"',
    # dashes and minus signs
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    # Chinese punctuation that English copy often keeps
    "\u3001": ",", "\u3002": ".", "\uff0c": ",", "\uff0e": ".", "\uff1a": ":", "\uff1b": ";",
    "\uff01": "!", "\uff1f": "?", "\uff08": "(", "\uff09": ")", "\u3010": "[", "\u3011": "]",
    "\uff05": "%", "\uffe5": "\u00a5", "\uff04": "$", "\u2026": ".",
}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table = {ord(k): v for k, v in _SINGLE.items()}
    # full-width ASCII block (digits, letters, symbols) -> ASCII
    for cp in range(0xFF01, 0xFF5F):
        table.setdefault(cp, chr(cp - 0xFEE0))
    return table


@lru_cache(maxsize=1)
def _special() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_table())) + "]")


@lru_cache(maxsize=8)
def normalize(text: str) -> str:
    """Return a copy of `text` of the same length with spaces, quotes, dashes and
    full-width forms folded to ASCII. Line breaks are kept (they end sentences).

    Only the few characters that need folding are touched (a regex finds them), and the
    last few results are cached because every component of a pipeline asks for them."""
    if text.isascii() and "\t" not in text and "`" not in text:
        return text
    table = _table()
    return _special().sub(lambda m: table[ord(m.group())], text)


def fold_accents(s: str) -> str:
    """Strip diacritics for name matching only ("Ürümqi" -> "Urumqi")."""
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def alternation(words) -> str:
    """A regex alternation of `words`, longest first so the longest surface wins, with each
    space matching any run of whitespace ("per cent" also matches "per  cent")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1024)
def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    """`pattern` compiled once, for patterns written where they are used: a plain cache
    lookup, where regex's own cache spends longer on flag handling than many short matches take."""
    return regex.compile(pattern, flags)


# Case-insensitive patterns on a lowered copy of the text.
#
# The regex module spends most of a case-insensitive search on case folding; `re` with
# the same pattern in lower case, run on a lower-case copy of the text, finds the same
# matches two to four times faster. lowered() makes that copy, keeping every offset, and
# folded() the pattern. The copy must look to `re` as the text looks to `regex`: ASCII
# lowers to ASCII; any other character (and the four ASCII separators \x1c-\x1f, which
# `re` counts as \s and `regex` does not) is replaced by an ASCII stand-in of the same
# kind (_stand_in). Group text read from the copy is lower case (and may hold stand-ins):
# take what is reported from the text itself.

_ODD = re.compile(r"[^\x00-\x1b\x20-\x7f]")


@lru_cache(maxsize=None)
def _stand_in(c: str) -> str:
    """The ASCII character that plays `c`'s part in lowered(): the letter it matches when
    case is ignored (the Kelvin sign is "k"), else a digit, a word character, a space or
    a symbol, as `regex` classes it. The folded patterns are ASCII and use no other class."""
    for x in string.ascii_lowercase:
        if regex.fullmatch(x, c, flags=regex.IGNORECASE):
            return x
    for cls, stand_in in ((r"\d", "0"), (r"\w", "_"), (r"\s", " ")):
        if regex.fullmatch(cls, c):
            return stand_in
    return "\x7f"


def lowered(text: str) -> str:
    """`text` in lower case, the same length, for the patterns of folded()."""
    return _ODD.sub(lambda m: _stand_in(m.group()), text).lower()


def folded(rx: regex.Pattern) -> re.Pattern:
    """The case-insensitive `regex` pattern `rx` as an `re` pattern for lowered(text): the
    same matches at the same offsets. Only ASCII patterns in the syntax both modules read
    alike are taken; anything else is refused here, at import."""
    p = rx.pattern
    allowed = regex.IGNORECASE | regex.VERBOSE | regex.UNICODE | regex.VERSION0
    if not rx.flags & regex.IGNORECASE or rx.flags & ~allowed or not p.isascii() \
            or any(x in p for x in (r"\p", r"\P", "(?-", "(?i", r"\m", r"\M", r"\X", r"\N", r"\G", "(?r", "(?|", "(?>")):
        raise ValueError(f"cannot fold {p[:60]!r}")
    # lower the literals; escapes (\S, \W, \.) and the "P" of named groups stay as written
    parts = regex.split(r"(\\.)", p, flags=regex.DOTALL)
    body = "".join(part if part.startswith("\\") else part.lower() for part in parts)
    body = body.replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(body, re.VERBOSE if rx.flags & regex.VERBOSE else 0)


class DisjointSpans:
    """Spans [start, end) that never overlap, each with its item, kept in text order. Disjoint
    spans sorted by start are sorted by end too, so only the last one starting before a new
    span's end can overlap it: one bisect, not a scan over the spans kept."""

    __slots__ = ("starts", "ends", "items")

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.items: list = []  # in text order

    def add(self, start: int, end: int, item) -> bool:
        """Keep `item` at [start, end) unless it overlaps a span kept; whether it was kept."""
        c = bisect_left(self.starts, end)
        if c and self.ends[c - 1] > start:
            return False
        self.starts.insert(c, start)
        self.ends.insert(c, end)
        self.items.insert(c, item)
        return True
