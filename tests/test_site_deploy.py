"""`make github` publishes a sub-path build to a branch of a (local, bare) repository."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

from conftest import ROOT, SEEDS

SITE = "https://example.github.io/park-digest"


def git(*args: str, **kwargs) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True, **kwargs).stdout


def test_make_github_pushes_the_published_site(tmp_path):
    remote, scratch = tmp_path / "remote.git", tmp_path / "scratch"
    git("init", "-q", "--bare", str(remote))
    git("init", "-q", str(scratch))
    git("-C", str(scratch), "remote", "add", "deploy", str(remote))  # a named remote, like origin
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns("stories"))
    # GIT_DIR: ghp-import builds the branch in a scratch repository, never in the project's own.
    env = {**os.environ, "GIT_DIR": str(scratch / ".git"), "GIT_AUTHOR_NAME": "Test",
           "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org"}
    command = ["make", "-s", "github", "GITHUB_PAGES_REMOTE=deploy", "GITHUB_PAGES_BRANCH=pages",
               f"OUTPUT_DIR={tmp_path / 'output'}", f"INPUTDIR={tmp_path / 'content'}",
               f"SEEDS_DIR={SEEDS}", f"SITEURL={SITE}"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    bare = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    files = set(git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "pages", env=bare).split())
    assert {".nojekyll", "index.html", "404.html", "sitemap.xml", "robots.txt", "pagefind/zh-hans/pagefind-ui.js",
            "en/parks/qingdao.html", "data/facts.csv"} <= files
    home = git("--git-dir", str(remote), "show", "pages:en/index.html", env=bare)
    assert f'href="{SITE}/theme/css/site.css"' in home  # works under the project sub-path
    assert f'<link rel="canonical" href="{SITE}/en/index.html">' in home
    search = git("--git-dir", str(remote), "show", "pages:search.html", env=bare)
    assert 'data-base="/park-digest/"' in search  # Pagefind's result URLs (search.js)
    sitemap = git("--git-dir", str(remote), "show", "pages:sitemap.xml", env=bare)
    assert f"<loc>{SITE}/en/index.html</loc>" in sitemap
    # The open data's descriptor and figures link absolutely: they are read away from the site.
    package = json.loads(git("--git-dir", str(remote), "show", "pages:data/datapackage.json", env=bare))
    assert package["homepage"] == SITE
    assert [r["path"] for r in package["resources"]] == [f"{SITE}/data/{name}" for name in
                                                         ("facts.csv", "facts.json", "indicators.csv")]
    facts = json.loads(git("--git-dir", str(remote), "show", "pages:data/facts.json", env=bare))
    assert all(fact["url"].startswith(f"{SITE}/") for fact in facts["facts"])


def test_make_github_refuses_without_a_real_siteurl(tmp_path):
    remote = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(remote))
    env = {k: v for k, v in os.environ.items() if k != "SITEURL"}
    for siteurl in (None, "example", "https://a b.org"):
        command = ["make", "-s", "github", f"GITHUB_PAGES_REMOTE={remote}", f"OUTPUT_DIR={tmp_path / 'output'}",
                   f"SEEDS_DIR={SEEDS}"] + ([f"SITEURL={siteurl}"] if siteurl is not None else [])
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode != 0
        assert "SITEURL must be the published site's address" in result.stderr
        assert git("--git-dir", str(remote), "branch", "--list") == ""  # nothing was pushed
        assert not (tmp_path / "output").exists()
