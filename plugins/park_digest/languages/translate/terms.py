"""The words the meaning and style checks compare (data/qa_terms.yml), read once and checked:
a malformed entry stops `make qa` with the file and the entry named."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ...datafile import load_yaml

TERMS = Path(__file__).resolve().parents[2] / "data" / "qa_terms.yml"


class TermsError(ValueError):
    """qa_terms.yml is malformed."""


@dataclass(frozen=True)
class Terms:
    up_zh: tuple[str, ...]
    up_en: frozenset[str]
    up_near: frozenset[str]
    down_zh: tuple[str, ...]
    down_en: frozenset[str]
    down_near: frozenset[str]
    scopes: tuple[tuple[str, tuple[str, ...], frozenset[str], tuple[str, ...]], ...]  # name, zh, en, source
    neg_zh: tuple[str, ...]
    neg_zh_idioms: tuple[str, ...]
    neg_en: frozenset[str]
    neg_en_idioms: tuple[str, ...]
    ordinal_zh: tuple[tuple[int, tuple[str, ...]], ...]
    ordinal_en: tuple[tuple[str, int], ...]
    prizes: tuple[tuple[str, tuple[str, ...]], ...]
    company_suffixes: tuple[str, ...]
    company_generic: tuple[str, ...]
    abbreviations: tuple[tuple[str, str], ...]  # 粤 → 广东
    us_spelling: tuple[tuple[str, str], ...] = ()  # British → US (the style check)


def _strings(value: object, where: str) -> tuple[str, ...]:
    # a bare `no` or `on` is a YAML boolean: quote it ("no")
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) and not isinstance(v, bool)
                                              for v in value):
        raise TermsError(f"{TERMS}: {where} must be a list of words (quote \"no\", \"on\" …)")
    return tuple(str(v) for v in value)


@lru_cache(maxsize=4)
def load_terms(path: Path = TERMS) -> Terms:
    try:
        raw = load_yaml(Path(path).read_text(encoding="utf-8"))
        d, s, n, o, p, c = (raw[k] for k in ("direction", "scope", "negation", "ordinals", "places",
                                             "companies"))
        scopes = tuple((name, _strings(v["zh"], f"scope.{name}.zh"),
                        frozenset(w.lower() for w in _strings(v["en"], f"scope.{name}.en")),
                        _strings(v["source"], f"scope.{name}.source"))
                       for name, v in s.items() if name != "note")
        return Terms(
            _strings(d["up"]["zh"], "direction.up.zh"),
            frozenset(_strings(d["up"]["en"], "direction.up.en")),
            frozenset(_strings(d["up"]["en_near"], "direction.up.en_near")),
            _strings(d["down"]["zh"], "direction.down.zh"),
            frozenset(_strings(d["down"]["en"], "direction.down.en")),
            frozenset(_strings(d["down"]["en_near"], "direction.down.en_near")),
            scopes, _strings(n["zh"], "negation.zh"), _strings(n["zh_not_negating"], "negation"),
            frozenset(_strings(n["en"], "negation.en")), _strings(n["en_not_negating"], "negation"),
            tuple((int(k), _strings(v, f"ordinals.zh.{k}")) for k, v in o["zh"].items()),
            tuple((str(k), int(v)) for k, v in o["en"].items()),
            tuple((str(k), _strings(v, f"ordinals.prizes.{k}")) for k, v in o["prizes"].items()),
            _strings(c["zh_suffixes"], "companies.zh_suffixes"),
            _strings(c["generic"], "companies.generic"),
            tuple((str(k), str(v)) for k, v in p["abbreviations"].items()),
            tuple((str(k), str(v)) for k, v in (raw.get("style") or {}).get("us_spelling", {}).items()
                  if k != v))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, TermsError):
            raise
        raise TermsError(f"cannot read {path}: {type(exc).__name__}: {exc}") from exc
