"""Person mentions with title and organization."""
import pytest

from chinaecon_extract.components.entities import recognize
from chinaecon_extract.text import normalize


def people(text):
    return [(p.name, p.title, p.organization) for p in recognize(normalize(text))[2]]


CASES = [
    ("Lanzhou New Area economic development Bureau director Su Tian said.",
     [("Su Tian", "director", "Lanzhou New Area economic development Bureau")]),
    ("Feng Haifeng, deputy general manager of Lanzhou Xinhe Tank Co., LTD., said orders were full.",
     [("Feng Haifeng", "deputy general manager", "Lanzhou Xinhe Tank Co., LTD.")]),
    ("Gansu Hailiang New Energy Material Co., Ltd. manufacturing director Wang Yongqin said output rose.",
     [("Wang Yongqin", "manufacturing director", "Gansu Hailiang New Energy Material Co., Ltd.")]),
    ("Work resumed in Suzhou Industrial Park. Xu Xiaoqiang, an official with the park, said so.",
     [("Xu Xiaoqiang", "official", "Suzhou Industrial Park")]),
    ("Li Ming, director of the National Bureau of Statistics, said prices rose.",
     [("Li Ming", "director", "National Bureau of Statistics")]),
    ("Zhang Wei, chairman of Haitian Group, said exports grew.", [("Zhang Wei", "chairman", "Haitian Group")]),
    ("general manager Gong Hongquan said the output broke 92 million yuan.", [("Gong Hongquan", "general manager", None)]),
    ("Chen Jie said the shop sold out.", [("Chen Jie", None, None)]),
    # a name ending a line: the word opening the next line is not his title
    ("Contact: Wang Lei,\ndirector of the county bureau said output rose.", []),
    ("Liu Yang, a villager, planted morels.", [("Liu Yang", "villager", None)]),
    ("Wang Tao, spokesperson for the Ministry of Commerce, said trade grew.", [("Wang Tao", "spokesperson", "Ministry of Commerce")]),
    ("Zhao Lei, deputy mayor of Jiuquan, said investment rose.", [("Zhao Lei", "deputy mayor", None)]),
    ("Premier Li Qiang said China will open wider.", [("Li Qiang", "Premier", None)]),
    ("Vice Premier He Lifeng attended the fair.", [("He Lifeng", "Vice Premier", None)]),
    ("The Great Wall attracted visitors.", []),
    ("Wang said the plan works.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_people_recognize(text, expected):
    assert people(text) == expected


def test_people_name_is_not_a_place():
    places, _orgs, persons, _refs = recognize("Feng Haifeng, deputy general manager, said so.")
    assert places == [] and persons[0].name == "Feng Haifeng"
