"""One line per page for the build log: what the parser made of it, so an editor sees a page
read wrong without opening the site."""
from __future__ import annotations

from ..model import PageResult, Story

_TITLE_SHOWN = 24  # characters of a headline in the log line


def summarize_page(result: PageResult) -> str:
    """`000.txt: 4 stories, 31 figures, 18 lines discarded: article 「青岛高新区…」 青岛高新区 23
    figures | photo_news (untitled) 昆明高新区 0 figures | …`"""
    stories = result.stories
    figures = sum(len(s.facts) for s in stories)
    head = (f"{result.seed.file}: {_count(len(stories), 'story', 'stories')}, {_count(figures, 'figure')}, "
            f"{_count(len(result.discarded), 'line')} discarded")
    if result.warnings:
        head += f", {_count(len(result.warnings), 'warning')}"
    return head + (": " + " | ".join(_story(s) for s in stories) if stories else "")


def _story(story: Story) -> str:
    title = story.title or ""
    shown = f"「{title[:_TITLE_SHOWN]}{'…' if len(title) > _TITLE_SHOWN else ''}」" if title else "(untitled)"
    park = story.park.name_zh if story.park else "no park"
    more = f" +{len(story.parks) - 1} parks" if len(story.parks) > 1 else ""
    return f"{story.kind} {shown} {park}{more} {_count(len(story.facts), 'figure')}"


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
