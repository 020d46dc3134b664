"""Bad seeds: each is rejected with its file, the line where one is at fault, and a plain reason;
everything else keeps building. Hostile but valid pages are processed in linear time."""
import os
import random

import pytest

from digest_tools.eval_parse import kept_text, letters_and_digits
from park_digest.stories.generate import process_seeds, seed_files
from park_digest.parse.pipeline import process_file, process_seed
from park_digest.parse.read import SeedError, decode_seed, read_seed
from park_digest.settings import ConfigurationError, Settings
from conftest import SEEDS

GOOD = (SEEDS / "000_68498c843cd78d0e.txt").read_bytes()
PAGE = GOOD.decode("utf-8")


ANY_LINE = object()


def rejection(data: bytes, name: str = "bad.txt") -> SeedError:
    with pytest.raises(SeedError) as error:
        decode_seed(data, name)
    return error.value


@pytest.mark.parametrize("data,reason,line", [
    (b"", "empty page", None),
    (" \t\r\n\n\u3000 ".encode("utf-8"), "empty page", None),
    (b"\xef\xbc\x8c\xe3\x80\x82\n\n----\n***\n", "no letters or digits", None),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes)", 3),
    (random.Random(8).randbytes(4096).replace(b"\x00", b"\x01"), "undecodable", ANY_LINE),
    ("第一行\n第二行\n".encode() + b"\x81\x30\xff\n", "undecodable", 3),
    (b"\xff\xfe\x00\xd8a\x00", "not valid utf-16 after its byte-order mark", 1),
    ("标题\n正文\x01\x02\x03\x04\x05\x06\x07".encode(), "control characters", None),
], ids=["empty", "whitespace", "punctuation-only", "png", "random-bytes", "undecodable",
        "broken-utf16", "control-chars"])
def test_bad_bytes_are_rejected_with_file_reason_and_line(data, reason, line):
    error = rejection(data)
    assert error.file == "bad.txt" and reason in error.reason
    assert str(error).startswith("bad.txt: ")
    if line is not ANY_LINE:
        assert error.line == line and (f"line {line}:" in str(error)) == bool(line)


def test_utf16_pages_are_read_not_rejected():
    for data in (PAGE.encode("utf-16"), PAGE.encode("utf-16-le"), PAGE.encode("utf-16-be")):
        assert decode_seed(data, "u16.txt").lines == PAGE.split("\n")


@pytest.mark.parametrize("name", ["with space.txt", "青岛 高新区 第1版.txt", "ünïcode-名.txt"])
def test_awkward_file_names_are_processed(tmp_path, name):
    (tmp_path / name).write_bytes(GOOD)
    result = process_file(tmp_path / name)
    assert result.seed.file == name and len(result.stories) >= 3
    assert all(story.id.isascii() and " " not in story.id for story in result.stories)


def make_hostile_dir(root):
    """A seeds directory holding one good page beside every kind of broken entry."""
    root.mkdir()
    (root / "good.txt").write_bytes(GOOD)
    (root / "a.txt").symlink_to("b.txt")
    (root / "b.txt").symlink_to("a.txt")
    (root / "dangling.txt").symlink_to("nowhere/missing.txt")
    (root / "folder.txt").mkdir()
    os.mkfifo(root / "pipe.txt")  # reading it would block the build forever
    with open(root / "huge.txt", "wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # a sparse 20 MB page costs nothing to make
    (root / "bad-sidecar.txt").write_bytes(GOOD)
    (root / "bad-sidecar.yml").write_text("date: 2026-01-15\nsource: a: b\n", encoding="utf-8")
    return root


def test_seeds_directory_entries_are_reported_and_skipped(tmp_path, caplog):
    seeds = make_hostile_dir(tmp_path / "seeds")
    report = process_seeds(Settings(seeds_dir=seeds))
    # A broken sidecar costs the page nothing but the sidecar: it is published, the problem reported.
    assert [page.seed.file for page in report.pages] == ["bad-sidecar.txt", "good.txt"]
    assert [reason for _, reason in report.problems] == [
        "bad-sidecar.txt: bad-sidecar.yml: line 2: malformed sidecar YAML: mapping values are not allowed here"]
    reasons = dict(report.rejected)
    assert "symbolic link loop" in reasons["a.txt"] and "symbolic link loop" in reasons["b.txt"]
    assert "broken symbolic link" in reasons["dangling.txt"]
    assert "a directory, not a page" in reasons["folder.txt"]
    assert "not a regular file" in reasons["pipe.txt"]
    assert "20,971,520 bytes is over the limit" in reasons["huge.txt"]
    assert "PARK_DIGEST_MAX_SEED_BYTES" in reasons["huge.txt"]
    logged = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(logged) == len(reasons) + 1
    assert any(str(seeds) in message and "bad-sidecar.txt: bad-sidecar.yml: line 2:" in message for message in logged)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_seed_is_reported(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_bytes(GOOD)
    path.chmod(0)
    with pytest.raises(SeedError, match="permission denied"):
        read_seed(path)


def test_missing_seeds_directory_stops_the_build(tmp_path):
    with pytest.raises(ConfigurationError, match="SEEDS_DIR"):
        list(seed_files(tmp_path / "no-such-dir"))


@pytest.mark.parametrize("line", [
    "青岛高新区" * 40000,
    "5家企业" * 50000,
    "1 " * 100000,
    "2025年" * 40000,
    PAGE.replace("\n", "") * 20,
], ids=["cjk", "dense-figures", "digits-and-spaces", "years", "page-on-one-line"])
def test_one_200k_character_line_is_processed_whole(line):
    line = line[:200_000]
    result = process_seed(decode_seed(line.encode("utf-8"), "long.txt"))
    assert sorted(letters_and_digits(kept_text(result))) == sorted(letters_and_digits(line))
    assert all(len(story.title or "") <= 200 for story in result.stories)  # never a page-long headline


def test_punctuation_only_lines_are_discarded_with_a_reason():
    text = PAGE + "\n\n————————————\n\n＊＊＊\n"
    result = process_seed(decode_seed(text.encode("utf-8"), "rules.txt"))
    rules = [d for d in result.discarded if d.reason.startswith("rule or ornament")]
    assert [d.text for d in rules] == ["————————————", "＊＊＊"]


def test_a_page_of_a_thousand_headlines_is_one_story_and_the_editor_is_told():
    """A list marked up as headings (an index, names in a table) is not a thousand stories."""
    items = [f"## 第{i}项 青岛高新区重点项目{i}号\n\n项目{i}总投资{i % 9 + 1}亿元，已开工建设。" for i in range(1, 1001)]
    text = "\n\n".join(items) + "\n"
    result = process_seed(decode_seed(text.encode("utf-8"), "list.txt"))
    (story,) = result.stories
    assert story.title == "第1项 青岛高新区重点项目1号"
    headings = [item.text for item in story.body if item.type == "heading"]
    assert len(headings) == 999 and headings[-1] == "第1000项 青岛高新区重点项目1000号"
    (warning,) = result.warnings
    assert warning.startswith("list.txt: 1,000 stories found, more than one page holds (100)")
    assert sorted(letters_and_digits(kept_text(result))) == sorted(letters_and_digits(text))


def test_a_page_of_a_few_dozen_briefs_stays_a_page_of_briefs():
    items = [f"## 青岛高新区要闻{i}\n\n本报讯 青岛高新区今年第{i}批项目签约，总投资{i}亿元。" for i in range(1, 41)]
    result = process_seed(decode_seed("\n\n".join(items).encode("utf-8"), "briefs.txt"))
    assert len(result.stories) == 40 and not result.warnings
