"""Hypothesis: the speed-ups of recognizers/periods.py keep find_periods' results: the
overlap check by bisection takes the same matches as checking every span taken, and the
lower-case scan of an ASCII text builds the same expressions as matching the text itself."""
from hypothesis import given, settings, strategies as st

from chinaecon_extract.recognizers.periods import _built, _patterns, find_periods

_WORDS = ["in", "the", "first", "quarter", "of", "2023", "Q3", "H1", "half", "year", "last", "same", "period",
          "January", "Jan.", "MARCH", "Sept", "to", "-", "months", "since", "ago", "five", "Spring", "Festival",
          "holiday", "end", "early", "mid-", "2020s", "14th", "Five-Year", "Plan", "Monday", "week", "this",
          "from", "1-2", "29", "2024-03-05", "3-day", "National", "Day", "May", "by", "as", "\u00a0", "\n", "  "]


def _reference(text: str) -> list:
    """find_periods as a full scan of each pattern on the text, each span checked against all taken."""
    low = text.lower()
    cands = sorted((m.start() - m.end(), prio, m.start(), m.end(), rule, m)
                   for prio, (rule, rx, needs, _shape) in enumerate(_patterns())
                   if rule != "annual" and (not needs or any(n in low for n in needs))
                   for m in rx.finditer(text))
    taken, out = [], []
    for _, _prio, s, e, rule, m in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        expr = _built(rule, m, text)
        if expr is not None:
            taken.append((s, e))
            out.append(expr)
    return sorted(out, key=lambda x: x.start)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=3)), max_size=40),
       st.lists(st.sampled_from([" ", ", ", "  \t", "-", "\n", ". "]), min_size=1, max_size=3))
def test_periods_property_find_periods_equals_reference(words, seps):
    text = "".join(w + seps[i % len(seps)] for i, w in enumerate(words))
    assert list(find_periods(text)) == _reference(text)
