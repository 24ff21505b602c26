"""Recognizers: pure functions from normalized text to mentions, one module per mention type."""
