"""Pelican settings for Park Digest (`make html`). See README.md for the PARK_DIGEST_* settings."""
import os

_HERE = os.path.dirname(os.path.abspath(__file__))

# No AUTHOR: Pelican would credit every story without a byline to it (pages and feeds).
SITENAME = "园区简报 Park Digest"
SITEURL = ""
SITE_DESCRIPTION = "中国高新区新闻双语简报 · A bilingual digest of news from China's high-tech parks"

PATH = os.environ.get("CONTENT_DIR", os.path.join(_HERE, "content"))
THEME = os.path.join(_HERE, "theme")
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-hans"  # lower case: Pelican lower-cases it when matching translations

PLUGIN_PATHS = [os.path.join(_HERE, "plugins")]
PLUGINS = ["park_digest"]  # explicit, so no installed pelican.plugins.* package is loaded

PARK_DIGEST_ROOT = _HERE
PARK_DIGEST_SEEDS_DIR = os.environ.get("SEEDS_DIR", "seeds")
PARK_DIGEST_LANGUAGES = ("zh-Hans", "zh-Hant", "en")
PARK_DIGEST_OPENCC_CONFIG = "s2tw"
PARK_DIGEST_STRICT = os.environ.get("STRICT", "0")
PARK_DIGEST_WORKERS = os.environ.get("WORKERS", "0")  # 0: one process per core on a large site
# Caches live outside output/ (the build refuses one inside it): ours (converted seeds, the render
# manifest, the search records) and Pelican's (parsed Markdown).
_CACHE = os.environ.get("CACHE_DIR", os.path.join(_HERE, ".cache"))
PARK_DIGEST_CACHE_DIR = os.path.join(_CACHE, "park-digest")
CACHE_PATH = os.path.join(_CACHE, "pelican")
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
GZIP_CACHE = False  # gzip costs about a second per build at 300 pages; the disk is cheaper

ARTICLE_PATHS = ["stories"]
PAGE_PATHS = ["pages"]
ARTICLE_URL = ARTICLE_SAVE_AS = "stories/{slug}.html"
ARTICLE_LANG_URL = ARTICLE_LANG_SAVE_AS = "{langdir}/stories/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "{slug}.html"
PAGE_LANG_URL = PAGE_LANG_SAVE_AS = "{langdir}/{slug}.html"
DIRECT_TEMPLATES = []  # home, archives and park pages come from the plugin, per language
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""
ARTICLE_TRANSLATION_ID = PAGE_TRANSLATION_ID = "slug"

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

DEFAULT_PAGINATION = False
RELATIVE_URLS = True
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {}
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
# Off: the plugin removes the files it wrote before and no longer writes (and nothing else), and
# overwriting files is far cheaper than deleting and creating them all again.
DELETE_OUTPUT_DIRECTORY = False
READERS = {"rst": None}  # stories are Markdown; Docutils would warn about zh-Hans
