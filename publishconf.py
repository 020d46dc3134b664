"""Settings for the published site (`make publish`, `make github`): absolute URLs under SITEURL."""
import os
import re
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# The site's real address, given on the make line (make github SITEURL=https://owner.github.io/repo)
# or by the Pages workflow: without one, every link and feed would point at a made-up host.
SITEURL = os.environ.get("SITEURL", "").strip().rstrip("/")
if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s\"'<>\\]*)?", SITEURL):
    sys.exit("publishconf.py: SITEURL must be the published site's address, e.g. "
             "make github SITEURL=https://owner.github.io/repo (got %r)" % SITEURL)
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
