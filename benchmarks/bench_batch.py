#!/usr/bin/env python3
"""Benchmark `chinaecon-extract batch`: files/s and words/s for 1 and 2 workers, and peak
memory (all processes of the run together) for two corpus sizes.

Targets (issue 6): 2 workers at least 1.7x one worker; peak memory within 20% between
2,000 and 10,000 files (results are streamed, not collected).

Usage:  python benchmarks/bench_batch.py [--sizes 2000 10000] [--speed-size 2000] [--workdir DIR]

The corpus is made of the sample articles in corpora/ (bodies cycled, each file given its
own header), written once into --workdir and reused.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "import sys; from chinaecon_extract.cli import main; sys.exit(main())"]


def make_corpus(folder: Path, n: int) -> Path:
    from chinaecon_extract.io.readers import parse_header

    target = folder / f"corpus_{n}"
    if target.is_dir() and len(list(target.rglob("*.txt"))) == n:
        return target
    bodies = []
    for p in sorted((ROOT / "corpora").glob("*.txt")):
        meta, body = parse_header(p.read_text(encoding="utf-8"))
        bodies.append((meta.get("published", "unknown"), body))
    target.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        pub, body = bodies[i % len(bodies)]
        sub = target / f"{i // 1000:03}"
        sub.mkdir(exist_ok=True)
        (sub / f"a{i:06}.txt").write_text(f"url: http://example.com/{i}\ntitle: Article {i}\npublished: {pub}\n\n"
                                          f"{body}", encoding="utf-8")
    return target


def _descendants(pid: int) -> list[int]:
    """A process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _memory(pids: list[int]) -> tuple[int, int]:
    """(RSS, PSS) in bytes of these processes together. RSS counts pages the forked workers
    share with the parent once per process; PSS splits them, so it is the honest total."""
    rss = pss = 0
    page = os.sysconf("SC_PAGE_SIZE")
    for p in pids:
        try:
            with open(f"/proc/{p}/statm") as f:
                rss += int(f.read().split()[1]) * page
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
                        break
        except (OSError, IndexError, ValueError):
            pass
    return rss, pss


def run(corpus: Path, workers: int, out: Path) -> dict:
    cmd = CLI + ["batch", str(corpus), "-o", str(out), "--workers", str(workers), "--overwrite", "--no-progress",
                 "--summary-json"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0, 0]

    def watch():  # the process tree is listed once a second, its memory read every 50 ms
        pids, listed = [], 0.0
        while proc.poll() is None:
            if time.monotonic() - listed > 1.0:
                pids, listed = _descendants(proc.pid), time.monotonic()
            rss, pss = _memory(pids)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            time.sleep(0.1)

    t = threading.Thread(target=watch, daemon=True)
    t.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    t.join()
    if proc.returncode != 0:
        raise SystemExit(f"batch failed ({proc.returncode}):\n{err}")
    summary = json.loads(err.strip().splitlines()[-1])
    return {"workers": workers, "files": summary["articles"], "words": summary["words"], "wall_s": round(wall, 2),
            "files_per_s": round(summary["articles"] / wall, 1), "words_per_s": round(summary["words"] / wall),
            "peak_mb": round(peak[0] / 2**20, 1), "peak_pss_mb": round(peak[1] / 2**20, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000], help="corpus sizes for peak memory")
    ap.add_argument("--speed-size", type=int, default=2000, help="corpus size for the 1 vs 2 workers speed runs")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "chinaecon_bench")
    ap.add_argument("--output", default="out.jsonl", help="output file name (its extension picks the format)")
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    out = args.workdir / args.output

    print(f"speed: {args.speed_size} files")
    speed = {}
    for w in (1, 2):
        r = run(make_corpus(args.workdir, args.speed_size), w, out)
        speed[w] = r
        print(f"  workers {w}: {r['files_per_s']:8.1f} files/s {r['words_per_s']:9,} words/s "
              f"({r['words']:,} words in {r['wall_s']} s, peak RSS {r['peak_mb']} MB, PSS {r['peak_pss_mb']} MB)")
    ratio = speed[2]["words_per_s"] / speed[1]["words_per_s"]
    print(f"  2 workers / 1 worker: {ratio:.2f}x (target >= 1.7x)")

    print("memory (2 workers):")
    peaks = {}
    for n in args.sizes:
        r = run(make_corpus(args.workdir, n), 2, out)
        peaks[n] = r["peak_pss_mb"] or r["peak_mb"]
        print(f"  {n:6} files: peak RSS {r['peak_mb']} MB, PSS {r['peak_pss_mb']} MB (all processes), "
              f"{r['files_per_s']} files/s, {r['words_per_s']:,} words/s")
    if len(peaks) >= 2:
        lo, hi = min(peaks.values()), max(peaks.values())
        print(f"  largest / smallest peak PSS: {hi / lo:.2f} (target <= 1.20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
