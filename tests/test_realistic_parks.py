"""Park recognition and attribution on the realistic pages (tests/data/realistic/, dev and
held-out together): issue 20's thresholds, measured by tools/digest_tools/eval_parks.py."""
import yaml

from conftest import ROOT
from digest_tools.eval_parks import Scores, score_page
from park_digest.export import page_json
from park_digest.parse.pipeline import process_file

REALISTIC = ROOT / "tests" / "data" / "realistic"


def test_parks_are_real_found_and_figures_filed_under_them():
    scores = Scores()
    golds = sorted(REALISTIC.glob("*.gold.yml")) + sorted((REALISTIC / "heldout").glob("*.gold.yml"))
    pages = [g for g in golds if g.name.startswith("parks_")]
    assert len(pages) >= 10
    for gold in pages:
        page = gold.with_name(gold.name.replace(".gold.yml", ".txt"))
        score_page(page_json(process_file(page)), yaml.safe_load(gold.read_text(encoding="utf-8")), page.stem, scores)
    assert scores.named_right / scores.named >= 0.95 and len(scores.invented) <= 2, scores.lines()
    assert scores.about_found / scores.about >= 0.90, scores.lines()
    assert scores.roundup_right / scores.roundup_facts >= 0.90, scores.lines()
