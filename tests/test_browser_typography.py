"""What a reader of issue 23 sees, measured in Chromium: no word or number broken inside a table
cell or a label at phone and desktop width; Chinese set in a CJK font (quotes full width) at
about 18 px and 34-40 characters a line, English at 60-75; the source line names the
publication, never a file; the switcher keeps the #fragment; the home page filters by park in
place; the 404 page at a nested address loads its stylesheet."""
import re

import pytest

from browser_fixtures import screenshot

CJK_FONTS = {"PingFang SC", "PingFang TC", "Hiragino Sans GB", "Microsoft YaHei", "Microsoft JhengHei",
             "Noto Sans CJK SC", "Noto Sans CJK TC", "Source Han Sans SC", "Source Han Sans TC",
             "WenQuanYi Micro Hei"}

# Every Latin word, and every number or date with its points, commas and hyphens, in a table cell
# or a label; those whose characters sit on more than one line were broken inside. (A compound
# such as Hi-Tech may break after its hyphen, as print does.)
BROKEN_JS = """(selector) => {
  const broken = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[A-Za-z]{2,}|\\d[\\d.,%\\-\\/:]*[\\d%]/g)) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""
CELLS = "td, th, .labels, .mini-facts li, .park-filter a, .timeline li, .facts dd, .byline"

# Characters on the first line of each paragraph of the story's body that runs over two lines
# or more (a full line), found by where each character is laid out.
LINE_JS = """() => {
  const counts = [];
  for (const p of document.querySelectorAll('.body p:not(.src)')) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let top = null, count = 0, wrapped = false;
    for (let node = walker.nextNode(); node && !wrapped; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = [...range.getClientRects()].find(r => r.width > 0);
        if (!rect) continue;
        if (top === null) top = rect.top;
        if (rect.top > top + rect.height / 2) { wrapped = true; break; }
        count++;
      }
    }
    if (wrapped) counts.push(count);
    if (counts.length >= 8) break;
  }
  return counts;
}"""


def fonts_of(page, selector: str) -> set[str]:
    """The fonts Chromium actually drew the element's text with."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, selector
    return {font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}


@pytest.mark.parametrize("width", ["390", "1280"])
def test_no_word_or_number_is_broken_in_tables_and_labels(open_page, reader_pages, width):
    for name, lang in (("parks", "en"), ("home", "en"), ("park", "en"), ("parks", "zh-Hans")):
        page = open_page(reader_pages.path(name, lang), width=width).page
        broken = page.evaluate(BROKEN_JS, CELLS)
        if broken:
            screenshot(page, f"broken-{name}-{lang}-{width}")
        assert broken == [], f"{name} ({lang}) at {width}px breaks inside: {broken[:10]}"


def test_chinese_story_is_set_in_a_cjk_font_with_full_width_quotes_and_a_news_measure(open_page, reader_pages):
    page = open_page(reader_pages.path("story", "zh-Hans")).page
    assert fonts_of(page, ".body p") <= CJK_FONTS, fonts_of(page, ".body p")
    assert fonts_of(page, "h1") <= CJK_FONTS
    quote = page.evaluate("""() => { const s = document.createElement('span'); s.id = 'q'; s.textContent = '\u201c\u201d';
        document.querySelector('.body p').append(s); const r = s.getBoundingClientRect();
        return [r.width, parseFloat(getComputedStyle(s).fontSize)]; }""")
    assert fonts_of(page, "#q") <= CJK_FONTS
    assert quote[0] >= 1.8 * quote[1], f"quotes {quote[0]}px wide at {quote[1]}px: not full width"
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.body p')).fontSize)")
    assert 17 <= size <= 19
    counts = page.evaluate(LINE_JS)
    # Latin digits and letters are narrower, so a full line of mixed text holds a few more.
    assert counts and all(33 <= c <= 42 for c in counts), counts
    width = page.evaluate("document.querySelector('.body p').getBoundingClientRect().width")
    assert 34 * size <= width <= 40 * size, (width, size)
    # The source line names the publication or says it is not stated; the seed file stays in the markup.
    line = page.locator(".source-line")
    assert not re.search(r"\.txt|第 ?\d+-\d+ ?行|\d{3}_[0-9a-f]{6}", line.inner_text()), line.inner_text()
    assert line.get_attribute("data-seed")
    # The switcher keeps the fragment.
    page.goto(page.url.split("#")[0] + "#facts-h")
    page.locator(".langs a[hreflang='en']").click()
    page.wait_for_load_state()
    assert page.url.endswith("#facts-h") and "/en/" in page.url


def test_english_story_runs_60_to_75_characters_a_line(open_page, reader_pages):
    page = open_page(reader_pages.path("story", "en")).page
    counts = page.evaluate(LINE_JS)
    assert counts and all(55 <= c <= 80 for c in counts), counts
    assert 60 <= sum(counts) / len(counts) <= 75, counts
    assert not re.search(r"\.txt|lines \d", page.locator(".source-line").inner_text())


def test_home_page_filters_by_park_in_place(open_page, reader_pages):
    page = open_page(reader_pages.path("home", "zh-Hans"), width="390").page
    link = page.locator(".park-filter a[data-park]:not([data-park=''])").first
    park = link.get_attribute("data-park")
    assert link.get_attribute("href").endswith(f"parks/{park}.html")  # without JavaScript: the park page
    link.click()
    shown = page.evaluate("[...document.querySelectorAll('.story-item')].filter(e => !e.hidden).map(e => e.dataset.park)")
    assert shown and set(shown) == {park}
    screenshot(page, "home-filtered-zh-Hans-390", full_page=False)


def test_not_found_page_at_a_nested_address_is_styled_and_offers_search(open_page):
    opened = open_page("no/such/deep/place.html", width="390")
    page = opened.page
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href || '')")
    assert any(s.endswith("/theme/css/site.css") for s in sheets), sheets
    assert page.evaluate("document.styleSheets[0].cssRules.length") > 50
    failed = [r.url for r in opened.requests if r.failure or (r.response() and r.response().status >= 400
                                                               and not r.url.endswith("place.html"))]
    assert failed == [], failed
    page.locator("form[role=search] input").first.fill("x")
    assert page.locator("form[role=search]").first.get_attribute("action").endswith("search.html")
    screenshot(page, "404-nested-390", full_page=False)
