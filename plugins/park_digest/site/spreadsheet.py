"""CSV cells a spreadsheet opens as text, never as a formula (OWASP's CSV injection rule).

A cell whose text starts with = + - @, a tab or a carriage return is read by Excel, LibreOffice
and Google Sheets as a formula (=HYPERLINK(…), @SUM(…), -2+3+cmd|…); a story title or sentence
can start that way. Such a cell is prefixed with a single quote, which the spreadsheet shows as
text. Full-width forms (＝＋－＠) count too, as East Asian spreadsheet input turns them into the
ASCII ones, and so does leading space before them. Numbers written as numbers are left alone:
they cannot hold a formula, and a quote would make -3.5 text.
"""
from __future__ import annotations

import csv
import io
from typing import Any, Iterable

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
BOM = "\ufeff"  # UTF-8 byte-order mark: Excel opens the file as UTF-8, Chinese intact


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet should show it: text that would start a formula is quoted."""
    if not isinstance(value, str):
        return value
    if value.lstrip(" \u3000").startswith(_TRIGGERS) or value.startswith(("\t", "\r")):
        return "'" + value
    return value


def csv_text(header: Iterable[str], rows: Iterable[Iterable[Any]], bom: bool = True) -> str:
    """A whole CSV file (UTF-8 with a byte-order mark by default), every text cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return (BOM if bom else "") + out.getvalue()
