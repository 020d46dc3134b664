"""PageResult → the JSON document of `python -m park_digest extract` (see DESIGN.md)."""
from __future__ import annotations

from typing import Any

from dataclasses import asdict

from .languages.variants import to_traditional
from .model import Fact, FigureCheck, PageResult, Park, Provenance, Story


def park_json(park: Park | None) -> dict[str, Any] | None:
    if park is None:
        return None
    return {"name_zh": park.name_zh, "name_en": park.name_en, "slug": park.slug}


def fact_json(fact: Fact) -> dict[str, Any]:
    value = fact.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return {"surface": fact.surface, "value": value, "unit": fact.unit, "qualifier": fact.qualifier,
            "measure_word": fact.measure_word, "label_zh": fact.label_zh, "label_en": fact.label_en,
            "label_zh_hant": traditional_label(fact.label_zh), "labelled": fact.labelled,
            "block": fact.block, "in_box": fact.in_box,
            "indicator": fact.indicator, "period": fact.period, "period_inferred": fact.period_inferred,
            "change": fact.change, "change_of": fact.change_of, "share_of": fact.share_of,
            "park": fact.park}


def traditional_label(label: str) -> str:
    """The label in Traditional script (OpenCC, Taiwan glyphs: the default of the site)."""
    return to_traditional(label, "s2tw") if label else ""


def source_json(source: Provenance) -> dict[str, str] | None:
    fields = {key: value for key, value in asdict(source).items() if value}
    return fields or None


def check_json(check: FigureCheck) -> dict[str, Any]:
    return {"kind": check.kind, "text": check.text, "line": check.line, "note": check.note_en,
            "note_zh": check.note_zh}


def story_json(story: Story) -> dict[str, Any]:
    return {
        "id": story.id, "kind": story.kind, "title": story.title, "lines": list(story.span),
        "park": park_json(story.park), "parks": [park_json(p) for p in story.parks],
        "parks_mentioned": list(story.parks_mentioned),
        "authors": list(story.authors), "bylines": list(story.bylines), "date": story.date, "date_inferred": story.date_inferred,
        "body": [{"type": item.type, "text": item.text} for item in story.body],
        "captions": list(story.captions),
        "facts": [fact_json(f) for f in story.facts],
        "checks": [check_json(c) for c in story.checks],
        "source": source_json(story.source),
    }


def page_json(result: PageResult) -> dict[str, Any]:
    return {
        "file": result.seed.file, "sha256": result.seed.sha256, "script": result.seed.script,
        "stories": [story_json(s) for s in result.stories],
        "discarded": [{"lines": list(d.span), "text": d.text, "reason": d.reason} for d in result.discarded],
        "errors": list(result.errors), "warnings": list(result.warnings),
    }
