from park_digest.parse.normalize import normalize_line, split_sentences


def test_half_width_punctuation_in_chinese_becomes_full_width():
    assert normalize_line("公司(以下简称“一跃”)的创新,从产业链") == "公司（以下简称“一跃”）的创新，从产业链"
    assert normalize_line("地址:宜春丰城高新区") == "地址：宜春丰城高新区"


def test_latin_and_numbers_keep_half_width():
    assert normalize_line("白介素-12(IL-12)联合") == "白介素-12(IL-12)联合"
    assert normalize_line("共1,000家") == "共1,000家"
    assert normalize_line("10:30开会") == "10:30开会"


def test_spaces_around_numbers_are_removed():
    assert normalize_line("2025 年前 8 个月，102 亿元的营业收入和 39.5% 的同比增速") == \
        "2025年前8个月，102亿元的营业收入和39.5%的同比增速"
    assert normalize_line("“e 企炬链”服务品牌") == "“e企炬链”服务品牌"


def test_spaces_between_chinese_words_are_kept():
    assert normalize_line("3年3投 信任扎根") == "3年3投 信任扎根"


def test_split_sentences_gives_the_text_back():
    text = "第一句。“第二句！”第三句；没有句号"
    parts = split_sentences(text)
    assert "".join(parts) == text
    assert parts == ["第一句。", "“第二句！”", "第三句；", "没有句号"]
