"""Story → Markdown: metadata, anchors, and seed text kept as text."""
from park_digest.model import BodyItem, Fact, FigureCheck, Park, Provenance, Story
import pytest

from park_digest.languages.translate.memory import Translation
from park_digest.stories.compose import render_story
from park_digest.stories.markdown import StoryMeta, read_story, write_story
from park_digest.site.content import iso_day, iso_month
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
    story = read_story(text)
    assert story.headers["slug"] == "test-1" and story.headers["lang"] == "zh-hans"
    assert story.headers["title"] == "标题<b>粗</b>"  # Pelican's field, escaped by the templates
    meta = story.meta
    assert (meta.park, meta.park_zh, meta.seed, meta.lines, meta.kind) == ("qingdao", "青岛高新区", "x.txt", (1, 3), "brief")
    assert [(f.label, f.figure, f.anchor, f.value, f.unit, f.qualifier, f.box) for f in meta.facts] == [
        ("总投资", "10亿元", "p0s0", 1e9, "CNY", "exact", True)]
    assert meta.facts[0].sentence == "总投资10亿元。"  # the figure's sentence, no HTML to search
    assert meta.fact_box == meta.facts
    assert '<span class="s" id="p0s0">' in text


def test_every_figure_is_listed_and_ranges_read_back():
    story = make_story("另有20–30家企业入驻。")
    story.facts.append(Fact("20–30家", 20, "count", "approx", label_zh="企业数", label_en="companies",
                            block=0, start=12, value_max=30))
    facts = read_story(render_story(localize_source(story), ("zh-Hans",))).meta.facts
    assert [f.box for f in facts] == [True, False]
    assert (facts[1].value, facts[1].value_max, facts[1].qualifier) == (20, 30, "approx")
    assert facts[1].sentence == "另有20–30家企业入驻。"


def test_the_digest_line_survives_line_breaks_and_rejects_unknown_fields():
    meta = StoryMeta(lead="第一段\u2028第二段\n", source=Provenance(publication="报|纸", page="A03"))
    text = write_story({"Title": "标题\n第二行", "Slug": "s"}, meta, "<p>x</p>")
    assert text.splitlines() == text.split("\n")[:-1] and len(text.split("\n")) == 6  # 3 header lines, blank, body
    assert read_story(text).meta == meta and read_story(text).headers["title"] == "标题 第二行"
    with pytest.raises(ValueError):
        read_story(text.replace('"lead"', '"leed"'))


def test_a_line_break_inside_a_text_keeps_the_file_readable():
    """A form feed in a seed or a translation is cleaned into a line break; a block broken over
    two lines was read as Markdown, its Digest a bare string (issue 26)."""
    local = localize_en(make_story("内容。"), lambda text: Translation("First line\nsecond line", "reviewed"))
    story = read_story(render_story(local, ("zh-Hans", "en")))
    assert "First line&#10;second line" in story.body and story.meta.kind == "brief"


def test_date_precision_checks_and_provenance_travel_in_the_digest():
    story = make_story("内容。")
    story.date, story.source = "2026-01", Provenance("中国高新技术产业导报", "2026-01-12", page="9", url="https://e.example/9")
    story.checks = [FigureCheck("implausible", "10亿元", 2, 0, "数字可疑", "Doubtful figure")]
    text = render_story(localize_en(story, lambda text: None), ("zh-Hans", "en"))
    read = read_story(text)
    assert read.headers["date"] == "2026-01-01" and read.meta.date_precision == "month"
    assert read.meta.source == story.source and read.meta.source.label() == "中国高新技术产业导报 2026-01-12 第9版"
    assert [(c.kind, c.figure, c.anchor, c.note) for c in read.meta.checks] == [
        ("implausible", "10亿元", "p0", "Doubtful figure")]
    assert 'data-check="implausible"' in read.body and "Doubtful figure" in read.body
    assert read_story(render_story(localize_source(make_story()), ("zh-Hans",))).meta.date_unknown is False


def test_untranslated_english_shows_chinese_marked():
    local = localize_en(make_story("内容。"), lambda text: None)
    text = render_story(local, ("zh-Hans", "en"))
    assert read_story(text).meta.text_status == "untranslated"
    assert 'lang="zh-Hans" data-status="untranslated"' in text
    assert "Not yet translated" in text
    fact = read_story(text).meta.facts[0]
    assert (fact.label, fact.figure, fact.anchor) == ("total investment", "CNY 1 billion", "p0")


def test_template_dates_read_as_pelican_formats_them():
    from pelican.utils import SafeDatetime
    for when in (SafeDatetime(2026, 1, 5), SafeDatetime(1999, 12, 31, 23, 59), SafeDatetime(2087, 5, 1)):
        assert iso_day(when) == when.strftime("%Y-%m-%d")
        assert iso_month(when) == when.strftime("%Y-%m")


def untitled(kind: str, text: str, lang: str = "zh-Hans", english: str = ""):
    from park_digest.languages.variants import LocalizedStory, Text
    from park_digest.stories.compose import display_title
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
