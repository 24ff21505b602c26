"""Every spaCy factory the library registers (also exposed through the
`spacy_factories` entry point, so `nlp.add_pipe("chinaecon_figures")` works in any
pipeline once the package is installed)."""
from __future__ import annotations

from spacy.language import Language

from ..extensions import set_extensions
from .entities import EntityRecognizer
from .facts import FactLinker
from .figures import FigureRecognizer
from .periods import PeriodRecognizer
from .sentences import SentenceSplitter

set_extensions()

SPANS_KEY = "chinaecon"


@Language.factory("chinaecon_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str):
    return SentenceSplitter(nlp, name)


@Language.factory("chinaecon_figures", assigns=["doc.spans"], default_config={"spans_key": SPANS_KEY})
def make_figures(nlp: Language, name: str, spans_key: str | None):
    return FigureRecognizer(nlp, name, spans_key=spans_key)


@Language.factory("chinaecon_periods", assigns=["doc.spans"], default_config={"spans_key": SPANS_KEY})
def make_periods(nlp: Language, name: str, spans_key: str | None):
    return PeriodRecognizer(nlp, name, spans_key=spans_key)


@Language.factory("chinaecon_entities", assigns=["doc.spans", "doc.ents"],
                  default_config={"spans_key": SPANS_KEY, "annotate_ents": False})
def make_entities(nlp: Language, name: str, spans_key: str | None, annotate_ents: bool):
    return EntityRecognizer(nlp, name, spans_key=spans_key, annotate_ents=annotate_ents)


@Language.factory("chinaecon_facts", assigns=["doc._.facts"])
def make_facts(nlp: Language, name: str):
    return FactLinker(nlp, name)
