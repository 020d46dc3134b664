"""An editor's week on a copy of the project, through the make targets only, with a page of our
own and a local LibreTranslate stand-in: translate, review, correct by hand, edit the Chinese,
rebuild, translate again, and a wrong engine address."""
import os
import shutil
import socket
import subprocess

import pytest

from libretranslate_stub import StubLibreTranslate
from project_copy import copy_project, make

PAGE = """第3版                                   2026年11月5日 星期四
高新区动态

西安高新区前三季度外贸进出口突破千亿元

　　本报讯 今年前三季度，西安高新区外贸进出口总额达到1052亿元，同比增长8.6%，其中出口额为613亿元。园区相关负责人介绍，集成电路和新能源汽车零部件是拉动出口的主要产品。

　　为帮助企业开拓海外市场，西安高新区今年组织了12场境外展会对接活动，累计帮助230家企业获得海外订单。

　　下一步，西安高新区将继续优化跨境物流服务，推动更多中小企业走向国际市场。
"""
FIRST = "为帮助企业开拓海外市场，西安高新区今年组织了12场境外展会对接活动，累计帮助230家企业获得海外订单。"
LAST = "下一步，西安高新区将继续优化跨境物流服务，推动更多中小企业走向国际市场。"


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("week") / "project")
    shutil.rmtree(project / "seeds")
    (project / "seeds").mkdir()
    (project / "seeds" / "week.txt").write_text(PAGE, encoding="utf-8")
    stub = StubLibreTranslate().start()
    yield project, stub, {}
    stub.stop()


def engine(stub):
    return ["ENGINE=libretranslate", f"ENGINE_URL={stub.url}"]


def test_1_translate_through_make_variables(week):
    project, stub, state = week
    done = make(project, "translate", *engine(stub))
    assert done.returncode == 0, done.stdout + done.stderr
    sent = " ".join(stub.translations())
    assert "累计帮助230家企业获得海外订单" in sent
    assert "西安高新区" not in sent  # the park's house name never goes to the engine
    assert "外贸进出口总额" not in stub.translations()  # nor a fact label
    po = project / "translations" / "en" / "week.po"
    assert po.stat().st_mode & 0o777 == 0o666 & ~current_umask()
    assert "engine: libretranslate" in po.read_text(encoding="utf-8")


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_2_review_lists_the_machine_entries(week):
    project, _, state = week
    done = make(project, "review", "FILE=week.po")
    assert done.returncode == 0, done.stderr
    head = done.stdout.splitlines()[0]
    assert head.startswith("review: ") and " 0 outdated, 0 missing in 1 files" in head
    state["machine"] = int(head.split()[1])
    assert state["machine"] >= 4  # title and paragraphs
    assert "Chinese: " + FIRST in done.stdout and "machine translation by libretranslate" in done.stdout


def test_3_a_plain_text_edit_reviews_an_entry(week):
    project, _, state = week
    po = project / "translations" / "en" / "week.po"
    text = po.read_text(encoding="utf-8")
    at = text.index(FIRST[:20])
    block_start = text.rindex("\n\n", 0, at) + 2
    block_end = text.index("\n\n", at)
    block = text[block_start:block_end]
    msgstr = block.index("msgstr")
    reviewed = (block[:msgstr].replace("#, fuzzy\n", "")
                + 'msgstr ""\n"To help companies find markets abroad, the zone held 12 matchmaking events "\n'
                  '"at overseas fairs this year, and 230 companies won orders from abroad."')
    po.write_text(text[:block_start] + reviewed + text[block_end:], encoding="utf-8")
    assert int(make(project, "review").stdout.split()[1]) == state["machine"] - 1
    text = po.read_text(encoding="utf-8")
    entry = text[text.index("To help companies") - 400:text.index("To help companies")]
    assert "engine:" not in entry.split("\n\n")[-1]  # the machine comment went with the fuzzy flag
    done = subprocess.run(["msgcat", str(po)], capture_output=True, text=True) if shutil.which("msgcat") else None
    if done is not None:
        assert done.stdout == po.read_text(encoding="utf-8")  # still in gettext's form


def test_4_an_edited_paragraph_is_outdated_after_a_plain_build(week):
    project, stub, state = week
    seed = project / "seeds" / "week.txt"
    seed.write_text(PAGE.replace("累计帮助230家企业", "累计帮助240家企业")
                        .replace("推动更多中小企业", "带动更多中小企业"), encoding="utf-8")
    requests = len(stub.received)
    done = make(project, "html")
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(stub.received) == requests  # no network in make html
    pages = [p.read_text(encoding="utf-8") for p in (project / "output" / "en" / "stories").glob("*.html")]
    page = next(p for p in pages if "matchmaking events" in p)
    assert "may be out of date" in page and "status-outdated" in page
    assert "230 companies won orders" in page  # the old English, kept


def test_5_review_shows_the_change_and_translate_redoes_machine_text_only(week):
    project, stub, state = week
    review = make(project, "review").stdout
    assert "Chinese was: " + FIRST in review and "[-3-]{+4+}" in review
    stub.received.clear()
    done = make(project, "translate", *engine(stub))
    assert done.returncode == 0, done.stderr
    sent = stub.translations()
    assert len(sent) == 1 and "带动更多中小企业" in sent[0]  # the machine paragraph, translated again
    assert "(1 again: their Chinese had changed)" in done.stdout
    assert "outdated" in make(project, "review").stdout.splitlines()[0]  # the reviewed one waits for a person


def test_6_an_unreachable_engine_stops_at_once_with_one_line(week):
    project, stub, state = week
    (project / "seeds" / "week.txt").write_text(PAGE.replace("下一步", "今后"), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = make(project, "translate", "ENGINE=libretranslate", f"ENGINE_URL=http://127.0.0.1:{port}/")
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.startswith("translate:")]
    assert lines == [f"translate: stopped: libretranslate: 127.0.0.1:{port} refused the connection: "
                     "is the server running? check PARK_DIGEST_ENGINE_URL"]
