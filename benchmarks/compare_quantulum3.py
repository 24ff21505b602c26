"""Accuracy of quantulum3 beside chinaecon_extract on the gold corpus, for money, quantity
and percent mentions (run it, it is not a test). The corpus is the library's development set,
so its own scores there are an upper bound, not a held-out result.

    .venv/bin/python benchmarks/compare_quantulum3.py [GOLD_DIR] [--max-articles N] [--show-errors N]

Both systems are scored with the definitions of /work/shared/eval/score.py, through the
helpers of chinaecon_extract.evaluate (same matching, same value checks):

- span F1: a gold mention matches a predicted one of the same type when the spans overlap
  (greedy one-to-one by largest overlap);
- strict F1: the match also has the right normalized value (money: currency and value;
  quantity: the same amount through chinaecon_extract.ureg; percent: value, unit, and the
  direction of a change).

quantulum3's quantities are mapped to our types: a currency unit gives money (its ISO code
and value as parsed); "percentage" gives percent (unit percent, no role or direction,
because quantulum3 has neither); any other unit gives quantity, its unit written as a pint
expression that chinaecon_extract.ureg parses (UNIT_NAMES below, else the unit's own
name, else the product of its dimensions). Dimensionless numbers are dropped: they are
counts or bare numbers, which this comparison does not score.

Needs quantulum3 (`pip install -e '.[bench]'`); its warning about the optional classifier is
harmless (without it, quantulum3 takes the first reading of an ambiguous unit).
"""
from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

from chinaecon_extract import extract, ureg
from chinaecon_extract.evaluate import _find, _Tally, _Units, _score_mentions, prf
from chinaecon_extract.io.readers import parse_header

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("money", "quantity", "percent")

# quantulum3 unit name -> pint expression, where pint would read the name differently from
# what quantulum3 means or cannot read it. quantulum3's "ton" is the generic "Ton" of its
# units.json (it has "short ton" and "tonne" apart); in this genre a ton is always metric,
# so the generic ton is read as metric_ton, in quantulum3's favour.
UNIT_NAMES = {
    "ton": "metric_ton", "tonne": "metric_ton", "metric ton": "metric_ton", "short ton": "short_ton",
    "long ton": "long_ton", "twenty-foot equivalent unit": "TEU", "mu": "mu",
    "square kilometre": "square_kilometer", "square metre": "square_meter", "kilometre": "kilometer",
    "metre": "meter", "litre": "liter", "cubic metre": "cubic_meter", "percentage point": "percentage_point",
}


def pint_unit(unit) -> str | None:
    """A pint expression for a quantulum3 Unit that chinaecon_extract.ureg parses, or None."""
    def ok(expr: str) -> bool:
        try:
            ureg.Unit(expr)
            return True
        except Exception:
            return False

    name = unit.name
    candidates = [UNIT_NAMES.get(name), name.replace(" per ", " / ").replace(" ", "_"),
                  " / ".join(s.strip().replace(" ", "_") for s in name.split(" per "))]
    dims = getattr(unit, "dimensions", None) or []
    if dims:
        parts = []
        for d in dims:
            base = UNIT_NAMES.get(d["base"], d["base"].replace(" ", "_"))
            parts.append(f"{base} ** {d['power']}" if d["power"] != 1 else base)
        candidates.append(" * ".join(parts))
    return next((c for c in candidates if c and ok(c)), None)


def quantulum3_mentions(text: str, parse) -> list[dict]:
    """quantulum3's quantities in text as our mention dicts (type, start, end, text, value...)."""
    out = []
    for q in parse(text):
        unit, (start, end) = q.unit, q.span
        base = {"start": start, "end": end, "text": text[start:end], "value": q.value}
        if unit.entity.name == "currency":
            out.append({**base, "type": "money", "currency": getattr(unit, "currency_code", None) or unit.name})
        elif unit.name in ("percentage", "percent"):
            out.append({**base, "type": "percent", "unit": "percent"})
        elif unit.name == "percentage point":
            out.append({**base, "type": "percent", "unit": "percentage_point"})
        elif unit.entity.name != "dimensionless":
            out.append({**base, "type": "quantity", "unit": pint_unit(unit) or unit.name})
    return out


def ours(text: str, published: str | None) -> list[dict]:
    return [m for m in extract(text, published=published).to_dict()["mentions"] if m["type"] in TYPES]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", nargs="?", default=str(ROOT / "corpora"))
    ap.add_argument("--max-articles", type=int, default=0, help="score only the first N articles (0: all)")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="list N quantulum3 errors")
    args = ap.parse_args()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Classifier dependencies not installed": optional
        try:
            from quantulum3 import parser
        except ImportError:
            raise SystemExit("quantulum3 is not installed: .venv/bin/pip install -e '.[bench]'")

    files = sorted(Path(args.gold_dir).glob("*.json"))
    if args.max_articles:
        files = files[: args.max_articles]
    units = _Units()
    tallies = {"chinaecon_extract": _Tally(), "quantulum3": _Tally()}
    undirected = {name: _Tally() for name in tallies}  # percent with the direction not checked
    seconds = {name: 0.0 for name in tallies}
    systems = {"chinaecon_extract": ours, "quantulum3": lambda text, _pub: quantulum3_mentions(text, parser.parse)}
    words = 0
    for gpath in files:
        meta, text = parse_header(gpath.with_suffix(".txt").read_text(encoding="utf-8"))
        gold_doc = json.loads(gpath.read_text(encoding="utf-8"))
        published = gold_doc.get("published") or meta.get("published")
        published = None if published in ("unknown", "") else published
        words += len(text.split())
        gold = []
        for g in gold_doc["mentions"]:
            if g["type"] in TYPES:
                gold.append({**g, "span": _find(text, g["text"], g.get("occurrence", 1))})
        for name, run in systems.items():
            t0 = time.perf_counter()
            pred = run(text, published)
            seconds[name] += time.perf_counter() - t0
            pred = [{**p, "span": (int(p["start"]), int(p["end"]))} for p in pred]
            _score_mentions(gpath.stem, gold, pred, units, tallies[name])
            _score_mentions(gpath.stem, [{k: v for k, v in g.items() if k != "direction"}
                                         for g in gold if g["type"] == "percent"],
                            [p for p in pred if p["type"] == "percent"], units, undirected[name])

    total = len(list(Path(args.gold_dir).glob("*.json")))
    sample = "" if len(files) == total else f" (first {len(files)} of {total} articles)"
    print(f"{args.gold_dir}: {len(files)} articles{sample}, {words} words; "
          + ", ".join(f"{n} {words / s:,.0f} words/s" for n, s in seconds.items()))
    print(f"{'type':9} {'system':18} {'gold':>5} {'pred':>5} {'spanF1':>7} {'strictP':>8} {'strictR':>8} "
          f"{'strictF1':>9}")
    for kind in TYPES + ("ALL",):
        for name, tally in tallies.items():
            if kind == "ALL":
                c = {k: sum(tally.mentions[t][k] for t in TYPES) for k in ("gold", "pred", "found", "correct")}
            else:
                c = tally.mentions[kind]
            r = prf(c)
            print(f"{kind:9} {name:18} {r['gold']:5} {r['pred']:5} {r['span_f1']:7.3f} {r['strict_p']:8.3f} "
                  f"{r['strict_r']:8.3f} {r['strict_f1']:9.3f}")
    for name, tally in undirected.items():
        r = prf(tally.mentions["percent"])
        print(f"{'percent*':9} {name:18} {r['gold']:5} {r['pred']:5} {r['span_f1']:7.3f} {r['strict_p']:8.3f} "
              f"{r['strict_r']:8.3f} {r['strict_f1']:9.3f}")
    print("percent*: value and unit only, the direction of a change not checked (quantulum3 gives none).")
    for e in tallies["quantulum3"].errors[: args.show_errors]:
        print("   " + " ".join(str(x) for x in e))


if __name__ == "__main__":
    main()
