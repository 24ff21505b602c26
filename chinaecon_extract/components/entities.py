"""spaCy adapter for places, organizations, people and references (recognizers/entities.py)."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.util import filter_spans

from ..gazetteer import load as load_gazetteer
from ..recognizers.entities import entity_mentions, recognize
from ..recognizers.organizations import org_lexicon
from ..recognizers.people import vocab
from ..recognizers.places import lexicon
from .store import add_mentions, doc_text, normalized

__all__ = ["EntityRecognizer", "entity_mentions", "recognize"]
ENT_LABELS = {"location": "GPE", "organization": "ORG", "person": "PERSON"}


class EntityRecognizer:
    """Finds location / organization / person mentions and resolves "the city"-style references.

    Reads: doc.text. Assigns: mentions in the store, spans in doc.spans[spans_key], and
    doc.ents only when annotate_ents is true (existing ents are kept; overlaps resolved by
    spacy.util.filter_spans, longest first).
    """

    def __init__(self, nlp=None, name: str = "chinaecon_entities", *, spans_key: str | None = "chinaecon",
                 annotate_ents: bool = False):
        self.name = name
        self.spans_key = spans_key
        self.annotate_ents = annotate_ents
        # build every lexicon now, so the first document pays nothing
        load_gazetteer()
        lexicon()
        org_lexicon()
        vocab()

    def __call__(self, doc: Doc) -> Doc:
        mentions = entity_mentions(normalized(doc), doc_text(doc))
        add_mentions(doc, mentions, self.spans_key)
        if self.annotate_ents:
            spans = []
            for m in mentions:
                if m.type not in ENT_LABELS:
                    continue
                span = doc.char_span(m.start, m.end, label=ENT_LABELS[m.type], alignment_mode="expand")
                if span is not None:
                    spans.append(span)
            doc.ents = filter_spans(list(doc.ents) + spans)
        return doc
