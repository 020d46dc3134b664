"""A park page's full list of figures (keyfigures.figure_list_html): grouped by story, escaped,
linked to the sentences, sortable within one unit, a figure with no label shown by its sentence."""
from datetime import datetime
from types import SimpleNamespace

from bs4 import BeautifulSoup

from park_digest.site.keyfigures import figure_list_html, figure_refs
from park_digest.site.tables import figure_count
from park_digest.stories.markdown import FactEntry, StoryMeta

WORDS = {"col_label": "Indicator", "col_figure": "Figure", "col_period": "Period", "sort_by": "Sort",
         "doubtful": "doubtful", "doubtful_title": "flagged", "inferred_title": "inferred", "inferred_short": "inferred"}


def story(slug: str, title: str, day: int, facts) -> SimpleNamespace:
    """An English story as Pelican reads it, with its figures."""
    return SimpleNamespace(slug=slug, title=title, lang="en", url=f"en/stories/{slug}.html",
                           date=datetime(2026, 1, day), digest=StoryMeta(park="qingdao", date_precision="day",
                                                                          facts=tuple(facts)))


LOAN = FactEntry(label="Loans & <more>", figure="CNY 5 <billion>", value=5e9, unit="CNY", anchor="p2s0", box=True,
                 indicator="credit", period="2025", period_inferred=True)
FIRMS = FactEntry(label="High-tech enterprises", figure="628", value=628, unit="count", anchor="p3",
                  indicator="hightech_enterprises", period="≤2025-10", doubtful=("implausible",))
SCAN = FactEntry(label="", figure="8 seconds", value=8, unit="second", anchor="p4", labelled=False,
                 sentence="The scanner reads <a> part in 8 seconds, faster than any before it.")


def test_figures_are_grouped_by_story_newest_first_escaped_and_linked():
    stories = [story("a", 'Loans <b>& "grants"</b>', 5, [LOAN, SCAN]), story("b", "Firms", 9, [FIRMS]),
               story("c", "Elsewhere", 7, [FactEntry(label="X", figure="1", value=1, unit="count", anchor="p0",
                                                      park="xian")])]
    html = figure_list_html(figure_refs(stories, "qingdao"), "en", WORDS, "https://example.org/site")
    doc = BeautifulSoup(html, "html.parser")
    sections = doc.select("section.story-figures")
    assert [s.h3.a.get_text() for s in sections] == ["Firms", 'Loans <b>& "grants"</b>']  # not the other park's
    assert sections[1].h3.a["href"] == "https://example.org/site/en/stories/a.html"
    loan, scan = sections[1].select("tbody tr")
    cells = [td.get_text() for td in loan.select("td")]
    assert cells[:2] == ["Loans & <more>", "CNY 5 <billion>"] and cells[2].startswith("2025")
    assert loan.select_one("td.num a")["href"] == "https://example.org/site/en/stories/a.html#p2s0"
    assert loan["data-group"] == "CNY" and loan.select_one("td.num")["data-value"] == "5000000000.0"
    assert loan.select_one(".period.inferred")  # the period comes from the publication date
    # no label: its sentence, cut as teasers are (at a clause, never inside a word)
    assert scan.select_one("q.context").get_text() == "The scanner reads <a> part in 8 seconds…"
    assert sections[0].select_one(".doubtful")  # a flagged figure carries its flag
    assert "<b>" not in html and "<more>" not in html and "<a> part" not in html


def test_a_park_s_figure_count_is_its_list_s_length_without_the_list():
    stories = [story("a", "A", 1, [LOAN]), story("b", "B", 2, [LOAN, FIRMS, SCAN]), story("c", "C", 3, [])]
    assert figure_count(stories, "qingdao") == len(figure_refs(stories, "qingdao")) == 4
