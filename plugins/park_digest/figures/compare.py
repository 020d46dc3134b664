"""Figures across stories: one value per park, indicator and period, for the key-indicator
tables, the charts and the comparison of parks.

Digests repeat news: the same figure reported by several stories is one value with all its
sources; figures for the same park, indicator and period that disagree are kept side by side and
flagged as a conflict, never chosen between or added up. Changes and shares are cells of their
own (a 39.5% growth is not a revenue). Pure functions over plain records.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

TOLERANCE = 0.005  # two reports of one figure agree within half a percent (rounding: 10.2亿 vs 102000万)


@dataclass(frozen=True)
class Reported:
    """One figure as one story reports it."""
    park: str  # slug
    indicator: str
    period: str
    period_inferred: bool
    value: float
    unit: str
    change: Optional[str] = None
    share_of: Optional[str] = None
    value_max: Optional[float] = None
    qualifier: str = "exact"
    doubtful: bool = False
    source: object = None  # whatever the site needs to link to the sentence (story, anchor, text)


@dataclass
class Value:
    """One distinct value of a cell and every report of it."""
    value: float
    unit: str
    value_max: Optional[float]
    reports: list[Reported] = field(default_factory=list)

    @property
    def doubtful(self) -> bool:
        return any(r.doubtful for r in self.reports)

    @property
    def inferred(self) -> bool:
        """Inferred only when no report states the period."""
        return all(r.period_inferred for r in self.reports)


@dataclass
class Cell:
    """A park's indicator in one period: one value, or several that disagree."""
    park: str
    indicator: str
    period: str
    change: Optional[str]
    share_of: Optional[str]
    values: list[Value] = field(default_factory=list)

    @property
    def conflict(self) -> bool:
        return len(self.values) > 1

    @property
    def level(self) -> bool:
        return self.change is None and self.share_of is None

    @property
    def inferred(self) -> bool:
        return all(v.inferred for v in self.values)


def agree(a: Reported, b: Value) -> bool:
    if a.unit != b.unit:
        return False
    close = abs(a.value - b.value) <= TOLERANCE * max(abs(a.value), abs(b.value), 1e-9)
    high = (a.value_max is None and b.value_max is None) or (
        a.value_max is not None and b.value_max is not None
        and abs(a.value_max - b.value_max) <= TOLERANCE * max(abs(a.value_max), 1e-9))
    return close and high


def cells(reports: Iterable[Reported]) -> list[Cell]:
    """Reports grouped into cells, in the order first reported; each cell's agreeing reports
    share one Value."""
    grouped: dict[tuple, Cell] = {}
    for report in reports:
        key = (report.park, report.indicator, report.period, report.change, report.share_of)
        cell = grouped.get(key)
        if cell is None:
            cell = grouped[key] = Cell(report.park, report.indicator, report.period, report.change,
                                       report.share_of)
        same = next((v for v in cell.values if agree(report, v)), None)
        if same is None:
            same = Value(report.value, report.unit, report.value_max)
            cell.values.append(same)
        same.reports.append(report)
    return list(grouped.values())


# ---------------------------------------------------------------- periods in order

def period_bounds(period: str) -> tuple[str, str]:
    """(first month, last month) as YYYY-MM, for ordering; a stock is at its month."""
    if period.startswith("target:"):
        year = period.split(":", 1)[1]
        return f"{year}-12", f"{year}-12"
    if period.startswith("≤"):
        return period[1:], period[1:]
    m = re.fullmatch(r"(\d{4})-(H|Q)(\d)", period)
    if m:
        year, n = m.group(1), int(m.group(3))
        last = 6 * n if m.group(2) == "H" else 3 * n
        first = last - (5 if m.group(2) == "H" else 2)
        return f"{year}-{first:02d}", f"{year}-{last:02d}"
    if "/" in period:
        first, last = period.split("/")
        return (first if "-" in first else f"{first}-01"), (last if "-" in last else f"{last}-12")
    if re.fullmatch(r"\d{4}-\d{2}", period):
        return period, period
    return f"{period}-01", f"{period}-12"


def period_kind(period: str) -> str:
    """Periods a chart may set side by side: stocks, whole years, halves, quarters, the same
    months of different years (Jan–Aug), runs of years. Targets are goals, never on a chart."""
    if period.startswith("target:"):
        return "target"
    if period.startswith("≤"):
        return "stock"
    m = re.fullmatch(r"\d{4}-(H|Q)(\d)", period)
    if m:
        return f"{m.group(1)}{m.group(2)}"
    if "/" in period:
        first, last = period_bounds(period)
        if first[:4] == last[:4]:
            return f"months {first[5:]}-{last[5:]}"
        return "years"
    if re.fullmatch(r"\d{4}-\d{2}", period):
        return "month"
    return "year"


def chart_series(park_cells: Iterable[Cell]) -> dict[str, list[Cell]]:
    """Indicator → the level cells one chart draws: the kind of period with the most periods
    (two at least), oldest first. A cell whose reports disagree is drawn with every value."""
    by_indicator: dict[str, dict[str, list[Cell]]] = {}
    for cell in park_cells:
        kind = period_kind(cell.period)
        if cell.level and kind != "target":
            by_indicator.setdefault(cell.indicator, {}).setdefault(kind, []).append(cell)
    series = {}
    for indicator, kinds in by_indicator.items():
        best = max(kinds.values(), key=lambda group: (len(group), period_bounds(group[-1].period)))
        units = {v.unit for c in best for v in c.values}
        if len(best) >= 2 and len(units) == 1:
            series[indicator] = sorted(best, key=lambda c: period_bounds(c.period))
    return series


def latest(park_cells: Iterable[Cell]) -> dict[str, Cell]:
    """Indicator → the park's latest level (by the period's last month; a stated period before
    an inferred one at the same month); targets are not results."""
    best: dict[str, Cell] = {}
    for cell in park_cells:
        if not cell.level or cell.period.startswith("target:"):
            continue
        key = (period_bounds(cell.period)[1], not cell.inferred, period_bounds(cell.period)[0])
        held = best.get(cell.indicator)
        if held is None or key > (period_bounds(held.period)[1], not held.inferred, period_bounds(held.period)[0]):
            best[cell.indicator] = cell
    return best
