"""Dates and periods as written: normalized text -> unresolved PeriodExpression.

The grammar (regex templates with named groups) and vocabulary live in
data/periods.json; this module compiles them once, scans the text with each, keeps the
longest non-overlapping matches and turns their named groups into a PeriodExpression
that says what was written (a quarter, a month span, "last year", "the holiday"...).
Turning that into dates needs the publication date and the article's running context:
that is resolve/periods.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Sequence

from ..data import load_json
from ..text import alternation


@dataclass(frozen=True, slots=True)
class PeriodExpression:
    """One date or period as written, before resolution.

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


_YREL = {"this": "this", "last": "last", "next": "next", "the previous": "previous", "the same": "same",
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
def _patterns() -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    """Compiled (id, regex, needs) triples in priority order."""
    v = _vocab()
    fragments = dict(v["fragments"])
    fragments["HOLIDAY"] = "(?:" + alternation(s for h in v["holidays"].values() for s in h["surfaces"]) + ")"
    fragments["HWORD"] = "(?:" + alternation(v["holiday_words"]) + ")"
    return tuple((p["id"], re.compile(_expand(p["pattern"], fragments), re.IGNORECASE), tuple(p.get("needs", ())))
                 for p in v["patterns"])


@lru_cache(maxsize=1)
def _holiday_index() -> dict[str, str]:
    out = {}
    for key, h in _vocab()["holidays"].items():
        for s in h["surfaces"]:
            out[re.sub(r"\s+", " ", s.strip('"'))] = key
    return out


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
    return int(re.match(r"\d+", surface).group())


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _capitalized(s: str | None) -> bool:
    return bool(s) and s[0].isupper()


def _prev_words(text: str, pos: int, n: int = 2) -> list[str]:
    """The n words before pos, lower case (punctuation dropped)."""
    return re.findall(r"[a-z']+|[^\sa-z']", text[max(0, pos - 40):pos].lower())[-n:]


def _clause_start(text: str, pos: int) -> bool:
    """True when pos opens a sentence or line (only spaces/quotes since the last stop)."""
    before = text[max(0, pos - 4):pos]
    return pos == 0 or bool(re.search(r"(?:^|[.!?\n;:\"(])\s*$", before)) or text[:pos].strip() == ""


def _year_rel(m: re.Match) -> tuple[int | None, str | None]:
    g = m.groupdict()
    year = _int(g.get("year"))
    yrel = g.get("yrel")
    if yrel:
        yrel = _YREL.get(re.sub(r"\s+", " ", yrel.lower()), yrel.lower())
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
    year, yrel = _year_rel(m)
    kw: dict = {}
    kind = rule.split("_")[0]
    month = _month(g.get("month"))
    if rule == "date_iso":
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
        kw["month2"] = _month(g["month2"])
        if g.get("year1"):
            year = year or int(g["year1"])
        if kw["month2"] <= month:
            return None
    elif rule == "ytd_first_months":
        kind, kw["n"] = "ytd", _num(g["n"])
        if not kw["n"] or kw["n"] > 12:
            return None
    elif rule == "ytd_quarters":
        kind, kw["n"] = "ytd", 3 * _num(g["nq"])
    elif rule == "ytd_end_month":
        # "by the end of November" totals the year to date when a cumulative verb follows;
        # otherwise it dates a stock ("had 40 million hogs by the end of September")
        after = re.split(r"[.;!?](?!\d)|\n", text[m.end():m.end() + 120].lower(), maxsplit=1)[0]
        after += " " + re.split(r"[.;!?](?!\d)|\n", text[max(0, m.start() - 120):m.start()].lower())[-1]
        if any(re.search(r"\b" + re.escape(c) + r"\b", after) for c in _vocab()["cumulative_cues"]):
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
        kind, kw["rel"] = "quarter", _YREL.get(re.sub(r"\s+", " ", g["rel"].lower()), g["rel"].lower())
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
    elif rule == "yearspan":
        kw["year2"] = int(g["year2"])
        if not (0 < kw["year2"] - year <= 60):
            return None
        if not g.get("from") and re.match(r"\s*-", text[m.end("year"):]) is None and _prev_words(text, start, 1) not in (
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
    elif rule == "years_ago":
        kind, yrel = "year", "ago"
        kw["n"] = _num(g["n"])
        if not kw["n"]:
            return None
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
        if g.get("newyear"):
            if kw["part"] != "beginning":
                return None
            yrel = "newyear"
        if g.get("edge2") and year is None:
            yrel = "the"
    elif rule == "part_year":
        kind, kw["part"] = "partyear", g["part"].lower()
    elif rule == "holiday":
        key = _holiday_index().get(re.sub(r"\s+", " ", g["holiday"].lower()))
        if key is None:
            return None
        if not g.get("hword"):
            # a festival name alone is a period only where it is used as a date ("on Single's Day")
            if not _vocab()["holidays"][key].get("festival_alone") or g.get("yrel") or g.get("year"):
                return None
            prev = _prev_words(text, start, 1)
            if text[start:start + 4].lower() == "the " or not prev or prev[-1] not in ("on", "by", "before", "after", "until", "till", "since"):
                return None
        kw["name"] = key
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
        kind, kw["rel"] = "month", _YREL.get(re.sub(r"\s+", " ", g["rel"].lower()), g["rel"].lower())
        yrel = "last" if g.get("yrel") else None
    elif rule == "month_relname":
        kind, yrel = "month", g["rel"].lower()
    elif rule == "month_year":
        kind = "month"
    elif rule == "month_bare":
        kind = "month"
        surface = g["month"].rstrip(".").lower()
        prev = _prev_words(text, start, 2)
        preps = ("in", "of", "since", "until", "till", "by", "during", "for", "from", "to", "through", "early",
                 "mid", "late", "between", "and", "before", "after", "end", "beginning", "start", "as", "-", "or",
                 "since", "throughout", "until", "including", "except", "last", "this", "next", "on")
        if surface in _vocab()["modal_months"] or g["month"].endswith(".") or len(surface) == 3:
            if not (yrel or year or (prev and prev[-1] in preps)):
                return None
        # a month name inside a proper name ("the May Fourth Movement", "August First Road")
        if re.match(r"\s+(?:Fourth|First|Movement|Road|Street|Avenue)\b", text[end:]):
            return None
    elif rule == "same_period":
        kind = "same"
        if g.get("yrel"):
            yrel = "last"
        kw["name"] = "quarter" if m.group().lower().rstrip().endswith("quarter") else None
    elif rule == "year_earlier":
        kind = "earlier"
    elif rule == "year_rel":
        kind = "year"
    elif rule == "year_named":
        kind = "year"
    elif rule == "year_whole":
        kind, yrel = "year", "the"
    elif rule == "anaphor":
        ref = re.sub(r"\s+", " ", g["ref"].lower())
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
    elif rule == "year_bare":
        kind = "year"
        if not _year_scopes(text, m.start("year"), m.end("year")):
            return None
    if text[end - 1:end] == "." and re.match(r"\s*(?:$|\n|[A-Z\"])", text[end:end + 2]):
        end -= 1  # a sentence stop after an abbreviation ("from Jan to Feb.")
    if year is not None and not (1000 <= year <= 2099):
        return None
    if month is not None and kind != "decade":
        kw.setdefault("month", month)
    return PeriodExpression(start, end, text[start:end], kind, rule, year=year, yrel=yrel, **kw)


def _year_scopes(text: str, s: int, e: int) -> bool:
    """True when a bare year scopes something ("in 2024", "over 2020", "the 2023 figure"),
    False for years inside names ("the 2022 Winter Olympics") and stray numbers."""
    v = _vocab()
    prev = _prev_words(text, s, 2)
    after = text[e:e + 30]
    nxt = re.match(r"\s+([A-Za-z][\w-]*)", after)
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
    if _clause_start(text, s) and re.match(r"(?:,|\s+(?:was|is|saw|has|had|marks|marked|witnessed|will|became|also))", after):
        return True
    return False


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
    if not text or not re.search(r"\d|[A-Z][a-z]|year|month|quarter|half|week|holiday|period|annual", text):
        return iter(())
    cands = []
    low = text.lower()
    for prio, (rule, rx, needs) in enumerate(_patterns()):
        if rule == "annual" and not annual:
            continue
        if needs and not any(n in low for n in needs):
            continue
        for m in rx.finditer(text):
            cands.append((m.start(), m.end(), prio, rule, m))
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, prio, rule, m in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        try:
            expr = _build(rule, m, text)
        except (ValueError, TypeError, KeyError):
            expr = None
        if expr is None:
            continue
        taken.append((s, e))
        out.append(expr)
    out.sort(key=lambda x: x.start)
    return iter(out)
