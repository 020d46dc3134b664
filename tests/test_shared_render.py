"""Pages rendered by two processes (PARK_DIGEST_WORKERS=2, writer.render_pending) are the pages
one process renders, each logged once, and a rebuild trusts them as it trusts its own."""
import re

import pytest

from conftest import build_site
from park_digest.settings import ConfigurationError, load_settings
from test_render_skip import VERBOSE, rendered
from test_repeatable_build import differences, tree

TWO = {"args": VERBOSE["args"], "env": {**VERBOSE["env"], "WORKERS": "2"}}


def test_two_processes_render_the_same_site(tmp_path, built_site):
    result = build_site(tmp_path, **TWO)
    log = result.stdout + result.stderr
    output = tmp_path / "output"
    pages = {p.relative_to(output).as_posix() for p in output.rglob("*.html") if "pagefind" not in p.parts}
    # Every page's "Writing" line, from whichever process rendered it, reaches the log once.
    assert rendered(result) == pages
    writes = re.findall(r'Writing "([^"]+\.html)"', log)
    assert len(writes) == len(set(writes))
    assert not differences(tree(output), tree(built_site))

    again = rendered(build_site(tmp_path, **TWO))
    assert not {p for p in again if "stories/" in p or "parks/" in p}, again  # recorded in the manifest


@pytest.mark.parametrize("value, workers", [("0", 0), ("2", 2), (3, 3), (None, 0)])
def test_workers_setting_reads_numbers_from_the_environment(value, workers):
    assert load_settings({"PARK_DIGEST_WORKERS": value}).workers == workers


@pytest.mark.parametrize("value", ["two", "-1", -1, 1.5, True])
def test_bad_workers_setting_stops_the_build(value):
    with pytest.raises(ConfigurationError, match="PARK_DIGEST_WORKERS must be a whole number"):
        load_settings({"PARK_DIGEST_WORKERS": value})
