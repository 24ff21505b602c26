"""Period expressions -> real intervals, against the publication date and running context.

The article is read in text order. A year written in digits sets the year in force; a
quarter, month or span with no year takes it (else the publication year, stepping back a
year when the period would lie wholly after publication or end long after it: "the fourth
quarter" in a January article is last year's). "The same period last year" is the period
in force one year back; "the holiday" is the holiday in force. Every mention says how it
was resolved: explicit (the text names the year), context, published, or unresolved with
a note saying why, never a guess.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from ..data import load_json
from ..recognizers.periods import PeriodExpression, find_periods
from ..results import Period, PeriodMention
from ..text import alternation

_STEP_SLACK = dt.timedelta(days=60)
_DATELINE_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z\"(])|\n")
_SPACES = re.compile(r"\s+")
_ALONE = re.compile(r"\s+alone\b")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A date at the head of an article ("2023-01-16 23", "XI'AN, July 7 (Xinhua) --");
    year is None when the dateline gives only month and day."""

    start: int
    end: int
    year: int | None
    month: int
    day: int

    def date(self) -> dt.date | None:
        """The full date, or None without a year."""
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


_WIRE_LEAD = 80  # most characters of a line before a wire dateline's month


@lru_cache(maxsize=1)
def _dateline_rx() -> tuple[re.Pattern, re.Pattern, re.Pattern, tuple[str, ...]]:
    """(iso, wire, wire_at, stems): iso and wire find a dateline in a text's head; wire_at is
    wire without its line lead, matched where a month name starts (see _wire_dateline);
    stems are the months' first three letters, lower case."""
    months = load_json("periods.json")["months"]
    mon = alternation(months)
    iso = re.compile(r"(?m)^[ \t]*((?:19|20)\d{2})[-/.](0?[1-9]|1[0-2])[-/.](0?[1-9]|[12]\d|3[01])\b")
    body = (r"\b(" + mon + r")\.?\s?(\d{1,2})(?:st|nd|rd|th)?(?:,\s*((?:19|20)\d{2}))?"
            r"\s*(?:\((?:Xinhua|ECNS|CNS|China\s+Daily|AFP|Reuters|IANS)\)|\.|,)?\s*(?:--|-|\u2014|:)")
    wire = re.compile(r"(?m)^[^\n]{0,%d}?" % _WIRE_LEAD + body, re.IGNORECASE)
    return iso, wire, re.compile(body, re.IGNORECASE), tuple(sorted({m[:3].lower() for m in months}))


def _wire_dateline(head: str) -> re.Match | None:
    """wire.search(head) (see _dateline_rx), tried only where a month name starts: the first
    position, at most _WIRE_LEAD characters into its line, where wire_at matches. A month
    matched without regard to case starts with a stem in the lower-case head when the head
    is ASCII; otherwise the whole search runs."""
    _, wire, wire_at, stems = _dateline_rx()
    if not head.isascii():
        return wire.search(head)
    low = head.lower()
    starts = []
    for stem in stems:
        i = low.find(stem)
        while i >= 0:
            starts.append(i)
            i = low.find(stem, i + 1)
    for i in sorted(starts):
        if i - (head.rfind("\n", 0, i) + 1) <= _WIRE_LEAD:
            m = wire_at.match(head, i)
            if m:
                return m
    return None


def find_dateline(text: str) -> Dateline | None:
    """The dateline near the top of `text` (normalized), if any."""
    head = text[:_DATELINE_CHARS]
    iso = _dateline_rx()[0]
    m = iso.search(head)
    if m:
        return Dateline(m.start(1), m.end(3), int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _wire_dateline(head)
    if m and m.group(1)[0].isupper():
        month = load_json("periods.json")["months"][m.group(1).lower()]
        return Dateline(m.start(1), m.end(2), int(m.group(3)) if m.group(3) else None, month, int(m.group(2)))
    return None


# --- interval helpers -----------------------------------------------------------------

def _last_day(y: int, m: int) -> int:
    """Days in month m of year y, as calendar.monthrange(y, m)[1] (which also finds the
    weekday of the 1st: slower), and its error for a month outside 1-12."""
    if not 1 <= m <= 12:
        return calendar.monthrange(y, m)[1]
    return calendar.mdays[m] + (m == 2 and calendar.isleap(y))


def _span(y1: int, m1: int, d1: int, y2: int, m2: int, d2: int | None = None) -> tuple[dt.date, dt.date]:
    return dt.date(y1, m1, d1), dt.date(y2, m2, d2 if d2 is not None else _last_day(y2, m2))


def _shift(d: dt.date, years: int, end: bool) -> dt.date:
    """d moved by whole years; a month end stays a month end (Feb 29 -> Feb 28)."""
    y = d.year + years
    if end and d.day == _last_day(d.year, d.month):
        return dt.date(y, d.month, _last_day(y, d.month))
    return dt.date(y, d.month, min(d.day, _last_day(y, d.month)))


def shift_period(p: Period, years: int, how: str) -> Period:
    """p moved by whole years ("the same period last year" is the period in force, -1)."""
    s, e = dt.date.fromisoformat(p.start), dt.date.fromisoformat(p.end)
    return Period(_shift(s, years, False).isoformat(), _shift(e, years, True).isoformat(), p.granularity, how)


def _period(s: dt.date, e: dt.date, gran: str, how: str, note: str | None = None) -> Period:
    return Period(s.isoformat(), e.isoformat(), gran, how, note)


def _unresolved(note: str, gran: str | None = None) -> Period:
    return Period(None, None, gran, "unresolved", note)


@lru_cache(maxsize=1)
def _tables() -> dict:
    return load_json("periods.json")


def holiday_dates(key: str, year: int) -> tuple[dt.date, dt.date] | None:
    """Start and end of a holiday in `year` from the data table, or None if unknown."""
    h = _tables()["holidays"].get(key)
    if h is None:
        return None
    if str(year) in h.get("dates", {}):
        a, b = h["dates"][str(year)]
        return dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    if str(year) in h.get("festival_days", {}):  # a lunar festival in a year with no schedule: its day
        d = dt.date.fromisoformat(h["festival_days"][str(year)])
        return d, d
    if "from_lunar_new_year" in h:
        day = _tables()["lunar_new_year"].get(str(year))
        if day is None:
            return None
        first, last = h["from_lunar_new_year"]
        d = dt.date.fromisoformat(day)
        return d + dt.timedelta(days=first), d + dt.timedelta(days=last)
    if "default" in h:
        a, b = h["default"]
        return dt.date.fromisoformat(f"{year}-{a}"), dt.date.fromisoformat(f"{year}-{b}")
    return None


# --- running context ------------------------------------------------------------------

@dataclass
class _Context:
    """What is in force while reading the article in order."""

    pub: dt.date | None
    lookahead_year: int | None = None
    year: int | None = None
    year_explicit: bool = False
    period: Period | None = None
    quarter: Period | None = None
    holiday: tuple[str | None, Period] | None = None
    month: tuple[int, int] | None = None
    looks_back: bool = False  # a January article that stepped back into last year
    dateline_end: int = -1
    sentence: int = 0  # index of the current sentence
    year_sentence: int = -10  # sentence where an explicit year was last written
    period_sentence: int = -1  # sentence whose period is in force
    # the last period written in the current sentence, (sentence, period), what "the same period" there refers to
    near: tuple[int, Period] | None = None
    # a year of the back story ("In 2015, the city had only 112 good days") is in force to the end of its
    # paragraph: (that end, the year and year_explicit to return to)
    back_story: tuple[int, int | None, bool] | None = None

    def base(self) -> tuple[int | None, str, bool]:
        """(year in force, how, may step back)."""
        if self.year is not None:
            return self.year, "context", not self.year_explicit
        if self.pub is not None:
            return self.pub.year, "published", True
        if self.lookahead_year is not None:
            return self.lookahead_year, "context", False
        return None, "unresolved", False

    def this_year(self) -> int | None:
        """What "this year" means: the publication year, or the year in force when a
        January article is evidently written about the year just ended."""
        if self.pub is None:
            return None
        if self.looks_back and self.year == self.pub.year - 1:
            return self.year
        return self.pub.year


def _rel_year(expr_yrel: str, ctx: _Context) -> tuple[int | None, str]:
    """Year and how for a relative year word."""
    base, how, _ = ctx.base()
    if ctx.pub is None and expr_yrel in ("this", "current", "last", "next"):
        # no publication date: the article's year is the one in force ("January to October of 2022 ...
        # Last year, the county's vegetable area reached 1.1 million mu" is 2021)
        if base is None:
            return None, "unresolved"
        return base + {"last": -1, "next": 1}.get(expr_yrel, 0), how
    if expr_yrel in ("this", "current"):
        return ctx.this_year(), "published"
    if expr_yrel == "last":
        return ctx.pub.year - 1, "published"
    if expr_yrel == "next":
        return ctx.this_year() + 1, "published"
    if expr_yrel == "previous":
        return (base - 1 if base is not None else None), how
    if expr_yrel == "following":
        return (base + 1 if base is not None else None), how
    if expr_yrel in ("same", "the"):
        return base, how
    if expr_yrel == "newyear":
        if ctx.pub is None:
            return None, "unresolved"
        return (ctx.pub.year if ctx.pub.month < 7 else ctx.pub.year + 1), "published"
    return None, "unresolved"


def _year_of(expr: PeriodExpression, ctx: _Context) -> tuple[int | None, str, bool]:
    """(year, how, may step back) for an expression that may name its year."""
    if expr.year is not None:
        return expr.year, "explicit", False
    if expr.yrel is not None and expr.yrel != "ago":
        y, how = _rel_year(expr.yrel, ctx)
        return y, how, expr.yrel in ("same", "the") and how == "published"
    return ctx.base()


def _fit(build, year: int, step: bool, ctx: _Context) -> tuple[dt.date, dt.date, bool]:
    """Interval from build(year), or from build(year - 1) when that one lies nearer the
    publication date (time after publication counts double: news mostly reports the
    past). A January article also steps back a period that would mostly lie ahead
    ("the first three quarters" published in January are last year's)."""
    s, e = build(year)
    pub = ctx.pub
    if not step or pub is None:
        return s, e, False
    s2, e2 = build(year - 1)
    if pub.month == 1 and (s > pub or (s <= pub < e and e > pub + _STEP_SLACK)):
        return s2, e2, True
    if _distance(s2, e2, pub) < _distance(s, e, pub):
        return s2, e2, True
    return s, e, False


def _distance(s: dt.date, e: dt.date, pub: dt.date) -> int:
    if s > pub:
        return 2 * (s - pub).days
    if e < pub:
        return (pub - e).days
    return 0


def _yearly(expr, ctx, build, gran: str) -> Period:
    """Resolve a period defined within one year (built by build(year))."""
    year, how, step = _year_of(expr, ctx)
    if year is None:
        return _unresolved("no year in the text, in context or from a publication date", gran)
    s, e, stepped = _fit(build, year, step, ctx)
    if stepped:
        how = "published" if how == "published" else how
        if ctx.pub is not None and ctx.pub.month == 1:
            ctx.looks_back = True
    return _period(s, e, gran, how)


def _resolve_one(expr: PeriodExpression, ctx: _Context) -> Period | None:
    """The Period of one expression (None: an anaphor with nothing in force, dropped)."""
    k = expr.kind
    t = _tables()
    if k == "date":
        if expr.year is None and expr.yrel is None and ctx.pub is not None:
            try:
                d = dt.date(ctx.pub.year, expr.month, expr.day)
            except ValueError:
                d = None
            if d is not None and -7 <= (ctx.pub - d).days <= 30:  # days around publication are its own
                return _period(d, d, "day", "published")
        return _yearly(expr, _near(expr, ctx), lambda y: (dt.date(y, expr.month, expr.day),) * 2, "day")
    if k == "ordinal_day":
        y, m = ctx.month if ctx.month else ((ctx.pub.year, ctx.pub.month) if ctx.pub else (None, None))
        if y is None:
            return _unresolved("a day of the month with no month in force", "day")
        return _period(dt.date(y, m, expr.day), dt.date(y, m, expr.day), "day", "context")
    if k == "dayspan":
        def build(y):
            y2 = y + 1 if expr.month2 < expr.month else y
            return dt.date(y, expr.month, expr.day), dt.date(y2, expr.month2, expr.day2)
        return _yearly(expr, _near(expr, ctx), build, "day")
    if k == "month":
        if expr.rel is not None:
            return _month_rel(expr, ctx)
        if expr.yrel in ("last", "this", "next") and expr.month and expr.rule == "month_relname":
            return _month_named_rel(expr, ctx)
        return _yearly(expr, _near(expr, ctx), lambda y: _span(y, expr.month, 1, y, expr.month), "month")
    if k == "monthspan":
        back = 1 if expr.month2 < expr.month else 0  # "from November to February": it ends in the year
        return _yearly(expr, ctx, lambda y: _span(y - back, expr.month, 1, y, expr.month2), "multi_month")
    if k == "ytd":
        return _yearly(expr, ctx, lambda y: _span(y, 1, 1, y, expr.n), "multi_month")
    if k == "quarter":
        if expr.rel is not None:
            return _quarter_rel(expr, ctx)
        q = expr.quarter
        return _yearly(expr, ctx, lambda y: _span(y, 3 * q - 2, 1, y, 3 * q), "quarter")
    if k == "half":
        h = expr.half
        return _yearly(expr, ctx, lambda y: _span(y, 6 * h - 5, 1, y, 6 * h), "half")
    if k == "year":
        if expr.yrel == "ago":
            if ctx.pub is None:
                return _unresolved("'years ago' with no publication date", "year")
            y = ctx.pub.year - expr.n
            return _period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "published")
        year, how, step = _year_of(expr, ctx)
        if year is None:
            return _unresolved("a relative year with no publication date", "year")
        if expr.part == "end" and expr.yrel == "the" and step and ctx.pub is not None and ctx.pub.month == 1 \
                and year == ctx.pub.year:
            # "the end of the year" in a January article: the year just ended
            year, ctx.looks_back = year - 1, True
        return _period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", how)
    if k == "yearspan":
        return _period(dt.date(expr.year, 1, 1), dt.date(expr.year2, 12, 31), "multi_year", "explicit")
    if k == "since":
        if ctx.pub is None:
            return _unresolved("'since' with no publication date to end it", "multi_year")
        year = expr.year if expr.year is not None else _year_of(expr, ctx)[0]
        if year is None or year > ctx.pub.year:
            return _unresolved("'since' a year after publication", "multi_year")
        if expr.month is not None:
            # "since August 26", "since January": from that day or month (last year's when it lies ahead)
            begin = dt.date(year, expr.month, expr.day or 1)
            if begin > ctx.pub and expr.year is None:
                begin = dt.date(year - 1, expr.month, expr.day or 1)
            if begin > ctx.pub:
                return _unresolved("'since' a date after publication", "multi_month")
            return _period(begin, ctx.pub, "multi_month" if (ctx.pub - begin).days < 366 else "multi_year", "published")
        if expr.yrel == "this" and year < ctx.pub.year:
            # "up to now this year" in a January report on the year before: that whole year
            return _period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "context")
        return _period(dt.date(year, 1, 1), ctx.pub, "multi_month" if year == ctx.pub.year else "multi_year",
                       "published")
    if k == "past":
        if ctx.pub is None:
            base = ctx.base()[0]
            if base is None or expr.n == 1:
                return _unresolved("'the past years' with no publication date", "multi_year")
            # the whole years up to the article's ("the past decade" in a report on 2021: 2012-2021)
            return _period(dt.date(base - expr.n + 1, 1, 1), dt.date(base, 12, 31), "multi_year", "context")
        if expr.n == 1 and ctx.pub.month > 2:
            # "over the past year" in the middle of a year: the twelve months up to the article
            return _period(ctx.pub - dt.timedelta(days=364), ctx.pub, "multi_month", "published")
        if expr.n == 1:  # "Past year, the county ..." in a February work report: last year
            return _period(dt.date(ctx.pub.year - 1, 1, 1), dt.date(ctx.pub.year - 1, 12, 31), "year", "published")
        # "over the past five years", in a January work report or a September article: the whole years before this one
        return _period(dt.date(ctx.pub.year - expr.n, 1, 1), dt.date(ctx.pub.year - 1, 12, 31), "multi_year",
                       "published")
    if k == "decade":
        a, b = t["parts"].get(expr.part, [0, 9]) if expr.part else (0, 9)
        return _period(dt.date(expr.year + a, 1, 1), dt.date(expr.year + b, 12, 31), "multi_year", "explicit")
    if k == "plan":
        a, b = t["five_year_plans"][str(expr.n)]
        return _period(dt.date(a, 1, 1), dt.date(b, 12, 31), "multi_year", "explicit")
    if k == "partyear":
        return _part_year(expr, ctx)
    if k == "holiday":
        return _holiday(expr, ctx)
    if k == "weekday":
        return _weekday(expr, ctx)
    if k == "same":
        return _same(expr, ctx)
    if k == "earlier":
        if "year" in expr.text.lower() and ("previous" in expr.text.lower() or "preceding" in expr.text.lower()
                                             or "prior" in expr.text.lower() or "before" in expr.text.lower()
                                             and expr.text.lower().startswith("the")):
            base, how, _ = ctx.base()
            if base is None:
                return _unresolved("'the previous year' with no year in force", "year")
            return _period(dt.date(base - 1, 1, 1), dt.date(base - 1, 12, 31), "year", how)
        if ctx.period is not None:
            return shift_period(ctx.period, -1, "context")
        base, how, _ = ctx.base()
        if base is None:
            return _unresolved("'a year earlier' with nothing in force", "year")
        return _period(dt.date(base - 1, 1, 1), dt.date(base - 1, 12, 31), "year", how)
    if k == "ref":
        return _ref(expr, ctx)
    if k == "annual":
        base, how, _ = ctx.base()
        if base is None:
            return _unresolved("'annual' with no year in force", "year")
        return _period(dt.date(base, 1, 1), dt.date(base, 12, 31), "year", "context", "annual: the year in force")
    return _unresolved(f"unknown expression kind {k!r}")


def _near(expr: PeriodExpression, ctx: _Context) -> _Context:
    """The context for a day or month with no year: an explicit year written in this or
    the previous sentence holds; otherwise the publication date decides (days and
    months in news are mostly close to it)."""
    if expr.year is not None or ctx.pub is None or ctx.year is None:
        return ctx
    if ctx.year_explicit and ctx.sentence - ctx.year_sentence <= 1:
        return ctx
    if not ctx.year_explicit and ctx.year == ctx.pub.year - 1 and ctx.looks_back:
        return ctx
    near = _Context(pub=ctx.pub)
    near.looks_back = ctx.looks_back
    return near


def _month_index(y: int, m: int) -> int:
    return y * 12 + m - 1


def _month_period(idx: int, how: str) -> Period:
    y, m = divmod(idx, 12)
    return _period(*_span(y, m + 1, 1, y, m + 1), "month", how)


def _month_rel(expr, ctx) -> Period | None:
    rel = expr.rel
    if rel in ("same", "previous", "following") and ctx.month is None and ctx.period is None:
        return None
    if rel in ("this", "current", "last", "next", "past", "coming"):
        if ctx.pub is None:
            return _unresolved("a relative month with no publication date", "month")
        off = {"this": 0, "current": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[rel]
        return _month_period(_month_index(ctx.pub.year, ctx.pub.month) + off, "published")
    y, m = ctx.month if ctx.month else (None, None)
    if y is None:
        return None
    off = {"same": 0, "previous": -1, "following": 1}.get(rel, 0)
    if expr.yrel == "last":
        off -= 12
    return _month_period(_month_index(y, m) + off, "context")


def _month_named_rel(expr, ctx) -> Period:
    if ctx.pub is None:
        return _unresolved("'last/next <month>' with no publication date", "month")
    py, pm = ctx.pub.year, ctx.pub.month
    if expr.yrel == "last":
        y = py if expr.month < pm else py - 1
    elif expr.yrel == "next":
        y = py if expr.month > pm else py + 1
    else:
        y = ctx.this_year()
    return _period(*_span(y, expr.month, 1, y, expr.month), "month", "published")


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3


def _quarter_period(idx: int, how: str) -> Period:
    y, q = divmod(idx, 4)
    return _period(*_span(y, 3 * q + 1, 1, y, 3 * q + 3), "quarter", how)


def _quarter_rel(expr, ctx) -> Period | None:
    rel = expr.rel
    if rel in ("this", "current", "last", "past", "next", "coming") and expr.yrel is None:
        if ctx.pub is None:
            return _unresolved("a relative quarter with no publication date", "quarter")
        off = {"this": 0, "current": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[rel]
        return _quarter_period(ctx.pub.year * 4 + _quarter_of(ctx.pub) + off, "published")
    if ctx.quarter is None:
        if ctx.pub is None:
            return None
        anchor = ctx.pub.year * 4 + _quarter_of(ctx.pub)
        how = "published"
    else:
        d = dt.date.fromisoformat(ctx.quarter.start)
        anchor = d.year * 4 + _quarter_of(d)
        how = "context"
    off = {"previous": -1, "following": 1, "next": 1}.get(rel, 0)
    if expr.yrel == "last":
        off -= 4
    return _quarter_period(anchor + off, how)


def _part_year(expr, ctx) -> Period:
    year, how, _ = _year_of(expr, ctx)
    if year is None:
        return _unresolved("a part of a year with no year", "multi_month")
    part = expr.part
    if part == "earlier":
        end = ctx.pub if ctx.pub is not None and ctx.pub.year == year else dt.date(year, 12, 31)
        return _period(dt.date(year, 1, 1), end, "multi_month", how)
    if part == "later":
        start = ctx.pub if ctx.pub is not None and ctx.pub.year == year else dt.date(year, 1, 1)
        return _period(start, dt.date(year, 12, 31), "multi_month", how)
    a, b = _tables()["year_parts"][part]
    return _period(*_span(year, a, 1, year, b), "multi_month", how)


def _holiday(expr, ctx) -> Period | None:
    if expr.name is None:  # "last year's holiday": the holiday in force, moved
        if ctx.holiday is None:
            return None
        key, p = ctx.holiday
        year, how, _ = _year_of(expr, ctx)
        cur = dt.date.fromisoformat(p.start).year
        return shift_period(p, (year or cur) - cur, how)
    year, how, step = _year_of(expr, ctx)
    if year is None:
        return _unresolved("a holiday with no year", "day")

    def build(y):
        d = holiday_dates(expr.name, y)
        if d is None:
            raise KeyError(y)
        return d
    try:
        s, e, _ = _fit(build, year, step, ctx)
    except KeyError:
        return _unresolved(f"no dates for {expr.name} in {year}", "day")
    return _period(s, e, "day", how)


def _weekday(expr, ctx) -> Period:
    if ctx.pub is None:
        return _unresolved("a weekday with no publication date", "day")
    wd = int(expr.name)
    back = (ctx.pub.isoweekday() - wd) % 7
    if expr.rel == "next":
        fwd = (wd - ctx.pub.isoweekday()) % 7 or 7
        d = ctx.pub + dt.timedelta(days=fwd)
    elif expr.rel == "last":
        d = ctx.pub - dt.timedelta(days=back or 7)
    else:
        d = ctx.pub - dt.timedelta(days=back)
    return _period(d, d, "day", "published")


def _same(expr, ctx) -> Period | None:
    base = ctx.period
    if expr.name == "quarter" and ctx.quarter is not None:
        base = ctx.quarter
    elif expr.name in (None, "period") and ctx.near is not None and ctx.near[0] == ctx.sentence:
        # "As of the end of November, ... 11 more than the same period last year": the period of its own sentence
        base = ctx.near[1]
    if base is None:
        if expr.yrel == "last" or expr.year is not None:
            return _unresolved("'the same period' with no period in force", None)
        return None
    cur = dt.date.fromisoformat(base.start).year
    if expr.name == "holiday" and ctx.holiday is not None and (expr.year is not None or expr.yrel == "last"):
        # "the same holiday last year": that year's dates of the holiday in force, which move
        year = expr.year if expr.year is not None else cur - 1
        dates = holiday_dates(ctx.holiday[0], year)
        if dates is not None:
            return _period(dates[0], dates[1], "day", "context")
    if expr.year is not None:
        return shift_period(base, expr.year - cur, "context")
    if expr.yrel == "last":
        return shift_period(base, -1, "context")
    return Period(base.start, base.end, base.granularity, "context")


def _ref(expr, ctx) -> Period | None:
    name = expr.name
    if name in ("holiday", "holidays", "golden week", "week"):
        return Period(ctx.holiday[1].start, ctx.holiday[1].end, "day", "context") if ctx.holiday else None
    if name == "period":
        return Period(ctx.period.start, ctx.period.end, ctx.period.granularity, "context") if ctx.period else None
    if name == "months":
        p = ctx.period
        if p is None:
            return None
        s, e = dt.date.fromisoformat(p.start), dt.date.fromisoformat(p.end)
        if _month_index(e.year, e.month) - _month_index(s.year, s.month) + 1 != expr.n:
            return None
        return Period(p.start, p.end, p.granularity, "context")
    if name == "quarter":
        return Period(ctx.quarter.start, ctx.quarter.end, "quarter", "context") if ctx.quarter else None
    if name == "month":
        return _month_period(_month_index(*ctx.month), "context") if ctx.month else None
    if name == "year":
        base, how, _ = ctx.base()
        if base is None:
            return None
        return _period(dt.date(base, 1, 1), dt.date(base, 12, 31), "year", "context")
    return None


_SETS_YEAR = {"date", "dayspan", "month", "monthspan", "ytd", "quarter", "half", "year", "holiday"}
_IN_FORCE = {"month", "monthspan", "ytd", "quarter", "half", "holiday", "dayspan"}


@lru_cache(maxsize=1)
def _comparison_before() -> re.Pattern:
    """Finds a comparison word ("over", "the level of") just before the end of a string."""
    return re.compile("|".join(r"\b" + re.escape(w) + r" $" for w in _tables()["comparison_words"]))


def _sets_explicit_year(expr: PeriodExpression, year: int, ctx: _Context, text: str) -> bool:
    """False for a written year that is a target ("by 2027", after publication) or a
    comparison base ("over 2020", "the level of 2019"): neither sets the year in force."""
    if ctx.pub is not None and (year > ctx.pub.year or (expr.kind == "year" and year == ctx.pub.year
                                                        and dt.date(year, 12, 31) > ctx.pub and ctx.pub.month < 7)):
        return False
    if _SINCE.search(text, max(0, expr.start - 8), expr.start) or _SINCE_CLAUSE.search(text, max(0, expr.start - 80),
                                                                                      expr.start):
        # "the biggest increase since February 2024", "since 2021", "Since the first train set off in November
        # 2013, ...": a starting point, not the year reported
        return False
    if expr.kind in ("year", "holiday"):
        before = _SPACES.sub(" ", text[max(0, expr.start - 24):expr.start].lower())
        if expr.kind == "holiday" and before.endswith(" the "):
            before = before[:-4]  # "5 percent more than the 2020 Spring Festival"
        if expr.rule != "since":
            before = _PLACE_PREPOSITION.sub(" ", before)  # "426 more than at the end of 2024", "higher than in 2024"
        if _comparison_before().search(before):
            return False
    return True  # (the bases _compared_base finds, "from 9.2 per cent in H1 2020", never get here: _update
    # counts them as comparisons before it asks)


def _compared_base(expr: PeriodExpression, text: str) -> bool:
    """Whether a year, half, quarter or month is only the base of a comparison ("2.3 percentage
    points higher than for the whole of 2022", "widened from 9.2 per cent in H1 2020", "from
    54.9 in May"): it neither sets the year nor becomes the period or month in force."""
    if expr.kind not in _COMPARABLE:
        return False
    before = _SPACES.sub(" ", text[max(0, expr.start - 60):expr.start].lower())
    the, figure = _comparison_base()
    return bool(the.search(before) or figure.search(before))


def background(text: str, start: int) -> bool:
    """Whether the period at `start` dates a noun through a participle ("the tax relief policies
    introduced in the second half of 2023", "a fund set up in 2019"): background, not what the
    article reports (periods.json "background_participles")."""
    before = text[max(0, start - 40):start]
    return "in " in before[-8:] and bool(_background_before().search(before))


@lru_cache(maxsize=1)
def _background_before() -> re.Pattern:
    words = alternation(_tables()["background_participles"])
    return re.compile(r"(?<![\w-])(?!(?:was|were|is|are|been|be|being|has|have|had|and|or|it|they|we|he|she)\s)"
                      rf"[A-Za-z]+\s+(?:{words})\s+in\s+(?:the\s+)?$")


# the expressions that may be written only as a comparison base
_COMPARABLE = frozenset({"year", "half", "quarter", "month"})


@lru_cache(maxsize=1)
def _comparison_base() -> tuple[re.Pattern, re.Pattern]:
    """Two tests of the lower-case text before a period (periods.json "comparison_base"): a
    comparison word, then only function words ("than for the whole of"); a comparison word, a
    figure, then the word placing it in a period ("from 9.2 per cent in", "than 3.1 million in")."""
    d = _tables()["comparison_base"]
    words = alternation(d["words"])
    the = re.compile(rf"\b(?:{words})\s+(?:(?:{alternation(d['fillers'])})\s+)*$")
    figure = re.compile(rf"\b(?:{alternation(d['figure_words'] + d['words'])})\s+"
                        r"(?:(?:rmb|us\$|hk\$|\$)\s?)?\d[\d.,]*(?:\s+[a-z-]+){0,3}\s+(?:in|at|for|during)\s+(?:the\s+)?$")
    return the, figure


_PLACE_PREPOSITION = re.compile(r" (?:at|in) $")
_SINCE = re.compile(r"(?<![\w-])[Ss]ince\s+\Z")
# "since" opening the clause that holds a date, with no comma or sentence end between them
_SINCE_CLAUSE = re.compile(r"(?<![\w-])[Ss]ince\s[^,;.\n]*\Z")


def _update(expr: PeriodExpression, p: Period, ctx: _Context, text: str = "") -> None:
    """Carry what this mention puts in force to the mentions after it."""
    if p.start is None or expr.end <= ctx.dateline_end:
        return
    s, e = dt.date.fromisoformat(p.start), dt.date.fromisoformat(p.end)
    k = expr.kind
    comparison = k in ("same", "earlier", "ref") or expr.yrel in ("last", "previous", "ago") or expr.rel in (
        "last", "previous", "past", "next", "following") or expr.name is None and k == "holiday" \
        or _compared_base(expr, text) or background(text, expr.start)
    reported_on = k == "date" and p.how == "published" and ctx.year_explicit and ctx.year is not None
    if k in _SETS_YEAR and not comparison and s.year == e.year and not reported_on:
        # ("revenue in 2025 ..., the department said on Jan 24": the day it was said keeps 2025 in force)
        if expr.year is not None:
            if _sets_explicit_year(expr, s.year, ctx, text):
                if ctx.pub is not None and s.year < ctx.pub.year - 2 and ctx.back_story is None:
                    end = text.find("\n", expr.end)
                    ctx.back_story = (end if end >= 0 else len(text), ctx.year, ctx.year_explicit)
                ctx.year, ctx.year_explicit, ctx.year_sentence = s.year, True, ctx.sentence
        elif expr.yrel in ("this", "current") or ctx.year != s.year or ctx.year is None:
            if not (k == "year" and expr.yrel in ("same", "the")):
                ctx.year, ctx.year_explicit = s.year, ctx.year_explicit and ctx.year == s.year
    if k == "past" and p.granularity == "year":
        ctx.year, ctx.looks_back = s.year, True  # "Past year, ..." opens a work report on that year
    if comparison:
        return
    if k not in ("since", "past", "plan", "decade", "yearspan", "weekday") and not (
            p.granularity == "day" and ctx.near is not None and ctx.near[0] == ctx.sentence):
        ctx.near = (ctx.sentence, p)  # (not "the holiday that ended on Saturday": a day inside the period)
    # "Since the beginning of this year, ... 8 percent more than in the same period of 2024": the year so far
    since_this_year = k == "since" and p.granularity == "multi_month"
    if (k in _IN_FORCE or since_this_year) and p.granularity != "year" and expr.part not in ("end", "beginning") \
            and ctx.period_sentence != ctx.sentence and _ALONE.match(text, expr.end, expr.end + 8) is None:
        ctx.period, ctx.period_sentence = p, ctx.sentence
        if p.granularity == "quarter":
            ctx.quarter = p
        if k == "holiday":
            ctx.holiday = (expr.name, p)
    if k in ("date", "month") and s.month == e.month and s.year == e.year:
        ctx.month = (s.year, s.month)


def _offset(x: PeriodExpression, p: Period, ctx: _Context, text: str) -> Period:
    """The days before or after period p that x names ("the week before the holiday"); p
    itself is put in force as if it had been written alone, and the days are what "the
    same period" in the sentence refers to."""
    if p.start is None:
        return p
    _update(x, p, ctx, text)
    side, days = x.offset
    if side == "before":
        e = dt.date.fromisoformat(p.start) - dt.timedelta(days=1)
        s = e - dt.timedelta(days=days - 1)
    else:
        s = dt.date.fromisoformat(p.end) + dt.timedelta(days=1)
        e = s + dt.timedelta(days=days - 1)
    q = _period(s, e, "day", p.how)
    ctx.near = (ctx.sentence, q)
    return q


def _first_explicit_year(exprs: Sequence[PeriodExpression]) -> int | None:
    for x in exprs:
        if x.year is not None and x.kind in _SETS_YEAR and x.yrel is None:
            return x.year
    return None


def resolve(exprs: Iterable[PeriodExpression], published: str | dt.date | None, text: str = "") -> Iterator[PeriodMention]:
    """Resolved period mentions, in text order.

    exprs: expressions from recognizers.periods.find_periods, in text order.
    published (str | date | None): the publication date (ISO string or date); None uses
        a dateline at the top of `text` when it gives a full date.
    text (str): the normalized text (for the dateline).
    RETURNS (Iterator[PeriodMention]): one per expression kept; anaphors ("the holiday",
        "the period") with nothing in force are dropped, other unresolvable periods kept
        with start/end None and a note.
    """
    exprs = list(exprs)
    pub = published
    if isinstance(pub, str):
        pub = dt.date.fromisoformat(pub[:10])
    dl = find_dateline(text) if text else None
    if pub is None and dl is not None:
        pub = dl.date()
    ctx = _Context(pub=pub, lookahead_year=_first_explicit_year(exprs))
    if dl is not None:
        ctx.dateline_end = dl.end
    prev_end = 0
    for x in exprs:
        if _SENTENCE_END.search(text, prev_end, x.start):
            ctx.sentence += 1
        prev_end = x.end
        if ctx.back_story is not None and x.start > ctx.back_story[0]:
            _, ctx.year, ctx.year_explicit = ctx.back_story  # a new paragraph: back from the back story
            ctx.back_story = None
        try:
            p = _resolve_one(x, ctx)
        except (ValueError, OverflowError) as err:
            p = _unresolved(f"no such date: {err}")
        if p is None:
            continue
        if x.offset is not None:
            yield PeriodMention(x.start, x.end, x.text, _offset(x, p, ctx, text))
            continue
        if ctx.pub is not None and x.kind == "date" and x.start < _DATELINE_CHARS and p.start is not None:
            if 0 <= (ctx.pub - dt.date.fromisoformat(p.start)).days <= 3 and ctx.year is None:
                ctx.dateline_end = max(ctx.dateline_end, x.end)
        _update(x, p, ctx, text)
        yield PeriodMention(x.start, x.end, x.text, p)


def inferred_published(text: str) -> str | None:
    """The date of a full dateline heading the normalized text ("BEIJING, April 9, 2021 --"), else None."""
    dl = find_dateline(text)
    return dl.date().isoformat() if dl is not None and dl.date() is not None else None


def resolve_text(text: str, published: str | dt.date | None = None,
                 sentences: Sequence[tuple[int, int]] | None = None) -> list[PeriodMention]:
    """find_periods + resolve over one normalized text (a convenience for tests and tools)."""
    return list(resolve(find_periods(text, sentences), published, text))
