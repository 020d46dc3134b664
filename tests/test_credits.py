"""A story is credited to its byline and to nobody else: no byline, no author line, in the
pages and in the feeds (Pelican would otherwise credit the site's AUTHOR)."""
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

ATOM = "{http://www.w3.org/2005/Atom}"


def bylines(built_site):
    found = {}
    for path in sorted(built_site.glob("**/stories/*.html")):
        byline = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("p.byline")
        found[path.relative_to(built_site).as_posix()] = " ".join(byline.get_text(" ").split())
    return found


def test_stories_without_a_byline_have_no_author_line(built_site):
    lines = bylines(built_site)
    credited = [line for line in lines.values() if "作者" in line or " By " in line]
    uncredited = [line for line in lines.values() if "作者" not in line and " By " not in line]
    assert credited and uncredited  # the seeds have both kinds
    for page, line in lines.items():
        assert "Park Digest" not in line and "园区简报" not in line, page
        assert not line.rstrip().endswith(("By", "作者", "·")), (page, line)


def test_english_byline_is_romanized(built_site):
    lines = [line for page, line in bylines(built_site).items() if page.startswith("en/") and " By " in line]
    assert lines and all(line.split(" By ", 1)[1].strip().isascii() for line in lines)


def test_feeds_credit_bylines_only(built_site):
    feeds = sorted(built_site.glob("**/*.atom.xml"))
    assert feeds
    with_author = 0
    for feed in feeds:
        for entry in ET.parse(feed).getroot().iter(ATOM + "entry"):
            name = entry.find(f"{ATOM}author/{ATOM}name")
            if name is None:
                continue
            with_author += 1
            assert name.text and "Park Digest" not in name.text and "园区简报" not in name.text, feed
            if "/en/" in "/" + feed.relative_to(built_site).as_posix():
                assert name.text.isascii(), (feed, name.text)
    assert with_author
