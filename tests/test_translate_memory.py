import re

import polib
import pytest

from park_digest.languages.translate.memory import common_path, load_memory, mark_machine, po_path
from park_digest.languages.translate.store import MemoryLockedError, memory_lock, read_po, save_po
from park_digest.languages.translate.sync import sync_memory
from park_digest.languages.translate.units import story_units

from translate_helpers import PARAGRAPHS, SEED, make_story, msgfmt_check


def sync(root, story):
    return sync_memory(root, "en", {SEED: story_units(story)})


def set_msgstr(root, msgid, text, *, fuzzy=False, engine=None, name=SEED):
    path = po_path(root, "en", name)
    po = read_po(path, "en")
    entry = po.find(msgid)
    if engine:
        mark_machine(entry, text, engine)
    else:
        entry.msgstr = text
        entry.flags = ["fuzzy"] if fuzzy else []
    save_po(po, path)


def test_sync_creates_page_and_common_files(tmp_path):
    report = sync(tmp_path, make_story())
    page, common = po_path(tmp_path, "en", SEED), common_path(tmp_path, "en")
    assert page.name == "000_68498c843cd78d0e.po"
    msgids = [e.msgid for e in polib.pofile(str(page))]
    assert msgids[0] == "青岛高新区高质量发展动能澎湃"
    assert "青岛高新区" not in msgids  # park names go to common.po
    assert [e.msgid for e in polib.pofile(str(common))] == ["青岛高新区", "项目投资总额"]
    entry = polib.pofile(str(page)).find(PARAGRAPHS[0])
    assert entry.occurrences == [(SEED, "9")]
    assert entry.comment == "paragraph"
    assert report.total("added") == 8
    text = page.read_text(encoding="utf-8")
    assert "POT-Creation-Date" not in text and "Language: en" in text
    assert "charset=UTF-8" in text and "Plural-Forms" in text
    msgfmt_check(page)
    msgfmt_check(common)


def test_sync_is_deterministic_and_idempotent(tmp_path):
    sync(tmp_path / "a", make_story())
    sync(tmp_path / "b", make_story())
    a = po_path(tmp_path / "a", "en", SEED).read_bytes()
    undated = lambda data: re.sub(rb"PO-Revision-Date: [^\\]*", b"", data)  # noqa: E731
    assert undated(a) == undated(po_path(tmp_path / "b", "en", SEED).read_bytes())
    report = sync(tmp_path / "a", make_story())
    assert not any(f.written for f in report.files)
    assert po_path(tmp_path / "a", "en", SEED).read_bytes() == a


def test_statuses(tmp_path):
    sync(tmp_path, make_story())
    set_msgstr(tmp_path, PARAGRAPHS[0], "Reviewed English.")
    set_msgstr(tmp_path, PARAGRAPHS[1], "Machine English.", engine="google")
    memory = load_memory(tmp_path, "en")
    first = memory.lookup(PARAGRAPHS[0])
    assert (first.text, first.status) == ("Reviewed English.", "reviewed")
    second = memory.lookup(PARAGRAPHS[1])
    assert (second.status, second.engine) == ("machine", "google")
    assert memory.lookup(PARAGRAPHS[2]).status == "missing"
    assert memory.lookup("从未见过").status == "missing"
    msgfmt_check(po_path(tmp_path, "en", SEED))


def test_changed_paragraph_becomes_outdated(tmp_path):
    sync(tmp_path, make_story())
    set_msgstr(tmp_path, PARAGRAPHS[0], "AstraZeneca has added investment for 3 years.")
    edited = PARAGRAPHS[0].replace("3年", "三年")
    report = sync(tmp_path, make_story([edited] + PARAGRAPHS[1:]))
    assert report.total("outdated") == 1
    found = load_memory(tmp_path, "en").lookup(edited)
    assert found.status == "outdated"
    assert found.text == "AstraZeneca has added investment for 3 years."
    assert found.previous == PARAGRAPHS[0]
    page = po_path(tmp_path, "en", SEED)
    assert "#| msgid" in page.read_text(encoding="utf-8")
    msgfmt_check(page)


def test_removed_paragraph_becomes_obsolete_and_can_come_back(tmp_path):
    sync(tmp_path, make_story())
    set_msgstr(tmp_path, PARAGRAPHS[2], "Kept English.")
    set_msgstr(tmp_path, PARAGRAPHS[1], "Other English.")
    report = sync(tmp_path, make_story(PARAGRAPHS[:1] + ["完全不同的一段新文字，没有任何相似之处。"]))
    page = po_path(tmp_path, "en", SEED)
    text = page.read_text(encoding="utf-8")
    assert report.total("obsoleted") == 2
    assert "#~ msgstr \"Kept English.\"" in text
    msgfmt_check(page)
    assert load_memory(tmp_path, "en").lookup(PARAGRAPHS[2]).status == "missing"
    sync(tmp_path, make_story())  # the paragraph returns: its translation is revived as is
    assert load_memory(tmp_path, "en").lookup(PARAGRAPHS[2]).text == "Kept English."
    msgfmt_check(page)


def test_reviewed_entry_survives_sync(tmp_path):
    sync(tmp_path, make_story())
    set_msgstr(tmp_path, PARAGRAPHS[0], "Reviewed.")
    sync(tmp_path, make_story(PARAGRAPHS + ["新增的一段。"]))
    assert load_memory(tmp_path, "en").lookup(PARAGRAPHS[0]).status == "reviewed"


def test_save_po_writes_only_a_change_and_leaves_no_temp_files(tmp_path):
    target = tmp_path / "x.po"
    po = read_po(target, "en")
    po.append(polib.POEntry(msgid="一句话。", msgstr=""))
    assert save_po(po, target)
    assert not save_po(read_po(target, "en"), target)
    assert [p.name for p in tmp_path.iterdir()] == ["x.po"]


def test_lock_refuses_a_second_holder(tmp_path):
    with memory_lock(tmp_path):
        with pytest.raises(MemoryLockedError, match="another translation run"):
            with memory_lock(tmp_path):
                pass
    with memory_lock(tmp_path):  # released afterwards
        pass


def test_lock_holder_clears_temp_files_of_a_killed_run(tmp_path):
    sync(tmp_path, make_story())
    stale = po_path(tmp_path, "en", SEED).parent / ".tmp-4194304-0"  # replace_file's name
    stale.write_text("half a file")
    with memory_lock(tmp_path):
        assert not stale.exists()
