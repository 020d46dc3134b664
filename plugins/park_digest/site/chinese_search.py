"""One Pagefind index for both Chinese scripts.

Pagefind's Chinese word splitting is most of its cost, and the zh-Hant pages are the zh-Hans
text in the other script: splitting both doubled it. So the zh-Hans index serves both. A search
page folds the query into Simplified with the site's character table (search-chars.js), and the
zh-Hant page shows each result as its own page has it: every zh-Hans document carries its zh-Hant
twin's address, title and metadata (a `zh-Hant` meta, JSON), its park and kind filters in
Traditional beside the Simplified ones (each page hides the other script's), and what its excerpt
needs: the table turns Simplified into Traditional character by character, and where the site's
converter chose otherwise in context (製造 but 制度), the twin lists that character's Traditional
form at each of its occurrences in the indexed text.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from html import unescape
from typing import Callable, Iterable

from .content import lang_prefix
from .search import LEFT_OUT, SearchDocument

HANS, HANT = "zh-Hans", "zh-Hant"
CHARS_SCRIPT = "search-chars.js"  # at the site root: the search pages load it
_CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff‘’“”]")  # quotes: 「」 on zh-Hant pages
_TAG = re.compile(r"<[^>]+>")


def script_pairs(texts: Iterable[str], to_hant: Callable[[str], str]) -> list[tuple[str, str]]:
    """(Simplified, Traditional) for every Chinese character (and quote) of the site's text that
    the two scripts write differently, by the site's own converter: a search page folds a query
    into its index's script with them, so 青島 finds 青岛, and the zh-Hant page shows results
    in Traditional."""
    chars = sorted({c for text in texts for c in _CHINESE.findall(text)})
    pairs = []
    for char in chars:
        hant = to_hant(char)
        if hant != char and len(hant) == 1:
            pairs.append((char, hant))
    return pairs


def chars_script(pairs: list[tuple[str, str]], folds: dict[str, str]) -> str:
    """A script defining window.parkDigestChars = {hans: "…", hant: "…", fold: "…", folded: "…"},
    aligned character by character: the table both ways, and more Traditional characters a
    query folds into Simplified (share_chinese_index). search.js builds its maps from it."""
    chars = {"hans": "".join(s for s, _ in pairs), "hant": "".join(t for _, t in pairs),
             "fold": "".join(folds), "folded": "".join(folds.values())}
    return ("// Simplified and Traditional characters of this site, aligned (site/chinese_search.py).\n"
            f"window.parkDigestChars = {json.dumps(chars, ensure_ascii=False)};\n")


def indexed_text(doc: SearchDocument) -> str:
    """The document's text in the order Pagefind indexes it (SearchDocument.html): the body,
    then the title."""
    return unescape(_TAG.sub("", LEFT_OUT.sub("", doc.body))) + "\n" + doc.title


def _differences(a: str, b: str) -> list[int]:
    """Where two strings of one length differ, found by halving spans (slice comparisons run in C)."""
    found, spans = [], [(0, len(a))]
    while spans:
        low, high = spans.pop()
        if a[low:high] == b[low:high]:
            continue
        if high - low == 1:
            found.append(low)
        else:
            middle = (low + high) // 2
            spans += [(middle, high), (low, middle)]
    return found


def conversions(hans: str, hant: str, table: dict[int, str]) -> dict[str, str]:
    """For each character the table (str.maketrans) does not convert as `hant` has it
    everywhere, its Traditional form at each of its occurrences in `hans`, in order. {} when the
    two texts do not line up (a page printed in Traditional whose conversion changed its
    length): the table alone then converts that excerpt."""
    if len(hans) != len(hant):
        return {}
    differ = sorted({hans[i] for i in _differences(hans.translate(table), hant)})
    if not differ:
        return {}
    forms = {}
    for char in differ:
        listed, at = [], hans.find(char)
        while at >= 0:
            listed.append(hant[at])
            at = hans.find(char, at + 1)
        forms[char] = "".join(listed)
    return forms


def share_chinese_index(docs: list[SearchDocument], pairs: list[tuple[str, str]]
                        ) -> tuple[list[SearchDocument], dict[str, str]]:
    """The documents with the zh-Hant ones folded into their zh-Hans twins (module docstring),
    unchanged unless the site has both scripts; and the Traditional characters the zh-Hant pages
    write in context beyond the table's (製 of 製造), each with its Simplified one, which a query
    folds (one the Simplified text also writes, 乾 say, is left alone)."""
    hant = {doc.path[len(lang_prefix(HANT)):]: doc for doc in docs if doc.lang == HANT}
    if not hant or not any(doc.lang == HANS for doc in docs):
        return docs, {}
    table = str.maketrans(dict(pairs))
    shared, folds, simplified = [], {}, set()
    for doc in docs:
        if doc.lang == HANT:
            continue
        twin = hant.get(doc.path[len(lang_prefix(HANS)):]) if doc.lang == HANS else None
        if twin is not None:
            text = indexed_text(doc)
            fix = conversions(text, indexed_text(twin), table)
            simplified.update(text)
            folds.update((form, char) for char, forms in fix.items() for form in forms if form != char)
            data = {"url": twin.path, "title": twin.title, "meta": [list(item) for item in twin.meta if item[1]],
                    "fix": fix}
            doc = replace(doc, meta=(*doc.meta, (HANT, json.dumps(data, ensure_ascii=False, separators=(",", ":")))),
                          filters=doc.filters + twin.filters)
        shared.append(doc)
    known = simplified | {t for _, t in pairs}
    return shared, {form: char for form, char in sorted(folds.items()) if form not in known}


def bundle_lang(lang: str, languages: Iterable[str]) -> str:
    """The language whose index a search page loads: zh-Hant searches the zh-Hans one."""
    return HANS if lang == HANT and HANS in languages else lang
