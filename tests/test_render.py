"""Story → Markdown: metadata, anchors, and seed text kept as text."""
from park_digest.model import BodyItem, Fact, Park, Story
from park_digest.render import render_story
from park_digest.site import parse_fact_lines
from park_digest.variants import localize_en, localize_source

HOSTILE = '<script>alert(1)</script> [link](javascript:alert(1)) {{ x }} {% y %} {filename}/a.md ![i](x.png)'


def make_story(text=HOSTILE):
    story = Story(id="test-1", kind="brief", title="标题<b>粗</b>", span=(1, 3),
                  body=[BodyItem("paragraph", "总投资10亿元。" + text, (2, 2), (2,))],
                  park=Park("青岛高新区", "Qingdao Hi-Tech Zone", "qingdao"), date="2026-01-01",
                  seed_file="x.txt")
    story.facts = [Fact("10亿元", 1e9, "CNY", label_zh="总投资", label_en="total investment",
                        block=0, in_box=True, start=3)]
    return story


def test_seed_text_is_escaped_in_the_body():
    text = render_story(localize_source(make_story()), ("zh-Hans", "en"))
    body = text.split("\n\n", 1)[1]
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "{filename}" in body  # as characters, never a link: no tag holds it
    assert 'href="' not in body


def test_metadata_header_and_fact_box():
    text = render_story(localize_source(make_story()), ("zh-Hans", "en"))
    header = text.split("\n\n", 1)[0]
    assert "Slug: test-1" in header and "Lang: zh-hans" in header and "Park: qingdao" in header
    facts = parse_fact_lines(header.split("Facts: ", 1)[1].split("\n"))
    assert facts == [{"label": "总投资", "value": "10亿元", "anchor": "p0s0"}]
    assert '<span class="s" id="p0s0">' in text


def test_untranslated_english_shows_chinese_marked():
    local = localize_en(make_story("内容。"), lambda text: None)
    text = render_story(local, ("zh-Hans", "en"))
    assert "Text_status: untranslated" in text
    assert 'lang="zh-Hans" data-status="untranslated"' in text
    assert "Not yet translated" in text
    assert "total investment | CNY 1 billion | p0" in text
