"""Story → Markdown: metadata, anchors, and seed text kept as text."""
from park_digest.model import BodyItem, Fact, Park, Story
from park_digest.stories.markdown import render_story
from park_digest.site.content import iso_day, iso_month, parse_fact_lines
from park_digest.languages.variants import localize_en, localize_source

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
    facts, bad = parse_fact_lines(header.split("Facts: ", 1)[1].split("\n"))
    assert bad == []
    assert [(f.label, f.figure, f.anchor, f.value, f.unit, f.qualifier, f.box) for f in facts] == [
        ("总投资", "10亿元", "p0s0", 1e9, "CNY", "exact", True)]
    assert '<span class="s" id="p0s0">' in text


def test_every_figure_is_listed_and_ranges_read_back():
    story = make_story("另有20–30家企业入驻。")
    story.facts.append(Fact("20–30家", 20, "count", "approx", label_zh="企业数", label_en="companies",
                            block=0, start=12, value_max=30))
    header = render_story(localize_source(story), ("zh-Hans",)).split("\n\n", 1)[0]
    facts, _ = parse_fact_lines(header.split("Facts: ", 1)[1].split("\n"))
    assert [f.box for f in facts] == [True, False]
    assert (facts[1].value, facts[1].value_max, facts[1].qualifier) == (20, 30, "approx")


def test_unreadable_fact_lines_are_returned_not_dropped():
    facts, bad = parse_fact_lines("a | b | p0\nx | 1个 | p0s0 | many | count | exact | -")
    assert facts == [] and len(bad) == 2


def test_untranslated_english_shows_chinese_marked():
    local = localize_en(make_story("内容。"), lambda text: None)
    text = render_story(local, ("zh-Hans", "en"))
    assert "Text_status: untranslated" in text
    assert 'lang="zh-Hans" data-status="untranslated"' in text
    assert "Not yet translated" in text
    assert "total investment | CNY 1 billion | p0" in text


def test_template_dates_read_as_pelican_formats_them():
    from pelican.utils import SafeDatetime
    for when in (SafeDatetime(2026, 1, 5), SafeDatetime(1999, 12, 31, 23, 59), SafeDatetime(2087, 5, 1)):
        assert iso_day(when) == when.strftime("%Y-%m-%d")
        assert iso_month(when) == when.strftime("%Y-%m")


def untitled(kind: str, text: str, lang: str = "zh-Hans", english: str = ""):
    from park_digest.languages.variants import LocalizedStory, Text
    from park_digest.stories.markdown import display_title
    story = Story(id="u", kind=kind, title=None, span=(1, 1), body=[BodyItem("paragraph", text, (1, 1), (1,))])
    unit = Text(english, "en", "reviewed", source=text) if english else Text(text, lang, "source", source=text)
    local = LocalizedStory(story, lang, None, [("paragraph", unit)], [], [], None)
    return display_title(local).text


def test_an_untitled_story_shows_a_marker_and_its_opening_clauses_never_cut_mid_word():
    text = "5月20日，工人在株洲高新区一家企业的总装车间调试电力机车，这批机车将出口东南亚。另一句。"
    assert untitled("photo_news", text) == "图片新闻：5月20日，工人在株洲高新区一家企业的总装车间调试电力机车…"
    assert untitled("brief", "近日，园区新增企业120家。") == "无标题：近日，园区新增企业120家"
    assert untitled("brief", "近日，园区新增企业120家。", "zh-Hant") == "無標題：近日，园区新增企业120家"
    long_clause = "园区以先进装备制造新材料和电子信息为主导产业加快建设具有全国影响力的创新高地"
    assert untitled("brief", long_clause + "，其他。") == "无标题：" + long_clause + "…"  # one clause, kept whole
    english = ("Workers test electric locomotives bound for Southeast Asia in an assembly hall of "
               "the Zhuzhou Hi-Tech Zone on May 20. More.")
    shown = untitled("photo_news", text, "en", english)
    assert shown.startswith("Photo: Workers test electric locomotives") and shown.endswith("…")
    assert shown[:-1].split()[-1] in english.split()  # cut between words
