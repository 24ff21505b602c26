"""The project's pint registry, `ureg`, and the map from English unit words to it.

pint's defaults plus data/units_en.txt (currencies on their own dimensions, mu, jin,
tce, TEU, head). Article words never reach pint directly: data/unit_surfaces.json
maps "tons" to metric_ton (pint's "ton" is the US short ton) and "mu" to mu_cn
(pint would read it as a micro- prefix).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pint

from .data import load_json
from .numbers import tidy


def _build_registry() -> pint.UnitRegistry:
    reg = pint.UnitRegistry(on_redefinition="raise", autoconvert_offset_to_baseunit=True)
    with resources.as_file(resources.files("chinaecon_extract.data").joinpath("units_en.txt")) as path:
        reg.load_definitions(str(path))
    return reg


ureg = _build_registry()


@lru_cache(maxsize=1)
def surfaces() -> dict[str, str]:
    """Lower-case surface form -> canonical unit name (a name `ureg` parses)."""
    out: dict[str, str] = {}
    for unit, rec in load_json("unit_surfaces.json").items():
        for s in rec.get("surfaces", []) + rec.get("symbols", []):
            key = s if s in rec.get("symbols", []) and rec.get("case_sensitive") else s.lower()
            if key in out and out[key] != unit:
                raise ValueError(f"unit surface {s!r} maps to both {out[key]} and {unit}")
            out[key] = unit
    return out


@lru_cache(maxsize=1)
def unit_kinds() -> dict[str, str]:
    """Canonical unit name -> kind (mass, energy, area, power, ...)."""
    return {unit: rec.get("kind", "") for unit, rec in load_json("unit_surfaces.json").items()}


@lru_cache(maxsize=1)
def _convert_as() -> dict[str, str]:
    return {unit: rec["convert_as"] for unit, rec in load_json("unit_surfaces.json").items()
            if isinstance(rec, dict) and "convert_as" in rec}


def to_base(value: float, unit: str) -> tuple[float, str]:
    """`value unit` in the registry's base units, e.g. (1.5, "metric_ton") -> (1500.0, "kilogram");
    a barrel is an oil barrel (unit_surfaces.json "convert_as")."""
    factor, base = _base_factor(unit)
    return tidy(value * factor), base


@lru_cache(maxsize=1024)
def _base_factor(unit: str) -> tuple[float, str]:
    """What one `unit` is in base units, and their name: pint is asked once per unit, not once
    per figure (a conversion through pint costs tens of microseconds; every unit here is a
    plain multiple of its base, so the value scales)."""
    q = ureg.Quantity(1.0, _convert_as().get(unit, unit)).to_base_units()
    return q.magnitude, str(q.units)


@lru_cache(maxsize=1)
def currencies() -> dict[str, dict]:
    """ISO code -> {"surfaces": [...], "symbols": [...]} from data/currencies.json."""
    return load_json("currencies.json")
