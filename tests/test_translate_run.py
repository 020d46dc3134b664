import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from park_digest.languages.translate import TranslateSettings
from park_digest.languages.translate.engines import make_engine
from park_digest.languages.translate.glossary import Glossary, load_glossary, with_house_names
from park_digest.languages.translate.memory import load_memory, po_path
from park_digest.languages.translate.store import MemoryLockedError, memory_lock, read_po, save_po
from park_digest.languages.translate.run import translate_missing
from park_digest.languages.translate.units import Unit, story_units
from park_digest.model import BodyItem, Park

from libretranslate_stub import fake_english, libretranslate, no_network  # noqa: F401  (fixtures)
from translate_helpers import PARAGRAPHS, SEED, make_story, msgfmt_check

pytestmark = pytest.mark.usefixtures("no_network")
PLUGINS = Path(__file__).resolve().parent.parent / "plugins"
NO_GLOSSARY = Glossary.of([])


def engine_for(stub, **overrides):
    options = dict(engine="libretranslate", url=stub.url, timeout=0.3, retries=2, backoff=0.01)
    options.update(overrides)
    return make_engine(TranslateSettings(**options))


def page_units(story=None):
    return {SEED: story_units(story or make_story())}


def run(root, stub, units=None, glossary=NO_GLOSSARY, **kwargs):
    return translate_missing(root, "en", units or page_units(), engine_for(stub), glossary,
                             progress=False, **kwargs)


def entries(root, name=SEED):
    return {e.msgid: e for e in polib.pofile(str(po_path(root, "en", name))) if not e.obsolete}


def test_run_fills_every_missing_unit_as_machine(tmp_path, libretranslate):
    report = run(tmp_path, libretranslate, glossary=load_glossary())
    assert report.ok and report.remaining == 0
    memory = load_memory(tmp_path, "en")
    first = memory.lookup(PARAGRAPHS[0])
    assert first.status == "machine" and first.engine == "libretranslate"
    # glossary names went out as placeholders and came back as the glossary's English
    assert "阿斯利康" not in " ".join(libretranslate.translations())
    assert "AstraZeneca" in first.text and "Qingdao Hi-Tech Zone" in first.text
    park = memory.lookup("青岛高新区")  # a unit that is one glossary name needs no engine
    assert (park.text, park.engine) == ("Qingdao Hi-Tech Zone", "glossary")
    entry = entries(tmp_path)[PARAGRAPHS[0]]
    assert entry.fuzzy and "engine: libretranslate" in entry.comment
    msgfmt_check(po_path(tmp_path, "en", SEED))
    msgfmt_check(po_path(tmp_path, "en", "common"))
    # a second run has nothing to do and sends nothing
    sent = len(libretranslate.received)
    assert run(tmp_path, libretranslate).translated == 0
    assert len(libretranslate.received) == sent


def test_reviewed_entries_are_never_sent_or_overwritten(tmp_path, libretranslate):
    run(tmp_path, libretranslate)
    path = po_path(tmp_path, "en", SEED)
    po = read_po(path, "en")
    po.find(PARAGRAPHS[0]).msgstr = "Reviewed by a person."
    po.find(PARAGRAPHS[0]).flags = []  # a person accepted it
    po.find(PARAGRAPHS[1]).msgstr = ""  # and this one is missing again
    save_po(po, path)
    libretranslate.received.clear()
    run(tmp_path, libretranslate)
    assert libretranslate.translations() == [PARAGRAPHS[1]]
    assert load_memory(tmp_path, "en").lookup(PARAGRAPHS[0]).text == "Reviewed by a person."


def test_changed_source_machine_entry_is_translated_again(tmp_path, libretranslate):
    run(tmp_path, libretranslate)
    edited = PARAGRAPHS[2].replace("持续优化", "进一步优化")
    libretranslate.received.clear()
    report = run(tmp_path, libretranslate, units=page_units(make_story(PARAGRAPHS[:2] + [edited])))
    assert report.sync.total("outdated") == 1 and report.retranslated == 1
    assert libretranslate.translations() == [edited]
    found = load_memory(tmp_path, "en").lookup(edited)
    assert (found.status, found.text, found.previous) == ("machine", fake_english(edited), None)
    assert "#| msgid" not in po_path(tmp_path, "en", SEED).read_text(encoding="utf-8")
    msgfmt_check(po_path(tmp_path, "en", SEED))


def test_changed_source_of_a_reviewed_entry_waits_for_a_person(tmp_path, libretranslate):
    run(tmp_path, libretranslate)
    path = po_path(tmp_path, "en", SEED)
    po = read_po(path, "en")
    po.find(PARAGRAPHS[2]).flags = []  # reviewed
    save_po(po, path)
    edited = PARAGRAPHS[2].replace("持续优化", "进一步优化")
    libretranslate.received.clear()
    report = run(tmp_path, libretranslate, units=page_units(make_story(PARAGRAPHS[:2] + [edited])))
    assert report.sync.total("outdated") == 1 and libretranslate.received == []
    found = load_memory(tmp_path, "en").lookup(edited)
    assert (found.status, found.text, found.previous) == ("outdated", fake_english(PARAGRAPHS[2]),
                                                          PARAGRAPHS[2])


def house_story(label_en="total investment"):
    story = make_story()
    story.park = Park(name_zh="常安高新区", name_en="Chang'an Hi-Tech Zone", slug="changan")
    story.body[1] = BodyItem("paragraph", "常安高新区" + PARAGRAPHS[0], story.body[1].span)
    story.facts[0].label_en = label_en
    return story


def test_house_terms_are_never_sent_and_follow_their_data(tmp_path, libretranslate):
    units = page_units(house_story())
    glossary = with_house_names(NO_GLOSSARY, units[SEED])
    report = translate_missing(tmp_path, "en", units, engine_for(libretranslate), glossary, progress=False)
    sent = " ".join(libretranslate.translations())
    assert "常安" not in sent and "项目投资总额" not in sent  # the park (not in the gazetteer) and the label
    assert report.house == 2 and report.ok
    common = entries(tmp_path, "common")
    assert (common["项目投资总额"].msgstr, "engine: labels" in common["项目投资总额"].comment) == ("total investment", True)
    assert common["常安高新区"].msgstr == "Chang'an Hi-Tech Zone"
    assert "Chang'an Hi-Tech Zone" in entries(tmp_path)["常安高新区" + PARAGRAPHS[0]].msgstr
    # labels.yml changed: the house entry follows; a reviewed one would not
    report = translate_missing(tmp_path, "en", page_units(house_story("total project investment")),
                               engine_for(libretranslate), glossary, progress=False)
    assert entries(tmp_path, "common")["项目投资总额"].msgstr == "total project investment"
    path = po_path(tmp_path, "en", "common")
    po = read_po(path, "en")
    po.find("项目投资总额").flags = []
    save_po(po, path)
    translate_missing(tmp_path, "en", page_units(house_story("investment")), engine_for(libretranslate),
                      glossary, progress=False)
    assert entries(tmp_path, "common")["项目投资总额"].msgstr == "total project investment"


def test_failing_unit_is_reported_and_the_others_are_kept(tmp_path, libretranslate):
    # unit order: title, heading, paragraphs…; the heading gets three 500s (1 try + 2 retries)
    libretranslate.queue("ok", "500", "500", "500")
    report = run(tmp_path, libretranslate)
    assert [f.msgid for f in report.failed] == ["3年3投 信任扎根"]
    assert report.failed[0].ref == SEED + ":7" and "HTTP 500" in report.failed[0].error
    assert report.remaining == 1 and not report.ok
    done = entries(tmp_path)
    assert done["3年3投 信任扎根"].msgstr == ""
    assert all(done[p].msgstr == fake_english(p) for p in PARAGRAPHS)
    msgfmt_check(po_path(tmp_path, "en", SEED))
    assert run(tmp_path, libretranslate).ok  # the server is back: the re-run finishes it
    assert entries(tmp_path)["3年3投 信任扎根"].msgstr == fake_english("3年3投 信任扎根")


def test_dead_server_stops_the_run_early(tmp_path, libretranslate):
    libretranslate.default = "500"
    report = run(tmp_path, libretranslate, max_consecutive_failures=2)
    assert "2 failures in a row" in report.aborted
    assert len(report.failed) == 2 and len(libretranslate.received) == 2 * 3


def test_malformed_answer_fails_that_unit_only(tmp_path, libretranslate):
    libretranslate.queue("ok", "malformed")
    report = run(tmp_path, libretranslate)
    assert len(report.failed) == 1 and "not JSON" in report.failed[0].error
    assert report.translated == len(story_units(make_story())) - 2  # the park's name is a house term
    assert report.remaining == 1


def test_junk_in_an_answer_fails_that_unit_only_and_a_rerun_goes_on(tmp_path, libretranslate):
    units = len(story_units(make_story()))
    libretranslate.queue("ok", "surrogate", "invisible")
    report = run(tmp_path, libretranslate)
    (failed,) = report.failed
    assert "lone surrogate (undecodable bytes) U+D800" in failed.error and report.remaining == 1
    assert report.translated == units - 2  # the park's name is a house term
    assert any("the answer was cleaned" in w and "U+202E" in w for w in report.warnings)
    texts = [e.msgstr for e in entries(tmp_path).values()]
    assert not any("\u200b" in t or "\u202e" in t for t in texts)
    msgfmt_check(po_path(tmp_path, "en", SEED))
    libretranslate.queue("surrogate")  # the same junk again: reported again, nothing crashes
    again = run(tmp_path, libretranslate)
    assert len(again.failed) == 1 and again.remaining == 1
    assert run(tmp_path, libretranslate).remaining == 0  # a clean answer at last


class InterruptAfter:
    """Wraps an engine; the (n+1)-th translate() raises KeyboardInterrupt, like Ctrl-C."""

    def __init__(self, engine, n):
        self.engine, self.name, self.left = engine, engine.name, n

    def translate(self, text):
        if self.left == 0:
            raise KeyboardInterrupt
        self.left -= 1
        return self.engine.translate(text)


def test_interrupted_run_keeps_finished_units_and_resumes(tmp_path, libretranslate):
    with pytest.raises(KeyboardInterrupt):
        translate_missing(tmp_path, "en", page_units(), InterruptAfter(engine_for(libretranslate), 3),
                          NO_GLOSSARY, progress=False)
    path = po_path(tmp_path, "en", SEED)
    msgfmt_check(path)
    assert sum(1 for e in entries(tmp_path).values() if e.msgstr) == 3
    with memory_lock(tmp_path):  # the lock went with the interrupted run
        pass
    libretranslate.received.clear()
    report = run(tmp_path, libretranslate)
    assert report.ok and report.remaining == 0
    total = len({u.msgid for u in story_units(make_story()) if u.house is None})
    assert len(libretranslate.received) == total - 3


KILLED_RUN = """
import json, sys
from pathlib import Path
from park_digest.languages.translate import TranslateSettings
from park_digest.languages.translate.engines import make_engine
from park_digest.languages.translate.glossary import Glossary
from park_digest.languages.translate.run import translate_missing
from park_digest.languages.translate.units import Unit
root, url, units = sys.argv[1], sys.argv[2], json.loads(Path(sys.argv[3]).read_text())
units = {name: [Unit(**u) for u in items] for name, items in units.items()}
engine = make_engine(TranslateSettings(engine="libretranslate", url=url, timeout=30))
translate_missing(Path(root), "en", units, engine, Glossary.of([]), progress=False)
"""


def test_killed_run_leaves_valid_files_and_no_lock(tmp_path, libretranslate):
    units = page_units()
    units_file = tmp_path / "units.json"
    units_file.write_text(json.dumps({k: [u.__dict__ for u in v] for k, v in units.items()}))
    libretranslate.queue("ok", "ok", "ok", "hold")  # the fourth request never answers
    root = tmp_path / "repo"
    env = dict(os.environ, PYTHONPATH=str(PLUGINS))
    child = subprocess.Popen([sys.executable, "-c", KILLED_RUN, str(root), libretranslate.url,
                              str(units_file)], env=env)
    try:
        assert libretranslate.wait_for_requests(4), "the child never reached the fourth unit"
        with pytest.raises(MemoryLockedError, match="another translation run"):
            with memory_lock(root):
                pass
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    libretranslate.release()
    msgfmt_check(po_path(root, "en", SEED))
    assert sum(1 for e in entries(root).values() if e.msgstr) == 3
    assert not [p for p in po_path(root, "en", SEED).parent.iterdir() if p.name.startswith(".tmp")]
    libretranslate.received.clear()
    report = run(root, libretranslate, units=units)
    assert report.ok and report.remaining == 0
    assert len(libretranslate.received) == len({u.msgid for u in units[SEED] if u.house is None}) - 3


def test_second_run_fails_clearly_while_one_holds_the_lock(tmp_path, libretranslate):
    with memory_lock(tmp_path):
        with pytest.raises(MemoryLockedError, match="translate.lock"):
            run(tmp_path, libretranslate)
    assert libretranslate.received == []


def test_same_chinese_on_two_pages_is_translated_once(tmp_path, libretranslate):
    other = "001_83267d4ea10a3938.txt"
    units = {SEED: [Unit("同一句话。", "paragraph", SEED + ":3")],
             other: [Unit("同一句话。", "caption", other + ":9")]}
    report = run(tmp_path, libretranslate, units=units)
    assert (report.translated, report.reused) == (1, 1)
    assert libretranslate.translations() == ["同一句话。"]
    assert entries(tmp_path, other)["同一句话。"].msgstr == fake_english("同一句话。")


def test_dropped_connections_midway_keep_the_po_valid_and_a_rerun_completes(tmp_path, libretranslate):
    libretranslate.queue("ok", "ok", "drop", "drop", "drop", "truncate", "truncate", "truncate")
    report = run(tmp_path, libretranslate)  # 1 try + 2 retries: units three and four fail
    assert len(report.failed) == 2 and all("connection" in f.error for f in report.failed)
    msgfmt_check(po_path(tmp_path, "en", SEED))
    assert report.translated == len({u.msgid for u in story_units(make_story()) if u.house is None}) - 2 and report.remaining == 2
    assert not [p for p in po_path(tmp_path, "en", SEED).parent.iterdir() if p.name.startswith(".tmp")]
    libretranslate.received.clear()
    assert run(tmp_path, libretranslate).ok and len(libretranslate.received) == 2


class StopsServerAfterFirst:
    """Wraps an engine; the server goes away after the first unit (a dead LibreTranslate)."""

    def __init__(self, engine, stub):
        self.engine, self.stub, self.name = engine, stub, engine.name

    def translate(self, text):
        english = self.engine.translate(text)
        self.stub.stop()
        return english


def test_engine_gone_mid_run_stops_at_once_and_keeps_what_was_done(tmp_path, libretranslate):
    engine = StopsServerAfterFirst(engine_for(libretranslate, retries=3, backoff=5), libretranslate)
    engine.engine.sleep = pytest.fail  # never retried
    report = translate_missing(tmp_path, "en", page_units(), engine, NO_GLOSSARY, progress=False)
    assert report.unusable and "refused the connection" in report.aborted
    assert not report.failed and report.translated == 1 and report.remaining > 0
    msgfmt_check(po_path(tmp_path, "en", SEED))
