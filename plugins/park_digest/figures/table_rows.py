"""Figures of a flattened statistics table row (parse/tables.py): `固定资产投资 亿元86.4 -3.5`.

The row says in cells what a sentence says in words: its value, in the unit of its unit cell,
and its growth rate (a fall when negative). The row is read as the sentence it stands for
(固定资产投资86.4亿元，同比下降3.5%), and each figure found there is tied back to its cell in
the row, so that it links to the line the reader sees.
"""
from __future__ import annotations

import re
from typing import Callable, Optional, Sequence

from ..model import Fact
from ..parse.tables import TABLE_ROW, column_units, split_cells


def read_cell_row(text: str, extract: Callable[[str], list[Fact]],
                  header: Sequence[str] = ()) -> Optional[list[Fact]]:
    """The figures of a row of cells (`1　　苏州工业园区　3686亿元　15.2亿美元`, `智算中心 | 40亿元 |
    数字经济`), each cell read on its own; a rank in the first cell is no figure. A bare number
    under a column name that gives its unit (营业收入（亿元）, 同比增长（%）) is read in that unit, as
    the sentence the cell stands for (营业收入6120.5亿元). None when the text is no such row."""
    cells = split_cells(text)
    if not cells or not any(ch.isdigit() for ch in text):
        return None
    columns = column_units(list(header)) if len(header) == len(cells) else []
    # a 单位 column gives the unit of the row's value columns that name none (亿元 under 单位, 1586.4 under 绝对值)
    unit_at = next((n for n, (label, _) in enumerate(columns) if label in ("单位", "计量单位")), None)
    if unit_at is not None:  # ... and the row's first cell names what they measure
        row_unit, name = cells[unit_at][0].replace("％", "%"), cells[0][0]
        columns = [(name, row_unit) if n != unit_at and not unit and label and not _RATE_COLUMN.search(label)
                   and n > unit_at else (label, unit) for n, (label, unit) in enumerate(columns)]
    facts, at = [], 0
    for n, (cell, gap) in enumerate(cells):
        start = text.index(cell, at)
        at = start + len(cell) + len(gap)
        if n == 0 and cell.isdigit() and len(cell) <= 3:
            continue  # the row's rank
        # a rate column measures the amount to its left (营业收入（亿元） then 同比增长（%）)
        base = next((label for label, unit in reversed(columns[:n]) if unit and unit != "%"), "")
        found = _read_under(cell, columns[n], base, extract) if columns and _BARE.match(cell) else extract(cell)
        for fact in found:
            fact.start += start
            fact.sentence = text
            facts.append(fact)
    return facts


def with_unit(name: str, unit: str) -> str:
    """A column name with the unit a table's note gives (营业收入 under （单位：亿元） → 营业收入（亿元））,
    unless it names its own or is a rate column."""
    if not unit or re.search(r"[（(].*[）)]|[%％]", name) or _RATE_COLUMN.search(name):
        return name
    return f"{name}（{unit}）"


_BARE = re.compile(r"^-?\d+(?:\.\d+)?$")
_RATE_COLUMN = re.compile(r"增长|增速|增幅|增减|比上年|同比")


def _read_under(cell: str, column: tuple[str, str], base: str, extract: Callable[[str], list[Fact]]) -> list[Fact]:
    """A bare number read in its column's unit; the fact's surface stays the cell as printed."""
    label, unit = column
    if not unit:
        return []  # a bare number under a column that names no unit: no sure reading
    if unit == "%" and _RATE_COLUMN.search(label):
        sentence = f"{base}同比{'下降' if cell.startswith('-') else '增长'}{cell.lstrip('-')}%。"
    elif cell.startswith("-"):
        return []  # a negative amount is no level
    else:
        sentence = f"{label}{cell}{unit}。"
    facts = []
    for fact in extract(sentence):
        if cell.lstrip("-") not in fact.surface:
            continue
        fact.surface, fact.start = cell, 0
        if cell.startswith("-"):
            fact.value = -abs(fact.value)
        facts.append(fact)
    return facts


def read_table_row(text: str, extract: Callable[[str], list[Fact]]) -> Optional[list[Fact]]:
    """The figures of a table row, or None when the text is no row. `extract` reads a sentence."""
    row = TABLE_ROW.match(text)
    if row is None:
        return None
    label = row.group("label").replace("其中：", "").replace("其中:", "")
    unit = row.group("unit") or ""
    value, rate = row.group("value"), row.group("rate")
    if unit in ("%", "％"):
        unit = "%"
    if value.startswith("-") and unit != "%":
        return []  # a negative amount is no level: a misread row
    unpublished = not value[-1].isdigit()  # 规上工业增加值　%　—　7.9: the rate alone
    sentence = label if unpublished else f"{label}{value}{unit}"
    cells = [] if unpublished else [(value, row.start("value"))]
    if rate is not None:
        sentence += f"，同比{'下降' if rate.startswith('-') else '增长'}{rate.lstrip('-')}%"
        cells.append((rate, row.start("rate")))
    sentence += "。"
    facts = []
    for fact in extract(sentence):
        cell = next(((surface, at) for surface, at in cells if surface.lstrip("-") in fact.surface), None)
        if cell is None:
            continue
        fact.surface, fact.start, fact.sentence = cell[0], cell[1], text
        if cell[0].startswith("-"):
            fact.value = -abs(fact.value)  # the row's -3.5: a fall, read as the sentence's 下降3.5%
        facts.append(fact)
    return facts
