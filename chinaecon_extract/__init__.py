"""chinaecon_extract: structured, normalized facts from English-language Chinese economic news.

    >>> import chinaecon_extract
    >>> result = chinaecon_extract.extract("Retail sales rose 4.5 percent year-on-year.")
    >>> [m.text for m in result.mentions]
    ['4.5 percent']
"""
from __future__ import annotations

from .api import extract, extract_many
from .results import (ArticleResult, Count, Fact, Mention, MoneyAmount, Organization, Percent, Period,
                      PeriodMention, Person, Place, Quantity, Reference)
from .units import ureg

__version__ = "0.1.0"


def __getattr__(name: str):
    # load() builds a spaCy pipeline; importing spaCy only when it is asked for keeps
    # `import chinaecon_extract; extract(...)` free of spaCy's start-up cost
    if name == "load":
        from .pipeline import load
        return load
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["extract", "extract_many", "load", "ureg", "ArticleResult", "Mention", "MoneyAmount", "Quantity",
           "Count", "Percent", "Period", "PeriodMention", "Place", "Organization", "Person", "Reference", "Fact",
           "__version__"]
