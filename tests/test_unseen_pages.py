"""Pages unlike the seeds: other scripts and encodings, web furniture, pinyin, run-on lines."""
import codecs
from pathlib import Path

import pytest

from park_digest.parse.pipeline import process_file, process_seed
from park_digest.languages.traditional import Hant
from park_digest.parse.read import converter, decode_seed
from conftest import ROOT, SEEDS

PAGES = ROOT / "tests" / "data" / "pages"
SEED_000 = (SEEDS / "000_68498c843cd78d0e.txt").read_text(encoding="utf-8")


def summary(result):
    return [(s.kind, s.span, s.park.slug if s.park else None) for s in result.stories]


@pytest.mark.parametrize("make_bytes", [
    lambda t: converter("s2t").convert(t).encode("utf-8"),
    lambda t: t.encode("gb18030"),
    lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8"),
], ids=["traditional", "gb18030", "bom-crlf"])
def test_seed_000_in_other_forms_gives_the_same_four_stories(make_bytes):
    expected = summary(process_seed(decode_seed(SEED_000.encode("utf-8"), "000.txt")))
    assert len(expected) == 4
    assert summary(process_seed(decode_seed(make_bytes(SEED_000), "000.txt"))) == expected


def test_traditional_page_keeps_its_own_text_for_zh_hant():
    from park_digest.languages.variants import localize_hant
    hant = converter("s2t").convert(SEED_000)
    result = process_seed(decode_seed(hant.encode("utf-8"), "000.txt"))
    story = result.stories[0]
    assert story.title == "青岛高新区高质量发展动能澎湃"  # processed in Simplified
    local = localize_hant(story, result.seed, Hant("s2tw", quotes=False))
    assert local.body[0][1].status == "original"
    from park_digest.parse.normalize import normalize_line
    assert local.body[0][1].text == normalize_line(hant.split("\n")[6])  # line 7, as printed


def test_web_page_furniture_is_discarded_with_reasons():
    result = process_file(PAGES / "web_article.txt")
    reasons = {d.reason for d in result.discarded}
    assert {"breadcrumb", "source and date line", "editor credit line", "disclaimer",
            "captcha prompt", "share bar"} <= reasons
    assert len(result.stories) == 1
    story = result.stories[0]
    assert story.title == "成都高新区：前三季度新增高新技术企业超500家"
    assert story.park.slug == "chengdu" and story.authors == ["王晓明"]
    assert story.date == "2025-10-20" and not story.date_inferred
    assert all("版权所有" not in item.text for item in story.body)


def test_pinyin_annotations_are_moved_out():
    result = process_file(PAGES / "pinyin_page.txt")
    story = result.stories[0]
    assert story.title == "西安高新区新增企业"
    assert story.body[0].text == "西安高新区今年新增科技企业300家。"
    assert story.park.name_zh == "西安高新区"
    assert any(d.reason == "pinyin annotation" and "xī" in d.text for d in result.discarded)


def test_one_long_line_is_split_into_its_stories():
    result = process_file(PAGES / "one_line.txt")
    assert [(s.title, s.authors) for s in result.stories] == [
        ("合肥高新区获评国家级知识产权强国建设示范园区", ["张明"]),
        ("武汉东湖高新区举办创新创业大赛", ["刘洋"]),
    ]
    assert [s.park.slug for s in result.stories] == ["hefei", "wuhan-east-lake"]


def test_unknown_park_gets_a_pinyin_name(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("## 资阳高新区新引进项目12个\n\n本报讯 近日，资阳市高新技术产业开发区集中签约项目12个，总投资86亿元。\n",
                    encoding="utf-8")
    story = process_file(page).stories[0]
    assert story.park.name_zh == "资阳高新区"  # the headline's short name and the lead's full one: one park
    assert story.park.name_en == "Ziyang Hi-Tech Zone" and story.park.slug.startswith("ziyang-htz-")
    assert not story.park.known and story.park.province == "四川"
