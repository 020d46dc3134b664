"""One indicator's values over its periods → an inline SVG bar chart, readable without
JavaScript, on a linear axis from zero (a logarithmic one hid a 50-fold difference from readers).

Drawn by hand rather than with a charting library: one horizontal bar per value is a few dozen
SVG elements, and pygal, which drew the park charts before, cost 7.5 ms a chart and shipped 12 KB
of CSS inside every chart. Colours come from classes the site's stylesheet
paints, so the chart follows the reader's light or dark theme; the drawing itself is plain,
deterministic SVG with a <title>/<desc> pair that names it for screen readers, and presentation
attributes that keep it legible where the stylesheet does not reach (a feed reader).
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from html import escape

# Chinese counts money in 万 and 亿; English in millions and billions.
SCALES = {
    "zh": ((1e8, "亿"), (1e4, "万"), (1, "")),
    "zh-Hant": ((1e8, "億"), (1e4, "萬"), (1, "")),
    "en": ((1e9, "billion"), (1e6, "million"), (1, "")),
}
CURRENCY_NAMES = {
    "zh": {"CNY": "元", "USD": "美元", "EUR": "欧元"},
    "zh-Hant": {"CNY": "元", "USD": "美元", "EUR": "歐元"},
    "en": {"CNY": "CNY", "USD": "US$", "EUR": "EUR"},
}
# Geometry, in SVG units at a font size of 14.
WIDTH, FONT_SIZE, ROW, BAR = 720, 14, 28, 18
LABEL_ROOM = 230  # the bar labels' column
VALUE_ROOM = 64  # right of the longest bar, for its value
TOP, BOTTOM = 8, 52  # above the bars; below them, the tick labels and the axis title
PLOT_LEFT, PLOT_RIGHT = LABEL_ROOM + 8, WIDTH - VALUE_ROOM
# Approximate advance of a glyph: CJK characters are square, Latin ones about half as wide.
WIDE, NARROW = FONT_SIZE, FONT_SIZE * 0.62


@dataclass(frozen=True)
class Chart:
    unit: str  # CNY | USD | EUR | count | percent …
    scale_name: str  # e.g. "亿元", "CNY billion", "number": what the drawn numbers count
    title: str
    svg: str


def script_of(lang: str) -> str:
    """en, zh (Simplified) or zh-Hant: the words a chart is written in."""
    return "en" if lang == "en" else "zh-Hant" if lang.lower() == "zh-hant" else "zh"


def scale_for(values: list[float], lang: str) -> tuple[float, str]:
    """The largest scale in which the biggest value is at least 1."""
    family = SCALES[script_of(lang)]
    top = max(values, default=0)
    return next(((size, word) for size, word in family if top >= size), family[-1])


def scale_name(unit: str, word: str, lang: str) -> str:
    if lang == "en":
        return f"{CURRENCY_NAMES['en'][unit]} {word}".strip()
    return word + CURRENCY_NAMES[script_of(lang)][unit]


def _number(value: float) -> str:
    """1,000 · 85.3 · 2.6 · 0.05 · 0.0012: whole numbers with separators, else 3 significant digits."""
    if value == 0:
        return "0"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value >= 1e-4 else f"{value:.1e}"


def text_width(text: str) -> float:
    return sum(WIDE if unicodedata.east_asian_width(c) in "WF" else NARROW for c in text)


def shorten(label: str, room: float) -> str:
    """The label, cut with an ellipsis to fit `room` units: a Latin word is never cut in two
    (the cut falls back to the space before it), since "Industr…" reads as a misprint."""
    if text_width(label) <= room:
        return label
    room -= NARROW  # the ellipsis
    used = 0.0
    for end, char in enumerate(label):
        used += text_width(char)
        if used > room:
            break
    head = label[:end]
    if char.isascii() and char.isalnum() and head[-1:].isascii() and head[-1:].isalnum():
        space = head.rfind(" ")
        head = head[:space] if space > 0 else head
    return head.rstrip(" ,;:-–(") + "…"


def linear_ticks(top: float) -> list[float]:
    """0 and four to seven round steps (1, 2, 2.5 or 5 × 10ⁿ) reaching past `top`."""
    if top <= 0:
        return [0.0, 1.0]
    magnitude = 10.0 ** math.floor(math.log10(top / 5))
    step = next(magnitude * m for m in (1, 2, 2.5, 5, 10) if top / (magnitude * m) <= 7)
    count = math.ceil(top / step - 1e-9)
    return [round(step * i, 12) for i in range(count + 1)]


def _scale(ticks: list[float]):
    """value → x coordinate on the plot."""
    low, high = ticks[0], ticks[-1]
    return lambda v: PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * max(0.0, v - low) / (high - low)


def draw_bars(labels: list[str], values: list[float], axis_title: str) -> list[str]:
    """The chart's SVG elements: guides with their tick labels, one row per bar (label, bar,
    value; the full label as a tooltip), the axis line and its title."""
    ticks = linear_ticks(max(values, default=0))
    x_of = _scale(ticks)
    bottom = TOP + ROW * len(values)
    parts = ['<g class="guides" stroke="#d5d9d4">']
    for tick in ticks:
        x = f"{x_of(tick):.1f}"
        parts.append(f'<line x1="{x}" y1="{TOP}" x2="{x}" y2="{bottom}"/>')
    parts.append('</g><g class="ticks" text-anchor="middle">')
    parts += [f'<text x="{x_of(tick):.1f}" y="{bottom + 18}">{_number(tick)}</text>' for tick in ticks]
    parts.append("</g>")
    for row, (label, value) in enumerate(zip(labels, values)):
        y = TOP + ROW * row
        middle = y + ROW / 2 + FONT_SIZE * 0.35  # the text's baseline, centred on the bar
        end = x_of(value)
        parts.append(
            f'<g class="row"><title>{escape(label)}: {_number(value)}</title>'
            f'<text x="{LABEL_ROOM}" y="{middle:.1f}" text-anchor="end">{escape(shorten(label, LABEL_ROOM))}</text>'
            f'<rect class="bar" fill="#0b5f8a" x="{PLOT_LEFT}" y="{y + (ROW - BAR) / 2:.1f}" width="{end - PLOT_LEFT:.1f}" height="{BAR}"/>'
            f'<text class="value" x="{end + 5:.1f}" y="{middle:.1f}">{_number(value)}</text></g>')
    parts.append(f'<line class="axis" stroke="#545b64" x1="{PLOT_LEFT}" y1="{TOP}" x2="{PLOT_LEFT}" y2="{bottom}"/>')
    parts.append(f'<text class="axis-title" x="{(PLOT_LEFT + PLOT_RIGHT) / 2:.0f}" y="{bottom + 44}" '
                 f'text-anchor="middle">{escape(axis_title)}</text>')
    return parts


def bar_chart(labels: list[str], values: list[float], chart_id: str, title: str, description: str,
              axis_title: str) -> str:
    """The whole SVG: `values` already in the unit `axis_title` names; `chart_id` makes the ids
    of its title and description, which name it for screen readers."""
    height = TOP + ROW * len(values) + BOTTOM
    body = draw_bars(labels, values, axis_title)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="series-chart" viewBox="0 0 {WIDTH} {height}" '
            f'font-size="{FONT_SIZE}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">'
            f'<title id="{chart_id}-title">{escape(title)}</title>'
            f'<desc id="{chart_id}-desc">{escape(description)}</desc>{"".join(body)}</svg>')
