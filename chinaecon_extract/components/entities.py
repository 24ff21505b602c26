"""spaCy adapter for places, organizations and people (recognizers/places.py,
organizations.py, people.py; resolve/references.py)."""
from __future__ import annotations

from spacy.tokens import Doc


class EntityRecognizer:
    """Finds location / organization / person mentions.

    Reads: doc.text, sentences. Assigns: mentions in the store, spans in
    doc.spans[spans_key], and doc.ents only when annotate_ents is true.
    """

    def __init__(self, nlp=None, name: str = "chinaecon_entities", *, spans_key: str | None = "chinaecon",
                 annotate_ents: bool = False):
        self.name = name
        self.spans_key = spans_key
        self.annotate_ents = annotate_ents

    def __call__(self, doc: Doc) -> Doc:
        return doc
