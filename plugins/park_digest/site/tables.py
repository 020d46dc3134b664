"""Every figure of the published stories as rows of the open data (data/facts.csv and .json,
the same per park; opendata.py describes the columns).

Works on objects shaped like Pelican's Article (slug, title, date, url and the story's `digest`,
a stories.markdown.StoryMeta, whose facts carry their sentence), so it is tested without Pelican.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Iterable, Optional

from ..figures.compare import Reported, cells
from .content import fact_park, shown_date, story_parks, url_of
from .opendata import FIGURE_COLUMNS
from .spreadsheet import BOM, safe_cell

COLUMNS = FIGURE_COLUMNS


@dataclass(frozen=True)
class FigureRow:
    id: str  # story slug and the figure's place among its facts: s1#0
    park: str
    park_zh: str
    park_en: str
    story: str
    title: str
    date: str
    date_inferred: bool
    sentence: str
    figure: str
    figure_en: str
    value: float
    value_max: Optional[float]
    unit: str
    qualifier: str
    label_zh: str
    label_zh_hant: str
    label_en: str
    labelled: bool
    indicator: Optional[str]
    change: Optional[str]
    change_of: Optional[str]  # the id of the level that changed
    share_of: Optional[str]
    period: Optional[str]
    period_inferred: bool
    in_box: bool
    doubtful: str  # the checks' kinds, ; separated
    conflict: bool  # another story gives another value for this park, indicator and period
    url: str

    # Formatted once: the row is written to the site's file and to its park's.
    @cached_property
    def csv_line(self) -> str:
        values = [getattr(self, c) for c in COLUMNS]  # dataclasses.asdict deep-copies: slow
        return _CSV_LINE.writerow([safe_cell("yes" if v is True else "no" if v is False else "" if v is None
                                             else _plain(v)) for v in values])

    @cached_property
    def json_line(self) -> str:
        # json's C encoder, one fact at a time (indent= falls back to pure Python).
        return json.dumps({c: _plain(getattr(self, c)) for c in COLUMNS}, ensure_ascii=False)


class _Echo:
    """A file for csv.writer whose write returns the line: writerow then hands it back."""
    def write(self, line: str) -> str:
        return line


_CSV_LINE = csv.writer(_Echo(), lineterminator="\n")


def story_date(article: Any) -> str:
    """As far as it is known (2026-01-15, 2026-01 or 2026), '' when unknown."""
    return shown_date(article)


def figure_rows(sources: Iterable[Any], english: dict[str, Any], base_url: str,
                hant: Optional[dict[str, Any]] = None) -> list[FigureRow]:
    """Rows for the zh-Hans stories; `english` (and `hant`) map slug → the English (Traditional)
    page, when built.

    A story lists its figures in the same order in every language, so the other languages'
    labels and figures are found by position.
    """
    rows = []
    for article in sources:
        meta, url, date = article.digest, url_of(article), story_date(article)
        twins = _twins(english.get(article.slug)), _twins((hant or {}).get(article.slug))
        names = {slug: (zh, en) for slug, zh, en in story_parks(article)}
        for index, fact in enumerate(meta.facts):
            en, zh_hant = (t[index] if index < len(t) else None for t in twins)
            park = fact_park(article, fact)
            park_zh, park_en = names.get(park, ("", ""))
            labelled = fact.labelled and bool(fact.label)
            rows.append(FigureRow(
                id=f"{article.slug}#{index}", park=park, park_zh=park_zh, park_en=park_en, story=article.slug,
                title=article.title, date=date, date_inferred=meta.date_inferred,
                sentence=fact.sentence, figure=fact.figure, figure_en=en.figure if en else "",
                value=fact.value, value_max=fact.value_max, unit=fact.unit, qualifier=fact.qualifier,
                label_zh=fact.label if labelled else "", label_zh_hant=zh_hant.label if zh_hant and labelled else "",
                label_en=en.label if en and labelled else "", labelled=labelled, indicator=fact.indicator,
                change=fact.change, change_of=None if fact.change_of is None else f"{article.slug}#{fact.change_of}",
                share_of=fact.share_of, period=fact.period, period_inferred=fact.period_inferred,
                in_box=fact.box, doubtful=";".join(fact.doubtful), conflict=False,
                url=f"{base_url}{url}#{fact.anchor}"))
    return _with_conflicts(rows)


def _twins(article: Any) -> tuple:
    return article.digest.facts if article is not None else ()


def _with_conflicts(rows: list[FigureRow]) -> list[FigureRow]:
    """Mark the rows of a park, indicator and period whose stories give different values."""
    reports = [Reported(r.park, r.indicator, r.period, r.period_inferred, r.value, r.unit, r.change, r.share_of,
                        r.value_max, source=i)
               for i, r in enumerate(rows) if r.labelled and r.indicator and r.period and r.park]
    clashing = {report.source for cell in cells(reports) if cell.conflict
                for value in cell.values for report in value.reports}
    return [replace(row, conflict=True) if i in clashing else row for i, row in enumerate(rows)]


# The site's files hold every figure: each is joined once from its parts (a concatenation after
# the join copied the whole text again: 8 MB more at the build's peak with 300 pages).

def rows_csv(rows: Iterable[FigureRow]) -> str:
    """UTF-8 with a byte-order mark: Excel opens it with the Chinese intact."""
    return "".join([BOM, _CSV_LINE.writerow(COLUMNS), *(row.csv_line for row in rows)])


def rows_json(rows: Iterable[FigureRow]) -> str:
    parts = [f'{{"columns": {json.dumps(list(COLUMNS))},\n"facts": [\n']
    for row in rows:  # one fact per line
        parts += [row.json_line, ",\n"]
    if len(parts) == 1:
        return json.dumps({"columns": list(COLUMNS), "facts": []}) + "\n"
    parts[-1] = "\n]}\n"
    return "".join(parts)


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def figure_count(articles: Iterable[Any], park: Optional[str] = None) -> int:
    """The rows table_rows makes of these stories, without making them."""
    return sum(park is None or fact_park(article, fact) == park
               for article in articles for fact in article.digest.facts)
