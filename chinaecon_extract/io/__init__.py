"""Reading article files of every supported kind, and writing batch results.

readers.py turns a path (or bytes) into `Article`s: decoding, headers, HTML text,
JSON records, publication dates. writers.py streams results to JSONL, CSV or SQLite,
with the resume index and error records.
"""
from __future__ import annotations

from .readers import Article, SUPPORTED_SUFFIXES, decode, iter_files, read_articles, read_path
from .writers import open_writer

__all__ = ["Article", "SUPPORTED_SUFFIXES", "decode", "iter_files", "read_articles", "read_path", "open_writer"]
