"""Numbered items of a digest page are stories of their own; a report's numbered sections are not."""
from park_digest.parse.layout import build_blocks
from park_digest.parse.numbered import split_numbered_items
from park_digest.parse.segment import segment_blocks

A = "5月13日，记者从园区科技局获悉，一季度新认定高新技术企业86家，同比增长18%。"
B = "5月12日，园区举行生物医药招商推介会，现场签约项目12个，总投资46.5亿元。"
C = "园区日前出台支持人工智能产业发展的若干政策，设立总规模20亿元的产业基金。"


def stories(page: str):
    drafts, _ = segment_blocks(build_blocks(page.split("\n")))
    return [(d.title, [i.text for i in d.body]) for d in split_numbered_items(drafts)[0]]


def test_circled_items_each_with_their_paragraphs_are_stories():
    page = f"今日导读\n1. 园区新增高企86家\n2. 园区签约12个项目\n\n①园区新增高企86家\n{A}\n\n②园区签约12个项目\n{B}\n\n③园区出台人工智能新政\n{C}"
    assert stories(page) == [("园区新增高企86家", [A]), ("园区签约12个项目", [B]), ("园区出台人工智能新政", [C])]


def test_a_digests_title_over_chinese_numbered_items():
    page = f"园区新闻早班车\n{A}\n一、园区签约12个项目\n{B}\n二、园区出台人工智能新政\n{C}"
    assert stories(page) == [("园区新闻早班车", [A]), ("园区签约12个项目", [B]), ("园区出台人工智能新政", [C])]


def test_a_reports_numbered_sections_stay_one_story():
    page = f"关于促进园区创新发展的实施方案\n{A}\n一、总体要求\n{B}\n二、重点任务\n{C}"
    assert stories(page) == [("关于促进园区创新发展的实施方案", [A, "一、总体要求", B, "二、重点任务", C])]


def test_a_digests_name_in_brackets_is_no_story_of_its_own():
    from park_digest.parse.pipeline import process_seed
    from park_digest.parse.read import decode_seed
    page = f"园区早知道（第128期）\n2025-05-14 07:30\n\n一、园区签约12个项目\n{B}\n\n二、园区出台人工智能新政\n{C}"
    result = process_seed(decode_seed(page.encode("utf-8"), "digest.txt"))
    assert [s.title for s in result.stories] == ["园区签约12个项目", "园区出台人工智能新政"]
    assert "园区早知道（第128期）" in [d.text for d in result.discarded]


def test_items_numbered_in_brackets_with_chinese_numerals():
    page = f"园区要闻速览\n（一）园区新增高企86家\n{A}\n（二）园区签约12个项目\n{B}"
    assert [t for t, _ in stories(page)] == ["园区新增高企86家", "园区签约12个项目"]
