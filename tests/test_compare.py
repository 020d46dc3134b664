"""One value per park, indicator and period: repeats merge, disagreements stay side by side."""
from park_digest.figures.compare import Reported, cells, chart_series, latest, period_bounds, period_kind


def report(value, period="2025", park="a", indicator="operating_revenue", unit="CNY", source="s1", **kw):
    return Reported(park, indicator, period, kw.pop("period_inferred", False), value, unit, source=source, **kw)


def test_the_same_figure_from_several_stories_is_one_value_with_all_sources():
    grid = cells([report(1.02e9, source="s1"), report(1.02e9, source="s2"), report(1.0200001e9, source="s3")])
    assert len(grid) == 1 and not grid[0].conflict
    assert [r.source for r in grid[0].values[0].reports] == ["s1", "s2", "s3"]


def test_figures_that_disagree_are_kept_side_by_side_never_added_or_chosen():
    grid = cells([report(1.02e9, source="s1"), report(9.8e8, source="s2"), report(1.02e9, source="s3")])
    (cell,) = grid
    assert cell.conflict and [v.value for v in cell.values] == [1.02e9, 9.8e8]
    assert [len(v.reports) for v in cell.values] == [2, 1]


def test_changes_shares_parks_and_periods_are_cells_of_their_own():
    grid = cells([report(1.02e9), report(39.5, unit="percent", change="yoy"),
                  report(10, unit="percent", share_of="city"), report(1.02e9, park="b"),
                  report(1.5e9, period="2024")])
    assert len(grid) == 5 and not any(c.conflict for c in grid)
    assert [c.level for c in grid] == [True, False, False, True, True]


def test_a_stated_period_wins_over_an_inferred_one_for_the_same_value():
    (cell,) = cells([report(5, period_inferred=True), report(5)])
    assert not cell.inferred
    (cell,) = cells([report(5, period_inferred=True)])
    assert cell.inferred


def test_periods_order_and_kinds():
    assert period_bounds("2025-01/2025-08") == ("2025-01", "2025-08")
    assert period_bounds("≤2025-12") == ("2025-12", "2025-12") and period_bounds("2025-H1") == ("2025-01", "2025-06")
    assert period_bounds("2025-Q3") == ("2025-07", "2025-09") and period_bounds("2021/2025") == ("2021-01", "2025-12")
    assert period_kind("2024-01/2024-08") == period_kind("2025-01/2025-08") != period_kind("2025-01/2025-06")
    assert period_kind("target:2027") == "target" and period_kind("≤2024-01") == "stock"


def test_a_chart_sets_only_comparable_periods_side_by_side():
    grid = cells([report(8e8, period="2024-01/2024-08"), report(1.02e9, period="2025-01/2025-08"),
                  report(1.6e9, period="2024"), report(3e9, period="target:2027"),
                  report(628, indicator="hightech_enterprises", unit="count", period="≤2025-12"),
                  report(15, indicator="little_giants", unit="count", period="≤2024-12"),
                  report(21, indicator="little_giants", unit="count", period="≤2025-12"),
                  report(39.5, unit="percent", change="yoy", period="2025-01/2025-08")])
    series = chart_series(grid)
    assert [c.period for c in series["operating_revenue"]] == ["2024-01/2024-08", "2025-01/2025-08"]
    assert [c.period for c in series["little_giants"]] == ["≤2024-12", "≤2025-12"]
    assert "hightech_enterprises" not in series  # one period: a table row, not a chart


def test_latest_value_per_indicator_is_never_a_target():
    grid = cells([report(1.6e9, period="2024"), report(1.02e9, period="2025-01/2025-08"),
                  report(3e9, period="target:2027"), report(39.5, unit="percent", change="yoy", period="2025-01/2025-08")])
    assert latest(grid)["operating_revenue"].period == "2025-01/2025-08"
