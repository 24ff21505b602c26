"""Hypothesis: a random date, month, quarter, half, month span or year span, rendered in
each supported form, resolves back to itself; no crash and exact offsets on any text."""
import calendar
import datetime as dt

from hypothesis import given, settings, strategies as st

from chinaecon_extract.resolve.periods import resolve_text
from chinaecon_extract.text import normalize

MONTHS = list(calendar.month_name)[1:]
ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
ORD = ["first", "second", "third", "fourth"]
years = st.integers(min_value=1990, max_value=2035)
pubs = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2036, 12, 31))


def only(text, published):
    ms = resolve_text(normalize(text), published.isoformat() if published else None)
    assert len(ms) == 1, [m.text for m in ms]
    return ms[0].period.start, ms[0].period.end


def last(y, m):
    return dt.date(y, m, calendar.monthrange(y, m)[1]).isoformat()


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)), pubs, st.integers(0, 3))
def test_periods_property_date_round_trips(d, pub, form):
    text = [f"{MONTHS[d.month - 1]} {d.day}, {d.year}", f"{d.day} {MONTHS[d.month - 1]} {d.year}",
            d.isoformat(), f"{ABBR[d.month - 1]} {d.day}, {d.year}"][form]
    assert only(f"The plant opened on {text} in the new area.", pub) == (d.isoformat(), d.isoformat())


@given(years, st.integers(1, 12), pubs, st.integers(0, 1))
def test_periods_property_month_round_trips(y, m, pub, form):
    text = [f"{MONTHS[m - 1]} {y}", f"{MONTHS[m - 1]} of {y}"][form]
    assert only(f"Exports rose 5 percent in {text}.", pub) == (f"{y}-{m:02d}-01", last(y, m))


@given(years, st.integers(1, 4), pubs, st.integers(0, 3))
def test_periods_property_quarter_round_trips(y, q, pub, form):
    text = [f"the {ORD[q - 1]} quarter of {y}", f"Q{q} {y}", f"{q}Q{y % 100:02d}", f"{y}Q{q}"][form]
    if form == 2 and y < 2000:
        text = f"Q{q} {y}"
    assert only(f"GDP grew 5 percent in {text}.", pub) == (f"{y}-{3 * q - 2:02d}-01", last(y, 3 * q))


@given(years, st.integers(1, 2), pubs, st.integers(0, 2))
def test_periods_property_half_round_trips(y, h, pub, form):
    text = [f"the {ORD[h - 1]} half of {y}", f"H{h} {y}", f"{y}H{h}"][form]
    assert only(f"Output rose in {text}.", pub) == (f"{y}-{6 * h - 5:02d}-01", last(y, 6 * h))


@given(years, st.integers(1, 11), st.integers(1, 11), pubs, st.integers(0, 2))
def test_periods_property_month_span_round_trips(y, m1, span, pub, form):
    m2 = min(12, m1 + span)
    a, b = MONTHS[m1 - 1], MONTHS[m2 - 1]
    text = [f"{a} to {b} {y}", f"{a}-{b} of {y}", f"{a} through {b}, {y}"][form]
    assert only(f"Trade rose from {text}.", pub) == (f"{y}-{m1:02d}-01", last(y, m2))


@given(years, st.integers(1, 12), pubs)
def test_periods_property_first_months_round_trip(y, n, pub):
    assert only(f"Revenue rose in the first {n} months of {y}.", pub) == (f"{y}-01-01", last(y, n))


@given(st.integers(1950, 2030), st.integers(1, 30), pubs, st.integers(0, 2))
def test_periods_property_year_span_round_trips(y1, span, pub, form):
    y2 = y1 + span
    text = [f"from {y1} to {y2}", f"in {y1}-{y2}", f"between {y1} and {y2}"][form]
    assert only(f"Investment totaled 9 billion yuan {text}.", pub) == (f"{y1}-01-01", f"{y2}-12-31")


@given(years, pubs)
def test_periods_property_year_round_trips(y, pub):
    assert only(f"Output rose 4 percent in {y}.", pub) == (f"{y}-01-01", f"{y}-12-31")


@settings(max_examples=300)
@given(st.text(), st.one_of(st.none(), pubs))
def test_periods_property_no_crash_and_offsets_slice(text, pub):
    norm = normalize(text)
    for m in resolve_text(norm, pub.isoformat() if pub else None):
        assert norm[m.start:m.end] == m.text
        assert (m.period.start is None) == (m.period.end is None)


@given(st.lists(st.sampled_from(list("0123456789 -./,QH'") + MONTHS[:3] + ["of ", "the ", "first ", "quarter "])),
       st.one_of(st.none(), pubs))
def test_periods_property_no_crash_on_date_like_noise(parts, pub):
    text = "".join(parts)
    for m in resolve_text(normalize(text), pub.isoformat() if pub else None):
        assert text[m.start:m.end] == m.text


# the anchored scan (recognizers/periods.py) must find exactly what a full scan of each pattern finds
_WORDS = ["in", "the", "first", "quarter", "of", "2023", "Q3", "H1", "half", "year", "last", "same", "period",
          "January", "Jan.", "Sept", "to", "-", "months", "since", "ago", "five", "Spring", "Festival", "holiday",
          "end", "early", "mid-", "2020s", "14th", "Five-Year", "Plan", "annual", "Monday", "week", "this", "from",
          "1-2", "29", "2024-03-05", "\u0131", "\u017f", "\u212a", "\u0130", "\u00a0", "\n", "  ", "---"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=4)), max_size=40),
       st.lists(st.sampled_from([" ", "", ", ", "  \t", "-", "\n"]), min_size=1, max_size=3), st.booleans())
def test_periods_property_anchored_scan_equals_full_scan(words, seps, annual):
    from chinaecon_extract.recognizers.periods import _patterns, _scan

    text = "".join(w + seps[i % len(seps)] for i, w in enumerate(words))
    low = text.lower()
    full = [(prio, rule, m.span()) for prio, (rule, rx, needs, _shape) in enumerate(_patterns())
            if (annual or rule != "annual") and (not needs or any(n in low for n in needs))
            for m in rx.finditer(text)]
    assert [(prio, rule, m.span()) for prio, rule, m in _scan(text, annual)] == full


# the wire dateline is tried only where a month name starts (resolve/periods.py): same match as the full search
_HEAD_WORDS = ["BEIJING", "March", "MAR.", "Sept.", "jan", "June", "4", "30", "2021", ",", " ", "\n", "--", "-", ":",
               "(Xinhua)", "(China Daily)", "x" * 70, " " * 30, "Janov", "\u017fep", "\u0131", "\u212a"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_HEAD_WORDS), st.text(max_size=3)), max_size=30))
def test_periods_property_wire_dateline_equals_full_search(words):
    from chinaecon_extract.resolve.periods import _dateline_rx, _wire_dateline

    head = " ".join(words)[:300]
    full, found = _dateline_rx()[1].search(head), _wire_dateline(head)
    assert (full is None) == (found is None)
    if full is not None:
        assert [full.span(i) for i in (1, 2, 3)] == [found.span(i) for i in (1, 2, 3)]
        assert full.end() == found.end()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" -\t\n\r\x0b\x0c\x1c\x1f\x00a1\xa0\u2003")), max_size=60))
def test_periods_property_longest_run_equals_regex(text):
    from chinaecon_extract.recognizers.periods import _LONG_RUN, _MIN_RUN, _longest_run

    assert _longest_run(text) == max((len(m.group()) for m in _LONG_RUN.finditer(text)), default=_MIN_RUN)
