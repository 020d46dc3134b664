"""Figures as a reader sees them (issue 22), in Chromium at 390 px and 1280 px: a park page's
key indicators and charts, the compare page, a story's fact box. Nothing sticks out sideways, no
word or number in a figure table breaks across lines, sorting by value keeps units apart, axe
finds nothing serious; screenshots in artifacts/screenshots/."""
import pytest

from browser_fixtures import LANG_PREFIXES, SCREENSHOTS, VIEWPORTS, run_axe, screenshot
from test_browser_pages import OVERFLOW_JS

# Latin words and numbers (with their separators, units and hedges: 1,234.5, 39.5%, 102亿元) in
# the figure tables whose text is laid out on more than one line: a word broken mid-way.
BROKEN_WORDS_JS = r"""() => {
  const out = [];
  const cells = document.querySelectorAll('table.keyind :is(th, td), table.figures :is(th, td), table.compare :is(th, td), aside.facts dd');
  for (const cell of cells) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[A-Za-z0-9$][\w$.,%'’]*(?:[\u4e00-\u9fff]{0,2}元)?/g)) {
        if (m[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
  }
  return out.slice(0, 10);
}"""


def key_park(built_site) -> str:
    """The park page with the most key-indicator rows and at least one chart."""
    pages = sorted((built_site / "en" / "parks").glob("*.html"))
    best = max(pages, key=lambda p: (p.read_text(encoding="utf-8").count("series-chart"),
                                     p.read_text(encoding="utf-8").count("<th scope=\"row\">")))
    assert "series-chart" in best.read_text(encoding="utf-8"), "no park page has a chart"
    return "parks/" + best.name


@pytest.mark.parametrize("width", list(VIEWPORTS))
@pytest.mark.parametrize("lang", list(LANG_PREFIXES))
@pytest.mark.parametrize("name", ["park", "compare"])
def test_figure_pages_fit_and_break_no_word(open_page, built_site, name, lang, width):
    path = LANG_PREFIXES[lang] + (key_park(built_site) if name == "park" else "parks/compare.html")
    page = open_page(path, width=width).page
    screenshot(page, f"figures-{name}-{lang}-{width}")
    fit = page.evaluate(OVERFLOW_JS)
    assert fit["page"] <= fit["width"] and not fit["out"], f"{path} at {width}px overflows: {fit}"
    assert page.evaluate(BROKEN_WORDS_JS) == [], f"{path} at {width}px breaks words"
    if name == "park":
        assert page.locator(".key-indicators table.keyind tbody tr").count() > 0
        chart = page.locator("figure.chart").first
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=str(SCREENSHOTS / f"figures-chart-{lang}-{width}.png"))
    assert run_axe(page, rules=None if width == "390" else ["color-contrast", "target-size"]) == [], path


@pytest.mark.parametrize("width", list(VIEWPORTS))
@pytest.mark.parametrize("lang", list(LANG_PREFIXES))
def test_a_story_s_fact_box_shows_periods_and_changes(open_page, built_site, lang, width):
    stories = sorted((built_site / LANG_PREFIXES[lang] / "stories").glob("*.html"))
    story = max(stories, key=lambda p: (p.read_text(encoding="utf-8").count('class="beside"'), p.name))
    page = open_page(f"{LANG_PREFIXES[lang]}stories/{story.name}", width=width).page
    box = page.locator("aside.facts")
    assert box.locator(".beside").count() >= 1 and box.locator(".period").count() >= 1
    assert page.evaluate(BROKEN_WORDS_JS) == [], f"{story.name} at {width}px breaks words in its box"
    screenshot(page, f"figures-story-{lang}-{width}", full_page=False)
    box.screenshot(path=str(SCREENSHOTS / f"figures-box-{lang}-{width}.png"))


def test_sorting_by_value_keeps_units_apart(open_page, built_site):
    page = open_page("en/" + key_park(built_site), width="1280").page
    table = page.locator("table.figures").filter(has=page.locator('tr[data-group="count"]')).filter(
        has=page.locator('tr[data-group="CNY"]')).first
    if table.count() == 0:
        pytest.skip("no story of this park gives both money and counts")
    table.locator("th button", has_text="Figure").click()
    groups = table.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.group)")
    # After sorting, each unit's rows sit together: yuan are never ranked against counts.
    runs = [g for i, g in enumerate(groups) if i == 0 or g != groups[i - 1]]
    assert len(runs) == len(set(groups)), groups
