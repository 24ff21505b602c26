"""spaCy adapter for fact linking (facts/linking.py)."""
from __future__ import annotations

from spacy.tokens import Doc


class FactLinker:
    """Links each figure to its metric, change, period, place and organization.

    Reads: every mention in the store, sentences. Assigns: doc._.facts.
    """

    def __init__(self, nlp=None, name: str = "chinaecon_facts"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc
