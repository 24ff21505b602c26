"""spaCy adapter for money, quantity, count and percent recognition."""
from __future__ import annotations

from spacy.tokens import Doc

from ..recognizers.figures import find_figures
from .store import add_mentions, normalized, sentences


class FigureRecognizer:
    """Finds money / quantity / count / percent mentions.

    Reads: doc.text, sentence boundaries. Assigns: mentions in the chinaecon store,
    spans in doc.spans[spans_key].
    """

    def __init__(self, nlp=None, name: str = "chinaecon_figures", *, spans_key: str | None = "chinaecon"):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        add_mentions(doc, find_figures(normalized(doc), sentences(doc)), self.spans_key)
        return doc
