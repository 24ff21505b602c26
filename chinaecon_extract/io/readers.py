"""Article files in, `Article`s out: formats, encodings, headers, datelines, HTML text.

Formats: .txt and .md (optional `key: value` header or `---` front matter, then the body),
.html/.htm (article text through the standard library's HTMLParser, with scripts, styles
and navigation dropped), .json (one record or a list of records) and .jsonl (one record a
line) with the text in a field.

Encodings, tried in this order: a byte-order mark (UTF-8, UTF-16), strict UTF-8, then
GB18030 only when its multi-byte sequences look like real GB2312-area Chinese. GB18030
decodes almost any byte string, so Latin-1/cp1252 text would otherwise come out as
plausible-looking Chinese garbage; such files are refused with the reason instead.

Every problem raises InputError(path, reason) (or comes back as a ReadError from the
iterating readers), so a batch records it and goes on.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from ..data import load_json
from ..errors import InputError
from ..text import alternation

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
DEFAULT_MAX_SIZE = 2_000_000
# Raw HTML and JSON carry markup around the text; allow them this many times --max-size.
MARKUP_FACTOR = 8


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs.

    text_field, id_field, date_field (str): keys of JSON records (dotted for nesting).
    published (str | None): ISO date for articles that give none.
    max_size (int): the largest article, in bytes of text; larger files are refused unread.
    """

    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "published"
    published: str | None = None
    max_size: int = DEFAULT_MAX_SIZE


@dataclass(frozen=True, slots=True)
class Article:
    """One article ready for extract().

    doc_id (str): path relative to the input root, "#N" appended for the Nth record of a
        JSON file, or the record's id field.
    source (str): absolute path of the file. record (int): 0 for a whole file, else the
        1-based record number (the line number in a .jsonl file).
    sha256 (str): hash of the article's bytes (the file, or the record's line).
    published_from (str | None): header / field / meta / dateline / option.
    """

    doc_id: str
    source: str
    record: int
    sha256: str
    text: str
    published: str | None = None
    published_from: str | None = None
    title: str | None = None
    url: str | None = None

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.source, self.record, self.sha256)


@dataclass(frozen=True, slots=True)
class ReadError:
    """A file or record that could not be read; reason says why."""

    doc_id: str
    source: str
    record: int
    reason: str
    sha256: str | None = None


# --------------------------------------------------------------------------- decoding

_MAGIC = ((b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP/Office"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
          (b"GIF8", "GIF image"), (b"\x1f\x8b", "gzip"), (b"\x7fELF", "executable"), (b"BZh", "bzip2"),
          (b"\xfd7zXZ", "xz"), (b"Rar!", "RAR"), (b"\xd0\xcf\x11\xe0", "OLE/Office"), (b"7z\xbc\xaf", "7z"),
          (b"SQLite format 3\x00", "SQLite"))
_GB_SEQ = re.compile(rb"[\x81-\xfe][\x30-\x39][\x81-\xfe][\x30-\x39]|[\x81-\xfe][\x40-\xfe]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_ENCODINGS = "UTF-8, UTF-16 with a byte-order mark or GB18030"


def _gb18030_plausible(data: bytes) -> bool:
    """Whether a GB18030-decodable byte string looks like real Chinese: nearly all of its
    multi-byte characters in the GB2312 area (both bytes 0xA1-0xFE), where Latin-1 text
    pairs an accented letter with the ASCII letter after it."""
    common = rare = 0
    for m in _GB_SEQ.finditer(data):
        s = m.group()
        if len(s) == 2 and s[0] >= 0xA1 and s[1] >= 0xA1:
            common += 1
        else:
            rare += 1
    return common > 0 and rare <= 0.05 * (common + rare)


def _refusal(data: bytes) -> str:
    high = sum(1 for b in data[:65536] if b >= 0x80)
    hint = "; looks like Latin-1/cp1252" if high and high < 0.3 * min(len(data), 65536) else ""
    return f"unsupported encoding (not {_ENCODINGS}{hint})"


def decode(data: bytes, path: str | os.PathLike = "<bytes>") -> str:
    """Bytes to text with newlines normalized to "\\n", or InputError naming the problem.

    data (bytes): the raw file. path: for the error message.
    RETURNS (str): the text, without a byte-order mark.
    """
    if not data:
        raise InputError(path, "empty file (0 bytes)")
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"binary file ({name})")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError(path, f"unsupported encoding (UTF-32; use {_ENCODINGS})")
    text = None
    try:
        if data.startswith(codecs.BOM_UTF8):
            text = data[3:].decode("utf-8")
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
    except UnicodeDecodeError as e:
        raise InputError(path, f"undecodable: byte-order mark but invalid text at byte {e.start}") from None
    if text is None:
        head = data[:4096]
        nul = head.count(0)
        if nul:
            if nul >= len(head) // 3 and (head[1::2].count(0) > 0.9 * len(head) // 2
                                           or head[0::2].count(0) > 0.9 * len(head) // 2):
                raise InputError(path, "unsupported encoding (UTF-16 without a byte-order mark)")
            raise InputError(path, "binary file (contains NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                gb = data.decode("gb18030")
            except UnicodeDecodeError:
                raise InputError(path, _refusal(data)) from None
            if not _gb18030_plausible(data):
                raise InputError(path, _refusal(data))
            text = gb
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = len(_CONTROL.findall(text[:65536]))
    if bad and bad > 0.01 * min(len(text), 65536):
        raise InputError(path, "binary file (control characters)")
    if not text.strip():
        raise InputError(path, "empty file (only whitespace)")
    return text


# --------------------------------------------------------------------------- dates

_MONTHS = load_json("periods.json")["months"]  # lower-case name or abbreviation -> month number
_MONTH_RE = alternation(_MONTHS)
_DATE_RES = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    re.compile(rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
)
_LABELLED = re.compile(r"\b(?:updated|published|posted|released|date|time)\s*[:：]\s*", re.I)
_CITY_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{1,40},\s+")


def _date_match(s: str, pos: int = 0, anchored: bool = False) -> tuple[str, int] | None:
    best = None
    for rx in _DATE_RES:
        m = rx.match(s, pos) if anchored else rx.search(s, pos)
        if not m:
            continue
        mon = m.group("mon").lower() if "mon" in rx.groupindex else None
        try:
            d = dt.date(int(m.group("y")), _MONTHS[mon] if mon else int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        if best is None or m.start() < best[1]:
            best = (d.isoformat(), m.start())
    return best


def parse_date(value) -> str | None:
    """An ISO date from "2025-04-21", "2025-04-21T08:00:00Z", "April 21, 2025" or
    "21 April 2025"; None when the value holds no full date."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    s = str(value).strip()
    if not s or s.lower() in ("unknown", "none", "null", "n/a"):
        return None
    found = _date_match(s)
    return found[0] if found else None


def find_dateline(text: str) -> str | None:
    """The publication date a dateline near the top of the text gives: a labelled date
    ("Updated: 2025-04-21 09:13"), a short line that is a date, or "CITY, April 21, 2025 --"."""
    head = text[:600]
    for m in _LABELLED.finditer(head):
        found = _date_match(head, m.end(), anchored=True)
        if found:
            return found[0]
    lines = [ln.strip() for ln in head.split("\n") if ln.strip()][:3]
    for ln in lines:
        found = _date_match(ln)
        if found and len(ln) <= 40:
            return found[0]
        m = _CITY_DATELINE.match(ln)
        if m:
            found = _date_match(ln, m.end(), anchored=True)
            if found:
                return found[0]
    return None


# --------------------------------------------------------------------------- headers

_HEADER_LINE = re.compile(r"^[a-z_]+: ")


def parse_header(raw: str) -> tuple[dict[str, str], str]:
    """Split `key: value` header lines (url, title, published), ended by a blank line, from
    the body; or `---` front matter. The rule is the evaluation's: every line before the
    first blank line must look like `key: value`, else there is no header.

    RETURNS (tuple[dict, str]): the header values and the body.
    """
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 4)
        if end > 0:
            meta = {}
            for line in raw[4:end].split("\n"):
                k, sep, v = line.partition(":")
                if sep:
                    meta[k.strip().lower()] = v.strip().strip("\"'")
            return meta, raw[end + 5:].lstrip("\n")
    header, sep, body = raw.partition("\n\n")
    if sep and all(_HEADER_LINE.match(line) for line in header.split("\n")):
        meta = {}
        for line in header.split("\n"):
            k, _, v = line.partition(": ")
            meta[k] = v.strip()
        return meta, body
    return {}, raw


# --------------------------------------------------------------------------- HTML

_SKIP_TAGS = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
              "svg", "button", "select", "textarea", "head", "menu", "dialog", "object", "canvas"}
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "menu", "menubar", "search", "complementary"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
         "wbr"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "blockquote", "pre", "dd", "dt", "dl", "hr", "main", "figcaption", "caption", "td", "th",
          "figure", "address", "body", "center"}
_DATE_META = {"article:published_time", "og:published_time", "pubdate", "publishdate", "publish-date",
              "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date",
              "sailthru.date", "datepublished", "article.published"}


class _HTMLText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.skipping = 0
        self.in_article = 0
        self.in_title = False
        self.parts: list[str] = []
        self.article_parts: list[str] = []
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            name = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if name in _DATE_META and a.get("content"):
                self.meta.setdefault("published", a["content"])
            return
        if tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK:
            self._break()
        if tag in _VOID:
            return
        skip = tag in _SKIP_TAGS or a.get("role", "").lower() in _SKIP_ROLES or "hidden" in a
        self.stack.append((tag, skip))
        self.skipping += skip
        self.in_article += tag == "article"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1][0] == tag:
            self._pop()

    def _pop(self):
        tag, skip = self.stack.pop()
        self.skipping -= skip
        self.in_article -= tag == "article"

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self._break()
        if any(t == tag for t, _ in self.stack):
            while self.stack:
                t = self.stack[-1][0]
                self._pop()
                if t == tag:
                    break

    def _break(self):
        self.parts.append("\n\n")
        if self.in_article:
            self.article_parts.append("\n\n")

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skipping:
            return
        self.parts.append(data)
        if self.in_article:
            self.article_parts.append(data)


def _paragraphs(parts: list[str]) -> str:
    paras = (" ".join(p.split()) for p in "".join(parts).split("\n\n"))
    return "\n\n".join(p for p in paras if p)


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """The readable text of an HTML page, one paragraph per block, and its metadata.

    Scripts, styles, navigation, headers, footers, asides and forms are dropped; when the
    page has <article> elements with text, only their text is kept.
    RETURNS (tuple[str, dict]): the text and {"title", "published"} where found.
    """
    p = _HTMLText()
    p.feed(html)
    p.close()
    article = _paragraphs(p.article_parts)
    text = article if len(article) >= 200 else _paragraphs(p.parts)
    meta = {}
    title = " ".join("".join(p.title_parts).split())
    if title:
        meta["title"] = title
    pub = p.meta.get("published") or p.meta.get("time")
    if pub:
        meta["published"] = pub
    return text, meta


# --------------------------------------------------------------------------- articles


def _field(record: dict, dotted: str):
    cur = record
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def _published(*candidates: tuple[str, object], text: str, options: ReadOptions) -> tuple[str | None, str | None]:
    for how, value in candidates:
        d = parse_date(value)
        if d:
            return d, how
    d = find_dateline(text)
    if d:
        return d, "dateline"
    if options.published:
        return parse_date(options.published), "option"
    return None, None


def _doc_id(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name


def _size_error(size: int, limit: int) -> str:
    return f"too large ({size / 1e6:.1f} MB; limit {limit / 1e6:.1f} MB, see --max-size)"


def article_from_text(raw: str, *, doc_id: str, source: str, sha256: str, kind: str = ".txt",
                      options: ReadOptions = ReadOptions(), record: int = 0) -> Article:
    """An Article from decoded file text of a text kind (.txt/.md/.html)."""
    if kind in (".html", ".htm"):
        text, meta = html_to_text(raw)
        title, url, pub = meta.get("title"), None, ("meta", meta.get("published"))
    else:
        meta, text = parse_header(raw)
        title, url = meta.get("title"), meta.get("url")
        pub = ("header", meta.get("published") or meta.get("date"))
    if not text.strip():
        raise InputError(source, "empty article (no text after the header)")
    if len(text) > options.max_size:
        raise InputError(source, _size_error(len(text), options.max_size))
    published, how = _published(pub, text=text, options=options)
    return Article(doc_id=doc_id, source=source, record=record, sha256=sha256, text=text, published=published,
                   published_from=how, title=title or None, url=url or None)


def article_from_record(rec, *, doc_id: str, source: str, sha256: str, record: int,
                        options: ReadOptions = ReadOptions()) -> Article:
    """An Article from one JSON record (a dict with the text in options.text_field)."""
    where = f"{source}#{record}"
    if not isinstance(rec, dict):
        raise InputError(where, f"record is a {type(rec).__name__}, not an object")
    text = _field(rec, options.text_field)
    if text is None:
        raise InputError(where, f"no {options.text_field!r} field in the record (see --text-field)")
    if not isinstance(text, str):
        raise InputError(where, f"field {options.text_field!r} is a {type(text).__name__}, not a string")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(where, f"empty text in field {options.text_field!r}")
    if len(text) > options.max_size:
        raise InputError(where, _size_error(len(text), options.max_size))
    rid = _field(rec, options.id_field)
    if rid is not None and not isinstance(rid, (dict, list)):
        doc_id = str(rid)
    date = _field(rec, options.date_field)
    if date is None and options.date_field == ReadOptions.date_field:
        date = rec.get("date")
    published, how = _published(("field", date), text=text, options=options)
    title, url = rec.get("title"), rec.get("url")
    return Article(doc_id=doc_id, source=source, record=record, sha256=sha256, text=text, published=published,
                   published_from=how, title=title if isinstance(title, str) else None,
                   url=url if isinstance(url, str) else None)


def read_record_line(line: bytes, *, path: str | os.PathLike, lineno: int, root: Path | None = None,
                     options: ReadOptions = ReadOptions(), done=frozenset()) -> Article | ReadError | None:
    """One line of a .jsonl file as an Article, a ReadError, or None when its key is in
    `done` (already processed)."""
    p = Path(path)
    source, doc_id = str(p.absolute()), f"{_doc_id(p, root)}#{lineno}"
    sha = hashlib.sha256(line).hexdigest()
    if (source, lineno, sha) in done:
        return None
    try:
        if len(line) > options.max_size * 2:
            raise InputError(f"{source}#{lineno}", _size_error(len(line), options.max_size))
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
        text = decode(line, f"{source}#{lineno}")
        try:
            rec = json.loads(text)
        except ValueError as e:
            raise InputError(f"{source}#{lineno}", f"invalid JSON: {e}") from None
        return article_from_record(rec, doc_id=doc_id, source=source, sha256=sha, record=lineno, options=options)
    except InputError as e:
        return ReadError(doc_id, source, lineno, e.reason, sha)


def iter_jsonl_lines(path: str | os.PathLike, max_line: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each non-blank line; bytes None for a line longer than
    max_line (skipped without holding it in memory)."""
    with open(path, "rb") as f:
        lineno = 0
        while True:
            line = f.readline(max_line + 1)
            if not line:
                return
            lineno += 1
            if len(line) > max_line and not line.endswith(b"\n"):
                while True:  # skip the rest of an overlong line
                    chunk = f.readline(1 << 20)
                    if not chunk or chunk.endswith(b"\n"):
                        break
                yield lineno, None
                continue
            if line.strip():
                yield lineno, line.rstrip(b"\r\n")


def read_path(path: str | os.PathLike, root: str | os.PathLike | None = None, options: ReadOptions = ReadOptions(),
              done=frozenset(), kind: str | None = None) -> Iterator[Article | ReadError]:
    """Every article in one file, as Articles and ReadErrors (never raises for bad input).

    path: the file. root: the input folder doc ids are relative to. done: keys
    (source, record, sha256) already processed, which are skipped. kind: the format
    (".txt", ".html", ...), by default the file's suffix (unknown suffixes read as text).
    """
    p = Path(path)
    rootp = Path(root) if root is not None else None
    source, doc_id = str(p.absolute()), _doc_id(p, rootp)
    kind = (kind or p.suffix).lower()
    if kind not in SUPPORTED_SUFFIXES:
        kind = ".txt"
    if kind == ".jsonl":
        limit = options.max_size * 2
        try:
            for lineno, line in iter_jsonl_lines(p, limit):
                if line is None:
                    yield ReadError(f"{doc_id}#{lineno}", source, lineno, _size_error(limit + 1, options.max_size))
                    continue
                r = read_record_line(line, path=p, lineno=lineno, root=rootp, options=options, done=done)
                if r is not None:
                    yield r
        except OSError as e:
            yield ReadError(doc_id, source, 0, _os_reason(e))
        return
    try:
        data = _read_bytes(p, options.max_size * (1 if kind in (".txt", ".md") else MARKUP_FACTOR),
                           options.max_size)
        sha = hashlib.sha256(data).hexdigest()
    except InputError as e:
        yield ReadError(doc_id, source, 0, e.reason)
        return
    if kind != ".json":
        if (source, 0, sha) in done:
            return
        try:
            yield article_from_text(decode(data, source), doc_id=doc_id, source=source, sha256=sha, kind=kind,
                                    options=options)
        except InputError as e:
            yield ReadError(doc_id, source, 0, e.reason, sha)
        return
    try:
        obj = json.loads(decode(data, source))
    except InputError as e:
        yield ReadError(doc_id, source, 0, e.reason, sha)
        return
    except ValueError as e:
        yield ReadError(doc_id, source, 0, f"invalid JSON: {e}", sha)
        return
    records = obj if isinstance(obj, list) else [obj]
    for i, rec in enumerate(records, 1):
        if (source, i, sha) in done:
            continue
        rid = f"{doc_id}#{i}" if isinstance(obj, list) else doc_id
        try:
            yield article_from_record(rec, doc_id=rid, source=source, sha256=sha, record=i, options=options)
        except InputError as e:
            yield ReadError(rid, source, i, e.reason, sha)


def _os_reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "file not found (removed during the run?)"
    if isinstance(e, PermissionError):
        return "unreadable (permission denied)"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    return f"unreadable ({e.strerror or e})"


def _read_bytes(p: Path, limit: int, max_size: int) -> bytes:
    try:
        with open(p, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                raise InputError(p, _size_error(size, max_size))
            data = f.read(limit + 1)
    except OSError as e:
        raise InputError(p, _os_reason(e)) from None
    if len(data) > limit:  # grew since stat
        raise InputError(p, _size_error(len(data), max_size))
    return data


def read_articles(path: str | os.PathLike, root=None, options: ReadOptions = ReadOptions()) -> list[Article]:
    """Every article in one file; raises InputError on the first problem."""
    out = []
    for r in read_path(path, root, options):
        if isinstance(r, ReadError):
            where = r.source if not r.record else f"{r.source}#{r.record}"
            raise InputError(where, r.reason)
        out.append(r)
    return out


# --------------------------------------------------------------------------- walking

_TEXT_SIBLINGS = (".txt", ".md", ".html", ".htm")


def _is_sidecar(p: Path) -> bool:
    """A .json beside a same-named article file holds annotations (gold), not articles."""
    return p.suffix.lower() == ".json" and any(p.with_suffix(s).exists() for s in _TEXT_SIBLINGS)


_FOLDER_DOCS = ("readme", "license", "licence", "changelog", "contributing", "notice", "copying")


def _is_folder_doc(p: Path) -> bool:
    """README.md, LICENSE.txt and the like document a folder of articles; they are not articles."""
    return p.stem.lower().split(".")[0] in _FOLDER_DOCS


def iter_files(paths: Iterable[str | os.PathLike], *, exclude: Iterable[str | os.PathLike] = (),
               skipped: list | None = None) -> Iterator[tuple[Path, Path]]:
    """(file, root) for every input file: named files as they are, folders walked
    recursively in sorted order for files with a supported suffix. Hidden files and
    folders, annotation sidecars (.json beside a same-named .txt), a folder's README /
    LICENSE files and `exclude` paths are left out; skipped sidecars and README-like files
    are appended to `skipped` when given.
    """
    excluded = {os.path.abspath(e) for e in exclude}
    for given in paths:
        p = Path(given)
        if not p.is_dir():
            if os.path.abspath(p) not in excluded:
                yield p, p.parent
            continue
        for dirpath, dirnames, filenames in os.walk(p):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or not name.lower().endswith(SUPPORTED_SUFFIXES):
                    continue
                f = Path(dirpath, name)
                if os.path.abspath(f) in excluded:
                    continue
                if _is_sidecar(f) or _is_folder_doc(f):
                    if skipped is not None:
                        skipped.append(f)
                    continue
                yield f, p
