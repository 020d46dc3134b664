"""End to end: a site built from one good page, one page full of injection attempts and a row of
broken seeds. The good pages are published, the bad seeds are named in the log, nothing a seed
says becomes markup, and `STRICT=1` turns any rejection into a failed build."""
import gzip
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from park_digest.parse.pipeline import process_file
from conftest import ROOT, SEEDS

HOSTILE = ROOT / "tests" / "data" / "hostile"
MARKUP_TAGS = ("script", "img", "iframe", "style", "div", "a")  # none may come from a seed
BAD_SEEDS = {  # file → words its log line must carry
    "empty.txt": "empty page",
    "punctuation.txt": "no letters or digits",
    "binary.txt": "binary file",
    "undecodable.txt": "line 2: undecodable",
    "loop.txt": "symbolic link loop",
    "folder.txt": "a directory",
    "huge.txt": "over the limit",
    "credentials.txt": "a symbolic link to",  # to a file outside the seeds folder
    r"line\nbreak.txt": "its name holds a line break",  # shown escaped, on one line
}
SECRET = "wJalrXUtnFEMIsecretKEY"  # in a file outside the seeds folder that a seed links to
SIDECAR_PROBLEM = "sidecar.txt: sidecar.yml: line 1: malformed sidecar YAML"  # the page is published without it


def pelican(content: Path, output: Path, seeds: Path, **env) -> subprocess.CompletedProcess:
    """`make html` as a subprocess, with plain (unwrapped) log lines."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"),
         "--log-handler", "plain"],
        cwd=ROOT, env={**os.environ, "SEEDS_DIR": str(seeds), **env}, capture_output=True, text=True,
        timeout=600)


def write_bad_seeds(seeds: Path) -> None:
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "punctuation.txt").write_text("。。。\n\n——————\n", encoding="utf-8")
    (seeds / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (seeds / "undecodable.txt").write_bytes("标题\n".encode() + b"\xff\xfe\xfd\n")
    (seeds / "loop.txt").symlink_to("loop.txt")
    (seeds / "folder.txt").mkdir()
    with open(seeds / "huge.txt", "wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    shutil.copy(SEEDS / "001_83267d4ea10a3938.txt", seeds / "sidecar.txt")
    (seeds / "sidecar.yml").write_text("date: 2026-01-15: late\n", encoding="utf-8")
    secret = seeds.parent / "home" / ".aws" / "credentials"
    secret.parent.mkdir(parents=True)
    secret.write_text(f"青岛高新区新闻\n\n本报讯 密钥{SECRET}，今年新增企业120家。\n", encoding="utf-8")
    (seeds / "credentials.txt").symlink_to(secret)
    shutil.copy(SEEDS / "002_2a65c425dc8ae555.txt", seeds / "line\nbreak.txt")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    seeds = tmp / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "000_68498c843cd78d0e.txt", seeds)
    for path in HOSTILE.iterdir():
        shutil.copy(path, seeds)
    write_bad_seeds(seeds)
    shutil.copytree(ROOT / "content", tmp / "content", ignore=shutil.ignore_patterns("stories"))
    result = pelican(tmp / "content", tmp / "output", seeds)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp, seeds, result.stdout + result.stderr


def test_bad_seeds_are_named_in_the_log_and_the_rest_is_published(hostile_site):
    tmp, seeds, log = hostile_site
    lines = [line for line in log.splitlines() if "rejected seed" in line]
    for name, reason in BAD_SEEDS.items():
        assert any(f"{seeds}: {name}: " in line and reason in line for line in lines), (name, log)
    assert len(lines) == len(BAD_SEEDS)
    assert any(f"{seeds}: {SIDECAR_PROBLEM}" in line and "published without it" in line for line in log.splitlines())
    for page in (process_file(SEEDS / "000_68498c843cd78d0e.txt"), process_file(seeds / "hostile.txt"),
                 process_file(seeds / "sidecar.txt")):
        for story in page.stories:
            assert (tmp / "output" / "stories" / f"{story.id}.html").exists()


def test_strict_build_fails_and_names_every_rejected_seed(hostile_site, tmp_path):
    _, seeds, _ = hostile_site
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns("stories"))
    result = pelican(tmp_path / "content", tmp_path / "output", seeds, STRICT="1")
    assert result.returncode != 0
    verdict = next(line for line in (result.stdout + result.stderr).splitlines() if "StrictModeError" in line)
    assert f"{len(BAD_SEEDS)} seed(s) rejected" in verdict and f"1 sidecar problem(s): {SIDECAR_PROBLEM}" in verdict
    assert all(name in verdict for name in BAD_SEEDS)


def visible_text(soup: BeautifulSoup) -> str:
    return "".join(soup.find_all(string=True))


def test_seed_text_stays_text_on_every_page(hostile_site):
    tmp, seeds, _ = hostile_site
    output = tmp / "output"
    (story,) = process_file(seeds / "hostile.txt").stories
    pages = sorted(output.rglob("*.html"))
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            assert not [name for name in tag.attrs if name.startswith("on")], (page, tag)
            for name in ("href", "src", "action", "style", "srcset"):
                value = str(tag.get(name, ""))
                assert "javascript:" not in value and "evil.example" not in value and "display:none" not in value, (page, tag)
    for lang in ("", "zh-hant/", "en/"):
        page = output / lang / "stories" / f"{story.id}.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        text = visible_text(soup.select_one("article"))
        if lang != "zh-hant/":  # OpenCC converts the Chinese around the markup on zh-Hant pages
            for part in [story.title, *(item.text for item in story.body), *story.captions, story.source.label()]:
                assert part in text, (page, part)
        for literal in ('<script>alert("title")</script>', "{{ 7*7 }}", "{{ config }}", "{filename}/secret.md",
                        '(javascript:alert("md"))', "<div onclick=", "&lt;", "{{ 8*8 }}", "{% raw %}",
                        "|filename|z.md", "<script>alert('source')</script>{{ 9*9 }}", "<!--",
                        "<iframe src=\"//evil.example\"></iframe>", "<https://evil.example/auto>"):
            assert literal in text, (page, literal)


def test_feeds_and_sitemap_stay_well_formed(hostile_site):
    tmp, _, _ = hostile_site
    documents = sorted((tmp / "output").rglob("*.xml")) + sorted((tmp / "output").rglob("*.atom.xml"))
    assert documents
    for path in documents:
        tree = ET.parse(path)
        assert not [el for el in tree.iter() if el.tag.split("}")[-1] in MARKUP_TAGS], path


def test_nothing_of_a_linked_file_outside_reaches_any_page_feed_or_search_index(hostile_site):
    tmp, _, log = hostile_site
    for path in (tmp / "output").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":  # Pagefind's fragments and index chunks
                data = gzip.decompress(data)
            assert SECRET.lower().encode() not in data.lower(), path
    for path in (tmp / "content").rglob("*"):
        assert not path.is_file() or SECRET not in path.read_text(encoding="utf-8"), path
    assert SECRET not in log
