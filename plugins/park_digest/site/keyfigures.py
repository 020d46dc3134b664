"""A park's key indicators (a table by period, a chart per indicator) and its full list of
figures by story, in one language (the comparison of parks: comparison.py). Pure: figures in, HTML and SVG out; the generator hands them over.

One value per park, indicator and period (figures/compare.py): a figure several stories report
is shown once with every source; figures that disagree are shown side by side and flagged. A
figure with no label, no indicator or no period is in none of these (it stays in its story's
list). Inferred periods and doubtful figures carry their mark everywhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Any, Iterable, Mapping, Optional, Sequence

from ..figures.compare import Cell, Reported, Value, cells, chart_series, latest, period_bounds
from ..figures.indicator_table import INDICATORS
from ..figures.period_display import format_period
from ..model import MONEY_UNITS
from ..stories.cut import cut_text
from .content import fact_park, shown_date, url_of
from .chart import Chart, _number, bar_chart, scale_for, scale_name

_CHANGE = {"zh-Hans": {"yoy": "同比增速", "mom": "环比增速", "vs_period": "增速"},
           "zh-Hant": {"yoy": "同比增速", "mom": "環比增速", "vs_period": "增速"},
           "en": {"yoy": "change year on year", "mom": "change month on month", "vs_period": "change"}}
_WHOLE = {"zh-Hans": {"city": "占全市比重", "province": "占全省比重", "country": "占全国比重",
                      "industry": "占行业比重", "revenue": "占营业收入比重", "gdp": "占地区生产总值比重",
                      "district": "占全区比重", "world": "占全球比重", "firms": "企业覆盖率"},
          "zh-Hant": {"city": "占全市比重", "province": "占全省比重", "country": "占全國比重",
                      "industry": "占行業比重", "revenue": "占營業收入比重", "gdp": "占地區生產總值比重",
                      "district": "占全區比重", "world": "占全球比重", "firms": "企業覆蓋率"},
          "en": {"city": "share of the city's total", "province": "share of the province's total",
                 "country": "share of the national total", "industry": "share of the industry",
                 "revenue": "share of revenue", "gdp": "share of GDP", "district": "share of the district",
                 "world": "share of the world total", "firms": "share of firms"}}
_COUNT_UNIT = {"zh-Hans": "个", "zh-Hant": "個", "en": "number"}


@dataclass(frozen=True)
class FigureRef:
    """One figure of one story, in the page's language, with what the site links to."""
    park: str
    indicator: Optional[str]
    period: Optional[str]
    period_inferred: bool
    value: float
    unit: str
    figure: str  # as printed in the page's language, with the text's hedge
    url: str  # the sentence, relative to the site root
    story_title: str
    story_url: str
    date: str
    labelled: bool = True
    change: Optional[str] = None
    share_of: Optional[str] = None
    value_max: Optional[float] = None
    qualifier: str = "exact"
    doubtful: tuple[str, ...] = ()
    label: str = ""  # what it measures, in the page's language ("" when it has no clean label)
    sentence: str = ""  # the sentence it stands in, in the page's language
    story: str = ""  # the story's slug
    date_inferred: bool = False  # the story's date: inferred from its text, not stated


def figure_refs(articles: Iterable[Any], park: Optional[str] = None) -> list[FigureRef]:
    """The figures of these stories (Pelican articles with their `digest`), in one language;
    with `park`, only that park's (a round-up gives several)."""
    refs = []
    for article in articles:
        meta, url, date = article.digest, url_of(article), shown_date(article)
        for fact in meta.facts:
            owner = fact_park(article, fact)
            if park is not None and owner != park:
                continue
            refs.append(FigureRef(
                owner, fact.indicator, fact.period, fact.period_inferred, fact.value, fact.unit, fact.figure,
                f"{url}#{fact.anchor}", article.title, url, date, fact.labelled and bool(fact.label),
                fact.change, fact.share_of, fact.value_max, fact.qualifier, tuple(fact.doubtful), fact.label,
                fact.sentence, article.slug, meta.date_inferred))
    return refs


def reports(refs: Iterable[FigureRef]) -> list[Reported]:
    """The figures the tables, charts and comparison may show: labelled indicators with a period."""
    return [Reported(r.park, r.indicator, r.period, r.period_inferred, r.value, r.unit, r.change, r.share_of,
                     r.value_max, r.qualifier, bool(r.doubtful), source=r)
            for r in refs if r.labelled and r.indicator and r.period and r.park]


def measure_name(cell: Cell, lang: str) -> str:
    """What a cell measures: the indicator's name, as a change or share when it is one."""
    name = INDICATORS.by_id[cell.indicator].names[lang]
    if cell.change:
        return f"{name}{'' if lang != 'en' else ', '}{_CHANGE[lang][cell.change]}"
    if cell.share_of:
        return f"{name}{'' if lang != 'en' else ', '}{_WHOLE[lang].get(cell.share_of, cell.share_of)}"
    return name


def _order(cell: Cell) -> tuple:
    ids = list(INDICATORS.by_id)
    return (ids.index(cell.indicator), cell.change or "", cell.share_of or "", period_bounds(cell.period))


def period_html(cell_or_period, inferred: bool, lang: str, words: Mapping[str, str]) -> str:
    period = cell_or_period.period if isinstance(cell_or_period, Cell) else cell_or_period
    text = escape(format_period(period, lang))
    if not inferred:
        return f'<span class="period">{text}</span>'
    return (f'<span class="period inferred" title="{escape(words.get("inferred_title", ""))}">{text}'
            f'<sup aria-hidden="true">*</sup><span class="visually-hidden"> ({escape(words.get("inferred_short", ""))})'
            f"</span></span>")


def value_html(value: Value, site_url: str, words: Mapping[str, str]) -> str:
    """The value linked to its first sentence, the other sources as numbered links, a doubt mark."""
    first: FigureRef = value.reports[0].source
    links = [f'<a href="{escape(site_url)}/{escape(first.url)}">{escape(first.figure)}</a>']
    for number, report in enumerate(value.reports[1:], start=2):
        ref: FigureRef = report.source
        links.append(f'<a class="also" href="{escape(site_url)}/{escape(ref.url)}" '
                     f'title="{escape(ref.story_title)}">[{number}]</a>')
    doubt = ""
    if value.doubtful:
        kinds = sorted({k for r in value.reports for k in r.source.doubtful})
        doubt = (f' <span class="doubtful" title="{escape(words.get("doubtful_title", ""))}: {escape(doubt_words(kinds, words))}">'
                 f'{escape(words.get("doubtful", "?"))}</span>')
    return f'<span class="value">{" ".join(links)}{doubt}</span>'


def doubt_words(kinds: Iterable[str], words: Mapping[str, str]) -> str:
    """Why a figure is doubtful, in the page's language (the checks' kinds: figures/checks.py)."""
    return ", ".join(words.get(f"doubt_{kind}", kind) for kind in kinds)


def cell_values_html(cell: Cell, site_url: str, words: Mapping[str, str]) -> str:
    values = " · ".join(value_html(v, site_url, words) for v in cell.values)
    if cell.conflict:
        values += f' <strong class="conflict">{escape(words.get("conflict", ""))}</strong>'
    return values


def key_table_html(park_cells: Sequence[Cell], lang: str, words: Mapping[str, str], site_url: str) -> str:
    """The body rows of a park's key-indicator table: one row per indicator (or its change or
    share) and period, its values linked to their sentences."""
    rows = []
    previous = None
    for cell in sorted(park_cells, key=_order):
        name = measure_name(cell, lang)
        head = escape(name) if name != previous else f'<span class="repeat">{escape(name)}</span>'
        previous = name
        rows.append(f'<tr{" class=conflict" if cell.conflict else ""}><th scope="row">{head}</th>'
                    f"<td>{period_html(cell, cell.inferred, lang, words)}</td>"
                    f'<td class="num">{cell_values_html(cell, site_url, words)}</td></tr>')
    return "\n".join(rows)


def _unit_words(unit: str, values: list[float], lang: str) -> tuple[float, str]:
    if unit in MONEY_UNITS:
        size, word = scale_for(values, lang)
        return size, scale_name(unit, word, lang)
    if unit == "percent":
        return 1.0, "%"
    return 1.0, _COUNT_UNIT.get(lang, "")


def indicator_charts(park_cells: Sequence[Cell], lang: str, words: Mapping[str, str],
                     chart_id: str) -> list[tuple[Chart, str]]:
    """One small bar chart per indicator with two or more comparable periods, on a linear axis
    from zero, the unit in its title; each with the line of sources that goes under it."""
    out = []
    for indicator, series in sorted(chart_series(park_cells).items(), key=lambda kv: list(INDICATORS.by_id).index(kv[0])):
        bars: list[tuple[str, float]] = []
        sources: list[str] = []
        unit = series[0].values[0].unit
        for cell in series:
            period = format_period(cell.period, lang) + ("*" if cell.inferred else "")
            for value in cell.values:
                flag = ""
                if cell.conflict:
                    flag = " " + words.get("conflict_short", "≠")
                if value.doubtful:
                    flag += " " + words.get("doubtful", "?")
                bars.append((period + flag, value.value))
                for report in value.reports:
                    title = report.source.story_title
                    if title not in sources:
                        sources.append(title)
        size, name = _unit_words(unit, [v for _, v in bars], lang)
        indicator_name = INDICATORS.by_id[indicator].names[lang]
        title = f"{indicator_name}（{name}）" if lang != "en" else f"{indicator_name} ({name})"
        ident = f"{chart_id}-{indicator.replace('_', '-')}"
        description = words.get("series_desc", "%s: %s") % (title, "; ".join(
            f"{label} {_number(v / size)}" for label, v in bars))
        svg = bar_chart([label for label, _ in bars], [v / size for _, v in bars], ident, title, description, name)
        source_line = words.get("chart_sources", "%s") % "；".join(sources) if lang != "en" else \
            words.get("chart_sources", "%s") % "; ".join(sources)
        out.append((Chart(unit, name, title, svg), source_line))
    return out


def park_cells(refs: Iterable[FigureRef]) -> list[Cell]:
    return cells(reports(refs))


# ---------------------------------------------------------------- every figure, by story

_EXCERPT = 60  # characters of its sentence an unlabelled figure shows instead of a label
# A number with its hedge and unit (超200个, 23亿元, 39.5%, 1,600): kept on one line in running text.
_NUMBER = re.compile(r"[超近约逾]?\d[\d.,]*(?:%|[余多]?[十百千万亿]*(?:美元|欧元|[元个家项人台次倍年天])?)")


def unbroken_numbers(text: str) -> str:
    """The text escaped, each number and its unit in a span that does not wrap."""
    parts = _NUMBER.split(text)
    numbers = [f'<span class="nb">{escape(m.group(0))}</span>' for m in _NUMBER.finditer(text)]
    return "".join(escape(part) + (numbers[i] if i < len(numbers) else "") for i, part in enumerate(parts))


def story_date_html(ref: FigureRef, words: Mapping[str, str]) -> str:
    """The story's date as its lists show it (_macros.html's date_label): to its precision, an
    inferred one marked, else the words for an unknown date."""
    if not ref.date:
        return f'<span class="muted no-date">{escape(words.get("date_unknown", ""))}</span>'
    mark = (f'<span class="date-inferred" title="{escape(words.get("date_inferred", ""))}">'
            f'{escape(words.get("date_inferred_mark", ""))}</span>') if ref.date_inferred else ""
    return f'<span class="muted"><time datetime="{escape(ref.date)}">{escape(ref.date)}</time>{mark}</span>'


def figure_list_html(refs: Sequence[FigureRef], lang: str, words: Mapping[str, str], site_url: str) -> str:
    """Every figure of a park, grouped by story (newest story first), each story a small table:
    what it measures (or, with no clean label, its sentence), the figure linked to its sentence,
    the period. Rows carry their unit (data-group), so sorting by value never ranks yuan against
    counts."""
    by_story: dict[str, list[FigureRef]] = {}
    for ref in refs:
        by_story.setdefault(ref.story_url, []).append(ref)
    parts = []
    for story_url, items in sorted(by_story.items(), key=lambda kv: (kv[1][0].date, kv[0]), reverse=True):
        first = items[0]
        parts.append(
            f'<section class="story-figures"><h3><a href="{escape(site_url)}/{escape(story_url)}">'
            f'{escape(first.story_title)}</a> {story_date_html(first, words)}</h3>'
            f'<div class="table-scroll"><table class="figures sortable" data-sort-label="{escape(words.get("sort_by", ""))}"><thead><tr>'
            f'<th scope="col" data-sort="text">{escape(words.get("col_label", ""))}</th>'
            f'<th scope="col" data-sort="number" class="num">{escape(words.get("col_figure", ""))}</th>'
            f'<th scope="col" data-sort="text">{escape(words.get("col_period", ""))}</th></tr></thead><tbody>')
        for ref in items:
            if ref.labelled and ref.label:
                what = escape(ref.label)
            else:
                excerpt = cut_text(ref.sentence, _EXCERPT, lang)
                what = f'<q class="context">{unbroken_numbers(excerpt)}</q>'
            doubt = (f' <span class="doubtful" title="{escape(words.get("doubtful_title", ""))}: '
                     f'{escape(doubt_words(ref.doubtful, words))}">{escape(words.get("doubtful", "?"))}</span>'
                     if ref.doubtful else "")
            period = period_html(ref.period, ref.period_inferred, lang, words) if ref.period else ""
            parts.append(
                f'<tr data-group="{escape(ref.unit)}"><td>{what}</td>'
                f'<td class="num" data-value="{ref.value!r}"><a href="{escape(site_url)}/{escape(ref.url)}">'
                f"{escape(ref.figure)}</a>{doubt}</td>"
                f'<td data-value="{escape(period_bounds(ref.period)[1]) if ref.period else ""}">{period}</td></tr>')
        parts.append("</tbody></table></div></section>")
    return "\n".join(parts)
