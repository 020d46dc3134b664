"""Reading a story as a reader does: switching language, following a figure to its sentence,
the keyboard alone, print, JavaScript off, the page's weight, bilingual mode and search."""
import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from browser_fixtures import ARTIFACTS, LANG_PREFIXES, ROOT, is_foreign, run_axe, screenshot

LANGS = list(LANG_PREFIXES)
WEIGHT_LIMIT = 100_000  # bytes transferred for a story page and all it loads, search index aside
UI = yaml.safe_load((ROOT / "theme" / "ui.yml").read_text(encoding="utf-8"))  # the words the theme shows
# Every control a keyboard user should reach, kept on the window to find each focused one in it.
CONTROLS_JS = """() => (window.__controls = [...document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')).length"""


def story_path(reader_pages, lang):
    return reader_pages.path("story", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_language_switcher_lands_on_the_same_story(open_page, reader_pages, lang):
    page = open_page(story_path(reader_pages, lang)).page
    switcher = page.locator("nav.langs a[hreflang]")
    targets = switcher.evaluate_all("links => links.map(a => a.getAttribute('hreflang'))")
    assert sorted(targets) == sorted(set(LANGS) - {lang})
    for other in targets:
        page.locator(f'nav.langs a[hreflang="{other}"]').click()
        page.wait_for_load_state()
        assert page.url.endswith(story_path(reader_pages, other)), (lang, other, page.url)
        assert page.evaluate("document.documentElement.lang") == other
        assert page.locator("nav.langs [aria-current=page]").get_attribute("lang") == other
        page.go_back()
        page.wait_for_load_state()


@pytest.mark.parametrize("lang", LANGS)
def test_fact_figure_scrolls_to_and_highlights_its_sentence(open_page, reader_pages, lang):
    page = open_page(story_path(reader_pages, lang), width="390").page
    links = page.locator(".facts a[href^='#']")
    assert links.count() > 0, "the chosen story has a fact box"
    link = links.last  # the last figure's sentence is furthest down the page
    figure = link.inner_text()
    target_id = link.get_attribute("href")[1:]
    link.click()
    page.wait_for_function("id => location.hash === '#' + id", arg=target_id)
    state = page.evaluate("""id => {
        const el = document.getElementById(id);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        const bg = e => getComputedStyle(e).backgroundColor;
        return {target: el.matches(':target'), top: r.top, bottom: r.bottom, height: innerHeight,
                text: el.textContent, bg: bg(el), page: bg(document.body), inBody: !!el.closest('.body')};
    }""", target_id)
    assert state is not None, f"the figure {figure} links to #{target_id}, which is not on the page"
    assert state["target"] and state["inBody"], state
    assert 0 <= state["top"] < state["height"], f"#{target_id} is not scrolled into view: {state}"
    assert state["bg"] not in (state["page"], "rgba(0, 0, 0, 0)"), f"#{target_id} is not highlighted"
    if lang != "en":  # the Chinese sentence holds the figure's digits as printed
        digits = re.search(r"\d+(?:\.\d+)?", figure)
        assert digits is None or digits.group() in state["text"], (figure, state["text"])
    screenshot(page, f"fact-target-{lang}-390", full_page=False)


def test_skip_link_focus_and_keyboard_reach(open_page, reader_pages):
    page = open_page(story_path(reader_pages, "zh-Hans"), width="390").page
    page.keyboard.press("Tab")
    skip = page.evaluate("""() => { const a = document.activeElement, r = a.getBoundingClientRect();
        return {href: a.getAttribute('href'), left: r.left, top: r.top, w: r.width, h: r.height}; }""")
    assert skip["href"] == "#main" and skip["left"] >= 0 and skip["top"] >= 0 and skip["w"] > 0, skip
    screenshot(page, "skip-link-focused-zh-Hans-390", full_page=False)
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"

    # Tab through every control once from the top: each is reached and shows a focus ring.
    page.goto(page.url.split("#")[0])
    controls = page.evaluate(CONTROLS_JS)
    reached, unringed = set(), []
    for _ in range(controls):
        page.keyboard.press("Tab")
        index, ring, html = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
            const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
            return [window.__controls.indexOf(e), ring, e.outerHTML.slice(0, 80)]; }""")
        reached.add(index)
        if not ring:
            unringed.append(html)
    assert reached == set(range(controls)), f"Tab missed controls {set(range(controls)) - reached}"
    assert unringed == [], f"no visible focus indicator on {unringed[:3]}"


def test_print_stylesheet(open_page, reader_pages):
    page = open_page(story_path(reader_pages, "zh-Hans"), media="print").page
    hidden = page.evaluate("""() => ['.skip', '.site-header nav', 'nav.langs']
        .map(s => document.querySelector(s)).filter(Boolean)
        .filter(e => getComputedStyle(e).display !== 'none').map(e => e.outerHTML.slice(0, 60))""")
    assert hidden == [], f"shown in print: {hidden}"
    colours = page.evaluate("""() => ({bg: getComputedStyle(document.body).backgroundColor,
        fg: getComputedStyle(document.body).color,
        facts: getComputedStyle(document.querySelector('.facts')).display,
        body: document.querySelector('.body').innerText.length})""")
    assert colours["bg"] == "rgb(255, 255, 255)" and colours["fg"] == "rgb(0, 0, 0)", colours
    assert colours["facts"] != "none" and colours["body"] > 200, colours
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "story-zh-Hans-print.pdf"), format="A4")


@pytest.mark.parametrize("lang", LANGS)
def test_story_reads_fully_without_javascript(open_page, reader_pages, built_site, lang):
    path = story_path(reader_pages, lang)
    page = open_page(path, javascript=False).page
    shown = page.locator("main").inner_text()
    soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
    paragraphs = [p.get_text(" ", strip=True) for p in soup.select(".body p:not(.src), .body h2")]
    assert paragraphs and soup.h1
    assert soup.h1.get_text(strip=True) in shown
    squeeze = lambda text: re.sub(r"\s+", "", text)  # noqa: E731 - inner_text may rewrap
    missing = [p[:40] for p in paragraphs if squeeze(p) not in squeeze(shown)]
    assert missing == [], f"hidden without JavaScript: {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_story_page_is_light_and_local(open_page, reader_pages, lang):
    opened = open_page(story_path(reader_pages, lang))
    opened.page.wait_for_load_state("networkidle")
    assert opened.foreign == [], f"asked another host: {opened.foreign}"
    assert not any(is_foreign(r.url) for r in opened.requests)
    weights = {}
    for request in opened.requests:
        if "/pagefind/" in request.url:
            continue  # the search index loads on demand and is measured apart
        sizes = request.sizes()
        weights[request.url.split("/", 3)[-1]] = sizes["responseBodySize"] + sizes["responseHeadersSize"]
    total = sum(weights.values())
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"weight-story-{lang}.json").write_text(
        json.dumps({"total": total, "requests": weights}, indent=1), encoding="utf-8")
    assert total < WEIGHT_LIMIT, f"{total} bytes: {weights}"


# Chinese paragraphs a reader can see in the story body, and where the first pair sits.
BILINGUAL_JS = """() => {
  const visible = sel => [...document.querySelectorAll(sel)].filter(e => e.checkVisibility());
  const pair = [...document.querySelectorAll('.body .para, .body .pair')].find(
      p => p.querySelector('.src') && p.querySelector('.src').checkVisibility());
  const box = e => { const r = e.getBoundingClientRect(); return {top: r.top, left: r.left, right: r.right, bottom: r.bottom}; };
  const own = pair && pair.firstElementChild;
  return {hans: visible('.story .src[lang="zh-Hans"]').length, hant: visible('.story .src[lang="zh-Hant"]').length,
          en: visible('.story .src[lang="en"]').length, title: visible('.title-src').map(e => e.lang),
          headings: visible('.body .pair h2 + .src').length,
          own: own && box(own), src: pair && box(pair.querySelector('.src'))};
}"""


def _check_layout(state: dict, width: str) -> None:
    own, src = state["own"], state["src"]
    assert own and src, state
    if width == "1280":  # side by side: the other language level with the page's own, in the next column
        assert abs(own["top"] - src["top"]) < 2 and src["left"] >= own["right"], state
    else:  # stacked: the other language right under the page's own
        assert src["top"] >= own["bottom"] - 1, state


@pytest.mark.parametrize("width", ["390", "1280"])
def test_bilingual_mode_on_an_english_page_pairs_title_headings_and_paragraphs(open_page, reader_pages, width):
    words = UI["en"]
    page = open_page(reader_pages.path("bilingual", "en"), width=width).page
    before = page.evaluate(BILINGUAL_JS)
    assert before["hans"] == before["hant"] == 0 and before["title"] == [], before
    page.get_by_role("link", name=words["bilingual_on"]).click()
    during = page.evaluate(BILINGUAL_JS)
    assert during["hans"] > 0 and during["hant"] == 0, f"no Simplified Chinese appears: {during}"
    assert during["title"] == ["zh-Hans"], during
    _check_layout(during, width)
    fit = page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert fit, f"bilingual mode overflows at {width}px"
    screenshot(page, f"bilingual-en-{width}", full_page=False)
    page.get_by_role("link", name=words["bilingual_off"]).click()
    after = page.evaluate(BILINGUAL_JS)
    assert after["hans"] == after["hant"] == 0, "bilingual mode does not switch off"


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_bilingual_mode_on_a_chinese_page_shows_the_english_beside_it(open_page, reader_pages, lang):
    page = open_page(reader_pages.path("bilingual", lang)).page
    assert page.evaluate(BILINGUAL_JS)["en"] == 0
    page.get_by_role("link", name=UI[lang]["bilingual_on"]).click()
    during = page.evaluate(BILINGUAL_JS)
    assert during["en"] > 0 and during["title"] == ["en"], during
    assert during["hans"] == during["hant"] == 0  # a Chinese page pairs with the English only
    _check_layout(during, "1280")
    screenshot(page, f"bilingual-{lang}-1280", full_page=False)
    page.get_by_role("link", name=UI[lang]["bilingual_off"]).click()
    assert page.evaluate(BILINGUAL_JS)["en"] == 0


def test_bilingual_reading_is_remembered_and_keeps_the_readers_script(open_page, reader_pages, built_site, site_url):
    """A Traditional reader turns it on and goes to the English page: the Chinese beside the
    English is Traditional; on to another story, still on; switched off there, off everywhere."""
    first = reader_pages.path("bilingual", "en")
    second = next(f"en/stories/{p.name}" for p in sorted((built_site / "en" / "stories").glob("*.html"))
                  if f"en/stories/{p.name}" != first and 'href="#bilingual"' in p.read_text(encoding="utf-8"))
    page = open_page(reader_pages.path("bilingual", "zh-Hant")).page
    page.get_by_role("link", name=UI["zh-Hant"]["bilingual_on"]).click()
    page.locator('nav.langs a[hreflang="en"]').click()
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith(first)
    state = page.evaluate(BILINGUAL_JS)
    assert state["hant"] > 0 and state["hans"] == 0 and state["title"] == ["zh-Hant"], state
    page.goto(f"{site_url}{second}")
    state = page.evaluate(BILINGUAL_JS)
    assert state["hant"] > 0 and state["hans"] == 0, f"not remembered on the next story: {state}"
    page.get_by_role("link", name=UI["en"]["bilingual_off"]).click()
    page.goto(f"{site_url}{first}")
    state = page.evaluate(BILINGUAL_JS)
    assert state["hant"] == state["hans"] == 0, f"switched off, but on again: {state}"


@pytest.mark.parametrize("lang, link, shown", [("zh-Hant", "bilingual_on", "en"), ("en", "bilingual_on_hant", "hant")])
def test_bilingual_mode_without_javascript(open_page, reader_pages, lang, link, shown):
    page = open_page(reader_pages.path("bilingual", lang), javascript=False).page
    page.get_by_role("link", name=UI[lang][link]).click()
    state = page.evaluate(BILINGUAL_JS)
    assert state[shown] > 0, state
    page.get_by_role("link", name=UI[lang]["bilingual_off"]).click()
    assert page.evaluate(BILINGUAL_JS)[shown] == 0


def park_names(built_site, reader_pages) -> dict[str, str]:
    """The chosen story's park as each language's page writes it."""
    names = {}
    for lang in LANGS:
        story = BeautifulSoup((built_site / reader_pages.path("story", lang)).read_text(encoding="utf-8"), "html.parser")
        names[lang] = story.select_one('article header a[href*="parks/"]').get_text(strip=True)
    return names


RESULT_TAGS_JS = """() => [...document.querySelectorAll('.pagefind-ui__result')].map(r => Object.fromEntries(
    [...r.querySelectorAll('[data-pagefind-ui-meta]')].map(t => [t.dataset.pagefindUiMeta, t.textContent.split(': ').slice(1).join(': ').trim()])))"""


RESULTS_JS = """() => [...document.querySelectorAll('.pagefind-ui__result')].map(r => [
    r.querySelector('.pagefind-ui__result-link').getAttribute('href'), r.querySelector('.pagefind-ui__result-link').textContent.trim(),
    r.querySelector('.pagefind-ui__result-excerpt').textContent])"""


def assert_results_as_their_pages_write_them(page, built_site):
    """Each result's address, title and excerpt: its zh-Hant page's, the excerpt's words
    character for character."""
    page.wait_for_function("() => document.querySelector('.pagefind-ui__result-excerpt') && "
                           "[...document.querySelectorAll('.pagefind-ui__result-excerpt')].every(e => !/^[.\\s]*$/.test(e.textContent))")
    results = page.evaluate(RESULTS_JS)
    for href, title, excerpt in results:
        text = BeautifulSoup((built_site / href.lstrip("/")).read_text(encoding="utf-8"), "html.parser").get_text()
        runs = re.findall(r"[\u3400-\u9fff「」]{2,}", excerpt)
        assert href.startswith("/zh-hant/") and title in text and runs, (href, title, excerpt)
        assert all(run in text for run in runs), (href, [run for run in runs if run not in text])
    return results


# A word nearly every story has, so that a search lists several parks' stories.
BROAD_QUERY = {"zh-Hans": "高新区", "zh-Hant": "高新區", "en": "zone"}


def stated_count(page) -> int:
    """The number of results Pagefind's message states ("找到 12 个…", "12 results for …")."""
    return int(re.search(r"\d+", page.locator(".pagefind-ui__message").inner_text()).group())


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_across_scripts_shows_park_and_date_and_filters_by_park(open_page, reader_pages, built_site, lang):
    """A Simplified page searched in Traditional script finds its stories, and the reverse; each
    result carries park, date and kind, and the park filter keeps only that park's stories."""
    path = reader_pages.path("search", lang)
    if path is None:
        pytest.skip("search page not built yet")
    names = park_names(built_site, reader_pages)
    assert names["zh-Hans"] != names["zh-Hant"], "the chosen park is written alike in both scripts"
    query = {"zh-Hans": names["zh-Hant"], "zh-Hant": names["zh-Hans"], "en": names["zh-Hans"]}[lang]
    page = open_page(path, width="390").page
    box = page.locator("input[type=search], input[type=text]").first
    box.fill(query)
    if lang == "en":  # a Chinese query on the English page: the Chinese pages' search is offered
        offer = page.locator(".search-elsewhere a:visible").first
        offer.wait_for(state="visible", timeout=10_000)
        assert "q=" in offer.get_attribute("href")
        box.fill(names["en"])
    result = page.locator("main a[href*='stories/']").first
    result.wait_for(state="visible", timeout=10_000)
    screenshot(page, f"search-results-{lang}-390", full_page=False)
    words = UI[lang]
    tags = page.evaluate(RESULT_TAGS_JS)
    stories = [t for t in tags if t.get(words["kind"])]  # parks and About pages carry no kind
    assert stories and all(t.get(words["park"]) for t in stories), tags
    assert any(re.match(r"\d{4}", t.get(words["date"], "")) for t in stories), tags
    wanted = names[lang]
    assert any(t.get(words["park"]) == wanted for t in stories), (wanted, tags)
    if lang == "zh-Hant":  # from the zh-Hans index, each result as its zh-Hant page writes it
        assert_results_as_their_pages_write_them(page, built_site)
        box.fill("製造")  # 制造 in zh-Hans, whose 制 the character table leaves alone (制度)
        page.wait_for_function("() => (document.querySelector('.pagefind-ui__message')?.textContent || '').includes('製造')")
        assert_results_as_their_pages_write_them(page, built_site)
    # Filter by park (a Pagefind filter): a query many parks answer, then this park ticked; every
    # result is then this park's, and the count Pagefind states is the number of results it
    # lists once "load more" has nothing left to load.
    box.fill(BROAD_QUERY[lang])
    # The message names the query once its results are in (the previous query's had a count too).
    page.wait_for_function("q => /\\d/.test(document.querySelector('.pagefind-ui__message')?.textContent || '') && "
                           "document.querySelector('.pagefind-ui__message').textContent.includes(q)", arg=BROAD_QUERY[lang])
    before = stated_count(page)
    page.locator(".pagefind-ui__filter-name", has_text=words["park"]).first.click()
    label = page.locator(".pagefind-ui__filter-label", has_text=wanted).first
    label.wait_for(state="visible")
    label.click()
    page.wait_for_function("n => { const m = document.querySelector('.pagefind-ui__message'); "
                           "return m && /\\d/.test(m.textContent) && Number(m.textContent.match(/\\d+/)[0]) !== n; }", arg=before)
    for _ in range(50):  # "load more" until every result the message counts is listed, or none is left
        listed = page.locator(".pagefind-ui__result").count()
        if listed >= stated_count(page) or not page.locator(".pagefind-ui__button").count():
            break
        page.locator(".pagefind-ui__button").first.click()
        page.wait_for_function("n => document.querySelectorAll('.pagefind-ui__result').length > n", arg=listed)
    page.wait_for_function("[...document.querySelectorAll('.pagefind-ui__result')].every(r => r.querySelector('[data-pagefind-ui-meta]'))")
    filtered = page.evaluate(RESULT_TAGS_JS)
    screenshot(page, f"search-filtered-{lang}-390", full_page=False)
    assert filtered and all(t.get(words["park"]) == wanted for t in filtered), (wanted, filtered)
    assert stated_count(page) == len(filtered) < before, (stated_count(page), len(filtered), before)
    # Results, tags and the open filter panel, as a reader sees them: no serious violation.
    assert run_axe(page) == [], lang
    if lang == "zh-Hant":  # Pagefind's own words (results, park names and the query as typed aside)
        from park_digest.parse.read import converter
        # What a reader sees: the shared Chinese index's Simplified filters are in the page, hidden.
        shown = page.evaluate("""() => { const skip = '.pagefind-ui__results, .pagefind-ui__filter-label, .pagefind-ui__message';
            const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT); let text = '';
            for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                if (!n.parentElement.closest(skip) && n.parentElement.checkVisibility()) text += n.data; }
            return text; }""")
        assert words["park"] in shown and words["kind"] in shown  # the Traditional filters
        simplified = [c for c in set(shown) if converter("s2t").convert(c) != c]
        assert simplified == [], f"Simplified characters on the zh-Hant search page: {simplified}"


# Words many stories share, so that some excerpts start mid-sentence right after a comma.
EXCERPT_QUERIES = {"zh-Hans": ("项目", "产业", "企业"), "zh-Hant": ("項目", "產業", "企業")}
EXCERPTS_JS = "() => [...document.querySelectorAll('.pagefind-ui__result-excerpt')].map(e => e.innerHTML)"


@pytest.mark.parametrize("lang", list(EXCERPT_QUERIES))
def test_search_excerpts_never_open_on_stray_punctuation(open_page, reader_pages, lang):
    """Pagefind cuts an excerpt around the words found, often just after a comma; the excerpt
    shown starts at a word ("为打造…", not "，为打造…") and keeps its highlights."""
    path = reader_pages.path("search", lang)
    if path is None:
        pytest.skip("search page not built yet")
    page = open_page(path, width="1280").page
    box = page.locator("input[type=search], input[type=text]").first
    excerpts = []
    for query in EXCERPT_QUERIES[lang]:
        box.fill(query)
        page.wait_for_function("q => (document.querySelector('.pagefind-ui__message')?.textContent || '').includes(q) && "
                               "document.querySelector('.pagefind-ui__result-excerpt')", arg=query)
        # Results load one by one, each an excerpt of dots until it has come
        page.wait_for_function("() => [...document.querySelectorAll('.pagefind-ui__result-excerpt')]"
                               ".every(e => !/^[.\\s]*$/.test(e.textContent))")
        shown = page.evaluate(EXCERPTS_JS)
        assert any(f"<mark>{query}</mark>" in e for e in shown), shown
        excerpts += shown
    opening = [e for e in excerpts if re.match(r"(?:\s|&nbsp;)*[，。、；：！？）」』”’…,.;:!?)]", e)]
    assert len(excerpts) >= 10 and not opening, opening
