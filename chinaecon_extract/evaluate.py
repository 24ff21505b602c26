"""Scores against gold-annotated articles: per-type span and strict precision/recall/F1,
and fact-link accuracy.

The definitions are the shared evaluation's (/work/shared/eval/score.py, CONTRACT.md),
implemented here so the project can score itself from the command line
(`chinaecon-extract evaluate DIR`) and tests can check that both agree:

- a gold mention (located by its text and occurrence) matches a predicted one of the same
  type when the spans overlap; pairs are chosen greedily by largest overlap, one to one;
- span P/R/F1 counts matches; strict P/R/F1 counts matches whose normalized value is right
  (money: currency and value; quantity: the same amount through the unit registry; count:
  value; percent: value, unit and, for changes, direction; period: start and end;
  location: canonical name; organization: the span);
- a gold fact is found when an unused predicted fact's value (or change, for change-only
  facts) overlaps the gold anchor; its change, period and location links are then checked.
"""
from __future__ import annotations

import json
import math
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .io.readers import parse_header

MENTION_TYPES = ("money", "quantity", "count", "percent", "period", "location", "organization")
_LEVEL_WORDS = re.compile(r"\b(province|city|county|district|autonomous region|municipality|prefecture)\b")


def _norm_name(s: str | None) -> str:
    if not s:
        return ""
    s = _LEVEL_WORDS.sub("", s.lower().replace("’", "'"))
    return re.sub(r"[^a-z0-9]+", "", s)


def _close(a, b, rel: float = 1e-6) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def _find(text: str, needle: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The span of the occurrence-th (1-based) appearance of needle, overlaps allowed."""
    pos = -1
    for _ in range(max(occurrence, 1)):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(needle)


def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class _Units:
    def __init__(self):
        from .units import ureg
        self.ureg = ureg

    def same(self, gv, gu, pv, pu) -> bool:
        if gu == pu or _norm_name(gu) == _norm_name(pu):
            return _close(gv, pv)
        try:
            g = self.ureg.Quantity(float(gv), gu)
            p = self.ureg.Quantity(float(pv), pu)
            return _close(g.to(p.units).magnitude, p.magnitude, rel=1e-4)
        except Exception:
            return False


def _value_right(g: dict, p: dict, units: _Units) -> bool:
    kind = g["type"]
    if kind == "money":
        return str(p.get("currency", "")).upper() == g["currency"].upper() and _close(p.get("value"), g["value"])
    if kind == "quantity":
        return units.same(g["value"], g["unit"], p.get("value"), p.get("unit"))
    if kind == "count":
        return _close(p.get("value"), g["value"])
    if kind == "percent":
        if not _close(p.get("value"), g["value"]) or (p.get("unit") or "percent") != g.get("unit", "percent"):
            return False
        if g.get("role") == "change" and g.get("direction"):
            return p.get("direction") == g["direction"]
        return True
    if kind == "period":
        per = p.get("period") or {}
        return per.get("start") == g["start"] and per.get("end") == g["end"]
    if kind == "location":
        return _norm_name(p.get("name") or p.get("text")) == _norm_name(g["name"])
    return True


def _pair(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """gold index -> pred index: same type, greedily by largest overlap, one to one."""
    cands = sorted(((_overlap(g["span"], p["span"]), gi, pi)
                    for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                    if p["type"] == g["type"] and _overlap(g["span"], p["span"]) > 0), reverse=True)
    out, used = {}, set()
    for _, gi, pi in cands:
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


@dataclass
class _Tally:
    mentions: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    facts: dict = field(default_factory=lambda: defaultdict(int))
    errors: list = field(default_factory=list)


def _score_mentions(name, gold, pred, units, tally):
    pairs = _pair(gold, pred)
    for gi, g in enumerate(gold):
        c = tally.mentions[g["type"]]
        c["gold"] += 1
        if gi not in pairs:
            tally.errors.append((name, "missed", g["type"], g["text"], None))
            continue
        c["found"] += 1
        p = pred[pairs[gi]]
        if _value_right(g, p, units):
            c["correct"] += 1
        else:
            tally.errors.append((name, "wrong", g["type"], g["text"], {k: v for k, v in p.items() if k != "span"}))
    matched = set(pairs.values())
    for pi, p in enumerate(pred):
        if p["type"] in MENTION_TYPES:
            tally.mentions[p["type"]]["pred"] += 1
            if pi not in matched:
                tally.errors.append((name, "spurious", p["type"], p.get("text"), None))


def _score_facts(name, text, gold_doc, out, by_id, tally):
    def span_of(ref):
        if ref is None:
            return None
        if isinstance(ref, dict):
            if {"start", "end", "text"} <= ref.keys():
                return int(ref["start"]), int(ref["end"])
            ref = ref.get("mention", ref.get("id"))
        m = by_id.get(ref)
        return m["span"] if m else None

    def period_of(f):
        per = f.get("period")
        return [per.get("start"), per.get("end")] if isinstance(per, dict) else None

    def location_of(f):
        loc = f.get("location")
        return loc.get("name") if isinstance(loc, dict) else loc

    pred = [(span_of(f.get("value")), span_of(f.get("change")), f) for f in out.get("facts", [])]
    used: set[int] = set()
    t = tally.facts
    for gf in gold_doc.get("facts", []):
        t["gold"] += 1
        has_value = bool(gf.get("value"))
        key = gf.get("value") or gf.get("change")
        occ = gf.get("value_occurrence", 1) if has_value else gf.get("change_occurrence", 1)
        anchor = _find(text, key, occ)
        if anchor is None:
            raise ValueError(f"{name}: gold fact text not found: {key!r}")
        hit = next((i for i, (vs, cs, _) in enumerate(pred) if i not in used
                    and (vs if has_value else (vs or cs)) and _overlap(vs if has_value else (vs or cs), anchor) > 0),
                   None)
        if hit is None:
            tally.errors.append((name, "fact-missed", "fact", key, None))
            continue
        used.add(hit)
        vs, cs, f = pred[hit]
        t["found"] += 1
        gc = gf.get("change")
        if gc and has_value:
            cspan = _find(text, gc, gf.get("change_occurrence", 1))
            ok = cs is not None and cspan is not None and _overlap(cs, cspan) > 0
        else:
            ok = cs is None if has_value else True
        t["change_ok"] += ok
        if not ok:
            tally.errors.append((name, "fact-change", "fact", key, f.get("change")))
        gp, pp = gf.get("period"), period_of(f)
        ok = (gp is None and not pp) or (gp is not None and pp is not None and list(gp) == list(pp))
        t["period_ok"] += ok
        if not ok:
            tally.errors.append((name, "fact-period", "fact", key, {"gold": gp, "pred": pp}))
        gl, pl = gf.get("location"), location_of(f)
        ok = _norm_name(gl) == _norm_name(pl)
        t["location_ok"] += ok
        if not ok:
            tally.errors.append((name, "fact-location", "fact", key, {"gold": gl, "pred": pl}))
    t["pred"] += len(pred)


def prf(c) -> dict[str, Any]:
    """Span F1 and strict precision/recall/F1 of one type's counts."""
    def ratio(a, b):
        return a / b if b else 0.0

    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    p, r = ratio(c["found"], c["pred"]), ratio(c["found"], c["gold"])
    sp, sr = ratio(c["correct"], c["pred"]), ratio(c["correct"], c["gold"])
    return {"gold": c["gold"], "pred": c["pred"], "span_f1": round(f1(p, r), 3), "strict_p": round(sp, 3),
            "strict_r": round(sr, 3), "strict_f1": round(f1(sp, sr), 3)}


def evaluate(gold_dir: str | Path, *, show_errors: int = 0, only: str | None = None) -> dict[str, Any]:
    """Score the library on a folder of NAME.txt (header + body) / NAME.json (gold) pairs.

    gold_dir: the folder. show_errors (int): how many error tuples to keep in the report.
    only (str | None): score one mention type (facts are then skipped).
    RETURNS (dict): articles, words, words_per_second, types {type: prf}, all_mentions,
        facts {gold, pred, recall, precision, change_acc, period_acc, location_acc},
        errors, error_total; the same keys and numbers as the shared score.py.
    """
    from . import extract

    units = _Units()
    tally = _Tally()
    words, seconds = 0, 0.0
    files = sorted(Path(gold_dir).glob("*.json"))
    for gpath in files:
        meta, text = parse_header(gpath.with_suffix(".txt").read_text(encoding="utf-8"))
        gold_doc = json.loads(gpath.read_text(encoding="utf-8"))
        published = gold_doc.get("published") or meta.get("published")
        if published in ("unknown", ""):
            published = None
        t0 = time.perf_counter()
        out = extract(text, published=published).to_dict()
        seconds += time.perf_counter() - t0
        words += len(text.split())

        gold = []
        for g in gold_doc["mentions"]:
            span = _find(text, g["text"], g.get("occurrence", 1))
            if span is None:
                raise ValueError(f"{gpath.name}: gold text not found: {g['text']!r}")
            gold.append({**g, "span": span})
        pred, by_id = [], {}
        for i, p in enumerate(out.get("mentions", [])):
            q = {**p, "span": (int(p["start"]), int(p["end"]))}
            pred.append(q)
            by_id[p.get("id", i)] = q
        if only:
            gold = [g for g in gold if g["type"] == only]
            pred = [p for p in pred if p["type"] == only]
        _score_mentions(gpath.stem, gold, pred, units, tally)
        if not only:
            _score_facts(gpath.stem, text, gold_doc, out, by_id, tally)

    report: dict[str, Any] = {"articles": len(files), "words": words,
                              "words_per_second": round(words / seconds) if seconds else None, "types": {}}
    total = defaultdict(int)
    for kind in MENTION_TYPES:
        c = tally.mentions.get(kind)
        if not c:
            continue
        for k in ("gold", "pred", "found", "correct"):
            total[k] += c[k]
        report["types"][kind] = prf(c)
    report["all_mentions"] = prf(total)
    t = tally.facts
    if t["gold"]:
        g = t["gold"]
        report["facts"] = {"gold": g, "pred": t["pred"], "recall": round(t["found"] / g, 3),
                           "precision": round(t["found"] / t["pred"], 3) if t["pred"] else 0.0,
                           "change_acc": round(t["change_ok"] / g, 3), "period_acc": round(t["period_ok"] / g, 3),
                           "location_acc": round(t["location_ok"] / g, 3)}
    report["errors"] = tally.errors[:show_errors] if show_errors else []
    report["error_total"] = len(tally.errors)
    return report


def format_report(rep: dict[str, Any]) -> str:
    """The report as the table score.py prints."""
    lines = [f"{rep['articles']} articles, {rep['words']} words, {rep['words_per_second']} words/s",
             f"{'type':14} {'gold':>5} {'pred':>5} {'spanF1':>7} {'strictP':>8} {'strictR':>8} {'strictF1':>9}"]
    for kind, r in list(rep["types"].items()) + [("ALL", rep["all_mentions"])]:
        lines.append(f"{kind:14} {r['gold']:5} {r['pred']:5} {r['span_f1']:7.3f} {r['strict_p']:8.3f} "
                     f"{r['strict_r']:8.3f} {r['strict_f1']:9.3f}")
    if "facts" in rep:
        f = rep["facts"]
        lines.append(f"facts: gold {f['gold']} pred {f['pred']} recall {f['recall']} precision {f['precision']} "
                     f"change {f['change_acc']} period {f['period_acc']} location {f['location_acc']}")
    for e in rep["errors"]:
        lines.append("   " + " ".join(str(x) for x in e))
    return "\n".join(lines)
