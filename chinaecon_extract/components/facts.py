"""spaCy adapter for fact linking (facts/linking.py)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..facts.linking import link_facts
from .store import get_mentions, normalized, sentences, set_facts, store


class FactLinker:
    """Links each figure to its metric, change, period, place and organization.

    Reads: every mention in the store, sentences, the publication date. Assigns: the
    store's facts, read back through doc._.facts.
    """

    def __init__(self, nlp=None, name: str = "chinaecon_facts"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        st = store(doc)
        published = st.get("published") or st.get("published_inferred")
        set_facts(doc, link_facts(normalized(doc), sentences(doc), get_mentions(doc), published))
        return doc
