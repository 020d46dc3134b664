"""Golden check of the parser against the hand annotations of seeds 000–002."""
import pytest

from digest_tools.eval_parse import evaluate
from conftest import GOLD, SEEDS

THRESHOLDS = {"story_recall": 0.95, "story_precision": 0.95, "kind": 0.90, "park": 0.95,
              "title": 0.90, "rejoined": 0.90, "captions_out": 0.95, "chars_kept": 0.995}


@pytest.fixture(scope="module")
def scores():
    return evaluate(GOLD, SEEDS)


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_metric_meets_threshold(scores, metric):
    value = scores.summary()[metric]
    assert value >= THRESHOLDS[metric], f"{metric}={value:.3f}; misses: {scores.misses}"
