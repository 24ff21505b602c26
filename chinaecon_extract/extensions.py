"""Every `._` attribute the library registers, in one table.

Values are computed by getters from the per-document store (components/store.py), so
nothing but plain data is kept on the Doc and multiprocessing carries it unchanged.
Registration checks `has_extension` and never forces over someone else's attribute.
"""
from __future__ import annotations

import warnings
from dataclasses import asdict

import srsly
from spacy.tokens import Doc, Span

from .results import Fact, Mention, Period

from .components.store import store


def _doc_mentions(doc):
    from .components.store import get_mentions
    return tuple(get_mentions(doc))


def _doc_facts(doc):
    from .api import facts_from_store
    return facts_from_store(store(doc)["facts"])


def _get_published(doc):
    return store(doc).get("published")


def _set_published(doc, value):
    store(doc)["published"] = None if value is None else str(value)[:10]


def _span_mention(span):
    for m in _doc_mentions(span.doc):
        if m.start == span.start_char and m.end == span.end_char:
            return m
    return None


DOC_EXTENSIONS = {
    "mentions": {"getter": _doc_mentions},            # tuple[Mention, ...] in text order
    "facts": {"getter": _doc_facts},                  # tuple[Fact, ...]
    "published": {"getter": _get_published, "setter": _set_published},  # ISO date or None
}
SPAN_EXTENSIONS = {
    "mention": {"getter": _span_mention},             # the Mention whose offsets equal the span's
}


def set_extensions() -> None:
    """Register the attributes above; warn (once) instead of overwriting a foreign one."""
    for cls, table in ((Doc, DOC_EXTENSIONS), (Span, SPAN_EXTENSIONS)):
        for name, kw in table.items():
            if cls.has_extension(name):
                existing = cls.get_extension(name)
                if existing[2] is kw.get("getter"):
                    continue
                warnings.warn(f"[W001] {cls.__name__}._.{name} is already registered by another "
                              f"package; chinaecon_extract leaves it alone", stacklevel=2)
                continue
            cls.set_extension(name, **kw)


def _encode(obj, chain=None):
    """srsly msgpack encoder: result objects become tagged dicts."""
    if isinstance(obj, Mention):
        return {"__chinaecon__": "mention", "d": obj.to_dict()}
    if isinstance(obj, Fact):
        d = asdict(obj)
        return {"__chinaecon__": "fact", "d": d}
    if isinstance(obj, Period):
        return {"__chinaecon__": "period", "d": obj.to_dict()}
    return obj if chain is None else chain(obj)


def _decode(obj, chain=None):
    """srsly msgpack decoder: tagged dicts become result objects again."""
    tag = obj.get("__chinaecon__") if isinstance(obj, dict) else None
    if tag == "mention":
        return Mention.from_dict(obj["d"])
    if tag == "fact":
        from .api import facts_from_store
        return facts_from_store([obj["d"]])[0]
    if tag == "period":
        return Period.from_dict(obj["d"])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("chinaecon", func=_encode)
srsly.msgpack_decoders.register("chinaecon", func=_decode)
