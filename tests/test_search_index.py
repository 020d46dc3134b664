"""The Pagefind index: one bundle per language, built from the pages' documents, kept while its
text and its files are unchanged, rebuilt when either is not (search.py)."""
import gzip
import json
import stat

import pytest

from conftest import SEEDS, build_site
from park_digest.site import search
from park_digest.site.search import SearchDocument, SearchIndex, SearchIndexError

DOCS = [
    SearchDocument("stories/a.html", "zh-Hans", "高新区母基金落地", "<p>西安高新区设立母基金，规模50亿元。</p>"),
    SearchDocument("zh-hant/stories/a.html", "zh-Hant", "高新區母基金落地", "<p>西安高新區設立母基金。</p>"),
    SearchDocument("en/stories/a.html", "en", "Fund of funds launched",
                   '<p>Xi\'an Hi-Tech Zone set up a fund of funds.</p><p class="src" lang="zh-Hans">母基金</p>'),
    SearchDocument("parks/xian.html", "zh-Hans", "西安高新区", "<ul><li>高新区母基金落地</li></ul>"),
]


def page_count(output, lang):
    """Pages in a language's bundle, which holds that language's index only."""
    entry = json.loads((output / "pagefind" / lang / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [lang]
    return entry["languages"][lang]["page_count"]


def build(output, cache, docs):
    index = SearchIndex(output, cache)
    languages = index.start(docs)
    index.finish()
    return languages


def test_document_escapes_the_title_keeps_heading_ids_and_drops_sentence_ids_and_links():
    html = SearchDocument("x.html", "en", "<script>alert(1)</script>", "<p>body</p>").html()
    assert '<html lang="en">' in html and "<p>body</p>" in html and "data-pagefind-body" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    body = ('<h2 id="p1">集群发展</h2>\n<p id="p2"><span class="s" id="p2s0">规模50亿元。</span>'
            '<a href="#p1" id="ref">见上</a></p>')
    html = SearchDocument("x.html", "zh-Hans", "标题", body).html()
    # The title is the result's title (metadata) and indexed after the body, so an excerpt
    # never opens by repeating it.
    assert '<h1 data-pagefind-ignore data-pagefind-meta="title">标题</h1>' in html and '<h2 id="p1">集群发展</h2>' in html
    assert '<p><span class="s">规模50亿元。</span><a>见上</a></p>\n<p>标题</p></main>' in html


def test_results_carry_park_date_and_kind_filter_by_park_and_kind_and_the_index_is_the_same_every_build(tmp_path):
    doc = SearchDocument("stories/a.html", "zh-Hans", "标题", "<p>正文</p>",
                         meta=(("园区", "青岛高新区, 西区"), ("日期", "2025-09"), ("类型", "简讯")),
                         filters=(("园区", "青岛高新区, 西区"), ("类型", "简讯")))
    html = doc.html()
    assert '<span data-pagefind-meta="园区:青岛高新区, 西区"></span>' in html  # one value, comma and all
    assert '<span data-pagefind-filter="园区:青岛高新区, 西区"></span>' in html
    # Enough parks and kinds that a filter's values written in hash-map order (Pagefind 1.5) would
    # come out in another order on some run.
    parks = ["青岛高新区", "西安高新区", "成都高新区", "武汉东湖高新区", "苏州工业园区", "合肥高新区"]
    docs = [doc] + [SearchDocument(f"stories/{n}.html", "zh-Hans", f"标题{n}", f"<p>{parks[n % 6]}正文{n}</p>",
                                   filters=(("园区", parks[n % 6]), ("类型", ("简讯", "通讯", "图片新闻")[n % 3])))
                    for n in range(24)]
    built = []
    for run in ("a", "b", "c"):
        build(tmp_path / run / "output", tmp_path / run / "cache", docs)
        bundle = tmp_path / run / "output" / "pagefind"
        built.append({p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()})
    assert len([name for name in built[0] if name.endswith(".pf_filter")]) == 2  # park, kind
    assert built[0] == built[1] == built[2]


def test_a_results_date_is_shown_as_the_pages_show_it():
    """To its precision, an inferred one marked, an unknown one said to be unknown (never
    Pelican's placeholder day); the date is shown, not a filter."""
    from datetime import datetime
    from types import SimpleNamespace

    from park_digest.site.search import story_tags
    words = {"park": "园区", "date": "日期", "kind": "类型", "kind_brief": "简讯",
             "date_inferred_mark": "（推断）", "date_unknown": "日期不详"}

    def item(precision, inferred, when="2025-09-01"):
        digest = SimpleNamespace(park_name="青岛高新区", kind="brief", date_precision=precision, date_inferred=inferred)
        return SimpleNamespace(digest=digest, date=datetime.fromisoformat(when))
    assert story_tags(item("month", True), words) == (("园区", "青岛高新区"), ("日期", "2025-09（推断）"), ("类型", "简讯"))
    assert story_tags(item("year", False), words)[1] == ("日期", "2025")
    assert story_tags(item("day", False, "2025-09-16"), words)[1] == ("日期", "2025-09-16")
    assert story_tags(item("unknown", False, "1970-01-01"), words)[1] == ("日期", "日期不详")


def test_index_per_language_kept_when_unchanged_rebuilt_when_changed_removed_when_gone(tmp_path):
    output, cache = tmp_path / "output", tmp_path / "cache"
    assert build(output, cache, DOCS) == ["en", "zh-hans", "zh-hant"]
    assert page_count(output, "zh-hans") == 2 and page_count(output, "zh-hant") == page_count(output, "en") == 1
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == ["en", "zh-hans", "zh-hant"]
    assert build(output, cache, DOCS) == []  # same text: kept
    untranslated = SearchDocument(DOCS[2].path, "en", DOCS[2].title, DOCS[2].body + (
        '<p class="t" lang="zh-Hans" data-status="untranslated">新句。</p>'))
    assert build(output, cache, [*DOCS[:2], untranslated, DOCS[3]]) == []  # nothing it indexes changed
    changed = [*DOCS[:3], SearchDocument("parks/xian.html", "zh-Hans", "西安高新区", "<p>新</p>")]
    assert build(output, cache, changed) == ["zh-hans"]  # only the language that changed
    assert build(output, cache, [doc for doc in DOCS if doc.lang != "en"]) == ["zh-hans"]
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == ["zh-hans", "zh-hant"]


def test_english_index_leaves_out_the_chinese_beside_it_and_untranslated_text(tmp_path):
    english = SearchDocument("en/stories/b.html", "en", "Loans for small firms", (
        '<div class="para"><p class="t" lang="zh-Hans" data-status="untranslated">'
        '<span class="notice" lang="en">Not yet translated. The Chinese original: </span>高新贷余额增长。</p></div>'
        '<div class="para"><p class="t" data-status="machine">Credit to tech firms grew.</p>'
        '<p class="src" lang="zh-Hans">科技企业授信增长。</p></div>'))
    output = tmp_path / "output"
    build(output, tmp_path / "cache", [english])
    text = "".join(gzip.decompress(path.read_bytes()).decode("utf-8")
                   for path in (output / "pagefind" / "en" / "fragment").glob("en_*.pf_fragment"))
    assert "Credit to tech firms grew" in text.replace("\u200b", "")
    assert "高新贷" not in text and "科技企业" not in text and "Not yet translated" not in text


@pytest.mark.parametrize("damage", ["empty fragment", "entry gone", "killed while writing"])
def test_a_damaged_or_incomplete_bundle_is_rebuilt_though_its_text_is_unchanged(tmp_path, damage):
    """Issue 26: a build killed while Pagefind wrote left empty fragments, which the next kept."""
    output, cache = tmp_path / "output", tmp_path / "cache"
    build(output, cache, DOCS)
    bundle = output / "pagefind" / "en"
    if damage == "empty fragment":
        next(bundle.glob("fragment/*")).write_bytes(b"")
    elif damage == "entry gone":
        (bundle / "pagefind-entry.json").unlink()
    else:  # the new bundle half written beside the old, whose record was already dropped
        (output / "pagefind" / ".new-en" / "fragment").mkdir(parents=True)
        SearchIndex(output, cache).record("en").unlink()
    assert build(output, cache, DOCS) == ["en"]
    assert page_count(output, "en") == 1
    assert all(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == ["en", "zh-hans", "zh-hant"]


def fake_pagefind(tmp_path, monkeypatch, script: str):
    path = tmp_path / "fake-pagefind"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(search, "pagefind_executable", lambda: path)


def test_pagefind_failure_stops_the_build_with_its_message_and_keeps_the_old_bundle(tmp_path, monkeypatch):
    output, cache = tmp_path / "output", tmp_path / "cache"
    build(output, cache, DOCS)
    fake_pagefind(tmp_path, monkeypatch, "echo 'Error: cannot read the site' >&2; exit 3")
    index = SearchIndex(output, cache)
    assert index.start(DOCS[1:]) == ["zh-hans"]
    with pytest.raises(SearchIndexError, match=r"Pagefind failed \(3\) on the zh-hans pages.*cannot read the site"):
        index.finish()
    assert page_count(output, "zh-hans") == 2  # the last good bundle, whole
    assert not index.record("zh-hans").exists()  # and the next build tries again


def test_cancel_stops_a_running_pagefind(tmp_path, monkeypatch):
    fake_pagefind(tmp_path, monkeypatch, "exec sleep 30")
    index = SearchIndex(tmp_path / "output", tmp_path / "cache")
    index.start(DOCS)
    for _ in range(100):
        if index._process is not None:
            break
        __import__("time").sleep(0.05)
    process = index._process
    index.cancel()
    assert process.wait(5) != 0


def test_a_built_site_has_one_searchable_bundle_per_language(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        (seeds / path.name).write_bytes(path.read_bytes())
    build_site(tmp_path, seeds)
    stories = len(list((tmp_path / "content" / "stories" / "en").glob("*.md")))
    assert page_count(tmp_path / "output", "en") > stories > 0  # and the pages and parks
    assert not list((tmp_path / "output").rglob(".new-*"))
