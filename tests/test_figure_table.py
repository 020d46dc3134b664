"""A park page's figure table rows (figures.table_rows, table_html): escaped, linked, and the
title's language marked where it is not the page's."""
from datetime import datetime
from types import SimpleNamespace

from bs4 import BeautifulSoup

from park_digest.site.tables import figure_count, table_html, table_rows
from park_digest.stories.markdown import FactEntry, StoryMeta


def story(slug: str, title: str, title_lang: str, facts: int = 1) -> SimpleNamespace:
    """An English story as Pelican reads it, with its figures."""
    fact = FactEntry(label="Loans & <more>", figure="5 <billion>", value=5e9, unit="CNY", anchor="p2s0", box=True)
    return SimpleNamespace(slug=slug, title=title, lang="en", url=f"en/stories/{slug}.html", date=datetime(2026, 1, 5),
                           digest=StoryMeta(title_lang=title_lang, date_precision="month", date_inferred=True,
                                            facts=(fact,) * facts))


def test_rows_are_escaped_linked_and_name_an_untranslated_title_s_language():
    stories = [story("a", 'Loans <b>& "grants"</b>', "en"), story("b", "贷款", "zh-Hans")]
    html = table_html(table_rows(stories), "https://example.org/site")
    first, second = BeautifulSoup(f"<table><tbody>{html}</tbody></table>", "html.parser").select("tr")
    assert [td.get_text() for td in first.select("td")] == ["2026-01", "Loans & <more>", "5 <billion>",
                                                            'Loans <b>& "grants"</b>']
    assert first.select_one("td")["data-value"] == "2026-01-05"  # sorts by the day, shows it to its precision
    assert first.select_one("td.num")["data-value"] == "5000000000.0"
    assert first.select_one("td.num a")["href"] == "https://example.org/site/en/stories/a.html#p2s0"
    assert first.select("td a")[-1]["href"] == "https://example.org/site/en/stories/a.html"
    assert not first.select("a[lang]") and second.select("td a")[-1]["lang"] == "zh-Hans"
    assert "<b>" not in html and "<more>" not in html


def test_a_park_s_figure_count_is_its_table_s_length_without_the_table():
    stories = [story("a", "A", "en"), story("b", "B", "en", facts=3), story("c", "C", "en", facts=0)]
    assert figure_count(stories) == len(table_rows(stories)) == 4
