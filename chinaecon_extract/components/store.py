"""The per-document store every chinaecon component reads and writes.

Results live in `doc.user_data["chinaecon"]` as the frozen result objects themselves;
extensions.py registers srsly msgpack codecs for them, so `Doc.to_bytes`, `DocBin` and
`nlp.pipe(n_process=2)` carry them, and no component pays for converting back and forth.
"""
from __future__ import annotations

import weakref
from typing import Any, Iterable

from spacy.tokens import Doc

from ..article import as_written
from ..results import Fact, Mention
from ..text import normalize

KEY = "chinaecon"


def store(doc: Doc) -> dict[str, Any]:
    """The document's store, created on first use."""
    st = doc.user_data.get(KEY)
    if st is None:
        st = {"published": None, "mentions": [], "facts": [], "sentences": None}
        doc.user_data[KEY] = st
    return st


_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """doc.text, built once per Doc (spaCy joins every token on each access)."""
    text = _TEXTS.get(doc)
    if text is None:  # a Doc's text never changes
        text = _TEXTS[doc] = doc.text
    return text


def normalized(doc: Doc) -> str:
    """The normalized text the recognizers read (same length as doc.text)."""
    return normalize(doc_text(doc))


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence (start, end) character offsets, from the doc's own sentence boundaries."""
    st = store(doc)
    if st.get("sentences") is None:
        if doc.has_annotation("SENT_START"):
            text = doc_text(doc)
            spans = []
            for s in doc.sents:
                a, b = s.start_char, s.end_char
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if b > a:
                    spans.append([a, b])
            st["sentences"] = spans or [[0, len(text)]]
        else:
            st["sentences"] = [[0, len(doc_text(doc))]]
    return [tuple(s) for s in st["sentences"]]


def add_mentions(doc: Doc, mentions: Iterable[Mention], spans_key: str | None = None) -> None:
    """Append recognized mentions (text taken from the original string) to the store
    and, when spans_key is set, to doc.spans[spans_key]."""
    st = store(doc)
    text = doc_text(doc)
    group = None
    if spans_key:
        if spans_key not in doc.spans:
            doc.spans[spans_key] = []
        group = doc.spans[spans_key]
    for m in as_written(mentions, text):
        st["mentions"].append(m)
        if group is not None:
            span = doc.char_span(m.start, m.end, label=m.type, alignment_mode="expand")
            if span is not None:
                group.append(span)


def get_mentions(doc: Doc, kinds: tuple[str, ...] | None = None) -> list[Mention]:
    """Mentions in the store, in text order, optionally only of the given types."""
    st = store(doc)
    # a list again after msgpack (DocBin, n_process) hands it back as a tuple
    st["mentions"] = ordered = sorted(st["mentions"], key=lambda m: (m.start, -m.end))
    if kinds is None:
        return list(ordered)
    return [m for m in ordered if m.type in kinds]


def set_facts(doc: Doc, facts: Iterable[Fact]) -> None:
    store(doc)["facts"] = list(facts)
