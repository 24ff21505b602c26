"""Benchmark: words/s of chinaecon_extract.extract beside bare spacy.blank("en") tokenization
and quantulum3's parser on the same texts, the same work through the spaCy components, the
cost of each step, cold start-up and peak memory (run it, it is not a test).

    .venv/bin/python benchmarks/bench_extract.py [--words 100000] [--q3-words N] [--profile]

quantulum3 is optional (`pip install -e '.[bench]'`); without it its row is skipped with a
message. It extracts quantities only (no periods, places, facts), so the ratio compares a
full extraction with a quantity parser.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_texts() -> list[str]:
    """Article bodies from corpora/*.txt (after the header) and /work/shared/seeds."""
    out = []
    for p in sorted((ROOT / "corpora").glob("*.txt")):
        raw = p.read_text(encoding="utf-8")
        out.append(raw.split("\n\n", 1)[1] if raw.startswith("url:") else raw)
    for p in sorted(Path("/work/shared/seeds").glob("*.txt")):
        out.append(p.read_text(encoding="utf-8"))
    return [t for t in out if t.strip()]


def repeated(texts: list[str], words: int) -> list[str]:
    """The texts cycled until they hold about `words` words; each copy is a distinct string
    so per-text caches cannot make repeats free."""
    out, n, i = [], 0, 0
    while n < words:
        t = texts[i % len(texts)] + "\n" + " " * (i // len(texts))
        out.append(t)
        n += len(t.split())
        i += 1
    return out


def _fresh_seconds(code: str) -> float:
    """The number of seconds `code` prints last, run in a fresh interpreter."""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(r.stdout.strip().splitlines()[-1])


def cold_start() -> float:
    return _fresh_seconds("import time; t=time.perf_counter(); import chinaecon_extract as ce; "
                          "ce.extract('Output reached 10.13 billion yuan, up 13.6 percent.'); "
                          "print(time.perf_counter()-t)")


def pipeline_build() -> float:
    """Seconds of chinaecon_extract.load() (spaCy pipeline with the whole gazetteer), after imports."""
    return _fresh_seconds("import time, chinaecon_extract as ce; t = time.perf_counter(); ce.load(); "
                          "print(time.perf_counter() - t)")


def quantulum3_speed(texts: list[str], words: int) -> tuple[int, float, int] | str:
    """(words, seconds, texts) of quantulum3.parser.parse over the first texts holding about
    `words` words (all when 0), or why it was skipped."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Classifier dependencies not installed": optional
            from quantulum3 import parser
    except ImportError:
        return "quantulum3 is not installed: pip install -e '.[bench]'"
    subset, n = [], 0
    for t in texts:
        if words and n >= words:
            break
        subset.append(t)
        n += len(t.split())
    parser.parse("Output reached 10.13 billion yuan, up 13.6 percent.")  # load its unit tables
    t0 = time.perf_counter()
    for t in subset:
        parser.parse(t)
    return n, time.perf_counter() - t0, len(subset)


# article.analyze's step functions, by the name it calls them, and the stage each belongs to
STEPS = {"normalize": "normalize + sentences", "sentence_spans": "normalize + sentences",
         "find_figures": "figures", "resolve_text": "periods", "entity_mentions": "entities",
         "inferred_published": "facts", "link_facts": "facts", "ArticleResult": "result"}


def _time_steps(article, texts: list[str]) -> dict[str, float]:
    """Seconds per stage of article.analyze over texts: each step function it calls is
    swapped for a timed wrapper for the run, so this times the real sequence, not a copy."""
    stage = dict.fromkeys(dict.fromkeys(STEPS.values()), 0.0)
    originals = {name: getattr(article, name) for name in STEPS}

    def timed(name, fn):
        def run(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                stage[STEPS[name]] += time.perf_counter() - t
        return run

    try:
        for name, fn in originals.items():
            setattr(article, name, timed(name, fn))
        t0 = time.perf_counter()
        for text in texts:
            article.analyze(text, None)
        total = time.perf_counter() - t0
    finally:
        for name, fn in originals.items():
            setattr(article, name, fn)
    stage["other (sort, offsets)"] = max(0.0, total - sum(stage.values()))
    return stage


def _empty_phrase_caches() -> None:
    """Empty the caches keyed by phrases of the texts read so far (metric phrases, gazetteer
    keys, words): what the next text finds there, it found in an earlier text."""
    from chinaecon_extract import gazetteer
    from chinaecon_extract.facts import indicators, linking
    from chinaecon_extract.recognizers import places
    for cache in (indicators.indicator_for, linking._clean, gazetteer.key, places._fold):
        cache.cache_clear()


def _unseen_seconds(ce, texts: list[str], passes: int = 5) -> float:
    """Best seconds of one pass of extract() over `texts` (distinct articles), the caches
    keyed by phrases of earlier texts emptied before each pass."""
    best = float("inf")
    for _ in range(passes):
        _empty_phrase_caches()
        t = time.perf_counter()
        for text in texts:
            ce.extract(text)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--q3-words", type=int, default=0,
                    help="parse only the first texts holding about N words with quantulum3 (0: all of them)")
    ap.add_argument("--profile", action="store_true", help="print the top cProfile entries of extract()")
    args = ap.parse_args()

    start_s, build_s = cold_start(), pipeline_build()
    import spacy
    import chinaecon_extract as ce
    from chinaecon_extract import api, article

    texts = repeated(corpus_texts(), args.words)
    n_words = sum(len(t.split()) for t in texts)
    # warm up on every article once (lexicons, patterns compiled on first use), then empty the
    # caches keyed by their phrases, so the timed runs start as on articles never seen
    for text in corpus_texts():
        ce.extract(text)
    _empty_phrase_caches()

    nlp_blank = spacy.blank("en")
    t = time.perf_counter()
    for _ in nlp_blank.tokenizer.pipe(texts):
        pass
    tok_s = time.perf_counter() - t

    t = time.perf_counter()
    for text in texts:
        ce.extract(text)
    ext_s = time.perf_counter() - t

    # the texts repeat (about three copies of each article), and a few caches are keyed by
    # phrases from them (metric phrases, gazetteer keys): each article once, those caches
    # emptied before every pass, is what a stream of new articles sees
    new_s = _unseen_seconds(ce, corpus_texts())
    new_words = sum(len(t.split()) for t in corpus_texts())

    # the same work through the spaCy components (what an nlp.add_pipe user runs)
    nlp = api._nlp()
    t = time.perf_counter()
    for text in texts:
        doc = api._make_doc(nlp, text, None)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        api.result_from_doc(doc)
    pipe_s = time.perf_counter() - t

    # extract()'s steps one by one: article.analyze itself, its step functions wrapped in timers
    stage = _time_steps(article, texts)

    tracemalloc.start()
    for text in texts[:20]:
        ce.extract(text)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    q3 = quantulum3_speed(texts, args.q3_words)  # after the RSS reading, which is extract's alone

    print(f"texts: {len(texts)}  words: {n_words}")
    print(f"{'spacy.blank tokenizer':28} {n_words / tok_s:12,.0f} words/s")
    print(f"{'chinaecon_extract.extract':28} {n_words / ext_s:12,.0f} words/s  "
          f"({tok_s / ext_s:.2f} x tokenizer speed; target >= 0.5)")
    print(f"{'  each article seen once':28} {new_words / new_s:12,.0f} words/s  "
          f"(phrase caches emptied; {new_words / new_s / (n_words / tok_s):.2f} x tokenizer speed)")
    print(f"{'the spaCy pipeline (nlp(text))':28} {n_words / pipe_s:12,.0f} words/s")
    if isinstance(q3, str):
        print(f"{'quantulum3.parser.parse':28} {'skipped':>12}  ({q3})")
    else:
        q3_words, q3_s, q3_texts = q3
        subset = "" if q3_texts == len(texts) else f"; first {q3_texts} texts, {q3_words} words"
        print(f"{'quantulum3.parser.parse':28} {q3_words / q3_s:12,.0f} words/s  "
              f"(extract / quantulum3 = {(n_words / ext_s) / (q3_words / q3_s):.2f}{subset})")
    print(f"cold start (import + first extract, subprocess): {start_s:.2f} s")
    print(f"spaCy pipeline build (chinaecon_extract.load(), subprocess): {build_s:.2f} s")
    print(f"peak memory: max RSS {rss_mb:.0f} MB; tracemalloc peak over 20 extracts {traced_peak / 2**20:.1f} MB")
    print(f"\n{'stage':24} {'seconds':>8} {'share':>6} {'words/s':>12}")
    total = sum(stage.values())
    for name, s in stage.items():
        print(f"{name:24} {s:8.2f} {s / total:6.1%} {n_words / s if s else float('inf'):12,.0f}")

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for text in texts[: max(1, len(texts) // 5)]:
            ce.extract(text)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
