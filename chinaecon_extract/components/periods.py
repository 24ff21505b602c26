"""spaCy adapter for dates and periods (recognizers/periods.py + resolve/periods.py)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..resolve.periods import inferred_published, resolve_text
from .store import add_mentions, normalized, sentences, store


class PeriodRecognizer:
    """Finds period mentions and resolves them against the publication date and context.

    Reads: doc.text, sentences, store(doc)["published"]. Assigns: period mentions in the
    store (and doc.spans[spans_key]); store(doc)["published_inferred"] when no date was
    given and a full dateline heads the text.
    """

    def __init__(self, nlp=None, name: str = "chinaecon_periods", *, spans_key: str | None = "chinaecon"):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        text = normalized(doc)
        st = store(doc)
        published = st.get("published")
        if published is None:
            st["published_inferred"] = inferred_published(text)
        add_mentions(doc, resolve_text(text, published, sentences(doc)), self.spans_key)
        return doc
