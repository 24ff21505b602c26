"""spaCy adapter for places, organizations and people (recognizers/places.py,
organizations.py, people.py; resolve/references.py)."""
from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.util import filter_spans

from ..gazetteer import load as load_gazetteer
from ..recognizers.organizations import find_organizations, org_lexicon
from ..recognizers.people import find_people, vocab
from ..recognizers.places import Tokens, find_places, lexicon
from ..results import Organization
from ..resolve.references import find_references
from .store import add_mentions, doc_text, normalized

SOURCE_CUE = re.compile(r"according to (?:the )?\Z", re.I)
PERSON_OF = re.compile(r",\s*(?:(?:an?|the)\s+)?[\w\s-]*?\b(?:of|with|at|from)\s+")
ENT_LABELS = {"location": "GPE", "organization": "ORG", "person": "PERSON"}


def recognize(text: str):
    """Organizations, places, people and references in the normalized text (pure function)."""
    toks = Tokens.of(text)
    orgs = list(find_organizations(text, tokens=toks))
    people = list(find_people(text, tokens=toks, organizations=orgs))
    blocked = [(o.start, o.end) for o in orgs] + [(p.start, p.end) for p in people]
    places = []
    for p in find_places(text, tokens=toks, blocked=blocked):
        if p.level == "zone" and SOURCE_CUE.search(text, max(0, p.start - 20), p.start):
            # "according to the X Logistics Park": the park's management speaks, an organization
            orgs.append(Organization(p.start, p.end, p.text, name=p.text, kind="institution"))
        else:
            places.append(p)
    orgs.sort(key=lambda o: o.start)
    refs = list(find_references(text, places + orgs))
    people = [_person_org(p, refs, text) for p in people]
    return places, orgs, people, refs


def entity_mentions(norm: str, original: str) -> list:
    """Places, organizations (named as written in `original`), people and references, in text order."""
    places, orgs, people, refs = recognize(norm)
    orgs = [o.with_(name=original[o.start:o.end]) for o in orgs]
    return sorted(places + orgs + people + refs, key=lambda m: (m.start, -m.end))


def _person_org(person, refs, text):
    """"Xu Xiaoqiang, an official with the park": the organization is the reference's entity."""
    if person.organization or not person.title:
        return person
    for r in refs:
        if r.name and 0 <= r.start - person.end <= 80 and PERSON_OF.fullmatch(text, person.end, r.start):
            return person.with_(organization=r.name)
    return person


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
