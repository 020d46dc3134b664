"""Plain data passed between the stages. No behaviour beyond small helpers, no Pelican."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

Span = tuple[int, int]  # 1-based inclusive line numbers in the seed file as given

STORY_KINDS = ("article", "brief", "photo_news", "advertisement", "fragment")
UNITS = ("CNY", "USD", "EUR", "percent", "count", "sqm", "mu", "year", "month", "day",
         "hour", "minute", "second", "kV", "kW", "GW", "other")
QUALIFIERS = ("exact", "over", "approx", "under")
MONEY_UNITS = ("CNY", "USD", "EUR")
DURATION_UNITS = ("year", "month", "day", "hour", "minute", "second")


@dataclass
class Seed:
    """One decoded page. `lines` are Simplified and normalized; `original_lines` as decoded."""
    file: str
    sha256: str
    script: str  # "hans" or "hant"
    encoding: str
    lines: list[str]
    original_lines: list[str]
    warnings: list[str] = field(default_factory=list)  # what cleaning changed, "file: line n: …"


@dataclass
class Block:
    """A run of lines with one layout role.

    kind: heading | text | caption | byline | advertisement | furniture
    `continues` marks a text block whose first line continues a sentence cut by the layout.
    """
    kind: str
    text: str
    span: Span
    parts: tuple[int, ...] = ()  # seed lines of this block (a rejoined paragraph skips captions)
    level: int = 0  # heading level from '#' marks; 0 for unmarked
    marked: bool = False  # heading carried '#' marks
    authors: tuple[str, ...] = ()
    reason: str = ""  # why furniture was discarded
    gap_before: int = 1  # blank lines above it on the page; wide gaps separate items
    in_ad: bool = False  # inside an advertisement: its lines are set as separate items


@dataclass
class BodyItem:
    type: str  # "heading" | "paragraph"
    text: str
    span: Span
    parts: tuple[int, ...] = ()  # the seed lines joined into this item, in order


@dataclass
class Fact:
    surface: str
    value: float
    unit: str
    qualifier: str = "exact"
    measure_word: Optional[str] = None
    label_zh: str = ""
    label_en: str = ""
    block: Union[int, str] = 0  # index into Story.body, or "title"
    in_box: bool = False
    sentence: str = ""  # the sentence the figure stands in
    start: int = 0  # offset of surface in the block text
    value_max: Optional[float] = None  # upper end of a range
    park: Optional[str] = None  # name_zh of the park the figure's clause is about (round-ups)
    # What the figure means (figures/indicators.py, figures/periods.py; INDICATORS.md):
    indicator: Optional[str] = None  # an id of data/indicators.yml, or None
    change: Optional[str] = None  # yoy | mom | vs_period: the figure is a change of its indicator
    change_of: Optional[int] = None  # index in the story's facts of the level that changed
    share_of: Optional[str] = None  # city | province | country | industry | revenue | …
    period: Optional[str] = None  # 2025, 2025-01/2025-08, 2025-H1, 2025-Q3, ≤2025-12, 2021/2025, target:2027
    period_inferred: bool = False  # the period comes from the publication date, not the text
    labelled: bool = True  # label_zh and label_en name what is measured (else: no box, chart, table)


@dataclass(frozen=True)
class Park:
    """A park of the gazetteer (data/parks.yml explains the fields), or one recognized by its
    name pattern alone (known=False)."""
    name_zh: str
    name_en: str
    slug: str
    city: str = ""
    city_en: str = ""
    province: str = ""
    province_en: str = ""
    level: str = ""  # national | provincial | other | sub-park; "" when unknown
    parent: str = ""  # slug of the parent park for sub-parks
    aliases: tuple[str, ...] = ()
    known: bool = True  # False when recognized only by its name pattern
    official_zh: str = ""
    kind: str = ""  # htz | new-area | etdz | other
    en_source: str = ""  # park | house | pinyin
    checked: str = ""


@dataclass(frozen=True)
class Provenance:
    """Where a page was published: the sidecar's `source`, or a masthead line on the page."""
    publication: str = ""
    date: str = ""  # ISO, to the precision known: 2026-01-12, 2026-01 or 2026
    edition: str = ""
    page: str = ""  # 版次 as printed: 9, A03
    url: str = ""
    medium: str = ""  # print | web | "" (not known): what the parser saw of the page (parse/medium.py)

    def label(self) -> str:
        """One line for readers: 中国高新技术产业导报 2026-01-12 第9版 (the URL stays a link)."""
        page = f"第{self.page}版" if self.page and self.page[-1].isdigit() else self.page
        return " ".join(part for part in (self.publication, self.edition, self.date, page) if part)


@dataclass(frozen=True)
class FigureCheck:
    """A figure that does not hold up: malformed, implausible, or parts that miss their total."""
    kind: str  # malformed | implausible | sum_mismatch
    text: str  # the figure (or figures) as printed
    line: int  # seed line it stands on
    block: Union[int, str] = 0  # body item index, or "title"
    note_zh: str = ""  # a short note for readers, in Simplified Chinese
    note_en: str = ""


@dataclass
class Discarded:
    span: Span
    text: str
    reason: str


@dataclass
class Story:
    id: str
    kind: str
    title: Optional[str]
    span: Span
    body: list[BodyItem] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)  # byline lines as printed (roles included)
    park: Optional[Park] = None
    parks_mentioned: list[str] = field(default_factory=list)  # named only in passing or as a comparison
    parks: list[Park] = field(default_factory=list)  # every park the story gives figures for, its own first
    date: Optional[str] = None  # ISO to the precision known: 2024-08-16, 2024-08 or 2024
    date_inferred: bool = True
    facts: list[Fact] = field(default_factory=list)
    source: Provenance = Provenance()  # the publication, from the sidecar or a masthead line
    seed_file: str = ""
    checks: list[FigureCheck] = field(default_factory=list)


@dataclass
class PageResult:
    """Everything one seed yields."""
    seed: Seed
    stories: list[Story]
    discarded: list[Discarded]
    warnings: list[str] = field(default_factory=list)  # for the build log: doubtful figures, dates
    errors: list[str] = field(default_factory=list)  # a bad sidecar: published without it; STRICT=1 fails
