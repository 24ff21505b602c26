"""Frozen result types: what the library returns, named for the domain.

Every result holds character offsets into the text passed in (never spaCy spans or
registry objects), so results pickle, compare and serialize without a pipeline.
`to_dict()` gives the JSON shape described in docs/schema.md (a superset of the
evaluation contract); `from_dict()` reads it back.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar

QUALIFIERS = ("approx", "over", "under", "at_least", "at_most")
PERCENT_UNITS = ("percent", "percentage_point")
ROLES = ("change", "share")
DIRECTIONS = ("up", "down")
BASES = ("yoy", "mom", "qoq")
GRANULARITIES = ("day", "month", "quarter", "half", "year", "multi_month", "multi_year")
LEVELS = ("country", "province", "prefecture", "county", "district", "new_area", "zone", "other")


def _check(value, allowed, what):
    if value is not None and value not in allowed:
        raise ValueError(f"{what} must be one of {allowed} or None, got {value!r}")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the article that the library recognized.

    start, end (int): character offsets into the original text; text == source[start:end].
    text (str): the surface string.
    """

    type: ClassVar[str] = "mention"
    start: int
    end: int
    text: str

    def __post_init__(self):
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad offsets {self.start}..{self.end} for {self.text!r}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"text {self.text!r} does not span {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, Period):
                v = v.to_dict()
            elif isinstance(v, tuple):
                v = list(v)
            out[f.name] = v
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Mention":
        kind = MENTION_TYPES[d["type"]]
        kw = {}
        for f in fields(kind):
            if f.name not in d:
                continue
            v = d[f.name]
            if f.name == "period" and isinstance(v, dict):
                v = Period.from_dict(v)
            elif isinstance(v, list):
                v = tuple(v)
            kw[f.name] = v
        return kind(**kw)

    def with_(self, **changes) -> "Mention":
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Figure(Mention):
    """A number with what it counts or measures.

    value (float): the number with its scale applied ("1.2 billion" -> 1.2e9); for a
        range, its lower end.
    low, high (float | None): the ends of a range ("5 to 6 percent").
    qualifier (str | None): approx / over / under / at_least / at_most, from words
        outside the span ("more than", "about").
    per (str | None): the time unit of a rate ("2m cans a day" -> "day").
    """

    value: float = 0.0
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    per: str | None = None

    def __post_init__(self):
        Mention.__post_init__(self)
        _check(self.qualifier, QUALIFIERS, "qualifier")


@dataclass(frozen=True, slots=True)
class MoneyAmount(Figure):
    """An amount of currency. currency is an ISO 4217 code; equivalent holds the
    (start, end) of the conversion given beside it ("10.13 billion yuan ($1.41 billion)")."""

    type: ClassVar[str] = "money"
    currency: str = "CNY"
    equivalent: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Quantity(Figure):
    """A physical or economic measure. unit is a name chinaecon_extract.ureg parses;
    base_value/base_unit give the same amount in the registry's base units."""

    type: ClassVar[str] = "quantity"
    unit: str = ""
    base_value: float | None = None
    base_unit: str | None = None
    equivalent: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Count(Figure):
    """A number of discrete things; item is the counted noun phrase, lower case."""

    type: ClassVar[str] = "count"
    item: str = ""


@dataclass(frozen=True, slots=True)
class Percent(Figure):
    """A percentage or percentage-point figure.

    role: "change" (growth vs an earlier value) or "share" (proportion, rate, completion).
    direction: "up" / "down" for changes. basis: "yoy" / "mom" / "qoq" when stated.
    """

    type: ClassVar[str] = "percent"
    unit: str = "percent"
    role: str = "share"
    direction: str | None = None
    basis: str | None = None

    def __post_init__(self):
        Figure.__post_init__(self)
        _check(self.unit, PERCENT_UNITS, "unit")
        _check(self.role, ROLES, "role")
        _check(self.direction, DIRECTIONS, "direction")
        _check(self.basis, BASES, "basis")


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved interval of days, inclusive at both ends (ISO dates), or an
    unresolved one (start/end None) with the reason in `note`.

    how: "explicit" (the text names the year), "context" (the year in force in the
    article), "published" (relative to the publication date), or "unresolved".
    """

    start: str | None
    end: str | None
    granularity: str | None = None
    how: str = "explicit"
    note: str | None = None

    def __post_init__(self):
        _check(self.granularity, GRANULARITIES, "granularity")
        if (self.start is None) != (self.end is None):
            raise ValueError(f"period needs both start and end or neither: {self.start}..{self.end}")
        if self.start is not None and self.start > self.end:
            raise ValueError(f"period starts after it ends: {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "granularity": self.granularity,
                "how": self.how, "note": self.note}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Period":
        return cls(d.get("start"), d.get("end"), d.get("granularity"), d.get("how", "explicit"), d.get("note"))


@dataclass(frozen=True, slots=True)
class PeriodMention(Mention):
    """A date or period in the text with its resolved interval."""

    type: ClassVar[str] = "period"
    period: Period | None = None


@dataclass(frozen=True, slots=True)
class Place(Mention):
    """A named place. name is the canonical English name without the level word;
    parent the province (or prefecture for a county); code the division code."""

    type: ClassVar[str] = "location"
    name: str = ""
    level: str = "other"
    parent: str | None = None
    code: str | None = None
    reference: bool = False

    def __post_init__(self):
        Mention.__post_init__(self)
        _check(self.level, LEVELS, "level")


@dataclass(frozen=True, slots=True)
class Organization(Mention):
    """A company, government body, institution or media outlet. kind: company /
    government / media / institution / other."""

    type: ClassVar[str] = "organization"
    name: str = ""
    kind: str = "other"
    reference: bool = False


@dataclass(frozen=True, slots=True)
class Person(Mention):
    """A named person, with the title and organization the text gives."""

    type: ClassVar[str] = "person"
    name: str = ""
    title: str | None = None
    organization: str | None = None


@dataclass(frozen=True, slots=True)
class Reference(Mention):
    """An anaphoric phrase ("the city", "the company") and the entity it resolves to.

    kind: "location" or "organization"; name/level: the resolved entity (None if unresolved).
    """

    type: ClassVar[str] = "reference"
    kind: str = "location"
    name: str | None = None
    level: str | None = None


MENTION_TYPES: dict[str, type[Mention]] = {
    k.type: k for k in (MoneyAmount, Quantity, Count, Percent, PeriodMention, Place, Organization, Person,
                        Reference)
}


@dataclass(frozen=True, slots=True)
class Fact:
    """One reported figure with what it describes.

    value / change / value_alt: offsets (start, end) of the figure, its percent change
    and a converted amount; to_dict() turns them into mention ids.
    """

    value: tuple[int, int] | None
    change: tuple[int, int] | None = None
    value_alt: tuple[int, int] | None = None
    metric: str | None = None
    indicator: str | None = None
    period: Period | None = None
    location: str | None = None
    location_level: str | None = None
    province: str | None = None
    organization: str | None = None
    rank: int | None = None
    sentence: tuple[int, int] | None = None

    def __post_init__(self):
        if self.value is None and self.change is None:
            raise ValueError("a fact needs a value or a change")


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything extracted from one article."""

    text: str
    published: str | None
    mentions: tuple[Mention, ...] = ()
    facts: tuple[Fact, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=())

    def of_type(self, kind: str) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.type == kind)

    def to_dict(self) -> dict[str, Any]:
        by_span = {}
        for i, m in enumerate(self.mentions):
            by_span.setdefault((m.start, m.end), i)
        mentions = []
        for i, m in enumerate(self.mentions):
            d = m.to_dict()
            d["id"] = i
            if d.get("equivalent") is not None:
                d["equivalent"] = by_span.get(tuple(d["equivalent"]))
            mentions.append(d)
        facts = []
        for f in self.facts:
            facts.append({
                "value": by_span.get(f.value) if f.value else None,
                "change": by_span.get(f.change) if f.change else None,
                "value_alt": by_span.get(f.value_alt) if f.value_alt else None,
                "metric": f.metric,
                "indicator": f.indicator,
                "period": f.period.to_dict() if f.period else None,
                "location": ({"name": f.location, "level": f.location_level, "province": f.province}
                             if f.location else None),
                "organization": f.organization,
                "rank": f.rank,
                "sentence": list(f.sentence) if f.sentence else None,
            })
        return {"published": self.published, "mentions": mentions, "facts": facts,
                "sentences": [list(s) for s in self.sentences]}

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str = "") -> "ArticleResult":
        raw = d.get("mentions", [])
        spans = [(m["start"], m["end"]) for m in raw]
        mentions = tuple(Mention.from_dict({**m, "equivalent": spans[m["equivalent"]]}
                                           if isinstance(m.get("equivalent"), int) else m) for m in raw)
        facts = []
        for f in d.get("facts", []):
            loc = f.get("location") or {}
            facts.append(Fact(
                value=spans[f["value"]] if f.get("value") is not None else None,
                change=spans[f["change"]] if f.get("change") is not None else None,
                value_alt=spans[f["value_alt"]] if f.get("value_alt") is not None else None,
                metric=f.get("metric"), indicator=f.get("indicator"),
                period=Period.from_dict(f["period"]) if f.get("period") else None,
                location=loc.get("name"), location_level=loc.get("level"), province=loc.get("province"),
                organization=f.get("organization"), rank=f.get("rank"),
                sentence=tuple(f["sentence"]) if f.get("sentence") else None))
        return cls(text=text, published=d.get("published"), mentions=mentions, facts=tuple(facts),
                   sentences=tuple(tuple(s) for s in d.get("sentences", [])))
