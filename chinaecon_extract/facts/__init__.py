"""Fact linking: figures to their metric, change, period, place and organization."""
