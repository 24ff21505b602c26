"""spaCy adapter for the genre's sentence boundaries (sentences.py)."""
from __future__ import annotations

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from ..sentences import sentence_spans
from .store import doc_text

__all__ = ["SentenceSplitter", "sentence_spans"]


class SentenceSplitter:
    """Sets Token.is_sent_start from sentence_spans(); assigns token.is_sent_start."""

    def __init__(self, nlp=None, name: str = "chinaecon_sentences"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        spans = sentence_spans(doc_text(doc))
        idx = doc.to_array(IDX).astype("int64")
        flags = numpy.where(numpy.isin(idx, numpy.fromiter((s for s, _ in spans), dtype="int64")), 1, -1)
        flags[0] = 1
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
        return doc
