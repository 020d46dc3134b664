"""Settings for the published site (`make publish`): absolute URLs under SITEURL."""
import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = (os.environ.get("SITEURL") or "https://park-digest.github.io/park-digest").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
