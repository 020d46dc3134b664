"""A site built with fewer languages has no switcher entry, hreflang or sitemap alternate that
points at a language it does not publish, and no broken link."""
from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from conftest import ROOT, build_site
from site_checks import broken_links, soup

XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.parametrize("languages", [("zh-Hans", "en"), ("zh-Hans",)])
def test_subset_of_languages_builds_cleanly(tmp_path, languages):
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                    f"PARK_DIGEST_LANGUAGES = {languages!r}\n", encoding="utf-8")
    result = build_site(tmp_path, conf=conf)
    assert "WARNING" not in result.stdout + result.stderr
    site = tmp_path / "output"
    assert not (site / "zh-hant").exists()
    assert (site / "en").exists() == ("en" in languages)
    checked, broken = broken_links(site)
    assert checked > 100 and broken == []
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    for page in pages:
        doc = soup(page)
        hreflangs = {link["hreflang"] for link in doc.find_all(hreflang=True)}
        switcher = doc.select(".langs li")
        if len(languages) == 1:
            assert not hreflangs and not switcher, page
            assert not doc.select('.modes a[href*="#bilingual"]'), page
        else:
            assert hreflangs <= {*languages, "x-default"}, page
            assert len(switcher) in (0, len(languages)), page
    urls = ET.parse(site / "sitemap.xml").getroot()
    langs = {link.get("hreflang") for link in urls.iter(f"{XHTML}link")}
    assert langs == (set() if len(languages) == 1 else {*languages, "x-default"})
