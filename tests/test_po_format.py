"""The translation memory is written as gettext writes PO files: msgcat (and so Poedit, which
wraps the same way) leaves every file as it is, and msgfmt finds a full header."""
import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from park_digest.languages.translate import pofile
from park_digest.languages.translate.memory import common_path, mark_machine, po_path
from park_digest.languages.translate.store import read_po, save_po
from park_digest.languages.translate.sync import sync_memory
from park_digest.languages.translate.pofile import po_text
from park_digest.languages.translate.units import story_units

from conftest import ROOT
from translate_helpers import SEED, make_story

TRANSLATIONS = sorted((ROOT / "translations" / "en").glob("*.po"))
needs_gettext = pytest.mark.skipif(shutil.which("msgcat") is None and not os.environ.get("CI"),
                                   reason="gettext (msgcat, msgfmt) is not installed; .ci/run installs it")

# Long paragraphs, quotes, a backslash, Latin words and numbers inside Chinese, a URL: what a page gives.
PARAGRAPHS = [
    "“十五五”规划开局之年，青岛高新区锚定“发展高科技，实现产业化”的初心使命，牢牢把握“高新”发展定位，"
    "把发展新质生产力作为重要着力点，全力将青岛高新区打造成为“中国康湾”产业核心承载区、创新策源先导区。",
    "2025年1-11月，嘉兴高新区规模以上工业企业研发投入达42.6亿元，同比增长12.3%，详见www.jxgxq.gov.cn。",
    "青岛海尔生物医疗股份有限公司（Haier Biomedical）发布MEMS微透镜技术，路径为C:\\data\\report。",
]
ENGLISH = [
    "In the first year of the 15th Five-Year Plan, Qingdao Hi-Tech Zone is holding fast to its "
    "founding mission to \"develop high technology and achieve industrialization\", e.g. the U.S. way.",
    "From January to November 2025, R&D spending by industrial firms above designated size in the "
    "Jiaxing Hi-Tech Zone reached CNY 4.26 billion, up 12.3% (see www.jxgxq.gov.cn).",
    "Qingdao Haier Biomedical Co., Ltd. released MEMS micro-lens technology; the path is C:\\data\\report.",
]


def msgcat(path: Path, out: Path) -> str:
    done = subprocess.run(["msgcat", str(path), "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


def written_memory(root: Path) -> list[Path]:
    """A page's PO file as make translate leaves it: machine, reviewed, outdated, obsolete, missing."""
    story = make_story(PARAGRAPHS)
    sync_memory(root, "en", {SEED: story_units(story)})
    path = po_path(root, "en", SEED)
    po = read_po(path, "en")
    for number, (chinese, english) in enumerate(zip(PARAGRAPHS, ENGLISH)):
        entry = po.find(chinese)
        mark_machine(entry, english, "libretranslate")
        if number == 1:
            entry.flags = []  # reviewed
    save_po(po, path)
    edited = [PARAGRAPHS[0].replace("全力", "努力"), "一段全新的文字，与原来的任何一段都不相似。", PARAGRAPHS[2]]
    sync_memory(root, "en", {SEED: story_units(make_story(edited)),
                             "001_x.txt": story_units(make_story(PARAGRAPHS, seed="001_x.txt"))})
    return [path, common_path(root, "en"), po_path(root, "en", "001_x.txt")]


@needs_gettext
def test_msgcat_changes_nothing_in_a_written_memory(tmp_path):
    paths = written_memory(tmp_path)
    text = paths[0].read_text(encoding="utf-8")
    assert "#| msgid" in text and "#~ msgid" in text and "#, fuzzy" in text  # every kind of entry
    assert max(len(line) for line in text.splitlines() if line.isascii()) <= 79
    for path in paths:
        assert msgcat(path, tmp_path / "out.po") == path.read_text(encoding="utf-8"), path.name


@needs_gettext
@pytest.mark.parametrize("path", TRANSLATIONS, ids=lambda p: p.name)
def test_committed_memory_is_in_gettext_form(path, tmp_path):
    assert msgcat(path, tmp_path / "out.po") == path.read_text(encoding="utf-8")
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr  # no warning about the header


@pytest.mark.parametrize("path", TRANSLATIONS, ids=lambda p: p.name)
def test_our_writer_reproduces_the_committed_files(path):
    """Reading and writing a file changes nothing (with or without libunistring)."""
    assert po_text(polib.pofile(str(path))) == path.read_text(encoding="utf-8")


@pytest.mark.skipif(pofile._LIBUNISTRING is None, reason="libunistring not found")
@pytest.mark.parametrize("path", TRANSLATIONS, ids=lambda p: p.name)
def test_fallback_wraps_real_pages_as_libunistring_does(path, monkeypatch):
    po = polib.pofile(str(path))
    exact = po_text(po)
    monkeypatch.setattr(pofile, "_LIBUNISTRING", None)
    assert po_text(po) == exact


@needs_gettext
def test_references_to_chinese_file_names_wrap_as_msgcat_wraps_them(tmp_path):
    """gettext measures a reference line in bytes: a Chinese seed name takes three a character."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for number in range(1, 9):
        entry = polib.POEntry(msgid="句子%d" % number, msgstr="Sentence %d" % number)
        entry.occurrences = [("西安日报第%d版%s.txt" % (page, "长" * (number % 4)), str(page * 7 + number))
                             for page in range(number * 2)] + [("page-%d.txt" % n, str(n)) for n in range(number)]
        po.append(entry)
    path = tmp_path / "refs.po"
    path.write_text(po_text(po), encoding="utf-8")
    assert msgcat(path, tmp_path / "out.po") == path.read_text(encoding="utf-8")


def test_revision_date_changes_with_the_content_only(tmp_path):
    path = written_memory(tmp_path)[0]
    po = read_po(path, "en")
    assert po.metadata["PO-Revision-Date"]
    po.metadata["PO-Revision-Date"] = "2020-01-01 00:00+0000"
    path.write_text(po_text(po), encoding="utf-8")
    assert not save_po(read_po(path, "en"), path)  # same entries: not rewritten, date kept
    assert "PO-Revision-Date: 2020-01-01 00:00+0000" in path.read_text(encoding="utf-8")
    po = read_po(path, "en")
    po.find(PARAGRAPHS[2]).msgstr = "Changed."
    assert save_po(po, path)
    assert "PO-Revision-Date: 2020" not in path.read_text(encoding="utf-8")


def test_written_files_keep_normal_permissions(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    path = written_memory(tmp_path)[0]
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # not a temporary file's 0600
    path.chmod(0o640)
    po = read_po(path, "en")
    po.find(PARAGRAPHS[2]).msgstr = "Changed again."
    assert save_po(po, path)
    assert path.stat().st_mode & 0o777 == 0o640  # an editor's choice is kept


def test_reviewed_entry_loses_its_machine_comments(tmp_path):
    path = written_memory(tmp_path)[0]
    entry = read_po(path, "en").find(PARAGRAPHS[2])
    assert "engine: libretranslate" in entry.comment
    po = read_po(path, "en")
    po.find(PARAGRAPHS[2]).flags = []  # the reviewer removes the fuzzy flag, as in Poedit
    po.find(PARAGRAPHS[2]).previous_msgid = "一段旧文字。"  # and leaves a `#|` line behind
    save_po(po, path)
    sync_memory(tmp_path, "en", {SEED: story_units(make_story(PARAGRAPHS))})
    entry = read_po(path, "en").find(PARAGRAPHS[2])
    assert entry.comment == "paragraph" and not entry.fuzzy and entry.previous_msgid is None
