"""spaCy adapter for dates and periods (recognizers/periods.py + resolve/periods.py)."""
from __future__ import annotations

from spacy.tokens import Doc


class PeriodRecognizer:
    """Finds period mentions and resolves them against doc._.published and context.

    Reads: doc.text, sentences, doc._.published. Assigns: period mentions in the store.
    """

    def __init__(self, nlp=None, name: str = "chinaecon_periods", *, spans_key: str | None = "chinaecon"):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        return doc
