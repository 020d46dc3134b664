"""One seed file → PageResult: read, normalize, layout, segment, attribute, facts."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

import yaml
from pypinyin import lazy_pinyin

from .dates import infer_date, parse_date
from .facts import extract_story_facts, select_box
from .layout import build_blocks
from .model import STORY_KINDS, PageResult, Seed, Story
from .normalize import normalize_line
from .parks import attribute_park, load_gazetteer, page_park
from .read import SeedError, read_seed
from .segment import Draft, segment_blocks

_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Sidecar:
    """Editorial facts about a page from `seeds/<name>.yml`."""
    date: Optional[date] = None
    source: str = ""
    overrides: tuple[tuple[int, tuple[tuple[str, Any], ...]], ...] = ()  # story number → fields

    def for_story(self, number: int) -> dict[str, Any]:
        return dict(next((fields for n, fields in self.overrides if n == number), ()))


def read_sidecar(path: Path) -> Sidecar:
    """Parse and check a sidecar; a malformed one is a SeedError naming the file."""
    if not path.exists():
        return Sidecar()
    return parse_sidecar(path.read_bytes(), path)


def parse_sidecar(raw: bytes, path: Path) -> Sidecar:
    try:
        data = yaml.safe_load(raw.decode("utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SeedError(f"{path.name}: malformed sidecar YAML ({exc})") from exc
    if data is None:
        return Sidecar()
    if not isinstance(data, dict):
        raise SeedError(f"{path.name}: sidecar must be a mapping, not {type(data).__name__}")
    unknown = set(data) - {"date", "source", "stories"}
    if unknown:
        raise SeedError(f"{path.name}: unknown sidecar keys {sorted(unknown)}")
    when = None
    if "date" in data:
        when = parse_date(data["date"])
        if when is None:
            raise SeedError(f"{path.name}: date must look like 2026-01-15, not {data['date']!r}")
    source = data.get("source", "")
    if not isinstance(source, str):
        raise SeedError(f"{path.name}: source must be text, not {type(source).__name__}")
    stories = data.get("stories") or {}
    if not isinstance(stories, dict):
        raise SeedError(f"{path.name}: stories must map story numbers to fields")
    overrides = []
    for number, fields in stories.items():
        if not isinstance(number, int) or not isinstance(fields, dict):
            raise SeedError(f"{path.name}: stories.{number}: expected a story number and a mapping")
        bad = set(fields) - {"title", "kind", "park", "date"}
        if bad:
            raise SeedError(f"{path.name}: stories.{number}: unknown fields {sorted(bad)}")
        if "kind" in fields and fields["kind"] not in STORY_KINDS:
            raise SeedError(f"{path.name}: stories.{number}.kind must be one of {list(STORY_KINDS)}")
        for key in ("title", "park"):
            if key in fields and not isinstance(fields[key], str):
                raise SeedError(f"{path.name}: stories.{number}.{key} must be text")
        overrides.append((number, tuple(sorted(fields.items()))))
    return Sidecar(date=when, source=source, overrides=tuple(overrides))


def story_id(seed_file: str, draft: Draft) -> str:
    """A stable ASCII slug: pinyin of the title (or opening words) and a short content hash.

    It depends only on the Chinese source, so a new translation never moves a page.
    """
    basis = draft.title or next((i.text for i in draft.body if i.type == "paragraph"), "") or "story"
    words = lazy_pinyin(re.sub(r"\s+", "", basis)[:10], errors="ignore")
    head = _SLUG_CHARS.sub("-", "-".join(words).lower()).strip("-")[:60].strip("-") or "story"
    digest = hashlib.sha1(f"{Path(seed_file).stem}\n{basis}".encode("utf-8")).hexdigest()[:6]
    return f"{head}-{digest}"


def process_seed(seed: Seed, sidecar: Sidecar = Sidecar(), fact_box_size: int = 6) -> PageResult:
    lines = [normalize_line(line) for line in seed.lines]
    drafts, discarded = segment_blocks(build_blocks(lines))
    gazetteer = load_gazetteer()
    texts = [item.text for d in drafts for item in d.body] + [d.title or "" for d in drafts]
    main_park = page_park(texts, gazetteer)
    inferred = infer_date(item.text for d in drafts if not d.advertisement for item in d.body)
    stories: list[Story] = []
    seen: set[str] = set()
    for number, draft in enumerate(drafts, start=1):
        override = sidecar.for_story(number)
        paragraphs = [item.text for item in draft.body]
        title = override.get("title", draft.title)
        park, mentioned = attribute_park(title, paragraphs, gazetteer, main_park)
        if "park" in override:
            park = next((p for p in gazetteer if override["park"] in (p.slug, p.name_zh)), park)
        when = parse_date(override.get("date")) or sidecar.date
        sid = story_id(seed.file, draft)
        while sid in seen:
            sid += "-x"
        seen.add(sid)
        story = Story(
            id=sid, kind=override.get("kind", draft.kind()), title=title, span=draft.span,
            body=draft.body, captions=draft.captions, authors=draft.authors, bylines=draft.bylines, park=park,
            parks_mentioned=mentioned, date=(when or inferred).isoformat() if (when or inferred) else None,
            date_inferred=when is None, source=sidecar.source, seed_file=seed.file)
        if story.kind != "advertisement":
            story.facts = extract_story_facts(story.title, story.body)
            select_box(story.facts, fact_box_size)
        stories.append(story)
    return PageResult(seed=seed, stories=stories, discarded=discarded)


def process_file(path: Path, fact_box_size: int = 6, max_bytes: int = 50_000_000) -> PageResult:
    """Read a seed and its sidecar and process them; raises SeedError for a bad seed."""
    seed = read_seed(path, max_bytes)
    return process_seed(seed, read_sidecar(path.with_suffix(".yml")), fact_box_size)
