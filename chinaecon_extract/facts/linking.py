"""Facts: each figure tied to its metric, change, period, place, organization and rank.

The article is read sentence by sentence, carrying what is in force from earlier
sentences: the place being reported on ("The city produced ..." is Jiuquan's), the
period ("In the first quarter, ..." scopes what follows until another period appears).
Inside a sentence, a change percent joins the value it describes ("reached X, up Y
percent"; "grew Y percent to X"; "respectively" lists), a share percent is a fact of
its own, and a parenthesized conversion becomes the fact's value_alt.
Vocabulary: data/linking.json; indicator keys: data/indicators.json.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

import regex

from ..data import load_json
from ..recognizers.figures import column_header
from ..results import Fact, Mention, Period
from ..resolve.periods import background, shift_period
from ..resolve.references import PHRASES
from .indicators import indicator_for
from ..text import alternation, compiled

PARAGRAPH_PERIOD = "carry"
FIGURE_TYPES = ("money", "quantity", "count", "percent")
_LEVEL_RANK = {"other": 1, "zone": 2, "district": 3, "county": 3, "new_area": 4, "prefecture": 5, "province": 6,
               "country": 7}
_NOT_OWNER_KINDS = {"media", "government", "party", "statistics"}


_REVERSE = int(regex.REVERSE)  # a plain int: or-ing regex's flag enum costs more than the search
_REVERSED: dict = {}  # pattern (or (pattern string, flags)) -> its REVERSE compilation


def _ends_with(rx: regex.Pattern | str, s: str, flags: int = 0) -> bool:
    """Whether `rx` (a pattern anchored at the end with `$`, compiled or as a string with
    `flags`) matches at the end of `s`: the same answer as bool(rx.search(s)), several times
    faster, since a reverse search starts at the end and gives up at once, where a forward
    one tries the whole pattern from every start. For a yes/no only: the match a reverse
    search finds may start later than the forward one. The reverse compilations are kept
    in a dict keyed on the pattern, looked up before anything else is done."""
    key = rx if not flags else (rx, flags)
    rev = _REVERSED.get(key)
    if rev is None:
        if isinstance(rx, str):
            rev = compiled(rx, int(flags) | _REVERSE)
        else:
            rev = compiled(rx.pattern, int(rx.flags) | _REVERSE)
        _REVERSED[key] = rev
    return rev.search(s) is not None


def _last_match(rx: regex.Pattern, s: str):
    """rx.search(s) for a pattern anchored at the end, checked first by _ends_with (most
    texts before a figure do not match, and then only the fast reverse search runs)."""
    return rx.search(s) if _ends_with(rx, s) else None


_LONGEST_FROM_END: dict = {}  # pattern -> its REVERSE | POSIX compilation


def _longest_from_end(rx: regex.Pattern, s: str):
    """The match of `rx` that ends last in `s` and, of those, starts first: a reverse POSIX
    (leftmost-longest) search, which reads from the end. It stands in for two forward searches:

    - rx.search(s) for a pattern anchored at the end (`...\\s+$`): every match ends at the
      end, so the forward search's match is the one starting earliest, the longest;
    - the last match rx.finditer(s) yields, for a word-bounded alternation whose matches never
      partly overlap (one inside another ends where it does: "up" in "was up").

    The reverse search tries the end only, where the forward ones try every start."""
    rev = _LONGEST_FROM_END.get(rx)
    if rev is None:
        rev = _LONGEST_FROM_END[rx] = compiled(rx.pattern, int(rx.flags) | _REVERSE | int(regex.POSIX))
    return rev.search(s)


def _cue_pieces(words) -> tuple[str, ...]:
    """For each cue phrase of an alternation, its longest space-free piece, case-folded:
    a match of the alternation contains one of them, so a text containing none of them
    (case-folded) cannot match, and a substring test skips the regex search."""
    return tuple(sorted({max(w.split(), key=len).casefold() for w in words}))


def _fewest(pieces: tuple[str, ...]) -> tuple[str, ...]:
    """`pieces` without those that contain another one ("presently" holds "present"): a text
    holding any of the pieces holds one of the rest, and there are fewer to test."""
    return tuple(p for p in pieces if not any(q != p and q in p for q in pieces))


def _may_contain(pieces: tuple[str, ...], s: str) -> bool:
    """False only when `s` holds none of `pieces` (see _cue_pieces), so no cue can match."""
    return _holds_any(pieces, s.casefold())


def _holds_any(pieces: tuple[str, ...], low: str) -> bool:
    """Whether `low` contains one of `pieces` (a plain loop: quicker than any() over a generator)."""
    for piece in pieces:
        if piece in low:
            return True
    return False


def _spaced_guard(breaks: list[str]) -> tuple[str, ...]:
    """For clause breaks that start with a space (" - "), the first character after their leading
    spaces, in either case: a sentence where none of them follows a whitespace character holds
    none of those breaks (see _may_have_spaced_break)."""
    return tuple(sorted({c for w in breaks if w.strip() for c in (w.lstrip()[0].lower(), w.lstrip()[0].upper())}))


def _may_have_spaced_break(text: str, start: int, end: int) -> bool:
    """False only when no character of vocab().spaced_break_guard follows a whitespace character
    in text[start:end], so no clause break that starts with a space (" - ") occurs there.
    str.isspace includes `regex`'s whitespace, so this never misses one; a few str.find calls
    cost less than a pattern search over the sentence."""
    for c in vocab().spaced_break_guard:
        i = text.find(c, start + 1, end)
        while i >= 0:
            if text[i - 1].isspace():
                return True
            i = text.find(c, i + 1, end)
    return False


@dataclass(frozen=True)
class _Vocab:
    value_verb: regex.Pattern
    comparison: regex.Pattern
    reporting: regex.Pattern
    locative: regex.Pattern
    list_marker: regex.Pattern
    clause_break: regex.Pattern
    # the clause breaks that start with punctuation (", while", "; "), and a pattern of which a
    # sentence must hold a match for any of the others (" - ") to occur in it (see _clause_breaks)
    clause_break_punct: regex.Pattern
    spaced_break_guard: tuple[str, ...]
    strip: regex.Pattern
    trailing: regex.Pattern
    speech: regex.Pattern
    rank: regex.Pattern
    ordinals: dict
    change_to: regex.Pattern
    delta_before: regex.Pattern
    delta_after: regex.Pattern
    change_verb: regex.Pattern
    # "cutting carbon dioxide emissions by": the object of the verb names what changed
    delta_by: regex.Pattern
    # a sentence opening on the whole country ("Nationally,"), whatever place the article is about
    national: regex.Pattern
    national_body: regex.Pattern  # the start of a national government body's name
    route: regex.Pattern  # a word before the ends of a route
    annual: regex.Pattern
    timeless: regex.Pattern
    stock: regex.Pattern
    # "with a total investment of", "which cost": a thing's attribute (group "adj": the words before the noun)
    attribute: regex.Pattern
    aggregate: frozenset[str]
    future: regex.Pattern
    # substring guards (_cue_pieces) for the cue searches run on most places and figures
    list_pieces: tuple[str, ...]
    rank_pieces: tuple[str, ...]
    # per cue family, the pieces of which a sentence must hold one for any figure of it to
    # meet the family's cue (see _Cues)
    families: dict[str, tuple[str, ...]]
    world_regions: frozenset[str]
    natural_features: frozenset[str]  # last words of a river's, lake's... name
    # "'s largest ...": after a country, a description of something else ("China's largest grain producer")
    epithet: regex.Pattern
    # "the biggest increase since": a record's starting point follows
    record_since: regex.Pattern


@lru_cache(maxsize=1)
def vocab() -> _Vocab:
    d = load_json("linking.json")
    ords = {k.lower(): v for k, v in d["ordinals"].items()}
    rank_pieces = _fewest(_cue_pieces(d["rank_cues"]))
    return _Vocab(
        value_verb=regex.compile(rf"(?<![\w-])(?:{alternation(d['value_verbs'])})\s+(?:(?:a|an|the|about|around|nearly|almost|"
                                 r"more\s+than|over|some|roughly|approximately|at\s+least|a\s+total\s+of|a\s+record|"
                                 r"only|just|up\s+to|record)\s+)*$", regex.IGNORECASE),
        comparison=regex.compile(rf"(?<![\w-])(?:{alternation(d['comparison_before'])})\s+(?:(?:at|in|during|for)\s+)?(?:the\s+|a\s+)?"
                                 r"(?:(?:whole|full|entire)\s+(?:year\s+)?of\s+)?$",
                                 regex.IGNORECASE),
        # "said on Monday", "data released by the National Bureau of Statistics on Dec 11"
        # ("said in a filing on Thursday", "announced in a statement on Monday")
        reporting=regex.compile(rf"(?<![\w-])(?:{alternation(d['reporting_before'])})(?:\s+by\s+[^,;.()]{{1,60}}?|"
                                r"\s+in\s+(?:a|an|its|the)\s+[\w-]+(?:\s+[\w-]+)?(?:\s+(?:to|with)\s+[^,;.()]{1,50}?)?(?=\s+on\s+$))?"
                                r"\s+(?:on\s+)?$",
                                regex.IGNORECASE),
        locative=regex.compile(rf"(?<![\w-])(?:{alternation(d['locative'])})\s+(?:the\s+)?(?:[\w'-]+\s+){{0,2}}$",
                               regex.IGNORECASE),
        list_marker=regex.compile(rf"(?<![\w-])(?:{alternation(d['list_markers'])})\s+", regex.IGNORECASE),
        clause_break=regex.compile(rf"{alternation(d['clause_breaks'])}", regex.IGNORECASE),
        clause_break_punct=regex.compile(alternation([w for w in d["clause_breaks"] if not w[:1].isspace()]),
                                         regex.IGNORECASE),
        spaced_break_guard=_spaced_guard([w for w in d["clause_breaks"] if w[:1].isspace()]),
        strip=regex.compile(rf"^(?:(?:{alternation(d['strip_words'])})\s+)+", regex.IGNORECASE),
        speech=regex.compile(rf"^.*(?<![\w-])(?:{alternation(d['speech_verbs'])})\s+(?:that\s+)?(?=\S)", regex.IGNORECASE),
        trailing=regex.compile(rf"(?:\s+(?:{alternation(d['trailing_auxiliaries'])}))+$", regex.IGNORECASE),
        rank=regex.compile(rf"(?<![\w-])(?:{alternation(d['rank_cues'])})\s+(?:the\s+|no\.\s*)?(?P<o>{alternation(ords)}|\d+)(?:st|nd|rd|th)?\b",
                           regex.IGNORECASE),
        ordinals=ords,
        # "grew 5.7% y-o-y in Q1-Q3 2025 to 2.34 trillion yuan": a basis and a short time phrase may come between
        change_to=regex.compile(rf"^\s*,?\s*(?:(?:(?:year|month|quarter)[\s-]on[\s-](?:year|month|quarter)|y-o-y|yoy|m-o-m|mom|from\s+a\s+year\s+earlier|"
                                r"(?:over|from|compared\s+with|on)\s+the\s+same\s+period\s+(?:of\s+)?(?:last|the\s+previous)\s+year)\s+)?"
                                rf"(?:(?:in|during)\s+[^,;.]{{1,30}}?\s+)?(?:{alternation(d['change_to'])})\s+"
                                r"(?:(?:a|an|the|about|around|nearly|more\s+than|over)\s+)*$", regex.IGNORECASE),
        delta_before=regex.compile(r"(?:increase[sd]?\s+(?:of|by)|(?:rose|grew|added|up|down|fell|dropped|decreased|declined|"
                                   r"shrank|shrunk|shrunken)\s+(?:by\s+)?|an?\s+(?:net\s+)?(?:increase|decrease|rise|drop|"
                                   r"decline|growth)\s+of|(?:increase|decrease|rise|drop|decline|growth)\s+of|have\s+shrunk|"
                                   r"has\s+shrunk)\s+(?:(?:about|nearly|more\s+than|over)\s+)?$", regex.IGNORECASE),
        delta_after=regex.compile(r"^\s+(?:more|fewer|less|higher|lower)\b", regex.IGNORECASE),
        change_verb=regex.compile(r"(?<![\w-])(?:increased|increase|increases|rose|rise|rises|risen|grew|grow|grows|grown|"
                                  r"growth|expanded|gained|surged|jumped|climbed|declined|decreased|fell|dropped|dipped|"
                                  r"contracted|shrank|slipped|narrowed|widened|was\s+up|was\s+down|were\s+up|were\s+down|up|down|"
                                  r"reached\s+a\s+(?:year-on-year\s+)?growth)(?![\w-])", regex.IGNORECASE),
        delta_by=regex.compile(rf"(?<![\w-])(?:{alternation(d['delta_verbs'])})\s+((?:[\w'-]+\s+){{1,5}}?)by\s+"
                               r"(?:(?:about|around|nearly|almost|over|more\s+than|some|roughly|approximately|"
                               r"at\s+least|up\s+to|another|a\s+further)\s+)?$", regex.IGNORECASE),
        national=regex.compile(rf"\s*(?:{alternation(d['national_openers'])})\s*,", regex.IGNORECASE),
        national_body=regex.compile(rf"(?:{alternation(d['national_bodies'])})(?![\w-])"),
        route=regex.compile(rf"(?<![\w-])(?:{alternation(d['route_words'])})\s", regex.IGNORECASE),
        annual=regex.compile(r"(?<![\w-])(?:annual|annually|whole[\s-]year|full[\s-]year|for\s+the\s+year)(?![\w-])",
                             regex.IGNORECASE),
        timeless=regex.compile(rf"(?<![\w-])(?:{alternation(d['timeless_cues'])})(?![\w-])", regex.IGNORECASE),
        # "has a poor population of 89", "with a capacity of 2m a day", "the total investment of the project is 1 billion",
        # "the city is home to 40 battery makers"
        attribute=regex.compile(rf"(?<![\w-])(?:with\s+(?:a|an)\s+(?P<adj>(?:[\w-]+\s+){{0,2}}?)(?:{alternation(d['attribute_nouns'])})"
                                rf"\s+of|cost|costs|costing)\s+(?:(?:about|around|nearly|almost|over|more\s+than|some|roughly|"
                                rf"approximately|at\s+least|up\s+to)\s+)?$", regex.IGNORECASE),
        aggregate=frozenset(w.lower() for w in d["aggregate_words"]),
        stock=regex.compile(rf"(?:(?<![\w-])(?:has|have)\s+an?\s+(?:[\w-]+\s+){{0,3}}?of|"
                            rf"(?<![\w-])(?:{alternation(d['stock_nouns'])})\s+of|"
                            rf"(?<![\w-])(?:{alternation(d['stock_nouns'] + ['investment'])})(?:\s+of(?:\s+[\w'-]+){{1,8}})?\s+(?:is|are)|"
                            rf"(?<![\w-])each\s+(?:with|worth|of\s+which)(?:\s+[\w'-]+){{0,4}}?(?:\s+of)?|"
                            rf"(?<![\w-])(?:is|are)\s+home\s+to|(?<![\w-])(?:{alternation(d['possession_verbs'])}))"
                            r"\s+(?:(?:a|an|the|about|around|nearly|almost|more\s+than|over|some|only|just|"
                            r"approximately|at\s+least|minimal|minimum|total|of)\s+)*$", regex.IGNORECASE),
        future=regex.compile(rf"(?<![\w-])(?:{alternation(d['future_cues'])})(?![\w-])", regex.IGNORECASE),
        list_pieces=_fewest(_cue_pieces(d["list_markers"])),
        rank_pieces=rank_pieces,
        families={"annual": _ANNUAL_PIECES, "timeless": _fewest(_cue_pieces(d["timeless_cues"])),
                  "future": _fewest(_cue_pieces(d["future_cues"])), "rank": rank_pieces,
                  # a word of each branch of `stock` above
                  "stock": _cue_pieces(d["stock_nouns"] + d["possession_verbs"] + ["investment", "each", "home"]),
                  "from": ("from",)},
        world_regions=frozenset(d["world_regions"]),
        natural_features=frozenset(d["natural_features"]),
        epithet=regex.compile(rf"'s?\s+(?:[\w-]+\s+)?(?:{alternation(d['country_epithets'])})(?![\w-])", regex.IGNORECASE),
        record_since=regex.compile(rf"(?<![\w-])(?:{alternation(d['record_before_since'])})(?![\w-])[^,;()]{{0,40}}?"
                                   r"\s(?:since|Since)\s+$", regex.IGNORECASE),
    )


_ANNUAL_PIECES = ("annual", "year")  # a piece of each cue of vocab().annual
# a word of each branch of vocab().delta_before: a window holding none of them cannot end with it
_DELTA_PIECES = ("increase", "decrease", "rose", "grew", "added", "up", "down", "fell", "drop", "decline", "shrank",
                 "shrunk", "rise", "growth")


class _Cues(dict):
    """The cue families (vocab().families) with a piece in a stretch of text, each looked
    for once per sentence when first asked: cues["stock"]. A figure whose look-back window
    lies in that stretch can meet a family's cue only if the stretch holds one of its
    pieces, so the per-figure searches of the other families are skipped. Non-ASCII text
    has every family (case folding may then change lengths and letters), so that the
    per-figure searches decide as before."""

    __slots__ = ("low", "text", "start", "end")

    def __init__(self, text: str, start: int, end: int):
        super().__init__()
        seg = text[start:end]
        self.low = seg.lower() if seg.isascii() else None
        self.text, self.start, self.end = text, start, end

    def may_hold(self, word: str) -> bool:
        """False only when the stretch is ASCII and holds no `word` (lower case) in any case."""
        return self.low is None or word in self.low

    def folded(self, a: int, b: int) -> str:
        """text[a:b].casefold(), sliced from the lower-cased stretch when it is ASCII (where
        casefold and lower agree) and holds a..b: the figures' look-back windows."""
        if self.low is not None and self.start <= a and b <= self.end:
            return self.low[a - self.start:b - self.start]
        return self.text[a:b].casefold()

    def __missing__(self, family: str) -> bool:
        low = self.low
        found = low is None or _holds_any(vocab().families[family], low)
        self[family] = found
        return found



def link_facts(text: str, sentences: Sequence[tuple[int, int]], mentions: Sequence[Mention],
               published: str | None = None) -> list[Fact]:
    """Facts for every figure in the article, in text order.

    text (str): normalized article text; sentences: (start, end) offsets; mentions: every
    recognized mention (figures, periods, places, organizations, references) in text order.
    published (str | None): ISO publication date, for "annual" figures with no other year.
    RETURNS (list[Fact]): one fact per value figure and per standalone change.
    """
    sentences = list(sentences) or [(0, len(text))]
    starts = [s for s, _ in sentences]
    per_sentence: list[list[Mention]] = [[] for _ in sentences]
    # the sentence of each mention: the last one starting at or before it (else the first); in
    # text order most mentions share the previous one's, so it is kept while it still holds
    k, last = 0, len(starts) - 1
    for m in mentions:
        at = m.start
        if (k < last and starts[k + 1] <= at) or (at < starts[k] and k > 0):
            k = bisect.bisect_right(starts, at) - 1
            if k < 0:
                k = 0
        per_sentence[k].append(m)
    # the candidate places of the lead's sentences, found once for _lead_place and the loop below
    lead = [_candidate_places(text, ms, s_start) for (s_start, _), ms in zip(sentences[:3], per_sentence)]
    default_place = _topic_place(_lead_place(text, sentences, lead), text, mentions)
    place_in_force = default_place
    period_in_force: Period | None = None
    in_force_with_figures = False
    facts: list[Fact] = []
    prev_end = 0
    heading_place: dict | None = None  # the place of a heading that introduces a list ("Main data of Ningbo:")
    for k, ((s_start, s_end), ms) in enumerate(zip(sentences, per_sentence)):
        if "\n" in text[prev_end:s_start]:
            if heading_place is not None and _LIST_LINE.match(text, s_start):
                place_in_force = heading_place  # a line of the list under the heading
            else:
                # a new paragraph: back to what the article is about
                place_in_force, heading_place = default_place, None
            if PARAGRAPH_PERIOD == "reset" or period_in_force is not None and period_in_force.start == period_in_force.end \
                    and (_LIST_LINE.match(text, s_start) or text[s_start:s_end].rstrip().endswith(":")):
                # (an event's day, "signed 12 projects on Friday", does not date a list after it: what each
                # project is)
                period_in_force = None
        prev_end = s_end
        figs = [m for m in ms if m.type in FIGURE_TYPES]
        periods = [m for m in ms if m.type == "period" and m.period is not None and m.period.start]
        scoping = [p for p in periods if _scopes(text, p, s_start)] if periods else periods
        bases = [p for p in periods if p not in scoping] if scoping else periods
        places = lead[k] if k < len(lead) else _candidate_places(text, ms, s_start)
        if place_in_force is not None and any(p.get("reference") for p in places):
            # "the city" means the city being reported on, not one named in passing ("..., while Changchun grew")
            # ("the region" after "Bayingolin prefecture" in a Xinjiang report: Xinjiang, which it can name too)
            places = [dict(p, **{k_: place_in_force.get(k_) for k_ in ("name", "province", "parent", "level")})
                      if p.get("reference") and (p["level"] == place_in_force.get("level")
                                                  or place_in_force.get("level") in p.get("fits", ())) else p
                      for p in places]
        heading = not figs and text[s_start:s_end].rstrip().endswith(":")
        # a heading names its place whatever the preposition ("Main indicators in Ningbo:")
        sentence_place = _choose_place(text, places, s_start, bool(figs) or heading, place_in_force,
                                       (figs[0].start, max(f.end for f in figs)) if figs and places else None)
        if figs and vocab().national.match(text, s_start):
            sentence_place = dict(_CHINA)  # "Nationally, M2 stood at 309.71 trillion yuan" in a provincial report
        # the clause breaks of the sentence, found once for every figure and place in it
        breaks = _clause_breaks(text, s_start, s_end) if figs or len(places) > 1 else []
        clause_places = _clause_places(text, places, s_start, s_end, place_in_force, breaks) if len(places) > 1 else {}
        # the figure each scoping period dates as a comparison base, if any: asked once, for the facts
        # and for which periods carry on
        based = [_base_figure(text, p, figs, s_start) for p in scoping] if figs else [None] * len(scoping)
        if figs and bases:
            # "compared with 2.41 billion yuan in the same period last year": a comparison period dates the
            # base figure given with it, and nothing else
            for p in bases:
                base = _base_figure(text, p, figs, s_start) if _comparison_period(p.text.lower()) else None
                if base is not None:
                    scoping, based = [*scoping, p], [*based, base]
        if figs:
            owners = _owners(text, ms, s_start)
            sentence_facts = _sentence_facts(text, s_start, s_end, breaks, figs, scoping, based, owners,
                                             sentence_place or place_in_force, clause_places,
                                             period_in_force or _after_base(bases), published, places, ms)
            facts.extend(sentence_facts)
        else:
            sentence_facts = []
        if (sentence_place is not None and len({pl["name"] for pl in clause_places.values()}) < 2
                and len({f.location for f in sentence_facts}) < 2):
            # a sentence contrasting places ("A rose, while B fell", "A with X, followed by B with Y") is a digression
            place_in_force = sentence_place
        if heading:
            heading_place = place_in_force
        # (a figure describing a thing, "a 226-km expressway", reports nothing for the period to carry)
        reported = any(not _adjectival(f) for f in figs)
        carried = list(scoping) if heading else [p for p, base in zip(scoping, based)
                                                 if _carries(text, p, base, s_start, reported, published)]
        if carried:
            # the period the sentence's first figure was reported for ("got off to a steady start this year,
            # with GDP reaching X in the first quarter"), else the sentence's first scoping period
            used = [f.period for f in sentence_facts if f.period is not None]
            new = next((p.period for p in carried if used and p.period == used[0]), carried[0].period)
            old = period_in_force
            widens = (old and figs and new.granularity == "year" and old.granularity != "year" and old.start
                      and new.start <= old.start and old.end <= new.end)
            drills = (old and (in_force_with_figures or old.granularity == "multi_month" and new.granularity
                                in ("month", "day")) and _within(new, old))
            if heading or not widens and not drills:
                # "started this year" does not widen a January-May report (a heading such as "Highlights for
                # the whole year:" does); "In June alone", a month of a January-September report, or the fourth
                # quarter of an annual release is a drill-down that scopes its own sentence only; a heading's
                # period ("Key figures for 2024:") dates the list under it, whatever was in force
                period_in_force, in_force_with_figures = new, bool(figs)
    return _merge_back_references(facts, text)


def _lead_place(text: str, sentences, lead: list[list[dict]]) -> dict | None:
    """The place the lead (the first sentences naming a place) reports on: the article's topic.
    lead: the _candidate_places of the first (up to three) sentences."""
    named = [(span, places) for span, places in zip(sentences, lead) if places]
    if not named:
        return None
    (s_start, s_end), places = named[0]
    first = _choose_place(text, places, s_start, True, None)
    # a headline's place gives way to the part of it the first report names ("Hebei county harvests
    # bumper crop" over "The harvest in Gaocheng district of Shijiazhuang city, Hebei province")
    if first is not None and len(named) > 1 and _HEADLINE.fullmatch(text, s_start, s_end):
        (next_start, _), next_places = named[1]
        inner = _choose_place(text, next_places, next_start, True, None)
        if inner is not None and _inside(inner, first):
            return inner
    return first


_HEADLINE = compiled(r"[^\n]*[^.!?:;\s\"”)]\s*")  # a line without final punctuation


def _inside(p: dict, q: dict) -> bool:
    """True when place p lies within place q: by division code, or a zone named after its city."""
    pc, qc = p.get("code"), q.get("code")
    if pc and qc and pc != qc and len(pc) == len(qc) == 6:
        prefix = qc.rstrip("0")
        return len(prefix) in (2, 4) and pc.startswith(prefix)
    return p["name"].startswith(q["name"] + " ")


_CHINA = {"name": "China", "level": "country", "province": None}


def _topic_place(lead: dict | None, text: str, mentions: Sequence[Mention]) -> dict | None:
    """The place a new paragraph goes back to: the lead's place, unless the lead names it only in
    passing ("the line linking Baihetan with Zhejiang province") and the article keeps naming
    another Chinese place (three times or more) that does not hold it; with no lead place, the
    most mentioned one. A national release (China in the lead, or a national body in a first
    paragraph naming no place) keeps China however often it names provinces; a company "X-based"
    before the lead names a place reports on X; with no place in the lead, a dateline's city
    named again in the body is the topic."""
    if lead is not None and lead["level"] == "country":
        return lead
    located = [m for m in mentions if m.type == "location"]
    # where the company the article opens on is based, before the lead names a place ("HONG KONG -
    # Guangzhou-based Nanhua Airlines said ...")
    based = next((m for m in located if text.startswith("-based", m.end)), None)
    if based is not None and (lead is None or based.start < lead["start"]):
        return _place_info(based)
    if _national_body_leads(text, mentions, lead):
        return dict(_CHINA)  # "Sales at key retailers monitored by the Ministry of Commerce rose 9 percent"
    if lead is None:
        # a lead naming no place: the dateline's city when the body names it again ("GUANGZHOU, Nov. 4
        # (Xinhua) -- The 136th China Import and Export Fair closed ... the Canton Fair Complex in Guangzhou")
        if located and _dateline(text, {"start": located[0].start, "end": located[0].end}) and any(
                m.name == located[0].name for m in located[1:]):
            return _place_info(located[0])
    doc = _document_place(text, mentions)
    if lead is None or doc is None or doc["name"] == lead["name"] or doc["level"] == "country":
        return lead or doc
    if _inside(lead, doc):
        return lead  # "off the coast of Yangxi county in Yangjiang": the county, however often the city comes up
    named = [m.name for m in located]
    return doc if named.count(lead["name"]) == 1 and named.count(doc["name"]) >= 3 else lead


def _national_body_leads(text: str, mentions: Sequence[Mention], lead: dict | None) -> bool:
    """Does the first paragraph (after a dateline's "--") name a national government body ("the
    Ministry of Commerce", "the National Bureau of Statistics") and no place? Then the report is national."""
    dash = text.find("--", 0, 80)
    first_break = text.find("\n", dash + 1 if dash >= 0 else 0)
    end = first_break if first_break > 0 else len(text)
    if lead is not None and lead["start"] < end:
        return False
    body = vocab().national_body
    return any(m.type == "organization" and m.start < end and getattr(m, "kind", "") == "government"
               and body.match(m.name) for m in mentions)


def _document_place(text: str, mentions: Sequence[Mention]) -> dict | None:
    """The place an article is about before any sentence says otherwise: its most
    mentioned Chinese place (the earliest on a tie); China for a national release."""
    counts: dict[str, list] = {}
    for m in mentions:
        if m.type == "location" and (m.level != "country" or m.name == "China") and not _dateline(
                text, {"start": m.start, "end": m.end}):
            counts.setdefault(m.name, [0, m.start, m])[0] += 1
    if counts:
        _, _, m = max(counts.values(), key=lambda c: (c[0], -c[1]))
        return _place_info(m)
    if compiled(r"(?<![\w-])(?:national|nationwide|the\s+country'?s?|China'?s|the\s+nation'?s)(?![\w-])",
                regex.IGNORECASE).search(text):
        return dict(_CHINA)
    return None


_DATELINE_LEAD = regex.compile(r"\s*[A-Z][A-Z .'-]+,\s*")
_DATELINE_DASH = regex.compile(r"\s*(?:\(|--|—|-)")


def _scopes(text: str, p: Mention, s_start: int) -> bool:
    """False for comparison bases ("the same period last year", "over 2020"), reporting
    dates ("said on Monday"), datelines and a noun's background date ("the policies introduced
    in the second half of 2023")."""
    v = vocab()
    if (_DATELINE_LEAD.fullmatch(text, s_start, p.start)
            and _DATELINE_DASH.match(text[p.end:p.end + 4])):
        return False  # the dateline "BEIJING, April 9 (Xinhua) --"
    if background(text, p.start):
        return False
    before = text[max(s_start, p.start - 40):p.start]
    if before[-6:].lower() == "since " and _ends_with(v.record_since, text[max(s_start, p.start - 60):p.start]):
        return False  # "the biggest increase since February 2024": where a record starts, not the figure's period
    low = p.text.lower()
    if _comparison_period(low):
        return False
    if not _ends_with(_scope_cues(), before):
        # none of the cues below: most periods, settled by one search instead of four (a reporting date may
        # stand further back: "said in a filing to the Shanghai Stock Exchange on Wednesday")
        return not (before.endswith("on ") and _ends_with(v.reporting, text[max(s_start, p.start - 90):p.start]))
    after_from = _ends_with(_FROM_END, before, regex.IGNORECASE)
    if _ends_with(v.comparison, before) and not after_from and not (
            _STRETCH.match(low) and before.rstrip().lower().endswith("over")):
        return False  # (but "over the past decade" is the stretch the figure covers)
    if after_from and _ends_with(_CHANGE_FROM, before) and not _SPAN_WORD.search(p.text):
        return False  # "up 9.3 percent from the start of the year": the base of a change ("from January to
        # October" is the span itself)
    if after_from and not compiled(
            r"\s*(?:to|-|through|until)\b", regex.IGNORECASE).match(text[p.end:p.end + 12]):
        # "from 84.3% in 2018" is a start point; "from January to May" is handled as one period
        return True
    if _ends_with(v.reporting, before):
        return False
    if _ends_with(_EVENT_BEFORE, before, regex.IGNORECASE):
        return False  # "prices fell as supplies increased after the Spring Festival holiday"
    return True


_FROM_END = r"from\s+$"
# "over the past decade", "over the last five years" (not "over last year", a comparison)
_STRETCH = re.compile(r"(?:the\s+)?(?:past|last|previous)\s+(?:[\w-]+\s+)?(?:years|months|quarters|decades?)\b")
_EVENT_BEFORE = r"(?<![\w-])(?:after|before|ahead\s+of|prior\s+to|until|till)\s+(?:the\s+)?$"


@lru_cache(maxsize=1)
def _scope_cues() -> regex.Pattern:
    """The cues _scopes looks for before a period (from, comparison, reporting, event), as one
    pattern: it matches the text before a period exactly when one of them does."""
    v = vocab()
    return regex.compile("|".join(f"(?:{rx})" for rx in (_FROM_END, v.comparison.pattern, v.reporting.pattern,
                                                        _EVENT_BEFORE)), regex.IGNORECASE)


_PLACE_TYPES = ("location", "reference")  # the mention types _place_info makes a place of


def _place_info(m: Mention) -> dict | None:
    if m.type == "location":
        return {"name": m.name, "level": m.level, "province": _province(m), "start": m.start, "end": m.end,
                "parent": m.parent, "code": m.code}
    if m.type == "reference" and m.kind == "location" and m.name:
        phrase = " ".join(w for w in m.text.lower().split()[1:] if w not in ("whole", "entire"))  # "the region" -> "region"
        return {"name": m.name, "level": m.level or "other", "province": None, "start": m.start, "end": m.end,
                "parent": None, "reference": True, "fits": PHRASES.get(phrase, ("", ()))[1]}
    return None


def _province(m: Mention) -> str | None:
    if m.level == "province":
        return m.name
    return m.parent if m.level in ("prefecture", "new_area") else None


def _candidate_places(text: str, ms: list[Mention], s_start: int) -> list[dict]:
    """Chinese places in the sentence that could own its figures: not foreign, not one of
    a list ("including Beijing, Shanghai"), not the parent of another place named there; for
    a route, the place holding its ends ("between Fuzhou and Xiamen" in Fujian)."""
    out = []
    for m in ms:
        if m.type in _PLACE_TYPES:
            p = _place_info(m)
            # (not "Wuwei-based": where a company is based describes the company)
            if p and not _dateline(text, p) and _domestic(p) and text[p["end"]:p["end"] + 1] != "-" \
                    and not _setting_feature(text, p):
                out.append(p)
    if not out:
        return out
    if len(out) > 2 and vocab().route.search(text, s_start, max(p["start"] for p in out)):
        holder = _route_holder(text, s_start, out)
        if holder is not None:
            return [holder]
    v = vocab()
    listed = []
    # every place's look-back below lies between the sentence start and the last place: one cue test for all
    if _may_contain(v.list_pieces, text[s_start:max(p["start"] for p in out)]):
        for p in out:
            head = text[max(s_start, p["start"] - 120):p["start"]]
            lm = None
            if not _may_contain(v.list_pieces, head):
                continue
            for lm in v.list_marker.finditer(head):
                pass
            if lm is not None and compiled(r"[\w\s,'-]*").fullmatch(head[lm.end():] or ""):
                listed.append(p)
    if len(out) < 2 and not listed:
        return out  # nothing to be listed with, coordinated with or described by
    out = [p for p in out if p not in listed and not _coordinated(text, p, out)]
    # "Jiuquan in Gansu province", "Xi'an, capital of Shaanxi": a parent named after its child describes it
    # "Mangjing Village on Jingmai Mountain, Lancang Lahu autonomous county": a division right after a
    # village, mountain or park places it; the village or park is what is reported on (a mountain is not)
    def described(p):
        return any(q is not p and q["start"] < p["start"] and (
            p["name"] in (q.get("parent"), q.get("province"))
            or q["level"] in ("other", "zone") and p["level"] in _DIVISIONS
            and _APPOSED.fullmatch(text, q["end"], p["start"]) and _settlement(out, q, text))
            for q in out)
    # "Helan Mountain in Ningxia": a mountain, lake or river placed in a division is scenery, not the subject
    return [p for p in out if not described(p) and not (
        (p["name"].endswith(_LANDFORMS) or p["name"].startswith("Mount ")) and any(q["level"] in _DIVISIONS and q["start"] >= p["end"]
                                               and _APPOSED.fullmatch(text, p["end"], q["start"]) for q in out))]


_DIVISIONS = ("county", "district", "prefecture", "province")
_SETTLEMENTS = ("village", "town", "township")
_LANDFORMS = ("Mountain", "Mountains", "Lake", "River", "Desert", "Grassland", "Plateau", "Basin")


def _settlement(places: list[dict], q: dict, text: str) -> bool:
    """Whether q is a village, town or zone, or a place placed in one ("Jingmai Mountain" after
    "Mangjing Village on"): the places whose division named after them only locates them."""
    if q["level"] == "zone" or q["name"].lower().endswith(_SETTLEMENTS):
        return True
    return any(r is not q and r["end"] <= q["start"] and _settlement(places, r, text)
               and _APPOSED.fullmatch(text, r["end"], q["start"]) for r in places)


_APPOSED = regex.compile(r"\s*,\s*|\s+(?:of|in|on)\s+(?:the\s+)?")


def _route_holder(text: str, s_start: int, places: list[dict]) -> dict | None:
    """The smallest place holding every end of a route ("a railway ... of Fujian province, between
    the provincial capital Fuzhou and the port city of Xiamen": Fujian; "an expressway linking
    Ma'erkang with Zoige county ... in the Ngawa prefecture of Sichuan": Ngawa), None when no place
    named holds them all ("linking the Baihetan hydropower station with Zhejiang")."""
    route, ends = vocab().route, []
    for p in places:
        lo = max(s_start, p["start"] - 120)
        cue = _last_match(route, text[lo:p["start"]])
        if cue is not None and _ROUTE_GAP.fullmatch(text, lo + cue.end(), p["start"]):
            ends.append(p)
    # (a place named inside the run that holds the others describes an end: "linking Xi'an, capital of
    # Shaanxi province, with Yan'an")
    holders = [q for q in places if q.get("code") and all(_inside(p, q) for p in ends if p is not q)]
    ends = [p for p in ends if p not in holders]
    holders = [q for q in holders if all(_inside(p, q) for p in ends)]
    if len(ends) < 2 or not holders:
        return None
    return max(holders, key=lambda q: len(q["code"].rstrip("0")))


_ROUTE_GAP = re.compile(r"(?:(?!(?<![\w-])(?:in|via|through|at)\s)[\w\s,'-])*")  # "via X", "in Y": not an end


def _setting_feature(text: str, p: dict) -> bool:
    """A river, lake or mountain where something lies ("on the Yangtze River", "along the Yellow
    River"): a setting, never what a figure is about."""
    return (p["level"] == "other" and p["name"].rpartition(" ")[2] in vocab().natural_features
            and _FEATURE_SETTING.search(text, max(0, p["start"] - 16), p["start"]) is not None)


_FEATURE_SETTING = re.compile(r"(?<![\w-])(?:on|along|alongside|near|by|beside|across|over)\s+the\s+$", re.IGNORECASE)


def _domestic(p: dict) -> bool:
    """False for a foreign country or a world region ("Central Asia"), which own no Chinese figure."""
    return not (p["level"] == "country" and p["name"] != "China") and not (
        p["level"] == "other" and p["name"] in vocab().world_regions)


def _coordinated(text: str, p: dict, places: list[dict]) -> bool:
    """True for one of a list of places ("farms in Yibin, Deyang and Neijiang"): none of them owns the figure."""
    joint = compiled(r"(?:\s+(?:city|county|district|prefecture|province))?\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?")
    # fullmatch on the span of text (no slice: the gap may be most of a sentence); the joint
    # cannot match an empty gap, so a reversed span (end before start) never matches either
    return any(q is not p and q["level"] == p["level"] and (
                   p["end"] <= q["start"] and joint.fullmatch(text, p["end"], q["start"])
                   or q["end"] <= p["start"] and joint.fullmatch(text, q["end"], p["start"]))
               for q in places)


# after a dateline's place: its date (group 1, ", June 26"), an agency in brackets, then a dash or colon
_DATELINE = regex.compile(r"\s*(,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*)?(?:\([^)]{1,30}\)\s*)?"
                          r"(?:--|-|\u2014|:)")


def _dateline(text: str, p: dict) -> bool:
    """"NANNING -- ...", "HAIKOU, Oct 6 (Xinhua) -- ...", "Shijiazhuang, June 26 -- ...": where a
    story was filed, not what it reports on (a name not in capitals needs the date)."""
    after = text[p["end"]:p["end"] + 2]
    if not (after.startswith(",") or text[p["start"]:p["end"]].isupper()):
        return False  # the common case, settled before the line start is looked for
    at_line_start = p["start"] == 0 or text[:p["start"]].rstrip(" ").endswith("\n")
    if not at_line_start:
        return False
    m = _DATELINE.match(text, p["end"])
    return bool(m) and (text[p["start"]:p["end"]].isupper() or m.group(1) is not None)


def _choose_place(text: str, places: list[dict], s_start: int, has_figures: bool, in_force: dict | None,
                  figures: tuple[int, int] | None = None) -> dict | None:
    """The place a sentence reports on: a subject (not after "in"/"to"...), else, in a
    sentence with figures, the most specific place named outside an aside. figures: where the
    sentence's first figure starts and its last ends; a country named after them ("since swine
    fever hit the country") is no subject, nor is a place set off by commas before them
    ("enterprises, led by Samsung in the Xi'an zone, accounted for 49 percent")."""
    if not places:
        return None
    v = vocab()
    # "12.4 percent of the national total", "46.9 percent of the country's total": a denominator, not a subject;
    # "Heilongjiang, China's largest grain producer": a description; "Since China's reform and opening-up": a time
    subjects = [p for p in places if not _setting(text, p, s_start)
                and not (p["level"] == "country" and (
                    _ends_with(r"(?<![\w-])(?:of|since|Since)\s+(?:the\s+)?$", text[max(s_start, p["start"] - 8):p["start"]])
                    or v.epithet.match(text, p["end"], p["end"] + 40)
                    or figures is not None and p["start"] >= figures[1]))]
    pool = subjects or ([p for p in places if not (figures and _set_off(text, p, s_start, figures[0]))]
                        if has_figures else [])
    # "0.6 percentage points higher than the Zunyi City average": the place compared with owns nothing
    pool = [p for p in pool if not _COMPARED.search(text, max(s_start, p["start"] - 30), p["start"])]
    if not pool:
        return None
    china = [p for p in pool if p["level"] == "country"]
    rest = [p for p in pool if p["level"] != "country"]
    if rest:
        return min(rest, key=lambda p: (_LEVEL_RANK.get(p["level"], 5), p["start"]))
    if in_force is not None and in_force.get("level") != "country" and not (has_figures and subjects):
        return None  # "China" alone does not displace the province or city being reported on
    return china[0] if china else None


_COMPARED = regex.compile(r"(?<![\w-])(?:than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:that\s+of\s+)?(?:the\s+)?"
                          r"(?:whole\s+|entire\s+)?$", regex.IGNORECASE)


def _setting(text: str, p: dict, s_start: int) -> bool:
    """Whether a place follows a locative ("in Beijing"), so it is a setting, not a subject.
    Kept in the place dict on first use ("_setting"): _choose_place asks it of the same place for
    the lead, the sentence and its clause, always with the place's own sentence start."""
    found = p.get("_setting")
    if found is None:
        found = p["_setting"] = _ends_with(vocab().locative, text[max(s_start, p["start"] - 30):p["start"]])
    return found


def _set_off(text: str, p: dict, s_start: int, first_figure: int) -> bool:
    """Whether a place sits in an aside set off by commas before the sentence's first figure."""
    return "," in text[s_start:p["start"]] and "," in text[p["end"]:first_figure]


def _carries(text: str, p: Mention, base: Mention | None, s_start: int, has_figures: bool,
             published: str | None) -> bool:
    """Whether a period goes on scoping later sentences. Datelines and event dates in
    sentences without figures ("On Dec. 29, the season opened"; "started to rebound in
    March") do not, nor do historic dates in a feature's back story, nor the period of a
    figure given as a comparison base ("lower than the 0.5-percent increase in July"):
    base, the figure _base_figure found for p."""
    per = p.period
    if published and per.end and int(per.end[:4]) < int(published[:4]) - 5:
        return False
    if published and per.end and per.end > published and (
            per.start > published and _DEADLINE_BEFORE.search(text, max(s_start, p.start - 8), p.start)
            or vocab().future.search(text, s_start, p.start)):
        # a deadline or plan ahead ("will open by the end of 2027", "is scheduled to start production in the
        # second half of 2024") is a target, not what is reported on
        return False
    if _aside(text, p.start, s_start) >= 0 and not (not has_figures and _HEADING_COLON.match(text, p.end)):
        # "(Q4 growth: 6.0 percent)": an aside, not the report's period; but a heading's
        # "Main indicators of Liangjiang New Area (January-September):" dates the lines under it
        return False
    if has_figures:
        return base is None
    if per.granularity == "day":
        return False
    if per.granularity == "month":
        return not text[s_start:p.start].strip(" ,") or bool(
            compiled(r"\s*(?:in|during|by|for)\s+(?:the\s+)?", regex.IGNORECASE).fullmatch(text[s_start:p.start]))
    return True


def _base_figure(text: str, p: Mention, figs: list[Mention], s_start: int) -> Mention | None:
    """The figure a period dates when that figure is a comparison base ("lower than the 0.5-percent
    increase in July", "narrowing from a 4.4-percent drop in September"), else None."""
    base = next((f for f in reversed(figs) if f.end <= p.start), None)
    if base is not None and _OF_FIGURE.fullmatch(text, base.end, p.start) and _ends_with(
            vocab().comparison, text[max(s_start, base.start - 40):base.start]):
        return base
    return None


def _comparison_period(low: str) -> bool:
    """Whether a period's lower-cased text names a comparison base ("the same period last year",
    "a year earlier"): it scopes no figure of its own, only the base figure given with it."""
    return "same period" in low or "year earlier" in low or "year ago" in low or "previous year" in low


_DEADLINE_BEFORE = regex.compile(r"(?<![\w-])(?:by|before|until|till)\s+$", regex.IGNORECASE)
_HEADING_COLON = re.compile(r"[) ]*:")  # "... (January-September):" ends a heading


def _aside(text: str, pos: int, s_start: int) -> int:
    """Offset of the open parenthesis that `pos` sits inside (within its sentence), else -1."""
    opened = text.rfind("(", s_start, pos)
    return opened if opened >= 0 and text.find(")", opened, pos) < 0 else -1


def _after_base(bases: list[Mention]) -> Period | None:
    """"an increase over 2020" with no period of its own: the figure is the next year's."""
    for b in bases:
        per = b.period
        if per and per.granularity == "year" and per.how != "unresolved":
            y = int(per.start[:4]) + 1
            return Period(f"{y}-01-01", f"{y}-12-31", "year", "context", "the year after the comparison base")
    return None


def _owners(text: str, ms: list[Mention], s_start: int) -> list[tuple[int, str]]:
    """(offset, name) of companies and other owners of figures named in the sentence."""
    out = []
    for m in ms:
        if m.type == "organization" and getattr(m, "kind", "other") not in _NOT_OWNER_KINDS:
            before = text[max(s_start, m.start - 16):m.start].lower()
            if "according to" in before or "by" == before.strip()[-2:]:
                continue
            out.append((m.start, m.name or m.text))
        elif m.type == "reference" and m.kind == "organization" and m.name:
            out.append((m.start, m.name))
    return out


def _clause_breaks(text: str, s_start: int, s_end: int) -> list[tuple[int, int]]:
    """(start, end) of each clause break (", while", "; ") in the sentence, in order."""
    v = vocab()
    # A break that starts with a space (" - ") may start at any space, and looking for one costs
    # most of the search; a sentence without the dash those breaks hold needs only the
    # punctuation-led breaks, which at any place can match only where the full set would.
    if _may_have_spaced_break(text, s_start, s_end):
        return [m.span() for m in v.clause_break.finditer(text, s_start, s_end)]
    return [m.span() for m in v.clause_break_punct.finditer(text, s_start, s_end)]


def _clause_of(breaks: list[tuple[int, int]], pos: int, s_start: int, s_end: int) -> tuple[int, int]:
    """(start, end) of the clause around `pos`: between the clause breaks (_clause_breaks)
    before and after it, else the sentence's ends."""
    start, end = s_start, s_end
    for b_start, b_end in breaks:
        if b_end <= pos:
            start = b_end
        elif b_start >= pos:
            end = b_start
            break
    return start, end


def _clause_places(text, places, s_start, s_end, in_force, breaks) -> dict[tuple[int, int], dict]:
    """Per clause, the place it reports on ("Sanya received X, while the capital Haikou received Y")."""
    out = {}
    bounds = sorted({s_start, s_end, *[b_end for _, b_end in breaks]})
    for a, b in zip(bounds, bounds[1:]):
        inside = [p for p in places if a <= p["start"] < b]
        if inside:
            chosen = _choose_place(text, inside, s_start, True, in_force)
            if chosen:
                out[(a, b)] = chosen
    return out


def _sentence_facts(text, s_start, s_end, breaks, figs, scoping, based, owners, place, clause_places, period_in_force,
                    published, places=(), mentions=()) -> list[Fact]:
    v = vocab()
    # every look-back window of a figure lies between the sentence start and the last figure's end
    cues = _Cues(text, s_start, max(s_end, max(m.end for m in figs)))
    alts = {m.equivalent for m in figs if getattr(m, "equivalent", None) and m.equivalent[0] > m.start}
    values = [m for m in figs if (m.start, m.end) not in alts and not (m.type == "percent" and m.role == "change")]
    changes = [m for m in figs if m.type == "percent" and m.role == "change"]
    # whether a value is itself a change ("rose by 3 million", "2 million more"); asked only of values a
    # change percent might join, so a sentence without one looks at none
    is_delta = {id(m): bool(_holds_any(_DELTA_PIECES, cues.folded(max(s_start, m.start - 40), m.start))
                            and _ends_with(v.delta_before, text[max(s_start, m.start - 40):m.start])
                            or v.delta_after.match(text[m.end:m.end + 12])) for m in values} if changes else {}
    change_of: dict[int, Mention] = {}
    standalone: list[Mention] = []
    # "A, B and C rose by 1, 2 and 3 percent respectively"
    resp = _RESPECTIVELY.search(text, s_start, s_end) if cues.may_hold("respectively") else None
    listed: list[Mention] = []
    if len(changes) >= 2 and resp:
        at = resp.start()
        # the run of changes joined by commas and "and" that ends before "respectively" ("Yan'an grew 3.2
        # percent to X, while A, B and C grew 5.5, 5.7 and 4.1 percent respectively": not the 3.2)
        for c in reversed([c for c in changes if c.end <= at]):
            if listed and not _LIST_JOINT.fullmatch(text, c.end, listed[0].start):
                break
            listed.insert(0, c)
        if not listed:
            # translations put it first: "produced A, B and C, respectively increased by 4.1%, 6.8% and 12.3%"
            listed = [c for c in changes if c.start >= resp.end() and _LISTED.fullmatch(text, resp.end(), c.start)]
        cands = [m for m in values if m.end <= listed[0].start and not is_delta[id(m)]] if listed else []
        if cands and len(cands) >= len(listed):
            for val, c in zip(cands[-len(listed):], listed):
                change_of[id(val)] = c
        else:
            standalone.extend(listed)
    for c in changes:
        if c in listed:
            continue
        target = None
        later = [m for m in values if m.start >= c.end and id(m) not in change_of]
        if later and v.change_to.match(text[c.end:later[0].start]):
            target = later[0]
        else:
            eligible = []
            before = [m for m in values if m.end <= c.start]
            if before and _own_subject(text, before[-1].end, c.start):
                before = []  # "X yuan, while online retail sales grew 14.2 percent": the change is another metric's
            for m in reversed(before):
                if any(m.end <= x.start and x.end <= c.start for x in changes if x is not c):
                    break  # another change stands between them
                if c.start - m.end > 220:
                    break
                if is_delta[id(m)] or id(m) in change_of:
                    continue
                if m.type == "percent" and c.unit == "percent":
                    continue  # a share's change is in percentage points; "1.5 percent higher" stands alone
                if m.type != "percent" and c.unit == "percentage_point":
                    continue  # percentage points change a rate, not an amount
                eligible.append(m)
            # "cargo ... between Xi'an and destinations in more than 10 countries, up 64.1 percent":
            # a figure inside a prepositional phrase is not what the change describes
            target = next((m for m in eligible if not _in_phrase(text, m, s_start)), None)
            if eligible and c.unit == "percentage_point":
                # (only percents are eligible): "accounting for 64.3 percent of the total, 1.5 percentage points higher"
                target = eligible[0]
            if target is None and eligible:
                target = eligible[0]
        if target is not None:
            change_of[id(target)] = c
        else:
            standalone.append(c)
    out = []
    value_ids = {id(m) for m in values}
    # what each scoping period is regardless of the figure: after "since", and inside which parentheses
    # and whose it is when it dates a comparison base ("fell 2.9 percent, narrowing from a 4.4-percent drop in
    # September": September is the 4.4 percent's, not the 2.9 percent's)
    scoping = [(p, bool(_SINCE_BEFORE.search(text[max(s_start, p.start - 8):p.start])), _aside(text, p.start, s_start),
                base) for p, base in zip(scoping, based)]
    heads = sorted(values + standalone, key=lambda x: x.start)
    sentence = (s_start, s_end)
    respective = _respective_places(text, s_start, s_end, breaks, heads, mentions, resp) if (
        listed or len(heads) > 1) and (cues.may_hold("respectively") or cues.may_hold(" and ")) else {}
    prev = None  # the figure before, whose metric a figure listed right after it shares
    for m in heads:
        change = change_of.get(id(m))
        is_value = id(m) in value_ids
        c_start, c_end = _clause_of(breaks, m.start, s_start, s_end)
        period = None if is_value and _attribute(text, m, s_start, figs) else \
            _period_for(text, m, scoping, period_in_force, c_start, c_end, s_start, published, cues)
        owner = _owner_for(m, owners) if owners else None
        here = respective.get(id(m)) if respective else None
        if here is None and places:
            here = _place_with(text, m, places)
        if not here:
            here = next((pl for (a, b), pl in clause_places.items() if a <= m.start < b), place) if clause_places \
                else place
        metric = None
        if change is not None and change.start < m.start:
            metric = _metric(text, change, s_start, c_start, figs)  # "exports grew 5% to X"
        if prev is not None and prev.type == m.type and getattr(prev, "role", None) == getattr(m, "role", None) \
                and (_LIST_JOINT.fullmatch(text, prev.end, m.start) or _COMPARED_JOINT.fullmatch(text, prev.end, m.start)):
            metric = out[-1].metric  # "urban and rural incomes were 45,310 yuan and 18,926 yuan": one metric
        metric = metric or _metric(text, m, s_start, c_start, figs)
        prev = m
        last = max(m.end, change.end if change else 0)
        rank = _rank(text, last, c_end if c_end > last else s_end) if cues["rank"] else None
        alt = tuple(m.equivalent) if is_value and getattr(m, "equivalent", None) else None
        out.append(Fact(
            value=(m.start, m.end) if is_value else None,
            change=(change.start, change.end) if change else ((m.start, m.end) if not is_value else None),
            value_alt=alt, metric=metric, indicator=_indicator(metric, m), period=period,
            location=here["name"] if here else None, location_level=here.get("level") if here else None,
            province=here.get("province") if here else None, organization=owner, rank=rank,
            sentence=sentence))
    return out


def _attribute(text: str, m: Mention, s_start: int, figs) -> bool:
    """Whether a figure describes a thing rather than what a period saw ("the plant, with a total
    investment of X", "a line with an annual capacity of X", "which cost X"), so that it has no
    period. A sum over things counted before it ("signed 36 projects with a total investment of
    X") is the period's."""
    at = max(s_start, m.start - 90)
    window = text[at:m.start]
    if "with" not in window and "cost" not in window.lower():
        return False
    a = vocab().attribute.search(window)
    if a is None:
        return False
    adj = a.group("adj")
    if adj and vocab().aggregate.intersection(adj.lower().split()):
        return not any(f is not m and f.type in ("count", "quantity") and s_start <= f.start and f.end <= at + a.start()
                       and not _adjectival(f) for f in figs)
    return True


def _indicator(metric: str | None, m: Mention) -> str | None:
    """The indicator of a fact's metric. A count whose indicator comes from the words before
    its head noun alone counts what the head names ("investment projects" counts projects,
    not investment; "passenger trips" stays passenger trips)."""
    full = indicator_for(metric)
    if m.type == "count" and full is not None and metric and " " in metric:
        modifiers, head = metric.rsplit(None, 1)
        if indicator_for(modifiers) == full:
            return indicator_for(head) or full
    return full


def _own_subject(text: str, value_end: int, change_start: int) -> bool:
    """True when a change after a value has a subject of its own: a new clause naming an
    indicator before the change verb ("..., and strive to make fixed asset investment increase
    by 10%", "..., while online retail sales grew 14.2 percent")."""
    gap = text[value_end:change_start]
    joint = _last_match(_JOINT, gap) if len(gap) < 160 else None
    if joint is None:
        return False
    tail = gap[joint.end():]
    if _SAW_RATE.search(tail) and not any(ch.isdigit() for ch in tail):
        return True  # "..., while Zhuhai saw the fastest growth, at 41.7 percent"
    verb = _longest_from_end(vocab().change_verb, tail)
    return (verb is not None and not any(ch.isdigit() for ch in tail)
            and _AFTER_VERB.fullmatch(tail, verb.end()) is not None
            and indicator_for(tail[:verb.start()]) is not None)


_SAW_RATE = regex.compile(r"(?<![\w-])(?:saw|sees|recorded|records|posted|posts|registered|logged|reported)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:growth|increase|rise|decline|decrease|drop)(?:\s+rate)?,?\s+(?:at|of)\s+"
                          r"(?:(?:about|nearly|more\s+than|over)\s+)?$", regex.IGNORECASE)
_JOINT = regex.compile(r"(?:,\s*(?:and|while|whereas|but|with)|;)\s+", regex.IGNORECASE)
_AFTER_VERB = regex.compile(r"\s*(?:by\s+|of\s+|to\s+)?(?:(?:about|nearly|more\s+than|over)\s+)?", regex.IGNORECASE)


def _respective_places(text, s_start, s_end, breaks, heads, mentions, resp) -> dict[int, dict]:
    """"Xiangyang and Yichang grew 6.1% and 6.3% respectively": the places listed before the
    figures of a "respectively" clause (resp: its match, else None), paired with them in order
    (by id of the figure)."""
    if resp is not None:
        c_start, c_end = _clause_of(breaks, resp.start(), s_start, s_end)
        # "A and B rose X and Y respectively", or as translations put it, "A, B respectively realize X, Y"
        figures = [m for m in heads if c_start <= m.start < resp.start()] or [
            m for m in heads if resp.end() <= m.start < c_end]
    else:
        # without the word: "Yuzhong District and Jiangbei District received 12.4 million and 9.8 million
        # visitors", two figures joined by "and" right after each other
        pair = next(((a, b) for a, b in zip(heads, heads[1:]) if _AND.fullmatch(text, a.end, b.start)), None)
        if pair is None:
            return {}
        c_start, _ = _clause_of(breaks, pair[0].start, s_start, s_end)
        figures = list(pair)
    if len(figures) < 2:
        return {}
    listed = [p for p in (_place_info(m) for m in mentions if m.type in _PLACE_TYPES
                          and c_start <= m.start and m.end <= figures[0].start) if p and _domestic(p)]
    if len(listed) != len(figures) or resp is None and not all(
            _AND.fullmatch(text, a["end"], b["start"]) for a, b in zip(listed, listed[1:])):
        return {}
    return {id(m): p for m, p in zip(figures, listed)}


_AND = regex.compile(r",?\s+and\s+")
_RESPECTIVELY = regex.compile(r"(?<![\w-])respectively(?![\w-])", regex.IGNORECASE)
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
# from a figure to the one it is compared with: "3.86 billion yuan, compared with 2.41 billion yuan", "to RMB 3.12
# billion in the first half of 2023 from RMB 13.47 billion": the same metric, another period
_COMPARED_JOINT = regex.compile(r"(?:\s+(?:in|during|for)\s+[^,;()]{1,40}?)?,?\s+(?:compared\s+(?:with|to)|from|versus|against|"
                                r"up\s+from|down\s+from)\s+(?:(?:about|around|nearly|over|more\s+than)\s+)?", regex.IGNORECASE)
# from "respectively" to one of the figures it lists: a few words, then figures joined by commas and "and"
_LISTED = regex.compile(r",?(?:\s+[a-z-]+){0,3}\s+(?:[\d.,]+\s*(?:%|percent|per\s+cent)(?:\s*,|\s+and|,\s+and)?\s+)*")


def _place_with(text: str, m: Mention, places) -> dict | None:
    """The place a figure is given with: "followed by Kashgar prefecture with 1.02 million tons",
    or the subject a few words before it: "..., and Shenzhen's rose 0.6 percent", "..., and
    Chongqing's Liangjiang New Area produced 580,000 cars"."""
    for p in places:
        # _WITH needs a literal "with" between them: looked for first, as a cheap test
        if p["end"] <= m.start <= p["end"] + 40 and text.find("with", p["end"], m.start) >= 0 \
                and _WITH.fullmatch(text, p["end"], m.start):
            return p
    owner = next((p for p in reversed(places) if p["end"] <= m.start), None)
    # _SUBJECT_OF reads only letters, apostrophes, hyphens and spaces: a comma between settles it at once
    if owner is not None and m.start - owner["end"] <= 60 and text.find(",", owner["end"], m.start) < 0 \
            and _SUBJECT_OF.fullmatch(text, owner["end"], m.start) \
            and not _COMPARED.search(text, max(0, owner["start"] - 30), owner["start"]):
        setting = _last_match(vocab().locative, text[max(0, owner["start"] - 30):owner["start"]])
        word = setting.group().split()[0].lower() if setting is not None else None
        # "..., and Shenzhen's rose"; "with the Wulingyuan Scenic Area alone receiving 518,000 visits"
        if word is None or word == "and" or word == "with" and _ING_VERB.search(text, owner["end"], m.start):
            return owner
    return None


_ING_VERB = regex.compile(r"\s[a-z]{3,}ing\s")


# "Shenzhen's rose ", "Liangjiang New Area produced ", "Sanya received ": a place as the subject of
# the few words before the figure (no comma, no other figure between)
_SUBJECT_OF = regex.compile(r"(?:'s?)?(?:\s+[A-Za-z-]+){0,5}?\s+(?:(?:by|to|of)\s+)?(?:(?:about|nearly|more\s+than|over)\s+)?")


_WITH = regex.compile(r"(?:\s+(?:city|county|district|prefecture|province|autonomous\s+prefecture|region|[A-Z][\w-]*"
                      r"(?:\s+autonomous\s+prefecture)?))*,?\s+with\s+(?:(?:about|nearly|almost|around|over|"
                      r"more\s+than|some|a\s+total\s+of)\s+)?")


def _in_phrase(text: str, m: Mention, s_start: int) -> bool:
    """True when a figure sits in a prepositional phrase ("in more than 10 countries")."""
    before = text[max(s_start, m.start - 30):m.start]
    return _ends_with(r"(?<![\w-])(?:in|to|from|across|among|into|at|for|between|covering|over)\s+"
                      r"(?:(?:more\s+than|over|about|nearly|some|around|almost|the)\s+)*$", before, regex.IGNORECASE)


def _merge_back_references(facts: list[Fact], text: str) -> list[Fact]:
    """A standalone change whose subject is "the <noun>" of an earlier value's metric
    ("... reaching 601 million yuan ... and the sales increased 33.56%") is that value's change."""
    out: list[Fact] = []
    for f in facts:
        if f.value is None and f.change is not None and f.metric:
            head = f.metric.split()[-1].lower()
            says_the = None  # looked for when first needed, once per change
            for i in range(len(out) - 1, max(-1, len(out) - 8), -1):
                g = out[i]
                if not (g.change is None and g.value is not None and g.metric):
                    continue
                # the same noun heading both ("sales of duty-free shops ... the sales"), in the same period:
                # "investment" in "investment attraction projects" modifies another noun
                if f.period is not None and g.period is not None and (f.period.start, f.period.end) != (
                        g.period.start, g.period.end):
                    continue
                low = g.metric.lower()
                if not any(_HEAD_END.match(low, i + len(head)) for i in _word_starts(low, head)):
                    continue
                if says_the is None:
                    window = text[f.sentence[0]:f.change[0]].lower()
                    says_the = any(_THE_BEFORE.search(window, max(0, i - 12), i)
                                   for i in _word_starts(window, f.metric.lower()))
                if says_the:
                    out[i] = replace(g, change=f.change)
                    break
            else:
                out.append(f)
            continue
        out.append(f)
    return out


# after a noun that heads a metric phrase: its end, a comma, or a preposition ("sales of duty-free shops")
_HEAD_END = re.compile(r"\s*$|[,;]|\s+(?:of|in|at|for|during|from|to|with|by|on)(?![\w-])")
_THE_BEFORE = re.compile(r"(?<![\w-])the\s+$")


def _word_starts(low: str, word: str):
    """Where `word` starts in `low` (both lower case) with no word character or hyphen before it:
    a plain find instead of a pattern compiled for each new word."""
    i = low.find(word)
    while i >= 0:
        if i == 0 or not (low[i - 1].isalnum() or low[i - 1] in "_-"):
            yield i
        i = low.find(word, i + 1)


def _period_for(text, m, scoping, in_force, c_start, c_end, s_start, published, cues) -> Period | None:
    """The period of _period_of, one year back for the start point of a change with no
    period of its own ("the proportion increased from 84.3% to 91.5% this year")."""
    per = _period_of(text, m, scoping, in_force, c_start, c_end, s_start, published, cues)
    if per is None or not per.start:
        return per
    after = text[m.end:m.end + 24]
    if "year" in after.lower() and _YEAR_EARLIER_AFTER.match(after):
        # "412,000 vehicles in the 11 months, compared with 277,000 a year earlier"
        return replace(shift_period(per, -1, "context"), note="a figure of a year earlier")
    if not cues["from"]:
        return per
    at = max(s_start, m.start - 40)
    if "from" not in cues.folded(at, m.start) or not _ends_with(_FROM_BEFORE, text[at:m.start]):
        return per
    to = _TO_AFTER.match(text, m.end)
    if to is None or any(m.end <= p.start < to.end() for p, *_ in scoping):
        return per
    return replace(shift_period(per, -1, "context"), note="the start point of a change: a year before")


_YEAR_EARLIER_AFTER = regex.compile(r"\s+(?:a|one)\s+year\s+(?:earlier|ago|before)(?![\w-])", regex.IGNORECASE)
_PLACED_IN = re.compile(r"\s+(?:in|of|during)\s+(?:the\s+)?")


def _within(inner: Period, outer: Period) -> bool:
    """Whether `inner` lies inside `outer` and is shorter."""
    return bool(inner.start and outer.start and outer.start <= inner.start and inner.end <= outer.end
                and (inner.start, inner.end) != (outer.start, outer.end))


_FROM_BEFORE = regex.compile(r"(?<![\w-])from\s+(?:(?:about|around|nearly|over|more\s+than)\s+)?$", regex.IGNORECASE)
_TO_AFTER = regex.compile(r"(?:\s*\([^()]{1,40}\))?\s+to\s+(?:(?:about|around|nearly|over|more\s+than)\s+)?[\d$¥]",
                          regex.IGNORECASE)


def _timeless_between(text: str, cues, a: int, b: int) -> bool:
    """Whether a timeless cue ("now", "at present", "in recent years") stands in text[a:b] of the sentence."""
    v = vocab()
    return bool(cues["timeless"] and _holds_any(v.families["timeless"], cues.folded(a, b))
                and v.timeless.search(text, a, b))


def _period_of(text, m, scoping, in_force, c_start, c_end, s_start, published, cues) -> Period | None:
    """The period a figure covers: "annual" figures take the year; else the nearest
    scoping period of its clause (one right after "in" first), else of its sentence;
    else the period in force. A bare year that contains the period in force ("started
    this year" in a January-May report) does not replace the narrower period.
    scoping: (period mention, whether "since" precedes it, its _aside, the comparison base it dates) of each scoping period
    of the sentence; cues: the cue families of the sentence (_Cues)."""
    if _adjectival(m):
        return None  # "a 226-km expressway", "a 50,000-tonne plant": what a thing is, not what a period saw
    v = vocab()
    annual = None
    if cues["annual"]:
        # the figure's own phrase: "2% of the annual target, 1.5 percent higher" is not an annual 1.5 percent
        window = text[max(s_start, c_start, m.start - 80):m.start].rpartition(",")[2]
        annual = v.annual.search(window) if _may_contain(_ANNUAL_PIECES, window) else None
    # a figure describing a state rather than what happened in a period: "projects now cover 832 counties",
    # "has a population of 3.5 million", "each with an investment of 100 million yuan"
    own = [p for p, *_ in scoping if c_start <= p.start < c_end and p.start < m.end + 30] if scoping else ()
    stock = None
    lo = max(s_start, c_start)
    if cues["stock"]:
        at = max(lo, m.start - 120)
        if cues.low is not None:
            if _holds_any(v.families["stock"], cues.folded(at, m.start)):  # as in _Cues
                stock = _longest_from_end(v.stock, text[at:m.start])
        else:
            window = text[at:m.start]
            if not (window.isascii() and not _holds_any(v.families["stock"], window.lower())):
                stock = _longest_from_end(v.stock, window)
    if stock and stock.group().lower().startswith("each") or not own and (
            stock or _timeless_between(text, cues, lo, m.start)):
        return None
    if own and all(p.end <= m.start for p in own) and _timeless_between(text, cues, max(p.end for p in own), m.start):
        return None  # "who returned in 2012, said her winery now produces 300,000 bottles": "now" stands nearer
    # "since 2016" in another clause dates that clause's ongoing effort, not this clause's figure; a period
    # in parentheses scopes only what is inside them
    since_year = ()
    if scoping:
        aside = _aside(text, m.start, s_start)
        since_year = [p for p, since, *_ in scoping if since and p.period.granularity == "year"]
        scoping = [p for p, since, p_aside, base in scoping if (c_start <= p.start < c_end or not since)
                   and p_aside in (-1, aside) and (base is None or base is m)]
    if scoping:
        def dist(p):
            gap = p.start - m.end if p.start >= m.end else m.start - p.end
            after_in = p.start >= m.end and _IN_BETWEEN.fullmatch(text, m.end, p.start)
            same_clause = c_start <= p.start < c_end
            return (0 if same_clause else 1, 0 if after_in else 1, gap)
        chosen = min(scoping, key=dist) if len(scoping) > 1 else scoping[0]
        if len(scoping) > 1:
            # "during the Spring Festival holiday in February": the holiday, which the month only places
            chosen = next((p for p in scoping if p.end <= chosen.start and _PLACED_IN.fullmatch(text, p.end, chosen.start)
                           and _within(p.period, chosen.period)), chosen)
        best = chosen.period
        if best.granularity in ("year", "day") and len(scoping) > 1:
            upto = _year_up_to(text, scoping)
            if upto is not None:
                return upto
        if since_year and chosen in since_year and published and best.start and best.start <= published:
            # "has set up 36 service stations since 2020": from that year to the time of writing
            return Period(best.start, published, "multi_year", "context", "since the year, to the time of writing")
        # "annual output of X in the first half" keeps the half; "the annual target of 5 percent set in March"
        # and "expects full-year growth of 3 percent as the season begins in November" are the year's
        attached = chosen.start >= m.end and _ATTACHED.fullmatch(text, m.end, chosen.start)
        # ("From 2021 to 2024, GDP expanded at an average annual rate of 5.8 percent" keeps the years)
        if annual and best.granularity not in ("year", "multi_year") and not attached:
            return _year_of(best)
        if (in_force and best.granularity == "year" and in_force.start and in_force.granularity != "year"
                and in_force.start == best.start and in_force.end <= best.end
                and not _WHOLE_YEAR.search(chosen.text) and (published is None or best.end >= published)
                and not (cues["future"] and _holds_any(v.families["future"], cues.folded(s_start, m.start))
                         and v.future.search(text, s_start, m.start))):
            # "started this year" in a January-May report: the year so far (in a January article on
            # the year before, "this year" is that whole year, over by then; a plan or forecast for
            # "this year" or "the end of the year" is the whole year)
            return in_force
        return best
    if cues["future"]:
        but_also = text[max(s_start, c_start - 4):c_start].lower().endswith("but")  # "will not only ..., but also create"
        lo = s_start if but_also else lo
        whole = annual is not None and not annual.group().lower().startswith("annual")
        if not whole and _holds_any(v.families["future"], cues.folded(lo, m.start)) and v.future.search(text, lo, m.start):
            # "will increase by 1 billion yuan", "is estimated to reach": no reported period, unless the
            # period in force is a year not yet over, the plan's ("This year, the province will ..."); a
            # forecast for the full year is that year's (below)
            ahead = (in_force is not None and in_force.granularity in ("year", "multi_year") and published
                     and in_force.end is not None and in_force.end >= published)
            return in_force if ahead else None
    if annual:
        if in_force and in_force.end:
            return _year_of(in_force)
        if published:
            return _year_of(Period(published, published, "day", "published"))
    return in_force


def _year_up_to(text: str, scoping) -> Period | None:
    """A year and a day inside it that a cumulative figure is counted up to ("As of Sunday, the
    port had handled 12.6 million TEUs this year"): the year from January 1 to that day."""
    years = [p.period for p in scoping if p.period.granularity == "year"]
    if not years:
        return None
    for p in scoping:
        per = p.period
        if per.granularity == "day" and _AS_OF_BEFORE.search(text, max(0, p.start - 12), p.start):
            for year in years:
                if year.start < per.start <= year.end:
                    return Period(year.start, per.end, "multi_month", per.how, "the year up to the day given")
    return None


_AS_OF_BEFORE = regex.compile(r"(?<![\w-])(?:as\s+of|by|up\s+to|until|till|through)\s+(?:the\s+)?$", regex.IGNORECASE)
# between a figure and the period it is given for: "the 0.5-percent increase in July", "84.3% in 2018"
_OF_FIGURE = regex.compile(r"(?:\s+[a-z-]+){0,3}?\s+(?:in|of|for|during)\s+(?:the\s+)?")
# a line of a list or text table under a heading: "- GDP: ...", "1. GDP ...", "| GDP | ..."
_LIST_LINE = regex.compile(r"\s*(?:[-*\u2022\u00b7|]|\d{1,2}[.)]\s|\(\d{1,2}\))")
_SPAN_WORD = regex.compile(r"\s(?:to|through|until|till)\s|-", regex.IGNORECASE)
# "up 9.3 percent from the start of the year", "an increase of 1.52 trillion yuan from the end of last year"
_CHANGE_FROM = regex.compile(r"(?:(?:percent|per\s+cent|%|points?)|(?<![\w-])(?:increase|decrease|rise|drop|growth|"
                             r"up|down|more|less|rose|fell|grew|added|gained)\s[^,;()]{0,40}?)\s+from\s+(?:the\s+)?$",
                             regex.IGNORECASE)
_SINCE_BEFORE = regex.compile(r"(?<![\w-])since\s+$", regex.IGNORECASE)
_IN_BETWEEN = regex.compile(r"\s+(?:in|during|for|as\s+of)\s+(?:the\s+)?", regex.IGNORECASE)
# a period given right with its figure: "84.3% in 2018", "the 13 percent growth in the first three quarters"
_ATTACHED = regex.compile(r"(?:\s+(?:growth|increase|decrease|decline|rise|drop|gain|year-on-year|year\s+on\s+year))?"
                          r"\s+(?:in|during|for|as\s+of)\s+(?:the\s+)?", regex.IGNORECASE)
# a year said whole, or "up to now this year" of a year already over when the article appeared
_WHOLE_YEAR = regex.compile(r"(?<![\w-])(?:(?:full|whole|entire)[\s-]+year|(?:up\s+to|until|till)\s+now|so\s+far|"
                            r"end\s+of\s+(?:the|this)\s+year|year-end)",
                            regex.IGNORECASE)


def _year_of(p: Period) -> Period:
    y = p.end[:4]
    return Period(f"{y}-01-01", f"{y}-12-31", "year", "context", "annual figure: the year in force")


def _owner_for(m: Mention, owners: list[tuple[int, str]]) -> str | None:
    """The name of the last of `owners` named before the figure."""
    found = None
    for at, name in owners:
        if at < m.start:
            found = name
    return found


def _rank(text: str, pos: int, end: int) -> int | None:
    v = vocab()
    seg = text[pos:min(end, pos + 80)]
    m = v.rank.search(seg) if _may_contain(v.rank_pieces, seg) else None
    if not m or compiled(r"[.;](?:\s|$)").search(seg[:m.start()]):
        return None
    o = m.group("o").lower()
    return int(o) if o.isdigit() else v.ordinals.get(o)


_WORDS = regex.compile(r"[\p{L}\d][\p{L}\d'’.-]*")
# the same words read from the end: each runs from the first letter or digit of a stretch of
# word characters to the stretch's end, whichever way the text is read
_WORDS_FROM_END = regex.compile(_WORDS.pattern, regex.REVERSE)


_OF_AFTER = regex.compile(r"\s+of\s+((?:[\w'-]+\s+){0,5}?[\w'-]+?)(?=\s*(?:[,;.()]|$|\s+(?:and|in|at|from|to|for|with|"
                          r"was|were|is|are|has|have|up|down|an|a|which|while|this|that)\b))")
_ADJECTIVAL = regex.compile(r"\d-[^\W\d]")  # a number joined to its unit by a hyphen


def _adjectival(m: Mention) -> bool:
    """Whether a quantity or money figure is joined to its unit by a hyphen, an attribute of the
    noun after it ("a 226-km expressway", "a 3.2-billion-yuan facility")."""
    return m.type in ("quantity", "money") and "-" in m.text and _ADJECTIVAL.search(m.text) is not None


_NOUN_AFTER = regex.compile(r"\s+((?:[\w'-]+\s+){0,3}?[\w'-]+?)(?=\s*(?:[,;.()]|$|\s+(?:and|in|at|from|to|for|with|was|"
                            r"were|is|are|has|have|will|would|that|which|of|on|by|under|into)\b))")
_SHARE_OF_AFTER = regex.compile(r"\s+of\s+(?:the\s+)?((?:[\w'-]+\s+){0,6}?[\w'-]+?)(?=\s*(?:[,;.()]|$|\s+(?:were|was|are|"
                                r"is|in|and|have|has|had|to|with)\b))")
_BEEN_DONE = regex.compile(r"\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+([a-z]+ed)\b")
_OWNER_VERB = regex.compile(r"(?<![\w-])(?:has|have|had|with|posted|recorded|saw|achieved|set|boasts|boasted|"
                            r"maintained|reported|registered|covers|covered|owns|owned|completed|made|attracted|"
                            r"received|signed|introduced|raised)\s+")


# _OWNER_VERB read from the end: its first match there is the last one a forward scan finds (a match
# runs from a word start through the whole run of spaces after the verb, so no two overlap)
_OWNER_VERB_FROM_END = regex.compile(_OWNER_VERB.pattern, regex.REVERSE)


def _after_last_owner_verb(region: str) -> str:
    """What follows the last owner's verb in `region` (all of it when it has none): the same as
    _OWNER_VERB.split(region)[-1], found from the end instead of splitting the whole region."""
    last = _OWNER_VERB_FROM_END.search(region)
    return region[last.end():] if last is not None else region


def _of_follows(text: str, end: int) -> bool:
    """False when no whitespace and "of" follow `end` within the 80 characters the "of" patterns
    (_OF_AFTER, _SHARE_OF_AFTER) read, so they cannot match: a cheap test before them. regex's
    whitespace is a subset of str.isspace, so lstrip() removes at least the run they skip."""
    return text[end:end + 1].isspace() and text[end:end + 80].lstrip().startswith("of")


def _metric(text: str, m: Mention, s_start: int, c_start: int, figs) -> str | None:
    """The noun phrase naming what a figure measures, as the article words it."""
    if text.find("|", s_start, m.start) >= 0:
        # a cell of a table written as text: its column header, less the unit in brackets ("Cattle (head)")
        header = column_header(text, m.start)
        if header:
            header = header.partition("(")[0].strip()
            if header and not any(c.isdigit() for c in header):
                return _clean(header)
    # "1.15 million metric tons of washed coal", "150 million yuan of output value"
    if m.type in ("quantity", "money", "count"):
        of = _OF_AFTER.match(text[m.end:m.end + 80]) if _of_follows(text, m.end) else None
        if of and m.type != "count":
            return _clean(of.group(1))
        if _adjectival(m):
            # "a 226-km expressway", "a 2-million-tonne steel plant": the figure describes the noun after it
            noun = _NOUN_AFTER.match(text, m.end, m.end + 60)
            if noun:
                return _clean(noun.group(1))
    if m.type == "percent" and m.role == "share":
        of = _SHARE_OF_AFTER.match(text[m.end:m.end + 80]) if _of_follows(text, m.end) else None
        head = _phrase_before(text, m, s_start, c_start, figs)
        if head and not _SHARE_VERB_END.search(head):
            return head
        whole = _clean(of.group(1)) if of else None
        if not head:
            # "Services accounted for 52.4 percent of GDP" -> "services share of gdp"; "Exports to Central
            # Asia accounted for over 70 percent" -> "exports to central asia share"
            part = _last_match(compiled(r"([\w'-]+(?:\s+[\w'-]+){0,4}?)\s+(?:accounted|accounts|account)\s+for\s+"
                                        r"(?:(?:about|nearly|almost|over|more\s+than|some)\s+)?$", regex.IGNORECASE),
                               text[max(s_start, c_start, m.start - 80):m.start])
            part = _clean(part.group(1)) if part else None
            if part and part.lower() not in ("which", "that", "it", "they"):  # ", which accounted for": no name
                return f"{part} share of {whole}" if whole else f"{part} share"
        return f"share of {whole}" if whole else head
    if m.type == "count":
        phrase = _phrase_before(text, m, s_start, c_start, figs)
        prev = text[max(s_start, m.start - 40):m.start]
        if phrase and _ends_with(r"(?<![\w-])of\s+(?:(?:about|nearly|almost|only|over|more\s+than|some)\s+)?$", prev) \
                and not _ends_with(r"total\s+of\s+$", prev, regex.IGNORECASE):
            return phrase  # "a poor population of 89 people"
        item = m.item or None
        tail = _BEEN_DONE.match(text[m.end:m.end + 40])
        if item and tail:
            return f"{item} {tail.group(1)}"
        return item or phrase
    return _phrase_before(text, m, s_start, c_start, figs)


_SHARE_VERB_END = re.compile(r"(?:accounting|accounted|account|accounts|making\s+up|taking(?:\s+up)?|reaching)$")


def _phrase_before(text, m, s_start, c_start, figs) -> str | None:
    """The subject of "[metric] reached [value]" or "[metric] of [value]"."""
    v = vocab()
    prev_end = max(c_start, s_start)
    for f in figs:
        if prev_end < f.end <= m.start:
            prev_end = f.end
    region = text[prev_end:m.start]
    verb = _longest_from_end(v.value_verb, region)
    if verb:
        region = region[:verb.start()]
        if verb.group().strip().lower() in ("of", "at", "to", "with"):  # not "to reach", a verb
            # "The project has a total investment of X": the metric follows the owner's verb
            region = _after_last_owner_verb(region)
    elif m.type == "percent":
        # a standalone change: "retail sales grew 6 percent", "the sales increased 33.56%"
        cue = _longest_from_end(v.change_verb, region)
        if cue is None:
            return None
        region = region[:cue.start()]
        if _ends_with(r"(?:^|[\s,])(?:a|an)\s*$", region):
            return None  # "..., a year-on-year increase of": a change in someone else's clause
    else:
        by = _longest_from_end(v.delta_by, region) if "by" in region else None
        return _clean(by.group(1)) if by else _tail_words(region)
    # drop a leading time or place phrase ("In the first quarter, X ...")
    if "," in region:
        parts = [p for p in region.split(",") if p.strip()]
        if parts:
            region = parts[-1]
    return _clean(region)


def _tail_words(region: str) -> str | None:
    """The last five words of `region` as a metric (read from the end: the region may be long)."""
    words = []
    for w in _WORDS_FROM_END.finditer(region):
        words.append(w.group())
        if len(words) == 5:
            break
    if not words:
        return None
    return _clean(" ".join(reversed(words)))


@lru_cache(maxsize=8192)
def _clean(phrase: str) -> str | None:
    """`phrase` as a metric: spaces collapsed, owners, leading function words and trailing
    place and time phrases dropped, lower-cased but for acronyms; None for a time phrase.
    Cached: a pure function of the phrase, and the same metrics recur across sentences."""
    v = vocab()
    p = " ".join(phrase.split()).strip(" ,;:-—\"'()")
    p = compiled(r"^(?:[A-Z][\w'’-]*\s+)*(?:[\w-]+'s|[\w-]+’s)\s+").sub(lambda mm: "" if mm.group(0)[0].isupper() or
                  mm.group(0).lower().startswith(("the city", "the province", "its", "the county", "the district",
                                                   "the region", "the country", "the nation", "the new area"))
                  else mm.group(0), p)
    p = compiled(r"\b(?:the|its)\s+(?:city|province|county|district|region|country|nation|new\s+area|company|"
                 r"autonomous\s+region)'s\s+", regex.IGNORECASE).sub("the ", p)
    # "foreign trade volume of Northwest China's Gansu province" -> "foreign trade volume"
    p = compiled(r"\s+(?:of|in)\s+(?:the\s+)?(?:(?:[A-Z][\w'-]*|northwest|northeast|southwest|southeast|north|south|east|"
                 r"west|central|China's)\s+)*(?:[A-Z][\w'-]*|city|province|county|district|region|country|nation|"
                 r"new\s+area)(?:\s+(?:province|city|county|district|autonomous\s+region|region|new\s+area|town|township|village))?$").sub("", p)
    if " " in p:
        p = v.speech.sub("", p)  # "CATL said its net profit" -> "its net profit"
    p = v.strip.sub("", p)
    p = compiled(r"\s+(?:in|during|for|from|of)\s+(?:the\s+)?(?:first|second|third|fourth|last|past|previous|"
                 r"(?:[\w-]+\s+)?(?:days?|weeks?|fortnight|months?)\s+(?:before|after|ahead|preceding|following|prior|ended|ending))\b.*$",
                 regex.IGNORECASE).sub("", p)
    p = compiled(r"\s+(?:in|during)\s+(?:Q[1-4]|H[12]|\d{4}|this\s+year|last\s+year|the\s+(?:holidays?|golden\s+week)|january|february|march|april|may|june|"
                 r"july|august|september|october|november|december)\b.*$", regex.IGNORECASE).sub("", p)
    p = v.trailing.sub("", p).strip(" ,;:-—\"'()")
    if compiled(r"(?:(?:for|in|during|by|since|until|up\s+to\s+now)\s+)?(?:(?:this|last|next|the|that|the\s+same)\s+"
                r"(?:year|month|quarter|period|week|day)|Q[1-4]|H[12]|\d{4})", regex.IGNORECASE).fullmatch(p):
        return None  # a time phrase ("this year", "Q4"), not a metric
    if not p or len(p) > 120:
        return None
    words = p.split()
    return " ".join(w if (w.isupper() and len(w) > 1) else w.lower() for w in words)
