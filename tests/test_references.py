"""Anaphora: "the city", "the province", "the new area", "the company" resolve to the entity meant."""
import pytest

from chinaecon_extract.components.entities import recognize
from chinaecon_extract.resolve.references import in_force
from chinaecon_extract.text import normalize


def refs(text):
    return [(r.text, r.kind, r.name, r.level) for r in recognize(normalize(text))[3]]


CASES = [
    ("Jiuquan is in Gansu. The city grew 6 percent.", [("The city", "location", "Jiuquan", "prefecture")]),
    ("Jiuquan is in Gansu. The province grew 6 percent.", [("The province", "location", "Gansu", "province")]),
    ("Gansu grew. Jiuquan grew faster than the province.", [("the province", "location", "Gansu", "province")]),
    ("Lanzhou New Area grew. The new area has 500 firms.", [("The new area", "location", "Lanzhou New Area", "new_area")]),
    ("Lanzhou New Area grew. The New District has 500 firms.", [("The New District", "location", "Lanzhou New Area", "new_area")]),
    ("Nandan county opened a mine. The county hired 300 workers.", [("The county", "location", "Nandan", "county")]),
    ("Haidian district hosts startups. The district raised 1 billion yuan.", [("The district", "location", "Haidian", "district")]),
    ("Tibet Autonomous Region grew. The region cut poverty.", [("The region", "location", "Tibet", "province")]),
    ("Xinjiang's tourism grew. Urumqi's hotels earned more. The region aims higher.",
     [("The region", "location", "Xinjiang", "province")]),
    ("Beijing grew. The city's retail sales rose.", [("The city", "location", "Beijing", "province")]),
    ("Yiwu traders sold more. The city exported toys.", [("The city", "location", "Yiwu", "county")]),
    ("Haitian Group hired staff. The company exported more.", [("The company", "organization", "Haitian Group", None)]),
    ("Work resumed in Suzhou Industrial Park. The park hired staff.", [("The park", "location", "Suzhou Industrial Park", "zone")]),
    # "the whole prefecture", "the entire city": the same references
    ("Output in Linxia Prefecture rose. The whole prefecture added 18 firms, more than the entire province.",
     [("The whole prefecture", "location", "Linxia", "prefecture"), ("the entire province", "location", "Gansu", "province")]),
    # "the area": a development area or new area named before it; nothing when none was
    ("Wuhu Economic and Technological Development Area signed 12 projects. The area produced 90,000 cars.",
     [("The area", "location", "Wuhu Economic and Technological Development Area", "zone")]),
    ("Rain fell across Hunan province. The area expects a good harvest.", [("The area", "location", None, None)]),
    ("The country's GDP grew 5 percent.", [("The country", "location", "China", "country")]),
    ("Jinchuan, the country's largest nickel producer, sold more to Kazakhstan.",
     [("the country", "location", "China", "country")]),
    ("The city of Xi'an grew.", []),
    ("The city grew.", [("The city", "location", None, None)]),
    # no province named: the province the place in question lies in
    ("Linxia's output grew 8.7%, faster than the province.", [("the province", "location", "Gansu", "province")]),
    # a county is no city; a county-level city is ("Yumen"), and so is one written "City"
    ("Dingxi received 1.8 million tourists, and Zhuanglang County 200,000. The city's income rose.",
     [("The city", "location", "Dingxi", "prefecture")]),
    ("Jiuquan grew, and Yumen grew faster. The city's income rose.", [("The city", "location", "Yumen", "county")]),
    # "our city" in a government site's voice; a place opening a bureau's name is what it means
    ("The Suining City Economy and Information Technology Bureau said our city's battery output rose.",
     [("our city", "location", "Suining", "prefecture")]),
    # "the whole city" after its parts is the city above them
    ("Suining grew. Shehong City rose 19.8 percent and Chuanshan District 31.4 percent. The whole city exported more.",
     [("The whole city", "location", "Suining", "prefecture")]),
    # "the village" is the village, not a mountain named after it
    ("Mangjing Village lies on Jingmai Mountain. The village's tea sells well.",
     [("The village", "location", "Mangjing Village", "other")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_references_resolve(text, expected):
    assert refs(text) == expected


def test_references_in_force_at_offset():
    text = "Jiuquan is in Gansu. The city grew. Lanzhou New Area grew too."
    places, orgs, _people, references = recognize(text)
    mentions = places + orgs + references
    assert in_force(mentions, text.index("grew.")).name == "Jiuquan"
    assert in_force(mentions, text.index("grew too")).name == "Lanzhou New Area"
    assert in_force(mentions, text.index("The city"), levels=("province",)).name == "Gansu"
    assert in_force(mentions, 0) is None
