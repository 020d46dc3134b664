"""A story being assembled from a page's blocks, and what kind of story it is.

A draft turns into photo news only where there is a picture (a caption or a photographer's
credit) and little text, into a brief when short among others, and into an article otherwise.
More drafts than a printed page holds are a list, folded into one story.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import BodyItem, Span

_BRIEF_MAX_CHARS = 1400
# A paper's own dateline: 本报讯, or with its city and day, 本报济南4月25日讯, 本报9月16日讯; a paper
# that names itself gives the day (长沙晚报7月18日讯, 湖北日报武汉5月3日讯).
_PAPER_DATELINE = (r"本报[\u4e00-\u9fff]{0,6}(?:\d{1,2}月\d{1,2}日)?讯"
                   r"|[\u4e00-\u9fff]{1,6}报[\u4e00-\u9fff]{0,4}\d{1,2}月\d{1,2}日讯")
PAPER_DATELINE = re.compile(rf"^(?:{_PAPER_DATELINE})")
# That, 【…专讯】, 【本报消息】 (Hong Kong and Macau papers), 新华社…电: a news story, which may carry a
# picture, not a picture story.
STORY_OPENER = re.compile(rf"^(?:{_PAPER_DATELINE}|[【\[（(][^】\]）)]{{0,12}}(?:讯|消息)[】\]）)]|[^，。]{{0,16}}\d{{1,2}}月\d{{1,2}}日电)")
PHOTO_TEXT_MAX = 160  # a headlined picture story says little beside its captions
# A photographer's credit (with the picture agency after it: 记者 崔力 摄/视觉重庆); 文/摄 (wrote and
# photographed) credits a story, not a picture.
PHOTO_CREDIT = re.compile(r"(?:记者|摄影|通讯员)\s*\S{2,8}\s*(?<!文/)(?<!文／)摄(?:[/／][\u4e00-\u9fff]{2,8})?[。）)]?$|[（(][^（）()]{0,20}(?<!文/)摄[）)]|(?:^|\s)\S{2,4}\s*摄$")


@dataclass
class Draft:
    """A story being assembled from blocks."""
    title: Optional[str] = None
    title_span: Optional[Span] = None
    title_level: int = 0
    title_marked: bool = False
    body: list[BodyItem] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    caption_spans: list[Span] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    byline_spans: list[Span] = field(default_factory=list)
    advertisement: bool = False
    labelled: bool = True  # an advert under its 广告 label runs to the next label; one without, to its last line
    closed: bool = False  # a byline after the body ended it
    fragment: bool = False
    dated_by: int = 0  # an aggregator's excerpt: the line of its outlet and date, under it

    @property
    def has_body(self) -> bool:
        return any(item.type == "paragraph" for item in self.body)

    @property
    def span(self) -> Span:
        spans = [item.span for item in self.body] + self.byline_spans
        if self.title_span:
            spans.append(self.title_span)
        if not self.body:  # a picture item: its captions are its text
            spans += self.caption_spans
        return (min(s[0] for s in spans), max(s[1] for s in spans))

    def kind(self, alone: bool = False, printed: bool = False) -> str:
        """Photo news only where there is a picture (a caption or a photographer's credit) and
        little text; a brief is a short item among others on a page, an article the rest (the
        one story of a web page, or a story signed above its text, is an article unless it is a
        本报讯 item). `printed`: the page
        names its newspaper page (第A04版), so a short item alone on it is still a brief."""
        if self.advertisement:
            return "advertisement"
        if self.fragment:
            return "fragment"
        paragraphs = [item for item in self.body if item.type == "paragraph"]
        chars = sum(len(item.text) for item in paragraphs)
        subheadings = any(item.type == "heading" for item in self.body)
        # the story's own first paragraph: an editor's note may stand above its headline
        lead = [p for p in paragraphs if not self.title_span or p.span[0] > self.title_span[1]] or paragraphs
        starts_brief = bool(lead) and bool(PAPER_DATELINE.match(lead[0].text))
        credited = any(PHOTO_CREDIT.search(t) for t in [*self.captions, *(item.text for item in paragraphs)])
        # signed on a line of its own above its text (本报记者 王健 under the headline): a reporter's
        # story, not a brief nor a picture story, on a printed page too (a 本报讯 item stays a brief)
        signed = bool(paragraphs) and any(span[1] < paragraphs[0].span[0] for span in self.byline_spans)
        if self.title is None:
            if (self.captions or credited) and not starts_brief and len(paragraphs) <= 3:
                return "photo_news"
        elif (credited and len(paragraphs) <= 2 and chars <= PHOTO_TEXT_MAX and not signed and not subheadings
              and not (paragraphs and STORY_OPENER.match(paragraphs[0].text))):
            return "photo_news"  # a headlined picture story: a photographer's credit and captions
        if starts_brief or self.title is None:
            return "brief"
        if subheadings or signed or chars > _BRIEF_MAX_CHARS or (alone and len(paragraphs) >= 2):
            return "article"
        if alone and paragraphs and not printed:
            return "article"  # a web page's one story, even in one paragraph (a printed page's is a brief)
        return "brief"


# A printed page holds a few dozen items at most; a "page" of hundreds of headlines is a list
# (an index, a table of names marked as headings) or many pages pasted into one file.
MAX_STORIES_PER_PAGE = 100


def fold_long_list(drafts: list[Draft]) -> tuple[list[Draft], int]:
    """More stories than a page holds become one story, their headlines its subheadings (the
    pipeline tells the editor, who splits the file if they are separate stories). Returns the
    drafts and how many stories were folded (0 when none were)."""
    stories = [d for d in drafts if not d.advertisement]
    if len(stories) <= MAX_STORIES_PER_PAGE:
        return drafts, 0
    first = stories[0]
    merged = Draft(title=first.title, title_span=first.title_span, title_level=first.title_level,
                   title_marked=first.title_marked)
    for draft in stories:
        if draft is not first and draft.title and draft.title_span:
            merged.body.append(BodyItem("heading", draft.title, draft.title_span))
        merged.body += draft.body
        merged.captions += draft.captions
        merged.caption_spans += draft.caption_spans
        merged.authors += [a for a in draft.authors if a not in merged.authors]
        merged.bylines += draft.bylines
        merged.byline_spans += draft.byline_spans
    return [merged] + [d for d in drafts if d.advertisement], len(stories)
