import codecs

import pytest

from park_digest.parse.read import SeedError, decode_seed, detect_script
from conftest import SEEDS

PAGE = (SEEDS / "000_68498c843cd78d0e.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: t.replace("\n", "\r").encode("utf-8"),
    lambda t: t.encode("gb18030"),
    lambda t: t.encode("utf-16"),
    lambda t: t.encode("utf-16-le"),
    lambda t: t.encode("utf-16-be"),
], ids=["utf8", "bom-crlf", "cr", "gb18030", "utf16-bom", "utf16le-nobom", "utf16be-nobom"])
def test_every_encoding_gives_the_same_lines(encode):
    seed = decode_seed(encode(PAGE), "page.txt")
    assert seed.lines == PAGE.split("\n")
    assert seed.script == "hans"


@pytest.mark.parametrize("encoding", ["big5", "big5hkscs", "utf-8"])
def test_traditional_pages_in_big5_are_read(encoding):
    """Hong Kong and Taiwan outlets still save Big5; the hand-made detector rejected it."""
    hant = ("## 科學園上半年營業收入增長12%\n\n本報訊 科學園公司昨日表示，園區企業今年上半年營業收入"
            "達到150億港元，同比增長12%，新進駐企業46家。\n\n園區將繼續優化服務，吸引更多研發團隊。\n\n"
            "（記者 陳大文）\n")
    seed = decode_seed(hant.encode(encoding), "hk.txt")
    assert seed.original_lines == hant.split("\n") and seed.script == "hant"


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_a_page_with_pinyin_in_gb18030_or_gbk_is_read(encoding):
    page = "## 西(xī)安(ān)高(gāo)新(xīn)区(qū)\n\n西安高新区营业收入增长12%，绿(lǜ)色发展。\n"
    assert decode_seed(page.encode(encoding), "py.txt").original_lines == page.split("\n")


def test_traditional_page_is_processed_in_simplified_and_kept():
    from park_digest.parse.read import converter
    hant = converter("s2t").convert(PAGE)
    seed = decode_seed(hant.encode("utf-8"), "hant.txt")
    assert seed.script == "hant"
    assert seed.original_lines == hant.split("\n")
    assert "青岛高新区" in "".join(seed.lines)


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (bytes(range(256)) * 40, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_bad_bytes_are_rejected_with_the_file_name(data, reason):
    with pytest.raises(SeedError) as error:
        decode_seed(data, "bad.txt")
    assert "bad.txt" in str(error.value) and reason in str(error.value)


def test_detect_script():
    assert detect_script("青岛高新区发展动能澎湃") == "hans"
    assert detect_script("青島高新區發展動能澎湃") == "hant"
    assert detect_script("no Chinese here") == "hans"
