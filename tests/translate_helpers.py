"""Shared builders for the translation tests (stories, PO checks)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from park_digest.model import BodyItem, Fact, Park, Story

SEED = "000_68498c843cd78d0e.txt"
QINGDAO = Park(name_zh="青岛高新区", name_en="Qingdao Hi-Tech Zone", slug="qingdao")

PARAGRAPHS = [
    "作为全球生物医药龙头企业,阿斯利康自2023年3月首次签约以来,已连续3年在青岛高新区追加投资。",
    "优质项目落地生根,离不开资本与服务的双重赋能。青岛高新区创新推出“e企炬链”活动。",
    "据介绍,站在新起点,青岛高新区将持续优化招商策略,提升服务效能。",
]


def make_story(paragraphs=PARAGRAPHS, title="青岛高新区高质量发展动能澎湃", seed=SEED, first_line=3):
    body = [BodyItem("heading", "3年3投 信任扎根", (first_line + 4, first_line + 4))]
    line = first_line + 6
    for text in paragraphs:
        body.append(BodyItem("paragraph", text, (line, line)))
        line += 2
    return Story(
        id="qingdao-1", kind="article", title=title, span=(first_line, line), body=body,
        captions=["青岛高新区政务服务中心"], park=QINGDAO, seed_file=seed,
        facts=[Fact(surface="8.86亿美元", value=886e6, unit="USD", label_zh="项目投资总额", block=1)],
    )


def msgfmt_check(path: Path) -> None:
    """`msgfmt --check` must accept the file (skipped where gettext is not installed)."""
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (gettext) not installed")
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
