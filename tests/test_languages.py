"""The three languages: English honest about its status, outdated when the Chinese changes."""
import re
import shutil

from bs4 import BeautifulSoup

from conftest import ROOT, SEEDS

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def test_english_pages_are_english_outside_marked_chinese(built_site):
    pages = sorted((built_site / "en" / "stories").glob("*.html"))
    assert len(pages) >= 15
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select('[data-status="untranslated"]'), f"{page.name} shows untranslated text"
        for element in soup.select("[lang]"):
            if element.name != "html" and element["lang"].lower().startswith("zh"):
                element.decompose()
        text = "".join(soup.body.get_text().split())
        assert len(CJK.findall(text)) < 0.01 * len(text), page.name


def test_a_changed_paragraph_makes_its_english_outdated(tmp_path):
    from park_digest.stories.generate import process_seeds, render_files
    from park_digest.settings import Settings
    from park_digest.languages.translate.memory import load_memory
    from park_digest.languages.translate.sync import sync_memory
    from park_digest.languages.translate.units import story_units

    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    page = (SEEDS / "000_68498c843cd78d0e.txt").read_text(encoding="utf-8")
    edited = page.replace("全年新引进主导产业项目超200个", "全年新引进主导产业项目超210个")
    assert edited != page
    (seeds / "000_68498c843cd78d0e.txt").write_text(edited, encoding="utf-8")
    settings = Settings(seeds_dir=seeds, languages=("zh-Hans", "en"))
    report = process_seeds(settings)
    units = {p.seed.file: [u for s in p.stories for u in story_units(s)] for p in report.pages}
    sync = sync_memory(tmp_path, "en", units)
    assert sync.total("outdated") == 1
    memory = load_memory(tmp_path, "en")
    changed = next(u.msgid for u in units["000_68498c843cd78d0e.txt"] if "超210个" in u.msgid)
    found = memory.lookup(changed)
    assert found.status == "outdated" and "more than 200" in found.text
    from park_digest.stories.markdown import read_story
    files = render_files(report.pages, settings, memory.lookup)
    story = next(text for path, text in files.items() if path.parts[0] == "en" and "超210个" in text)
    assert read_story(story).meta.text_status == "outdated"
    assert 'data-status="outdated"' in story


def test_committed_po_files_pass_msgfmt_check():
    import os
    import subprocess

    import pytest

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt (gettext) is not installed; .ci/run installs it")
        pytest.skip("msgfmt (Debian gettext) not installed")
    files = sorted((ROOT / "translations" / "en").glob("*.po"))
    assert len(files) >= 6
    for po in files:
        result = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_every_seed_unit_has_reviewed_english():
    from park_digest.cli import seed_units
    from park_digest.settings import Settings
    from park_digest.languages.translate.memory import load_memory

    memory = load_memory(ROOT, "en")
    units = [u for file_units in seed_units(Settings(seeds_dir=SEEDS)).values() for u in file_units]
    assert len(units) > 200
    missing = [u.msgid[:30] for u in units if memory.lookup(u.msgid).status != "reviewed"]
    assert not missing, missing


BLOCKER = '''
import socket

def _blocked(*args, **kwargs):
    raise OSError("park_digest test: network access blocked")

socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
'''


def test_the_build_opens_no_network_connection(tmp_path):
    """A real build with every socket connection and name lookup failing still succeeds."""
    import subprocess
    import sys

    from conftest import build_site

    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    env = {"PYTHONPATH": str(blocker)}
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
                           env={**__import__("os").environ, **env}, capture_output=True, text=True)
    assert "network access blocked" in probe.stderr  # the blocker is really in force
    build_site(tmp_path / "site", env=env)
    assert (tmp_path / "site" / "output" / "en" / "index.html").exists()
