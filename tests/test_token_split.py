"""The possessive split patterns of Tokens.of find exactly TOKEN's tokens (speed rewrite guard)."""
from chinaecon_extract.recognizers.places import TOKEN, Tokens, _TOKEN_SPLIT, _TOKEN_SPLIT_ASCII

TRICKY = [
    "Xi'an's GDP rose 4.6% in Q1-Q3; U.S. firms & Co., Ltd. (China) said -- a- b' c. d&",
    "a--b a''b a..b a-'b x-y-z 3.5.6 'quoted' -lead trail- ..dots.. A&B&&C",
    "Ürümqi's Hami-Ürümqi line, 鄂尔多斯 (Ordos) and São Paulo_x__y 1,234.5",
    "", "   ", "word", "_", "a_b", "é-'ü",
]


def test_split_matches_token_findall():
    for text in TRICKY:
        words = TOKEN.findall(text)
        assert _TOKEN_SPLIT.split(text)[1::2] == words
        if text.isascii():
            assert _TOKEN_SPLIT_ASCII.split(text)[1::2] == words
        toks = Tokens.of(text)
        assert list(toks.words) == words
        assert [text[s:e] for s, e in zip(toks.starts, toks.ends)] == words
