"""Write the solar dates of the lunar festivals into chinaecon_extract/data/periods.json.

Each lunar festival in periods.json "holidays" that has a "lunar" [month, day] gets
"festival_days": year -> ISO date for 2000-2035, computed with the `lunardate` package
(a development tool only, not a dependency of the library: `pip install lunardate`).
The official holiday schedules ("dates") are written by hand from the State Council notices
and are left alone; resolve/periods.py uses them first and the festival's day otherwise.

    python scripts/build_festival_days.py          # rewrite the tables
    python scripts/build_festival_days.py --check  # exit 1 if they are out of date
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lunardate import LunarDate

DATA = Path(__file__).resolve().parents[1] / "chinaecon_extract" / "data" / "periods.json"
YEARS = range(2000, 2036)


def festival_days(month: int, day: int) -> dict[str, str]:
    return {str(y): LunarDate(y, month, day).to_solar_date().isoformat() for y in YEARS}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = DATA.read_text(encoding="utf-8")
    data = json.loads(text)
    stale = []
    for key, h in data["holidays"].items():
        if "lunar" in h:
            days = festival_days(*h["lunar"])
            if h.get("festival_days") != days:
                stale.append(key)
                h["festival_days"] = days
    if args.check:
        print("out of date: " + ", ".join(stale) if stale else "festival days up to date")
        return 1 if stale else 0
    for key in stale:
        # one line per table, so the rest of the file keeps its layout
        old = data["holidays"][key]
        start = text.index(f'  "{key}": {{')
        end = text.index("\n", start)
        line = f'  "{key}": ' + json.dumps(old, ensure_ascii=False) + ("," if text[end - 1] == "," else "")
        text = text[:start] + line + text[end:]
    DATA.write_text(text, encoding="utf-8")
    print("updated: " + (", ".join(stale) or "nothing"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
