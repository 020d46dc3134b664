"""Text a column break cut in two → one paragraph again.

A printed page's columns cut sentences mid-way and drop captions into the cut; a text line that
does not end a sentence is joined to the next text line, across the captions between, which stay
caption blocks. Adverts, tables and 本报讯 openers never join what is above them.
"""
from __future__ import annotations

import re

from ..model import Block
from .credits import split_trailing_byline
from .tables import TABLE_SOURCE, cells_of, is_ranking_row, is_table_header, is_table_row

SENTENCE_END = "。！？!?…；;"
_CREDIT_END = re.compile(r"\s\S{2,4}\s*(?<!文/)(?<!文／)摄(?:[/／][\u4e00-\u9fff]{2,8})?$")
CLOSERS = "”’」』）)》】"
# A document number under a notice's title: 芜经开管〔2025〕6号, 某政办[2024]12号, 某发【2023】3号.
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔\[【（(［]\s*(?:19|20)\d{2}\s*[〕\]】）)］]\s*第?\d{1,4}\s*号$")


def is_complete(text: str) -> bool:
    """Does the line end a sentence? A column break leaves it hanging."""
    text = text.rstrip()
    if not text:
        return True
    last = text[-1]
    if last in SENTENCE_END or _CREDIT_END.search(text):
        return True  # (a picture item ends on its photographer's credit: 记者 钟蕾 摄/川西视觉)
    if last in CLOSERS:
        inner = text.rstrip(CLOSERS)
        return bool(inner) and (inner[-1] in SENTENCE_END or last in "）)》】")
    return False


def join_broken(blocks: list[Block]) -> list[Block]:
    """Join text cut by a column break, lifting out captions that fell into the cut."""
    out: list[Block] = []
    open_text: int | None = None  # index in `out` of a text block that ends mid-sentence
    for block in blocks:
        if block.kind == "text" and open_text is not None and _continues(out[open_text], block):
            head = out[open_text]
            head.text += block.text
            head.span = (head.span[0], block.span[1])
            head.parts = head.parts + block.parts
        elif block.kind in ("caption",) and open_text is not None:
            out.append(block)
            continue
        else:
            out.append(block)
            open_text = None
        last = len(out) - 1 if block.kind == "text" else open_text
        if last is not None and out[last].kind == "text" and not is_complete(out[last].text) and not DOC_NUMBER.match(out[last].text):
            open_text = last
        else:
            open_text = None
    result: list[Block] = []
    for block in out:
        result.extend(split_trailing_byline(block) if block.kind == "text" else [block])
    return result


def _continues(head: Block, block: Block) -> bool:
    return (bool(block.text) and not block.text.startswith("本报讯") and not (head.in_ad or block.in_ad)
            and not TABLE_SOURCE.match(head.text)  # a table's source note ends its line
            and not any(is_table_row(b.text) or is_table_header(b.text) or cells_of(b.text) or is_ranking_row(b.text)
                        for b in (head, block)))
