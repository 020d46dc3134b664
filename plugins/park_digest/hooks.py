"""Signal handlers: the only place besides pages.py that knows about Pelican objects."""
from __future__ import annotations

import logging
from pathlib import Path

import yaml

from .generate import generate_content
from .pages import DigestPagesGenerator
from .search import build_index
from .settings import load_settings
from .site import LANG_NAMES, bcp47, lang_prefix, parse_fact_lines

logger = logging.getLogger(__name__)


def check_settings(pelican) -> None:
    """Fail fast: a bad PARK_DIGEST_* setting stops the build before any work."""
    load_settings(pelican.settings)


def write_stories(article_generator) -> None:
    """Turn the seeds into Markdown before Pelican reads the content (runs on every rebuild)."""
    generate_content(load_settings(article_generator.settings))


def attach_story_data(content) -> None:
    facts, bad = parse_fact_lines(content.metadata.get("facts"))
    for line in bad:
        logger.warning("park_digest: %s: unreadable Facts line skipped: %r", content.source_path, line)
    content.facts = facts
    content.fact_box = [fact for fact in facts if fact.box]


def drop_unpublished_pages(page_generator) -> None:
    """content/pages holds About and Methodology in every language; a site configured with
    fewer languages publishes only its own (in place: the context shares these lists)."""
    keep = {lang.lower() for lang in load_settings(page_generator.settings).languages}
    for items in (page_generator.pages, page_generator.translations, page_generator.hidden_pages):
        items[:] = [item for item in items if item.lang in keep]
    for page in page_generator.pages + page_generator.translations + page_generator.hidden_pages:
        page.translations = [item for item in page.translations if item.lang in keep]


def story_alternates(content) -> list[dict]:
    """The same story (or page) in every language it exists in, in the site's language order."""
    versions = {bcp47(item.lang): item for item in [content, *getattr(content, "translations", [])]}
    order = [lang for lang in LANG_NAMES if lang in versions]
    return [{"lang": lang, "name": LANG_NAMES[lang], "url": versions[lang].url} for lang in order]


def add_template_globals(generator) -> None:
    theme_ui = Path(generator.theme) / "ui.yml"
    ui = yaml.safe_load(theme_ui.read_text(encoding="utf-8")) if theme_ui.exists() else {}
    languages = load_settings(generator.settings).languages
    generator.env.globals.update(ui=ui, lang_names=LANG_NAMES, lang_prefix=lang_prefix,
                                 story_alternates=story_alternates, bcp47=bcp47,
                                 digest_languages=languages,
                                 # the configured address; templates' SITEURL may be relative
                                 site_url=(generator.settings.get("SITEURL") or "").rstrip("/"))


def index_search(pelican) -> None:
    """After every file is written: Pagefind indexes the output (PARK_DIGEST_SEARCH)."""
    if load_settings(pelican.settings).search:
        build_index(Path(pelican.output_path))


def get_generators(pelican):
    return DigestPagesGenerator
