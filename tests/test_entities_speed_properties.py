"""Hypothesis: the guards the entity recognizers test before their slower steps never turn away
a token that step would take (speed rewrite guards)."""
from hypothesis import given, settings, strategies as st

from chinaecon_extract.recognizers.organizations import _known_at, find_organizations, org_lexicon
from chinaecon_extract.recognizers.places import _OPENS_LEVEL, ETHNONYMS, Tokens, _generic_after, lexicon

_LEX = org_lexicon()
_ORG_WORDS = sorted({w for words, _n, _k in (e for v in _LEX.known.values() for e in v) for w in words}
                    | set(_LEX.heads))[:400]
_ORG_TOKENS = st.sampled_from(_ORG_WORDS + [w + "'s" for w in _ORG_WORDS[:100]] + ["the", "of", "and", "said"])
_LEVEL_TOKENS = st.sampled_from(sorted(ETHNONYMS)[:20] + ["and", "County", "county", "City", "city's", "Province",
                                                          "Autonomous", "Region", "SAR", "sar", "New", "Area",
                                                          "District", "Prefecture", "Banner", "said", "Co", "the"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ORG_TOKENS, min_size=1, max_size=8))
def test_known_names_start_only_at_known_starts(words):
    toks = Tokens.of(" ".join(words))
    for i, w in enumerate(toks.words):
        if _known_at(_LEX, toks.words, toks.spaced, i) is not None:
            assert w in _LEX.known_starts


@settings(max_examples=300, deadline=None)
@given(st.lists(_LEVEL_TOKENS, min_size=1, max_size=6))
def test_level_words_open_only_where_the_guard_says(words):
    toks = Tokens.of("Gansu " + " ".join(words))
    if _generic_after(toks, 1, lexicon()) is not None:
        assert _OPENS_LEVEL[toks.words[1]]


def test_overlapping_organizations_keep_the_longest():
    text = "Haike Fibers Co., Ltd. and the Ministry of Commerce said Haike Fibers Co. grew."
    spans = [(o.start, o.end) for o in find_organizations(text)]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
