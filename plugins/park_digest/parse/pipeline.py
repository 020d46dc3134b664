"""One seed file → PageResult: read, normalize, layout, segment, attribute, facts."""
from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path
from typing import Optional

from .dates import FUTURE_SLACK, PartialDate, from_iso
from .story_dates import Dated, PageDating
from .edits import restructure
from ..figures.checks import check_story
from ..figures.facts import extract_story_facts
from ..figures.meaning import annotate_story
from .layout import build_blocks
from .medium import PRINT, page_medium
from ..model import BodyItem, Discarded, PageResult, Provenance, Seed, Story
from .normalize import normalize_line, strip_pinyin
from .attribution import attribute
from .page_park import IDENTITY, identity_park, page_park
from .parks import ParkIndex, find_mentions, full_names, park_index, park_named
from .pinyin import lazy_pinyin
from .clean import printable
from .read import read_seed
from .sidecar import Problem, Sidecar, read_sidecar
from .numbered import split_numbered_items
from .drafts import MAX_STORIES_PER_PAGE, Draft, fold_long_list
from .segment import segment_blocks
from ..settings import DEFAULT_MAX_SEED_BYTES

_SLUG_CHARS = re.compile(r"[^a-z0-9]+")
# an advert's address, up to a park named in it: 地址：哈尔滨新区世纪大道188号, 地址：长沙市岳麓区麓谷大道某号
_ADDRESS = re.compile(r"(?:地址|地点|位于)[：:]?[^，。；：:\s\u3000]{0,12}$")


def story_id(seed_file: str, draft: Draft) -> str:
    """A stable ASCII slug: pinyin of the title (or opening words) and a short content hash.

    It depends only on the Chinese source, so a new translation never moves a page.
    """
    basis = draft.title or next((i.text for i in draft.body if i.type == "paragraph"), "") or "story"
    words = lazy_pinyin(re.sub(r"\s+", "", basis)[:10], errors="ignore")
    head = _SLUG_CHARS.sub("-", "-".join(words).lower()).strip("-")[:60].strip("-") or "story"
    digest = hashlib.sha1(f"{Path(seed_file).stem}\n{basis}".encode("utf-8")).hexdigest()[:6]
    return f"{head}-{digest}"


def clean_lines(seed: Seed) -> tuple[list[str], list[Discarded]]:
    """Normalized lines, with pinyin annotations moved out to the discarded list."""
    lines, removed = [], []
    for number, raw in enumerate(seed.lines, start=1):
        line, pinyin = strip_pinyin(normalize_line(raw))
        if pinyin:
            removed.append(Discarded((number, number), " ".join(pinyin), "pinyin annotation"))
        lines.append(line)
    return lines, removed


def process_seed(seed: Seed, sidecar: Sidecar = Sidecar(), fact_box_size: int = 6,
                 parks: Optional[ParkIndex] = None, today: Optional[date] = None) -> PageResult:
    """One page's stories; `today` (the build day) bounds every date."""
    lines, pinyin = clean_lines(seed)
    drafts, discarded = segment_blocks(build_blocks(lines))
    drafts, numbers = split_numbered_items(drafts)
    discarded += numbers
    drafts, folded = fold_long_list(drafts)
    warnings = [*seed.warnings, *sidecar.warnings]
    if folded:
        warnings.append(f"{printable(seed.file)}: {folded:,} stories found, more than one page holds "
                        f"({MAX_STORIES_PER_PAGE}): published as one story with their headlines as "
                        "subheadings; if they are separate stories, split the file into pages")
    discarded = pinyin + discarded
    drafts, problems = restructure(drafts, sidecar)
    result = PageResult(seed=seed, stories=[], discarded=discarded, warnings=warnings,
                        errors=[sidecar.message(p) for p in (*sidecar.problems, *problems)])
    parks = parks or park_index()
    # The texts attribute() searches again, so find_mentions' cache serves both.
    texts = [item.text for d in drafts for item in d.body] + [d.title or "" for d in drafts]
    main_park = page_park(texts, parks) or identity_park(
        (d.text for d in discarded if d.reason in IDENTITY), "".join(texts), parks)
    dating = PageDating(lines, drafts, today or date.today())
    page_date = _editor_date(sidecar.date, sidecar.date_line, sidecar, dating.today, result)
    found = dating.provenance()
    first = min((d.span[0] for d in drafts), default=len(lines) + 1)
    medium = page_medium((d.reason for d in discarded), texts, sum(not d.advertisement for d in drafts),
                         lines[:first - 1])
    source = page_source(found, sidecar.source, medium)
    known = {number for number, _, _ in sidecar.overrides}
    for number, line, _ in sidecar.overrides:
        if number > len(drafts):
            result.errors.append(sidecar.message(Problem(line, f"stories.{number}: there is no story {number}; "
                                                               f"the page has {len(drafts)}")))
    seen: set[str] = set()
    previous: Optional[Dated] = None
    # The one headlined story of a web page, whatever runs on under it untitled, is an article.
    alone = sum(not d.advertisement and d.title is not None for d in drafts) == 1
    printed = medium == PRINT or dating.names_page()  # a short item alone on it is a brief
    for number, draft in enumerate(drafts, start=1):
        override = sidecar.for_story(number) if number in known else {}
        title = override.get("title", draft.title)
        kind = override.get("kind", draft.kind(alone, printed))
        facts = extract_story_facts(title, draft.body) if kind != "advertisement" else []
        # An advert is its advertiser's: one that names no park takes none from the page; nor does
        # the continuation of a story begun on another page of a paper (its park is on that page).
        foreign = kind == "advertisement" or (kind == "fragment" and printed)
        # a picture item told in its caption alone is about the park the caption names
        told = draft.body or [BodyItem("paragraph", text, span) for text, span in zip(draft.captions, draft.caption_spans)]
        found = attribute(title, told, facts, parks, None if foreign else main_park)
        park, story_parks, mentioned = found.park, found.parks, found.mentioned
        if kind == "advertisement" and park is not None:
            # nor is it about the park its address names (样板区地址：某某高新区…): that park is
            # where it sits, not named by it; any other is named in passing
            names = [park.name_zh, *(p.name_zh for p in story_parks), *mentioned]
            sits = {m.park.name_zh for item in told for m in find_mentions(item.text, parks)
                    if _ADDRESS.search(item.text, max(0, m.start - 16), m.start)}
            park, story_parks, mentioned = None, [], [n for n in dict.fromkeys(names) if n not in sits]
        if "park" in override:
            park = park_named(override["park"], parks)
            story_parks = [park, *(p for p in story_parks if p.slug != park.slug)]
            mentioned = [name for name in mentioned if name != park.name_zh]
        line = next((at for n, at, _ in sidecar.overrides if n == number), 0)
        stated = _editor_date(from_iso(override.get("date")), line, sidecar, dating.today, result) or page_date
        dated = Dated(stated, False, "sidecar") if stated else dating.story(draft)
        if dated.when is None and draft.title is None and previous is not None and previous.when:
            # An untitled item run on under a dated story (an endless-scroll page) was published
            # with it; the date is marked inferred, not stated.
            dated = Dated(previous.when, True, "inferred")
        previous = dated
        sid = story_id(seed.file, draft)
        while sid in seen:
            sid += "-x"
        seen.add(sid)
        story = Story(
            id=sid, kind=kind, title=title, span=draft.span,
            body=draft.body, captions=draft.captions, authors=list(override.get("authors", draft.authors)),
            bylines=draft.bylines, park=park, parks=story_parks, parks_mentioned=mentioned,
            date=dated.when.iso() if dated.when else None, date_inferred=dated.inferred,
            source=source, seed_file=seed.file)
        if story.kind != "advertisement":
            story.facts = facts
            annotate_story(story, fact_box_size)
            story.checks = check_story(story.title, story.body, story.facts, lines, story.span)
            result.warnings += [f"{printable(seed.file)}: line {c.line}: {c.kind} figure {c.text}: {c.note_en}"
                                for c in story.checks]
        result.stories.append(story)
    _use_full_names(result.stories)
    return result


def _use_full_names(stories: list[Story]) -> None:
    """A park written short after the page gave its full name is filed under the full name."""
    full = full_names([p for story in stories for p in ([story.park] if story.park else []) + story.parks])
    if not full:
        return
    by_name = {p.name_zh: full[p.slug].name_zh for story in stories for p in story.parks if p.slug in full}
    for story in stories:
        if story.park is not None and story.park.slug in full:
            story.park = full[story.park.slug]
        story.parks = list({p.slug: p for p in (full.get(p.slug, p) for p in story.parks)}.values())
        story.parks_mentioned = [m for m in dict.fromkeys(by_name.get(m, m) for m in story.parks_mentioned)
                                 if m not in {p.name_zh for p in story.parks}]
        for fact in story.facts:
            fact.park = by_name.get(fact.park, fact.park)


def _editor_date(when: Optional[PartialDate], line: int, sidecar: Sidecar, today: date,
                 result: PageResult) -> Optional[PartialDate]:
    """A sidecar date, unless it is after the build day (a warning: stories are never dated
    in the future)."""
    if when is not None and when.after(today + FUTURE_SLACK):
        result.warnings.append(sidecar.message(Problem(line, f"date {when.iso()} is after the build day "
                                                             f"({today.isoformat()}); not used")))
        return None
    return when


def process_file(path: Path, fact_box_size: int = 6, max_bytes: int = DEFAULT_MAX_SEED_BYTES,
                 today: Optional[date] = None) -> PageResult:
    """Read a seed and its sidecar and process them; raises SeedError for a bad seed (a bad
    sidecar is reported in the result's errors, and the page processed without it)."""
    seed = read_seed(path, max_bytes)
    return process_seed(seed, read_sidecar(path.with_suffix(".yml")), fact_box_size, today=today)


def page_source(found: Optional[Provenance], given: Optional[Provenance], medium: str = "") -> Provenance:
    """The editor's source fields, completed from what the page's masthead says, and the kind
    of page the parser saw (printed or web)."""
    found, given = found or Provenance(), given or Provenance()
    return Provenance(*(mine or theirs for mine, theirs in zip(
        (given.publication, given.date, given.edition, given.page, given.url),
        (found.publication, found.date, found.edition, found.page, found.url))), medium=given.medium or medium)
