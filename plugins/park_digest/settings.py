"""PARK_DIGEST_* settings, read once into a frozen dataclass and validated.

Each setting comes from the environment (so also from the make line: `make html
PARK_DIGEST_FACT_BOX_SIZE=4`) when it is set there and not empty, else from pelicanconf.py,
else the default; both sources are typed and checked the same way.
"""
from __future__ import annotations

import difflib
import math
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

LANGUAGES = ("zh-Hans", "zh-Hant", "en")
SOURCE_LANG = "zh-Hans"
OPENCC_CONFIGS = ("s2twp", "s2tw", "s2hk", "s2t")
ENGINES = ("google", "libretranslate", "mymemory")
# A printed page is some 10 kB; 200 times that is no page but a dump or a wrong file.
DEFAULT_MAX_SEED_BYTES = 2_000_000
PREFIX = "PARK_DIGEST_"
ROOT_KEY = PREFIX + "ROOT"  # set by pelicanconf.py: the folder relative paths start from


class ConfigurationError(ValueError):
    """A PARK_DIGEST_* setting is wrong; the build stops with this message."""


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path = Path("seeds")
    content_dir: Path = Path("content")  # Pelican's PATH; stories are written below it
    stories_subdir: str = "stories"
    cache_dir: Path = Path(".cache/park-digest")
    languages: tuple[str, ...] = LANGUAGES
    opencc_config: str = "s2tw"  # characters with Taiwan glyphs; s2twp also localises vocabulary
    hant_quotes: bool = True  # 「」『』 instead of “”‘’ on zh-Hant pages
    fact_box_size: int = 6
    strict: bool = False
    max_seed_bytes: int = DEFAULT_MAX_SEED_BYTES
    engine: str = "google"
    engine_url: str = ""
    engine_api_key: str = ""
    engine_timeout: float = 10.0
    engine_retries: int = 4
    engine_backoff: float = 1.0
    search: bool = True  # build the Pagefind index (search.py)
    preview_url: str = "http://127.0.0.1:8000"  # sitemap/robots base when SITEURL is empty
    workers: int = 0  # processes that convert the seeds: 0 = one per core on a large site
    site_root: Path = field(default=Path("."))
    output_dir: Path = Path("output")  # Pelican's OUTPUT_PATH

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
    "hant_quotes": "PARK_DIGEST_HANT_QUOTES",
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
    "preview_url": "PARK_DIGEST_PREVIEW_URL",
    "workers": "PARK_DIGEST_WORKERS",
}
_TYPES = {f.name: f.type for f in fields(Settings)}
# Smallest value that makes sense; a number below it is refused with the setting named.
_MINIMUM = {"fact_box_size": 0, "max_seed_bytes": 1, "engine_retries": 0, "workers": 0,
            "engine_timeout": 0.1, "engine_backoff": 0.0}


def load_settings(pelican_settings: Mapping[str, Any], root: Path | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from Pelican's settings dict and the environment (`os.environ` unless
    given); relative paths are taken from `root` (the directory of the settings file, else
    the working directory)."""
    environ = os.environ if environ is None else environ
    check_known_keys(pelican_settings, "pelicanconf.py")
    check_known_keys(environ, "the environment")
    root = Path(root or pelican_settings.get(ROOT_KEY) or ".").resolve()
    values: dict[str, Any] = {"site_root": root,
                              "content_dir": Path(pelican_settings.get("PATH", root / "content")),
                              "output_dir": Path(pelican_settings.get("OUTPUT_PATH", root / "output"))}
    for name, key in _KEYS.items():
        if environ.get(key, "").strip():
            value = coerce(name, environ[key])
        elif pelican_settings.get(key) is not None:
            value = coerce(name, pelican_settings[key])
        else:
            continue  # the default
        if isinstance(value, Path) and not value.is_absolute():
            value = root / value
        values[name] = value
    settings = Settings(**values)
    validate(settings)
    return settings


def check_known_keys(keys, where: str) -> None:
    """An unknown PARK_DIGEST_* name is a typo that would otherwise be ignored silently."""
    known = set(_KEYS.values()) | {ROOT_KEY}
    for key in sorted(k for k in keys if isinstance(k, str) and k.startswith(PREFIX)):
        if key not in known:
            # Compared without the common prefix, which would make every name look close.
            names = {k[len(PREFIX):]: k for k in _KEYS.values()}
            near = difflib.get_close_matches(key[len(PREFIX):], sorted(names), n=1, cutoff=0.6)
            hint = (f"; did you mean {names[near[0]]}?" if near
                    else f"; known settings: {', '.join(sorted(_KEYS.values()))}")
            raise ConfigurationError(f"{key} (in {where}) is not a Park Digest setting{hint}")


def coerce(name: str, value: Any) -> Any:
    """`value` as the type of setting `name`; text (from the environment, or a file that reads
    it there) is parsed the way the file's values are read."""
    key, kind = _KEYS[name], _TYPES[name]
    if kind == "Path":
        if isinstance(value, (str, os.PathLike)) and str(value).strip():
            return Path(value)
        raise ConfigurationError(f"{key} must be a folder path, not {value!r}")
    if kind == "bool":
        return as_bool(value, key)
    if kind == "int":
        number = _number(value, key, "a whole number")
        if number != int(number):
            raise ConfigurationError(f"{key} must be a whole number, not {value!r}")
        return int(number)
    if kind == "float":
        return float(_number(value, key, "a number"))
    if kind == "tuple[str, ...]":
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise ConfigurationError(f"{key} must be a list of language codes such as "
                                 f"(\"zh-Hans\", \"en\") or the text zh-Hans,en, not {value!r}")
    if not isinstance(value, str):
        raise ConfigurationError(f"{key} must be text, not {value!r}")
    return value.strip()


def _number(value: Any, key: str, what: str) -> float:
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise ConfigurationError(f"{key} must be {what}, not {value!r}") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigurationError(f"{key} must be {what}, not {value!r}")
    return value


def as_bool(value: Any, key: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("", "0", "false", "no", "off"):
        return False
    raise ConfigurationError(f"{key} must be true or false, not {value!r}")


_UNSAFE_IN_URL = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\]")


def check_url(key: str, url: str) -> None:
    """An http(s) address with a host, and nothing that would break the line or the markup it
    is written into (robots.txt, the sitemap, a log line)."""
    parts = urlsplit(url) if not _UNSAFE_IN_URL.search(url) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(f"{key} must be an http(s) address such as http://127.0.0.1:5000/, "
                                 f"without spaces or line breaks, not {url!r}")


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
    if settings.engine_url:
        if settings.engine != "libretranslate":
            raise ConfigurationError(f"PARK_DIGEST_ENGINE_URL is set but PARK_DIGEST_ENGINE is "
                                     f"{settings.engine}; the address is for PARK_DIGEST_ENGINE=libretranslate")
        check_url("PARK_DIGEST_ENGINE_URL", settings.engine_url)
    for name, lowest in _MINIMUM.items():
        value = getattr(settings, name)
        kind = "whole number" if _TYPES[name] == "int" else "number"
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < lowest:
            raise ConfigurationError(f"{_KEYS[name]} must be a {kind} ≥ {lowest}, not {value!r}")
    check_url("PARK_DIGEST_PREVIEW_URL", settings.preview_url)
    if not settings.stories_subdir or "/" in settings.stories_subdir or settings.stories_subdir.startswith("."):
        raise ConfigurationError("PARK_DIGEST_STORIES_SUBDIR must be a plain directory name")


def _overlap(a: Path, b: Path) -> bool:
    """One folder is the other or holds it."""
    a, b = a.resolve(), b.resolve()
    return a == b or a in b.parents or b in a.parents


def check_folders(settings: Settings, pelican_settings: Mapping[str, Any]) -> None:
    """Folders a build must never write into, delete from or publish: the output holding the
    project's sources (OUTPUT_DIR=.), a cache inside the output, and stories where Pelican does
    not read them as articles (PARK_DIGEST_STORIES_SUBDIR = "pages" or "extra")."""
    output = settings.output_dir
    sources = {"the project": settings.site_root, "the content": settings.content_dir,
               "the seeds": settings.seeds_dir, "the theme": Path(pelican_settings.get("THEME", "theme")),
               "the translations": settings.site_root / "translations", "the plugin": Path(__file__).parent}
    for what, folder in sources.items():
        inside_project = what == "the project" and settings.site_root.resolve() in output.resolve().parents
        if _overlap(output, folder) and not inside_project:
            raise ConfigurationError(f"OUTPUT_PATH (OUTPUT_DIR): {output} overlaps {what} ({folder}); "
                                     "the build writes and deletes files there: choose a folder of its own")
    caches = {"PARK_DIGEST_CACHE_DIR (CACHE_DIR)": settings.cache_dir}
    if pelican_settings.get("CACHE_CONTENT") or pelican_settings.get("LOAD_CONTENT_CACHE"):
        caches["CACHE_PATH (CACHE_DIR)"] = Path(pelican_settings.get("CACHE_PATH", "cache"))
    for name, folder in caches.items():
        if _overlap(output, folder):
            raise ConfigurationError(f"{name}: {folder} is inside the output {output}, which is published")
    subdir = settings.stories_subdir
    special = [key for key in ("PAGE_PATHS", "STATIC_PATHS", "ARTICLE_EXCLUDES")
               if subdir in pelican_settings.get(key, ())]
    if special or subdir not in pelican_settings.get("ARTICLE_PATHS", (subdir,)):
        raise ConfigurationError(
            f"PARK_DIGEST_STORIES_SUBDIR: {subdir!r} is not a folder Pelican reads as articles "
            f"(ARTICLE_PATHS {list(pelican_settings.get('ARTICLE_PATHS', ()))}"
            + (f"; it is in {', '.join(special)}" if special else "") + ")")


def describe() -> list[tuple[str, str]]:
    """(setting, default) pairs, for the README and `--help`."""
    defaults = Settings()
    return [(key, repr(getattr(defaults, name))) for name, key in _KEYS.items()]
