"""load(): the library's spaCy pipeline on spacy.blank("en"); no model is downloaded."""
from __future__ import annotations

import spacy
from spacy.language import Language

from .components import factories  # noqa: F401  (registers the factories)

COMPONENTS = ("chinaecon_sentences", "chinaecon_figures", "chinaecon_periods",
              "chinaecon_entities", "chinaecon_facts")


def load(*, spans_key: str | None = factories.SPANS_KEY, annotate_ents: bool = False) -> Language:
    """A blank English pipeline with every chinaecon component, in order.

    spans_key (str | None): where mentions go in doc.spans (None: only the store).
    annotate_ents (bool): also write places/organizations/people to doc.ents.
    """
    nlp = spacy.blank("en")
    nlp.add_pipe("chinaecon_sentences")
    nlp.add_pipe("chinaecon_figures", config={"spans_key": spans_key})
    nlp.add_pipe("chinaecon_periods", config={"spans_key": spans_key})
    nlp.add_pipe("chinaecon_entities", config={"spans_key": spans_key, "annotate_ents": annotate_ents})
    nlp.add_pipe("chinaecon_facts")
    return nlp
