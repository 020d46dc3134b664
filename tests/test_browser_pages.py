"""Every page type a reader meets, in all three languages, on a phone (390 px) and a desktop
(1280 px), in light and dark mode: nothing sticks out sideways, axe-core finds no serious or
critical violation, and screenshots are kept in artifacts/screenshots/."""
import pytest

from browser_fixtures import LANG_PREFIXES, PAGE_NAMES, VIEWPORTS, run_axe, screenshot

VISUAL_RULES = ["color-contrast", "link-in-text-block", "scrollable-region-focusable", "target-size"]

# Elements whose right edge passes the viewport, unless a box of theirs scrolls sideways
# (a wide table may scroll inside its box; the page itself may not).
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const x = getComputedStyle(box).overflowX;
      if ((x === 'auto' || x === 'scroll') && box.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1 && !scrolls(el))
      out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}: ${(el.textContent || '').trim().slice(0, 40)}`);
  }
  return {page: document.documentElement.scrollWidth, width, out: out.slice(0, 8)};
}"""


@pytest.mark.parametrize("width", list(VIEWPORTS))
@pytest.mark.parametrize("lang", list(LANG_PREFIXES))
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_fits_and_passes_axe(open_page, reader_pages, name, lang, width):
    path = reader_pages.path(name, lang)
    if path is None:
        pytest.skip(f"{name} page not built yet")
    opened = open_page(path, width=width)
    page = opened.page
    assert page.evaluate("document.documentElement.lang") == lang
    screenshot(page, f"{name}-{lang}-{width}-light")
    fit = page.evaluate(OVERFLOW_JS)
    assert fit["page"] <= fit["width"] and not fit["out"], f"{path} at {width}px overflows: {fit}"
    # The markup is the same at both widths: every rule runs once, on the phone; what layout
    # changes (contrast over what lies behind, links told apart, scrolling boxes) runs on the
    # desktop too. Dark mode changes only colours: its contrast is checked on the phone.
    assert run_axe(page, rules=None if width == "390" else VISUAL_RULES) == [], f"{path} at {width}px (light)"

    page.emulate_media(color_scheme="dark")
    screenshot(page, f"{name}-{lang}-{width}-dark", full_page=False)
    if width == "390":
        assert run_axe(page, rules=VISUAL_RULES) == [], f"{path} at {width}px (dark)"
    assert opened.foreign == [], f"{path} asked another host"


# What seeds and data may bring one day: an unbroken URL, a long figure, a table of long names,
# and a table of figures too wide for a phone (that one scrolls inside its .table-scroll box).
STRESS_JS = """() => {
  const url = 'https://example.org/' + 'a-very-long-path-segment/'.repeat(12);
  const body = document.querySelector('.body');
  body.insertAdjacentHTML('afterbegin', `<p>${url}</p><p>${'1234567890'.repeat(8)}元</p>`);
  document.querySelector('.facts dd a').textContent = '9'.repeat(40) + '亿元';
  const row = n => '<tr>' + Array.from({length: n}, () => `<td>${url}</td>`).join('') + '</tr>';
  const nums = '<tr>' + Array.from({length: 12}, () => '<td class="num">1,234,567,890</td>').join('') + '</tr>';
  body.insertAdjacentHTML('beforeend', `<table>${row(4)}</table><div class="table-scroll"><table>${nums}</table></div>`);
}"""


def test_long_words_and_wide_tables_stay_inside_a_phone(open_page, reader_pages):
    page = open_page(reader_pages.path("story", "en"), width="390").page
    page.evaluate(STRESS_JS)
    fit = page.evaluate(OVERFLOW_JS)
    screenshot(page, "stress-en-390")
    assert fit["page"] <= fit["width"] and not fit["out"], fit
