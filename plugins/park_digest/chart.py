"""A park's money figures → an inline SVG bar chart (pygal), readable without JavaScript.

pygal draws the chart with real <text>; we then make its output fit a static, deterministic,
accessible page: no scripts (its tooltips need JS and a CDN), no build-date comment, a stable
id instead of a random UUID, and a <title>/<desc> pair that names the chart for screen readers.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape

import pygal
from pygal.style import Style

from .model import MONEY_UNITS

FONT = ('system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", '
        '"Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif')
STYLE = Style(background="#ffffff", plot_background="#ffffff", foreground="#1c1f23",
              foreground_strong="#1c1f23", foreground_subtle="#545b64", colors=("#0b5f8a",),
              font_family=FONT, label_font_size=13, major_label_font_size=13, value_font_size=13,
              title_font_size=15, opacity="0.85", opacity_hover="0.95", transition="0ms")

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
_RECT_WITHOUT_WIDTH = re.compile(r"<rect\b(?![^>]*\bwidth=)")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True)
class Bar:
    label: str  # what the figure counts, with its date
    value: float  # in the currency's base unit (yuan, dollars, euros)


@dataclass(frozen=True)
class Chart:
    unit: str  # CNY | USD | EUR
    scale_name: str  # e.g. "亿元", "CNY billion": what the drawn numbers count
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


# Label room in characters: CJK characters are about twice as wide as Latin ones.
LABEL_CHARS = {"zh": 13, "en": 26}
# Beyond this spread of values a linear axis leaves most bars invisible.
LOG_SPREAD = 100


def _number(value: float) -> str:
    """1,000 · 85.3 · 2.6 · 0.05 · 0.0012: whole numbers with separators, else 3 significant digits."""
    if value == 0:
        return "0"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value >= 1e-4 else f"{value:.1e}"


def shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def powers_of_ten(values: list[float]) -> list[float]:
    """Axis ticks for a logarithmic chart: pygal's own crowd into each other."""
    positive = [v for v in values if v > 0]
    low, high = math.floor(math.log10(min(positive))), math.ceil(math.log10(max(positive)))
    return [10.0 ** k for k in range(low, high + 1)]


def logarithmic(values: list[float]) -> bool:
    positive = [v for v in values if v > 0]
    return bool(positive) and max(positive) / min(positive) >= LOG_SPREAD


def money_chart(bars: list[Bar], unit: str, lang: str, chart_id: str, title: str,
                describe: str, log_note: str = "") -> Chart:
    """`title` and `describe` are format strings: title takes the scale name ("亿元"), describe
    takes (count, largest, scale name); `log_note` is appended when the axis is logarithmic."""
    size, word = scale_for([b.value for b in bars], lang)
    name = scale_name(unit, word, lang)
    log = logarithmic([b.value for b in bars])
    scaled = [b.value / size for b in bars]
    family = "en" if lang == "en" else "zh"
    chart = pygal.HorizontalBar(
        style=STYLE, js=[], disable_xml_declaration=True, explicit_size=False, show_legend=False,
        print_values=True, print_values_position="top", width=900, height=80 + 30 * len(bars),
        value_formatter=_number, truncate_label=-1, margin=10, spacing=8,
        # pygal sizes the label column for Latin glyphs; Chinese ones are about twice as wide.
        margin_left=LABEL_CHARS[family] * (14 if family == "zh" else 7) + 10,
        logarithmic=log, show_y_guides=False, show_x_guides=True,
        y_labels=powers_of_ten(scaled) if log else None,
        x_title=f"{name}{log_note if log else ''}")
    chart.x_labels = [shorten(b.label, LABEL_CHARS[family]) for b in bars]
    chart.add(name, scaled)
    largest = max(bars, key=lambda b: b.value)
    description = describe % (len(bars), f"{_number(largest.value / size)} {name} ({largest.label})", name)
    if log:
        description += log_note
    title = title % name
    return Chart(unit, name, title, accessible_svg(chart.render(is_unicode=True), chart_id, title, description))


def accessible_svg(svg: str, chart_id: str, title: str, description: str) -> str:
    svg = re.sub(r"<script\b.*?</script>", "", svg, flags=re.S)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = _UUID.sub(chart_id, svg)
    # pygal leaves out the width of a zero-length bar; SVG in HTML requires it (Nu HTML Checker).
    svg = _RECT_WITHOUT_WIDTH.sub(r'\g<0> width="0"', svg)
    head = (f'<title id="{chart_id}-title">{escape(title)}</title>'
            f'<desc id="{chart_id}-desc">{escape(description)}</desc>')
    return re.sub(r"<svg\b([^>]*)>",
                  lambda m: f'<svg{m.group(1)} role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">{head}',
                  svg, count=1)
