"""One Pagefind index for both Chinese scripts (site/chinese_search.py): the zh-Hant search page
shows each result's Traditional address, title, metadata, filters and excerpt, exactly as the
zh-Hant page writes them, from the zh-Hans index."""
import gzip
import json
import re

from park_digest.languages.variants import to_traditional
from park_digest.site.chinese_search import (bundle_lang, chars_script, conversions, indexed_text, script_pairs,
                                             share_chinese_index)
from park_digest.site.search import SearchDocument, SearchIndex

# Characters the converter writes differently by context: 制度 but 製造, 公里 but 裡面, 頭髮 but 發展.
HANS = [("stories/a.html", "制度创新带动制造", "<p>十公里里面，“头发”与发展。</p><p class=\"src\" lang=\"en\">Rules</p>"
         "<p>制度创新推动制造业发展，里面有头发。</p>"),
        ("parks/xian.html", "西安高新区", "<ul><li>制造业</li></ul>")]


def hant(text):
    return to_traditional(text, "s2tw")


def documents():
    meta = (("园区", "西安高新区"), ("类型", "简讯"))
    docs = []
    for path, title, body in HANS:
        docs.append(SearchDocument(path, "zh-Hans", title, body, meta, meta))
        docs.append(SearchDocument("zh-hant/" + path, "zh-Hant", hant(title), hant(body),
                                   tuple((hant(k), hant(v)) for k, v in meta), tuple((hant(k), hant(v)) for k, v in meta)))
    docs.append(SearchDocument("en/stories/a.html", "en", "Rules drive making", "<p>Rules.</p>"))
    return docs


def pairs(docs):
    return script_pairs([doc.body + doc.title for doc in docs if doc.lang == "zh-Hans"], hant)


def test_zh_hant_documents_fold_into_their_zh_hans_twins():
    docs = documents()
    shared, folds = share_chinese_index(docs, pairs(docs))
    assert [(doc.path, doc.lang) for doc in shared] == [("stories/a.html", "zh-Hans"), ("parks/xian.html", "zh-Hans"),
                                                         ("en/stories/a.html", "en")]
    story = shared[0]
    twin = json.loads(dict(story.meta)["zh-Hant"])
    assert twin["url"] == "zh-hant/stories/a.html" and twin["title"] == "制度創新帶動製造"
    assert twin["meta"] == [["園區", "西安高新區"], ["類型", "簡訊"]]
    assert set(story.filters) == {("园区", "西安高新区"), ("类型", "简讯"), ("園區", "西安高新區"), ("類型", "簡訊")}
    # In the order indexed (the body, then the title): 制 is 制 in 制度 and 製 in 制造; 里 is 里 in
    # 公里 and 裡 in 里面; 发 is 髮 in 头发 and 發 in 发展
    assert twin["fix"]["制"] == "制製制製" and twin["fix"]["里"] == "里裡裡" and twin["fix"]["发"] == "髮發發髮"
    # A query in the zh-Hant pages' 製 and 髮 finds 制 and 发, which the table leaves or makes 發
    assert folds == {"製": "制", "髮": "发"}
    # English beside the Chinese and the title heading are not indexed text; the title ends it
    assert indexed_text(story).endswith("里面有头发。\n制度创新带动制造") and "Rules" not in indexed_text(story)
    # Without both scripts nothing changes; the zh-Hant page searches the zh-Hans bundle
    only_hant = [doc for doc in docs if doc.lang != "zh-Hans"]
    assert share_chinese_index(only_hant, []) == (only_hant, {})
    assert bundle_lang("zh-Hant", ("zh-Hans", "zh-Hant", "en")) == "zh-Hans"
    assert bundle_lang("zh-Hant", ("zh-Hant", "en")) == "zh-Hant" and bundle_lang("en", ("zh-Hans", "en")) == "en"


def test_texts_that_do_not_line_up_get_no_occurrence_list():
    assert conversions("制造", "製造業", {}) == {}
    assert conversions("发展", "發展", str.maketrans({"发": "發"})) == {}


def test_the_shared_index_gives_every_occurrence_its_traditional_form(tmp_path):
    """What search.js does with a result, done here on the fragment Pagefind wrote: the table and
    the occurrence lists turn the indexed Simplified text into the zh-Hant page's, character for
    character (so the occurrences Pagefind indexes are those the lists count)."""
    docs = documents()
    table = dict(pairs(docs))
    output = tmp_path / "output"
    index = SearchIndex(output, tmp_path / "cache")
    assert index.start(share_chinese_index(docs, list(table.items()))[0]) == ["en", "zh-hans"]
    index.finish()
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == ["en", "zh-hans"]
    fragments = [json.loads(gzip.decompress(path.read_bytes())[len("pagefind_dcd"):])
                 for path in (output / "pagefind" / "zh-hans" / "fragment").glob("*.pf_fragment")]
    assert len(fragments) == 2
    chinese = re.compile(r"[\u3400-\u9fff「」『』“”‘’]")
    for fragment in fragments:
        twin = json.loads(fragment["meta"]["zh-Hant"])
        forms = {char: list(listed) for char, listed in twin["fix"].items()}
        shown = "".join(forms[c].pop(0) if forms.get(c) else table.get(c, c) for c in fragment["content"])
        page = next(doc for doc in docs if doc.path == twin["url"])
        assert chinese.findall(shown) == chinese.findall(indexed_text(page))
        assert not any(forms.values())  # every listed occurrence was met


def test_script_pairs_come_from_the_sites_converter():
    pairs = script_pairs(["青岛高新区“园”", "abc 123"], hant)
    assert pairs == [("“", "「"), ("”", "」"), ("区", "區"), ("园", "園"), ("岛", "島")]  # 青, 高, 新 alike; Latin left out
    script = chars_script(pairs[2:], {"製": "制"})
    assert 'window.parkDigestChars = {"hans": "区园岛", "hant": "區園島", "fold": "製", "folded": "制"};' in script
