"""Property: whatever a user drops into seeds/ (random bytes, random Unicode with controls,
separators, surrogates and bidi characters, random line structures and encodings), the whole
pipeline and the site's writers never crash, never write malformed XML or a forbidden code point,
and lose no letter or digit. Bounded examples on small pages, so it stays fast."""
import html
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, strategies as st

from digest_tools.eval_parse import kept_text, letters_and_digits
from park_digest.languages.translate.memory import MISSING
from park_digest.parse.clean import clean_text
from park_digest.parse.pipeline import process_seed
from park_digest.parse.sidecar import parse_sidecar
from park_digest.parse.read import SeedError, decode_seed
from park_digest.site.chart import bar_chart
from park_digest.site.feeds import FeedInfo, atom_feed
from park_digest.site.sitemap import SitemapEntry, sitemap_xml
from park_digest.settings import Settings
from park_digest.stories.generate import render_files
from park_digest.stories.markdown import read_story
from conftest import SEEDS

REAL_LINES = sorted({line.strip() for path in sorted(SEEDS.glob("*.txt"))
                     for line in path.read_text(encoding="utf-8").splitlines() if line.strip()})
JUNK = ("\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85\x9b\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029"
        "\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff\ufdd0\ufffe\uffff\ufffd"
        "\ud800\udc00\udfff\U0001fffe\U0010ffff\ue000")
# What XML and HTML cannot carry, and the overrides that reorder text. (Embeddings and isolates
# may stay in a line with right-to-left letters, which random text has.)
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                       "\U0001fffe\U0001ffff\U0010fffe\U0010ffff\u202d\u202e]")
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
LINE_ENDS = ["\n", "\n", "\n", "\r\n", "\r", "\x0c", "\x0b", "\u2028", "\n\n"]

junk_text = st.text(st.one_of(st.characters(), st.sampled_from(JUNK)), max_size=40)
line = st.one_of(st.sampled_from(REAL_LINES), junk_text,
                 st.builds(lambda a, b, c: a + b + c, st.sampled_from(REAL_LINES), st.sampled_from(JUNK),
                           st.sampled_from(REAL_LINES)),
                 st.builds("# {}".format, st.sampled_from(REAL_LINES)), st.just(""))
pages = st.builds(lambda lines, ends: "".join(l + ends[i % len(ends)] for i, l in enumerate(lines)),
                  st.lists(line, min_size=1, max_size=25), st.lists(st.sampled_from(LINE_ENDS), min_size=1, max_size=4))
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030"]
# The site's own writer with an empty translation memory (no translations folder there).
SITE = Settings(site_root=Path("/nonexistent/park-digest-property"))


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


def convert(data: bytes, sidecar: bytes = b""):
    try:
        seed = decode_seed(data, "page.txt")
        return seed, process_seed(seed, parse_sidecar(sidecar, Path("page.yml")))
    except SeedError:
        return None, None  # rejected with a reason: nothing of it is published


def article(story, lang: str) -> SimpleNamespace:
    """What Pelican (stories.reader) makes of a story file, as much as the writers read."""
    headers = story.headers
    item = SimpleNamespace(title=headers["title"], slug=headers["slug"], lang=lang, content=story.body,
                           date=datetime.fromisoformat(headers["date"]).replace(tzinfo=timezone.utc),
                           digest=story.meta, metadata={"authors": headers.get("authors")},
                           authors=[SimpleNamespace(name=a) for a in (headers.get("authors") or "").split(", ") if a])
    item.url = f"{lang}/stories/{item.slug}.html"
    return item


def visible(body: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", body))


def check_site_writers(result) -> None:
    """Render every story in every language, read it back as Pelican would, and write feeds,
    a sitemap and charts from it: all well-formed, nothing forbidden, no letter lost."""
    written = []
    files = render_files([result], SITE, lambda _: MISSING)
    stories = {story.id: story for story in result.stories}
    for lang in SITE.languages:
        articles = []
        for path, text in sorted(files.items()):
            if path.parent.name != lang:
                continue
            parsed = read_story(text)
            assert parsed is not None, text[:300]
            body = parsed.body
            written += [text, body]
            articles.append(article(parsed, lang.lower()))
            if lang == "zh-Hans":  # the writer keeps every letter and digit of the story
                story = stories[path.stem]
                shown = Counter(letters_and_digits(visible(body) + parsed.headers["title"]))
                given_ = Counter(letters_and_digits("".join([story.title or "", *(i.text for i in story.body)])))
                assert given_ - shown == Counter(), "".join((given_ - shown).elements())
        if articles:
            feed = atom_feed(FeedInfo(f"{lang}/feeds/all.atom.xml", f"{lang}/index.html", "Park Digest 园区",
                                      "hostile", lang), articles, "")
            ET.fromstring(feed.encode("utf-8"))
            written.append(feed)
    entries = [SitemapEntry(f"stories/{s.id}.html") for s in result.stories]
    if entries:
        sitemap = sitemap_xml(entries, "http://127.0.0.1:8000", "zh-Hans")
        ET.fromstring(sitemap.encode("utf-8"))
        written.append(sitemap)
    bars = [(f"{s.title or ''} {f.label_zh}", f.value) for s in result.stories for f in s.facts
            if f.unit == "CNY" and f.value > 0][:8]
    if bars:
        chart = bar_chart([label for label, _ in bars], [value for _, value in bars], "c",
                          f"{bars[0][0]}（亿元）", "；".join(label for label, _ in bars), "亿元")
        ET.fromstring(chart)
        written.append(chart)
    for text in written:
        found = FORBIDDEN.search(text)
        assert found is None, (hex(ord(found.group())), text[max(0, found.start() - 30):found.end() + 30])


def check_nothing_lost(text: str, seed, result) -> None:
    """Cleaning drops no letter or digit (except a terminal's colour codes, taken whole), and
    every letter and digit of the clean page is in a story or in `discarded`."""
    cleaned, _ = clean_text(text.lstrip("\ufeff"))
    assert Counter(letters_and_digits(ANSI.sub("", text.lstrip("\ufeff")))) == Counter(letters_and_digits(cleaned))
    kept = Counter(letters_and_digits(kept_text(result)))
    lost = Counter(letters_and_digits("\n".join(seed.lines))) - kept
    assert lost == Counter(), "".join(lost.elements())


@given(pages, st.sampled_from(ENCODINGS))
def test_random_pages_in_any_encoding_go_through_the_whole_site(text, encoding):
    seed, result = convert(encode(text, encoding))
    if result is None:
        return
    if encoding.startswith("utf"):
        check_nothing_lost(text, seed, result)
    check_site_writers(result)


@given(st.binary(max_size=600))
def test_random_bytes_are_rejected_or_published_cleanly(data):
    _, result = convert(data)
    if result is not None:
        check_site_writers(result)


@given(st.sampled_from(REAL_LINES[:40]), junk_text, junk_text)
def test_random_sidecar_values_never_reach_a_page_raw(page_line, source, title):
    def quoted(value: str) -> str:  # YAML double-quoted, every character escaped
        return '"' + "".join(f"\\U{ord(ch):08x}" for ch in value) + '"'
    sidecar = f"source: {quoted(source)}\nstories:\n  1:\n    title: {quoted(title)}\n".encode("utf-8")
    _, result = convert(f"# 青岛高新区新闻\n\n{page_line}\n".encode("utf-8"), sidecar)
    if result is not None:
        check_site_writers(result)


def test_clean_text_keeps_every_letter_of_any_text():
    """A quick sweep of every code point below U+3400 and the junk: only junk goes."""
    text = "".join(chr(c) for c in range(0x3400) if not 0xd800 <= c < 0xe000) + JUNK
    cleaned, _ = clean_text(text)
    assert Counter(letters_and_digits(ANSI.sub("", text))) == Counter(letters_and_digits(cleaned))
    assert FORBIDDEN.search(cleaned) is None
