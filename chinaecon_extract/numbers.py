"""Numbers as the genre writes them: "516,000", "125.635 billion", "1.2bn", "2m",
"twelve", "a dozen", "half a million", "one-third", "tens of thousands".

`find_numbers(text)` scans normalized text (see text.py) and yields every number with
its value, scale applied; `parse_number(s)` parses one whole string. The vocabulary
lives in data/numbers.json.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator, NamedTuple

import re
import string

import regex

from .data import load_json
from .text import alternation, folded, lowered


class Number(NamedTuple):
    """A number found in text. value has the scale applied; vague marks "thousands of".

    A NamedTuple rather than a frozen dataclass: as immutable, and several times cheaper
    to build, which counts because find_numbers builds one for every number of every text."""

    start: int
    end: int
    value: float
    is_word: bool = False
    has_scale: bool = False
    vague: bool = False
    decimals: int = 0
    digits: str = ""


# currency codes a number may follow with no space ("RMB5", "USD1.2bn")
_CURRENCY_CODES = r"RMB|CNY|USD|HKD|EUR|GBP|JPY"


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return load_json("numbers.json")


def grouped_alternation(words, ignorecase: bool = True) -> str:
    """text.alternation(words), its branches grouped by first letter: "g(?:rowth|rew)|
    d(?:ecline|own)" rather than "growth|decline|grew|down". Pass ignorecase=False for a
    case-sensitive pattern ("Line" and "line" then go to different groups).

    Why: the cue and unit lists run to a hundred phrases or more, and the regex engine
    tries every branch at every word start; grouped, it tries the one group whose letter
    is there (the cue scan of figures.percent_attributes and the number-word scan of
    find_numbers get about twice as fast). What it matches is the same: each group keeps
    alternation's longest-first order, and branches of different groups cannot match at
    the same place (their first letters differ, case-folded under IGNORECASE).
    """
    if not words or any(not w for w in words):
        return alternation(words)
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):  # alternation's order
        groups.setdefault(w[0].casefold() if ignorecase else w[0], []).append(w)

    def esc(s: str) -> str:
        return re.escape(s).replace(r"\ ", r"\s+")  # as alternation escapes

    return "|".join(esc(g[0][0]) + "(?:" + "|".join(esc(w[1:]) for w in g) + ")" for g in groups.values())


@lru_cache(maxsize=1)
def _number_parts() -> tuple[str, str, str]:
    """The pieces of the number pattern: what may stand before a number, the branch for
    numbers written in digits, and the branches for numbers written in words."""
    v = vocabulary()
    small = alternation(list(v["units"]) + list(v["tens"]))
    word_num = (rf"(?:(?:{small})(?:[\s-]+(?:{small}))?(?:\s+hundred(?:\s+and\s+(?:{small})(?:[\s-]+(?:{small}))?)?)?)")
    spelled = alternation(v["word_numbers"])
    fractions = alternation(v["fractions"])
    vague = alternation(v["vague"])
    long_scales = alternation([s for s in v["scales"] if len(s) > 3 and s not in ("hundred",)])
    short_scales = alternation([s for s in v["scales"] if len(s) <= 3 and s not in ("wan", "yi")])
    spaced_short = alternation([s for s in v["scales"] if 2 <= len(s) <= 3 and s not in ("wan", "yi")])  # "1.2 bn", not "2 m"
    counting = alternation(v["counting_units"])
    digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    lead = rf"(?:(?<![\w.,/:-])|(?<=[\d%]\s?[-~]\s?)|(?<=(?:^|[\s(\[])-)|(?<=(?<![\w])(?:{_CURRENCY_CODES}))|(?<=[A-Za-z]/))"
    digit_branch = rf"""
          (?P<digits>{digits})(?!\d|,\d|(?:st|nd|rd|th|s)\b)
            (?:
               (?P<short>{short_scales})(?![\w])
             | \s(?P<short_sp>{spaced_short})(?![\w])
             | (?:\s*|-)(?P<scale>(?:{long_scales})(?:\s+(?:{long_scales}))?)(?!\w)
             | (?<!(?<![\d.,])(?:19|20)\d\d)\s(?P<counting>{counting})(?=\s+(?!(?:and|or|to|in|of|from|at|on|for|by|with|than|the|a|an)\b)[a-z])
            )?"""
    word_branches = (
        rf"(?P<vague>{vague})(?!\w)",
        rf"(?P<spelled>{spelled})(?!\w)(?:\s+(?P<scale_sp>{long_scales})(?!\w))?",
        rf"(?P<frac>{fractions})(?!\w)(?:\s+(?:of\s+)?(?:a\s+)?(?P<scale_fr>{long_scales})(?!\w))?",
        rf"(?P<words>{word_num})(?!\w)(?:\s+(?P<scale_w>{long_scales})(?!\w))?",
    )
    return lead, digit_branch, word_branches


@lru_cache(maxsize=1)
def _number_re() -> regex.Pattern:
    """Any number: the digit branch between the word branches, in the order they are tried."""
    lead, digit_branch, (vague, spelled, frac, words) = _number_parts()
    pattern = f"{lead}(?:{vague}|{spelled}|{digit_branch}|{frac}|{words})"
    return regex.compile(pattern, regex.IGNORECASE | regex.VERBOSE)


@lru_cache(maxsize=1)
def _split_number_res() -> tuple[re.Pattern, regex.Pattern]:
    """_number_re cut in two: numbers in digits, and numbers in words.

    Every number-word branch starts with a letter and the digit branch with a digit or
    ".", so at a given start only one half can match, and it matches what _number_re
    would. Each half is cheaper to try, and the digit half has only four groups to read.
    The digit half comes without the lead (its lookbehinds vary in width, which `re`
    does not take): _lead_ok checks it, and the rest is folded for lowered(text)."""
    lead, digit_branch, word_branches = _number_parts()
    flags = regex.IGNORECASE | regex.VERBOSE
    return (folded(regex.compile(digit_branch, flags)),
            regex.compile(f"{lead}(?:{'|'.join(word_branches)})", flags))


# \s and \w in lowered text (other separators are " " or "\x7f" there, other letters ASCII)
_LC_SPACE = frozenset(" \t\n\r\x0b\x0c")
_LC_WORD = frozenset(string.ascii_lowercase + string.digits + "_")
_LC_LETTER = frozenset(string.ascii_lowercase)
_LC_CODES = frozenset(_CURRENCY_CODES.lower().split("|"))
_LC_LEAD_FREE = frozenset(chr(i) for i in range(128)) - _LC_WORD - frozenset(".,/:-")  # the first lookbehind holds after these


def _lead_ok(lc: str, p: int) -> bool:
    """Whether the lead of _number_re (what may stand before a number) holds at `p` of
    lc = lowered(text), its five lookbehinds in turn: no word character or ".,/:-" before;
    a digit or "%" and a dash or tilde ("5-6", "5 ~ 6", "2.5%-3%"); a minus at the start or after a space or
    bracket ("-5"); a currency code ("RMB5"); a letter and a slash ("200 MW/800 MWh", not
    "120/100" or "2024/25")."""
    if p == 0:
        return True
    c = lc[p - 1]
    if c not in _LC_WORD and c not in ".,/:-":
        return True
    j = p - 1
    if lc[j] in _LC_SPACE:
        j -= 1
    if j >= 0 and lc[j] in "-~":
        j -= 1
        if j >= 0 and lc[j] in _LC_SPACE:
            j -= 1
        if j >= 0 and (lc[j].isdigit() or lc[j] == "%"):
            return True
    if c == "-" and (p == 1 or lc[p - 2] in _LC_SPACE or lc[p - 2] in "(["):
        return True
    if c == "/" and p >= 2 and lc[p - 2] in _LC_LETTER:
        return True
    return p >= 3 and lc[p - 3:p] in _LC_CODES and (p == 3 or lc[p - 4] not in _LC_WORD)


@lru_cache(maxsize=256)
def _scale_value(s: str | None) -> float:
    """The factor a scale word stands for ("billion", "bn", "hundred million"); cached,
    as the few scale words come back again and again."""
    if not s:
        return 1.0
    v = vocabulary()
    counting = v["counting_units"].get(" ".join(s.lower().split()))
    if counting:
        return float(counting)
    scales = v["scales"]
    total = 1.0
    parts = s.lower().split()
    # "hundred million" is one unit (yi); otherwise multiply word by word
    joined = " ".join(parts)
    if joined in scales:
        return float(scales[joined])
    for p in parts:
        total *= scales.get(p, 1)
    return total


_WORD_SEP = regex.compile(r"[\s-]+")


def words_value(s: str) -> float | None:
    """Value of spelled-out cardinal words ("twenty-five", "three hundred and twelve")."""
    v = vocabulary()
    total, current = 0, 0
    for w in _WORD_SEP.split(s.lower()):
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
    g = m.groupdict().get  # one call for all groups, cheaper than m.group per group; the word
    # half of _split_number_res has no digit groups
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
        scale = g("short") or g("short_sp") or g("scale") or g("counting")
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        return Number(m.start(), m.end(), tidy(base * _scale_value(scale)), has_scale=bool(scale),
                      decimals=decimals, digits=raw)
    if g("frac"):
        key = " ".join(g("frac").lower().split())
        val = v["fractions"][key] * _scale_value(g("scale_fr"))
        return Number(m.start(), m.end(), tidy(val), is_word=True, has_scale=bool(g("scale_fr")))
    if g("words"):
        val = words_value(g("words"))
        if val is None:
            return None
        return Number(m.start(), m.end(), tidy(val * _scale_value(g("scale_w"))), is_word=True,
                      has_scale=bool(g("scale_w")))
    return None


def _from_digits(text: str, m: re.Match) -> Number | None:
    """_from_match for a match of the digit half of _split_number_res (on lowered text:
    the digits and the scale word are read from `text`)."""
    start, end = m.span()
    raw = text[start:m.end(1)]
    g = m.lastindex  # 1, or the one scale group that matched (2 to 5)
    scale = text[m.start(g):m.end(g)] if g > 1 else None
    try:
        base = float(raw.replace(",", ""))
    except ValueError:
        return None
    dot = raw.find(".")  # the digit pattern allows one "." at most
    decimals = len(raw) - dot - 1 if dot >= 0 else 0
    if scale:
        value = tidy(base * _scale_value(scale))
    elif len(raw) <= 12:
        value = base  # at most 12 significant digits: tidy would give it back unchanged
    else:
        value = tidy(base)
    return Number(start, end, value, False, bool(scale), False, decimals, raw)


def tidy(x: float) -> float:
    """Undo binary noise from arithmetic on a value ("1.15 million" -> 1150000.0, not 1149999.9999;
    38 basis points -> 0.38, not 0.38000000000000006): twelve significant digits."""
    return float(f"{x:.12g}")


@lru_cache(maxsize=1)
def _start_scanners() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Cheap scans of lowered(text) that together find every place where _number_re
    can match in the text.

    Trying _number_re (five lookbehinds, then five alternatives) at every position of
    the text is the slow part of find_numbers; these scans are ten times cheaper, and
    _number_re is then tried only where they point. A number starts
    - with the first digit of a run of digits, "." and "," (no number starts after one
      of those), or with a "." before a digit (the first scan);
    - with the first word of a number phrase ("twelve", "a dozen", "one-half",
      "tens of thousands"), a whole word, in lower case as lowered() writes it, so the
      same letters match as under _number_re's IGNORECASE (the second scan);
    - or right after a currency code ("RMBfive"), the one lookbehind that lets a
      number follow a letter (the second scan's group "code": the number starts at the
      end of the match). No number word is a code, and both are whole words or begin
      one, so one scan finds both without either hiding the other.
    Together they are a superset of the starts _number_re can take, so the numbers are the same.

    Both scans begin with a character class, which lets `re` skip ahead to the next
    character that can start a match instead of trying the pattern at every position:
    the digit scan with its first character ("." or a digit, then the rest checked by
    lookbehind), the word scan with the non-word character before the word (its \\b;
    lowered text is ASCII, so \\w there is [a-z0-9_]). The word scan's match thus starts
    one character early; a word at the very start of the text has no character before
    it and is looked for by the third pattern, matched at offset 0 only.
    """
    v = vocabulary()
    phrases = [*v["units"], *v["tens"], *v["word_numbers"], *v["fractions"], *v["vague"]]
    first_words = {regex.split(r"[\s-]", p, maxsplit=1)[0].lower() for p in phrases}
    if not all(w.isascii() and w.isalpha() for w in first_words):
        raise ValueError("numbers.json: a first word of a number phrase is not plain letters")
    words = rf"(?:(?:{grouped_alternation(first_words)})\b|(?P<code>{_CURRENCY_CODES.lower()}))"
    return (re.compile(r"[0-9.](?:(?<=\.)(?=\d)|(?<=\d)[\d.,]*)"), re.compile(r"[^a-z0-9_]" + words),
            re.compile(words))


def _candidate_starts(lc: str) -> list[int]:
    """Offsets, ascending, where a number may start in lc = lowered(text) (see _start_scanners)."""
    digits, words, first = _start_scanners()
    found = {m.start() for m in digits.finditer(lc)}
    # a word match starts at the character before the word; a code's number starts at its end
    found.update(m.end() if m.lastgroup else m.start() + 1 for m in words.finditer(lc))
    m = first.match(lc)
    if m:
        found.add(m.end() if m.lastgroup else 0)
    return sorted(found)


_DIGIT_START = frozenset("0123456789.")


@lru_cache(maxsize=1)
def _lead_words() -> dict[str, tuple[str, ...]]:
    """First words that are never a number alone, only the start of phrases whose next
    word follows a space -> those next words, lower case: "a" -> ("billion", "couple",
    ..., "thousand"). find_numbers tries a candidate "a" (the commonest candidate that
    is no number) only before one of its next words."""
    v = vocabulary()
    phrases = [p.lower() for p in (*v["word_numbers"], *v["fractions"], *v["vague"])]
    spoiled = {p for p in phrases if not regex.search(r"[\s-]", p)} | {w.lower() for w in (*v["units"], *v["tens"])}
    nexts: dict[str, set] = {}
    for p in phrases:
        m = regex.match(r"([^\s-]+)([\s-])(\S+)", p)  # first word, separator, next word
        if m is None:
            continue
        first, sep, nxt = m.groups()
        if sep != " ":
            spoiled.add(first)
        nexts.setdefault(first, set()).add(nxt)
    return {w: tuple(sorted(n)) for w, n in nexts.items() if w not in spoiled}


def _may_lead(lc: str, start: int, nexts: tuple[str, ...]) -> bool:
    """Whether the lead word at `start` of lowered text is followed by white space and one
    of `nexts` (the regex's \\s+ is white space in lowered text; a run too long to see
    lets the match be tried)."""
    tail = lc[start + 1:start + 40]
    if not tail[:1].isspace():
        return False
    tail = tail.lstrip()
    return not tail or tail.startswith(nexts)


def find_numbers(text: str, lc: str | None = None) -> Iterator[Number]:
    """Every number in normalized `text`, left to right, longest reading first.
    lc: lowered(text), if the caller has it.

    The same as _number_re().finditer(text), leftmost match first and the next one
    searched from where it ends, but _number_re is tried only at _candidate_starts,
    and there only the half of it (_split_number_res) that can match the first character.
    """
    if lc is None:
        lc = lowered(text)
    rx = _number_re()
    digit_rx, word_rx = _split_number_res()
    lead_words = _lead_words()
    pos = 0
    for start in _candidate_starts(lc):
        if start < pos:
            continue  # inside the number just found
        c = lc[start:start + 1]
        if c in _DIGIT_START and c:
            m = digit_rx.match(lc, start) if lc[start - 1:start] in _LC_LEAD_FREE or _lead_ok(lc, start) else None
            if m is None:
                continue
            n = _from_digits(text, m)
        else:
            if c == "a" and not lc[start + 1:start + 2].isalpha() and "a" in lead_words \
                    and not _may_lead(lc, start, lead_words["a"]):
                continue
            m = (word_rx if c.isalpha() else rx).match(text, start)
            if m is None:
                continue
            n = _from_match(m)
        pos = m.end()
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
