"""Dates and periods as written: normalized text -> unresolved PeriodExpression.

The grammar (regex templates with named groups) and vocabulary live in
data/periods.json; this module compiles them once, scans the text with each (only near the
literals its matches must contain, see "Anchored scanning"), keeps the longest
non-overlapping matches and turns their named groups into a PeriodExpression
that says what was written (a quarter, a month span, "last year", "the holiday"...).
Turning that into dates needs the publication date and the article's running context:
that is resolve/periods.py.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterator, NamedTuple, Sequence

from ..data import load_json
from ..text import alternation

try:  # the stdlib's regex parser, read to derive each pattern's anchors and reach
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10 (the same modules under their old names)
    import sre_constants as _sre
    import sre_parse as _sre_parse


@dataclass(slots=True, unsafe_hash=True)
class PeriodExpression:
    """One date or period as written, before resolution; treated as immutable (not frozen:
    a frozen dataclass sets each of its 18 fields through object.__setattr__, which made
    building one cost about 3.4 us instead of 0.5; equality and hashing are as before).

    start, end (int): character offsets of the mention; text: its surface.
    kind (str): what was said: date, dayspan, month, monthspan, ytd, quarter, quarters,
        half, year, yearspan, since, past, decade, plan, holiday, weekday, same, earlier,
        ref (an anaphor: "the quarter", "the holiday"), ordinal_day.
    rule (str): id of the data-file pattern that matched.
    year, year2 (int | None): years written in the text (year2 ends a span).
    yrel (str | None): a relative year word: this, last, next, previous, same, current,
        following, the ("of the year"), ago (with n).
    month, month2, day, day2, quarter, half (int | None): the fields written.
    n (int | None): a count: "the first 10 months" (10), "five years ago" (5).
    rel (str | None): a relative word for a month/quarter/weekday (this, last, next, previous...).
    name (str | None): holiday key, weekday number as text, ref word, or edge word.
    part (str | None): early / mid / late / end / beginning.
    offset (tuple[str, int] | None): ("before" or "after", days) when the text names a stretch of
        days next to the period ("the week before the holiday" is ("before", 7) on the holiday).
    """

    start: int
    end: int
    text: str
    kind: str
    rule: str
    year: int | None = None
    year2: int | None = None
    yrel: str | None = None
    month: int | None = None
    month2: int | None = None
    day: int | None = None
    day2: int | None = None
    quarter: int | None = None
    half: int | None = None
    n: int | None = None
    rel: str | None = None
    name: str | None = None
    part: str | None = None
    offset: tuple[str, int] | None = None


_FESTIVAL_DAY_BEFORE = frozenset({"on", "by", "before", "after", "until", "till", "since"})
_YREL = {"this": "this", "last": "last", "next": "next", "the previous": "previous", "the same": "same", "that": "same",
         "the current": "current", "the following": "following", "the preceding": "previous",
         "the prior": "previous", "a": "last", "the coming": "next"}


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return load_json("periods.json")


def _expand(template: str, fragments: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        return _expand(fragments[m.group(1)], fragments)
    return re.sub(r"\{([A-Z]+)\}", sub, template)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern, tuple[str, ...], _Shape | None], ...]:
    """Compiled (id, regex, needs, shape) in priority order; shape (see _Shape) is None for
    a pattern without anchors, which scans the whole text."""
    v = _vocab()
    fragments = dict(v["fragments"])
    fragments["HOLIDAY"] = "(?:" + alternation(s for h in v["holidays"].values() for s in h["surfaces"]) + ")"
    fragments["HWORD"] = "(?:" + alternation(v["holiday_words"]) + ")"
    out, shared = [], set()
    for p in v["patterns"]:
        rx = re.compile(_expand(p["pattern"], fragments), re.IGNORECASE)
        tree = _sre_parse.parse(rx.pattern, rx.flags)  # read, not changed, by both analyses
        shape = _Analysis(shared).seq(tree, top=True)
        usable = shape.anchors is not None and shape.read is not None
        shared.add(shape.anchors)
        heads = _heads(tree)
        if heads and all(h for h, _ in heads):
            shape = shape._replace(first=_anchor_rx(frozenset(h for h, _ in heads)))
        heads = _heads(tree, ascii_digits=True) if shape.first is None else None
        if heads and all(h for h, _ in heads):
            shape = shape._replace(first_ascii=_anchor_rx(frozenset(h for h, _ in heads)))
        out.append((p["id"], rx, tuple(p.get("needs", ())), shape if usable else None))
    return tuple(out)


# --- Anchored scanning ------------------------------------------------------------------
# Running ~40 patterns over a whole article costs ~40 regex attempts per character: most
# patterns open with \b or a lookbehind, so sre has no literal prefix to skip ahead with.
# Instead, each pattern's parse tree gives its anchors, lower-case strings one of which
# every match contains ("quarter", month stems, "the same period"...), how far into a match
# that anchor can be, and how many characters an attempt can read. The anchors of all
# patterns are found with one joint search (see _joint), and each pattern is tried only at
# the few positions a match holding one of its anchors can start from, with exactly the matches a full finditer finds (see
# _anchored). In anchors a space stands for any run of whitespace and
# _DIGIT for any digit.
#
# Widths are (chars, runs) pairs: chars plus `runs` times the text's longest run of
# whitespace and hyphens, the only unbounded repeats in the grammar (\s+, [-\s]+); None
# when unbounded otherwise.

_Width = tuple[int, int]
_Option = tuple[frozenset[str] | None, _Width | None]  # (anchors, lead)

_EXACT_MAX = 64  # largest finite set of strings tracked for a regex node
_DIGIT = "#"  # stands for any ASCII digit in tracked strings: "1[0-9]|20" is the one string "##"
_AS_DIGIT = str.maketrans("0123456789", _DIGIT * 10)
_MIN_RUN = 4  # runs of whitespace/hyphens are assumed this long when no text run is longer
_TRY = 4  # a call to try one position costs about as much as sre's trying this many
# Characters that re.IGNORECASE matches to an ASCII letter although str.lower() does not
# map them to it (the other one, U+0130, changes the length of lower(): no anchored scan).
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s"})
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
_LONG_RUN = re.compile(r"[-\s][-\s]{%d,}" % _MIN_RUN)
# An ASCII text's bytes mapped to " " (whitespace, hyphen) or "x", where runs are found by a
# plain search for spaces (much faster than trying _LONG_RUN at every space).
_RUN_BYTES = bytes(0x20 if re.match(r"[-\s]", chr(b)) else 0x78 for b in range(256))
_LONG_RUN_ASCII = re.compile(b" " * _MIN_RUN + b" +")


def _longest_run(text: str) -> int:
    """The text's longest run of whitespace and hyphens when longer than _MIN_RUN, else _MIN_RUN."""
    if text.isascii():
        runs = _LONG_RUN_ASCII.findall(text.encode("ascii").translate(_RUN_BYTES))
    else:
        runs = _LONG_RUN.findall(text)
    return max(map(len, runs), default=_MIN_RUN)


class _Shape(NamedTuple):
    """What the anchored scan knows of a parsed regex (sub)sequence."""

    exact: frozenset[str] | None  # a finite set of strings (lower case) holding every match
    anchors: frozenset[str] | None  # strings (lower case) one of which every match contains
    lead: _Width | None  # most characters of a match before such an anchor occurrence
    used: _Width | None  # most characters a match consumes
    read: _Width | None  # most characters an attempt reads: lookaheads, a failing step's look
    first: re.Pattern | None = None  # finds in the probe the strings a match starts with (see _heads)
    first_ascii: re.Pattern | None = None  # the same for an ASCII probe, where \d is [0-9]


def _add(a: _Width | None, b: _Width | None, times: int = 1) -> _Width | None:
    return None if a is None or b is None else (a[0] + times * b[0], a[1] + times * b[1])


def _most(widths) -> _Width | None:
    chars = runs = 0
    for w in widths:
        if w is None:
            return None
        chars, runs = max(chars, w[0]), max(runs, w[1])
    return chars, runs


def _cross(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The concatenations of two finite string sets, or None when unknown or too many."""
    if a is None or b is None or len(a) * len(b) > _EXACT_MAX:
        return None
    return frozenset(x + y for x in a for y in b)


def _runlike(body) -> bool:
    """True when a repeated regex body is one whitespace-or-hyphen character."""
    if len(body) != 1:
        return False
    op, av = body[0]
    items = av if op is _sre.IN else [(op, av)]
    return all((o is _sre.CATEGORY and a is _sre.CATEGORY_SPACE)
               or (o is _sre.LITERAL and (chr(a).isspace() or a == 45)) for o, a in items)


def _char(code: int) -> str | None:
    """The character a literal of the pattern stands for in tracked strings: lower case,
    _DIGIT for an ASCII digit; None when not tracked (non-ASCII, or _DIGIT itself)."""
    c = chr(code)
    if code >= 128 or c == _DIGIT:
        return None
    return _DIGIT if c.isdigit() else c.lower()


def _chars(op, av) -> frozenset[str] | None:
    """The lower-case characters one parsed character item matches, when few and ASCII (the
    case-insensitive matches of other characters are few and folded in _scan); " " for \\s,
    _DIGIT for the digits."""
    if av == [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]:
        return frozenset(" ")
    if op is _sre.LITERAL:
        c = _char(av)
        return None if c is None else frozenset(c)
    if op is _sre.IN:
        chars = set()
        for o, a in av:
            if o is _sre.LITERAL:
                chars.add(_char(a))
            elif o is _sre.RANGE and a[1] < 128 and a[1] - a[0] < 16:
                chars.update(_char(c) for c in range(a[0], a[1] + 1))
            else:
                return None
        return None if None in chars else frozenset(chars)
    return None


@lru_cache(maxsize=None)
def _trimmed(anchors: frozenset[str]) -> tuple[frozenset[str], int]:
    """The set without outer spaces and without the strings that start with another of it
    (finding "jan" also finds "january"), and how many runs of whitespace were cut in front."""
    stripped = frozenset(a.strip(" ") for a in anchors)
    kept = frozenset(a for a in stripped if not any(b != a and a.startswith(b) for b in stripped))
    return kept, max(len(a) - len(a.lstrip(" ")) for a in anchors)


@lru_cache(maxsize=None)
def _cost(anchors: frozenset[str]) -> tuple:
    """How costly an anchor set looks, best first, before sharing (see _Analysis.best). A set
    of phrases comes right after a rare set with one first character: searched jointly it
    costs little more than a common word ("year"), and its matches start few windows."""
    one_start = len({a[0] for a in anchors}) == 1
    rare = all(" " in a or len(a) >= 5 or (_DIGIT in a and re.search("[a-z]", a)) for a in anchors)
    short = min(map(len, anchors))
    phrases = all(" " in a for a in anchors)
    rank = 0 if one_start and rare else 1 if phrases else 2 if one_start and short == 4 else 3 if rare else \
        4 if not one_start else 5
    return rank, -short, len(anchors), sorted(anchors)


_HEAD = 3  # how many leading characters of a match _heads tracks
_HEADS_MAX = 256  # most strings it tracks


def _compose(a: set[tuple[str, bool]], b: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    """The heads (see _heads) of a followed by b."""
    out = set()
    for s, whole in a:
        if not whole:
            out.add((s, False))
            continue
        for t, t_whole in b:
            u = s + t
            out.add((u[:_HEAD], False) if len(u) >= _HEAD else (u, t_whole))
    return out


def _heads(items, ascii_digits: bool = False) -> set[tuple[str, bool]] | None:
    """How a match of a parsed regex sequence begins: (string, whole) pairs, strings lower
    case and at most _HEAD characters long, such that every match begins with one of the
    strings and, when its `whole` is False, may go on with any characters; None when there
    are too many to track. Matches start only where the probe (see _scan) holds one.
    ascii_digits: read \\d as [0-9], true of the probe of an ASCII text only."""
    out = {("", True)}
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue
        if op is _sre.SUBPATTERN:
            item = _heads(av[-1], ascii_digits)
        elif op is _sre.BRANCH:
            alts = [_heads(b, ascii_digits) for b in av[1]]
            item = None if any(x is None for x in alts) else set().union(*alts)
        elif op in _REPEATS and av[1] <= _HEAD:
            body, item, power = _heads(av[2], ascii_digits), set(), {("", True)}
            for n in range(av[1] + 1):
                if body is None:
                    item = None
                    break
                item |= power if n >= av[0] else set()
                power = _compose(power, body)
        elif op in (_sre.LITERAL, _sre.IN) and _chars(op, av) and " " not in _chars(op, av):
            item = {(c, True) for c in _chars(op, av)}
        elif ascii_digits and op is _sre.IN and av == [(_sre.CATEGORY, _sre.CATEGORY_DIGIT)]:
            item = {(_DIGIT, True)}
        else:
            item = None
        out = _compose(out, item if item is not None else {("", False)})
        if len(out) > _HEADS_MAX:
            return None
        if not any(whole for _, whole in out):
            break
    return out


class _Analysis:
    """Derives the _Shape of a parsed pattern; `shared` holds the anchor sets of the
    patterns before it, which cost nothing more to search."""

    def __init__(self, shared: set):
        self.shared = shared
        self.groups: dict[int, _Width | None] = {}  # widths of the groups seen so far
        self.asserting = 0  # inside a lookaround, where only widths matter

    def best(self, *options: _Option, top: bool = False) -> _Option:
        """The preferred usable (anchors, lead) option, trimmed (see _trimmed; the lead grows
        by the runs cut); (None, None) if none, and a set holding "" anchors nothing. sre
        finds a set whose strings share their first character with a fast literal search, any
        other set by trying each position that starts one (several times slower). Phrases,
        long words and mixes of digits and letters ("q1") are rare, short words common; a set
        found for an earlier pattern costs nothing more to search (`top`: when choosing for
        the whole pattern)."""
        usable = []
        for anchors, lead in options:
            if anchors and lead is not None:
                kept, runs = _trimmed(anchors)
                if "" not in kept:
                    usable.append((kept, _add(lead, (0, runs))))

        def key(o: _Option):
            rank, *rest = _cost(o[0])
            return (1 if top and o[0] in self.shared and rank else rank), rest[:2], o[1], rest[2:]
        return min(usable, key=key, default=(None, None))

    def node(self, op, av) -> _Shape:
        """The _Shape of one parsed regex item."""
        one = (1, 0)
        if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY, _sre.CATEGORY):
            return _Shape(_chars(op, av), None, None, one, one)
        if op is _sre.AT:  # \b reads the next character, $ the next two
            return _Shape(frozenset({""}), None, None, (0, 0), (2, 0))
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            self.asserting += 1
            sub = self.seq(av[1])
            self.asserting -= 1
            read = sub.read if av[0] == 1 else _add(sub.read, sub.used, -1)  # a lookbehind ends here
            return _Shape(frozenset({""}), None, None, (0, 0), read)
        if op is _sre.SUBPATTERN:
            sub = self.seq(av[-1])
            if av[0] is not None:
                self.groups[av[0]] = sub.used
            return sub
        if op is _sre.BRANCH:
            alts = [self.seq(b) for b in av[1]]
            exact = None if any(a.exact is None for a in alts) else frozenset().union(*(a.exact for a in alts))
            anchored = all(a.anchors is not None for a in alts)
            return _Shape(exact if exact is not None and len(exact) <= _EXACT_MAX else None,
                          frozenset().union(*(a.anchors for a in alts)) if anchored else None,
                          _most(a.lead for a in alts) if anchored else None,
                          _most(a.used for a in alts), _most(a.read for a in alts))
        if op in _REPEATS:
            lo, hi, body = av
            sub = self.seq(body)
            if hi == _sre.MAXREPEAT:
                used, read = ((0, 1), (1, 1)) if _runlike(body) else (None, None)
                exact = frozenset({" "} if lo else {"", " "}) if sub.exact == {" "} else None  # \s+, \s*
            else:
                used, read = (0, 0), (0, 0)
                if hi:
                    used, read = _add((0, 0), sub.used, hi), _add(sub.read, sub.used, hi - 1)
                exact, power = frozenset(), frozenset({""})
                for k in range(hi + 1):  # the body repeated lo..hi times, when few
                    exact = exact | power if k >= lo else exact
                    power = _cross(power, sub.exact) if k < hi else power
                    if power is None or len(exact) > _EXACT_MAX:
                        exact = None
                        break
            return _Shape(exact, sub.anchors if lo else None, sub.lead if lo else None, used, read)
        if op is _sre.GROUPREF and av in self.groups:
            return _Shape(None, None, None, self.groups[av], self.groups[av])
        return _Shape(None, None, None, None, None)  # not used by the grammar: scan everywhere

    def seq(self, items, top: bool = False) -> _Shape:
        """The _Shape of a parsed regex sequence. Its anchors are the best of its items' own,
        of the exact sets of its stretches of finite items ("the\\s+same\\s+period") and of
        its words (stretches without whitespace: "quarter")."""
        used, read = (0, 0), (0, 0)
        run, run_lead, whole = frozenset({""}), (0, 0), True  # the current stretch of finite items
        word, word_lead = frozenset({""}), (0, 0)  # the current word
        options: list[_Option] = []
        for op, av in items:
            s = self.node(op, av)
            before, read, used = used, _most([read, _add(used, s.read)]), _add(used, s.used)
            if self.asserting:
                continue
            options.append((s.anchors, _add(before, s.lead)))
            joined = _cross(run, s.exact)
            if joined is None:  # the stretch ends here; a new one starts with this item or after it
                whole = False
                options.append((run, run_lead))
                joined, run_lead = (s.exact, before) if s.exact is not None else (frozenset({""}), used)
            run = joined
            spaced = s.exact is None or any(" " in x for x in s.exact)
            joined = None if spaced else _cross(word, s.exact)
            if joined is None:  # so does the word
                options.append((word, word_lead))
                joined, word_lead = (frozenset({""}), used) if spaced else (s.exact, before)
            word = joined
        if self.asserting:
            return _Shape(None, None, None, used, read)
        best = self.best(*options, (run, run_lead), (word, word_lead), top=top)
        return _Shape(run if whole else None, *best, used, read)


_LETTERS_BY_FREQUENCY = "etaoinshrdlcumwfgypbvkjxqz"


def _frequent_first(item: tuple[str, dict]) -> tuple[int, str]:
    """Sort key of a trie branch: English letters by frequency, then the other characters."""
    i = _LETTERS_BY_FREQUENCY.find(item[0])
    return (i if i >= 0 else len(_LETTERS_BY_FREQUENCY)), item[0]


@lru_cache(maxsize=64)
def _anchor_rx(anchors: frozenset[str]) -> re.Pattern:
    """Finds anchors in the case-folded text; a space in one matches any run of whitespace,
    _DIGIT any digit.
    The strings are laid out as a trie ("a(?:pr|ug)|dec|..."), so that sre tries fewer
    alternatives at each position than with a flat alternation. Alternatives start with
    different characters, so their order does not change what is found; the more frequent
    letters go first, as sre tries them in order (the joint search ~5% faster)."""
    tree: dict = {}
    for a in anchors:
        node = tree
        for c in a:
            node = node.setdefault(c, {})
        node[""] = {}

    def rx(node: dict) -> str:
        alts = [(r"\s+" if c == " " else "[0-9]" if c == _DIGIT else re.escape(c)) + rx(sub)
                for c, sub in sorted(node.items(), key=_frequent_first) if c]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")" if alts else ""
        return f"(?:{body})?" if "" in node and alts else body
    return re.compile(rx(tree))


_Told = dict[str, tuple[frozenset[str], ...]]


@lru_cache(maxsize=1)
def _joint() -> tuple[tuple[re.Pattern, re.Pattern], _Told, dict[str, int], frozenset[frozenset[str]],
                      frozenset[frozenset[str]]]:
    """One search for the anchors of all anchor sets at once (except sets holding a
    one-character anchor, such as the decade's "s": they occur everywhere, and are searched
    alone when their pattern's `needs` are in the text), in two parts: the anchors that
    start with a letter (or other character) and those that start with a digit. sre skips
    to the next position where a match can start only when every alternative of the
    pattern starts with a literal, and a digit class at the front of one costs that skip.

    Each search finds at each position the longest anchor there, x, and goes on after it.
    `told` gives for each x the sets with an anchor that starts where x does (x or a prefix
    of x); `resume` the offset into x (before its first space, where offsets in the text
    and in x agree) from which to search on when another anchor may start inside x
    ("####" in "20245" hides the year "0245"; "march" in "march1h"...), so that every anchor found starts at
    a position found. The sets searched jointly come next, and last the sets with anchors
    in both searches (their positions are sorted when both find some)."""
    sets = {shape.anchors for _, _, _, shape in _patterns() if shape is not None}
    joint = frozenset(a for a in sets if min(map(len, a)) >= 2)
    strings = frozenset(x for a in joint for x in a)
    starts = {y[:i] for y in strings for i in range(1, len(y) + 1)}  # what an anchor can start with
    told: _Told = {}
    resume: dict[str, int] = {}
    for x in strings:
        told[x] = tuple(a for a in joint if any(x[:i] in a for i in range(1, len(x) + 1)))
        # offsets where an anchor may start inside x: one starts with the rest of x, or the rest
        # of x starts with one
        inside = [k for k in range(1, len(x)) if x[k] != " " and (
            x[k:] in starts or any(x[k:i] in strings for i in range(k + 1, len(x) + 1)))]
        if inside:
            resume[x] = min(inside[0], x.find(" ") if " " in x else len(x))
    digits = frozenset(x for x in strings if x[0] == _DIGIT)
    rxs = (_anchor_rx(strings - digits), _anchor_rx(digits))
    mixed = frozenset(a for a in joint if digits & a and a - digits)
    return rxs, told, resume, joint, mixed


_SPACES = re.compile(r"\s+")


def _anchor_starts(probe: str) -> dict[frozenset[str], list[int]]:
    """Per jointly searched anchor set (see _joint), the positions in `probe`, ascending,
    where one of its anchors starts."""
    rxs, told, resume, _, mixed = _joint()
    out: dict[frozenset[str], list[int]] = {}
    for rx in rxs:
        m = rx.search(probe)
        while m is not None:
            x = m.group()
            if x not in told:  # digits, or whitespace other than one space
                x = _SPACES.sub(" ", x).translate(_AS_DIGIT)
            a = m.start()
            for anchors in told[x]:
                if anchors in out:
                    out[anchors].append(a)
                else:
                    out[anchors] = [a]
            m = rx.search(probe, a + resume[x] if x in resume else m.end())
    for anchors in mixed:
        if anchors in out:
            out[anchors].sort()
    return out


def _alone(anchors: frozenset[str], probe: str) -> list[int]:
    """Positions where one of `anchors` starts in `probe`, ascending, for a set searched
    alone; one found may hide others that start inside it, so each position inside one found
    is listed too."""
    out: list[int] = []
    for m in _anchor_rx(anchors).finditer(probe):
        out.extend(range(m.start(), m.end()))
    return out


def _anchored(rx: re.Pattern, text: str, starts: list[int], lead: int, reach: int,
              first: re.Pattern | None, probe: str, tail: int) -> list[re.Match]:
    """The matches of rx.finditer(text), given the ascending `starts` of the anchors every
    match holds at most `lead` characters from its start, and the most characters an attempt
    reads (`reach`). Windows [start - lead, start], merged where they meet, hold every
    position where a match can start. Each position of a window is tried from its start (or
    from the end of the last match, as finditer would go on) with endpos `reach` past the
    window's end, so every attempt sees the same characters as on the full text;
    lookbehinds and \\b still see the text before the window. `first` (see _heads) skips to
    the next position where a match can start. Without it, the few starts of a small window
    are tried one by one, a larger window searched (a search also tries each position up to
    endpos). An endpos that gets to `tail` (the start of the run ending the text, left out
    of `reach`) becomes the text's end."""
    out = []
    cursor = i = 0
    end = len(text)
    if lead == 0:  # one position per window: the anchor's start
        for a in starts:
            if a >= cursor:
                m = rx.match(text, a, a + reach if a + reach < tail else end)
                if m is not None:
                    out.append(m)
                    cursor = m.end()
        return out
    while i < len(starts):
        lo = hi = starts[i]
        lo -= lead
        i += 1
        while i < len(starts) and starts[i] - lead <= hi:
            hi = starts[i]
            i += 1
        pos = lo if lo > cursor else cursor
        if pos < 0:
            pos = 0
        stop = hi + reach if hi + reach < tail else end
        if first is None and (hi - pos) * _TRY >= reach:
            for m in rx.finditer(text, pos, stop):
                if m.start() > hi:
                    break
                cursor = m.end()
                out.append(m)
            continue
        while pos <= hi:
            if pos < hi and first is not None:
                c = first.search(probe, pos, hi + _HEAD)
                if c is None or c.start() > hi:
                    break
                pos = c.start()
            m = rx.match(text, pos, stop)
            if m is None:
                pos += 1
            else:
                out.append(m)
                pos = cursor = m.end()
    return out


def _lowered(rx: re.Pattern) -> re.Pattern:
    """The case-insensitive ASCII pattern `rx` as a case-sensitive one that finds the same
    matches in the lower-case copy of an ASCII text (as text.folded does for `regex`
    patterns): its literals lowered, its escapes (\\S, \\W, \\B...) and group syntax kept.
    Case-sensitive patterns skip sre's per-character case folding and get literal prefixes."""
    if not rx.pattern.isascii():
        raise ValueError(f"cannot lower {rx.pattern[:60]!r}")
    parts = re.split(r"(\\.)", rx.pattern, flags=re.DOTALL)
    body = "".join(part if part.startswith("\\") else part.lower() for part in parts)
    return re.compile(body.replace("(?p<", "(?P<").replace("(?p=", "(?P="))


@lru_cache(maxsize=1)
def _plan() -> tuple[tuple, ...]:
    """Per pattern, in priority order, what _scan needs of it: (priority, rule, rx, needs,
    anchors, lead, read, first, joint, low, first_ascii); anchors is None for a pattern that
    scans the whole text, joint True when its anchors are searched jointly (see _joint), low
    the pattern for the lower-case copy of an ASCII text (see _lowered), first_ascii the
    `first` of an ASCII text (see _Shape)."""
    joint = _joint()[3]
    return tuple((prio, rule, rx, needs, None, None, None, None, False, None, None) if shape is None else
                 (prio, rule, rx, needs, shape.anchors, shape.lead, shape.read, shape.first,
                  shape.anchors in joint, _lowered(rx), shape.first_ascii or shape.first)
                 for prio, (rule, rx, needs, shape) in enumerate(_patterns()))


def _trailing_run(text: str) -> int:
    """Where the run of whitespace and hyphens that ends the text starts (len(text) if none)."""
    end = len(text)
    while end and (text[end - 1] == "-" or text[end - 1].isspace()):
        end = len(text[:end].rstrip().rstrip("-"))
    return end


def _scan(text: str, annual: bool) -> list[tuple[int, str, re.Match]]:
    """(priority, rule, match) of every pattern's rx.finditer(text), pattern by pattern; the
    ones with anchors (see _Shape) run only near them. The data file's `needs` still gate
    patterns as before (a pattern runs only when the lower-case text holds one of them);
    they are checked only for a pattern that has an anchor in the text. In an ASCII text
    the anchored patterns run lowered (see _lowered) on the lower-case copy: their matches
    have its offsets, and find_periods matches again on the text the few it keeps.

    Runs of whitespace bound how far from an anchor a match can reach (see _Shape); the
    run that ends the text is left out of that bound (no match holds it before its anchor),
    and an attempt whose reach gets into it may read to the end of the text."""
    low = text.lower()
    ascii = text.isascii()
    probe = low if ascii else None if len(low) != len(text) else (
        low.translate(_FOLD) if "\u0131" in low or "\u017f" in low else low)
    found = _anchor_starts(probe) if probe is not None else {}
    run = None  # the longest run of whitespace and hyphens before the text's trailing one, once needed
    tail = 0
    held: dict[tuple[str, ...], bool] = {}
    out: list[tuple[int, str, re.Match]] = []
    for prio, rule, rx, needs, anchors, lead, read, first, joint, lowrx, first_ascii in _plan():
        if rule == "annual" and not annual:
            continue
        if anchors is None or probe is None:
            if needs and not any(n in low for n in needs):
                continue
            matches = list(rx.finditer(text))
        else:
            if joint and anchors not in found:
                continue  # none of its anchors in the text
            if needs:
                if needs not in held:
                    held[needs] = any(n in low for n in needs)
                if not held[needs]:
                    continue
            if anchors not in found:  # a set searched alone
                found[anchors] = _alone(anchors, probe)
            if not found[anchors]:
                continue
            if run is None:
                tail = _trailing_run(text)
                run = _longest_run(text[:tail])
            if ascii:
                rx, first, scanned = lowrx, first_ascii, probe
            else:
                scanned = text
            matches = _anchored(rx, scanned, found[anchors], lead[0] + lead[1] * run, read[0] + read[1] * run + 1,
                                first, probe, tail)
        if matches:
            out += [(prio, rule, m) for m in matches]
    return out


# Regexes of the checks in context (_build and its helpers), compiled once.
_DIGITS = re.compile(r"\d+")
_WORD_OR_MARK = re.compile(r"[a-z']+|[^\sa-z']")
_OPENS = re.compile(r"(?:^|[.!?\n;:\"(])\s*$")
_STOP = re.compile(r"[.;!?](?!\d)|\n")
_DASH_NEXT = re.compile(r"\s*-")
_NAME_NEXT = re.compile(r"\s+(?:Fourth|First|Movement|Road|Street|Avenue)\b")
_STOP_NEXT = re.compile(r"\s*(?:$|\n|[A-Z\"])")
_WORD_NEXT = re.compile(r"\s+([A-Za-z][\w-]*)")
_SUBJECT_OF = re.compile(r"(?:,|\s+(?:was|is|saw|has|had|marks|marked|witnessed|will|became|also))")
_ANY_PERIOD = re.compile(r"\d|[A-Z][a-zA-Z]|year|month|quarter|half|week|holiday|period|annual")  # [A-Z][A-Z]: "MARCH"


@lru_cache(maxsize=1)
def _cumulative_cue() -> re.Pattern:
    """Finds any of the data's cumulative cues as a whole word or phrase."""
    return re.compile("|".join(r"\b" + re.escape(c) + r"\b" for c in _vocab()["cumulative_cues"]))


@lru_cache(maxsize=1)
def _holiday_index() -> dict[str, str]:
    out = {}
    for key, h in _vocab()["holidays"].items():
        for s in h["surfaces"]:
            out[re.sub(r"\s+", " ", s.strip('"'))] = key
    return out


@lru_cache(maxsize=1)
def _holiday_variants() -> dict[tuple[str, str], str]:
    """(holiday, word after it) -> the period they name together ("Spring Festival travel rush")."""
    return {(h["of"], w): key for key, h in _vocab()["holidays"].items() if "of" in h for w in h["hwords"]}


def _num(word: str | None) -> int | None:
    if word is None:
        return None
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _vocab()["numbers"].get(w, _vocab()["ordinals"].get(w))


def _month(surface: str | None) -> int | None:
    if not surface:
        return None
    return _vocab()["months"].get(surface.rstrip(".").lower())


def _day(surface: str | None) -> int | None:
    if not surface:
        return None
    return int(_DIGITS.match(surface).group())


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _capitalized(s: str | None) -> bool:
    return bool(s) and s[0].isupper()


@lru_cache(maxsize=1)
def _basis_before() -> frozenset[str]:
    """Words right before "a year ago" that make it the basis of a comparison."""
    return frozenset(_vocab()["basis_before"])


def _prev_words(text: str, pos: int, n: int = 2) -> list[str]:
    """The n words before pos, lower case (punctuation dropped)."""
    return _WORD_OR_MARK.findall(text[max(0, pos - 40):pos].lower())[-n:]


def _clause_start(text: str, pos: int) -> bool:
    """True when pos opens a sentence or line (only spaces/quotes since the last stop)."""
    before = text[max(0, pos - 4):pos]
    return pos == 0 or bool(_OPENS.search(before)) or text[:pos].strip() == ""


def _year_rel(g: dict) -> tuple[int | None, str | None]:
    """The year and relative year word of a match's groups `g`."""
    year = _int(g.get("year"))
    yrel = g.get("yrel")
    if yrel:
        yrel = _YREL.get(_SPACES.sub(" ", yrel.lower()), yrel.lower())
    elif g.get("ythe"):
        yrel = "the"
    return year, yrel


def _two_digit(yy: str | None) -> int | None:
    return 2000 + int(yy) if yy else None


def _build(rule: str, m: re.Match, text: str) -> PeriodExpression | None:
    """The expression a match denotes, or None when a check in context rejects it."""
    g = m.groupdict()
    start, end = m.span()
    for core in ("core", "core2"):
        if g.get(core) is not None:
            start, end = m.span(core)
            break
    for key in ("month", "month2"):
        if g.get(key) and g[key][0].isalpha() and not _capitalized(g[key]):
            return None
    year, yrel = _year_rel(g)
    kw: dict = {}
    kind = rule.split("_")[0]
    month = _month(g.get("month"))
    # the most frequent rules first
    if rule == "month_bare":
        kind = "month"
        surface = g["month"].rstrip(".").lower()
        preps = ("in", "of", "since", "until", "till", "by", "during", "for", "from", "to", "through", "early",
                 "mid", "late", "between", "and", "before", "after", "end", "beginning", "start", "as", "-", "or",
                 "since", "throughout", "until", "including", "except", "last", "this", "next", "on")
        if surface in _vocab()["modal_months"] or g["month"].endswith(".") or len(surface) == 3:
            prev = _prev_words(text, start, 2)
            if not (yrel or year or (prev and prev[-1] in preps)):
                return None
        # a month name inside a proper name ("the May Fourth Movement", "August First Road")
        if _NAME_NEXT.match(text, end):
            return None
    elif rule == "year_bare":
        kind = "year"
        if not _year_scopes(text, m.start("year"), m.end("year")):
            return None
    elif rule == "year_rel":
        kind = "year"
    elif rule == "date_iso":
        month, kw["day"] = int(g["month"]), int(g["day"])
        if g["sep"] == "." and text[end:end + 1].isdigit():
            return None
        kind = "date"
    elif rule in ("date_mdy", "date_dmy", "ytd_asof_date"):
        kind, kw["day"] = "date", _day(g["day"])
        if rule == "date_dmy" and g["month"].lower() in _vocab()["modal_months"] and year is None:
            return None
    elif rule == "date_ordinal":
        kind, kw["day"] = "ordinal_day", _day(g["day"])
    elif rule in ("dayspan_mdy", "dayspan_dmy"):
        kind = "dayspan"
        kw.update(day=_day(g["day"]), day2=_day(g["day2"]), month2=_month(g.get("month2")) or month)
    elif rule == "monthspan":
        kw["month2"] = month2 = _month(g["month2"])
        year1 = int(g["year1"]) if g.get("year1") else None
        if year1 and year and year != year1 + (month2 < month):
            return None  # "March 2023 to May 2024" is not a span within a year or across one new year
        if month2 > month:
            year = year or year1
        else:
            # across a new year ("from November to February", "December 2024 to March 2025"): the year
            # written last ends it; "November and February" are two months ("between ... and" a span)
            joint = text[m.end("year1" if year1 else "month"):m.start("month2")].strip().lower()
            if month2 == month or (joint == "and" and not text[max(0, start - 9):start].lower().rstrip()
                                   .endswith("between")):
                return None
            if year1 and year is None and yrel is None:
                year = year1 + 1
    elif rule == "monthspan_ended":  # "the six months ended 30 June": the months up to that month's end
        emon = g.get("emon") or g.get("emon2")
        if not _capitalized(emon):
            return None
        kw["month2"], n = _month(emon), _num(g["n"])
        if not n or n > kw["month2"]:
            return None
        month = kw["month2"] - n + 1
    elif rule == "ytd_first_months":
        kind, kw["n"] = "ytd", _num(g["n"])
        if not kw["n"] or kw["n"] > 12:
            return None
    elif rule in ("ytd_quarters", "ytd_quarters_code"):  # "the first three quarters", "Q1-Q3"
        kind, kw["n"] = "ytd", 3 * _num(g["nq"])
    elif rule == "ytd_through_month":
        # "Through September, investment rose": the year to the end of that month
        kind, kw["n"] = "ytd", month
        month = None
    elif rule == "ytd_end_month":
        # "by the end of November" totals the year to date when a cumulative verb follows;
        # otherwise it dates a stock ("had 40 million hogs by the end of September")
        after = _STOP.split(text[m.end():m.end() + 120].lower(), maxsplit=1)[0]
        after += " " + _STOP.split(text[max(0, m.start() - 120):m.start()].lower())[-1]
        if _cumulative_cue().search(after):
            kind, kw["n"] = "ytd", month
            month = None
        else:
            kind, kw["part"] = "month", "end"
    elif rule == "edge_month":
        kind = "month"
        kw["part"] = (g.get("edge") or g.get("part") or "").lower() or None
    elif rule == "quarter":
        kw["quarter"] = _num(g["quarter"])
    elif rule == "quarter_code":
        if "q" in m.group().lower() and "Q" not in m.group():
            return None
        kind = "quarter"
        kw["quarter"] = int(g["quarter"] or g["quarter2"] or g["quarter3"])
        year = _int(g.get("year")) or _int(g.get("year2")) or _two_digit(g.get("yy") or g.get("yy2"))
    elif rule == "quarter_rel":
        kind, kw["rel"] = "quarter", _YREL.get(_SPACES.sub(" ", g["rel"].lower()), g["rel"].lower())
        yrel = "last" if g.get("yrel") else None
    elif rule == "half":
        h = g["half"].lower()
        kw["half"] = 2 if h in ("second", "2nd", "latter") else 1
    elif rule == "half_code":
        if "H" not in m.group():
            return None
        kind = "half"
        kw["half"] = int(g["half"] or g["half2"] or g["half3"])
        year = _int(g.get("year")) or _int(g.get("year2")) or _two_digit(g.get("yy") or g.get("yy2"))
    elif rule in ("plan", "plan_word"):
        kind = "plan"
        kw["n"] = int(g["plan"]) if g.get("plan") else _num(g["planw"].lower()) or {
            "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16}.get(g["planw"].lower())
        if str(kw["n"]) not in _vocab()["five_year_plans"]:
            return None
        year, kw["year2"] = _int(g.get("year")), _int(g.get("year2"))
        if year is None and not m.group().lower().endswith("period") and _prev_words(text, start, 1) != ["during"]:
            return None  # the plan itself ("implement the 14th Five-Year Plan"), not its years
    elif rule == "yearspan":
        kw["year2"] = int(g["year2"])
        if not (0 < kw["year2"] - year <= 60):
            return None
        if not g.get("from") and _DASH_NEXT.match(text, m.end("year")) is None and _prev_words(text, start, 1) not in (
                [w] for w in _vocab()["year_prepositions"]) and text[start - 1:start] != "(":
            return None
    elif rule == "since":
        if not _capitalized(g["since"]) and not _clause_start(text, m.start()):
            kind = "year"
        else:
            start, end = m.span()
    elif rule == "past_years":
        kind = "past"
        unit = g["unit"].lower()
        n = _num(g.get("n")) if g.get("n") else 1
        if not n:
            return None
        kw["n"] = n * 10 if unit.startswith("decade") else n
        if unit in ("years", "decades") and not g.get("n"):
            return None
    elif rule == "past_year":  # "Past year, the county ...", "over the past year"
        kind, kw["n"] = "past", 1
    elif rule == "years_ago":
        kind, yrel = "year", "ago"
        kw["n"] = _num(g["n"])
        if not kw["n"]:
            return None
        if kw["n"] == 1 and not _basis_before().isdisjoint(_prev_words(text, start, 1)):
            return None  # "higher than a year ago", "the figure a year ago": a basis, not a period
    elif rule == "decade":
        year = int(g["decade"])
        kw["part"] = (g.get("part") or "").lower() or None
    elif rule == "edge_year":
        kind = "year"
        year = year or _int(g.get("year2")) or _int(g.get("year3"))
        kw["part"] = "end"
        if (g.get("edge") or "").lower() in ("beginning", "start"):
            kind, kw["part"] = "month", "beginning"
            month = 1
            if g.get("since"):
                # "Since the beginning of this year": from January 1 to the time of writing
                kind, kw["part"], month = "since", None, None
        if g.get("newyear"):
            if kw["part"] != "beginning":
                return None
            yrel = "newyear"
        if g.get("edge2") and year is None:
            yrel = "the"
    elif rule == "year_so_far":
        # "so far this year", "year to date": from January 1 to the time of writing
        kind, yrel = "since", "this"
    elif rule == "part_year":
        kind, kw["part"] = "partyear", g["part"].lower()
        year = year or _int(g.get("year2"))  # "mid-2025"
    elif rule == "holiday":
        key = _holiday_index().get(_SPACES.sub(" ", g["holiday"].lower()))
        if key is None:
            return None
        if not g.get("hword"):
            # a festival name alone is a period only where it is used as a date: a festival day after a
            # preposition of time ("on Single's Day", "on the Qixi Festival"; not "during the Double Eleven",
            # as ../shared's gold has it), a public holiday's festival after "during" or "over", or with its
            # year ("from the 2020 Spring Festival")
            prev = [w for w in _prev_words(text, start, 2) if w != "the"][-1:]
            if _vocab()["holidays"][key].get("festival_alone"):
                if g.get("yrel") or g.get("year") or not prev or prev[0] not in _FESTIVAL_DAY_BEFORE:
                    return None
            elif not (g.get("yrel") or g.get("year") or prev and prev[0] in ("during", "over")):
                return None
        kw["name"] = _holiday_variants().get((key, _SPACES.sub(" ", (g.get("hword") or "").lower())), key)
        if not _capitalized(g["holiday"]) and key != "singles_day":
            return None
    elif rule == "holiday_rel":
        kind, kw["name"] = "holiday", None
        start, end = m.span()
    elif rule == "weekday":
        if not _capitalized(g["weekday"]):
            return None
        kw["name"] = str(_vocab()["weekdays"][g["weekday"].lower()])
        rel = (g.get("rel") or "").lower().replace("on ", "").replace("on", "")
        kw["rel"] = rel or None
        if g.get("rel") and g["rel"].lower().startswith("on"):
            start = m.start("weekday") if g["rel"].lower() == "on" else start + 3
    elif rule == "month_rel":
        kind, kw["rel"] = "month", _YREL.get(_SPACES.sub(" ", g["rel"].lower()), g["rel"].lower())
        yrel = "last" if g.get("yrel") else None
    elif rule == "month_relname":
        kind, yrel = "month", g["rel"].lower()
    elif rule == "month_year":
        kind = "month"
    elif rule == "same_period":
        kind = "same"
        if g.get("yrel"):
            yrel = "last"
        noun = m.group("noun").lower() if m.group("noun") else ""
        kw["name"] = "quarter" if noun == "quarter" else "holiday" if noun in ("holiday", "festival") or \
            noun.startswith("golden") else None
    elif rule == "year_earlier":
        kind = "earlier"
    elif rule == "year_named":
        kind = "year"
    elif rule == "year_whole":
        kind, yrel = "year", "the"
    elif rule == "anaphor":
        ref = _SPACES.sub(" ", g["ref"].lower())
        if g.get("n"):
            kw["n"] = _num(g["n"])
            ref = "months"
        kind, kw["name"] = "ref", ref
        if ref == "year":
            prev = _prev_words(text, start, 2)
            if not prev or prev[-1] not in ("of", "for", "during", "throughout", "in") or (
                    len(prev) == 2 and prev[0] in ("earlier", "later", "early", "late")):
                return None
    elif rule == "annual":
        kind, yrel = "annual", "the"
    if text[end - 1:end] == "." and _STOP_NEXT.match(text, end, end + 2):
        end -= 1  # a sentence stop after an abbreviation ("from Jan to Feb.")
    if year is not None and not (1000 <= year <= 2099):
        return None
    if month is not None and kind != "decade":
        kw.setdefault("month", month)
    if kind in ("month", "date") and not kw.get("part") and not kw.get("rel") and month is not None \
            and _SINCE_RIGHT_BEFORE.match(text[max(0, start - 6):start]) \
            and (_capitalized(text[start - 6:start - 1]) or _clause_start(text, start - 6)) \
            and not _record_before().search(text, max(0, start - 70), start - 6):
        # "Since January, the city has held 286 job fairs", "Since August 26, when the program started, ...":
        # from then to the time of writing, as "Since 2016, ..." (in mid-sentence, "since 2016" is the year, as
        # the shared gold reads it; not "the highest since January", where a record starts)
        start, kind = start - 6, "since"
    return PeriodExpression(start, end, text[start:end], kind, rule, year=year, yrel=yrel, **kw)


_SINCE_RIGHT_BEFORE = re.compile(r"(?i:since)\s$")


@lru_cache(maxsize=1)
def _record_before() -> re.Pattern:
    """A record word earlier in the clause ("the highest since January"): the words the fact
    linker reads for the same purpose, linking.json record_before_since."""
    words = load_json("linking.json")["record_before_since"]
    return re.compile(rf"(?i:\b(?:{alternation(words)})\b)[^,;.]*$")


def _year_scopes(text: str, s: int, e: int) -> bool:
    """True when a bare year scopes something ("in 2024", "over 2020", "the 2023 figure"),
    False for years inside names ("the 2022 Winter Olympics") and stray numbers."""
    v = _vocab()
    prev = _prev_words(text, s, 2)
    after = text[e:e + 30]
    nxt = _WORD_NEXT.match(after)
    if prev and prev[-1] in v["possessives"]:
        if nxt and (nxt.group(1)[0].isupper() and not nxt.group(1).isupper()):
            return False
        return nxt is not None and nxt.group(1) not in v["not_after_year"]
    if nxt and nxt.group(1) in v["not_after_year"]:
        return False
    if prev and (prev[-1] in v["year_prepositions"] or " ".join(prev) in v["year_prepositions"] or prev[-1] == "("):
        return True
    if after.startswith("'s"):
        return True
    if (_clause_start(text, s) or text[max(0, s - 2):s] == ", ") and _SUBJECT_OF.match(after):
        return True  # "2023 was a year of recovery", "Fellow deputies, 2023 is the key year"
    if after.startswith(":") and prev and prev[-1] == "of":
        return True  # a heading: "The key works of 2024:"
    return _plan_after().match(after) is not None  # "sets 2026 growth target"


@lru_cache(maxsize=1)
def _plan_after() -> re.Pattern:
    """After a year: up to two words and a plan noun ("2026 growth target", "2025 GDP goal")."""
    return re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:" + alternation(_vocab()["plan_nouns"]) + r")\b", re.IGNORECASE)


def find_periods(text: str, sentences: Sequence[tuple[int, int]] | None = None, *,
                 annual: bool = False) -> Iterator[PeriodExpression]:
    """Unresolved period expressions in `text` (already normalized), in text order.

    text (str): normalized article text (text.normalize), same offsets as the original.
    sentences: sentence (start, end) offsets; unused by the regex scan, accepted so the
        signature matches the other recognizers.
    annual (bool): also report the adjective "annual" (the year in force); off by default
        because "annual" more often names a plan or a rate than a period.
    RETURNS (Iterator[PeriodExpression]): non-overlapping, longest match first.
    """
    if not text or not _ANY_PERIOD.search(text):
        return iter(())
    # longest first, then by priority and position; no two share all three (one pattern's
    # matches do not overlap), so the sort never compares the matches themselves
    cands = []
    for prio, rule, m in _scan(text, annual):
        s, e = m.span()
        cands.append((s - e, prio, s, e, rule, m))
    cands.sort()
    # the spans taken, in text order: they do not overlap (and none is empty), so a span
    # overlaps one of them when it overlaps the last one that starts before its end
    starts: list[int] = []
    ends: list[int] = []
    out = []
    plan = _plan()
    for _, prio, s, e, rule, m in cands:
        i = bisect_left(starts, e)
        if i and ends[i - 1] > s:
            continue
        if m.string is not text:  # found in the lower-case copy: the same match in the text
            m = plan[prio][2].match(text, s)
        expr = _built(rule, m, text)
        if expr is not None:
            starts.insert(i, s)
            ends.insert(i, e)
            out.append(expr)
    out.sort(key=lambda x: x.start)
    return iter(_with_offsets(text, out) if "the " in text else out)


# the expressions a stretch of days can be counted from: those resolved to days
_DAY_ANCHORED = frozenset({"holiday", "ref", "date", "dayspan"})


@lru_cache(maxsize=1)
def _offset_rx() -> tuple[re.Pattern, dict[str, int]]:
    v = _vocab()
    return re.compile(_expand(v["offset"], v["fragments"]), re.I), v["offset_days"]


def _with_offsets(text: str, exprs: list[PeriodExpression]) -> list[PeriodExpression]:
    """The expressions with "the week before" / "the three days after" joined to the dated
    period they count from, which keeps its fields and gets the offset; an anaphor
    inside the joined span ("the week") is dropped."""
    rx, days = _offset_rx()
    out: list[PeriodExpression] = []
    for x in exprs:
        if x.kind in _DAY_ANCHORED and x.offset is None and (x.kind != "ref" or x.name in ("holiday", "holidays", "golden week")):
            m = rx.search(text, max(0, x.start - 40), x.start)
            if m is not None:
                n = _num(m.group("n")) if m.group("n") else 1
                unit = days[(m.group("units") or m.group("unit")).lower()]
                side = "after" if m.group("side").lower() in ("after", "following") else "before"
                while out and out[-1].end > m.start():
                    out.pop()  # "the week" read alone
                out.append(replace(x, start=m.start(), text=text[m.start():x.end], offset=(side, n * unit)))
                continue
        out.append(x)
    return out


def _built(rule: str, m: re.Match, text: str) -> PeriodExpression | None:
    """_build, with a match whose groups do not fit (a bad number or date) rejected."""
    try:
        return _build(rule, m, text)
    except (ValueError, TypeError, KeyError):
        return None
