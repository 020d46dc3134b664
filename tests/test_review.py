"""`make review`: machine, outdated and missing entries per file and in total, each printed with
its Chinese, English and why; a changed paragraph shows its old and new Chinese. And a build
shows an edited paragraph's old English as outdated before anyone has synced the memory."""
import pytest

from park_digest.languages.translate.memory import load_memory, mark_machine, po_path
from park_digest.languages.translate.store import read_po, save_po
from park_digest.languages.translate.sync import sync_memory, with_outdated
from park_digest.languages.translate.review import format_review, main_review, review_memory, show_change
from park_digest.languages.translate.units import story_units

from translate_helpers import PARAGRAPHS, SEED, make_story

OTHER = "001_83267d4ea10a3938.txt"
EDITED = PARAGRAPHS[1].replace("创新推出", "率先推出")


def memory_with_every_state(root):
    """Page 000: paragraph 0 reviewed, 1 reviewed then edited in the seed, 2 machine; the rest missing."""
    story = make_story()
    story.facts[0].label_en = "total project investment"  # a house term
    sync_memory(root, "en", {SEED: story_units(story), OTHER: story_units(make_story(["另一页的一段。"], seed=OTHER))})
    path = po_path(root, "en", SEED)
    po = read_po(path, "en")
    po.find(PARAGRAPHS[0]).msgstr = "Reviewed English."
    po.find(PARAGRAPHS[1]).msgstr = "Old reviewed English."
    mark_machine(po.find(PARAGRAPHS[2]), "Machine English.", "libretranslate")
    save_po(po, path)
    story.body[2].text = EDITED
    return {SEED: story_units(story), OTHER: story_units(make_story(["另一页的一段。"], seed=OTHER))}


def test_review_counts_and_lists_what_needs_a_person(tmp_path):
    units = memory_with_every_state(tmp_path)
    reviews = {r.path.name: r for r in review_memory(tmp_path, "en", units)}
    page = reviews["000_68498c843cd78d0e.po"]
    assert (page.count("machine"), page.count("outdated"), page.count("missing")) == (1, 1, 3)
    assert reviews["common.po"].house == 2  # the park's name and the house label: not listed
    outdated = next(i for i in page.items if i.status == "outdated")
    assert (outdated.previous, outdated.chinese, outdated.english) == (PARAGRAPHS[1], EDITED, "Old reviewed English.")
    text = format_review(list(reviews.values()), tmp_path.resolve())
    assert text.splitlines()[0] == "review: 1 machine, 1 outdated, 7 missing in 3 files"
    assert "translations/en/000_68498c843cd78d0e.po     1 machine     1 outdated     3 missing" in text
    assert "Chinese was: " + PARAGRAPHS[1] in text and "Chinese now: " + EDITED in text
    assert "[-创新-]{+率先+}推出" in text
    assert "machine translation by libretranslate, not reviewed yet" in text and "English: Machine English." in text
    assert "Reviewed English." not in text


def test_review_file_narrows_to_one_page(tmp_path, capsys):
    units = memory_with_every_state(tmp_path)
    assert main_review(["--root", str(tmp_path), "--file", OTHER], lambda: units, tmp_path) == 0
    out = capsys.readouterr().out
    assert out.startswith("review: 0 machine, 0 outdated, 4 missing in 1 files")
    assert "000_68498c843cd78d0e" not in out
    assert main_review(["--root", str(tmp_path), "--file", "nosuch.po"], lambda: units, tmp_path) == 2
    assert "no PO file for 'nosuch.po'" in capsys.readouterr().err


def test_review_syncs_the_files_so_the_change_is_there_to_correct(tmp_path):
    units = memory_with_every_state(tmp_path)
    review_memory(tmp_path, "en", units)
    text = po_path(tmp_path, "en", SEED).read_text(encoding="utf-8")
    assert "#| msgid" in text and "#, fuzzy" in text
    assert load_memory(tmp_path, "en").lookup(EDITED).status == "outdated"


def test_a_build_sees_an_edited_paragraph_as_outdated_without_writing(tmp_path):
    units = memory_with_every_state(tmp_path)
    path = po_path(tmp_path, "en", SEED)
    before = path.read_bytes()
    lookup = with_outdated(load_memory(tmp_path, "en").lookup, tmp_path, "en", SEED, units[SEED])
    found = lookup(EDITED)
    assert (found.status, found.text, found.previous) == ("outdated", "Old reviewed English.", PARAGRAPHS[1])
    assert lookup(PARAGRAPHS[0]).status == "reviewed" and lookup("不存在的一段。").status == "missing"
    assert path.read_bytes() == before


@pytest.mark.parametrize("old, new, shown", [
    ("甲乙丙", "甲丁丙", "甲[-乙-]{+丁+}丙"), ("甲乙", "甲乙丙", "甲乙{+丙+}"), ("甲乙丙", "甲丙", "甲[-乙-]丙")])
def test_show_change_marks_what_changed(old, new, shown):
    assert show_change(old, new) == shown


def test_a_broken_file_is_named_and_the_others_still_reviewed(tmp_path):
    units = memory_with_every_state(tmp_path)
    broken = po_path(tmp_path, "en", OTHER)
    broken.write_text(broken.read_text(encoding="utf-8").replace('msgstr ""\n\n', 'msgstr "open\n\n', 1),
                      encoding="utf-8")
    reviews = review_memory(tmp_path, "en", units)
    text = format_review(reviews, tmp_path.resolve())
    assert "001_83267d4ea10a3938.po  cannot be read, mend it first:" in text and "line" in text
    assert "Chinese was: " + PARAGRAPHS[1] in text
    lookup = with_outdated(load_memory(tmp_path, "en").lookup, tmp_path, "en", OTHER, units[OTHER])
    assert lookup("另一页的一段。").status == "missing"  # the build goes on without it
