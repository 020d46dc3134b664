"""The open dataset: CSV with a BOM and no formula, JSON, indicators, and a datapackage.json that
the frictionless package finds valid, every field described."""
import csv
import io
import json
from datetime import datetime
from types import SimpleNamespace

from frictionless import Package, validate

from park_digest.figures.indicator_table import INDICATORS
from park_digest.site.opendata import FIGURE_COLUMNS, datapackage, indicators_csv
from park_digest.site.tables import figure_rows, rows_csv, rows_json
from park_digest.stories.markdown import FactEntry, StoryMeta

REVENUE = dict(label="营业收入", unit="CNY", indicator="operating_revenue", period="2025-01/2025-08", box=True)


def story(slug, facts, lang="zh-Hans", title="=青岛高新区营收增长", date_precision="day"):
    return SimpleNamespace(
        slug=slug, title=title, lang=lang, url=f"{lang}/stories/{slug}.html", date=datetime(2025, 9, 18),
        digest=StoryMeta(park="qingdao", park_zh="青岛高新区", park_en="Qingdao Hi-Tech Zone",
                         date_precision=date_precision, facts=tuple(facts)))


def fact(value, figure, **kw):
    return FactEntry(**{**REVENUE, "figure": figure, "anchor": "p0s0", "value": value,
                        "sentence": f"2025年前8个月，实现营业收入{figure}。", **kw})


def sample_rows(base="https://example.org/"):
    stories = [story("s1", [fact(1.02e9, "102亿元"),
                            fact(39.5, "39.5%", unit="percent", change="yoy", change_of=0, label="营业收入增速")]),
               story("s2", [fact(1.02e9, "10.2亿元")]),
               story("s3", [fact(9.8e8, "9.8亿元", doubtful=("implausible",))], date_precision="month"),
               story("s4", [fact(200, "200余家", unit="count", indicator=None, period=None, label="",
                                 labelled=False, value_max=250.0, box=False)])]
    english = {s.slug: story(s.slug, [replace_label(f) for f in s.digest.facts], lang="en") for s in stories}
    hant = {s.slug: story(s.slug, [FactEntry(**{**f.__dict__, "label": f.label.replace("营业", "營業")})
                                    for f in s.digest.facts], lang="zh-Hant") for s in stories}
    return figure_rows(stories, english, base, hant)


def replace_label(f):
    return FactEntry(**{**f.__dict__, "label": "Operating revenue" if f.label else "", "figure": "CNY 1 billion"})


def write_package(folder, rows):
    (folder / "facts.csv").write_text(rows_csv(rows), encoding="utf-8")
    (folder / "facts.json").write_text(rows_json(rows), encoding="utf-8")
    (folder / "indicators.csv").write_text(indicators_csv(), encoding="utf-8")
    (folder / "datapackage.json").write_text(datapackage("", {
        "figures_csv": "facts.csv", "figures_json": "facts.json", "indicators_csv": "indicators.csv"}),
        encoding="utf-8")


def test_the_package_is_valid_and_describes_every_field(tmp_path):
    write_package(tmp_path, sample_rows())
    report = validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(tmp_path / "datapackage.json")
    fields = package.get_resource("figures").schema.fields
    assert [f.name for f in fields] == list(FIGURE_COLUMNS)
    assert all(f.description for f in fields)
    read = package.get_resource("figures").read_rows()
    # 102亿元 and 10.2亿元 are one value; 9.8亿元 for the same park, indicator and period disagrees.
    assert [r["conflict"] for r in read] == [True, False, True, True, False]
    assert read[0]["title"] == "'=青岛高新区营收增长"  # no formula
    assert read[0]["label_zh_hant"] == "營業收入" and read[0]["label_en"] == "Operating revenue"
    assert read[1]["change"] == "yoy" and read[1]["change_of"] == "s1#0"
    assert read[3]["doubtful"] == "implausible" and read[3]["date"] == "2025-09"
    assert read[4]["labelled"] is False and read[4]["label_zh"] is None and read[4]["value_max"] == 250
    ids = {r["id"] for r in package.get_resource("indicators").read_rows()}
    assert ids == set(INDICATORS.by_id)


def test_an_unknown_indicator_or_unit_is_invalid(tmp_path):
    """The descriptor constrains what it describes: the validation is no formality."""
    rows = sample_rows()
    rows[0] = rows[0].__class__(**{**rows[0].__dict__, "indicator": "made_up", "unit": "parsecs"})
    write_package(tmp_path, rows)
    report = validate(tmp_path / "datapackage.json")
    assert not report.valid
    kinds = {error.type for task in report.tasks for error in task.errors}
    assert {"constraint-error", "foreign-key"} <= kinds, kinds


def test_csv_opens_in_excel_as_utf8_and_json_has_every_column():
    rows = sample_rows()
    text = rows_csv(rows)
    assert text.startswith("\ufeff")
    assert next(csv.reader(io.StringIO(text[1:]))) == list(FIGURE_COLUMNS)
    data = json.loads(rows_json(rows))
    assert data["columns"] == list(FIGURE_COLUMNS) and data["facts"][0]["value"] == 1020000000
    assert data["facts"][0]["labelled"] is True and data["facts"][0]["url"].startswith("https://example.org/")


def test_absolute_links_when_the_site_has_an_address():
    package = json.loads(datapackage("https://example.org/digest", {
        "figures_csv": "https://example.org/digest/data/facts.csv",
        "figures_json": "https://example.org/digest/data/facts.json",
        "indicators_csv": "https://example.org/digest/data/indicators.csv"}))
    assert package["homepage"] == "https://example.org/digest"
    assert all(r["path"].startswith("https://example.org/digest/data/") for r in package["resources"])
