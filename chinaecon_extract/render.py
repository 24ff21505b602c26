"""An article as an HTML page a person reads: mentions highlighted by displaCy, facts below.

displaCy's entity style cannot nest, so where mentions overlap the longest is highlighted
and the others still appear in the mentions table.
"""
from __future__ import annotations

from typing import Any

COLORS = {"MONEY": "#f9d77e", "QUANTITY": "#a6e3a1", "COUNT": "#b4befe", "PERCENT": "#f5a97f",
          "PERIOD": "#89dceb", "LOCATION": "#f5c2e7", "ORGANIZATION": "#cba6f7", "PERSON": "#eebebe",
          "REFERENCE": "#dddddd"}

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{{ title }}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.4rem; } .meta { color: #666; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin-bottom: 2rem; }
th, td { border: 1px solid #ddd; padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #f4f4f4; } td.num { text-align: right; white-space: nowrap; }
.entities { line-height: 2.3 !important; }
</style></head>
<body>
<h1>{{ title }}</h1>
<p class="meta">{% if url %}<a href="{{ url }}">{{ url }}</a> · {% endif %}published {{ published or "unknown" }}
{% if published_from %}({{ published_from }}){% endif %} · {{ mentions|length }} mentions · {{ facts|length }} facts</p>
{{ body|safe }}
<h2>Facts</h2>
{% if facts %}<table>
<tr><th>#</th><th>metric</th><th>indicator</th><th>value</th><th>change</th><th>period</th><th>location</th>
<th>organization</th><th>rank</th><th>sentence</th></tr>
{% for f in facts %}<tr><td>{{ loop.index }}</td><td>{{ f.metric or "" }}</td><td>{{ f.indicator or "" }}</td>
<td>{{ f.value_text or "" }}</td><td>{{ f.change_text or "" }}</td>
<td>{% if f.period_start %}{{ f.period_start }} – {{ f.period_end }}{% endif %}</td>
<td>{{ f.location or "" }}{% if f.province and f.province != f.location %} ({{ f.province }}){% endif %}</td>
<td>{{ f.organization or "" }}</td><td>{{ f.rank or "" }}</td><td>{{ f.sentence or "" }}</td></tr>
{% endfor %}</table>{% else %}<p>No facts.</p>{% endif %}
<h2>Mentions</h2>
<table><tr><th>#</th><th>type</th><th>text</th><th>normalized</th></tr>
{% for m in mentions %}<tr><td>{{ m.id }}</td><td>{{ m.type }}</td><td>{{ m.text }}</td><td>{{ m.normalized }}</td></tr>
{% endfor %}</table>
</body></html>
"""

_SHOWN = ("value", "currency", "unit", "item", "role", "direction", "basis", "qualifier", "per", "name", "level",
          "parent", "kind", "title", "organization")


def _normalized(m: dict[str, Any]) -> str:
    parts = [f"{k}={m[k]}" for k in _SHOWN if m.get(k) not in (None, "", False)]
    per = m.get("period")
    if per and per.get("start"):
        parts.append(f"{per['start']}..{per['end']} ({per.get('granularity')}, {per.get('how')})")
    return ", ".join(parts)


def highlight(text: str, mentions: list[dict[str, Any]], title: str | None = None) -> str:
    """displaCy entity markup for the text with non-overlapping mentions (longest first)."""
    from spacy import displacy

    chosen, taken = [], []
    for m in sorted(mentions, key=lambda m: (-(m["end"] - m["start"]), m["start"])):
        if m["end"] > m["start"] and all(m["end"] <= s or m["start"] >= e for s, e in taken):
            taken.append((m["start"], m["end"]))
            chosen.append({"start": m["start"], "end": m["end"], "label": m["type"].upper()})
    chosen.sort(key=lambda e: e["start"])
    return displacy.render({"text": text, "ents": chosen, "title": None}, style="ent", manual=True, page=False,
                           jupyter=False, options={"colors": COLORS})


def render_article(article, result=None) -> str:
    """The HTML page of one article.

    article (Article | str): an Article from chinaecon_extract.io.readers, or plain text.
    result (ArticleResult | None): its extraction; computed when None.
    RETURNS (str): a complete HTML document.
    """
    import jinja2

    from . import extract
    from .io.readers import Article
    from .io.writers import article_record, fact_rows

    if isinstance(article, str):
        article = Article(doc_id="text", source="", record=0, sha256="", text=article)
    if result is None:
        result = extract(article.text, published=article.published)
    rec = article_record(article, result)
    mentions = [{**m, "normalized": _normalized(m)} for m in rec["mentions"]]
    env = jinja2.Environment(autoescape=True)
    return env.from_string(PAGE).render(
        title=article.title or article.doc_id, url=article.url, published=rec["published"],
        published_from=article.published_from, body=highlight(article.text, rec["mentions"]),
        facts=fact_rows(rec, article.text), mentions=mentions)
