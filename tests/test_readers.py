"""Readers: encodings, headers, datelines, HTML text, JSON records, walking folders."""
from __future__ import annotations

import codecs
import json

import pytest

from chinaecon_extract.errors import InputError
from chinaecon_extract.io.readers import (Article, ReadError, ReadOptions, decode, find_dateline, html_to_text,
                                          iter_files, parse_date, parse_header, read_articles, read_path)

ENGLISH = "Gansu's foreign trade reached 8.62 billion yuan in the first quarter, up 2.6 percent."
CHINESE = "甘肃省一季度外贸进出口总值86.2亿元，同比增长2.6%。 " + ENGLISH


@pytest.mark.parametrize("data,expected", [
    (ENGLISH.encode("utf-8"), ENGLISH),
    (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH),
    (codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), ENGLISH),
    (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), ENGLISH),
    (CHINESE.encode("utf-8"), CHINESE),
    (CHINESE.encode("gb18030"), CHINESE),
    (("长江经济带" * 50).encode("gb18030"), "长江经济带" * 50),
    (b"line one\r\nline two\rline three", "line one\nline two\nline three"),
])
def test_readers_decode_supported_encodings(data, expected):
    assert decode(data) == expected


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"  \n\t \n", "empty file"),
    ("Caf\u00e9 r\u00e9sum\u00e9: l'\u00e9conomie du Qu\u00e9bec a cr\u00fb.".encode("latin-1"), "Latin-1"),
    ("S\u00e3o Paulo t\u00eam a\u00e7\u00facar e caf\u00e9s".encode("latin-1"), "Latin-1"),
    ("He said \u201cgrowth\u201d would resume \u2013 maybe.".encode("cp1252"), "unsupported encoding"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (PNG"),
    (b"%PDF-1.7\n" + bytes(200), "binary file (PDF"),
    (b"abc\x00def\x00\x01\x02" * 20, "binary file"),
    (ENGLISH.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    (codecs.BOM_UTF32_LE + ENGLISH.encode("utf-32-le"), "UTF-32"),
    (bytes(range(1, 9)) * 100, "binary"),
])
def test_readers_decode_refuses_with_reason(data, reason):
    with pytest.raises(InputError) as e:
        decode(data, "x.txt")
    assert reason in e.value.reason
    assert "x.txt" in str(e.value)


def test_readers_decode_never_turns_latin1_into_chinese():
    for word in ("\u00e9t\u00e9", "na\u00efve", "Z\u00fcrich", "M\u00fcnchen", "\u00e0 la", "fa\u00e7ade"):
        data = f"The {word} report said output grew {word} 5 percent.".encode("latin-1")
        with pytest.raises(InputError, match="unsupported encoding"):
            decode(data)


def test_readers_parse_header_as_the_evaluation_does():
    meta, body = parse_header("url: http://x\ntitle: T: a title\npublished: 2025-04-21\n\nBody.\n\nMore.")
    assert meta == {"url": "http://x", "title": "T: a title", "published": "2025-04-21"}
    assert body == "Body.\n\nMore."
    assert parse_header("Not a header line\n\nBody.") == ({}, "Not a header line\n\nBody.")
    meta, body = parse_header("---\ntitle: \"Q1\"\ndate: 2024-07-22\n---\n\nText here.")
    assert meta == {"title": "Q1", "date": "2024-07-22"} and body == "Text here."


@pytest.mark.parametrize("value,expected", [
    ("2025-04-21", "2025-04-21"), ("2025-04-21T08:00:00+08:00", "2025-04-21"), ("2025/4/1", "2025-04-01"),
    ("April 21, 2025", "2025-04-21"), ("Sept. 3, 2019", "2019-09-03"), ("21 April 2025", "2025-04-21"),
    ("unknown", None), ("", None), (None, None), ("2025-02-30", None), ("last year", None),
])
def test_readers_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("text,expected", [
    ("Updated: 2025-04-21 09:13\n\nJiuquan reported growth.", "2025-04-21"),
    ("By Li Wei | chinadaily.com.cn | Updated: 2024-07-22 10:01\n\nText.", "2024-07-22"),
    ("April 21, 2025\n\nThe city reported growth.", "2025-04-21"),
    ("BEIJING, Jan. 17, 2024 (Xinhua) -- China's GDP grew 5.2 percent in 2023.", "2024-01-17"),
    ("BEIJING, Jan. 17 (Xinhua) -- China's GDP grew 5.2 percent.", None),
    ("The plan runs from 2021-01-01 to 2025-12-31 and covers investment in many sectors of the economy.", None),
    ("GDP grew 5 percent in the first quarter of 2025.", None),
])
def test_readers_find_dateline(text, expected):
    assert find_dateline(text) == expected


def test_readers_html_text_drops_scripts_and_navigation():
    html = """<html><head><title>Gansu trade | China Daily</title>
    <meta property="article:published_time" content="2020-04-21T10:00:00+08:00">
    <script>var x = "8.62 billion yuan";</script><style>p {color: red}</style></head>
    <body><nav><a href="/">Home</a> <a>Business</a></nav><header>Site header</header>
    <div role="navigation">Menu</div>
    <h1>Gansu foreign trade</h1>
    <p>The foreign trade of Gansu reached <b>8.62 billion yuan</b> &amp; grew<br>2.6 percent.</p>
    <p>Exports   were
       2.04 billion yuan.</p>
    <footer>Copyright</footer><aside>Related: other news</aside></body></html>"""
    text, meta = html_to_text(html)
    assert text == ("Gansu foreign trade\n\nThe foreign trade of Gansu reached 8.62 billion yuan & grew\n\n"
                    "2.6 percent.\n\nExports were 2.04 billion yuan.")
    assert meta == {"title": "Gansu trade | China Daily", "published": "2020-04-21T10:00:00+08:00"}


def test_readers_html_prefers_article_element():
    body = "Industrial output rose 7 percent. " * 10
    html = f"<body><div>Sidebar 99 percent</div><article><p>{body}</p></article><div>Comments</div></body>"
    text, _ = html_to_text(html)
    assert text == body.strip()


def test_readers_read_path_txt_with_header(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("url: http://x\ntitle: T\npublished: 2024-07-22\n\nHubei GDP rose 5.8 percent.", encoding="utf-8")
    (art,) = read_path(p, tmp_path)
    assert isinstance(art, Article)
    assert (art.doc_id, art.text, art.published, art.published_from, art.title, art.url, art.record) == (
        "a.txt", "Hubei GDP rose 5.8 percent.", "2024-07-22", "header", "T", "http://x", 0)
    assert art.source == str(p.absolute()) and len(art.sha256) == 64


def test_readers_published_precedence(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("published: unknown\n\nUpdated: 2023-01-16\n\nText.", encoding="utf-8")
    (art,) = read_path(p, tmp_path, ReadOptions(published="2020-01-01"))
    assert (art.published, art.published_from) == ("2023-01-16", "dateline")
    p.write_text("Output grew.", encoding="utf-8")
    (art,) = read_path(p, tmp_path, ReadOptions(published="2020-01-01"))
    assert (art.published, art.published_from) == ("2020-01-01", "option")
    (art,) = read_path(p, tmp_path)
    assert (art.published, art.published_from) == (None, None)


def test_readers_json_and_jsonl_records(tmp_path):
    j = tmp_path / "recs.json"
    j.write_text(json.dumps([{"id": "A1", "body": {"text": "GDP rose."}, "date": "March 3, 2024"},
                             {"body": {"text": "Output fell."}}, {"body": {}}, "not an object"]), encoding="utf-8")
    out = list(read_path(j, tmp_path, ReadOptions(text_field="body.text", date_field="date")))
    assert [type(o).__name__ for o in out] == ["Article", "Article", "ReadError", "ReadError"]
    assert (out[0].doc_id, out[0].published, out[0].published_from, out[0].record) == ("A1", "2024-03-03", "field", 1)
    assert out[1].doc_id == "recs.json#2"
    assert "no 'body.text' field" in out[2].reason and "not an object" in out[3].reason
    jl = tmp_path / "recs.jsonl"
    jl.write_bytes(b'{"text": "One.", "published": "2024-01-01"}\n\n{broken\n{"text": ""}\n{"text": "Four."}\n')
    out = list(read_path(jl, tmp_path))
    assert [(o.doc_id, type(o).__name__) for o in out] == [
        ("recs.jsonl#1", "Article"), ("recs.jsonl#3", "ReadError"), ("recs.jsonl#4", "ReadError"),
        ("recs.jsonl#5", "Article")]
    assert "invalid JSON" in out[1].reason and "empty text" in out[2].reason
    assert out[0].sha256 != out[3].sha256


def test_readers_read_path_reports_instead_of_raising(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 3000)
    (err,) = read_path(big, tmp_path, ReadOptions(max_size=1000))
    assert isinstance(err, ReadError) and err.reason.startswith("too large")
    (err,) = read_path(tmp_path / "gone.txt", tmp_path)
    assert "file not found" in err.reason
    head_only = tmp_path / "h.txt"
    head_only.write_text("title: x\npublished: 2024-01-01\n\n  \n", encoding="utf-8")
    (err,) = read_path(head_only, tmp_path)
    assert "empty article" in err.reason
    with pytest.raises(InputError, match="gone.txt"):
        read_articles(tmp_path / "gone.txt")


def test_readers_read_path_skips_done_keys(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Text.", encoding="utf-8")
    (art,) = read_path(p, tmp_path)
    assert list(read_path(p, tmp_path, done={art.key})) == []


def test_readers_iter_files_walks_sorted_and_skips_sidecars_readmes_and_hidden(tmp_path):
    for name in ("b.txt", "a.txt", "a.json", "c.json", "d.html", "e.png", ".hidden.txt", "sub/f.md",
                 ".git/g.txt", "sub/h.jsonl", "README.md", "sub/LICENSE.txt", "readmes.txt"):
        f = tmp_path / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("x", encoding="utf-8")
    skipped = []
    found = [f.relative_to(tmp_path).as_posix() for f, root in iter_files([tmp_path], skipped=skipped)]
    assert found == ["a.txt", "b.txt", "c.json", "d.html", "readmes.txt", "sub/f.md", "sub/h.jsonl"]
    assert [s.name for s in skipped] == ["README.md", "a.json", "LICENSE.txt"]
    (single,) = iter_files([tmp_path / "e.png"])  # named explicitly: read as text
    assert single[0].name == "e.png"
    (single,) = iter_files([tmp_path / "README.md"])
    assert single[0].name == "README.md"
