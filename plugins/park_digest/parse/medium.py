"""What kind of page a seed is: a printed newspaper page, a web page, or not known.

The reader's source line says "newspaper page" only for a printed page: one with a page header
above its stories (第3版, A05版: an e-paper is a printed page shown online), or, with no web page's
furniture about it, several stories or a paper's own dateline (本报讯, 本报记者). A web page is one
with furniture a printed page never has (share bars, breadcrumbs, related-story lists, page
navigation, consent banners …). Anything else is not known: never "newspaper" by default.
"""
from __future__ import annotations

import re
from typing import Iterable

from .provenance import MASTHEAD_PAGE, PAGE_NUMBER

PRINT = "print"
WEB = "web"

# Furniture a printed page has as well as a web page (headers, labels, credits, kickers,
# adverts, a masthead's source and date): it says nothing about the medium. Any other reason
# (furniture.yml's and the layout's) is a web page's, so an editor's new furniture entry counts
# against "newspaper", never for it.
PRINT_FURNITURE = frozenset({
    "section label", "page header", "rule or ornament (no letters or digits)", "masthead",
    "page slogan or kicker above a headline", "advertisement label", "advertisement marker",
    "repeated headline", "editor credit line", "picture credit", "channel or outlet label",
    "outlet name", "line between the headline and the story", "short line below the story",
    "row of other headlines", "source and date line", "site information", "author affiliation",
    "pinyin annotation", "table row", "e-paper navigation",
})
# A newspaper's own report: 本报讯, 本报记者, 本报通讯员 (and in Traditional script).
_OWN_REPORT = re.compile(r"本[报報](?:讯|訊|记者|記者|通讯员|通訊員)")


def page_medium(furniture: Iterable[str], story_texts: Iterable[str], stories: int, above: Iterable[str]) -> str:
    """PRINT, WEB or "" (not known) for a page: the reasons its furniture was discarded, the
    text of its stories, how many stories (adverts aside) it holds, and the lines above its
    first story, where a printed page's header names its page (a reprint cites the paper's page
    below the story it copied: that is the story's provenance, not this page's kind)."""
    if any(PAGE_NUMBER.search(line) or MASTHEAD_PAGE.match(line) for line in above):
        return PRINT
    if any(reason not in PRINT_FURNITURE for reason in furniture):
        return WEB
    if stories >= 2 or any(_OWN_REPORT.search(text) for text in story_texts):
        return PRINT
    return ""
