"""The spaCy integration: factories, doc.spans, doc.ents left alone, saving and loading,
multiprocessing, and the one-call API."""
from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

import chinaecon_extract as ce
from chinaecon_extract import api
from chinaecon_extract.components.sentences import sentence_spans

SENTENCE = ("The foreign trade volume of the province reached 8.62 billion yuan ($1.21 billion), "
            "decreasing by 2.6 percent from the same period last year.")


def test_pipeline_component_names_are_registered():
    """The factories are declared as entry points, so spaCy finds them without an import of the package."""
    from importlib.metadata import entry_points

    names = sorted(e.name for e in entry_points(group="spacy_factories") if e.value.startswith("chinaecon_extract"))
    assert names == ["chinaecon_entities", "chinaecon_facts", "chinaecon_figures",
                     "chinaecon_periods", "chinaecon_sentences"]
    nlp = spacy.blank("en")  # spaCy reads the entry points here
    for name in names:
        nlp.add_pipe(name)
    assert nlp.pipe_names == names


def test_pipeline_load_is_blank_english_with_components_in_order():
    nlp = ce.load()
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["chinaecon_sentences", "chinaecon_figures", "chinaecon_periods",
                              "chinaecon_entities", "chinaecon_facts"]


def test_pipeline_spans_and_facts_on_doc():
    nlp = ce.load()
    doc = nlp(SENTENCE)
    labels = [(s.text, s.label_) for s in doc.spans["chinaecon"] if s.label_ in ("money", "percent")]
    assert labels == [("8.62 billion yuan", "money"), ("$1.21 billion", "money"), ("2.6 percent", "percent")]
    (fact,) = doc._.facts
    assert doc.text[slice(*fact.value)] == "8.62 billion yuan"
    assert doc.text[slice(*fact.change)] == "2.6 percent"
    assert doc.text[slice(*fact.value_alt)] == "$1.21 billion"
    money = [s for s in doc.spans["chinaecon"] if s.label_ == "money"][0]
    assert money._.mention.value == 8.62e9 and money._.mention.currency == "CNY"


def test_pipeline_existing_ents_survive_added_components():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "Gansu"}, {"label": "ORG", "pattern": "Lanzhou Customs"}])
    for name in ce.pipeline.COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("Gansu exports reached 2.04 billion yuan, according to Lanzhou Customs.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Gansu", "GPE"), ("Lanzhou Customs", "ORG")]
    assert any(s.label_ == "money" for s in doc.spans["chinaecon"])


def test_pipeline_to_disk_and_spacy_load_in_a_fresh_process(tmp_path):
    ce.load().to_disk(tmp_path / "pipeline")
    code = ("import spacy; nlp = spacy.load(r'%s'); doc = nlp('Exports rose 5 percent to 3 billion yuan.');"
            "print(nlp.pipe_names[1], len(doc._.facts), sorted(s.label_ for s in doc.spans['chinaecon']))"
            % (tmp_path / "pipeline"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[0] == "chinaecon_figures 1 ['money', 'percent']"


def test_pipeline_n_process_two_gives_the_same_results():
    texts = [SENTENCE, "Retail sales rose 4.5 percent year-on-year.",
             "The city produced 516,000 metric tons of coke, an increase of 9.2 percent."] * 3
    one = [r.to_dict() for r in ce.extract_many(texts)]
    two = [r.to_dict() for r in ce.extract_many(texts, n_process=2, batch_size=2)]
    assert one == two
    assert [len(r["facts"]) for r in one[:3]] == [1, 1, 1]


@pytest.mark.parametrize("published", ["2024-06-30", None])
def test_pipeline_extract_and_the_spacy_pipeline_agree_on_the_corpora(published):
    # extract() runs article.py on the string; the components run the same steps on a Doc
    from pathlib import Path

    texts = []
    for path in sorted((Path(__file__).parent.parent / "corpora").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8").split("\n\n", 1)[1])
    texts += [t[:400] for t in texts]  # cut mid-sentence, too
    direct = [ce.extract(t, published=published).to_dict() for t in texts]
    nlp = ce.load()
    piped = [api.result_from_doc(nlp(api._make_doc(nlp, t, published))).to_dict() for t in texts]
    assert direct == piped
    assert sum(len(d["facts"]) for d in direct) > 400


def test_pipeline_extract_validates_its_arguments():
    with pytest.raises(TypeError, match="E001"):
        ce.extract(b"bytes are not text")
    with pytest.raises(ValueError, match="E002"):
        ce.extract("Sales rose 5 percent.", published="last Tuesday")
    assert ce.extract("x", published="2024-02-29T10:00:00").published == "2024-02-29"


def test_pipeline_result_round_trips_through_dict():
    r = ce.extract(SENTENCE, published="2020-04-21")
    again = ce.ArticleResult.from_dict(r.to_dict(), text=SENTENCE)
    assert again.to_dict() == r.to_dict()


@pytest.mark.parametrize("text,expected", [
    ("Gansu Hailiang Co., Ltd. said output rose. Sales fell.", ["Gansu Hailiang Co., Ltd. said output rose.", "Sales fell."]),
    ("On Dec. 29 the season opened. It ran to No. 1 Central Document rules.",
     ["On Dec. 29 the season opened.", "It ran to No. 1 Central Document rules."]),
    ("Exports to the U.S. rose 3 percent. Imports fell.", ["Exports to the U.S. rose 3 percent.", "Imports fell."]),
    ("It employs approx. 300 workers in Lanzhou. Output grew.", ["It employs approx. 300 workers in Lanzhou.", "Output grew."]),
    ("Xinhua, CCTV, etc., praised it. It grew... The end", ["Xinhua, CCTV, etc., praised it.", "It grew...", "The end"]),
    ("Headline without a period\nBody sentence one. Body two.", ["Headline without a period", "Body sentence one.", "Body two."]),
    ("He said: \u201cWe will grow.\u201d The firm agreed.", ["He said: \u201cWe will grow.\u201d", "The firm agreed."]),
])
def test_pipeline_sentence_splitter_keeps_abbreviations(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_pipeline_results_survive_docbin_serialization():
    from spacy.tokens import DocBin
    nlp = ce.load()
    doc = nlp(SENTENCE)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (again,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert again._.mentions == doc._.mentions
    assert again._.facts == doc._.facts
