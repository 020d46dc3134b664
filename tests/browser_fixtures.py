"""Browser-test fixtures: the built site served on 127.0.0.1 and Debian's Chromium driven by
Playwright, one browser per session. Loaded by conftest.py as a pytest plugin.

Chromium, Java and axe-core come from the system and npm, not from PyPI: where one is missing the
tests that need it skip with the reason locally, and fail under CI (CI=true), where .ci/run
installs them.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from site_server import serve

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# The machine has no internet: without these flags Chromium keeps trying to reach Google.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORTS = {"390": {"width": 390, "height": 844}, "1280": {"width": 1280, "height": 900}}
LANG_PREFIXES = {"zh-Hans": "", "zh-Hant": "zh-hant/", "en": "en/"}
PAGE_NAMES = ("home", "story", "park", "parks", "search")


def require(available: bool, reason: str) -> None:
    """Skip a test whose tool is missing here; in CI a missing tool is a broken setup."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: .ci/run should have installed it)")
    pytest.skip(reason)


def is_foreign(url: str) -> bool:
    return urlsplit(url).hostname not in ("127.0.0.1", None) and not url.startswith(("data:", "blob:"))


@dataclass(frozen=True)
class ReaderPages:
    """Paths (relative to a language's root) of the pages a reader meets, chosen from the build."""
    home: str
    story: str
    park: str
    parks: str
    search: str | None
    bilingual: str | None  # a story whose English page offers the bilingual reading mode

    def path(self, name: str, lang: str) -> str | None:
        relative = getattr(self, name)
        return None if relative is None else LANG_PREFIXES[lang] + relative


def _fact_count(page: Path) -> int:
    return page.read_text(encoding="utf-8").count("<dd>")


def choose_reader_pages(site: Path) -> ReaderPages:
    """The story with the most figures (then the longest) stresses layout the most; its park page
    and the language's search page, when the build has one, complete the set."""
    stories = sorted((site / "stories").glob("*.html"))
    assert stories, f"no story pages in {site}"
    story = max(stories, key=lambda p: (_fact_count(p), p.stat().st_size, p.name))
    soup = BeautifulSoup(story.read_text(encoding="utf-8"), "html.parser")
    park_link = soup.select_one('article a[href*="parks/"]')
    assert park_link, f"{story.name} names no park"
    park = "parks/" + park_link["href"].rsplit("/", 1)[-1]
    search = next((name for name in ("search.html", "search/index.html") if (site / name).exists()), None)
    # Bilingual mode needs English beside Chinese: the chosen story if it has it, else the first that does.
    english = [site / "en" / "stories" / story.name, *sorted((site / "en" / "stories").glob("*.html"))]
    bilingual = next((p for p in english if p.exists() and 'href="#bilingual"' in p.read_text(encoding="utf-8")), None)
    return ReaderPages(home="index.html", story=f"stories/{story.name}", park=park,
                       parks="parks/index.html", search=search,
                       bilingual=None if bilingual is None else f"stories/{bilingual.name}")


@pytest.fixture(scope="session")
def reader_pages(built_site) -> ReaderPages:
    return choose_reader_pages(built_site)


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium")
    require(chromium is not None, "Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # requirements-dev.txt pins it; a stale venv lacks it
        require(False, "playwright is not installed in this venv (make venv)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@dataclass
class OpenedPage:
    page: object  # playwright Page
    requests: list  # every request the page made, in order
    foreign: list  # URLs of requests to any host but 127.0.0.1 (aborted)


@pytest.fixture
def open_page(browser, site_url) -> Iterator[Callable[..., OpenedPage]]:
    """open_page(path, width="1280", scheme="light", javascript=True) → an OpenedPage, loaded.
    Each call gets a fresh context; requests to other hosts are recorded and aborted."""
    contexts = []

    def _open(path: str, width: str = "1280", scheme: str = "light", javascript: bool = True,
              media: str = "screen") -> OpenedPage:
        context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme,
                                      java_script_enabled=javascript, service_workers="block")
        contexts.append(context)
        opened = OpenedPage(page=context.new_page(), requests=[], foreign=[])

        def guard(route):
            if is_foreign(route.request.url):
                opened.foreign.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        context.route("**/*", guard)
        opened.page.on("request", lambda request: opened.requests.append(request))
        opened.page.emulate_media(media=media)
        opened.page.goto(site_url + path, wait_until="load")
        return opened

    yield _open
    for context in contexts:
        context.close()


SCREENSHOT_MAX_HEIGHT = 3000  # px: a person reads the top of a long page; the tests measure all of it


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Keep a picture for a person to look at (artifacts/ is ignored by git)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / (re.sub(r"[^\w.-]+", "_", name) + ".png")
    if full_page:
        height = min(page.evaluate("document.documentElement.scrollHeight"), SCREENSHOT_MAX_HEIGHT)
        clip = {"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height}
        page.screenshot(path=str(target), full_page=True, clip=clip)
    else:
        page.screenshot(path=str(target))
    return target


def run_axe(page, rules: list[str] | None = None) -> list[dict]:
    """Inject the pinned axe-core and return its serious and critical violations."""
    require(AXE_JS.exists(), "axe-core is not installed (npm ci)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]
