"""Meaning checks: mistranslations with every figure right are caught (direction, scope,
negation, ordinals, places, companies, sentences), and a dozen kinds planted into the committed
reviewed entries are all flagged while the entries as reviewed raise nothing unexplained."""
import re
import shutil
from pathlib import Path

import polib
import pytest

from park_digest.languages.translate.glossary import load_glossary, with_parks
from park_digest.languages.translate.meaning import meaning_problems
from park_digest.languages.translate.terms import load_terms
from park_digest.languages.translate.qa import load_exceptions, run_qa, EXCEPTIONS_NAME
from park_digest.parse.parks import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = with_parks(load_glossary(), load_gazetteer())

ZH = ("2025年，全市规模以上工业企业营业收入同比增长12.5%，山东省科技厅授予青岛钰仁医疗科技有限公司"
      "一等奖。企业尚未完成二期建设。")
EN = ("In 2025, operating revenue of the city's industrial enterprises above designated size rose "
      "12.5% year on year, and the Shandong Provincial Department of Science and Technology gave "
      "Qingdao Yuren Medical Technology Co., Ltd. first prize. The company has not yet completed "
      "its second phase.")


def checks(zh: str, en: str) -> set[str]:
    return {check for check, _ in meaning_problems(zh, en, load_terms(), GLOSSARY)}


def test_a_faithful_translation_raises_nothing():
    assert checks(ZH, EN) == set()


@pytest.mark.parametrize("wrong, right, check", [
    ("rose 12.5%", "fell 12.5%", "direction"),
    ("the city's", "China's", "scope"),
    ("the city's", "the province's", "scope"),
    ("has not yet completed", "has completed", "negation"),
    ("gave Qingdao", "did not give Qingdao", "negation"),
    ("first prize", "third prize", "ordinals"),
    ("Shandong Provincial", "Jiangsu Provincial", "places"),
    ("Qingdao Yuren Medical Technology Co., Ltd.", "a local company", "companies"),
    (" The company has not yet completed its second phase.", "", "sentences"),
])
def test_each_kind_of_mistranslation_is_caught(wrong, right, check):
    assert wrong in EN
    assert check in checks(ZH, EN.replace(wrong, right))


def test_idioms_that_look_like_negations_or_changes_are_not_findings():
    zh = "离不开园区的服务，企业不断发展，降低融资成本1500万元，并获“无感审批”。"
    en = ("Thanks to the zone's services, the company kept growing, cut its financing costs by "
          "15 million yuan and obtained \"seamless approval\".")
    assert checks(zh, en) == set()


# ---------------------------------------------------------------- planted into the real memory

def _swap(pattern: str, replacement: str):
    return lambda en: re.sub(pattern, replacement, en, count=1)


def _drop_last_sentence(en: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", en)
    return " ".join(parts[:-1]) if len(parts) > 1 else en


PLANTS = {  # kind: (the entry's Chinese and English must match, how the English is broken)
    "rose to fell": (r"增长|提升|提高", r"\brose\b|\bup \d", _swap(r"\brose\b|\bup (?=\d)", "fell ")),
    "the city's to China's": (r"全市|市", r"the city's", _swap(r"the city's", "China's")),
    "an added not": (r"^[^不未没无非]*$", r"\bis\b", _swap(r"\bis\b", "is not")),
    "first prize to third prize": (r"一等奖", r"first prize", _swap(r"first prize", "third prize")),
    "a province swapped": (r"山东", r"Shandong", _swap(r"Shandong", "Jiangsu")),
    "a park swapped": (r"昆山高新区", r"Kunshan Hi-Tech Zone",
                       _swap(r"Kunshan Hi-Tech Zone", "Suzhou Industrial Park")),
    "a company dropped": (r"有限公司", r"Qingdao \w+ \w+ Technology Co\., Ltd\.",
                          _swap(r"Qingdao \w+ \w+ Technology Co\., Ltd\.", "a local company")),
    "a number changed": (r"1600", r"1,600", _swap(r"1,600", "1,800")),
    "a scale changed": (r"亿", r"\d million", _swap(r"(?<=\d) million", " billion")),
    "a year changed": (r"2025年", r"\b2025\b", _swap(r"\b2025\b", "2024")),
    "a sentence dropped": (r"。.+。", r"\. [A-Z].*\.$", _drop_last_sentence),
    "a negation dropped": (r"无需", r"\bno collateral\b", _swap(r"needs no collateral", "needs collateral")),
}


def plant(root: Path) -> dict[str, tuple[str, str]]:
    """Break one reviewed entry per kind in a copy of the memory; kind → (PO file, msgid)."""
    planted, used = {}, set()
    files = sorted((root / "translations" / "en").glob("*.po"))
    for kind, (zh_pattern, en_pattern, breaks) in PLANTS.items():
        for path in files:
            po = polib.pofile(str(path))
            entry = next((e for e in po if e.msgstr and "fuzzy" not in e.flags and e.msgid not in used
                          and re.search(zh_pattern, e.msgid) and re.search(en_pattern, e.msgstr)
                          and breaks(e.msgstr) != e.msgstr), None)
            if entry is not None:
                entry.msgstr = breaks(entry.msgstr)
                po.save(str(path))
                planted[kind] = (path.name, entry.msgid)
                used.add(entry.msgid)
                break
    return planted


def test_a_dozen_kinds_planted_into_reviewed_entries_are_all_flagged(tmp_path):
    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    planted = plant(tmp_path)
    assert set(planted) == set(PLANTS), "no reviewed entry to plant into for %s" % (set(PLANTS) - set(planted))
    report = run_qa(tmp_path, "en", GLOSSARY)
    flagged = {(f.entry.file.name, f.entry.msgid) for f in report.failing}
    missed = [kind for kind, where in planted.items() if where not in flagged]
    assert missed == []


def test_an_exception_explains_its_own_finding_not_a_new_error_in_the_same_entry(tmp_path):
    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    exceptions = load_exceptions(tmp_path / "translations" / "en" / EXCEPTIONS_NAME)
    qingzhou = next(e for e in exceptions if e.check == "places" and e.file != "common.po")
    path = tmp_path / "translations" / "en" / qingzhou.file
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgid == qingzhou.msgid)
    assert "Qingdao" in entry.msgstr and "青岛" in entry.msgid
    entry.msgstr = entry.msgstr.replace("Qingdao", "Yantai")
    po.save(str(path))
    report = run_qa(tmp_path, "en", GLOSSARY)
    found = [f for f in report.findings if f.entry.msgid == qingzhou.msgid and f.check == "places"]
    assert {f.resolution for f in found} == {"accepted", None}  # 青州 still accepted, 青岛 not


# ---------------------------------------------------------------- house style

def style(zh: str, en: str, kind: str) -> list[str]:
    from park_digest.languages.translate.qa import check_unit, make_checker
    return [m for c, m in check_unit(zh, en, GLOSSARY, make_checker(), kind) if c == "style"]


def test_house_style_us_spelling_the_article_and_fact_labels():
    zh = "青岛高新区分析了企业需求。"
    assert style(zh, "The Qingdao Hi-Tech Zone analyzed companies' needs.", "paragraph") == []
    assert style(zh, "The Qingdao Hi-Tech Zone analysed companies' needs.", "paragraph") == [
        "US spelling: analyzed, not analysed"]
    assert len(style(zh, "Qingdao Hi-Tech Zone analyzed companies' needs.", "paragraph")) == 1
    assert style(zh, "Qingdao Hi-Tech Zone analyzes company needs", "title") == []  # a headline
    assert style("企业数量占全市比例", "Share of the city's companies", "fact_label") == []
    assert len(style("企业数量占全市比例", "the city's companies, share.", "fact_label")) == 3
