"""Place mentions: gazetteer names with level words, pattern places, ambiguity, all-caps datelines."""
import pytest

from chinaecon_extract.components.entities import recognize
from chinaecon_extract.recognizers.places import find_places, is_pinyin
from chinaecon_extract.text import normalize


def places(text):
    return [(text[p.start:p.end], p.name, p.level) for p in recognize(normalize(text))[0]]


CASES = [
    # provinces, with and without the level word, in news English
    ("Gansu's foreign trade rose in the first quarter.", [("Gansu", "Gansu", "province")]),
    ("Exports from Gansu province reached 3 billion yuan.", [("Gansu province", "Gansu", "province")]),
    ("Zhejiang Province reported strong exports.", [("Zhejiang Province", "Zhejiang", "province")]),
    ("Investment in Inner Mongolia autonomous region grew.", [("Inner Mongolia autonomous region", "Inner Mongolia", "province")]),
    ("Inner Mongolia Autonomous Region built new wind farms.", [("Inner Mongolia Autonomous Region", "Inner Mongolia", "province")]),
    ("Tibet eradicated absolute poverty.", [("Tibet", "Tibet", "province")]),
    ("Xizang autonomous region expanded tourism.", [("Xizang autonomous region", "Xizang", "province")]),
    ("Tibet Autonomous Region invested 10 billion yuan.", [("Tibet Autonomous Region", "Tibet", "province")]),
    ("Guangxi Zhuang Autonomous Region signed 57 projects.", [("Guangxi Zhuang Autonomous Region", "Guangxi", "province")]),
    ("Ningxia Hui autonomous region grows wolfberries.", [("Ningxia Hui autonomous region", "Ningxia", "province")]),
    ("Xinjiang Uygur Autonomous Region exported cotton.", [("Xinjiang Uygur Autonomous Region", "Xinjiang", "province")]),
    ("Xinjiang Uyghur Autonomous Region exported cotton.", [("Xinjiang Uyghur Autonomous Region", "Xinjiang", "province")]),
    ("Hong Kong SAR recorded a trade surplus.", [("Hong Kong SAR", "Hong Kong", "province")]),
    ("Hong Kong Special Administrative Region recorded a surplus.", [("Hong Kong Special Administrative Region", "Hong Kong", "province")]),
    ("Visitors to Macao spent more.", [("Macao", "Macao", "province")]),
    ("Visitors to Macau spent more.", [("Macau", "Macao", "province")]),
    ("Coal output in Shanxi rose.", [("Shanxi", "Shanxi", "province")]),
    ("Coal output in Shaanxi rose.", [("Shaanxi", "Shaanxi", "province")]),
    ("Shanxi and Shaanxi both mine coal.", [("Shanxi", "Shanxi", "province"), ("Shaanxi", "Shaanxi", "province")]),
    ("Beijing and Shanghai led retail sales.", [("Beijing", "Beijing", "province"), ("Shanghai", "Shanghai", "province")]),
    ("Chongqing Municipality opened a new rail line.", [("Chongqing Municipality", "Chongqing", "province")]),
    ("Heilongjiang harvested more soybeans.", [("Heilongjiang", "Heilongjiang", "province")]),
    ("Yunnan exported flowers.", [("Yunnan", "Yunnan", "province")]),
    ("Taiwan compatriots visited Fujian.", [("Taiwan", "Taiwan", "province"), ("Fujian", "Fujian", "province")]),
    # prefectures and exonyms
    ("Jiuquan is a city in Gansu.", [("Jiuquan", "Jiuquan", "prefecture"), ("Gansu", "Gansu", "province")]),
    ("Xi'an saw more freight trains.", [("Xi'an", "Xi'an", "prefecture")]),
    ("Xi\u2019an saw more freight trains.", [("Xi\u2019an", "Xi'an", "prefecture")]),
    ("Hohhot hosted the dairy fair.", [("Hohhot", "Hohhot", "prefecture")]),
    ("Urumqi is the capital of Xinjiang.", [("Urumqi", "Urumqi", "prefecture"), ("Xinjiang", "Xinjiang", "province")]),
    ("\u00dcr\u00fcmqi is the capital of Xinjiang.", [("\u00dcr\u00fcmqi", "Urumqi", "prefecture"), ("Xinjiang", "Xinjiang", "province")]),
    ("Lhasa received more tourists.", [("Lhasa", "Lhasa", "prefecture")]),
    ("Shigatse built a new airport road.", [("Shigatse", "Shigatse", "prefecture")]),
    ("Kashgar is a trade hub.", [("Kashgar", "Kashgar", "prefecture")]),
    ("Ordos produces coal.", [("Ordos", "Ordos", "prefecture")]),
    ("Harbin hosted the ice festival.", [("Harbin", "Harbin", "prefecture")]),
    ("Lincang City grows tea.", [("Lincang City", "Lincang", "prefecture")]),
    ("Hechi starts construction on 57 projects.", [("Hechi", "Hechi", "prefecture")]),
    ("Huai'an accelerated major projects.", [("Huai'an", "Huai'an", "prefecture")]),
    ("Wenzhou city is home to private firms.", [("Wenzhou city", "Wenzhou", "prefecture")]),
    ("Haikou opened duty-free shops.", [("Haikou", "Haikou", "prefecture")]),
    ("Guangzhou and Shenyang joined the festival.", [("Guangzhou", "Guangzhou", "prefecture"), ("Shenyang", "Shenyang", "prefecture")]),
    ("Changzhi expanded its coal chemical industry.", [("Changzhi", "Changzhi", "prefecture")]),
    ("Luohe is known for food processing.", [("Luohe", "Luohe", "prefecture")]),
    ("Linxia Hui Autonomous Prefecture grew potatoes.", [("Linxia Hui Autonomous Prefecture", "Linxia", "prefecture")]),
    ("Xilingol League raised cattle.", [("Xilingol League", "Xilingol", "prefecture")]),
    # counties, county-level cities, districts
    ("Yiwu exports small commodities.", [("Yiwu", "Yiwu", "county")]),
    ("Cangyuan County lies on the border.", [("Cangyuan County", "Cangyuan", "county")]),
    ("Nandan county opened a mine.", [("Nandan county", "Nandan", "county")]),
    ("Luocheng Mulam autonomous county built roads.", [("Luocheng Mulam autonomous county", "Luocheng", "county")]),
    ("Zhouqu completed the relocation.", [("Zhouqu", "Zhouqu", "county")]),
    ("Wencheng County is in the mountains.", [("Wencheng County", "Wencheng", "county")]),
    ("Korla grows pears.", [("Korla", "Korla", "county")]),
    ("Golmud is a logistics hub in Qinghai.", [("Golmud", "Golmud", "county"), ("Qinghai", "Qinghai", "province")]),
    ("Haidian district hosts tech firms.", [("Haidian district", "Haidian", "district")]),
    ("Chengguan District of Lanzhou collected more taxes.", [("Chengguan District", "Chengguan", "district"), ("Lanzhou", "Lanzhou", "prefecture")]),
    ("Mile City attracts tourists.", [("Mile City", "Mile", "county")]),
    ("Guide County is in Qinghai.", [("Guide County", "Guide", "county"), ("Qinghai", "Qinghai", "province")]),
    # new areas and zones
    ("Lanzhou New Area set off a production boom.", [("Lanzhou New Area", "Lanzhou New Area", "new_area")]),
    ("Shops in Lanzhou New District reopened.", [("Lanzhou New District", "Lanzhou New Area", "new_area")]),
    ("Pudong New Area attracted foreign investment.", [("Pudong New Area", "Pudong New Area", "new_area")]),
    ("Firms in Pudong hired more staff.", [("Pudong", "Pudong New Area", "new_area")]),
    ("Binhai New Area expanded its port.", [("Binhai New Area", "Binhai New Area", "new_area")]),
    ("Liangjiang New Area built a car plant.", [("Liangjiang New Area", "Liangjiang New Area", "new_area")]),
    ("Xiong'an New Area broke ground on schools.", [("Xiong'an New Area", "Xiong'an New Area", "new_area")]),
    ("Construction in Xiong'an accelerated.", [("Xiong'an", "Xiong'an New Area", "new_area")]),
    ("Tianfu New Area attracted projects.", [("Tianfu New Area", "Tianfu New Area", "new_area")]),
    ("Gui'an New Area hosts data centers.", [("Gui'an New Area", "Gui'an New Area", "new_area")]),
    ("Two projects landed in the Green Chemical Industry Park of Lanzhou New Area.",
     [("Green Chemical Industry Park", "Green Chemical Industry Park", "zone"), ("Lanzhou New Area", "Lanzhou New Area", "new_area")]),
    ("A plant in Lanzhou New Area Green Chemical Industry Park started.",
     [("Lanzhou New Area Green Chemical Industry Park", "Green Chemical Industry Park", "zone")]),
    ("Suzhou Industrial Park reported growth.", [("Suzhou Industrial Park", "Suzhou Industrial Park", "zone")]),
    ("Hefei Economic and Technological Development Zone added firms.",
     [("Hefei Economic and Technological Development Zone", "Hefei Economic and Technological Development Zone", "zone")]),
    ("Zhengzhou High-tech Zone hosts chip makers.", [("Zhengzhou High-tech Zone", "Zhengzhou High-tech Zone", "zone")]),
    ("Hainan Free Trade Port cut tariffs.", [("Hainan Free Trade Port", "Hainan Free Trade Port", "zone")]),
    ("Shanghai Pilot Free Trade Zone opened.", [("Shanghai Pilot Free Trade Zone", "Shanghai Pilot Free Trade Zone", "zone")]),
    ("Xiamen Free Trade Zone expanded.", [("Xiamen Free Trade Zone", "Xiamen Free Trade Zone", "zone")]),
    ("Kunshan Comprehensive Bonded Zone imported chips.", [("Kunshan Comprehensive Bonded Zone", "Kunshan Comprehensive Bonded Zone", "zone")]),
    ("Yangshan Port handled more containers.", [("Yangshan Port", "Yangshan Port", "other")]),
    ("The train departed from Qinwangchuan Station.", [("Qinwangchuan Station", "Qinwangchuan Station", "other")]),
    ("Villagers in Nuozhang Village grow morels.", [("Nuozhang Village", "Nuozhang Village", "other")]),
    # named scenic places: a capitalized "Scenic Area" keeps its name; a mountain or lake needs a pinyin name
    ("The Zhuanglang Scenic Area received 420,000 visitors.",
     [("Zhuanglang Scenic Area", "Zhuanglang Scenic Area", "other")]),
    ("Tourists flocked to Guiqing Mountain and Qinghai Lake.",
     [("Guiqing Mountain", "Guiqing Mountain", "other"), ("Qinghai Lake", "Qinghai Lake", "other")]),
    ("Climbers left for the Rocky Mountain near Lake Placid.", []),
    ("The Pinglu Canal will cost 72.7 billion yuan.", [("Pinglu Canal", "Pinglu Canal", "other")]),
    ("Tourists flocked to Wuzhen Town.", [("Wuzhen Town", "Wuzhen", "other")]),
    ("Diners filled Ruiling International Kyoto Shopping Plaza.", [("Ruiling International Kyoto Shopping Plaza", "Ruiling International Kyoto Shopping Plaza", "other")]),
    ("Lanterns decorated Qinchuan New City.", [("Qinchuan New City", "Qinchuan New City", "other")]),
    ("Daxing Airport handled more flights.", [("Daxing Airport", "Daxing Airport", "other")]),
    # countries and world places
    ("China's GDP grew 5 percent.", [("China", "China", "country")]),
    ("Exports to Mexico, Canada and Kazakhstan rose.", [("Mexico", "Mexico", "country"), ("Canada", "Canada", "country"), ("Kazakhstan", "Kazakhstan", "country")]),
    ("Ambassadors of Bosnia and Herzegovina and Sri Lanka joined.", [("Bosnia and Herzegovina", "Bosnia and Herzegovina", "country"), ("Sri Lanka", "Sri Lanka", "country")]),
    ("Trade with the US and the UK fell.", [("US", "United States", "country"), ("UK", "United Kingdom", "country")]),
    ("Trade with the U.S. rose.", [("U.S", "United States", "country")]),
    ("Trains link Asia and Europe.", [("Asia", "Asia", "other"), ("Europe", "Europe", "other")]),
    ("Trains run from Xi'an to Duisburg.", [("Xi'an", "Xi'an", "prefecture"), ("Duisburg", "Duisburg", "other")]),
    ("The Republic of Korea and Vietnam are major partners.", [("Republic of Korea", "South Korea", "country"), ("Vietnam", "Vietnam", "country")]),
    # the places in an event's name are not places of the report
    ("The 136th China Import and Export Fair drew 253,000 overseas buyers.", []),
    ("The Harbin International Ice and Snow Festival opened in Harbin on Friday.", [("Harbin", "Harbin", "prefecture")]),
    ("Guangdong Expo visitors and Shenzhen residents shopped.", [("Shenzhen", "Shenzhen", "prefecture")]),
    # markets, resorts, exhibition complexes and power stations are places; a place named after an event is one
    ("The Dounan Flower Market in Kunming traded 11.6 billion stems.", [("Dounan Flower Market", "Dounan Flower Market", "other"), ("Kunming", "Kunming", "prefecture")]),
    ("Xinfadi Agricultural Products Wholesale Market handled 18,000 tons.", [("Xinfadi Agricultural Products Wholesale Market", "Xinfadi Agricultural Products Wholesale Market", "other")]),
    ("Changbaishan International Resort received 1 million visits.", [("Changbaishan International Resort", "Changbaishan International Resort", "other")]),
    ("Rangers patrol the Qilian Mountains, and the Taihang Mountains are greener.",
     [("Qilian Mountains", "Qilian Mountains", "other"), ("Taihang Mountains", "Taihang Mountains", "other")]),
    ("The Baihetan hydropower station generated 60 billion kWh.", [("Baihetan hydropower station", "Baihetan", "other")]),
    ("Held at the Canton Fair Complex in Guangzhou, the fair drew firms.", [("Canton Fair Complex", "Canton Fair Complex", "other"), ("Guangzhou", "Guangzhou", "prefecture")]),
    ("The Property Market Report said the stock market rose.", []),
    ("Shipyards along the Yangtze River and the Luanhe River basin grew.", [("Yangtze River", "Yangtze River", "other"), ("Luanhe River", "Luanhe River", "other")]),
    ("Tourists crowded Sun Island and the Songhua Lake scenic area.", [("Sun Island", "Sun Island", "other"), ("Songhua Lake scenic area", "Songhua Lake", "other")]),
    ("The Yellow River Group said output rose.", []),
    # a possessive inside a name does not end it
    ("Trade with the Democratic People's Republic of Korea rose.", [("Democratic People's Republic of Korea", "North Korea", "country")]),
    ("The People's Republic of China was founded in 1949.", [("People's Republic of China", "China", "country")]),
    ("Korea's exports of chips to Vietnam rose.", [("Korea", "South Korea", "country"), ("Vietnam", "Vietnam", "country")]),
    ("Southeast Asia is the largest market.", [("Southeast Asia", "Southeast Asia", "other")]),
    ("The Yangtze River Delta led growth.", [("Yangtze River Delta", "Yangtze River Delta", "other")]),
    ("The Guangdong-Hong Kong-Macao Greater Bay Area grew.", [("Guangdong-Hong Kong-Macao Greater Bay Area", "Guangdong-Hong Kong-Macao Greater Bay Area", "other")]),
    ("Loans worth US$5 billion were signed.", []),
    ("NANNING -- Guangxi's trade rose.", [("NANNING", "Nanning", "prefecture"), ("Guangxi", "Guangxi", "province")]),
    ("Ejin Horo Banner mines coal.", [("Ejin Horo Banner", "Ejin Horo", "county")]),
    ("Sanya Phoenix International Airport handled more flights.", [("Sanya Phoenix International Airport", "Sanya Phoenix International Airport", "other")]),
    # ambiguity: same name at two levels
    ("Jilin City lies on the Songhua River.", [("Jilin City", "Jilin", "prefecture"), ("Songhua River", "Songhua River", "other")]),
    ("Jilin province grows corn.", [("Jilin province", "Jilin", "province")]),
    ("Jilin harvested more corn.", [("Jilin", "Jilin", "province")]),
    ("Hainan sold more duty-free goods.", [("Hainan", "Hainan", "province")]),
    ("Hainan Tibetan Autonomous Prefecture in Qinghai raises yaks.", [("Hainan Tibetan Autonomous Prefecture", "Hainan", "prefecture"), ("Qinghai", "Qinghai", "province")]),
    # ambiguity: names that are not places here
    ("The China-Europe freight trains ran 2,619 trips.", []),
    ("Chinese consumers bought more cars.", []),
    ("FOLLOW JIUQUAN\nJiuquan grew.", [("Jiuquan", "Jiuquan", "prefecture")]),
    ("XI'AN, July 7 (Xinhua) -- Trips rose.", [("XI'AN", "Xi'an", "prefecture")]),
    ("BEIJING, Jan. 5 (Xinhua) -- Sales rose.", [("BEIJING", "Beijing", "province")]),
    ("Jiuquan Daily reported the figures.", []),
    ("Jiuquan Municipal People's Government released the data.", []),
    ("Lanzhou Xinhe Tank Co., LTD. raised output.", []),
    ("Shanghai University of Finance and Economics published a report.", []),
    ("Wenzhou Chamber of Commerce members invested abroad.", []),
    ("The guide showed visitors around.", []),
    ("Boxing and jingle bells are not places.", []),
    ("Feng Haifeng said orders were full.", []),
    ("Northwest China's Gansu province grew.", [("Gansu province", "Gansu", "province")]),
    # landmarks, bays and fishing grounds; a lower-case "town" after a pinyin name
    ("The Potala Palace received 1.63 million visitors.", [("Potala Palace", "Potala Palace", "other")]),
    ("The Yarlung Zangbo Grand Canyon drew 800,000 visitors.", [("Yarlung Zangbo Grand Canyon", "Yarlung Zangbo Grand Canyon", "other")]),
    ("At Haitang Bay, 98,000 shoppers spent 1.2 billion yuan.", [("Haitang Bay", "Haitang Bay", "other")]),
    ("Boats at the Sandu'ao fishing ground landed 3,000 tons.", [("Sandu'ao fishing ground", "Sandu'ao", "other")]),
    ("Lulang town opened 26 new homestays.", [("Lulang town", "Lulang", "other")]),
    # Tibetan names of Sichuan's Tibetan areas ("Aba" and "Ganzi" keep the article's spelling)
    ("The road runs through the Ngawa Tibetan and Qiang autonomous prefecture to Zoige county.",
     [("Ngawa Tibetan and Qiang autonomous prefecture", "Ngawa", "prefecture"), ("Zoige county", "Zoige", "county")]),
    ("Aba prefecture and Ganzi Tibetan Autonomous Prefecture grew fast.",
     [("Aba prefecture", "Aba", "prefecture"), ("Ganzi Tibetan Autonomous Prefecture", "Ganzi", "prefecture")]),
    ("Guangzhou in south China's Guangdong province handled 6.35 billion parcels.",
     [("Guangzhou", "Guangzhou", "prefecture"), ("China", "China", "country"), ("Guangdong province", "Guangdong", "province")]),
    ("The Yinlan-Lanzhou railway opened.", []),
    # a place opening a quoted title is part of the name; a quoted place alone is still a place
    ("Yunnan launched the \u201cYunnan Tea Village Package\u201d for buyers in Kunming.",
     [("Yunnan", "Yunnan", "province"), ("Kunming", "Kunming", "prefecture")]),
    ('Tourists call it "Lhasa" in their posts.', [("Lhasa", "Lhasa", "prefecture")]),
    # a lower-case generic ending names a place without being part of its name; never after a gazetteer name
    ("The Songhua Lake scenic area and Yabuli ski resort drew skiers.",
     [("Songhua Lake scenic area", "Songhua Lake", "other"), ("Yabuli ski resort", "Yabuli", "other")]),
    ("The Talatan photovoltaic park is near the Lanzhou scenic area.",
     [("Talatan photovoltaic park", "Talatan", "zone"), ("Lanzhou", "Lanzhou", "prefecture")]),
    ("the city and the province both grew.", []),
    # a level word that fits no reading of the name describes another place ("a Hebei county"), but one
    # that fits one of them picks it ("Hebei district" is Tianjin's)
    ("A Hebei county doubled its vegetable output.", [("Hebei", "Hebei", "province")]),
    ("Yunnan prefecture towns grew tea.", [("Yunnan", "Yunnan", "province")]),
    # a lower-case "port" after a gazetteer name names the port; after any other word it names nothing
    ("Crude imports through Qinzhou port fell, as at a Chinese port nearby.", [("Qinzhou port", "Qinzhou Port", "other")]),
    # a mountain named before its pinyin name; "mount" as a verb is none
    ("Mount Tai and Mount Emei drew visitors, and Gansu will mount a campaign.",
     [("Mount Tai", "Mount Tai", "other"), ("Mount Emei", "Mount Emei", "other"), ("Gansu", "Gansu", "province")]),
    # news spellings of border cities ("Horgos", "Hunchun": 珲 read hun here)
    ("Horgos, a border city in Xinjiang, and Hunchun in Jilin handled more freight trains.",
     [("Horgos", "Horgos", "county"), ("Xinjiang", "Xinjiang", "province"), ("Hunchun", "Hunchun", "county"),
      ("Jilin", "Jilin", "province")]),
    # the place a company is based in, inside a hyphenated word
    ("Xiamen-based Amoy Foods and a Chengdu-headquartered bank grew.",
     [("Xiamen", "Xiamen", "prefecture"), ("Chengdu", "Chengdu", "prefecture")]),
    ("Hebei district of Tianjin opened a market.", [("Hebei district", "Hebei", "district"), ("Tianjin", "Tianjin", "province")]),
    # sites, bases, port areas and terminals named by their last words
    ("The Dongjiakou port area and the Qianwan container terminal were busy.",
     [("Dongjiakou port area", "Dongjiakou", "other"), ("Qianwan container terminal", "Qianwan", "other")]),
    ("The Kubuqi Desert base and the Mogao Grottoes drew investors and visitors.",
     [("Kubuqi Desert", "Kubuqi Desert", "other"), ("Mogao Grottoes", "Mogao Grottoes", "other")]),
    ("Zhangye National Geopark and the Zhengzhou Airport Economy Zone grew.",
     [("Zhangye National Geopark", "Zhangye National Geopark", "other"),
      ("Zhengzhou Airport Economy Zone", "Zhengzhou Airport Economy Zone", "zone")]),
    ("Projects landed in the Ningdong Energy and Chemical Industry Base.",
     [("Ningdong Energy and Chemical Industry Base", "Ningdong Energy and Chemical Industry Base", "zone")]),
    # a port area named after a city keeps the city's name only
    ("The Meishan port area of Ningbo-Zhoushan Port grew.", [("Meishan port area", "Meishan", "other"),
                                                              ("Ningbo-Zhoushan Port", "Ningbo-Zhoushan Port", "other")]),
    # a town written before its village: two places
    ("Xinglong Town Longfeng Village relies on tea.", [("Xinglong Town", "Xinglong", "other"),
                                                       ("Longfeng Village", "Longfeng Village", "other")]),
    # Mongolian names of banners and districts
    ("Horqin Left Middle Banner and Horqin District of Tongliao raised cattle.",
     [("Horqin Left Middle Banner", "Horqin Left Middle", "county"), ("Horqin District", "Horqin", "district"),
      ("Tongliao", "Tongliao", "prefecture")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_places_recognize(text, expected):
    assert places(text) == expected


PARENTS = [
    ("Jiuquan is a city.", "Jiuquan", "Gansu", "620900"),
    ("Cangyuan County grows sugarcane.", "Cangyuan", "Lincang", "530927"),
    ("Xi'an is booming.", "Xi'an", "Shaanxi", "610100"),
    ("Lanzhou New Area grew.", "Lanzhou New Area", "Lanzhou", "620171"),
    ("Gansu grew.", "Gansu", "China", "620000"),
    ("Yiwu traders grew.", "Yiwu", "Jinhua", "330782"),
    ("Suzhou, Jiangsu reported growth.", "Suzhou", "Jiangsu", "320500"),
    ("Suzhou in Anhui province reported growth; Bozhou too.", "Suzhou", "Anhui", "341300"),
    ("Taizhou in Zhejiang exports auto parts, as does Wenzhou.", "Taizhou", "Zhejiang", "331000"),
    ("Yulin in Shaanxi mines coal; Yan'an too.", "Yulin", "Shaanxi", "610800"),
    ("Yulin in Guangxi grows lychees; Nanning too.", "Yulin", "Guangxi", "450900"),
]


@pytest.mark.parametrize("text,name,parent,code", PARENTS)
def test_places_parent_and_code(text, name, parent, code):
    got = {p.name: p for p in find_places(normalize(text))}
    assert (got[name].parent, got[name].code) == (parent, code)


def test_places_offsets_slice_original():
    text = "Sales in Xi\u2019an and \u00dcr\u00fcmqi rose."
    for p in find_places(normalize(text)):
        assert text[p.start:p.end] == p.text or normalize(text)[p.start:p.end] == p.text


@pytest.mark.parametrize("word,expected", [("Haike", True), ("Xi'an", True), ("Industrial", False), ("Company", False)])
def test_places_is_pinyin(word, expected):
    assert is_pinyin(word) is expected


SHARED = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared" / "corpora-dev"


def _gold_and_predicted(stem, kind):
    """(start, name) pairs of the gold and of extract() for a seed article read from ../shared."""
    import json

    import chinaecon_extract as ce

    raw = (SHARED / f"{stem}.txt").read_text(encoding="utf-8")
    text = raw.split("\n\n", 1)[1]
    gold = json.loads((SHARED / f"{stem}.json").read_text(encoding="utf-8"))
    spans = []
    for g in gold["mentions"]:
        if g["type"] == kind:
            s = -1
            for _ in range(g.get("occurrence", 1)):
                s = text.find(g["text"], s + 1)
            spans.append((s, s + len(g["text"]), g["name"]))
    pred = [(m["start"], m["end"], m["name"]) for m in ce.extract(text).to_dict()["mentions"] if m["type"] == kind]
    return sorted(spans), sorted(pred)


@pytest.mark.parametrize("stem", ["seed000", "seed003"])
@pytest.mark.parametrize("kind", ["location", "organization"])
def test_places_seed_articles_exact(stem, kind):
    """Every gold entity of the seed articles is found with its name, and nothing else
    ("Gansu province" for gold "Gansu" counts: same start, overlapping span)."""
    if not (SHARED / f"{stem}.json").exists():
        pytest.skip("shared seed gold not available")
    gold, pred = _gold_and_predicted(stem, kind)
    assert [(s, n) for s, _e, n in pred] == [(s, n) for s, _e, n in gold]


@pytest.mark.parametrize("text", ["", "   ", ".,;--", "Co.", "the city", "Xi'", "China", "\u00c9\u00e9 \u4e2d\u56fd", "A" * 500,
                                  "Gansu province\n\nFOLLOW GANSU", "Lanzhou New Area Co., Ltd."])
def test_places_edge_inputs_do_not_crash(text):
    ps, os_, people_, refs_ = recognize(normalize(text))
    for m in ps + os_ + people_ + refs_:
        assert text[m.start:m.end] == m.text


def test_places_article_keeps_its_spelling_of_a_name():
    """An article that writes "Xizang" gets it for every place named Tibet, parents and references too;
    one that writes "Tibet" keeps Tibet."""
    from chinaecon_extract import extract
    text = ("Lhasa, Tibet's capital, grew fast. Xizang autonomous region saw its GDP grow 9.5 percent, "
            "and the region's revenue rose.")
    d = extract(text, published="2024-01-22").to_dict()
    places = [(m["text"], m["name"], m.get("parent")) for m in d["mentions"] if m["type"] == "location"]
    assert places == [("Lhasa", "Lhasa", "Xizang"), ("Tibet", "Xizang", "China"),
                      ("Xizang autonomous region", "Xizang", "China")]
    assert [m["name"] for m in d["mentions"] if m["type"] == "reference"] == ["Xizang"]
    d = extract("Tibet autonomous region saw its GDP grow 9.5 percent.", published="2024-01-22").to_dict()
    assert [m["name"] for m in d["mentions"] if m["type"] == "location"] == ["Tibet"]
