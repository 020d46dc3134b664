"""The comparison of parks: for each indicator, every park's latest value with its period,
linked to its sources (one value per park, indicator and period: figures/compare.py)."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Iterable, Mapping, Sequence

from ..figures.compare import Cell, latest, period_bounds
from ..figures.indicator_table import INDICATORS
from .keyfigures import cell_values_html, period_html


@dataclass(frozen=True)
class CompareRow:
    park: str  # slug
    park_name: str
    cell: Cell


def compare(all_cells: Iterable[Cell], park_names: Mapping[str, str]) -> dict[str, list[CompareRow]]:
    """Indicator → every park's latest value (largest first within one unit; a disagreement
    ranks by its first value)."""
    by_park: dict[str, list[Cell]] = {}
    for cell in all_cells:
        by_park.setdefault(cell.park, []).append(cell)
    table: dict[str, list[CompareRow]] = {}
    for park, items in by_park.items():
        for indicator, cell in latest(items).items():
            table.setdefault(indicator, []).append(CompareRow(park, park_names.get(park, park), cell))
    ids = list(INDICATORS.by_id)
    return {k: sorted(v, key=lambda r: (r.cell.values[0].unit, -r.cell.values[0].value, r.park_name))
            for k, v in sorted(table.items(), key=lambda kv: ids.index(kv[0]))}


def compare_rows_html(rows: Sequence[CompareRow], lang: str, words: Mapping[str, str], site_url: str,
                      park_url: str) -> str:
    """Body rows of one indicator's table: park (linked to its page), value(s) with sources,
    period. The value cell sorts by number within its unit (data-group)."""
    lines = []
    for row in rows:
        first = row.cell.values[0]
        lines.append(
            f'<tr data-group="{escape(first.unit)}">'
            f'<th scope="row"><a href="{escape(site_url)}/{escape(park_url % row.park)}">{escape(row.park_name)}</a></th>'
            f'<td class="num" data-value="{first.value!r}">{cell_values_html(row.cell, site_url, words)}</td>'
            f'<td data-value="{escape(period_bounds(row.cell.period)[1])}">'
            f"{period_html(row.cell, row.cell.inferred, lang, words)}</td></tr>")
    return "\n".join(lines)
