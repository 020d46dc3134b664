"""The open dataset's description: the columns of every figure (data/facts.csv, UTF-8 with a
byte-order mark so Excel opens Chinese intact, and data/facts.json; written by tables.py), the
indicators they map to (data/indicators.csv), and a Frictionless Data `datapackage.json` that
describes every field, unit and id (https://specs.frictionlessdata.io/data-package/)."""
from __future__ import annotations

import json
from typing import Mapping

from ..figures.indicator_table import INDICATORS
from ..model import QUALIFIERS, UNITS
from .spreadsheet import csv_text

UNIT_NOTE = ("CNY: yuan; USD: US dollars; EUR: euros; percent: 39.5 means 39.5%; count: a number "
             "of things (firms, projects, people); sqm: square meters; mu: 亩 (666.7 m²); kV, kW, GW; "
             "year, month, day, hour, minute, second: durations; other: a fraction (0.1 for 1/10) or "
             "a measure named in measure_word")
PERIOD_NOTE = ("2025 (a year), 2025-01/2025-08 (months), 2025-H1, 2025-Q3, ≤2025-12 (a stock at "
               "that month), 2021/2025 (years), target:2027 (a goal, not a result); empty for a "
               "figure that measures no period (a duration, one project's investment)")
BOOLEAN = {"type": "boolean", "trueValues": ["yes"], "falseValues": ["no"]}

# (name, type and constraints, description) of every column of figures.csv, in order.
FIGURE_FIELDS: tuple[tuple[str, dict, str], ...] = (
    ("id", {"type": "string"}, "the figure: story slug and its place among the story's figures"),
    ("park", {"type": "string"}, "slug of the park the figure belongs to (its page: parks/<slug>.html)"),
    ("park_zh", {"type": "string"}, "the park's Chinese name"),
    ("park_en", {"type": "string"}, "the park's English name"),
    ("story", {"type": "string"}, "slug of the story that reports the figure"),
    ("title", {"type": "string"}, "the story's headline (Chinese)"),
    ("date", {"type": "string", "constraints": {"pattern": r"\d{4}(-\d{2}(-\d{2})?)?"}},
     "the story's date to the precision the page gives it (2025-09-18, 2025-09 or 2025), empty when unknown"),
    ("date_inferred", BOOLEAN, "yes when the date was inferred from the text, not printed"),
    ("sentence", {"type": "string"}, "the sentence the figure stands in (Chinese)"),
    ("figure", {"type": "string"}, "the figure as printed, with the text's own hedge (超200个, 近1/10)"),
    ("figure_en", {"type": "string"}, "the figure in English (over 200, nearly 1/10)"),
    ("value", {"type": "number"}, "the figure's value in `unit` (886000000 for 8.86亿美元)"),
    ("value_max", {"type": "number"}, "the upper end of a range (10至20亿元), else empty"),
    ("unit", {"type": "string", "constraints": {"enum": list(UNITS)}}, UNIT_NOTE),
    ("qualifier", {"type": "string", "constraints": {"enum": list(QUALIFIERS)}},
     "exact, over (超, 以上), approx (约, 近, 余, 多), under (不到, 最高)"),
    ("label_zh", {"type": "string"}, "what the figure measures, Simplified Chinese; empty when no clean label"),
    ("label_zh_hant", {"type": "string"}, "the same in Traditional Chinese"),
    ("label_en", {"type": "string"}, "the same in English"),
    ("labelled", BOOLEAN, "no when the figure has no label that names what it measures; such a figure "
                          "is in no fact box, chart or comparison"),
    ("indicator", {"type": "string"}, "the park indicator the figure is (an id of indicators.csv), else empty"),
    ("change", {"type": "string", "constraints": {"enum": ["yoy", "mom", "vs_period"]}},
     "the figure is a change of its indicator: yoy (year on year), mom (month on month), vs_period "
     "(against another named period)"),
    ("change_of", {"type": "string"}, "the id of the figure whose change this is, when the text gives it"),
    ("share_of", {"type": "string"}, "the figure is a share of a whole: city, province, country, industry, "
                                     "revenue, gdp, district, world, firms"),
    ("period", {"type": "string"}, PERIOD_NOTE),
    ("period_inferred", BOOLEAN, "yes when the period comes from the publication date, not the text"),
    ("in_box", BOOLEAN, "yes when the story's fact box shows the figure"),
    ("doubtful", {"type": "string"}, "why the figure is doubtful (the sanity checks' kinds, ; separated), else empty"),
    ("conflict", BOOLEAN, "yes when another story gives a different value for the same park, indicator "
                          "and period"),
    ("url", {"type": "string"}, "the figure's sentence on the site (absolute when the site's address is set)"),
)
FIGURE_COLUMNS = tuple(name for name, _, _ in FIGURE_FIELDS)
INDICATOR_COLUMNS = ("id", "unit", "name_zh", "name_zh_hant", "name_en", "source")


def indicators_rows() -> list[list[str]]:
    return [[ind.id, ind.unit, ind.names["zh-Hans"], ind.names["zh-Hant"], ind.names["en"], ind.source]
            for ind in INDICATORS.by_id.values()]


def indicators_csv() -> str:
    return csv_text(INDICATOR_COLUMNS, indicators_rows())


def datapackage(base_url: str, paths: Mapping[str, str], site_name: str = "Park Digest") -> str:
    """The descriptor: `paths` names the figures' CSV and JSON and the indicators' CSV (relative
    to the descriptor, or absolute URLs when the site's address is known)."""
    figure_fields = [{"name": name, **kind, "description": note} for name, kind, note in FIGURE_FIELDS]
    package = {
        "profile": "data-package",
        "name": "park-digest-figures",
        "title": f"{site_name}: every figure of every story",
        "description": ("Figures reported by Chinese news about high-tech parks and new areas, each with "
                        "its park, indicator, period, unit, labels in three languages and a link to its "
                        "sentence. A figure reported by several stories appears once per story; `conflict` "
                        "marks a park, indicator and period whose stories disagree."),
        "homepage": base_url or None,
        "licenses": [],
        "resources": [
            {"name": "figures", "path": paths["figures_csv"], "profile": "tabular-data-resource",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "dialect": {"delimiter": ",", "header": True},
             "schema": {"fields": figure_fields, "primaryKey": ["id"], "missingValues": [""],
                        "foreignKeys": [{"fields": "indicator",
                                         "reference": {"resource": "indicators", "fields": "id"}}]}},
            {"name": "figures-json", "path": paths["figures_json"], "format": "json",
             "mediatype": "application/json", "encoding": "utf-8",
             "description": "the same figures as JSON: {\"columns\": […], \"facts\": [{column: value}, …]}"},
            {"name": "indicators", "path": paths["indicators_csv"], "profile": "tabular-data-resource",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "schema": {"fields": [
                 {"name": "id", "type": "string", "description": "the indicator's stable id"},
                 {"name": "unit", "type": "string", "constraints": {"enum": ["money", "count"]},
                  "description": "money (CNY, USD or EUR) or count"},
                 {"name": "name_zh", "type": "string", "description": "name, Simplified Chinese"},
                 {"name": "name_zh_hant", "type": "string", "description": "name, Traditional Chinese"},
                 {"name": "name_en", "type": "string", "description": "name, English"},
                 {"name": "source", "type": "string", "description": "where the name and its terms were checked"},
             ], "primaryKey": ["id"], "missingValues": [""]}},
        ],
    }
    if not base_url:
        del package["homepage"]
    if not package["licenses"]:
        del package["licenses"]
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
