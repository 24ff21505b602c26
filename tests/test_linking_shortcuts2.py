"""Hypothesis checks that the round-2 fast paths of facts/linking.py answer as the plain
searches they stand in for: the combined cue search of _scopes, the last owner's verb read
from the end, the literal guards before delta_before, _WITH and the spaced clause breaks."""
from __future__ import annotations

import regex
from hypothesis import given, settings, strategies as st

from chinaecon_extract.data import load_json
from chinaecon_extract.facts import linking

_D = load_json("linking.json")
WORDS = st.sampled_from(
    _D["comparison_before"] + _D["reporting_before"] + _D["clause_breaks"]
    + ["from", "FROM", "after", "before", "ahead of", "prior to", "until", "till", "the", "a", "at", "in", "on", "by",
       "has", "have", "had", "with", "posted", "recorded", "Has", "increased by", "rose", "up", "down", "shrunk",
       "an increase of", "a net decrease of", "growth of", "city", "County", "Kashgar", "prefecture", "about",
       "GDP", "1.2", ",", ";", "-", " - ", "\n", "  ", "\u2003", "x-", "therefrom"])
PHRASE = st.lists(st.one_of(WORDS, st.text(alphabet="ab -,;\n", max_size=4)), max_size=12).map(" ".join)
TAIL = st.sampled_from(["", " ", "  ", "\n", " \n"])


@settings(max_examples=400)
@given(PHRASE, TAIL)
def test_scope_cues_match_when_one_cue_does(phrase, tail):
    s = phrase + tail
    v = linking.vocab()
    any_cue = any(regex.search(rx, s, flags) for rx, flags in (
        (linking._FROM_END, regex.IGNORECASE), (v.comparison.pattern, regex.IGNORECASE),
        (v.reporting.pattern, regex.IGNORECASE), (linking._EVENT_BEFORE, regex.IGNORECASE)))
    assert bool(linking._ends_with(linking._scope_cues(), s)) == bool(any_cue), s


@settings(max_examples=400)
@given(PHRASE)
def test_after_last_owner_verb_is_the_split(region):
    assert linking._after_last_owner_verb(region) == linking._OWNER_VERB.split(region)[-1], region


@settings(max_examples=400)
@given(PHRASE, TAIL)
def test_delta_pieces_guard_misses_no_delta(phrase, tail):
    s = phrase + tail
    if linking.vocab().delta_before.search(s):
        assert linking._holds_any(linking._DELTA_PIECES, s.casefold()), s


@settings(max_examples=400)
@given(PHRASE)
def test_clause_breaks_without_spaced_dash_are_the_punctuation_ones(sentence):
    v = linking.vocab()
    full = [m.span() for m in v.clause_break.finditer(sentence)]
    assert linking._clause_breaks(sentence, 0, len(sentence)) == full, sentence
    if not linking._may_have_spaced_break(sentence, 0, len(sentence)):
        assert [m.span() for m in v.clause_break_punct.finditer(sentence)] == full, sentence


@settings(max_examples=400)
@given(PHRASE)
def test_with_needs_the_word_with(gap):
    if linking._WITH.fullmatch(gap):
        assert "with" in gap, gap


@settings(max_examples=400)
@given(PHRASE)
def test_subject_of_reads_no_comma(gap):
    if linking._SUBJECT_OF.fullmatch(gap):
        assert "," not in gap, gap
