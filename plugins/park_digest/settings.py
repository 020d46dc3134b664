"""PARK_DIGEST_* settings, read once into a frozen dataclass and validated."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

LANGUAGES = ("zh-Hans", "zh-Hant", "en")
SOURCE_LANG = "zh-Hans"
OPENCC_CONFIGS = ("s2twp", "s2tw", "s2hk", "s2t")
ENGINES = ("google", "libretranslate", "mymemory")
# A printed page is some 10 kB; 200 times that is no page but a dump or a wrong file.
DEFAULT_MAX_SEED_BYTES = 2_000_000


class ConfigurationError(ValueError):
    """A PARK_DIGEST_* setting is wrong; the build stops with this message."""


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path = Path("seeds")
    content_dir: Path = Path("content")  # Pelican's PATH; stories are written below it
    stories_subdir: str = "stories"
    cache_dir: Path = Path(".cache/park-digest")
    languages: tuple[str, ...] = LANGUAGES
    opencc_config: str = "s2twp"
    fact_box_size: int = 6
    strict: bool = False
    max_seed_bytes: int = DEFAULT_MAX_SEED_BYTES
    engine: str = "google"
    engine_url: str = ""
    engine_api_key: str = ""
    engine_timeout: float = 10.0
    engine_retries: int = 4
    engine_backoff: float = 1.0
    search: bool = True  # build the Pagefind index after the site
    search_shards: int = 0  # parts the stories' search index is split into: 0 = by the number of seeds (search.py)
    preview_url: str = "http://127.0.0.1:8000"  # sitemap/robots base when SITEURL is empty
    workers: int = 0  # processes that convert and render: 0 = one per core on a large site
    site_root: Path = field(default=Path("."))

    @property
    def stories_dir(self) -> Path:
        return self.content_dir / self.stories_subdir

    @property
    def variants(self) -> tuple[str, ...]:
        """Languages other than the source."""
        return tuple(lang for lang in self.languages if lang != SOURCE_LANG)


_KEYS = {
    "seeds_dir": "PARK_DIGEST_SEEDS_DIR",
    "stories_subdir": "PARK_DIGEST_STORIES_SUBDIR",
    "cache_dir": "PARK_DIGEST_CACHE_DIR",
    "languages": "PARK_DIGEST_LANGUAGES",
    "opencc_config": "PARK_DIGEST_OPENCC_CONFIG",
    "fact_box_size": "PARK_DIGEST_FACT_BOX_SIZE",
    "strict": "PARK_DIGEST_STRICT",
    "max_seed_bytes": "PARK_DIGEST_MAX_SEED_BYTES",
    "engine": "PARK_DIGEST_ENGINE",
    "engine_url": "PARK_DIGEST_ENGINE_URL",
    "engine_api_key": "PARK_DIGEST_ENGINE_API_KEY",
    "engine_timeout": "PARK_DIGEST_ENGINE_TIMEOUT",
    "engine_retries": "PARK_DIGEST_ENGINE_RETRIES",
    "engine_backoff": "PARK_DIGEST_ENGINE_BACKOFF",
    "search": "PARK_DIGEST_SEARCH",
    "search_shards": "PARK_DIGEST_SEARCH_SHARDS",
    "preview_url": "PARK_DIGEST_PREVIEW_URL",
    "workers": "PARK_DIGEST_WORKERS",
}
_PATHS = {"seeds_dir", "cache_dir"}


def load_settings(pelican_settings: Mapping[str, Any], root: Path | None = None) -> Settings:
    """Build Settings from Pelican's settings dict; relative paths are taken from `root`
    (the directory of the settings file, else the working directory)."""
    root = Path(root or pelican_settings.get("PARK_DIGEST_ROOT") or ".").resolve()
    defaults = Settings()
    values: dict[str, Any] = {"site_root": root,
                              "content_dir": Path(pelican_settings.get("PATH", root / "content"))}
    for name, key in _KEYS.items():
        if key not in pelican_settings or pelican_settings[key] is None:
            value = getattr(defaults, name)
        else:
            value = pelican_settings[key]
        if name in _PATHS:
            value = Path(value)
            value = value if value.is_absolute() else root / value
        values[name] = value
    if isinstance(values["languages"], str):
        values["languages"] = tuple(v.strip() for v in values["languages"].split(",") if v.strip())
    values["languages"] = tuple(values["languages"])
    values["strict"] = _as_bool(values["strict"], "PARK_DIGEST_STRICT")
    values["search"] = _as_bool(values["search"], "PARK_DIGEST_SEARCH")
    for name in ("workers", "search_shards"):
        if isinstance(values[name], str) and values[name].strip().isdigit():
            values[name] = int(values[name])  # from the environment (WORKERS=2)
    settings = Settings(**values)
    validate(settings)
    return settings


def _as_bool(value: Any, key: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("", "0", "false", "no", "off"):
        return False
    raise ConfigurationError(f"{key} must be true or false, not {value!r}")


def validate(settings: Settings) -> None:
    unknown = [lang for lang in settings.languages if lang not in LANGUAGES]
    if unknown:
        raise ConfigurationError(f"PARK_DIGEST_LANGUAGES: unknown {unknown}; choose from {list(LANGUAGES)}")
    if SOURCE_LANG not in settings.languages:
        raise ConfigurationError(f"PARK_DIGEST_LANGUAGES must include the source language {SOURCE_LANG}")
    if len(set(settings.languages)) != len(settings.languages):
        raise ConfigurationError("PARK_DIGEST_LANGUAGES lists a language twice")
    if settings.opencc_config not in OPENCC_CONFIGS:
        raise ConfigurationError(f"PARK_DIGEST_OPENCC_CONFIG: {settings.opencc_config!r} is not one of {list(OPENCC_CONFIGS)}")
    if settings.engine not in ENGINES:
        raise ConfigurationError(f"PARK_DIGEST_ENGINE: {settings.engine!r} is not one of {list(ENGINES)}")
    if settings.engine == "libretranslate" and not settings.engine_url:
        raise ConfigurationError("PARK_DIGEST_ENGINE_URL is required for the libretranslate engine")
    for name in ("fact_box_size", "engine_retries", "max_seed_bytes", "workers", "search_shards"):
        value = getattr(settings, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ConfigurationError(f"{_KEYS[name]} must be a whole number ≥ 0, not {value!r}")
    for name in ("engine_timeout", "engine_backoff"):
        value = getattr(settings, name)
        if not isinstance(value, (int, float)) or value <= 0:
            raise ConfigurationError(f"{_KEYS[name]} must be a number > 0, not {value!r}")
    if not str(settings.preview_url).startswith(("http://", "https://")):
        raise ConfigurationError(f"PARK_DIGEST_PREVIEW_URL must be an http(s) address, not {settings.preview_url!r}")
    if not settings.stories_subdir or "/" in settings.stories_subdir or settings.stories_subdir.startswith("."):
        raise ConfigurationError("PARK_DIGEST_STORIES_SUBDIR must be a plain directory name")


def describe() -> list[tuple[str, str]]:
    """(setting, default) pairs, for the README and `--help`."""
    defaults = Settings()
    return [(key, repr(getattr(defaults, name))) for name, key in _KEYS.items()
            if name in {f.name for f in fields(Settings)}]
