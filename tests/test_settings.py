"""Every PARK_DIGEST_* setting: from pelicanconf.py or the environment, typed and checked, and a
wrong one stops the build with the setting named (never a bare traceback, never ignored)."""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_site
from park_digest.settings import ConfigurationError, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_environment_gives_every_kind_of_setting():
    env = {"PARK_DIGEST_ENGINE": "libretranslate", "PARK_DIGEST_ENGINE_URL": "http://127.0.0.1:5000/",
           "PARK_DIGEST_FACT_BOX_SIZE": "4", "PARK_DIGEST_ENGINE_TIMEOUT": "2.5",
           "PARK_DIGEST_STRICT": "yes", "PARK_DIGEST_LANGUAGES": "zh-Hans, en",
           "PARK_DIGEST_SEEDS_DIR": "pages"}
    settings = load_settings({"PARK_DIGEST_ENGINE": "google"}, root=Path("/site"), environ=env)
    assert (settings.engine, settings.engine_url) == ("libretranslate", "http://127.0.0.1:5000/")
    assert settings.fact_box_size == 4 and settings.engine_timeout == 2.5 and settings.strict is True
    assert settings.languages == ("zh-Hans", "en")
    assert settings.seeds_dir == Path("/site/pages")


def test_environment_wins_over_the_file_and_empty_means_unset():
    file = {"PARK_DIGEST_FACT_BOX_SIZE": 3}
    assert load_settings(file, environ={"PARK_DIGEST_FACT_BOX_SIZE": "5"}).fact_box_size == 5
    assert load_settings(file, environ={"PARK_DIGEST_FACT_BOX_SIZE": ""}).fact_box_size == 3
    assert load_settings({}, environ={}).fact_box_size == 6


@pytest.mark.parametrize("where", ["file", "environment"])
def test_unknown_setting_is_an_error_with_the_near_miss(where):
    pelican, env = ({"PARK_DIGEST_FACTBOX_SIZE": 4}, {}) if where == "file" else ({}, {"PARK_DIGEST_FACTBOX_SIZE": "4"})
    with pytest.raises(ConfigurationError, match="PARK_DIGEST_FACTBOX_SIZE .*not a Park Digest setting; "
                                                 "did you mean PARK_DIGEST_FACT_BOX_SIZE"):
        load_settings(pelican, environ=env)


def test_unknown_setting_far_from_any_lists_the_known_ones():
    with pytest.raises(ConfigurationError, match="known settings: .*PARK_DIGEST_WORKERS"):
        load_settings({"PARK_DIGEST_COLOUR": "blue"}, environ={})


@pytest.mark.parametrize("key, value, message", [
    ("PARK_DIGEST_LANGUAGES", 5, "PARK_DIGEST_LANGUAGES must be a list of language codes"),
    ("PARK_DIGEST_LANGUAGES", ("zh-Hans", 5), "PARK_DIGEST_LANGUAGES must be a list"),
    ("PARK_DIGEST_MAX_SEED_BYTES", 0, "PARK_DIGEST_MAX_SEED_BYTES must be a whole number ≥ 1"),
    ("PARK_DIGEST_MAX_SEED_BYTES", "lots", "PARK_DIGEST_MAX_SEED_BYTES must be a whole number"),
    ("PARK_DIGEST_FACT_BOX_SIZE", -2, "PARK_DIGEST_FACT_BOX_SIZE must be a whole number ≥ 0"),
    ("PARK_DIGEST_ENGINE_TIMEOUT", 0, "PARK_DIGEST_ENGINE_TIMEOUT must be a number ≥ 0.1"),
    ("PARK_DIGEST_ENGINE_TIMEOUT", "nan", "PARK_DIGEST_ENGINE_TIMEOUT must be a number"),
    ("PARK_DIGEST_ENGINE_RETRIES", 2.5, "PARK_DIGEST_ENGINE_RETRIES must be a whole number"),
    ("PARK_DIGEST_STRICT", "maybe", "PARK_DIGEST_STRICT must be true or false"),
    ("PARK_DIGEST_SEEDS_DIR", 7, "PARK_DIGEST_SEEDS_DIR must be a folder path"),
    ("PARK_DIGEST_ENGINE", ["google"], "PARK_DIGEST_ENGINE must be text"),
    ("PARK_DIGEST_PREVIEW_URL", "http://127.0.0.1:8000/\nSitemap: http://evil/", "PARK_DIGEST_PREVIEW_URL must be an http"),
    ("PARK_DIGEST_PREVIEW_URL", "http:///nohost", "PARK_DIGEST_PREVIEW_URL"),
    ("PARK_DIGEST_ENGINE_URL", "http://127.0.0.1:5000/", "PARK_DIGEST_ENGINE is google"),
])
def test_impossible_values_are_refused_with_the_setting_named(key, value, message):
    with pytest.raises(ConfigurationError, match=message):
        load_settings({key: value}, environ={})


def test_bad_engine_address_from_the_environment():
    env = {"PARK_DIGEST_ENGINE": "libretranslate", "PARK_DIGEST_ENGINE_URL": "127.0.0.1:5000"}
    with pytest.raises(ConfigurationError, match="PARK_DIGEST_ENGINE_URL must be an http"):
        load_settings({}, environ=env)


def test_a_build_with_a_bad_setting_stops_with_one_clear_line(tmp_path):
    """pelican itself, from the command line: the message names the setting, no traceback."""
    env = {"PATH": "/usr/bin:/bin", "PARK_DIGEST_LANGUAGES": "zh-Hans,fr", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "pelican", str(ROOT / "content"), "-o", str(tmp_path / "out"),
                           "-s", str(ROOT / "pelicanconf.py")], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)
    assert done.returncode != 0
    assert "PARK_DIGEST_LANGUAGES: unknown ['fr']" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def conf(tmp_path, lines: str):
    path = tmp_path / "conf.py"
    path.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n{lines}\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("subdir, named", [("pages", "PAGE_PATHS"), ("extra", "STATIC_PATHS"), ("news", "ARTICLE_PATHS")])
def test_stories_where_pelican_does_not_read_articles_are_refused(tmp_path, subdir, named):
    """Issue 26 item 9: "pages" published the stories as root pages, "extra" as raw Markdown."""
    result = build_site(tmp_path, conf=conf(tmp_path, f"PARK_DIGEST_STORIES_SUBDIR = {subdir!r}"), check=False)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "PARK_DIGEST_STORIES_SUBDIR" in log and named in log
    assert not (tmp_path / "content" / subdir / "zh-Hans").exists() and not (tmp_path / "output").exists()


def test_a_cache_inside_the_output_is_refused(tmp_path):
    result = build_site(tmp_path, env={"CACHE_DIR": str(tmp_path / "output" / "cache")}, check=False)
    assert result.returncode != 0 and "is inside the output" in result.stdout + result.stderr
