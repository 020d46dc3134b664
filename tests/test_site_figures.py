"""Issue 22 on the built site: key indicators on every park page that has any, one chart per
indicator on a linear axis, the fact box with its periods and changes, a compare page per
language linked from the parks index, and an open dataset that frictionless finds valid."""
from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from frictionless import validate

from site_checks import soup

PREFIXES = {"zh-Hans": "", "zh-Hant": "zh-hant/", "en": "en/"}
SVG = "{http://www.w3.org/2000/svg}"


def figures(site) -> list[dict]:
    return list(csv.DictReader((site / "data" / "facts.csv").open(encoding="utf-8-sig")))


def test_every_park_with_indicator_figures_leads_with_key_indicators(built_site):
    rows = figures(built_site)
    keyed = defaultdict(set)
    for row in rows:
        if row["indicator"] and row["period"] and row["labelled"] == "yes":
            keyed[row["park"]].add((row["indicator"], row["period"], row["change"], row["share_of"]))
    assert len(keyed) >= 3
    for park, cells in keyed.items():
        for lang, prefix in PREFIXES.items():
            doc = soup(built_site / f"{prefix}parks/{park}.html")
            table = doc.select_one(".key-indicators table.keyind")
            assert table, (park, lang)
            # One row per indicator, period, change and share: repeats merged, never added up.
            assert len(table.select("tbody tr")) == len(cells), (park, lang)
            for link in table.select("td.num a"):
                assert re.search(r"stories/.+\.html#(p\d+(s\d+)?|title)$", link["href"]), link["href"]
            # The key indicators come before the stories and the full list.
            text = str(doc)
            assert text.index('id="key"') < text.index('id="stories"') < text.index('id="figures"')
    inferred = [row for row in rows if row["period_inferred"] == "yes" and row["indicator"] and row["labelled"] == "yes"]
    if inferred:
        doc = soup(built_site / f"en/parks/{inferred[0]['park']}.html")
        assert doc.select(".keyind .period.inferred")


def test_charts_draw_one_indicator_on_a_linear_axis_with_unit_and_sources(built_site):
    charts = 0
    for page in sorted((built_site / "en" / "parks").glob("*.html")):
        doc = soup(page)
        for figure in doc.select("figure.chart"):
            charts += 1
            svg = ET.fromstring(str(figure.select_one("svg")))
            title = svg.find(f"{SVG}title").text
            assert re.search(r"\((CNY|US\$|EUR)[^)]*\)$|\(number\)$|\(%\)$", title), title
            axis = next(g for g in svg.iter(f"{SVG}g") if g.get("class") == "ticks")
            ticks = [float(t.text.replace(",", "")) for t in axis.iter(f"{SVG}text")]
            assert ticks[0] == 0 and len(ticks) >= 2  # from zero
            steps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:])}
            assert len(steps) == 1, ticks  # evenly spaced: linear, never logarithmic
            assert figure.figcaption.get_text().count("Sources:") == 1
    assert charts >= 1


def test_the_fact_box_shows_period_hedge_and_change_beside_its_level(built_site):
    rows = figures(built_site)
    boxed = defaultdict(list)
    for row in rows:
        if row["in_box"] == "yes":
            boxed[row["url"].split("#")[0]].append(row)
    besides = 0
    for path, items in boxed.items():
        doc = soup(built_site / path)
        entries = doc.select("aside.facts dl > div")
        assert len(entries) == len(items), path
        assert len(doc.select("aside.facts .period")) == sum(bool(r["period"]) for r in items), path
        besides += len(doc.select("aside.facts .beside"))
        for entry, row in zip(entries, items):
            assert entry.dd.a.get_text() == row["figure"]  # as printed: 超200个, 近1/10
    assert besides >= 1  # a change printed beside its level (同比增长39.5%)
    english = [p for p in (built_site / "en" / "stories").glob("*.html")]
    text = " ".join(soup(p).select_one("aside.facts").get_text(" ") for p in english if soup(p).select_one("aside.facts"))
    assert re.search(r"(up|down) [\d.]+% (year on year|month on month)", text)
    assert re.search(r"\b(over|nearly|more than|about) ", text)


def test_a_compare_page_per_language_linked_from_the_parks_index(built_site):
    rows = figures(built_site)
    parks_with = defaultdict(set)
    for row in rows:
        if row["indicator"] and row["period"] and row["labelled"] == "yes" and not row["change"] \
                and not row["share_of"] and not row["period"].startswith("target"):
            parks_with[row["indicator"]].add(row["park"])
    for lang, prefix in PREFIXES.items():
        index = soup(built_site / f"{prefix}parks/index.html")
        assert index.select_one('a[href$="parks/compare.html"]'), lang
        doc = soup(built_site / f"{prefix}parks/compare.html")
        assert doc.html["lang"] == lang
        sections = doc.select("main section[id]")
        assert {s["id"].replace("-", "_") for s in sections} == set(parks_with)
        for section in sections:
            parks = [a["href"].rsplit("/", 1)[-1][:-5] for a in section.select("tbody th a")]
            assert sorted(parks) == sorted(parks_with[section["id"].replace("-", "_")])  # one row per park
            assert section.select_one("table.sortable")
            for cell in section.select("tbody td.num"):
                float(cell["data-value"])
                assert cell.a and "stories/" in cell.a["href"]


def test_open_data_is_a_valid_data_package(built_site):
    report = validate(built_site / "data" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert (built_site / "data" / "facts.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    package = json.loads((built_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == ["facts.csv", "facts.json", "indicators.csv"]
    for row in figures(built_site):
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value

