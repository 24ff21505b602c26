"""Facts of whole articles: the seed articles' full fact lists, and context carried
across sentences (place, period, organization) in short articles written in the genre."""
from __future__ import annotations

from pathlib import Path

import pytest

import chinaecon_extract as ce

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
Q1_2025 = ("2025-01-01", "2025-03-31")


def _body(name: str) -> str:
    return (CORPORA / name).read_text(encoding="utf-8").split("\n\n", 1)[1]


def _rows(text: str, published=None):
    d = ce.extract(text, published=published).to_dict()
    ms = d["mentions"]

    def t(i):
        return None if i is None else ms[i]["text"]

    return [(t(f["value"]), t(f["change"]), t(f["value_alt"]), f["rank"], (f["location"] or {}).get("name"),
             (f["period"]["start"], f["period"]["end"]) if f["period"] else None, f["organization"])
            for f in d["facts"]]


def test_facts_context_seed000_full_fact_list():
    assert _rows(_body("seed000.txt")) == [
        ("10.13 billion yuan", "13.6 percent", "$1.41 billion", 3, "Jiuquan", Q1_2025, None),
        ("8.59 billion kilowatt-hours", "10.6 percent", None, None, "Jiuquan", Q1_2025, None),
        ("1.15 million metric tons", "35.9 percent", None, None, "Jiuquan", Q1_2025, None),
        ("516,000 metric tons", "9.2 percent", None, None, "Jiuquan", Q1_2025, None),
        ("4.98 billion yuan", "42.9 percent", None, None, "Jiuquan", Q1_2025, None),
        ("66", None, None, None, "Jiuquan", Q1_2025, None),
        ("165 key manufacturing projects", None, None, None, "Jiuquan", Q1_2025, None),
        ("40 percent", None, None, None, "Jiuquan", Q1_2025, None),
        ("8.35 billion yuan", "7.9 percent", None, None, "Jiuquan", Q1_2025, None),
        ("1.64 billion yuan", None, None, None, "Jiuquan", Q1_2025, None),
        ("127 business-related problems", None, None, None, "Jiuquan", Q1_2025, None),
        ("116", None, None, None, "Jiuquan", Q1_2025, None),
        ("91.3 percent", None, None, None, "Jiuquan", Q1_2025, None),
    ]


def test_facts_context_seed003_full_fact_list():
    rows = _rows(_body("seed003.txt"), published="2023-01-16")
    lna = "Lanzhou New Area"
    hailiang = "Gansu Hailiang New Energy Material Co., Ltd."
    chem = "Gansu Lanzhou Chemical Technology Co., LTD."
    assert [(r[0], r[1], r[4], r[6]) for r in rows] == [
        ("two major Gansu science and technology projects", None, lna, None),
        ("1 billion yuan", None, lna, None),
        (None, "13 percent", lna, None),
        ("95 percent", None, lna, None),
        ("100 percent", None, lna, None),
        ("1.62 million yuan", None, lna, "New District Commercial Investment Group"),
        ("125.635 billion yuan", "14%", lna, "New District Commercial Investment Group"),
        ("120 frontline workers", None, lna, hailiang),
        ("560 employees", None, lna, hailiang),
        ("1,900 tons", None, lna, hailiang),
        ("150 million yuan", None, lna, hailiang),
        ("2m", None, lna, None),
        ("31 provinces and cities", None, lna, None),
        ("19.09 billion yuan", None, lna, None),
        ("21.57 billion yuan", None, lna, None),
        ("113%", None, lna, None),
        ("92 million yuan", None, lna, chem),
        ("100 million yuan", None, lna, chem),
    ]
    period = {r[0] or r[1]: r[5] for r in rows}
    assert period["13 percent"] == ("2022-01-01", "2022-09-30")
    assert period["95 percent"] == ("2022-12-15", "2022-12-15")
    assert period["1.62 million yuan"] == ("2022-12-29", "2022-12-29")
    assert period["125.635 billion yuan"] == ("2022-01-01", "2022-12-31")   # "annual revenue"
    assert period["19.09 billion yuan"] == ("2022-01-01", "2022-12-31")     # "annual planned investment"
    assert period["21.57 billion yuan"] == ("2022-01-01", "2022-11-30")     # "by the end of November"
    assert period["113%"] == ("2022-01-01", "2022-11-30")
    assert period["1,900 tons"] == period["150 million yuan"] == ("2023-01-01", "2023-01-31")


CONTEXT = [
    # the place in force: "The city" is the city of the lead
    ("Tianshui in Gansu province reported steady growth in the first quarter of 2025. The city's GDP reached "
     "18.6 billion yuan, up 5.9 percent. Retail sales rose 6.1 percent.", "2025-04-20",
     [("18.6 billion yuan", "Tianshui", Q1_2025), ("6.1 percent", "Tianshui", Q1_2025)]),
    # the period in force carries to later sentences and paragraphs
    ("In the first half of this year, Xi'an handled 2,619 train trips, up 46.2 percent.\n\n"
     "Cargo volume reached 2.5 million tonnes, up 64.1 percent.", "2023-07-07",
     [("2,619 train trips", "Xi'an", ("2023-01-01", "2023-06-30")),
      ("2.5 million tonnes", "Xi'an", ("2023-01-01", "2023-06-30"))]),
    # a new period replaces the old one
    ("In 2023, exports totaled 12 billion yuan. In the first quarter of 2024, exports reached 3.1 billion yuan.",
     "2024-04-20", [("12 billion yuan", None, ("2023-01-01", "2023-12-31")),
                    ("3.1 billion yuan", None, ("2024-01-01", "2024-03-31"))]),
    # a drill-down ("In June alone") scopes its own sentence only
    ("Hubei's retail sales reached 1.19 trillion yuan in the first half, up 6.3 percent. In June alone, retail "
     "sales rose 5.1 percent. Exports totaled 234.6 billion yuan.", "2024-07-20",
     [("1.19 trillion yuan", "Hubei", ("2024-01-01", "2024-06-30")), ("5.1 percent", "Hubei", ("2024-06-01", "2024-06-30")),
      ("234.6 billion yuan", "Hubei", ("2024-01-01", "2024-06-30"))]),
    # a dateline names where the story was filed, not its subject
    ("NANNING -- Foreign trade of Guangxi Zhuang autonomous region reached 250.7 billion yuan from January to "
     "May, up 8.2 percent.", "2022-06-20", [("250.7 billion yuan", "Guangxi", ("2022-01-01", "2022-05-31"))]),
    # clause-level places: "while the capital Haikou received ..."
    ("During the holiday, Sanya received 1.92 million visits, while the capital Haikou received 1.37 million "
     "visits.", "2023-10-07", [("1.92 million visits", "Sanya", None), ("1.37 million visits", "Haikou", None)]),
    # a new paragraph returns to the article's place after a city is mentioned
    ("Hubei province posted GDP of 2.77 trillion yuan in H1, up 5.8 percent.\n\nWuhan contributed 1.01 trillion "
     "yuan, up 5.4 percent.\n\nFixed-asset investment rose 6.5 percent.", "2024-07-20",
     [("2.77 trillion yuan", "Hubei", ("2024-01-01", "2024-06-30")),
      ("1.01 trillion yuan", "Wuhan", ("2024-01-01", "2024-06-30")),
      ("6.5 percent", "Hubei", ("2024-01-01", "2024-06-30"))]),
    # "over 2020" is a comparison base: the figure is 2021's
    ("The national grain sown area is 117,632 thousand hectares, an increase of 863 thousand hectares over 2020.",
     "2021-12-06", [("117,632 thousand hectares", "China", ("2021-01-01", "2021-12-31")),
                    ("863 thousand hectares", "China", ("2021-01-01", "2021-12-31"))]),
    # future clauses report no period
    ("In the first quarter, 57 projects were started. After completion, the output value will increase by more "
     "than 1 billion yuan.", "2023-02-15",
     [("57 projects", None, ("2023-01-01", "2023-03-31")), ("1 billion yuan", None, None)]),
    # "will not only ..., but also create": the future reaches across "but also"
    ("In the first half, 31 projects were signed. The plant will not only use local lithium ore, but also "
     "create more than 2,000 jobs.", "2024-07-15",
     [("31 projects", None, ("2024-01-01", "2024-06-30")), ("2,000 jobs", None, None)]),
    # a standing state is not a figure of the period in force
    ("In the first quarter, Baiyin signed 42 projects. The largest project has a total investment of 3.6 billion "
     "yuan. The city now has 18 industrial parks. Xiahe has a population of 86,000 people.", "2025-04-18",
     [("42 projects", "Baiyin", ("2025-01-01", "2025-03-31")), ("3.6 billion yuan", "Baiyin", None),
      ("18 industrial parks", "Baiyin", None), ("86,000 people", "Xiahe", None)]),
    ("From January to April, the zone started 25 projects, each with an investment of more than 50 million yuan. "
     "The total investment of the Jinchang copper foil project is 2.1 billion yuan.", "2024-05-20",
     [("25 projects", "Jinchang", ("2024-01-01", "2024-04-30")), ("50 million yuan", "Jinchang", None),
      ("2.1 billion yuan", "Jinchang", None)]),
    # a vague stretch of time ("in recent years") is no period, and stops the one in force
    ("In 2023, Tibet's GDP reached 239.3 billion yuan. In recent years, the region has built 965 relocation "
     "sites.", "2024-01-30",
     [("239.3 billion yuan", "Tibet", ("2023-01-01", "2023-12-31")), ("965 relocation sites", "Tibet", None)]),
    # the start point of a change takes the period one year back
    ("From January to May, the share of manufacturing projects increased from 84.1% to 90.2%.", "2024-06-20",
     [("84.1%", None, ("2023-01-01", "2023-05-31")), ("90.2%", None, ("2024-01-01", "2024-05-31"))]),
    # "since 2016" dates its own clause, not a clause after "while"
    ("The county, which has promoted e-commerce since 2016, has built a logistics network, while broadband "
     "covers 96 percent of villages.", "2024-03-10", [("96 percent", None, None)]),
    # the sentence's leading period carries on, not a comparison or aside at its end; datelines, "said Friday"
    # and "after the holiday" scope nothing
    ("BEIJING, April 9 (Xinhua) -- The CPI rose 0.4 percent year on year in March, reversing a 0.2-percent "
     "decline in February, the bureau said Friday.\n\nFood prices dropped 0.7 percent after the Spring Festival "
     "holiday.", "2021-04-09",
     [("0.4 percent", None, ("2021-03-01", "2021-03-31")), ("0.2-percent", None, ("2021-02-01", "2021-02-28")),
      ("0.7 percent", None, ("2021-03-01", "2021-03-31"))]),
    ("Highlights of the first half of 2024:\n- GDP: 1.1 trillion yuan, up 5.1 percent (Q2 growth: 5.4 "
     "percent)\n- Exports: 310 billion yuan, up 3.2 percent", "2024-07-20",
     [("1.1 trillion yuan", None, ("2024-01-01", "2024-06-30")), ("5.4 percent", None, ("2024-04-01", "2024-06-30")),
      ("310 billion yuan", None, ("2024-01-01", "2024-06-30"))]),
    # places in a list own none of the figures; "of the national total" is a denominator; a sentence that
    # contrasts two places does not change the place in force
    ("Sichuan's hog output rose 4.1 percent in the first half. The group opened 11 new farms in Yibin, Deyang "
     "and Neijiang, about 3 percent of the national total.", "2024-07-25",
     [("4.1 percent", "Sichuan", ("2024-01-01", "2024-06-30")), ("11 new farms", "Sichuan", ("2024-01-01", "2024-06-30")),
      ("3 percent", "Sichuan", ("2024-01-01", "2024-06-30"))]),
    ("Weifang's fiscal revenue rose 5.2 percent in the first half. Shandong's revenue grew 2.4 percent, while "
     "Jinan grew 3.1 percent. Tax revenue reached 30.6 billion yuan.", "2025-07-25",
     [("5.2 percent", "Weifang", ("2025-01-01", "2025-06-30")), ("2.4 percent", "Shandong", ("2025-01-01", "2025-06-30")),
      ("3.1 percent", "Jinan", ("2025-01-01", "2025-06-30")), ("30.6 billion yuan", "Weifang", ("2025-01-01", "2025-06-30"))]),
    # the period carried on is the one the sentence's first figure was reported for, not an idiom before it
    ("Baiyin got off to a steady start this year, with its GDP reaching 14.2 billion yuan in the first quarter "
     "of 2025, up 5.8 percent.\n\nRetail sales rose 6.2 percent.", "2025-04-25",
     [("14.2 billion yuan", "Baiyin", ("2025-01-01", "2025-03-31")), ("6.2 percent", "Baiyin", ("2025-01-01", "2025-03-31"))]),
    # "more than double the figure for last year's holiday", "four times the level at the end of 2022": comparison
    # bases; "used to earn" and "is home to" describe no period
    ("During the National Day holiday, Sanya received 1.1 million visits, more than double the figure for last "
     "year's holiday. The city is home to 28 duty-free shops. \"I used to earn 8,000 yuan a month,\" a guide said.",
     "2023-10-07",
     [("1.1 million visits", "Sanya", ("2023-09-29", "2023-10-06")), ("28 duty-free shops", "Sanya", None),
      ("8,000 yuan", "Sanya", None)]),
    ("Qinghai's clean energy grew fast in 2024. Storage capacity reached 1,870 MW, more than four times the level "
     "at the end of 2022.", "2025-01-20", [("1,870 MW", "Qinghai", ("2024-01-01", "2024-12-31"))]),
    # "this year" keeps the year-to-date period in force only when that period starts the year
    ("Sales on Nov. 1 to Nov. 11 reached 498 billion yuan. \"Our export orders have shrunk 10 million yuan this "
     "year,\" a trader said.", "2020-11-12",
     [("498 billion yuan", None, ("2020-11-01", "2020-11-11")), ("10 million yuan", None, ("2020-01-01", "2020-12-31"))]),
    # "followed by Kashgar prefecture with 1.02 million tons": the place a figure is given with
    ("Aksu prefecture remained the largest producer with 1.48 million tons, followed by Kashgar prefecture with "
     "1.02 million tons and Bayingolin Mongol autonomous prefecture with 710,000 tons.", "2024-12-20",
     [("1.48 million tons", "Aksu", None), ("1.02 million tons", "Kashgar", None), ("710,000 tons", "Bayingolin", None)]),
    # after a sentence contrasting places, "the city" is still the city being reported on
    ("Jilin city's GDP grew 2.1 percent in the first three quarters. Jilin province's GDP rose 1.7 percent, while "
     "Changchun, the provincial capital, grew 2.6 percent. The city's largest refinery processed 6.2 million "
     "metric tons of crude oil.", "2020-10-30",
     [("2.1 percent", "Jilin", ("2020-01-01", "2020-09-30")), ("1.7 percent", "Jilin", ("2020-01-01", "2020-09-30")),
      ("2.6 percent", "Changchun", ("2020-01-01", "2020-09-30")),
      ("6.2 million metric tons", "Jilin", ("2020-01-01", "2020-09-30"))]),
    # a heading that introduces a list names the place of the list's lines ("Main indicators of Ningbo ...:")
    ("Zhejiang's GDP grew 5.8 percent in the first three quarters.\n\nMain indicators of Ningbo in "
     "January-September:\n- GDP: 1.31 trillion yuan, up 5.4 percent\n- Retail sales: 372.5 billion yuan, up 4.0 "
     "percent\n\nThe province's exports rose 3.1 percent.", "2025-10-25",
     [("5.8 percent", "Zhejiang", ("2025-01-01", "2025-09-30")), ("1.31 trillion yuan", "Ningbo", ("2025-01-01", "2025-09-30")),
      ("372.5 billion yuan", "Ningbo", ("2025-01-01", "2025-09-30")), ("3.1 percent", "Zhejiang", ("2025-01-01", "2025-09-30"))]),
    # a figure given as the comparison base ("lower than the 0.5-percent increase in July") keeps its
    # period to itself: the report stays on August
    ("The CPI rose 0.4 percent year on year in August. The growth was lower than the 0.5-percent increase in "
     "July. Food prices dropped 1.2 percent.", "2025-09-10",
     [("0.4 percent", None, ("2025-08-01", "2025-08-31")), ("0.5-percent", None, ("2025-07-01", "2025-07-31")),
      ("1.2 percent", None, ("2025-08-01", "2025-08-31"))]),
    # "..., and Shenzhen's rose 0.6 percent": a possessive place names the owner of the figure after it
    ("Guangdong, the country's largest provincial economy, saw its CPI rise 0.2 percent in August, and "
     "Shenzhen's rose 0.6 percent.", "2025-09-10",
     [("0.2 percent", "Guangdong", ("2025-08-01", "2025-08-31")), ("0.6 percent", "Shenzhen", ("2025-08-01", "2025-08-31"))]),
    # a place as the subject a few words before the figure owns it, even after a clause about another place
    ("In Pudong New Area of Shanghai, the output of the integrated circuit industry exceeded 400 billion yuan in "
     "2024, and Chongqing's Liangjiang New Area produced 580,000 new energy vehicles.", "2025-03-03",
     [("400 billion yuan", "Pudong New Area", ("2024-01-01", "2024-12-31")),
      ("580,000 new energy vehicles", "Liangjiang New Area", ("2024-01-01", "2024-12-31"))]),
    # "A contributed X, B Y": a place right before a figure owns it
    ("Tianshui's GDP grew 5.9 percent in the first three quarters. Qinzhou District contributed 21.3 billion "
     "yuan, Maiji District 16.8 billion yuan.", "2025-10-24",
     [("5.9 percent", "Tianshui", ("2025-01-01", "2025-09-30")), ("21.3 billion yuan", "Qinzhou", ("2025-01-01", "2025-09-30")),
      ("16.8 billion yuan", "Maiji", ("2025-01-01", "2025-09-30"))]),
    # a sentence giving figures for several places is a digression; "the region" then is still the region
    ("Grain output in the Ningxia Hui autonomous region reached 3.8 million tons in 2024. Yinchuan led with 1.1 "
     "million tons, followed by Wuzhong with 0.9 million tons. Irrigated land now covers 62 percent of the "
     "region's farmland.", "2025-01-10",
     [("3.8 million tons", "Ningxia", ("2024-01-01", "2024-12-31")), ("1.1 million tons", "Yinchuan", ("2024-01-01", "2024-12-31")),
      ("0.9 million tons", "Wuzhong", ("2024-01-01", "2024-12-31")), ("62 percent", "Ningxia", None)]),
    # "the country's largest ...", "since ... hit the country": a country that describes or comes after the
    # figures does not take them from the province being reported on
    ("Henan harvested 67.9 million tons of grain in 2024.\n\nZhoukou, the country's largest wheat-growing city, "
     "produced 9.4 million tons. Pork output rose 3.1 percent, the first rise since the epidemic hit the country.",
     "2025-01-05",
     [("67.9 million tons", "Henan", ("2024-01-01", "2024-12-31")), ("9.4 million tons", "Zhoukou", ("2024-01-01", "2024-12-31")),
      ("3.1 percent", "Zhoukou", ("2024-01-01", "2024-12-31"))]),
    # world regions own no Chinese figure
    ("Shaanxi's foreign trade rose 8 percent in the first quarter.\n\nExports to Central Asia: 9.12 billion yuan, "
     "up 27.8%", "2026-04-20",
     [("8 percent", "Shaanxi", ("2026-01-01", "2026-03-31")), ("9.12 billion yuan", "Shaanxi", ("2026-01-01", "2026-03-31"))]),
    # "A and B grew X and Y respectively": each figure is its place's
    ("Hubei's GDP grew 5.8% in the first half. Wuhan contributed 1.01 trillion yuan, while Xiangyang and Yichang "
     "grew 6.1% and 6.3% respectively. Exports to the US and Japan fell 2% and 3% respectively.", "2024-07-20",
     [("5.8%", "Hubei", ("2024-01-01", "2024-06-30")), ("1.01 trillion yuan", "Wuhan", ("2024-01-01", "2024-06-30")),
      ("6.1%", "Xiangyang", ("2024-01-01", "2024-06-30")), ("6.3%", "Yichang", ("2024-01-01", "2024-06-30")),
      ("2%", "Hubei", ("2024-01-01", "2024-06-30")), ("3%", "Hubei", ("2024-01-01", "2024-06-30"))]),
    # a full-year outlook or an annual target is the year's, wherever the sentence's other dates fall
    ("GDP grew 3.8 percent in the first three quarters. Li Jun said the city expects full-year growth of 3 to 4 "
     "percent as the skiing season begins in November. The growth beat the annual target of about 3 percent set in "
     "March.", "2020-10-30",
     [("3.8 percent", None, ("2020-01-01", "2020-09-30")), ("3 to 4 percent", None, ("2020-01-01", "2020-12-31")),
      ("3 percent", None, ("2020-01-01", "2020-12-31"))]),
    ("Revenue rose 4 percent in the first half. \"We expect revenue growth of 3 to 4 per cent for the full year,\" "
     "said Sun Jing.", "2025-07-20",
     [("4 percent", None, ("2025-01-01", "2025-06-30")), ("3 to 4 per cent", None, ("2025-01-01", "2025-12-31"))]),
    # a place set off by commas before the figure ("a chip maker in the X zone,") does not take it
    ("Shaanxi's exports rose 9 percent in the first quarter. Foreign-invested firms, led by a chip maker in the "
     "Xi'an Hi-tech Industries Development Zone, accounted for 49 percent.", "2026-04-20",
     [("9 percent", "Shaanxi", ("2026-01-01", "2026-03-31")), ("49 percent", "Shaanxi", ("2026-01-01", "2026-03-31"))]),
    # a heading's period in brackets dates the list under it; two places and two figures joined by "and" pair up
    ("In September, Chongqing's retail sales fell 0.8 percent.\n\nMain indicators of Liangjiang New Area (January-September):\n"
     "- GDP: 428.6 billion yuan, +6.3%\n\nYuzhong District and Jiangbei District received 12.4 million and 9.8 "
     "million visitors during the holiday.", "2025-10-24",
     [("0.8 percent", "Chongqing", ("2025-09-01", "2025-09-30")), ("428.6 billion yuan", "Liangjiang New Area", ("2025-01-01", "2025-09-30")),
      ("12.4 million", "Yuzhong", ("2025-01-01", "2025-09-30")), ("9.8 million visitors", "Jiangbei", ("2025-01-01", "2025-09-30"))]),
    # an average annual rate over years keeps the years; "up X percent from the start of the year" and "2.5 times
    # that at the end of 2023" are bases, not the figure's period
    ("From 2021 to 2024, GDP expanded at an average annual rate of 5.8 percent. By the end of October, loans "
     "reached 38.7 billion yuan, up 9.3 percent from the start of the year. Storage capacity reached 4.2 million kW, "
     "about 2.5 times that at the end of 2023.", "2025-11-20",
     [("5.8 percent", None, ("2021-01-01", "2024-12-31")), ("38.7 billion yuan", None, ("2025-10-01", "2025-10-31")),
      ("4.2 million kW", None, ("2025-10-01", "2025-10-31"))]),
    # translations put "respectively" before the figures
    ("From January to August, Linxia's industrial output grew 8.7%. Dongxiang County, Jishishan County "
     "respectively realize industrial output value 620 million yuan, 480 million yuan.", "2025-09-20",
     [("8.7%", "Linxia", ("2025-01-01", "2025-08-31")), ("620 million yuan", "Dongxiang", ("2025-01-01", "2025-08-31")),
      ("480 million yuan", "Jishishan", ("2025-01-01", "2025-08-31"))]),
    # a heading's period dates the list under it, even inside a longer period in force, and even when it is
    # "the end of" a month
    ("Over the first four years of the 14th Five-Year Plan period, the economy grew 5.9 percent a year.\n\n"
     "Key figures for 2024:\n\n- R&D spending: RMB 61.2 billion, +5%\n\nSelected clusters, end of June 2024:\n\n"
     "- Power used: 9.6 billion kWh", "2024-08-29",
     [("5.9 percent", None, ("2021-01-01", "2025-12-31")), ("RMB 61.2 billion", None, ("2024-01-01", "2024-12-31")),
      ("9.6 billion kWh", None, ("2024-06-01", "2024-06-30"))]),
    # the ends of a route ("between A and B", "linking A with B") give its figures to the smallest place
    # named that holds them both
    ("A 150-km expressway linking Kangding with Danba county via Luding county in the Garze Tibetan autonomous "
     "prefecture of Southwest China's Sichuan province opened on Monday, costing 32.1 billion yuan.", "2025-06-10",
     [("150-km", "Garze", None), ("32.1 billion yuan", "Garze", None)]),
    ("A 298-km intercity railway in east China's Zhejiang province opened on Friday, cutting the travel time "
     "between the provincial capital Hangzhou and the port city of Ningbo to 40 minutes. The line cost 61.2 "
     "billion yuan.", "2025-06-10",
     [("298-km", "Zhejiang", None), ("61.2 billion yuan", "Zhejiang", None)]),
    # a lead's county stays the topic however often its city comes up later
    ("A 500-megawatt offshore wind farm off the coast of Yangxi county in Yangjiang, Guangdong province, was "
     "connected to the grid on Sunday.\n\nYangjiang now hosts five wind farms, and Yangjiang's port handled "
     "the parts.\n\nThe project has 56 turbines.", "2021-12-28",
     [("500-megawatt", "Yangxi", None), ("five wind farms", "Yangjiang", None), ("56 turbines", "Yangxi", None)]),
    # a lead naming a national body and no place is a national report, however often a province comes up later
    ("BEIJING, Oct. 7 (Xinhua) -- Sales at key retail and catering enterprises monitored by the Ministry of "
     "Commerce rose 9 percent during the holiday.\n\nIn Chongqing, key retailers sold 2.1 billion yuan of "
     "goods. Chongqing's hotels were full.\n\nDomestic tourist trips hit 826 million.", "2023-10-07",
     [("9 percent", "China", None), ("2.1 billion yuan", "Chongqing", None), ("826 million", "China", None)]),
    # company news under another city's dateline reports on where the company is based
    ("HONG KONG - Guangzhou-based Nanhua Airlines Holding Co., Ltd. said its net loss narrowed to RMB 3.12 billion "
     "in the first half.\n\nThe carrier flew 66.3 million passengers. In Hong Kong, its shares closed at HK$4.21.",
     "2023-08-31", [("RMB 3.12 billion", "Guangzhou", ("2023-01-01", "2023-06-30")),
                    ("66.3 million passengers", "Guangzhou", ("2023-01-01", "2023-06-30")),
                    ("HK$4.21", "Hong Kong", ("2023-01-01", "2023-06-30"))]),
    # a work report opening on "Past year" puts last year in force for "the whole year" and its comparisons
    ("Past year, the county kept steady development. The whole year the county GDP realized 126.58 100 million "
     "yuan, grew 5.8% compared with same period of last year.", "2024-02-06",
     [("126.58 100 million yuan", None, ("2023-01-01", "2023-12-31"))]),
    # a river "on the" or "along the" which something lies is a setting, not what the figure is about
    ("In Jingjiang, a county-level city under Taizhou on the Yangtze River, Jiangsu Changyang Shipbuilding Co. "
     "delivered 17 vessels in the first half.", "2023-07-20", [("17 vessels", "Jingjiang", ("2023-01-01", "2023-06-30"))]),
    # a lead naming no place (an event's name holds none) reports on the dateline's city when the body
    # names it again, however often another province comes up
    ("HEFEI, Sept. 22 (Xinhua) -- The 2025 World Manufacturing Convention closed on Sunday with 426 projects "
     "signed.\n\nHeld at the Binhu International Convention Center in Hefei, the event drew 1,200 exhibitors. "
     "Buyers from Jiangsu signed 35 deals, and a Jiangsu delegation of 60 companies toured plants.\n\nOnline, "
     "the convention drew 3.2 million views.", "2025-09-23",
     [("426 projects", "Hefei", ("2025-09-21", "2025-09-21")), ("1,200 exhibitors", "Hefei", ("2025-09-21", "2025-09-21")),
      ("35 deals", "Jiangsu", ("2025-09-21", "2025-09-21")), ("60 companies", "Jiangsu", ("2025-09-21", "2025-09-21")),
      ("3.2 million views", "Hefei", ("2025-09-21", "2025-09-21"))]),
    # "Since China's reform and opening-up" is a time, not the subject
    ("Since China's reform and opening-up, the central government has held seven symposiums on work related "
     "to Xinjiang.", "2020-10-23", [("seven symposiums", "Xinjiang", None)]),
    # a heading with no figures widens the period in force ("Highlights for the whole year:")
    ("GDP grew 6.0 percent in the fourth quarter.\n\nHighlights for the whole year:\n- Retail sales: 1.08 "
     "trillion yuan, up 3.6 percent", "2025-01-10",
     [("6.0 percent", None, ("2024-10-01", "2024-12-31")), ("1.08 trillion yuan", None, ("2024-01-01", "2024-12-31"))]),
    # the period of a comparison base dates only that base, and a record's starting point ("the highest since")
    # dates nothing
    ("In August, Guangdong's exports rose 3.6 percent, rebounding from a 1.2-percent fall in July. Shipments "
     "of ships rose 27 percent, the highest since June 2023. Steel exports fell 4 percent.", "2025-09-12",
     [("3.6 percent", "Guangdong", ("2025-08-01", "2025-08-31")), ("1.2-percent", "Guangdong", ("2025-07-01", "2025-07-31")),
      ("27 percent", "Guangdong", ("2025-08-01", "2025-08-31")), ("4 percent", "Guangdong", ("2025-08-01", "2025-08-31"))]),
    # "than during last year's holiday" is a base; "with X alone receiving" gives the figure to X
    ("Guilin received 3.4 million visits during the National Day holiday, with the Lijiang Scenic Area alone "
     "receiving 610,000 visits. Hotel occupancy stood at 78 percent, 4 percent higher than during last year's "
     "holiday. Restaurant revenue reached 1.2 billion yuan.", "2025-10-09",
     [("3.4 million visits", "Guilin", ("2025-10-01", "2025-10-08")),
      ("610,000 visits", "Lijiang Scenic Area", ("2025-10-01", "2025-10-08")),
      ("78 percent", "Guilin", ("2025-10-01", "2025-10-08")), ("4 percent", "Guilin", ("2025-10-01", "2025-10-08")),
      ("1.2 billion yuan", "Guilin", ("2025-10-01", "2025-10-08"))]),
    # a value "a year earlier" is the period in force, one year back
    ("In the first ten months, Hefei sold 86,000 new energy vehicles, compared with 61,000 a year earlier.", "2025-11-15",
     [("86,000 new energy vehicles", "Hefei", ("2025-01-01", "2025-10-31")), ("61,000", "Hefei", ("2024-01-01", "2024-10-31"))]),
    # ... but a county named after a mountain does not make the mountain the place reported on
    ("On the foothills of Helan Mountain in Ningxia Hui autonomous region, the harvest is on.\n\nThis year, "
     "farmers planted 600,000 mu of grapes.", "2025-09-15", [("600,000 mu", "Ningxia", ("2025-01-01", "2025-12-31"))]),
    # a county named right after a village places the village; the village is what the report is about
    ("In Xiaozhai Village of Yuanyang county, Honghe prefecture, the rice terraces are busy.\n\nLast year, "
     "farmers harvested 1,450 tons of red rice from 3,200 mu of terraces.", "2025-04-10",
     [("1,450 tons", "Xiaozhai Village", ("2024-01-01", "2024-12-31")),
      ("3,200 mu", "Xiaozhai Village", ("2024-01-01", "2024-12-31"))]),
    # "an increase of X from the end of last year": the base of a change, not the figure's period
    ("Deposits in the city stood at 980 billion yuan at the end of September, an increase of 61 billion yuan "
     "from the end of last year.", "2025-10-20",
     [("980 billion yuan", None, ("2025-09-01", "2025-09-30")), ("61 billion yuan", None, ("2025-09-01", "2025-09-30"))]),
    # a period placed in a longer one ("the holiday in February") is the figure's
    ("During the Spring Festival holiday in February, Guiyang received 6.3 million visits.", "2024-03-05",
     [("6.3 million visits", "Guiyang", ("2024-02-10", "2024-02-17"))]),
    # "the whole prefecture" reports; "ranking the province 3rd" does not
    ("Linxia Prefecture: industry grows\n\nFrom January to August, the whole prefecture's industrial added value "
     "grew 8.7%, ranking the province 3rd.", "2025-09-20", [("8.7%", "Linxia", ("2025-01-01", "2025-08-31"))]),
    # "over the past decade" is the stretch a figure covers; "now" nearer the figure than an earlier
    # date in its clause makes it a standing state
    ("In 2024, Helan County's wine output reached 14 million bottles. Its wines have won 160 awards over the past decade. "
     "Li Na, who opened her winery in 2012, said it now employs 45 workers.", "2025-09-15",
     [("14 million bottles", "Helan", ("2024-01-01", "2024-12-31")), ("160 awards", "Helan", ("2015-01-01", "2024-12-31")),
      ("45 workers", "Helan", None)]),
    # a figure the article expects takes the year in force when that year is not over yet
    ("This year, Gansu will create 300,000 new urban jobs. Investment is expected to increase by 6 percent.", "2026-01-21",
     [("300,000 new urban jobs", "Gansu", ("2026-01-01", "2026-12-31")), ("6 percent", "Gansu", ("2026-01-01", "2026-12-31"))]),
    # "since 2020" in the figure's clause runs to the time of writing; "eight times the 2020 figure" is a base
    ("Zeku county has set up 36 e-commerce stations since 2020. In 2024, online sales reached 86 million yuan, "
     "nearly eight times the 2020 figure.", "2025-08-10",
     [("36 e-commerce stations", "Zeku", ("2020-01-01", "2025-08-10")), ("86 million yuan", "Zeku", ("2024-01-01", "2024-12-31"))]),
    # where a company is based describes the company, not where its figure is
    ("Gulang county added 1,800 jobs this year. Lanzhou-based Gansu Tianshui Solar Co., Ltd. built a 50 MW plant "
     "in the county.", "2025-08-20",
     [("1,800 jobs", "Gulang", ("2025-01-01", "2025-12-31")), ("50 MW", "Gulang", ("2025-01-01", "2025-12-31"))]),
    # a headline's city gives way to the zone inside it that the report names; a later paragraph goes back
    # to the zone, not to the headline's city
    ("Lanzhou zone sees strong growth\n\nIn the first half, Lanzhou High-tech Industrial Development Zone achieved "
     "output value of 31.2 billion yuan.\n\nThe new materials industry realized revenue of 8.4 billion yuan.",
     "2025-07-20", [("31.2 billion yuan", "Lanzhou High-tech Industrial Development Zone", ("2025-01-01", "2025-06-30")),
                    ("8.4 billion yuan", "Lanzhou High-tech Industrial Development Zone", ("2025-01-01", "2025-06-30"))]),
    # in a January-May report, what "started this year" is the year so far; a plan for this year, or a
    # target for the end of the year, is the whole year
    ("From January to May, 259 projects were under construction. Among them, 80 new projects started this year. "
     "The city plans to operate 3,800 trips this year, and 12 new platforms will open by the end of the year.",
     "2019-07-12", [("259 projects", None, ("2019-01-01", "2019-05-31")), ("80 new projects", None, ("2019-01-01", "2019-05-31")),
                    ("3,800 trips", None, ("2019-01-01", "2019-12-31")), ("12 new platforms", None, ("2019-01-01", "2019-12-31"))]),
    # a place compared with owns no figure; "the autonomous region level" is a grade, not the region
    ("Meitan County is a tea county.\n\nThe added value of agriculture reached 3.41 billion yuan, higher than Zunyi "
     "City average 0.6 percentage points. The occupancy rate reached 98.2 percent, 21 percentage points higher than "
     "the Luoyang City average.", "2019-10-25",
     [("3.41 billion yuan", "Meitan", None), ("0.6 percentage points", "Meitan", None), ("98.2 percent", "Meitan", None)]),
    ("Tongliao city in Inner Mongolia has 8,930 cooperatives, of which 312 are at or above the autonomous region level.",
     "2022-08-05", [("8,930 cooperatives", "Tongliao", None), ("312", "Tongliao", None)]),
    # the day a filing was made is not the period of its figures
    ("In the third quarter, sales rose 20 percent. Net profit jumped 64.3 percent to 1.5bn yuan, the Shenzhen-listed "
     "company said in a filing on Thursday.", "2023-10-28",
     [("20 percent", None, ("2023-07-01", "2023-09-30")), ("1.5bn yuan", None, ("2023-07-01", "2023-09-30"))]),
    # a January article on the year before: its report runs to November, but "this year" in a quote is
    # the whole year, over by then; "up to now this year" of a past year is that year
    ("By the end of November, the park had completed investment of 2.1 billion yuan. Its manager said that up to "
     "now this year, the firm's sales have topped 60 million yuan, and for this year they hope to exceed 70 million yuan.",
     "2024-01-12", [("2.1 billion yuan", None, ("2023-01-01", "2023-11-30")),
                    ("60 million yuan", None, ("2023-01-01", "2023-12-31")),
                    ("70 million yuan", None, ("2023-01-01", "2023-12-31"))]),
    # a year written only as a comparison base sets neither the year nor the period in force
    ("Shipyards completed 21.13 million deadweight tonnes in the first half of 2023. The share of completions was "
     "2.3 percentage points higher than for the whole of 2022. New orders in the first six months rose 67.7 percent.",
     "2023-07-19", [("21.13 million deadweight tonnes", None, ("2023-01-01", "2023-06-30")),
                    ("2.3 percentage points", None, ("2023-01-01", "2023-06-30")),
                    ("67.7 percent", None, ("2023-01-01", "2023-06-30"))]),
    ("The group produced 10.85 million tonnes of crude steel in the first half. Its gross margin widened to 14.7 per "
     "cent from 9.2 per cent in H1 2020. It spent 36 billion yuan on ore, 57 per cent more than in the same period "
     "last year.", "2021-08-27",
     [("10.85 million tonnes", None, ("2021-01-01", "2021-06-30")), ("14.7 per cent", None, ("2021-01-01", "2021-06-30")),
      ("9.2 per cent", None, ("2020-01-01", "2020-06-30")), ("36 billion yuan", None, ("2021-01-01", "2021-06-30"))]),
    # the week before a holiday is its own stretch of days; the holiday stays in force after it
    ("During the nine-day Spring Festival holiday, Longnan sold 486 million yuan of specialty products online. "
     "A village store sold 26,000 jin of walnuts in the week before the holiday. During the holiday, couriers "
     "handled 5.8 million parcels.", "2026-02-26",
     [("486 million yuan", "Longnan", ("2026-02-15", "2026-02-23")), ("26,000 jin", "Longnan", ("2026-02-08", "2026-02-14")),
      ("5.8 million parcels", "Longnan", ("2026-02-15", "2026-02-23"))]),
    # ... and a province's to the county inside it; "Handan, May 30 --" is a dateline, not the subject
    ("Hebei county expands vegetable planting\n\nHandan, May 30 -- Feixiang district of Handan city planted "
     "86,000 mu of vegetables this year.\n\nThe total output reached 410,000 tons.", "2025-05-30",
     [("86,000 mu", "Feixiang", ("2025-01-01", "2025-12-31")), ("410,000 tons", "Feixiang", ("2025-01-01", "2025-12-31"))]),
    # a year counted up to a day ("as of Sunday ... this year") runs from January 1 to that day
    ("As of Sunday, Qinzhou Port had handled 6.8 million TEUs this year, up 9.2 percent year-on-year. This year, "
     "as of Nov 20, the port had opened 12 new routes.", "2025-11-24",
     [("6.8 million TEUs", "Qinzhou Port", ("2025-01-01", "2025-11-23")),
      ("12 new routes", "Qinzhou Port", ("2025-01-01", "2025-11-20"))]),
    # a deadline ahead of publication ("will open by the end of 2027") does not date the sentences after it
    ("The expressway, costing 31.2 billion yuan, will open to traffic by the end of 2027. The project will create "
     "3,200 jobs.", "2025-11-24", [("31.2 billion yuan", None, None), ("3,200 jobs", None, None)]),
    # a figure describing a thing ("a 226-km expressway") has no period, and a day it shares a sentence with
    # is an event's date that does not date the sentences after it
    ("Construction started on Tuesday on a 226-km expressway. The project, with a total investment of 48.6 "
     "billion yuan, includes 96 bridges.", "2025-09-18",
     [("226-km", None, None), ("48.6 billion yuan", None, None), ("96 bridges", None, None)]),
    # a month of a January-September report is a drill-down even when the report's period came in a
    # sentence without figures
    ("In the first three quarters of 2023, the county economy kept a steady trend.\n\nThe Liantang solar plant "
     "added 40 MW in August. Retail sales reached 9.8 billion yuan, up 6.7 percent.", "2023-10-20",
     [("40 MW", None, ("2023-08-01", "2023-08-31")), ("9.8 billion yuan", None, ("2023-01-01", "2023-09-30"))]),
    # a noun's background date ("the policies introduced in the second half of 2023") neither scopes the
    # sentence's figures nor puts its year in force
    ("Fiscal revenue reached 14.6 trillion yuan in the first eight months. Excluding the tax relief policies "
     "introduced in the second half of 2023, revenue grew about 1 percent.\n\nMajor tax categories in the first "
     "eight months:\n- VAT: 4.66 trillion yuan, down 5.8 percent", "2024-09-20",
     [("14.6 trillion yuan", None, ("2024-01-01", "2024-08-31")), ("1 percent", None, ("2024-01-01", "2024-08-31")),
      ("4.66 trillion yuan", None, ("2024-01-01", "2024-08-31"))]),
    # a place the lead names only in passing keeps its own sentence, but each new paragraph goes back to
    # the place the article keeps naming
    ("The power line linking the Baihetan station with Zhejiang province carried 31.6 billion kWh this year.\n\n"
     "Sichuan's hydropower capacity reached 98.6 million kW. Sichuan sent 142.7 billion kWh to other regions.\n\n"
     "The province invested 41.2 billion yuan in its grid, and Sichuan added 8 GW of capacity.", "2024-12-27",
     [("31.6 billion kWh", "Zhejiang", ("2024-01-01", "2024-12-31")), ("98.6 million kW", "Sichuan", ("2024-01-01", "2024-12-31")),
      ("142.7 billion kWh", "Sichuan", ("2024-01-01", "2024-12-31")), ("41.2 billion yuan", "Sichuan", ("2024-01-01", "2024-12-31")),
      ("8 GW", "Sichuan", ("2024-01-01", "2024-12-31"))]),
    # a sentence opening on the whole country belongs to China in a provincial report
    ("Sichuan's yuan loans grew 8.1 percent in October. Nationally, M2 stood at 309.71 trillion yuan, up 7.5 "
     "percent. The province's deposits rose 6.2 percent.", "2024-11-20",
     [("8.1 percent", "Sichuan", ("2024-10-01", "2024-10-31")), ("309.71 trillion yuan", "China", ("2024-10-01", "2024-10-31")),
      ("6.2 percent", "Sichuan", ("2024-10-01", "2024-10-31"))]),
    # an event's day ("signed 12 projects on Friday") dates its paragraph, not the list under it
    ("The zone signed 12 projects with a combined investment of 16.8 billion yuan on Friday.\n\nMajor projects "
     "signed:\n- Battery cell base: 4.5 billion yuan\n- Copper foil plant: 2.8 billion yuan", "2025-03-10",
     [("12 projects", None, ("2025-03-07", "2025-03-07")), ("16.8 billion yuan", None, ("2025-03-07", "2025-03-07")),
      ("4.5 billion yuan", None, None), ("2.8 billion yuan", None, None)]),
    # what a thing is ("a battery plant with an investment of", "which cost") has no period; a sum over things
    # counted in the period ("signed 36 projects with a total investment of") has
    ("In May, the county signed 36 projects with a total investment of 28.6 billion yuan. The largest, a battery "
     "plant with an investment of 4.8 billion yuan, started construction in May. A bridge, which cost 900 million "
     "yuan, opened in May.", "2025-06-10",
     [("36 projects", None, ("2025-05-01", "2025-05-31")), ("28.6 billion yuan", None, ("2025-05-01", "2025-05-31")),
      ("4.8 billion yuan", None, None), ("900 million yuan", None, None)]),
    # a figure right after "has", "governs", "operates" is what a place or firm has, not what a period saw
    ("In the first half, Huining's output rose 5 percent to 3 billion yuan. The county governs 28 towns and "
     "operates 46 harvesters.", "2025-07-20",
     [("3 billion yuan", "Huining", ("2025-01-01", "2025-06-30")), ("28 towns", "Huining", None),
      ("46 harvesters", "Huining", None)]),
    # with no publication date, "last year" is the year before the article's
    ("From January to October of 2022, the county's trade rose 12 percent to 3 billion yuan. Last year, its "
     "vegetable area reached 1.1 million mu.", None,
     [("3 billion yuan", None, ("2022-01-01", "2022-10-31")), ("1.1 million mu", None, ("2021-01-01", "2021-12-31"))]),
    # a full-year forecast is the year's; a forecast's period ahead does not date what follows
    ("In the first quarter, vehicle sales rose 10 percent to 7 million units. The association expects full-year "
     "sales of about 34 million vehicles.", "2026-04-12",
     [("7 million units", None, ("2026-01-01", "2026-03-31")), ("34 million vehicles", None, ("2026-01-01", "2026-12-31"))]),
    ("In 2025, the company sold 2.1 million vehicles. It expects output to reach 3 million vehicles in 2026. The "
     "board proposed a dividend of 0.26 yuan per share.", "2026-03-20",
     [("2.1 million vehicles", None, ("2025-01-01", "2025-12-31")), ("3 million vehicles", None, ("2026-01-01", "2026-12-31")),
      ("0.26 yuan", None, ("2025-01-01", "2025-12-31"))]),
    # the figure a change is compared with is the comparison period's, with the same metric; a filing's date
    # is when it was said
    ("In the first three quarters, net profit reached 3.86 billion yuan, compared with 2.41 billion yuan in the "
     "same period last year. Revenue jumped 96.4 per cent to RMB 71.86 billion in the period, the carrier said "
     "in a filing to the Shanghai Stock Exchange on Wednesday.", "2023-10-30",
     [("3.86 billion yuan", None, ("2023-01-01", "2023-09-30")), ("2.41 billion yuan", None, ("2022-01-01", "2022-09-30")),
      ("RMB 71.86 billion", None, ("2023-01-01", "2023-09-30"))]),
]


@pytest.mark.parametrize("text,published,expected", CONTEXT, ids=[c[0][:40] for c in CONTEXT])
def test_facts_context_carried_across_sentences(text, published, expected):
    rows = _rows(text, published)
    # each expected row names the fact's value, or its change when it has no value
    assert [(r[0] or r[1], r[4], r[5]) for r in rows] == expected


def test_facts_context_organization_of_company_news():
    text = ("Gansu Hailiang New Energy Material Co., Ltd. said the company newly recruited more than 120 frontline "
            "workers and completed 150 million yuan of output value this month.")
    rows = _rows(text, "2023-01-16")
    assert [(r[0], r[6]) for r in rows] == [("120 frontline workers", "Gansu Hailiang New Energy Material Co., Ltd."),
                                             ("150 million yuan", "Gansu Hailiang New Energy Material Co., Ltd.")]
