"""Rule-based sentence boundaries for the genre: periods after "Co.", "No.", "U.S.",
"Dec." and the like do not end a sentence; line breaks always do (headlines, table
rows and bullet points carry no final period). Pure functions; the spaCy adapter is
components/sentences.py."""
from __future__ import annotations

from functools import lru_cache

import regex

from .data import load_json
from .text import normalize


@lru_cache(maxsize=1)
def _rules():
    d = load_json("abbreviations.json")
    never = {a.lower() for a in d["never_final"]}
    may_end = {a.lower() for a in d["may_end"]}
    # sentence-final punctuation, closing quotes/brackets, then space and a likely sentence start
    end = regex.compile(r"""([.!?]+)["')\]]*(?=\s+["'(\[]?[\p{Lu}\d])""")
    word_before = regex.compile(r"([\p{L}.]+)$")
    return never, may_end, end, word_before


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in `text`, whitespace trimmed, in order."""
    norm = normalize(text)
    never, _may_end, end_re, word_before = _rules()
    cuts = set()
    for m in end_re.finditer(norm):
        if m.group(1) == ".":
            w = word_before.search(norm, max(0, m.start() - 12), m.start())
            if w:
                token = w.group(1).lower().strip(".")
                if token in never or (len(token) == 1 and token.isalpha()):
                    continue
        cuts.add(m.end())
    for m in regex.finditer(r"\n", norm):
        cuts.add(m.start())
    spans = []
    prev = 0
    for cut in sorted(cuts) + [len(norm)]:
        s, e = prev, cut
        while s < e and norm[s].isspace():
            s += 1
        while e > s and norm[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        prev = cut
    return spans
