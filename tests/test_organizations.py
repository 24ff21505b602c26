"""Organization mentions: company forms, government bodies, media, brands, industry-word names."""
import pytest

from chinaecon_extract.components.entities import recognize
from chinaecon_extract.text import normalize


def orgs(text):
    return [(text[o.start:o.end], o.kind) for o in recognize(normalize(text))[1]]


CASES = [
    # company forms
    ("Gansu Hailiang New Energy Material Co., Ltd. hired 120 workers.", [("Gansu Hailiang New Energy Material Co., Ltd.", "company")]),
    ("In recent days, Lanzhou New Area Xinhe can Co., LTD., sped up orders.", [("Lanzhou New Area Xinhe can Co., LTD.", "company")]),
    ("Feng said Lanzhou Xinhe Tank Co., LTD. works overtime.", [("Lanzhou Xinhe Tank Co., LTD.", "company")]),
    ("Weiming Environment Protection Co.,LTD. builds incinerators.", [("Weiming Environment Protection Co.,LTD.", "company")]),
    ("He runs Zexi Commodity Co., Ltd in Yiwu.", [("Zexi Commodity Co., Ltd", "company")]),
    # "Co" without its dot, before a lower-case word or a comma; "Authority", "Organization", "Alliance", "Winery"
    ("Tongmei Xinrong Mining Co lifted its output by 7.2 percent.", [("Tongmei Xinrong Mining Co", "company")]),
    ("Sales at Fujian Sandu'ao Fisheries Co, the largest grower, rose.", [("Fujian Sandu'ao Fisheries Co", "company")]),
    ("Cargo rose 6.2 percent, Guangdong Airport Authority said.", [("Guangdong Airport Authority", "government")]),
    ("The International Maritime Organization set the rules.", [("International Maritime Organization", "institution")]),
    ("Installations rose, according to the China Automotive Battery Innovation Alliance.",
     [("China Automotive Battery Innovation Alliance", "institution")]),
    ("Xixia Jade Hill Winery sold 1.2 million bottles.", [("Xixia Jade Hill Winery", "company")]),
    # the capitalized words after where a company is based name it
    ("Shanghai-based Huayun Express said its parcel volume surged.", [("Huayun Express", "company")]),
    ("Beijing-based Huaxin Film Research estimated admissions at 600 million.", [("Huaxin Film Research", "company")]),
    ("The Chang'an China-Europe Railway Express made 3,000 trips.", []),
    ("Jiangsu Hengli Chemical Fibre Co., Limited expanded.", [("Jiangsu Hengli Chemical Fibre Co., Limited", "company")]),
    ("Shenzhen Mindray Bio-Medical Electronics Co. listed shares.", [("Shenzhen Mindray Bio-Medical Electronics Co.", "company")]),
    ("China National Petroleum Corporation raised output.", [("China National Petroleum Corporation", "company")]),
    ("Aviation Industry Corporation of China delivered jets.", [("Aviation Industry Corporation of China", "company")]),
    ("Haitian Group opened a plant.", [("Haitian Group", "company")]),
    ("New District Commercial Investment Group's sales rose.", [("New District Commercial Investment Group", "company")]),
    ("Tencent Holdings reported profits.", [("Tencent Holdings", "company")]),
    ("Zhongchuang Tech Inc. listed in Hong Kong.", [("Zhongchuang Tech Inc.", "company")]),
    ("Jiangxi Copper Company exported cathodes.", [("Jiangxi Copper Company", "company")]),
    ("Yunnan Baiyao Group Co., Ltd. grew.", [("Yunnan Baiyao Group Co., Ltd.", "company")]),
    ("Baosteel Metal Corp. expanded.", [("Baosteel Metal Corp.", "company")]),
    # what a company is, written before its name, is not part of the name
    ("Hefei-based carmaker supplier Anhui Jianghuai Automobile Group Co., Ltd. sold 400,000 vehicles.",
     [("Anhui Jianghuai Automobile Group Co., Ltd.", "company")]),
    ("Solar panel maker Longi Green Energy Technology Co., Ltd. cut prices.",
     [("Longi Green Energy Technology Co., Ltd.", "company")]),
    ("Jinan-based Shandong Heavy Industry Group Co., Ltd. and Shanghai-listed Sany Heavy Industry Co., Ltd. grew.",
     [("Shandong Heavy Industry Group Co., Ltd.", "company"), ("Sany Heavy Industry Co., Ltd.", "company")]),
    # a place in brackets inside a company's name is part of the name
    ("Output at Samsung (China) Semiconductor Co., Ltd. rose.", [("Samsung (China) Semiconductor Co., Ltd.", "company")]),
    ("Tesla (Shanghai) Co., Ltd. delivered more cars.", [("Tesla (Shanghai) Co., Ltd.", "company")]),
    # a known brand with its company's own words after it, and "&" inside a name
    ("Anta Sports and Li Ning reported higher revenue.", [("Anta Sports", "company"), ("Li Ning", "company")]),
    ("BYD Auto sold 300,000 vehicles, while Sinopec Shanghai Petrochemical cut output.",
     [("BYD Auto", "company"), ("Sinopec Shanghai Petrochemical", "company")]),
    ("PetroChina Changqing Oilfield and Xinjiang Goldwind Science & Technology hired 900 graduates.",
     [("PetroChina Changqing Oilfield", "company"), ("Xinjiang Goldwind Science & Technology", "company")]),
    ("Green Energy and Chemical Materials are growing sectors.", []),
    # a list of capitalized words joined by commas and "and" inside a bureau's name
    ("Wang Li, director of the Luanchuan County Culture, Radio, Television and Tourism Bureau, said visits rose.",
     [("Luanchuan County Culture, Radio, Television and Tourism Bureau", "government")]),
    ("The Zhangjiajie Municipal Bureau of Culture, Radio, Television and Tourism said hotels were full.",
     [("Zhangjiajie Municipal Bureau of Culture, Radio, Television and Tourism", "government")]),
    ("The Ministry of Culture and Tourism, the Ministry of Commerce and Xinhua, China Daily reported it.",
     [("Ministry of Culture and Tourism", "government"), ("Ministry of Commerce", "government"), ("Xinhua", "media"),
      ("China Daily", "media")]),
    ("Into the plant of Lanzhou Hongbin New Energy Development Co., LTD., workers rushed.", [("Lanzhou Hongbin New Energy Development Co., LTD.", "company")]),
    # industry-word names listed in text
    ("Projects include Lichuang Electronics, Haike Fibers and Junsheng New Energy Battery.",
     [("Lichuang Electronics", "company"), ("Haike Fibers", "company"), ("Junsheng New Energy Battery", "company")]),
    ("Yuema Wheel Hub and Minan New Energy Vehicle started production.", [("Yuema Wheel Hub", "company"), ("Minan New Energy Vehicle", "company")]),
    ("Alumeige Fire-proof Metal Composite Board broke ground.", [("Alumeige Fire-proof Metal Composite Board", "company")]),
    ("Tianhe Pharmaceutical invested 2 billion yuan.", [("Tianhe Pharmaceutical", "company")]),
    ("Xinhe Materials doubled output.", [("Xinhe Materials", "company")]),
    ("Green Chemical Industry Park grew.", []),
    ("New Energy Vehicle sales rose.", []),
    # government bodies
    ("The National Bureau of Statistics released data.", [("National Bureau of Statistics", "government")]),
    ("The Ministry of Commerce said exports rose.", [("Ministry of Commerce", "government")]),
    ("The Shenzhen Administration for Market Regulation fined 12 firms.", [("Shenzhen Administration for Market Regulation", "government")]),
    ("The Hunan Provincial Commission for Discipline Inspection said.", [("Hunan Provincial Commission for Discipline Inspection", "government")]),
    ("The Company for the first time paid a dividend.", []),
    # a company named in full goes by its first word after, unless that word is a province or city
    ("Nanhua Airlines Holding Co., Ltd. said revenue rose. Nanhua operated 894 aircraft, and Nanhua County grew.",
     [("Nanhua Airlines Holding Co., Ltd.", "company"), ("Nanhua", "company")]),
    # an acronym defined in brackets names the organization again later, the bracketed one does not
    ("Births fell, the Yunnan Health Commission (YHC) said. The YHC expects a rebound.",
     [("Yunnan Health Commission", "government"), ("YHC", "government")]),
    # finance and service heads
    ("Soochow Securities and Jiangsu Yuanhe Property Consulting said prices fell.",
     [("Soochow Securities", "company"), ("Jiangsu Yuanhe Property Consulting", "company")]),
    ("The Nanjing Yuhuatai Science and Technology Innovation Fund invested 2 billion yuan.",
     [("Nanjing Yuhuatai Science and Technology Innovation Fund", "institution")]),
    ("Fujian Minjiang Iron and Steel Co., Ltd. said Fujian's steel output rose.", [("Fujian Minjiang Iron and Steel Co., Ltd.", "company")]),
    ("Jiuquan Municipal People's Government issued a plan.", [("Jiuquan Municipal People's Government", "government")]),
    ("Jiuquan Municipal People\u2019s Government issued a plan.", [("Jiuquan Municipal People\u2019s Government", "government")]),
    ("Gansu Provincial Development and Reform Commission approved it.", [("Gansu Provincial Development and Reform Commission", "government")]),
    ("Lanzhou New Area economic development Bureau director spoke.", [("Lanzhou New Area economic development Bureau", "government")]),
    ("The State Council approved the plan.", [("State Council", "government")]),
    ("The State Council Information Office held a press conference.", [("State Council Information Office", "government")]),
    ("The People's Bank of China cut rates.", [("People's Bank of China", "government")]),
    ("Lanzhou Customs said trade rose.", [("Lanzhou Customs", "government")]),
    ("The General Administration of Customs released figures.", [("General Administration of Customs", "government")]),
    ("The CPC Central Committee has always cared.", [("CPC Central Committee", "government")]),
    ("The Central Committee of the Communist Party of China decided.", [("Central Committee of the Communist Party of China", "government")]),
    ("Policies of the Communist Party of China (CPC) on Tibet.", [("Communist Party of China", "government")]),
    # an abbreviation defined in parentheses names the body again later (but "(CPC)" itself is not a mention)
    ("The National Bureau of Statistics (NBS) said prices rose, and a senior NBS statistician expects NBS-style "
     "gains; NBSX is another word.",
     [("National Bureau of Statistics", "government"), ("NBS", "government")]),
    ("According to the Cyberspace Administration of China, users grew.", [("Cyberspace Administration of China", "government")]),
    ("Hechi Municipal Bureau of Commerce signed deals.", [("Hechi Municipal Bureau of Commerce", "government")]),
    ("The provincial Party Committee proposed measures.", []),
    ("The Xinjiang Production and Construction Corps expanded cotton fields.", [("Xinjiang Production and Construction Corps", "government")]),
    ("The local government said so.", []),
    # media and sites
    ("Xinhua reported the figures.", [("Xinhua", "media")]),
    ("China Daily and People's Daily covered it.", [("China Daily", "media"), ("People's Daily", "media")]),
    ("CCTV news broadcast praised it.", [("CCTV", "media")]),
    ("China News Service reported on grain.", [("China News Service", "media")]),
    ("Jiuquan Daily reported the figures.", [("Jiuquan Daily", "media")]),
    ("According to cnr.cn, sales rose.", [("cnr.cn", "media")]),
    ("Data from hnrb.hinews.cn showed growth.", [("hnrb.hinews.cn", "media")]),
    ("Global Times reported record sales.", [("Global Times", "media")]),
    # institutions
    ("Shanghai University of Finance and Economics published a report.", [("Shanghai University of Finance and Economics", "institution")]),
    ("Wenzhou Chamber of Commerce has 200 members.", [("Wenzhou Chamber of Commerce", "institution")]),
    ("The Chinese Academy of Sciences built a lab.", [("Chinese Academy of Sciences", "institution")]),
    ("Guests stayed at Hanshe Huitang guesthouse.", [("Hanshe Huitang guesthouse", "company")]),
    ("According to the Xi'an International Trade and Logistics Park, trips rose.", [("Xi'an International Trade and Logistics Park", "institution")]),
    # well-known companies and brands
    ("Alibaba and JD.com reported record sales.", [("Alibaba", "company"), ("JD.com", "company")]),
    ("Tmall sold Chanel, Dior and Porsche items.", [("Tmall", "company"), ("Chanel", "company"), ("Dior", "company"), ("Porsche", "company")]),
    ("Vacheron Constantin opened a store.", [("Vacheron Constantin", "company")]),
    ("Huawei and BYD expanded.", [("Huawei", "company"), ("BYD", "company")]),
    # not organizations
    ("The company recruited 120 workers.", []),
    ("Group tours resumed.", []),
    ("Xinhua reported that Jiuquan grew.", [("Xinhua", "media")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_organizations_recognize(text, expected):
    assert orgs(text) == expected


def test_organizations_component_spans_and_ents():
    """The component writes places/orgs/people to doc.spans and, when asked, to doc.ents
    without dropping entities another component set."""
    import spacy
    from spacy.tokens import Span

    import chinaecon_extract as ce

    nlp = ce.load(annotate_ents=True)
    text = "Feng Haifeng, deputy general manager of Lanzhou Xinhe Tank Co., LTD., said Gansu grew."
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, 0, 1, label="CUSTOM")]
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Lanzhou Xinhe Tank Co., LTD.", "ORG") in labels and ("Gansu", "GPE") in labels
    assert any(e.label_ in ("CUSTOM", "PERSON") and e.start == 0 for e in doc.ents)
    assert {s.label_ for s in doc.spans["chinaecon"]} >= {"location", "organization", "person"}
    assert isinstance(spacy.blank("en"), spacy.language.Language)

