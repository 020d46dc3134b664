"""One seed file → PageResult: read, normalize, layout, segment, attribute, facts."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

import yaml

from .dates import dateline_date, infer_date, parse_date
from ..figures.facts import extract_story_facts
from ..figures.meaning import annotate_story
from .layout import build_blocks
from ..model import STORY_KINDS, Discarded, PageResult, Seed, Story
from .normalize import normalize_line, strip_pinyin
from .attribution import attribute, page_park
from .parks import ParkIndex, park_index, park_named
from .pinyin import lazy_pinyin
from .clean import clean_text, clean_value, printable
from .read import SeedError, read_seed, read_sidecar_bytes
from .segment import Draft, segment_blocks
from ..settings import DEFAULT_MAX_SEED_BYTES

_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Sidecar:
    """Editorial facts about a page from `seeds/<name>.yml`."""
    date: Optional[date] = None
    source: str = ""
    overrides: tuple[tuple[int, tuple[tuple[str, Any], ...]], ...] = ()  # story number → fields
    warnings: tuple[str, ...] = ()  # what cleaning changed, "file: line n: …"

    def for_story(self, number: int) -> dict[str, Any]:
        return dict(next((fields for n, fields in self.overrides if n == number), ()))


def read_sidecar(path: Path) -> Sidecar:
    """Parse and check a sidecar; a malformed one is a SeedError naming the file."""
    raw = read_sidecar_bytes(path)
    return Sidecar() if raw is None else parse_sidecar(raw, path)


def parse_sidecar(raw: bytes, path: Path) -> Sidecar:
    """Check a sidecar's bytes (the conversion cache has them already)."""
    name = path.name
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeedError(name, f"sidecar is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    text, issues = clean_text(text)  # raw controls and bidi characters, by line
    warnings = [f"{printable(name)}: {issue}" for issue in issues]

    def cleaned(value: str, where: str) -> str:  # YAML escapes ("\e", "\u202e") give them too
        value, problems = clean_value(value, where)
        warnings.extend(f"{printable(name)}: {problem}" for problem in problems)
        return value
    try:
        data = yaml.safe_load(text)
    except ValueError as exc:  # PyYAML builds dates itself: `date: 2026-13-45` is a ValueError
        raise SeedError(name, f"malformed sidecar YAML: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SeedError(name, f"malformed sidecar YAML: {problem}", mark.line + 1 if mark else None) from exc
    if data is None:
        return Sidecar(warnings=tuple(warnings))
    if not isinstance(data, dict):
        raise SeedError(name, f"sidecar must be a mapping of date, source and stories, not {type(data).__name__}")
    unknown = set(data) - {"date", "source", "stories"}
    if unknown:
        raise SeedError(name, f"unknown sidecar keys {sorted(map(str, unknown))}")
    when = None
    if "date" in data:
        when = parse_date(data["date"])
        if when is None:
            raise SeedError(name, f"date must look like 2026-01-15, not {data['date']!r}")
    source = data.get("source", "")
    if not isinstance(source, str):
        raise SeedError(name, f"source must be text, not {type(source).__name__}")
    source = cleaned(source, "source")
    stories = data.get("stories") or {}
    if not isinstance(stories, dict):
        raise SeedError(name, "stories must map story numbers to fields")
    overrides = []
    for number, fields in stories.items():
        if not isinstance(number, int) or isinstance(number, bool) or not isinstance(fields, dict):
            raise SeedError(name, f"stories.{number}: expected a story number and a mapping")
        bad = set(fields) - {"title", "kind", "park", "date"}
        if bad:
            raise SeedError(name, f"stories.{number}: unknown fields {sorted(map(str, bad))}")
        if "kind" in fields and fields["kind"] not in STORY_KINDS:
            raise SeedError(name, f"stories.{number}.kind must be one of {list(STORY_KINDS)}")
        for key in ("title", "park"):
            if key in fields and not isinstance(fields[key], str):
                raise SeedError(name, f"stories.{number}.{key} must be text")
            if key in fields:
                fields = {**fields, key: cleaned(fields[key], f"stories.{number}.{key}")}
        if "date" in fields and parse_date(fields["date"]) is None:
            raise SeedError(name, f"stories.{number}.date must look like 2026-01-15, not {fields['date']!r}")
        overrides.append((number, tuple(sorted(fields.items()))))
    return Sidecar(date=when, source=source, overrides=tuple(overrides), warnings=tuple(warnings))


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
                 parks: Optional[ParkIndex] = None) -> PageResult:
    lines, pinyin = clean_lines(seed)
    drafts, discarded = segment_blocks(build_blocks(lines))
    discarded = pinyin + discarded
    parks = parks or park_index()
    # The texts attribute() searches again, so find_mentions' cache serves both.
    texts = [item.text for d in drafts for item in d.body] + [d.title or "" for d in drafts]
    main_park = page_park(texts, parks)
    stated = dateline_date(d.text for d in discarded if d.reason == "source and date line")
    inferred = infer_date(item.text for d in drafts if not d.advertisement for item in d.body)
    stories: list[Story] = []
    seen: set[str] = set()
    alone = sum(not d.advertisement for d in drafts) == 1
    for number, draft in enumerate(drafts, start=1):
        override = sidecar.for_story(number)
        title = override.get("title", draft.title)
        kind = override.get("kind", draft.kind(alone))
        facts = extract_story_facts(title, draft.body) if kind != "advertisement" else []
        found = attribute(title, draft.body, facts, parks, main_park)
        park, story_parks = found.park, found.parks
        if "park" in override:
            chosen = park_named(override["park"], parks)
            park, story_parks = chosen, [chosen, *(p for p in story_parks if p.slug != chosen.slug)]
        when = parse_date(override.get("date")) or sidecar.date or stated
        sid = story_id(seed.file, draft)
        while sid in seen:
            sid += "-x"
        seen.add(sid)
        story = Story(
            id=sid, kind=kind, title=title, span=draft.span,
            body=draft.body, captions=draft.captions, authors=draft.authors, bylines=draft.bylines, park=park,
            parks=story_parks, parks_mentioned=found.mentioned, date=(when or inferred).isoformat() if (when or inferred) else None,
            date_inferred=when is None, source=sidecar.source, seed_file=seed.file)
        if story.kind != "advertisement":
            story.facts = facts
            annotate_story(story, fact_box_size)
        stories.append(story)
    return PageResult(seed=seed, stories=stories, discarded=discarded,
                      warnings=[*seed.warnings, *sidecar.warnings])


def process_file(path: Path, fact_box_size: int = 6, max_bytes: int = DEFAULT_MAX_SEED_BYTES) -> PageResult:
    """Read a seed and its sidecar and process them; raises SeedError for a bad seed."""
    seed = read_seed(path, max_bytes)
    return process_seed(seed, read_sidecar(path.with_suffix(".yml")), fact_box_size)
