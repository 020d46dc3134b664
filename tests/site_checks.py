"""Checks shared by the site tests: a link checker over a built output directory, a small site
built from pages a test writes, and a story page found by its headline."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

from bs4 import BeautifulSoup

# Fragments that name a mode (CSS :target) rather than an element that must exist elsewhere.
MODE_FRAGMENTS = {"bilingual"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def broken_links(site: Path) -> tuple[int, list[str]]:
    """(links checked, broken ones): every relative href/src of every page must name an existing
    file, and a #fragment an element of that page. External and mailto: links are skipped."""
    broken, checked, ids_of = [], 0, {}

    def ids(path: Path) -> set[str]:
        if path not in ids_of:
            ids_of[path] = {tag["id"] for tag in soup(path).find_all(id=True)}
        return ids_of[path]

    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.relative_to(site).parts:
            continue
        for tag in soup(page).find_all(["a", "link", "script", "img", "source"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or urlparse(ref).scheme or ref.startswith(("//", "mailto:")):
                continue
            target, fragment = urldefrag(ref)
            checked += 1
            # Root-absolute (the 404 page, served at any depth): from the site's root.
            base = site if target.startswith("/") else page.parent
            resolved = (base / unquote(target).lstrip("/")).resolve() if target else page
            if not resolved.is_file():
                broken.append(f"{page.relative_to(site)}: {ref}")
            elif fragment and resolved.suffix == ".html" and fragment not in MODE_FRAGMENTS | ids(resolved):
                broken.append(f"{page.relative_to(site)}: {ref} (no #{fragment})")
    return checked, broken


def build_pages_site(tmp: Path, files: dict[str, str], settings: str = "PARK_DIGEST_SEARCH = False\n") -> Path:
    """A real site from pages (and sidecars) written by a test: {file name: text}; its output."""
    from conftest import ROOT, build_site
    seeds = tmp / "seeds"
    seeds.mkdir()
    for name, text in files.items():
        (seeds / name).write_text(text, encoding="utf-8")
    conf = tmp / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n" + settings,
                    encoding="utf-8")
    build_site(tmp, seeds=seeds, conf=conf)
    return tmp / "output"


def story_page(site: Path, title_part: str, lang: str = "") -> BeautifulSoup:
    """The story page (in `lang`'s folder) whose headline holds `title_part`."""
    for page in sorted((site / lang / "stories").glob("*.html")):
        doc = soup(page)
        if title_part in doc.select_one("h1").get_text():
            return doc
    raise AssertionError(f"no story {title_part} in {lang or 'zh-Hans'}")
