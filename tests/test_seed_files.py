"""Seeds are regular files inside the seeds folder, with names that can be written safely into a
log line, a PO reference and a command line. Anything else is refused, named (escaped) and
never read: a link to a credentials file publishes nothing."""
import logging
import os
import shutil
import signal
from pathlib import Path

import pytest

from park_digest.parse.pipeline import process_file
from park_digest.parse.read import SeedError, read_seed, read_seed_bytes
from park_digest.settings import Settings
from park_digest.stories.generate import StrictModeError, generate_content, process_seeds
from conftest import SEEDS

GOOD = SEEDS / "000_68498c843cd78d0e.txt"
SECRET = "aws_secret_access_key = wJalrXUtnFEMI青岛高新区密钥"
SECRET_PAGE = f"青岛高新区新闻\n\n本报讯 {SECRET}，今年新增企业120家。\n"


@pytest.fixture
def outside(tmp_path):
    """A readable file outside the seeds folder, and the folder beside it."""
    secret = tmp_path / "home" / ".aws" / "credentials"
    secret.parent.mkdir(parents=True)
    secret.write_text(SECRET_PAGE, encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(GOOD, seeds / "good.txt")
    return secret, seeds


def test_a_link_out_of_the_seeds_folder_is_refused_and_never_read(outside, caplog):
    secret, seeds = outside
    (seeds / "credentials.txt").symlink_to(secret)
    (seeds / "relative.txt").symlink_to(os.path.relpath(secret, seeds))
    (seeds / "up.txt").symlink_to("../home/.aws/credentials")
    (seeds / "inside.txt").symlink_to("good.txt")  # a link that stays inside is a seed
    report = process_seeds(Settings(seeds_dir=seeds, cache_dir=seeds.parent / "cache"))
    assert sorted(page.seed.file for page in report.pages) == ["good.txt", "inside.txt"]
    reasons = dict(report.rejected)
    for name in ("credentials.txt", "relative.txt", "up.txt"):
        assert "outside the folder" in reasons[name] and reasons[name].startswith(name + ": ")
    assert not any(SECRET in record.getMessage() for record in caplog.records)


def test_a_sidecar_must_stay_inside_too(outside):
    secret, seeds = outside
    secret.write_text("source: " + SECRET + "\n", encoding="utf-8")
    (seeds / "good.yml").symlink_to(secret)
    report = process_seeds(Settings(seeds_dir=seeds, cache_dir=seeds.parent / "cache"))
    assert not report.pages
    (reason,) = dict(report.rejected).values()
    assert reason.startswith("good.txt: good.yml: a symbolic link to") and "outside the folder" in reason


def test_a_pipe_as_sidecar_is_refused_without_waiting(outside):
    _, seeds = outside
    os.mkfifo(seeds / "good.yml")  # reading it would block the build forever

    def stuck(*_):
        raise TimeoutError("reading the sidecar blocked on a pipe")
    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(20)
    try:
        with pytest.raises(SeedError, match="good.yml: not a regular file"):
            process_file(seeds / "good.txt")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_devices_are_refused_without_being_opened(outside):
    _, seeds = outside
    (seeds / "zero.txt").symlink_to("/dev/zero")  # outside, and endless
    with pytest.raises(SeedError, match="outside the folder"):
        read_seed(seeds / "zero.txt")
    with pytest.raises(SeedError, match="not a regular file"):  # a device inside its folder
        read_seed_bytes(Path("/dev/null"), folder=Path("/dev"))


def test_strict_fails_on_a_link_that_leaves_the_folder(outside):
    secret, seeds = outside
    (seeds / "credentials.txt").symlink_to(secret)
    settings = Settings(seeds_dir=seeds, content_dir=seeds.parent / "content",
                        cache_dir=seeds.parent / "cache", strict=True, workers=1)
    with pytest.raises(StrictModeError, match="credentials.txt: a symbolic link"):
        generate_content(settings)
    published = "".join(p.read_text(encoding="utf-8") for p in (seeds.parent / "content").rglob("*.md"))
    assert "wJalrXUtnFEMI" not in published


UNSAFE_NAMES = {  # name → how its log line shows it
    "line\nbreak.txt": r"line\nbreak.txt",
    "carriage\rreturn.txt": r"carriage\rreturn.txt",
    "escape\x1b[31mred.txt": r"escape\x1b[31mred.txt",
    "invoice\u202etxt.exe.txt": r"invoice\u202etxt.exe.txt",
    "zero\u200bwidth.txt": r"zero\u200bwidth.txt",
    "next\u2028line.txt": r"next\u2028line.txt",
    "-rf.txt": "-rf.txt",
    "--output=x.txt": "--output=x.txt",
}


def test_names_that_cannot_be_written_safely_are_refused_on_one_line(tmp_path, caplog):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in UNSAFE_NAMES:
        shutil.copy(GOOD, seeds / name)
    os.symlink(GOOD, os.path.join(os.fsencode(seeds), b"latin1-\xe9t\xe9.txt"))  # not UTF-8
    shutil.copy(GOOD, seeds / "青岛 日报　第1版.txt")  # spaces, even ideographic ones, are fine
    with caplog.at_level(logging.WARNING):
        report = process_seeds(Settings(seeds_dir=seeds, cache_dir=tmp_path / "cache"))
    assert [page.seed.file for page in report.pages] == ["青岛 日报　第1版.txt"]
    reasons = dict(report.rejected)
    assert len(reasons) == len(UNSAFE_NAMES) + 1
    for name, shown in UNSAFE_NAMES.items():
        assert reasons[name].startswith(shown + ": its name "), reasons[name]
    assert "latin1-\\xe9t\\xe9.txt: its name is not valid UTF-8" in " ".join(reasons.values())
    for record in caplog.records:
        message = record.getMessage()
        assert "\n" not in message and "\r" not in message and "\x1b" not in message
        assert "\u202e" not in message and "\u2028" not in message
