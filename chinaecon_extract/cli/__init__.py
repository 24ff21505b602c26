"""The chinaecon-extract command line (placeholder until the CLI lands)."""
from __future__ import annotations

import json
import sys


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 2 and args[0] == "extract":
        from .. import extract
        text = sys.stdin.read() if args[1] == "-" else open(args[1], encoding="utf-8").read()
        print(json.dumps(extract(text).to_dict(), ensure_ascii=False))
        return 0
    print("usage: chinaecon-extract extract FILE", file=sys.stderr)
    return 2
