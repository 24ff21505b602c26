"""Money, quantities, counts and percents: every figure in an article, typed and normalized.

One pass over the numbers that numbers.find_numbers() finds; each is typed by what
stands around it: a currency before or after it, a unit, "percent", a counted noun, or
a clause that says what a bare "600 million" measures. Years, dates, ordinals, ages,
phone numbers and numbers inside names are left out. Vocabulary: data/cues.json,
data/counts.json, data/currencies.json, data/unit_surfaces.json, data/numbers.json.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import regex

from ..data import load_json
from ..numbers import Number, find_numbers, grouped_alternation, vocabulary
from ..results import Count, MoneyAmount, Percent, Quantity
from ..units import currencies, surfaces, to_base
from ..text import alternation, compiled

_WORD = regex.compile(r"[\p{L}][\p{L}\d'-]*|\d+\p{Lu}(?![\p{L}\d])|[^\s\p{L}]")
_ACRONYM = regex.compile(r"\(\s*[\p{Lu}\d][\p{Lu}\d&-]{1,9}s?\s*\)")
MONTHS = alternation(load_json("periods.json")["months"])  # month names and abbreviations


def _search(pattern: str, s: str, flags: int = 0):
    return compiled(pattern, flags).search(s)


def _match(pattern: str, s: str, flags: int = 0):
    return compiled(pattern, flags).match(s)


def _fullmatch(pattern: str, s: str, flags: int = 0):
    return compiled(pattern, flags).fullmatch(s)


@dataclass(frozen=True)
class _Lexicon:
    prefix: regex.Pattern          # currency written before the number, anchored at the end
    prefix_codes: dict
    after_currency: regex.Pattern  # currency written after the number
    after_codes: dict
    percent: regex.Pattern
    unit: regex.Pattern
    unit_symbol: regex.Pattern
    qualifier: regex.Pattern
    qualifier_codes: dict
    cues: regex.Pattern
    cue_kind: dict
    basis: regex.Pattern
    basis_codes: dict
    rate: regex.Pattern
    rate_codes: dict
    counts: dict
    masks: tuple[tuple[regex.Pattern | None, regex.Pattern], ...]
    date_before: regex.Pattern
    date_after: regex.Pattern
    name_before: regex.Pattern
    money_metric: regex.Pattern
    more_after: regex.Pattern
    change_before: regex.Pattern
    population_before: regex.Pattern
    hyphen_unit: regex.Pattern
    name_unless_counted: regex.Pattern
    bare_follower: regex.Pattern
    number_of: regex.Pattern
    label_before: regex.Pattern
    rate_reference: regex.Pattern


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    cur = currencies()
    prefix_codes, after_codes = {}, {}
    for code, rec in cur.items():
        for p in rec["before"]:
            prefix_codes.setdefault(p, code)
        for a in rec["after"]:
            after_codes.setdefault(a.lower(), code)
    prefix_codes["$"] = "USD"
    units = surfaces()
    recs = load_json("unit_surfaces.json")
    word_units = {s: u for s, u in units.items() if any(s == w.lower() for w in recs[u].get("surfaces", []))}
    symbols = {}
    for u, rec in recs.items():
        for s in rec.get("symbols", []):
            symbols[s] = u
    cues = load_json("cues.json")
    cue_kind = {}
    for w in cues["share"]:
        cue_kind[w] = "share"
    for w in cues["direction_down"]:
        cue_kind[w] = "down"
    for w in cues["direction_up"]:
        cue_kind[w] = "up"
    cue_kind["growth rate"] = "up"
    cue_kind["negative growth"] = "down"
    counts = load_json("counts.json")
    quals = vocabulary()["qualifiers"]
    # what masks numbers, each with a cheap test for whether the text can hold one: the rare kinds
    # (links, e-mail addresses, file names) cost a scan only when their telltale is present
    masks = (
        (None, regex.compile(r"(?=[\d+(])(?:\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}:\d{2}\b|\+?\(?\d{2,4}\)?[ -]\d{3,4}[ -]?\d{4}\b"
                             r"|\b0\d{2,3}-\d{7,8}\b|\b\d{11}\b)")),
        (regex.compile(r"http|www\.", regex.IGNORECASE), regex.compile(r"https?://\S+|www\.\S+", regex.IGNORECASE)),
        (regex.compile("@"), regex.compile(r"(?<!\S)[^\s@]+@\S+\.\w+")),
        (regex.compile(r"\.(?:png|jpe?g|gif|pdf|docx?|html?)\b", regex.IGNORECASE),
         regex.compile(r"(?<![^\s(\[])\S+\.(?:png|jpe?g|gif|pdf|docx?|html?)\b", regex.IGNORECASE)),
    )
    # the long IGNORECASE word lists go in grouped by first letter (numbers.grouped_alternation):
    # the same matches, but far fewer branches tried at each word of a clause
    lex = _Lexicon(
        prefix=regex.compile(rf"(?:(?<![\w$])(?P<cur>{alternation(prefix_codes)}))\s?$"),
        prefix_codes=prefix_codes,
        after_currency=regex.compile(rf"\s*(?P<cur>{grouped_alternation(after_codes)})(?![\w$])", regex.IGNORECASE),
        after_codes=after_codes,
        percent=regex.compile(r"\s*(?:(?P<pp>percentage[\s-]*points?|percent(?:age)?\s+points?|pp|ppts?)(?![\w])"
                              r"|(?P<pct>%|percent(?![\w-])|per\s*cent(?![\w-])|pct(?![\w])))", regex.IGNORECASE),
        unit=regex.compile(rf"\s*(?P<unit>{grouped_alternation(word_units)})(?![\w])", regex.IGNORECASE),
        unit_symbol=regex.compile(rf"\s?(?P<unit>{alternation(symbols)})(?![\w])"),
        qualifier=regex.compile(rf"(?<![\w])(?P<q>{grouped_alternation(quals)})\s+(?:only\s+)?$", regex.IGNORECASE),
        qualifier_codes={" ".join(k.lower().split()): v for k, v in quals.items()},
        cues=regex.compile(rf"(?<![\w-])(?P<cue>{grouped_alternation(cue_kind)})(?![\w])", regex.IGNORECASE),
        cue_kind={k.lower(): v for k, v in cue_kind.items()},
        basis=regex.compile(rf"(?<![\w])(?P<b>{grouped_alternation(cues['basis'])})(?![\w])", regex.IGNORECASE),
        basis_codes={" ".join(k.lower().split()): v for k, v in cues["basis"].items()},
        rate=regex.compile(rf"\s*(?P<r>{grouped_alternation(cues['rate_words'])})(?![\w])", regex.IGNORECASE),
        rate_codes={" ".join(k.lower().split()): v for k, v in cues["rate_words"].items()},
        counts={k: set(v) for k, v in counts.items()},
        masks=masks,
        date_before=regex.compile(rf"(?<![\w])(?:{MONTHS})\.?\s*(?:\d{{1,2}}\s*(?:-|~|to|and|through)\s*)?$", regex.IGNORECASE),
        date_after=regex.compile(rf"\s*(?:{MONTHS})\b", regex.IGNORECASE),
        name_before=regex.compile(rf"(?<![\w])(?:(?i:{grouped_alternation(counts['name_before'])})"
                                  rf"|{grouped_alternation(counts['name_before_capitalized'], ignorecase=False)})"
                                  r"\s*[#.:]?\s*$"),
        money_metric=regex.compile(rf"(?<![\w])(?:{grouped_alternation(counts['money_metrics'])})(?![\w])(?-i:(?!\s+\p{{Lu}}\p{{Ll}}))", regex.IGNORECASE),
        more_after=regex.compile(r"\s+(?:more|fewer|less|additional|new ones)\b", regex.IGNORECASE),
        change_before=regex.compile(r"(?:increase(?:d)?\s+(?:of|by)|(?:rose|grew|added|up|down|fell|dropped|decreased)\s+by|"
                                    r"an\s+increase\s+of|a\s+decrease\s+of|a\s+net\s+increase\s+of)\s+$", regex.IGNORECASE),
        population_before=regex.compile(rf"(?:{grouped_alternation(counts['population_nouns'])})(?:\s+(?:of\s+)?|[^.;:\n]{{0,40}}?(?<![\w])"
                                        r"(?:of|by|to|at|reached|hit|totaled|totalled|was|were|is|stood\s+at)\s+)"
                                        r"(?:(?:almost|nearly|about|only|around|over|more\s+than|some)\s+)?$", regex.IGNORECASE),
        hyphen_unit=regex.compile(rf"-(?:percent(?![\w])|per-cent(?![\w])|(?:{grouped_alternation(word_units)})(?![\w]))", regex.IGNORECASE),
        name_unless_counted=regex.compile(rf"(?<![\w])(?:{alternation(counts['name_before_unless_counted'])})\s*$"),
        bare_follower=regex.compile(rf"\s*(?:$|[,.;:|)]|(?:{grouped_alternation(counts['bare_count_followers'])})(?![\w]))", regex.IGNORECASE),
        number_of=regex.compile(r"(?<![\w])(?:the\s+)?number\s+of\s+(?:[\w-]+\s+){0,3}?(?P<item>[a-z][\w-]*s)\b(?!.*\d)",
                                regex.IGNORECASE),
        label_before=regex.compile(r"(?P<item>[a-z][\w-]*)\s*:\s*$", regex.IGNORECASE),
        rate_reference=regex.compile(rf"(?<![\w])(?:{grouped_alternation(cues['rate_reference'])})\s+from\s+$", regex.IGNORECASE),
    )
    return lex


_NON_PLURAL = {"overseas", "various", "previous", "famous", "news", "series", "species", "whereas", "perhaps", "always",
               "towards", "afterwards", "besides", "sometimes", "numerous", "continuous", "its", "this", "his", "was", "has",
               "does", "goes", "yes", "across", "unless", "gas", "bus", "plus", "thus", "lens", "chassis", "mathematics",
               "economics", "logistics", "statistics", "electronics", "physics", "politics", "ethics", "athletics"}


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in _NON_PLURAL or len(w) < 3:
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "'s"))


@dataclass
class _Draft:
    """A figure being built: offsets, value, and what kind it turned out to be."""

    start: int
    end: int
    value: float
    kind: str = ""
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    per: str | None = None
    currency: str | None = None
    unit: str | None = None
    item: str = ""
    pct_unit: str = "percent"
    num_start: int = 0


def find_figures(text: str, sentences: Sequence[tuple[int, int]]) -> list:
    """Money, quantity, count and percent mentions in normalized `text`, in order.

    text (str): normalized article text (text.normalize); offsets index it and the original.
    sentences: (start, end) of each sentence, used to keep context inside a sentence.
    RETURNS (list[Mention]): MoneyAmount, Quantity, Count and Percent objects.
    """
    lex = lexicon()
    starts = [s for s, _ in sentences] or [0]
    bounds = list(sentences) or [(0, len(text))]
    masked = [(m.start(), m.end()) for telltale, rx in lex.masks if telltale is None or telltale.search(text)
              for m in rx.finditer(text)]
    numbers = [n for n in find_numbers(text) if not _inside(n, masked)]
    drafts: list[_Draft] = []
    i = 0
    while i < len(numbers):
        n = numbers[i]
        k = max(0, bisect.bisect_right(starts, n.start) - 1)
        s_start, s_end = bounds[k]
        if not (s_start <= n.start < max(s_end, s_start + 1)):
            s_start, s_end = 0, len(text)
        d, used = _type_number(text, numbers, i, s_start, s_end, drafts)
        if d is not None:
            drafts.append(d)
        i += used
    _link_equivalents(text, drafts)
    pct_ends = sorted(d.end for d in drafts if d.kind == "percent")
    return _carry_rates([_finish(text, d, bounds, starts, pct_ends) for d in drafts], text, starts)


def _inside(n: Number, spans: list[tuple[int, int]]) -> bool:
    return any(s <= n.start < e for s, e in spans)


def _skip(text: str, n: Number, s_start: int) -> bool:
    """Numbers that are not figures: years, days of a date, parts of names and codes."""
    lex = lexicon()
    before = text[max(s_start, n.start - 20):n.start]
    after = text[n.end:n.end + 12]
    if not n.is_word and not n.has_scale and n.digits:
        raw = n.digits
        if "," not in raw and "." not in raw and len(raw) == 4 and 1800 <= n.value <= 2100:
            return True  # a year; periods handles it
        if raw.startswith("0") and len(raw) > 1 and not raw.startswith("0."):
            return True  # codes and phone numbers
        if len(raw.replace(",", "")) >= 9 and "," not in raw and "." not in raw:
            return True
        if n.value <= 31 and lex.date_before.search(before):
            return True  # "Dec. 29", "July 7"
        if n.value <= 31 and lex.date_after.match(after):
            return True  # "15 December"
    if lex.name_before.search(before):
        if not (lex.name_unless_counted.search(before) and _counted_noun(text, n.end, n.end + 90)[0]):
            return True
    nxt = text[n.end:n.end + 2]
    if nxt[:1] == "-" and nxt[1:2].isalpha():
        # "59-year-old", "Five-Year Plan" are not figures; "3,000-ton", "a 0.2-percent decline" are
        return not lex.hyphen_unit.match(text, n.end)
    if nxt[:1] in "/" and nxt[1:2].isdigit():
        return True  # "7/10"
    if nxt[:1].isalpha() and not n.has_scale:
        return not (lex.unit_symbol.match(text, n.end) or lex.percent.match(text, n.end)
                    or lex.after_currency.match(text, n.end))  # "5G", "1Q25"
    return False


def _suffix(text: str, pos: int, end: int):
    """What stands right after a number: ('percent', unit, end) / ('money', code, end) /
    ('quantity', unit, end) / None."""
    lex = lexicon()
    if text[pos:pos + 1] == "-" and lex.hyphen_unit.match(text, pos, end):
        pos += 1  # "3,000-ton", "0.2-percent"
    m = lex.percent.match(text, pos, end)
    if m:
        return ("percent", "percentage_point" if m.group("pp") else "percent", m.end())
    m = lex.after_currency.match(text, pos, end)
    if m:
        return ("money", lex.after_codes[" ".join(m.group("cur").lower().split())], m.end())
    m = lex.unit.match(text, pos, end)
    mu = lex.unit_symbol.match(text, pos, end)
    if mu and (not m or mu.end() > m.end()):
        unit = _symbol_unit(mu.group("unit"))
        if unit:
            return ("quantity", unit, mu.end())
    if m:
        return ("quantity", surfaces()[" ".join(m.group("unit").lower().split())], m.end())
    return None


@lru_cache(maxsize=None)
def _symbol_unit(sym: str) -> str | None:
    recs = load_json("unit_surfaces.json")
    for u, rec in recs.items():
        if sym in rec.get("symbols", []):
            return u
    return None


def _compound_unit(text: str, unit: str, pos: int, end: int) -> tuple[str, int, str | None]:
    """Extend "kg" to "kg/ha" or "kg per mu"; a time word after "per" becomes a rate."""
    lex = lexicon()
    if text[pos:pos + 1] == "-":
        # "3,000-ton-per-year": the rate belongs to the figure, the span stays "3,000-ton"
        t = _match(r"-per-(day|year|month|week|hour|annum)\b", text[pos:end], regex.IGNORECASE)
        return unit, pos, t.group(1).lower().replace("annum", "year") if t else None
    m = _match(r"\s*(?:/|per\s+|a\s+(?=day|year|month|week|hour))", text[pos:end], regex.IGNORECASE)
    if not m:
        r = lex.rate.match(text, pos, end)
        if r:
            return unit, r.end(), lex.rate_codes[" ".join(r.group("r").lower().split())]
        return unit, pos, None
    after = pos + m.end()
    r = lex.rate.match(text, pos, end)
    if r:
        return unit, r.end(), lex.rate_codes[" ".join(r.group("r").lower().split())]
    t = _match(r"(day|year|month|week|hour|annum)\b", text[after:end], regex.IGNORECASE)
    if t:
        return unit, after + t.end(), t.group(1).lower().replace("annum", "year")
    s = _suffix(text, after, end)
    if s and s[0] == "quantity":
        return f"{unit} / {s[1]}", s[2], None
    return unit, pos, None


def _qualifier(text: str, start: int, s_start: int) -> str | None:
    lex = lexicon()
    m = lex.qualifier.search(text, max(s_start, start - 30), start)
    if m:
        return lex.qualifier_codes.get(" ".join(m.group("q").lower().split()))
    return None


def _type_number(text, numbers, i, s_start, s_end, drafts):
    """Type numbers[i] (and a range partner); return (draft or None, numbers consumed)."""
    lex = lexicon()
    n = numbers[i]
    if _skip(text, n, s_start):
        return None, 1
    start = n.start
    currency = None
    p = lex.prefix.search(text, max(s_start, n.start - 6), n.start)
    if p:
        currency = lex.prefix_codes[p.group("cur")]
        start = p.start()
    value, low, high, end = n.value, None, None, n.end
    used = 1
    # ranges: "5 to 6 percent", "5-6 percent", "between 120 and 150 mu", "$1-2 billion"
    if i + 1 < len(numbers):
        m2 = numbers[i + 1]
        gap = text[n.end:m2.start]
        conn = _fullmatch(r"\s*(?:-|~|to|and)\s*", gap, regex.IGNORECASE)
        if conn and m2.start < s_end and not _skip(text, m2, s_start):
            own = _suffix(text, n.end, s_end)
            between = _search(r"between\s+$", text[max(s_start, start - 10):start], regex.IGNORECASE)
            word = gap.strip().lower()
            from_before = _search(r"(?:from|between)\s+$", text[max(s_start, start - 8):start], regex.IGNORECASE)
            other = _suffix(text, m2.end, s_end)
            if word == "and" and not between:
                pass
            elif own is None and other is not None or (own is not None and other is not None and own[:2] == other[:2]
                                                         and word in ("-", "~") ) or (
                    own is not None and other is not None and own[:2] == other[:2] and word == "to" and not from_before
                    and own[0] == "percent"):
                scale = 1.0
                if not n.has_scale and m2.has_scale and n.value < m2.value:
                    base2 = float(m2.digits.replace(",", "")) if m2.digits else None
                    if base2:
                        scale = m2.value / base2
                low, high = _r(n.value * scale), m2.value
                value, end = low, m2.end
                used = 2
    suffix = _suffix(text, end, s_end)
    d = _Draft(start=start, end=end, value=value, low=low, high=high, num_start=n.start)
    d.qualifier = _qualifier(text, start, s_start)
    if currency and (suffix is None or suffix[0] == "money"):
        d.kind, d.currency = "money", currency
        if suffix:
            d.end = suffix[2]
        return _with_rate(text, d, s_end), used
    if suffix is not None:
        kind, what, send = suffix
        d.end = send
        if kind == "percent":
            d.kind, d.pct_unit = "percent", what
            if text[max(0, n.start - 1):n.start] == "-" and not text[max(0, n.start - 2):n.start - 1].isalnum():
                d.start, d.value = n.start - 1, -value
                if low is not None:
                    d.low = -low
        elif kind == "money":
            d.kind, d.currency = "money", what
        else:
            unit, d.end, per = _compound_unit(text, what, send, s_end)
            d.kind, d.unit, d.per = "quantity", unit, per
            if what == "head" and value < 2:
                return None, used
        if d.kind == "quantity" and d.per is None:
            d.per = _rate_after_of(text, d.end, s_end)
        return _with_rate(text, d, s_end) if d.kind != "quantity" else d, used
    if n.vague:
        return None, used
    # counts: a number and the noun it counts ("the three industries" names a known set: no figure)
    if n.is_word and _search(r"(?<![\w])the\s+$", text[max(s_start, start - 5):start], regex.IGNORECASE) \
            and not _search(r"(?<![\w])(?:of|among|all)\s+the\s+$", text[max(s_start, start - 12):start], regex.IGNORECASE):
        return None, used
    part = _partitive_item(text, drafts, start, s_start)
    if part:
        d.kind, d.item = "count", part
        return d, used
    item, item_end = _counted_noun(text, end, s_end, spelled=n.is_word)
    of = _match(r"\s+of\s+(?:the\s+)?", text[end:s_end])
    if item is None and of and i + used < len(numbers):
        nxt = numbers[i + used]
        if nxt.start == end + of.end():
            item2, _ = _counted_noun(text, nxt.end, s_end)
            if item2:
                d.kind, d.item = "count", item2
                return _with_rate(text, d, s_end), used
    if item is not None:
        d.kind, d.item, d.end = "count", item, item_end
        return _with_rate(text, d, s_end), used
    return _bare(text, d, n, s_start, s_end, drafts), used


def _partitive_item(text: str, drafts, start: int, s_start: int) -> str | None:
    """"Of the 40 industrial sectors (surveyed), 30 saw ...": the count after the clause
    counts the clause's noun."""
    prev = drafts[-1] if drafts else None
    if prev is None or prev.kind != "count" or prev.start < s_start or not prev.item:
        return None
    if not _fullmatch(r"(?:\s+[a-z]+ed)?\s*,\s*", text[prev.end:start]):
        return None
    if not _search(r"(?<![\w])(?:of|among)\s+(?:the|these|those|its|their|all)\s+$", text[max(s_start, prev.start - 12):prev.start],
                        regex.IGNORECASE):
        return None
    return prev.item


def _r(x: float) -> float:
    return float(f"{x:.12g}")


@lru_cache(maxsize=1)
def _of_noun_rate() -> regex.Pattern:
    word = r"(?!(?:and|or|but|while|which|that|the|a|an|in|to|for|with)\b)[a-z][\w-]*"
    return regex.compile(rf"\s+of\s+(?:{word}\s+){{0,2}}?{word}" + lexicon().rate.pattern
                         + r"(?!\s+(?:later|ago|earlier|before|after))", regex.IGNORECASE)


def _rate_after_of(text: str, pos: int, s_end: int) -> str | None:
    """The rate of "50,000 liters of milk a day": a rate word right after the "of" noun."""
    m = _of_noun_rate().match(text, pos, s_end)
    return lexicon().rate_codes[" ".join(m.group("r").lower().split())] if m else None


def _with_rate(text: str, d: _Draft, s_end: int) -> _Draft:
    lex = lexicon()
    r = lex.rate.match(text, d.end, s_end)
    if r:
        d.per = lex.rate_codes[" ".join(r.group("r").lower().split())]
    return d


def _counted_noun(text: str, pos: int, s_end: int, spelled: bool = False) -> tuple[str | None, int]:
    """The counted noun phrase after a number ("frontline workers"), or None."""
    c = lexicon().counts
    words = []
    head_at = None
    end = pos
    skip_to = pos
    for m in _WORD.finditer(text, pos, min(s_end, pos + 90)):
        if m.start() < skip_to:
            continue
        w = m.group()
        if w[0].isdigit() and len(w) > 1 and head_at is None:
            words.append(w)  # "1,200 5G base stations"
            continue
        if not w[0].isalpha():
            if w in "-" and words:
                continue
            acr = _ACRONYM.match(text, m.start()) if w == "(" and words and head_at is None else None
            if acr:
                skip_to = acr.end()  # "new energy vehicle (NEV) supply chain projects"
                continue
            break
        lw = w.lower()
        if head_at is None:
            if lw in c["not_count_heads"] and not (lw == "and" and words):
                break
            if lw == "and" and words:
                words.append(w)  # "science and technology projects"
                continue
            if not words and (lw in c["time_nouns"] or lw.rstrip("s") in c["time_nouns"]):
                return None, pos
            if not words and w[0].isupper() and spelled:
                return None, pos  # "Three New and One Specialty Industries": a name
            words.append(w)
            if _is_plural(w) or lw in c["singular_counts"]:
                if lw in c["time_nouns"] or lw in c["not_count_heads"] or (spelled and lw in c["abstract_heads"]):
                    return None, pos
                head_at = len(words)
                end = m.end()
                continue
            if sum(1 for x in words if x.lower() != "and") >= 6:
                return None, pos
        else:
            # "countries and regions", "provinces and cities"
            if lw == "and":
                words.append(w)
                continue
            if words[-1].lower() == "and" and _is_plural(w):
                words.append(w)
                head_at = len(words)
                end = m.end()
                continue
            break
    if head_at is None:
        return None, pos
    phrase = words[:head_at]
    if phrase and phrase[-1].lower() == "and":
        phrase = phrase[:-1]
    return " ".join(phrase).lower(), end


def _bare(text, d: _Draft, n: Number, s_start: int, s_end: int, drafts) -> _Draft | None:
    """A number with nothing after it: a count of the noun in force, a population, money
    of a money-like metric, or nothing."""
    lex = lexicon()
    before = text[max(s_start, d.start - 60):d.start]
    after = text[d.end:s_end]
    r = lex.rate.match(text, d.end, s_end)
    if r and n.has_scale:
        d.kind, d.per = "count", lex.rate_codes[" ".join(r.group("r").lower().split())]
        return d
    if lex.population_before.search(before):
        d.kind, d.item = "count", "people"
        return d
    prev = _figure_in_force(drafts, s_start)
    if prev is not None and prev.kind == "count" and prev.item and lex.bare_follower.match(text, d.end, s_end) \
            and not n.is_word and not lex.money_metric.search(text, prev.end, d.start):
        # "received 1.92 million visits, while Haikou received 1.37 million"; "bringing the total to 300"
        d.kind, d.item = "count", prev.item
        return d
    label = lex.label_before.search(text, max(s_start, d.start - 40), d.start)
    if label and _is_plural(label.group("item")) and lex.bare_follower.match(text, d.end, s_end):
        d.kind, d.item = "count", label.group("item").lower()  # "Newly registered market entities: 486,000"
        return d
    num_of = lex.number_of.search(text, s_start, d.start)
    if num_of and not n.is_word and lex.bare_follower.match(text, d.end, s_end):
        d.kind, d.item = "count", num_of.group("item").lower()  # "The number of enterprises ... reached 5,036"
        return d
    if n.has_scale and lex.money_metric.search(text[s_start:d.start]) and not _match(r"\s*[\w(]", after[:2] or " "):
        d.kind, d.currency = "money", _currency_in_force(drafts)
        return d
    if n.has_scale and lex.money_metric.search(text[s_start:d.start]) and _match(r"\s*,", after):
        d.kind, d.currency = "money", _currency_in_force(drafts)
        return d
    item = _item_in_force(drafts, d.start)
    if lex.more_after.match(text, d.end, s_end) or lex.change_before.search(before):
        if item:
            d.kind, d.item = "count", item
            return d
    if _match(r"\s+(?:were|are|was|have been|had been)\s", after) and _search(
            r"(?:^|[,;:-]\s*|\bof\s+(?:which|them)\s+|\bamong\s+them,?\s+|\bincluding\s+)$", before, regex.IGNORECASE):
        if item:
            d.kind, d.item = "count", item
            return d
    return None


def _figure_in_force(drafts, s_start: int):
    """The last money/quantity/count figure of this sentence, or None."""
    for d in reversed(drafts):
        if d.start < s_start:
            return None
        if d.kind in ("money", "quantity", "count"):
            return d
    return None


def _currency_in_force(drafts) -> str:
    for d in reversed(drafts):
        if d.kind == "money" and d.currency:
            return d.currency
    return "CNY"


def _item_in_force(drafts, pos: int) -> str | None:
    """The noun counted most recently in this sentence or the one before."""
    for d in reversed(drafts):
        if d.kind == "count" and d.item and pos - d.end < 400:
            return d.item
    return None


_GLOSS = regex.compile(r"\s*,?\s*(?:or|i\.e\.|equivalent\s+to|equal\s+to)\s+(?:(?:about|around|approximately|roughly|nearly|some)\s+)?",
                       regex.IGNORECASE)


def _link_equivalents(text: str, drafts: list[_Draft]) -> None:
    """"10.13 billion yuan ($1.41 billion)": pair money with money, quantity with quantity."""
    for a, b in zip(drafts, drafts[1:]):
        if a.kind != b.kind or a.kind not in ("money", "quantity"):
            continue
        gap = text[a.end:b.start]
        if a.kind == "money" and a.currency != b.currency and _GLOSS.fullmatch(gap) \
                and not _match(r"\s*(?:each|respectively)\b", text[b.end:b.end + 14]):
            a.__dict__["equiv"] = (b.start, b.end)  # "780 million yuan, or about 108 million U.S. dollars"
            b.__dict__["equiv"] = (a.start, a.end)
            continue
        if _fullmatch(r"\s*[(\[]\s*(?:(?:about|around|approximately|approx\.?|roughly|or|nearly|some|equal\s+to|"
                           r"equivalent\s+to)\s+)?", gap, regex.IGNORECASE) and _match(r"\s*[)\]]", text[b.end:b.end + 3]):
            a.__dict__["equiv"] = (b.start, b.end)
            b.__dict__["equiv"] = (a.start, a.end)
            if a.kind == "quantity" and b.unit == "acre" and a.unit == "hectare" and a.value:
                ratio = b.value / a.value
                if abs(ratio / 2.4710538 - 1) > 0.05:
                    b.unit = "mu"  # "acres" glossing hectares at 15 to 1 (or garbled) is the Chinese mu
            if a.kind == "quantity" and b.unit and "acre" in b.unit and a.unit and "hectare" in a.unit:
                b.unit = b.unit.replace("acre", "mu")


_COORD = regex.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and|or)\s*")


def _carry_rates(out: list, text: str, starts) -> list:
    """A percent coordinated with a change ("grew 6.1% and 6.3% respectively") or naming its
    earlier rate ("grew 5.2 percent, up from 4.9 percent") is a change in the same direction."""
    lex = lexicon()
    prev = None
    for i, m in enumerate(out):
        if m.type != "percent":
            continue
        same = prev is not None and bisect.bisect_right(starts, prev.start) == bisect.bisect_right(starts, m.start)
        if same and prev.role == "change" and m.role == "share" and not _match(r"\s*of\b", text[m.end:m.end + 4]):
            coord = _COORD.fullmatch(text, prev.end, m.start)
            ref = lex.rate_reference.search(text, max(prev.end, m.start - 40), m.start)
            if coord or ref:
                out[i] = m = m.with_(role="change", direction=prev.direction, basis=m.basis or prev.basis)
        prev = m
    return out


def _finish(text: str, d: _Draft, bounds, starts, pct_ends: list[int]):
    """Turn a draft into its result object, with role/direction/basis for percents.

    pct_ends: the end offsets of all percent drafts, sorted, to find where the percent
    before this one ends (a bisection, not a pass over every draft for every percent)."""
    span = text[d.start:d.end]
    common = dict(start=d.start, end=d.end, text=span, value=d.value, low=d.low, high=d.high,
                  qualifier=d.qualifier, per=d.per)
    equiv = d.__dict__.get("equiv")
    if d.kind == "money":
        return MoneyAmount(**common, currency=d.currency or "CNY", equivalent=equiv)
    if d.kind == "quantity":
        try:
            base_value, base_unit = to_base(d.value, d.unit)
        except Exception:  # pint cannot convert (e.g. an unusual compound); keep the unit as written
            base_value, base_unit = None, None
        return Quantity(**common, unit=d.unit, base_value=base_value, base_unit=base_unit, equivalent=equiv)
    if d.kind == "count":
        return Count(**common, item=d.item)
    k = max(0, bisect.bisect_right(starts, d.start) - 1)
    s_start, s_end = bounds[k] if bounds else (0, len(text))
    # the last percent ending before this one starts, if it ends in this sentence
    j = bisect.bisect_right(pct_ends, d.start)
    prev_pct_end = pct_ends[j - 1] if j and pct_ends[j - 1] >= s_start else s_start
    role, direction, basis = percent_attributes(text, d.start, d.end, prev_pct_end, s_end, d.value)
    header = _column_header(text, d.start)
    if header is not None:
        # a cell under "Growth" / "YoY" / "Change" in a table written as text lines is a change
        kind = lexicon().cue_kind.get(header.lower())
        if kind in ("up", "down") or (_CHANGE_HEADER.search(header) and not _SHARE_HEADER.search(header)):
            if role == "share":
                role, direction = "change", ("down" if d.value < 0 or kind == "down" else "up")
            basis = basis or ("yoy" if _YOY_HEADER.search(header) else None)
    if d.value < 0:
        # "-5.1%" reads as "down 5.1 percent": the value is the magnitude, the sign is the direction
        common.update(value=-d.value, low=None if d.low is None else -d.low, high=None if d.high is None else -d.high)
        if common["low"] is not None and common["high"] is not None and common["low"] > common["high"]:
            common["low"], common["high"] = common["high"], common["low"]
    return Percent(**common, unit=d.pct_unit, role=role, direction=direction, basis=basis)


# column headers that make a table's percents changes, and those that make them shares
_CHANGE_HEADER = regex.compile(r"(?i)(?<![\w-])(?:y-?o-?y|year[\s-]on[\s-]year|change|growth|increase|rise)(?![\w-])")
_SHARE_HEADER = regex.compile(r"(?i)(?<![\w-])(?:share|proportion|ratio|of\s+total)(?![\w-])")
_YOY_HEADER = regex.compile(r"(?i)y-?o-?y|year[\s-]on[\s-]year")


def _column_header(text: str, pos: int) -> str | None:
    """The header of the table column holding `pos`, for tables written as lines of cells
    separated by "|" (the first line of the block is the header); None outside such a table."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if "|" not in text[line_start:line_end]:
        return None
    column = text.count("|", line_start, pos)
    top = line_start
    while top > 0:
        prev_start = text.rfind("\n", 0, top - 1) + 1
        if "|" not in text[prev_start:top - 1]:
            break
        top = prev_start
    if top == line_start:
        return None  # the first line is the header itself
    cells = text[top:text.find("\n", top)].split("|")
    return cells[column].strip() if column < len(cells) else None


def percent_attributes(text: str, start: int, end: int, window_start: int, s_end: int,
                       value: float) -> tuple[str, str | None, str | None]:
    """Role (change/share), direction and basis of the percent at text[start:end], from
    the cue words of its clause."""
    lex = lexicon()
    before = text[max(window_start, start - 120):start]
    after = text[end:min(s_end, end + 60)]
    basis = None
    near = [(abs(m.start() - (end - start - len(before))), m) for m in lex.basis.finditer(before + " " * (end - start) + after)]
    if near:
        best = min(near, key=lambda t: t[0])[1]
        basis = lex.basis_codes.get(" ".join(best.group("b").lower().split()))
    # cue right after: "13 percent growth", "1.5 percent higher", "10.6 percent year-on-year increase"
    post = _match(r"\s*(?:(?:year[\s-]on[\s-]year|month[\s-]on[\s-]month|quarter[\s-]on[\s-]quarter|y-o-y)\s+)?"
                       r"(?P<w>[a-z-]+(?:\s+[a-z]+)?)", after, regex.IGNORECASE)
    if post:
        for cand in (post.group("w").lower(), post.group("w").lower().split()[0]):
            kind = lex.cue_kind.get(cand)
            if kind in ("up", "down") and cand not in ("up", "down", "to") or cand in ("higher", "lower", "more", "less",
                                                                                       "up", "down"):
                kind = kind or ("up" if cand in ("higher", "more", "up") else "down")
                return "change", kind, basis
    if _match(r"\s*of\s+(?!growth|increase|decline)", after, regex.IGNORECASE) and not lex.change_before.search(before):
        return "share", None, None
    stripped = before.rstrip().lower()
    last = None
    for m in lex.cues.finditer(before):
        last = m
    if _search(r"(?:^|\s)(?:to|from|at)$", stripped) and not _search(r"(?:up|down)\s+to$", stripped):
        if not (last and last.end() >= len(before.rstrip()) - 3 and lex.cue_kind.get(last.group("cue").lower()) in
                ("up", "down") and stripped.endswith(("by",))):
            return "share", None, None
    if value < 0:
        return "change", "down", basis
    if last is not None:
        kind = lex.cue_kind.get(" ".join(last.group("cue").lower().split()))
        if kind in ("up", "down"):
            return "change", kind, basis
        return "share", None, None
    if basis:
        return "change", "up", basis
    return "share", None, None
