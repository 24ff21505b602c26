"""Shared test fixtures: one loaded pipeline per session and a hypothesis profile."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("chinaecon", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("chinaecon")


@pytest.fixture(scope="session")
def nlp():
    """The library's full pipeline (spacy.blank("en") + chinaecon components), built once."""
    from chinaecon_extract.pipeline import load
    return load()
