"""zh-Hant a Taiwan or Hong Kong reader can trust: characters not vocabulary, OpenCC's boundary
errors fixed by the word list, proper names converted as names, 「」 quotes."""
from pathlib import Path

import pytest

from park_digest.languages.traditional import (
    DEFAULT_WORDS, Hant, WordList, WordListError, load_word_list, proper_names)
from park_digest.languages.translate.glossary import load_glossary
from park_digest.languages.variants import localize_hant, to_traditional
from park_digest.parse.parks import load_gazetteer
from park_digest.parse.pipeline import process_seed
from park_digest.parse.read import decode_seed
from park_digest.settings import Settings, load_settings
from park_digest.stories.generate import hant_converter

NAMES, PEOPLE = proper_names(load_glossary(), load_gazetteer())
SITE = Hant("s2tw", True, NAMES, PEOPLE)


def test_the_default_converts_characters_not_vocabulary():
    assert Settings().opencc_config == "s2tw"
    assert load_settings({}).hant_quotes is True
    text = "园区持续优化营商环境，发展循环经济，激活创新要素，远程视频评审项目平稳运行。"
    assert SITE.convert(text) == "園區持續優化營商環境，發展循環經濟，激活創新要素，遠程視頻評審項目平穩運行。"
    # the vocabulary localisation is still there for a site that sets it
    assert "最佳化" in Hant("s2twp").convert("优化营商环境")


@pytest.mark.parametrize("simplified, expected", [
    ("以科技创新催生发展新动能", "以科技創新催生發展新動能"),
    ("不断发挥龙头企业带动作用", "不斷發揮龍頭企業帶動作用"),
    ("现场集中签约项目21个", "現場集中簽約項目21個"),
    ("基金参股22只子基金，另设3只天使基金", "基金參股22隻子基金，另設3隻天使基金"),
    ("这里只有一家企业", "這裡只有一家企業"),  # 只 as "only" stays
    ("口服制剂掩味技术获批", "口服製劑掩味技術獲批"),
    ("打造国家制造业创新中心", "打造國家製造業創新中心"),
    ("企业申报并成功入选", "企業申報並成功入選"),
    ("两家企业合并成立新公司", "兩家企業合併成立新公司"),
    ("企业一直发展良好", "企業一直發展良好"),
    ("平台公布了相关系统的临床数据", "平台公布了相關系統的臨床數據"),
])
def test_the_word_list_fixes_openccs_boundary_errors(simplified, expected):
    assert SITE.convert(simplified) == expected


def test_proper_names_are_converted_as_names_even_with_vocabulary_localisation():
    hant = Hant("s2twp", True, ("湘江智能", "融合集成平台"), ("于大勇",))
    assert hant.convert("湘江智能的融合集成平台完成优化") == "湘江智能的融合集成平台完成最佳化"
    assert hant.convert("记者 于大勇 报道") == "記者 于大勇 報道"
    assert Hant("s2twp").convert("湘江智能") == "湘江智慧"  # what the protection prevents
    # authors come with the story; place names in a name still convert by their phrases
    assert SITE.convert("本报记者 余文涛 于晓 摄", people=("余文涛", "于晓")) == "本報記者 余文濤 于曉 攝"
    assert SITE.convert_name("沈阳高新区") == "瀋陽高新區"
    assert SITE.convert_name("余承东", person=True) == "余承東"
    assert SITE.convert_name("余杭区") == "餘杭區"  # 余 is kept only as a surname


def test_the_gazetteer_and_glossary_names_are_protected():
    assert "青岛高新区" in NAMES and "湖南湘江新区" in NAMES
    converted = hant_converter(Settings()).convert("青岛高新区与湖南湘江新区签约")
    assert converted == "青島高新區與湖南湘江新區簽約"


def test_quotes_are_corner_brackets_unless_the_setting_says_otherwise():
    text = "推出“高新贷”产品，即‘小额快贷’，穆迪（Moody’s）给予评级"
    assert SITE.convert(text) == "推出「高新貸」產品，即『小額快貸』，穆迪（Moody’s）給予評級"
    assert Hant("s2tw", quotes=False).convert(text).count("“") == 1
    assert load_settings({"PARK_DIGEST_HANT_QUOTES": "0"}).hant_quotes is False


def test_a_page_printed_in_traditional_keeps_its_text_and_gets_corner_quotes():
    page = "青島高新區推出“高新貸”\n\n青島高新區推出“高新貸2.0”產品，為企業融資提供便利，當年發放貸款5億元。\n"
    result = process_seed(decode_seed(page.encode("utf-8"), "hk.txt"))
    local = localize_hant(result.stories[0], result.seed, SITE)
    paragraph = local.body[0][1]
    assert paragraph.status == "original"
    assert paragraph.text.startswith("青島高新區推出「高新貸2.0」產品")


def test_batch_equals_one_by_one_even_with_line_breaks():
    texts = ["催生发展新动能", "第一行\n集中签约", "湘江智能", "", "“高新贷”"]
    hant = Hant("s2tw", True, ("湘江智能",))
    assert hant.convert_many(texts) == [hant.convert(t) for t in texts]
    assert to_traditional("集中签约", "s2tw") == "集中簽約"


def test_text_holding_private_use_characters_is_converted_piece_by_piece():
    assert SITE.convert("青岛高新区\ue000集中签约") == "青島高新區\ue000集中簽約"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "words.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_editor_extends_the_word_list_without_code(tmp_path):
    base = DEFAULT_WORDS.read_text(encoding="utf-8")
    assert Hant("s2tw").convert("周末照常发展") == "週末照常發展"
    extended = base.replace("words:\n", "words:\n  - {zh: 周末, hant: 周末, note: 'house style'}\n", 1)
    words = load_word_list(write(tmp_path, extended))
    assert Hant("s2tw", words=words).convert("周末照常发展") == "周末照常發展"


@pytest.mark.parametrize("text, message", [
    ("words:\n  - {zh: 发展, hant: 發展}\n", "words entry 1: note is required"),
    ("words:\n  - {zh: 发展, hant: 發, note: x}\n", "differ in length"),
    ("glyphs:\n  - {from: 臺灣, to: 台, note: x}\n", "single characters"),
    ("words:\n  - {zh: 发展, hant: 發展, note: x, configs: [s2xx]}\n", "configs must be"),
    ("wordz: []\n", "expected the sections"),
])
def test_a_malformed_word_list_names_the_file_and_entry(tmp_path, text, message):
    with pytest.raises(WordListError, match=message):
        load_word_list(write(tmp_path, text))


def test_every_word_list_entry_says_why():
    words = load_word_list()
    assert words.words and all(w.note for w in words.words)
    assert "于" in words.keep_in_names and isinstance(words, WordList)


def test_the_converter_survives_pickling_into_a_worker():
    import pickle
    hant = Hant("s2tw", True, ("湘江智能",), ("于大勇",))
    hash(hant)  # cached in this process only: string hashes differ between processes
    copy = pickle.loads(pickle.dumps(hant))
    assert "_hash" not in copy.__dict__ and copy == hant
    assert copy.convert("湘江智能 记者于大勇") == "湘江智能 記者于大勇"
