"""Rule-based sentence boundaries for the genre: periods after "Co.", "No.", "U.S.",
"Dec." and the like do not end a sentence; line breaks always do (headlines, table
rows and bullet points carry no final period). Pure functions; the spaCy adapter is
components/sentences.py."""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from .data import load_json
from .text import normalize


@lru_cache(maxsize=1)
def _rules():
    d = load_json("abbreviations.json")
    never = {a.lower() for a in d["never_final"]}
    # sentence-final punctuation, closing quotes/brackets, then space and a likely sentence start
    end = regex.compile(r"""([.!?]+)["')\]]*(?=\s+["'(\[]?[\p{Lu}\d])""")
    word_before = regex.compile(r"([\p{L}.]+)$")
    return never, end, word_before


# The same two patterns for an ASCII text, run by `re` (about twice as fast as `regex` here):
# in ASCII, \p{Lu} is [A-Z], \d is [0-9], \p{L} is [A-Za-z], and regex's \s is [\t\n\v\f\r ]
# (re's \s would also take \x1c-\x1f).
# The group opens with one plain [.!?] (not [.!?]+): `re` then skips ahead to the next
# such character in C instead of trying the pattern at every position.
_END_ASCII = re.compile(r"""([.!?][.!?]*)["')\]]*(?=[\t\n\x0b\x0c\r ]+["'(\[]?[A-Z0-9])""")
_WORD_BEFORE_ASCII = re.compile(r"([A-Za-z.]+)$")
# a span with its leading and trailing whitespace left out (re's \s is str.isspace())
_TRIMMED = re.compile(r"\S(?:.*\S)?", re.S)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in `text`, whitespace trimmed, in order."""
    norm = normalize(text)
    never, end_re, word_before = _rules()
    if norm.isascii():
        end_re, word_before = _END_ASCII, _WORD_BEFORE_ASCII
    cuts = set()
    for m in end_re.finditer(norm):
        if m.group(1) == ".":
            w = word_before.search(norm, max(0, m.start() - 12), m.start())
            if w:
                token = w.group(1).lower().strip(".")
                if token in never or (len(token) == 1 and token.isalpha()):
                    continue
        cuts.add(m.end())
    line_break = norm.find("\n")
    while line_break >= 0:
        cuts.add(line_break)
        line_break = norm.find("\n", line_break + 1)
    spans = []
    prev = 0
    for cut in sorted(cuts) + [len(norm)]:
        trimmed = _TRIMMED.search(norm, prev, cut)
        if trimmed:
            spans.append(trimmed.span())
        prev = cut
    return spans
