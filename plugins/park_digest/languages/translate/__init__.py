"""Translation memory (gettext PO files) and the machine-translation run. No Pelican import.

Modules, one concept each:
  units.py     Story -> translatable units (the msgids)
  memory.py    the memory of one language: entries' status, load, look up
  store.py     PO files on disk: read as msgfmt would, cleaned; saved durably; the lock
  sync.py      PO files brought in line with the current units (outdated, obsolete)
  pofile.py    PO text written the way GNU gettext writes it
  glossary.py  names kept consistent across engines (placeholders) and checked afterwards
  engines.py   deep-translator behind timeouts and retries with backoff
  run.py       fill missing entries, resumably; flag machine output that fails QA
  qa.py        translation QA of every entry (figures.py compares figures)
  qa_report.py `python -m park_digest qa`: prints the report
  cli.py       `python -m park_digest translate`
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlparse

ENGINES = ("google", "libretranslate", "mymemory")


class TranslateSettingsError(ValueError):
    """A translation setting is invalid (fail fast, before any request is made)."""


@dataclass(frozen=True)
class TranslateSettings:
    """How `make translate` talks to an engine.

    `retries` counts the attempts after the first one, so a unit is tried at most
    `retries + 1` times; the n-th retry waits `backoff * backoff_factor ** (n - 1)` seconds,
    capped at `max_wait` (also the cap for a server's Retry-After).
    """
    engine: str = "google"
    url: Optional[str] = None  # LibreTranslate server, e.g. http://127.0.0.1:5000/
    api_key: Optional[str] = None
    target: str = "en"
    timeout: float = 10.0  # seconds, for connecting and for each read
    retries: int = 4
    backoff: float = 1.0
    backoff_factor: float = 2.0
    max_wait: float = 60.0
    # Stop the run (finished units stay saved) when the engine fails this many units in a
    # row: a dead server should not cost retries x every remaining unit.
    max_consecutive_failures: int = 5

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise TranslateSettingsError(
                "unknown translation engine %r (choose one of %s)"
                % (self.engine, ", ".join(ENGINES)))
        if self.engine == "libretranslate" and not self.url:
            raise TranslateSettingsError("the libretranslate engine needs a server URL (--url)")
        if self.url is not None and self.engine != "libretranslate":
            raise TranslateSettingsError("a URL is only used by the libretranslate engine, not %s"
                                         % self.engine)
        if self.url is not None:
            parsed = urlparse(self.url)
            if parsed.scheme not in ("http", "https") or not parsed.netloc:
                raise TranslateSettingsError(
                    "translation URL must be http(s)://host[:port]/…, got %r" % self.url)
        if not self.target:
            raise TranslateSettingsError("target language must not be empty")
        for name in ("timeout", "max_wait"):
            if not getattr(self, name) > 0:
                raise TranslateSettingsError("%s must be > 0 seconds" % name)
        if self.retries < 0:
            raise TranslateSettingsError("retries must be >= 0")
        if self.backoff < 0:
            raise TranslateSettingsError("backoff must be >= 0 seconds")
        if self.backoff_factor < 1:
            raise TranslateSettingsError("backoff_factor must be >= 1")
        if self.max_consecutive_failures < 1:
            raise TranslateSettingsError("max_consecutive_failures must be >= 1")

    def wait_before_retry(self, retry: int) -> float:
        """Seconds to wait before retry number `retry` (1-based)."""
        return min(self.max_wait, self.backoff * self.backoff_factor ** (retry - 1))
