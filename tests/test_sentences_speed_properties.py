"""Hypothesis: the ASCII fast path of sentence_spans (`re` patterns, trimmed spans found by a
search) cuts exactly where the `regex` patterns it replaces cut."""
from hypothesis import given, settings, strategies as st

from chinaecon_extract.sentences import sentence_spans

_PIECES = ["a", "Z", "Co", "No", "U.S", "e.g", "said", "x", "4", "2.5", ".", "..", "!", "?", "?!", '"', "'",
           ")", "]", "(", "[", " ", "  ", "\n", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x1f", ",", "Dec", "Ltd"]


def _general_path(text: str) -> list:
    """sentence_spans of an ASCII text through the `regex` patterns: one lower-case non-ASCII
    character on a line of its own after it adds a cut at the end of `text` and a last span,
    and nothing else."""
    return sentence_spans(text + "\n\u00e9")[:-1]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_ascii_path_cuts_as_regex_does(text):
    assert sentence_spans(text) == _general_path(text)


def test_ascii_path_on_a_paragraph():
    text = ("Sales rose 4.5 percent. U.S. firms and Haike Co., Ltd. signed deals on Dec. 29 in Xi'an! "
            "\"Prices rose.\" (Growth slowed.) 2024 was good?\n\n  Headline without a period\n  e.g. this")
    assert sentence_spans(text) == _general_path(text)
