"""Where a page says it was published: the publication, the page and the day.

A masthead or a labelled line names a newspaper (《XX日报》, XX日报) or a 来源, often with the page
number as the paper prints it (第3版, A05版, 版次：3); a page number or a paper's name on a short line
of its own beside the date line counts too. A 来源 that names no publication a reader could look up
(本站, 网络整理, a template's code) names none.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..model import Provenance
from .dates import PartialDate, fold

_PROSE = re.compile(r"[。！？；!?;]")
# A page number as a newspaper prints it: 第3版, A05版, 版次：3 (parse/medium.py, parse/datelines.py).
PAGE_NUMBER = re.compile(r"第\s*([A-Z]?\d{1,3})\s*版|(?<![A-Za-z\d])([A-Z]\d{1,2})\s*版|版次\s*[:：]?\s*([A-Z]?\d{1,3})")

_PAPER = r"[\u4e00-\u9fff]{1,10}(?:日报|晚报|导报|商报|时报|早报|周报|晨报|快报|信报|都市报|科技报|经济报|青年报|报社|周刊)"
# A masthead line that opens on the paper's name and gives its page as a bare code (长沙晚报
# 2024-07-19 星期五 A06 城事, 半岛都市报 2025年9月16日 A10 青岛新闻): it names a page as 第A06版 does.
MASTHEAD_PAGE = re.compile(rf"^\s*{_PAPER}.{{0,30}}?(?<![A-Za-z\d])[A-Z]\d{{1,2}}(?![A-Za-z\d])")
_PUBLICATION = re.compile(rf"《([^》]{{2,20}})》|({_PAPER})(?![\u4e00-\u9fff])")
_PUBLICATION_LINE = re.compile(rf"^\s*(?:《([^》]{{2,20}})》|({_PAPER}))\s*$")


SOURCE = re.compile(r"(?:来源|稿源|信息来源|文章来源)\s*[:：]\s*([^\s|｜:：]{2,24}?)(?=\s|$|[|｜]|作者|编辑|发布|浏览|时间|日期)")


# A 来源 that names no publication a reader could look up: the site itself (本站, 本网), a
# compilation (网络整理, 综合), or a template's leftover code (sp20231214).
_NO_NAME = re.compile(r"^(?:本(?:站|网|网站|报|台|刊|号)|网络|互联网|综合|网友|转载|原创|未知|佚名|不详)|^[^\u4e00-\u9fff]*\d[^\u4e00-\u9fff]*$")


def line_provenance(text: str, when: PartialDate) -> Optional[Provenance]:
    publication = _PUBLICATION.search(text)
    source = SOURCE.search(text)
    page = PAGE_NUMBER.search(text)
    if not (publication or page or source):
        return None
    name = source.group(1) if source and not _NO_NAME.search(source.group(1)) else ""
    if not name and publication:
        name = (publication.group(1) or publication.group(2)).strip()
    number = next((g for g in page.groups() if g), "") if page else ""
    return Provenance(publication=name, date=when.iso(), page=number)


def page_provenance(signals: Iterable, lines: list[str]) -> Optional[Provenance]:
    """The publication, date and page a masthead or labelled line names, if any; a page number
    printed on a line of its own beside the date line (第03版：综合新闻) is taken too. `signals`:
    the page's date signals, best first."""
    for signal in signals:
        if signal.kind in ("wire", "reprint"):
            continue
        found = signal.provenance or Provenance(date=signal.when.iso() if signal.when else "")
        if not found.page or not found.publication:
            near = [fold(lines[i - 1]) for i in range(max(1, signal.line - 2), min(len(lines), signal.line + 2) + 1)
                    if i != signal.line and len(lines[i - 1].strip()) <= 24]
            for text in near:
                page, publication = PAGE_NUMBER.search(text), _PUBLICATION_LINE.match(text)
                if page and not found.page:
                    found = Provenance(found.publication, found.date, found.edition,
                                       next(g for g in page.groups() if g), found.url)
                if publication and not found.publication and not _PROSE.search(text):
                    found = Provenance(publication.group(1) or publication.group(2), found.date,
                                       found.edition, found.page, found.url)
        if found.publication or found.page:
            return found
    return None
