"""A PO file broken by hand or by a bad file name is named with its line, never read half-right,
never rewritten (so nothing in it is lost), and stops neither the build nor `make translate`
for the other files. A seed's file name can never break a PO reference."""
import logging
import shutil

import polib
import pytest

from park_digest.cli import seed_units
from park_digest.languages.translate.cli import main_translate
from park_digest.languages.translate.memory import common_path, load_memory, po_path
from park_digest.languages.translate.store import POFileError, read_po
from park_digest.languages.translate.sync import sync_memory
from park_digest.languages.translate.units import Unit
from park_digest.settings import Settings
from park_digest.stories.generate import generate_content
from conftest import SEEDS

GOOD = SEEDS / "000_68498c843cd78d0e.txt"
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def write_po(root, name, body, encoding="utf-8"):
    path = root / "translations" / "en" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((HEADER + body).encode(encoding))
    return path


@pytest.mark.parametrize("body,line,reason", [
    ('msgid "园区"\nmsgstr "The park\n', 6, "a string is not closed"),
    ('msgid "园区"\nmsgstr "The park\\"\n', 6, "a string is not closed"),
    ('msgid "园区"\nmsgstr "The "big" park"\n', 6, 'holds a " that is not escaped'),
    ('msgid "园区"\nmsgstr ""\n"The park\n', 7, "a string is not closed"),
    ('#~ msgid "旧"\n#~ msgstr "Old\n', 6, "a string is not closed"),
    ('#: a\nb.txt:3\nmsgid "园区"\nmsgstr "The park"\n', 6, "not a valid PO file"),
], ids=["open-string", "escaped-last-quote", "inner-quote", "continuation", "obsolete", "reference-broken-by-a-newline"])
def test_a_hand_broken_string_is_named_with_its_line_not_cut(tmp_path, body, line, reason):
    path = write_po(tmp_path, "page.po", body)
    with pytest.raises(POFileError) as error:
        read_po(path, "en")
    assert error.value.line == line and reason in error.value.reason
    assert str(error.value).startswith(f"{path}: line {line}: ")


def test_an_invalid_utf8_po_file_fails_with_its_name_and_line(tmp_path):
    path = write_po(tmp_path, "page.po", 'msgid "Zone"\nmsgstr "Zone économique"\n', encoding="latin-1")
    with pytest.raises(POFileError, match=rf"^{path}: line 6: not UTF-8 \(byte \d+"):
        read_po(path, "en")


def test_the_build_goes_on_without_a_broken_file_and_says_so(tmp_path, caplog):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(GOOD, seeds)
    settings = Settings(seeds_dir=seeds, content_dir=tmp_path / "content", cache_dir=tmp_path / "cache",
                        site_root=tmp_path, workers=1)
    units = seed_units(settings)
    sync_memory(tmp_path, "en", units)
    page = po_path(tmp_path, "en", GOOD.name)
    po = polib.pofile(str(page))
    po[0].msgstr, po[0].flags = "A reviewed English title", []
    po.save(str(page))
    broken = common_path(tmp_path, "en")
    broken.write_text(broken.read_text(encoding="utf-8").replace('msgstr ""', 'msgstr "unfinished', 2),
                      encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        generate_content(settings)
    assert any(f"{broken}: line " in r.getMessage() and "left out until it is mended" in r.getMessage()
               for r in caplog.records)
    english = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "content" / "stories" / "en").glob("*.md"))
    assert "A reviewed English title" in english  # the other file's translations are published


def test_translate_leaves_a_broken_file_as_it_is_and_syncs_the_rest(tmp_path, capsys):
    page = write_po(tmp_path, "page.po", 'msgid "园区"\nmsgstr "The park\n')
    before = page.read_bytes()
    units = {"page.txt": [Unit("园区", "title", "page.txt:1")], "other.txt": [Unit("新区", "title", "other.txt:1")]}
    assert main_translate(["--root", str(tmp_path), "--sync-only"], lambda: units) == 1
    assert f"{page}: line 6: a string is not closed" in capsys.readouterr().err
    assert page.read_bytes() == before
    assert load_memory(tmp_path, "en").lookup("新区").status == "missing"  # other.po was written
    assert (tmp_path / "translations" / "en" / "other.po").exists()


def test_a_newline_in_a_seed_name_never_reaches_common_po(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(GOOD, seeds / "good.txt")
    shutil.copy(SEEDS / "002_2a65c425dc8ae555.txt", seeds / "bad\nname.txt")
    shutil.copy(SEEDS / "001_83267d4ea10a3938.txt", seeds / "青岛 日报.txt")
    units = seed_units(Settings(seeds_dir=seeds, cache_dir=tmp_path / "cache"))
    assert sorted(units) == ["good.txt", "青岛 日报.txt"]
    assert main_translate(["--root", str(tmp_path), "--sync-only"], lambda: units) == 0
    text = common_path(tmp_path, "en").read_text(encoding="utf-8")
    assert "name.txt" not in text
    assert "#: \u2068青岛 日报.txt\u2069:" in text  # spaces wrapped as xgettext does
    read_po(common_path(tmp_path, "en"), "en")  # and it reads back
    assert main_translate(["--root", str(tmp_path), "--sync-only"], lambda: units) == 0  # and again
