"""Statistics tables flattened into lines of text.

A county's or park's table of main indicators, copied from a web page, arrives as one line per
row: the indicator, its unit, its value and its growth rate set apart by spaces
(`规模以上工业增加值 亿元 86.4 9.2`, a fall written -3.5), under a header line of short column
names (`指标 单位 1-6月 同比增长%`). Such lines are the story's (the table is what the page
reports), each row a paragraph of its own: never joined to the text around it, never a caption.
figures/table_rows.py reads each row's figures.

A table of several columns may also come with its cells set apart by full-width spaces or a run of
spaces (`1　　苏州工业园区　3686亿元　15.2亿美元`, under `排名　经开区　地区生产总值`), or by
pipes, as public accounts print them (`智算中心 | 40亿元 | 数字经济`). Such a line is cut into
cells before normalizing, so that a rank is never glued to the park after it, and two or more rows
of as many cells, with a figure in each, are a table like the rows above.

An e-paper's table may also come one cell per line: its column names each on a line (园区, 营业收入
（亿元）, 同比增长（%）), then each row's name and its bare values, each on a line. Such a run is
folded into rows of cells (`fold_column_table`), one line of the page per cell, and read as above;
the unit a column's name gives in brackets is the unit of its bare values (figures/table_rows.py).
"""
from __future__ import annotations

import re

# A source note right under a table (数据来源：省科技厅) is the table's, not the site's.
TABLE_SOURCE = re.compile(r"^[（(]?(?:数据来源|资料来源)[：:]")

NUMBER = r"-?\d+(?:\.\d+)?"
# indicator (2-24 characters, may open on 其中：), unit (亿元, 万美元, %, 家 …, may be absent),
# then one or two numbers; normalizing may have removed the space between the unit and the value.
TABLE_ROW = re.compile(
    r"^(?P<label>(?:其中[：:])?[\u4e00-\u9fff（）()、]{2,24}?)[ \u3000\t]+"
    r"(?:(?P<unit>[\u4e00-\u9fff]{0,3}(?:元|美元|欧元)|%|％|[个家项人户吨亩]|万人|万吨|平方米|万平方米|平方公里)"
    r"[ \u3000\t]*)?(?P<value>" + NUMBER + r"|[—–－](?=[ \u3000\t]+-?\d))(?:[ \u3000\t]+(?P<rate>" + NUMBER + r"))?$")
# (a value printed — is one the bulletin does not publish: only its growth rate follows)
# A header of short column names, at least one of them a period or a rate: 指标 单位 1-6月 同比增长%.
_HEADER_CELL = re.compile(r"^(?:指标(?:名称)?|项目|单位|计量单位|绝对值|总量|数值|本月|累计|本年累计|"
                          r"\d{1,2}(?:[-—至]\d{1,2})?月(?:份)?|(?:19|20)\d\d年?|上半年|前三季度|全年|"
                          r"(?:同比|比上年|比去年同期)?(?:增长|增速|增幅|增减|±)?\s*[（(]?[%％][）)]?|"
                          r"(?:同比|比上年|比去年同期)?(?:增长|增速|增幅|增减))$")


# Cells apart: a pipe (half- or full-width), a full-width space or a tab, or two spaces or more.
_CELL_GAP = re.compile(r"[ \u3000]*[|｜][ \u3000]*|[\u3000\t][ \u3000\t]*| {2,}")
_NOT_A_CELL_ROW = re.compile(r"[。；;：:，,！？!?]")  # a sentence or a label line, never a row of cells
_MAX_CELL = 24


def split_cells(text: str) -> list[tuple[str, str]]:
    """(cell, gap after it) pairs of a row of three cells or more, else []."""
    text = text.strip().strip("|｜").strip()
    if _NOT_A_CELL_ROW.search(text):
        return []
    pieces, at = [], 0
    for gap in _CELL_GAP.finditer(text):
        pieces.append((text[at:gap.start()], gap.group(0)))
        at = gap.end()
    pieces.append((text[at:], ""))
    if len(pieces) < 3 or any(not cell or len(cell) > _MAX_CELL for cell, _ in pieces):
        return []
    return pieces


def cells_of(text: str) -> list[str]:
    return [cell for cell, _ in split_cells(text)]


def _has_figure(cell: str) -> bool:
    return bool(re.search(r"\d", cell)) and not re.fullmatch(r"\d{1,3}", cell)


def _cell_table(texts: list[str], i: int) -> int:
    """The end of a run of cell rows from i: as many cells each, a figure (not a rank) in each,
    or a bare number under a column whose name gives its unit (投资额（亿元） over 45)."""
    width = len(cells_of(texts[i]))
    head = cells_of(texts[i - 1]) if i > 0 else []
    valued = [n for n, (_, unit) in enumerate(column_units(head)) if unit] if len(head) == width else []
    j = i
    while j < len(texts) and width and len(cells := cells_of(texts[j])) == width and (
            any(_has_figure(c) for c in cells) or any(re.fullmatch(NUMBER, cells[n]) for n in valued)):
        j += 1
    return j


def is_table_header(text: str) -> bool:
    cells = [c for c in re.split(r"[ \u3000\t]+|(?<=[\u4e00-\u9fff])(?=\d)", text.strip()) if c]
    return len(cells) >= 3 and all(_HEADER_CELL.match(c) for c in cells) and any(
        re.search(r"增|月|年|季度", c) for c in cells)


def is_table_row(text: str) -> bool:
    return bool(TABLE_ROW.match(text.strip()))


# A ranking's rows run together under its column names (序号 经开区名称 2024年排名 2023年排名 over
# 1南昌经开区4150): a rank, a zone's name, then its numbers or its province, nothing else.
_RANK_HEADER = re.compile(r"^(?:序号|排名|排序|名次|位次)[ \u3000\t]*\S{0,12}(?:名称|园区|开发区|高新区|经开区|新区)")
_RANKED_ROW = re.compile(r"^\d{1,3}[.、．]?[ \u3000\t]*[\u4e00-\u9fff（）()]{2,20}?"
                         r"(?:经开区|高新区|开发区|新区|园区|合作区|试验区)[\u4e00-\u9fff\d \u3000\t.]{0,16}$")


def is_ranking_row(text: str) -> bool:
    """A ranking table's row or its column names: a paragraph of its own, never joined."""
    return bool(_RANKED_ROW.match(text.strip()) or _RANK_HEADER.match(text.strip()))


def _ranked_rows(texts: list[str], i: int) -> int:
    """The end of a ranking's rows from i, under its column names at i - 1 (else i)."""
    j = i
    if i > 0 and _RANK_HEADER.match(texts[i - 1].strip()):
        while j < len(texts) and _RANKED_ROW.match(texts[j].strip()):
            j += 1
    return j


def table_lines(texts: list[str]) -> set[int]:
    """Indexes of the lines that are a flattened table: two or more rows in a row, with the
    header line above them when there is one."""
    found: set[int] = set()
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and is_table_row(texts[j]):
            j += 1
        if j - i < 2 and (k := _ranked_rows(texts, i)) - i >= 2:
            found.update(range(i - 1, k))  # with its column names
            j = k
        elif j - i >= 2:
            found.update(range(i, j))
            if i > 0 and is_table_header(texts[i - 1]):
                found.add(i - 1)
        elif (j := _cell_table(texts, i)) - i >= 2:
            found.update(range(i, j))
            head = cells_of(texts[i - 1]) if i > 0 else []
            if len(head) == len(cells_of(texts[i])) and not any(_has_figure(c) for c in head):
                found.add(i - 1)  # the column names
        i = max(j, i + 1)
    return found


# One cell per line: a column's name is short, has no digit and no sentence punctuation; a row's
# values are bare numbers (or a dash for none).
_COLUMN_NAME = re.compile(r"^[^\d，。；;：:！？!?、]{1,16}$")
_COLUMN_KIND = re.compile(r"[（(][^）)]{1,8}[）)]|增长|增速|增幅|[%％]")
_BARE_VALUE = re.compile(r"^" + NUMBER + r"[%％]?$|^[-—–/]$")
_MAX_COLUMNS = 6


def column_rows(texts: list[str], start: int, width: int) -> int:
    """How many rows of `width` lines (a name, then bare values) follow from start."""
    rows, j = 0, start
    while j + width <= len(texts) and _COLUMN_NAME.match(texts[j]) and len(texts[j]) <= _MAX_CELL \
            and all(_BARE_VALUE.match(t) for t in texts[j + 1:j + width]):
        rows, j = rows + 1, j + width
    return rows


def column_tables(texts: list[str]) -> list[tuple[int, int]]:
    """(first line, width) of each table set one cell per line: three to six column names, the
    first naming the rows (no unit), another a unit or a rate, then two rows or more."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(texts):
        for width in range(_MAX_COLUMNS, 2, -1):
            names = texts[i:i + width]
            if (len(names) == width and all(_COLUMN_NAME.match(n) for n in names)
                    and not _COLUMN_KIND.search(names[0]) and any(_COLUMN_KIND.search(n) for n in names[1:])
                    and column_rows(texts, i + width, width) >= 2):
                found.append((i, width))
                i += width * (1 + column_rows(texts, i + width, width))
                break
        else:
            i += 1
    return found


def column_units(header: list[str]) -> list[tuple[str, str]]:
    """(label, unit) of each column name: 营业收入（亿元） → (营业收入, 亿元); 同比增长（%） → (同比增长, %)."""
    out = []
    for name in header:
        unit = re.search(r"[（(]([^）)]{1,8})[）)]", name)
        label = re.sub(r"[（(][^）)]*[）)]", "", name).strip()
        out.append((label, unit.group(1).replace("％", "%") if unit else ("%" if re.search("[%％]", name) else "")))
    return out
