"""One article start to finish as plain functions: normalize, split sentences, find figures,
periods and entities, link facts.

extract() runs these steps directly on the string, with no spaCy Doc (building one and
its spans was about a sixth of the time); the spaCy components call the same steps one
by one on a Doc, so both give the same result (tests/test_pipeline.py checks it).
"""
from __future__ import annotations

from typing import Iterable

from .facts.linking import link_facts
from .recognizers.entities import entity_mentions
from .recognizers.figures import find_figures
from .resolve.periods import inferred_published, resolve_text
from .results import ArticleResult, Mention
from .sentences import sentence_spans
from .text import normalize


def as_written(mentions: Iterable[Mention], original: str) -> Iterable[Mention]:
    """Each mention with its text taken from the original string (recognizers read the normalized one)."""
    for m in mentions:
        written = original[m.start:m.end]
        yield m if written == m.text else m.with_(text=written)


def analyze(text: str, published: str | None) -> ArticleResult:
    """Every figure, period, entity and fact of `text`; `published` is an ISO date or None
    (then a dateline heading the text, if any, stands in for it)."""
    norm = normalize(text)
    sentences = sentence_spans(text)
    found = find_figures(norm, sentences) + resolve_text(norm, published, sentences) + entity_mentions(norm, text)
    mentions = sorted(as_written(found, text), key=lambda m: (m.start, -m.end))
    if published is None:
        published = inferred_published(norm)
    facts = link_facts(norm, sentences, mentions, published)
    return ArticleResult(text=text, published=published, mentions=tuple(mentions), facts=tuple(facts),
                         sentences=tuple(sentences))
