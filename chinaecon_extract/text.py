"""Offset-preserving text normalization.

Articles arrive with no-break spaces, curly quotes, em dashes and full-width digits.
Recognizers read a normalized copy in which every character is replaced by exactly one
character, so an offset into the copy is the same offset into the original: mentions
always slice the text as the caller passed it.
"""
from __future__ import annotations

import re
import unicodedata
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
