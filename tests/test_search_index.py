"""The Pagefind index, staged from the pages' text (staging.py) and built beside the site (search.py)."""
import gzip
import json
import os
import re
import stat

import pytest

from conftest import ROOT, SEEDS, build_site
from park_digest.site import search, staging
from park_digest.site.search import SearchIndexer, SearchIndexError
from park_digest.site.staging import SearchDocument, document_html

DOCS = [
    SearchDocument("stories/a.html", "zh-Hans", "高新区母基金落地", "<p>西安高新区设立母基金，规模50亿元。</p>"),
    SearchDocument("zh-hant/stories/a.html", "zh-Hant", "高新區母基金落地", "<p>西安高新區設立母基金。</p>"),
    SearchDocument("en/stories/a.html", "en", "Fund of funds launched",
                   '<p>Xi\'an Hi-Tech Zone set up a fund of funds.</p><p class="src" lang="zh-Hans">母基金</p>'),
    SearchDocument("parks/xian.html", "zh-Hans", "西安高新区", "<ul><li>高新区母基金落地</li></ul>"),
]


def entry(output, lang):
    return json.loads((output / "pagefind" / lang / "pagefind-entry.json").read_text(encoding="utf-8"))


def page_count(output, lang):
    """Pages in a language's bundle, which holds that language's index only."""
    languages = entry(output, lang)["languages"]
    assert list(languages) == [lang]
    return languages[lang]["page_count"]


def build(indexer, docs):
    started = indexer.start(docs)
    indexer.finish()
    return started


def test_document_keeps_language_title_and_body_but_escapes_the_title():
    html = document_html(SearchDocument("x.html", "en", "<script>alert(1)</script>", "<p>body</p>"))
    assert '<html lang="en">' in html and "<p>body</p>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "data-pagefind-body" in html


def test_document_keeps_heading_ids_for_sub_results_and_drops_sentence_ids_and_link_targets():
    body = ('<h2 id="p1">集群发展</h2>\n<p id="p2"><span class="s" id="p2s0">规模50亿元。</span>'
            '<a href="#p1" id="ref">见上</a></p>')
    html = document_html(SearchDocument("x.html", "zh-Hans", "标题", body))
    assert '<h1 id="title">' in html and '<h2 id="p1">集群发展</h2>' in html
    assert '<p><span class="s">规模50亿元。</span><a>见上</a></p>' in html
    # An About page's {filename} link, unresolved before reading, stages as the resolved one does.
    assert document_html(SearchDocument("a.html", "en", "About", '<a href="{filename}m.md">How</a>')) == \
        document_html(SearchDocument("a.html", "en", "About", '<a href="methodology.html">How</a>'))


def test_index_per_language_kept_when_text_unchanged_rebuilt_when_changed(tmp_path):
    output, cache = tmp_path / "output", tmp_path / "cache"
    indexer = SearchIndexer(output, cache)
    assert build(indexer, DOCS)
    assert sorted(indexer.fingerprints) == ["en", "zh-hans", "zh-hant"]
    assert page_count(output, "zh-hans") == 2 and page_count(output, "zh-hant") == page_count(output, "en") == 1
    assert not (output / "stories").exists()  # staged in the cache, not in the site

    assert not build(SearchIndexer(output, cache), DOCS)  # same text: index kept
    changed = [*DOCS[:3], SearchDocument("parks/xian.html", "zh-Hans", "西安高新区", "<p>新</p>")]
    again = SearchIndexer(output, cache)
    assert again.start(changed) and set(again.processes) == {"zh-hans"}  # only the language that changed
    again.finish()
    assert build(SearchIndexer(output, cache), DOCS[1:])  # a page gone: its staged copy too
    assert page_count(output, "zh-hans") == 1
    staged = {p.relative_to(indexer.site).as_posix() for p in indexer.site.rglob("*.html")}
    assert staged == {staging.staged_name(doc) for doc in DOCS[1:]}
    assert staged >= {"zh-hans/parks/xian.html", "zh-hant/zh-hant/stories/a.html", "en/en/stories/a.html"}


def test_english_index_leaves_out_chinese_paragraphs_and_keeps_the_english(tmp_path):
    english = SearchDocument("en/stories/b.html", "en", "Loans for small firms", (
        '<div class="para"><p class="t" lang="zh-Hans" data-status="untranslated">'
        '<span class="notice" lang="en">Not yet translated. The Chinese original: </span>高新贷余额增长。</p></div>'
        '<div class="para"><p class="t" data-status="machine">Credit to tech firms grew.</p>'
        '<p class="src" lang="zh-Hans">科技企业授信增长。</p></div>'))
    staged = document_html(english)  # dropped before Pagefind parses them (and by its selectors)
    assert "Credit to tech firms grew." in staged and "高新贷" not in staged and "科技企业" not in staged
    nested = '<p class="src" lang="zh-Hans"><b>科技</b>企业</p>'  # not render.py's form: left to the selectors
    assert nested in document_html(SearchDocument("a.html", "en", "A", nested))
    output = tmp_path / "output"
    build(SearchIndexer(output, tmp_path / "cache"), [english])
    text = "".join(gzip.decompress(path.read_bytes()).decode("utf-8")
                   for path in (output / "pagefind" / "en" / "fragment").glob("en_*.pf_fragment"))
    assert "Credit to tech firms grew" in text.replace("\u200b", "")
    assert "高新贷" not in text and "科技企业" not in text and "Not yet translated" not in text


def test_missing_bundle_is_rebuilt_even_if_text_unchanged(tmp_path):
    output, cache = tmp_path / "output", tmp_path / "cache"
    build(SearchIndexer(output, cache), DOCS)
    (output / "pagefind" / "en" / "pagefind-entry.json").unlink()
    again = SearchIndexer(output, cache)
    assert again.start(DOCS) and set(again.processes) == {"en"}
    again.finish()
    assert page_count(output, "en") == 1


def test_bundles_of_languages_gone_and_of_the_single_bundle_layout_are_removed(tmp_path):
    output, cache = tmp_path / "output", tmp_path / "cache"
    (output / "pagefind" / "fragment").mkdir(parents=True)  # an earlier version's single bundle
    (output / "pagefind" / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    build(SearchIndexer(output, cache), DOCS)
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == ["en", "zh-hans", "zh-hant"]
    build(SearchIndexer(output, cache), [doc for doc in DOCS if doc.lang != "en"])
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == ["zh-hans", "zh-hant"]
    assert not (SearchIndexer(output, cache).site / "en").exists()


def fake_pagefind(tmp_path, monkeypatch, script: str):
    path = tmp_path / "fake-pagefind"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(search, "pagefind_executable", lambda: path)


def test_pagefind_failure_stops_the_build_with_its_message(tmp_path, monkeypatch):
    fake_pagefind(tmp_path, monkeypatch, "echo 'Error: cannot read the site' >&2; exit 3")
    indexer = SearchIndexer(tmp_path / "output", tmp_path / "cache")
    assert indexer.start(DOCS)
    with pytest.raises(SearchIndexError, match=r"Pagefind failed \(3\) on the \S+ pages.*cannot read the site"):
        indexer.finish()
    assert not any(indexer.stamp(lang).exists() for lang in indexer.fingerprints)  # the next build tries again
    assert not indexer.processes


def test_pagefind_past_its_timeout_is_stopped(tmp_path, monkeypatch):
    fake_pagefind(tmp_path, monkeypatch, "exec sleep 30")
    indexer = SearchIndexer(tmp_path / "output", tmp_path / "cache", timeout=0.5)
    indexer.start(DOCS)
    with pytest.raises(SearchIndexError, match="ran over"):
        indexer.finish()


def test_cancel_stops_a_running_pagefind(tmp_path, monkeypatch):
    fake_pagefind(tmp_path, monkeypatch, "exec sleep 30")
    indexer = SearchIndexer(tmp_path / "output", tmp_path / "cache")
    indexer.start(DOCS)
    processes = list(indexer.processes.values())
    assert len(processes) == 3  # one per language
    indexer.cancel()
    assert all(process.returncode is not None and process.returncode != 0 for process in processes)


def test_confirming_the_early_runs_does_not_wait_for_them(tmp_path, monkeypatch):
    """The running Pagefinds hold the staging folder's lock: start() must not take it again."""
    fake_pagefind(tmp_path, monkeypatch, "exec sleep 30")
    indexer = SearchIndexer(tmp_path / "output", tmp_path / "cache")
    indexer.staging(PATHS)  # held from the conversion on, as in a build
    assert indexer.start_early(DOCS)
    running = dict(indexer.processes)
    assert indexer.start(DOCS) and indexer.processes == running
    assert all(process.poll() is None for process in running.values())
    indexer.cancel()


def test_pagefind_leaves_a_core_to_the_build(monkeypatch):
    monkeypatch.delenv("RAYON_NUM_THREADS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert search.pagefind_env()["RAYON_NUM_THREADS"] == "1"
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert search.pagefind_env()["RAYON_NUM_THREADS"] == "7"


def test_a_new_build_waits_for_the_pagefind_of_a_build_that_failed(tmp_path, monkeypatch):
    """Under `make devserver` a build can fail before collecting its Pagefind; the next one
    must not restage the pages under it."""
    fake_pagefind(tmp_path, monkeypatch, "sleep 1")
    first = SearchIndexer(tmp_path / "output", tmp_path / "cache")
    first.start(DOCS)
    orphans = list(first.processes.values())  # never collected: its build failed
    second = SearchIndexer(tmp_path / "output", tmp_path / "cache")
    second.start(DOCS[1:])
    assert all(orphan.poll() is not None for orphan in orphans)  # finished before the second staged anything
    assert all(process.poll() is None for process in second.processes.values())  # and the second runs its own
    second.cancel()


PATHS = staging.StoryPaths("zh-hans", "stories/{slug}.html", "{langdir}/stories/{slug}.html")


def story_markdown(slug, lang, title, body, park=""):
    langdir = "" if lang == "zh-hans" else f"Langdir: {lang}\n"
    park_line = f"Park_name: {park}\n" if park else ""
    return f"Title: {title}\nSlug: {slug}\nLang: {lang}\n{langdir}{park_line}\n{body}\n"


def test_story_address_follows_pelicans_patterns_or_is_left_to_pelican():
    assert PATHS.path({"slug": "a", "lang": "zh-hans"}) == "stories/a.html"
    assert PATHS.path({"slug": "a", "lang": "en", "langdir": "en"}) == "en/stories/a.html"
    assert PATHS.path({"slug": "a"}) == "stories/a.html"  # no Lang: Pelican's default
    # What only Pelican knows: a parsed date, a category, an address set by hand.
    by_date = staging.StoryPaths("zh-hans", "{date:%Y}/{slug}.html", "{lang}/{date:%Y}/{slug}.html")
    assert by_date.path({"slug": "a", "date": "2026-01-05"}) is None
    assert staging.StoryPaths("zh-hans", "{category}/{slug}.html", "").path({"slug": "a"}) is None
    assert PATHS.path({"slug": "a", "save_as": "x.html"}) is None


def test_story_document_is_the_one_pelican_would_give():
    text = story_markdown("a", "en", "Fund launched", '<p id="p1">Xi\'an set up a fund.</p>', park="Xi'an Hi-Tech Zone")
    doc = staging.story_document(text, PATHS)
    assert doc == staging.content_document("en/stories/a.html", "en", "Fund launched",
                                          '<p id="p1">Xi\'an set up a fund.</p>', "Xi'an Hi-Tech Zone")
    assert doc.body.startswith("<p>Xi&#x27;an Hi-Tech Zone</p>\n")
    assert staging.story_document("Title: x\n\nplain *Markdown*\n", PATHS) is None  # not generated


def test_early_index_kept_when_pelican_reads_the_same_pages_and_redone_when_not(tmp_path):
    """start_early indexes the stories the conversion staged (written once, trusted) and the
    pages and parks given; start() keeps that run when the pages Pelican read are the same, and
    indexes again, restaging what differs, when they are not (here: a story at another address)."""
    output, cache = tmp_path / "output", tmp_path / "cache"
    texts = [story_markdown("a", "zh-hans", "高新区母基金落地", "<p>西安高新区设立母基金，规模50亿元。</p>",
                            park="西安高新区"),
             story_markdown("a", "en", "Fund of funds launched", "<p>Xi'an set up a fund of funds.</p>")]
    docs = [staging.story_document(text, PATHS) for text in texts] + [DOCS[3]]

    indexer = SearchIndexer(output, cache)
    indexer.staged, stories = staging.stage_stories(texts, indexer.staging(PATHS))
    assert set(indexer.staged) == {"zh-hans/stories/a.html", "en/en/stories/a.html"}
    assert [(s.slug, s.lang, s.title, s.metadata) for s in stories][0] == \
        ("a", "zh-hans", "高新区母基金落地", {})  # no park slug: not on a park page
    written = (indexer.site / "zh-hans/stories/a.html").stat().st_mtime_ns
    assert indexer.start_early([DOCS[3]])
    early = dict(indexer.processes)
    assert sorted(early) == ["en", "zh-hans"]
    assert indexer.start(docs) and indexer.processes == early  # the same pages: the same runs
    indexer.finish()
    assert (indexer.site / "zh-hans/stories/a.html").stat().st_mtime_ns == written  # trusted, not rewritten
    assert page_count(output, "zh-hans") == 2

    again = SearchIndexer(output, cache)
    wrong = staging.StoryPaths("zh-hans", "old/{slug}.html", "old/{lang}/{slug}.html")
    again.staged, _ = staging.stage_stories(texts, again.staging(wrong))
    assert again.start_early([DOCS[3]])
    early = dict(again.processes)
    assert again.start(docs) and set(again.processes) == set(early)
    assert all(again.processes[lang] is not early[lang] and early[lang].returncode is not None for lang in early)
    again.finish()
    staged = {p.relative_to(again.site).as_posix() for p in again.site.rglob("*.html")}
    assert staged == {staging.staged_name(doc) for doc in docs}
    assert page_count(output, "en") == 1


def test_a_built_site_stages_every_story_while_converting(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in sorted(os.listdir(SEEDS))[:2]:
        (seeds / name).write_bytes((SEEDS / name).read_bytes())
    result = build_site(tmp_path, seeds, args=("-v",), env={"COLUMNS": "2000"})
    log = result.stdout + result.stderr
    staged, early = map(int, re.search(r"Pagefind started on (\d+) pages \(en, zh-hans, zh-hant\), (\d+) of them "
                                       r"staged while converting \(before reading\)", log).groups())
    stories = len(list((tmp_path / "content" / "stories").glob("*/*.md")))
    assert early == stories > 0 and staged > stories  # and the pages and parks
    assert "indexing again" not in log  # Pelican read what was indexed early
    assert page_count(tmp_path / "output", "en") > 0


def test_a_page_staged_before_is_trusted_while_its_files_are_untouched(tmp_path, monkeypatch):
    from park_digest.build.cache import ConversionCache
    cache, calls = ConversionCache(tmp_path / "cache", "test"), []
    real = staging.stage_stories
    monkeypatch.setattr(staging, "stage_stories", lambda *args: calls.append(1) or real(*args))
    site = staging.Staging(tmp_path / "site", PATHS)
    texts = [story_markdown("a", "zh-hans", "高新区母基金落地", "<p>规模50亿元。</p>"),
             story_markdown("a", "en", "Fund launched", "<p>A fund.</p>")]
    first = staging.stage_page(texts, site, cache, "key", tmp_path / "a.txt")
    assert staging.stage_page(texts, site, cache, "key", tmp_path / "a.txt") == first and len(calls) == 1
    (tmp_path / "site" / "en/en/stories/a.html").write_text("edited", encoding="utf-8")
    assert staging.stage_page(texts, site, cache, "key", tmp_path / "a.txt") == first and len(calls) == 2
    assert "A fund." in (tmp_path / "site" / "en/en/stories/a.html").read_text(encoding="utf-8")
    other = staging.Staging(tmp_path / "site", staging.StoryPaths("zh-hans", "x/{slug}.html", "x/{lang}/{slug}.html"))
    digests, _ = staging.stage_page(texts, other, cache, "key", tmp_path / "a.txt")  # other addresses: staged anew
    assert set(digests) == {"zh-hans/x/a.html", "en/x/en/a.html"} and len(calls) == 3


def test_a_build_that_empties_its_output_first_indexes_after_reading(tmp_path):
    """DELETE_OUTPUT_DIRECTORY (`make publish`): Pelican empties the output after the conversion,
    so a Pagefind started before reading would lose its bundle, or have it deleted as it writes."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in sorted(os.listdir(SEEDS))[:2]:
        (seeds / name).write_bytes((SEEDS / name).read_bytes())
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                    "DELETE_OUTPUT_DIRECTORY = True\n", encoding="utf-8")
    for _ in range(2):  # the second build deletes the first one's bundles: indexed again
        result = build_site(tmp_path, seeds, conf=conf, args=("-v",), env={"COLUMNS": "2000"})
        log = result.stdout + result.stderr
        assert re.search(r"Pagefind started on \d+ pages \(en, zh-hans, zh-hant\), \d+ of them staged while "
                         r"converting(?! \(before reading\))", log), log
        for lang in ("en", "zh-hans", "zh-hant"):
            assert page_count(tmp_path / "output", lang) > 0


def test_what_the_search_leaves_out_does_not_change_a_page_s_digest():
    """A sentence added in Chinese shows untranslated on the English page: its index stays."""
    translated = '<div class="para" id="p1"><p class="t" data-status="machine">Credit grew.</p></div>'
    untranslated = ('<div class="para" id="p2"><p class="t" lang="zh-Hans" data-status="untranslated">'
                    '<span class="notice" lang="en">Not yet translated. The Chinese original: </span>新句子。</p></div>')
    page = SearchDocument("en/stories/b.html", "en", "Loans", translated)
    assert staging.document_digest(page) == staging.document_digest(
        SearchDocument(page.path, page.lang, page.title, translated + untranslated))
    assert staging.document_digest(page) != staging.document_digest(
        SearchDocument(page.path, page.lang, page.title, translated.replace("grew", "rose")))
    caption = '<ul class="captions"><li lang="zh-Hans" data-status="untranslated">上图：大厅</li><li>Below: a firm</li></ul>'
    staged = document_html(SearchDocument(page.path, page.lang, page.title, caption))
    assert "上图" not in staged and "<li>Below: a firm</li>" in staged
