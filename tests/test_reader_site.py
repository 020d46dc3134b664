"""The reader's site of issue 23, built for real from pages written for this test: every story
says where it was published (the publication, page, date and link an editor or a masthead
gives, else an honest 'not stated'), never the seed's file name, which stays in the markup for
editors; inferred dates are marked wherever a date is shown; the home page has a lead story,
labels to scan and park links; teasers end at a sentence or clause; the 404 page links from the
site's root."""
from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from conftest import ROOT
from site_checks import build_pages_site, soup, story_page

MASTHEAD = """科技时报 2025年9月16日 第3版

## 西安高新区前8个月营业收入增长12%

本报讯 今年1—8月，西安高新区实现营业收入1.2万亿元，同比增长12%。其中，规上工业增加值增长9.5%。

该区新增高新技术企业320家，累计达到1.2万家。
"""

PLAIN = """## 德州经开区新建标准厂房20万平方米

德州经开区今年新建标准厂房20万平方米，已有15家企业签约入驻，带动就业约3000人。
"""


# A printed page with no masthead: a section label, two stories under 本报讯 datelines, a
# sentence broken at the column's end, the page editor's credit at the foot.
PRINTED = """要闻

南宁高新区一季度新增市场主体1200户

本报讯（记者 黄立新 通讯员 韦晓）今年一季度，南宁高新区新增各类市场主体1200户，同比增长15%，其中科技型
企业占比超过四成。

该区有关负责人表示，下一步将继续压缩企业开办时间。

柳州高新区智能制造项目集中开工

本报讯 柳州高新区日前举行智能制造项目集中开工仪式，8个项目总投资46亿元，涵盖汽车零部件、工业机器人等领域。

责任编辑：蒙晓燕
"""

# A web page: breadcrumb, a time and view count, a share bar and a related-story list.
WEB = """首页 > 新闻中心 > 园区动态

钦州港经开区新开两条外贸航线

2025-04-02 10:15  浏览次数：318

4月1日，钦州港经开区新开通两条外贸集装箱航线，分别通往越南海防和泰国林查班，每周各一班。

今年以来，该区港口集装箱吞吐量同比增长8.6%。

分享到：微信 微博 QQ空间

相关新闻
钦州港一季度吞吐量创新高
北部湾港新增冷链航线
"""


# Dated only by inference: the latest period the text reports (2025, the year of its quarters).
INFERRED = """## 成都高新区前三季度地区生产总值增长7%

2025年前三季度，成都高新区实现地区生产总值2100亿元，同比增长7%，规上工业增加值增长9.1%。
"""

# Known only to the year (its sidecar says 2024).
YEAR = """## 贵阳高新区年度创新成果发布

贵阳高新区发布年度创新成果，新增发明专利授权860件，技术合同成交额45亿元。
"""


# Dated by day and month; the year is inferred from the text.
DAY_MONTH = """## 合肥高新区签约12个人工智能项目

本报讯 8月16日，合肥高新区与12家人工智能企业签约，项目总投资86亿元。2025年1—7月，该区已引进人工智能项目35个。
"""

# A first sentence longer than a teaser, with no clause mark where a teaser would end.
LONG = """## 青岛高新区集中签约42个项目

青岛高新区日前举行的2025年度新一代信息技术与智能制造产业融合发展对接会暨重点项目集中签约仪式上共有来自北京上海深圳杭州苏州南京等地的42家企业与园区签订合作协议涉及集成电路工业软件人工智能和智能装备等多个领域总投资超过180亿元预计带动新增就业岗位约6000个。该区负责人表示将继续优化营商环境。
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    briefs = (ROOT / "tests" / "data" / "pages" / "briefs_page.txt").read_text(encoding="utf-8")
    return build_pages_site(tmp_path_factory.mktemp("reader"), {
        "masthead.txt": MASTHEAD, "plain.txt": PLAIN, "briefs.txt": briefs, "printed.txt": PRINTED, "web.txt": WEB,
        "inferred.txt": INFERRED, "year.txt": YEAR, "daymonth.txt": DAY_MONTH, "long.txt": LONG, "year.yml": "date: 2024\n",
        "briefs.yml": "source:\n  publication: 四川科技报\n  page: A2\n"
                      "  url: https://epaper.example.com/2025-11/a2.html\nstories:\n  1: {date: 2025-11}\n"})


story = story_page


def source_line(doc) -> str:
    return re.sub(r"\s+", " ", doc.select_one(".source-line").get_text()).strip()


def test_the_source_line_names_the_publication_page_date_and_link(site):
    masthead = story(site, "西安高新区")
    assert source_line(masthead) == "来源：科技时报 · 第3版 · 2025-09-16"
    briefs = story(site, "绵阳高新区")
    assert source_line(briefs) == "来源：四川科技报 · 第A2版 · 2025-11 · 原文链接"  # its own date, to the month
    assert briefs.select_one(".source-line a")["href"] == "https://epaper.example.com/2025-11/a2.html"
    assert source_line(story(site, "西安高新區", "zh-hant")) == "來源：科技時報 · 第3版 · 2025-09-16"
    english = [source_line(soup(p)) for p in sorted((site / "en" / "stories").glob("*.html"))]
    assert "Source: 科技时报 · page 3 · 2025-09-16" in english, english


def test_no_source_line_names_a_file_and_the_markup_keeps_it_for_editors(site):
    for page in site.rglob("stories/*.html"):
        doc = soup(page)
        line = doc.select_one(".source-line")
        assert not re.search(r"\.txt|\.yml|行|lines", line.get_text()), (page, line.get_text())
        assert line["data-seed"] in ("masthead.txt", "briefs.txt", "plain.txt", "printed.txt", "web.txt", "inferred.txt", "year.txt", "daymonth.txt", "long.txt") and re.fullmatch(r"\d+-\d+", line["data-lines"])


def test_a_story_without_provenance_says_so_honestly(site):
    assert source_line(story(site, "德州经开区")) == "来源：出处未注明 · 日期未注明"
    assert source_line(story(site, "德州經開區", "zh-hant")) == "來源：出處未註明 · 日期未註明"
    english = [source_line(soup(p)) for p in sorted((site / "en" / "stories").glob("*.html"))]
    assert "Source: publication not stated · date not stated" in english, english


def test_a_printed_page_says_newspaper_page_and_a_web_page_never_does(site):
    """The parser tells a printed page (本报讯 datelines, several stories, no web furniture) from a
    web page (breadcrumb, share bar, related list); the reader's line says which, in each
    language, with the date as stated or 'date not stated'."""
    for title in ("南宁高新区", "柳州高新区"):
        assert source_line(story(site, title)) == "来源：报纸版面 · 日期未注明"
    assert source_line(story(site, "柳州高新區", "zh-hant")) == "來源：報紙版面 · 日期未註明"
    assert source_line(story(site, "钦州港经开区")) == "来源：网页 · 2025-04-02"
    assert source_line(story(site, "欽州港經開區", "zh-hant")) == "來源：網頁 · 2025-04-02"
    english = [source_line(soup(p)) for p in sorted((site / "en" / "stories").glob("*.html"))]
    assert english.count("Source: newspaper page · date not stated") == 2, english
    assert "Source: web page · 2025-04-02" in english, english
    assert not any("newspaper" in line for line in english if "2025-04-02" in line)


def test_teasers_are_cut_at_a_sentence_then_a_clause_then_between_words():
    from park_digest.stories.cut import cut_text, english_sentences
    text = ("Yiyue Robotics Co., Ltd. opened a plant in the zone. It employs 300 people, "
            "most of them engineers, and plans to double output by 2027.")
    sentences = english_sentences(text)
    assert sentences[0] == "Yiyue Robotics Co., Ltd. opened a plant in the zone."
    assert cut_text(text, 80, "en", sentences) == sentences[0]
    assert cut_text(text, 100, "en", [text]) == ("Yiyue Robotics Co., Ltd. opened a plant in the zone. "
                                                    "It employs 300 people, most of them engineers…")
    words = "approval rates climbing steadily across the whole zone"
    assert cut_text(words, 30, "en", [words]) == "approval rates climbing…"  # never "approval r…"
    zh = "该区今年新建标准厂房20万平方米，已有15家企业签约入驻，带动就业约3000人"
    assert cut_text(zh, 30, "zh-Hans", [zh]) == "该区今年新建标准厂房20万平方米，已有15家企业签约入驻…"


def feed_summaries(site, lang: str = "") -> dict[str, str]:
    """Each entry's title and summary in a language's Atom feed."""
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(site / lang / "feeds" / "all.atom.xml").getroot()
    return {entry.findtext(f"{atom}title"): entry.findtext(f"{atom}summary") for entry in feed.iter(f"{atom}entry")}


def listed_dates(site, title: str, lang: str = "") -> dict[str, str]:
    """The date each page that lists the story shows beside it (home, archives, park pages'
    story lists and figures by story), as text."""
    shown = {}
    for listing in [site / lang / "index.html", site / lang / "archives.html", *(site / lang / "parks").glob("*.html")]:
        for link in soup(listing).find_all("a", string=title):
            holder = link.find_parent("li") or link.find_parent("h3")
            shown[f"{listing.name}:{holder.name}"] = re.sub(r"\s+", "", holder.get_text())
    return shown


@pytest.mark.parametrize("lang,mark", [("", "（推断）"), ("zh-hant", "（推斷）"), ("en", " (inferred)")])
def test_inferred_dates_are_marked_on_every_page_that_shows_them(site, lang, mark):
    inferred = [p for p in (site / lang / "stories").glob("*.html") if soup(p).select_one("article .byline .date-inferred")]
    assert inferred, "the site has a story dated by inference"
    for page in inferred:
        title = soup(page).select_one("h1").get_text()
        shown = listed_dates(site, title, lang)
        # home, archives, the park's story list and its figures by story
        assert {"index.html:li", "archives.html:li"} <= set(shown) and any(":h3" in k for k in shown), shown
        date = soup(page).select_one("article .byline time").get_text()
        assert all(f"{date}{mark}".replace(" ", "") in text for text in shown.values()), shown
        assert feed_summaries(site, lang)[title].startswith(f"{date}{mark} · ")
        # The source line shows the byline's date and mark; the page's machine-read
        # publication time is only for a date the page states.
        assert source_line(soup(page)).replace(" ", "").endswith(f"·{date}{mark}".replace(" ", "")), source_line(soup(page))
        assert not soup(page).select('meta[property="article:published_time"]')


@pytest.mark.parametrize("lang,expected", [("", "来源：报纸版面 · 2025-08-16（推断）"),
                                           ("zh-hant", "來源：報紙版面 · 2025-08-16（推斷）"),
                                           ("en", "Source: newspaper page · 2025-08-16 (inferred)")])
def test_a_day_and_month_with_an_inferred_year_reads_the_same_on_the_source_line_and_byline(site, lang, expected):
    pages = [soup(p) for p in (site / lang / "stories").glob("*.html") if "2025-08-16" in soup(p).select_one("article .byline").get_text()]
    assert len(pages) == 1
    assert source_line(pages[0]) == expected
    assert pages[0].select_one("article .byline .date-inferred")


def test_dates_are_shown_to_their_precision_and_an_unknown_date_is_never_made_up(site):
    """A story known only to the year shows the year, one known to the month the month,
    everywhere its date is shown; an unknown date is said to be unknown, never Pelican's
    placeholder (1970-01-01) or a first day of a month."""
    year, month, unknown = "贵阳高新区年度创新成果发布", "绵阳高新区新签约项目12个", "德州经开区新建标准厂房20万平方米"
    for title, text in ((year, "2024"), (month, "2025-11")):
        shown = listed_dates(site, title)
        assert shown and all(text in v and f"{text}-01" not in v for v in shown.values()), shown
        assert feed_summaries(site)[title].startswith(f"{text} · ")
    shown = listed_dates(site, unknown)
    assert shown and all("日期不详" in v and "1970" not in v for v in shown.values()), shown
    assert feed_summaries(site)[unknown].startswith("日期不详 · ")
    archives = soup(site / "archives.html")
    assert "1970" not in archives.get_text()
    assert [h.get_text() for h in archives.select("section.month h2")][-1] == "日期不详"


def test_home_page_leads_with_a_story_and_its_figures_then_labelled_stories(site):
    home = soup(site / "index.html")
    lead = home.select_one(".lead-story")
    assert lead and lead.select(".mini-facts li"), "the lead story shows its key figures"
    items = home.select("#stories .story-item")
    assert items and all(i.select_one(".label.kind") and i.select_one(".label.date") for i in items)
    for link in home.select(".park-filter a[data-park]"):
        slug = link["data-park"]
        assert (link["href"] == "#latest") if not slug else link["href"].endswith(f"parks/{slug}.html")
    assert (site / "parks" / "xi-an.html").exists() or list((site / "parks").glob("*.html"))


def test_teasers_end_at_a_sentence_or_clause(site):
    for lang in ("", "zh-hant", "en"):
        for lead in soup(site / lang / "index.html").select(".story-item .lead"):
            text = lead.get_text()
            english = lang == "en" and not lead.get("lang")  # an untranslated story's teaser is Chinese
            assert re.search(r"[。！？”」.!?\"]$|[，；：、,;:]?…$", text) and not re.search(r"\w…$", text[-2:] if english else ""), text


@pytest.mark.parametrize("lang,teaser", [
    ("", "青岛高新区日前举行的2025年度新一代信息技术与智能制造产业融合发展对接会暨重点项目集中签约仪式上共有来自北京上海深圳"
         "杭州苏州南京等地的42家企业与园区签订合作协议涉及集成电路工业软件人工智能和智能装备等多个领域总投资超过…"),
    ("zh-hant", "青島高新區日前舉行的2025年度新一代信息技術與智能製造產業融合發展對接會暨重點項目集中簽約儀式上共有來自北京上海深圳"
                "杭州蘇州南京等地的42家企業與園區簽訂合作協議涉及集成電路工業軟件人工智能和智能裝備等多個領域總投資超過…")])
def test_a_sentence_longer_than_a_teaser_is_cut_between_words_the_same_everywhere(site, lang, teaser):
    """No clause mark in reach: the cut falls between words (here before a number), never
    inside 180亿元, and home, park page, feed and meta description show the same teaser."""
    page = story(site, "青岛高新区集中签约" if not lang else "青島高新區集中簽約", lang)
    title = page.select_one("h1").get_text()
    assert page.select_one('meta[name="description"]')["content"] == teaser
    assert page.select_one('meta[property="og:description"]')["content"] == teaser
    home = [li for li in soup(site / lang / "index.html").select(".story-item") if title in li.get_text()]
    assert home and home[0].select_one(".lead").get_text() == teaser
    assert feed_summaries(site, lang)[title].split(" · ")[-1] == teaser  # after its date


def test_not_found_page_links_from_the_sites_root(site):
    page = soup(site / "404.html")
    assert page.select_one('link[rel=stylesheet]')["href"] == "/theme/css/site.css"
    assert all(a["href"].startswith("/") for a in page.select("main a"))
    assert page.select("main form[role=search]")


@pytest.mark.parametrize("lang,word,other", [("", "推断", "推斷"), ("zh-hant", "推斷", "推断"), ("en", "inferred", "推")])
def test_one_word_for_inferred_on_dates_periods_and_legends(site, lang, word, other):
    """A story's date and a figure's period, when inferred, say so with the same word, and the
    legend under the figure tables explains the * with that word too."""
    folder = site / lang if lang else site
    pages = [p for p in folder.rglob("*.html") if lang or not p.relative_to(site).parts[0] in ("zh-hant", "en")]
    marks, legends, dates = set(), [], set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "推定" not in text and other not in text, page
        doc = soup(page)
        marks |= {m.get_text().strip(" ()") for m in doc.select(".period.inferred .visually-hidden, .inferred .visually-hidden")}
        dates |= {m.get_text() for m in doc.select(".date-inferred")}
        legends += [p.get_text() for p in doc.find_all("p", string=re.compile(r"\*"))]
    assert marks == {word}, marks
    assert dates and all(word in d for d in dates), dates
    assert legends and all(word in legend for legend in legends), legends
