"""Numbers as the genre writes them: "516,000", "125.635 billion", "1.2bn", "2m",
"twelve", "a dozen", "half a million", "one-third", "tens of thousands".

`find_numbers(text)` scans normalized text (see text.py) and yields every number with
its value, scale applied; `parse_number(s)` parses one whole string. The vocabulary
lives in data/numbers.json.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from .data import load_json
from .text import alternation


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text. value has the scale applied; vague marks "thousands of"."""

    start: int
    end: int
    value: float
    is_word: bool = False
    has_scale: bool = False
    vague: bool = False
    decimals: int = 0
    digits: str = ""


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return load_json("numbers.json")


@lru_cache(maxsize=1)
def _number_re() -> regex.Pattern:
    v = vocabulary()
    small = alternation(list(v["units"]) + list(v["tens"]))
    word_num = (rf"(?:(?:{small})(?:[\s-]+(?:{small}))?(?:\s+hundred(?:\s+and\s+(?:{small})(?:[\s-]+(?:{small}))?)?)?)")
    spelled = alternation(v["word_numbers"])
    fractions = alternation(v["fractions"])
    vague = alternation(v["vague"])
    long_scales = alternation([s for s in v["scales"] if len(s) > 3 and s not in ("hundred",)])
    short_scales = alternation([s for s in v["scales"] if len(s) <= 3 and s not in ("wan", "yi")])
    spaced_short = alternation([s for s in v["scales"] if 2 <= len(s) <= 3 and s not in ("wan", "yi")])  # "1.2 bn", not "2 m"
    digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    pattern = rf"""
        (?:(?<![\w.,/:-])|(?<=\d\s?[-~]\s?)|(?<=(?:^|[\s(\[])-)|(?<=(?<![\w])(?:RMB|CNY|USD|HKD|EUR|GBP|JPY)))
        (?:
          (?P<vague>{vague})(?!\w)
        | (?P<spelled>{spelled})(?!\w)(?:\s+(?P<scale_sp>{long_scales})(?!\w))?
        | (?P<digits>{digits})(?!\d|,\d|(?:st|nd|rd|th|s)\b)
            (?:
               (?P<short>{short_scales})(?![\w])
             | \s(?P<short_sp>{spaced_short})(?![\w])
             | \s*(?P<scale>(?:{long_scales})(?:\s+(?:{long_scales}))?)(?!\w)
            )?
        | (?P<frac>{fractions})(?!\w)(?:\s+(?:of\s+)?(?:a\s+)?(?P<scale_fr>{long_scales})(?!\w))?
        | (?P<words>{word_num})(?!\w)(?:\s+(?P<scale_w>{long_scales})(?!\w))?
        )
    """
    return regex.compile(pattern, regex.IGNORECASE | regex.VERBOSE)


def _scale_value(s: str | None) -> float:
    if not s:
        return 1.0
    scales = vocabulary()["scales"]
    total = 1.0
    parts = s.lower().split()
    # "hundred million" is one unit (yi); otherwise multiply word by word
    joined = " ".join(parts)
    if joined in scales:
        return float(scales[joined])
    for p in parts:
        total *= scales.get(p, 1)
    return total


def words_value(s: str) -> float | None:
    """Value of spelled-out cardinal words ("twenty-five", "three hundred and twelve")."""
    v = vocabulary()
    total, current = 0, 0
    for w in regex.split(r"[\s-]+", s.lower()):
        if not w or w == "and":
            continue
        if w in v["units"]:
            current += v["units"][w]
        elif w in v["tens"]:
            current += v["tens"][w]
        elif w == "hundred":
            current = max(current, 1) * 100
        else:
            return None
    return float(total + current)


def _from_match(m: regex.Match) -> Number | None:
    v = vocabulary()
    g = m.group
    if g("vague"):
        key = " ".join(g("vague").lower().split())
        return Number(m.start(), m.end(), float(v["vague"][key]), is_word=True, vague=True)
    if g("spelled"):
        key = " ".join(g("spelled").lower().split())
        return Number(m.start(), m.end(), float(v["word_numbers"][key]) * _scale_value(g("scale_sp")),
                      is_word=True, has_scale=bool(g("scale_sp")))
    if g("digits") is not None:
        raw = g("digits")
        try:
            base = float(raw.replace(",", ""))
        except ValueError:
            return None
        scale = g("short") or g("short_sp") or g("scale")
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        return Number(m.start(), m.end(), _round(base * _scale_value(scale)), has_scale=bool(scale),
                      decimals=decimals, digits=raw)
    if g("frac"):
        key = " ".join(g("frac").lower().split())
        val = v["fractions"][key] * _scale_value(g("scale_fr"))
        return Number(m.start(), m.end(), _round(val), is_word=True, has_scale=bool(g("scale_fr")))
    if g("words"):
        val = words_value(g("words"))
        if val is None:
            return None
        return Number(m.start(), m.end(), _round(val * _scale_value(g("scale_w"))), is_word=True,
                      has_scale=bool(g("scale_w")))
    return None


def _round(x: float) -> float:
    """Undo binary noise from scaling ("1.15 million" -> 1150000.0, not 1149999.9999)."""
    return float(f"{x:.12g}")


def find_numbers(text: str) -> Iterator[Number]:
    """Every number in normalized `text`, left to right, longest reading first."""
    for m in _number_re().finditer(text):
        n = _from_match(m)
        if n is not None:
            yield n


def parse_number(s: str) -> float | None:
    """The value of `s` if the whole string is one number, else None."""
    s = s.strip()
    m = _number_re().fullmatch(s)
    if not m:
        return None
    n = _from_match(m)
    return n.value if n else None
