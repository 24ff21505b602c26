"""The library's one-call API: extract() for one article, extract_many() for a stream.

extract() runs the steps of article.py straight on the string; extract_many() streams
through the spaCy pipeline that load() builds (once per process, cached here), whose
components call the same steps, so both give the same result.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, Iterable, Iterator

from typing import TYPE_CHECKING

from .article import analyze
from .errors import Errors
from .results import ArticleResult, Fact, Period

if TYPE_CHECKING:  # spaCy is imported only when a pipeline is used: extract() never needs it
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def _nlp():
    from .pipeline import load
    return load()


def _published(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise ValueError(Errors.E002.format(value=value))


def _make_doc(nlp, text: str, published) -> Doc:
    from .components.store import store
    if not isinstance(text, str):
        raise TypeError(Errors.E001.format(type=type(text).__name__))
    doc = nlp.make_doc(text)
    store(doc)["published"] = _published(published)
    return doc


def facts_from_store(records: list) -> tuple[Fact, ...]:
    """Facts from a document store (objects, or dicts from an older serialization)."""
    out = []
    for r in records:
        if isinstance(r, Fact):
            out.append(r)
            continue
        r = dict(r)
        for k in ("value", "change", "value_alt", "sentence"):
            if r.get(k) is not None:
                r[k] = tuple(r[k])
        if isinstance(r.get("period"), dict):
            r["period"] = Period.from_dict(r["period"])
        out.append(Fact(**r))
    return tuple(out)


def result_from_doc(doc: Doc) -> ArticleResult:
    """The ArticleResult of a processed Doc."""
    from .components.store import doc_text, get_mentions, sentences, store
    st = store(doc)
    return ArticleResult(text=doc_text(doc), published=st.get("published") or st.get("published_inferred"),
                         mentions=tuple(get_mentions(doc)),
                         facts=facts_from_store(st["facts"]), sentences=tuple(sentences(doc)))


def extract(text: str, published: str | dt.date | None = None) -> ArticleResult:
    """Every figure, period, entity and fact in one article.

    text (str): the article body as plain text; offsets in the result index it.
    published (str | date | None): the publication date, ISO "YYYY-MM-DD"; periods
        such as "last year" resolve against it. None: a dateline in the text, if any.
    RETURNS (ArticleResult): call .to_dict() for JSON.
    """
    if not isinstance(text, str):
        raise TypeError(Errors.E001.format(type=type(text).__name__))
    return analyze(text, _published(published))


def extract_many(texts: Iterable[str | tuple[str, Any]], *, published=None, n_process: int = 1,
                 batch_size: int = 32) -> Iterator[ArticleResult]:
    """extract() over a stream. Items are texts or (text, published) pairs; results come
    back in input order. With n_process > 1 the texts go through the spaCy pipeline's
    nlp.pipe (same results, spread over processes)."""
    pairs = (item if isinstance(item, tuple) else (item, published) for item in texts)
    if n_process == 1:
        for text, pub in pairs:
            yield extract(text, pub)
        return
    nlp = _nlp()
    docs = (_make_doc(nlp, text, pub) for text, pub in pairs)
    for doc in nlp.pipe(docs, n_process=n_process, batch_size=batch_size):
        yield result_from_doc(doc)
