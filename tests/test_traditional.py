"""zh-Hant by OpenCC: glossary names kept from phrase conversion; a story converted in one call."""
from park_digest.stories.generate import protected_names
from park_digest.parse.read import converter
from park_digest.languages.variants import _protected_pattern, to_traditional, to_traditional_many

PROTECTED = protected_names()


def piecewise(text: str, config: str = "s2twp") -> str:
    """The plain definition: the text between names by `config`, each name character by character."""
    pieces, at = [], 0
    for match in _protected_pattern(PROTECTED).finditer(text):
        pieces += [converter(config).convert(text[at:match.start()]), converter("s2t").convert(match.group(0))]
        at = match.end()
    return "".join(pieces) + converter(config).convert(text[at:])


SENTENCES = [
    "西安高新区发布《关于加快发展软件和信息技术服务业的若干政策》，对符合条件的企业给予奖励。",
    "阿斯利康在无锡高新区的项目总投资约1.5亿美元。",
    "鼠标和软件在内存中运行，西安高新区与青岛高新区签订合作协议。",
    "",
    "高新区",
]


def test_one_call_matches_converting_between_the_names():
    assert any(_protected_pattern(PROTECTED).search(s) for s in SENTENCES)  # the names are exercised
    for sentence in SENTENCES:
        assert to_traditional(sentence, "s2twp", PROTECTED) == piecewise(sentence)
    assert to_traditional("鼠标和软件", "s2twp", PROTECTED) == "滑鼠和軟體"  # phrases still converted


def test_text_already_holding_private_use_characters_is_converted_piece_by_piece():
    text = "西安高新区\ue000软件"
    assert to_traditional(text, "s2twp", PROTECTED) == piecewise(text)


def test_batch_equals_one_by_one_even_with_line_breaks():
    assert to_traditional_many(SENTENCES, "s2twp", PROTECTED) == [
        to_traditional(s, "s2twp", PROTECTED) for s in SENTENCES]
    broken = ["第一行\n第二行软件", "软件"]
    assert to_traditional_many(broken, "s2twp", PROTECTED) == [
        to_traditional(s, "s2twp", PROTECTED) for s in broken]
