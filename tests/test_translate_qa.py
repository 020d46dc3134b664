"""Translation QA: each check catches a deliberately broken entry; correct entries pass; the
committed translation memory has no unexplained finding."""
import contextlib
import io
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from park_digest.cli import main as cli_main
from park_digest.parse.parks import load_gazetteer
from park_digest.languages.translate.figures import compare_figures
from park_digest.languages.translate.glossary import Glossary, GlossaryEntry, load_glossary, with_parks
from park_digest.languages.translate.memory import mark_machine, qa_flags
from park_digest.languages.translate.store import read_po, save_po
from park_digest.languages.translate.sync import sync_memory
from park_digest.languages.translate.qa import (
    EXCEPTIONS_NAME, check_unit, flag_machine_entries, make_checker, run_qa)
from park_digest.languages.translate.run import translate_missing
from park_digest.languages.translate.units import story_units

from libretranslate_stub import libretranslate, no_network  # noqa: F401  (fixtures)
from test_translate_run import engine_for
from translate_helpers import SEED, make_story

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = Glossary.of([GlossaryEntry("阿斯利康", "AstraZeneca", "company"),
                        GlossaryEntry("青岛高新区", "Qingdao Hi-Tech Zone", "park")])

INVEST_ZH = "在2025年11月举行的第五届进博会上，阿斯利康签订扩建项目投资协议，项目投资总额达8.86亿美元。"
INVEST_EN = ("At the fifth China International Import Expo in November 2025, AstraZeneca signed "
             "an investment agreement for an expansion project with a total investment of "
             "US$886 million.")


def checks_of(zh, en, glossary=GLOSSARY):
    return [check for check, _ in check_unit(zh, en, glossary, make_checker())]


# ---------------------------------------------------------------- figures

@pytest.mark.parametrize("zh, en", [
    ("项目投资总额达8.86亿美元", "a total investment of US$886 million"),
    ("全年新引进主导产业项目超200个", "more than 200 projects in leading industries"),
    ("配了两条35千瓦双电源线路", "provided two 35 kW dual-power lines"),
    ("总投资26875万元", "a total investment of 268.75 million yuan"),
    ("占全省近1/10", "nearly one-tenth of the province's total"),
    ("同比增长39.5%", "up 39.5 percent year on year"),
    ("同比增长39.5%", "up 39.5% year on year"),
    ("占比达百分之二十", "accounting for 20%"),
    ("超过三分之一", "more than one-third"),
    ("集聚经营主体1600多家", "more than 1,600 businesses"),
    ("3-5亿元", "300-500 million yuan"),
    ("阿斯利康自2023年3月首次签约以来", "since AstraZeneca first signed in March 2023"),
    ("前8个月", "in the first eight months"),
    ("“十五五”时期", "the 15th Five-Year Plan period"),
    ("一批优质项目加速落地", "a number of quality projects were fast-tracked"),
    ("建成二期工程", "completed Phase II"),
    ("万家注册企业高企数全省第一", "high-tech enterprises per 10,000 registered companies"),
    ("降低融资成本1500多万元", "cutting financing costs by more than 15 million yuan"),
    ("融合5G、AI等新技术，生成3D面部模型", "combines 5G, AI and other technologies to make a 3D model"),
    ("发放400余二、三类医疗器械注册证", "more than 400 Class II and Class III certificates"),
    ("集聚了青岛市1/2的“链主”企业", "half of Qingdao's chain leader companies"),
    ("双方再度签约", "the two sides signed again"),
])
def test_matching_figures_pass(zh, en):
    assert not compare_figures(zh, en), compare_figures(zh, en)


def test_a_changed_figure_is_caught_on_both_sides():
    mismatch = compare_figures("项目投资总额达8.86亿美元", "a total investment of US$868 million")
    assert [f.surface for f in mismatch.missing] == ["8.86亿美元"]
    assert [f.surface for f in mismatch.added] == ["US$868 million"]


def test_a_wrong_scale_or_currency_is_a_changed_figure():
    assert compare_figures("8.86亿美元", "US$88.6 million")
    assert compare_figures("8.86亿美元", "886 million yuan")
    assert compare_figures("增长39.5%", "grew by 39.5")


def test_a_dropped_figure_is_caught():
    mismatch = compare_figures("开了4次专题会，配了两条线路", "held special meetings and provided two lines")
    assert [f.value for f in mismatch.missing] == [4]
    assert not mismatch.added


def test_a_dropped_word_number_is_caught():
    assert [f.surface for f in compare_figures("配了两条线路", "provided lines").missing] == ["两"]


# ---------------------------------------------------------------- one check per broken entry

def test_a_correct_entry_has_no_finding():
    assert checks_of(INVEST_ZH, INVEST_EN) == []


@pytest.mark.parametrize("broken, check", [
    (INVEST_EN.replace("886", "868"), "figures"),
    (INVEST_EN.replace(" in November 2025", ""), "figures"),
    (INVEST_EN.replace("AstraZeneca", "Astra"), "glossary"),
    (INVEST_EN.replace("AstraZeneca", "阿斯利康"), "chinese"),
    (INVEST_EN.replace(".", "。"), "chinese"),
    ("AstraZeneca signed.", "length"),
    (INVEST_EN + " " + INVEST_EN.replace("At the", "Indeed, at the"), "length"),
    (INVEST_EN.replace("AstraZeneca", "[[G0]]"), "placeholders"),
    (INVEST_EN.replace("signed", "signed  an"), "doublespacing"),
    (INVEST_EN.replace("an investment", "an an investment"), "doublewords"),
    (INVEST_EN[:-1], "endpunc"),
    ("   ", "blank"),
])
def test_each_check_catches_its_broken_entry(broken, check):
    assert check in checks_of(INVEST_ZH, broken)


def test_lost_markup_and_links_are_caught():
    zh = "详情见<b>青岛高新区</b>官网https://www.qdhitech.gov.cn。"
    en = "See the <b>Qingdao Hi-Tech Zone</b> website https://www.qdhitech.gov.cn."
    assert checks_of(zh, en) == []
    assert "xmltags" in checks_of(zh, en.replace("<b>", "").replace("</b>", ""))
    assert "urls" in checks_of(zh, en.replace(" https://www.qdhitech.gov.cn", ""))


def test_acronyms_are_kept():
    zh = "推动AI与制造业深度融合的重要平台建设项目。"
    assert "acronyms" in checks_of(zh, "A key platform project to integrate artificial "
                                       "intelligence deeply with manufacturing.")


# ---------------------------------------------------------------- the memory

def write_po(root, name, entries):
    """A new PO file; entries: (msgid, msgstr, status), status reviewed | machine | missing."""
    (root / "translations" / "en" / name).unlink(missing_ok=True)
    po = read_po(root / "translations" / "en" / name, "en")
    for number, (msgid, msgstr, status) in enumerate(entries, 1):
        entry = polib.POEntry(msgid=msgid, msgstr="", occurrences=[(SEED, str(number))])
        if status == "machine":
            mark_machine(entry, msgstr, "google")
        elif status == "reviewed":
            entry.msgstr = msgstr
        po.append(entry)
    save_po(po, root / "translations" / "en" / name)
    return root / "translations" / "en" / name


def run_command(root, *args):
    """`python -m park_digest qa` as a user runs it."""
    return subprocess.run([sys.executable, "-m", "park_digest", "qa", "--root", str(root), *args],
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT / "plugins")},
                          capture_output=True, text=True, timeout=120)


def run_cli(root, *args):
    """The same command in this process (its imports once, not per call)."""
    out, err = io.StringIO(), io.StringIO()
    argv = ["qa", "--root", str(root), *args]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(argv)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def test_report_names_file_entry_check_chinese_english_and_counts(tmp_path):
    write_po(tmp_path, "000_a.po", [
        (INVEST_ZH, INVEST_EN, "reviewed"),
        ("阿斯利康已连续3年在青岛高新区追加投资。", "AstraZeneca has added investment in the "
                                             "Qingdao Hi-Tech Zone for four years running.",
         "reviewed"),
        ("青岛高新区政务服务中心", "", "missing"),
    ])
    done = run_command(tmp_path)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert "translations/en/000_a.po:" in out
    assert "figures: Chinese 3 (3 number) is not in the English" in out
    assert "figures: English four (4 number) is not in the Chinese" in out
    assert "zh: 阿斯利康已连续3年" in out and "en: AstraZeneca has added" in out
    assert "entry: %s:2 (reviewed)" % SEED in out
    assert "checked 2 reviewed and 0 machine entries" in out and "1 missing" in out
    summary = {line.split()[0]: line.split()[1:] for line in out.splitlines()
               if line.startswith("  ")}
    assert summary["check"] == ["findings", "accepted", "open", "flagged", "unexplained"]
    assert summary["figures"] == ["2", "0", "0", "0", "2"]
    assert summary["total"] == ["2", "0", "0", "0", "2"]


def test_the_same_chinese_translated_two_ways_is_inconsistent(tmp_path):
    write_po(tmp_path, "000_a.po", [("青岛高新区政务服务中心", "Qingdao Hi-Tech Zone Government "
                                                     "Service Center", "reviewed")])
    write_po(tmp_path, "001_b.po", [("青岛高新区政务服务中心", "Qingdao Hi-Tech Zone Administrative "
                                                     "Service Center", "reviewed")])
    report = run_qa(tmp_path, "en", GLOSSARY, exceptions=[])
    assert sorted((f.entry.file.name, f.check) for f in report.findings) == [
        ("000_a.po", "inconsistent"), ("001_b.po", "inconsistent")]


def test_an_accepted_exception_explains_its_finding_only(tmp_path):
    zh = "阿斯利康已连续3年在青岛高新区追加投资。"
    en = "AstraZeneca has added investment in the Qingdao Hi-Tech Zone three years in a row."
    write_po(tmp_path, "000_a.po", [(zh, en.replace("three", "four"), "reviewed")])
    assert run_cli(tmp_path).returncode == 1
    (tmp_path / "translations" / "en" / EXCEPTIONS_NAME).write_text(
        "- check: figures\n  msgid: %s\n  reason: the test says so\n" % zh, encoding="utf-8")
    done = run_cli(tmp_path)
    assert done.returncode == 0, done.stdout
    assert "accepted: the test says so" in done.stdout
    write_po(tmp_path, "000_a.po", [(zh, en, "reviewed")])
    assert "exception no longer needed" in run_cli(tmp_path).stdout


def test_an_open_finding_is_listed_but_still_fails(tmp_path):
    zh = "阿斯利康已连续3年在青岛高新区追加投资。"
    write_po(tmp_path, "000_a.po", [(zh, "AstraZeneca has invested in the zone for four years.",
                                     "reviewed")])
    (tmp_path / "translations" / "en" / EXCEPTIONS_NAME).write_text(
        "- check: figures\n  msgid: %s\n  todo: three years, not four\n"
        "- check: glossary\n  msgid: %s\n  todo: name the zone\n"
        "- check: places\n  msgid: %s\n  todo: name the zone's city\n" % (zh, zh, zh), encoding="utf-8")
    done = run_cli(tmp_path)
    assert done.returncode == 1
    assert "open: three years, not four" in done.stdout
    report = run_qa(tmp_path, "en", GLOSSARY)
    assert not report.unexplained and {f.resolution for f in report.failing} == {"open"}


def test_a_malformed_exceptions_file_stops_with_its_name(tmp_path):
    write_po(tmp_path, "000_a.po", [])
    (tmp_path / "translations" / "en" / EXCEPTIONS_NAME).write_text(
        "- check: numbers\n  msgid: 青岛\n  reason: x\n", encoding="utf-8")
    done = run_cli(tmp_path)
    assert done.returncode == 2
    assert EXCEPTIONS_NAME in done.stderr and "unknown check 'numbers'" in done.stderr


def test_failing_machine_entries_are_flagged_and_reviewed_ones_left_alone(tmp_path):
    good_zh, good_en = "青岛高新区政务服务中心", "Qingdao Hi-Tech Zone Government Service Center"
    path = write_po(tmp_path, "000_a.po", [
        (INVEST_ZH, INVEST_EN.replace("886", "868"), "machine"),
        (good_zh, good_en, "machine"),
        ("阿斯利康已连续3年在青岛高新区追加投资。", "AstraZeneca invested.", "reviewed"),
    ])
    reviewed_before = str(polib.pofile(str(path))[2])
    assert flag_machine_entries(tmp_path, "en", GLOSSARY) == 1
    po = polib.pofile(str(path))
    assert "qa: figures" in po[0].comment.splitlines() and po[0].fuzzy
    assert "qa:" not in po[1].comment
    assert str(po[2]) == reviewed_before
    # flagged machine findings are explained; the reviewed one is not
    report = run_qa(tmp_path, "en", GLOSSARY, exceptions=[])
    assert {f.entry.status for f in report.unexplained} == {"reviewed"}
    # once the English is fixed, the flag goes
    po[0].msgstr = INVEST_EN
    save_po(po, path)
    flag_machine_entries(tmp_path, "en", GLOSSARY)
    assert "qa:" not in polib.pofile(str(path))[0].comment


def test_make_translate_flags_what_the_engine_got_wrong(tmp_path, libretranslate):
    """The stub engine answers EN(<Chinese>): every unit it translates keeps Chinese."""
    units = {SEED: story_units(make_story())}
    # A generous timeout: a busy CI machine must not turn a stub reply into a failed unit.
    engine = engine_for(libretranslate, timeout=5)
    report = translate_missing(tmp_path, "en", units, engine, GLOSSARY, progress=False)

    def engine_made():
        return [e for path in sorted((tmp_path / "translations" / "en").glob("*.po"))
                for e in polib.pofile(str(path)) if "engine: libretranslate" in e.comment]

    assert engine_made() and report.flagged == len(engine_made())
    assert all(e.fuzzy and "chinese" in qa_flags(e) for e in engine_made())
    sync_memory(tmp_path, "en", units)  # a later sync keeps the flags
    assert all("chinese" in qa_flags(e) for e in engine_made())


def test_the_committed_translation_memory_has_no_unexplained_finding():
    glossary = with_parks(load_glossary(), load_gazetteer())
    report = run_qa(ROOT, "en", glossary)
    assert not report.unexplained, "\n".join(
        "%s:%d %s: %s" % (f.entry.file.name, f.entry.line, f.check, f.message)
        for f in report.unexplained)
