"""Hypothesis checks that the fast paths of facts/linking.py give the answers of the plain
searches they replace: the reverse POSIX search of an end-anchored cue finds the forward
search's match, and a sentence's cue families (_Cues) never miss a cue a window of it holds."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from chinaecon_extract.data import load_json
from chinaecon_extract.facts import linking

_D = load_json("linking.json")
WORDS = st.sampled_from(
    _D["value_verbs"] + _D["stock_nouns"] + _D["timeless_cues"] + _D["future_cues"] + _D["rank_cues"]
    + ["a", "an", "the", "about", "a record", "record", "up to", "at least", "a total of", "has", "have", "each",
       "with", "worth", "of which", "is", "are", "home to", "investment", "minimal", "total", "annual", "from",
       "for the year", "sales", "GDP", "REACHED", "Of", "1.2", "percent", ",", ".", "(", "-", "\n", "  ", "no. 3"])
PHRASE = st.lists(st.one_of(WORDS, st.text(alphabet="ab -,\n", max_size=4)), max_size=12).map(" ".join)


@settings(max_examples=400)
@given(PHRASE, st.sampled_from(["", " ", "  ", "\n", " \n"]))
def test_earliest_match_is_the_forward_search_match(phrase, tail):
    s = phrase + tail
    v = linking.vocab()
    for rx in (v.value_verb, v.stock):
        fast, plain = linking._longest_from_end(rx, s), rx.search(s)
        assert (fast is None) == (plain is None), (rx.pattern[:40], s)
        if plain is not None:
            assert fast.start() == plain.start() and fast.group() == plain.group(), s


@settings(max_examples=300)
@given(PHRASE)
def test_cue_families_miss_no_cue(sentence):
    v = linking.vocab()
    found = linking._Cues(sentence, 0, len(sentence))
    for family, hit in (("annual", v.annual.search(sentence)), ("timeless", v.timeless.search(sentence)),
                        ("future", v.future.search(sentence)), ("rank", v.rank.search(sentence)),
                        ("stock", linking._ends_with(v.stock, sentence)),
                        ("from", linking._ends_with(linking._FROM_BEFORE, sentence))):
        assert not hit or found[family], (family, sentence)


CHANGE_WORDS = st.sampled_from(["increased", "rose", "growth", "was up", "were down", "up", "down", "reached a growth",
                                "reached a year-on-year growth", "grew", "Up", "WAS  UP", "year-on-year", "a", "sales",
                                "up-to", "set-up", "5%", ",", "-", "\n", "upward", "shrank", "was", "reached"])


@settings(max_examples=400)
@given(st.lists(st.one_of(CHANGE_WORDS, st.text(alphabet="aw up-,\n", max_size=4)), max_size=12).map(" ".join))
def test_rightmost_change_cue_is_the_last_finditer_match(region):
    rx = linking.vocab().change_verb
    last = None
    for last in rx.finditer(region):
        pass
    fast = linking._longest_from_end(rx, region)
    assert (fast is None) == (last is None), region
    if last is not None:
        assert fast.span() == last.span(), region


@settings(max_examples=400)
@given(st.lists(st.sampled_from([", while", "; ", " - ", " -- ", ", whereas", ", But", ", and the", ",  of which",
                                 ", among which", "-", ",", ";", " ", "sales", "\n", "5%", "a-b"]), max_size=15).map("".join))
def test_clause_breaks_are_those_of_the_full_pattern(sentence):
    full = [m.span() for m in linking.vocab().clause_break.finditer(sentence, 0, len(sentence))]
    assert linking._clause_breaks(sentence, 0, len(sentence)) == full


@settings(max_examples=400)
@given(st.text(alphabet="ab1 .'’-,(É\n", max_size=40))
def test_words_read_from_the_end_are_the_last_words(region):
    last = linking._WORDS.findall(region)[-5:]
    from_end = [w.group() for w in linking._WORDS_FROM_END.finditer(region)][:5]
    assert from_end[::-1] == last, region
