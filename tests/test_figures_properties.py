"""Hypothesis invariants for figures: offsets slice back and nothing raises on any text;
numbers rendered in every supported style parse back; units and currencies round-trip
through chinaecon_extract.ureg."""
from __future__ import annotations

import math

import pint
import pytest
from hypothesis import given, strategies as st

import chinaecon_extract as ce
from chinaecon_extract.data import load_json
from chinaecon_extract.numbers import parse_number
from chinaecon_extract.recognizers.figures import find_figures
from chinaecon_extract.text import normalize

GENRE = st.sampled_from(["10.13 billion yuan", "($1.41 billion)", "up 13.6 percent", "516,000 metric tons", " of ",
                         "RMB3.5bn", "2m cans a day", "between 120 and 150 mu", "5-6 percent", "No. 1", "2023",
                         "Dec. 29", "\u00a0", "\u2014", "１２３", "图片1.png", "(", ")", "-", "%", "\n", ", ", "."])
TEXT = st.lists(st.one_of(GENRE, st.text(max_size=12)), max_size=25).map("".join)


@given(TEXT)
def test_figures_property_offsets_slice_the_source_and_nothing_raises(text):
    result = ce.extract(text)
    for m in result.mentions:
        assert text[m.start:m.end] == m.text


@given(st.text(max_size=200))
def test_figures_property_arbitrary_unicode(text):
    norm = normalize(text)
    assert len(norm) == len(text)
    # the recognizer reads the normalized text (same length, so the same offsets); extract() slices the original
    for m in find_figures(norm, [(0, len(norm))]):
        assert norm[m.start:m.end] == m.text
    for m in ce.extract(text).mentions:
        assert text[m.start:m.end] == m.text


def _grouped(n: int) -> str:
    return f"{n:,}"


@given(st.integers(min_value=1, max_value=999_999), st.integers(min_value=0, max_value=9999))
def test_figures_property_number_styles_parse_back(whole, frac):
    value = whole + frac / 10_000                      # e.g. 1234.5678 (million)
    expect = value * 1e6
    renders = [f"{_grouped(whole)}.{frac:04d} million", f"{value / 1000:.10g} billion" if value >= 1000 else None,
               f"{value / 1000:.10g}bn" if value >= 1000 else None, f"{value:.10g}m", f"{value:.10g} mln"]
    for s in filter(None, renders):
        got = parse_number(s)
        assert got is not None and math.isclose(got, expect, rel_tol=1e-9), s
    plain = _grouped(whole)
    assert parse_number(plain) == whole
    full_width = normalize(str(whole).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"}))
    assert parse_number(full_width) == whole


@pytest.mark.parametrize("words,value", [("twelve", 12), ("a dozen", 12), ("half a million", 500_000),
                                         ("one-third", 1 / 3), ("tens of thousands", 10_000), ("125.635 billion", 125.635e9),
                                         ("1.62 million", 1.62e6), ("2m", 2e6), ("1.2bn", 1.2e9), ("10,000", 1e4),
                                         ("100 million", 1e8), ("twenty-five", 25), ("three hundred and twelve", 312)])
def test_figures_number_words(words, value):
    assert math.isclose(parse_number(words), value, rel_tol=1e-9)


UNITS = sorted(load_json("unit_surfaces.json"))
CURRENCIES = sorted(load_json("currencies.json"))


@pytest.mark.parametrize("unit", UNITS)
def test_figures_every_unit_surface_parses_in_ureg(unit):
    ce.ureg.Unit(unit)


@given(st.sampled_from(UNITS), st.floats(min_value=1e-3, max_value=1e12, allow_nan=False))
def test_figures_property_unit_base_round_trip(unit, v):
    q = ce.ureg.Quantity(v, unit)
    back = q.to_base_units().to(unit).magnitude
    assert math.isclose(back, v, rel_tol=1e-9)


def test_figures_tons_are_metric_and_mu_is_a_fifteenth_of_a_hectare():
    assert ce.ureg.Quantity(1, "metric_ton").to("kilogram").magnitude == 1000
    assert math.isclose(ce.ureg.Quantity(15, "mu").to("hectare").magnitude, 1.0)
    got = [m for m in ce.extract("It harvested 2 tons on 15 mu.").mentions]
    assert [(m.unit, m.base_value) for m in got] == [("metric_ton", 2000.0), ("mu", 10000.0)]


def test_figures_barrels_of_crude_are_oil_barrels():
    (m,) = ce.extract("Crude oil imports reached 2.1 million barrels.").mentions
    assert (m.unit, m.base_unit) == ("barrel", "meter ** 3")
    assert math.isclose(m.base_value, 2.1e6 * 0.158987294928)  # 42 US gallons each, not pint's 31.5


@given(st.sampled_from(CURRENCIES), st.sampled_from(CURRENCIES))
def test_figures_property_currencies_do_not_convert(a, b):
    if a == b:
        assert ce.ureg.Quantity(5, a).to(b).magnitude == 5
    else:
        with pytest.raises(pint.DimensionalityError):
            ce.ureg.Quantity(5, a).to(b)
