"""Money, quantities, counts and percents (placeholder until the recognizer lands)."""
from __future__ import annotations


def find_figures(text, sentences):
    return []
